package demo

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log"
	"net"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
)

// Server is an in-process IMAP server on a loopback port, holding the
// sample mailbox.
type Server struct {
	Addr     string
	Username string
	Password string
	srv      *imapserver.Server
	user     *imapmemserver.User
}

// Folders of the sample mailbox.
var Folders = []string{"INBOX", "Sent", "Drafts", "Archive"}

// Serve starts a server on 127.0.0.1 with a random port and a random
// password, seeded with Mailbox(now).
func Serve(now time.Time) (*Server, error) {
	pw := make([]byte, 12)
	if _, err := rand.Read(pw); err != nil {
		return nil, err
	}
	s := &Server{Username: Me.Address, Password: hex.EncodeToString(pw)}
	mem := imapmemserver.New()
	s.user = imapmemserver.NewUser(s.Username, s.Password)
	for _, f := range Folders {
		if err := s.user.Create(f, nil); err != nil {
			return nil, fmt.Errorf("demo: create %s: %w", f, err)
		}
	}
	for _, m := range Mailbox(now) {
		if err := s.Append(m.Mailbox, m.Raw, m.Date, m.Flags...); err != nil {
			return nil, err
		}
	}
	mem.AddUser(s.user)
	s.srv = imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return mem.NewSession(), nil, nil
		},
		Caps:         imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapIMAP4rev2: {}},
		InsecureAuth: true, // loopback only
		Logger:       log.New(discard{}, "", 0),
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("demo: listen: %w", err)
	}
	s.Addr = ln.Addr().String()
	go func() {
		if err := s.srv.Serve(ln); err != nil && !errors.Is(err, net.ErrClosed) {
			log.Printf("demo server: %v", err)
		}
	}()
	return s, nil
}

// Append adds a message to one of the server's folders, as another mail
// client would.
func (s *Server) Append(mailbox string, raw []byte, date time.Time, flags ...string) error {
	fl := make([]imap.Flag, 0, len(flags))
	for _, f := range flags {
		fl = append(fl, imap.Flag(f))
	}
	if _, err := s.user.Append(mailbox, bytes.NewReader(raw), &imap.AppendOptions{Flags: fl, Time: date}); err != nil {
		return fmt.Errorf("demo: append to %s: %w", mailbox, err)
	}
	return nil
}

// Close stops the server.
func (s *Server) Close() error { return s.srv.Close() }

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

package imaptest

import (
	"crypto/tls"
	"errors"
	"fmt"
	"log"
	"net"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
)

// Mailboxes of the memory server besides INBOX, with their special use.
var memoryMailboxes = []struct {
	name string
	use  imap.MailboxAttr
}{
	{"Sent", imap.MailboxAttrSent},
	{"Drafts", imap.MailboxAttrDrafts},
	{"Archive", imap.MailboxAttrArchive},
}

// StartMemory starts an in-process go-imap v2 server (imapserver with the
// imapmemserver backend) holding INBOX, Sent (\Sent), Drafts (\Drafts) and
// Archive (\Archive), all subscribed. It needs no external binary, so it
// never skips, and starts in about a millisecond.
//
// The default user is "alice@example.com". The server speaks IMAP4rev1
// with IDLE, UIDPLUS, MOVE, NAMESPACE, LIST-EXTENDED, LIST-STATUS,
// SPECIAL-USE and CREATE-SPECIAL-USE. LIST reports special-use attributes
// whether or not they were asked for. Mail lives in memory and survives
// [Server.Restart]. The log imitates Dovecot's "in=... out=..." line for
// every closed connection.
func StartMemory(t testing.TB, opts ...Option) *Server {
	t.Helper()
	cfg := newConfig("alice@example.com", opts)
	s := &Server{Kind: KindMemory, SentMailbox: "Sent"}
	s.dir = newServerDir(t, KindMemory)
	b := &memoryBackend{
		mem:   imapmemserver.New(),
		user:  imapmemserver.NewUser(cfg.user, cfg.password),
		boxes: make(map[string]*memMailbox),
		conns: make(map[net.Conn]struct{}),
	}
	b.mem.AddUser(b.user)
	if err := b.create("INBOX", nil); err != nil {
		t.Fatalf("imaptest: %v", err)
	}
	for _, mb := range memoryMailboxes {
		if err := b.create(mb.name, []imap.MailboxAttr{mb.use}); err != nil {
			t.Fatalf("imaptest: %v", err)
		}
	}
	s.backend = b
	start(t, s, cfg)
	return s
}

// memoryBackend runs imapserver in-process. The imapmemserver backend
// keeps the mail; this type adds what it lacks: special-use attributes,
// server-side disconnects and a log.
type memoryBackend struct {
	mem  *imapmemserver.Server
	user *imapmemserver.User

	mu    sync.Mutex
	boxes map[string]*memMailbox // by name, mirrors the user's mailboxes
	conns map[net.Conn]struct{}
	srv   *imapserver.Server
	done  chan struct{} // closed when srv stops serving
	log   *os.File
}

type memMailbox struct {
	subscribed bool
	specialUse []imap.MailboxAttr
}

func (b *memoryBackend) logPath(s *Server) string { return filepath.Join(s.dir, "memory.log") }

// create makes a subscribed mailbox with the given special use.
func (b *memoryBackend) create(name string, use []imap.MailboxAttr) error {
	if err := b.user.Create(name, nil); err != nil {
		return fmt.Errorf("creating %q: %w", name, err)
	}
	if err := b.user.Subscribe(name); err != nil {
		return fmt.Errorf("subscribing to %q: %w", name, err)
	}
	b.mu.Lock()
	b.boxes[name] = &memMailbox{subscribed: true, specialUse: use}
	b.mu.Unlock()
	return nil
}

func (b *memoryBackend) start(s *Server) error {
	ln, err := net.Listen("tcp", s.Addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		return fmt.Errorf("%w: %s", errPortInUse, s.Addr)
	} else if err != nil {
		return fmt.Errorf("listening on %s: %w", s.Addr, err)
	}
	if s.TLS {
		ln = tls.NewListener(ln, &tls.Config{
			Certificates: []tls.Certificate{s.tlsMaterial.cert},
			MinVersion:   tls.VersionTLS12,
		})
	}
	logFile, err := os.OpenFile(b.logPath(s), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		ln.Close()
		return fmt.Errorf("opening log: %w", err)
	}
	logger := log.New(logFile, "imap: ", log.LstdFlags|log.Lmicroseconds)
	srv := imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return &memSession{backend: b}, nil, nil
		},
		Caps: imap.CapSet{
			imap.CapIMAP4rev1:        {},
			imap.CapUIDPlus:          {},
			imap.CapMove:             {},
			imap.CapNamespace:        {},
			imap.CapListExtended:     {},
			imap.CapListStatus:       {},
			imap.CapSpecialUse:       {},
			imap.CapCreateSpecialUse: {},
		},
		Logger: logger,
		// Connections are wrapped for byte counting, which hides the
		// TLS layer from imapserver; they are loopback-only anyway.
		InsecureAuth: true,
	})
	done := make(chan struct{})
	b.mu.Lock()
	b.srv, b.done, b.log = srv, done, logFile
	b.mu.Unlock()
	go func() {
		defer close(done)
		if err := srv.Serve(&trackingListener{Listener: ln, backend: b, logger: logger}); err != nil {
			logger.Printf("Error: serve: %v", err)
		}
	}()
	logger.Printf("Info: listening on %s (tls=%v)", s.Addr, s.TLS)
	if err := s.waitReady(done); err != nil {
		b.stop(s)
		return err
	}
	return nil
}

func (b *memoryBackend) stop(s *Server) error {
	b.mu.Lock()
	srv, done, logFile := b.srv, b.done, b.log
	b.srv, b.done, b.log = nil, nil, nil
	b.mu.Unlock()
	if srv == nil {
		return nil
	}
	err := srv.Close()
	<-done
	// imapserver.Close only closes connections it registered; make sure
	// none slipped through.
	b.closeConns()
	logFile.Close()
	return err
}

func (b *memoryBackend) kick(s *Server) error {
	b.closeConns()
	return nil
}

func (b *memoryBackend) closeConns() {
	b.mu.Lock()
	conns := make([]net.Conn, 0, len(b.conns))
	for c := range b.conns {
		conns = append(conns, c)
	}
	b.mu.Unlock()
	for _, c := range conns {
		c.Close()
	}
}

func (b *memoryBackend) resetMailbox(s *Server, c *imapclient.Client, mailbox string, _ uint32) (*imapclient.Client, error) {
	b.mu.Lock()
	box := b.boxes[mailbox]
	b.mu.Unlock()
	if box == nil {
		return c, fmt.Errorf("no mailbox %q", mailbox)
	}
	// The memory backend hands every newly created mailbox a fresh
	// UIDVALIDITY.
	if err := b.user.Delete(mailbox); err != nil {
		return c, fmt.Errorf("deleting %q: %w", mailbox, err)
	}
	return c, b.create(mailbox, box.specialUse)
}

// trackingListener records accepted connections so that they can be
// kicked, and counts their traffic for the log.
type trackingListener struct {
	net.Listener
	backend *memoryBackend
	logger  *log.Logger
}

func (l *trackingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	cc := &countingConn{Conn: c, listener: l}
	l.backend.mu.Lock()
	l.backend.conns[cc] = struct{}{}
	l.backend.mu.Unlock()
	l.logger.Printf("Info: Connect: rip=%s", c.RemoteAddr())
	return cc, nil
}

// countingConn counts the bytes a connection reads and writes and logs
// them once, when it is closed.
type countingConn struct {
	net.Conn
	listener *trackingListener
	in, out  atomic.Int64
	once     sync.Once
}

func (c *countingConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.in.Add(int64(n))
	return n, err
}

func (c *countingConn) Write(p []byte) (int, error) {
	n, err := c.Conn.Write(p)
	c.out.Add(int64(n))
	return n, err
}

func (c *countingConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(func() {
		b := c.listener.backend
		b.mu.Lock()
		delete(b.conns, c)
		b.mu.Unlock()
		c.listener.logger.Printf("Info: Disconnected: rip=%s in=%d out=%d", c.RemoteAddr(), c.in.Load(), c.out.Load())
	})
	return err
}

// memSession is an imapmemserver session that keeps memoryBackend's
// mailbox registry up to date and answers LIST from it, adding the
// special-use attributes the memory backend does not keep.
type memSession struct {
	*imapmemserver.UserSession // nil until login
	backend                    *memoryBackend
}

var _ imapserver.Session = (*memSession)(nil)

func (sess *memSession) Login(username, password string) error {
	if err := sess.backend.user.Login(username, password); err != nil {
		return err
	}
	sess.UserSession = imapmemserver.NewUserSession(sess.backend.user)
	return nil
}

func normalizeMailbox(name string) string {
	name = strings.TrimRight(name, "/")
	if strings.EqualFold(name, "INBOX") {
		return "INBOX"
	}
	return name
}

func (sess *memSession) Create(name string, options *imap.CreateOptions) error {
	if err := sess.UserSession.Create(name, options); err != nil {
		return err
	}
	b := sess.backend
	box := &memMailbox{}
	if options != nil {
		box.specialUse = options.SpecialUse
	}
	b.mu.Lock()
	b.boxes[normalizeMailbox(name)] = box
	b.mu.Unlock()
	return nil
}

func (sess *memSession) Delete(name string) error {
	if err := sess.UserSession.Delete(name); err != nil {
		return err
	}
	b := sess.backend
	b.mu.Lock()
	delete(b.boxes, normalizeMailbox(name))
	b.mu.Unlock()
	return nil
}

func (sess *memSession) Rename(oldName, newName string, options *imap.RenameOptions) error {
	if err := sess.UserSession.Rename(oldName, newName, options); err != nil {
		return err
	}
	b := sess.backend
	b.mu.Lock()
	oldName, newName = normalizeMailbox(oldName), normalizeMailbox(newName)
	b.boxes[newName] = b.boxes[oldName]
	delete(b.boxes, oldName)
	b.mu.Unlock()
	return nil
}

func (sess *memSession) Subscribe(name string) error {
	return sess.setSubscribed(name, true)
}

func (sess *memSession) Unsubscribe(name string) error {
	return sess.setSubscribed(name, false)
}

func (sess *memSession) setSubscribed(name string, on bool) error {
	var err error
	if on {
		err = sess.UserSession.Subscribe(name)
	} else {
		err = sess.UserSession.Unsubscribe(name)
	}
	if err != nil {
		return err
	}
	b := sess.backend
	b.mu.Lock()
	if box := b.boxes[normalizeMailbox(name)]; box != nil {
		box.subscribed = on
	}
	b.mu.Unlock()
	return nil
}

func (sess *memSession) List(w *imapserver.ListWriter, ref string, patterns []string, options *imap.ListOptions) error {
	if len(patterns) == 0 {
		return w.WriteList(&imap.ListData{
			Attrs: []imap.MailboxAttr{imap.MailboxAttrNoSelect},
			Delim: '/',
		})
	}
	b := sess.backend
	type entry struct {
		name string
		box  memMailbox
	}
	var matched []entry
	b.mu.Lock()
	for name, box := range b.boxes {
		for _, pattern := range patterns {
			if imapserver.MatchList(name, '/', ref, pattern) {
				matched = append(matched, entry{name, *box})
				break
			}
		}
	}
	b.mu.Unlock()
	sort.Slice(matched, func(i, j int) bool { return matched[i].name < matched[j].name })

	for _, e := range matched {
		if options.SelectSubscribed && !e.box.subscribed {
			continue
		}
		if options.SelectSpecialUse && len(e.box.specialUse) == 0 {
			continue
		}
		data := imap.ListData{Mailbox: e.name, Delim: '/'}
		if e.box.subscribed {
			data.Attrs = append(data.Attrs, imap.MailboxAttrSubscribed)
		}
		data.Attrs = append(data.Attrs, e.box.specialUse...)
		if options.ReturnStatus != nil {
			status, err := sess.UserSession.Status(e.name, options.ReturnStatus)
			if err != nil {
				return err
			}
			data.Status = status
		}
		if err := w.WriteList(&data); err != nil {
			return err
		}
	}
	return nil
}

package imapwatch_test

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"github.com/inboxwatch/inboxwatch/internal/imaptest"
	"github.com/inboxwatch/inboxwatch/internal/imapwatch"
	"github.com/inboxwatch/inboxwatch/internal/mailparse"
)

type starter func(testing.TB, ...imaptest.Option) *imaptest.Server

var servers = map[string]starter{
	"memory":  imaptest.StartMemory,
	"dovecot": imaptest.StartDovecot,
	"cyrus":   imaptest.StartCyrus,
}

// eachServer runs f against every server kind.
func eachServer(t *testing.T, f func(t *testing.T, start starter)) {
	for _, name := range slices.Sorted(maps.Keys(servers)) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f(t, servers[name])
		})
	}
}

func options(s *imaptest.Server) imapwatch.Options {
	mode := imapwatch.TLSNone
	if s.TLS {
		mode = imapwatch.TLSImplicit
	}
	return imapwatch.Options{
		Addr: s.Addr, TLS: mode, CAFile: s.CAFile, Username: s.Username, Auth: "password",
		Secret:  func(context.Context) (string, error) { return s.Password, nil },
		Timeout: 10 * time.Second,
	}
}

func dial(t *testing.T, s *imaptest.Server) *imapwatch.Conn {
	t.Helper()
	c, err := imapwatch.Dial(context.Background(), options(s))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func seed(t *testing.T, s *imaptest.Server, mailbox string, n, from int) {
	t.Helper()
	for i := from; i < from+n; i++ {
		body := fmt.Sprintf("Hello, message %d.\nWe would like to invite you to an interview.", i)
		s.Append(t, mailbox, imaptest.Message("Recruiter <r@acme.example>", "me@example.com", fmt.Sprintf("Interview invitation %d", i), body))
	}
}

// collect scans and returns the chunks.
func collect(t *testing.T, c *imapwatch.Conn, mailbox string, cur imapwatch.Cursor, opts imapwatch.ScanOptions) []imapwatch.Chunk {
	t.Helper()
	var out []imapwatch.Chunk
	err := c.Scan(context.Background(), mailbox, cur, opts, func(_ context.Context, ch imapwatch.Chunk) error {
		out = append(out, ch)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func subjects(chs []imapwatch.Chunk) []string {
	var s []string
	for _, ch := range chs {
		for _, m := range ch.Messages {
			s = append(s, m.Msg.Subject)
		}
	}
	return s
}

func last(chs []imapwatch.Chunk) imapwatch.Cursor {
	if len(chs) == 0 {
		return imapwatch.Cursor{}
	}
	l := chs[len(chs)-1]
	return imapwatch.Cursor{UIDValidity: l.UIDValidity, LastUID: l.LastUID}
}

func TestScanIsReadOnlyAndIncremental(t *testing.T) {
	eachServer(t, func(t *testing.T, start starter) {
		s := start(t)
		seed(t, s, "INBOX", 7, 0)
		s.Append(t, "INBOX", imaptest.Message("a@b.example", "me@example.com", "Already read", "x"), imap.FlagSeen)
		before := s.Flags(t, "INBOX")
		c := dial(t, s)
		// A long scan reads the text on a second connection.
		var texts int
		dialText := func(ctx context.Context) (*imapwatch.Conn, error) {
			texts++
			return imapwatch.Dial(ctx, options(s))
		}
		chs := collect(t, c, "INBOX", imapwatch.Cursor{}, imapwatch.ScanOptions{ChunkSize: 3, DialText: dialText})
		if texts != 1 {
			t.Errorf("a scan of 3 chunks opened %d text connections, want 1", texts)
		}
		if got := len(subjects(chs)); got != 8 {
			t.Fatalf("first scan read %d messages, want 8", got)
		}
		if len(chs) != 3 {
			t.Errorf("scan of 8 messages in chunks of 3 gave %d chunks", len(chs))
		}
		for i := 1; i < len(chs); i++ {
			if chs[i].LastUID <= chs[i-1].LastUID {
				t.Fatalf("chunks out of UID order: %d then %d", chs[i-1].LastUID, chs[i].LastUID)
			}
		}
		var withBody int
		for _, ch := range chs {
			for _, m := range ch.Messages {
				if m.Body && strings.Contains(m.Msg.Text, "invite you to an interview") {
					withBody++
				}
			}
		}
		if withBody != 7 {
			t.Errorf("%d messages came with their text, want 7", withBody)
		}
		if after := s.Flags(t, "INBOX"); !maps.EqualFunc(before, after, slices.Equal) {
			t.Fatalf("scan changed flags:\nbefore %v\nafter  %v", before, after)
		}
		// Nothing new: nothing read.
		cur := last(chs)
		if again := collect(t, c, "INBOX", cur, imapwatch.ScanOptions{}); len(subjects(again)) != 0 {
			t.Fatalf("a pass with nothing new read %v", subjects(again))
		}
		seed(t, s, "INBOX", 2, 100)
		inc := collect(t, c, "INBOX", cur, imapwatch.ScanOptions{})
		if got := subjects(inc); !slices.Equal(got, []string{"Interview invitation 100", "Interview invitation 101"}) {
			t.Fatalf("incremental pass read %v, want the 2 new messages", got)
		}
		// Another folder in between, then news in the first again.
		cur = last(inc)
		s.CreateMailbox(t, "Elsewhere")
		collect(t, c, "Elsewhere", imapwatch.Cursor{}, imapwatch.ScanOptions{})
		seed(t, s, "INBOX", 1, 200)
		inc = collect(t, c, "INBOX", cur, imapwatch.ScanOptions{})
		if got := subjects(inc); !slices.Equal(got, []string{"Interview invitation 200"}) {
			t.Fatalf("pass after another folder read %v, want the 1 new message", got)
		}
		before = s.Flags(t, "INBOX")
		cur = last(inc)
		seed(t, s, "INBOX", 1, 300)
		if got := subjects(collect(t, c, "INBOX", cur, imapwatch.ScanOptions{})); !slices.Equal(got, []string{"Interview invitation 300"}) {
			t.Fatalf("third pass read %v", got)
		}
		after := s.Flags(t, "INBOX")
		delete(after, uint32(len(after))) // the message just added
		if !maps.EqualFunc(before, after, slices.Equal) {
			t.Fatalf("incremental scans changed flags:\nbefore %v\nafter  %v", before, after)
		}
	})
}

func TestNeedBodySkipsText(t *testing.T) {
	s := imaptest.StartDovecot(t)
	seed(t, s, "INBOX", 3, 0)
	c := dial(t, s)
	chs := collect(t, c, "INBOX", imapwatch.Cursor{}, imapwatch.ScanOptions{NeedBody: func(m *mailparse.Message) bool {
		return strings.HasSuffix(m.Subject, " 1")
	}})
	for _, ch := range chs {
		for _, m := range ch.Messages {
			if want := strings.HasSuffix(m.Msg.Subject, " 1"); m.Body != want || (m.Msg.Text != "") != want {
				t.Errorf("%q: body fetched %v, want %v", m.Msg.Subject, m.Body, want)
			}
		}
	}
}

func TestUIDValidityChange(t *testing.T) {
	eachServer(t, func(t *testing.T, start starter) {
		s := start(t)
		seed(t, s, "INBOX", 3, 0)
		c := dial(t, s)
		cur := last(collect(t, c, "INBOX", imapwatch.Cursor{}, imapwatch.ScanOptions{}))
		s.RecreateMailbox(t, "INBOX")
		c2 := dial(t, s)
		var reset uint32
		chs := collect(t, c2, "INBOX", cur, imapwatch.ScanOptions{OnReset: func(_ context.Context, uv uint32) error {
			reset = uv
			return nil
		}})
		if reset == 0 || reset == cur.UIDValidity {
			t.Fatalf("OnReset got %d (old %d): the change was not noticed", reset, cur.UIDValidity)
		}
		if got := len(subjects(chs)); got != 3 {
			t.Fatalf("rescan after UIDVALIDITY change read %d messages, want all 3", got)
		}
	})
}

func TestFoldersBySpecialUse(t *testing.T) {
	for name, want := range map[string]string{"dovecot": "[Gmail]/Sent Mail", "cyrus": "Sent", "memory": "Sent"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s := servers[name](t)
			f, err := dial(t, s).Folders(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if f.Sent != want || f.Inbox != "INBOX" || f.Drafts == "" {
				t.Fatalf("folders %+v, want Sent %q and a Drafts folder", f, want)
			}
		})
	}
}

func TestIdleNoticesNewMail(t *testing.T) {
	eachServer(t, func(t *testing.T, start starter) {
		s := start(t)
		seed(t, s, "INBOX", 1, 0)
		c := dial(t, s)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		got := make(chan struct{}, 4)
		done := make(chan error, 1)
		go func() { done <- c.Watch(ctx, "INBOX", time.Minute, func() { got <- struct{}{} }) }()
		time.Sleep(300 * time.Millisecond) // let IDLE start
		seed(t, s, "INBOX", 1, 50)
		select {
		case <-got:
		case err := <-done:
			t.Fatalf("watch ended: %v", err)
		case <-time.After(20 * time.Second):
			t.Fatal("IDLE did not report the appended message within 20 s")
		}
		cancel()
		if err := <-done; !errors.Is(err, context.Canceled) {
			t.Fatalf("watch ended with %v after cancel, want context.Canceled", err)
		}
	})
}

func TestTLS(t *testing.T) {
	for _, name := range []string{"dovecot", "memory"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s := servers[name](t, imaptest.WithTLS())
			if _, err := imapwatch.Dial(context.Background(), options(s)); err != nil {
				t.Fatalf("with tls_ca_file: %v", err)
			}
			o := options(s)
			o.CAFile = ""
			_, err := imapwatch.Dial(context.Background(), o)
			var te *imapwatch.TLSError
			if !errors.As(err, &te) || !imapwatch.Permanent(err) {
				t.Fatalf("without the CA: got %v, want a TLSError", err)
			}
			if !strings.Contains(err.Error(), "tls_ca_file") {
				t.Errorf("error %q does not tell the user what to do", err)
			}
		})
	}
}

func TestWrongPassword(t *testing.T) {
	eachServer(t, func(t *testing.T, start starter) {
		s := start(t)
		o := options(s)
		o.Secret = func(context.Context) (string, error) { return "not-the-password", nil }
		_, err := imapwatch.Dial(context.Background(), o)
		if !imapwatch.IsAuthError(err) || !imapwatch.Permanent(err) {
			t.Fatalf("got %v, want a permanent AuthError", err)
		}
		if strings.Contains(err.Error(), "not-the-password") {
			t.Fatalf("error reveals the password: %v", err)
		}
	})
}

// A server that accepts the connection and then says nothing must not hang
// the client: the timeout closes the connection.
func TestSilentServerTimesOut(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	defer func() {
		mu.Lock()
		for _, c := range conns {
			c.Close()
		}
		mu.Unlock()
	}()
	start := time.Now()
	_, err = imapwatch.Dial(context.Background(), imapwatch.Options{
		Addr: ln.Addr().String(), TLS: imapwatch.TLSNone, Username: "u", Timeout: 500 * time.Millisecond,
		Secret: func(context.Context) (string, error) { return "p", nil },
	})
	if err == nil {
		t.Fatal("dial to a silent server succeeded")
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("dial to a silent server took %s; the 500ms timeout did not hold", d)
	}
}

func TestAppendAndDeleteOwn(t *testing.T) {
	s := imaptest.StartDovecot(t)
	seed(t, s, "[Gmail]/Drafts", 1, 0) // the user's own draft: never touched
	c := dial(t, s)
	raw := imaptest.Message("me@example.com", "r@acme.example", "Thank you", "Draft body")
	a, err := c.Append(context.Background(), "[Gmail]/Drafts", raw, []imap.Flag{imap.FlagDraft}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if a.UID == 0 {
		t.Fatal("server did not report the appended UID")
	}
	// A changed message is left alone.
	err = c.DeleteOwn(context.Background(), "[Gmail]/Drafts", a.UIDValidity, a.UID, func([]byte) bool { return false })
	if !errors.Is(err, imapwatch.ErrChanged) {
		t.Fatalf("delete of a changed draft: %v, want ErrChanged", err)
	}
	if err := c.DeleteOwn(context.Background(), "[Gmail]/Drafts", a.UIDValidity, a.UID, func([]byte) bool { return true }); err != nil {
		t.Fatal(err)
	}
	flags := s.Flags(t, "[Gmail]/Drafts")
	if len(flags) != 1 {
		t.Fatalf("Drafts holds %d messages after deleting ours, want the user's 1: %v", len(flags), flags)
	}
	if _, ok := flags[a.UID]; ok {
		t.Fatalf("our draft UID %s is still there", strconv.Itoa(int(a.UID)))
	}
}

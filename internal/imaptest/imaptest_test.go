package imaptest

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"maps"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

type serverKind struct {
	name  string
	start func(testing.TB, ...Option) *Server
	// specialUse lists mailboxes whose special-use attribute LIST must
	// report.
	specialUse map[string]imap.MailboxAttr
}

var kinds = []serverKind{
	{
		name:  KindDovecot,
		start: StartDovecot,
		specialUse: map[string]imap.MailboxAttr{
			GmailSent:   imap.MailboxAttrSent,
			GmailAll:    imap.MailboxAttrAll,
			GmailDrafts: imap.MailboxAttrDrafts,
			GmailSpam:   imap.MailboxAttrJunk,
			GmailTrash:  imap.MailboxAttrTrash,
		},
	},
	{
		name:  KindCyrus,
		start: StartCyrus,
		specialUse: map[string]imap.MailboxAttr{
			"Sent":    imap.MailboxAttrSent,
			"Drafts":  imap.MailboxAttrDrafts,
			"Trash":   imap.MailboxAttrTrash,
			"Spam":    imap.MailboxAttrJunk,
			"Archive": imap.MailboxAttrArchive,
		},
	},
	{
		name:  KindMemory,
		start: StartMemory,
		specialUse: map[string]imap.MailboxAttr{
			"Sent":    imap.MailboxAttrSent,
			"Drafts":  imap.MailboxAttrDrafts,
			"Archive": imap.MailboxAttrArchive,
		},
	},
}

func TestServer(t *testing.T) {
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			t.Parallel()
			testServer(t, k)
		})
	}
}

func testServer(t *testing.T, k serverKind) {
	s := k.start(t)
	if s.Kind != k.name || s.TLS || s.CAFile != "" {
		t.Fatalf("server = %+v, want a plain %s server", s, k.name)
	}

	// Seed three messages in INBOX and one in Sent.
	uids := []uint32{
		s.Append(t, "INBOX", Message("bob@example.com", s.Username, "first", "one")),
		s.Append(t, "INBOX", Message("bob@example.com", s.Username, "second", "two"), imap.FlagSeen),
		s.Append(t, "INBOX", Message("carol@example.com", s.Username, "third", "three"), imap.FlagFlagged, "$Important"),
	}
	if !slices.IsSorted(uids) || uids[0] == 0 || len(slices.Compact(slices.Clone(uids))) != 3 {
		t.Fatalf("Append returned UIDs %v, want three ascending non-zero UIDs", uids)
	}
	s.Append(t, s.SentMailbox, Message(s.Username, "bob@example.com", "reply", "hi"), imap.FlagSeen)

	// Special-use attributes.
	c := Dial(t, s)
	list, err := c.List("", "*", &imap.ListOptions{ReturnSpecialUse: true}).Collect()
	if err != nil {
		t.Fatalf("LIST: %v", err)
	}
	found := map[string][]imap.MailboxAttr{}
	for _, l := range list {
		found[l.Mailbox] = l.Attrs
	}
	if _, ok := found["INBOX"]; !ok {
		t.Errorf("LIST did not return INBOX: %v", found)
	}
	for name, use := range k.specialUse {
		if !slices.Contains(found[name], use) {
			t.Errorf("LIST: %q has attributes %v, want %s (all: %v)", name, found[name], use, found)
		}
	}
	if k.specialUse[s.SentMailbox] != imap.MailboxAttrSent {
		t.Errorf("SentMailbox = %q, which is not the \\Sent mailbox", s.SentMailbox)
	}

	// Flags snapshots.
	want := map[uint32][]string{
		uids[0]: {},
		uids[1]: {`\Seen`},
		uids[2]: {"$Important", `\Flagged`},
	}
	if got := s.Flags(t, "INBOX"); !equalFlags(got, want) {
		t.Fatalf("Flags(INBOX) = %v, want %v", got, want)
	}
	if got := s.Flags(t, s.SentMailbox); len(got) != 1 {
		t.Fatalf("Flags(%q) = %v, want one message", s.SentMailbox, got)
	}
	// A read-write SELECT clears \Recent, which must not show up as a
	// flag change.
	if _, err := c.Select("INBOX", nil).Wait(); err != nil {
		t.Fatalf("SELECT INBOX: %v", err)
	}
	if got := s.Flags(t, "INBOX"); !equalFlags(got, want) {
		t.Fatalf("Flags(INBOX) after SELECT = %v, want %v", got, want)
	}
	// A flag change is visible.
	store := &imap.StoreFlags{Op: imap.StoreFlagsAdd, Silent: true, Flags: []imap.Flag{imap.FlagSeen}}
	if err := c.Store(imap.UIDSetNum(imap.UID(uids[0])), store, nil).Close(); err != nil {
		t.Fatalf("STORE: %v", err)
	}
	want[uids[0]] = []string{`\Seen`}
	if got := s.Flags(t, "INBOX"); !equalFlags(got, want) {
		t.Fatalf("Flags(INBOX) after STORE = %v, want %v", got, want)
	}

	// Kick drops connections.
	s.Kick(t)
	expectDropped(t, c)

	// Restart keeps the mail and the address.
	addr := s.Addr
	s.Restart(t)
	if s.Addr != addr {
		t.Fatalf("Addr changed from %s to %s across Restart", addr, s.Addr)
	}
	c = Dial(t, s)
	st, err := c.Status("INBOX", &imap.StatusOptions{NumMessages: true, UIDValidity: true}).Wait()
	if err != nil {
		t.Fatalf("STATUS INBOX: %v", err)
	}
	if *st.NumMessages != 3 {
		t.Fatalf("INBOX holds %d messages after restart, want 3", *st.NumMessages)
	}
	if got := s.Flags(t, "INBOX"); !equalFlags(got, want) {
		t.Fatalf("Flags(INBOX) after restart = %v, want %v", got, want)
	}

	// UIDVALIDITY changes, for INBOX and for a special-use folder.
	for _, mailbox := range []string{"INBOX", s.SentMailbox} {
		before := s.Flags(t, mailbox)
		old := s.UIDValidity(t, mailbox)
		got := s.RecreateMailbox(t, mailbox)
		if got == old || s.UIDValidity(t, mailbox) != got {
			t.Fatalf("RecreateMailbox(%q): UIDVALIDITY %d -> %d (now %d), want a change", mailbox, old, got, s.UIDValidity(t, mailbox))
		}
		after := s.Flags(t, mailbox)
		if !sameFlagLists(before, after) {
			t.Fatalf("RecreateMailbox(%q) changed the messages' flags: %v -> %v", mailbox, before, after)
		}
	}
	expectDropped(t, c)
	c = Dial(t, s)
	list, err = c.List("", s.SentMailbox, &imap.ListOptions{ReturnSpecialUse: true}).Collect()
	if err != nil || len(list) != 1 || !slices.Contains(list[0].Attrs, imap.MailboxAttrSent) {
		t.Fatalf("after RecreateMailbox, LIST %q = %v, %v; want it with \\Sent", s.SentMailbox, list, err)
	}
}

func TestTLS(t *testing.T) {
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			t.Parallel()
			s := k.start(t, WithTLS(), WithUser("tlsuser", "tls-pass"))
			if !s.TLS || s.CAFile == "" {
				t.Fatalf("server = %+v, want TLS with a CA file", s)
			}
			if s.Username != "tlsuser" {
				t.Fatalf("Username = %q, want tlsuser", s.Username)
			}
			c := Dial(t, s)
			if _, err := c.Select("INBOX", nil).Wait(); err != nil {
				t.Fatalf("SELECT over TLS: %v", err)
			}
			s.Append(t, "INBOX", Message("bob@example.com", s.Username, "secure", "x"))

			// The CA file alone must be enough for an independent client.
			pem, err := os.ReadFile(s.CAFile)
			if err != nil {
				t.Fatal(err)
			}
			pool := x509.NewCertPool()
			if !pool.AppendCertsFromPEM(pem) {
				t.Fatalf("%s holds no certificate", s.CAFile)
			}
			c2, err := imapclient.DialTLS(s.Addr, &imapclient.Options{TLSConfig: &tls.Config{RootCAs: pool}})
			if err != nil {
				t.Fatalf("DialTLS with the CA file: %v", err)
			}
			if err := c2.Login(s.Username, s.Password).Wait(); err != nil {
				t.Fatalf("LOGIN over TLS: %v", err)
			}
			c2.Close()

			// Without the CA the certificate must be rejected.
			c3, err := imapclient.DialTLS(s.Addr, &imapclient.Options{TLSConfig: &tls.Config{RootCAs: x509.NewCertPool()}})
			if err == nil {
				err = c3.Login(s.Username, s.Password).Wait()
				c3.Close()
			}
			var unknown x509.UnknownAuthorityError
			if !errors.As(err, &unknown) {
				t.Fatalf("dialing without the CA: err = %v, want an unknown authority error", err)
			}

			// Plain-text IMAP is not spoken on the TLS port.
			if c4, err := imapclient.DialInsecure(s.Addr, nil); err == nil {
				done := make(chan error, 1)
				go func() { done <- c4.Login(s.Username, s.Password).Wait() }()
				select {
				case err := <-done:
					if err == nil {
						t.Errorf("plain-text LOGIN succeeded on the TLS port")
					}
				case <-time.After(3 * time.Second):
				}
				c4.Close()
			}

			s.Restart(t)
			if got := s.Flags(t, "INBOX"); len(got) != 1 {
				t.Fatalf("Flags(INBOX) after TLS restart = %v, want one message", got)
			}
		})
	}
}

func TestIdleSeesNewMail(t *testing.T) {
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			t.Parallel()
			s := k.start(t)
			exists := make(chan uint32, 10)
			c := DialWith(t, s, &imapclient.Options{
				UnilateralDataHandler: &imapclient.UnilateralDataHandler{
					Mailbox: func(data *imapclient.UnilateralDataMailbox) {
						if data.NumMessages != nil {
							exists <- *data.NumMessages
						}
					},
				},
			})
			if _, err := c.Select("INBOX", nil).Wait(); err != nil {
				t.Fatalf("SELECT: %v", err)
			}
			idle, err := c.Idle()
			if err != nil {
				t.Fatalf("IDLE: %v", err)
			}
			// Give the server a moment to register the IDLE before the
			// message arrives, as a real watcher would be idling already.
			time.Sleep(200 * time.Millisecond)
			began := time.Now()
			s.Append(t, "INBOX", Message("bob@example.com", s.Username, "wake up", "x"))
			select {
			case n := <-exists:
				if n != 1 {
					t.Errorf("EXISTS %d, want 1", n)
				}
				t.Logf("%s: IDLE reported the new message after %v", k.name, time.Since(began).Round(time.Millisecond))
			case <-time.After(10 * time.Second):
				t.Fatalf("no EXISTS within 10s of the APPEND")
			}
			if err := idle.Close(); err != nil {
				t.Fatalf("ending IDLE: %v", err)
			}
			if err := idle.Wait(); err != nil {
				t.Fatalf("IDLE: %v", err)
			}
		})
	}
}

func TestWrongPasswordFailsFast(t *testing.T) {
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			t.Parallel()
			s := k.start(t)
			for range 3 {
				began := time.Now()
				c, err := imapclient.DialInsecure(s.Addr, nil)
				if err != nil {
					t.Fatal(err)
				}
				err = c.Login(s.Username, "wrong").Wait()
				c.Close()
				var imapErr *imap.Error
				if !errors.As(err, &imapErr) {
					t.Fatalf("LOGIN with a wrong password: err = %v, want a NO", err)
				}
				if d := time.Since(began); d > time.Second {
					t.Fatalf("failed LOGIN took %v, want it fast", d)
				}
			}
			Dial(t, s) // the right password still works
		})
	}
}

func TestAppendMany(t *testing.T) {
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			t.Parallel()
			s := k.start(t)
			const n = 1000
			began := time.Now()
			for i := range n {
				s.Append(t, "INBOX", Message("bob@example.com", s.Username, fmt.Sprintf("bulk %d", i), "body"))
			}
			t.Logf("appended %d messages to %s in %v", n, k.name, time.Since(began).Round(time.Millisecond))
			if got := len(s.Flags(t, "INBOX")); got != n {
				t.Fatalf("INBOX holds %d messages, want %d", got, n)
			}
		})
	}
}

func TestParallelServersAreIndependent(t *testing.T) {
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			t.Parallel()
			a, b := k.start(t), k.start(t)
			if a.Addr == b.Addr {
				t.Fatalf("two servers share %s", a.Addr)
			}
			a.Append(t, "INBOX", Message("bob@example.com", a.Username, "only in a", "x"))
			if got := b.Flags(t, "INBOX"); len(got) != 0 {
				t.Fatalf("second server sees %v", got)
			}
			a.Stop()
			if got := b.Flags(t, "INBOX"); len(got) != 0 {
				t.Fatalf("second server after first stopped: %v", got)
			}
		})
	}
}

func expectDropped(t *testing.T, c *imapclient.Client) {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case <-c.Closed():
			return
		case <-deadline:
			t.Fatalf("connection still open 10s after the server dropped it")
		case <-time.After(50 * time.Millisecond):
			// The connection may only notice on its next command.
			if err := c.Noop().Wait(); err != nil {
				return
			}
		}
	}
}

func equalFlags(a, b map[uint32][]string) bool {
	return maps.EqualFunc(a, b, func(x, y []string) bool { return slices.Equal(x, y) })
}

// sameFlagLists reports whether a and b hold the same flag lists, ignoring
// UIDs.
func sameFlagLists(a, b map[uint32][]string) bool {
	lists := func(m map[uint32][]string) []string {
		var out []string
		for _, uid := range slices.Sorted(maps.Keys(m)) {
			out = append(out, fmt.Sprint(m[uid]))
		}
		return out
	}
	return slices.Equal(lists(a), lists(b))
}

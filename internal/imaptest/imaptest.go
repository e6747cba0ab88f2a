// Package imaptest starts throwaway IMAP servers for integration tests.
//
// Three kinds of server are available:
//
//   - [StartDovecot] runs a real Dovecot 2.3 with a Gmail-like folder layout.
//   - [StartCyrus] runs a real Cyrus IMAP 3.x (what Fastmail runs) with a
//     Fastmail-like folder layout.
//   - [StartMemory] runs the in-process go-imap v2 memory server.
//
// Every server lives in its own temporary directory and listens on its own
// free loopback port, so tests may call t.Parallel and several servers may
// run side by side. A server is stopped and its files removed when the test
// that started it ends.
//
// When the binaries of a real server are missing, its StartX function skips
// the test with a message saying how to install them. When the environment
// variable CI is "true", or IMAPTEST_REQUIRE names the server kind (a comma
// or space separated list such as "dovecot,cyrus", or "all"), it fails the
// test instead, so that real-server tests never silently skip in CI.
// Dovecot comes from the dovecot-imapd package; Cyrus is installed by
// scripts/install-cyrus.sh (IMAPTEST_CYRUS_BIN may name another directory
// holding its imapd and idled).
//
// The package is test-helper code: it is an ordinary package (not a _test
// package) so that the tests of every other package can import it, but it
// must only be imported from tests.
package imaptest

import (
	"bytes"
	"cmp"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// Server kinds, as found in [Server.Kind].
const (
	KindDovecot = "dovecot"
	KindCyrus   = "cyrus"
	KindMemory  = "memory"
)

const (
	// readyTimeout bounds how long a server may take to accept a LOGIN
	// after it was (re)started.
	readyTimeout = 15 * time.Second
	// opTimeout bounds a single helper operation (an APPEND, a flags
	// snapshot, ...) so that a wedged server fails the test instead of
	// hanging it until the go test deadline.
	opTimeout = 60 * time.Second
	// stopTimeout is how long a server process gets to exit after SIGTERM
	// before it is killed.
	stopTimeout = 10 * time.Second
)

// Server is a throwaway IMAP server for tests.
//
// The exported fields describe how to reach the server; they must not be
// modified. All methods are safe for concurrent use.
//
// The helpers that seed and inspect mail (Append, Flags, UIDValidity,
// RecreateMailbox) share one logged-in connection of their own, opened on
// first use and kept open, so the server counts one more session than the
// code under test opened. Kick, Restart and Stop close it too.
type Server struct {
	// Addr is the host:port the server listens on, always on 127.0.0.1.
	// It stays the same across [Server.Restart].
	Addr string
	// Username and Password are the credentials of the server's single
	// mail user.
	Username, Password string
	// Kind is one of KindDovecot, KindCyrus or KindMemory.
	Kind string
	// TLS reports whether Addr is an implicit-TLS (imaps) listener, which
	// is the case when the server was started with [WithTLS]. Otherwise
	// Addr speaks plain-text IMAP with no STARTTLS.
	TLS bool
	// CAFile is the path of a PEM file holding the self-signed CA
	// certificate that signed the server certificate. It is empty unless
	// TLS is set.
	CAFile string

	// SentMailbox is the name of the mailbox that carries the \Sent
	// special-use attribute ("[Gmail]/Sent Mail" on Dovecot, "Sent"
	// elsewhere).
	SentMailbox string

	dir         string // private working directory, removed at cleanup
	caPool      *x509.CertPool
	tlsMaterial *tlsMaterial
	backend     backend
	tb          testing.TB // the test that started the server

	mu    sync.Mutex // guards admin and stopped
	admin *imapclient.Client
	// stopped is set once Stop ran; later operations fail the test.
	stopped bool

	stopOnce sync.Once
}

// backend is what each server kind implements.
type backend interface {
	// start launches the server so that it listens on s.Addr. It returns
	// errPortInUse when the port was taken by someone else.
	start(s *Server) error
	// stop shuts the server down and waits for it to be gone.
	stop(s *Server) error
	// kick closes every client connection server-side and returns once
	// they are closed.
	kick(s *Server) error
	// resetMailbox turns the mailbox (already emptied of messages when it
	// is INBOX) into an empty mailbox of the same name, special use and
	// subscription whose UIDVALIDITY differs from old. No client has the
	// mailbox selected while it runs. It returns the connection to carry
	// on with: c, or a new one when c had to be given up.
	resetMailbox(s *Server, c *imapclient.Client, mailbox string, old uint32) (*imapclient.Client, error)
	// logPath is the file the server writes its log to.
	logPath(s *Server) string
}

// errPortInUse reports that a server could not bind its port.
var errPortInUse = errors.New("port already in use")

// Option configures a server started by one of the StartX functions.
type Option func(*config)

type config struct {
	tls            bool
	user, password string
}

// WithTLS makes the server listen for implicit TLS (imaps) instead of plain
// IMAP. A fresh ECDSA CA and a server certificate for 127.0.0.1, ::1 and
// localhost are generated for each server; the CA certificate is written to
// [Server.CAFile] and used by [Dial].
func WithTLS() Option {
	return func(c *config) { c.tls = true }
}

// WithUser sets the mail user's name and password instead of the kind's
// default. Neither value may be empty or contain ':', quotes, backslashes
// or white space; on Cyrus the name must not contain '@' (no virtual
// domains) nor be "cyrus" (the admin).
func WithUser(name, password string) Option {
	return func(c *config) {
		c.user = name
		c.password = password
	}
}

func newConfig(kindUser string, opts []Option) config {
	cfg := config{user: kindUser, password: "imaptest-secret"}
	for _, o := range opts {
		o(&cfg)
	}
	return cfg
}

// start runs the part of StartX shared by every kind: it prepares TLS
// material, picks a port and starts the backend until it accepts a LOGIN.
func start(t testing.TB, s *Server, cfg config) {
	t.Helper()
	s.tb = t
	s.Username, s.Password = cfg.user, cfg.password
	if strings.ContainsAny(s.Username+s.Password, ": \t\r\n\"\\") || s.Username == "" || s.Password == "" {
		t.Fatalf("imaptest: unusable credentials %q/%q: they must be non-empty and free of ':', quotes, backslashes and white space", s.Username, s.Password)
	}
	if cfg.tls {
		if err := s.setupTLS(t.TempDir()); err != nil {
			t.Fatalf("imaptest: %v", err)
		}
	}

	began := time.Now()
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		var port int
		port, err = freePort()
		if err != nil {
			break
		}
		s.Addr = net.JoinHostPort("127.0.0.1", fmt.Sprint(port))
		err = s.backend.start(s)
		if !errors.Is(err, errPortInUse) {
			break
		}
	}
	if err != nil {
		t.Fatalf("imaptest: starting %s: %v", s.Kind, err)
	}
	t.Cleanup(s.Stop)
	t.Logf("imaptest: %s server ready on %s in %v (log: %s)", s.Kind, s.Addr, time.Since(began).Round(time.Millisecond), s.LogPath())
}

// freePort returns a loopback TCP port that was free a moment ago.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("picking a free port: %w", err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// LogPath returns the path of the server's log file. Dovecot writes one
// line per session there, including its "in=" and "out=" byte counts at
// logout, and the memory server imitates those lines. Cyrus sends its real
// log to syslog; its file only holds the master process's output.
func (s *Server) LogPath() string { return s.backend.logPath(s) }

// Stop shuts the server down. It is registered with t.Cleanup by the StartX
// functions, so calling it is only needed to stop a server early. Stop may
// be called more than once.
func (s *Server) Stop() {
	s.stopOnce.Do(func() {
		s.mu.Lock()
		s.stopped = true
		s.dropAdminLocked()
		s.mu.Unlock()
		if err := s.backend.stop(s); err != nil {
			s.tb.Errorf("imaptest: stopping %s on %s: %v", s.Kind, s.Addr, err)
		}
	})
}

// Kick closes client connections server-side, as a server does when it
// restarts a process or drops idle sessions: on Dovecot every logged-in
// session of the user (doveadm kick), on Cyrus every imapd process, on the
// memory server every connection. When Kick returns, the connections are
// closed; clients see EOF or an unsolicited BYE on their next read.
func (s *Server) Kick(t testing.TB) {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.checkRunningLocked(t)
	s.dropAdminLocked()
	if err := s.backend.kick(s); err != nil {
		t.Fatalf("imaptest: kicking clients of %s: %v", s.Kind, err)
	}
}

// Restart stops the server and starts it again on the same address,
// keeping all mail, as a server upgrade or reboot would. Every client
// connection is dropped. Restart returns once the server accepts a LOGIN
// again.
func (s *Server) Restart(t testing.TB) {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.checkRunningLocked(t)
	s.dropAdminLocked()
	if err := s.backend.stop(s); err != nil {
		t.Fatalf("imaptest: stopping %s for restart: %v", s.Kind, err)
	}
	var err error
	// The old process is gone, but give the kernel a few tries to
	// release the port before giving up.
	for attempt := 0; attempt < 20; attempt++ {
		err = s.backend.start(s)
		if !errors.Is(err, errPortInUse) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("imaptest: restarting %s on %s: %v", s.Kind, s.Addr, err)
	}
}

func (s *Server) checkRunningLocked(t testing.TB) {
	t.Helper()
	if s.stopped {
		t.Fatalf("imaptest: %s server on %s was already stopped", s.Kind, s.Addr)
	}
}

// ClientTLSConfig returns a TLS configuration that trusts the server's CA,
// for clients under test that dial the server themselves. It returns nil
// when the server does not use TLS.
func (s *Server) ClientTLSConfig() *tls.Config {
	if !s.TLS {
		return nil
	}
	return &tls.Config{RootCAs: s.caPool, ServerName: "127.0.0.1", MinVersion: tls.VersionTLS12}
}

// Dial connects to the server, logs in as its user and returns the client.
// The connection honours TLS (trusting only the server's CA) and is closed
// when the test ends.
func Dial(t testing.TB, s *Server) *imapclient.Client {
	t.Helper()
	return DialWith(t, s, nil)
}

// DialWith is like [Dial] but lets the caller pass client options, for
// example an UnilateralDataHandler to observe IDLE updates. When options
// has no TLSConfig, the one from [Server.ClientTLSConfig] is used.
func DialWith(t testing.TB, s *Server, options *imapclient.Options) *imapclient.Client {
	t.Helper()
	c, err := s.login(options)
	if err != nil {
		t.Fatalf("imaptest: %v", err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// login opens a new connection and logs in.
func (s *Server) login(options *imapclient.Options) (*imapclient.Client, error) {
	var opts imapclient.Options
	if options != nil {
		opts = *options
	}
	if opts.TLSConfig == nil {
		opts.TLSConfig = s.ClientTLSConfig()
	}
	if opts.Dialer == nil {
		opts.Dialer = &net.Dialer{Timeout: 5 * time.Second}
	}
	var (
		c   *imapclient.Client
		err error
	)
	if s.TLS {
		c, err = imapclient.DialTLS(s.Addr, &opts)
	} else {
		c, err = imapclient.DialInsecure(s.Addr, &opts)
	}
	if err != nil {
		return nil, fmt.Errorf("dialing %s server at %s: %w", s.Kind, s.Addr, err)
	}
	// A server that accepts the connection but never answers must not
	// hang the caller: close the connection if LOGIN takes too long.
	watchdog := time.AfterFunc(readyTimeout, func() { c.Close() })
	defer watchdog.Stop()
	if err := c.Login(s.Username, s.Password).Wait(); err != nil {
		c.Close()
		return nil, fmt.Errorf("logging in to %s server at %s as %s: %w", s.Kind, s.Addr, s.Username, err)
	}
	return c, nil
}

// waitReady probes the server with a real LOGIN until it succeeds, the
// deadline passes, or exited reports that the server process is gone.
// On failure the error includes the server's log.
func (s *Server) waitReady(exited <-chan struct{}) error {
	deadline := time.Now().Add(readyTimeout)
	var lastErr error
	for time.Now().Before(deadline) {
		select {
		case <-exited:
			return fmt.Errorf("%s exited before accepting a LOGIN (last probe: %v)\n%s", s.Kind, lastErr, s.logTail())
		default:
		}
		c, err := s.login(nil)
		if err == nil {
			c.Logout().Wait()
			c.Close()
			return nil
		}
		lastErr = err
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("%s did not accept a LOGIN within %v: %w\n%s", s.Kind, readyTimeout, lastErr, s.logTail())
}

// logTail returns the end of the server's log files, for error messages.
func (s *Server) logTail() string {
	var b strings.Builder
	for _, path := range []string{s.LogPath(), s.LogPath() + ".stderr"} {
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		if len(data) > 8000 {
			data = data[len(data)-8000:]
		}
		fmt.Fprintf(&b, "--- %s ---\n%s\n", path, data)
	}
	if b.Len() == 0 {
		return "(no server log)"
	}
	return b.String()
}

// withAdmin runs fn on the helper's own logged-in connection, opening it
// when needed. The connection is kept between calls so that seeding many
// messages stays fast; it is dropped when fn fails and by Kick, Restart
// and Stop.
func (s *Server) withAdmin(t testing.TB, fn func(c *imapclient.Client) error) {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.checkRunningLocked(t)
	if err := s.withAdminLocked(fn); err != nil {
		t.Fatalf("imaptest: %s on %s: %v", s.Kind, s.Addr, err)
	}
}

func (s *Server) withAdminLocked(fn func(c *imapclient.Client) error) error {
	if s.admin != nil {
		select {
		case <-s.admin.Closed():
			s.dropAdminLocked()
		default:
		}
	}
	if s.admin == nil {
		c, err := s.login(nil)
		if err != nil {
			return err
		}
		s.admin = c
	}
	c := s.admin
	watchdog := time.AfterFunc(opTimeout, func() { c.Close() })
	defer watchdog.Stop()
	if err := fn(c); err != nil {
		s.dropAdminLocked()
		return err
	}
	return nil
}

func (s *Server) dropAdminLocked() {
	if s.admin != nil {
		s.admin.Close()
		s.admin = nil
	}
}

// Append stores the raw RFC 5322 message in mailbox with the given flags
// (for example imap.FlagSeen, `\Flagged` or a keyword) and returns its
// UID. The message's internal date is the time of the call. Append uses
// IMAP APPEND over a kept-open connection: a thousand messages take about
// 1.5 s on Dovecot, 5 s on Cyrus and 0.05 s on the memory server.
func (s *Server) Append(t testing.TB, mailbox string, raw []byte, flags ...imap.Flag) uint32 {
	t.Helper()
	return s.AppendAt(t, mailbox, raw, time.Time{}, flags...)
}

// AppendAt is like [Server.Append] but sets the message's internal date
// (the date IMAP SEARCH SINCE/BEFORE compare against) to date. A zero date
// means now.
func (s *Server) AppendAt(t testing.TB, mailbox string, raw []byte, date time.Time, flags ...imap.Flag) uint32 {
	t.Helper()
	var uid imap.UID
	s.withAdmin(t, func(c *imapclient.Client) error {
		var err error
		uid, err = appendMessage(c, mailbox, raw, flags, date)
		return err
	})
	return uint32(uid)
}

func appendMessage(c *imapclient.Client, mailbox string, raw []byte, flags []imap.Flag, date time.Time) (imap.UID, error) {
	cmd := c.Append(mailbox, int64(len(raw)), &imap.AppendOptions{Flags: flags, Time: date})
	if _, err := cmd.Write(raw); err != nil {
		cmd.Close()
		return 0, fmt.Errorf("appending to %q: %w", mailbox, err)
	}
	if err := cmd.Close(); err != nil {
		return 0, fmt.Errorf("appending to %q: %w", mailbox, err)
	}
	data, err := cmd.Wait()
	if err != nil {
		return 0, fmt.Errorf("appending to %q: %w", mailbox, err)
	}
	return data.UID, nil
}

// Flags returns a snapshot of the flags of every message in mailbox, keyed
// by UID, each list sorted. It opens the mailbox with EXAMINE (read-only),
// so taking a snapshot never changes a flag: tests can compare snapshots
// taken before and after a scan to prove the scan changed nothing. The
// session-only \Recent flag is left out, because merely selecting a
// mailbox clears it.
func (s *Server) Flags(t testing.TB, mailbox string) map[uint32][]string {
	t.Helper()
	out := make(map[uint32][]string)
	s.withAdmin(t, func(c *imapclient.Client) error {
		msgs, _, err := examine(c, mailbox, &imap.FetchOptions{UID: true, Flags: true})
		if err != nil {
			return err
		}
		for _, m := range msgs {
			out[uint32(m.UID)] = flagStrings(m.Flags)
		}
		return nil
	})
	return out
}

func flagStrings(flags []imap.Flag) []string {
	out := make([]string, 0, len(flags))
	for _, f := range flags {
		if strings.EqualFold(string(f), `\Recent`) {
			continue
		}
		out = append(out, string(f))
	}
	slices.Sort(out)
	return out
}

// examine opens mailbox read-only, fetches items for all its messages and
// unselects it again. It also returns the mailbox's UIDVALIDITY.
func examine(c *imapclient.Client, mailbox string, items *imap.FetchOptions) ([]*imapclient.FetchMessageBuffer, uint32, error) {
	sel, err := c.Select(mailbox, &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		return nil, 0, fmt.Errorf("examining %q: %w", mailbox, err)
	}
	var msgs []*imapclient.FetchMessageBuffer
	if sel.NumMessages > 0 {
		var all imap.UIDSet
		all.AddRange(1, 0) // 1:*
		msgs, err = c.Fetch(all, items).Collect()
		if err != nil {
			return nil, 0, fmt.Errorf("fetching from %q: %w", mailbox, err)
		}
	}
	if err := c.Unselect().Wait(); err != nil {
		return nil, 0, fmt.Errorf("unselecting %q: %w", mailbox, err)
	}
	return msgs, sel.UIDValidity, nil
}

// UIDValidity returns the current UIDVALIDITY of mailbox.
func (s *Server) UIDValidity(t testing.TB, mailbox string) uint32 {
	t.Helper()
	var v uint32
	s.withAdmin(t, func(c *imapclient.Client) error {
		data, err := c.Status(mailbox, &imap.StatusOptions{UIDValidity: true}).Wait()
		if err != nil {
			return fmt.Errorf("status of %q: %w", mailbox, err)
		}
		v = data.UIDValidity
		return nil
	})
	return v
}

// RecreateMailbox gives mailbox a new UIDVALIDITY while keeping its
// messages, as happens when a server rebuilds its index: the messages are
// re-stored with the same bodies, flags and internal dates, under new UIDs
// (which may coincide with the old ones, so a client must not trust them).
// It works for INBOX too. Every client connection is dropped before and
// after the change, so clients see the new UIDVALIDITY when they select the
// mailbox again. It returns the new UIDVALIDITY.
//
// Cyrus can neither delete nor rename INBOX, so on Cyrus recreating INBOX
// recreates the whole account: every folder then gets a new UIDVALIDITY,
// and the call may wait up to a second for the clock, from which Cyrus
// derives UIDVALIDITY values.
func (s *Server) RecreateMailbox(t testing.TB, mailbox string) uint32 {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.checkRunningLocked(t)
	s.dropAdminLocked()
	if err := s.backend.kick(s); err != nil {
		t.Fatalf("imaptest: kicking clients of %s: %v", s.Kind, err)
	}
	var newValidity uint32
	err := s.withAdminLocked(func(c *imapclient.Client) error {
		var err error
		newValidity, err = s.recreate(c, mailbox)
		return err
	})
	if err != nil {
		t.Fatalf("imaptest: recreating %q on %s: %v", mailbox, s.Kind, err)
	}
	s.dropAdminLocked()
	if err := s.backend.kick(s); err != nil {
		t.Fatalf("imaptest: kicking clients of %s: %v", s.Kind, err)
	}
	return newValidity
}

func (s *Server) recreate(c *imapclient.Client, mailbox string) (uint32, error) {
	msgs, old, err := snapshot(c, mailbox)
	if err != nil {
		return 0, err
	}
	if strings.EqualFold(mailbox, "INBOX") && len(msgs) > 0 {
		if err := expungeAll(c, mailbox); err != nil {
			return 0, err
		}
	}
	c, err = s.backend.resetMailbox(s, c, mailbox, old)
	if c != nil && c != s.admin {
		s.dropAdminLocked()
		s.admin = c
	}
	if err != nil {
		return 0, err
	}
	if err := restore(c, mailbox, msgs); err != nil {
		return 0, err
	}
	data, err := c.Status(mailbox, &imap.StatusOptions{UIDValidity: true, NumMessages: true}).Wait()
	if err != nil {
		return 0, fmt.Errorf("status of %q: %w", mailbox, err)
	}
	if data.UIDValidity == old {
		return 0, fmt.Errorf("UIDVALIDITY of %q is still %d", mailbox, old)
	}
	if n := *data.NumMessages; int(n) != len(msgs) {
		return 0, fmt.Errorf("%q holds %d messages after recreation, want %d", mailbox, n, len(msgs))
	}
	return data.UIDValidity, nil
}

// wholeMessage is the fetch item for a complete message.
var wholeMessage = &imap.FetchItemBodySection{Peek: true}

// snapshot reads every message of mailbox (body, flags, internal date) in
// UID order, together with the mailbox's UIDVALIDITY.
func snapshot(c *imapclient.Client, mailbox string) ([]*imapclient.FetchMessageBuffer, uint32, error) {
	msgs, validity, err := examine(c, mailbox, &imap.FetchOptions{
		UID:          true,
		Flags:        true,
		InternalDate: true,
		BodySection:  []*imap.FetchItemBodySection{wholeMessage},
	})
	if err != nil {
		return nil, 0, err
	}
	slices.SortFunc(msgs, func(a, b *imapclient.FetchMessageBuffer) int {
		return cmp.Compare(a.UID, b.UID)
	})
	return msgs, validity, nil
}

// restore appends messages taken by snapshot to mailbox.
func restore(c *imapclient.Client, mailbox string, msgs []*imapclient.FetchMessageBuffer) error {
	for _, m := range msgs {
		var flags []imap.Flag
		for _, f := range flagStrings(m.Flags) {
			flags = append(flags, imap.Flag(f))
		}
		if _, err := appendMessage(c, mailbox, m.FindBodySection(wholeMessage), flags, m.InternalDate); err != nil {
			return err
		}
	}
	return nil
}

// expungeAll deletes every message of mailbox.
func expungeAll(c *imapclient.Client, mailbox string) error {
	if _, err := c.Select(mailbox, nil).Wait(); err != nil {
		return fmt.Errorf("selecting %q: %w", mailbox, err)
	}
	var all imap.UIDSet
	all.AddRange(1, 0)
	store := &imap.StoreFlags{Op: imap.StoreFlagsAdd, Silent: true, Flags: []imap.Flag{imap.FlagDeleted}}
	if err := c.Store(all, store, nil).Close(); err != nil {
		return fmt.Errorf("flagging messages of %q deleted: %w", mailbox, err)
	}
	if err := c.Expunge().Close(); err != nil {
		return fmt.Errorf("expunging %q: %w", mailbox, err)
	}
	if err := c.Unselect().Wait(); err != nil {
		return fmt.Errorf("unselecting %q: %w", mailbox, err)
	}
	return nil
}

// recreateByDeleting is the resetMailbox strategy for a mailbox other than
// INBOX on servers that hand out a fresh UIDVALIDITY to every new mailbox:
// delete it and create it again with the same special use. When
// beforeDelete is not nil, it runs just before the DELETE.
func recreateByDeleting(c *imapclient.Client, mailbox string, beforeDelete func() error) error {
	var specialUse []imap.MailboxAttr
	list, err := c.List("", mailbox, &imap.ListOptions{ReturnSpecialUse: true}).Collect()
	if err != nil {
		return fmt.Errorf("listing %q: %w", mailbox, err)
	}
	for _, l := range list {
		for _, a := range l.Attrs {
			if isSpecialUse(a) {
				specialUse = append(specialUse, a)
			}
		}
	}
	if beforeDelete != nil {
		if err := beforeDelete(); err != nil {
			return err
		}
	}
	if err := c.Delete(mailbox).Wait(); err != nil {
		return fmt.Errorf("deleting %q: %w", mailbox, err)
	}
	var opts *imap.CreateOptions
	if len(specialUse) > 0 && c.Caps().Has(imap.CapCreateSpecialUse) {
		opts = &imap.CreateOptions{SpecialUse: specialUse}
	}
	if err := c.Create(mailbox, opts).Wait(); err != nil {
		return fmt.Errorf("creating %q: %w", mailbox, err)
	}
	if err := c.Subscribe(mailbox).Wait(); err != nil {
		return fmt.Errorf("subscribing to %q: %w", mailbox, err)
	}
	return nil
}

func isSpecialUse(a imap.MailboxAttr) bool {
	switch a {
	case imap.MailboxAttrAll, imap.MailboxAttrArchive, imap.MailboxAttrDrafts,
		imap.MailboxAttrFlagged, imap.MailboxAttrJunk, imap.MailboxAttrSent,
		imap.MailboxAttrTrash, imap.MailboxAttrImportant:
		return true
	}
	return false
}

// messageSeq makes the Message-IDs of [Message] unique.
var messageSeq atomic.Uint64

// Message builds a small RFC 5322 message for seeding tests, dated now and
// with a unique Message-ID.
func Message(from, to, subject, body string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "From: %s\r\n", from)
	fmt.Fprintf(&b, "To: %s\r\n", to)
	fmt.Fprintf(&b, "Subject: %s\r\n", subject)
	fmt.Fprintf(&b, "Date: %s\r\n", time.Now().Format(time.RFC1123Z))
	fmt.Fprintf(&b, "Message-ID: <%d.%d@imaptest.invalid>\r\n", time.Now().UnixNano(), messageSeq.Add(1))
	b.WriteString("MIME-Version: 1.0\r\n")
	b.WriteString("Content-Type: text/plain; charset=utf-8\r\n")
	b.WriteString("\r\n")
	b.WriteString(strings.ReplaceAll(body, "\n", "\r\n"))
	b.WriteString("\r\n")
	return b.Bytes()
}

// CreateMailbox creates an empty mailbox.
func (s *Server) CreateMailbox(t testing.TB, mailbox string) {
	t.Helper()
	s.withAdmin(t, func(c *imapclient.Client) error { return c.Create(mailbox, nil).Wait() })
}

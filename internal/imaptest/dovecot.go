package imaptest

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2/imapclient"
)

// DovecotInstallHint says how to get the binaries StartDovecot needs.
const DovecotInstallHint = "install Dovecot with: apt-get install -y dovecot-imapd (Debian/Ubuntu)"

// Gmail-like mailbox names served by StartDovecot.
const (
	GmailSent   = "[Gmail]/Sent Mail"
	GmailAll    = "[Gmail]/All Mail"
	GmailDrafts = "[Gmail]/Drafts"
	GmailSpam   = "[Gmail]/Spam"
	GmailTrash  = "[Gmail]/Trash"
)

// StartDovecot starts a Dovecot 2.3 server with a Gmail-like layout: INBOX
// plus "[Gmail]/Sent Mail" (\Sent), "[Gmail]/All Mail" (\All),
// "[Gmail]/Drafts" (\Drafts), "[Gmail]/Spam" (\Junk) and "[Gmail]/Trash"
// (\Trash), all subscribed. Only the layout is Gmail's: All Mail is an
// ordinary folder and does not mirror the others.
//
// The default user is "alice@example.com". Mail is stored as Maildir in
// the server's private directory. Each server has its own base_dir and
// instance name, so any number may run at once. Running as root, Dovecot's
// mail processes run as the system user "mail"; as another user, every
// process runs as that user.
//
// Dovecot is told to skip fsync, to answer failed logins within about half
// a second (instead of 2 to 15 s) and to allow 1000 connections per user
// and IP, which only makes sense for tests. Like any Dovecot, it batches
// change notifications, so an IDLE client hears of new mail about half a
// second after it arrives. Starting takes about 0.1 s.
func StartDovecot(t testing.TB, opts ...Option) *Server {
	t.Helper()
	dovecot, ok := findBinary("dovecot", "/usr/sbin", "/usr/local/sbin")
	if !ok {
		unavailable(t, KindDovecot, "dovecot binary not found; "+DovecotInstallHint)
	}
	doveadm, ok := findBinary("doveadm", "/usr/bin", "/usr/local/bin")
	if !ok {
		unavailable(t, KindDovecot, "doveadm binary not found; "+DovecotInstallHint)
	}
	cfg := newConfig("alice@example.com", opts)
	s := &Server{Kind: KindDovecot, SentMailbox: GmailSent}
	b := &dovecotBackend{dovecotBin: dovecot, doveadmBin: doveadm}
	s.backend = b
	s.dir = newServerDir(t, KindDovecot)
	b.conf = filepath.Join(s.dir, "dovecot.conf")
	start(t, s, cfg)
	return s
}

type dovecotBackend struct {
	dovecotBin, doveadmBin string
	conf                   string
	proc                   *process
}

func (b *dovecotBackend) logPath(s *Server) string { return filepath.Join(s.dir, "dovecot.log") }

// dovecotOwner returns the user and group Dovecot runs mail processes as,
// and the settings that make an unprivileged Dovecot work.
func dovecotOwner() (uid, gid int, extra string, err error) {
	if os.Geteuid() == 0 {
		u, err := user.Lookup("mail")
		if err != nil {
			return 0, 0, "", fmt.Errorf("looking up system user mail: %w", err)
		}
		uid, _ = strconv.Atoi(u.Uid)
		gid, _ = strconv.Atoi(u.Gid)
		return uid, gid, "", nil
	}
	u, err := user.Current()
	if err != nil {
		return 0, 0, "", fmt.Errorf("looking up current user: %w", err)
	}
	uid, _ = strconv.Atoi(u.Uid)
	gid, _ = strconv.Atoi(u.Gid)
	// Without root nothing can change user or chroot: run every process
	// as ourselves.
	extra = fmt.Sprintf(`default_internal_user = %[1]s
default_login_user = %[1]s
default_internal_group = %[2]s
service imap-login {
  chroot =
}
service anvil {
  chroot =
}
`, u.Username, groupName(gid))
	return uid, gid, extra, nil
}

func groupName(gid int) string {
	g, err := user.LookupGroupId(strconv.Itoa(gid))
	if err != nil {
		return strconv.Itoa(gid)
	}
	return g.Name
}

// writeConfig writes dovecot.conf, the password file and, with TLS, the
// certificate files into the server directory.
func (b *dovecotBackend) writeConfig(s *Server) error {
	_, port, err := splitPort(s.Addr)
	if err != nil {
		return err
	}
	uid, gid, extra, err := dovecotOwner()
	if err != nil {
		return err
	}
	for _, d := range []string{"run", "state", "mail"} {
		if err := os.MkdirAll(filepath.Join(s.dir, d), 0o755); err != nil {
			return fmt.Errorf("creating %s: %w", d, err)
		}
	}
	if err := os.Chown(filepath.Join(s.dir, "mail"), uid, gid); err != nil {
		return fmt.Errorf("handing the mail directory to uid %d: %w", uid, err)
	}
	users := filepath.Join(s.dir, "users")
	if err := os.WriteFile(users, fmt.Appendf(nil, "%s:{PLAIN}%s\n", s.Username, s.Password), 0o644); err != nil {
		return fmt.Errorf("writing password file: %w", err)
	}

	plainPort, tlsPort := port, 0
	ssl := "ssl = no\n"
	if s.TLS {
		plainPort, tlsPort = 0, port
		certFile, keyFile, err := s.tlsMaterial.writeServerCert(s.dir)
		if err != nil {
			return err
		}
		ssl = fmt.Sprintf("ssl = required\nssl_cert = <%s\nssl_key = <%s\n", certFile, keyFile)
	}
	minUID := min(uid, 100)
	minGID := min(gid, 100)

	var c bytes.Buffer
	fmt.Fprintf(&c, `# Throwaway Dovecot for inboxwatch tests; generated, do not edit.
instance_name = %[1]s
base_dir = %[2]s/run
state_dir = %[2]s/state
log_path = %[3]s
protocols = imap
listen = 127.0.0.1
%[4]s
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
# No growing penalty for repeated failed logins either.
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
mail_max_userip_connections = 1000
mail_fsync = never
first_valid_uid = %[5]d
first_valid_gid = %[6]d
mail_location = maildir:~/Maildir:LAYOUT=fs
%[7]s
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%%u %[8]s
}
userdb {
  driver = static
  args = uid=%[9]d gid=%[10]d home=%[2]s/mail/%%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = %[11]d
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = %[12]d
    ssl = yes
  }
}
namespace inbox {
  inbox = yes
  separator = /
  prefix =
`, "imaptest-"+filepath.Base(s.dir), s.dir, b.logPath(s), ssl, minUID, minGID, extra,
		users, uid, gid, plainPort, tlsPort)
	for _, mb := range []struct{ name, use string }{
		{GmailAll, `\All`},
		{GmailSent, `\Sent`},
		{GmailDrafts, `\Drafts`},
		{GmailSpam, `\Junk`},
		{GmailTrash, `\Trash`},
	} {
		fmt.Fprintf(&c, "  mailbox \"%s\" {\n    special_use = %s\n    auto = subscribe\n  }\n", mb.name, mb.use)
	}
	c.WriteString("}\n")
	if err := os.WriteFile(b.conf, c.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing dovecot.conf: %w", err)
	}
	return nil
}

func (b *dovecotBackend) start(s *Server) error {
	if err := b.writeConfig(s); err != nil {
		return err
	}
	// Rotate away the previous run's logs so that errPortInUse detection
	// only looks at this run; keep them for post-mortems.
	log := b.logPath(s)
	for _, f := range []string{log, log + ".stderr"} {
		if _, err := os.Stat(f); err == nil {
			os.Rename(f, f+".prev")
		}
	}
	p, err := startProcess(log+".stderr", b.dovecotBin, "-F", "-c", b.conf)
	if err != nil {
		return err
	}
	b.proc = p
	if err := s.waitReady(p.done); err != nil {
		p.stop()
		b.proc = nil
		for _, f := range []string{log, log + ".stderr"} {
			if data, _ := os.ReadFile(f); bytes.Contains(data, []byte("Address already in use")) {
				return fmt.Errorf("%w: %s", errPortInUse, s.Addr)
			}
		}
		return err
	}
	return nil
}

func (b *dovecotBackend) stop(s *Server) error {
	err := b.proc.stop()
	b.proc = nil
	return err
}

// doveadm runs a doveadm command against this instance.
func (b *dovecotBackend) doveadm(args ...string) (string, error) {
	cmd := exec.Command(b.doveadmBin, append([]string{"-c", b.conf}, args...)...)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	if err := cmd.Run(); err != nil {
		return out.String(), fmt.Errorf("doveadm %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(out.String()))
	}
	return out.String(), nil
}

func (b *dovecotBackend) kick(s *Server) error {
	n, err := b.sessions(s)
	if err != nil || n == 0 {
		return err
	}
	if _, err := b.doveadm("kick", s.Username); err != nil {
		return err
	}
	// The kicked processes exit asynchronously; wait until the server
	// no longer counts any session.
	deadline := time.Now().Add(10 * time.Second)
	for {
		n, err := b.sessions(s)
		if err != nil || n == 0 {
			return err
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%d sessions still alive 10s after doveadm kick", n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// sessions counts the user's logged-in IMAP sessions.
func (b *dovecotBackend) sessions(s *Server) (int, error) {
	out, err := b.doveadm("who", "-1", s.Username)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, line := range strings.Split(out, "\n") {
		if f := strings.Fields(line); len(f) > 0 && f[0] == s.Username {
			n++
		}
	}
	return n, nil
}

func (b *dovecotBackend) resetMailbox(s *Server, c *imapclient.Client, mailbox string, old uint32) (*imapclient.Client, error) {
	if !strings.EqualFold(mailbox, "INBOX") {
		return c, recreateByDeleting(c, mailbox, nil)
	}
	// INBOX cannot be deleted; it is already empty, so give it a new
	// UIDVALIDITY directly.
	next := old + 1
	if next == 0 {
		next = 1
	}
	_, err := b.doveadm("mailbox", "update", "-u", s.Username, "--uid-validity", strconv.FormatUint(uint64(next), 10), "INBOX")
	return c, err
}

func splitPort(addr string) (string, int, error) {
	host, p, err := net.SplitHostPort(addr)
	if err != nil {
		return "", 0, err
	}
	port, err := strconv.Atoi(p)
	if err != nil {
		return "", 0, fmt.Errorf("bad port in %q: %w", addr, err)
	}
	return host, port, nil
}

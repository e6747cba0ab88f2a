package imaptest

import (
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// CyrusInstallHint says how to get the binaries StartCyrus needs.
const CyrusInstallHint = "run scripts/install-cyrus.sh as root (installs cyrus-common and sasl2-bin, and unpacks imapd and idled from cyrus-imapd into /opt/cyrus-imapd, since cyrus-imapd conflicts with dovecot-imapd)"

// cyrusFolders are the folders Cyrus creates for a new user, with the
// special use each gets, in Fastmail's naming.
var cyrusFolders = []struct {
	name string
	use  imap.MailboxAttr
}{
	{"Drafts", imap.MailboxAttrDrafts},
	{"Sent", imap.MailboxAttrSent},
	{"Trash", imap.MailboxAttrTrash},
	{"Spam", imap.MailboxAttrJunk},
	{"Archive", imap.MailboxAttrArchive},
}

// StartCyrus starts a Cyrus IMAP 3.x server (the software Fastmail runs)
// with a Fastmail-like layout: INBOX plus Drafts (\Drafts), Sent (\Sent),
// Trash (\Trash), Spam (\Junk) and Archive (\Archive) at the top level
// with "/" as separator, all subscribed. The idled daemon runs too, so
// IDLE reports new mail at once instead of every 60 seconds.
//
// The default user is "alice". Cyrus must run as root (it drops to the
// system user "cyrus"); otherwise the test is skipped, or failed when
// Cyrus is required. Its imapd and idled binaries are looked up in
// $IMAPTEST_CYRUS_BIN, /usr/lib/cyrus/bin and
// /opt/cyrus-imapd/usr/lib/cyrus/bin (see scripts/install-cyrus.sh).
//
// Cyrus writes its log to syslog; [Server.LogPath] only holds the master
// process's own output. Starting takes about 0.15 s.
func StartCyrus(t testing.TB, opts ...Option) *Server {
	t.Helper()
	b, why := findCyrus()
	if why != "" {
		unavailable(t, KindCyrus, why)
	}
	cfg := newConfig("alice", opts)
	if strings.Contains(cfg.user, "@") || cfg.user == cyrusAdmin {
		t.Fatalf("imaptest: Cyrus user name %q must not contain '@' nor be the admin %q", cfg.user, cyrusAdmin)
	}
	s := &Server{Kind: KindCyrus, SentMailbox: "Sent", backend: b}
	s.dir = newServerDir(t, KindCyrus)
	start(t, s, cfg)
	return s
}

// findCyrus locates the Cyrus binaries, or says why Cyrus cannot run.
func findCyrus() (*cyrusBackend, string) {
	if os.Geteuid() != 0 {
		return nil, "Cyrus needs to start as root"
	}
	u, err := user.Lookup("cyrus")
	if err != nil {
		return nil, "no system user cyrus; " + CyrusInstallHint
	}
	b := &cyrusBackend{}
	b.uid, _ = strconv.Atoi(u.Uid)
	b.gid, _ = strconv.Atoi(u.Gid)
	b.master = "/usr/lib/cyrus/bin/master"
	if !isExecutable(b.master) {
		return nil, b.master + " not found; " + CyrusInstallHint
	}
	var ok bool
	b.ctlCyrusDB = filepath.Join(filepath.Dir(b.master), "ctl_cyrusdb")
	if b.saslpasswd, ok = findBinary("saslpasswd2", "/usr/sbin"); !ok {
		return nil, "saslpasswd2 not found; " + CyrusInstallHint
	}
	dirs := []string{"/usr/lib/cyrus/bin", "/opt/cyrus-imapd/usr/lib/cyrus/bin"}
	if d := os.Getenv("IMAPTEST_CYRUS_BIN"); d != "" {
		dirs = append([]string{d}, dirs...)
	}
	for _, d := range dirs {
		imapd, idled := filepath.Join(d, "imapd"), filepath.Join(d, "idled")
		if isExecutable(imapd) && isExecutable(idled) {
			b.imapd, b.idled = imapd, idled
			return b, ""
		}
	}
	return nil, "Cyrus imapd/idled not found in " + strings.Join(dirs, ", ") + "; " + CyrusInstallHint
}

type cyrusBackend struct {
	master, ctlCyrusDB, imapd, idled, saslpasswd string
	uid, gid                                     int
	adminPassword                                string
	proc                                         *process
}

// cyrusAdmin is the Cyrus administrator account, used to delete the mail
// user when INBOX must be recreated.
const cyrusAdmin = "cyrus"

func (b *cyrusBackend) logPath(s *Server) string { return filepath.Join(s.dir, "cyrus.log") }

// setup writes the configuration and creates the user, once per server.
func (b *cyrusBackend) setup(s *Server) error {
	lib := filepath.Join(s.dir, "lib")
	for _, d := range []string{"socket", "proc", "db", "lock", "log", "quota", "user", "sieve", "msg", "ptclient", "sync"} {
		if err := os.MkdirAll(filepath.Join(lib, d), 0o750); err != nil {
			return fmt.Errorf("creating %s: %w", d, err)
		}
	}
	if err := os.MkdirAll(filepath.Join(s.dir, "spool"), 0o750); err != nil {
		return fmt.Errorf("creating spool: %w", err)
	}

	var conf bytes.Buffer
	fmt.Fprintf(&conf, `# Throwaway Cyrus for inboxwatch tests; generated, do not edit.
configdirectory: %[1]s/lib
defaultpartition: default
partition-default: %[1]s/spool
idlesocket: %[1]s/lib/socket/idle
notifysocket: %[1]s/lib/socket/notify
lmtpsocket: %[1]s/lib/socket/lmtp
admins: %[3]s
allowplaintext: yes
sasl_mech_list: PLAIN LOGIN
sasl_pwcheck_method: auxprop
sasl_auxprop_plugin: sasldb
sasl_sasldb_path: %[1]s/sasldb2
unixhierarchysep: yes
altnamespace: yes
delete_mode: immediate
failedloginpause: 0
autocreate_quota: 0
autocreate_inbox_folders: %[2]s
`, s.dir, folderList(), cyrusAdmin)
	for _, f := range cyrusFolders {
		fmt.Fprintf(&conf, "xlist-%s: %s\n", strings.ToLower(strings.TrimPrefix(string(f.use), `\`)), f.name)
	}
	imapdArgs := ""
	if s.TLS {
		certFile, keyFile, err := s.tlsMaterial.writeServerCert(s.dir)
		if err != nil {
			return err
		}
		fmt.Fprintf(&conf, "tls_server_cert: %s\ntls_server_key: %s\n", certFile, keyFile)
		imapdArgs = " -s"
	}
	confFile := filepath.Join(s.dir, "imapd.conf")
	if err := os.WriteFile(confFile, conf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing imapd.conf: %w", err)
	}

	var master bytes.Buffer
	fmt.Fprintf(&master, `# Throwaway Cyrus for inboxwatch tests; generated, do not edit.
START {
  recover cmd="%[1]s -r -C %[2]s"
}
SERVICES {
  imap cmd="%[3]s%[4]s -C %[2]s" listen="%[5]s" prefork=1
}
EVENTS {
}
DAEMON {
  idled cmd="%[6]s -C %[2]s"
}
`, b.ctlCyrusDB, confFile, b.imapd, imapdArgs, s.Addr, b.idled)
	if err := os.WriteFile(filepath.Join(s.dir, "cyrus.conf"), master.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing cyrus.conf: %w", err)
	}

	sasldb := filepath.Join(s.dir, "sasldb2")
	if _, err := os.Stat(sasldb); errors.Is(err, os.ErrNotExist) {
		b.adminPassword = rand.Text()
		for user, password := range map[string]string{s.Username: s.Password, cyrusAdmin: b.adminPassword} {
			cmd := exec.Command(b.saslpasswd, "-p", "-c", "-f", sasldb, user)
			cmd.Stdin = strings.NewReader(password)
			if out, err := cmd.CombinedOutput(); err != nil {
				return fmt.Errorf("saslpasswd2 %s: %w: %s", user, err, out)
			}
		}
	}
	return filepath.WalkDir(s.dir, func(path string, _ os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(path, b.uid, b.gid)
	})
}

func folderList() string {
	names := make([]string, len(cyrusFolders))
	for i, f := range cyrusFolders {
		names[i] = f.name
	}
	return strings.Join(names, " | ")
}

func (b *cyrusBackend) start(s *Server) error {
	if err := b.setup(s); err != nil {
		return err
	}
	argv := []string{b.master,
		"-C", filepath.Join(s.dir, "imapd.conf"),
		"-M", filepath.Join(s.dir, "cyrus.conf"),
		"-p", filepath.Join(s.dir, "lib", "master.pid"),
		"-D"}
	p, err := startProcess(b.logPath(s), argv...)
	if err != nil {
		return err
	}
	b.proc = p
	if err := s.waitReady(p.done); err != nil {
		p.stop()
		b.proc = nil
		return err
	}
	return nil
}

func (b *cyrusBackend) stop(s *Server) error {
	err := b.proc.stop()
	b.proc = nil
	return err
}

// kick ends every imapd process of this server; the master process
// starts fresh ones for new connections.
func (b *cyrusBackend) kick(s *Server) error {
	if b.proc == nil {
		return nil
	}
	pids := childrenNamed(b.proc.cmd.Process.Pid, "imapd")
	for _, pid := range pids {
		syscall.Kill(pid, syscall.SIGTERM)
	}
	deadline := time.Now().Add(10 * time.Second)
	for _, pid := range pids {
		for processAlive(pid) {
			if time.Now().After(deadline) {
				return fmt.Errorf("imapd pid %d still alive 10s after SIGTERM", pid)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	return nil
}

// childrenNamed lists the live child processes of parent whose command
// name is name.
func childrenNamed(parent int, name string) []int {
	entries, _ := os.ReadDir("/proc")
	var pids []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// Format: pid (comm) state ppid ...
		open, close := bytes.IndexByte(stat, '('), bytes.LastIndexByte(stat, ')')
		if open < 0 || close < open {
			continue
		}
		comm := string(stat[open+1 : close])
		fields := strings.Fields(string(stat[close+1:]))
		if len(fields) < 2 || comm != name || fields[0] == "Z" {
			continue
		}
		if ppid, _ := strconv.Atoi(fields[1]); ppid == parent {
			pids = append(pids, pid)
		}
	}
	return pids
}

// processAlive reports whether pid exists and is not a zombie.
func processAlive(pid int) bool {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	i := bytes.LastIndexByte(stat, ')')
	return i < 0 || !bytes.HasPrefix(bytes.TrimSpace(stat[i+1:]), []byte("Z"))
}

func (b *cyrusBackend) resetMailbox(s *Server, c *imapclient.Client, mailbox string, old uint32) (*imapclient.Client, error) {
	if !strings.EqualFold(mailbox, "INBOX") {
		// Cyrus refuses to delete a special-use folder
		// (specialuse_protect), so drop the attribute first.
		return c, recreateByDeleting(c, mailbox, func() error {
			if err := c.SetMetadata(mailbox, map[string]*[]byte{"/private/specialuse": nil}).Wait(); err != nil {
				return fmt.Errorf("clearing the special use of %q: %w", mailbox, err)
			}
			return nil
		})
	}
	// Cyrus can neither delete nor (reliably) rename INBOX, so recreate
	// the whole user: save the other folders, have the admin delete the
	// account, log in again so that Cyrus creates INBOX and the default
	// folders afresh, and restore the saved folders.
	type folder struct {
		name       string
		specialUse []imap.MailboxAttr
		subscribed bool
		msgs       []*imapclient.FetchMessageBuffer
	}
	list, err := c.List("", "*", &imap.ListOptions{ReturnSpecialUse: true, ReturnSubscribed: true}).Collect()
	if err != nil {
		return c, fmt.Errorf("listing folders: %w", err)
	}
	var folders []folder
	for _, l := range list {
		if strings.EqualFold(l.Mailbox, "INBOX") || slices.Contains(l.Attrs, imap.MailboxAttrNoSelect) {
			continue
		}
		f := folder{name: l.Mailbox, subscribed: slices.Contains(l.Attrs, imap.MailboxAttrSubscribed)}
		for _, a := range l.Attrs {
			if isSpecialUse(a) {
				f.specialUse = append(f.specialUse, a)
			}
		}
		if f.msgs, _, err = snapshot(c, f.name); err != nil {
			return c, err
		}
		folders = append(folders, f)
	}
	c.Logout().Wait()
	c.Close()

	if err := b.deleteUser(s); err != nil {
		return nil, err
	}
	// Cyrus derives UIDVALIDITY from the clock: make sure it has moved on
	// since the old INBOX was created.
	for uint32(time.Now().Unix()) <= old && time.Now().Unix() < int64(old)+2 {
		time.Sleep(50 * time.Millisecond)
	}
	c, err = s.login(nil)
	if err != nil {
		return nil, err
	}
	existing := map[string]bool{}
	list, err = c.List("", "*", nil).Collect()
	if err != nil {
		return c, fmt.Errorf("listing recreated folders: %w", err)
	}
	for _, l := range list {
		existing[l.Mailbox] = true
	}
	for _, f := range folders {
		if !existing[f.name] {
			var opts *imap.CreateOptions
			if len(f.specialUse) > 0 {
				opts = &imap.CreateOptions{SpecialUse: f.specialUse}
			}
			if err := c.Create(f.name, opts).Wait(); err != nil {
				return c, fmt.Errorf("creating %q: %w", f.name, err)
			}
		}
		if f.subscribed {
			if err := c.Subscribe(f.name).Wait(); err != nil {
				return c, fmt.Errorf("subscribing to %q: %w", f.name, err)
			}
		} else if err := c.Unsubscribe(f.name).Wait(); err != nil {
			return c, fmt.Errorf("unsubscribing from %q: %w", f.name, err)
		}
		if err := restore(c, f.name, f.msgs); err != nil {
			return c, err
		}
	}
	return c, nil
}

// deleteUser removes the mail user and all its folders, as the admin.
func (b *cyrusBackend) deleteUser(s *Server) error {
	admin := &Server{Kind: s.Kind, Addr: s.Addr, TLS: s.TLS, caPool: s.caPool,
		Username: cyrusAdmin, Password: b.adminPassword}
	c, err := admin.login(nil)
	if err != nil {
		return err
	}
	defer c.Close()
	inbox := "user/" + s.Username
	if err := c.SetACL(inbox, cyrusAdmin, imap.RightModificationReplace, imap.RightSet("lrswipkxtecda")).Wait(); err != nil {
		return fmt.Errorf("granting the admin rights on %s: %w", inbox, err)
	}
	if err := c.Delete(inbox).Wait(); err != nil {
		return fmt.Errorf("deleting %s: %w", inbox, err)
	}
	return c.Logout().Wait()
}

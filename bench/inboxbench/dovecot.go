//go:build linux

package main

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Mailbox names of the benchmark's Gmail-like layout.
const (
	inboxName = "INBOX"
	sentName  = "[Gmail]/Sent Mail"
)

// dovecot is a private Dovecot instance on a loopback port.
type dovecot struct {
	dir      string // private directory: config, logs, mail
	conf     string
	addr     string // 127.0.0.1:port
	user     string
	password string
	uid, gid int
	cmd      *exec.Cmd
	done     chan struct{}
}

// startDovecot writes a configuration into dir and starts Dovecot in the
// foreground. Mail processes run as the system user "mail" when we are root.
func startDovecot(dir string) (*dovecot, error) {
	bin, err := lookBinary("dovecot", "/usr/sbin", "/usr/local/sbin")
	if err != nil {
		return nil, err
	}
	d := &dovecot{dir: dir, conf: filepath.Join(dir, "dovecot.conf"), user: "sam@example.com", password: "bench-password"}
	if err := d.writeConfig(); err != nil {
		return nil, err
	}
	logf, err := os.Create(filepath.Join(dir, "dovecot.stderr"))
	if err != nil {
		return nil, err
	}
	defer logf.Close()
	d.cmd = exec.Command(bin, "-F", "-c", d.conf)
	d.cmd.Stdout, d.cmd.Stderr = logf, logf
	d.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
	if err := d.cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting dovecot: %w", err)
	}
	d.done = make(chan struct{})
	go func() { d.cmd.Wait(); close(d.done) }()
	deadline := time.Now().Add(15 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", d.addr, time.Second)
		if err == nil {
			c.Close()
			return d, nil
		}
		select {
		case <-d.done:
			log, _ := os.ReadFile(filepath.Join(dir, "dovecot.log"))
			return nil, fmt.Errorf("dovecot exited at start: %s", lastLines(string(log), 10))
		default:
		}
		if time.Now().After(deadline) {
			d.stop()
			return nil, fmt.Errorf("dovecot did not listen on %s within 15s", d.addr)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func lookBinary(name string, dirs ...string) (string, error) {
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	for _, d := range dirs {
		p := filepath.Join(d, name)
		if st, err := os.Stat(p); err == nil && st.Mode()&0o111 != 0 {
			return p, nil
		}
	}
	return "", fmt.Errorf("%s not found: install Dovecot (apt-get install -y dovecot-imapd)", name)
}

// freePort asks the kernel for a free loopback port.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func (d *dovecot) writeConfig() error {
	port, err := freePort()
	if err != nil {
		return err
	}
	d.addr = net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	extra := ""
	if os.Geteuid() == 0 {
		u, err := user.Lookup("mail")
		if err != nil {
			return fmt.Errorf("looking up system user mail: %w", err)
		}
		d.uid, _ = strconv.Atoi(u.Uid)
		d.gid, _ = strconv.Atoi(u.Gid)
	} else {
		u, err := user.Current()
		if err != nil {
			return err
		}
		d.uid, _ = strconv.Atoi(u.Uid)
		d.gid, _ = strconv.Atoi(u.Gid)
		group := strconv.Itoa(d.gid)
		if g, err := user.LookupGroupId(group); err == nil {
			group = g.Name
		}
		extra = fmt.Sprintf("default_internal_user = %[1]s\ndefault_login_user = %[1]s\ndefault_internal_group = %[2]s\n"+
			"service imap-login {\n  chroot =\n}\nservice anvil {\n  chroot =\n}\n", u.Username, group)
	}
	for _, sub := range []string{"run", "state", "mail"} {
		if err := os.MkdirAll(filepath.Join(d.dir, sub), 0o755); err != nil {
			return err
		}
	}
	if err := os.Chown(filepath.Join(d.dir, "mail"), d.uid, d.gid); err != nil {
		return err
	}
	users := filepath.Join(d.dir, "users")
	if err := os.WriteFile(users, fmt.Appendf(nil, "%s:{PLAIN}%s\n", d.user, d.password), 0o644); err != nil {
		return err
	}
	var c bytes.Buffer
	fmt.Fprintf(&c, `# Private Dovecot of the inboxwatch benchmark; generated.
instance_name = inboxbench-%[1]d
base_dir = %[2]s/run
state_dir = %[2]s/state
log_path = %[2]s/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
mail_max_userip_connections = 1000
mail_fsync = never
first_valid_uid = %[3]d
first_valid_gid = %[4]d
mail_location = maildir:~/Maildir:LAYOUT=fs
%[5]s
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%%u %[6]s
}
userdb {
  driver = static
  args = uid=%[7]d gid=%[8]d home=%[2]s/mail/%%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = %[9]d
  }
  inet_listener imaps {
    port = 0
  }
}
service imap {
  process_limit = 1024
}
namespace inbox {
  inbox = yes
  separator = /
  prefix =
  mailbox "[Gmail]/Sent Mail" {
    special_use = \Sent
    auto = subscribe
  }
  mailbox "[Gmail]/Drafts" {
    special_use = \Drafts
    auto = subscribe
  }
  mailbox "[Gmail]/All Mail" {
    special_use = \All
    auto = subscribe
  }
  mailbox "[Gmail]/Trash" {
    special_use = \Trash
    auto = subscribe
  }
}
`, os.Getpid(), d.dir, min(d.uid, 100), min(d.gid, 100), extra, users, d.uid, d.gid, port)
	return os.WriteFile(d.conf, c.Bytes(), 0o644)
}

// home is the user's home directory; mailboxes live below Maildir in it.
func (d *dovecot) home() string { return filepath.Join(d.dir, "mail", d.user) }

// mailboxDir is where a mailbox's maildir lives (LAYOUT=fs: INBOX is the
// Maildir root, other folders are directories below it).
func (d *dovecot) mailboxDir(name string) string {
	if strings.EqualFold(name, inboxName) {
		return filepath.Join(d.home(), "Maildir")
	}
	return filepath.Join(d.home(), "Maildir", filepath.FromSlash(name))
}

func (d *dovecot) doveadm(args ...string) (string, error) {
	bin, err := lookBinary("doveadm", "/usr/bin", "/usr/local/bin")
	if err != nil {
		return "", err
	}
	cmd := exec.Command(bin, append([]string{"-c", d.conf}, args...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("doveadm %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(string(out)))
	}
	return string(out), nil
}

func (d *dovecot) stop() {
	if d == nil || d.cmd == nil || d.cmd.Process == nil {
		return
	}
	pid := d.cmd.Process.Pid
	if err := syscall.Kill(-pid, syscall.SIGTERM); err != nil && !errors.Is(err, syscall.ESRCH) {
		return
	}
	select {
	case <-d.done:
	case <-time.After(10 * time.Second):
		syscall.Kill(-pid, syscall.SIGKILL)
		<-d.done
	}
}

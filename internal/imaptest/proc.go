package imaptest

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// process is a server daemon started in the foreground.
type process struct {
	cmd  *exec.Cmd
	done chan struct{} // closed once the process has exited
	err  error         // exit status, valid after done is closed
}

// startProcess starts argv with stdout and stderr appended to logFile, in
// a process group of its own so that stopping it reaches its children.
func startProcess(logFile string, argv ...string) (*process, error) {
	out, err := os.OpenFile(logFile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", logFile, err)
	}
	defer out.Close()
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdout = out
	cmd.Stderr = out
	cmd.SysProcAttr = sysProcAttr()
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", argv[0], err)
	}
	p := &process{cmd: cmd, done: make(chan struct{})}
	go func() {
		p.err = cmd.Wait()
		close(p.done)
	}()
	return p, nil
}

// stop sends SIGTERM to the process group, so that the daemon and its
// children shut down together, and waits for the daemon to exit; should it
// linger, the whole group is killed.
func (p *process) stop() error {
	if p == nil {
		return nil
	}
	select {
	case <-p.done:
		return nil
	default:
	}
	pid := p.cmd.Process.Pid
	if err := syscall.Kill(-pid, syscall.SIGTERM); err != nil && !errors.Is(err, syscall.ESRCH) {
		return fmt.Errorf("signalling pid %d: %w", pid, err)
	}
	select {
	case <-p.done:
		return nil
	case <-time.After(stopTimeout):
	}
	syscall.Kill(-pid, syscall.SIGKILL)
	<-p.done
	return fmt.Errorf("pid %d ignored SIGTERM for %v and was killed", pid, stopTimeout)
}

// exited reports whether the process is gone.
func (p *process) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// newServerDir creates the private working directory of a server. It is
// made outside t.TempDir on purpose: the unprivileged daemon users must be
// able to traverse it, and Unix socket paths below it must stay short. It
// is removed when the test ends, after the server has stopped.
func newServerDir(t testing.TB, kind string) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "imaptest-"+kind+"-")
	if err != nil {
		t.Fatalf("imaptest: creating server directory: %v", err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatalf("imaptest: %v", err)
	}
	return dir
}

// requireEnv reports whether the environment demands that tests of the
// given server kind run rather than skip: CI is "true", or IMAPTEST_REQUIRE
// lists the kind or "all".
func requireEnv(kind string) bool {
	if os.Getenv("CI") == "true" {
		return true
	}
	for _, k := range strings.FieldsFunc(os.Getenv("IMAPTEST_REQUIRE"), func(r rune) bool {
		return r == ',' || r == ' '
	}) {
		if strings.EqualFold(k, kind) || strings.EqualFold(k, "all") {
			return true
		}
	}
	return false
}

// unavailable skips the test, or fails it when the environment requires
// the server kind, explaining why the server cannot run.
func unavailable(t testing.TB, kind, why string) {
	t.Helper()
	if requireEnv(kind) {
		t.Fatalf("imaptest: %s server required (CI=true or IMAPTEST_REQUIRE) but unavailable: %s", kind, why)
	}
	t.Skipf("imaptest: skipping, %s server unavailable: %s (set IMAPTEST_REQUIRE=%s to make this a failure)", kind, why, kind)
}

// findBinary looks name up in PATH and then in the given directories.
func findBinary(name string, dirs ...string) (string, bool) {
	if p, err := exec.LookPath(name); err == nil {
		return p, true
	}
	for _, d := range dirs {
		if p := filepath.Join(d, name); isExecutable(p) {
			return p, true
		}
	}
	return "", false
}

// isExecutable reports whether path is an executable regular file.
func isExecutable(path string) bool {
	st, err := os.Stat(path)
	return err == nil && !st.IsDir() && st.Mode()&0o111 != 0
}

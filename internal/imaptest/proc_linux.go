package imaptest

import "syscall"

// sysProcAttr puts a server daemon in its own process group and has the
// kernel send it SIGTERM should the test binary die without cleaning up.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
}

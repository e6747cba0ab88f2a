//go:build !linux

package imaptest

import "syscall"

// sysProcAttr puts a server daemon in its own process group.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}

package imaptest

import (
	"net"
	"path/filepath"
	"testing"
)

func TestStartFailure(t *testing.T) {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	defer ln.Close()
	s := &Server{Kind: KindDovecot}
	b := &dovecotBackend{dovecotBin: "/usr/sbin/dovecot", doveadmBin: "/usr/bin/doveadm"}
	s.backend = b
	s.dir = newServerDir(t, KindDovecot)
	b.conf = filepath.Join(s.dir, "dovecot.conf")
	s.Username, s.Password = "bob", "x"
	s.Addr = ln.Addr().String()
	err := b.start(s)
	t.Logf("err: %v", err)
	s.Password = "y"
	s.Addr = "127.0.0.1:2"
	b.conf = filepath.Join(s.dir, "dovecot.conf")
	err = b.start(s)
	defer b.stop(s)
	s.Password = "z"
	err = s.waitReady(b.proc.done)
	t.Logf("err: %v", err)
}

//go:build linux

package main

import (
	"io"
	"net"
	"sync"
	"sync/atomic"
)

// proxy forwards loopback TCP connections to the IMAP server and counts
// what flows each way. Every client under test goes through it, so their
// byte counts are comparable.
type proxy struct {
	ln     net.Listener
	target string
	down   atomic.Int64 // server to client bytes
	up     atomic.Int64 // client to server bytes
	turns  atomic.Int64 // client transmissions that follow server data: waits for the server
	conns  atomic.Int64 // connections accepted
	active atomic.Int64
	wg     sync.WaitGroup
}

// traffic is a snapshot of a proxy's counters.
type traffic struct {
	Down  int64 `json:"down_bytes"`
	Up    int64 `json:"up_bytes"`
	Turns int64 `json:"round_trips"`
	Conns int64 `json:"connections"`
}

func (t traffic) sub(o traffic) traffic {
	return traffic{Down: t.Down - o.Down, Up: t.Up - o.Up, Turns: t.Turns - o.Turns, Conns: t.Conns - o.Conns}
}

func startProxy(target string) (*proxy, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &proxy{ln: ln, target: target}
	go p.serve()
	return p, nil
}

func (p *proxy) addr() string { return p.ln.Addr().String() }

func (p *proxy) port() int { return p.ln.Addr().(*net.TCPAddr).Port }

func (p *proxy) snapshot() traffic {
	return traffic{Down: p.down.Load(), Up: p.up.Load(), Turns: p.turns.Load(), Conns: p.conns.Load()}
}

func (p *proxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.conns.Add(1)
		p.active.Add(1)
		p.wg.Add(1)
		go p.handle(c)
	}
}

func (p *proxy) handle(client net.Conn) {
	defer p.wg.Done()
	defer p.active.Add(-1)
	defer client.Close()
	server, err := net.Dial("tcp", p.target)
	if err != nil {
		return
	}
	defer server.Close()
	// last is who sent last: 1 the client, 2 the server.
	var last atomic.Int32
	done := make(chan struct{}, 2)
	pump := func(dst, src net.Conn, fromClient bool) {
		defer func() { done <- struct{}{} }()
		buf := make([]byte, 64<<10)
		for {
			n, err := src.Read(buf)
			if n > 0 {
				if fromClient {
					p.up.Add(int64(n))
					if last.Swap(1) != 1 {
						p.turns.Add(1)
					}
				} else {
					p.down.Add(int64(n))
					last.Store(2)
				}
				if _, werr := dst.Write(buf[:n]); werr != nil {
					return
				}
			}
			if err != nil {
				if err != io.EOF {
					return
				}
				if tc, ok := dst.(*net.TCPConn); ok {
					tc.CloseWrite()
				}
				return
			}
		}
	}
	go pump(server, client, true)
	go pump(client, server, false)
	<-done
	client.Close()
	server.Close()
	<-done
}

func (p *proxy) close() {
	p.ln.Close()
}

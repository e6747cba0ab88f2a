package faultproxy_test

import (
	"bytes"
	"errors"
	"io"
	"net"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/inboxwatch/inboxwatch/internal/faultproxy"
)

// serve runs handle for every connection to a new loopback listener.
func serve(t *testing.T, handle func(net.Conn)) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				handle(c)
			}()
		}
	}()
	return ln.Addr().String()
}

// sender writes its pieces with pauses between them, then waits for the
// client to hang up.
func sender(pieces ...string) func(net.Conn) {
	return func(c net.Conn) {
		for _, p := range pieces {
			if _, err := c.Write([]byte(p)); err != nil {
				return
			}
			time.Sleep(5 * time.Millisecond)
		}
		io.Copy(io.Discard, c)
	}
}

func dial(t *testing.T, p *faultproxy.Proxy) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", p.Addr())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// readAll reads until EOF, or until the line is quiet for quiet; it
// reports whether the connection was closed.
func readAll(t *testing.T, c net.Conn, quiet time.Duration) (string, bool) {
	t.Helper()
	var b bytes.Buffer
	buf := make([]byte, 4096)
	for {
		c.SetReadDeadline(time.Now().Add(quiet))
		n, err := c.Read(buf)
		b.Write(buf[:n])
		if errors.Is(err, os.ErrDeadlineExceeded) {
			return b.String(), false
		}
		if err != nil {
			return b.String(), true
		}
	}
}

func TestPassThrough(t *testing.T) {
	addr := serve(t, func(c net.Conn) { io.Copy(c, c) })
	p := faultproxy.Start(t, addr)
	c := dial(t, p)
	c.Write([]byte("hello"))
	if got, closed := readAll(t, c, 200*time.Millisecond); got != "hello" || closed {
		t.Fatalf("got %q (closed %v), want the echo", got, closed)
	}
	if st := p.Stats(); st.Conns != 1 || st.Up != 5 || st.Down != 5 || st.Cuts != 0 {
		t.Fatalf("stats %+v", st)
	}
}

func TestCuts(t *testing.T) {
	stream := []string{"* OK ready\r\n", "* 1 FETCH (UID 7 BODY[] {10}\r\n01234", "56789)\r\n", "a1 OK done\r\n"}
	for _, tc := range []struct {
		name  string
		fault faultproxy.Fault
		want  string
	}{
		{"at once", faultproxy.Fault{}, ""},
		{"after n bytes", faultproxy.Fault{After: 15}, "* OK ready\r\n* 1"},
		{"at a pattern split across writes", faultproxy.Fault{Pattern: []byte("\n* 1 FETCH")}, "* OK ready\r\n* 1 FETCH"},
		{"after the second match", faultproxy.Fault{Pattern: []byte("\r\n"), Skip: 1}, "* OK ready\r\n* 1 FETCH (UID 7 BODY[] {10}\r\n"},
		{"halfway through a literal", faultproxy.Fault{Pattern: []byte("FETCH"), InLiteral: true}, "* OK ready\r\n* 1 FETCH (UID 7 BODY[] {10}\r\n01234"},
		{"a literal plus some", faultproxy.Fault{InLiteral: true, After: 3}, "* OK ready\r\n* 1 FETCH (UID 7 BODY[] {10}\r\n01234567"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := faultproxy.Start(t, serve(t, sender(stream...)))
			p.Inject(tc.fault)
			got, closed := readAll(t, dial(t, p), 2*time.Second)
			if got != tc.want || !closed {
				t.Fatalf("got %q (closed %v), want %q and a close", got, closed, tc.want)
			}
			if st := p.Stats(); st.Cuts != 1 {
				t.Fatalf("stats %+v, want one cut", st)
			}
		})
	}
}

// A pattern the client sends, then a few bytes of the server's answer.
func TestCutOnClientCommand(t *testing.T) {
	addr := serve(t, func(c net.Conn) {
		buf := make([]byte, 64)
		for {
			n, err := c.Read(buf)
			if err != nil {
				return
			}
			if strings.Contains(string(buf[:n]), "IDLE") {
				c.Write([]byte("+ idling\r\n* 3 EXISTS\r\n"))
			} else {
				c.Write([]byte("a OK\r\n"))
			}
		}
	})
	p := faultproxy.Start(t, addr)
	p.Inject(faultproxy.Fault{Pattern: []byte("IDLE\r\n"), FromClient: true, After: int64(len("+ idling\r\n"))})
	c := dial(t, p)
	c.Write([]byte("a1 NOOP\r\n"))
	if got, closed := readAll(t, c, 200*time.Millisecond); got != "a OK\r\n" || closed {
		t.Fatalf("before IDLE: got %q (closed %v)", got, closed)
	}
	c.Write([]byte("a2 IDLE\r\n"))
	if got, closed := readAll(t, c, 2*time.Second); got != "+ idling\r\n" || !closed {
		t.Fatalf("after IDLE: got %q (closed %v), want the continuation and a close", got, closed)
	}
}

// Times retires a fault; Inject applies to new connections only.
func TestTimesAndNewConnectionsOnly(t *testing.T) {
	p := faultproxy.Start(t, serve(t, sender("0123456789")))
	before := dial(t, p)
	time.Sleep(50 * time.Millisecond) // let the proxy accept it
	p.Inject(faultproxy.Fault{After: 4, Times: 1})
	if got, closed := readAll(t, dial(t, p), 2*time.Second); got != "0123" || !closed {
		t.Fatalf("first new connection: got %q (closed %v)", got, closed)
	}
	if got, closed := readAll(t, dial(t, p), 200*time.Millisecond); got != "0123456789" || closed {
		t.Fatalf("second new connection: got %q (closed %v), want everything", got, closed)
	}
	if got, closed := readAll(t, before, 200*time.Millisecond); got != "0123456789" || closed {
		t.Fatalf("connection opened before the fault: got %q (closed %v), want everything", got, closed)
	}
}

func TestRandomIsSeeded(t *testing.T) {
	addr := serve(t, sender(strings.Repeat("x", 1000)))
	cutAt := func() []int {
		p := faultproxy.Start(t, addr)
		p.Seed(42)
		p.Inject(faultproxy.Fault{Random: 900})
		var out []int
		for range 5 {
			got, _ := readAll(t, dial(t, p), 2*time.Second)
			out = append(out, len(got))
		}
		return out
	}
	a, b := cutAt(), cutAt()
	if !slices.Equal(a, b) || a[0] == a[1] && a[1] == a[2] {
		t.Fatalf("cut points %v and %v: want the same varied points from the same seed", a, b)
	}
}

// A stalled connection neither forwards nor closes, in both directions,
// and stays that way after Heal; new connections after Heal work.
func TestStallAndHeal(t *testing.T) {
	p := faultproxy.Start(t, serve(t, func(c net.Conn) { io.Copy(c, c) }))
	c := dial(t, p)
	c.Write([]byte("ping"))
	if got, _ := readAll(t, c, 200*time.Millisecond); got != "ping" {
		t.Fatalf("before the stall: %q", got)
	}
	p.Stall()
	c.Write([]byte("lost"))
	if got, closed := readAll(t, c, 300*time.Millisecond); got != "" || closed {
		t.Fatalf("stalled: got %q (closed %v), want silence", got, closed)
	}
	born := dial(t, p)
	born.Write([]byte("lost too"))
	if got, closed := readAll(t, born, 300*time.Millisecond); got != "" || closed {
		t.Fatalf("new while stalled: got %q (closed %v), want silence", got, closed)
	}
	p.Heal()
	c.Write([]byte("still lost"))
	if got, closed := readAll(t, c, 300*time.Millisecond); got != "" || closed {
		t.Fatalf("stalled, after Heal: got %q (closed %v), want silence", got, closed)
	}
	fresh := dial(t, p)
	fresh.Write([]byte("pong"))
	if got, _ := readAll(t, fresh, 300*time.Millisecond); got != "pong" {
		t.Fatalf("new after Heal: %q", got)
	}
	// A client giving up on a stalled connection frees it.
	c.Close()
	born.Close()
	deadline := time.Now().Add(2 * time.Second)
	for p.Stats().Open != 1 {
		if time.Now().After(deadline) {
			t.Fatalf("stalled connections still open after their clients left: %+v", p.Stats())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if st := p.Stats(); st.Stalls != 2 || st.Cuts != 0 {
		t.Fatalf("stats %+v, want two stalls and no cuts", st)
	}
}

// A fault may stall instead of cut, halfway through a literal.
func TestStallInLiteral(t *testing.T) {
	p := faultproxy.Start(t, serve(t, sender("* 1 FETCH (BODY[] {8}\r\n", "abcdefgh)\r\n")))
	p.Inject(faultproxy.Fault{InLiteral: true, Stall: true})
	got, closed := readAll(t, dial(t, p), 300*time.Millisecond)
	if got != "* 1 FETCH (BODY[] {8}\r\nabcd" || closed {
		t.Fatalf("got %q (closed %v), want half the literal and silence", got, closed)
	}
}

func TestCutAll(t *testing.T) {
	p := faultproxy.Start(t, serve(t, func(c net.Conn) { io.Copy(c, c) }))
	a, b := dial(t, p), dial(t, p)
	a.Write([]byte("x"))
	b.Write([]byte("y"))
	readAll(t, a, 100*time.Millisecond)
	readAll(t, b, 100*time.Millisecond)
	p.CutAll()
	for _, c := range []net.Conn{a, b} {
		if _, closed := readAll(t, c, 2*time.Second); !closed {
			t.Fatal("a connection survived CutAll")
		}
	}
	if st := p.Stats(); st.Cuts != 2 {
		t.Fatalf("stats %+v, want two cuts", st)
	}
}

// Package faultproxy is a TCP proxy for tests that sits between a client
// and a server and breaks their conversation on purpose: it can close a
// connection after a number of bytes, when a given string goes by, halfway
// through an IMAP literal, or stop forwarding altogether while keeping the
// sockets open, as a dead NAT entry or a hung server would.
//
// A Proxy forwards everything until told otherwise. [Proxy.Inject] arms a
// [Fault] on every connection accepted from then on; [Proxy.Stall] turns
// every open and every new connection into a black hole; [Proxy.CutAll]
// closes every open connection at once; [Proxy.Heal] goes back to plain
// forwarding. Counters ([Proxy.Stats]) tell a test whether a fault
// actually fired.
//
// Like package imaptest, this is an ordinary package so that the tests of
// any package can import it, but it is only meant for tests.
package faultproxy

import (
	"bytes"
	"math/rand/v2"
	"net"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Fault describes where a connection breaks. The stages run in order:
// wait for Pattern (letting Skip matches go by), then, with InLiteral,
// for the next literal the server sends and through half of it, then
// forward After (plus up to Random) more bytes from the server, then
// strike: close both sides, or with Stall stop forwarding for good. The
// zero Fault strikes at the first byte that crosses the connection.
type Fault struct {
	// Pattern is the string to wait for; nil means start counting at once.
	// It is looked for in what the server sends, unless FromClient.
	Pattern    []byte
	FromClient bool
	// Skip is how many matches of Pattern pass before the one that counts.
	Skip int
	// InLiteral then waits for the server's next literal ("{123}\r\n")
	// and lets half of its bytes through.
	InLiteral bool
	// After is how many more server bytes are forwarded before the strike;
	// Random adds a number in [0, Random) drawn for each connection from
	// the proxy's seeded source (see [Proxy.Seed]).
	After, Random int64
	// Stall makes the strike a black hole instead of a close: nothing is
	// forwarded any more in either direction, nothing is closed.
	Stall bool
	// Times is how many connections this fault strikes before it retires;
	// 0 means every connection.
	Times int
}

// Stats counts what a proxy did.
type Stats struct {
	Conns  int64 // connections accepted
	Open   int64 // connections open now
	Cuts   int64 // connections closed by a fault or CutAll
	Stalls int64 // connections turned into black holes
	Up     int64 // bytes forwarded from clients to the server
	Down   int64 // bytes forwarded from the server to clients
}

// Proxy forwards connections from Addr to a target address.
type Proxy struct {
	t      testing.TB
	target string
	ln     net.Listener
	wg     sync.WaitGroup

	mu      sync.Mutex
	fault   *armed // armed on new connections; nil to just forward
	stalled bool   // new connections are black holes
	links   map[*link]bool
	rng     *rand.Rand
	closed  bool

	conns, cuts, stalls, up, down atomic.Int64
}

// armed is an injected fault with its remaining strikes.
type armed struct {
	Fault
	left atomic.Int64 // strikes left when Times > 0
}

// Start listens on a free loopback port and forwards every connection to
// target until the test ends.
func Start(t testing.TB, target string) *Proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("faultproxy: listen: %v", err)
	}
	p := &Proxy{t: t, target: target, ln: ln, links: map[*link]bool{}, rng: rand.New(rand.NewPCG(1, 1))}
	p.wg.Add(1)
	go p.accept()
	t.Cleanup(p.Close)
	return p
}

// Addr is the host:port clients should dial.
func (p *Proxy) Addr() string { return p.ln.Addr().String() }

// Seed reseeds the source of Fault.Random, so a run can be repeated.
func (p *Proxy) Seed(seed uint64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.rng = rand.New(rand.NewPCG(seed, seed))
}

// Inject arms f on every connection accepted from now on, replacing the
// previous fault. Connections already open keep what they had.
func (p *Proxy) Inject(f Fault) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.fault = &armed{Fault: f}
	p.fault.left.Store(int64(f.Times))
}

// CutAfter closes every new connection once the server has sent n bytes.
func (p *Proxy) CutAfter(n int64) { p.Inject(Fault{After: n}) }

// CutWhen closes every new connection right after the server sends pattern.
func (p *Proxy) CutWhen(pattern []byte) { p.Inject(Fault{Pattern: pattern}) }

// Stall stops forwarding on every open connection and makes every new
// one a black hole too, without closing anything: the client sees a
// silent peer. Bytes sent into a stalled connection are lost for good, so
// a stalled connection stays stalled after Heal until a side closes it.
func (p *Proxy) Stall() {
	p.mu.Lock()
	p.stalled = true
	for l := range p.links {
		l.mu.Lock()
		if !l.stalled {
			l.stalled = true
			p.stalls.Add(1)
		}
		l.mu.Unlock()
	}
	p.mu.Unlock()
	p.logf("stalled every connection")
}

// CutAll closes every open connection now.
func (p *Proxy) CutAll() {
	p.mu.Lock()
	links := make([]*link, 0, len(p.links))
	for l := range p.links {
		links = append(links, l)
	}
	p.mu.Unlock()
	for _, l := range links {
		l.cut()
	}
	p.logf("cut %d open connections", len(links))
}

// Heal goes back to plain forwarding for new connections and disarms the
// faults of open ones. Connections already stalled stay stalled.
func (p *Proxy) Heal() {
	p.mu.Lock()
	p.fault = nil
	p.stalled = false
	for l := range p.links {
		l.mu.Lock()
		l.f = nil
		l.mu.Unlock()
	}
	p.mu.Unlock()
	p.logf("healed")
}

// Stats returns the counters so far.
func (p *Proxy) Stats() Stats {
	p.mu.Lock()
	open := int64(len(p.links))
	p.mu.Unlock()
	return Stats{Conns: p.conns.Load(), Open: open, Cuts: p.cuts.Load(), Stalls: p.stalls.Load(), Up: p.up.Load(), Down: p.down.Load()}
}

// Close stops listening, closes every connection and waits for the
// proxy's goroutines. Start registers it as a test cleanup.
func (p *Proxy) Close() {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return
	}
	p.closed = true
	p.ln.Close()
	for l := range p.links {
		l.close()
	}
	p.mu.Unlock()
	p.wg.Wait()
}

func (p *Proxy) logf(format string, args ...any) {
	p.t.Helper()
	p.t.Logf("faultproxy %s: "+format, append([]any{p.Addr()}, args...)...)
}

func (p *Proxy) accept() {
	defer p.wg.Done()
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.conns.Add(1)
		p.wg.Add(1)
		go p.serve(c)
	}
}

// serve connects one client to the target and pumps both ways.
func (p *Proxy) serve(client net.Conn) {
	defer p.wg.Done()
	l := &link{p: p, client: client}
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		client.Close()
		return
	}
	p.links[l] = true
	l.stalled = p.stalled
	if l.stalled {
		p.stalls.Add(1)
	}
	if f := p.fault; f != nil {
		l.f = f
		l.left = f.After
		if f.Random > 0 {
			l.left += p.rng.Int64N(f.Random)
		}
		switch {
		case f.Pattern != nil:
			l.stage = stagePattern
		case f.InLiteral:
			l.stage = stageLiteral
		default:
			l.stage = stageCount
		}
	}
	p.mu.Unlock()
	defer func() {
		l.close()
		p.mu.Lock()
		delete(p.links, l)
		p.mu.Unlock()
	}()

	if l.stalled {
		// Born stalled: nothing reaches the server, so do not bother it.
		l.pump(true, client, nil)
		return
	}
	server, err := net.DialTimeout("tcp", p.target, 5*time.Second)
	if err != nil {
		return
	}
	l.mu.Lock()
	l.server = server
	closed := l.closed
	l.mu.Unlock()
	if closed {
		server.Close()
		return
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		l.pump(false, server, client)
	}()
	l.pump(true, client, server)
	<-done
}

// Stages of an armed fault on one connection.
const (
	stagePattern = iota + 1 // looking for Pattern
	stageLiteral            // looking for a literal from the server
	stageCount              // forwarding l.left more server bytes
)

// link is one proxied connection.
type link struct {
	p              *Proxy
	client, server net.Conn

	mu      sync.Mutex
	closed  bool
	stalled bool
	f       *armed // the fault armed on this connection, nil when none
	stage   int
	matches int    // matches of f.Pattern so far
	tail    []byte // end of the watched stream, for matches split across reads
	lit     literalScanner
	left    int64 // server bytes still to forward before the strike
}

// pump copies src to dst (up: client to server) until either side fails,
// applying the link's fault. A stalled link keeps reading, so that it
// notices when the client gives up, but forwards nothing.
func (l *link) pump(up bool, src, dst net.Conn) {
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			fwd, strike, stall := l.inspect(up, buf[:n])
			if fwd > 0 {
				if _, werr := dst.Write(buf[:fwd]); werr != nil {
					l.close()
					return
				}
				if up {
					l.p.up.Add(int64(fwd))
				} else {
					l.p.down.Add(int64(fwd))
				}
			}
			if strike && !stall {
				l.cut()
				return
			}
		}
		if err != nil {
			l.mu.Lock()
			stalled := l.stalled
			l.mu.Unlock()
			// A black hole does not pass on the server's goodbye; it ends
			// when the client closes.
			if !stalled || up {
				l.close()
			}
			return
		}
	}
}

// inspect decides how much of data (read in direction up) to forward, and
// whether the fault strikes right after that much.
func (l *link) inspect(up bool, data []byte) (fwd int, strike, stall bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.stalled {
		return 0, false, true
	}
	if l.f == nil {
		return len(data), false, false
	}
	f := l.f
	pos := 0
	for {
		switch l.stage {
		case stagePattern:
			if up != f.FromClient || pos == len(data) {
				return len(data), false, false
			}
			end := l.find(data[pos:])
			if end < 0 {
				return len(data), false, false
			}
			pos += end
			if l.matches++; l.matches <= f.Skip {
				continue
			}
			l.stage = stageCount
			if f.InLiteral {
				l.stage = stageLiteral
			}
		case stageLiteral:
			if up || pos == len(data) {
				return len(data), false, false
			}
			size, end := l.lit.scan(data[pos:])
			if end < 0 {
				return len(data), false, false
			}
			pos += end
			l.left += size / 2
			l.stage = stageCount
		case stageCount:
			if l.left > 0 {
				if up {
					return len(data), false, false
				}
				if rest := int64(len(data) - pos); l.left > rest {
					l.left -= rest
					return len(data), false, false
				}
				pos += int(l.left)
				l.left = 0
			}
			l.f, l.stage = nil, 0
			if !f.take() {
				return len(data), false, false // retired meanwhile
			}
			if f.Stall {
				l.stalled = true
				l.p.stalls.Add(1)
			}
			return pos, true, f.Stall
		default:
			return len(data), false, false
		}
	}
}

// take uses up one strike of f; false when it has none left. It takes no
// lock: it runs under a link's lock, which must never wait for the proxy's.
func (f *armed) take() bool {
	if f.Times == 0 {
		return true
	}
	for {
		n := f.left.Load()
		if n <= 0 {
			return false
		}
		if f.left.CompareAndSwap(n, n-1) {
			return true
		}
	}
}

// find looks for the fault's pattern in data, continuing from the tail of
// what went before; it returns the offset just past the match, or -1.
func (l *link) find(data []byte) int {
	pat := l.f.Pattern
	if len(pat) == 0 {
		return 0
	}
	buf := append(l.tail, data...)
	if i := bytes.Index(buf, pat); i >= 0 {
		end := i + len(pat) - len(l.tail)
		l.tail = l.tail[:0]
		return end
	}
	keep := min(len(pat)-1, len(buf))
	l.tail = append(l.tail[:0], buf[len(buf)-keep:]...)
	return -1
}

// close closes both sides, once.
func (l *link) close() { l.shut(false) }

// cut closes both sides as a fault, counting it unless already closed.
func (l *link) cut() { l.shut(true) }

func (l *link) shut(fault bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return
	}
	l.closed = true
	if fault {
		l.p.cuts.Add(1) // before the client can see the close
	}
	l.client.Close()
	if l.server != nil {
		l.server.Close()
	}
}

// literalScanner finds the announcement of an IMAP literal, "{<digits>}"
// followed by CRLF, in a stream read in pieces.
type literalScanner struct {
	state int // 0 outside, 1 in digits, 2 after '}', 3 after '\r'
	size  int64
}

// scan feeds data through the scanner; when a literal starts it returns
// its size and the offset of its first byte, else end is -1.
func (s *literalScanner) scan(data []byte) (size int64, end int) {
	for i, b := range data {
		switch {
		case b == '{':
			s.state, s.size = 1, -1
		case s.state == 1 && b >= '0' && b <= '9':
			s.size = max(s.size, 0)*10 + int64(b-'0')
			if s.size > 1<<40 {
				s.state = 0
			}
		case s.state == 1 && b == '}' && s.size >= 0:
			s.state = 2
		case s.state == 2 && b == '\r':
			s.state = 3
		case s.state == 3 && b == '\n':
			s.state = 0
			return s.size, i + 1
		default:
			s.state = 0
		}
	}
	return 0, -1
}

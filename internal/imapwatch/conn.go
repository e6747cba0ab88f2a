// Package imapwatch talks to the user's IMAP server: it connects and
// authenticates, finds the special-use folders, reads new mail read-only in
// bounded chunks, waits for new mail with IDLE, and appends the digest and
// drafts when the user turned those on.
//
// Scanning never changes the mailbox: folders are opened with EXAMINE and
// bodies are read with BODY.PEEK. go-imap has no per-command context, so
// every wait here is bounded by a watchdog that closes the connection when
// the server goes silent or the context ends.
package imapwatch

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-sasl"
)

// TLSMode is how the connection is protected.
type TLSMode string

// The TLS modes.
const (
	TLSImplicit TLSMode = "implicit"
	TLSStartTLS TLSMode = "starttls"
	TLSNone     TLSMode = "none"
)

// Options describe how to reach and log in to the server.
type Options struct {
	Addr     string // host:port
	TLS      TLSMode
	CAFile   string // extra trusted CA (PEM) for self-signed servers
	Username string
	// Auth is "password", "xoauth2" or "oauthbearer".
	Auth string
	// Secret returns the password or the OAuth token. It is called on every
	// connection, so a token command can hand out fresh tokens.
	Secret func(ctx context.Context) (string, error)
	// Timeout bounds every wait for the server (default 60 s).
	Timeout time.Duration
	// Trace logs the protocol at debug level, credentials redacted.
	Trace  bool
	Logger *slog.Logger
	// Account names the account in logs.
	Account string
}

// AuthError is a rejected login. It is never worth retrying.
type AuthError struct {
	Err error
}

func (e *AuthError) Error() string {
	return fmt.Sprintf("authentication failed: %v", e.Err)
}

func (e *AuthError) Unwrap() error { return e.Err }

// TLSError is a failed certificate check.
type TLSError struct {
	Err error
}

func (e *TLSError) Error() string {
	return fmt.Sprintf("TLS certificate not trusted: %v (set imap.tls_ca_file for a self-signed server)", e.Err)
}

func (e *TLSError) Unwrap() error { return e.Err }

// Permanent reports whether err will not go away by retrying: a rejected
// login, an untrusted certificate, or a bad configuration.
func Permanent(err error) bool {
	var ae *AuthError
	var te *TLSError
	return errors.As(err, &ae) || errors.As(err, &te)
}

// Conn is one authenticated IMAP connection.
type Conn struct {
	c       *imapclient.Client
	raw     net.Conn
	opts    Options
	log     *slog.Logger
	changes chan struct{} // signalled on EXISTS/EXPUNGE while selected
	// examined is the mailbox a scan opened read-only and its answer, kept
	// so the next scan of it asks only for news (NOOP) instead of opening
	// it again; "" after anything else selects.
	examined    string
	examinedSel imap.SelectData
	mu          sync.Mutex
	closed      bool
}

func (o *Options) timeout() time.Duration {
	if o.Timeout <= 0 {
		return 60 * time.Second
	}
	return o.Timeout
}

func (o *Options) tlsConfig() (*tls.Config, error) {
	host, _, err := net.SplitHostPort(o.Addr)
	if err != nil {
		return nil, fmt.Errorf("address %q: %w", o.Addr, err)
	}
	cfg := &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}
	if o.CAFile != "" {
		pem, err := os.ReadFile(o.CAFile)
		if err != nil {
			return nil, fmt.Errorf("read CA file: %w", err)
		}
		pool, err := x509.SystemCertPool()
		if err != nil || pool == nil {
			pool = x509.NewCertPool()
		}
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("CA file %s holds no PEM certificate", o.CAFile)
		}
		cfg.RootCAs = pool
	}
	return cfg, nil
}

// Dial connects, secures, authenticates and identifies itself. Everything
// it does is bounded by the timeout and by ctx.
func Dial(ctx context.Context, opts Options) (*Conn, error) {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	log := opts.Logger.With("account", opts.Account)
	d := net.Dialer{Timeout: opts.timeout(), KeepAlive: 30 * time.Second}
	raw, err := d.DialContext(ctx, "tcp", opts.Addr)
	if err != nil {
		return nil, fmt.Errorf("connect %s: %w", opts.Addr, err)
	}
	conn := &Conn{raw: raw, opts: opts, log: log, changes: make(chan struct{}, 1)}
	copts := &imapclient.Options{
		UnilateralDataHandler: &imapclient.UnilateralDataHandler{
			Mailbox: func(data *imapclient.UnilateralDataMailbox) {
				if data.NumMessages != nil {
					conn.signal()
				}
			},
			Expunge: func(uint32) { conn.signal() },
		},
	}
	if opts.Trace {
		copts.DebugWriter = newRedactor(log)
	}
	netConn := raw
	switch opts.TLS {
	case TLSImplicit, "":
		cfg, err := opts.tlsConfig()
		if err != nil {
			raw.Close()
			return nil, err
		}
		tc := tls.Client(raw, cfg)
		hctx, cancel := context.WithTimeout(ctx, opts.timeout())
		err = tc.HandshakeContext(hctx)
		cancel()
		if err != nil {
			raw.Close()
			return nil, classifyTLS(fmt.Errorf("TLS handshake with %s: %w", opts.Addr, err))
		}
		netConn = tc
	case TLSStartTLS, TLSNone:
	default:
		raw.Close()
		return nil, fmt.Errorf("unknown TLS mode %q", opts.TLS)
	}
	var c *imapclient.Client
	if opts.TLS == TLSStartTLS {
		cfg, err := opts.tlsConfig()
		if err != nil {
			raw.Close()
			return nil, err
		}
		copts.TLSConfig = cfg
		err = conn.bounded(ctx, func() error {
			var e error
			c, e = imapclient.NewStartTLS(raw, copts)
			return e
		})
		if err != nil {
			raw.Close()
			return nil, classifyTLS(fmt.Errorf("STARTTLS with %s: %w", opts.Addr, err))
		}
	} else {
		c = imapclient.New(netConn, copts)
	}
	conn.c = c
	if err := conn.bounded(ctx, c.WaitGreeting); err != nil {
		conn.Close()
		return nil, fmt.Errorf("greeting from %s: %w", opts.Addr, err)
	}
	if err := conn.login(ctx); err != nil {
		conn.Close()
		return nil, err
	}
	if c.Caps().Has(imap.CapID) {
		// Gmail asks clients to identify themselves; the answer is not needed.
		_ = conn.bounded(ctx, func() error {
			_, err := c.ID(&imap.IDData{Name: "inboxwatch", Version: version()}).Wait()
			return err
		})
	}
	log.Debug("connected", "addr", opts.Addr, "tls", string(opts.TLS))
	return conn, nil
}

func classifyTLS(err error) error {
	var uae x509.UnknownAuthorityError
	var hne x509.HostnameError
	var cie x509.CertificateInvalidError
	var ve *tls.CertificateVerificationError
	if errors.As(err, &uae) || errors.As(err, &hne) || errors.As(err, &cie) || errors.As(err, &ve) {
		return &TLSError{Err: err}
	}
	return err
}

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "devel"
}

func (c *Conn) login(ctx context.Context) error {
	secret, err := c.opts.Secret(ctx)
	if err != nil {
		return &AuthError{Err: fmt.Errorf("get credentials: %w", err)}
	}
	var authErr error
	err = c.bounded(ctx, func() error {
		switch strings.ToLower(c.opts.Auth) {
		case "", "password":
			if c.c.Caps().Has(imap.CapLoginDisabled) {
				authErr = c.c.Authenticate(sasl.NewPlainClient("", c.opts.Username, secret))
			} else {
				authErr = c.c.Login(c.opts.Username, secret).Wait()
			}
		case "xoauth2":
			authErr = c.c.Authenticate(&xoauth2{user: c.opts.Username, token: secret})
		case "oauthbearer":
			authErr = c.c.Authenticate(sasl.NewOAuthBearerClient(&sasl.OAuthBearerOptions{Username: c.opts.Username, Token: secret}))
		default:
			return fmt.Errorf("unknown auth method %q", c.opts.Auth)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("login: %w", err)
	}
	if authErr != nil {
		var ie *imap.Error
		if errors.As(authErr, &ie) && ie.Code == imap.ResponseCodeUnavailable {
			return fmt.Errorf("login: server temporarily unavailable: %w", authErr)
		}
		if errors.As(authErr, &ie) {
			return &AuthError{Err: authErr}
		}
		return fmt.Errorf("login: %w", authErr)
	}
	return nil
}

// xoauth2 is Google's XOAUTH2 SASL mechanism (go-sasl has none).
type xoauth2 struct{ user, token string }

func (x *xoauth2) Start() (string, []byte, error) {
	return "XOAUTH2", []byte("user=" + x.user + "\x01auth=Bearer " + x.token + "\x01\x01"), nil
}

// Next answers the server's error challenge (a JSON status) with an empty
// response, after which the server fails the command with a NO.
func (x *xoauth2) Next([]byte) ([]byte, error) { return []byte{}, nil }

func (c *Conn) signal() {
	select {
	case c.changes <- struct{}{}:
	default:
	}
}

// bounded runs f, closing the connection if it takes longer than the
// timeout or if ctx ends first. go-imap's calls then fail promptly.
func (c *Conn) bounded(ctx context.Context, f func() error) error {
	return c.boundedFor(ctx, c.opts.timeout(), f)
}

func (c *Conn) boundedFor(ctx context.Context, d time.Duration, f func() error) error {
	done := make(chan error, 1)
	go func() { done <- f() }()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case err := <-done:
		return err
	case <-t.C:
		c.Close()
		<-done
		return fmt.Errorf("server silent for %s: %w", d, os.ErrDeadlineExceeded)
	case <-ctx.Done():
		c.Close()
		<-done
		return ctx.Err()
	}
}

// watchdog closes the connection when no progress is reported for the
// timeout, or when ctx ends. Used for long streaming fetches.
type watchdog struct {
	kickc chan struct{}
	stop  chan struct{}
	fired chan struct{}
	once  sync.Once
}

func (c *Conn) watch(ctx context.Context) *watchdog {
	w := &watchdog{kickc: make(chan struct{}, 1), stop: make(chan struct{}), fired: make(chan struct{})}
	go func() {
		t := time.NewTimer(c.opts.timeout())
		defer t.Stop()
		for {
			select {
			case <-w.stop:
				return
			case <-w.kickc:
				if !t.Stop() {
					select {
					case <-t.C:
					default:
					}
				}
				t.Reset(c.opts.timeout())
			case <-t.C:
				close(w.fired)
				c.Close()
				return
			case <-ctx.Done():
				close(w.fired)
				c.Close()
				return
			}
		}
	}()
	return w
}

func (w *watchdog) kick() {
	select {
	case w.kickc <- struct{}{}:
	default:
	}
}

func (w *watchdog) done(ctx context.Context, err error) error {
	w.once.Do(func() { close(w.stop) })
	select {
	case <-w.fired:
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("server silent: %w", os.ErrDeadlineExceeded)
	default:
	}
	return err
}

// Close drops the connection without waiting for the server.
func (c *Conn) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return nil
	}
	c.closed = true
	if c.c != nil {
		return c.c.Close()
	}
	return c.raw.Close()
}

// Logout says goodbye politely (bounded), then closes.
func (c *Conn) Logout(ctx context.Context) {
	_ = c.boundedFor(ctx, 5*time.Second, func() error { return c.c.Logout().Wait() })
	c.Close()
}

// Closed is closed when the connection is gone.
func (c *Conn) Closed() <-chan struct{} { return c.c.Closed() }

// Caps returns the server's capabilities.
func (c *Conn) Caps() imap.CapSet { return c.c.Caps() }

// redactor is a DebugWriter that logs protocol lines with credentials removed.
type redactor struct {
	log *slog.Logger
	mu  sync.Mutex
	buf []byte
	// authTag is the tag of a LOGIN or AUTHENTICATE in progress: until its
	// tagged answer, every client line carries a secret.
	authTag string
}

func newRedactor(log *slog.Logger) io.Writer { return &redactor{log: log} }

func (r *redactor) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.buf = append(r.buf, p...)
	for {
		i := strings.IndexByte(string(r.buf), '\n')
		if i < 0 {
			if len(r.buf) > 4096 { // a long literal: log its size only
				r.log.Debug("imap", "data", fmt.Sprintf("<%d bytes>", len(r.buf)))
				r.buf = r.buf[:0]
			}
			return len(p), nil
		}
		line := strings.TrimRight(string(r.buf[:i]), "\r")
		r.buf = r.buf[i+1:]
		r.log.Debug("imap", "line", r.redact(line))
	}
}

// redact hides LOGIN passwords, AUTHENTICATE responses, and every client
// line sent while either command is in progress (literals, SASL steps).
func (r *redactor) redact(line string) string {
	f := strings.Fields(line)
	if r.authTag != "" {
		switch {
		case strings.HasPrefix(line, "+"), strings.HasPrefix(line, "*"):
			return line
		case len(f) > 0 && f[0] == r.authTag:
			r.authTag = ""
			return line
		}
		return "<redacted>"
	}
	if len(f) >= 2 {
		switch strings.ToUpper(f[1]) {
		case "LOGIN":
			r.authTag = f[0]
			if len(f) >= 3 && !strings.HasSuffix(f[2], "}") {
				return f[0] + " LOGIN " + f[2] + " <redacted>"
			}
			return f[0] + " LOGIN <redacted>"
		case "AUTHENTICATE":
			r.authTag = f[0]
			if len(f) >= 3 {
				return f[0] + " AUTHENTICATE " + f[2] + " <redacted>"
			}
		}
	}
	if len(line) > 400 {
		return line[:400] + fmt.Sprintf("... <%d bytes>", len(line))
	}
	return line
}

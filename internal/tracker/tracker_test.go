package tracker_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"maps"
	"net"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"github.com/inboxwatch/inboxwatch/internal/config"
	"github.com/inboxwatch/inboxwatch/internal/demo"
	"github.com/inboxwatch/inboxwatch/internal/digest"
	"github.com/inboxwatch/inboxwatch/internal/imaptest"
	"github.com/inboxwatch/inboxwatch/internal/policy"
	"github.com/inboxwatch/inboxwatch/internal/state"
	"github.com/inboxwatch/inboxwatch/internal/tracker"
)

const me = "sam.rivera@example.com"

// syncBuffer is a goroutine-safe log sink.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

type env struct {
	srv   *imaptest.Server
	cfg   config.Config
	store *state.Store
	tr    *tracker.Tracker
	log   *syncBuffer
}

// newEnv makes a tracker for srv with a fresh state file.
func newEnv(t *testing.T, srv *imaptest.Server, edit ...func(*config.Config)) *env {
	t.Helper()
	host, port, _ := net.SplitHostPort(srv.Addr)
	cfg := config.Default()
	cfg.IMAP.Host = host
	cfg.IMAP.Port, _ = strconv.Atoi(port)
	cfg.IMAP.TLS = "none"
	if srv.TLS {
		cfg.IMAP.TLS = "implicit"
		cfg.IMAP.TLSCAFile = srv.CAFile
	}
	cfg.IMAP.Username = srv.Username
	cfg.IMAP.Password = srv.Password
	cfg.IMAP.Timeout = 5 * time.Second
	cfg.Me.Name = "Sam Rivera"
	cfg.Me.Addresses = []string{me}
	cfg.State.Path = filepath.Join(t.TempDir(), "state.db")
	cfg.Digest.Timezone = "UTC"
	for _, e := range edit {
		e(&cfg)
	}
	if err := cfg.Validate(config.Need{IMAP: true}); err != nil {
		t.Fatal(err)
	}
	store, err := state.Open(context.Background(), cfg.State.Path, state.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	buf := &syncBuffer{}
	log := slog.New(slog.NewTextHandler(buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	tr, err := tracker.New(cfg, store, tracker.Deps{Log: log, ChunkSize: 20})
	if err != nil {
		t.Fatal(err)
	}
	return &env{srv: srv, cfg: cfg, store: store, tr: tr, log: buf}
}

func (e *env) sync(t *testing.T) tracker.SyncStats {
	t.Helper()
	st, err := e.tr.Sync(context.Background())
	if err != nil {
		t.Fatalf("sync: %v\nlog:\n%s", err, e.log.String())
	}
	return st
}

// seedDemo puts the sample job search into the server, Sent mail into its
// Sent folder.
func seedDemo(t *testing.T, srv *imaptest.Server, now time.Time) int {
	t.Helper()
	ms := demo.Mailbox(now)
	for _, m := range ms {
		box := m.Mailbox
		if box == "Sent" {
			box = srv.SentMailbox
		}
		var flags []imap.Flag
		for _, f := range m.Flags {
			flags = append(flags, imap.Flag(f))
		}
		srv.AppendAt(t, box, m.Raw, m.Date, flags...)
	}
	return len(ms)
}

func outcomes(t *testing.T, e *env, now time.Time) map[string]policy.Outcome {
	t.Helper()
	apps, outs, err := e.tr.Overview(context.Background(), now)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]policy.Outcome{}
	for i, a := range apps {
		m[a.Company] = outs[i]
	}
	return m
}

// The sample job search, read from a real Dovecot: nothing changes on the
// server, the applications come out in the states the mail implies, and a
// second pass reads only what is new.
func TestSyncSampleJobSearch(t *testing.T) {
	srv := imaptest.StartDovecot(t)
	now := time.Now()
	n := seedDemo(t, srv, now)
	inboxBefore, sentBefore := srv.Flags(t, "INBOX"), srv.Flags(t, srv.SentMailbox)
	e := newEnv(t, srv)
	st := e.sync(t)
	if st.Seen != n {
		t.Errorf("examined %d messages, want %d", st.Seen, n)
	}
	if !maps.EqualFunc(inboxBefore, srv.Flags(t, "INBOX"), slices.Equal) || !maps.EqualFunc(sentBefore, srv.Flags(t, srv.SentMailbox), slices.Equal) {
		t.Fatal("sync changed flags on the server")
	}
	got := outcomes(t, e, now)
	want := map[string]policy.State{
		"Quillfeather":       policy.Rejected,
		"Civic Ledger":       policy.NoFollowUp,
		"Orchard Labs":       policy.AwaitingReply,
		"Ridgeback Security": policy.Applied,
	}
	for company, state := range want {
		if o, ok := got[company]; !ok || o.State != state {
			t.Errorf("%s: state %q (found %v), want %q", company, o.State, ok, state)
		}
	}
	var offered bool
	for _, o := range got {
		offered = offered || o.State == policy.Offered
	}
	if !offered {
		t.Error("the offer was not recognised")
	}
	if len(got) < 10 {
		t.Errorf("%d applications, want at least 10: %v", len(got), slices.Collect(maps.Keys(got)))
	}
	if again := e.sync(t); again.Seen != 0 || again.Stored != 0 {
		t.Fatalf("second pass with nothing new examined %d, stored %d", again.Seen, again.Stored)
	}
	srv.Append(t, "INBOX", []byte("From: Dana <dana@zephyr.example>\r\nTo: "+me+"\r\nSubject: Interview invitation - Data Engineer\r\nMessage-ID: <new-1@zephyr.example>\r\nDate: "+now.Format(time.RFC1123Z)+"\r\n\r\nHi Sam, we would like to invite you to a video interview for the Data Engineer role. Are you free on Thursday at 2pm?\r\n"))
	if inc := e.sync(t); inc.Seen != 1 || inc.Stored != 1 {
		t.Fatalf("incremental pass examined %d, stored %d; want 1 and 1", inc.Seen, inc.Stored)
	}
}

func TestWrongPasswordIsNotRetried(t *testing.T) {
	srv := imaptest.StartDovecot(t)
	e := newEnv(t, srv, func(c *config.Config) { c.IMAP.Password = "wrong-password-123" })
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	start := time.Now()
	err := e.tr.Run(ctx)
	if err == nil || ctx.Err() != nil {
		t.Fatalf("run with a wrong password: err %v after %s; want a prompt authentication error", err, time.Since(start))
	}
	if !strings.Contains(err.Error(), "authentication failed") {
		t.Errorf("error %q does not say the login was refused", err)
	}
	if strings.Contains(err.Error(), "wrong-password-123") || strings.Contains(e.log.String(), "wrong-password-123") {
		t.Fatal("the password appears in the error or the log")
	}
	if strings.Count(e.log.String(), "reconnecting") > 0 {
		t.Fatalf("run retried a refused login:\n%s", e.log.String())
	}
}

func TestSecretsStayOutOfLogs(t *testing.T) {
	srv := imaptest.StartDovecot(t, imaptest.WithUser("alice@example.com", "s3cret-Pa55word"))
	seedDemo(t, srv, time.Now())
	e := newEnv(t, srv, func(c *config.Config) { c.IMAP.Trace = true })
	e.sync(t)
	log := e.log.String()
	if !strings.Contains(log, "LOGIN") {
		t.Fatalf("trace did not log the protocol; got:\n%.2000s", log)
	}
	if strings.Contains(log, "s3cret-Pa55word") {
		t.Fatal("the password appears in the debug log")
	}
}

// Run recovers by itself when the server drops the connection or restarts,
// and picks up what arrived meanwhile.
func TestRunSurvivesDropsAndRestarts(t *testing.T) {
	srv := imaptest.StartDovecot(t)
	e := newEnv(t, srv)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- e.tr.Run(ctx) }()
	defer func() {
		cancel()
		<-done
	}()
	waitFor := func(what string, n int) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for time.Now().Before(deadline) {
			c, err := e.store.Counts(context.Background())
			if err == nil && c.Messages >= n {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("%s: message not stored within 20 s\nlog:\n%s", what, e.log.String())
	}
	appendJob := func(i int) {
		srv.Append(t, "INBOX", []byte(fmt.Sprintf("From: Recruiter <r%d@firm%d.example>\r\nTo: %s\r\nSubject: Interview invitation %d\r\nMessage-ID: <drop-%d@firm.example>\r\nDate: %s\r\n\r\nHi Sam, we would like to invite you to an interview for the Analyst role next week. Could you share your availability?\r\n",
			i, i, me, i, i, time.Now().Format(time.RFC1123Z))))
	}
	time.Sleep(500 * time.Millisecond)
	appendJob(1)
	waitFor("while watching", 1)
	srv.Kick(t)
	appendJob(2)
	waitFor("after the server dropped the connection", 2)
	srv.Restart(t)
	appendJob(3)
	waitFor("after the server restarted", 3)
}

// The digest delivered into INBOX is a valid multipart message with a text
// and an HTML part, and goes out once a day.
func TestDigestDeliveredToInbox(t *testing.T) {
	srv := imaptest.StartDovecot(t)
	now := time.Now()
	seedDemo(t, srv, now)
	e := newEnv(t, srv, func(c *config.Config) { c.Digest.Deliver = "imap" })
	e.sync(t)
	before := len(srv.Flags(t, "INBOX"))
	if err := e.tr.DeliverDigestNow(context.Background(), now); err != nil {
		t.Fatal(err)
	}
	flags := srv.Flags(t, "INBOX")
	if len(flags) != before+1 {
		t.Fatalf("INBOX holds %d messages, want %d", len(flags), before+1)
	}
	c := imaptest.Dial(t, srv)
	if _, err := c.Select("INBOX", &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		t.Fatal(err)
	}
	bufs, err := c.Fetch(imap.SeqSetNum(uint32(len(flags))), &imap.FetchOptions{Flags: true, BodyStructure: &imap.FetchItemBodyStructure{}}).Collect()
	if err != nil || len(bufs) != 1 {
		t.Fatalf("fetch digest: %v", err)
	}
	mp, ok := bufs[0].BodyStructure.(*imap.BodyStructureMultiPart)
	if !ok || !strings.EqualFold(mp.Subtype, "alternative") || len(mp.Children) != 2 {
		t.Fatalf("digest structure %T %+v, want multipart/alternative with two parts", bufs[0].BodyStructure, bufs[0].BodyStructure)
	}
	if slices.Contains(bufs[0].Flags, imap.FlagSeen) {
		t.Error("the digest arrived already marked as read")
	}
	// The same day it is not sent again.
	if err := e.tr.DeliverDigestIfDue(context.Background(), now); err != nil {
		t.Fatal(err)
	}
	if len(srv.Flags(t, "INBOX")) != before+1 {
		t.Fatal("a second digest went out the same day")
	}
}

var _ = digest.DraftHeader

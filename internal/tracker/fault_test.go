package tracker_test

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"maps"
	"net"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"github.com/inboxwatch/inboxwatch/internal/config"
	"github.com/inboxwatch/inboxwatch/internal/faultproxy"
	"github.com/inboxwatch/inboxwatch/internal/imaptest"
	"github.com/inboxwatch/inboxwatch/internal/state"
	"github.com/inboxwatch/inboxwatch/internal/tracker"
)

// This file holds the network fault tests and the helpers the crash tests
// share with them: a bigger mailbox than the sample job search, a
// configuration that any process can rebuild, and snapshots of a state
// file that can be compared with a clean run's.

// faultConfig is the configuration of every fault and crash test: the
// sample job seeker reading the server at addr, state in statePath.
func faultConfig(addr, user, password, statePath string) (config.Config, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return config.Config{}, err
	}
	cfg := config.Default()
	cfg.IMAP.Host = host
	cfg.IMAP.Port, err = strconv.Atoi(port)
	if err != nil {
		return config.Config{}, err
	}
	cfg.IMAP.TLS = "none"
	cfg.IMAP.Username = user
	cfg.IMAP.Password = password
	cfg.IMAP.Timeout = 5 * time.Second
	cfg.Me.Name = "Sam Rivera"
	cfg.Me.Addresses = []string{me}
	cfg.State.Path = statePath
	cfg.Digest.Timezone = "UTC"
	return cfg, cfg.Validate(config.Need{IMAP: true})
}

// stateRig is a tracker with its own state file, reading the server at addr.
type stateRig struct {
	cfg   config.Config
	store *state.Store
	tr    *tracker.Tracker
	log   *syncBuffer
}

// newStateRig makes a tracker for srv's mailbox reached at addr (the server
// itself or a proxy in front of it), with a fresh state file in dir (a new
// temporary directory when dir is "").
func newStateRig(t *testing.T, srv *imaptest.Server, addr, dir string, chunk int, edit ...func(*config.Config)) *stateRig {
	t.Helper()
	return newStateRigDeps(t, srv, addr, dir, tracker.Deps{ChunkSize: chunk}, edit...)
}

// newStateRigDeps is newStateRig with more of the tracker's dependencies
// given; the log is always the rig's own.
func newStateRigDeps(t *testing.T, srv *imaptest.Server, addr, dir string, deps tracker.Deps, edit ...func(*config.Config)) *stateRig {
	t.Helper()
	if dir == "" {
		dir = t.TempDir()
	}
	cfg, err := faultConfig(addr, srv.Username, srv.Password, filepath.Join(dir, "state.db"))
	if err != nil {
		t.Fatal(err)
	}
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
	deps.Log = log
	tr, err := tracker.New(cfg, store, deps)
	if err != nil {
		t.Fatal(err)
	}
	return &stateRig{cfg: cfg, store: store, tr: tr, log: buf}
}

// Mail beyond the sample job search: applications at made-up companies in
// every stage, and the noise around them (newsletters, job alerts, friends,
// the user's own follow-ups). Message i is always the same message.

var (
	extraCompanyA  = []string{"Blue", "Granite", "Harbor", "Lumen", "Maple", "Northwind", "Silver", "Tidal"}
	extraCompanyB  = []string{"Analytics", "Systems", "Health", "Labs", "Works", "Robotics"}
	extraRoleNames = []string{"Data Analyst", "Backend Engineer", "Product Designer", "Site Reliability Engineer", "QA Engineer"}
)

const fillerText = "Our team builds tools that help small clinics and schools keep their records in order, " +
	"and we care about careful, well-tested work, short meetings and writing things down. " +
	"The role is hybrid, with two days a week in the office and the rest wherever you work best.\n\n"

// extraMessage returns message i: its mailbox ("INBOX" or "Sent"), its bytes
// and its date, some hours to some weeks before now.
func extraMessage(i int, now time.Time) (box string, raw []byte, date time.Time) {
	company := extraCompanyA[i%len(extraCompanyA)] + " " + extraCompanyB[(i/len(extraCompanyA))%len(extraCompanyB)]
	if n := i / (len(extraCompanyA) * len(extraCompanyB)); n > 0 {
		company += " " + strconv.Itoa(n+1)
	}
	slug := strings.ToLower(strings.ReplaceAll(company, " ", ""))
	role := extraRoleNames[i%len(extraRoleNames)]
	date = now.Add(-time.Duration(2+(i*7919)%(80*24)) * time.Hour).Truncate(time.Second)
	id := fmt.Sprintf("x%d.%s@%s.example", i, slug, slug)
	body := strings.Repeat(fillerText, 1+i%4)
	if i%97 == 5 {
		body += strings.Repeat("A long attachment-like block of text that goes on. ", 800)
	}
	box = "INBOX"
	var from, subject, text string
	extraHeaders := ""
	switch i % 8 {
	case 0:
		from = fmt.Sprintf("%s Talent <careers@%s.example>", company, slug)
		subject = "Thank you for applying to " + company
		text = fmt.Sprintf("Hi Sam,\n\nThank you for applying for the %s position at %s. We have received your application and our hiring team is reviewing it now. We will get back to you within two weeks.\n\n%sBest regards,\nThe %s Recruiting Team\n", role, company, body, company)
	case 1:
		from = fmt.Sprintf("Jordan Lee <jordan.lee@%s.example>", slug)
		subject = fmt.Sprintf("Interview invitation: %s at %s", role, company)
		text = fmt.Sprintf("Hi Sam,\n\nThanks for your application for the %s role. We would like to invite you to a 45-minute video interview with the team. Are you available on Tuesday or Wednesday next week at 10am?\n\n%sBest,\nJordan Lee\nRecruiter, %s\n", role, body, company)
	case 2:
		from = fmt.Sprintf("%s Careers <no-reply@%s.example>", company, slug)
		subject = "Your application to " + company
		text = fmt.Sprintf("Dear Sam,\n\nThank you for your interest in the %s position at %s and for the time you invested in applying. Unfortunately, we have decided to move forward with other candidates whose experience more closely matches our needs.\n\nWe wish you the best in your search.\n\n%s%s Careers\n", role, company, body, company)
	case 3:
		from = "The Daily Brief <news@dailybrief.example>"
		subject = fmt.Sprintf("The Daily Brief #%d: markets, weather and a crossword", i)
		extraHeaders = "List-Unsubscribe: <mailto:unsubscribe@dailybrief.example>\r\nPrecedence: bulk\r\n"
		text = "Good morning,\n\nMarkets were calm yesterday, rain is expected on the weekend, and today's crossword is a tricky one.\n\n" + body
	case 4:
		from = "Alex Kim <alex.kim@mailbox.example>"
		subject = fmt.Sprintf("Dinner on Friday? (%d)", i)
		text = "Hey Sam,\n\nAre you free for dinner on Friday? We could try the new noodle place near the station.\n\nAlex\n"
	case 5:
		from = "JobBoard Alerts <alerts@jobboard.example>"
		subject = fmt.Sprintf("%d new jobs matching %s", 3+i%9, role)
		extraHeaders = "List-Id: <alerts.jobboard.example>\r\nList-Unsubscribe: <https://jobboard.example/u>\r\n"
		text = fmt.Sprintf("New jobs for you: %s at %s (apply now), and more.\n\n%s", role, company, body)
	case 6:
		from = fmt.Sprintf("%s Recruiting <jobs@%s.example>", company, slug)
		subject = "Application received: " + role
		html := fmt.Sprintf("<html><body><p>Hi Sam,</p><p>We have received your application for the <b>%s</b> position at %s. Our team will review it and contact you if your profile matches.</p><p>%s</p></body></html>", role, company, strings.ReplaceAll(body, "\n", "<br>"))
		plainPart := fmt.Sprintf("Hi Sam,\n\nWe have received your application for the %s position at %s. Our team will review it and contact you if your profile matches.\n\n%s", role, company, body)
		return box, composeMail(from, "Sam Rivera <"+me+">", subject, id, date, "",
			"multipart/alternative; boundary=\"b-"+strconv.Itoa(i)+"\"",
			"--b-"+strconv.Itoa(i)+"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"+toCRLF(plainPart)+
				"\r\n--b-"+strconv.Itoa(i)+"\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"+html+
				"\r\n--b-"+strconv.Itoa(i)+"--\r\n"), date
	case 7:
		box = "Sent"
		from = "Sam Rivera <" + me + ">"
		subject = fmt.Sprintf("Following up on my %s application", role)
		text = fmt.Sprintf("Hello,\n\nI applied for the %s position at %s a few weeks ago and wanted to ask whether there is any update on my application.\n\nBest regards,\nSam Rivera\n", role, company)
		return box, composeMail(from, fmt.Sprintf("%s Talent <careers@%s.example>", company, slug), subject, id, date, "", "text/plain; charset=utf-8", toCRLF(text)), date
	}
	return box, composeMail(from, "Sam Rivera <"+me+">", subject, id, date, extraHeaders, "text/plain; charset=utf-8", toCRLF(text)), date
}

func toCRLF(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

func composeMail(from, to, subject, id string, date time.Time, extraHeaders, contentType, body string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "From: %s\r\nTo: %s\r\nSubject: %s\r\nDate: %s\r\nMessage-ID: <%s>\r\n", from, to, subject, date.Format(time.RFC1123Z), id)
	b.WriteString(extraHeaders)
	fmt.Fprintf(&b, "MIME-Version: 1.0\r\nContent-Type: %s\r\n\r\n%s\r\n", contentType, body)
	return []byte(b.String())
}

// seedExtra appends extra messages first..first+n-1 to srv.
func seedExtra(t testing.TB, srv *imaptest.Server, now time.Time, first, n int) {
	t.Helper()
	for i := first; i < first+n; i++ {
		box, raw, date := extraMessage(i, now)
		if box == "Sent" {
			srv.AppendAt(t, srv.SentMailbox, raw, date, imap.FlagSeen)
			continue
		}
		srv.AppendAt(t, box, raw, date)
	}
}

// liveMessage is job mail arriving while a test runs: an interview
// invitation from a company of its own, so that it is stored whatever
// else the store holds. Its key is "id:" plus its Message-ID.
func liveMessage(n int) (raw []byte, key string) {
	id := fmt.Sprintf("live-%d-%d@quartz%d.example", n, time.Now().UnixNano(), n)
	text := fmt.Sprintf("Hi Sam,\n\nThank you for applying to Quartz Works %d. We would like to invite you to an interview for the Platform Engineer role. Could you share your availability for a call next week?\n\nBest,\nRobin Diaz\nTalent Partner, Quartz Works %d\n", n, n)
	return composeMail(fmt.Sprintf("Robin Diaz <robin.diaz@quartz%d.example>", n), "Sam Rivera <"+me+">",
		"Interview invitation - Platform Engineer", id, time.Now(), "", "text/plain; charset=utf-8", toCRLF(text)), "id:" + id
}

// stateSnap is what a state file says about the mailbox, in a form two runs
// can be compared by.
type stateSnap struct {
	Keys   []string
	Counts state.Counts
	// Cursors maps a mailbox to "uidvalidity/last_uid/messages_seen".
	Cursors map[string]string
	// Locations maps where a stored message lives to its key.
	Locations map[msgPlace]string
	// Apps maps a message key to the company and role of its application.
	Apps map[string]string
}

// msgPlace is a message's place on the server.
type msgPlace struct {
	Mailbox string
	UID     uint32
}

// snapState reads the state behind store. It reads the tables the store
// has no accessor for through a read-only connection of its own.
func snapState(t testing.TB, store *state.Store) stateSnap {
	t.Helper()
	ctx := context.Background()
	var s stateSnap
	var err error
	if s.Keys, err = store.MessageKeys(ctx); err != nil {
		t.Fatal(err)
	}
	if s.Counts, err = store.Counts(ctx); err != nil {
		t.Fatal(err)
	}
	dsn := url.URL{Scheme: "file", OmitHost: true, Path: store.Path(), RawQuery: "mode=ro&_pragma=busy_timeout(10000)"}
	db, err := sql.Open("sqlite", dsn.String())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	query := func(q string, row func(*sql.Rows) error) {
		t.Helper()
		rows, err := db.QueryContext(ctx, q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		defer rows.Close()
		for rows.Next() {
			if err := row(rows); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		if err := rows.Err(); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	s.Cursors = map[string]string{}
	query(`SELECT mailbox, uidvalidity, last_uid, messages_seen FROM cursors`, func(r *sql.Rows) error {
		var box string
		var uv, last, seen int64
		err := r.Scan(&box, &uv, &last, &seen)
		s.Cursors[box] = fmt.Sprintf("%d/%d/%d", uv, last, seen)
		return err
	})
	s.Locations = map[msgPlace]string{}
	query(`SELECT l.mailbox, l.uid, m.key FROM locations l JOIN messages m ON m.id = l.message`, func(r *sql.Rows) error {
		var l msgPlace
		var key string
		err := r.Scan(&l.Mailbox, &l.UID, &key)
		s.Locations[l] = key
		return err
	})
	s.Apps = map[string]string{}
	query(`SELECT m.key, COALESCE(a.company || ' | ' || a.role, '') FROM messages m LEFT JOIN applications a ON a.id = m.app_id`, func(r *sql.Rows) error {
		var key, app string
		err := r.Scan(&key, &app)
		s.Apps[key] = app
		return err
	})
	return s
}

// lastUID returns the cursor position of mailbox in s (0 without cursor).
func (s stateSnap) lastUID(mailbox string) uint32 {
	c, ok := s.Cursors[mailbox]
	if !ok {
		return 0
	}
	f := strings.Split(c, "/")
	n, _ := strconv.ParseUint(f[1], 10, 32)
	return uint32(n)
}

// diffState reports how got differs from want; "" when it does not.
func diffState(got, want stateSnap) string {
	var diffs []string
	if !slices.Equal(got.Keys, want.Keys) {
		diffs = append(diffs, fmt.Sprintf("messages differ: %d stored, %d in a clean run; missing %v; extra %v",
			len(got.Keys), len(want.Keys), firstFive(setMinus(want.Keys, got.Keys)), firstFive(setMinus(got.Keys, want.Keys))))
	}
	if got.Counts != want.Counts {
		diffs = append(diffs, fmt.Sprintf("counts %+v, clean run %+v", got.Counts, want.Counts))
	}
	if !maps.Equal(got.Cursors, want.Cursors) {
		diffs = append(diffs, fmt.Sprintf("cursors (uidvalidity/last uid/seen) %v, clean run %v", got.Cursors, want.Cursors))
	}
	if !maps.Equal(got.Locations, want.Locations) {
		diffs = append(diffs, fmt.Sprintf("%d locations, %d in a clean run", len(got.Locations), len(want.Locations)))
	}
	if !maps.Equal(got.Apps, want.Apps) {
		var d []string
		for k, v := range want.Apps {
			if got.Apps[k] != v {
				d = append(d, fmt.Sprintf("%s: %q, clean run %q", k, got.Apps[k], v))
			}
		}
		slices.Sort(d)
		diffs = append(diffs, fmt.Sprintf("applications of messages differ: %v", firstFive(d)))
	}
	return strings.Join(diffs, "\n")
}

// diffPrefix reports how got fails to be the state a clean run had
// at got's cursors: for each mailbox, exactly the messages the clean run
// stored up to the cursor, and none beyond it. "" when it is.
func diffPrefix(got, clean stateSnap) string {
	var diffs []string
	want := map[msgPlace]string{}
	for loc, key := range clean.Locations {
		if _, ok := got.Cursors[loc.Mailbox]; ok && loc.UID <= got.lastUID(loc.Mailbox) {
			want[loc] = key
		}
	}
	for loc, key := range got.Locations {
		if want[loc] != key {
			diffs = append(diffs, fmt.Sprintf("%s UID %d holds %s beyond its cursor or unlike a clean run (%q)", loc.Mailbox, loc.UID, key, want[loc]))
		}
	}
	for loc, key := range want {
		if _, ok := got.Locations[loc]; !ok {
			diffs = append(diffs, fmt.Sprintf("%s UID %d (%s) is covered by the cursor but not stored", loc.Mailbox, loc.UID, key))
		}
	}
	keys := map[string]bool{}
	for _, k := range want {
		keys[k] = true
	}
	if w := slices.Sorted(maps.Keys(keys)); !slices.Equal(got.Keys, w) {
		diffs = append(diffs, fmt.Sprintf("messages %d, want %d: missing %v, extra %v", len(got.Keys), len(w), firstFive(setMinus(w, got.Keys)), firstFive(setMinus(got.Keys, w))))
	}
	slices.Sort(diffs)
	return strings.Join(firstFive(diffs), "\n")
}

func setMinus(a, b []string) []string {
	in := map[string]bool{}
	for _, s := range b {
		in[s] = true
	}
	var out []string
	for _, s := range a {
		if !in[s] {
			out = append(out, s)
		}
	}
	return out
}

func firstFive(s []string) []string {
	if len(s) > 5 {
		return append(slices.Clip(s[:5]), fmt.Sprintf("... %d more", len(s)-5))
	}
	return s
}

// cleanSnap syncs srv's mailbox, as it is now, into a fresh state file
// straight from the server, and returns what it holds.
func cleanSnap(t *testing.T, srv *imaptest.Server, chunk int) stateSnap {
	t.Helper()
	r := newStateRig(t, srv, srv.Addr, "", chunk)
	if _, err := r.tr.Sync(context.Background()); err != nil {
		t.Fatalf("clean sync: %v\nlog:\n%s", err, r.log.String())
	}
	s := snapState(t, r.store)
	r.store.Close()
	return s
}

// daemon runs a tracker's daemon in the background.
type daemon struct {
	cancel context.CancelFunc
	done   chan error
	once   sync.Once
	err    error
}

func startDaemon(tr *tracker.Tracker) *daemon {
	ctx, cancel := context.WithCancel(context.Background())
	r := &daemon{cancel: cancel, done: make(chan error, 1)}
	go func() { r.done <- tr.Run(ctx) }()
	return r
}

// stop ends the daemon and returns what Run returned; it may be called
// more than once.
func (r *daemon) stop() error {
	r.once.Do(func() {
		r.cancel()
		r.err = <-r.done
	})
	return r.err
}

// awaitCond polls cond until it holds, failing the test after limit or as
// soon as the daemon ends by itself.
func awaitCond(t *testing.T, r *daemon, rg *stateRig, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		select {
		case err := <-r.done:
			t.Fatalf("%s: the daemon ended by itself: %v\nlog:\n%s", what, err, logTail(rg.log.String()))
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %s\nlog:\n%s", what, limit, logTail(rg.log.String()))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// logTail keeps the end of a long log.
func logTail(s string) string {
	if len(s) > 12000 {
		return "...\n" + s[len(s)-12000:]
	}
	return s
}

func (rg *stateRig) has(t *testing.T, key string) bool {
	keys, err := rg.store.MessageKeys(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	_, found := slices.BinarySearch(keys, key)
	return found
}

// watching reports whether the daemon's latest connection has synced and
// both its watchers (INBOX and Sent) are idling since.
func (rg *stateRig) watching() bool {
	log := rg.log.String()
	i := strings.LastIndex(log, "msg=synced")
	if i < 0 || strings.LastIndex(log, "reconnecting") > i {
		return false
	}
	return strings.Count(log[i:], "msg=idling") >= 2
}

func (rg *stateRig) caughtUp(t *testing.T, want stateSnap) bool {
	got := snapState(t, rg.store)
	return maps.Equal(got.Cursors, want.Cursors) && slices.Equal(got.Keys, want.Keys)
}

const faultChunk = 10

// The daemon, reading the mailbox through a network that breaks in every
// way we could think of (a connection cut in the greeting, in the middle
// of a message being fetched, during IDLE, right after the login command,
// right after the server accepted the login; a connection that goes
// silent in the middle of a message; a network where every connection
// goes silent at once), recovers each time by itself within its own
// timeouts, and ends up with exactly what a clean run holds: no message
// lost, none counted twice.
func TestRunRecoversFromNetworkFaults(t *testing.T) {
	srv := imaptest.StartDovecot(t)
	now := time.Now()
	seedDemo(t, srv, now)
	seedExtra(t, srv, now, 0, 200)
	before := cleanSnap(t, srv, faultChunk)

	p := faultproxy.Start(t, srv.Addr)
	p.Seed(7)
	rg := newStateRig(t, srv, p.Addr(), "", faultChunk, func(c *config.Config) {
		c.IMAP.Timeout = 2 * time.Second
		// An IDLE that has gone silent is only noticed when it is renewed.
		c.IMAP.IdleRefresh = 3 * time.Second
	})
	began := time.Now()
	phase := func(name string) {
		st := p.Stats()
		t.Logf("%5.1fs %s (connections %d, cuts %d, stalls %d)", time.Since(began).Seconds(), name, st.Conns, st.Cuts, st.Stalls)
	}
	cuts := func(n int64) func() bool { return func() bool { return p.Stats().Cuts >= n } }

	// The first scan: cut in the greeting, then halfway through a
	// message, then silence halfway through another one.
	p.Inject(faultproxy.Fault{After: 20, Times: 1})
	run := startDaemon(rg.tr)
	defer run.stop()
	awaitCond(t, run, rg, 10*time.Second, "cut in the greeting", cuts(1))
	p.Inject(faultproxy.Fault{Pattern: []byte(" FETCH "), Skip: 25, InLiteral: true, Times: 1})
	awaitCond(t, run, rg, 10*time.Second, "cut in a literal", cuts(2))
	p.Inject(faultproxy.Fault{Pattern: []byte(" FETCH "), Skip: 15, InLiteral: true, Stall: true, Times: 1})
	awaitCond(t, run, rg, 10*time.Second, "stall in a literal", func() bool { return p.Stats().Stalls >= 1 })
	phase("first scan faults done")
	awaitCond(t, run, rg, 30*time.Second, "catching up after the first scan's faults", func() bool { return rg.caughtUp(t, before) })
	phase("caught up")
	var n int64

	// Cut while idling: every connection at once, then every new
	// watcher right after the server confirms IDLE.
	awaitCond(t, run, rg, 10*time.Second, "watching", rg.watching)
	p.Inject(faultproxy.Fault{Pattern: []byte("IDLE\r\n"), FromClient: true, After: int64(len("+ idling\r\n")), Times: 2})
	p.CutAll()
	n = p.Stats().Cuts
	raw, key1 := liveMessage(1)
	srv.Append(t, "INBOX", raw)
	awaitCond(t, run, rg, 15*time.Second, "cuts during IDLE", cuts(n+2))
	awaitCond(t, run, rg, 15*time.Second, "mail that came during the IDLE cuts", func() bool { return rg.has(t, key1) })
	phase("IDLE cuts done")

	// Cut during login: right after the client sent LOGIN, then right
	// after the server accepted it.
	awaitCond(t, run, rg, 10*time.Second, "watching again", rg.watching)
	p.Inject(faultproxy.Fault{Pattern: []byte(" LOGIN "), FromClient: true, Times: 1})
	p.CutAll()
	n = p.Stats().Cuts
	raw, key2 := liveMessage(2)
	srv.Append(t, "INBOX", raw)
	awaitCond(t, run, rg, 10*time.Second, "cut after LOGIN", cuts(n+1))
	p.Inject(faultproxy.Fault{Pattern: []byte("Logged in"), Times: 1})
	awaitCond(t, run, rg, 10*time.Second, "cut after the login was accepted", cuts(n+2))
	awaitCond(t, run, rg, 15*time.Second, "mail that came during the login cuts", func() bool { return rg.has(t, key2) })
	phase("login cuts done")

	// Silence: every open connection stops forwarding and so does every
	// new one, nothing is closed. The daemon must notice by itself.
	awaitCond(t, run, rg, 10*time.Second, "watching again", rg.watching)
	conns := p.Stats().Conns
	p.Stall()
	raw, key3 := liveMessage(3)
	srv.Append(t, "INBOX", raw)
	awaitCond(t, run, rg, 20*time.Second, "a reconnection attempt while the network is silent", func() bool { return p.Stats().Conns > conns })
	phase("the daemon noticed the silence")
	time.Sleep(time.Second)
	p.Heal()
	awaitCond(t, run, rg, 20*time.Second, "mail that came during the silence", func() bool { return rg.has(t, key3) })
	phase("caught up after the silence")

	if err := run.stop(); err != nil {
		t.Fatalf("Run returned %v", err)
	}
	if _, err := rg.tr.Sync(context.Background()); err != nil {
		t.Fatalf("final sync: %v", err)
	}
	if err := rg.store.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
	got := snapState(t, rg.store)
	want := cleanSnap(t, srv, faultChunk)
	if d := diffState(got, want); d != "" {
		t.Fatalf("after the faults the state differs from a clean run's:\n%s", d)
	}
	var reasons []string
	for _, line := range strings.Split(rg.log.String(), "\n") {
		if strings.Contains(line, "reconnecting") {
			_, reason, _ := strings.Cut(line, "error=")
			reasons = append(reasons, reason)
		}
	}
	t.Logf("the daemon reconnected %d times:\n%s", len(reasons), strings.Join(reasons, "\n"))
	if len(reasons) < 8 {
		t.Errorf("only %d reconnections; the faults did not all land", len(reasons))
	}
	st := p.Stats()
	t.Logf("%d connections, %d cut, %d stalled, %d bytes down, %d up; %d messages, %d applications", st.Conns, st.Cuts, st.Stalls, st.Down, st.Up, got.Counts.Messages, got.Counts.Applications)
}

// The daemon survives Dovecot restarting under it: in the middle of the
// first scan (after some chunks are committed and before the rest), while
// it is watching, and twice in a row with mail arriving in between. Each
// time it reconnects by itself within a few seconds, reads only what it
// has not read (the mailbox keeps its UIDVALIDITY, so nothing is rescanned)
// and ends with what a clean run holds.
func TestRunCatchesUpAcrossServerRestarts(t *testing.T) {
	srv := imaptest.StartDovecot(t)
	now := time.Now()
	seedDemo(t, srv, now)
	seedExtra(t, srv, now, 0, 200)
	before := cleanSnap(t, srv, faultChunk)

	// Hold the first scan after a few chunks of INBOX are committed, until
	// the server has been restarted.
	paused, resume := make(chan int, 1), make(chan struct{})
	var once sync.Once
	progress := func(mailbox string, done, total int) {
		if mailbox == "INBOX" && done >= 3*faultChunk && done < total {
			once.Do(func() {
				paused <- done
				<-resume
			})
		}
	}
	rg := newStateRigDeps(t, srv, srv.Addr, "", tracker.Deps{ChunkSize: faultChunk, Progress: progress}, func(c *config.Config) {
		c.IMAP.Timeout = 2 * time.Second
	})
	began := time.Now()
	run := startDaemon(rg.tr)
	defer run.stop()
	var released sync.Once
	release := func() { released.Do(func() { close(resume) }) }
	defer release()
	step := func(what string) { t.Logf("%5.1fs %s", time.Since(began).Seconds(), what) }

	select {
	case done := <-paused:
		step(fmt.Sprintf("first scan paused after %d INBOX messages; restarting the server", done))
	case err := <-run.done:
		t.Fatalf("Run ended: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatalf("the first scan never got going\nlog:\n%s", logTail(rg.log.String()))
	}
	mid := snapState(t, rg.store)
	if d := diffPrefix(mid, before); d != "" {
		t.Fatalf("state in the middle of the first scan:\n%s", d)
	}
	if mid.lastUID("INBOX") == 0 || mid.lastUID("INBOX") >= before.lastUID("INBOX") {
		t.Fatalf("the pause did not land in the middle of INBOX: cursor %d of %d", mid.lastUID("INBOX"), before.lastUID("INBOX"))
	}
	srv.Restart(t)
	release()
	awaitCond(t, run, rg, 20*time.Second, "catching up after a restart in the middle of the first scan", func() bool { return rg.caughtUp(t, before) })
	step("caught up")

	awaitCond(t, run, rg, 10*time.Second, "watching", rg.watching)
	srv.Restart(t)
	restarted := time.Now()
	raw, key1 := liveMessage(1)
	srv.Append(t, "INBOX", raw)
	awaitCond(t, run, rg, 10*time.Second, "mail that arrived right after a restart", func() bool { return rg.has(t, key1) })
	step(fmt.Sprintf("restart while watching: caught up %.1fs after the server was back", time.Since(restarted).Seconds()))

	srv.Restart(t)
	raw, key2 := liveMessage(2)
	srv.Append(t, "INBOX", raw)
	srv.Restart(t)
	raw, key3 := liveMessage(3)
	srv.Append(t, "INBOX", raw)
	restarted = time.Now()
	awaitCond(t, run, rg, 15*time.Second, "mail around two restarts in a row", func() bool { return rg.has(t, key2) && rg.has(t, key3) })
	step(fmt.Sprintf("two restarts in a row: caught up %.1fs after the server was back", time.Since(restarted).Seconds()))

	if err := run.stop(); err != nil {
		t.Fatalf("Run returned %v", err)
	}
	if _, err := rg.tr.Sync(context.Background()); err != nil {
		t.Fatalf("final sync: %v", err)
	}
	if err := rg.store.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
	if d := diffState(snapState(t, rg.store), cleanSnap(t, srv, faultChunk)); d != "" {
		t.Fatalf("after the restarts the state differs from a clean run's:\n%s", d)
	}
	log := rg.log.String()
	if strings.Contains(log, "UIDVALIDITY changed") {
		t.Error("a restart made the daemon rescan a mailbox")
	}
	if n := strings.Count(log, "reconnecting"); n < 3 {
		t.Errorf("%d reconnections logged, want at least one per restart", n)
	}
}

// A first sync that is interrupted and then resumed reads what an
// uninterrupted first sync reads. In particular mail older than
// scan.lookback_days stays out even when its UIDs come after the point of
// interruption, as they do for old mail moved back into INBOX or imported
// into it.
func TestResumedFirstScanKeepsTheLookback(t *testing.T) {
	srv := imaptest.StartDovecot(t)
	now := time.Now()
	seedExtra(t, srv, now, 0, 60)
	old := now.AddDate(0, 0, -200)
	for i := 60; i < 100; i++ {
		if box, raw, _ := extraMessage(i, old); box == "INBOX" {
			srv.AppendAt(t, box, raw, old)
		}
	}
	seedExtra(t, srv, now, 100, 40)
	clean := cleanSnap(t, srv, faultChunk)

	// Interrupt the first sync once a batch of INBOX is committed, as a
	// crash, a cut connection or Ctrl-C would.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	interrupt := func(mailbox string, done, total int) {
		if mailbox == "INBOX" && done < total {
			cancel()
		}
	}
	rg := newStateRigDeps(t, srv, srv.Addr, "", tracker.Deps{ChunkSize: faultChunk, Progress: interrupt})
	if _, err := rg.tr.Sync(ctx); err == nil {
		t.Fatal("the interrupted sync did not fail")
	}
	mid := snapState(t, rg.store)
	if d := diffPrefix(mid, clean); d != "" {
		t.Fatalf("state after the interruption:\n%s", d)
	}
	if n := mid.lastUID("INBOX"); n == 0 || n >= clean.lastUID("INBOX") {
		t.Fatalf("the interruption did not land in the middle of INBOX: cursor %d of %d", n, clean.lastUID("INBOX"))
	}
	if _, err := rg.tr.Sync(context.Background()); err != nil {
		t.Fatal(err)
	}
	if d := diffState(snapState(t, rg.store), clean); d != "" {
		t.Fatalf("the resumed first sync differs from an uninterrupted one:\n%s", d)
	}
}

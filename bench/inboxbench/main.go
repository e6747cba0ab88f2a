//go:build linux

// Command inboxbench measures inboxwatch against a real Dovecot on
// loopback: it builds a mailbox of N messages, then times the first sync,
// compares it with the least any IMAP client must fetch (the floor) and
// with fetching every whole message (the naive way), times incremental
// syncs and the reaction to new mail under IDLE, and measures classifier
// and parser throughput. It prints a table and writes docs/benchmarks.md.
//
//	go run ./bench/inboxbench            # 20,000 messages
//	go run ./bench/inboxbench -n 100000  # 100,000 messages
//
// It needs Dovecot (dovecot-imapd) and is not part of `go test ./...`.
package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	_ "modernc.org/sqlite" // reads the state database
)

type options struct {
	n          int
	seed       uint64
	reps       int
	idleTrials int
	keep       bool
	noDoc      bool
	pprofDir   string
	skip       map[string]bool
	root       string
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "client" {
		os.Exit(clientMain(os.Args[2:]))
	}
	var o options
	flag.IntVar(&o.n, "n", 20000, "INBOX messages to generate (100000 for the large run)")
	flag.Uint64Var(&o.seed, "seed", 1, "seed of the mailbox generator")
	flag.IntVar(&o.reps, "reps", 3, "repetitions of the floor and first-sync runs (the median is reported)")
	flag.IntVar(&o.idleTrials, "idle-trials", 20, "IDLE reaction trials")
	flag.BoolVar(&o.keep, "keep", false, "keep the work directory (Dovecot, mail, state) afterwards")
	flag.BoolVar(&o.noDoc, "no-doc", false, "do not write bench/results and docs/benchmarks.md")
	flag.StringVar(&o.pprofDir, "pprof", "", "also profile an in-process first sync and write CPU and heap profiles to this directory")
	renderOnly := flag.Bool("render", false, "only rewrite docs/benchmarks.md from bench/results")
	skip := flag.String("skip", "", "phases to leave out, comma-separated: naive, incremental, idle, throughput (implies -no-doc)")
	flag.Parse()
	o.skip = map[string]bool{}
	for _, p := range strings.Split(*skip, ",") {
		switch p = strings.TrimSpace(p); p {
		case "":
		case "naive", "incremental", "idle", "throughput":
			o.skip[p] = true
			o.noDoc = true
		default:
			fmt.Fprintf(os.Stderr, "inboxbench: unknown phase %q in -skip\n", p)
			os.Exit(2)
		}
	}
	if *renderOnly {
		root, err := moduleRoot()
		if err == nil {
			err = renderResults(root)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "inboxbench:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "inboxbench:", err)
		os.Exit(1)
	}
}

// harness holds what the phases share.
type harness struct {
	o        options
	work     string
	bin      string // inboxwatch binary
	launcher string // starts measured processes
	self     string // this program, for the floor and naive clients
	dv       *dovecot
	px       *proxy
	cfg      string // inboxwatch config file
	db       string // state database
	c        *corpus
	g        *renderer
	p        *planner
	res      *results
	logOut   io.Writer
}

func (h *harness) logf(format string, args ...any) {
	fmt.Fprintf(h.logOut, "%s  "+format+"\n", append([]any{time.Now().Format("15:04:05")}, args...)...)
}

func run(o options) error {
	start := time.Now()
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	o.root = root
	work, err := os.MkdirTemp("", "inboxbench-")
	if err != nil {
		return err
	}
	if err := os.Chmod(work, 0o755); err != nil {
		return err
	}
	h := &harness{o: o, work: work, logOut: os.Stderr}
	h.res = &results{N: o.n, Seed: o.seed, Reps: o.reps, Date: time.Now().UTC().Format(time.RFC3339),
		Command: commandLine()}
	defer func() {
		h.px.closeIfSet()
		h.dv.stop()
		if o.keep {
			h.logf("work directory kept: %s", work)
		} else {
			os.RemoveAll(work)
		}
	}()
	h.self, err = os.Executable()
	if err != nil {
		return err
	}
	if err := h.build(); err != nil {
		return err
	}
	if err := h.mailbox(); err != nil {
		return err
	}
	if err := h.firstScan(); err != nil {
		return err
	}
	for _, ph := range []struct {
		name string
		run  func() error
	}{{"incremental", h.incremental}, {"idle", h.idle}, {"throughput", h.throughput}} {
		if o.skip[ph.name] {
			continue
		}
		if err := ph.run(); err != nil {
			return err
		}
	}
	if o.pprofDir != "" {
		if err := h.profile(); err != nil {
			return err
		}
	}
	h.res.TotalSeconds = time.Since(start).Seconds()
	printTable(os.Stdout, h.res)
	if !o.noDoc {
		if err := writeResults(root, h.res); err != nil {
			return err
		}
		h.logf("wrote bench/results/n%d.json and docs/benchmarks.md", o.n)
	}
	return nil
}

func (p *proxy) closeIfSet() {
	if p != nil {
		p.close()
	}
}

func commandLine() string {
	args := []string{"go run ./bench/inboxbench"}
	flag.Visit(func(f *flag.Flag) {
		if f.Name == "pprof" || f.Name == "keep" || f.Name == "no-doc" || f.Name == "skip" {
			return
		}
		args = append(args, "-"+f.Name+" "+f.Value.String())
	})
	return strings.Join(args, " ")
}

func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", errors.New("run inboxbench from inside the inboxwatch module")
	}
	return filepath.Dir(mod), nil
}

// build compiles inboxwatch and starts Dovecot.
func (h *harness) build() error {
	h.bin = filepath.Join(h.work, "bin", "inboxwatch")
	h.launcher = filepath.Join(h.work, "bin", "launcher")
	h.logf("building inboxwatch")
	for _, b := range [][2]string{{h.bin, "./cmd/inboxwatch"}, {h.launcher, "./bench/launcher"}} {
		cmd := exec.Command("go", "build", "-o", b[0], b[1])
		cmd.Dir = h.o.root
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("go build %s: %w", b[1], err)
		}
	}
	h.res.Env = getEnvironment(h.o.root, h.bin)
	dvDir := filepath.Join(h.work, "dovecot")
	if err := os.MkdirAll(dvDir, 0o755); err != nil {
		return err
	}
	dv, err := startDovecot(dvDir)
	if err != nil {
		return err
	}
	h.dv = dv
	h.logf("dovecot listening on %s", dv.addr)
	return nil
}

// mailbox generates the mailbox, writes it into Dovecot's maildirs and has
// Dovecot index it.
func (h *harness) mailbox() error {
	t := time.Now()
	h.c = makeCorpus(h.o.n, h.o.seed, time.Now())
	h.p = &planner{r: rand.New(rand.NewPCG(h.o.seed, 0x6e6577)), c: &corpus{now: h.c.now, me: h.c.me}, companies: map[string]bool{}}
	h.g = &renderer{c: h.c, noise: newNoise(h.o.seed, 6<<20)}
	b := &h.res.Build
	b.PlanSeconds = time.Since(t).Seconds()
	uv := uint32(time.Now().Unix())
	for _, box := range []struct {
		name string
		msgs []*plan
		uv   uint32
	}{{inboxName, h.c.inbox, uv}, {sentName, h.c.sent, uv + 1}} {
		h.logf("writing %d messages into %s", len(box.msgs), box.name)
		st, err := h.dv.writeMaildir(h.g, box.name, box.msgs, box.uv)
		if err != nil {
			return fmt.Errorf("writing %s: %w", box.name, err)
		}
		b.Messages += st.Messages
		b.Bytes += st.Bytes
		b.WriteSeconds += st.Seconds
		if box.name == inboxName {
			b.InboxMessages, b.InboxBytes = st.Messages, st.Bytes
		} else {
			b.SentMessages, b.SentBytes = st.Messages, st.Bytes
		}
	}
	for k := range numKinds {
		if n := h.c.byKind[k]; n > 0 {
			b.Kinds = append(b.Kinds, kindCount{Kind: k.String(), Count: n})
		}
		if k.job() {
			b.JobMessages += h.c.byKind[k]
		}
	}
	b.Attachments, b.AttachmentBytes = h.c.attachN, h.c.attachB
	b.Applications = len(h.c.apps)
	h.logf("wrote %d messages, %.1f MB, in %.1fs; indexing", b.Messages, mb(b.Bytes), b.WriteSeconds)
	// Flush the written mail to disk first, so that writeback does not
	// compete with what is measured.
	syscall.Sync()
	t = time.Now()
	if err := warmUp(h.dv.addr, h.dv.user, h.dv.password, []string{sentName, inboxName}); err != nil {
		return fmt.Errorf("indexing: %w", err)
	}
	b.IndexSeconds = time.Since(t).Seconds()
	// A second pass finds everything cached and lets Dovecot settle its
	// cache file before anything is measured.
	if err := warmUp(h.dv.addr, h.dv.user, h.dv.password, []string{sentName, inboxName}); err != nil {
		return fmt.Errorf("indexing: %w", err)
	}
	syscall.Sync()
	h.logf("dovecot indexed the mailbox in %.1fs", b.IndexSeconds)
	px, err := startProxy(h.dv.addr)
	if err != nil {
		return err
	}
	h.px = px
	h.db = filepath.Join(h.work, "state", "state.db")
	return h.writeConfig(h.db)
}

func (h *harness) writeConfig(db string) error {
	h.cfg = filepath.Join(h.work, "config.yaml")
	cfg := fmt.Sprintf(`imap:
  provider: custom
  host: 127.0.0.1
  port: %d
  tls: none
  username: %s
  password: %s
me:
  name: Sam Rivera
  addresses: [%s]
scan:
  lookback_days: 120
state:
  path: %s
log:
  level: info
`, h.px.port(), h.dv.user, h.dv.password, h.c.me.addr, db)
	return os.WriteFile(h.cfg, []byte(cfg), 0o600)
}

// procResult is one measured child process.
type procResult struct {
	Seconds    float64 `json:"seconds"`
	MaxRSS     int64   `json:"max_rss_bytes"`
	CPUSeconds float64 `json:"cpu_seconds"`
	Traffic    traffic `json:"traffic"`
	Output     string  `json:"-"`
}

// measure runs a child process through the launcher and the proxy, and
// reports its wall time, peak RSS, CPU time and traffic.
func (h *harness) measure(name string, args ...string) (procResult, error) {
	var r procResult
	h.waitIdleProxy(0)
	before := h.px.snapshot()
	rd, wr, err := os.Pipe()
	if err != nil {
		return r, err
	}
	defer rd.Close()
	cmd := exec.Command(h.launcher, append([]string{name}, args...)...)
	cmd.Env = append(os.Environ(), "HOME="+h.work, "INBOXBENCH_PASSWORD="+h.dv.password)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.ExtraFiles = []*os.File{wr}
	if err := cmd.Start(); err != nil {
		wr.Close()
		return r, err
	}
	wr.Close()
	report, _ := io.ReadAll(rd)
	err = cmd.Wait()
	r.Output = out.String()
	if err != nil {
		return r, fmt.Errorf("%s %s: %w\n%s", filepath.Base(name), strings.Join(args, " "), err, lastLines(r.Output, 20))
	}
	if err := json.Unmarshal(report, &r); err != nil {
		return r, fmt.Errorf("launcher report %q: %w", report, err)
	}
	h.waitIdleProxy(0)
	r.Traffic = h.px.snapshot().sub(before)
	return r, nil
}

// waitIdleProxy waits until at most n connections are open, so that a
// run's closing bytes are counted with it.
func (h *harness) waitIdleProxy(n int64) {
	deadline := time.Now().Add(5 * time.Second)
	for h.px.active.Load() > n && time.Now().Before(deadline) {
		time.Sleep(2 * time.Millisecond)
	}
}

func (h *harness) client(mode string) (procResult, clientStats, error) {
	var cs clientStats
	r, err := h.measure(h.self, "client", "-mode", mode, "-addr", h.px.addr(), "-user", h.dv.user, "-boxes", sentName+","+inboxName)
	if err != nil {
		return r, cs, err
	}
	if err := json.Unmarshal([]byte(lastLines(r.Output, 1)), &cs); err != nil {
		return r, cs, fmt.Errorf("%s client: %v: %s", mode, err, r.Output)
	}
	return r, cs, nil
}

func (h *harness) sync(args ...string) (procResult, error) {
	return h.measure(h.bin, append([]string{"--config", h.cfg, "sync", "-q"}, args...)...)
}

// firstScan measures the floor, the first sync and the naive full fetch.
func (h *harness) firstScan() error {
	var floors, syncs []procResult
	// One unmeasured run first: the first client after indexing is
	// often slower for reasons that have nothing to do with it.
	if _, _, err := h.client("floor"); err != nil {
		return err
	}
	for i := range h.o.reps {
		h.logf("floor run %d/%d", i+1, h.o.reps)
		f, cs, err := h.client("floor")
		if err != nil {
			return err
		}
		if cs.Messages != h.c.byKindTotal() {
			return fmt.Errorf("floor saw %d messages, want %d", cs.Messages, h.c.byKindTotal())
		}
		floors = append(floors, f)
		h.logf("  %.2fs (CPU %.2fs), %.1f MB down", f.Seconds, f.CPUSeconds, mb(f.Traffic.Down))
		db := filepath.Join(h.work, "state", fmt.Sprintf("first-%d.db", i))
		if err := h.writeConfig(db); err != nil {
			return err
		}
		h.logf("first sync run %d/%d", i+1, h.o.reps)
		s, err := h.sync()
		if err != nil {
			return err
		}
		h.logf("  %.2fs (CPU %.2fs), %.1f MB down, peak RSS %.0f MB: %s", s.Seconds, s.CPUSeconds, mb(s.Traffic.Down), mb(s.MaxRSS), strings.TrimSpace(lastLines(s.Output, 1)))
		syncs = append(syncs, s)
		if i < h.o.reps-1 {
			os.Remove(db)
			os.Remove(db + "-wal")
			os.Remove(db + "-shm")
		} else {
			for _, suffix := range []string{"", "-wal", "-shm"} {
				if err := os.Rename(db+suffix, h.db+suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
					return err
				}
			}
			if err := h.writeConfig(h.db); err != nil {
				return err
			}
		}
	}
	h.res.Floor = median(floors)
	h.res.Sync = median(syncs)
	h.res.FloorRuns, h.res.SyncRuns = secondsOf(floors), secondsOf(syncs)
	h.res.SyncSummary = strings.TrimSpace(lastLines(syncs[len(syncs)-1].Output, 1))
	if st, err := os.Stat(h.db); err == nil {
		h.res.DBBytes = st.Size()
	}
	if err := h.checkStored(); err != nil {
		return err
	}
	if h.o.skip["naive"] {
		return nil
	}
	h.logf("naive full fetch")
	n, cs, err := h.client("naive")
	if err != nil {
		return err
	}
	h.res.Naive = n
	h.res.NaiveParsed, h.res.NaiveFailed = cs.Parsed, cs.Failed
	h.logf("  %.2fs, %.1f MB down, %d parsed", n.Seconds, mb(n.Traffic.Down), cs.Parsed)
	return nil
}

func (c *corpus) byKindTotal() int { return len(c.inbox) + len(c.sent) }

func secondsOf(rs []procResult) []float64 {
	var out []float64
	for _, r := range rs {
		out = append(out, r.Seconds)
	}
	return out
}

// median returns the run with the median wall time.
func median(rs []procResult) procResult {
	s := slices.Clone(rs)
	slices.SortFunc(s, func(a, b procResult) int {
		switch {
		case a.Seconds < b.Seconds:
			return -1
		case a.Seconds > b.Seconds:
			return 1
		}
		return 0
	})
	return s[len(s)/2]
}

// checkStored compares what the first sync stored with what was generated.
func (h *harness) checkStored() error {
	db, err := sql.Open("sqlite", "file:"+h.db+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.Query(`SELECT message_id, outbound, category FROM messages`)
	if err != nil {
		return err
	}
	defer rows.Close()
	stored := map[string]string{}
	outbound := 0
	for rows.Next() {
		var id, cat string
		var out int
		if err := rows.Scan(&id, &out, &cat); err != nil {
			return err
		}
		if out == 1 {
			outbound++
			continue
		}
		stored[id] = cat
	}
	if err := rows.Err(); err != nil {
		return err
	}
	q := &h.res.Quality
	q.Outbound = outbound
	for _, m := range h.c.inbox {
		cat, ok := stored[m.id]
		if m.kind.job() {
			q.JobGenerated++
			if ok {
				q.JobStored++
				if cat == m.kind.category() {
					q.SameCategory++
				}
			}
		} else if ok {
			q.OtherStored++
		}
	}
	return nil
}

// incremental appends ten messages and times a sync, then a sync with
// nothing new.
func (h *harness) incremental() error {
	ap, err := newAppender(h.dv.addr, h.dv.user, h.dv.password)
	if err != nil {
		return err
	}
	defer ap.close()
	for i := range 10 {
		if err := h.appendPlan(ap, h.freshMessage(i%5 == 4)); err != nil {
			return err
		}
	}
	h.logf("incremental sync after 10 new messages")
	r, err := h.sync()
	if err != nil {
		return err
	}
	h.res.Incremental = r
	h.res.IncrementalSummary = strings.TrimSpace(lastLines(r.Output, 1))
	h.logf("  %.3fs: %s", r.Seconds, h.res.IncrementalSummary)
	h.logf("sync with nothing new")
	r, err = h.sync()
	if err != nil {
		return err
	}
	h.res.NoOp = r
	h.logf("  %.3fs", r.Seconds)
	return nil
}

// freshMessage plans a message arriving now: an interview invitation from
// a new employer when job is true, everyday mail otherwise.
func (h *harness) freshMessage(job bool) *plan {
	p := h.p
	now := time.Now().Truncate(time.Second)
	if job {
		a := p.newApplication()
		m := &plan{box: inboxName, kind: kInvite, date: now, seed: p.r.Uint64(), id: p.newID(a.domain), from: a.recruiter, to: h.c.me, app: a,
			subject: "Interview invitation: " + a.role + " at " + a.company}
		return m
	}
	p.c.inbox = p.c.inbox[:0]
	for len(p.c.inbox) == 0 {
		p.c.now = now.Add(time.Hour) // any date passes
		p.everyday(pick(p.r, []kind{kNewsletter, kSocial, kTransaction, kPersonal, kDev}))
	}
	m := p.c.inbox[0]
	m.date = now
	return m
}

// appendPlan renders m and appends it to INBOX.
func (h *harness) appendPlan(ap *appender, m *plan) error {
	var buf bytes.Buffer
	h.g.render(m, &buf)
	return ap.append(inboxName, buf.Bytes(), m.date)
}

// idle starts the daemon, appends job mail from another connection and
// times until each message is in the state database.
func (h *harness) idle() error {
	h.logf("IDLE reaction: starting inboxwatch run")
	cmd := exec.Command(h.bin, "--config", h.cfg, "run")
	cmd.Env = append(os.Environ(), "HOME="+h.work)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return err
	}
	cmd.Stdout = io.Discard
	if err := cmd.Start(); err != nil {
		return err
	}
	var logMu sync.Mutex
	var logBuf strings.Builder
	synced := make(chan struct{})
	took := make(chan time.Duration, 64) // the daemon's own "took" per stored change
	go func() {
		sc := bufio.NewScanner(stderr)
		once := sync.Once{}
		for sc.Scan() {
			line := sc.Text()
			logMu.Lock()
			logBuf.WriteString(line + "\n")
			logMu.Unlock()
			if strings.Contains(line, "msg=synced") {
				once.Do(func() { close(synced) })
			}
			if strings.Contains(line, `msg="new mail"`) {
				if d, ok := logDuration(line, "took"); ok {
					select {
					case took <- d:
					default:
					}
				}
			}
		}
	}()
	defer func() {
		cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	}()
	select {
	case <-synced:
	case <-time.After(2 * time.Minute):
		logMu.Lock()
		defer logMu.Unlock()
		return fmt.Errorf("inboxwatch run did not sync within 2 minutes:\n%s", lastLines(logBuf.String(), 20))
	}
	// The daemon opens one connection to fetch and one IDLE connection
	// per watched folder.
	deadline := time.Now().Add(30 * time.Second)
	for h.px.active.Load() < 3 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond)
	db, err := sql.Open("sqlite", "file:"+h.db+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		return err
	}
	defer db.Close()
	ap, err := newAppender(h.dv.addr, h.dv.user, h.dv.password)
	if err != nil {
		return err
	}
	defer ap.close()
	// A bare IDLE client watching alongside shows how much of the
	// reaction is the server's.
	watcher, err := startIdleWatcher(h.dv.addr, h.dv.user, h.dv.password)
	if err != nil {
		return err
	}
	defer watcher.close()
	r := rand.New(rand.NewPCG(h.o.seed, 0x69646c65))
	var floor []float64
	var own []float64
	for i := range h.o.idleTrials {
		m := h.freshMessage(true)
		watcher.drain()
		for len(took) > 0 {
			<-took
		}
		if err := h.appendPlan(ap, m); err != nil {
			return err
		}
		t0 := time.Now()
		for {
			var n int
			if err := db.QueryRow(`SELECT count(*) FROM messages WHERE message_id = ?`, m.id).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				break
			}
			if time.Since(t0) > 30*time.Second {
				logMu.Lock()
				defer logMu.Unlock()
				return fmt.Errorf("IDLE trial %d: message not stored after 30s:\n%s", i+1, lastLines(logBuf.String(), 20))
			}
			time.Sleep(2 * time.Millisecond)
		}
		d := time.Since(t0)
		h.res.Idle.Trials = append(h.res.Idle.Trials, d.Seconds())
		heard, ok := watcher.next(5 * time.Second)
		if !ok {
			return fmt.Errorf("IDLE trial %d: the bare IDLE client heard nothing within 5s", i+1)
		}
		floor = append(floor, heard.Sub(t0).Seconds())
		ownNote := ""
		select {
		case o := <-took:
			own = append(own, o.Seconds())
			ownNote = fmt.Sprintf(", inboxwatch from hearing of it: %4.0f ms", o.Seconds()*1000)
		case <-time.After(2 * time.Second):
		}
		h.logf("  trial %2d: %4.0f ms (bare IDLE client: %4.0f ms%s)", i+1, d.Seconds()*1000, heard.Sub(t0).Seconds()*1000, ownNote)
		time.Sleep(time.Duration(300+r.IntN(500)) * time.Millisecond)
	}
	s := slices.Clone(h.res.Idle.Trials)
	slices.Sort(s)
	h.res.Idle.P50 = quantile(s, 0.50)
	h.res.Idle.P95 = quantile(s, 0.95)
	h.res.Idle.Max = s[len(s)-1]
	h.res.Idle.FloorTrials = slices.Clone(floor)
	slices.Sort(floor)
	h.res.Idle.FloorP50 = quantile(floor, 0.50)
	h.res.Idle.FloorP95 = quantile(floor, 0.95)
	if len(own) > 0 {
		h.res.Idle.OwnTrials = slices.Clone(own)
		slices.Sort(own)
		h.res.Idle.OwnP50 = quantile(own, 0.50)
		h.res.Idle.OwnP95 = quantile(own, 0.95)
	}
	return nil
}

// logDuration reads a duration attribute ("took=41ms") from a log line.
func logDuration(line, key string) (time.Duration, bool) {
	i := strings.Index(line, " "+key+"=")
	if i < 0 {
		return 0, false
	}
	v := line[i+len(key)+2:]
	if j := strings.IndexByte(v, ' '); j >= 0 {
		v = v[:j]
	}
	d, err := time.ParseDuration(strings.Trim(v, `"`))
	return d, err == nil
}

// quantile of sorted values, interpolated between closest ranks.
func quantile(s []float64, q float64) float64 {
	if len(s) == 0 {
		return 0
	}
	pos := q * float64(len(s)-1)
	i := int(pos)
	if i+1 >= len(s) {
		return s[len(s)-1]
	}
	return s[i] + (pos-float64(i))*(s[i+1]-s[i])
}

// throughput measures the parser and the classifier on one core over a
// sample of the generated INBOX.
func (h *harness) throughput() error {
	h.logf("classifier and parser throughput (one core)")
	r := rand.New(rand.NewPCG(h.o.seed, 0x74707574))
	sample := 2000
	var raws [][]byte
	var total int64
	for _, i := range r.Perm(len(h.c.inbox))[:min(sample, len(h.c.inbox))] {
		var buf bytes.Buffer
		h.g.render(h.c.inbox[i], &buf)
		raws = append(raws, buf.Bytes())
		total += int64(buf.Len())
	}
	tp, err := measureThroughput(raws, h.c.me.addr)
	if err != nil {
		return err
	}
	tp.SampleMessages, tp.SampleBytes = len(raws), total
	h.res.Throughput = tp
	h.logf("  classify %.0f msg/s, parse %.0f MB/s (%.0f msg/s)", tp.ClassifyPerSec, tp.ParseMBPerSec, tp.ParsePerSec)
	return nil
}

// profile runs an in-process first sync with the CPU and heap profilers on.
func (h *harness) profile() error {
	dir, err := filepath.Abs(h.o.pprofDir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	db := filepath.Join(h.work, "state", "profile.db")
	h.logf("profiling an in-process first sync into %s", dir)
	r, err := h.measure(h.self, "client", "-mode", "profile-sync", "-addr", h.px.addr(), "-user", h.dv.user, "-db", db, "-pprof", dir, "-me", h.c.me.addr)
	if err != nil {
		return err
	}
	h.logf("  %.2fs: %s", r.Seconds, strings.TrimSpace(lastLines(r.Output, 1)))
	return nil
}

func mb(b int64) float64 { return float64(b) / 1e6 }

// clientMain runs one of the harness's own clients as a child process, so
// that it is timed and measured like inboxwatch itself.
func clientMain(args []string) int {
	fs := flag.NewFlagSet("client", flag.ExitOnError)
	mode := fs.String("mode", "", "floor, naive or profile-sync")
	addr := fs.String("addr", "", "server address")
	user := fs.String("user", "", "user name")
	boxes := fs.String("boxes", "", "mailboxes, comma-separated")
	db := fs.String("db", "", "state database (profile-sync)")
	pprofDir := fs.String("pprof", "", "profile directory (profile-sync)")
	me := fs.String("me", "", "the user's address (profile-sync)")
	fs.Parse(args)
	pass := os.Getenv("INBOXBENCH_PASSWORD")
	var st clientStats
	var err error
	switch *mode {
	case "floor":
		st, err = runFloor(*addr, *user, pass, strings.Split(*boxes, ","))
	case "naive":
		st, err = runNaive(*addr, *user, pass, strings.Split(*boxes, ","))
	case "profile-sync":
		err = profileSync(context.Background(), *addr, *user, pass, *me, *db, *pprofDir)
		if err == nil {
			return 0
		}
	default:
		err = fmt.Errorf("unknown mode %q", *mode)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "client:", err)
		return 1
	}
	out, _ := json.Marshal(st)
	fmt.Println(string(out))
	return 0
}

//go:build linux

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
)

// results is everything one run measured; bench/results/n<N>.json keeps it
// so that docs/benchmarks.md shows every size run on this machine.
type results struct {
	N            int         `json:"n"`
	Seed         uint64      `json:"seed"`
	Reps         int         `json:"reps"`
	Date         string      `json:"date"`
	Command      string      `json:"command"`
	Env          environment `json:"environment"`
	TotalSeconds float64     `json:"total_seconds"`

	Build   buildResult `json:"mailbox"`
	Quality quality     `json:"stored_vs_generated"`

	Floor       procResult `json:"floor"`
	Sync        procResult `json:"first_sync"`
	Naive       procResult `json:"naive"`
	FloorRuns   []float64  `json:"floor_runs_seconds"`
	SyncRuns    []float64  `json:"first_sync_runs_seconds"`
	SyncSummary string     `json:"first_sync_summary"`
	DBBytes     int64      `json:"state_db_bytes"`
	NaiveParsed int        `json:"naive_parsed"`
	NaiveFailed int        `json:"naive_parse_failed"`

	Incremental        procResult `json:"incremental_10"`
	IncrementalSummary string     `json:"incremental_summary"`
	NoOp               procResult `json:"incremental_none"`

	Idle       idleResult       `json:"idle"`
	Throughput throughputResult `json:"throughput"`
}

type buildResult struct {
	Messages        int         `json:"messages"`
	InboxMessages   int         `json:"inbox_messages"`
	SentMessages    int         `json:"sent_messages"`
	Bytes           int64       `json:"bytes"`
	InboxBytes      int64       `json:"inbox_bytes"`
	SentBytes       int64       `json:"sent_bytes"`
	JobMessages     int         `json:"job_messages"`
	Applications    int         `json:"applications"`
	Attachments     int         `json:"attachments"`
	AttachmentBytes int64       `json:"attachment_bytes"`
	Kinds           []kindCount `json:"kinds"`
	PlanSeconds     float64     `json:"plan_seconds"`
	WriteSeconds    float64     `json:"write_seconds"`
	IndexSeconds    float64     `json:"index_seconds"`
}

type kindCount struct {
	Kind  string `json:"kind"`
	Count int    `json:"count"`
}

// quality compares what the first sync stored with what was generated.
type quality struct {
	JobGenerated int `json:"job_generated"`
	JobStored    int `json:"job_stored"`
	SameCategory int `json:"same_category"`
	OtherStored  int `json:"other_stored"`
	Outbound     int `json:"outbound_stored"`
}

type idleResult struct {
	Trials []float64 `json:"trials_seconds"`
	P50    float64   `json:"p50_seconds"`
	P95    float64   `json:"p95_seconds"`
	Max    float64   `json:"max_seconds"`
	// The same appends, heard by a bare IDLE client.
	FloorTrials []float64 `json:"bare_idle_trials_seconds"`
	FloorP50    float64   `json:"bare_idle_p50_seconds"`
	FloorP95    float64   `json:"bare_idle_p95_seconds"`
	// The daemon's own account ("took" in its log): from its IDLE
	// connection hearing of the change to the message being stored.
	OwnTrials []float64 `json:"own_trials_seconds,omitempty"`
	OwnP50    float64   `json:"own_p50_seconds,omitempty"`
	OwnP95    float64   `json:"own_p95_seconds,omitempty"`
}

// The link every byte would cross to a real provider.
const (
	linkBytesPerSec = 50e6 / 8 // 50 Mbit/s
	linkRTT         = 0.030    // seconds
)

// linkSeconds estimates a run over the link: the bytes the server sent at
// the link's bandwidth, plus one round trip per wait for the server and
// two per connection (TCP and TLS handshakes).
func linkSeconds(t traffic) float64 {
	return float64(t.Down)/linkBytesPerSec + float64(t.Turns+2*t.Conns)*linkRTT
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// target is one of the targets.
type target struct {
	name  string
	limit string
	value func(r *results) (string, bool)
}

var targets = []target{
	{"first sync time / floor time", "≤ 1.5×", func(r *results) (string, bool) {
		x := ratio(r.Sync.Seconds, r.Floor.Seconds)
		return fmt.Sprintf("%.2f×", x), x <= 1.5
	}},
	{"first sync bytes / floor bytes", "≤ 2×", func(r *results) (string, bool) {
		x := ratio(float64(r.Sync.Traffic.Down), float64(r.Floor.Traffic.Down))
		return fmt.Sprintf("%.2f×", x), x <= 2
	}},
	{"first sync bytes / naive bytes", "≤ 5%", func(r *results) (string, bool) {
		x := ratio(float64(r.Sync.Traffic.Down), float64(r.Naive.Traffic.Down))
		return fmt.Sprintf("%.2f%%", 100*x), x <= 0.05
	}},
	{"first sync peak RSS", "≤ 150 MB (at 100,000)", func(r *results) (string, bool) {
		return fmt.Sprintf("%.0f MB", mb(r.Sync.MaxRSS)), mb(r.Sync.MaxRSS) <= 150
	}},
	{"incremental sync, 10 new", "< 1 s (at 100,000)", func(r *results) (string, bool) {
		return fmt.Sprintf("%.3f s", r.Incremental.Seconds), r.Incremental.Seconds < 1
	}},
	{"IDLE reaction p95", "< 1 s", func(r *results) (string, bool) {
		return fmt.Sprintf("%.0f ms", 1000*r.Idle.P95), r.Idle.P95 < 1
	}},
}

// row is one line of the results table.
type row struct {
	name  string
	value func(r *results) string
}

func secs(s float64) string {
	switch {
	case s < 1:
		return fmt.Sprintf("%.0f ms", s*1000)
	case s < 100:
		return fmt.Sprintf("%.2f s", s)
	}
	return fmt.Sprintf("%.0f s", s)
}

func secsList(s []float64) string {
	var out []string
	for _, v := range s {
		out = append(out, fmt.Sprintf("%.2f", v))
	}
	return strings.Join(out, ", ") + " s"
}

func mbs(b int64) string {
	switch {
	case b < 10e6:
		return fmt.Sprintf("%.2f MB", mb(b))
	case b < 1e9:
		return fmt.Sprintf("%.1f MB", mb(b))
	}
	return fmt.Sprintf("%.2f GB", float64(b)/1e9)
}

func count(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

var rows = []row{
	{"mailbox: INBOX + Sent messages", func(r *results) string {
		return count(r.Build.InboxMessages) + " + " + count(r.Build.SentMessages)
	}},
	{"mailbox: size on disk", func(r *results) string { return mbs(r.Build.Bytes) }},
	{"mailbox: with attachments", func(r *results) string {
		return fmt.Sprintf("%s (%s)", count(r.Build.Attachments), mbs(r.Build.AttachmentBytes))
	}},
	{"mailbox: job-search messages", func(r *results) string {
		return fmt.Sprintf("%s (%s applications)", count(r.Build.JobMessages), count(r.Build.Applications))
	}},
	{"building: write maildir / Dovecot indexing", func(r *results) string {
		return secs(r.Build.WriteSeconds) + " / " + secs(r.Build.IndexSeconds)
	}},
	{"**first sync**: wall time (median)", func(r *results) string { return "**" + secs(r.Sync.Seconds) + "**" }},
	{"first sync: all runs", func(r *results) string { return secsList(r.SyncRuns) }},
	{"first sync: CPU time (user+sys)", func(r *results) string { return secs(r.Sync.CPUSeconds) }},
	{"first sync: peak RSS", func(r *results) string { return mbs(r.Sync.MaxRSS) }},
	{"first sync: bytes from server", func(r *results) string { return mbs(r.Sync.Traffic.Down) }},
	{"first sync: round trips", func(r *results) string { return count(int(r.Sync.Traffic.Turns)) }},
	{"first sync: state database", func(r *results) string { return mbs(r.DBBytes) }},
	{"**floor** (ENVELOPE BODYSTRUCTURE): wall time (median)", func(r *results) string { return secs(r.Floor.Seconds) }},
	{"floor: all runs", func(r *results) string { return secsList(r.FloorRuns) }},
	{"floor: CPU time (user+sys)", func(r *results) string { return secs(r.Floor.CPUSeconds) }},
	{"floor: bytes from server / round trips", func(r *results) string {
		return mbs(r.Floor.Traffic.Down) + " / " + count(int(r.Floor.Traffic.Turns))
	}},
	{"**naive** (BODY.PEEK[] + parse): wall time", func(r *results) string { return secs(r.Naive.Seconds) }},
	{"naive: bytes from server / round trips", func(r *results) string {
		return mbs(r.Naive.Traffic.Down) + " / " + count(int(r.Naive.Traffic.Turns))
	}},
	{"naive: CPU time / peak RSS", func(r *results) string { return secs(r.Naive.CPUSeconds) + " / " + mbs(r.Naive.MaxRSS) }},
	{"sync / floor: time, bytes", func(r *results) string {
		return fmt.Sprintf("%.2f×, %.2f×", ratio(r.Sync.Seconds, r.Floor.Seconds), ratio(float64(r.Sync.Traffic.Down), float64(r.Floor.Traffic.Down)))
	}},
	{"sync / naive: time, bytes", func(r *results) string {
		return fmt.Sprintf("%.2f×, %.2f%%", ratio(r.Sync.Seconds, r.Naive.Seconds), 100*ratio(float64(r.Sync.Traffic.Down), float64(r.Naive.Traffic.Down)))
	}},
	{"50 Mbit/s, 30 ms link: sync / floor / naive", func(r *results) string {
		return secs(linkSeconds(r.Sync.Traffic)) + " / " + secs(linkSeconds(r.Floor.Traffic)) + " / " + secs(linkSeconds(r.Naive.Traffic))
	}},
	{"**incremental sync, 10 new messages**", func(r *results) string { return "**" + secs(r.Incremental.Seconds) + "**" }},
	{"incremental: bytes / round trips", func(r *results) string {
		return mbs(r.Incremental.Traffic.Down) + " / " + count(int(r.Incremental.Traffic.Turns))
	}},
	{"sync with nothing new", func(r *results) string { return secs(r.NoOp.Seconds) }},
	{"**IDLE reaction** p50 / p95 / max", func(r *results) string {
		return fmt.Sprintf("%s / **%s** / %s", secs(r.Idle.P50), secs(r.Idle.P95), secs(r.Idle.Max))
	}},
	{"bare IDLE client hears of it: p50 / p95", func(r *results) string {
		return secs(r.Idle.FloorP50) + " / " + secs(r.Idle.FloorP95)
	}},
	{"inboxwatch, from hearing of it to stored: p50 / p95", func(r *results) string {
		if len(r.Idle.OwnTrials) == 0 {
			return "-"
		}
		return secs(r.Idle.OwnP50) + " / " + secs(r.Idle.OwnP95)
	}},
	{"classification, one core", func(r *results) string { return fmt.Sprintf("%s msg/s", count(int(r.Throughput.ClassifyPerSec))) }},
	{"parsing, one core", func(r *results) string {
		return fmt.Sprintf("%.0f MB/s (%s msg/s)", r.Throughput.ParseMBPerSec, count(int(r.Throughput.ParsePerSec)))
	}},
	{"job mail stored / generated (same category)", func(r *results) string {
		q := r.Quality
		return fmt.Sprintf("%s / %s (%s)", count(q.JobStored), count(q.JobGenerated), count(q.SameCategory))
	}},
	{"other mail stored", func(r *results) string { return fmt.Sprint(r.Quality.OtherStored) }},
	{"whole run", func(r *results) string { return secs(r.TotalSeconds) }},
}

// printTable prints one run's results.
func printTable(w io.Writer, r *results) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "\ninboxwatch benchmark, %s messages\t\n", count(r.N))
	for _, row := range rows {
		fmt.Fprintf(tw, "%s\t%s\n", strings.ReplaceAll(row.name, "**", ""), strings.ReplaceAll(row.value(r), "**", ""))
	}
	fmt.Fprintf(tw, "\ntarget\tlimit\tvalue\t\n")
	for _, t := range targets {
		v, ok := t.value(r)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", t.name, t.limit, v, metWord(ok))
	}
	tw.Flush()
}

func metWord(ok bool) string {
	if ok {
		return "met"
	}
	return "MISSED"
}

// writeResults stores r and regenerates docs/benchmarks.md from every
// stored result.
func writeResults(root string, r *results) error {
	dir := filepath.Join(root, "bench", "results")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("n%d.json", r.N)), append(data, '\n'), 0o644); err != nil {
		return err
	}
	return renderResults(root)
}

// renderResults rewrites docs/benchmarks.md from bench/results.
func renderResults(root string) error {
	all, err := loadResults(filepath.Join(root, "bench", "results"))
	if err != nil {
		return err
	}
	// The hand-written analysis of the numbers (what the profiles showed,
	// what was changed, why a target is still missed) goes in with them.
	notes, err := os.ReadFile(filepath.Join(root, "bench", "notes.md"))
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	var b strings.Builder
	renderDoc(&b, all, string(notes))
	if err := os.MkdirAll(filepath.Join(root, "docs"), 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(root, "docs", "benchmarks.md"), []byte(b.String()), 0o644)
}

func loadResults(dir string) ([]*results, error) {
	files, err := filepath.Glob(filepath.Join(dir, "n*.json"))
	if err != nil {
		return nil, err
	}
	var all []*results
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		r := &results{}
		if err := json.Unmarshal(data, r); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		all = append(all, r)
	}
	slices.SortFunc(all, func(a, b *results) int { return a.N - b.N })
	return all, nil
}

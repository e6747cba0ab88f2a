//go:build linux

package main

import (
	"fmt"
	"strings"
)

// renderDoc writes docs/benchmarks.md from the stored results, one column
// per mailbox size.
func renderDoc(b *strings.Builder, all []*results, notes string) {
	b.WriteString(`# Benchmarks

This page is written by the benchmark harness in ` + "`bench/inboxbench`" + `; do not edit
it by hand, run the harness again.

The harness builds a mailbox in a real Dovecot on a loopback port and, in one
run on that mailbox, measures:

1. ` + "`inboxwatch sync`" + ` reading it for the first time: wall time, peak RSS and the
   bytes the server sent;
2. the floor: a minimal go-imap client that only runs
   ` + "`UID FETCH 1:* (UID ENVELOPE BODYSTRUCTURE)`" + ` on the same folders and
   throws the answer away;
3. the naive way: fetch every whole message (` + "`BODY.PEEK[]`" + `) and parse it;
4. an incremental sync after 10 new messages, and a sync with nothing new;
5. the reaction to new mail: with ` + "`inboxwatch run`" + ` watching, a job message is
   appended from another connection and timed until it is in the state
   database;
6. the classifier's and the parser's throughput on one core.

## How to run

Dovecot 2.3 must be installed (` + "`apt-get install -y dovecot-imapd`" + `); the harness
starts its own instance in a temporary directory and stops it afterwards.
From the repository root:

` + "```sh" + `
go run ./bench/inboxbench            # 20,000 messages
go run ./bench/inboxbench -n 100000  # 100,000 messages
` + "```" + `

It prints the table below for that size, stores the numbers in
` + "`bench/results/n<N>.json`" + ` and rewrites this page from every stored size and the
analysis in ` + "`bench/notes.md`" + `. Other
flags: ` + "`-reps`" + ` (floor and first-sync repetitions, median reported, default 3),
` + "`-idle-trials`" + ` (default 20), ` + "`-seed`" + `, ` + "`-keep`" + ` (keep Dovecot's mail and the state
database), ` + "`-no-doc`" + `, ` + "`-render`" + ` (only rewrite this page from ` + "`bench/results`" + `), ` + "`-skip naive,incremental,idle,throughput`" + ` (leave phases out
while investigating; nothing is written then), and ` + "`-pprof DIR`" + ` (also profile a
first sync in-process and write CPU, peak-heap and allocation profiles to
DIR, for ` + "`go tool pprof`" + `). The mailbox takes about 0.2 MB of disk per message
(20 GB at 100,000) in the system's temporary directory; a 20,000-message run
takes about 2.5 minutes, a 100,000-message run about 11. ` + "`go test ./...`" + ` does
not run any of this.

`)
	if len(all) == 0 {
		b.WriteString("No results yet.\n")
		return
	}
	b.WriteString("## Results\n\n")
	for _, r := range all {
		e := r.Env
		fmt.Fprintf(b, "- **%s messages**: `%s`, %s. %s, %d cores, %s RAM, %s; %s; Dovecot %s; inboxwatch %s",
			count(r.N), r.Command, r.Date[:10], e.CPU, e.Cores, e.RAM, e.Kernel, e.Go, e.Dovecot, e.Inboxwatch)
		if e.Commit != "" {
			fmt.Fprintf(b, ", source at commit %s", e.Commit)
		}
		b.WriteString(".\n")
	}
	b.WriteString("\n| | ")
	for _, r := range all {
		fmt.Fprintf(b, "%s messages | ", count(r.N))
	}
	b.WriteString("\n|---|")
	for range all {
		b.WriteString("---:|")
	}
	b.WriteString("\n")
	for _, row := range rows {
		fmt.Fprintf(b, "| %s | ", row.name)
		for _, r := range all {
			fmt.Fprintf(b, "%s | ", row.value(r))
		}
		b.WriteString("\n")
	}
	b.WriteString("\n## Targets\n\n| target | limit | ")
	for _, r := range all {
		fmt.Fprintf(b, "%s messages | ", count(r.N))
	}
	b.WriteString("\n|---|---|")
	for range all {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	for _, t := range targets {
		fmt.Fprintf(b, "| %s | %s | ", t.name, t.limit)
		for _, r := range all {
			v, ok := t.value(r)
			if ok {
				fmt.Fprintf(b, "met: %s | ", v)
			} else {
				fmt.Fprintf(b, "**missed: %s** | ", v)
			}
		}
		b.WriteString("\n")
	}
	if len(all) > 1 {
		lo, hi := all[0], all[len(all)-1]
		fmt.Fprintf(b, "\nPeak RSS of the first sync goes from %s at %s messages to %s at %s (the state database from %s to %s).\n",
			mbs(lo.Sync.MaxRSS), count(lo.N), mbs(hi.Sync.MaxRSS), count(hi.N), mbs(lo.DBBytes), mbs(hi.DBBytes))
	}
	if notes != "" {
		b.WriteString("\n" + strings.TrimSpace(notes) + "\n")
	}
	b.WriteString(`
## How it is measured

- **The mailbox** is generated from a fixed seed and written straight into
  Dovecot's maildirs (files in ` + "`cur/`" + ` named as Dovecot names them, with their
  sizes, dated by their Date header, and a ` + "`dovecot-uidlist`" + ` giving UIDs in date
  order). A first pass then has Dovecot index both folders and cache every
  field any client below asks for, so no measured client pays for indexing.
- **Every client runs as its own process** (inboxwatch, and the harness
  itself for the floor and naive clients), started by a small launcher
  (` + "`bench/launcher`" + `) so that its peak RSS is its own and not inherited from the
  harness, and connects through a counting TCP proxy in the harness: wall
  time is from process start to exit, peak RSS is the kernel's maxrss for the
  process, bytes are what the server sent through the proxy. Round trips are
  the client's transmissions that follow data from the server, that is, the
  times the client had to wait for the server. One floor run before the
  measured ones is not counted. The floor and the first sync alternate, and
  every run is listed: on a shared machine the spread is part of the result.
- **The same folders** are read by all three: the Sent folder, then INBOX.
  ` + "`inboxwatch sync`" + ` runs with a fresh state database each repetition; the state
  database of the last one is kept for the incremental, idle and other
  phases.
- **The link estimate** is bytes from the server at 50 Mbit/s plus 30 ms per
  round trip and 60 ms per connection (TCP and TLS handshakes); server-side
  time is not included.
- **IDLE reaction** is timed from the moment the server acknowledged the
  APPEND until a read-only query on the state database finds the message's
  Message-ID (polled every 2 ms). A bare go-imap client IDLEs on INBOX next
  to inboxwatch and is timed on the same appends until the server reports
  the new message: that is the server's share. inboxwatch's own share is what
  its log says ("took" on each "new mail" line): from the moment its IDLE
  connection heard of the change to the message being stored, the fetching
  connection's round trips included. Dovecot waits about half a
  second before it tells IDLE clients about new mail, and with 100,000
  messages in one maildir it takes longer still.
- **Throughput** runs in the harness with GOMAXPROCS=1 over 2,000 messages
  drawn from the generated INBOX (attachments included): parsing is
  ` + "`mailparse.ParseBytes`" + ` on raw messages, classification is ` + "`classify.Classify`" + `
  on parsed ones.

## The mailbox

About 2% of INBOX is mail about the user's applications (receipts from
Greenhouse, Lever, Workday and Ashby, interview invitations, some with a
calendar invitation, rejections, offers, recruiters' replies, out-of-office
answers), written as storylines with the user's own applications, thank-you
notes and follow-ups in Sent. The rest is newsletters and promotions
(List-Unsubscribe, List-Id, HTML with a text alternative or HTML alone),
social and service notifications, development notifications in threads,
transactional mail, job-board alerts, and personal mail, half of it replies.
Headers carry the usual Received, Authentication-Results and DKIM-Signature
lines. A tenth of INBOX carries an attachment of 100 KB to 5 MB
(log-uniform, so most are small), dates spread over the last 90 days. The
everyday text comes from small banks of sentences, so each sentence recurs in
hundreds of messages; the banks hold none that the classifier takes for job
mail, since one such sentence would make hundreds of false positives and
measure the generator rather than inboxwatch.

`)
	if len(all) > 0 {
		r := all[len(all)-1]
		fmt.Fprintf(b, "At %s messages:\n\n| kind | messages |\n|---|---:|\n", count(r.N))
		for _, k := range r.Build.Kinds {
			fmt.Fprintf(b, "| %s | %s |\n", k.Kind, count(k.Count))
		}
	}
}

// Package demo is the sample job search behind `inboxwatch demo`.
//
// Mailbox returns a made-up but believable mailbox of a job seeker:
// thirteen applications at fictional companies plus the usual mix of job
// alerts, newsletters and personal mail. Every message is dated relative
// to the moment the demo starts, so the digest shown that day always has
// something in each state: a thank-you note due, status checks overdue,
// due today or coming up, a stated decision date to wait for, a reply that
// restarted the clock, an out-of-office reply, a rejection, an offer and
// an employer that asked not to be contacted.
package demo

import (
	"sort"
	"time"
)

// Message is one message of the sample mailbox.
type Message struct {
	Mailbox string // "INBOX" or "Sent"
	Raw     []byte // full RFC 5322 message (CRLF line endings)
	Date    time.Time
	Flags   []string // e.g. "\\Seen"
}

// Me is the sample job seeker.
var Me = struct {
	Name    string
	Address string
}{
	Name:    "Sam Rivera",
	Address: "sam.rivera@example.com",
}

// Mailbox names used by the sample.
const (
	inbox = "INBOX"
	sent  = "Sent"
)

// Mailbox builds the sample mailbox dated relative to now (in now's
// location), sorted by date. The same now always gives the same bytes.
func Mailbox(now time.Time) []Message {
	s := &sample{now: now, keys: map[string]bool{}}
	for _, a := range applications {
		a.story(s, a.company)
	}
	background(s)
	return s.messages()
}

func (s *sample) messages() []Message {
	answered := map[*msg]bool{}
	for _, m := range s.msgs {
		if m.box == sent && m.parent != nil && m.parent.box == inbox {
			answered[m.parent] = true
		}
	}
	out := make([]Message, 0, len(s.msgs))
	for _, m := range s.msgs {
		var flags []string
		if m.box == sent || s.now.Sub(m.at) > 36*time.Hour {
			flags = append(flags, `\Seen`)
		}
		if answered[m] {
			flags = append(flags, `\Answered`)
		}
		flags = append(flags, m.flags...)
		out = append(out, Message{Mailbox: m.box, Raw: m.render(), Date: m.at, Flags: flags})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

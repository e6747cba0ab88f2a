// Package digest turns the policy's verdicts into the daily digest: the
// follow-ups due now, each with a ready draft; those coming up in the next
// week; the applications waiting on a date the company gave; what stopped
// since the last digest and why; and how many applications are in each
// state. It renders the digest for a terminal, as JSON and as a text + HTML
// email, and it builds the follow-up drafts inboxwatch files in the Drafts
// folder, with what is needed to recognise them later.
//
// The package is pure: no I/O and no clock of its own.
package digest

import (
	"cmp"
	"slices"
	"time"

	"github.com/inboxwatch/inboxwatch/internal/policy"
)

// UpcomingWindow is how far ahead the digest looks for coming follow-ups.
const UpcomingWindow = 7 * 24 * time.Hour

// DefaultSince is how far back stops are shown when there was no earlier
// digest.
const DefaultSince = 7 * 24 * time.Hour

// Me is the user, as drafts sign and address them.
type Me struct {
	Name    string
	Address string
}

// Next is an application's pending follow-up.
type Next struct {
	Kind policy.Kind `json:"kind"`
	Due  time.Time   `json:"due"`
}

// AppView is one application as `status --json` prints it. Absent times and
// dates are null.
type AppView struct {
	ID             int64        `json:"id"`
	Company        string       `json:"company"`
	Role           string       `json:"role"`
	State          policy.State `json:"state"`
	Contacts       []string     `json:"contacts"`
	Messages       int          `json:"messages"`
	LastInboundAt  *time.Time   `json:"last_inbound_at"`
	LastOutboundAt *time.Time   `json:"last_outbound_at"`
	Next           *Next        `json:"next"`
	Timeline       *string      `json:"timeline"`
	InterviewAt    *time.Time   `json:"interview_at"`
}

// View is the application's status object, with its times in the local
// zone. ViewIn chooses the zone.
func View(app policy.Application, out policy.Outcome) AppView {
	return ViewIn(app, out, time.Local)
}

// ViewIn is View with every time given in loc (the digest.timezone).
func ViewIn(app policy.Application, out policy.Outcome, loc *time.Location) AppView {
	if loc == nil {
		loc = time.Local
	}
	v := AppView{
		ID: app.ID, Company: app.Company, Role: app.Role, State: out.State,
		Contacts: []string{}, Messages: len(app.Events),
	}
	for _, c := range app.Contacts {
		v.Contacts = append(v.Contacts, c.Addr)
	}
	var in, sent time.Time
	for _, e := range app.Events {
		if e.Outbound {
			sent = later(sent, e.At)
		} else {
			in = later(in, e.At)
		}
	}
	v.LastInboundAt, v.LastOutboundAt = stamp(in, loc), stamp(sent, loc)
	if out.Next != nil {
		v.Next = &Next{Kind: out.Next.Kind, Due: clean(out.Next.Due, loc)}
	}
	if out.Timeline != "" {
		t := out.Timeline
		v.Timeline = &t
	}
	v.InterviewAt = stamp(out.InterviewAt, loc)
	return v
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// clean drops what RFC 3339 with seconds cannot show and moves t to loc.
func clean(t time.Time, loc *time.Location) time.Time {
	return t.Round(0).Truncate(time.Second).In(loc)
}

func stamp(t time.Time, loc *time.Location) *time.Time {
	if t.IsZero() {
		return nil
	}
	c := clean(t, loc)
	return &c
}

// Item is a follow-up in the due or upcoming section.
type Item struct {
	Application AppView     `json:"application"`
	Kind        policy.Kind `json:"kind"`
	Due         time.Time   `json:"due"`
	Why         string      `json:"why"`
	Draft       Draft       `json:"draft"`
	// Shown is when the digest starts listing it as due; Expires is when it
	// stops being worth sending (zero: never).
	Shown   time.Time `json:"-"`
	Expires time.Time `json:"-"`
}

// ID is the suggestion's identity, as the draft header carries it.
func (it Item) ID() SuggestionID {
	return SuggestionID{App: it.Application.ID, Kind: it.Kind, Due: it.Due}
}

// Wait is an application waiting on a date the company gave.
type Wait struct {
	Application AppView `json:"application"`
	Until       string  `json:"until"`
	Why         string  `json:"why"`
}

// Stopped is an application that will get no more suggestions, or whose
// pending one was cancelled.
type Stopped struct {
	Application AppView           `json:"application"`
	Reason      policy.StopReason `json:"reason"`
	At          time.Time         `json:"at"`
}

// Digest is the daily digest. Its JSON form is the `digest --json` contract.
type Digest struct {
	Now      time.Time `json:"now"`
	Due      []Item    `json:"due"`
	Upcoming []Item    `json:"upcoming"`
	Waiting  []Wait    `json:"waiting"`
	Stopped  []Stopped `json:"stopped"`
	Counts   Counts    `json:"counts"`
}

// Counts is the number of applications in each state (every state listed,
// zeros included).
type Counts map[policy.State]int

// shownStops are the stop reasons the digest reports; the user's own
// actions (sending a follow-up, ignoring an application) are not news.
var shownStops = map[policy.StopReason]bool{
	policy.StopReply: true, policy.StopRejected: true, policy.StopOffered: true,
	policy.StopWithdrawn: true, policy.StopNoFollowUp: true, policy.StopGoneQuiet: true,
}

// Build assembles the digest as of now from the applications and their
// outcomes (outs[i] is apps[i]'s). since is when the previous digest went
// out: stops after it are reported; zero means the last DefaultSince. Times
// are given in now's zone.
func Build(now time.Time, apps []policy.Application, outs []policy.Outcome, since time.Time, me Me) Digest {
	loc := now.Location()
	now = clean(now, loc)
	if since.IsZero() {
		since = now.Add(-DefaultSince)
	}
	d := Digest{Now: now, Due: []Item{}, Upcoming: []Item{}, Waiting: []Wait{}, Stopped: []Stopped{}, Counts: Counts{}}
	for _, s := range policy.States {
		d.Counts[s] = 0
	}
	for i, app := range apps {
		if i >= len(outs) {
			break
		}
		out := outs[i]
		d.Counts[out.State]++
		if out.State == policy.Ignored {
			continue
		}
		v := ViewIn(app, out, loc)
		if s := out.Next; s != nil {
			it := Item{
				Application: v, Kind: s.Kind, Due: clean(s.Due, loc), Why: s.Why,
				Draft: MakeDraft(app, *s, me), Shown: clean(s.VisibleFrom, loc),
			}
			if !s.Expires.IsZero() {
				it.Expires = clean(s.Expires, loc)
			}
			switch {
			case !now.Before(s.VisibleFrom):
				d.Due = append(d.Due, it)
			case out.Waiting == nil && !s.VisibleFrom.After(now.Add(UpcomingWindow)):
				d.Upcoming = append(d.Upcoming, it)
			}
		}
		if w := out.Waiting; w != nil {
			d.Waiting = append(d.Waiting, Wait{Application: v, Until: w.Until, Why: w.Why})
		}
		for _, st := range out.Stopped {
			if shownStops[st.Reason] && st.At.After(since) && !st.At.After(now) {
				d.Stopped = append(d.Stopped, Stopped{Application: v, Reason: st.Reason, At: clean(st.At, loc)})
			}
		}
	}
	byDue := func(a, b Item) int {
		return cmp.Or(a.Due.Compare(b.Due), cmp.Compare(a.Application.ID, b.Application.ID))
	}
	slices.SortStableFunc(d.Due, byDue)
	slices.SortStableFunc(d.Upcoming, byDue)
	slices.SortStableFunc(d.Waiting, func(a, b Wait) int {
		return cmp.Or(cmp.Compare(a.Until, b.Until), cmp.Compare(a.Application.ID, b.Application.ID))
	})
	slices.SortStableFunc(d.Stopped, func(a, b Stopped) int {
		return cmp.Or(a.At.Compare(b.At), cmp.Compare(a.Application.ID, b.Application.ID))
	})
	return d
}

// Empty reports whether the digest has nothing to say: nothing due, nothing
// coming up, nothing stopped.
func (d Digest) Empty() bool {
	return len(d.Due) == 0 && len(d.Upcoming) == 0 && len(d.Stopped) == 0
}

// Total is the number of applications counted.
func (d Digest) Total() int {
	n := 0
	for _, c := range d.Counts {
		n += c
	}
	return n
}

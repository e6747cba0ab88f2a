package policy_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/inboxwatch/inboxwatch/internal/classify"
	"github.com/inboxwatch/inboxwatch/internal/mailparse"
	"github.com/inboxwatch/inboxwatch/internal/policy"
)

// The scenarios take place in New York in 2026 (daylight saving time starts
// on Sunday 8 March, which the "a week later" rules must survive).
var ny = func() *time.Location {
	l, err := time.LoadLocation("America/New_York")
	if err != nil {
		panic(err)
	}
	return l
}()

// at reads "2026-03-03 15:00" in New York.
func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, ny)
	if err != nil {
		panic(err)
	}
	return t
}

var (
	sam     = mailparse.Address{Name: "Sam Rivera", Addr: "sam.rivera@fastmail.example"}
	marcus  = mailparse.Address{Name: "Marcus Bell", Addr: "marcus.bell@brightline.example"}
	dana    = mailparse.Address{Name: "Dana Kim", Addr: "dana.kim@brightline.example"}
	relay   = mailparse.Address{Name: "Dana Kim", Addr: "no-reply@us.greenhouse-mail.example"}
	careers = mailparse.Address{Name: "Brightline Analytics", Addr: "no-reply@us.greenhouse-mail.example"}
)

type mod func(*policy.Event)

func timeline(day string) mod  { return func(e *policy.Event) { e.Timeline = day } }
func returning(day string) mod { return func(e *policy.Event) { e.ReturnDate = day } }
func noFollowUp() mod          { return func(e *policy.Event) { e.NoFollowUp = true } }
func subject(s string) mod     { return func(e *policy.Event) { e.Subject = s } }
func replyTo(a mailparse.Address) mod {
	return func(e *policy.Event) { e.ReplyTo = []mailparse.Address{a} }
}
func uncertain(c float64) mod {
	return func(e *policy.Event) { e.Review, e.Confidence = true, c }
}

// slot fixes the interview an invitation announces; end may be "".
func slot(start, end string) mod {
	return func(e *policy.Event) {
		e.InterviewAt = at(start)
		if end != "" {
			e.InterviewEnd = at(end)
		}
	}
}

var seq int

func msgID(prefix string) string {
	seq++
	return fmt.Sprintf("%s-%d@mail.example", prefix, seq)
}

// in is a message from the application's side.
func in(when string, cat classify.Category, from mailparse.Address, mods ...mod) policy.Event {
	e := policy.Event{
		At: at(when), Category: cat, Confidence: 0.93, From: from, To: []mailparse.Address{sam},
		MessageID: msgID("in"), Subject: "Senior Backend Engineer at Brightline Analytics",
	}
	for _, m := range mods {
		m(&e)
	}
	return e
}

// out is a message the user sent.
func out(when string, to mailparse.Address, mods ...mod) policy.Event {
	e := policy.Event{
		At: at(when), Outbound: true, From: sam, To: []mailparse.Address{to},
		MessageID: msgID("out"), Subject: "Re: Senior Backend Engineer at Brightline Analytics",
	}
	for _, m := range mods {
		m(&e)
	}
	return e
}

// ackd is the automatic acknowledgement of the application.
func ackd(when string, mods ...mod) policy.Event {
	return in(when, classify.ApplicationReceived, careers, append([]mod{subject("Thank you for applying to Brightline Analytics")}, mods...)...)
}

// invited is Dana's invitation, sent 25 Feb, for Tuesday 3 March 14:00-15:00.
func invited() policy.Event {
	return in("2026-02-25 09:30", classify.InterviewInvitation, dana,
		slot("2026-03-03 14:00", "2026-03-03 15:00"), subject("Interview: Senior Backend Engineer"))
}

// app is an application to Brightline Analytics with the given events.
func app(events ...policy.Event) policy.Application {
	return policy.Application{
		ID: 7, Company: "Brightline Analytics", Role: "Senior Backend Engineer",
		Contacts: []mailparse.Address{marcus, dana}, Events: events,
	}
}

// interviewed is the usual story up to the interview: acknowledgement,
// then Dana's invitation.
func interviewed(more ...policy.Event) policy.Application {
	return app(append([]policy.Event{ackd("2026-02-16 10:14"), invited()}, more...)...)
}

func cfg() policy.Config { return policy.Default(ny) }

// want describes what the user would see for one application.
type want struct {
	state   policy.State
	kind    policy.Kind // "" when nothing is pending
	due     string      // New York time, "2006-01-02 15:04"
	visible string      // when the digest starts showing it, if not due
	waiting string      // the stated day the digest shows as waited on
	why     []string    // phrases the explanation must contain
	stops   []string    // "reason@2006-01-02 15:04", in order
}

func check(t *testing.T, o policy.Outcome, w want) {
	t.Helper()
	if o.State != w.state {
		t.Errorf("state = %s, want %s\n%s", o.State, w.state, strings.Join(o.Explain, "\n"))
	}
	switch {
	case w.kind == "" && o.Next != nil:
		t.Errorf("suggests %s due %s (%s), want nothing", o.Next.Kind, o.Next.Due.In(ny).Format("Mon 2006-01-02 15:04"), o.Next.Why)
	case w.kind != "" && o.Next == nil:
		t.Errorf("suggests nothing, want %s due %s\n%s", w.kind, w.due, strings.Join(o.Explain, "\n"))
	case w.kind != "":
		if o.Next.Kind != w.kind {
			t.Errorf("kind = %s, want %s", o.Next.Kind, w.kind)
		}
		if !o.Next.Due.Equal(at(w.due)) {
			t.Errorf("due %s, want %s (%s)", o.Next.Due.In(ny).Format("Mon 2006-01-02 15:04"), w.due, o.Next.Why)
		}
		vis := w.visible
		if vis == "" {
			vis = w.due
		}
		if !o.Next.VisibleFrom.Equal(at(vis)) {
			t.Errorf("shown from %s, want %s", o.Next.VisibleFrom.In(ny).Format("Mon 2006-01-02 15:04"), vis)
		}
		for _, p := range w.why {
			if !strings.Contains(o.Next.Why, p) {
				t.Errorf("why %q lacks %q", o.Next.Why, p)
			}
		}
	}
	switch {
	case w.waiting == "" && o.Waiting != nil:
		t.Errorf("waiting until %s (%s), want no wait", o.Waiting.Until, o.Waiting.Why)
	case w.waiting != "" && o.Waiting == nil:
		t.Errorf("not waiting, want waiting until %s", w.waiting)
	case w.waiting != "" && o.Waiting.Until != w.waiting:
		t.Errorf("waiting until %s, want %s", o.Waiting.Until, w.waiting)
	}
	if w.stops != nil {
		var got []string
		for _, s := range o.Stopped {
			got = append(got, fmt.Sprintf("%s@%s", s.Reason, s.At.In(ny).Format("2006-01-02 15:04")))
		}
		if strings.Join(got, " ") != strings.Join(w.stops, " ") {
			t.Errorf("stops = %v, want %v", got, w.stops)
		}
	}
}

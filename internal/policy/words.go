package policy

import (
	"fmt"
	"strings"
	"time"

	"github.com/inboxwatch/inboxwatch/internal/classify"
	"github.com/inboxwatch/inboxwatch/internal/mailparse"
)

// IsNoReply reports whether an address belongs to a machine (a no-reply
// sender, a notification relay, a bounce handler) rather than a person.
func IsNoReply(a mailparse.Address) bool {
	l := a.Local()
	for _, s := range []string{"noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply",
		"mailer-daemon", "notification", "bounce", "postmaster"} {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}

// LooksLikePerson reports whether a display name is a person's rather than a
// company's or a team's ("Acme Recruiting", "Careers at Acme").
func LooksLikePerson(name, company string) bool {
	n := strings.ToLower(strings.TrimSpace(name))
	if n == "" || strings.Contains(n, "@") {
		return false
	}
	if c := strings.ToLower(strings.TrimSpace(company)); c != "" && strings.Contains(n, c) {
		return false
	}
	for _, w := range strings.FieldsFunc(n, func(r rune) bool { return r == ' ' || r == '-' || r == ',' || r == '&' }) {
		switch w {
		case "team", "recruiting", "recruitment", "careers", "career", "talent", "jobs", "hiring", "hr",
			"people", "notifications", "noreply", "no-reply", "acquisition", "inc", "inc.", "llc", "ltd":
			return false
		}
	}
	return true
}

// interviewer is who to thank for an interview: the invitation's sender,
// reached at their own address when the invitation came through a relay.
func interviewer(app *Application, iv *Event) mailparse.Address {
	if iv == nil {
		return mailparse.Address{}
	}
	who := iv.From
	if IsNoReply(who) {
		who.Addr = ""
		if len(iv.ReplyTo) > 0 && !IsNoReply(iv.ReplyTo[0]) {
			who.Addr = iv.ReplyTo[0].Addr
			if who.Name == "" {
				who.Name = iv.ReplyTo[0].Name
			}
		}
		if who.Addr == "" && who.Name != "" {
			for _, c := range app.Contacts {
				if strings.EqualFold(strings.TrimSpace(c.Name), strings.TrimSpace(who.Name)) {
					who.Addr = c.Addr
					break
				}
			}
		}
	}
	if !LooksLikePerson(who.Name, app.Company) {
		who.Name = ""
	}
	return who
}

// senderName names who wrote e.
func senderName(e *Event) string {
	if e == nil {
		return "They"
	}
	if n := strings.TrimSpace(e.From.Name); n != "" {
		return n
	}
	for _, r := range e.ReplyTo {
		if n := strings.TrimSpace(r.Name); n != "" {
			return n
		}
	}
	if e.From.Addr != "" {
		return e.From.Addr
	}
	return "They"
}

func possessive(name string) string {
	if name == "They" {
		return "their"
	}
	return name + "'s"
}

// describe says in a few words what a message is.
func describe(e *Event) string {
	if e.Outbound {
		var to []string
		for _, a := range e.To {
			to = append(to, nonEmpty(a.Name, a.Addr))
		}
		if len(to) == 0 {
			return "your message"
		}
		return "your message to " + strings.Join(to, ", ")
	}
	what := "message"
	switch e.Category {
	case classify.InterviewInvitation:
		what = "interview invitation"
	case classify.Rejection:
		what = "rejection"
	case classify.Offer:
		what = "offer"
	case classify.RecruiterReply:
		what = "reply"
	case classify.ApplicationReceived:
		what = "acknowledgement"
	case classify.AutoReply:
		what = "automatic reply"
	}
	return what + " from " + senderName(e)
}

// label is a closed state in words.
func label(s State) string {
	switch s {
	case Offered:
		return "closed with an offer"
	case NoFollowUp:
		return "closed to follow-ups at their request"
	}
	return string(s)
}

func kindLabel(k Kind) string {
	switch k {
	case ThankYou:
		return "thank-you"
	case FinalCheck:
		return "last check-in"
	}
	return "check-in"
}

func nonEmpty(s, alt string) string {
	if strings.TrimSpace(s) == "" {
		return alt
	}
	return s
}

// span says a duration the way a person would.
func span(d time.Duration) string {
	const day, week = 24 * time.Hour, 7 * 24 * time.Hour
	switch {
	case d == week:
		return "a week"
	case d%week == 0:
		return fmt.Sprintf("%d weeks", d/week)
	case d < 3*day && d%time.Hour == 0:
		return fmt.Sprintf("%d hours", d/time.Hour)
	case d%day == 0:
		return fmt.Sprintf("%d days", d/day)
	case d%time.Hour == 0:
		return fmt.Sprintf("%d hours", d/time.Hour)
	}
	return d.String()
}

func days(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// fmtWhen formats a moment like "Tue 3 Mar 15:00", in the policy's zone.
func (c Config) fmtWhen(t time.Time) string {
	if t.IsZero() {
		return "an unknown time"
	}
	return t.In(c.Loc()).Format("Mon 2 Jan 15:04")
}

// fmtDay formats a day like "Tue 3 Mar", in the policy's zone.
func (c Config) fmtDay(t time.Time) string {
	if t.IsZero() {
		return "an unknown day"
	}
	return t.In(c.Loc()).Format("Mon 2 Jan")
}

func (c Config) fmtClock(t time.Time) string { return t.In(c.Loc()).Format("15:04") }

// pushNote explains a due time the calendar moved, or says nothing.
func (c Config) pushNote(orig, pushed time.Time) string {
	if pushed.Equal(orig) {
		return ""
	}
	if c.InQuietPeriod(orig) {
		for _, p := range c.QuietPeriods {
			if p.Contains(orig.In(c.Loc())) {
				return fmt.Sprintf("; moved past the quiet period (%s) to %s", p, c.fmtDay(pushed))
			}
		}
	}
	return "; moved off the weekend to " + c.fmtDay(pushed)
}

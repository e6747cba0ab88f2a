package digest

import (
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/inboxwatch/inboxwatch/internal/policy"
)

// kindTitle names a kind of follow-up for people.
func kindTitle(k policy.Kind) string {
	switch k {
	case policy.ThankYou:
		return "Thank-you note"
	case policy.FinalCheck:
		return "Final check-in"
	case policy.StatusCheck:
		return "Status check"
	}
	return string(k)
}

// reasonTitle says why something stopped, for people.
func reasonTitle(r policy.StopReason) string {
	switch r {
	case policy.StopReply:
		return "reply arrived"
	case policy.StopRejected:
		return "rejected"
	case policy.StopOffered:
		return "offer received"
	case policy.StopWithdrawn:
		return "withdrawn"
	case policy.StopNoFollowUp:
		return "asked not to follow up"
	case policy.StopGoneQuiet:
		return "gone quiet"
	}
	return string(r)
}

// reasonDetail says what a stop means for the user.
func reasonDetail(r policy.StopReason) string {
	switch r {
	case policy.StopReply:
		return "they wrote back; the pending follow-up is cancelled and the wait starts over"
	case policy.StopRejected:
		return "no more follow-ups"
	case policy.StopOffered:
		return "congratulations; no more follow-ups"
	case policy.StopWithdrawn:
		return "you withdrew; no more follow-ups"
	case policy.StopNoFollowUp:
		return "they asked applicants not to chase; no follow-ups"
	case policy.StopGoneQuiet:
		return "the check-ins went unanswered; inboxwatch suggests nothing more"
	}
	return ""
}

// stateTitle names a state for people.
func stateTitle(s policy.State) string {
	switch s {
	case policy.AwaitingReply:
		return "awaiting reply"
	case policy.TimelineGiven:
		return "waiting on a date"
	case policy.NoFollowUp:
		return "asked not to follow up"
	case policy.GoneQuiet:
		return "gone quiet"
	}
	return string(s)
}

// heading is "Company — Role".
func heading(v AppView) string {
	c := v.Company
	if c == "" {
		c = fmt.Sprintf("Application %d", v.ID)
	}
	if v.Role == "" {
		return c
	}
	return c + " — " + v.Role
}

func fmtWhen(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 {
		return t.Format("Mon 2 Jan")
	}
	return t.Format("Mon 2 Jan 15:04")
}

// ago says how long ago something was due, roughly.
func ago(d time.Duration) string {
	switch {
	case d < time.Hour:
		return "less than an hour"
	case d < 24*time.Hour:
		return plural(int(d/time.Hour), "hour")
	}
	return plural(int(d/(24*time.Hour)), "day")
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// dueLine says when a due item is due, relative to now.
func dueLine(it Item, now time.Time) (string, bool) {
	if it.Due.After(now) {
		s := "send by " + fmtWhen(it.Due)
		if !it.Expires.IsZero() {
			s += ", worth sending until " + fmtWhen(it.Expires)
		}
		return s, false
	}
	if now.Sub(it.Due) < time.Hour {
		return "due now", false
	}
	return "was due " + fmtWhen(it.Due) + ", " + ago(now.Sub(it.Due)) + " ago", true
}

// inDays says how far ahead t is from now, in calendar days.
func inDays(t, now time.Time) string {
	a := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	t = t.In(now.Location())
	b := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, now.Location())
	n := int(b.Sub(a).Round(24*time.Hour) / (24 * time.Hour))
	switch n {
	case 0:
		return "later today"
	case 1:
		return "tomorrow"
	}
	return fmt.Sprintf("in %d days", n)
}

// Subject is the digest email's subject line.
func (d Digest) Subject() string {
	day := d.Now.Format("Mon 2 Jan")
	switch n := len(d.Due); n {
	case 0:
		return "inboxwatch: nothing due today (" + day + ")"
	case 1:
		return "inboxwatch: 1 follow-up due today (" + day + ")"
	default:
		return fmt.Sprintf("inboxwatch: %d follow-ups due today (%s)", n, day)
	}
}

// Text renders the digest for a terminal.
func (d Digest) Text() string {
	var b strings.Builder
	now := d.Now
	fmt.Fprintf(&b, "inboxwatch digest for %s\n", now.Format("Monday 2 January 2006, 15:04 MST"))
	fmt.Fprintf(&b, "%s due now · %d coming up · %d waiting on a date · %d stopped\n",
		plural(len(d.Due), "follow-up"), len(d.Upcoming), len(d.Waiting), len(d.Stopped))

	section(&b, fmt.Sprintf("DUE NOW (%d)", len(d.Due)))
	if len(d.Due) == 0 {
		b.WriteString("Nothing to send today.\n")
	}
	for i, it := range d.Due {
		if i > 0 {
			b.WriteString("\n")
		}
		line, _ := dueLine(it, now)
		fmt.Fprintf(&b, "%d. %s\n", i+1, heading(it.Application))
		fmt.Fprintf(&b, "   %s · %s\n", kindTitle(it.Kind), line)
		fmt.Fprintf(&b, "   %s\n\n", it.Why)
		writeDraftText(&b, it.Draft, "   ")
	}

	if len(d.Upcoming) > 0 {
		section(&b, fmt.Sprintf("COMING UP IN THE NEXT 7 DAYS (%d)", len(d.Upcoming)))
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		for _, it := range d.Upcoming {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", fmtWhen(it.Shown), inDays(it.Shown, now), kindTitle(it.Kind), heading(it.Application))
		}
		tw.Flush()
	}

	if len(d.Waiting) > 0 {
		section(&b, fmt.Sprintf("WAITING ON A STATED TIMELINE (%d)", len(d.Waiting)))
		for _, w := range d.Waiting {
			until := w.Until
			if t, err := time.ParseInLocation(time.DateOnly, w.Until, now.Location()); err == nil {
				until = t.Format("Mon 2 Jan")
			}
			fmt.Fprintf(&b, "until %s  %s\n", until, heading(w.Application))
			fmt.Fprintf(&b, "%s  %s\n", strings.Repeat(" ", len("until ")+len(until)), w.Why)
		}
	}

	if len(d.Stopped) > 0 {
		section(&b, fmt.Sprintf("STOPPED SINCE THE LAST DIGEST (%d)", len(d.Stopped)))
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		for _, s := range d.Stopped {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", fmtWhen(s.At), reasonTitle(s.Reason), heading(s.Application))
		}
		tw.Flush()
	}

	section(&b, "APPLICATIONS BY STATE")
	counts := d.counts()
	width := len("total")
	for _, c := range counts {
		width = max(width, len([]rune(stateTitle(c.state))))
	}
	digits := len(fmt.Sprint(d.Total()))
	for _, c := range counts {
		fmt.Fprintf(&b, "%-*s  %*d\n", width, stateTitle(c.state), digits, c.n)
	}
	fmt.Fprintf(&b, "%-*s  %*d\n", width, "total", digits, d.Total())
	return b.String()
}

func section(b *strings.Builder, title string) {
	fmt.Fprintf(b, "\n%s\n%s\n", title, strings.Repeat("─", len([]rune(title))))
}

// writeDraftText shows a draft with its headers, its body set off by a bar.
func writeDraftText(b *strings.Builder, d Draft, indent string) {
	var to []string
	for _, a := range d.To {
		to = append(to, formatAddress(a))
	}
	if len(to) == 0 {
		to = []string{"(choose a recipient)"}
	}
	fmt.Fprintf(b, "%sTo:      %s\n", indent, strings.Join(to, ", "))
	fmt.Fprintf(b, "%sSubject: %s\n", indent, d.Subject)
	for _, l := range strings.Split(strings.TrimRight(d.Body, "\n"), "\n") {
		if l == "" {
			fmt.Fprintf(b, "%s│\n", indent)
			continue
		}
		for _, w := range wrap(l, textWidth) {
			fmt.Fprintf(b, "%s│ %s\n", indent, w)
		}
	}
}

// textWidth is where the terminal view wraps draft lines; the drafts
// themselves are not wrapped, mail clients flow them.
const textWidth = 72

// wrap breaks s into lines of at most width runes, at spaces.
func wrap(s string, width int) []string {
	var out []string
	var line []string
	n := 0
	for _, w := range strings.Fields(s) {
		l := len([]rune(w))
		if n > 0 && n+1+l > width {
			out = append(out, strings.Join(line, " "))
			line, n = nil, 0
		}
		if n > 0 {
			n++
		}
		line = append(line, w)
		n += l
	}
	if len(line) > 0 {
		out = append(out, strings.Join(line, " "))
	}
	return out
}

type stateCount struct {
	state policy.State
	n     int
}

// counts lists the non-zero counts in display order.
func (d Digest) counts() []stateCount {
	var out []stateCount
	seen := map[policy.State]bool{}
	for _, s := range policy.States {
		seen[s] = true
		if n := d.Counts[s]; n > 0 {
			out = append(out, stateCount{s, n})
		}
	}
	var other []policy.State
	for s, n := range d.Counts {
		if !seen[s] && n > 0 {
			other = append(other, s)
		}
	}
	slices.Sort(other)
	for _, s := range other {
		out = append(out, stateCount{s, d.Counts[s]})
	}
	return out
}

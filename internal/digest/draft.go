package digest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/inboxwatch/inboxwatch/internal/mailparse"
	"github.com/inboxwatch/inboxwatch/internal/policy"
)

// PersonalNote marks the one place in a thank-you draft the user fills in
// with something specific from the conversation.
const PersonalNote = "[ADD ONE SPECIFIC POINT FROM YOUR CONVERSATION HERE: something you discussed, learned, or would enjoy working on]"

// Draft is a follow-up ready to send.
type Draft struct {
	To      []mailparse.Address
	Subject string
	// InReplyTo and References thread the draft into its conversation,
	// each identifier in angle brackets; empty for a new conversation.
	InReplyTo  string
	References []string
	Body       string
}

// MarshalJSON writes the draft as the --json contract has it: to,
// subject, in_reply_to (null for a new conversation) and body.
func (d Draft) MarshalJSON() ([]byte, error) {
	to := make([]string, 0, len(d.To))
	for _, a := range d.To {
		to = append(to, formatAddress(a))
	}
	var irt *string
	if d.InReplyTo != "" {
		irt = &d.InReplyTo
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	// The caller's encoder decides on HTML escaping; the addresses' angle
	// brackets stay readable otherwise.
	enc.SetEscapeHTML(false)
	err := enc.Encode(struct {
		To        []string `json:"to"`
		Subject   string   `json:"subject"`
		InReplyTo *string  `json:"in_reply_to"`
		Body      string   `json:"body"`
	}{to, d.Subject, irt, d.Body})
	if err != nil {
		return nil, fmt.Errorf("digest: draft json: %w", err)
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// formatAddress writes "Name <addr>", quoting the name when it needs it.
func formatAddress(a mailparse.Address) string {
	name := strings.TrimSpace(a.Name)
	if name == "" {
		return a.Addr
	}
	if strings.ContainsAny(name, "()<>[]:;@\\,.\"") {
		name = `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(name) + `"`
	}
	return name + " <" + a.Addr + ">"
}

// MakeDraft writes the follow-up s suggests for app, signed by me.
func MakeDraft(app policy.Application, s policy.Suggestion, me Me) Draft {
	d := Draft{To: recipients(app, s, me)}
	d.Subject, d.InReplyTo, d.References = thread(app, s)
	greetName := ""
	if s.Kind == policy.ThankYou && s.Interviewer.Name != "" {
		greetName = s.Interviewer.Name
	} else if len(d.To) > 0 && policy.LooksLikePerson(d.To[0].Name, app.Company) {
		greetName = d.To[0].Name
	}
	var b strings.Builder
	b.WriteString(greeting(greetName) + "\n\n")
	role := "the role"
	if app.Role != "" {
		role = "the " + app.Role + " role"
	}
	at := ""
	if app.Company != "" {
		at = " at " + app.Company
	}
	joining := "joining the team"
	if app.Company != "" {
		joining = "joining " + app.Company
	}
	switch s.Kind {
	case policy.ThankYou:
		when := ""
		if s.Reply != nil && !s.Reply.InterviewAt.IsZero() {
			when = " on " + s.Reply.InterviewAt.In(s.Due.Location()).Format("Monday")
		}
		fmt.Fprintf(&b, "Thank you for taking the time to speak with me%s about %s%s.\n\n", when, role, at)
		b.WriteString(PersonalNote + "\n\n")
		fmt.Fprintf(&b, "Our conversation made me even more enthusiastic about %s, and I would be glad to send anything else that would help.\n", joining)
	case policy.FinalCheck:
		fmt.Fprintf(&b, "I wanted to check in once more about %s%s. I am still keen on it, and happy to help with anything you need from me.\n", role, at)
	default:
		if s.Timeline != "" {
			day := s.Timeline
			if t, err := time.Parse(time.DateOnly, s.Timeline); err == nil {
				day = t.Format("Monday 2 January")
			}
			fmt.Fprintf(&b, "I hope all is well. You mentioned expecting news about %s around %s, so I wanted to check in. I remain very interested in %s.\n\n", role, day, joining)
		} else {
			fmt.Fprintf(&b, "I hope all is well. I wanted to follow up on my application for %s%s, which I remain very interested in.\n\n", role, at)
		}
		b.WriteString("Could you tell me where things stand, and what timeline you expect for the next steps? If any further information from me would help, I am happy to send it.\n")
	}
	b.WriteString("\nBest regards,\n")
	if me.Name != "" {
		b.WriteString(me.Name + "\n")
	}
	d.Body = b.String()
	return d
}

// greeting opens the draft with the person's first name when known.
func greeting(name string) string {
	name = strings.TrimSpace(name)
	if before, after, ok := strings.Cut(name, ","); ok {
		switch suffix := strings.ToLower(strings.Trim(strings.TrimSpace(after), ".")); {
		case suffix == "" || suffixes[suffix]:
			name = before // "Dana Kim, PhD"
		default:
			name = strings.TrimSpace(after) + " " + before // "Kim, Dana"
		}
	}
	f := strings.Fields(name)
	if len(f) == 0 {
		return "Hello,"
	}
	first := f[0]
	switch strings.ToLower(strings.TrimSuffix(first, ".")) {
	case "mr", "mrs", "ms", "dr", "prof":
		if len(f) > 1 {
			return "Dear " + first + " " + f[len(f)-1] + ","
		}
	}
	return "Hi " + first + ","
}

// suffixes are what may follow a name after a comma.
var suffixes = map[string]bool{"phd": true, "ph.d": true, "md": true, "mba": true, "jr": true, "sr": true,
	"ii": true, "iii": true, "cpa": true, "pe": true, "esq": true}

// recipients chooses who the follow-up goes to: the interviewer for a
// thank-you, otherwise the people of the conversation it continues, and
// failing those the application's first contact.
func recipients(app policy.Application, s policy.Suggestion, me Me) []mailparse.Address {
	var out []mailparse.Address
	seen := map[string]bool{}
	add := func(a mailparse.Address) {
		key := strings.ToLower(a.Addr)
		if key == "" || seen[key] || policy.IsNoReply(a) || strings.EqualFold(a.Addr, me.Address) {
			return
		}
		seen[key] = true
		out = append(out, a)
	}
	if s.Kind == policy.ThankYou {
		add(s.Interviewer)
		if len(out) > 0 {
			return out
		}
	}
	if r := s.Reply; r != nil {
		if r.Outbound {
			for _, a := range r.To {
				add(a)
			}
		} else {
			for _, a := range r.ReplyTo {
				add(a)
			}
			if len(out) == 0 {
				add(r.From)
			}
			if len(out) == 0 && r.From.Name != "" {
				for _, c := range app.Contacts {
					if strings.EqualFold(c.Name, r.From.Name) {
						add(c)
					}
				}
			}
		}
	}
	if len(out) == 0 {
		for _, c := range app.Contacts {
			add(c)
			if len(out) > 0 {
				break
			}
		}
	}
	return out
}

// maxReferences bounds the References header, keeping the first message
// and the latest ones, as mail clients do.
const maxReferences = 20

// thread gives the subject and threading headers that continue the
// conversation the suggestion answers.
func thread(app policy.Application, s policy.Suggestion) (subject, inReplyTo string, refs []string) {
	r := s.Reply
	if r != nil && r.MessageID != "" {
		inReplyTo = "<" + strings.Trim(r.MessageID, "<>") + ">"
		for _, id := range r.References {
			if id = strings.Trim(strings.TrimSpace(id), "<>"); id != "" {
				refs = append(refs, "<"+id+">")
			}
		}
		refs = append(refs, inReplyTo)
		if len(refs) > maxReferences {
			refs = append(refs[:1], refs[len(refs)-maxReferences+1:]...)
		}
	}
	if r != nil {
		if base := baseSubject(r.Subject); base != "" && !calendarSubject(base) {
			return "Re: " + base, inReplyTo, refs
		}
	}
	what := app.Role
	if what == "" {
		what = app.Company
	}
	if s.Kind == policy.ThankYou {
		return strings.TrimSpace("Thank you: " + what + " interview"), inReplyTo, refs
	}
	return strings.TrimSpace("Following up: " + what), inReplyTo, refs
}

// calendarSubject reports whether a subject is a calendar system's
// ("Invitation: ... @ Tue Mar 3, 2026 2pm - 3pm (EST) (sam@...)"): answering
// it with "Re:" reads as a reply to the robot, not a note to a person.
func calendarSubject(s string) bool {
	l := strings.ToLower(s)
	for _, p := range []string{"invitation:", "updated invitation", "accepted:", "invitation updated", "new event:"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// baseSubject strips reply and forward markers ("Re:", "Fwd:", "AW:",
// "Re[2]:") from the front of a subject.
func baseSubject(s string) string {
	s = strings.TrimSpace(s)
	for {
		i := strings.IndexByte(s, ':')
		if i <= 0 || i > 8 {
			return s
		}
		p := strings.ToLower(strings.TrimSpace(s[:i]))
		if j := strings.IndexByte(p, '['); j > 0 {
			p = p[:j]
		}
		switch p {
		case "re", "fw", "fwd", "aw", "wg", "sv", "vs", "antw", "tr", "rif":
			s = strings.TrimSpace(s[i+1:])
		default:
			return s
		}
	}
}

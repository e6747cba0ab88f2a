package demo

import (
	"fmt"
	"strings"
	"time"
)

// relay is how a company's applicant tracking system sends its mail.
type relay int

const (
	direct     relay = iota // from the company's own domain
	greenhouse              // no-reply@us.greenhouse-mail.io
	lever                   // no-reply@hire.lever.co
	ashby                   // no-reply@ashbyhq.com
	workday                 // <tenant>@myworkday.com
)

// company is one employer of the sample and the role Sam applied for.
type company struct {
	name        string
	slug        string // short name for message keys and relay addresses
	role        string
	req         string // requisition number, where the ATS shows one
	site        string
	relay       relay
	careers     person // sender of direct acknowledgements
	recruiter   person
	interviewer person
}

func (c company) key(step string) string { return c.slug + "/" + step }

// relayed is a person writing through the company's ATS: the relay's
// address in From, the person's own in Reply-To.
func (c company) relayed(p person) (from person, replyTo *person) {
	switch c.relay {
	case greenhouse:
		return person{Name: p.Name, Addr: "no-reply@us.greenhouse-mail.io"}, &p
	case lever:
		return person{Name: p.Name, Addr: "no-reply@hire.lever.co"}, &p
	case ashby:
		return person{Name: p.Name, Addr: "no-reply@ashbyhq.com"}, &p
	}
	return p, nil
}

// ack files the automatic "we received your application" message.
func (s *sample) ack(c company, at time.Time) *msg {
	m := &msg{key: c.key("ack"), at: at}
	switch c.relay {
	case greenhouse:
		m.from = person{Name: c.name, Addr: "no-reply@us.greenhouse-mail.io"}
		m.subject = "Thank you for applying to " + c.name
		m.text = fmt.Sprintf(`Hi Sam,

Thanks for your interest in %[1]s! We've received your application for the %[2]s position.

Our recruiting team reads every application. If your experience looks like a match for the role, we'll be in touch about next steps. In the meantime, you can learn more about how we work at %[3]s.

Best,
The %[1]s Recruiting Team

This message was sent from an unmonitored address. Please don't reply to it.
`, c.name, c.role, c.site)
		m.body = ptr(alternative(plain(m.text), html(htmlLetter(c.name, m.text))))
	case lever:
		m.from = person{Name: c.name, Addr: "no-reply@hire.lever.co"}
		m.subject = fmt.Sprintf("Thanks for applying to %s - %s", c.name, c.role)
		m.text = fmt.Sprintf(`Hi Sam,

Thank you for applying for the %[2]s role at %[1]s. We're glad you'd like to join us!

We're reviewing applications now. If there's a fit, someone from our talent team will reach out to you directly to set up a first conversation.

Thanks again,
%[1]s Talent Team
`, c.name, c.role)
	case ashby:
		m.from = person{Name: c.name + " Hiring Team", Addr: "no-reply@ashbyhq.com"}
		m.replyTo = &person{Name: c.name + " Recruiting", Addr: "recruiting@" + c.recruiter.domain()}
		m.subject = fmt.Sprintf("Thanks for applying to %s!", c.name)
		m.text = fmt.Sprintf(`Hey Sam,

Thanks for applying to the %[2]s role at %[1]s. We got your application and a real person on our team will look at it soon.

Here's what to expect: if it looks like a fit, we'll email you within two weeks to schedule an intro call. If not, we'll let you know either way. We don't leave anyone hanging.

Cheers,
The %[1]s team
`, c.name, c.role)
		m.body = ptr(alternative(plain(m.text), html(htmlLetter(c.name, m.text))))
	case workday:
		m.from = person{Name: c.name, Addr: c.slug + "@myworkday.com"}
		m.subject = fmt.Sprintf("%s: Application Received - %s (%s)", c.name, c.role, c.req)
		page := fmt.Sprintf(`<html><body style="font-family:Arial,sans-serif;font-size:14px;color:#222">
<p>Dear Sam Rivera,</p>
<p>Thank you for applying for the position of <b>%[2]s</b> (Job Requisition %[3]s) at %[1]s. We have received your application and it is now under review.</p>
<p>You can check the status of your application at any time by signing in to the %[1]s Careers site.</p>
<p>Due to the high volume of applications we receive, please do not contact us regarding the status of your application. If your qualifications match the requirements of the position, a member of our Talent Acquisition team will contact you.</p>
<p>We appreciate your interest in %[1]s.</p>
<p>Sincerely,<br>%[1]s Talent Acquisition</p>
<p style="font-size:11px;color:#777">This email was sent from a notification-only address that cannot accept incoming email. Please do not reply to this message.</p>
</body></html>
`, c.name, c.role, c.req)
		m.body = ptr(base64Part("text/html; charset=UTF-8", []byte(page)))
	default:
		m.from = c.careers
		m.subject = fmt.Sprintf("We received your application - %s", c.role)
		m.text = fmt.Sprintf(`Dear Sam,

Thank you for applying for the %[2]s position at %[1]s. This note confirms that your application arrived safely.

Our hiring team is reviewing applications and will contact candidates whose experience best matches the role. You can see all of our openings at %[3]s.

Kind regards,
%[1]s Talent Acquisition
`, c.name, c.role, c.site)
	}
	return s.add(m)
}

// interview describes one interview and how its invitation is worded.
type interview struct {
	key       string
	sent      time.Time
	start     time.Time
	length    time.Duration
	kind      string // "Technical interview", "Panel interview", ...
	organizer person
	panel     []person
	where     string
	note      string
	calendar  bool // a calendar app's invitation rather than a recruiter's
	html      bool // add an HTML alternative
}

// invite files the invitation for iv: a text part giving the time in
// words and a text/calendar REQUEST part giving it to calendar programs.
func (s *sample) invite(c company, iv interview) *msg {
	end := iv.start.Add(iv.length)
	ev := event{
		uid:         fmt.Sprintf("%s-%s@%s", strings.ReplaceAll(iv.key, "/", "-"), iv.start.Format("20060102"), iv.organizer.domain()),
		prodID:      "-//" + c.name + "//Interview Scheduling//EN",
		method:      "REQUEST",
		summary:     fmt.Sprintf("%s: %s - %s (%s)", c.name, iv.kind, c.role, Me.Name),
		location:    iv.where,
		description: fmt.Sprintf("%s for the %s role at %s.\n\n%s", iv.kind, c.role, c.name, iv.note),
		start:       iv.start,
		end:         end,
		stamp:       iv.sent,
		organizer:   iv.organizer,
		attendees:   append([]person{me}, iv.panel...),
	}
	minutes := int(iv.length / time.Minute)
	who := []string{iv.organizer.Name + " - organizer", Me.Name}
	for _, p := range iv.panel {
		who = append(who, p.Name)
	}

	m := &msg{key: iv.key, at: iv.sent, from: iv.organizer}
	if iv.calendar {
		m.subject = fmt.Sprintf("Invitation: %s @ %s - %s (%s) (%s)",
			ev.summary, iv.start.Format("Mon Jan 2, 2006 3:04pm"), end.Format("3:04pm"), iv.start.Format("MST"), Me.Address)
		m.text = fmt.Sprintf(`%s has invited you to the following event.

%s

When
%s at %s - %s %s (%d minutes)

Where
%s

Who
%s

%s

Reply to this invitation to let %s know whether you can make it.
`, iv.organizer.Name, ev.summary, weekdayDate(iv.start), clock(iv.start), clock(end), iv.start.Format("MST"), minutes,
			iv.where, strings.Join(who, "\n"), iv.note, iv.organizer.first())
	} else {
		m.subject = fmt.Sprintf("Interview confirmed: %s at %s - %s", c.role, c.name, when(iv.start))
		var with []string
		for _, p := range iv.panel {
			with = append(with, p.Name+" ("+p.Title+")")
		}
		if with == nil {
			with = []string{iv.organizer.Name + " (" + iv.organizer.Title + ")"}
		}
		m.text = fmt.Sprintf(`Hi Sam,

%s

Role: %s
Interview: %s, %d minutes
When: %s
Where: %s
With: %s

A calendar invitation is attached. If anything changes and you need another time, just reply to this email.

Best,
%s
`, iv.note, c.role, iv.kind, minutes, when(iv.start), iv.where, strings.Join(with, ", "), iv.organizer.signature(c.name))
	}
	parts := []part{plain(m.text)}
	if iv.html {
		parts = append(parts, html(htmlLetter(c.name, m.text)))
	}
	parts = append(parts, calendarPart(ev))
	m.body = ptr(alternative(parts...))
	return s.add(m)
}

// thankYou files Sam's thank-you note, sent in the invitation's thread.
func (s *sample) thankYou(c company, invitation *msg, at time.Time, text string, cc ...person) *msg {
	return s.reply(invitation, &msg{
		key:     c.key("thank-you"),
		at:      at,
		subject: "Thank you - " + c.role + " interview",
		cc:      cc,
		text:    text,
	})
}

// statusCheck files Sam's polite "any news?" in the thread of prev.
func (s *sample) statusCheck(c company, key string, prev *msg, at time.Time, text string) *msg {
	return s.reply(prev, &msg{
		key:     c.key(key),
		at:      at,
		subject: "Checking in - " + c.role,
		text:    text,
		quote:   true,
	})
}

// htmlLetter is a plain HTML rendering of a text letter: one paragraph
// per blank-line separated block, links left as text.
func htmlLetter(title, text string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%s</title></head>\n", escapeHTML(title))
	b.WriteString(`<body style="margin:0;padding:24px;background:#f5f6f8"><div style="max-width:600px;margin:auto;background:#fff;padding:24px;font-family:Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1f2933">` + "\n")
	for _, para := range strings.Split(strings.TrimSpace(text), "\n\n") {
		lines := strings.Split(para, "\n")
		for i, l := range lines {
			lines[i] = escapeHTML(l)
		}
		fmt.Fprintf(&b, "<p>%s</p>\n", strings.Join(lines, "<br>\n"))
	}
	b.WriteString("</div></body></html>\n")
	return b.String()
}

func escapeHTML(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

func ptr[T any](v T) *T { return &v }

package tracker_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"github.com/inboxwatch/inboxwatch/internal/config"
	"github.com/inboxwatch/inboxwatch/internal/digest"
	"github.com/inboxwatch/inboxwatch/internal/imaptest"
	"github.com/inboxwatch/inboxwatch/internal/policy"
)

func rfc(t time.Time) string { return t.Format(time.RFC1123Z) }

func ics(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// invitation is an interview invitation with a calendar part.
func invitation(id, company, domain, person string, start time.Time, sent time.Time) []byte {
	return []byte(strings.ReplaceAll(fmt.Sprintf(`From: %[4]s <%[5]s@%[3]s>
To: Sam Rivera <%[6]s>
Subject: Interview invitation: Data Analyst at %[2]s
Date: %[7]s
Message-ID: <%[1]s@%[3]s>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary=BB

--BB
Content-Type: text/plain; charset=utf-8

Hi Sam,

Thank you for applying to the Data Analyst role at %[2]s. We would like to invite
you to a video interview with me on %[8]s. The calendar invitation is attached.

Best,
%[4]s
--BB
Content-Type: text/calendar; method=REQUEST; charset=utf-8

BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
METHOD:REQUEST
BEGIN:VEVENT
UID:%[1]s
DTSTAMP:%[9]s
DTSTART:%[9]s
DTEND:%[10]s
SUMMARY:Interview: Data Analyst
ORGANIZER;CN=%[4]s:mailto:%[5]s@%[3]s
END:VEVENT
END:VCALENDAR
--BB--
`, id, company, domain, person, strings.ToLower(strings.Fields(person)[0]), me, rfc(sent),
		start.Format("Monday, January 2 at 3:04 PM MST"), ics(start), ics(start.Add(time.Hour))), "\n", "\r\n"))
}

func plain(from, to, subject, id, inReplyTo string, date time.Time, body string, extra ...string) []byte {
	h := fmt.Sprintf("From: %s\r\nTo: %s\r\nSubject: %s\r\nDate: %s\r\nMessage-ID: <%s>\r\n", from, to, subject, rfc(date), id)
	if inReplyTo != "" {
		h += fmt.Sprintf("In-Reply-To: <%s>\r\nReferences: <%s>\r\n", inReplyTo, inReplyTo)
	}
	for _, e := range extra {
		h += e + "\r\n"
	}
	return []byte(h + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + strings.ReplaceAll(body, "\n", "\r\n") + "\r\n")
}

// drafts lists inboxwatch's drafts on the server by application company.
func drafts(t *testing.T, srv *imaptest.Server) map[string]string {
	t.Helper()
	c := imaptest.Dial(t, srv)
	defer c.Close()
	sel, err := c.Select(imaptest.GmailDrafts, &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	if sel.NumMessages == 0 {
		return out
	}
	section := &imap.FetchItemBodySection{Specifier: imap.PartSpecifierHeader, HeaderFields: []string{digest.DraftHeader, "To", "Subject"}, Peek: true}
	bufs, err := c.Fetch(imap.SeqSet{imap.SeqRange{Start: 1, Stop: 0}}, &imap.FetchOptions{Flags: true, BodySection: []*imap.FetchItemBodySection{section}}).Collect()
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bufs {
		h := string(b.FindBodySection(section))
		if !strings.Contains(h, digest.DraftHeader) {
			continue
		}
		for _, d := range []string{"acme", "birch", "cobalt"} {
			if strings.Contains(h, d+".example") {
				out[d] = h
			}
		}
	}
	return out
}

func eventually(t *testing.T, within time.Duration, what string, cond func() bool, log func() string) {
	t.Helper()
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		if cond() {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("%s: not within %s\nlog:\n%s", what, within, log())
}

// With `run` watching and drafts on: due follow-ups appear in Drafts as
// replies in the right thread; an interviewer's reply removes the draft and
// the suggestion within seconds; an out-of-office reply moves the due date
// instead; the user's own follow-up in Sent marks it done.
func TestDraftsFollowTheConversation(t *testing.T) {
	srv := imaptest.StartDovecot(t)
	now := time.Now()
	sent := srv.SentMailbox
	// Acme: interview ended two hours ago, no thank-you yet.
	srv.AppendAt(t, "INBOX", invitation("inv-acme", "Acme Analytics", "acme.example", "Dana Whitfield", now.Add(-3*time.Hour), now.Add(-72*time.Hour)), now.Add(-72*time.Hour))
	// Birch and Cobalt: interview ten days ago, thank-you nine days ago, nothing since.
	for _, c := range []struct{ id, company, domain, person string }{
		{"inv-birch", "Birch Robotics", "birch.example", "Omar Haddad"},
		{"inv-cobalt", "Cobalt Freight", "cobalt.example", "Lena Park"},
	} {
		srv.AppendAt(t, "INBOX", invitation(c.id, c.company, c.domain, c.person, now.Add(-10*24*time.Hour), now.Add(-12*24*time.Hour)), now.Add(-12*24*time.Hour))
		first := strings.ToLower(strings.Fields(c.person)[0])
		srv.AppendAt(t, sent, plain("Sam Rivera <"+me+">", c.person+" <"+first+"@"+c.domain+">", "Re: Interview invitation: Data Analyst at "+c.company,
			"ty-"+c.id+"@example.com", c.id+"@"+c.domain, now.Add(-9*24*time.Hour),
			"Hi "+strings.Fields(c.person)[0]+",\n\nThank you for the conversation yesterday about the Data Analyst role.\n\nBest,\nSam"), now.Add(-9*24*time.Hour), imap.FlagSeen)
	}
	e := newEnv(t, srv, func(c *config.Config) { c.Drafts.Enabled = true })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- e.tr.Run(ctx) }()
	defer func() {
		cancel()
		<-done
	}()
	eventually(t, 20*time.Second, "a draft for each due follow-up", func() bool { return len(drafts(t, srv)) == 3 }, e.log.String)
	d := drafts(t, srv)
	if !strings.Contains(d["acme"], "inv-acme@acme.example") && !strings.Contains(d["acme"], "Re: Interview invitation") {
		t.Errorf("the thank-you draft does not continue the invitation's thread:\n%s", d["acme"])
	}
	due := func(company string) *policy.Suggestion {
		for name, o := range outcomes(t, e, time.Now()) {
			if strings.HasPrefix(name, company) {
				return o.Next
			}
		}
		return nil
	}
	if s := due("Acme"); s == nil || s.Kind != policy.ThankYou {
		t.Fatalf("Acme: next %+v, want a thank-you", s)
	}

	// The interviewer writes first: draft and suggestion go within 5 s.
	srv.Append(t, "INBOX", plain("Dana Whitfield <dana@acme.example>", me, "Re: Interview invitation: Data Analyst at Acme Analytics",
		"reply-acme@acme.example", "inv-acme@acme.example", time.Now(),
		"Hi Sam,\n\nThanks again for your time today. The team will meet on Monday and I will update you after that.\n\nDana"))
	start := time.Now()
	eventually(t, 5*time.Second, "the Acme draft removed after the interviewer's reply", func() bool { _, ok := drafts(t, srv)["acme"]; return !ok }, e.log.String)
	t.Logf("draft removed %s after the reply arrived", time.Since(start).Round(time.Millisecond))
	if s := due("Acme"); s != nil && !s.VisibleFrom.After(time.Now()) {
		t.Fatalf("Acme still has a due suggestion after the reply: %+v", s)
	}

	// Birch answers with an out-of-office: the due date moves past the return.
	back := time.Now().AddDate(0, 0, 6)
	srv.Append(t, "INBOX", plain("Omar Haddad <omar@birch.example>", me, "Automatic reply: Re: Interview invitation: Data Analyst at Birch Robotics",
		"ooo-birch@birch.example", "ty-inv-birch@example.com", time.Now(),
		"I am out of the office until "+back.Format("Monday, January 2")+" with no access to email. I will reply when I am back.",
		"Auto-Submitted: auto-replied", "X-Autoreply: yes"))
	eventually(t, 5*time.Second, "the Birch draft removed after the out-of-office reply", func() bool { _, ok := drafts(t, srv)["birch"]; return !ok }, e.log.String)
	if s := due("Birch"); s == nil || !s.Due.After(back.Add(-24*time.Hour)) {
		t.Fatalf("Birch: next %+v; want the check moved after the return on %s", s, back.Format(time.DateOnly))
	}

	// The user sends their own follow-up to Cobalt: the suggestion is done.
	srv.Append(t, sent, plain("Sam Rivera <"+me+">", "Lena Park <lena@cobalt.example>", "Following up: Data Analyst",
		"fu-cobalt@example.com", "ty-inv-cobalt@example.com", time.Now(),
		"Hi Lena,\n\nI wanted to follow up on the Data Analyst role. I remain very interested.\n\nBest,\nSam"), imap.FlagSeen)
	eventually(t, 5*time.Second, "the Cobalt draft removed after the user's own follow-up", func() bool { _, ok := drafts(t, srv)["cobalt"]; return !ok }, e.log.String)
	if s := due("Cobalt"); s != nil && !s.VisibleFrom.After(time.Now()) {
		t.Fatalf("Cobalt still due after the user's follow-up: %+v", s)
	}
}

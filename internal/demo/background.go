package demo

import (
	"fmt"
	"strings"
	"time"
)

// background files the mail that is not about Sam's applications but
// looks enough like it to keep a classifier honest: job alerts full of
// "apply" and "interview", a newsletter about offers, a recruiter's cold
// outreach, account mail from a careers site, friends, a bank and a
// parcel service.
func background(s *sample) {
	s.linkedInAlert(0, s.now.Add(-137*time.Minute))
	for i, days := range []int{-4, -8, -13, -19} {
		s.linkedInAlert(i+1, s.day(days, 7, 3+i))
	}
	for i, days := range []int{-2, -9, -16} {
		s.indeedAlert(i, s.day(days, 6, 40+i))
	}
	for i, days := range []int{-3, -10, -17} {
		s.newsletter(i, s.day(days, 8, 0))
	}

	s.add(&msg{
		key: "talentbridge/outreach", at: s.day(-5, 10, 22),
		from:    person{Name: "Dana Whitfield", Addr: "dana.whitfield@talentbridge.example"},
		subject: "Senior Go Engineer - Series B fintech (remote, US)",
		text: `Hi Sam,

I came across your profile and your open-source work on the Go retry library and thought you might be a fit for a role I'm working on with one of my clients, a Series B fintech building real-time fraud detection.

To be upfront: this is not a job offer, and I'm not asking you to apply to anything yet. It's just an introduction to see whether you'd be open to a 15-minute chat about the team. They're hiring two senior engineers, fully remote in the US, with a salary range of $170-200k plus equity. Interviews are four rounds and usually wrap up within two weeks.

If the timing isn't right, no worries at all, and feel free to ignore this.

Best,
Dana Whitfield
Principal Recruiter, TalentBridge Partners
`,
	})

	s.add(&msg{
		key: "civicledger/password-reset", at: s.day(-2, 7, 55),
		from:    person{Name: "Civic Ledger", Addr: "civicledger@myworkday.com"},
		subject: "Civic Ledger Careers: Password Reset Request",
		text: `Hello,

We received a request to reset the password for the Civic Ledger Careers account associated with sam.rivera@example.com.

To choose a new password, use the link below. The link expires in 24 hours.

https://civicledger.example/careers/reset?token=6QJ2-ZP8K-4M1T

If you did not request a password reset, you can ignore this message. Your password will not change.

This is an automated message from an unmonitored mailbox. Please do not reply.
`,
	})

	saturday := s.day(-9, 0, 0)
	for saturday.Weekday() != time.Saturday {
		saturday = saturday.AddDate(0, 0, 1)
	}
	jordan := s.add(&msg{
		key: "friends/jordan-saturday", at: s.day(-9, 19, 30),
		from:    person{Name: "Jordan Okafor", Addr: "jordan.okafor@mailbox.example"},
		subject: "saturday?",
		text: fmt.Sprintf(`hey! how did the interview go today?? I want the full story.

also: are you free %s? thinking tacos and then trivia at the Anchor. Mel's coming too.

J`, saturday.Format("Saturday (Jan 2)")),
	})
	s.reply(jordan, &msg{
		key: "friends/jordan-saturday-reply", at: s.day(-9, 21, 2), quote: true,
		text: `It went well, I think! Really nice team. Fingers crossed.

Saturday works, count me in. I'll bring my A game for the geography round.

S`,
	})

	ask := s.add(&msg{
		key: "friends/renee-reference", at: s.day(-7, 13, 0), box: sent, from: me,
		to:      []person{{Name: "Renee Gauthier", Addr: "renee.gauthier@postbox.example"}},
		subject: "Could I list you as a reference?",
		text: `Hi Renee,

Hope things are good in your new team! Quick favour: I'm at the reference stage for a role at a robotics company, and I'd love to list you as a former teammate. They'd probably call sometime this week.

Totally fine to say no if it's a bad time.

Thanks!
Sam`,
	})
	renee := person{Name: "Renée Gauthier", Addr: "renee.gauthier@postbox.example", latin1: true}
	reneeReply := &msg{
		key: "friends/renee-reference-reply", at: s.day(-7, 17, 32), from: renee, quote: true,
		text: `Hi Sam,

Bien sûr ! I'd be happy to be a reference. Give them my cell, (555) 014-2231. I'm in Montréal for a conference this week but I'll pick up.

Congrats on getting this far, that's a great sign. Tell me how it goes, et bonne chance !

Renée`,
	}
	s.reply(ask, reneeReply)
	reneeReply.body = ptr(quotedPrintable("text/plain; charset=ISO-8859-1", latin1(reneeReply.fullText())))

	statement := s.day(-6, 5, 30)
	bank := fmt.Sprintf(`Hello Sam,

Your %s statement for the checking account ending in 4417 is now available in Online Banking.

To view it, sign in at https://riverbend.example and go to Accounts > Statements & Documents.

For your security, we never include account details or attachments in email, and we will never ask for your password.

Riverbend Credit Union
Member Services: 1-800-555-0142
`, statement.AddDate(0, -1, 0).Format("January"))
	s.add(&msg{
		key: "riverbend/statement", at: statement,
		from:    person{Name: "Riverbend Credit Union", Addr: "statements@riverbend.example"},
		subject: "Your statement is ready to view",
		text:    bank,
		body:    ptr(alternative(plain(bank), html(htmlLetter("Riverbend Credit Union", bank)))),
	})

	parcel := person{Name: "Parcelway", Addr: "updates@parcelway.example"}
	s.add(&msg{
		key: "parcelway/shipped", at: s.day(-4, 14, 10), from: parcel,
		subject: "Your Hollis Home Goods order has shipped",
		text: fmt.Sprintf(`Good news! Your package from Hollis Home Goods is on its way.

Tracking number: PW7Q40381926US
Item: Adjustable desk lamp, matte black (1)
Estimated delivery: %s

Track your package: https://parcelway.example/t/PW7Q40381926US

Parcelway
`, weekdayDate(s.day(-2, 0, 0))),
	})
	s.add(&msg{
		key: "parcelway/delivered", at: s.day(-2, 12, 47), from: parcel,
		subject: "Delivered: your Hollis Home Goods package",
		text: `Your package was delivered today at 12:47 PM.

Tracking number: PW7Q40381926US
Left at: front door

Not what you expected? Report a problem at https://parcelway.example/help

Parcelway
`,
	})

	s.meetup(s.day(-3, 18, 0), onWeekday(s.day(6, 18, 30)))
}

// job is one listing in a job-alert email.
type job struct{ title, company, place, tag string }

var listings = []job{
	{"Senior Go Developer", "Copperleaf Bank", "Chicago, IL (Hybrid)", "Actively reviewing applicants"},
	{"Backend Engineer", "Pelican Freight", "Remote", "Be an early applicant"},
	{"Software Engineer, Platform", "Sundial Media", "Remote", "Easy Apply"},
	{"Software Engineer II, APIs", "Marigold Health", "Boston, MA", "Easy Apply"},
	{"Platform Engineer", "Vantage Point Labs", "Remote", "Actively reviewing applicants"},
	{"Site Reliability Engineer", "Bluebird Travel", "Remote", "Easy Apply"},
	{"Data Infrastructure Engineer", "Tallgrass Data", "Austin, TX", "Be an early applicant"},
	{"Senior Backend Engineer", "Cobalt & Rye", "New York, NY", "Actively reviewing applicants"},
	{"Server Engineer", "Ironwood Games", "Seattle, WA", "Easy Apply"},
	{"Software Engineer, Infrastructure", "Meadowlark", "Remote", "Be an early applicant"},
	{"Go Engineer", "Quarry Systems", "Remote", "Easy Apply"},
	{"Backend Developer", "Lighthouse Civic", "Remote", "Interviewing now"},
	{"Software Engineer, Fleet", "Junco Robotics", "Pittsburgh, PA", "Easy Apply"},
	{"Payments Engineer", "Polar Pay", "Remote", "Hiring multiple candidates"},
	{"Backend Engineer, Grid Software", "Fernway Energy", "Denver, CO", "Promoted"},
}

// alertJobs picks n listings for the i-th alert.
func alertJobs(i, n int) []job {
	out := make([]job, n)
	for j := range out {
		out[j] = listings[(i*4+j)%len(listings)]
	}
	return out
}

func (s *sample) linkedInAlert(i int, at time.Time) {
	jobs := alertJobs(i, 5)
	var b strings.Builder
	fmt.Fprintf(&b, "Your job alert for backend engineer in United States\n%d new jobs match your preferences.\n\n", 8+i*3)
	for j, jb := range jobs {
		fmt.Fprintf(&b, "%s\n%s\n%s\n%s\nView job: https://www.linkedin.com/comm/jobs/view/39%06d/\n\n", jb.title, jb.company, jb.place, jb.tag, 481207+i*97+j*13)
	}
	b.WriteString(`See all jobs: https://www.linkedin.com/comm/jobs/search/?keywords=backend%20engineer

Stand out to hiring teams: apply early, and practice common interview questions for backend engineer roles with Premium.

This email was intended for Sam Rivera (Backend Engineer). You are receiving Job Alert emails.
Manage your job alerts: https://www.linkedin.com/comm/jobs/alerts
Unsubscribe: https://www.linkedin.com/comm/psettings/email-unsubscribe
`)
	text := b.String()
	s.add(&msg{
		key: fmt.Sprintf("linkedin/alert-%d", i), at: at,
		from:    person{Name: "LinkedIn Job Alerts", Addr: "jobalerts-noreply@linkedin.com"},
		subject: fmt.Sprintf(`"backend engineer": %s - %s and %d more`, jobs[0].company, jobs[0].title, 7+i*3),
		header: []string{
			"List-Unsubscribe: <https://www.linkedin.com/comm/psettings/email-unsubscribe?lipi=alert" + fmt.Sprint(i) + ">",
			"List-Unsubscribe-Post: List-Unsubscribe=One-Click",
		},
		text: text,
		body: ptr(alternative(
			plain(text),
			quotedPrintable("text/html; charset=UTF-8", []byte(jobsHTML("Your job alert for backend engineer", jobs, "Apply"))),
		)),
	})
}

func (s *sample) indeedAlert(i int, at time.Time) {
	jobs := alertJobs(i+2, 4)
	var b strings.Builder
	b.WriteString("New jobs for golang developer in Remote\n\n")
	for _, jb := range jobs {
		fmt.Fprintf(&b, "%s\n%s - %s\n%s. Easily apply to this job.\n\n", jb.title, jb.company, jb.place, jb.tag)
	}
	b.WriteString(`See more jobs: https://www.indeed.com/jobs?q=golang+developer&l=Remote

Tip: employers who respond quickly are more likely to schedule an interview. Apply now to be among the first applicants.

You're receiving this because you created a job alert on Indeed. Unsubscribe: https://www.indeed.com/alert/unsubscribe
`)
	text := b.String()
	s.add(&msg{
		key: fmt.Sprintf("indeed/alert-%d", i), at: at,
		from:    person{Name: "Indeed", Addr: "alert@indeed.com"},
		subject: fmt.Sprintf("%s is hiring for %s + %d more golang developer jobs", jobs[0].company, jobs[0].title, 5+2*i),
		header: []string{
			"List-Unsubscribe: <https://www.indeed.com/alert/unsubscribe?id=gd" + fmt.Sprint(i) + ">",
			"Precedence: bulk",
		},
		text: text,
		body: ptr(alternative(plain(text), html(jobsHTML("New jobs for golang developer", jobs, "Easily apply")))),
	})
}

func jobsHTML(title string, jobs []job, action string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html><body style=\"font-family:Helvetica,Arial,sans-serif;color:#1d2226\">\n<h2 style=\"font-size:18px\">%s</h2>\n<table role=\"presentation\" width=\"100%%\">\n", escapeHTML(title))
	for _, jb := range jobs {
		fmt.Fprintf(&b, "<tr><td style=\"padding:12px 0;border-bottom:1px solid #e0e0e0\"><a href=\"#\" style=\"font-weight:bold;color:#0a66c2\">%s</a><br>%s &middot; %s<br><span style=\"color:#057642\">%s</span> &middot; <a href=\"#\">%s</a></td></tr>\n",
			escapeHTML(jb.title), escapeHTML(jb.company), escapeHTML(jb.place), escapeHTML(jb.tag), action)
	}
	b.WriteString("</table>\n<p style=\"font-size:12px;color:#666\">Get ready for your next interview: practice answers to the questions hiring managers ask most.</p>\n</body></html>\n")
	return b.String()
}

var issues = []struct{ title, lead string }{
	{"Interview loops that actually predict performance", "This week: why work-sample interviews beat puzzles, how three teams redesigned their loops, and a checklist for candidates preparing for a system design interview."},
	{"Offer negotiation for engineers, minus the awkwardness", "This week: what to ask before you accept an offer, how equity refreshers work, and why the first number is rarely the last."},
	{"Queues, retries and the art of giving up", "This week: backoff with jitter done right, dead-letter queues nobody reads, and a small tool for replaying failed jobs."},
}

func (s *sample) newsletter(i int, at time.Time) {
	issue := issues[i]
	number := 118 - i
	text := fmt.Sprintf(`BACKEND BRIEFING - Issue #%d

%s

%s

1. %s
Read more: https://backendbriefing.example/%d/1

2. Tooling corner: a profiler that fits in your CI
Read more: https://backendbriefing.example/%d/2

3. Jobs board: 14 new backend roles from our sponsors. Apply directly from the board.
https://backendbriefing.example/jobs

You're getting this because you subscribed to Backend Briefing.
Unsubscribe: https://backendbriefing.example/u/7f3a9c
`, number, issue.title, issue.lead, issue.title, number, number)
	s.add(&msg{
		key: fmt.Sprintf("backendbriefing/%d", number), at: at,
		from:    person{Name: "Backend Briefing", Addr: "hello@backendbriefing.example"},
		subject: fmt.Sprintf("Issue #%d: %s", number, issue.title),
		header: []string{
			"List-Id: Backend Briefing <weekly.backendbriefing.example>",
			"List-Unsubscribe: <mailto:unsubscribe@backendbriefing.example?subject=unsubscribe>, <https://backendbriefing.example/u/7f3a9c>",
			"List-Unsubscribe-Post: List-Unsubscribe=One-Click",
			"Precedence: list",
		},
		text: text,
		body: ptr(alternative(plain(text), html(htmlLetter("Backend Briefing #"+fmt.Sprint(number), text)))),
	})
}

// meetup files a community event invitation: a calendar part that is
// not an interview.
func (s *sample) meetup(sent, start time.Time) {
	org := person{Name: "Eastside Gophers", Addr: "events@gophers.example"}
	ev := event{
		uid: "gophers-night-" + start.Format("200601") + "@gophers.example", prodID: "-//Eastside Gophers//Events//EN",
		method: "PUBLISH", summary: "Gophers Night: profiling Go services",
		location: "Copper Kettle Co-working, 88 Mill Street", start: start, end: start.Add(150 * time.Minute),
		stamp: sent, organizer: org,
		description: "Two talks on profiling Go services in production, then pizza and a hiring corner.",
	}
	text := fmt.Sprintf(`Hi Gophers,

Our next meetup is on %s, doors at %s.

- "pprof in production without fear"
- "Reading flame graphs like a pro"

We'll end with the usual hiring corner: if your company is hiring, bring a one-minute pitch. If you're looking, come say hi!

Add it to your calendar with the attached invitation.

See you there,
Eastside Gophers
`, weekdayDate(start), clock(start))
	s.add(&msg{
		key: "gophers/night", at: sent, from: org,
		subject: "Invitation: " + ev.summary + " @ " + start.Format("Mon Jan 2, 2006 3:04pm"),
		header:  []string{"List-Id: Eastside Gophers <announce.gophers.example>"},
		text:    text,
		body:    ptr(alternative(plain(text), calendarPart(ev))),
	})
}

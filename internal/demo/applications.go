package demo

import (
	"fmt"
	"time"
)

// application is one company Sam applied to and the story its mail tells.
type application struct {
	company
	story func(s *sample, c company)
}

// applications lists the sample's job applications, one per situation the
// follow-up policy knows about. The comment on each story function says
// what the digest should show for it.
var applications = []application{
	{company{
		name: "Brightline Analytics", slug: "brightline", role: "Senior Backend Engineer",
		site: "https://brightline.example/careers", relay: greenhouse,
		recruiter:   person{Name: "Marcus Bell", Addr: "marcus.bell@brightline.example", Title: "Technical Recruiter"},
		interviewer: person{Name: "Priya Nandakumar", Addr: "priya.nandakumar@brightline.example", Title: "Engineering Manager, Ingestion"},
	}, thankYouDue},
	{company{
		name: "Northwind Logistics", slug: "northwind", role: "Platform Engineer",
		site: "https://northwind.example/jobs", relay: lever,
		recruiter:   person{Name: "Elena Petrova", Addr: "elena.petrova@northwind.example", Title: "Senior Recruiter"},
		interviewer: person{Name: "Tom Alvarez", Addr: "tom.alvarez@northwind.example", Title: "Director of Infrastructure"},
	}, firstCheckOverdue},
	{company{
		name: "Lumen Health", slug: "lumen", role: "Software Engineer, Patient Apps",
		site: "https://lumenhealth.example/careers", relay: direct,
		careers:     person{Name: "Lumen Health Careers", Addr: "careers@lumenhealth.example"},
		recruiter:   person{Name: "Aisha Rahman", Addr: "aisha.rahman@lumenhealth.example", Title: "Talent Partner"},
		interviewer: person{Name: "Daniel Cho", Addr: "daniel.cho@lumenhealth.example", Title: "Staff Engineer"},
	}, checkComingUp},
	{company{
		name: "Harbor & Pine", slug: "harborpine", role: "Site Reliability Engineer",
		site: "https://harborpine.example/careers", relay: direct,
		careers:     person{Name: "Harbor & Pine Talent", Addr: "talent@harborpine.example"},
		recruiter:   person{Name: "Grace Lindqvist", Addr: "grace.lindqvist@harborpine.example", Title: "Recruiting Lead"},
		interviewer: person{Name: "Omar Haddad", Addr: "omar.haddad@harborpine.example", Title: "SRE Manager"},
	}, waitingOnTimeline},
	{company{
		name: "Quillfeather", slug: "quillfeather", role: "Backend Engineer, Payments",
		site: "https://quillfeather.example/careers", relay: ashby,
		recruiter:   person{Name: "Nina Castellanos", Addr: "nina@quillfeather.example", Title: "Recruiter"},
		interviewer: person{Name: "Ben Okoro", Addr: "ben@quillfeather.example", Title: "Payments Tech Lead"},
	}, rejected},
	{company{
		name: "Tessellate Robotics", slug: "tessellate", role: "Senior Software Engineer, Fleet Platform",
		site: "https://tessellate.example/careers", relay: direct,
		careers:     person{Name: "Tessellate Robotics Recruiting", Addr: "jobs@tessellate.example"},
		recruiter:   person{Name: "Hannah Weiss", Addr: "hannah.weiss@tessellate.example", Title: "Senior Technical Recruiter"},
		interviewer: person{Name: "Luis Moreno", Addr: "luis.moreno@tessellate.example", Title: "Engineering Manager, Fleet Platform"},
	}, offered},
	{company{
		name: "Civic Ledger", slug: "civicledger", role: "Software Engineer II", req: "R-20417",
		site: "https://civicledger.example/careers", relay: workday,
	}, doNotContact},
	{company{
		name: "Orchard Labs", slug: "orchard", role: "Data Platform Engineer",
		site: "https://orchardlabs.example/jobs", relay: direct,
		careers:     person{Name: "Orchard Labs Recruiting", Addr: "recruiting@orchardlabs.example"},
		recruiter:   person{Name: "Chloe Ames", Addr: "chloe.ames@orchardlabs.example", Title: "Technical Recruiter"},
		interviewer: person{Name: "Raj Patel", Addr: "raj.patel@orchardlabs.example", Title: "Data Platform Lead"},
	}, finalCheckDue},
	{company{
		name: "Saltmarsh Games", slug: "saltmarsh", role: "Backend Engineer, Live Services",
		site: "https://saltmarsh.example/jobs", relay: lever,
		recruiter:   person{Name: "Theo Brandt", Addr: "theo.brandt@saltmarsh.example", Title: "Talent Acquisition Partner"},
		interviewer: person{Name: "Ingrid Sato", Addr: "ingrid.sato@saltmarsh.example", Title: "Lead Server Engineer"},
	}, replyRestartsClock},
	{company{
		name: "Kestrel Insurance", slug: "kestrel", role: "Software Engineer, Claims Platform",
		site: "https://kestrel.example/careers", relay: direct,
		careers:     person{Name: "Kestrel Careers", Addr: "careers@kestrel.example"},
		recruiter:   person{Name: "Olivia Brennan", Addr: "olivia.brennan@kestrel.example", Title: "Recruiter"},
		interviewer: person{Name: "Sunil Mehta", Addr: "sunil.mehta@kestrel.example", Title: "Principal Engineer"},
	}, outOfOffice},
	{company{
		name: "Fernway Energy", slug: "fernway", role: "Backend Engineer, Grid Software",
		site: "https://fernway.example/careers", relay: greenhouse,
		recruiter: person{Name: "Fernway Recruiting", Addr: "recruiting@fernway.example"},
	}, appliedOnly(-3, 11, 48)},
	{company{
		name: "Ridgeback Security", slug: "ridgeback", role: "Go Engineer, Detection Pipeline",
		site: "https://ridgeback.example/careers", relay: lever,
		recruiter: person{Name: "Ridgeback Talent", Addr: "talent@ridgeback.example"},
	}, appliedOnly(-2, 15, 31)},
	{company{
		name: "Sundial Media", slug: "sundial", role: "Software Engineer, Platform",
		site: "https://sundial.example/careers", relay: ashby,
		recruiter: person{Name: "Sundial Recruiting", Addr: "recruiting@sundial.example"},
	}, appliedOnly(-1, 9, 12)},
}

// thankYouDue: an interview that ended about three hours ago, with no
// thank-you note yet. Expected: thank-you note due now.
func thankYouDue(s *sample, c company) {
	end := s.now.Add(-3 * time.Hour).Truncate(15 * time.Minute)
	start := end.Add(-time.Hour)

	s.ack(c, s.day(-21, 10, 14))
	from, replyTo := c.relayed(c.recruiter)
	next := s.add(&msg{
		key: c.key("next-steps"), at: s.day(-8, 13, 2), from: from, replyTo: replyTo,
		subject: "Brightline Analytics - next steps for Senior Backend Engineer",
		text: `Hi Sam,

Thanks again for making time for our call last week. I shared my notes with the hiring team and they'd like to move you forward to a technical interview with Priya Nandakumar, who manages our ingestion team.

It's a 60-minute video call: roughly half of it on a system you've built and know well, and the rest on a design problem close to what the team works on every day. Nothing to prepare in advance.

Could you send me a few times that work for you over the next week or so? I'll get the invite out as soon as I hear back.

Thanks,
Marcus

Marcus Bell | Technical Recruiter | Brightline Analytics
`,
	})
	s.reply(next, &msg{
		key: c.key("availability"), at: s.day(-8, 18, 40), quote: true,
		text: fmt.Sprintf(`Hi Marcus,

That's great news, thank you! I'm free all day on %s, and %s is wide open too.

Looking forward to meeting Priya.

Best,
Sam`, weekdayDate(start), weekdayDate(start.AddDate(0, 0, 1))),
	})
	s.invite(c, interview{
		key: c.key("invitation"), sent: s.day(-7, 9, 30),
		start: start, length: time.Hour, kind: "Technical interview",
		organizer: c.interviewer, panel: []person{c.recruiter},
		where:    "Video call: https://meet.brightline.example/pn-sbe-rivera",
		note:     "Looking forward to talking with you! We'll spend most of the hour on system design, so have a notepad or a whiteboard app handy. - Priya",
		calendar: true, html: true,
	})
	s.add(&msg{
		key: c.key("reminder"), at: start.Add(-20 * time.Hour),
		from: person{Name: c.name, Addr: "no-reply@us.greenhouse-mail.io"}, replyTo: &c.recruiter,
		subject: "Reminder: your interview with Brightline Analytics",
		text: fmt.Sprintf(`Hi Sam,

This is a friendly reminder that your Technical interview for the Senior Backend Engineer role is scheduled for %s (60 minutes) with Priya Nandakumar.

Join the video call here: https://meet.brightline.example/pn-sbe-rivera

If you need to reschedule, reply to this email and Marcus Bell will help you find another time.

Good luck!
The Brightline Analytics Recruiting Team
`, when(start)),
	})
}

// firstCheckOverdue: interview nine days ago, thank-you eight days ago,
// silence since. Expected: first status check due, about a day overdue.
func firstCheckOverdue(s *sample, c company) {
	start := s.day(-9, 15, 0)
	s.ack(c, s.day(-27, 20, 41))
	intro := s.add(&msg{
		key: c.key("intro"), at: s.day(-15, 11, 20), from: c.recruiter,
		subject: "Platform Engineer at Northwind Logistics",
		text: fmt.Sprintf(`Hi Sam,

I'm a recruiter on the infrastructure team at Northwind Logistics. Your application for the Platform Engineer role stood out to us, especially the work you did moving your team's build pipelines onto Kubernetes.

The next step would be a one-hour conversation with Tom Alvarez, our Director of Infrastructure. Would any of these times work for you?

- %s
- %s
- %s

If none of those fit, send me a couple of options and I'll make it work.

Best,
%s
`, when(start), when(s.day(-8, 10, 0)), when(s.day(-7, 13, 0)), c.recruiter.signature(c.name)),
	})
	s.reply(intro, &msg{
		key: c.key("times"), at: s.day(-15, 14, 5), quote: true,
		text: fmt.Sprintf(`Hi Elena,

Thanks for reaching out! %s works well for me. Looking forward to meeting Tom.

Best regards,
Sam Rivera`, when(start)),
	})
	inv := s.invite(c, interview{
		key: c.key("invitation"), sent: s.day(-14, 10, 0),
		start: start, length: time.Hour, kind: "Interview",
		organizer: c.interviewer, panel: []person{c.recruiter},
		where:    "Video call: https://northwind.example/meet/tom-alvarez",
		note:     "Elena passed along your details. I'd like to hear about the platform work you've done and tell you about where we're taking ours.",
		calendar: true,
	})
	s.thankYou(c, inv, s.day(-8, 9, 5), `Hi Tom,

Thank you for taking the time to talk with me yesterday about the Platform Engineer role. I really enjoyed hearing how the team is consolidating the regional clusters, and our conversation about making deploys boring in the best sense stuck with me afterwards.

I'm very interested in the role and would be glad to share anything else that would help.

Best regards,
Sam Rivera`, c.recruiter)
}

// checkComingUp: interview four days ago, thank-you the same evening.
// Expected: status check coming up in three days.
func checkComingUp(s *sample, c company) {
	start := s.day(-4, 11, 0)
	s.ack(c, s.day(-18, 8, 12))
	ask := s.add(&msg{
		key: c.key("availability"), at: s.day(-9, 16, 45), from: c.recruiter,
		subject: "Interview availability - Software Engineer, Patient Apps",
		text: fmt.Sprintf(`Hi Sam,

Thanks for applying to Lumen Health! I'd love to set up a technical interview with Daniel Cho, one of the staff engineers on our patient apps team. It's an hour long, on video, and mostly a conversation about how you'd build and test a feature end to end.

Are you free %s at 11:00 AM? If not, let me know what works better.

Thanks,
%s
`, weekdayDate(start), c.recruiter.signature(c.name)),
	})
	s.reply(ask, &msg{
		key: c.key("confirm"), at: s.day(-9, 19, 10), quote: true,
		text: fmt.Sprintf(`Hi Aisha,

%s at 11:00 AM is perfect. Thank you!

Sam`, weekdayDate(start)),
	})
	inv := s.invite(c, interview{
		key: c.key("invitation"), sent: s.day(-8, 10, 15),
		start: start, length: time.Hour, kind: "Technical interview",
		organizer: c.recruiter, panel: []person{c.interviewer},
		where: "Zoom: https://lumenhealth.example/zoom/482-117-903",
		note:  "You're all set for your technical interview with Daniel. Here are the details:",
	})
	s.thankYou(c, inv, s.day(-4, 17, 40), `Hi Aisha,

Thank you for setting up today's interview. I really enjoyed talking with Daniel about the medication reminder flow and how the team tests against flaky device clocks. Could you please pass along my thanks to him?

I came away even more excited about the Patient Apps team. Please let me know if there's anything else you need from me.

Best,
Sam`)
}

// waitingOnTimeline: after the interview the recruiter gave a decision
// date three days from now. Expected: waiting, nothing before that date.
func waitingOnTimeline(s *sample, c company) {
	start := s.day(-6, 13, 30)
	s.ack(c, s.day(-24, 12, 30))
	inv := s.invite(c, interview{
		key: c.key("invitation"), sent: s.day(-11, 14, 0),
		start: start, length: 90 * time.Minute, kind: "Panel interview",
		organizer: c.recruiter, panel: []person{c.interviewer, {Name: "Wen Li", Addr: "wen.li@harborpine.example", Title: "Senior SRE"}},
		where: "Harbor & Pine, 400 Wharf Street, 3rd floor (ask for Grace at reception)",
		note:  "Thanks for your patience while we lined up the panel. You'll meet Omar and Wen for a 90-minute session: an incident walkthrough, then a chat about on-call and observability.",
	})
	ty := s.thankYou(c, inv, s.day(-6, 19, 15), `Hi Grace,

Thank you for organizing this afternoon's panel, and for the warm welcome at the office. Walking through a real incident with Omar and Wen was the most fun I've had in an interview in a while.

I'm very interested in the SRE role and happy to provide anything else that would be useful.

Best regards,
Sam`)
	s.reply(ty, &msg{
		key: c.key("timeline"), at: s.day(-2, 10, 5), from: c.recruiter, quote: true,
		text: fmt.Sprintf(`Hi Sam,

Thanks so much for the kind note, and sorry for the slow reply! The panel enjoyed meeting you too.

We're finishing the last interviews for this role this week and expect to make a decision by %s. I'll get back to you by then either way.

Best,
Grace`, weekdayDate(s.day(3, 0, 0))),
	})
}

// rejected: an interview, a thank-you, then a kind no.
// Expected: stopped, rejected.
func rejected(s *sample, c company) {
	start := s.day(-12, 10, 0)
	s.ack(c, s.day(-30, 21, 3))
	hello := s.add(&msg{
		key: c.key("hello"), at: s.day(-20, 9, 40), from: c.recruiter,
		subject: "Quillfeather: Backend Engineer, Payments - next step",
		text: fmt.Sprintf(`Hi Sam,

I'm Nina, one of the recruiters here at Quillfeather. The payments team read through your application and would love to pair with you on a short exercise: 90 minutes with Ben Okoro, our payments tech lead, working on a small piece of a ledger service together. No leetcode, promise.

Would %s at 10:00 AM work?

Nina
`, weekdayDate(start)),
	})
	s.reply(hello, &msg{
		key: c.key("yes"), at: s.day(-20, 12, 15), quote: true,
		text: `Hi Nina,

That sounds great, and yes, that time works for me. Thanks!

Sam`,
	})
	inv := s.invite(c, interview{
		key: c.key("invitation"), sent: s.day(-19, 15, 30),
		start: start, length: 90 * time.Minute, kind: "Pairing interview",
		organizer: c.interviewer, panel: []person{c.recruiter},
		where:    "https://quillfeather.example/pair/ben-okoro",
		note:     "Bring your usual editor setup; we'll share a repo at the start.",
		calendar: true,
	})
	s.thankYou(c, inv, s.day(-12, 16, 20), `Hi Ben,

Thanks for pairing with me this morning. I enjoyed working through the refund flow with you, and your point about idempotency keys being a product decision as much as a technical one has stayed with me.

I'd be excited to join the payments team.

Best,
Sam`, c.recruiter)
	s.add(&msg{
		key: c.key("decision"), at: s.day(-3, 15, 10), from: c.recruiter,
		subject: "Your application to Quillfeather",
		text: `Hi Sam,

Thank you again for the time you spent with us, and for being so patient while we worked through our process. Ben and the payments team really enjoyed the pairing session, and your questions about idempotency came up more than once in the debrief.

This was a genuinely hard call, but we've decided to move forward with another candidate whose background lines up a little more closely with what the team needs right now. I know that's disappointing to hear after getting this far.

We'd love to stay in touch. If a role opens up that fits you, I'll reach out directly, and please don't hesitate to apply again in the future.

Wishing you all the best with your search,
Nina
`,
	})
}

// offered: a recruiter screen, a virtual onsite, references, then an
// offer letter attached as a PDF. Expected: offered.
func offered(s *sample, c company) {
	s.ack(c, s.day(-36, 9, 0))
	s.invite(c, interview{
		key: c.key("screen"), sent: s.day(-29, 11, 0),
		start: s.day(-25, 14, 0), length: 30 * time.Minute, kind: "Recruiter screen",
		organizer: c.recruiter,
		where:     "Phone: Hannah will call you at the number on your application",
		note:      "Thanks for applying! Let's start with a quick 30-minute call so I can tell you about the Fleet Platform team and hear what you're looking for.",
	})
	onsite := s.invite(c, interview{
		key: c.key("onsite"), sent: s.day(-18, 10, 30),
		start: s.day(-10, 10, 0), length: 4 * time.Hour, kind: "Virtual onsite",
		organizer: c.recruiter, panel: []person{
			c.interviewer,
			{Name: "Keiko Tanaka", Addr: "keiko.tanaka@tessellate.example", Title: "Staff Engineer"},
			{Name: "Ravi Shah", Addr: "ravi.shah@tessellate.example", Title: "Senior Software Engineer"},
		},
		where:    "Google Meet: https://tessellate.example/meet/onsite-rivera",
		note:     "Great news: the team would like to invite you to the virtual onsite! It's four sessions with short breaks in between: architecture, coding, a project deep dive, and a conversation with Luis about the team.",
		calendar: true, html: true,
	})
	ty := s.thankYou(c, onsite, s.day(-10, 18, 30), `Hi Hannah,

Thank you for putting today together, it ran like clockwork. I enjoyed every session, especially the architecture discussion with Keiko about routing telemetry from thousands of robots with spotty connections.

Please pass along my thanks to Luis, Keiko and Ravi. I'm really excited about the Fleet Platform team.

Best,
Sam`)
	refs := s.reply(ty, &msg{
		key: c.key("references"), at: s.day(-7, 11, 0), from: c.recruiter, quote: true,
		text: `Hi Sam,

The team loved talking with you! As a next step, could you send me the names and contact details of two professional references? Ideally one manager and one peer.

Thanks,
Hannah`,
	})
	s.reply(refs, &msg{
		key: c.key("references-sent"), at: s.day(-6, 9, 15),
		text: `Hi Hannah,

Wonderful to hear, thank you! Here are my references:

- Dana Kowalski, my manager at Quay Systems: dana.kowalski@quaysystems.example, (555) 014-7720
- Renee Gauthier, former teammate at Quay Systems: renee.gauthier@postbox.example, (555) 014-2231

Both know to expect a call.

Best,
Sam`,
	})

	startDate, deadline := onWeekday(s.day(30, 0, 0)), onWeekday(s.day(6, 0, 0))
	letter := letterPDF([]string{
		"Tessellate Robotics, Inc.",
		"1200 Foundry Way, Suite 500",
		"",
		s.day(-1, 0, 0).Format("January 2, 2006"),
		"",
		"Dear Sam Rivera,",
		"",
		"We are delighted to offer you the position of Senior Software Engineer,",
		"Fleet Platform, reporting to Luis Moreno, Engineering Manager.",
		"",
		"Base salary: $184,000 per year, paid semi-monthly.",
		"Equity: 9,000 restricted stock units vesting over four years.",
		"Sign-on bonus: $15,000, payable with your first paycheck.",
		"Proposed start date: " + startDate.Format("January 2, 2006") + ".",
		"",
		"This offer remains open until " + deadline.Format("January 2, 2006") + ".",
		"To accept, please sign and return this letter.",
		"",
		"We are excited to have you join us.",
		"",
		"Hannah Weiss, Senior Technical Recruiter",
		"on behalf of Tessellate Robotics, Inc.",
	})
	text := fmt.Sprintf(`Hi Sam,

I'm so happy to be writing this: on behalf of the whole Fleet Platform team, I'd like to offer you the position of Senior Software Engineer at Tessellate Robotics!

Your offer letter is attached. The highlights:

- Base salary: $184,000 per year
- Equity: 9,000 RSUs vesting over four years
- Sign-on bonus: $15,000
- Start date: %s, or another date that works better for you

Take the time you need to look it over. The offer is open until %s, and I'm happy to set up a call with Luis if you have any questions about the team or the role.

Congratulations!
Hannah
`, weekdayDate(startDate), weekdayDate(deadline))
	s.add(&msg{
		key: c.key("offer"), at: s.day(-1, 16, 30), from: c.recruiter,
		subject: "Your offer from Tessellate Robotics",
		text:    text,
		body:    ptr(mixed(plain(text), attachment(base64Part("application/pdf", letter), "Tessellate_Offer_Letter_Sam_Rivera.pdf"))),
		flags:   []string{`\Flagged`},
	})
}

// doNotContact: the acknowledgement asks applicants not to ask about
// their status. Expected: applied, no follow-up suggested.
func doNotContact(s *sample, c company) {
	s.ack(c, s.day(-5, 22, 47))
}

// finalCheckDue: interview fifteen days ago, thank-you the next morning,
// a status check a week later, and nothing since. Expected: final
// status check due today.
func finalCheckDue(s *sample, c company) {
	start := s.day(-15, 14, 0)
	s.ack(c, s.day(-28, 10, 30))
	inv := s.invite(c, interview{
		key: c.key("invitation"), sent: s.day(-19, 13, 0),
		start: start, length: time.Hour, kind: "Technical interview",
		organizer: c.recruiter, panel: []person{c.interviewer},
		where: "Video call: https://orchardlabs.example/v/raj-patel",
		note:  "Thanks for sending over your availability. I've booked your technical interview with Raj Patel, who leads our data platform team.",
	})
	ty := s.thankYou(c, inv, s.day(-14, 8, 50), `Hi Chloe,

Thank you for arranging yesterday's interview with Raj. I enjoyed our conversation about moving the batch pipelines to streaming without breaking the finance team's month-end reports. It sounds like a problem I'd love to work on.

Please let me know if there's anything else I can send over.

Best regards,
Sam Rivera`)
	s.statusCheck(c, "check-in", ty, s.day(-7, 8, 30), `Hi Chloe,

I hope your week is going well. I wanted to check in on the Data Platform Engineer role: is there any update on next steps, or anything else you need from me?

I'm still very interested in joining Orchard Labs.

Best,
Sam`)
}

// replyRestartsClock: a thank-you went unanswered for a week, then the
// recruiter replied yesterday. Expected: reply arrived, next check a
// week after it.
func replyRestartsClock(s *sample, c company) {
	start := s.day(-8, 16, 0)
	s.ack(c, s.day(-25, 19, 20))
	inv := s.invite(c, interview{
		key: c.key("invitation"), sent: s.day(-13, 9, 15),
		start: start, length: time.Hour, kind: "Technical interview",
		organizer: c.recruiter, panel: []person{c.interviewer},
		where: "https://saltmarsh.example/meet/live-services",
		note:  "We'd love for you to meet Ingrid Sato, who leads the server team behind our live events. Expect a friendly technical conversation about matchmaking, queues and the occasional thundering herd.",
	})
	ty := s.thankYou(c, inv, s.day(-8, 20, 10), `Hi Theo,

Thanks for setting up this afternoon's conversation with Ingrid. I had a great time digging into how you handle the rush when a new season launches, and I'd love to help build that.

Please let me know if there's anything else I can provide.

Best,
Sam`)
	thursday := s.day(0, 0, 0) // the first Thursday after the reply
	for thursday.Weekday() != time.Thursday {
		thursday = thursday.AddDate(0, 0, 1)
	}
	s.reply(ty, &msg{
		key: c.key("update"), at: s.day(-1, 11, 25), from: c.recruiter, quote: true,
		text: fmt.Sprintf(`Hi Sam,

Thanks for the note, and apologies for going quiet, it's been a busy stretch with the season launch. Ingrid enjoyed your conversation.

The team is meeting on Thursday (%s) to go over the final candidates. I'll update you after that.

Cheers,
Theo`, thursday.Format("January 2")),
	})
}

// outOfOffice: the status check sent two days ago got an automatic
// out-of-office reply. Expected: follow-up moved to after the return date.
func outOfOffice(s *sample, c company) {
	start := s.day(-10, 16, 0)
	s.ack(c, s.day(-26, 14, 0))
	inv := s.invite(c, interview{
		key: c.key("invitation"), sent: s.day(-15, 10, 40),
		start: start, length: time.Hour, kind: "Technical interview",
		organizer: c.recruiter, panel: []person{c.interviewer},
		where: "Microsoft Teams: https://kestrel.example/teams/claims-interview",
		note:  "Thank you for your interest in Kestrel Insurance. I'm pleased to confirm your technical interview with Sunil Mehta, Principal Engineer on the Claims Platform team.",
	})
	ty := s.thankYou(c, inv, s.day(-9, 8, 30), `Dear Olivia,

Thank you for arranging my interview with Sunil yesterday. I appreciated the chance to learn how the Claims Platform team is breaking up the legacy adjudication system, and I enjoyed our discussion of event sourcing for claim histories.

Please let me know if I can provide anything further.

Kind regards,
Sam Rivera`)
	check := s.statusCheck(c, "check-in", ty, s.day(-2, 9, 15), `Dear Olivia,

I hope you're well. I'm writing to follow up on my interview for the Software Engineer, Claims Platform position. Do you have any update on the timeline for next steps?

Thank you again for your help.

Kind regards,
Sam Rivera`)
	back := s.day(4, 0, 0)
	s.reply(check, &msg{
		key: c.key("auto-reply"), at: check.at.Add(48 * time.Second), from: c.recruiter,
		subject: "Automatic reply: " + check.subject,
		header:  []string{"Auto-Submitted: auto-replied", "X-Auto-Response-Suppress: All"},
		text: fmt.Sprintf(`Thank you for your message. I am out of the office with limited access to email and will be back on %s.

For urgent recruiting matters, please contact talent@kestrel.example.

Olivia Brennan
Recruiter, Kestrel Insurance
`, weekdayDate(back)),
	})
}

// appliedOnly: an application with nothing but the automatic
// acknowledgement. Expected: applied, no follow-up before an interview.
func appliedOnly(days, hour, minute int) func(*sample, company) {
	return func(s *sample, c company) {
		s.ack(c, s.day(days, hour, minute))
	}
}

package tracker_test

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"github.com/inboxwatch/inboxwatch/internal/config"
	"github.com/inboxwatch/inboxwatch/internal/digest"
	"github.com/inboxwatch/inboxwatch/internal/imaptest"
	"github.com/inboxwatch/inboxwatch/internal/imapwatch"
	"github.com/inboxwatch/inboxwatch/internal/policy"
	"github.com/inboxwatch/inboxwatch/internal/state"
	"github.com/inboxwatch/inboxwatch/internal/tracker"
)

// The scenarios below play the follow-up policy out end to end, one row of
// its table (or one trap) at a time: a mailbox of real messages on an IMAP
// server (INBOX and the server's Sent folder), inboxwatch syncing it with a
// fixed clock, and what Sam would see at chosen moments: the application's
// state, the follow-up pending and its due time, the digest section that
// lists it, and the draft it offers. Sam lives in New York; the dates are
// chosen to cross weekends, the clock changes of 8 March and 1 November
// 2026 and the year-end quiet period.

// scenario is one row of the follow-up policy, or one of its traps, played
// out on a mailbox of real messages.
type scenario struct {
	name string
	run  func(t *testing.T, srv *imaptest.Server)
}

// The policy table, row by row, each on the in-process server.
func TestScenarioPolicyTable(t *testing.T) {
	for _, sc := range policyTable() {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			sc.run(t, imaptest.StartMemory(t))
		})
	}
}

// A few rows again on a real Dovecot, where Sent is "[Gmail]/Sent Mail" and
// the drafts land in "[Gmail]/Drafts".
func TestScenarioOnDovecot(t *testing.T) {
	want := []string{
		"thank-you/shown from the interview's end, due 24 h later, worth sending for 48 h",
		"auto-reply/is not a reply, and moves the status check past the return date",
		"calendar/the quiet period from 24 December to 1 January",
	}
	table := policyTable()
	for _, name := range want {
		i := slices.IndexFunc(table, func(sc scenario) bool { return sc.name == name })
		if i < 0 {
			t.Fatalf("no scenario %q", name)
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			table[i].run(t, imaptest.StartDovecot(t))
		})
	}
}

func policyTable() []scenario {
	return []scenario{
		{"thank-you/shown from the interview's end, due 24 h later, worth sending for 48 h", thankYouDueADayAfter},
		{"thank-you/an interview without an end is taken to last an hour", thankYouWithoutEnd},
		{"thank-you/a confirmation with the role between 'interview' and 'confirmed' is read as one", thankYouConfirmationNamingTheRole},
		{"thank-you/not suggested once Sam wrote after the interview", thankYouAlreadySent},
		{"thank-you/through a hiring system it goes to the interviewer's own address", thankYouThroughRelay},
		{"first status check/a week after the thank-you", statusCheckAfterThankYou},
		{"first status check/a week after the interview when no thank-you went out", statusCheckWithoutThankYou},
		{"timeline given/nothing before the stated day, due 2 business days after it", timelineGiven},
		{"timeline given/a day written with its weekday, 'by Friday, March 20'", timelineWithWeekday},
		{"second status check/a week after the first, as the last one", secondStatusCheck},
		{"at most/two status checks, then gone quiet", atMostTwoChecks},
		{"a reply arrives/cancels what was pending and restarts the clock", replyRestartsTheClock},
		{"a reply arrives/with a decision day, waits for it", replyWithTimeline},
		{"a reply arrives/from the recruiter, when the invitation's subject is led by the job title", subjectLedByTheRole},
		{"a reply arrives/read on the first scan, in the same pass as the invitation", replyReadOnTheFirstScan},
		{"stop for good/rejected", stopRejected},
		{"stop for good/offered", stopOffered},
		{"stop for good/withdrawn", stopWithdrawn},
		{"stop for good/asked not to follow up, in the acknowledgement", stopNoFollowUpAcknowledgement},
		{"stop for good/asked not to follow up, after the interview", stopNoFollowUpAfterInterview},
		{"stop for good/ignored, whatever mail comes later", stopIgnored},
		{"auto-reply/is not a reply, and moves the status check past the return date", autoReplyMovesTheCheck},
		{"auto-reply/never brings a due date forward", autoReplyNeverBringsItForward},
		{"calendar/a due date on Saturday moves to Monday", calendarWeekend},
		{"calendar/a thank-you due on Saturday moves to Monday and stays worth sending all Monday", calendarThankYouOffTheWeekend},
		{"calendar/the quiet period from 24 December to 1 January", calendarQuietPeriod},
		{"calendar/a week keeps its wall-clock time when daylight saving ends", calendarDaylightSavingEnds},
		{"before any interview/no suggestions by default", beforeInterviewNothing},
		{"before any interview/one status check 14 days after applying when enabled", beforeInterviewOneCheck},
		{"before any interview/Sam's follow-up to his own application email, read on the first scan", ownFollowUpReadOnTheFirstScan},
		{"offer/a rejection never overwrites an offer", offerSurvivesARejection},
		{"closed/stays closed after a friendly exchange in the invitation's thread", closedStaysClosed},
		{"closed/reopens on a new interview invitation", reopenOnNewInvitation},
		{"corrections/a mark holds against a later invitation, until Sam undoes it", correctionMarkHolds},
		{"corrections/a snooze holds against later mail", correctionSnoozeHolds},
	}
}

// Larkspur Analytics: Priya Natarajan interviews Sam herself on Tuesday
// 3 March 2026, 14:00 to 15:00; Sam confirmed the slot beforehand and has
// written nothing since.
func thankYouDueADayAfter(t *testing.T, srv *imaptest.Server) {
	priya := person{"Priya Natarajan", "priya.natarajan@larkspur.example"}
	inv := invite{msg: msg{from: priya, to: sam, at: on("2026-02-26 11:20"), id: "CAL.8841.2026@larkspur.example",
		subject: "Interview invitation: Senior Data Analyst at Larkspur Analytics", body: `
Hi Sam,

Thanks for your application for the Senior Data Analyst role at Larkspur Analytics. I'd like to invite you to a video interview with me and Tom Becker from our analytics team on Tuesday, March 3 at 2:00 PM Eastern. We have an hour booked; the calendar invitation with the video link is attached.

Looking forward to speaking with you,
Priya Natarajan
Analytics Manager, Larkspur Analytics
`}, start: on("2026-03-03 14:00"), end: on("2026-03-03 15:00"), title: "Interview: Sam Rivera / Senior Data Analyst", where: "https://meet.larkspur.example/ana-4471"}.letter()
	confirm := msg{from: sam, to: priya, at: on("2026-02-26 12:02"), id: "c1e0a7.confirm@example.com", re: &inv,
		subject: "Re: Interview invitation: Senior Data Analyst at Larkspur Analytics", body: `
Hi Priya,

Tuesday at 2 works well for me. Thank you, I look forward to meeting you and Tom.

Best,
Sam
`}.letter()
	s := newStory(t, srv, on("2026-03-06 09:00"))
	s.deliver(inv, confirm)
	s.syncAt(on("2026-03-06 09:00"))

	// While the interview is on there is nothing to send.
	s.check("Larkspur", "2026-03-03 14:30", expect{state: policy.Interviewing})
	s.inDigest("Larkspur", "2026-03-03 14:30", "")
	// From its end the thank-you is listed as due: due Wednesday 15:00,
	// worth sending until Thursday 15:00. Sam's note before the interview
	// was not a thank-you.
	thanks := expect{state: policy.AwaitingReply, next: policy.ThankYou, due: "2026-03-04 15:00", shown: "2026-03-03 15:00", expires: "2026-03-05 15:00"}
	s.check("Larkspur", "2026-03-03 15:00", thanks)
	s.inDigest("Larkspur", "2026-03-03 15:00", "due")
	s.check("Larkspur", "2026-03-05 14:59", thanks)
	d := s.draft("Larkspur", "2026-03-04 08:00")
	s.threads(d, inv, priya)
	if !strings.HasPrefix(d.Body, "Hi Priya,") || !strings.Contains(d.Body, "speak with me on Tuesday") {
		t.Errorf("the thank-you draft does not thank Priya for Tuesday:\n%s", d.Body)
	}
	// 48 hours after the end it is too late; the status check takes over,
	// a week after the interview and still at 15:00 although the clocks
	// went forward on Sunday 8 March.
	s.check("Larkspur", "2026-03-05 15:00", expect{state: policy.AwaitingReply, next: policy.StatusCheck, due: "2026-03-10 15:00", shown: "2026-03-10 15:00"})
	s.inDigest("Larkspur", "2026-03-05 15:00", "upcoming")

	// The draft filed into Drafts answers the invitation, to Priya.
	h := s.draftsOnServer(on("2026-03-04 08:00"))["larkspur.example"]
	if !strings.Contains(h, "In-Reply-To: <"+inv.id+">") || !strings.Contains(h, priya.addr) {
		t.Errorf("the thank-you draft in %s does not answer the invitation, to Priya:\n%s", srv.Kind, h)
	}
}

// Quarry Lane Health: the recruiter confirms the interview in plain words,
// "Thursday, March 5 at 10:00 AM ET", with no calendar and no end.
func quarryLane(t *testing.T, srv *imaptest.Server, confirmation string) {
	elena := person{"Elena Ruiz", "elena.ruiz@quarrylane.example"}
	confirm := msg{from: elena, to: sam, at: on("2026-03-02 16:40"), id: "20260302214012.77310@quarrylane.example",
		subject: "Your interview with Quarry Lane Health on Thursday", body: `
Hi Sam,

Thank you for sending over your availability. ` + confirmation + ` You will meet Dr. Ken Okafor, our engineering lead, on Zoom: https://zoom.example/j/5551234

Please let me know if anything changes.

Best regards,
Elena Ruiz
Talent Partner, Quarry Lane Health
`}.letter()
	s := newStory(t, srv, on("2026-03-09 09:00"))
	s.deliver(confirm)
	s.syncAt(on("2026-03-09 09:00"))

	s.check("Quarry Lane", "2026-03-05 10:59", expect{state: policy.Interviewing})
	s.check("Quarry Lane", "2026-03-05 11:00", expect{state: policy.AwaitingReply, next: policy.ThankYou,
		shown: "2026-03-05 11:00", due: "2026-03-06 11:00", expires: "2026-03-07 11:00"})
	s.threads(s.draft("Quarry Lane", "2026-03-05 11:00"), confirm, elena)
}

func thankYouWithoutEnd(t *testing.T, srv *imaptest.Server) {
	quarryLane(t, srv, "I'm glad to confirm your interview for the Clinical Systems Engineer position on Thursday, March 5 at 10:00 AM ET.")
}

// The same confirmation worded the other common way, with the role between
// "interview" and "confirmed".
func thankYouConfirmationNamingTheRole(t *testing.T, srv *imaptest.Server) {
	quarryLane(t, srv, "Your interview for the Clinical Systems Engineer position is confirmed for Thursday, March 5 at 10:00 AM ET.")
}

// Tidewater Logistics: Marcus Bell interviews Sam on Monday 2 March 2026,
// 13:00 to 13:45; Sam thanks him the same afternoon at 16:10.
func tidewater() (marcus person, inv, thanks letter) {
	marcus = person{"Marcus Bell", "marcus.bell@tidewater.example"}
	inv = invite{msg: msg{from: marcus, to: sam, at: on("2026-02-25 09:10"), id: "f3b9c1d2.interview@tidewater.example",
		subject: "Operations Analyst interview - Tidewater Logistics", body: `
Hello Sam,

Thank you for your interest in the Operations Analyst position. I would like to invite you to a 45-minute interview with me on Monday, March 2 at 1:00 PM. I have sent a calendar invitation; the meeting is at our Baltimore office, 400 Pier Road, 3rd floor.

Kind regards,
Marcus Bell
Director of Operations, Tidewater Logistics
`}, start: on("2026-03-02 13:00"), end: on("2026-03-02 13:45"), title: "Interview - Sam Rivera (Operations Analyst)", where: "400 Pier Road, Baltimore"}.letter()
	thanks = msg{from: sam, to: marcus, at: on("2026-03-02 16:10"), id: "a77d01.thanks@example.com", re: &inv,
		subject: "Re: Operations Analyst interview - Tidewater Logistics", body: `
Hi Marcus,

Thank you for taking the time to talk with me this afternoon about the Operations Analyst role. I especially enjoyed hearing how your team plans routes around port delays, and it made me even more excited about the work.

Best regards,
Sam
`}.letter()
	return marcus, inv, thanks
}

func thankYouAlreadySent(t *testing.T, srv *imaptest.Server) {
	_, inv, thanks := tidewater()
	s := newStory(t, srv, on("2026-03-03 09:00"))
	s.deliver(inv, thanks)
	s.syncAt(on("2026-03-03 09:00"))

	// Between the end and Sam's note the thank-you was pending; once he
	// wrote it is done, and the next thing is the status check.
	s.check("Tidewater", "2026-03-02 16:09", expect{state: policy.AwaitingReply, next: policy.ThankYou, due: "2026-03-03 13:45"})
	s.check("Tidewater", "2026-03-03 09:00", expect{state: policy.AwaitingReply, next: policy.StatusCheck, due: "2026-03-09 16:10",
		stops: []string{"sent@2026-03-02 16:10"}})
	s.inDigest("Tidewater", "2026-03-03 09:00", "upcoming")
}

func statusCheckAfterThankYou(t *testing.T, srv *imaptest.Server) {
	marcus, inv, thanks := tidewater()
	s := newStory(t, srv, on("2026-03-10 09:00"))
	s.deliver(inv, thanks)
	s.syncAt(on("2026-03-10 09:00"))

	// A week after the thank-you of Monday 2 March 16:10, on Monday 9 March
	// at 16:10 (the clocks went forward in between: it is the wall-clock
	// time that holds).
	check := expect{state: policy.AwaitingReply, next: policy.StatusCheck, due: "2026-03-09 16:10", shown: "2026-03-09 16:10"}
	s.check("Tidewater", "2026-03-09 16:09", check)
	s.inDigest("Tidewater", "2026-03-09 16:09", "upcoming")
	s.check("Tidewater", "2026-03-09 16:10", check)
	s.inDigest("Tidewater", "2026-03-09 16:10", "due")
	s.threads(s.draft("Tidewater", "2026-03-09 16:10"), thanks, marcus)
}

// Fernhill Robotics: Omar Haddad interviews Sam on Wednesday 4 March
// 2026, 10:00 to 11:00, and Sam never sends a thank-you.
func statusCheckWithoutThankYou(t *testing.T, srv *imaptest.Server) {
	omar := person{"Omar Haddad", "omar.haddad@fernhill.example"}
	inv := invite{msg: msg{from: omar, to: sam, at: on("2026-02-27 15:30"), id: "0c1d.b82e@fernhill.example",
		subject: "Invitation: Controls Engineer interview @ Wed Mar 4, 2026 10am - 11am (EST)", body: `
Hi Sam,

I enjoyed reading your application for the Controls Engineer role at Fernhill Robotics, and I'd like to invite you to an interview with me on Wednesday, March 4 from 10 to 11 AM. We'll talk through your PLC work and walk the assembly line together. The invitation is attached.

Omar Haddad
Engineering Manager, Fernhill Robotics
`}, start: on("2026-03-04 10:00"), end: on("2026-03-04 11:00"), title: "Controls Engineer interview", where: "Fernhill Robotics, 18 Mill Street, Lowell"}.letter()
	s := newStory(t, srv, on("2026-03-12 09:00"))
	s.deliver(inv)
	s.syncAt(on("2026-03-12 09:00"))

	s.check("Fernhill", "2026-03-06 10:59", expect{state: policy.AwaitingReply, next: policy.ThankYou, due: "2026-03-05 11:00"})
	check := expect{state: policy.AwaitingReply, next: policy.StatusCheck, due: "2026-03-11 11:00", stops: []string{}}
	s.check("Fernhill", "2026-03-06 11:00", check)
	s.check("Fernhill", "2026-03-11 11:00", check)
	s.inDigest("Fernhill", "2026-03-11 10:59", "upcoming")
	s.inDigest("Fernhill", "2026-03-11 11:00", "due")
	s.threads(s.draft("Fernhill", "2026-03-11 11:00"), inv, omar)
}

// Osprey Cartography schedules through a hiring system: the invitation
// comes from its no-reply address on behalf of Noah Brandt, with his own
// address as Reply-To.
func thankYouThroughRelay(t *testing.T, srv *imaptest.Server) {
	noah := person{"Noah Brandt", "noah.brandt@osprey.example"}
	inv := invite{msg: msg{from: person{"Noah Brandt", "no-reply@us.greenhouse-mail.io"}, replyTo: &noah, to: sam, at: on("2026-03-05 13:12"),
		id: "gh.4c7e1a9b.9921@us.greenhouse-mail.io", subject: "Interview confirmation: GIS Cartographer at Osprey Cartography", body: `
Hi Sam,

Your interview for the GIS Cartographer position at Osprey Cartography is confirmed. You will meet with Noah Brandt, Head of Mapping, on Wednesday, March 11 from 9:30 to 10:15 AM Eastern. Join by video: https://meet.osprey.example/noah-brandt

If you need to reschedule, just reply to this email.

Osprey Cartography Recruiting
`}, start: on("2026-03-11 09:30"), end: on("2026-03-11 10:15"), title: "Interview: Sam Rivera - GIS Cartographer"}.letter()
	s := newStory(t, srv, on("2026-03-12 08:00"))
	s.deliver(inv)
	s.syncAt(on("2026-03-12 08:00"))

	s.check("Osprey", "2026-03-11 10:15", expect{state: policy.AwaitingReply, next: policy.ThankYou, due: "2026-03-12 10:15", shown: "2026-03-11 10:15"})
	s.threads(s.draft("Osprey", "2026-03-12 08:00"), inv, noah)
}

// Halcyon Books: after the interview and Sam's thank-you, Grace Lin writes
// that the panel expects to decide by Friday 20 March.
func timelineGiven(t *testing.T, srv *imaptest.Server) {
	halcyon(t, srv, "we expect to reach a decision by March 20")
}

// The same, with the day written as most people write it: weekday first.
func timelineWithWeekday(t *testing.T, srv *imaptest.Server) {
	halcyon(t, srv, "we expect to reach a decision by Friday, March 20")
}

func halcyon(t *testing.T, srv *imaptest.Server, decision string) {
	grace := person{"Grace Lin", "grace.lin@halcyonbooks.example"}
	inv := invite{msg: msg{from: grace, to: sam, at: on("2026-03-04 14:00"), id: "9f2e.inv.halcyon@halcyonbooks.example",
		subject: "Interview: Production Editor at Halcyon Books", body: `
Dear Sam,

Thank you for applying for the Production Editor role. We would love to meet you: could you join a panel interview on Tuesday, March 10 at 11:00 AM at our office on Grove Street? The calendar invitation is attached.

All best,
Grace Lin
Managing Editor, Halcyon Books
`}, start: on("2026-03-10 11:00"), end: on("2026-03-10 12:00"), title: "Panel interview: Production Editor", where: "Halcyon Books, 12 Grove Street"}.letter()
	thanks := msg{from: sam, to: grace, at: on("2026-03-10 15:30"), id: "b3c4.thanks.halcyon@example.com", re: &inv,
		subject: "Re: Interview: Production Editor at Halcyon Books", body: `
Dear Grace,

Thank you and the panel for this morning's conversation. I came away even more enthusiastic about the Production Editor role and about your spring list.

Best wishes,
Sam
`}.letter()
	update := msg{from: grace, to: sam, at: on("2026-03-12 09:40"), id: "9f2e.upd.halcyon@halcyonbooks.example", re: &thanks,
		subject: "Re: Interview: Production Editor at Halcyon Books", body: `
Hi Sam,

Thank you for the kind note, and for your time on Tuesday. The panel meets next week to compare notes, and ` + decision + `. I will be in touch either way.

Best,
Grace
`}.letter()
	s := newStory(t, srv, on("2026-03-25 09:00"))
	s.deliver(inv, thanks, update)
	s.syncAt(on("2026-03-25 09:00"))

	// Grace's answer cancels the status check that was coming and puts
	// the application on hold until her date: the check is due two
	// business days after Friday 20 March, on Tuesday 24 March.
	wait := expect{state: policy.TimelineGiven, next: policy.StatusCheck, due: "2026-03-24 00:00", waiting: "2026-03-20",
		stops: []string{"sent@2026-03-10 15:30", "reply@2026-03-12 09:40"}}
	s.check("Halcyon", "2026-03-12 09:40", wait)
	s.inDigest("Halcyon", "2026-03-12 09:40", "waiting")
	// A week after her message, when silence alone would have made a check
	// due, nothing is due yet.
	s.check("Halcyon", "2026-03-19 09:40", wait)
	s.inDigest("Halcyon", "2026-03-19 09:40", "waiting")
	s.check("Halcyon", "2026-03-23 23:59", wait)
	// On Tuesday 24 March it is due, as a reply to Grace.
	s.check("Halcyon", "2026-03-24 00:00", expect{state: policy.AwaitingReply, next: policy.StatusCheck, due: "2026-03-24 00:00"})
	s.inDigest("Halcyon", "2026-03-24 00:00", "due")
	d := s.draft("Halcyon", "2026-03-24 08:00")
	s.threads(d, update, grace)
	if !strings.Contains(d.Body, "Friday 20 March") {
		t.Errorf("the status check draft does not recall Grace's date:\n%s", d.Body)
	}
}

// Copperline Media: Ines Duarte interviews Sam on Monday 2 February 2026,
// 10:00 to 11:00. Sam thanks her at 14:00, checks in once on Tuesday
// 10 February, and (when last is set) once more on Wednesday 18 February.
// Ines never answers.
func copperline(last bool) (ines person, ls []letter) {
	ines = person{"Ines Duarte", "ines.duarte@copperline.example"}
	inv := invite{msg: msg{from: ines, to: sam, at: on("2026-01-27 10:00"), id: "e1d2c3b4a5@copperline.example",
		subject: "Video Producer interview at Copperline Media", body: `
Hi Sam,

Thanks for applying for the Video Producer role at Copperline Media. I'd like to invite you to an interview at our studio on Monday, February 2 at 10:00 AM; please bring two or three pieces from your reel. The calendar invitation is attached.

Ines Duarte
Head of Video, Copperline Media
`}, start: on("2026-02-02 10:00"), end: on("2026-02-02 11:00"), title: "Interview: Video Producer", where: "Copperline Media, 77 Foundry Lane"}.letter()
	thanks := msg{from: sam, to: ines, at: on("2026-02-02 14:00"), id: "31aa.thanks@example.com", re: &inv,
		subject: "Re: Video Producer interview at Copperline Media", body: `
Hi Ines,

Thank you for showing me around the studio this morning and for the thoughtful questions about my reel. I'd love to help build the documentary series you described.

Best,
Sam
`}.letter()
	check := msg{from: sam, to: ines, at: on("2026-02-10 09:05"), id: "31ab.checkin@example.com", re: &thanks,
		subject: "Re: Video Producer interview at Copperline Media", body: `
Hi Ines,

I hope your week is going well. I wanted to follow up on the Video Producer role: I'm still very interested, and happy to share anything else that would help. Is there any news on the next steps?

Best,
Sam
`}.letter()
	ls = []letter{inv, thanks, check}
	if last {
		ls = append(ls, msg{from: sam, to: ines, at: on("2026-02-18 11:30"), id: "31ac.final@example.com", re: &check,
			subject: "Re: Video Producer interview at Copperline Media", body: `
Hi Ines,

Just checking in one last time about the Video Producer position. If the team has decided to go another way, I completely understand; I'd simply be grateful to know either way.

Thanks again,
Sam
`}.letter())
	}
	return ines, ls
}

func secondStatusCheck(t *testing.T, srv *imaptest.Server) {
	ines, ls := copperline(false)
	s := newStory(t, srv, on("2026-02-17 09:30"))
	s.deliver(ls...)
	s.syncAt(on("2026-02-17 09:30"))

	// The first check was due a week after the thank-you; Sam sent it a day late.
	s.check("Copperline", "2026-02-09 14:00", expect{state: policy.AwaitingReply, next: policy.StatusCheck, due: "2026-02-09 14:00"})
	// The second, and last, is due a week after the first went out.
	last := expect{state: policy.AwaitingReply, next: policy.FinalCheck, due: "2026-02-17 09:05",
		stops: []string{"sent@2026-02-02 14:00", "sent@2026-02-10 09:05"}}
	s.check("Copperline", "2026-02-10 09:05", last)
	s.inDigest("Copperline", "2026-02-17 09:04", "upcoming")
	s.check("Copperline", "2026-02-17 09:05", last)
	s.inDigest("Copperline", "2026-02-17 09:05", "due")
	s.threads(s.draft("Copperline", "2026-02-17 09:05"), ls[2], ines)
}

func atMostTwoChecks(t *testing.T, srv *imaptest.Server) {
	ines, ls := copperline(true)
	// Sam writes once more, weeks later; then Ines finally answers.
	again := msg{from: sam, to: ines, at: on("2026-03-09 10:00"), id: "31ad.again@example.com", re: &ls[3],
		subject: "Re: Video Producer interview at Copperline Media", body: `
Hi Ines,

I saw the studio's new series announced; congratulations! I'm still around if the Video Producer role is open.

Sam
`}.letter()
	answer := msg{from: ines, to: sam, at: on("2026-03-24 10:00"), id: "e1d2c3b4ff@copperline.example", re: &again,
		subject: "Re: Video Producer interview at Copperline Media", body: `
Hi Sam,

Thank you for your patience, and sorry for the long silence. Our hiring was delayed while the new budget was approved, and the team is reviewing the shortlist for the Video Producer role again now. I'll come back to you as soon as I can.

Ines
`}.letter()
	s := newStory(t, srv, on("2026-03-25 09:00"))
	s.deliver(append(ls, again, answer)...)
	s.syncAt(on("2026-03-25 09:00"))

	// After the second check nothing more is suggested...
	s.check("Copperline", "2026-02-18 11:30", expect{state: policy.AwaitingReply,
		stops: []string{"sent@2026-02-02 14:00", "sent@2026-02-10 09:05", "sent@2026-02-18 11:30"}})
	s.check("Copperline", "2026-02-25 11:29", expect{state: policy.AwaitingReply})
	// ...and a week after it, the application has gone quiet.
	quiet := expect{state: policy.GoneQuiet,
		stops: []string{"sent@2026-02-02 14:00", "sent@2026-02-10 09:05", "sent@2026-02-18 11:30", "gone_quiet@2026-02-25 11:30"}}
	s.check("Copperline", "2026-02-25 11:30", quiet)
	s.stoppedInDigest("Copperline", "2026-02-26 08:00", policy.StopGoneQuiet)
	s.inDigest("Copperline", "2026-02-26 08:00", "")
	// Sam writing again changes nothing.
	s.check("Copperline", "2026-03-20 09:00", quiet)
	// Ines's answer brings it back: a status check a week after it.
	s.check("Copperline", "2026-03-24 10:00", expect{state: policy.AwaitingReply, next: policy.StatusCheck, due: "2026-03-31 10:00"})
}

// Saltmarsh Games: Dana Whitcomb interviews Sam on Tuesday 17 March 2026;
// the status check after Sam's thank-you falls due on Tuesday 24 March at
// 18:00; on Wednesday morning the recruiter, Jordan Alvarez, writes in a
// conversation of his own.
func replyRestartsTheClock(t *testing.T, srv *imaptest.Server) {
	saltmarsh(t, srv, "Interview invitation: Gameplay Programmer at Saltmarsh Games", false)
}

// The same story with Dana's subject led by the job title, as many
// hiring managers write it: it names the role, not the company.
func subjectLedByTheRole(t *testing.T, srv *imaptest.Server) {
	saltmarsh(t, srv, "Gameplay Programmer - interview with Dana", false)
}

// The same story read in one go, as on the first run of inboxwatch: the
// recruiter's message, whose subject has no hiring words, comes from the
// company of an application found in the same pass.
func replyReadOnTheFirstScan(t *testing.T, srv *imaptest.Server) {
	saltmarsh(t, srv, "Interview invitation: Gameplay Programmer at Saltmarsh Games", true)
}

func saltmarsh(t *testing.T, srv *imaptest.Server, subject string, firstScan bool) {
	dana := person{"Dana Whitcomb", "dana.whitcomb@saltmarsh.example"}
	jordan := person{"Jordan Alvarez", "jordan.alvarez@saltmarsh.example"}
	inv := invite{msg: msg{from: dana, to: sam, cc: []person{jordan}, at: on("2026-03-12 11:00"), id: "inv-77421@saltmarsh.example",
		subject: subject, body: `
Hi Sam,

Jordan passed me your application for the Gameplay Programmer role, and I'd like to invite you to a technical interview with me on Tuesday, March 17 at 1 PM. We'll pair on a small problem in our engine, nothing to prepare. Calendar invite attached.

Dana Whitcomb
Lead Programmer, Saltmarsh Games
`}, start: on("2026-03-17 13:00"), end: on("2026-03-17 14:00"), title: "Technical interview - Gameplay Programmer"}.letter()
	thanks := msg{from: sam, to: dana, at: on("2026-03-17 18:00"), id: "5a1t.thanks@example.com", re: &inv,
		subject: "Re: " + subject, body: `
Hi Dana,

Thanks for the pairing session today. Untangling the collision code with you was the most fun I've had in an interview.

Best,
Sam
`}.letter()
	update := msg{from: jordan, to: sam, at: on("2026-03-25 10:15"), id: "CAJ9x.update@saltmarsh.example",
		subject: "Gameplay Programmer - where things stand", body: `
Hi Sam,

Dana passed along your note, thank you. A quick update on the Gameplay Programmer role: the team is still finishing its remaining interviews, and we will meet afterwards to compare notes. I will come back to you as soon as I can.

Best,
Jordan Alvarez
Recruiter, Saltmarsh Games
`}.letter()
	s := newStory(t, srv, on("2026-03-18 08:00"))
	s.deliver(inv, thanks)
	if !firstScan {
		s.syncAt(on("2026-03-18 08:00"))
	}
	s.deliver(update)
	s.syncAt(on("2026-03-26 09:00"))

	s.check("Saltmarsh", "2026-03-25 10:14", expect{state: policy.AwaitingReply, next: policy.StatusCheck, due: "2026-03-24 18:00"})
	s.inDigest("Saltmarsh", "2026-03-25 10:14", "due")
	// Jordan's message cancels it; the next check is a week after his message, as a reply to him.
	s.check("Saltmarsh", "2026-03-25 10:15", expect{state: policy.AwaitingReply, next: policy.StatusCheck, due: "2026-04-01 10:15",
		stops: []string{"sent@2026-03-17 18:00", "reply@2026-03-25 10:15"}})
	s.inDigest("Saltmarsh", "2026-03-26 09:00", "upcoming")
	s.stoppedInDigest("Saltmarsh", "2026-03-26 09:00", policy.StopReply)
	s.inDigest("Saltmarsh", "2026-04-01 10:15", "due")
	s.threads(s.draft("Saltmarsh", "2026-04-01 10:15"), update, jordan)
	if n := s.apps(); n != 1 {
		t.Errorf("Jordan's message and Dana's invitation make %d applications, want one", n)
	}
}

// Pinecrest Insurance: Harriet Cole writes the afternoon of the interview,
// before Sam's thank-you, and names the day of the decision.
func replyWithTimeline(t *testing.T, srv *imaptest.Server) {
	harriet := person{"Harriet Cole", "harriet.cole@pinecrest.example"}
	inv := invite{msg: msg{from: harriet, to: sam, at: on("2026-03-24 09:00"), id: "pc-2026-0324-118@pinecrest.example",
		subject: "Interview for Claims Data Analyst - Pinecrest Insurance", body: `
Dear Sam,

We were impressed by your application for the Claims Data Analyst position and would like to invite you to an interview at our Hartford office on Monday, March 30 at 10:00 AM. The invitation is attached; parking is available in the visitor lot.

Kind regards,
Harriet Cole
HR Business Partner, Pinecrest Insurance
`}, start: on("2026-03-30 10:00"), end: on("2026-03-30 11:00"), title: "Interview: Claims Data Analyst", where: "Pinecrest Insurance, 9 Asylum Street, Hartford"}.letter()
	news := msg{from: harriet, to: sam, at: on("2026-03-30 16:45"), id: "pc-2026-0330-412@pinecrest.example", re: &inv,
		subject: "Re: Interview for Claims Data Analyst - Pinecrest Insurance", body: `
Dear Sam,

Thank you for coming in this morning; the panel enjoyed the conversation. We hope to make a final decision by April 2 and I will let you know either way.

Kind regards,
Harriet
`}.letter()
	s := newStory(t, srv, on("2026-04-07 09:00"))
	s.deliver(inv, news)
	s.syncAt(on("2026-04-07 09:00"))

	s.check("Pinecrest", "2026-03-30 16:44", expect{state: policy.AwaitingReply, next: policy.ThankYou, due: "2026-03-31 11:00"})
	// Her message cancels the thank-you and holds everything until two
	// business days after Thursday 2 April: Monday 6 April.
	wait := expect{state: policy.TimelineGiven, next: policy.StatusCheck, due: "2026-04-06 00:00", waiting: "2026-04-02",
		stops: []string{"reply@2026-03-30 16:45"}}
	s.check("Pinecrest", "2026-03-30 16:45", wait)
	s.check("Pinecrest", "2026-03-31 11:00", wait)
	s.inDigest("Pinecrest", "2026-03-31 11:00", "waiting")
	s.inDigest("Pinecrest", "2026-04-06 00:00", "due")
	s.threads(s.draft("Pinecrest", "2026-04-06 08:00"), news, harriet)
}

// An interview followed by Sam's thank-you, the common start of the
// "stop for good" stories.
func interviewed(who person, company, domain, role string, start time.Time, thanked time.Time) (inv, thanks letter) {
	inv = invite{msg: msg{from: who, to: sam, at: start.AddDate(0, 0, -6), id: "iv-" + start.Format("0102") + "@" + domain,
		subject: "Interview invitation - " + role + " at " + company, body: `
Hi Sam,

Thank you for applying for the ` + role + ` position at ` + company + `. I'd like to invite you to an interview with me on ` + start.Format("Monday, January 2 at 3:04 PM") + `. The calendar invitation is attached; let me know if the time doesn't work.

Best,
` + who.name + `
` + company + `
`}, start: start, end: start.Add(time.Hour), title: "Interview: " + role}.letter()
	thanks = msg{from: sam, to: who, at: thanked, id: "ty-" + start.Format("0102") + "." + domain + "@example.com", re: &inv,
		subject: "Re: Interview invitation - " + role + " at " + company, body: `
Hi ` + strings.Fields(who.name)[0] + `,

Thank you for the conversation about the ` + role + ` position. I enjoyed learning about the team and I'm excited about the role.

Best regards,
Sam
`}.letter()
	return inv, thanks
}

// Marigold Foods turns Sam down after the interview.
func stopRejected(t *testing.T, srv *imaptest.Server) {
	lena := person{"Lena Park", "lena.park@marigoldfoods.example"}
	inv, thanks := interviewed(lena, "Marigold Foods", "marigoldfoods.example", "Supply Chain Planner", on("2026-03-09 15:00"), on("2026-03-09 18:00"))
	no := msg{from: lena, to: sam, at: on("2026-03-13 11:02"), id: "mf-88213@marigoldfoods.example", re: &thanks,
		subject: "Re: Interview invitation - Supply Chain Planner at Marigold Foods", body: `
Hi Sam,

Thank you again for your time on Monday and for your thoughtful note. After careful consideration, we have decided not to move forward with your application for the Supply Chain Planner role. It was a difficult decision, and we were impressed by your experience.

We wish you the very best in your search.

Lena
`}.letter()
	s := newStory(t, srv, on("2026-03-30 09:00"))
	s.deliver(inv, thanks, no)
	s.syncAt(on("2026-03-30 09:00"))

	s.check("Marigold", "2026-03-13 11:01", expect{state: policy.AwaitingReply, next: policy.StatusCheck, due: "2026-03-16 18:00"})
	closed := expect{state: policy.Rejected, stops: []string{"sent@2026-03-09 18:00", "rejected@2026-03-13 11:02"}}
	s.check("Marigold", "2026-03-13 11:02", closed)
	s.check("Marigold", "2026-03-30 09:00", closed)
	s.stoppedInDigest("Marigold", "2026-03-13 12:00", policy.StopRejected)
	s.inDigest("Marigold", "2026-03-16 18:00", "")
}

// Bluefin Labs makes Sam an offer.
func stopOffered(t *testing.T, srv *imaptest.Server) {
	ravi := person{"Ravi Menon", "ravi.menon@bluefinlabs.example"}
	inv, thanks := interviewed(ravi, "Bluefin Labs", "bluefinlabs.example", "Product Designer", on("2026-03-06 13:00"), on("2026-03-06 17:00"))
	offer := msg{from: ravi, to: sam, at: on("2026-03-12 10:30"), id: "bl-offer-5521@bluefinlabs.example",
		subject: "Offer - Product Designer at Bluefin Labs", body: `
Hi Sam,

I'm delighted to offer you the Product Designer position at Bluefin Labs! Everyone you met on Friday was excited about your work. Your formal offer letter with the salary, start date and benefits is attached; please take a look and let me know if you have any questions.

Congratulations,
Ravi
`}.letter()
	s := newStory(t, srv, on("2026-03-30 09:00"))
	s.deliver(inv, thanks, offer)
	s.syncAt(on("2026-03-30 09:00"))

	closed := expect{state: policy.Offered, stops: []string{"sent@2026-03-06 17:00", "offered@2026-03-12 10:30"}}
	s.check("Bluefin", "2026-03-12 10:30", closed)
	s.check("Bluefin", "2026-03-30 09:00", closed)
	s.stoppedInDigest("Bluefin", "2026-03-12 11:00", policy.StopOffered)
}

// Ashgrove Studios: Sam accepts another job, writes to withdraw and marks
// the application withdrawn; Mei's kind answer changes nothing.
func stopWithdrawn(t *testing.T, srv *imaptest.Server) {
	mei := person{"Mei Tanaka", "mei.tanaka@ashgrove.example"}
	inv, thanks := interviewed(mei, "Ashgrove Studios", "ashgrove.example", "Motion Designer", on("2026-03-05 11:00"), on("2026-03-05 15:00"))
	bye := msg{from: sam, to: mei, at: on("2026-03-16 09:30"), id: "wd.ashgrove@example.com", re: &thanks,
		subject: "Re: Interview invitation - Motion Designer at Ashgrove Studios", body: `
Hi Mei,

I wanted to let you know that I have accepted another offer, so I would like to withdraw from the process for the Motion Designer role. Thank you for your time and the lovely conversation.

Best wishes,
Sam
`}.letter()
	s := newStory(t, srv, on("2026-03-16 09:40"))
	s.deliver(inv, thanks, bye)
	s.syncAt(on("2026-03-16 09:40"))
	s.mark("Ashgrove", "withdrawn", on("2026-03-16 09:45"))
	s.deliver(msg{from: mei, to: sam, at: on("2026-03-16 13:20"), id: "as-1182@ashgrove.example", re: &bye,
		subject: "Re: Interview invitation - Motion Designer at Ashgrove Studios", body: `
Hi Sam,

Thanks for letting me know, and congratulations on the new role! We enjoyed meeting you; do keep in touch.

Mei
`}.letter())
	s.syncAt(on("2026-03-30 09:00"))

	closed := expect{state: policy.Withdrawn, stops: []string{"sent@2026-03-05 15:00", "sent@2026-03-16 09:30", "withdrawn@2026-03-16 09:45"}}
	s.check("Ashgrove", "2026-03-16 09:45", closed)
	s.check("Ashgrove", "2026-03-30 09:00", closed)
	s.stoppedInDigest("Ashgrove", "2026-03-17 08:00", policy.StopWithdrawn)
}

// Crestview Bank's hiring system acknowledges the application and asks
// applicants not to chase; Sam follows up before interviews, but not here.
func stopNoFollowUpAcknowledgement(t *testing.T, srv *imaptest.Server) {
	ack := msg{from: person{"Crestview Bank", "crestview@myworkday.com"}, to: sam, at: on("2026-02-02 19:04"), id: "wd-ack-20418.5531@myworkday.com",
		subject: "Thank you for applying to Crestview Bank", body: `
Dear Sam,

Thank you for applying for the Risk Analyst position (requisition R-20418) at Crestview Bank. We have received your application and our recruiting team will review your qualifications.

Because of the number of applications we receive, we are unable to respond to individual status inquiries. Please do not contact our recruiters or hiring managers about the status of your application; if your background is a match, a member of our team will reach out to you.

Crestview Bank Talent Acquisition

This is an automated message; please do not reply.
`}.letter()
	s := newStory(t, srv, on("2026-03-02 09:00"), func(c *config.Config) { c.Policy.FollowUpBeforeInterview = true })
	s.deliver(ack)
	s.syncAt(on("2026-03-02 09:00"))

	closed := expect{state: policy.NoFollowUp, stops: []string{"no_follow_up@2026-02-02 19:04"}}
	s.check("Crestview", "2026-02-02 19:04", closed)
	// Two weeks after applying, when a check would otherwise be due:
	s.check("Crestview", "2026-02-17 09:00", closed)
	s.inDigest("Crestview", "2026-02-17 09:00", "")
}

// Mossgiel Architects: after the interview Hugo asks candidates not to
// chase for updates, before Sam had thanked him.
func stopNoFollowUpAfterInterview(t *testing.T, srv *imaptest.Server) {
	hugo := person{"Hugo Brennan", "hugo.brennan@mossgiel.example"}
	inv, _ := interviewed(hugo, "Mossgiel Architects", "mossgiel.example", "Junior Architect", on("2026-03-03 10:00"), time.Time{})
	note := msg{from: hugo, to: sam, at: on("2026-03-03 17:30"), id: "mg-0303-note@mossgiel.example", re: &inv,
		subject: "Re: Interview invitation - Junior Architect at Mossgiel Architects", body: `
Hi Sam,

Thanks for meeting with us today. We are seeing candidates for the Junior Architect role through the end of the month, and we will contact everyone once a decision has been made, so please don't reach out to the team for updates in the meantime.

Best,
Hugo
`}.letter()
	s := newStory(t, srv, on("2026-03-20 09:00"))
	s.deliver(inv, note)
	s.syncAt(on("2026-03-20 09:00"))

	s.check("Mossgiel", "2026-03-03 17:29", expect{state: policy.AwaitingReply, next: policy.ThankYou})
	closed := expect{state: policy.NoFollowUp, stops: []string{"no_follow_up@2026-03-03 17:30"}}
	s.check("Mossgiel", "2026-03-03 17:30", closed)
	s.check("Mossgiel", "2026-03-20 09:00", closed)
}

// Kestrel Outdoor: Sam ignores the application; Pat's later message does
// not bring it back.
func stopIgnored(t *testing.T, srv *imaptest.Server) {
	pat := person{"Pat Quinn", "pat.quinn@kestrel.example"}
	inv, _ := interviewed(pat, "Kestrel Outdoor", "kestrel.example", "Retail Planner", on("2026-03-04 09:00"), time.Time{})
	s := newStory(t, srv, on("2026-03-04 12:00"))
	s.deliver(inv)
	s.syncAt(on("2026-03-04 12:00"))
	s.check("Kestrel", "2026-03-04 12:00", expect{state: policy.AwaitingReply, next: policy.ThankYou})
	s.ignore("Kestrel", on("2026-03-04 12:00"))
	s.deliver(msg{from: pat, to: sam, at: on("2026-03-09 11:00"), id: "ko-3391@kestrel.example", re: &inv,
		subject: "Re: Interview invitation - Retail Planner at Kestrel Outdoor", body: `
Hi Sam,

Thanks again for coming in last week. We're still finishing interviews for the Retail Planner role and I will have an update for you soon.

Pat
`}.letter())
	s.syncAt(on("2026-03-20 09:00"))

	for _, at := range []string{"2026-03-04 12:00", "2026-03-09 11:00", "2026-03-20 09:00"} {
		s.check("Kestrel", at, expect{state: policy.Ignored})
		s.inDigest("Kestrel", at, "")
	}
	if d := s.digestAt(on("2026-03-20 09:00")); d.Counts[policy.Ignored] != 1 {
		t.Errorf("the digest counts %d ignored applications, want 1", d.Counts[policy.Ignored])
	}
}

// Lumen Harbor: Sam thanks Carmen Ortiz after the interview of Thursday
// 5 March 2026; a minute later her out-of-office answers: she is away
// until Monday 16 March.
func autoReplyMovesTheCheck(t *testing.T, srv *imaptest.Server) {
	carmen := person{"Carmen Ortiz", "carmen.ortiz@lumenharbor.example"}
	inv, thanks := interviewed(carmen, "Lumen Harbor", "lumenharbor.example", "Lighting Technician", on("2026-03-05 14:00"), on("2026-03-05 17:20"))
	away := msg{from: carmen, to: sam, at: on("2026-03-05 17:21"), id: "ooo-6672.1@lumenharbor.example", re: &thanks, headers: outOfOffice,
		subject: "Automatic reply: Re: Interview invitation - Lighting Technician at Lumen Harbor", body: `
Thank you for your email. I am out of the office from Friday, March 6 until Monday, March 16, with limited access to email. I will respond to your message when I return.

For anything urgent, please contact recruiting@lumenharbor.example.

Carmen Ortiz
`}.letter()
	s := newStory(t, srv, on("2026-03-05 17:30"))
	s.deliver(inv, thanks, away)
	s.syncAt(on("2026-03-05 17:30"))

	// Without the auto-reply the check would be due Thursday 12 March at
	// 17:20; it moves to one business day after her return: Tuesday 17
	// March. The auto-reply is no answer: nothing was cancelled.
	moved := expect{state: policy.AwaitingReply, next: policy.StatusCheck, due: "2026-03-17 00:00", stops: []string{"sent@2026-03-05 17:20"}}
	s.check("Lumen Harbor", "2026-03-05 17:21", moved)
	s.check("Lumen Harbor", "2026-03-12 17:20", moved)
	s.inDigest("Lumen Harbor", "2026-03-12 17:20", "upcoming")
	s.inDigest("Lumen Harbor", "2026-03-16 23:59", "upcoming")
	s.inDigest("Lumen Harbor", "2026-03-17 00:00", "due")
	s.threads(s.draft("Lumen Harbor", "2026-03-17 08:00"), thanks, carmen)
	if d := s.digestAt(on("2026-03-17 08:00")); len(d.Stopped) != 0 {
		t.Errorf("the digest reports stops after an out-of-office: %+v", d.Stopped)
	}

	h := s.draftsOnServer(on("2026-03-17 08:00"))["lumenharbor.example"]
	if !strings.Contains(h, "In-Reply-To: <"+thanks.id+">") || !strings.Contains(h, carmen.addr) {
		t.Errorf("the status check draft in %s does not answer Sam's thank-you, to Carmen:\n%s", srv.Kind, h)
	}
}

// Bellhaven Press: the out-of-office says Rosa is back well before the
// check is due; the due time stays where it was.
func autoReplyNeverBringsItForward(t *testing.T, srv *imaptest.Server) {
	rosa := person{"Rosa Delgado", "rosa.delgado@bellhaven.example"}
	inv, thanks := interviewed(rosa, "Bellhaven Press", "bellhaven.example", "Copy Editor", on("2026-03-16 09:00"), on("2026-03-16 12:00"))
	away := msg{from: rosa, to: sam, at: on("2026-03-16 12:01"), id: "ar-2231@bellhaven.example", re: &thanks, headers: outOfOffice,
		subject: "Out of Office: Re: Interview invitation - Copy Editor at Bellhaven Press", body: `
Hello,

I am away at a book fair until Wednesday, March 18 and will reply to your message when I am back in the office.

Rosa Delgado
`}.letter()
	s := newStory(t, srv, on("2026-03-16 12:30"))
	s.deliver(inv, thanks, away)
	s.syncAt(on("2026-03-16 12:30"))

	s.check("Bellhaven", "2026-03-16 12:30", expect{state: policy.AwaitingReply, next: policy.StatusCheck, due: "2026-03-23 12:00",
		stops: []string{"sent@2026-03-16 12:00"}})
}

// Seastack Software: Sam's thank-you goes out on Saturday 28 February at
// 09:15; a week later is Saturday again.
func calendarWeekend(t *testing.T, srv *imaptest.Server) {
	yusuf := person{"Yusuf Karim", "yusuf.karim@seastack.example"}
	inv, thanks := interviewed(yusuf, "Seastack Software", "seastack.example", "Site Reliability Engineer", on("2026-02-27 10:00"), on("2026-02-28 09:15"))
	s := newStory(t, srv, on("2026-03-01 10:00"))
	s.deliver(inv, thanks)
	s.syncAt(on("2026-03-01 10:00"))

	// The status check is due on Monday 9 March at the start of the day,
	// because its 7th day falls on Saturday 7 March.
	check := expect{state: policy.AwaitingReply, next: policy.StatusCheck, due: "2026-03-09 00:00", stops: []string{"sent@2026-02-28 09:15"}}
	s.check("Seastack", "2026-02-28 09:15", check)
	s.inDigest("Seastack", "2026-03-07 09:15", "upcoming")
	s.inDigest("Seastack", "2026-03-08 23:59", "upcoming")
	s.inDigest("Seastack", "2026-03-09 00:00", "due")
	_, o := s.the("Seastack", on("2026-03-02 09:00"))
	if !strings.Contains(o.Next.Why, "moved off the weekend to Mon 9 Mar") {
		t.Errorf("the status check does not say it was moved off the weekend: %q", o.Next.Why)
	}
}

// Gullwing Aviation: an interview on Friday 13 March ending at 17:00. The
// thank-you would be due on Saturday.
func calendarThankYouOffTheWeekend(t *testing.T, srv *imaptest.Server) {
	ada := person{"Ada Morales", "ada.morales@gullwing.example"}
	inv, _ := interviewed(ada, "Gullwing Aviation", "gullwing.example", "Maintenance Planner", on("2026-03-13 16:00"), time.Time{})
	s := newStory(t, srv, on("2026-03-18 09:00"))
	s.deliver(inv)
	s.syncAt(on("2026-03-18 09:00"))

	// Shown from Friday 17:00, due on Monday 16 March, and worth sending
	// for the whole of Monday.
	thanks := expect{state: policy.AwaitingReply, next: policy.ThankYou, shown: "2026-03-13 17:00", due: "2026-03-16 00:00", expires: "2026-03-17 00:00"}
	s.check("Gullwing", "2026-03-13 17:00", thanks)
	s.check("Gullwing", "2026-03-16 23:59", thanks)
	s.check("Gullwing", "2026-03-17 00:00", expect{state: policy.AwaitingReply, next: policy.StatusCheck, due: "2026-03-20 17:00"})
}

// Evergreen Civic: an interview on Wednesday 16 December 2026, Sam's
// thank-you on Thursday 17 December at 08:30. A week later is Christmas Eve.
func calendarQuietPeriod(t *testing.T, srv *imaptest.Server) {
	nora := person{"Nora Fitzgerald", "nora.fitzgerald@evergreencivic.example"}
	inv, thanks := interviewed(nora, "Evergreen Civic", "evergreencivic.example", "Policy Analyst", on("2026-12-16 10:00"), on("2026-12-17 08:30"))
	s := newStory(t, srv, on("2027-01-04 09:00"))
	s.deliver(inv, thanks)
	s.syncAt(on("2027-01-04 09:00"))

	// Past the quiet period (24 December to 1 January) and the weekend
	// after it: Monday 4 January 2027.
	check := expect{state: policy.AwaitingReply, next: policy.StatusCheck, due: "2027-01-04 00:00"}
	s.check("Evergreen", "2026-12-24 08:30", check)
	s.inDigest("Evergreen", "2026-12-24 08:30", "")
	s.inDigest("Evergreen", "2026-12-31 09:00", "upcoming")
	s.inDigest("Evergreen", "2027-01-04 00:00", "due")
	_, o := s.the("Evergreen", on("2026-12-24 08:30"))
	if !strings.Contains(o.Next.Why, "quiet period") {
		t.Errorf("the status check does not mention the quiet period: %q", o.Next.Why)
	}
}

// Foxglove Media: the thank-you goes out on Friday 30 October 2026 at 17:00
// daylight time; the clocks go back on Sunday 1 November.
func calendarDaylightSavingEnds(t *testing.T, srv *imaptest.Server) {
	june := person{"June Okoro", "june.okoro@foxglove.example"}
	inv, thanks := interviewed(june, "Foxglove Media", "foxglove.example", "Podcast Producer", on("2026-10-30 13:00"), on("2026-10-30 17:00"))
	s := newStory(t, srv, on("2026-11-02 09:00"))
	s.deliver(inv, thanks)
	s.syncAt(on("2026-11-02 09:00"))

	// A week later at the same wall-clock time, 169 hours on.
	s.check("Foxglove", "2026-11-02 09:00", expect{state: policy.AwaitingReply, next: policy.StatusCheck, due: "2026-11-06 17:00"})
	_, o := s.the("Foxglove", on("2026-11-02 09:00"))
	if got := o.Next.Due.Sub(on("2026-10-30 17:00")); got != 169*time.Hour {
		t.Errorf("the check is due %s after the thank-you, want 169h", got)
	}
}

// Riverbend Utilities: Sam applies by email on Monday 2 February 2026 at
// 08:50 and the company acknowledges it; no interview follows.
func riverbend() (hiring person, apply letter, ls []letter) {
	hiring = person{"Riverbend Utilities Hiring", "hiring@riverbend.example"}
	apply = msg{from: sam, to: hiring, at: on("2026-02-02 08:50"), id: "app.ga1147@example.com",
		subject: "Application: GIS Analyst (ref. GA-1147)", body: `
Dear Hiring Team,

Please find attached my resume and cover letter for the GIS Analyst position (ref. GA-1147). I have four years of experience maintaining utility network data in ArcGIS and would welcome the chance to discuss the role.

Kind regards,
Sam Rivera
`}.letter()
	ack := msg{from: person{"Riverbend Utilities Careers", "careers@riverbend.example"}, to: sam, at: on("2026-02-02 09:12"), id: "ack.ga1147.77@riverbend.example", re: &apply,
		subject: "Re: Application: GIS Analyst (ref. GA-1147)", body: `
Dear Sam Rivera,

Thank you for applying for the GIS Analyst position at Riverbend Utilities. This is to confirm that we have received your application. Our hiring team reviews every application carefully and will contact you if your qualifications match our needs.

Riverbend Utilities Human Resources
`}.letter()
	return hiring, apply, []letter{apply, ack}
}

func beforeInterviewNothing(t *testing.T, srv *imaptest.Server) {
	_, _, ls := riverbend()
	s := newStory(t, srv, on("2026-03-16 09:00"))
	s.deliver(ls...)
	s.syncAt(on("2026-03-16 09:00"))

	for _, at := range []string{"2026-02-02 09:12", "2026-02-16 08:50", "2026-03-16 09:00"} {
		s.check("Riverbend", at, expect{state: policy.Applied, stops: []string{}})
		s.inDigest("Riverbend", at, "")
	}
}

func beforeInterviewOneCheck(t *testing.T, srv *imaptest.Server) {
	riverbendFollowUp(t, srv, false)
}

// The same read in one go, as on the first run of inboxwatch: Sam's
// follow-up answers his own application email, not the acknowledgement.
func ownFollowUpReadOnTheFirstScan(t *testing.T, srv *imaptest.Server) {
	riverbendFollowUp(t, srv, true)
}

func riverbendFollowUp(t *testing.T, srv *imaptest.Server, firstScan bool) {
	hiring, apply, ls := riverbend()
	check := msg{from: sam, to: hiring, at: on("2026-02-16 10:05"), id: "fu.ga1147@example.com", re: &apply,
		subject: "Re: Application: GIS Analyst (ref. GA-1147)", body: `
Dear Hiring Team,

I wanted to follow up on my application for the GIS Analyst position (ref. GA-1147). I remain very interested and would be glad to provide anything else you need.

Kind regards,
Sam Rivera
`}.letter()
	s := newStory(t, srv, on("2026-02-02 09:30"), func(c *config.Config) { c.Policy.FollowUpBeforeInterview = true })
	s.deliver(ls...)
	if !firstScan {
		s.syncAt(on("2026-02-02 09:30"))
	}
	s.deliver(check)
	s.syncAt(on("2026-03-16 09:00"))

	// One check, two weeks after applying...
	due := expect{state: policy.Applied, next: policy.StatusCheck, due: "2026-02-16 08:50"}
	s.check("Riverbend", "2026-02-02 09:12", due)
	s.inDigest("Riverbend", "2026-02-16 08:49", "upcoming")
	s.inDigest("Riverbend", "2026-02-16 08:50", "due")
	s.threads(s.draft("Riverbend", "2026-02-16 08:50"), apply, hiring)
	// ...and no second one: a week after it went out, the application has gone quiet.
	s.check("Riverbend", "2026-02-23 10:04", expect{state: policy.Applied, stops: []string{"sent@2026-02-16 10:05"}})
	s.check("Riverbend", "2026-02-23 10:05", expect{state: policy.GoneQuiet, stops: []string{"sent@2026-02-16 10:05", "gone_quiet@2026-02-23 10:05"}})
	s.check("Riverbend", "2026-03-16 09:00", expect{state: policy.GoneQuiet})
}

// Sunstone Health offers Sam the job; ten days later its careers system
// sends every applicant of the role the news that it has been filled.
func offerSurvivesARejection(t *testing.T, srv *imaptest.Server) {
	keisha := person{"Keisha Grant", "keisha.grant@sunstonehealth.example"}
	inv, thanks := interviewed(keisha, "Sunstone Health", "sunstonehealth.example", "Data Engineer", on("2026-03-04 15:00"), on("2026-03-04 18:00"))
	offer := msg{from: keisha, to: sam, at: on("2026-03-10 14:00"), id: "sh-offer-3390@sunstonehealth.example", re: &thanks,
		subject: "Your offer from Sunstone Health", body: `
Hi Sam,

I'm thrilled to let you know that we would like to offer you the Data Engineer position at Sunstone Health. Your offer letter, with the salary and benefits summary, is attached for your review and signature.

Warm regards,
Keisha Grant
Talent Acquisition, Sunstone Health
`}.letter()
	filled := msg{from: person{"Sunstone Health Careers", "careers-noreply@sunstonehealth.example"}, to: sam, at: on("2026-03-20 08:00"), id: "bulk-de-closeout-114@sunstonehealth.example",
		subject: "Update on your application: Data Engineer", body: `
Dear Sam,

Thank you for your interest in the Data Engineer position at Sunstone Health. This position has now been filled, and we are no longer accepting applications for it. We encourage you to explore other openings on our careers site.

Sunstone Health Talent Acquisition
`}.letter()
	s := newStory(t, srv, on("2026-03-23 09:00"))
	s.deliver(inv, thanks, offer, filled)
	s.syncAt(on("2026-03-23 09:00"))

	s.check("Sunstone", "2026-03-23 09:00", expect{state: policy.Offered, stops: []string{"sent@2026-03-04 18:00", "offered@2026-03-10 14:00"}})
	if n := s.apps(); n != 1 {
		t.Errorf("%d applications, want the one with Sunstone Health", n)
	}
}

// Windrose Travel turns Sam down; Sam answers graciously and Felix
// answers him in turn, in the thread of the original invitation. None of
// that moves the application forward.
func closedStaysClosed(t *testing.T, srv *imaptest.Server) {
	felix := person{"Felix Romero", "felix.romero@windrose.example"}
	inv, thanks := interviewed(felix, "Windrose Travel", "windrose.example", "Travel Operations Analyst", on("2026-03-03 10:00"), on("2026-03-03 14:00"))
	no := msg{from: felix, to: sam, at: on("2026-03-09 16:20"), id: "wr-5512@windrose.example", re: &thanks,
		subject: "Re: Interview invitation - Travel Operations Analyst at Windrose Travel", body: `
Hi Sam,

Thank you for interviewing with us for the Travel Operations Analyst role. Unfortunately, we have decided to move forward with another candidate whose experience more closely matches what the team needs right now.

Best wishes,
Felix
`}.letter()
	gracious := msg{from: sam, to: felix, at: on("2026-03-09 18:00"), id: "wr-reply.sam@example.com", re: &no,
		subject: "Re: Interview invitation - Travel Operations Analyst at Windrose Travel", body: `
Hi Felix,

Thank you for letting me know, and for the time you and the team gave me. I'd be glad to be considered for future roles.

Best,
Sam
`}.letter()
	kind := msg{from: felix, to: sam, at: on("2026-03-10 09:15"), id: "wr-5519@windrose.example", re: &gracious,
		subject: "Re: Interview invitation - Travel Operations Analyst at Windrose Travel", body: `
Hi Sam,

Thanks for the gracious reply. It was a close call, and I'll certainly keep you in mind.

Felix
`}.letter()
	s := newStory(t, srv, on("2026-03-24 09:00"))
	s.deliver(inv, thanks, no, gracious, kind)
	s.syncAt(on("2026-03-24 09:00"))

	closed := expect{state: policy.Rejected, stops: []string{"sent@2026-03-03 14:00", "rejected@2026-03-09 16:20"}}
	s.check("Windrose", "2026-03-09 16:20", closed)
	s.check("Windrose", "2026-03-10 09:15", closed)
	s.check("Windrose", "2026-03-24 09:00", closed)
	s.inDigest("Windrose", "2026-03-24 09:00", "")
}

// Tillbrook Hotels turns Sam down; two weeks later the role reopens and
// Wen invites him back for a final interview.
func reopenOnNewInvitation(t *testing.T, srv *imaptest.Server) {
	wen := person{"Wen Li", "wen.li@tillbrook.example"}
	inv, thanks := interviewed(wen, "Tillbrook Hotels", "tillbrook.example", "Front Office Manager", on("2026-03-03 10:00"), on("2026-03-03 14:00"))
	no := msg{from: wen, to: sam, at: on("2026-03-09 16:20"), id: "tb-5512@tillbrook.example",
		subject: "Your application to Tillbrook Hotels", body: `
Dear Sam,

Thank you for interviewing with us for the Front Office Manager position. Unfortunately, we have decided to move forward with another candidate whose experience more closely matches what the team needs right now.

Best wishes,
Wen Li
Tillbrook Hotels
`}.letter()
	back := invite{msg: msg{from: wen, to: sam, at: on("2026-03-25 11:00"), id: "tb-6020@tillbrook.example",
		subject: "Final interview: Front Office Manager at Tillbrook Hotels", body: `
Dear Sam,

I have some good news: the Front Office Manager position has opened up again, and our General Manager would like to invite you to a final interview on Tuesday, March 31 at 11:00 AM. I've sent a calendar invitation for an hour; let me know if the time doesn't suit.

Wen Li
Tillbrook Hotels
`}, start: on("2026-03-31 11:00"), end: on("2026-03-31 12:00"), title: "Final interview: Front Office Manager"}.letter()
	s := newStory(t, srv, on("2026-04-01 09:00"))
	s.deliver(inv, thanks, no, back)
	s.syncAt(on("2026-04-01 09:00"))

	closed := expect{state: policy.Rejected, stops: []string{"sent@2026-03-03 14:00", "rejected@2026-03-09 16:20"}}
	s.check("Tillbrook", "2026-03-09 16:20", closed)
	s.check("Tillbrook", "2026-03-24 09:00", closed)
	// The new invitation moves it forward: it reopens, and the thank-you
	// after the final interview answers that invitation.
	s.check("Tillbrook", "2026-03-25 11:00", expect{state: policy.Interviewing, stops: closed.stops})
	s.check("Tillbrook", "2026-03-31 12:00", expect{state: policy.AwaitingReply, next: policy.ThankYou, due: "2026-04-01 12:00"})
	s.threads(s.draft("Tillbrook", "2026-03-31 12:00"), back, wen)
	if n := s.apps(); n != 1 {
		t.Errorf("%d applications, want the one with Tillbrook Hotels", n)
	}
}

// Bramble Insights: Sam hears on the phone that he was turned down and
// marks it so; then an invitation to a second round arrives.
func correctionMarkHolds(t *testing.T, srv *imaptest.Server) {
	sofia := person{"Sofia Reyes", "sofia.reyes@brambleinsights.example"}
	inv, thanks := interviewed(sofia, "Bramble Insights", "brambleinsights.example", "Research Analyst", on("2026-03-05 14:00"), on("2026-03-05 16:00"))
	s := newStory(t, srv, on("2026-03-12 09:00"))
	s.deliver(inv, thanks)
	s.syncAt(on("2026-03-12 09:00"))
	s.mark("Bramble", "rejected", on("2026-03-12 09:00"))

	second := invite{msg: msg{from: sofia, to: sam, at: on("2026-03-16 10:00"), id: "bi-r2-3001@brambleinsights.example",
		subject: "Second round interview - Research Analyst", body: `
Hi Sam,

The team would like to invite you to a second-round interview for the Research Analyst role on Friday, March 20 at 10:00 AM, with our head of research. The calendar invitation is attached.

Sofia
`}, start: on("2026-03-20 10:00"), end: on("2026-03-20 11:00"), title: "Second round: Research Analyst"}.letter()
	s.deliver(second)
	s.syncAt(on("2026-03-16 10:30"))

	closed := expect{state: policy.Rejected, stops: []string{"sent@2026-03-05 16:00", "rejected@2026-03-12 09:00"}}
	s.check("Bramble", "2026-03-16 10:30", closed)
	s.check("Bramble", "2026-03-20 12:00", closed)
	s.inDigest("Bramble", "2026-03-20 12:00", "")

	// Sam undoes it: the invitation counts again, and the thank-you follows
	// the second round.
	s.mark("Bramble", "active", on("2026-03-16 11:00"))
	s.syncAt(on("2026-03-16 11:00"))
	s.check("Bramble", "2026-03-16 11:00", expect{state: policy.Interviewing})
	s.check("Bramble", "2026-03-20 11:00", expect{state: policy.AwaitingReply, next: policy.ThankYou, due: "2026-03-23 00:00"})
}

// Greyfield Energy: the status check is due, Sam snoozes it until Monday
// 30 March 09:00; Amir then writes, which would bring the next check
// forward to 25 March, but the snooze holds.
func correctionSnoozeHolds(t *testing.T, srv *imaptest.Server) {
	amir := person{"Amir Shah", "amir.shah@greyfield.example"}
	inv, thanks := interviewed(amir, "Greyfield Energy", "greyfield.example", "Grid Analyst", on("2026-03-10 10:00"), on("2026-03-10 13:00"))
	s := newStory(t, srv, on("2026-03-17 13:30"))
	s.deliver(inv, thanks)
	s.syncAt(on("2026-03-17 13:30"))
	s.check("Greyfield", "2026-03-17 13:30", expect{state: policy.AwaitingReply, next: policy.StatusCheck, due: "2026-03-17 13:00"})
	s.snooze("Greyfield", on("2026-03-17 13:30"), on("2026-03-30 09:00"))

	s.deliver(msg{from: amir, to: sam, at: on("2026-03-18 16:00"), id: "gf-7781@greyfield.example",
		subject: "Update on the Grid Analyst role", body: `
Hi Sam,

Thanks for your patience. We are still reviewing candidates for the Grid Analyst role, and I'll update you as soon as the team has decided.

Amir
`}.letter())
	s.syncAt(on("2026-03-18 16:05"))

	held := expect{state: policy.AwaitingReply, next: policy.StatusCheck, due: "2026-03-30 09:00", shown: "2026-03-30 09:00",
		stops: []string{"sent@2026-03-10 13:00", "reply@2026-03-18 16:00"}}
	s.check("Greyfield", "2026-03-18 16:05", held)
	s.check("Greyfield", "2026-03-25 16:00", held)
	s.inDigest("Greyfield", "2026-03-25 16:00", "upcoming")
	s.inDigest("Greyfield", "2026-03-30 09:00", "due")
}

// ---- The scenarios' world ----

// clock is the scenarios' fixed clock: it reads what the scenario set, and
// only moves when the scenario moves it.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// story is one scenario's world: an IMAP server holding Sam's mailbox, and
// inboxwatch reading it with a fixed clock.
type story struct {
	t     *testing.T
	srv   *imaptest.Server
	clock *clock
	cfg   config.Config
	store *state.Store
	tr    *tracker.Tracker
	log   *syncBuffer
}

// newStory starts inboxwatch on srv with a fresh state file, the policy
// reckoned in New York, and the clock at now.
func newStory(t *testing.T, srv *imaptest.Server, now time.Time, edit ...func(*config.Config)) *story {
	t.Helper()
	host, port, _ := net.SplitHostPort(srv.Addr)
	cfg := config.Default()
	cfg.IMAP.Host = host
	cfg.IMAP.Port, _ = strconv.Atoi(port)
	cfg.IMAP.TLS = "none"
	cfg.IMAP.Username = srv.Username
	cfg.IMAP.Password = srv.Password
	cfg.IMAP.Timeout = 10 * time.Second
	cfg.Me.Name = sam.name
	cfg.Me.Addresses = []string{sam.addr}
	cfg.State.Path = filepath.Join(t.TempDir(), "state.db")
	cfg.Digest.Timezone = "America/New_York"
	for _, e := range edit {
		e(&cfg)
	}
	if err := cfg.Validate(config.Need{IMAP: true}); err != nil {
		t.Fatal(err)
	}
	clk := &clock{t: now}
	store, err := state.Open(context.Background(), cfg.State.Path, state.Options{Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	buf := &syncBuffer{}
	log := slog.New(slog.NewTextHandler(buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	tr, err := tracker.New(cfg, store, tracker.Deps{Log: log, Now: clk.Now, ChunkSize: 20})
	if err != nil {
		t.Fatal(err)
	}
	s := &story{t: t, srv: srv, clock: clk, cfg: cfg, store: store, tr: tr, log: buf}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("what inboxwatch read:\n%s", s.dump())
		}
	})
	return s
}

// deliver puts letters into Sam's mailbox: his own into the server's Sent
// folder, the rest into INBOX, each with its date as the arrival time.
func (s *story) deliver(ls ...letter) {
	s.t.Helper()
	for _, l := range ls {
		if l.sent {
			s.srv.AppendAt(s.t, s.srv.SentMailbox, l.raw, l.date, imap.FlagSeen)
		} else {
			s.srv.AppendAt(s.t, "INBOX", l.raw, l.date)
		}
	}
}

// syncAt sets the clock and reads what is new in the mailbox.
func (s *story) syncAt(now time.Time) {
	s.t.Helper()
	s.clock.set(now)
	if _, err := s.tr.Sync(context.Background()); err != nil {
		s.t.Fatalf("sync at %s: %v\nlog:\n%s", when(now), err, s.log.String())
	}
}

// the returns the application of the company whose name starts with
// company, as inboxwatch sees it at the given moment.
func (s *story) the(company string, at time.Time) (policy.Application, policy.Outcome) {
	s.t.Helper()
	apps, outs, err := s.tr.Overview(context.Background(), at)
	if err != nil {
		s.t.Fatal(err)
	}
	var names []string
	for i, a := range apps {
		names = append(names, a.Company)
		if strings.HasPrefix(strings.ToLower(a.Company), strings.ToLower(company)) {
			return a, outs[i]
		}
	}
	s.t.Fatalf("no application for %s among %q", company, names)
	return policy.Application{}, policy.Outcome{}
}

// apps counts the applications inboxwatch keeps.
func (s *story) apps() int {
	s.t.Helper()
	apps, _, err := s.tr.Overview(context.Background(), s.clock.Now())
	if err != nil {
		s.t.Fatal(err)
	}
	return len(apps)
}

// digestAt builds the digest as of at.
func (s *story) digestAt(at time.Time) digest.Digest {
	s.t.Helper()
	d, err := tracker.BuildDigest(context.Background(), s.store, s.cfg, at)
	if err != nil {
		s.t.Fatal(err)
	}
	return d
}

// mark, ignore and snooze are Sam's corrections, made at the clock's time.
func (s *story) mark(company, override string, at time.Time) {
	s.t.Helper()
	s.clock.set(at)
	a, _ := s.the(company, at)
	if err := s.store.Mark(context.Background(), a.ID, override); err != nil {
		s.t.Fatal(err)
	}
}

func (s *story) ignore(company string, at time.Time) {
	s.t.Helper()
	s.clock.set(at)
	a, _ := s.the(company, at)
	if err := s.store.Ignore(context.Background(), a.ID, true); err != nil {
		s.t.Fatal(err)
	}
}

func (s *story) snooze(company string, at, until time.Time) {
	s.t.Helper()
	s.clock.set(at)
	a, _ := s.the(company, at)
	if err := s.store.Snooze(context.Background(), a.ID, until); err != nil {
		s.t.Fatal(err)
	}
}

// dump lists every application inboxwatch keeps, its messages as they were
// read, and the policy's reasoning at the clock's time.
func (s *story) dump() string {
	ctx := context.Background()
	stored, err := s.store.Applications(ctx)
	if err != nil {
		return err.Error()
	}
	apps, outs, err := s.tr.Overview(ctx, s.clock.Now())
	if err != nil {
		return err.Error()
	}
	var b strings.Builder
	for i, a := range stored {
		fmt.Fprintf(&b, "application %d %q role %q domain %q\n", a.ID, a.Company, a.Role, a.Domain)
		for _, m := range a.Messages {
			dir := "in "
			if m.Outbound {
				dir = "out"
			}
			fmt.Fprintf(&b, "  %s %s %-20s %.2f review=%v %q from %s", dir, when(m.Date), m.Category, m.Confidence, m.Review, m.Subject, m.From.Addr)
			if m.Timeline != "" {
				fmt.Fprintf(&b, " timeline=%s", m.Timeline)
			}
			if m.NoFollowUp {
				b.WriteString(" no-follow-up")
			}
			if !m.InterviewAt.IsZero() {
				fmt.Fprintf(&b, " interview=%s..%s", when(m.InterviewAt), when(m.InterviewEnd))
			}
			if m.ReturnDate != "" {
				fmt.Fprintf(&b, " back=%s", m.ReturnDate)
			}
			fmt.Fprintf(&b, "\n      evidence: %s\n", strings.Join(m.Evidence, "; "))
		}
		if i < len(apps) {
			fmt.Fprintf(&b, "  at %s: %s\n", when(s.clock.Now()), strings.Join(outs[i].Explain, "\n    "))
		}
	}
	keys, _ := s.store.MessageKeys(ctx)
	c, _ := s.store.Counts(ctx)
	fmt.Fprintf(&b, "%d messages stored (%d keys), %d in review\n", c.Messages, len(keys), c.Review)
	return b.String()
}

// when shows a moment as Sam would read it.
func when(t time.Time) string {
	if t.IsZero() {
		return "(none)"
	}
	return t.In(newYork).Format("Mon 2 Jan 2006 15:04 MST")
}

// expect is what Sam should see for one application at one moment.
type expect struct {
	state policy.State
	// next is the kind of follow-up pending, "" for none; due, shown and
	// expires are its times, as "2026-03-10 15:00" in New York ("" skips).
	next    policy.Kind
	due     string
	shown   string
	expires string
	// waiting is the decision day the application waits for ("" for none).
	waiting string
	// stops are the stops so far, oldest first, as "reason@2026-03-03 17:40"
	// (nil skips the check).
	stops []string
}

// check compares the application's outcome at the given moment with want.
func (s *story) check(company, at string, want expect) {
	s.t.Helper()
	now := on(at)
	_, o := s.the(company, now)
	ctx := fmt.Sprintf("%s at %s", company, when(now))
	if o.State != want.state {
		s.t.Errorf("%s: state %s, want %s", ctx, o.State, want.state)
	}
	switch {
	case want.next == "" && o.Next != nil:
		s.t.Errorf("%s: %s due %s suggested, want nothing", ctx, o.Next.Kind, when(o.Next.Due))
	case want.next != "" && o.Next == nil:
		s.t.Errorf("%s: nothing suggested, want a %s", ctx, want.next)
	case want.next != "":
		if o.Next.Kind != want.next {
			s.t.Errorf("%s: %s suggested, want a %s", ctx, o.Next.Kind, want.next)
		}
		for _, f := range []struct {
			what string
			got  time.Time
			want string
		}{{"due", o.Next.Due, want.due}, {"shown from", o.Next.VisibleFrom, want.shown}, {"worth sending until", o.Next.Expires, want.expires}} {
			if f.want != "" && !f.got.Equal(on(f.want)) {
				s.t.Errorf("%s: %s %s %s, want %s", ctx, o.Next.Kind, f.what, when(f.got), when(on(f.want)))
			}
		}
	}
	got := ""
	if o.Waiting != nil {
		got = o.Waiting.Until
	}
	if got != want.waiting {
		s.t.Errorf("%s: waiting until %q, want %q", ctx, got, want.waiting)
	}
	if want.stops != nil {
		var stops []string
		for _, st := range o.Stopped {
			stops = append(stops, string(st.Reason)+"@"+st.At.In(newYork).Format("2006-01-02 15:04"))
		}
		if !slices.Equal(stops, want.stops) {
			s.t.Errorf("%s: stops %q, want %q", ctx, stops, want.stops)
		}
	}
}

// sections says which digest section lists the company's follow-up at the
// given moment: "due", "upcoming", "waiting" (the stated-date list) or "".
func (s *story) section(company, at string) string {
	s.t.Helper()
	d := s.digestAt(on(at))
	var in []string
	for _, sec := range []struct {
		name  string
		items []digest.Item
	}{{"due", d.Due}, {"upcoming", d.Upcoming}} {
		for _, it := range sec.items {
			if strings.HasPrefix(strings.ToLower(it.Application.Company), strings.ToLower(company)) {
				in = append(in, sec.name)
			}
		}
	}
	for _, w := range d.Waiting {
		if strings.HasPrefix(strings.ToLower(w.Application.Company), strings.ToLower(company)) {
			in = append(in, "waiting")
		}
	}
	return strings.Join(in, "+")
}

// inDigest checks the digest section listing the company at a moment.
func (s *story) inDigest(company, at, want string) {
	s.t.Helper()
	if got := s.section(company, at); got != want {
		if want == "" {
			want = "none"
		}
		if got == "" {
			got = "none"
		}
		s.t.Errorf("%s in the digest of %s: section %s, want %s", company, when(on(at)), got, want)
	}
}

// draft returns the ready-to-send draft the digest of that moment offers
// for the company's due follow-up.
func (s *story) draft(company, at string) digest.Draft {
	s.t.Helper()
	for _, it := range s.digestAt(on(at)).Due {
		if strings.HasPrefix(strings.ToLower(it.Application.Company), strings.ToLower(company)) {
			return it.Draft
		}
	}
	s.t.Fatalf("%s: nothing due in the digest of %s", company, when(on(at)))
	return digest.Draft{}
}

// threads checks that a draft answers the right message and goes to the
// right person.
func (s *story) threads(d digest.Draft, answers letter, to person) {
	s.t.Helper()
	if d.InReplyTo != "<"+answers.id+">" {
		s.t.Errorf("draft %q answers %s, want <%s>", d.Subject, d.InReplyTo, answers.id)
	}
	if !slices.Contains(d.References, "<"+answers.id+">") {
		s.t.Errorf("draft %q references %q, want <%s> among them", d.Subject, d.References, answers.id)
	}
	var got []string
	for _, a := range d.To {
		got = append(got, a.Addr)
	}
	if len(got) != 1 || got[0] != to.addr {
		s.t.Errorf("draft %q goes to %q, want %s", d.Subject, got, to.addr)
	}
}

// stoppedInDigest checks that the digest of that moment reports the stop.
func (s *story) stoppedInDigest(company, at string, reason policy.StopReason) {
	s.t.Helper()
	d := s.digestAt(on(at))
	var seen []string
	for _, st := range d.Stopped {
		if strings.HasPrefix(strings.ToLower(st.Application.Company), strings.ToLower(company)) {
			if st.Reason == reason {
				return
			}
			seen = append(seen, string(st.Reason))
		}
	}
	s.t.Errorf("%s: the digest of %s does not report %s (it reports %q)", company, when(on(at)), reason, seen)
}

// draftsOnServer files the drafts of the follow-ups due at that moment into
// the server's Drafts folder, the way `run` does, and returns the header of
// each, keyed by the domain it is addressed to.
func (s *story) draftsOnServer(at time.Time) map[string]string {
	s.t.Helper()
	ctx := context.Background()
	s.clock.set(at)
	conn, err := imapwatch.Dial(ctx, tracker.IMAPOptions(s.cfg.IMAP, tracker.Deps{Log: slog.New(slog.DiscardHandler), Now: s.clock.Now}))
	if err != nil {
		s.t.Fatal(err)
	}
	defer conn.Logout(ctx)
	d, err := tracker.BuildDigest(ctx, s.store, s.cfg, at)
	if err != nil {
		s.t.Fatal(err)
	}
	if _, err := s.tr.ReconcileDrafts(ctx, conn, d); err != nil {
		s.t.Fatal(err)
	}
	folders, err := conn.Folders(ctx)
	if err != nil {
		s.t.Fatal(err)
	}
	c := imaptest.Dial(s.t, s.srv)
	defer c.Close()
	sel, err := c.Select(folders.Drafts, &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		s.t.Fatal(err)
	}
	out := map[string]string{}
	if sel.NumMessages == 0 {
		return out
	}
	section := &imap.FetchItemBodySection{Specifier: imap.PartSpecifierHeader, Peek: true}
	bufs, err := c.Fetch(imap.SeqSet{imap.SeqRange{Start: 1, Stop: 0}}, &imap.FetchOptions{BodySection: []*imap.FetchItemBodySection{section}}).Collect()
	if err != nil {
		s.t.Fatal(err)
	}
	for _, b := range bufs {
		h := string(b.FindBodySection(section))
		if !strings.Contains(h, digest.DraftHeader) {
			continue
		}
		for _, line := range strings.Split(h, "\r\n") {
			if to, ok := strings.CutPrefix(line, "To: "); ok {
				if i := strings.LastIndexByte(to, '@'); i >= 0 {
					out[strings.TrimRight(to[i+1:], ">")] = h
				}
			}
		}
	}
	return out
}

package policy_test

import (
	"strings"
	"testing"
	"time"

	"github.com/inboxwatch/inboxwatch/internal/classify"
	"github.com/inboxwatch/inboxwatch/internal/policy"
)

const (
	invitation = classify.InterviewInvitation
	rejection  = classify.Rejection
	offer      = classify.Offer
	reply      = classify.RecruiterReply
	autoReply  = classify.AutoReply
	received   = classify.ApplicationReceived
)

type scenario struct {
	name string
	app  policy.Application
	now  string
	cfg  func(*policy.Config)
	want want
}

func run(t *testing.T, scenarios []scenario) {
	t.Helper()
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			c := cfg()
			if sc.cfg != nil {
				sc.cfg(&c)
			}
			check(t, policy.Evaluate(sc.app, at(sc.now), c), sc.want)
		})
	}
}

// thanked is the story with Sam's thank-you to Dana the evening of the interview.
func thanked(more ...policy.Event) policy.Application {
	return interviewed(append([]policy.Event{out("2026-03-03 18:20", dana, subject("Re: Interview: Senior Backend Engineer"))}, more...)...)
}

func TestThankYou(t *testing.T) {
	run(t, []scenario{
		{name: "nothing while the interview is still going", app: interviewed(), now: "2026-03-03 14:30",
			want: want{state: policy.Interviewing}},
		{name: "shown from the interview's end, due 24 hours after it", app: interviewed(), now: "2026-03-03 15:05",
			want: want{state: policy.AwaitingReply, kind: policy.ThankYou, due: "2026-03-04 15:00", visible: "2026-03-03 15:00",
				why: []string{"Interview with Dana Kim ended Tue 3 Mar 15:00; a thank-you is best sent within 24 hours"}}},
		{name: "no end given: the interview is taken to last an hour",
			app:  app(ackd("2026-02-16 10:14"), in("2026-02-25 09:30", invitation, dana, slot("2026-03-03 14:00", ""))),
			now:  "2026-03-03 16:00",
			want: want{state: policy.AwaitingReply, kind: policy.ThankYou, due: "2026-03-04 15:00", visible: "2026-03-03 15:00"}},
		{name: "a longer interview counts from its real end",
			app:  app(in("2026-02-25 09:30", invitation, dana, slot("2026-03-03 13:00", "2026-03-03 16:30"))),
			now:  "2026-03-03 17:00",
			want: want{state: policy.AwaitingReply, kind: policy.ThankYou, due: "2026-03-04 16:30", visible: "2026-03-03 16:30"}},
		{name: "still shown just before 48 hours", app: interviewed(), now: "2026-03-05 14:59",
			want: want{state: policy.AwaitingReply, kind: policy.ThankYou, due: "2026-03-04 15:00", visible: "2026-03-03 15:00"}},
		{name: "after 48 hours the status check takes over, a week after the interview", app: interviewed(), now: "2026-03-05 15:00",
			want: want{state: policy.AwaitingReply, kind: policy.StatusCheck, due: "2026-03-10 15:00",
				why: []string{"Nothing back since the interview on Tue 3 Mar"}}},
		{name: "not suggested once the user wrote after the interview", app: thanked(), now: "2026-03-04 09:00",
			want: want{state: policy.AwaitingReply, kind: policy.StatusCheck, due: "2026-03-10 18:20",
				why: []string{"your thank-you of Tue 3 Mar"}, stops: []string{"sent@2026-03-03 18:20"}}},
		{name: "a message before the interview is not a thank-you",
			app: interviewed(out("2026-02-25 11:00", dana, subject("Re: Interview: Senior Backend Engineer"))), now: "2026-03-03 16:00",
			want: want{state: policy.AwaitingReply, kind: policy.ThankYou, due: "2026-03-04 15:00", visible: "2026-03-03 15:00"}},
		{name: "an invitation without a time gives no thank-you",
			app: app(ackd("2026-02-16 10:14"), in("2026-02-25 09:30", invitation, marcus)), now: "2026-02-26 09:00",
			want: want{state: policy.Interviewing, kind: policy.StatusCheck, due: "2026-03-04 09:30"}},
		{name: "answering an invitation without a time: waiting on them",
			app: app(in("2026-02-25 09:30", invitation, marcus), out("2026-02-25 12:00", marcus)), now: "2026-02-26 09:00",
			want: want{state: policy.AwaitingReply, kind: policy.StatusCheck, due: "2026-03-04 12:00"}},
		{name: "a reminder without a time keeps the known interview",
			app: interviewed(in("2026-03-02 14:00", invitation, relay, subject("Reminder: your interview"))), now: "2026-03-03 15:30",
			want: want{state: policy.AwaitingReply, kind: policy.ThankYou, due: "2026-03-04 15:00", visible: "2026-03-03 15:00"}},
	})
}

func TestThankYouWindow(t *testing.T) {
	o := policy.Evaluate(interviewed(), at("2026-03-03 15:05"), cfg())
	if o.Next == nil || !o.Next.Expires.Equal(at("2026-03-05 15:00")) {
		t.Fatalf("thank-you should be worth sending until Thu 5 Mar 15:00, got %+v", o.Next)
	}
	if !o.InterviewAt.Equal(at("2026-03-03 14:00")) || !o.InterviewEnd.Equal(at("2026-03-03 15:00")) {
		t.Errorf("interview %s - %s, want Tue 3 Mar 14:00 - 15:00", o.InterviewAt, o.InterviewEnd)
	}
	if o.Next.Reply == nil || o.Next.Reply.Subject != "Interview: Senior Backend Engineer" {
		t.Errorf("the thank-you should answer the invitation, answers %+v", o.Next.Reply)
	}
}

func TestInterviewer(t *testing.T) {
	for _, tc := range []struct {
		name string
		inv  policy.Event
		want string
	}{
		{"the sender", in("2026-02-25 09:30", invitation, dana, slot("2026-03-03 14:00", "")), "Dana Kim <dana.kim@brightline.example>"},
		{"through a relay, answered at Reply-To", in("2026-02-25 09:30", invitation, relay, replyTo(dana), slot("2026-03-03 14:00", "")), "Dana Kim <dana.kim@brightline.example>"},
		{"through a relay, found among the contacts", in("2026-02-25 09:30", invitation, relay, slot("2026-03-03 14:00", "")), "Dana Kim <dana.kim@brightline.example>"},
		{"a company name is not a person", in("2026-02-25 09:30", invitation, careers, slot("2026-03-03 14:00", "")), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := policy.Evaluate(app(tc.inv), at("2026-03-03 16:00"), cfg())
			if o.Next == nil || o.Next.Kind != policy.ThankYou {
				t.Fatalf("want a thank-you, got %+v", o.Next)
			}
			got := o.Next.Interviewer.String()
			if o.Next.Interviewer.Name == "" {
				got = ""
			}
			if got != tc.want {
				t.Errorf("interviewer %q, want %q", got, tc.want)
			}
			if tc.want == "" && !strings.Contains(o.Next.Why, "Interview at Brightline Analytics ended") {
				t.Errorf("why %q should name the company when the interviewer is unknown", o.Next.Why)
			}
		})
	}
}

func TestReminderKeepsInterviewer(t *testing.T) {
	// Dana invites; the day before, the recruiting system sends a reminder
	// of the same slot from a no-reply address answered by Marcus. The
	// thank-you still goes to Dana, in her thread.
	inv := invited()
	reminder := in("2026-03-02 18:00", invitation, careers, replyTo(marcus),
		slot("2026-03-03 14:00", ""), subject("Reminder: your interview with Brightline Analytics"))
	o := policy.Evaluate(app(ackd("2026-02-16 10:14"), inv, reminder), at("2026-03-03 16:00"), cfg())
	if o.Next == nil || o.Next.Kind != policy.ThankYou {
		t.Fatalf("want a thank-you, got %+v", o.Next)
	}
	if got := o.Next.Interviewer; got.Addr != dana.Addr || got.Name != dana.Name {
		t.Errorf("thank-you to %v, want Dana", got)
	}
	if o.Next.Reply == nil || o.Next.Reply.MessageID != inv.MessageID {
		t.Errorf("thank-you answers %+v, want the invitation", o.Next.Reply)
	}
	// A reminder that moves the interview is a new slot: it counts.
	moved := in("2026-03-02 18:00", invitation, careers, replyTo(marcus),
		slot("2026-03-04 10:00", ""), subject("Rescheduled: your interview with Brightline Analytics"))
	o = policy.Evaluate(interviewed(moved), at("2026-03-04 12:00"), cfg())
	if o.Next == nil || o.Next.Kind != policy.ThankYou || o.Next.Reply == nil || o.Next.Reply.MessageID != moved.MessageID {
		t.Errorf("a moved interview should be thanked from the new message, got %+v", o.Next)
	}
}

func TestStatusChecks(t *testing.T) {
	run(t, []scenario{
		{name: "first check a week after the thank-you, same wall clock across the DST change", app: thanked(), now: "2026-03-11 08:00",
			want: want{state: policy.AwaitingReply, kind: policy.StatusCheck, due: "2026-03-10 18:20"}},
		{name: "first check a week after the interview when no thank-you went out", app: interviewed(), now: "2026-03-11 08:00",
			want: want{state: policy.AwaitingReply, kind: policy.StatusCheck, due: "2026-03-10 15:00"}},
		{name: "a quick addition restarts the clock without counting as a check",
			app: thanked(out("2026-03-04 09:10", dana, subject("Portfolio link"))), now: "2026-03-05 09:00",
			want: want{state: policy.AwaitingReply, kind: policy.StatusCheck, due: "2026-03-11 09:10",
				why: []string{"your message of Wed 4 Mar"}, stops: []string{"sent@2026-03-03 18:20"}}},
		{name: "a check the user sent a little early still counts",
			app: thanked(out("2026-03-09 10:00", marcus)), now: "2026-03-10 09:00",
			want: want{state: policy.AwaitingReply, kind: policy.FinalCheck, due: "2026-03-16 10:00",
				stops: []string{"sent@2026-03-03 18:20", "sent@2026-03-09 10:00"}}},
		{name: "a late thank-you past the window restarts the clock",
			app: interviewed(out("2026-03-05 20:00", dana)), now: "2026-03-06 09:00",
			want: want{state: policy.AwaitingReply, kind: policy.StatusCheck, due: "2026-03-12 20:00"}},
		{name: "a first message long after the interview is the status check",
			app: interviewed(out("2026-03-09 09:00", marcus)), now: "2026-03-09 10:00",
			want: want{state: policy.AwaitingReply, kind: policy.FinalCheck, due: "2026-03-16 09:00",
				stops: []string{"sent@2026-03-09 09:00"}}},
	})
}

func TestFinalCheckAndLimit(t *testing.T) {
	checked := func(more ...policy.Event) policy.Application {
		return thanked(append([]policy.Event{out("2026-03-11 09:00", marcus, subject("Checking in: Senior Backend Engineer"))}, more...)...)
	}
	run(t, []scenario{
		{name: "the second check is the final one, a week after the first", app: checked(), now: "2026-03-12 08:00",
			want: want{state: policy.AwaitingReply, kind: policy.FinalCheck, due: "2026-03-18 09:00",
				why:   []string{"Still nothing since your check-in of Wed 11 Mar", "one last brief note"},
				stops: []string{"sent@2026-03-03 18:20", "sent@2026-03-11 09:00"}}},
		{name: "after the final check nothing more is suggested",
			app: checked(out("2026-03-18 10:00", marcus)), now: "2026-03-19 09:00",
			want: want{state: policy.AwaitingReply}},
		{name: "a week after the final check with no answer: gone quiet",
			app: checked(out("2026-03-18 10:00", marcus)), now: "2026-03-26 08:00",
			want: want{state: policy.GoneQuiet,
				stops: []string{"sent@2026-03-03 18:20", "sent@2026-03-11 09:00", "sent@2026-03-18 10:00", "gone_quiet@2026-03-25 10:00"}}},
		{name: "a third check is never suggested, even after the user sends one",
			app: checked(out("2026-03-18 10:00", marcus), out("2026-03-27 09:00", marcus)), now: "2026-04-10 09:00",
			want: want{state: policy.GoneQuiet}},
		{name: "third check not suggested before going quiet either",
			app: checked(out("2026-03-18 10:00", marcus)), now: "2026-03-25 09:59",
			want: want{state: policy.AwaitingReply}},
		{name: "with max_status_checks 1 the only check is a plain one",
			cfg: func(c *policy.Config) { c.MaxStatusChecks = 1 }, app: thanked(), now: "2026-03-11 08:00",
			want: want{state: policy.AwaitingReply, kind: policy.StatusCheck, due: "2026-03-10 18:20"}},
		{name: "with max_status_checks 1, quiet a week after the one check",
			cfg: func(c *policy.Config) { c.MaxStatusChecks = 1 }, app: checked(), now: "2026-03-18 09:00",
			want: want{state: policy.GoneQuiet, stops: []string{"sent@2026-03-03 18:20", "sent@2026-03-11 09:00", "gone_quiet@2026-03-18 09:00"}}},
	})
}

func TestReplies(t *testing.T) {
	update := in("2026-03-06 11:00", reply, marcus, subject("Re: Interview: Senior Backend Engineer"))
	run(t, []scenario{
		{name: "a reply cancels the pending check and restarts the clock", app: thanked(update), now: "2026-03-09 09:00",
			want: want{state: policy.AwaitingReply, kind: policy.StatusCheck, due: "2026-03-13 11:00",
				why:   []string{"Nothing back since Marcus Bell's message of Fri 6 Mar"},
				stops: []string{"sent@2026-03-03 18:20", "reply@2026-03-06 11:00"}}},
		{name: "a reply before the thank-you went out cancels the thank-you",
			app: interviewed(in("2026-03-03 17:00", reply, marcus)), now: "2026-03-03 18:00",
			want: want{state: policy.AwaitingReply, kind: policy.StatusCheck, due: "2026-03-10 17:00",
				stops: []string{"reply@2026-03-03 17:00"}}},
		{name: "a reply after a check restores the full allowance",
			app: thanked(out("2026-03-11 09:00", marcus), in("2026-03-13 10:00", reply, marcus)), now: "2026-03-14 09:00",
			want: want{state: policy.AwaitingReply, kind: policy.StatusCheck, due: "2026-03-20 10:00"}},
		{name: "gone quiet, then an answer: back in play",
			app: thanked(out("2026-03-11 09:00", marcus), out("2026-03-18 10:00", marcus), in("2026-03-30 10:00", reply, marcus)),
			now: "2026-03-31 09:00",
			want: want{state: policy.AwaitingReply, kind: policy.StatusCheck, due: "2026-04-06 10:00",
				stops: []string{"sent@2026-03-03 18:20", "sent@2026-03-11 09:00", "sent@2026-03-18 10:00", "gone_quiet@2026-03-25 10:00"}}},
		{name: "a new round: the invitation cancels the check, nothing until that interview ends",
			app: thanked(in("2026-03-06 11:00", invitation, marcus, slot("2026-03-12 10:00", "2026-03-12 11:00"))), now: "2026-03-09 09:00",
			want: want{state: policy.Interviewing, stops: []string{"sent@2026-03-03 18:20", "reply@2026-03-06 11:00"}}},
		{name: "a new round gets its own thank-you",
			app: thanked(in("2026-03-06 11:00", invitation, marcus, slot("2026-03-12 10:00", "2026-03-12 11:00"))), now: "2026-03-12 11:30",
			want: want{state: policy.AwaitingReply, kind: policy.ThankYou, due: "2026-03-13 11:00", visible: "2026-03-12 11:00"}},
		{name: "an acknowledgement is not a reply: nothing cancelled, clock unchanged",
			app: thanked(ackd("2026-03-05 08:00")), now: "2026-03-06 09:00",
			want: want{state: policy.AwaitingReply, kind: policy.StatusCheck, due: "2026-03-10 18:20", stops: []string{"sent@2026-03-03 18:20"}}},
	})
}

func TestTimeline(t *testing.T) {
	dated := in("2026-03-06 11:00", reply, marcus, timeline("2026-03-12"), subject("Re: Interview: Senior Backend Engineer"))
	run(t, []scenario{
		{name: "a reply with a date: nothing before it", app: thanked(dated), now: "2026-03-09 09:00",
			want: want{state: policy.TimelineGiven, kind: policy.StatusCheck, due: "2026-03-16 00:00", waiting: "2026-03-12",
				why:   []string{"Marcus Bell expected to have news by Thu 12 Mar", "2 business days later"},
				stops: []string{"sent@2026-03-03 18:20", "reply@2026-03-06 11:00"}}},
		{name: "still waiting the day after the date (grace days)", app: thanked(dated), now: "2026-03-13 09:00",
			want: want{state: policy.TimelineGiven, kind: policy.StatusCheck, due: "2026-03-16 00:00", waiting: "2026-03-12"}},
		{name: "due two business days after the date", app: thanked(dated), now: "2026-03-16 08:00",
			want: want{state: policy.AwaitingReply, kind: policy.StatusCheck, due: "2026-03-16 00:00"}},
		{name: "writing before the date is not a check and does not move it",
			app: thanked(dated, out("2026-03-11 10:00", marcus)), now: "2026-03-16 08:00",
			want: want{state: policy.AwaitingReply, kind: policy.StatusCheck, due: "2026-03-16 00:00"}},
		{name: "a check after the date counts; the final one follows a week later",
			app: thanked(dated, out("2026-03-16 09:30", marcus)), now: "2026-03-17 09:00",
			want: want{state: policy.AwaitingReply, kind: policy.FinalCheck, due: "2026-03-23 09:30"}},
		{name: "a date already past when stated is ignored",
			app: thanked(in("2026-03-06 11:00", reply, marcus, timeline("2026-03-02"))), now: "2026-03-09 09:00",
			want: want{state: policy.AwaitingReply, kind: policy.StatusCheck, due: "2026-03-13 11:00"}},
		{name: "a date in an acknowledgement: waiting, but nothing before an interview by default",
			app: app(ackd("2026-02-16 10:14", timeline("2026-03-06"))), now: "2026-03-02 09:00",
			want: want{state: policy.TimelineGiven, waiting: "2026-03-06", stops: []string{}}},
		{name: "after the acknowledgement's date: back to applied",
			app: app(ackd("2026-02-16 10:14", timeline("2026-03-06"))), now: "2026-03-11 09:00",
			want: want{state: policy.Applied}},
		{name: "a date in an acknowledgement holds back the check before an interview",
			cfg: func(c *policy.Config) { c.FollowUpBeforeInterview = true },
			app: app(ackd("2026-02-16 10:14", timeline("2026-03-06"))), now: "2026-03-03 09:00",
			want: want{state: policy.TimelineGiven, kind: policy.StatusCheck, due: "2026-03-10 00:00", waiting: "2026-03-06"}},
	})
}

func TestStopForGood(t *testing.T) {
	run(t, []scenario{
		{name: "rejected", app: thanked(in("2026-03-09 15:10", rejection, marcus)), now: "2026-03-20 09:00",
			want: want{state: policy.Rejected, stops: []string{"sent@2026-03-03 18:20", "rejected@2026-03-09 15:10"}}},
		{name: "offered", app: thanked(in("2026-03-09 16:30", offer, marcus)), now: "2026-03-20 09:00",
			want: want{state: policy.Offered, stops: []string{"sent@2026-03-03 18:20", "offered@2026-03-09 16:30"}}},
		{name: "withdrawn by the user", app: func() policy.Application {
			a := thanked()
			a.Override, a.OverrideAt = policy.OverrideWithdrawn, at("2026-03-09 12:00")
			return a
		}(), now: "2026-03-20 09:00",
			want: want{state: policy.Withdrawn, stops: []string{"sent@2026-03-03 18:20", "withdrawn@2026-03-09 12:00"}}},
		{name: "asked in the acknowledgement not to follow up",
			cfg: func(c *policy.Config) { c.FollowUpBeforeInterview = true },
			app: app(ackd("2026-02-16 10:14", noFollowUp())), now: "2026-04-01 09:00",
			want: want{state: policy.NoFollowUp, stops: []string{"no_follow_up@2026-02-16 10:14"}}},
		{name: "asked in a reply not to follow up",
			app: thanked(in("2026-03-05 10:00", reply, marcus, noFollowUp())), now: "2026-03-20 09:00",
			want: want{state: policy.NoFollowUp, stops: []string{"sent@2026-03-03 18:20", "no_follow_up@2026-03-05 10:00"}}},
		{name: "ignored", app: func() policy.Application {
			a := thanked()
			a.Ignored, a.IgnoredAt = true, at("2026-03-04 08:00")
			return a
		}(), now: "2026-03-20 09:00",
			want: want{state: policy.Ignored, stops: []string{"sent@2026-03-03 18:20", "ignored@2026-03-04 08:00"}}},
	})
}

func TestAutoReply(t *testing.T) {
	checked := func(more ...policy.Event) policy.Application {
		return thanked(append([]policy.Event{out("2026-03-11 09:00", marcus)}, more...)...)
	}
	run(t, []scenario{
		{name: "moves the pending check to one business day after the return",
			app: checked(in("2026-03-11 09:01", autoReply, marcus, returning("2026-03-20"))), now: "2026-03-12 09:00",
			want: want{state: policy.AwaitingReply, kind: policy.FinalCheck, due: "2026-03-23 00:00",
				why:   []string{"Marcus Bell is away, so it waits until Mon 23 Mar"},
				stops: []string{"sent@2026-03-03 18:20", "sent@2026-03-11 09:00"}}},
		{name: "an earlier return never brings the due date forward",
			app: checked(in("2026-03-11 09:01", autoReply, marcus, returning("2026-03-12"))), now: "2026-03-12 09:00",
			want: want{state: policy.AwaitingReply, kind: policy.FinalCheck, due: "2026-03-18 09:00"}},
		{name: "without a return date it changes nothing",
			app: checked(in("2026-03-11 09:01", autoReply, marcus)), now: "2026-03-12 09:00",
			want: want{state: policy.AwaitingReply, kind: policy.FinalCheck, due: "2026-03-18 09:00",
				stops: []string{"sent@2026-03-03 18:20", "sent@2026-03-11 09:00"}}},
		{name: "an auto-reply to the thank-you holds the first check",
			app: thanked(in("2026-03-03 18:21", autoReply, dana, returning("2026-03-13"))), now: "2026-03-11 09:00",
			want: want{state: policy.AwaitingReply, kind: policy.StatusCheck, due: "2026-03-16 00:00"}},
		{name: "the person being away also delays going quiet",
			app:  checked(out("2026-03-18 10:00", marcus), in("2026-03-18 10:01", autoReply, marcus, returning("2026-03-30"))),
			now:  "2026-03-27 09:00",
			want: want{state: policy.AwaitingReply}},
	})
}

func TestCalendar(t *testing.T) {
	friday := func(more ...policy.Event) policy.Application {
		return app(append([]policy.Event{in("2026-03-02 09:30", invitation, dana, slot("2026-03-06 14:00", "2026-03-06 15:00"))}, more...)...)
	}
	december := func(more ...policy.Event) policy.Application {
		return app(append([]policy.Event{
			in("2025-12-10 09:30", invitation, dana, slot("2025-12-18 14:00", "2025-12-18 15:00")),
			out("2025-12-18 18:00", dana),
		}, more...)...)
	}
	run(t, []scenario{
		{name: "thank-you after a Friday interview: shown at once, due Monday", app: friday(), now: "2026-03-06 16:00",
			want: want{state: policy.AwaitingReply, kind: policy.ThankYou, due: "2026-03-09 00:00", visible: "2026-03-06 15:00",
				why: []string{"moved off the weekend to Mon 9 Mar"}}},
		{name: "the weekend stretches the thank-you window", app: friday(), now: "2026-03-09 20:00",
			want: want{state: policy.AwaitingReply, kind: policy.ThankYou, due: "2026-03-09 00:00", visible: "2026-03-06 15:00"}},
		{name: "a check falling on Saturday moves to Monday",
			app: friday(out("2026-03-07 10:00", dana)), now: "2026-03-10 09:00",
			want: want{state: policy.AwaitingReply, kind: policy.StatusCheck, due: "2026-03-16 00:00"}},
		{name: "Christmas pushes the check past New Year", app: december(), now: "2025-12-20 09:00",
			want: want{state: policy.AwaitingReply, kind: policy.StatusCheck, due: "2026-01-02 00:00",
				why: []string{"moved past the quiet period (Dec 24 - Jan 1) to Fri 2 Jan"}}},
		{name: "a stated day before the holidays: grace days skip them",
			app: december(in("2025-12-19 11:00", reply, marcus, timeline("2025-12-23"))), now: "2025-12-29 09:00",
			want: want{state: policy.TimelineGiven, kind: policy.StatusCheck, due: "2026-01-05 00:00", waiting: "2025-12-23"}},
		{name: "quiet periods are configurable",
			cfg: func(c *policy.Config) { c.QuietPeriods = nil }, app: december(), now: "2025-12-20 09:00",
			want: want{state: policy.AwaitingReply, kind: policy.StatusCheck, due: "2025-12-25 18:00"}},
	})
}

func TestBeforeInterview(t *testing.T) {
	applied := func(more ...policy.Event) policy.Application {
		return app(append([]policy.Event{out("2026-02-16 10:02", careers, subject("Application: Senior Backend Engineer")), ackd("2026-02-16 10:14")}, more...)...)
	}
	before := func(c *policy.Config) { c.FollowUpBeforeInterview = true }
	run(t, []scenario{
		{name: "nothing by default, however long it is quiet", app: applied(), now: "2026-04-01 09:00",
			want: want{state: policy.Applied, stops: []string{}}},
		{name: "a recruiter's note before any interview suggests nothing by default",
			app: applied(in("2026-02-20 10:00", reply, marcus)), now: "2026-04-01 09:00",
			want: want{state: policy.Applied, stops: []string{}}},
		{name: "when enabled: one check two weeks after applying", cfg: before, app: applied(), now: "2026-03-03 09:00",
			want: want{state: policy.Applied, kind: policy.StatusCheck, due: "2026-03-02 10:02",
				why: []string{"Nothing back since you applied on Mon 16 Feb"}}},
		{name: "when enabled: only one; then quiet", cfg: before, app: applied(out("2026-03-02 11:00", marcus)), now: "2026-03-10 09:00",
			want: want{state: policy.GoneQuiet, stops: []string{"sent@2026-03-02 11:00", "gone_quiet@2026-03-09 11:00"}}},
		{name: "when enabled: an invitation cancels it", cfg: before,
			app: applied(in("2026-02-25 09:30", invitation, dana, slot("2026-03-03 14:00", "2026-03-03 15:00"))), now: "2026-03-02 09:00",
			want: want{state: policy.Interviewing, stops: []string{"reply@2026-02-25 09:30"}}},
	})
}

func TestTraps(t *testing.T) {
	run(t, []scenario{
		{name: "a rejection never overwrites an offer",
			app: thanked(in("2026-03-09 16:30", offer, marcus), in("2026-03-10 09:00", rejection, relay)), now: "2026-03-20 09:00",
			want: want{state: policy.Offered, stops: []string{"sent@2026-03-03 18:20", "offered@2026-03-09 16:30"}}},
		{name: "a rejected application reopens on a new interview invitation",
			app:  thanked(in("2026-03-09 15:10", rejection, marcus), in("2026-03-16 10:00", invitation, marcus, slot("2026-03-19 10:00", "2026-03-19 11:00"))),
			now:  "2026-03-18 09:00",
			want: want{state: policy.Interviewing, stops: []string{"sent@2026-03-03 18:20", "rejected@2026-03-09 15:10"}}},
		{name: "... and the new interview gets its thank-you",
			app:  thanked(in("2026-03-09 15:10", rejection, marcus), in("2026-03-16 10:00", invitation, marcus, slot("2026-03-19 10:00", "2026-03-19 11:00"))),
			now:  "2026-03-19 12:00",
			want: want{state: policy.AwaitingReply, kind: policy.ThankYou, due: "2026-03-20 11:00", visible: "2026-03-19 11:00"}},
		{name: "an ordinary reply does not reopen a rejection",
			app: thanked(in("2026-03-09 15:10", rejection, marcus), in("2026-03-10 09:00", reply, marcus)), now: "2026-03-20 09:00",
			want: want{state: policy.Rejected}},
		{name: "an offer after a rejection moves it forward",
			app: thanked(in("2026-03-09 15:10", rejection, marcus), in("2026-03-20 10:00", offer, marcus)), now: "2026-03-21 09:00",
			want: want{state: policy.Offered, stops: []string{"sent@2026-03-03 18:20", "rejected@2026-03-09 15:10", "offered@2026-03-20 10:00"}}},
		{name: "a rejection after 'do not follow up' is a rejection",
			app: app(ackd("2026-02-16 10:14", noFollowUp()), in("2026-03-02 10:00", rejection, careers)), now: "2026-03-03 09:00",
			want: want{state: policy.Rejected, stops: []string{"no_follow_up@2026-02-16 10:14", "rejected@2026-03-02 10:00"}}},
		{name: "uncertain messages count but change nothing",
			app:  thanked(in("2026-03-06 10:00", rejection, marcus, uncertain(0.41)), in("2026-03-07 10:00", invitation, marcus, uncertain(0.5), slot("2026-03-12 10:00", ""))),
			now:  "2026-03-11 08:00",
			want: want{state: policy.AwaitingReply, kind: policy.StatusCheck, due: "2026-03-10 18:20", stops: []string{"sent@2026-03-03 18:20"}}},
		{name: "events out of order are replayed in time order",
			app: app(out("2026-03-03 18:20", dana), invited(), ackd("2026-02-16 10:14")), now: "2026-03-04 09:00",
			want: want{state: policy.AwaitingReply, kind: policy.StatusCheck, due: "2026-03-10 18:20"}},
		{name: "mail dated after now is not known yet",
			app: thanked(in("2026-03-09 15:10", rejection, marcus)), now: "2026-03-05 09:00",
			want: want{state: policy.AwaitingReply, kind: policy.StatusCheck, due: "2026-03-10 18:20"}},
	})
}

func TestCorrections(t *testing.T) {
	mark := func(a policy.Application, o policy.Override, when string) policy.Application {
		a.Override, a.OverrideAt = o, at(when)
		return a
	}
	misread := in("2026-03-09 15:10", rejection, marcus)
	run(t, []scenario{
		{name: "marked rejected holds against a later invitation",
			app:  mark(thanked(in("2026-03-12 10:00", invitation, marcus, slot("2026-03-17 10:00", ""))), policy.OverrideRejected, "2026-03-09 12:00"),
			now:  "2026-03-18 09:00",
			want: want{state: policy.Rejected, stops: []string{"sent@2026-03-03 18:20", "rejected@2026-03-09 12:00"}}},
		{name: "marked offered holds against a later rejection",
			app:  mark(thanked(in("2026-03-12 10:00", rejection, marcus)), policy.OverrideOffered, "2026-03-10 12:00"),
			now:  "2026-03-18 09:00",
			want: want{state: policy.Offered, stops: []string{"sent@2026-03-03 18:20", "offered@2026-03-10 12:00"}}},
		{name: "confirming an inferred rejection adds no second stop",
			app: mark(thanked(misread), policy.OverrideRejected, "2026-03-10 08:00"), now: "2026-03-18 09:00",
			want: want{state: policy.Rejected, stops: []string{"sent@2026-03-03 18:20", "rejected@2026-03-09 15:10"}}},
		{name: "reopened: the misread rejection no longer counts and the clock restarts",
			app: mark(thanked(misread), policy.OverrideActive, "2026-03-10 09:00"), now: "2026-03-11 09:00",
			want: want{state: policy.AwaitingReply, kind: policy.StatusCheck, due: "2026-03-17 09:00",
				why:   []string{"you reopened it on Tue 10 Mar"},
				stops: []string{"sent@2026-03-03 18:20", "rejected@2026-03-09 15:10"}}},
		{name: "reopened, then a real rejection closes it again",
			app: mark(thanked(misread, in("2026-03-16 10:00", rejection, marcus)), policy.OverrideActive, "2026-03-10 09:00"), now: "2026-03-17 09:00",
			want: want{state: policy.Rejected, stops: []string{"sent@2026-03-03 18:20", "rejected@2026-03-09 15:10", "rejected@2026-03-16 10:00"}}},
		{name: "a correction made after the evaluated moment is not applied yet",
			app: mark(thanked(), policy.OverrideWithdrawn, "2026-03-12 09:00"), now: "2026-03-11 08:00",
			want: want{state: policy.AwaitingReply, kind: policy.StatusCheck, due: "2026-03-10 18:20"}},
		{name: "snoozed: the check waits until the snooze ends",
			app: func() policy.Application { a := thanked(); a.SnoozedUntil = at("2026-03-13 09:00"); return a }(), now: "2026-03-11 09:00",
			want: want{state: policy.AwaitingReply, kind: policy.StatusCheck, due: "2026-03-13 09:00", why: []string{"snoozed until Fri 13 Mar 09:00"}}},
		{name: "snoozed past the thank-you window: the thank-you is dropped",
			app: func() policy.Application { a := interviewed(); a.SnoozedUntil = at("2026-03-06 09:00"); return a }(), now: "2026-03-03 16:00",
			want: want{state: policy.AwaitingReply, kind: policy.StatusCheck, due: "2026-03-10 15:00"}},
		{name: "snoozed a little: the thank-you shows when the snooze ends",
			app: func() policy.Application { a := interviewed(); a.SnoozedUntil = at("2026-03-04 09:00"); return a }(), now: "2026-03-03 16:00",
			want: want{state: policy.AwaitingReply, kind: policy.ThankYou, due: "2026-03-04 15:00", visible: "2026-03-04 09:00"}},
		{name: "an expired snooze changes nothing",
			app: func() policy.Application { a := thanked(); a.SnoozedUntil = at("2026-03-05 09:00"); return a }(), now: "2026-03-11 09:00",
			want: want{state: policy.AwaitingReply, kind: policy.StatusCheck, due: "2026-03-10 18:20"}},
	})
}

func TestExplain(t *testing.T) {
	a := thanked(in("2026-03-06 10:00", rejection, marcus, uncertain(0.41)))
	o := policy.Evaluate(a, at("2026-03-11 08:00"), cfg())
	text := strings.Join(o.Explain, "\n")
	for _, want := range []string{
		"Mon 16 Feb 10:14: acknowledgement from Brightline Analytics (automatic, not a reply)",
		"interview set for Tue 3 Mar 14:00 to 15:00",
		"Tue 3 Mar 18:20: you wrote after the interview: that is the thank-you",
		"Fri 6 Mar 10:00: rejection from Marcus Bell, but the reading is uncertain (0.41): counted, not acted on",
		"State: awaiting_reply.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("explanation lacks %q:\n%s", want, text)
		}
	}
	applied := policy.Evaluate(app(ackd("2026-02-16 10:14")), at("2026-03-11 08:00"), cfg())
	if last := applied.Explain[len(applied.Explain)-1]; !strings.Contains(last, "policy.follow_up_before_interview") {
		t.Errorf("explanation should point at the setting, ends with %q", last)
	}
}

func TestOutcomeTimeline(t *testing.T) {
	a := thanked(in("2026-03-06 11:00", reply, marcus, timeline("2026-03-12")))
	if o := policy.Evaluate(a, at("2026-03-20 09:00"), cfg()); o.Timeline != "2026-03-12" {
		t.Errorf("timeline %q, want the stated 2026-03-12 even after it passed", o.Timeline)
	}
	a = thanked(in("2026-03-06 11:00", reply, marcus, timeline("2026-03-12")), in("2026-03-13 11:00", reply, marcus))
	if o := policy.Evaluate(a, at("2026-03-20 09:00"), cfg()); o.Timeline != "" {
		t.Errorf("timeline %q, want none once a later reply superseded it", o.Timeline)
	}
}

func TestZeroConfigUsesDefaults(t *testing.T) {
	o := policy.Evaluate(thanked(), at("2026-03-04 09:00"), policy.Config{Location: ny, MaxStatusChecks: 2})
	if o.Next == nil || !o.Next.Due.Equal(at("2026-03-10 18:20")) {
		t.Fatalf("want the default week-long wait, got %+v", o.Next)
	}
	_ = time.Second
}

package policy_test

import (
	"fmt"
	"time"

	"github.com/inboxwatch/inboxwatch/internal/classify"
	"github.com/inboxwatch/inboxwatch/internal/mailparse"
	"github.com/inboxwatch/inboxwatch/internal/policy"
)

func ExampleEvaluate() {
	loc, _ := time.LoadLocation("Europe/London")
	day := func(s string) time.Time {
		t, _ := time.ParseInLocation("2006-01-02 15:04", s, loc)
		return t
	}
	grace := mailparse.Address{Name: "Grace Lindqvist", Addr: "grace.lindqvist@harborpine.example"}
	me := mailparse.Address{Name: "Sam Rivera", Addr: "sam@fastmail.example"}
	app := policy.Application{
		ID: 4, Company: "Harbor & Pine", Role: "Site Reliability Engineer",
		Contacts: []mailparse.Address{grace},
		Events: []policy.Event{
			{At: day("2026-02-24 09:10"), Category: classify.InterviewInvitation, Confidence: 0.95, From: grace, To: []mailparse.Address{me},
				InterviewAt: day("2026-03-03 13:30"), InterviewEnd: day("2026-03-03 15:00"), Subject: "Panel interview"},
			{At: day("2026-03-03 19:15"), Outbound: true, From: me, To: []mailparse.Address{grace}, Subject: "Re: Panel interview"},
			{At: day("2026-03-09 10:05"), Category: classify.RecruiterReply, Confidence: 0.9, From: grace, To: []mailparse.Address{me},
				Timeline: "2026-03-13", Subject: "Re: Panel interview"},
		},
	}
	cfg := policy.Default(loc)
	for _, now := range []string{"2026-03-03 16:00", "2026-03-05 09:00", "2026-03-10 09:00", "2026-03-17 09:00"} {
		out := policy.Evaluate(app, day(now), cfg)
		fmt.Printf("%s  %-14s", now[:10], out.State)
		if out.Next != nil {
			fmt.Printf(" %s due %s", out.Next.Kind, out.Next.Due.Format("Mon 2 Jan 15:04"))
		}
		if out.Waiting != nil {
			fmt.Printf(" (waiting until %s)", out.Waiting.Until)
		}
		fmt.Println()
	}
	// Output:
	// 2026-03-03  awaiting_reply thank_you due Wed 4 Mar 15:00
	// 2026-03-05  awaiting_reply status_check due Tue 10 Mar 19:15
	// 2026-03-10  timeline_given status_check due Tue 17 Mar 00:00 (waiting until 2026-03-13)
	// 2026-03-17  awaiting_reply status_check due Tue 17 Mar 00:00
}

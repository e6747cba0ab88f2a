package tracker

import (
	"context"
	"strings"
	"time"

	"github.com/inboxwatch/inboxwatch/internal/config"
	"github.com/inboxwatch/inboxwatch/internal/mailparse"
	"github.com/inboxwatch/inboxwatch/internal/policy"
	"github.com/inboxwatch/inboxwatch/internal/state"
)

// PolicyConfig turns the policy: section into the policy's settings.
func PolicyConfig(cfg config.Config) policy.Config {
	loc, err := cfg.Location()
	if err != nil {
		loc = time.Local
	}
	p := policy.Default(loc)
	c := cfg.Policy
	p.ThankYouAfter = c.ThankYouAfter
	p.ThankYouWindow = c.ThankYouWindow
	p.DefaultInterviewLength = c.InterviewLength
	p.StatusCheckAfter = c.StatusCheckAfter
	p.TimelineGraceDays = c.TimelineGraceDays
	p.FinalCheckAfter = c.FinalCheckAfter
	p.MaxStatusChecks = c.MaxStatusChecks
	p.AutoReplyGraceDays = c.AutoReplyGraceDays
	p.FollowUpBeforeInterview = c.FollowUpBeforeInterview
	p.BeforeInterviewAfter = c.BeforeInterviewAfter
	p.QuietPeriods = nil
	for _, q := range c.QuietPeriods {
		if r, err := config.ParsePeriod(q); err == nil {
			p.QuietPeriods = append(p.QuietPeriods, policy.Period{FromMonth: r[0].Month, FromDay: r[0].Day, ToMonth: r[1].Month, ToDay: r[1].Day})
		}
	}
	return p
}

// noReply reports whether an address is a machine's, not a person's.
func noReply(a mailparse.Address) bool {
	l := a.Local()
	for _, s := range []string{"noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply", "mailer-daemon", "notification", "bounce", "postmaster"} {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}

// PolicyApp turns a stored application into the policy's view of it.
func PolicyApp(a state.Application, me map[string]bool) policy.Application {
	pa := policy.Application{
		ID: a.ID, Company: a.Company, Role: a.Role,
		Override: policy.Override(a.Override), OverrideAt: a.OverrideAt,
		Ignored: a.Ignored, SnoozedUntil: a.SnoozedUntil,
	}
	seen := map[string]bool{}
	addContact := func(ad mailparse.Address) {
		if ad.Addr == "" || me[ad.Addr] || seen[ad.Addr] || noReply(ad) {
			return
		}
		seen[ad.Addr] = true
		pa.Contacts = append(pa.Contacts, ad)
	}
	for _, m := range a.Messages {
		ev := policy.Event{
			At: m.Date, Outbound: m.Outbound, Category: m.Category, Confidence: m.Confidence, Review: m.Review,
			Timeline: m.Timeline, NoFollowUp: m.NoFollowUp, InterviewAt: m.InterviewAt, InterviewEnd: m.InterviewEnd,
			ReturnDate: m.ReturnDate, MessageID: m.MessageID, References: m.References, Subject: m.Subject,
			From: m.From, ReplyTo: m.ReplyTo, To: m.To, Cc: m.Cc, Evidence: m.Evidence,
		}
		pa.Events = append(pa.Events, ev)
		if m.Outbound {
			for _, t := range m.To {
				addContact(t)
			}
			continue
		}
		if m.Category.IsHuman() && !m.Review {
			if len(m.ReplyTo) > 0 {
				addContact(m.ReplyTo[0])
			}
			addContact(m.From)
		}
	}
	return pa
}

// Overview evaluates every application as of now.
func (t *Tracker) Overview(ctx context.Context, now time.Time) ([]policy.Application, []policy.Outcome, error) {
	return Overview(ctx, t.store, t.cfg, now)
}

// Overview evaluates every application of store as of now.
func Overview(ctx context.Context, store *state.Store, cfg config.Config, now time.Time) ([]policy.Application, []policy.Outcome, error) {
	apps, err := store.Applications(ctx)
	if err != nil {
		return nil, nil, err
	}
	me := map[string]bool{}
	for _, a := range cfg.Me.Addresses {
		me[strings.ToLower(a)] = true
	}
	pc := PolicyConfig(cfg)
	pas := make([]policy.Application, 0, len(apps))
	outs := make([]policy.Outcome, 0, len(apps))
	for _, a := range apps {
		pa := PolicyApp(a, me)
		pas = append(pas, pa)
		outs = append(outs, policy.Evaluate(pa, now, pc))
	}
	return pas, outs, nil
}

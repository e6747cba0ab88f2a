package policy

import (
	"fmt"
	"slices"
	"time"

	"github.com/inboxwatch/inboxwatch/internal/classify"
)

// Evaluate folds an application's events, oldest first, into its state and
// the follow-up pending at now. Events dated after now are not yet known and
// are left out. See the package documentation for the rules.
func Evaluate(app Application, now time.Time, cfg Config) Outcome {
	cfg = withDefaults(cfg)
	now = now.In(cfg.Loc())
	f := &fold{cfg: cfg, app: &app, now: now}

	events := make([]*Event, 0, len(app.Events))
	for i := range app.Events {
		if !app.Events[i].At.After(now) {
			events = append(events, &app.Events[i])
		}
	}
	slices.SortStableFunc(events, func(a, b *Event) int { return a.At.Compare(b.At) })

	overrideAt := app.OverrideAt
	override := app.Override
	if override != NoOverride && overrideAt.After(now) {
		f.note(overrideAt, "your correction (%s) is dated after the time evaluated; not applied", override)
		override = NoOverride
	}
	pendingOverride := override != NoOverride && !overrideAt.IsZero()
	for _, e := range events {
		if pendingOverride && e.At.After(overrideAt) {
			f.advance(overrideAt)
			f.correct(override, overrideAt)
			pendingOverride = false
		}
		f.advance(e.At)
		f.event(e)
	}
	if override != NoOverride && (pendingOverride || overrideAt.IsZero()) {
		at := overrideAt
		if at.IsZero() && len(events) > 0 {
			at = events[len(events)-1].At
		}
		f.advance(at)
		f.correct(override, at)
	}
	f.advance(now)
	return f.outcome()
}

// withDefaults fills the durations a zero Config leaves unset.
func withDefaults(c Config) Config {
	d := Default(c.Location)
	if c.Location == nil {
		c.Location = d.Location
	}
	for _, p := range []struct{ v, def *time.Duration }{
		{&c.ThankYouAfter, &d.ThankYouAfter}, {&c.ThankYouWindow, &d.ThankYouWindow},
		{&c.DefaultInterviewLength, &d.DefaultInterviewLength}, {&c.StatusCheckAfter, &d.StatusCheckAfter},
		{&c.FinalCheckAfter, &d.FinalCheckAfter}, {&c.BeforeInterviewAfter, &d.BeforeInterviewAfter},
	} {
		if *p.v <= 0 {
			*p.v = *p.def
		}
	}
	if c.ThankYouWindow < c.ThankYouAfter {
		c.ThankYouWindow = c.ThankYouAfter
	}
	return c
}

// fold is the running state of Evaluate.
type fold struct {
	cfg Config
	app *Application
	now time.Time

	closed   State // a closing state, or "" while open
	frozen   bool  // the user's correction fixed the state
	quiet    bool  // gone quiet: the allowed checks went unanswered
	reopenAt time.Time

	started time.Time // the first event

	interviewed    bool
	iv             *Event // the latest interview invitation
	ivStart, ivEnd time.Time
	thanked        bool   // the user wrote after the interview's end
	thanks         *Event // the message that was the thank-you
	replyAfterEnd  bool   // a human message arrived after the interview's end

	lastHuman *Event
	lastOut   *Event
	checks    int
	lastCheck *Event

	timeline      string // last stated day, for display
	timelineSet   bool   // a stated day is in force
	timelineHuman bool   // stated in a reply (it replaces the clock) rather than an acknowledgement
	timelineBy    *Event
	timelineEnd   time.Time // the start of the day after the stated day
	timelineDue   time.Time // the stated day plus the grace days

	floor   time.Time // no follow-up before this (an auto-reply's return)
	floorBy *Event

	stops   []Stop
	explain []string
}

func (f *fold) note(t time.Time, format string, args ...any) {
	f.explain = append(f.explain, f.cfg.fmtWhen(t)+": "+fmt.Sprintf(format, args...))
}

func (f *fold) stop(r StopReason, at time.Time) {
	f.stops = append(f.stops, Stop{Reason: r, At: at})
}

func (f *fold) close(s State, r StopReason, at time.Time) {
	f.closed = s
	f.stop(r, at)
}

// ivKnown reports whether the latest interview's time is known.
func (f *fold) ivKnown() bool { return f.interviewed && !f.ivEnd.IsZero() }

// interviewAhead reports whether the latest interview has not ended at t.
func (f *fold) interviewAhead(t time.Time) bool { return f.ivKnown() && t.Before(f.ivEnd) }

// thankYouOpen reports whether a thank-you is still the user's to send at
// t: the interview is over and neither side has written since it ended.
func (f *fold) thankYouOpen(t time.Time) bool {
	return f.ivKnown() && !t.Before(f.ivEnd) && !f.thanked && !f.replyAfterEnd
}

// event applies one message.
func (f *fold) event(e *Event) {
	if f.started.IsZero() {
		f.started = e.At
	}
	if f.frozen {
		f.note(e.At, "%s; your correction stands, so it changes nothing", describe(e))
		if e.Outbound {
			f.lastOut = e
		}
		return
	}
	switch {
	case e.Outbound:
		f.outbound(e)
	case e.Review:
		f.note(e.At, "%s, but the reading is uncertain (%.2f): counted, not acted on", describe(e), e.Confidence)
	case e.Category == classify.AutoReply:
		f.autoReply(e)
	case e.Category == classify.ApplicationReceived:
		f.acknowledgement(e)
	case e.Category.IsHuman():
		f.human(e)
	default:
		f.note(e.At, "%s: not about the application's progress", describe(e))
	}
}

// outbound applies a message the user sent.
func (f *fold) outbound(e *Event) {
	p := f.pending(e.At, false)
	anchor, _ := f.anchor()
	defer func() { f.lastOut = e }()
	switch {
	case f.closed != "":
		f.note(e.At, "you wrote; the application is %s", label(f.closed))
		return
	case f.quiet:
		f.note(e.At, "you wrote again after it had gone quiet; inboxwatch suggests nothing more")
		return
	}
	if f.thankYouOpen(e.At) {
		f.thanked = true
		if p != nil && p.Kind == ThankYou {
			f.thanks = e
			f.stop(StopSent, e.At)
			f.note(e.At, "you wrote after the interview: that is the thank-you")
			return
		}
		if p != nil && f.countsAsCheck(e, p, anchor) {
			return
		}
		f.note(e.At, "you wrote after the interview, past the thank-you window; the wait restarts from this message")
		return
	}
	if p != nil && f.countsAsCheck(e, p, anchor) {
		return
	}
	if f.interviewed || f.cfg.FollowUpBeforeInterview {
		f.note(e.At, "you wrote; the wait restarts from this message")
	} else {
		f.note(e.At, "you wrote")
	}
}

// countsAsCheck records e as the pending status check when it went out after
// silence: at least halfway from the start of the wait to the check's due
// time, and after any stated decision day.
func (f *fold) countsAsCheck(e *Event, p *Suggestion, anchor time.Time) bool {
	if p.Kind != StatusCheck && p.Kind != FinalCheck {
		return false
	}
	mid := anchor
	if p.Due.After(anchor) {
		mid = anchor.Add(p.Due.Sub(anchor) / 2)
	}
	if e.At.Before(mid) || (f.timelineSet && e.At.Before(f.timelineEnd)) {
		return false
	}
	f.checks++
	f.lastCheck = e
	f.timelineSet = false
	f.stop(StopSent, e.At)
	if p.Kind == FinalCheck {
		f.note(e.At, "you sent the last check-in")
	} else {
		f.note(e.At, "you sent a check-in (%d of %d)", f.checks, f.allowed())
	}
	return true
}

// human applies a message from a person on the application's side.
func (f *fold) human(e *Event) {
	forward := e.Category == classify.InterviewInvitation || e.Category == classify.Offer
	p := f.pending(e.At, false)
	switch {
	case f.closed == Offered:
		f.note(e.At, "%s; an offer stays an offer", describe(e))
		return
	case f.closed == NoFollowUp && e.Category == classify.Rejection:
		f.note(e.At, "%s", describe(e))
		f.close(Rejected, StopRejected, e.At)
		return
	case f.closed != "" && !forward:
		f.note(e.At, "%s; the application stays %s", describe(e), label(f.closed))
		return
	case f.closed != "":
		f.note(e.At, "%s: it moves the application forward, so it reopens", describe(e))
		f.closed = ""
	case f.quiet:
		f.note(e.At, "%s: an answer at last, so it is no longer quiet", describe(e))
	default:
		f.note(e.At, "%s", describe(e))
	}
	f.quiet = false
	f.lastHuman = e
	f.checks = 0
	f.lastCheck = nil
	f.floor, f.floorBy = time.Time{}, nil
	f.timelineSet, f.timeline = false, ""
	if f.ivKnown() && !e.At.Before(f.ivEnd) {
		f.replyAfterEnd = true
	}
	switch e.Category {
	case classify.InterviewInvitation:
		f.invitation(e)
	case classify.Rejection:
		f.close(Rejected, StopRejected, e.At)
	case classify.Offer:
		f.close(Offered, StopOffered, e.At)
	}
	if f.closed == "" && e.Timeline != "" {
		f.setTimeline(e, true)
	}
	if f.closed == "" && e.NoFollowUp {
		f.close(NoFollowUp, StopNoFollowUp, e.At)
		f.note(e.At, "they asked not to be chased: no follow-ups from here on")
	}
	if f.closed == "" && p != nil {
		f.stop(StopReply, e.At)
		f.note(e.At, "the pending %s is cancelled and the wait starts over", kindLabel(p.Kind))
	}
}

// invitation records the interview an invitation fixes.
func (f *fold) invitation(e *Event) {
	f.interviewed = true
	start, end := e.InterviewAt, e.InterviewEnd
	if start.IsZero() {
		if f.ivKnown() && e.At.Before(f.ivEnd) {
			// A reminder or update for the interview already known.
			return
		}
		f.iv, f.ivStart, f.ivEnd = e, time.Time{}, time.Time{}
		f.thanked, f.replyAfterEnd = false, false
		f.note(e.At, "interview invitation without a time: no thank-you can be timed")
		return
	}
	stated := !end.IsZero() && end.After(start)
	if !stated {
		end = start.Add(f.cfg.DefaultInterviewLength)
	}
	same := f.ivKnown() && start.Equal(f.ivStart)
	if same && interviewer(f.app, e).Name == "" && interviewer(f.app, f.iv).Name != "" {
		// A system's reminder of the interview already known: the thank-you
		// still goes to the person who invited, in their thread.
		if stated {
			f.ivEnd = end
		}
		return
	}
	f.iv, f.ivStart, f.ivEnd = e, start, end
	if !same {
		f.thanked, f.replyAfterEnd = false, false
	}
	f.note(e.At, "interview set for %s to %s", f.cfg.fmtWhen(start), f.cfg.fmtClock(end))
}

// acknowledgement applies an automatic "application received" message: not
// a reply, but its stated day and a request not to follow up both count.
func (f *fold) acknowledgement(e *Event) {
	f.note(e.At, "%s (automatic, not a reply)", describe(e))
	if f.closed != "" {
		return
	}
	if e.Timeline != "" {
		f.setTimeline(e, false)
	}
	if e.NoFollowUp {
		f.close(NoFollowUp, StopNoFollowUp, e.At)
		f.note(e.At, "it asks applicants not to chase: no follow-ups from here on")
	}
}

// autoReply applies an out-of-office answer: not a reply, but nothing is
// due before the person is back.
func (f *fold) autoReply(e *Event) {
	if e.ReturnDate == "" {
		f.note(e.At, "%s (not a reply)", describe(e))
		return
	}
	day, err := f.cfg.ParseDay(e.ReturnDate)
	if err != nil {
		f.note(e.At, "%s with an unreadable return date %q (not a reply)", describe(e), e.ReturnDate)
		return
	}
	fl := f.cfg.AddBusinessDays(day, f.cfg.AutoReplyGraceDays)
	fl = f.cfg.NextBusinessDay(fl)
	if fl.After(f.floor) {
		f.floor, f.floorBy = fl, e
	}
	f.note(e.At, "%s: back %s, so nothing is due before %s", describe(e), f.cfg.fmtDay(day), f.cfg.fmtDay(f.floor))
}

// setTimeline records a stated decision day.
func (f *fold) setTimeline(e *Event, human bool) {
	day, err := f.cfg.ParseDay(e.Timeline)
	if err != nil {
		f.note(e.At, "unreadable decision day %q, ignored", e.Timeline)
		return
	}
	if day.Before(StartOfDay(e.At, f.cfg.Loc())) {
		f.note(e.At, "the stated day %s had already passed, ignored", e.Timeline)
		return
	}
	f.timeline, f.timelineSet, f.timelineHuman, f.timelineBy = e.Timeline, true, human, e
	f.timelineEnd = addDays(day, 1)
	if f.cfg.TimelineGraceDays > 0 {
		f.timelineDue = f.cfg.AddBusinessDays(day, f.cfg.TimelineGraceDays)
	} else {
		f.timelineDue = f.cfg.NextBusinessDay(f.timelineEnd)
	}
	f.note(e.At, "they expect news by %s: nothing before %s", f.cfg.fmtDay(day), f.cfg.fmtDay(f.timelineDue))
}

// correct applies the user's correction at t.
func (f *fold) correct(o Override, t time.Time) {
	if o == OverrideActive {
		f.note(t, "you reopened the application: earlier closures no longer count and the wait starts over")
		f.closed, f.quiet = "", false
		f.checks, f.lastCheck = 0, nil
		f.reopenAt = t
		return
	}
	var s State
	var r StopReason
	switch o {
	case OverrideRejected:
		s, r = Rejected, StopRejected
	case OverrideOffered:
		s, r = Offered, StopOffered
	case OverrideWithdrawn:
		s, r = Withdrawn, StopWithdrawn
	default:
		f.note(t, "unknown correction %q ignored", o)
		return
	}
	if f.closed != s {
		f.stop(r, t)
	}
	f.closed, f.quiet, f.frozen = s, false, true
	f.note(t, "you marked it %s; that holds whatever mail comes later (app mark %d active undoes it)", s, f.app.ID)
}

// advance notices the application going quiet before t.
func (f *fold) advance(t time.Time) {
	if f.closed != "" || f.quiet || f.interviewAhead(t) {
		return
	}
	if f.thankYouOpen(t) && t.Before(f.thankYou().Expires) {
		return
	}
	s, quietAt := f.round()
	if s == nil && !quietAt.IsZero() && !quietAt.After(t) {
		f.quiet = true
		f.stop(StopGoneQuiet, quietAt)
		f.note(quietAt, "no answer to the last allowed check-in: gone quiet, nothing more will be suggested")
	}
}

// allowed is how many status checks the current wait allows.
func (f *fold) allowed() int {
	if !f.interviewed {
		return 1
	}
	return f.cfg.MaxStatusChecks
}

// active reports whether follow-ups are suggested at all in this phase.
func (f *fold) active() bool { return f.interviewed || f.cfg.FollowUpBeforeInterview }

// pending is the follow-up pending at t; snooze applies the user's snooze
// to a thank-you's usefulness (Evaluate moves the due time itself).
func (f *fold) pending(t time.Time, snooze bool) *Suggestion {
	if f.closed != "" || f.quiet || f.interviewAhead(t) {
		return nil
	}
	if f.thankYouOpen(t) {
		ty := f.thankYou()
		su := f.app.SnoozedUntil
		if t.Before(ty.Expires) && (!snooze || su.IsZero() || su.Before(ty.Expires)) {
			return ty
		}
	}
	s, _ := f.round()
	return s
}

// thankYou is the thank-you for the latest interview.
func (f *fold) thankYou() *Suggestion {
	c := f.cfg
	due := c.NextBusinessDay(c.after(f.ivEnd, c.ThankYouAfter))
	expires := c.after(f.ivEnd, c.ThankYouWindow)
	if keep := c.after(due, c.ThankYouWindow-c.ThankYouAfter); keep.After(expires) {
		expires = keep
	}
	who := interviewer(f.app, f.iv)
	with := "with " + who.Name
	if who.Name == "" {
		with = "at " + nonEmpty(f.app.Company, "the company")
	}
	why := fmt.Sprintf("Interview %s ended %s; a thank-you is best sent within %s", with, c.fmtWhen(f.ivEnd), span(c.ThankYouAfter))
	why += c.pushNote(c.after(f.ivEnd, c.ThankYouAfter), due)
	return &Suggestion{
		Kind: ThankYou, Due: due, VisibleFrom: f.ivEnd, Expires: expires,
		Why: why, Reply: f.iv, Interviewer: who,
	}
}

// anchor is when the current wait started, and what started it.
func (f *fold) anchor() (time.Time, string) {
	c := f.cfg
	t, what := f.started, "you applied on "+c.fmtDay(f.started)
	if f.started.IsZero() {
		what = "you applied"
	}
	if f.ivKnown() && f.ivEnd.After(t) {
		t, what = f.ivEnd, "the interview on "+c.fmtDay(f.ivEnd)
	}
	if f.lastHuman != nil && f.lastHuman.At.After(t) {
		t, what = f.lastHuman.At, possessive(senderName(f.lastHuman))+" message of "+c.fmtDay(f.lastHuman.At)
	}
	if f.lastOut != nil && f.lastOut.At.After(t) {
		kind := "message"
		switch {
		case f.lastCheck == f.lastOut:
			kind = "check-in"
		case f.thanks == f.lastOut:
			kind = "thank-you"
		}
		t, what = f.lastOut.At, "your "+kind+" of "+c.fmtDay(f.lastOut.At)
	}
	if f.reopenAt.After(t) {
		t, what = f.reopenAt, "you reopened it on "+c.fmtDay(f.reopenAt)
	}
	return t, what
}

// round is the next status check of the current wait, or, when the wait's
// checks are used up, nil and the time it goes quiet. Both are zero when no
// follow-up is suggested in this phase.
func (f *fold) round() (*Suggestion, time.Time) {
	if !f.active() {
		return nil, time.Time{}
	}
	c := f.cfg
	anchor, since := f.anchor()
	interval := c.StatusCheckAfter
	if !f.interviewed {
		interval = c.BeforeInterviewAfter
	}
	if f.checks > 0 {
		interval = c.FinalCheckAfter
	}
	raw := c.after(anchor, interval)
	why := fmt.Sprintf("Nothing back since %s; after %s, a short note asking where things stand is fair", since, span(interval))
	switch {
	case f.checks > 0 && f.checks == f.allowed()-1 && f.interviewed:
		why = fmt.Sprintf("Still nothing since %s; one last brief note is fine, and after it inboxwatch suggests nothing more", since)
	case f.checks > 0:
		why = fmt.Sprintf("Still nothing since %s; another short note is fair after %s", since, span(interval))
	case !f.interviewed:
		why = fmt.Sprintf("Nothing back since %s; one short check-in after %s is reasonable", since, span(interval))
	}
	timeline := ""
	if f.timelineSet {
		td := f.timelineDue
		day, _ := c.ParseDay(f.timeline)
		who := "The company"
		if f.timelineBy != nil && f.timelineHuman {
			who = senderName(f.timelineBy)
		}
		if f.timelineHuman || td.After(raw) {
			raw = td
			timeline = f.timeline
			why = fmt.Sprintf("%s expected to have news by %s; if nothing has come %s later, a short check-in is fair",
				who, c.fmtDay(day), days(c.TimelineGraceDays, "business day"))
		}
	}
	due := raw
	if f.floor.After(due) {
		due = f.floor
		why += fmt.Sprintf("; %s is away, so it waits until %s", senderName(f.floorBy), c.fmtDay(f.floor))
	}
	pushed := c.NextBusinessDay(due)
	why += c.pushNote(due, pushed)
	due = pushed
	if f.checks >= f.allowed() {
		return nil, due
	}
	kind := StatusCheck
	if f.interviewed && f.allowed() >= 2 && f.checks == f.allowed()-1 {
		kind = FinalCheck
	}
	reply := f.lastHuman
	if f.lastOut != nil && (reply == nil || f.lastOut.At.After(reply.At)) {
		reply = f.lastOut
	}
	return &Suggestion{Kind: kind, Due: due, VisibleFrom: due, Why: why, Reply: reply, Timeline: timeline}, time.Time{}
}

// outcome is the verdict at f.now.
func (f *fold) outcome() Outcome {
	out := Outcome{Timeline: f.timeline, Stopped: f.stops}
	if f.ivKnown() {
		out.InterviewAt, out.InterviewEnd = f.ivStart, f.ivEnd
	}
	now := f.now
	switch {
	case f.app.Ignored:
		out.State = Ignored
		at := f.app.IgnoredAt
		if at.IsZero() && len(f.app.Events) > 0 {
			at = f.app.Events[len(f.app.Events)-1].At
		}
		out.Stopped = append(out.Stopped, Stop{Reason: StopIgnored, At: at})
		f.explain = append(f.explain, "You ignored this application: no suggestions.")
	case f.closed != "":
		out.State = f.closed
	case f.quiet:
		out.State = GoneQuiet
	case f.interviewAhead(now):
		out.State = Interviewing
	case f.timelineSet && now.Before(f.timelineDue):
		out.State = TimelineGiven
	case !f.interviewed:
		out.State = Applied
	case !f.ivKnown() && (f.lastOut == nil || f.lastOut.At.Before(f.iv.At)):
		out.State = Interviewing
	default:
		out.State = AwaitingReply
	}
	if out.State != Ignored {
		out.Next = f.pending(now, true)
	}
	if out.Next != nil {
		f.snooze(out.Next)
	}
	if out.State == TimelineGiven {
		day, _ := f.cfg.ParseDay(f.timeline)
		who := "The company"
		if f.timelineHuman && f.timelineBy != nil {
			who = senderName(f.timelineBy)
		}
		w := &Waiting{Until: f.timeline, Why: fmt.Sprintf("%s expects to have news by %s", who, f.cfg.fmtDay(day))}
		if out.Next != nil {
			w.Why += "; a check-in is due " + f.cfg.fmtDay(out.Next.Due) + " if nothing comes"
		} else {
			w.Why += "; nothing to send before then"
		}
		out.Waiting = w
	}
	f.explain = append(f.explain, "State: "+string(out.State)+".")
	if out.Next == nil && out.State != Ignored {
		f.explain = append(f.explain, f.whyNothing(out.State))
	}
	out.Explain = f.explain
	return out
}

// snooze holds s back until the end of the user's snooze.
func (f *fold) snooze(s *Suggestion) {
	su := f.app.SnoozedUntil
	if su.IsZero() || !su.After(s.VisibleFrom) {
		return
	}
	s.VisibleFrom = su
	if su.After(s.Due) {
		s.Due = su
	}
	s.Why += "; snoozed until " + f.cfg.fmtWhen(su)
}

// whyNothing says why no follow-up is pending.
func (f *fold) whyNothing(s State) string {
	switch s {
	case Rejected, Offered, Withdrawn:
		return "Nothing to send: the application is " + label(s) + "."
	case NoFollowUp:
		return "Nothing to send: they asked not to be chased."
	case GoneQuiet:
		return "Nothing to send: the allowed check-ins went unanswered."
	}
	switch {
	case f.interviewAhead(f.now):
		return "Nothing to send before the interview ends (" + f.cfg.fmtWhen(f.ivEnd) + ")."
	case !f.active():
		return "Nothing to send before an interview (policy.follow_up_before_interview is off)."
	}
	return "Nothing to send."
}

package policy

import (
	"time"

	"github.com/inboxwatch/inboxwatch/internal/classify"
	"github.com/inboxwatch/inboxwatch/internal/mailparse"
)

// State is an application's state.
type State string

// The application states.
const (
	Applied       State = "applied"
	Interviewing  State = "interviewing"
	AwaitingReply State = "awaiting_reply"
	TimelineGiven State = "timeline_given"
	Rejected      State = "rejected"
	Offered       State = "offered"
	Withdrawn     State = "withdrawn"
	NoFollowUp    State = "no_follow_up"
	GoneQuiet     State = "gone_quiet"
	Ignored       State = "ignored"
)

// States lists the states in display order.
var States = []State{Applied, Interviewing, AwaitingReply, TimelineGiven, Offered, Rejected, Withdrawn, NoFollowUp, GoneQuiet, Ignored}

// Kind is a kind of follow-up.
type Kind string

// The follow-up kinds.
const (
	ThankYou    Kind = "thank_you"
	StatusCheck Kind = "status_check"
	FinalCheck  Kind = "final_check"
)

// Event is one message of an application, as the policy sees it.
type Event struct {
	At       time.Time
	Outbound bool // the user sent it
	// Category is the classifier's reading (inbound only).
	Category   classify.Category
	Confidence float64
	// Review is set when the classification was below the confidence
	// threshold: the message counts as a message, but does not change state.
	Review bool

	Timeline     string // YYYY-MM-DD or ""
	NoFollowUp   bool
	InterviewAt  time.Time // zero when unknown
	InterviewEnd time.Time // zero when unknown
	ReturnDate   string    // YYYY-MM-DD or ""

	MessageID  string
	References []string
	Subject    string
	From       mailparse.Address
	// ReplyTo is where answers go when it differs from From (a person
	// writing through a recruiting system's no-reply address).
	ReplyTo  []mailparse.Address
	To       []mailparse.Address
	Cc       []mailparse.Address
	Evidence []string
}

// Override is a user's correction of an application's state.
type Override string

// The overrides `app mark` accepts.
const (
	NoOverride        Override = ""
	OverrideRejected  Override = "rejected"
	OverrideOffered   Override = "offered"
	OverrideWithdrawn Override = "withdrawn"
	// OverrideActive reopens an application inference had closed.
	OverrideActive Override = "active"
)

// Application is everything known about one application.
type Application struct {
	ID      int64
	Company string
	Role    string
	// Contacts are the people on the application's side who wrote or were written to.
	Contacts []mailparse.Address
	// Events are the application's messages, oldest first.
	Events []Event

	Override     Override
	OverrideAt   time.Time
	Ignored      bool
	IgnoredAt    time.Time // when the user ignored it; zero when unknown
	SnoozedUntil time.Time // zero when not snoozed
}

// Period is a yearly quiet period such as Dec 24 - Jan 1, inclusive.
type Period struct {
	FromMonth time.Month
	FromDay   int
	ToMonth   time.Month
	ToDay     int
}

// Config holds the policy's knobs; Default gives the documented defaults.
type Config struct {
	ThankYouAfter           time.Duration // after the interview's end: due (24h)
	ThankYouWindow          time.Duration // after the interview's end: shown until (48h)
	DefaultInterviewLength  time.Duration // when no end is known (1h)
	StatusCheckAfter        time.Duration // after the user's last message, or the interview (7 days)
	TimelineGraceDays       int           // business days after a stated date (2)
	FinalCheckAfter         time.Duration // after the first status check (7 days)
	MaxStatusChecks         int           // (2)
	AutoReplyGraceDays      int           // business days after an auto-reply's return date (1)
	QuietPeriods            []Period      // (Dec 24 - Jan 1)
	FollowUpBeforeInterview bool          // (false)
	BeforeInterviewAfter    time.Duration // after applying, when the above is true (14 days)
	Location                *time.Location
}

// Default returns the default policy in loc.
func Default(loc *time.Location) Config {
	if loc == nil {
		loc = time.Local
	}
	return Config{
		ThankYouAfter:          24 * time.Hour,
		ThankYouWindow:         48 * time.Hour,
		DefaultInterviewLength: time.Hour,
		StatusCheckAfter:       7 * 24 * time.Hour,
		TimelineGraceDays:      2,
		FinalCheckAfter:        7 * 24 * time.Hour,
		MaxStatusChecks:        2,
		AutoReplyGraceDays:     1,
		QuietPeriods:           []Period{{FromMonth: time.December, FromDay: 24, ToMonth: time.January, ToDay: 1}},
		BeforeInterviewAfter:   14 * 24 * time.Hour,
		Location:               loc,
	}
}

// StopReason says why an application will get no more suggestions, or why a
// pending one was cancelled.
type StopReason string

// The stop reasons.
const (
	StopReply      StopReason = "reply"
	StopRejected   StopReason = "rejected"
	StopOffered    StopReason = "offered"
	StopWithdrawn  StopReason = "withdrawn"
	StopNoFollowUp StopReason = "no_follow_up"
	StopGoneQuiet  StopReason = "gone_quiet"
	StopIgnored    StopReason = "ignored"
	StopSent       StopReason = "sent" // the user sent their own follow-up
)

// Suggestion is a follow-up the user should send.
type Suggestion struct {
	Kind Kind
	// Due is when it should go out; VisibleFrom is when the digest starts
	// showing it as due (a thank-you is due from the interview's end).
	Due         time.Time
	VisibleFrom time.Time
	// Expires is when it is no longer worth sending (zero: never).
	Expires time.Time
	Why     string
	// Reply is the message the follow-up should answer (threading, recipient).
	Reply *Event
	// Interviewer is the person to thank, when known.
	Interviewer mailparse.Address
	// Timeline is the stated decision day (YYYY-MM-DD) a status check
	// follows, or "".
	Timeline string
}

// Waiting is a stated decision date the policy is waiting for.
type Waiting struct {
	Until string // YYYY-MM-DD, as the company gave it
	Why   string
}

// Stop is a stop: the reason and when it happened.
type Stop struct {
	Reason StopReason
	At     time.Time
}

// Outcome is the policy's verdict on one application at one moment.
type Outcome struct {
	State   State
	Next    *Suggestion // nil when nothing is pending
	Waiting *Waiting
	// Stopped lists the stops (closures and cancelled suggestions) that
	// happened, newest last; the digest shows those after the last digest.
	Stopped []Stop
	// Explain says, line by line, how the state and suggestion were reached.
	Explain []string

	// Timeline is the decision day (YYYY-MM-DD) the company last stated and
	// no later message superseded, or "".
	Timeline string
	// InterviewAt and InterviewEnd are the latest known interview's start
	// and end (the end defaulted from the start); zero when unknown.
	InterviewAt  time.Time
	InterviewEnd time.Time
}

// Package classify reads one parsed message and says what it means for a job
// search: an interview invitation, a rejection, an offer, a recruiter's
// reply, an application acknowledgement, an automatic reply, or something
// else, with the dates it states and the evidence behind the decision.
//
// It is pure: a message in, a Result out, no I/O and no clock.
package classify

import "time"

// Category is what a message means for the candidate's applications.
type Category string

// The categories, exactly one per message.
const (
	InterviewInvitation Category = "interview_invitation"
	Rejection           Category = "rejection"
	Offer               Category = "offer"
	RecruiterReply      Category = "recruiter_reply"
	ApplicationReceived Category = "application_received"
	AutoReply           Category = "auto_reply"
	Other               Category = "other"
)

// Categories lists every category in a stable order.
var Categories = []Category{InterviewInvitation, Rejection, Offer, RecruiterReply, ApplicationReceived, AutoReply, Other}

// Valid reports whether c is one of Categories.
func (c Category) Valid() bool {
	for _, k := range Categories {
		if k == c {
			return true
		}
	}
	return false
}

// IsJob reports whether the category is about one of the candidate's own
// applications (everything but Other).
func (c Category) IsJob() bool { return c != Other && c != "" }

// IsHuman reports whether a message of this category is a person (or the
// company) answering about the application, as opposed to an automatic
// receipt or auto-reply.
func (c Category) IsHuman() bool {
	switch c {
	case InterviewInvitation, Rejection, Offer, RecruiterReply:
		return true
	}
	return false
}

// Options carry the context a message cannot tell by itself.
type Options struct {
	// RepliesToUser is true when the message answers something the user sent
	// (its In-Reply-To or References name a message from the user's Sent
	// folder, or it is addressed back in a thread the user started).
	RepliesToUser bool
	// UserAddresses are the user's own addresses, lower case.
	UserAddresses []string
}

// Result is the classifier's reading of one message.
type Result struct {
	Category   Category
	Confidence float64 // 0..1
	// Timeline is the last day of a stated response window, YYYY-MM-DD, or "".
	Timeline string
	// NoFollowUp is true when the message explicitly asks not to follow up
	// or not to ask about the status.
	NoFollowUp bool
	// InterviewAt is the interview's start when the message fixes one.
	InterviewAt *time.Time
	// InterviewEnd is the interview's end when known (a calendar DTEND).
	InterviewEnd *time.Time
	// ReturnDate is, for an auto-reply, the first day the person is back, YYYY-MM-DD, or "".
	ReturnDate string
	// Evidence lists the phrases and headers that drove the decision.
	Evidence []string
}

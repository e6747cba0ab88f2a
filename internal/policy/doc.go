// Package policy decides, for each job application, what state it is in and
// which follow-up the user should send and when: the thank-you after an
// interview, the status checks after silence, nothing before a stated
// decision date, and nothing at all once the application is closed.
//
// It is pure: applications and a clock in, states and suggestions out.
// Evaluate replays an application's messages oldest first; messages dated
// after the clock are not known yet and are left out. All days (weekends,
// quiet periods, stated dates) are reckoned in Config.Location.
//
// # What each message counts as
//
// A human message is an inbound message classified as an interview
// invitation, a rejection, an offer or a recruiter's reply, with enough
// confidence. Only human messages are replies: they cancel whatever
// follow-up was pending (recorded as a StopReply at the message's time),
// reset the count of status checks, clear any auto-reply hold and any
// earlier stated date, and restart the clock from the message itself.
//
// Messages flagged Review (the classifier was unsure) are counted as
// messages but change nothing. Automatic replies are not replies: when they
// give a return date, nothing is due before AutoReplyGraceDays business days
// after it (a due time is only ever moved later, never earlier).
// Acknowledgements ("we received your application") are not replies either,
// but a decision date they state is a stated timeline, and a request in them
// not to follow up closes the application to follow-ups for good. Inbound
// mail of any other category is counted and otherwise ignored.
//
// The user's own messages are read in order:
//
//   - The first message after an interview's end, before any human message
//     from the company, is the thank-you, as long as the thank-you window is
//     open. Past the window it still restarts the clock, and it counts as the
//     first status check if it went out late enough to be one (below).
//   - A later message is a status check when it goes out after silence: no
//     human message since the wait started, at least halfway from the start
//     of the wait to the check's due time, and after any stated decision
//     day. Such a message (a thank-you or a check the user wrote themselves)
//     is recorded as a StopSent for the suggestion it fulfils.
//   - Anything else (a quick addition, a scheduling answer) restarts the
//     clock without counting as a check.
//
// # The rules
//
// Thank-you: after an interview whose start is known (the end defaults to
// start + DefaultInterviewLength), a thank-you is shown from the end, due
// ThankYouAfter after it and worth sending until ThankYouWindow after it.
// It is not suggested when the user already wrote after the end, and it is
// cancelled like anything else when a human message arrives first. An
// interview invitation without a time gives no thank-you; a second
// invitation without a time, while a known interview is still ahead, is
// taken for a reminder of that interview.
//
// Status checks: the first is due StatusCheckAfter after the wait started:
// the user's latest message (normally the thank-you), or the interview's end
// when no thank-you went out, or the latest human message, whichever is
// latest. The next is due FinalCheckAfter after the previous check; the last
// one allowed is of kind FinalCheck. At most MaxStatusChecks go out per
// wait; once they have, and FinalCheckAfter has passed after the last one
// with no human answer, the application has gone quiet (a StopGoneQuiet at
// that moment) and nothing more is suggested until a human writes again.
//
// Stated timelines: a human message that names a decision day replaces the
// clock: nothing is due before TimelineGraceDays business days after that
// day. A day stated in an acknowledgement only holds the clock back. A
// stated day already in the past when the message arrived is ignored. While
// the hold lasts the state is timeline_given and Outcome.Waiting says so.
//
// Before any interview nothing is suggested, unless FollowUpBeforeInterview
// is set: then one status check is due BeforeInterviewAfter after applying
// (the first message of the application), and the application goes quiet
// after it like any other.
//
// Calendar: every due time that falls on a Saturday, a Sunday or a day of a
// quiet period moves to the start (00:00) of the next business day. This
// applies to the thank-you too; its window is then stretched so that it
// never closes before it is due. Dates given as days (a decision day, a
// return date) are due at the start of the computed day.
//
// # Closing and reopening
//
// A rejection closes the application (rejected), an offer closes it
// (offered), and a request not to follow up closes it (no_follow_up); each
// closure is a Stop at the message's time. A rejection never overwrites an
// offer, and nothing that is inferred reopens an offer. A rejected or
// no_follow_up application reopens only when a human message moves it
// forward: an interview invitation or an offer. A rejection after a request
// not to follow up turns it into rejected. Gone-quiet is not a closure: any
// human message brings the application back.
//
// # Corrections
//
// The user's corrections always win over inference, before and after them:
//
//   - app mark ID rejected|offered|withdrawn fixes the state from OverrideAt
//     on; later mail is counted but changes nothing, not even a new
//     interview invitation. The user undoes it with app mark ID active.
//   - app mark ID active reopens the application at OverrideAt: closures
//     before it no longer count, the count of checks starts over and the
//     clock restarts from OverrideAt. Mail after it is read as usual, so a
//     new rejection closes the application again.
//   - app ignore gives the state ignored, no suggestions and a StopIgnored.
//   - app snooze ID UNTIL: nothing is due before UNTIL; a pending due time
//     moves to it. A thank-you whose window closes before UNTIL is dropped in
//     favour of the status check that follows it.
//
// A correction dated after the evaluated moment is not applied.
//
// # States
//
// Besides the closed states: interviewing while the latest interview has
// not ended (or its time is unknown and the user has not written since the
// invitation), timeline_given while a stated day holds the clock, applied
// before any interview invitation, and awaiting_reply otherwise.
package policy

package tracker

import (
	"context"
	"slices"
	"strings"
	"unicode"

	"github.com/inboxwatch/inboxwatch/internal/classify"
	"github.com/inboxwatch/inboxwatch/internal/employer"
	"github.com/inboxwatch/inboxwatch/internal/mailparse"
	"github.com/inboxwatch/inboxwatch/internal/state"
)

// The first scan reads every message's header but the text of only those
// that may be about an application: on a big mailbox the text is most of
// the bytes and most of the time. The gate below decides from headers alone
// and errs towards reading: a message it passes over is never classified.

// strongWords in a subject speak of an application whoever sends it,
// bulk mail and robots included: hiring systems send from no-reply
// addresses with unsubscribe links.
var strongWords = []string{
	"application", "applying", "applied", "interview", "candida", "position", "recruit", "hiring",
	"assessment", "next step", "your submission", "submitted", "resume", "résumé",
	"job offer", "offer letter", "your offer", "offer from", "offer of employment", "letter of intent",
	"your interest", "expression of interest", "thank you from", "thanks from", "update from", "an update",
	"update on your", "regret", "outcome", "talent acquisition", "talent team",
	"out of office", "automatic reply", "auto-reply", "autoreply", "abwesen", "absence", "vacation reply",
	"phone screen", "coding challenge", "take-home", "take home", "invited to take", "invitation to take",
	"final round", "next round", "onsite", "on-site", "trial task", "start date", "notice period", "work sample",
	"bewerbung", "candidature", "candidatura", "postulación", "sollicitatie",
	"skills test", "skill test", "notice to appear", "examination",
	// A network's notice of a person's reply, an HR portal's document
	// waiting for a signature: the words are the person's or the offer's.
	"replied to your message",
	"document to review", "document to sign", "your signature", "please sign", "docusign",
}

// weakWords in a subject make a message from a person (not a robot, not a
// list) worth reading: "Re: Tuesday", "Quick update", "Thanks!".
var weakWords = []string{
	"role", "job", "offer", "opportunit", "talent", "career", "update", "status", "thank you", "thanks",
	"follow", "availability", "schedule", "invitation", "invite", "call", "chat", "meet", "away",
	"vacation", "reference", "onboarding", "welcome", "congratulations", "decision", "feedback", "screen",
	"team", "conversation", "questions",
}

// titleWords are words of job titles ("Data Analyst", "Backend Engineer");
// a person's or a company's own mail naming one is worth reading.
var titleWords = map[string]bool{
	"engineer": true, "engineering": true, "developer": true, "analyst": true, "intern": true, "internship": true,
	"scientist": true, "designer": true, "specialist": true, "associate": true, "consultant": true,
	"coordinator": true, "architect": true, "administrator": true, "technician": true, "manager": true,
	"director": true, "programmer": true, "accountant": true, "researcher": true, "graduate": true,
}

// recruitingSender reports a sender whose name or address says it speaks
// for a hiring team.
func recruitingSender(a mailparse.Address) bool {
	s := strings.ToLower(a.Name + " " + a.Addr)
	if containsAny(s, []string{"recruit", "talent", "hiring", "career", "human resources", "acquisition", "people team", "staffing", "karriere", "bewerb", "recrutement"}) {
		return true
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(a.Name), notLetter) {
		if w == "hr" || w == "jobs" {
			return true
		}
	}
	return false
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) }

// hasTitleWord reports a job-title word in s.
func hasTitleWord(s string) bool {
	for _, w := range strings.FieldsFunc(s, notLetter) {
		if titleWords[w] {
			return true
		}
	}
	return false
}

// gateHints are what the store knows that headers alone do not say.
type gateHints struct {
	// KnownSender: the sender or their domain is already tied to an
	// application.
	KnownSender bool
	// KnownThread: the message refers to one the user sent or one stored
	// as job mail.
	KnownThread bool
}

// worthReading decides from a message's headers whether to read its text.
func worthReading(m *mailparse.Message, h gateHints) bool {
	if h.KnownSender || h.KnownThread {
		return true
	}
	subj := strings.ToLower(m.Subject)
	if hiringSender(m.From.Domain()) {
		return !alertSubject(subj) || containsAny(subj, strongWords)
	}
	for _, a := range m.ReplyTo {
		if hiringSender(a.Domain()) {
			return true
		}
	}
	if subj == "" {
		return true
	}
	for _, a := range m.Attachments {
		// A calendar invitation may be the interview; a document named
		// as an offer, a contract or an assessment speaks for itself.
		ct, fn := strings.ToLower(a.ContentType), strings.ToLower(a.Filename)
		if ct == "text/calendar" || ct == "application/ics" || strings.HasSuffix(fn, ".ics") ||
			containsAny(fn, []string{"offer", "contract", "agreement", "assessment", "interview", "candidate", "onboarding"}) {
			return true
		}
	}
	if containsAny(subj, strongWords) || recruitingSender(m.From) {
		return true
	}
	bulk := m.ListID != "" || m.ListUnsubscribe != "" || m.Precedence == "bulk" || m.Precedence == "list" || m.Precedence == "junk"
	if bulk {
		return false
	}
	reply := len(m.InReplyTo) > 0 || len(m.References) > 0
	if a := strings.ToLower(m.AutoSubmitted); a != "" && a != "no" {
		// An automatic answer to something (the user's own mail, most
		// likely) is read; notifications, receipts and reminders are not.
		return reply
	}
	if hasTitleWord(subj) {
		return true
	}
	if robotSender(m.From.Addr) {
		return false
	}
	// A person writing from an organisation's own domain may be a
	// recruiter whatever the subject ("A few things we need from you");
	// anyone else's mail is read when its subject sounds like the search.
	if !employer.IsFreeMail(m.From.Domain()) && (personLike(m.From) || reply) {
		return true
	}
	return containsAny(subj, weakWords)
}

// personLike reports an address a person seems to use: the local part
// carries a word of the display name ("Rosa Delgado" <rosa.delgado@...>,
// <rdelgado@...>), unlike a company's "Harbor Bank" <alerts@...>.
func personLike(a mailparse.Address) bool {
	local, _, _ := strings.Cut(strings.ToLower(a.Addr), "@")
	words := strings.FieldsFunc(strings.ToLower(a.Name), notLetter)
	if len(words) < 2 || local == "" {
		return false
	}
	for _, w := range words {
		if local == w || len([]rune(w)) >= 3 && strings.Contains(local, w) {
			return true
		}
	}
	return false
}

// alertSubject reports the subject of a job board's alert or
// recommendation, which is never about the user's own application.
func alertSubject(subj string) bool {
	return containsAny(subj, []string{"new jobs", "jobs for you", "job alert", "jobs you may", "recommended jobs",
		"jobs in ", "jobs near", "job matches", "jobs matching", "new job for you", "is hiring", "are hiring"})
}

// hiringSender reports a domain of a hiring system, job board or interview
// scheduling or assessment service, as the employer and the classifier
// know them.
func hiringSender(domain string) bool {
	if _, ok := employer.IsRelay(domain); ok {
		return true
	}
	return classify.HiringSystem(domain)
}

// robotSender reports a sender address no person reads.
func robotSender(addr string) bool {
	local, _, _ := strings.Cut(strings.ToLower(addr), "@")
	local = strings.NewReplacer("-", "", "_", "", ".", "").Replace(local)
	return strings.HasPrefix(local, "noreply") || strings.HasPrefix(local, "donotreply") ||
		strings.HasPrefix(local, "notification") || strings.HasPrefix(local, "mailerdaemon")
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// needBodies decides for a chunk: each message on its own merits, then any
// message from the company domain of a message worth reading (a recruiter's
// short note next to the invitation it follows).
func (t *Tracker) needBodies(ctx context.Context, ms []*mailparse.Message) []bool {
	need := make([]bool, len(ms))
	contacts, err := t.store.Contacts(ctx)
	if err != nil {
		// The commit that follows meets the same error and stops the sync.
		t.deps.Log.Warn("cannot read known contacts", "err", err)
	}
	var refs []string
	for _, m := range ms {
		refs = append(refs, m.InReplyTo...)
		refs = append(refs, m.References...)
	}
	stored, err := t.store.KnownThreads(ctx, refs)
	known := knownThreads(stored)
	if err != nil {
		t.deps.Log.Warn("cannot read known threads", "err", err)
	}
	domains := map[string]bool{}
	doms := make([]string, len(ms))
	byHost := map[string]string{} // senders repeat: work each host out once
	for i, m := range ms {
		if t.Outbound(m) {
			continue
		}
		h := gateHints{
			KnownSender: contacts.Has(m.From.Addr),
			KnownThread: slices.ContainsFunc(m.InReplyTo, known.matters) || slices.ContainsFunc(m.References, known.matters),
		}
		need[i] = worthReading(m, h)
		host := m.From.Domain()
		d, ok := byHost[host]
		if !ok {
			d = companyDomain(m)
			byHost[host] = d
		}
		doms[i] = d
		if need[i] && doms[i] != "" {
			domains[doms[i]] = true
		}
	}
	for i, m := range ms {
		if !need[i] && doms[i] != "" && domains[doms[i]] && !robotSender(m.From.Addr) {
			need[i] = true
		}
	}
	return need
}

// companyDomain is the sender's registrable domain when it can only be an
// employer's: not free mail, not a hiring system.
func companyDomain(m *mailparse.Message) string {
	d := m.From.Domain()
	if d == "" || employer.IsFreeMail(d) {
		return ""
	}
	if _, ok := employer.IsRelay(d); ok {
		return ""
	}
	return employer.RegistrableDomain(d)
}

// knownThreads are the stored messages whose answers are worth reading.
type knownThreads state.Threads

// matters reports whether an answer to message id may be about an
// application: id is job mail, or the user's own message to an
// application, to an organisation, or about the search. The user's chat
// with a friend at a free-mail address does not make the friend's answer
// worth reading.
func (k knownThreads) matters(id string) bool {
	r, ok := k[id]
	if !ok {
		return false
	}
	if !r.Outbound || r.Assigned {
		return true
	}
	_, dom, _ := strings.Cut(r.To, "@")
	subj := strings.ToLower(r.Subject)
	return !employer.IsFreeMail(dom) || containsAny(subj, strongWords) || containsAny(subj, weakWords) || hasTitleWord(subj)
}

package classify

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/inboxwatch/inboxwatch/internal/mailparse"
)

// DefaultReviewThreshold is the confidence below which a message should go
// to the review list instead of changing an application's state.
const DefaultReviewThreshold = 0.6

// maxEvidence bounds the evidence list of one result.
const maxEvidence = 8

// scores holds the summed strength of each signal and the hits behind it.
type scores struct {
	sig  [numSignals]float64
	hits [numSignals][]*hit
	subj [numSignals]float64 // strength found in the subject line
}

func (sc *scores) add(h *hit) {
	s := h.r.def.sig
	sc.hits[s] = append(sc.hits[s], h)
	if h.inSubject {
		sc.subj[s] += h.effectiveW
	}
}

// total sums a signal with diminishing returns: the strongest hit counts in
// full, every further one half, up to a cap.
func (sc *scores) finish() {
	for s := range sc.hits {
		hs := sc.hits[s]
		if len(hs) == 0 {
			continue
		}
		best, rest := 0.0, 0.0
		for _, h := range hs {
			if h.effectiveW > best {
				rest += best
				best = h.effectiveW
			} else {
				rest += h.effectiveW
			}
		}
		sc.sig[s] = math.Min(best+0.5*rest, 6)
	}
}

// Classify reads one message and returns its category, the dates it states,
// and the evidence behind the decision.
func Classify(m *mailparse.Message, opts Options) Result {
	if m == nil {
		return Result{Category: Other, Confidence: 0.5, Evidence: []string{"no message"}}
	}
	d := prepare(m.Subject, m.Text)
	return classifyDoc(m, d, opts)
}

// decision is the outcome of weighing the signals.
type decision struct {
	cat      Category
	conf     float64
	evidence []string
}

func classifyDoc(m *mailparse.Message, d *doc, opts Options) Result {
	hits := d.findHits()
	f := analyzeSender(m, opts)
	// In a reply the subject is the thread's, not this message's: its
	// words of invitation, offer or rejection give way to the body.
	// A reply of a few words ("Confirmed.", "Sounds good, see you then!")
	// leans on the thread it answers: its subject keeps half its weight.
	replySubj := (f.thread || isReplySubject(m.Subject)) && len(strings.TrimSpace(m.Text)) >= 20
	subjW := 0.1
	if fewWords(m.Text, shortReplyWords) {
		subjW = 0.5
	}
	var sc scores
	for i := range hits {
		if replySubj && hits[i].inSubject && decisiveSignal(hits[i].r.def.sig) {
			hits[i].effectiveW *= subjW
		}
		sc.add(&hits[i])
	}
	sc.finish()
	dec := decide(m, d, &sc, &f)

	res := Result{Category: dec.cat, Confidence: math.Round(dec.conf*1000) / 1000, Evidence: dec.evidence}
	if res.Category == Other && len(res.Evidence) == 0 {
		res.Evidence = []string{"no wording of an application, interview, decision or offer"}
	}
	if sc.sig[sigNoFollow] > 0 {
		res.NoFollowUp = true
		res.Evidence = appendEvidence(res.Evidence, phraseEvidence(d, sc.hits[sigNoFollow][0]))
	}
	// A window counts only for mail about an application, and not the
	// return date of someone who is away.
	withTimeline := res.Category != Other && !(res.Category == AutoReply && sc.sig[sigOOO]-sc.subj[sigOOO] > 0)
	if withTimeline {
		if day, ph := d.timeline(m.Date); day != "" {
			res.Timeline = day
			res.Evidence = appendEvidence(res.Evidence, `timeline: "`+ph+`" -> `+day)
		}
	}
	switch res.Category {
	case InterviewInvitation:
		if ev := m.Calendar; ev != nil && ev.Method != "CANCEL" && !ev.Start.IsZero() {
			st := ev.Start
			res.InterviewAt = &st
			if !ev.End.IsZero() {
				en := ev.End
				res.InterviewEnd = &en
			}
		} else if t, ph, ok := d.interviewTime(m.Date); ok {
			res.InterviewAt = &t
			res.Evidence = appendEvidence(res.Evidence, `time: "`+ph+`"`)
		}
	case AutoReply:
		if day, ph := d.returnDate(m.Date); day != "" {
			res.ReturnDate = day
			res.Evidence = appendEvidence(res.Evidence, `return: "`+ph+`" -> `+day)
		}
	}
	if len(res.Evidence) > maxEvidence+3 {
		res.Evidence = res.Evidence[:maxEvidence+3]
	}
	return res
}

func appendEvidence(ev []string, s string) []string {
	for _, e := range ev {
		if e == s {
			return ev
		}
	}
	return append(ev, s)
}

// phraseEvidence describes one hit for a person.
func phraseEvidence(d *doc, h *hit) string {
	txt := d.span(h.from, h.to)
	txt = strings.Join(strings.Fields(txt), " ")
	if len(txt) > 90 {
		txt = txt[:87] + "..."
	}
	if h.inSubject {
		return `subject: "` + txt + `"`
	}
	return `phrase: "` + txt + `"`
}

// category scores, the weighed sum of the signals that speak for each.
type catScores struct {
	rej, off, inv, ack, rec, ooo, oth float64
}

func decide(m *mailparse.Message, d *doc, sc *scores, f *senderFacts) decision {
	s := &sc.sig
	var c catScores
	c.rej = s[sigReject] + s[sigWithdrawn] + 0.5*math.Min(s[sigRejectWeak], 2.4)
	c.off = s[sigOffer] + 0.6*math.Min(s[sigOfferWeak], 2.5)
	c.inv = math.Max(s[sigInvite], s[sigAssess]) + 0.5*math.Min(s[sigInvite], s[sigAssess]) + 0.6*math.Min(s[sigInviteWeak], 2.5)
	c.ack = s[sigAck] + 0.5*s[sigAckWeak] + 0.5*s[sigProcess]
	// Asking the candidate not to chase for updates is word of where the
	// process stands.
	c.rec = s[sigStatus] + s[sigRequest] + 0.7*s[sigThanks] + 0.7*s[sigNoFollow]
	c.oth = s[sigAlert] + s[sigOutreach] + s[sigCommunity] + s[sigAccount] + 0.5*s[sigMarketing] + s[sigNotOffer]
	if !f.automated() && s[sigAutomated] == 0 && (f.thread || f.reply) {
		// A person answering in a thread who mentions "new roles" is not
		// sending a job alert.
		c.oth -= s[sigAlert]
	}
	// "Confirmed." or "Sounds good, see you then!" in a thread whose
	// subject is an interview, a screen or an onsite confirms it.
	if (f.thread || isReplySubject(m.Subject)) && fewWords(m.Text, shortReplyWords) &&
		s[sigInvite]-sc.subj[sigInvite] >= 2 && sc.subj[sigJobWord] > 0 {
		c.inv += 1.5
	}
	oooBody := s[sigOOO] - sc.subj[sigOOO]
	oooSubj := sc.subj[sigOOO]
	if oooSubj > 0 && !f.autoReply && !autoReplySubject(m.Subject) {
		// "Re: Holiday plans" is a friend's answer, not a responder's label.
		oooSubj = 0
	}

	var extra []string
	// Calendar invitations and attachments.
	if ev := m.Calendar; ev != nil && !ev.Start.IsZero() {
		if ev.Method == "CANCEL" {
			c.inv += 1.5
			extra = append(extra, "calendar: cancelled event "+ev.Start.Format(time.RFC3339))
		} else {
			c.inv += 3.5
			extra = append(extra, "calendar: DTSTART "+ev.Start.Format(time.RFC3339))
		}
	}
	for _, a := range m.Attachments {
		fn := strings.ToLower(a.Filename)
		switch {
		case strings.Contains(fn, "offer") || strings.Contains(fn, "angebot") || strings.Contains(fn, "intent") ||
			strings.Contains(fn, "employment") && strings.Contains(fn, "letter"):
			c.off += 3
			extra = append(extra, "attachment: "+a.Filename)
		case strings.Contains(fn, "contract") || strings.Contains(fn, "agreement") || strings.Contains(fn, "employment") ||
			strings.Contains(fn, "vertrag") || strings.Contains(fn, "contrat") || strings.Contains(fn, "contrato"):
			c.off += 1.5
			extra = append(extra, "attachment: "+a.Filename)
		}
	}
	if s[sigNotOffer] > 0 {
		c.off = 0
	}

	appCtx := s[sigApplication] > 0 || s[sigAck] > 0 || f.reply || f.ats != "" || f.thread && s[sigJobWord] > 0
	// A person (or a team mailbox) writing, as opposed to a system; a
	// network's "Sam replied to your message" carries a person's words.
	human := !f.automated() && s[sigAutomated] == 0 || relayedMessageRE.MatchString(m.Subject)
	autoHdr := f.autoReply
	recNoThanks := s[sigStatus] + s[sigRequest]

	// A friend writing from a free-mail address, outside any thread and
	// without naming the reader's application, is talking about their own
	// search: "get back to you" or "an answer by Friday" is not a status
	// update about the reader's.
	if human && f.freeMail && !f.thread && !f.reply && s[sigApplication] == 0 && f.ats == "" {
		c.rec, recNoThanks = 0, 0
	}
	// A system reporting where the application stands is a receipt.
	if !human {
		c.ack += 0.5 * s[sigStatus]
	}
	// A person writing in a thread about the application, stating when
	// they will answer, is giving a status update.
	if human && (f.thread || f.reply) {
		if day, _ := d.timeline(m.Date); day != "" {
			c.rec += 1.5
		}
	}

	pick := func(cat Category, score, runnerUp float64, sigs ...signal) decision {
		dec := decision{cat: cat, conf: confidence(score, runnerUp)}
		dec.evidence = collectEvidence(d, sc, sigs)
		dec.evidence = append(dec.evidence, extra...)
		dec.evidence = append(dec.evidence, f.evidence...)
		return dec
	}
	pickOther := func(runnerUp float64) decision {
		return pick(Other, math.Max(c.oth, 2), runnerUp, sigAlert, sigOutreach, sigCommunity, sigAccount, sigMarketing, sigNotOffer, sigNonJob, sigMedia)
	}
	strongJob := c.rej >= 3 || c.off >= 3 || c.inv >= 3

	// Automatic replies to the candidate's own message.
	switch {
	case autoHdr || oooSubj > 0:
		if oooBody >= 1.5 || s[sigAutoMsg] >= 2.5 && c.ack < 3 || !strongJob && c.ack < 3 && recNoThanks < 2.5 {
			dec := pick(AutoReply, 0, 0, sigOOO, sigAutoMsg)
			dec.conf = 0.9
			if oooBody >= 1.5 {
				dec.conf = 0.97
			}
			return dec
		}
	case oooBody >= 3 && !strongJob && (recNoThanks < 2 || oooBody >= 4.5 && recNoThanks < 3) && c.ack < 3 &&
		// Neither headers nor subject say a machine wrote it: a person
		// mentioning their holiday needs the responder's whole speech
		// ("out of the office ... in my absence ... when I return").
		(oooBody >= 4.5 || f.automated() || s[sigAutomated] > 0 || s[sigAutoMsg] > 0):
		dec := pick(AutoReply, 0, 0, sigOOO, sigAutoMsg)
		dec.conf = 0.75 + math.Min(oooBody-3, 2)*0.05
		return dec
	case s[sigAutoMsg] >= 2.5 && (f.thread || f.reply) && !strongJob && c.ack < 3 && recNoThanks < 2.5 && (s[sigAutomated] > 0 || f.autoGen || f.noReply):
		dec := pick(AutoReply, 0, 0, sigAutoMsg, sigAutomated)
		dec.conf = 0.8
		return dec
	}

	// A digest of job listings stays one when a line of it says "you
	// applied to a job at this company".
	if (f.bulk || f.board != "") && sc.subj[sigAlert] > 0 && s[sigAlert] >= 3 && c.rej < 3 && c.off < 3 && s[sigInvite] < 3 {
		return pickOther(c.ack)
	}
	// Bulk mail (newsletters, alerts, job-board digests) is not an
	// invitation or an offer unless it names the candidate's application.
	bulkish := f.bulk || f.board != "" && s[sigApplication] == 0
	// Unsolicited mail from a person with an unsubscribe line is a
	// sequence of outreach, not a reply about an application.
	if human && !f.thread && !f.reply && s[sigApplication] == 0 && s[sigAck] == 0 && s[sigMarketing] > 0 && c.rej < 3 && c.off < 3 &&
		(strings.Contains(d.text, "unsubscribe") || strings.Contains(d.text, "opt out") || strings.Contains(d.text, "opt-out")) {
		return pickOther(c.inv)
	}
	if bulkish && s[sigApplication] == 0 && (s[sigAck] < 3 || c.oth >= 2) && c.rej < 3 {
		if c.oth >= 1.5 || (c.inv >= 3 || c.off >= 3) && (f.bulk || c.oth > 0) || s[sigMarketing] > 0 {
			return pickOther(math.Max(c.inv, c.off))
		}
	}

	// An application of another kind (a lease, a loan, a talk proposal),
	// or an interview for a podcast, with no word only hiring uses.
	if f.ats == "" && f.board == "" && m.Calendar == nil {
		if (s[sigEmploy] == 0 || s[sigNonJob] >= 1.4 && s[sigEmploy] <= 1) && s[sigNonJob] > 0 && s[sigInvite] == 0 && s[sigAssess] == 0 {
			return pickOther(math.Max(c.rej, c.ack))
		}
		// Several words of a school or a programme outweigh one "applicant",
		// and make its offer of a place no job offer.
		if s[sigMedia] >= 1.4 && s[sigEmploy] <= 1 {
			return pickOther(math.Max(c.inv, c.off))
		}
		if s[sigMedia] > 0 && c.rej < 3 && c.off < 3 && s[sigEmploy] == 0 {
			return pickOther(c.inv)
		}
	}

	best := math.Max(c.off, c.inv)
	switch {
	case c.rej >= 3 && c.rej+0.5 >= c.off && c.rej+1 >= c.inv:
		return pick(Rejection, c.rej, math.Max(best, c.ack), sigReject, sigWithdrawn, sigRejectWeak)
	case c.off >= 3 && s[sigOffer] >= 3 && s[sigOfferWeak] >= 1.5 && m.Calendar == nil && s[sigAssess] == 0:
		// An offer with its terms that asks for a call to talk them
		// through is an offer, not an invitation.
		return pick(Offer, c.off, math.Max(c.inv-1, c.rej), sigOffer, sigOfferWeak)
	case c.off >= 3 && c.off >= c.inv-0.5:
		return pick(Offer, c.off, math.Max(c.inv, c.rej), sigOffer, sigOfferWeak)
	case c.inv >= 3 && c.ack >= 3 && s[sigInvite] == 0 && sc.subj[sigAssess] == 0 && m.Calendar == nil && !human:
		// A receipt that asks every applicant to take an assessment is a
		// receipt; one whose subject is the assessment is an invitation.
		return pick(ApplicationReceived, c.ack, c.inv, sigAck, sigAckWeak, sigProcess)
	case c.inv >= 3:
		if c.oth >= 2.5 && !appCtx {
			return pickOther(c.inv)
		}
		// An appointment with no word of hiring (a dentist, a webinar)
		// is not an interview.
		if s[sigJobWord] == 0 && s[sigApplication] == 0 && f.ats == "" && s[sigAssess] == 0 {
			return pickOther(c.inv)
		}
		return pick(InterviewInvitation, c.inv, math.Max(c.rej, c.off), sigInvite, sigAssess, sigInviteWeak)
	}
	switch {
	case c.oth >= 2.5 && c.ack < 3 && !(human && (f.reply || c.rec > c.oth)):
		return pickOther(c.ack)
	case c.ack >= 3:
		// A person's status note ("I submitted your resume to them this
		// afternoon") is a reply, thread or not.
		if human && (f.thread || f.reply || recNoThanks >= 3.5 && !f.freeMail) && c.rec >= 2 {
			return pick(RecruiterReply, c.rec+1, c.ack-1, sigStatus, sigRequest, sigThanks)
		}
		return pick(ApplicationReceived, c.ack, math.Max(c.rec, c.oth), sigAck, sigAckWeak, sigProcess)
	case c.rec >= 2 && (human || f.thread):
		return pick(RecruiterReply, c.rec, c.ack, sigStatus, sigRequest, sigThanks)
	case !human && s[sigRequest] >= 2.5 && appCtx && c.ack < 3 && s[sigProcess] == 0 && s[sigAckWeak] < 2:
		// A system asking, on the employer's behalf, for documents or
		// details (a background-check or onboarding portal); one that
		// describes the review ahead is a receipt.
		return pick(RecruiterReply, c.rec, c.ack, sigRequest, sigStatus)
	case c.rej >= 1.5:
		return pick(Rejection, c.rej, c.ack, sigReject, sigRejectWeak)
	case len(strings.TrimSpace(m.Text)) < 20 && sc.subj[sigRejectWeak] > 0 && c.ack == 0 && c.inv == 0 && c.off == 0:
		// Only the subject speaks: "An update on your application" from
		// a system is, more often than not, a rejection.
		dec := pick(Rejection, 1, 1, sigRejectWeak)
		dec.conf = 0.5
		return dec
	case softRejection(sc, &c):
		dec := pick(Rejection, 2, 0, sigSoftReject, sigRejectWeak)
		dec.conf = 0.62
		return dec
	case c.ack >= 1.5 && (!human || !f.thread && !f.reply):
		return pick(ApplicationReceived, c.ack, c.rec, sigAck, sigAckWeak, sigProcess)
	case c.rec >= 1.5 && appCtx && human:
		return pick(RecruiterReply, c.rec, c.ack, sigStatus, sigRequest, sigThanks)
	case c.oth >= 1.5:
		return pickOther(c.ack)
	case human && (f.thread || f.reply) && (appCtx || s[sigJobWord] > 0) && c.rec > 0:
		dec := pick(RecruiterReply, 1, 1, sigApplication, sigThanks, sigStatus, sigRequest)
		dec.conf = 0.45
		return dec
	case appCtx && c.ack > 0:
		dec := pick(ApplicationReceived, 1, 1, sigAck, sigAckWeak, sigProcess, sigApplication)
		dec.conf = 0.45
		return dec
	case !human && s[sigApplication] > 0 && f.board == "" && c.oth == 0 && c.inv < 1.5 && c.off < 1.5 && c.rej < 1.5:
		// A system notice that names the application and says nothing
		// more ("there is an update, log in to view it") changes nothing.
		dec := pick(ApplicationReceived, 1, 1, sigApplication, sigAckWeak)
		dec.conf = 0.45
		return dec
	}
	dec := pick(Other, 1, 0, sigAlert, sigMarketing, sigAutomated)
	dec.conf = 0.55
	return dec
}

// shortReplyWords is how few words make a reply lean on its thread.
const shortReplyWords = 25

// fewWords reports whether s has fewer than n words, without splitting it.
func fewWords(s string, n int) bool {
	words, in := 0, false
	for i := 0; i < len(s); i++ {
		space := s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'
		if !space && !in {
			if words++; words >= n {
				return false
			}
		}
		in = !space
	}
	return true
}

// relayedMessageRE matches the subject of a network's notice that wraps a
// person's message.
var relayedMessageRE = regexp.MustCompile(`(?i)\b(?:replied to your (?:message|inmail|note)|sent you a (?:new )?message|new message from)\b`)

// softRejection spots the rejection that never says no: a goodbye with
// wishes for the job search and pointers to other openings, with nothing
// about reviewing the application or what happens next.
func softRejection(sc *scores, c *catScores) bool {
	if len(sc.hits[sigSoftReject]) < 2 {
		return false
	}
	distinct := map[*rule]bool{}
	for _, h := range sc.hits[sigSoftReject] {
		distinct[h.r] = true
	}
	return len(distinct) >= 2 && sc.sig[sigAck] == 0 && sc.sig[sigProcess] == 0 && sc.sig[sigStatus] == 0 && c.inv < 1.5 && c.off < 1.5
}

// confidence maps the winning score and the strongest competing score to
// 0..1: a strong rule with no competition is near certain.
func confidence(score, runnerUp float64) float64 {
	x := 1.2*(score-2) - 0.6*runnerUp
	p := 1 / (1 + math.Exp(-x))
	return math.Max(0.3, math.Min(0.99, 0.45+0.55*p))
}

// collectEvidence lists the strongest hits of the given signals.
func collectEvidence(d *doc, sc *scores, sigs []signal) []string {
	var hs []*hit
	for _, s := range sigs {
		hs = append(hs, sc.hits[s]...)
	}
	sort.SliceStable(hs, func(i, j int) bool { return hs[i].effectiveW > hs[j].effectiveW })
	var out []string
	for _, h := range hs {
		if len(out) >= 4 {
			break
		}
		out = appendEvidence(out, phraseEvidence(d, h))
	}
	return out
}

// isReplySubject reports whether a subject carries a reply or forward
// prefix ("Re:", "AW:", "Fwd:").
func isReplySubject(subject string) bool {
	s := strings.ToLower(strings.TrimSpace(subject))
	for _, p := range []string{"re:", "re :", "aw:", "sv:", "vs:", "antw:", "rif:", "r:", "fw:", "fwd:", "tr:", "wg:", "rv:", "enc:"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// decisiveSignal reports whether a signal speaks for an invitation, an
// offer or a rejection.
func decisiveSignal(s signal) bool {
	switch s {
	case sigInvite, sigInviteWeak, sigAssess, sigOffer, sigOfferWeak, sigReject, sigRejectWeak:
		return true
	}
	return false
}

// autoReplySubject reports a subject an automatic responder wrote: one
// that says so ("Automatic reply: ...", "Out of Office: ..."), or a label
// such as "Away" or "Urlaub" put before the original subject or standing
// alone. A word of the original subject ("Re: Holiday plans") is not one.
func autoReplySubject(subject string) bool {
	s := strings.ToLower(subject)
	for _, p := range []string{"automatic reply", "auto reply", "auto-reply", "autoreply", "auto response", "automatic response",
		"auto-response", "autoresponse", "automatische antwort", "out of office", "out of the office", "out-of-office",
		"abwesenheitsnotiz", "réponse automatique", "respuesta automática", "resposta automática", "automatisch antwoord"} {
		if strings.Contains(s, p) {
			return true
		}
	}
	label := s
	for _, pre := range []string{"re:", "aw:", "fw:", "fwd:", "wg:", "sv:", "antw:", "r:", "tr:"} {
		if i := strings.Index(s, pre); i >= 0 && i < len(label) {
			label = s[:i]
		}
	}
	if label == s && len(strings.Fields(s)) > 3 {
		return false // an ordinary subject that happens to hold the word
	}
	for _, w := range strings.FieldsFunc(label, func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch w {
		case "ooo", "oof", "away", "holiday", "holidays", "vacation", "leave", "absence", "absent", "abwesend",
			"abwesenheit", "urlaub", "vacaciones", "congé", "congés", "vacances", "afwezig", "vakantie", "auto", "autoreply":
			return true
		}
	}
	return false
}

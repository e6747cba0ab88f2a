// Package employer works out which company and which role a message is
// about.
//
// A hiring system or job board that relays a message (Greenhouse, Lever,
// Workday, LinkedIn, Indeed...) never identifies the employer by its
// domain, and a free-mail address (gmail.com, outlook.com...) never does
// either. Identify therefore weighs the evidence in this order:
//
//  1. phrases in the subject, the message's own words and the signature:
//     "Thank you for applying to Acme", "your application was sent to
//     Acme", "the Data Analyst position at Acme", "Acme has received your
//     application", "Acme Talent Acquisition"; looser phrases such as
//     "the Acme team", "join Acme" and "Acme is hiring" count in the
//     subject, but in the text only when nothing below names the company;
//  2. the display name of a relayed sender with hiring words removed
//     ("Acme Recruiting", "Acme via Greenhouse", "Talent at Acme"), unless
//     it reads as a person's name ("Dana Kim");
//  3. the Reply-To address, when it is at a company domain;
//  4. the customer a hiring system names in its host or links
//     ("acme.wd5.myworkdayjobs.com", "acme@myworkday.com",
//     "jobs.lever.co/acme"), and last, for a sender writing from its own
//     domain, its display name unless that is a person's, then the domain
//     itself ("careers.acme-robotics.example" gives "Acme Robotics").
//
// Quoted earlier messages are never read. Job alerts that list many
// companies get the first, strongest reading; callers decide what to do
// with such mail.
//
// Several readings of one message often name the company in longer and
// shorter forms ("Acme" in the subject, "Acme Robotics" in the sign-off,
// acme-robotics.example as the domain). Readings agree when their keys are
// equal, equal without spaces, or one is a whole-word prefix of the other;
// the strongest reading decides which company it is, and the longest
// reading that agrees with it gives the name reported, so "Acme" and
// "Acme Robotics" both become "Acme Robotics". SameCompany applies the same
// rule for callers that merge applications.
//
// A recruitment agency writing about a client is the company unless the
// text clearly names the client ("a Data Analyst role at Acme", "on behalf
// of Acme"): when the sender reads as an agency, a phrase naming another
// company wins over phrases naming the agency.
package employer

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/inboxwatch/inboxwatch/internal/mailparse"
)

// Identity is what a message says about the employer and the job.
type Identity struct {
	Company    string // display form, e.g. "Acme Robotics"; "" when unknown
	CompanyKey string // normalised key for grouping (see CompanyKey); "" when unknown
	Domain     string // the company's registrable domain when the sender is the company; "" for relays, free mail and agencies writing about a client
	Role       string // display form, e.g. "Senior Data Analyst"; "" when unknown
	RoleKey    string // normalised title for grouping (see RoleKey)
	Relay      string // the hiring system or job board the message came through, e.g. "greenhouse.io"
	FreeMail   bool   // the sender is on a free-mail provider
	Evidence   []string
}

// maxScan bounds how much of the text and signature is searched.
const maxScan = 64 << 10

var urlRE = regexp.MustCompile(`https?://[^\s<>"'()\[\]{}]+`)

// prepare readies a text for matching: plain spaces, "\n" line ends, and
// at most maxScan bytes.
func prepare(s string) string {
	if len(s) > maxScan {
		i := maxScan
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
		s = s[:i]
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return normalizeSpace(s)
}

// Identify reads a message for the company and the role it is about.
// Fields it cannot fill with some confidence stay empty.
func Identify(m *mailparse.Message) Identity {
	var id Identity
	if m == nil {
		return id
	}
	note := func(format string, args ...any) {
		id.Evidence = append(id.Evidence, fmt.Sprintf(format, args...))
	}

	from := m.From
	if from.Addr == "" {
		from = m.Sender
	}
	dom := from.Domain()
	direct := false
	switch r, ok := IsRelay(dom); {
	case ok:
		id.Relay = r
		note("sender %s is the relay %s", dom, r)
	case IsFreeMail(dom):
		id.FreeMail = true
		note("sender %s is free mail", dom)
	case dom != "":
		direct = true
	}

	subj := cleanSubject(m.Subject)
	text := prepare(headOf(m.Text, maxBodyScan))
	sig := prepare(m.Signature)

	var cands []*candidate
	add := func(cs ...*candidate) {
		for _, c := range cs {
			if c != nil {
				cands = append(cands, c)
			}
		}
	}

	// 1. Phrases.
	add(textCandidates(subj, 100, 92, "subject", true)...)
	if _, c, ok := boardSubject(subj, ""); ok && c != "" {
		add(newNameCandidate(c, 100, fromJobBoard, "job board subject "+quote(subj)))
	}
	add(textCandidates(text, 96, 48, "body", false)...)
	if _, c, ok := boardBlock(text, ""); ok && c != "" {
		add(newNameCandidate(c, 94, fromJobBoard, "job board notice "+quote(c)))
	}
	add(textCandidates(sig, 90, 46, "signature", false)...)

	// 2. The sender's display name; a person's name only if it agrees with
	// other evidence.
	var people []*candidate
	var senderNames []*candidate
	switch {
	case id.Relay != "":
		cs, person := displayCandidates(from.Name, 80, fromDisplay, "display name")
		if person {
			people = append(people, cs...)
		} else {
			add(cs...)
		}
	case direct:
		cs, person := displayCandidates(from.Name, 58, fromDisplay, "display name")
		if person {
			people = append(people, cs...)
		} else {
			add(cs...)
			senderNames = append(senderNames, cs...)
		}
	}

	// 3. Reply-To.
	for _, a := range m.ReplyTo {
		d := a.Domain()
		if d == "" || direct && RegistrableDomain(d) == RegistrableDomain(dom) {
			continue
		}
		if _, ok := IsRelay(d); ok {
			if t := tenantFromAddress(a.Addr, d); t != "" {
				add(newLabelCandidate(t, 66, fromTenant, "Reply-To hiring system tenant "+quote(t)))
			}
			continue
		}
		if IsFreeMail(d) {
			continue
		}
		cs, person := displayCandidates(a.Name, 75, fromReplyTo, "Reply-To name")
		if person {
			people = append(people, cs...)
		} else {
			add(cs...)
		}
		add(newLabelCandidate(domainLabel(d), 70, fromReplyTo, "Reply-To domain "+quote(RegistrableDomain(d))))
	}

	// 4. Hiring system tenants, then the sender's own domain.
	if id.Relay != "" {
		if t := tenantFromAddress(from.Addr, dom); t != "" {
			add(newLabelCandidate(t, 68, fromTenant, "hiring system tenant "+quote(t)))
		}
	}
	for _, u := range urlRE.FindAllString(text, 64) {
		if t := tenantFromURL(u); t != "" {
			add(newLabelCandidate(t, 60, fromTenant, "job link "+quote(u)))
			break
		}
	}
	var own *candidate
	if direct {
		own = newLabelCandidate(domainLabel(dom), 50, fromDomain, "sender domain "+quote(RegistrableDomain(dom)))
		if own != nil {
			// "tidewaterlogistics.com" is written "Tidewater Logistics" in
			// the signature: show it as its people write it.
			if name := spelledOut(own.lforms, sig, text); name != "" {
				if k := CompanyKey(name); validCompany(name, k) {
					own.display, own.key = name, k
					own.forms = append(own.forms, strings.Fields(k))
				}
			}
		}
		add(own)
		if own != nil {
			senderNames = append(senderNames, own)
		}
	}
	for _, p := range people {
		agreed := false
		for _, c := range cands {
			if p.agrees(c) {
				agreed = true
				break
			}
		}
		if agreed {
			add(p)
			if direct && p.origin == fromDisplay {
				senderNames = append(senderNames, p)
			}
		} else {
			note("%s reads as a person, not a company", strings.TrimPrefix(p.source, "display name "))
		}
	}

	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		return cands[i].pos < cands[j].pos
	})

	ofSender := func(c *candidate) bool {
		for _, s := range senderNames {
			if c.agrees(s) {
				return true
			}
		}
		return false
	}

	var final *candidate
	if len(cands) > 0 {
		best := cands[0]
		if direct && isText(best) && ofSender(best) && (isAgency(from.Name, dom) || clientRE.MatchString(text)) {
			for _, c := range cands[1:] {
				if isText(c) && c.score >= 90 && !ofSender(c) {
					note("sender reads as a recruitment agency writing about a client")
					best = c
					break
				}
			}
		}
		final = best
		for _, c := range cands {
			if c == best || c.weak || !c.agrees(best) {
				continue
			}
			if fuller(c, final) {
				final = c
			}
		}
		id.Company, id.CompanyKey = final.display, final.key
		note("company from %s", final.source)
		if final != best {
			note("agrees with %s", best.source)
		}
	}
	if direct && (final == nil || len(senderNames) == 0 || ofSender(final)) {
		id.Domain = RegistrableDomain(dom)
	}

	rc, ok := roleFromSubject(subj, id.CompanyKey)
	if !ok {
		rc, ok = roleFromBody(text, id.CompanyKey)
	}
	if ok {
		if k := RoleKey(rc.display); k != "" {
			id.Role, id.RoleKey = rc.display, k
			note("role from %s", rc.source)
		}
	}
	return id
}

func isText(c *candidate) bool {
	return c.origin == fromText || c.origin == fromJobBoard
}

// fuller reports whether c is a fuller form of the company than f: more
// words, or as many words and more letters; a form built from a domain or
// tenant label gives way to a written one of as many words, and an
// all-capitals form to a mixed-case one.
func fuller(c, f *candidate) bool {
	cw, fw := len(strings.Fields(c.key)), len(strings.Fields(f.key))
	if cw != fw {
		return cw > fw
	}
	if c.label != "" && f.label == "" {
		return false
	}
	if f.label != "" && c.label == "" {
		return true
	}
	cl, fl := len(strings.ReplaceAll(c.key, " ", "")), len(strings.ReplaceAll(f.key, " ", ""))
	if cl != fl {
		return cl > fl
	}
	return allCaps(f.display) && !allCaps(c.display)
}

func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 3
}

// maxBodyScan bounds how much of a body is searched for the employer's
// name: it is named near the top ("Thank you for applying to Acme"), and
// the signature is read separately. Long newsletters-in-disguise cost no
// more than short notes.
const maxBodyScan = 8 << 10

// headOf returns the first n bytes of s, cut at a line end when one is near.
func headOf(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := s[:n]
	if i := strings.LastIndexByte(cut, '\n'); i > n/2 {
		return cut[:i]
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

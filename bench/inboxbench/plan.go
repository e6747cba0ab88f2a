//go:build linux

package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// kind is what a generated message is.
type kind uint8

const (
	kNewsletter kind = iota
	kAlert           // job alerts from job boards: bulk, not about an application
	kSocial
	kDev
	kTransaction
	kPersonal
	// Job-search mail about the user's applications.
	kAck
	kInvite
	kReject
	kOffer
	kRecruiterReply
	kAutoReply
	// The user's own mail, in Sent.
	kSentApplication
	kSentThanks
	kSentFollowUp
	kSentPersonal
	numKinds
)

var kindNames = [numKinds]string{"newsletter", "job alert", "social", "dev notification", "transactional", "personal",
	"application received", "interview invitation", "rejection", "offer", "recruiter reply", "auto-reply",
	"sent: application", "sent: thank-you", "sent: follow-up", "sent: personal"}

func (k kind) String() string { return kindNames[k] }

// job reports whether k is mail about one of the user's applications.
func (k kind) job() bool { return k >= kAck && k <= kAutoReply }

// category is the classifier category a job message is written to carry.
func (k kind) category() string {
	switch k {
	case kAck:
		return "application_received"
	case kInvite:
		return "interview_invitation"
	case kReject:
		return "rejection"
	case kOffer:
		return "offer"
	case kRecruiterReply:
		return "recruiter_reply"
	case kAutoReply:
		return "auto_reply"
	}
	return "other"
}

type person struct{ name, addr string }

func (p person) String() string {
	if p.name == "" {
		return "<" + p.addr + ">"
	}
	if strings.ContainsAny(p.name, `.,"()<>@:;`) {
		return fmt.Sprintf("%q <%s>", p.name, p.addr)
	}
	return p.name + " <" + p.addr + ">"
}

func (p person) first() string {
	f, _, _ := strings.Cut(p.name, " ")
	return f
}

// application is one job the user applied for.
type application struct {
	company, domain, role, req string
	relay                      string // greenhouse, lever, workday, ashby; "" when applied by email
	recruiter, manager         person
}

// plan is one message to generate: everything that links it to other
// messages is fixed here; its text is written from seed when rendered.
type plan struct {
	box       string
	kind      kind
	date      time.Time
	seed      uint64
	id        string // Message-ID without brackets
	inReplyTo string
	refs      []string
	subject   string
	from, to  person
	send      sender // bulk sender, for bulk kinds
	app       *application
	attach    int // attachment size in bytes, 0 for none
	calendar  bool
	seen      bool
	uid       uint32
}

// corpus is the planned mailbox.
type corpus struct {
	seed    uint64
	now     time.Time
	me      person
	inbox   []*plan
	sent    []*plan
	apps    []*application
	byKind  [numKinds]int
	attachN int
	attachB int64
}

const dayDur = 24 * time.Hour

type planner struct {
	r         *rand.Rand
	c         *corpus
	seq       int
	personal  []*plan // messages personal replies can answer
	companies map[string]bool
}

// makeCorpus plans a mailbox of n INBOX messages: about 2% about the user's
// applications, the rest newsletters, notifications and personal mail,
// dated over the last 90 days, with a tenth carrying an attachment of
// 100 KB to 5 MB; and a Sent folder with the user's own mail.
func makeCorpus(n int, seed uint64, now time.Time) *corpus {
	c := &corpus{seed: seed, now: now.Truncate(time.Second), me: person{"Sam Rivera", "sam@example.com"}}
	p := &planner{r: rand.New(rand.NewPCG(seed, 0x6a6f6273)), c: c, companies: map[string]bool{}}
	jobTarget := int(math.Round(float64(n) * 0.02))
	sentTarget := min(max(n/50, 200), 1000)
	for c.jobCount() < jobTarget {
		p.storyline(jobTarget - c.jobCount())
	}
	for len(c.sent) < sentTarget {
		p.sentPersonal()
	}
	// The rest of INBOX: everyday mail.
	weights := []struct {
		k kind
		w float64
	}{{kNewsletter, 40}, {kSocial, 18}, {kDev, 10}, {kTransaction, 12}, {kPersonal, 18}, {kAlert, 2}}
	for len(c.inbox) < n {
		x := p.r.Float64() * 100
		for _, w := range weights {
			if x < w.w {
				p.everyday(w.k)
				break
			}
			x -= w.w
		}
	}
	// A tenth of INBOX carries an attachment.
	want := int(math.Round(float64(n) / 10))
	for _, i := range p.r.Perm(len(c.inbox)) {
		if c.attachN >= want {
			break
		}
		m := c.inbox[i]
		if m.kind == kAutoReply || m.kind == kAlert || m.attach > 0 {
			continue
		}
		m.attach = attachmentSize(p.r)
		c.attachN++
		c.attachB += int64(m.attach)
	}
	for _, box := range [][]*plan{c.inbox, c.sent} {
		slices.SortStableFunc(box, func(a, b *plan) int { return a.date.Compare(b.date) })
		for i, m := range box {
			m.uid = uint32(i + 1)
			c.byKind[m.kind]++
		}
	}
	return c
}

// attachmentSize is log-uniform between 100 KB and 5 MB: most attachments
// are small, a few are large (mean about 1.25 MB).
func attachmentSize(r *rand.Rand) int {
	lo, hi := math.Log(100e3), math.Log(5e6)
	return int(math.Exp(lo + r.Float64()*(hi-lo)))
}

func (c *corpus) jobCount() int {
	n := 0
	for _, m := range c.inbox {
		if m.kind.job() {
			n++
		}
	}
	return n
}

func (p *planner) newID(domain string) string {
	p.seq++
	return fmt.Sprintf("%08x.%d.%x@%s", p.r.Uint32(), p.seq, p.r.Uint32()&0xffff, domain)
}

func (p *planner) randomPerson(domain string) person {
	g, f := pick(p.r, givenNames), pick(p.r, familyNames)
	if domain == "" {
		domain = pick(p.r, freeMail)
	}
	local := strings.ToLower(g + "." + f)
	if p.r.IntN(3) == 0 {
		local = strings.ToLower(g[:1] + f)
	}
	local = strings.Map(func(r rune) rune {
		if r > 127 {
			return 'u'
		}
		return r
	}, local)
	return person{g + " " + f, local + "@" + domain}
}

// randomDate is a moment in the last 90 days (at least ten minutes ago).
func (p *planner) randomDate() time.Time {
	span := 90*dayDur - 10*time.Minute
	return p.c.now.Add(-10*time.Minute - time.Duration(p.r.Int64N(int64(span))))
}

func (p *planner) add(m *plan) *plan {
	if m.date.After(p.c.now.Add(-time.Minute)) {
		return nil // would be in the future: the story ends here
	}
	m.seed = p.r.Uint64()
	m.seen = p.r.IntN(10) < 8
	if m.box == sentName {
		m.seen = true
		p.c.sent = append(p.c.sent, m)
	} else {
		m.box = inboxName
		p.c.inbox = append(p.c.inbox, m)
	}
	return m
}

func (p *planner) newApplication() *application {
	var name string
	for {
		name = pick(p.r, companyFirst) + " " + pick(p.r, companySecond)
		if !p.companies[name] {
			break
		}
	}
	p.companies[name] = true
	domain := strings.ToLower(strings.ReplaceAll(name, " ", "")) + pick(p.r, []string{".com", ".com", ".io", ".co", ".de"})
	a := &application{company: name, domain: domain, role: pick(p.r, roles), req: fmt.Sprintf("R-%05d", 10000+p.r.IntN(89999))}
	switch x := p.r.IntN(10); {
	case x < 3:
		a.relay = "greenhouse"
	case x < 5:
		a.relay = "lever"
	case x < 6:
		a.relay = "workday"
	case x < 7:
		a.relay = "ashby"
	}
	a.recruiter = p.randomPerson(domain)
	a.manager = p.randomPerson(domain)
	p.c.apps = append(p.c.apps, a)
	return a
}

// relaySender is the address a hiring system writes from for a company.
func relaySender(a *application) person {
	switch a.relay {
	case "greenhouse":
		return person{a.company + " Hiring Team", "no-reply@us.greenhouse-mail.io"}
	case "lever":
		return person{a.company, "no-reply@hire.lever.co"}
	case "workday":
		tenant := strings.ToLower(strings.Fields(a.company)[0])
		return person{a.company + " Careers", tenant + "@myworkday.com"}
	case "ashby":
		return person{a.company + " Recruiting", "no-reply@ashbyhq.com"}
	}
	return a.recruiter
}

// storyline plans one application and what came of it, adding at most
// budget job messages to INBOX.
func (p *planner) storyline(budget int) {
	a := p.newApplication()
	c := p.c
	start := c.now.Add(-time.Duration(5*24+p.r.IntN(83*24)) * time.Hour).Add(time.Duration(p.r.IntN(3600)) * time.Second)
	later := func(t time.Time, minDays, maxDays int) time.Time {
		return t.Add(time.Duration(minDays*24*60+p.r.IntN((maxDays-minDays)*24*60+1)) * time.Minute)
	}
	used := 0
	inbox := func(m *plan) *plan {
		if used >= budget {
			return nil
		}
		m.app = a
		if m.to.addr == "" {
			m.to = c.me
		}
		if got := p.add(m); got != nil {
			used++
			return got
		}
		return nil
	}
	sent := func(m *plan) *plan {
		m.box, m.app, m.from = sentName, a, c.me
		return p.add(m)
	}
	if a.relay == "" {
		// Applied by email to a recruiter, CV attached.
		app := sent(&plan{kind: kSentApplication, date: start, id: p.newID("example.com"), to: a.recruiter,
			subject: "Application for " + a.role, attach: 150_000 + p.r.IntN(250_000)})
		if app == nil {
			return
		}
		switch x := p.r.IntN(100); {
		case x < 15:
			inbox(&plan{kind: kAutoReply, date: app.date.Add(time.Duration(1+p.r.IntN(5)) * time.Minute), id: p.newID(a.domain),
				from: a.recruiter, inReplyTo: app.id, refs: []string{app.id}, subject: "Automatic reply: " + app.subject})
		case x < 75:
			rep := inbox(&plan{kind: kRecruiterReply, date: later(app.date, 1, 6), id: p.newID(a.domain), from: a.recruiter,
				inReplyTo: app.id, refs: []string{app.id}, subject: "Re: " + app.subject})
			if rep != nil && p.r.IntN(2) == 0 {
				p.interview(a, rep, later(rep.date, 2, 8), inbox, sent)
			}
		}
		return
	}
	ack := inbox(&plan{kind: kAck, date: start.Add(time.Duration(1+p.r.IntN(20)) * time.Minute), id: p.newID(relayDomain(a)), from: relaySender(a)})
	if ack == nil {
		return
	}
	switch x := p.r.IntN(100); {
	case x < 45:
		inbox(&plan{kind: kReject, date: later(ack.date, 3, 21), id: p.newID(relayDomain(a)), from: relaySender(a)})
	case x < 75:
		p.interview(a, nil, later(ack.date, 2, 10), inbox, sent)
	default:
		if p.r.IntN(10) < 4 {
			p.followUp(a, nil, later(ack.date, 10, 20), inbox, sent)
		}
	}
}

func relayDomain(a *application) string {
	s := relaySender(a).addr
	return s[strings.IndexByte(s, '@')+1:]
}

// interview plans an invitation and what followed it.
func (p *planner) interview(a *application, prev *plan, at time.Time, inbox, sent func(*plan) *plan) {
	inv := &plan{kind: kInvite, date: at, id: p.newID(a.domain), from: a.recruiter, calendar: p.r.IntN(10) < 4}
	if prev != nil {
		inv.inReplyTo, inv.refs, inv.subject = prev.id, append(slices.Clone(prev.refs), prev.id), prev.subject
	}
	if inbox(inv) == nil {
		return
	}
	thanks := sent(&plan{kind: kSentThanks, date: inv.date.Add(time.Duration(2+p.r.IntN(5)) * 24 * time.Hour), id: p.newID("example.com"),
		to: a.recruiter, inReplyTo: inv.id, refs: append(slices.Clone(inv.refs), inv.id), subject: "Thank you for the conversation"})
	if thanks == nil {
		return
	}
	switch x := p.r.IntN(100); {
	case x < 20:
		inbox(&plan{kind: kOffer, date: thanks.date.Add(time.Duration(3+p.r.IntN(10)) * 24 * time.Hour), id: p.newID(a.domain), from: a.recruiter,
			subject: "Offer of employment: " + a.role})
	case x < 60:
		from := a.recruiter
		if a.relay != "" && p.r.IntN(2) == 0 {
			from = relaySender(a)
		}
		inbox(&plan{kind: kReject, date: thanks.date.Add(time.Duration(2+p.r.IntN(12)) * 24 * time.Hour), id: p.newID(a.domain), from: from})
	default:
		p.followUp(a, thanks, thanks.date.Add(time.Duration(6+p.r.IntN(4))*24*time.Hour), inbox, sent)
	}
}

// followUp plans the user's status check and, sometimes, an out-of-office answer.
func (p *planner) followUp(a *application, prev *plan, at time.Time, inbox, sent func(*plan) *plan) {
	f := &plan{kind: kSentFollowUp, date: at, id: p.newID("example.com"), to: a.recruiter, subject: "Following up on my " + a.role + " application"}
	if prev != nil {
		f.inReplyTo, f.refs = prev.id, append(slices.Clone(prev.refs), prev.id)
	}
	if sent(f) == nil {
		return
	}
	if p.r.IntN(10) < 3 {
		inbox(&plan{kind: kAutoReply, date: f.date.Add(time.Duration(1+p.r.IntN(3)) * time.Minute), id: p.newID(a.domain), from: a.recruiter,
			inReplyTo: f.id, refs: append(slices.Clone(f.refs), f.id), subject: "Automatic reply: " + f.subject})
	}
}

// sentPersonal plans a message the user wrote to a friend.
func (p *planner) sentPersonal() {
	friend := p.randomPerson("")
	m := &plan{box: sentName, kind: kSentPersonal, date: p.randomDate(), id: p.newID("example.com"), from: p.c.me, to: friend}
	m.subject = fillVerbs(p.r, pick(p.r, personalSubjects), func() string { return pick(p.r, weekdays) }, nil)
	if len(p.personal) > 0 && p.r.IntN(2) == 0 {
		p.replyTo(m, pick(p.r, p.personal))
	}
	if p.add(m) != nil {
		p.personal = append(p.personal, m)
	}
}

// replyTo makes m an answer to prev, a little later than prev.
func (p *planner) replyTo(m, prev *plan) {
	m.inReplyTo = prev.id
	m.refs = append(slices.Clone(prev.refs), prev.id)
	m.subject = "Re: " + strings.TrimPrefix(prev.subject, "Re: ")
	m.date = prev.date.Add(time.Duration(30+p.r.IntN(3*24*60)) * time.Minute)
	other := prev.from
	if prev.box == sentName {
		other = prev.to
	}
	if m.box == sentName {
		m.to = other
	} else {
		m.from, m.to = other, p.c.me
	}
}

// everyday plans one message that is not about the job search.
func (p *planner) everyday(k kind) {
	r := p.r
	m := &plan{kind: k, date: p.randomDate(), to: p.c.me}
	title := func() string {
		w := pick(r, fillerWords)
		return strings.ToUpper(w[:1]) + w[1:]
	}
	switch k {
	case kNewsletter:
		m.send = pick(r, newsletterSenders)
		m.subject = fillVerbs(r, pick(r, newsletterSubjects), title, title)
	case kAlert:
		role := pick(r, roles)
		switch r.IntN(3) {
		case 0:
			m.send = sender{"LinkedIn Job Alerts", "jobalerts-noreply@linkedin.com", ""}
			m.subject = fmt.Sprintf("%q: %d new jobs in Berlin", role, 3+r.IntN(25))
		case 1:
			m.send = sender{"Indeed", "alert@indeed.com", ""}
			m.subject = fmt.Sprintf("%d new %s jobs for you", 3+r.IntN(25), role)
		default:
			m.send = sender{"Glassdoor Jobs", "noreply@glassdoor.com", ""}
			m.subject = fmt.Sprintf("%s jobs you may be interested in", role)
		}
	case kSocial:
		m.send = pick(r, socialSenders)
		m.subject = fillVerbs(r, pick(r, socialSubjects), func() string { return pick(r, givenNames) + " " + pick(r, familyNames) }, title)
	case kDev:
		proj := pick(r, devProjects)
		m.send = sender{"devhub", "notifications@devhub.io", strings.ReplaceAll(proj, "/", ".") + ".devhub.io"}
		num := 100 + r.IntN(4000)
		m.subject = fmt.Sprintf(pick(r, devSubjects), proj, num)
		m.from = person{pick(r, givenNames) + " " + pick(r, familyNames), "notifications@devhub.io"}
		if r.IntN(10) < 7 {
			thread := fmt.Sprintf("%s/issues/%d@devhub.io", proj, num)
			m.inReplyTo, m.refs = thread, []string{thread}
		}
	case kTransaction:
		ts := pick(r, transactionalSenders)
		m.send = ts.sender
		m.subject = fillVerbs(r, pick(r, ts.subjects), func() string { return pick(r, weekdays) }, title)
	case kPersonal:
		m.from = p.randomPerson("")
		m.subject = fillVerbs(r, pick(r, personalSubjects), func() string { return pick(r, weekdays) }, nil)
		if len(p.personal) > 0 && r.IntN(100) < 45 {
			p.replyTo(m, pick(r, p.personal))
		}
	}
	if m.from.addr == "" {
		m.from = person{m.send.name, m.send.addr}
	}
	domain := m.from.addr[strings.IndexByte(m.from.addr, '@')+1:]
	m.id = p.newID(domain)
	if p.add(m) != nil && k == kPersonal {
		p.personal = append(p.personal, m)
	}
}

// fillVerbs fills the %s and %d verbs of a subject template.
func fillVerbs(r *rand.Rand, tmpl string, s1, s2 func() string) string {
	var sb strings.Builder
	n := 0
	for i := 0; i < len(tmpl); i++ {
		if tmpl[i] == '%' && i+1 < len(tmpl) {
			switch tmpl[i+1] {
			case 's':
				if n == 0 {
					sb.WriteString(s1())
				} else {
					sb.WriteString(s2())
				}
				n++
				i++
				continue
			case 'd':
				fmt.Fprintf(&sb, "%d", 1000+r.IntN(900000))
				i++
				continue
			case '%':
				sb.WriteByte('%')
				i++
				continue
			}
		}
		sb.WriteByte(tmpl[i])
	}
	return sb.String()
}

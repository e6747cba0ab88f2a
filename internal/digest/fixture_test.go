package digest_test

import (
	"fmt"
	"time"

	"github.com/inboxwatch/inboxwatch/internal/classify"
	"github.com/inboxwatch/inboxwatch/internal/digest"
	"github.com/inboxwatch/inboxwatch/internal/mailparse"
	"github.com/inboxwatch/inboxwatch/internal/policy"
)

var ny = func() *time.Location {
	l, err := time.LoadLocation("America/New_York")
	if err != nil {
		panic(err)
	}
	return l
}()

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, ny)
	if err != nil {
		panic(err)
	}
	return t
}

// The digest of Tuesday 3 March 2026, 08:00 in New York; the previous one
// went out on Monday at the same time.
var (
	now   = at("2026-03-03 08:00")
	since = at("2026-03-02 08:00")
	me    = digest.Me{Name: "Sam Rivera", Address: "sam.rivera@fastmail.example"}
	sam   = mailparse.Address{Name: "Sam Rivera", Addr: "sam.rivera@fastmail.example"}
)

func person(name, addr string) mailparse.Address { return mailparse.Address{Name: name, Addr: addr} }

// story builds one application's mail.
type story struct {
	app  policy.Application
	n    int
	last *policy.Event
}

func newStory(id int64, company, role string, contacts ...mailparse.Address) *story {
	return &story{app: policy.Application{ID: id, Company: company, Role: role, Contacts: contacts}}
}

func (s *story) add(e policy.Event) *policy.Event {
	s.n++
	e.MessageID = fmt.Sprintf("%d.%d@mail.%d.example", s.app.ID, s.n, s.app.ID)
	if e.Confidence == 0 && !e.Outbound {
		e.Confidence = 0.92
	}
	s.app.Events = append(s.app.Events, e)
	return &s.app.Events[len(s.app.Events)-1]
}

// in is a message from the company; it answers the previous message.
func (s *story) in(when string, cat classify.Category, from mailparse.Address, subject string, mods ...func(*policy.Event)) *story {
	e := policy.Event{At: at(when), Category: cat, From: from, To: []mailparse.Address{sam}, Subject: subject}
	for _, m := range mods {
		m(&e)
	}
	s.thread(&e)
	s.add(e)
	return s
}

// out is a message Sam sent, answering the previous message.
func (s *story) out(when string, to mailparse.Address, subject string) *story {
	e := policy.Event{At: at(when), Outbound: true, From: sam, To: []mailparse.Address{to}, Subject: subject}
	s.thread(&e)
	s.add(e)
	return s
}

func (s *story) thread(e *policy.Event) {
	if n := len(s.app.Events); n > 0 {
		prev := s.app.Events[n-1]
		e.References = append(append([]string{}, prev.References...), prev.MessageID)
	}
}

func slot(start, end string) func(*policy.Event) {
	return func(e *policy.Event) { e.InterviewAt, e.InterviewEnd = at(start), at(end) }
}
func stated(day string) func(*policy.Event) { return func(e *policy.Event) { e.Timeline = day } }
func back(day string) func(*policy.Event)   { return func(e *policy.Event) { e.ReturnDate = day } }
func askNot() func(*policy.Event)           { return func(e *policy.Event) { e.NoFollowUp = true } }
func via(a mailparse.Address) func(*policy.Event) {
	return func(e *policy.Event) { e.ReplyTo = []mailparse.Address{a} }
}

const (
	invitation = classify.InterviewInvitation
	rejection  = classify.Rejection
	offer      = classify.Offer
	reply      = classify.RecruiterReply
	received   = classify.ApplicationReceived
	autoReply  = classify.AutoReply
)

// fixture is a job search in full swing.
func fixture() []policy.Application {
	var apps []policy.Application

	// Thank-you due: the interview ended yesterday at 17:00.
	priya := person("Priya Nandakumar", "priya.nandakumar@brightline.example")
	marcusB := person("Marcus Bell", "marcus.bell@brightline.example")
	gh := func(name string) mailparse.Address { return person(name, "no-reply@us.greenhouse-mail.example") }
	apps = append(apps, newStory(1, "Brightline Analytics", "Senior Backend Engineer", marcusB, priya).
		in("2026-02-10 10:14", received, gh("Brightline Analytics"), "Thank you for applying to Brightline Analytics").
		in("2026-02-24 09:30", invitation, gh("Priya Nandakumar"), "Invitation: Technical interview (Senior Backend Engineer)",
			slot("2026-03-02 16:00", "2026-03-02 17:00"), via(priya)).app)

	// First status check overdue: thank-you ten days ago, silence since.
	tom := person("Tom Alvarez", "tom.alvarez@northwind.example")
	elena := person("Elena Petrova", "elena.petrova@northwind.example")
	apps = append(apps, newStory(2, "Northwind Logistics", "Platform Engineer", elena, tom).
		in("2026-02-12 11:20", reply, elena, "Platform Engineer at Northwind Logistics").
		out("2026-02-12 14:05", elena, "Re: Platform Engineer at Northwind Logistics").
		in("2026-02-13 10:00", invitation, tom, "Interview: Platform Engineer", slot("2026-02-20 15:00", "2026-02-20 16:00")).
		out("2026-02-20 19:30", tom, "Re: Interview: Platform Engineer").app)

	// Status check coming up: thank-you the evening of the interview.
	aisha := person("Aisha Rahman", "aisha.rahman@lumenhealth.example")
	apps = append(apps, newStory(3, "Lumen Health", "Software Engineer, Patient Apps", aisha).
		in("2026-02-19 10:15", invitation, aisha, "Technical interview - Software Engineer, Patient Apps", slot("2026-02-26 11:00", "2026-02-26 12:00")).
		out("2026-02-26 17:40", aisha, "Re: Technical interview - Software Engineer, Patient Apps").app)

	// Waiting on a stated date: the recruiter wrote yesterday.
	grace := person("Grace Lindqvist", "grace.lindqvist@harborpine.example")
	apps = append(apps, newStory(4, "Harbor & Pine", "Site Reliability Engineer", grace).
		in("2026-02-17 14:00", invitation, grace, "Panel interview at Harbor & Pine", slot("2026-02-24 13:30", "2026-02-24 15:00")).
		out("2026-02-24 19:15", grace, "Re: Panel interview at Harbor & Pine").
		in("2026-03-02 10:05", reply, grace, "Re: Panel interview at Harbor & Pine", stated("2026-03-06")).app)

	// Rejected yesterday afternoon.
	nina := person("Nina Castellanos", "nina@quillfeather.example")
	apps = append(apps, newStory(5, "Quillfeather", "Backend Engineer, Payments", nina).
		in("2026-02-11 15:30", invitation, nina, "Pairing interview", slot("2026-02-18 10:00", "2026-02-18 11:30")).
		out("2026-02-18 16:20", nina, "Re: Pairing interview").
		in("2026-03-02 15:10", rejection, nina, "Your application to Quillfeather").app)

	// Offer yesterday.
	hannah := person("Hannah Weiss", "hannah.weiss@tessellate.example")
	apps = append(apps, newStory(6, "Tessellate Robotics", "Senior Software Engineer, Fleet Platform", hannah).
		in("2026-02-09 10:30", invitation, hannah, "Virtual onsite", slot("2026-02-17 10:00", "2026-02-17 14:00")).
		out("2026-02-17 18:30", hannah, "Re: Virtual onsite").
		in("2026-03-02 16:30", offer, hannah, "Your offer from Tessellate Robotics").app)

	// Asked applicants not to chase, last week.
	apps = append(apps, newStory(7, "Civic Ledger", "Software Engineer II").
		in("2026-02-26 22:47", received, person("Civic Ledger", "civicledger@myworkday.example"), "Application received: Software Engineer II (R-20417)", askNot()).app)

	// Final check due: thank-you, a check-in, and nothing since.
	chloe := person("Chloe Ames", "chloe.ames@orchardlabs.example")
	apps = append(apps, newStory(8, "Orchard Labs", "Data Platform Engineer", chloe).
		in("2026-02-10 13:00", invitation, chloe, "Technical interview with Raj Patel", slot("2026-02-13 14:00", "2026-02-13 15:00")).
		out("2026-02-14 08:50", chloe, "Re: Technical interview with Raj Patel").
		out("2026-02-23 08:30", chloe, "Re: Technical interview with Raj Patel").app)

	// A reply yesterday restarted the clock.
	theo := person("Theo Brandt", "theo.brandt@saltmarsh.example")
	apps = append(apps, newStory(9, "Saltmarsh Games", "Backend Engineer, Live Services", theo).
		in("2026-02-13 09:15", invitation, theo, "Interview: Backend Engineer, Live Services", slot("2026-02-20 16:00", "2026-02-20 17:00")).
		out("2026-02-20 20:10", theo, "Re: Interview: Backend Engineer, Live Services").
		in("2026-03-02 11:25", reply, theo, "Re: Interview: Backend Engineer, Live Services").app)

	// The check-in got an out-of-office reply.
	olivia := person("Olivia Brennan", "olivia.brennan@kestrel.example")
	apps = append(apps, newStory(10, "Kestrel Insurance", "Software Engineer, Claims Platform", olivia).
		in("2026-02-05 10:40", invitation, olivia, "Interview confirmation", slot("2026-02-12 16:00", "2026-02-12 17:00")).
		out("2026-02-13 08:30", olivia, "Re: Interview confirmation").
		out("2026-02-27 09:15", olivia, "Following up: Software Engineer, Claims Platform").
		in("2026-02-27 09:16", autoReply, olivia, "Automatic reply: Following up: Software Engineer, Claims Platform", back("2026-03-09")).app)

	// Applied only.
	apps = append(apps, newStory(11, "Fernway Energy", "Backend Engineer, Grid Software").
		in("2026-02-28 11:48", received, gh("Fernway Energy"), "Thank you for applying to Fernway Energy").app)
	apps = append(apps, newStory(12, "Ridgeback Security", "Go Engineer, Detection Pipeline").
		in("2026-03-01 15:31", received, person("Ridgeback", "no-reply@hire.lever.example"), "Thanks for applying to Ridgeback Security").app)

	// Ignored by the user.
	ignored := newStory(13, "Sundial Media", "Software Engineer, Platform").
		in("2026-03-02 09:12", received, person("Sundial Recruiting", "recruiting@sundial.example"), "We received your application").app
	ignored.Ignored, ignored.IgnoredAt = true, at("2026-03-02 12:00")
	apps = append(apps, ignored)

	// Gone quiet yesterday: two check-ins, no answer.
	pat := person("Pat Okafor", "pat.okafor@pinecone.example")
	apps = append(apps, newStory(14, "Pinecone Systems", "Infrastructure Engineer", pat).
		in("2026-01-20 09:00", invitation, pat, "Interview invitation", slot("2026-01-26 11:00", "2026-01-26 12:00")).
		out("2026-01-26 15:00", pat, "Re: Interview invitation").
		out("2026-02-03 09:00", pat, "Re: Interview invitation").
		out("2026-02-23 09:00", pat, "Re: Interview invitation").app)

	return apps
}

// evaluate runs the policy over the fixture as of t.
func evaluate(apps []policy.Application, t time.Time) []policy.Outcome {
	cfg := policy.Default(ny)
	outs := make([]policy.Outcome, len(apps))
	for i, a := range apps {
		outs[i] = policy.Evaluate(a, t, cfg)
	}
	return outs
}

func build() digest.Digest {
	apps := fixture()
	return digest.Build(now, apps, evaluate(apps, now), since, me)
}

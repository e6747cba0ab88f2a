package classify

import (
	"strings"

	"github.com/inboxwatch/inboxwatch/internal/employer"
	"github.com/inboxwatch/inboxwatch/internal/mailparse"
)

// Applicant tracking systems that send mail on behalf of employers.
var atsDomains = []string{
	"greenhouse.io", "greenhouse-mail.io", "lever.co", "myworkday.com", "myworkdayjobs.com", "workday.com",
	"ashbyhq.com", "ashby.io", "smartrecruiters.com", "icims.com", "workable.com", "workablemail.com",
	"jobvite.com", "taleo.net", "successfactors.com", "successfactors.eu", "sapsf.com", "sapsf.eu",
	"brassring.com", "avature.net", "bamboohr.com", "recruitee.com", "teamtailor.com", "teamtailor-mail.com",
	"jazzhr.com", "applytojob.com", "breezy.hr", "breezyhr.com", "paylocity.com", "ultipro.com", "ukg.com",
	"oraclecloud.com", "taleo.com", "dayforcehcm.com", "ceridian.com", "phenompeople.com", "phenom.com",
	"eightfold.ai", "pinpointhq.com", "personio.com", "personio.de", "rippling.com", "dover.com", "gem.com",
	"hirebridge.com", "adp.com", "paycomonline.net", "fountain.com", "clearcompany.com", "comeet.co",
	"recruiterbox.com", "hireology.com", "hiringthing.com", "jobscore.com", "freshteam.com", "zohorecruit.com",
	"manatal.com", "recruitcrm.io", "bullhorn.com", "bullhornstaffing.com", "csod.com", "cornerstoneondemand.com",
	"hire.lever.co", "trakstar.com", "polymer.co", "homerun.co", "welcomekit.co", "join.com", "kenoby.com",
	"gupy.io", "pageuppeople.com", "apply2jobs.com", "peopleadmin.com", "governmentjobs.com", "neogov.com",
	"usajobs.gov", "successfactors.net", "myworkdaysite.com", "hrmdirect.com", "isolvedhire.com",
	// Interview scheduling, assessment and screening services that write
	// on an employer's behalf.
	"goodtime.io", "modernloop.io", "prelude.co", "hirevue.com", "codility.com",
	"hackerrank.com", "hackerrankforwork.com", "codesignal.com", "testgorilla.com", "coderpad.io",
	"karat.io", "checkr.com", "hireright.com", "sterlingcheck.com",
}

// Job boards: their mail is either a receipt of an application sent through
// them or, far more often, alerts and recommendations.
var boardDomains = []string{
	"linkedin.com", "indeed.com", "indeedemail.com", "glassdoor.com", "ziprecruiter.com", "monster.com",
	"dice.com", "careerbuilder.com", "wellfound.com", "angel.co", "hired.com", "otta.com", "builtin.com",
	"simplyhired.com", "joinhandshake.com", "handshake.com", "wayup.com", "lensa.com", "talent.com", "jooble.org",
	"adzuna.com", "stepstone.de", "stepstone.com", "xing.com", "seek.com.au", "naukri.com", "reed.co.uk",
	"totaljobs.com", "welcometothejungle.com", "jobright.ai", "hiring.cafe", "flexjobs.com", "snagajob.com",
	"themuse.com", "idealist.org", "weworkremotely.com", "remoteok.com", "workingnomads.com", "jobleads.com",
}

// Words in an address's local part that mark automatic mail.
var noReplyMarks = []string{
	"noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply", "notification",
	"mailer", "automated", "auto-confirm", "bounce", "alerts", "alert", "system", "notify", "postmaster",
	"mailer-daemon", "news", "digest", "updates", "marketing", "hello", "info",
}

// Words in a sender's address or name that mark a team mailbox rather than a
// person (careers@, "Acme Talent Acquisition").
var teamMarks = []string{
	"careers", "career", "jobs", "job", "recruiting", "recruitment", "recruiter", "talent", "hiring", "hr",
	"people", "team", "applicant", "candidate", "staffing", "workday", "greenhouse", "lever", "notifications",
	"admin", "support", "service", "acquisition", "employment", "personnel", "hrteam", "humanresources",
}

// senderFacts describes who sent the message and how.
type senderFacts struct {
	domain    string
	ats       string // the ATS relay domain, if any
	board     string // the job board domain, if any
	noReply   bool   // a no-reply or notification address
	team      bool   // a team mailbox rather than a person
	bulk      bool   // list or bulk headers
	autoGen   bool   // Auto-Submitted: auto-generated (or similar)
	autoReply bool   // Auto-Submitted: auto-replied, X-Autoreply, ...
	thread    bool   // In-Reply-To/References or "Re:" subject
	freeMail  bool   // the sender is on a free-mail provider (gmail.com, outlook.com, ...)
	reply     bool   // the caller says the message answers the user
	evidence  []string
}

// HiringSystem reports whether a sender's domain belongs to an applicant
// tracking system or a scheduling, assessment or screening service that
// writes on an employer's behalf.
func HiringSystem(domain string) bool {
	return domainIn(strings.ToLower(domain), atsDomains) != ""
}

func domainIn(d string, list []string) string {
	for _, x := range list {
		if d == x || len(d) > len(x) && d[len(d)-len(x)-1] == '.' && strings.HasSuffix(d, x) {
			return x
		}
	}
	return ""
}

func addrDomains(m *mailparse.Message) []string {
	var out []string
	add := func(a mailparse.Address) {
		if d := a.Domain(); d != "" {
			out = append(out, d)
		}
	}
	add(m.From)
	add(m.Sender)
	for _, a := range m.ReplyTo {
		add(a)
	}
	return out
}

func analyzeSender(m *mailparse.Message, opts Options) senderFacts {
	var f senderFacts
	f.domain = m.From.Domain()
	f.freeMail = employer.IsFreeMail(f.domain)
	for _, d := range addrDomains(m) {
		if f.ats == "" {
			f.ats = domainIn(d, atsDomains)
		}
		if f.board == "" {
			f.board = domainIn(d, boardDomains)
		}
	}
	if f.ats != "" {
		f.evidence = append(f.evidence, "sender: ATS relay "+f.ats)
	}
	if f.board != "" {
		f.evidence = append(f.evidence, "sender: job board "+f.board)
	}
	local := m.From.Local()
	name := strings.ToLower(m.From.Name)
	squeezed := strings.ReplaceAll(name, " ", "")
	for _, mk := range noReplyMarks[:12] {
		if strings.Contains(local, mk) || strings.Contains(squeezed, mk) {
			f.noReply = true
			f.evidence = append(f.evidence, "sender: no-reply address "+m.From.Addr)
			break
		}
	}
	if !f.noReply {
		for _, mk := range noReplyMarks[12:] {
			if local == mk || strings.HasPrefix(local, mk+"@") {
				f.noReply = true
				break
			}
		}
	}
	for _, mk := range teamMarks {
		if containsWord(local, mk) || containsWord(name, mk) {
			f.team = true
			break
		}
	}
	if m.ListUnsubscribe != "" || m.ListID != "" || m.Precedence == "bulk" || m.Precedence == "list" || m.Precedence == "junk" {
		f.bulk = true
		switch {
		case m.ListID != "":
			f.evidence = append(f.evidence, "header: List-Id")
		case m.ListUnsubscribe != "":
			f.evidence = append(f.evidence, "header: List-Unsubscribe")
		default:
			f.evidence = append(f.evidence, "header: Precedence: "+m.Precedence)
		}
	}
	as := strings.ToLower(m.AutoSubmitted)
	switch {
	case strings.HasPrefix(as, "auto-replied"):
		f.autoReply = true
		f.evidence = append(f.evidence, "header: Auto-Submitted: "+m.AutoSubmitted)
	case as != "" && as != "no":
		f.autoGen = true
		f.evidence = append(f.evidence, "header: Auto-Submitted: "+m.AutoSubmitted)
	}
	if m.XAutoreply != "" {
		f.autoReply = true
		f.evidence = append(f.evidence, "header: X-Autoreply: "+m.XAutoreply)
	}
	if m.AutoResponse != "" {
		f.autoReply = true
		f.evidence = append(f.evidence, "header: "+m.AutoResponse)
	}
	if m.Precedence == "auto_reply" {
		f.autoReply = true
		f.evidence = append(f.evidence, "header: Precedence: auto_reply")
	}
	f.reply = opts.RepliesToUser
	s := strings.ToLower(strings.TrimSpace(m.Subject))
	f.thread = len(m.InReplyTo) > 0 || strings.HasPrefix(s, "re:") || strings.HasPrefix(s, "re :") || strings.HasPrefix(s, "aw:") || strings.HasPrefix(s, "sv:")
	return f
}

// containsWord reports whether w occurs in s delimited by non-letters.
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		before := j == 0 || !isLetter(s[j-1])
		after := j+len(w) == len(s) || !isLetter(s[j+len(w)])
		if before && after {
			return true
		}
		i = j + 1
	}
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' }

// automated reports whether the message looks machine-sent.
func (f *senderFacts) automated() bool {
	return f.ats != "" || f.board != "" || f.noReply || f.bulk || f.autoGen
}

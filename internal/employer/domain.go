package employer

import (
	"net"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/publicsuffix"
)

// relays maps the domains of hiring systems, job boards, assessment and
// scheduling services to the name this package reports for them. A domain
// matches an entry when it is the entry or a subdomain of it.
var relays = map[string]string{
	"greenhouse.io":          "greenhouse.io",
	"greenhouse-mail.io":     "greenhouse.io",
	"lever.co":               "lever.co",
	"myworkday.com":          "myworkday.com",
	"myworkdayjobs.com":      "myworkday.com",
	"myworkdaysite.com":      "myworkday.com",
	"ashbyhq.com":            "ashbyhq.com",
	"smartrecruiters.com":    "smartrecruiters.com",
	"smartrecruiters.net":    "smartrecruiters.com",
	"icims.com":              "icims.com",
	"workable.com":           "workable.com",
	"workablemail.com":       "workable.com",
	"jobvite.com":            "jobvite.com",
	"linkedin.com":           "linkedin.com",
	"indeed.com":             "indeed.com",
	"indeedemail.com":        "indeed.com",
	"indeedmail.com":         "indeed.com",
	"glassdoor.com":          "glassdoor.com",
	"ziprecruiter.com":       "ziprecruiter.com",
	"bamboohr.com":           "bamboohr.com",
	"breezy.hr":              "breezy.hr",
	"breezyhr.com":           "breezy.hr",
	"recruitee.com":          "recruitee.com",
	"teamtailor.com":         "teamtailor.com",
	"teamtailor-mail.com":    "teamtailor.com",
	"personio.de":            "personio.de",
	"personio.com":           "personio.de",
	"successfactors.com":     "successfactors.com",
	"successfactors.eu":      "successfactors.com",
	"sapsf.com":              "successfactors.com",
	"sapsf.eu":               "successfactors.com",
	"taleo.net":              "taleo.net",
	"oraclecloud.com":        "oraclecloud.com",
	"jazzhr.com":             "jazzhr.com",
	"jazz.co":                "jazzhr.com",
	"applytojob.com":         "jazzhr.com",
	"paylocity.com":          "paylocity.com",
	"dayforcehcm.com":        "dayforcehcm.com",
	"ceridian.com":           "dayforcehcm.com",
	"eightfold.ai":           "eightfold.ai",
	"phenom.com":             "phenom.com",
	"phenompeople.com":       "phenom.com",
	"avature.net":            "avature.net",
	"hirevue.com":            "hirevue.com",
	"codility.com":           "codility.com",
	"hackerrank.com":         "hackerrank.com",
	"hackerrankforwork.com":  "hackerrank.com",
	"codesignal.com":         "codesignal.com",
	"hackerearth.com":        "hackerearth.com",
	"testgorilla.com":        "testgorilla.com",
	"coderpad.io":            "coderpad.io",
	"modernhire.com":         "modernhire.com",
	"harver.com":             "harver.com",
	"pymetrics.ai":           "pymetrics.ai",
	"calendly.com":           "calendly.com",
	"goodtime.io":            "goodtime.io",
	"paradox.ai":             "paradox.ai",
	"ultipro.com":            "ultipro.com",
	"paycomonline.net":       "paycomonline.net",
	"brassring.com":          "brassring.com",
	"pinpointhq.com":         "pinpointhq.com",
	"comeet.co":              "comeet.com",
	"comeet.com":             "comeet.com",
	"freshteam.com":          "freshteam.com",
	"zohorecruit.com":        "zohorecruit.com",
	"manatal.com":            "manatal.com",
	"ats.rippling.com":       "rippling.com",
	"homerun.co":             "homerun.co",
	"jobylon.com":            "jobylon.com",
	"wellfound.com":          "wellfound.com",
	"angel.co":               "wellfound.com",
	"otta.com":               "otta.com",
	"welcometothejungle.com": "welcometothejungle.com",
	"hired.com":              "hired.com",
	"dice.com":               "dice.com",
	"monster.com":            "monster.com",
	"careerbuilder.com":      "careerbuilder.com",
	"simplyhired.com":        "simplyhired.com",
	"stepstone.de":           "stepstone.de",
	"stepstone.com":          "stepstone.de",
	"xing.com":               "xing.com",
	"seek.com.au":            "seek.com.au",
	"reed.co.uk":             "reed.co.uk",
	"totaljobs.com":          "totaljobs.com",
	"cv-library.co.uk":       "cv-library.co.uk",
	"naukri.com":             "naukri.com",
	"joinhandshake.com":      "joinhandshake.com",
	"builtin.com":            "builtin.com",
	"hireright.com":          "hireright.com",
	"sterlingcheck.com":      "sterlingcheck.com",
	"checkr.com":             "checkr.com",
	"docusign.net":           "docusign.net",
}

// tenantRelays are the hiring systems (by the name IsRelay gives) that
// host each customer on a subdomain of its own. Job boards, assessment and
// scheduling services are not among them: their subdomains name their own
// services.
var tenantRelays = set(
	"greenhouse.io", "myworkday.com", "icims.com", "workable.com", "jobvite.com", "bamboohr.com",
	"breezy.hr", "recruitee.com", "teamtailor.com", "personio.de", "successfactors.com",
	"taleo.net", "oraclecloud.com", "jazzhr.com", "eightfold.ai", "phenom.com", "avature.net",
	"ultipro.com", "pinpointhq.com", "comeet.com", "freshteam.com", "zohorecruit.com",
	"manatal.com", "homerun.co", "jobylon.com", "smartrecruiters.com", "paylocity.com",
)

// pathTenantHosts are job-board hosts whose links name the company in the
// first path segment ("jobs.lever.co/acme"). Other relays name it in a
// subdomain ("acme.wd5.myworkdayjobs.com"), see tenantFromHost.
var pathTenantHosts = set(
	"boards.greenhouse.io", "job-boards.greenhouse.io", "boards.eu.greenhouse.io",
	"job-boards.eu.greenhouse.io", "jobs.lever.co", "jobs.eu.lever.co", "jobs.ashbyhq.com",
	"apply.workable.com", "jobs.jobvite.com", "jobs.smartrecruiters.com",
	"careers.smartrecruiters.com", "app.dover.com", "wellfound.com",
)

// genericLabels are subdomain labels and local parts that belong to the
// hiring system itself rather than to a customer of it.
var genericLabels = set(
	"www", "mail", "email", "e", "em", "go", "t", "click", "links", "link", "app", "apps", "api",
	"us", "eu", "uk", "ca", "au", "de", "fr", "in", "ap", "emea", "apac", "na", "hire", "jobs",
	"job", "careers", "career", "boards", "job-boards", "apply", "notifications", "notification",
	"notify", "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply",
	"reply", "replies", "mailer", "bounce", "bounces", "system", "support", "info", "team",
	"talent", "recruiting", "recruitment", "hr", "workday", "greenhouse", "lever", "ashby",
	"icims", "smartrecruiters", "workable", "jobvite", "myworkday", "myworkdayjobs", "secure",
	"portal", "login", "auth", "sso", "my", "candidate", "candidates", "applicant", "applicants",
	"messages", "message", "inbox", "hello", "news", "alerts", "alert", "jobalerts", "invite",
	"invites", "calendar", "schedule", "scheduling", "auto", "automated", "admin", "sandbox",
	"impl", "test", "staging", "prod", "production", "external", "internal", "site", "sites",
	"recruit", "recruiter", "recruiters", "jobsearch", "search", "messaging", "cdn", "static",
	"images", "img", "assets", "s", "m", "w", "web", "ats", "jobs2web", "ext", "cand",
	"performancemanager", "hcm", "fa", "wd",
)

// freeMailLabels are the registrable labels of free-mail providers whatever
// their country ending (yahoo.co.uk, hotmail.fr, gmx.de...).
var freeMailLabels = set("gmail", "googlemail", "hotmail", "outlook", "live", "msn", "yahoo",
	"ymail", "rocketmail", "aol", "gmx", "icloud", "protonmail", "yandex")

// freeMailDomains are further free-mail providers, by registrable domain.
var freeMailDomains = set(
	"proton.me", "pm.me", "me.com", "mac.com", "mail.com", "email.com", "zoho.com",
	"zohomail.com", "zohomail.eu", "yandex.ru", "mail.ru", "inbox.ru", "list.ru", "bk.ru",
	"fastmail.com", "fastmail.fm", "tutanota.com", "tuta.io", "hey.com", "qq.com", "163.com",
	"126.com", "sina.com", "naver.com", "daum.net", "hanmail.net", "libero.it", "virgilio.it",
	"orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "sfr.fr", "web.de", "t-online.de",
	"freenet.de", "btinternet.com", "sky.com", "virginmedia.com", "comcast.net", "verizon.net",
	"att.net", "sbcglobal.net", "bellsouth.net", "cox.net", "charter.net", "rediffmail.com",
	"seznam.cz", "wp.pl", "o2.pl", "interia.pl", "onet.pl", "bluewin.ch", "telenet.be",
	"shaw.ca", "rogers.com", "bigpond.com", "optusnet.com.au", "xtra.co.nz", "hushmail.com",
	"mailbox.org", "posteo.de", "posteo.net", "disroot.org", "riseup.net", "duck.com",
	"passmail.net", "simplelogin.com", "anonaddy.me", "aim.com", "inbox.com", "juno.com",
	"earthlink.net", "optonline.net", "frontier.com", "windstream.net", "ntlworld.com",
	"talktalk.net", "blueyonder.co.uk", "tiscali.it", "alice.it", "terra.com.br", "uol.com.br",
	"bol.com.br", "ig.com.br",
)

// cleanDomain lower-cases a domain and trims dots, brackets and spaces.
func cleanDomain(domain string) string {
	d := strings.ToLower(strings.TrimSpace(domain))
	d = strings.Trim(d, "[]<>.")
	if i := strings.LastIndexByte(d, '@'); i >= 0 {
		d = d[i+1:]
	}
	return d
}

// RegistrableDomain returns the part of a domain a company registers: the
// public suffix and one label more ("mail.acme.co.uk" -> "acme.co.uk",
// "wd5.myworkday.com" -> "myworkday.com"). Unknown endings such as
// ".example" count as one-label suffixes. A domain that is itself a public
// suffix, an address literal or a single label is returned as given, lower
// case.
func RegistrableDomain(domain string) string {
	d := cleanDomain(domain)
	if d == "" || !strings.Contains(d, ".") || net.ParseIP(d) != nil {
		return d
	}
	e, err := publicsuffix.EffectiveTLDPlusOne(d)
	if err != nil {
		return d
	}
	return e
}

// domainLabel returns the first label of the registrable domain:
// "careers.acme-robotics.example" -> "acme-robotics".
func domainLabel(domain string) string {
	r := RegistrableDomain(domain)
	if i := strings.IndexByte(r, '.'); i > 0 {
		return r[:i]
	}
	return r
}

// relayEntry finds the relays entry a domain falls under.
func relayEntry(domain string) (entry, name string, ok bool) {
	d := cleanDomain(domain)
	for d != "" {
		if n, ok := relays[d]; ok {
			return d, n, true
		}
		i := strings.IndexByte(d, '.')
		if i < 0 {
			break
		}
		d = d[i+1:]
	}
	return "", "", false
}

// IsRelay reports whether mail from domain comes through a hiring system,
// job board or scheduling service rather than from an employer, and names
// the relay by its main domain: "us.greenhouse-mail.io" gives
// "greenhouse.io", "wd5.myworkdayjobs.com" gives "myworkday.com".
func IsRelay(domain string) (relay string, ok bool) {
	_, name, ok := relayEntry(domain)
	return name, ok
}

// IsFreeMail reports whether domain belongs to a free-mail provider, where
// anyone can have an address and the domain says nothing of an employer.
func IsFreeMail(domain string) bool {
	r := RegistrableDomain(domain)
	if r == "" {
		return false
	}
	if freeMailDomains[r] {
		return true
	}
	return freeMailLabels[domainLabel(r)]
}

// tenantFromHost returns the customer label of a hiring system's host:
// "acme.wd5.myworkdayjobs.com" -> "acme", "careers-acme.icims.com" ->
// "acme". It returns "" for hosts that are not a relay or carry no tenant.
func tenantFromHost(host string) string {
	entry, name, ok := relayEntry(host)
	if !ok || !tenantRelays[name] {
		return ""
	}
	h := cleanDomain(host)
	if len(h) <= len(entry) {
		return ""
	}
	labels := strings.Split(strings.TrimSuffix(h, "."+entry), ".")
	t := tenantLabel(labels[0])
	if t == "" || isWorkdayShard(t) {
		return ""
	}
	return t
}

// tenantLabel trims the affixes hiring systems add around a customer
// name ("careers-acme", "acme-careers", "acme_jobs") and rejects labels
// that belong to the system itself.
func tenantLabel(label string) string {
	l := strings.ToLower(strings.TrimSpace(label))
	if i := strings.IndexByte(l, '+'); i >= 0 { // sub-addressing
		l = l[:i]
	}
	for _, sep := range []string{"-", "_", "."} {
		for _, a := range []string{"careers", "career", "jobs", "job", "recruiting", "talent", "hr", "apply", "hire", "external", "ext"} {
			l = strings.TrimPrefix(l, a+sep)
			l = strings.TrimSuffix(l, sep+a)
		}
	}
	if len(l) < 2 || genericLabels[l] || genericLabels[strings.TrimRight(l, "0123456789")] || isWorkdayShard(l) {
		return ""
	}
	for _, r := range l {
		if r >= '0' && r <= '9' {
			continue
		}
		if unicode.IsLetter(r) {
			return l
		}
	}
	return ""
}

// isWorkdayShard matches data-centre labels such as "wd5" and "wd103".
func isWorkdayShard(l string) bool {
	if len(l) < 3 || !strings.HasPrefix(l, "wd") {
		return false
	}
	for _, r := range l[2:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// tenantFromAddress finds the company a relay address names: the tenant
// subdomain, or for Workday's notification domain the local part
// ("acme@myworkday.com").
func tenantFromAddress(addr, domain string) string {
	if t := tenantFromHost(domain); t != "" {
		return t
	}
	_, name, ok := relayEntry(domain)
	if !ok || name != "myworkday.com" {
		return ""
	}
	local := addr
	if i := strings.LastIndexByte(local, '@'); i >= 0 {
		local = local[:i]
	}
	return tenantLabel(local)
}

// tenantFromURL finds the company a job link on a hiring system names.
func tenantFromURL(raw string) string {
	u, err := url.Parse(strings.TrimRight(raw, ".,;:!?)]}>'\""))
	if err != nil || u.Host == "" {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	if pathTenantHosts[host] {
		seg := strings.Trim(u.Path, "/")
		if i := strings.IndexByte(seg, '/'); i >= 0 {
			seg = seg[:i]
		}
		if host == "wellfound.com" {
			parts := strings.Split(strings.Trim(u.Path, "/"), "/")
			if len(parts) < 2 || parts[0] != "company" {
				return ""
			}
			seg = parts[1]
		}
		if seg == "" || strings.Contains(seg, "?") {
			return ""
		}
		if lower := strings.ToLower(seg); genericLabels[lower] || lower == "embed" || lower == "v1" || lower == "en" || lower == "en-us" {
			return ""
		}
		return splitSlug(seg)
	}
	return tenantFromHost(host)
}

// splitSlug keeps the word breaks a slug shows as hyphens, lower case:
// "AcmeRobotics" and "acme-robotics" both become "acme-robotics"; a plain
// lower-case slug stays as it is.
func splitSlug(s string) string {
	s = strings.Trim(s, "-_.")
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		if i > 0 && unicode.IsUpper(r) && unicode.IsLower(rs[i-1]) {
			b.WriteByte('-')
		}
		b.WriteRune(r)
	}
	return strings.ToLower(b.String())
}

// titleSlug renders a domain label or slug for display: "acme-robotics"
// -> "Acme Robotics".
func titleSlug(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '_' || r == '.' })
	for i, w := range f {
		rs := []rune(w)
		rs[0] = unicode.ToUpper(rs[0])
		f[i] = string(rs)
	}
	return strings.Join(f, " ")
}

// labelForms returns the ways a domain label or tenant may be written
// inside a company name: the label itself and the label with common
// marketing affixes removed ("getacme", "acmehq", "acme-careers" -> "acme").
func labelForms(label string) []string {
	l := strings.ToLower(label)
	l = strings.NewReplacer("-", "", "_", "", ".", "").Replace(l)
	forms := []string{l}
	for _, p := range []string{"get", "try", "join", "use", "go", "hello", "meet", "with", "team", "work", "careers", "jobs"} {
		if strings.HasPrefix(l, p) && len(l)-len(p) >= 3 {
			forms = append(forms, l[len(p):])
		}
	}
	for _, s := range []string{"hq", "app", "inc", "labs", "io", "ai", "group", "co", "corp", "careers", "career", "jobs", "team", "global", "tech", "mail", "email", "hr", "talent", "recruiting", "online", "usa", "uk"} {
		if strings.HasSuffix(l, s) && len(l)-len(s) >= 3 {
			forms = append(forms, l[:len(l)-len(s)])
		}
	}
	return forms
}

// spelledOut finds, in the first of texts that has it, a run of
// capitalised words whose letters spell one of a domain label's forms
// ("Tidewater Logistics" for "tidewaterlogistics", "Clearwater Energy" in
// "Clearwater Energy Partners" for "clearwaterenergy"). It returns "" when
// no text writes the label out in more than one word.
func spelledOut(forms []string, texts ...string) string {
	for _, t := range texts {
		words := strings.Fields(t)
		for i := range words {
			var b strings.Builder
			for j := i; j < len(words) && j < i+5; j++ {
				w := strings.Trim(words[j], ",.;:()[]\"'|")
				r, _ := utf8.DecodeRuneInString(w)
				if w == "" || !unicode.IsUpper(r) && w != "&" && w != "and" {
					break
				}
				for _, c := range strings.ToLower(w) {
					if unicode.IsLetter(c) || unicode.IsDigit(c) {
						b.WriteRune(c)
					}
				}
				if j == i {
					continue
				}
				for _, f := range forms {
					if b.String() == f {
						out := make([]string, 0, j-i+1)
						for _, x := range words[i : j+1] {
							out = append(out, strings.Trim(x, ",.;:()[]\"'|"))
						}
						return strings.Join(out, " ")
					}
				}
			}
		}
	}
	return ""
}

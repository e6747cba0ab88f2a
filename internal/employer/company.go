package employer

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/net/publicsuffix"
	"golang.org/x/text/unicode/norm"
)

// fold removes accents so that "Société" and "Societe" compare equal.
func fold(s string) string {
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var viaRE = regexp.MustCompile(`(?i)[ \t]*[(\[]?[ \t]*\bvia\b.*$`)

// stripVia drops "via Greenhouse" and similar tails of a sender name.
func stripVia(s string) string {
	return strings.TrimSpace(viaRE.ReplaceAllString(s, ""))
}

// asDomain reports whether a name is written as a domain ("acme.io",
// "Acme-Robotics.example") and returns its registrable part.
func asDomain(s string) (string, bool) {
	l := strings.ToLower(strings.TrimSpace(s))
	if l == "" || !strings.Contains(l, ".") || strings.HasPrefix(l, ".") || strings.HasSuffix(l, ".") {
		return "", false
	}
	for _, r := range l {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '-') {
			return "", false
		}
	}
	suffix, icann := publicsuffix.PublicSuffix(l)
	switch {
	case icann:
	case suffix == "example" || suffix == "test" || suffix == "invalid" || suffix == "localhost":
	default:
		return "", false
	}
	r := RegistrableDomain(l)
	if r == suffix {
		return "", false
	}
	return r, true
}

// keyToken lower-cases a word and keeps only its letters and digits, with
// apostrophes and dots joined ("Inc." -> "inc", "O'Neil" -> "oneil").
func keyToken(w string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(fold(w)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// affixBounds returns the part of toks (already normalised with keyToken)
// left after legal forms and hiring-department words are dropped from both
// ends, and empty tokens (bare punctuation) with them.
func affixBounds(toks []string) (int, int) {
	i, j := 0, len(toks)
	for {
		changed := false
		for i < j && toks[i] == "" {
			i++
			changed = true
		}
		for j > i && toks[j-1] == "" {
			j--
			changed = true
		}
		for _, p := range prefixPhrases {
			if j-i > len(p) && hasPhrase(toks[i:j], p, 0) {
				i += len(p)
				changed = true
				break
			}
		}
		for _, p := range suffixPhrases {
			if j-i >= len(p) && hasPhrase(toks[i:j], p, j-i-len(p)) {
				j -= len(p)
				changed = true
				break
			}
		}
		if j-i > 1 && shortSuffixes[toks[j-1]] {
			j--
			changed = true
		}
		if !changed {
			return i, j
		}
	}
}

func hasPhrase(toks, p []string, at int) bool {
	if at < 0 || at+len(p) > len(toks) {
		return false
	}
	for k, w := range p {
		if toks[at+k] != w {
			return false
		}
	}
	return true
}

// keyTokens are the words of a company's key.
func keyTokens(name string) []string {
	s := stripVia(name)
	if d, ok := asDomain(s); ok {
		s = strings.ReplaceAll(domainLabel(d), "-", " ")
	}
	s = strings.ToLower(fold(s))
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\'' || r == '’' || r == '`' || r == '.':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	toks := strings.Fields(b.String())
	i, j := affixBounds(toks)
	toks = toks[i:j]
	out := toks[:0:0]
	for k, t := range toks {
		if t == "and" && k > 0 && k < len(toks)-1 {
			continue // "Harbor and Pine" and "Harbor & Pine" agree
		}
		out = append(out, t)
	}
	return out
}

// CompanyKey normalises a company name for grouping: lower case, accents
// and punctuation removed, legal forms (Inc, LLC, GmbH, plc...) and hiring
// department words (Careers, Recruiting, Talent Acquisition, Hiring Team,
// HR, Jobs...) dropped from the ends, "via ..." tails dropped, and a name
// written as a domain reduced to its registrable label. "Acme Robotics,
// Inc.", "ACME Robotics", "acme-robotics.example" and "Acme Robotics
// Recruiting" all give "acme robotics". A name made only of such words
// gives "".
func CompanyKey(name string) string {
	return strings.Join(keyTokens(name), " ")
}

// displayCompany tidies a company name for display, keeping its case:
// the same words CompanyKey drops are dropped, "via ..." and stray
// punctuation go, and a name written as a domain becomes its label in
// title case.
func displayCompany(s string) string {
	s = strings.TrimSpace(stripVia(s))
	s = strings.Trim(s, " \t\"'“”‘’<>|-–—,;:!?*")
	if d, ok := asDomain(s); ok {
		return titleSlug(domainLabel(d))
	}
	words := strings.Fields(s)
	toks := make([]string, len(words))
	for k, w := range words {
		toks[k] = keyToken(w)
	}
	i, j := affixBounds(toks)
	words = words[i:j]
	out := strings.Join(words, " ")
	out = strings.Trim(out, " \t\"'“”<>|-–—,;:!?*")
	out = strings.TrimSuffix(out, "’s")
	out = strings.TrimSuffix(out, "'s")
	if f := strings.Fields(out); len(f) > 0 && !isInitials(f[len(f)-1]) {
		out = strings.TrimRight(out, ".")
	}
	return strings.TrimSpace(out)
}

// formsAgree reports whether two token forms can name the same company: equal
// once spaces are removed, or one is a whole-word prefix of the other
// ("acme" and "acme robotics"; "lumenhealth" and "lumen health").
func formsAgree(x, y []string) bool {
	if len(x) == 0 || len(y) == 0 {
		return false
	}
	return compactPrefix(x, y) || compactPrefix(y, x)
}

// compactPrefix reports whether x, written without spaces, equals the
// first k words of y written without spaces, for some k.
func compactPrefix(x, y []string) bool {
	cx := strings.Join(x, "")
	if len(cx) < 2 {
		return false
	}
	var b strings.Builder
	for _, w := range y {
		b.WriteString(w)
		if b.Len() == len(cx) {
			return b.String() == cx
		}
		if b.Len() > len(cx) {
			return false
		}
	}
	return false
}

// SameCompany reports whether two company names or keys may name the same
// company under the rule Identify uses within one message: their keys are
// equal, equal without spaces ("lumenhealth" and "lumen health"), or one
// is a whole-word prefix of the other ("acme" and "acme robotics"). It is
// a hint for merging: a short, common first word ("american") matches
// many companies.
func SameCompany(a, b string) bool {
	return formsAgree(keyTokens(a), keyTokens(b))
}

// Person names.

// personTokenRE matches one word of a person's name: "Dana", "O'Neil",
// "Mary-Jane", "J.", "de".
var personTokenRE = regexp.MustCompile(`^(?:\p{Lu}[\p{L}'’\-]*\.?|\p{Lu}\.|de|da|del|della|di|van|von|der|den|le|la|bin|al|ibn|dos|das)$`)

// looksLikePerson guesses whether a sender's display name is a person's
// name rather than a company's: one to four capitalised words ("Dana Kim",
// "Mary-Jane O'Neil", "Kim, Dana"), none of them company-ish ("Labs",
// "Recruiting", "Inc"...), or all lower-case words of the same shape. A
// single word counts as a person only when it is a common given name.
// Callers still accept a person-like name that agrees with other evidence
// of the company ("Robert Half" from roberthalf.com).
func looksLikePerson(name string) bool {
	s := strings.TrimSpace(stripVia(name))
	s = strings.Trim(s, "\"'“”‘’ ")
	if s == "" || strings.ContainsAny(s, "@0123456789&|/:!?()[]") {
		return false
	}
	if i := strings.IndexByte(s, ','); i >= 0 { // "Kim, Dana"
		s = strings.TrimSpace(s[i+1:]) + " " + strings.TrimSpace(s[:i])
		if strings.Contains(s, ",") {
			return false
		}
	}
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	for _, w := range words {
		k := keyToken(w)
		if companyishWords[k] || genericWords[k] || brandWords[k] || agencyWords[k] || places[k] {
			return false
		}
	}
	if len(words) == 1 {
		return firstNames[keyToken(words[0])]
	}
	lower := strings.ToLower(s) == s
	for _, w := range words {
		if lower {
			for _, r := range w {
				if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '.' {
					return false
				}
			}
			continue
		}
		if !personTokenRE.MatchString(w) {
			return false
		}
	}
	return true
}

// Phrases that name a company in subject and text.

const (
	wordRE  = `(?:[\p{Lu}\p{N}][\p{L}\p{N}'’&.\-]*|\p{Ll}{1,2}\p{Lu}[\p{L}\p{N}'’&.\-]*)`
	upperRE = `\p{Lu}[\p{L}\p{N}'’&.\-]*`
	connRE  = `(?:&|\+|and|of|of the|de|la|del|du|des|der|von|van|y)`
	legalRE = `(?:,[ \t]*(?:Inc|LLC|Ltd|Limited|Corp|GmbH|AG|plc|PLC|SA|S\.A|BV|B\.V|NV|N\.V|Pty|LLP|SE)\.?)?`
	nameRE  = `(` + wordRE + `(?:[ \t]+` + connRE + `[ \t]+` + upperRE + `|[ \t]+` + wordRE + `)*` + legalRE + `)`

	recruiterTitlesRE = `recruiter|sourcer|recruiting[ \t]+(?:coordinator|manager|lead|partner)|` +
		`talent[ \t]+(?:acquisition[ \t]+)?(?:partner|specialist|manager|lead|advisor|coordinator)|` +
		`recruitment[ \t]+(?:consultant|manager|partner|specialist)|hr[ \t]+(?:manager|business[ \t]+partner|generalist)|` +
		`people[ \t]+partner`
)

// headsRE is an alternation of the job-title nouns.
var headsRE = func() string {
	hs := make([]string, 0, len(roleHeads))
	for h := range roleHeads {
		hs = append(hs, regexp.QuoteMeta(h))
	}
	sort.Slice(hs, func(i, j int) bool { return len(hs[i]) > len(hs[j]) || len(hs[i]) == len(hs[j]) && hs[i] < hs[j] })
	return strings.Join(hs, "|")
}()

// phrase is one way a company is named in running text.
type phrase struct {
	re   *regexp.Regexp
	weak bool     // a looser phrase: ranks below the sender's own domain
	what string   // for the evidence line
	keys []string // a line can only match if its lower-case form holds one of these
}

var phrases = []phrase{
	{re: regexp.MustCompile(`(?i:\b(?:your[ \t]+)?(?:application|applications|candidacy)[ \t]+(?:to|at|with)` +
		`|\b(?:applying|applied|apply)[ \t]+(?:to|at|with)` +
		`|\binterest(?:ed)?[ \t]+in(?:[ \t]+(?:joining|working[ \t]+(?:at|with|for)|a[ \t]+career[ \t]+(?:at|with)|careers?[ \t]+(?:at|with)|(?:career[ \t]+)?opportunities[ \t]+(?:at|with)))?` +
		`|\bon[ \t]+behalf[ \t]+of` +
		`|\b(?:was|were|been|be|is|are)[ \t]+(?:sent|submitted|forwarded|shared|delivered)[ \t]+to` +
		`|\b(?:viewed|reviewed|received|downloaded)[ \t]+by` +
		`|\bclient,?` +
		`|\boffer[ \t]+(?:of[ \t]+employment[ \t]+)?from` +
		`)[ \t]+` + nameRE), what: "phrase",
		keys: []string{"appl", "candidacy", "interest", "behalf", "sent", "submitted", "forwarded", "shared", "delivered", "viewed", "reviewed", "received", "downloaded", "client", "offer"}},
	{re: regexp.MustCompile(`(?i:\b(?:position|role|job|opening|opportunity|opportunities|vacancy|internship|career|careers|employment|work|working|here|interview|interviewing|team|talent|recruiting|hiring|jobs|life|us)[ \t]+at` +
		`|\b(?:position|role|job|opening|opportunity|opportunities|vacancy|career|careers|employment)[ \t]+with` +
		`)[ \t]+` + nameRE), what: "phrase", keys: []string{" at ", " at\t", "\tat ", " with ", "\twith", "with\t"}},
	{re: regexp.MustCompile(`(?i:\b(?:` + headsRE + `))(?:[ \t]+(?:[IVX]{1,4}|\d))?(?:[ \t]+\([^)\n]{0,60}\))?,?[ \t]+(?i:at|@)[ \t]+` + nameRE), what: "phrase",
		keys: []string{" at ", " at\t", "\tat ", "@ ", "@\t"}},
	{re: regexp.MustCompile(nameRE + `[ \t]+(?i:(?:has|have)[ \t]+)?(?i:received|got|reviewed)[ \t]+(?i:your|the)[ \t]+(?i:job[ \t]+)?(?i:application|applications|resume|résumé|cv)`), what: "phrase",
		keys: []string{"received", "got", "reviewed"}},
	{re: regexp.MustCompile(`(?i:\b(?:` + recruiterTitlesRE + `))[ \t]*(?:,|\||@|–|—|-)[ \t]*` + nameRE), what: "sign-off",
		keys: []string{"recruit", "sourcer", "talent", "hr", "people"}},
	{re: regexp.MustCompile(nameRE + `[ \t]+(?:Talent[ \t]+Acquisition|Recruiting|Recruitment|Careers|Hiring[ \t]+Team|Talent[ \t]+Team|People[ \t]+Team|Talent|HR|Jobs|Recruiters)\b`), what: "sign-off",
		keys: []string{"talent", "recruit", "careers", "hiring", "people", "hr", "jobs"}},
	{re: regexp.MustCompile(`(?i:\bthe)[ \t]+` + nameRE + `[ \t]+(?i:team|family)\b`), weak: true, what: "phrase",
		keys: []string{"team", "family"}},
	{re: regexp.MustCompile(`(?i:\bjoin(?:ing)?|\bwelcome[ \t]+to)[ \t]+` + nameRE), weak: true, what: "phrase",
		keys: []string{"join", "welcome"}},
	{re: regexp.MustCompile(nameRE + `[ \t]+(?i:is|are)[ \t]+(?i:hiring|looking[ \t]+for|recruiting|growing)`), weak: true, what: "phrase",
		keys: []string{"hiring", "looking", "recruiting", "growing"}},
}

// subjectLeadRE matches a subject that opens with the company's name:
// "Acme Robotics: Application Received - ...".
var subjectLeadRE = regexp.MustCompile(`^` + nameRE + `[ \t]*(?:[:|]|[-–—])[ \t]*(?i:(?:your[ \t]+)?application|thank|thanks|(?:[\p{L}-]+[ \t]+){0,3}?(?:interview|screen|call|chat|onsite|on-site|assessment)|we[ \t]+(?:have[ \t]+)?received|we've[ \t]+received|next[ \t]+steps|update|your[ \t]+candidacy|invitation|offer)`)

// leadIsTitle reports whether the lead of a subject reads as a job title
// rather than a company: "Gameplay Programmer - interview with Dana",
// "Travel Operations Analyst - final interview".
func leadIsTitle(lead string) bool {
	f := strings.Fields(lead)
	if len(f) == 0 {
		return false
	}
	last := keyToken(f[len(f)-1])
	return roleHeads[last] && !companyEndings[last]
}

// calendarPrefixRE matches what calendar programs put before an event's
// title in an invitation's subject.
var calendarPrefixRE = regexp.MustCompile(`(?i)^(?:updated[ \t]+)?(?:invitation|event|new[ \t]+event|accepted|declined|tentative|canceled|cancelled|confirmed|rescheduled|reminder|scheduled|booked|moved|changed)(?:[ \t]+event)?(?:[ \t]+with[ \t]+note)?:[ \t]*`)

// subjectAtRE splits "Senior Data Analyst at Acme" in a subject part.
var subjectAtRE = regexp.MustCompile(`^(.+?)[ \t]+(?:at|@)[ \t]+` + nameRE)

// cutWords end a captured name: what follows is the sentence, not the name.
var cutWords = set(
	"for", "is", "has", "have", "was", "were", "will", "would", "to", "with", "at", "in", "on",
	"as", "by", "from", "we", "you", "your", "our", "i", "thank", "thanks", "please",
	"regarding", "about", "re", "application", "applications", "position", "role", "job",
	"opportunity", "interview", "team", "today", "who", "that", "which", "where", "when",
	"hiring", "recruiting", "careers", "talent", "are", "here", "via", "through",
)

// captureStop are words that, capitalised in a flattened web page, start
// a button or a heading after the company's name.
var captureStop = set("view", "apply", "sign", "log", "login", "click", "learn", "see", "read",
	"manage", "update", "withdraw", "track", "unsubscribe", "download", "open", "reply", "share",
	"save", "saved", "posted", "new", "now", "today", "remote", "hybrid", "onsite", "full-time",
	"part-time", "fulltime", "parttime")

// titleModifiers are words that come before a job noun in a title.
var titleModifiers = set("senior", "sr", "junior", "jr", "staff", "principal", "lead", "associate",
	"head", "chief", "data", "software", "product", "project", "program", "programme", "marketing",
	"sales", "account", "business", "financial", "finance", "machine", "learning", "backend",
	"frontend", "full", "stack", "fullstack", "mobile", "web", "cloud", "devops", "platform", "site",
	"reliability", "security", "systems", "network", "qa", "test", "ux", "ui", "research",
	"operations", "customer", "success", "support", "technical", "solutions", "field", "graduate",
	"trainee", "entry", "level", "mid", "deputy", "assistant", "general", "regional", "digital",
	"content", "growth", "people", "hr", "it", "infrastructure", "android", "ios", "embedded",
	"hardware", "electrical", "mechanical", "civil", "clinical", "medical", "legal", "design",
	"creative", "art", "game", "analytics", "bi", "quality", "supply", "chain", "warehouse",
	"store", "office", "executive", "administrative", "i", "ii", "iii", "iv")

// leadWords open a captured run without being part of the name.
var leadWords = set(
	"the", "thank", "thanks", "you", "your", "our", "we", "hi", "hello", "dear", "hey", "great",
	"news", "congratulations", "congrats", "update", "re", "fwd", "fw", "good", "welcome", "at",
	"i", "and", "a", "an", "from", "best", "regards", "sincerely", "cheers", "kind", "warm",
	"warmly", "all", "with", "to", "for", "on", "in", "invitation", "reminder", "subject",
	"application", "interview", "important", "urgent", "action", "required", "new", "visit",
	"see", "check", "explore", "follow", "about", "view", "contact", "email", "call", "read",
	"learn", "discover", "browse", "meet", "powered", "sent", "love", "life", "why", "how",
	"what", "when", "where", "who", "please", "note", "ps", "p.s", "yes", "no", "ok", "okay",
	"we've", "we’ve", "weve", "we're", "we’re", "senior", "sr",
)

// cleanCapture trims a captured run of capitalised words to the company
// name it most likely is.
func cleanCapture(s string) string {
	words := strings.Fields(s)
	var out []string
	for k, w := range words {
		low := keyToken(w)
		if k > 0 && cutWords[low] {
			break
		}
		if base, ok := strings.CutSuffix(w, "'s"); ok {
			out = append(out, base)
			break
		}
		if base, ok := strings.CutSuffix(w, "’s"); ok {
			out = append(out, base)
			break
		}
		out = append(out, w)
		if strings.HasSuffix(w, ".") && !isInitials(w) {
			break // end of sentence, or "Inc."
		}
	}
	for k := 1; k < len(out); k++ {
		w := keyToken(out[k])
		if captureStop[w] || workModes[w] || places[w] && k > 1 {
			out = out[:k]
			break
		}
		if roleHeads[w] && !companyEndings[w] {
			// "Acme Robotics Data Analyst": the title begins before its noun.
			out = out[:k]
			for len(out) > 0 && titleModifiers[keyToken(out[len(out)-1])] {
				out = out[:len(out)-1]
			}
			break
		}
	}
	for len(out) > 0 && leadWords[keyToken(out[0])] {
		out = out[1:]
	}
	for len(out) > 0 {
		last := keyToken(out[len(out)-1])
		if last == "" || last == "and" || last == "of" || last == "the" || last == "de" || last == "y" {
			out = out[:len(out)-1]
			continue
		}
		break
	}
	return displayCompany(strings.Join(out, " "))
}

// isInitials matches "J.P." and "A.": dots inside a name, not a full stop.
func isInitials(w string) bool {
	w = strings.TrimSuffix(w, ".")
	if w == "" {
		return false
	}
	for _, part := range strings.Split(w, ".") {
		if len([]rune(part)) != 1 {
			return false
		}
	}
	return true
}

// validCompany reports whether a cleaned name can be a company.
func validCompany(display, key string) bool {
	if key == "" || display == "" {
		return false
	}
	toks := strings.Fields(key)
	if len(toks) > 6 {
		return false
	}
	hasLetter := false
	for _, r := range key {
		if unicode.IsLetter(r) {
			hasLetter = true
			break
		}
	}
	if !hasLetter || len(key) < 2 {
		return false
	}
	if dateRE.MatchString(display) {
		return false
	}
	for _, t := range toks {
		if pronouns[t] { // a sentence, not a name: "Eingang Ihrer Unterlagen"
			return false
		}
	}
	var core []string
	for _, t := range toks {
		if !genericWords[t] && strings.TrimFunc(t, unicode.IsDigit) != "" {
			core = append(core, t)
		}
	}
	if len(core) == 0 {
		return false
	}
	if brandWords[key] || brandWords[strings.Join(core, " ")] || places[key] {
		return false
	}
	if len(toks) == 1 && (firstNames[key] || roleHeads[key]) {
		return false
	}
	last := toks[len(toks)-1]
	if len(toks) > 1 && romanOrLevel(last) {
		last = toks[len(toks)-2]
	}
	return !companyRoleHeads[last] && !(roleHeads[last] && !companyEndings[last])
}

// pronouns never stand in a company's name, in the languages the rules read.
var pronouns = set("ihr", "ihres", "dein", "deine", "ihrer", "ihre", "ihren", "ihrem", "unser", "unsere", "unseren", "wir", "sie", "votre", "vos",
	"nous", "notre", "nos", "vous", "nuestro", "nuestra", "usted", "sus", "tu", "tus", "your", "you", "we", "our")

// companyEndings are job nouns that also end company names ("Coach",
// "Acme Partner"): they do not rule a name out.
var companyEndings = set("partner", "host", "server", "agent", "master", "guard", "coach", "fellow",
	"owner", "principal", "chief", "executive", "driver", "pilot", "advocate", "expert", "steward",
	"trainer", "warehouse", "lead", "head", "ux", "ui", "pm", "qa", "rep", "aide", "handler",
	"packer", "picker", "cook", "associate", "officer", "producer", "editor", "writer", "artist")

func romanOrLevel(t string) bool {
	switch t {
	case "i", "ii", "iii", "iv", "v", "1", "2", "3", "4", "5":
		return true
	}
	return false
}

// Candidates.

// origin says where a company candidate came from.
type origin int

const (
	fromText     origin = iota // a phrase in subject, body or signature
	fromDisplay                // the sender's display name
	fromReplyTo                // a Reply-To address
	fromTenant                 // a hiring system's tenant
	fromDomain                 // the sender's own domain
	fromJobBoard               // a job board's notice layout
)

// candidate is one reading of the company.
type candidate struct {
	display string
	key     string
	forms   [][]string
	score   int
	pos     int // order found, for ties
	weak    bool
	origin  origin
	label   string   // domain label or tenant the candidate was built from
	lforms  []string // labelForms of label
	source  string   // evidence text
}

// agrees reports whether two candidates can name the same company (see
// formsAgree). A domain label or tenant also agrees with a written name it
// starts with: "acmerobotics" with "Acme" (at least four letters).
func (c *candidate) agrees(o *candidate) bool {
	for _, x := range c.forms {
		for _, y := range o.forms {
			if formsAgree(x, y) {
				return true
			}
		}
	}
	return labelStarts(c, o) || labelStarts(o, c)
}

func labelStarts(l, o *candidate) bool {
	compact := strings.ReplaceAll(o.key, " ", "")
	if len(compact) < 4 {
		return false
	}
	for _, f := range l.lforms {
		if strings.HasPrefix(f, compact) {
			return true
		}
	}
	return false
}

// newNameCandidate builds a candidate from a written name; nil when the
// name is no company.
func newNameCandidate(raw string, score int, o origin, source string) *candidate {
	d := displayCompany(raw)
	k := CompanyKey(d)
	if !validCompany(d, k) {
		return nil
	}
	return &candidate{display: d, key: k, forms: [][]string{strings.Fields(k)}, score: score, origin: o, source: source}
}

// newLabelCandidate builds a candidate from a domain label or a tenant
// slug: "acme-robotics" gives "Acme Robotics".
func newLabelCandidate(label string, score int, o origin, source string) *candidate {
	d := titleSlug(label)
	k := CompanyKey(d)
	if !validCompany(d, k) {
		return nil
	}
	c := &candidate{display: d, key: k, score: score, origin: o, label: label, source: source}
	c.forms = append(c.forms, strings.Fields(k))
	c.lforms = labelForms(label)
	for _, f := range c.lforms {
		c.forms = append(c.forms, []string{f})
	}
	return c
}

// textCandidates finds the companies the phrases of one text name.
func textCandidates(text string, strong, weak int, where string, isSubject bool) []*candidate {
	var out []*candidate
	if text == "" {
		return nil
	}
	if isSubject {
		subj := calendarPrefixRE.ReplaceAllString(text, "")
		if m := subjectLeadRE.FindStringSubmatch(subj); m != nil && !leadIsTitle(m[1]) {
			if c := newNameCandidate(cleanCapture(m[1]), strong, fromText, where+" "+quote(strings.TrimSpace(m[0]))); c != nil {
				c.pos = -2
				out = append(out, c)
			}
		}
		for _, seg := range segmentRE.Split(subj, -1) {
			m := subjectAtRE.FindStringSubmatch(strings.TrimSpace(seg))
			if m == nil || !roleOK(cleanRole(m[1], ""), false) {
				continue
			}
			if c := newNameCandidate(cleanCapture(m[2]), strong, fromText, where+" "+quote(seg)); c != nil {
				c.pos = -1
				out = append(out, c)
			}
		}
	}
	found := make([]int, len(phrases))
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		line := text[off:end]
		lower := strings.ToLower(line)
		for k, p := range phrases {
			if found[k] >= 64 || !containsAny(lower, p.keys) {
				continue
			}
			for _, loc := range p.re.FindAllStringSubmatchIndex(line, 16) {
				found[k]++
				name := cleanCapture(line[loc[2]:loc[3]])
				score := strong
				if p.weak {
					score = weak
				}
				c := newNameCandidate(name, score, fromText, where+" "+p.what+" "+quote(line[loc[0]:loc[1]]))
				if c == nil {
					continue
				}
				c.pos = off + loc[2]
				c.weak = p.weak
				out = append(out, c)
			}
		}
		off = end + 1
	}
	return out
}

// displayCandidates reads a sender's display name: "Acme Recruiting",
// "Talent at Acme", "Dana from Acme", "Acme Robotics | Careers".
func displayCandidates(name string, score int, o origin, where string) (cands []*candidate, person bool) {
	name = strings.TrimSpace(stripVia(name))
	if name == "" {
		return nil, false
	}
	src := where + " " + quote(name)
	if m := displayAtRE.FindStringSubmatch(name); m != nil {
		if c := newNameCandidate(m[2], score, o, src); c != nil {
			return []*candidate{c}, false
		}
	}
	parts := displaySepRE.Split(name, -1)
	if len(parts) > 1 {
		var keep []string
		for _, p := range parts {
			p = strings.TrimSpace(p)
			if p == "" || looksLikePerson(p) || CompanyKey(p) == "" {
				continue
			}
			keep = append(keep, p)
		}
		if len(keep) == 1 {
			if c := newNameCandidate(keep[0], score, o, src); c != nil {
				return []*candidate{c}, false
			}
		}
	}
	c := newNameCandidate(name, score, o, src)
	if c == nil {
		return nil, false
	}
	if looksLikePerson(name) {
		return []*candidate{c}, true
	}
	return []*candidate{c}, false
}

var (
	displayAtRE  = regexp.MustCompile(`(?i)^(.+?)[ \t]+(?:at|@|from)[ \t]+(.+)$`)
	displaySepRE = regexp.MustCompile(`[ \t]+[|\-–—·•][ \t]+|[ \t]*[|·•][ \t]*`)
)

// quote formats evidence text.
func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 80 {
		s = string(r[:77]) + "..."
	}
	return `"` + s + `"`
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// isAgency reports whether a sender reads as a recruitment agency.
func isAgency(name, domain string) bool {
	l := " " + strings.ToLower(name) + " "
	for w := range agencyWords {
		if strings.Contains(l, " "+w+" ") {
			return true
		}
	}
	label := domainLabel(domain)
	for w := range agencyWords {
		if strings.ReplaceAll(w, " ", "") == label || (len(w) > 6 && strings.Contains(label, strings.ReplaceAll(w, " ", ""))) {
			return true
		}
	}
	return false
}

var clientRE = regexp.MustCompile(`(?i)\b(?:my|our|a)[ \t]+client\b|\bclient[ \t]+of[ \t]+ours\b`)

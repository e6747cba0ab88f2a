package employer

import (
	"regexp"
	"strings"
	"unicode"
)

var (
	// subjectPrefixRE matches reply and forward markers and bracketed tags
	// at the start of a subject.
	subjectPrefixRE = regexp.MustCompile(`(?i)^[ \t]*(?:(?:re|fw|fwd|aw|wg|sv|vs|antw|tr|rv|r)[ \t]*(?:\[\d+\])?[ \t]*:|\[[^\]]{0,40}\]|\((?:external|ext)\))[ \t]*`)

	// segmentRE splits a subject or a title into its dash, pipe and colon
	// separated parts.
	segmentRE = regexp.MustCompile(`[ \t]+[-–—|·•~][ \t]+|[ \t]*[|·•][ \t]*|:[ \t]+|[ \t]+@[ \t]+`)

	// titleSepRE splits a title into parts around spaced dashes and pipes.
	titleSepRE = regexp.MustCompile(`[ \t]+[-–—|·•~][ \t]+|[ \t]*[|·•][ \t]*`)

	// forLeadRE finds "application for ROLE", "interview for the ROLE
	// position", "interest in the ROLE role".
	forLeadRE = regexp.MustCompile(`(?i)(?:\b(?:application|applications|applying|applied|apply|interview|interviews|interviewing|invitation|invite|candidacy|offer|consideration|considered|assessment|update|regarding|about|interest|interested|shortlisted|hiring|steps|call|screen|chat|opportunity|opportunities|opening|openings|vacancy|looking|seeking|searching|recruiting)\b[^\n.!?]{0,40}?\b(?:for|as|in|to)|\b(?:hiring|recruiting|seeking))[ \t]+(?:the[ \t]+|a[ \t]+|an[ \t]+|our[ \t]+|your[ \t]+)?(?:(?:position|role|post)[ \t]+of[ \t]+(?:an?[ \t]+)?)?([^\n;!?]{1,100})`)

	// roleLineRE finds "Role: ROLE" lines.
	roleLineRE = regexp.MustCompile(`(?im)^[ \t>*-]*(?:role|position|position[ \t]+title|job[ \t]+title|job|title|vacancy|opening|job[ \t]+opening|job[ \t]+role)[ \t]*:[ \t]*(.+?)[ \t]*$`)

	// roleOfRE finds "the position of ROLE".
	roleOfRE = regexp.MustCompile(`(?i)\b(?:position|role|post|job[ \t]+title)[ \t]+of[ \t]+(?:an?[ \t]+|the[ \t]+)?([^\n;!?]{1,100})`)

	// roleWordRE finds the words that close a title: "the ROLE position".
	roleWordRE = regexp.MustCompile(`(?i)\b(?:role|position|opening|opportunity|vacancy|job|post|posting)\b`)

	// quotedRE matches a subject part that is all in quotes.
	quotedRE = regexp.MustCompile(`^["“'‘][^"”'’]*["”'’]$`)

	// bracketRE matches a parenthesised or bracketed part of a title.
	bracketRE = regexp.MustCompile(`[(\[][^()\[\]]*[)\]]`)

	// reqREs match requisition numbers and job ids.
	reqREs = []*regexp.Regexp{
		regexp.MustCompile(`(?i)\b(?:job[ \t]*)?(?:req(?:uisition)?|job|posting|vacancy|ref(?:erence)?)\.?[ \t]*(?:id|no\.?|number|nr\.?|#)?[ \t]*[:#]?[ \t]*[A-Z]{0,4}[-_]?\d[\w-]*`),
		regexp.MustCompile(`\b(?:R|JR|REQ|Req|JOB|J|P|ID|JID|JR_|REF)[-_]?\d{3,}[A-Z0-9-]*\b`),
		regexp.MustCompile(`#[ \t]?[A-Z]{0,3}-?\d{2,}\b`),
		regexp.MustCompile(`\b\d{5,}\b`),
		regexp.MustCompile(`\b[A-Z]{2,5}-\d{3,}\b`),
	}

	// dateRE recognises a date or time in a subject part.
	dateRE = regexp.MustCompile(`(?i)\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b[^a-z]*\d|\b\d{1,2}(?::\d{2})?[ \t]*(?:am|pm)\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[ \t]+\d{1,2}\b|\b\d{1,2}[ \t]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\d{4}-\d{2}-\d{2}|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b\d{1,2}:\d{2}\b`)

	// placeSepRE splits a list of places.
	placeSepRE = regexp.MustCompile(`[,/;()\[\]|]|[ \t]+(?:or|and|&|-|–|—)[ \t]+`)

	// tailRE marks where the rest of a sentence starts after a title.
	tailRE = regexp.MustCompile(`(?i)[ \t]+(?:(?:\+|and)[ \t]+\d+[ \t]+(?:more|other)|at|@|with|for|within|here|which|that|who|whom|where|we|i|please|has|have|had|is|was|were|will|would|could|should|can|and[ \t]+(?:we|i|you|our|the|would|will|are|is|look|have)|on[ \t]+(?:our|the|your|a|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d)[a-z]*|in[ \t]+(?:our|the|your|a|an|this|that)|to[ \t]+(?:join|be|our|your|work|help|discuss|schedule|the[ \t]+next)|from|through|via|posted|listed|advertised|based|located|you|your|if|so|but|because|since|until|after|before|when|while|as[ \t]+(?:well|soon|part|of))\b`)
)

// normalizeSpace turns unusual spaces into plain ones.
func normalizeSpace(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '\u00a0', '\u2007', '\u202f', '\u2009', '\u200a', '\u3000':
			return ' '
		case '\u200b', '\u200c', '\u200d', '\ufeff':
			return -1
		}
		return r
	}, s)
}

// cleanSubject drops "Re:", "Fwd:" and bracketed tags and folds spaces.
func cleanSubject(s string) string {
	s = strings.Join(strings.Fields(normalizeSpace(s)), " ")
	for {
		t := subjectPrefixRE.ReplaceAllString(s, "")
		if t == s {
			return strings.TrimSpace(s)
		}
		s = t
	}
}

// wordsOf splits a phrase into lower-case words of letters and digits.
func wordsOf(s string) []string {
	return strings.FieldsFunc(strings.ToLower(fold(s)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// hasHead reports whether a phrase contains a job-title noun.
func hasHead(s string) bool {
	for _, w := range wordsOf(s) {
		if roleHeads[w] {
			return true
		}
	}
	return false
}

// isLocation reports whether a phrase is a place, a list of places or a
// way of working: "London", "Austin, TX", "Remote - US", "Hybrid",
// "Berlin or Remote".
func isLocation(s string) bool {
	l := strings.ToLower(strings.TrimSpace(fold(s)))
	l = strings.Trim(l, " ()[]{}.,;:-–—|/")
	if l == "" {
		return false
	}
	if places[l] || workModes[l] {
		return true
	}
	parts := placeSepRE.Split(l, -1)
	n := 0
	for k, p := range parts {
		p = strings.TrimSpace(strings.Trim(p, " ."))
		if p == "" {
			continue
		}
		n++
		if places[p] || workModes[p] || (k > 0 && usStates[p]) {
			continue
		}
		ok := true
		for _, w := range strings.Fields(p) {
			if !places[w] && !workModes[w] && !(k > 0 && usStates[w]) && w != "only" && w != "based" && w != "first" && w != "friendly" && w != "eligible" {
				ok = false
				break
			}
		}
		if ok {
			continue
		}
		if k == 0 && len(parts) >= 2 && usStates[strings.TrimSpace(parts[1])] && capitalisedWords(strings.TrimSpace(strings.Split(s, ",")[0])) {
			continue // "Springfield, IL"
		}
		return false
	}
	return n > 0
}

// capitalisedWords reports whether every word of s starts with a capital.
func capitalisedWords(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 4 {
		return false
	}
	for _, w := range f {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			return false
		}
	}
	return true
}

// removeReqIDs drops requisition numbers and job ids from a title.
func removeReqIDs(s string) string {
	for _, re := range reqREs {
		s = re.ReplaceAllString(s, " ")
	}
	return s
}

// noiseBracket reports whether a bracketed part of a title is not part of
// the job: a place, a way of working, a requisition, a gender marker, a
// person's name or the company.
func noiseBracket(inner, companyKey string) bool {
	inner = strings.TrimSpace(inner)
	l := strings.ToLower(inner)
	if inner == "" || isLocation(inner) || workModes[l] || dateRE.MatchString(inner) {
		return true
	}
	if strings.TrimSpace(removeReqIDs(inner)) == "" || strings.ContainsAny(inner, "0123456789") {
		return true
	}
	for _, w := range wordsOf(inner) {
		if w == "req" || w == "requisition" || w == "ref" || w == "id" || w == "remote" || w == "hybrid" || w == "onsite" || w == "contract" || w == "temporary" || w == "genders" {
			return true
		}
	}
	if strings.Contains(l, "/") && len(l) <= 7 { // m/f/d, w/m/x
		return true
	}
	f := strings.Fields(inner)
	if len(f) >= 2 && len(f) <= 3 && firstNames[keyToken(f[0])] && capitalisedWords(inner) {
		return true
	}
	return companyKey != "" && CompanyKey(inner) == companyKey
}

// noiseSegment reports whether a dash- or comma-separated part of a title
// is something other than the job.
func noiseSegment(g, companyKey string) bool {
	g = strings.TrimSpace(g)
	if g == "" || isLocation(g) || workModes[strings.ToLower(g)] || dateRE.MatchString(g) {
		return true
	}
	if strings.TrimSpace(strings.Trim(removeReqIDs(g), " -_#:()[]")) == "" {
		return true
	}
	if companyKey != "" && CompanyKey(g) == companyKey && !hasHead(g) {
		return true
	}
	idWords := true
	for _, w := range wordsOf(g) {
		if !reqWords[w] {
			idWords = false
			break
		}
	}
	if idWords {
		return true
	}
	for _, w := range wordsOf(g) {
		if roleBlacklist[w] {
			return true
		}
	}
	return false
}

// cleanRole turns a captured phrase into a display job title, or "".
func cleanRole(s, companyKey string) string {
	s = strings.Join(strings.Fields(normalizeSpace(s)), " ")
	s = strings.Trim(s, " \t\"'“”‘’*_`")
	s = cutRoleTail(s)
	s = bracketRE.ReplaceAllStringFunc(s, func(p string) string {
		if noiseBracket(p[1:len(p)-1], companyKey) {
			return " "
		}
		return p
	})
	s = removeReqIDs(s)
	s = strings.Join(strings.Fields(s), " ")

	var keep []string
	for _, g := range titleSepRE.Split(s, -1) {
		g = trimTrail(strings.Trim(strings.TrimSpace(g), ",;:"))
		if g == "" || noiseSegment(g, companyKey) {
			continue
		}
		keep = append(keep, g)
	}
	if len(keep) == 0 {
		return ""
	}
	s = keep[0]
	for _, g := range keep {
		if hasHead(g) {
			s = g
			break
		}
	}
	parts := strings.Split(s, ",")
	for i := 1; i < len(parts); i++ {
		if isLocation(strings.Join(parts[i:], ",")) {
			parts = parts[:i]
			break
		}
	}
	for len(parts) > 1 && noiseSegment(parts[len(parts)-1], companyKey) {
		parts = parts[:len(parts)-1]
	}
	s = strings.Join(parts, ",")

	s = trimTrail(s)
	words := strings.Fields(s)
	if ck := strings.Fields(companyKey); len(ck) > 0 && len(words) > len(ck) {
		same := true
		for k, w := range ck {
			if keyToken(words[k]) != w {
				same = false
				break
			}
		}
		if same { // "Acme Robotics Data Analyst"
			words = words[len(ck):]
		}
	}
	for len(words) > 0 {
		w := keyToken(words[0])
		if w == "the" || w == "a" || w == "an" || w == "our" || w == "as" || w == "open" || w == "new" || w == "for" || w == "of" || w == "this" || w == "exciting" || w == "current" || roleLeadNoise[w] {
			words = words[1:]
			continue
		}
		break
	}
	s = trimTrail(strings.Join(words, " "))
	s = strings.Trim(s, " ,;:-–—|/\"'“”")
	if strings.Count(s, "(") != strings.Count(s, ")") {
		s = strings.Trim(strings.NewReplacer("(", "", ")", "").Replace(s), " ")
	}
	return s
}

// roleLeadNoise opens a subject's title part without belonging to the
// title: "Bewerbung Senior Frontend Developer", "Ihre Bewerbung als Data
// Engineer", "position Java Developer", "Follow-up on Platform Engineer".
var roleLeadNoise = set("position", "role", "job", "au", "du", "de", "des", "der", "die", "zum", "bewerbung", "ihre", "deine", "als", "zur", "votre", "ta",
	"candidature", "pour", "le", "la", "poste", "su", "tu", "candidatura", "para", "el", "puesto", "follow-up",
	"followup", "following", "on", "re", "update", "regarding", "application", "applying", "vacancy")

// trimTrail drops words that close a title without belonging to it:
// "role", "position", "interview", a dangling "at" or "and".
func trimTrail(s string) string {
	words := strings.Fields(s)
	for len(words) > 0 {
		w := keyToken(words[len(words)-1])
		if roleWords[w] || roleTrail[w] || workModes[w] || w == "" || w == "at" || w == "with" || w == "in" || w == "for" || w == "and" || w == "of" || w == "the" || w == "to" {
			words = words[:len(words)-1]
			continue
		}
		break
	}
	return strings.Trim(strings.Join(words, " "), " ,;:-–—|/")
}

// cutRoleTail cuts a captured title where the sentence goes on:
// "Data Analyst at Acme", "Backend Engineer in London", "Designer. We...".
func cutRoleTail(s string) string {
	if loc := tailRE.FindStringIndex(s); loc != nil && loc[0] > 0 {
		s = s[:loc[0]]
	}
	for i := 0; i < len(s); i++ {
		if s[i] != '.' || i+1 < len(s) && s[i+1] != ' ' {
			continue
		}
		start := strings.LastIndexByte(s[:i], ' ') + 1
		switch strings.ToLower(s[start:i]) {
		case "sr", "jr", "snr", "st", "mgr", "eng", "dept", "assoc", "asst", "vp":
			continue
		}
		s = s[:i]
		break
	}
	// " in London", " in Berlin or remotely"
	for _, sep := range []string{" in ", " In ", ", based in ", " based in "} {
		if i := strings.Index(s, sep); i > 0 {
			rest := s[i+len(sep):]
			if isLocation(rest) || isLocation(strings.SplitN(rest, ",", 2)[0]) {
				s = s[:i]
			}
		}
	}
	return strings.TrimSpace(s)
}

// reqWords label a requisition number: a part made only of them ("Req
// ID") is noise once the number itself is gone.
var reqWords = set("req", "requisition", "id", "job", "no", "nr", "number", "ref", "reference", "posting", "vacancy", "code")

// roleTrail are words that follow a title in subjects without being part
// of it: "Backend Engineer interview", "Data Analyst phone screen".
var roleTrail = set("interview", "interviews", "call", "screen", "screening", "chat", "onsite",
	"application", "applications", "loop", "process", "assessment", "phone", "video", "technical",
	"final", "round", "invitation", "invite", "update", "offer", "feedback", "follow-up", "followup",
	"view", "apply", "now", "here", "today", "details", "more", "save", "share", "click")

// smallTitleWords may stay lower case inside a title-case job title.
var smallTitleWords = set("of", "and", "&", "for", "the", "in", "to", "with", "a", "an", "de", "-", "/", "+", "on", "at")

// roleOK reports whether a cleaned title reads as a job. A title with a
// job noun ("Engineer", "Analyst", "Designer"...) passes; one without
// passes only when the context named it a role ("the Platform role",
// "Role: Platform") and it is written in title case.
func roleOK(r string, strong bool) bool {
	if r == "" || len(r) > 90 {
		return false
	}
	f := strings.Fields(r)
	if len(f) == 0 || len(f) > 8 {
		return false
	}
	words := wordsOf(r)
	if len(words) == 0 {
		return false
	}
	letters := false
	for _, w := range words {
		if roleBlacklist[w] {
			return false
		}
		for _, c := range w {
			if unicode.IsLetter(c) {
				letters = true
			}
		}
	}
	if !letters || isLocation(r) || workModes[strings.ToLower(r)] {
		return false
	}
	if hasHead(r) {
		return true
	}
	if !strong {
		return false
	}
	if len(words) == 1 && (roleLeadStop[words[0]] || genericWords[words[0]] && !roleAreas[words[0]]) {
		return false
	}
	for _, w := range f {
		rs := []rune(w)
		if unicode.IsUpper(rs[0]) || unicode.IsDigit(rs[0]) || smallTitleWords[strings.ToLower(w)] || rs[0] == '(' {
			continue
		}
		return false
	}
	return true
}

// roleAreas are generic words that still name a job on their own when the
// sender calls them a role ("the Platform role").
var roleAreas = set("data", "platform", "engineering", "product", "design", "sales", "marketing",
	"support", "security", "infrastructure", "finance", "operations", "research", "analytics",
	"growth", "legal", "backend", "frontend", "mobile", "web", "devops", "ml", "ai")

// roleCandidate is one reading of the job title.
type roleCandidate struct {
	display string
	source  string
}

// roleFromSubject reads the job title from a subject.
// interviewerRE matches who an interview is with, in a subject: "Hiring
// Manager Interview", "Recruiter Screen".
var interviewerRE = regexp.MustCompile(`(?i)\b(?:hiring[ \t]+manager|recruiter|team)[ \t]+(?:interview|screen|call|chat|round)\b`)

func roleFromSubject(subj, companyKey string) (roleCandidate, bool) {
	if subj == "" {
		return roleCandidate{}, false
	}
	if r, _, ok := boardSubject(subj, companyKey); ok && r != "" {
		return roleCandidate{r, "subject " + quote(subj)}, true
	}
	for _, seg := range segmentRE.Split(subj, -1) {
		// "Hiring Manager Interview" names who interviews, not the job.
		seg = strings.TrimSpace(interviewerRE.ReplaceAllString(seg, ""))
		if seg == "" || quotedRE.MatchString(seg) { // a job alert's search words
			continue
		}
		if m := forLeadRE.FindStringSubmatch(seg); m != nil {
			if r := cleanRole(m[1], companyKey); roleOK(r, false) && !sameAsCompany(r, companyKey) {
				return roleCandidate{r, "subject " + quote(subj)}, true
			}
		}
		if loc := roleWordRE.FindStringIndex(seg); loc != nil && loc[0] > 0 {
			if r := cleanRole(walkBack(seg, loc[0]), companyKey); roleOK(r, true) && !sameAsCompany(r, companyKey) {
				return roleCandidate{r, "subject " + quote(subj)}, true
			}
		}
		if r := cleanRole(seg, companyKey); roleOK(r, false) && !sameAsCompany(r, companyKey) {
			return roleCandidate{r, "subject " + quote(subj)}, true
		}
	}
	return roleCandidate{}, false
}

// roleFromBody reads the job title from the message's own words.
func roleFromBody(text, companyKey string) (roleCandidate, bool) {
	if text == "" {
		return roleCandidate{}, false
	}
	try := func(raw string, strong bool, what string) (roleCandidate, bool) {
		if senderTitleLine(text, raw) {
			return roleCandidate{}, false
		}
		r := cleanRole(raw, companyKey)
		if roleOK(r, strong) && !sameAsCompany(r, companyKey) {
			return roleCandidate{r, "body " + what + " " + quote(raw)}, true
		}
		return roleCandidate{}, false
	}
	for _, m := range roleLineRE.FindAllStringSubmatch(text, 8) {
		if rc, ok := try(m[1], true, "line"); ok {
			return rc, true
		}
	}
	for _, m := range roleOfRE.FindAllStringSubmatch(text, 8) {
		if rc, ok := try(m[1], true, "phrase"); ok {
			return rc, true
		}
	}
	for _, loc := range roleWordRE.FindAllStringIndex(text, 32) {
		if rc, ok := try(walkBack(text, loc[0]), true, "phrase"); ok {
			return rc, true
		}
	}
	for _, m := range forLeadRE.FindAllStringSubmatch(text, 16) {
		if rc, ok := try(m[1], false, "phrase"); ok {
			return rc, true
		}
	}
	if r, _, ok := boardBlock(text, companyKey); ok && r != "" {
		return roleCandidate{r, "job board notice"}, true
	}
	return roleCandidate{}, false
}

// senderTitleLine reports whether raw sits on a line that gives the
// writer's own title ("Recruiting Coordinator | WovenPath", "Talent
// Acquisition Partner - Technology"): a recruiter's title is not the job.
func senderTitleLine(text, raw string) bool {
	i := strings.Index(text, raw)
	if i < 0 {
		return false
	}
	start := strings.LastIndexByte(text[:i], '\n') + 1
	end := strings.IndexByte(text[i:], '\n')
	line := text[start:]
	if end >= 0 {
		line = text[start : i+end]
	}
	if len(line) > 80 {
		return false
	}
	f := strings.Fields(line)
	if len(f) == 0 {
		return false
	}
	// The title may follow the writer's name: "Tasha Greene | Recruiting
	// Coordinator | WovenPath".
	signatureLike := strings.Contains(line, "|") || strings.Contains(line, " - ") || strings.Contains(line, ",")
	for k, t := range f {
		if k > 0 && !signatureLike {
			break
		}
		switch w := keyToken(t); {
		case strings.HasPrefix(w, "recruit"), strings.HasPrefix(w, "sourc"), w == "talent", w == "people", w == "hr",
			w == "human", w == "interview", w == "scheduling", w == "campus", w == "university":
			return true
		}
	}
	return false
}

// walkBack collects the words of a title that ends just before end:
// "for the Senior Data Analyst |position" gives "Senior Data Analyst". It
// stops at determiners, prepositions, evaluative adjectives, possessives
// and sentence ends, and keeps "of"/"and" inside titles such as "Head of
// Data".
func walkBack(text string, end int) string {
	line := text[:end]
	if i := strings.LastIndexByte(line, '\n'); i >= 0 {
		line = line[i+1:]
	}
	words := strings.Fields(line)
	var got []string
	for k := len(words) - 1; k >= 0 && len(got) < 10; k-- {
		w := words[k]
		last := w[len(w)-1]
		if last == '.' || last == '!' || last == '?' || last == ':' || last == ';' {
			if lw := keyToken(w); lw != "sr" && lw != "jr" && lw != "snr" {
				break
			}
		}
		if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			break
		}
		lw := keyToken(w)
		if lw == "of" || lw == "and" || w == "&" || w == "/" {
			if k > 0 && len(got) > 0 {
				prev := []rune(words[k-1])
				if unicode.IsUpper(prev[0]) && !roleLeadStop[keyToken(words[k-1])] {
					got = append(got, w)
					continue
				}
			}
			break
		}
		if roleLeadStop[lw] || roleBlacklist[lw] {
			break
		}
		got = append(got, w)
	}
	for i, j := 0, len(got)-1; i < j; i, j = i+1, j-1 {
		got[i], got[j] = got[j], got[i]
	}
	return strings.Join(got, " ")
}

// sameAsCompany reports whether a title is in fact the company's name.
func sameAsCompany(r, companyKey string) bool {
	return companyKey != "" && CompanyKey(r) == companyKey
}

// RoleKey normalises a job title for grouping: requisition ids, places
// and ways of working in brackets or after a dash, and a trailing
// "role"/"position" are dropped; "Sr."/"Jr."/"Mgr" are spelled out, "&"
// becomes "and"; the rest is lower case without punctuation.
// "Sr. Data Analyst (Remote) - R12345" gives "senior data analyst".
func RoleKey(role string) string {
	r := cleanRole(role, "")
	if r == "" {
		return ""
	}
	r = strings.ReplaceAll(r, "&", " and ")
	r = strings.ReplaceAll(r, "+", " plus ")
	var out []string
	for _, w := range strings.Fields(r) {
		w = strings.NewReplacer("'", "", "’", "", ".", "").Replace(w)
		out = append(out, wordsOf(w)...)
	}
	for k, w := range out {
		switch w {
		case "sr", "snr":
			out[k] = "senior"
		case "jr", "jnr":
			out[k] = "junior"
		case "mgr":
			out[k] = "manager"
		case "swe":
			out[k] = "software engineer"
		}
	}
	for len(out) > 0 && roleWords[out[len(out)-1]] {
		out = out[:len(out)-1]
	}
	for len(out) > 0 && (out[0] == "the" || out[0] == "a" || out[0] == "an") {
		out = out[1:]
	}
	return strings.Join(out, " ")
}

// Job-board notices.

var (
	boardSubjectRE = regexp.MustCompile(`(?i)^(?:indeed[ \t]+)?application[ \t]+(?:submitted|sent)[ \t]*[:\-–—][ \t]*(.+)$`)
	boardLineRE    = regexp.MustCompile(`(?im)^[ \t]*(?:your[ \t]+)?application[ \t]+(?:was[ \t]+|has[ \t]+been[ \t]+)?(?:sent|submitted)\b.*$`)
)

// boardSubject reads "Application submitted: ROLE - COMPANY - PLACE".
func boardSubject(subj, companyKey string) (role, company string, ok bool) {
	m := boardSubjectRE.FindStringSubmatch(subj)
	if m == nil {
		return "", "", false
	}
	return roleAndCompany(titleSepRE.Split(m[1], -1), companyKey)
}

// roleAndCompany picks the title and the company from the parts of a
// job-board line: the first part that reads as a job, and the first later
// part that is neither a job, a place nor noise.
func roleAndCompany(parts []string, companyKey string) (role, company string, ok bool) {
	ri := -1
	for k, p := range parts {
		if r := cleanRole(p, companyKey); roleOK(r, false) {
			role, ri = r, k
			break
		}
	}
	if ri < 0 {
		return "", "", false
	}
	for _, p := range parts[ri+1:] {
		p = strings.TrimSpace(p)
		if p == "" || isLocation(p) || dateRE.MatchString(p) || hasHead(p) || strings.TrimSpace(removeReqIDs(p)) == "" {
			continue
		}
		company = p
		break
	}
	return role, company, true
}

// boardBlock reads the layout LinkedIn and Indeed use in their notices: a
// line saying the application was sent or submitted, then the job title on
// a line of its own, then the company, often with the place after a dot
// or dash.
func boardBlock(text, companyKey string) (role, company string, ok bool) {
	loc := boardLineRE.FindStringIndex(text)
	if loc == nil {
		return "", "", false
	}
	var lines []string
	for _, l := range strings.Split(text[loc[1]:], "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
		if len(lines) == 3 {
			break
		}
	}
	if len(lines) == 0 {
		return "", "", false
	}
	r := cleanRole(lines[0], companyKey)
	if !roleOK(r, false) {
		return "", "", false
	}
	if len(lines) > 1 {
		parts := titleSepRE.Split(lines[1], -1)
		if c := strings.TrimSpace(strings.Split(parts[0], ",")[0]); c != "" && !hasHead(c) && !isLocation(c) {
			company = c
		}
	}
	return r, company, true
}

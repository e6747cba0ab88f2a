package classify

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Number words for counted windows ("within two weeks", "innerhalb von drei
// Wochen", "dentro de tres días").
var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30,
	"un": 1, "una": 1, "une": 1, "uno": 1, "dos": 2, "deux": 2, "tres": 3, "trois": 3, "cuatro": 4, "quatre": 4,
	"cinco": 5, "cinq": 5, "seis": 6, "siete": 7, "sept": 7, "diez": 10, "dix": 10, "quince": 15, "quinze": 15,
	"ein": 1, "eine": 1, "einer": 1, "einem": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
	"zehn": 10, "vierzehn": 14, "een": 1, "twee": 2, "drie": 3, "en": 1, "ett": 1, "två": 2, "tre": 3,
}

var unitDays = map[string]string{
	"day": "d", "days": "d", "día": "d", "días": "d", "dia": "d", "dias": "d", "jour": "d", "jours": "d",
	"tag": "d", "tage": "d", "tagen": "d", "dag": "d", "dagen": "d", "dagar": "d", "giorni": "d",
	"week": "w", "weeks": "w", "semana": "w", "semanas": "w", "semaine": "w", "semaines": "w", "woche": "w",
	"wochen": "w", "weken": "w", "veckor": "w", "vecka": "w", "settimane": "w", "fortnight": "f",
	"hour": "h", "hours": "h", "hrs": "h", "horas": "h", "heures": "h", "stunden": "h", "uur": "h", "timmar": "h",
	"month": "m", "months": "m", "mes": "m", "meses": "m", "mois": "m", "monat": "m", "monate": "m", "monaten": "m", "maand": "m",
	"werktage": "b", "werktagen": "b", "arbeitstage": "b", "arbeitstagen": "b", "werkdagen": "b", "arbetsdagar": "b",
}

var relRE = regexp.MustCompile(`\b(?:(?:by|before|until|til|till|on or before|no later than)\s+)?(?:the\s+)?(end of (?:the |this )?(?:day|week|month)|end of next (?:week|month)|(?:early|later|the end of)?\s*next week|this week|tomorrow|today|eod|eow|close of business|month end|week's end)\b`)

// Words of the company answering: a window counts when the sentence says
// the company will respond, decide, review or be in touch within it.
var responseWords = []string{
	"hear", "get back", "back to you", "respond", "response", "reply", "replies", "contact", "wrap", "you will have",
	"receive", "letter", "get the", "get it", "reach out", "reach you",
	"in touch", "update", "let you know", "decision", "decide", "review", "feedback", "answer", "notif",
	"news", "come back", "follow up", "follow-up", "confirm", "send", "sent", "wrap up", "finaliz", "finalis", "outcome",
	"next step", "touch base", "circle back", "result", "inform", "revert", "be in contact", "call you",
	"process", "assess", "evaluat", "know", "status", "respuesta", "responder", "contactar", "noticias",
	"nouvelles", "réponse", "reponse", "reviend", "contacter", "melden", "rückmeldung", "antwort", "entscheid",
	"notícias", "retorno", "svar", "återkom", "terugkoppeling", "bericht",
	"have something", "something for you", "something concrete",
}

// Words that make a stated window about something other than the company's
// answer: the candidate's deadline, an accommodation promise, an expiry,
// a statistic.
var windowExclusions = []string{
	"accommodat", "please complete", "you complete", "you to complete", "complete the test", "complete the assessment",
	"complete the form", "complete the questionnaire", "complete the task", "complete your", "complete it", "complete this",
	"be completed", "completed by", "can complete", "may complete", "should complete", "must complete", "need to complete", "completing the", "submit", "sign ", "sign,", "sign.", "signed", "expire", "valid", "remain open",
	"remains open", "open for", "deadline", "unsubscrib", "%", "on average", "survey", "delete", "retain",
	"retention", "refund", "deliver", "ship", "arrive", "record", "reconnect", "reapply", "re-apply", "apply again",
	"future opening", "on file", "begin", "start", "commence", "closes", "closing", "holiday", "vacation",
	"out of office", "out of the office", "return", "privacy", "personal data", "account", "password", "link ",
	"please respond", "please reply", "please let us know", "please confirm", "please sign", "please return",
	"kindly", "you must", "you need to", "you have until", "needs to be", "let me know", "let us know",
	"send me", "send us", "tell me", "tell us", "get back to me", "get back to us", "reply to me", "could you",
	"can you", "would you", "whenever you", "send it back", "send back", "your availability", "works for you", "work for you",
	"order", "purchase", "do not reply", "don't reply",
	"must be", "will be deleted", "will expire", "last day", "ago", "past ", "previous",
	"your answer", "your decision", "your response", "your reply", "your acceptance", "you accept",
	"hear from you", "hear back from you", "if you can", "to me by", "get them to me", "get it to me",
	"love to have an", "like to have an", "need an answer", "need your answer", "another time", "other time", "new time", "find a time", "reschedul",
}

// Topics that make every window of a sentence, and of the clause before a
// semicolon, about something else: "for accommodations, contact support;
// we aim to reply within 48 hours".
var topicExclusions = []string{"accommodat", "disabilit", "adjustment", "privacy", "personal data", "unsubscrib", "technical support", "technical issue", "support team"}

// Words that point back at a request the previous sentence described:
// "if you need an accommodation, call us. We will respond to your request
// within 48 business hours."
var requestRefs = []string{"your request", "such request", "these request", "this request", "the request", "such inquir", "those request"}

// Timeline returns the last day of the response window that text states,
// counted from sent in its own time zone, as YYYY-MM-DD, with the phrase
// that stated it. It returns "" when the text states no concrete window.
//
// "within 5 business days" skips Saturdays and Sundays; "by Friday" is the
// next Friday; "next week" is the Friday of next week; "end of the month"
// is its last day; "5-7 business days" is the seventh business day; a date
// ("by March 14", "by the 14th") is itself. Vague wording ("soon", "in the
// coming weeks") and promises about something else ("please complete the
// test within 7 days") give nothing.
func Timeline(text string, sent time.Time) (day, phrase string) {
	d := prepare("", text)
	return d.timeline(sent)
}

func (d *doc) timeline(sent time.Time) (string, string) {
	if d.tlDone {
		return d.tlDay, d.tlPhrase
	}
	d.tlDone = true
	d.tlDay, d.tlPhrase = d.findTimeline(sent)
	return d.tlDay, d.tlPhrase
}

func (d *doc) findTimeline(sent time.Time) (string, string) {
	if sent.IsZero() {
		return "", ""
	}
	ref := midnight(sent)
	bestDay, bestPhrase, bestDist := "", "", 1<<30
	for k := range d.sents {
		s := d.flatSent(k)
		if len(s) < 6 || !timelineHint(s) {
			continue
		}
		if !containsAny(s, responseWords) {
			continue
		}
		if containsAny(s, topicExclusions) {
			continue
		}
		if k > 0 {
			// The clause before a semicolon, or the sentence before one
			// that answers "your request", names what the window is for.
			prev := strings.TrimSpace(d.sentText(k - 1))
			if (strings.HasSuffix(prev, ";") || containsAny(s, requestRefs)) && containsAny(prev, topicExclusions) {
				continue
			}
		}
		if day, ph, dist := windowIn(s, ref); day != "" && dist < bestDist {
			bestDay, bestPhrase, bestDist = day, ph, dist
		}
	}
	return bestDay, bestPhrase
}

// timelineHint is a cheap test before the expressions run.
func timelineHint(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return strings.Contains(s, "week") || strings.Contains(s, "day") || strings.Contains(s, "month") ||
		strings.Contains(s, "the end") || strings.Contains(s, "tomorrow") || strings.Contains(s, "hour") ||
		strings.Contains(s, "the 1") || strings.Contains(s, "the 2") || strings.Contains(s, "semana") ||
		strings.Contains(s, "woche") || strings.Contains(s, "semaine") || strings.Contains(s, "jour") ||
		strings.Contains(s, "tag") || strings.Contains(s, "dia") || strings.Contains(s, "día") ||
		strings.Contains(s, "eod") || strings.Contains(s, "fortnight")
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// Words that mark a statement about the future ("we will", "we expect").
var futureMarkers = []string{"will", "'ll", "expect", "plan", "aim", "hope", "should", "going to", "anticipate", "intend", "by ", "before ", "no later", "until", "within", "shall"}

// Words of someone who has finished ("the team met on Tuesday").
var pastMarkers = []string{" met ", " was ", " were ", " spent ", " got ", " just ", "last week", "last month", " had ", " did ", " spoke ", "yesterday", "thank you for", "thanks for"}

// window is one candidate response window in a sentence.
type window struct {
	start, end int
	day        time.Time
	dated      bool // a named day or date rather than a counted window
	prep       string
}

// windowIn finds the response window of one sentence: among the windows it
// states, the one nearest after a word of the company answering.
func windowIn(s string, ref time.Time) (string, string, int) {
	var cands []window
	// Counted windows.
	cands = countedWindows(s, ref, cands)
	// Relative expressions.
	var rel [][]int
	if containsAny(s, []string{"week", "month", "tomorrow", "today", "eod", "eow", "close of business", "end of"}) {
		rel = relRE.FindAllStringSubmatchIndex(s, -1)
	}
	for _, m := range rel {
		e := strings.TrimSpace(s[m[2]:m[3]])
		if strings.HasPrefix(e, "early") || strings.HasPrefix(e, "later") {
			continue
		}
		// "later this week", "early this week" name no day.
		if pre := strings.TrimRight(s[:m[2]], " -"); strings.HasSuffix(pre, "later") || strings.HasSuffix(pre, "early") {
			continue
		}
		// "mid-next week" and "mid next week" name no day.
		if pre := strings.TrimRight(s[:m[2]], " -"); strings.HasSuffix(pre, "mid") {
			continue
		}
		// "by end of day Thursday" is Thursday, found among the dates.
		if (strings.Contains(e, "day") || e == "eod" || e == "close of business") && weekdayNext(s[m[1]:]) {
			continue
		}
		// "today" alone is what they are doing now ("wrapping up the last
		// interviews today"); "by today" or "by end of day" is a window.
		if e == "today" {
			switch lastWord(s[:m[2]]) {
			case "by", "before", "until", "til", "till":
			default:
				continue
			}
		}
		var t time.Time
		switch {
		case strings.Contains(e, "next week"):
			t = fridayOf(ref).AddDate(0, 0, 7)
		case strings.Contains(e, "next month"):
			t = lastOfMonth(time.Date(ref.Year(), ref.Month()+1, 1, 0, 0, 0, 0, ref.Location()))
		case strings.Contains(e, "week"), e == "eow":
			t = fridayOf(ref)
			if t.Before(ref) {
				t = t.AddDate(0, 0, 7)
			}
		case strings.Contains(e, "month"):
			t = lastOfMonth(ref)
		case e == "tomorrow":
			t = ref.AddDate(0, 0, 1)
		case strings.Contains(e, "day"), e == "today", e == "eod", e == "close of business":
			t = ref
		default:
			continue
		}
		cands = append(cands, window{start: m[0], end: m[1], day: t, dated: true, prep: lastWord(s[:m[2]])})
	}
	// "w/c 12 January", "the week commencing 12 January": the Friday of
	// that week.
	for _, mk := range []string{"w/c ", "week commencing ", "week beginning ", "week of "} {
		i := strings.Index(s, mk)
		if i < 0 {
			continue
		}
		at := i + len(mk)
		for _, dm := range findDates(s[at:], ref) {
			if dm.start > 1 || dm.kind != dkFull {
				break
			}
			fri := dm.day.AddDate(0, 0, (int(time.Friday)-int(dm.day.Weekday())+7)%7)
			cands = append(cands, window{start: i, end: at + dm.end, day: fri, dated: true, prep: "by"})
			break
		}
	}
	// Named days and dates after "by", "before", "on", "until".
	var dates []dateMention
	if containsAny(s, []string{"by ", "before", "until", " on ", "this ", "next ", "coming ", "around ", "than ", "avant", "bis ", "antes", "del ", "le ", "el ", "am ", "zum ", "tot ", "före", "innan", "end "}) {
		dates = findDates(s, ref)
	}
	for i := 0; i < len(dates); i++ {
		dm := dates[i]
		// A weekday directly followed by its date ("by Friday, March 20")
		// is one mention: the explicit date.
		if dm.kind == dkWeekday && i+1 < len(dates) && dates[i+1].kind != dkWeekday &&
			dates[i+1].start >= dm.end && dates[i+1].start-dm.end <= 3 {
			dm.day, dm.end = dates[i+1].day, dates[i+1].end
			i++
		}
		pw := lastWord(s[:dm.start])
		if pw == "the" {
			pw = lastWord(strings.TrimSuffix(strings.TrimRight(s[:dm.start], " "), pw))
		}
		if pw == "on" || pw == "day" || pw == "eod" || pw == "business" {
			// "by end of day (on) Thursday" reads as "by Thursday".
			pre := strings.TrimRight(s[:dm.start], " ,")
			pre = strings.TrimSuffix(pre, " on")
			for _, e := range []string{"end of day", "end of the day", "eod", "close of business", "end of business"} {
				if strings.HasSuffix(pre, e) {
					pw = "by"
					break
				}
			}
		}
		switch pw {
		case "by", "before", "until", "on", "than", "around", "about", "approximately", "this", "next", "coming", "avant", "bis", "antes", "del", "le", "el", "am", "zum", "tot", "före", "innan", "end":
		default:
			continue
		}
		if dm.day.Before(ref) || dm.day.After(ref.AddDate(0, 6, 0)) {
			continue
		}
		cands = append(cands, window{start: max(0, dm.start-len(pw)-1), end: dm.end, day: dm.day, dated: true, prep: pw})
	}
	if len(cands) == 0 {
		return "", "", 0
	}
	future := containsAny(s, futureMarkers)
	past := containsAny(" "+s, pastMarkers)
	best, bestDist := -1, 1<<30
	for i, w := range cands {
		if !windowClean(s, w.start) {
			continue
		}
		if w.dated {
			// An appointment ("on Friday at 11:00") is not a deadline.
			if _, _, ok := timeAfter(s[w.end:], w.day, ref.Location()); ok {
				continue
			}
			switch w.prep {
			case "by", "before", "until", "than", "bis", "avant", "antes", "innan", "före":
			default:
				if !future || past {
					continue
				}
				// "We debrief on Monday, and Lauren will reach out early
				// next week": a day named before any word of answering is
				// when something else happens.
				if w.prep == "on" && !containsAny(s[:w.start], responseWords) {
					continue
				}
			}
		}
		dist := responseDistance(s, w.start)
		if dist < bestDist {
			best, bestDist = i, dist
		}
	}
	if best < 0 {
		return "", "", 0
	}
	w := cands[best]
	return w.day.Format(dayLayout), strings.TrimSpace(s[w.start:w.end]), bestDist
}

// wtok is a word, a number or a dash of a sentence, for reading counted
// windows backwards from their unit.
type wtok struct {
	w          string
	start, end int
}

func sentenceWords(s string) []wtok {
	out := make([]wtok, 0, len(s)/5)
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			out = append(out, wtok{s[i:j], i, j})
			i = j
		case isLetter(c) || c >= utf8.RuneSelf:
			j := i
			for j < len(s) && (isLetter(s[j]) || s[j] >= utf8.RuneSelf || s[j] == '\'') {
				j++
			}
			out = append(out, wtok{s[i:j], i, j})
			i = j
		case c == '-':
			out = append(out, wtok{"-", i, i + 1})
			i++
		default:
			i++
		}
	}
	return out
}

var windowPreps = map[string]bool{
	"within": true, "in": true, "over": true, "inside": true, "allow": true, "of": true, "about": true,
	"around": true, "approximately": true, "roughly": true, "take": true, "takes": true, "than": true,
	"en": true, "dans": true, "sous": true, "innerhalb": true, "binnen": true, "nächsten": true,
	"entro": true, "em": true, "inom": true, "expect": true, "receive": true, "hear": true, "next": true,
	// "our usual turnaround is 5-7 business days", "it will be 2 weeks".
	"is": true, "be": true, "typically": true, "usually": true, "generally": true,
}

var rangeWords = map[string]bool{"-": true, "to": true, "or": true, "a": true, "à": true, "bis": true, "y": true, "till": true, "and": true}

// countedWindows finds "within 5 business days", "5-7 working days",
// "innerhalb von drei Wochen" and the like, reading back from the unit.
func countedWindows(s string, ref time.Time, cands []window) []window {
	if !strings.ContainsAny(s, "0123456789") && !containsAny(s, []string{"week", "day", "hour", "month", "fortnight", "semana", "woche", "semaine", "jour", "tag", "dia", "día"}) {
		return cands
	}
	ws := sentenceWords(s)
	for i, t := range ws {
		unit, ok := unitDays[t.w]
		if !ok || i == 0 {
			continue
		}
		j := i - 1
		business := unit == "b"
		switch ws[j].w {
		case "business", "working", "work", "school":
			business = true
			j--
		case "calendar":
			j--
		}
		if i+1 < len(ws) {
			switch ws[i+1].w {
			case "hábiles", "habiles", "laborables", "ouvrés", "ouvrables", "ouvres", "lavorativi", "úteis", "uteis":
				business = true
			}
		}
		if j < 0 {
			continue
		}
		n := parseNum(ws[j].w)
		if n <= 0 {
			continue
		}
		start := ws[j].start
		j--
		if j >= 1 && rangeWords[ws[j].w] {
			if n1 := parseNum(ws[j-1].w); n1 > 0 && ws[j-1].w != "a" {
				n = max(n, n1)
				start = ws[j-1].start
				j -= 2
			}
		}
		// Skip fillers: "within the next two weeks", "innerhalb von drei
		// Wochen", "en un plazo máximo de 15 días".
		for k := 0; k < 4 && j >= 0; k++ {
			switch ws[j].w {
			case "the", "next", "following", "coming", "von", "de", "max", "maximum", "máximo", "plazo", "un", "dentro", "up", "to",
				"las", "los", "les", "próximas", "próximos", "proximas", "proximos", "siguientes", "prochaines", "prochains", "kommenden":
				j--
				continue
			}
			break
		}
		prep := ""
		if j >= 0 && windowPreps[ws[j].w] {
			prep = ws[j].w
			start = ws[j].start
		} else if j >= 0 {
			switch ws[j].w {
			case "last", "past", "every", "first", "previous", "after", "for", "these", "those", "from":
				continue
			}
		}
		// A bare count names a duration, not a window: "(5 months)" in a
		// résumé summary, "2 weeks ago".
		if prep == "" || n > 120 {
			continue
		}
		var t time.Time
		switch {
		case unit == "h":
			if n <= 12 && !business {
				continue // "within 2 hours" names no day
			}
			days := int(math.Ceil(float64(n) / 24))
			if business {
				t = addBusinessDays(ref, days)
			} else {
				t = ref.AddDate(0, 0, days)
			}
		case business:
			t = addBusinessDays(ref, n)
		case unit == "d":
			t = ref.AddDate(0, 0, n)
		case unit == "w":
			t = ref.AddDate(0, 0, 7*n)
		case unit == "f":
			t = ref.AddDate(0, 0, 14*n)
		case unit == "m":
			t = ref.AddDate(0, n, 0)
		default:
			continue
		}
		// "within 30 days of the closing date" and "within 2 days of
		// receiving it" count from another day.
		if anchoredElsewhere(s[ws[i].end:], s) {
			continue
		}
		cands = append(cands, window{start: start, end: ws[i].end, day: t, prep: prep})
	}
	return cands
}

// anchoredElsewhere reports whether the words after a counted window tie it
// to a day other than the message's own: "of the closing date", "after your
// interview", "of receiving it", "of completing the assessment".
func anchoredElsewhere(rest, sentence string) bool {
	rest = strings.TrimLeft(rest, " ")
	var tail string
	for _, p := range []string{"of ", "after ", "from ", "following "} {
		if strings.HasPrefix(rest, p) {
			tail = rest[len(p):]
			break
		}
	}
	if tail == "" {
		return false
	}
	tail = strings.TrimPrefix(tail, "the ")
	tail = strings.TrimPrefix(tail, "your ")
	for _, a := range otherAnchors {
		if strings.HasPrefix(tail, a) {
			return true
		}
	}
	if strings.HasPrefix(tail, "receiving ") || strings.HasPrefix(tail, "receipt of ") || strings.HasPrefix(tail, "submitting ") {
		// "of receiving it", "of receiving your solution"; not "of
		// receiving your application" in a receipt.
		next := tail[strings.IndexByte(tail, ' ')+1:]
		next = strings.TrimPrefix(next, "of ")
		next = strings.TrimPrefix(next, "the ")
		next = strings.TrimPrefix(next, "your ")
		for _, a := range otherAnchors {
			if strings.HasPrefix(next, a) {
				return true
			}
		}
		// "of receiving it" counts from the candidate's work unless the
		// sentence is about the application itself.
		return (strings.HasPrefix(next, "it ") || strings.HasPrefix(next, "it.") || strings.HasPrefix(next, "them")) &&
			!containsAny(sentence, []string{"appl", "resume", "cv", "submission", "candidacy", "profile"})
	}
	return false
}

// otherAnchors are the days a window can be counted from that are not the
// day of the message.
var otherAnchors = []string{
	"clos", "posting", "job posting", "advert", "deadline", "end of the", "interview", "final", "onsite",
	"assessment", "test", "solution", "exercise", "assignment", "take-home", "takehome", "task", "challenge",
	"completion", "completing", "start", "first day", "offer", "acceptance", "event", "fair",
}

// weekdayNext reports whether s starts, after "on" or a comma, with a
// weekday name.
func weekdayNext(s string) bool {
	s = strings.TrimLeft(s, " ,")
	s = strings.TrimPrefix(s, "on ")
	s = strings.TrimPrefix(s, "this ")
	for _, d := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		if strings.HasPrefix(s, d) {
			return true
		}
	}
	return false
}

// responseDistance measures how far before pos the nearest word of the
// company answering ends; a word after pos counts as farther away.
func responseDistance(s string, pos int) int {
	best := 1 << 30
	for _, w := range responseWords {
		if i := strings.LastIndex(s[:pos], w); i >= 0 {
			if d := pos - (i + len(w)); d < best {
				best = d
			}
		}
		if i := strings.Index(s[pos:], w); i >= 0 {
			if d := 200 + i; d < best {
				best = d
			}
		}
	}
	return best
}

// windowClean reports whether the clause before a window is free of the
// candidate's own tasks and of unrelated promises.
func windowClean(s string, start int) bool {
	before := s[:start]
	// A new clause with its own subject starts afresh ("please rank them
	// and I'll confirm your slot by Friday").
	for _, c := range []string{" and i'll ", " and we'll ", " and i will ", " and we will ", " and i'm ", " and we're ", " and the team ", " so i'll ", " so we'll ", "; ",
		" and you will ", " and you'll ", " and you should "} {
		if i := strings.LastIndex(before, c); i >= 0 {
			before = before[i:]
		}
	}
	if i := strings.LastIndexAny(before, ",:()"); i >= 0 && containsAny(before[i:], responseWords) {
		before = before[i:]
	}
	if containsAny(before, windowExclusions) {
		return false
	}
	if i := strings.LastIndex(before, "please "); i >= 0 {
		next := before[i+len("please "):]
		if !strings.HasPrefix(next, "allow") && !strings.HasPrefix(next, "expect") && !strings.HasPrefix(next, "note") && !strings.HasPrefix(next, "be ") && !strings.HasPrefix(next, "bear") {
			return false
		}
	}
	after := s[start:min(len(s), start+60)]
	return !containsAny(after, []string{"ago", "expire", "to complete", "to submit", "to sign", "to accept", "to respond", "to reply"})
}

func parseNum(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return numberWords[s]
}

// lastWord returns the last word of s, or "".
func lastWord(s string) string {
	s = strings.TrimRight(s, " \n\t,")
	i := len(s)
	for i > 0 && s[i-1] != ' ' && s[i-1] != '\n' && s[i-1] != '(' {
		i--
	}
	return s[i:]
}

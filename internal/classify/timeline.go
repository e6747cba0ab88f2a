package classify

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
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

var windowRE = func() *regexp.Regexp {
	var nums, units []string
	for w := range numberWords {
		nums = append(nums, regexp.QuoteMeta(w))
	}
	for w := range unitDays {
		units = append(units, regexp.QuoteMeta(w))
	}
	sortByLen(nums)
	sortByLen(units)
	num := `(\d{1,3}|` + strings.Join(nums, "|") + `)`
	return regexp.MustCompile(`(?:\b(within|in|up to|over|inside|allow|of|about|around|approximately|roughly|takes?|than|next|en|dans|sous|innerhalb|binnen|dentro de|plazo(?: máximo)? de|nächsten|entro|em até|em|inom|from)\s+)?` +
		`(?:the\s+|a\s+|an\s+)?(?:next\s+|following\s+|coming\s+|von\s+|de\s+|max(?:imum)?\s+)?` +
		`\b` + num + `(?:\s*(?:-|to|or|a|à|bis|y|till|and)\s*` + num + `)?\s*` +
		`(?:(business|working|work|calendar|school)\s+)?\b(` + strings.Join(units, "|") + `)\b` +
		`(?:\s+(hábiles|habiles|laborables|ouvrés|ouvrables|ouvres|lavorativi|úteis|uteis))?`)
}()

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
}

// Words that make a stated window about something other than the company's
// answer: the candidate's deadline, an accommodation promise, an expiry,
// a statistic.
var windowExclusions = []string{
	"accommodat", "complete", "submit", "sign ", "sign,", "sign.", "signed", "expire", "valid", "remain open",
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
}

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
	if sent.IsZero() {
		return "", ""
	}
	ref := midnight(sent)
	for k := range d.sents {
		s := d.sentText(k)
		if len(s) < 6 || !timelineHint(s) {
			continue
		}
		if !containsAny(s, responseWords) {
			continue
		}
		if day, ph := windowIn(s, ref); day != "" {
			return day, ph
		}
	}
	return "", ""
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
var pastMarkers = []string{" met ", " was ", " were ", " spent ", "last ", " had ", " did ", " spoke ", "yesterday", "thank you for", "thanks for"}

// window is one candidate response window in a sentence.
type window struct {
	start, end int
	day        time.Time
	dated      bool // a named day or date rather than a counted window
	prep       string
}

// windowIn finds the response window of one sentence: among the windows it
// states, the one nearest after a word of the company answering.
func windowIn(s string, ref time.Time) (string, string) {
	var cands []window
	// Counted windows.
	if strings.ContainsAny(s, "0123456789") || containsAny(s, []string{"week", "day", "hour", "month", "fortnight", "semana", "woche", "semaine", "jour", "tag", "dia", "día"}) {
		for _, m := range windowRE.FindAllStringSubmatchIndex(s, -1) {
			g := func(i int) string {
				if m[2*i] < 0 {
					return ""
				}
				return s[m[2*i]:m[2*i+1]]
			}
			prep := g(1)
			if prep == "" {
				// A bare count needs to follow a word that opens a window
				// ("expect a response 3-5 business days").
				switch lastWord(s[:m[0]]) {
				case "last", "past", "every", "first", "previous", "after", "for", "the", "these", "those", "of", "than":
					continue
				}
			}
			if prep == "from" || prep == "next" && g(2) == "" {
				continue
			}
			n := parseNum(g(2))
			if g(3) != "" {
				n = max(n, parseNum(g(3)))
			}
			if n <= 0 || n > 120 {
				continue
			}
			unit := unitDays[g(5)]
			business := g(4) == "business" || g(4) == "working" || g(4) == "work" || g(6) != "" || unit == "b"
			anchor := ref
			// "within 30 days of the closing date" counts from that date.
			if rest := s[m[1]:]; strings.HasPrefix(rest, " of the clos") || strings.HasPrefix(rest, " after the clos") || strings.HasPrefix(rest, " from the clos") {
				continue
			}
			var t time.Time
			switch {
			case unit == "h":
				if n <= 12 && !business {
					continue // "within 2 hours" names no day
				}
				t = anchor.AddDate(0, 0, int(math.Ceil(float64(n)/24)))
			case business:
				t = addBusinessDays(anchor, n)
			case unit == "d":
				t = anchor.AddDate(0, 0, n)
			case unit == "w":
				t = anchor.AddDate(0, 0, 7*n)
			case unit == "f":
				t = anchor.AddDate(0, 0, 14*n)
			case unit == "m":
				t = anchor.AddDate(0, n, 0)
			default:
				continue
			}
			cands = append(cands, window{start: m[0], end: m[1], day: t, prep: prep})
		}
	}
	// Relative expressions.
	for _, m := range relRE.FindAllStringSubmatchIndex(s, -1) {
		e := strings.TrimSpace(s[m[2]:m[3]])
		if strings.HasPrefix(e, "early") || strings.HasPrefix(e, "later") {
			continue
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
	// Named days and dates after "by", "before", "on", "until".
	for _, dm := range findDates(s, ref) {
		pw := lastWord(s[:dm.start])
		if pw == "the" {
			pw = lastWord(strings.TrimSuffix(strings.TrimRight(s[:dm.start], " "), pw))
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
		return "", ""
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
			}
		}
		dist := responseDistance(s, w.start)
		if dist < bestDist {
			best, bestDist = i, dist
		}
	}
	if best < 0 {
		return "", ""
	}
	w := cands[best]
	return w.day.Format(dayLayout), strings.TrimSpace(s[w.start:w.end])
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

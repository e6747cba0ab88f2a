package classify

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The classifier reads text as a sequence of lower-case word tokens split
// into sentences. Contractions are expanded ("won't" reads as "will not",
// "we've" as "we have") so that one pattern covers both spellings, and
// hyphenated words are split ("on-site" reads as "on site").

// token is one word of the subject or the body.
type token struct {
	w     string // lower-case word
	start int    // byte offsets of the word in the document's lower-case text
	end   int
	sent  int // sentence index
}

// sentence is a run of tokens [from, to) with a few facts about it that the
// rules ask for again and again.
type sentence struct {
	from, to int
	start    int // byte offset of the first character in the lower-case text
	end      int
	subject  bool // the sentence is the message's subject line
	flags    sentFlags
	// wouldAt is the token index of the first "would" that supposes
	// (sfWould): it makes hypothetical only what comes before or around
	// it, not a statement it follows ("we'd like to move you to the final
	// round: a chat on how you'd approach the launch").
	wouldAt int
}

type sentFlags uint16

const (
	// sfHypo: the sentence describes what may happen ("if selected, we will
	// contact you to schedule an interview").
	sfHypo sentFlags = 1 << iota
	// sfOthers: the sentence is about other candidates ("we have moved other
	// candidates forward").
	sfOthers
	// sfNeg: the sentence holds a negation.
	sfNeg
	// sfYou: the sentence addresses the reader.
	sfYou
	// sfPast: the sentence looks back ("I was out of the office last week").
	sfPast
	// sfGeneric: the sentence speaks of applicants in general
	// ("applicants who meet the requirements will be contacted").
	sfGeneric
	// sfQuestion: the sentence asks ("did they make you an offer?").
	sfQuestion
	// sfWould: a "would" that supposes ("we would then contact you"),
	// at sentence.wouldAt.
	sfWould
)

// doc is a message prepared for matching.
type doc struct {
	text  string // lower-case normalised subject + "\n" + body
	subj  int    // length of the subject part of text
	toks  []token
	sents []sentence

	// The timeline, found once.
	tlDone          bool
	tlDay, tlPhrase string
}

var quoteReplacer = strings.NewReplacer(
	"\u2019", "'", "\u2018", "'", "\u02bc", "'", "\u00b4", "'", "`", "'",
	"\u201c", `"`, "\u201d", `"`, "\u201e", `"`,
	"\u2013", "-", "\u2014", " - ", "\u2012", "-", "\u2212", "-", "\u2010", "-", "\u2011", "-",
	"\u00a0", " ", "\u2009", " ", "\u202f", " ", "\u2026", "...",
)

// normalize lower-cases s and maps typographic quotes and dashes to ASCII.
func normalize(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || s[i] == '`' {
			ascii = false
			break
		}
	}
	if !ascii {
		s = quoteReplacer.Replace(s)
	}
	return strings.ToLower(s)
}

// contractions maps a contracted token to its expansion.
var contractions = map[string][]string{
	"won't": {"will", "not"}, "can't": {"can", "not"}, "cannot": {"can", "not"}, "shan't": {"shall", "not"},
	"ain't": {"is", "not"}, "it's": {"it", "is"}, "that's": {"that", "is"}, "there's": {"there", "is"},
	"here's": {"here", "is"}, "what's": {"what", "is"}, "let's": {"let", "us"}, "he's": {"he", "is"},
	"she's": {"she", "is"}, "who's": {"who", "is"},
}

// elisions maps an elided French or Italian article, pronoun or particle to
// its full form.
var elisions = map[string]string{
	"l": "le", "d": "de", "n": "ne", "j": "je", "s": "se", "c": "ce", "m": "me", "t": "te", "qu": "que",
	"jusqu": "jusque", "lorsqu": "lorsque", "puisqu": "puisque", "dell": "della", "nell": "nella",
}

var suffixExpansion = []struct {
	suf string
	w   string
}{
	{"n't", "not"}, {"'ve", "have"}, {"'re", "are"}, {"'ll", "will"}, {"'d", "would"}, {"'m", "am"},
}

// prepare builds the doc of a subject and body.
func prepare(subject, body string) *doc {
	d := &doc{}
	subject = normalize(subject)
	body = normalize(body)
	d.text = subject + "\n" + body
	d.subj = len(subject)
	d.toks = make([]token, 0, len(d.text)/5+8)
	d.sents = make([]sentence, 0, len(d.text)/60+4)
	d.tokenize()
	return d
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z'
}

// tokenize splits d.text into tokens and sentences.
func (d *doc) tokenize() {
	s := d.text
	sentStart := 0
	tokStart := 0
	subject := true
	closeSentence := func(end int) {
		if len(d.toks) > tokStart {
			d.sents = append(d.sents, sentence{from: tokStart, to: len(d.toks), start: sentStart, end: end, subject: subject})
		}
		tokStart = len(d.toks)
		sentStart = end
	}
	lineStart := 0
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case isWordByte(c) || c >= utf8.RuneSelf && isLetterAt(s, i):
			j := i
			for j < len(s) {
				cj := s[j]
				if isWordByte(cj) {
					j++
					continue
				}
				if cj == '\'' && j+1 < len(s) && isWordByte(s[j+1]) && j > i {
					j++
					continue
				}
				if cj >= utf8.RuneSelf {
					r, n := utf8.DecodeRuneInString(s[j:])
					if unicode.IsLetter(r) || unicode.IsDigit(r) {
						j += n
						continue
					}
				}
				break
			}
			// A few hyphenated compounds read as one word.
			if j+1 < len(s) && s[j] == '-' {
				if k := compoundEnd(s, i, j); k > 0 {
					d.toks = append(d.toks, token{w: compounds[s[i:k]], start: i, end: k, sent: len(d.sents)})
					i = k
					continue
				}
			}
			d.addWord(s[i:j], i, j)
			i = j
		case c == '\n':
			// A line break ends a sentence after a blank line, a line that
			// ends in punctuation or a colon, or a short line (greeting,
			// heading, list item); wrapped prose runs on.
			line := strings.TrimSpace(s[lineStart:i])
			next := i + 1
			blank := next < len(s) && s[next] == '\n'
			if i == d.subj || blank || len(line) < 45 || strings.HasSuffix(line, ":") || strings.HasSuffix(line, ",") && len(line) < 60 || startsListItem(s, next) {
				closeSentence(i)
			}
			if i == d.subj {
				subject = false
			}
			lineStart = next
			i++
		case c == '.' || c == '!' || c == '?' || c == ';':
			// A period inside a number or an abbreviation does not end a
			// sentence.
			if c == '.' && i+1 < len(s) && isWordByte(s[i+1]) {
				i++
				continue
			}
			if c == '.' && len(d.toks) > tokStart {
				last := d.toks[len(d.toks)-1].w
				if len(last) == 1 || abbreviations[last] {
					i++
					continue
				}
			}
			closeSentence(i + 1)
			i++
		default:
			if c >= utf8.RuneSelf {
				_, n := utf8.DecodeRuneInString(s[i:])
				i += n
			} else {
				i++
			}
		}
	}
	closeSentence(len(s))
	for k := range d.sents {
		d.sents[k].flags = d.sentFlags(&d.sents[k])
	}
}

// compounds maps hyphenated words to the single token they read as.
var compounds = map[string]string{
	"take-home": "takehome", "e-mail": "email", "on-site": "onsite", "in-person": "inperson",
	"no-reply": "noreply", "do-not-reply": "donotreply", "out-of-office": "outofoffice",
}

// compoundEnd returns the end of a known compound starting at i whose first
// part ends at j, or 0.
func compoundEnd(s string, i, j int) int {
	for c := range compounds {
		if len(c) <= len(s)-i && s[i:i+len(c)] == c && (i+len(c) == len(s) || !isWordByte(s[i+len(c)])) && strings.IndexByte(c, '-') == j-i {
			return i + len(c)
		}
	}
	return 0
}

var abbreviations = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "jr": true, "sr": true, "st": true, "vs": true, "etc": true, "inc": false, "approx": true, "no": true, "dept": true}

func startsListItem(s string, i int) bool {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if i >= len(s) {
		return false
	}
	switch s[i] {
	case '-', '*', '>':
		return true
	}
	return strings.HasPrefix(s[i:], "\u2022")
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func (d *doc) addWord(w string, start, end int) {
	sent := len(d.sents)
	if w == "cannot" {
		d.toks = append(d.toks, token{w: "can", start: start, end: end, sent: sent}, token{w: "not", start: start, end: end, sent: sent})
		return
	}
	if strings.IndexByte(w, '\'') >= 0 {
		// French and Italian elision: "n'a" reads as "ne a", "l'équipe"
		// as "le équipe", "qu'il" as "que il".
		if k := strings.IndexByte(w, '\''); k > 0 && k+1 < len(w) {
			if full, ok := elisions[w[:k]]; ok {
				d.toks = append(d.toks, token{w: full, start: start, end: start + k + 1, sent: sent})
				d.addWord(w[k+1:], start+k+1, end)
				return
			}
		}
		if exp, ok := contractions[w]; ok {
			for _, e := range exp {
				d.toks = append(d.toks, token{w: e, start: start, end: end, sent: sent})
			}
			return
		}
		for _, se := range suffixExpansion {
			if strings.HasSuffix(w, se.suf) && len(w) > len(se.suf) {
				d.toks = append(d.toks, token{w: w[:len(w)-len(se.suf)], start: start, end: end, sent: sent})
				d.toks = append(d.toks, token{w: se.w, start: start, end: end, sent: sent})
				return
			}
		}
		if strings.HasSuffix(w, "'s") {
			w = w[:len(w)-2]
			end -= 2
		}
	}
	d.toks = append(d.toks, token{w: w, start: start, end: end, sent: sent})
}

// Words that mark a sentence as describing a possibility rather than a fact.
var hypoWords = map[string]bool{
	"if": true, "once": true, "whether": true, "may": true, "might": true, "unless": true,
	"typically": true, "usually": true, "generally": true, "normally": true, "eventually": true, "potentially": true,
}

// After "would", these words make a request, not a supposition.
var politeWould = map[string]bool{"like": true, "love": true, "appreciate": true, "you": true, "be": false, "welcome": true, "need": true}

var pastWords = map[string]bool{"was": true, "were": true, "last": true, "ago": true, "yesterday": true, "recently": true}

var otherWords = map[string]bool{"other": true, "another": true, "different": true, "alternative": true, "stronger": true, "additional": false, "internal": true, "several": true, "few": true, "select": true, "small": true}

var peopleWords = map[string]bool{
	"candidate": true, "candidates": true, "applicant": true, "applicants": true, "individual": true,
	"individuals": true, "person": true, "people": true, "profiles": true, "profile": true, "finalists": true, "finalist": true, "someone": true, "candidacies": true,
}

var negWords = map[string]bool{"not": true, "no": true, "never": true, "unable": true, "neither": true, "nor": true, "without": true}

// A sentence opening with one of these and then a pronoun asks something
// ("did they...", "have you...").
var questionOpeners = map[string]bool{"did": true, "do": true, "does": true, "have": true, "has": true, "had": true, "are": true, "is": true, "was": true, "were": true, "will": true}
var questionSubjects = map[string]bool{"they": true, "you": true, "he": true, "she": true, "we": true, "i": true, "it": true}

// sentFlags computes the facts about one sentence.
func (d *doc) sentFlags(s *sentence) sentFlags {
	var f sentFlags
	toks := d.toks[s.from:s.to]
	for i, t := range toks {
		w := t.w
		switch {
		case hypoWords[w]:
			if w != "if" || !politeIf(toks[i+1:]) {
				f |= sfHypo
			}
		case w == "should" && i+1 < len(toks) && (toks[i+1].w == "you" || toks[i+1].w == "your" || toks[i+1].w == "we" || toks[i+1].w == "there" || toks[i+1].w == "a" || toks[i+1].w == "the"):
			f |= sfHypo
		case w == "event" && i > 0 && toks[i-1].w == "the" && i > 1 && toks[i-2].w == "in":
			f |= sfHypo
		case w == "before" && i+2 < len(toks) && (toks[i+1].w == "we" || toks[i+1].w == "you") && (toks[i+2].w == "can" || toks[i+2].w == "are"):
			// "before we can move you forward, we need..." is a condition.
			f |= sfHypo
		case w == "would" && i > 0 && i+1 < len(toks) && !politeWould[afterAdverbs(toks[i+1:])]:
			// A sentence opening with "would" asks ("Would Friday work?").
			if f&sfWould == 0 {
				f |= sfWould
				s.wouldAt = s.from + i
			}
		case negWords[w]:
			f |= sfNeg
		case w == "you" || w == "your":
			f |= sfYou
		case pastWords[w]:
			f |= sfPast
		}
		if otherWords[w] && i+1 < len(toks) {
			// "other candidates", "another strong candidate", "other qualified applicants"
			for k := i + 1; k < len(toks) && k <= i+3; k++ {
				if peopleWords[toks[k].w] {
					f |= sfOthers
					break
				}
			}
		}
		if w == "someone" || w == "somebody" || w == "others" {
			f |= sfOthers
		}
		if (w == "candidates" || w == "applicants" || w == "those") && i+1 < len(toks) {
			switch toks[i+1].w {
			case "who", "whose", "that", "with", "selected", "chosen", "shortlisted", "whom":
				f |= sfGeneric
			}
		}
		if (w == "selected" || w == "qualified" || w == "shortlisted" || w == "successful" || w == "suitable" || w == "all") && i+1 < len(toks) && (toks[i+1].w == "candidates" || toks[i+1].w == "applicants") {
			f |= sfGeneric
		}
	}
	if f&(sfYou|sfOthers) == 0 {
		// "Administrators contact candidates directly to arrange
		// interviews" is about applicants in general.
		for _, t := range toks {
			if t.w == "candidates" || t.w == "applicants" {
				f |= sfGeneric
				break
			}
		}
	}
	if len(toks) > 1 && questionOpeners[toks[0].w] && questionSubjects[toks[1].w] ||
		strings.HasSuffix(strings.TrimSpace(d.text[s.start:s.end]), "?") {
		f |= sfQuestion
	}
	return f
}

// softAdverbs may stand between "would" and the verb of a polite request
// ("we would now like", "I'd really love").
var softAdverbs = map[string]bool{"now": true, "also": true, "really": true, "just": true, "very": true, "definitely": true, "certainly": true, "so": true, "still": true, "genuinely": true}

// afterAdverbs returns the first word of rest that is not a soft adverb.
func afterAdverbs(rest []token) string {
	for k := 0; k < len(rest) && k < 3; k++ {
		if !softAdverbs[rest[k].w] {
			return rest[k].w
		}
	}
	return ""
}

// politeIf reports whether the words after "if" make a courtesy rather
// than a condition ("if you are still interested", "if that works").
func politeIf(rest []token) bool {
	if len(rest) == 0 {
		return false
	}
	n := min(len(rest), 5)
	for k := 0; k < n; k++ {
		switch rest[k].w {
		case "interested", "questions", "works", "convenient", "possible", "needed", "prefer", "helpful", "helps":
			return true
		}
	}
	return false
}

// span returns the lower-case text between tokens [i, j].
func (d *doc) span(i, j int) string {
	return d.text[d.toks[i].start:d.toks[j].end]
}

// sentText returns the lower-case text of sentence k.
func (d *doc) sentText(k int) string {
	s := &d.sents[k]
	return d.text[s.start:s.end]
}

// flatSent is sentence k with its line breaks read as spaces (a wrapped
// line puts "by" and its date on two lines); offsets stay the same.
func (d *doc) flatSent(k int) string {
	s := d.sentText(k)
	if strings.IndexByte(s, '\n') < 0 {
		return s
	}
	return strings.ReplaceAll(s, "\n", " ")
}

// subject returns the lower-case subject.
func (d *doc) subject() string { return d.text[:d.subj] }

// body returns the lower-case body text.
func (d *doc) body() string {
	if d.subj+1 > len(d.text) {
		return ""
	}
	return d.text[d.subj+1:]
}

package classify

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // interview times name zones ("ET", "CET") that need the zone database
	"unicode/utf8"
)

// Month and weekday names in the languages job mail commonly arrives in.
var monthNames = map[string]time.Month{}
var weekdayNames = map[string]time.Weekday{}

func init() {
	months := [][]string{
		{"january", "jan", "janvier", "enero", "januar", "jänner", "januari", "janeiro", "gennaio"},
		{"february", "feb", "février", "fevrier", "febrero", "februar", "februari", "fevereiro", "febbraio"},
		{"march", "mar", "mars", "marzo", "märz", "maerz", "maart", "março", "marco"},
		{"april", "apr", "avril", "abril", "aprile"},
		{"may", "mai", "mayo", "mei", "maj", "maio", "maggio"},
		{"june", "jun", "juin", "junio", "juni", "junho", "giugno"},
		{"july", "jul", "juillet", "julio", "juli", "julho", "luglio"},
		{"august", "aug", "août", "aout", "agosto", "augustus", "augusti"},
		{"september", "sep", "sept", "septembre", "septiembre", "setiembre", "setembro", "settembre"},
		{"october", "oct", "octobre", "octubre", "oktober", "outubro", "ottobre"},
		{"november", "nov", "novembre", "noviembre", "novembro"},
		{"december", "dec", "décembre", "decembre", "diciembre", "dezember", "dezembro", "dicembre"},
	}
	for i, names := range months {
		for _, n := range names {
			monthNames[n] = time.Month(i + 1)
		}
	}
	days := [][]string{
		{"sunday", "sun", "dimanche", "domingo", "sonntag", "zondag", "söndag"},
		{"monday", "mon", "lundi", "lunes", "montag", "maandag", "måndag"},
		{"tuesday", "tue", "tues", "mardi", "martes", "dienstag", "dinsdag", "tisdag"},
		{"wednesday", "wed", "mercredi", "miércoles", "miercoles", "mittwoch", "woensdag", "onsdag"},
		{"thursday", "thu", "thur", "thurs", "jeudi", "jueves", "donnerstag", "donderdag", "torsdag"},
		{"friday", "fri", "vendredi", "viernes", "freitag", "vrijdag", "fredag"},
		{"saturday", "sat", "samedi", "sábado", "sabado", "samstag", "zaterdag", "lördag"},
	}
	for i, names := range days {
		for _, n := range names {
			weekdayNames[n] = time.Weekday(i)
		}
	}
	// Month and weekday names are matched as any word and looked up, which
	// keeps the expression small and fast.
	word := `([a-zà-ÿ]+)`
	dateRE = regexp.MustCompile(
		`(\d{4})-(\d{1,2})-(\d{1,2})` + // 1-3 ISO
			`|\b(\d{1,2})([/.])(\d{1,2})(?:[/.](\d{4}|\d{2}))?(?:\b|\.)` + // 4-7 numeric
			`|\b` + word + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?` + // 8-10 month day
			`|\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th|er|\.)?\s+(?:of\s+|de\s+)?` + word + `(?:,?\s+(?:de\s+)?(\d{4}))?` + // 11-13 day month
			`|\b(?:the\s+)(\d{1,2})(?:st|nd|rd|th)\b`) // 14 day of month
}

func sortByLen(s []string) {
	// Longest first, so alternation prefers "september" to "sep".
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && (len(s[j]) > len(s[j-1]) || len(s[j]) == len(s[j-1]) && s[j] < s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

var dateRE *regexp.Regexp

// dateKind tells how a date was written.
type dateKind uint8

const (
	dkFull    dateKind = iota // month and day (and maybe year)
	dkDay                     // "the 14th"
	dkWeekday                 // "Friday"
)

// dateMention is a date found in text, resolved against the message's date.
type dateMention struct {
	start, end int
	day        time.Time // midnight, in the reference zone
	kind       dateKind
	weekday    time.Weekday
}

func midnight(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// findDates lists the dates mentioned in s (lower case), resolved to the
// next matching day on or after ref (for dates without a year), or to the
// next weekday strictly after ref.
func findDates(s string, ref time.Time) []dateMention {
	if !hasDateHint(s) {
		return nil
	}
	var out []dateMention
	ref = midnight(ref)
	americas := false
	if _, off := ref.Zone(); off < -2*3600 {
		americas = true
	}
	hasDigit := strings.ContainsAny(s, "0123456789")
	for pos := 0; hasDigit && pos < len(s); {
		m := dateRE.FindStringSubmatchIndex(s[pos:])
		if m == nil {
			break
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += pos
			}
		}
		// On a rejected match, look again from the next word.
		next := m[0]
		for next < len(s) && isWordByte(s[next]) {
			next++
		}
		for next < len(s) && !isWordByte(s[next]) {
			next++
		}
		if next <= pos {
			next = pos + 1
		}
		pos = next
		g := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return s[m[2*i]:m[2*i+1]]
		}
		dm := dateMention{start: m[0], end: m[1], kind: dkFull}
		var y, mo, d int
		switch {
		case g(1) != "":
			y, _ = strconv.Atoi(g(1))
			mo, _ = strconv.Atoi(g(2))
			d, _ = strconv.Atoi(g(3))
		case g(4) != "":
			a, _ := strconv.Atoi(g(4))
			b, _ := strconv.Atoi(g(6))
			sep := g(5)
			if g(7) != "" {
				y, _ = strconv.Atoi(g(7))
				if y < 100 {
					y += 2000
				}
			}
			if sep == "." && g(7) == "" && !strings.HasSuffix(s[m[0]:m[1]], ".") {
				// "2.5" is a number, "22.08." a date.
				continue
			}
			switch {
			case a > 12 && b <= 12:
				d, mo = a, b
			case b > 12 && a <= 12:
				mo, d = a, b
			case sep == "." || !americas:
				d, mo = a, b
			default:
				mo, d = a, b
			}
		case g(8) != "" && monthNames[g(8)] != 0:
			mo = int(monthNames[g(8)])
			d, _ = strconv.Atoi(g(9))
			if g(10) != "" {
				y, _ = strconv.Atoi(g(10))
			}
		case g(11) != "" && monthNames[g(12)] != 0:
			d, _ = strconv.Atoi(g(11))
			mo = int(monthNames[g(12)])
			if g(13) != "" {
				y, _ = strconv.Atoi(g(13))
			}
		case g(8) == "the" || g(11) != "":
			// "by the 14th and ...": an ordinal day without a month.
			gi := 11
			if g(8) == "the" {
				gi = 9
			}
			rest := s[m[2*gi+1]:]
			if !(strings.HasPrefix(rest, "st") || strings.HasPrefix(rest, "nd") || strings.HasPrefix(rest, "rd") || strings.HasPrefix(rest, "th")) {
				continue
			}
			d, _ = strconv.Atoi(g(gi))
			dm.kind = dkDay
			dm.end = m[2*gi+1] + 2
		case g(14) != "":
			d, _ = strconv.Atoi(g(14))
			dm.kind = dkDay
		default:
			continue
		}
		if dm.kind == dkDay {
			if d < 1 || d > 31 {
				continue
			}
			t := time.Date(ref.Year(), ref.Month(), d, 0, 0, 0, 0, ref.Location())
			if d <= ref.Day() || t.Month() != ref.Month() {
				t = time.Date(ref.Year(), ref.Month()+1, d, 0, 0, 0, 0, ref.Location())
			}
			dm.day = t
			out = append(out, dm)
			pos = max(pos, m[1])
			continue
		}
		if mo < 1 || mo > 12 || d < 1 || d > 31 {
			continue
		}
		if y == 0 {
			y = ref.Year()
			t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, ref.Location())
			// A date without a year more than two months back means next year
			// ("returning 2 January", written on 23 December).
			if t.Before(ref.AddDate(0, -2, 0)) {
				y++
			}
		}
		if y < 1970 || y > 2200 {
			continue
		}
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, ref.Location())
		if t.Day() != d {
			continue // 31 April
		}
		dm.day = t
		out = append(out, dm)
		pos = max(pos, m[1])
	}
	// Weekday names.
	for i := 0; i < len(s); {
		if !isLetter(s[i]) && s[i] < utf8.RuneSelf {
			i++
			continue
		}
		j := i
		for j < len(s) && (isLetter(s[j]) || s[j] >= utf8.RuneSelf) {
			j++
		}
		if wd, ok := weekdayNames[s[i:j]]; ok && (j-i > 4 || shortDayOK(s, i, j)) && !insideMention(out, i) {
			dm := dateMention{start: i, end: j, kind: dkWeekday, weekday: wd}
			diff := (int(wd) - int(ref.Weekday()) + 7) % 7
			if diff == 0 {
				diff = 7
			}
			dm.day = ref.AddDate(0, 0, diff)
			out = append(out, dm)
		}
		i = j
	}
	sort.Slice(out, func(a, b int) bool { return out[a].start < out[b].start })
	return out
}

// shortDayOK accepts an abbreviated weekday ("Fri") only when it is not
// part of something else ("sat down", "wed" in a name): it must be
// followed by a comma, a period, a digit or a month.
func shortDayOK(s string, start, end int) bool {
	w := s[start:end]
	if w == "sun" || w == "sat" || w == "mon" || w == "wed" {
		// Common words or names: need a following date.
		rest := strings.TrimLeft(s[end:], " .,")
		return len(rest) > 0 && (rest[0] >= '0' && rest[0] <= '9')
	}
	rest := s[end:]
	return len(rest) == 0 || rest[0] == ',' || rest[0] == '.' || rest[0] == ' ' && len(rest) > 1 && (rest[1] >= '0' && rest[1] <= '9' || monthNames[firstWord(rest[1:])] != 0)
}

func firstWord(s string) string {
	for i := 0; i < len(s); i++ {
		if !isLetter(s[i]) {
			return s[:i]
		}
	}
	return s
}

// hasDateHint is a cheap test before running the date expression.
func hasDateHint(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return strings.Contains(s, "day") || strings.Contains(s, "di") || strings.Contains(s, "dag") || strings.Contains(s, "tag") || strings.Contains(s, "mon") || strings.Contains(s, "tue") || strings.Contains(s, "wed") || strings.Contains(s, "thu") || strings.Contains(s, "fri") || strings.Contains(s, "sat") || strings.Contains(s, "sun") || strings.Contains(s, "lunes") || strings.Contains(s, "martes") || strings.Contains(s, "jueves") || strings.Contains(s, "viernes") || strings.Contains(s, "sábado") || strings.Contains(s, "sabado") || strings.Contains(s, "domingo") || strings.Contains(s, "coles")
}

// addBusinessDays counts n working days after t, skipping Saturdays and
// Sundays.
func addBusinessDays(t time.Time, n int) time.Time {
	for n > 0 {
		t = t.AddDate(0, 0, 1)
		if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return t
}

// fridayOf returns the Friday of the week (Monday to Sunday) holding t.
func fridayOf(t time.Time) time.Time {
	wd := int(t.Weekday())
	if wd == 0 {
		wd = 7
	}
	return t.AddDate(0, 0, 5-wd)
}

func lastOfMonth(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, t.Location())
}

const dayLayout = "2006-01-02"

func insideMention(ms []dateMention, i int) bool {
	for _, m := range ms {
		if i >= m.start && i < m.end {
			return true
		}
	}
	return false
}

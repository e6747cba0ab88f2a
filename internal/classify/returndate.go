package classify

import (
	"regexp"
	"strings"
	"time"
)

// Words that introduce the day someone is back ("back on", "returning",
// "de retour le", "regreso el", "wieder ab").
var backWords = []string{
	"back", "return", "returning", "returns", "retour", "regreso", "regresaré", "regresare", "vuelta", "volveré",
	"volvere", "zurück", "zuruck", "wieder", "tillbaka", "terug", "reachable", "available", "in the office",
	"in office", "erreichbar", "disponible",
}

// Words that introduce the last day away ("until", "through").
var untilWords = map[string]bool{
	"until": true, "till": true, "til": true, "through": true, "thru": true, "to": true, "-": true, "al": true,
	"au": true, "bis": true, "hasta": true, "jusqu'au": true, "t/m": true, "tom": true, "and": true,
}

// Range end after which the person is back the next day ("March 19-25",
// "du 4 au 15 août", "del 22 de diciembre al 6 de enero").
var dayRangeRE = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th|\.)?\s*(?:-|to|through|thru|until|au|al|bis|–)\s*(\d{1,2})(?:st|nd|rd|th|\.)?(?:\s*(?:de\s+|of\s+)?([a-zéûäå]+))?`)

// ReturnDate returns, for an automatic reply, the first day the writer is
// back, as YYYY-MM-DD, with the phrase that stated it. Dates without a year
// are placed on or after sent, so "returning 2 January" written in
// December is next year's. A range ("out March 19-25", "away from 3 to
// 7 April") ends the day before the return; "until" names the return day.
func ReturnDate(text string, sent time.Time) (day, phrase string) {
	d := prepare("", text)
	return d.returnDate(sent)
}

func (d *doc) returnDate(sent time.Time) (string, string) {
	if sent.IsZero() {
		return "", ""
	}
	ref := midnight(sent)
	type cand struct {
		day    time.Time
		phrase string
		rank   int
	}
	var best *cand
	consider := func(c cand) {
		if c.day.Before(ref) || c.day.After(ref.AddDate(1, 0, 0)) {
			return
		}
		if best == nil || c.rank > best.rank {
			cc := c
			best = &cc
		}
	}
	for k := range d.sents {
		if d.sents[k].subject {
			continue
		}
		s := d.flatSent(k)
		if !hasDateHint(s) && !strings.Contains(s, "tomorrow") {
			continue
		}
		if strings.Contains(s, "tomorrow") && containsAny(s, backWords) {
			consider(cand{ref.AddDate(0, 0, 1), "back tomorrow", 2})
		}
		dates := findDates(s, ref)
		for i, dm := range dates {
			before := s[:dm.start]
			pw := lastWord(before)
			// Skip a leading weekday that only names the day of a date
			// that follows ("Monday, March 17").
			if dm.kind == dkWeekday && i+1 < len(dates) && dates[i+1].kind != dkWeekday && dates[i+1].start-dm.end <= 3 {
				continue
			}
			if i > 0 && dates[i-1].kind == dkWeekday && dm.start-dates[i-1].end <= 3 {
				before = s[:dates[i-1].start]
				pw = lastWord(before)
			}
			// "away until w/c 12 January": the week starts with the day back.
			for _, mk := range []string{"w/c ", "week commencing ", "week beginning ", "the week of "} {
				if t := strings.TrimRight(before, " "); strings.HasSuffix(t+" ", mk) {
					before = strings.TrimSuffix(t+" ", mk)
					pw = lastWord(before)
					break
				}
			}
			if pw == "einschließlich" || pw == "inclusive" || pw == "incl" || pw == "including" {
				pw = lastWord(strings.TrimSuffix(strings.TrimRight(before, " "), pw))
			}
			window := before[max(0, len(before)-40):]
			after := s[dm.end:min(len(s), dm.end+40)]
			if (pw == "dem" || pw == "ab" || strings.HasSuffix(window, "partir du ") || strings.HasSuffix(window, "partir del ") || strings.HasSuffix(window, "partir de ")) && containsAny(after, backWords) {
				consider(cand{dm.day, strings.TrimSpace(s[max(0, dm.start-len(pw)-1):dm.end]), 4})
				continue
			}
			phrase := strings.TrimSpace(s[max(0, dm.start-len(pw)-1):dm.end])
			switch {
			case containsAny(window, backWords) && !untilWords[pw]:
				consider(cand{dm.day, phrase, 4})
			case untilWords[pw] || pw == "-" || strings.HasSuffix(strings.TrimSpace(before), "-"):
				end := dm.day
				// "until" names the day back; a range end or "through"
				// is the last day away.
				inclusive := pw != "until" && pw != "till" && pw != "til" && pw != "bis" && pw != "hasta"
				if strings.Contains(after, "inclus") || strings.Contains(after, "einschlie") || strings.Contains(before[max(0, len(before)-30):], "einschlie") || strings.Contains(after, "included") {
					inclusive = true
				}
				if inclusive {
					end = end.AddDate(0, 0, 1)
				}
				consider(cand{end, phrase, 3})
			}
		}
		// "March 19-25", "du 4 au 15 août"
		for _, m := range dayRangeRE.FindAllStringSubmatchIndex(s, -1) {
			mon := ""
			if m[6] >= 0 {
				mon = s[m[6]:m[7]]
			}
			var month time.Month
			if mo, ok := monthNames[mon]; ok {
				month = mo
			} else {
				// "March 19-25": the month precedes the range.
				pw := lastWord(s[:m[0]])
				mo, ok := monthNames[strings.TrimSuffix(pw, ".")]
				if !ok {
					continue
				}
				month = mo
			}
			endDay := atoi(s[m[4]:m[5]])
			y := ref.Year()
			t := time.Date(y, month, endDay, 0, 0, 0, 0, ref.Location())
			if t.Before(ref.AddDate(0, -2, 0)) {
				t = t.AddDate(1, 0, 0)
			}
			if t.Day() != endDay {
				continue
			}
			consider(cand{t.AddDate(0, 0, 1), strings.TrimSpace(s[m[0]:m[1]]), 3})
		}
	}
	if best == nil {
		return "", ""
	}
	return best.day.Format(dayLayout), best.phrase
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			break
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

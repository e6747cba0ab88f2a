package classify

import (
	"regexp"
	"strings"
	"time"
)

var timeRE = regexp.MustCompile(`^[\s,)]*(?:(?:starting|beginning|starts|begins|time:?)\s+)?(?:at|@|from|à|a las|um|om|kl\.?|-)?\s*(?:(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?\s?m\b\.?|p\.?\s?m\b\.?)|(\d{1,2})[:h](\d{2})\b|(noon|midday)|(\d{1,2})\b)\s*(?:\(?\s*(e[sd]t|et|c[sd]t|ct|m[sd]t|mt|p[sd]t|pt|gmt|bst|utc|cest|cet|ist|aest|aedt|jst|sgt|eastern|central|mountain|pacific|london|uk|paris|berlin)\b)?`)

var zoneNames = map[string]string{
	"est": "America/New_York", "edt": "America/New_York", "et": "America/New_York", "eastern": "America/New_York",
	"cst": "America/Chicago", "cdt": "America/Chicago", "ct": "America/Chicago", "central": "America/Chicago",
	"mst": "America/Denver", "mdt": "America/Denver", "mt": "America/Denver", "mountain": "America/Denver",
	"pst": "America/Los_Angeles", "pdt": "America/Los_Angeles", "pt": "America/Los_Angeles", "pacific": "America/Los_Angeles",
	"gmt": "UTC", "utc": "UTC", "bst": "Europe/London", "london": "Europe/London", "uk": "Europe/London",
	"cet": "Europe/Berlin", "cest": "Europe/Berlin", "paris": "Europe/Paris", "berlin": "Europe/Berlin",
	"ist": "Asia/Kolkata", "aest": "Australia/Sydney", "aedt": "Australia/Sydney", "jst": "Asia/Tokyo", "sgt": "Asia/Singapore",
}

var zoneCache = map[string]*time.Location{}

// Words of a deadline for the candidate rather than a meeting.
var deadlineWords = []string{"expire", "deadline", "no later than", "complete", "submit", "closes", "valid until", "is valid", "access until"}

func init() {
	for k, v := range zoneNames {
		if loc, err := time.LoadLocation(v); err == nil {
			zoneCache[k] = loc
		}
	}
}

// InterviewTime returns the start of the interview that text fixes: a date
// followed by a time ("Tuesday, March 4 at 2:00 PM EST", "tomorrow at 11").
// A time without a zone is read in the zone of sent. It reports false when
// the text names no such time, or several different ones (a choice of
// slots fixes none).
func InterviewTime(text string, sent time.Time) (time.Time, string, bool) {
	d := prepare("", text)
	return d.interviewTime(sent)
}

func (d *doc) interviewTime(sent time.Time) (time.Time, string, bool) {
	if sent.IsZero() {
		return time.Time{}, "", false
	}
	ref := midnight(sent)
	var found time.Time
	var phrase string
	n := 0
	for k := range d.sents {
		s := d.flatSent(k)
		if !hasDateHint(s) && !strings.Contains(s, "tomorrow") {
			continue
		}
		// A deadline is not an appointment: "this invitation expires on
		// 20 February at 23:59", "please submit it by Friday at noon".
		if containsAny(s, deadlineWords) {
			continue
		}
		type dd struct {
			day        time.Time
			start, end int
		}
		var days []dd
		for _, dm := range findDates(s, ref) {
			days = append(days, dd{dm.day, dm.start, dm.end})
		}
		if i := strings.Index(s, "tomorrow"); i >= 0 {
			days = append(days, dd{ref.AddDate(0, 0, 1), i, i + len("tomorrow")})
		}
		for i, x := range days {
			// A weekday directly followed by its date is one mention.
			if i+1 < len(days) && days[i+1].start-x.end <= 3 && days[i+1].start > x.end-1 {
				continue
			}
			t, ph, ok := timeAfter(s[x.end:], x.day, sent.Location())
			if !ok || t.Before(sent.Add(-12*time.Hour)) {
				continue
			}
			if n > 0 && !t.Equal(found) {
				return time.Time{}, "", false
			}
			if n == 0 {
				found = t
				phrase = strings.TrimSpace(s[x.start:x.end] + ph)
			}
			n++
		}
	}
	if n == 0 {
		return time.Time{}, "", false
	}
	return found, phrase, true
}

// timeAfter reads a time of day at the start of s, on day.
func timeAfter(s string, day time.Time, def *time.Location) (time.Time, string, bool) {
	m := timeRE.FindStringSubmatchIndex(s)
	if m == nil {
		return time.Time{}, "", false
	}
	g := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return s[m[2*i]:m[2*i+1]]
	}
	var h, min int
	switch {
	case g(1) != "":
		h = atoi(g(1))
		min = atoi(g(2))
		if h < 1 || h > 12 {
			return time.Time{}, "", false
		}
		pm := strings.HasPrefix(g(3), "p")
		if pm && h != 12 {
			h += 12
		}
		if !pm && h == 12 {
			h = 0
		}
	case g(4) != "":
		h = atoi(g(4))
		min = atoi(g(5))
	case g(6) != "":
		h = 12
	case g(7) != "":
		// A bare hour needs "at": "tomorrow at 11".
		if !strings.Contains(s[:m[2*7]], "at") && !strings.Contains(s[:m[2*7]], "@") {
			return time.Time{}, "", false
		}
		h = atoi(g(7))
		if h >= 1 && h <= 6 {
			h += 12
		}
	}
	if h > 23 || min > 59 {
		return time.Time{}, "", false
	}
	loc := def
	if z := g(8); z != "" {
		if l, ok := zoneCache[z]; ok {
			loc = l
		}
	}
	y, mo, d := day.Date()
	return time.Date(y, mo, d, h, min, 0, 0, loc), s[:m[1]], true
}

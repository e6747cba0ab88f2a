package mailparse

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/emersion/go-ical"
)

// windowsZones maps the Windows time zone names Outlook and Exchange put in
// TZID to IANA names.
var windowsZones = map[string]string{
	"Eastern Standard Time":          "America/New_York",
	"Central Standard Time":          "America/Chicago",
	"Mountain Standard Time":         "America/Denver",
	"US Mountain Standard Time":      "America/Phoenix",
	"Pacific Standard Time":          "America/Los_Angeles",
	"Alaskan Standard Time":          "America/Anchorage",
	"Hawaiian Standard Time":         "Pacific/Honolulu",
	"Atlantic Standard Time":         "America/Halifax",
	"GMT Standard Time":              "Europe/London",
	"Greenwich Standard Time":        "Atlantic/Reykjavik",
	"W. Europe Standard Time":        "Europe/Berlin",
	"Central Europe Standard Time":   "Europe/Budapest",
	"Romance Standard Time":          "Europe/Paris",
	"Central European Standard Time": "Europe/Warsaw",
	"E. Europe Standard Time":        "Europe/Chisinau",
	"FLE Standard Time":              "Europe/Kiev",
	"India Standard Time":            "Asia/Kolkata",
	"China Standard Time":            "Asia/Shanghai",
	"Singapore Standard Time":        "Asia/Singapore",
	"Tokyo Standard Time":            "Asia/Tokyo",
	"AUS Eastern Standard Time":      "Australia/Sydney",
	"New Zealand Standard Time":      "Pacific/Auckland",
	"UTC":                            "UTC",
}

// maxYear bounds calendar dates: an event outside [1970, maxYear] is not a
// real interview and is ignored.
const maxYear = 2200

func loadZone(tzid string, fallback *time.Location) *time.Location {
	tzid = strings.Trim(tzid, `"/`)
	if tzid == "" {
		return fallback
	}
	if name, ok := windowsZones[tzid]; ok {
		tzid = name
	}
	if loc, err := time.LoadLocation(tzid); err == nil {
		return loc
	}
	// Some generators prefix IANA names ("/mozilla.org/20050126_1/Europe/Paris").
	if i := strings.Index(tzid, "/"); i >= 0 {
		parts := strings.Split(tzid, "/")
		if len(parts) >= 2 {
			if loc, err := time.LoadLocation(strings.Join(parts[len(parts)-2:], "/")); err == nil {
				return loc
			}
		}
	}
	return fallback
}

func propTime(p *ical.Prop, fallback *time.Location) (time.Time, error) {
	if p == nil {
		return time.Time{}, errors.New("missing")
	}
	loc := fallback
	if tzid := p.Params.Get(ical.PropTimezoneID); tzid != "" {
		loc = loadZone(tzid, fallback)
		orig := p
		p = &ical.Prop{Name: orig.Name, Value: orig.Value, Params: ical.Params{}}
		for k, v := range orig.Params {
			if k != ical.PropTimezoneID {
				p.Params[k] = v
			}
		}
	}
	t, err := p.DateTime(loc)
	if err != nil {
		return time.Time{}, err
	}
	if t.Year() < 1970 || t.Year() > maxYear {
		return time.Time{}, fmt.Errorf("date %q out of range", p.Value)
	}
	return t, nil
}

// parseCalendar reads the first VEVENT of a text/calendar body. Floating
// times are read in the zone of the message's Date.
func parseCalendar(raw []byte, msgDate time.Time) (ev *Event, err error) {
	// The iCalendar decoder panics on some malformed input; a bad calendar
	// must cost the calendar, not the sync.
	defer func() {
		if r := recover(); r != nil {
			ev, err = nil, fmt.Errorf("malformed calendar: %v", r)
		}
	}()
	fallback := time.UTC
	if !msgDate.IsZero() {
		fallback = msgDate.Location()
	}
	cal, err := ical.NewDecoder(bytes.NewReader(raw)).Decode()
	if err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	ev = &Event{}
	if p := cal.Props.Get(ical.PropMethod); p != nil {
		ev.Method = strings.ToUpper(p.Value)
	}
	events := cal.Events()
	if len(events) == 0 {
		return nil, errors.New("no VEVENT")
	}
	e := events[0]
	start, err := propTime(e.Props.Get(ical.PropDateTimeStart), fallback)
	if err != nil {
		return nil, fmt.Errorf("DTSTART: %w", err)
	}
	ev.Start = start
	if end, err := propTime(e.Props.Get(ical.PropDateTimeEnd), fallback); err == nil && end.After(start) {
		ev.End = end
	} else if p := e.Props.Get(ical.PropDuration); p != nil {
		if d, err := p.Duration(); err == nil && d > 0 && d < 7*24*time.Hour {
			ev.End = start.Add(d)
		}
	}
	text := func(name string) string {
		if p := e.Props.Get(name); p != nil {
			return cleanLine(strings.NewReplacer(`\n`, " ", `\N`, " ", `\,`, ",", `\;`, ";", `\\`, `\`).Replace(p.Value))
		}
		return ""
	}
	ev.UID = text(ical.PropUID)
	ev.Summary = text(ical.PropSummary)
	ev.Location = text(ical.PropLocation)
	ev.Status = strings.ToUpper(text(ical.PropStatus))
	if p := e.Props.Get(ical.PropOrganizer); p != nil {
		ev.Organizer.Addr = strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(p.Value, "mailto:"), "MAILTO:"))
		ev.Organizer.Name = cleanLine(strings.Trim(p.Params.Get(ical.ParamCommonName), `"`))
	}
	return ev, nil
}

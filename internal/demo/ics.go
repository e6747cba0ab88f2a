package demo

import (
	"fmt"
	"strings"
	"time"
)

// event is one VEVENT of an iCalendar invitation.
type event struct {
	uid         string
	prodID      string
	method      string // REQUEST for invitations, PUBLISH for announcements
	summary     string
	description string
	location    string
	start, end  time.Time
	stamp       time.Time
	organizer   person
	attendees   []person // people invited besides the organizer; Me first
}

// ics renders e as an iCalendar object (RFC 5545): CRLF line endings,
// lines folded at 75 octets, times in UTC.
func ics(e event) string {
	var lines []string
	add := func(format string, args ...any) {
		lines = append(lines, fold(fmt.Sprintf(format, args...)))
	}
	add("BEGIN:VCALENDAR")
	add("PRODID:%s", e.prodID)
	add("VERSION:2.0")
	add("CALSCALE:GREGORIAN")
	add("METHOD:%s", e.method)
	add("BEGIN:VEVENT")
	add("UID:%s", e.uid)
	add("DTSTAMP:%s", icsTime(e.stamp))
	add("DTSTART:%s", icsTime(e.start))
	add("DTEND:%s", icsTime(e.end))
	add("SUMMARY:%s", icsText(e.summary))
	add("ORGANIZER;CN=%s:mailto:%s", icsParam(e.organizer.Name), e.organizer.Addr)
	for _, a := range e.attendees {
		state := "PARTSTAT=ACCEPTED"
		if a.Addr == Me.Address {
			state = "PARTSTAT=NEEDS-ACTION;RSVP=TRUE"
		}
		add("ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;%s;CN=%s:mailto:%s", state, icsParam(a.Name), a.Addr)
	}
	if e.location != "" {
		add("LOCATION:%s", icsText(e.location))
	}
	if e.description != "" {
		add("DESCRIPTION:%s", icsText(e.description))
	}
	add("STATUS:CONFIRMED")
	add("SEQUENCE:0")
	add("TRANSP:OPAQUE")
	add("END:VEVENT")
	add("END:VCALENDAR")
	return strings.Join(lines, "\r\n") + "\r\n"
}

// calendarPart is the text/calendar alternative carrying e.
func calendarPart(e event) part {
	ct := "text/calendar; charset=UTF-8; method=" + e.method
	return part{contentType: ct, encoding: "7bit", body: ics(e)}
}

func icsTime(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// icsText escapes a TEXT value.
func icsText(s string) string {
	r := strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`)
	return r.Replace(s)
}

// icsParam quotes a parameter value when it holds a delimiter.
func icsParam(s string) string {
	if strings.ContainsAny(s, ":;,") {
		return `"` + s + `"`
	}
	return s
}

// fold splits a content line into 75-octet pieces, never inside a
// UTF-8 sequence; continuation lines start with a space.
func fold(line string) string {
	var sb strings.Builder
	limit := 75
	for len(line) > limit {
		cut := limit
		for cut > 0 && line[cut]&0xC0 == 0x80 {
			cut--
		}
		sb.WriteString(line[:cut])
		sb.WriteString("\r\n ")
		line = line[cut:]
		limit = 74 // the leading space counts
	}
	sb.WriteString(line)
	return sb.String()
}

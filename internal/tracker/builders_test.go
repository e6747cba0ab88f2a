package tracker_test

import (
	"fmt"
	"strings"
	"time"
)

// The scenarios take place in New York: every clock reading, due time and
// message date below is New York wall-clock time.
var newYork = func() *time.Location {
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		panic(err)
	}
	return loc
}()

// on reads "2026-03-03 14:00" as New York wall-clock time.
func on(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, newYork)
	if err != nil {
		panic(err)
	}
	return t
}

// person is someone who writes or is written to.
type person struct{ name, addr string }

func (p person) header() string {
	if p.name == "" {
		return p.addr
	}
	if strings.ContainsAny(p.name, `()<>[]:;@\,."`) {
		return `"` + p.name + `" <` + p.addr + ">"
	}
	return p.name + " <" + p.addr + ">"
}

// sam is the job seeker whose mailbox the scenarios read.
var sam = person{"Sam Rivera", me}

// letter is one message of a scenario's mailbox: in INBOX, or in the Sent
// folder when Sam wrote it, stored on the server with its own date.
type letter struct {
	sent bool
	date time.Time
	id   string   // Message-ID, without angle brackets
	refs []string // the thread it continues, oldest first
	raw  []byte
}

// msg is a plain-text message; letter renders it.
type msg struct {
	from, to person
	cc       []person
	replyTo  *person
	at       time.Time
	id       string
	subject  string
	re       *letter // the message this one answers, if any
	body     string
	headers  []string // more header lines, e.g. "Auto-Submitted: auto-replied"
}

// header renders the header block shared by every kind of message.
func (m msg) header() (string, []string) {
	var h strings.Builder
	fmt.Fprintf(&h, "From: %s\r\nTo: %s\r\n", m.from.header(), m.to.header())
	if len(m.cc) > 0 {
		var cc []string
		for _, p := range m.cc {
			cc = append(cc, p.header())
		}
		fmt.Fprintf(&h, "Cc: %s\r\n", strings.Join(cc, ", "))
	}
	if m.replyTo != nil {
		fmt.Fprintf(&h, "Reply-To: %s\r\n", m.replyTo.header())
	}
	fmt.Fprintf(&h, "Subject: %s\r\nDate: %s\r\nMessage-ID: <%s>\r\n", m.subject, rfc(m.at), m.id)
	var refs []string
	if m.re != nil {
		refs = append(append(refs, m.re.refs...), m.re.id)
		var b []string
		for _, r := range refs {
			b = append(b, "<"+r+">")
		}
		fmt.Fprintf(&h, "In-Reply-To: <%s>\r\nReferences: %s\r\n", m.re.id, strings.Join(b, " "))
	}
	for _, x := range m.headers {
		h.WriteString(x + "\r\n")
	}
	h.WriteString("MIME-Version: 1.0\r\n")
	return h.String(), refs
}

func (m msg) letter() letter {
	h, refs := m.header()
	raw := h + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + crlfText(m.body)
	return letter{sent: m.from.addr == sam.addr, date: m.at, id: m.id, refs: refs, raw: []byte(raw)}
}

func crlfText(s string) string {
	s = strings.TrimPrefix(s, "\n")
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return strings.ReplaceAll(s, "\n", "\r\n")
}

// invite is an interview invitation as calendar software sends it: the
// organiser's words, then the event itself with its time zone.
type invite struct {
	msg
	start, end time.Time // end zero: the event states no end
	title      string
	where      string
}

func (iv invite) letter() letter {
	h, refs := iv.header()
	const zone = `BEGIN:VTIMEZONE
TZID:America/New_York
X-LIC-LOCATION:America/New_York
BEGIN:DAYLIGHT
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
TZNAME:EDT
DTSTART:19700308T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
TZNAME:EST
DTSTART:19701101T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
END:STANDARD
END:VTIMEZONE
`
	local := func(t time.Time) string { return t.In(newYork).Format("20060102T150405") }
	var cal strings.Builder
	cal.WriteString("BEGIN:VCALENDAR\nPRODID:-//Example Calendar//Scheduling 4.2//EN\nVERSION:2.0\nCALSCALE:GREGORIAN\nMETHOD:REQUEST\n")
	cal.WriteString(zone)
	cal.WriteString("BEGIN:VEVENT\n")
	fmt.Fprintf(&cal, "DTSTART;TZID=America/New_York:%s\n", local(iv.start))
	if !iv.end.IsZero() {
		fmt.Fprintf(&cal, "DTEND;TZID=America/New_York:%s\n", local(iv.end))
	}
	fmt.Fprintf(&cal, "DTSTAMP:%s\n", ics(iv.at))
	organizer := iv.from
	if iv.replyTo != nil {
		organizer = *iv.replyTo
	}
	fmt.Fprintf(&cal, "ORGANIZER;CN=%s:mailto:%s\n", organizer.name, organizer.addr)
	fmt.Fprintf(&cal, "UID:%s\n", strings.ReplaceAll(iv.id, "@", "-cal@"))
	fmt.Fprintf(&cal, "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=%s:mailto:%s\n", sam.name, sam.addr)
	fmt.Fprintf(&cal, "SUMMARY:%s\n", iv.title)
	if iv.where != "" {
		fmt.Fprintf(&cal, "LOCATION:%s\n", iv.where)
	}
	cal.WriteString("STATUS:CONFIRMED\nSEQUENCE:0\nEND:VEVENT\nEND:VCALENDAR\n")
	raw := h + "Content-Type: multipart/mixed; boundary=\"=_part_7c1f\"\r\n\r\n" +
		"--=_part_7c1f\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + crlfText(iv.body) +
		"\r\n--=_part_7c1f\r\nContent-Type: text/calendar; charset=utf-8; method=REQUEST\r\n\r\n" + crlfText(cal.String()) +
		"\r\n--=_part_7c1f\r\nContent-Type: application/ics; name=\"invite.ics\"\r\nContent-Disposition: attachment; filename=\"invite.ics\"\r\n\r\n" + crlfText(cal.String()) +
		"\r\n--=_part_7c1f--\r\n"
	return letter{sent: false, date: iv.at, id: iv.id, refs: refs, raw: []byte(raw)}
}

// outOfOffice are the headers an automatic reply carries.
var outOfOffice = []string{"Auto-Submitted: auto-replied", "X-Auto-Response-Suppress: All", "X-Autoreply: yes", "Precedence: auto_reply"}

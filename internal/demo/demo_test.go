package demo

import (
	"bytes"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"
	_ "github.com/emersion/go-message/charset"
	"github.com/emersion/go-message/mail"
)

var testNow = time.Date(2026, time.March, 12, 15, 20, 0, 0, time.FixedZone("EST", -5*60*60))

// parsed is one sample message as a mail client sees it.
type parsed struct {
	Message
	header mail.Header
	id     string
	leaves []leaf
}

type leaf struct {
	contentType string
	params      map[string]string
	encoding    string
	filename    string
	body        []byte // decoded
}

func (p parsed) text() string {
	var b strings.Builder
	for _, l := range p.leaves {
		if strings.HasPrefix(l.contentType, "text/") {
			b.Write(l.body)
		}
	}
	return b.String()
}

func parse(t *testing.T, m Message) parsed {
	t.Helper()
	r, err := mail.CreateReader(bytes.NewReader(m.Raw))
	if err != nil {
		t.Fatalf("%s: %v", firstLines(m.Raw), err)
	}
	p := parsed{Message: m, header: r.Header}
	if p.id, err = r.Header.MessageID(); err != nil {
		t.Fatalf("%s: Message-ID: %v", firstLines(m.Raw), err)
	}
	for {
		part, err := r.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", p.id, err)
		}
		body, err := io.ReadAll(part.Body)
		if err != nil {
			t.Fatalf("%s: reading part: %v", p.id, err)
		}
		l := leaf{body: body}
		switch h := part.Header.(type) {
		case *mail.InlineHeader:
			l.contentType, l.params, err = h.ContentType()
			l.encoding = h.Get("Content-Transfer-Encoding")
		case *mail.AttachmentHeader:
			l.contentType, l.params, err = h.ContentType()
			l.encoding = h.Get("Content-Transfer-Encoding")
			l.filename, _ = h.Filename()
		}
		if err != nil {
			t.Fatalf("%s: Content-Type: %v", p.id, err)
		}
		p.leaves = append(p.leaves, l)
	}
	r.Close()
	return p
}

func parseAll(t *testing.T, now time.Time) []parsed {
	t.Helper()
	var out []parsed
	for _, m := range Mailbox(now) {
		out = append(out, parse(t, m))
	}
	return out
}

func firstLines(raw []byte) string {
	lines := strings.SplitN(string(raw), "\r\n", 6)
	return strings.Join(lines[:min(5, len(lines))], " | ")
}

func TestMessagesAreWellFormed(t *testing.T) {
	msgs := Mailbox(testNow)
	if len(msgs) < 55 {
		t.Errorf("%d messages, want at least 55", len(msgs))
	}
	boxes := map[string]int{}
	for i, m := range msgs {
		boxes[m.Mailbox]++
		if m.Mailbox != "INBOX" && m.Mailbox != "Sent" {
			t.Errorf("message %d in mailbox %q", i, m.Mailbox)
		}
		if i > 0 && m.Date.Before(msgs[i-1].Date) {
			t.Errorf("message %d is dated before the one ahead of it", i)
		}
		if bytes.Contains(bytes.ReplaceAll(m.Raw, []byte("\r\n"), nil), []byte("\n")) ||
			bytes.Contains(bytes.ReplaceAll(m.Raw, []byte("\r\n"), nil), []byte("\r")) {
			t.Errorf("%s: bare LF or CR", firstLines(m.Raw))
		}
		for _, line := range bytes.Split(m.Raw, []byte("\r\n")) {
			if len(line) > 998 {
				t.Errorf("%s: line of %d octets", firstLines(m.Raw), len(line))
			}
		}
		headerEnd := bytes.Index(m.Raw, []byte("\r\n\r\n"))
		for _, name := range []string{"Date", "From", "To", "Subject", "Message-ID", "MIME-Version", "Content-Type"} {
			if !regexp.MustCompile(`(?m)^` + name + `: \S`).Match(m.Raw[:headerEnd]) {
				t.Errorf("%s: no %s header", firstLines(m.Raw), name)
			}
		}
	}
	if boxes["INBOX"] == 0 || boxes["Sent"] == 0 {
		t.Errorf("mailboxes used: %v, want both INBOX and Sent", boxes)
	}
}

func TestHeadersAndThreads(t *testing.T) {
	msgs := parseAll(t, testNow)
	ids := map[string]parsed{}
	for _, m := range msgs {
		if _, dup := ids[m.id]; dup {
			t.Errorf("duplicate Message-ID %s", m.id)
		}
		ids[m.id] = m
	}
	for _, m := range msgs {
		date, err := m.header.Date()
		if err != nil {
			t.Errorf("%s: Date: %v", m.id, err)
		}
		if !date.Equal(m.Date) {
			t.Errorf("%s: Date header %v, Message.Date %v", m.id, date, m.Date)
		}
		if _, off := date.Zone(); off != -5*60*60 {
			t.Errorf("%s: Date header zone offset %d, want that of now", m.id, off)
		}
		if date.After(testNow) || date.Before(testNow.AddDate(0, 0, -60)) {
			t.Errorf("%s: dated %v, outside the 60 days before %v", m.id, date, testNow)
		}
		if ct, _, err := m.header.ContentType(); err != nil || ct == "" {
			t.Errorf("%s: Content-Type %q: %v", m.id, ct, err)
		}

		from, err := m.header.AddressList("From")
		if err != nil || len(from) != 1 {
			t.Fatalf("%s: From %v: %v", m.id, from, err)
		}
		to, err := m.header.AddressList("To")
		if err != nil || len(to) == 0 {
			t.Errorf("%s: To %v: %v", m.id, to, err)
		}
		if mine := from[0].Address == Me.Address; mine != (m.Mailbox == "Sent") {
			t.Errorf("%s: From %s in %s", m.id, from[0].Address, m.Mailbox)
		}
		if m.Mailbox == "INBOX" && (len(to) == 0 || to[0].Address != Me.Address) {
			t.Errorf("%s: INBOX message not addressed to %s", m.id, Me.Address)
		}

		parents, err := m.header.MsgIDList("In-Reply-To")
		if err != nil {
			t.Errorf("%s: In-Reply-To: %v", m.id, err)
		}
		refs, err := m.header.MsgIDList("References")
		if err != nil {
			t.Errorf("%s: References: %v", m.id, err)
		}
		for _, id := range append(parents, refs...) {
			if _, ok := ids[id]; !ok {
				t.Errorf("%s refers to %s, which is not in the sample", m.id, id)
			}
		}
		if len(parents) > 0 {
			if len(refs) == 0 || refs[len(refs)-1] != parents[0] {
				t.Errorf("%s: References %v do not end with In-Reply-To %v", m.id, refs, parents)
			}
			if p := ids[parents[0]]; !p.Date.Before(m.Date) {
				t.Errorf("%s answers %s, which is not older", m.id, p.id)
			}
		}
		if m.Mailbox == "Sent" && len(parents) == 0 && !strings.Contains(m.header.Get("Subject"), "reference") {
			t.Errorf("%s: Sent message %q answers nothing", m.id, m.header.Get("Subject"))
		}
	}
}

// relays send for many companies; the company is in the display name.
var relays = map[string]bool{
	"us.greenhouse-mail.io": true, "hire.lever.co": true, "ashbyhq.com": true, "myworkday.com": true,
}

// notEmployers are the senders of the background mail.
var notEmployers = map[string]bool{
	"linkedin.com": true, "indeed.com": true, "backendbriefing.example": true, "talentbridge.example": true,
	"mailbox.example": true, "postbox.example": true, "riverbend.example": true, "parcelway.example": true,
	"gophers.example": true,
}

func TestApplications(t *testing.T) {
	msgs := parseAll(t, testNow)
	// heard counts, per company of the table, the INBOX messages that
	// come from it: from its own .example domain, or through a relay with
	// the company named in the display name or the Reply-To address.
	heard := map[string]int{}
	for _, m := range msgs {
		if m.Mailbox != "INBOX" {
			continue
		}
		from, _ := m.header.AddressList("From")
		replyTo, _ := m.header.AddressList("Reply-To")
		domain := func(a *mail.Address) string { return a.Address[strings.LastIndexByte(a.Address, '@')+1:] }
		sender := domain(from[0])
		if notEmployers[sender] {
			continue
		}
		if !relays[sender] && !strings.HasSuffix(sender, ".example") {
			t.Errorf("%s: employer domain %s is neither a .example domain nor a known relay", m.id, sender)
		}
		var matched []string
		for _, a := range applications {
			ownDomain := a.recruiter.domain() // "" for a company known only through its ATS
			switch {
			case sender == ownDomain && !relays[sender]:
			case relays[sender] && strings.HasPrefix(from[0].Name, a.name):
			case relays[sender] && len(replyTo) > 0 && domain(replyTo[0]) == ownDomain:
			default:
				continue
			}
			matched = append(matched, a.name)
		}
		if len(matched) != 1 {
			t.Errorf("%s from %s: attributable to %v, want exactly one company", m.id, from[0], matched)
			continue
		}
		heard[matched[0]]++
	}
	if len(applications) < 10 || len(heard) < 10 {
		t.Errorf("%d applications, %d companies wrote; want at least 10 of each", len(applications), len(heard))
	}
	var viaGreenhouse int
	for _, a := range applications {
		if heard[a.name] == 0 {
			t.Errorf("no message from %s", a.name)
		}
		if a.relay == greenhouse {
			viaGreenhouse++
		}
	}
	if viaGreenhouse < 2 {
		t.Errorf("%d companies behind greenhouse, want two sharing the relay", viaGreenhouse)
	}
}

func TestSituations(t *testing.T) {
	msgs := parseAll(t, testNow)
	has := func(what string, ok func(parsed) bool) {
		t.Helper()
		for _, m := range msgs {
			if ok(m) {
				return
			}
		}
		t.Errorf("no message %s", what)
	}
	has("with an out-of-office reply", func(m parsed) bool {
		return m.header.Get("Auto-Submitted") == "auto-replied" && m.header.Get("In-Reply-To") != "" &&
			strings.Contains(m.text(), "back on "+testNow.AddDate(0, 0, 4).Format("Monday, January 2"))
	})
	has("with a decision date three days out", func(m parsed) bool {
		return strings.Contains(m.text(), "decision by "+testNow.AddDate(0, 0, 3).Format("Monday, January 2"))
	})
	has("asking not to be contacted about the status", func(m parsed) bool {
		return strings.Contains(m.text(), "please do not contact us regarding the status of your application")
	})
	has("with a PDF offer letter", func(m parsed) bool {
		for _, l := range m.leaves {
			if l.contentType == "application/pdf" && strings.HasSuffix(l.filename, ".pdf") {
				checkPDF(t, l.body)
				return strings.Contains(m.header.Get("Subject"), "offer")
			}
		}
		return false
	})
	has("declining after an interview", func(m parsed) bool {
		return strings.Contains(m.text(), "decided to move forward with another candidate")
	})
	has("from a mailing list", func(m parsed) bool {
		return m.header.Get("List-Id") != "" && m.header.Get("List-Unsubscribe") != ""
	})
	has("with a sender name in ISO-8859-1", func(m parsed) bool {
		from, _ := m.header.AddressList("From")
		return strings.Contains(m.header.Get("From"), "=?ISO-8859-1?") && from[0].Name == "Renée Gauthier" &&
			strings.Contains(m.text(), "Montréal")
	})
	for _, enc := range []string{"quoted-printable", "base64", "7bit"} {
		has("with a "+enc+" part", func(m parsed) bool {
			for _, l := range m.leaves {
				if strings.EqualFold(l.encoding, enc) {
					return true
				}
			}
			return false
		})
	}
	has("with an HTML alternative", func(m parsed) bool {
		ct, _, _ := m.header.ContentType()
		return ct == "multipart/alternative" && len(m.leaves) > 1 && m.leaves[1].contentType == "text/html"
	})
	has("thanking for an interview", func(m parsed) bool {
		return m.Mailbox == "Sent" && strings.HasPrefix(m.header.Get("Subject"), "Thank you - ") && m.header.Get("In-Reply-To") != ""
	})
}

// checkPDF makes sure the cross-reference table points at the objects.
func checkPDF(t *testing.T, b []byte) {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("%PDF-1.")) || !bytes.HasSuffix(b, []byte("%%EOF\n")) {
		t.Fatalf("not a PDF file")
	}
	m := regexp.MustCompile(`startxref\n(\d+)\n`).FindSubmatch(b)
	if m == nil {
		t.Fatal("PDF without startxref")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if !bytes.HasPrefix(b[xref:], []byte("xref\n")) {
		t.Fatalf("startxref %d does not point at the xref table", xref)
	}
	entries := regexp.MustCompile(`(\d{10}) 00000 n `).FindAllSubmatch(b[xref:], -1)
	for i, e := range entries {
		off, _ := strconv.Atoi(string(e[1]))
		if want := fmt.Sprintf("%d 0 obj", i+1); !bytes.HasPrefix(b[off:], []byte(want)) {
			t.Errorf("xref entry %d points at %q", i+1, b[off:off+10])
		}
	}
}

func TestCalendarParts(t *testing.T) {
	var invitations int
	endedHoursAgo := false
	for _, m := range parseAll(t, testNow) {
		for _, l := range m.leaves {
			if l.contentType != "text/calendar" {
				continue
			}
			cal, err := ical.NewDecoder(bytes.NewReader(l.body)).Decode()
			if err != nil {
				t.Errorf("%s: %v", m.id, err)
				continue
			}
			if err := ical.NewEncoder(io.Discard).Encode(cal); err != nil {
				t.Errorf("%s: invalid calendar: %v", m.id, err)
			}
			method, _ := cal.Props.Text(ical.PropMethod)
			if method != l.params["method"] {
				t.Errorf("%s: METHOD %s, Content-Type method %s", m.id, method, l.params["method"])
			}
			events := cal.Events()
			if len(events) != 1 {
				t.Errorf("%s: %d events", m.id, len(events))
				continue
			}
			ev := events[0]
			start, err1 := ev.DateTimeStart(time.UTC)
			end, err2 := ev.DateTimeEnd(time.UTC)
			if err1 != nil || err2 != nil || !start.Before(end) {
				t.Errorf("%s: DTSTART %v, DTEND %v (%v, %v)", m.id, start, end, err1, err2)
			}
			org := ev.Props.Get(ical.PropOrganizer)
			if org == nil || org.Params.Get(ical.ParamCommonName) == "" || !strings.HasPrefix(org.Value, "mailto:") {
				t.Errorf("%s: ORGANIZER %v", m.id, org)
			}
			if method != "REQUEST" {
				continue
			}
			invitations++
			if !strings.Contains(m.text(), start.In(testNow.Location()).Format("Monday, January 2 at 3:04 PM")) {
				t.Errorf("%s: the text does not give the interview time %v", m.id, start)
			}
			if ago := testNow.Sub(end); ago >= 3*time.Hour && ago < 3*time.Hour+15*time.Minute {
				endedHoursAgo = true
			}
		}
	}
	if invitations < 8 {
		t.Errorf("%d interview invitations, want at least 8", invitations)
	}
	if !endedHoursAgo {
		t.Error("no interview ended about three hours ago")
	}
}

func TestRelativeToNow(t *testing.T) {
	later := testNow.AddDate(0, 0, 17)
	a, b := Mailbox(testNow), Mailbox(later)
	if len(a) != len(b) {
		t.Fatalf("%d messages, then %d", len(a), len(b))
	}
	dates := map[string]time.Time{}
	for _, m := range a {
		dates[parse(t, m).id] = m.Date
	}
	for _, m := range b {
		id := parse(t, m).id
		if got := m.Date.Sub(dates[id]); got != later.Sub(testNow) {
			t.Errorf("%s moved by %v, want %v", id, got, later.Sub(testNow))
		}
	}

	tokyo := time.FixedZone("JST", 9*60*60)
	for _, m := range Mailbox(testNow.In(tokyo)) {
		p := parse(t, m)
		date, _ := p.header.Date()
		if _, off := date.Zone(); off != 9*60*60 || m.Date.Location() != tokyo {
			t.Errorf("Date %v not in the zone of now", date)
		}
	}

	if !reflect.DeepEqual(Mailbox(testNow), a) {
		t.Error("two mailboxes built for the same now differ")
	}
}

func TestNothingInTheFuture(t *testing.T) {
	// Whatever the time of day, nothing is dated in the future.
	for hour := 0; hour < 24; hour++ {
		now := time.Date(2026, time.July, 5, hour, 7, 0, 0, time.UTC)
		for _, m := range Mailbox(now) {
			if m.Date.After(now) {
				t.Errorf("now %v: message dated %v: %s", now, m.Date, firstLines(m.Raw))
			}
		}
	}
}

package mailparse

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

func crlf(s string) []byte { return []byte(strings.ReplaceAll(s, "\n", "\r\n")) }

func mustParse(t *testing.T, raw []byte) *Message {
	t.Helper()
	m, err := ParseBytes(raw, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestHeadersAndEncodings(t *testing.T) {
	raw := crlf(`From: =?UTF-8?Q?Ren=C3=A9e_Gauthier?= <Renee@Orbit.Example>
To: Sam <sam@example.com>, other@example.com
Reply-To: "Talent Team" <talent@orbit.example>
Subject: =?UTF-8?B?WW91ciBhcHBsaWNhdGlvbiDigJMgRGF0YSBBbmFseXN0?=
Date: Tue, 3 Mar 2026 10:15:00 -0500
Message-ID: <abc.123@orbit.example>
In-Reply-To: <x1@example.com>
References: <x0@example.com> <x1@example.com>
Auto-Submitted: auto-replied
List-Unsubscribe: <mailto:u@orbit.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=iso-8859-1
Content-Transfer-Encoding: quoted-printable

Merci Ren=E9e, =E0 bient=F4t.
`)
	m := mustParse(t, raw)
	if m.From.Name != "Renée Gauthier" || m.From.Addr != "renee@orbit.example" {
		t.Errorf("from %+v", m.From)
	}
	if m.Subject != "Your application – Data Analyst" {
		t.Errorf("subject %q", m.Subject)
	}
	if m.MessageID != "abc.123@orbit.example" || len(m.References) != 2 || m.InReplyTo[0] != "x1@example.com" {
		t.Errorf("threading: id %q refs %v irt %v", m.MessageID, m.References, m.InReplyTo)
	}
	if _, off := m.Date.Zone(); off != -5*3600 {
		t.Errorf("date lost its zone: %v", m.Date)
	}
	if m.Text != "Merci Renée, à bientôt." {
		t.Errorf("text %q", m.Text)
	}
	if m.AutoSubmitted != "auto-replied" || m.ListUnsubscribe == "" || len(m.To) != 2 || m.ReplyTo[0].Addr != "talent@orbit.example" {
		t.Errorf("headers: %+v", m)
	}
}

func TestAlternativePrefersPlainAndReadsHTMLOtherwise(t *testing.T) {
	alt := crlf(`From: a@b.example
Subject: s
Content-Type: multipart/alternative; boundary=XX

--XX
Content-Type: text/plain; charset=utf-8

Plain words here.
--XX
Content-Type: text/html; charset=utf-8

<p>HTML words</p>
--XX--
`)
	if m := mustParse(t, alt); m.Text != "Plain words here." || m.FromHTML {
		t.Errorf("alternative: text %q fromHTML %v", m.Text, m.FromHTML)
	}
	html := crlf(`From: a@b.example
Subject: s
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: base64

` + base64.StdEncoding.EncodeToString([]byte(`<html><head><style>p{color:red}</style><script>x()</script></head>
<body><table><tr><td>Dear Sam,</td></tr><tr><td><p>We&rsquo;d like to <b>invite</b> you.</p></td></tr></table>
<div class="gmail_quote">On Mon wrote:<blockquote>old text</blockquote></div></body></html>`)) + `
`)
	m := mustParse(t, html)
	if !m.FromHTML || !strings.Contains(m.Text, "Dear Sam,") || !strings.Contains(m.Text, "We’d like to invite you.") {
		t.Errorf("html text %q", m.Text)
	}
	if strings.Contains(m.Text, "color:red") || strings.Contains(m.Text, "x()") || strings.Contains(m.Text, "old text") {
		t.Errorf("style, script or quote leaked into text: %q", m.Text)
	}
	if !strings.Contains(m.Quoted, "old text") {
		t.Errorf("quoted part %q", m.Quoted)
	}
}

func TestSplitReply(t *testing.T) {
	own, quoted, sig := SplitReply("Thanks, Tuesday works.\n\n-- \nDana Kim\nRecruiter\n\nOn Mon, Mar 2, 2026 at 9:00 AM Sam Rivera <sam@example.com>\nwrote:\n> Could we do an interview on Tuesday?\n> Best")
	if own != "Thanks, Tuesday works." {
		t.Errorf("own %q", own)
	}
	if !strings.Contains(quoted, "interview on Tuesday") {
		t.Errorf("quoted %q", quoted)
	}
	if !strings.HasPrefix(sig, "Dana Kim") {
		t.Errorf("signature %q", sig)
	}
	own, quoted, _ = SplitReply("Sounds good.\n\nFrom: Sam Rivera\nSent: Monday\nTo: Dana\nSubject: Offer\n\nI accept the offer.")
	if own != "Sounds good." || !strings.Contains(quoted, "accept the offer") {
		t.Errorf("outlook quote: own %q quoted %q", own, quoted)
	}
}

func TestCalendar(t *testing.T) {
	raw := crlf(`From: a@b.example
Subject: Invitation: Interview
Date: Mon, 2 Mar 2026 09:00:00 +0000
Content-Type: multipart/mixed; boundary=B

--B
Content-Type: text/plain

Join us.
--B
Content-Type: text/calendar; method=REQUEST; charset=utf-8

BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example//EN
METHOD:REQUEST
BEGIN:VEVENT
UID:ev1@example
DTSTAMP:20260302T090000Z
DTSTART;TZID=Eastern Standard Time:20260304T140000
DTEND;TZID=Eastern Standard Time:20260304T144500
SUMMARY:Interview: Data Analyst
ORGANIZER;CN="Dana Kim":mailto:Dana@Acme.example
END:VEVENT
END:VCALENDAR
--B--
`)
	m := mustParse(t, raw)
	if m.Calendar == nil {
		t.Fatalf("no calendar; problems %v", m.Problems)
	}
	want := time.Date(2026, 3, 4, 19, 0, 0, 0, time.UTC)
	if !m.Calendar.Start.Equal(want) || m.Calendar.End.Sub(m.Calendar.Start) != 45*time.Minute {
		t.Errorf("start %v end %v", m.Calendar.Start, m.Calendar.End)
	}
	if m.Calendar.Organizer.Name != "Dana Kim" || m.Calendar.Organizer.Addr != "dana@acme.example" || m.Calendar.Method != "REQUEST" {
		t.Errorf("event %+v", m.Calendar)
	}
}

func TestFromParts(t *testing.T) {
	hdr := []byte("From: r@acme.example\r\nSubject: Hello\r\nMessage-ID: <p@x>\r\n")
	m, err := FromParts(hdr, []Part{
		{MediaType: "text/plain", Params: map[string]string{"charset": "iso-8859-1"}, Encoding: "quoted-printable", Body: []byte("Caf=E9 at 3pm?")},
		{MediaType: "application/pdf", Filename: "offer.pdf", Size: 40000},
	}, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if m.Text != "Café at 3pm?" || len(m.Attachments) != 1 || m.Attachments[0].Filename != "offer.pdf" || m.MessageID != "p@x" {
		t.Errorf("got text %q attachments %+v id %q", m.Text, m.Attachments, m.MessageID)
	}
}

func TestNotAMessage(t *testing.T) {
	if _, err := ParseBytes([]byte("\r\n\r\njust text"), Limits{}); err == nil {
		t.Error("text without a header parsed as a message")
	}
	huge := "From: a@b.example\r\nX-Huge: " + strings.Repeat("h", 3<<20) + "\r\n\r\nbody"
	if _, err := ParseBytes([]byte(huge), Limits{}); err == nil || !strings.Contains(err.Error(), "header") {
		t.Errorf("a 3 MB header block: got %v, want an error naming the header", err)
	}
}

// allocDuring measures bytes allocated by f.
func allocDuring(f func()) uint64 {
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	f()
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}

// Hostile and broken input: each is parsed in bounded memory, the problem
// is recorded, and what can be read is read.
func TestHostileInput(t *testing.T) {
	big := func(n int, unit string) string { return strings.Repeat(unit, n/len(unit)) }
	nested := func(depth int) []byte {
		var b bytes.Buffer
		b.WriteString("From: a@b.example\r\nSubject: deep\r\n")
		for i := range depth {
			fmt.Fprintf(&b, "Content-Type: multipart/mixed; boundary=b%d\r\n\r\n--b%d\r\n", i, i)
		}
		b.WriteString("Content-Type: text/plain\r\n\r\ninnermost\r\n")
		for i := depth - 1; i >= 0; i-- {
			fmt.Fprintf(&b, "--b%d--\r\n", i)
		}
		return b.Bytes()
	}
	cases := []struct {
		name     string
		raw      []byte
		maxAlloc uint64
		check    func(t *testing.T, m *Message)
	}{
		{"50 MB attachment", []byte("From: a@b.example\r\nSubject: big\r\nContent-Type: multipart/mixed; boundary=Z\r\n\r\n--Z\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n--Z\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
			big(50<<20, "QUJDRA==\r\n") + "--Z--\r\n"), 16 << 20, func(t *testing.T, m *Message) {
			if m.Text != "see attached" || len(m.Attachments) != 1 {
				t.Errorf("text %q attachments %d", m.Text, len(m.Attachments))
			}
		}},
		{"multipart nested 1000 deep", nested(1000), 32 << 20, func(t *testing.T, m *Message) {
			if len(m.Problems) == 0 {
				t.Error("no problem recorded for absurd nesting")
			}
		}},
		{"unknown charset", []byte("From: a@b.example\r\nSubject: x\r\nContent-Type: text/plain; charset=x-made-up\r\n\r\nhello there\r\n"), 1 << 20, func(t *testing.T, m *Message) {
			if !strings.Contains(m.Text, "hello there") {
				t.Errorf("text %q", m.Text)
			}
		}},
		{"lying charset", []byte("From: a@b.example\r\nSubject: x\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nbad \xff\xfe bytes\r\n"), 1 << 20, func(t *testing.T, m *Message) {
			if !strings.Contains(m.Text, "bytes") {
				t.Errorf("text %q", m.Text)
			}
		}},
		{"NUL bytes", []byte("From: a@b.example\r\nSubject: nul\x00here\r\n\r\nbody\x00with\x00nuls\r\n"), 1 << 20, func(t *testing.T, m *Message) {
			if strings.ContainsRune(m.Text, 0) || strings.ContainsRune(m.Subject, 0) {
				t.Errorf("NUL kept: %q %q", m.Subject, m.Text)
			}
		}},
		{"1 MB header line", []byte("From: a@b.example\r\nX-Long: " + big(1<<20, "a") + "\r\nSubject: s\r\n\r\nbody\r\n"), 8 << 20, func(t *testing.T, m *Message) {}},
		{"base64 bomb in a text part", []byte("From: a@b.example\r\nSubject: bomb\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n" + big(20<<20, "QUFBQUFBQUFBQUFB\r\n")), 16 << 20, func(t *testing.T, m *Message) {
			if len(m.Text) > 128<<10 || len(m.Problems) == 0 {
				t.Errorf("text of %d bytes, problems %v", len(m.Text), m.Problems)
			}
		}},
		{"calendar in year 99999", []byte("From: a@b.example\r\nSubject: cal\r\nContent-Type: text/calendar\r\n\r\nBEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:999991231T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"), 1 << 20, func(t *testing.T, m *Message) {
			if m.Calendar != nil {
				t.Errorf("absurd calendar accepted: %+v", m.Calendar)
			}
		}},
		{"5 MB deeply nested HTML", []byte("From: a@b.example\r\nSubject: html\r\nContent-Type: text/html\r\n\r\n" + big(5<<20, "<div><span>x")), 64 << 20, func(t *testing.T, m *Message) {
			if len(m.Text) > 128<<10 {
				t.Errorf("text of %d bytes exceeds the limit", len(m.Text))
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var m *Message
			var err error
			start := time.Now()
			alloc := allocDuring(func() { m, err = ParseBytes(c.raw, Limits{}) })
			if err != nil {
				t.Fatalf("parse failed: %v", err)
			}
			if alloc > c.maxAlloc {
				t.Errorf("allocated %d MB, bound %d MB", alloc>>20, c.maxAlloc>>20)
			}
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("took %s", d)
			}
			c.check(t, m)
		})
	}
}

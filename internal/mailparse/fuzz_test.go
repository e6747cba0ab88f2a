package mailparse

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzParse feeds arbitrary bytes to the parser: it must never panic, and
// what it returns must be safe to store and show.
func FuzzParse(f *testing.F) {
	f.Add([]byte("From: a@b.example\r\nSubject: hi\r\n\r\nbody\r\n"))
	f.Add([]byte("From: a@b.example\r\nContent-Type: multipart/alternative; boundary=X\r\n\r\n--X\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n--X--\r\n"))
	f.Add([]byte("Subject: =?UTF-8?B?w6k=?=\r\nContent-Transfer-Encoding: base64\r\n\r\nw6k=\r\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		m, err := ParseBytes(raw, Limits{MaxTextBytes: 4096, MaxHTMLBytes: 16384})
		if err != nil {
			return
		}
		for _, s := range []string{m.Subject, m.Text, m.From.Name, m.From.Addr} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in output: %q", s)
			}
			if strings.ContainsRune(s, 0) {
				t.Fatalf("NUL in output: %q", s)
			}
		}
		if len(m.Text) > 4096 {
			t.Fatalf("text of %d bytes exceeds the limit", len(m.Text))
		}
	})
}

// FuzzCalendar feeds arbitrary calendars to the invitation reader.
func FuzzCalendar(f *testing.F) {
	f.Add([]byte("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20260304T140000Z\r\nDTEND:20260304T150000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"))
	f.Add([]byte("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;TZID=Europe/Paris:20260304T140000\r\nDURATION:PT45M\r\nORGANIZER;CN=A:mailto:a@b\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		ev, err := parseCalendar(raw, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
		if err != nil {
			return
		}
		if ev.Start.Year() < 1970 || ev.Start.Year() > maxYear {
			t.Fatalf("start %v out of range", ev.Start)
		}
		if !ev.End.IsZero() && !ev.End.After(ev.Start) {
			t.Fatalf("end %v not after start %v", ev.End, ev.Start)
		}
	})
}

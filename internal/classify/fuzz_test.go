package classify

import (
	"math"
	"testing"
	"time"

	"github.com/inboxwatch/inboxwatch/internal/mailparse"
)

func validDay(s string) bool {
	if s == "" {
		return true
	}
	_, err := time.Parse(dayLayout, s)
	return err == nil
}

func FuzzClassify(f *testing.F) {
	f.Add([]byte("From: a@b.example\r\nSubject: Update on your application\r\nDate: Wed, 04 Mar 2026 10:00:00 -0500\r\n\r\nWe have decided to move forward with other candidates. We will reply within 5 business days."))
	f.Fuzz(func(t *testing.T, raw []byte) {
		m, err := mailparse.ParseBytes(raw, mailparse.Limits{MaxMessageBytes: 1 << 20})
		if err != nil {
			return
		}
		r := Classify(m, Options{})
		if !r.Category.Valid() {
			t.Fatalf("invalid category %q", r.Category)
		}
		if math.IsNaN(r.Confidence) || r.Confidence < 0 || r.Confidence > 1 {
			t.Fatalf("confidence %v", r.Confidence)
		}
		if !validDay(r.Timeline) || !validDay(r.ReturnDate) {
			t.Fatalf("bad dates %q %q", r.Timeline, r.ReturnDate)
		}
	})
}

func FuzzTimeline(f *testing.F) {
	f.Add("We will get back to you within 5 business days.", int64(1772636400))
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		sent := time.Unix(unix%(1<<34), 0).UTC()
		day, _ := Timeline(text, sent)
		if !validDay(day) {
			t.Fatalf("Timeline(%q) = %q", text, day)
		}
		back, _ := ReturnDate(text, sent)
		if !validDay(back) {
			t.Fatalf("ReturnDate(%q) = %q", text, back)
		}
		InterviewTime(text, sent)
	})
}

package tracker_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/inboxwatch/inboxwatch/internal/imaptest"
)

// Broken and hostile messages in the mailbox are skipped or truncated with
// a logged reason, and the sync goes on to read the good mail around them.
func TestHostileMailDoesNotStopTheSync(t *testing.T) {
	srv := imaptest.StartDovecot(t)
	now := time.Now()
	good := func(i int) []byte {
		return plain(fmt.Sprintf("Recruiter <jo@firm%d.example>", i), me, "Interview invitation - Analyst",
			fmt.Sprintf("good-%d@firm%d.example", i, i), "", now.Add(-time.Hour),
			"Hi Sam, we would like to invite you to a video interview for the Analyst role. Could you share your availability for next week?")
	}
	var nested bytes.Buffer
	nested.WriteString("From: x@y.example\r\nSubject: Interview invitation nested\r\nMessage-ID: <nested@y.example>\r\n")
	for i := range 1000 {
		fmt.Fprintf(&nested, "Content-Type: multipart/mixed; boundary=b%d\r\n\r\n--b%d\r\n", i, i)
	}
	nested.WriteString("Content-Type: text/plain\r\n\r\nhello\r\n")
	hostile := [][]byte{
		[]byte("\x00\x01\x02 not a message at all \xff\xfe"),
		[]byte("From: a@b.example\r\nSubject: Interview invitation \x00 with NULs\r\nMessage-ID: <nul@b.example>\r\n\r\nbody\x00with\x00nul\r\n"),
		nested.Bytes(),
		[]byte("From: a@b.example\r\nSubject: Interview invitation html\r\nMessage-ID: <html@b.example>\r\nContent-Type: text/html; charset=x-unknown-charset\r\n\r\n" + strings.Repeat("<div><span>interview ", 200000)),
		[]byte("From: a@b.example\r\nSubject: =?utf-8?B?!!!?= Interview invitation\r\nMessage-ID: <badword@b.example>\r\nContent-Type: text/calendar\r\n\r\nBEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:999991231T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"),
	}
	srv.Append(t, "INBOX", good(1))
	for _, h := range hostile {
		srv.Append(t, "INBOX", h)
	}
	srv.Append(t, "INBOX", good(2))
	e := newEnv(t, srv)
	st := e.sync(t)
	if st.Seen != len(hostile)+2 {
		t.Fatalf("examined %d messages, want %d", st.Seen, len(hostile)+2)
	}
	got := outcomes(t, e, now)
	var firms int
	for company := range got {
		if strings.HasPrefix(strings.ToLower(company), "firm") {
			firms++
		}
	}
	if firms != 2 {
		t.Fatalf("the good messages around the hostile ones made %d applications, want 2: %v", firms, got)
	}
	if again := e.sync(t); again.Seen != 0 {
		t.Fatalf("a second pass re-read %d messages: the hostile ones must not block the cursor", again.Seen)
	}
}

package mailparse

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-message"
)

// bodyCollector walks the MIME tree once and keeps the candidate text parts.
type bodyCollector struct {
	m        *Message
	lim      Limits
	parts    int
	plain    []string
	html     []string
	calendar []byte
}

func newBodyCollector(m *Message, lim Limits) *bodyCollector {
	return &bodyCollector{m: m, lim: lim}
}

func (b *bodyCollector) problem(format string, args ...any) {
	if len(b.m.Problems) < 20 {
		b.m.Problems = append(b.m.Problems, fmt.Sprintf(format, args...))
	}
}

func (b *bodyCollector) walk(e *message.Entity, depth int) {
	b.parts++
	if b.parts > b.lim.MaxParts {
		if b.parts == b.lim.MaxParts+1 {
			b.problem("more than %d MIME parts: rest skipped", b.lim.MaxParts)
		}
		return
	}
	mt, params, err := e.Header.ContentType()
	if err != nil || mt == "" {
		mt = "text/plain"
	}
	mt = strings.ToLower(mt)
	if mr := e.MultipartReader(); mr != nil {
		if depth >= b.lim.MaxDepth {
			b.problem("multipart nested deeper than %d: inner parts skipped", b.lim.MaxDepth)
			return
		}
		for {
			p, err := mr.NextPart()
			if err == io.EOF {
				return
			}
			if p == nil {
				if err != nil {
					b.problem("multipart: %v", err)
				}
				return
			}
			if err != nil && !message.IsUnknownCharset(err) && !message.IsUnknownEncoding(err) {
				b.problem("part: %v", err)
			} else if err != nil {
				b.problem("part: %v (read as is)", err)
			}
			b.walk(p, depth+1)
		}
	}
	if mt == "message/rfc822" {
		// A forwarded or bounced message: note it, do not read its text as ours.
		n, _ := io.Copy(io.Discard, e.Body)
		b.m.Attachments = append(b.m.Attachments, Attachment{ContentType: mt, Size: n})
		return
	}
	disp, dparams, _ := e.Header.ContentDisposition()
	filename := dparams["filename"]
	if filename == "" {
		filename = params["name"]
	}
	if strings.EqualFold(disp, "attachment") && mt != "text/calendar" {
		n, _ := io.Copy(io.Discard, e.Body)
		b.m.Attachments = append(b.m.Attachments, Attachment{Filename: filename, ContentType: mt, Size: n})
		return
	}
	b.leaf(e, mt, filename)
}

// leaf reads one non-multipart entity.
func (b *bodyCollector) leaf(e *message.Entity, mt, filename string) {
	switch {
	case mt == "text/plain" && filename == "":
		t, trunc := readCapped(e.Body, b.lim.MaxTextBytes)
		if trunc {
			b.problem("text part larger than %d bytes: truncated", b.lim.MaxTextBytes)
		}
		b.plain = append(b.plain, t)
	case mt == "text/html" && filename == "":
		t, trunc := readCapped(e.Body, b.lim.MaxHTMLBytes)
		if trunc {
			b.problem("HTML part larger than %d bytes: truncated", b.lim.MaxHTMLBytes)
		}
		b.html = append(b.html, t)
	case mt == "text/calendar" || mt == "application/ics":
		if b.calendar == nil {
			t, trunc := readCapped(e.Body, b.lim.MaxCalendar)
			if trunc {
				b.problem("calendar part larger than %d bytes: truncated", b.lim.MaxCalendar)
			}
			b.calendar = []byte(t)
		}
	default:
		n, _ := io.Copy(io.Discard, e.Body)
		b.m.Attachments = append(b.m.Attachments, Attachment{Filename: filename, ContentType: mt, Size: n})
	}
}

// finish picks the text, splits it, and parses the calendar.
func (b *bodyCollector) finish() {
	plain := strings.TrimSpace(strings.Join(b.plain, "\n\n"))
	var text string
	switch {
	case len(b.html) > 0 && (plain == "" || looksLikePlaceholder(plain)):
		text = HTMLToText(strings.Join(b.html, "\n"), b.lim.MaxTextBytes)
		b.m.FromHTML = true
	default:
		text = plain
	}
	text = normalizeText(text)
	b.m.Text, b.m.Quoted, b.m.Signature = SplitReply(text)
	if b.calendar != nil {
		ev, err := parseCalendar(b.calendar, b.m.Date)
		if err != nil {
			b.problem("calendar: %v", err)
		} else {
			b.m.Calendar = ev
		}
	}
}

// looksLikePlaceholder spots a text/plain alternative that only points to the
// HTML version ("view this email in your browser").
func looksLikePlaceholder(s string) bool {
	if len(s) > 200 {
		return false
	}
	l := strings.ToLower(s)
	return strings.Contains(l, "html") || strings.Contains(l, "browser") || strings.Contains(l, "view this") || strings.TrimSpace(s) == ""
}

// readCapped reads at most limit bytes and drains the rest, so the caller's
// stream stays aligned. It returns valid UTF-8.
func readCapped(r io.Reader, limit int) (string, bool) {
	var buf bytes.Buffer
	n, err := io.Copy(&buf, io.LimitReader(r, int64(limit)+1))
	_ = err // a decoding error midway keeps what was read
	trunc := n > int64(limit)
	if trunc {
		buf.Truncate(limit)
		_, _ = io.Copy(io.Discard, r)
	}
	s := buf.String()
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return s, trunc
}

// normalizeText removes NULs and other control characters, unifies line ends
// and collapses runs of blank lines and spaces.
func normalizeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == '\u00a0' || r == '\u200b' || r == '\u034f' || r == '\u200c' || r == '\ufeff':
			return ' '
		case r < 0x20 || r == 0x7f:
			return -1
		}
		return r
	}, s)
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := 0
	for _, l := range lines {
		l = strings.TrimRight(strings.Join(strings.Fields(l), " "), " ")
		if strings.HasPrefix(strings.TrimLeft(l, " "), ">") {
			l = strings.TrimLeft(l, " ")
		}
		if l == "" {
			blank++
			if blank > 1 {
				continue
			}
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// SplitReply separates a message's own words from the earlier messages it
// quotes and from its signature. It recognises "> " quoting, "On ... wrote:"
// attributions, Outlook's "-----Original Message-----" and "From: ... Sent:"
// blocks, and the "-- " signature delimiter.
func SplitReply(text string) (own, quoted, signature string) {
	lines := strings.Split(text, "\n")
	cut := len(lines)
	for i, l := range lines {
		t := strings.TrimSpace(l)
		lt := strings.ToLower(t)
		if isAttribution(lines, i) ||
			strings.HasPrefix(lt, "-----original message-----") ||
			strings.HasPrefix(lt, "________________________________") ||
			(strings.HasPrefix(lt, "from:") && i+1 < len(lines) && outlookBlock(lines[i:])) {
			cut = i
			break
		}
	}
	var ownLines, quotedLines []string
	for i, l := range lines {
		if i >= cut || strings.HasPrefix(l, ">") {
			quotedLines = append(quotedLines, l)
			continue
		}
		ownLines = append(ownLines, l)
	}
	// Signature: after the last "-- " line of the own part.
	for i := len(ownLines) - 1; i >= 0; i-- {
		if ownLines[i] == "--" || ownLines[i] == "-- " {
			signature = strings.TrimSpace(strings.Join(ownLines[i+1:], "\n"))
			ownLines = ownLines[:i]
			break
		}
	}
	return strings.TrimSpace(strings.Join(ownLines, "\n")), strings.TrimSpace(strings.Join(quotedLines, "\n")), signature
}

// isAttribution reports whether line i (possibly wrapped onto the next line)
// is an "On <date>, <someone> wrote:" line introducing a quote.
func isAttribution(lines []string, i int) bool {
	t := strings.ToLower(strings.TrimSpace(lines[i]))
	joined := t
	if i+1 < len(lines) && !strings.HasSuffix(t, ":") {
		joined = t + " " + strings.ToLower(strings.TrimSpace(lines[i+1]))
	}
	for _, s := range []string{t, joined} {
		if !strings.HasSuffix(s, ":") || len(s) > 300 {
			continue
		}
		if (strings.HasPrefix(s, "on ") || strings.HasPrefix(s, "le ") || strings.HasPrefix(s, "am ") || strings.HasPrefix(s, "el ")) &&
			(strings.HasSuffix(s, "wrote:") || strings.HasSuffix(s, "a écrit :") || strings.HasSuffix(s, "schrieb:") || strings.HasSuffix(s, "escribió:")) {
			return true
		}
	}
	return false
}

// outlookBlock reports whether lines start an Outlook-style quoted header
// block ("From: ...", then "Sent:" or "Date:" and "To:" or "Subject:").
func outlookBlock(lines []string) bool {
	seen := 0
	for i := 1; i < len(lines) && i < 6; i++ {
		lt := strings.ToLower(strings.TrimSpace(lines[i]))
		for _, p := range []string{"sent:", "date:", "to:", "subject:", "cc:"} {
			if strings.HasPrefix(lt, p) {
				seen++
			}
		}
	}
	return seen >= 2
}

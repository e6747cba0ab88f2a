package digest

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/emersion/go-message/mail"

	"github.com/inboxwatch/inboxwatch/internal/mailparse"
)

// Email renders the digest as a multipart/alternative message, plain text
// first and HTML second, from and to the given addresses, dated now. It is
// marked as machine-generated so that auto-responders leave it alone.
func (d Digest) Email(from, to mailparse.Address, now time.Time) ([]byte, error) {
	if from.Addr == "" || to.Addr == "" {
		return nil, fmt.Errorf("digest: email: sender and recipient are required (from %q, to %q)", from.Addr, to.Addr)
	}
	var h mail.Header
	h.SetDate(now)
	h.SetAddressList("From", []*mail.Address{{Name: from.Name, Address: from.Addr}})
	h.SetAddressList("To", []*mail.Address{{Name: to.Name, Address: to.Addr}})
	h.SetSubject(d.Subject())
	h.SetMessageID("inboxwatch.digest." + d.Now.Format("20060102") + "." + strconv.FormatInt(now.UnixNano(), 36) + "@" + domainOf(from.Addr))
	h.Set("Auto-Submitted", "auto-generated")
	h.Set("X-Auto-Response-Suppress", "All")

	var buf bytes.Buffer
	w, err := mail.CreateInlineWriter(&buf, h)
	if err != nil {
		return nil, fmt.Errorf("digest: email: %w", err)
	}
	for _, part := range []struct{ typ, body string }{{"text/plain", d.Text()}, {"text/html", d.HTML()}} {
		var ph mail.InlineHeader
		ph.SetContentType(part.typ, map[string]string{"charset": "utf-8"})
		pw, err := w.CreatePart(ph)
		if err != nil {
			return nil, fmt.Errorf("digest: email: %s part: %w", part.typ, err)
		}
		if _, err := io.WriteString(pw, part.body); err != nil {
			return nil, fmt.Errorf("digest: email: %s part: %w", part.typ, err)
		}
		if err := pw.Close(); err != nil {
			return nil, fmt.Errorf("digest: email: %s part: %w", part.typ, err)
		}
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("digest: email: %w", err)
	}
	return buf.Bytes(), nil
}

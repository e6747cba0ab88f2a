package demo

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"mime/quotedprintable"
	"strings"
	"unicode/utf8"
)

// part is one MIME entity: a leaf with an already encoded body, or a
// multipart container whose boundary is chosen when it is written.
type part struct {
	contentType string // without the boundary parameter
	encoding    string // Content-Transfer-Encoding of a leaf
	disposition string
	body        string
	parts       []part
}

// plain is a text/plain part, quoted-printable when it is not plain ASCII.
func plain(s string) part { return textPart("plain", s) }

// html is a text/html part, quoted-printable when it is not plain ASCII.
func html(s string) part { return textPart("html", s) }

func textPart(subtype, s string) part {
	ct := "text/" + subtype + "; charset=utf-8"
	if isASCII(s) {
		return part{contentType: ct, encoding: "7bit", body: s}
	}
	return quotedPrintable(ct, []byte(s))
}

// quotedPrintable is a leaf whose body is b encoded as quoted-printable.
func quotedPrintable(contentType string, b []byte) part {
	var buf bytes.Buffer
	w := quotedprintable.NewWriter(&buf)
	w.Write(b) // writes to a bytes.Buffer do not fail
	w.Close()
	return part{contentType: contentType, encoding: "quoted-printable", body: buf.String()}
}

// base64Part is a leaf whose body is b in base64, 76 characters a line.
func base64Part(contentType string, b []byte) part {
	enc := base64.StdEncoding.EncodeToString(b)
	var sb strings.Builder
	for len(enc) > 76 {
		sb.WriteString(enc[:76])
		sb.WriteString("\n")
		enc = enc[76:]
	}
	sb.WriteString(enc)
	return part{contentType: contentType, encoding: "base64", body: sb.String()}
}

// attachment marks p as an attachment named filename.
func attachment(p part, filename string) part {
	p.contentType += fmt.Sprintf("; name=%q", filename)
	p.disposition = fmt.Sprintf("attachment; filename=%q", filename)
	return p
}

func alternative(parts ...part) part {
	return part{contentType: "multipart/alternative", parts: parts}
}

func mixed(parts ...part) part {
	return part{contentType: "multipart/mixed", parts: parts}
}

// write appends p's header fields, a blank line and its body to b, with
// LF line endings. Boundaries are derived from seed and a counter so the
// output is the same every time.
func (p part) write(b *strings.Builder, seed string, n *int, top bool) {
	ct := p.contentType
	boundary := ""
	if len(p.parts) > 0 {
		*n++
		boundary = fmt.Sprintf("=_%s_%d", seed, *n)
		ct += fmt.Sprintf("; boundary=%q", boundary)
	}
	fmt.Fprintf(b, "Content-Type: %s\n", ct)
	if p.encoding != "" {
		fmt.Fprintf(b, "Content-Transfer-Encoding: %s\n", p.encoding)
	}
	if p.disposition != "" {
		fmt.Fprintf(b, "Content-Disposition: %s\n", p.disposition)
	}
	b.WriteString("\n")
	if boundary == "" {
		b.WriteString(strings.TrimRight(p.body, "\r\n"))
		b.WriteString("\n")
		return
	}
	if top {
		b.WriteString("This is a multi-part message in MIME format.\n")
	}
	for _, c := range p.parts {
		fmt.Fprintf(b, "\n--%s\n", boundary)
		c.write(b, seed, n, false)
	}
	fmt.Fprintf(b, "\n--%s--\n", boundary)
}

// crlf turns any mix of LF and CRLF line endings into CRLF.
func crlf(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\n", "\r\n")
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// latin1 converts s to ISO-8859-1 bytes; s must only hold runes below 256.
func latin1(s string) []byte {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = append(b, byte(r))
	}
	return b
}

// encodedWord is s as an RFC 2047 "Q" encoded-word in ISO-8859-1.
func encodedWord(s string) string {
	var sb strings.Builder
	sb.WriteString("=?ISO-8859-1?Q?")
	for _, c := range latin1(s) {
		switch {
		case c == ' ':
			sb.WriteByte('_')
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
			sb.WriteByte(c)
		default:
			fmt.Fprintf(&sb, "=%02X", c)
		}
	}
	sb.WriteString("?=")
	return sb.String()
}

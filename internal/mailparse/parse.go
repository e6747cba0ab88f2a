package mailparse

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-message"
	_ "github.com/emersion/go-message/charset" // non-UTF-8 charsets
	"github.com/emersion/go-message/mail"
	"github.com/emersion/go-message/textproto"
)

// Limits bound the work done on one message. The zero value means defaults.
type Limits struct {
	MaxMessageBytes int64 // bytes read from the input at most (default 64 MiB)
	MaxHeaderBytes  int64 // header block (default 2 MiB)
	MaxTextBytes    int   // decoded text kept from a text part (default 128 KiB)
	MaxHTMLBytes    int   // HTML read from an HTML part (default 2 MiB)
	MaxParts        int   // MIME parts visited (default 200)
	MaxDepth        int   // multipart nesting (default 16)
	MaxCalendar     int   // text/calendar bytes read (default 256 KiB)
}

func (l Limits) withDefaults() Limits {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def64 := func(v *int64, d int64) {
		if *v <= 0 {
			*v = d
		}
	}
	def64(&l.MaxMessageBytes, 64<<20)
	def64(&l.MaxHeaderBytes, 2<<20)
	def(&l.MaxTextBytes, 128<<10)
	def(&l.MaxHTMLBytes, 2<<20)
	def(&l.MaxParts, 200)
	def(&l.MaxDepth, 16)
	def(&l.MaxCalendar, 256<<10)
	return l
}

// ErrNotMessage is returned when the input has no parseable header block.
var ErrNotMessage = errors.New("not an RFC 5322 message")

// Parse reads a whole RFC 5322 message. It fails only when the header block
// cannot be read at all; every problem inside the body is recorded in
// Message.Problems and parsing goes on.
func Parse(r io.Reader, lim Limits) (*Message, error) {
	lim = lim.withDefaults()
	lr := &io.LimitedReader{R: r, N: lim.MaxMessageBytes}
	e, err := message.ReadWithOptions(lr, &message.ReadOptions{MaxHeaderBytes: lim.MaxHeaderBytes})
	if e == nil {
		return nil, fmt.Errorf("%w: %v", ErrNotMessage, err)
	}
	m := &Message{}
	if err != nil {
		m.Problems = append(m.Problems, "top-level: "+err.Error())
	}
	if len(e.Header.Map()) == 0 {
		return nil, fmt.Errorf("%w: no header fields", ErrNotMessage)
	}
	fillHeader(m, mail.Header{Header: e.Header})
	b := newBodyCollector(m, lim)
	b.walk(e, 0)
	b.finish()
	if lr.N <= 0 {
		m.Problems = append(m.Problems, fmt.Sprintf("message larger than %d bytes: rest ignored", lim.MaxMessageBytes))
	}
	return m, nil
}

// ParseBytes is Parse over a byte slice.
func ParseBytes(raw []byte, lim Limits) (*Message, error) {
	return Parse(bytes.NewReader(raw), lim)
}

// Part is one body part fetched on its own (for example with IMAP
// BODY.PEEK[1.2]), with the metadata from the message's body structure.
type Part struct {
	MediaType string            // "text/plain"
	Params    map[string]string // charset, method...
	Encoding  string            // Content-Transfer-Encoding
	Filename  string
	Size      int64 // size on the server, for attachments
	Body      []byte
	// Truncated is set when Body holds only the first bytes of the part.
	Truncated bool
}

// FromParts builds a Message out of a raw header block (all or some fields)
// and separately fetched parts. Parts with a nil Body are recorded as
// attachments only.
func FromParts(header []byte, parts []Part, lim Limits) (*Message, error) {
	lim = lim.withDefaults()
	if len(header) > int(lim.MaxHeaderBytes) {
		header = header[:lim.MaxHeaderBytes]
	}
	br := bufio.NewReader(io.MultiReader(bytes.NewReader(header), strings.NewReader("\r\n")))
	h, err := textproto.ReadHeader(br)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotMessage, err)
	}
	m := &Message{}
	fillHeader(m, mail.Header{Header: message.Header{Header: h}})
	b := newBodyCollector(m, lim)
	for _, p := range parts {
		if p.Body == nil {
			m.Attachments = append(m.Attachments, Attachment{Filename: p.Filename, ContentType: p.MediaType, Size: p.Size})
			continue
		}
		var ph message.Header
		ct := p.MediaType
		if len(p.Params) > 0 {
			ct = mime.FormatMediaType(p.MediaType, p.Params)
			if ct == "" { // invalid parameter values: keep the bare type
				ct = p.MediaType
			}
		}
		ph.Set("Content-Type", ct)
		if p.Encoding != "" {
			ph.Set("Content-Transfer-Encoding", p.Encoding)
		}
		e, err := message.New(ph, bytes.NewReader(p.Body))
		if e == nil {
			m.Problems = append(m.Problems, fmt.Sprintf("part %s: %v", p.MediaType, err))
			continue
		}
		if err != nil {
			m.Problems = append(m.Problems, fmt.Sprintf("part %s: %v", p.MediaType, err))
		}
		if p.Truncated {
			m.Problems = append(m.Problems, fmt.Sprintf("part %s: only the first %d bytes fetched", p.MediaType, len(p.Body)))
		}
		b.leaf(e, strings.ToLower(p.MediaType), p.Filename)
	}
	b.finish()
	return m, nil
}

// ParseHeader parses only a header block, for the envelope-first pass of sync.
func ParseHeader(header []byte) (*Message, error) {
	return FromParts(header, nil, Limits{})
}

func fillHeader(m *Message, h mail.Header) {
	m.MessageID = msgID(h, "Message-Id")
	m.InReplyTo = msgIDList(h, "In-Reply-To")
	m.References = msgIDList(h, "References")
	if d, err := h.Date(); err == nil {
		m.Date = d
	} else if d, ok := lenientDate(h.Get("Date")); ok {
		m.Date = d
	}
	if s, err := h.Subject(); err == nil {
		m.Subject = cleanLine(s)
	} else {
		m.Subject = cleanLine(h.Get("Subject"))
	}
	m.From = firstAddr(h, "From")
	m.Sender = firstAddr(h, "Sender")
	m.ReplyTo = addrs(h, "Reply-To")
	m.To = addrs(h, "To")
	m.Cc = addrs(h, "Cc")
	m.AutoSubmitted = strings.TrimSpace(h.Get("Auto-Submitted"))
	m.XAutoreply = strings.TrimSpace(h.Get("X-Autoreply"))
	m.Precedence = strings.ToLower(strings.TrimSpace(h.Get("Precedence")))
	m.ListID = strings.TrimSpace(h.Get("List-Id"))
	m.ListUnsubscribe = strings.TrimSpace(h.Get("List-Unsubscribe"))
	if v := h.Get("X-Autorespond"); v != "" {
		m.AutoResponse = "X-Autorespond: " + v
	} else if v := h.Get("X-Auto-Response-Suppress"); strings.Contains(strings.ToLower(v), "oof") && strings.Contains(strings.ToLower(v), "all") {
		// Exchange marks its own automatic answers with "All"; OOF alone is
		// also set on ordinary mail by some clients, so it is not enough.
		m.AutoResponse = "X-Auto-Response-Suppress: " + v
	}
}

func msgID(h mail.Header, key string) string {
	if id, err := h.MessageID(); err == nil && key == "Message-Id" && id != "" {
		return id
	}
	v := strings.TrimSpace(h.Get(key))
	v = strings.Trim(v, "<> \t")
	if strings.ContainsAny(v, " \t\r\n") {
		return ""
	}
	return v
}

func msgIDList(h mail.Header, key string) []string {
	if l, err := h.MsgIDList(key); err == nil {
		return l
	}
	// Lenient: pick every <...> token.
	var out []string
	v := h.Get(key)
	for {
		i := strings.IndexByte(v, '<')
		if i < 0 {
			break
		}
		j := strings.IndexByte(v[i:], '>')
		if j < 0 {
			break
		}
		if id := strings.TrimSpace(v[i+1 : i+j]); id != "" {
			out = append(out, id)
		}
		v = v[i+j+1:]
	}
	return out
}

func firstAddr(h mail.Header, key string) Address {
	l := addrs(h, key)
	if len(l) == 0 {
		return Address{}
	}
	return l[0]
}

func addrs(h mail.Header, key string) []Address {
	l, err := h.AddressList(key)
	if err == nil {
		out := make([]Address, 0, len(l))
		for _, a := range l {
			out = append(out, Address{Name: cleanLine(a.Name), Addr: cleanAddr(a.Address)})
		}
		return out
	}
	return lenientAddrs(h.Get(key))
}

// lenientAddrs recovers addresses from headers that strict parsing rejects,
// which real mail is full of (unquoted commas, stray brackets).
func lenientAddrs(v string) []Address {
	if v == "" {
		return nil
	}
	if dec, err := new(mime.WordDecoder).DecodeHeader(v); err == nil {
		v = dec
	}
	var out []Address
	for _, field := range strings.Split(v, ",") {
		field = strings.TrimSpace(field)
		if field == "" {
			continue
		}
		var a Address
		if i := strings.LastIndexByte(field, '<'); i >= 0 {
			j := strings.IndexByte(field[i:], '>')
			if j < 0 {
				j = len(field) - i
			}
			a.Addr = strings.TrimSpace(field[i+1 : i+j])
			a.Name = strings.Trim(strings.TrimSpace(field[:i]), `"' `)
		} else {
			a.Addr = field
		}
		if !strings.Contains(a.Addr, "@") {
			if len(out) > 0 && out[len(out)-1].Name == "" && a.Name == "" {
				continue
			}
			// A display name split by an unquoted comma: join it to the next one.
			continue
		}
		a.Addr = cleanAddr(a.Addr)
		a.Name = cleanLine(a.Name)
		out = append(out, a)
	}
	return out
}

var lenientLayouts = []string{
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04 -0700",
	"2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 January 2006 15:04:05 -0700",
	"Mon, 02 Jan 06 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05",
	time.RFC3339,
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
}

func lenientDate(v string) (time.Time, bool) {
	v = strings.TrimSpace(v)
	if i := strings.IndexByte(v, '('); i > 0 {
		v = strings.TrimSpace(v[:i])
	}
	v = strings.Join(strings.Fields(v), " ")
	for _, l := range lenientLayouts {
		if t, err := time.Parse(l, v); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// cleanLine makes a header value safe and tidy for display: valid UTF-8, no
// control characters, single spaces.
func cleanLine(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// cleanAddr lower-cases an address and drops anything that cannot be part
// of one (control characters, spaces, invalid UTF-8).
func cleanAddr(s string) string {
	s = strings.ToValidUTF8(s, "")
	return strings.ToLower(strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, s))
}

package demo

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
)

// person is a name and an address. latin1 names are sent as ISO-8859-1
// encoded-words, the way some older mail programs still do.
type person struct {
	Name   string
	Addr   string
	Title  string // job title, for signatures
	latin1 bool
}

var me = person{Name: Me.Name, Addr: Me.Address}

// signature is the name and title block under a message.
func (p person) signature(company string) string {
	return p.Name + "\n" + p.Title + ", " + company
}

func (p person) first() string { return strings.Fields(p.Name)[0] }

func (p person) domain() string { return p.Addr[strings.LastIndexByte(p.Addr, '@')+1:] }

// header formats p for an address header field.
func (p person) header() string {
	switch {
	case p.Name == "":
		return p.Addr
	case p.latin1:
		return encodedWord(p.Name) + " <" + p.Addr + ">"
	case isPhrase(p.Name):
		return p.Name + " <" + p.Addr + ">"
	default:
		return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(p.Name) + `" <` + p.Addr + ">"
	}
}

// isPhrase reports whether s can stand unquoted as a display name.
func isPhrase(s string) bool {
	for _, c := range s {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == ' ':
		case strings.ContainsRune("!#$%&'*+-/=?^_`{|}~", c):
		default:
			return false
		}
	}
	return true
}

// msg is a message being put together. text is its plain-text body; body,
// when set, replaces the default text/plain part built from text.
type msg struct {
	key     string // unique; the Message-ID is derived from it
	box     string
	at      time.Time
	from    person
	to      []person
	cc      []person
	replyTo *person
	subject string
	parent  *msg
	header  []string // extra header fields, "Name: value"
	text    string
	body    *part
	quote   bool // quote the parent below text
	flags   []string
}

func (m *msg) messageID() string {
	sum := sha1.Sum([]byte(m.key))
	h := hex.EncodeToString(sum[:])
	return fmt.Sprintf("<%s.%s@%s>", h[:12], h[12:24], m.from.domain())
}

// references is the References chain for a reply to m.
func (m *msg) references() []string {
	if m == nil {
		return nil
	}
	return append(m.parent.references(), m.messageID())
}

// replyAddress is where an answer to m goes.
func (m *msg) replyAddress() person {
	if m.replyTo != nil {
		return *m.replyTo
	}
	return m.from
}

func (m *msg) render() []byte {
	var b strings.Builder
	h := func(name, value string) { fmt.Fprintf(&b, "%s: %s\n", name, value) }
	h("Date", m.at.Format(time.RFC1123Z))
	h("From", m.from.header())
	h("To", addressList(m.to))
	if len(m.cc) > 0 {
		h("Cc", addressList(m.cc))
	}
	if m.replyTo != nil {
		h("Reply-To", m.replyTo.header())
	}
	h("Subject", m.subject)
	h("Message-ID", m.messageID())
	if m.parent != nil {
		h("In-Reply-To", m.parent.messageID())
		h("References", strings.Join(m.parent.references(), "\n "))
	}
	for _, f := range m.header {
		b.WriteString(f + "\n")
	}
	h("MIME-Version", "1.0")

	body := plain(m.fullText())
	if m.body != nil {
		body = *m.body
	}
	n := 0
	body.write(&b, m.messageID()[1:13], &n, true)
	return []byte(crlf(b.String()))
}

// fullText is the text with the quoted parent appended when asked for.
func (m *msg) fullText() string {
	if !m.quote || m.parent == nil {
		return m.text
	}
	p := m.parent
	var b strings.Builder
	b.WriteString(m.text)
	fmt.Fprintf(&b, "\n\nOn %s, %s wrote:\n", p.at.Format("Mon, Jan 2, 2006 at 3:04 PM"), p.from.header())
	for _, l := range strings.Split(strings.TrimRight(p.fullText(), "\n"), "\n") {
		if strings.HasPrefix(l, ">") || l == "" {
			b.WriteString(">" + l + "\n")
		} else {
			b.WriteString("> " + l + "\n")
		}
	}
	return b.String()
}

func addressList(ps []person) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = p.header()
	}
	return strings.Join(s, ", ")
}

// sample collects the messages of one mailbox.
type sample struct {
	now  time.Time
	msgs []*msg
	keys map[string]bool
}

// day is the given wall-clock time n days from today (n < 0: in the past).
func (s *sample) day(n, hour, minute int) time.Time {
	y, mo, d := s.now.Date()
	return time.Date(y, mo, d+n, hour, minute, 0, 0, s.now.Location())
}

// add files m, by default in INBOX addressed to Me.
func (s *sample) add(m *msg) *msg {
	if s.keys[m.key] {
		panic("demo: duplicate message key " + m.key)
	}
	s.keys[m.key] = true
	if m.box == "" {
		m.box = inbox
	}
	if m.to == nil {
		m.to = []person{me}
	}
	s.msgs = append(s.msgs, m)
	return m
}

// reply files m as an answer to parent: Me answering lands in Sent and
// goes to whoever parent came from; anyone else answering lands in INBOX.
// The subject defaults to "Re: " and the parent's subject.
func (s *sample) reply(parent, m *msg) *msg {
	m.parent = parent
	if m.from == (person{}) {
		m.from = me
	}
	if m.from == me {
		m.box = sent
		if m.to == nil {
			if parent.from == me {
				m.to = parent.to
			} else {
				m.to = []person{parent.replyAddress()}
			}
		}
	}
	if m.subject == "" {
		m.subject = re(parent.subject)
	}
	return s.add(m)
}

func re(subject string) string {
	if strings.HasPrefix(strings.ToLower(subject), "re:") {
		return subject
	}
	return "Re: " + subject
}

// onWeekday moves a Saturday or Sunday to the Monday after; for dates whose
// exact distance from today doesn't matter, like a start date.
func onWeekday(t time.Time) time.Time {
	for t.Weekday() == time.Saturday || t.Weekday() == time.Sunday {
		t = t.AddDate(0, 0, 1)
	}
	return t
}

// Date and time wording used in message bodies.
func weekdayDate(t time.Time) string { return t.Format("Monday, January 2") }
func clock(t time.Time) string       { return t.Format("3:04 PM") }
func when(t time.Time) string        { return t.Format("Monday, January 2 at 3:04 PM MST") }

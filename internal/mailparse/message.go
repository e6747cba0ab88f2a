// Package mailparse turns raw RFC 5322 mail into the plain facts the rest of
// inboxwatch reasons about: who wrote to whom and when, how the message is
// threaded, what its readable text says, and which calendar event it carries.
//
// Parsing is bounded: every size and depth has a limit, anything beyond it is
// truncated or skipped with a recorded reason, so a hostile message costs at
// most a known amount of memory and time.
package mailparse

import (
	"strings"
	"time"
)

// Address is one mailbox of an address header.
type Address struct {
	Name string `json:"name,omitempty"`
	Addr string `json:"addr"`
}

// String formats the address for display.
func (a Address) String() string {
	if a.Name == "" {
		return a.Addr
	}
	return a.Name + " <" + a.Addr + ">"
}

// Domain returns the lower-cased domain of the address, or "".
func (a Address) Domain() string {
	i := strings.LastIndexByte(a.Addr, '@')
	if i < 0 {
		return ""
	}
	return strings.ToLower(a.Addr[i+1:])
}

// Local returns the lower-cased local part of the address.
func (a Address) Local() string {
	i := strings.LastIndexByte(a.Addr, '@')
	if i < 0 {
		return strings.ToLower(a.Addr)
	}
	return strings.ToLower(a.Addr[:i])
}

// Event is the interesting part of a text/calendar invitation.
type Event struct {
	Method    string    `json:"method,omitempty"` // REQUEST, CANCEL, REPLY...
	UID       string    `json:"uid,omitempty"`
	Summary   string    `json:"summary,omitempty"`
	Location  string    `json:"location,omitempty"`
	Start     time.Time `json:"start"`
	End       time.Time `json:"end,omitzero"`
	Organizer Address   `json:"organizer,omitzero"`
	Status    string    `json:"status,omitempty"`
}

// Attachment describes a part that is not body text.
type Attachment struct {
	Filename    string `json:"filename,omitempty"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
}

// Message is a parsed message: headers that matter and readable text.
type Message struct {
	MessageID  string    // without angle brackets
	InReplyTo  []string  // without angle brackets
	References []string  // without angle brackets, oldest first
	Date       time.Time // in the zone the sender wrote; zero when absent or unparseable
	Subject    string
	From       Address
	Sender     Address
	ReplyTo    []Address
	To         []Address
	Cc         []Address

	// Headers that mark automatic and bulk mail, verbatim (trimmed).
	AutoSubmitted   string
	XAutoreply      string
	Precedence      string
	ListID          string
	ListUnsubscribe string
	// AutoResponse is set when any other well-known auto-responder header is present
	// (X-Autorespond, X-Auto-Response-Suppress with OOF, Microsoft's X-MS-Exchange-Inbox-Rules-Loop...).
	AutoResponse string

	// Text is the message's own words: the preferred text part (text/plain,
	// else HTML turned into text), with quoted replies and signature set apart.
	Text string
	// Quoted holds the earlier messages the text quotes.
	Quoted string
	// Signature holds the sign-off block after a "-- " line.
	Signature string
	// FromHTML is true when Text was derived from an HTML part.
	FromHTML bool

	Calendar    *Event
	Attachments []Attachment

	// Problems lists what was truncated or skipped while parsing, for logs.
	Problems []string
}

// Header names that inboxwatch needs; sync fetches exactly these
// (BODY.PEEK[HEADER.FIELDS (...)]) before deciding whether to read a body.
var HeaderFields = []string{
	"Message-ID", "In-Reply-To", "References", "Date", "Subject",
	"From", "Sender", "Reply-To", "To", "Cc",
	"Auto-Submitted", "X-Autoreply", "X-Autorespond", "Precedence",
	"X-Auto-Response-Suppress", "List-Id", "List-Unsubscribe",
	"Content-Type", "Content-Transfer-Encoding", "MIME-Version",
}

// Key is the identity of a message across folders: its Message-ID when it has
// one. Callers fall back to their own key when it is empty.
func (m *Message) Key() string {
	return m.MessageID
}

// AllText returns subject and text joined, for simple matching.
func (m *Message) AllText() string {
	return m.Subject + "\n" + m.Text
}

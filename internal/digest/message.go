package digest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	_ "github.com/emersion/go-message/charset" // drafts re-saved in other charsets
	"github.com/emersion/go-message/mail"

	"github.com/inboxwatch/inboxwatch/internal/policy"
)

// DraftHeader marks a draft as inboxwatch's and names the suggestion it
// carries ("12/status_check/1773100800").
const DraftHeader = "X-Inboxwatch-Draft"

// SuggestionID is what identifies a suggestion across runs: the
// application, the kind of follow-up and its due time (to the second).
type SuggestionID struct {
	App  int64
	Kind policy.Kind
	Due  time.Time
}

// IDOf is the identity of the suggestion s for app.
func IDOf(app policy.Application, s policy.Suggestion) SuggestionID {
	return SuggestionID{App: app.ID, Kind: s.Kind, Due: s.Due}
}

// String formats the identity as the draft header carries it:
// application/kind/due as Unix seconds.
func (id SuggestionID) String() string {
	return fmt.Sprintf("%d/%s/%d", id.App, id.Kind, id.Due.Unix())
}

// Equal reports whether two identities name the same suggestion.
func (id SuggestionID) Equal(o SuggestionID) bool {
	return id.App == o.App && id.Kind == o.Kind && id.Due.Unix() == o.Due.Unix()
}

// ErrNotDraft is returned for a header value that is not a suggestion
// identity.
var ErrNotDraft = errors.New("not an inboxwatch draft identity")

// ParseSuggestionID reads the form String writes.
func ParseSuggestionID(s string) (SuggestionID, error) {
	parts := strings.Split(strings.TrimSpace(s), "/")
	if len(parts) != 3 {
		return SuggestionID{}, fmt.Errorf("digest: %q: %w", s, ErrNotDraft)
	}
	app, err := strconv.ParseInt(parts[0], 10, 64)
	if err != nil {
		return SuggestionID{}, fmt.Errorf("digest: %q: application: %w", s, ErrNotDraft)
	}
	kind := policy.Kind(parts[1])
	switch kind {
	case policy.ThankYou, policy.StatusCheck, policy.FinalCheck:
	default:
		return SuggestionID{}, fmt.Errorf("digest: %q: kind: %w", s, ErrNotDraft)
	}
	due, err := strconv.ParseInt(parts[2], 10, 64)
	if err != nil {
		return SuggestionID{}, fmt.Errorf("digest: %q: due time: %w", s, ErrNotDraft)
	}
	return SuggestionID{App: app, Kind: kind, Due: time.Unix(due, 0)}, nil
}

// DraftMessage builds the draft as an RFC 5322 message from me, dated now,
// threaded as a reply, and marked with DraftHeader so inboxwatch can find
// it again. The body is UTF-8 text, quoted-printable encoded.
func DraftMessage(d Draft, id SuggestionID, me Me, now time.Time) ([]byte, error) {
	if me.Address == "" {
		return nil, errors.New("digest: draft: the user's address is unknown (set me.addresses)")
	}
	var h mail.Header
	h.SetDate(now)
	h.SetAddressList("From", []*mail.Address{{Name: me.Name, Address: me.Address}})
	var to []*mail.Address
	for _, a := range d.To {
		to = append(to, &mail.Address{Name: a.Name, Address: a.Addr})
	}
	if len(to) > 0 {
		h.SetAddressList("To", to)
	}
	h.SetSubject(d.Subject)
	h.SetMessageID(fmt.Sprintf("inboxwatch.%d.%s.%d.%s@%s", id.App, id.Kind, id.Due.Unix(),
		strconv.FormatInt(now.UnixNano(), 36), domainOf(me.Address)))
	if d.InReplyTo != "" {
		h.SetMsgIDList("In-Reply-To", []string{strings.Trim(d.InReplyTo, "<>")})
	}
	if len(d.References) > 0 {
		refs := make([]string, 0, len(d.References))
		for _, r := range d.References {
			refs = append(refs, strings.Trim(r, "<>"))
		}
		h.SetMsgIDList("References", refs)
	}
	h.Set(DraftHeader, id.String())
	h.SetContentType("text/plain", map[string]string{"charset": "utf-8"})
	h.Set("Content-Transfer-Encoding", "quoted-printable")

	var buf bytes.Buffer
	w, err := mail.CreateSingleInlineWriter(&buf, h)
	if err != nil {
		return nil, fmt.Errorf("digest: draft: %w", err)
	}
	if _, err := io.WriteString(w, d.Body); err != nil {
		return nil, fmt.Errorf("digest: draft: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("digest: draft: %w", err)
	}
	return buf.Bytes(), nil
}

func domainOf(addr string) string {
	if i := strings.LastIndexByte(addr, '@'); i >= 0 && i < len(addr)-1 {
		return strings.ToLower(addr[i+1:])
	}
	return "inboxwatch.invalid"
}

// DraftID reads the suggestion identity from a draft's header. ok is false
// when the message carries no DraftHeader (it is not inboxwatch's).
func DraftID(raw []byte) (id SuggestionID, ok bool, err error) {
	r, err := mail.CreateReader(bytes.NewReader(raw))
	if err != nil && r == nil {
		return id, false, fmt.Errorf("digest: read draft: %w", err)
	}
	defer r.Close()
	v := r.Header.Get(DraftHeader)
	if v == "" {
		return id, false, nil
	}
	id, err = ParseSuggestionID(v)
	if err != nil {
		return id, false, err
	}
	return id, true, nil
}

// DraftHash is a stable hash of the text a user would edit in a draft: the
// decoded plain-text body, with line endings and trailing spaces
// normalised. It ignores headers, so a server that re-encodes or reorders
// them does not change it; an edit to the words does. Compare it with
// Draft.Hash of the draft as written.
func DraftHash(raw []byte) (string, error) {
	r, err := mail.CreateReader(bytes.NewReader(raw))
	if err != nil && r == nil {
		return "", fmt.Errorf("digest: read draft: %w", err)
	}
	defer r.Close()
	var html string
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", fmt.Errorf("digest: read draft: %w", err)
		}
		ih, ok := p.Header.(*mail.InlineHeader)
		if !ok {
			continue
		}
		t, _, _ := ih.ContentType()
		if t == "" {
			t = "text/plain"
		}
		body, err := io.ReadAll(p.Body)
		if err != nil {
			return "", fmt.Errorf("digest: read draft: %w", err)
		}
		switch t {
		case "text/plain":
			return hashText(string(body)), nil
		case "text/html":
			if html == "" {
				html = string(body)
			}
		}
	}
	if html != "" {
		// An HTML-only draft: the user's client rewrote it, which can only
		// mean it was opened and saved; hash what there is.
		return hashText(html), nil
	}
	return "", fmt.Errorf("digest: read draft: %w", errNoText)
}

var errNoText = errors.New("no text part")

// Hash is DraftHash of the draft as DraftMessage writes it.
func (d Draft) Hash() string { return hashText(d.Body) }

func hashText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	s = strings.Trim(strings.Join(lines, "\n"), "\n")
	sum := sha256.Sum256([]byte(s))
	return "sha256:" + hex.EncodeToString(sum[:])
}

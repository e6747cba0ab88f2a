package imapwatch

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/inboxwatch/inboxwatch/internal/mailparse"
)

// Folders are the mailboxes inboxwatch cares about.
type Folders struct {
	Inbox  string
	Sent   string // "" when the server has none
	Drafts string
	All    string
}

var fallbackNames = map[imap.MailboxAttr][]string{
	imap.MailboxAttrSent:   {"Sent", "Sent Items", "Sent Messages", "Sent Mail", "[Gmail]/Sent Mail", "[Google Mail]/Sent Mail", "INBOX.Sent", "INBOX/Sent"},
	imap.MailboxAttrDrafts: {"Drafts", "[Gmail]/Drafts", "[Google Mail]/Drafts", "INBOX.Drafts", "INBOX/Drafts", "Draft"},
	imap.MailboxAttrAll:    {"[Gmail]/All Mail", "[Google Mail]/All Mail", "All Mail", "Archive"},
}

// Folders finds Sent, Drafts and All Mail by their SPECIAL-USE attribute;
// only when the server advertises no such attribute does it fall back to
// common names (names are localised on Gmail, attributes are not).
func (c *Conn) Folders(ctx context.Context) (Folders, error) {
	var list []*imap.ListData
	err := c.bounded(ctx, func() error {
		var opts *imap.ListOptions
		if c.c.Caps().Has(imap.CapSpecialUse) || c.c.Caps().Has(imap.CapListExtended) {
			opts = &imap.ListOptions{ReturnSpecialUse: true}
		}
		var err error
		list, err = c.c.List("", "*", opts).Collect()
		return err
	})
	if err != nil {
		return Folders{}, fmt.Errorf("list folders: %w", err)
	}
	f := Folders{Inbox: "INBOX"}
	byAttr := map[imap.MailboxAttr]*string{imap.MailboxAttrSent: &f.Sent, imap.MailboxAttrDrafts: &f.Drafts, imap.MailboxAttrAll: &f.All}
	names := map[string]bool{}
	for _, l := range list {
		if slices.Contains(l.Attrs, imap.MailboxAttrNoSelect) || slices.Contains(l.Attrs, imap.MailboxAttrNonExistent) {
			continue
		}
		names[l.Mailbox] = true
		for attr, dst := range byAttr {
			if *dst == "" && slices.ContainsFunc(l.Attrs, func(a imap.MailboxAttr) bool { return strings.EqualFold(string(a), string(attr)) }) {
				*dst = l.Mailbox
			}
		}
	}
	for attr, dst := range byAttr {
		if *dst != "" {
			continue
		}
		for _, n := range fallbackNames[attr] {
			if names[n] {
				*dst = n
				break
			}
		}
	}
	return f, nil
}

// Cursor is where a previous scan of a mailbox stopped.
type Cursor struct {
	UIDValidity uint32
	LastUID     uint32
}

// Fetched is one message read during a scan.
type Fetched struct {
	UID  uint32
	Size int64
	// Msg holds the headers, and the text when a body was fetched.
	Msg *mailparse.Message
	// Body is true when the text parts were fetched.
	Body bool
}

// Skipped is a message that could not be read, and why.
type Skipped struct {
	UID    uint32
	Reason string
}

// Chunk is a run of consecutive UIDs: every UID up to LastUID has been
// examined (read, skipped, or out of the lookback window).
type Chunk struct {
	Mailbox     string
	UIDValidity uint32
	LastUID     uint32
	ModSeq      uint64
	Seen        int
	Messages    []Fetched
	Skipped     []Skipped
	// Done is true for the last chunk of the scan.
	Done bool
}

// ScanOptions steer a scan.
type ScanOptions struct {
	// Since limits every scan to mail received since then, so that a first
	// scan resumed after an interruption reads what an uninterrupted one reads.
	Since time.Time
	// ChunkSize is the number of UIDs fetched per round trip (default 500).
	ChunkSize int
	// MaxBodyBytes caps what is fetched of one text part (default 64 KiB).
	MaxBodyBytes int
	// NeedBody decides, from the headers alone, whether a message's text is
	// worth fetching. Nil means always.
	NeedBody func(m *mailparse.Message) bool
	// NeedBodies, if set, decides for a whole chunk at once (and NeedBody
	// is not used), so that one message can make another worth reading:
	// the recruiter's plain "Re: Tuesday" beside the invitation from the
	// same company. It returns one answer per message.
	NeedBodies func(ms []*mailparse.Message) []bool
	// OnReset is called when the mailbox's UIDVALIDITY changed: the caller
	// forgets its cursor and the scan starts over.
	OnReset func(ctx context.Context, uidValidity uint32) error
	// Progress, if set, is told how many of the UIDs to read are done.
	Progress func(done, total int)
	// DialText, if set, opens a second connection for a long scan: the
	// text of one chunk is fetched on it while the headers of the next
	// arrive on the first, so the server and the decoding work on both at
	// once. Short scans (the daemon's new mail) use one connection.
	DialText func(ctx context.Context) (*Conn, error)

	text *Conn // the second connection, while a scan uses one
}

// headerFields is what a scan fetches of every message's header: the
// fields inboxwatch reads, less those BODYSTRUCTURE already carries
// (Content-Type, Content-Transfer-Encoding, MIME-Version).
var headerFields = func() []string {
	var out []string
	for _, f := range mailparse.HeaderFields {
		switch f {
		case "Content-Type", "Content-Transfer-Encoding", "MIME-Version":
			continue
		}
		out = append(out, f)
	}
	return out
}()

// Scan reads a mailbox read-only (EXAMINE, BODY.PEEK) from after the
// cursor, in chunks of UIDs, and hands each chunk to sink in UID order. The
// caller commits each chunk and its LastUID together; a scan interrupted at
// any point resumes after the last committed chunk.
func (c *Conn) Scan(ctx context.Context, mailbox string, cur Cursor, opts ScanOptions, sink func(context.Context, Chunk) error) error {
	if opts.ChunkSize <= 0 {
		opts.ChunkSize = 500
	}
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = 64 << 10
	}
	log := c.log.With("mailbox", mailbox)
	sel, err := c.examine(ctx, mailbox)
	if err != nil {
		return err
	}
	if cur.UIDValidity != 0 && cur.UIDValidity != sel.UIDValidity {
		log.Warn("UIDVALIDITY changed: rescanning", "old", cur.UIDValidity, "new", sel.UIDValidity)
		if opts.OnReset != nil {
			if err := opts.OnReset(ctx, sel.UIDValidity); err != nil {
				return err
			}
		}
		cur = Cursor{UIDValidity: sel.UIDValidity}
	}
	cur.UIDValidity = sel.UIDValidity
	top := uint32(0)
	if sel.UIDNext > 0 {
		top = uint32(sel.UIDNext) - 1
	}
	if sel.NumMessages == 0 {
		return sink(ctx, Chunk{Mailbox: mailbox, UIDValidity: cur.UIDValidity, LastUID: max(top, cur.LastUID), ModSeq: sel.HighestModSeq, Done: true})
	}
	if cur.LastUID > 0 && top > 0 && top <= cur.LastUID {
		return nil // nothing new
	}
	// Which UIDs to read.
	criteria := &imap.SearchCriteria{}
	if cur.LastUID > 0 {
		criteria.UID = []imap.UIDSet{{imap.UIDRange{Start: imap.UID(cur.LastUID + 1), Stop: 0}}}
	}
	if !opts.Since.IsZero() {
		criteria.Since = opts.Since
	}
	var sd *imap.SearchData
	err = c.bounded(ctx, func() error {
		var err error
		sd, err = c.c.UIDSearch(criteria, nil).Wait()
		return err
	})
	if err != nil {
		return fmt.Errorf("search %s: %w", mailbox, err)
	}
	var uids []uint32
	for _, u := range sd.AllUIDs() {
		// "n:*" matches the highest UID even when it is below n.
		if uint32(u) > cur.LastUID {
			uids = append(uids, uint32(u))
		}
	}
	slices.Sort(uids)
	if len(uids) > 0 {
		top = max(top, uids[len(uids)-1])
	}
	if len(uids) == 0 {
		if top > cur.LastUID {
			return sink(ctx, Chunk{Mailbox: mailbox, UIDValidity: cur.UIDValidity, LastUID: top, ModSeq: sel.HighestModSeq, Done: true})
		}
		return nil
	}
	log.Debug("scan", "uids", len(uids), "from", uids[0], "to", uids[len(uids)-1])
	if opts.DialText != nil && len(uids) > 2*opts.ChunkSize {
		tc, err := c.openText(ctx, mailbox, sel.UIDValidity, opts.DialText)
		if err != nil {
			// One connection does the job too, only slower.
			log.Debug("reading text on the main connection", "reason", err.Error())
		} else {
			defer tc.Logout(context.WithoutCancel(ctx))
			opts.text = tc
		}
	}
	// While one chunk is decided on, read and committed, the headers of
	// the next are already on their way: the server, the decoder and the
	// caller work at the same time. The two commands name different UIDs,
	// so their answers cannot mix.
	span := func(i int) []uint32 { return uids[i:min(i+opts.ChunkSize, len(uids))] }
	next := c.prefetch(ctx, mailbox, span(0))
	defer func() {
		if next != nil {
			<-next // never leave a command running on the connection
		}
	}()
	for i := 0; i < len(uids); i += opts.ChunkSize {
		part := span(i)
		hr := <-next
		next = nil
		if hr.err != nil {
			return hr.err
		}
		if i+opts.ChunkSize < len(uids) {
			next = c.prefetch(ctx, mailbox, span(i+opts.ChunkSize))
		}
		ch, err := c.readChunk(ctx, mailbox, part, hr.got, opts)
		if err != nil {
			return err
		}
		ch.UIDValidity = cur.UIDValidity
		ch.LastUID = part[len(part)-1]
		ch.Seen = len(part)
		if i+opts.ChunkSize >= len(uids) {
			ch.Done = true
			ch.LastUID = max(ch.LastUID, top)
			ch.ModSeq = sel.HighestModSeq
		}
		if err := sink(ctx, ch); err != nil {
			return err
		}
		if opts.Progress != nil {
			opts.Progress(min(i+opts.ChunkSize, len(uids)), len(uids))
		}
	}
	return nil
}

// openText dials and prepares the second connection of a long scan; it
// must see the mailbox as this one does.
func (c *Conn) openText(ctx context.Context, mailbox string, uidValidity uint32, dial func(context.Context) (*Conn, error)) (*Conn, error) {
	tc, err := dial(ctx)
	if err != nil {
		return nil, err
	}
	sel, err := tc.examine(ctx, mailbox)
	if err == nil && sel.UIDValidity != uidValidity {
		err = fmt.Errorf("examine %s: UIDVALIDITY %d on the second connection, %d on the first", mailbox, sel.UIDValidity, uidValidity)
	}
	if err != nil {
		tc.Close()
		return nil, err
	}
	return tc, nil
}

// examine opens mailbox read-only. When this connection's last scan
// already did, a NOOP brings the news instead: on a big mailbox opening
// it again costs the server far more than the new mail does. UIDNEXT is
// then unknown (0) and the search alone says what is new.
func (c *Conn) examine(ctx context.Context, mailbox string) (*imap.SelectData, error) {
	if c.examined == mailbox {
		err := c.bounded(ctx, func() error { return c.c.Noop().Wait() })
		if err != nil {
			return nil, fmt.Errorf("noop %s: %w", mailbox, err)
		}
		if mb := c.c.Mailbox(); mb != nil && mb.Name == mailbox {
			sel := c.examinedSel
			sel.NumMessages = mb.NumMessages
			sel.UIDNext = 0
			return &sel, nil
		}
	}
	c.examined = ""
	var sel *imap.SelectData
	err := c.bounded(ctx, func() error {
		var err error
		sel, err = c.c.Select(mailbox, &imap.SelectOptions{ReadOnly: true}).Wait()
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("examine %s: %w", mailbox, err)
	}
	c.examined, c.examinedSel = mailbox, *sel
	return sel, nil
}

func uidSet(uids []uint32) imap.UIDSet {
	var s imap.UIDSet
	for _, u := range uids {
		s.AddNum(imap.UID(u))
	}
	return s
}

// textPart is a body part worth fetching, found in the body structure.
type textPart struct {
	path     []int
	part     *imap.BodyStructureSinglePart
	filename string
}

// pickParts chooses the text parts to fetch: text/plain (or HTML when a
// message has no plain text) and a calendar invitation; everything else is
// an attachment known by its size alone.
func pickParts(bs imap.BodyStructure) (fetch []textPart, attachments []mailparse.Part) {
	if bs == nil {
		return nil, nil
	}
	var plain, html, cal []textPart
	bs.Walk(func(path []int, b imap.BodyStructure) bool {
		sp, ok := b.(*imap.BodyStructureSinglePart)
		if !ok {
			return len(path) < 16 // do not descend absurdly deep trees
		}
		mt := sp.MediaType()
		disp := sp.Disposition()
		isAttachment := disp != nil && strings.EqualFold(disp.Value, "attachment")
		fn := sp.Filename()
		p := textPart{path: slices.Clone(path), part: sp, filename: fn}
		switch {
		case mt == "text/calendar" || mt == "application/ics":
			cal = append(cal, p)
		case mt == "text/plain" && !isAttachment && fn == "":
			plain = append(plain, p)
		case mt == "text/html" && !isAttachment && fn == "":
			html = append(html, p)
		default:
			attachments = append(attachments, mailparse.Part{MediaType: mt, Filename: fn, Size: int64(sp.Size)})
		}
		return true
	})
	switch {
	case len(plain) > 0:
		fetch = append(fetch, plain[0])
		// A tiny plain part often just points at the HTML version.
		if plain[0].part.Size < 200 && len(html) > 0 {
			fetch = append(fetch, html[0])
		}
	case len(html) > 0:
		fetch = append(fetch, html[0])
	}
	if len(cal) > 0 {
		fetch = append(fetch, cal[0])
	}
	return fetch, attachments
}

func sectionKey(parts []textPart) string {
	var sb strings.Builder
	for _, p := range parts {
		sb.WriteString(fmt.Sprint(p.path))
	}
	return sb.String()
}

type pending struct {
	header []byte
	bs     imap.BodyStructure
	size   int64
	fetch  []textPart
	atts   []mailparse.Part
	msg    *mailparse.Message
	err    error // the header could not be parsed
}

type headers struct {
	got map[uint32]*pending
	err error
}

// prefetch fetches the headers and structure of a run of UIDs in the
// background; the answer arrives on the returned channel.
func (c *Conn) prefetch(ctx context.Context, mailbox string, uids []uint32) chan headers {
	out := make(chan headers, 1)
	go func() {
		got, err := c.fetchHeaders(ctx, mailbox, uids)
		out <- headers{got, err}
	}()
	return out
}

// fetchHeaders reads the header fields and body structure of a run of UIDs.
func (c *Conn) fetchHeaders(ctx context.Context, mailbox string, uids []uint32) (map[uint32]*pending, error) {
	hdrSection := &imap.FetchItemBodySection{Specifier: imap.PartSpecifierHeader, HeaderFields: headerFields, Peek: true}
	fo := &imap.FetchOptions{
		UID:           true,
		RFC822Size:    true,
		BodyStructure: &imap.FetchItemBodyStructure{Extended: true},
		BodySection:   []*imap.FetchItemBodySection{hdrSection},
	}
	got := make(map[uint32]*pending, len(uids))
	w := c.watch(ctx)
	cmd := c.c.Fetch(uidSet(uids), fo)
	for {
		msg := cmd.Next()
		if msg == nil {
			break
		}
		w.kick()
		buf, err := msg.Collect()
		if err != nil {
			cmd.Close()
			return nil, w.done(ctx, fmt.Errorf("fetch %s: %w", mailbox, err))
		}
		if buf.UID == 0 {
			continue
		}
		got[uint32(buf.UID)] = &pending{header: buf.FindBodySection(hdrSection), bs: buf.BodyStructure, size: buf.RFC822Size}
	}
	if err := w.done(ctx, cmd.Close()); err != nil {
		return nil, fmt.Errorf("fetch %s: %w", mailbox, err)
	}
	// Parsed here, in the background, while the caller works on the
	// chunk before.
	for _, p := range got {
		p.msg, p.err = mailparse.ParseHeader(p.header)
		if p.err != nil {
			continue
		}
		p.fetch, p.atts = pickParts(p.bs)
		// What the structure says the message carries (a calendar
		// invitation, an "Offer_Letter.pdf") helps decide whether to read it.
		for _, a := range p.atts {
			p.msg.Attachments = append(p.msg.Attachments, mailparse.Attachment{Filename: a.Filename, ContentType: a.MediaType, Size: a.Size})
		}
		for _, f := range p.fetch {
			if mt := f.part.MediaType(); mt == "text/calendar" || mt == "application/ics" {
				p.msg.Attachments = append(p.msg.Attachments, mailparse.Attachment{Filename: f.filename, ContentType: mt, Size: int64(f.part.Size)})
			}
		}
	}
	return got, nil
}

// readChunk parses the headers of a run of UIDs, asks which messages are
// worth reading, and fetches their text parts.
func (c *Conn) readChunk(ctx context.Context, mailbox string, uids []uint32, got map[uint32]*pending, opts ScanOptions) (Chunk, error) {
	ch := Chunk{Mailbox: mailbox}
	// Decide which bodies to read, grouping messages with the same parts
	// into one FETCH.
	var readable []uint32
	var headers []*mailparse.Message
	for _, uid := range uids {
		p, ok := got[uid]
		if !ok {
			continue // expunged meanwhile
		}
		if p.err != nil {
			ch.Skipped = append(ch.Skipped, Skipped{UID: uid, Reason: "unreadable header: " + p.err.Error()})
			c.log.Warn("skipping message", "mailbox", mailbox, "uid", uid, "reason", p.err.Error())
			continue
		}
		readable = append(readable, uid)
		headers = append(headers, p.msg)
	}
	need := make([]bool, len(headers))
	switch {
	case opts.NeedBodies != nil:
		copy(need, opts.NeedBodies(headers))
	case opts.NeedBody != nil:
		for i, m := range headers {
			need[i] = opts.NeedBody(m)
		}
	default:
		for i := range need {
			need[i] = true
		}
	}
	groups := map[string][]uint32{}
	for i, uid := range readable {
		if p := got[uid]; len(p.fetch) > 0 && need[i] {
			k := sectionKey(p.fetch)
			groups[k] = append(groups[k], uid)
		}
	}
	// Every group's FETCH goes out at once, each answer read by its own
	// goroutine (a server may interleave them): one wait for the server
	// instead of one per group.
	results := make([]map[uint32][]mailparse.Part, len(groups))
	errs := make([]error, len(groups))
	var wg sync.WaitGroup
	tc := c
	if opts.text != nil {
		tc = opts.text
	}
	i := -1
	for _, group := range groups {
		i++
		f := tc.startBodies(group, got, opts.MaxBodyBytes)
		results[i] = map[uint32][]mailparse.Part{}
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			errs[i] = tc.collectBodies(ctx, mailbox, f, got, opts.MaxBodyBytes, results[i])
		}(i)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return ch, err // the first says it; the rest echo a dead connection
		}
	}
	bodies := map[uint32][]mailparse.Part{}
	for _, r := range results {
		maps.Copy(bodies, r)
	}
	for _, uid := range uids {
		p, ok := got[uid]
		if !ok || p.err != nil || p.msg == nil {
			continue
		}
		f := Fetched{UID: uid, Size: p.size, Msg: p.msg}
		if parts, ok := bodies[uid]; ok {
			m, err := mailparse.FromParts(p.header, append(parts, p.atts...), mailparse.Limits{})
			if err != nil {
				ch.Skipped = append(ch.Skipped, Skipped{UID: uid, Reason: err.Error()})
				continue
			}
			for _, pr := range m.Problems {
				c.log.Debug("message parsed with problems", "mailbox", mailbox, "uid", uid, "problem", pr)
			}
			f.Msg, f.Body = m, true
		}
		ch.Messages = append(ch.Messages, f)
	}
	return ch, nil
}

// bodyFetch is a FETCH of the same text parts of a group of messages.
type bodyFetch struct {
	cmd      *imapclient.FetchCommand
	sections []*imap.FetchItemBodySection
}

// startBodies sends the FETCH for a group of messages whose wanted parts
// have the same section paths.
func (c *Conn) startBodies(uids []uint32, got map[uint32]*pending, maxBytes int) *bodyFetch {
	parts := got[uids[0]].fetch
	var sections []*imap.FetchItemBodySection
	for _, p := range parts {
		sections = append(sections, &imap.FetchItemBodySection{Part: p.path, Peek: true, Partial: &imap.SectionPartial{Offset: 0, Size: int64(maxBytes)}})
	}
	return &bodyFetch{cmd: c.c.Fetch(uidSet(uids), &imap.FetchOptions{UID: true, BodySection: sections}), sections: sections}
}

// collectBodies reads the answer to a FETCH startBodies sent.
func (c *Conn) collectBodies(ctx context.Context, mailbox string, f *bodyFetch, got map[uint32]*pending, maxBytes int, out map[uint32][]mailparse.Part) error {
	cmd, sections := f.cmd, f.sections
	w := c.watch(ctx)
	for {
		msg := cmd.Next()
		if msg == nil {
			break
		}
		w.kick()
		buf, err := msg.Collect()
		if err != nil {
			cmd.Close()
			return w.done(ctx, fmt.Errorf("fetch bodies %s: %w", mailbox, err))
		}
		p, ok := got[uint32(buf.UID)]
		if !ok {
			continue
		}
		var res []mailparse.Part
		for i, tp := range p.fetch {
			if i >= len(sections) {
				break
			}
			body := findSection(buf, sections[i])
			res = append(res, mailparse.Part{
				MediaType: tp.part.MediaType(),
				Params:    tp.part.Params,
				Encoding:  tp.part.Encoding,
				Filename:  tp.filename,
				Size:      int64(tp.part.Size),
				Body:      nonNil(body),
				Truncated: int64(tp.part.Size) > int64(maxBytes),
			})
		}
		out[uint32(buf.UID)] = res
	}
	if err := w.done(ctx, cmd.Close()); err != nil {
		return fmt.Errorf("fetch bodies %s: %w", mailbox, err)
	}
	return nil
}

// findSection finds a fetched section; servers answer a partial request
// with "BODY[1]<0>", which go-imap matches on part and specifier.
func findSection(buf *imapclient.FetchMessageBuffer, want *imap.FetchItemBodySection) []byte {
	for _, s := range buf.BodySection {
		if slices.Equal(s.Section.Part, want.Part) && s.Section.Specifier == want.Specifier {
			return s.Bytes
		}
	}
	return nil
}

func nonNil(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}

// IsAuthError reports whether err is a rejected login.
func IsAuthError(err error) bool {
	var ae *AuthError
	return errors.As(err, &ae)
}

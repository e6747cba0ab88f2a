package state

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/inboxwatch/inboxwatch/internal/classify"
	"github.com/inboxwatch/inboxwatch/internal/mailparse"
)

// Cursor is how far a mailbox has been read.
type Cursor struct {
	Mailbox       string
	UIDValidity   uint32
	LastUID       uint32
	HighestModSeq uint64
	MessagesSeen  int64
}

// Cursor returns the mailbox's cursor; ok is false when it was never read.
func (s *Store) Cursor(ctx context.Context, mailbox string) (c Cursor, ok bool, err error) {
	err = s.db.QueryRowContext(ctx,
		`SELECT mailbox, uidvalidity, last_uid, highest_modseq, messages_seen FROM cursors WHERE mailbox = ?`, mailbox).
		Scan(&c.Mailbox, &c.UIDValidity, &c.LastUID, &c.HighestModSeq, &c.MessagesSeen)
	if errors.Is(err, sql.ErrNoRows) {
		return Cursor{Mailbox: mailbox}, false, nil
	}
	if err != nil {
		return c, false, fmt.Errorf("state: read cursor %s: %w", mailbox, err)
	}
	return c, true, nil
}

// ResetMailbox forgets where a mailbox's messages were, after its
// UIDVALIDITY changed. The messages themselves stay: a rescan finds them by
// key and adds nothing twice.
func (s *Store) ResetMailbox(ctx context.Context, mailbox string, uidValidity uint32) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("state: reset %s: %w", mailbox, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM locations WHERE mailbox = ?`, mailbox); err != nil {
		return fmt.Errorf("state: reset %s: %w", mailbox, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM skipped WHERE mailbox = ?`, mailbox); err != nil {
		return fmt.Errorf("state: reset %s: %w", mailbox, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO cursors(mailbox, uidvalidity, last_uid, highest_modseq, messages_seen, updated_at)
		VALUES(?, ?, 0, 0, 0, ?) ON CONFLICT(mailbox) DO UPDATE SET uidvalidity = excluded.uidvalidity, last_uid = 0, highest_modseq = 0, messages_seen = 0, updated_at = excluded.updated_at`,
		mailbox, uidValidity, s.stamp()); err != nil {
		return fmt.Errorf("state: reset %s: %w", mailbox, err)
	}
	return tx.Commit()
}

// Incoming is one message read from the server, ready to store.
type Incoming struct {
	UID      uint32
	Msg      *mailparse.Message
	Outbound bool
	// Class is the classifier's reading (inbound).
	Class classify.Result
	// Review is set when Class is below the confidence threshold.
	Review bool
	// Identity of the employer and role (from package employer).
	Company, CompanyKey, Domain, Role, RoleKey string
	// Relay or free-mail senders do not identify the employer by domain.
	Relay    string
	FreeMail bool
}

// Skip is a message that could not be read.
type Skip struct {
	UID    uint32
	Reason string
}

// Batch is a run of consecutive UIDs of one mailbox: the messages worth
// storing, those skipped, and the cursor position that covers them all.
type Batch struct {
	Mailbox       string
	UIDValidity   uint32
	LastUID       uint32 // every UID up to here has been seen
	HighestModSeq uint64
	Seen          int // messages examined in this batch (stored or not)
	Messages      []Incoming
	Skipped       []Skip
}

// CommitResult says what a batch changed.
type CommitResult struct {
	Added       int     // new messages stored
	Duplicates  int     // already known (another folder, or a rescan)
	Apps        []int64 // applications touched
	NewApps     int
	Unassigned  int // job messages that matched no application
	CursorMoved bool
}

// MessageKey is the identity of a message across folders: its Message-ID,
// or when it has none a hash of date, sender, recipients and subject.
func MessageKey(m *mailparse.Message) string {
	if m.MessageID != "" {
		return "id:" + m.MessageID
	}
	h := sha256.New()
	fmt.Fprintf(h, "%d\x00%s\x00", m.Date.Unix(), m.From.Addr)
	for _, a := range m.To {
		fmt.Fprintf(h, "%s,", a.Addr)
	}
	fmt.Fprintf(h, "\x00%s", m.Subject)
	return "h:" + hex.EncodeToString(h.Sum(nil)[:16])
}

// Commit stores a batch and advances the mailbox cursor in one transaction.
// A cursor never moves backwards and a message is stored once.
func (s *Store) Commit(ctx context.Context, b Batch) (CommitResult, error) {
	var res CommitResult
	tx, err := s.begin(ctx)
	if err != nil {
		return res, fmt.Errorf("state: commit %s: %w", b.Mailbox, err)
	}
	defer tx.Rollback()
	cur, known, err := cursorTx(ctx, tx, b.Mailbox)
	if err != nil {
		return res, err
	}
	if known && cur.UIDValidity != b.UIDValidity {
		return res, fmt.Errorf("state: commit %s: UIDVALIDITY %d does not match stored %d (reset the mailbox first)", b.Mailbox, b.UIDValidity, cur.UIDValidity)
	}
	touched := map[int64]bool{}
	for i := range b.Messages {
		in := &b.Messages[i]
		if known && in.UID <= cur.LastUID {
			continue // already covered by the cursor: never count twice
		}
		id, added, err := s.storeMessage(ctx, tx, in)
		if err != nil {
			return res, err
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO locations(mailbox, uidvalidity, uid, message) VALUES(?, ?, ?, ?)`,
			b.Mailbox, b.UIDValidity, in.UID, id); err != nil {
			return res, fmt.Errorf("state: store location: %w", err)
		}
		if !added {
			res.Duplicates++
			continue
		}
		res.Added++
		app, created, err := s.assign(ctx, tx, id, in)
		if err != nil {
			return res, err
		}
		if created {
			res.NewApps++
		}
		if app != 0 {
			touched[app] = true
		} else if !in.Outbound && in.Class.Category.IsJob() {
			res.Unassigned++
		}
	}
	for _, sk := range b.Skipped {
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO skipped(mailbox, uidvalidity, uid, reason, at) VALUES(?, ?, ?, ?, ?)`,
			b.Mailbox, b.UIDValidity, sk.UID, sk.Reason, s.stamp()); err != nil {
			return res, fmt.Errorf("state: record skip: %w", err)
		}
	}
	if !known || b.LastUID > cur.LastUID || b.HighestModSeq > cur.HighestModSeq {
		last := max(b.LastUID, cur.LastUID)
		seen := cur.MessagesSeen + int64(b.Seen)
		if _, err := tx.ExecContext(ctx, `INSERT INTO cursors(mailbox, uidvalidity, last_uid, highest_modseq, messages_seen, updated_at)
			VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(mailbox) DO UPDATE SET uidvalidity = excluded.uidvalidity, last_uid = excluded.last_uid,
			highest_modseq = max(highest_modseq, excluded.highest_modseq), messages_seen = excluded.messages_seen, updated_at = excluded.updated_at`,
			b.Mailbox, b.UIDValidity, last, b.HighestModSeq, seen, s.stamp()); err != nil {
			return res, fmt.Errorf("state: advance cursor %s: %w", b.Mailbox, err)
		}
		res.CursorMoved = true
	}
	if err := tx.Commit(); err != nil {
		return res, fmt.Errorf("state: commit %s: %w", b.Mailbox, err)
	}
	for id := range touched {
		res.Apps = append(res.Apps, id)
	}
	return res, nil
}

func cursorTx(ctx context.Context, tx *stx, mailbox string) (c Cursor, ok bool, err error) {
	err = tx.QueryRowContext(ctx, `SELECT mailbox, uidvalidity, last_uid, highest_modseq, messages_seen FROM cursors WHERE mailbox = ?`, mailbox).
		Scan(&c.Mailbox, &c.UIDValidity, &c.LastUID, &c.HighestModSeq, &c.MessagesSeen)
	if errors.Is(err, sql.ErrNoRows) {
		return Cursor{Mailbox: mailbox}, false, nil
	}
	if err != nil {
		return c, false, fmt.Errorf("state: read cursor %s: %w", mailbox, err)
	}
	return c, true, nil
}

func addrJSON(l []mailparse.Address) string {
	if len(l) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(l)
	return string(b)
}

func timePtr(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.RFC3339)
}

// storeMessage inserts the message unless its key is known; it returns the
// row id and whether it was added.
func (s *Store) storeMessage(ctx context.Context, tx *stx, in *Incoming) (int64, bool, error) {
	m := in.Msg
	key := MessageKey(m)
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM messages WHERE key = ?`, key).Scan(&id)
	if err == nil {
		return id, false, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, false, fmt.Errorf("state: look up message: %w", err)
	}
	date := m.Date
	if date.IsZero() {
		date = s.now()
	}
	ev, _ := json.Marshal(in.Class.Evidence)
	if in.Class.Evidence == nil {
		ev = []byte("[]")
	}
	r, err := tx.ExecContext(ctx, `INSERT INTO messages(key, message_id, in_reply_to, refs, date, date_unix, from_addr, from_name,
		to_json, cc_json, reply_to_json, subject, outbound, category, confidence, review, timeline, no_follow_up,
		interview_at, interview_end, return_date, evidence_json, company, company_key, role, role_key, sender_domain, stored_at)
		VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		key, m.MessageID, joinIDs(m.InReplyTo), joinIDs(m.References), date.Format(time.RFC3339), date.Unix(),
		m.From.Addr, m.From.Name, addrJSON(m.To), addrJSON(m.Cc), addrJSON(m.ReplyTo), m.Subject,
		boolInt(in.Outbound), string(in.Class.Category), in.Class.Confidence, boolInt(in.Review),
		in.Class.Timeline, boolInt(in.Class.NoFollowUp), timePtr(in.Class.InterviewAt), timePtr(in.Class.InterviewEnd),
		in.Class.ReturnDate, string(ev), in.Company, in.CompanyKey, in.Role, in.RoleKey, senderDomain(in), s.stamp())
	if err != nil {
		return 0, false, fmt.Errorf("state: store message: %w", err)
	}
	id, err = r.LastInsertId()
	if err != nil {
		return 0, false, fmt.Errorf("state: store message: %w", err)
	}
	for _, ref := range refsOf(m) {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO message_refs(ref, message) VALUES(?, ?)`, ref, id); err != nil {
			return 0, false, fmt.Errorf("state: store thread link: %w", err)
		}
	}
	return id, true, nil
}

// senderDomain is the domain that identifies the company, when the sender's
// own domain does (not a relay, not free mail).
func senderDomain(in *Incoming) string {
	if in.Outbound || in.Relay != "" || in.FreeMail {
		return ""
	}
	return in.Domain
}

// threadApp finds an application one of the referenced Message-IDs belongs to.
func threadApp(ctx context.Context, tx *stx, ids []string) (int64, error) {
	for i := len(ids) - 1; i >= 0; i-- { // newest reference first
		var app sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT app_id FROM messages WHERE message_id = ? AND message_id != '' AND app_id IS NOT NULL LIMIT 1`, ids[i]).Scan(&app)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return 0, fmt.Errorf("state: thread lookup: %w", err)
		}
		if app.Valid {
			return resolveMerged(ctx, tx, app.Int64)
		}
	}
	return 0, nil
}

func resolveMerged(ctx context.Context, tx *stx, id int64) (int64, error) {
	for range 32 {
		var into sql.NullInt64
		if err := tx.QueryRowContext(ctx, `SELECT merged_into FROM applications WHERE id = ?`, id).Scan(&into); err != nil {
			return 0, fmt.Errorf("state: resolve application %d: %w", id, err)
		}
		if !into.Valid {
			return id, nil
		}
		id = into.Int64
	}
	return id, nil
}

func refsOf(m *mailparse.Message) []string {
	ids := append([]string{}, m.References...)
	for _, id := range m.InReplyTo {
		found := false
		for _, r := range ids {
			if r == id {
				found = true
			}
		}
		if !found {
			ids = append(ids, id)
		}
	}
	return ids
}

// assign decides the application of a newly stored message: thread first,
// then the employer (and role), then, for a job message, a new application.
func (s *Store) assign(ctx context.Context, tx *stx, msgID int64, in *Incoming) (app int64, created bool, err error) {
	m := in.Msg
	app, err = threadApp(ctx, tx, refsOf(m))
	if err != nil {
		return 0, false, err
	}
	if app == 0 && m.MessageID != "" {
		// A message already stored may reply to this one (folders are
		// read in any order): adopt its application.
		var a sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT m.app_id FROM message_refs r JOIN messages m ON m.id = r.message
			WHERE r.ref = ? AND m.app_id IS NOT NULL LIMIT 1`, m.MessageID).Scan(&a)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return 0, false, fmt.Errorf("state: reverse thread lookup: %w", err)
		}
		if a.Valid {
			app, err = resolveMerged(ctx, tx, a.Int64)
			if err != nil {
				return 0, false, err
			}
		}
	}
	if in.Outbound {
		if app == 0 {
			app, err = s.outboundApp(ctx, tx, m)
			if err != nil {
				return 0, false, err
			}
		}
	} else if app == 0 && in.Class.Category.IsJob() {
		app, created, err = s.employerApp(ctx, tx, in)
		if err != nil {
			return 0, false, err
		}
	}
	if app == 0 {
		return 0, false, nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE messages SET app_id = ? WHERE id = ?`, app, msgID); err != nil {
		return 0, false, fmt.Errorf("state: assign message: %w", err)
	}
	if !created && !in.Outbound {
		if err := fillApp(ctx, tx, app, in); err != nil {
			return 0, false, err
		}
	}
	// Earlier stored messages of the same thread with no application
	// (typically the user's own mail read before the reply) join it.
	if err := adoptThread(ctx, tx, app, m); err != nil {
		return 0, false, err
	}
	return app, created, nil
}

func likeEscape(s string) string {
	return strings.NewReplacer(`%`, ``, `_`, ``).Replace(s)
}

// adoptThread attaches unassigned messages of the thread to app: those this
// message references, those that reference it, and, transitively, those
// that reference or are referenced by any message so adopted (the user's
// follow-up to their own application email, read before the company's
// answer, joins once the answer names the application).
func adoptThread(ctx context.Context, tx *stx, app int64, m *mailparse.Message) error {
	for _, id := range refsOf(m) {
		if _, err := tx.ExecContext(ctx, `UPDATE messages SET app_id = ? WHERE app_id IS NULL AND message_id = ? AND message_id != ''`, app, id); err != nil {
			return fmt.Errorf("state: adopt thread: %w", err)
		}
	}
	for range 16 {
		r, err := tx.ExecContext(ctx, `UPDATE messages SET app_id = ?1 WHERE app_id IS NULL AND (
			id IN (SELECT r.message FROM messages a JOIN message_refs r ON r.ref = a.message_id
				WHERE a.app_id = ?1 AND a.message_id != '')
			OR (message_id != '' AND message_id IN (SELECT r.ref FROM messages a JOIN message_refs r ON r.message = a.id
				WHERE a.app_id = ?1)))`, app)
		if err != nil {
			return fmt.Errorf("state: adopt thread: %w", err)
		}
		if n, _ := r.RowsAffected(); n == 0 {
			return nil
		}
	}
	return nil
}

// outboundApp finds the application a message the user sent is addressed
// to: a contact who wrote from the application's side, or the company's own
// domain.
func (s *Store) outboundApp(ctx context.Context, tx *stx, m *mailparse.Message) (int64, error) {
	for _, a := range append(append([]mailparse.Address{}, m.To...), m.Cc...) {
		var app sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT app_id FROM messages WHERE outbound = 0 AND app_id IS NOT NULL
			AND (from_addr = ? OR reply_to_json LIKE ?) ORDER BY date_unix DESC LIMIT 1`, a.Addr, `%"`+likeEscape(a.Addr)+`"%`).Scan(&app)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return 0, fmt.Errorf("state: contact lookup: %w", err)
		}
		if app.Valid {
			return resolveMerged(ctx, tx, app.Int64)
		}
	}
	for _, a := range m.To {
		d := a.Domain()
		if d == "" {
			continue
		}
		var app int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM applications WHERE merged_into IS NULL AND domain = ? ORDER BY id DESC LIMIT 1`, d).Scan(&app)
		if err == nil {
			return app, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, fmt.Errorf("state: domain lookup: %w", err)
		}
	}
	return 0, nil
}

// employerApp finds or creates the application of an inbound job message
// by its employer and role.
func (s *Store) employerApp(ctx context.Context, tx *stx, in *Incoming) (int64, bool, error) {
	key := in.CompanyKey
	dom := senderDomain(in)
	if key == "" && dom == "" {
		if in.Class.Category == classify.AutoReply {
			return 0, false, nil
		}
	}
	if key != "" {
		var app int64
		err := tx.QueryRowContext(ctx, `SELECT app_id FROM app_aliases WHERE company_key = ? AND (role_key = ? OR role_key = '') ORDER BY role_key DESC LIMIT 1`,
			key, in.RoleKey).Scan(&app)
		if err == nil {
			a, err := resolveMerged(ctx, tx, app)
			return a, false, err
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, false, fmt.Errorf("state: alias lookup: %w", err)
		}
	}
	// Candidates: same company key, or same company domain.
	rows, err := tx.QueryContext(ctx, `SELECT a.id, a.role_key, COALESCE((SELECT max(date_unix) FROM messages WHERE app_id = a.id), 0)
		FROM applications a WHERE a.merged_into IS NULL AND ((a.company_key = ? AND ? != '') OR (a.domain = ? AND ? != ''))
		ORDER BY 3 DESC`, key, key, dom, dom)
	if err != nil {
		return 0, false, fmt.Errorf("state: company lookup: %w", err)
	}
	type cand struct {
		id      int64
		roleKey string
	}
	var cands []cand
	for rows.Next() {
		var c cand
		var last int64
		if err := rows.Scan(&c.id, &c.roleKey, &last); err != nil {
			rows.Close()
			return 0, false, fmt.Errorf("state: company lookup: %w", err)
		}
		cands = append(cands, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, false, fmt.Errorf("state: company lookup: %w", err)
	}
	if len(cands) > 0 {
		if in.RoleKey == "" {
			return cands[0].id, false, nil // the most recently active one
		}
		for _, c := range cands {
			if c.roleKey == in.RoleKey {
				return c.id, false, nil
			}
		}
		// "senior software engineer" and "senior software engineer, fleet
		// platform" are one role written twice.
		for _, c := range cands {
			if sameRole(c.roleKey, in.RoleKey) {
				return c.id, false, nil
			}
		}
		for _, c := range cands {
			if c.roleKey == "" {
				return c.id, false, nil // role learned now
			}
		}
	}
	if in.Review || !opensApplication(in.Class.Category) {
		return 0, false, nil
	}
	if key == "" && dom == "" {
		return 0, false, nil // nothing to name it by
	}
	company := in.Company
	if company == "" {
		company = dom
	}
	r, err := tx.ExecContext(ctx, `INSERT INTO applications(company, company_key, domain, role, role_key, created_at) VALUES(?, ?, ?, ?, ?, ?)`,
		company, key, dom, in.Role, in.RoleKey, s.stamp())
	if err != nil {
		return 0, false, fmt.Errorf("state: create application: %w", err)
	}
	id, err := r.LastInsertId()
	return id, true, err
}

// opensApplication reports whether a message of this category may start a
// new application. Auto-replies only join existing ones.
func opensApplication(c classify.Category) bool {
	switch c {
	case classify.ApplicationReceived, classify.InterviewInvitation, classify.Rejection, classify.Offer, classify.RecruiterReply:
		return true
	}
	return false
}

// fillApp completes an application's name, role and domain from a new
// message when they were unknown.
func fillApp(ctx context.Context, tx *stx, app int64, in *Incoming) error {
	_, err := tx.ExecContext(ctx, `UPDATE applications SET
		company = CASE WHEN company = '' OR company = domain THEN COALESCE(NULLIF(?, ''), company) ELSE company END,
		company_key = CASE WHEN company_key = '' THEN ? ELSE company_key END,
		domain = CASE WHEN domain = '' THEN ? ELSE domain END,
		role = CASE WHEN role = '' THEN ? ELSE role END,
		role_key = CASE WHEN role_key = '' THEN ? ELSE role_key END
		WHERE id = ?`, in.Company, in.CompanyKey, senderDomain(in), in.Role, in.RoleKey, app)
	if err != nil {
		return fmt.Errorf("state: update application: %w", err)
	}
	return nil
}

// ThreadRef is what a stored message tells about the conversations that
// refer to it.
type ThreadRef struct {
	Outbound bool   // the user wrote it
	Assigned bool   // it belongs to an application
	Subject  string //
	To       string // first recipient, for the user's own messages
}

// Threads maps Message-IDs to the stored messages they name.
type Threads map[string]ThreadRef

// KnownThreads looks up which of ids name a stored message (one the user
// sent, or job mail).
func (s *Store) KnownThreads(ctx context.Context, ids []string) (Threads, error) {
	out := Threads{}
	ids = slices.Compact(slices.Sorted(slices.Values(ids)))
	const batch = 400 // well under SQLite's limit on parameters
	for len(ids) > 0 {
		part := ids[:min(batch, len(ids))]
		ids = ids[len(part):]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		q := `SELECT message_id, outbound, app_id IS NOT NULL, subject, to_json FROM messages
			WHERE message_id != '' AND message_id IN (?` + strings.Repeat(", ?", len(part)-1) + `)`
		rows, err := s.db.QueryContext(ctx, q, args...)
		if err != nil {
			return out, fmt.Errorf("state: thread lookup: %w", err)
		}
		for rows.Next() {
			var id, to string
			var r ThreadRef
			if err := rows.Scan(&id, &r.Outbound, &r.Assigned, &r.Subject, &to); err != nil {
				rows.Close()
				return out, fmt.Errorf("state: thread lookup: %w", err)
			}
			var addrs []mailparse.Address
			if json.Unmarshal([]byte(to), &addrs) == nil && len(addrs) > 0 {
				r.To = addrs[0].Addr
			}
			out[id] = r
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return out, fmt.Errorf("state: thread lookup: %w", err)
		}
	}
	return out, nil
}

// Contacts are the senders and company domains already tied to an
// application: mail from them is worth reading whatever its subject.
type Contacts struct {
	addrs, domains map[string]bool
}

// Has reports whether addr, or its domain, is a known contact.
func (c Contacts) Has(addr string) bool {
	if addr == "" {
		return false
	}
	if c.addrs[addr] {
		return true
	}
	if i := strings.LastIndexByte(addr, '@'); i >= 0 {
		return c.domains[addr[i+1:]]
	}
	return false
}

// Contacts reads the known contacts. Sync takes one snapshot per chunk
// rather than asking once per message.
func (s *Store) Contacts(ctx context.Context) (Contacts, error) {
	c := Contacts{addrs: map[string]bool{}, domains: map[string]bool{}}
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT from_addr, 0 FROM messages WHERE from_addr != '' AND app_id IS NOT NULL
		UNION ALL SELECT DISTINCT domain, 1 FROM applications WHERE domain != ''`)
	if err != nil {
		return c, fmt.Errorf("state: contact lookup: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var v string
		var isDomain bool
		if err := rows.Scan(&v, &isDomain); err != nil {
			return c, fmt.Errorf("state: contact lookup: %w", err)
		}
		if isDomain {
			c.domains[v] = true
		} else {
			c.addrs[v] = true
		}
	}
	if err := rows.Err(); err != nil {
		return c, fmt.Errorf("state: contact lookup: %w", err)
	}
	return c, nil
}

// sameRole reports whether two role keys name one role: equal, or one is the
// other with words added at the end.
func sameRole(a, b string) bool {
	if a == "" || b == "" {
		return a == b
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return a == b || (strings.HasPrefix(b, a) && (b[len(a)] == ' ' || b[len(a)] == ','))
}

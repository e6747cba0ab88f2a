package state

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/inboxwatch/inboxwatch/internal/classify"
	"github.com/inboxwatch/inboxwatch/internal/mailparse"
)

// Message is a stored message.
type Message struct {
	ID           int64
	MessageID    string
	InReplyTo    []string
	References   []string
	Date         time.Time
	From         mailparse.Address
	To, Cc       []mailparse.Address
	ReplyTo      []mailparse.Address
	Subject      string
	Outbound     bool
	Category     classify.Category
	Confidence   float64
	Review       bool
	Timeline     string
	NoFollowUp   bool
	InterviewAt  time.Time
	InterviewEnd time.Time
	ReturnDate   string
	Evidence     []string
	Company      string
	Role         string
	AppID        int64
}

// Application is a stored application with its messages, oldest first.
type Application struct {
	ID           int64
	Company      string
	CompanyKey   string
	Domain       string
	Role         string
	RoleKey      string
	CreatedAt    time.Time
	Override     string
	OverrideAt   time.Time
	Ignored      bool
	SnoozedUntil time.Time
	Messages     []Message
}

const messageCols = `id, message_id, in_reply_to, refs, date, from_addr, from_name, to_json, cc_json, reply_to_json,
	subject, outbound, category, confidence, review, timeline, no_follow_up, interview_at, interview_end,
	return_date, evidence_json, company, role, COALESCE(app_id, 0)`

func scanMessage(sc interface{ Scan(...any) error }) (Message, error) {
	var m Message
	var irt, refs, date, to, cc, rt, cat, iat, iend, ev string
	var out, review, nfu int
	err := sc.Scan(&m.ID, &m.MessageID, &irt, &refs, &date, &m.From.Addr, &m.From.Name, &to, &cc, &rt,
		&m.Subject, &out, &cat, &m.Confidence, &review, &m.Timeline, &nfu, &iat, &iend,
		&m.ReturnDate, &ev, &m.Company, &m.Role, &m.AppID)
	if err != nil {
		return m, err
	}
	m.InReplyTo, m.References = splitIDs(irt), splitIDs(refs)
	m.Date = parseTime(date)
	m.Outbound, m.Review, m.NoFollowUp = out == 1, review == 1, nfu == 1
	m.Category = classify.Category(cat)
	m.InterviewAt, m.InterviewEnd = parseTime(iat), parseTime(iend)
	_ = json.Unmarshal([]byte(to), &m.To)
	_ = json.Unmarshal([]byte(cc), &m.Cc)
	_ = json.Unmarshal([]byte(rt), &m.ReplyTo)
	_ = json.Unmarshal([]byte(ev), &m.Evidence)
	return m, nil
}

const appCols = `id, company, company_key, domain, role, role_key, created_at, override, override_at, ignored, snoozed_until`

func scanApp(sc interface{ Scan(...any) error }) (Application, error) {
	var a Application
	var created, oat, snooze string
	var ignored int
	if err := sc.Scan(&a.ID, &a.Company, &a.CompanyKey, &a.Domain, &a.Role, &a.RoleKey, &created, &a.Override, &oat, &ignored, &snooze); err != nil {
		return a, err
	}
	a.CreatedAt, a.OverrideAt, a.SnoozedUntil = parseTime(created), parseTime(oat), parseTime(snooze)
	a.Ignored = ignored == 1
	return a, nil
}

// Applications returns every application (merged ones folded into their
// target) with its messages.
func (s *Store) Applications(ctx context.Context) ([]Application, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+appCols+` FROM applications WHERE merged_into IS NULL ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("state: list applications: %w", err)
	}
	var apps []Application
	idx := map[int64]int{}
	for rows.Next() {
		a, err := scanApp(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("state: list applications: %w", err)
		}
		idx[a.ID] = len(apps)
		apps = append(apps, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("state: list applications: %w", err)
	}
	mrows, err := s.db.QueryContext(ctx, `SELECT `+messageCols+` FROM messages WHERE app_id IS NOT NULL ORDER BY date_unix, id`)
	if err != nil {
		return nil, fmt.Errorf("state: list messages: %w", err)
	}
	defer mrows.Close()
	for mrows.Next() {
		m, err := scanMessage(mrows)
		if err != nil {
			return nil, fmt.Errorf("state: list messages: %w", err)
		}
		if i, ok := idx[m.AppID]; ok {
			apps[i].Messages = append(apps[i].Messages, m)
		}
	}
	return apps, mrows.Err()
}

// Application returns one application with its messages.
func (s *Store) Application(ctx context.Context, id int64) (Application, error) {
	a, err := scanApp(s.db.QueryRowContext(ctx, `SELECT `+appCols+` FROM applications WHERE id = ? AND merged_into IS NULL`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("application %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return a, fmt.Errorf("state: application %d: %w", id, err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+messageCols+` FROM messages WHERE app_id = ? ORDER BY date_unix, id`, id)
	if err != nil {
		return a, fmt.Errorf("state: application %d: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		m, err := scanMessage(rows)
		if err != nil {
			return a, fmt.Errorf("state: application %d: %w", id, err)
		}
		a.Messages = append(a.Messages, m)
	}
	return a, rows.Err()
}

// ReviewList returns inbound messages whose classification was too
// uncertain to act on.
func (s *Store) ReviewList(ctx context.Context) ([]Message, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+messageCols+` FROM messages WHERE review = 1 ORDER BY date_unix`)
	if err != nil {
		return nil, fmt.Errorf("state: review list: %w", err)
	}
	defer rows.Close()
	var out []Message
	for rows.Next() {
		m, err := scanMessage(rows)
		if err != nil {
			return nil, fmt.Errorf("state: review list: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// Counts summarises the store.
type Counts struct {
	Messages     int
	Applications int
	Review       int
	Skipped      int
}

// Counts returns how much the store holds.
func (s *Store) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM messages), (SELECT count(*) FROM applications WHERE merged_into IS NULL),
		(SELECT count(*) FROM messages WHERE review = 1), (SELECT count(*) FROM skipped)`).Scan(&c.Messages, &c.Applications, &c.Review, &c.Skipped)
	if err != nil {
		return c, fmt.Errorf("state: counts: %w", err)
	}
	return c, nil
}

// MessageKeys returns the keys of every stored message (for tests and
// consistency checks).
func (s *Store) MessageKeys(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT key FROM messages ORDER BY key`)
	if err != nil {
		return nil, fmt.Errorf("state: keys: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

func (s *Store) correction(ctx context.Context, tx *sql.Tx, app int64, action, value string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO corrections(app_id, action, value, at) VALUES(?, ?, ?, ?)`, app, action, value, s.stamp())
	return err
}

func (s *Store) inTx(ctx context.Context, f func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := f(tx); err != nil {
		return err
	}
	return tx.Commit()
}

func (s *Store) mustExist(ctx context.Context, tx *sql.Tx, id int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM applications WHERE id = ? AND merged_into IS NULL`, id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("application %d: %w", id, ErrNotFound)
	}
	return nil
}

// Mark records the user's correction of an application's state: "rejected",
// "offered", "withdrawn", or "active" to reopen it. Inference never
// overwrites it.
func (s *Store) Mark(ctx context.Context, id int64, override string) error {
	switch override {
	case "rejected", "offered", "withdrawn", "active":
	default:
		return fmt.Errorf("state: mark: %q is not one of rejected, offered, withdrawn, active", override)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.mustExist(ctx, tx, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE applications SET override = ?, override_at = ? WHERE id = ?`, override, s.now().Format(time.RFC3339), id); err != nil {
			return fmt.Errorf("state: mark: %w", err)
		}
		return s.correction(ctx, tx, id, "mark", override)
	})
}

// Ignore hides an application (or shows it again).
func (s *Store) Ignore(ctx context.Context, id int64, ignored bool) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.mustExist(ctx, tx, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE applications SET ignored = ? WHERE id = ?`, boolInt(ignored), id); err != nil {
			return fmt.Errorf("state: ignore: %w", err)
		}
		return s.correction(ctx, tx, id, "ignore", fmt.Sprint(ignored))
	})
}

// Snooze holds an application's suggestions until the given time (zero to clear).
func (s *Store) Snooze(ctx context.Context, id int64, until time.Time) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.mustExist(ctx, tx, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE applications SET snoozed_until = ? WHERE id = ?`, fmtTime(until), id); err != nil {
			return fmt.Errorf("state: snooze: %w", err)
		}
		return s.correction(ctx, tx, id, "snooze", fmtTime(until))
	})
}

// Merge folds application from into into: its messages move, and mail that
// would have gone to from goes to into from now on.
func (s *Store) Merge(ctx context.Context, into, from int64) error {
	if into == from {
		return fmt.Errorf("state: merge: cannot merge application %d into itself", into)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, id := range []int64{into, from} {
			if err := s.mustExist(ctx, tx, id); err != nil {
				return err
			}
		}
		var key, role string
		if err := tx.QueryRowContext(ctx, `SELECT company_key, role_key FROM applications WHERE id = ?`, from).Scan(&key, &role); err != nil {
			return fmt.Errorf("state: merge: %w", err)
		}
		if key != "" {
			if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO app_aliases(company_key, role_key, app_id) VALUES(?, ?, ?)`, key, role, into); err != nil {
				return fmt.Errorf("state: merge: %w", err)
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE app_aliases SET app_id = ? WHERE app_id = ?`, into, from); err != nil {
			return fmt.Errorf("state: merge: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE messages SET app_id = ? WHERE app_id = ?`, into, from); err != nil {
			return fmt.Errorf("state: merge: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE applications SET merged_into = ? WHERE id = ?`, into, from); err != nil {
			return fmt.Errorf("state: merge: %w", err)
		}
		return s.correction(ctx, tx, into, "merge", fmt.Sprint(from))
	})
}

// LastDigest returns when the last digest went out (zero if never).
func (s *Store) LastDigest(ctx context.Context) (time.Time, error) {
	var v sql.NullString
	if err := s.db.QueryRowContext(ctx, `SELECT max(sent_at) FROM digests`).Scan(&v); err != nil {
		return time.Time{}, fmt.Errorf("state: last digest: %w", err)
	}
	return parseTime(v.String), nil
}

// DigestSent reports whether the digest for day (YYYY-MM-DD) went out.
func (s *Store) DigestSent(ctx context.Context, day string) (bool, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM digests WHERE day = ?`, day).Scan(&n); err != nil {
		return false, fmt.Errorf("state: digest lookup: %w", err)
	}
	return n > 0, nil
}

// RecordDigest notes that the digest for day went out at the given time.
func (s *Store) RecordDigest(ctx context.Context, day string, at time.Time, via string) error {
	if _, err := s.db.ExecContext(ctx, `INSERT OR REPLACE INTO digests(day, sent_at, via) VALUES(?, ?, ?)`, day, at.UTC().Format(time.RFC3339Nano), via); err != nil {
		return fmt.Errorf("state: record digest: %w", err)
	}
	return nil
}

// Draft is a draft inboxwatch wrote into the Drafts folder.
type Draft struct {
	Suggestion  string // application/kind/due identity
	AppID       int64
	Mailbox     string
	UIDValidity uint32
	UID         uint32
	MessageID   string
	Hash        string
	CreatedAt   time.Time
}

// Drafts lists the drafts inboxwatch wrote and has not removed.
func (s *Store) Drafts(ctx context.Context) ([]Draft, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT suggestion, app_id, mailbox, uidvalidity, uid, message_id, hash, created_at FROM drafts ORDER BY created_at`)
	if err != nil {
		return nil, fmt.Errorf("state: drafts: %w", err)
	}
	defer rows.Close()
	var out []Draft
	for rows.Next() {
		var d Draft
		var created string
		if err := rows.Scan(&d.Suggestion, &d.AppID, &d.Mailbox, &d.UIDValidity, &d.UID, &d.MessageID, &d.Hash, &created); err != nil {
			return nil, fmt.Errorf("state: drafts: %w", err)
		}
		d.CreatedAt = parseTime(created)
		out = append(out, d)
	}
	return out, rows.Err()
}

// PutDraft records a draft written to the server.
func (s *Store) PutDraft(ctx context.Context, d Draft) error {
	_, err := s.db.ExecContext(ctx, `INSERT OR REPLACE INTO drafts(suggestion, app_id, mailbox, uidvalidity, uid, message_id, hash, created_at)
		VALUES(?, ?, ?, ?, ?, ?, ?, ?)`, d.Suggestion, d.AppID, d.Mailbox, d.UIDValidity, d.UID, d.MessageID, d.Hash, s.stamp())
	if err != nil {
		return fmt.Errorf("state: record draft: %w", err)
	}
	return nil
}

// DeleteDraft forgets a draft.
func (s *Store) DeleteDraft(ctx context.Context, suggestion string) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM drafts WHERE suggestion = ?`, suggestion); err != nil {
		return fmt.Errorf("state: forget draft: %w", err)
	}
	return nil
}

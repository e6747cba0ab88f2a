// Package tracker runs inboxwatch's work end to end: it syncs the mailbox
// into the state store through the parser, the classifier and the employer
// identification, keeps watching for new mail, and turns what is stored into
// application states, suggestions, digests and drafts.
package tracker

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/inboxwatch/inboxwatch/internal/classify"
	"github.com/inboxwatch/inboxwatch/internal/config"
	"github.com/inboxwatch/inboxwatch/internal/employer"
	"github.com/inboxwatch/inboxwatch/internal/imapwatch"
	"github.com/inboxwatch/inboxwatch/internal/mailparse"
	"github.com/inboxwatch/inboxwatch/internal/state"
)

// Deps are what the tracker is given rather than makes.
type Deps struct {
	Log *slog.Logger
	Now func() time.Time
	// Progress, if set, is told about long scans.
	Progress func(mailbox string, done, total int)
	// Stdout receives the digest when digest.deliver is stdout.
	Stdout io.Writer
	// ChunkSize is how many UIDs are read and committed at a time
	// (default 500).
	ChunkSize int
}

// Tracker holds a configuration, a store and a connection recipe.
type Tracker struct {
	cfg   config.Config
	store *state.Store
	deps  Deps
	imap  imapwatch.Options
	loc   *time.Location
	me    map[string]bool
}

// New makes a tracker. The store stays owned by the caller.
func New(cfg config.Config, store *state.Store, deps Deps) (*Tracker, error) {
	if deps.Log == nil {
		deps.Log = slog.New(slog.DiscardHandler)
	}
	if deps.Now == nil {
		deps.Now = time.Now
	}
	loc, err := cfg.Location()
	if err != nil {
		return nil, fmt.Errorf("digest.timezone: %w", err)
	}
	t := &Tracker{cfg: cfg, store: store, deps: deps, loc: loc, me: map[string]bool{}}
	for _, a := range cfg.Me.Addresses {
		t.me[strings.ToLower(a)] = true
	}
	t.imap = IMAPOptions(cfg.IMAP, deps)
	return t, nil
}

// Store returns the tracker's state store.
func (t *Tracker) Store() *state.Store { return t.store }

func (t *Tracker) dial(ctx context.Context) (*imapwatch.Conn, error) {
	return imapwatch.Dial(ctx, t.imap)
}

// ErrState marks a failure to save what a sync read (a full disk, a
// read-only file): the mailbox is fine, and the daemon retries.
var ErrState = errors.New("cannot save to the state database")

// SyncStats summarises one sync pass.
type SyncStats struct {
	Mailboxes []string
	Seen      int // messages examined
	Bodies    int // messages whose text was read
	Stored    int // messages stored (job mail and the user's own)
	Skipped   int // unreadable messages
	NewApps   int
	Duration  time.Duration
}

// Sync runs one pass over the watched mailboxes: connect, read what is new
// since the last pass, classify, store, disconnect.
func (t *Tracker) Sync(ctx context.Context) (SyncStats, error) {
	start := time.Now()
	conn, err := t.dial(ctx)
	if err != nil {
		return SyncStats{}, err
	}
	defer conn.Logout(ctx)
	boxes, err := t.mailboxes(ctx, conn)
	if err != nil {
		return SyncStats{}, err
	}
	var st SyncStats
	for _, mb := range boxes {
		if err := t.syncMailbox(ctx, conn, mb, &st); err != nil {
			return st, err
		}
	}
	st.Mailboxes = boxes
	st.Duration = time.Since(start)
	return st, nil
}

// mailboxes lists the folders to read: the Sent folder first (so replies
// to the user are recognised as such), then INBOX, unless configured.
func (t *Tracker) mailboxes(ctx context.Context, conn *imapwatch.Conn) ([]string, error) {
	if len(t.cfg.IMAP.Mailboxes) > 0 {
		return t.cfg.IMAP.Mailboxes, nil
	}
	f, err := conn.Folders(ctx)
	if err != nil {
		return nil, err
	}
	var out []string
	if f.Sent != "" {
		out = append(out, f.Sent)
	} else {
		t.deps.Log.Warn("no Sent folder found: the user's own follow-ups will not be seen")
	}
	return append(out, f.Inbox), nil
}

func (t *Tracker) syncMailbox(ctx context.Context, conn *imapwatch.Conn, mailbox string, st *SyncStats) error {
	cur, _, err := t.store.Cursor(ctx, mailbox)
	if err != nil {
		return err
	}
	log := t.deps.Log.With("mailbox", mailbox)
	opts := imapwatch.ScanOptions{
		Since:        t.deps.Now().AddDate(0, 0, -t.cfg.Scan.LookbackDays),
		MaxBodyBytes: t.cfg.Scan.MaxBodyBytes,
		ChunkSize:    t.deps.ChunkSize,
		NeedBodies:   func(ms []*mailparse.Message) []bool { return t.needBodies(ctx, ms) },
		DialText:     t.dial,
		OnReset: func(ctx context.Context, uv uint32) error {
			return t.store.ResetMailbox(ctx, mailbox, uv)
		},
	}
	if t.deps.Progress != nil {
		opts.Progress = func(done, total int) { t.deps.Progress(mailbox, done, total) }
	}
	return conn.Scan(ctx, mailbox, imapwatch.Cursor{UIDValidity: cur.UIDValidity, LastUID: cur.LastUID}, opts,
		func(ctx context.Context, ch imapwatch.Chunk) error {
			b := state.Batch{Mailbox: mailbox, UIDValidity: ch.UIDValidity, LastUID: ch.LastUID, HighestModSeq: ch.ModSeq, Seen: ch.Seen}
			for _, sk := range ch.Skipped {
				b.Skipped = append(b.Skipped, state.Skip{UID: sk.UID, Reason: sk.Reason})
			}
			ins, err := t.incomingAll(ctx, ch.Messages)
			if err != nil {
				return err
			}
			for i, f := range ch.Messages {
				if f.Body {
					st.Bodies++
				}
				if ins[i].keep {
					b.Messages = append(b.Messages, ins[i].Incoming)
				}
			}
			res, err := t.store.Commit(ctx, b)
			if err != nil {
				return fmt.Errorf("%w: %w", ErrState, err)
			}
			st.Seen += ch.Seen
			st.Stored += res.Added
			st.Skipped += len(ch.Skipped)
			st.NewApps += res.NewApps
			log.Debug("chunk committed", "last_uid", ch.LastUID, "seen", ch.Seen, "stored", res.Added, "apps", len(res.Apps))
			return nil
		})
}

// Outbound reports whether the user wrote the message.
func (t *Tracker) Outbound(m *mailparse.Message) bool {
	return t.me[m.From.Addr] || (m.Sender.Addr != "" && t.me[m.Sender.Addr] && m.From.Addr == "")
}

type classified struct {
	state.Incoming
	keep bool
}

// incomingAll classifies a chunk's messages. Classification is pure and
// most of a chunk's work, so it runs on every core; the order is kept.
func (t *Tracker) incomingAll(ctx context.Context, fs []imapwatch.Fetched) ([]classified, error) {
	// One question to the store for the whole chunk: which messages
	// answer the user's own.
	var refs []string
	for _, f := range fs {
		if f.Body {
			refs = append(refs, f.Msg.InReplyTo...)
			refs = append(refs, f.Msg.References...)
		}
	}
	known, err := t.store.KnownThreads(ctx, refs)
	if err != nil {
		return nil, err
	}
	out := make([]classified, len(fs))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(1, len(fs)/8)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				out[i] = t.incoming(fs[i], known)
			}
		}()
	}
	for i := range fs {
		work <- i
	}
	close(work)
	wg.Wait()
	return out, nil
}

// incoming classifies one fetched message; keep is false for mail that is
// neither the user's own nor about an application.
func (t *Tracker) incoming(f imapwatch.Fetched, known state.Threads) classified {
	m := f.Msg
	in := state.Incoming{UID: f.UID, Msg: m}
	if t.Outbound(m) {
		in.Outbound = true
		return classified{in, true}
	}
	if !f.Body {
		return classified{in, false}
	}
	toUser := func(id string) bool { return known[id].Outbound }
	replies := slices.ContainsFunc(m.InReplyTo, toUser) || slices.ContainsFunc(m.References, toUser)
	res := classify.Classify(m, classify.Options{RepliesToUser: replies, UserAddresses: t.cfg.Me.Addresses})
	if res.Category == classify.Other {
		return classified{in, false}
	}
	in.Class = res
	in.Review = res.Confidence < t.cfg.Scan.ReviewThreshold
	id := employer.Identify(m)
	in.Company, in.CompanyKey, in.Domain = id.Company, id.CompanyKey, id.Domain
	in.Role, in.RoleKey = id.Role, id.RoleKey
	in.Relay, in.FreeMail = id.Relay, id.FreeMail
	if in.Domain == "" && in.Relay == "" && !in.FreeMail {
		in.Domain = employer.RegistrableDomain(m.From.Domain())
	}
	return classified{in, true}
}

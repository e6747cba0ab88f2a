package tracker

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/inboxwatch/inboxwatch/internal/imapwatch"
)

// Backoff is the reconnect schedule: exponential with full jitter between
// Min and Max, reset after a connection that worked.
type Backoff struct {
	Min, Max time.Duration
	n        int
}

// Next returns the next wait.
func (b *Backoff) Next() time.Duration {
	d := b.Min << min(b.n, 20)
	if d > b.Max || d <= 0 {
		d = b.Max
	}
	b.n++
	// Full jitter in [d/2, d): spreads reconnects without ever waiting
	// much less than planned.
	return d/2 + rand.N(d/2+1)
}

// Reset starts the schedule over.
func (b *Backoff) Reset() { b.n = 0 }

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Run is the daemon: sync, then watch the mailboxes with IDLE and sync what
// arrives, deliver the daily digest and keep drafts in step, until ctx
// ends. Lost connections are re-made with backoff (1 s to 5 min); a refused
// login or an untrusted certificate ends Run at once, since retrying cannot
// fix either.
func (t *Tracker) Run(ctx context.Context) error {
	bo := Backoff{Min: time.Second, Max: 5 * time.Minute}
	for {
		err := t.runOnce(ctx, bo.Reset)
		if ctx.Err() != nil {
			return nil
		}
		if imapwatch.Permanent(err) {
			return err
		}
		d := bo.Next()
		if errors.Is(err, ErrState) {
			t.deps.Log.Error("cannot save to the state database; trying again", "path", t.store.Path(), "error", err.Error(), "in", d.Round(time.Millisecond).String())
		} else {
			t.deps.Log.Warn("connection lost; reconnecting", "error", err.Error(), "in", d.Round(time.Millisecond).String())
		}
		if err := sleep(ctx, d); err != nil {
			return nil
		}
	}
}

// errSlept means the machine was asleep: connections are presumed dead.
var errSlept = errors.New("machine was asleep")

func (t *Tracker) runOnce(ctx context.Context, connected func()) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	conn, err := t.dial(ctx)
	if err != nil {
		return err
	}
	defer conn.Logout(context.Background())
	boxes, err := t.mailboxes(ctx, conn)
	if err != nil {
		return err
	}
	var st SyncStats
	for _, mb := range boxes {
		if err := t.syncMailbox(ctx, conn, mb, &st); err != nil {
			return err
		}
	}
	t.deps.Log.Info("synced", "seen", st.Seen, "stored", st.Stored, "new_applications", st.NewApps)
	connected()
	if err := t.afterSync(ctx, conn); err != nil {
		t.deps.Log.Warn("after sync", "error", err.Error())
	}

	type change struct {
		mailbox string
		at      time.Time
	}
	changed := make(chan change, len(boxes))
	errc := make(chan error, len(boxes))
	for _, mb := range boxes {
		go func() {
			errc <- t.watch(ctx, mb, func() {
				select {
				case changed <- change{mb, time.Now()}:
				default: // one pending pass covers every change so far
				}
			})
		}()
	}
	tick := time.NewTicker(30 * time.Second)
	defer tick.Stop()
	lastWall, lastMono := time.Now().Round(0), time.Now()
	lastNoop := time.Now()
	t.maybeDigest(ctx, conn)
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case err := <-errc:
			return err
		case ch := <-changed:
			var st SyncStats
			if err := t.syncMailbox(ctx, conn, ch.mailbox, &st); err != nil {
				return err
			}
			// took: from the server's word to the state store.
			took := time.Since(ch.at).Round(time.Millisecond).String()
			if st.Stored > 0 {
				t.deps.Log.Info("new mail", "mailbox", ch.mailbox, "stored", st.Stored, "took", took)
			} else {
				t.deps.Log.Debug("mailbox changed", "mailbox", ch.mailbox, "seen", st.Seen, "took", took)
			}
			if err := t.afterSync(ctx, conn); err != nil {
				t.deps.Log.Warn("after sync", "error", err.Error())
			}
		case <-tick.C:
			// The monotonic clock stops while the machine sleeps; the wall
			// clock does not. A gap between them means every connection
			// is stale.
			wall, mono := time.Now().Round(0), time.Now()
			if wall.Sub(lastWall)-mono.Sub(lastMono) > time.Minute {
				return errSlept
			}
			lastWall, lastMono = wall, mono
			if time.Since(lastNoop) > 5*time.Minute {
				if err := conn.Noop(ctx); err != nil {
					return fmt.Errorf("keepalive: %w", err)
				}
				lastNoop = time.Now()
			}
			t.maybeDigest(ctx, conn)
		}
	}
}

// watch keeps one IDLE connection on a mailbox.
func (t *Tracker) watch(ctx context.Context, mailbox string, notify func()) error {
	c, err := t.dial(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	return c.Watch(ctx, mailbox, t.cfg.IMAP.IdleRefresh, notify)
}

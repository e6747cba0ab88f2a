package tracker

import (
	"context"
	"time"

	"github.com/inboxwatch/inboxwatch/internal/config"
	"github.com/inboxwatch/inboxwatch/internal/digest"
	"github.com/inboxwatch/inboxwatch/internal/state"
)

// MeOf is the user as the digest names them.
func MeOf(cfg config.Config) digest.Me {
	me := digest.Me{Name: cfg.Me.Name}
	if len(cfg.Me.Addresses) > 0 {
		me.Address = cfg.Me.Addresses[0]
	}
	return me
}

// BuildDigest computes the digest as of now from what the store holds.
func BuildDigest(ctx context.Context, store *state.Store, cfg config.Config, now time.Time) (digest.Digest, error) {
	if loc, err := cfg.Location(); err == nil {
		now = now.In(loc)
	}
	apps, outs, err := Overview(ctx, store, cfg, now)
	if err != nil {
		return digest.Digest{}, err
	}
	since, err := store.LastDigest(ctx)
	if err != nil {
		return digest.Digest{}, err
	}
	return digest.Build(now, apps, outs, since, MeOf(cfg)), nil
}

// DeliverDigestNow connects and delivers the digest as of now, whatever the
// time of day, and records it for now's day.
func (t *Tracker) DeliverDigestNow(ctx context.Context, now time.Time) error {
	conn, err := t.dial(ctx)
	if err != nil {
		return err
	}
	defer conn.Logout(ctx)
	return t.DeliverDigest(ctx, conn, now, now.In(t.loc).Format(time.DateOnly))
}

// DeliverDigestIfDue delivers the digest when its time has come today and
// it has not gone out yet.
func (t *Tracker) DeliverDigestIfDue(ctx context.Context, now time.Time) error {
	day, due, err := t.digestDue(ctx, now)
	if err != nil || !due {
		return err
	}
	conn, err := t.dial(ctx)
	if err != nil {
		return err
	}
	defer conn.Logout(ctx)
	return t.DeliverDigest(ctx, conn, now, day)
}

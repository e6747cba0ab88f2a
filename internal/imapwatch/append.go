package imapwatch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/emersion/go-imap/v2"
)

// Appended says where an appended message landed (UIDPLUS), when the
// server tells.
type Appended struct {
	UIDValidity uint32
	UID         uint32
}

// Append adds a message to mailbox with the given flags. It is one of the
// only two writes inboxwatch ever makes (the digest and its own drafts),
// and only when the user turned them on.
func (c *Conn) Append(ctx context.Context, mailbox string, raw []byte, flags []imap.Flag, date time.Time) (Appended, error) {
	var data *imap.AppendData
	err := c.bounded(ctx, func() error {
		cmd := c.c.Append(mailbox, int64(len(raw)), &imap.AppendOptions{Flags: flags, Time: date})
		if _, err := cmd.Write(raw); err != nil {
			cmd.Close()
			return err
		}
		if err := cmd.Close(); err != nil {
			return err
		}
		var err error
		data, err = cmd.Wait()
		return err
	})
	if err != nil {
		return Appended{}, fmt.Errorf("append to %s: %w", mailbox, err)
	}
	return Appended{UIDValidity: data.UIDValidity, UID: uint32(data.UID)}, nil
}

// ErrChanged means a message is no longer the one inboxwatch wrote: the
// user edited it, or the UID now names another message. It is left alone.
var ErrChanged = errors.New("message changed since inboxwatch wrote it")

// DeleteOwn removes a message inboxwatch itself appended, after checking
// that it is still exactly what was written: check receives the message as
// it is on the server and must return true. Nothing else is ever deleted:
// the STORE and EXPUNGE name this single UID (UID EXPUNGE, RFC 4315), and
// without UIDPLUS the message is only flagged \Deleted.
func (c *Conn) DeleteOwn(ctx context.Context, mailbox string, uidValidity, uid uint32, check func(raw []byte) bool) error {
	var sel *imap.SelectData
	err := c.bounded(ctx, func() error {
		var err error
		c.examined = ""
		sel, err = c.c.Select(mailbox, nil).Wait()
		return err
	})
	if err != nil {
		return fmt.Errorf("select %s: %w", mailbox, err)
	}
	defer func() {
		_ = c.bounded(ctx, func() error { return c.c.Unselect().Wait() })
	}()
	if sel.UIDValidity != uidValidity {
		return fmt.Errorf("%s UIDVALIDITY changed: %w", mailbox, ErrChanged)
	}
	set := imap.UIDSetNum(imap.UID(uid))
	section := &imap.FetchItemBodySection{Peek: true}
	var raw []byte
	found := false
	err = c.bounded(ctx, func() error {
		bufs, err := c.c.Fetch(set, &imap.FetchOptions{UID: true, BodySection: []*imap.FetchItemBodySection{section}}).Collect()
		if err != nil {
			return err
		}
		for _, b := range bufs {
			if uint32(b.UID) == uid {
				raw = bytes.Clone(b.FindBodySection(section))
				found = true
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("fetch %s/%d: %w", mailbox, uid, err)
	}
	if !found {
		return nil // already gone
	}
	if !check(raw) {
		return ErrChanged
	}
	err = c.bounded(ctx, func() error {
		return c.c.Store(set, &imap.StoreFlags{Op: imap.StoreFlagsAdd, Silent: true, Flags: []imap.Flag{imap.FlagDeleted}}, nil).Close()
	})
	if err != nil {
		return fmt.Errorf("flag %s/%d deleted: %w", mailbox, uid, err)
	}
	if !c.c.Caps().Has(imap.CapUIDPlus) && !c.c.Caps().Has(imap.CapIMAP4rev2) {
		return nil
	}
	err = c.bounded(ctx, func() error { return c.c.UIDExpunge(set).Close() })
	if err != nil {
		return fmt.Errorf("expunge %s/%d: %w", mailbox, uid, err)
	}
	return nil
}

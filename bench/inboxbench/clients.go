//go:build linux

package main

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/inboxwatch/inboxwatch/internal/mailparse"
)

// login opens a plain-text IMAP session on a loopback address.
func login(addr, user, pass string) (*imapclient.Client, error) {
	c, err := imapclient.DialInsecure(addr, nil)
	if err != nil {
		return nil, err
	}
	if err := c.Login(user, pass).Wait(); err != nil {
		c.Close()
		return nil, fmt.Errorf("login: %w", err)
	}
	return c, nil
}

// clientStats is what one of the harness's own clients did.
type clientStats struct {
	Messages int   `json:"messages"`
	Literal  int64 `json:"literal_bytes"` // message bytes received (naive)
	Parsed   int   `json:"parsed"`
	Failed   int   `json:"parse_failed"`
}

// allUIDs is "1:*".
func allUIDs() imap.UIDSet { return imap.UIDSet{imap.UIDRange{Start: 1, Stop: 0}} }

// runFloor is the least any client can do to learn who wrote what about
// what: UID FETCH 1:* (UID ENVELOPE BODYSTRUCTURE), answers discarded.
func runFloor(addr, user, pass string, boxes []string) (clientStats, error) {
	var st clientStats
	c, err := login(addr, user, pass)
	if err != nil {
		return st, err
	}
	defer c.Close()
	for _, box := range boxes {
		if _, err := c.Select(box, &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
			return st, fmt.Errorf("examine %s: %w", box, err)
		}
		cmd := c.Fetch(allUIDs(), &imap.FetchOptions{UID: true, Envelope: true, BodyStructure: &imap.FetchItemBodyStructure{Extended: true}})
		for {
			m := cmd.Next()
			if m == nil {
				break
			}
			for m.Next() != nil {
			}
			st.Messages++
		}
		if err := cmd.Close(); err != nil {
			return st, fmt.Errorf("fetch %s: %w", box, err)
		}
	}
	return st, c.Logout().Wait()
}

// runNaive is what most trackers do: fetch every whole message
// (BODY.PEEK[]) and parse it.
func runNaive(addr, user, pass string, boxes []string) (clientStats, error) {
	var st clientStats
	c, err := login(addr, user, pass)
	if err != nil {
		return st, err
	}
	defer c.Close()
	section := &imap.FetchItemBodySection{Peek: true}
	for _, box := range boxes {
		if _, err := c.Select(box, &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
			return st, fmt.Errorf("examine %s: %w", box, err)
		}
		cmd := c.Fetch(allUIDs(), &imap.FetchOptions{UID: true, BodySection: []*imap.FetchItemBodySection{section}})
		for {
			m := cmd.Next()
			if m == nil {
				break
			}
			st.Messages++
			for {
				item := m.Next()
				if item == nil {
					break
				}
				body, ok := item.(imapclient.FetchItemDataBodySection)
				if !ok || body.Literal == nil {
					continue
				}
				cr := &countingReader{r: body.Literal}
				if _, err := mailparse.Parse(cr, mailparse.Limits{}); err != nil {
					st.Failed++
				} else {
					st.Parsed++
				}
				io.Copy(io.Discard, cr)
				st.Literal += cr.n
			}
		}
		if err := cmd.Close(); err != nil {
			return st, fmt.Errorf("fetch %s: %w", box, err)
		}
	}
	return st, c.Logout().Wait()
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// warmUp has Dovecot index the mailboxes and cache what any of the
// clients under test asks for, so that no client pays for indexing and
// every client reads from the same warm cache.
func warmUp(addr, user, pass string, boxes []string) error {
	c, err := login(addr, user, pass)
	if err != nil {
		return err
	}
	defer c.Close()
	for _, box := range boxes {
		if _, err := c.Select(box, &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
			return fmt.Errorf("examine %s: %w", box, err)
		}
		opts := &imap.FetchOptions{UID: true, RFC822Size: true, InternalDate: true, Envelope: true, Flags: true,
			BodyStructure: &imap.FetchItemBodyStructure{Extended: true},
			BodySection:   []*imap.FetchItemBodySection{{Specifier: imap.PartSpecifierHeader, HeaderFields: mailparse.HeaderFields, Peek: true}}}
		cmd := c.Fetch(allUIDs(), opts)
		for m := cmd.Next(); m != nil; m = cmd.Next() {
			for m.Next() != nil {
			}
		}
		if err := cmd.Close(); err != nil {
			return fmt.Errorf("fetch %s: %w", box, err)
		}
		if _, err := c.UIDSearch(&imap.SearchCriteria{Since: time.Now().AddDate(0, 0, -365)}, nil).Wait(); err != nil {
			return fmt.Errorf("search %s: %w", box, err)
		}
	}
	return c.Logout().Wait()
}

// appender adds messages to a mailbox over its own connection, as a
// delivery would.
type appender struct {
	c *imapclient.Client
}

func newAppender(addr, user, pass string) (*appender, error) {
	c, err := login(addr, user, pass)
	if err != nil {
		return nil, err
	}
	return &appender{c: c}, nil
}

func (a *appender) append(box string, raw []byte, at time.Time) error {
	raw = bytes.ReplaceAll(raw, []byte("\n"), []byte("\r\n"))
	cmd := a.c.Append(box, int64(len(raw)), &imap.AppendOptions{Time: at})
	if _, err := cmd.Write(raw); err != nil {
		cmd.Close()
		return err
	}
	if err := cmd.Close(); err != nil {
		return err
	}
	_, err := cmd.Wait()
	return err
}

func (a *appender) close() {
	a.c.Logout().Wait()
	a.c.Close()
}

// idleWatcher is the least any client can do to hear of new mail: IDLE on
// INBOX, noting when the server reports a new message count.
type idleWatcher struct {
	c      *imapclient.Client
	idle   *imapclient.IdleCommand
	exists chan time.Time
}

func startIdleWatcher(addr, user, pass string) (*idleWatcher, error) {
	w := &idleWatcher{exists: make(chan time.Time, 64)}
	c, err := imapclient.DialInsecure(addr, &imapclient.Options{UnilateralDataHandler: &imapclient.UnilateralDataHandler{
		Mailbox: func(d *imapclient.UnilateralDataMailbox) {
			if d.NumMessages != nil {
				select {
				case w.exists <- time.Now():
				default:
				}
			}
		},
	}})
	if err != nil {
		return nil, err
	}
	w.c = c
	if err := c.Login(user, pass).Wait(); err != nil {
		c.Close()
		return nil, err
	}
	if _, err := c.Select(inboxName, &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		c.Close()
		return nil, err
	}
	if w.idle, err = c.Idle(); err != nil {
		c.Close()
		return nil, err
	}
	w.drain()
	return w, nil
}

// drain forgets the reports received so far.
func (w *idleWatcher) drain() {
	for {
		select {
		case <-w.exists:
		default:
			return
		}
	}
}

// next waits for the next report of a new message count.
func (w *idleWatcher) next(timeout time.Duration) (time.Time, bool) {
	select {
	case t := <-w.exists:
		return t, true
	case <-time.After(timeout):
		return time.Time{}, false
	}
}

func (w *idleWatcher) close() {
	w.idle.Close()
	w.idle.Wait()
	w.c.Logout().Wait()
	w.c.Close()
}

package tracker

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"github.com/inboxwatch/inboxwatch/internal/config"
	"github.com/inboxwatch/inboxwatch/internal/digest"
	"github.com/inboxwatch/inboxwatch/internal/imapwatch"
	"github.com/inboxwatch/inboxwatch/internal/mailparse"
	"github.com/inboxwatch/inboxwatch/internal/state"
)

// afterSync keeps drafts in step with the suggestions after new mail: a
// draft for every due follow-up, and none for a follow-up that is no
// longer wanted (a reply came, the application closed, the user sent their
// own). Only drafts inboxwatch wrote, and the user did not edit, are removed.
func (t *Tracker) afterSync(ctx context.Context, conn *imapwatch.Conn) error {
	if !t.cfg.Drafts.Enabled {
		return nil
	}
	now := t.deps.Now().In(t.loc)
	d, err := BuildDigest(ctx, t.store, t.cfg, now)
	if err != nil {
		return err
	}
	_, err = t.ReconcileDrafts(ctx, conn, d)
	return err
}

// DraftChanges counts what ReconcileDrafts did.
type DraftChanges struct {
	Written, Removed, LeftEdited int
}

// ReconcileDrafts writes a draft for each due suggestion of d that has none,
// and removes inboxwatch's drafts whose suggestion is no longer due.
func (t *Tracker) ReconcileDrafts(ctx context.Context, conn *imapwatch.Conn, d digest.Digest) (DraftChanges, error) {
	var ch DraftChanges
	folders, err := conn.Folders(ctx)
	if err != nil {
		return ch, err
	}
	if folders.Drafts == "" {
		return ch, errors.New("drafts: the server has no Drafts folder")
	}
	due := map[string]digest.Item{}
	for _, it := range d.Due {
		due[it.ID().String()] = it
	}
	stored, err := t.store.Drafts(ctx)
	if err != nil {
		return ch, err
	}
	have := map[string]bool{}
	for _, sd := range stored {
		if _, ok := due[sd.Suggestion]; ok {
			have[sd.Suggestion] = true
			continue
		}
		id, _ := digest.ParseSuggestionID(sd.Suggestion)
		err := conn.DeleteOwn(ctx, sd.Mailbox, sd.UIDValidity, sd.UID, func(raw []byte) bool {
			got, ok, err := digest.DraftID(raw)
			if err != nil || !ok || !got.Equal(id) {
				return false
			}
			h, err := digest.DraftHash(raw)
			return err == nil && h == sd.Hash
		})
		switch {
		case errors.Is(err, imapwatch.ErrChanged):
			t.deps.Log.Info("draft edited by you: left in place", "mailbox", sd.Mailbox, "uid", sd.UID)
			ch.LeftEdited++
		case err != nil:
			return ch, fmt.Errorf("drafts: remove %s: %w", sd.Suggestion, err)
		default:
			t.deps.Log.Info("draft no longer needed: removed", "mailbox", sd.Mailbox, "uid", sd.UID)
			ch.Removed++
		}
		if err := t.store.DeleteDraft(ctx, sd.Suggestion); err != nil {
			return ch, err
		}
	}
	me := MeOf(t.cfg)
	for key, it := range due {
		if have[key] {
			continue
		}
		raw, err := digest.DraftMessage(it.Draft, it.ID(), me, t.deps.Now())
		if err != nil {
			return ch, err
		}
		a, err := conn.Append(ctx, folders.Drafts, raw, []imap.Flag{imap.FlagDraft, imap.FlagSeen}, t.deps.Now())
		if err != nil {
			return ch, err
		}
		m, _ := mailparse.ParseHeader(raw)
		if err := t.store.PutDraft(ctx, state.Draft{Suggestion: key, AppID: it.Application.ID, Mailbox: folders.Drafts,
			UIDValidity: a.UIDValidity, UID: a.UID, MessageID: m.MessageID, Hash: it.Draft.Hash()}); err != nil {
			return ch, err
		}
		t.deps.Log.Info("draft written", "mailbox", folders.Drafts, "uid", a.UID, "kind", string(it.Kind), "application", it.Application.ID)
		ch.Written++
	}
	return ch, nil
}

// digestDue reports whether today's digest should go out now: its time has
// come and it has not gone out today. A machine asleep at digest.at sends
// on waking, once.
func (t *Tracker) digestDue(ctx context.Context, now time.Time) (day string, due bool, err error) {
	h, m, err := config.ParseClock(t.cfg.Digest.At)
	if err != nil {
		return "", false, err
	}
	local := now.In(t.loc)
	at := time.Date(local.Year(), local.Month(), local.Day(), h, m, 0, 0, t.loc)
	day = local.Format(time.DateOnly)
	if local.Before(at) {
		return day, false, nil
	}
	sent, err := t.store.DigestSent(ctx, day)
	return day, !sent, err
}

// maybeDigest delivers today's digest once its time has come.
func (t *Tracker) maybeDigest(ctx context.Context, conn *imapwatch.Conn) {
	now := t.deps.Now().In(t.loc)
	day, due, err := t.digestDue(ctx, now)
	if err != nil {
		t.deps.Log.Warn("digest", "error", err.Error())
		return
	}
	if !due {
		return
	}
	if err := t.DeliverDigest(ctx, conn, now, day); err != nil {
		t.deps.Log.Warn("digest delivery failed; will retry", "error", err.Error())
	}
}

// DeliverDigest builds the digest as of now and delivers it through
// digest.deliver, then records it for day. An empty digest is not sent
// unless digest.always is set.
func (t *Tracker) DeliverDigest(ctx context.Context, conn *imapwatch.Conn, now time.Time, day string) error {
	d, err := BuildDigest(ctx, t.store, t.cfg, now)
	if err != nil {
		return err
	}
	via := t.cfg.Digest.Deliver
	if d.Empty() && !t.cfg.Digest.Always {
		t.deps.Log.Info("nothing to say today: no digest sent")
		return t.store.RecordDigest(ctx, day, now, "none")
	}
	me := MeOf(t.cfg)
	self := mailparse.Address{Name: me.Name, Addr: me.Address}
	switch {
	case via == "stdout":
		if t.deps.Stdout != nil {
			fmt.Fprint(t.deps.Stdout, d.Text())
		}
	case strings.HasPrefix(via, "file:"):
		path := strings.TrimPrefix(via, "file:")
		if err := writePrivate(path, []byte(d.Text())); err != nil {
			return fmt.Errorf("digest: %w", err)
		}
	case via == "imap":
		raw, err := d.Email(self, self, now)
		if err != nil {
			return err
		}
		// Unread in INBOX, like any new mail.
		if _, err := conn.Append(ctx, "INBOX", raw, nil, now); err != nil {
			return fmt.Errorf("digest: %w", err)
		}
	case via == "smtp":
		to := self
		if t.cfg.Digest.To != "" {
			to = mailparse.Address{Addr: t.cfg.Digest.To}
		}
		raw, err := d.Email(self, to, now)
		if err != nil {
			return err
		}
		if err := t.sendSMTP(ctx, self.Addr, to.Addr, raw); err != nil {
			return fmt.Errorf("digest: %w", err)
		}
	default:
		return fmt.Errorf("digest: unknown delivery %q", via)
	}
	t.deps.Log.Info("digest delivered", "via", via, "due", len(d.Due), "upcoming", len(d.Upcoming))
	return t.store.RecordDigest(ctx, day, now, via)
}

// writePrivate replaces path with data, mode 0600, atomically.
func writePrivate(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, ".inboxwatch-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

func (t *Tracker) sendSMTP(ctx context.Context, from, to string, raw []byte) error {
	s := t.cfg.SMTP
	addr := net.JoinHostPort(s.Host, fmt.Sprint(s.Port))
	tc := &tls.Config{ServerName: s.Host, MinVersion: tls.VersionTLS12}
	var c *smtp.Client
	var err error
	switch s.TLS {
	case "implicit", "":
		c, err = smtp.DialTLS(addr, tc)
	case "starttls":
		c, err = smtp.DialStartTLS(addr, tc)
	default:
		c, err = smtp.Dial(addr)
	}
	if err != nil {
		return fmt.Errorf("smtp %s: %w", addr, err)
	}
	defer c.Close()
	if s.Username != "" {
		pw := s.Password
		if pw == "" && s.PasswordCommand != "" {
			if pw, err = runCommand(ctx, "smtp.password_command", s.PasswordCommand); err != nil {
				return err
			}
		}
		if err := c.Auth(sasl.NewPlainClient("", s.Username, pw)); err != nil {
			return fmt.Errorf("smtp login: %w", err)
		}
	}
	if err := c.SendMail(from, []string{to}, bytes.NewReader(raw)); err != nil {
		return fmt.Errorf("smtp send: %w", err)
	}
	return c.Quit()
}

//go:build linux

package main

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// buildStats describes the mailbox written.
type buildStats struct {
	Messages int   `json:"messages"`
	Bytes    int64 `json:"bytes"`
	Seconds  float64
}

// writeMaildir writes every planned message of box straight into the
// mailbox's maildir (cur/, named the way Dovecot names them, with the
// physical and virtual sizes in the name so Dovecot need not compute them),
// dated by the message date, and a dovecot-uidlist giving them UIDs in date
// order. Dovecot indexes them when the mailbox is first opened.
func (d *dovecot) writeMaildir(g *renderer, box string, msgs []*plan, uidValidity uint32) (buildStats, error) {
	start := time.Now()
	dir := d.mailboxDir(box)
	for _, sub := range []string{"cur", "new", "tmp"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o700); err != nil {
			return buildStats{}, err
		}
	}
	// Every directory from the user's home down belongs to the mail user.
	for p := dir; ; p = filepath.Dir(p) {
		for _, sub := range []string{"", "cur", "new", "tmp"} {
			if p != dir && sub != "" {
				continue
			}
			if err := os.Chown(filepath.Join(p, sub), d.uid, d.gid); err != nil {
				return buildStats{}, err
			}
		}
		if p == d.home() {
			break
		}
	}
	names := make([]string, len(msgs))
	var total atomic.Int64
	var firstErr error
	var errOnce sync.Once
	work := make(chan int, 256)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for i := range work {
				m := msgs[i]
				buf.Reset()
				g.render(m, &buf)
				raw := buf.Bytes()
				size := len(raw)
				vsize := size + bytes.Count(raw, []byte{'\n'})
				base := fmt.Sprintf("%d.M%dP%dQ%d.inboxbench,S=%d,W=%d", m.date.Unix(), m.date.Nanosecond()/1000+i%1000, os.Getpid(), i+1, size, vsize)
				flags := ""
				if m.seen {
					flags = "S"
				}
				names[i] = base
				path := filepath.Join(dir, "cur", base+":2,"+flags)
				if err := writeOwned(path, raw, d.uid, d.gid, m.date); err != nil {
					errOnce.Do(func() { firstErr = err })
				}
				total.Add(int64(size))
			}
		}()
	}
	for i := range msgs {
		work <- i
	}
	close(work)
	wg.Wait()
	if firstErr != nil {
		return buildStats{}, firstErr
	}
	guid := make([]byte, 16)
	rand.Read(guid)
	var ul bytes.Buffer
	fmt.Fprintf(&ul, "3 V%d N%d G%s\n", uidValidity, len(msgs)+1, hex.EncodeToString(guid))
	for i, n := range names {
		fmt.Fprintf(&ul, "%d :%s\n", msgs[i].uid, n)
	}
	if err := writeOwned(filepath.Join(dir, "dovecot-uidlist"), ul.Bytes(), d.uid, d.gid, time.Now()); err != nil {
		return buildStats{}, err
	}
	return buildStats{Messages: len(msgs), Bytes: total.Load(), Seconds: time.Since(start).Seconds()}, nil
}

func writeOwned(path string, data []byte, uid, gid int, mtime time.Time) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Chown(uid, gid); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Chtimes(path, mtime, mtime)
}

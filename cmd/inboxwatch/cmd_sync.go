package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/inboxwatch/inboxwatch/internal/config"
	"github.com/inboxwatch/inboxwatch/internal/tracker"
)

type syncOptions struct {
	*globalOptions
	quiet bool
}

func newSyncCmd(g *globalOptions) *cobra.Command {
	opts := &syncOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "sync",
		Short: "Read new mail once, update the applications, and exit",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runSync(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVarP(&opts.quiet, "quiet", "q", false, "no progress output")
	return cmd
}

func runSync(ctx context.Context, opts *syncOptions) error {
	cfg, err := opts.loadConfig(config.Need{IMAP: true})
	if err != nil {
		return err
	}
	log := opts.logger(cfg)
	store, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer store.Close()
	deps := tracker.Deps{Log: log}
	if !opts.quiet {
		deps.Progress = newProgress(opts.stderr).update
	}
	t, err := tracker.New(cfg, store, deps)
	if err != nil {
		return err
	}
	st, err := t.Sync(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.stderr, "synced %s: %d messages examined, %d read, %d stored, %d new applications, %d skipped (%s)\n",
		strings.Join(st.Mailboxes, ", "), st.Seen, st.Bodies, st.Stored, st.NewApps, st.Skipped, st.Duration.Round(time.Millisecond))
	return nil
}

// progress draws a progress bar on a terminal, or logs a line every tenth
// of the way otherwise.
type progress struct {
	mu       sync.Mutex
	w        io.Writer
	tty      bool
	lastStep map[string]int
	lastDraw time.Time
}

func newProgress(w io.Writer) *progress {
	tty := false
	if f, ok := w.(*os.File); ok {
		tty = term.IsTerminal(int(f.Fd()))
	}
	return &progress{w: w, tty: tty, lastStep: map[string]int{}}
}

func (p *progress) update(mailbox string, done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if total <= 0 {
		return
	}
	if !p.tty {
		step := done * 10 / total
		if step != p.lastStep[mailbox] || done == total {
			p.lastStep[mailbox] = step
			fmt.Fprintf(p.w, "scanning %s: %d/%d messages (%d%%)\n", mailbox, done, total, done*100/total)
		}
		return
	}
	if done < total && time.Since(p.lastDraw) < 100*time.Millisecond {
		return
	}
	p.lastDraw = time.Now()
	const width = 30
	filled := done * width / total
	bar := strings.Repeat("=", filled) + strings.Repeat(" ", width-filled)
	fmt.Fprintf(p.w, "\r%-20.20s [%s] %d/%d", mailbox, bar, done, total)
	if done == total {
		fmt.Fprintln(p.w)
	}
}

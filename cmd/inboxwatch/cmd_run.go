package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/inboxwatch/inboxwatch/internal/config"
	"github.com/inboxwatch/inboxwatch/internal/tracker"
)

type runOptions struct {
	*globalOptions
}

func newRunCmd(g *globalOptions) *cobra.Command {
	opts := &runOptions{globalOptions: g}
	return &cobra.Command{
		Use:   "run",
		Short: "Run as a daemon: sync, watch for new mail with IDLE, deliver the daily digest",
		Long: `run syncs, then watches INBOX and Sent with IDLE until interrupted. It reconnects
on its own after network drops, sleep and server restarts, and delivers the
digest once a day at digest.at. A refused login ends it with exit status 3.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runRun(cmd.Context(), opts)
		},
	}
}

func runRun(ctx context.Context, opts *runOptions) error {
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
	t, err := tracker.New(cfg, store, tracker.Deps{Log: log, Stdout: opts.stdout})
	if err != nil {
		return err
	}
	log.Info("watching", "account", cfg.IMAP.Username, "server", cfg.IMAP.Addr())
	if err := t.Run(ctx); err != nil {
		return err
	}
	return ctx.Err()
}

package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/inboxwatch/inboxwatch/internal/config"
	"github.com/inboxwatch/inboxwatch/internal/tracker"
)

type digestOptions struct {
	*globalOptions
	json bool
	now  string
}

func newDigestCmd(g *globalOptions) *cobra.Command {
	opts := &digestOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "digest",
		Short: "Show today's suggested follow-ups, with drafts",
		Long: `digest computes the suggestions as of now (or --now) from what the last sync
stored. It only prints; the daemon (inboxwatch run) delivers it once a day.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runDigest(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print JSON")
	cmd.Flags().StringVar(&opts.now, "now", "", "compute as of this RFC 3339 time (for testing, or to preview tomorrow)")
	return cmd
}

func runDigest(ctx context.Context, opts *digestOptions) error {
	cfg, err := opts.loadConfig(config.Need{})
	if err != nil {
		return err
	}
	now, err := parseNow(opts.now)
	if err != nil {
		return err
	}
	store, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer store.Close()
	d, err := tracker.BuildDigest(ctx, store, cfg, now)
	if err != nil {
		return err
	}
	if opts.json {
		enc := json.NewEncoder(opts.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(d)
	}
	fmt.Fprint(opts.stdout, d.Text())
	return nil
}

package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/inboxwatch/inboxwatch/internal/config"
	"github.com/inboxwatch/inboxwatch/internal/demo"
	"github.com/inboxwatch/inboxwatch/internal/tracker"
)

type demoOptions struct {
	*globalOptions
	json bool
}

func newDemoCmd(g *globalOptions) *cobra.Command {
	opts := &demoOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Run the whole pipeline on a built-in sample job search (no config, no network)",
		Long: `demo starts an IMAP server inside this process on 127.0.0.1, fills it with a
sample job search dated relative to today, syncs it over IMAP like a real
mailbox, and prints the applications and today's digest. It leaves nothing
behind unless --db is given.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runDemo(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the digest as JSON")
	return cmd
}

func runDemo(ctx context.Context, opts *demoOptions) error {
	now := time.Now()
	srv, err := demo.Serve(now)
	if err != nil {
		return err
	}
	defer srv.Close()
	host, port, _ := net.SplitHostPort(srv.Addr)
	cfg := config.Default()
	cfg.IMAP.Host = host
	cfg.IMAP.Port, _ = strconv.Atoi(port)
	cfg.IMAP.TLS = "none" // loopback only: Validate refuses it elsewhere
	cfg.IMAP.Username = srv.Username
	cfg.IMAP.Password = srv.Password
	cfg.IMAP.Timeout = 10 * time.Second
	cfg.Me.Name = demo.Me.Name
	cfg.Me.Addresses = []string{demo.Me.Address}
	cfg.Log.Level = "warn"
	if opts.logLevel != "" {
		cfg.Log.Level = opts.logLevel
	}
	if opts.db != "" {
		cfg.State.Path = opts.db
	} else {
		dir, err := os.MkdirTemp("", "inboxwatch-demo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		cfg.State.Path = dir + "/state.db"
	}
	if err := cfg.Validate(config.Need{IMAP: true}); err != nil {
		return err
	}
	store, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer store.Close()
	t, err := tracker.New(cfg, store, tracker.Deps{Log: opts.logger(cfg)})
	if err != nil {
		return err
	}
	st, err := t.Sync(ctx)
	if err != nil {
		return err
	}
	w := opts.stdout
	fmt.Fprintf(w, "Sample mailbox of %s on imap://%s: %d messages examined, %d about the job search, synced in %s.\n\n",
		demo.Me.Name, srv.Addr, st.Seen, st.Stored, st.Duration.Round(time.Millisecond))
	apps, outs, err := t.Overview(ctx, now)
	if err != nil {
		return err
	}
	so := &statusOptions{globalOptions: opts.globalOptions}
	views := viewsOf(apps, outs, time.Local)
	fmt.Fprintln(w, "Applications")
	printStatusTable(so, views)
	fmt.Fprintln(w)
	d, err := tracker.BuildDigest(ctx, store, cfg, now)
	if err != nil {
		return err
	}
	fmt.Fprint(w, d.Text())
	return nil
}

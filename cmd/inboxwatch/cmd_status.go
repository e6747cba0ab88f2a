package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/inboxwatch/inboxwatch/internal/config"
	"github.com/inboxwatch/inboxwatch/internal/digest"
	"github.com/inboxwatch/inboxwatch/internal/policy"
	"github.com/inboxwatch/inboxwatch/internal/tracker"
)

type statusOptions struct {
	*globalOptions
	json    bool
	explain string
	now     string
}

func newStatusCmd(g *globalOptions) *cobra.Command {
	opts := &statusOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "status",
		Short: "List the applications and their states",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runStatus(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print JSON")
	cmd.Flags().StringVar(&opts.explain, "explain", "", "show the messages and evidence behind application `ID`")
	cmd.Flags().StringVar(&opts.now, "now", "", "evaluate as of this RFC 3339 time")
	return cmd
}

// parseNow reads a --now flag: empty means the current time.
func parseNow(s string) (time.Time, error) {
	if s == "" {
		return time.Now(), nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return t, usageError{fmt.Errorf("--now %q is not an RFC 3339 time like 2026-03-04T08:00:00+01:00", s)}
	}
	return t, nil
}

func runStatus(ctx context.Context, opts *statusOptions) error {
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
	apps, outs, err := tracker.Overview(ctx, store, cfg, now)
	if err != nil {
		return err
	}
	if opts.explain != "" {
		id, err := strconv.ParseInt(opts.explain, 10, 64)
		if err != nil {
			return usageError{fmt.Errorf("--explain wants an application ID, got %q", opts.explain)}
		}
		for i, a := range apps {
			if a.ID == id {
				return explain(opts, a, outs[i])
			}
		}
		return fmt.Errorf("no application %d", id)
	}
	loc, _ := cfg.Location()
	views := viewsOf(apps, outs, loc)
	if opts.json {
		enc := json.NewEncoder(opts.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(struct {
			Applications []digest.AppView `json:"applications"`
		}{views})
	}
	if len(views) == 0 {
		fmt.Fprintln(opts.stdout, "No applications found yet. Run `inboxwatch sync` first.")
		return nil
	}
	printStatusTable(opts, views)
	return nil
}

func printStatusTable(opts *statusOptions, views []digest.AppView) {
	tw := tabwriter.NewWriter(opts.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tCOMPANY\tROLE\tSTATE\tMSGS\tNEXT")
	for _, v := range views {
		next := "-"
		if v.Next != nil {
			next = string(v.Next.Kind) + " " + v.Next.Due.Local().Format("Mon 2 Jan 15:04")
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%s\n", v.ID, trunc(v.Company, 28), trunc(v.Role, 36), v.State, v.Messages, next)
	}
	tw.Flush()
}

func trunc(s string, n int) string {
	if s == "" {
		return "-"
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func explain(opts *statusOptions, a policy.Application, out policy.Outcome) error {
	w := opts.stdout
	fmt.Fprintf(w, "Application %d: %s", a.ID, a.Company)
	if a.Role != "" {
		fmt.Fprintf(w, " — %s", a.Role)
	}
	fmt.Fprintf(w, "\nState: %s\n", out.State)
	if a.Override != "" {
		fmt.Fprintf(w, "Corrected by you: %s (%s)\n", a.Override, a.OverrideAt.Local().Format("2 Jan 2006"))
	}
	if len(a.Contacts) > 0 {
		var cs []string
		for _, c := range a.Contacts {
			cs = append(cs, c.String())
		}
		fmt.Fprintf(w, "Contacts: %s\n", strings.Join(cs, ", "))
	}
	if out.Next != nil {
		fmt.Fprintf(w, "Next: %s due %s — %s\n", out.Next.Kind, out.Next.Due.Local().Format("Mon 2 Jan 15:04"), out.Next.Why)
	}
	if out.Waiting != nil {
		fmt.Fprintf(w, "Waiting until %s — %s\n", out.Waiting.Until, out.Waiting.Why)
	}
	fmt.Fprintln(w, "\nMessages:")
	for _, e := range a.Events {
		dir := "in "
		label := string(e.Category)
		if e.Outbound {
			dir, label = "out", "sent by you"
		}
		if e.Review {
			label += fmt.Sprintf(" (uncertain %.2f: on the review list)", e.Confidence)
		}
		fmt.Fprintf(w, "  %s  %s  %-22s %s\n", e.At.Local().Format("2006-01-02 15:04"), dir, label, e.Subject)
		for _, ev := range e.Evidence {
			fmt.Fprintf(w, "        · %s\n", ev)
		}
	}
	if len(out.Explain) > 0 {
		fmt.Fprintln(w, "\nReasoning:")
		for _, l := range out.Explain {
			fmt.Fprintf(w, "  - %s\n", l)
		}
	}
	return nil
}

func viewsOf(apps []policy.Application, outs []policy.Outcome, loc *time.Location) []digest.AppView {
	views := make([]digest.AppView, 0, len(apps))
	for i, a := range apps {
		views = append(views, digest.ViewIn(a, outs[i], loc))
	}
	return views
}

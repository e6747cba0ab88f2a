package main

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/inboxwatch/inboxwatch/internal/config"
	"github.com/inboxwatch/inboxwatch/internal/state"
)

// newAppCmd groups the user's corrections. They are stored apart from what
// inboxwatch infers, and inference never overwrites them.
func newAppCmd(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "app",
		Short: "Correct an application: mark, merge, ignore, snooze",
	}
	cmd.AddCommand(
		&cobra.Command{
			Use:   "mark ID rejected|offered|withdrawn|active",
			Short: "Set an application's state yourself (active reopens it)",
			Args:  cobra.ExactArgs(2),
			RunE: func(cmd *cobra.Command, args []string) error {
				id, err := appID(args[0])
				if err != nil {
					return err
				}
				switch args[1] {
				case "rejected", "offered", "withdrawn", "active":
				default:
					return usageError{fmt.Errorf("state %q is not one of rejected, offered, withdrawn, active", args[1])}
				}
				return withStore(cmd.Context(), g, func(s *state.Store) error {
					if err := s.Mark(cmd.Context(), id, args[1]); err != nil {
						return err
					}
					fmt.Fprintf(g.stdout, "application %d marked %s\n", id, args[1])
					return nil
				})
			},
		},
		&cobra.Command{
			Use:   "merge ID OTHER",
			Short: "Fold application OTHER into ID (same company and role)",
			Args:  cobra.ExactArgs(2),
			RunE: func(cmd *cobra.Command, args []string) error {
				into, err := appID(args[0])
				if err != nil {
					return err
				}
				from, err := appID(args[1])
				if err != nil {
					return err
				}
				return withStore(cmd.Context(), g, func(s *state.Store) error {
					if err := s.Merge(cmd.Context(), into, from); err != nil {
						return err
					}
					fmt.Fprintf(g.stdout, "application %d merged into %d\n", from, into)
					return nil
				})
			},
		},
		&cobra.Command{
			Use:   "ignore ID",
			Short: "Hide an application and never suggest anything for it",
			Args:  cobra.ExactArgs(1),
			RunE: func(cmd *cobra.Command, args []string) error {
				id, err := appID(args[0])
				if err != nil {
					return err
				}
				return withStore(cmd.Context(), g, func(s *state.Store) error {
					if err := s.Ignore(cmd.Context(), id, true); err != nil {
						return err
					}
					fmt.Fprintf(g.stdout, "application %d ignored\n", id)
					return nil
				})
			},
		},
		&cobra.Command{
			Use:   "snooze ID UNTIL",
			Short: "Hold suggestions until UNTIL (YYYY-MM-DD or RFC 3339)",
			Args:  cobra.ExactArgs(2),
			RunE: func(cmd *cobra.Command, args []string) error {
				id, err := appID(args[0])
				if err != nil {
					return err
				}
				return withStore(cmd.Context(), g, func(s *state.Store) error {
					until, err := parseUntil(args[1])
					if err != nil {
						return err
					}
					if err := s.Snooze(cmd.Context(), id, until); err != nil {
						return err
					}
					fmt.Fprintf(g.stdout, "application %d snoozed until %s\n", id, until.Format("Mon 2 Jan 2006 15:04"))
					return nil
				})
			},
		},
	)
	return cmd
}

func appID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, usageError{fmt.Errorf("%q is not an application ID (see inboxwatch status)", s)}
	}
	return id, nil
}

func parseUntil(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.ParseInLocation("2006-01-02", s, time.Local); err == nil {
		return t, nil
	}
	return time.Time{}, usageError{fmt.Errorf("%q is not a date (YYYY-MM-DD) or RFC 3339 time", s)}
}

func withStore(ctx context.Context, g *globalOptions, f func(*state.Store) error) error {
	cfg, err := g.loadConfig(config.Need{})
	if err != nil {
		return err
	}
	s, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer s.Close()
	return f(s)
}

func newReviewCmd(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "review",
		Short: "List messages too uncertain to act on",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withStore(cmd.Context(), g, func(s *state.Store) error {
				msgs, err := s.ReviewList(cmd.Context())
				if err != nil {
					return err
				}
				if len(msgs) == 0 {
					fmt.Fprintln(g.stdout, "Nothing to review.")
					return nil
				}
				for _, m := range msgs {
					fmt.Fprintf(g.stdout, "%s  app %d  %-20s %.2f  %s  <%s>\n", m.Date.Local().Format("2006-01-02"), m.AppID, m.Category, m.Confidence, m.Subject, m.From.Addr)
				}
				return nil
			})
		},
	}
}

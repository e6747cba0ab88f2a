package main

import (
	"github.com/spf13/cobra"

	"github.com/inboxwatch/inboxwatch/internal/classeval"
	"github.com/inboxwatch/inboxwatch/internal/classify"
)

type classifyOptions struct {
	*globalOptions
	json bool
}

func newClassifyCmd(g *globalOptions) *cobra.Command {
	opts := &classifyOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "classify [--json] FILE...",
		Short: "Classify raw RFC 5322 messages (FILE may be - for standard input) without touching state",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, files []string) error {
			if err := classeval.ClassifyFiles(opts.stdout, opts.stderr, opts.stdin, files, opts.json, classify.Options{}); err != nil {
				return errSilent // each failure was reported on its own line
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "one JSON object per line")
	return cmd
}

func newEvalCmd(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "eval DIR",
		Short: "Measure the classifier on a labelled directory (.eml files and labels.tsv)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := classeval.Evaluate(args[0], classify.Options{})
			if err != nil {
				return err
			}
			r.WriteText(g.stdout)
			return nil
		},
	}
}

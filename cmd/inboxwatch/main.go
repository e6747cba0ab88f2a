// Command inboxwatch watches a job seeker's mailbox over IMAP, tracks every
// application's state, and says which follow-up to send today.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	_ "time/tzdata" // time zones on machines without a zone database

	"github.com/inboxwatch/inboxwatch/internal/config"
	"github.com/inboxwatch/inboxwatch/internal/imapwatch"
)

// Exit statuses.
const (
	exitOK        = 0
	exitFailure   = 1
	exitUsage     = 2 // bad flags or configuration
	exitAuth      = 3 // the server refused the credentials or certificate
	exitInterrupt = 130
)

func main() {
	tuneGC()
	os.Exit(Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// tuneGC trades a little memory for time: the live heap of a sync is a few
// megabytes of short-lived parse results, so the collector runs a quarter
// as often, with a ceiling that brings it back when memory grows. GOGC and
// GOMEMLIMIT in the environment win.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(96 << 20)
	}
}

// Run runs inboxwatch with args and returns the exit status. The first
// SIGINT or SIGTERM cancels the work; a second one exits at once.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	interrupted := false
	go func() {
		<-sigs
		interrupted = true
		cancel()
		<-sigs
		fmt.Fprintln(stderr, "inboxwatch: second interrupt, exiting now")
		os.Exit(exitInterrupt)
	}()
	root := newRootCmd(stdin, stdout, stderr)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if interrupted || errors.Is(err, context.Canceled) {
		return exitInterrupt
	}
	return exitStatus(err, stderr)
}

// usageError marks bad flags or arguments.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// exitStatus prints err (once) and maps it to an exit status.
func exitStatus(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	var ke *config.KeyError
	var ue usageError
	switch {
	case errors.As(err, &ke):
		fmt.Fprintln(stderr, "inboxwatch:", ke.Error())
		return exitUsage
	case errors.As(err, &ue):
		fmt.Fprintln(stderr, "inboxwatch:", err)
		return exitUsage
	case imapwatch.Permanent(err):
		fmt.Fprintln(stderr, "inboxwatch:", err)
		return exitAuth
	case errors.Is(err, errSilent):
		return exitFailure
	}
	fmt.Fprintln(stderr, "inboxwatch:", err)
	return exitFailure
}

// errSilent is a failure already reported to the user.
var errSilent = errors.New("failed")

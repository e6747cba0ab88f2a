package tracker

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"

	"github.com/inboxwatch/inboxwatch/internal/config"
	"github.com/inboxwatch/inboxwatch/internal/imapwatch"
)

// runCommand runs a password or token command through the shell and
// returns its first line of output. The output is a secret: it never
// appears in errors, only the command's exit status does.
func runCommand(ctx context.Context, key, command string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "/bin/sh", "-c", command)
	var out, errb bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &errb
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(errb.String())
		if len(msg) > 200 {
			msg = msg[:200]
		}
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return "", fmt.Errorf("%s failed (exit status %d): %s", key, ee.ExitCode(), msg)
		}
		return "", fmt.Errorf("%s failed: %w", key, err)
	}
	line, _, _ := strings.Cut(out.String(), "\n")
	line = strings.TrimSpace(line)
	if line == "" {
		return "", fmt.Errorf("%s printed nothing", key)
	}
	return line, nil
}

// IMAPOptions turns the configuration into connection options.
func IMAPOptions(c config.IMAP, deps Deps) imapwatch.Options {
	secret := func(ctx context.Context) (string, error) {
		switch c.Auth {
		case "xoauth2", "oauthbearer":
			return runCommand(ctx, "imap.token_command", c.TokenCommand)
		}
		if c.Password != "" {
			return c.Password, nil
		}
		if c.PasswordCommand != "" {
			return runCommand(ctx, "imap.password_command", c.PasswordCommand)
		}
		return "", errors.New("no password configured")
	}
	return imapwatch.Options{
		Addr:     c.Addr(),
		TLS:      imapwatch.TLSMode(c.TLS),
		CAFile:   c.TLSCAFile,
		Username: c.Username,
		Auth:     c.Auth,
		Secret:   secret,
		Timeout:  c.Timeout,
		Trace:    c.Trace,
		Logger:   deps.Log,
		Account:  c.Username,
	}
}

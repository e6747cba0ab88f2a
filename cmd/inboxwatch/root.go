package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"reflect"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/inboxwatch/inboxwatch/internal/config"
	"github.com/inboxwatch/inboxwatch/internal/state"
)

// globalOptions are the flags every command takes.
type globalOptions struct {
	configFile string
	db         string
	logLevel   string
	stdin      io.Reader
	stdout     io.Writer
	stderr     io.Writer
	// flags holds the command's flags, bound over file and environment.
	flags map[string]string
}

func newRootCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	g := &globalOptions{stdin: stdin, stdout: stdout, stderr: stderr}
	root := &cobra.Command{
		Use:   "inboxwatch",
		Short: "Track job applications in your mailbox and get a daily follow-up digest",
		Long: `inboxwatch reads your mailbox over IMAP (read-only), recognises interview
invitations, rejections, offers and recruiter replies, tracks the state of each
application, and tells you which follow-up to send today.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	pf := root.PersistentFlags()
	pf.StringVar(&g.configFile, "config", "", "config file (default $INBOXWATCH_CONFIG, else the user config dir's inboxwatch/config.yaml)")
	pf.StringVar(&g.db, "db", "", "state database file (overrides state.path)")
	pf.StringVar(&g.logLevel, "log-level", "", "debug, info, warn or error (overrides log.level)")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(
		newDemoCmd(g),
		newSyncCmd(g),
		newRunCmd(g),
		newStatusCmd(g),
		newDigestCmd(g),
		newAppCmd(g),
		newReviewCmd(g),
		newClassifyCmd(g),
		newEvalCmd(g),
		newVersionCmd(g),
	)
	return root
}

// loadConfig builds the configuration: defaults < file < INBOXWATCH_*
// environment < flags, decoded once into a validated Config.
func (g *globalOptions) loadConfig(need config.Need) (config.Config, error) {
	v := viper.New()
	def := config.Default()
	setDefaults(v, "", reflect.ValueOf(def))
	v.SetEnvPrefix("INBOXWATCH")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()
	path := g.configFile
	explicit := path != ""
	if path == "" {
		path = os.Getenv("INBOXWATCH_CONFIG")
		explicit = path != ""
	}
	if path == "" {
		path = config.DefaultConfigPath()
	}
	if path != "" {
		v.SetConfigFile(path)
		if !strings.HasSuffix(path, ".yaml") && !strings.HasSuffix(path, ".yml") && !strings.HasSuffix(path, ".json") && !strings.HasSuffix(path, ".toml") {
			v.SetConfigType("yaml")
		}
		if err := v.ReadInConfig(); err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) && errors.Is(err, fs.ErrNotExist) && !explicit {
				// No file: defaults and environment only.
			} else {
				return config.Config{}, &config.KeyError{Key: "config", Msg: fmt.Sprintf("%s: %v", path, err)}
			}
		} else if fi, err := os.Stat(path); err == nil && fi.Mode().Perm()&0o077 != 0 && ((v.InConfig("imap.password") && v.GetString("imap.password") != "") || (v.InConfig("smtp.password") && v.GetString("smtp.password") != "")) {
			fmt.Fprintf(g.stderr, "inboxwatch: warning: %s holds a password and is readable by others; run chmod 600 %s\n", path, path)
		}
	}
	if g.db != "" {
		v.Set("state.path", g.db)
	}
	if g.logLevel != "" {
		v.Set("log.level", g.logLevel)
	}
	for k, val := range g.flags {
		v.Set(k, val)
	}
	var cfg config.Config
	if err := v.UnmarshalExact(&cfg); err != nil {
		return cfg, &config.KeyError{Key: keyOf(err), Msg: cleanDecodeError(err)}
	}
	if err := cfg.Validate(need); err != nil {
		return cfg, err
	}
	return cfg, nil
}

// setDefaults registers every key with its default, so that environment
// variables are seen for keys the file does not mention.
func setDefaults(v *viper.Viper, prefix string, rv reflect.Value) {
	rt := rv.Type()
	for i := range rt.NumField() {
		f := rt.Field(i)
		key := f.Tag.Get("mapstructure")
		if key == "" {
			continue
		}
		if prefix != "" {
			key = prefix + "." + key
		}
		if f.Type.Kind() == reflect.Struct {
			setDefaults(v, key, rv.Field(i))
			continue
		}
		v.SetDefault(key, rv.Field(i).Interface())
	}
}

// keyOf pulls the first quoted key name out of a decode error.
func keyOf(err error) string {
	s := err.Error()
	if i := strings.Index(s, " has invalid keys: "); i >= 0 {
		parent := s[:i]
		if j := strings.LastIndex(parent, "'"); j > 0 {
			if k := strings.LastIndex(parent[:j], "'"); k >= 0 {
				parent = parent[k+1 : j]
			}
		}
		keys := strings.TrimSpace(s[i+len(" has invalid keys: "):])
		keys, _, _ = strings.Cut(keys, "\n")
		first, _, _ := strings.Cut(keys, ",")
		if parent == "" || strings.Contains(parent, " ") {
			return first
		}
		return parent + "." + strings.TrimSpace(first)
	}
	if i := strings.Index(s, "'"); i >= 0 {
		if j := strings.Index(s[i+1:], "'"); j > 0 {
			return s[i+1 : i+1+j]
		}
	}
	if i := strings.Index(s, "invalid keys: "); i >= 0 {
		return strings.TrimSpace(s[i+len("invalid keys: "):])
	}
	return "config"
}

func cleanDecodeError(err error) string {
	s := err.Error()
	if strings.Contains(s, "invalid keys") {
		return "unknown key"
	}
	s = strings.TrimPrefix(s, "decoding failed due to the following error(s):")
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "' "); i >= 0 && strings.HasPrefix(s, "'") {
		s = s[i+2:]
	}
	return s
}

// logger makes the process logger: text on stderr, secrets redacted.
func (g *globalOptions) logger(cfg config.Config) *slog.Logger {
	lvl := slog.LevelInfo
	_ = lvl.UnmarshalText([]byte(cfg.Log.Level))
	opts := &slog.HandlerOptions{Level: lvl, ReplaceAttr: redactAttr}
	var h slog.Handler = slog.NewTextHandler(g.stderr, opts)
	if cfg.Log.Format == "json" {
		h = slog.NewJSONHandler(g.stderr, opts)
	}
	return slog.New(h)
}

// redactAttr hides any attribute whose name says it holds a secret.
func redactAttr(_ []string, a slog.Attr) slog.Attr {
	k := strings.ToLower(a.Key)
	for _, s := range []string{"password", "token", "secret", "authorization"} {
		if strings.Contains(k, s) {
			return slog.String(a.Key, "<redacted>")
		}
	}
	return a
}

// openStore opens the state database of cfg.
func openStore(ctx context.Context, cfg config.Config) (*state.Store, error) {
	return state.Open(ctx, cfg.State.Path, state.Options{})
}

// configNeedIMAP is the need of commands that talk to the server.
var configNeedIMAP = config.Need{IMAP: true}

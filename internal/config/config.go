// Package config defines inboxwatch's typed configuration, its defaults and
// its validation. It reads nothing by itself: the command layer decodes the
// file, the environment and the flags into a Config and calls Validate.
package config

import (
	"errors"
	"fmt"
	"net"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Config is the whole configuration.
type Config struct {
	IMAP   IMAP   `mapstructure:"imap"`
	Me     Me     `mapstructure:"me"`
	Scan   Scan   `mapstructure:"scan"`
	State  State  `mapstructure:"state"`
	Policy Policy `mapstructure:"policy"`
	Digest Digest `mapstructure:"digest"`
	Drafts Drafts `mapstructure:"drafts"`
	SMTP   SMTP   `mapstructure:"smtp"`
	Log    Log    `mapstructure:"log"`
}

// IMAP is how to reach the mailbox.
type IMAP struct {
	Provider        string `mapstructure:"provider"` // gmail | fastmail | custom
	Host            string `mapstructure:"host"`
	Port            int    `mapstructure:"port"`
	TLS             string `mapstructure:"tls"` // implicit | starttls | none
	TLSCAFile       string `mapstructure:"tls_ca_file"`
	Username        string `mapstructure:"username"`
	Password        string `mapstructure:"password"`
	PasswordCommand string `mapstructure:"password_command"`
	Auth            string `mapstructure:"auth"` // password | xoauth2 | oauthbearer
	TokenCommand    string `mapstructure:"token_command"`
	// Mailboxes overrides the folders watched; empty means INBOX and the
	// folder marked \Sent.
	Mailboxes []string `mapstructure:"mailboxes"`
	// Trace logs the IMAP protocol at debug level, with credentials redacted.
	Trace bool `mapstructure:"trace"`
	// Timeout bounds every blocking network wait.
	Timeout time.Duration `mapstructure:"timeout"`
	// IdleRefresh is how often IDLE is re-issued (at most 14 minutes).
	IdleRefresh time.Duration `mapstructure:"idle_refresh"`
}

// Me is the user.
type Me struct {
	Name      string   `mapstructure:"name"`
	Addresses []string `mapstructure:"addresses"`
}

// Scan bounds the first scan.
type Scan struct {
	LookbackDays int `mapstructure:"lookback_days"`
	// MaxBodyBytes caps the bytes fetched of one text part.
	MaxBodyBytes int `mapstructure:"max_body_bytes"`
	// ReviewThreshold is the confidence below which a classification goes
	// to the review list instead of changing an application.
	ReviewThreshold float64 `mapstructure:"review_threshold"`
}

// State is where inboxwatch keeps what it learned.
type State struct {
	Path string `mapstructure:"path"`
}

// Policy holds the follow-up rules.
type Policy struct {
	ThankYouAfter           time.Duration `mapstructure:"thank_you_after"`
	ThankYouWindow          time.Duration `mapstructure:"thank_you_window"`
	InterviewLength         time.Duration `mapstructure:"interview_length"`
	StatusCheckAfter        time.Duration `mapstructure:"status_check_after"`
	TimelineGraceDays       int           `mapstructure:"timeline_grace_days"`
	FinalCheckAfter         time.Duration `mapstructure:"final_check_after"`
	MaxStatusChecks         int           `mapstructure:"max_status_checks"`
	AutoReplyGraceDays      int           `mapstructure:"auto_reply_grace_days"`
	QuietPeriods            []string      `mapstructure:"quiet_periods"` // "12-24..01-01"
	FollowUpBeforeInterview bool          `mapstructure:"follow_up_before_interview"`
	BeforeInterviewAfter    time.Duration `mapstructure:"before_interview_after"`
}

// Digest is when and how the daily digest goes out.
type Digest struct {
	At       string `mapstructure:"at"`       // HH:MM local
	Timezone string `mapstructure:"timezone"` // IANA name; empty = local
	Deliver  string `mapstructure:"deliver"`  // stdout | file:PATH | imap | smtp
	Always   bool   `mapstructure:"always"`
	To       string `mapstructure:"to"` // recipient for smtp; default the first of me.addresses
}

// Drafts controls writing follow-up drafts into the Drafts folder.
type Drafts struct {
	Enabled bool `mapstructure:"enabled"`
}

// SMTP is the submission server for digest.deliver: smtp.
type SMTP struct {
	Host            string `mapstructure:"host"`
	Port            int    `mapstructure:"port"`
	TLS             string `mapstructure:"tls"` // implicit | starttls | none
	Username        string `mapstructure:"username"`
	Password        string `mapstructure:"password"`
	PasswordCommand string `mapstructure:"password_command"`
}

// Log controls logging.
type Log struct {
	Level  string `mapstructure:"level"`  // debug | info | warn | error
	Format string `mapstructure:"format"` // text | json
}

// Default returns the built-in defaults.
func Default() Config {
	return Config{
		IMAP: IMAP{
			Provider:    "custom",
			TLS:         "implicit",
			Auth:        "password",
			Timeout:     60 * time.Second,
			IdleRefresh: 14 * time.Minute,
		},
		Scan:  Scan{LookbackDays: 120, MaxBodyBytes: 64 << 10, ReviewThreshold: 0.6},
		State: State{Path: DefaultStatePath()},
		Policy: Policy{
			ThankYouAfter:        24 * time.Hour,
			ThankYouWindow:       48 * time.Hour,
			InterviewLength:      time.Hour,
			StatusCheckAfter:     7 * 24 * time.Hour,
			TimelineGraceDays:    2,
			FinalCheckAfter:      7 * 24 * time.Hour,
			MaxStatusChecks:      2,
			AutoReplyGraceDays:   1,
			QuietPeriods:         []string{"12-24..01-01"},
			BeforeInterviewAfter: 14 * 24 * time.Hour,
		},
		Digest: Digest{At: "08:00", Deliver: "stdout"},
		Log:    Log{Level: "info", Format: "text"},
	}
}

// DefaultStatePath is the state file under the user's data directory
// ($XDG_DATA_HOME/inboxwatch/state.db, else ~/.local/share/...).
func DefaultStatePath() string {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "inboxwatch.db"
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "inboxwatch", "state.db")
}

// DefaultConfigPath is the config file under the user's config directory.
func DefaultConfigPath() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "inboxwatch", "config.yaml")
}

// Preset is a provider's connection settings.
type Preset struct {
	Host string
	Port int
	TLS  string
}

// Presets are the known providers.
var Presets = map[string]Preset{
	"gmail":    {Host: "imap.gmail.com", Port: 993, TLS: "implicit"},
	"fastmail": {Host: "imap.fastmail.com", Port: 993, TLS: "implicit"},
}

// KeyError is a validation error that names the offending key.
type KeyError struct {
	Key string
	Msg string
}

func (e *KeyError) Error() string { return fmt.Sprintf("config: %s: %s", e.Key, e.Msg) }

func keyErr(key, format string, args ...any) error {
	return &KeyError{Key: key, Msg: fmt.Sprintf(format, args...)}
}

// Need says which parts of the configuration a command uses, so that, say,
// `status` runs without IMAP settings.
type Need struct {
	IMAP bool
}

// Validate applies provider presets and checks every key. It returns the
// first problem as a *KeyError.
func (c *Config) Validate(need Need) error {
	c.IMAP.Provider = strings.ToLower(strings.TrimSpace(c.IMAP.Provider))
	if c.IMAP.Provider == "" {
		c.IMAP.Provider = "custom"
	}
	if p, ok := Presets[c.IMAP.Provider]; ok {
		if c.IMAP.Host == "" {
			c.IMAP.Host = p.Host
		}
		if c.IMAP.Port == 0 {
			c.IMAP.Port = p.Port
		}
		if c.IMAP.TLS == "" {
			c.IMAP.TLS = p.TLS
		}
	} else if c.IMAP.Provider != "custom" {
		return keyErr("imap.provider", "unknown provider %q (want gmail, fastmail or custom)", c.IMAP.Provider)
	}
	c.IMAP.TLS = strings.ToLower(c.IMAP.TLS)
	switch c.IMAP.TLS {
	case "", "implicit":
		c.IMAP.TLS = "implicit"
		if c.IMAP.Port == 0 {
			c.IMAP.Port = 993
		}
	case "starttls", "none":
		if c.IMAP.Port == 0 {
			c.IMAP.Port = 143
		}
	default:
		return keyErr("imap.tls", "%q is not one of implicit, starttls, none", c.IMAP.TLS)
	}
	if c.IMAP.Port < 0 || c.IMAP.Port > 65535 {
		return keyErr("imap.port", "%d is not a TCP port", c.IMAP.Port)
	}
	c.IMAP.Auth = strings.ToLower(c.IMAP.Auth)
	switch c.IMAP.Auth {
	case "", "password":
		c.IMAP.Auth = "password"
	case "xoauth2", "oauthbearer":
	default:
		return keyErr("imap.auth", "%q is not one of password, xoauth2, oauthbearer", c.IMAP.Auth)
	}
	if c.IMAP.TLSCAFile != "" {
		if _, err := os.Stat(c.IMAP.TLSCAFile); err != nil {
			return keyErr("imap.tls_ca_file", "%v", errors.Unwrap(err))
		}
	}
	if c.IMAP.Timeout <= 0 {
		return keyErr("imap.timeout", "must be positive")
	}
	if c.IMAP.IdleRefresh <= 0 || c.IMAP.IdleRefresh > 14*time.Minute {
		return keyErr("imap.idle_refresh", "%s must be between 1s and 14m", c.IMAP.IdleRefresh)
	}
	if need.IMAP {
		if c.IMAP.Host == "" {
			return keyErr("imap.host", "is required (or set imap.provider to gmail or fastmail)")
		}
		if c.IMAP.TLS == "none" && !IsLoopback(c.IMAP.Host) {
			return keyErr("imap.tls", "none is refused for %s: plain-text IMAP is only allowed to a loopback address", c.IMAP.Host)
		}
		if c.IMAP.Username == "" {
			return keyErr("imap.username", "is required")
		}
		if c.IMAP.Auth == "password" && c.IMAP.Password == "" && c.IMAP.PasswordCommand == "" {
			return keyErr("imap.password", "is required: set INBOXWATCH_IMAP_PASSWORD, imap.password_command or imap.password")
		}
		if c.IMAP.Auth != "password" && c.IMAP.TokenCommand == "" {
			return keyErr("imap.token_command", "is required with imap.auth %s", c.IMAP.Auth)
		}
		if len(c.Me.Addresses) == 0 {
			c.Me.Addresses = []string{c.IMAP.Username}
		}
	}
	for i, a := range c.Me.Addresses {
		addr, err := mail.ParseAddress(a)
		if err != nil {
			if strings.Contains(a, "@") && !strings.ContainsAny(a, " <>") {
				c.Me.Addresses[i] = strings.ToLower(a)
				continue
			}
			return keyErr("me.addresses", "%q is not an email address", a)
		}
		c.Me.Addresses[i] = strings.ToLower(addr.Address)
	}
	if c.Scan.LookbackDays <= 0 {
		return keyErr("scan.lookback_days", "must be a positive number of days, got %d", c.Scan.LookbackDays)
	}
	if c.Scan.MaxBodyBytes < 1024 {
		return keyErr("scan.max_body_bytes", "must be at least 1024, got %d", c.Scan.MaxBodyBytes)
	}
	if c.Scan.ReviewThreshold < 0 || c.Scan.ReviewThreshold > 1 {
		return keyErr("scan.review_threshold", "must be between 0 and 1, got %v", c.Scan.ReviewThreshold)
	}
	if c.State.Path == "" {
		return keyErr("state.path", "is required")
	}
	if rest, ok := strings.CutPrefix(c.State.Path, "~/"); ok {
		home, err := os.UserHomeDir()
		if err != nil {
			return keyErr("state.path", "cannot expand ~: %v", err)
		}
		c.State.Path = filepath.Join(home, rest)
	}
	if err := c.validatePolicy(); err != nil {
		return err
	}
	if _, _, err := ParseClock(c.Digest.At); err != nil {
		return keyErr("digest.at", "%v", err)
	}
	if _, err := c.Location(); err != nil {
		return keyErr("digest.timezone", "%v", err)
	}
	d := c.Digest.Deliver
	switch {
	case d == "stdout" || d == "imap":
	case d == "smtp":
		if c.SMTP.Host == "" {
			return keyErr("smtp.host", "is required with digest.deliver: smtp")
		}
		if c.SMTP.Port == 0 {
			c.SMTP.Port = 465
		}
		if c.SMTP.TLS == "" {
			c.SMTP.TLS = "implicit"
		}
		if c.SMTP.TLS == "none" && !IsLoopback(c.SMTP.Host) {
			return keyErr("smtp.tls", "none is refused for %s: only a loopback address may use plain text", c.SMTP.Host)
		}
	case strings.HasPrefix(d, "file:") && len(d) > len("file:"):
	default:
		return keyErr("digest.deliver", "%q is not one of stdout, file:PATH, imap, smtp", d)
	}
	switch strings.ToLower(c.Log.Level) {
	case "debug", "info", "warn", "error":
	default:
		return keyErr("log.level", "%q is not one of debug, info, warn, error", c.Log.Level)
	}
	switch c.Log.Format {
	case "text", "json":
	default:
		return keyErr("log.format", "%q is not one of text, json", c.Log.Format)
	}
	return nil
}

func (c *Config) validatePolicy() error {
	p := c.Policy
	pos := func(key string, d time.Duration) error {
		if d <= 0 {
			return keyErr(key, "must be a positive duration, got %s", d)
		}
		return nil
	}
	for _, kv := range []struct {
		k string
		d time.Duration
	}{
		{"policy.thank_you_after", p.ThankYouAfter}, {"policy.thank_you_window", p.ThankYouWindow},
		{"policy.interview_length", p.InterviewLength}, {"policy.status_check_after", p.StatusCheckAfter},
		{"policy.final_check_after", p.FinalCheckAfter}, {"policy.before_interview_after", p.BeforeInterviewAfter},
	} {
		if err := pos(kv.k, kv.d); err != nil {
			return err
		}
	}
	if p.ThankYouWindow < p.ThankYouAfter {
		return keyErr("policy.thank_you_window", "%s is shorter than policy.thank_you_after %s", p.ThankYouWindow, p.ThankYouAfter)
	}
	if p.TimelineGraceDays < 0 {
		return keyErr("policy.timeline_grace_days", "must not be negative")
	}
	if p.AutoReplyGraceDays < 0 {
		return keyErr("policy.auto_reply_grace_days", "must not be negative")
	}
	if p.MaxStatusChecks < 0 || p.MaxStatusChecks > 5 {
		return keyErr("policy.max_status_checks", "must be between 0 and 5, got %d", p.MaxStatusChecks)
	}
	for _, q := range p.QuietPeriods {
		if _, err := ParsePeriod(q); err != nil {
			return keyErr("policy.quiet_periods", "%v", err)
		}
	}
	return nil
}

// Location is the digest's time zone.
func (c *Config) Location() (*time.Location, error) {
	if c.Digest.Timezone == "" || strings.EqualFold(c.Digest.Timezone, "local") {
		return time.Local, nil
	}
	return time.LoadLocation(c.Digest.Timezone)
}

// ParseClock parses "HH:MM".
func ParseClock(s string) (hour, minute int, err error) {
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, 0, fmt.Errorf("%q is not a time of day like 08:00", s)
	}
	return t.Hour(), t.Minute(), nil
}

// MonthDay is a day of the year.
type MonthDay struct {
	Month time.Month
	Day   int
}

// ParsePeriod parses "MM-DD..MM-DD".
func ParsePeriod(s string) ([2]MonthDay, error) {
	var out [2]MonthDay
	from, to, ok := strings.Cut(s, "..")
	if !ok {
		return out, fmt.Errorf("%q is not a period like 12-24..01-01", s)
	}
	for i, v := range []string{from, to} {
		t, err := time.Parse("01-02", strings.TrimSpace(v))
		if err != nil {
			return out, fmt.Errorf("%q is not a period like 12-24..01-01", s)
		}
		out[i] = MonthDay{t.Month(), t.Day()}
	}
	return out, nil
}

// IsLoopback reports whether host is a loopback name or address.
func IsLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// Addr is host:port.
func (i IMAP) Addr() string {
	return net.JoinHostPort(i.Host, fmt.Sprint(i.Port))
}

package config

import (
	"errors"
	"strings"
	"testing"
)

func valid() Config {
	c := Default()
	c.IMAP.Provider = "fastmail"
	c.IMAP.Username = "sam@fastmail.example"
	c.IMAP.Password = "app-password"
	c.State.Path = "/tmp/x.db"
	return c
}

func TestPresets(t *testing.T) {
	c := valid()
	if err := c.Validate(Need{IMAP: true}); err != nil {
		t.Fatal(err)
	}
	if c.IMAP.Host != "imap.fastmail.com" || c.IMAP.Port != 993 || c.IMAP.TLS != "implicit" {
		t.Errorf("fastmail preset gave %+v", c.IMAP)
	}
	if len(c.Me.Addresses) != 1 || c.Me.Addresses[0] != "sam@fastmail.example" {
		t.Errorf("me.addresses defaults to the username, got %v", c.Me.Addresses)
	}
}

func TestValidateNamesTheKey(t *testing.T) {
	cases := map[string]func(*Config){
		"imap.tls":               func(c *Config) { c.IMAP.TLS = "none" },
		"imap.auth":              func(c *Config) { c.IMAP.Auth = "kerberos" },
		"imap.token_command":     func(c *Config) { c.IMAP.Auth = "xoauth2" },
		"imap.password":          func(c *Config) { c.IMAP.Password = "" },
		"me.addresses":           func(c *Config) { c.Me.Addresses = []string{"not an address"} },
		"scan.review_threshold":  func(c *Config) { c.Scan.ReviewThreshold = 2 },
		"policy.quiet_periods":   func(c *Config) { c.Policy.QuietPeriods = []string{"december"} },
		"policy.thank_you_after": func(c *Config) { c.Policy.ThankYouAfter = 0 },
		"digest.deliver":         func(c *Config) { c.Digest.Deliver = "pigeon" },
		"digest.timezone":        func(c *Config) { c.Digest.Timezone = "Mars/Olympus" },
		"smtp.host":              func(c *Config) { c.Digest.Deliver = "smtp" },
		"imap.idle_refresh":      func(c *Config) { c.IMAP.IdleRefresh = 0 },
	}
	for key, edit := range cases {
		t.Run(key, func(t *testing.T) {
			c := valid()
			edit(&c)
			err := c.Validate(Need{IMAP: true})
			var ke *KeyError
			if !errors.As(err, &ke) || ke.Key != key {
				t.Fatalf("got %v, want an error naming %s", err, key)
			}
			if strings.Contains(err.Error(), "app-password") {
				t.Fatalf("error reveals the password: %v", err)
			}
		})
	}
}

func TestPlainTextOnlyToLoopback(t *testing.T) {
	for host, ok := range map[string]bool{"127.0.0.1": true, "localhost": true, "::1": true, "imap.example.com": false, "10.0.0.2": false} {
		c := valid()
		c.IMAP.Provider, c.IMAP.Host, c.IMAP.TLS = "custom", host, "none"
		if err := c.Validate(Need{IMAP: true}); (err == nil) != ok {
			t.Errorf("tls none to %s: err %v", host, err)
		}
	}
}

func TestStatusNeedsNoServer(t *testing.T) {
	c := Default()
	if err := c.Validate(Need{}); err != nil {
		t.Fatalf("defaults without IMAP settings: %v", err)
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run runs the command line in-process and returns status, stdout, stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func writeConfig(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestBadConfigNamesTheKey(t *testing.T) {
	t.Setenv("INBOXWATCH_IMAP_PASSWORD", "x")
	cases := []struct {
		name, config, key string
		env               map[string]string
	}{
		{"negative lookback", "imap: {provider: gmail, username: a@b.example}\nscan: {lookback_days: -3}\n", "scan.lookback_days", nil},
		{"not a number", "imap: {provider: gmail, username: a@b.example}\nscan: {lookback_days: lots}\n", "scan.lookback_days", nil},
		{"unknown key", "imap: {provider: gmail, username: a@b.example, hostname: x}\n", "imap.hostname", nil},
		{"unknown provider", "imap: {provider: yahooo, username: a@b.example}\n", "imap.provider", nil},
		{"plain text to a remote host", "imap: {host: mail.example.com, username: a@b.example}\n", "imap.tls", map[string]string{"INBOXWATCH_IMAP_TLS": "none"}},
		{"bad digest time", "imap: {provider: fastmail, username: a@b.example}\ndigest: {at: '25:99'}\n", "digest.at", nil},
		{"missing user", "imap: {provider: gmail}\n", "imap.username", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			p := writeConfig(t, c.config)
			code, _, stderr := run(t, "sync", "--config", p, "--db", filepath.Join(t.TempDir(), "s.db"))
			if code != exitUsage {
				t.Errorf("exit status %d, want %d; stderr %q", code, exitUsage, stderr)
			}
			lines := strings.Split(strings.TrimSpace(stderr), "\n")
			if len(lines) != 1 || !strings.Contains(lines[0], c.key) {
				t.Errorf("stderr %q: want one line naming %s", stderr, c.key)
			}
		})
	}
}

func TestExampleConfigLoads(t *testing.T) {
	t.Setenv("INBOXWATCH_IMAP_PASSWORD", "app-password")
	t.Setenv("INBOXWATCH_DIGEST_AT", "07:30")
	g := &globalOptions{configFile: "../../config.yaml", db: filepath.Join(t.TempDir(), "s.db"), stderr: io.Discard}
	cfg, err := g.loadConfig(configNeedIMAP)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.IMAP.Host != "imap.gmail.com" || cfg.IMAP.Port != 993 || cfg.IMAP.Password != "app-password" {
		t.Errorf("imap %+v", cfg.IMAP)
	}
	if cfg.Digest.At != "07:30" {
		t.Errorf("environment did not override the file: digest.at %q", cfg.Digest.At)
	}
	if cfg.Policy.StatusCheckAfter.Hours() != 168 || cfg.Scan.LookbackDays != 120 {
		t.Errorf("policy %+v scan %+v", cfg.Policy, cfg.Scan)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := run(t, "version")
	if code != 0 || !strings.HasPrefix(out, "inboxwatch ") {
		t.Fatalf("version: %d %q", code, out)
	}
}

func TestUnknownFlagIsUsageError(t *testing.T) {
	if code, _, _ := run(t, "status", "--no-such-flag"); code != exitUsage {
		t.Fatalf("exit status %d, want %d", code, exitUsage)
	}
}

func TestClassifyCLI(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "reject.eml")
	os.WriteFile(good, []byte("From: Talent <talent@orbit.example>\r\nTo: sam@example.com\r\nSubject: Your application to Orbit\r\nDate: Tue, 3 Mar 2026 10:00:00 +0000\r\nMessage-ID: <r1@orbit.example>\r\n\r\nDear Sam,\r\n\r\nThank you for your interest in the Data Analyst position. After careful consideration, we have decided to move forward with other candidates whose experience more closely matches our needs.\r\n\r\nWe wish you the best in your search.\r\n"), 0o600)
	code, out, stderr := run(t, "classify", "--json", good, filepath.Join(dir, "missing.eml"))
	if code == 0 {
		t.Error("a missing file did not make the exit status non-zero")
	}
	if !strings.Contains(stderr, "missing.eml") {
		t.Errorf("stderr %q does not name the missing file", stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 {
		t.Fatalf("want one JSON line for the readable file, got %q", out)
	}
	var obj map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &obj); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"file", "category", "confidence", "timeline", "no_follow_up", "interview_at", "return_date", "evidence"} {
		if _, ok := obj[k]; !ok {
			t.Errorf("classify --json lacks %q: %s", k, lines[0])
		}
	}
	if obj["category"] != "rejection" {
		t.Errorf("category %v, want rejection", obj["category"])
	}
}

// The demo runs the whole pipeline with no configuration and shows a digest;
// kept with --db, status --json and digest --json follow their contracts.
func TestDemoAndContracts(t *testing.T) {
	t.Setenv("INBOXWATCH_CONFIG", writeConfig(t, "me: {name: Sam Rivera, addresses: [sam.rivera@example.com]}\n")) // no user config may leak in
	db := filepath.Join(t.TempDir(), "demo.db")
	code, out, stderr := run(t, "demo", "--db", db)
	if code != 0 {
		t.Fatalf("demo exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Applications", "DUE NOW", "Thank-you", "Quillfeather"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
	// status --json
	code, out, stderr = run(t, "status", "--json", "--db", db)
	if code != 0 {
		t.Fatalf("status: %d %s", code, stderr)
	}
	var st struct {
		Applications []map[string]any `json:"applications"`
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	if len(st.Applications) < 10 {
		t.Fatalf("%d applications", len(st.Applications))
	}
	for _, k := range []string{"id", "company", "role", "state", "contacts", "messages", "last_inbound_at", "last_outbound_at", "next", "timeline", "interview_at"} {
		if _, ok := st.Applications[0][k]; !ok {
			t.Errorf("status --json application lacks %q", k)
		}
	}
	// digest --json
	code, out, stderr = run(t, "digest", "--json", "--db", db)
	if code != 0 {
		t.Fatalf("digest: %d %s", code, stderr)
	}
	var d map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"now", "due", "upcoming", "waiting", "stopped"} {
		if _, ok := d[k]; !ok {
			t.Errorf("digest --json lacks %q", k)
		}
	}
	var due []map[string]any
	json.Unmarshal(d["due"], &due)
	if len(due) == 0 {
		t.Fatal("the demo digest has nothing due")
	}
	draft, _ := due[0]["draft"].(map[string]any)
	for _, k := range []string{"to", "subject", "in_reply_to", "body"} {
		if _, ok := draft[k]; !ok {
			t.Errorf("due draft lacks %q", k)
		}
	}
	// The thank-you goes to the interviewer who sent the invitation, by
	// name, even though a recruiting system's reminder came after it.
	var thanks map[string]any
	for _, s := range due {
		if s["kind"] == "thank_you" {
			thanks = s
		}
	}
	if thanks == nil {
		t.Fatal("the demo digest has no thank-you due")
	}
	ty, _ := thanks["draft"].(map[string]any)
	if to := fmt.Sprint(ty["to"]); !strings.Contains(to, "priya.nandakumar@") {
		t.Errorf("thank-you to %s, want the interviewer", to)
	}
	if body, _ := ty["body"].(string); !strings.HasPrefix(body, "Hi Priya,") {
		t.Errorf("thank-you greets %q", strings.SplitN(body, "\n", 2)[0])
	}
	// Corrections stick and show in status.
	if code, _, stderr := run(t, "app", "mark", "1", "withdrawn", "--db", db); code != 0 {
		t.Fatalf("app mark: %s", stderr)
	}
	_, out, _ = run(t, "status", "--explain", "1", "--db", db)
	if !strings.Contains(out, "withdrawn") {
		t.Errorf("status --explain after marking withdrawn:\n%s", out)
	}
	if code, _, _ := run(t, "app", "mark", "1", "hired", "--db", db); code != exitUsage {
		t.Errorf("an unknown state was accepted")
	}
}

package imapwatch

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
)

func TestTraceRedactsCredentials(t *testing.T) {
	var buf bytes.Buffer
	r := newRedactor(slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})))
	for _, chunk := range []string{
		"T1 LOGIN alice@example.com hunter2-secret\r\n",
		"T1 OK Logged in\r\n",
		"T2 LOGIN {17}\r\n", "+ Ready\r\n", "alice@example.com {14}\r\n", "+ Ready\r\n", "literal-secret\r\n", "T2 OK done\r\n",
		"T3 AUTHENTICATE PLAIN AGFsaWNlAHNhc2wtc2VjcmV0\r\n", "T3 OK\r\n",
		"T4 AUTHENTICATE XOAUTH2\r\n", "+ \r\n", "dXNlcj1hAWF1dGg9QmVhcmVyIHRva2VuLXNlY3JldAEB\r\n", "T4 NO [AUTHENTICATIONFAILED] bad\r\n",
		"T5 SELECT INBOX\r\n",
	} {
		r.Write([]byte(chunk))
	}
	out := buf.String()
	for _, secret := range []string{"hunter2-secret", "literal-secret", "AGFsaWNlAHNhc2wtc2VjcmV0", "dXNlcj1hAWF1dGg9QmVhcmVyIHRva2VuLXNlY3JldAEB"} {
		if strings.Contains(out, secret) {
			t.Errorf("trace shows %q:\n%s", secret, out)
		}
	}
	if !strings.Contains(out, "T5 SELECT INBOX") || !strings.Contains(out, "alice@example.com") {
		t.Errorf("trace hides too much:\n%s", out)
	}
}

func TestXOAUTH2InitialResponse(t *testing.T) {
	mech, ir, err := (&xoauth2{user: "sam@example.com", token: "ya29.token"}).Start()
	if err != nil || mech != "XOAUTH2" || string(ir) != "user=sam@example.com\x01auth=Bearer ya29.token\x01\x01" {
		t.Fatalf("got %q %q %v", mech, ir, err)
	}
}

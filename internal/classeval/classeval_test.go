package classeval

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inboxwatch/inboxwatch/internal/classify"
)

const rejectionMail = "From: Acme Careers <no-reply@acme.example>\r\n" +
	"To: sam@example.com\r\n" +
	"Subject: Your application to Acme\r\n" +
	"Date: Tue, 03 Mar 2026 09:00:00 -0500\r\n" +
	"Content-Type: text/plain; charset=utf-8\r\n\r\n" +
	"Dear Sam,\r\n\r\nThank you for applying. After careful review we have decided to move forward with other candidates.\r\n\r\nAcme Recruiting\r\n"

func TestClassifyFilesJSON(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.eml")
	if err := os.WriteFile(good, []byte(rejectionMail), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.eml")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.eml")
	var out, errw bytes.Buffer
	err := ClassifyFiles(&out, &errw, strings.NewReader(rejectionMail), []string{empty, good, missing, "-"}, true, classify.Options{})
	if err == nil {
		t.Fatal("want an error when files fail")
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("want 2 JSON lines (the good file and stdin), got %d:\n%s", len(lines), out.String())
	}
	for i, want := range []string{good, "-"} {
		var got map[string]any
		if err := json.Unmarshal([]byte(lines[i]), &got); err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		if got["file"] != want || got["category"] != "rejection" {
			t.Errorf("line %d: got %v", i, got)
		}
		for _, k := range []string{"timeline", "interview_at", "return_date"} {
			if v, ok := got[k]; !ok || v != nil {
				t.Errorf("line %d: %s = %v, want null", i, k, v)
			}
		}
		if got["no_follow_up"] != false {
			t.Errorf("line %d: no_follow_up = %v", i, got["no_follow_up"])
		}
		if ev, _ := got["evidence"].([]any); len(ev) == 0 {
			t.Errorf("line %d: no evidence", i)
		}
	}
	if !strings.Contains(errw.String(), "empty.eml") || !strings.Contains(errw.String(), "missing.eml") {
		t.Errorf("stderr should name the failed files:\n%s", errw.String())
	}
}

func TestClassifyFilesText(t *testing.T) {
	var out, errw bytes.Buffer
	if err := ClassifyFiles(&out, &errw, strings.NewReader(rejectionMail), []string{"-"}, false, classify.Options{}); err != nil {
		t.Fatal(err)
	}
	line := out.String()
	if !strings.HasPrefix(line, "-: rejection (") || !strings.Contains(line, "other candidates") {
		t.Errorf("unexpected line: %q", line)
	}
}

func TestReadLabels(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "labels.tsv")
	data := "file\tcategory\ttimeline\tno_follow_up\tnote\n" +
		"a.eml\trejection\t-\t0\tnote\n" +
		"b.eml\tauto_reply\t2026-03-04\ttrue\tback soon; return=2026-03-05\n" +
		"c.eml\tother\n"
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	ls, err := ReadLabels(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(ls) != 3 {
		t.Fatalf("got %d labels", len(ls))
	}
	if ls[0].Timeline != "" || ls[0].NoFollowUp || ls[1].Timeline != "2026-03-04" || !ls[1].NoFollowUp || ls[1].ReturnDate != "2026-03-05" || ls[2].Category != classify.Other {
		t.Errorf("got %+v", ls)
	}
	if err := os.WriteFile(p, []byte("x.eml\tnonsense\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadLabels(p); err == nil {
		t.Error("an unknown category should be an error")
	}
}

package classeval

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inboxwatch/inboxwatch/internal/classify"
)

// The bars every labelled corpus must clear.
const (
	minMacroF1           = 0.90
	minRejectPrecision   = 0.97
	minRejectRecall      = 0.95
	maxOtherLeak         = 0.02
	minTimelineAgreement = 0.85
)

func checkBars(t *testing.T, dir string) {
	t.Helper()
	r, err := Evaluate(dir, classify.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var fails []string
	if r.MacroF1 < minMacroF1 {
		fails = append(fails, fmt.Sprintf("macro-F1 %.3f < %.2f", r.MacroF1, minMacroF1))
	}
	rej := r.Class(classify.Rejection)
	if rej.Support > 0 {
		if rej.Precision < minRejectPrecision {
			fails = append(fails, fmt.Sprintf("rejection precision %.3f < %.2f", rej.Precision, minRejectPrecision))
		}
		if rej.Recall < minRejectRecall {
			fails = append(fails, fmt.Sprintf("rejection recall %.3f < %.2f", rej.Recall, minRejectRecall))
		}
	}
	if r.OtherLeak > maxOtherLeak {
		fails = append(fails, fmt.Sprintf("%d of %d other messages put in a job category (%.1f%%)", r.OtherLeaked, r.OtherTotal, 100*r.OtherLeak))
	}
	if r.TimelineAgreement < minTimelineAgreement {
		fails = append(fails, fmt.Sprintf("timeline agreement %.1f%% < %.0f%%", 100*r.TimelineAgreement, 100*minTimelineAgreement))
	}
	if r.NoFollowUpFalse > 0 {
		fails = append(fails, fmt.Sprintf("%d no_follow_up false positives", r.NoFollowUpFalse))
	}
	if len(r.Errors) > 0 {
		fails = append(fails, fmt.Sprintf("%d files unreadable: %v", len(r.Errors), r.Errors))
	}
	if len(fails) == 0 {
		return
	}
	var b strings.Builder
	r.WriteText(&b)
	got := filepath.Join(dir, "labels.got")
	if err := os.WriteFile(got, []byte(b.String()), 0o644); err != nil {
		t.Logf("could not write %s: %v", got, err)
	} else {
		t.Logf("full report in %s", got)
	}
	for _, m := range r.Misclassified {
		t.Logf("%s: want %s, got %s (%.2f) %s", m.File, m.Want, m.Got, m.Confidence, strings.Join(m.Evidence, "; "))
	}
	t.Errorf("%s misses the bars:\n  %s", dir, strings.Join(fails, "\n  "))
}

// TestGoldenCorpus measures the classifier on the project's labelled corpus.
func TestGoldenCorpus(t *testing.T) {
	checkBars(t, filepath.Join("..", "classify", "testdata", "corpus"))
}

// TestRealCorpus measures the classifier on a directory of real mail named
// by INBOXWATCH_REAL_CORPUS; it is skipped when the variable is unset.
func TestRealCorpus(t *testing.T) {
	dir := os.Getenv("INBOXWATCH_REAL_CORPUS")
	if dir == "" {
		t.Skip("INBOXWATCH_REAL_CORPUS not set")
	}
	checkBars(t, resolveDir(dir))
}

// resolveDir reads a relative directory from the module root when it does
// not exist relative to the package, so the variable can be given as it is
// typed at the root of the repository.
func resolveDir(dir string) string {
	if filepath.IsAbs(dir) {
		return dir
	}
	if _, err := os.Stat(dir); err == nil {
		return dir
	}
	wd, err := os.Getwd()
	if err != nil {
		return dir
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return filepath.Join(d, dir)
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}

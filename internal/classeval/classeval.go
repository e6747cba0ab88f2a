// Package classeval runs the classifier over files: it classifies raw
// messages for the command line, and measures the classifier against a
// labelled directory of messages.
package classeval

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/inboxwatch/inboxwatch/internal/classify"
	"github.com/inboxwatch/inboxwatch/internal/mailparse"
)

// JSONResult is the line printed per file by ClassifyFiles with JSON output.
type JSONResult struct {
	File        string   `json:"file"`
	Category    string   `json:"category"`
	Confidence  float64  `json:"confidence"`
	Timeline    *string  `json:"timeline"`
	NoFollowUp  bool     `json:"no_follow_up"`
	InterviewAt *string  `json:"interview_at"`
	ReturnDate  *string  `json:"return_date"`
	Evidence    []string `json:"evidence"`
}

// NewJSONResult converts a classifier result for output.
func NewJSONResult(file string, r classify.Result) JSONResult {
	out := JSONResult{
		File:       file,
		Category:   string(r.Category),
		Confidence: r.Confidence,
		NoFollowUp: r.NoFollowUp,
		Evidence:   r.Evidence,
	}
	if out.Evidence == nil {
		out.Evidence = []string{}
	}
	if r.Timeline != "" {
		t := r.Timeline
		out.Timeline = &t
	}
	if r.InterviewAt != nil {
		t := r.InterviewAt.Format(time.RFC3339)
		out.InterviewAt = &t
	}
	if r.ReturnDate != "" {
		t := r.ReturnDate
		out.ReturnDate = &t
	}
	return out
}

// ReadMessage reads and parses one raw message file; "-" reads stdin.
func ReadMessage(name string, stdin io.Reader) (*mailparse.Message, error) {
	var raw []byte
	var err error
	if name == "-" {
		if stdin == nil {
			return nil, errors.New("no standard input")
		}
		raw, err = io.ReadAll(stdin)
	} else {
		raw, err = os.ReadFile(name)
	}
	if err != nil {
		return nil, err
	}
	if len(strings.TrimSpace(string(raw))) == 0 {
		return nil, errors.New("empty file: not an RFC 5322 message")
	}
	return mailparse.ParseBytes(raw, mailparse.Limits{})
}

// ClassifyFiles classifies each file and prints one line per file to w: a
// JSON object when jsonOut is set, else a short readable line with the
// evidence. A file that cannot be read or parsed is reported on errw and
// the rest are still classified; the returned error is non-nil when any
// file failed.
func ClassifyFiles(w, errw io.Writer, stdin io.Reader, files []string, jsonOut bool, opts classify.Options) error {
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	failed := 0
	for _, name := range files {
		m, err := ReadMessage(name, stdin)
		if err != nil {
			failed++
			bw.Flush()
			fmt.Fprintf(errw, "inboxwatch: %s: %v\n", name, err)
			continue
		}
		r := classify.Classify(m, opts)
		if jsonOut {
			if err := enc.Encode(NewJSONResult(name, r)); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintln(bw, FormatLine(name, r))
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files could not be classified", failed, len(files))
	}
	return nil
}

// FormatLine renders a result as one readable line.
func FormatLine(name string, r classify.Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s (%.2f)", name, r.Category, r.Confidence)
	if r.Timeline != "" {
		fmt.Fprintf(&b, " timeline=%s", r.Timeline)
	}
	if r.NoFollowUp {
		b.WriteString(" no-follow-up")
	}
	if r.InterviewAt != nil {
		fmt.Fprintf(&b, " interview=%s", r.InterviewAt.Format(time.RFC3339))
	}
	if r.ReturnDate != "" {
		fmt.Fprintf(&b, " back=%s", r.ReturnDate)
	}
	if r.Confidence < classify.DefaultReviewThreshold {
		b.WriteString(" [review]")
	}
	if len(r.Evidence) > 0 {
		b.WriteString(" - ")
		b.WriteString(strings.Join(r.Evidence, "; "))
	}
	return b.String()
}

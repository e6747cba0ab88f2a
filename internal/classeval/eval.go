package classeval

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/inboxwatch/inboxwatch/internal/classify"
)

// Label is one row of a labels.tsv file.
type Label struct {
	File       string
	Category   classify.Category
	Timeline   string // "" when none
	NoFollowUp bool
	Note       string
	// ReturnDate comes from a "return=YYYY-MM-DD" note, when present.
	ReturnDate string
}

// ReadLabels reads a tab-separated labels file with the columns file,
// category, timeline, no_follow_up and an optional note. A header line
// (first column "file") is skipped; "-" or an empty cell means no timeline.
func ReadLabels(path string) ([]Label, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	var out []Label
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(t) == "" || strings.HasPrefix(t, "#") {
			continue
		}
		cols := strings.Split(t, "\t")
		if line == 1 && strings.EqualFold(strings.TrimSpace(cols[0]), "file") {
			continue
		}
		if len(cols) < 2 {
			return nil, fmt.Errorf("%s:%d: want at least file and category", path, line)
		}
		l := Label{File: strings.TrimSpace(cols[0]), Category: classify.Category(strings.TrimSpace(cols[1]))}
		if !l.Category.Valid() {
			return nil, fmt.Errorf("%s:%d: unknown category %q", path, line, cols[1])
		}
		if len(cols) > 2 {
			if v := strings.TrimSpace(cols[2]); v != "-" && v != "" && !strings.EqualFold(v, "null") {
				l.Timeline = v
			}
		}
		if len(cols) > 3 {
			switch strings.ToLower(strings.TrimSpace(cols[3])) {
			case "1", "true", "yes", "y":
				l.NoFollowUp = true
			}
		}
		if len(cols) > 4 {
			l.Note = strings.TrimSpace(strings.Join(cols[4:], "\t"))
			if i := strings.Index(l.Note, "return="); i >= 0 && len(l.Note) >= i+17 {
				l.ReturnDate = l.Note[i+7 : i+17]
			}
		}
		out = append(out, l)
	}
	return out, sc.Err()
}

// ClassStats are the measures of one category.
type ClassStats struct {
	Category  classify.Category
	Support   int // labelled messages of this category
	Predicted int // messages put in this category
	Correct   int
	Precision float64
	Recall    float64
	F1        float64
}

// Miss is a message whose category, timeline, follow-up flag or return date
// disagrees with its label.
type Miss struct {
	File       string
	Want, Got  string
	Confidence float64
	Evidence   []string
	Note       string
}

// Report is the outcome of Evaluate.
type Report struct {
	Dir   string
	Total int
	// Classes holds the categories present in the labels, in
	// classify.Categories order.
	Classes  []ClassStats
	MacroF1  float64
	Accuracy float64
	// Confusion[want][got] counts messages by label and prediction.
	Confusion map[classify.Category]map[classify.Category]int

	// Timeline: of the labelled timelines, how many were found exactly.
	TimelineLabelled  int
	TimelineExact     int
	TimelineAgreement float64 // TimelineExact / TimelineLabelled (1 when none labelled)
	TimelineSpurious  int     // a timeline found where none is labelled

	NoFollowUpLabelled int
	NoFollowUpFound    int // labelled and found
	NoFollowUpFalse    int // found where the label says false

	// OtherLeak is the fraction of messages labelled other that were put in
	// a job category.
	OtherTotal  int
	OtherLeaked int
	OtherLeak   float64

	ReturnLabelled int
	ReturnExact    int

	// Reviewed counts predictions below the review threshold.
	Reviewed int

	Misclassified  []Miss
	TimelineMisses []Miss
	NoFollowMisses []Miss
	ReturnMisses   []Miss
	// Errors lists files that could not be read or parsed.
	Errors []string
}

// Class returns the stats of one category (zero when absent).
func (r *Report) Class(c classify.Category) ClassStats {
	for _, s := range r.Classes {
		if s.Category == c {
			return s
		}
	}
	return ClassStats{Category: c}
}

// Evaluate classifies every file named in dir/labels.tsv and compares the
// results with the labels.
func Evaluate(dir string, opts classify.Options) (*Report, error) {
	labels, err := ReadLabels(filepath.Join(dir, "labels.tsv"))
	if err != nil {
		return nil, err
	}
	if len(labels) == 0 {
		return nil, fmt.Errorf("%s: no labels", dir)
	}
	r := &Report{Dir: dir, Confusion: map[classify.Category]map[classify.Category]int{}}
	stats := map[classify.Category]*ClassStats{}
	for _, c := range classify.Categories {
		stats[c] = &ClassStats{Category: c}
	}
	correct := 0
	for _, l := range labels {
		m, err := ReadMessage(filepath.Join(dir, l.File), nil)
		if err != nil {
			r.Errors = append(r.Errors, fmt.Sprintf("%s: %v", l.File, err))
			continue
		}
		res := classify.Classify(m, opts)
		r.Total++
		if r.Confusion[l.Category] == nil {
			r.Confusion[l.Category] = map[classify.Category]int{}
		}
		r.Confusion[l.Category][res.Category]++
		stats[l.Category].Support++
		stats[res.Category].Predicted++
		if res.Confidence < classify.DefaultReviewThreshold {
			r.Reviewed++
		}
		if res.Category == l.Category {
			stats[l.Category].Correct++
			correct++
		} else {
			r.Misclassified = append(r.Misclassified, Miss{File: l.File, Want: string(l.Category), Got: string(res.Category), Confidence: res.Confidence, Evidence: res.Evidence, Note: l.Note})
		}
		if l.Category == classify.Other {
			r.OtherTotal++
			if res.Category.IsJob() {
				r.OtherLeaked++
			}
		}
		switch {
		case l.Timeline != "":
			r.TimelineLabelled++
			if res.Timeline == l.Timeline {
				r.TimelineExact++
			} else {
				r.TimelineMisses = append(r.TimelineMisses, Miss{File: l.File, Want: l.Timeline, Got: orNone(res.Timeline), Evidence: res.Evidence, Note: l.Note})
			}
		case res.Timeline != "":
			r.TimelineSpurious++
			r.TimelineMisses = append(r.TimelineMisses, Miss{File: l.File, Want: "none", Got: res.Timeline, Evidence: res.Evidence, Note: l.Note})
		}
		if l.NoFollowUp {
			r.NoFollowUpLabelled++
			if res.NoFollowUp {
				r.NoFollowUpFound++
			}
		} else if res.NoFollowUp {
			r.NoFollowUpFalse++
		}
		if l.NoFollowUp != res.NoFollowUp {
			r.NoFollowMisses = append(r.NoFollowMisses, Miss{File: l.File, Want: fmt.Sprint(l.NoFollowUp), Got: fmt.Sprint(res.NoFollowUp), Evidence: res.Evidence, Note: l.Note})
		}
		if l.ReturnDate != "" {
			r.ReturnLabelled++
			if res.ReturnDate == l.ReturnDate {
				r.ReturnExact++
			} else {
				r.ReturnMisses = append(r.ReturnMisses, Miss{File: l.File, Want: l.ReturnDate, Got: orNone(res.ReturnDate), Evidence: res.Evidence, Note: l.Note})
			}
		}
	}
	if r.Total > 0 {
		r.Accuracy = float64(correct) / float64(r.Total)
	}
	sumF1, n := 0.0, 0
	for _, c := range classify.Categories {
		s := stats[c]
		if s.Support == 0 {
			continue
		}
		if s.Predicted > 0 {
			s.Precision = float64(s.Correct) / float64(s.Predicted)
		}
		s.Recall = float64(s.Correct) / float64(s.Support)
		if s.Precision+s.Recall > 0 {
			s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
		}
		r.Classes = append(r.Classes, *s)
		sumF1 += s.F1
		n++
	}
	if n > 0 {
		r.MacroF1 = sumF1 / float64(n)
	}
	r.TimelineAgreement = 1
	if r.TimelineLabelled > 0 {
		r.TimelineAgreement = float64(r.TimelineExact) / float64(r.TimelineLabelled)
	}
	if r.OtherTotal > 0 {
		r.OtherLeak = float64(r.OtherLeaked) / float64(r.OtherTotal)
	}
	sort.SliceStable(r.Misclassified, func(i, j int) bool { return r.Misclassified[i].File < r.Misclassified[j].File })
	return r, nil
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// WriteText prints the report for a person: per-class precision, recall and
// F1, macro-F1, the confusion matrix, the date and follow-up measures, and
// every disagreement with its evidence.
func (r *Report) WriteText(w io.Writer) {
	fmt.Fprintf(w, "%s: %d messages", r.Dir, r.Total)
	if len(r.Errors) > 0 {
		fmt.Fprintf(w, ", %d unreadable", len(r.Errors))
	}
	fmt.Fprintf(w, "\n\n%-22s %9s %9s %9s %8s %10s\n", "category", "precision", "recall", "F1", "labelled", "predicted")
	for _, s := range r.Classes {
		fmt.Fprintf(w, "%-22s %9.3f %9.3f %9.3f %8d %10d\n", s.Category, s.Precision, s.Recall, s.F1, s.Support, s.Predicted)
	}
	fmt.Fprintf(w, "\nmacro-F1 %.3f   accuracy %.3f   below review threshold %d\n", r.MacroF1, r.Accuracy, r.Reviewed)

	fmt.Fprintf(w, "\nconfusion (rows: label, columns: prediction)\n%-22s", "")
	short := map[classify.Category]string{
		classify.InterviewInvitation: "interv", classify.Rejection: "reject", classify.Offer: "offer",
		classify.RecruiterReply: "recruit", classify.ApplicationReceived: "ack", classify.AutoReply: "auto", classify.Other: "other",
	}
	for _, c := range classify.Categories {
		fmt.Fprintf(w, " %7s", short[c])
	}
	fmt.Fprintln(w)
	for _, want := range classify.Categories {
		row := r.Confusion[want]
		if len(row) == 0 {
			continue
		}
		fmt.Fprintf(w, "%-22s", want)
		for _, got := range classify.Categories {
			fmt.Fprintf(w, " %7d", row[got])
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "\ntimeline exact-date agreement %d/%d (%.1f%%), %d found where none labelled\n",
		r.TimelineExact, r.TimelineLabelled, 100*r.TimelineAgreement, r.TimelineSpurious)
	fmt.Fprintf(w, "no_follow_up found %d/%d, false positives %d\n", r.NoFollowUpFound, r.NoFollowUpLabelled, r.NoFollowUpFalse)
	fmt.Fprintf(w, "other put into a job category %d/%d (%.1f%%)\n", r.OtherLeaked, r.OtherTotal, 100*r.OtherLeak)
	if r.ReturnLabelled > 0 {
		fmt.Fprintf(w, "auto-reply return date exact %d/%d\n", r.ReturnExact, r.ReturnLabelled)
	}
	writeMisses := func(title string, ms []Miss) {
		if len(ms) == 0 {
			return
		}
		fmt.Fprintf(w, "\n%s (%d)\n", title, len(ms))
		for _, m := range ms {
			fmt.Fprintf(w, "  %s: want %s, got %s", m.File, m.Want, m.Got)
			if m.Confidence > 0 {
				fmt.Fprintf(w, " (%.2f)", m.Confidence)
			}
			fmt.Fprintln(w)
			if len(m.Evidence) > 0 {
				fmt.Fprintf(w, "      evidence: %s\n", strings.Join(m.Evidence, "; "))
			}
		}
	}
	writeMisses("misclassified", r.Misclassified)
	writeMisses("timeline disagreements", r.TimelineMisses)
	writeMisses("no_follow_up disagreements", r.NoFollowMisses)
	writeMisses("return date disagreements", r.ReturnMisses)
	for _, e := range r.Errors {
		fmt.Fprintf(w, "error: %s\n", e)
	}
}

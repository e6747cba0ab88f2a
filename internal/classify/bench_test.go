package classify

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/inboxwatch/inboxwatch/internal/mailparse"
)

// BenchmarkClassify parses and classifies the project corpus, a realistic
// mix of receipts, rejections, invitations, alerts and replies.
func BenchmarkClassify(b *testing.B) {
	files, err := filepath.Glob(filepath.Join("testdata", "corpus", "*.eml"))
	if err != nil || len(files) == 0 {
		b.Skip("no corpus")
	}
	raws := make([][]byte, 0, len(files))
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		raws = append(raws, raw)
	}
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		raw := raws[i%len(raws)]
		m, err := mailparse.ParseBytes(raw, mailparse.Limits{})
		if err != nil {
			continue
		}
		r := Classify(m, Options{})
		if r.Category == "" {
			b.Fatal("no category")
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "msgs/s")
}

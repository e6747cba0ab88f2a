package employer

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/inboxwatch/inboxwatch/internal/mailparse"
)

// BenchmarkIdentify names the employer of every message of the classifier's
// corpus in turn (receipts, invitations, rejections, offers, replies).
func BenchmarkIdentify(b *testing.B) {
	files, err := filepath.Glob(filepath.Join("..", "classify", "testdata", "corpus", "*.eml"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no corpus: %v", err)
	}
	var msgs []*mailparse.Message
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		m, err := mailparse.ParseBytes(raw, mailparse.Limits{})
		if err != nil {
			b.Fatal(err)
		}
		msgs = append(msgs, m)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		Identify(msgs[i%len(msgs)])
	}
}

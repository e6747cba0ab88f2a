package classify

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/inboxwatch/inboxwatch/internal/mailparse"
)

func TestTmpHits(t *testing.T) {
	for _, f := range strings.Fields(os.Getenv("DUMP")) {
		raw, _ := os.ReadFile(f)
		m, err := mailparse.ParseBytes(raw, mailparse.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		d := prepare(m.Subject, m.Text)
		fmt.Println("===", f)
		for _, s := range d.sents[:min(3, len(d.sents))] {
			fmt.Printf("  sent %q flags=%b\n", d.text[s.start:s.end], s.flags)
		}
		for _, h := range d.findHits() {
			fmt.Printf("  %-12s %.1f %q  [%s]\n", signalNames[h.r.def.sig], h.effectiveW, d.span(h.from, h.to), h.r.src)
		}
		r := Classify(m, Options{})
		fmt.Printf("  => %s %.2f %v\n", r.Category, r.Confidence, r.Evidence)
	}
}

package classeval

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/inboxwatch/inboxwatch/internal/classify"
)

func TestTmpDump(t *testing.T) {
	for _, f := range strings.Fields(os.Getenv("DUMP")) {
		m, err := ReadMessage(f, nil)
		if err != nil {
			fmt.Println(f, err)
			continue
		}
		r := classify.Classify(m, classify.Options{})
		fmt.Printf("=== %s\nSUBJ: %s\nTEXT:\n%s\n--QUOTED: %d bytes; SIG: %q; problems %v\nRESULT: %s\n", f, m.Subject, m.Text, len(m.Quoted), m.Signature, m.Problems, FormatLine(f, r))
	}
}

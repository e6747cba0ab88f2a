package classeval

import (
	"os"
	"testing"

	"github.com/inboxwatch/inboxwatch/internal/classify"
)

func TestTmpEval(t *testing.T) {
	dir := os.Getenv("EVALDIR")
	if dir == "" {
		t.Skip()
	}
	r, err := Evaluate(dir, classify.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Create(os.Getenv("EVALOUT"))
	r.WriteText(f)
	f.Close()
}

package classify

import "github.com/inboxwatch/inboxwatch/internal/mailparse"

// Classify reads one message. (Placeholder being replaced by the full classifier.)
func Classify(m *mailparse.Message, opts Options) Result {
	return Result{Category: Other, Confidence: 0.5}
}

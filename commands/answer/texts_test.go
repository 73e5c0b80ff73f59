package answer

import (
	"testing"

	"github.com/lotse-bot/lotse/commands/chat/chattest"
)

// TestTexts: every reply of the decision exists in both languages with the
// same format verbs, and keeps the house style.
func TestTexts(t *testing.T) {
	chattest.CheckTexts(t, German, English)
	chattest.CheckStyle(t, German, English)
	chattest.CheckCounts(t, German, English)
}

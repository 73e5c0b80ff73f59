package support

import (
	"testing"

	"github.com/lotse-bot/lotse/commands/chat/chattest"
)

// TestTexts: support's catalogue keeps the placeholders of both languages
// alike and the house style (chattest.CheckStyle, as texts24 added for its
// packages): how to react on a phone, <number> and not <no> (mend24a).
func TestTexts(t *testing.T) {
	chattest.CheckTexts(t, German, English)
	chattest.CheckStyle(t, German, English)
}

package roundtable

import (
	"testing"

	"github.com/lotse-bot/lotse/commands/chat/chattest"
)

// TestTexts: both catalogues are complete and keep the house style
// (chattest.CheckStyle, mend24b): a ✅ Lotse put there is tapped („tippe auf
// ✅“, as texts24 wrote it for answers), not „reagiere mit“; a number is
// <number>, not <no>, in the English usages.
func TestTexts(t *testing.T) {
	chattest.CheckTexts(t, German, English)
	chattest.CheckStyle(t, German, English)
	chattest.CheckCounts(t, German, English)
}

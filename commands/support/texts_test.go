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
	// ReminderUnclaimedMany is sent for two or more cases only
	// (ReminderUnclaimedOne for one); OpenIntro's counts are figures of
	// a table („Offene Fälle: 1“), which read right for one too; the
	// ages are unit abbreviations („1 Min.“, "1 h"), the same for one.
	chattest.CheckCounts(t, German, English, "ReminderUnclaimedMany", "OpenIntro", "AgeMinutes", "AgeHours")
}

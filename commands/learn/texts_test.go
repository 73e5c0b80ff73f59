package learn

import (
	"testing"

	"github.com/lotse-bot/lotse/commands/chat/chattest"
)

func TestTexts(t *testing.T) {
	chattest.CheckTexts(t, German, English)
	chattest.CheckStyle(t, German, English)
	// Full, DailyLimit and ForgetTooMany name the limits (MaxLearned,
	// MaxTaughtPerDay, the numbers of one !vergessen), never 1.
	chattest.CheckCounts(t, German, English, "Full", "DailyLimit", "ForgetTooMany")
}

package people

import (
	"testing"

	"github.com/lotse-bot/lotse/commands/chat/chattest"
)

func TestTexts(t *testing.T) {
	chattest.CheckTexts(t, German, English)
	chattest.CheckTexts(t, GermanOnboarding, EnglishOnboarding)
	chattest.CheckStyle(t, German, English)
	chattest.CheckStyle(t, GermanOnboarding, EnglishOnboarding)
	chattest.CheckCounts(t, German, English)
	chattest.CheckCounts(t, GermanOnboarding, EnglishOnboarding)
	// The bootstrap texts (the first admin, the team-room hint) had no
	// catalogue test before texts28.
	chattest.CheckTexts(t, GermanBootstrap, EnglishBootstrap)
	chattest.CheckStyle(t, GermanBootstrap, EnglishBootstrap)
	chattest.CheckCounts(t, GermanBootstrap, EnglishBootstrap)
}

package people

import (
	"testing"

	"github.com/lotse-bot/lotse/commands/chat/chattest"
)

func TestBootstrapTexts(t *testing.T) {
	chattest.CheckTexts(t, GermanBootstrap, EnglishBootstrap)
}

package gaps

import (
	"testing"

	"github.com/lotse-bot/lotse/commands/chat/chattest"
)

func TestTexts(t *testing.T) {
	chattest.CheckTexts(t, &German, &English)
	chattest.CheckStyle(t, &German, &English)
	chattest.CheckCounts(t, &German, &English)
}

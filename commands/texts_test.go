package commands

import (
	"testing"

	"github.com/lotse-bot/lotse/commands/chat/chattest"
)

// TestTexts: no text of the answer workflow and the router is empty in any
// language, and every language uses German's format verbs.
func TestTexts(t *testing.T) {
	chattest.CheckTexts(t, German, English)
}

package guidedraft

import (
	"testing"

	"github.com/lotse-bot/lotse/commands/chat/chattest"
)

// TestTextCalls: every call that fills a text of the catalogue passes as
// many arguments as the text's verbs take, in both languages and both
// plural forms (chattest.CheckCalls; texts33).
func TestTextCalls(t *testing.T) {
	chattest.CheckCalls(t, ".", German, English)
}

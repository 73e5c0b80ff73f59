package commands

import (
	"testing"

	"github.com/lotse-bot/lotse/commands/chat/chattest"
	"github.com/lotse-bot/lotse/commands/support"
)

// TestTexts: no text of the answer workflow and the router is empty in any
// language, and every language uses German's format verbs.
func TestTexts(t *testing.T) {
	chattest.CheckTexts(t, German, English)
}

// TestTextsStyle: the router's texts keep the house style (chattest.CheckStyle);
// support's texts, embedded here, are checked in their own package.
func TestTextsStyle(t *testing.T) {
	de, en := German, English
	de.Support, en.Support = support.Texts{}, support.Texts{}
	chattest.CheckStyle(t, de, en)
	chattest.CheckCounts(t, de, en)
}

package flow

import (
	"testing"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/commands/chat/chattest"
)

func TestTexts(t *testing.T) {
	chattest.CheckTexts(t, German, English)
	chattest.CheckStyle(t, German, English)
	chattest.CheckCounts(t, German, English)
}

// TestGuidesTopicPlural fails on a wrong singular or plural.
func TestGuidesTopicPlural(t *testing.T) {
	for _, tt := range []struct {
		tx   *Texts
		n    int
		want string
	}{
		{&German, 1, "**X** – 1 Anleitung"}, {&German, 2, "**X** – 2 Anleitungen"}, {&German, 0, "**X** – 0 Anleitungen"},
		{&English, 1, "**X** – 1 guide"}, {&English, 7, "**X** – 7 guides"},
	} {
		if got := chat.Format(chat.Plural(tt.tx.GuidesTopic, tt.n), "X", tt.n); got != tt.want {
			t.Errorf("%s, %d: %q, want %q", tt.tx.Lang, tt.n, got, tt.want)
		}
	}
}

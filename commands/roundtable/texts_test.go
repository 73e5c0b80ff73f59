package roundtable

import (
	"fmt"
	"strings"
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

// TestHelpSaysBoundsAndStandIn: the coordinators' help of the commands
// that reach every attendee names their bound (MaxMoves, MaxFollowups
// within MoveWindow) and that the round table's planner and co-hosts are
// told of someone else's change (rt32, docs32: the help said neither for
// !absagen and !nachbereitung, and no bound at all).
func TestHelpSaysBoundsAndStandIn(t *testing.T) {
	hours := fmt.Sprint(int(MoveWindow.Hours()))
	tests := []struct {
		tx          Texts
		name, bound string
		told        string
		hoursWord   string
	}{
		{German, "verschieben", fmt.Sprintf("höchstens %d-mal in", MaxMoves), "wer ihn geplant hat", "Stunden"},
		{German, "absagen", "", "wer ihn geplant hat", ""},
		{German, "nachbereitung", fmt.Sprintf("höchstens %d in", MaxFollowups), "wer ihn geplant hat", "Stunden"},
		{English, "verschieben", fmt.Sprintf("at most %d times in", MaxMoves), "whoever planned it", "hours"},
		{English, "absagen", "", "whoever planned it", ""},
		{English, "nachbereitung", fmt.Sprintf("at most %d in", MaxFollowups), "whoever planned it", "hours"},
	}
	for _, tt := range tests {
		d := tt.tx.Commands[tt.name].Description
		if !strings.Contains(d, tt.told) {
			t.Errorf("%s %s: the help does not say who else is told (%q): %s", tt.tx.Lang, tt.name, tt.told, d)
		}
		if tt.bound != "" && !strings.Contains(d, tt.bound+" "+hours+" "+tt.hoursWord) {
			t.Errorf("%s %s: the help does not name the bound %q %s %s: %s", tt.tx.Lang, tt.name, tt.bound, hours, tt.hoursWord, d)
		}
	}
}

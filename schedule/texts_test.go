package schedule_test

import (
	"testing"

	"github.com/lotse-bot/lotse/commands/chat/chattest"
	"github.com/lotse-bot/lotse/schedule"
)

// TestTexts: the texts a coordinator reads when a date is not understood
// and members read in an announcement („alle 2 Wochen“) keep the house
// style; they had no catalogue test before texts28. (Not CheckTexts: the
// date layouts pick other arguments per language by design.)
func TestTexts(t *testing.T) {
	chattest.CheckStyle(t, schedule.German, schedule.English)
	// EveryWeeks: Describe uses it only for an interval above one week
	// (one week is Weekly, „wöchentlich“).
	chattest.CheckCounts(t, schedule.German, schedule.English, "EveryWeeks")
}

package commands

import (
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
)

// TestEditSameFileLongNameKeepsTeamCopy (whole30): sec30's two fixes
// together. A member's file whose name is long enough (40 KB) that the
// relay is cut to fit (chat.FitContent) is edited again and again with
// the same file: the team's copy is kept, nothing is uploaded again.
// Fails when the cut drops the relay's whole info Extra, the source key
// (org.lotse.source) with it: then every edit downloads and uploads the
// file anew, as before sec30.
func TestEditSameFileLongNameKeepsTeamCopy(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	image := e.messageKind(t, true)
	named := func(body string) *event.MessageEventContent {
		c := image(body)
		c.FileName = strings.Repeat("<", 8_000) + ".png" // 48 KB as JSON (\u003c)
		return c
	}
	msg := e.event(dmRoom, member, named("Bild 0"))
	relay := in(e.handle(t, msg, true), teamRoom)
	if len(relay) != 2 || relay[1].content.URL == "" && relay[1].content.File == nil || e.fm.refused != 0 {
		t.Fatalf("precondition: thread line and file, got %s (%d refused)", bodies(relay), e.fm.refused)
	}
	if info := relay[1].content.Info; info == nil || info.Extra["org.lotse.source"] == nil {
		t.Errorf("the cut relay lost its source key: %+v", info)
	}
	uploads := len(e.fm.media)
	for i := 1; i <= 5; i++ {
		sent := in(e.handle(t, e.edit(dmRoom, member, msg.ID, named("Bild "+strings.Repeat("!", i))), true), teamRoom)
		if len(sent) != 2 || e.fm.refused != 0 {
			t.Fatalf("edit %d: want edits of the thread line and the file, got %d (%d refused)", i, len(sent), e.fm.refused)
		}
	}
	if got := len(e.fm.media); got != uploads {
		t.Errorf("5 edits with the same long-named file uploaded %d new copies", got-uploads)
	}
}

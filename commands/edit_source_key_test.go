package commands

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
)

// TestEditPlantedSourceKeyCopiesFile (mend30b): a team copy relayed
// before sec30 kept the member's unknown info fields as they came, so a
// member could have put an „org.lotse.source“ there naming another
// upload of theirs (sec30's key was the hash of the member's file address
// alone). An edit of the message to that upload must still be copied:
// the team sees the file the member's message shows, not the old one.
// Fails with sec30's key (not bound to the copy's own address): the edit
// keeps the old copy, nothing is uploaded.
func TestEditPlantedSourceKeyCopiesFile(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	image := e.messageKind(t, true)
	msg := e.event(dmRoom, member, image("Bild"))
	relay := in(e.handle(t, msg, true), teamRoom)
	if len(relay) != 2 || relay[1].content.Info == nil {
		t.Fatalf("precondition: thread line and file with info, got %s", bodies(relay))
	}
	old := fileAddress(relay[1].content)
	next := e.messageKind(t, true)("Anderes Bild")
	// As a relay before sec30 left it: the member's crafted info field,
	// the hash of the other upload's address as sec30 computed it.
	sum := sha256.Sum256([]byte("url\x00" + string(next.URL)))
	relay[1].content.Info.Extra = map[string]any{"org.lotse.source": hex.EncodeToString(sum[:])}
	uploads := len(e.fm.media)
	sent := in(e.handle(t, e.edit(dmRoom, member, msg.ID, next), true), teamRoom)
	if len(sent) != 2 || sent[1].content.NewContent == nil {
		t.Fatalf("want edits of the thread line and the file, got %s", bodies(sent))
	}
	if got := fileAddress(sent[1].content.NewContent); got == old || got == "" || len(e.fm.media) == uploads {
		t.Errorf("the team's copy stayed the old file (%s, %d uploads): a planted source key was trusted", got, len(e.fm.media)-uploads)
	}
}

// fileAddress is the address of content's file, encrypted or not.
func fileAddress(c *event.MessageEventContent) string {
	if c.File != nil {
		return string(c.File.URL)
	}
	return string(c.URL)
}

// TestEditSameFileLongNameKeepsTeamCopy (mend30b): the team's copy of a
// file with a name long enough to be cut to fit keeps its source key
// (the cut drops a file info's unknown fields, but not Lotse's own short
// key), so that edits carrying the same file keep the copy as with a
// short name. Fails when the cut drops the key: every edit of a file with
// a long name fetched and uploaded the file again (sec30's bound undone
// by a 45 KB file name).
func TestEditSameFileLongNameKeepsTeamCopy(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	image := e.messageKind(t, true)
	name := strings.Repeat("Bildname-", 5000) + ".png" // 45,004 bytes
	named := func(caption string) *event.MessageEventContent {
		c := image(caption)
		c.FileName = name
		return c
	}
	msg := e.event(dmRoom, member, named("Bild"))
	relay := in(e.handle(t, msg, true), teamRoom)
	if len(relay) != 2 || fileAddress(relay[1].content) == "" {
		t.Fatalf("precondition: thread line and file, got %s", bodies(relay))
	}
	copied := fileAddress(relay[1].content)
	uploads := len(e.fm.media)
	for i := 1; i <= 3; i++ {
		sent := in(e.handle(t, e.edit(dmRoom, member, msg.ID, named("Bild"+strings.Repeat("!", i))), true), teamRoom)
		if len(sent) != 2 || sent[1].content.NewContent == nil {
			t.Fatalf("edit %d: want edits of the thread line and the file, got %d", i, len(sent))
		}
		if got := fileAddress(sent[1].content.NewContent); got != copied {
			t.Errorf("edit %d: the team's copy is %s, want the kept %s", i, got, copied)
		}
	}
	if got := len(e.fm.media); got != uploads {
		t.Errorf("3 edits with the same file and a long name uploaded %d new copies", got-uploads)
	}
}

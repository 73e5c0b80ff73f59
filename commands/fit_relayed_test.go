package commands

import (
	"context"
	"errors"
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
)

// TestRelayedImageCraftedInfoFits (sec30): a member's image whose info
// carries a 60 KB blurhash (or an unknown field) — a crafted event, its
// caption and name short — is relayed into the case thread: the cut drops
// the crafted fields, the team gets the image. Fails without fitInfo: the
// relay keeps the member's info as it came, the fake homeserver refuses
// the event, and the image never reaches the team.
func TestRelayedImageCraftedInfoFits(t *testing.T) {
	for _, crafted := range []string{"blurhash", "unknown field"} {
		t.Run(crafted, func(t *testing.T) {
			e := newSupportEnv(t)
			e.openCase(t)
			img := e.encryptedImage(t, []byte("\x89PNG fake image bytes"), "bild.png", "")
			switch crafted {
			case "blurhash":
				img.Info.Blurhash = strings.Repeat("L", 63_000)
			default:
				img.Info.Extra = map[string]any{"x.crafted": strings.Repeat("L", 63_000)}
			}
			sent := in(e.handle(t, e.event(dmRoom, member, img), true), teamRoom)
			var media *event.MessageEventContent
			for _, s := range sent {
				if s.content.File != nil {
					media = s.content
				}
			}
			if media == nil || e.fm.refused != 0 {
				t.Fatalf("the image did not reach the team (%d refused): %s", e.fm.refused, bodies(sent))
			}
			if media.Info == nil || media.Info.MimeType != "image/png" || media.Info.Blurhash != "" || media.Info.Extra["x.crafted"] != nil {
				t.Errorf("relayed info %+v", media.Info)
			}
		})
	}
}

// TestGiveUpFits (sec30): the give-up notice goes through the Env's
// Matrix, so it is cut to fit like every workflow's message. Its texts
// are Lotse's own and short; a catalogue with a 70 KB text stands for any
// text that grows. Fails when GiveUp sends through the handler's raw
// Matrix: the fake homeserver refuses the notice.
func TestGiveUpFits(t *testing.T) {
	h, fm, _ := newTestHandler(t)
	texts := German
	texts.GaveUp = strings.Repeat("Das hat nicht geklappt. ", 3000)
	texts.HistorySkipped = texts.GaveUp
	h.Texts = &texts
	if err := h.GiveUp(context.Background(), "!dm:test", msgEvent("x").ID, true, false, errors.New("send failed")); err != nil {
		t.Fatalf("give-up notice refused: %v", err)
	}
	if err := h.HistorySkipped(context.Background(), "!dm:test", "$invite", true); err != nil {
		t.Fatalf("history notice refused: %v", err)
	}
	if fm.count() != 2 || fm.refused != 0 {
		t.Errorf("sent %d, refused %d", fm.count(), fm.refused)
	}
}

// TestEditSameFileKeepsTeamCopy (sec30): an edit of a relayed file that
// carries the same file again (a whole-content caption edit, or a script
// editing one upload a thousand times) keeps the team's copy with the new
// caption: nothing is downloaded or uploaded again. An edit with another
// file is still copied. Fails without the source check in editTeamFile:
// every edit uploads a new copy.
func TestEditSameFileKeepsTeamCopy(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	image := e.messageKind(t, true)
	msg := e.event(dmRoom, member, image("Bild 0"))
	relay := in(e.handle(t, msg, true), teamRoom)
	if len(relay) != 2 || relay[1].content.URL == "" && relay[1].content.File == nil {
		t.Fatalf("precondition: thread line and file, got %s", bodies(relay))
	}
	copied := relay[1].content
	uploads := len(e.fm.media)
	for i := 1; i <= 20; i++ {
		sent := in(e.handle(t, e.edit(dmRoom, member, msg.ID, image("Bild "+strings.Repeat("!", i))), true), teamRoom)
		if len(sent) != 2 {
			t.Fatalf("edit %d: want edits of the thread line and the file, got %d", i, len(sent))
		}
		nc := sent[1].content.NewContent
		if nc == nil || nc.Body != "Bild "+strings.Repeat("!", i) || nc.URL != copied.URL || (copied.File != nil && (nc.File == nil || nc.File.URL != copied.File.URL)) {
			t.Fatalf("edit %d: team copy %+v", i, nc)
		}
	}
	if got := len(e.fm.media); got != uploads {
		t.Errorf("20 edits with the same file uploaded %d new copies", got-uploads)
	}
	// Another file is copied.
	other := e.messageKind(t, true)
	uploads = len(e.fm.media)
	sent := in(e.handle(t, e.edit(dmRoom, member, msg.ID, other("Neues Bild")), true), teamRoom)
	if len(sent) != 2 || len(e.fm.media) == uploads { // e.handle handles each event twice
		t.Errorf("an edit with another file: %d sent, %d uploads", len(sent), len(e.fm.media)-uploads)
	}
	if nc := sent[1].content.NewContent; nc == nil || nc.URL == copied.URL && nc.URL != "" {
		t.Errorf("the other file was not copied: %+v", nc)
	}
}

package main

import (
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"maunium.net/go/mautrix/event"
)

// TestLongFileNameRelayedOnDendrite (sec29): a member sends an image with
// a file name of 56 KB into a case from an unencrypted direct chat (where
// the homeserver takes it); Lotse relays it into the encrypted team room,
// where the same content, encrypted, is a third larger than the
// homeserver's limit of 65,536 bytes per event. The team gets the image
// with its name cut (whole characters, „…“ before the extension). Fails
// without chat.FitContent: Dendrite refuses the relay and the image never
// reaches the team.
func TestLongFileNameRelayedOnDendrite(t *testing.T) {
	l, alice, teamRoom := startLotseWithTeam(t, copyLibrary(t), nil)
	m := newMember(t, "member")
	dm := openDM(t, m, l.userID, false)
	openFirstCase(t, l, m, dm, alice, teamRoom)

	img := []byte("\x89PNG not really an image, but bytes")
	up, err := m.Cli.UploadBytes(t.Context(), img, "image/png")
	if err != nil {
		t.Fatal(err)
	}
	name := strings.Repeat("ä", 28_000) + ".png"
	if _, err := m.SendContent(t.Context(), dm, &event.MessageEventContent{MsgType: event.MsgImage, Body: "Fehler", FileName: name,
		Info: &event.FileInfo{MimeType: "image/png", Size: len(img)}, URL: up.ContentURI.CUString()}); err != nil {
		t.Fatalf("the homeserver refused the member's image: %v", err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()
	relayed, err := alice.Wait(ctx, teamRoom, l.userID, func(e *event.Event) bool {
		return e.Content.AsMessage().MsgType == event.MsgImage
	})
	if err != nil {
		t.Fatal("the image never reached the team")
	}
	got := relayed.Content.AsMessage().FileName
	if !utf8.ValidString(got) || !strings.HasSuffix(got, "….png") || len(got) >= len(name) || !strings.HasPrefix(got, "ää") {
		t.Errorf("relayed file name (%d bytes): …%q", len(got), got[max(0, len(got)-40):])
	}
}

package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/crypto/attachment"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/internal/chatclient"
)

// openFirstCase has member m ask a question no guide answers in dm and
// accept the case Lotse offers; it waits until case #1 is in the team room.
func openFirstCase(t *testing.T, l *lotse, m *chatclient.Client, dm id.RoomID, alice *chatclient.Client, teamRoom id.RoomID) {
	t.Helper()
	if reply, _ := ask(t, m, dm, l.userID, text("Wie kann ich für den Bürgerschaftswahlkampf spenden?")); !strings.Contains(body(reply), "Supportfall") {
		t.Fatalf("no case offered: %s", body(reply))
	}
	if reply, _ := ask(t, m, dm, l.userID, text("ja")); !strings.Contains(body(reply), "#1") {
		t.Fatalf("case not confirmed: %s", body(reply))
	}
	waitFor(t, alice, teamRoom, l.userID, "Fall #1")
}

// TestCaptionEditKeepsFileOnDendrite: a member sends an encrypted image
// with a caption into a case (encrypted direct chat, encrypted team room)
// and fixes the caption with a text-only edit, as Element sends it. The
// team's client sees Lotse's edit of the relayed image still carrying the
// image (the team's own copy, an encrypted file it can decrypt to the
// member's bytes) with the new caption, and the old caption nowhere in it.
func TestCaptionEditKeepsFileOnDendrite(t *testing.T) {
	l, alice, teamRoom := startLotseWithTeam(t, copyLibrary(t), nil)
	m := newMember(t, "member")
	dm := openDM(t, m, l.userID, true)
	openFirstCase(t, l, m, dm, alice, teamRoom)

	img := []byte("\x89PNG not really an image, but bytes")
	original := encryptedImage(t, m, img, "fehler.png", "Login mit hunter2")
	sent, err := m.SendContent(t.Context(), dm, original)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	relayed, err := alice.Wait(ctx, teamRoom, l.userID, func(e *event.Event) bool {
		mc := e.Content.AsMessage()
		return mc.MsgType == event.MsgImage && mc.RelatesTo.GetReplaceID() == ""
	})
	if err != nil {
		t.Fatal("the image never reached the team")
	}

	edit := &event.MessageEventContent{MsgType: event.MsgText, Body: "* Login", NewContent: &event.MessageEventContent{MsgType: event.MsgText, Body: "Login"}}
	edit.RelatesTo = (&event.RelatesTo{}).SetReplace(sent)
	if _, err := m.SendContent(t.Context(), dm, edit); err != nil {
		t.Fatal(err)
	}
	edited, err := alice.Wait(ctx, teamRoom, l.userID, func(e *event.Event) bool {
		return e.Content.AsMessage().RelatesTo.GetReplaceID() == relayed.ID
	})
	if err != nil {
		t.Fatal("the team's image was never edited")
	}
	nc := edited.Content.AsMessage().NewContent
	if nc == nil || nc.MsgType != event.MsgImage || nc.File == nil || nc.Body != "Login" || strings.Contains(edited.Content.AsMessage().Body, "hunter2") {
		t.Fatalf("edited team image: %+v (new content %+v)", edited.Content.AsMessage(), nc)
	}
	if data := decryptedFile(t, alice, nc.File); !bytes.Equal(data, img) {
		t.Fatalf("the kept image carries %q", data)
	}
	if nc.File.URL == original.File.URL || nc.File.Key.Key == original.File.Key.Key {
		t.Error("the direct chat's media key was handed on to the team room")
	}
	// The team's own copy, decrypted by Lotse from its own event: nothing
	// was uploaded again.
	if was := relayed.Content.AsMessage().File; was == nil || nc.File.URL != was.URL {
		t.Errorf("the kept image is a new upload %s, not the team's copy", nc.File.URL)
	}
}

// encryptedImage is an image as m's client sends it into an encrypted
// room: img encrypted with a fresh key and uploaded, with caption as body
// and name as filename ("" for none).
func encryptedImage(t *testing.T, m *chatclient.Client, img []byte, name, caption string) *event.MessageEventContent {
	t.Helper()
	file := attachment.NewEncryptedFile()
	cipher := bytes.Clone(img)
	file.EncryptInPlace(cipher)
	up, err := m.Cli.UploadBytes(t.Context(), cipher, "application/octet-stream")
	if err != nil {
		t.Fatal(err)
	}
	return &event.MessageEventContent{MsgType: event.MsgImage, Body: caption, FileName: name,
		Info: &event.FileInfo{MimeType: "image/png", Size: len(img)}, File: &event.EncryptedFileInfo{EncryptedFile: *file, URL: up.ContentURI.CUString()}}
}

// decryptedFile downloads f with c's client and decrypts it.
func decryptedFile(t *testing.T, c *chatclient.Client, f *event.EncryptedFileInfo) []byte {
	t.Helper()
	uri, err := f.URL.Parse()
	if err != nil {
		t.Fatal(err)
	}
	data, err := c.Cli.DownloadBytes(t.Context(), uri)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.DecryptInPlace(data); err != nil {
		t.Fatalf("cannot decrypt the file: %v", err)
	}
	return data
}

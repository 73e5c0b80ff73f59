package commands

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"maunium.net/go/mautrix/crypto/attachment"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// encryptedImage is an image as a client sends it into an encrypted
// room: data encrypted with a fresh key, uploaded, body as the caption.
func (e *supportEnv) encryptedImage(t *testing.T, data []byte, name, caption string) *event.MessageEventContent {
	t.Helper()
	file := attachment.NewEncryptedFile()
	cipher := bytes.Clone(data)
	file.EncryptInPlace(cipher)
	file = roundTrip(t, file)
	uri, err := e.fm.Upload(context.Background(), cipher, "application/octet-stream")
	if err != nil {
		t.Fatal(err)
	}
	return &event.MessageEventContent{MsgType: event.MsgImage, Body: caption, FileName: name,
		Info: &event.FileInfo{MimeType: "image/png", Size: len(data)}, File: &event.EncryptedFileInfo{EncryptedFile: *file, URL: uri}}
}

// teamFile returns the bytes of the relayed file content as the team
// room (encrypted) carries it.
func (e *supportEnv) teamFile(t *testing.T, c *event.MessageEventContent) []byte {
	t.Helper()
	if c.File == nil || c.URL != "" {
		t.Fatalf("not an encrypted file: %+v", c)
	}
	data, err := e.fm.Download(context.Background(), c.File.URL)
	if err != nil {
		t.Fatal(err)
	}
	if err := roundTrip(t, &c.File.EncryptedFile).DecryptInPlace(data); err != nil {
		t.Fatal(err)
	}
	return data
}

// TestTextOnlyCaptionEditKeepsFile: a member fixes the caption of a file
// relayed in a case, and the client sends only the new text as
// m.new_content (as Element does). The team's copy is edited to the same
// file with the new caption (fetched from the member's message,
// decrypted, uploaded again with the team room's own key), not to a
// notice: the team loses nothing because a member fixed a typo. A file
// replaced by an earlier edit stays replaced. If the member's message
// cannot be fetched (redacted, too old, no key) or is not the member's,
// the copy becomes a notice with the new caption, as before: the old
// caption leaves the team's view all the same, and the edit does not fail.
func TestTextOnlyCaptionEditKeepsFile(t *testing.T) {
	first, second := []byte("\x89PNG erstes Bild"), []byte("\x89PNG zweites Bild")
	for _, tc := range []struct {
		name string
		// before runs after the file was relayed and before the
		// text-only edit: earlier edits, a lost original.
		before func(t *testing.T, e *supportEnv, msg *event.Event)
		want   []byte // the file the team's copy carries; nil: a notice
	}{
		{"the member's file", nil, first},
		{"after an earlier text-only edit", func(t *testing.T, e *supportEnv, msg *event.Event) {
			e.handle(t, e.editText(dmRoom, member, msg.ID, "Login mit hunter3"), true)
		}, first},
		{"after an earlier edit that replaced the file", func(t *testing.T, e *supportEnv, msg *event.Event) {
			e.handle(t, e.edit(dmRoom, member, msg.ID, e.encryptedImage(t, second, "neu.png", "Login mit hunter3")), true)
		}, second},
		{"the replacing edit, then a text-only one", func(t *testing.T, e *supportEnv, msg *event.Event) {
			e.handle(t, e.edit(dmRoom, member, msg.ID, e.encryptedImage(t, second, "neu.png", "Login mit hunter3")), true)
			e.handle(t, e.editText(dmRoom, member, msg.ID, "Login mit hunter4"), true)
		}, second},
		{"the original cannot be fetched", func(_ *testing.T, e *supportEnv, msg *event.Event) {
			e.fm.forget(msg.ID)
		}, nil},
		{"an earlier edit cannot be fetched", func(t *testing.T, e *supportEnv, msg *event.Event) {
			ed := e.editText(dmRoom, member, msg.ID, "Login mit hunter3")
			e.handle(t, ed, true)
			e.fm.forget(ed.ID)
		}, nil},
		{"the homeserver's event is someone else's", func(_ *testing.T, e *supportEnv, msg *event.Event) {
			other := *msg
			other.Sender = outsider
			e.fm.store(&other)
		}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newSupportEnv(t)
			e.openCase(t)
			msg := e.event(dmRoom, member, e.encryptedImage(t, first, "s.png", "Login mit hunter2"))
			relay := in(e.handle(t, msg, true), teamRoom)
			if len(relay) != 2 {
				t.Fatalf("precondition: thread line and file, got %d", len(relay))
			}
			if tc.before != nil {
				tc.before(t, e, msg)
			}
			sent := e.handle(t, e.editText(dmRoom, member, msg.ID, "Login"), true)
			team := in(sent, teamRoom)
			if len(team) != 2 || team[1].content.RelatesTo.GetReplaceID() != id.EventID("$"+relay[1].txn) {
				t.Fatalf("want edits of the thread line and the file, got %d: %s", len(team), bodies(team))
			}
			if dm := in(sent, dmRoom); len(dm) != 0 {
				t.Errorf("the edit was answered: %s", bodies(dm))
			}
			nc := team[1].content.NewContent
			if nc.Body != "Login" || strings.Contains(team[1].content.Body, "hunter") {
				t.Errorf("caption of the team's copy: %q (fallback %q)", nc.Body, team[1].content.Body)
			}
			if tc.want == nil {
				if nc.MsgType != event.MsgNotice || nc.File != nil || nc.URL != "" {
					t.Errorf("want the notice fallback, got %+v", nc)
				}
				return
			}
			if nc.MsgType != event.MsgImage || nc.Info == nil || nc.Info.MimeType != "image/png" || nc.FileName == "" {
				t.Errorf("team's copy is not the image: %+v", nc)
			}
			if got := e.teamFile(t, nc); !bytes.Equal(got, tc.want) {
				t.Errorf("team's copy carries %q, want %q", got, tc.want)
			}
			if nc.File.Key.Key == msg.Content.AsMessage().File.Key.Key {
				t.Error("the direct chat's media key was handed on to the team room")
			}
			if texts := e.caseTexts(t); strings.Contains(texts, "hunter") || !strings.Contains(texts, "[m.image] Login") {
				t.Errorf("stored case texts:\n%s", texts)
			}
		})
	}
}

// TestCaptionEditFetchesOnlyTheMembersOwn: a member cannot make Lotse
// fetch or relay an event of someone else or of another room by a
// text-only edit: an edit naming another member's file (from the other's
// direct chat) or the member's own file in another room relays nothing
// and fetches nothing.
func TestCaptionEditFetchesOnlyTheMembersOwn(t *testing.T) {
	const otherDM, group = id.RoomID("!dm-outsider:test"), id.RoomID("!group:test")
	for _, tc := range []struct {
		name   string
		room   id.RoomID
		sender id.UserID
	}{
		{"another member's file", otherDM, outsider},
		{"the member's file in another room", group, member},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newSupportEnv(t)
			e.openCase(t)
			own := e.event(dmRoom, member, e.encryptedImage(t, []byte("\x89PNG eigenes"), "s.png", "Login"))
			if relay := in(e.handle(t, own, true), teamRoom); len(relay) != 2 {
				t.Fatalf("precondition: thread line and file, got %d", len(relay))
			}
			foreign := e.event(tc.room, tc.sender, e.encryptedImage(t, []byte("\x89PNG fremdes"), "x.png", "fremd"))
			e.handle(t, foreign, tc.room != group)
			before := e.caseTexts(t)
			if sent := e.handle(t, e.editText(dmRoom, member, foreign.ID, "Login"), true); len(sent) != 0 {
				t.Errorf("the edit sent: %s", bodies(sent))
			}
			if len(e.fm.fetched) != 0 {
				t.Errorf("fetched %v", e.fm.fetched)
			}
			if after := e.caseTexts(t); after != before {
				t.Errorf("stored texts changed:\n%s\nwas:\n%s", after, before)
			}
		})
	}
}

// TestCaptionEditLeavesNoOldCaption: a file sent without a filename has
// only its caption in body (perhaps a password). A text-only edit of the
// caption must not bring the old body back to the team in any field
// (filename, the edit's top level or m.new_content).
func TestCaptionEditLeavesNoOldCaption(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	msg := e.event(dmRoom, member, e.encryptedImage(t, []byte("\x89PNG Bild"), "", "Passwort hunter2"))
	if relay := in(e.handle(t, msg, true), teamRoom); len(relay) != 2 {
		t.Fatalf("precondition: thread line and file, got %d", len(relay))
	}
	team := in(e.handle(t, e.editText(dmRoom, member, msg.ID, "Login"), true), teamRoom)
	if len(team) != 2 {
		t.Fatalf("want edits of the thread line and the file, got %d: %s", len(team), bodies(team))
	}
	for _, m := range team {
		raw, err := json.Marshal(m.content)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(raw), "hunter2") {
			t.Errorf("the old caption reached the team: %s", raw)
		}
	}
	if nc := team[1].content.NewContent; nc.MsgType != event.MsgImage || nc.Body != "Login" || nc.FileName != "" {
		t.Errorf("team's copy: %+v", nc)
	}
}

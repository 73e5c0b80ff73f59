package commands

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"maunium.net/go/mautrix/crypto/attachment"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
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
// m.new_content (as Element does). The team's copy is edited to the file
// it shows, with the new caption, not to a notice: the team loses nothing
// because a member fixed a typo. The file is read from Lotse's own newest
// media event for the message in the team room: nothing is downloaded or
// uploaded, the member's direct chat is not read, any number of fixes
// keep the file, and a file replaced by an earlier edit stays replaced.
// If the team's copy cannot be fetched, is not Lotse's own or became a
// notice before, the copy becomes a notice with the new caption: the old
// caption leaves the team's view all the same, and the edit does not fail.
func TestTextOnlyCaptionEditKeepsFile(t *testing.T) {
	first, second := []byte("\x89PNG erstes Bild"), []byte("\x89PNG zweites Bild")
	for _, tc := range []struct {
		name string
		// before runs after the file was relayed (as relay, Lotse's file
		// event in the team room) and before the text-only edit.
		before func(t *testing.T, e *supportEnv, msg *event.Event, relay id.EventID)
		want   []byte // the file the team's copy carries; nil: a notice
	}{
		{"the member's file", nil, first},
		{"after an earlier text-only edit", func(t *testing.T, e *supportEnv, msg *event.Event, _ id.EventID) {
			e.handle(t, e.editText(dmRoom, member, msg.ID, "Login mit hunter3"), true)
		}, first},
		{"after twelve text-only edits", func(t *testing.T, e *supportEnv, msg *event.Event, _ id.EventID) {
			for i := range 12 {
				e.handle(t, e.editText(dmRoom, member, msg.ID, fmt.Sprintf("Login mit hunter%d", i+3)), true)
			}
		}, first},
		{"after an earlier edit that replaced the file", func(t *testing.T, e *supportEnv, msg *event.Event, _ id.EventID) {
			e.handle(t, e.edit(dmRoom, member, msg.ID, e.encryptedImage(t, second, "neu.png", "Login mit hunter3")), true)
		}, second},
		{"the replacing edit, then a text-only one", func(t *testing.T, e *supportEnv, msg *event.Event, _ id.EventID) {
			e.handle(t, e.edit(dmRoom, member, msg.ID, e.encryptedImage(t, second, "neu.png", "Login mit hunter3")), true)
			e.handle(t, e.editText(dmRoom, member, msg.ID, "Login mit hunter4"), true)
		}, second},
		{"the member's message is gone from the homeserver", func(_ *testing.T, e *supportEnv, msg *event.Event, _ id.EventID) {
			e.fm.forget(msg.ID)
		}, first},
		{"the team's copy cannot be fetched", func(_ *testing.T, e *supportEnv, _ *event.Event, relay id.EventID) {
			e.fm.forget(relay)
		}, nil},
		{"Lotse's earlier edit cannot be fetched", func(t *testing.T, e *supportEnv, msg *event.Event, _ id.EventID) {
			team := in(e.handle(t, e.editText(dmRoom, member, msg.ID, "Login mit hunter3"), true), teamRoom)
			e.fm.forget(id.EventID("$" + team[1].txn))
		}, nil},
		{"the homeserver's copy is someone else's", func(_ *testing.T, e *supportEnv, _ *event.Event, relay id.EventID) {
			other := *e.fm.events[relay]
			other.Sender = outsider
			e.fm.store(&other)
		}, nil},
		{"the team's copy became a notice before", func(t *testing.T, e *supportEnv, msg *event.Event, relay id.EventID) {
			saved := e.fm.events[relay]
			e.fm.forget(relay)
			e.handle(t, e.editText(dmRoom, member, msg.ID, "Login mit hunter3"), true)
			e.fm.store(saved)
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
				tc.before(t, e, msg, id.EventID("$"+relay[1].txn))
			}
			e.fm.mu.Lock()
			uploads := len(e.fm.media)
			e.fm.fetched = nil
			e.fm.mu.Unlock()
			sent := e.handle(t, e.editText(dmRoom, member, msg.ID, "Login"), true)
			team := in(sent, teamRoom)
			if len(team) != 2 || team[1].content.RelatesTo.GetReplaceID() != id.EventID("$"+relay[1].txn) {
				t.Fatalf("want edits of the thread line and the file, got %d: %s", len(team), bodies(team))
			}
			if dm := in(sent, dmRoom); len(dm) != 0 {
				t.Errorf("the edit was answered: %s", bodies(dm))
			}
			for _, f := range e.fm.fetched {
				if !strings.HasPrefix(f.String(), "$$") {
					t.Errorf("fetched %s, not one of Lotse's events", f)
				}
			}
			if len(e.fm.media) != uploads {
				t.Errorf("%d files uploaded", len(e.fm.media)-uploads)
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
			if bytes.Equal(tc.want, first) && nc.File.URL != relay[1].content.File.URL {
				t.Errorf("team's copy %s, want the relayed %s", nc.File.URL, relay[1].content.File.URL)
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

// relayedCaptionEdit opens a case whose member sends an encrypted image
// with a secret caption, relayed to the team (thread line and file), and
// returns the team's copy of the file and the member's text-only edit of
// the caption, already in the inbox (as the syncer leaves it) and in the
// fake homeserver; the edit itself is not handled yet.
func relayedCaptionEdit(t *testing.T) (*supportEnv, id.EventID, *event.Event) {
	t.Helper()
	e := newSupportEnv(t)
	e.openCase(t)
	msg := e.event(dmRoom, member, e.encryptedImage(t, []byte("\x89PNG Bild"), "s.png", "Login mit hunter2"))
	relay := in(e.handle(t, msg, true), teamRoom)
	if len(relay) != 2 {
		t.Fatalf("precondition: thread line and file, got %d", len(relay))
	}
	edit := e.editText(dmRoom, member, msg.ID, "Login")
	item := storage.InboxItem{EventID: edit.ID.String(), RoomID: edit.RoomID.String(), Sender: edit.Sender.String(),
		EventType: edit.Type.Type, ReceivedAt: e.now, State: storage.InboxDone}
	if err := e.db.Inbox.Commit(context.Background(), []storage.InboxItem{item}, nil, ""); err != nil {
		t.Fatal(err)
	}
	e.fm.store(edit)
	return e, id.EventID("$" + relay[1].txn), edit
}

// TestCaptionEditAtShutdown: a shutdown (the context cancelled) while a
// text-only caption edit fetches the team's copy fails the edit, so that
// it is retried, instead of turning the team's copy into a notice and
// dropping the file; the retry keeps the file.
func TestCaptionEditAtShutdown(t *testing.T) {
	e, file, edit := relayedCaptionEdit(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	e.fm.onFetch = cancel
	before := e.fm.count()
	if err := e.h.Handle(ctx, Message{Event: edit, Direct: true}); err == nil {
		t.Error("the edit did not fail at shutdown: it would not be retried")
	}
	e.fm.onFetch = nil
	e.fm.mu.Lock()
	for _, m := range e.fm.sent[before:] {
		if m.content != nil && m.content.RelatesTo.GetReplaceID() == file {
			t.Errorf("the team's copy was edited at shutdown: %+v", m.content.NewContent)
		}
	}
	e.fm.mu.Unlock()
	team := in(e.handle(t, edit, true), teamRoom)
	if len(team) != 1 || team[0].content.RelatesTo.GetReplaceID() != file {
		t.Fatalf("the retry: want the file's edit, got %d: %s", len(team), bodies(team))
	}
	if nc := team[0].content.NewContent; nc.MsgType != event.MsgImage || nc.File == nil || nc.Body != "Login" {
		t.Errorf("the retry did not keep the file: %+v", nc)
	}
}

// transientErr is a homeserver error that may pass (5xx, 429, no answer).
type transientErr struct{}

func (transientErr) Error() string   { return "M_UNKNOWN: 502" }
func (transientErr) Transient() bool { return true }

// TestCaptionEditFetchErrors: a fetch of the team's copy that may succeed
// on a retry fails the edit (retried, the file kept then); one that will
// not (the event gone, undecryptable) makes the copy the notice at once.
func TestCaptionEditFetchErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		err    error
		notice bool
	}{
		{"transient", fmt.Errorf("failed to fetch the event: %w", transientErr{}), false},
		{"for good", errors.New("M_NOT_FOUND"), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, file, edit := relayedCaptionEdit(t)
			e.fm.fetchErr = tc.err
			before := e.fm.count()
			err := e.h.Handle(context.Background(), Message{Event: edit, Direct: true})
			e.fm.fetchErr = nil
			var edited *event.MessageEventContent
			e.fm.mu.Lock()
			for _, m := range e.fm.sent[before:] {
				if m.content != nil && m.content.RelatesTo.GetReplaceID() == file {
					edited = m.content.NewContent
				}
			}
			e.fm.mu.Unlock()
			if tc.notice {
				if err != nil || edited == nil || edited.MsgType != event.MsgNotice || edited.Body != "Login" {
					t.Fatalf("want the notice at once, got %v, %+v", err, edited)
				}
				return
			}
			if err == nil || edited != nil {
				t.Fatalf("want the edit failed (retried), nothing sent for the file; got %v, %+v", err, edited)
			}
			team := in(e.handle(t, edit, true), teamRoom)
			if len(team) != 1 || team[0].content.NewContent.MsgType != event.MsgImage || team[0].content.NewContent.File == nil {
				t.Fatalf("the retry did not keep the file: %s", bodies(team))
			}
		})
	}
}

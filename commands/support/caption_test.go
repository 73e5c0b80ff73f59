package support

import (
	"errors"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// TestFileOf: the file of a text-only caption edit is taken only from the
// member's own message, or an edit of it, in the member's room: an event
// of another sender or room, an edit of another event, the message's
// redacted husk (no file) are refused; an edit without a file points on
// to the one before.
func TestFileOf(t *testing.T) {
	const (
		room     = id.RoomID("!dm:test")
		member   = id.UserID("@member:test")
		original = id.EventID("$orig")
	)
	file := &event.MessageEventContent{MsgType: event.MsgImage, Body: "Login", URL: "mxc://test/a"}
	edit := func(target id.EventID, nc *event.MessageEventContent) *event.MessageEventContent {
		return &event.MessageEventContent{MsgType: event.MsgText, Body: "* Login", NewContent: nc, RelatesTo: (&event.RelatesTo{}).SetReplace(target)}
	}
	for _, tc := range []struct {
		name    string
		evt     *event.Event
		want    id.ContentURIString // "": no file
		refused bool
	}{
		{"the message", &event.Event{ID: original, RoomID: room, Sender: member, Content: event.Content{Parsed: file}}, "mxc://test/a", false},
		{"an edit with a file", &event.Event{ID: "$e1", RoomID: room, Sender: member, Content: event.Content{Parsed: edit(original,
			&event.MessageEventContent{MsgType: event.MsgImage, Body: "x", URL: "mxc://test/b"})}}, "mxc://test/b", false},
		{"a text-only edit", &event.Event{ID: "$e1", RoomID: room, Sender: member, Content: event.Content{Parsed: edit(original,
			&event.MessageEventContent{MsgType: event.MsgText, Body: "x"})}}, "", false},
		{"another sender's", &event.Event{ID: original, RoomID: room, Sender: "@other:test", Content: event.Content{Parsed: file}}, "", true},
		{"another room's", &event.Event{ID: original, RoomID: "!other:test", Sender: member, Content: event.Content{Parsed: file}}, "", true},
		{"an edit of another event", &event.Event{ID: "$e1", RoomID: room, Sender: member, Content: event.Content{Parsed: edit("$else", file)}}, "", true},
		{"the message as an edit", &event.Event{ID: original, RoomID: room, Sender: member, Content: event.Content{Parsed: edit("$else", file)}}, "", true},
		{"another message", &event.Event{ID: "$e1", RoomID: room, Sender: member, Content: event.Content{Parsed: file}}, "", true},
		{"the message redacted", &event.Event{ID: original, RoomID: room, Sender: member, Content: event.Content{Parsed: &event.MessageEventContent{}}}, "", true},
		{"not a message", &event.Event{ID: original, RoomID: room, Sender: member, Content: event.Content{Parsed: &event.ReactionEventContent{}}}, "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := fileOf(tc.evt, room, member, original)
			if tc.refused {
				if !errors.Is(err, errNoFileToKeep) || got != nil {
					t.Fatalf("want refused, got %+v, %v", got, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if uri := id.ContentURIString(""); got != nil {
				uri = got.URL
				if uri != tc.want {
					t.Errorf("file %q, want %q", uri, tc.want)
				}
			} else if tc.want != "" {
				t.Errorf("no file, want %q", tc.want)
			}
		})
	}
}

// TestFileContent: the kept file keeps its filename; a message without
// one does not get its old body (perhaps a caption) as a name; the relayed
// type stays unless the file names a file type of its own.
func TestFileContent(t *testing.T) {
	got := fileContent(&event.MessageEventContent{MsgType: event.MsgText, Body: "Passwort hunter2", URL: "mxc://test/a"}, event.MsgImage)
	if got.FileName != "" || got.MsgType != event.MsgImage || got.URL != "mxc://test/a" {
		t.Errorf("without a filename: %+v", got)
	}
	got = fileContent(&event.MessageEventContent{MsgType: event.MsgFile, Body: "Login", FileName: "a.pdf", URL: "mxc://test/a"}, event.MsgImage)
	if got.FileName != "a.pdf" || got.MsgType != event.MsgFile {
		t.Errorf("with a filename: %+v", got)
	}
}

// TestStoredFileType: the marker before a stored file's caption names a
// file type; anything else is a text.
func TestStoredFileType(t *testing.T) {
	for body, want := range map[string]event.MessageType{
		"[m.image] Login": event.MsgImage, "[m.file] ": event.MsgFile, "[m.audio] a] b": event.MsgAudio, "[m.video] x": event.MsgVideo,
		"[m.text] Login": "", "[m.image]Login": "", "m.image] Login": "", " [m.image] Login": "", "[m.notice] x": "", "": "",
	} {
		got, ok := storedFileType(body)
		if got != want || ok != (want != "") {
			t.Errorf("storedFileType(%q) = %q, %v; want %q", body, got, ok, want)
		}
	}
}

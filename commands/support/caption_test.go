package support

import (
	"errors"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// TestCopyFile: the file a text-only caption edit keeps is taken only
// from Lotse's own relayed file, or Lotse's edit of it, in the team room:
// an event of another sender or room, an edit of another event, a
// redacted husk, a notice (the copy lost its file before) are refused.
func TestCopyFile(t *testing.T) {
	const (
		room  = id.RoomID("!team:test")
		lotse = id.UserID("@lotse:test")
		relay = id.EventID("$relay")
	)
	file := &event.MessageEventContent{MsgType: event.MsgImage, Body: "Login", URL: "mxc://test/a"}
	edit := func(target id.EventID, nc *event.MessageEventContent) *event.MessageEventContent {
		return &event.MessageEventContent{MsgType: nc.MsgType, Body: "* " + nc.Body, NewContent: nc, RelatesTo: (&event.RelatesTo{}).SetReplace(target)}
	}
	evt := func(eventID id.EventID, r id.RoomID, sender id.UserID, c event.Content) *event.Event {
		return &event.Event{ID: eventID, RoomID: r, Sender: sender, Content: c}
	}
	for _, tc := range []struct {
		name string
		evt  *event.Event
		want id.ContentURIString // "": refused
	}{
		{"the relay", evt(relay, room, lotse, event.Content{Parsed: file}), "mxc://test/a"},
		{"an edit with a file", evt("$e1", room, lotse, event.Content{Parsed: edit(relay,
			&event.MessageEventContent{MsgType: event.MsgImage, Body: "x", URL: "mxc://test/b"})}), "mxc://test/b"},
		{"an edit to a notice", evt("$e1", room, lotse, event.Content{Parsed: edit(relay,
			&event.MessageEventContent{MsgType: event.MsgNotice, Body: "x"})}), ""},
		{"a notice carrying a file's url", evt(relay, room, lotse, event.Content{Parsed: &event.MessageEventContent{MsgType: event.MsgNotice, Body: "x", URL: "mxc://test/a"}}), ""},
		{"another sender's", evt(relay, room, "@member:test", event.Content{Parsed: file}), ""},
		{"another room's", evt(relay, "!other:test", lotse, event.Content{Parsed: file}), ""},
		{"an edit of another event", evt("$e1", room, lotse, event.Content{Parsed: edit("$else", file)}), ""},
		{"the relay as an edit", evt(relay, room, lotse, event.Content{Parsed: edit("$else", file)}), ""},
		{"another message", evt("$e1", room, lotse, event.Content{Parsed: file}), ""},
		{"the relay redacted", evt(relay, room, lotse, event.Content{Parsed: &event.MessageEventContent{}}), ""},
		{"not a message", evt(relay, room, lotse, event.Content{Parsed: &event.ReactionEventContent{}}), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := copyFile(tc.evt, room, lotse, relay)
			if tc.want == "" {
				if !errors.Is(err, errNoFileToKeep) || got != nil {
					t.Fatalf("want refused, got %+v, %v", got, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.URL != tc.want {
				t.Errorf("file %q, want %q", got.URL, tc.want)
			}
		})
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

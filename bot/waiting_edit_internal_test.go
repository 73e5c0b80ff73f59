package bot

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"

	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// TestWaitingEventHandledWithItsEdit: a message that waited to be handled
// and was edited meanwhile (Inbox.ReplaceWaiting stored the edit in its
// place) is handled as the message — its event ID, its sender — with the
// edit's newest content and without the edit's relation, so a password
// its author edited out reaches no one (mend24a). A stored edit that does
// not replace exactly that event (a forged m.relates_to, another sender)
// is dropped. Fails without the fix: the handler got the edit event (its
// ID, an m.replace), or, without ReplaceWaiting, the original text. A
// waiting reply in a thread keeps its own relation (whole24's Medium; the
// thread case fails without storage.WaitingRelationKey: no relation).
func TestWaitingEventHandledWithItsEdit(t *testing.T) {
	const room, sender = "!dm:hs", "@m:hs"
	msgJSON := func(eventID, from string, content map[string]any) []byte {
		raw, err := json.Marshal(map[string]any{"type": "m.room.message", "event_id": eventID, "sender": from,
			"room_id": room, "origin_server_ts": 1, "content": content})
		if err != nil {
			t.Fatal(err)
		}
		return raw
	}
	edit := func(target, body string) map[string]any {
		return map[string]any{"msgtype": "m.text", "body": "* " + body,
			"m.new_content": map[string]any{"msgtype": "m.text", "body": body,
				"m.relates_to": map[string]any{"rel_type": "m.replace", "event_id": "$other"}},
			"m.relates_to": map[string]any{"rel_type": "m.replace", "event_id": target}}
	}
	thread := map[string]any{"rel_type": "m.thread", "event_id": "$root",
		"m.in_reply_to": map[string]any{"event_id": "$asked"}, "is_falling_back": false}
	for _, tc := range []struct {
		name       string
		editTarget string         // what the stored edit says it replaces
		relation   map[string]any // the waiting message's own m.relates_to
		want       string         // the body handled, "" for nothing handled
	}{
		{"edit of the waiting message", "$msg", nil, "Passwort geht nicht"},
		{"edit naming another event", "$else", nil, ""},
		// whole24's Medium: a reply in a case thread edited while it
		// waited was handled outside its thread and its answer lost.
		{"edit of a waiting reply in a thread", "$msg", thread, "Passwort geht nicht"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := storagetest.Open(t, filepath.Join(t.TempDir(), "lotse.db"))
			now := time.UnixMilli(1_700_000_000_000)
			original := map[string]any{"msgtype": "m.text", "body": "Passwort hunter2"}
			if tc.relation != nil {
				original["m.relates_to"] = tc.relation
			}
			items := []storage.InboxItem{
				{EventID: "$msg", RoomID: room, Sender: sender, EventType: "m.room.message", ReceivedAt: now,
					Payload: msgJSON("$msg", sender, original)},
				{EventID: "$edit", RoomID: room, Sender: sender, EventType: "m.room.message", ReceivedAt: now,
					Payload: msgJSON("$edit", sender, edit(tc.editTarget, "Passwort geht nicht"))},
			}
			if err := db.Inbox.Commit(t.Context(), items, nil, "s1"); err != nil {
				t.Fatal(err)
			}
			if err := db.Inbox.Retry(t.Context(), "$msg", now.Add(time.Hour), "failed"); err != nil {
				t.Fatal(err)
			}
			if ok, err := db.Inbox.ReplaceWaiting(t.Context(), "$msg", "$edit", now); err != nil || !ok {
				t.Fatalf("ReplaceWaiting = %v, %v", ok, err)
			}
			var got []*event.Event
			b := &Bot{log: zerolog.Nop(), db: db, Client: &mautrix.Client{UserID: "@lotse:hs", StateStore: mautrix.NewMemoryStateStore()},
				opts: Options{MaxAttempts: 3, Now: func() time.Time { return now },
					Handler: HandlerFunc(func(_ context.Context, in Incoming) error {
						got = append(got, in.Event)
						return nil
					})}}
			due, err := db.Inbox.Pending(t.Context(), now, 10, 10)
			if err != nil || len(due) != 2 || due[0].EventID != "$msg" {
				t.Fatalf("due: %+v, %v; want the message (due at once) and the edit", due, err)
			}
			b.process(t.Context(), due[0])
			if tc.want == "" {
				if len(got) != 0 {
					t.Fatalf("handled %+v, want nothing", got[0])
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("handled %d events, want 1", len(got))
			}
			c := got[0].Content.AsMessage()
			if got[0].ID != "$msg" || got[0].Sender != sender || c.Body != tc.want || c.NewContent != nil {
				t.Fatalf("handled %s from %s: %+v; want $msg with %q", got[0].ID, got[0].Sender, c, tc.want)
			}
			switch {
			case tc.relation == nil && c.RelatesTo != nil:
				t.Fatalf("handled with the relation %+v, want none (not the edit's, not its new content's)", c.RelatesTo)
			case tc.relation != nil && (c.RelatesTo == nil || c.RelatesTo.Type != event.RelThread ||
				c.RelatesTo.EventID != "$root" || c.RelatesTo.GetReplyTo() != "$asked"):
				t.Fatalf("handled with the relation %+v, want the waiting message's own thread and reply", c.RelatesTo)
			}
			if pending, err := db.Inbox.IsPending(t.Context(), "$msg"); err != nil || pending {
				t.Fatalf("still pending after handling: %v", err)
			}
		})
	}
}

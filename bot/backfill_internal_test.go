package bot

import (
	"encoding/json"
	"net/http"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// TestBackfillStopsAtRetention: a room quiet for longer than the inbox's
// retention, then more messages at once than a sync's timeline holds. The
// inbox has forgotten the events it handled before the quiet time, so the
// backfill must stop at the first event older than the retention; it used to
// walk on and hand every old message over as new (answered a second time).
// An event the inbox still knows stops it too, and without a retention
// (0: the inbox keeps everything) only that does.
func TestBackfillStopsAtRetention(t *testing.T) {
	const room = id.RoomID("!dm:hs")
	now := time.UnixMilli(1_800_000_000_000)
	msg := func(eventID string, age time.Duration) map[string]any {
		return map[string]any{"event_id": eventID, "type": "m.room.message", "sender": "@m:hs", "room_id": room,
			"origin_server_ts": now.Add(-age).UnixMilli(), "content": map[string]any{"msgtype": "m.text", "body": "x"}}
	}
	// /messages, backwards: newest first, one page.
	chunk := []map[string]any{
		msg("$new2", time.Minute), msg("$new1", 2*time.Minute), msg("$known", 3*time.Minute),
		msg("$old2", 8*24*time.Hour), msg("$old1", 9*24*time.Hour),
	}
	for _, tt := range []struct {
		name      string
		retention time.Duration
		known     bool // the inbox still knows $known
		want      []string
	}{
		{"past the retention", 7 * 24 * time.Hour, false, []string{"$known", "$new1", "$new2"}},
		{"a known event first", 7 * 24 * time.Hour, true, []string{"$new1", "$new2"}},
		{"no retention, a known event", 0, true, []string{"$new1", "$new2"}},
		{"no retention, nothing known", 0, false, []string{"$old1", "$old2", "$known", "$new1", "$new2"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			db := storagetest.Open(t, filepath.Join(t.TempDir(), "lotse.db"))
			if tt.known {
				item := storage.InboxItem{EventID: "$known", RoomID: room.String(), Sender: "@m:hs", EventType: "m.room.message",
					Payload: []byte(`{}`), ReceivedAt: now}
				if err := db.Inbox.Commit(t.Context(), []storage.InboxItem{item}, nil, "s1"); err != nil {
					t.Fatal(err)
				}
			}
			cli := newFakeClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				_ = json.NewEncoder(w).Encode(map[string]any{"start": "t1", "end": "", "chunk": chunk})
			}))
			b := &Bot{log: zerolog.Nop(), db: db, Client: cli,
				opts: Options{InboxRetention: tt.retention, Now: func() time.Time { return now }}}
			s := &syncer{bot: b}
			collected, _, err := s.backfill(t.Context(), room, "t0")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, evt := range collected {
				got = append(got, evt.ID.String())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("backfill handed over %v, want %v", got, tt.want)
			}
		})
	}
}

// TestBackfillStopsAfterErasure: a member's data was erased (!daten-löschen
// or `lotse privacy erase`); then a limited sync of their direct chat. The
// erasure must leave the inbox knowing the events it handled (without their
// sender): it used to delete the rows, and the backfill walked back past
// them and handed every earlier message of the member over as new, within
// the inbox retention — answered again and its data stored anew right after
// the erasure. The export still finds nothing about the member.
func TestBackfillStopsAfterErasure(t *testing.T) {
	const (
		room   = id.RoomID("!dm:hs")
		member = "@m:hs"
	)
	now := time.UnixMilli(1_800_000_000_000)
	msg := func(eventID string, age time.Duration) map[string]any {
		return map[string]any{"event_id": eventID, "type": "m.room.message", "sender": member, "room_id": room,
			"origin_server_ts": now.Add(-age).UnixMilli(), "content": map[string]any{"msgtype": "m.text", "body": "x"}}
	}
	chunk := []map[string]any{msg("$new", time.Minute), msg("$request", 2*time.Minute), msg("$question", time.Hour)}
	db := storagetest.Open(t, filepath.Join(t.TempDir(), "lotse.db"))
	ctx := t.Context()
	var items []storage.InboxItem
	for _, e := range []string{"$question", "$request"} {
		items = append(items, storage.InboxItem{EventID: e, RoomID: room.String(), Sender: member, EventType: "m.room.message",
			Payload: []byte(`{}`), ReceivedAt: now.Add(-time.Hour)})
	}
	if err := db.Inbox.Commit(ctx, items, nil, "s1"); err != nil {
		t.Fatal(err)
	}
	if err := db.Inbox.MarkDone(ctx, "$question", now.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	// The erasure as !daten-löschen runs it: its own request's row is kept
	// while it is handled, then erased, then marked done.
	if _, err := db.Privacy().Erase(ctx, member, "$request", now); err != nil {
		t.Fatal(err)
	}
	if err := db.Privacy().EraseInboxEvent(ctx, "$request"); err != nil {
		t.Fatal(err)
	}
	if err := db.Inbox.MarkDone(ctx, "$request", now); err != nil {
		t.Fatal(err)
	}
	cli := newFakeClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"start": "t1", "end": "", "chunk": chunk})
	}))
	b := &Bot{log: zerolog.Nop(), db: db, Client: cli,
		opts: Options{InboxRetention: 7 * 24 * time.Hour, Now: func() time.Time { return now }}}
	collected, _, err := (&syncer{bot: b}).backfill(ctx, room, "t0")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, evt := range collected {
		got = append(got, evt.ID.String())
	}
	if want := []string{"$new"}; !slices.Equal(got, want) {
		t.Errorf("backfill after the erasure handed over %v, want %v", got, want)
	}
	// Known as handled, but no longer whose: a later deletion of the message
	// is treated as one of an event the inbox does not know.
	if o, err := db.Inbox.Origin(ctx, "$question"); err != nil || o != nil {
		t.Errorf("origin of an erased member's message: %+v, %v; want none", o, err)
	}
	tables, err := db.Privacy().Export(ctx, member)
	if err != nil {
		t.Fatal(err)
	}
	for name, rows := range tables {
		if len(rows) > 0 {
			t.Errorf("after the erasure the export still has %d rows in %s", len(rows), name)
		}
	}
}

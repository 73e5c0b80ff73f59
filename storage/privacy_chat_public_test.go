package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestEraseChatPublicTold: the record that Lotse told a member their
// direct chat is public (support's tellExposed; the room in the key) is
// in the member's export and goes with their erasure — for an agreed
// direct chat and for a case's room; another member's record stays.
// Before, it stayed after `!daten-löschen` until the chat was found
// private again, for a member who never came back: for ever.
func TestEraseChatPublicTold(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_790_000_000_000)
			if err := db.DirectChats.Agree(ctx, "!dm1:test", "@mia:test", now); err != nil {
				t.Fatal(err)
			}
			if _, _, err := db.Cases.Create(ctx, &storage.Case{MemberID: "@mia:test", MemberRoom: "!dm2:test", Summary: "Frage"},
				"$ask", "Wie geht das?", now); err != nil {
				t.Fatal(err)
			}
			if err := db.DirectChats.Agree(ctx, "!dm3:test", "@bo:test", now); err != nil {
				t.Fatal(err)
			}
			for _, room := range []string{"!dm1:test", "!dm2:test", "!dm3:test"} {
				if err := db.KV.Set(ctx, storage.ChatPublicToldPrefix+room, "1"); err != nil {
					t.Fatal(err)
				}
			}
			exp, err := db.Privacy().Export(ctx, "@mia:test")
			if err != nil {
				t.Fatal(err)
			}
			if n := len(exp["chat_public_told"]); n != 2 {
				t.Errorf("export: %d records that the chat is public, want 2", n)
			}
			counts, err := db.Privacy().Erase(ctx, "@mia:test", "", now)
			if err != nil {
				t.Fatal(err)
			}
			if counts["chat_public_told"] != 2 {
				t.Errorf("erasure counted %d records, want 2", counts["chat_public_told"])
			}
			for room, want := range map[string]string{"!dm1:test": "", "!dm2:test": "", "!dm3:test": "1"} {
				if got, err := db.KV.Get(ctx, storage.ChatPublicToldPrefix+room); err != nil || got != want {
					t.Errorf("%s after Mia's erasure: %q (%v), want %q", room, got, err, want)
				}
			}
		})
	}
}

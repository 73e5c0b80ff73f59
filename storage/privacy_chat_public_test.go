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

// TestRetentionChatPublicTold: once member_retention and
// support_retention have deleted every row that ties a room to a member
// (member_state, direct_chat, support_case), the record that Lotse told
// them the chat is public goes too — before, it stayed for ever, where
// neither the export nor the erasure could find it. The record of a
// member who is still kept stays; the dry run counts without deleting.
func TestRetentionChatPublicTold(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_790_000_000_000)
			old := now.Add(-800 * 24 * time.Hour)
			must := func(err error) {
				t.Helper()
				if err != nil {
					t.Fatal(err)
				}
			}
			// Mia wrote last long ago, Bo yesterday.
			_, err := db.Onboarding().Seen(ctx, "@mia:test", "!dm1:test", old)
			must(err)
			must(db.DirectChats.Agree(ctx, "!dm1:test", "@mia:test", old))
			_, err = db.Onboarding().Seen(ctx, "@bo:test", "!dm3:test", now.Add(-24*time.Hour))
			must(err)
			must(db.DirectChats.Agree(ctx, "!dm3:test", "@bo:test", now.Add(-24*time.Hour)))
			for _, room := range []string{"!dm1:test", "!dm3:test"} {
				must(db.KV.Set(ctx, storage.ChatPublicToldPrefix+room, "1"))
			}
			p := storage.RetentionPolicy{Members: 365 * 24 * time.Hour}
			// The first run deletes Mia's member rows; a record that
			// nothing ties to a member any more goes in the same run or
			// the next one.
			for range 2 {
				if _, err := db.Retention(ctx, p, now, false); err != nil {
					t.Fatal(err)
				}
			}
			for room, want := range map[string]string{"!dm1:test": "", "!dm3:test": "1"} {
				if got, err := db.KV.Get(ctx, storage.ChatPublicToldPrefix+room); err != nil || got != want {
					t.Errorf("%s after retention: %q (%v), want %q", room, got, err, want)
				}
			}
			// The dry run counts an orphan and leaves it.
			must(db.KV.Set(ctx, storage.ChatPublicToldPrefix+"!gone:test", "1"))
			res, err := db.Retention(ctx, p, now, true)
			must(err)
			var counted int64 = -1
			for _, r := range res {
				if r.Table == storage.ChatPublicToldRecord {
					counted = r.Rows
				}
			}
			if counted != 1 {
				t.Errorf("dry run counted %d records, want 1", counted)
			}
			if got, _ := db.KV.Get(ctx, storage.ChatPublicToldPrefix+"!gone:test"); got != "1" {
				t.Error("the dry run deleted the record")
			}
		})
	}
}

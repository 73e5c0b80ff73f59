package storage_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/upgrades"
)

// TestUpgradeV25CaseLanguage (case32; SQLite, PostgreSQL): a case and an
// offered draft written by a v24 binary keep working across the upgrade
// to v25 and have no language ("": the install's); SetLang then gives
// the old case one, without a new version. A case and a draft written
// after the upgrade keep theirs. Fails without the schema step (the
// column is missing) or without lang in caseColumns/scanCase.
func TestUpgradeV25CaseLanguage(t *testing.T) {
	if len(upgrades.Table) < 25 {
		t.Fatalf("%d upgrades, want at least 25 (this test builds a v24 database)", len(upgrades.Table))
	}
	for name, uri := range testDBURIs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
			db := openNotUpgraded(t, uri)
			db.Lotse.UpgradeTable = upgrades.Table[:24]
			if err := db.Upgrade(ctx); err != nil {
				t.Fatal(err)
			}
			// What a v24 binary's Create and PutDraft wrote.
			for _, stmt := range []string{
				`INSERT INTO support_case (id, member_id, member_room, status, summary, guides, origin_event, created_at, updated_at, status_at)
					VALUES (7, '@m:test', '!dm:test', 1, 'alt', '', '$old', 1, 1, 1)`,
				`INSERT INTO case_message (source_event, case_id, kind, sender, body, created_at) VALUES ('$old', 7, 'question', '@m:test', 'alte Frage', 1)`,
				`INSERT INTO case_draft (room_id, user_id, question, guides, answer_event, prompt_event, earlier_prompts, offered, created_at, question_events)
					VALUES ('!dm2:test', '@m:test', 'frage', '', '', '$prompt', '', 1, ` + strconv.FormatInt(now.UnixMilli(), 10) + `, '')`,
			} {
				if _, err := db.Lotse.Exec(ctx, stmt); err != nil {
					t.Fatal(err)
				}
			}
			db.Lotse.UpgradeTable = upgrades.Table
			if err := db.Upgrade(ctx); err != nil {
				t.Fatal(err)
			}
			q := db.Cases
			c, err := q.Get(ctx, 7)
			if err != nil || c == nil || c.Lang != "" || c.Summary != "alt" {
				t.Fatalf("the case from v24: %+v, %v", c, err)
			}
			if open, err := q.ActiveForMember(ctx, "@m:test", "!dm:test"); err != nil || open == nil || open.ID != 7 || open.Lang != "" {
				t.Fatalf("the open case from v24: %+v, %v", open, err)
			}
			d, err := q.Draft(ctx, "!dm2:test", "@m:test", now.Add(-time.Minute))
			if err != nil || d == nil || d.Lang != "" || d.PromptEvent != "$prompt" {
				t.Fatalf("the draft from v24: %+v, %v", d, err)
			}
			if err := q.SetLang(ctx, 7, "en"); err != nil {
				t.Fatal(err)
			}
			if after, _ := q.Get(ctx, 7); after.Lang != "en" || after.Version != c.Version {
				t.Fatalf("after SetLang: %+v (version before %d)", after, c.Version)
			}
			// After the upgrade.
			nc, _, err := q.Create(ctx, &storage.Case{MemberID: "@n:test", MemberRoom: "!dn:test", Summary: "neu", Lang: "en"}, "$new", "new question", now)
			if err != nil || nc.Lang != "en" {
				t.Fatalf("a new case: %+v, %v", nc, err)
			}
			if got, _ := q.Get(ctx, nc.ID); got.Lang != "en" {
				t.Fatalf("a new case read back: %+v", got)
			}
			if err := q.PutDraft(ctx, storage.CaseDraft{RoomID: "!dn:test", UserID: "@n:test", Question: "q", Offered: true, PromptEvent: "$p",
				CreatedAt: now, Lang: "en"}); err != nil {
				t.Fatal(err)
			}
			if nd, err := q.Draft(ctx, "!dn:test", "@n:test", now.Add(-time.Minute)); err != nil || nd == nil || nd.Lang != "en" {
				t.Fatalf("a new draft read back: %+v, %v", nd, err)
			}
		})
	}
}

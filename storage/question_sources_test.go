package storage_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/upgrades"
)

// TestUpgradeLinksLearnedQuestions: the upgrade from v18 (the last
// released schema) gives a learned question whose case is still there the
// member's message it came from (the case's question: its event, the
// member's chat, the member), leaves one whose case is gone without, keeps
// v17 as the oldest binary that may run, and the member's deletion of that
// message then finds exactly that question — by its event, room and sender
// together, never by one alone.
func TestUpgradeLinksLearnedQuestions(t *testing.T) {
	if len(upgrades.Table) < 19 {
		t.Fatalf("%d upgrades, want at least 19 (this test builds a v18 database)", len(upgrades.Table))
	}
	for name, uri := range testDBURIs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := openNotUpgraded(t, uri)
			db.Lotse.UpgradeTable = upgrades.Table[:18]
			if err := db.Upgrade(ctx); err != nil {
				t.Fatal(err)
			}
			for _, q := range []string{
				`INSERT INTO support_case (id, member_id, member_room, summary, origin_event, created_at, updated_at, status_at)
					VALUES (4, '@m:hs', '!dm:hs', 'Frage', '$ask4', 1, 1, 1)`,
				`INSERT INTO learned_question (id, guide_id, question, norm, case_id, taught_by, taught_at, origin_event)
					VALUES (1, 'a.md', 'Wie geht das?', 'wie geht das', 4, '@team:hs', 1, '$teach1')`,
				`INSERT INTO learned_question (id, guide_id, question, norm, case_id, taught_by, taught_at, origin_event)
					VALUES (2, 'a.md', 'Wo ist das?', 'wo ist das', 3, '@team:hs', 1, '$teach2')`,
			} {
				if _, err := db.Lotse.Exec(ctx, q); err != nil {
					t.Fatal(err)
				}
			}
			db.Lotse.UpgradeTable = upgrades.Table
			if err := db.Upgrade(ctx); err != nil {
				t.Fatal(err)
			}
			var compat int
			if err := db.Lotse.QueryRow(ctx, `SELECT compat FROM lotse_version`).Scan(&compat); err != nil || compat > 17 {
				t.Fatalf("compat %d, %v; want 17 (a v17 binary leaves the new columns empty)", compat, err)
			}
			// A v18 binary still starts on it and teaches as it did.
			db.Lotse.UpgradeTable = upgrades.Table[:18]
			if err := db.Upgrade(ctx); err != nil {
				t.Fatalf("a v18 binary on the upgraded database: %v", err)
			}
			db.Lotse.UpgradeTable = upgrades.Table
			if _, err := db.Lotse.Exec(ctx, `INSERT INTO learned_question (id, guide_id, question, norm, case_id, taught_by, taught_at, origin_event)
				VALUES (3, 'a.md', 'Was ist das?', 'was ist das', 4, '@team:hs', 1, '$teach3')`); err != nil {
				t.Fatalf("a v18 binary's teaching: %v", err)
			}
			linked, err := db.Learned().Get(ctx, 1)
			if err != nil || linked == nil || linked.Source != (storage.QuestionSource{Event: "$ask4", Room: "!dm:hs", User: "@m:hs"}) {
				t.Fatalf("question of a case still there: %+v %v", linked, err)
			}
			if orphan, _ := db.Learned().Get(ctx, 2); orphan == nil || orphan.Source != (storage.QuestionSource{}) {
				t.Fatalf("question of a case gone: %+v", orphan)
			}
			for _, tt := range []struct {
				name string
				src  storage.QuestionSource
				want int
			}{
				{"the member in their room", storage.QuestionSource{Event: "$ask4", Room: "!dm:hs", User: "@m:hs"}, 1},
				{"someone else in the room", storage.QuestionSource{Event: "$ask4", Room: "!dm:hs", User: "@mod:hs"}, 0},
				{"the member in another room", storage.QuestionSource{Event: "$ask4", Room: "!other:hs", User: "@m:hs"}, 0},
				{"another message", storage.QuestionSource{Event: "$other", Room: "!dm:hs", User: "@m:hs"}, 0},
				{"nothing known", storage.QuestionSource{}, 0},
			} {
				got, err := db.Learned().BySource(ctx, tt.src)
				if err != nil || len(got) != tt.want {
					t.Errorf("%s: %d questions (%v), want %d", tt.name, len(got), err, tt.want)
				}
			}
		})
	}
}

// TestErasureReachesLearnedAfterCase: a question learned from a member's
// case is in their export and goes with their erasure by its link to the
// member (source_user), also when the case itself is gone before the link
// (a v17 or v18 binary's retention deletes cases without the rule that
// unlinks their learned questions). Its copies' rows go with the case.
func TestErasureReachesLearnedAfterCase(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_790_000_000_000)
			c, _, err := db.Cases.Create(ctx, &storage.Case{MemberID: "@m:hs", MemberRoom: "!dm:hs", Summary: "Frage"}, "$ask", "Wie geht das?", now)
			if err != nil {
				t.Fatal(err)
			}
			src := storage.QuestionSource{Event: "$ask", Room: "!dm:hs", User: "@m:hs"}
			if _, _, err := db.Learned().Add(ctx, storage.LearnedQuestion{GuideID: "a.md", Question: "Wie geht das?", Norm: "wie geht das",
				CaseID: c.ID, TaughtBy: "@team:hs", TaughtAt: now, Source: src}, "$teach"); err != nil {
				t.Fatal(err)
			}
			if err := db.Copies().Add(ctx, "$prompt", storage.CopyPrompt, c.ID, src, now); err != nil {
				t.Fatal(err)
			}
			if copies, err := db.Copies().BySource(ctx, src); err != nil || len(copies) != 1 || copies[0].Kind != storage.CopyPrompt || copies[0].CaseID != c.ID {
				t.Fatalf("copies: %+v %v", copies, err)
			}
			// The case goes (as by its retention period); its copies' rows
			// go with it, the learned question stays.
			if _, err := db.Lotse.Exec(ctx, `DELETE FROM support_case WHERE id=$1`, c.ID); err != nil {
				t.Fatal(err)
			}
			if copies, _ := db.Copies().BySource(ctx, src); len(copies) != 0 {
				t.Fatalf("copies of a deleted case: %+v", copies)
			}
			exp, err := db.Privacy().Export(ctx, "@m:hs")
			if err != nil || len(exp[storage.LearnedFromCases]) != 1 {
				t.Fatalf("export lists %d learned questions (%v), want 1", len(exp[storage.LearnedFromCases]), err)
			}
			counts, err := db.Privacy().Erase(ctx, "@m:hs", "", now)
			if err != nil || counts[storage.LearnedFromCases] != 1 {
				t.Fatalf("erasure: %v %v, want the learned question counted", counts, err)
			}
			if n, _ := db.Learned().Count(ctx); n != 0 {
				t.Fatalf("%d learned questions left after the member's erasure", n)
			}
		})
	}
}

// TestCopiesOfAQuestion: a copy is recorded only for a case that exists
// and a source fully known, once per event, is in its member's export and
// goes with their erasure.
func TestCopiesOfAQuestion(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_790_000_000_000)
			c, _, err := db.Cases.Create(ctx, &storage.Case{MemberID: "@m:hs", MemberRoom: "!dm:hs", Summary: "Frage"}, "$ask", "Wie geht das?", now)
			if err != nil {
				t.Fatal(err)
			}
			src := storage.QuestionSource{Event: "$ask", Room: "!dm:hs", User: "@m:hs"}
			for _, add := range []struct {
				event  string
				caseID int64
				src    storage.QuestionSource
			}{
				{"$draft", c.ID, src},
				{"$draft", c.ID, src},                      // again: nothing new
				{"$gone", c.ID + 1, src},                   // no such case
				{"$nosrc", c.ID, storage.QuestionSource{}}, // source not known
			} {
				if err := db.Copies().Add(ctx, add.event, storage.CopyDraft, add.caseID, add.src, now); err != nil {
					t.Fatal(err)
				}
			}
			copies, err := db.Copies().BySource(ctx, src)
			if err != nil || len(copies) != 1 || copies[0].EventID != "$draft" || copies[0].Kind != storage.CopyDraft {
				t.Fatalf("copies: %+v %v", copies, err)
			}
			if exp, _ := db.Privacy().Export(ctx, "@m:hs"); len(exp["question_copy"]) != 1 {
				t.Fatalf("export: %v", exp["question_copy"])
			}
			if err := db.Copies().Delete(ctx, "$draft"); err != nil {
				t.Fatal(err)
			}
			if copies, _ := db.Copies().BySource(ctx, src); len(copies) != 0 {
				t.Fatalf("after delete: %+v", copies)
			}
			if err := db.Copies().Add(ctx, "$draft2", storage.CopyDraft, c.ID, src, now); err != nil {
				t.Fatal(err)
			}
			counts, err := db.Privacy().Erase(ctx, "@m:hs", "", now)
			if err != nil || counts["question_copy"] != 1 {
				t.Fatalf("erasure: %v %v", counts, err)
			}
		})
	}
}

// TestRetentionUnlinksLearnedQuestion: the link of a learned question to
// its member (source_*) lives as long as its case: the cases' retention
// rule counts it (dry run, `!aufbewahrung`) and clears it once the case is
// closed before the cutoff, keeping the question; a question whose case is
// still open keeps its link.
func TestRetentionUnlinksLearnedQuestion(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_790_000_000_000)
			policy := storage.RetentionPolicy{Cases: 30 * 24 * time.Hour}
			for i, ask := range []string{"$old", "$open"} {
				c, _, err := db.Cases.Create(ctx, &storage.Case{MemberID: "@m:hs", MemberRoom: "!dm:hs", Summary: "Frage"}, ask, "Frage "+ask, now)
				if err != nil {
					t.Fatal(err)
				}
				if _, _, err := db.Learned().Add(ctx, storage.LearnedQuestion{GuideID: "a.md", Question: "Frage " + ask, Norm: "frage " + ask,
					CaseID: c.ID, TaughtBy: "@team:hs", TaughtAt: now, Source: storage.QuestionSource{Event: ask, Room: "!dm:hs", User: "@m:hs"}},
					fmt.Sprintf("$teach%d", i)); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := db.Lotse.Exec(ctx, `UPDATE support_case SET status=3, closed_at=$1 WHERE origin_event='$old'`, now.UnixMilli()); err != nil {
				t.Fatal(err)
			}
			later := now.Add(31 * 24 * time.Hour)
			count := func(res []storage.RetentionResult) int64 {
				for _, r := range res {
					if r.Rule == "cases" && r.Table == "learned_question" {
						return r.Rows
					}
				}
				return -1
			}
			if res, err := db.Retention(ctx, policy, later, true); err != nil || count(res) != 1 {
				t.Fatalf("dry run: %d learned questions to unlink (%v), want 1", count(res), err)
			}
			if _, err := db.Retention(ctx, policy, later, false); err != nil {
				t.Fatal(err)
			}
			list, err := db.Learned().List(ctx)
			if err != nil || len(list) != 2 {
				t.Fatalf("learned questions after retention: %+v %v, want both kept", list, err)
			}
			for _, l := range list {
				linked := l.Source != (storage.QuestionSource{})
				if want := l.Question == "Frage $open"; linked != want {
					t.Errorf("%q linked %v, want %v", l.Question, linked, want)
				}
			}
		})
	}
}

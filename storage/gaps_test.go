package storage_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// keeper keeps a question of user in their DM ("!dm-<user>"), with the
// text "frage <src>".
func keeper(t *testing.T, g *storage.GapsQuery) func(src, user, outcome, answer string, at time.Time, guides ...string) {
	return func(src, user, outcome, answer string, at time.Time, guides ...string) {
		t.Helper()
		if err := g.Keep(context.Background(), storage.FailedQuestion{SourceEvent: src, UserID: user, RoomID: "!dm-" + user,
			Question: "frage " + src, Outcome: outcome, Guides: guides, AnswerEvent: answer, AskedAt: at}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestFailedQuestionsLifecycle(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			g := db.Gaps()
			now := time.UnixMilli(1_800_000_000_000)
			ttl := 30 * time.Minute
			keep := keeper(t, g)
			keep("$none", "@a:t", storage.FailedNone, "", now, "x.md", "y.md", "z.md", "w.md")
			keep("$none", "@a:t", storage.FailedNone, "", now.Add(time.Hour)) // a replay adds nothing
			keep("$choose1", "@a:t", storage.FailedChoose, "$prompt1", now.Add(time.Minute), "x.md")
			keep("$choose2", "@a:t", storage.FailedChoose, "$prompt2", now.Add(2*time.Minute), "y.md")
			keep("$answer", "@b:t", storage.FailedAnswer, "$ans", now.Add(3*time.Minute), "z.md")
			keep("$answer2", "@b:t", storage.FailedAnswer, "$ans2", now.Add(3*time.Minute), "z.md")
			// A pick settles the question of its own prompt only, and only
			// for the member who asked, in their room.
			for _, pick := range [][3]string{{"!dm-@a:t", "@a:t", "$prompt2"}, {"!dm-@a:t", "@b:t", "$prompt1"}, {"!other", "@a:t", "$prompt1"},
				{"!dm-@a:t", "@a:t", ""}, {"!dm-@a:t", "@a:t", "$unknown"}} {
				if err := g.Picked(ctx, pick[0], pick[1], pick[2], "$picked"); err != nil {
					t.Fatal(err)
				}
			}
			// 👎 by someone else on b's answer keeps nothing; b's own does.
			if err := g.ThumbsDown(ctx, "$ans", "@a:t", now.Add(-ttl), now); err != nil {
				t.Fatal(err)
			}
			if err := g.ThumbsDown(ctx, "$ans2", "@b:t", now.Add(-ttl), now); err != nil {
				t.Fatal(err)
			}
			list, err := g.List(ctx, time.Time{}, now.Add(time.Hour))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range list {
				got = append(got, f.SourceEvent+":"+f.Outcome)
				if f.UserID != "" || f.RoomID != "" {
					t.Errorf("List names who asked: %+v", f)
				}
			}
			want := []string{"$none:none", "$choose1:choose", "$answer2:thumbsdown"}
			if !slices.Equal(got, want) {
				t.Fatalf("listed %v, want %v", got, want)
			}
			if len(list[0].Guides) != storage.MaxFailedGuides || list[0].Question != "frage $none" {
				t.Errorf("first = %+v", list[0])
			}
			// A 👎 after the follow-up window keeps nothing more.
			if err := g.ThumbsDown(ctx, "$picked", "@a:t", now.Add(time.Hour), now.Add(time.Hour)); err != nil {
				t.Fatal(err)
			}
			if list, _ := g.List(ctx, time.Time{}, now.Add(time.Hour)); len(list) != 3 {
				t.Errorf("a late 👎 changed the list: %d", len(list))
			}

			// Opt-out deletes what was kept and is reported; opt-in takes it back.
			if already, err := g.OptOut(ctx, "@a:t", now); err != nil || already {
				t.Fatalf("first opt-out: already %v, %v", already, err)
			}
			if already, err := g.OptOut(ctx, "@a:t", now); err != nil || !already {
				t.Fatalf("second opt-out: already %v, %v", already, err)
			}
			if out, _ := g.OptedOut(ctx, "@a:t"); !out {
				t.Error("opt-out not recorded")
			}
			if out, _ := g.OptedOut(ctx, "@b:t"); out {
				t.Error("opt-out of someone else")
			}
			list, _ = g.List(ctx, time.Time{}, now.Add(time.Hour))
			if len(list) != 1 || list[0].SourceEvent != "$answer2" {
				t.Errorf("after opt-out: %+v", list)
			}
			if err := g.OptIn(ctx, "@a:t"); err != nil {
				t.Fatal(err)
			}
			if out, _ := g.OptedOut(ctx, "@a:t"); out {
				t.Error("opt-in did not take the opt-out back")
			}
		})
	}
}

func TestFailedQuestionsRetention(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			g := db.Gaps()
			now := time.UnixMilli(1_800_000_000_000)
			day := 24 * time.Hour
			for _, f := range []storage.FailedQuestion{
				{SourceEvent: "$old", Outcome: storage.FailedNone, AskedAt: now.Add(-31 * day)},
				{SourceEvent: "$new", Outcome: storage.FailedNone, AskedAt: now.Add(-29 * day)},
				{SourceEvent: "$oldanswer", Outcome: storage.FailedAnswer, AskedAt: now.Add(-time.Hour)},
				{SourceEvent: "$newanswer", Outcome: storage.FailedAnswer, AskedAt: now.Add(-time.Minute)},
			} {
				f.UserID, f.RoomID, f.Question = "@a:t", "!r", "q"
				if err := g.Keep(ctx, f); err != nil {
					t.Fatal(err)
				}
			}
			p := storage.RetentionPolicy{FailedQuestions: 30 * day, Choices: 30 * time.Minute}
			if _, err := db.Retention(ctx, p, now, false); err != nil {
				t.Fatal(err)
			}
			exp, err := db.Privacy().Export(ctx, "@a:t")
			if err != nil {
				t.Fatal(err)
			}
			var left []string
			for _, row := range exp["failed_question"] {
				left = append(left, row["source_event"].(string))
			}
			slices.Sort(left)
			if want := []string{"$new", "$newanswer"}; !slices.Equal(left, want) {
				t.Fatalf("after retention %v, want %v", left, want)
			}
		})
	}
}

func TestFailedQuestionsExportAndErase(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			g := db.Gaps()
			now := time.UnixMilli(1_800_000_000_000)
			for _, u := range []string{"@a:t", "@a:t.uk"} {
				if err := g.Keep(ctx, storage.FailedQuestion{SourceEvent: "$" + u, UserID: u, RoomID: "!r", Question: "wo ist " + u,
					Outcome: storage.FailedNone, AskedAt: now}); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := g.OptOut(ctx, "@b:t", now); err != nil {
				t.Fatal(err)
			}
			exp, err := db.Privacy().Export(ctx, "@a:t")
			if err != nil {
				t.Fatal(err)
			}
			if rows := exp["failed_question"]; len(rows) != 1 || rows[0]["question"] != "wo ist @a:t" {
				t.Fatalf("export = %v", rows)
			}
			if exp, _ := db.Privacy().Export(ctx, "@b:t"); len(exp["question_optout"]) != 1 {
				t.Fatalf("opt-out not exported: %v", exp["question_optout"])
			}
			counts, err := db.Privacy().Erase(ctx, "@a:t", "", now)
			if err != nil {
				t.Fatal(err)
			}
			if counts["failed_question"] != 1 {
				t.Errorf("erased %d failed questions, want 1", counts["failed_question"])
			}
			if _, err := db.Privacy().Erase(ctx, "@b:t", "", now); err != nil {
				t.Fatal(err)
			}
			if out, _ := g.OptedOut(ctx, "@b:t"); out {
				t.Error("erasure kept the opt-out")
			}
			list, _ := g.List(ctx, time.Time{}, now.Add(time.Hour))
			if len(list) != 1 || list[0].Question != "wo ist @a:t.uk" {
				t.Fatalf("after erasure: %+v", list)
			}
		})
	}
}

func TestDigestClaim(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			g := db.Gaps()
			t0 := time.UnixMilli(1_800_000_000_000)
			// claim claims week's digest at (up to at).
			claim := func(week string, at time.Time) storage.DigestClaim {
				t.Helper()
				c, err := g.ClaimDigest(ctx, week, at, at)
				if err != nil {
					t.Fatal(err)
				}
				return c
			}
			c := claim("2027-W02", t0)
			if !c.From.Equal(time.UnixMilli(0)) || !c.To.Equal(t0) || c.Sent {
				t.Fatalf("first claim = %+v", c)
			}
			// Claimed again later (a restart before the send): the same window.
			if c2 := claim("2027-W02", t0.Add(time.Hour)); c2 != c {
				t.Fatalf("second claim = %+v, want %+v", c2, c)
			}
			if err := g.DigestSent(ctx, "2027-W02", 3, t0); err != nil {
				t.Fatal(err)
			}
			if c3 := claim("2027-W02", t0.Add(time.Hour)); !c3.Sent {
				t.Fatal("sent digest not reported as sent")
			}
			// The next week starts where this one ended.
			if next := claim("2027-W03", t0.Add(7*24*time.Hour)); !next.From.Equal(t0) || next.Sent {
				t.Fatalf("next week = %+v", next)
			}
		})
	}
}

// TestFailedQuestionsPerDayCap: one member gets at most MaxFailedPerDay
// listed questions kept per 24 hours (a 👎 counts too); others are not
// held back, and the next day counts anew.
func TestFailedQuestionsPerDayCap(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			g := db.Gaps()
			now := time.UnixMilli(1_800_000_000_000)
			keep := keeper(t, g)
			count := func(user string) int {
				t.Helper()
				exp, err := db.Privacy().Export(ctx, user)
				if err != nil {
					t.Fatal(err)
				}
				n := 0
				for _, row := range exp["failed_question"] {
					if row["outcome"] != storage.FailedAnswer {
						n++
					}
				}
				return n
			}
			// Flood: twice the cap within an hour, and one answer waiting for a 👎.
			for i := range 2 * storage.MaxFailedPerDay {
				keep(fmt.Sprintf("$flood%d", i), "@flood:t", storage.FailedNone, "", now.Add(time.Duration(i)*time.Minute))
			}
			keep("$answer", "@flood:t", storage.FailedAnswer, "$ans", now.Add(time.Hour))
			if err := g.ThumbsDown(ctx, "$ans", "@flood:t", now, now.Add(time.Hour)); err != nil {
				t.Fatal(err)
			}
			if n := count("@flood:t"); n != storage.MaxFailedPerDay {
				t.Fatalf("kept %d listed questions of one member in a day, want %d", n, storage.MaxFailedPerDay)
			}
			keep("$other", "@other:t", storage.FailedNone, "", now.Add(time.Hour))
			if n := count("@other:t"); n != 1 {
				t.Errorf("another member's question was held back: %d", n)
			}
			// A day later the member's questions are kept again.
			keep("$nextday", "@flood:t", storage.FailedChoose, "$p", now.Add(25*time.Hour))
			if n := count("@flood:t"); n != storage.MaxFailedPerDay+1 {
				t.Errorf("the next day's question was not kept: %d", n)
			}
		})
	}
}

// TestFailedQuestionsLatest: Latest reads only the most recent questions of
// a window, oldest first, and counts all of them, so that the weekly
// digest's memory is bounded however many members' questions were kept
// (know23 L3); outcomes the listing leaves out count neither.
func TestFailedQuestionsLatest(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			g := db.Gaps()
			now := time.UnixMilli(1_800_000_000_000)
			keep := keeper(t, g)
			for i := range 5 {
				keep(fmt.Sprintf("$q%d", i), fmt.Sprintf("@u%d:t", i), storage.FailedNone, "", now.Add(time.Duration(i)*time.Minute))
			}
			keep("$same", "@v:t", storage.FailedChoose, "$p", now.Add(4*time.Minute)) // the same time as $q4
			keep("$ans", "@w:t", storage.FailedAnswer, "$a", now.Add(5*time.Minute))
			keep("$late", "@x:t", storage.FailedNone, "", now.Add(time.Hour)) // after the window
			qs, total, err := g.Latest(ctx, now, now.Add(30*time.Minute), 3)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, q := range qs {
				got = append(got, q.SourceEvent)
			}
			if want := []string{"$q3", "$q4", "$same"}; !slices.Equal(got, want) || total != 6 {
				t.Fatalf("Latest = %v, %d; want %v, 6", got, total, want)
			}
			all, _ := g.List(ctx, now, now.Add(30*time.Minute))
			if len(all) != total || all[len(all)-1].SourceEvent != "$same" || all[len(all)-1].Question != qs[2].Question {
				t.Fatalf("List and Latest disagree: %+v", all)
			}
		})
	}
}

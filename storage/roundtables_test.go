package storage_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

func TestRoundTableLifecycle(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			q := db.RoundTables
			now := time.UnixMilli(1_790_000_000_000)
			start := now.Add(48 * time.Hour)
			in := &storage.RoundTable{Title: "Digitales", Start: start, Duration: 90 * time.Minute, Recurrence: "W1", Capacity: 2,
				Coordinator: "@c:hs", CoHosts: []string{"@h:hs"}, Rooms: []string{"!a:hs", "!b:hs"}, OriginEvent: "$cmd1", OriginRoom: "!dm:hs"}
			rt, created, err := q.Create(ctx, in, now)
			if err != nil || !created || rt.ID != 1 || rt.Status != storage.RoundTableDraft || !rt.Start.Equal(start) || len(rt.Rooms) != 2 || rt.Duration != 90*time.Minute {
				t.Fatalf("create: %+v %v %v", rt, created, err)
			}
			if again, created, err := q.Create(ctx, in, now); err != nil || created || again.ID != 1 {
				t.Fatalf("create again: %+v %v %v", again, created, err)
			}
			if err := q.SetPrompt(ctx, 1, "$prompt"); err != nil {
				t.Fatal(err)
			}
			if got, _ := q.ByPrompt(ctx, "$prompt"); got == nil || got.ID != 1 {
				t.Fatalf("by prompt: %+v", got)
			}
			ok, after, err := q.Announce(ctx, 1, "$yes", now)
			if err != nil || !ok || after.Status != storage.RoundTableAnnounced || after.LastEvent != "$yes" || after.Version != 2 {
				t.Fatalf("announce: %v %+v %v", ok, after, err)
			}
			if ok, _, _ := q.Announce(ctx, 1, "$yes2", now); ok {
				t.Fatal("announced twice")
			}
			if err := q.SetPost(ctx, 1, "!a:hs", "$post-a"); err != nil {
				t.Fatal(err)
			}
			if p, _ := q.PostByEvent(ctx, "$post-a"); p == nil || p.RoundTableID != 1 || p.RoomID != "!a:hs" {
				t.Fatalf("post by event: %+v", p)
			}
			// A deleted announcement is forgotten in its own room only, once (fix24a).
			if err := q.SetPost(ctx, 1, "!b:hs", "$post-b"); err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct {
				room, evt string
				want      bool
			}{{"!b:hs", "$post-a", false}, {"!b:hs", "$post-b", true}, {"!b:hs", "$post-b", false}} {
				if got, err := q.DeletePost(ctx, 1, c.room, c.evt); err != nil || got != c.want {
					t.Fatalf("delete post %s in %s: %v %v, want %v", c.evt, c.room, got, err, c.want)
				}
			}
			if p, _ := q.PostByEvent(ctx, "$post-b"); p != nil {
				t.Fatalf("deleted post still known: %+v", p)
			}
			if p, _ := q.PostByEvent(ctx, "$post-a"); p == nil {
				t.Fatal("the other room's post was forgotten")
			}
			// RSVPs: a reaction, a retry of it, a command, capacity, withdrawal by redaction.
			if ch, err := q.SetRSVP(ctx, storage.RSVP{RoundTableID: 1, UserID: "@m1:hs", Attending: true, ReactionEvent: "$r1", SourceEvent: "$r1", UpdatedAt: now}, 2); err != nil || !ch {
				t.Fatalf("rsvp: %v %v", ch, err)
			}
			if ch, err := q.SetRSVP(ctx, storage.RSVP{RoundTableID: 1, UserID: "@m1:hs", Attending: true, ReactionEvent: "$r1", SourceEvent: "$r1", UpdatedAt: now}, 2); err != nil || !ch {
				t.Fatalf("retry must report changed: %v %v", ch, err)
			}
			if ch, err := q.SetRSVP(ctx, storage.RSVP{RoundTableID: 1, UserID: "@m1:hs", Attending: true, SourceEvent: "$cmd", UpdatedAt: now}, 2); err != nil || ch {
				t.Fatalf("second yes must not change: %v %v", ch, err)
			}
			if _, err := q.SetRSVP(ctx, storage.RSVP{RoundTableID: 1, UserID: "@m2:hs", Attending: true, SourceEvent: "$c2", UpdatedAt: now}, 2); err != nil {
				t.Fatal(err)
			}
			if _, err := q.SetRSVP(ctx, storage.RSVP{RoundTableID: 1, UserID: "@m3:hs", Attending: true, SourceEvent: "$c3", UpdatedAt: now}, 2); !errors.Is(err, storage.ErrRoundTableFull) {
				t.Fatalf("capacity: %v", err)
			}
			r, _ := q.RSVPByReaction(ctx, "$r1")
			if r == nil || r.UserID != "@m1:hs" {
				t.Fatalf("by reaction: %+v", r)
			}
			if ch, err := q.SetRSVP(ctx, storage.RSVP{RoundTableID: 1, UserID: "@m1:hs", Attending: false, SourceEvent: "$redact", UpdatedAt: now}, 2); err != nil || !ch {
				t.Fatalf("withdraw: %v %v", ch, err)
			}
			if att, _ := q.Attendees(ctx, 1); len(att) != 1 || att[0].UserID != "@m2:hs" {
				t.Fatalf("attendees: %+v", att)
			}
			// Scheduled sends.
			if err := q.MarkSent(ctx, "1|@m2:hs|rem|x", 1, false, now); err != nil {
				t.Fatal(err)
			}
			if err := q.MarkSent(ctx, "1|@m2:hs|rem|x", 1, false, now); err != nil {
				t.Fatal(err)
			}
			// With the announcement's record (rt33).
			if keys, _ := q.SentKeys(ctx, 1); !keys["1|@m2:hs|rem|x"] || !keys["announce:1"] || len(keys) != 2 {
				t.Fatalf("sent keys: %v", keys)
			}
			// Meeting, reschedule, advance, cancel.
			if err := q.SetMeeting(ctx, 1, "m-1", 42); err != nil {
				t.Fatal(err)
			}
			ok, after, err = q.Reschedule(ctx, 1, start.Add(time.Hour), time.Hour, "$move", now, nil)
			if err != nil || !ok || after.Sequence != 1 || after.MeetingID != "" || !after.Start.Equal(start.Add(time.Hour)) || after.Duration != time.Hour {
				t.Fatalf("reschedule: %v %+v %v", ok, after, err)
			}
			next := after.Start.Add(7 * 24 * time.Hour)
			if ok, err := q.Advance(ctx, 1, after.Start, next, now); err != nil || !ok {
				t.Fatalf("advance: %v %v", ok, err)
			}
			if ok, _ := q.Advance(ctx, 1, after.Start, next, now); ok {
				t.Fatal("advanced twice")
			}
			if err := q.AddSeen(ctx, 1, next, []string{"Mia", "Mia", "Ben"}); err != nil {
				t.Fatal(err)
			}
			if seen, _ := q.Seen(ctx, 1, next); len(seen) != 2 {
				t.Fatalf("seen: %v", seen)
			}
			if list, _ := q.WithStatus(ctx, storage.RoundTableAnnounced, 10); len(list) != 1 || !list[0].Start.Equal(next) {
				t.Fatalf("upcoming: %+v", list)
			}
			ok, after, err = q.Cancel(ctx, 1, "$cancel", now, nil)
			if err != nil || !ok || after.Status != storage.RoundTableCancelled || after.Sequence != 2 {
				t.Fatalf("cancel: %v %+v %v", ok, after, err)
			}
			// Direct chats.
			dm := db.DirectRooms
			tok, err := dm.Begin(ctx, "@m1:hs", "tok-a", now)
			if err != nil || tok != "tok-a" {
				t.Fatalf("begin: %q %v", tok, err)
			}
			if tok, _ := dm.Begin(ctx, "@m1:hs", "tok-b", now); tok != "tok-a" {
				t.Fatalf("second begin changed the token: %q", tok)
			}
			if err := dm.Finish(ctx, "@m1:hs", "!dm1:hs"); err != nil {
				t.Fatal(err)
			}
			if room, tok, _ := dm.Get(ctx, "@m1:hs"); room != "!dm1:hs" || tok != "tok-a" {
				t.Fatalf("get: %q %q", room, tok)
			}
		})
	}
}

// TestRSVPCapacityConcurrent: many members say yes at the same moment to a
// round table with few places; no more than its capacity get one. The
// count and the insert run in one transaction, and on PostgreSQL (READ
// COMMITTED) two of them both counted a free place before either inserted
// (sec20 review, Low 14).
func TestRSVPCapacityConcurrent(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			q := db.RoundTables
			now := time.UnixMilli(1_790_000_000_000)
			const capacity, members = 2, 16
			rt, _, err := q.Create(ctx, &storage.RoundTable{Title: "Voll", Start: now.Add(48 * time.Hour), Duration: time.Hour, Capacity: capacity,
				Coordinator: "@c:hs", Rooms: []string{"!a:hs"}, OriginEvent: "$cmd-full", OriginRoom: "!dm:hs"}, now)
			if err != nil {
				t.Fatal(err)
			}
			start := make(chan struct{})
			errs := make(chan error, members)
			var wg sync.WaitGroup
			for i := range members {
				wg.Go(func() {
					<-start
					_, err := q.SetRSVP(ctx, storage.RSVP{RoundTableID: rt.ID, UserID: fmt.Sprintf("@m%d:hs", i), Attending: true,
						SourceEvent: fmt.Sprintf("$c%d", i), UpdatedAt: now}, capacity)
					if err != nil && !errors.Is(err, storage.ErrRoundTableFull) {
						errs <- err
					}
				})
			}
			close(start)
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Error(err)
			}
			if att, _ := q.Attendees(ctx, rt.ID); len(att) != capacity {
				t.Errorf("%d attendees for %d places: %+v", len(att), capacity, att)
			}
		})
	}
}

// TestRSVPCapacityWaitsForOpenYes: on PostgreSQL, a yes whose transaction
// has inserted but not yet committed holds the round table's last place:
// a second yes waits for it and then finds the round table full, instead
// of counting the committed rows only and taking a place that is gone
// (sec20 review, Low 14). SQLite writes one transaction at a time
// (_txlock=immediate); TestRSVPCapacityConcurrent covers both.
func TestRSVPCapacityWaitsForOpenYes(t *testing.T) {
	db, ok := openTestDBs(t)["postgres"]
	if !ok {
		t.Skip("set LOTSE_TEST_POSTGRES (uri=$(bash .ci/postgres.sh /tmp/pg 55444)) to test PostgreSQL; CI sets it")
	}
	ctx := context.Background()
	q := db.RoundTables
	now := time.UnixMilli(1_790_000_000_000)
	rt, _, err := q.Create(ctx, &storage.RoundTable{Title: "Ein Platz", Start: now.Add(48 * time.Hour), Duration: time.Hour, Capacity: 1,
		Coordinator: "@c:hs", Rooms: []string{"!a:hs"}, OriginEvent: "$cmd-one", OriginRoom: "!dm:hs"}, now)
	if err != nil {
		t.Fatal(err)
	}
	err = whileHolding(t, db, "roundtable", func(ctx context.Context) error {
		_, err := q.SetRSVP(ctx, storage.RSVP{RoundTableID: rt.ID, UserID: "@m1:hs", Attending: true, SourceEvent: "$c1", UpdatedAt: now}, 1)
		return err
	}, func() error {
		_, err := q.SetRSVP(context.Background(), storage.RSVP{RoundTableID: rt.ID, UserID: "@m2:hs", Attending: true, SourceEvent: "$c2", UpdatedAt: now}, 1)
		return err
	})
	if !errors.Is(err, storage.ErrRoundTableFull) {
		t.Errorf("second yes: %v, want the round table full", err)
	}
	if att, _ := q.Attendees(ctx, rt.ID); len(att) != 1 {
		t.Errorf("%d attendees for 1 place: %+v", len(att), att)
	}
}

// TestCountSentByPrefix: CountSent counts one person's keys only ("_" in
// a Matrix ID is no wildcard) and only those after since.
func TestCountSentByPrefix(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			q := db.RoundTables
			now := time.UnixMilli(1_790_000_000_000)
			for i, k := range []string{"1|@a_b:hs|react-dm|$1", "1|@a_b:hs|react-dm|$2", "1|@axb:hs|react-dm|$3", "1|@a_b:hs|reminder|5", "2|@a_b:hs|react-dm|$4"} {
				if err := q.MarkSent(ctx, k, int64(k[0]-'0'), false, now.Add(time.Duration(i)*time.Minute)); err != nil {
					t.Fatal(err)
				}
			}
			for _, c := range []struct {
				since time.Time
				want  int
			}{{now.Add(-time.Hour), 2}, {now, 1}, {now.Add(time.Minute), 0}} {
				if n, err := q.CountSent(ctx, 1, "1|@a_b:hs|react-dm|", c.since); err != nil || n != c.want {
					t.Errorf("since %v: %d, %v; want %d", c.since, n, err, c.want)
				}
			}
		})
	}
}

// TestRunningSeriesRetention: the attendance names and sent-reminder
// records of a series' past dates go after the retention period, though
// the series (announced) runs on; a skipped next date stays.
func TestRunningSeriesRetention(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			q := db.RoundTables
			day0 := time.Date(2026, 1, 1, 19, 0, 0, 0, time.UTC)
			now := day0.Add(200 * 24 * time.Hour)
			rt, _, err := q.Create(ctx, &storage.RoundTable{Title: "Reihe", Start: now.Add(24 * time.Hour), Duration: time.Hour, Recurrence: "W1",
				Coordinator: "@c:hs", Rooms: []string{"!a:hs"}, OriginEvent: "$o"}, day0)
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := q.Announce(ctx, rt.ID, "$yes", day0); err != nil {
				t.Fatal(err)
			}
			_ = q.AddSeen(ctx, rt.ID, day0, []string{"Mia Alt"})
			_ = q.AddSeen(ctx, rt.ID, now.Add(-7*24*time.Hour), []string{"Mia Neu"})
			_ = q.MarkSent(ctx, "1|@m:hs|reminder|old", rt.ID, false, day0)
			_ = q.MarkSent(ctx, "1|@m:hs|reminder|new", rt.ID, false, now.Add(-time.Hour))
			_ = q.MarkSent(ctx, "1|@m:hs|reminder|skip", rt.ID, true, day0)
			if _, err := db.Retention(ctx, storage.RetentionPolicy{Cases: 90 * 24 * time.Hour}, now, false); err != nil {
				t.Fatal(err)
			}
			if old, _ := q.Seen(ctx, rt.ID, day0); len(old) != 0 {
				t.Errorf("names of a date 200 days ago kept: %v", old)
			}
			if recent, _ := q.Seen(ctx, rt.ID, now.Add(-7*24*time.Hour)); len(recent) != 1 {
				t.Errorf("names of last week deleted: %v", recent)
			}
			keys, _ := q.SentKeys(ctx, rt.ID)
			if keys["1|@m:hs|reminder|old"] || !keys["1|@m:hs|reminder|new"] || !keys["1|@m:hs|reminder|skip"] {
				t.Errorf("sent keys after retention: %v", keys)
			}
			if got, _ := q.Get(ctx, rt.ID); got == nil {
				t.Error("the running series was deleted")
			}
		})
	}
}

// TestRoundTableSentOutlivesItsDate (mend24b, Low): the record of a
// reminder sent is kept at least until its round table has ended, also
// when support_retention is shorter than the reminder's lead. With a
// reminder a week before and support_retention of seven days, the record
// went once the date had begun, and the tick sent the reminder again
// during the meeting.
func TestRoundTableSentOutlivesItsDate(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			q := db.RoundTables
			now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
			rt, _, err := q.Create(ctx, &storage.RoundTable{Title: "Reihe", Start: now.Add(-time.Hour), Duration: 2 * time.Hour, Recurrence: "W1",
				Coordinator: "@c:hs", Rooms: []string{"!a:hs"}, OriginEvent: "$o"}, now.Add(-30*24*time.Hour))
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := q.Announce(ctx, rt.ID, "$yes", now.Add(-30*24*time.Hour)); err != nil {
				t.Fatal(err)
			}
			week := 7 * 24 * time.Hour
			// The meeting runs (since an hour); its reminder a week before
			// is still needed: without it, the tick sends it now.
			_ = q.MarkSent(ctx, "1|@m:hs|reminder|week", rt.ID, false, now.Add(-week-time.Hour))
			_ = q.MarkSent(ctx, "1|@m:hs|reminder|last", rt.ID, false, now.Add(-week-9*24*time.Hour)) // a date long past
			policy := storage.RetentionPolicy{Cases: week, RoundTableLead: week}
			if _, err := db.Retention(ctx, policy, now, false); err != nil {
				t.Fatal(err)
			}
			keys, _ := q.SentKeys(ctx, rt.ID)
			if !keys["1|@m:hs|reminder|week"] {
				t.Errorf("the week's reminder of a date still ahead was forgotten (it would be sent again): %v", keys)
			}
			if keys["1|@m:hs|reminder|last"] {
				t.Errorf("a record of a date long past kept: %v", keys)
			}
		})
	}
}

// TestRoundTableSeenExportAndErasure (rt25, Low, privacy): who was in a
// round table's meeting was kept as the name BigBlueButton showed, tied to
// no Matrix ID, so neither the export nor the erasure of that person found
// it. Now the rows hold the member's Matrix ID: the export shows theirs,
// the erasure deletes theirs and nobody else's.
func TestRoundTableSeenExportAndErasure(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			q := db.RoundTables
			now := time.UnixMilli(1_790_000_000_000)
			rt, _, err := q.Create(ctx, &storage.RoundTable{Title: "Treffen", Start: now, Duration: time.Hour,
				Coordinator: "@c:hs", Rooms: []string{"!a:hs"}, OriginEvent: "$o"}, now)
			if err != nil {
				t.Fatal(err)
			}
			if err := q.AddSeen(ctx, rt.ID, now, []string{"@m:hs", "@other:hs", "guest:w_1"}); err != nil {
				t.Fatal(err)
			}
			export, err := db.Privacy().Export(ctx, "@m:hs")
			if err != nil {
				t.Fatal(err)
			}
			if rows := export["roundtable_seen"]; len(rows) != 1 {
				t.Errorf("export lists %d attendance rows, want 1: %v", len(rows), rows)
			}
			if _, err := db.Privacy().Erase(ctx, "@m:hs", "", now); err != nil {
				t.Fatal(err)
			}
			seen, err := q.Seen(ctx, rt.ID, now)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(seen) != "[@other:hs guest:w_1]" {
				t.Errorf("after the erasure of @m:hs the attendance is %v", seen)
			}
		})
	}
}

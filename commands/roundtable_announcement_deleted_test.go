package commands

import (
	"context"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// TestRoundTableAnnouncementDeleted (fix24a, Low): a moderator who deleted
// Lotse's announcement in an announcement room was not noticed: the round
// table stayed announced there, a ✅ under the deleted event still counted,
// and a change of date edited the deleted event. Now the coordinator is
// told once in their direct chat, the deleted announcement is forgotten (no
// edits, its ✅ no longer counts) and the round table stays. A redaction the
// homeserver did not apply (a member without the power to redact), or one
// sent in another room, changes nothing.
func TestRoundTableAnnouncementDeleted(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	post := e.announce(t, "!rundertisch Blockade am 3.12. um 19 Uhr")
	mod := id.UserID("@mod:test")
	late := id.UserID("@late:test")
	e.fm.joined[annRoom1][mod] = true
	e.fm.joined[annRoom1][late] = true
	e.react(t, annRoom1, mem1, post, "✅")

	// A member without power: the homeserver accepts the redaction event
	// but does not apply it — the announcement is still served whole.
	if got := e.redact(t, annRoom1, mem1, post); len(got) != 0 {
		t.Fatalf("a redaction that was not applied was acted on: %s", bodies(got))
	}
	// The announcement is gone on the homeserver; a redaction naming it from
	// another room counts for nothing.
	e.fm.mu.Lock()
	e.fm.events[post].Content = event.Content{Parsed: &event.MessageEventContent{}}
	e.fm.events[post].Unsigned.RedactedBecause = &event.Event{Sender: mod}
	e.fm.mu.Unlock()
	if got := e.redact(t, annRoom2, mem2, post); len(got) != 0 {
		t.Fatalf("a redaction from another room was acted on: %s", bodies(got))
	}

	// A redaction inside an encrypted event was checked by no server.
	hidden := &event.Event{ID: "$hidden-redaction", RoomID: annRoom1, Sender: mem1, Type: event.EventRedaction,
		Redacts: post, Content: event.Content{Parsed: &event.RedactionEventContent{Redacts: post}}}
	hidden.Mautrix.WasEncrypted = true
	if got, err := e.handleErr(hidden); err != nil || len(got) != 0 {
		t.Fatalf("an encrypted redaction was acted on: %s %v", bodies(got), err)
	}

	// The moderator deletes it in its room: the coordinator is told, once.
	redaction := &event.Event{ID: "$mod-redaction", RoomID: annRoom1, Sender: mod, Type: event.EventRedaction,
		Redacts: post, Content: event.Content{Parsed: &event.RedactionEventContent{Redacts: post}}}
	got, err := e.handleErr(redaction)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].room != dmOf(coord) {
		t.Fatalf("want one message to the coordinator, got %s", bodies(got))
	}
	mustContain(t, got, "gelöscht", "#1", "„Blockade“", "bleibt bestehen", "!absagen 1")
	if b := got[0].content.Body; strings.Contains(b, string(annRoom1)) || strings.Contains(b, string(mod)) {
		t.Errorf("internal IDs in the coordinator's message: %s", b)
	}
	if got, _ := e.handleErr(redaction); len(got) != 0 {
		t.Errorf("the retried redaction told again: %s", bodies(got))
	}
	if got := e.redact(t, annRoom1, mod, post); len(got) != 0 {
		t.Errorf("a second redaction told again: %s", bodies(got))
	}

	// A ✅ under the deleted announcement no longer counts.
	if got := e.react(t, annRoom1, late, post, "✅"); len(got) != 0 {
		t.Errorf("a ✅ under the deleted announcement was answered: %s", bodies(got))
	}
	// The round table stays: a change of date reaches the attendee and the
	// other room's announcement, and no edit goes to the deleted one.
	got = e.sayDirect(t, dmOf(coord), coord, "!verschieben 1 4.12. um 19 Uhr")
	mustContain(t, in(got, dmOf(mem1)), "verschoben")
	var edits int
	for _, m := range got {
		if m.content.RelatesTo != nil && m.content.RelatesTo.Type == event.RelReplace {
			if m.content.RelatesTo.EventID == post {
				t.Errorf("the deleted announcement was edited: %s", m.content.Body)
			}
			edits++
		}
	}
	if edits != 1 {
		t.Errorf("%d announcements edited, want the other room's one", edits)
	}
}

// TestRoundTableOwedLinkHoldsBackNoReminder (fix24a, Low): a link owed to
// one attendee (their reminder went out while BigBlueButton failed) whose
// direct chat fails for now returned from the tick before the reminders:
// someone who joined late got no reminder and no link for as long as the
// other one's direct chat failed. Now the owed links' errors are reported
// with the reminders', and the reminders still go out.
func TestRoundTableOwedLinkHoldsBackNoReminder(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	post := e.announce(t, "!rundertisch Blockade am 3.12. um 19 Uhr")
	late := id.UserID("@late:test")
	e.fm.joined[annRoom1][late] = true
	e.react(t, annRoom1, mem1, post, "✅")
	e.tick(t, time.Date(2026, 12, 2, 19, 0, 0, 0, berlin))

	e.fake.FailNext(1_000_000, 503) // 15 minutes before: BBB fails
	at := time.Date(2026, 12, 3, 18, 45, 0, 0, berlin)
	e.now = at
	_ = e.h.TickRoundTables(context.Background(), at)
	e.fake.FailNext(0, 0)

	e.now = at.Add(time.Minute)
	e.react(t, annRoom1, late, post, "✅") // joins after the last reminder
	fm := &mixedMatrix{refusingMatrix: refusingMatrix{fakeMatrix: e.fm, tries: map[id.UserID]int{}},
		flaky: map[id.UserID]bool{mem1: true}}
	e.reconfigure(func(d *Deps) { d.Matrix = fm })
	e.now = at.Add(2 * time.Minute)
	before := e.fm.count()
	if err := e.h.TickRoundTables(context.Background(), e.now); err == nil {
		t.Error("the failed owed link was not reported (it would not be tried again)")
	}
	e.fm.mu.Lock()
	got := append([]sentMsg(nil), e.fm.sent[before:]...)
	e.fm.mu.Unlock()
	mustContain(t, in(got, dmOf(late)), "Erinnerung", "Zugangslink")
}

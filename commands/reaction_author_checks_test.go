package commands

import (
	"context"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/id"
)

// TestCaseRatingOnlyByItsMember: the rating question of a resolved case is
// in the member's direct chat, where another person may be (a chat the
// member shared, support_shared_chat_test.go). Their 👍 or 👎 on it rates
// nothing: no rating stored, nothing in the team room, no thanks. Only the
// member's own counts. Without the member check in support's rate, the
// other person's 👎 was the case's rating, and no test noticed (mut35).
func TestCaseRatingOnlyByItsMember(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	e.say(t, teamRoom, alice, "!übernehmen 1", "")
	sent := e.say(t, teamRoom, alice, "!erledigt 1 Formular geschickt", "")
	dm := in(sent, dmRoom)
	mustContain(t, dm, "als erledigt markiert", "👍")
	rating := id.EventID("$" + dm[0].txn)
	if sent := e.react(t, dmRoom, outsider, rating, "👎"); len(sent) != 0 {
		t.Fatalf("another person's 👎 on the rating question sent: %s", bodies(sent))
	}
	if c, err := e.db.Cases.Get(context.Background(), 1); err != nil || c == nil || c.Rating != 0 {
		t.Fatalf("case after another person's 👎: %+v (err %v), want no rating", c, err)
	}
	// The member's own rating still counts.
	mustContain(t, in(e.react(t, dmRoom, member, rating, "👍"), teamRoom), "Bewertung für Fall #1: 👍")
}

// TestDraftConfirmedOnlyByCoordinator: a coordinator plans a round table in
// a group room; the preview's ✅ is there for anyone to press. A member's
// ✅ announces nothing (silently: a reaction gets no refusal); the
// coordinator's own announces it. Without the coordinator role on the
// preview's target, the member's ✅ announced the draft in every
// announcement room, and no test noticed (mut35).
func TestDraftConfirmedOnlyByCoordinator(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	sent := e.say(t, annRoom1, coord, "!rundertisch Probe am 10.12. um 19 Uhr", "")
	if len(sent) == 0 || !strings.Contains(sent[0].content.Body, "Vorschau") {
		t.Fatalf("no preview: %s", bodies(sent))
	}
	prompt := id.EventID("$" + sent[0].txn)
	if got := e.react(t, annRoom1, mem1, prompt, "✅"); len(in(got, annRoom1))+len(in(got, annRoom2)) != 0 {
		t.Fatalf("a member's ✅ on the preview announced: %s%s", bodies(in(got, annRoom1)), bodies(in(got, annRoom2)))
	}
	got := e.react(t, annRoom1, coord, prompt, "✅")
	if len(in(got, annRoom2)) == 0 {
		t.Fatalf("the coordinator's ✅ announced nothing: %s", bodies(got))
	}
}

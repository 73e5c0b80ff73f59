package commands

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/commands/learn"
	"github.com/lotse-bot/lotse/storage"
)

// TestLearnBounds (loop28): one team member teaches at most
// learn.MaxTaughtPerDay questions in 24 hours — one account, perhaps taken
// over, cannot steer many members' questions to other guides in an
// evening —, another team member still can, and nobody teaches once Lotse
// holds learn.MaxLearned (each !lehren's guard judges every one of them).
// Both are refused before the guard runs, in the case's thread, in words.
// Without the bounds the 21st !lehren of one account was learned.
func TestLearnBounds(t *testing.T) {
	e, store := learnEnv(t)
	ctx := context.Background()
	e.caseFor(t, 1, unknownWords)
	num := guideNumber(store, roomGuide)
	add := func(n int, by string, at time.Time, tag string) {
		t.Helper()
		for i := range n {
			q := fmt.Sprintf("Frage %s Nummer %d zum Konferenzraum", tag, i)
			if _, _, err := e.db.Learned().Add(ctx, storage.LearnedQuestion{GuideID: roomGuide, Question: q, Norm: strings.ToLower(q),
				CaseID: 1, TaughtBy: by, TaughtAt: at}, fmt.Sprintf("$%s%d", tag, i)); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Alice taught the most a day allows, the first of them a day ago.
	add(1, alice.String(), e.now.Add(-24*time.Hour), "gestern")
	add(learn.MaxTaughtPerDay-1, alice.String(), e.now.Add(-time.Hour), "heute")
	sent := in(e.say(t, teamRoom, alice, "!lehren #1 "+num+" | "+otherWords, ""), teamRoom)
	mustContain(t, sent, "Nicht gelernt", fmt.Sprintf("in den letzten 24 Stunden schon %d Fragen", learn.MaxTaughtPerDay))
	if l, _ := e.db.Learned().ByNorm(ctx, strings.ToLower(otherWords)); l != nil {
		t.Fatalf("learned over the daily bound: %+v", l)
	}
	// A minute later the oldest is over a day old: Alice may again.
	e.now = e.now.Add(time.Minute)
	mustContain(t, in(e.say(t, teamRoom, alice, "!lehren #1 "+num+" | "+otherWords, ""), teamRoom), "Gelernt")
	// Bob may.
	mustContain(t, in(e.say(t, teamRoom, bob, "!lehren #1 "+num+" | Die Ortsgruppe sucht einen Raum für Videokonferenzen", ""), teamRoom), "Gelernt")

	// Full: nobody teaches.
	n, _ := e.db.Learned().Count(ctx)
	add(learn.MaxLearned-n, "@jemand:example.org", e.now.Add(-30*24*time.Hour), "alt")
	sent = in(e.say(t, teamRoom, bob, "!lehren #1 "+num+" | Wo bekommt meine Ortsgruppe eine Videokonferenz her?", ""), teamRoom)
	mustContain(t, sent, "Nicht gelernt", fmt.Sprintf("schon %d Fragen aus Fällen gelernt", learn.MaxLearned), "!vergessen")
	if n, _ := e.db.Learned().Count(ctx); n != learn.MaxLearned {
		t.Fatalf("%d learned, want %d", n, learn.MaxLearned)
	}
}

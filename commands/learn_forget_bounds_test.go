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
	// Alice taught the most a day allows, the first of them a day ago.
	e.addLearned(t, 1, roomGuide, alice.String(), "gestern", e.now.Add(-24*time.Hour))
	e.addLearned(t, learn.MaxTaughtPerDay-1, roomGuide, alice.String(), "heute", e.now.Add(-time.Hour))
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
	e.addLearned(t, learn.MaxLearned-n, roomGuide, "@jemand:example.org", "alt", e.now.Add(-30*24*time.Hour))
	sent = in(e.say(t, teamRoom, bob, "!lehren #1 "+num+" | Wo bekommt meine Ortsgruppe eine Videokonferenz her?", ""), teamRoom)
	mustContain(t, sent, "Nicht gelernt", fmt.Sprintf("schon %d Fragen aus Fällen gelernt", learn.MaxLearned), "!vergessen")
	if n, _ := e.db.Learned().Count(ctx); n != learn.MaxLearned {
		t.Fatalf("%d learned, want %d", n, learn.MaxLearned)
	}
}

// addLearned stores n learned questions for guideID directly (the library
// in use takes them at its next load).
func (e *supportEnv) addLearned(t *testing.T, n int, guideID, by, tag string, at time.Time) {
	t.Helper()
	for i := range n {
		q := fmt.Sprintf("Frage %s Nummer %d zum Konferenzraum", tag, i)
		if _, _, err := e.db.Learned().Add(context.Background(), storage.LearnedQuestion{GuideID: guideID, Question: q, Norm: strings.ToLower(q),
			CaseID: 1, TaughtBy: by, TaughtAt: at}, fmt.Sprintf("$%s%d", tag, i)); err != nil {
			t.Fatal(err)
		}
	}
}

// TestLearnForgetSeveral (loop28): after a taken-over account taught, the
// coordinator forgets its questions in one !vergessen (numbers separated by
// spaces or commas), and the answer names each one forgotten and what was
// not found; one command forgets at most a day's teaching of one account.
// Before, !vergessen read only its first number.
func TestLearnForgetSeveral(t *testing.T) {
	e, _ := learnEnv(t)
	ctx := context.Background()
	e.caseFor(t, 1, unknownWords)
	e.addLearned(t, 3, roomGuide, "@geklaut:example.org", "a", e.now)
	sent := in(e.say(t, teamRoom, alice, "!vergessen 1, 2 3 99 x*y", ""), teamRoom)
	mustContain(t, sent, "Vergessen (3 Fragen)", "Nr. 1 „Frage a Nummer 0", "Nr. 3 „Frage a Nummer 2", "Nicht gefunden", "x*y, 99")
	if n, _ := e.db.Learned().Count(ctx); n != 0 {
		t.Fatalf("%d learned questions left", n)
	}
	// One number: the short answer as before.
	e.addLearned(t, 1, roomGuide, "@geklaut:example.org", "b", e.now)
	mustContain(t, in(e.say(t, teamRoom, alice, "!vergessen 4", ""), teamRoom), "Vergessen: Nr. 4 „Frage b Nummer 0")
	// At most a day's teaching at once.
	e.addLearned(t, learn.MaxTaughtPerDay+2, roomGuide, "@geklaut:example.org", "c", e.now)
	var nums []string
	for i := 5; i < 5+learn.MaxTaughtPerDay+2; i++ {
		nums = append(nums, fmt.Sprint(i))
	}
	sent = in(e.say(t, teamRoom, alice, "!vergessen "+strings.Join(nums, " "), ""), teamRoom)
	mustContain(t, sent, fmt.Sprintf("Vergessen (%d Fragen)", learn.MaxTaughtPerDay), fmt.Sprintf("Höchstens %d Nummern", learn.MaxTaughtPerDay))
	if n, _ := e.db.Learned().Count(ctx); n != 2 {
		t.Fatalf("%d learned questions left, want 2", n)
	}
}

// TestLearnGuideGone (loop28): a question learned for a guide that was
// deleted or renamed counts for nothing; !gelernt says so, and teaching it
// to the guide's new name says that the old one must be forgotten first
// (before, the refusal named the old file as if it still answered).
func TestLearnGuideGone(t *testing.T) {
	e, store := learnEnv(t)
	e.caseFor(t, 1, unknownWords)
	num := guideNumber(store, roomGuide)
	e.addLearned(t, 1, "bbb/alter-name.md", alice.String(), "weg", e.now)
	mustContain(t, in(e.say(t, teamRoom, alice, "!gelernt", ""), teamRoom), "Frage weg Nummer 0", "diese Anleitung gibt es nicht mehr", "erst !vergessen 1")
	q := "Frage weg Nummer 0 zum Konferenzraum"
	mustContain(t, in(e.say(t, teamRoom, alice, "!lehren #1 "+num+" | "+q, ""), teamRoom),
		"Anleitung, die es nicht mehr gibt („bbb/alter-name.md“)", "Vergiss sie mit !vergessen 1")
	mustContain(t, in(e.say(t, teamRoom, alice, "!vergessen 1", ""), teamRoom), "Vergessen: Nr. 1")
	mustContain(t, in(e.say(t, teamRoom, alice, "!lehren #1 "+num+" | "+q, ""), teamRoom), "Gelernt")
}

package commands

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/answer"
	"github.com/lotse-bot/lotse/commands/learn"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
	"github.com/lotse-bot/lotse/storage"
)

// learnEnv is a support environment whose guides come from a store that
// takes learned questions.
func learnEnv(t *testing.T) (*supportEnv, *guides.Store) {
	t.Helper()
	e := newSupportEnv(t)
	store, err := guides.NewStore(filepath.Join("testdata", "library"), zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	e.reconfigure(func(d *Deps) {
		d.Guides = store
		d.Learn = Learn{Library: store}
	})
	return e, store
}

// caseFor opens and resolves a case with the member's question and returns
// its thread root and what resolving sent to the team room.
func (e *supportEnv) caseFor(t *testing.T, n int, question string) (id.EventID, []sentMsg) {
	t.Helper()
	sent := e.say(t, dmRoom, member, question, "")
	mustContain(t, in(sent, dmRoom), "keine passende Anleitung", "Supportfall")
	sent = e.say(t, dmRoom, member, "ja", "")
	team := in(sent, teamRoom)
	if len(team) == 0 {
		t.Fatal("no case message")
	}
	root := id.EventID("$" + team[0].txn)
	sent = e.say(t, teamRoom, alice, fmt.Sprintf("!erledigt %d Raum beantragt", n), "")
	return root, in(sent, teamRoom)
}

// guideNumber is the guide's number as !anleitungen shows it to the team.
func guideNumber(store *guides.Store, guideID string) string {
	for i, tp := range store.Current().Topics() {
		for j, g := range tp.Guides {
			if g.ID == guideID {
				return fmt.Sprintf("%d.%d", i+1, j+1)
			}
		}
	}
	return ""
}

const (
	unknownWords = "Die Ortsgruppe braucht einen Treffpunkt im Netz"
	otherWords   = "Wir brauchen für die Ortsgruppe einen Treffpunkt im Internet"
	roomGuide    = "bbb/raum-fuer-ag-beantragen.md"
)

// TestLearnFromCase: resolving a case asks in its thread whether a guide
// fits; a team member's reply with the guide's number teaches it; another
// member asking in other words then gets that guide; !gelernt lists it,
// !vergessen takes it out of the search again.
func TestLearnFromCase(t *testing.T) {
	e, store := learnEnv(t)
	if d := answer.Decide(otherWords, store.Current(), answer.Options{}); d.Outcome != answer.None {
		t.Fatalf("precondition: %q already gets %s %v", otherWords, d.Outcome, d.Guides())
	}
	root, team := e.caseFor(t, 1, unknownWords+" mail an mia@example.org oder +49 170 1234567")
	mustContain(t, team, "Passt eine Anleitung zu dieser Frage?", unknownWords+" mail an [E-Mail] oder [Telefonnummer]", "E-Mail-Adresse, Telefonnummer", "!lehren #1")
	prompt := team[len(team)-1]
	if prompt.content.RelatesTo == nil || prompt.content.RelatesTo.GetThreadParent() != root {
		t.Fatalf("prompt not in the case thread: %+v", prompt.content.RelatesTo)
	}
	if strings.Contains(bodies(team), "mia@example.org") || strings.Contains(bodies(team), "1234567") {
		t.Fatal("personal data in the prompt")
	}

	num := guideNumber(store, roomGuide)
	// A note that is no guide stays a note.
	if sent := e.say(t, teamRoom, alice, "hab ihr den Link geschickt", root); len(sent) != 0 {
		t.Fatalf("a note got an answer: %s", bodies(sent))
	}
	// The member's text with the personal data replaced is learned (the
	// override keeps this test about vocabulary, not about the placeholders).
	sent := e.say(t, teamRoom, bob, num+" | "+unknownWords, root)
	mustContain(t, in(sent, teamRoom), "Gelernt", "Nr. 1", "Konferenzraum", "jetzt mit der Anleitung", "!vergessen 1")
	// Refusals and confirmations go to the case thread, also for a command
	// written outside of it.
	out := in(e.say(t, teamRoom, alice, "!lehren #1 gibt es nicht", ""), teamRoom)
	if len(out) != 1 || out[0].content.RelatesTo.GetThreadParent() != root {
		t.Fatalf("answer not in the case thread: %s %+v", bodies(out), out)
	}
	list, _ := e.db.Learned().List(context.Background())
	if len(list) != 1 || list[0].GuideID != roomGuide || list[0].TaughtBy != bob.String() || list[0].CaseID != 1 {
		t.Fatalf("stored: %+v", list)
	}

	// Another member, other words: the taught guide.
	d := answer.Decide(otherWords, store.Current(), answer.Options{})
	if d.Outcome != answer.Answer || d.Guides()[0] != roomGuide {
		t.Fatalf("after teaching %q gets %s %v", otherWords, d.Outcome, d.Guides())
	}

	// Duplicate, out of scope, open case, team-only guide: refused.
	mustContain(t, in(e.say(t, teamRoom, alice, "!lehren #1 "+num+" | "+strings.ToUpper(unknownWords)+"!", ""), teamRoom), "schon gelernt (Nr. 1")
	mustContain(t, in(e.say(t, teamRoom, alice, "!lehren #1 "+num+" | Ich möchte mit einem Menschen sprechen", ""), teamRoom), "lernt Lotse nicht", "Bitte um einen Menschen")
	mustContain(t, in(e.say(t, teamRoom, alice, "!lehren #1 gibt es nicht", ""), teamRoom), "Keine Anleitung „gibt es nicht“")
	mustContain(t, in(e.say(t, teamRoom, alice, "!lehren #1 team/verpflichtungserklaerung-und-schulung | Wo unterschreibe ich die Erklärung fürs Team?", ""), teamRoom), "nur fürs Team")
	mustContain(t, in(e.say(t, teamRoom, alice, "!lehren #9 "+num, ""), teamRoom), "Einen Fall „#9“ gibt es nicht")

	// Only the team, only in the team room.
	sent = e.say(t, dmRoom, member, "!gelernt", "")
	if strings.Contains(bodies(sent), unknownWords) {
		t.Fatal("a member saw the learned questions")
	}
	mustContain(t, in(e.say(t, teamRoom, alice, "!gelernt", ""), teamRoom), "Gelernte Fragen (1)", "1 „Die Ortsgruppe", "Bob")

	mustContain(t, in(e.say(t, teamRoom, alice, "!vergessen 1", ""), teamRoom), "Vergessen: Nr. 1")
	if d := answer.Decide(otherWords, store.Current(), answer.Options{}); contains(d.Guides(), roomGuide) {
		t.Fatalf("still found after forgetting: %s %v", d.Outcome, d.Guides())
	}
	mustContain(t, in(e.say(t, teamRoom, alice, "!vergessen 1", ""), teamRoom), "gibt es nicht")
}

// TestLearnBuildsOnce: a successful !lehren builds one search index, the
// library with the new question that the guard judged, and the store uses
// it (not a second build of the same); the files' library stays without it.
func TestLearnBuildsOnce(t *testing.T) {
	e, store := learnEnv(t)
	e.caseFor(t, 1, unknownWords)
	before := guides.IndexBuilds()
	sent := in(e.say(t, teamRoom, alice, "!lehren #1 "+roomGuide+" | "+unknownWords, ""), teamRoom)
	mustContain(t, sent, "Gelernt", "Nr. 1")
	// The test env handles every event twice (its exactly-once check).
	if n := guides.IndexBuilds() - before; n != 1 {
		t.Fatalf("a successful !lehren, handled twice, built %d search indexes, want 1", n)
	}
	if d := answer.Decide(otherWords, store.Current(), answer.Options{}); d.Outcome != answer.Answer || d.Guides()[0] != roomGuide {
		t.Fatalf("after teaching %q gets %s %v", otherWords, d.Outcome, d.Guides())
	}
	_, base := store.Libraries()
	if g, _ := base.Get(roomGuide); len(g.Learned) != 0 {
		t.Fatalf("the files' library has learned questions %q", g.Learned)
	}
}

func contains(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// TestLearnOpenCaseAndNoPrompt: a case still open cannot be
// taught; a case whose question is a request for a person gets no prompt.
func TestLearnOpenCaseAndNoPrompt(t *testing.T) {
	e, _ := learnEnv(t)
	e.say(t, dmRoom, member, unknownWords, "")
	e.say(t, dmRoom, member, "ja", "")
	mustContain(t, in(e.say(t, teamRoom, alice, "!lehren #1 "+roomGuide, ""), teamRoom), "noch offen")
	// The case's first question as stored, rewritten to a request for a person.
	if _, err := e.db.Lotse.Exec(context.Background(), `UPDATE case_message SET body='Ich will mit einem Menschen reden' WHERE kind='question'`); err != nil {
		t.Fatal(err)
	}
	sent := in(e.say(t, teamRoom, alice, "!erledigt 1", ""), teamRoom)
	if strings.Contains(bodies(sent), "Passt eine Anleitung") {
		t.Fatalf("prompt for a request for a person: %s", bodies(sent))
	}
	mustContain(t, in(e.say(t, teamRoom, alice, "!lehren #1 "+roomGuide, ""), teamRoom), "lernt Lotse nicht")
	if n, _ := e.db.Learned().List(context.Background()); len(n) != 0 {
		t.Fatal("learned")
	}
}

// TestLearnGuardRefusesInChat: a question of the admin's evaluation set
// that Lotse answers right would be answered with the room guide if its
// words were taught there: refused in the team room, naming the question;
// nothing learned.
func TestLearnGuardRefusesInChat(t *testing.T) {
	e, store := learnEnv(t)
	const right = "Mein Cloudspeicher ist voll, was tun"
	e.reconfigure(func(d *Deps) {
		d.Learn = Learn{Library: store, EvalSet: []search.Question{{Text: right, Expected: "nextcloud/speicherplatz-voll.md"}}}
	})
	e.caseFor(t, 1, unknownWords)
	sent := in(e.say(t, teamRoom, alice, "!lehren #1 "+roomGuide+" | "+right, ""), teamRoom)
	mustContain(t, sent, "Nicht gelernt", "1 Frage schlechter beantworten als bisher", "„"+right+"“", "richtig ist: „", "dann: Antwort mit „Festen Konferenzraum")
	if n, _ := e.db.Learned().List(context.Background()); len(n) != 0 {
		t.Fatalf("learned despite the guard: %+v", n)
	}
}

// TestLearnGuardJudgesLibraryInUse: with a question learned, the guard
// judges the evaluation set's "before" on the library in use; the only
// search index a refused !lehren builds is the one with the new question.
func TestLearnGuardJudgesLibraryInUse(t *testing.T) {
	e, store := learnEnv(t)
	const right = "Mein Cloudspeicher ist voll, was tun"
	e.reconfigure(func(d *Deps) {
		d.Learn = Learn{Library: store, EvalSet: []search.Question{{Text: right, Expected: "nextcloud/speicherplatz-voll.md"}}}
	})
	ctx := context.Background()
	const earlier = "Die Cloud sagt, es ist kein Platz mehr da"
	if _, _, err := e.db.Learned().Add(ctx, storage.LearnedQuestion{GuideID: "nextcloud/speicherplatz-voll.md", Question: earlier, Norm: guides.NormalizeQuestion(earlier),
		TaughtBy: alice.String(), TaughtAt: time.Now()}, "$earlier"); err != nil {
		t.Fatal(err)
	}
	learned, err := learn.Questions(ctx, e.db)
	if err != nil {
		t.Fatal(err)
	}
	store.SetLearned(learned)
	e.caseFor(t, 1, unknownWords)
	before := guides.IndexBuilds()
	sent := in(e.say(t, teamRoom, alice, "!lehren #1 "+roomGuide+" | "+right, ""), teamRoom)
	mustContain(t, sent, "Nicht gelernt", "1 Frage schlechter beantworten als bisher", "„"+right+"“")
	// The test env handles every event twice (its exactly-once check).
	if n := guides.IndexBuilds() - before; n != 2 {
		t.Fatalf("a refused !lehren, handled twice, built %d search indexes, want 2 (once the library with the new question)", n)
	}
}

// TestLearnPromptOncePerCase: while a prompted case is reopened, a guide's
// title in its thread is a note, not a teaching; resolved again, it is
// asked again; once something was learned from it, never again.
func TestLearnPromptOncePerCase(t *testing.T) {
	e, store := learnEnv(t)
	root, team := e.caseFor(t, 1, unknownWords)
	mustContain(t, team, "Passt eine Anleitung")
	g, _ := store.Current().Get(roomGuide)
	e.say(t, teamRoom, alice, "!wiedereröffnen 1", "")
	if sent := e.say(t, teamRoom, alice, g.Title, root); len(sent) != 0 {
		t.Fatalf("a note in a reopened case was answered: %s", bodies(sent))
	}
	mustContain(t, in(e.say(t, teamRoom, alice, "!erledigt 1", ""), teamRoom), "Passt eine Anleitung")
	mustContain(t, in(e.say(t, teamRoom, alice, g.Title, root), teamRoom), "Gelernt")
	e.say(t, teamRoom, alice, "!wiedereröffnen 1", "")
	sent := in(e.say(t, teamRoom, alice, "!erledigt 1", ""), teamRoom)
	if strings.Contains(bodies(sent), "Passt eine Anleitung") {
		t.Fatalf("asked again: %s", bodies(sent))
	}
	if n, _ := e.db.Learned().List(context.Background()); len(n) != 1 {
		t.Fatalf("learned: %+v", n)
	}
}

// TestLearnRespectsOptOut: a member who wrote !nicht-merken gets no
// "Passt eine Anleitung …?" prompt for their case, and !lehren refuses their
// words; the team's own wording ("| …") can still be taught.
func TestLearnRespectsOptOut(t *testing.T) {
	e, store := learnEnv(t)
	mustContain(t, in(e.say(t, dmRoom, member, "!nicht-merken", ""), dmRoom), "nicht mehr")
	root, team := e.caseFor(t, 1, unknownWords)
	if strings.Contains(bodies(team), "Passt eine Anleitung") {
		t.Fatalf("prompt for an opted-out member's case: %s", bodies(team))
	}
	mustContain(t, in(e.say(t, teamRoom, alice, "!lehren #1 "+roomGuide, ""), teamRoom), "!nicht-merken", "eigene Formulierung")
	if list, _ := e.db.Learned().List(context.Background()); len(list) != 0 {
		t.Fatalf("learned an opted-out member's words: %+v", list)
	}
	out := in(e.say(t, teamRoom, bob, "!lehren #1 "+roomGuide+" | "+otherWords, root), teamRoom)
	mustContain(t, out, "Gelernt")
	if d := answer.Decide(otherWords, store.Current(), answer.Options{}); !contains(d.Guides(), roomGuide) {
		t.Fatalf("the team's own wording was not learned: %s %v", d.Outcome, d.Guides())
	}
}

// TestLearnDropsMembersName: the member's display name (and its parts) and
// user name never reach the prompt or a learned question, from the case
// or pasted into the team's own wording (security review 23, know23 M1:
// learned questions are kept without end and exported into guide files).
func TestLearnDropsMembersName(t *testing.T) {
	e, _ := learnEnv(t)
	e.fm.names[member] = "Mia Beispiel"
	root, team := e.caseFor(t, 1, unknownWords+", fragt Mia Beispiel (mia, member)")
	mustContain(t, team, "Passt eine Anleitung zu dieser Frage?", unknownWords+", fragt [Name] ([Name], [Name])", "persönlich: Name.")
	for _, leak := range []string{"Mia", "Beispiel ", "(member"} {
		if strings.Contains(bodies(team[len(team)-1:]), leak) {
			t.Fatalf("the member's name %q in the prompt: %s", leak, bodies(team))
		}
	}
	mustContain(t, in(e.say(t, teamRoom, bob, roomGuide, root), teamRoom), "Gelernt")
	mustContain(t, in(e.say(t, teamRoom, bob, "!vergessen 1", ""), teamRoom), "Vergessen")
	mustContain(t, in(e.say(t, teamRoom, bob, "!lehren #1 "+roomGuide+" | "+otherWords+" für Mia", ""), teamRoom), "Gelernt")
	list, err := e.db.Learned().List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 {
		t.Fatalf("learned: %+v", list)
	}
	if q := list[0].Question; q != otherWords+" für [Name]" {
		t.Fatalf("learned %q, want the member's name replaced", q)
	}
}

// TestLearnErasureLeavesSearch: a member's erasure deletes the questions
// learned from their cases, and they leave the search index at once, not
// only at the next restart (security review 23, know23 M2).
func TestLearnErasureLeavesSearch(t *testing.T) {
	e, store := learnEnv(t)
	root, _ := e.caseFor(t, 1, unknownWords)
	mustContain(t, in(e.say(t, teamRoom, bob, roomGuide, root), teamRoom), "Gelernt")
	if d := answer.Decide(otherWords, store.Current(), answer.Options{}); !contains(d.Guides(), roomGuide) {
		t.Fatalf("precondition: not learned: %s %v", d.Outcome, d.Guides())
	}
	mustContain(t, in(e.confirmErasure(t), dmRoom), "Erledigt", "Beispielfrage")
	if list, _ := e.db.Learned().List(context.Background()); len(list) != 0 {
		t.Fatalf("learned questions survived the erasure: %+v", list)
	}
	for _, g := range store.Current().Guides() {
		if len(g.Learned) > 0 {
			t.Fatalf("the erased member's words are still in the search index: %s %q", g.ID, g.Learned)
		}
	}
	if d := answer.Decide(otherWords, store.Current(), answer.Options{}); contains(d.Guides(), roomGuide) {
		t.Fatalf("still found after the erasure: %s %v", d.Outcome, d.Guides())
	}
}

// TestLearnRetryReachesSearch: a !lehren or !vergessen handled again after
// its first handling changed the database but failed before the library
// took the change (the database read of the reload failed, say) still
// brings the search in line with the database (know23 L1). Simulated by
// changing the database as the first handling would have.
func TestLearnRetryReachesSearch(t *testing.T) {
	e, store := learnEnv(t)
	ctx := context.Background()
	e.caseFor(t, 1, unknownWords)
	// !lehren: the question was stored under the command's event.
	evt := e.event(teamRoom, alice, &event.MessageEventContent{MsgType: event.MsgText, Body: "!lehren #1 " + roomGuide + " | " + otherWords})
	if _, _, err := e.db.Learned().Add(ctx, storage.LearnedQuestion{GuideID: roomGuide, Question: otherWords, Norm: guides.NormalizeQuestion(otherWords),
		CaseID: 1, TaughtBy: alice.String(), TaughtAt: time.Now()}, evt.ID.String()); err != nil {
		t.Fatal(err)
	}
	mustContain(t, in(e.handle(t, evt, false), teamRoom), "Gelernt")
	if d := answer.Decide(otherWords, store.Current(), answer.Options{}); !contains(d.Guides(), roomGuide) {
		t.Fatalf("!lehren handled again: the stored question is not in the search: %s %v", d.Outcome, d.Guides())
	}
	// !vergessen: the question was deleted.
	if _, err := e.db.Learned().Delete(ctx, 1); err != nil {
		t.Fatal(err)
	}
	e.say(t, teamRoom, alice, "!vergessen 1", "")
	if d := answer.Decide(otherWords, store.Current(), answer.Options{}); contains(d.Guides(), roomGuide) {
		t.Fatalf("!vergessen handled again: the deleted question is still in the search: %s %v", d.Outcome, d.Guides())
	}
}

// TestLearnCLIErasureLeavesSearchOnReload: `lotse privacy erase` deletes a
// person's learned questions from the database while the bot runs; the
// running bot still has them in its search until ReloadLearned (what SIGHUP
// calls) reads them again (mend23c: before, only a restart helped).
func TestLearnCLIErasureLeavesSearchOnReload(t *testing.T) {
	e, store := learnEnv(t)
	ctx := context.Background()
	root, _ := e.caseFor(t, 1, unknownWords)
	mustContain(t, in(e.say(t, teamRoom, bob, roomGuide, root), teamRoom), "Gelernt")
	// The CLI erases in its own process: the bot's handler is not told.
	if _, err := e.db.Privacy().Erase(ctx, member.String(), "", time.Now()); err != nil {
		t.Fatal(err)
	}
	if list, _ := e.db.Learned().List(ctx); len(list) != 0 {
		t.Fatalf("precondition: learned questions survived the erasure: %+v", list)
	}
	if d := answer.Decide(otherWords, store.Current(), answer.Options{}); !contains(d.Guides(), roomGuide) {
		t.Fatalf("precondition: the running bot should still hold the erased question: %s %v", d.Outcome, d.Guides())
	}
	if err := e.h.ReloadLearned(ctx); err != nil {
		t.Fatal(err)
	}
	for _, g := range store.Current().Guides() {
		if len(g.Learned) > 0 {
			t.Fatalf("the erased person's words are still in the search index after the reload: %s %q", g.ID, g.Learned)
		}
	}
}

package commands

import (
	"context"
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/answer"
)

// eraseWhileReading erases the member's data (as !daten-löschen does: the
// transaction, then the support worker's queued redactions and the
// learned questions' reload) the moment fn has read the case's question
// (once; learn's caseQuestion and guidedraft's input read the member's
// display name right after the case's messages). The member's chat and
// the team room have workers of their own: this is their overlap.
func (e *supportEnv) eraseWhileReading(t *testing.T, fn string) {
	t.Helper()
	e.whileReading(fn, func() {
		e.eraseMember(t)
		if err := e.h.learn.Reload(context.Background()); err != nil {
			t.Error(err)
		}
	})
}

// eraseMember erases the member's data as !daten-löschen does: the
// transaction, then the support worker's queued redactions.
func (e *supportEnv) eraseMember(t *testing.T) {
	ctx := context.Background()
	if _, err := e.db.Privacy().Erase(ctx, member.String(), "", e.now); err != nil {
		t.Error(err)
	}
	if err := e.h.support.FinishErasures(ctx); err != nil {
		t.Error(err)
	}
}

// sentSince returns the messages sent to room since the before-th.
func (e *supportEnv) sentSince(before int, room id.RoomID) []sentMsg {
	e.fm.mu.Lock()
	defer e.fm.mu.Unlock()
	return in(append([]sentMsg(nil), e.fm.sent[before:]...), room)
}

// TestErasedWhileTeaching (lib31): the member erases their data after a
// team member's reply in the case's thread read their question and
// before it is stored (the guard takes seconds). Before, the question
// was stored after the erasure — the member's words in the search, their
// Matrix ID as its source — and the team was told „Gelernt“. Now nothing
// is stored and the team is told why. Fails without the guard in
// storage.LearnedQuery.Add.
func TestErasedWhileTeaching(t *testing.T) {
	e, store := learnEnv(t)
	ctx := context.Background()
	_, team := e.caseByJa(t)
	root := id.EventID("$" + team[0].txn)
	e.say(t, teamRoom, alice, "!erledigt 1 Raum beantragt", "")
	e.eraseWhileReading(t, "learn.(*Workflow).caseQuestion")
	teach := e.event(teamRoom, bob, &event.MessageEventContent{MsgType: event.MsgText, Body: guideNumber(store, roomGuide),
		RelatesTo: (&event.RelatesTo{}).SetThread(root, root)})
	before := e.fm.count()
	if err := e.h.Handle(ctx, Message{Event: teach}); err != nil {
		t.Fatal(err)
	}
	told := e.sentSince(before, teamRoom)
	mustContain(t, told, "gibt es nicht mehr", "nichts gelernt")
	if strings.Contains(bodies(told), "Gelernt") {
		t.Errorf("the team is told it was learned: %s", bodies(told))
	}
	if n, _ := e.db.Learned().Count(ctx); n != 0 {
		t.Fatalf("%d learned questions from a member erased while teaching", n)
	}
	if d := answer.Decide(otherWords, store.Current(), answer.Options{}); contains(d.Guides(), roomGuide) {
		t.Fatalf("the search has the erased member's words: %s %v", d.Outcome, d.Guides())
	}
	if exp, err := e.db.Privacy().Export(ctx, member.String()); err != nil {
		t.Fatal(err)
	} else if n := len(exp["learned_question_from_your_cases"]); n != 0 {
		t.Fatalf("the erased member's export still lists %d learned questions", n)
	}
}

// TestErasedWhilePrompting (lib31): the member erases their data after the
// learning prompt („Passt eine Anleitung …?“, which quotes their question)
// read it and before it was sent and recorded: the erasure's redactions
// do not know it (Cases.Shown skips a case that is gone). Before, it
// stayed in the team room. Now Lotse redacts it at once. Fails without
// learn.Workflow.unlessErased in Resolved.
func TestErasedWhilePrompting(t *testing.T) {
	e, _ := learnEnv(t)
	e.caseByJa(t)
	e.eraseWhileReading(t, "learn.(*Workflow).caseQuestion")
	// Handled once: handled again, the case is gone and the team member
	// is told that instead.
	before := e.fm.count()
	if err := e.h.Handle(context.Background(), Message{Event: e.event(teamRoom, alice, &event.MessageEventContent{MsgType: event.MsgText, Body: "!erledigt 1 Raum beantragt"})}); err != nil {
		t.Fatal(err)
	}
	prompt := learnPrompt(e.sentSince(before, teamRoom))
	if prompt == "" {
		t.Fatal("precondition: no prompt (the erasure came before the question was read)")
	}
	if _, ok := e.redactedIn(teamRoom)[prompt]; !ok {
		t.Fatal("the prompt quoting an erased member's question stays in the team room")
	}
}

// TestErasedWhileDrafting (lib31): the member erases their data while
// !anleitung-entwurf sends the draft's file (after it read the case and
// recorded that a draft was made, before it recorded the file as showing
// the member). Before, the file with their question stayed in the team
// room. Now it is redacted at once and the team member is told why.
// Fails without the check after Copies().Add in guidedraft's post.
func TestErasedWhileDrafting(t *testing.T) {
	e := newSupportEnv(t)
	e.caseByJa(t)
	e.say(t, teamRoom, alice, "!antwort 1 Beantrage einen Raum", "")
	e.say(t, teamRoom, alice, "!erledigt 1 Raum beantragt", "")
	erased := false
	e.fm.mu.Lock()
	e.fm.onSend = func(room id.RoomID) {
		if room != teamRoom || erased || !readingIn("guidedraft.(*Workflow).post") {
			return
		}
		erased = true
		e.eraseMember(t)
	}
	e.fm.mu.Unlock()
	before := e.fm.count()
	if err := e.h.Handle(context.Background(), Message{Event: e.event(teamRoom, alice, &event.MessageEventContent{MsgType: event.MsgText, Body: "!anleitung-entwurf 1"})}); err != nil {
		t.Fatal(err)
	}
	sent := e.sentSince(before, teamRoom)
	var draft id.EventID
	for _, m := range sent {
		if m.content.MsgType == event.MsgFile {
			draft = id.EventID("$" + m.txn)
		}
	}
	if draft == "" {
		t.Fatalf("precondition: no draft posted: %s", bodies(sent))
	}
	if _, ok := e.redactedIn(teamRoom)[draft]; !ok {
		t.Fatal("the draft holding an erased member's question stays in the team room")
	}
	mustContain(t, sent, "gibt es nicht mehr", "Entwurf deshalb zurückgenommen")
}

// TestOptOutForgetsLearned (lib31): a member objects with !nicht-merken
// after the team taught their question. Before, the objection stopped only
// future teaching: their words stayed in the search until a team member
// wrote !vergessen. Now the questions learned from their words leave the
// database and the search at once, and the team is told in the case's
// thread (number and guide, never the question). Another member's
// objection forgets nothing. Fails without learn.Workflow.OptedOut.
func TestOptOutForgetsLearned(t *testing.T) {
	e, store := learnEnv(t)
	ctx := context.Background()
	num := guideNumber(store, roomGuide)
	_, root, _, _ := e.learnedCase(t, num, unknownWords)
	if d := answer.Decide(otherWords, store.Current(), answer.Options{}); !contains(d.Guides(), roomGuide) {
		t.Fatalf("precondition: the learned question does not count: %s %v", d.Outcome, d.Guides())
	}
	e.fm.mu.Lock()
	e.fm.joined[otherDMRoom] = map[id.UserID]bool{otherMember: true, botID: true}
	e.fm.mu.Unlock()
	mustContain(t, in(e.handle(t, e.event(otherDMRoom, otherMember, &event.MessageEventContent{MsgType: event.MsgText, Body: "!nicht-merken"}), true), otherDMRoom), "Alles klar")
	if n, _ := e.db.Learned().Count(ctx); n != 1 {
		t.Fatal("another member's objection forgot the learned question")
	}
	before := e.fm.count()
	mustContain(t, in(e.say(t, dmRoom, member, "!nicht-merken", ""), dmRoom), "Alles klar")
	if n, _ := e.db.Learned().Count(ctx); n != 0 {
		t.Fatalf("%d learned questions after the member objected", n)
	}
	if d := answer.Decide(otherWords, store.Current(), answer.Options{}); contains(d.Guides(), roomGuide) {
		t.Fatalf("the search still has the member's words: %s %v", d.Outcome, d.Guides())
	}
	var told []sentMsg
	for _, m := range e.sentSince(before, teamRoom) {
		if strings.Contains(m.content.Body, "nicht-merken") {
			told = append(told, m)
		}
	}
	mustContain(t, told, "Nr. 1", "wieder vergessen", "Konferenzraum")
	if len(told) != 1 || told[0].content.RelatesTo.GetThreadParent() != root {
		t.Fatalf("the team is not told once in the case's thread: %s", bodies(e.sentSince(before, teamRoom)))
	}
	if strings.Contains(allText(told[0]), "Ortsgruppe") {
		t.Errorf("the notice quotes the question: %s", allText(told[0]))
	}
}

// TestDeletedTeachingForgets (lib31): a volunteer named the wrong guide
// in the case's thread and deletes that message. Before, the question
// stayed learned (only !vergessen undid it). Now it is forgotten and the
// thread is told, without the question. Someone else's deletion of the
// message, or one naming it from another room, forgets nothing. Fails
// without learn.Workflow.Untaught.
func TestDeletedTeachingForgets(t *testing.T) {
	e, store := learnEnv(t)
	ctx := context.Background()
	_, team := e.caseByJa(t)
	root := id.EventID("$" + team[0].txn)
	e.say(t, teamRoom, alice, "!erledigt 1 Raum beantragt", "")
	teach := e.event(teamRoom, bob, &event.MessageEventContent{MsgType: event.MsgText, Body: guideNumber(store, roomGuide),
		RelatesTo: (&event.RelatesTo{}).SetThread(root, root)})
	mustContain(t, in(e.handle(t, teach, false), teamRoom), "Gelernt", "Nr. 1")
	for _, r := range []struct {
		room   id.RoomID
		sender id.UserID
	}{{teamRoom, alice}, {dmRoom, bob}} {
		e.handle(t, e.redaction(r.room, r.sender, teach.ID), r.room == dmRoom)
		if n, _ := e.db.Learned().Count(ctx); n != 1 {
			t.Fatalf("a deletion by %s in %s forgot the learned question", r.sender, r.room)
		}
	}
	sent := in(e.handle(t, e.redaction(teamRoom, bob, teach.ID), false), teamRoom)
	if n, _ := e.db.Learned().Count(ctx); n != 0 {
		t.Fatalf("%d learned questions after the teacher deleted the message that taught it", n)
	}
	if d := answer.Decide(otherWords, store.Current(), answer.Options{}); contains(d.Guides(), roomGuide) {
		t.Fatalf("the search still has the question: %s %v", d.Outcome, d.Guides())
	}
	mustContain(t, sent, "Nr. 1", "wieder vergessen", "gelöscht")
	if len(sent) != 1 || sent[0].content.RelatesTo.GetThreadParent() != root || strings.Contains(allText(sent[0]), "Ortsgruppe") {
		t.Fatalf("the thread is not told once, in words: %s", bodies(sent))
	}
}

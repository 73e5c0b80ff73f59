package commands

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
)

// heldNoteOf handles the member's message body in dmRoom while the team
// room is held (g), twice, as the runtime retries it, and returns the
// notes the member got and the event; the handling must fail as held.
func heldNoteOf(t *testing.T, e *supportEnv, body string) ([]string, *event.Event) {
	t.Helper()
	evt := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: body})
	e.fm.store(evt)
	before := e.fm.count()
	for range 2 {
		if err := e.h.Handle(context.Background(), Message{Event: evt, Direct: true}); !chat.IsHeld(err) {
			t.Fatalf("%q in an open team room: %v, want a held error", body, err)
		}
	}
	e.fm.mu.Lock()
	sent := append([]sentMsg(nil), e.fm.sent[before:]...)
	e.fm.mu.Unlock()
	noTeam(t, sent)
	var notes []string
	for _, m := range in(sent, dmRoom) {
		notes = append(notes, m.content.Body)
	}
	return notes, evt
}

// TestHeldNoteSpeaksCaseLanguage (mend32b: open32 meets case32): while the
// team room is open to everyone, a member's message for the team waits,
// and the member is told once that it arrived. That note was in the
// install's language (or the answer frame's) — German to a member whose
// offer and case are English, the one text of their case in the other
// language. Now it is in the case's language: an English offer's „yes“,
// an English case's „ok“, and a clearly English message in a German case
// (which switches it) get the English note; a German case's „ok“ the
// German one. Fails without chat.Turn.CaseLang (support's speakTo): the
// English member's notes were German.
func TestHeldNoteSpeaksCaseLanguage(t *testing.T) {
	one := func(t *testing.T, notes []string, want string) {
		t.Helper()
		if len(notes) != 1 || notes[0] != want {
			t.Fatalf("want the note %q once, got %q", want, notes)
		}
	}
	t.Run("english offer, yes", func(t *testing.T) {
		e := newSupportEnv(t)
		g := &guardMatrix{fakeMatrix: e.fm}
		e.reconfigure(func(d *Deps) { d.Matrix = g })
		mustContain(t, in(e.say(t, dmRoom, member, caseWordsEN.question, ""), dmRoom), caseWordsEN.offer)
		g.set(teamRoom, true)
		notes, yes := heldNoteOf(t, e, "yes")
		one(t, notes, chat.HeldNote("en"))
		// The English case follows once the room is closed (the same
		// event handled again); „ok“ then waits with the English note.
		g.set(teamRoom, false)
		mustContain(t, in(e.handle(t, yes, true), dmRoom), caseWordsEN.opened)
		g.set(teamRoom, true)
		notes, _ = heldNoteOf(t, e, "ok")
		one(t, notes, chat.HeldNote("en"))
	})
	t.Run("german case, english message", func(t *testing.T) {
		e := newSupportEnv(t)
		g := &guardMatrix{fakeMatrix: e.fm}
		e.reconfigure(func(d *Deps) { d.Matrix = g })
		e.openCase(t)
		g.set(teamRoom, true)
		notes, _ := heldNoteOf(t, e, "ok")
		one(t, notes, chat.HeldNote("de"))
		notes, _ = heldNoteOf(t, e, "sorry, I do not speak German, can you write to me in English?")
		one(t, notes, chat.HeldNote("en"))
		// The switch is stored only when the thread was told (after the
		// room is closed): the case is German until then.
		if c, _ := e.db.Cases.Get(context.Background(), 1); c.Lang != "de" {
			t.Errorf("the case's language while held: %q", c.Lang)
		}
	})
}

// TestRoomClosedNoticeNamesJoiners (mend32b): the notice that the team or
// approvals room is protected again tells the team, in both languages, to
// look at the member list — whoever joined while it was open is still in
// it. The German notice lacked the sentence (the English one had it).
func TestRoomClosedNoticeNamesJoiners(t *testing.T) {
	for lang, want := range map[string]string{
		"de": "Wer beigetreten ist, während der Raum offen war, ist noch drin: Schau bitte in die Mitgliederliste.",
		"en": "Whoever joined while the room was open is still in it: please check the member list.",
	} {
		if got := chat.RoomClosedNotice(lang); !strings.HasSuffix(got, want) {
			t.Errorf("%s: %q does not end with %q", lang, got, want)
		}
	}
}

// countingGuard is guardMatrix counting the downloads of media.
type countingGuard struct {
	*guardMatrix
	downloads atomic.Int32
}

func (c *countingGuard) Download(ctx context.Context, uri id.ContentURIString) ([]byte, error) {
	c.downloads.Add(1)
	return c.guardMatrix.Download(ctx, uri)
}

// TestHeldFileNotFetched (mend32b, a guard): while the team room is open
// to everyone, a member's file for their case waits, and it is not
// fetched on each try (once a minute while the room stays open): a member
// who edits a relayed file to another one (a new file in m.new_content)
// gets the edit of the thread line held before anything is downloaded.
// After the room is closed the edit reaches the team. It passes without
// a change: the review's question was whether a held file costs a
// download per try (AttachFile holds only the upload) — it does not.
func TestHeldFileNotFetched(t *testing.T) {
	e := newSupportEnv(t)
	g := &countingGuard{guardMatrix: &guardMatrix{fakeMatrix: e.fm}}
	e.reconfigure(func(d *Deps) { d.Matrix = g })
	e.openCase(t)
	image := e.messageKind(t, true)
	msg := e.event(dmRoom, member, image("Login"))
	if relay := in(e.handle(t, msg, true), teamRoom); len(relay) != 2 {
		t.Fatalf("precondition: thread line and file, got %d", len(relay))
	}
	other := e.messageKind(t, true)
	edit := e.edit(dmRoom, member, msg.ID, other("Login, das zweite Bild"))
	e.fm.store(edit)
	g.set(teamRoom, true)
	before := g.downloads.Load()
	for range 3 {
		if err := e.h.Handle(context.Background(), Message{Event: edit, Direct: true}); !chat.IsHeld(err) {
			t.Fatalf("the edit in an open team room: %v, want a held error", err)
		}
	}
	if n := g.downloads.Load() - before; n != 0 {
		t.Errorf("the held edit fetched the file %d times, want 0", n)
	}
	g.set(teamRoom, false)
	sent := in(e.handle(t, edit, true), teamRoom)
	if len(sent) == 0 || !strings.Contains(bodies(sent), "das zweite Bild") {
		t.Errorf("the edit did not reach the team after the room was closed:\n%s", bodies(sent))
	}
}

// TestHeldConfirmReactionNoted (mend32b): a member who accepts the offer
// of a case with ✅ on it while the team room is open to everyone hears,
// once, that it arrived — as a member who answers „ja“ does — in the
// offer's language; the case follows when the room is closed. Fails
// without the reaction in chat's hold: the ✅ got no word at all until
// the room was closed.
func TestHeldConfirmReactionNoted(t *testing.T) {
	e := newSupportEnv(t)
	g := &guardMatrix{fakeMatrix: e.fm}
	e.reconfigure(func(d *Deps) { d.Matrix = g })
	sent := e.say(t, dmRoom, member, caseWordsEN.question, "")
	mustContain(t, in(sent, dmRoom), caseWordsEN.offer)
	prompt := id.EventID("$" + in(sent, dmRoom)[len(in(sent, dmRoom))-1].txn)
	g.set(teamRoom, true)
	react := &event.Event{ID: "$mend32b-react", RoomID: dmRoom, Sender: member, Type: event.EventReaction,
		Content: event.Content{Parsed: &event.ReactionEventContent{RelatesTo: event.RelatesTo{Type: event.RelAnnotation, EventID: prompt, Key: "✅"}}}}
	e.fm.store(react)
	before := e.fm.count()
	for range 2 {
		if err := e.h.Handle(context.Background(), Message{Event: react, Direct: true}); !chat.IsHeld(err) {
			t.Fatalf("✅ in an open team room: %v, want a held error", err)
		}
	}
	e.fm.mu.Lock()
	held := append([]sentMsg(nil), e.fm.sent[before:]...)
	e.fm.mu.Unlock()
	noTeam(t, held)
	if dm := in(held, dmRoom); len(dm) != 1 || dm[0].content.Body != chat.HeldNote("en") {
		t.Fatalf("want the English note once, got:\n%s", bodies(in(held, dmRoom)))
	}
	g.set(teamRoom, false)
	sent = e.handle(t, react, true)
	mustContain(t, in(sent, dmRoom), caseWordsEN.opened)
	mustContain(t, in(sent, teamRoom), "Fall #1")
}

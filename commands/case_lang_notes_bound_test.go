package commands

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestCaseLangNotesBounded (rooms33): a member who switches language
// message by message made one „🌐 Fall #1: Das Mitglied schreibt jetzt
// auf …“ note in the team room per message, beside the relay (case32,
// mend32b: bounded only by the member's messages). Now at most two notes
// per case within an hour — the first switch and the switch back are told
// — while the case follows every switch (the member's texts are in the
// language they wrote last); after the hour, the member's next message
// tells the thread the language then in use if it differs from the last
// note, once. Fails without the bound: seven notes for seven switches.
func TestCaseLangNotesBounded(t *testing.T) {
	const (
		english = "sorry, I do not speak German, can you write to me in English?"
		german  = "Danke, jetzt ist es mir klar, ich probiere das gleich aus"
	)
	e := newSupportEnv(t)
	e.openCase(t)
	notes := func(sent []sentMsg) []string {
		var out []string
		for _, m := range in(sent, teamRoom) {
			if strings.HasPrefix(m.content.Body, "🌐 Fall #1") {
				out = append(out, m.content.Body)
			}
		}
		return out
	}
	var told []string
	for i := range 7 {
		msg, lang := english, "en"
		if i%2 == 1 {
			msg, lang = german, "de"
		}
		e.now = e.now.Add(time.Minute)
		told = append(told, notes(e.say(t, dmRoom, member, msg, ""))...)
		if c, _ := e.db.Cases.Get(context.Background(), 1); c.Lang != lang {
			t.Fatalf("message %d: the case is in %q, want %q: it must follow every switch", i+1, c.Lang, lang)
		}
	}
	if len(told) != 2 || !strings.Contains(told[0], "auf Englisch") || !strings.Contains(told[1], "auf Deutsch") {
		t.Fatalf("want two notes (English, then German) for seven switches in seven minutes, got %d:\n%s", len(told), strings.Join(told, "\n"))
	}
	// Still in the hour: a message in the case's language tells nothing.
	if got := notes(e.say(t, dmRoom, member, "ok", "")); len(got) != 0 {
		t.Fatalf("a note within the hour: %v", got)
	}
	// After the hour the thread learns once that the member writes English
	// now (its last note said German).
	e.now = e.now.Add(time.Hour)
	got := notes(e.say(t, dmRoom, member, "ok", ""))
	if len(got) != 1 || !strings.Contains(got[0], "auf Englisch") {
		t.Fatalf("after the hour, want one note that the member writes English, got %v", got)
	}
	if got := notes(e.say(t, dmRoom, member, "ok", "")); len(got) != 0 {
		t.Fatalf("the catch-up note came again: %v", got)
	}
	// The member's texts follow the case: the team's answer is headed in
	// English.
	mustContain(t, in(e.say(t, teamRoom, alice, "!antwort 1 Probier es bitte noch einmal", ""), dmRoom), "Answer from the digital team")
}

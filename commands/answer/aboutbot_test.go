package answer

import (
	"slices"
	"strings"
	"testing"
)

// TestAsksAboutBot: the bot addressed in the clause of one of its acts;
// not a polite frame around another question, not a request that the bot
// keep or delete the member's thing, not an address without such an act.
func TestAsksAboutBot(t *testing.T) {
	for _, c := range []struct {
		msg  string
		want bool
	}{
		{"kann ich dich auch nachts fragen?", true},
		{"antwortest du auch auf englisch?", true},
		{"reagiert lotse auch in der gruppe", true},
		{"löschst du meine fragen nach einer weile?", true},
		{"wie lange speichert lotse meine nachrichten", true},
		{"do you remember what I asked yesterday?", true},
		{"can you answer questions about the party program?", true},
		{"which commands do you know", true},
		{"ok, und wie frage ich dich am besten?", true},
		// A polite frame around the question asked.
		{"kann ich dich was fragen, wie spät ist es?", false},
		{"can I ask you something, how do I bake bread?", false},
		// A request that the bot keep or delete the member's thing.
		{"kannst du mein konto löschen?", false},
		{"can you store my files?", false},
		// The verbs of a polite frame are none of the bot's acts.
		{"kannst du mir sagen, wie ich die kamera einschalte?", false},
		{"kannst du mir das wahlprogramm erklären?", false},
		{"kannst du mir einen text für den newsletter schreiben?", false},
		// An act with no address in its clause.
		{"du bist toll, wer beantwortet meine frage zum beitrag", false},
		{"wie lange speichert die cloud meine dateien", false},
	} {
		text := clean(c.msg)
		words := tokens(text)
		if got := asksAboutBot(foldWords(words), clauseStarts(text, words)); got != c.want {
			t.Errorf("asksAboutBot(%q) = %v, want %v", c.msg, got, c.want)
		}
	}
}

// TestAboutBotChoice: on the shipped library, a question about the bot's
// own acts that met no guide gets a rescued choice with the guide about
// it first or among the choices and the way to a person; a guide question
// that addresses the bot politely, a request for the bot to act on the
// member's thing and a subject outside the library keep their outcome.
func TestAboutBotChoice(t *testing.T) {
	lib := loadLibrary(t)
	for _, c := range []struct {
		msg, guide string
	}{
		{"kann ich dich auch nachts fragen?", "lotse/lotse-fragen.md"},
		{"can you answer questions about the party program?", "lotse/lotse-fragen.md"},
		{"löschst du meine fragen nach einer weile?", "lotse/was-lotse-speichert.md"},
		{"do you remember what I asked yesterday?", "lotse/was-lotse-speichert.md"},
	} {
		d := Decide(c.msg, lib, Options{Cases: true})
		if d.Outcome != Choose || !slices.Contains(d.Guides(), c.guide) || !d.Rescued {
			t.Errorf("%q: %s %v rescued %v, want a rescued choice with %s", c.msg, d.Outcome, d.Guides(), d.Rescued, c.guide)
			continue
		}
		for _, id := range d.Guides() {
			if !strings.HasPrefix(id, botTopic+"/") {
				t.Errorf("%q: %s offered, not a guide about the bot", c.msg, id)
			}
		}
		if d.PersonHint == "" || !strings.HasSuffix(d.Reply, d.PersonHint) {
			t.Errorf("%q: the reply %q names no way to a person", c.msg, d.Reply)
		}
	}
	for _, c := range []struct {
		msg     string
		outcome Outcome
	}{
		{"kannst du mir sagen, wie ich die Kamera einschalte?", Answer},
		{"kannst du mein konto löschen?", None},
		{"kannst du meine telefonnummer speichern?", None},
		{"kann ich dich was fragen, wann ist der nächste parteitag?", None},
		{"kannst du mir einen text für den newsletter schreiben?", None},
		{"kannst du fragen zu excel beantworten?", None},
		{"was hältst du von der letzten wahl?", None},
	} {
		if d := Decide(c.msg, lib, Options{Cases: true}); d.Outcome != c.outcome {
			t.Errorf("%q: %s %v, want %s", c.msg, d.Outcome, d.Guides(), c.outcome)
		}
	}
}

// TestAboutBotSearchBudget: the search with the bot's name is the second
// search of a message at most (TestDecideSearchesAtMostTwice's bound): it
// takes the place of the question clause's search, and a rescued weak
// choice keeps its own order.
func TestAboutBotSearchBudget(t *testing.T) {
	rec := &recorder{lib: loadLibrary(t)}
	for _, c := range []struct {
		msg      string
		searches int
	}{
		{"kann ich dich auch nachts fragen?", 2},
		{"how should I ask you things, do I need special keywords?", 2},
		{"do you remember what I asked yesterday?", 2},
		// Not about the bot: the one search.
		{"wie lange dauert das sommerfest?", 1},
	} {
		rec.queries = nil
		d := Decide(c.msg, rec, Options{Cases: true})
		if len(rec.queries) != c.searches {
			t.Errorf("%q: %d searches %q, want %d (%s %v)", c.msg, len(rec.queries), rec.queries, c.searches, d.Outcome,
				d.Guides())
		}
	}
}

package answer

import (
	"slices"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// SearchBotGuides records the search of the guides about the bot (with a
// "bot:" mark) and searches them when the wrapped library can.
func (r *recorder) SearchBotGuides(q string, n int, team bool) search.Result {
	r.queries = append(r.queries, "bot:"+q)
	if b, ok := r.lib.(botSearcher); ok {
		return b.SearchBotGuides(q, n, team)
	}
	return search.Result{Query: q}
}

// TestBotActor: the narrow reading that gives up an answer — the bot
// acting (a verb agreeing with „du“ or its name, English "you" before its
// act) or asked, not a polite frame, not leave to ask before a matter,
// not the member's own act.
func TestBotActor(t *testing.T) {
	for _, c := range []struct {
		msg  string
		want bool
	}{
		{"merkst du dir meine fragen", true},
		{"antwortest du auch am wochenende?", true},
		{"du reagierst nicht auf meine nachricht", true},
		{"hebt lotse meine nachrichten auf", true},
		{"kann ich dich auch in unserem ag chatraum was fragen oder nur hier?", true},
		{"kann ich lotse auch im kreisverband fragen", true},
		{"do you remember my questions", true},
		{"will you answer in group chats too", true},
		{"can I ask you in a group room", true},
		// The member's act, a polite frame, a request, leave to ask.
		{"weißt du wie ich meine dateien in der cloud speichere", false},
		{"kannst du mir sagen, wie ich die kamera einschalte?", false},
		{"weißt du, wo ich mein passwort ändere?", false},
		{"kannst du mein konto löschen", false},
		{"kann ich dich mal was fragen: ich finde den kalender nicht", false},
		{"kann ich dich was fragen, wie ändere ich mein passwort", false},
		{"kann ich dich fragen wie ich die kamera einschalte", false},
		{"how do you delete a message in element", false},
		{"do you know how I save a file", false},
		{"wie merke ich mir meine passwörter", false},
		{"wie reagierst du in element mit einem emoji auf eine nachricht", false},
		{"wie lange speicherst du meine daten", true},
		{"wie frage ich dich am besten, damit du mich verstehst", true},
		// The general „du“ after a question word and a keeping verb, or
		// in a condition (and the main clause it conditions); the bot's
		// „du“ with the member's things or its own acts.
		{"wo löschst du nen termin im nextcloud kalender", false},
		{"wann merkst du dass eine mail phishing ist", false},
		{"woran merkst du dass eine mail phishing ist", false},
		{"wenn du einen ordner löschst ist der im papierkorb", false},
		{"falls du eine datei löschst, ist sie dann weg?", false},
		{"sobald du eine nachricht löschst, sehen die anderen das?", false},
		{"wenn du die zwei faktor app löschst kommst du dann noch rein", false},
		{"wo speicherst du meine nachrichten", true},
		{"was speicherst du über mich", true},
		{"warum antwortest du mir nicht", true},
		{"wann antwortest du", true},
		// The name with a finite act is its subject only right beside it;
		// a participle is the member's or a passive's act.
		{"lotse mein kalender termin wurde gelöscht", false},
		{"lotse warum wird mein passwort nicht gespeichert", false},
		{"lotse ich hab eine datei gelöscht", false},
		{"lotse hat mir nicht geantwortet", false},
		{"lotse speichert meine fragen?", true},
		{"speichert lotse meine fragen", true},
		{"lotse fragt mich immer nach einem bestätigungswort", true},
		// English requests and the association's "you".
		{"can you delete my account", false},
		{"can you save my file", false},
		{"do you store the minutes of the meetings", false},
		{"do you keep a list of members", false},
		{"do you keep my messages", true},
		{"have you deleted my files", true},
	} {
		ws := tokens(clean(c.msg))
		if got := botActor(foldWords(ws), clauseStarts(c.msg, ws), "lotse") != noBotAct; got != c.want {
			t.Errorf("botActor(%q) = %v, want %v", c.msg, got, c.want)
		}
	}
}

// TestBotActKind: the act found is a keeping act for the keeping verbs,
// whatever else the clause asks („merkst du dir, was ich dich frage“),
// and the bot's other acts otherwise.
func TestBotActKind(t *testing.T) {
	for _, c := range []struct {
		msg  string
		want botAct
	}{
		{"merkst du dir eigentlich was ich dich frage", botKeeping},
		{"speicherst du meine nachrichten irgendwo", botKeeping},
		{"do you remember my questions", botKeeping},
		{"antwortest du auch am wochenende?", botActing},
		{"kann ich lotse auch im kreisverband fragen", botActing},
		{"wie geht es dir", noBotAct},
	} {
		ws := tokens(clean(c.msg))
		if got := botActor(foldWords(ws), clauseStarts(c.msg, ws), "lotse"); got != c.want {
			t.Errorf("botActor(%q) = %v, want %v", c.msg, got, c.want)
		}
	}
}

// TestBotCommands: a command is a word right after "!" or "¡", not a
// word after an exclamation that ends the word before.
func TestBotCommands(t *testing.T) {
	for _, c := range []struct {
		msg  string
		want []string
	}{
		{"ich hab !hilfe getippt", []string{"hilfe"}},
		{"wenn ich ¡anleitung schreibe, kommt nichts", []string{"anleitung"}},
		{"was macht „!anleitungen“ genau", []string{"anleitungen"}},
		{"geht nicht!hilfe", nil},
		{"wie trete ich dem raum !abcdef:matrix.example.org bei", nil},
		{"ich komm nicht in den raum !XyZ123:matrix.org", nil},
		{"¡hilfe geht nicht", []string{"hilfe"}},
		{"ich hab !hilfe: nichts passiert", []string{"hilfe"}},
		{"hilfe! mein passwort geht nicht", nil},
		{"passwort vergessen", nil},
	} {
		text := clean(c.msg)
		if got := botCommands(text, tokens(text)); !slices.Equal(got, c.want) {
			t.Errorf("botCommands(%q) = %q, want %q", c.msg, got, c.want)
		}
	}
}

// TestBotAnswerChoice: on the shipped library, a question about the bot
// that the search answers with a guide about something else gets a
// choice of the guides about the bot with the answered guide last; a
// choice about the bot gets them in its free places; guide questions
// that only address the bot keep their answers.
func TestBotAnswerChoice(t *testing.T) {
	lib := loadLibrary(t)
	_, own := botOf(lib)
	for _, c := range []struct {
		msg, bot, other string
	}{
		{"merkst du dir was ich dich gefragt habe?", "lotse/was-lotse-speichert.md", "datenschutz/sichere-passwoerter.md"},
		{"merkst du dir eigentlich was ich dich frage", "lotse/was-lotse-speichert.md", "datenschutz/sichere-passwoerter.md"},
		{"antwortest du auch am wochenende?", "lotse/lotse-fragen.md", "team/supportfall-fuer-mitglieder.md"},
		{"ich hab !hilfe geschrieben und es passiert gar nichts", "lotse/befehle.md", "team/supportfall-fuer-mitglieder.md"},
		{"warum antwortest du mir nicht", "lotse/lotse-fragen.md", "team/supportfall-fuer-mitglieder.md"},
	} {
		d := Decide(c.msg, lib, Options{Cases: true})
		g := d.Guides()
		if d.Outcome != Choose || !slices.Contains(g, c.bot) || len(g) == 0 || g[len(g)-1] != c.other {
			t.Errorf("%q: %s %v, want a choice with %s and %s last", c.msg, d.Outcome, g, c.bot, c.other)
			continue
		}
		for _, id := range g[:len(g)-1] {
			if !slices.Contains(own, id) {
				t.Errorf("%q: %s before the answered guide is no guide about the bot", c.msg, id)
			}
		}
		if want := choiceMarkdown(hitTitles(d.Hits), &German, ""); d.Reply != want {
			t.Errorf("%q: the reply %q, want the choice of its guides %q", c.msg, d.Reply, want)
		}
	}
	// A question about what the bot keeps gets the guide about what it
	// stores first, though its other words („fragen“) are the asking
	// guide's.
	for _, msg := range []string{"merkst du dir eigentlich was ich dich frage", "merkst du dir was ich dich gefragt habe?"} {
		if g := Decide(msg, lib, Options{Cases: true}).Guides(); len(g) == 0 || g[0] != "lotse/was-lotse-speichert.md" {
			t.Errorf("%q: %v, want lotse/was-lotse-speichert.md first", msg, g)
		}
	}
	// A choice of two about the bot gets a third, a guide about the bot.
	d := Decide("merkst du dir mein passwort?", lib, Options{Cases: true})
	if g := d.Guides(); d.Outcome != Choose || len(g) != maxChoices || !slices.Contains(own, g[len(g)-1]) ||
		g[0] != "datenschutz/sichere-passwoerter.md" {
		t.Errorf("merkst du dir mein passwort?: %s %v, want the choice with a guide about the bot third", d.Outcome, g)
	}
	// The wider reading fills a choice only when the search itself offers
	// a guide about the bot: a manner question's generic „du“ does not.
	if d := Decide("wie merkst du dir am besten viele passwörter", lib, Options{Cases: true}); slices.ContainsFunc(d.Guides(),
		func(id string) bool { return slices.Contains(own, id) }) {
		t.Errorf("wie merkst du dir am besten viele passwörter: %s %v, want no guide about the bot", d.Outcome, d.Guides())
	}
	for _, c := range []struct{ msg, guide string }{
		{"kannst du mir sagen, wie ich die Kamera einschalte?", "bbb/kamera-funktioniert-nicht.md"},
		{"kann ich dich fragen wie ich die kamera einschalte", "bbb/kamera-funktioniert-nicht.md"},
		{"can you tell me how to reset my password?", "konto/passwort-vergessen.md"},
		{"was machst du wenn du das passwort vergessen hast", "konto/passwort-vergessen.md"},
		{"wie merke ich mir meine passwörter", "datenschutz/sichere-passwoerter.md"},
	} {
		if d := Decide(c.msg, lib, Options{Cases: true}); d.Outcome != Answer || d.Guides()[0] != c.guide {
			t.Errorf("%q: %s %v, want the answer %s", c.msg, d.Outcome, d.Guides(), c.guide)
		}
	}
}

// TestBotAnswerBench: a library without guides tagged with the bot's name
// (the bench guides) keeps the answer.
func TestBotAnswerBench(t *testing.T) {
	lib := loadBenchLibrary(t)
	if _, own := botOf(lib); len(own) != 0 {
		t.Skipf("the bench guides tag %v with the bot's name", own)
	}
	for _, msg := range []string{"merkst du dir meine fragen", "antwortest du auch am wochenende?",
		"ich hab !hilfe geschrieben und es passiert gar nichts"} {
		rec := &recorder{lib: lib}
		Decide(msg, rec, Options{Cases: true})
		for _, q := range rec.queries {
			if strings.HasPrefix(q, "bot:") {
				t.Errorf("%q: searched the guides about the bot (%q)", msg, rec.queries)
			}
		}
	}
}

// TestBotAnswerSearchBudget: the search of the guides about the bot is a
// message's second search and takes the place of the question sentence's
// check (TestDecideSearchesAtMostTwice); a request for a person searches
// no guide about the bot.
func TestBotAnswerSearchBudget(t *testing.T) {
	lib := loadLibrary(t)
	for _, c := range []struct {
		msg  string
		want []string // the searches' marks: "" the message's, "bot" the bot's guides'
	}{
		{"merkst du dir was ich dich gefragt habe?", []string{"", "bot"}},
		{"ich hab mal eine frage. antwortest du auch am wochenende?", []string{"", "bot"}},
		{"ich hab !hilfe geschrieben und es passiert gar nichts", []string{"", "bot"}},
		{"kann mir jemand sagen, ob du auch am wochenende antwortest", []string{""}},
		{"wie lange dauert das sommerfest?", []string{""}},
	} {
		rec := &recorder{lib: lib}
		d := Decide(c.msg, rec, Options{Cases: true})
		var got []string
		for _, q := range rec.queries {
			if strings.HasPrefix(q, "bot:") {
				got = append(got, "bot")
			} else {
				got = append(got, "")
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: searches %q, want %q (%s %v)", c.msg, rec.queries, c.want, d.Outcome, d.Guides())
		}
	}
}

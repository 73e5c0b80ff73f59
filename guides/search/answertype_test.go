package search

import (
	"path/filepath"
	"testing"
)

// TestAskedKind: the grammar of the question's first asking clause. A
// question for a fact, a choice, a person or a reason, or a yes/no
// question whose subject is not the member, asks for a matter; a choice
// of the member's own doing, a question of manner, a statement and a
// yes/no question about the member's doing ask for no kind.
func TestAskedKind(t *testing.T) {
	for _, c := range []struct {
		q    string
		want askKind
	}{
		{"ich benutze überall das gleiche passwort, ist das schlimm", askMatter},
		{"ist es schlimm wenn ich überall dasselbe kennwort benutze?", askMatter},
		{"Mein Laptop ist uralt, reicht der für die Videokonferenzen?", askMatter},
		{"können die admins meine nachrichten im matrix chat mitlesen?", askMatter},
		{"wen ruf ich an wenn meine adresse falsch ist", askMatter},
		{"welcher browser ist am besten fuer die videokonferenzen", askMatter},
		{"mit welchem browser laufen eure videokonferenzen am besten?", askMatter},
		{"Ich muss so einen Kurs machen. Was ist das genau?", askMatter},
		{"warum ist der kalender leer", askMatter},
		{"is it safe to use the same password everywhere", askMatter},
		{"who do I call about my address", askMatter},
		// The member's own doing: part of a task.
		{"welche app brauch ich für die codes beim einloggen", askNothing},
		{"qr code scannen fuer die cloud, welche app brauch ich da", askNothing},
		{"warum kann ich keinen raum erstellen", askNothing},
		{"kann ich nur bestimmte ordner nehmen?", askNothing},
		// A modal verb first after another clause: the subject left out.
		{"auf dem neuen rechner sehe ich nur verschlüsselte nachrichten, kann die alten nicht lesen", askNothing},
		{"ich sehe nur alte nachrichten, ist das normal", askMatter},
		{"was soll ich auswählen, mit mikrofon oder nur zuhören", askNothing},
		// Manner and place, statements, degree.
		{"wie schalte ich die anmeldung mit code ein", askNothing},
		{"wo bekomme ich diese backup codes her", askNothing},
		{"wie viel zeit muss ich einplanen", askNothing},
		{"mein handy ist so langsam geworden", askNothing},
		{"das ist schlimm", askNothing},
		{"", askNothing},
		{"ist", askNothing},
	} {
		var buf [64]rawToken
		if got := askedKind(tokenize(c.q, buf[:0])); got != c.want {
			t.Errorf("%q: kind %d, want %d", c.q, got, c.want)
		}
	}
}

// TestTaskTitle: a task title names a task by its infinitive; a title
// headed by a question word is read by its head.
func TestTaskTitle(t *testing.T) {
	for _, c := range []struct {
		title string
		want  bool
	}{
		{"Passwort ändern in den persönlichen Einstellungen", true},
		{"Zwei-Faktor-Anmeldung (2FA) einrichten", true},
		{"Im Digitalisierungsteam mitmachen", true},
		{"Wenn Lotse nicht weiterweiß: einen Supportfall öffnen", true},
		{"Wie du dein Passwort änderst", true},
		{"Sichere Passwörter und Passwortmanager", false},
		{"Zwei-Faktor: Handy verloren, kaputt oder gewechselt", false},
		{"Welcher Browser und welche Technik für BBB?", false},
		{"Welche Daten Cloud, Videokonferenzen und Chat über dich speichern", false},
		{"Was Lotse über dich speichert – und wie du Auskunft oder Löschung bekommst", false},
		{"Ansprechpersonen: Geschäftsstelle und Digitalisierungsteam", false},
		{"", false},
	} {
		if got := taskTitle(c.title); got != c.want {
			t.Errorf("%q: task %v, want %v", c.title, got, c.want)
		}
	}
}

// TestAnswerTypeBench: on the bench library, a question for a matter
// whose first guide has a task title and a close runner-up that names no
// task gets that runner-up first, as a move (never confident); with the
// reading off (answerTypeOff) the task guide stays first. A choice of the
// member's own doing moves nothing.
func TestAnswerTypeBench(t *testing.T) {
	ix := Build(loadGuides(t, filepath.Join(benchDir(t), "guides")), DefaultOptions())
	for _, c := range []struct {
		q, on, off string
	}{
		{"ich benutze überall das gleiche passwort, ist das schlimm", "datenschutz/sichere-passwoerter.md", "konto/passwort-aendern.md"},
		{"können die admins meine nachrichten im matrix chat mitlesen?", "datenschutz/gespeicherte-daten.md", "matrix/konto-erstellen.md"},
		{"wen ruf ich an wenn meine adresse in der mitgliederverwaltung falsch ist", "team/ansprechpersonen-geschaeftsstelle.md", "datenschutz/phishing-erkennen.md"},
		{"welche app brauch ich für die sechsstelligen codes beim einloggen", "konto/zwei-faktor-einrichten.md", "konto/zwei-faktor-einrichten.md"},
	} {
		answerTypeOff = true
		roff := ix.Search(c.q, 3)
		answerTypeOff = false
		ron := ix.Search(c.q, 3)
		if len(ron.Hits) == 0 || len(roff.Hits) == 0 {
			t.Fatalf("%q: no hits", c.q)
		}
		if roff.Hits[0].ID != c.off {
			t.Errorf("%q off: first %s, want %s", c.q, roff.Hits[0].ID, c.off)
		}
		if ron.Hits[0].ID != c.on {
			t.Errorf("%q: first %s, want %s", c.q, ron.Hits[0].ID, c.on)
		}
		if c.on != c.off && (ron.Confident || !ron.MovedByAnswerType() || ron.HitsBeforeRerank()[0].ID != c.off) {
			t.Errorf("%q: confident %v, moved by answer type %v, judged first %s; want a move, never confident",
				c.q, ron.Confident, ron.MovedByAnswerType(), ron.HitsBeforeRerank()[0].ID)
		}
	}
}

// TestAnswerTypeMovesUntaskedTitle: a message that asks for a matter
// („ist das schlimm?“) moves the close runner-up whose title names no
// task ahead of the first guide's task title. Its cost per message (the
// title kind is read once per guide at Build, docInfo.task, not again for
// every message) is BenchmarkAnswerTypeMove's, not a test's.
func TestAnswerTypeMovesUntaskedTitle(t *testing.T) {
	ix, toks, cands := answerTypeFixture()
	if k := askedKind(toks); k != askMatter {
		t.Fatalf("askedKind = %d, want askMatter", k)
	}
	if j := ix.typeMove(askMatter, cands); j != 1 {
		t.Fatalf("typeMove = %d, want 1", j)
	}
}

// BenchmarkAnswerTypeMove measures the answer type's work on one message
// that asks for a matter, with allocations (0 allocs/op since the title
// kind is read at Build; docs/performance.md).
func BenchmarkAnswerTypeMove(b *testing.B) {
	ix, toks, cands := answerTypeFixture()
	b.ReportAllocs()
	for b.Loop() {
		ix.typeMove(askedKind(toks), cands)
	}
}

// answerTypeFixture is a task title first and a close runner-up without a
// task, and a message that asks for a matter.
func answerTypeFixture() (*Index, []rawToken, []cand) {
	ix := Build([]Doc{
		{ID: "a.md", Title: "Passwort ändern in den persönlichen Einstellungen", Sections: []Section{{"", "Passwort ändern."}}},
		{ID: "b.md", Title: "Sichere Passwörter und Passwortmanager", Sections: []Section{{"", "Lange Passwörter."}}},
	}, Options{})
	toks := tokenize("ich benutze überall das gleiche passwort, ist das schlimm?", nil)
	return ix, toks, []cand{{doc: 0, rank: 1}, {doc: 1, rank: 0.9}}
}

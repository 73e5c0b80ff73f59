package learn

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
)

func guardLibrary(t *testing.T) *guides.Library {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"termine/kalender.md": "---\ntitle: Kalender abonnieren\ntags: [kalender, caldav]\nsummary: Den Verbandskalender ins Telefon holen.\nfragen:\n  - \"Wie abonniere ich den Kalender?\"\n---\n\nAlle Sitzungstermine der Gremien stehen im Verbandskalender. Öffne die Einstellungen deines Telefons und füge ein CalDAV-Konto hinzu.\n",
		"konto/passwort.md":   "---\ntitle: Passwort ändern\ntags: [passwort, konto]\nsummary: Ein neues Passwort für dein Konto setzen.\nfragen:\n  - \"Wie ändere ich mein Passwort?\"\n---\n\nGeh in die Einstellungen und wähle Sicherheit.\n",
		"bbb/raum.md":         "---\ntitle: Konferenzraum beantragen\ntags: [bbb, raum, videokonferenz]\nsummary: Einen festen Raum für Videokonferenzen bekommen.\nfragen:\n  - \"Wie bekomme ich einen Konferenzraum?\"\n---\n\nSchreib Lotse `!raum` und nenne deine Gruppe.\n",
	}
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lib, problems, err := guides.Load(dir)
	if err != nil || guides.HasErrors(problems) {
		t.Fatal(err, problems)
	}
	return lib
}

// TestGuardRefusesRegression: a question the admin's set expects from the
// calendar guide (found there through its text) would be answered with
// another guide once the same words are taught to that one: Check names
// it. A harmless question passes.
func TestGuardRefusesRegression(t *testing.T) {
	base := guardLibrary(t)
	weak := search.Question{Text: "Wo finde ich die Sitzungstermine im Kalender?", Expected: "termine/kalender.md"}
	qs := EvalSet(base, nil, []search.Question{weak})
	if len(qs) != 4 || qs[3] != weak {
		t.Fatalf("eval set: %+v", qs)
	}
	before := Judge(base, qs)
	if Score(before) != len(qs) {
		t.Fatalf("precondition: not all right before: %+v", before)
	}
	after := base.WithLearned(guides.Learned{"bbb/raum.md": {weak.Text}})
	regs := Check(base, after, qs)
	if len(regs) != 1 || regs[0].Question != weak {
		t.Fatalf("regressions: %+v (after: %s %v)", regs, Judge(after, qs)[3].Decision.Outcome, Judge(after, qs)[3].Decision.Guides())
	}
	if r := Vet(base, nil, []search.Question{weak}, nil, "bbb/raum.md", weak.Text); r.Kind != RefuseWorse || len(r.Regressions) != 1 {
		t.Fatalf("Vet: %+v", r)
	}
	for q, kind := range map[string]RefusalKind{
		"Danke dir!":                           RefuseScope,
		"Ich will mit einem Menschen sprechen": RefuseScope,
		"Wie ändere ich mein Passwort":         RefuseInFile,
		"kurz?":                                RefuseShort,
		"Unsere Ortsgruppe braucht einen Treffpunkt im Netz": Accepted,
	} {
		if r := Vet(base, guides.Learned{"konto/passwort.md": {"Kennwort neu setzen, wie?"}}, nil, nil, "bbb/raum.md", q); r.Kind != kind {
			t.Errorf("Vet(%q) = %+v, want %s", q, r, kind)
		}
	}
	if r := Vet(base, guides.Learned{"konto/passwort.md": {"Kennwort neu setzen, wie?"}}, nil, nil, "bbb/raum.md", "kennwort NEU setzen wie"); r.Kind != RefuseDup || r.Guide != "konto/passwort.md" {
		t.Errorf("duplicate: %+v", r)
	}
	ok := base.WithLearned(guides.Learned{"bbb/raum.md": {"Unsere Ortsgruppe braucht einen Treffpunkt im Netz"}})
	if regs := Check(base, ok, qs); len(regs) != 0 {
		t.Fatalf("harmless question refused: %+v", regs)
	}
	// Learned questions are part of the set, for guides the library has.
	qs = EvalSet(base, guides.Learned{"bbb/raum.md": {"x?"}, "weg.md": {"y?"}}, nil)
	if len(qs) != 4 || qs[3].Text != "x?" {
		t.Fatalf("with learned: %+v", qs)
	}
}

func TestScrub(t *testing.T) {
	tests := []struct {
		in, want string
		found    []Kind
	}{
		{"Mail an mia.m@example.org bitte", "Mail an [E-Mail] bitte", []Kind{KindEmail}},
		{"ich bin @mia:matrix.example.org im Raum #ag:example.org", "ich bin [Matrix-ID] im Raum [Matrix-ID]", []Kind{KindMatrixID}},
		{"ruf mich an: 0171 1234567 oder +49 (30) 123-4567", "ruf mich an: [Telefonnummer] oder [Telefonnummer]", []Kind{KindPhone}},
		{"Sitzung am 04.12.2026 um 19:30 in Raum 12", "Sitzung am 04.12.2026 um 19:30 in Raum 12", nil},
		{"Version 2.3.1 und PLZ 20095", "Version 2.3.1 und PLZ 20095", nil},
		{"  viel   Leerraum\n", "viel Leerraum", nil},
	}
	for _, tt := range tests {
		got, found := Scrub(tt.in, &German)
		if got != tt.want || len(found) != len(tt.found) || (len(found) > 0 && found[0] != tt.found[0]) {
			t.Errorf("Scrub(%q) = %q %v, want %q %v", tt.in, got, found, tt.want, tt.found)
		}
	}
}

// BenchmarkVet is the guard of one !lehren on the starter library: the
// evaluation set decided with and without the new question.
func BenchmarkVet(b *testing.B) {
	base, _, err := guides.Load(filepath.Join("..", "..", "library"))
	if err != nil {
		b.Fatal(err)
	}
	n := len(EvalSet(base, nil, nil))
	for b.Loop() {
		Vet(base, nil, nil, nil, "bbb/raum-fuer-ag-beantragen.md", "Unsere Ortsgruppe braucht einen Treffpunkt im Netz")
	}
	b.ReportMetric(float64(n), "questions")
}

// TestJudgeCurrent: the guard's "before" taken from the library in use is
// what Vet would build from the files' library with the learned questions,
// and is not taken when the library in use has other learned questions.
func TestJudgeCurrent(t *testing.T) {
	base := guardLibrary(t)
	learned := guides.Learned{"konto/passwort.md": {"Kennwort neu setzen, wie?"}, "weg.md": {"y?"}}
	extra := []search.Question{{Text: "Wo finde ich die Sitzungstermine im Kalender?", Expected: "termine/kalender.md"}}
	cur := base.WithLearned(learned)
	got := judgeCurrent(cur, base, learned, extra, nil)
	want := Judge(base.WithLearned(learned), EvalSet(base, learned, extra))
	if len(got) != len(want) || len(got) != 5 {
		t.Fatalf("judgeCurrent: %d outcomes, want %d (5)", len(got), len(want))
	}
	for i := range want {
		if got[i].Question != want[i].Question || got[i].Right != want[i].Right ||
			got[i].Decision.Outcome != want[i].Decision.Outcome || !slices.Equal(got[i].Decision.Guides(), want[i].Decision.Guides()) {
			t.Errorf("outcome %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	for name, l := range map[string]guides.Learned{
		"one more":  {"konto/passwort.md": {"Kennwort neu setzen, wie?", "Passwort vergessen, was tun?"}},
		"none":      nil,
		"elsewhere": {"bbb/raum.md": {"Kennwort neu setzen, wie?"}},
	} {
		if got := judgeCurrent(cur, base, l, extra, nil); got != nil {
			t.Errorf("%s: outcomes taken from a library with other learned questions", name)
		}
	}
}

// TestKnownOutcomes (loop28): the guard keeps what it judged on a library
// and the next !lehren's "before" takes it instead of deciding again (a
// planted outcome comes back: it was not decided anew); what it takes is
// what deciding gives, also after a question was accepted (the accepted
// library's outcomes, with the new question decided); another library
// knows nothing.
func TestKnownOutcomes(t *testing.T) {
	base := guardLibrary(t)
	learned := guides.Learned{"konto/passwort.md": {"Kennwort neu setzen, wie?"}}
	extra := []search.Question{{Text: "Wo finde ich die Sitzungstermine im Kalender?", Expected: "termine/kalender.md"}}
	cur := base.WithLearned(learned)
	var k Known
	before := judgeCurrent(cur, base, learned, extra, k.For(cur))
	k.Add(cur, before)
	if k.For(base) != nil || k.For(nil) != nil {
		t.Fatal("outcomes known on another library")
	}
	planted := maps.Clone(k.For(cur))
	q := before[0].Question
	o := planted[q]
	o.Right = !o.Right
	planted[q] = o
	if got := judgeCurrent(cur, base, learned, extra, planted); got[0].Right == before[0].Right {
		t.Fatal("a known outcome was decided again")
	}

	r := Vet(base, learned, extra, before, "bbb/raum.md", "Unsere Ortsgruppe braucht einen Treffpunkt im Netz")
	if r.Kind != Accepted || r.After == nil {
		t.Fatalf("Vet: %+v", r)
	}
	k.Add(r.After, r.Judged)
	with := guides.Learned{"konto/passwort.md": learned["konto/passwort.md"], "bbb/raum.md": {"Unsere Ortsgruppe braucht einen Treffpunkt im Netz"}}
	got := judgeCurrent(r.After, base, with, extra, k.For(r.After))
	want := Judge(r.After, EvalSet(base, with, extra))
	if len(got) != len(want) || len(got) != len(r.Judged)+1 {
		t.Fatalf("%d outcomes, want %d (%d known + the new question)", len(got), len(want), len(r.Judged))
	}
	for i := range want {
		if got[i].Question != want[i].Question || got[i].Right != want[i].Right || got[i].Decision.Outcome != want[i].Decision.Outcome ||
			!slices.Equal(got[i].Decision.Guides(), want[i].Decision.Guides()) {
			t.Errorf("%q: known %v %s %v, decided %v %s %v", want[i].Question.Text, got[i].Right, got[i].Decision.Outcome, got[i].Decision.Guides(),
				want[i].Right, want[i].Decision.Outcome, want[i].Decision.Guides())
		}
	}
}

package guides_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/guides"
)

const learnedGuide = `---
title: "Kalender abonnieren"
tags: [kalender, caldav]
summary: "Wie du den Termin-Kalender des Verbands in dein Telefon holst."
fragen:
  - "Wie abonniere ich den Kalender?"
# Kommentar zur Liste
audience: members
---

# Kalender abonnieren

Öffne die Einstellungen deines Telefons und füge ein CalDAV-Konto hinzu.
`

const otherGuide = `---
title: "Passwort ändern"
tags: [passwort, konto]
summary: "Ein neues Passwort für dein Konto setzen."
---

Geh in die Einstellungen und wähle Sicherheit.
`

func writeLibrary(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range map[string]string{"termine/kalender.md": learnedGuide, "konto/passwort.md": otherGuide, "README.md": "kein Leitfaden\n"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// A question in words the guide does not use.
const memberWords = "Wo sehe ich die Sitzungstermine der Ortsgruppe auf dem Handy"

func firstHit(lib *guides.Library, q string) string {
	res := lib.Search(q, 3)
	if len(res.Hits) == 0 {
		return ""
	}
	return res.Hits[0].ID
}

// TestStoreLearned: learned questions count in the search at once, survive
// a reload of the files, and leave the files' library (Base) alone.
func TestStoreLearned(t *testing.T) {
	dir := writeLibrary(t)
	s, err := guides.NewStore(dir, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	if got := firstHit(s.Current(), memberWords); got == "termine/kalender.md" {
		t.Fatalf("precondition: the guide is found without learning")
	}
	s.SetLearned(guides.Learned{"termine/kalender.md": {memberWords}, "gibt/es-nicht.md": {"egal"}})
	if got := firstHit(s.Current(), memberWords); got != "termine/kalender.md" {
		t.Fatalf("after learning: first hit %q", got)
	}
	if got := firstHit(s.Base(), memberWords); got == "termine/kalender.md" {
		t.Fatal("the files' library changed")
	}
	g, _ := s.Current().Get("termine/kalender.md")
	if !slices.Equal(g.Learned, []string{memberWords}) || len(g.Questions) != 1 {
		t.Fatalf("learned %q, questions %q", g.Learned, g.Questions)
	}
	if base, _ := s.Base().Get("termine/kalender.md"); len(base.Questions) != 1 || len(base.Learned) != 0 {
		t.Fatalf("base guide was modified: %q, %q", base.Questions, base.Learned)
	}
	topics := s.Current().Topics()
	if len(topics) != 2 || topics[0].Name != "konto" || topics[1].Guides[0] != g {
		t.Fatalf("topics: %+v", topics)
	}
	// A reload of the files keeps them.
	if err := os.WriteFile(filepath.Join(dir, "konto/neu.md"), []byte(guideSrc("Neu")), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	if s.Current().Len() != 3 || firstHit(s.Current(), memberWords) != "termine/kalender.md" {
		t.Fatalf("after reload: %d guides, first hit %q", s.Current().Len(), firstHit(s.Current(), memberWords))
	}
	// Forgetting takes it out of the search.
	s.SetLearned(nil)
	if got := firstHit(s.Current(), memberWords); got == "termine/kalender.md" {
		t.Fatal("still found after forgetting")
	}
}

// TestExportLearned: the copy differs from the library only by the added
// question lines; the copy loads with the questions; a question already
// listed is not added twice; a guide without a list gets one.
func TestExportLearned(t *testing.T) {
	src := writeLibrary(t)
	dst := filepath.Join(t.TempDir(), "review")
	learned := guides.Learned{
		"termine/kalender.md": {memberWords, "wie abonniere ich den Kalender", `Termine "live" im Handy?`},
		"konto/passwort.md":   {"Kennwort neu setzen"},
	}
	counts, err := guides.ExportLearned(src, dst, learned)
	if err != nil {
		t.Fatal(err)
	}
	if counts["termine/kalender.md"] != 2 || counts["konto/passwort.md"] != 1 {
		t.Fatalf("counts: %v", counts)
	}
	got, _ := os.ReadFile(filepath.Join(dst, "termine/kalender.md"))
	want := strings.Replace(learnedGuide, "# Kommentar zur Liste\n",
		"  - \""+memberWords+"\"\n  - \"Termine \\\"live\\\" im Handy?\"\n# Kommentar zur Liste\n", 1)
	if string(got) != want {
		t.Fatalf("kalender.md:\n%s\nwant:\n%s", got, want)
	}
	got, _ = os.ReadFile(filepath.Join(dst, "konto/passwort.md"))
	want = strings.Replace(otherGuide, "---\n\n", "fragen:\n  - \"Kennwort neu setzen\"\n---\n\n", 1)
	if string(got) != want {
		t.Fatalf("passwort.md:\n%s\nwant:\n%s", got, want)
	}
	if a, b := readFile(t, src, "README.md"), readFile(t, dst, "README.md"); !bytes.Equal(a, b) {
		t.Fatal("other files changed")
	}
	lib, problems, err := guides.Load(dst)
	if err != nil || guides.HasErrors(problems) {
		t.Fatalf("copy does not load: %v %v", err, problems)
	}
	g, _ := lib.Get("termine/kalender.md")
	if !slices.Equal(g.Questions, []string{"Wie abonniere ich den Kalender?", memberWords, `Termine "live" im Handy?`}) {
		t.Fatalf("loaded questions: %q", g.Questions)
	}
	// The source is untouched; a non-empty target is refused.
	if got := readFile(t, src, "termine/kalender.md"); string(got) != learnedGuide {
		t.Fatal("source changed")
	}
	if _, err := guides.ExportLearned(src, dst, learned); err == nil {
		t.Fatal("export into a non-empty folder")
	}
	// A flow list cannot be extended without rewriting it: refused, nothing written.
	flow := filepath.Join(src, "konto/flow.md")
	if err := os.WriteFile(flow, []byte("---\ntitle: F\ntags: [a]\nsummary: S\nfragen: [\"a?\"]\n---\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dst2 := filepath.Join(t.TempDir(), "x")
	if _, err := guides.ExportLearned(src, dst2, guides.Learned{"konto/flow.md": {"b?"}}); err == nil {
		t.Fatal("flow list extended")
	}
	if _, err := os.Stat(dst2); err == nil {
		t.Fatal("something was written after a refusal")
	}
}

func readFile(t *testing.T, dir, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestExportLearnedWholeLibrary: one question exported into every guide of
// the starter library and the bench library: each copy differs from its file by exactly the one
// added line, and the copy loads with the question.
func TestExportLearnedWholeLibrary(t *testing.T) {
	for _, src := range []string{"../library", "../../shared/bench/guides"} {
		t.Run(filepath.Base(filepath.Dir(src))+"/"+filepath.Base(src), func(t *testing.T) {
			if _, err := os.Stat(src); err != nil {
				if src == "../library" {
					t.Fatalf("the starter library is part of the repository: %v", err)
				}
				t.Skipf("%s: %v (outside the repository)", src, err)
			}
			exportEvery(t, src)
		})
	}
}

func exportEvery(t *testing.T, src string) {
	lib, _, err := guides.Load(src)
	if err != nil {
		t.Fatal(err)
	}
	learned := guides.Learned{}
	for _, g := range lib.Guides() {
		learned[g.ID] = []string{"Eine gelernte Frage zu " + g.ID + "?"}
	}
	dst := filepath.Join(t.TempDir(), "copy")
	if _, err := guides.ExportLearned(src, dst, learned); err != nil {
		t.Fatal(err)
	}
	out, problems, err := guides.Load(dst)
	if err != nil || guides.HasErrors(problems) {
		t.Fatalf("copy does not load: %v %v", err, problems)
	}
	for _, g := range lib.Guides() {
		orig := readFile(t, src, g.ID)
		got := readFile(t, dst, g.ID)
		line := `"` + learned[g.ID][0] + `"` + "\n"
		i := bytes.Index(got, []byte(line))
		if i < 0 {
			t.Errorf("%s: question not written", g.ID)
			continue
		}
		start := bytes.LastIndexByte(got[:i], '\n') + 1
		if !bytes.Contains(orig, []byte("\nfragen:")) && !bytes.Contains(orig, []byte("\nquestions:")) {
			// A guide without a list gets one: "fragen:" goes with the question.
			start -= len("fragen:\n")
			if start < 0 || string(got[start:start+len("fragen:\n")]) != "fragen:\n" {
				t.Errorf("%s: no list added", g.ID)
				continue
			}
		}
		if back := append(append([]byte{}, got[:start]...), got[i+len(line):]...); !bytes.Equal(back, orig) {
			t.Errorf("%s: more than the question line changed", g.ID)
		}
		cg, _ := out.Get(g.ID)
		if cg == nil || !slices.Contains(cg.Questions, learned[g.ID][0]) {
			t.Errorf("%s: the copy does not have the question", g.ID)
		}
	}
}

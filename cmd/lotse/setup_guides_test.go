package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/guides"
)

// TestSetupGuidesSaysWhy: `lotse setup` says why a library has no guide —
// every file broken, or every guide needs a feature that is off — instead
// of „In … liegt keine Anleitung. Kopier die mitgelieferten …“ over a
// folder full of guides; it counts skipped files and uses correct
// plurals („1 Anleitungen geladen“ before eval31).
func TestSetupGuidesSaysWhy(t *testing.T) {
	write := func(t *testing.T, files map[string]string) string {
		dir := t.TempDir()
		for name, text := range files {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	guide := func(title, extra string) string {
		return "---\ntitle: " + title + "\ntags: [t]\nsummary: S\n" + extra + "---\nText.\n"
	}
	const broken = "kein Front Matter\n"
	tests := []struct {
		name     string
		files    map[string]string
		features []string // nil: all on
		level    int
		de, en   string
	}{
		{"one guide", map[string]string{"a.md": guide("A", "")}, nil, findOK, "1 Anleitung geladen.", "1 guide loaded."},
		{"two guides", map[string]string{"a.md": guide("A", ""), "b.md": guide("B", "")}, nil, findOK, "2 Anleitungen geladen.", "2 guides loaded."},
		{"one skipped", map[string]string{"a.md": guide("A", ""), "b.md": broken}, nil, findWarn,
			"1 Anleitung geladen; 1 Datei hat Fehler und wird übersprungen.", "1 guide loaded; 1 file has errors and is skipped."},
		{"one file, three errors", map[string]string{"a.md": guide("A", ""), "b.md": "---\ntitle: \n---\nText.\n"}, nil, findWarn,
			"1 Anleitung geladen; 1 Datei hat Fehler und wird übersprungen.", "1 guide loaded; 1 file has errors and is skipped."},
		{"all broken", map[string]string{"a.md": broken, "b.md": broken}, nil, findFail,
			"lässt sich keine Anleitung laden: 2 Dateien haben Fehler und werden übersprungen.", "No guide in DIR loads: 2 files have errors and are skipped."},
		{"all hidden", map[string]string{"a.md": guide("A", "requires: [cases]\n"), "b.md": guide("B", "requires: [cases]\n")}, []string{}, findFail,
			"bleiben alle 2 Anleitungen ausgeblendet", "All 2 guides in DIR stay hidden because the features they explain are off."},
		{"the only one hidden", map[string]string{"a.md": guide("A", "requires: [cases]\n")}, []string{}, findFail,
			"bleibt die einzige Anleitung ausgeblendet", "The only guide in DIR stays hidden because the feature it explains is off."},
		{"one more hidden", map[string]string{"a.md": guide("A", ""), "b.md": guide("B", "requires: [cases]\n")}, []string{}, findOK,
			"1 Anleitung geladen; 1 weitere bleibt ausgeblendet", "1 guide loaded; 1 more stays hidden because the feature it explains is off."},
		// Two hidden beside one loaded: the plural says „die Funktionen … sind“
		// as „all hidden“ does; it read „die Funktion, die sie erklären, aus
		// ist“ (texts33).
		{"two more hidden", map[string]string{"a.md": guide("A", ""), "b.md": guide("B", "requires: [cases]\n"), "c.md": guide("C", "requires: [roundtables]\n")}, []string{}, findOK,
			"1 Anleitung geladen; 2 weitere bleiben ausgeblendet, weil die Funktionen, die sie erklären, aus sind.", "1 guide loaded; 2 more stay hidden because the features they explain are off."},
		{"empty", map[string]string{}, nil, findFail, "liegt keine Anleitung.", "There is no guide in DIR."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := write(t, tt.files)
			var opts []guides.Option
			if tt.features != nil {
				opts = append(opts, guides.WithFeatures(tt.features...))
			}
			lib, problems, err := guides.Load(dir, opts...)
			fs := checkGuides(config.Config{GuidesDir: dir}, lib, problems, err)
			if len(fs) != 1 {
				t.Fatalf("%d findings, want 1: %+v", len(fs), fs)
			}
			f := fs[0]
			en := strings.ReplaceAll(tt.en, "DIR", dir)
			if f.level != tt.level || !strings.Contains(f.de, tt.de) || !strings.Contains(f.en, en) {
				t.Errorf("got level %d %q / %q; want level %d with %q / %q", f.level, f.de, f.en, tt.level, tt.de, en)
			}
			if strings.Contains(f.de+f.en, "%!") {
				t.Errorf("format verb left: %q / %q", f.de, f.en)
			}
		})
	}
}

// TestSetupLearnEvalQuestions: `lotse setup` checks learn_eval_questions
// against the library: a row naming a guide or outcome Lotse does not know
// protects nothing in the check before !lehren, and was not mentioned.
func TestSetupLearnEvalQuestions(t *testing.T) {
	lib, problems, err := guides.Load(filepath.Join("..", "..", "library"))
	if err != nil {
		t.Fatal(err)
	}
	const id = "konto/passwort-vergessen.md"
	tests := []struct {
		name, file string
		level      int
		de, en     []string
	}{
		{"good", "question\texpected\npasswort vergessen\t" + id + "\nhallo\tsmalltalk\n", findOK,
			[]string{"2 Fragen, alle mit bekannter Anleitung"}, []string{"2 questions, every one with a known guide or outcome"}},
		{"unknown", "question\texpected\npasswort vergessen\tlibrary/" + id + "\nhallo\tsmaltalk\nx\tgibt/es-nicht.md\n", findWarn,
			[]string{"nennen 3 Zeilen", "Zeile 2: library/" + id + " (meintest du " + id + "?)", "Zeile 3: smaltalk (meintest du smalltalk?)", "Zeile 4: gibt/es-nicht.md"},
			[]string{"3 rows name", "line 2: library/" + id + " (did you mean " + id + "?)", "line 3: smaltalk (did you mean smalltalk?)"}},
		{"one", "question\texpected\nx\tgibt/es-nicht.md\n", findWarn, []string{"nennt 1 Zeile"}, []string{"1 row names", "passes over it"}},
		{"no tab", "question\texpected\npasswort vergessen\n", findFail, []string{"lässt sich nicht lesen", "line 2: no tab"}, []string{"cannot be read"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "eval.tsv")
			if err := os.WriteFile(path, []byte(tt.file), 0o644); err != nil {
				t.Fatal(err)
			}
			fs := checkLearnEval(config.Config{LearnEvalQuestions: path}, lib, problems)
			if len(fs) != 1 || fs[0].level != tt.level {
				t.Fatalf("findings %+v, want one of level %d", fs, tt.level)
			}
			for _, w := range tt.de {
				if !strings.Contains(fs[0].de, w) {
					t.Errorf("German %q lacks %q", fs[0].de, w)
				}
			}
			for _, w := range tt.en {
				if !strings.Contains(fs[0].en, w) {
					t.Errorf("English %q lacks %q", fs[0].en, w)
				}
			}
		})
	}
	if fs := checkLearnEval(config.Config{}, lib, problems); len(fs) != 0 {
		t.Errorf("without learn_eval_questions: %+v", fs)
	}
}

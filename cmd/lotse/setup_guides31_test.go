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
		{"all broken", map[string]string{"a.md": broken, "b.md": broken}, nil, findFail,
			"lässt sich keine Anleitung laden: 2 Dateien haben Fehler und werden übersprungen.", "No guide in DIR loads: 2 files have errors and are skipped."},
		{"all hidden", map[string]string{"a.md": guide("A", "requires: [cases]\n"), "b.md": guide("B", "requires: [cases]\n")}, []string{}, findFail,
			"bleiben alle 2 Anleitungen ausgeblendet", "All 2 guides in DIR stay hidden because the features they explain are off."},
		{"the only one hidden", map[string]string{"a.md": guide("A", "requires: [cases]\n")}, []string{}, findFail,
			"bleibt die einzige Anleitung ausgeblendet", "The only guide in DIR stays hidden because the feature it explains is off."},
		{"one more hidden", map[string]string{"a.md": guide("A", ""), "b.md": guide("B", "requires: [cases]\n")}, []string{}, findOK,
			"1 Anleitung geladen; 1 weitere bleibt ausgeblendet", "1 guide loaded; 1 more stays hidden because the feature it explains is off."},
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

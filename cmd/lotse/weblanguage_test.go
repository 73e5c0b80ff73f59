package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/config"
)

// TestWebLanguage: the web view (`lotse run`, `guides serve`) and the static
// site (`guides build-site -c`) speak the configured language (before, both
// were German in an English deployment).
func TestWebLanguage(t *testing.T) {
	lib := copyLibrary(t)
	for _, tc := range []struct{ lang, want, notWant string }{
		{"de", `<h1>Alle Anleitungen</h1>`, `<h1>All guides</h1>`},
		{"en", `<h1>All guides</h1>`, `<h1>Alle Anleitungen</h1>`},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			dir := t.TempDir()
			yaml := "language: " + tc.lang + "\nguides_dir: " + lib + "\n"
			cfgPath := writeConfig(t, dir, yaml)
			cfg, err := config.Load(cfgPath, func(string) string { return "" })
			if err != nil {
				t.Fatal(err)
			}
			if got := webOptions(cfg, time.UTC).Language; got != tc.lang {
				t.Errorf("web view language %q, want %q", got, tc.lang)
			}
			out := filepath.Join(dir, "site")
			if _, stderr, err := runCLI(t, "", "guides", "build-site", "-c", cfgPath, "--out", out); err != nil {
				t.Fatalf("build-site: %v\n%s", err, stderr)
			}
			index, err := os.ReadFile(filepath.Join(out, "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			page := string(index)
			if !strings.Contains(page, `<html lang="`+tc.lang+`">`) || !strings.Contains(page, tc.want) || strings.Contains(page, tc.notWant) {
				t.Errorf("static index in %s:\n%s", tc.lang, page)
			}
		})
	}
}

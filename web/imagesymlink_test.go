package web_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/web"
)

// TestImageSymlinks: an image a visible guide embeds is served (and
// copied by the static build) only if it is a regular file inside the
// library folder; a symlink that leads out of it is neither, even when the
// guide embeds it and the name ends in .png.
func TestImageSymlinks(t *testing.T) {
	png, err := os.ReadFile(filepath.Join(testLibrary, "konto", "bilder", "anmeldefeld.png"))
	if err != nil {
		t.Fatal(err)
	}
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "geheim.png"), []byte("Streng geheim"), 0o644); err != nil {
		t.Fatal(err)
	}
	lib := t.TempDir()
	write := func(p string, data []byte) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(lib, p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(lib, p), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("konto/bilder/innen.png", png)
	write("konto/fotos.md", []byte("---\ntitle: Bilder\ntags: [bilder]\nsummary: Drei Bilder.\naudience: members\n---\n\n# Bilder\n\n"+
		"![innen](bilder/innen.png)\n\n![verlinkt](bilder/verlinkt.png)\n\n![raus](bilder/raus.png)\n\n![ordner](bilder/ordner/geheim.png)\n"))
	for link, target := range map[string]string{
		"konto/bilder/verlinkt.png": "innen.png",
		"konto/bilder/raus.png":     filepath.Join(outside, "geheim.png"),
		"konto/bilder/ordner":       outside,
	} {
		if err := os.Symlink(target, filepath.Join(lib, link)); err != nil {
			t.Skipf("no symlinks here: %v", err)
		}
	}
	h, _ := newHandler(t, lib, web.Options{})
	if _, problems, err := guides.Load(lib); err != nil || len(problems) > 0 {
		t.Fatalf("load: %v %v", problems, err)
	}
	for target, want := range map[string]int{
		"/bilder/konto/bilder/innen.png":         200,
		"/bilder/konto/bilder/verlinkt.png":      200, // inside the folder
		"/bilder/konto/bilder/raus.png":          404,
		"/bilder/konto/bilder/ordner/geheim.png": 404,
	} {
		res := get(t, h, target)
		if res.status != want || res.body == "Streng geheim" {
			t.Errorf("GET %s: %d, want %d", target, res.status, want)
		}
	}

	out := t.TempDir()
	if _, err := web.Build(t.Context(), loadLibrary(t, lib), out, web.Options{Dir: lib, Log: zerolog.Nop()}); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{"innen.png": true, "verlinkt.png": true, "raus.png": false, "ordner/geheim.png": false} {
		_, err := os.Stat(filepath.Join(out, "bilder", "konto", "bilder", p))
		if got := err == nil; got != want {
			t.Errorf("static build: bilder/konto/bilder/%s written: %v, want %v", p, got, want)
		}
	}
}

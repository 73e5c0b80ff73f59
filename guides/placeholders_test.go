package guides_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/guides"
)

const placeholderGuide = "---\ntitle: Cloud\ntags: [cloud]\nsummary: S\n---\n" +
	"Öffne {{cloud_url}} oder {{ cloud_host }}.\n" +
	"Schreib an <{{contact_email}}>, Lotse ist {{bot_id}} auf {{matrix_server}}.\n" +
	"[kaputt](fehlt.md)\n"

func TestLoadSubstitutesPlaceholders(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "cloud.md", placeholderGuide)
	tests := []struct {
		name string
		vars guides.Vars
		want []string
	}{
		{"configured", guides.Vars{guides.VarCloudURL: "https://wolke.verein.de/", guides.VarContactEmail: "it@verein.de",
			guides.VarBotID: "@lotse:verein.de", guides.VarMatrixServer: "verein.de"},
			[]string{"Öffne https://wolke.verein.de oder wolke.verein.de.", "<it@verein.de>", "Lotse ist @lotse:verein.de auf verein.de."}},
		{"unset shows the example", nil, []string{"Öffne https://cloud.example.org oder cloud.example.org."}},
		{"multi-line value ignored", guides.Vars{guides.VarCloudURL: "https://a.de\n# Überschrift"}, []string{"Öffne https://cloud.example.org"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib, problems, err := guides.Load(dir, guides.WithVars(tt.vars))
			if err != nil || len(problems) != 0 {
				t.Fatalf("Load: %v %v", err, problems)
			}
			g, ok := lib.Get("cloud.md")
			if !ok {
				t.Fatal("guide missing")
			}
			for _, w := range tt.want {
				if !strings.Contains(g.Body, w) {
					t.Errorf("body lacks %q:\n%s", w, g.Body)
				}
			}
			if strings.Contains(g.Body, "{{") {
				t.Errorf("placeholder left in body:\n%s", g.Body)
			}
		})
	}
	// The search index sees the substituted text.
	lib, _, _ := guides.Load(dir, guides.WithVars(guides.Vars{guides.VarCloudURL: "https://wolkenkuckucksheim.de"}))
	if res := lib.Search("wolkenkuckucksheim", 3); len(res.Hits) == 0 {
		t.Error("search does not find the substituted address")
	}
}

func TestUnknownPlaceholderSkipsGuide(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "gut.md", "---\ntitle: Gut\ntags: [a]\nsummary: S\n---\nText.\n")
	writeFile(t, dir, "tippfehler.md", "---\ntitle: Tippfehler\ntags: [a]\nsummary: S\n---\nZeile.\nÖffne {{clod_url}}.\n")
	lib, problems, err := guides.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := lib.Get("tippfehler.md"); ok {
		t.Error("guide with an unknown placeholder was loaded; members would see {{clod_url}}")
	}
	if len(problems) != 1 || problems[0].Warning || problems[0].Line != 7 || !strings.Contains(problems[0].Message, "unknown placeholder {{clod_url}}") {
		t.Errorf("got problems %v", problems)
	}
	checked, err := guides.Check(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !guides.HasErrors(checked) {
		t.Errorf("Check passed with an unknown placeholder: %v", checked)
	}
}

func TestCheckExampleAddresses(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.md", "---\ntitle: A\ntags: [a]\nsummary: S\n---\nOk: {{cloud_url}}.\nAlt: https://cloud.Example.org/s/x\n")
	problems, err := guides.Check(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 1 || problems[0].Line != 7 || problems[0].Warning || filepath.Base(problems[0].File) != "a.md" {
		t.Fatalf("got %v, want one error on line 7", problems)
	}
}

// TestShippedLibraryHasNoExampleAddresses keeps the shipped guides free of
// example.org: they must use placeholders the site config fills in.
func TestShippedLibraryHasNoExampleAddresses(t *testing.T) {
	problems, err := guides.Check(filepath.Join("..", "library"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		if strings.Contains(p.Message, "example address") || strings.Contains(p.Message, "placeholder") {
			t.Error(p.String())
		}
	}
}

func TestPlaceholderLinesStay(t *testing.T) {
	// A problem after a substituted line keeps its line number.
	dir := t.TempDir()
	writeFile(t, dir, "cloud.md", placeholderGuide)
	problems, err := guides.Check(dir, guides.WithVars(guides.Vars{guides.VarCloudURL: "https://wolke.verein.de"}))
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 1 || problems[0].Line != 8 || !strings.Contains(problems[0].Message, "fehlt.md") {
		t.Errorf("got %v, want the broken link on line 8", problems)
	}
}

// TestStoreReloadKeepsVarsNotForgotten: a reload loads with the
// placeholder values the store was made with, and with the learned
// questions as they are now — a question forgotten since the start does
// not come back from the start-up options.
func TestStoreReloadKeepsVarsNotForgotten(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "cloud.md", placeholderGuide)
	const taught = "wo finde ich die wolke"
	s, err := guides.NewStore(dir, zerolog.Nop(), guides.WithVars(guides.Vars{guides.VarCloudURL: "https://wolke.verein.de"}),
		guides.WithLearnedQuestions(guides.Learned{"cloud.md": {taught}}))
	if err != nil {
		t.Fatal(err)
	}
	if g, _ := s.Current().Get("cloud.md"); !slices.Contains(g.Learned, taught) {
		t.Fatalf("learned question missing at start: %q", g.Learned)
	}
	s.SetLearned(nil)
	if _, err := s.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	g, ok := s.Current().Get("cloud.md")
	if !ok {
		t.Fatal("guide missing after reload")
	}
	if !strings.Contains(g.Body, "https://wolke.verein.de") {
		t.Errorf("reload lost the placeholder values:\n%s", g.Body)
	}
	if len(g.Learned) != 0 {
		t.Errorf("forgotten question back after reload: %q", g.Learned)
	}
}

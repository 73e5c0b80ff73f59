package guides_test

import (
	"context"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/guides"
)

// featureLibrary writes a library whose guides require features: one for
// everybody, one about support cases, one about access requests (both
// kinds) and a team guide about cases.
func featureLibrary(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, dir, "konto/passwort.md", "---\ntitle: Passwort vergessen\ntags: [passwort]\nsummary: S\n---\nÖffne {{cloud_url}} und klick auf Passwort vergessen.\n")
	writeFile(t, dir, "lotse/supportfall.md", "---\ntitle: Supportfall öffnen\ntags: [supportfall]\nsummary: S\nrequires: cases\n---\nSchreib `!ticket` und dein Anliegen. Fragen an {{contact_email}}.\n")
	writeFile(t, dir, "zugang/antrag.md", "---\ntitle: Zugang beantragen\ntags: [zugang]\nsummary: S\nrequires: [nextcloud, BBB]\n---\nSchreib `!zugang` für {{cloud_host}}.\n")
	writeFile(t, dir, "team/faelle.md", "---\ntitle: Fälle bearbeiten\ntags: [fall]\nsummary: S\naudience: team\nrequires: [cases]\n---\nÜbernimm den Supportfall mit `!übernehmen`.\n")
	return dir
}

func ids(gs []*guides.Guide) []string {
	var out []string
	for _, g := range gs {
		out = append(out, g.ID)
	}
	return out
}

// TestLoadWithFeatures: a guide that requires a feature that is off is
// not in the library – not in the search (members' or team's), not in a
// topic, not by ID; without WithFeatures every guide loads.
func TestLoadWithFeatures(t *testing.T) {
	dir := featureLibrary(t)
	all := []string{"konto/passwort.md", "lotse/supportfall.md", "team/faelle.md", "zugang/antrag.md"}
	tests := []struct {
		name    string
		opts    []guides.Option
		want    []string
		leftOut []string
	}{
		{"no config: the whole library", nil, all, nil},
		{"everything on", []guides.Option{guides.WithFeatures(guides.FeatureNames()...)}, all, nil},
		{"everything off", []guides.Option{guides.WithFeatures()}, []string{"konto/passwort.md"},
			[]string{"lotse/supportfall.md", "team/faelle.md", "zugang/antrag.md"}},
		{"cases only", []guides.Option{guides.WithFeatures("cases")}, []string{"konto/passwort.md", "lotse/supportfall.md", "team/faelle.md"},
			[]string{"zugang/antrag.md"}},
		{"one of two required", []guides.Option{guides.WithFeatures("nextcloud", "roundtables")}, []string{"konto/passwort.md"},
			[]string{"lotse/supportfall.md", "team/faelle.md", "zugang/antrag.md"}},
		{"both required, upper case", []guides.Option{guides.WithFeatures("Nextcloud", "bbb")}, []string{"konto/passwort.md", "zugang/antrag.md"},
			[]string{"lotse/supportfall.md", "team/faelle.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib, problems, err := guides.Load(dir, tt.opts...)
			if err != nil || len(problems) != 0 {
				t.Fatalf("Load: %v %v", err, problems)
			}
			if got := ids(lib.Guides()); !slices.Equal(got, tt.want) {
				t.Errorf("guides %q, want %q", got, tt.want)
			}
			if got := lib.LeftOut(); !slices.Equal(got, tt.leftOut) {
				t.Errorf("LeftOut %q, want %q", got, tt.leftOut)
			}
			var inTopics []string
			for _, topic := range lib.Topics() {
				inTopics = append(inTopics, ids(topic.Guides)...)
			}
			if slices.Sort(inTopics); !slices.Equal(inTopics, tt.want) {
				t.Errorf("topics hold %q, want %q", inTopics, tt.want)
			}
			for _, id := range tt.leftOut {
				if _, ok := lib.Get(id); ok {
					t.Errorf("Get(%s) finds a guide that was left out", id)
				}
			}
			for _, q := range []string{"supportfall ticket", "zugang beantragen", "fall übernehmen"} {
				for _, h := range lib.Search(q, 10).Hits {
					if slices.Contains(tt.leftOut, h.ID) {
						t.Errorf("search %q finds %s, which was left out", q, h.ID)
					}
				}
			}
		})
	}
}

// TestStoreKeepsFeatures: a reload (a guide edited while Lotse runs)
// leaves out the same guides as the start.
func TestStoreKeepsFeatures(t *testing.T) {
	dir := featureLibrary(t)
	s, err := guides.NewStore(dir, zerolog.Nop(), guides.WithFeatures(guides.FeatureCases))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "zugang/antrag.md", "---\ntitle: Zugang beantragen\ntags: [zugang]\nsummary: S\nrequires: [nextcloud]\n---\nGeändert.\n")
	if _, err := s.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Current().Get("zugang/antrag.md"); ok {
		t.Error("a reload brought back a guide whose feature is off")
	}
	if got := s.Current().LeftOut(); !slices.Equal(got, []string{"zugang/antrag.md"}) {
		t.Errorf("LeftOut after reload %q", got)
	}
}

// TestParseRequires: requires takes a name or a list, any case; an
// unknown feature is an error at its line (the guide is not loaded).
func TestParseRequires(t *testing.T) {
	tests := []struct {
		name     string
		fm       string
		want     []string
		wantLine int // line of the error; 0 = none
		wantMsg  string
	}{
		{"one name", "requires: cases\n", []string{"cases"}, 0, ""},
		{"a list", "requires: [nextcloud, BBB, nextcloud]\n", []string{"nextcloud", "bbb"}, 0, ""},
		{"empty", "requires: []\n", nil, 0, ""},
		{"unknown name", "requires: [cases, tickets]\n", nil, 5, `unknown feature "tickets" in requires (known: bbb, cases, nextcloud, roundtables)`},
		{"unknown in a block list", "requires:\n  - cases\n  - zugang\n", nil, 7, `unknown feature "zugang"`},
		{"a mapping", "requires: {cases: true}\n", nil, 5, "requires must be a list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "---\ntitle: T\ntags: [a]\nsummary: S\n" + tt.fm + "---\nText.\n"
			g, problems := guides.Parse("x/y.md", []byte(src))
			if tt.wantLine == 0 {
				if len(problems) != 0 || g == nil {
					t.Fatalf("problems %v", problems)
				}
				if !slices.Equal(g.Requires, tt.want) {
					t.Errorf("Requires %q, want %q", g.Requires, tt.want)
				}
				return
			}
			if g != nil || len(problems) != 1 || problems[0].Warning || problems[0].Line != tt.wantLine || !strings.Contains(problems[0].Message, tt.wantMsg) {
				t.Errorf("got guide %v, problems %v; want one error at line %d: %s", g, problems, tt.wantLine, tt.wantMsg)
			}
		})
	}
}

// TestCheckRequires: `lotse guides check` reports an unknown feature as an
// error and lints the guides of every feature (links to them work).
func TestCheckRequires(t *testing.T) {
	dir := featureLibrary(t)
	writeFile(t, dir, "konto/mehr.md", "---\ntitle: Mehr\ntags: [x]\nsummary: S\n---\nSiehe [Supportfall](../lotse/supportfall.md).\n")
	problems, err := guides.Check(dir, guides.WithFeatures())
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 0 {
		t.Fatalf("clean library: %v", problems)
	}
	writeFile(t, dir, "konto/tippfehler.md", "---\ntitle: Tippfehler\ntags: [x]\nsummary: S\nrequires: [case]\n---\nText.\n")
	problems, err = guides.Check(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(dir, "konto", "tippfehler.md") + `:5: unknown feature "case" in requires (known: bbb, cases, nextcloud, roundtables)`
	if len(problems) != 1 || problems[0].String() != want || !guides.HasErrors(problems) {
		t.Errorf("got %v, want the error %s", problems, want)
	}
}

// TestLibraryPlaceholders: which site values the loaded guides use ({{cloud_host}}
// counts as cloud_url); guides left out for a feature do not count.
func TestLibraryPlaceholders(t *testing.T) {
	dir := featureLibrary(t)
	writeFile(t, dir, "konto/unbekannt.md", "---\ntitle: U\ntags: [x]\nsummary: S\n---\n{{ cloud_url }} und {{gibts_nicht}}.\n")
	tests := []struct {
		name string
		opts []guides.Option
		want map[string][]string
	}{
		{"all guides", nil, map[string][]string{
			"cloud_url":     {"konto/passwort.md", "zugang/antrag.md"},
			"contact_email": {"lotse/supportfall.md"},
		}},
		{"cases off", []guides.Option{guides.WithFeatures("nextcloud", "bbb")}, map[string][]string{
			"cloud_url": {"konto/passwort.md", "zugang/antrag.md"},
		}},
		{"all off", []guides.Option{guides.WithFeatures()}, map[string][]string{
			"cloud_url": {"konto/passwort.md"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib, _, err := guides.Load(dir, tt.opts...)
			if err != nil {
				t.Fatal(err)
			}
			if got := lib.Placeholders(); !maps.EqualFunc(got, tt.want, slices.Equal) {
				t.Errorf("Placeholders %v, want %v", got, tt.want)
			}
		})
	}
	if want := []string{"bot_id", "chat_url", "cloud_url", "contact_email", "matrix_server", "meet_url", "site_name", "website_url"}; !slices.Equal(guides.VarNames(), want) {
		t.Errorf("VarNames %q, want %q", guides.VarNames(), want)
	}
}

// TestParseStep: front matter „schritt“ (or "step") names a guide's place
// among a new member's first steps, a whole number from 1 to MaxStep.
func TestParseStep(t *testing.T) {
	tests := []struct {
		name    string
		fm      string
		want    int
		wantErr bool
	}{
		{"none", "", 0, false},
		{"German", "schritt: 2\n", 2, false},
		{"English", "step: 1\n", 1, false},
		{"the highest", "schritt: 99\n", 99, false},
		{"zero", "schritt: 0\n", 0, true},
		{"too high", "schritt: 100\n", 0, true},
		{"a word", "schritt: zwei\n", 0, true},
		{"a list", "schritt: [1]\n", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "---\ntitle: T\ntags: [a]\nsummary: S\n" + tt.fm + "---\nText.\n"
			g, problems := guides.Parse("x/y.md", []byte(src))
			if tt.wantErr {
				if g != nil || len(problems) != 1 || problems[0].Line != 5 || !strings.Contains(problems[0].Message, "whole number from 1 to 99") {
					t.Errorf("got guide %v, problems %v; want one error at line 5", g, problems)
				}
				return
			}
			if g == nil || len(problems) != 0 {
				t.Fatalf("problems %v", problems)
			}
			if g.Step != tt.want {
				t.Errorf("Step %d, want %d", g.Step, tt.want)
			}
		})
	}
}

package guides_test

import (
	"context"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/guides"
)

// TestLoadRefusesLongGuide: a guide over 64 KiB is not loaded and the
// author is told to split it (mend25b: answering from an 880 KB guide cost
// about 19 s of CPU per „mehr“); one just below loads.
func TestLoadRefusesLongGuide(t *testing.T) {
	dir := t.TempDir()
	head := "---\ntitle: \"%s\"\ntags: [a]\nsummary: \"Kurz.\"\n---\n\n"
	para := "Klick auf „Weiter“ und warte, bis die Seite geladen ist.\n\n"
	body := func(size int) string { return strings.Repeat(para, size/len(para)) }
	writeFile(t, dir, "a/lang.md", strings.Replace(head, "%s", "Lang", 1)+body(guides.MaxFileSize+1024))
	writeFile(t, dir, "a/knapp.md", strings.Replace(head, "%s", "Knapp", 1)+body(guides.MaxFileSize-1024))
	lib, problems, err := guides.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := lib.Get("a/lang.md"); ok {
		t.Error("a guide over 64 KiB loaded")
	}
	if got := problemFor(problems, "a/lang.md"); len(got) != 1 || !strings.Contains(got[0], "larger than 64 KiB") || !strings.Contains(got[0], "split it into several guides") {
		t.Errorf("problems for the long guide: %q", got)
	}
	if _, ok := lib.Get("a/knapp.md"); !ok {
		t.Errorf("a guide just under the limit did not load: %v", problemFor(problems, "a/knapp.md"))
	}
}

// TestStoreDropsMemberVersionWhenBrokenFileNamesTeam: an author makes a
// member guide team-only and saves it with a YAML typo. The last good
// version (for members) is not kept: members must not go on reading a
// guide its author was hiding from them. A broken file that names no
// team audience keeps its last version, and says for whom.
func TestStoreDropsMemberVersionWhenBrokenFileNamesTeam(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a/geheim.md", audienceSrc("Geheim", "members"))
	writeFile(t, dir, "a/offen.md", audienceSrc("Offen", "members"))
	writeFile(t, dir, "a/team.md", audienceSrc("Team", "team"))
	s, err := guides.NewStore(dir, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ name, broken string }{
		{"inline", "---\ntitle: \"Geheim\ntags: [a]\naudience: team\n---\n\nText.\n"},
		{"list", "---\ntitle: Geheim\ntags: [a\naudience:\n  - Team\n---\n\nText.\n"},
		{"placeholder", "---\ntitle: Geheim\ntags: [a]\naudience: [team]\n---\n\n{{unbekannt}}\n"},
		{"too large", "---\ntitle: Geheim\ntags: [a]\naudience: team\n---\n\n" + strings.Repeat("Text.\n\n", guides.MaxFileSize/7+1)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			writeFile(t, dir, "a/geheim.md", audienceSrc("Geheim", "members"))
			if _, err := s.Reload(context.Background()); err != nil {
				t.Fatal(err)
			}
			writeFile(t, dir, "a/geheim.md", tt.broken)
			writeFile(t, dir, "a/offen.md", "---\ntitle: \"Offen\ntags: [a]\n---\n\nText.\n")
			writeFile(t, dir, "a/team.md", "---\ntitle: \"Team\ntags: [a]\naudience: team\n---\n\nText.\n")
			problems, err := s.Reload(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			lib := s.Current()
			if g, ok := lib.Get("a/geheim.md"); ok {
				t.Errorf("members still get the guide being made team-only (audience %v)", g.Audience)
			}
			if got := strings.Join(problemFor(problems, "a/geheim.md"), "\n"); !strings.Contains(got, "not keeping the version loaded before: the broken file names the audience team") {
				t.Errorf("problems: %s", got)
			}
			if _, ok := lib.Get("a/offen.md"); !ok {
				t.Error("a broken member guide naming no team lost its last version")
			}
			if got := strings.Join(problemFor(problems, "a/offen.md"), "\n"); !strings.Contains(got, "keeping the version loaded before until the file is fixed (audience: members)") {
				t.Errorf("problems: %s", got)
			}
			if _, ok := lib.Get("a/team.md"); !ok {
				t.Error("a broken team guide lost its last (team-only) version")
			}
		})
	}
}

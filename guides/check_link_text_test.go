package guides_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides"
)

// TestCheckLinkTextsAndDescriptions: `lotse guides check` warns about a
// link whose text says nothing on its own („hier“, „click here“, „mehr“)
// and about an image without a description. A screen reader lists a
// page's links by their text alone, and reads an image by its
// description (the chat's plain body shows that description too); the
// web view's axe-core checks find a link without any text, not these
// (a11y35). Links that name their target and described images pass.
func TestCheckLinkTextsAndDescriptions(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a/bild.png", "png")
	writeFile(t, dir, "a/zwei.md", "---\ntitle: Zwei\ntags: [a]\nsummary: S\n---\nText.\n")
	writeFile(t, dir, "a/eins.md", strings.Join([]string{
		"---", // 1
		"title: Eins",
		"tags: [a]",
		"summary: S",
		"---",
		"Klick [hier](zwei.md) oder [**Hier!**](zwei.md).", // 6
		"Mehr dazu: [click here](https://cloud.test/a), [Mehr …](zwei.md), [Link](zwei.md).",
		"Gut: [Zwei lesen](zwei.md), [Hier-Modus einschalten](zwei.md), <https://cloud.test/a>.",
		"![](bild.png) ![ ](bild.png)",
		"![Knopf „Teilen“ oben rechts](bild.png)", // 10
		"```",
		"[hier](zwei.md) im Code",
		"```",
	}, "\n")+"\n")
	problems, err := guides.Check(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range problems {
		line := strings.TrimPrefix(filepath.ToSlash(p.String()), filepath.ToSlash(dir)+"/")
		if !p.Warning {
			t.Errorf("an error, want warnings only: %s", line)
		}
		line, _, _ = strings.Cut(line, " says nothing")
		line, _, _ = strings.Cut(line, ": a screen reader")
		got = append(got, line)
	}
	want := []string{
		`a/eins.md:6: warning: link text "hier"`,
		`a/eins.md:6: warning: link text "Hier!"`,
		`a/eins.md:7: warning: link text "click here"`,
		`a/eins.md:7: warning: link text "Mehr …"`,
		`a/eins.md:7: warning: link text "Link"`,
		"a/eins.md:9: warning: image without a description",
		"a/eins.md:9: warning: image without a description",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s\n(all: %v)", strings.Join(got, "\n"), strings.Join(want, "\n"), problems)
	}
}

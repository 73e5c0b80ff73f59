package guides_test

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides"
)

// shippedLibrary is the library Lotse ships.
const shippedLibrary = "../library"

// TestCheckLeftoverMarkers: `lotse guides check` warns about notes authors
// leave for themselves (members would read „TODO: Screenshot“ as it is),
// but not about such words in code blocks, in comments (HTML in the text,
// YAML in the front matter: guide drafts put their TODOs there) or inside
// other words.
func TestCheckLeftoverMarkers(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a/notiz.md", strings.Join([]string{
		"---", // 1
		"title: Notizen",
		"tags: [notiz] # TODO: ergänzen (a YAML comment)",
		"summary: Eine Anleitung mit Resten. TBD",
		"audience: members",
		"---",
		"",
		"# Notizen",
		"",
		"TODO: Screenshot einfügen", // 10
		"Die Konferenz-PIN hat die Form XXXXX, die Todo-Liste ist woanders.",
		"Lorem ipsum dolor sit amet.",
		"Klick auf [Platzhalter] und dann weiter.",
		"```",
		"TODO im Code-Beispiel", // 15
		"```",
		"Ende. XXX",
		"<!-- TODO: ein Kommentar",
		"über zwei Zeilen -->",
		"Nach dem Kommentar: FIXME", // 20
		"",
	}, "\n"))
	problems, got := checkDir(t, dir)
	for _, p := range problems {
		if !p.Warning {
			t.Errorf("not a warning: %s", p)
		}
	}
	want := []string{
		`a/notiz.md:4: warning: "TBD" looks like a note left for authors; members would read it as it is`,
		`a/notiz.md:10: warning: "TODO" looks like a note left for authors; members would read it as it is`,
		`a/notiz.md:12: warning: "Lorem ipsum" looks like a note left for authors; members would read it as it is`,
		`a/notiz.md:13: warning: "[Platzhalter]" looks like a note left for authors; members would read it as it is`,
		`a/notiz.md:17: warning: "XXX" looks like a note left for authors; members would read it as it is`,
		`a/notiz.md:20: warning: "FIXME" looks like a note left for authors; members would read it as it is`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestShippedLibraryChecksClean: the shipped library passes `lotse guides
// check` without errors and without warnings (a link to a renamed guide, a
// missing anchor or image, an example address, raw HTML, a note left for
// authors). Nothing else in the tests runs the checker on it.
func TestShippedLibraryChecksClean(t *testing.T) {
	problems, err := guides.Check(shippedLibrary)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("lotse guides check: %s", p)
	}
}

// frontMatterOrder is the order of the front-matter keys in the shipped
// guides (library/README.md's example), so a maintainer finds every key
// in the same place.
var frontMatterOrder = []string{"title", "tags", "summary", "aliases", "fragen", "audience", "requires", "schritt"}

var (
	frontKeyRE   = regexp.MustCompile(`(?m)^([a-z_]+):`)
	inlineCodeRE = regexp.MustCompile("`[^`\n]*`")
	linkDestRE   = regexp.MustCompile(`\]\([^)\s]*\)`)
	placeholdRE  = regexp.MustCompile(`\{\{[a-z_]+\}\}`)
)

// ticketFallback ends the sentence a member guide that names `!ticket`
// adds for installs without support cases, where Lotse answers `!ticket`
// with the fallback contact („Nimmt Lotse bei euch keine Supportfälle an,
// sagt es dir, an wen du dich wenden kannst“).
const ticketFallback = "an wen du dich wenden kannst"

// maxMemberWords bounds a member guide's text (library/README.md: 250–700
// words): longer than that is more than a phone screen shows in a few
// swipes, and Lotse's answers cut it into „mehr“ parts.
const maxMemberWords = 700

// TestShippedLibraryStyle holds the shipped guides to library/README.md's
// rules that a machine can check: front matter in one order with an
// explicit audience; German typography in the text (no straight double
// quotes „…“ would replace, no "..." for …); member guides of at most
// maxMemberWords words; and a member guide that sends members to `!ticket`
// without `requires: [cases]` says what happens where Lotse takes no
// support cases (the feature can be off).
func TestShippedLibraryStyle(t *testing.T) {
	lib, _, err := guides.Load(shippedLibrary)
	if err != nil {
		t.Fatal(err)
	}
	if lib.Len() < 30 {
		t.Fatalf("only %d guides in %s", lib.Len(), shippedLibrary)
	}
	for _, g := range lib.Guides() {
		src, err := os.ReadFile(g.Path)
		if err != nil {
			t.Fatal(err)
		}
		front, body, ok := splitFrontMatter(string(src))
		if !ok {
			t.Errorf("%s: no front matter", g.ID)
			continue
		}
		var keys []string
		for _, m := range frontKeyRE.FindAllStringSubmatch(front, -1) {
			keys = append(keys, m[1])
		}
		if !slices.Contains(keys, "audience") {
			t.Errorf("%s: no audience line (write audience: members or team)", g.ID)
		}
		order := slices.DeleteFunc(slices.Clone(frontMatterOrder), func(k string) bool { return !slices.Contains(keys, k) })
		if !slices.Equal(keys, order) {
			t.Errorf("%s: front matter keys %v, want them in the order %v", g.ID, keys, frontMatterOrder)
		}

		prose := proseLines(body)
		for _, l := range prose {
			if strings.Contains(l.text, `"`) {
				t.Errorf("%s:%d: straight quotes in the text; write „…“: %s", g.ID, l.line, l.text)
			}
			if strings.Contains(l.text, "...") {
				t.Errorf("%s:%d: three dots; write …: %s", g.ID, l.line, l.text)
			}
		}
		member := slices.Contains(g.Audience, guides.DefaultAudience)
		if words := len(strings.Fields(body)); member && words > maxMemberWords {
			t.Errorf("%s: %d words, want at most %d for a member guide: split it and link the parts", g.ID, words, maxMemberWords)
		}
		if member && !slices.Contains(g.Requires, "cases") && strings.Contains(body, "`!ticket") &&
			!strings.Contains(body, ticketFallback) {
			t.Errorf("%s: sends members to !ticket but does not say what happens where Lotse takes no support cases "+
				"(„Geht das bei euch nicht, sagt Lotse dir, %s.“)", g.ID, ticketFallback)
		}
	}
}

// proseLine is a line of a guide's text without code, link targets and
// placeholders.
type proseLine struct {
	line int // in the body
	text string
}

// proseLines returns the body's lines outside fenced code blocks, with
// inline code, link destinations and placeholders removed.
func proseLines(body string) []proseLine {
	var out []proseLine
	fenced := false
	for i, l := range strings.Split(body, "\n") {
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fenced = !fenced
			continue
		}
		if fenced {
			continue
		}
		l = inlineCodeRE.ReplaceAllString(l, "")
		l = linkDestRE.ReplaceAllString(l, "]")
		l = placeholdRE.ReplaceAllString(l, "")
		out = append(out, proseLine{line: i + 1, text: l})
	}
	return out
}

// splitFrontMatter splits a guide file into its front matter and body.
func splitFrontMatter(src string) (front, body string, ok bool) {
	rest, ok := strings.CutPrefix(src, "---\n")
	if !ok {
		return "", "", false
	}
	front, body, ok = strings.Cut(rest, "\n---\n")
	return front, body, ok
}

package guides

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// shapeLibraries are the real guide libraries every shaping test runs on:
// the one Lotse ships and the benchmark library.
var shapeLibraries = []string{"../library", "../../shared/bench/guides"}

func loadShapeLibrary(t *testing.T, dir string) *Library {
	t.Helper()
	lib, _, err := Load(dir)
	if err != nil {
		t.Fatalf("library %s: %v", dir, err)
	}
	if lib.Len() == 0 {
		t.Fatalf("library %s has no guides", dir)
	}
	return lib
}

// TestShapeAnswerEveryGuideEverySection shapes an answer for every section
// of every real guide: it stays within the plain-text limit, keeps the
// numbers of numbered lists, never ends inside a code block and never
// breaks a link.
func TestShapeAnswerEveryGuideEverySection(t *testing.T) {
	for _, dir := range shapeLibraries {
		lib := loadShapeLibrary(t, dir)
		var sizes []int
		for _, g := range lib.Guides() {
			for sec := -1; sec < len(g.Sections); sec++ {
				a := ShapeAnswer(g, AnswerOptions{Section: sec, Resolver: testResolver})
				n := utf8.RuneCountInString(a.Plain)
				sizes = append(sizes, n)
				where := g.ID + " §" + strconv.Itoa(sec)
				if n == 0 {
					t.Errorf("%s: empty answer", where)
				}
				if n > MaxAnswerRunes {
					t.Errorf("%s: %d characters, want ≤ %d", where, n, MaxAnswerRunes)
				}
				if !a.Cut && n > DefaultAnswerRunes {
					t.Errorf("%s: %d characters but not marked as cut", where, n)
				}
				if strings.Count(a.HTML, "<pre>") != strings.Count(a.HTML, "</pre>") ||
					strings.Count(a.HTML, "<a ") != strings.Count(a.HTML, "</a>") {
					t.Errorf("%s: unbalanced code block or link:\n%s", where, a.HTML)
				}
				checkNumbering(t, where, g, a)
			}
		}
		slices.Sort(sizes)
		t.Logf("%s: %d answers, median %d, max %d characters", dir, len(sizes), sizes[len(sizes)/2], sizes[len(sizes)-1])
	}
}

var orderedItem = regexp.MustCompile(`(?m)^(\d+)\. `)

// checkNumbering fails if a numbered item in the answer carries a number
// that its source section does not have (a list re-numbered from 1 after a
// cut, say).
func checkNumbering(t *testing.T, where string, g *Guide, a Answer) {
	t.Helper()
	first, end := answerSpan(g, a.Section)
	var src strings.Builder
	for i := first; i < end && i < len(g.Sections); i++ {
		src.WriteString(g.Sections[i].Markdown)
	}
	_, plain := renderMarkdown(src.String(), g.ID, links{resolve: testResolver})
	want := orderedItem.FindAllString(plain, -1)
	got := orderedItem.FindAllString(a.Plain, -1)
	if len(got) > len(want) || !slices.Equal(got, want[:len(got)]) {
		t.Errorf("%s: list numbers %v, want a prefix of %v", where, got, want)
	}
}

func testResolver(id, anchor string) (string, bool) {
	u := "https://hilfe.example.net/" + strings.TrimSuffix(id, ".md")
	if anchor != "" {
		u += "#" + anchor
	}
	return u, true
}

// TestShapeAnswerPicksMatchedSection: the matched section is what the
// answer shows, with its heading first and its subsections; the other
// sections stay out and More says so.
func TestShapeAnswerPicksMatchedSection(t *testing.T) {
	g, problems := Parse("t/raum.md", []byte(`---
title: Raum anlegen
tags: [bbb]
summary: So legst du einen Raum an.
---
# Raum anlegen

Einleitung ohne Schritte.

## Voraussetzungen

Du brauchst ein Konto.

## Schritt für Schritt

1. Melde dich an.
2. Klick auf **Neuer Raum**.
3. Gib einen Namen ein.

### Für Fortgeschrittene

Du kannst auch die [Einstellungen](einstellungen.md) ändern.

## Häufige Fehler

Der Knopf fehlt? Frag dein Team.
`))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	tests := []struct {
		name        string
		section     int
		wantHeading string
		want, not   []string
	}{
		{"no match picks the steps", 0, "Schritt für Schritt", []string{"1. Melde dich an.", "3. Gib einen Namen ein.", "Für Fortgeschrittene"}, []string{"Einleitung", "Häufige Fehler", "Du brauchst ein Konto"}},
		{"matched section with its subsection", 2, "Schritt für Schritt", []string{"2. Klick auf Neuer Raum.", "Einstellungen"}, []string{"Häufige Fehler"}},
		{"matched subsection alone", 3, "Für Fortgeschrittene", []string{"Einstellungen"}, []string{"Melde dich an"}},
		{"last section", 4, "Häufige Fehler", []string{"Frag dein Team"}, []string{"Melde dich an"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := ShapeAnswer(g, AnswerOptions{Section: tt.section, Resolver: testResolver})
			if a.Heading != tt.wantHeading {
				t.Errorf("heading %q, want %q", a.Heading, tt.wantHeading)
			}
			if !strings.HasPrefix(a.Plain, tt.wantHeading) {
				t.Errorf("answer does not start with its heading:\n%s", a.Plain)
			}
			for _, w := range tt.want {
				if !strings.Contains(a.Plain, w) {
					t.Errorf("answer lacks %q:\n%s", w, a.Plain)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(a.Plain, n) {
					t.Errorf("answer has %q:\n%s", n, a.Plain)
				}
			}
			if !a.More || a.Cut {
				t.Errorf("More %v Cut %v, want true false", a.More, a.Cut)
			}
			// "mehr" brings exactly what was left out.
			rest, complete := RestOfGuide(g, a, RenderOptions{Resolver: testResolver})
			if !complete {
				t.Error("rest not complete")
			}
			var all strings.Builder
			for _, r := range rest {
				all.WriteString(r.Plain + "\n")
			}
			for _, n := range tt.not {
				if !strings.Contains(all.String(), n) {
					t.Errorf("the rest lacks %q:\n%s", n, all.String())
				}
			}
		})
	}
}

// TestShapeAnswerCutsBetweenItems: a long list is cut between items, its
// numbers kept, and the rest of the guide (the whole guide, since the
// answer was cut) comes in parts that each fit an event.
func TestShapeAnswerCutsBetweenItems(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\ntitle: Lang\ntags: [x]\nsummary: Viele Schritte.\n---\n## Schritte\n\n")
	for i := 1; i <= 60; i++ {
		b.WriteString(strconv.Itoa(i) + ". Dies ist Schritt " + strconv.Itoa(i) + " mit etwas Text, damit er Platz braucht, und einem [Link](https://example.net/" + strconv.Itoa(i) + ").\n")
	}
	b.WriteString("\n```\ncode bleibt ganz\n```\n")
	g, problems := Parse("t/lang.md", []byte(b.String()))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	a := ShapeAnswer(g, AnswerOptions{Section: 1})
	n := utf8.RuneCountInString(a.Plain)
	if !a.Cut || !a.More || n > DefaultAnswerRunes || n < DefaultAnswerRunes/2 {
		t.Fatalf("cut %v more %v, %d characters; want a cut answer of at most %d", a.Cut, a.More, n, DefaultAnswerRunes)
	}
	if !strings.Contains(a.Plain, "1. Dies ist Schritt 1 ") || strings.Contains(a.Plain, "60. Dies") {
		t.Errorf("unexpected items:\n%s", a.Plain)
	}
	if !strings.HasSuffix(a.HTML, "</ol>") {
		t.Errorf("the answer does not end after a whole item:\n%s", a.HTML)
	}
	for _, max := range []int{0, 4000} {
		rest, complete := RestOfGuide(g, a, RenderOptions{MaxBytes: max})
		if !complete {
			t.Errorf("max %d: rest not complete", max)
		}
		limit := max
		if limit == 0 {
			limit = DefaultMaxBytes
		}
		var all strings.Builder
		for _, r := range rest {
			if r.Size() > limit {
				t.Errorf("max %d: a part of %d bytes", max, r.Size())
			}
			all.WriteString(r.Plain + "\n")
		}
		text := all.String()
		for i := 1; i <= 60; i++ {
			if !strings.Contains(text, strconv.Itoa(i)+". Dies ist Schritt "+strconv.Itoa(i)+" ") {
				t.Errorf("max %d: step %d missing from the rest (%d parts)", max, i, len(rest))
				break
			}
		}
		if !strings.Contains(text, "code bleibt ganz") {
			t.Errorf("max %d: code block missing", max)
		}
		if max == 4000 && len(rest) < 3 {
			t.Errorf("max %d: %d parts, want several", max, len(rest))
		}
	}
}

// TestRestOfGuideBounded: one "mehr" sends a bounded number of events, even
// for a huge guide.
func TestRestOfGuideBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\ntitle: Riesig\ntags: [x]\nsummary: Sehr lang.\n---\n")
	for i := 0; i < 400; i++ {
		b.WriteString("## Abschnitt " + strconv.Itoa(i) + "\n\n" + strings.Repeat("Wort ", 300) + "\n\n")
	}
	g, _ := Parse("t/riesig.md", []byte(b.String()))
	a := ShapeAnswer(g, AnswerOptions{Section: 1})
	parts, complete := RestOfGuide(g, a, RenderOptions{})
	if len(parts) != MaxRestParts || complete {
		t.Errorf("%d parts, complete %v; want %d, false", len(parts), complete, MaxRestParts)
	}
}

// TestLinkHint: without a web address, a link to another guide keeps its
// text and names the chat command that opens it; with one it is a link;
// a link to a guide the hint does not know stays plain text.
func TestLinkHint(t *testing.T) {
	g, _ := Parse("bbb/raum.md", []byte("---\ntitle: Raum\ntags: [x]\nsummary: S.\n---\n## Schritte\n\n1. Lies erst [Mikrofon testen](mikrofon.md#test).\n2. Dann [Unbekannt](fehlt.md).\n"))
	hint := func(id string) (string, bool) {
		if id == "bbb/mikrofon.md" {
			return "!anleitung Mikrofon testen", true
		}
		return "", false
	}
	a := ShapeAnswer(g, AnswerOptions{Section: 1, Hint: hint})
	if !strings.Contains(a.Plain, "Mikrofon testen (!anleitung Mikrofon testen)") || !strings.Contains(a.HTML, "<em>!anleitung Mikrofon testen</em>") {
		t.Errorf("no chat hint:\n%s\n%s", a.Plain, a.HTML)
	}
	if !strings.Contains(a.Plain, "2. Dann Unbekannt.") {
		t.Errorf("unknown guide link not plain text:\n%s", a.Plain)
	}
	a = ShapeAnswer(g, AnswerOptions{Section: 1, Resolver: testResolver, Hint: hint})
	if !strings.Contains(a.HTML, `href="https://hilfe.example.net/bbb/mikrofon#test"`) || strings.Contains(a.Plain, "!anleitung") {
		t.Errorf("with a web address, want a link and no hint:\n%s", a.HTML)
	}
}

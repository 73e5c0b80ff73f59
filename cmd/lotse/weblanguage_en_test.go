package main

import (
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/commands/chat/chattest"
	"github.com/lotse-bot/lotse/guides"
)

// TestWebLanguageEnglishPages: every page of the English static site
// (index, topics, guides, search, not found) is English apart from the
// guides' own content: no German word, date, quote or umlaut in its texts,
// the ones the search script shows included (lang26).
func TestWebLanguageEnglishPages(t *testing.T) {
	lib := copyLibrary(t)
	dir := t.TempDir()
	cfgPath := writeConfig(t, dir, "language: en\nguides_dir: "+lib+"\n")
	out := filepath.Join(dir, "site")
	if _, stderr, err := runCLI(t, "", "guides", "build-site", "-c", cfgPath, "--out", out); err != nil {
		t.Fatalf("build-site: %v\n%s", err, stderr)
	}
	loaded, _, err := guides.Load(lib)
	if err != nil {
		t.Fatal(err)
	}
	var phrases, corpus []string
	for _, tp := range loaded.Topics() {
		phrases = append(phrases, tp.Title, tp.Name)
	}
	for _, g := range loaded.Guides() {
		phrases = append(phrases, g.Title)
		corpus = append(corpus, g.Summary, guides.RenderGuide(g, guides.RenderOptions{MaxBytes: 1 << 22, Section: -1}).Plain)
	}
	check := chattest.NewEnglish(phrases, corpus, nil)
	pages := 0
	err = filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		pages++
		for _, p := range check.Problems(pageText(string(data))) {
			rel, _ := filepath.Rel(out, path)
			t.Errorf("%s: %s", rel, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 5 {
		t.Fatalf("the site has only %d pages", pages)
	}
}

var (
	pageScript = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>`)
	// pageGuide is a guide's own content: its body and its table of
	// contents (the headings).
	pageGuide = regexp.MustCompile(`(?s)<div class="body">.*?<footer class="guide-meta">|<nav class="toc".*?</nav>`)
	pageAttr  = regexp.MustCompile(`\s(?:data-[a-z-]+|title|placeholder|aria-label|alt|value)="([^"]*)"`)
	pageTag   = regexp.MustCompile(`<[^>]*>`)
)

// pageText is what a reader sees of an HTML page but the guide's own
// content: its text and the attributes shown (titles, placeholders, the
// search script's texts).
func pageText(page string) string {
	page = pageScript.ReplaceAllString(page, " ")
	page = pageGuide.ReplaceAllString(page, " ")
	var b strings.Builder
	for _, m := range pageAttr.FindAllStringSubmatch(page, -1) {
		b.WriteString(m[1] + "\n")
	}
	b.WriteString(pageTag.ReplaceAllString(page, " "))
	return html.UnescapeString(b.String())
}

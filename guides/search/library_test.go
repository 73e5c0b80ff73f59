package search

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// This file is a small test-only loader for Markdown guides with YAML
// front matter. The real loader lives in package guides; the engine tests
// only need something close enough to it.

type frontMatter struct {
	Title   string   `yaml:"title"`
	Tags    []string `yaml:"tags"`
	Summary string   `yaml:"summary"`
	Aliases []string `yaml:"aliases"`
	Fragen  []string `yaml:"fragen"`
	Qs      []string `yaml:"questions"`
}

var (
	reLink     = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	reEmphasis = regexp.MustCompile("[*_`]+")
	reListMark = regexp.MustCompile(`(?m)^\s*(?:[-*+]|\d+\.)\s+`)
	reHeading  = regexp.MustCompile(`^(#{1,6})\s+(.*)$`)
)

func stripMarkdown(s string) string {
	s = reLink.ReplaceAllString(s, "$1")
	s = reEmphasis.ReplaceAllString(s, "")
	s = reListMark.ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, "> ", "")
	return strings.TrimSpace(s)
}

// parseGuide parses one guide file into a Doc.
func parseGuide(id string, data []byte) (Doc, error) {
	d := Doc{ID: id}
	body := data
	if bytes.HasPrefix(data, []byte("---\n")) {
		rest := data[4:]
		end := bytes.Index(rest, []byte("\n---"))
		if end >= 0 {
			var fm frontMatter
			if err := yaml.Unmarshal(rest[:end], &fm); err != nil {
				return d, err
			}
			d.Title, d.Tags, d.Summary, d.Aliases = fm.Title, fm.Tags, fm.Summary, append(append(fm.Aliases, fm.Fragen...), fm.Qs...)
			body = rest[end+4:]
		}
	}
	cur := Section{}
	var text strings.Builder
	flush := func() {
		cur.Text = stripMarkdown(text.String())
		if cur.Heading != "" || cur.Text != "" {
			d.Sections = append(d.Sections, cur)
		}
		text.Reset()
	}
	for _, line := range strings.Split(string(body), "\n") {
		if m := reHeading.FindStringSubmatch(line); m != nil {
			flush()
			cur = Section{Heading: stripMarkdown(m[2])}
			continue
		}
		text.WriteString(line)
		text.WriteByte('\n')
	}
	flush()
	return d, nil
}

// loadGuides reads every *.md below dir (README.md excluded).
func loadGuides(tb testing.TB, dir string) []Doc {
	tb.Helper()
	return walkGuides(tb, dir, nil)
}

// reNotSection matches the heading lines the bot's library does not split
// a guide at (guides/markdown.go, splitSections: only "##" and "###"
// start a section; the "#" title line and deeper headings stay text).
// The rule is mirrored, not called: splitSections is unexported in package
// guides, which imports this package.
var reNotSection = regexp.MustCompile(`(?m)^(?:#|#{4,6})[ \t]+(.*)$`)

// loadGuidesAsBot is loadGuides with the guides split into sections as
// the bot's library splits them: the test parser makes every heading line
// a section heading, the library only "##" and "###", so the "#" line every
// guide starts with is a heading field for loadGuides and body text in the
// bot. The re-ranking's weights are fitted on this reading (twentieth
// pass, LOTSE_RR_ASBOT).
func loadGuidesAsBot(tb testing.TB, dir string) []Doc {
	tb.Helper()
	return walkGuides(tb, dir, func(data []byte) []byte {
		head, body := []byte(nil), data
		if bytes.HasPrefix(data, []byte("---\n")) {
			if end := bytes.Index(data[4:], []byte("\n---")); end >= 0 {
				head, body = data[:4+end+4], data[4+end+4:]
			}
		}
		return append(append([]byte(nil), head...), reNotSection.ReplaceAll(body, []byte("$1"))...)
	})
}

// walkGuides parses every guide under dir (README.md aside), each file's
// text passed through prepare first when it is not nil, sorted by ID.
func walkGuides(tb testing.TB, dir string, prepare func([]byte) []byte) []Doc {
	tb.Helper()
	var docs []Doc
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".md") || strings.EqualFold(e.Name(), "README.md") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if prepare != nil {
			data = prepare(data)
		}
		rel, _ := filepath.Rel(dir, p)
		d, err := parseGuide(filepath.ToSlash(rel), data)
		if err != nil {
			tb.Fatalf("%s: %v", p, err)
		}
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
	return docs
}

// benchDir finds shared/bench by walking up from the package directory;
// it skips the test when there is none — or fails it with
// LOTSE_BENCH=require (CI), so that a missing bench never passes as a
// skipped guard.
func benchDir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		p := filepath.Join(dir, "shared", "bench")
		if st, err := os.Stat(filepath.Join(p, "guides")); err == nil && st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			if os.Getenv("LOTSE_BENCH") == "require" {
				tb.Fatal("shared/bench/guides not found above the package directory, and LOTSE_BENCH=require")
			}
			tb.Skip("shared/bench/guides not found above the package directory")
		}
		dir = parent
	}
}

func loadBench(tb testing.TB) ([]Doc, []Question) {
	tb.Helper()
	dir := benchDir(tb)
	return loadGuides(tb, filepath.Join(dir, "guides")), readTSV(tb, filepath.Join(dir, "questions-dev.tsv"))
}

// loadStarter loads the project's starter library (library/ at the
// repository root) and the second question set written for it
// (testdata/starter-questions.tsv).
func loadStarter(tb testing.TB) ([]Doc, []Question) {
	tb.Helper()
	dir := filepath.Join("..", "..", "library")
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		tb.Skip("starter library not found")
	}
	return loadGuides(tb, dir), readTSV(tb, filepath.Join("testdata", "starter-questions.tsv"))
}

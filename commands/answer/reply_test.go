package answer

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/lotse-bot/lotse/guides/search"
)

func allMessages(tb testing.TB) []string {
	tb.Helper()
	var out []string
	for _, half := range []string{"tune", "check"} {
		for _, q := range loadSet(tb, half) {
			out = append(out, q.Text)
		}
		qs, err := search.ReadQuestionsFile(filepath.Join("..", "..", "guides", "search", "testdata", "bench-"+half+"-2026-12-04.tsv"))
		if err != nil {
			tb.Fatal(err)
		}
		for _, q := range qs {
			out = append(out, q.Text)
		}
	}
	return out
}

// TestReplyLengths: over the evaluation sets, the replies as members get
// them (and `lotse ask` prints them) are short: median at most 1,500
// characters of plain text, none over 4,000 — with and without a web view.
func TestReplyLengths(t *testing.T) {
	lib := loadLibrary(t)
	msgs := allMessages(t)
	for _, web := range []string{"", "https://hilfe.example.org/anleitungen"} {
		opts := ReplyOptions{}
		if web != "" {
			opts.URL = func(id string) string { return web + "/" + strings.TrimSuffix(id, ".md") }
		}
		var answers []int
		for _, m := range msgs {
			d := Decide(m, lib, Options{Cases: true})
			n := utf8.RuneCountInString(Compose(d, lib, false, nil, opts).Plain)
			if n > 4000 {
				t.Errorf("web %q: reply to %q has %d characters", web, m, n)
			}
			if d.Outcome == Answer {
				answers = append(answers, n)
			}
		}
		if len(answers) < 20 {
			t.Fatalf("only %d answers", len(answers))
		}
		sort.Ints(answers)
		if med := answers[len(answers)/2]; med > 1500 {
			t.Errorf("web %q: median answer %d characters, want <= 1500", web, med)
		}
	}
}

// TestAnswerReplyEverySection: the short answer to every section of every
// guide stays below 4,000 characters, names the guide, keeps list numbers
// and says how to get the rest.
func TestAnswerReplyEverySection(t *testing.T) {
	lib := loadLibrary(t)
	for _, g := range lib.Guides() {
		for s := -1; s < len(g.Sections); s++ {
			r, ok := AnswerReply(lib, search.Hit{ID: g.ID, Section: s}, nil, true, nil, ReplyOptions{})
			if !ok {
				t.Fatalf("%s: no reply", g.ID)
			}
			if n := utf8.RuneCountInString(r.Plain); n > 4000 {
				t.Errorf("%s §%d: %d characters", g.ID, s, n)
			}
			if !strings.Contains(r.Plain, g.Title) {
				t.Errorf("%s §%d: title missing", g.ID, s)
			}
			if r.Shown.More && !strings.Contains(r.Plain, "Schreib mehr") {
				t.Errorf("%s §%d: more to read but no way to it:\n%s", g.ID, s, r.Plain)
			}
			if strings.Count(r.HTML, "<ol") != strings.Count(r.HTML, "</ol>") || strings.Count(r.HTML, "<a ") != strings.Count(r.HTML, "</a>") {
				t.Errorf("%s §%d: unbalanced HTML", g.ID, s)
			}
		}
	}
}

// TestAnswerReplyWithWeb: the title links to the web page, "Ganze
// Anleitung" gives the address, and related guides are at most two.
func TestAnswerReplyWithWeb(t *testing.T) {
	lib := loadLibrary(t)
	// A fixed guide, not a search result: the test is about the reply's
	// shape and must not depend on (or skip with) the ranking.
	const guide = "nextcloud/desktop-sync-client.md"
	if _, ok := lib.Get(guide); !ok {
		t.Fatalf("fixture guide %s missing", guide)
	}
	hit := search.Hit{ID: guide, Section: -1, Score: 1}
	url := func(id string) string { return "https://h.example/" + strings.TrimSuffix(id, ".md") }
	also := []search.Hit{}
	for _, g := range lib.Guides()[:4] {
		also = append(also, search.Hit{ID: g.ID, Score: hit.Score})
	}
	r, ok := AnswerReply(lib, hit, also, false, nil, ReplyOptions{URL: url})
	if !ok {
		t.Fatal("no reply for an existing guide")
	}
	if !strings.Contains(r.HTML, `href="`+url(hit.ID)+`"`) || !strings.Contains(r.Plain, "Ganze Anleitung: "+url(hit.ID)) {
		t.Errorf("no link to the web page:\n%s\n%s", r.Plain, r.HTML)
	}
	if strings.Contains(r.Plain, "Schreib mehr") {
		t.Error("offers mehr although there is a web page")
	}
	_, line, found := strings.Cut(r.Plain, "Vielleicht passt auch:")
	if !found {
		t.Fatalf("no related guides:\n%s", r.Plain)
	}
	line, _, _ = strings.Cut(line, "\n")
	if n := strings.Count(line, "·") + 1; n > 2 {
		t.Errorf("%d related guides: %s", n, line)
	}
}

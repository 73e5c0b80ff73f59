package answer

import (
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// TestAnswerFirstLineIsTheTitle: with a web view, the first line of an
// answer's plain body — the push notification, the room list's preview,
// what a plain client and a bridge show — is the guide's title alone; the
// address is given once, on its own „Ganze Anleitung:“ line. The HTML
// title still links to the page. Before a11y35 the first line was „📘
// Title (https://…)“ and the rest of a guide began „📘 Title (https://…)
// – der Rest der Anleitung:“: a cut preview showed the address, and a
// screen reader read it letter by letter before the point.
func TestAnswerFirstLineIsTheTitle(t *testing.T) {
	lib := loadLibrary(t)
	url := func(id string) string { return "https://h.example/" + strings.TrimSuffix(id, ".md") }
	opts := ReplyOptions{URL: url}
	rests := 0
	for _, tx := range []*Texts{&German, &English} {
		for _, g := range lib.Guides() {
			r, ok := AnswerReply(lib, search.Hit{ID: g.ID, Section: -1, Score: 1}, nil, true, tx, opts)
			if !ok {
				t.Fatalf("no reply for %s", g.ID)
			}
			first, _, _ := strings.Cut(r.Plain, "\n")
			if want := "📘 " + strings.Join(strings.Fields(g.Title), " "); first != want {
				t.Errorf("%s %s: first line %q, want %q", tx.Lang, g.ID, first, want)
			}
			if n := strings.Count(r.Plain, url(g.ID)); n != 1 {
				t.Errorf("%s %s: the address %d times in the plain body, want once:\n%s", tx.Lang, g.ID, n, r.Plain)
			}
			if !strings.Contains(r.HTML, `<strong><a href="`+url(g.ID)+`">`) {
				t.Errorf("%s %s: the HTML title does not link to the page:\n%s", tx.Lang, g.ID, r.HTML)
			}
			if !r.Shown.More {
				continue
			}
			parts, ok := RestReplies(lib, g.ID, r.Shown, true, tx, opts)
			if !ok || len(parts) == 0 {
				t.Fatalf("%s %s: no rest", tx.Lang, g.ID)
			}
			rests++
			first, _, _ = strings.Cut(parts[0].Plain, "\n")
			if strings.Contains(first, "http") || !strings.HasPrefix(first, "📘 "+strings.Join(strings.Fields(g.Title), " ")+" – ") {
				t.Errorf("%s %s: the rest's first line %q", tx.Lang, g.ID, first)
			}
			if !strings.Contains(parts[0].HTML, `href="`+url(g.ID)+`"`) {
				t.Errorf("%s %s: the rest's HTML title does not link to the page:\n%s", tx.Lang, g.ID, parts[0].HTML)
			}
		}
	}
	if rests == 0 {
		t.Fatal("no guide of the library has a rest: the rest's first line was not checked")
	}
}

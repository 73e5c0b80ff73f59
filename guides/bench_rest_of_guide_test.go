package guides_test

import (
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides"
)

// BenchmarkRestOfLongestGuide is „mehr“ on a guide of the largest size
// Load accepts (a flat list, [guides.MaxFileSize]): the CPU one member's
// „mehr“ can cost (docs/performance.md, mend25b).
func BenchmarkRestOfLongestGuide(b *testing.B) {
	head := "---\ntitle: Lang\ntags: [a]\nsummary: Kurz.\n---\n\n# Lang\n\nText.\n\n"
	item := "- Klick auf „Weiter“ und warte, bis die Seite geladen ist.\n"
	src := head + strings.Repeat(item, (guides.MaxFileSize-len(head))/len(item))
	g, problems := guides.Parse("a/lang.md", []byte(src))
	if g == nil {
		b.Fatal(problems)
	}
	shown := guides.ShapeAnswer(g, guides.AnswerOptions{})
	for b.Loop() {
		guides.RestOfGuide(g, shown, guides.RenderOptions{MaxBytes: 24 * 1024})
	}
}

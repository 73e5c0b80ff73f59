package guides

import (
	"strings"
	"testing"
)

func TestRenderTyped(t *testing.T) {
	for _, tc := range []struct{ name, md, want string }{
		{"emphasis", "Das ist **wichtig**.", "<p>Das ist <strong>wichtig</strong>.</p>"},
		{"line breaks stay", "Hallo Max,\nprobier das:\nneu anmelden", "<p>Hallo Max,<br>\nprobier das:<br>\nneu anmelden</p>"},
		{"list", "1. öffnen\n2. klicken", "<ol>\n<li>öffnen</li>\n<li>klicken</li>\n</ol>"},
		{"link shows its address", "[Nextcloud](https://evil.example/x)", `<p><a href="https://evil.example/x">Nextcloud</a> (https://evil.example/x)</p>`},
		{"link whose text is its address", "[https://cloud.example.org](https://cloud.example.org)", `<p><a href="https://cloud.example.org">https://cloud.example.org</a></p>`},
		{"bare address", "geh auf https://cloud.example.org", `<p>geh auf <a href="https://cloud.example.org">https://cloud.example.org</a></p>`},
		{"javascript link", "[klick](javascript:alert(1))", "<p>klick</p>"},
		{"raw html", "a <script>alert(1)</script> <b onclick=x>b</b>", "<p>a alert(1) b</p>"},
		{"image", "![x](mxc://example.org/abc) Bild", "<p> Bild</p>"},
		{"html escaped", "1 < 2 & 3 > 2", "<p>1 &lt; 2 &amp; 3 &gt; 2</p>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := RenderTyped(tc.md); got != tc.want {
				t.Errorf("RenderTyped(%q)\n got %q\nwant %q", tc.md, got, tc.want)
			}
		})
	}
}

// TestRenderTypedBoundsWork: a volunteer's message cannot make the
// renderer's work grow with the square of its length or turn a link's
// shown address around. A line that opens more than maxNesting blocks at
// once has the rest as text — asserted on the output's structure, never
// on time; the cost (60,000 ">") is BenchmarkRenderTyped60KB's, figures in
// docs/performance.md; bidi overrides and isolates are dropped; messages
// within the limits render as before.
func TestRenderTypedBoundsWork(t *testing.T) {
	deep := strings.Repeat(">", maxNesting+60)
	if got := capLineNesting(deep, maxNesting); got != strings.Repeat(">", maxNesting)+`\`+strings.Repeat(">", 60) {
		t.Errorf("capLineNesting(%d×\">\") = %q", maxNesting+60, got)
	}
	mixed := strings.Repeat("> - ", maxNesting) + "1. text"
	if got := capLineNesting(mixed, maxNesting); got != strings.Repeat("> - ", maxNesting/2)+`\`+strings.Repeat("> - ", maxNesting/2)+"1. text" {
		t.Errorf("capLineNesting(mixed) = %q", got)
	}
	for _, md := range []string{"> Zitat\n> > Antwort", "- a\n  - b\n    1. c", "--- * --- ***", "-1 > 0", strings.Repeat("-", 80), "*fett* - 3 > 2"} {
		if got := capLineNesting(md, maxNesting); got != md {
			t.Errorf("capLineNesting(%q) = %q, want it unchanged", md, got)
		}
	}
	out := RenderTyped(deep)
	if n := strings.Count(out, "<blockquote>"); n > maxNesting {
		t.Errorf("%d nested quotes, want at most %d", n, maxNesting)
	}
	if !strings.Contains(out, strings.Repeat("&gt;", 60)) {
		t.Errorf("the rest of the line is not text: %.300q", out)
	}
	spoof := "Hier: \u202e[Bank](https://evil.test/#ed.knab//:sptth) \u2067x\u2069 \u200fok"
	if got, want := RenderTyped(spoof), "<p>Hier: <a href=\"https://evil.test/#ed.knab//:sptth\">Bank</a> (https://evil.test/#ed.knab//:sptth) x \u200fok</p>"; got != want {
		t.Errorf("RenderTyped(%q)\n got %q\nwant %q", spoof, got, want)
	}
}

// BenchmarkRenderTyped60KB: a volunteer's answer of 60 KB (the event limit
// bounds it) rendered for the member, as plain prose, as a list and as one
// line of 60,000 „>“ (goldmark's work grows with the square of a line's
// nesting; capLineNesting bounds it). fitBytes renders an answer that is
// too long up to 17 times. Figures in docs/performance.md.
func BenchmarkRenderTyped60KB(b *testing.B) {
	for _, in := range []struct{ name, md string }{
		{"prose", strings.Repeat("Das ist **wichtig**: bitte neu anmelden, dann geht es wieder.\n", 1000)},
		{"list", strings.Repeat("1. [öffnen](https://cloud.example.org/a_b)\n", 1400)},
		{"deep", strings.Repeat(">", 60_000)},
	} {
		b.Run(in.name, func(b *testing.B) {
			for b.Loop() {
				RenderTyped(in.md)
			}
		})
	}
}

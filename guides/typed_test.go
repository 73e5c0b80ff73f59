package guides

import "testing"

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

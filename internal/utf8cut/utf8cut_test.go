package utf8cut

import (
	"testing"
	"unicode/utf8"
)

func TestPrefixSuffix(t *testing.T) {
	for _, tc := range []struct {
		s            string
		n            int
		prefix, suff string
	}{
		{"abc", 5, "abc", "abc"},
		{"abc", 3, "abc", "abc"},
		{"abc", 2, "ab", "bc"},
		{"abc", 0, "", ""},
		{"abc", -1, "", ""},
		{"", 2, "", ""},
		// „ä“ is two bytes, „€“ three, „😀“ four: a cut inside one falls back
		// (prefix) or forward (suffix) to the rune's edge.
		{"aä", 2, "a", "ä"},
		{"äa", 2, "ä", "a"},
		{"x€y", 2, "x", "y"},
		{"x€y", 3, "x", "y"},
		{"x€y", 4, "x€", "€y"},
		{"😀😀", 5, "😀", "😀"},
		{"😀😀", 3, "", ""},
	} {
		if got := Prefix(tc.s, tc.n); got != tc.prefix {
			t.Errorf("Prefix(%q, %d) = %q, want %q", tc.s, tc.n, got, tc.prefix)
		}
		if got := Suffix(tc.s, tc.n); got != tc.suff {
			t.Errorf("Suffix(%q, %d) = %q, want %q", tc.s, tc.n, got, tc.suff)
		}
	}
}

// FuzzPrefixSuffix: whatever the input, the cuts are valid UTF-8 when the
// input is, no longer than n bytes, and a prefix / suffix of the input.
func FuzzPrefixSuffix(f *testing.F) {
	f.Add("Grüße aus der Geschäftsstelle 😀", 7)
	f.Fuzz(func(t *testing.T, s string, n int) {
		p, x := Prefix(s, n), Suffix(s, n)
		if len(s) > n && (len(p) > max(n, 0) || len(x) > max(n, 0)) {
			t.Fatalf("longer than %d: %q %q", n, p, x)
		}
		if s[:len(p)] != p || s[len(s)-len(x):] != x {
			t.Fatalf("not a prefix/suffix: %q %q of %q", p, x, s)
		}
		if utf8.ValidString(s) && (!utf8.ValidString(p) || !utf8.ValidString(x)) {
			t.Fatalf("split a rune: %q %q of %q", p, x, s)
		}
	})
}

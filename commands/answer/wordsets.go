package answer

import "strings"

// The word sets of the package's grammars are map[string]bool of folded
// words, built once at start-up from literals and from each other. These
// are the few operations they are built with, in one place.

// set returns the set of ws.
func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// union returns the set of the words of all ms.
func union(ms ...map[string]bool) map[string]bool {
	u := map[string]bool{}
	for _, m := range ms {
		for w := range m {
			u[w] = true
		}
	}
	return u
}

// where returns the words of m for which keep is true.
func where(m map[string]bool, keep func(w string) bool) map[string]bool {
	out := map[string]bool{}
	for w := range m {
		if keep(w) {
			out[w] = true
		}
	}
	return out
}

// common returns the words that are in both a and b.
func common(a, b map[string]bool) map[string]bool {
	return where(a, func(w string) bool { return b[w] })
}

// minus returns the words of m but ws.
func minus(m map[string]bool, ws ...string) map[string]bool {
	drop := set(ws...)
	return where(m, func(w string) bool { return !drop[w] })
}

// suffixed returns the words of s that end in suf.
func suffixed(s map[string]bool, suf string) map[string]bool {
	return where(s, func(w string) bool { return strings.HasSuffix(w, suf) })
}

// Package utf8cut cuts strings to a number of bytes without splitting a
// UTF-8 sequence. The standard library and go.mau.fi/util have no such
// function (utf8.RuneStart is the building block), and several places need
// it: a member's message cut to the answer engine's bound, an .ics content
// line folded at 75 octets (RFC 5545 §3.1), a support draft cut to its
// bound, and the context of a redacted name.
package utf8cut

import "unicode/utf8"

// Prefix returns the longest prefix of s of at most n bytes that ends at
// the start of a rune (s itself when it is short enough). A negative n is
// taken as 0.
func Prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	n = max(n, 0)
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// Suffix returns the longest suffix of s of at most n bytes that starts at
// the start of a rune (s itself when it is short enough). A negative n is
// taken as 0.
func Suffix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - max(n, 0)
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

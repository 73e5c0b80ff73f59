package access

import (
	"strings"
	"testing"
)

// TestValidEmailLookAlikes: an address that looks like another one
// (letters of another script, invisible characters) is refused, a domain
// with umlauts is kept in its xn-- form, and hostile input costs nothing
// (acc30).
func TestValidEmailLookAlikes(t *testing.T) {
	for _, tc := range []struct {
		in          string
		want        string
		ok, special bool
	}{
		{"mia@example.org", "mia@example.org", true, false},
		{" <Mia.Mitglied+ag@Example.ORG> ", "Mia.Mitglied+ag@example.org", true, false},
		{"mia@müller.de", "mia@xn--mller-kva.de", true, false},
		{"mia@xn--mller-kva.de", "mia@xn--mller-kva.de", true, false},
		{"ivan@пример.рф", "ivan@xn--e1afmkfd.xn--p1ai", true, false},
		// Han with Kana (Japanese) or with Hangul (Korean) is one writing.
		{"mia@例え.jp", "mia@xn--r8jz45g.jp", true, false},
		{"mia@韓국.kr", "mia@xn--3v5ak93b.kr", true, false},
		{"mia@例えa.jp", "", false, true},
		// Look-alikes: a Cyrillic і in the local part, a Cyrillic а in the domain.
		{"mіa@example.org", "", false, true},
		{"mia@exаmple.org", "", false, true},
		// Invisible and control characters.
		{"mia\u200b@example.org", "", false, true},
		{"mia@example.org\u202e", "", false, true},
		{"mia@exam\u00adple.org", "", false, true},
		{"mia@example\u00a0.org", "", false, true},
		{"mia@example.org\r\nBcc: x@y.z", "", false, true},
		{"a\x07@x.de", "", false, true},
		{"müller@x.de", "", false, true},
		// Plainly not an address.
		{"keine mail", "", false, false},
		{"a@[1.2.3.4]", "", false, false},
		{"a@b_c.de", "", false, false},
		{"a@b.c,d@e.f", "", false, false},
		{"\"a b\"@x.de", "", false, false},
		// What a mail client or a web page adds when a member copies
		// the address (mend30c): kept as the address.
		{"mia@example.org.", "mia@example.org", true, false},
		{"mia@example.org;", "mia@example.org", true, false},
		{"Mia Mitglied <mia@example.org>", "mia@example.org", true, false},
		{"\"Mitglied, Mia\" <Mia+ag@Sub.Example.ORG>,", "Mia+ag@sub.example.org", true, false},
		{"mailto:mia@example.org", "mia@example.org", true, false},
		{"MAILTO:mia@müller.de.", "mia@xn--mller-kva.de", true, false},
		{"\u200bmia@example.org\ufeff\u00a0", "mia@example.org", true, false},
		// Still refused: two dots, two addresses, a direction mark or an
		// invisible character inside.
		{"mia@example.org..", "", false, false},
		{"mia@example.org, ben@example.org", "", false, false},
		{"\u202emia@example.org", "", false, true},
		{"Mia <mia\u200b@example.org>", "", false, true},
		{"mia@localhost", "", false, false},
		{"@example.org", "", false, false},
		{strings.Repeat("a", 60000) + "@x.de", "", false, false},
		{"a@" + strings.Repeat("ä", 30000) + ".de", "", false, false},
	} {
		got, ok, special := validEmail(tc.in)
		if got != tc.want || ok != tc.ok || special != tc.special {
			t.Errorf("validEmail(%.40q) = %q, %v, %v; want %q, %v, %v", tc.in, got, ok, special, tc.want, tc.ok, tc.special)
		}
	}
}

// TestRoomNameInvisible: a room name is kept without invisible characters,
// so „Vorstand“ with a zero-width space is the Vorstand's room (acc30).
func TestRoomNameInvisible(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"AG Umwelt Süd", "AG Umwelt Süd", true},
		{"  AG   Umwelt\tSüd ", "AG Umwelt Süd", true},
		{"Vorstand\u200b", "Vorstand", true},
		{"Vor\u202estand", "Vorstand", true},
		{"AG\x07Umwelt", "AG Umwelt", true},
		{"A\u200b", "A", false},
		{strings.Repeat("x", 65), "", false},
	} {
		got, ok := roomName(tc.in)
		if ok != tc.ok || (ok && got != tc.want) {
			t.Errorf("roomName(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

package commands

import (
	"context"
	"strings"
	"testing"
)

// TestAccessDisplayNameTooLongSaysSo: at the summary, `name …` with a
// name over 64 characters says how long it may be and how long it is, and
// keeps the name shown before; a name of invisible characters only
// changes nothing; invisible characters do not count towards the 64.
// Before, a long name was answered with ConfirmHow alone (nothing said
// what was wrong), and 60 letters with invisible characters between them
// were refused (acc34).
func TestAccessDisplayNameTooLongSaysSo(t *testing.T) {
	e := newAccessEnv(t)
	ctx := context.Background()
	mustContain(t, in(e.say(t, dmRoom, member, "!zugang nextcloud AG Digitales", ""), dmRoom), "E-Mail-Adresse")
	mustContain(t, in(e.say(t, dmRoom, member, "mia@example.org", ""), dmRoom), "Wofür")
	mustContain(t, in(e.say(t, dmRoom, member, "Ich mache in der AG mit", ""), dmRoom), "Anzeigename: Mia Mitglied")

	long := strings.Repeat("x", 70)
	got := in(e.say(t, dmRoom, member, "name "+long, ""), dmRoom)
	mustContain(t, got, "höchstens 64 Zeichen haben, deiner hat 70", "mit ja unter dem bisherigen Namen")

	got = in(e.say(t, dmRoom, member, "name \u200b\u200b", ""), dmRoom)
	mustContain(t, got, "Abschicken mit")
	if b := bodies(got); strings.Contains(b, "Bitte prüf") {
		t.Errorf("an invisible name was taken as the new (empty) name:\n%s", b)
	}

	spaced := strings.Repeat("Mia\u200b", 20) // 60 letters, 20 invisible
	got = in(e.say(t, dmRoom, member, "name "+spaced, ""), dmRoom)
	mustContain(t, got, "Anzeigename: "+strings.Repeat("Mia", 20))

	mustContain(t, in(e.say(t, dmRoom, member, "ja", ""), dmRoom), "eingereicht")
	if r, _ := e.db.Access().Get(ctx, 1); r == nil || r.DisplayName != strings.Repeat("Mia", 20) {
		t.Fatalf("filed with the display name %q", r.DisplayName)
	}
}

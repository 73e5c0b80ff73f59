package commands

import (
	"strings"
	"testing"
)

// TestCaseOfferFollowsMemberLanguage (lang31): in a German install, „can
// someone help me please“ got „Gern bringe ich dich mit einem Menschen …
// Antworte mit „ja“ …“ — a member who reads no German could not say yes
// to the case. The lead and the offer follow the message's language; the
// member's „yes“ opens the case (and since case32 the case speaks the
// offer's language too: case_language_test.go). Fails without the change: the
// offer is German.
func TestCaseOfferFollowsMemberLanguage(t *testing.T) {
	e := newSupportEnv(t)
	offer := in(e.say(t, dmRoom, member, "can someone help me please", ""), dmRoom)
	mustContain(t, offer, "Happy to put you in touch", "support case", "reply yes")
	if b := bodies(offer); strings.Contains(b, "Supportfall") || strings.Contains(b, "antworte") {
		t.Errorf("German in the offer to an English message:\n%s", b)
	}
	sent := e.say(t, dmRoom, member, "yes", "")
	if len(in(sent, teamRoom)) < 2 {
		t.Fatalf("„yes“ opened no case:\n%s", bodies(sent))
	}
	mustContain(t, in(sent, dmRoom), "#1")
}

package commands

import (
	"regexp"
	"strings"
	"testing"

	"maunium.net/go/mautrix/id"
)

// erasureToken finds the confirmation word Lotse offers for !daten-löschen.
var erasureToken = regexp.MustCompile("!daten-löschen ([A-Za-zÄÖÜäöüß]+)")

// confirmErasure asks for the member's erasure in their direct chat and
// confirms it with the word Lotse offers; it returns what the confirmation
// sent.
func (e *supportEnv) confirmErasure(t *testing.T) []sentMsg {
	t.Helper()
	sent := in(e.say(t, dmRoom, member, "!daten-löschen", ""), dmRoom)
	m := erasureToken.FindStringSubmatch(bodies(sent))
	if m == nil {
		t.Fatalf("no confirmation word offered: %s", bodies(sent))
	}
	return e.say(t, dmRoom, member, "!daten-löschen "+m[1], "")
}

// TestErasureRedactsLearningPrompt (DSGVO Art. 17; case25 built it, this
// pins it): the learning prompt Lotse posts in a resolved case's thread
// quotes the member's question, so the member's erasure redacts it.
// Fails without learn.Workflow recording
// the prompt with Cases.Shown: the prompt stays.
func TestErasureRedactsLearningPrompt(t *testing.T) {
	e, _ := learnEnv(t)
	_, team := e.caseFor(t, 1, unknownWords)
	var prompt id.EventID
	for _, m := range team {
		if strings.Contains(m.content.Body, "Passt eine Anleitung") && strings.Contains(m.content.Body, unknownWords) {
			prompt = id.EventID("$" + m.txn)
		}
	}
	if prompt == "" {
		t.Fatalf("precondition: no learning prompt quoting the question: %s", bodies(team))
	}
	mustContain(t, in(e.confirmErasure(t), dmRoom), "Erledigt")
	if _, ok := e.redactedIn(teamRoom)[prompt]; !ok {
		t.Errorf("after the erasure, the learning prompt %s still quotes the member's question", prompt)
	}
}

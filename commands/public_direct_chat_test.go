package commands

import (
	"context"
	"strings"
	"testing"

	"maunium.net/go/mautrix/id"
)

// exposedMatrix is the fake homeserver with room exposure as far as
// chat.Exposing asks: the rooms in open are public (or world-readable).
type exposedMatrix struct {
	*fakeMatrix
	open roomSet
}

func (m *exposedMatrix) Exposed(_ context.Context, room id.RoomID) (bool, error) {
	return m.open.has(room), nil
}

// newExposedSupportEnv is newSupportEnv on an exposedMatrix: the test
// makes a room public with m.open.set.
func newExposedSupportEnv(t *testing.T) (*supportEnv, *exposedMatrix) {
	t.Helper()
	e := newSupportEnv(t)
	m := &exposedMatrix{fakeMatrix: e.fm}
	e.reconfigure(func(d *Deps) { d.Matrix = m })
	return e, m
}

// TestAnswerToPublicDirectChat (dm33): the member made the direct chat of
// their case public (join rule public, or history anyone may read). The
// team's answer — and with it the answering team member's name — is not
// sent there: the team member reads at once that it did not go out, and
// why it may be; with another direct chat of the member's, the answer
// goes there and the team reads that it moved; the resolution is held
// back the same way; once the chat is closed again, answers go there
// again. Fails without the check in support.bothIn: the answer was sent
// into the public chat, where whoever joined read it.
func TestAnswerToPublicDirectChat(t *testing.T) {
	e, m := newExposedSupportEnv(t)
	root := e.openCase(t)
	m.open.set(dmRoom, true)

	sent := e.say(t, teamRoom, alice, "!antwort Bitte den Cache leeren.", root)
	// Only the note that the chat is public goes there (left34).
	if dm := in(sent, dmRoom); len(dm) != 1 || !strings.Contains(dm[0].content.Body, "öffentlich") || strings.Contains(bodies(dm), "Cache") {
		t.Fatalf("the answer went into the public chat:\n%s", bodies(dm))
	}
	mustContain(t, in(sent, teamRoom), "Nicht gesendet", "Fall #1", "der Chat ist jetzt öffentlich")
	if texts := e.caseTexts(t); strings.Contains(texts, "Cache leeren") {
		t.Errorf("the undelivered answer was stored as given:\n%s", texts)
	}

	sent = e.say(t, teamRoom, alice, "!erledigt 1 Cache leeren hilft.", root)
	if dm := in(sent, dmRoom); len(dm) != 0 {
		t.Fatalf("the resolution went into the public chat:\n%s", bodies(dm))
	}
	mustContain(t, in(sent, teamRoom), "Nicht erledigt", "der Chat ist jetzt öffentlich")

	m.open.set(dmRoom, false)
	mustContain(t, in(e.say(t, teamRoom, alice, "!antwort Bitte den Cache leeren.", root), dmRoom), "Cache leeren")

	const other = id.RoomID("!dm-other:test")
	e.newDirectChat(t, other, member)
	m.open.set(dmRoom, true)
	sent = e.say(t, teamRoom, alice, "!antwort Und danach neu anmelden.", root)
	if dm := in(sent, dmRoom); len(dm) != 0 {
		t.Fatalf("the answer went into the public chat:\n%s", bodies(dm))
	}
	mustContain(t, in(sent, other), "neu anmelden")
	mustContain(t, in(sent, teamRoom), "anderen Direktchat", "der Chat ist jetzt öffentlich")
}

// TestPublicDirectChatTakesNoCase (dm33): the member writes about their
// open case from another direct chat of theirs that is public. Their
// message reaches the case's thread, but the case does not move there:
// the team reads no „anderen Direktchat“, the public chat gets no note of
// the move, and the team's answer goes to the case's own chat. Fails
// without the check in support.activeCase: the case moved into the
// public chat and the note went there.
func TestPublicDirectChatTakesNoCase(t *testing.T) {
	e, m := newExposedSupportEnv(t)
	root := e.openCase(t)
	const public = id.RoomID("!dm-public:test")
	e.newDirectChat(t, public, member)
	m.open.set(public, true)

	sent := e.sayIn(t, public, member, "Das Spendenformular lädt immer noch nicht", true)
	team := in(sent, teamRoom)
	mustContain(t, team, "Spendenformular lädt immer noch nicht")
	if strings.Contains(bodies(team), "anderen Direktchat") {
		t.Errorf("the case moved into the public chat:\n%s", bodies(team))
	}
	if strings.Contains(bodies(in(sent, public)), "noch offen") {
		t.Errorf("the move's note went into the public chat:\n%s", bodies(in(sent, public)))
	}
	sent = e.say(t, teamRoom, alice, "!antwort Probier bitte einen anderen Browser.", root)
	if dm := in(sent, public); len(dm) != 0 {
		t.Fatalf("the answer went into the public chat:\n%s", bodies(dm))
	}
	mustContain(t, in(sent, dmRoom), "anderen Browser")
}

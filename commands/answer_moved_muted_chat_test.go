package commands

import (
	"testing"

	"maunium.net/go/mautrix/id"
)

// TestAnswerMovedFromMutedChatSaysWhy (whole33, a text): the member took
// Lotse's voice in the chat of their case and has another direct chat with
// it; the team's answer goes there, and the thread's note on the move
// says so without claiming what is not true — the member is still in the
// old chat. Fails without the fix: the note read „ist nicht mehr im
// bisherigen Chat mit mir“ alone (sec33 gave the parenthesis to
// Unreachable and UnreachableResolve, not to this note).
func TestAnswerMovedFromMutedChatSaysWhy(t *testing.T) {
	e := newSupportEnv(t)
	m := &mutedMatrix{fakeMatrix: e.fm}
	e.reconfigure(func(d *Deps) { d.Matrix = m })
	root := e.openCase(t)
	const other = id.RoomID("!dm-other:test")
	e.newDirectChat(t, other, member)
	m.set(dmRoom, true)

	sent := e.say(t, teamRoom, alice, "!antwort Bitte den Cache leeren.", root)
	mustContain(t, in(sent, other), "Cache leeren")
	mustContain(t, in(sent, teamRoom), "Fall #1", "anderen Direktchat", "oder ich darf dort nicht mehr schreiben")
}

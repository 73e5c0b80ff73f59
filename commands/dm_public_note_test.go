package commands

import (
	"strings"
	"testing"
)

// TestMemberToldChatIsPublic (dm33's Left, left34): a member who made
// their own direct chat with Lotse public was not told; the team's answers
// went elsewhere or nowhere, and they waited. Now they are told once in
// that chat why, and how to make it private again: on their next message
// there, or when a team answer is held back from it. Not again while it
// stays public; again after it was private in between. Fails without the
// note: nothing tells them.
func TestMemberToldChatIsPublic(t *testing.T) {
	const note = "Dieser Chat ist jetzt öffentlich"
	count := func(msgs []sentMsg) int {
		n := 0
		for _, m := range in(msgs, dmRoom) {
			if m.content != nil && strings.Contains(m.content.Body, note) {
				n++
			}
		}
		return n
	}
	t.Run("a message in the public chat", func(t *testing.T) {
		e, m := newExposedSupportEnv(t)
		e.newDirectChat(t, dmRoom, member) // agreed with the member
		if n := count(e.say(t, dmRoom, member, "Wie ändere ich mein Passwort?", "")); n != 0 {
			t.Fatalf("told %d times about a private chat", n)
		}
		m.open.set(dmRoom, true)
		got := e.say(t, dmRoom, member, "Wie ändere ich mein Passwort?", "")
		if n := count(got); n != 1 {
			t.Fatalf("told %d times, want once:\n%s", n, bodies(in(got, dmRoom)))
		}
		mustContain(t, in(got, dmRoom), "anderen Direktchat", "Sicherheit & Datenschutz", "Privat (Betreten mit Einladung)", "wieder privat")
		if n := count(e.say(t, dmRoom, member, "Und mein Profilbild?", "")); n != 0 {
			t.Errorf("told again while it stayed public (%d)", n)
		}
		m.open.set(dmRoom, false)
		if n := count(e.say(t, dmRoom, member, "Danke!", "")); n != 0 {
			t.Errorf("told about a private chat (%d)", n)
		}
		m.open.set(dmRoom, true)
		if n := count(e.say(t, dmRoom, member, "Noch eine Frage", "")); n != 1 {
			t.Errorf("public again after private: told %d times, want once", n)
		}
	})
	t.Run("a team answer held back", func(t *testing.T) {
		e, m := newExposedSupportEnv(t)
		root := e.openCase(t)
		m.open.set(dmRoom, true)
		got := e.say(t, teamRoom, alice, "!antwort Bitte den Cache leeren.", root)
		if n := count(got); n != 1 {
			t.Fatalf("told %d times, want once:\n%s", n, bodies(in(got, dmRoom)))
		}
		if strings.Contains(bodies(in(got, dmRoom)), "Cache") {
			t.Fatalf("the answer went into the public chat")
		}
		if n := count(e.say(t, teamRoom, alice, "!antwort Und neu anmelden.", root)); n != 0 {
			t.Errorf("told again at the second answer (%d)", n)
		}
	})
}

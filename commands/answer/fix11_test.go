package answer

import "testing"

// TestHelpWithRepeated: a "Hilfe bei …" run said again ("Hilfe beim
// Hilfe beim Passwort") is stripped each time, not only the first (review
// rv8, finding 6): the search gets what the help is for. A single run and
// a run that is no announcement are as TestHelpWith has them.
func TestHelpWithRepeated(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg, query, first string
	}{
		{"Hilfe beim Hilfe beim Passwort", "Passwort", "konto/passwort-vergessen.md"},
		{"ich brauche Hilfe bei Hilfe beim Hilfe mit dem Passwort", "dem Passwort", "konto/passwort-vergessen.md"},
		{"I need help with help with my password", "my password", "konto/passwort-vergessen.md"},
		// A run after a clause break is no repetition of the first.
		{"Hilfe beim Passwort, Hilfe beim Konto", "Passwort, Hilfe beim Konto", ""},
	} {
		d := Decide(tt.msg, lib, Options{Cases: true})
		if d.Query != tt.query {
			t.Errorf("%q: searched %q, want %q", tt.msg, d.Query, tt.query)
		}
		if tt.first != "" && (len(d.Hits) == 0 || d.Hits[0].ID != tt.first) {
			t.Errorf("%q: %s %v, want %s first", tt.msg, d.Outcome, d.Guides(), tt.first)
		}
	}
}

// TestDeclineClosing: a decline or "I'll manage" sent on its own ("nein
// danke, ich komme klar", "no, I'll manage") is a closing (declineOnly):
// the short acknowledgement, not a guide ("manage" meets "verwalten") and
// not "no guide fits". What names a thing, asks, or complains is no
// decline and is searched.
func TestDeclineClosing(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg  string
		talk Talk // "" = not small talk
	}{
		{"no, I'll manage", TalkAck},
		{"no thanks, I'll manage on my own", TalkAck},
		{"nein danke, ich komme klar", TalkAck},
		{"no thanks, I'm fine", TalkAck},
		{"No thanks, I’m fine", TalkAck},
		{"passt schon, danke", TalkThanks},
		{"danke, ich schaffe das schon", TalkAck},
		{"ich krieg das schon hin, danke", TalkAck},
		{"ok, mach ich selbst", TalkAck},
		{"nein, ich komme allein zurecht", TalkAck},
		{"nicht nötig, danke", TalkAck},
		{"brauch ich nicht mehr", TalkAck},
		{"hat sich erledigt", TalkAck},
		{"no need, thanks", TalkAck},
		{"never mind", TalkAck},
		{"I'll figure it out myself", TalkAck},
		{"don't need it, thanks", TalkAck},
		{"ich komme klar, tschüss", TalkBye},
		// Not a decline: a thing, a question, a complaint, a need.
		{"nein danke, aber wie ändere ich mein Passwort?", ""},
		{"I'm fine, but how do I change my password?", ""},
		{"I'll manage my passwords", ""},
		{"ich komme nicht klar", ""},
		{"ich komme mit der Cloud nicht klar", ""},
		{"I can't manage", ""},
		{"I'll never manage", ""},
		{"manage", ""},
		{"no, I need help", ""},
		{"kann ich das selbst machen", ""},
		{"wie schaffe ich das", ""},
	} {
		checkTalk(t, lib, tt.msg, tt.talk)
		if tt.talk == "" {
			continue
		}
	}
}

// TestTalkReply: each kind of small talk gets its own reply of the
// catalogue (talkReply, the switch that replaced a map built per message;
// the replies are unchanged), and a kind with a reply of its own none.
func TestTalkReply(t *testing.T) {
	for _, tx := range []*Texts{&German, &English} {
		for kind, want := range map[Talk]string{TalkHello: tx.Hello, TalkThanks: tx.Thanks, TalkAck: tx.Ack, TalkBye: tx.Bye,
			TalkHowAreYou: tx.HowAreYou, TalkPrompt: tx.Prompt, TalkPraise: tx.Praise, TalkSorry: tx.Sorry,
			TalkBot: "", TalkCriticism: "", talkMachine: ""} {
			if got := smallTalk(tx, kind); got.Reply != want || got.Outcome != SmallTalk || got.Talk != kind {
				t.Errorf("%s %s: %q, want %q", tx.Lang, kind, got.Reply, want)
			}
		}
	}
}

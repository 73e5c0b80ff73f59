package commands

import (
	"regexp"
	"testing"
)

// TestCommandNameLanguageStaysWithTheMember: the language of a command's
// name as typed (en35) is for the reply to the member who typed it. What
// the same turn sends to the team room — the note that the member closed
// their case, the erasure's notes in its thread — is the team's, in the
// install's language, whichever name the member typed: the English name
// leaves the team room word for word as the German name does.
func TestCommandNameLanguageStaysWithTheMember(t *testing.T) {
	confirmWord := regexp.MustCompile("!(?:delete-my-data|daten-löschen) ([A-Za-zäöüß]+)")
	for _, tt := range []struct {
		name    string
		de, en  []string // what the member types, after opening a case
		confirm bool     // the last command takes the word the one before gave
	}{
		{"close", []string{"!schließen 1"}, []string{"!close 1"}, false},
		{"erasure", []string{"!daten-löschen", "!daten-löschen"}, []string{"!delete-my-data", "!delete-my-data"}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			team := map[string]string{}
			for lang, typed := range map[string][]string{"de": tt.de, "en": tt.en} {
				e := newSupportEnv(t)
				mustContain(t, in(e.say(t, dmRoom, member, "!ticket Meine Mails kommen nicht an", ""), dmRoom), "Supportfall")
				mustContain(t, in(e.say(t, dmRoom, member, "ja", ""), teamRoom), "Meine Mails kommen nicht an")
				var sent []sentMsg
				for i, cmd := range typed {
					if tt.confirm && i == len(typed)-1 {
						m := confirmWord.FindStringSubmatch(bodies(in(sent, dmRoom)))
						if m == nil {
							t.Fatalf("%s gave no confirmation word: %s", typed[0], bodies(in(sent, dmRoom)))
						}
						cmd += " " + m[1]
					}
					sent = e.say(t, dmRoom, member, cmd, "")
				}
				got := in(sent, teamRoom)
				if len(got) == 0 {
					t.Fatalf("%s: %v sent nothing to the team room", lang, typed)
				}
				team[lang] = bodies(got)
			}
			if team["de"] != team["en"] {
				t.Errorf("the team room read other words after the English name:\nGerman name:\n%s\nEnglish name:\n%s", team["de"], team["en"])
			}
		})
	}
}

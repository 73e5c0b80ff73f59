package web

import (
	"regexp"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/commands/chat/chattest"
)

// TestTextCalls: every call that fills a text of the catalogue passes as
// many arguments as the text's verbs take, in both languages and both
// plural forms (chattest.CheckCalls; texts33).
func TestTextCalls(t *testing.T) {
	chattest.CheckCalls(t, ".", German, English)
}

// TestErrorTextsSayWhatToDo (texts33): an error a reader of the pages can
// mend by trying again says so — „Ungültige Rückmeldung.“ and „Die
// Rückmeldung konnte gerade nicht gespeichert werden.“ left them without
// the next step.
func TestErrorTextsSayWhatToDo(t *testing.T) {
	for _, tx := range []*Texts{German, English} {
		for name, text := range map[string]string{"InternalError": tx.InternalError, "SearchBusy": tx.SearchBusy,
			"VoteInvalid": tx.VoteInvalid, "VoteFailed": tx.VoteFailed} {
			if !strings.Contains(text, "noch einmal") && !strings.Contains(text, "again") && !strings.Contains(text, "reload") {
				t.Errorf("%s %s does not say to try again: %q", tx.Lang, name, text)
			}
		}
	}
}

// TestPagesSpeakOfLotse (whole33): the pages speak of Lotse in the third
// person („stell deine Frage Lotse im Chat“) and of the team as „wir“
// („bei uns“); no text says „ich“ as the chat's texts do. The feedback's
// error read „Diese Rückmeldung kann ich nicht lesen“ (texts33): who is
// „ich“ on a web page? Fails without the fix.
func TestPagesSpeakOfLotse(t *testing.T) {
	firstPerson := map[string]*regexp.Regexp{
		"de": regexp.MustCompile(`(?i)\b(ich|mich|mir|mein|meine|meinen|meinem|meiner)\b`),
		"en": regexp.MustCompile(`\b(I|me|my|I'm|I'll|I've)\b`),
	}
	for _, tx := range []*Texts{German, English} {
		chattest.EachString(tx, func(path, text string) {
			if w := firstPerson[tx.Lang].FindString(text); w != "" {
				t.Errorf("%s %s says „%s“: %q", tx.Lang, path, w, text)
			}
		})
	}
}

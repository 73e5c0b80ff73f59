package chat_test

import (
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/commands/chat/chattest"
)

// exposureNotices are the hold's texts of one language, as a catalogue
// for chattest's checks.
type exposureNotices struct {
	Open, OpenOne, Closed, Held string
}

func noticesOf(lang string) exposureNotices {
	return exposureNotices{
		Open:    chat.RoomOpenNotice(lang, chat.RoomExposure{Joinable: true, WorldReadable: true, Unencrypted: true}),
		OpenOne: chat.RoomOpenNotice(lang, chat.RoomExposure{Joinable: true}),
		Closed:  chat.RoomClosedNotice(lang),
		Held:    chat.HeldNote(lang),
	}
}

// TestExposureNoticesBothLanguages (whole32): the notices of an open team
// or approvals room say the same in German and English and keep the house
// style. The English closed notice asked the team to check the member list
// — whoever joined while the room was open is still in it and reads the
// cases that waited — the German one, the default, did not. Fails without
// the German sentence.
func TestExposureNoticesBothLanguages(t *testing.T) {
	de, en := noticesOf("de"), noticesOf("en")
	chattest.CheckStyle(t, de, en)
	for lang, closed := range map[string]string{"de": de.Closed, "en": en.Closed} {
		want := map[string]string{"de": "Mitgliederliste", "en": "member list"}[lang]
		if !strings.Contains(closed, want) {
			t.Errorf("%s: the closed notice does not ask to check the members (%q): %q", lang, want, closed)
		}
	}
}

// TestNoticesFallBackToGerman: a language without texts gets the German
// ones, as TextsFor gives (inLang, whole32: one lookup for the map texts).
func TestNoticesFallBackToGerman(t *testing.T) {
	if noticesOf("fr") != noticesOf("de") || chat.DefaultContact("fr") != chat.DefaultContact("de") || chat.CutMarker("fr") != chat.CutMarker("de") {
		t.Error("a language without texts does not get the German ones")
	}
	if noticesOf("en") == noticesOf("de") || chat.DefaultContact("en") == chat.DefaultContact("de") || chat.CutMarker("en") == chat.CutMarker("de") {
		t.Error("English gets the German texts")
	}
}

// TestRoomOpenNoticeNamesElementLabels pins the fixes to the labels Element
// shows (Element Web and Element X, as docs/operations.md's table has them):
// a room admin on a phone looks for the words the notice names.
func TestRoomOpenNoticeNamesElementLabels(t *testing.T) {
	all := chat.RoomExposure{Joinable: true, WorldReadable: true, Unencrypted: true}
	for lang, want := range map[string][]string{
		"de": {"„Privat (Betreten mit Einladung)“", "„Nur auf Einladung“", "„Mitglieder“", "nicht „Alle“", "`/devtools`"},
		"en": {"“Private (invite only)”", "“Invite only”", "“Members”", "not “Anyone”", "`/devtools`"},
	} {
		got := chat.RoomOpenNotice(lang, all)
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s notice lacks %s:\n%s", lang, w, got)
			}
		}
	}
}

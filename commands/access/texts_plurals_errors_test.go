package access

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/lotse-bot/lotse/commands/chat"
)

// commandSpan finds the commands a text shows („`!anträge`“).
var commandSpan = regexp.MustCompile("`![^`]*`")

// TestPluralFormsNameTheSameCommands: the singular and the plural of a
// text point to the same commands – TooManyOpen's singular lacked the
// plural's „Deine Anträge: `!anträge`“ (left33).
func TestPluralFormsNameTheSameCommands(t *testing.T) {
	for lang, tx := range map[string]Texts{"de": German, "en": English} {
		v := reflect.ValueOf(tx)
		for i := range v.NumField() {
			f := v.Field(i)
			if f.Kind() != reflect.String {
				continue
			}
			one, other, ok := chat.PluralForms(f.String())
			if !ok {
				continue
			}
			if a, b := commandSpan.FindAllString(one, -1), commandSpan.FindAllString(other, -1); !slices.Equal(a, b) {
				t.Errorf("%s %s: the singular names %v, the plural %v", lang, v.Type().Field(i).Name, a, b)
			}
		}
	}
}

// TestChecksumErrorInPlainWords: an approver reads why BigBlueButton
// refused Lotse in words they understand – no „Secret“ in German – and
// whom to ask (left33).
func TestChecksumErrorInPlainWords(t *testing.T) {
	if s := German.ErrBBBChecksum; strings.Contains(strings.ToLower(s), "secret") || !strings.Contains(s, "Bitte die Admins") || !strings.Contains(s, "Einstellungen") {
		t.Errorf("German ErrBBBChecksum: %q", s)
	}
	if s := English.ErrBBBChecksum; !strings.Contains(s, "ask the admins") || !strings.Contains(s, "settings") {
		t.Errorf("English ErrBBBChecksum: %q", s)
	}
}

// TestErrorsFitTheNote: an Err* text is stored as the request's last
// error and shown to the approvers through chat.Escape, which cuts at 200
// characters: a longer one lost its end – what to do and whom to ask.
// ErrRoomTaken (de, 207) was cut before „beantragen“ (left33).
func TestErrorsFitTheNote(t *testing.T) {
	for lang, tx := range map[string]Texts{"de": German, "en": English} {
		v := reflect.ValueOf(tx)
		for i := range v.NumField() {
			name := v.Type().Field(i).Name
			if s := v.Field(i).String(); strings.HasPrefix(name, "Err") && chat.Shorten(s, 200) != s {
				t.Errorf("%s %s has %d characters, the approvers' note shows 200: %q", lang, name, utf8.RuneCountInString(s), s)
			}
		}
	}
}

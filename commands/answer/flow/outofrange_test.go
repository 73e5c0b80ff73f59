package flow

import (
	"strings"
	"testing"
)

// TestChoiceOutOfRangeFitsTheChoice: a number beyond the guides offered
// names the range of a choice of several, and for the only guide of a
// choice says to answer 1 (no "von 1 bis 1"); German and English.
func TestChoiceOutOfRangeFitsTheChoice(t *testing.T) {
	for _, tt := range []struct {
		lang string
		ids  []string
		want string
		not  string
	}{
		{"de", three, "von 1 bis 3", ""},
		{"de", three[:1], "antworte mit 1,", "1 bis 1"},
		{"en", three, "from 1 to 3", ""},
		{"en", three[:1], "reply 1 to", "1 to 1"},
	} {
		f := newFixture(t)
		env := *f.w.Env
		env.Lang = tt.lang
		f.w = New(&env, Config{})
		f.offer(tt.ids...)
		got := f.say(member, "4")
		if len(got) != 1 || !strings.Contains(got[0], tt.want) || tt.not != "" && strings.Contains(got[0], tt.not) {
			t.Errorf("%s, %d guides offered, \"4\": %q, want %q", tt.lang, len(tt.ids), got, tt.want)
		}
		if strings.Contains(strings.Join(got, ""), "%!") {
			t.Errorf("%s: broken format: %q", tt.lang, got)
		}
	}
}

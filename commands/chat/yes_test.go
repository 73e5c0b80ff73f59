package chat

import "testing"

// TestSaysYes: the short yes of YesWords and the polite yes ("ja,
// gerne!", "yes please") answer every yes/no question alike; a yes with a
// topic, a "no" or an acknowledgement ("ok gerne") does not.
func TestSaysYes(t *testing.T) {
	for _, c := range []struct {
		msg  string
		want bool
	}{
		{"ja", true},
		{"ja bitte", true},
		{"ja, bitte", true},
		{"Ja gerne!", true},
		{"oh ja, sehr gerne", false}, // "oh" is no yes particle
		{"ja sehr gerne", true},
		{"yes please 🙂", true},
		{"yeah, please", true},
		{"bitte", true},
		{"gerne", true},
		{"nein danke", false},
		{"ok gerne", false},
		{"bitte gerne", false}, // "you're welcome": no yes particle
		{"ja bitte hilf mir beim passwort", false},
		{"ja ja ja ja bitte", true},
		{"ja ja ja ja ja bitte", false}, // longer than a polite yes
		{"", false},
	} {
		if got := SaysYes(NormWords(c.msg)); got != c.want {
			t.Errorf("SaysYes(%q) = %v, want %v", c.msg, got, c.want)
		}
	}
}

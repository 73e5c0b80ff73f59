package answer

import "testing"

// TestPersonEleven: requests for a person in the member's own words that
// the grammar of human.go missed (help from someone, time for me, a look
// over it, someone doing it for me), and guide questions with the same
// words that stay guide questions. Written from German and English usage
// (Duden: "für jemanden Zeit haben", "nachschauen", "für" as
// "zugunsten von"), not from a question set.
func TestPersonEleven(t *testing.T) {
	lib := loadLibrary(t)
	for _, c := range []struct {
		msg   string
		human bool
	}{
		{"Hallo, ich bräuchte mal Unterstützung von jemandem", true},
		{"Can I get help from someone on your team?", true},
		{"hat jemand aus dem team kurz zeit für mich", true},
		{"does anyone have time for me", true},
		{"kann mal jemand vom digitalteam drüberschauen", true},
		{"kann das jemand für mich machen", true},
		// The same words in guide questions.
		{"wie viel zeit habe ich für mich in der konferenz", false},
		{"kann ich einen ordner für mich und jemand anderen freigeben", false},
		{"kann jemand für mich einen termin im kalender anlegen", false},
		{"wie kann ich nachschauen, wer in der konferenz ist", false},
		{"hilfe von wem bekomme ich beim passwort", false},
	} {
		d := Decide(c.msg, lib, Options{Cases: true})
		if got := d.Outcome == Human; got != c.human {
			t.Errorf("%q: outcome %s %v, want human %v", c.msg, d.Outcome, d.Guides(), c.human)
		}
	}
}

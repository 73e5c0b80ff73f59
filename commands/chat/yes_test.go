package chat

import "testing"

// TestSaysYes: the short yes of YesWords and the polite yes ("ja,
// gerne!", "yes please") answer every yes/no question alike; a yes with a
// topic or a "no" does not. "ok gerne" is a yes with a word of approval
// (acceptYes; talk12): with nothing pending it stays an acknowledgement
// (PoliteYes is false for it), but asked a yes/no question it says yes.
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
		{"ok gerne", true},
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

// TestYesNoParticles: every answer particle says yes or no alone, as
// "ja" and "nein" do, with punctuation or emoji around it (review rvP11,
// finding 6: "yep", "jo", "ja klar" and "nope", "nah" were read as
// neither); a particle with a topic, or yes and no mixed, is neither.
func TestYesNoParticles(t *testing.T) {
	for p := range YesParticles {
		for _, msg := range []string{p, p + "!", p + " 👍"} {
			if !SaysYes(NormWords(msg)) || SaysNo(NormWords(msg)) {
				t.Errorf("%q: SaysYes %v, SaysNo %v; want yes", msg, SaysYes(NormWords(msg)), SaysNo(NormWords(msg)))
			}
		}
	}
	for p := range NoParticles {
		for _, msg := range []string{p, p + "!", p + " 🙁"} {
			if SaysYes(NormWords(msg)) || !SaysNo(NormWords(msg)) {
				t.Errorf("%q: SaysYes %v, SaysNo %v; want no", msg, SaysYes(NormWords(msg)), SaysNo(NormWords(msg)))
			}
		}
	}
	for _, c := range []struct {
		msg     string
		yes, no bool
	}{
		{"ja klar", true, false},
		{"Ja, klar!", true, false},
		{"yes, sure", true, false},
		{"klar", false, false}, // no answer particle
		{"nein danke", false, true},
		{"nee, nee", false, true},
		{"lieber nicht!", false, true},
		{"ja nein", false, false},
		{"nope, ich brauche Hilfe", false, false},
		{"yep, wie teile ich meinen Bildschirm", false, false},
		{"nah am Wasser", false, false},
	} {
		w := NormWords(c.msg)
		if SaysYes(w) != c.yes || SaysNo(w) != c.no {
			t.Errorf("%q: SaysYes %v, SaysNo %v; want %v, %v", c.msg, SaysYes(w), SaysNo(w), c.yes, c.no)
		}
	}
	// (see TestAcceptYes for the yes with words of approval.)
	// A polite yes stays polite only: "ja klar" is a yes to a question,
	// not the polite yes that asks what it is about with nothing pending.
	if PoliteYes(NormWords("ja klar")) {
		t.Errorf("PoliteYes(ja klar) = true")
	}
}

// TestAcceptYes: a yes particle or "ok" with words of approval and nothing
// else answers a yes/no question with yes (Duden, "okay", "gut", "passt",
// "einverstanden", "mach das"; Cambridge Dictionary, "go ahead", "do
// it"); without an anchor, with a topic, a condition or a "no" it is no
// yes. The polite yes with nothing pending is not widened.
func TestAcceptYes(t *testing.T) {
	for _, c := range []struct {
		msg string
		yes bool
	}{
		{"ja ok", true},
		{"jo, passt", true},
		{"yep, mach", true},
		{"ok mach", true},
		{"ok, mach das", true},
		{"ja gut", true},
		{"ok super", true},
		{"jap, einverstanden", true},
		{"yes, go ahead", true},
		{"ok, do it", true},
		{"passt", false},    // no anchor: "passt" alone may wave the offer off
		{"gut", false},      // no anchor
		{"mach das", false}, // no anchor
		{"ok danke", false}, // thanks may close the talk
		{"ja, aber erst morgen", false},
		{"ja ok, wie teile ich meinen bildschirm", false},
		{"ok nein", false},
		{"ja ok mach das gerne bitte", false}, // longer than a short answer
		// Words of a phrase alone approve nothing, and "mach's gut" is
		// a farewell (review rvR12, finding 1).
		{"ok machs gut", false},
		{"ja machs gut", false},
		{"okay mach gut", false},
		{"ok das", false},
		{"ja das", false},
		{"ok mal", false},
		{"ok go", false},
		{"ok gut das", false},
		{"ok machs", true},
		{"ja, mach mal", true},
		{"jo mach es", true},
		{"ok mach es gut", false}, // the farewell's long form (review rvS12)
		{"ja, mach es gut!", false},
	} {
		if got := SaysYes(NormWords(c.msg)); got != c.yes {
			t.Errorf("SaysYes(%q) = %v, want %v", c.msg, got, c.yes)
		}
		if PoliteYes(NormWords(c.msg)) {
			t.Errorf("PoliteYes(%q) = true", c.msg)
		}
	}
}

// TestEndsAsking: a question mark at the end, with blanks or emoji after
// it, asks; one inside the message or none does not.
func TestEndsAsking(t *testing.T) {
	for msg, want := range map[string]bool{
		"ok?": true, "ja gut? 🙂": true, "ok ?  ": true, "ok": false, "ok!": false, "ja? ok": false, "": false,
		"ok?!": true, "ja ?!!": true, "ok? :)": true, "ja?)": true, "ok？": true, "ok :)": false,
	} {
		if got := EndsAsking(msg); got != want {
			t.Errorf("EndsAsking(%q) = %v, want %v", msg, got, want)
		}
	}
}

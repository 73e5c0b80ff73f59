package answer

import (
	"strings"
	"testing"
)

// TestNegatedPraise: praise of what Lotse is, negated ("du bist kein
// guter Bot", "du bist gar kein toller Assistent", "you're not a good
// bot"), is criticism: the apology with the way to a person, not the
// offer of a case that quotes it as a request for a person (fix10: the
// declined adjective after "kein" made no talk, and "du bist … Bot" read
// as asking for a person). Guards: the praise itself, what Lotse is not,
// and a request for a person beside the criticism.
func TestNegatedPraise(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		tx   *Texts
		msg  string
		want Talk // "" = no small talk
	}{
		{&German, "du bist kein guter Bot", TalkCriticism},
		{&German, "Du bist echt kein guter Bot!", TalkCriticism},
		{&German, "du bist gar kein toller Assistent", TalkCriticism},
		{&German, "du bist keine tolle KI", TalkCriticism},
		{&German, "du bist nicht ein guter Bot", TalkCriticism},
		{&German, "du bist keine große Hilfe", TalkCriticism},
		{&English, "you're not a good bot", TalkCriticism},
		{&English, "you are not a great assistant", TalkCriticism},
		{&German, "du bist ein guter Bot", TalkPraise},
		{&German, "du bist kein Mensch", TalkBot},
	} {
		for _, cases := range []bool{true, false} {
			d := Decide(tt.msg, lib, Options{Texts: tt.tx, Cases: cases})
			if d.Outcome != SmallTalk || d.Talk != tt.want {
				t.Errorf("%q (cases %v): %s %q, want small talk %q", tt.msg, cases, d.Outcome, d.Talk, tt.want)
				continue
			}
			if tt.want == TalkCriticism && (d.CaseLead != "" || !strings.HasPrefix(d.Reply, tt.tx.Criticism)) {
				t.Errorf("%q (cases %v): %q (lead %q), want the apology", tt.msg, cases, d.Reply, d.CaseLead)
			}
		}
	}
	// A request for a person beside it is still one.
	if d := Decide("du bist kein guter Bot, ich will mit einem Menschen sprechen", lib, Options{Texts: &German, Cases: true}); d.Outcome != Human {
		t.Errorf("criticism and a request for a person: %s, want the offer for a person", d.Outcome)
	}
}

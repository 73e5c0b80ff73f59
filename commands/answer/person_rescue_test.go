package answer

import (
	"strings"
	"testing"
)

// TestNoRescueForAPersonRequest: a message that asks for a person besides
// a question the search finds only weak evidence for keeps the honest no
// with the way to a person (the case offer); a rescued choice would make
// them answer "none of these" before they get what they asked for.
func TestNoRescueForAPersonRequest(t *testing.T) {
	for _, c := range []struct {
		msg string
		tx  *Texts
	}{
		{"Wie teile ich eine Tabelle mit meiner Gruppe? Ruft mich bitte an", &German},
		{"Ich möchte mit einem Menschen sprechen: wie teile ich eine Tabelle mit meiner Gruppe", &German},
		{"wie teile ich eine tabelle mit meiner gruppe, kann mich jemand anrufen", &German},
		{"How do I share a table with my group? Please call me", &English},
	} {
		t.Run(c.msg, func(t *testing.T) {
			d := Decide(c.msg, fixedResult{Hits: weakHits(0.6)}, Options{Cases: true, Texts: c.tx})
			if d.Outcome != None || d.Rescued {
				t.Fatalf("got %s (rescued %v) %v, want the honest no", d.Outcome, d.Rescued, d.Guides())
			}
			if !strings.Contains(d.Reply, c.tx.NoGuideCases) {
				t.Fatalf("reply %q: want the way to a person (%q)", d.Reply, c.tx.NoGuideCases)
			}
		})
	}
	// The same question without the request still gets the rescue (the
	// weak evidence above is enough for it).
	if d := Decide("Wie teile ich eine Tabelle mit meiner Gruppe?", fixedResult{Hits: weakHits(0.6)}, Options{Cases: true}); !d.Rescued {
		t.Fatalf("without a request for a person: %s, want a rescued choice", d.Outcome)
	}
}

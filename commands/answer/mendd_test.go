package answer

import (
	"testing"
)

// TestThingAloneQuestionClause: a message about a device's own trouble
// (onThingAlone) with a question clause after it ("…, wie kann ich das
// ändern?") keeps its honest no: the clause alone is not searched again
// (focusQuestion), which found unrelated guides for it (passwords, a
// conference room) — review rvP11, finding 3. Written from the device
// words of TestThingAlone and common question clauses, not from a set.
func TestThingAloneQuestionClause(t *testing.T) {
	for _, msg := range []string{
		"mein handy akku ist ständig leer, wie kann ich das ändern?",
		"mein handy akku ist ständig leer, was kann ich tun?",
		"der handy akku ist nach zwei stunden leer, wie kann ich das ändern?",
		"handy akku ist so schnell leer, kann mir jemand helfen?",
		"mein iphone akku wird ganz schnell leer, was kann ich tun?",
	} {
		rec := &recorder{lib: loadLibrary(t)}
		d := Decide(msg, rec, Options{Cases: true})
		if d.Outcome != None {
			t.Errorf("%q: outcome %s %v, want none", msg, d.Outcome, d.Guides())
			continue
		}
		if d.exit != exitThing {
			t.Errorf("%q: exit %d, want onThingAlone's", msg, d.exit)
		}
		if len(rec.queries) != 1 {
			t.Errorf("%q: searched %q, want the message alone", msg, rec.queries)
		}
	}
}

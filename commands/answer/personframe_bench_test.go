package answer

import (
	"strings"
	"testing"
)

// BenchmarkDecide60KBPersonFrame: 60 KB of the cues of personframe.go (a
// bare noun clause, the object of "sprechen", a relative clause without
// its comma, "wer" asking for a call-back, complaint clauses), the worst
// case for its walks over a clause and its reading of every clause (see
// BenchmarkDecide60KB; < 100 ms a message, no timing asserted).
func BenchmarkDecide60KBPersonFrame(b *testing.B) {
	lib := loadLibrary(b)
	for _, c := range []struct{ name, unit string }{
		{"bare", "bitte ein mensch bitte einen echten menschen bitte "},
		{"oder", "bitte einen menschen oder jemanden vom team oder admin "},
		{"speech", "ich möchte lieber jemand vom team sprechen "},
		{"relative", "gibts ne person die mir hilft wer kann sich bei mir melden "},
		{"complaint", "kann mir jemand helfen, ich versteh das alles nicht, "},
		// The mend: a condition and a place after the call-back, a
		// subject pronoun and a dash after a bare noun, coping verbs
		// looking for their particle.
		{"condition", "wer kann sich bei mir melden wenn ich die hand hebe in der konferenz "},
		{"pronoun", "bitte ein mensch ich bitte ein mensch - du "},
		{"particle", "kann mir jemand helfen? ich komme komme komme komme komme komme komme "},
	} {
		msg := strings.Repeat(c.unit, 60_000/len(c.unit))
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				Decide(msg, lib, Options{Cases: true})
			}
		})
	}
}

package search

import (
	"cmp"
	"slices"
	"strings"
)

// IsParticiple reports whether the folded word w has the shape of a
// German weak participle: „ge-“ and at least five letters ending in „-t“
// („geändert“, „gefragt“), behind at most one separable particle of
// particleList („eingerichtet“, „weitergeleitet“, „zusammengefasst“). The
// particles are tried as the tokenizer folds them and with umlauts spelt
// out („zurückgesetzt“, „zurueckgesetzt“: participleParticles), so that
// callers with either folding read the same word. It is the one reader
// of a participle for other packages (commands/answer: a perfect in the
// question's frame, the member's act beside the bot's name); lemmatize
// keeps its own rewrite, which needs the infinitive. Strong participles
// (strongParticiples: „verloren“, „geschrieben“) are left out: counting
// them in the frame's perfect changed tune-pool replies, which a
// code-quality mend must not (whole19, docs/passes/19.md).
func IsParticiple(w string) bool {
	return weakParticiple(afterParticle(w))
}

// weakParticiple reports whether w, without a particle, is „ge-“ and at
// least five letters ending in „-t“.
func weakParticiple(w string) bool {
	return strings.HasPrefix(w, "ge") && len(w) >= 7 && strings.HasSuffix(w, "t")
}

// afterParticle returns w without the longest separable particle it
// begins with before a „ge-“, or w when none does.
func afterParticle(w string) string {
	for _, p := range participleParticles {
		if r, ok := strings.CutPrefix(w, p); ok && strings.HasPrefix(r, "ge") {
			return r
		}
	}
	return w
}

// participleParticles are particles as the tokenizer folds them and with
// their umlauts spelt out („zurück“, „zurueck“: the folding of
// commands/answer), longest first, as particles are.
var participleParticles = func() []string {
	spell := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue")
	out := make([]string, 0, len(particles)+4)
	for _, p := range particles {
		out = append(out, p)
		if s := spell.Replace(p); s != p {
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	return out
}()

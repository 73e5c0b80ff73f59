package answer

import "math"

// The lift (seventh pass): the second look at a "no guide" the rescue
// (rescue.go) kept. The rescue's one figure is the first guide's firm
// topic share (Strong); a message that meets its guides only in their
// bodies keeps the honest no there, and with it many guide questions
// that describe a symptom or a goal at length instead of naming the
// topic ("ich will zusätzlich in die Gruppe der LAG Gesundheit, muss ich
// nochmal einen Antrag stellen"). The lift asks a second logistic
// regression over the rescue's nine figures and one more piece of
// evidence, the share of the message that none of the first three guides
// meets at all (search.Result.Uncovered, query coverage; guides/search/
// scope.go): what no guide mentions is likely what the message is about
// ("wie mache ich den Klingelton am Handy leiser" meets its guides in
// "Handy" and "leiser"; "Klingelton" is in none of them). In the fit, a
// longer message, a higher score and topic share lift; a lean on one
// word, a common word and an uncovered share hold the honest no.
//
// It sees exactly the rescue's rows — the weak gate, no off-topic signal,
// no date question, no lean on one common word (weakGate) — and only
// those the rescue left: the exits with a reason of their own stay
// none (lifting them too gained on the pool but gave "Ich möchte meine
// Adresse für die Mitgliederverwaltung ändern" a choice and lost a
// party matter of first messages tune; see docs/performance.md).
//
// Fitted by TestScopeFit (LOTSE_SCOPE_WEAK=1, "lift", features "nine +
// unc", L2 penalty 0.1 on standardised features: the best leave-one-out
// gain on part A, +11) on part A of the seventh pass's tune pool (first
// messages tune … tune5, bench tune … tune4: 25 rows, 12 of which a
// choice would help); threshold = the most gain on A, ties to the
// higher. Fit on A: A +12 (12 choices), B +4 (10); the cross-check fit
// on B: B +9, A +7. A choice is never a confident answer, so
// confident-wrong cannot rise; a choice for a message the honest no was
// right for loses it. Weights in the raw features' units: the rescue's
// nine (rescueFeatureNames) and the uncovered share.
var lift = logistic{
	w:         []float64{3.142, -0.036, 10.259, 0.915, -1.940, -8.302, -0.738, 0, 2.880, -4.064},
	b:         -4.822,
	threshold: 0.54,
}

// liftMaxWords caps the lift's "words" figure (log(1 + the number of
// searched words)) at the fitted range: the longest message of the
// lift's fit rows on part A has 16 searched words (TestScopeFit prints
// it; the searched text is the message without greeting, filler and
// thanks, so the messages themselves run to about 40 words). Beyond
// that range the weight of +2.88 would lift a long message by its length
// alone (300 words: log 5.7 against at most 2.8 in the fit, +8 on the
// logit) — an extrapolation the 25 fit rows say nothing about. Capped, a
// longer message counts as long as the longest one of the fit, and its
// other figures decide. The cap is the fit's maximum, so it changes none
// of the fit's rows and the weights stand as fitted (review rv8, finding
// 7). The rescue's "words" weight is 0; it needs no cap.
const liftMaxWords = 16

// liftFeaturesOf are the lift's features of weak evidence: the rescue's
// nine figures (rescueFeatureNames; "words" capped at liftMaxWords) and
// the uncovered share.
func liftFeaturesOf(e *weakEvidence) []float64 {
	x := make([]float64, nRescueFeatures+1)
	copy(x, e.x[:])
	x[wordsFeature] = min(x[wordsFeature], math.Log1p(liftMaxWords))
	x[nRescueFeatures] = e.uncovered
	return x
}

// liftNone turns a "no guide" the rescue kept into a choice of the best
// guides when the lift finds that a choice likely helps; like a rescued
// choice (rescueWeak, weakChoice), it is Rescued and its reply names the
// way to a person.
func liftNone(d Decision, opts Options, tx *Texts) Decision {
	if d.Outcome != None || d.weak == nil {
		return d
	}
	return weakChoice(d, lift, liftFeaturesOf(d.weak), opts, tx)
}

package search

import "math"

// A corrected word (typo.go) and a near word (near.go) are guesses at
// what the member meant: they rank guides and make a "Meintest du …?"
// (plausible reads them on purpose), but the confidence reads the
// evidence without them. Before the twenty-ninth pass only Index.confident's
// "something solid" asked for a firm match, while the guessed concept
// still added to the first guide's score: „wo finde ich die satzung vom
// kreisverband“ read the correctly spelt „Satzung“ as „Sitzung“ and,
// with „Kreisverband“ in a title, answered with the conference-room
// guide. The guessed concept stays in the denominator (the member wrote
// the word), so the rest of the message must carry the answer alone.

// firmScore is candidate c's score without its corrected and near-word
// concepts, as a share of denom (features.s1Firm).
func firmScore(c *cand, denom float64) float64 {
	if denom <= 0 {
		return 0
	}
	return math.Min(1, math.Max(0, c.score-c.guessed)/denom)
}

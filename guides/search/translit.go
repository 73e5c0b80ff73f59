package search

import "strings"

// umlautSpelling writes a folded word's umlauts as a keyboard without
// them makes a member write them: ä → ae, ö → oe, ü → ue (Duden, the
// rule for writing without umlauts; DIN 5007-1's second variant). ß is
// already ss after foldWord. A word without an umlaut is returned as is.
func umlautSpelling(w string) string {
	if !strings.ContainsAny(w, "äöü") {
		return w
	}
	return umlautSpeller.Replace(w)
}

var umlautSpeller = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue")

package search

// „echt“ in two senses (twenty-ninth pass, branch eng29b). The stop list
// drops „echt“ as chat filler, the colloquial intensifier „wirklich“
// („das ist echt nervig“, „geht echt nicht“; Duden, „echt“, sense 3,
// umgangssprachlich). But a member who asks whether a message is genuine
// uses the adjective as the predicate of the question — „ist das echt?“,
// „woran merk ich, ob die Mail echt ist“, „echt oder Fake?“ (Duden, „echt“,
// sense 1: „nicht nachgemacht, nicht gefälscht“) — and that is the
// feature's own word: a guide on fake messages says „Ist diese Nachricht
// echt oder Betrug?“. The member describes the symptom (a message of
// doubtful origin) in the guide's words, and the stop list threw the one
// word away.
//
// genuineAt reads the predicate: „echt“ is a content word of the query when
// it is followed by „oder“ (the alternative question), or when the rest of
// its clause is function words only — no negation („ist das echt nicht
// möglich“ is the intensifier) — and the clause has a form of „sein“
// before it („ist das echt?“) or ends with one („ob die Mail echt ist“).
// An intensifier stands before the word it strengthens („echt nervig“,
// „echt schlecht“), which is a content word, or in a clause without „sein“
// („das nervt echt“). In the guides, written in the standard register,
// „echt“ is always the adjective: the index keeps it (indexStop).

// predicateWords are the words of the stop list that a guide uses only as
// content words and a query as content only in the predicate (genuineAt).
var predicateWords = map[string]bool{"echt": true}

// seinForms are the forms of „sein“ a predicate question uses (Duden, „Die
// Grammatik“, the conjugation of „sein“; the chat forms „is“, „isses“).
var seinForms = map[string]bool{
	"ist": true, "sind": true, "war": true, "waren": true, "sei": true, "seien": true,
	"is": true, "isses": true, "bist": true, "seid": true,
}

// predicateNegations end the predicate reading: a negation after „echt“
// makes it the intensifier („ist das echt nicht möglich“).
var predicateNegations = map[string]bool{
	"nicht": true, "nich": true, "kein": true, "keine": true, "keinen": true, "keinem": true,
	"keiner": true, "keines": true, "nie": true, "niemals": true, "nichts": true,
}

// indexStop reports whether the index drops w: the stop words except the
// predicate words (a guide's „echt“ is the adjective).
func indexStop(w string) bool {
	return isStop(w) && !predicateWords[w]
}

// genuineAt reports whether toks[i] is a predicate word used as the
// predicate of its clause (see above).
func genuineAt(toks []rawToken, i int) bool {
	if !predicateWords[toks[i].word] || toks[i].joined {
		return false
	}
	if toks[i].end {
		return seinBefore(toks, i)
	}
	// The window may end inside a clause (a query is cut at
	// maxQueryTokens): the last token need not be a clause's end.
	if i+1 < len(toks) && !toks[i+1].joined && toks[i+1].word == "oder" {
		return true
	}
	for j := i + 1; j < len(toks); j++ {
		t := toks[j]
		if t.joined {
			continue
		}
		if !isStop(t.word) || predicateNegations[t.word] {
			return false
		}
		if t.end {
			return seinForms[t.word] || seinBefore(toks, i)
		}
	}
	return seinBefore(toks, i)
}

// seinBefore reports whether a form of „sein“ precedes toks[i] in its
// clause.
func seinBefore(toks []rawToken, i int) bool {
	for j := i - 1; j >= 0 && !toks[j].end; j-- {
		if !toks[j].joined && seinForms[toks[j].word] {
			return true
		}
	}
	return false
}

package search

// The setting of a message's task (twenty-fifth pass, branch eng25b).
//
// „wie gebe ich in der Videokonferenz jemandem Moderationsrechte“: the
// noun of a prepositional phrase of place („in der Videokonferenz“, „im
// Chat“, „in der Sitzung“) names where the task happens, not the task.
// Every guide of a tool's family is about that place, but often only the
// family's entry guide names it where its author says what the guide is
// about ("An einer BigBlueButton-Konferenz teilnehmen" has
// „Videokonferenz“ in its tags and summary, the other BigBlueButton guides
// have it in their bodies or not at all). With the field weights of
// BM25F (Robertson, Zaragoza and Taylor 2004) that one word, rare in the
// library, carries the entry guide past the guide that names the task in
// its body (the thirteenth pass's class "the family's setting word
// carries the family's entry guide", docs/passes/13.md).
//
// So the ranking reads a setting's match in a strong field as one met in
// passing: its rank contribution is multiplied by Options.TopicRank, the
// factor the topic cut gives a guide that names no query word as its
// topic (search.go, scoreQuery). It is the cut at the level of one word:
// a common setting („Cloud“, idf low) hardly moves anything, a rare one
// („Videokonferenz“) no longer decides alone. The setting still counts as
// the guide's topic for the cut itself, and each guide's Hit.Score,
// Hit.Strong and the other figures the decision reads are as before: only
// the order of the hits changes. It changes as the ranking's own order
// does, not as a move (no topicGuard): a guide put first is judged by the
// confidence on its own figures, as any first guide is.
//
// The phrase is read from the message's grammar (Duden, Präpositionen des
// Ortes): one of settingPreps, then up to two articles, possessives or
// demonstratives in the dative (settingDets), then the word. A word that
// is the goal of a move („in die Videokonferenz kommen“, accusative)
// names the place the member wants to reach, which is the entry guide's
// task: the accusative articles (die, den, das) after „in“ are no
// setting.

// settingPreps are the prepositions of place that open a setting phrase
// (the local „in“, „im“ of named15's settingWords in commands/answer;
// English "in", "during"). Left out, as there: „aus“ (a source or the
// place left: „Termine aus der Cloud aufs Handy bringen“, „wie komme ich
// aus dem Chatraum raus“ ask about that place), „bei“ (the thing taken
// part in: „bei BigBlueButton mitmachen“), „mit“, „von“, „für“.
var settingPreps = map[string]bool{
	"in": true, "im": true, "during": true,
}

// settingDets are the words that may stand between the preposition and
// the setting's noun: articles, possessives and demonstratives in the
// dative (the case of place after „in“, „aus“, „bei“).
var settingDets = map[string]bool{
	"der": true, "dem": true, "einer": true, "einem": true,
	"meiner": true, "meinem": true, "deiner": true, "deinem": true,
	"unserer": true, "unserem": true, "unsrer": true, "unsrem": true,
	"eurer": true, "eurem": true, "ihrer": true, "ihrem": true,
	"seiner": true, "seinem": true, "dieser": true, "diesem": true,
	"the": true, "our": true, "my": true, "your": true, "this": true,
}

// settingAt reports whether toks[i] stands as the noun of a setting
// phrase: settingPreps, then at most two settingDets, then the word, all
// in one clause. The word is the first content word after them: in „in
// der neuen Konferenz“ that is the adjective, which the guides seldom
// name as a topic; the noun after it is not marked.
func settingAt(toks []rawToken, i int) bool {
	if w := toks[i].word; settingDets[w] || settingPreps[w] || isStop(w) {
		return false
	}
	for j, dets := i-1, 0; j >= 0 && dets <= 2; j-- {
		t := toks[j]
		if t.end || t.joined {
			return false
		}
		if settingPreps[t.word] {
			return true
		}
		if !settingDets[t.word] {
			return false
		}
		dets++
	}
	return false
}

// markSettings sets concept.setting on the concepts made from a token
// that stands as a setting's noun; before[i] is the number of concepts
// made before token i (analyzeToks), n the number after the last token.
func markSettings(cs []concept, toks []rawToken, before []int, n int) {
	markTokens(cs, toks, before, n, func(i int) bool { return settingAt(toks, i) }, func(c *concept) { c.setting = true })
}

// markTokens calls set on each concept made from a token whose first part
// (firstPart) at says true; before and n as in markSettings. The one walk
// from tokens to their concepts of markSettings and markReported.
func markTokens(cs []concept, toks []rawToken, before []int, n int, at func(i int) bool, set func(*concept)) {
	for i := range toks {
		lo, hi := before[i], n
		if i+1 < len(toks) {
			hi = before[i+1]
		}
		if toks[i].joined {
			lo = before[i-toks[i].span]
		}
		if lo >= hi || hi > len(cs) || !at(firstPart(toks, i)) {
			continue
		}
		for k := lo; k < hi; k++ {
			set(&cs[k])
		}
	}
}

// firstPart is the index of the first token of toks[i]: its first part
// when it is a hyphenated word joined from parts.
func firstPart(toks []rawToken, i int) int {
	if toks[i].joined {
		return i - toks[i].span
	}
	return i
}

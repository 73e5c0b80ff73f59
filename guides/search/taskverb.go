package search

import "strings"

// The member's task, named by the verb a modal verb governs (twenty-seventh
// pass, branch eng27d).
//
// „am mac sehen die anderen nur schwarz, wenn ich meinen desktop freigeben
// will“, „wie kann ich einen störer aus der konferenz rauswerfen“: the
// object or the symptom of such a message („Desktop“, „schwarz“,
// „Störer“) is often a sibling guide's title or tag word, rare in the
// library, while the guide the member needs names the task — the verb —
// in its title (the twenty-seventh pass's class O, docs/passes/27-eng27b.md).
// With the field weights of BM25F the rare object word decides.
//
// In a German clause with a modal verb the task stands in the right
// bracket of the topological field model (Drach 1937; Duden, Die
// Grammatik: Stellungsfelder, die rechte Satzklammer): the infinitive the
// modal verb governs closes the clause („wie kann ich … rauswerfen“), or
// stands right before the finite modal verb that closes a verb-final
// clause („wenn ich … freigeben will“). The modal says that the member
// wants, needs or is able to do it; the infinitive is what the member
// wants to do. Weighting the key concept of a verbose query above its
// other words is the method of Bendersky and Croft (2008, "Discovering
// key concepts in verbose queries"); here the key concept is read from
// the grammar, not learned.
//
// So the ranking reads the task verb's match in a strong field as the
// reverse of a setting's (setting.go): its rank contribution is divided
// by Options.TopicRank. Only the order of the hits changes; Hit.Score and
// the figures the decision reads are as before.

// taskModals are the finite forms of the German modal verbs that govern a
// bare infinitive (Duden, Die Grammatik: Modalverben), with the
// Konjunktiv II of requests („könnte“, „möchte“) and the spellings
// without umlaut.
var taskModals = map[string]bool{
	"kann": true, "kannst": true, "können": true, "koennen": true, "könnt": true, "koennt": true,
	"könnte": true, "koennte": true, "könntest": true, "koenntest": true, "könnten": true, "koennten": true,
	"muss": true, "muß": true, "musst": true, "müssen": true, "muessen": true, "müsste": true, "muesste": true,
	"soll": true, "sollst": true, "sollen": true, "sollte": true, "solltest": true, "sollten": true,
	"will": true, "willst": true, "wollen": true, "wollt": true,
	"möchte": true, "moechte": true, "möchtest": true, "moechtest": true, "möchten": true, "moechten": true,
	"darf": true, "darfst": true, "dürfen": true, "duerfen": true,
}

// infinitiveForm reports whether w has the ending of a German infinitive
// (-en, -ln, -rn: „teilen“, „wechseln“, „ändern“).
func infinitiveForm(w string) bool {
	if len([]rune(w)) < 5 {
		return false
	}
	return strings.HasSuffix(w, "en") || strings.HasSuffix(w, "ln") || strings.HasSuffix(w, "rn")
}

// taskVerbAt reports whether toks[i] stands in the right bracket of a
// clause with a modal verb: the clause's last word with a modal verb
// earlier in the clause, or the word right before a modal verb that ends
// the clause.
func taskVerbAt(toks []rawToken, i int) bool {
	t := toks[i]
	if t.joined || t.quoted != 0 || taskModals[t.word] || isStop(t.word) || !infinitiveForm(t.word) {
		return false
	}
	if i+1 < len(toks) && taskModals[toks[i+1].word] && toks[i+1].end && !t.end {
		return true
	}
	if !t.end {
		return false
	}
	for j := i - 1; j >= 0 && !toks[j].end; j-- {
		if taskModals[toks[j].word] {
			return true
		}
	}
	return false
}

// markTaskVerbs sets concept.task on the concepts made from a task verb;
// before and n as in markSettings.
func markTaskVerbs(cs []concept, toks []rawToken, before []int, n int) {
	markTokens(cs, toks, before, n, func(i int) bool { return taskVerbAt(toks, i) }, func(c *concept) { c.task = true })
}

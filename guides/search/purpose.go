package search

// The purpose a task serves, as its setting (twenty-seventh pass, branch
// eng27b).
//
// „welcher Browser ist am besten für die Videokonferenz“, „welches
// Headset nehme ich für die Videokonferenz“: the noun of a phrase with
// „für“ and an article names what the member's task serves (Duden, Die
// Grammatik, „für“ with the accusative: purpose, destination), not the
// task; the task is the browser, the headset. It is the same word a
// phrase of place names („in der Videokonferenz“, setting.go), and it
// carries a tool's entry guide the same way: the entry guide names it in
// its tags and summary, the task's guide in its body or not at all (the
// thirteenth pass's class "the family's setting word carries the
// family's entry guide"; the twenty-fifth counted „für die
// Videokonferenzen“ among its 17 rows and left „für“ out).
//
// So the noun of such a phrase is marked as a setting (markSettings):
// its match in a strong field ranks as met in passing. The phrase is
// purposePreps, then one to two accusative articles, possessives or
// demonstratives (purposeDets), then the word, in one clause. „für“
// without an article („App-Passwort für Thunderbird“, „Raum für Bezirk
// oder AG“) names the thing the task is set up for, often the task's own
// object, and is not read.

// purposePreps open a phrase of purpose.
var purposePreps = map[string]bool{"für": true, "fuer": true, "fur": true, "for": true}

// purposeDets are the accusative articles, possessives and demonstratives
// that may stand between „für“ and the noun (English: "the", "our", …).
var purposeDets = map[string]bool{
	"die": true, "den": true, "das": true, "eine": true, "einen": true, "ein": true,
	"meine": true, "meinen": true, "mein": true, "deine": true, "deinen": true, "dein": true,
	"unsere": true, "unseren": true, "unser": true, "unsre": true, "unsren": true,
	"eure": true, "euren": true, "euer": true, "ihre": true, "ihren": true, "ihr": true,
	"seine": true, "seinen": true, "sein": true, "diese": true, "diesen": true, "dieses": true,
	"the": true, "our": true, "my": true, "your": true, "this": true,
}

// purposeAt reports whether toks[i] stands as the noun of a phrase of
// purpose: purposePreps, then one or two purposeDets, then the word, all
// in one clause; the word is the first content word after them, as in
// settingAt.
func purposeAt(toks []rawToken, i int) bool {
	if w := toks[i].word; purposeDets[w] || purposePreps[w] || isStop(w) {
		return false
	}
	for j, dets := i-1, 0; j >= 0 && dets <= 2; j-- {
		t := toks[j]
		if t.end || t.joined {
			return false
		}
		if purposePreps[t.word] {
			return dets > 0
		}
		if !purposeDets[t.word] {
			return false
		}
		dets++
	}
	return false
}

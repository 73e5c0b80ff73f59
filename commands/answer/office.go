package answer

import (
	"strings"

	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
)

// The party's office as the message's own matter. A member asks about the
// office itself — its key, its address, its opening hours („schlüssel
// fürs parteibüro verloren“, „die adresse vom parteibüro“) — in words the
// guides use in another sense (Schlüssel, Adresse), so the search finds
// the security key's or the chat room's guide firmly. The guides name the
// office themselves where it is the way to a person („schreib der
// Geschäftsstelle“: the password, the first login, the storage quota); a
// guide that never names it is not about a matter the office handles. So
// a choice (decideSearch's, or the missed aspect's, aspectChoice) in a
// message that names the office as the owner or purpose of a noun
// (boundOffice: „der Schlüssel fürs Parteibüro“) — not as the place of the
// task, nor as a recipient, speaker, sender or source — and none of the
// association's tools (namesToolName), whose first guide does not name the
// office anywhere its author wrote (namesOffice: the library's own use of
// the word), is the honest no. The office is read by the words the
// library already reads as the office (guides/search offtopic.go:
// officeWords, presentsOffice, the office group), not by a list of the
// messages' words; answers are left alone (the answer guards decide them).
// Twenty-sixth pass, docs/passes/26-eng26c.md.

// officeHeads: the office's name as the statutes write it
// (Geschäftsstelle, also as the head of a compound: Landes-,
// Kreisgeschäftsstelle) and as members call it (Parteibüro), folded
// (search.officeWords).
var officeHeads = []string{"geschaeftsstelle", "parteibuero"}

// guideGetter is the library's access to a guide's text (*guides.Library);
// a library without it (a test's stub) lets the choice stand.
type guideGetter interface {
	Get(id string) (*guides.Guide, bool)
}

// namesOffice reports whether the guide g names the party's office
// anywhere its author wrote it — title, tags, summary, aliases, example
// questions, body (not the team's taught questions: members' words) —
// as a word or the head of a compound (officeHeads), folded.
func namesOffice(g *guides.Guide) bool {
	parts := append([]string{g.Title, g.Summary, g.Body}, g.Tags...)
	parts = append(append(parts, g.Aliases...), g.Questions...)
	for _, p := range parts {
		f := fold(strings.ToLower(p))
		for _, h := range officeHeads {
			if strings.Contains(f, h) {
				return true
			}
		}
	}
	return false
}

// officeWord reports whether word j of qv names the party's office — a
// compound ending in one of officeHeads or a word of the off-topic office
// group (Kreisgeschäftsstelle, Bürozeiten, Sprechzeiten).
func officeWord(qv *qwords, j int) bool {
	w := qv.words()[j]
	if search.OffTopicGroup(qv.ws[j].w) == "office" || search.OffTopicGroup(w) == "office" {
		return true
	}
	for _, h := range officeHeads {
		if strings.HasSuffix(w, h) {
			return true
		}
	}
	return false
}

// boundOffice returns the index in qv of the noun a word naming the
// office (officeWord) is bound to (officeBound), or -1.
func boundOffice(qv *qwords) int {
	for j := range qv.ws {
		if !officeWord(qv, j) {
			continue
		}
		if n := officeBound(qv, j); n >= 0 {
			return n
		}
	}
	return -1
}

// officeBound returns the index of the noun before the office word j of
// qv that the office is bound to as its owner or purpose, or -1 (boundAt, other22's reading of an
// attribute: „der Schlüssel für die Geschäftsstelle“, „die Adresse vom
// Parteibüro“, „die Bürozeiten der Geschäftsstelle“), or opens the
// message's attribute in the telegram style of a headline, the noun first
// without its article (Duden grammar, Telegrammstil: „Schlüssel fürs
// Parteibüro verloren“). A place („in der Geschäftsstelle“), a recipient
// („der Geschäftsstelle schicken“), a speaker („die Geschäftsstelle
// sagt“), a sender („eine Mail von der Geschäftsstelle“) or the source of
// a move binds nothing: there the office is the setting of a guide's task
// or a person in it.
func officeBound(qv *qwords, j int) int {
	if k, n := boundAt(qv, j, false); k != boundNone {
		return n
	}
	words, brk := qv.words(), qv.breaks()
	k := j
	for n := 0; n < 2 && k > 0 && !brk[k] && boundLeads[words[k-1]]; n++ {
		k--
	}
	if k != 2 || brk[1] || brk[k] || !ownerWords[words[1]] && !purposeWords[words[1]] {
		return -1
	}
	w := words[0]
	if search.IsStop(qv.ws[0].w) || boundLeads[w] || messageNoun(w) || goalAfter(words, brk, j) || transferIn(words, brk, j) {
		return -1
	}
	return 0
}

// officeMatter reports whether the choice c of the message qv is about
// the party's office itself: the message names the office as the owner or
// purpose of a noun (boundOffice) and none of the tools (namesToolName),
// the first guide of c does not name the office anywhere its author wrote
// (namesOffice), and it is not about the noun the office owns (about, the
// first guide's look-up of that word, firstAbout through oneAbout: „der
// Raum von unserer Geschäftsstelle“ and the rooms' guide, „die Dateien vom
// Parteibüro“ and the deleted files' guide — the office is the owner of
// the tool's own object there; a word it may not look up keeps the
// choice).
func officeMatter(c Decision, qv *qwords, lib Library, about func(w string) bool) bool {
	gg, ok := lib.(guideGetter)
	if !ok || c.Outcome != Choose || len(c.Hits) == 0 || namesToolName(qv.ws) {
		return false
	}
	n := boundOffice(qv)
	if n < 0 {
		return false
	}
	g, ok := gg.Get(c.Hits[0].ID)
	return ok && !namesOffice(g) && !about(qv.ws[n].w)
}

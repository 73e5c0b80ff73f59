package answer

import (
	"slices"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/guides/search"
)

// deviceUncovered is the least share of the message's weight that none of
// the first three guides meets (search.Result.Uncovered) for an answer to
// rest on the thing the message names (restsOnThing): the bar of the
// twelfth pass's reading of a thing's own trouble (docs/performance.md,
// scope12, "words carrying at least 0.2 of the message are met by no shown
// guide"), not refitted here.
const deviceUncovered = 0.2

// restsOnThing reports whether an answer led by res.Hits[0] would rest on
// the device or other product the message names rather than on what the
// message says about it. The guides name the member's phone, camera or
// mail program as the setting of their task („Die Nextcloud-App auf dem
// Handy“, „Kalender in Outlook abonnieren“), so a message about the
// thing's own trouble meets them there: „mein Handy ist so langsam
// geworden“, „die Kamera von meinem Handy macht nur noch unscharfe
// Fotos“, „„Der Drucker ist offline“ windows 11“. It holds when
//
//   - without its score owed to the thing words (search.Hit.Thing) the
//     first guide would explain less than minAnswer of the message — the
//     answer does not stand without the thing;
//   - the message names none of the association's tools (namesTool: „die
//     Cloud-App auf meinem Handy synchronisiert nicht“ asks about the
//     tool);
//   - and the message tells the thing's own trouble: a fair share of it
//     (deviceUncovered) is met by none of the first three guides while the
//     thing is not the first guide's own topic (thingIsTopic: the camera
//     guide for „meine Webcam bleibt schwarz“), or a thing that is not the
//     first guide's own topic is the subject of a clause (thingSubject).
//
// Such a message may still be a guide question told with the device as
// its setting, so it becomes a choice, not the honest no: the guide stays
// first and in reach, and an answer the evidence does not carry without
// the device is not confident (issue 14: an answer only when the evidence
// is clear). q is the searched text, ws its words.
func restsOnThing(res search.Result, q string, ws []word) bool {
	if len(res.Hits) == 0 {
		return false
	}
	h := res.Hits[0]
	if h.Thing <= 0 || h.Score*(1-h.Thing) >= calib.minAnswer || namesTool(ws) {
		return false
	}
	if res.Uncovered >= deviceUncovered && !thingIsTopic(res.Hits) {
		return true
	}
	return thingSubject(res, q, ws)
}

// thingSubject reports whether a clause of q opens with a noun phrase
// whose head names a thing of the message (search.Result.Things) that is
// not the first guide's own topic (thingTopicOf): the article or
// possessive, if any, then the thing — „mein Handy macht keine Fotos
// mehr“, „die Kamera von meinem Handy …“, „Outlook stürzt ab“. In German
// (Duden grammar, Stellung des Subjekts) and in English a statement's
// subject stands first in its clause in the plain word order a member's
// report of trouble takes; a thing that is the setting of a task stands in
// a prepositional phrase („auf meinem Handy“, „in Outlook“) or after the
// verb („wie sichere ich die Fotos von meinem Handy“). ws are q's words.
func thingSubject(res search.Result, q string, ws []word) bool {
	if len(ws) == 0 {
		return false
	}
	base := ws[0].start
	for i := range ws {
		if i > 0 && !chat.BreakBefore(q, ws[i].start-base, commaBreaks) {
			continue
		}
		j := i
		for n := 0; n < 2 && j < len(ws) && companyLeads[fold(ws[j].w)]; n++ {
			j++
		}
		if j == len(ws) {
			continue
		}
		at := slices.IndexFunc(res.Things, func(t string) bool { return t == ws[j].w || t == fold(ws[j].w) })
		if at >= 0 && !thingTopicOf(res.Hits, at) {
			return true
		}
	}
	return false
}

// thingTopicOf reports whether the i-th thing word of the message
// (search.Result.Things) is the first guide's own topic: the first guide
// meets it firmly in what it says it is about (search.Hit.ThingTopics) and
// no other hit does — thingIsTopic's reading, for one thing word.
func thingTopicOf(hs []search.Hit, i int) bool {
	if i >= 64 || hs[0].ThingTopics&(1<<i) == 0 {
		return false
	}
	for _, h := range hs[1:] {
		if h.ThingTopics&(1<<i) != 0 {
			return false
		}
	}
	return true
}

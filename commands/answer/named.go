package answer

// A product the off-topic lists name (search.Result.OffTopic: WhatsApp,
// Facebook, Zoom, PowerPoint) is not always the subject of the member's
// trouble: a library's guides may name it themselves as the setting of
// their task — the conference guide says that the built-in browser of
// „Apps wie Facebook oder WhatsApp“ is unsuitable and that the invitation
// link should be opened in a real browser. „der einladungslink öffnet
// sich in whatsapp in so einem komischen fenster“ asks that guide's
// question, and the signal vetoed it (the weak gate barred the rescue,
// or the off-topic gate ended it).
//
// A signal no longer vetoes when three things hold (namedSignals):
//
//   - the message names the product only as a place or a means: in a
//     prepositional phrase of place or way („in WhatsApp“, „per
//     WhatsApp“, „über Facebook“, not „aus“: a source; Duden
//     grammar, Adverbiale: lokal, modal/instrumental; settingAt), never
//     as the subject or the object of its own trouble („WhatsApp stürzt
//     ständig ab“, „Zoom findet meine Kamera nicht“, „Probleme mit Word“);
//   - one of the first maxChoices hits in the search's order names the
//     product in its own text, in a passage that meets at least two other
//     content words of the message (search.Hit.NamesSignal: no device
//     word, no word in half the guides), and the best guides
//     agree on that guide's topic (topicAgrees, the query-clarity test of
//     offTopicAsSetting and partyInTool): the library treats the product
//     as the setting of a task of that topic;
//   - the product is another company's software or service, not a device,
//     an everyday word or party work (their words stand in the bodies of
//     many guides: „Laptop“, „Drucker“, „Flyer“ meet guides of scattered
//     topics in a passage; see the fifteenth pass's account).
//
// The decision then reads the search's evidence as for any message: a
// message that meets no guide keeps the honest no. The answer guards are
// not lifted (decideSearch reads them with the signal: offTopicAnswer,
// offTopicOnOneWord), so the rule turns no message into an answer that
// was not one: it changes the honest no into a choice, at most.

import (
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
)

// namedSignals returns the signals (of found's search.Result.OffTopic,
// which the decision may have filtered already) that still veto: those
// the message names other than as a setting a shown guide names itself
// (see above). found is the search's result as it came, whose hits'
// signal bits are read by word (search.Result.NamesSignal); qv are the
// words of the searched text.
func namedSignals(found search.Result, signals []string, qv *qwords) []string {
	if len(signals) == 0 || found.OffTopicSpeaks {
		return signals
	}
	var keep []string
	for _, s := range signals {
		if productSignal(s) && namedByShown(found, s) && onlySetting(qv.words(), s) {
			continue
		}
		keep = append(keep, s)
	}
	if len(keep) == len(signals) {
		return signals
	}
	return keep
}

// productSignal reports whether the signal s names another company's
// software or service: not a device, an everyday word or party work, and
// not a weak signal (search.OffTopicWeak), which vetoes a choice only
// through offTopicOnOneWord, whatever this rule says.
func productSignal(s string) bool {
	return !search.OffTopicDevice(s) && !search.OffTopicBare(s) && !search.OffTopicWeak(s) && !partyGroups[search.OffTopicGroup(s)]
}

// namedByShown reports whether one of the first maxChoices hits (the
// search's order: a choice shows Result.Shown's, which the English
// lexicon may reorder; review rv15c, finding 6) names the signal s in a
// passage with other words of the message,
// and is of the topic the best guides agree on (topicAgrees, read as
// the decision reads the runners-up: search.Result.DecisionHits): the
// product is the setting of a task of that topic. Guides of scattered
// topics met words of the product's own trouble here and there („in
// whatsapp kann ich keine links mehr öffnen, die app hängt dann“: the
// cloud's sign-in guide first, the conference's browser guide second).
func namedByShown(res search.Result, s string) bool {
	hs := res.DecisionHits()
	if !topicAgrees(hs) {
		return false
	}
	topic := guides.TopicOf(hs[0].ID)
	for i, h := range res.Hits { // the hits carry NamesSignal, the runners do not
		if i >= maxChoices {
			break
		}
		if res.NamesSignal(h, s) && guides.TopicOf(h.ID) == topic {
			return true
		}
	}
	return false
}

// onlySetting reports whether the signal s occurs among the folded words
// and every occurrence is a setting (settingAt).
func onlySetting(words []string, s string) bool {
	return everyOccurrence(words, s, func(from, _ int) bool { return settingAt(words, from) })
}

// settingAt reports whether the product at words[at] (folded) stands in a
// prepositional phrase of place or way: one of settingWords, then up to
// two articles or possessives (phraseHead: „aus der“, „in meinem“).
func settingAt(words []string, at int) bool {
	p := phraseHead(words, at)
	return p >= 0 && settingWords[words[p]]
}

// settingWords are the prepositions of place and way that make a
// product the setting of a task (Duden grammar: „in“, „im“ local; „per“,
// „über“, „via“ the way a thing is sent; English "in", "via",
// "through"). Left out: „mit“ (also the thing a trouble is with:
// „Probleme mit Word“), „bei“ (the service whose trouble is told: „bei
// Skype geht die Webcam nicht“), „von“ (a sender, aside.go), „aus“ (a
// source, not a place: „aus Zoom heraus kann ich die Kamera nicht
// nutzen“ tells Zoom's own trouble; review rv15c, finding 2).
var settingWords = map[string]bool{
	"in": true, "im": true, "per": true, "ueber": true, "uebers": true, "via": true, // folded (fold)
	"through": true,
}

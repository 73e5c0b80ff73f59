package answer

// A device the off-topic lists name (search.Result.OffTopic: Laptop,
// MacBook, Notebook) is not always the subject of the member's trouble:
// „screen sharing am macbook, die anderen sehen bei mir nur schwarz“ and
// „… mein mann am tablet und ich am laptop, beide in derselben sitzung.
// sobald ich rede pfeift es …“ name the computer only as the place where
// the member sits while a task of the association's tools fails. The
// signal vetoed them all the same: the off-topic gate ended the first (its
// guide met the message firmly, but below offTopicStrong), and the weak
// gate kept no evidence for the rescue in the second (twenty-seventh pass,
// part A of the tune pool: two guide questions whose guide was first; of
// 123 messages that ended as "no guide" through a signal, 5 would have
// been helped by a choice, one of them a device in such a place).
//
// A device signal no longer vetoes when (devicePlaceSignals):
//
//   - every time the message names it, it stands in a phrase of place
//     with a dative or none at all: „am Laptop“, „an meinem Laptop“, „auf
//     dem MacBook“, "on my laptop", "at the laptop" (Duden grammar,
//     Adverbiale: lokal; placeLeads) — never as the subject („mein
//     Laptop wird heiß“), the object, an owner („das Passwort von meinem
//     Laptop“), the goal of a move (an accusative: „an den Laptop
//     anschließen“, „auf den Fernseher spiegeln“) or inside it („im
//     Laptop“);
//   - the signal is a device (search.OffTopicDevice), not party work (the
//     office's rooms are places too, but its matters are the office's:
//     partyGroups);
//   - the first two guides are of one topic (placeClear: the
//     query-clarity test of topicAgrees, offTopicAsSetting and
//     namedByShown narrowed to the first two, read as the decision reads
//     the runners-up: search.Result.DecisionHits), and the first does not
//     owe its score to one word (search.Hit.OneWord below answerOneWord):
//     the device's own trouble meets guides of scattered topics here and
//     there („auf dem laptop läuft der lüfter die ganze zeit“: the phone
//     dial-in first, the team's pledge second), or one guide in one word
//     („am laptop ist der bildschirm gesprungen“: screen sharing). Both
//     narrowings came from the pass's own probes
//     (docs/passes/probes/eng27c-deviceplace.tsv), before the rule ran on
//     the tune pool.
//
// The decision then reads the search's evidence as for any message: a
// message that meets no guide keeps the honest no, and the answer guards
// still read the signal (decideSearch keeps it in vetoed: offTopicAnswer,
// offTopicOnOneWord), so the rule turns no message into an answer that
// was not one: it changes the honest no into a choice, at most.

import (
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
)

// devicePlaceSignals returns the signals (of found's
// search.Result.OffTopic, which the decision may have filtered already)
// that still veto: all but the devices the message names only as the
// place where the member works (see above). found is the search's result
// as it came; qv are the words of the searched text.
func devicePlaceSignals(found search.Result, signals []string, qv *qwords) []string {
	if len(signals) == 0 || found.OffTopicSpeaks || !placeClear(found.DecisionHits()) {
		return signals
	}
	words := qv.words()
	var keep []string
	for _, s := range signals {
		if search.OffTopicDevice(s) && !partyGroups[search.OffTopicGroup(s)] && everyOccurrence(words, s, func(from, _ int) bool { return devicePlaceAt(words, from) }) {
			continue
		}
		keep = append(keep, s)
	}
	if len(keep) == len(signals) {
		return signals
	}
	return keep
}

// placeClear reports whether the first two hits hs (in the decision's
// order) are of one topic and the first meets the message in more than
// one word (search.Hit.OneWord below calib.answerOneWord).
func placeClear(hs []search.Hit) bool {
	if len(hs) < 2 || hs[0].OneWord >= calib.answerOneWord {
		return false
	}
	t := guides.TopicOf(hs[0].ID)
	return t != "" && guides.TopicOf(hs[1].ID) == t
}

// devicePlaceAt reports whether the device at words[at] (folded) stands
// in a phrase of place with a dative: „am“ right before it, or one of
// placeLeads and at most one dative determiner (placeDatives) between.
func devicePlaceAt(words []string, at int) bool {
	if at == 0 {
		return false
	}
	p := words[at-1]
	if p == "am" {
		return true
	}
	if placeDatives[p] && at >= 2 {
		p = words[at-2]
	}
	return placeLeads[p]
}

// placeLeads are the prepositions of place that take a dative for where
// a thing is (Duden grammar, Wechselpräpositionen: „an“, „auf“ with the
// dative; English "on", "at"). „in“/„im“ are left out: inside a device
// is its own matter („im Laptop ist die Festplatte kaputt“), and „bei“,
// „mit“, „von“ name the thing a trouble is with or its owner.
var placeLeads = set("an", "auf", "on", "at")

// placeDatives are the determiners of a dative singular (and the
// English ones, which show no case) that may stand between a place's
// preposition and the device: an accusative („an den Laptop“, „auf
// meinen Laptop“, „auf das Handy“) is the goal of a move, not the place.
var placeDatives = set(
	"dem", "einem", "meinem", "deinem", "seinem", "ihrem", "unserem", "eurem",
	"my", "the", "a", "our", "his", "her")

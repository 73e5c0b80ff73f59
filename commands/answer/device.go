package answer

import (
	"slices"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/guides/search"
)

// restsOnThing reports whether an answer led by res.Hits[0] would rest on
// the member's own device or another product that the message is about,
// rather than on what the message says about it. The guides name the
// member's phone, laptop or mail program as the setting of their task
// („Die Nextcloud-App auf dem Handy“, „Kalender in Outlook abonnieren“),
// so a message about the thing's own trouble meets them there: „mein Handy
// ist so langsam geworden“, „die Kamera von meinem Handy macht nur noch
// unscharfe Fotos“, „„Der Drucker ist offline“ windows 11“. It holds when
//
//   - a thing that is not the first guide's own topic is the subject of a
//     clause (thingSubject) — the message tells what the thing does or is;
//   - without its score owed to the thing words (search.Hit.Thing) the
//     first guide would explain less than minAnswer of the message — the
//     answer does not stand without the thing;
//   - and the message names none of the association's tools (namesTool:
//     „die Cloud-App auf meinem Handy synchronisiert nicht“ asks about the
//     tool), nor the first guide's topic besides the thing
//     (aboutBesidesThing: „mein Handy zeigt keine Benachrichtigungen vom
//     Chat“ asks about the notifications).
//
// Such a message may still be a guide question told with the device as
// its subject („mein Handy ist weg und ich brauche den Code“), so it
// becomes a choice, not the honest no: the guide stays first and in
// reach, and an answer the evidence does not carry without the device is
// not confident (issue 14: an answer only when the evidence is clear).
// q is the searched text, ws its words.
func restsOnThing(res search.Result, q string, ws []word) bool {
	if len(res.Hits) == 0 {
		return false
	}
	h := res.Hits[0]
	return h.Thing > 0 && h.Score*(1-h.Thing) < calib.minAnswer && !namesTool(ws) && !aboutBesidesThing(h) && thingSubject(res, q, ws)
}

// aboutBesidesThing reports whether the guide h is firmly about something
// of the message besides the thing it names: the share of the message it
// meets firmly in what it says it is about (title, tags, aliases, example
// questions, summary, taught questions: search.Hit.Strong) apart from the
// thing words (search.Hit.StrongThing) reaches offTopicAnswerStrong: the
// bar at which an off-topic signal (a named device among them) no longer
// turns an answer into a choice, because the guide's own topic carries
// the question. A member names a tool through its features as often as by its
// name („mein Handy zeigt keine Benachrichtigungen vom Chat“, „der Laptop
// synchronisiert die Dateien nicht“, "my iphone doesnt show the
// calendar"): the guide's own topic words are the evidence, whichever
// they are; „mein Handy ist so langsam“ meets the app guide in the phone
// alone.
func aboutBesidesThing(h search.Hit) bool {
	return h.Strong-h.StrongThing >= calib.offTopicAnswerStrong
}

// thingSubject reports whether a clause of q opens with a noun phrase
// whose head names a thing of the message (search.Result.Things) that is
// not the first guide's own topic (thingTopicOf): up to two articles or
// possessives, then the thing — „mein Handy macht keine Fotos mehr“, „die
// Kamera von meinem Handy …“, „Outlook stürzt ab“, "my phone is slow". In
// the plain word order of a statement, German (Duden grammar: the subject
// before the finite verb in the Vorfeld) and English put the subject
// first in its clause, and a member reporting trouble states it plainly;
// a thing that is the setting or the object of a task stands in a
// prepositional phrase („auf meinem Handy“, „in Outlook“) or after the
// verb („wie sichere ich die Fotos von meinem Handy“). A clause starts
// the message or follows a comma or a sentence's end. ws are q's words.
func thingSubject(res search.Result, q string, ws []word) bool {
	if len(ws) == 0 || len(res.Hits) == 0 {
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
// no other hit does — thingIsTopic's reading, for one thing word (the
// camera guide for „meine Webcam bleibt schwarz“; not the app guide for
// „mein Handy …“, since the calendar's and the notifications' guides name
// the phone as their setting too).
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

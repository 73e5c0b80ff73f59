// Tests of answers that would rest on the member's own device or another
// product rather than on what the message says about it (device.go:
// restsOnThing, thingSubject, thingTopicOf). Every message is invented for
// these tests from the device words of the off-topic lists and the
// libraries' topics, not taken from a question set.

package answer

import (
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// deviceCase is one message and what it must get: a choice that keeps
// guide first (the thing's own trouble: an answer on the code before
// restsOnThing), or an answer of guide (a guide question with the thing
// as its setting, or the thing as the guide's own topic).
type deviceCase struct {
	msg   string
	want  Outcome
	guide string // first of the offered guides
}

func checkDeviceCases(t *testing.T, lib Library, cases []deviceCase) {
	t.Helper()
	for _, c := range cases {
		d := Decide(c.msg, lib, Options{Cases: true})
		if d.Outcome != c.want || len(d.Guides()) == 0 || d.Guides()[0] != c.guide {
			t.Errorf("%q: %s %v, want %s with %s first", c.msg, d.Outcome, d.Guides(), c.want, c.guide)
		}
	}
}

// TestRestsOnThingLibrary: on the shipped library, the phone's own
// trouble is no longer answered with the app guide (a choice with it
// first: every Choose row was an answer before restsOnThing), while guide
// questions with the phone, the laptop or Windows as their setting, and
// a camera that is the guide's own topic, keep their answers.
func TestRestsOnThingLibrary(t *testing.T) {
	checkDeviceCases(t, loadLibrary(t), []deviceCase{
		// The thing as the subject of its clause (thingSubject).
		{"mein handy ist ganz langsam geworden", Choose, "nextcloud/mobile-app.md"},
		{"mein handy macht keine fotos mehr", Choose, "nextcloud/mobile-app.md"},
		{"mein handy wird so heiß", Choose, "nextcloud/mobile-app.md"},
		{"mein smartphone installiert keine updates", Choose, "nextcloud/mobile-app.md"},
		// The subject after the finite verb, after a question word,
		// an adverb or a greeting.
		{"warum ist mein handy nur so langsam", Choose, "nextcloud/mobile-app.md"},
		{"seit heute ist mein handy so langsam", Choose, "nextcloud/mobile-app.md"},
		{"moin mein handy macht keine fotos mehr", Choose, "nextcloud/mobile-app.md"},
		// Guide questions: the thing is the setting, the object or
		// the guide's own topic.
		{"wie bekomme ich die fotos von meinem handy in die cloud", Answer, "nextcloud/mobile-app.md"},
		{"kann ich die dateien auf dem laptop offline haben", Answer, "nextcloud/desktop-sync-client.md"},
		{"wie installiere ich den sync client auf windows", Answer, "nextcloud/desktop-sync-client.md"},
		{"auf dem iphone kommen keine chat benachrichtigungen", Answer, "matrix/benachrichtigungen-am-handy.md"},
		{"die benachrichtigungen auf meinem handy sind zu laut", Answer, "matrix/benachrichtigungen-am-handy.md"},
		{"meine webcam bleibt schwarz", Answer, "bbb/kamera-funktioniert-nicht.md"},
		// An answer with the app guide until the thirty-first pass; its
		// re-ranking puts the guide whose tags name a new phone (moving
		// the second factor) first, a choice with the app guide second.
		{"ich habe ein neues handy, wie kriege ich alles rüber", Choose, "konto/zwei-faktor-handy-verloren.md"},
		// The tool named through its feature: the first guide's
		// topic besides the phone (aboutBesidesThing).
		{"mein handy ist kaputt, wie komme ich ohne den authenticator in mein konto", Answer, "konto/zwei-faktor-handy-verloren.md"},
		// A message that is mostly the phone stays a choice, whichever
		// word of its little rest a guide meets (aboutBesidesThing).
		{"handy ruckelt total", Choose, "bbb/bildschirm-teilen.md"},
		{"mein handy ist kaputt", Choose, "konto/zwei-faktor-handy-verloren.md"},
		// A bare thing as the label of a question (bareThingAt), and
		// a spaced dash that ends a clause as a comma does.
		{"handy – wie installiere ich die app", Answer, "nextcloud/mobile-app.md"},
		{"handy: wie installiere ich die app", Answer, "nextcloud/mobile-app.md"},
		{"handy, wie installiere ich die app", Answer, "nextcloud/mobile-app.md"},
		{"handy: ich finde die fotos nicht", Answer, "nextcloud/mobile-app.md"},
		{"ich weiß nicht weiter - mein handy geht nicht", Choose, "nextcloud/mobile-app.md"},
	})
}

// TestRestsOnThingBench: the same on the bench guides — the phone's
// camera and photos are not the app guide's answer; the camera guide,
// the calendar in Outlook and the mailbox in Thunderbird keep theirs.
func TestRestsOnThingBench(t *testing.T) {
	checkDeviceCases(t, loadBenchLibrary(t), []deviceCase{
		{"die kamera meines handys macht nur noch graue fotos", Choose, "nextcloud/mobile-app.md"},
		{"mein handy speichert keine fotos mehr", Choose, "nextcloud/mobile-app.md"},
		{"der laptop ist offline", Choose, "nextcloud/desktop-client.md"},
		// The notifications guide meets most of what is not the phone
		// (aboutBesidesThing measures against the rest of the message).
		{"mein handy zeigt keine benachrichtigungen vom chat an", Answer, "matrix/benachrichtigungen-handy.md"},
		{"mein handy zeigt keine benachrichtigungen an", Answer, "matrix/benachrichtigungen-handy.md"},
		// A topic label before a question (bareThingAt).
		{"laptop – wie synchronisiere ich meine dateien", Answer, "nextcloud/desktop-client.md"},
		{"wie bekomme ich die fotos von meinem handy in die cloud", Answer, "nextcloud/mobile-app.md"},
		{"meine webcam bleibt schwarz", Answer, "bbb/kamera-geht-nicht.md"},
		{"kamera geht nicht", Answer, "bbb/kamera-geht-nicht.md"},
		{"termine in outlook sehen", Answer, "nextcloud/kalender-abonnieren.md"},
		{"wie richte ich das postfach in thunderbird ein", Answer, "allgemein/email-einrichten.md"},
		{"wie installiere ich den sync client auf windows", Answer, "nextcloud/desktop-client.md"},
		{"kann ich die fotos vom handy automatisch hochladen", Answer, "nextcloud/mobile-app.md"},
		// A bare thing before a noun is its modifier, not the subject.
		{"handy benachrichtigungen kommen nicht", Answer, "matrix/benachrichtigungen-handy.md"},
	})
}

// TestThingSubject: a thing opens a clause (after up to two articles or
// possessives) as its subject — not in a prepositional phrase, not after
// the verb — and is not the first guide's own topic.
func TestThingSubject(t *testing.T) {
	// hits: the first guide names thing 0 as its topic and so does the
	// second (a setting, thingTopicOf false); thing 1 only the first
	// guide names (its own topic).
	hits := []search.Hit{{ID: "a", ThingTopics: 0b11}, {ID: "b", ThingTopics: 0b01}}
	for _, c := range []struct {
		q      string
		things []string
		want   bool
	}{
		{"mein handy macht keine fotos mehr", []string{"handy"}, true},
		{"handy ruckelt total", []string{"handy"}, true},
		{"hallo, mein handy ist so langsam", []string{"handy"}, true},
		{"die kamera von meinem handy ist kaputt", []string{"kamera"}, true},
		// The head of the subject is the first guide's own topic; the
		// thing in its attribute is not the subject.
		{"die kamera von meinem handy ist kaputt", []string{"handy", "kamera"}, false},
		{"wie sichere ich die fotos von meinem handy", []string{"handy"}, false},
		{"auf meinem handy ist alles langsam", []string{"handy"}, false},
		{"ich habe ein neues handy", []string{"handy"}, false},
		// A nominative noun phrase after the finite verb, after a
		// greeting (no comma) or an adverb, in English too.
		{"warum ist mein handy so langsam", []string{"handy"}, true},
		{"seit gestern ist das handy so langsam", []string{"handy"}, true},
		{"moin mein handy macht keine fotos mehr", []string{"handy"}, true},
		{"hallo handy ist kaputt", []string{"handy"}, true},
		{"hallo du mein handy ist kaputt", []string{"handy"}, true},
		{"guten morgen zusammen mein handy ist kaputt", []string{"handy"}, true},
		{"why is my phone so slow", []string{"phone"}, true},
		{"handy kaputt", []string{"handy"}, true},
		// An object after a subject pronoun, a noun phrase a
		// preposition governs, a subordinate clause's subject.
		{"ich habe mein handy verloren", []string{"handy"}, false},
		{"kannst du mein handy mit der cloud verbinden", []string{"handy"}, false},
		{"ich nehme jeden tag mein handy mit", []string{"handy"}, false},
		{"how do i connect my phone", []string{"phone"}, false},
		{"gibt es für das handy eine app", []string{"handy"}, false},
		{"was mache ich, wenn mein handy gestohlen wurde", []string{"handy"}, false},
		// Oblique forms open no subject.
		{"den laptop habe ich neu gestartet", []string{"laptop"}, false},
		{"meinem handy ist es zu heiß", []string{"handy"}, false},
		// A bare thing before a noun modifies it: another thing, a
		// capitalised word, a noun-forming suffix.
		{"handy benachrichtigungen gehen nicht", []string{"handy"}, false},
		{"handy Kalender geht nicht", []string{"handy"}, false},
		{"phone notifications dont work", []string{"phone"}, false},
		{"handy akku leer", []string{"handy", "akku"}, false},
		// A bare thing before a clause break is the subject when the
		// message ends there or the clause after it has no subject or
		// question of its own (bareThingAt, ownClauseAt); else it is the
		// topic's label.
		{"handy – geht nicht mehr", []string{"handy"}, true},
		{"handy, kaputt", []string{"handy"}, true},
		{"hallo, handy", []string{"handy"}, true},
		{"handy – wie installiere ich die app", []string{"handy"}, false},
		{"handy: wie installiere ich die app", []string{"handy"}, false},
		{"handy, wie installiere ich die app", []string{"handy"}, false},
		{"handy: ich finde die fotos nicht", []string{"handy"}, false},
		{"handy - kann ich die app installieren", []string{"handy"}, false},
		{"laptop: die app stürzt ab", []string{"laptop"}, false},
		// A spaced dash ends a clause as a comma does
		// (clauseBreakBefore), a compound's hyphen does not.
		{"ich weiß nicht weiter - mein handy geht nicht", []string{"handy"}, true},
		{"ich weiß nicht weiter, mein handy geht nicht", []string{"handy"}, true},
		{"ich weiß nicht weiter – mein handy geht nicht", []string{"handy"}, true},
		{"ich habe das support-handy verloren", []string{"handy"}, false},
		// The first guide's own topic.
		{"meine webcam bleibt schwarz", []string{"handy", "webcam"}, false},
		{"", []string{"handy"}, false},
	} {
		res := search.Result{Hits: hits, Things: c.things}
		if got := thingSubject(res, wordsOf(c.q)); got != c.want {
			t.Errorf("thingSubject(%q, %v) = %v, want %v", c.q, c.things, got, c.want)
		}
	}
}

// TestRestsOnThing: the three conditions on synthetic results — the
// thing is the subject and not the first guide's own topic, the answer
// does not stand without the thing, no tool is named.
func TestRestsOnThing(t *testing.T) {
	setting := []search.Hit{{ID: "a", Score: 0.6, Thing: 0.5, ThingTopics: 1}, {ID: "b", ThingTopics: 1}}
	own := []search.Hit{{ID: "a", Score: 0.6, Thing: 0.5, ThingTopics: 1}, {ID: "b"}}
	firm := []search.Hit{{ID: "a", Score: 0.9, Thing: 0.3, ThingTopics: 1}, {ID: "b", ThingTopics: 1}}
	// The guide's topic besides the thing: firmly 0.7 of the message,
	// 0.1 of it the phone; and a guide whose topic is mostly the phone.
	besides := []search.Hit{{ID: "a", Score: 0.6, Thing: 0.5, ThingTopics: 1, Strong: 0.8, StrongThing: 0.1}, {ID: "b", ThingTopics: 1}}
	// Firmly 0.45 of the message besides the phone: short of the bar of
	// the whole message, but 0.64 of the 0.7 that is not the phone
	// (thingWeight 0.3); with the phone 0.45 of the message, its rest is
	// too little to carry an answer.
	rest := []search.Hit{{ID: "a", Score: 0.6, Thing: 0.5, ThingTopics: 1, Strong: 0.55, StrongThing: 0.1}, {ID: "b", ThingTopics: 1}}
	littleRest := []search.Hit{{ID: "a", Score: 0.6, Thing: 0.5, ThingTopics: 1, Strong: 0.6, StrongThing: 0.05}, {ID: "b", ThingTopics: 1}}
	onlyThing := []search.Hit{{ID: "a", Score: 0.6, Thing: 0.5, ThingTopics: 1, Strong: 0.8, StrongThing: 0.5}, {ID: "b", ThingTopics: 1}}
	for _, c := range []struct {
		name        string
		q           string
		hits        []search.Hit
		thingWeight float64
		want        bool
	}{
		{"subject, a setting", "mein handy ist langsam", setting, 0, true},
		{"not the subject", "auf meinem handy ist es langsam", setting, 0, false},
		{"the guide's own topic", "mein handy ist langsam", own, 0, false},
		{"stands without the thing", "mein handy ist langsam", firm, 0, false},
		{"a tool named", "mein handy ist in der cloud langsam", setting, 0, false},
		{"the guide's topic besides the thing", "mein handy ist langsam", besides, 0, false},
		{"the guide's topic is the thing", "mein handy ist langsam", onlyThing, 0, true},
		{"no thing share", "mein handy ist langsam", []search.Hit{{ID: "a", Score: 0.6}}, 0, false},
		{"no hits", "mein handy ist langsam", nil, 0, false},
		{"the guide's topic besides the thing, of the rest", "mein handy ist langsam", rest, 0.3, false},
		{"the rest too little", "mein handy ist langsam", littleRest, 0.45, true},
	} {
		res := search.Result{Hits: c.hits, Things: []string{"handy"}, ThingWeight: c.thingWeight}
		if got := restsOnThing(res, wordsOf(c.q)); got != c.want {
			t.Errorf("%s: restsOnThing(%q) = %v, want %v", c.name, c.q, got, c.want)
		}
	}
}

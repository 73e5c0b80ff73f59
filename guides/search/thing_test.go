// Tests of thing.go: which query words name a thing (thingWord) and the
// share of a guide's score they carry (Hit.Thing).

package search

import (
	"math"
	"testing"
)

// TestThingWord: the words that name a thing are the device groups of
// the off-topic list (the hand-written hardware group, the blind list's
// device categories with their weak and everyday words), the proper names
// the blind list keeps as weak signals (Outlook, Dropbox), and the blind
// list's device class words the signals leave out (Handy, Kamera …), with
// their inflection endings; not the office (a place), not the full
// signals of products and services (they have the off-topic gate), not
// the everyday words of other categories, not the guides' other class
// words (Cloud, Mail).
func TestThingWord(t *testing.T) {
	for _, c := range []struct {
		w    string
		want bool
	}{
		{"handy", true}, {"handys", true}, {"smartphone", true}, {"kamera", true}, {"kameras", true},
		{"webcam", true}, {"kopfhörer", true}, {"lautsprecher", true}, {"festnetz", true},
		{"akku", true}, {"laptop", true}, {"drucker", true}, {"battery", true}, // hardware group
		{"iphone", true}, {"android", true}, {"samsung", true}, // weak signals of a device category
		{"festnetztelefon", true}, {"fernseher", true}, {"tv", true}, // blind list's other devices, an everyday word
		{"parteibüro", false},                               // the office: a device group's bars, but a place
		{"cloud", false}, {"mail", false}, {"teams", false}, // class words of other categories
		{"outlook", true}, {"thunderbird", true}, {"dropbox", true}, // weak signals: proper names the guides use
		{"whatsapp", false}, {"gmx", false}, {"signal", false}, // full signals, an everyday word of a messenger
		{"benachrichtigungen", false}, {"akkus", true}, {"klingelton", false},
	} {
		if got := thingWord(c.w); got != c.want {
			t.Errorf("thingWord(%q) = %v, want %v", c.w, got, c.want)
		}
	}
}

// TestThingShare: Hit.Thing is the share of a guide's score that the
// query's device words carry.
func TestThingShare(t *testing.T) {
	ix := Build([]Doc{
		{ID: "matrix/benachrichtigungen.md", Title: "Benachrichtigungen am Handy", Tags: []string{"Akku", "Push"},
			Summary:  "Wenn Element auf dem Handy keine Benachrichtigungen zeigt.",
			Sections: []Section{{Text: "Die Akku-Optimierung des Handys hält Element im Hintergrund an."}}},
		{ID: "nextcloud/kalender.md", Title: "Kalender auf dem Handy", Tags: []string{"Termine"},
			Summary: "Den Kalender der Cloud auf dem Handy einrichten."},
		{ID: "nextcloud/ordner.md", Title: "Ordner teilen", Summary: "Einen Ordner in der Cloud mit anderen teilen."},
	}, Options{})
	for _, c := range []struct {
		q        string
		id       string
		min, max float64
	}{
		// Only device words meet the guide: all of its score.
		{"handy akku ist schnell leer", "matrix/benachrichtigungen.md", 1, 1},
		// A word of the guide's matter beside the device: a share.
		{"keine benachrichtigungen auf dem handy", "matrix/benachrichtigungen.md", 0.1, 0.7},
		// No device word: none.
		{"ordner in der cloud teilen", "nextcloud/ordner.md", 0, 0},
	} {
		r := ix.Search(c.q, 3)
		h := hitByID(r, c.id)
		if h == nil {
			t.Errorf("%q: %s not found: %+v", c.q, c.id, r.Hits)
			continue
		}
		if h.Thing < c.min-1e-9 || h.Thing > c.max+1e-9 || math.IsNaN(h.Thing) {
			t.Errorf("%q: %s Device %.2f, want %.2f–%.2f", c.q, c.id, h.Thing, c.min, c.max)
		}
	}
}

// TestStrongThing: Hit.StrongThing is the part of Hit.Strong the query's
// device words carry and Result.ThingWeight the share of the query's
// weight they have, so that (Strong − StrongThing) / (1 − ThingWeight) is
// the share of the message besides the device that the guide meets in
// what it says it is about — what commands/answer holds against its bar
// of 0.6 (offTopicAnswerStrong).
func TestStrongThing(t *testing.T) {
	ix := Build([]Doc{
		{ID: "matrix/benachrichtigungen.md", Title: "Benachrichtigungen am Handy", Tags: []string{"Push"},
			Summary: "Wenn Element auf dem Handy keine Benachrichtigungen zeigt."},
		{ID: "nextcloud/app.md", Title: "Die App auf dem Handy", Summary: "Die App installieren und anmelden.",
			Sections: []Section{{Text: "Wenn das Handy langsam ist, hilft die App nicht."}}},
		{ID: "nextcloud/ordner.md", Title: "Ordner teilen", Summary: "Einen Ordner in der Cloud mit anderen teilen."},
	}, Options{})
	for _, c := range []struct {
		q                string
		id               string
		minRest, maxRest float64 // (Strong − StrongThing) / (1 − ThingWeight)
		thing            bool    // StrongThing > 0 and ThingWeight > 0
	}{
		// The guide's topic besides the phone: the notifications,
		// past the bar.
		{"mein handy zeigt keine benachrichtigungen", "matrix/benachrichtigungen.md", 0.6, 1, true},
		// The phone alone in the topic: nothing of the rest.
		{"mein handy zeigt keine benachrichtigungen", "nextcloud/app.md", 0, 0, true},
		// The phone alone in the topic; "langsam" only in the body.
		{"mein handy ist so langsam", "nextcloud/app.md", 0, 0, true},
		// No device word: the rest is all of the message.
		{"ordner teilen", "nextcloud/ordner.md", 0.6, 1, false},
	} {
		r := ix.Search(c.q, 3)
		h := hitByID(r, c.id)
		if h == nil {
			t.Errorf("%q: %s not found: %+v", c.q, c.id, r.Hits)
			continue
		}
		if r.ThingWeight < 0 || r.ThingWeight >= 1 || (r.ThingWeight > 0) != c.thing || h.StrongThing > r.ThingWeight+1e-9 {
			t.Errorf("%q: ThingWeight %.2f (StrongThing %.2f), want in [0, 1) and > 0 %v, at least StrongThing", c.q, r.ThingWeight, h.StrongThing, c.thing)
			continue
		}
		share := (h.Strong - h.StrongThing) / (1 - r.ThingWeight)
		if share < c.minRest-1e-9 || share > c.maxRest+1e-9 || (h.StrongThing > 0) != c.thing || h.StrongThing > h.Strong {
			t.Errorf("%q: %s Strong %.2f StrongThing %.2f ThingWeight %.2f: share of the rest %.2f, want %.2f–%.2f, thing %v",
				c.q, c.id, h.Strong, h.StrongThing, r.ThingWeight, share, c.minRest, c.maxRest, c.thing)
		}
	}
}

// hitByID returns the hit of r for the guide id, or nil.
func hitByID(r Result, id string) *Hit {
	for i := range r.Hits {
		if r.Hits[i].ID == id {
			return &r.Hits[i]
		}
	}
	return nil
}

package search

import (
	"fmt"
	"testing"
)

// topicRankDocs is a small library in which one guide mentions a rare
// word of the query in passing in its body ("Account" in a calendar
// guide) while another names a common word of the query as its topic
// ("Chat" in the title and tags of the chat account guide, mentioned in
// passing by most other guides): the shape of "wie komme ich an einen
// chat account" on the shipped library (eleventh quality pass).
func topicRankDocs() []Doc {
	docs := []Doc{
		{ID: "kalender", Title: "Kalender auf dem Handy", Tags: []string{"kalender", "handy"},
			Summary:  "Termine der Cloud auf dem Handy.",
			Sections: []Section{{Heading: "Einrichten", Text: "Trage in der App deinen Account der Cloud ein, dann erscheinen die Termine."}}},
		{ID: "chatkonto", Title: "Im Chat anmelden", Tags: []string{"chat", "registrieren"},
			Summary:  "Registrierung im Chat.",
			Sections: []Section{{Heading: "Registrieren", Text: "Schreib der Geschäftsstelle, dann bekommst du einen Zugang."}}},
	}
	for i, topic := range []string{"Drucker", "Ordner", "Videokonferenz", "Newsletter", "Spenden", "Protokoll"} {
		login := "Konto"
		if i == 0 {
			login = "Konto oder Zugang" // "Zugang" is rarer than "Konto", as in the library
		}
		docs = append(docs, Doc{ID: fmt.Sprintf("g%d", i), Title: topic + " einrichten", Tags: []string{topic},
			Sections: []Section{{Heading: topic, Text: "Bei Fragen schreib uns im Chat. " + topic + " findest du im Menü, wenn du mit deinem " + login + " angemeldet bist."}}})
	}
	return docs
}

// TestTopicRank: a guide that meets the query in none of the fields that
// say what it is about ranks behind one that names a query word as its
// topic, unless its words outweigh that by more than the discount; the
// scores and the confidence are untouched.
func TestTopicRank(t *testing.T) {
	docs := topicRankDocs()
	on := Build(docs, Options{})
	off := Build(docs, Options{TopicRank: 1})
	for _, tt := range []struct {
		query, wantOn, wantOff string
	}{
		// The calendar guide meets "Account" only in passing; the chat
		// guide names "Chat" as its topic.
		{"wie komme ich an einen chat account", "chatkonto", "kalender"},
		// Must not trigger: the calendar guide names "Termine" in its
		// summary, so it is not discounted and stays first.
		{"termine account", "kalender", "kalender"},
		// Must not trigger: neither guide names a query word as its topic
		// ("App", "Geschäftsstelle" are body words only) — both are
		// discounted alike, and their order is their words' order.
		{"app geschäftsstelle account", "kalender", "kalender"},
	} {
		ron, roff := on.Search(tt.query, 3), off.Search(tt.query, 3)
		if len(ron.Hits) == 0 || len(roff.Hits) == 0 {
			t.Fatalf("%q: no hits", tt.query)
		}
		if got := ron.Hits[0].ID; got != tt.wantOn {
			t.Errorf("%q: first %s, want %s (%v)", tt.query, got, tt.wantOn, ron.Hits)
		}
		if got := roff.Hits[0].ID; got != tt.wantOff {
			t.Errorf("%q with TopicRank 1: first %s, want %s (%v)", tt.query, got, tt.wantOff, roff.Hits)
		}
		// Only the order changes: each guide's Score is the same.
		for _, h := range ron.Hits {
			for _, g := range roff.Hits {
				if h.ID == g.ID && h.Score != g.Score {
					t.Errorf("%q: %s score %.4f, without TopicRank %.4f", tt.query, h.ID, h.Score, g.Score)
				}
			}
		}
	}
}

// Tests of the setting of a message's task (setting.go): the noun of a
// phrase of place, matched in a guide's strong field, ranks as met in
// passing.

package search

import (
	"fmt"
	"testing"
)

// TestSettingAt: which words of a message stand as the noun of a phrase
// of place.
func TestSettingAt(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string // the setting nouns, in order
	}{
		{"wie gebe ich in der videokonferenz jemandem rechte", []string{"videokonferenz"}},
		{"im chat bekomme ich keine nachrichten", []string{"chat"}},
		{"bin jetzt in element drin", []string{"element"}},
		{"wie kann ich in unserer konferenz den bildschirm teilen", []string{"konferenz"}},
		{"i can't hear anybody in the meeting", []string{"meeting"}},
		// The goal of a move (accusative) is no setting: the place is
		// what the member wants to reach.
		{"wie komme ich in die videokonferenz", nil},
		// Not prepositions of place: a source, the thing taken part in.
		{"termine aus der cloud aufs handy", nil},
		{"um bei bigbluebutton mitzumachen", nil},
		// The first content word after the article is taken (an
		// adjective); a clause's end breaks the phrase.
		{"in der alten konferenz", []string{"alten"}},
		{"ich bin drin. konferenz geht nicht", nil},
	} {
		toks := tokenizeMax(tt.text, nil, maxQueryTokens)
		var got []string
		for i := range toks {
			if settingAt(toks, i) {
				got = append(got, toks[i].word)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%q: setting nouns %v, want %v", tt.text, got, tt.want)
		}
	}
}

// settingDocs is a small library of one tool's family: the entry guide
// names the tool's place („Videokonferenz“) in its title and tags, the
// task guide names the task („Störer entfernen“) in its body only, and
// other guides mention the place in passing — the shape of „wie kann ich
// in der videokonferenz einen störer entfernen“ on the bench guides.
func settingDocs() []Doc {
	docs := []Doc{
		{ID: "beitreten", Title: "An einer Videokonferenz teilnehmen", Tags: []string{"videokonferenz", "teilnehmen"},
			Summary:  "So kommst du in eine Videokonferenz.",
			Sections: []Section{{Heading: "Beitreten", Text: "Öffne den Einladungslink und wähle Mikrofon."}}},
		{ID: "rechte", Title: "Moderationsrechte", Tags: []string{"moderation"},
			Summary:  "Was Moderierende dürfen.",
			Sections: []Section{{Heading: "Was geht", Text: "Du kannst Teilnehmende stummschalten und Störer entfernen."}}},
	}
	for i, topic := range []string{"Drucker", "Ordner", "Newsletter", "Spenden", "Protokoll", "Kalender", "Umfrage", "Mailingliste"} {
		text := topic + " findest du im Menü."
		if i < 4 {
			text += " Das geht auch in jeder Videokonferenz."
		}
		if i >= 4 {
			text += " Alte Einträge kannst du entfernen."
		}
		docs = append(docs, Doc{ID: topic, Title: topic + " einrichten", Tags: []string{topic},
			Sections: []Section{{Heading: topic, Text: text}}})
	}
	return docs
}

// TestSettingInPassing: a guide that names only the message's setting as
// its topic no longer ranks before the guide that names the task in its
// body; a place that is the goal of the task keeps the entry guide first,
// and the scores are those of the words (the setting changes only the
// order). Fails without markSettings: the entry guide is first.
func TestSettingInPassing(t *testing.T) {
	// The scores do not read the setting: the same words without the
	// phrase of place score each guide alike.
	checkInPassing(t, Build(settingDocs(), Options{}), []firstWant{
		{"wie kann ich in der videokonferenz einen störer entfernen", "rechte"},
		{"wie komme ich in die videokonferenz", "beitreten"},
		{"videokonferenz teilnehmen", "beitreten"},
	}, "wie kann ich in der videokonferenz einen störer entfernen", "videokonferenz störer entfernen")
}

// firstWant is a query and the guide that must rank first for it.
type firstWant struct{ query, want string }

// checkInPassing checks that each row's guide ranks first and that with
// and without score every guide alike: a word met in passing (a setting,
// a reported claim) changes the order of the hits, never their scores.
func checkInPassing(t *testing.T, ix *Index, rows []firstWant, with, without string) {
	t.Helper()
	for _, tt := range rows {
		r, _ := ix.search(tt.query, 5)
		if len(r.Hits) == 0 || r.Hits[0].ID != tt.want {
			t.Errorf("%q: hits %v, want %s first", tt.query, hitIDs(r), tt.want)
		}
	}
	a, _ := ix.search(with, 5)
	b, _ := ix.search(without, 5)
	score := func(r Result) map[string]float64 {
		m := map[string]float64{}
		for _, h := range r.Hits {
			m[h.ID] = h.Score
		}
		return m
	}
	if sa, sb := score(a), score(b); fmt.Sprint(sa) != fmt.Sprint(sb) {
		t.Errorf("scores of %q %v, of %q %v", with, sa, without, sb)
	}
}

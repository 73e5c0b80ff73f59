package search

import (
	"reflect"
	"strings"
	"testing"
)

// TestUILocParses: the embedded UI translations parse, every row is one
// English word (not a stop word) to German words that differ from it.
func TestUILocParses(t *testing.T) {
	if uilocErr != nil {
		t.Fatal(uilocErr)
	}
	if len(glossaryUILoc) < 100 {
		t.Fatalf("%d rows, want the whole extracted file (140 when made)", len(glossaryUILoc))
	}
	st := newStemmer()
	for _, e := range glossaryUILoc {
		if len(e.From) != 1 || len(e.To) == 0 || len(e.To) > 2 {
			t.Errorf("row %v → %v: want one English word and one or two German words", e.From, e.To)
			continue
		}
		if isStop(normThesWord(e.From[0])) {
			t.Errorf("row %v: English stop word", e.From)
		}
		for _, to := range e.To {
			if st.stem(normThesWord(to)) == st.stem(normThesWord(e.From[0])) {
				t.Errorf("row %v → %v: the same word", e.From, to)
			}
		}
	}
}

// TestUILocExpands: an English UI word finds the guide that uses its
// German UI word only with the UI translations, and never more strongly
// than the German word itself.
func TestUILocExpands(t *testing.T) {
	docs := []Doc{
		{ID: "bbb/untertitel.md", Title: "Untertitel in der Videokonferenz einschalten", Summary: "So schaltest du Untertitel ein."},
		{ID: "matrix/sichtbarkeit.md", Title: "Sichtbarkeit eines Raums ändern", Summary: "Wer den Raum finden kann."},
		{ID: "nextcloud/widerrufen.md", Title: "Eine Freigabe widerrufen", Summary: "So nimmst du eine Freigabe zurück."},
		{ID: "team/kontakt.md", Title: "Kontakt zum Digitalteam", Summary: "So erreichst du uns."},
	}
	on := Build(docs, Options{})
	off := Build(docs, Options{UILocWeight: -1})
	for _, c := range []struct{ query, german, want string }{
		{"captions", "untertitel", "bbb/untertitel.md"},
		{"visibility", "sichtbarkeit", "matrix/sichtbarkeit.md"},
		{"revoke", "widerrufen", "nextcloud/widerrufen.md"},
	} {
		t.Run(c.query, func(t *testing.T) {
			r := on.Search(c.query, 3)
			if len(r.Hits) == 0 || r.Hits[0].ID != c.want {
				t.Fatalf("with the UI translations: hits %v, want %s first", hitIDs(r), c.want)
			}
			if ro := off.Search(c.query, 3); len(ro.Hits) > 0 && ro.Hits[0].ID == c.want {
				t.Errorf("without the UI translations %q finds %s: the test shows nothing", c.query, c.want)
			}
			if g := on.Search(c.german, 3); len(g.Hits) == 0 || g.Hits[0].Score < r.Hits[0].Score {
				t.Errorf("the English UI word %q matches more strongly than the German word %q itself (%v vs %v)", c.query, c.german, r.Hits, g.Hits)
			}
		})
	}
}

func hitIDs(r Result) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.ID)
	}
	return out
}

// TestUILocRule: the extraction rule of uiloc.tsv (uilocRows).
func TestUILocRule(t *testing.T) {
	p := func(product, en, de string) uilocRaw { return uilocRaw{product, en, de} }
	for _, c := range []struct {
		name  string
		pairs []uilocRaw
		want  []string // "en>de,de"
	}{
		{"two attestations kept, trailing ellipsis and colon trimmed",
			[]uilocRaw{p("BigBlueButton", "Captions", "Untertitel"), p("Nextcloud", "Captions…", "Untertitel:")},
			[]string{"captions>untertitel"}},
		{"one attestation dropped",
			[]uilocRaw{p("Nextcloud", "Number", "Zahl-Feld")}, nil},
		{"more than one word, placeholder or markup dropped",
			[]uilocRaw{p("Element", "Breakout rooms", "Gruppenräume"), p("Element", "Breakout rooms", "Gruppenräume"),
				p("Element", "%(name)s", "%(name)s"), p("Element", "{user}", "{user}"), p("BigBlueButton", "<b>Pin</b>", "<b>Anheften</b>")},
			nil},
		{"the same word after folding or stemming dropped",
			[]uilocRaw{p("BigBlueButton", "Chat", "Chat"), p("Element", "Chat", "Chat"), p("Element", "Status", "Status"), p("Nextcloud", "Status", "Status")},
			nil},
		{"English stop word and short word dropped",
			[]uilocRaw{p("Element", "Yes", "Ja"), p("Nextcloud", "Yes", "Ja"), p("Element", "OK", "Gut"), p("Nextcloud", "OK", "Gut")},
			nil},
		{"German words under a third of the English word's pairs dropped; at most two kept",
			[]uilocRaw{
				p("Element", "Share", "Teilen"), p("Nextcloud", "Share", "Teilen"), p("Nextcloud", "Share", "Teilen"),
				p("Nextcloud", "Share", "Freigeben"), p("Nextcloud", "Share", "Freigeben"), p("Nextcloud", "Share", "Freigeben"),
				p("Nextcloud", "Share", "Freigabe"), p("BigBlueButton", "Share", "Freigabe"),
			},
			[]string{"share>freigeben,teilen"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, r := range uilocRows(c.pairs) {
				got = append(got, r.en+">"+strings.Join(r.de, ","))
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("rows %v, want %v", got, c.want)
			}
		})
	}
}

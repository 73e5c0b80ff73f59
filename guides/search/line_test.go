package search

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestTextUnits: a section's text splits into its lines and, within a
// line, after a sentence's end before a space — never inside a word
// („cloud.example.org“, „v1.2“), so the units' tokens are the text's
// tokens.
func TestTextUnits(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"", nil},
		{"Ein Satz ohne Ende", []string{"Ein Satz ohne Ende"}},
		{"- Grüner Haken: alles aktuell.\n- Rotes Kreuz: Fehler – klicke auf das Wolkensymbol.",
			[]string{"- Grüner Haken: alles aktuell.\n", "- Rotes Kreuz: Fehler – klicke auf das Wolkensymbol."}},
		{"Warte. Dann geht es! Wirklich? Ja… gut", []string{"Warte.", " Dann geht es!", " Wirklich?", " Ja…", " gut"}},
		// An abbreviation's dot before a space ends a unit too (a finer
		// unit only lowers Hit.Line).
		{"Öffne cloud.example.org, z.B. mit v1.2 des Clients.\n\nDanach", []string{"Öffne cloud.example.org, z.B.", " mit v1.2 des Clients.\n", "Danach"}},
	} {
		got := slices.Collect(textUnits(tt.text))
		if !slices.Equal(got, tt.want) {
			t.Errorf("textUnits(%q) = %q, want %q", tt.text, got, tt.want)
		}
		var whole, parts []rawToken
		whole = tokenize(tt.text, whole)
		for _, u := range got {
			parts = tokenize(u, parts)
		}
		if len(whole) != len(parts) {
			t.Errorf("textUnits(%q): %d tokens in the units, %d in the text", tt.text, len(parts), len(whole))
			continue
		}
		for i := range whole {
			if whole[i].word != parts[i].word || whole[i].joined != parts[i].joined {
				t.Errorf("textUnits(%q): token %d is %q in the units, %q in the text", tt.text, i, parts[i].word, whole[i].word)
			}
		}
	}
}

// TestHitLine: Hit.Line counts the distinct words of the query that one
// line, list item or sentence of one section names together — not words
// one section names in different lines, not a heading's words, not a
// typo correction, and not a word most guides have.
func TestHitLine(t *testing.T) {
	oneLine := Doc{
		ID: "cloud/client.md", Title: "Der Desktop-Client",
		Sections: []Section{{Heading: "Symbole verstehen", Text: "- Grüner Haken: alles aktuell.\n- Rotes Kreuz: Fehler – klicke auf das Wolkensymbol in der Taskleiste."}},
	}
	apart := Doc{
		ID: "cloud/speicher.md", Title: "Speicher voll",
		Sections: []Section{{Heading: "Anzeige", Text: "Der Client zeigt ein rotes Symbol.\n- Ein Kreuz erscheint, wenn der Upload stoppt.\n- Die Taskleiste zeigt nichts an."}},
	}
	docs := []Doc{oneLine, apart}
	for _, id := range []string{"a", "b", "c", "d", "e", "f"} {
		docs = append(docs, Doc{ID: "filler/" + id + ".md", Title: "Anleitung " + id,
			Sections: []Section{{Heading: "Schritte", Text: "Öffne die Einstellungen und wähle dein Konto."}}})
	}
	ix := Build(docs, DefaultOptions())
	for _, tt := range []struct {
		query string
		want  map[string]int
	}{
		// Three words in one list item of the client guide; in the
		// other guide each stands in a line of its own.
		{"rotes kreuz am wolkensymbol in der taskleiste", map[string]int{"cloud/client.md": 4, "cloud/speicher.md": 1}},
		// The heading's words are no line.
		{"symbole verstehen", map[string]int{"cloud/client.md": 0}},
		// A typo correction is no evidence of a place.
		{"rotes kreuz taskleiste wolkensymbool", map[string]int{"cloud/client.md": 3}},
	} {
		res := ix.Search(tt.query, 5)
		for id, want := range tt.want {
			i := slices.IndexFunc(res.Hits, func(h Hit) bool { return h.ID == id })
			if i < 0 {
				t.Errorf("Search(%q): %s not found (concepts %s)", tt.query, id, ix.explain(tt.query))
				continue
			}
			if got := res.Hits[i].Line; got != want {
				t.Errorf("Search(%q): %s Line %d, want %d (concepts %s)", tt.query, id, got, want, ix.explain(tt.query))
			}
		}
	}
}

// TestHitLineLongSection: a section of more than 32 units counts each of
// them as its own place. The unit mask has 32 bits; a unit beyond them
// once took bit u%32, so a word in unit 1 and another in unit 33 stood
// „together“ in a line no reader sees (a rescued choice on a long
// section's chance). Units beyond the mask now count for nothing (a
// finer unit only lowers Hit.Line, as an abbreviation's dot does).
func TestHitLineLongSection(t *testing.T) {
	var b strings.Builder
	for i := range 40 {
		switch i {
		case 1:
			b.WriteString("- Das Wolkensymbol bleibt grau.\n")
		case 33:
			b.WriteString("- Die Taskleiste ist leer.\n")
		case 35:
			b.WriteString("- Druckertreiber und Scannerprofil neu laden.\n")
		default:
			fmt.Fprintf(&b, "- Schritt %d der Anleitung.\n", i)
		}
	}
	docs := []Doc{{ID: "lang.md", Title: "Eine lange Liste", Sections: []Section{{Heading: "Schritte", Text: b.String()}}}}
	for _, id := range []string{"a", "b", "c", "d", "e", "f"} {
		docs = append(docs, Doc{ID: "filler/" + id + ".md", Title: "Anleitung " + id,
			Sections: []Section{{Heading: "Schritte", Text: "Öffne die Einstellungen und wähle dein Konto."}}})
	}
	ix := Build(docs, DefaultOptions())
	for _, tt := range []struct {
		query string
		want  int
	}{
		// Unit 1 and unit 33 share bit 1 of the mask: two places, not one.
		{"wolkensymbol taskleiste", 1},
		// Two words in one unit beyond the mask: no unit the count can name.
		{"druckertreiber scannerprofil", 0},
	} {
		res := ix.Search(tt.query, 5)
		i := slices.IndexFunc(res.Hits, func(h Hit) bool { return h.ID == "lang.md" })
		if i < 0 {
			t.Errorf("Search(%q): lang.md not found", tt.query)
			continue
		}
		if got := res.Hits[i].Line; got != tt.want {
			t.Errorf("Search(%q): Line %d, want %d (concepts %s)", tt.query, got, tt.want, ix.explain(tt.query))
		}
	}
}

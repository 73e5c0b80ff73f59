// Tests of the dictionary fallback of the English lexicon (endict.go,
// endict.tsv, endict_gen_test.go): every row parses and is a fallback
// only, a word the learned lexicon lacks reaches the guide that has its
// German headword, the evidence only adds, and the rebuild's rule on a
// few hand-made dictionary lines.

package search

import (
	"slices"
	"strings"
	"testing"
)

// TestEnDictParses: every row of the embedded dictionary fallback
// parses, is keyed by a lower-case ASCII English stem the learned
// lexicon has no row for, and has at most enlexMaxTrans German words; it
// knows the association's word "party".
func TestEnDictParses(t *testing.T) {
	rows := 0
	for l := range strings.SplitSeq(endictTSV, "\n") {
		if l != "" && l[0] != '#' {
			rows++
		}
	}
	m := endictTable()
	if len(m) != rows || rows < 5000 {
		t.Fatalf("%d rows parsed of %d (want all, and at least 5000)", len(m), rows)
	}
	lex := enlexTable()
	for en, de := range m {
		if !asciiLetters(en) || len(de) == 0 || len(de) > enlexMaxTrans || lex[en] != nil {
			t.Errorf("row %q → %v (in enlex: %v)", en, de, lex[en])
		}
	}
	es := newEnglishStemmer()
	if got := lexRow(enlexKey("party", es)); !slices.Contains(got, "partei") {
		t.Errorf("party → %v, want it to contain partei", got)
	}
	// The learned lexicon's row wins.
	if got, want := lexRow(enlexKey("printer", es)), lex[enlexKey("printer", es)]; !slices.Equal(got, want) {
		t.Errorf("printer → %v, want enlex's %v", got, want)
	}
}

// endictTestDocs is a small German library: the party's stored member
// data, backing up one's own data (more "Daten"), and the office's
// contacts.
func endictTestDocs() []Doc {
	return []Doc{
		{ID: "datenschutz/mitgliederdaten.md", Title: "Welche Daten über dich gespeichert sind",
			Summary:  "Was die Partei über ihre Mitglieder speichert.",
			Sections: []Section{{"", "Die Partei speichert Name, Anschrift und Beitrag."}}},
		{ID: "cloud/daten-sichern.md", Title: "Daten sichern",
			Summary:  "Wie du deine Daten in der Cloud sicherst.",
			Sections: []Section{{"", "Lade deine Daten hoch. Deine Daten liegen dann doppelt."}}},
		{ID: "team/geschaeftsstelle.md", Title: "Ansprechpersonen der Geschäftsstelle",
			Summary:  "Wen du in der Geschäftsstelle erreichst.",
			Sections: []Section{{"", "Die Geschäftsstelle ist werktags besetzt."}}},
	}
}

// withoutEnDict runs f with an empty dictionary fallback.
func withoutEnDict(f func()) {
	old := endictTable
	endictTable = func() map[string][]string { return nil }
	defer func() { endictTable = old }()
	f()
}

// TestEnDictFallback: "party", which neither the glossary nor the learned
// lexicon knows, reaches the guide that names „Partei“ through the
// dictionary fallback and puts it first; without the fallback the guide
// with more „Daten“ is first. Every guide's Score and Strong and the
// decision are the ones made without it (the learned lexicon's add-only
// hook), so the guide it put first is no confident answer. A German
// message is not read through it.
func TestEnDictFallback(t *testing.T) {
	ix := Build(endictTestDocs(), Options{})
	tests := []struct {
		query, first, firstWithout string
	}{
		{"what data does the party have about me", "datenschutz/mitgliederdaten.md", "cloud/daten-sichern.md"},
		// German: „party“ is no English word here; the fallback is not
		// read (below), and the order is the one without it.
		{"welche daten hat die party über mich", "datenschutz/mitgliederdaten.md", "datenschutz/mitgliederdaten.md"},
	}
	for _, tt := range tests {
		kr := &keyer{ix: ix}
		ix.analyzeToks(tt.query, nil, nil, kr)
		if english := tt.first != tt.firstWithout; english != (len(kr.lex) > 0) {
			t.Errorf("%q: lexicon evidence %v", tt.query, kr.lex)
		}
		var off Result
		withoutEnDict(func() { off = ix.Search(tt.query, 3) })
		on := ix.Search(tt.query, 3)
		shownOff, _ := off.Shown()
		shown, confident := on.Shown()
		if len(shown) == 0 || len(shownOff) == 0 {
			t.Fatalf("%q: no guide (%v, without the fallback %v)", tt.query, shown, shownOff)
		}
		if shown[0].ID != tt.first || shownOff[0].ID != tt.firstWithout {
			t.Errorf("%q: first %s, without the fallback %s; want %s, %s", tt.query, shown[0].ID, shownOff[0].ID, tt.first, tt.firstWithout)
		}
		if shown[0].ID != shownOff[0].ID && confident {
			t.Errorf("%q: the guide the fallback put first is a confident answer", tt.query)
		}
		for _, h := range shown {
			for _, o := range off.Hits {
				if h.ID == o.ID && (h.Score != o.Score || h.Strong != o.Strong) {
					t.Errorf("%q: %s Score %v Strong %v with the fallback, %v %v without", tt.query, h.ID, h.Score, h.Strong, o.Score, o.Strong)
				}
			}
		}
		if !sameOrder(on.Hits, off.Hits) || on.Confident != off.Confident || on.Close != off.Close {
			t.Errorf("%q: result %v %v/%v, without the fallback %v %v/%v", tt.query, on.Hits, on.Confident, on.Close, off.Hits, off.Confident, off.Close)
		}
	}
}

// TestEnDictLearn: the rebuild keeps only the headword pair of an entry
// (not the second German word, not a plural, example or phrase), drops a
// subject label, keeps [comp.], drops "to " of a verb, a loanword, a word
// outside the English word list and a word the learned lexicon has, and
// orders a stem's German words by their number of entries.
func TestEnDictLearn(t *testing.T) {
	src := strings.Join([]string{
		"# Version :: test",
		"Partei {f}; Seite {f} [jur.] | die streitenden Parteien :: party | the parties to a dispute",
		"Gesellschaft {f}; Gruppe {f} :: party",
		"Partei {f} [pol.] :: party",
		"Partei {f} :: party",
		"Trupp {m} [mil.] :: party",
		"Party {f}; Feier {f} :: party | parties",
		"abspeichern {vt} [comp.] :: to save",
		"Drucker {m} :: printer",
		"Xyzzy {m} :: xyzzy",
		"Kraftwerk {n} :: power station",
	}, "\n")
	version, rows, err := endictLearn(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if version != "test" {
		t.Errorf("version %q", version)
	}
	got := map[string][]string{}
	for _, r := range rows {
		got[r.en] = r.de
	}
	es := newEnglishStemmer()
	want := map[string][]string{
		enlexKey("party", es): {"partei", "gesellschaft"},
	}
	if enlexTable()[enlexKey("save", es)] == nil {
		want[enlexKey("save", es)] = []string{"abspeichern"}
	}
	if len(got) != len(want) {
		t.Errorf("rows %v, want %v", got, want)
	}
	for k, w := range want {
		if !slices.Equal(got[k], w) {
			t.Errorf("%s → %v, want %v", k, got[k], w)
		}
	}
}

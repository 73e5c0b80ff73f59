// Tests of the English → German word lexicon (enlex.go, enlex.tsv): every
// row parses, an English word the library does not know adds its German
// translation as evidence in an English message only, the evidence only
// adds, and the rebuild's .mo and .qm readers and word learner
// (enlex_gen_test.go) on small hand-made inputs.

package search

import (
	"encoding/binary"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
)

// TestEnLexParses: every row of the embedded lexicon parses, is keyed by
// a lower-case ASCII English stem and has at most enlexMaxTrans German
// words (so a word costs at most that many look-ups); the lexicon knows a
// few IT words.
func TestEnLexParses(t *testing.T) {
	rows := 0
	for l := range strings.SplitSeq(enlexTSV, "\n") {
		if l != "" && l[0] != '#' {
			rows++
		}
	}
	m := enlexTable()
	if len(m) != rows || rows < 1000 {
		t.Fatalf("%d rows parsed of %d (want all, and at least 1000)", len(m), rows)
	}
	for en, de := range m {
		if !asciiLetters(en) || len(de) == 0 || len(de) > enlexMaxTrans {
			t.Errorf("row %q → %v", en, de)
		}
	}
	for en, want := range map[string]string{"printer": "drucker", "microphone": "mikrofon", "screen": "bildschirm"} {
		if got := m[enlexKey(en, newEnglishStemmer())]; !slices.Contains(got, want) {
			t.Errorf("%s → %v, want it to contain %q", en, got, want)
		}
	}
}

// enlexTestDocs is a small German library: a printer guide, a
// microphone guide and a Wi-Fi guide that shares the printer guide's
// "Büro".
func enlexTestDocs() []Doc {
	return []Doc{
		{ID: "technik/drucker.md", Title: "Drucker im Büro",
			Summary:  "Was du tust, wenn der Drucker im Büro nicht druckt.",
			Sections: []Section{{"", "Prüfe, ob der Drucker eingeschaltet und im WLAN ist."}}},
		{ID: "bbb/mikrofon.md", Title: "Mikrofon in der Videokonferenz",
			Summary:  "Wenn dich die anderen nicht hören.",
			Sections: []Section{{"", "Erlaube dem Browser das Mikrofon."}}},
		{ID: "technik/wlan.md", Title: "WLAN im Büro",
			Summary:  "Wie du ins WLAN im Büro kommst.",
			Sections: []Section{{"", "Das Passwort steht am Router im Büro."}}},
	}
}

// withEnLex runs f with the lexicon's weight set to w.
func withEnLex(w float64, f func()) {
	old := enlexWeight
	enlexWeight = w
	defer func() { enlexWeight = old }()
	f()
}

// TestEnLexEnglishWord: in a message the language vote reads as English,
// an English word the library does not know ("printer") records its
// German translation the library knows ("Drucker") as lexicon evidence;
// in a German message the same word does not (there it may be a
// misspelling or a German word), nor when the lexicon is switched off.
// The concept of the word is the one made without the lexicon.
func TestEnLexEnglishWord(t *testing.T) {
	ix := Build(enlexTestDocs(), Options{})
	drucker := ix.terms[(&keyer{ix: ix}).key("drucker")]
	tests := []struct {
		name, query string
		off         bool
		want        bool // "printer" records the term of "Drucker"
	}{
		{"English message", "my printer is offline and i can't print the flyers", false, true},
		{"German message", "der printer in der geschäftsstelle geht nicht", false, false},
		{"lexicon off", "my printer is offline and i can't print the flyers", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := enlexWeight
			if tt.off {
				w = 0
			}
			withEnLex(w, func() {
				kr := &keyer{ix: ix}
				cs, _ := ix.analyzeToks(tt.query, nil, nil, kr)
				got := false
				for _, e := range kr.lex {
					for _, a := range e.alts {
						got = got || a.term == drucker
					}
				}
				if got != tt.want {
					t.Errorf("%q: printer → Drucker = %v, want %v", tt.query, got, tt.want)
				}
				for _, c := range cs {
					for _, a := range c.alts {
						if a.term == drucker {
							t.Errorf("%q: the concept of %q has the lexicon's term", tt.query, c.word)
						}
					}
				}
			})
		})
	}
}

// TestEnLexAddsOnly: the lexicon's evidence only adds. It may bring the
// guide that contains the translation first ("printer" → "Drucker"), but
// every guide's Score and Strong are what they are without it, and the
// decision is the one made without it: a first guide it brought is no
// confident answer, whatever the old first guide's confidence was.
func TestEnLexAddsOnly(t *testing.T) {
	ix := Build(enlexTestDocs(), Options{})
	tests := []struct {
		query, first string
		confident    bool
	}{
		// Without the lexicon the Wi-Fi guide (one more "Büro") is
		// first, and confident.
		{"the printer in the büro does not work", "technik/drucker.md", false},
		{"the printer in the office does not work", "technik/drucker.md", false},
		// Nothing but the lexicon's word: no guide, as without it.
		{"my printer is offline", "", false},
		// The first guide stays: the decision is the one without.
		{"printer wlan", "technik/wlan.md", true},
	}
	for _, tt := range tests {
		var off, on Result
		withEnLex(0, func() { off = ix.Search(tt.query, 3) })
		on = ix.Search(tt.query, 3)
		shown, confident := on.Shown()
		first := ""
		if len(shown) > 0 {
			first = shown[0].ID
		}
		if first != tt.first || confident != tt.confident {
			t.Errorf("%q: first %q confident %v, want %q %v", tt.query, first, confident, tt.first, tt.confident)
		}
		for _, h := range shown {
			for _, o := range off.Hits {
				if h.ID == o.ID && (h.Score != o.Score || h.Strong != o.Strong) {
					t.Errorf("%q: %s Score %v Strong %v with the lexicon, %v %v without", tt.query, h.ID, h.Score, h.Strong, o.Score, o.Strong)
				}
			}
		}
		// The result is the one without the lexicon, but for its order.
		if !sameOrder(on.Hits, off.Hits) || on.Confident != off.Confident || on.Close != off.Close {
			t.Errorf("%q: result %v %v/%v, without the lexicon %v %v/%v", tt.query, on.Hits, on.Confident, on.Close, off.Hits, off.Confident, off.Close)
		}
	}
}

// TestReadMO: the .mo reader returns the English and German strings of a
// catalog, without the context and the plural forms.
func TestReadMO(t *testing.T) {
	b := buildMO([][2]string{{"menu\x04Open File", "Datei öffnen"}, {"%d file\x00%d files", "%d Datei\x00%d Dateien"}})
	got, err := readMO(b)
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]string{{"Open File", "Datei öffnen"}, {"%d file", "%d Datei"}}
	if !slices.Equal(got, want) {
		t.Errorf("readMO = %q, want %q", got, want)
	}
	if _, err := readMO(b[:20]); err == nil {
		t.Error("a short file is read without error")
	}
}

// TestReadQM: the Qt .qm reader returns the source text and the (first)
// translation of each message and skips a message without translation.
func TestReadQM(t *testing.T) {
	b := buildQM([][2]string{{"Open share dialog", "Freigabedialog öffnen"}, {"Sync now", ""}})
	got, err := readQM(b)
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]string{{"Open share dialog", "Freigabedialog öffnen"}}
	if !slices.Equal(got, want) {
		t.Errorf("readQM = %q, want %q", got, want)
	}
	if _, err := readQM(b[:10]); err == nil {
		t.Error("a short file is read without error")
	}
}

// buildQM writes a .qm file with a messages block of the given messages
// (an empty translation is written as none).
func buildQM(msgs [][2]string) []byte {
	be := binary.BigEndian
	field := func(out []byte, tag byte, data []byte, null bool) []byte {
		out = append(out, tag)
		if null {
			return be.AppendUint32(out, 0xffffffff)
		}
		out = be.AppendUint32(out, uint32(len(data)))
		return append(out, data...)
	}
	var block []byte
	for _, m := range msgs {
		var u16 []byte
		for _, r := range utf16.Encode([]rune(m[1])) {
			u16 = be.AppendUint16(u16, r)
		}
		block = field(block, 3, u16, m[1] == "")
		block = field(block, 7, []byte("Ctx"), false)
		block = field(block, 6, []byte(m[0]), false)
		block = append(block, 1)
	}
	out := make([]byte, 16) // magic: not checked
	out = append(out, 0x42)
	out = be.AppendUint32(out, 0) // an empty hashes block
	out = append(out, 0x69)
	out = be.AppendUint32(out, uint32(len(block)))
	return append(out, block...)
}

// buildMO writes a little-endian .mo file of the given messages.
func buildMO(msgs [][2]string) []byte {
	n := uint32(len(msgs))
	head := make([]byte, 28+16*n)
	le := binary.LittleEndian
	le.PutUint32(head[0:], 0x950412de)
	le.PutUint32(head[8:], n)
	le.PutUint32(head[12:], 28)
	le.PutUint32(head[16:], 28+8*n)
	var data []byte
	for side := range 2 {
		for i, m := range msgs {
			at := 28 + 8*n*uint32(side) + 8*uint32(i)
			le.PutUint32(head[at:], uint32(len(m[side])))
			le.PutUint32(head[at+4:], uint32(len(head)+len(data)))
			data = append(data, m[side]...)
			data = append(data, 0)
		}
	}
	return append(head, data...)
}

// TestEnLexLearn: from short aligned UI strings the learner pairs each
// English word with the German word it is translated by, keyed by the
// English stem, and drops words that co-occur in too few strings.
func TestEnLexLearn(t *testing.T) {
	nouns := [][2]string{{"File", "Datei"}, {"Folder", "Ordner"}, {"Page", "Seite"}, {"Image", "Bild"}}
	verbs := [][2]string{{"_Open", "_öffnen"}, {"Save", "speichern"}, {"Delete", "löschen"}}
	var pairs []enlexPair
	for cat := range 2 { // two catalogs with the same strings
		for _, n := range nouns {
			pairs = append(pairs, enlexPair{n[0], n[1], cat})
			for _, v := range verbs {
				pairs = append(pairs, enlexPair{v[0] + " " + n[0], n[1] + " " + v[1], cat})
			}
		}
	}
	pairs = append(pairs, enlexPair{"Printer", "Drucker", 0}) // once: too rare
	// Often, but in one catalog only: a product's collocation.
	for i := range 4 {
		pairs = append(pairs, enlexPair{"Major " + verbs[i%3][0], "Hauptgitterlinien " + verbs[i%3][1], 0})
	}
	// A light verb of commonListEnglish has no row, however often.
	for cat := range 2 {
		for _, n := range nouns {
			pairs = append(pairs, enlexPair{"Take " + n[0], n[1] + " aufnehmen", cat})
		}
	}
	got := map[string][]string{}
	for _, r := range enlexLearn(pairs) {
		got[r.en] = r.de
	}
	for en, want := range map[string]string{"file": "datei", "folder": "ordner", "open": "öffnen", "save": "speichern"} {
		if de := got[en]; len(de) == 0 || de[0] != want {
			t.Errorf("%s → %v, want %q first", en, de, want)
		}
	}
	if de, ok := got["printer"]; ok {
		t.Errorf("printer → %v from one string pair", de)
	}
	if de := got["major"]; slices.Contains(de, "hauptgitterlinien") {
		t.Errorf("major → %v from one catalog", de)
	}
	if de, ok := got["take"]; ok {
		t.Errorf("take → %v: a light verb of commonListEnglish", de)
	}
}

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
// words; the lexicon knows a few IT words.
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

// enlexTestDocs is a small German library with a printer guide and a
// microphone guide.
func enlexTestDocs() []Doc {
	return []Doc{
		{ID: "technik/drucker.md", Title: "Drucker im Büro",
			Summary:  "Was du tust, wenn der Drucker im Büro nicht druckt.",
			Sections: []Section{{"", "Prüfe, ob der Drucker eingeschaltet und im WLAN ist."}}},
		{ID: "bbb/mikrofon.md", Title: "Mikrofon in der Videokonferenz",
			Summary:  "Wenn dich die anderen nicht hören.",
			Sections: []Section{{"", "Erlaube dem Browser das Mikrofon."}}},
	}
}

// TestEnLexEnglishWord: in a message the language vote reads as English,
// an English word the library does not know ("printer") gets its German
// translation the library knows ("Drucker") as a weak alternative, and
// the search finds the guide; in a German message the same word does not
// (there it may be a misspelling or a German word), nor when the lexicon
// is switched off.
func TestEnLexEnglishWord(t *testing.T) {
	ix := Build(enlexTestDocs(), Options{})
	drucker := ix.terms[(&keyer{ix: ix}).key("drucker")]
	tests := []struct {
		name, query string
		off         bool
		want        bool // "printer" has the term of "Drucker"
	}{
		{"English message", "my printer is offline and i can't print the flyers", false, true},
		{"German message", "der printer in der geschäftsstelle geht nicht", false, false},
		{"lexicon off", "my printer is offline and i can't print the flyers", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.off {
				old := enlexWeight
				enlexWeight = 0
				defer func() { enlexWeight = old }()
			}
			got := false
			for _, c := range ix.analyze(tt.query) {
				if c.word != "printer" {
					continue
				}
				for _, a := range c.alts {
					if a.term == drucker {
						got = true
						if !c.typo || a.w != enlexWeight {
							t.Errorf("translation is not weak: typo %v, weight %v", c.typo, a.w)
						}
					}
				}
			}
			if got != tt.want {
				t.Errorf("%q: printer → Drucker = %v, want %v", tt.query, got, tt.want)
			}
		})
	}
	res := ix.Search("my printer is offline", 3)
	if len(res.Hits) == 0 || res.Hits[0].ID != "technik/drucker.md" {
		t.Errorf("English printer question: hits %v, want the printer guide first", res.Hits)
	}
}

// TestEnLexBounded: a lexicon row adds at most enlexMaxRow alternatives,
// and only for words in plain ASCII letters.
func TestEnLexBounded(t *testing.T) {
	ix := Build(enlexTestDocs(), Options{})
	kr := &keyer{ix: ix}
	for _, w := range []string{"printer", "microphone", "café", "2fa"} {
		c := concept{word: w}
		ix.enlexAlts(&c, kr)
		if len(c.alts) > enlexMaxRow || (!asciiLetters(w) && len(c.alts) > 0) {
			t.Errorf("%q: %d alternatives", w, len(c.alts))
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
	var pairs [][2]string
	for _, n := range nouns {
		pairs = append(pairs, n)
		for _, v := range verbs {
			pairs = append(pairs, [2]string{v[0] + " " + n[0], n[1] + " " + v[1]})
		}
	}
	pairs = append(pairs, [2]string{"Printer", "Drucker"}) // once: too rare
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
}

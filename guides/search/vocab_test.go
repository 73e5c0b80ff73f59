package search

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestParseVocab(t *testing.T) {
	const head = "# comment\n" + vocabHeader + "\n"
	tests := []struct {
		name, text string
		want       []glossaryEntry // From and To only
		wantErr    string          // substring; "" for none
	}{
		{"rows", head + "aufnehmen,mitschneiden\taufzeichnen\trecording\n\n# later comment\nhandy\tsmartphone\n",
			[]glossaryEntry{{From: []string{"aufnehmen", "mitschneiden"}, To: []string{"aufzeichnen"}}, {From: []string{"handy"}, To: []string{"smartphone"}}}, ""},
		{"crlf and spaces around commas", "member_words\tguide_words\tnote\r\nlaptop , notebook\tcomputer\tx\r\n",
			[]glossaryEntry{{From: []string{"laptop", "notebook"}, To: []string{"computer"}}}, ""},
		{"hyphenated word", head + "e-mail\tmail\t\n", []glossaryEntry{{From: []string{"e-mail"}, To: []string{"mail"}}}, ""},
		{"no column line", "# only a comment\n", nil, "no column line"},
		{"row before the column line", "handy\tsmartphone\tx\n" + vocabHeader + "\n", nil, "want the column line"},
		{"one field", head + "handy\n", nil, "line 3: want 2 or 3"},
		{"four fields", head + "a\tb\tc\td\n", nil, "got 4"},
		{"two words in one", head + "video call\tvideokonferenz\tx\n", nil, "more than one word"},
		{"upper case", head + "Handy\tsmartphone\tx\n", nil, "not lower case"},
		{"empty word", head + "handy,,fon\tsmartphone\tx\n", nil, "empty word"},
		{"empty guide words", head + "handy\t\tx\n", nil, "guide words"},
		{"punctuation", head + "pw.\tpasswort\tx\n", nil, "not a word"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseVocab(tt.text, "src")
			if tt.wantErr == "" && err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d entries %v, want %d", len(got), got, len(tt.want))
			}
			for i := range got {
				if !slices.Equal(got[i].From, tt.want[i].From) || !slices.Equal(got[i].To, tt.want[i].To) || got[i].Source != "src" {
					t.Errorf("entry %d = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// A bad row costs that row only; the others are kept.
func TestParseVocabSkipsBadRows(t *testing.T) {
	got, err := parseVocab(vocabHeader+"\nHandy\tsmartphone\tx\nlaptop\tcomputer\tx\n", "src")
	if err == nil || len(got) != 1 || got[0].From[0] != "laptop" {
		t.Fatalf("got %v, %v; want the laptop row and an error for line 2", got, err)
	}
}

// TestEverydayParses fails on any row of the shipped everyday vocabulary
// that does not parse (the bot skips it).
func TestEverydayParses(t *testing.T) {
	if everydayErr != nil {
		t.Fatal(everydayErr)
	}
	for _, e := range glossaryEveryday {
		if e.Source != srcEveryday {
			t.Errorf("%v: source %q", e.From, e.Source)
		}
	}
	if everyday2Err != nil {
		t.Fatal(everyday2Err)
	}
	for _, e := range glossaryEveryday2 {
		if e.Source != srcEveryday2 {
			t.Errorf("%v: source %q", e.From, e.Source)
		}
	}
	if n := len(glossaryTools) + len(glossaryChat) + len(glossaryUI) + len(glossaryEveryday) + len(glossaryEveryday2); len(glossary) != n {
		t.Errorf("glossary has %d entries, its groups %d", len(glossary), n)
	}
}

// vocabRows returns the data rows of a vocabulary file as written (no
// comments, blank lines or column line).
func vocabRows(tb testing.TB, path string) []string {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var rows []string
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") || line == vocabHeader {
			continue
		}
		rows = append(rows, line)
	}
	return rows
}

// TestEverydayFromBlind checks that every row of the everyday vocabulary
// is a row of the blind file as written: rows are only dropped, never
// added or edited.
func TestEverydayFromBlind(t *testing.T) {
	checkFromBlind(t, "everyday.tsv", "vocab-blind-2026-12-04.tsv", glossaryEveryday)
}

// TestEveryday2FromBlind checks the same of the second everyday
// vocabulary and its own blind file.
func TestEveryday2FromBlind(t *testing.T) {
	checkFromBlind(t, "everyday2.tsv", "vocab-blind2-2026-12-06.tsv", glossaryEveryday2)
}

// checkFromBlind fails on a row of the vocabulary file kept that is no
// row of testdata/blind as written, on a row that repeats, and on a row
// the parser skipped; kept rows keep the blind file's order.
func checkFromBlind(t *testing.T, kept, blind string, parsed []glossaryEntry) {
	t.Helper()
	rows := vocabRows(t, kept)
	from := vocabRows(t, filepath.Join("testdata", blind))
	at := -1
	for _, r := range rows {
		i := slices.Index(from, r)
		switch {
		case i < 0:
			t.Errorf("%s: row not in %s as written: %q", kept, blind, r)
		case i <= at:
			t.Errorf("%s: row repeated or out of the blind file's order: %q", kept, r)
		default:
			at = i
		}
	}
	if len(rows) != len(parsed) {
		t.Errorf("%s: %d rows, %d entries", kept, len(rows), len(parsed))
	}
}

// A vocabulary row lets a member's word find the guide that uses the
// guide word, and only then.
func TestVocabRowExpands(t *testing.T) {
	docs := []Doc{
		{ID: "speicher.md", Title: "Speicherplatz ist voll", Tags: []string{"speicherplatz"},
			Summary: "Was du tun kannst, wenn dein Speicherplatz in der Cloud voll ist."},
		{ID: "kamera.md", Title: "Kamera wird nicht erkannt", Tags: []string{"kamera"},
			Summary: "Was du tun kannst, wenn deine Kamera nicht startet."},
	}
	rows, err := parseVocab(vocabHeader+"\nlaufwerk,festplatte\tspeicherplatz\tstorage\n", srcEveryday)
	if err != nil {
		t.Fatal(err)
	}
	old := glossary
	defer func() { glossary = old }()
	for _, tt := range []struct {
		name  string
		gloss []glossaryEntry
		want  string
	}{
		{"without the row", glossaryWith(nil), ""},
		{"with the row", glossaryWith(rows), "speicher.md"},
	} {
		glossary = tt.gloss
		res := Build(docs, Options{}).Search("meine festplatte", 3)
		got := ""
		if len(res.Hits) > 0 {
			got = res.Hits[0].ID
		}
		if got != tt.want {
			t.Errorf("%s: first hit %q (%v), want %q", tt.name, got, res.Hits, tt.want)
		}
	}
}

// TestEveryday2Finds: member words of the shipped second everyday
// vocabulary (colloquial compounds, an app's old name) find
// the guide that uses its guide words, and without the group they do not.
func TestEveryday2Finds(t *testing.T) {
	docs := []Doc{
		{ID: "datenschulung.md", Title: "Datenschulung für Aktive", Tags: []string{"datenschulung"},
			Summary: "Wer mit Mitgliederdaten arbeitet, macht vorher die Datenschulung."},
		{ID: "davx5.md", Title: "Kalender auf Android mit DAVx5", Tags: []string{"davx5", "caldav"},
			Summary: "So bringst du den Cloud-Kalender mit DAVx5 auf dein Android-Handy."},
		{ID: "konto.md", Title: "Konto beantragen", Tags: []string{"konto"},
			Summary: "So bekommst du ein Konto für die Cloud."},
	}
	old := glossary
	defer func() { glossary = old }()
	for _, tt := range []struct{ query, want string }{
		{"muss ich einen datenschutzkurs machen", "datenschulung.md"},
		{"dsgvoschulung", "datenschulung.md"},
		{"davdroid", "davx5.md"},
	} {
		for _, with := range []bool{false, true} {
			glossary = old
			want := tt.want
			if !with {
				glossary = slices.Concat(glossaryTools, glossaryChat, glossaryUI, glossaryEveryday)
				want = ""
			}
			res := Build(docs, Options{}).Search(tt.query, 3)
			got := ""
			if len(res.Hits) > 0 {
				got = res.Hits[0].ID
			}
			if got != want {
				t.Errorf("%q with the group %v: first hit %q, want %q", tt.query, with, got, want)
			}
		}
	}
}

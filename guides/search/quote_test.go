package search

import (
	"slices"
	"strings"
	"testing"
)

// TestQuotedTokens: the tokenizer marks the words between quotation marks
// of every style, and those after a colon; an apostrophe inside a word or
// a single mark without its closing mark quotes nothing, and a quote left
// open ends with its line.
func TestQuotedTokens(t *testing.T) {
	tests := []struct{ text, want string }{
		// want: the words, a quoted one in brackets ([w] marks, {w} colon).
		{"die App sagt „Bitte melde dich neu an“ und dann", "die app sagt [bitte] [melde] [dich] [neu] [an] und dann"},
		{"es steht \"Zugriff verweigert\" da", "es steht [zugriff] [verweigert] da"},
		{"»Sitzung abgelaufen« kam", "[sitzung] [abgelaufen] kam"},
		{"«Konto gesperrt» steht da", "[konto] [gesperrt] steht da"},
		{"it says “Try again later” now", "it says [try] [again] [later] now"},
		{"sie zeigt ‚Fehler 17‘ an", "sie zeigt [fehler] an"},
		{"it shows 'session expired' again", "it shows [session] [expired] again"},
		{"Kalender: Abo konnte nicht geladen werden. was tun", "kalender {abo} {konnte} {nicht} {geladen} {werden} was tun"},
		{"Kalender: „Abo fehlt“", "kalender [abo] [fehlt]"},
		// Not quotes: apostrophes, a lone mark, a stray closing mark.
		{"geht's nicht? you're right", "geht nicht you re right"},
		{"hab 'ne frage zum kalender", "hab ne frage zum kalender"},
		{"mein 24\" bildschirm \"neu\"", "mein bildschirm [neu]"},
		// A quote left open ends with its line.
		{"sie sagt „Zugriff verweigert\nwas nun", "sie sagt [zugriff] [verweigert] was nun"},
	}
	for _, tt := range tests {
		var got []string
		for _, tk := range tokenize(tt.text, nil) {
			switch tk.quoted {
			case quotedMarks:
				got = append(got, "["+tk.word+"]")
			case quotedColon:
				got = append(got, "{"+tk.word+"}")
			default:
				got = append(got, tk.word)
			}
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("tokenize(%q) = %q, want %q", tt.text, g, tt.want)
		}
	}
}

// TestQuoteNotAddressee: a "du" in direct speech — between quotation
// marks, or after a colon that introduces speech — is an app speaking to
// the member and does not add the bot's name; a "du" the member says to
// the bot, also next to a quote or after a colon that announces the
// member's own words or calls the bot, still does.
func TestQuoteNotAddressee(t *testing.T) {
	tests := []struct {
		query string
		want  bool
	}{
		{"die Cloud meldet „Dein Speicher ist voll“", false},
		{"Cloud: Deine Dateien werden gelöscht", false},
		{"Kalender sagt: du hast keinen Zugriff", false},
		{"da steht: dein Konto wird gelöscht", false},
		{"oben steht 'Deine Sitzung ist abgelaufen'", false},
		{"»Du hast keinen Speicher mehr« was heißt das", false},
		// The member speaks to the bot.
		{"was speicherst du über mich, wenn die Cloud „Speicher voll“ meldet", true},
		{"„Speicher voll“ – was speicherst du eigentlich über mich", true},
		{"Frage: was speicherst du über mich", true},
		{"mein Problem: was speicherst du über mich", true},
		{"Also: was speicherst du über mich", true},
		{"Noch was: was speicherst du über mich", true},
		{"Übrigens: was speicherst du über mich", true},
		{"Lotse: was speicherst du über mich", true},
		{"ich habe da mal eine lange Frage an euch alle: was speicherst du über mich", true},
	}
	ix := Build(addresseeDocs(), Options{})
	for _, tt := range tests {
		n := 0
		for _, c := range ix.analyze(tt.query) {
			if c.word == "lotse" {
				n++
			}
		}
		if got := n > 0; got != tt.want {
			t.Errorf("%q: addressee concept %v, want %v", tt.query, got, tt.want)
		}
	}
}

// TestQuotedWordsCount: the quoted words stay evidence: a message that is
// all quote finds its guide.
func TestQuotedWordsCount(t *testing.T) {
	ix := Build(addresseeDocs(), Options{})
	r := ix.Search("die Cloud sagt „Dein Speicher ist voll“", 3)
	if len(r.Hits) == 0 || r.Hits[0].ID != "nextcloud/speicher.md" {
		t.Errorf("hits %v, want nextcloud/speicher.md first", r.Hits)
	}
}

// TestQuoteSpeakers: the speaker of a quote is the first content word of
// its label before the verb of saying; a quote with no label, a label
// without a verb of saying or colon, and a colon after the writer's own
// label have none.
func TestQuoteSpeakers(t *testing.T) {
	tests := []struct {
		query string
		want  []string
	}{
		{"mein Scanner sagt „Papier fehlt“", []string{"scanner"}},
		{"der Fernseher zeigt: Kein Signal. was tun", []string{"fernseher"}},
		{"Thunderbird auf dem Laptop: „Server antwortet nicht“", []string{"thunderbird"}},
		{"my watch says \"sync failed\"", []string{"watch"}},
		{"beim Start kam „Update nötig“", []string{"start"}},
		{"Wetter-App: „Standort fehlt“", []string{"wetter"}},
		{"die Wetter-App sagt „Standort fehlt“", []string{"wetter"}},
		{"da steht „Update nötig“", nil},
		{"„Update nötig“ was heißt das", nil},
		{"was bedeutet „Update nötig“", nil},
		{"Frage: was heißt Update nötig", nil},
		{"ich hab ein Problem. „Update nötig“", nil},
	}
	for _, tt := range tests {
		got := quoteSpeakers(tokenize(tt.query, nil), "lotse")
		if !slices.Equal(got, tt.want) {
			t.Errorf("quoteSpeakers(%q) = %q, want %q", tt.query, got, tt.want)
		}
	}
}

// TestOffTopicSpeakers: the speaker of a quote that the library does not
// know at all is an off-topic word, and an off-topic word that speaks a
// quote sets Result.OffTopicSpeaks; a speaker the library knows, a
// misspelt one, an unknown word that speaks no quote and a device named
// without a quote do neither.
func TestOffTopicSpeakers(t *testing.T) {
	tests := []struct {
		query  string
		off    []string
		speaks bool
	}{
		{"der Wasserkocher meldet „Speicher voll“", []string{"wasserkocher"}, true},
		{"Wasserkocher: Speicher voll", []string{"wasserkocher"}, true},
		{"mein Drucker sagt „Speicher voll“", []string{"drucker"}, true},
		{"die Cloud sagt „Speicher voll“", nil, false},
		{"Clowd: „Speicher voll“", nil, false},
		{"der Wasserkocher hat keinen Speicher mehr", nil, false},
		{"der Fernseher hat keinen Speicher mehr", []string{"fernseher"}, false},
		{"mein Drucker hat keinen Speicher mehr", []string{"drucker"}, false},
		{"da steht „Wasserkocher Speicher voll“", nil, false},
		{"mein Nachbar sagt: „Speicher voll“", nil, false},
		{"my colleague says \"storage full\"", nil, false},
		// Persons relay advice: kinship, offices of the association.
		{"mein Sohn sagt: „Speicher voll“", nil, false},
		{"Meine Schwägerin meint: Speicher voll", nil, false},
		{"der Kassenwart schreibt: „Speicher voll“", nil, false},
		{"unsere Schriftführerin sagt „Speicher voll“", nil, false},
		{"die Datenschutzbeauftragte sagt: Speicher voll", nil, false},
		{"der Lautsprecher sagt „Speicher voll“", []string{"lautsprecher"}, true},
		{"my daughter says \"storage full\"", nil, false},
	}
	ix := Build(addresseeDocs(), Options{})
	for _, tt := range tests {
		r := ix.Search(tt.query, 3)
		if !slices.Equal(r.OffTopic, tt.off) || r.OffTopicSpeaks != tt.speaks {
			t.Errorf("%q: OffTopic %q speaks %v, want %q %v", tt.query, r.OffTopic, r.OffTopicSpeaks, tt.off, tt.speaks)
		}
	}
}

// TestQuoteScanLinear: the searches for a single mark's closing mark look
// at each byte of a 60 KB message at most about twice, whatever its marks
// (a search that fails is not repeated on its line; one that succeeds
// is not repeated by a later mark before the mark it found, though its
// quote may end earlier: "'a ' 'a ' … z'").
func TestQuoteScanLinear(t *testing.T) {
	const n = 60_000
	for _, text := range []string{
		strings.Repeat(" 'a", n/3),
		strings.Repeat(" 'ab' x", n/7),
		strings.Repeat(" 'ab x", n/6),
		strings.Repeat(" ‚ab", n/5),
		strings.Repeat("„a “ b: ", n/10),
		" 'a" + strings.Repeat("b", n) + "'",
		strings.Repeat(" 'a '", n/5) + " z'",
	} {
		var q quoteScan
		tokenizeQuotes(text, nil, -1, &q)
		if q.scanned > 2*len(text) {
			t.Errorf("%.20q…: %d bytes scanned for %d", text, q.scanned, len(text))
		}
	}
}

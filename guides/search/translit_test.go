package search

import "testing"

// TestOffTopicWithoutUmlauts: a signal word with an umlaut is the same
// signal when a member writes it without umlauts (ae, oe, ue), as a word
// and as a compound's head; a word without an umlaut is left as it is.
func TestOffTopicWithoutUmlauts(t *testing.T) {
	for _, c := range []struct{ word, want string }{
		{"parteibüro", "parteibüro"},
		{"parteibuero", "parteibüro"},
		{"kreisgeschaeftsstelle", "kreisgeschäftsstelle"},
		{"buerozeiten", "bürozeiten"},
		{"kassenpruefung", "kassenprüfung"},
		{"infobroschuere", "broschüre"}, // compound head
		{"geschaeftsstelle", ""},        // no signal in either spelling
		{"drucker", "drucker"},
	} {
		if got := offTopicWord(c.word); got != c.want {
			t.Errorf("offTopicWord(%q) = %q, want %q", c.word, got, c.want)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"parteibüro", "parteibuero"},
		{"kühlschrank", "kuehlschrank"},
		{"drucker", "drucker"},
	} {
		if got := umlautSpelling(c.in); got != c.want {
			t.Errorf("umlautSpelling(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

package search

import "testing"

// TestOffTopicFunctionWordForm: an inflected form of a signal word that is
// a function word of the language is that word, no signal (thirteenth
// pass): "worden", the passive's participle, is no form of "Word" — "Ich
// bin in den Vorstand gewählt worden" named a product outside the library
// and lost the weak evidence of its guide. The signal word itself and its
// other forms still count.
func TestOffTopicFunctionWordForm(t *testing.T) {
	for _, c := range []struct{ word, want string }{
		{"worden", ""},
		{"word", "word"},
		{"excels", "excel"},
		{"laptops", "laptop"},
	} {
		if got := offTopicWord(c.word); got != c.want {
			t.Errorf("offTopicWord(%q) = %q, want %q", c.word, got, c.want)
		}
	}
	// No form made with an ending is a stop word, whatever the lists hold.
	for form, sig := range offTopicIx.exact {
		if form != sig.word && isStop(form) {
			t.Errorf("form %q of signal %q is a stop word", form, sig.word)
		}
	}
}

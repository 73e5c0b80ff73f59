package search

// Hooks for the external tuning test everyday_tune_test.go (package
// search_test, which measures the everyday vocabulary with the answer
// decision of commands/answer; that package imports this one, so the
// measurement cannot live in package search).

// GlossaryEntry is a glossary entry (member words → guide words).
type GlossaryEntry = glossaryEntry

// ParseEveryday parses a vocabulary file as the everyday group does.
func ParseEveryday(text string) ([]GlossaryEntry, error) { return parseVocab(text, srcEveryday) }

// Everyday returns the shipped everyday group.
func Everyday() []GlossaryEntry { return glossaryEveryday }

// SetEveryday makes es the everyday group of the indexes built from now
// on; restore puts the shipped glossary back.
func SetEveryday(es []GlossaryEntry) (restore func()) {
	old := glossary
	glossary = glossaryWith(es)
	return func() { glossary = old }
}

// ParseEveryday2 parses a vocabulary file as the second everyday group does.
func ParseEveryday2(text string) ([]GlossaryEntry, error) { return parseVocab(text, srcEveryday2) }

// Everyday2 returns the shipped second everyday group.
func Everyday2() []GlossaryEntry { return glossaryEveryday2 }

// SetEveryday2 makes es the second everyday group of the indexes built
// from now on; restore puts the shipped group and glossary back.
func SetEveryday2(es []GlossaryEntry) (restore func()) {
	old, oldE := glossary, glossaryEveryday2
	glossaryEveryday2 = es
	glossary = glossaryWith(glossaryEveryday)
	return func() { glossary, glossaryEveryday2 = old, oldE }
}

// StemsOf returns the index keys (stems) of the words of text.
func StemsOf(text string) map[string]bool {
	st := newStemmer()
	out := map[string]bool{}
	for _, tk := range tokenize(text, nil) {
		out[st.stem(normThesWord(tk.word))] = true
	}
	return out
}

// UILoc returns the shipped UI translations.
func UILoc() []GlossaryEntry { return glossaryUILoc }

// SetUILoc makes es the UI translations and w their default weight
// (negative is off) for the indexes built from now on; restore puts the
// shipped ones back.
func SetUILoc(es []GlossaryEntry, w float64) (restore func()) {
	oldE, oldW := glossaryUILoc, uilocWeight
	glossaryUILoc, uilocWeight = es, w
	return func() { glossaryUILoc, uilocWeight = oldE, oldW }
}

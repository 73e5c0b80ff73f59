package search

import "testing"

// conceptWeights returns the weight of each concept of query by its word.
func conceptWeights(ix *Index, query string) map[string]float64 {
	m := map[string]float64{}
	for _, c := range ix.analyze(query) {
		m[c.word] = c.weight
	}
	return m
}

// TestEnglishCommonWords: the English narrative words of a message weigh
// like their German counterparts in commonList (CommonWeight), so that an
// English story around the topic does not look like an unanswered topic;
// the words of the services do not.
func TestEnglishCommonWords(t *testing.T) {
	ix := Build(testDocs(), Options{})
	cw := ix.opts.CommonWeight
	tests := []struct {
		query, word string
		want        float64
	}{
		{"my camera keeps freezing", "keeps", cw},
		{"other people see a warning next to my name", "people", cw},
		{"other people see a warning next to my name", "see", cw},
		{"password reset during summer break", "summer", cw},
		{"password reset during summer break", "break", cw},
		{"the webcam stopped working yesterday", "yesterday", cw},
		{"my camera keeps freezing", "camera", 1},
		{"is talk better than the call", "talk", 1},
		{"is talk better than the call", "call", 1},
	}
	for _, tt := range tests {
		got, ok := conceptWeights(ix, tt.query)[tt.word]
		if !ok {
			t.Errorf("%q: no concept %q", tt.query, tt.word)
			continue
		}
		if got != tt.want {
			t.Errorf("%q: weight of %q = %v, want %v", tt.query, tt.word, got, tt.want)
		}
	}
}

// TestEnglishFunctionWords: the English counterparts of the German
// function words and chat filler are stop words, like "möchte",
// "vielleicht", "jemand"; the content words of the same messages stay.
func TestEnglishFunctionWords(t *testing.T) {
	ix := Build(testDocs(), Options{})
	tests := []struct {
		query string
		stop  []string
		kept  []string
	}{
		{"i wanna reset my password, maybe someone can help", []string{"wanna", "maybe", "someone"}, []string{"reset", "password"}},
		{"we need to make a new 2fa code", []string{"need", "make"}, []string{"2fa", "code"}},
		{"is it possible to share a file with somebody", []string{"possible", "somebody"}, []string{"share", "file"}},
		{"the camera still never works, unfortunately", []string{"still", "never", "unfortunately"}, []string{"camera"}},
	}
	for _, tt := range tests {
		ws := conceptWeights(ix, tt.query)
		for _, w := range tt.stop {
			if _, ok := ws[w]; ok {
				t.Errorf("%q: %q is a concept, want a stop word", tt.query, w)
			}
		}
		for _, w := range tt.kept {
			if _, ok := ws[w]; !ok {
				t.Errorf("%q: %q is no concept (concepts %v)", tt.query, w, ws)
			}
		}
	}
}

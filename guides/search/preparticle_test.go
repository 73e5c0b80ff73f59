package search

import "testing"

// TestPrepArticleStop: every contraction of a preposition and the article
// (prepArticle, the Duden's closed class, with ASCII spellings) is a stop
// word, as the preposition and the article are.
func TestPrepArticleStop(t *testing.T) {
	for _, w := range []string{"am", "ans", "aufs", "beim", "durchs", "fürs", "fuers", "hinterm", "hinters", "im", "ins",
		"überm", "ueberm", "übers", "uebers", "ums", "unterm", "unters", "vom", "vorm", "vors", "zum", "zur"} {
		if !IsStop(w) {
			t.Errorf("%q is no stop word", w)
		}
	}
}

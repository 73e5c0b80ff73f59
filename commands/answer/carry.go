package answer

import "github.com/lotse-bot/lotse/guides/search"

// carry.go: a choice no shown guide carries with more than one of the
// message's words (twenty-ninth pass, eng29a).

// minCarryContent is the fewest content words a message needs before
// one word per guide counts as too little: a message of two words met in
// one of them is a short guide question as often as not.
const minCarryContent = 3

// restsOnOneEach reports whether every guide a choice would show (the
// first three hits) names at most one of the message's content words,
// while the message has at least minCarryContent of them and one the
// library has no word for at all (search.Result.Content, Lacking, Hit.Met):
// the guides each meet a different word of it in passing, and the matter
// the member writes about is one the library does not know. Source:
// the library's own index and the message; no word list.
func restsOnOneEach(res search.Result) bool {
	if res.Content < minCarryContent || res.Lacking == 0 || len(res.Hits) == 0 {
		return false
	}
	for _, h := range res.Hits[:min(3, len(res.Hits))] {
		if h.Met > 1 {
			return false
		}
	}
	return true
}

package gaps

import (
	"slices"
	"strings"
	"unicode"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/guides/search"
	"github.com/lotse-bot/lotse/storage"
)

// Grouping of unanswered questions, small enough to explain to the team:
//
//  1. Each question becomes its content terms (search.Terms: the words the
//     search would weigh, in a normal form, so "Passwörter" and "passwort"
//     meet; greetings, filler and everyday words are gone).
//  2. Questions are taken oldest first. A question joins the group whose
//     first question ("seed") it resembles most; if it resembles none, it
//     starts a new group. Two questions resemble each other when
//     - they share at least two terms, and at least half of the terms of
//       the shorter one (overlap coefficient ≥ ½); or
//     - the search put the same guide first for both and they share a term
//       (one shared word alone, "Beamer", is too weak a sign: "Beamer
//       ausleihen" and "Beamer geht nicht an" are different needs).
//     Questions without any content term only join a question with the same
//     words.
//  3. Groups are listed largest first, then the most recent first.
//
// Comparing with the seed only (not with every member) keeps a group from
// drifting from one topic to the next through a chain of near neighbours.

// maxExample bounds an example question in the digest (in characters).
const maxExample = 160

// Group is a set of similar unanswered questions.
type Group struct {
	// Count is the number of questions in the group.
	Count int `json:"count"`
	// Outcomes counts them per outcome (none, choose, thumbsdown).
	Outcomes map[string]int `json:"outcomes"`
	// Examples are one or two different questions, shortened: the first
	// and the most recent.
	Examples []string `json:"examples"`
	// Guides are the guides that came closest, most often named first (≤ 3).
	Guides []string `json:"guides"`
	// Terms are the seed question's terms (what the group is about).
	Terms []string `json:"terms"`
	// Members are the indexes of the group's questions in the input.
	Members []int `json:"-"`

	seed    []string
	first   string
	top     string
	latest  int
	weights map[string]int
}

// MaxGrouped bounds the questions one grouping looks at (the most recent
// ones): grouping compares each question with every group so far, and a
// flood of messages must not make the weekly digest expensive.
const MaxGrouped = 2000

// GroupQuestions groups qs (oldest first, as storage lists them); of more
// than MaxGrouped, only the most recent are grouped.
func GroupQuestions(qs []storage.FailedQuestion) []Group {
	off := 0
	if len(qs) > MaxGrouped {
		off = len(qs) - MaxGrouped
		qs = qs[off:]
	}
	var groups []*Group
	for i, q := range qs {
		terms := search.Terms(q.Question)
		top := ""
		if len(q.Guides) > 0 {
			top = q.Guides[0]
		}
		best, bestScore := -1, 0.0
		for gi, g := range groups {
			if s, ok := resemble(terms, top, g.seed, g.top, q.Question, g.first); ok && s > bestScore {
				best, bestScore = gi, s
			}
		}
		if best < 0 {
			groups = append(groups, &Group{Outcomes: map[string]int{}, Terms: terms, seed: terms, first: q.Question, top: top, weights: map[string]int{}})
			best = len(groups) - 1
		}
		g := groups[best]
		g.Count++
		g.Members = append(g.Members, off+i)
		g.Outcomes[q.Outcome]++
		g.latest = i
		for rank, id := range q.Guides {
			if rank < storage.MaxFailedGuides {
				g.weights[id] += storage.MaxFailedGuides - rank
			}
		}
		example := chat.Shorten(q.Question, maxExample)
		switch {
		case len(g.Examples) == 0:
			g.Examples = []string{example}
		case !sameWords(g.Examples[0], example):
			g.Examples = append(g.Examples[:1], example)
		}
	}
	out := make([]Group, 0, len(groups))
	for _, g := range groups {
		g.Guides = topGuides(g.weights)
		out = append(out, *g)
	}
	slices.SortStableFunc(out, func(a, b Group) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return b.latest - a.latest
	})
	for i := range out {
		out[i].seed, out[i].weights = nil, nil
	}
	return out
}

// resemble reports whether a question (terms a, first guide ga, text ta)
// resembles a group's seed (b, gb, tb), and how much (the overlap).
func resemble(a []string, ga string, b []string, gb, ta, tb string) (float64, bool) {
	if len(a) == 0 || len(b) == 0 {
		return 1, len(a) == 0 && len(b) == 0 && sameWords(ta, tb)
	}
	shared := 0
	for _, t := range a {
		if _, ok := slices.BinarySearch(b, t); ok {
			shared++
		}
	}
	if shared == 0 {
		return 0, false
	}
	short := min(len(a), len(b))
	overlap := float64(shared) / float64(short)
	if overlap >= 0.5 && shared >= 2 {
		return overlap, true
	}
	return overlap, ga != "" && ga == gb
}

// topGuides are the guides with the highest weights (a guide named first
// by a question weighs 3, second 2, third 1), at most three.
func topGuides(weights map[string]int) []string {
	ids := make([]string, 0, len(weights))
	for id := range weights {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int {
		if weights[a] != weights[b] {
			return weights[b] - weights[a]
		}
		return strings.Compare(a, b)
	})
	return ids[:min(len(ids), storage.MaxFailedGuides)]
}

// sameWords compares two texts ignoring case, spacing and punctuation.
func sameWords(a, b string) bool {
	norm := func(s string) string {
		return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}), " ")
	}
	return norm(a) == norm(b)
}

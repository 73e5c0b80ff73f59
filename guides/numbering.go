package guides

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
)

// Guides are numbered "topic.guide" as !anleitungen lists them: the topics
// in the library's order, each with the guides its reader may see. The
// numbers are derived from the current library every time, with no stored
// state; the answer workflow (listing, opening) and the learn workflow
// (naming a guide to teach) use the same numbering.

// numberRe is a guide number as a reader types it ("2.3" or "2.3.").
var numberRe = regexp.MustCompile(`^([0-9]{1,3})\.([0-9]{1,3})\.?$`)

// VisibleTopics are the topics of l with the guides visible to the reader
// (team or not), in the library's order; topics with none are left out.
func (l *Library) VisibleTopics(team bool) []Topic {
	var out []Topic
	for _, t := range l.Topics() {
		gs := slices.DeleteFunc(t.Guides, func(g *Guide) bool { return !VisibleTo(g, team) })
		if len(gs) > 0 {
			t.Guides = gs
			out = append(out, t)
		}
	}
	return out
}

// IsNumber reports whether s has the form of a guide number.
func IsNumber(s string) bool { return numberRe.MatchString(s) }

// ByNumber returns the guide numbered s ("topic.guide") in topics, if any.
func ByNumber(topics []Topic, s string) (*Guide, bool) {
	m := numberRe.FindStringSubmatch(s)
	if m == nil {
		return nil, false
	}
	ti, _ := strconv.Atoi(m[1])
	gi, _ := strconv.Atoi(m[2])
	if ti < 1 || ti > len(topics) || gi < 1 || gi > len(topics[ti-1].Guides) {
		return nil, false
	}
	return topics[ti-1].Guides[gi-1], true
}

// NumberOf returns the number of the guide id in topics, or "".
func NumberOf(topics []Topic, id string) string {
	for i, t := range topics {
		for j, g := range t.Guides {
			if g.ID == id {
				return fmt.Sprintf("%d.%d", i+1, j+1)
			}
		}
	}
	return ""
}

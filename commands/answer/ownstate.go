package answer

import "github.com/lotse-bot/lotse/guides/search"

// ownState reports whether a choice led by res.Hits rests on a thing
// whose own state the message tells, and on nothing else the guides
// explain: „mein Handy ist so langsam geworden“, „mein Tablet wird beim
// Laden heiß“. It is device16's reading of an answer (restsOnThing) for
// a choice, with the choice's own bar for what is left:
//
//   - a thing that is not the first guide's own topic is the subject of
//     a clause (thingSubject: the member tells what the thing does or
//     is, Duden grammar: the subject in the Vorfeld of a statement);
//   - the message names none of the association's tools (namesTool) and
//     the first guide is not firmly about the rest of the message
//     (aboutBesidesThing);
//   - no guide the choice would show (the first maxChoices) explains
//     minChoose of the message apart from the thing words
//     (search.Hit.Thing) — without the thing none of them would be
//     offered at all, the weak gate's own bar.
//
// A guide question told with the device as its subject names what the
// guide is about beside it („mein Handy ist weg und ich brauche den
// Code“: the second factor's code; „mein Handy piept dauernd wegen dem
// Chat“: a tool), and that part alone carries a choice. onThingAlone
// asks the same of the first guide's score, but only below
// oneWordScore; a short message whose only content word besides the
// thing is an everyday one („langsam“, a common word) is explained by
// the thing to more than that.
func ownState(res search.Result, qv *qwords) bool {
	if len(res.Hits) == 0 || res.Hits[0].Thing == 0 || namesTool(qv.ws) || aboutBesidesThing(res) {
		return false
	}
	for i, h := range res.Hits {
		if i < maxChoices && h.Score*(1-h.Thing) >= calib.minChoose {
			return false
		}
	}
	return thingSubject(res, qv)
}

package answer

import (
	"slices"
	"strings"
	"unicode"

	"github.com/lotse-bot/lotse/guides/search"
)

// A question for the way to reach an office the member names („welche
// Telefonnummer hat die Geschäftsstelle“, „wie lautet die Nummer vom
// Digitalisierungsteam“) is the person grammar's numberHuman: information
// a guide may give. When no guide answers it outright, the person
// precedence at the end of decide offers a person (a bare request, or a
// number no guide gives). A help desk's careful helper would hand over the
// page of contacts when there is one: the member asked what the number
// is, not to be called.
//
// officeGuide makes that reply a rescued choice of the first guide — one
// guide, with the way to a person as its closing line, so the member who
// wanted a person loses nothing — when the first guide is the contacts
// page of the office asked about: its title names
//
//   - the office by the very noun the message names (isStaff: the
//     Geschäftsstelle, the Büro, a team by its compound name; the word
//     itself, not a compound with it: „das Team“ is not the title's
//     „Digitalisierungsteam“), and
//   - a contact: a contact person or contact (Ansprechperson,
//     Ansprechpartner, Kontakt), a channel (channelWords: Telefonnummer,
//     Hotline, Sprechzeiten) or reachability (erreichbar).
//
// A title is the guide's own statement of what it is about (the strong
// field the search weighs most, guides/search DefaultOptions), so both
// nouns in the title make it the office's contacts page, not a guide that
// names the office in passing. Not touched: a request for a person
// (sureHuman, maybeHuman: „kann mich jemand aus der Geschäftsstelle
// anrufen“), a number of an office no guide names in its title („welche
// Telefonnummer hat die Stadtverwaltung“), the team addressed as „ihr“
// or „euch“ („wie erreiche ich euch“, „habt ihr eine Hotline“), a result
// with a subject outside the library or any exit but the weak gate's, and
// every answer. It searches nothing.
//
// It is called only where the person precedence would give `human` (a
// bare request that got no answer, or a number no guide gives): a choice
// for a message with a question besides the request stays as it is.
// folded are the message's folded words; d is the decision of its
// question part, before the person precedence.
func officeGuide(d Decision, folded []string, opts Options, tx *Texts) (Decision, bool) {
	var hits []search.Hit
	switch {
	case d.Outcome == Choose && !d.Rescued:
		hits = d.Hits
	case d.Outcome == None && d.exit == exitWeak && !d.offTopic && !d.Vague:
		hits = d.Nearest
	}
	if len(hits) == 0 || !contactsPage(hits[0].Title, folded) {
		return d, false
	}
	d.Outcome, d.Hits, d.Also, d.Nearest = Choose, hits[:1], nil, nil
	d.Rescued, d.PersonHint = true, chooseOrPerson(tx, opts, 1)
	d.Reply = choiceMarkdown(hitTitles(d.Hits), tx, d.PersonHint)
	return d, true
}

// contactsPage reports whether title names an office of folded (isStaff,
// the same word) and a contact (contactWord).
func contactsPage(title string, folded []string) bool {
	tw := strings.FieldsFunc(strings.ToLower(title), func(r rune) bool { return !unicode.IsLetter(r) })
	office, contact := false, false
	for _, w := range tw {
		w = fold(w)
		if contactWord(w) {
			contact = true
			continue
		}
		if isStaff(w) && slices.Contains(folded, w) {
			office = true
		}
	}
	return office && contact
}

// contactWord reports whether the folded title word w names a contact: a
// contact person (Ansprechperson, Ansprechpartner:in, Kontaktperson), a
// contact (Kontakt, Kontakte, Kontaktdaten, contact), a channel
// (channelWords) or reachability (erreichbar, Erreichbarkeit).
func contactWord(w string) bool {
	return strings.HasPrefix(w, "ansprechp") || strings.HasPrefix(w, "kontakt") || strings.HasPrefix(w, "contact") ||
		strings.HasPrefix(w, "erreichbar") || channelWords[w]
}

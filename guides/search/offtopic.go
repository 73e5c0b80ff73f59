package search

import "strings"

// Off-topic signals: words that name a subject an association's IT help
// does not cover — the party's own work and everyday hardware and
// software outside the association's tools. A message whose only overlap
// with the library is a generic topic word ("Gruppe", "Raum", "Handy")
// while its subject is one of these ("Wahlplakat", "Drucker") should not
// get a "Meintest du …?" with guides about something else.
//
// The list is written from the categories, not from question sets: the
// work areas of a party's regional office that members bring to it
// (membership and fees, donations and expenses, campaign material and
// events, party bodies and elections, press), and the device and software
// classes of a home or office computer that a volunteer IT team of an
// association does not support (printer, laptop, router; office suites,
// commercial messengers and social networks, video services other than
// the association's own). Words that the guides of an IT help library use
// for their own subject or as the setting of a real question (Browser,
// Headset, Tablet, Monitor, Display, WLAN, Windows, Outlook, Presse,
// Programm, Material, Kosten, Veranstaltung, Antrag, Mitgliederversammlung)
// are left out on purpose: they are not a signal. So are words with a
// common second meaning in IT help (Austritt/austreten: leaving a room or a
// list; Steuer: steuern; delegieren: a task).
//
// A signal does not decide anything on its own: it only counts when the
// first guide does not name that very word in its title, tags, aliases,
// example questions or summary. A library that has a guide about printers
// answers printer questions as before.
type offTopicGroup struct {
	Name string
	// Words are folded surface words. A leading "*" lets the word also
	// end a longer compound ("*plakat": Wahlplakat, Großflächenplakat).
	Words []string
}

var offTopicGroups = []offTopicGroup{
	{"membership", []string{"mitgliedsbeitrag", "mitgliedsbeiträge", "beitragssatz", "beitragszahlung", "mitgliedsausweis",
		"parteibuch", "parteiaustritt", "bankverbindung", "kontoverbindung", "iban", "lastschrift",
		"mitgliedsantrag", "parteieintritt", "satzung"}},
	{"money", []string{"*spende", "*spenden", "*quittung", "zuwendungsbestätigung", "*erstattung", "erstattet", "fahrtkosten",
		"reisekosten", "*rechnung", "finanzamt", "steuererklärung", "*zuschuss"}},
	{"campaign", []string{"*plakat", "plakatieren", "*flyer", "*infostand", "aufkleber", "sticker", "*broschüre",
		"wahlkampfmaterial", "infomaterial", "demo", "*demonstration", "kundgebung", "haustürwahlkampf"}},
	{"party bodies and elections", []string{"*parteitag", "delegierte", "delegierter", "kandidatur",
		"kandidieren", "kandidatin", "kandidat", "*wahlprogramm", "parteiprogramm", "grundsatzprogramm", "briefwahl", "wahlbenachrichtigung", "wahlkreis",
		"wahlliste", "listenplatz", "pressemitteilung", "pressesprecherin", "pressesprecher"}},
	{"hardware", []string{"drucker", "scanner", "laptop", "notebook", "festplatte",
		"tastatur", "maus", "router", "fritzbox", "akku", "usbstick", "ladekabel",
		// The same devices in English (round 2).
		"printer", "keyboard", "battery", "charger"}},
	{"other software and services", []string{"word", "excel", "powerpoint", "libreoffice", "openoffice", "whatsapp",
		"telegram", "instagram", "facebook", "tiktok", "twitter", "mastodon", "zoom", "skype", "webex", "virus",
		"trojaner", "antivirus", "gmail", "icloud", "canva", "photoshop",
		// Entertainment streaming services (round 2).
		"netflix", "spotify"}},
}

// OffTopicGroup returns the name of the off-topic group a query word
// (folded, as in Result.OffTopic) belongs to, or "".
func OffTopicGroup(w string) string {
	for gi, g := range offTopicGroups {
		if offTopicMatch(w, gi) != "" {
			return g.Name
		}
	}
	return ""
}

// OffTopicGroupNames lists the names of the off-topic groups.
func OffTopicGroupNames() []string {
	names := make([]string, len(offTopicGroups))
	for i, g := range offTopicGroups {
		names[i] = g.Name
	}
	return names
}

// offTopicEnds are the inflection endings a signal word may carry.
var offTopicEnds = []string{"", "e", "n", "en", "s", "es", "er"}

// offTopicIndex holds, per group, the exact forms (word plus ending) and
// the forms of the compound heads ("*" entries) of its signal words.
type offTopicIndex struct {
	exact map[string]string // form → signal word
	heads []offTopicHead    // head by head, each with its endings in order
}

// offTopicHead is one form (head plus ending) a compound may end with.
type offTopicHead struct{ form, head string }

var offTopicByGroup = func() []offTopicIndex {
	out := make([]offTopicIndex, len(offTopicGroups))
	for i, g := range offTopicGroups {
		out[i].exact = map[string]string{}
		for _, s := range g.Words {
			h, isHead := strings.CutPrefix(s, "*")
			for _, end := range offTopicEnds {
				out[i].exact[h+end] = h
				if isHead {
					out[i].heads = append(out[i].heads, offTopicHead{h + end, h})
				}
			}
		}
	}
	return out
}()

// offTopicMatch returns the signal word of group gi that the folded query
// word w is (or ends, for a compound head of at least three more letters),
// or "".
func offTopicMatch(w string, gi int) string {
	g := &offTopicByGroup[gi]
	if s, ok := g.exact[w]; ok {
		return s
	}
	for _, h := range g.heads {
		if len(w) >= len(h.form)+3 && strings.HasSuffix(w, h.form) {
			return h.head
		}
	}
	return ""
}

// offTopicWord returns the signal word w is of any group, or "".
func offTopicWord(w string) string {
	for gi := range offTopicByGroup {
		if s := offTopicMatch(w, gi); s != "" {
			return s
		}
	}
	return ""
}

// offTopic returns the off-topic signal words among the query's tokens
// that the guide doc does not name in its strong fields (the word itself
// or its stem).
func (ix *Index) offTopic(toks []rawToken, doc int32) []string {
	var out []string
	key := (&keyer{ix: ix}).key
	for _, t := range toks {
		if t.joined || len(t.word) > maxQueryWord {
			continue
		}
		s := offTopicWord(t.word)
		if s == "" || ix.namesStrong(doc, key(t.word)) || ix.namesStrong(doc, key(s)) {
			continue
		}
		out = append(out, t.word)
	}
	return out
}

// namesStrong reports whether guide doc has the term with stem key k in a
// field its author wrote to describe it (title, tags, aliases, example
// questions, summary). Learned questions do not count: they are members'
// words, with the setting of their question ("auf meinem Laptop").
func (ix *Index) namesStrong(doc int32, k string) bool {
	id, ok := ix.terms[k]
	if !ok {
		return false
	}
	for _, p := range ix.postings[id] {
		if p.doc == doc {
			return p.mask&authorFields != 0
		}
	}
	return false
}

// strongFor sets which fields of a guide say what it is about for each
// concept of a query: title, tags, aliases, example questions, summary and
// the questions the team taught it — but for an off-topic signal word
// ("Laptop", "Parteitag") only the fields its author wrote. A learned
// question is a member's wording and names the setting of their question
// ("auf dem neuen Laptop …"); it must make the guide findable, not make it
// a firm answer to "mein Laptop geht nicht mehr an".
func strongFor(cs []concept) {
	for i := range cs {
		c := &cs[i]
		c.strong = strongFields
		if len(c.word) <= maxQueryWord && offTopicWord(c.word) != "" {
			c.strong = authorFields
		}
	}
}

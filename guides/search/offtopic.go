package search

import (
	"slices"
	"strings"
	"unicode/utf8"
)

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
// events, party bodies and elections, press; ninth pass: the membership
// sections of party statutes, a party's finance rules, campaign handbooks'
// street work and the office as a place), and the device and software
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
// Beside this hand-written list, the named products, services, providers
// and devices of a blind list (otherthings.go, eighth pass) are signals:
// other companies' mail, banking, telephone, messenger, cloud, office,
// shopping, streaming and security products and other devices.
//
// A signal does not decide anything on its own: it only counts when the
// first guide does not name that very word (or a longer word that begins
// with it, namesVariant) in its title, tags, aliases, example questions
// or summary. A library that has a guide about printers answers printer
// questions as before. A party matter (offTopicGroup.Matter) also counts
// as named when the first guide presents the office and names the word
// anywhere, its body too (presentsOffice, tenth pass).
type offTopicGroup struct {
	Name string
	// Words are folded surface words. A leading "*" lets the word also
	// end a longer compound ("*plakat": Wahlplakat, Großflächenplakat).
	// A word written with a hyphen, dot or "!" between its parts
	// ("google-kalender", "web.de", "fritz!box") names one thing in two
	// or three words: it matches them written apart, hyphenated or
	// closed up ("google kalender", "Google-Kalender", "googlekalender").
	Words []string
	// Device: the group names devices, which are often the setting of a
	// real question ("Element auf dem iPhone", "auf dem Laptop geht das
	// Mikrofon nicht") rather than what it is about; the decision gives
	// them a higher bar (commands/answer: offTopicOnOneWord,
	// offTopicAsSetting).
	Device bool
	// Weak: the group's words are named in some guide of an IT help
	// library as the setting of its questions (Outlook, iPhone), or are
	// everyday words as well (Alexa, TV, Signal): a weak signal, which only counts when the message meets its first guide in
	// one word (commands/answer: offTopicOnOneWord).
	Weak bool
	// Bare: the words match only as written, without inflection endings
	// (offTopicEnds). An everyday word that also names a product
	// ("Klingel", "Ring") inflects into other everyday words ("klingeln",
	// "Ringe"); the product's name is not inflected.
	Bare bool
	// Matter: the group names a party matter that the regional office
	// handles (membership, money, campaign, party bodies, the office). A
	// guide that presents the office (presentsOffice) and lists such a
	// matter anywhere in its text — in its body too, as a contacts guide
	// lists what the office is responsible for ("Mitgliederverwaltung:
	// Adressänderung, neue Bankverbindung …") — is about it: the word
	// counts as named (tenth pass).
	// Devices and products are not matters: bodies mention them in
	// passing as the setting of a step ("im Browser", "am Laptop"), which
	// is why the other groups need the author's strong fields.
	Matter bool
}

// offTopicGroups are the hand-written groups (party work, hardware, other
// software) followed by the groups of the blind list of other things
// (otherthings.go).
var offTopicGroups = append(partyAndDeviceGroups, otherThingsGroups...)

// partyAndDeviceGroups is the hand-written list (second pass and later).
var partyAndDeviceGroups = []offTopicGroup{
	{Name: "membership", Matter: true, Words: []string{"mitgliedsbeitrag", "mitgliedsbeiträge", "beitragssatz", "beitragszahlung", "mitgliedsausweis",
		"parteibuch", "parteiaustritt", "bankverbindung", "kontoverbindung", "iban", "lastschrift",
		"mitgliedsantrag", "parteieintritt", "satzung",
		// Ninth pass: the membership sections of German party statutes
		// (SPD Organisationsstatut, Bundessatzungen of Bündnis 90/Die
		// Grünen and Die Linke: where members are registered and what a
		// member reports, a new address or a move to another branch).
		"mitgliederverwaltung", "mitgliederdatei", "mitgliederverzeichnis", "mitgliedsnummer",
		"adressänderung", "wohnsitzwechsel", "wohnortwechsel"}},
	{Name: "money", Matter: true, Words: []string{"*spende", "*spenden", "*quittung", "zuwendungsbestätigung", "*erstattung", "erstattet", "fahrtkosten",
		"reisekosten", "*rechnung", "finanzamt", "steuererklärung", "*zuschuss",
		// Ninth pass: a party's finance rules (Finanzordnung,
		// Beitragsordnung) and the Parteiengesetz's accounts (§§ 23 ff.:
		// Rechenschaftsbericht, Kassenprüfung). The roles (Schatzmeister,
		// Kassenprüferin) are left out: a person is whom a member shares
		// a file with or writes to, the setting of a guide question.
		"finanzordnung", "beitragsordnung", "kassenprüfung", "kassenbericht", "rechenschaftsbericht",
		"mandatsträgerabgabe", "sonderbeitrag"}},
	{Name: "campaign", Matter: true, Words: []string{"*plakat", "plakatieren", "*flyer", "*infostand", "aufkleber", "sticker", "*broschüre",
		"wahlkampfmaterial", "infomaterial", "demo", "*demonstration", "kundgebung", "haustürwahlkampf",
		// Ninth pass: campaign vocabulary of a party's campaign handbooks
		// (street work and polling day; "Wahlkampf" itself is left out:
		// a guide names it as the setting of its tools, and so are the
		// roles, Wahlhelfer, for the reason given with the money group).
		"wahlwerbung", "*wahlstand", "verteilaktion", "steckaktion", "stimmzettel"}},
	{Name: "party bodies and elections", Matter: true, Words: []string{"*parteitag", "delegierte", "delegierter", "kandidatur",
		"kandidieren", "kandidatin", "kandidat", "*wahlprogramm", "parteiprogramm", "grundsatzprogramm", "briefwahl", "wahlbenachrichtigung", "wahlkreis",
		"wahlliste", "listenplatz", "pressemitteilung", "pressesprecherin", "pressesprecher"}},
	// Ninth pass: the office itself — the premises and hours of a party's
	// office as the statutes name it (Geschäftsstelle) and members call it
	// (Parteibüro). "Geschäftsstelle" and "Landesgeschäftsstelle" are left
	// out: guides name the office as the way to a person. A place is, like
	// a device, often the setting of a real question ("im Parteibüro geht
	// mein Mikrofon in der Konferenz nicht"), so the group takes the
	// device bars (Device).
	{Name: "office", Matter: true, Device: true, Words: []string{"parteibüro", "kreisgeschäftsstelle", "bürozeiten", "sprechzeiten"}},
	{Name: "hardware", Device: true, Words: []string{"drucker", "scanner", "laptop", "notebook", "festplatte",
		"tastatur", "maus", "router", "fritzbox", "akku", "usbstick", "ladekabel",
		// The same devices in English (round 2).
		"printer", "keyboard", "battery", "charger"}},
	{Name: "other software and services", Words: []string{"word", "excel", "powerpoint", "libreoffice", "openoffice", "whatsapp",
		"telegram", "instagram", "facebook", "tiktok", "twitter", "mastodon", "zoom", "skype", "webex", "virus",
		"trojaner", "antivirus", "gmail", "icloud", "canva", "photoshop",
		// Entertainment streaming services (round 2).
		"netflix", "spotify"}},
}

// OffTopicGroup returns the name of the off-topic group a query word
// (folded, as in Result.OffTopic) belongs to, or "".
func OffTopicGroup(w string) string {
	if g := offTopicGroupOf(w); g != nil {
		return g.Name
	}
	return ""
}

// OffTopicDevice reports whether the query word w (folded, as in
// Result.OffTopic) names a device (an off-topic group with Device set).
func OffTopicDevice(w string) bool {
	g := offTopicGroupOf(w)
	return g != nil && g.Device
}

// OffTopicWeak reports whether the query word w (folded, as in
// Result.OffTopic) is a weak signal (an off-topic group with Weak set).
func OffTopicWeak(w string) bool {
	g := offTopicGroupOf(w)
	return g != nil && g.Weak
}

// OffTopicBare reports whether the query word w (folded, as in
// Result.OffTopic) is a signal that is also an everyday word (an
// off-topic group with Bare set: "TV", "Signal", "Alexa").
func OffTopicBare(w string) bool {
	g := offTopicGroupOf(w)
	return g != nil && g.Bare
}

// offTopicGroupOf returns the off-topic group of the signal the folded
// query word w is (offTopicLookup), or nil when w is none.
func offTopicGroupOf(w string) *offTopicGroup {
	if s := offTopicLookup(w); s.word != "" {
		return &offTopicGroups[s.group]
	}
	return nil
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

// offTopicSignal is the signal word a form stands for and its group; parts
// holds the words of a signal written in several ("google", "kalender").
type offTopicSignal struct {
	word  string
	group int
	parts []string
}

// offTopicIndex holds the exact forms (word plus ending) of every group's
// signal words, the first group that names a form winning, and the forms
// of the compound heads ("*" entries).
type offTopicIndex struct {
	exact map[string]offTopicSignal // form → signal
	heads []offTopicHead            // head by head, each with its endings in order
	// firsts are the first words of the signals written in several
	// words ("google" of "google-kalender"), folded.
	firsts map[string]bool
}

// offTopicHead is one form (head plus ending) a compound may end with.
type offTopicHead struct {
	form string
	sig  offTopicSignal
}

// offTopicParts splits a list word at the marks that join the words of
// one name (hyphen, dot, "!", "+", "&", space) into folded parts and
// returns them with the name closed up (all its letters and digits:
// "t-online" → "tonline", "fritz!box" → "fritzbox"), as the tokenizer
// joins a hyphenated word.
func offTopicParts(s string) (closed string, parts []string) {
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) }) {
		p = foldWord(p)
		closed += p
		parts = append(parts, p)
	}
	return closed, parts
}

var offTopicIx = func() offTopicIndex {
	ix := offTopicIndex{exact: map[string]offTopicSignal{}, firsts: map[string]bool{}}
	for gi, g := range offTopicGroups {
		for _, s := range g.Words {
			h, isHead := strings.CutPrefix(s, "*")
			closed, parts := offTopicParts(h)
			if allDigits(closed) || utf8.RuneCountInString(closed) < 2 {
				continue // no word of a message ("1&1")
			}
			sig := offTopicSignal{word: closed, group: gi}
			if len(parts) > 1 {
				sig.parts = parts
				ix.firsts[parts[0]] = true
			}
			ends := offTopicEnds
			if len(parts) > 1 || g.Bare {
				// A name of several words is not inflected, and an
				// ending would let a short last part meet a longer
				// word ("mail.de" and "Mail des …"); nor is a bare
				// group's (offTopicGroup.Bare).
				ends = ends[:1]
			}
			for _, end := range ends {
				if end != "" && isStop(sig.word+end) {
					// An ending that makes a function word of the
					// language is that word, not the name inflected:
					// "worden" (the passive's participle) is no
					// form of "Word".
					continue
				}
				// The form as written, and as a member without
				// umlauts on the keyboard writes it („parteibuero“:
				// umlautSpelling); the search folds both alike.
				for _, form := range slices.Compact([]string{sig.word + end, umlautSpelling(sig.word + end)}) {
					if _, ok := ix.exact[form]; !ok {
						ix.exact[form] = sig
					}
					if isHead {
						ix.heads = append(ix.heads, offTopicHead{form, sig})
					}
				}
			}
		}
	}
	return ix
}()

// offTopicLookup returns the signal the folded query word w is (or ends,
// for a compound head of at least three more letters); its word is ""
// when w is none.
func offTopicLookup(w string) offTopicSignal {
	if s, ok := offTopicIx.exact[w]; ok {
		return s
	}
	for _, h := range offTopicIx.heads {
		if len(w) >= len(h.form)+3 && strings.HasSuffix(w, h.form) {
			return h.sig
		}
	}
	return offTopicSignal{}
}

// offTopicWord returns the signal word w is of any group, or "".
func offTopicWord(w string) string {
	return offTopicLookup(w).word
}

// offTopic returns the off-topic signal words among the query's tokens
// that the guide doc does not name in its strong fields (the word itself,
// its stem, or a longer word that begins with it: namesVariant; a signal of
// several words: the words closed up, or each of them). A signal of several words is found written apart ("google
// kalender": the closed-up form of two or three neighbouring words),
// hyphenated (the tokenizer's joined form) or closed up. The names that
// read as the common word they also are (plain: wordReadings) are none.
func (ix *Index) offTopic(toks []rawToken, doc int32, plain []string, kr *keyer) []string {
	var out []string
	key := kr.key
	named := func(s offTopicSignal, w string) bool {
		if ix.namesVariant(doc, w) || ix.namesVariant(doc, s.word) {
			return true
		}
		if len(s.parts) == 0 {
			if offTopicGroups[s.group].Matter && ix.presentsOffice(doc, key) {
				return ix.namesAny(doc, key(w)) || ix.namesAny(doc, key(s.word))
			}
			return ix.namesStrong(doc, key(w)) || ix.namesStrong(doc, key(s.word))
		}
		// A name of several words: the guide names each of them (the
		// stem of the closed-up form would be that of its last part, a
		// compound's head: "Googlekalender" → Kalender).
		for _, p := range s.parts {
			if !ix.namesStrong(doc, key(p)) {
				return false
			}
		}
		return true
	}
	add := func(s offTopicSignal, w string) {
		if s.word != "" && !slices.Contains(out, w) && !slices.Contains(plain, w) && !named(s, w) {
			out = append(out, w)
		}
	}
	phrase := func(w string) {
		if s, ok := offTopicIx.exact[w]; ok && s.parts != nil && len(w) <= maxQueryWord {
			add(s, w)
		}
	}
	var prev [2]string // the two non-joined words before the current one
	for _, t := range toks {
		if len(t.word) > maxQueryWord {
			prev = [2]string{}
			continue
		}
		if t.joined {
			if s := offTopicLookup(t.word); s.parts != nil {
				add(s, t.word)
			}
			continue
		}
		add(offTopicLookup(t.word), t.word)
		// A name of two or three words written apart: the closed-up
		// form of the word and the one or two before it, tried only
		// after a first word of such a name.
		if offTopicIx.firsts[prev[1]] {
			phrase(prev[1] + t.word)
		}
		if offTopicIx.firsts[prev[0]] {
			phrase(prev[0] + prev[1] + t.word)
		}
		prev = [2]string{prev[1], t.word}
		if t.end {
			prev = [2]string{} // a name does not run across a clause's end
		}
	}
	return out
}

// namesVariant reports whether guide doc has, in a field its author wrote
// to describe it, a term that begins with the signal word w (folded, at
// least minVariant letters) and is longer: a variant or edition of the
// product ("KeePass" → KeePassXC, "Office" → Office365) or a compound it
// begins ("Fernseher" → Fernseherkabel). The guide names the thing.
func (ix *Index) namesVariant(doc int32, w string) bool {
	if len(w) < minVariant || int(doc) >= len(ix.docTopic) {
		return false
	}
	for _, id := range ix.docTopic[doc] {
		if k := ix.termKeys[id]; len(k) > len(w) && strings.HasPrefix(k, w) {
			return true
		}
	}
	return false
}

// minVariant is the shortest signal word namesVariant looks for (bytes):
// shorter names begin too many unrelated words ("Sky" → Skype).
const minVariant = 5

// namesStrong reports whether guide doc has the term with stem key k in a
// field its author wrote to describe it (title, tags, aliases, example
// questions, summary). Learned questions do not count: they are members'
// words, with the setting of their question ("auf meinem Laptop").
func (ix *Index) namesStrong(doc int32, k string) bool {
	return ix.namesIn(doc, k, authorFields)
}

// namesAny reports whether guide doc has the term with stem key k in any
// field its author wrote (the strong fields, headings or body); learned
// questions do not count, as for namesStrong. It is the bar for a party
// matter (offTopicGroup.Matter).
func (ix *Index) namesAny(doc int32, k string) bool {
	return ix.namesIn(doc, k, ^uint8(1<<fLearned))
}

// namesIn reports whether guide doc has the term with stem key k in one
// of fields (a mask of field bits, as posting.mask).
func (ix *Index) namesIn(doc int32, k string, fields uint8) bool {
	id, ok := ix.terms[k]
	if !ok {
		return false
	}
	p, ok := ix.postingFor(id, doc)
	return ok && p.mask&fields != 0
}

// officeWords name the party's office as a place members turn to: the
// statutes' word (Geschäftsstelle, and its compounds: Landes-,
// Kreisgeschäftsstelle) and the members' (Parteibüro), as the office
// group says.
var officeWords = []string{"geschäftsstelle", "parteibüro"}

// presentsOffice reports whether guide doc presents the party's office:
// its author's fields name it (officeWords, or a compound that ends with
// one). Such a guide says who handles which matter, and its body lists
// the office's matters as its own subject ("Mitgliederverwaltung:
// Adressänderung, neue Bankverbindung …"); a tool guide that mentions a
// matter as an example ("Plakate aufhängen" on a task board) does not.
func (ix *Index) presentsOffice(doc int32, key func(string) string) bool {
	if int(doc) >= len(ix.docTopic) {
		return false
	}
	for _, w := range officeWords {
		o := key(w)
		if o == "" {
			continue
		}
		for _, id := range ix.docTopic[doc] {
			if strings.HasSuffix(ix.termKeys[id], o) {
				return true
			}
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

package answer

import (
	"slices"
	"strings"

	"github.com/lotse-bot/lotse/guides/search"
)

// A thing bound to the message's subject. The guides name the member's
// devices and other products as the setting of their own matter („Die
// Nextcloud-App auf dem Handy“, „Benachrichtigungen am Handy“), and a
// member asking about the association's tools names the device the same
// way: „die Kamera an meinem Laptop geht in der Konferenz nicht“. A
// message about another product's or the device's own matter binds the
// generic word a guide meets — Passwort, Speicher, Kamera, Gruppe — to
// that thing as its attribute (Duden grammar, Attribute): its owner or
// part, in the genitive or its colloquial replacement by „von“ + dative
// („das Passwort meiner Fritzbox“, „das Passwort von meiner Fritzbox“,
// „die Kamera vom Handy“), its purpose („das Passwort fürs Netflix-Konto“),
// or a proper name before the noun as its modifier („in der
// WhatsApp-Gruppe“, „meinen Google Kalender“). Such a message, naming none
// of the association's tools, gets the honest no in place of a choice of
// guides that meet only the generic word.

// boundKind is how a thing is bound to the noun before it.
type boundKind int

const (
	boundNone     boundKind = iota
	boundOwner              // genitive or „von“/„vom“/"of": the thing owns the noun
	boundPurpose            // „für“/„fürs“/"for": the noun is for the thing
	boundModifier           // a product's name before a noun: the noun is the product's
)

// boundThing returns the thing word of the message (words qv) that is
// bound as an attribute to a noun of the message (boundAt), or "": a
// thing of res.Things or a signal of signals, which the first guide does
// not name in
// what it says it is about (search.Hit.ThingTopics: „die Benachrichtigungen
// auf meinem Handy“ for „Benachrichtigungen am Handy“), in a message that
// names none of the association's tools by name (namesToolName: „die
// Kamera von meinem Laptop geht in BBB nicht“). signals are the search's
// off-topic words that still veto (decideSearch: a claimed sender, a
// comparison, a mailbox or a product a shown guide names as its setting
// set aside), party work left out: a party's document is the object of
// a tool question as often as not (partyInTool).
func boundThing(res search.Result, signals []string, qv *qwords, about func(w string) bool) string {
	if len(res.Hits) == 0 || namesToolName(qv.ws) {
		return ""
	}
	words := qv.words()
	var doubt []bool
	for j := range words {
		w, raw := words[j], qv.ws[j].w
		ti := slices.IndexFunc(res.Things, func(t string) bool { return t == w || t == raw })
		signal := (slices.Contains(signals, w) || slices.Contains(signals, raw)) && !partyGroups[search.OffTopicGroup(w)]
		if ti < 0 && !signal {
			continue
		}
		if ti >= 0 && ti < 64 && res.Hits[0].ThingTopics&(1<<ti) != 0 {
			continue
		}
		k, n := boundAt(qv, j, signal && !search.OffTopicDevice(w))
		if k == boundNone {
			continue
		}
		if doubt == nil {
			doubt, _ = sentenceFlags(qv)
		}
		if doubt[j] {
			// „der Link von der Facebook-Seite …, ist das Phishing?“:
			// the thing is where a doubted message came from (aside.go).
			continue
		}
		// A thing the guides name themselves (a weak signal: iPhone,
		// Outlook; a device's common noun: Handy, Kamera) owns only a
		// part of it, a thing too („die Kamera vom Handy“): „der Code
		// vom Handy“, „die Benachrichtigungen von meinem Handy“ are the
		// guides' own matter on the device.
		if k != boundModifier && !(signal && !search.OffTopicWeak(w)) && !isThingWord(res, qv, n) {
			continue
		}
		// A part that is the first guide's own topic is what the
		// message asks about, its owner the setting: „die Kamera von
		// meinem Laptop geht nicht“ and the camera guide.
		if ni := thingIndex(res, qv, n); ni >= 0 && ni < 64 && res.Hits[0].ThingTopics&(1<<ni) != 0 {
			continue
		}
		// A part of a computer or phone the tools run on that the
		// first guide is about, a thing or not: „das Mikrofon von
		// meinem Laptop geht nicht“ and the microphone guide, „der
		// Ton von meinem Laptop ist weg“ and the audio guide. The
		// device is where the guide's matter happens. Another
		// device's part („der Ton meiner Playstation“) and what is
		// no part of the device („das Passwort von meinem Laptop“,
		// the device's own login) stay bound.
		if endDevice(w) && deviceParts[words[n]] && about != nil && about(qv.ws[n].w) {
			continue
		}
		// The member asks in another clause („der Speicher von meinem
		// Laptop ist voll, kann ich Dateien nur online haben“): the
		// bound phrase tells the setting of that question.
		if askedElsewhere(qv, j) {
			continue
		}
		return w
	}
	return ""
}

// endDevice reports whether the thing word w names a computer, tablet or
// phone, the member's device the association's tools run on (Duden:
// Endgerät): the device makers and systems of the list of other things
// (otherthings.tsv: Windows, MacBook, ThinkPad …; the guides' own ones,
// Handy, iPhone, are weak and own only a part that is a thing) and the
// hardware group's portable computer (Laptop, Notebook). A router, a
// printer, a television or a console runs none of the tools: a part of
// theirs is their own matter.
func endDevice(w string) bool {
	return strings.HasPrefix(search.ThingGroup(w), "device makers and systems") || computerWords[w]
}

// deviceParts: the parts of a computer or phone and what they put out
// (Duden: Hardware, Peripheriegerät; Wikipedia „Notebook“, Aufbau: the
// screen, keyboard and pointing device, camera, microphone, speakers,
// battery, storage; their sound and picture), singular and plural,
// folded; the everyday short forms „Mikro“, „Display“; English the same
// (Cambridge: laptop, parts). Not „Speicher“:
// the word names the cloud's space as often as the device's (the guides'
// „Speicherplatz in der Cloud“), and a full laptop is not where the
// cloud's space runs out („der Speicher von meinem Laptop ist voll“ stays
// bound; on the probes it went back to a choice of the cloud guide).
var deviceParts = set("mikrofon", "mikrofone", "mikro", "mikros", "lautsprecher", "kopfhoerer", "headset", "headsets",
	"kamera", "kameras", "webcam", "webcams", "bildschirm", "bildschirme", "display", "displays", "monitor", "monitore",
	"ton", "sound", "audio", "bild", "lautstaerke", "tastatur", "touchpad", "maus", "akku", "festplatte",
	"microphone", "mic", "speaker", "speakers", "headphones", "camera", "screen", "sound", "keyboard", "mouse", "battery")

// computerWords: the hardware group's words for a portable computer and
// their plurals (offtopic.go), folded.
var computerWords = set("laptop", "laptops", "notebook", "notebooks")

// firstAbout returns the test whether the guide id names a word firmly in
// what it says it is about — title, tags, aliases, example questions,
// summary, taught questions (search.Hit.Strong of the word searched on
// its own, at least aboutStrong, among the first aboutLimit guides): the
// search's own strong fields with its stems and thesaurus („Ton“ for a
// guide tagged „ton“, „Mikro“ for „Mikrofon“). Searched only when a part
// is bound to a device (boundThing), so a message costs at most one more
// search per such binding.
func firstAbout(lib Library, team bool, id string) func(w string) bool {
	return func(w string) bool {
		for _, h := range lib.SearchFor(w, aboutLimit, team).Hits {
			if h.ID == id {
				return h.Strong >= aboutStrong
			}
		}
		return false
	}
}

const (
	// aboutLimit: how many guides the word's own search looks at; a
	// word most guides name (Passwort) may rank the first guide lower.
	aboutLimit = 10
	// aboutStrong: the share of the word's weight the guide must meet
	// firmly — most of it, not a part of a split compound.
	aboutStrong = 0.5
)

// boundAt returns how word j of qv (a thing) is bound to a noun before it
// in its clause, and the noun's index: a preposition of owner or purpose
// and at most two determiners between them (ownerWords, purposeWords,
// boundLeads), or a genitive determiner right after the noun („das
// Passwort meiner Fritzbox“); the noun itself opened by a determiner
// (boundLeads: „das Passwort“, „mein Passwort“), so that a pronoun or a
// verb before the preposition binds nothing („ich lade es vom Handy
// hoch“, „geht das auch auf meinem Handy“). A product's name (product)
// opened by a determiner and followed by a word in its clause modifies
// that word („in der WhatsApp Gruppe“), unless the phrase is the goal of
// a move (goalPhrase) or the one a transfer is for („einen Ordner für
// die WhatsApp-Gruppe freigeben“). An owner that is the source of a
// move — a goal after it in its clause („die Fotos von meinem Handy in
// die Cloud“), a verb of transfer (transferIn) — or the sender of a
// message (messageNoun) owns nothing.
//
// A place („der Speicher auf meinem iPhone“) binds nothing: the guides'
// own matter is on the member's device as often as the device's
// („die Dateien auf meinem Laptop“); counted as a binding it gained one
// message of part A and lost one of part B.
func boundAt(qv *qwords, j int, product bool) (boundKind, int) {
	words, brk := qv.words(), qv.breaks()
	k := j
	for n := 0; n < 2 && k > 0 && !brk[k] && boundLeads[words[k-1]]; n++ {
		k--
	}
	if product && modifierAt(qv, k, j) {
		return boundModifier, j + 1
	}
	if k == 0 || brk[k] {
		return boundNone, -1
	}
	kind, n := boundNone, k-2
	switch p := words[k-1]; {
	case ownerWords[p]:
		kind = boundOwner
	case purposeWords[p]:
		kind = boundPurpose
	case placeWords[p] || p == "an" || p == "am":
		return boundNone, -1
	case k < j && genitiveLeads[words[k]]:
		kind, n = boundOwner, k-1
	}
	if kind == boundNone || n < 1 || brk[n+1] || brk[n] || !boundLeads[words[n-1]] || boundLeads[words[n]] || search.IsStop(qv.ws[n].w) {
		return boundNone, -1
	}
	if kind == boundOwner && (goalAfter(words, brk, j) || messageNoun(words[n])) || transferIn(words, brk, j) {
		return boundNone, -1
	}
	return kind, n
}

// messageNoun reports whether the folded noun w names a message one
// receives (messageNouns, or their plural in -s or -en): „von“ after it
// names the sender (Duden grammar, Attribute: origin or author, „ein
// Brief von meiner Schwester“; aside.go's senderAt), not an owner — „eine
// Mail von der Sparkasse“ asks about the mail.
func messageNoun(w string) bool {
	return messageNouns[w] || messageNouns[strings.TrimSuffix(w, "s")] || messageNouns[strings.TrimSuffix(w, "en")]
}

// modifierAt reports whether the product's name at word j, opened by
// the determiners from word k on, modifies the noun after it: a word of
// its clause that may be a noun (modifiedNoun), the phrase neither the
// goal of a move (goalPhrase) nor the one a transfer is for („für“ and a
// verb of transfer, transferIn).
func modifierAt(qv *qwords, k, j int) bool {
	words, brk := qv.words(), qv.breaks()
	if k == j || j+1 == len(words) || brk[j+1] || !modifiedNoun(qv, j+1) || goalPhrase(words, brk, k) {
		return false
	}
	return !(k > 0 && purposeWords[words[k-1]] && transferIn(words, brk, j))
}

// askedElsewhere reports whether the member asks in a clause other than
// word j's: a question clause apart from it (focusPart) or a later
// clause with a question of its own (laterQuestion).
func askedElsewhere(qv *qwords, j int) bool {
	if _, from, to, ok := focusPart(qv); ok && (j < from || j >= to) {
		return true
	}
	return laterQuestion(qv, j)
}

// laterQuestion reports whether a clause after word j's opens a clause
// of its own (ownClauseAt: a question word, a subject, a verb with its
// subject after it: „…, kann ich Dateien nur online haben“) and names at
// least two words that are not stop words: a question of its own, not
// „…, was kann ich tun“.
func laterQuestion(qv *qwords, j int) bool {
	words, brk := qv.words(), qv.breaks()
	for b := j + 1; b < len(words); b++ {
		if !brk[b] || !ownClauseAt(words, b) {
			continue
		}
		content := 0
		for i := b; i < len(words) && (i == b || !brk[i]); i++ {
			if !search.IsStop(qv.ws[i].w) {
				content++
			}
		}
		if content >= 2 {
			return true
		}
	}
	return false
}

// isThingWord reports whether word n of qv is a thing of res.
func isThingWord(res search.Result, qv *qwords, n int) bool {
	return thingIndex(res, qv, n) >= 0
}

// thingIndex returns the index in res.Things of word n of qv, or -1.
func thingIndex(res search.Result, qv *qwords, n int) int {
	if n < 0 || n >= len(qv.ws) {
		return -1
	}
	w, raw := qv.words()[n], qv.ws[n].w
	return slices.IndexFunc(res.Things, func(t string) bool { return t == w || t == raw })
}

// transferIn reports whether the clause of word j has a verb of
// transfer (transferVerb): „von“ then names where the thing moved comes
// from — „einen Ordner von meinem Laptop mit der AG teilen“, „den Code
// von meinem Handy eingeben“ —, not its owner, and „für“ whom it is
// meant for („einen Ordner für die WhatsApp-Gruppe freigeben“).
func transferIn(words []string, brk []bool, j int) bool {
	from := j
	for from > 0 && !brk[from] {
		from--
	}
	for i := from; i < len(words) && (i == from || !brk[i]); i++ {
		if transferVerb(words[i]) {
			return true
		}
	}
	return false
}

// transferVerb reports whether the folded word w is a form of a verb of
// transfer (transferStems): the stem with a present or infinitive
// ending, or its participle with „ge-“, each also after a separable
// particle joined to it („eingeben“, „hochgeladen“, „rüberzuschicken“).
func transferVerb(w string) bool {
	for _, p := range separableLeads {
		rest, ok := strings.CutPrefix(w, p)
		if !ok {
			continue
		}
		if p != "" {
			rest = strings.TrimPrefix(rest, "zu")
		}
		for _, s := range transferStems {
			for _, e := range verbEndings {
				if rest == s+e || rest == "ge"+s+e && (e == "en" || strings.HasPrefix(e, "t")) {
					return true
				}
			}
		}
	}
	return false
}

var (
	// transferStems: verbs of giving, sending, moving and copying
	// things (Duden grammar, Verben des Besitzwechsels und der
	// Fortbewegung; the actions of a file or data transfer), folded
	// stems, separable ones by their base verb („gebe … ein“, „lade …
	// hoch“); English: share, send, upload, copy, move, transfer, sync,
	// get.
	transferStems = []string{"teil", "schick", "verschick", "send", "versend", "lad", "laed", "kopier",
		"schieb", "verschieb", "uebertrag", "synchronisier", "sicher", "hol", "exportier", "importier",
		"geb", "gib", "zieh", "share", "sharing", "upload", "copy", "copi", "mov", "transfer", "sync", "get"}
	// separableLeads: no particle, or a separable verb's particle of
	// direction (Duden grammar, trennbare Verben: „ein-“, „hoch-“,
	// „rüber-“ …), folded.
	separableLeads = []string{"", "ein", "hoch", "rauf", "runter", "herunter", "rueber", "weiter", "ueber", "mit", "ab", "aus", "frei"}
	// verbEndings: the present tense, imperative and infinitive endings
	// (and English -s, -ed, -ing) a stem of transferStems may take, and
	// the participle's „-t“ with the adjective's endings („die
	// synchronisierten Dateien“, „die geteilten Ordner“).
	verbEndings = []string{"", "e", "en", "st", "t", "et", "est", "s", "ed", "ing", "te", "ten", "ter", "tes", "tem"}
)

// namesToolName reports whether the words ws name one of the
// association's tools by its name (toolNames, a word or a pair: „Cloud“,
// „BBB“, „Element“, "video call") or by the head of its topic folder's
// title (toolHeads: „Konferenz“ of „Videokonferenzen (BigBlueButton)“,
// „Chat“ of „Chat (Element und Matrix)“), also inside a compound
// („Konferenzlink“, „Cloudordner“) that is no other product's name
// („iCloud“); the tools' actions (toolWords' „teilen“, „hochladen“) are
// everyday verbs of any product. A member who names the tool asks about
// it, whatever thing the generic word belongs to: the rule errs towards
// keeping the guides.
func namesToolName(ws []word) bool {
	for i, w := range ws {
		if toolNames[w.w] != "" || i > 0 && toolNames[ws[i-1].w+" "+w.w] != "" {
			return true
		}
		if search.OffTopicGroup(w.w) != "" {
			continue
		}
		for _, h := range toolHeads {
			if strings.HasPrefix(w.w, h) || strings.HasSuffix(w.w, h) {
				return true
			}
		}
	}
	return false
}

// toolHeads are the association's tools' names and the heads of the
// library's topic folder titles (library/topics.yaml) that a compound
// may carry, lower-cased, and the everyday names of an online meeting
// (Duden: „Sitzung“, „Meeting“), which the conference guides are about.
var toolHeads = []string{"nextcloud", "cloud", "konferenz", "chat", "bigbluebutton", "bbb", "sitzung", "meeting"}

// goalPhrase reports whether the noun phrase that starts at word k (its
// determiner) is the goal of a move: a preposition of direction before it
// and an accusative determiner („in die WhatsApp-Gruppe schicken“, „in
// meine Signal-Gruppe“): the thing moved comes from the member's side,
// often from the association's tools, while the dative („in der
// WhatsApp-Gruppe teilen“) names where the task happens.
func goalPhrase(words []string, brk []bool, k int) bool {
	return k > 0 && !brk[k] && goalWords[words[k-1]] && accusativeLeads[words[k]]
}

// goalAfter reports whether a goal phrase follows word j in its clause
// (a preposition of direction: „in“, „ins“, „auf“, „nach“, „zu“, "to",
// "into"), or „aus“ closing „von … aus“: „von“ then names the source of
// a move, not an owner.
func goalAfter(words []string, brk []bool, j int) bool {
	for i := j + 1; i < len(words) && !brk[i]; i++ {
		if goalWords[words[i]] {
			return true
		}
	}
	return false
}

// modifiedNoun reports whether word k of qv, after a product's name, may
// be the noun the name modifies: not a function word (a determiner, a
// preposition, a pronoun or a verb of the commonest kind), and not a
// verb's infinitive or participle (German verb-final clauses: „… bei
// der Sparkasse bekommen“, „… von PayPal gesperrt“: a word in „-en“ that
// has no noun suffix, a participle „ge-…-t“). Members often write nouns
// in lower case, so the capital is not asked.
func modifiedNoun(qv *qwords, k int) bool {
	w := qv.words()[k]
	if boundLeads[w] || caseGoverning[w] || subjectPronouns[w] || boundVerbs[w] {
		return false
	}
	if strings.HasSuffix(w, "en") && !nounSuffixed(w) {
		return false
	}
	return !(strings.HasPrefix(w, "ge") && strings.HasSuffix(w, "t"))
}

var (
	// ownerWords: „von“ + dative replaces the genitive attribute (Duden
	// grammar, Attribute); English "of".
	ownerWords = union(fromWords, set("of"))
	// purposeWords: the prepositional attribute of purpose („das Passwort
	// für mein Konto“, "the password for my router").
	purposeWords = set("fuer", "fuers", "for")
	// genitiveLeads: determiners in the genitive (Duden grammar,
	// Deklination des Artikels und des Possessivartikels) that open a
	// genitive attribute right after its noun.
	genitiveLeads = set("des", "eines", "meines", "meiner", "deines", "deiner", "unseres", "unserer", "seines", "ihres", "einer")
	// boundLeads: the determiners that open a noun phrase (articles,
	// possessives, negative article; Duden grammar, Artikelwörter),
	// folded.
	boundLeads = union(companyLeads, set("ein", "eine", "einen", "einem", "einer", "eines",
		"dein", "deine", "deinem", "deinen", "deiner", "deines", "kein", "keine", "keinen", "keinem",
		"sein", "seine", "seinem", "seinen", "seiner", "seines", "ihr", "ihre", "ihrem", "ihren", "ihrer", "ihres",
		"unseres", "a", "your", "his", "her", "their"))
	// accusativeLeads: determiners in the accusative that are not also
	// dative (Duden grammar, Deklination des Artikels und des
	// Possessivartikels).
	accusativeLeads = set("die", "den", "das", "eine", "einen", "meine", "meinen", "deine", "deinen",
		"unsere", "unseren", "seine", "seinen", "ihre", "ihren")
	// goalWords: prepositions of direction (Duden grammar, lokale
	// Präpositionen with the accusative) and „aus“ of „von … aus“.
	goalWords = set("in", "ins", "auf", "aufs", "nach", "zu", "zum", "zur", "aus", "rueber", "to", "into", "onto")
	// boundVerbs: the commonest finite verbs that may follow a product's
	// name as the subject („WhatsApp ist …“, „Google hat …“).
	boundVerbs = set("ist", "sind", "hat", "haben", "geht", "gehen", "wird", "werden", "kann", "koennen",
		"will", "macht", "zeigt", "sagt", "is", "has", "does")
)

package answer

import (
	"slices"
	"strings"

	"github.com/lotse-bot/lotse/commands/chat"
)

// Requests for a person: a small grammar instead of a list of sentences.
//
// How people ask a help desk for a person, in German and English, comes
// down to a few parts (written from common usage — "mit einem Menschen
// sprechen", "ruf mich zurück", "gibt es eine Hotline", "talk to an agent",
// "call me back" — and from how chat support escalates, not from any
// question set):
//
//   - person nouns: a human (Mensch, Person, Leute, human, people), staff
//     (Mitarbeiter, Ansprechpartner, Team, Support, Büro, Geschäftsstelle,
//     Admin, staff, agent), someone (jemand, someone, anyone), and "you"
//     in the plural or polite form (euch, eure, you): the people behind the
//     bot;
//   - qualifiers that make a person real (echt, richtig, persönlich, real,
//     personal, live);
//   - request verbs: speak (sprechen, reden, telefonieren, talk, speak),
//     call (anrufen, zurückrufen, call, phone), reach (erreichen,
//     kontaktieren, reach, contact), help or show (helfen, zeigen, erklären,
//     sagen, help, show, explain, tell);
//   - contact channels: Telefonnummer, Nummer, Hotline, Sprechstunde,
//     phone number, and the call-back (Rückruf, callback);
//   - help at the same time as the member, which a guide cannot give
//     (sixth pass): on the phone, live, by video call, in person,
//     together with me, a visit, an appointment or a consultation hour,
//     shown on the member's device (see syncOf);
//   - forwarding ("leite mich … weiter", "put me through", "escalate"),
//     a person wanted or asked ("get me a human", "frag lieber einen
//     Menschen"), the team by role ("der Datenschutzbeauftragte",
//     "ein Mitglied des IT-Teams"), and guides that failed the member ("ich
//     verstehe die Anleitung nicht").
//
// A request is SURE when its parts leave no other reading (a real person;
// call me; speak with staff; reach you; a phone number of yours; "ist hier
// jemand?"; not a bot; help at the same time as the member, whatever topic
// the message names). It is a MAYBE when a person is asked to help,
// show or tell, or a contact person or a number is asked for: then the
// rest of the message decides. Nothing left but the request ("kann mir
// das jemand zeigen?") is a request for a person; a question after it
// ("kann mir jemand sagen, wie ich …") is a question and is searched; in
// between, a clear answer wins and a person is offered otherwise.
//
// Words are matched folded (lower case, ä → ae, ö → oe, ü → ue, ß → ss),
// so members who type without umlauts are understood too.

// humanSignal is how sure a message asks for a person.
type humanSignal int

const (
	noHuman humanSignal = iota
	// numberHuman: a number, a hotline or the way to reach the team is
	// asked for; a guide the search finds may give it (a contacts guide,
	// a dial-in number), a person otherwise.
	numberHuman
	// maybeHuman: a person is asked for, but a question may follow.
	maybeHuman
	// sureHuman: nothing but a request for a person.
	sureHuman
)

var (
	// humanNouns name a human being.
	humanNouns = set("mensch", "menschen", "menschlein", "person", "personen", "leute", "human", "humans", "people",
		"persons", "mitmensch")
	// staffNouns name the people behind the bot (prefixes in staffHeads).
	staffNouns = set("team", "teams", "support", "helpdesk", "geschaeftsstelle", "buero", "office", "staff", "agent", "agents",
		"volunteer", "volunteers", "ehrenamtliche", "ehrenamtlichen", "ehrenamtlicher",
		"admin", "admins", "administrator", "administratorin", "supporter", "supporterin", "hotline")
	staffHeads = []string{"mitarbeiter", "mitarbeitend", "ansprechpartner", "ansprechperson", "kontaktperson",
		"betreuer", "helfer", "administrator"}
	// someoneWords name an unspecified person.
	someoneWords = set("jemand", "jemanden", "jemandem", "jemandes", "irgendwer", "irgendjemand", "irgendjemanden",
		"irgendjemandem", "someone", "somebody", "anyone", "anybody", "wen", "wem", "wer", "who", "whom")
	// youWords address the people behind the bot (plural and polite
	// "you"; "du" is Lotse itself and asks nothing of a person).
	youWords = set("euch", "eure", "euer", "eurer", "euren", "eurem", "eures", "ihr", "you", "your", "ya")
	// realWords make a person real.
	realWords = set("echte", "echten", "echter", "echtem", "echtes", "richtige", "richtigen", "richtiger",
		"richtigem", "richtiges", "real", "reale", "realen", "realer", "reales", "lebende", "lebenden", "lebender",
		"lebendige", "lebendigen", "menschliche", "menschlichen", "menschlicher", "menschliches", "persoenliche",
		"persoenlichen", "persoenlicher", "persoenliches", "individuelle", "individuellen", "individueller", "live",
		"actual", "personal", "human")
	// helpNouns are what a real person gives.
	helpNouns = set("hilfe", "beratung", "unterstuetzung", "betreuung", "help", "support", "assistance", "kontakt",
		"contact", "gespraech", "conversation", "ansprechpartner", "ansprechpartnerin", "ansprechperson")
	// inPerson are adverbs of a personal meeting.
	inPerson = set("persoenlich", "personally", "telefonisch", "vorort")
	// speakVerbs: talk with someone.
	// "etwas mit jemandem klären / besprechen / bereden" is talking it
	// over (Duden: klären, "mit jemandem etwas klären"; discuss).
	speakVerbs = set("sprechen", "spreche", "sprich", "reden", "rede", "quatschen", "telefonieren",
		"telefoniere", "talk", "speak", "chat", "chatten", "schreiben", "unterhalten", "klaeren", "klaere",
		"abklaeren", "besprechen", "bespreche", "bereden", "durchsprechen", "discuss")
	// callVerbs: someone calls the member.
	callVerbs = set("anrufen", "anruft", "anrufe", "zurueckrufen", "zurueckruft", "zurueckrufe", "call", "calls", "phone",
		"ring")
	// writeVerbs: someone writes to the member (Duden, "schreiben",
	// "anschreiben"; Cambridge Dictionary, "write", "message").
	writeVerbs = set("schreiben", "schreibt", "anschreiben", "write", "message")
	// callBack is a call-back in one word.
	callBack = set("rueckruf", "rueckrufe", "rueckrufs", "rueckrufbitte", "callback", "zurueckrufen", "zurueckruft")
	// reachVerbs: the member reaches someone.
	reachVerbs = set("erreichen", "erreiche", "erreicht", "erreichbar", "kontaktieren", "kontaktiere", "kontaktiert",
		"kontakt", "kontaktaufnahme", "kontaktdaten", "reach", "contact", "anrufen", "anrufe", "call")
	// helpVerbs: someone helps, shows or tells.
	helpVerbs = set("helfen", "hilft", "helft", "hilf", "hilfst", "weiterhelfen", "weiterhilft", "zeigen", "zeigt", "erklaeren", "erklaert", "sagen", "sagt",
		"beibringen", "durchgehen", "unterstuetzen", "anschauen", "ansehen", "angucken", "nachschauen", "help", "show",
		"explain", "tell", "walk", "assist", "look", "wenden",
		"fragen", "ask", "turn")
	// channelWords: ways to reach someone.
	channelWords = set("telefonnummer", "telefonnummern", "nummer", "rufnummer", "handynummer", "hotline",
		"sprechstunde", "sprechstunden", "sprechzeit", "sprechzeiten", "number")
	// askForWords ask for a number or a contact.
	askForWords = set("gibt", "gib", "gebt", "habt", "hat", "haben", "welche", "welcher", "welches", "welchen", "wie", "wo",
		"was", "unter", "lautet", "brauche", "brauch", "suche", "finde", "bekomme", "krieg", "kriege", "need", "what",
		"which", "is", "where", "give", "any", "your")
	// ownWords make a channel the member's own ("meine Telefonnummer").
	ownWords = set("mein", "meine", "meiner", "meinen", "meinem", "meines", "my")
	// presenceWords: "is anybody there?"
	presenceWords = set("da", "hier", "dort", "there", "here", "online", "anwesend", "draussen", "around", "wach")
	// botWords name Lotse as a machine ("ein Mensch oder nur ein
	// Automat?", "human or machine?").
	botWords = set("bot", "bots", "chatbot", "roboter", "robot", "ki", "ai", "automat", "maschine", "machine")
	// groupWords name a class of people, not one who is asked: "Können
	// Fremde mich anrufen?", "Can strangers call me?" asks what the tool
	// allows; "kann mich jemand anrufen" asks for a call.
	groupWords = set("fremde", "fremden", "fremder", "unbekannte", "unbekannten", "unbekannter", "andere", "anderen",
		"alle", "jeder", "jede", "niemand", "keiner", "leute", "externe", "externen", "gaeste", "mitglieder", "nutzer",
		"people", "strangers", "others", "everyone", "everybody", "nobody", "guests", "members", "users")
	// modalWords make a clause a request ("kann jemand mit mir sprechen",
	// "can someone talk to me"), against a statement ("die Leute reden
	// nicht mit mir").
	modalWords = set("kann", "kannst", "koennte", "koenntest", "koenntet", "koennt", "koennen", "wuerde", "wuerdest",
		"wuerdet", "will", "willst", "moechte", "moechtest", "soll", "sollte", "mag", "magst", "bitte", "can", "could",
		"would", "please")
	// nounLeadWords stand before a noun, not a verb: "im Call", "the call".
	nounLeadWords = set("im", "in", "ins", "beim", "vom", "zum", "der", "die", "das", "den", "dem", "des", "ein", "eine",
		"einen", "einem", "mein", "meinem", "meinen", "the", "a", "this", "that", "my", "our", "during")
	// notWords negate (negation.go) or contrast.
	notWords = union(negationsOf("kein", "keinen", "keine", "keinem", "nicht", "not", "no"),
		set("statt", "anstatt", "instead", "than", "sondern"))
	// questionWords open an embedded question ("sagen, wie …"), with the
	// interrogative pronominal adverbs (Duden grammar: „woran“, „worauf“ …).
	questionWords = set("wie", "wo", "was", "warum", "wieso", "weshalb", "wann", "welche", "welcher", "welches",
		"welchen", "ob", "womit", "wohin", "woher", "wofuer", "wozu", "woran", "worauf", "woraus", "wobei", "wodurch",
		"worin", "wonach", "worueber", "worum", "wovon", "wovor", "how", "where", "what", "why", "when", "which",
		"whether", "if")
	// fillerWords carry no topic: what remains of a request for a person
	// when only these are left is the request itself.
	fillerWords = set("das", "dies", "diese", "dieses", "es", "da", "dabei", "damit", "dazu", "darum", "hier", "mal",
		"bitte", "kurz", "schnell", "eben", "vielleicht", "irgendwie", "noch", "auch", "mir", "mich", "ich", "du", "dir",
		"dich", "uns", "wir", "sie", "ihnen", "kann", "kannst", "koennte", "koenntest", "koenntet", "koennt", "koennen",
		"wuerde", "wuerdest", "wuerdet", "will", "willst", "moechte", "moechten", "brauche", "brauch", "braeuchte", "haette", "gern",
		"gerne", "lieber", "bin", "ist", "sind", "gibt", "gib", "mit", "von", "vom", "aus", "dem", "der", "den", "die",
		"ein", "eine", "einen", "einem", "einer", "nem", "ner", "bei", "beim", "zu", "zum", "zur", "fuer", "an", "am",
		"im", "in", "per", "ueber", "oder", "und", "aber", "doch", "denn", "so", "ja", "nein", "jetzt", "sofort", "heute",
		"morgen", "irgendwo", "irgendwann", "wirklich", "einfach", "weiter", "weiterhelfen", "i", "me", "we", "us",
		"can", "could", "would", "will", "please", "need", "want", "like", "to", "with", "the", "a", "an", "is", "are",
		"am", "be", "there", "here", "it", "this", "that", "of", "from", "for", "do", "does", "on", "at", "by",
		"now", "soon", "some", "just", "get", "have", "has", "muss", "musst", "soll", "sollte", "darf", "kriege", "krieg",
		"bekomme", "bekommen", "gerade", "bald", "mehr", "nur", "sich", "selbst", "man", "dann", "wenn", "dass",
		"hallo", "hi", "hey", "moin", "sorry", "entschuldigung", "leider", "problem", "probleme", "frage", "fragen",
		"anliegen", "hab", "habe", "haben", "lassen", "laesst", "sein", "werden", "wird", "back", "zurueck", "nochmal",
		"someone", "mein", "meine", "meinen", "my", "unser", "unsere", "our", "wer", "wen", "wem", "who", "whom",
		"zeit", "time", "minute", "minuten", "moment", "bisschen", "kleines", "kleine", "lange", "long")
)

// folder writes umlauts as their two-letter forms and drops apostrophes;
// built once, as building a Replacer costs far more than using it.
var folder = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "'", "", "’", "")

// fold lower-cases w (already lower case) and writes umlauts as their
// two-letter forms.
func fold(w string) string {
	if !strings.ContainsAny(w, "äöüß'’") {
		return w
	}
	return folder.Replace(w)
}

// leadWords open a message before its question: greetings and thanks
// ("Hallo Lotse, wie …", "Danke! Wie …"), folded.
var leadWords = func() map[string]bool {
	m := make(map[string]bool, len(greetWords)+len(thanksWords))
	for _, s := range []map[string]bool{greetWords, thanksWords} {
		for w := range s {
			m[fold(w)] = true
		}
	}
	return m
}()

// opensQuestion reports whether the message asks how, what, where … of
// its own: after a leading run of greetings and thanks, it opens with a
// question word other than "who" ("Hallo, wie kann ich …").
func opensQuestion(ws []string) bool {
	k := 0
	for k < len(ws) && leadWords[ws[k]] {
		k++
	}
	return k < len(ws) && questionWords[ws[k]] && ws[k] != "wer" && ws[k] != "who"
}

// quantWords count people: "mit mehreren Personen sprechen", "talk to
// many people" is about a call with a group, not a request for a person.
var quantWords = set("mehrere", "mehreren", "viele", "vielen", "alle", "allen", "beide", "beiden", "einige", "einigen",
	"several", "multiple", "many", "all", "both", "some", "gleichzeitig")

// partnerWords mark who one speaks with: "mit einem Menschen", "zu
// jemandem", "talk to a human", "speak with someone".
var partnerWords = set("mit", "mitm", "zu", "zum", "zur", "with", "to")

// headNouns are help nouns that are often the first part of a compound or
// a noun phrase ("Kontaktdaten", "Kontakt-Daten", "Support-Mail",
// "contact info", "support email"): after "echt/persönlich" they are a
// request only as the head of the phrase.
var headNouns = set("kontakt", "contact", "support", "ansprechpartner", "ansprechpartnerin", "ansprechperson")

// roleStems name a person by the task they hold in an association (German
// role nouns made from participles and adjectives: "die
// Digitalisierungsverantwortliche", "der Datenschutzbeauftragte", "die
// Zuständige"; Duden, "-beauftragte", "Verantwortliche", "Zuständige"),
// with the endings of a nominalised adjective (roleEndings).
var (
	roleStems   = []string{"verantwortlich", "beauftragt", "zustaendig"}
	roleEndings = set("e", "en", "er", "em")
)

// isStaff reports whether w names the people behind the bot: a staff noun,
// a word ending in "team" or a staff head with a noun's ending.
func isStaff(w string) bool {
	if staffNouns[w] {
		return true
	}
	if len(w) > len("team")+2 && strings.HasSuffix(w, "team") || len(w) > len("teams")+2 && strings.HasSuffix(w, "teams") {
		return true // Digitalisierungsteam, IT-Team, Supportteam, "ein Mitglied des Digitalisierungsteams"
	}
	for _, r := range roleStems {
		if k := strings.Index(w, r); k >= 0 && roleEndings[w[k+len(r):]] {
			return true
		}
	}
	return staffHead(w) // "Mitarbeiterin", not "Mitarbeiterkonto" (personframe.go)
}

// isPerson: a human, staff, someone or the plural "you".
func isPerson(w string) bool {
	return humanNouns[w] || isStaff(w) || someoneWords[w] || youWords[w]
}

// within reports whether a word of ws[lo:hi] (clamped) satisfies f.
func within(ws []string, lo, hi int, f func(string) bool) bool {
	lo, hi = max(lo, 0), min(hi, len(ws))
	for k := lo; k < hi; k++ {
		if f(ws[k]) {
			return true
		}
	}
	return false
}

// in returns the membership test of m.
func in(m map[string]bool) func(string) bool { return func(w string) bool { return m[w] } }

// personRequest parses the folded words of a message for a request for a
// person; brk[i] reports a clause break before word i (nil: none).
//
// A message that asks how, what, where … of its own, also after a
// greeting ("Hallo, wie kann ich in Element mit jemandem telefonieren?",
// "Wie sehe ich, ob jemand online ist?"), is at most a maybe: the question
// is searched, and a person is offered only when no guide fits.
func personRequest(ws []string, brk []bool) humanSignal {
	sig := parsePerson(indefiniteWho(ws, brk), brk)
	if sig == sureHuman && opensQuestion(ws) {
		return maybeHuman
	}
	return sig
}

// The colloquial indefinite "wer" (Duden, "wer", 3. ugs.: "jemand" — "ist
// da wer?", "hat wer angerufen?"; its forms "wen", "wem": "ich brauch
// wen") stands inside its clause after the finite verb, a pronoun or an
// adverb; the interrogative "wer" opens its clause or a question embedded
// after a verb of knowing or saying ("wer kann mir helfen?", "weißt du,
// wer …", "sehen, wer online ist", "an wen wende ich mich"; Duden
// grammar, w-Fragesatz: the w-word stands first). indefWhoAfter are the
// words after which the w-word can only be the indefinite: finite verbs
// of being, having, needing and the modals, the dative and accusative
// of the member, and the adverbs of place, time and the modal particles
// that stand between them ("ist heute wer vom Support da", "kann mir mal
// wer helfen").
var indefWhoAfter = set("ist", "sind", "hat", "haben", "hast", "habt", "kann", "kannst", "koennte", "koenntest",
	"koennen", "koennt", "will", "mag", "soll", "gibt", "gibts", "brauch", "brauche", "braeuchte", "suche", "such",
	"da", "hier", "mal", "mir", "mich", "uns", "heute", "gerade", "jetzt", "noch", "denn", "vielleicht", "eben", "kurz",
	"schnell", "bitte", "irgendwo")

// indefiniteWho returns ws with each colloquial indefinite "wer", "wen",
// "wem" (after a word of indefWhoAfter in its clause; brk as for
// personRequest) written as "jemand", "jemanden", "jemandem", so the
// grammar reads "ich brauch wen" as "ich brauche jemanden" and "ist
// heute wer vom Support da" as "ist heute jemand vom Support da". ws
// itself is not changed; a copy is made only when a word is.
func indefiniteWho(ws []string, brk []bool) []string {
	out := ws
	for i := 1; i < len(ws); i++ {
		var to string
		switch ws[i] {
		case "wer":
			to = "jemand"
		case "wen":
			to = "jemanden"
		case "wem":
			to = "jemandem"
		default:
			continue
		}
		if !indefWhoAfter[ws[i-1]] || i < len(brk) && brk[i] {
			continue
		}
		if &out[0] == &ws[0] {
			out = slices.Clone(ws)
		}
		out[i] = to
	}
	return out
}

// syncKind is the kind of help at the same time as the member a word
// asks for (how help desks escalate from self-service to a person: phone
// support, live and video sessions, remote help on the member's device,
// office visits and appointments, consultation hours).
type syncKind int

const (
	syncNone     syncKind = iota
	syncMode              // on the phone, live, by video call, in person
	syncTogether          // together (with me)
	syncVisit             // come by, visit
	syncHour              // a consultation hour
	syncMeet              // an appointment, a meeting
	syncDevice            // on my device (shown)
)

// The words of help at the same time as the member: written from how help
// desks name their channels beyond self-service (phone support and
// call-back, live chat and video sessions, remote support with tools such
// as TeamViewer or AnyDesk, walk-in office visits, appointments and
// consultation hours) and from German and English usage ("am Telefon",
// "vor Ort", "over the phone", "in person", "face to face"); with the
// verbs of asking for something in both grammars (modals, "gibt es",
// "hätte gern", "get me", "frag …", "jemand, der sich auskennt").
var (
	// syncModes are one-word modes of help at the same time as the
	// member (live, by phone, by video call, remote help). Words that
	// name a product's own feature (Videokonferenz, Videochat) count
	// only after a preposition of the mode (phoneNouns).
	syncModes = set("live", "telefonisch", "fernmuendlich", "videoanruf", "videoanrufe", "videocall", "fernwartung",
		"fernzugriff", "facetime", "teamviewer", "anydesk")
	// phoneNouns after a preposition are the phone or video as a mode:
	// "am Telefon", "per Video", "over the phone", "by video".
	phoneNouns = set("telefon", "phone", "video", "videocall", "videochat", "videotelefonat", "videokonferenz", "call",
		"apparat", "line")
	modePreps = set("am", "ans", "per", "ueber", "uebers", "ueberm", "on", "by", "over", "via")
	// togetherWords: "zusammen", "gemeinsam", "together" (with me).
	togetherWords = set("zusammen", "gemeinsam", "together")
	// visitWords: someone comes by, or the member visits.
	visitWords = set("vorbeikommen", "vorbeikommt", "vorbeikomme", "vorbeischauen", "vorbeischaut", "vorbeigehen",
		"besuchen", "besuche", "besucht", "visit", "hausbesuch")
	// hourWords: a consultation hour, held by a person.
	hourWords = set("sprechstunde", "sprechstunden", "sprechzeit", "sprechzeiten", "beratungsstunde", "office")
	// meetWords: an appointment or a meeting (also a calendar entry:
	// see meetVerbs).
	meetWords = set("termin", "termine", "terminvereinbarung", "beratungstermin", "treffen", "appointment",
		"appointments")
	// meetVerbs make or ask for an appointment.
	meetVerbs = set("machen", "ausmachen", "vereinbaren", "abmachen", "abstimmen", "bekommen", "kriegen", "haben", "buchen",
		"geht", "gibt", "make", "book", "schedule", "arrange", "get", "have", "set")
	// deviceNouns: the member's device, where someone shows how.
	deviceNouns = set("geraet", "handy", "smartphone", "laptop", "computer", "pc", "rechner", "tablet", "device", "phone")
	devicePreps = set("am", "an", "auf", "on")
	showVerbs   = set("zeigen", "zeigt", "zeige", "vormachen", "durchgehen", "erklaeren", "erklaert", "show")
	// consultWords: a consultation, given by a person.
	consultWords = set("beratung", "beratungsgespraech", "consultation")
	// withWords mark whom an appointment is with.
	withWords = set("mit", "bei", "beim", "with")
	// requestWords make a clause a request: the modals and "gibt es",
	// "geht (das)", "wäre es möglich".
	requestWords = func() map[string]bool {
		m := set("gibt", "geht", "waere", "moeglich", "haette", "is", "are", "any")
		for w := range modalWords {
			m[w] = true
		}
		return m
	}()
	// wantVerbs ask for something to be given ("get me", "hol mir",
	// "ich hätte gern", "ich will").
	wantVerbs = set("brauche", "brauch", "braeuchte", "need", "want", "get", "give", "gib", "gebt", "hol", "holt",
		"holen", "haette", "haetten", "will", "moechte", "wuensche", "bring", "bringt", "schickt", "schick", "send")
	// beWords ask whether someone is there ("ist da ein Mensch", "gibt
	// es hier einen Menschen", "is there a human").
	beWords = set("ist", "sind", "sitzt", "steckt", "gibt", "is", "are", "there")
	// askVerbs: the member asks a person.
	askVerbs = set("frag", "frage", "fragen", "fragt", "ask", "asking")
	// knowWords: someone who knows ("der sich auskennt", "who knows").
	knowWords = set("auskennt", "auskennen", "ahnung", "versteht", "verstehen", "knows", "know", "understands", "expert",
		"fit", "bescheid")
)

// The guides failing the member: German and English usage of written help
// ("Anleitung", "Doku", "guide", "instructions") with negated help and
// understanding ("hilft nicht", "verstehe ich nicht", "don't get").
var (
	// guideNouns name Lotse's guides (and written help in general).
	guideNouns = set("anleitung", "anleitungen", "guide", "guides", "tutorial", "tutorials", "erklaerung",
		"erklaerungen", "beschreibung", "instructions", "hilfetext", "hilfetexte", "doku", "dokumentation")
	// failVerbs: written help does not help, is not understood.
	failVerbs = set("hilft", "helfen", "helft", "geholfen", "hilfreich", "verstehe", "versteh", "verstehen", "kapiere",
		"kapier", "kapiert", "blicke", "weiter", "weiterkommen", "help", "helps", "helped", "helping", "understand", "get")
	// failNot: negations besides notWords ("don't"; negation.go) and
	// the weak „wenig“ („hilft wenig“).
	failNot = union(negationsOf("nichts", "nie", "dont", "doesnt", "didnt", "cant", "cannot", "never", "nothing"),
		set("wenig"))
)

// Someone looked for or asked to look: German and English relative
// clauses ("jemanden, der …", "someone who …", "a person I can talk to")
// and verbs of looking at something for someone (Duden: "sich etwas
// ansehen", "nachschauen").
var (
	// relWords open a relative clause after a person ("jemanden, der
	// …", "someone who …", "a person I can talk to").
	relWords = set("der", "die", "den", "dem", "who", "that", "whom", "i", "mit", "with")
	// seekWords look for a person: "ich suche jemanden", "gibt es
	// jemanden", "is there someone", "I need someone".
	seekWords = set("suche", "suchen", "gibt", "gibts", "brauche", "brauch", "braeuchte", "haette", "there", "need",
		"looking", "want", "any")
	// lookVerbs: someone looks at the member's matter.
	lookVerbs = set("anschauen", "anschaut", "ansehen", "ansieht", "angucken", "anguckt", "nachschauen", "nachsehen",
		"draufschauen", "drueberschauen")
)

// lookOver are the look verbs that take no reflexive (Duden:
// "nachschauen", "nachsehen"; the colloquial "drüberschauen",
// "draufschauen"): "kann mal jemand vom Team drüberschauen" asks someone
// to look at the member's matter as "könnte sich das jemand ansehen"
// does, with a modal in the clause instead of the reflexive.
var lookOver = set("nachschauen", "nachsehen", "draufschauen", "drueberschauen")

// selfSubjects are the subjects that make a modal the member's own ("kann
// ich nachschauen", "kann man nachsehen", "können wir draufschauen",
// "can I look"): personal pronouns of the first person and the generic
// "man" (Duden grammar: the indefinite pronoun as a general subject).
var selfSubjects = set("ich", "man", "wir", "i", "we")

// whoWords are the interrogative pronouns of persons ("wer", "wen",
// "wem", "who", "whom"): a someone word that asks, not one who helps.
var whoWords = set("wer", "wen", "wem", "who", "whom")

// helpIdiom reports whether ws[i] is a verb of help: a help verb, or the
// verb of an idiom of personal help ("an die Hand nehmen", "unter die
// Arme greifen"; Duden).
func helpIdiom(ws []string, i int) bool {
	switch ws[i] {
	case "nehmen", "nimmt", "nehmt":
		return within(ws, i-3, i, func(x string) bool { return x == "hand" })
	case "greifen", "greift":
		return within(ws, i-3, i, func(x string) bool { return x == "arme" })
	case "zeit", "time":
		// "für jemanden Zeit haben" (Duden, Zeit): "hat jemand aus dem
		// Team kurz Zeit für mich", "does anyone have time for me".
		return i+2 < len(ws) && (ws[i+1] == "fuer" || ws[i+1] == "for") && (ws[i+2] == "mich" || ws[i+2] == "uns" || ws[i+2] == "me" || ws[i+2] == "us")
	}
	return helpVerbs[ws[i]] || lookVerbs[ws[i]]
}

// niceWords frame a polite request ("wäre nett, wenn …", "ich würde mich
// freuen, wenn …", "it would be nice if …").
var niceWords = set("nett", "schoen", "toll", "super", "klasse", "lieb", "freuen", "freue", "dankbar", "nice", "great",
	"appreciate", "grateful")

// condWords open a conditional clause.
var condWords = set("wenn", "falls", "sobald", "sofern", "when", "if", "whenever", "once")

// teamYou is the German plural "you": the people behind the bot.
var teamYou = set("euch", "ihr", "eure", "euer")

// pluralYou reports whether ws[k] is the English "you" in the plural:
// "one of you", "any of you", "you guys", "you folks", "you all" (the
// bare "you" may be Lotse itself).
func pluralYou(ws []string, k int) bool {
	if ws[k] != "you" {
		return false
	}
	return k > 0 && ws[k-1] == "of" || k+1 < len(ws) && (ws[k+1] == "guys" || ws[k+1] == "folks" || ws[k+1] == "all")
}

// syncOf tells which kind of help at the same time ws[i] names.
func syncOf(ws []string, i int) syncKind {
	w := ws[i]
	switch {
	case syncModes[w], w == "persoenlich" || w == "personally":
		return syncMode
	case phoneNouns[w] && i > 0 && (modePreps[ws[i-1]] || i > 1 && (ws[i-1] == "the" || ws[i-1] == "das") && modePreps[ws[i-2]]):
		// "im Call" is a conference the member is in, not a mode.
		if ws[i-1] == "im" && w == "call" {
			return syncNone
		}
		return syncMode
	case w == "ort" && i > 0 && ws[i-1] == "vor", w == "vorort",
		w == "person" && i > 0 && ws[i-1] == "in",
		w == "face" && i+2 < len(ws) && ws[i+1] == "to" && ws[i+2] == "face":
		return syncMode
	case togetherWords[w]:
		return syncTogether
	case visitWords[w], (w == "come" || w == "drop" || w == "stop") && i+1 < len(ws) && (ws[i+1] == "by" || ws[i+1] == "over"):
		return syncVisit
	case hourWords[w] && (w != "office" || i+1 < len(ws) && ws[i+1] == "hours"):
		return syncHour
	case meetWords[w]:
		return syncMeet
	case deviceNouns[w] && i > 0 && (devicePreps[ws[i-1]] || i > 1 && devicePreps[ws[i-2]] && (ownWords[ws[i-1]] ||
		ws[i-1] == "dem" || ws[i-1] == "the")):
		return syncDevice
	}
	return syncNone
}

// firstEmbedded returns the index of the first word that opens an
// embedded question ("kann mir jemand sagen, wie ich einen Termin
// anlege"; len(ws) if none): what follows it is the topic, not the
// request. "Who" asks for the person, and "wo" right after an
// appointment is relative ("ein Termin, wo mir jemand das zeigt").
// (Computed once per message: the rules ask it for many words.)
func firstEmbedded(ws []string) int {
	for k := range ws {
		w := ws[k]
		if !questionWords[w] || w == "wer" || w == "who" || w == "wen" || w == "wem" {
			continue
		}
		if (w == "wo" || w == "where" || w == "wenn") && k > 0 && (meetWords[ws[k-1]] || hourWords[ws[k-1]] ||
			k > 1 && (meetWords[ws[k-2]] || hourWords[ws[k-2]])) {
			continue
		}
		return k
	}
	return len(ws)
}

// memberOfStaff reports whether ws[k] is a member of the people behind the
// bot named in the genitive or with a preposition: "ein Mitglied des
// IT-Teams", "a member of the support team".
func memberOfStaff(ws []string, k int) bool {
	if ws[k] != "mitglied" && ws[k] != "member" || k+1 >= len(ws) {
		return false
	}
	switch ws[k+1] {
	case "des", "der", "vom", "aus", "im", "of", "from":
		return within(ws, k+2, k+5, isStaff)
	}
	return false
}

// forwardVerb reports whether ws[i] forwards the member to someone: the
// separable "leite … weiter", "stell … durch", "put … through", "hand
// … over", "pass … on" (the verb's particle follows within five words).
func forwardVerb(ws []string, i int) bool {
	particle := ""
	switch ws[i] {
	case "leite", "leitet", "leiten":
		particle = "weiter"
	case "stell", "stelle", "stellt", "stellen":
		particle = "durch"
	case "put":
		particle = "through"
	case "hand", "pass":
		particle = "over"
	case "escalate", "eskalieren", "eskaliere", "eskaliert":
		return true
	default:
		// One word: "weiterleiten", "durchstellen" ("verbinde mich",
		// "connect me": the rule of its own below).
		return strings.HasPrefix(ws[i], "weiterleit") || strings.HasPrefix(ws[i], "durchstell")
	}
	return within(ws, i+1, i+7, func(x string) bool { return x == particle || ws[i] == "pass" && x == "on" })
}

// nounPreps stand before a noun and never right before a verb: German
// and English prepositions and indefinite articles (Duden, Grammatik:
// a preposition governs a noun phrase; an infinitive after one is a
// noun, "beim Sprechen"). The definite articles are left out: "das",
// "den", "dem" are also pronouns before a verb ("mit jemandem das
// besprechen").
var nounPreps = set("mit", "per", "ueber", "uebers", "via", "bei", "beim", "im", "ins", "vom", "zum", "zur", "in",
	"ein", "eine", "einen", "einem", "the", "a", "an", "during")

// nounedVerb reports whether ws[i], a verb of talking, is a noun here: a
// product's name or the thing after a preposition or an article ("mit
// Talk", "per Talk", "im Chat", "beim Sprechen"; Nextcloud's call app is
// called Talk), not the member talking with someone.
func nounedVerb(ws []string, i int) bool {
	return i > 0 && nounPreps[ws[i-1]]
}

// perceiveVerbs are verbs of perception (Duden: Wahrnehmungsverben): who
// hears or sees the member perceives, does not help.
var perceiveVerbs = set("hoeren", "hoert", "hoere", "hoerst", "sehen", "sieht", "sehe", "siehst", "hear", "hears",
	"see", "sees")

// goalPreps bring someone to the phone: "ans Telefon", "an den Apparat",
// "on the line" (against the means "per Telefon", "by phone").
var goalPreps = set("ans", "an", "am", "on")

// errand reports whether the visit verb ws[i] is joined by "und"/"and"
// to another action of the member in which no one helps, shows or talks
// ("kann ich in der Geschäftsstelle vorbeikommen und Material abholen"):
// the visit is for an errand, not for help ("… vorbeikommen und mir das
// zeigen" stays a request).
func errand(ws []string, i int) bool {
	if i+2 >= len(ws) || ws[i+1] != "und" && ws[i+1] != "and" {
		return false
	}
	return !within(ws, i+2, i+9, func(x string) bool {
		return helpVerbs[x] || showVerbs[x] || lookVerbs[x] || speakVerbs[x] || x == "mir" || x == "mich" || x == "me"
	})
}

// eventPreps lead to the place or occasion of a visit ("beim Treffen",
// "zur Sitzung", "to the meeting").
var eventPreps = set("beim", "bei", "zum", "zur", "im", "ins", "in", "am", "an", "to", "at")

// eventNouns name an event one takes part in: the appointment and meeting
// words (meetWords) and the association's gatherings (Sitzung,
// Veranstaltung, Versammlung, Infostand; meeting, event).
var eventNouns = set("sitzung", "veranstaltung", "versammlung", "mitgliederversammlung", "infostand", "stammtisch",
	"meeting", "event")

// eventGoal reports whether the visit verb ws[i] goes to an event named
// before it (within six words): a preposition, at most two words, then
// an event noun ("beim offenen Treffen vorbeikommen").
func eventGoal(ws []string, i int) bool {
	for k := max(i-6, 0); k < i; k++ {
		if (meetWords[ws[k]] || eventNouns[ws[k]]) && within(ws, k-3, k, in(eventPreps)) {
			return true
		}
	}
	return false
}

// toolPlace reports whether the clause of ws[i] names a place with "in"
// or "im" that is no person and no staff ("in der Nextcloud", "in Talk",
// "im Chat"; not "im Büro"), or a means with "per", "über", "via" that is
// no phone or video call ("per Talk"; not "per Telefon", "per
// Videoanruf", the modes of help at the same time): where something
// happens in a tool.
func toolPlace(ws []string, brk []bool, i int) bool {
	for j := max(i-8, 0); j < min(i+6, len(ws)); j++ {
		if sameClause(brk, i, j) && toolPhrase(ws, j, i) {
			return true
		}
	}
	return false
}

// toolPhrase reports whether ws[j] opens a place or a means that is a tool
// (toolPlace's reading of one phrase): "in"/"im", or "per"/"über"/"via"
// not before a phone or video call, then — past filler words — a word
// that is no person and not ws[skip].
func toolPhrase(ws []string, j, skip int) bool {
	means := toolMeans[ws[j]]
	if !means && !toolIn[ws[j]] {
		return false
	}
	if means && j+1 < len(ws) && (phoneNouns[ws[j+1]] || syncModes[ws[j+1]]) {
		return false
	}
	for n := j + 1; n < min(j+3, len(ws)); n++ {
		if !fillerWords[ws[n]] {
			return !isPerson(ws[n]) && n != skip
		}
	}
	return false
}

// toolIn and toolMeans are the prepositions of toolPhrase: the local „in“,
// „im“ and the means „per“, „über“ (folded), „übers“, „via“.
var (
	toolIn    = set("in", "im")
	toolMeans = set("per", "ueber", "uebers", "via")
)

// roleAfter reports whether the person ws[i] is wanted in a role named
// after it with "als"/"as" ("ich brauche einen Menschen als Präsentator",
// "I need a person as co-host"; Duden: "jemanden als etwas brauchen"): a
// part in the member's own matter, not someone to help them.
func roleAfter(ws []string, i int) bool {
	return i+1 < len(ws) && (ws[i+1] == "als" || ws[i+1] == "as")
}

// sameClause reports whether words i and k are in one clause: no clause
// break (brk) stands after the first of them up to the second.
func sameClause(brk []bool, i, k int) bool {
	for j := min(i, k) + 1; j <= max(i, k) && j < len(brk); j++ {
		if brk[j] {
			return false
		}
	}
	return true
}

// parsePerson is personRequest before a question of its own is capped.
func parsePerson(ws []string, brk []bool) humanSignal {
	sig := noHuman
	// A message that opens with a question word other than "who" is a
	// question of its own ("wie kann ich in Element mit jemandem
	// telefonieren?"): someone in it is not asked to help.
	direct := opensQuestion(ws)
	// clause reports whether words i and k are in one clause.
	clause := func(i, k int) bool { return sameClause(brk, i, k) }
	// head reports whether ws[j] is the head of its phrase: nothing but
	// filler follows it in its clause ("echten Support bitte", not
	// "echte Support-Mail").
	head := func(j int) bool {
		return !headNouns[ws[j]] || j+1 >= len(ws) || fillerWords[ws[j+1]] || !clause(j, j+1)
	}
	// person reports whether ws[k] names a person other than the
	// member's own group ("mein Team", "unsere Leute").
	person := func(k int) bool {
		if !isPerson(ws[k]) && !memberOfStaff(ws, k) || ws[k] == "wer" || ws[k] == "who" {
			return false
		}
		if k+1 < len(ws) && (strings.HasPrefix(ws[k+1], "ander") || ws[k+1] == "else") {
			return false // "jemand anderem die Moderation geben"
		}
		return !within(ws, k-2, k, func(x string) bool {
			return ownWords[x] || strings.HasPrefix(x, "unser") || x == "our" || x == "anderen" || x == "other" ||
				quantWords[x]
		})
	}
	near := func(i, lo, hi int, f func(int) bool) int {
		for k := max(i+lo, 0); k < min(i+hi, len(ws)); k++ {
			if k != i && f(k) {
				return k
			}
		}
		return -1
	}
	// callNoun reports whether ws[i] is "call" used as a noun, after an
	// article or preposition ("im Call", "in the call", "a call").
	callNoun := func(i int) bool {
		return (ws[i] == "call" || ws[i] == "calls") && i > 0 && nounLeadWords[ws[i-1]]
	}
	self := func(x string) bool { return x == "mir" || x == "mich" || x == "me" || x == "uns" || x == "us" }
	// askedOne returns the index of the someone asked to help near the
	// verb i ("einer von euch", "könnt ihr mir helfen": the German plural
	// you is the team; "du" and the English "you" may be Lotse itself),
	// or -1; noWho leaves out the question words ("wer", "who" …).
	askedOne := func(i int, noWho bool) int {
		return near(i, -5, 4, func(k int) bool {
			x := ws[k]
			if noWho && whoWords[x] {
				return false
			}
			return someoneWords[x] || (isStaff(x) || humanNouns[x] || teamYou[x] || pluralYou(ws, k)) && person(k)
		})
	}
	// partner reports whether ws[k] is whom one speaks with: a
	// preposition of its clause stands before it ("mit einem echten
	// Menschen", "to someone"), or it is the object right before the verb
	// i ("einen Menschen sprechen"); a subject ("die Leute hören mich
	// nicht, wenn ich spreche") is not.
	partner := func(i, k int) bool {
		if speechObject(ws, brk, i, k) {
			return true // "ich möchte jemand vom Team sprechen" (personframe.go)
		}
		// "jemanden, mit dem ich sprechen kann", "someone, with whom …".
		if k < i && k+2 < len(ws) && k+1 < len(brk) && brk[k+1] && partnerWords[ws[k+1]] &&
			(ws[k+2] == "dem" || ws[k+2] == "der" || ws[k+2] == "denen" || ws[k+2] == "whom") && clause(k+1, i) {
			return true
		}
		if !clause(i, k) {
			return false
		}
		// "jemanden (vom Team) sprechen", "einen Menschen sprechen"; an
		// article that opens the clause opens its subject ("Die Leute
		// reden nicht mit mir").
		if k < i && (ws[k] == "jemanden" || ws[k] == "irgendjemanden") && (k == 0 || !partnerWords[ws[k-1]]) ||
			k == i-1 && k > 0 && !partnerWords[ws[k-1]] &&
				near(k, -2, 0, func(a int) bool {
					return (ws[a] == "einen" || ws[a] == "den" || ws[a] == "die") && a > 0 && clause(a-1, a)
				}) >= 0 {
			return true
		}
		for j := k - 1; j >= max(k-3, 0) && clause(j, k); j-- {
			if partnerWords[ws[j]] {
				return true
			}
		}
		// Someone speaks with the member: "kann jemand mit mir
		// sprechen", "can someone talk to me" — a request only with a
		// modal and without a negation in the clause; "Die Leute reden
		// nicht mit mir" tells what happens. The modal stands before
		// the person ("kann bitte jemand aus dem Digitalteam mit mir
		// sprechen"; subjectReach, personframe.go).
		lo := subjectReach(ws, i, k)
		return near(i, -3, 3, func(j int) bool {
			return partnerWords[ws[j]] && j+1 < len(ws) && self(ws[j+1]) && clause(i, j)
		}) >= 0 &&
			near(i, lo, 4, func(j int) bool { return modalWords[ws[j]] && clause(i, j) }) >= 0 &&
			near(i, lo, 4, func(j int) bool { return notWords[ws[j]] && clause(i, j) }) < 0
	}
	// emb opens the first embedded question (len(ws) if none).
	emb := firstEmbedded(ws)
	// helper reports whether ws[k] names someone who could help: a
	// person other than the member's own group, and not a class of
	// people ("Gäste", "die Leute") or "wer".
	helper := func(k int) bool { return person(k) && !groupWords[ws[k]] }
	// conditional reports whether a conditional conjunction opens the
	// clause of word i ("wenn mich jemand anruft, …", "falls sich jemand
	// bei mir meldet, …"): a situation, not a request — unless a polite
	// frame asks for it ("wäre nett, wenn sich jemand bei mir meldet").
	conditional := func(i int) bool {
		return near(i, -6, 1, func(k int) bool { return condWords[ws[k]] && clause(k, i) }) >= 0 &&
			!within(ws, 0, i, in(niceWords))
	}
	// named reports whether ws[k] is someone who could help named as a
	// person or as the team's: a human (Mensch, Person), someone from
	// the team ("jemanden vom Support"), not a bare "someone" or a
	// staff noun alone ("kann das Team per Video teilnehmen?").
	named := func(k int) bool {
		if !helper(k) {
			return false
		}
		if humanNouns[ws[k]] {
			return true
		}
		return someoneWords[ws[k]] && within(ws, k+1, k+3, func(x string) bool { return x == "von" || x == "vom" || x == "aus" || x == "from" }) &&
			within(ws, k+2, k+6, isStaff)
	}
	// served reports whether the member stands within d words of i as the
	// one helped: mir/mich/uns/me, but not the German reflexive of the
	// member's own action ("kann ich mich … anmelden", "können wir uns …
	// treffen": "ich/wir" before it in its clause), unless "lassen" makes
	// it the causative ("kann ich mir das zeigen lassen"; Duden: lassen +
	// Infinitiv).
	served := func(i, d int) bool {
		return near(i, -d, d+1, func(k int) bool {
			if !self(ws[k]) {
				return false
			}
			if ws[k] == "me" || ws[k] == "us" {
				return true
			}
			reflexive := near(k, -4, 0, func(j int) bool {
				return (ws[j] == "ich" || ws[j] == "wir") && clause(j, k)
			}) >= 0
			return !reflexive || near(k, 1, 10, func(j int) bool {
				return strings.HasPrefix(ws[j], "lass") || strings.HasPrefix(ws[j], "laess")
			}) >= 0
		}) >= 0
	}
	// synchronous reports whether ws[i] asks for help given at the same
	// time as the member — on the phone, live, by video call, in person,
	// together, a visit, an appointment or consultation hour — by someone
	// who could help (see syncOf). A guide cannot give such help, so
	// the request is sure, whatever topic it names ("die Kamera geht
	// nicht. Kann sich das bitte jemand live mit mir anschauen?"). The
	// cue must not stand in an embedded question ("kann mir jemand
	// sagen, wie ich einen Termin anlege").
	synchronous := func(i int) bool {
		kind := syncOf(ws, i)
		// The request is made in the cue's clause: "jemand hat mich am
		// Telefon nach dem Passwort gefragt, kann mir jemand sagen, ob
		// …" tells what happened on the phone.
		if kind == syncNone || direct || emb < i ||
			near(i, -8, 9, func(k int) bool { return requestWords[ws[k]] && clause(i, k) }) < 0 {
			return false
		}
		// helperHere: someone who could help in the cue's clause.
		helperHere := near(i, -8, 9, func(k int) bool { return helper(k) && clause(i, k) }) >= 0
		switch kind {
		case syncMode:
			// "kann mir jemand am Telefon helfen", "live mit mir"; or a
			// person by name (a human, someone from the team) the member
			// asks for on the phone: "kann ich jemanden vom Support ans
			// Telefon bekommen", "einen Menschen ans Telefon bitte" (not
			// "kann ich jemanden per Telefon in die Konferenz holen").
			// The person is brought TO the line ("ans Telefon", "on the
			// line": a goal); with a means ("per Telefon", "live", "per
			// Videoanruf") the member acts on the person ("kann ich eine
			// Person per Telefon zur Konferenz dazuholen", "ich möchte
			// den Personen live meine Präsentation zeigen").
			// Someone who only perceives the member ("kann jemand am
			// Telefon mich hören": verbs of perception, Duden) or a bare
			// "someone" who reaches the member in a tool ("kann mich
			// jemand in Talk per Videoanruf erreichen") asks what the
			// tool does ("kann mir jemand in der Konferenz live helfen"
			// stays a request).
			perceive := near(i, -8, 9, func(k int) bool { return perceiveVerbs[ws[k]] && clause(i, k) }) >= 0
			bareInTool := near(i, -8, 9, func(k int) bool { return helper(k) && !someoneWords[ws[k]] && clause(i, k) }) < 0 &&
				near(i, -8, 9, func(k int) bool { return reachVerbs[ws[k]] && clause(i, k) }) >= 0 && toolPlace(ws, brk, i)
			return served(i, 6) && helperHere && !perceive && !bareInTool ||
				phoneNouns[ws[i]] && (i > 0 && goalPreps[ws[i-1]] || i > 1 && goalPreps[ws[i-2]] && !modePreps[ws[i-1]]) &&
					near(i, -8, 9, func(k int) bool { return named(k) && clause(i, k) }) >= 0 &&
					within(ws, i-8, i+9, func(x string) bool { return x == "ich" || x == "i" || x == "bitte" || x == "please" || wantVerbs[x] })
		case syncTogether:
			// "jemand mit mir zusammen", "together with me": the member
			// after "mit/with" (not "wir uns zusammen mit dem Team …
			// treffen", where the member does it with the team).
			return helperHere && near(i, -3, 4, func(k int) bool {
				return (ws[k] == "mit" || ws[k] == "with") && k+1 < len(ws) && self(ws[k+1])
			}) >= 0
		case syncVisit:
			// "kann einer von euch vorbeikommen", "kann ich bei
			// jemandem vorbeikommen", or the member comes by ("kann
			// ich persönlich vorbeikommen?").
			// A visit to an event ("kann ich beim offenen Treffen
			// vorbeikommen", "zur Sitzung vorbeischauen") is taking
			// part in it: the member asks about the event, no one is
			// asked to help.
			if eventGoal(ws, i) || errand(ws, i) {
				return false
			}
			return helperHere || within(ws, i-4, i, func(x string) bool { return x == "ich" || x == "i" })
		case syncHour:
			// A consultation hour is held by a person who helps the
			// member in it: "gibt es eine Sprechstunde, wo ich mit
			// jemandem sprechen kann", "… in der mir jemand hilft" (the
			// member, ich/mir/mich, or the help is named). An hour only
			// asked about, named by whose it is ("gibt es eine
			// Sprechstunde des Digitalisierungsteams?"), asks for the
			// way to a person like a number does (channelWords): a guide
			// may give it.
			return near(i, -8, 9, helper) >= 0 && within(ws, i-8, i+9, func(x string) bool {
				return self(x) || x == "ich" || x == "i" || helpVerbs[x] || speakVerbs[x] || showVerbs[x]
			})
		case syncMeet:
			// An appointment with the team ("einen Termin mit dem
			// Support ausmachen") or with someone who shows or helps,
			// also in a relative clause ("ein Termin, wo mir jemand
			// das zeigt"); not "einen Termin mit jemandem teilen" (a
			// calendar entry). An appointment for a consultation is
			// with a person ("einen Termin für eine Beratung
			// vereinbaren").
			return near(i, -8, 9, func(k int) bool { return meetVerbs[ws[k]] }) >= 0 &&
				near(i, -8, 9, func(k int) bool {
					// Someone who shows or helps the member (mir, mich,
					// uns): "ein Termin, wo mir jemand das zeigt"; not the
					// team presenting to all ("ein Termin, an dem das
					// Team die Cloud zeigt": an event).
					return helper(k) && (within(ws, k-3, k, in(withWords)) ||
						within(ws, k-6, k+7, in(helpVerbs)) && within(ws, k-6, k+7, self)) ||
						consultWords[ws[k]] || hourWords[ws[k]] && ws[k] != "office"
				}) >= 0
		case syncDevice:
			// "kann mir das jemand am Handy zeigen"; with a question
			// beside it ("… am Handy zeigen, wie ich die App
			// einrichte") the device is the setting of that question.
			return served(i, 6) && within(ws, i-4, i+5, in(showVerbs)) && helperHere && emb == len(ws)
		}
		return false
	}

	// wanted reports whether ws[k], a person, is what a verb of wanting
	// before it asks for, as the head of its clause ("get me a human",
	// "hol mir einen Menschen", "hätte gern jemanden vom Support dran"),
	// not the object of something else ("ich möchte eine Person zum Raum
	// hinzufügen").
	wanted := func(k int) bool {
		// The person is the verb's object: nothing but filler between
		// ("hätte gern mal jemanden", not "brauche eine Pause vom
		// Team").
		v := near(k, -4, 0, func(j int) bool { return wantVerbs[ws[j]] })
		if v < 0 {
			return false
		}
		for j := v + 1; j < k; j++ {
			if !fillerWords[ws[j]] && !self(ws[j]) && ws[j] != "nen" && ws[j] != "n" {
				return false
			}
		}
		j := k + 1
		if j+1 < len(ws) && (ws[j] == "von" || ws[j] == "vom" || ws[j] == "aus" || ws[j] == "from") && clause(k, j+1) {
			// "jemanden vom Support", "someone from support".
			for j++; j < min(len(ws), k+6) && clause(k, j) && !isStaff(ws[j]) && !humanNouns[ws[j]]; j++ {
			}
			if j >= min(len(ws), k+6) || !clause(k, j) {
				return false
			}
			j++
		}
		// To the end of the clause (clause(k, j) word by word, linear).
		for ; j < len(ws) && (j >= len(brk) || !brk[j]); j++ {
			if !fillerWords[ws[j]] && !presenceWords[ws[j]] && ws[j] != "dran" && ws[j] != "ran" {
				return false
			}
		}
		return true
	}
	// toMe reports whether the member is whom the writing verb i is
	// addressed to: the German dative before it in its clause ("mir",
	// "uns"; "mich" of "anschreiben"), not after "ich"/"wir" (the
	// member's own: "kann ich mir das aufschreiben"); the English object
	// after it ("write me", "write to me", "message us").
	toMe := func(i int) bool {
		if i+1 < len(ws) && (ws[i+1] == "me" || ws[i+1] == "us") ||
			i+2 < len(ws) && ws[i+1] == "to" && (ws[i+2] == "me" || ws[i+2] == "us") {
			return true
		}
		return near(i, -6, 0, func(k int) bool {
			return (ws[k] == "mir" || ws[k] == "uns" || ws[k] == "mich" && ws[i] == "anschreiben") && clause(k, i) &&
				near(k, -4, 0, func(j int) bool { return (ws[j] == "ich" || ws[j] == "wir") && clause(j, k) }) < 0
		}) >= 0
	}
	for i, w := range ws {
		switch {
		// Help at the same time as the member: on the phone, live, in
		// person, together, a visit, an appointment (see synchronous).
		case synchronous(i):
			return sureHuman
		// A person wanted: "get me a human", "hätte gern jemanden vom
		// Support dran". A bare "someone" only with the staff named.
		case (humanNouns[w] || isStaff(w) && w != "team") && !groupWords[w] && person(i) && wanted(i),
			someoneWords[w] && w != "wer" && w != "who" && w != "wen" && w != "wem" && !direct && person(i) &&
				within(ws, i+1, i+3, func(x string) bool { return x == "von" || x == "vom" || x == "aus" || x == "from" }) &&
				within(ws, i+2, i+6, isStaff) && wanted(i):
			return sureHuman
		// Hand me over: "leite mich an einen Menschen weiter", "stell
		// mich zum Support durch", "put me through to a person" (the
		// separable verbs of forwarding a call; "verbinde mich" below).
		case forwardVerb(ws, i) && !direct && (within(ws, i-5, i+4, func(x string) bool { return x == "mich" || x == "me" || x == "uns" || x == "us" }) ||
			strings.HasPrefix(w, "eskalier") || w == "escalate") &&
			near(i, -5, 7, helper) >= 0:
			return sureHuman
		// Ask a person instead: "frag lieber einen Menschen", "kann ich
		// den Support fragen", "I'd rather ask a human".
		case askVerbs[w] && !direct && emb == len(ws) && near(i, -4, 4, func(k int) bool {
			return (humanNouns[ws[k]] || isStaff(ws[k])) && !groupWords[ws[k]] && person(k) && clause(i, k)
		}) >= 0:
			return sureHuman
		// The guides failed the member: "ich verstehe die Anleitung
		// nicht", "deine Anleitungen helfen mir nicht", "the guides
		// don't help" — self-service is exhausted, the next step is a
		// person (how help desks escalate). A question beside it ("…
		// nicht, wo trage ich …") is searched.
		case guideNouns[w] && !direct && emb == len(ws) &&
			near(i, -5, 9, func(k int) bool {
				return failVerbs[ws[k]] && clause(i, k) &&
					near(k, -3, 4, func(j int) bool { return (notWords[ws[j]] || failNot[ws[j]]) && clause(k, j) }) >= 0
			}) >= 0:
			return sureHuman
		// "ist da ein Mensch oder nur ein Automat?", "human or bot?";
		// asking Lotse what it is ("bist du eigentlich ein Mensch oder
		// ein Bot?") is small talk, left to the rule below.
		case humanNouns[w] && !groupWords[w] && !within(ws, i-5, i, func(x string) bool {
			return x == "bist" || x == "seid" || x == "are" || x == "du" || x == "you"
		}) && within(ws, i-4, i, in(beWords)) && near(i, 1, 5, func(k int) bool {
			return (ws[k] == "oder" || ws[k] == "or") && within(ws, k+1, k+4, in(botWords))
		}) >= 0:
			return sureHuman
		// Someone who knows is wanted: "schickt mir jemanden, der sich
		// auskennt", "someone who knows this stuff"; or someone who
		// helps, shows or talks with the member is looked for: "ich
		// suche jemanden, der mir mit dem Handy hilft", "gibt es
		// jemanden, den ich anrufen kann", "is there a person I can talk
		// to?" (a relative clause, nothing asked beside it).
		case (someoneWords[w] && w != "wer" && w != "who" && w != "wen" && w != "wem" ||
			(humanNouns[w] || isStaff(w)) && !groupWords[w] && person(i)) && !direct && emb == len(ws) &&
			i+1 < len(ws) && relWords[ws[i+1]] &&
			// After a noun, "der/die/den/mit" opens a relative clause
			// only after a comma ("einen Menschen, der …"; not "gibt es
			// im Team die Funktion, …").
			(someoneWords[w] || i+1 < len(brk) && brk[i+1] || relPronoun(ws, i+1) || ws[i+1] == "who" || ws[i+1] == "that" || ws[i+1] == "i") &&
			(someoneWords[w] && within(ws, i+2, i+6, in(knowWords)) ||
				within(ws, i-4, i, in(seekWords)) && within(ws, i+2, i+8, func(x string) bool {
					return helpVerbs[x] || speakVerbs[x] || callVerbs[x] || showVerbs[x] || askVerbs[x]
				}) && within(ws, i+1, i+8, func(x string) bool { return self(x) || x == "ich" || x == "i" })):
			return sureHuman
		// "gibt's hier jemand Echtes?", "jemand Richtiges".
		case realWords[w] && w != "live" && w != "personal" && w != "human" && within(ws, i-2, i, func(x string) bool {
			return someoneWords[x] && x != "wer" && x != "who" && x != "wen" && x != "wem"
		}) && (i+1 >= len(ws) || fillerWords[ws[i+1]] || !clause(i, i+1)):
			return sureHuman
		// A person by name asked to help: "kann mir eine Person
		// helfen?", "can a human help me", "kann mir der Support
		// helfen" — not a bare "someone" (below) and not before an
		// embedded question ("kann mir ein Mensch sagen, wie …"). A
		// modal or "bitte" makes it a request; the indicative asks a
		// fact ("Hilft mir die Geschäftsstelle, wenn ich meinen
		// AG-Ordner nicht sehe?": who is responsible, a guide may say).
		case helpVerbs[w] && !direct && within(ws, i-6, i+3, self) && emb == len(ws) &&
			near(i, -6, 4, func(k int) bool { return requestWords[ws[k]] && clause(i, k) }) >= 0 &&
			near(i, -5, 4, func(k int) bool {
				return (humanNouns[ws[k]] || isStaff(ws[k])) && !groupWords[ws[k]] && person(k) && clause(i, k) &&
					!within(ws, k-3, k, func(x string) bool { return someoneWords[x] })
			}) >= 0:
			return sureHuman
		// A real person or personal help: "echte Menschen", "persönliche
		// Hilfe", "a real person", "human support".
		case realWords[w] && near(i, 1, 3, func(k int) bool {
			return (humanNouns[ws[k]] || isStaff(ws[k]) || helpNouns[ws[k]]) && clause(i, k) && head(k)
		}) >= 0:
			return sureHuman
		// Help from a person: "Hilfe von einem Menschen", "support from
		// a human".
		case helpNouns[w] && within(ws, i+1, i+3, func(x string) bool { return x == "von" || x == "vom" || x == "from" || x == "durch" }) &&
			within(ws, i+2, i+5, func(x string) bool { return humanNouns[x] || isStaff(x) }):
			return sureHuman
		// Help from someone: "Unterstützung von jemandem", "help from
		// someone" — the bare "someone" right after the preposition
		// (a person is who gives it; "von wem" asks who).
		case helpNouns[w] && i+2 < len(ws) && (ws[i+1] == "von" || ws[i+1] == "from") &&
			someoneWords[ws[i+2]] && !whoWords[ws[i+2]]:
			return sureHuman
		// "persönlich helfen", "help me personally", "telefonisch sprechen".
		// "Treffen" after a preposition or article is the noun, an event
		// ("eine Genossin persönlich beim Treffen verifizieren"), not
		// the verb "sich treffen".
		case inPerson[w] && near(i, -4, 5, func(k int) bool {
			x := ws[k]
			return helpVerbs[x] || speakVerbs[x] || helpNouns[x] ||
				(x == "treffen" || x == "meet") && !within(ws, k-2, k, in(nounLeadWords))
		}) >= 0:
			return sureHuman
		// A call-back: "Rückruf", "callback", "call me back".
		case callBack[w] || (w == "call" || w == "ring") && within(ws, i+1, i+3, func(x string) bool { return x == "back" }):
			return sureHuman
		// Someone calls me: "ruf mich an", "kann mich jemand anrufen",
		// "call me", "phone me".
		// A conditional clause tells a situation ("wenn mich jemand
		// anruft, klingelt das Handy nicht").
		case w == "mich" && within(ws, i+1, i+6, func(x string) bool { return strings.HasPrefix(x, "anruf") || strings.HasPrefix(x, "zurueckruf") }) &&
			near(i, -3, 4, func(k int) bool { return groupWords[ws[k]] && clause(i, k) }) < 0 && !conditional(i),
			(w == "ruf" || w == "rufe" || w == "ruft" || w == "rufen") && within(ws, i+1, i+4, func(x string) bool { return x == "mich" || x == "uns" }),
			(w == "call" || w == "phone" || w == "ring") && i+1 < len(ws) && ws[i+1] == "me":
			return sureHuman
		// "Kontaktiert mich bitte", "kontaktieren Sie mich": an
		// imperative to the team, at the start of its clause or after
		// "bitte".
		case strings.HasPrefix(w, "kontaktier") && (i == 0 || !clause(i-1, i) || ws[i-1] == "bitte" || leadWords[ws[i-1]]) &&
			(i+1 < len(ws) && ws[i+1] == "mich" || i+2 < len(ws) && ws[i+1] == "sie" && ws[i+2] == "mich") &&
			!within(ws, i+2, i+5, in(someoneWords)): // "kontaktiert mich jemand, wenn …?" asks what happens
			return sureHuman
		// Someone contacts me: "kann mich bitte jemand vom Team
		// kontaktieren", "please contact me" — asked of a person, not
		// of a class ("Können mich Fremde kontaktieren?") and not "who"
		// ("wer kann mich kontaktieren?" asks what the tool allows).
		case (w == "mich" && within(ws, i+1, i+8, func(x string) bool { return strings.HasPrefix(x, "kontaktier") }) ||
			w == "contact" && i+1 < len(ws) && ws[i+1] == "me") && !direct && !conditional(i) &&
			near(i, -4, 8, func(k int) bool { return helper(k) && ws[k] != "wer" }) >= 0 &&
			near(i, -4, 8, func(k int) bool { return groupWords[ws[k]] || ws[k] == "wer" || ws[k] == "who" }) < 0:
			return sureHuman
		// A polite frame around someone calling: "wäre nett, wenn mal
		// jemand anruft", "it would be great if someone called".
		case (strings.HasPrefix(w, "anruf") || strings.HasPrefix(w, "zurueckruf") || w == "called" || w == "calls" || w == "call") &&
			!direct && near(i, -4, 0, func(k int) bool { return helper(k) && clause(k, i) }) >= 0 &&
			within(ws, 0, i, in(niceWords)):
			return sureHuman
		// Someone does it for the member: "kann das jemand für mich
		// einrichten", "could someone do it for me" — the benefactive
		// "für mich" (Duden: für, "zugunsten von") with someone as the
		// subject of a request; nothing asked beside it.
		case (w == "fuer" || w == "for") && i+1 < len(ws) && (ws[i+1] == "mich" || ws[i+1] == "uns" || ws[i+1] == "me" || ws[i+1] == "us") &&
			!direct && emb == len(ws) &&
			near(i, -5, 0, func(k int) bool {
				return someoneWords[ws[k]] && ws[k] != "wer" && ws[k] != "who" && ws[k] != "wen" && ws[k] != "wem" && clause(k, i)
			}) >= 0 &&
			near(i, -7, 0, func(k int) bool { return modalWords[ws[k]] && clause(k, i) }) >= 0:
			sig = max(sig, maybeHuman)
		// Someone gets back to me: "kann sich jemand bei mir melden".
		case (w == "melden" || w == "meldet" || w == "melde") && within(ws, i-4, i+4, func(x string) bool { return x == "bei" }) &&
			within(ws, i-4, i+4, func(x string) bool { return x == "mir" || x == "uns" }) && (near(i, -7, 5, helper) >= 0 || whoRequest(ws, brk, i)) &&
			!conditional(i) && !memberCondition(ws, brk, i, false): // "… melden wenn ich präsentiere" in the verb's own clause (personframe.go)
			return sureHuman
		// Someone writes to the member: "kann mir ein Admin schreiben",
		// "kann mir jemand vom Support schreiben", "can an admin write
		// me" — the member as the addressee (Duden, "schreiben":
		// jemandem schreiben, jemanden anschreiben; Cambridge
		// Dictionary, "write": to send a message to someone) and a
		// person by name as the one asked, in a request (a modal, no
		// negation). The member's own writing ("kann ich dem Admin
		// schreiben") and a class of people ("können mir Fremde
		// schreiben?": what the tool allows) are no such request.
		case writeVerbs[w] && !direct && emb == len(ws) && toMe(i) &&
			near(i, -6, 4, func(j int) bool { return modalWords[ws[j]] && clause(i, j) }) >= 0 &&
			near(i, -6, 4, func(j int) bool { return (notWords[ws[j]] || failNot[ws[j]]) && clause(i, j) }) < 0 &&
			near(i, -6, 1, func(k int) bool {
				return clause(i, k) && (named(k) || (isStaff(ws[k]) && ws[k] != "team") && helper(k))
			}) >= 0:
			return sureHuman
		// Speak with a person: "mit einem Menschen sprechen", "mit
		// jemandem vom Team reden", "talk to a human", "speak with
		// someone". Writing and chatting with someone is what a chat
		// does: only with a human or staff by name.
		case speakVerbs[w] && !nounedVerb(ws, i):
			k := near(i, -6, 5, func(k int) bool {
				return person(k) && partner(i, k) && !someoneWords[ws[k]] && !youWords[ws[k]]
			})
			generic := near(i, -6, 5, func(k int) bool { return person(k) && partner(i, k) })
			chat := w == "schreiben" || w == "chatten" || w == "chat" || w == "unterhalten"
			switch {
			case k >= 0 && chat && (humanNouns[ws[k]] || isStaff(ws[k]) && ws[k] != "team") && !direct:
				return sureHuman
			case chat:
			// Talking with a bare "someone" in a place that is a tool
			// ("kann ich in der Nextcloud mit jemandem telefonieren",
			// "… per Videoanruf in Talk sprechen"): the member asks what
			// the tool does; searched, a person when no guide fits.
			case k < 0 && generic >= 0 && !direct && toolPlace(ws, brk, i):
				sig = max(sig, maybeHuman)
			case (k >= 0 || generic >= 0) && !direct:
				return sureHuman
			case k >= 0 || generic >= 0:
				sig = max(sig, maybeHuman)
			}
		// Reach the people behind the bot: "wie erreiche ich euch", "how
		// can I contact support", "Kontakt zur Geschäftsstelle" — how to
		// reach someone is information a guide may give (a contacts
		// guide); a person is offered when none does.
		// A class of people ("Können mich Leute von außen anrufen?")
		// is nobody to reach, and "call" after an article is the noun
		// ("die Leute im Call").
		case reachVerbs[w] && !callNoun(i) && near(i, -4, 5, func(k int) bool {
			return person(k) && !someoneWords[ws[k]] && !groupWords[ws[k]]
		}) >= 0:
			sig = max(sig, numberHuman)
		case reachVerbs[w] && !callNoun(i) && near(i, -4, 5, func(k int) bool { return person(k) && !groupWords[ws[k]] }) >= 0:
			sig = max(sig, maybeHuman)
		// A number or hotline asked for ("gibt es eine Hotline", "welche
		// Nummer hat …"), not merely named ("mail an … oder
		// [Telefonnummer]") and not the member's own: a guide may give
		// it (a contacts guide, the dial-in number of a conference).
		case channelWords[w] && !within(ws, i-2, i, in(ownWords)) && within(ws, i-5, i+2, in(askForWords)):
			sig = max(sig, numberHuman)
		// "ist hier jemand?", "anyone there?", "ist da draußen ein Mensch?"
		// The person may stand further before the presence word ("ist
		// gerade jemand aus dem Team da?"): the whole short message.
		case presenceWords[w] && len(ws) <= 7 && within(ws, i-6, i+4, func(x string) bool {
			return humanNouns[x] || someoneWords[x] && x != "wer" && x != "who" && x != "wen" && x != "wem"
		}):
			return sureHuman
		// Not a bot, or asking what Lotse is: "ich will keinen Bot",
		// "bist du ein Bot?", "are you a human?".
		case botWords[w] && within(ws, i-3, i, in(notWords)),
			(botWords[w] || humanNouns[w]) && (within(ws, i-3, i, func(x string) bool { return x == "bist" || x == "seid" }) ||
				near(i, -4, -1, func(k int) bool { return ws[k] == "are" && ws[k+1] == "you" }) >= 0):
			return sureHuman
		// "Mensch bitte", "human please", "bitte einen Menschen".
		case (humanNouns[w] || isStaff(w) && w != "team") && (within(ws, i+1, i+2, in(askingBitte)) ||
			len(ws) <= 5 && within(ws, i-3, i, in(askingBitte)) ||
			!direct && emb == len(ws) && bareNounClause(ws, brk, i)):
			return sureHuman
		// Someone helps me, shows or tells me: "kann mir das jemand
		// zeigen", "can someone help me". "Who helps?" ("wer kann mir
		// helfen", "an wen kann ich mich wenden") asks for information a
		// guide may give (a contacts guide).
		// German puts the verb last, after the person and what they
		// come from ("kann mir jemand aus dem Team weiterhelfen"): the
		// member may stand six words before it.
		// "Sich das ansehen" is looking at the member's matter ("könnte
		// sich das jemand ansehen?"); idioms of personal help count as
		// helping ("mich an die Hand nehmen", "mir unter die Arme
		// greifen"; Duden).
		//
		// A look verb without the reflexive ("kann mal jemand vom Team
		// drüberschauen") asks someone to look only when the modal is
		// not the member's own ("kann ich irgendwo nachschauen, wer in
		// meiner AG ist", "kann man nachsehen, wer den Raum gebucht
		// hat": no "ich", "man", "wir" between the modal and the verb —
		// German puts the subject right after the finite modal in a
		// question, Duden grammar) and its someone is no question word:
		// "wer" is the subject of the object clause (review rvP11,
		// finding 5).
		case helpIdiom(ws, i) && !direct && (within(ws, i-6, i+3, self) || lookVerbs[w] && near(i, -9, 0, func(k int) bool { return ws[k] == "sich" && clause(k, i) }) >= 0) &&
			askedOne(i, false) >= 0,
			helpIdiom(ws, i) && !direct && lookOver[w] && near(i, -9, 0, func(k int) bool {
				return modalWords[ws[k]] && clause(k, i) && !within(ws, k+1, i, in(selfSubjects))
			}) >= 0 && askedOne(i, true) >= 0:
			if within(ws, i-5, i+4, in(whoWords)) {
				sig = max(sig, numberHuman)
			} else {
				sig = max(sig, maybeHuman)
			}
		// A contact person: "gibt es eine Ansprechperson für …".
		case strings.HasPrefix(w, "ansprechp") || strings.HasPrefix(w, "kontaktp"):
			sig = max(sig, numberHuman)
		// Hand me over: "verbinde mich mit dem Support", "connect me to
		// a person".
		case (strings.HasPrefix(w, "verbind") || strings.HasPrefix(w, "weiterleit") || w == "connect" || w == "transfer") &&
			within(ws, i-5, i+6, func(x string) bool { return humanNouns[x] || isStaff(x) || someoneWords[x] }):
			if within(ws, i-5, i+3, func(x string) bool { return x == "mich" || x == "me" }) {
				return sureHuman // "Können Sie mich mit einem Mitarbeiter verbinden?"
			}
			sig = max(sig, maybeHuman)
		// A human wanted: "ich brauche einen Menschen", "I need a human",
		// "I want a real person".
		case (humanNouns[w] || isStaff(w) && w != "team") && within(ws, i-3, i, func(x string) bool {
			// "want" only as the head of its clause (wanted): "I want a
			// person to be able to edit my file" wants no person.
			return x == "brauche" || x == "brauch" || x == "braeuchte" || x == "need"
		}) && !roleAfter(ws, i):
			return sureHuman
		// "ich brauche jemanden", "I need someone", "jemand, der mir …",
		// "someone who knows …".
		case someoneWords[w] && w != "wer" && w != "who" && w != "wen" && w != "wem" && !direct &&
			(within(ws, i-3, i, func(x string) bool {
				// ("brauch": the colloquial first person, Duden
				// "brauchen", as wantVerbs and seekWords have it.)
				return x == "brauche" || x == "brauch" || x == "braeuchte" || x == "suche" || x == "need" || x == "want" || x == "haette"
			}) || i+1 < len(ws) && (ws[i+1] == "der" || ws[i+1] == "die" || ws[i+1] == "who" || ws[i+1] == "that")):
			sig = max(sig, maybeHuman)
		}
	}
	return sig
}

// personRest reports what follows a request for a person: whether any
// topic word is left besides the request and filler, and whether an
// embedded question ("sagen, wie …") follows it.
// at is the index of the word that opens an embedded question after the
// request (-1 if none, or 0 for a message that is a question of its own).
func personRest(ws []string) (content, question bool, at int) {
	// A message that opens with a question word other than "who" is a
	// question of its own.
	question = opensQuestion(ws)
	at = -1
	if question {
		at = 0
	}
	seenPerson := false
	for i, w := range ws {
		if (w == "hand" || w == "arme") && i+1 < len(ws) && (helpIdiom(ws, i+1) || i+2 < len(ws) && helpIdiom(ws, i+2)) {
			continue // the noun of an idiom of help ("an die Hand nehmen")
		}
		if isPerson(w) || helpIdiom(ws, i) {
			seenPerson = true
			if !questionWords[w] {
				continue
			}
		}
		if questionWords[w] {
			if seenPerson && !question {
				question, at = true, i
			}
			continue
		}
		if fillerWords[w] || social(w) || askWords[w] || negWords[w] || speakVerbs[w] || callVerbs[w] || reachVerbs[w] ||
			channelWords[w] || realWords[w] || helpNouns[w] || inPerson[w] || presenceWords[w] || botWords[w] ||
			callBack[w] || len([]rune(w)) < 3 {
			continue
		}
		content = true
	}
	return content, question, at
}

// foldWords returns the folded words of a message.
func foldWords(ws []word) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = fold(w.w)
	}
	return out
}

// otherQuestion reports whether the message has, besides a request for a
// person, a sentence of its own that asks a question ("Wie melde ich … an?
// Ruft mich an: …"): then the question is searched, and a person is
// offered only when no guide fits.
//
// ws, folded and brk are the message's words, folded words and clause
// breaks (clauseStarts), read as a text from the first word on (qwords).
func otherQuestion(text string, ws []word, folded []string, brk []bool) bool {
	if len(ws) == 0 {
		return false
	}
	msg := sharing(text[ws[0].start:], ws, folded, brk)
	for from, to := range msg.sentences() {
		s := folded[from:to]
		if questionWords[s[0]] && personRequest(s, brk[from:to]) == noHuman {
			if content, _, _ := personRest(s); content {
				return true
			}
		}
	}
	return false
}

// sentenceBreaks end a sentence; clauseBreaks end a clause before a
// question ("Hallo - wie …"; chat's, as support reads the "no" particles
// by them, chat.SetApart); commaBreaks end a clause inside a sentence
// (not "-": it joins compounds, "Support-Mail"). chat.BreakBefore reads
// them.
const (
	sentenceBreaks = ".!?:;\n"
	clauseBreaks   = chat.ClauseBreaks
	commaBreaks    = ",.!?:;\n"
)

// clauseStarts reports for each word whether a clause break
// (clauseBreakBefore) stands before it.
func clauseStarts(text string, ws []word) []bool {
	out := make([]bool, len(ws))
	for i := 1; i < len(ws); i++ {
		out[i] = clauseBreakBefore(text, ws[i].start)
	}
	return out
}

// clauseBreakBefore reports whether a clause ends before the byte offset
// p of text: a comma or the end of a sentence (commaBreaks), or a dash
// with a space on either side („ich komm nicht weiter - mein Handy …“;
// spacedDash), never the hyphen of a compound („Support-Mail“). Every
// reading of clauses inside a sentence reads the breaks here, so they
// agree.
func clauseBreakBefore(text string, p int) bool {
	return chat.BreakBefore(text, p, commaBreaks) || spacedDash(text, p)
}

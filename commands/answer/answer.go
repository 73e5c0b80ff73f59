// Package answer makes the one decision Lotse takes for a member's free-text
// message: answer with a guide, offer a choice of close guides, reply to
// small talk, bring in a person, leave it to the command router, or say
// honestly that no guide fits. It is pure: a message, a library and
// options in, an outcome with guide IDs and the reply text out — no
// Matrix, no database. The chat path (package commands) and `lotse ask`
// both use it, so what an admin checks with `lotse ask` is what members
// get.
package answer

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
	"github.com/lotse-bot/lotse/internal/utf8cut"
)

// Outcome is what Lotse does with a message.
type Outcome string

// The outcomes.
const (
	// Answer shows one guide: the evidence is clear and it is clearly
	// ahead of the runner-up.
	Answer Outcome = "answer"
	// Choose offers 1–3 close guides ("Meintest du …?").
	Choose Outcome = "choose"
	// SmallTalk is a greeting, thanks, an acknowledgement or emoji, or
	// talk addressed to the bot (praise, "how are you", a question about
	// what it is, an apology; see botTalk).
	SmallTalk Outcome = "smalltalk"
	// Human is a request for a person.
	Human Outcome = "human"
	// Command is a "!" command; the router answers it.
	Command Outcome = "command"
	// None is an honest "no guide fits", with the way to a person.
	None Outcome = "none"
)

// Talk is the kind of small talk.
type Talk string

// The kinds of small talk.
const (
	TalkHello     Talk = "hello"
	TalkThanks    Talk = "thanks"
	TalkAck       Talk = "ack"
	TalkBye       Talk = "bye"
	TalkHowAreYou Talk = "howareyou"
	TalkPrompt    Talk = "prompt" // empty, punctuation, "kurze Frage": ask for the question
)

// Library is the search the decision needs; *guides.Library has it.
type Library interface {
	SearchFor(query string, limit int, team bool) search.Result
}

// Options are the circumstances of a message.
type Options struct {
	// Team searches the team's guides too.
	Team bool
	// Cases reports that a support case can be offered (support is on and
	// the message came in a direct chat).
	Cases bool
	// Contact names the fallback contact when cases are off ("" → the
	// catalogue's default).
	Contact string
	// Texts is the catalogue (nil → German).
	Texts *Texts
}

// Decision is the outcome for one message.
type Decision struct {
	Outcome Outcome
	// Talk is the kind of small talk (SmallTalk only).
	Talk Talk
	// Query is the part of the message that was searched (a greeting or a
	// thank-you around a question removed); "" if nothing was searched.
	Query string
	// Hits are the guides offered, in order: one for Answer, 1–3 for
	// Choose, none otherwise.
	Hits []search.Hit
	// Also are the runners-up of an Answer (the chat lists the close ones
	// as "Vielleicht passt auch").
	Also []search.Hit
	// Nearest are, for None after a search, the guides the search found
	// but did not offer, best first (the team's digest names them).
	Nearest []search.Hit
	// Reply is the reply in Markdown, as Compose renders it for small
	// talk, a person and none; for Choose the chat's text too
	// (choiceMarkdown), for Answer only its first line (Compose shows
	// the guide).
	Reply string
	// Vague: the message is a bare complaint or cry for help ("geht
	// nicht", "Hilfe!") that names no subject (None only): Reply asks
	// what exactly does not work, and it says nothing about a missing
	// guide.
	Vague bool
	// Rescued: a choice offered on evidence too weak for the search's
	// own "Meintest du …?" (see rescueWeak). PersonHint, set then, is
	// the line that closes the choice with the way to a person
	// (chooseOrPerson); Reply ends with it.
	Rescued    bool
	PersonHint string
	// CaseLead, set with cases on when a support case is offered right
	// away after small talk (a question whether Lotse is a person, see
	// botReply), is Reply without its last sentence (HumanOffer, the
	// offer as `lotse ask` shows it): the chat sends CaseLead with the
	// offer of a case, as it does for a request for a person.
	CaseLead string
	// weak: the weak evidence of a "no guide" the rescue may turn into a
	// choice (see weakGate).
	weak *weakEvidence
	// offTopic: the message names a subject outside the library
	// (search.Result.OffTopic).
	offTopic bool
	// exit: which exit of decideSearch made this "no guide" (tuning).
	exit noneExit
	// thingNote: for a "no guide" about a product, service or device
	// outside the association's tools, the sentence that says so
	// (thingNote; NoGuideReplyFor puts it into the chat's reply).
	thingNote string
	// aboutSearched: the decision's search looked up one word on its own
	// as well (boundThing's firstAbout), a second search.
	aboutSearched bool
}

// Guides returns the IDs of the hits offered.
func (d Decision) Guides() []string {
	ids := make([]string, 0, len(d.Hits))
	for _, h := range d.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

// maxMessage bounds the bytes of a message the decision looks at: a
// question is short, and the search caps its words anyway; this keeps the
// pattern matching on a 60 KB paste cheap too.
const maxMessage = 2048

// Decide takes the decision for one message.
func Decide(message string, lib Library, opts Options) Decision {
	return decide(message, lib, opts, 0)
}

// maxDepth bounds the cuts from the front of a message: a question about
// the bot's nature (botNatureQuestions, at depth 0 only) and a run of
// reply particles (replyLead). The rest of each is decided, each shorter,
// with no search before it: a message is searched for once.
const maxDepth = 2

// decide is Decide; depth counts the questions about the bot's nature
// (see botNatureQuestions) and the runs of reply particles (replyLead)
// already cut from the front of the message (at most maxDepth): the rest
// is decided once, never again cut.
func decide(message string, lib Library, opts Options, depth int) Decision {
	tx := opts.Texts
	if tx == nil {
		tx = &German
	}
	text := clean(message)
	if strings.HasPrefix(text, "!") {
		return Decision{Outcome: Command, Reply: tx.Command}
	}
	words := tokens(text)
	if len(words) == 0 {
		// Empty, punctuation or emoji only.
		if hasSymbol(text) {
			return smallTalk(tx, TalkAck)
		}
		return smallTalk(tx, TalkPrompt)
	}
	folded := foldWords(words)
	brk := clauseStarts(text, words)
	bot, toBot := botTalk(folded, brk)
	if toBot && (bot == TalkBot || bot == TalkCriticism) {
		// "bist du ein Mensch oder ein Bot?" asks what Lotse is; "du
		// bist ein nutzloser Bot" gets an apology, not a case offer
		// quoting it. Both name the way to a person.
		return botReply(tx, opts, bot, bot == TalkBot && namesNature(folded, brk))
	}
	if toBot && bot == talkMachine {
		// "der Computer ist Schrott": what exactly does not work?
		return Decision{Outcome: None, Vague: true, Query: text, Reply: VagueReply(tx, opts)}
	}
	if from := botNatureQuestions(text, words, folded, brk); from > 0 && depth == 0 {
		// "Bist du eine KI wie ChatGPT?" asks what Lotse is; "bist du
		// ein Mensch? ich brauche Hilfe beim Passwort" asks that and
		// then the question, which is decided on its own.
		if from == len(words) {
			return botReply(tx, opts, TalkBot, true)
		}
		rest := decide(text[restStart(text, words[from].start):], lib, opts, depth+1)
		if rest.Outcome == None && !rest.Vague || rest.Rescued {
			// No guide for the rest ("bist du ein Mensch? ja oder
			// nein", "…? Ich bin Max."), or only a choice rescued from
			// weak evidence ("…? antwortest du auch nachts"): the
			// question that was asked is answered, not the rest
			// quoted as a question no guide fits (review rv7, rv15a).
			return botReply(tx, opts, TalkBot, true)
		}
		return rest
	}
	person := personRequest(folded, brk)
	if toBot && bot == TalkPraise {
		// Nothing but praise of the bot: "du bist ein guter Bot"
		// names what Lotse is, it asks for no person (review rv8,
		// finding 4).
		person = noHuman
	}
	content, question, at := false, false, -1
	bare := false // a question for the way to a person, nothing else
	if person == sureHuman {
		if !otherQuestion(text, words, folded, brk) {
			return human(tx, opts)
		}
		// "Wie melde ich … an? Ruft mich an": the question is searched.
		person, question = maybeHuman, true
	}
	if person != noHuman {
		c, q, a := personRest(folded)
		if c && !q && complaintRest(folded, brk) {
			c = false // "… helfen? mit dir komm ich nicht klar" (personframe.go)
		}
		content, question, at = c, question || q, a
		// Nothing but the request: "kann mir das jemand zeigen?". A
		// question for the way to a person and nothing else ("wann
		// kann man die Geschäftsstelle telefonisch erreichen?", "ist
		// die Geschäftsstelle telefonisch erreichbar?") asks for
		// information a guide may give (numberHuman): it is searched,
		// and a person is offered unless a guide answers it outright
		// (a choice of guides for a bare "wie erreiche ich euch?" would
		// offer dial-in numbers for the team's).
		if !content && person != numberHuman {
			return human(tx, opts)
		}
		bare = !content
	}
	// A decline is read before the vague complaint: "ich brauche keine
	// Hilfe", "I don't need help" have the words of a cry for help but
	// close the talk (fix12; review rvM). A cry for help is never small
	// talk ("ich brauche Hilfe", "es geht nicht mehr").
	talk, small := isSmallTalk(text, words)
	if isVague(words) && !small {
		return Decision{Outcome: None, Vague: true, Query: text, Reply: VagueReply(tx, opts)}
	}
	if small {
		return smallTalk(tx, talk)
	}
	if copeFailed(text, words) {
		// "I can't manage", "ich schaff das nicht": a complaint with
		// no object, asked what does not work (fix12).
		return Decision{Outcome: None, Vague: true, Query: text, Reply: VagueReply(tx, opts)}
	}
	if toBot {
		return smallTalk(tx, bot)
	}
	if bareApology(folded) && !strings.HasSuffix(text, "?") {
		// "sorry", "Entschuldigung" alone apologise for a slip: the
		// reassurance, not the prompt for a question (review rv7,
		// finding 6). "Entschuldigung?" gets attention like "excuse
		// me" and is left to questionPart (the prompt).
		return smallTalk(tx, TalkSorry)
	}
	if from := replyLead(text, words); from > 0 && person == noHuman && depth < maxDepth {
		// "nein, ich brauche Hilfe bei der Anmeldung", "ja, aber …":
		// the answer particle to Lotse's question opens the message like
		// a greeting; the rest is decided (fix13). The whole was read
		// above: "nein danke, ich komme klar", "nein, das hilft mir
		// nicht", a request for a person keep their reading.
		rest := decide(text[from:], lib, opts, depth+1)
		if rest.Outcome == None && !rest.Vague {
			// No guide: the reply quotes the member's words as written
			// („nein, leider nicht“, not „nicht“), as before the cut;
			// nothing is searched again.
			if q, _, _ := questionPart(text, words); q != "" {
				rest.Query = q
				rest.Reply = NoGuideReplyFor(rest, tx, opts, Shorten(q, 200))
			}
		}
		return rest
	}
	q, from, lead := questionPart(text, words)
	if q == "" {
		// Only greetings, thanks and "kurze Frage": ask for the question.
		if lead == TalkHello || lead == TalkPrompt {
			return smallTalk(tx, TalkPrompt)
		}
		return smallTalk(tx, lead)
	}
	if at > 0 && words[at].start > from && words[at].start < from+len(q) {
		// "kann mir jemand sagen, wie ich …": search the question, not
		// the request around it (q is text[from:from+len(q)]).
		q = strings.TrimSpace(text[words[at].start : from+len(q)])
		from = words[at].start
	}
	// The question part's words, folded and split into clauses at most
	// once for every reader after the search (qwords.go).
	qv := partOf(q, from, words, folded, brk)
	// No guide: the second search is the question clause's or, for a
	// question about the bot's own acts, the guides about it (aboutbot.go).
	// An answer or a choice for a question about the bot: its guides
	// (botanswer.go), or else the question sentence's check.
	d, searched := botAnswer(decideSearch(qv, lib, opts, tx), text, qv, person == noHuman, lib, opts, tx)
	if !searched {
		// A question whether a reported message is genuine: the guide
		// about doubted messages first (doubted.go).
		d, searched = doubtedMessage(d, qv, lib, opts, tx)
	}
	if !searched {
		d = secondSearch(d, qv, person == noHuman, lib, opts, tx)
		d = lastQuestionAgrees(d, qv, lib, opts, tx)
	}
	if person == numberHuman && (bare && d.Outcome != Answer || d.Outcome == None) {
		// "Welche Telefonnummer hat die Geschäftsstelle?": the office's
		// contacts page, when the first guide is one, where the switch
		// below would offer a person (officeguide.go).
		if c, ok := officeGuide(d, folded, opts, tx); ok {
			return c
		}
	}
	switch {
	case bare && d.Outcome != Answer:
		// "Wie erreiche ich euch?" with no guide that answers it.
		return human(tx, opts)
	case person == numberHuman && d.Outcome == None && d.offTopic:
		// Who to turn to about a subject outside the library ("wer ist
		// mein Ansprechpartner für Mitgliedsbeiträge"): the honest no,
		// which names the way to a person too; offering the team as
		// the contact would claim it handles the subject.
		return d
	case person == numberHuman && d.Outcome == None:
		// A number no guide gives: the way to a person.
		return human(tx, opts)
	case person == maybeHuman && !question && d.Outcome == None && !d.offTopic:
		// Someone asked to help with something no guide covers. Guides
		// the search found are the help asked for ("kann mir jemand
		// sagen, wie …", "kann mir jemand beim Teilen helfen"); a
		// subject outside the library ("kann mir jemand Excel
		// erklären") gets the honest no: the team would not help with
		// it either.
		return human(tx, opts)
	case person != noHuman:
		// The member asked for a person besides the question ("…? Ruft
		// mich bitte an"): the honest no comes with that way to a
		// person; a rescued choice would make them ask for one again.
		return d
	}
	return rescueWeak(d, opts, tx)
}

// bareApology reports whether ws are nothing but words of apology
// (botSorryCore: "sorry", "Entschuldigung", "Verzeihung", "sorry
// sorry"). "Pardon" alone asks "what did you say?" as often as it
// apologises (Duden, "pardon"; Cambridge, "pardon?") and is left out.
func bareApology(ws []string) bool {
	for _, w := range ws {
		if !botSorryCore[w] || w == "pardon" || w == "leid" {
			return false
		}
	}
	return len(ws) > 0
}

// restStart is the byte where the rest after a cut starts when its
// first word starts at start: a "!" written right before that word, after
// a space or at the start, belongs to it ("bist du ein Bot? !hilfe": the
// rest is the command "!hilfe", review rv7 finding 4); "Bot!hilfe" keeps
// its "!" as punctuation.
func restStart(text string, start int) int {
	i := start
	for i > 0 && text[i-1] == '!' {
		i--
	}
	if i == start || i > 0 && text[i-1] != ' ' && text[i-1] != '\t' && text[i-1] != '\n' {
		return start
	}
	return i
}

func smallTalk(tx *Texts, t Talk) Decision {
	return Decision{Outcome: SmallTalk, Talk: t, Reply: talkReply(tx, t)}
}

func human(tx *Texts, opts Options) Decision {
	if opts.Cases {
		return Decision{Outcome: Human, Reply: tx.HumanCases + " " + tx.HumanOffer}
	}
	return Decision{Outcome: Human, Reply: fmt.Sprintf(tx.HumanContact, contact(tx, opts))}
}

func contact(tx *Texts, opts Options) string {
	if opts.Contact != "" {
		return opts.Contact
	}
	return tx.DefaultContact
}

// NoGuideReply is the reply for None; question is the member's question
// as the medium needs it (escaped for Markdown in the chat).
func NoGuideReply(tx *Texts, opts Options, question string) string {
	return noGuideReply(tx, opts, question, "")
}

// noGuideReply is NoGuideReply with note (thingNote: why no guide came)
// after its first sentence when note is not "".
func noGuideReply(tx *Texts, opts Options, question, note string) string {
	lead := fmt.Sprintf(tx.NoGuide, guides.InnerQuotes(tx.Lang, question))
	if note != "" {
		lead += " " + note
	}
	if opts.Cases {
		return lead + " " + tx.NoGuideCases
	}
	return lead + " " + fmt.Sprintf(tx.NoGuideContact, contact(tx, opts))
}

// Shorten is [guides.Shorten]: s on one line, cut to max runes with "…",
// for quoting a question back.
func Shorten(s string, max int) string { return guides.Shorten(s, max) }

// clean cuts the message to maxMessage bytes, drops quoted lines (a reply
// fallback "> <@alice:…> …"), HTML tags and Markdown markup characters,
// makes every Unicode space an ASCII space or line break, and trims it.
func clean(s string) string {
	s = utf8cut.Prefix(s, maxMessage)
	if strings.Contains(s, "\n>") || strings.HasPrefix(s, ">") {
		var keep []string
		for _, l := range strings.Split(s, "\n") {
			if !strings.HasPrefix(strings.TrimSpace(l), ">") {
				keep = append(keep, l)
			}
		}
		s = strings.Join(keep, "\n")
	}
	if strings.ContainsRune(s, '<') {
		s = stripTags(s)
	}
	s = strings.Map(func(r rune) rune {
		switch r {
		case '*', '_', '`', '#', '~':
			return ' '
		case '\n', ' ':
			return r
		case '\u0085', '\u2028', '\u2029':
			// Next line, line and paragraph separator: a line break.
			return '\n'
		}
		if unicode.IsSpace(r) {
			// A no-break, thin or other space is a space: clauses
			// and sentences are told by the bytes around ASCII
			// spaces (chat.BreakBefore).
			return ' '
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// stripTags removes <…> tags (linear: one pass, no backtracking).
func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>' && in:
			in = false
			b.WriteByte(' ')
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// word is a folded word of the message and where it starts.
type word struct {
	w     string
	start int
}

// tokens returns the lower-cased words (letters and digits) of text.
func tokens(text string) []word {
	var out []word
	start := -1
	for i, r := range text {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || (r == '\'' && start >= 0)
		if inWord && start < 0 {
			start = i
		}
		if !inWord && start >= 0 {
			out = append(out, word{strings.ToLower(text[start:i]), start})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, word{strings.ToLower(text[start:]), start})
	}
	return out
}

func hasSymbol(s string) bool {
	for _, r := range s {
		if unicode.IsSymbol(r) || r > 0x2000 && !unicode.IsPunct(r) && !unicode.IsSpace(r) {
			return true
		}
	}
	return false
}

// SmallTalkOf reports the kind of small talk when message is nothing else
// ("" otherwise), by the rules of [Decide].
func SmallTalkOf(message string) (Talk, bool) {
	d := Decide(message, noLibrary{}, Options{})
	if d.Outcome != SmallTalk {
		return "", false
	}
	return d.Talk, true
}

// noLibrary finds nothing; SmallTalkOf never needs to search.
type noLibrary struct{}

func (noLibrary) SearchFor(query string, _ int, _ bool) search.Result {
	return search.Result{Query: query}
}

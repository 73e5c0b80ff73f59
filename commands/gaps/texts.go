package gaps

import "github.com/lotse-bot/lotse/commands/chat"

// Texts are the texts of the gaps workflow: the member's opt-out and the
// team's weekly digest of questions Lotse could not answer.
// A text with "|" has the forms "one|other" for a count (see chat.Plural).
type Texts struct {
	// Lang is the BCP 47 code.
	Lang string
	// Commands holds usage and description per command name.
	Commands map[string]chat.CommandText
	// UndoWords take an opt-out back ("!nicht-merken zurück").
	UndoWords []string

	DMOnly, OptedIn, AlreadyOut, NotKept string
	// OptedOut answers !nicht-merken; OptedOutCases follows only when
	// support cases are on (there are no cases to learn from otherwise),
	// then OptedOutUndo.
	OptedOut, OptedOutCases, OptedOutUndo string

	// DigestTitle: %s, %s = first and last day of the window.
	// DigestFirstTitle: the first digest (everything still kept), %s = last day.
	DigestTitle, DigestFirstTitle string
	// DigestCount: %d questions, then %s = DigestGroups.
	DigestCount, DigestGroups string
	// DigestGroup heads a group: %d = its size, %s = its first example.
	// DigestAlso: %s = a second example. DigestClosest: %s = guide titles;
	// DigestNoGuide: no guide came close.
	DigestGroup, DigestAlso, DigestClosest, DigestNoGuide string
	// Outcome names per outcome ("one|other", %d), joined in brackets.
	Outcomes map[string]string
	// DigestMore: %d groups not shown.
	DigestMore string
	// DigestFooter explains where the data comes from and how long it stays.
	DigestFooter string
}

// German are the German texts.
var German = Texts{
	Lang: "de",
	Commands: map[string]chat.CommandText{
		"nicht-merken": {Usage: "!nicht-merken [zurück]", Description: "Fragen, die ich nicht beantworten konnte, nicht für das Team aufheben; `!nicht-merken zurück` nimmt das zurück"},
	},
	UndoWords:     []string{"zurück", "zurueck", "rückgängig", "rueckgaengig", "aus", "undo", "off"},
	DMOnly:        "Das besprechen wir bitte nur im Direktchat mit mir.",
	OptedOut:      "Alles klar: Fragen von dir, die ich nicht beantworten konnte, hebe ich nicht mehr für das Team auf. Was ich schon aufgehoben hatte, habe ich gelöscht.",
	OptedOutCases: "Auch aus deinen Supportfällen übernehme ich deine Worte weder als Beispielfragen noch in Entwürfe für Anleitungen; was ich schon als Beispielfrage daraus gelernt hatte, habe ich vergessen.",
	OptedOutUndo:  "Rückgängig machen: `!nicht-merken zurück`.",
	AlreadyOut:    "Das ist schon so: Deine Fragen hebe ich nicht für das Team auf. Rückgängig machen: `!nicht-merken zurück`.",
	OptedIn:       "Danke! Fragen von dir, die ich nicht beantworten konnte, hebe ich wieder eine Zeit lang auf – ohne deinen Namen sieht das Team daran, welche Anleitungen noch fehlen. `!nicht-merken` schaltet das wieder ab.",
	NotKept:       "Ich hebe zurzeit gar keine Fragen für das Team auf – da gibt es nichts abzuschalten.",

	DigestTitle:      "📚 **Fragen, die ich nicht beantworten konnte** (%s bis %s)",
	DigestFirstTitle: "📚 **Fragen, die ich nicht beantworten konnte** (bis %s)",
	DigestCount:      "%d Frage, %s:|%d Fragen, %s:",
	DigestGroups:     "%d Thema|nach Ähnlichkeit in %d Themen gruppiert",
	DigestGroup:      "**%d×** „%s“",
	DigestAlso:       "auch: „%s“",
	DigestClosest:    "am nächsten kamen: %s",
	DigestNoGuide:    "keine Anleitung kam nahe",
	Outcomes: map[string]string{
		"none":       "%d ohne passende Anleitung|%d ohne passende Anleitung",
		"choose":     "%d Mal „Meintest du …?“ ohne Auswahl|%d Mal „Meintest du …?“ ohne Auswahl",
		"thumbsdown": "%d Mal 👎 auf die Antwort|%d Mal 👎 auf die Antwort",
	},
	DigestMore:   "… und %d weiteres Thema.|… und %d weitere Themen.",
	DigestFooter: "Die Fragen sind gekürzt und ohne Namen; gelöscht werden sie nach der eingestellten Frist. Mitglieder können das mit `!nicht-merken` abschalten. Eine Frage, die öfter kommt, ist ein guter Anlass für eine neue Anleitung – oder für eine Beispielfrage in einer bestehenden.",
}

// English are the English texts.
var English = Texts{
	Lang: "en",
	Commands: map[string]chat.CommandText{
		"nicht-merken": {Usage: "!dont-keep [undo]", Description: "don't keep questions I couldn't answer for the team; `!dont-keep undo` takes it back"},
	},
	UndoWords:     []string{"undo", "off", "back", "zurück", "zurueck", "rückgängig", "aus"},
	DMOnly:        "Let's talk about this only in a direct chat with me, please.",
	OptedOut:      "Got it: I no longer keep your questions I couldn't answer for the team. What I had kept, I deleted.",
	OptedOutCases: "I also won't take your words from your support cases into example questions or guide drafts; example questions I had already learned from them, I forgot.",
	OptedOutUndo:  "To undo: `!dont-keep undo`.",
	AlreadyOut:    "That's already the case: I don't keep your questions for the team. To undo: `!dont-keep undo`.",
	OptedIn:       "Thanks! I'll keep your questions I couldn't answer for a while again – without your name, they show the team which guides are still missing. `!dont-keep` turns it off again.",
	NotKept:       "I'm not keeping any questions for the team at the moment – there's nothing to turn off.",

	DigestTitle:      "📚 **Questions I couldn't answer** (%s to %s)",
	DigestFirstTitle: "📚 **Questions I couldn't answer** (until %s)",
	DigestCount:      "%d question, %s:|%d questions, %s:",
	DigestGroups:     "%d topic|grouped by similarity into %d topics",
	DigestGroup:      "**%d×** “%s”",
	DigestAlso:       "also: “%s”",
	DigestClosest:    "closest: %s",
	DigestNoGuide:    "no guide came close",
	Outcomes: map[string]string{
		"none":       "%d without a fitting guide|%d without a fitting guide",
		"choose":     "%d “Did you mean …?” without a pick|%d “Did you mean …?” without a pick",
		"thumbsdown": "%d 👎 on the answer|%d 👎 on the answer",
	},
	DigestMore:   "… and %d more topic.|… and %d more topics.",
	DigestFooter: "Questions are shortened and without names; they are deleted after the configured period. Members can turn this off with `!dont-keep`. A question that keeps coming is a good reason for a new guide – or for an example question in an existing one.",
}

// TextsFor returns the texts of lang (German by default).
func TextsFor(lang string) *Texts { return chat.TextsFor(lang, &German, &English) }

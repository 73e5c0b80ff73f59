package guidedraft

import "github.com/lotse-bot/lotse/commands/chat"

// Texts are the texts of guide drafts (team room only). Markdown; %s
// arguments are escaped by the caller.
// A text with "|" has the forms "one|other" for a count (see chat.Plural).
type Texts struct {
	// Lang is the BCP 47 code.
	Lang string
	// Commands holds usage and description per command name.
	Commands map[string]chat.CommandText
	// TeamCommands introduces team commands in !hilfe (the support
	// workflow's heading; the help shows it once per role).
	TeamCommands string

	// Usage: no number given and not in a case thread: %s = usage.
	Usage string
	// NoSuchCase: %s = the number as typed, %s = Example.
	NoSuchCase string
	// Example is the command with a case number.
	Example string
	// NotResolved: %d = case number, %s = its state (one of the State texts).
	NotResolved string
	// StateOpen, StateClaimed and StateClosed name a case's state in NotResolved.
	StateOpen, StateClaimed, StateClosed string
	// NoAnswers: %d = case number; the team wrote nothing to the member.
	NoAnswers string
	// NoQuestion: %d = case number; the member's question is gone.
	NoQuestion string
	// Posted goes with the file in the case thread: %d = case number.
	Posted string
	// Removed follows Posted: %d = places with personal data replaced
	// (plural forms).
	Removed string
	// Shortened follows Posted when the answers were cut.
	Shortened string
	// Withheld follows Posted when the member wrote !nicht-merken: their
	// question is not in the draft.
	Withheld string
	// QuestionDeleted: the member deleted their question while the draft
	// was made; Lotse took the draft back (also the redaction's reason).
	QuestionDeleted string
	// CaseGone: the member's data was erased (their case deleted) while
	// the draft was made; Lotse took the draft back. %d = case number.
	CaseGone string
	// CaseGoneReason is the reason of that redaction.
	CaseGoneReason string
	// Finish tells an author what to finish.
	Finish string
	// PostedInThread answers a command written outside the case thread: %d.
	PostedInThread string
}

// TextsFor returns the catalogue of lang (English for "en", else German).
func TextsFor(lang string) *Texts { return chat.TextsFor(lang, &German, &English) }

// German are the German texts.
var German = Texts{
	Lang: "de",
	Commands: map[string]chat.CommandText{
		"anleitung-entwurf": {Usage: "!anleitung-entwurf <Nr>", Description: "macht aus einem gelösten Fall den Entwurf einer Anleitung (ohne Namen und interne Notizen)"},
	},
	TeamCommands:    "Befehle für das Team (im Teamraum):",
	Usage:           "Aus welchem Fall? Gib die Nummer an (`%s`) oder schreib den Befehl im Thread des Falls.",
	NoSuchCase:      "Einen Fall „%s“ gibt es nicht (mehr). Die Nummer steht an der Fallnachricht im Teamraum, z. B. `%s`.",
	Example:         "!anleitung-entwurf #12",
	NotResolved:     "Fall #%d ist %s. Einen Entwurf schreibe ich erst, wenn der Fall gelöst ist (`!erledigt`) – dann steht fest, welche Antwort geholfen hat.",
	StateOpen:       "noch offen",
	StateClaimed:    "noch in Arbeit",
	StateClosed:     "geschlossen, ohne dass ihn das Team gelöst hat",
	NoAnswers:       "In Fall #%d hat das Team dem Mitglied nichts geantwortet – daraus kann ich keinen Entwurf machen. Interne Notizen nehme ich bewusst nicht.",
	NoQuestion:      "Die Frage in Fall #%d ist nicht mehr da (gelöscht) – ohne sie kann ich keinen Entwurf schreiben.",
	Posted:          "📝 **Entwurf einer Anleitung** aus Fall #%d – ohne Namen, Matrix-IDs und interne Notizen.",
	Removed:         "%d Stelle mit Personendaten habe ich durch „[… entfernt]“ ersetzt.|%d Stellen mit Personendaten habe ich durch „[… entfernt]“ ersetzt.",
	Shortened:       "Die Antworten waren sehr lang; der Entwurf ist gekürzt.",
	Withheld:        "Das Mitglied möchte die eigenen Worte nicht gespeichert haben (`!nicht-merken`): Die Frage steht deshalb nicht im Entwurf – bitte an der Stelle mit „TODO“ in eigenen Worten eintragen.",
	QuestionDeleted: "Das Mitglied hat die Nachricht mit der Frage gelöscht – ich habe den Entwurf deshalb zurückgenommen.",
	CaseGone:        "Den Fall #%d gibt es nicht mehr – die Person hat ihre Daten löschen lassen. Ich habe den Entwurf deshalb zurückgenommen.",
	CaseGoneReason:  "Auf Wunsch der Person gelöscht (Datenschutz).",
	Finish:          "Zum Fertigstellen: Titel als Aussage formulieren, Zusammenfassung und Stichwörter prüfen, eine kurze Einleitung schreiben, die Antworten zu Schritten ordnen und die Stellen mit „TODO“ und „[… entfernt]“ bearbeiten. Dann die Datei in den passenden Themenordner der Bibliothek legen und mit `lotse guides check` prüfen.",
	PostedInThread:  "Der Entwurf liegt im Thread von Fall #%d.",
}

// English are the English texts.
var English = Texts{
	Lang: "en",
	Commands: map[string]chat.CommandText{
		"anleitung-entwurf": {Usage: "!guide-draft <number>", Description: "turns a resolved case into the draft of a guide (without names and internal notes)"},
	},
	TeamCommands:    "Team commands (in the team room):",
	Usage:           "From which case? Give the number (`%s`) or write the command in the case's thread.",
	NoSuchCase:      "There is no case “%s” (any more). The number is on the case message in the team room, e.g. `%s`.",
	Example:         "!guide-draft #12",
	NotResolved:     "Case #%d is %s. I write a draft only once the case is resolved (`!resolve`) – then it is clear which answer helped.",
	StateOpen:       "still open",
	StateClaimed:    "still in progress",
	StateClosed:     "closed without the team resolving it",
	NoAnswers:       "In case #%d the team sent the member no answer – there is nothing to draw a draft from. I deliberately leave internal notes out.",
	NoQuestion:      "The question of case #%d is gone (deleted) – I can't write a draft without it.",
	Posted:          "📝 **Draft of a guide** from case #%d – without names, Matrix IDs and internal notes.",
	Removed:         "I replaced %d place with personal data by “[… removed]”.|I replaced %d places with personal data by “[… removed]”.",
	Shortened:       "The answers were very long; the draft is shortened.",
	Withheld:        "The member asked that their words are not kept (`!dont-keep`): their question is not in the draft – please write it in your own words where it says “TODO”.",
	QuestionDeleted: "The member deleted the message with their question – so I took the draft back.",
	CaseGone:        "Case #%d no longer exists – the member had their data deleted. So I took the draft back.",
	CaseGoneReason:  "Deleted at the member's request (data protection).",
	Finish:          "To finish it: phrase the title as a statement, check the summary and tags, write a short introduction, order the answers into steps and work through the places marked “TODO” and “[… removed]”. Then put the file into the right topic folder of the library and check it with `lotse guides check`.",
	PostedInThread:  "The draft is in the thread of case #%d.",
}

package learn

import "github.com/lotse-bot/lotse/commands/chat"

// Texts are the texts of learning from cases. They are read by the team
// in the team room; member text in them is escaped by the caller.
// A text with "|" has the forms "one|other" for a count (see chat.Plural).
type Texts struct {
	// Lang is the BCP 47 code.
	Lang string
	// Commands holds usage and description per command name.
	Commands map[string]chat.CommandText
	// Section heads the commands in !hilfe.
	Section string

	// Prompt asks, after a case was resolved, whether a guide fits its
	// question: %d = case number, %s = the question as it would be learned.
	Prompt string
	// PromptScrubbed: personal data was replaced, %s = what (joined).
	PromptScrubbed string
	// PromptClosest lists the closest guides: %s = "2.3 Title, …".
	PromptClosest string
	// PromptHow says how to answer: %d = case number (twice).
	PromptHow string

	// PlaceholderEmail, PlaceholderMatrixID, PlaceholderIBAN,
	// PlaceholderPhone, PlaceholderName and PlaceholderSecret replace
	// personal data in a learned question; KindEmail … name them.
	PlaceholderEmail, PlaceholderMatrixID, PlaceholderIBAN, PlaceholderPhone, PlaceholderName, PlaceholderSecret string
	KindEmail, KindMatrixID, KindIBAN, KindPhone, KindName, KindSecret                                           string
	// KindLink: a link's path was cut (only its host stays).
	KindLink string

	// TeachUsage explains !lehren.
	TeachUsage string
	// NoSuchCase: %s = what was typed.
	NoSuchCase string
	// NotResolved: %d = case number.
	NotResolved string
	// UnknownGuide: %s = what was typed.
	UnknownGuide string
	// TeamOnlyGuide: %s = guide title.
	TeamOnlyGuide string
	// NoQuestion: %d = case number.
	NoQuestion string
	// OptedOut: %d = case number (twice); the member wrote !nicht-merken.
	OptedOut string
	// TooShort and TooLong: %s = the question.
	TooShort, TooLong string
	// OutOfScope: %s = the question, then the reason.
	OutOfScope                                  string
	ReasonSmallTalk, ReasonHuman, ReasonCommand string
	// Full: Lotse holds MaxLearned questions: %d = how many.
	Full string
	// DailyLimit: the team member taught MaxTaughtPerDay in 24 hours: %d.
	DailyLimit string
	// Duplicate: %d = number, %s = the guide's title it was learned for.
	Duplicate string
	// InGuide: the guide's own example questions have it: %s = title.
	InGuide string
	// AlreadyAnswered: Lotse answers it with the guide already: %s = title.
	AlreadyAnswered string
	// Regression refuses: %d = how many questions ("one|other"), then the
	// first one (%s question, %s guide it expects, %s what Lotse would do
	// then).
	Regression string
	// Learned confirms: %d number, %s question, %s guide title, then one
	// of NowAnswer, NowChoice, NowMiss; %d number again (to forget).
	Learned                       string
	NowAnswer, NowChoice, NowMiss string
	// OutcomeNone … describe a decision for the Regression text: %s = titles.
	OutcomeAnswer, OutcomeChoice, OutcomeNone, OutcomeOther string
	// ExpectedGuide quotes the guide a question expects: %s = title.
	ExpectedGuide string

	// ListEmpty, ListIntro (%d count), ListLine (%d number, %s question,
	// %s guide, %s who, %s date), ListExported, ListMore (%d more; one|other).
	ListEmpty, ListIntro, ListLine, ListExported, ListMore string
	// ListGone marks a line whose guide is gone (deleted or renamed):
	// %d number.
	ListGone string
	// DuplicateGone: the question was learned for a guide that is gone:
	// %d number, %s the guide's file name, %d number again.
	DuplicateGone string
	// ForgetUsage, ForgetNone (%s typed), Forgotten (%d, %s question).
	ForgetUsage, ForgetNone, Forgotten string
	// ForgottenMany heads what one !vergessen with several numbers forgot
	// (%d how many, "one|other"), ForgottenLine is one (%d, %s question),
	// ForgetMissing names the numbers not found (%s), ForgetTooMany the
	// most one command forgets (%d).
	ForgottenMany, ForgottenLine, ForgetMissing, ForgetTooMany string

	// TakenBack tells the team that a learned question left the search
	// because its member deleted the message it came from: %d number, %s
	// the guide's title. It never quotes the question (the member took
	// their words back). TakenBackExported adds that the library's files
	// still hold it: %s the guide's title.
	TakenBack, TakenBackExported string
	// OptedOutForgotten tells the case's thread that a learned question
	// is forgotten because its member objected (!nicht-merken): %d the
	// number, %s the guide's title. It never quotes the question.
	OptedOutForgotten string
	// Untaught tells the case's thread that a learned question is
	// forgotten because the team member who taught it deleted that
	// message: %d the number, %s the guide's title.
	Untaught string
	// CopyRedacted is the reason of Lotse's redaction of its own message
	// (a learning prompt, a guide draft) that quoted a member's question
	// the member deleted.
	CopyRedacted string
	// CaseGone: the member's data was erased (their case deleted) while
	// the question was being taught; nothing was learned. %d = case number.
	CaseGone string
	// CaseGoneReason is the reason of Lotse's redaction of its learning
	// prompt sent while the member's data was being erased.
	CaseGoneReason string
}

// German are the German texts.
var German = Texts{
	Lang: "de",
	Commands: map[string]chat.CommandText{
		"lehren":    {Usage: "!lehren [#Nr] <Anleitung> [| Frage]", Description: "die Frage eines erledigten Falls als Beispielfrage einer Anleitung lernen (Nummer aus !anleitungen oder Titel)"},
		"gelernt":   {Usage: "!gelernt", Description: "gelernte Fragen anzeigen"},
		"vergessen": {Usage: "!vergessen <Nr> [<Nr> …]", Description: "gelernte Fragen vergessen"},
	},
	Section: "Aus Fällen lernen (im Teamraum):",

	Prompt:         "**Passt eine Anleitung zu dieser Frage?** Dann lernt Lotse sie als Beispielfrage, und wer künftig so fragt, bekommt die Anleitung. Gelernt würde aus Fall #%d genau diese Frage:\n\n„%s“",
	PromptScrubbed: "Ersetzt, weil persönlich: %s.",
	PromptClosest:  "Am nächsten kommen bisher: %s",
	PromptHow:      "Antworte hier im Thread mit der Nummer aus `!anleitungen` (z. B. `2.3`) oder dem Titel der Anleitung, oder schreib `!lehren #%d <Anleitung>`. Mit `!lehren #%d <Anleitung> | <Frage>` lernt Lotse stattdessen deine Formulierung. Passt keine? Dann lass die Nachricht einfach stehen.",

	PlaceholderEmail: "[E-Mail]", PlaceholderMatrixID: "[Matrix-ID]", PlaceholderIBAN: "[IBAN]", PlaceholderPhone: "[Telefonnummer]", PlaceholderName: "[Name]",
	PlaceholderSecret: "[Passwort]",
	KindEmail:         "E-Mail-Adresse", KindMatrixID: "Matrix-ID", KindIBAN: "IBAN", KindPhone: "Telefonnummer", KindLink: "Link (nur die Adresse der Seite bleibt)", KindName: "Name", KindSecret: "Passwort",

	TeachUsage:      "So geht es: `!lehren #<Fall> <Anleitung>` – die Anleitung als Nummer aus `!anleitungen` (z. B. `2.3`) oder als Titel; im Thread des Falls reicht `!lehren <Anleitung>`. Eigene Formulierung: `!lehren #<Fall> <Anleitung> | <Frage>`.",
	NoSuchCase:      "Einen Fall „%s“ gibt es nicht.",
	NotResolved:     "Fall #%d ist noch offen. Lernen geht erst, wenn er erledigt ist (`!erledigt`).",
	UnknownGuide:    "Keine Anleitung „%s“ gefunden. Nimm die Nummer aus `!anleitungen` (z. B. `2.3`) oder den genauen Titel.",
	TeamOnlyGuide:   "„%s“ ist nur fürs Team sichtbar – Mitglieder bekämen sie nie als Antwort. Such eine Anleitung für Mitglieder aus.",
	NoQuestion:      "In Fall #%d steht keine Frage, die Lotse lernen könnte.",
	OptedOut:        "Die Person aus Fall #%d möchte nicht, dass ich ihre Fragen aufhebe (`!nicht-merken`) – ihre Worte lerne ich deshalb nicht. Eine eigene Formulierung des Teams geht: `!lehren #%d <Anleitung> | <Frage>`.",
	TooShort:        "„%s“ ist zu kurz für eine Beispielfrage. Schreib mit `… | <Frage>` eine ganze Frage.",
	TooLong:         "„%s“ ist zu lang für eine Beispielfrage. Schreib sie mit `… | <Frage>` kürzer, nur mit dem Kern der Frage.",
	OutOfScope:      "„%s“ lernt Lotse nicht: %s",
	ReasonSmallTalk: "Das ist Smalltalk, keine Frage zu einer Anleitung.",
	ReasonHuman:     "Das ist die Bitte um einen Menschen, keine Frage zu einer Anleitung.",
	ReasonCommand:   "Das ist ein Befehl, keine Frage.",
	Full: "**Nicht gelernt:** Lotse hat schon %d Fragen aus Fällen gelernt – mehr macht jede Prüfung zu langsam. " +
		"Bitte die Admins, sie mit `lotse guides learned --export` in die Anleitungen zu übernehmen; danach kannst du die übernommenen " +
		"(in `!gelernt` mit „in die Dateien übernommen“) mit `!vergessen <Nr>` vergessen, und es geht weiter.",
	DailyLimit: "**Nicht gelernt:** Du hast in den letzten 24 Stunden schon %d Fragen beigebracht – mehr geht nicht, damit ein einzelnes " +
		"(vielleicht fremd genutztes) Konto die Antworten nicht umbiegen kann. Später geht es weiter; was gelernt ist, zeigt `!gelernt`.",
	Duplicate:       "Diese Frage hat Lotse schon gelernt (Nr. %d, zu „%s“).",
	InGuide:         "Diese Frage steht schon als Beispielfrage in „%s“.",
	AlreadyAnswered: "Nichts zu lernen: Lotse antwortet auf diese Frage schon mit „%s“.",
	Regression:      "**Nicht gelernt:** Damit würde Lotse %d Frage schlechter beantworten als bisher: „%s“ (richtig ist: %s; dann: %s). Formuliere die Frage enger (`!lehren #<Fall> <Anleitung> | <Frage>`) oder verbessere die Anleitungen.|**Nicht gelernt:** Damit würde Lotse %d Fragen schlechter beantworten als bisher – zum Beispiel „%s“ (richtig ist: %s; dann: %s). Formuliere die Frage enger (`!lehren #<Fall> <Anleitung> | <Frage>`) oder verbessere die Anleitungen.",
	Learned:         "**Gelernt** (Nr. %d): „%s“ → „%s“. %s Rückgängig: `!vergessen %d`.",
	NowAnswer:       "Lotse antwortet auf diese Frage jetzt mit der Anleitung.",
	NowChoice:       "Lotse bietet die Anleitung auf diese Frage jetzt zur Auswahl an.",
	NowMiss:         "Hinweis: Lotse findet die Anleitung bei dieser Frage trotzdem noch nicht sicher – vielleicht passt eine andere besser.",
	OutcomeAnswer:   "Antwort mit „%s“",
	ExpectedGuide:   "„%s“",
	OutcomeChoice:   "Auswahl aus %s",
	OutcomeNone:     "„keine passende Anleitung“",
	OutcomeOther:    "keine Anleitung",

	ListEmpty:         "Lotse hat noch keine Fragen aus Fällen gelernt.",
	ListIntro:         "Gelernte Fragen (%d):",
	ListLine:          "- **%d** „%s“ → %s – %s, %s",
	ListExported:      " (in die Dateien übernommen)",
	ListMore:          "… und %d ältere.|… und %d ältere.",
	ListGone:          " – ⚠️ diese Anleitung gibt es nicht mehr, die Frage zählt nicht: erst `!vergessen %d`, dann neu lehren",
	DuplicateGone:     "Diese Frage hat Lotse schon gelernt (Nr. %d), aber zu einer Anleitung, die es nicht mehr gibt („%s“) – deshalb zählt sie nicht. Vergiss sie mit `!vergessen %d` und lehre sie dann neu.",
	ForgetUsage:       "So geht es: `!vergessen <Nr>` – die Nummer steht in `!gelernt`. Mehrere auf einmal: `!vergessen 3 5 8`.",
	ForgetNone:        "Eine gelernte Frage Nr. %s gibt es nicht. Die Nummern stehen in `!gelernt`.",
	Forgotten:         "Vergessen: Nr. %d „%s“. Lotse sucht ab jetzt ohne sie.",
	ForgottenMany:     "Vergessen (%d Frage) – Lotse sucht ab jetzt ohne sie:|Vergessen (%d Fragen) – Lotse sucht ab jetzt ohne sie:",
	ForgottenLine:     "- Nr. %d „%s“",
	ForgetMissing:     "Nicht gefunden (schon vergessen oder nie gelernt): %s",
	ForgetTooMany:     "Höchstens %d Nummern auf einmal – den Rest bitte mit einem weiteren `!vergessen`.",
	TakenBack:         "🗑️ Die gelernte Frage Nr. %d (zu „%s“) ist wieder vergessen: Das Mitglied hat die Nachricht gelöscht, aus der sie stammt. Lotse sucht ab jetzt ohne sie.",
	TakenBackExported: "Sie steht schon in den Dateien der Anleitung „%s“ – bitte nehmt sie auch dort heraus.",
	Untaught:          "🗑️ Die gelernte Frage Nr. %d (zu „%s“) ist wieder vergessen: Die Nachricht, mit der sie gelehrt wurde, ist gelöscht. Lotse sucht ab jetzt ohne sie.",
	OptedOutForgotten: "🗑️ Die gelernte Frage Nr. %d (zu „%s“) ist wieder vergessen: Die Person aus dem Fall möchte nicht, dass Lotse ihre Worte aufhebt (`!nicht-merken`). Lotse sucht ab jetzt ohne sie.",
	CopyRedacted:      "Das Mitglied hat die Nachricht gelöscht, aus der diese Frage stammt.",
	CaseGone:          "Den Fall #%d gibt es nicht mehr – die Person hat ihre Daten löschen lassen. Ich habe nichts gelernt.",
	CaseGoneReason:    "Auf Wunsch der Person gelöscht (Datenschutz).",
}

// English are the English texts.
var English = Texts{
	Lang: "en",
	Commands: map[string]chat.CommandText{
		"lehren":    {Usage: "!teach [#number] <guide> [| question]", Description: "learn a resolved case's question as an example question of a guide (number from !guides or title)"},
		"gelernt":   {Usage: "!learned", Description: "list learned questions"},
		"vergessen": {Usage: "!forget <number> [<number> …]", Description: "forget learned questions"},
	},
	Section: "Learning from cases (in the team room):",

	Prompt:         "**Does a guide fit this question?** Then Lotse learns it as an example question, and whoever asks like this gets the guide from now on. From case #%d, exactly this question would be learned:\n\n“%s”",
	PromptScrubbed: "Replaced as personal: %s.",
	PromptClosest:  "Closest so far: %s",
	PromptHow:      "Reply here in the thread with the number from `!guides` (e.g. `2.3`) or the guide's title, or write `!teach #%d <guide>`. With `!teach #%d <guide> | <question>` Lotse learns your wording instead. None fits? Just leave this message.",

	PlaceholderEmail: "[e-mail]", PlaceholderMatrixID: "[Matrix ID]", PlaceholderIBAN: "[IBAN]", PlaceholderPhone: "[phone number]", PlaceholderName: "[name]",
	PlaceholderSecret: "[password]",
	KindEmail:         "e-mail address", KindMatrixID: "Matrix ID", KindIBAN: "IBAN", KindPhone: "phone number", KindLink: "link (only the site's address stays)", KindName: "name", KindSecret: "password",

	TeachUsage:      "How to: `!teach #<case> <guide>` – the guide as a number from `!guides` (e.g. `2.3`) or its title; in the case's thread `!teach <guide>` is enough. Your own wording: `!teach #<case> <guide> | <question>`.",
	NoSuchCase:      "There is no case “%s”.",
	NotResolved:     "Case #%d is still open. Lotse learns from it once it is resolved (`!resolve`).",
	UnknownGuide:    "No guide “%s” found. Use the number from `!guides` (e.g. `2.3`) or the exact title.",
	TeamOnlyGuide:   "“%s” is for the team only – members would never get it as an answer. Pick a guide for members.",
	NoQuestion:      "Case #%d has no question Lotse could learn.",
	OptedOut:        "The member of case #%d asked me not to keep their questions (`!dont-keep`), so I don't learn their words. The team's own wording works: `!teach #%d <guide> | <question>`.",
	TooShort:        "“%s” is too short for an example question. Write a whole question with `… | <question>`.",
	TooLong:         "“%s” is too long for an example question. Write it shorter with `… | <question>`, just the core of it.",
	OutOfScope:      "Lotse does not learn “%s”: %s",
	ReasonSmallTalk: "That is small talk, not a question about a guide.",
	ReasonHuman:     "That asks for a person, not about a guide.",
	ReasonCommand:   "That is a command, not a question.",
	Full: "**Not learned:** Lotse has learned %d questions from cases already – more would make every check too slow. " +
		"Ask the admins to move them into the guides with `lotse guides learned --export`; then forget the moved ones " +
		"(marked “written into the files” in `!learned`) with `!forget <number>`, and teaching works again.",
	DailyLimit: "**Not learned:** You have taught %d questions in the last 24 hours – that is the most, so that one account " +
		"(perhaps used by someone else) cannot bend the answers. It works again later; `!learned` shows what was learned.",
	Duplicate:       "Lotse has learned this question already (no. %d, for “%s”).",
	InGuide:         "This question is already an example question of “%s”.",
	AlreadyAnswered: "Nothing to learn: Lotse already answers this question with “%s”.",
	Regression:      "**Not learned:** Lotse would then answer %d question worse than now: “%s” (right: %s; then: %s). Word the question more narrowly (`!teach #<case> <guide> | <question>`) or improve the guides.|**Not learned:** Lotse would then answer %d questions worse than now – for example “%s” (right: %s; then: %s). Word the question more narrowly (`!teach #<case> <guide> | <question>`) or improve the guides.",
	Learned:         "**Learned** (no. %d): “%s” → “%s”. %s To undo: `!forget %d`.",
	NowAnswer:       "Lotse now answers this question with the guide.",
	NowChoice:       "Lotse now offers the guide as a choice for this question.",
	NowMiss:         "Note: Lotse still does not find the guide reliably for this question – perhaps another one fits better.",
	OutcomeAnswer:   "answer with “%s”",
	ExpectedGuide:   "“%s”",
	OutcomeChoice:   "choice of %s",
	OutcomeNone:     "“no guide fits”",
	OutcomeOther:    "no guide",

	ListEmpty:         "Lotse has not learned any questions from cases yet.",
	ListIntro:         "Learned questions (%d):",
	ListLine:          "- **%d** “%s” → %s – %s, %s",
	ListExported:      " (written into the files)",
	ListMore:          "… and %d older one.|… and %d older ones.",
	ListGone:          " – ⚠️ this guide is gone, the question does not count: first `!forget %d`, then teach it again",
	DuplicateGone:     "Lotse has learned this question already (no. %d), but for a guide that is gone (“%s”) – so it does not count. Forget it with `!forget %d`, then teach it again.",
	ForgetUsage:       "How to: `!forget <number>` – the number is in `!learned`. Several at once: `!forget 3 5 8`.",
	ForgetNone:        "There is no learned question no. %s. The numbers are in `!learned`.",
	Forgotten:         "Forgotten: no. %d “%s”. Lotse searches without it from now on.",
	ForgottenMany:     "Forgotten (%d question) – Lotse searches without it from now on:|Forgotten (%d questions) – Lotse searches without them from now on:",
	ForgottenLine:     "- no. %d “%s”",
	ForgetMissing:     "Not found (forgotten already or never learned): %s",
	ForgetTooMany:     "At most %d numbers at once – please forget the rest with another `!forget`.",
	TakenBack:         "🗑️ The learned question no. %d (for “%s”) is forgotten again: the member deleted the message it came from. Lotse searches without it from now on.",
	TakenBackExported: "It is already in the files of the guide “%s” – please take it out there too.",
	Untaught:          "🗑️ The learned question no. %d (for “%s”) is forgotten again: the message that taught it was deleted. Lotse searches without it from now on.",
	OptedOutForgotten: "🗑️ The learned question no. %d (for “%s”) is forgotten again: the member does not want Lotse to keep their words (`!dont-keep`). Lotse searches without it from now on.",
	CopyRedacted:      "The member deleted the message this question came from.",
	CaseGone:          "Case #%d no longer exists – the member had their data deleted. I learned nothing.",
	CaseGoneReason:    "Deleted at the member's request (data protection).",
}

// TextsFor returns the texts for lang (German by default).
func TextsFor(lang string) *Texts { return chat.TextsFor(lang, &German, &English) }

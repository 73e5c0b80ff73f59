package commands

import (
	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/commands/support"
)

// Texts holds every user-visible text of one language. A struct (not a map)
// makes the compiler check that each language has every text. Format verbs
// are documented per field. Markdown is allowed where the field says so;
// user input is always escaped before it is put into a text.
type Texts struct {
	// Lang is the BCP 47 code.
	Lang string

	// AnswerHeader introduces the best guide: %s = guide title (Markdown).
	AnswerHeader string
	// RedactReason is the reason on Lotse's messages it removes because
	// the message they were about was deleted.
	RedactReason string
	// AnswerMore lists further candidates; followed by one line per title.
	AnswerMore string
	// AnswerFeedback asks for a reaction.
	AnswerFeedback string
	// AnswerTruncated points to the rest of a long guide: %s = link or command.
	AnswerTruncated string
	// AnswerWholeGuide links to the web page of the guide: %s = URL.
	AnswerWholeGuide string
	// DidYouMean offers candidates when the match is not clear; lines follow.
	DidYouMean string
	// DidYouMeanHow says how to pick.
	DidYouMeanHow string
	// NoGuide says honestly that no guide fits: %s = the question (escaped).
	NoGuide string
	// NoGuideNext tells what the member can do next.
	NoGuideNext string
	// ChoiceExpired: the member sent a number but there is no open choice.
	ChoiceExpired string
	// ChoiceOutOfRange: %d = number of candidates.
	ChoiceOutOfRange string

	// ThanksReply answers a plain "danke".
	ThanksReply string
	// Greeting answers a plain "hallo".
	Greeting string
	// NotText answers images, files and other non-text messages in a DM.
	NotText string
	// FeedbackThanks thanks for a 👍.
	FeedbackThanks string
	// FeedbackSorry answers a 👎.
	FeedbackSorry string

	// GuideUsage explains !anleitung without a query.
	GuideUsage string
	// GuideResults introduces search results: %s = query (escaped).
	GuideResults string
	// GuideNotFound: %s = query (escaped).
	GuideNotFound string
	// GuidesIntro introduces the topic list; one line per topic follows.
	GuidesIntro string
	// GuidesTopic is one topic line: %s = topic, %d = number of guides.
	GuidesTopic string
	// GuidesTopicIntro introduces the guides of one topic: %s = topic.
	GuidesTopicIntro string
	// GuidesUnknownTopic: %s = what the member typed (escaped).
	GuidesUnknownTopic string
	// GuidesEmpty: the library has no guides.
	GuidesEmpty string
	// GuidesHowToOpen says how to open a listed guide.
	GuidesHowToOpen string

	// HelpIntro starts !hilfe.
	HelpIntro string
	// HelpAsk explains that a plain question works.
	HelpAsk string
	// HelpCommands introduces the command list.
	HelpCommands string
	// HelpPerson ends the help when support cases are on; HelpContact
	// when they are off (%s = the fallback contact).
	HelpPerson, HelpContact string
	// UnknownCommand: %s = the command (escaped).
	UnknownCommand string
	// UnknownCommandSuggest: %s = suggested command.
	UnknownCommandSuggest string
	// InternalError: something broke; nothing the member did wrong.
	InternalError string
	// Undecryptable: a message in an encrypted DM could not be decrypted.
	Undecryptable string
	// GaveUp: Lotse could not handle a message even after retrying.
	GaveUp string

	// Commands holds usage and description per command name.
	Commands map[string]CommandText

	// Support holds the texts of support cases.
	Support support.Texts
}

// CommandText describes one command in the help.
type CommandText = chat.CommandText

// German is the default language: informal "du", gender-inclusive.
var German = Texts{
	Lang:             "de",
	AnswerHeader:     "📘 **%s**",
	RedactReason:     "Die Nachricht, auf die sich das bezog, wurde gelöscht.",
	AnswerMore:       "Vielleicht passt auch:",
	AnswerFeedback:   "Hat dir das geholfen? Reagiere mit 👍 oder 👎.",
	AnswerTruncated:  "Die Anleitung ist länger – den Rest findest du hier: %s",
	AnswerWholeGuide: "Ganze Anleitung: %s",
	DidYouMean:       "Ich bin mir nicht sicher, welche Anleitung du meinst. Meintest du …",
	DidYouMeanHow:    "Antworte mit der Nummer (z. B. `1`) oder tippe auf 1️⃣ 2️⃣ 3️⃣ – oder stell deine Frage etwas anders.",
	NoGuide:          "Zu „%s“ habe ich leider keine passende Anleitung gefunden.",
	NoGuideNext: "Du kannst:\n" +
		"- deine Frage anders formulieren (z. B. mit dem Namen des Programms: Nextcloud, BigBlueButton, Element),\n" +
		"- mit `!anleitungen` alle Themen ansehen,\n" +
		"- mit `!hilfe` sehen, was ich sonst noch kann.",
	ChoiceExpired:    "Ich weiß gerade nicht, worauf sich die Nummer bezieht. Stell deine Frage gern noch einmal.",
	ChoiceOutOfRange: "Bitte wähle eine Nummer von 1 bis %d.",

	ThanksReply: "Gern geschehen! Melde dich, wenn du noch etwas brauchst.",
	Greeting: "Hallo! Ich bin Lotse, der Hilfe-Bot des Digitalisierungsteams. " +
		"Schreib mir einfach deine Frage, z. B. „Wie setze ich mein Cloud-Passwort zurück?“ – oder `!hilfe` für alles, was ich kann.",
	NotText:        "Bilder, Dateien und Sprachnachrichten kann ich leider nicht lesen. Beschreib mir dein Problem bitte in ein paar Worten.",
	FeedbackThanks: "Danke für deine Rückmeldung! 🙂",
	FeedbackSorry:  "Schade, dass das nicht geholfen hat. Formuliere deine Frage gern etwas anders – oder schau mit `!anleitungen` in die Themen.",

	GuideUsage:         "Wonach soll ich suchen? Zum Beispiel: `!anleitung passwort vergessen`",
	GuideResults:       "Anleitungen zu „%s“:",
	GuideNotFound:      "Zu „%s“ habe ich keine Anleitung gefunden. Probier es mit anderen Wörtern oder schau mit `!anleitungen` in die Themen.",
	GuidesIntro:        "Diese Themen gibt es:",
	GuidesTopic:        "**%s** (%d)",
	GuidesTopicIntro:   "Anleitungen zum Thema **%s**:",
	GuidesUnknownTopic: "Das Thema „%s“ kenne ich nicht.",
	GuidesEmpty:        "Es sind noch keine Anleitungen hinterlegt. Sag bitte dem Digitalisierungsteam Bescheid.",
	GuidesHowToOpen:    "Öffnen mit `!anleitung <Titel oder Stichwort>`, ein Thema mit `!anleitungen <Thema>`.",

	HelpIntro:             "Ich bin **Lotse**, der Hilfe-Bot des Digitalisierungsteams.",
	HelpAsk:               "Schreib mir deine Frage einfach als Nachricht (in Gruppenräumen: erwähne mich). Ich suche die passende Anleitung.",
	HelpCommands:          "Befehle:",
	HelpPerson:            "Einen Menschen aus dem Team erreichst du mit `!ticket <Anliegen>` – oder ich biete es dir an, wenn keine Anleitung passt.",
	HelpContact:           "Einen Menschen erreichst du nicht über mich. %s",
	UnknownCommand:        "Den Befehl `%s` kenne ich nicht.",
	UnknownCommandSuggest: "Meintest du `%s`? Alle Befehle zeigt `!hilfe`.",
	InternalError:         "Da ist bei mir leider etwas schiefgegangen. Bitte versuch es gleich noch einmal.",
	Undecryptable:         "Deine letzte Nachricht konnte ich nicht entschlüsseln – vermutlich fehlte mir der Schlüssel deines Geräts. Schick sie bitte noch einmal. Hilft das nicht, melde dich in Element einmal ab und wieder an.",
	GaveUp:                "Deine Nachricht konnte ich leider auch nach mehreren Versuchen nicht bearbeiten. Schick sie bitte noch einmal – oder schreib `!hilfe`.",

	Commands: map[string]CommandText{
		"hilfe":       {Usage: "!hilfe", Description: "zeigt diese Hilfe"},
		"anleitung":   {Usage: "!anleitung <Suche>", Description: "sucht Anleitungen und zeigt die besten Treffer"},
		"anleitungen": {Usage: "!anleitungen [Thema]", Description: "zeigt alle Themen oder die Anleitungen eines Themas"},
		// Round tables.
	},
	Support: support.German,
}

// English is available by configuration.
var English = Texts{
	Lang:             "en",
	AnswerHeader:     "📘 **%s**",
	RedactReason:     "The message this was about was deleted.",
	AnswerMore:       "This might fit too:",
	AnswerFeedback:   "Did this help? React with 👍 or 👎.",
	AnswerTruncated:  "This guide is longer – read the rest here: %s",
	AnswerWholeGuide: "Whole guide: %s",
	DidYouMean:       "I'm not sure which guide you mean. Did you mean …",
	DidYouMeanHow:    "Reply with the number (e.g. `1`) or tap 1️⃣ 2️⃣ 3️⃣ – or ask your question a little differently.",
	NoGuide:          "Sorry, I found no guide that fits “%s”.",
	NoGuideNext: "You can:\n" +
		"- rephrase your question (e.g. name the program: Nextcloud, BigBlueButton, Element),\n" +
		"- list all topics with `!guides`,\n" +
		"- see what else I can do with `!help`.",
	ChoiceExpired:    "I don't know what that number refers to right now. Please ask your question again.",
	ChoiceOutOfRange: "Please pick a number from 1 to %d.",

	ThanksReply: "You're welcome! Get in touch if you need anything else.",
	Greeting: "Hi! I'm Lotse, the help bot of the digital team. " +
		"Just write your question, e.g. “How do I reset my cloud password?” – or `!help` for everything I can do.",
	NotText:        "I can't read images, files or voice messages. Please describe your problem in a few words.",
	FeedbackThanks: "Thanks for your feedback! 🙂",
	FeedbackSorry:  "Sorry that didn't help. Try asking a little differently – or browse the topics with `!guides`.",

	GuideUsage:         "What should I look for? For example: `!guide forgot password`",
	GuideResults:       "Guides for “%s”:",
	GuideNotFound:      "I found no guide for “%s”. Try other words or browse the topics with `!guides`.",
	GuidesIntro:        "These topics exist:",
	GuidesTopic:        "**%s** (%d)",
	GuidesTopicIntro:   "Guides on **%s**:",
	GuidesUnknownTopic: "I don't know the topic “%s”.",
	GuidesEmpty:        "There are no guides yet. Please tell the digital team.",
	GuidesHowToOpen:    "Open one with `!guide <title or keyword>`, a topic with `!guides <topic>`.",

	HelpIntro:             "I'm **Lotse**, the help bot of the digital team.",
	HelpAsk:               "Just send me your question (in group rooms: mention me). I'll look for the right guide.",
	HelpCommands:          "Commands:",
	HelpPerson:            "You reach a person from the team with `!ticket <issue>` – or I offer it when no guide fits.",
	HelpContact:           "You don't reach a person through me. %s",
	UnknownCommand:        "I don't know the command `%s`.",
	UnknownCommandSuggest: "Did you mean `%s`? `!help` lists all commands.",
	InternalError:         "Sorry, something went wrong on my side. Please try again in a moment.",
	Undecryptable:         "I couldn't decrypt your last message – probably your device's key did not reach me. Please send it again. If that doesn't help, log out of Element and back in once.",
	GaveUp:                "Sorry, I couldn't handle your message even after several tries. Please send it again – or write `!help`.",

	Commands: map[string]CommandText{
		"hilfe":       {Usage: "!help", Description: "shows this help"},
		"anleitung":   {Usage: "!guide <query>", Description: "searches the guides and shows the best matches"},
		"anleitungen": {Usage: "!guides [topic]", Description: "lists all topics or the guides of one topic"},
		// Round tables.
	},
	Support: support.English,
}

// TextsFor returns the texts of lang, German by default.
func TextsFor(lang string) *Texts {
	if lang == "en" {
		return &English
	}
	return &German
}

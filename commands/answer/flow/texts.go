package flow

import "github.com/lotse-bot/lotse/commands/chat"

// Texts are the texts of the answer workflow.
type Texts struct {
	// Lang is the BCP 47 code.
	Lang string
	// Commands holds usage and description per command name.
	Commands map[string]chat.CommandText

	// ChoiceExpired: the member sent a number but there is no open choice.
	ChoiceExpired string
	// ChoiceOutOfRange: %d = number of candidates; "one|other" (see
	// chat.Plural): the only guide of a choice is no range of numbers.
	ChoiceOutOfRange string
	// MoreNothing answers "mehr" when no guide was shown recently.
	MoreNothing string
	// NoneFits answers "keine davon" after a choice when no case can be
	// offered (a group room, support off): %s = the fallback contact;
	// "one|other" by the guides offered (one: "die Anleitung passt nicht").
	NoneFits string
	// FeedbackThanks thanks for a 👍.
	FeedbackThanks string
	// FeedbackSorry answers a 👎.
	FeedbackSorry string
	// AskUsage explains !frage without a question.
	AskUsage string
	// CommandInside answers a command written inside a message after a
	// question ("bist du ein Bot? !hilfe"): commands run only at the start
	// of a message of their own.
	CommandInside string
	// GuideUsage explains !anleitung without a query.
	GuideUsage string
	// GuideNotFound: %s = query (escaped).
	GuideNotFound string
	// GuidesIntro introduces the topic list; one line per topic follows.
	GuidesIntro string
	// GuidesTopic is one topic line: %s = topic, %d = number of guides
	// (singular|plural).
	GuidesTopic string
	// GuidesTopicIntro introduces the guides of one topic: %s = topic.
	GuidesTopicIntro string
	// GuidesUnknownTopic: %s = what the member typed (escaped).
	GuidesUnknownTopic string
	// GuidesEmpty: the library has no guides.
	GuidesEmpty string
	// GuideGone: the guide to show left the library in the meantime.
	GuideGone string
	// GuideGoneChoice: the guide picked from a choice left the library in
	// the meantime; the choice's other numbers still work.
	GuideGoneChoice string
	// GuidesHowToOpen says how to open a topic or a guide.
	GuidesHowToOpen string
	// GuidesHowToOpenOne says how to open a guide of a topic list: %s =
	// an example number.
	GuidesHowToOpenOne string
	// GuideNoNumber says that no guide or topic has the number %s (escaped).
	GuideNoNumber string
}

// German is the default language: informal "du", gender-inclusive.
var German = Texts{
	Lang: "de",
	Commands: map[string]chat.CommandText{
		"anleitung":   {Usage: "!anleitung <Suche>", Description: "sucht Anleitungen und zeigt die besten Treffer"},
		"anleitungen": {Usage: "!anleitungen [Thema]", Description: "zeigt alle Themen oder die Anleitungen eines Themas"},
		"frage":       {Usage: "!frage <Frage>", Description: "stellt mir eine Frage (in Gruppenräumen ohne Erwähnung)"},
	},
	ChoiceExpired:      "Ich weiß gerade nicht, worauf sich die Nummer bezieht. Stell deine Frage gern noch einmal.",
	ChoiceOutOfRange:   "Ich habe dir nur eine Anleitung vorgeschlagen – antworte mit `%d`, um sie zu öffnen.|Bitte wähle eine Nummer von 1 bis %d.",
	MoreNothing:        "Wovon soll ich mehr zeigen? Stell mir einfach deine Frage – oder schau mit `!anleitungen` in die Themen.",
	NoneFits:           "Schade, dass die Anleitung nicht passt. Formuliere deine Frage gern etwas anders – oder schau mit `!anleitungen` in die Themen. %s|Schade, dass keine davon passt. Formuliere deine Frage gern etwas anders – oder schau mit `!anleitungen` in die Themen. %s",
	FeedbackThanks:     "Danke für deine Rückmeldung! 🙂",
	FeedbackSorry:      "Schade, dass das nicht geholfen hat. Formuliere deine Frage gern etwas anders – oder schau mit `!anleitungen` in die Themen.",
	AskUsage:           "Schreib deine Frage hinter den Befehl, z. B.: `!frage Wie teile ich meinen Bildschirm?`",
	CommandInside:      "Einen Befehl verstehe ich nur am Anfang einer eigenen Nachricht – schick ihn mir bitte allein, z. B. `!hilfe`.",
	GuideUsage:         "Wonach soll ich suchen? Zum Beispiel: `!anleitung passwort vergessen`",
	GuideNotFound:      "Zu „%s“ habe ich keine Anleitung gefunden. Probier es mit anderen Wörtern oder schau mit `!anleitungen` in die Themen.",
	GuidesIntro:        "Diese Themen gibt es:",
	GuidesTopic:        "**%s** – %d Anleitung|**%s** – %d Anleitungen",
	GuidesTopicIntro:   "Anleitungen zum Thema **%s**:",
	GuidesUnknownTopic: "Das Thema „%s“ kenne ich nicht.",
	GuidesEmpty:        "Es sind noch keine Anleitungen hinterlegt. Sag bitte dem Digitalisierungsteam Bescheid.",
	GuideGone:          "Diese Anleitung gibt es gerade nicht mehr – die Anleitungen wurden eben aktualisiert. Stell deine Frage bitte noch einmal.",
	GuideGoneChoice:    "Diese Anleitung gibt es gerade nicht mehr – die Anleitungen wurden eben aktualisiert. Wähl eine andere Nummer oder stell deine Frage noch einmal.",
	GuidesHowToOpen:    "Ein Thema öffnest du mit `!anleitungen <Nummer oder Name>`, eine Anleitung mit `!anleitung <Nummer oder Stichwort>`.",
	GuidesHowToOpenOne: "Öffnen mit `!anleitung <Nummer>`, z. B. `!anleitung %s` – oder mit einem Stichwort.",
	GuideNoNumber:      "Unter der Nummer %s finde ich nichts. Die Nummern zeigt `!anleitungen`.",
}

// English is available by configuration.
var English = Texts{
	Lang: "en",
	Commands: map[string]chat.CommandText{
		"anleitung":   {Usage: "!guide <query>", Description: "searches the guides and shows the best matches"},
		"anleitungen": {Usage: "!guides [topic]", Description: "lists all topics or the guides of one topic"},
		"frage":       {Usage: "!ask <question>", Description: "asks me a question (in group rooms without a mention)"},
	},
	ChoiceExpired:      "I don't know what that number refers to right now. Please ask your question again.",
	ChoiceOutOfRange:   "I only suggested one guide – reply `%d` to open it.|Please pick a number from 1 to %d.",
	MoreNothing:        "More of what? Just ask me your question – or browse the topics with `!guides`.",
	NoneFits:           "Sorry, the guide doesn't fit. Try asking a little differently – or browse the topics with `!guides`. %s|Sorry, none of them fits. Try asking a little differently – or browse the topics with `!guides`. %s",
	FeedbackThanks:     "Thanks for your feedback! 🙂",
	FeedbackSorry:      "Sorry that didn't help. Try asking a little differently – or browse the topics with `!guides`.",
	AskUsage:           "Write your question after the command, e.g.: `!ask How do I share my screen?`",
	CommandInside:      "I only understand commands at the start of a message of their own – please send it on its own, e.g. `!help`.",
	GuideUsage:         "What should I look for? For example: `!guide forgot password`",
	GuideNotFound:      "I found no guide for “%s”. Try other words or browse the topics with `!guides`.",
	GuidesIntro:        "Here are the topics:",
	GuidesTopic:        "**%s** – %d guide|**%s** – %d guides",
	GuidesTopicIntro:   "Guides on **%s**:",
	GuidesUnknownTopic: "I don't know the topic “%s”.",
	GuidesEmpty:        "There are no guides yet. Please tell the digital team.",
	GuideGone:          "That guide is gone – the guides were just updated. Please ask your question again.",
	GuideGoneChoice:    "That guide is gone – the guides were just updated. Pick another number or ask your question again.",
	GuidesHowToOpen:    "Open a topic with `!guides <number or name>`, a guide with `!guide <number or keyword>`.",
	GuidesHowToOpenOne: "Open one with `!guide <number>`, e.g. `!guide %s` – or with a keyword.",
	GuideNoNumber:      "I find nothing under the number %s. `!guides` shows the numbers.",
}

// TextsFor returns the texts of lang, German by default.
func TextsFor(lang string) *Texts {
	if lang == "en" {
		return &English
	}
	return &German
}

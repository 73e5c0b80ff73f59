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

	// RedactReason is the reason on Lotse's messages it removes because
	// the message they were about was deleted.
	RedactReason string

	// NotText answers images, files and other non-text messages in a DM.
	NotText string

	// HelpIntro starts !hilfe.
	HelpIntro string
	// HelpAsk explains that a plain question works.
	HelpAsk string
	// HelpCommands introduces the command list.
	HelpCommands string
	// HelpPerson ends the help in a direct chat when support cases are
	// on; HelpPersonDM outside one (cases open only in the direct chat);
	// HelpContact when they are off (%s = the fallback contact).
	HelpPerson, HelpPersonDM, HelpContact string
	// ShortHelp answers a plain "hilfe", "help" or "?" (Markdown, at most
	// ten lines with the person line): what Lotse can do and three example
	// questions.
	ShortHelp string
	// ShortHelpCases says how to reach a person when support cases are
	// on; ShortHelpContact when not: %s = the fallback contact.
	ShortHelpCases, ShortHelpContact string
	// ShortHelpMore points to the topics and all commands.
	ShortHelpMore string
	// HelpOne explains one command: %s = usage, %s = description.
	HelpOne string
	// HelpAliases lists a command's other names: %s = the names.
	HelpAliases string
	// UnknownCommand: %s = the command (escaped).
	UnknownCommand string
	// UnknownCommandSuggest: %s = suggested command.
	UnknownCommandSuggest string
	// UnknownCommandHelp follows UnknownCommand when no command the
	// sender may use comes close.
	UnknownCommandHelp string
	// InternalError: something broke; nothing the member did wrong.
	InternalError string
	// Undecryptable: a message in an encrypted DM could not be decrypted.
	Undecryptable string
	// GaveUp: Lotse could not handle a message even after retrying.
	GaveUp string
	// HistorySkipped: the member wrote in their chat with Lotse before
	// inviting it; Lotse reads only what comes after its invite.
	HistorySkipped string
	// HistorySkippedMention: the same in a room of the two that is not
	// their direct chat, where Lotse answers only when mentioned.
	HistorySkippedMention string
	// EditNotRelayed: Lotse gave up on passing a member's edit of a
	// relayed case message on to the team.
	EditNotRelayed string
	// TooFast: the sender addressed Lotse faster than it answers anyone
	// (paceGate); their messages beyond the bound go unanswered.
	TooFast string
	// TooBusy: Lotse gets more messages from the sender's server (or
	// from all other servers together) than it answers (paceGate).
	TooBusy string

	// Commands holds usage and description per command name.
	Commands map[string]CommandText

	// Support holds the texts of support cases.
	Support support.Texts
}

// CommandText describes one command in the help.
type CommandText = chat.CommandText

// German is the default language: informal "du", gender-inclusive.
var German = Texts{
	Lang:         "de",
	RedactReason: "Die Nachricht, auf die sich das bezog, wurde gelöscht.",

	NotText: "Bilder, Dateien und Sprachnachrichten kann ich leider nicht lesen. Beschreib mir dein Problem bitte in ein paar Worten.",

	HelpIntro:    "Ich bin **Lotse**, der Hilfe-Bot des Digitalisierungsteams.",
	HelpAsk:      "Schreib mir deine Frage einfach als Nachricht (in Gruppenräumen: erwähne mich). Ich suche die passende Anleitung.",
	HelpCommands: "Befehle:",
	ShortHelp: "Ich bin **Lotse**, der Hilfe-Bot des Digitalisierungsteams: Ich beantworte Fragen zu Cloud, Videokonferenzen, Chat und Konto mit unseren Anleitungen. Frag einfach, z. B.:\n" +
		"- „Wie setze ich mein Cloud-Passwort zurück?“\n" +
		"- „Mein Mikro geht in der Videokonferenz nicht.“\n" +
		"- „Wie richte ich die Zwei-Faktor-Anmeldung ein?“",
	ShortHelpCases:        "Einen Menschen aus dem Digitalisierungsteam erreichst du, wenn du schreibst: „Ich möchte mit einem Menschen sprechen“.",
	ShortHelpContact:      "Einen Menschen erreichst du nicht über mich. %s",
	ShortHelpMore:         "Alle Themen: `!anleitungen` – alle Befehle: `!hilfe`.",
	HelpOne:               "`%s` – %s",
	HelpAliases:           "Auch: %s",
	HelpPerson:            "Einen Menschen aus dem Team erreichst du mit `!ticket <Anliegen>` – oder ich biete es dir an, wenn keine Anleitung passt.",
	HelpPersonDM:          "Einen Menschen aus dem Team erreichst du im Direktchat mit mir: Schreib mir dort `!ticket <Anliegen>`.",
	HelpContact:           "Einen Menschen erreichst du nicht über mich. %s",
	UnknownCommand:        "Den Befehl `%s` kenne ich nicht.",
	UnknownCommandSuggest: "Meintest du `%s`? Alle Befehle, die du nutzen kannst, zeigt `!hilfe`.",
	UnknownCommandHelp:    "Alle Befehle, die du nutzen kannst, zeigt `!hilfe`.",
	InternalError:         "Da ist bei mir leider etwas schiefgegangen. Bitte versuch es gleich noch einmal.",
	Undecryptable:         "Deine letzte Nachricht konnte ich nicht entschlüsseln – vermutlich fehlte mir der Schlüssel deines Geräts. Schick sie bitte noch einmal. Hilft das nicht, verlass diesen Chat und starte einen neuen Direktchat mit mir. Melde dich dafür nicht einfach in Element ab: Ohne deinen Sicherheitsschlüssel kommst du danach nicht mehr an deine alten verschlüsselten Nachrichten.",
	GaveUp:                "Deine Nachricht konnte ich leider auch nach mehreren Versuchen nicht bearbeiten. Schick sie bitte noch einmal – oder schreib `!hilfe`.",
	HistorySkipped:        "Hallo! Was in diesem Chat vor meiner Einladung geschrieben wurde, lese ich nicht. Schick mir deine Frage bitte noch einmal, dann antworte ich dir.",
	HistorySkippedMention: "Hallo! Was in diesem Raum vor meiner Einladung geschrieben wurde, lese ich nicht. Schick deine Frage bitte noch einmal und erwähne mich darin (tippe @ und meinen Namen), dann antworte ich dir. Oder schreib mir in einem Direktchat.",
	EditNotRelayed:        "Deine Änderung ist leider nicht vollständig beim Team angekommen. Lösch die Nachricht, dann verschwindet sie auch dort.",
	TooFast:               "Du schreibst mir gerade sehr schnell hintereinander – einige deiner letzten Nachrichten beantworte ich deshalb nicht. Warte bitte eine Minute und schick mir deine Frage dann noch einmal.",
	TooBusy:               "Gerade bekomme ich sehr viele Nachrichten von Konten anderer Server – einige davon beantworte ich deshalb nicht. Versuch es bitte in ein paar Minuten noch einmal.",

	Commands: map[string]CommandText{
		"hilfe": {Usage: "!hilfe", Description: "zeigt diese Hilfe"},
		// Round tables.
	},
	Support: support.German,
}

// English is available by configuration.
var English = Texts{
	Lang:         "en",
	RedactReason: "The message this was about was deleted.",

	NotText: "I can't read images, files or voice messages. Please describe your problem in a few words.",

	HelpIntro:    "I'm **Lotse**, the help bot of the digital team.",
	HelpAsk:      "Just send me your question (in group rooms: mention me). I'll look for the right guide.",
	HelpCommands: "Commands:",
	ShortHelp: "I'm **Lotse**, the help bot of the digital team: I answer questions about the cloud, video conferences, chat and your account with our guides. Just ask, e.g.:\n" +
		"- “How do I reset my cloud password?”\n" +
		"- “My microphone doesn't work in the video conference.”\n" +
		"- “How do I set up two-factor login?”",
	ShortHelpCases:        "You reach a person from the digital team by writing: “I'd like to talk to a person”.",
	ShortHelpContact:      "You don't reach a person through me. %s",
	ShortHelpMore:         "All topics: `!guides` – all commands: `!help`.",
	HelpOne:               "`%s` – %s",
	HelpAliases:           "Also: %s",
	HelpPerson:            "You reach a person from the team with `!ticket <issue>` – or I offer it when no guide fits.",
	HelpPersonDM:          "You reach a person from the team in a direct chat with me: write `!ticket <issue>` to me there.",
	HelpContact:           "You don't reach a person through me. %s",
	UnknownCommand:        "I don't know the command `%s`.",
	UnknownCommandSuggest: "Did you mean `%s`? `!help` lists all commands you can use.",
	UnknownCommandHelp:    "`!help` lists all commands you can use.",
	InternalError:         "Sorry, something went wrong on my side. Please try again in a moment.",
	Undecryptable:         "I couldn't decrypt your last message – probably your device's key did not reach me. Please send it again. If that doesn't help, leave this chat and start a new direct chat with me. Don't just log out of Element for this: without your security key you can't get back to your old encrypted messages afterwards.",
	GaveUp:                "Sorry, I couldn't handle your message even after several tries. Please send it again – or write `!help`.",
	HistorySkipped:        "Hello! I don't read what was written in this chat before I was invited. Please send me your question again and I'll answer.",
	HistorySkippedMention: "Hello! I don't read what was written in this room before I was invited. Please send your question again and mention me in it (type @ and my name), and I'll answer. Or write to me in a direct chat.",
	EditNotRelayed:        "Sorry, your change did not fully reach the team. Delete the message and it disappears there too.",
	TooFast:               "You're writing to me very fast right now, so I won't answer some of your last messages. Please wait a minute, then send me your question again.",
	TooBusy:               "I'm getting a great many messages from accounts on other servers right now, so I won't answer some of them. Please try again in a few minutes.",

	Commands: map[string]CommandText{
		"hilfe": {Usage: "!help", Description: "shows this help"},
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

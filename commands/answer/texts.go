package answer

import (
	"fmt"
	"strings"

	"github.com/lotse-bot/lotse/commands/chat"
)

// Texts are the replies of the decision for the outcomes that do not show
// a guide, and the short lines `lotse ask` prints for the others. Plain
// text with Markdown only where the chat renders it; the only member input
// put into them is the question in NoGuide, which the caller prepares for
// its medium (escaped Markdown in the chat, see [NoGuideReply]).
type Texts struct {
	Lang string
	// Small talk.
	Hello, Thanks, Ack, Bye, HowAreYou, Prompt string
	// Small talk addressed to the bot (see botTalk): praise or
	// affection, an apology for bothering, and a question about the bot
	// as a being — Bot says honestly that Lotse is a bot, and BotCases
	// how to reach a person when support cases are on (the fallback
	// contact follows Bot otherwise).
	Praise, Sorry, Bot, BotCases string
	// BotHuman follows Bot when the question asks whether Lotse is a
	// person and cases are on: the chat then offers a case at once (see
	// Decision.CaseLead), and `lotse ask` shows HumanOffer after it.
	BotHuman string
	// Criticism answers criticism of the bot or frustration (see
	// TalkCriticism): a short apology, no defence, nothing of the
	// member's words; the way to a person follows as after Bot (BotCases
	// or the fallback contact).
	Criticism string
	// HumanCases answers a request for a person when support cases are
	// on (the chat path follows it with the offer to open a case);
	// HumanOffer is that offer as `lotse ask` shows it.
	HumanCases, HumanOffer string
	// HumanContact answers a request for a person when cases are off:
	// %s = the fallback contact (one sentence).
	HumanContact string
	// DefaultContact is the sentence naming whom to turn to when no
	// contact is configured: the chat's (chat.DefaultContact), so that
	// `lotse ask` shows what the chat shows.
	DefaultContact string
	// NoGuide is the honest "no guide fits" (%s = the question);
	// NoGuideCases and NoGuideContact (%s = contact) add the way to a
	// person.
	NoGuide, NoGuideCases, NoGuideContact string
	// NoGuideThing follows NoGuide when the message is about a product,
	// service or device outside the association's tools (the off-topic
	// signals of the blind list and the hand-written hardware and
	// software groups, see thingNote): %s = the kind of thing, one entry
	// of Things — never the member's own word.
	NoGuideThing string
	// Things names the kinds of thing for NoGuideThing, by the search's
	// off-topic group (search.OffTopicGroup, without a "(…)" suffix);
	// a group without an entry (party work) gets no such sentence.
	Things map[string]string
	// Vague asks back after a message that names no subject ("geht
	// nicht", "Hilfe!"): what exactly does not work, with short examples
	// of what to write. VagueCases adds the way to a person when cases
	// are on (the fallback contact follows otherwise). See [VagueReply].
	Vague, VagueCases string
	// Answer is the first line of a short answer: %s = the guide's title
	// (Markdown, a link when there is a web page).
	Answer string
	// WholeGuide links to the web page: %s = the address. SayMore offers
	// the rest in the chat when there is no web page.
	WholeGuide, SayMore string
	// Related lists up to two close guides: %s = their titles.
	Related string
	// GuideOtherLang follows the title of an answer when the guide is
	// written in the other language than the frame's (the member writes
	// in another language than the guides'): which language, and how to
	// translate it in Element (copy the text, or the browser's
	// translation on the web).
	GuideOtherLang string
	// Feedback asks for 👍/👎 and says what each means in words: a
	// screen reader reads them by name („Daumen hoch“) and a client
	// without emoji shows boxes (a11y35). Lotse puts no reaction there to tap (as
	// it does under a choice), so it says how to react on a phone.
	Feedback string
	// RestOf heads the rest of a guide after "mehr": %s = its title.
	RestOf string
	// NoRest: "mehr" after an answer that already showed the whole guide.
	NoRest string
	// OpenGuide is how to open a guide in the chat: %s = its title.
	OpenGuide string
	// Choose asks back; ChooseHow says how to pick one of several guides
	// and ChooseHowOne how to take the only one (%s = the number
	// buttons shown, see [Texts.HowToChoose]).
	Choose, ChooseHow, ChooseHowOne string
	// ChooseOrCase and ChooseOrContact (followed by the contact) close a
	// choice offered on weak evidence (Decision.Rescued): if none of the
	// guides fits, the way to a person. ChooseOrCaseOne and
	// ChooseOrContactOne close such a choice of a single guide: there is
	// no „keine davon“ of one, and the answer they name is the one
	// support reads after it (a "no" particle, chat.NoParticles, offers
	// the case like „keine davon“; see support's notHelped).
	ChooseOrCase, ChooseOrContact, ChooseOrCaseOne, ChooseOrContactOne string
	// Command says that the command router answers (only `lotse ask`).
	Command string
}

// German is the default catalogue.
var German = Texts{
	Lang:      "de",
	Hello:     "Hallo! Ich bin Lotse, der Hilfe-Bot des Digitalisierungsteams. Schreib mir einfach deine Frage, z. B. „Wie setze ich mein Cloud-Passwort zurück?“ – oder `!hilfe` für alles, was ich kann.",
	Thanks:    "Gern geschehen! Melde dich, wenn du noch etwas brauchst.",
	Ack:       "Alles klar! Wenn noch etwas ist, schreib mir einfach.",
	Bye:       "Bis bald! Wenn du wieder eine Frage hast, bin ich da.",
	HowAreYou: "Danke der Nachfrage, mir geht's gut! Womit kann ich dir helfen?",
	Prompt:    "Klar, frag einfach! Beschreib mir in ein, zwei Sätzen, wobei du Hilfe brauchst – z. B. „Mein Mikro geht in der Videokonferenz nicht“.",
	Praise:    "Danke, das freut mich sehr! 😊 Melde dich gern, wenn du wieder etwas brauchst.",
	Sorry:     "Kein Problem, du störst überhaupt nicht! Frag mich, so oft du magst – dafür bin ich da.",
	Bot:       "Ich bin Lotse, ein Bot und kein Mensch – der Hilfe-Bot des Digitalisierungsteams, rund um die Uhr für dich da.",
	BotCases:  "Möchtest du mit einem Menschen aus dem Team sprechen? Schreib einfach „Ich möchte mit einem Menschen sprechen“.",
	BotHuman:  "Wenn du lieber mit einem Menschen sprechen möchtest, bringe ich dich gern mit jemandem aus dem Team zusammen.",
	Criticism: "Das tut mir leid – da konnte ich dir nicht gut weiterhelfen.",

	HumanCases:     "Gern bringe ich dich mit einem Menschen aus dem Digitalisierungsteam zusammen.",
	HumanOffer:     "Soll ich dafür einen Supportfall öffnen? Antworte mit „ja“ und beschreib kurz dein Anliegen.",
	HumanContact:   "Hier antworte nur ich, Lotse. %s",
	DefaultContact: chat.DefaultContact("de"),

	NoGuide:        "Zu „%s“ habe ich leider keine passende Anleitung gefunden.",
	NoGuideCases:   "Ich kann deine Frage aber an einen Menschen aus dem Digitalisierungsteam weitergeben.",
	NoGuideContact: "Formuliere deine Frage gern anders oder schau mit `!anleitungen` in die Themen. %s",
	NoGuideThing:   "Meine Anleitungen sind für die Werkzeuge unseres Verbands da – Nextcloud, BigBlueButton und Matrix/Element –, nicht für %s.",
	Things: map[string]string{
		"hardware":                                     "Computer-Hardware und Zubehör",
		"other software and services":                  "andere Programme und Dienste",
		"mail providers":                               "Mail-Anbieter und Mail-Programme",
		"banks and payment":                            "Banken und Bezahldienste",
		"telephone and internet providers":             "Telefon- und Internetanbieter",
		"other messengers and social networks":         "andere Messenger und soziale Netzwerke",
		"other cloud and office software":              "andere Cloud- und Office-Programme",
		"shopping, streaming, travel, public services": "Einkaufs-, Streaming-, Reise- und Behördendienste",
		"security software":                            "Sicherheitsprogramme",
		"device makers and systems":                    "Geräte und Betriebssysteme an sich",
		"home electronics":                             "Unterhaltungselektronik",
		"smart home":                                   "Smart-Home-Geräte",
		"other devices":                                "andere Geräte",
	},

	Vague:      "Schade, dass gerade etwas nicht klappt! Damit ich dir die passende Anleitung zeigen kann: Was genau funktioniert nicht, und wobei? Ein paar Worte reichen, z. B. „Ton in der Videokonferenz“, „Anmeldung in der Cloud“ oder „Passwort vergessen“.",
	VagueCases: "Oder ich gebe dein Anliegen an einen Menschen aus dem Digitalisierungsteam weiter.",

	Answer:     "📘 **%s**",
	WholeGuide: "Ganze Anleitung: %s",
	SayMore:    "Schreib *mehr* für die ganze Anleitung.",
	Related:    "Vielleicht passt auch: %s",
	// Element has no translate button: copying works in every app, the
	// browser translates Element Web and the guide's web page.
	GuideOtherLang: "Diese Anleitung ist auf Englisch. Zum Übersetzen kopier den Text in eine Übersetzungs-App oder nutze die Übersetzen-Funktion deines Browsers.",
	Feedback:       "Hat dir das geholfen? Reagiere mit 👍 für „ja“ oder 👎 für „nein“ (am Handy: Nachricht gedrückt halten).",
	RestOf:         "📘 **%s** – der Rest der Anleitung:",
	NoRest:         "Das war schon die ganze Anleitung.",
	OpenGuide:      "!anleitung %s",
	Choose:         "Ich bin mir nicht sicher, welche Anleitung du meinst. Meintest du …",
	ChooseHow:      "Antworte mit der Nummer (z. B. `1`) oder tippe auf %s – oder stell deine Frage etwas anders.",
	// One guide: "die Nummer" of a list of one reads oddly; name it.
	ChooseHowOne: "Antworte mit `1` oder tippe auf %s – oder stell deine Frage etwas anders.",
	Command:      "(Befehl – beantwortet Lotses Befehlsübersicht, nicht die Suche.)",

	ChooseOrCase:    "Passt keine davon? Antworte „keine davon“, dann biete ich dir an, deine Frage an einen Menschen aus dem Digitalisierungsteam weiterzugeben.",
	ChooseOrContact: "Passt keine davon?",
	// One guide: „keine davon“ of one reads oddly; „nein“ says it.
	ChooseOrCaseOne:    "Passt die Anleitung nicht? Antworte „nein“, dann biete ich dir an, deine Frage an einen Menschen aus dem Digitalisierungsteam weiterzugeben.",
	ChooseOrContactOne: "Passt die Anleitung nicht?",
}

// English is available by configuration.
var English = Texts{
	Lang:      "en",
	Hello:     "Hi! I'm Lotse, the help bot of the digital team. Just write me your question, e.g. “How do I reset my cloud password?” – or `!help` for everything I can do.",
	Thanks:    "You're welcome! Get in touch if you need anything else.",
	Ack:       "All right! If there's anything else, just write to me.",
	Bye:       "See you! I'm here whenever you have a question.",
	HowAreYou: "Thanks for asking, I'm fine! How can I help you?",
	Prompt:    "Sure, just ask! Tell me in a sentence or two what you need help with – e.g. “My microphone doesn't work in the video conference”.",
	Praise:    "Thank you, that's kind of you! 😊 Get in touch whenever you need anything.",
	Sorry:     "No problem, you're not bothering me at all! Ask as often as you like – that's what I'm here for.",
	Bot:       "I'm Lotse, a bot and not a person – the help bot of the digital team, here for you around the clock.",
	BotCases:  "Would you like to talk to a person from the team? Just write “I'd like to talk to a person”.",
	BotHuman:  "If you'd rather talk to a person, I'm happy to put you in touch with someone from the team.",
	Criticism: "I'm sorry – I wasn't much help there.",

	HumanCases:     "Happy to put you in touch with a person from the digital team.",
	HumanOffer:     "Shall I open a support case for that? Reply “yes” and describe what you need in a few words.",
	HumanContact:   "Only I, Lotse, answer here. %s",
	DefaultContact: chat.DefaultContact("en"),

	NoGuide:        "Sorry, I found no guide that fits “%s”.",
	NoGuideCases:   "I can pass your question on to a person from the digital team, though.",
	NoGuideContact: "Feel free to ask differently or browse the topics with `!guides`. %s",
	NoGuideThing:   "My guides are for our association's tools – Nextcloud, BigBlueButton and Matrix/Element –, not for %s.",
	Things: map[string]string{
		"hardware":                                     "computer hardware and accessories",
		"other software and services":                  "other programs and services",
		"mail providers":                               "mail providers and mail programs",
		"banks and payment":                            "banks and payment services",
		"telephone and internet providers":             "telephone and internet providers",
		"other messengers and social networks":         "other messengers and social networks",
		"other cloud and office software":              "other cloud and office software",
		"shopping, streaming, travel, public services": "shopping, streaming, travel or public services",
		"security software":                            "security software",
		"device makers and systems":                    "devices and operating systems as such",
		"home electronics":                             "home electronics",
		"smart home":                                   "smart home devices",
		"other devices":                                "other devices",
	},

	Vague:      "Sorry, something isn't working! So that I can show you the right guide: what exactly doesn't work, and where? A few words are enough, e.g. “sound in the video conference”, “signing in to the cloud” or “forgot password”.",
	VagueCases: "Or I can pass it on to a person from the digital team.",

	Answer:         "📘 **%s**",
	WholeGuide:     "Whole guide: %s",
	SayMore:        "Write *more* for the whole guide.",
	Related:        "This might fit too: %s",
	GuideOtherLang: "This guide is in German. To translate it, copy the text into a translation app or use your browser's translate function.",
	Feedback:       "Did this help? React with 👍 for “yes” or 👎 for “no” (on a phone: press and hold the message).",
	RestOf:         "📘 **%s** – the rest of the guide:",
	NoRest:         "That was already the whole guide.",
	OpenGuide:      "!guide %s",
	Choose:         "I'm not sure which guide you mean. Did you mean …",
	ChooseHow:      "Reply with the number (e.g. `1`) or tap %s – or ask your question a little differently.",
	ChooseHowOne:   "Reply `1` or tap %s – or ask your question a little differently.",
	Command:        "(A command – answered by Lotse's command router, not by the search.)",

	ChooseOrCase:       "None of them fits? Reply “none of them” and I'll offer to pass your question on to a person from the digital team.",
	ChooseOrContact:    "None of them fits?",
	ChooseOrCaseOne:    "Not the right guide? Reply “no” and I'll offer to pass your question on to a person from the digital team.",
	ChooseOrContactOne: "Not the right guide?",
}

// Keycaps are the number buttons under a choice, in order: a tap on the
// i-th works like answering its number.
var Keycaps = []string{"1️⃣", "2️⃣", "3️⃣"}

// HowToChoose is the line under a choice of n guides: the buttons of the
// n guides shown (ChooseHow), or ChooseHowOne for one.
func (tx *Texts) HowToChoose(n int) string {
	n = max(1, min(n, len(Keycaps)))
	if n == 1 {
		return fmt.Sprintf(tx.ChooseHowOne, Keycaps[0])
	}
	return fmt.Sprintf(tx.ChooseHow, strings.Join(Keycaps[:n], " "))
}

// TextsFor returns the catalogue for a language code ("de" unless "en").
func TextsFor(lang string) *Texts {
	if lang == "en" {
		return &English
	}
	return &German
}

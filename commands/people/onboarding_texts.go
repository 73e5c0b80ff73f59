package people

import "github.com/lotse-bot/lotse/commands/chat"

// OnboardingTexts are the welcome and checklist texts (Markdown, our own).
type OnboardingTexts struct {
	// Lang is the BCP 47 code.
	Lang string
	// Commands holds usage and description per command name.
	Commands map[string]chat.CommandText

	Welcome, FirstSteps, WelcomePrivacy string
	// WelcomeHelp says how to ask; WelcomeHelpChecklist also names the
	// checklist (!start), only when there is one.
	WelcomeHelp, WelcomeHelpChecklist string
	// WelcomeStop offers !stopp against the checklist reminder, only when
	// one can come (a checklist and reminder_after above 0).
	WelcomeStop string
	// WelcomeNextcloud, WelcomeBBB, WelcomeRoundTables advertise a feature
	// (only when it is on); WelcomeCases says that a person can take over,
	// WelcomeContact (%s = the fallback contact) whom to reach instead.
	WelcomeNextcloud, WelcomeBBB, WelcomeRoundTables, WelcomeCases, WelcomeContact string
	ChecklistIntro, ChecklistHow, ChecklistDone, ChecklistEmpty, StepNextcloud     string
	// StepInvalid: %d = number of steps.
	StepInvalid string
	Reminder    string
	Stopped     string
	Resumed     string
}

// GermanOnboarding are the German onboarding texts.
var GermanOnboarding = OnboardingTexts{
	Lang: "de",
	Commands: map[string]chat.CommandText{
		"start": {Usage: "!start [Nr]", Description: "deine ersten Schritte als Checkliste; mit Nummer hakst du einen Schritt ab"},
		"stopp": {Usage: "!stopp [zurück]", Description: "keine Nachrichten mehr, um die du nicht gebeten hast; `!stopp zurück` nimmt das zurück"},
	},
	Welcome:              "👋 **Willkommen!** Ich bin Lotse, der Hilfe-Bot des Digitalisierungsteams. Du kannst mir jederzeit hier schreiben – ich suche dir die passende Anleitung heraus.",
	FirstSteps:           "**Deine ersten Schritte:**",
	WelcomeNextcloud:     "**Nextcloud:** Ein Konto beantragst du mit `!zugang nextcloud`.",
	WelcomeBBB:           "**Videokonferenzen:** Einen eigenen BigBlueButton-Raum beantragst du mit `!zugang bbb <Raumname>`.",
	WelcomeRoundTables:   "**Runde Tische:** Welche geplant sind, zeigt `!rundetische`.",
	WelcomeHelp:          "**Hilfe:** Schreib deine Frage einfach in diesen Chat. `!hilfe` zeigt alles, was ich kann.",
	WelcomeHelpChecklist: "**Hilfe:** Schreib deine Frage einfach in diesen Chat. `!hilfe` zeigt alles, was ich kann; `!start` zeigt deine Checkliste.",
	WelcomeCases:         "Passt keine Anleitung, gebe ich deine Frage an einen Menschen aus dem Team weiter.",
	WelcomeContact:       "Weiß ich nicht weiter: %s",
	WelcomePrivacy:       "**Deine Daten:** Was ich über dich speichere, warum und wie lange, zeigt `!datenschutz`. Eine Kopie bekommst du mit `!meine-daten`, löschen kannst du sie mit `!daten-löschen`.",
	WelcomeStop:          "Möchtest du keine Nachrichten von mir, um die du nicht gebeten hast (z. B. eine Erinnerung an die Checkliste)? Schreib `!stopp`.",
	ChecklistIntro:       "**Deine ersten Schritte**",
	ChecklistHow:         "Abhaken: `!start <Nummer>`. Eine Anleitung öffnest du mit `!anleitung` und einem Wort aus ihrem Titel – die Nummern hier gelten nur für `!start`.",
	ChecklistDone:        "🎉 Alles erledigt – schön, dass du dabei bist!",
	ChecklistEmpty:       "Für die ersten Schritte gibt es gerade keine Checkliste. Frag mich einfach, wenn du Hilfe brauchst.",
	StepNextcloud:        "Nextcloud-Konto (wird abgehakt, sobald es eingerichtet ist)",
	StepInvalid:          "Bitte gib eine Nummer von 1 bis %d an, z. B. `!start 1`.",
	Reminder:             "👋 Kleine Erinnerung (nur diese eine): Ein paar erste Schritte sind noch offen. Keine Eile – und mit `!stopp` bekommst du keine solchen Nachrichten mehr.",
	Stopped:              "Alles klar: Ich schreibe dir nur noch, wenn du mich etwas fragst. Antworten auf alles, worum du mich bittest, bekommst du weiterhin. Rückgängig machen: `!stopp zurück`.",
	Resumed:              "Gut: Ich darf dir wieder von mir aus schreiben, z. B. eine Erinnerung an deine ersten Schritte. `!stopp` schaltet das wieder ab.",
}

// EnglishOnboarding are the English onboarding texts.
var EnglishOnboarding = OnboardingTexts{
	Lang: "en",
	Commands: map[string]chat.CommandText{
		"start": {Usage: "!onboarding [number]", Description: "your first steps as a checklist; with a number you tick a step"},
		"stopp": {Usage: "!stop [undo]", Description: "no more messages you did not ask for; `!stop undo` takes it back"},
	},
	Welcome:              "👋 **Welcome!** I'm Lotse, the help bot of the digital team. Write to me here any time – I'll find the right guide for you.",
	FirstSteps:           "**Your first steps:**",
	WelcomeNextcloud:     "**Nextcloud:** request an account with `!access nextcloud`.",
	WelcomeBBB:           "**Video calls:** request your own BigBlueButton room with `!access bbb <room name>`.",
	WelcomeRoundTables:   "**Round tables:** `!roundtables` shows the planned ones.",
	WelcomeHelp:          "**Help:** just write your question in this chat. `!help` shows everything I can do.",
	WelcomeHelpChecklist: "**Help:** just write your question in this chat. `!help` shows everything I can do; `!onboarding` shows your checklist.",
	WelcomeCases:         "If no guide fits, I pass your question on to a person from the team.",
	WelcomeContact:       "If I can't help: %s",
	WelcomePrivacy:       "**Your data:** `!privacy` shows what I store about you, why and for how long. Get a copy with `!my-data`, delete it with `!delete-my-data`.",
	WelcomeStop:          "Don't want messages you didn't ask for (e.g. a checklist reminder)? Write `!stop`.",
	ChecklistIntro:       "**Your first steps**",
	ChecklistHow:         "Tick a step: `!onboarding <number>`. Open a guide with `!guide` and a word from its title – these numbers are only for `!onboarding`.",
	ChecklistDone:        "🎉 All done – great to have you with us!",
	ChecklistEmpty:       "There's no checklist for the first steps right now. Just ask me if you need help.",
	StepNextcloud:        "Nextcloud account (ticked once it is set up)",
	StepInvalid:          "Please give a number from 1 to %d, e.g. `!onboarding 1`.",
	Reminder:             "👋 A small reminder (just this one): some first steps are still open. No rush – and with `!stop` you won't get such messages any more.",
	Stopped:              "Got it: I'll only write when you ask me something. You'll still get answers to everything you ask me for. To undo: `!stop undo`.",
	Resumed:              "Fine: I may write to you on my own again, e.g. a reminder of your first steps. `!stop` turns it off again.",
}

// OnboardingTextsFor returns the onboarding texts of lang (German by default).
func OnboardingTextsFor(lang string) *OnboardingTexts {
	return chat.TextsFor(lang, &GermanOnboarding, &EnglishOnboarding)
}

package main

// demoTexts are what `lotse demo` prints in the terminal and the names of
// the rooms it creates, in the language of --lang (Lotse's own messages
// come from its catalogues).
type demoTexts struct {
	// Lang is the BCP 47 code.
	Lang string
	// Building: the homeserver is being built and started.
	Building string
	// TeamRoom and ApprovalsRoom are the names of the demo's rooms.
	TeamRoom, ApprovalsRoom string
	// Homeserver: %s URL, %s server name. Bot: %s user ID. Login: %s user
	// ID, %s password. TeamLogin: the same. Guides: %s folder. Log: %s file.
	Homeserver, Bot, Login, TeamLogin, Guides, Log string
	// Intro explains the demo: %s member, %s team member (twice).
	Intro string
	// Quit says how to end the demo; Ended that it ended.
	Quit, Ended string
	// TeamPrefix and ApprovalsPrefix start the lines sent as the team
	// member into the team room and the approvals room.
	TeamPrefix, ApprovalsPrefix string
	// SendFailed: %v error. NoAnswer: %s log file.
	SendFailed, NoAnswer string
	// Edited marks a message Lotse edited.
	Edited string
	// FromDM, FromTeam, FromApprovals name where a message of Lotse's came from.
	FromDM, FromTeam, FromApprovals string
	// FakeAccount: %s user, %s e-mail, %s groups. FakeRoom: %s room name.
	FakeAccount, FakeRoom string
	// Reacted: %s the reaction sent under Lotse's newest message.
	// NoReactionTarget: there is no message of Lotse's to react to yet.
	Reacted, NoReactionTarget string
}

var demoGerman = demoTexts{
	Lang:          "de",
	Building:      "Lotse-Demo: baue und starte den Matrix-Homeserver (Dendrite, beim ersten Mal ~2 Minuten) …",
	TeamRoom:      "Digitalisierungsteam (Demo)",
	ApprovalsRoom: "Genehmigungen (Demo)",
	Homeserver:    "Homeserver:   %s  (Servername %s)",
	Bot:           "Bot:          %s",
	Login:         "Demo-Login:   %s / Passwort %s  (mit jedem Matrix-Client auf diesem Rechner)",
	TeamLogin:     "Team-Login:   %s / Passwort %s  (im verschlüsselten Team- und Genehmigungsraum)",
	Guides:        "Anleitungen:  %s  (Änderungen werden sofort übernommen)",
	Log:           "Bot-Log:      %s",
	Intro: "Du chattest jetzt als %s mit Lotse in einem verschlüsselten Direktchat.\n" +
		"Schreib eine Frage (z. B. „passwort vergessen“) oder !hilfe. Deine erste Nachricht bringt auch die Begrüßung.\n" +
		"Supportfall: frag etwas, das keine Anleitung beantwortet (z. B. „Wie spende ich für den Wahlkampf?“), und sag „ja“.\n" +
		"Dann spielst du das Team: Zeilen mit „team:“ davor schreibst du als %s in den Teamraum,\n" +
		"z. B. „team: !übernehmen 1“, „team: !antwort 1 Schau mal auf die Spendenseite.“, „team: !erledigt 1“.\n" +
		"Zugang: „!zugang nextcloud AG Digitales“ oder „!zugang bbb Vorstand“ beantragt ein Konto bzw. einen Raum (bei nachgebauten Servern).\n" +
		"Genehmigen: Zeilen mit „freigabe:“ davor schreibst du als %s in den Genehmigungsraum, z. B. „freigabe: !genehmigen 1“.\n" +
		"Reagieren: Eine Zeile nur mit 👍, 👎, ✅, ❌ oder 1️⃣ 2️⃣ 3️⃣ setzt diese Reaktion unter Lotses letzte Nachricht, wie ein Tipp darauf in Element.\n" +
		"Adressen wie cloud.example.org sind Beispiele: Im Betrieb trägst du eure eigenen im site-Block der Konfiguration ein.",
	Quit:             "Strg-C beendet die Demo.",
	Ended:            "Demo beendet.",
	TeamPrefix:       "team:",
	ApprovalsPrefix:  "freigabe:",
	SendFailed:       "(Senden fehlgeschlagen: %v)",
	NoAnswer:         "(keine Antwort innerhalb von 30 s – siehe %s)",
	Edited:           "(geändert)",
	FromDM:           "Lotse",
	FromTeam:         "Lotse im Teamraum",
	FromApprovals:    "Lotse im Genehmigungsraum",
	FakeAccount:      "(Nextcloud-Nachbau: Konto „%s“ angelegt, E-Mail %s, Gruppen: %s)",
	FakeRoom:         "(BBB-Nachbau: Raum „%s“ angelegt)",
	Reacted:          "(Reaktion %s unter Lotses letzte Nachricht gesetzt)",
	NoReactionTarget: "(Lotse hat dir hier noch nichts geschrieben: Schreib zuerst eine Frage.)",
}

var demoEnglish = demoTexts{
	Lang:          "en",
	Building:      "Lotse demo: building and starting the Matrix homeserver (Dendrite, ~2 minutes the first time) …",
	TeamRoom:      "Digital team (demo)",
	ApprovalsRoom: "Approvals (demo)",
	Homeserver:    "Homeserver:   %s  (server name %s)",
	Bot:           "Bot:          %s",
	Login:         "Demo login:   %s / password %s  (with any Matrix client on this computer)",
	TeamLogin:     "Team login:   %s / password %s  (in the encrypted team and approvals rooms)",
	Guides:        "Guides:       %s  (changes apply at once)",
	Log:           "Bot log:      %s",
	Intro: "You are now chatting as %s with Lotse in an encrypted direct chat.\n" +
		"Ask a question (e.g. “forgot my password”) or write !help. Your first message also brings the welcome.\n" +
		"Support case: ask something no guide answers (e.g. “How do I donate for the campaign?”) and say “yes”.\n" +
		"Then you play the team: lines starting with “team:” go as %s into the team room,\n" +
		"e.g. “team: !claim 1”, “team: !reply 1 Have a look at the donations page.”, “team: !resolve 1”.\n" +
		"Access: “!access nextcloud AG Digitales” or “!access bbb Board” requests an account or a room (on stand-in servers).\n" +
		"Approving: lines starting with “approvals:” go as %s into the approvals room, e.g. “approvals: !approve 1”.\n" +
		"Reacting: a line of only 👍, 👎, ✅, ❌ or 1️⃣ 2️⃣ 3️⃣ adds that reaction to Lotse's latest message, like a tap in Element.\n" +
		"Addresses like cloud.example.org are examples: in production you enter your own in the config's site block.",
	Quit:             "Ctrl-C ends the demo.",
	Ended:            "Demo ended.",
	TeamPrefix:       "team:",
	ApprovalsPrefix:  "approvals:",
	SendFailed:       "(sending failed: %v)",
	NoAnswer:         "(no answer within 30 s – see %s)",
	Edited:           "(edited)",
	FromDM:           "Lotse",
	FromTeam:         "Lotse in the team room",
	FromApprovals:    "Lotse in the approvals room",
	FakeAccount:      "(Nextcloud stand-in: account “%s” created, e-mail %s, groups: %s)",
	FakeRoom:         "(BBB stand-in: room “%s” created)",
	Reacted:          "(reaction %s added to Lotse's latest message)",
	NoReactionTarget: "(Lotse has not written to you here yet: ask a question first.)",
}

// demoTextsFor returns the demo's texts in lang, German by default.
func demoTextsFor(lang string) *demoTexts {
	if lang == "en" {
		return &demoEnglish
	}
	return &demoGerman
}

package people

import "github.com/lotse-bot/lotse/commands/chat"

// Texts are the texts of roles and the team privacy gate. %s
// arguments are escaped by the caller.
type Texts struct {
	// Lang is the BCP 47 code.
	Lang string
	// Commands holds usage and description per command name.
	Commands map[string]chat.CommandText

	RoleAdmin, RoleApprover, RoleCoordinator, RoleTeam       string
	StatusActive, StatusPending, StatusPaused, StatusRemoved string
	NotManager, PrivateOnly, AdminOnly, NotSelf, DMOnly      string
	// TeamNotEnabled: there is no team (support cases are not set up).
	TeamNotEnabled                                          string
	RoleUsage, DeclarationUsage, TrainingUsage, DateInvalid string
	// Granted, Revoked, AlreadyHas, NotHeld: %s user, %s role.
	Granted, Revoked, AlreadyHas, NotHeld string
	// NotInApprovalsRoom, NotInTeamRoom follow AlreadyHas when the person
	// was not in the room of the role and Lotse invited them: %s user.
	NotInApprovalsRoom, NotInTeamRoom string
	// BannedInApprovalsRoom, BannedInTeamRoom follow AlreadyHas when the
	// person is banned from the room of the role: not invited (%s user).
	BannedInApprovalsRoom, BannedInTeamRoom string
	// TeamRejoined, TeamRejoinPending, TeamRejoinBanned, TeamRejoinRemoved,
	// TeamRejoinSoon, TeamRejoinFailed follow TeamAlready when the person
	// is not in the team room: invited again, an invite waits, banned
	// there or removed by someone (not invited), invited a short while
	// ago (not again yet), the invite failed.
	TeamRejoined, TeamRejoinPending, TeamRejoinBanned, TeamRejoinRemoved, TeamRejoinSoon, TeamRejoinFailed string
	// Applied: %s = what is missing. AppliedApprovers: %s user, %s missing,
	// %s how to record it (RecordWith).
	Applied, AppliedApprovers string
	// RecordWith says how a manager records what is missing: %s = one or
	// both of RecordDeclaration and RecordTraining (%s user each), joined
	// with And. It follows AppliedApprovers, GrantPending and StillMissing.
	RecordWith, RecordDeclaration, RecordTraining string
	// AppliedGuide follows Applied when the library has the guide about
	// joining the team (JoinGuide): %s = its title, as the library names
	// it (an English install has its own guides).
	AppliedGuide string
	// AppliedRevoked answers a self-application after the team role was
	// revoked; AppliedRevokedApprovers: %s user, %s user.
	AppliedRevoked, AppliedRevokedApprovers string
	// GrantPending: %s user, %s missing. StillMissing: %s user, %s missing.
	GrantPending, StillMissing string
	// GrantPendingMember tells the person a manager put forward for the
	// team what is missing: %s missing.
	GrantPendingMember string
	// GrantPendingNotTold follows GrantPending when the person never wrote
	// to Lotse: they are not told before the activation.
	GrantPendingNotTold                               string
	MissingDeclaration, MissingTraining, And, Missing string
	// TeamActive: %s user. TeamActiveMember goes to the person.
	TeamActive, TeamActiveMember, TeamAlready, TeamNone string
	// TeamActiveNoInvite (%s user), TeamActiveMemberNoInvite replace
	// TeamActive and TeamActiveMember when Lotse could not invite the
	// person to the team room.
	TeamActiveNoInvite, TeamActiveMemberNoInvite string
	// TeamActiveBanned (%s user), TeamActiveMemberBanned replace them
	// when the person is banned from the team room: no invite was tried.
	TeamActiveBanned, TeamActiveMemberBanned string
	// TeamStatus: %s status, %s gate summary.
	TeamStatus string
	// GateDeclaration, GateTraining: %s date or Missing.
	GateDeclaration, GateTraining string
	// GateTrainingUntil: %s the last day the training counts;
	// GateTrainingExpired: %s the day it expired.
	GateTrainingUntil, GateTrainingExpired string
	// DeclarationRecorded: %s user, %s date. TrainingRecorded: %s user, %s date, %s valid until.
	DeclarationRecorded, TrainingRecorded string
	// IDNoServer: a word with @ but no server (%s = the ID on Lotse's
	// server). IDMissing: no word with @ (%s = Lotse's server). Both
	// come before a role command's usage (idHint).
	IDNoServer, IDMissing string
	// OtherServer warns that a target is on another server: %s user, %s
	// its server, %s Lotse's server. UnknownID: %s user Lotse never heard of.
	OtherServer, UnknownID string
	// DeclarationRevoked, DeclarationNone: %s user. DeclarationRevokedTeam
	// follows DeclarationRevoked when the team role was held;
	// DeclarationRevokedMember tells the person. DeclarationRevokedKept
	// replaces DeclarationRevokedTeam when Lotse could not remove the
	// person (KickFailed follows).
	DeclarationRevoked, DeclarationNone, DeclarationRevokedTeam, DeclarationRevokedMember string
	DeclarationRevokedKept                                                                string
	RolesIntro, RolesEmpty, FromConfig                                                    string
	InviteReason, KickReason, PauseReason                                                 string
	// DeclarationKickReason is the reason Element shows for leaving the
	// team room when a privacy declaration was taken back (not the role).
	DeclarationKickReason string
	// TeamRoomNoRole warns the team room that someone without the team
	// role joined: %s user, %s user (remove), %s user (grant).
	TeamRoomNoRole string
	// TrainingSoonMember: %s date. TrainingSoonCoord, TrainingExpiredCoord: %s user, %s date.
	TrainingSoonMember, TrainingSoonCoord, TrainingExpiredMember, TrainingExpiredCoord string
	// ManagerCommands heads the role commands in the help.
	ManagerCommands string
	// KickFailed: Lotse could not remove someone whose role ended: %s
	// user, %s where (InTeamRoom, InApprovalsRoom joined with And).
	KickFailed, InTeamRoom, InApprovalsRoom string
	// RolesMore ends a page of !rollen: %d not shown, %d next page
	// (plural forms "one|other", see chat.Plural).
	RolesMore string
	// ApprovalsRoomNoRole warns the approvals room that someone without
	// a role there joined: %s user, %s user (remove), %s user (grant).
	ApprovalsRoomNoRole string
}

// German are the German texts.
var German = Texts{
	Lang: "de",
	Commands: map[string]chat.CommandText{
		"team":      {Usage: "!team beitreten", Description: "dich fürs Digitalisierungsteam bewerben; `!team` zeigt den Stand"},
		"rolle":     {Usage: "!rolle @name team|koordination|genehmigung [entziehen]", Description: "Rolle vergeben oder entziehen (hat die Person die Rolle schon, ist aber nicht im Team- bzw. Genehmigungsraum, lade ich sie neu ein)"},
		"rollen":    {Usage: "!rollen", Description: "alle Rollen mit Stand von Erklärung und Schulung"},
		"erklärung": {Usage: "!erklärung @name erhalten [Datum]|widerrufen", Description: "unterschriebene Verpflichtungserklärung eintragen oder wieder austragen"},
		"schulung":  {Usage: "!schulung @name <Datum>", Description: "besuchte Datenschutzschulung eintragen"},
	},
	RoleAdmin: "Admin", RoleApprover: "Genehmigung", RoleCoordinator: "Koordination", RoleTeam: "Team",
	StatusActive: "aktiv", StatusPending: "wartet auf Erklärung/Schulung", StatusPaused: "pausiert (Schulung abgelaufen)", StatusRemoved: "entzogen",
	NotManager:       "Rollen vergeben und Erklärungen eintragen können nur Admins und Genehmigende.",
	PrivateOnly:      "Rollen verwaltest du bitte im Direktchat mit mir oder im Genehmigungsraum – nicht hier.",
	AdminOnly:        "Die Rolle Genehmigung können nur Admins vergeben oder entziehen.",
	NotSelf:          "Das geht nicht für dich selbst – frag bitte eine andere genehmigende Person.",
	DMOnly:           "Das machen wir bitte im Direktchat mit mir.",
	TeamNotEnabled:   "Ein Team, bei dem du dich über mich bewerben kannst, gibt es hier nicht.",
	RoleUsage:        "So geht es: `!rolle @name team` (oder `koordination`, `genehmigung`); entziehen mit `!rolle @name team entziehen`.",
	DeclarationUsage: "So geht es: `!erklärung @name erhalten 02.03.2026` (ohne Datum: heute); wieder austragen mit `!erklärung @name widerrufen`.",
	TrainingUsage:    "So geht es: `!schulung @name 02.03.2026`",
	DateInvalid:      "Das Datum verstehe ich nicht (oder es liegt in der Zukunft). Schreib es so: `02.03.2026`.",
	Granted:          "✅ %s hat jetzt die Rolle **%s**.",
	Revoked:          "Die Rolle **%[2]s** von %[1]s ist entzogen.",
	AlreadyHas:       "%s hat die Rolle **%s** schon.",
	NotHeld:          "%s hat die Rolle **%s** nicht.",

	NotInApprovalsRoom:       "%s ist nicht im Genehmigungsraum: Eine Einladung von mir liegt jetzt bei der Person.",
	NotInTeamRoom:            "%s ist nicht im Teamraum: Eine Einladung von mir liegt jetzt bei der Person.",
	BannedInApprovalsRoom:    "%s ist im Genehmigungsraum gesperrt, deshalb lade ich die Person nicht ein. Soll sie zurück, muss jemand mit Admin-Rechten im Raum die Sperre aufheben; vergib die Rolle danach noch einmal.",
	BannedInTeamRoom:         "%s ist im Teamraum gesperrt, deshalb lade ich die Person nicht ein. Soll sie zurück, muss jemand mit Admin-Rechten im Raum die Sperre aufheben; vergib die Rolle danach noch einmal.",
	TeamRejoined:             "Im Teamraum warst du nicht mehr – ich habe dich wieder eingeladen. Nimm die Einladung in deinem Chat-Programm an.",
	TeamRejoinPending:        "Eine Einladung in den Teamraum liegt schon bei dir: Nimm sie in deinem Chat-Programm an.",
	TeamRejoinBanned:         "Im Teamraum bist du aber gesperrt, deshalb lade ich dich nicht ein. Wenn du wieder hineinmöchtest, wende dich bitte an die Koordination des Teams.",
	TeamRejoinRemoved:        "Aus dem Teamraum hat dich aber jemand entfernt, deshalb lade ich dich nicht selbst wieder ein. Wenn du wieder hineinmöchtest, wende dich bitte an die Koordination des Teams.",
	TeamRejoinSoon:           "Ich habe dich vor Kurzem schon in den Teamraum eingeladen. Eine neue Einladung schicke ich frühestens eine Stunde danach – hast du sie abgelehnt, schreib mir dann noch einmal `!team beitreten`.",
	TeamRejoinFailed:         "Im Teamraum bist du nicht, und einladen konnte ich dich gerade nicht. Bitte wende dich an die Koordination des Teams.",
	TeamActiveNoInvite:       "✅ %s ist jetzt im Digitalisierungsteam freigeschaltet. In den Teamraum konnte ich die Person nicht einladen – wahrscheinlich fehlt mir dort das Recht dazu. Bitte lade sie von Hand ein.",
	TeamActiveMemberNoInvite: "✅ Du bist jetzt im Digitalisierungsteam freigeschaltet! Die Einladung in den Teamraum bekommst du von jemandem aus dem Team. Willkommen an Bord!",
	TeamActiveBanned:         "✅ %s ist jetzt im Digitalisierungsteam freigeschaltet. Im Teamraum ist die Person aber gesperrt, deshalb lade ich sie nicht ein. Soll sie hinein, muss jemand mit Admin-Rechten im Raum die Sperre aufheben und sie einladen.",
	TeamActiveMemberBanned:   "✅ Du bist jetzt im Digitalisierungsteam freigeschaltet! Im Teamraum bist du aber gesperrt, deshalb lade ich dich nicht ein. Wenn du hineinmöchtest, wende dich bitte an die Koordination des Teams.",

	Applied: "Danke für deine Bewerbung fürs Digitalisierungsteam! 🙌\n\n" +
		"Weil du im Team Supportfälle mit persönlichen Daten siehst, wirst du erst freigeschaltet, wenn Folgendes vorliegt: %s. " +
		"Die Genehmigenden melden sich bei dir.",
	AppliedGuide:            "Wie das abläuft, steht in der Anleitung „%s“.",
	AppliedRevoked:          "Deine Bewerbung ist angekommen. Weil dir die Team-Rolle entzogen wurde, kann nur jemand mit dem Recht dazu (Admins oder Genehmigende) sie dir wieder geben. Die Genehmigenden wissen Bescheid.",
	AppliedRevokedApprovers: "🙋 %s möchte wieder ins Digitalisierungsteam. Die Team-Rolle wurde entzogen – wieder vergeben geht nur mit `!rolle %s team`.",
	AppliedApprovers:        "🙋 %s möchte ins Digitalisierungsteam. Es fehlt noch: %s. %s",
	RecordWith:              "Eintragen mit %s.",
	RecordDeclaration:       "`!erklärung %s erhalten <Datum>`",
	RecordTraining:          "`!schulung %s <Datum>`",
	GrantPending:            "%s bekommt die Rolle **Team**, sobald vorliegt: %s.",
	GrantPendingMember:      "📋 Du bist fürs Digitalisierungsteam vorgesehen. Freischalten kann ich dich, sobald vorliegt: %s. Die Genehmigenden melden sich dazu bei dir; `!team` zeigt dir jederzeit den Stand.",
	GrantPendingNotTold:     "Von der Person habe ich noch keine Nachricht, deshalb schreibe ich ihr jetzt noch nicht – falls sich in der ID ein Tippfehler versteckt, erfährt so niemand Falsches davon. Stimmt die ID, sage ich es der Person mit der Freischaltung.",
	StillMissing:            "Für %s fehlt noch: %s.",
	MissingDeclaration:      "die unterschriebene Verpflichtungserklärung",
	MissingTraining:         "eine gültige Datenschutzschulung",
	And:                     " und ",
	Missing:                 "fehlt",
	TeamActive:              "✅ %s ist jetzt im Digitalisierungsteam freigeschaltet und in den Teamraum eingeladen.",
	TeamActiveMember:        "✅ Du bist jetzt im Digitalisierungsteam freigeschaltet! Ich habe dich in den Teamraum eingeladen. Willkommen an Bord!",
	TeamAlready:             "Du bist schon im Digitalisierungsteam freigeschaltet.",
	TeamNone:                "Du bist (noch) nicht im Digitalisierungsteam. Bewerben kannst du dich mit `!team beitreten`.",
	TeamStatus:              "Deine Rolle im Digitalisierungsteam: **%s** (%s).",
	GateDeclaration:         "Erklärung: %s",
	GateTraining:            "Schulung: %s",
	GateTrainingUntil:       "Schulung gültig bis %s",
	GateTrainingExpired:     "Schulung abgelaufen am %s",
	DeclarationRecorded:     "Verpflichtungserklärung von %s eingetragen (vom %s).",
	TrainingRecorded:        "Schulung von %s eingetragen (am %s, gültig bis %s).",
	DeclarationRevoked:      "Verpflichtungserklärung von %s ausgetragen.",
	DeclarationNone:         "Für %s ist keine Verpflichtungserklärung eingetragen.",
	IDNoServer:              "Zur Matrix-ID gehört auch der Server, z. B. `%s` – ist das die Person? In Element siehst du die ganze ID, wenn du auf den Namen der Person tippst.",
	IDMissing:               "Ich brauche die Matrix-ID der Person: Sie beginnt mit @ und endet mit dem Server, z. B. `@name:%s`. In Element siehst du sie, wenn du auf den Namen der Person tippst.",
	OtherServer:             "%s hat ein Konto auf dem Server %s, nicht auf %s. Ist das wirklich die Person, die du meinst?",
	UnknownID:               "Von %s habe ich noch nie etwas gehört. Bitte prüf die Schreibweise der Matrix-ID; wenn sie stimmt, ist alles gut.",
	DeclarationRevokedTeam:  "Die Team-Rolle wartet jetzt wieder auf eine Erklärung: Ich habe die Person aus dem Teamraum entfernt und ihre übernommenen Fälle zurück in die Warteschlange gegeben. Mit einer neuen Erklärung schalte ich sie wieder frei.",
	DeclarationRevokedKept:  "Die Team-Rolle wartet jetzt wieder auf eine Erklärung: Ich habe ihre übernommenen Fälle zurück in die Warteschlange gegeben. Mit einer neuen Erklärung schalte ich sie wieder frei.",
	DeclarationRevokedMember: "Deine Verpflichtungserklärung ist nicht mehr eingetragen. Deine Team-Rolle ruht deshalb, und bis auf Weiteres gehörst du nicht mehr zum Teamraum. " +
		"Sobald wieder eine Erklärung von dir eingetragen ist, schalte ich dich frei.",
	RolesIntro:            "**Rollen**",
	RolesEmpty:            "Noch keine Rollen vergeben.",
	FromConfig:            "aus der Konfiguration",
	InviteReason:          "Freigeschaltet von Lotse",
	TeamRoomNoRole:        "⚠️ %s ist dem Teamraum beigetreten, hat aber keine freigeschaltete Team-Rolle – und liest hier die Supportfälle mit. War das so gewollt? Wenn nicht: bitte %s aus dem Raum entfernen. Soll die Person ins Team: `!rolle %s team` (mit Verpflichtungserklärung und Schulung).",
	KickReason:            "Rolle entzogen",
	DeclarationKickReason: "Verpflichtungserklärung zurückgenommen",
	PauseReason:           "Datenschutzschulung abgelaufen",
	TrainingSoonMember:    "⏰ Deine Datenschutzschulung läuft am %s ab. Bitte melde dich rechtzeitig zur nächsten Schulung an, damit du im Team weitermachen kannst.",
	TrainingSoonCoord:     "⏰ Die Datenschutzschulung von %s läuft am %s ab.",
	TrainingExpiredMember: "Deine Datenschutzschulung ist abgelaufen. Deine Team-Rolle ist deshalb pausiert, und bis zu einer neuen Schulung gehörst du nicht mehr zum Teamraum. " +
		"Sobald eine neue Schulung eingetragen ist, schalte ich dich wieder frei.",
	TrainingExpiredCoord: "⏸️ Die Datenschutzschulung von %s ist am %s abgelaufen; die Team-Rolle ist pausiert. Nach einer neuen Schulung tragen Admins oder Genehmigende sie mit `!schulung` ein.",
	ManagerCommands:      "Befehle für Admins und Genehmigende (Rollen und Freischaltung):",
	KickFailed: "⚠️ %s ist noch %s: Ich konnte die Person nicht entfernen – wahrscheinlich hat sie dort mindestens so viele Rechte wie ich. " +
		"Die Person muss von Hand entfernt werden (in der Mitgliederliste über ihren Namen); das kann, wer dort mehr Rechte hat als sie.",
	InTeamRoom:      "im Teamraum",
	InApprovalsRoom: "im Genehmigungsraum",
	RolesMore:       "… %d weiterer Eintrag: `!rollen %d`|… %d weitere Einträge: `!rollen %d`",
	ApprovalsRoomNoRole: "⚠️ %s ist dem Genehmigungsraum beigetreten, hat aber keine Rolle, die hierher gehört – und liest hier die Zugangsanträge mit E-Mail-Adressen mit. " +
		"War das so gewollt? Wenn nicht: bitte %s aus dem Raum entfernen. Soll die Person genehmigen: `!rolle %s genehmigung` (nur Admins).",
}

// English are the English texts.
var English = Texts{
	Lang: "en",
	Commands: map[string]chat.CommandText{
		"team":      {Usage: "!team join", Description: "apply for the digital team; `!team` shows the state"},
		"rolle":     {Usage: "!role @name team|coordinator|approver [remove]", Description: "grant or remove a role (if the person already has it but is not in the team or approvals room, I invite them again)"},
		"rollen":    {Usage: "!roles", Description: "all roles with the state of declaration and training"},
		"erklärung": {Usage: "!declaration @name received [date]|withdraw", Description: "record a signed privacy declaration, or take it back"},
		"schulung":  {Usage: "!training @name <date>", Description: "record an attended data-protection training"},
	},
	RoleAdmin: "admin", RoleApprover: "approver", RoleCoordinator: "coordinator", RoleTeam: "team",
	StatusActive: "active", StatusPending: "waiting for declaration/training", StatusPaused: "paused (training expired)", StatusRemoved: "removed",
	NotManager:       "Only admins and approvers can grant roles and record declarations.",
	PrivateOnly:      "Please manage roles in your direct chat with me or in the approvals room – not here.",
	AdminOnly:        "Only admins can grant or remove the approver role.",
	NotSelf:          "You can't do that for yourself – please ask another approver.",
	DMOnly:           "Let's do that in a direct chat with me, please.",
	TeamNotEnabled:   "There is no team to apply to through me here.",
	RoleUsage:        "Like this: `!role @name team` (or `coordinator`, `approver`); remove with `!role @name team remove`.",
	DeclarationUsage: "Like this: `!declaration @name received 2026-03-02` (without a date: today); take it back with `!declaration @name withdraw`.",
	TrainingUsage:    "Like this: `!training @name 2026-03-02`",
	DateInvalid:      "I don't understand the date (or it is in the future). Write it like `2026-03-02`.",
	Granted:          "✅ %s now has the **%s** role.",
	Revoked:          "The **%[2]s** role of %[1]s was removed.",
	AlreadyHas:       "%s already has the **%s** role.",
	NotHeld:          "%s doesn't have the **%s** role.",

	NotInApprovalsRoom:       "%s is not in the approvals room: they have an invitation from me now.",
	NotInTeamRoom:            "%s is not in the team room: they have an invitation from me now.",
	BannedInApprovalsRoom:    "%s is banned from the approvals room, so I'm not inviting them. If they should come back, someone with admin rights in the room must lift the ban; then grant the role again.",
	BannedInTeamRoom:         "%s is banned from the team room, so I'm not inviting them. If they should come back, someone with admin rights in the room must lift the ban; then grant the role again.",
	TeamRejoined:             "You were no longer in the team room – I've invited you again. Accept the invitation in your chat app.",
	TeamRejoinPending:        "An invitation to the team room is already waiting for you: accept it in your chat app.",
	TeamRejoinBanned:         "But you are banned from the team room, so I'm not inviting you. If you want to get back in, please ask the team's coordinators.",
	TeamRejoinRemoved:        "But someone removed you from the team room, so I won't invite you back on my own. If you want to get back in, please ask the team's coordinators.",
	TeamRejoinSoon:           "I invited you to the team room a short while ago. I'll send a new invitation an hour after that at the earliest – if you declined it, send me `!team join` again then.",
	TeamRejoinFailed:         "You're not in the team room, and I couldn't invite you just now. Please ask the team's coordinators.",
	TeamActiveNoInvite:       "✅ %s is now activated in the digital team. I could not invite them to the team room – I probably lack the power to invite there. Please invite them by hand.",
	TeamActiveMemberNoInvite: "✅ You're now activated in the digital team! Someone from the team will invite you to the team room. Welcome aboard!",
	TeamActiveBanned:         "✅ %s is now activated in the digital team. But they are banned from the team room, so I'm not inviting them. If they should get in, someone with admin rights in the room must lift the ban and invite them.",
	TeamActiveMemberBanned:   "✅ You're now activated in the digital team! But you are banned from the team room, so I'm not inviting you. If you want to get in, please ask the team's coordinators.",

	Applied: "Thanks for applying to the digital team! 🙌\n\n" +
		"Because the team sees support cases with personal data, you'll be activated once we have: %s. " +
		"The approvers will get in touch.",
	AppliedGuide:            "The guide “%s” explains how it works.",
	AppliedRevoked:          "Your application has arrived. Because the team role was revoked, only someone with the right to grant it (admins or approvers) can give it back. The approvers have been told.",
	AppliedRevokedApprovers: "🙋 %s wants to rejoin the digital team. The team role was revoked – only `!role %s team` grants it again.",
	AppliedApprovers:        "🙋 %s wants to join the digital team. Still missing: %s. %s",
	RecordWith:              "Record it with %s.",
	RecordDeclaration:       "`!declaration %s received <date>`",
	RecordTraining:          "`!training %s <date>`",
	GrantPending:            "%s gets the **team** role as soon as we have: %s.",
	GrantPendingMember:      "📋 You have been put forward for the digital team. I can activate you as soon as we have: %s. The approvers will get in touch with you about it; `!team` shows the state any time.",
	GrantPendingNotTold:     "I have no message from this person yet, so I'm not writing to them now – if the ID has a typo, nobody wrong learns of it. If the ID is right, I tell them when they are activated.",
	StillMissing:            "Still missing for %s: %s.",
	MissingDeclaration:      "the signed privacy declaration",
	MissingTraining:         "a valid data-protection training",
	And:                     " and ",
	Missing:                 "missing",
	TeamActive:              "✅ %s is now activated in the digital team and invited to the team room.",
	TeamActiveMember:        "✅ You're now activated in the digital team! I invited you to the team room. Welcome aboard!",
	TeamAlready:             "You're already activated in the digital team.",
	TeamNone:                "You're not in the digital team (yet). Apply with `!team join`.",
	TeamStatus:              "Your role in the digital team: **%s** (%s).",
	GateDeclaration:         "declaration: %s",
	GateTraining:            "training: %s",
	GateTrainingUntil:       "training valid until %s",
	GateTrainingExpired:     "training expired on %s",
	DeclarationRecorded:     "Privacy declaration of %s recorded (dated %s).",
	TrainingRecorded:        "Training of %s recorded (on %s, valid until %s).",
	DeclarationRevoked:      "Privacy declaration of %s taken back.",
	DeclarationNone:         "No privacy declaration is recorded for %s.",
	IDNoServer:              "A Matrix ID includes the server too, e.g. `%s` – is that the person? In Element you see the whole ID when you tap the person's name.",
	IDMissing:               "I need the person's Matrix ID: it starts with @ and ends with the server, e.g. `@name:%s`. In Element you see it when you tap the person's name.",
	OtherServer:             "%s has an account on the server %s, not on %s. Is this really the person you mean?",
	UnknownID:               "I have never heard of %s. Please check how the Matrix ID is spelled; if it is right, all is well.",
	DeclarationRevokedTeam:  "The team role now waits for a declaration again: I removed them from the team room and put the cases they had claimed back in the queue. A new declaration activates them again.",
	DeclarationRevokedKept:  "The team role now waits for a declaration again: I put the cases they had claimed back in the queue. A new declaration activates them again.",
	DeclarationRevokedMember: "Your privacy declaration is no longer on record. Your team role is therefore on hold, and for now you are no longer part of the team room. " +
		"Once a declaration of yours is recorded again, I'll activate you.",
	RolesIntro:            "**Roles**",
	RolesEmpty:            "No roles granted yet.",
	FromConfig:            "from the configuration",
	InviteReason:          "Activated by Lotse",
	TeamRoomNoRole:        "⚠️ %s joined the team room without an activated team role – and reads the support cases here. Was that intended? If not, please remove %s from the room. To add them to the team: `!role %s team` (with the signed declaration and the training).",
	KickReason:            "Role removed",
	DeclarationKickReason: "Privacy declaration taken back",
	PauseReason:           "Data-protection training expired",
	TrainingSoonMember:    "⏰ Your data-protection training expires on %s. Please sign up for the next training in time so you can stay in the team.",
	TrainingSoonCoord:     "⏰ The data-protection training of %s expires on %s.",
	TrainingExpiredMember: "Your data-protection training has expired. Your team role is paused, and until a new training is recorded you are no longer part of the team room. Once it is recorded, I'll activate you again.",
	TrainingExpiredCoord:  "⏸️ The data-protection training of %s expired on %s; the team role is paused. After a new training, an admin or approver records it with `!training`.",
	ManagerCommands:       "Commands for admins and approvers (roles and activation):",
	KickFailed: "⚠️ %s is still %s: I could not remove them – they probably have at least as much power there as I do. " +
		"They need to be removed by hand (from the member list, via their name); anyone with more power there than them can do it.",
	InTeamRoom:      "in the team room",
	InApprovalsRoom: "in the approvals room",
	RolesMore:       "… %d more entry: `!roles %d`|… %d more entries: `!roles %d`",
	ApprovalsRoomNoRole: "⚠️ %s joined the approvals room without a role that belongs here – and reads the access requests with their e-mail addresses. " +
		"Was that intended? If not, please remove %s from the room. To make them an approver: `!role %s approver` (admins only).",
}

// TextsFor returns the texts of lang (German by default).
func TextsFor(lang string) *Texts { return chat.TextsFor(lang, &German, &English) }

package privacy

import "github.com/lotse-bot/lotse/commands/chat"

// Texts are the texts of the data-rights commands.
// A text with "|" has the forms "one|other" for a count (see chat.Plural).
type Texts struct {
	// Lang is the BCP 47 code.
	Lang string
	// Commands holds usage and description per command name.
	Commands map[string]chat.CommandText

	DMOnly string
	// OverviewTitle heads !datenschutz; each About… line is one kind of
	// data (what and why), shown only when its feature is on, followed by
	// its When… sentence (how long: %s = a period) or NoLimitSentence.
	OverviewTitle, AboutWelcome, AboutCases, AboutAccess, AboutRoundTables, AboutAudit, AboutInbox, AboutAnswers, AboutRoles string
	WhenWelcome, WhenCases, WhenAccess, WhenRoundTables, WhenAudit, WhenInbox, WhenAnswers, NoLimitSentence                  string
	// RoomCases and RoomAccess follow WhenCases and WhenAccess when the
	// retention also redacts Lotse's messages in the team and approvals
	// room (retention_redacts_room_messages; priv29).
	RoomCases, RoomAccess string
	// AboutQuestions and WhenQuestions: questions Lotse could not answer,
	// kept for the team; QuestionsDigest (only when the team gets the
	// weekly digest) says where the team sees them, QuestionsOptOut how
	// to stop it.
	AboutQuestions, QuestionsDigest, QuestionsOptOut, WhenQuestions string
	// NotStored says what Lotse never stores; NotStoredNoCases the same
	// where support cases are off (it names no case, texts28).
	NotStored, NotStoredNoCases string
	// Years, Months, Weeks, Days, Hours are periods ("one|other", %d);
	// About marks a rounded one (%s). NoLimit: no automatic deletion.
	Years, Months, Weeks, Days, Hours, About, NoLimit string
	// YourData introduces the list of what is stored right now. Rights
	// ends !datenschutz: the commands, and whom to ask (%s = the
	// configured fallback contact or the language's default, never a
	// body of one association, left33).
	YourData, NothingStored, Rights string
	// Notice links the association's privacy notice (Config.NoticeURL):
	// %s = the address.
	Notice string
	// Items names each kind of stored data for a member ("one|other", %d),
	// by the table it lives in; OtherItems counts the rest.
	Items      map[string]string
	OtherItems string
	// ExportSummary introduces the plain-words list beside the JSON file.
	ExportNote, ExportSent, ExportSummary, ExportUnencrypted string
	// ExportFile is the export's file name: %s = the day (2026-12-31).
	ExportFile string
	// AnonymousTeam stands for a team member in the export of a member's
	// cases when support answers are anonymous.
	AnonymousTeam string
	// ErasedPerson stands in the export for a person whose data was
	// erased, where the record keeps their pseudonym (storage.Pseudonyms):
	// a hex code means nothing to a member, and the same code in two
	// members' exports would tie them to one person (priv35).
	ErasedPerson string
	// RoundTableActions name, by the role log's action, what someone did
	// to a round table (rt32's stand-in entries, rt33's restore), in the
	// export instead of the stored word („roundtable-move“).
	RoundTableActions map[string]string
	// RoundTableIs, RoundTableOn and RoundTableMoved replace such an
	// entry's stored detail („round table 5: 2026-12-03T18:00:00Z -> …“):
	// %d number; %s the date (RoundTableOn); %[2]s and %[3]s old and new
	// date (RoundTableMoved). RoundTableTime formats a date (Go layout, in
	// the configured zone).
	RoundTableIs, RoundTableOn, RoundTableMoved, RoundTableTime string
	// DeleteConfirm: %s = what is deleted (DeleteWhat of the features
	// that are on, joined with And), %s = the command with the
	// confirmation word. DeleteCommand is the command name. ConfirmWords
	// are the words asked for (one a day and member).
	DeleteConfirm, DeleteCommand string
	// DeleteWhat names the kinds of data DeleteConfirm lists, by feature
	// ("cases", "access", "roundtables"; "welcome" always, "roles" with
	// cases), so that it names nothing that is off.
	DeleteWhat   map[string]string
	And          string
	ConfirmWords []string
	// Deleted introduces the list of what was deleted; DeletedNothing:
	// there was nothing.
	Deleted, DeletedNothing string
	// Kept introduces what stays after an erasure: the log (KeptAudit),
	// notes in other members' cases (KeptCaseNotes, only with support
	// cases on, texts28), message IDs (KeptIDs), the Matrix rooms
	// (KeptMatrix); KeptAgain ends it.
	Kept, KeptAudit, KeptCaseNotes, KeptIDs, KeptMatrix, KeptAgain string
	RetentionIntro                                                 string
	// RetentionItems name what a retention rule deletes, by table, in the
	// words of the admin or managing director who asks (!aufbewahrung):
	// plural forms with %d, never the table's name; "rule/table" where
	// two rules delete from one table. RetentionLine is one
	// line of the report: %s that, %s its period.
	RetentionItems map[string]string
	RetentionLine  string
}

// German are the German texts.
var German = Texts{
	Lang: "de",
	Commands: map[string]chat.CommandText{
		"datenschutz":   {Usage: "!datenschutz", Description: "was Lotse über dich speichert, warum und wie lange"},
		"meine-daten":   {Usage: "!meine-daten", Description: "alle deine Daten bei Lotse als JSON-Datei"},
		"daten-löschen": {Usage: "!daten-löschen", Description: "deine Daten bei Lotse löschen (mit Bestätigung)"},
		"aufbewahrung":  {Usage: "!aufbewahrung", Description: "zeigt, was die Löschfristen jetzt löschen würden (Probelauf)"},
	},
	DMOnly:           "Deine Daten besprechen wir bitte nur im Direktchat mit mir.",
	OverviewTitle:    "**Was Lotse über dich speichert – und warum**",
	AboutWelcome:     "**Begrüßung und erste Schritte:** dass wir uns kennen, unser Direktchat, welche ersten Schritte du abgehakt hast und ob du `!stopp` geschrieben hast – damit du die Begrüßung nur einmal bekommst.",
	WhenWelcome:      "Gelöscht %s nach deiner letzten Nachricht an mich (außer du hast eine Rolle).",
	AboutCases:       "**Supportfälle:** deine Frage und alle Nachrichten des Falls, und wer aus dem Team ihn bearbeitet – damit dir jemand helfen kann.",
	WhenCases:        "Gelöscht %s nach dem Abschluss.",
	RoomCases:        "Dann entferne ich auch meine Nachrichten zu deinem Fall im Teamraum; was das Team selbst dort geschrieben hat, bleibt.",
	AboutAccess:      "**Zugangsanträge** (Nextcloud, BigBlueButton): deine Angaben (E-Mail-Adresse, Name, Grund) und die Entscheidung – damit dein Zugang eingerichtet werden kann.",
	WhenAccess:       "Gelöscht %s nach der Entscheidung.",
	RoomAccess:       "Dann entferne ich auch meine Nachrichten zu deinem Antrag im Genehmigungsraum.",
	AboutRoundTables: "**Runde Tische:** deine Zusagen und welche Erinnerungen du bekommen hast – damit du deinen Link rechtzeitig bekommst.",
	WhenRoundTables:  "Gelöscht %s nach dem letzten Termin.",
	AboutAudit:       "**Protokoll der Entscheidungen und Rollen:** wer was wann genehmigt oder vergeben hat – damit das nachvollziehbar bleibt.",
	WhenAudit:        "Gelöscht %s nach dem Eintrag.",
	AboutInbox:       "**Technisches:** Kennungen deiner Nachrichten, damit ich jede genau einmal beantworte (ohne Inhalt, sobald beantwortet).",
	WhenInbox:        "Gelöscht %s danach.",
	AboutAnswers:     "**Antworten:** welche Anleitung eine Antwort zeigte und dein 👍/👎 dazu – damit die Anleitungen besser werden.",
	WhenAnswers:      "Gelöscht %s danach.",
	AboutQuestions:   "**Fragen, die ich nicht beantworten konnte** (keine passende Anleitung, „Meintest du …?“ ohne Auswahl oder 👎): der Text der Frage (ohne E-Mail-Adressen, Telefonnummern und deinen Namen) und welche Anleitungen am nächsten kamen – damit fehlende Anleitungen geschrieben werden.",
	QuestionsDigest:  "Einmal pro Woche sieht das Team sie ohne deinen Namen im verschlüsselten Teamraum; Fragen im Teamraum selbst hebe ich nie auf.",
	QuestionsOptOut:  "Möchtest du das nicht, schreib `!nicht-merken`; dann lösche ich auch, was ich schon aufgehoben habe.",
	WhenQuestions:    "Gelöscht %s danach.",
	NoLimitSentence:  "Eine feste Löschfrist gibt es dafür nicht.",
	AboutRoles:       "**Rollen** (falls du im Team bist): deine Rolle und die Daten deiner Verpflichtungserklärung und Schulung.",
	NotStored:        "Nie gespeichert: Passwörter, deine anderen Chats und Fragen ohne Supportfall als Verlauf (nur Fragen, die ich nicht beantworten konnte, kurz – wenn oben genannt).",
	NotStoredNoCases: "Nie gespeichert: Passwörter, deine anderen Chats und deine Fragen als Verlauf (nur Fragen, die ich nicht beantworten konnte, kurz – wenn oben genannt).",
	Years:            "%d Jahr|%d Jahre",
	Months:           "%d Monat|%d Monate",
	Weeks:            "%d Woche|%d Wochen",
	Days:             "%d Tag|%d Tage",
	Hours:            "%d Stunde|%d Stunden",
	About:            "etwa %s",
	NoLimit:          "ohne feste Frist",
	YourData:         "**Gerade über dich gespeichert:**",
	NothingStored:    "Gerade ist nichts über dich gespeichert.",
	Notice:           "Alles Weitere steht in der Datenschutzerklärung: %s",
	Rights:           "Eine Kopie bekommst du mit `!meine-daten`, löschen kannst du alles mit `!daten-löschen`. Fragen zum Datenschutz? %s",
	Items: map[string]string{
		"member_state":                       "%d Eintrag zu Begrüßung und Direktchat|%d Einträge zu Begrüßung und Direktchat",
		"direct_chat":                        "%d Direktchat, den wir vereinbart haben|%d Direktchats, die wir vereinbart haben",
		"chat_public_told":                   "%d Vermerk, dass ich dir gesagt habe, dass dein Chat mit mir öffentlich ist|%d Vermerke, dass ich dir gesagt habe, dass dein Chat mit mir öffentlich ist",
		"onboarding_step":                    "%d abgehakter erster Schritt|%d abgehakte erste Schritte",
		"scheduled_notice":                   "%d Hinweis, den ich dir geschickt habe|%d Hinweise, die ich dir geschickt habe",
		"member_role":                        "%d Rolle|%d Rollen",
		"team_gate":                          "%d Eintrag zu Verpflichtungserklärung und Schulung|%d Einträge zu Verpflichtungserklärung und Schulung",
		"role_audit":                         "%d Protokolleintrag zu deinen Rollen oder deinen Runden Tischen|%d Protokolleinträge zu deinen Rollen oder deinen Runden Tischen",
		"role_audit_by_you_for_others":       "%d Eintrag im Rollenprotokoll zu etwas, das du für eine andere Person eingetragen oder an ihrem Runden Tisch geändert hast (ohne deren Namen)|%d Einträge im Rollenprotokoll zu etwas, das du für andere eingetragen oder an ihren Runden Tischen geändert hast (ohne deren Namen)",
		"support_case":                       "%d Supportfall|%d Supportfälle",
		"case_message":                       "%d Nachricht in deinen Supportfällen|%d Nachrichten in deinen Supportfällen",
		"case_event":                         "%d Schritt in deinen Supportfällen (z. B. übernommen, erledigt)|%d Schritte in deinen Supportfällen (z. B. übernommen, erledigt)",
		"case_edit":                          "%d Änderung, mit der du eine Nachricht in deinen Supportfällen bearbeitet hast|%d Änderungen, mit denen du Nachrichten in deinen Supportfällen bearbeitet hast",
		"case_assigned_to_you":               "%d Supportfall, den du im Team bearbeitest|%d Supportfälle, die du im Team bearbeitest",
		"case_messages_you_wrote_for_others": "%d Nachricht, die du im Team in einem Fall geschrieben hast|%d Nachrichten, die du im Team in Fällen geschrieben hast",
		"case_events_by_you_for_others":      "%d Schritt, den du im Team in einem Fall gemacht hast|%d Schritte, die du im Team in Fällen gemacht hast",
		"case_draft":                         "%d angefangener Supportfall|%d angefangene Supportfälle",
		"case_opening":                       "%d Vermerk, dass du in den letzten 24 Stunden einen Supportfall geöffnet hast (nur für die Obergrenze pro Tag)|%d Vermerke, dass du in den letzten 24 Stunden Supportfälle geöffnet hast (nur für die Obergrenze pro Tag)",
		"access_request":                     "%d Zugangsantrag|%d Zugangsanträge",
		"access_approval":                    "%d Entscheidung über einen Antrag|%d Entscheidungen über Anträge",
		"access_approval_event":              "%d Reaktion oder Nachricht, mit der du einen Antrag genehmigt hast|%d Reaktionen oder Nachrichten, mit denen du Anträge genehmigt hast",
		"access_draft":                       "%d angefangener Zugangsantrag|%d angefangene Zugangsanträge",
		"access_audit":                       "%d Protokolleintrag zu Anträgen|%d Protokolleinträge zu Anträgen",
		"pending_choice":                     "%d offene Rückfrage („Meintest du …?“)|%d offene Rückfragen („Meintest du …?“)",
		"answer_vote":                        "%d Bewertung einer Antwort (👍/👎)|%d Bewertungen von Antworten (👍/👎)",
		"answer":                             "%d Antwort mit einer Anleitung|%d Antworten mit Anleitungen",
		"inbox":                              "%d Kennung einer deiner Nachrichten|%d Kennungen deiner Nachrichten",
		"sent_event":                         "%d Kennung einer meiner Nachrichten an dich|%d Kennungen meiner Nachrichten an dich",
		"roundtable_rsvp":                    "%d Zusage zu einem Runden Tisch|%d Zusagen zu Runden Tischen",
		"roundtable_coordinated":             "%d Runder Tisch, den du koordinierst|%d Runde Tische, die du koordinierst",
		"roundtable_reminders_sent":          "%d Erinnerung an einen Runden Tisch|%d Erinnerungen an Runde Tische",
		"roundtable_seen":                    "%d Teilnahme an der Videokonferenz eines Runden Tischs|%d Teilnahmen an Videokonferenzen Runder Tische",
		"roundtable":                         "%d Runder Tisch, den du koordiniert hast (jetzt mit Pseudonym)|%d Runde Tische, die du koordiniert hast (jetzt mit Pseudonym)",
		"direct_room":                        "%d Direktchat mit mir|%d Direktchats mit mir",
		"failed_question":                    "%d Frage, die ich nicht beantworten konnte (für das Team, ohne Namen)|%d Fragen, die ich nicht beantworten konnte (für das Team, ohne Namen)",
		"question_optout":                    "%d Eintrag: solche Fragen nicht aufheben (`!nicht-merken`)|%d Einträge: solche Fragen nicht aufheben (`!nicht-merken`)",
		"learned_question_from_your_cases":   "%d Frage aus deinen Supportfällen, die ich als Beispielfrage gelernt habe|%d Fragen aus deinen Supportfällen, die ich als Beispielfragen gelernt habe",
		"learned_question_taught_by_you":     "%d Beispielfrage, die du mir im Team beigebracht hast|%d Beispielfragen, die du mir im Team beigebracht hast",
		"case_question_event":                "%d Verweis auf deine Nachricht, aus der die Frage eines Falls stammt|%d Verweise auf deine Nachrichten, aus denen die Frage eines Falls stammt",
		"question_copy":                      "%d Nachricht von mir im Team, die deine Frage zeigt (Lernvorschlag, Anleitungsentwurf)|%d Nachrichten von mir im Team, die deine Frage zeigen (Lernvorschläge, Anleitungsentwürfe)",
	},
	OtherItems:    "%d weiterer Eintrag|%d weitere Einträge",
	ExportSummary: "**In Worten:**",
	AnonymousTeam: "Digitalisierungsteam",
	ErasedPerson:  "eine Person, deren Daten gelöscht sind",
	RoundTableActions: map[string]string{
		"roundtable-move":     "Runden Tisch verschoben",
		"roundtable-cancel":   "Runden Tisch abgesagt",
		"roundtable-followup": "Nachbereitung an die Zugesagten eines Runden Tischs geschickt",
		"roundtable-restore":  "Absage eines Runden Tischs zurückgenommen",
	},
	RoundTableIs:      "Runder Tisch #%d",
	RoundTableOn:      "Runder Tisch #%d am %s",
	RoundTableMoved:   "Runder Tisch #%[1]d, vom %[2]s auf den %[3]s",
	RoundTableTime:    "2.1.2006, 15:04 Uhr",
	ExportFile:        "lotse-meine-daten-%s.json",
	ExportNote:        "Alle Daten, die Lotse über dich gespeichert hat, nach Art geordnet. Die Arten haben technische Namen (z. B. „support_case“ für deine Supportfälle); in Worten stehen sie in der Nachricht zu dieser Datei. Zeitangaben in den Einträgen sind Zahlen: die Millisekunden seit dem 1. Januar 1970 (UTC) – so zählen Computer die Zeit. Bei Fällen anderer Mitglieder, an denen du im Team gearbeitet hast, steht nur, was du getan hast – nicht deren Inhalt. Bei Rollen anderer Personen, die du vergeben oder entzogen oder für die du Nachweise eingetragen hast, und bei Runden Tischen anderer, die du verschoben, abgesagt oder nachbereitet hast, steht nur, was du getan hast und wann – nicht, für wen. Lotses eigene Verwaltungskennungen (etwa die der Protokolleinträge und der gesendeten Nachrichten) stehen nicht darin; sie sagen nichts über dich. Wo eine Person ihre Daten hat löschen lassen, steht statt ihres Namens „eine Person, deren Daten gelöscht sind“.",
	ExportSent:        "📦 Hier ist alles, was ich über dich gespeichert habe, als JSON-Datei.",
	ExportUnencrypted: "Hinweis: Dieser Chat ist nicht Ende-zu-Ende-verschlüsselt. Für die nächste Auskunft öffne lieber einen verschlüsselten Direktchat mit mir.",
	DeleteConfirm:     "⚠️ Damit lösche ich alles, was ich über dich gespeichert habe, darunter %s. Das lässt sich nicht rückgängig machen.\n\nWenn du sicher bist, schreib heute: `%s`",
	DeleteWhat: map[string]string{
		"cases":       "deine Supportfälle (offene enden damit)",
		"access":      "deine Zugangsanträge (offene enden damit)",
		"roundtables": "deine Zusagen zu Runden Tischen",
		"welcome":     "Begrüßung mit Checkliste",
		"roles":       "deine Rollen im Team",
	},
	And:           " und ",
	DeleteCommand: "!daten-löschen",
	ConfirmWords: []string{"Leuchtturm", "Sonnenblume", "Bergsee", "Kompass", "Regenbogen", "Apfelbaum", "Wanderweg", "Segelboot",
		"Pusteblume", "Heuballen", "Kieselstein", "Rotkehlchen", "Regenschirm", "Gartenzaun", "Himbeere", "Laterne",
		"Schneeflocke", "Waldweg", "Fernglas", "Ruderboot", "Zugvogel", "Birnbaum", "Mondschein", "Strandkorb"},
	Deleted:        "🗑️ Erledigt. Gelöscht oder pseudonymisiert:",
	DeletedNothing: "🗑️ Erledigt – es war nichts über dich gespeichert.",
	Kept:           "**Was bleibt, und warum:**",
	KeptAudit:      "Im **Protokoll der Genehmigungen und Rollen** steht statt deiner Matrix-ID ein Pseudonym; E-Mail und Gründe sind entfernt. Es bleibt, damit nachvollziehbar ist, wer wann Zugang bekam, und wird nach der Protokollfrist gelöscht.",
	KeptCaseNotes:  "Notizen, die du im Team in Fällen **anderer** Mitglieder geschrieben hast, gehören zu deren Fall; dein Name ist dort durch das Pseudonym ersetzt.",
	KeptIDs:        "Kennungen meiner Nachrichten an dich und deiner schon beantworteten Nachrichten (ohne Inhalt und ohne deine Matrix-ID) bleiben bis zu einer Woche, damit nichts doppelt geschickt oder noch einmal beantwortet wird.",
	KeptMatrix:     "Nachrichten in Matrix-Räumen selbst (auch dieser Chat) liegen auf dem Matrix-Server, nicht bei Lotse – dafür gelten dessen Regeln.",
	KeptAgain:      "Schreibst du mir wieder, bist du für mich neu (auch die Begrüßung kommt dann noch einmal).",
	RetentionIntro: "**Probelauf der Löschfristen** – so viele Einträge würden jetzt gelöscht:",
	RetentionItems: map[string]string{
		"inbox":                            "%d Kennung einer empfangenen Nachricht|%d Kennungen empfangener Nachrichten",
		"sent_event":                       "%d Kennung einer gesendeten Nachricht|%d Kennungen gesendeter Nachrichten",
		"answer":                           "%d Antwort mit einer Anleitung (samt Bewertungen)|%d Antworten mit Anleitungen (samt Bewertungen)",
		"pending_choice":                   "%d offene Rückfrage („Meintest du …?“)|%d offene Rückfragen („Meintest du …?“)",
		"case_draft":                       "%d angefangener Supportfall|%d angefangene Supportfälle",
		"support_case":                     "%d abgeschlossener Supportfall|%d abgeschlossene Supportfälle",
		"team_room":                        "%d Nachricht von mir im Teamraum zu abgeschlossenen Supportfällen (entferne ich aus dem Verlauf)|%d Nachrichten von mir im Teamraum zu abgeschlossenen Supportfällen (entferne ich aus dem Verlauf)",
		"approvals_room":                   "%d Nachricht von mir im Genehmigungsraum zu abgeschlossenen Zugangsanträgen (entferne ich aus dem Verlauf)|%d Nachrichten von mir im Genehmigungsraum zu abgeschlossenen Zugangsanträgen (entferne ich aus dem Verlauf)",
		"case_opening":                     "%d Vermerk, dass jemand einen Supportfall geöffnet hat (nur für die Obergrenze pro Tag)|%d Vermerke, dass jemand Supportfälle geöffnet hat (nur für die Obergrenze pro Tag)",
		"case_reminder":                    "%d Erinnerung ans Team zu einem Fall|%d Erinnerungen ans Team zu Fällen",
		"access_request":                   "%d abgeschlossener Zugangsantrag (samt Entscheidungen)|%d abgeschlossene Zugangsanträge (samt Entscheidungen)",
		"access_draft":                     "%d angefangener Zugangsantrag|%d angefangene Zugangsanträge",
		"access_listing":                   "%d Antwort von mir auf `!protokoll` im Genehmigungsraum, älter als einen Tag (entferne ich aus dem Verlauf)|%d Antworten von mir auf `!protokoll` im Genehmigungsraum, älter als einen Tag (entferne ich aus dem Verlauf)",
		"access_audit":                     "%d Protokolleintrag zu Anträgen|%d Protokolleinträge zu Anträgen",
		"role_audit":                       "%d Protokolleintrag zu Rollen|%d Protokolleinträge zu Rollen",
		"member_state":                     "%d Mitglied, das lange nicht geschrieben hat (Begrüßung, erste Schritte)|%d Mitglieder, die lange nicht geschrieben haben (Begrüßung, erste Schritte)",
		"team_gate":                        "%d Eintrag zu Verpflichtungserklärung und Schulung ohne Team-Rolle|%d Einträge zu Verpflichtungserklärung und Schulung ohne Team-Rolle",
		"scheduled_notice":                 "%d gesendeter Hinweis an ein Mitglied|%d gesendete Hinweise an Mitglieder",
		"roundtable":                       "%d vergangener Runder Tisch (samt Zusagen)|%d vergangene Runde Tische (samt Zusagen)",
		"roundtable_seen":                  "%d Teilnahme an der Videokonferenz eines Runden Tischs|%d Teilnahmen an Videokonferenzen Runder Tische",
		"roundtable_sent":                  "%d Erinnerung an einen Runden Tisch|%d Erinnerungen an Runde Tische",
		"direct_room":                      "%d Direktchat eines Mitglieds, das nicht mehr geführt wird|%d Direktchats von Mitgliedern, die nicht mehr geführt werden",
		"direct_chat":                      "%d vereinbarter Direktchat eines Mitglieds, das nicht mehr geführt wird|%d vereinbarte Direktchats von Mitgliedern, die nicht mehr geführt werden",
		"chat_public_told":                 "%d Vermerk, dass ein Mitglied, das nicht mehr geführt wird, erfahren hat, dass sein Chat mit mir öffentlich ist|%d Vermerke, dass Mitglieder, die nicht mehr geführt werden, erfahren haben, dass ihr Chat mit mir öffentlich ist",
		"failed_questions/failed_question": "%d unbeantwortete Frage für den Wochenüberblick des Teams|%d unbeantwortete Fragen für den Wochenüberblick des Teams",
		"choices/failed_question":          "%d beantwortete Frage, die auf ein 👎 wartet|%d beantwortete Fragen, die auf ein 👎 warten",
		"learned_question":                 "%d gelernte Frage: von wem sie stammt (Mitglied, Chat, Nachricht; die Frage bleibt)|%d gelernte Fragen: von wem sie stammen (Mitglied, Chat, Nachricht; die Fragen bleiben)",
	},
	RetentionLine: "%s (Frist: %s)",
}

// English are the English texts.
var English = Texts{
	Lang: "en",
	Commands: map[string]chat.CommandText{
		"datenschutz":   {Usage: "!privacy", Description: "what Lotse stores about you, why and for how long"},
		"meine-daten":   {Usage: "!my-data", Description: "all your data at Lotse as a JSON file"},
		"daten-löschen": {Usage: "!delete-my-data", Description: "delete your data at Lotse (with confirmation)"},
		"aufbewahrung":  {Usage: "!retention", Description: "shows what the retention jobs would delete now (dry run)"},
	},
	DMOnly:           "Let's talk about your data only in a direct chat with me, please.",
	OverviewTitle:    "**What Lotse stores about you – and why**",
	AboutWelcome:     "**Welcome and first steps:** that we know each other, our direct chat, which first steps you ticked and whether you wrote `!stop` – so you get the welcome only once.",
	WhenWelcome:      "Deleted %s after your last message to me (unless you hold a role).",
	AboutCases:       "**Support cases:** your question and all messages of the case, and who on the team works on it – so someone can help you.",
	WhenCases:        "Deleted %s after it is closed.",
	RoomCases:        "I then also remove my messages about your case in the team room; what the team wrote there itself stays.",
	AboutAccess:      "**Access requests** (Nextcloud, BigBlueButton): your details (e-mail address, name, reason) and the decision – so your access can be set up.",
	WhenAccess:       "Deleted %s after the decision.",
	RoomAccess:       "I then also remove my messages about your request in the approvals room.",
	AboutRoundTables: "**Round tables:** your RSVPs and which reminders you got – so you get your link in time.",
	WhenRoundTables:  "Deleted %s after the last date.",
	AboutAudit:       "**Log of decisions and roles:** who approved or granted what and when – so it stays traceable.",
	WhenAudit:        "Deleted %s after the entry.",
	AboutInbox:       "**Technical:** IDs of your messages so I answer each exactly once (without content once answered).",
	WhenInbox:        "Deleted %s later.",
	AboutAnswers:     "**Answers:** which guide an answer showed and your 👍/👎 on it – so the guides get better.",
	WhenAnswers:      "Deleted %s later.",
	AboutQuestions:   "**Questions I couldn't answer** (no fitting guide, “Did you mean …?” without a pick, or 👎): the text of the question (without e-mail addresses, phone numbers and your name) and which guides came closest – so missing guides get written.",
	QuestionsDigest:  "Once a week the team sees them without your name in the encrypted team room; questions in the team room itself are never kept.",
	QuestionsOptOut:  "If you don't want this, write `!dont-keep`; I'll then also delete what I already kept.",
	WhenQuestions:    "Deleted %s later.",
	NoLimitSentence:  "There is no fixed deletion period for it.",
	AboutRoles:       "**Roles** (if you're on the team): your role and the dates of your privacy declaration and training.",
	NotStored:        "Never stored: passwords, your other chats, and questions without a support case as a history (only questions I couldn't answer, briefly – if listed above).",
	NotStoredNoCases: "Never stored: passwords, your other chats, and your questions as a history (only questions I couldn't answer, briefly – if listed above).",
	Years:            "%d year|%d years",
	Months:           "%d month|%d months",
	Weeks:            "%d week|%d weeks",
	Days:             "%d day|%d days",
	Hours:            "%d hour|%d hours",
	About:            "about %s",
	NoLimit:          "without a fixed period",
	YourData:         "**Stored about you right now:**",
	NothingStored:    "Nothing is stored about you right now.",
	Notice:           "More in the privacy notice: %s",
	Rights:           "Get a copy with `!my-data`, delete everything with `!delete-my-data`. Questions about data protection? %s",
	Items: map[string]string{
		"member_state":                       "%d entry about the welcome and our direct chat|%d entries about the welcome and our direct chat",
		"direct_chat":                        "%d direct chat we agreed on|%d direct chats we agreed on",
		"chat_public_told":                   "%d note that I told you your chat with me is public|%d notes that I told you your chat with me is public",
		"onboarding_step":                    "%d ticked first step|%d ticked first steps",
		"scheduled_notice":                   "%d note I sent you|%d notes I sent you",
		"member_role":                        "%d role|%d roles",
		"team_gate":                          "%d entry about your privacy declaration and training|%d entries about your privacy declaration and training",
		"role_audit":                         "%d log entry about your roles or round tables|%d log entries about your roles or round tables",
		"role_audit_by_you_for_others":       "%d role log entry about something you recorded for another person or changed in their round table (without their name)|%d role log entries about things you recorded for others or changed in their round tables (without their names)",
		"support_case":                       "%d support case|%d support cases",
		"case_message":                       "%d message in your support cases|%d messages in your support cases",
		"case_event":                         "%d step in your support cases (e.g. claimed, resolved)|%d steps in your support cases (e.g. claimed, resolved)",
		"case_edit":                          "%d edit you made to a message in your support cases|%d edits you made to messages in your support cases",
		"case_assigned_to_you":               "%d support case you work on for the team|%d support cases you work on for the team",
		"case_messages_you_wrote_for_others": "%d message you wrote in a case for the team|%d messages you wrote in cases for the team",
		"case_events_by_you_for_others":      "%d step you took in a case for the team|%d steps you took in cases for the team",
		"case_draft":                         "%d unfinished support case|%d unfinished support cases",
		"case_opening":                       "%d note that you opened a support case in the last 24 hours (only for the daily limit)|%d notes that you opened support cases in the last 24 hours (only for the daily limit)",
		"access_request":                     "%d access request|%d access requests",
		"access_approval":                    "%d decision on a request|%d decisions on requests",
		"access_approval_event":              "%d reaction or message with which you approved a request|%d reactions or messages with which you approved requests",
		"access_draft":                       "%d unfinished access request|%d unfinished access requests",
		"access_audit":                       "%d log entry about requests|%d log entries about requests",
		"pending_choice":                     "%d open question back to you (“Did you mean …?”)|%d open questions back to you (“Did you mean …?”)",
		"answer_vote":                        "%d rating of an answer (👍/👎)|%d ratings of answers (👍/👎)",
		"answer":                             "%d answer with a guide|%d answers with guides",
		"inbox":                              "%d ID of one of your messages|%d IDs of your messages",
		"sent_event":                         "%d ID of one of my messages to you|%d IDs of my messages to you",
		"roundtable_rsvp":                    "%d RSVP to a round table|%d RSVPs to round tables",
		"roundtable_coordinated":             "%d round table you coordinate|%d round tables you coordinate",
		"roundtable_reminders_sent":          "%d round-table reminder|%d round-table reminders",
		"roundtable_seen":                    "%d time in a round table's video conference|%d times in round tables' video conferences",
		"roundtable":                         "%d round table you coordinated (now under a pseudonym)|%d round tables you coordinated (now under a pseudonym)",
		"direct_room":                        "%d direct chat with me|%d direct chats with me",
		"failed_question":                    "%d question I couldn't answer (for the team, without your name)|%d questions I couldn't answer (for the team, without your name)",
		"question_optout":                    "%d entry: don't keep such questions (`!dont-keep`)|%d entries: don't keep such questions (`!dont-keep`)",
		"learned_question_from_your_cases":   "%d question from your support cases that I learned as an example question|%d questions from your support cases that I learned as example questions",
		"learned_question_taught_by_you":     "%d example question you taught me for the team|%d example questions you taught me for the team",
		"case_question_event":                "%d reference to your message a case's question came from|%d references to your messages a case's question came from",
		"question_copy":                      "%d message of mine in the team room that shows your question (learning prompt, guide draft)|%d messages of mine in the team room that show your question (learning prompts, guide drafts)",
	},
	OtherItems:    "%d further entry|%d further entries",
	ExportSummary: "**In words:**",
	AnonymousTeam: "digital team",
	ErasedPerson:  "a person whose data was deleted",
	RoundTableActions: map[string]string{
		"roundtable-move":     "moved a round table",
		"roundtable-cancel":   "cancelled a round table",
		"roundtable-followup": "sent a follow-up to the attendees of a round table",
		"roundtable-restore":  "took back the cancellation of a round table",
	},
	RoundTableIs:      "round table #%d",
	RoundTableOn:      "round table #%d on %s",
	RoundTableMoved:   "round table #%[1]d, from %[2]s to %[3]s",
	RoundTableTime:    "2 Jan 2006, 15:04",
	ExportFile:        "lotse-my-data-%s.json",
	ExportNote:        "All data Lotse stored about you, grouped by kind. The kinds have technical names (e.g. “support_case” for your support cases); the message with this file lists them in words. Times in the entries are numbers: the milliseconds since 1 January 1970 (UTC) – the way computers count time. For other members' cases you worked on as a team member, only what you did is listed – not their content. For other people's roles you granted or revoked, or whose evidence you recorded, and for others' round tables you moved, cancelled or followed up, only what you did and when is listed – not for whom. Lotse's own bookkeeping codes (such as those of log entries and of the messages it sent) are left out; they say nothing about you. Where a person had their data deleted, it says “a person whose data was deleted” instead of their name.",
	ExportSent:        "📦 Here is everything I stored about you, as a JSON file.",
	ExportUnencrypted: "Note: this chat is not end-to-end encrypted. For your next request, better open an encrypted direct chat with me.",
	DeleteConfirm:     "⚠️ This deletes everything I stored about you, including %s. It cannot be undone.\n\nIf you're sure, write today: `%s`",
	DeleteWhat: map[string]string{
		"cases":       "your support cases (open ones end with it)",
		"access":      "your access requests (open ones end with it)",
		"roundtables": "your RSVPs to round tables",
		"welcome":     "welcome with checklist",
		"roles":       "your roles on the team",
	},
	And:           " and ",
	DeleteCommand: "!delete-my-data",
	ConfirmWords: []string{"lighthouse", "sunflower", "mountainlake", "compass", "rainbow", "appletree", "hikingtrail", "sailboat",
		"dandelion", "haybale", "pebble", "robin", "umbrella", "gardenfence", "raspberry", "lantern",
		"snowflake", "forestpath", "binoculars", "rowingboat", "songbird", "peartree", "moonlight", "beachchair"},
	Deleted:        "🗑️ Done. Deleted or pseudonymised:",
	DeletedNothing: "🗑️ Done – nothing was stored about you.",
	Kept:           "**What stays, and why:**",
	KeptAudit:      "In the **log of approvals and roles**, a pseudonym replaces your Matrix ID; e-mail and reasons are removed. It stays so it's traceable who got access when, and is deleted after the log's retention period.",
	KeptCaseNotes:  "Notes you wrote as a team member in **other** members' cases belong to their case; your name there is replaced by the pseudonym.",
	KeptIDs:        "IDs of my messages to you and of your messages I already answered (no content, no Matrix ID) stay up to a week so nothing is sent or answered twice.",
	KeptMatrix:     "Messages in Matrix rooms themselves (this chat too) are on the Matrix server, not at Lotse – its rules apply.",
	KeptAgain:      "If you write to me again, you're new to me (you'll get the welcome once more).",
	RetentionIntro: "**Retention dry run** – this many entries would be deleted now:",
	RetentionItems: map[string]string{
		"inbox":                            "%d ID of a received message|%d IDs of received messages",
		"sent_event":                       "%d ID of a sent message|%d IDs of sent messages",
		"answer":                           "%d answer with a guide (with its ratings)|%d answers with guides (with their ratings)",
		"pending_choice":                   "%d open question back (“Did you mean …?”)|%d open questions back (“Did you mean …?”)",
		"case_draft":                       "%d unfinished support case|%d unfinished support cases",
		"support_case":                     "%d closed support case|%d closed support cases",
		"team_room":                        "%d message of mine in the team room about closed support cases (I remove it from the history)|%d messages of mine in the team room about closed support cases (I remove them from the history)",
		"approvals_room":                   "%d message of mine in the approvals room about finished access requests (I remove it from the history)|%d messages of mine in the approvals room about finished access requests (I remove them from the history)",
		"case_opening":                     "%d note that someone opened a support case (only for the daily limit)|%d notes that someone opened support cases (only for the daily limit)",
		"case_reminder":                    "%d reminder to the team about a case|%d reminders to the team about cases",
		"access_request":                   "%d finished access request (with its decisions)|%d finished access requests (with their decisions)",
		"access_draft":                     "%d unfinished access request|%d unfinished access requests",
		"access_listing":                   "%d answer of mine to `!audit` in the approvals room, older than a day (I remove it from the history)|%d answers of mine to `!audit` in the approvals room, older than a day (I remove them from the history)",
		"access_audit":                     "%d log entry about requests|%d log entries about requests",
		"role_audit":                       "%d log entry about roles|%d log entries about roles",
		"member_state":                     "%d member who has not written for a long time (welcome, first steps)|%d members who have not written for a long time (welcome, first steps)",
		"team_gate":                        "%d entry on a privacy declaration and training without a team role|%d entries on privacy declarations and training without a team role",
		"scheduled_notice":                 "%d notice sent to a member|%d notices sent to members",
		"roundtable":                       "%d past round table (with its RSVPs)|%d past round tables (with their RSVPs)",
		"roundtable_seen":                  "%d attendance of a round table's video meeting|%d attendances of round tables' video meetings",
		"roundtable_sent":                  "%d reminder of a round table|%d reminders of round tables",
		"direct_room":                      "%d direct chat of a member no longer kept|%d direct chats of members no longer kept",
		"direct_chat":                      "%d agreed direct chat of a member no longer kept|%d agreed direct chats of members no longer kept",
		"chat_public_told":                 "%d note that a member no longer kept was told their chat with me is public|%d notes that members no longer kept were told their chat with me is public",
		"failed_questions/failed_question": "%d unanswered question for the team's weekly overview|%d unanswered questions for the team's weekly overview",
		"choices/failed_question":          "%d answered question waiting for a 👎|%d answered questions waiting for a 👎",
		"learned_question":                 "%d learned question: whose words it is (member, chat, message; the question stays)|%d learned questions: whose words they are (member, chat, message; the questions stay)",
	},
	RetentionLine: "%s (period: %s)",
}

// TextsFor returns the texts of lang (German by default).
func TextsFor(lang string) *Texts { return chat.TextsFor(lang, &German, &English) }

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
	// Overview: %s member data, cases, access requests, audit, inbox, answers (retention periods).
	Overview string
	// Days: %d days. NoLimit: no automatic deletion.
	Days, NoLimit string
	// YourTables: %s = list of tables with counts.
	YourTables, NothingStored, Rights         string
	ExportNote, ExportSent, ExportUnencrypted string
	// DeleteConfirm: %s = the command with the token. DeleteCommand is the command name.
	DeleteConfirm, DeleteCommand string
	// Deleted: %s = tables with counts.
	Deleted, Kept  string
	RetentionIntro string
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
	DMOnly: "Deine Daten besprechen wir bitte nur im Direktchat mit mir.",
	Overview: "**Was Lotse über dich speichert**\n\n" +
		"- **Begrüßung und erste Schritte:** deine Matrix-ID, dein Direktchat, ob du begrüßt wurdest, `!stopp`, abgehakte Schritte – damit du die Begrüßung nur einmal bekommst. Gelöscht %s nach deiner letzten Nachricht (außer du hast eine Rolle).\n" +
		"- **Supportfälle:** deine Frage und alle Nachrichten des Falls, wer ihn bearbeitet – damit das Team dir helfen kann. Gelöscht %s nach dem Abschluss.\n" +
		"- **Anträge** (Nextcloud, BBB): deine Angaben (E-Mail, Name, Grund) und die Entscheidung. Gelöscht %s nach der Entscheidung.\n" +
		"- **Protokoll der Entscheidungen und Rollen:** wer was wann genehmigt hat – für die Nachvollziehbarkeit. Gelöscht nach %s.\n" +
		"- **Technisches:** Kennungen deiner Nachrichten, damit jede genau einmal beantwortet wird (ohne Inhalt, sobald beantwortet) – %s; welche Anleitung eine Antwort zeigte, und dein 👍/👎 dazu – %s.\n" +
		"- **Rollen** (falls du im Team bist): Rolle, Datum deiner Verpflichtungserklärung und Schulung.\n\n" +
		"Nicht gespeichert: Passwörter, deine anderen Chats, Fragen ohne Supportfall als Verlauf.",
	Days:              "%d Tag|%d Tage",
	NoLimit:           "ohne feste Frist",
	YourTables:        "Gerade gespeichert über dich: %s.",
	NothingStored:     "Gerade ist nichts über dich gespeichert.",
	Rights:            "Eine Kopie bekommst du mit `!meine-daten`, löschen kannst du alles mit `!daten-löschen`. Fragen an die oder den Datenschutzbeauftragten des Landesverbands beantwortet die Geschäftsstelle.",
	ExportNote:        "Alle Daten, die Lotse über dich gespeichert hat, je Tabelle. Zeiten sind Millisekunden seit 1970 (UTC). Bei Fällen anderer Mitglieder, an denen du im Team gearbeitet hast, steht nur, was du getan hast – nicht deren Inhalt.",
	ExportSent:        "📦 Hier ist alles, was ich über dich gespeichert habe, als JSON-Datei.",
	ExportUnencrypted: "Hinweis: Dieser Chat ist nicht Ende-zu-Ende-verschlüsselt. Für die nächste Auskunft öffne lieber einen verschlüsselten Direktchat mit mir.",
	DeleteConfirm: "⚠️ Damit lösche ich alles, was ich über dich gespeichert habe: deine Supportfälle, Anträge, Begrüßung und Checkliste, Rollen. " +
		"Das lässt sich nicht rückgängig machen. Offene Anträge und Fälle enden damit.\n\nWenn du sicher bist, schreib heute: `%s`",
	DeleteCommand: "!daten-löschen",
	Deleted:       "🗑️ Erledigt. Gelöscht oder pseudonymisiert: %s.",
	Kept: "**Was bleibt, und warum:**\n" +
		"- Im **Protokoll der Genehmigungen und Rollen** steht statt deiner Matrix-ID ein Pseudonym; E-Mail und Gründe sind entfernt. Es bleibt, damit nachvollziehbar ist, wer wann Zugang bekam, und wird nach der Protokollfrist gelöscht.\n" +
		"- Notizen, die du im Team in Fällen **anderer** Mitglieder geschrieben hast, gehören zu deren Fall; dein Name ist dort durch das Pseudonym ersetzt.\n" +
		"- Kennungen meiner eigenen Nachrichten an dich (ohne Inhalt) bleiben bis zu einer Woche, damit nichts doppelt geschickt wird.\n" +
		"- Nachrichten in Matrix-Räumen selbst (auch dieser Chat) liegen auf dem Matrix-Server, nicht bei Lotse – dafür gelten dessen Regeln.\n\n" +
		"Schreibst du mir wieder, bist du für mich neu (auch die Begrüßung kommt dann noch einmal).",
	RetentionIntro: "**Probelauf der Löschfristen** – so viele Einträge würden jetzt gelöscht:",
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
	DMOnly: "Let's talk about your data only in a direct chat with me, please.",
	Overview: "**What Lotse stores about you**\n\n" +
		"- **Welcome and first steps:** your Matrix ID, your direct chat, whether you were welcomed, `!stop`, ticked steps – so you get the welcome only once. Deleted %s after your last message (unless you hold a role).\n" +
		"- **Support cases:** your question and all messages of the case, who works on it – so the team can help you. Deleted %s after it is closed.\n" +
		"- **Requests** (Nextcloud, BBB): your details (e-mail, name, reason) and the decision. Deleted %s after the decision.\n" +
		"- **Log of decisions and roles:** who approved what and when – for accountability. Deleted after %s.\n" +
		"- **Technical:** IDs of your messages so each is answered exactly once (without content once answered) – %s; which guide an answer showed and your 👍/👎 on it – %s.\n" +
		"- **Roles** (if you're in the team): role, date of your privacy declaration and training.\n\n" +
		"Not stored: passwords, your other chats, questions without a support case as a history.",
	Days:              "%d day|%d days",
	NoLimit:           "without a fixed period",
	YourTables:        "Stored about you right now: %s.",
	NothingStored:     "Nothing is stored about you right now.",
	Rights:            "Get a copy with `!my-data`, delete everything with `!delete-my-data`. The office answers questions for the association's data-protection officer.",
	ExportNote:        "All data Lotse stored about you, per table. Times are milliseconds since 1970 (UTC). For other members' cases you worked on as a team member, only what you did is listed – not their content.",
	ExportSent:        "📦 Here is everything I stored about you, as a JSON file.",
	ExportUnencrypted: "Note: this chat is not end-to-end encrypted. For your next request, better open an encrypted direct chat with me.",
	DeleteConfirm: "⚠️ This deletes everything I stored about you: your support cases, requests, welcome and checklist, roles. " +
		"It cannot be undone. Open requests and cases end with it.\n\nIf you're sure, write today: `%s`",
	DeleteCommand: "!delete-my-data",
	Deleted:       "🗑️ Done. Deleted or pseudonymised: %s.",
	Kept: "**What stays, and why:**\n" +
		"- In the **log of approvals and roles**, a pseudonym replaces your Matrix ID; e-mail and reasons are removed. It stays so it's traceable who got access when, and is deleted after the log's retention period.\n" +
		"- Notes you wrote as a team member in **other** members' cases belong to their case; your name there is replaced by the pseudonym.\n" +
		"- IDs of my own messages to you (no content) stay up to a week so nothing is sent twice.\n" +
		"- Messages in Matrix rooms themselves (this chat too) are on the Matrix server, not at Lotse – its rules apply.\n\n" +
		"If you write to me again, you're new to me (you'll get the welcome once more).",
	RetentionIntro: "**Retention dry run** – this many entries would be deleted now:",
}

// TextsFor returns the texts of lang (German by default).
func TextsFor(lang string) *Texts { return chat.TextsFor(lang, &German, &English) }

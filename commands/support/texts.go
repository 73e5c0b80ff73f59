package support

import "github.com/lotse-bot/lotse/commands/chat"

// Texts are the texts of support cases. Member-side texts are
// Markdown; %s arguments are escaped by the caller. Team-room texts put
// member text in only as escaped plain text.
// A text with "|" has the forms "one|other" for a count (see chat.Plural).
type Texts struct {
	// Lang is the BCP 47 code.
	Lang string
	// Commands holds usage and description per command name.
	Commands map[string]chat.CommandText

	// MessageDeleted stands in the case history for a message its author
	// deleted in the chat.
	MessageDeleted string
	// TeamMessageDeleted stands there for a team member's answer or note
	// that its author deleted in the team room.
	TeamMessageDeleted string
	// TeamRoomUnencrypted is posted into an unencrypted team room.
	TeamRoomUnencrypted string
	// Offer asks whether to open a case: %s = what the team gets of the
	// member's words (OfferQuote or OfferQuoteMore). It names Lotse's
	// suggestions, which the team gets with the case; OfferBare is the
	// same offer when Lotse suggested no guide.
	Offer     string
	OfferBare string
	// OfferQuote quotes the member's question (%s, shortened for a phone);
	// OfferQuoteMore says that everything the member wrote before goes to
	// the team too, quoting only the last of it (%s): the draft holds
	// every question of the conversation, answered ones too, and quoting
	// all of them as „deine Frage“ was long and wrong on a phone.
	OfferQuote, OfferQuoteMore string
	// OfferNoGuide follows "no guide fits" and offers a case.
	OfferNoGuide string
	// OfferHow says how to confirm: Lotse puts the ✅ under the offer
	// itself, so it is tapped (a reaction needs a long press on a phone).
	OfferHow string
	// Cancelled: the member declined the offer.
	Cancelled string
	// OfferAskAgain asks the pending offer's question again, briefly,
	// after an answer that is neither yes nor no ("kein Problem", "no
	// worries").
	OfferAskAgain string
	// OfferLapsed answers a ✅ on the prompt of an offer that is no
	// longer open, and says how to reach the team now.
	OfferLapsed string
	// OfferLapsedCase is OfferLapsed while the member has a case open
	// (%d = its number): their case is where to write, not a request for
	// a person.
	OfferLapsedCase string
	// OfferLapsedDeclined answers a ❌ on the prompt of an offer that is
	// no longer open while none is pending: nothing was sent.
	OfferLapsedDeclined string
	// OfferSuperseded answers a ✅ on the prompt of an offer that is no
	// longer open while a newer one is pending, and says how to accept
	// the newer one.
	OfferSuperseded string
	// TicketUsage explains !ticket without text.
	TicketUsage string
	// TicketDMOnly answers !ticket outside the direct chat (a group room,
	// the team room): cases are opened only there.
	TicketDMOnly string
	// Opened: %d = case number. Says what happens next. OpenedNobody is
	// Opened when nobody is on the team yet: %d = case number, %s = the
	// fallback contact.
	Opened, OpenedNobody string
	// Added is a quiet confirmation that a message reached the open case: %d.
	Added string
	// Reopened: %d = case number, reopened by the member's message.
	Reopened string
	// TeamAnswer heads an answer from the team: %s = team member's name
	// (escaped). TeamAnswerAnonymous heads it when answers are anonymous.
	TeamAnswer, TeamAnswerAnonymous string
	// AnswerFooter follows a team answer: %d = case number.
	AnswerFooter string
	// ResolvedMember tells the member the case is resolved: %d = number.
	ResolvedMember string
	// Solution introduces the solution text.
	Solution string
	// RateAsk asks for 👍/👎 (Lotse puts none there: how to react on a
	// phone) and explains how to reopen.
	RateAsk string
	// RateThanks thanks for a rating.
	RateThanks string
	// MineEmpty: the member has no cases.
	MineEmpty string
	// MineIntro introduces !meine.
	MineIntro string
	// CloseUsage explains !schließen.
	CloseUsage string
	// ClosedMember: %d = number, closed by the member.
	ClosedMember string
	// SharedChatMember (the member's chat that is no longer theirs
	// alone): %d = case; the team's answers do not come here now.
	SharedChatMember string
	// EditedAfterAnswer (case thread, in reply to the relay): %d = case;
	// the member edited a message after the team answered.
	EditedAfterAnswer string
	// PrefixEmpty (team room): %s = the reply prefix (escaped); a message
	// of the prefix alone, with no answer after it: nothing was sent.
	PrefixEmpty string
	// ClosedByTeamMember: %d = number; the team closed the member's case
	// (`!schließen` in the team room): who closed it, and that writing
	// again can open a new case (a closed case does not reopen).
	ClosedByTeamMember string
	// NotYours: %s = the number as typed (escaped); the case does not exist or is someone else's.
	NotYours string
	// AlreadyClosed: %d.
	AlreadyClosed string
	// CaseReturned: %d case (team room thread): its assignee left the team.
	CaseReturned string
	// NotEnabled: support cases are not set up.
	NotEnabled string
	// GuideFromTeam heads a guide the team sent.
	GuideFromTeam string

	// StatusOpen, StatusClaimed (%s = name), StatusResolved, StatusClosed label the board.
	StatusOpen, StatusClaimed, StatusResolved, StatusClosed string
	// Board is the case message: %s status, %d number, %s summary, %s member, %s opened at.
	Board string
	// BoardGuides lists suggested guides: %s = titles.
	BoardGuides string
	// BoardLang says on the board, for a case in another language than
	// the install's, in which one Lotse writes to the member: %s and %s =
	// that language's name (LangNames), in the install's language.
	BoardLang string
	// LangSwitchedTeam tells the case's thread that the member writes in
	// another language now, and Lotse to them too: %d = case number, %s
	// and %s = the language's name.
	LangSwitchedTeam string
	// LangNames names the languages of cases ("de", "en") in a sentence
	// („auf Englisch“, "in English").
	LangNames map[string]string
	// ThreadQuestion heads the member's question in the thread: %s the
	// member's display name (the name after the colon read as a first
	// line of the question, fresh30).
	ThreadQuestion string
	// ThreadSuggested: %s = suggested guide titles.
	ThreadSuggested string
	// ThreadHow tells the team how to work in the thread.
	ThreadHow string
	// RelayFile says the member sent a file: %s = file name.
	RelayFile string
	// RelayTooLarge (case thread): the member's file was too large to pass on.
	RelayTooLarge string
	// FileTooLarge tells the member their file was too large to pass on.
	FileTooLarge string
	// RelayBudgetTeam (case thread) and RelayBudgetMember: the member's
	// files of the day (relayBudget) are spent; their file was not passed
	// on, their message was.
	RelayBudgetTeam, RelayBudgetMember string
	// AnswerSent confirms in the thread: %s = who.
	AnswerSent string
	// AnswerNotOpen refuses an answer to a case that is not open (the
	// member's reply would not be relayed): %d = case, twice.
	AnswerNotOpen string
	// AnswerWithdrawn confirms in the thread that a deleted answer was
	// taken back from the member: %d = case.
	AnswerWithdrawn string
	// AnswerTakenBack is the reason on the member's copy of a team answer
	// that its author deleted (the member reads it beside the removed
	// message): not the reason of a member's own deletion.
	AnswerTakenBack string
	// ErasedReason is the reason on Lotse's events in the team room that
	// it redacts after a member had their data erased; ErasedTeam tells
	// the case thread (%d = case number) what went and what is the
	// team's to delete.
	ErasedReason, ErasedTeam string
	// ExpiredReason is the reason on Lotse's events in the team room that
	// it redacts after their case was deleted at the end of its retention
	// period (support_retention; priv29). The thread is not told.
	ExpiredReason string
	// EditNoteNotOpen (%d = case): an edit of a note of a case that is
	// not open is not stored. EditNoteStaysNote (%d): an edited note that
	// reads as an answer or a command stays a note. EditNotSolution (%d):
	// an edit of `!erledigt` that is no solution for the case.
	// SolutionDraftKeeps (%d): the guide draft keeps the old solution.
	EditNoteNotOpen, EditNoteStaysNote, EditNotSolution, SolutionDraftKeeps string
	// EditNotOpen (thread) says that a team member's edit of their answer
	// did not reach the member because the case is not open: %d = case.
	// EditNotAnswer says that it did not because the edit is no text
	// answer to that case (a note, another command, another case, a
	// guide): %d = case. Both say how to take the answer back instead.
	EditNotOpen, EditNotAnswer string
	// AnswerCut ends a team answer (or its edit) that was too long for one
	// chat message; the member reads it. AnswerCutTeam tells the thread.
	AnswerCut, AnswerCutTeam string
	// NoteHint is never sent; notes stay silent.
	Claimed string // %s = who, %d = number
	// ClaimedBy: %d = number, %s = assignee. Someone else has it.
	ClaimedBy string
	// Unclaimed: %d.
	Unclaimed string
	// NotAssignee: %d, %s = assignee.
	NotAssignee string
	// Assigned: %d, %s = assignee.
	Assigned string
	// AssignUsage explains !zuweisen.
	AssignUsage string
	// AssignNotTeam: %s = user (escaped).
	AssignNotTeam string
	// ResolvedTeam: %d, %s = who.
	ResolvedTeam string
	// ReopenedTeam: %d, %s = who.
	ReopenedTeam string
	// ClosedTeam: %d; the member closed it.
	ClosedTeam string
	// ClosedByTeam: %d, %s = who; the team closed it with !schließen.
	ClosedByTeam string
	// ClosedByTeamGone: as ClosedByTeam, when the member is in no chat
	// with Lotse any more and got no notice.
	ClosedByTeamGone string
	// RatedTeam: %d, %s = RatedHelped or RatedNotHelped.
	RatedTeam string
	// RatedHelped and RatedNotHelped are a member's 👍 and 👎 on the
	// rating question, with what each means in words: a screen reader
	// reads the emoji alone by its name („Daumen hoch“), a client
	// without emoji shows a box (a11y35). In RatedTeam and the
	// history's Rated.
	RatedHelped, RatedNotHelped string
	// ReopenedByMember: %d.
	ReopenedByMember string
	// NotOpen: %d; the case is not open.
	NotOpen string
	// NotResolved: %d; the case is open already.
	NotResolved string
	// CaseUsage: no number given and not in a case thread: %s = command usage.
	CaseUsage string
	// NoSuchCase: %s = the number as typed.
	NoSuchCase string
	// ReplyUsage explains !antwort.
	ReplyUsage string
	// UnknownGuide: %s = guide ID (escaped).
	UnknownGuide string
	// TeamOnlyGuide: %s = title; a guide for the team is not sent to a member.
	TeamOnlyGuide string
	// GuideSent: %s = guide title.
	GuideSent string
	// OpenEmpty: no open cases.
	OpenEmpty string
	// OpenIntro: %d open, %d unclaimed.
	OpenIntro string
	// HistoryIntro: %d.
	HistoryIntro string
	// NotTeam refuses team commands to non-members of the team room.
	NotTeam string
	// TeamRoomOnly asks team members to use the team room.
	TeamRoomOnly string
	// TeamCommands introduces team commands in !hilfe.
	TeamCommands string
	// ReminderUnclaimed: %d number, %s age.
	ReminderUnclaimed string
	// ReminderStale: %s assignee pill, %d number, %s age.
	ReminderStale string
	// DraftFull tells a member that what they wrote for a possible case
	// reached its length limit.
	DraftFull string
	// Digest: %d open, %d unclaimed (plural forms "one|other", see chat.Plural).
	Digest string
	// Age formats: %d minutes, hours, days (German in the dative, as
	// after „seit“ and „in“).
	AgeMinutes, AgeHours, AgeDays string
	// AgeSince (%s = an age) stands alone after a case in a list (!offen,
	// the reminder of many waiting cases): German needs its „seit“ there
	// („– seit 3 Tagen“, not „– 3 Tagen“).
	AgeSince string
	// MineDMOnly answers !meine outside a direct chat: the member's cases
	// are shown only there.
	MineDMOnly string
	// RelayCut (case thread, after the cut message) and RelayCutMember:
	// a member's message was too long for one event; only its beginning
	// reached the team.
	RelayCut, RelayCutMember string
	// HistoryMore ends a page of !fall: %d entries not shown, %d case,
	// %d next page (plural forms "one|other", see chat.Plural).
	HistoryMore string
	// History names a case's changes in !fall (historyEvent), in place of
	// their stored kinds: %s who (a name); the two-name forms (Assigned,
	// Returned, ReopenedFrom) and Solved, Rated add %s whom, the solution
	// or 👍/👎. Changed is for a kind this catalogue does not know. Guide
	// is a guide sent as an answer: %s its title.
	History HistoryTexts

	// team26: a busy evening in the team room.

	// ThreadOtherCase: a command in the thread of case %[1]d names
	// another number %[2]s (as typed); %[3]s is the command as typed.
	ThreadOtherCase string
	// ReminderUnclaimedMany: %d cases (two or more) wait, %s lists them
	// („#3 (5 Std.), #4 (2 Std.)“); ReminderUnclaimedMore: %d more not
	// listed (plural forms); ReminderUnclaimedHow: how to claim one.
	ReminderUnclaimedMany, ReminderUnclaimedMore, ReminderUnclaimedHow string
	// ReminderStaleReturn ends the reminder of an idle case: %s how long
	// until it goes back to the queue. CaseReturnedIdle (case thread): %d
	// case, %s former assignee, %s time without activity.
	ReminderStaleReturn, CaseReturnedIdle string
	// RelayActiveFile (case thread, after a member's file): it holds web
	// content (a page, an SVG, a script) and came as a plain download.
	RelayActiveFile string
	// AnswerFileSent, AnswerFileTooLarge, AnswerFileActive confirm in the
	// thread an answer written as a file's caption (%s = who): with the
	// file, or without it and why. AnswerFileName names a file without a
	// name for the member.
	AnswerFileSent, AnswerFileTooLarge, AnswerFileActive, AnswerFileName string
	// OpenNextPage ends a page of !offen: %d cases not shown yet, %d the
	// next page (plural forms). OpenPageEmpty: %d, a page past the end.
	OpenNextPage, OpenPageEmpty string

	// sup28: support from the member's side.

	// AddedToOpen (%d = case): what the member wrote for a new case
	// (`!ticket …`, or a yes to an offer) went to their open case instead.
	AddedToOpen string
	// SolvedWhileOpen (%d = case): the member wrote that the trouble is
	// gone while their case is open; it was passed on, and this says how
	// to close the case.
	SolvedWhileOpen string
	// TooManyCases: the member opened MaxCasesPerDay cases in 24 hours;
	// %s = the fallback contact.
	TooManyCases string
	// MineOpen, MineClaimed, MineResolved, MineClosed name a case's state
	// in the member's !meine (the board's labels are the team's).
	MineOpen, MineClaimed, MineResolved, MineClosed string
	// WaitingMember tells the member once that their case (%d) waits
	// longer than promised for an answer; %s = the fallback contact.
	WaitingMember string
	// WaitingGoneTeam (case thread, %d = case): WaitingMember did not go
	// out, the member is in no chat with Lotse any more.
	WaitingGoneTeam string

	// sup29: the open case follows its member to a new direct chat.

	// MovedTeam (case thread, %d = case): the member now writes from
	// another direct chat with Lotse, where answers go from now on.
	MovedTeam string
	// MovedMember (%d = case): the member's open case follows them to
	// this chat; what they write here reaches the team, answers come here.
	MovedMember string
	// sup30: the question's own message deleted; the member unreachable.

	// SummaryDeleted stands for a case's summary after the member deleted
	// the message with their question (board, !offen, !meine).
	SummaryDeleted string
	// QuestionDeletedTeam (case thread, %d = case): the member deleted
	// the message with their question; Lotse took it back.
	QuestionDeletedTeam string
	// ReachMovedTeam (case thread, %d = case): the member left the case's
	// chat (or took Lotse's voice there); answers go to their other direct
	// chat with Lotse from now on.
	ReachMovedTeam string
	// Unreachable (reply in the team room, %d = case): the member left the
	// case's chat (or took Lotse's voice there) and has no other direct
	// chat with Lotse; nothing was sent.
	Unreachable string
	// UnreachableResolve (reply in the team room, %d = case, three
	// times): as Unreachable, for `!erledigt`: the case stays open.
	UnreachableResolve string
	// ChatPublic tells a member once, in their own direct chat with Lotse
	// that they made public, why the team's answers come elsewhere or not
	// at all, and how to make it private again (tellExposed).
	ChatPublic string
	// ClaimNoRole (case thread, %d = case): a claim was refused or undone
	// because its author no longer holds the team role (revoked while the
	// claim ran).
	ClaimNoRole string
}

// German are the German texts.
var German = Texts{
	Lang: "de",
	Commands: map[string]chat.CommandText{
		"ticket":         {Usage: "!ticket <Anliegen>", Description: "öffnet einen Supportfall für das Digitalisierungsteam"},
		"meine":          {Usage: "!meine", Description: "zeigt deine Supportfälle"},
		"schließen":      {Usage: "!schließen <Nr>", Description: "schließt einen deiner Fälle"},
		"offen":          {Usage: "!offen [Seite]", Description: "offene Fälle, unbearbeitete zuerst"},
		"fall":           {Usage: "!fall <Nr>", Description: "Verlauf eines Falls"},
		"übernehmen":     {Usage: "!übernehmen <Nr>", Description: "Fall übernehmen (oder ✋ auf die Fallnachricht)"},
		"abgeben":        {Usage: "!abgeben <Nr>", Description: "Fall wieder freigeben"},
		"zuweisen":       {Usage: "!zuweisen <Nr> @name", Description: "Fall an ein Teammitglied geben"},
		"antwort":        {Usage: "!antwort [Nr] <Text>", Description: "Antwort an das Mitglied (sonst ist alles im Thread interne Notiz); `!antwort <Nr> anleitung <ID>` schickt eine Anleitung"},
		"erledigt":       {Usage: "!erledigt <Nr> [Lösung]", Description: "Fall erledigt; das Mitglied wird um eine Bewertung gebeten"},
		"wiedereröffnen": {Usage: "!wiedereröffnen <Nr>", Description: "Fall wieder öffnen"},
	},
	TeamRoomUnencrypted: "⚠️ **Dieser Raum ist nicht Ende-zu-Ende-verschlüsselt.** Supportfälle enthalten persönliche Daten von Mitgliedern. Bitte schaltet in den Raumeinstellungen unter „Sicherheit“ die Verschlüsselung ein.",
	Offer:               "Soll ich daraus einen **Supportfall** für das Digitalisierungsteam machen? Das Team bekommt dann %s, meine Vorschläge und was du noch dazuschreibst.",
	OfferBare:           "Soll ich daraus einen **Supportfall** für das Digitalisierungsteam machen? Das Team bekommt dann %s und was du noch dazuschreibst.",
	OfferQuote:          "deine Frage („%s“)",
	OfferQuoteMore:      "alles, was du eben geschrieben hast (zuletzt „%s“)",
	OfferNoGuide:        "Ich kann deine Frage auch an einen Menschen aus dem Digitalisierungsteam weitergeben.",
	OfferHow:            "Tippe unter dieser Nachricht auf ✅ oder antworte `ja`. Mit `nein` lassen wir es.",
	Cancelled:           "Alles klar, ich schicke nichts an das Team.",
	OfferAskAgain:       "Soll ich den Supportfall für das Team öffnen? Antworte bitte mit `ja` oder `nein`.",
	OfferLapsed:         "Dieses Angebot ist nicht mehr offen, darum habe ich nichts an das Team geschickt. Möchtest du doch mit einem Menschen aus dem Team sprechen? Schreib einfach „Ich möchte mit einem Menschen sprechen“.",
	OfferLapsedCase:     "Dieses Angebot ist nicht mehr offen, darum habe ich nichts an das Team geschickt. Dein Fall **#%d** ist aber offen: Schreib einfach hier weiter, deine Nachricht geht an das Team.",
	OfferLapsedDeclined: "Alles klar – dieses Angebot war schon nicht mehr offen, ich habe nichts an das Team geschickt.",
	OfferSuperseded:     "Dieses Angebot ist nicht mehr offen, darum habe ich nichts an das Team geschickt. Inzwischen habe ich dir ein neues gemacht: Tippe unter meiner letzten Frage nach einem Supportfall auf ✅ oder antworte `ja`.",
	TicketUsage:         "Beschreib dein Anliegen gleich mit, z. B. `!ticket Ich bekomme keine Mail zum Passwort-Zurücksetzen`.",
	TicketDMOnly:        "Supportfälle öffne ich nur im Direktchat mit mir – dort bleibt dein Anliegen unter uns. Schreib mir dort `!ticket <dein Anliegen>`.",
	OpenedNobody:        "Dein Supportfall **#%d** ist angelegt. Gerade ist aber niemand aus dem Team im Dienst – es kann also dauern, bis jemand antwortet. Alles, was du hier noch schreibst, kommt zu deinem Fall. Eilt es? %s",
	Opened:              "Dein Supportfall **#%d** ist angelegt. 🙌 Jemand aus dem Digitalisierungsteam schaut ihn sich an und antwortet dir hier im Chat – meist innerhalb von ein bis zwei Tagen. Alles, was du jetzt noch hier schreibst (auch Bilder und Dateien), kommt zu deinem Fall. Deine Fälle: `!meine`, schließen: `!schließen <Nr>`.",
	Added:               "📎 Zu Fall #%d hinzugefügt.",
	Reopened:            "Ich habe deinen Fall **#%d** wieder geöffnet und deine Nachricht an das Team weitergegeben.",
	TeamAnswer:          "**Antwort vom Digitalisierungsteam** (%s):",
	TeamAnswerAnonymous: "**Antwort vom Digitalisierungsteam:**",
	MessageDeleted:      "vom Mitglied gelöscht",
	TeamMessageDeleted:  "im Teamraum gelöscht",
	AnswerFooter:        "_Fall #%d – antworte einfach hier, deine Nachricht geht an das Team._",
	ResolvedMember:      "Das Team hat deinen Fall **#%d** als erledigt markiert.",
	Solution:            "Lösung:",
	RateAsk:             "Hat dir das geholfen? Reagiere mit 👍 für „ja“ oder 👎 für „nein“ (am Handy: Nachricht gedrückt halten). Falls nicht, schreib einfach hier – dann öffne ich den Fall wieder.",
	RateThanks:          "Danke für deine Bewertung! 🙂",
	MineEmpty:           "Du hast keine Supportfälle.",
	MineIntro:           "Deine Supportfälle:",
	CloseUsage:          "Welchen Fall soll ich schließen? Zum Beispiel: `!schließen 12`",
	ClosedMember:        "Dein Fall **#%d** ist geschlossen. Danke! Du kannst jederzeit einen neuen öffnen.",
	ClosedByTeamMember:  "Das Team hat deinen Fall **#%d** geschlossen. Ist dein Anliegen noch nicht erledigt? Schreib es mir einfach noch einmal – dann kann ich einen neuen Fall für dich öffnen.",
	NotYours:            "Einen Fall „%s“ von dir finde ich nicht. Deine Fälle zeigt `!meine`.",
	AlreadyClosed:       "Fall #%d ist schon geschlossen.",
	CaseReturned:        "↩️ Fall #%d ist wieder offen zur Übernahme: Die Person, die ihn bearbeitet hat, ist nicht mehr im Team.",
	NotEnabled:          "Supportfälle kann ich hier nicht öffnen.",
	GuideFromTeam:       "Das Team schickt dir diese Anleitung:",

	StatusOpen:        "[OFFEN]",
	StatusClaimed:     "[IN ARBEIT: %s]",
	StatusResolved:    "[ERLEDIGT]",
	StatusClosed:      "[GESCHLOSSEN]",
	Board:             "%s Fall #%d: %s\nvon %s · eröffnet %s",
	BoardGuides:       "Vorgeschlagen: %s",
	BoardLang:         "🌐 Lotse schreibt dem Mitglied auf %s – antworte am besten auch auf %s.",
	LangSwitchedTeam:  "🌐 Fall #%d: Das Mitglied schreibt jetzt auf %s. Lotses Nachrichten an das Mitglied sind ab jetzt auch auf %s.",
	LangNames:         map[string]string{"de": "Deutsch", "en": "Englisch"},
	ThreadQuestion:    "Frage und Verlauf mit Lotse (%s):",
	ThreadSuggested:   "Lotse hat vorgeschlagen: %s",
	ThreadHow:         "Schreibt hier im Thread: Nachrichten sind interne Notizen. An das Mitglied geht nur `!antwort <Text>`. Übernehmen: ✋ oder `!übernehmen`.",
	RelayFile:         "hat eine Datei geschickt: %s",
	RelayTooLarge:     "📎 Die Datei war zu groß, ich konnte sie nicht weiterleiten. Das Mitglied weiß Bescheid.",
	FileTooLarge:      "📎 Deine Datei ist leider zu groß, ich kann sie nicht an das Team weiterleiten. Magst du sie verkleinern (z. B. ein Bildschirmfoto statt eines Fotos) oder beschreiben, was darauf zu sehen ist?",
	RelayBudgetTeam:   "📎 Weitere Dateien dieses Mitglieds leite ich vorerst nicht weiter: In den letzten 24 Stunden waren es schon sehr viele. Nachrichten kommen weiter an, das Mitglied weiß Bescheid.",
	RelayBudgetMember: "📎 Du hast mir in den letzten 24 Stunden schon sehr viele Dateien geschickt. Weitere kann ich erst wieder an das Team weiterleiten, wenn seit der ersten davon 24 Stunden vergangen sind. Deine Nachricht ist angekommen. Magst du beschreiben, was auf der Datei zu sehen ist, oder sie morgen noch einmal schicken?",
	AnswerSent:        "✉️ Antwort an das Mitglied gesendet (%s).",
	AnswerWithdrawn:   "🗑️ Die gelöschte Antwort zu Fall #%d ist auch beim Mitglied gelöscht.",
	AnswerTakenBack:   "Das Team hat diese Nachricht zurückgenommen.",
	EditNotOpen:       "✏️ Fall #%d ist nicht mehr offen: Deine Bearbeitung geht nicht an das Mitglied, es sieht weiter die bisherige Antwort. Soll sie dort weg, lösche deine Antwort.",
	EditNotAnswer:     "✏️ Deine Bearbeitung ist keine Textantwort an Fall #%d (mehr) – das Mitglied sieht weiter die bisherige Antwort. Bearbeiten lässt sich nur der Text einer Antwort; soll sie weg, lösche deine Antwort.",
	AnswerCut:         "✂️ Die Antwort war zu lang für eine Chatnachricht – hier steht nur ihr Anfang. Frag gern nach, wenn etwas fehlt.",
	AnswerCutTeam:     "✂️ Die Antwort war zu lang für eine Chatnachricht – beim Mitglied ist nur ihr Anfang angekommen.",
	AnswerNotOpen:     "Fall #%d ist nicht offen – ich habe nichts geschickt. Öffne ihn erst mit `!wiedereröffnen %d` wieder: Dann kommt auch die Antwort des Mitglieds beim Team an.",
	Claimed:           "✋ %s hat Fall #%d übernommen.",
	ClaimedBy:         "Fall #%d hat schon %s übernommen.",
	Unclaimed:         "Fall #%d ist wieder frei.",
	NotAssignee:       "Fall #%d gehört %s – abgeben kann ihn nur diese Person (oder nutzt `!zuweisen`).",
	Assigned:          "Fall #%d ist jetzt bei %s.",
	AssignUsage:       "So geht es: `!zuweisen <Nr> @name:server`",
	AssignNotTeam:     "%s ist nicht im Teamraum – Fälle können nur an Teammitglieder gehen.",
	ResolvedTeam:      "✅ Fall #%d ist erledigt (%s). Das Mitglied wurde informiert und um eine Bewertung gebeten.",
	ReopenedTeam:      "🔁 Fall #%d ist wieder offen (%s).",
	ClosedTeam:        "Das Mitglied hat Fall #%d geschlossen.",
	ClosedByTeam:      "Fall #%d ist geschlossen (%s). Das Mitglied wurde informiert.",
	ClosedByTeamGone:  "Fall #%d ist geschlossen (%s). Das Mitglied ist nicht mehr im Chat mit mir und hat keine Nachricht bekommen.",
	RatedTeam:         "Bewertung für Fall #%d: %s",
	RatedHelped:       "👍 hat geholfen",
	RatedNotHelped:    "👎 hat nicht geholfen",
	ReopenedByMember:  "🔁 Fall #%d ist wieder offen: Das Mitglied hat sich erneut gemeldet.",
	NotOpen:           "Fall #%d ist nicht offen.",
	NotResolved:       "Fall #%d ist schon offen.",
	CaseUsage:         "Welcher Fall? Gib die Nummer an (`%s`) oder schreib im Thread des Falls.",
	NoSuchCase:        "Einen Fall „%s“ gibt es nicht.",
	SharedChatMember:  "In diesem Chat ist jetzt noch jemand anderes. Darum schicke ich dir die Antworten des Teams zu deinem Fall **#%d** hier nicht mehr, und was du hier schreibst, geht nicht an das Team. Schreib mir in einem Chat nur zwischen uns beiden (oder nimm die andere Person wieder heraus) – dann geht es dort weiter.",
	EditedAfterAnswer: "✏️ Fall #%d: Das Mitglied hat diese Nachricht bearbeitet, nachdem ihr geantwortet habt. Hier steht jetzt die neue Fassung – eure Antwort bezog sich auf die frühere.",
	PrefixEmpty:       "Nach „%s“ steht keine Antwort – an das Mitglied ist nichts gegangen.",
	ReplyUsage:        "So geht es: `!antwort <Text>` im Thread des Falls, `!antwort <Nr> <Text>` oder `!antwort <Nr> anleitung <Anleitungs-ID>`.",
	UnknownGuide:      "Die Anleitung „%s“ kenne ich nicht.",
	TeamOnlyGuide:     "„%s“ ist eine Anleitung nur fürs Team – an Mitglieder schicke ich sie nicht.",
	GuideSent:         "📘 Anleitung „%s“ an das Mitglied gesendet.",
	OpenEmpty:         "Keine offenen Fälle. 🎉",
	OpenIntro:         "Offene Fälle: %d, davon %d ohne Bearbeitung:",
	HistoryIntro:      "Verlauf von Fall #%d:",
	NotTeam:           "Das dürfen nur Mitglieder des Digitalisierungsteams.",
	TeamRoomOnly:      "Fälle bearbeitet ihr bitte im Teamraum – dort ist alles verschlüsselt und für das ganze Team sichtbar.",
	TeamCommands:      "Befehle für das Team (im Teamraum):",
	ReminderUnclaimed: "⏰ Fall #%d wartet seit %s auf jemanden. Übernehmen mit ✋ oder `!übernehmen %[1]d`.",
	ReminderStale:     "⏰ %s, in Fall #%d ist seit %s nichts passiert. Brauchst du Hilfe? Abgeben mit `!abgeben %[2]d`.",
	DraftFull:         "Das ist schon eine Menge – alles bis hierher nehme ich für einen möglichen Supportfall mit. Was du noch ergänzen möchtest, schreib bitte, sobald der Fall angelegt ist: Dann geht es direkt ans Team.",
	Digest:            "📋 Übersicht: %d offener Fall, davon %d ohne Bearbeitung. `!offen` zeigt ihn.|📋 Übersicht: %d offene Fälle, davon %d ohne Bearbeitung. `!offen` zeigt sie.",
	AgeMinutes:        "%d Min.",
	AgeHours:          "%d Std.",
	AgeDays:           "%d Tag|%d Tagen",
	AgeSince:          "seit %s",
	MineDMOnly:        "Deine Fälle zeige ich dir nur im Direktchat mit mir – hier lesen andere mit. Schreib mir dort `!meine`.",
	RelayCut:          "✂️ Die Nachricht war zu lang für eine Chatnachricht – hier steht nur ihr Anfang. Das Mitglied weiß Bescheid.",
	RelayCutMember:    "Deine Nachricht war sehr lang – beim Team ist nur ihr Anfang angekommen. Den Rest schick bitte in kürzeren Nachrichten hinterher.",
	HistoryMore:       "… %d weiterer Eintrag: `!fall %d %d`|… %d weitere Einträge: `!fall %d %d`",
	History: HistoryTexts{
		Opened: "%s hat den Fall eröffnet", Claimed: "%s hat den Fall übernommen", Unclaimed: "%s hat den Fall abgegeben",
		Assigned: "%s hat den Fall %s zugewiesen", Returned: "zurück in die Warteschlange (lag bei %[2]s)",
		Resolved: "%s hat den Fall als gelöst markiert", Solved: "%s hat den Fall gelöst: %s",
		Reopened: "%s hat den Fall wieder geöffnet", ReopenedFrom: "%s hat den Fall wieder geöffnet (lag vorher bei %s)",
		Closed: "%s hat den Fall geschlossen", Rated: "%s hat bewertet: %s", Changed: "%s hat den Fall geändert",
		Moved: "%s schreibt jetzt aus einem anderen Direktchat",
		Guide: "📘 Anleitung „%s“",
	},

	// case25: erasure in the team room, edits of notes and solutions.
	ErasedReason:       "Auf Wunsch des Mitglieds gelöscht (Datenschutz).",
	ExpiredReason:      "Aufbewahrungsfrist abgelaufen (Datenschutz).",
	ErasedTeam:         "🗑️ Die Person aus Fall #%d hat ihre Daten löschen lassen. Meine Nachrichten mit ihrem Namen und ihren Worten habe ich entfernt. Eure eigenen Nachrichten hier kann ich nicht löschen: Steht darin etwas über die Person (Zitate, Daten), löscht diese Nachrichten bitte selbst.",
	EditNoteNotOpen:    "✏️ Fall #%d ist nicht mehr offen: Deine Bearbeitung der Notiz speichere ich nicht, im Verlauf bleibt die bisherige. Soll sie weg, lösche deine Notiz.",
	EditNoteStaysNote:  "✏️ Deine bearbeitete Notiz zu Fall #%d bleibt eine interne Notiz – an das Mitglied geht nichts. Für eine Antwort schreib eine neue Nachricht mit `!antwort`.",
	EditNotSolution:    "✏️ Deine Bearbeitung ist keine Lösung zu Fall #%d (mehr) – gespeichert bleibt die bisherige Lösung, und das Mitglied sieht sie weiter. Bearbeiten lässt sich nur der Text nach `!erledigt`; soll er weg, lösche deine Nachricht.",
	SolutionDraftKeeps: "✏️ Die Lösung zu Fall #%d ist geändert, auch beim Mitglied. Der Anleitungsentwurf hier im Thread enthält noch die bisherige – passe ihn bitte selbst an.",

	// team26: a busy evening in the team room.
	ReminderUnclaimedMany: "⏰ %d Fälle warten auf jemanden: %s.",
	ReminderUnclaimedMore: "Dazu kommt %d weiterer.|Dazu kommen %d weitere.",
	ReminderUnclaimedHow:  "Übernehmen mit ✋ auf der Fallnachricht oder `!übernehmen <Nr>`; `!offen` zeigt alle.",
	ReminderStaleReturn:   "Tut sich nichts, gebe ich den Fall in %s für das Team wieder frei.",
	CaseReturnedIdle:      "↩️ Fall #%d ist wieder offen zur Übernahme: Bei %s hat sich seit %s nichts getan, auch nicht nach der Erinnerung. Übernehmen mit ✋ auf der Fallnachricht oder `!übernehmen %[1]d`.",
	RelayActiveFile:       "⚠️ Diese Datei enthält Web-Inhalt (eine Seite, ein SVG oder ein Skript), egal wie sie heißt. Ich gebe sie nur als Download weiter. Öffne sie bitte nicht im Browser und gib dort nie ein Passwort ein.",
	AnswerFileSent:        "✉️ Antwort mit Datei an das Mitglied gesendet (%s).",
	AnswerFileTooLarge:    "✉️ Antwort an das Mitglied gesendet (%s) – aber ohne die Datei: Sie ist zu groß. Beschreib bitte, was darauf zu sehen ist, oder schick ein kleineres Bildschirmfoto.",
	AnswerFileActive:      "✉️ Antwort an das Mitglied gesendet (%s) – aber ohne die Datei: Sie enthält Web-Inhalt (eine Seite, ein SVG oder ein Skript), so etwas gebe ich an Mitglieder nicht weiter.",
	AnswerFileName:        "Datei",
	OpenNextPage:          "… und %d weiterer: `!offen %d`|… und %d weitere: `!offen %d`",
	OpenPageEmpty:         "Seite %d ist leer – `!offen` zeigt die erste.",
	ThreadOtherCase:       "Das ist der Thread von Fall #%[1]d, du hast aber „%[2]s“ geschrieben – ich habe nichts getan. Für einen anderen Fall schreib in dessen Thread. Beginnt dein Text mit einer Zahl, setz die Nummer dieses Falls davor: `%[3]s %[1]d %[2]s …`.",

	// sup28: support from the member's side.
	AddedToOpen:     "Dein Fall **#%d** ist noch offen – ich habe deine Nachricht dort dazugelegt, das Team liest sie. Einen zweiten Fall brauchst du dafür nicht.",
	SolvedWhileOpen: "Schön, dass es geklappt hat! Ich habe das an das Team weitergegeben. Wenn du deinen Fall **#%d** schließen möchtest, schreib `!schließen %[1]d`.",
	TooManyCases:    "Du hast in den letzten 24 Stunden schon viele Supportfälle geöffnet – einen weiteren kann ich erst anlegen, wenn seit dem ersten davon 24 Stunden vergangen sind. Schreib gern in einen deiner Fälle (`!meine` zeigt sie), das Team liest mit. Eilt es? %s",
	MineOpen:        "offen",
	MineClaimed:     "in Bearbeitung",
	MineResolved:    "erledigt",
	MineClosed:      "geschlossen",
	WaitingMember:   "Dein Fall **#%d** ist nicht vergessen: Das Team hat gerade viel zu tun und antwortet dir hier, sobald es kann. Hat sich etwas geändert, schreib es einfach dazu. Eilt es? %s",
	WaitingGoneTeam: "⏳ Fall #%d wartet noch auf eine erste Antwort. Das Mitglied ist nicht mehr im Chat mit mir, die Nachricht „Dein Fall ist nicht vergessen“ ging deshalb nicht raus.",

	// sup29: the open case follows its member to a new direct chat.
	MovedTeam:   "📨 Das Mitglied von Fall #%d schreibt jetzt aus einem anderen Direktchat mit mir. Eure Antworten schicke ich ab jetzt dorthin.",
	MovedMember: "Dein Fall **#%d** ist noch offen. Ab jetzt läuft er hier: Was du schreibst, geht an das Team, und seine Antworten bekommst du in diesem Chat.",
	ClaimNoRole: "Fall #%d bleibt offen zur Übernahme: Übernehmen kann ihn nur, wer gerade die Teamrolle hat.",

	// sup30: the question's own message deleted; the member unreachable.
	SummaryDeleted:      "(Frage vom Mitglied gelöscht)",
	QuestionDeletedTeam: "🗑️ Das Mitglied hat die Nachricht mit der Frage zu Fall #%d gelöscht. Ich habe die Frage im Fall gelöscht und meine Kopie hier zurückgenommen.",
	ReachMovedTeam:      "📨 Das Mitglied von Fall #%d ist nicht mehr im bisherigen Chat mit mir (oder ich darf dort nicht mehr schreiben, oder der Chat ist jetzt öffentlich oder nicht mehr nur zwischen uns beiden). Eure Antworten schicke ich ab jetzt in den anderen Direktchat, den es mit mir hat.",
	Unreachable:         "⚠️ Nicht gesendet: Das Mitglied von Fall #%d ist nicht mehr im Chat mit mir (oder ich darf dort nicht mehr schreiben, oder der Chat ist jetzt öffentlich oder nicht mehr nur zwischen uns beiden) und hat keinen anderen Direktchat mit mir. Deine Antwort bleibt hier stehen – schick sie noch einmal, sobald es sich wieder meldet; das sage ich dann in diesem Thread.",
	UnreachableResolve:  "⚠️ Nicht erledigt: Das Mitglied von Fall #%d ist nicht mehr im Chat mit mir (oder ich darf dort nicht mehr schreiben, oder der Chat ist jetzt öffentlich oder nicht mehr nur zwischen uns beiden) und hat keinen anderen Direktchat mit mir – die Lösung käme nicht an. Meldet es sich wieder (das sage ich dann in diesem Thread), schreib `!erledigt %d …` noch einmal; ohne Nachricht an das Mitglied schließt du den Fall mit `!schließen %d`.",
	ChatPublic:          "🔓 Dieser Chat ist jetzt öffentlich: Andere können ihm beitreten oder den Verlauf lesen, ohne dass du sie einlädst. Deshalb schickt dir das Team seine Antworten nicht hierher, sondern in einen anderen Direktchat mit mir – hast du keinen, kommen sie gar nicht an. So machst du den Chat wieder privat (Element): Raumeinstellungen → „Sicherheit & Datenschutz“ → „Zugang“: „Privat (Betreten mit Einladung)“; bei „Wer kann den bisherigen Verlauf lesen?“ nicht „Alle“. Danach kann dir das Team wieder hier antworten.",
}

// English are the English texts.
var English = Texts{
	Lang: "en",
	Commands: map[string]chat.CommandText{
		"ticket":         {Usage: "!ticket <issue>", Description: "opens a support case for the digital team"},
		"meine":          {Usage: "!mine", Description: "lists your support cases"},
		"schließen":      {Usage: "!close <number>", Description: "closes one of your cases"},
		"offen":          {Usage: "!open [page]", Description: "open cases, unclaimed first"},
		"fall":           {Usage: "!case <number>", Description: "history of a case"},
		"übernehmen":     {Usage: "!claim <number>", Description: "claim a case (or ✋ on the case message)"},
		"abgeben":        {Usage: "!unclaim <number>", Description: "release a case"},
		"zuweisen":       {Usage: "!assign <number> @name", Description: "give a case to a team member"},
		"antwort":        {Usage: "!reply [number] <text>", Description: "answer the member (everything else in the thread is an internal note); `!reply <number> guide <id>` sends a guide"},
		"erledigt":       {Usage: "!resolve <number> [solution]", Description: "resolve; the member is asked for a rating"},
		"wiedereröffnen": {Usage: "!reopen <number>", Description: "reopen a case"},
	},
	TeamRoomUnencrypted: "⚠️ **This room is not end-to-end encrypted.** Support cases contain members' personal data. Please turn on encryption in the room settings under “Security”.",
	Offer:               "Shall I turn this into a **support case** for the digital team? The team then gets %s, my suggestions and whatever you add.",
	OfferBare:           "Shall I turn this into a **support case** for the digital team? The team then gets %s and whatever you add.",
	OfferQuote:          "your question (“%s”)",
	OfferQuoteMore:      "everything you just wrote (last: “%s”)",
	OfferNoGuide:        "I can also pass your question on to a person from the digital team.",
	OfferHow:            "Tap ✅ under this message or reply `yes`. Reply `no` to leave it.",
	Cancelled:           "All right, I won't send anything to the team.",
	OfferAskAgain:       "Shall I open the support case for the team? Please reply `yes` or `no`.",
	OfferLapsed:         "This offer is no longer open, so I haven't sent anything to the team. Would you still like to talk to a person from the team? Just write “I'd like to talk to a person”.",
	OfferLapsedCase:     "This offer is no longer open, so I haven't sent anything to the team. Your case **#%d** is open, though: just keep writing here, your message goes to the team.",
	OfferLapsedDeclined: "All right – this offer was no longer open, I haven't sent anything to the team.",
	OfferSuperseded:     "This offer is no longer open, so I haven't sent anything to the team. I've made you a new one since: tap ✅ under my latest question about a support case or reply `yes`.",
	TicketUsage:         "Describe your issue right away, e.g. `!ticket I get no password reset mail`.",
	TicketDMOnly:        "I only open support cases in a direct chat with me – there your issue stays between us. Write `!ticket <your issue>` to me there.",
	OpenedNobody:        "Your support case **#%d** is open. Nobody from the team is on duty right now, though – so an answer may take a while. Everything you write here is added to your case. In a hurry? %s",
	Opened:              "Your support case **#%d** is open. 🙌 Someone from the digital team will look at it and answer you here – usually within one or two days. Everything you write here now (images and files too) is added to your case. Your cases: `!mine`, close one: `!close <number>`.",
	Added:               "📎 Added to case #%d.",
	Reopened:            "I reopened your case **#%d** and passed your message on to the team.",
	TeamAnswer:          "**Answer from the digital team** (%s):",
	TeamAnswerAnonymous: "**Answer from the digital team:**",
	MessageDeleted:      "deleted by the member",
	TeamMessageDeleted:  "deleted in the team room",
	AnswerFooter:        "_Case #%d – just reply here, your message goes to the team._",
	ResolvedMember:      "The team marked your case **#%d** as resolved.",
	Solution:            "Solution:",
	RateAsk:             "Did this help? React with 👍 for “yes” or 👎 for “no” (on a phone: press and hold the message). If not, just write here and I'll reopen the case.",
	RateThanks:          "Thanks for your rating! 🙂",
	MineEmpty:           "You have no support cases.",
	MineIntro:           "Your support cases:",
	CloseUsage:          "Which case shall I close? For example: `!close 12`",
	ClosedMember:        "Your case **#%d** is closed. Thanks! You can open a new one any time.",
	ClosedByTeamMember:  "The team has closed your case **#%d**. Is your matter not settled yet? Just write it to me again – then I can open a new case for you.",
	NotYours:            "I can't find a case “%s” of yours. `!mine` lists your cases.",
	AlreadyClosed:       "Case #%d is already closed.",
	CaseReturned:        "↩️ Case #%d is open for claiming again: the person working on it is no longer in the team.",
	NotEnabled:          "I can't open support cases here.",
	GuideFromTeam:       "The team sends you this guide:",

	StatusOpen:        "[OPEN]",
	StatusClaimed:     "[IN PROGRESS: %s]",
	StatusResolved:    "[RESOLVED]",
	StatusClosed:      "[CLOSED]",
	Board:             "%s Case #%d: %s\nfrom %s · opened %s",
	BoardGuides:       "Suggested: %s",
	BoardLang:         "🌐 Lotse writes to the member in %s – best answer in %s too.",
	LangSwitchedTeam:  "🌐 Case #%d: the member now writes in %s. Lotse's messages to the member are in %s from now on, too.",
	LangNames:         map[string]string{"de": "German", "en": "English"},
	ThreadQuestion:    "Question and conversation with Lotse (%s):",
	ThreadSuggested:   "Lotse suggested: %s",
	ThreadHow:         "Write in this thread: messages are internal notes. Only `!reply <text>` goes to the member. Claim: ✋ or `!claim`.",
	RelayFile:         "sent a file: %s",
	RelayTooLarge:     "📎 The file was too large, I could not pass it on. The member has been told.",
	FileTooLarge:      "📎 Sorry, your file is too large for me to pass on to the team. Could you make it smaller (a screenshot instead of a photo, for example) or describe what it shows?",
	RelayBudgetTeam:   "📎 I am not passing on more files from this member for now: there have been a great many in the last 24 hours. Messages still come through; the member has been told.",
	RelayBudgetMember: "📎 You have sent me a great many files in the last 24 hours. I can pass more on to the team once 24 hours have passed since the first of them. Your message has arrived. Could you describe what the file shows, or send it again tomorrow?",
	AnswerSent:        "✉️ Answer sent to the member (%s).",
	AnswerWithdrawn:   "🗑️ The deleted answer to case #%d is deleted on the member's side too.",
	AnswerTakenBack:   "The team took this message back.",
	EditNotOpen:       "✏️ Case #%d is no longer open: your edit does not reach the member, who still sees the previous answer. To remove it there, delete your answer.",
	EditNotAnswer:     "✏️ Your edit is no (longer a) text answer to case #%d – the member still sees the previous answer. Only an answer's text can be edited; to remove it, delete your answer.",
	AnswerCut:         "✂️ The answer was too long for one chat message – this is only its beginning. Just ask if something is missing.",
	AnswerCutTeam:     "✂️ The answer was too long for one chat message – only its beginning reached the member.",
	AnswerNotOpen:     "Case #%d is not open – I sent nothing. Reopen it with `!reopen %d` first: then the member's reply reaches the team as well.",
	Claimed:           "✋ %s claimed case #%d.",
	ClaimedBy:         "Case #%d is already claimed by %s.",
	Unclaimed:         "Case #%d is free again.",
	NotAssignee:       "Case #%d belongs to %s – only they can unclaim it (or use `!assign`).",
	Assigned:          "Case #%d is now with %s.",
	AssignUsage:       "Usage: `!assign <number> @name:server`",
	AssignNotTeam:     "%s is not in the team room – cases can only go to team members.",
	ResolvedTeam:      "✅ Case #%d is resolved (%s). The member was told and asked for a rating.",
	ReopenedTeam:      "🔁 Case #%d is open again (%s).",
	ClosedTeam:        "The member closed case #%d.",
	ClosedByTeam:      "Case #%d is closed (%s). The member was told.",
	ClosedByTeamGone:  "Case #%d is closed (%s). The member is no longer in a chat with me and got no message.",
	RatedTeam:         "Rating for case #%d: %s",
	RatedHelped:       "👍 helped",
	RatedNotHelped:    "👎 did not help",
	ReopenedByMember:  "🔁 Case #%d is open again: the member wrote again.",
	NotOpen:           "Case #%d is not open.",
	NotResolved:       "Case #%d is already open.",
	CaseUsage:         "Which case? Give the number (`%s`) or write in the case's thread.",
	NoSuchCase:        "There is no case “%s”.",
	SharedChatMember:  "Someone else is in this chat now. So I no longer send you the team's answers about your case **#%d** here, and what you write here does not go to the team. Write to me in a chat with just the two of us (or remove the other person again) – then it continues there.",
	EditedAfterAnswer: "✏️ Case #%d: the member edited this message after you answered. It now shows the new version – your answer was to the earlier one.",
	PrefixEmpty:       "There is no answer after “%s” – nothing went to the member.",
	ReplyUsage:        "Usage: `!reply <text>` in the case's thread, `!reply <number> <text>` or `!reply <number> guide <guide id>`.",
	UnknownGuide:      "I don't know the guide “%s”.",
	TeamOnlyGuide:     "“%s” is a guide for the team only – I don't send it to members.",
	GuideSent:         "📘 Guide “%s” sent to the member.",
	OpenEmpty:         "No open cases. 🎉",
	OpenIntro:         "Open cases: %d, %d of them unclaimed:",
	HistoryIntro:      "History of case #%d:",
	NotTeam:           "Only members of the digital team may do that.",
	TeamRoomOnly:      "Please work on cases in the team room – it is encrypted and the whole team sees it.",
	TeamCommands:      "Team commands (in the team room):",
	ReminderUnclaimed: "⏰ Case #%d has been waiting for %s. Claim it with ✋ or `!claim %[1]d`.",
	ReminderStale:     "⏰ %s, nothing has happened in case #%d for %s. Need help? Unclaim with `!unclaim %[2]d`.",
	DraftFull:         "That's quite a lot already – I'll take everything up to here into a possible support case. Whatever you'd like to add, please write it once the case is open: then it goes straight to the team.",
	Digest:            "📋 Overview: %d open case (%d unclaimed). `!open` shows it.|📋 Overview: %d open cases, %d of them unclaimed. `!open` lists them.",
	AgeMinutes:        "%d min",
	AgeHours:          "%d h",
	AgeDays:           "%d day|%d days",
	AgeSince:          "%s",
	MineDMOnly:        "I only show your cases in a direct chat with me – others read along here. Write `!mine` to me there.",
	RelayCut:          "✂️ The message was too long for one chat message – this is only its beginning. The member has been told.",
	RelayCutMember:    "Your message was very long – only its beginning reached the team. Please send the rest in shorter messages.",
	HistoryMore:       "… %d more entry: `!case %d %d`|… %d more entries: `!case %d %d`",
	History: HistoryTexts{
		Opened: "%s opened the case", Claimed: "%s claimed the case", Unclaimed: "%s unclaimed the case",
		Assigned: "%s assigned the case to %s", Returned: "back in the queue (it was with %[2]s)",
		Resolved: "%s marked the case as resolved", Solved: "%s resolved the case: %s",
		Reopened: "%s reopened the case", ReopenedFrom: "%s reopened the case (it was with %s before)",
		Closed: "%s closed the case", Rated: "%s rated: %s", Changed: "%s changed the case",
		Moved: "%s now writes from another direct chat",
		Guide: "📘 Guide “%s”",
	},

	// case25: erasure in the team room, edits of notes and solutions.
	ErasedReason:       "Deleted at the member's request (data protection).",
	ExpiredReason:      "Retention period ended (data protection).",
	ErasedTeam:         "🗑️ The person of case #%d had their data erased. I removed my messages with their name and words. I can't delete your own messages here: if they hold anything about the person (quotes, details), please delete those messages yourselves.",
	EditNoteNotOpen:    "✏️ Case #%d is no longer open: I don't store your edit of the note, the history keeps the previous one. To remove it, delete your note.",
	EditNoteStaysNote:  "✏️ Your edited note on case #%d stays an internal note – nothing goes to the member. For an answer, write a new message with `!reply`.",
	EditNotSolution:    "✏️ Your edit is no (longer a) solution for case #%d – the previous solution stays stored, and the member still sees it. Only the text after `!resolve` can be edited; to remove it, delete your message.",
	SolutionDraftKeeps: "✏️ The solution of case #%d is changed, for the member too. The guide draft in this thread still holds the previous one – please adjust it yourself.",

	// team26: a busy evening in the team room.
	ReminderUnclaimedMany: "⏰ %d cases are waiting for someone: %s.",
	ReminderUnclaimedMore: "And %d more.|And %d more.",
	ReminderUnclaimedHow:  "Claim one with ✋ on its case message or `!claim <number>`; `!open` lists them all.",
	ReminderStaleReturn:   "If nothing happens, I'll give the case back to the team in %s.",
	CaseReturnedIdle:      "↩️ Case #%d is open for claiming again: nothing has happened with %s for %s, not even after the reminder. Claim it with ✋ on its case message or `!claim %[1]d`.",
	RelayActiveFile:       "⚠️ This file holds web content (a page, an SVG or a script), whatever its name. I pass it on as a download only. Please don't open it in a browser, and never enter a password there.",
	AnswerFileSent:        "✉️ Answer with file sent to the member (%s).",
	AnswerFileTooLarge:    "✉️ Answer sent to the member (%s) – but without the file: it is too large. Please describe what it shows, or send a smaller screenshot.",
	AnswerFileActive:      "✉️ Answer sent to the member (%s) – but without the file: it holds web content (a page, an SVG or a script), which I don't pass on to members.",
	AnswerFileName:        "File",
	OpenNextPage:          "… and %d more: `!open %d`|… and %d more: `!open %d`",
	OpenPageEmpty:         "Page %d is empty – `!open` shows the first.",
	ThreadOtherCase:       "This is the thread of case #%[1]d, but you wrote “%[2]s” – I did nothing. For another case, write in its thread. If your text starts with a number, put this case's number first: `%[3]s %[1]d %[2]s …`.",

	// sup28: support from the member's side.
	AddedToOpen:     "Your case **#%d** is still open – I added your message to it, the team reads it there. You don't need a second case for it.",
	SolvedWhileOpen: "Glad it worked out! I've passed this on to the team. If you'd like to close your case **#%d**, write `!close %[1]d`.",
	TooManyCases:    "You've opened a lot of support cases in the last 24 hours – I can open another one once 24 hours have passed since the first of them. Feel free to write in one of your cases (`!mine` lists them), the team reads along. In a hurry? %s",
	MineOpen:        "open",
	MineClaimed:     "in progress",
	MineResolved:    "resolved",
	MineClosed:      "closed",
	WaitingMember:   "Your case **#%d** is not forgotten: the team is very busy right now and will answer you here as soon as they can. If anything has changed, just add it here. In a hurry? %s",
	WaitingGoneTeam: "⏳ Case #%d is still waiting for a first answer. The member is no longer in a chat with me, so the note “your case is not forgotten” did not go out.",

	// sup29: the open case follows its member to a new direct chat.
	MovedTeam:   "📨 The member of case #%d now writes from another direct chat with me. I'll send your answers there from now on.",
	MovedMember: "Your case **#%d** is still open. From now on it continues here: what you write goes to the team, and you'll get their answers in this chat.",
	ClaimNoRole: "Case #%d stays open for claiming: only someone who holds the team role right now can claim it.",

	// sup30: the question's own message deleted; the member unreachable.
	SummaryDeleted:      "(question deleted by the member)",
	QuestionDeletedTeam: "🗑️ The member deleted the message with the question of case #%d. I deleted the question in the case and took my copy here back.",
	ReachMovedTeam:      "📨 The member of case #%d is no longer in the previous chat with me (or I may no longer write there, or the chat is now public or no longer just between the two of us). I'll send your answers to their other direct chat with me from now on.",
	Unreachable:         "⚠️ Not sent: the member of case #%d is no longer in the chat with me (or I may no longer write there, or the chat is now public or no longer just between the two of us) and has no other direct chat with me. Your answer stays here – send it again once they get in touch; I'll say so in this thread.",
	UnreachableResolve:  "⚠️ Not resolved: the member of case #%d is no longer in the chat with me (or I may no longer write there, or the chat is now public or no longer just between the two of us) and has no other direct chat with me – the solution would not reach them. Once they get in touch (I'll say so in this thread), send `!resolve %d …` again; to close the case without a message to the member, use `!close %d`.",
	ChatPublic:          "🔓 This chat is now public: others can join it or read its history without you inviting them. So the team sends its answers not here but to another direct chat of yours with me – if you have none, they don't reach you at all. To make the chat private again (Element): room settings → “Security & Privacy” → “Access”: “Private (invite only)”; under “Who can read history?” not “Anyone”. After that, the team can answer you here again.",
}

// TextsFor returns the texts of lang (German by default).
func TextsFor(lang string) *Texts { return chat.TextsFor(lang, &German, &English) }

// HistoryTexts name a case's changes in !fall (see Texts.History).
type HistoryTexts struct {
	Opened, Claimed, Unclaimed, Assigned, Returned, Resolved, Solved string
	Reopened, ReopenedFrom, Closed, Rated, Changed, Guide            string
	// Moved (%s = the member): the case followed its member to another
	// direct chat (sup29).
	Moved string
}

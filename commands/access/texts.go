package access

import "github.com/lotse-bot/lotse/commands/chat"

// Texts are the texts of access requests. Member-side texts are
// Markdown; %s arguments are escaped by the caller. Approvals-room messages
// put member input in only as escaped plain text.
// A text with "|" has the forms "one|other" for a count (see chat.Plural).
type Texts struct {
	// Lang is the BCP 47 code.
	Lang string
	// Commands holds usage and description per command name.
	Commands map[string]chat.CommandText

	// ButtonsDone is the reason on the removed ✅/❌ of a decided request.
	ButtonsDone string
	// ErasedReason is the reason on Lotse's events in the approvals room
	// that it redacts after a member had their data erased.
	ErasedReason string
	// ExpiredReason is the reason on Lotse's events in the approvals room
	// that it redacts after their request was deleted at the end of its
	// retention period (access_retention; priv29).
	ExpiredReason string
	// NotEnabled: access requests are not set up (or this kind is off).
	NotEnabled string
	// Usage explains !zugang; UsageNextcloud and UsageBBB when only one
	// kind of request is on. HelpNextcloud and HelpBBB are the help's
	// usage line of !zugang then.
	Usage, UsageNextcloud, UsageBBB, HelpNextcloud, HelpBBB string
	// NotEnabledNextcloud, NotEnabledBBB: this kind of request is off.
	NotEnabledNextcloud, NotEnabledBBB string
	// DMOnly asks to use a direct chat (personal data).
	DMOnly string
	// AskGroup asks for the group; one line per group follows.
	AskGroup string
	// GroupUnknown: %s = what the member typed; the list follows.
	GroupUnknown string
	// AskRoom asks for the BBB room name.
	AskRoom string
	// RoomInvalid: the room name is too short or too long.
	RoomInvalid string
	// AskEmail asks for the e-mail address.
	AskEmail string
	// EmailInvalid: %s = what the member typed.
	EmailInvalid string
	// EmailSpecial: the address holds look-alike, invisible or control
	// characters, or umlauts before the @; %s = what the member typed.
	EmailSpecial string
	// AskReason asks why.
	AskReason string
	// Summary heads the summary; the lines follow.
	Summary string
	// SummaryNextcloud: %s group, %s e-mail, %s display name.
	SummaryNextcloud string
	// SummaryBBB: %s room.
	SummaryBBB string
	// SummaryReason: %s reason.
	SummaryReason string
	// ConfirmHow says how to confirm, cancel or change the name.
	ConfirmHow string
	// NameTooLong answers `name …` with a name over 64 characters
	// (maxNameRunes): %d the name's characters.
	NameTooLong string
	// NameChanged: %s = new display name.
	NameChanged string
	// Cancelled: the member cancelled the draft.
	Cancelled string
	// Filed: %d = request number.
	Filed string
	// MineEmpty / MineIntro list !anträge.
	MineEmpty, MineIntro string
	// WithdrawUsage explains !zurückziehen.
	WithdrawUsage string
	// Withdrawn: %d.
	Withdrawn string
	// NotYours: %s = number as typed; unknown or someone else's.
	NotYours string
	// NotPending: %d; only pending requests can be withdrawn.
	NotPending string
	// TooManyOpen: %d open requests (the limit reached); no new one
	// until one is decided or withdrawn.
	TooManyOpen string
	// TooManyToday: %d requests filed in the last 24 hours (the limit
	// reached), %s the fallback contact; no new one (one|other).
	TooManyToday string
	// Status labels: %s = names or reason where noted.
	StatusPending, StatusPartly, StatusApproved, StatusProvisioned, StatusFailed, StatusDenied, StatusWithdrawn string
	// Mine* label a request in the member's own list (!anträge): no
	// approver's name, no error; MineDenied is a denial without a reason
	// (a ❌ reaction).
	MineApproved, MineProvisioned, MineFailed, MineDenied string
	// KindNextcloud: %s group. KindBBB: %s room.
	KindNextcloud, KindBBB string
	// Board is the approvals-room message: %s status, %d number, %s what, %s who.
	Board string
	// BoardEmail: %s e-mail, %s display name.
	BoardEmail string
	// BoardReason: %s reason.
	BoardReason string
	// BoardHow says how to decide: %d number (used twice), %s "two approvers" note.
	BoardHow string
	// BoardTwo notes that two approvers are needed.
	BoardTwo string
	// BoardError: %s cause.
	BoardError string
	// NotApprover refuses approver commands.
	NotApprover string
	// ApprovalsRoomOnly asks approvers to use the approvals room.
	ApprovalsRoomOnly string
	// SelfApproval refuses deciding one's own request.
	SelfApproval string
	// ApproveUsage / DenyUsage explain the commands.
	ApproveUsage, DenyUsage string
	// NoSuchRequest: %s = number as typed.
	NoSuchRequest string
	// Approved: %d, %s approver. Provisioning follows.
	Approved string
	// ApprovedPartly: %d, %s approver, %d still needed (one|other, by
	// the number still needed).
	ApprovedPartly string
	// AlreadyApprovedBy: %d; this approver already approved.
	AlreadyApprovedBy string
	// Retracted: %d request, %s the approver, who took their approval
	// back by deleting their ✅ or command while the request waited for a
	// further one. RetractTooLate: %d, %s status label; the deleted
	// approval had decided the request already.
	Retracted, RetractTooLate string
	// RetractStillApproved: %d request, %s the approver, who deleted one
	// of the ✅ and `!genehmigen` they approved it by while another is
	// still there: the approval stands (left31).
	RetractStillApproved string
	// AlreadyDecided: %d, %s status label.
	AlreadyDecided string
	// RetryNow answers an approval of a request that is approved and
	// waits for a retry: %d request, %d failed attempts (one|other), %s
	// the last cause (a sentence).
	RetryNow string
	// Denied: %d, %s approver.
	Denied string
	// DeniedNoReason is the reason of a ❌ reaction.
	DeniedNoReason string
	// MemberDenied: %d, %s what, %s reason, %s the fallback contact.
	MemberDenied string
	// MemberDeniedNoReason is MemberDenied for a denial without a reason
	// (a ❌ reaction): %d, %s what, %s the fallback contact.
	MemberDeniedNoReason string
	// MemberFailed tells the member that setting up their approved
	// request failed for good (the approvers were told and can retry;
	// the member hears again when it is set up or denied): %d, %s what.
	MemberFailed string
	// MemberFailedRoomTaken is MemberFailed when another member has the
	// BBB room of this name (ErrRoomTaken): the member must ask for
	// another name, Lotse will not set this one up: %d, %s what.
	MemberFailedRoomTaken string
	// MemberFailedByHand is MemberFailed when the approvers must sort it
	// out by hand (ErrAmbiguous), without the promise that Lotse reports
	// back: approving again fails the same way: %d, %s what.
	MemberFailedByHand string
	// MemberNextcloudCreated: %d, %s user ID, %s group, %s e-mail.
	MemberNextcloudCreated string
	// MemberNextcloudExisting: %d, %s the e-mail address the member gave
	// (not the user ID of the account that existed before), %s group.
	MemberNextcloudExisting string
	// MemberNextcloudCreatedEarlier: the account was there on a retry,
	// probably created by an attempt whose answer was lost: %d, %s user
	// ID, %s group, %s e-mail.
	MemberNextcloudCreatedEarlier string
	// MemberNextcloudDisabled: the account found by the address is
	// disabled in Nextcloud (Lotse does not enable it): %d, %s the e-mail
	// address, %s group, %s fallback contact.
	MemberNextcloudDisabled string
	// DoneDisabled follows what was set up in the approvers' note when
	// the account is disabled.
	DoneDisabled string
	// MemberBBB: %d, %s room, %s join link, %s room name again (for !raum).
	// The join link is a link with a label of words („Raum betreten“):
	// its address is some 250 characters of parameters and a checksum,
	// which a screen reader read out letter by letter as the link's text
	// (a11y35); the plain body keeps the address after the label.
	MemberBBB string
	// RoomLink: %s room, %s join link, %s room name.
	RoomLink string
	// RoomUsage explains !raum.
	RoomUsage string
	// RoomNotGranted: %s room.
	RoomNotGranted string
	// RoomUnavailable: BBB did not answer (or a server error): try again
	// soon. RoomRefused: BBB refused the call, which a retry does not mend
	// (a wrong shared secret); %s room, %s the fallback contact sentence.
	RoomUnavailable, RoomRefused string
	// RoomLinkLimit: %s room, %d links in the last hour
	// (MaxRoomLinksPerHour; one|other).
	RoomLinkLimit string
	// NextStep: %s guide link or command.
	NextStep string
	// GuideCommand is the guide of NextStep without a web view: %s = the
	// title, %s = the title again (the command that opens it).
	GuideCommand string
	// DoneApprovals: %d, %s what was done (approvals room, after provisioning).
	DoneApprovals string
	// Failing: %d number, %d attempts, %s cause (a sentence), %s when
	// Lotse tries next (day and time); Lotse keeps trying (one|other, by
	// the attempts: access_notify_after may be 1). It names what the
	// approvers can do meanwhile: try again at once, or deny (acc34).
	Failing string
	// Failed: %d, %s cause; the member was told (MemberFailed); approve
	// again to retry.
	Failed string
	// DeniedUnreachable, DoneUnreachable and FailedUnreachable are
	// Denied, DoneApprovals and Failed (same arguments) when Lotse cannot
	// open a direct chat with the member: the member was not told.
	DeniedUnreachable, DoneUnreachable, FailedUnreachable string
	// MaybeCreatedFailed is added to Failed when a Nextcloud create call of
	// the request got no answer, so the account may exist (%s the
	// address); MaybeCreatedDenied tells the approvers so after a denial
	// (%d number, %s address, %s group).
	MaybeCreatedFailed, MaybeCreatedDenied string
	// MemberDeniedMaybeAccount is added to the member's MemberDenied
	// (%s their address) when such a request is denied: what it means
	// for them, without the approvers' words (left31).
	MemberDeniedMaybeAccount string
	// Err* explain provisioning errors to approvers: at most 200
	// characters (the request's last error is shown through chat.Escape,
	// which cuts the rest).
	ErrUnauthorized, ErrPasswordConfirmation, ErrForbidden, ErrRateLimited, ErrGroupMissing,
	ErrInvalidInput, ErrAmbiguous, ErrTemporary, ErrBBB, ErrNotConfigured, ErrUnknown string
	// ErrBBBDown: BigBlueButton unreachable or a server error (ErrTemporary
	// is Nextcloud's); ErrBBBChecksum: BigBlueButton refuses Lotse's
	// checksum (the shared secret is wrong); ErrBBBKey: another refusal,
	// %s = BigBlueButton's code for it.
	ErrBBBDown, ErrBBBChecksum, ErrBBBKey string
	// ErrRoomTaken: another member was granted a BBB room of this name first.
	ErrRoomTaken string
	// AuditIntro: %s = filter; AuditIntroAll: the unfiltered log;
	// AuditEmpty; AuditMore: %d.
	AuditIntro, AuditIntroAll, AuditEmpty, AuditMore string
	// AuditBadFilter: the argument of !protokoll is neither a request
	// number nor a person; %s what was typed, %s the usage.
	AuditBadFilter string
	// AuditUploaded: %d entries.
	AuditUploaded string
	// AuditFile is the export's file name: %s = the day (2026-12-31), %s = csv or json.
	AuditFile string
	// AuditActions name the stored actions of the audit log in !protokoll
	// (the export keeps the codes); AuditLotse is Lotse as the actor.
	AuditActions map[string]string
	AuditLotse   string
	// AuditCreated, AuditExisting: %s Nextcloud user ID; AuditRoom: %s
	// meeting ID — what was set up, in !protokoll.
	AuditCreated, AuditExisting, AuditRoom string
	// AuditDisabled: %s Nextcloud user ID of a disabled account.
	AuditDisabled string
	// ApproverCommands introduces approver commands in !hilfe.
	ApproverCommands string
	// RequestsDMOnly answers !anträge and !zurückziehen outside a direct
	// chat: the member's requests are shown and changed only there.
	RequestsDMOnly string
}

// German are the German texts.
var German = Texts{
	Lang: "de",
	Commands: map[string]chat.CommandText{
		"zugang":       {Usage: "!zugang nextcloud [Gruppe] | !zugang bbb <Raum>", Description: "Zugang zur Nextcloud oder einen BBB-Raum beantragen"},
		"anträge":      {Usage: "!anträge", Description: "zeigt deine Zugangsanträge"},
		"zurückziehen": {Usage: "!zurückziehen <Nr>", Description: "zieht einen offenen Antrag zurück"},
		"raum":         {Usage: "!raum <Name>", Description: "frischer Moderationslink für deinen BBB-Raum"},
		"genehmigen":   {Usage: "!genehmigen <Nr>", Description: "Antrag genehmigen (oder ✅ auf die Antragsnachricht)"},
		"ablehnen":     {Usage: "!ablehnen <Nr> <Grund>", Description: "Antrag ablehnen (oder ❌)"},
		"protokoll":    {Usage: "!protokoll [Nr|@name|export csv|export json]", Description: "Protokoll der Anträge; export lädt es als Datei hoch"},
	},
	ButtonsDone:       "Antrag entschieden",
	ErasedReason:      "Auf Wunsch des Mitglieds gelöscht (Datenschutz).",
	ExpiredReason:     "Aufbewahrungsfrist abgelaufen (Datenschutz).",
	NotEnabled:        "Zugänge zur Nextcloud oder zu BigBlueButton beantragst du hier nicht über mich.",
	Usage:             "So beantragst du einen Zugang: `!zugang nextcloud [Gruppe]` für die Nextcloud oder `!zugang bbb <Raumname/Gremium>` für einen BigBlueButton-Raum.",
	DMOnly:            "Zugänge beantragst du bitte in einem Direktchat mit mir – da geht es um deine E-Mail-Adresse.",
	AskGroup:          "Für welche Gruppe (AG oder Bezirk) brauchst du Zugang? Antworte mit der Nummer oder dem Namen:",
	GroupUnknown:      "Die Gruppe „%s“ kenne ich nicht. Diese gibt es:",
	AskRoom:           "Für welches Gremium oder welche AG soll der Raum sein? Schreib mir den Namen.",
	RoomInvalid:       "Der Raumname sollte 2 bis 64 Zeichen lang sein. Versuch es bitte noch einmal.",
	AskEmail:          "An welche E-Mail-Adresse soll die Nextcloud dir den Link schicken, mit dem du dein Passwort setzt? Hast du schon ein Nextcloud-Konto, nimm die Adresse, die dort eingetragen ist.",
	EmailInvalid:      "„%s“ sieht nicht wie eine E-Mail-Adresse aus. Bitte schreib sie so: `name@example.org`.",
	EmailSpecial:      "In „%s“ stehen Zeichen, die in E-Mail-Adressen nicht vorkommen sollten: Buchstaben aus einer anderen Schrift, die wie unsere aussehen, unsichtbare Zeichen oder Umlaute vor dem @. Bitte tipp die Adresse noch einmal von Hand, so wie sie in deinem Postfach steht.",
	AskReason:         "Wofür brauchst du den Zugang? Ein Satz reicht (z. B. „Ich mache in der AG Digitales mit“).",
	Summary:           "Bitte prüf deinen Antrag:",
	SummaryNextcloud:  "- **Nextcloud**, Gruppe **%s**\n- E-Mail: %s\n- Anzeigename: %s",
	SummaryBBB:        "- **BigBlueButton-Raum** „%s“ (du wirst Moderator:in)",
	SummaryReason:     "- Begründung: %s",
	ConfirmHow:        "Abschicken mit `ja`, abbrechen mit `nein`. Anderen Anzeigenamen: `name Vorname Nachname`.",
	NameTooLong:       "Der Anzeigename darf höchstens 64 Zeichen haben, deiner hat %d. Schreib ihn bitte kürzer: `name Vorname Nachname`. Oder schick den Antrag mit `ja` unter dem bisherigen Namen ab.",
	NameChanged:       "Anzeigename geändert: %s",
	Cancelled:         "Alles klar, ich schicke keinen Antrag ab.",
	Filed:             "Dein Antrag **#%d** ist eingereicht. 🙌 Die Genehmigenden prüfen ihn; ich melde mich hier, sobald er entschieden ist. Deine Anträge: `!anträge`, zurückziehen: `!zurückziehen <Nr>`.",
	MineEmpty:         "Du hast keine Zugangsanträge.",
	MineIntro:         "Deine Zugangsanträge:",
	WithdrawUsage:     "Welchen Antrag soll ich zurückziehen? Zum Beispiel: `!zurückziehen 3`",
	Withdrawn:         "Dein Antrag **#%d** ist zurückgezogen.",
	NotYours:          "Einen Antrag „%s“ von dir finde ich nicht. Deine Anträge zeigt `!anträge`.",
	NotPending:        "Antrag #%d ist schon entschieden und lässt sich nicht mehr zurückziehen.",
	StatusPending:     "[OFFEN]",
	StatusPartly:      "[1/2 GENEHMIGT von %s]",
	StatusApproved:    "[GENEHMIGT von %s – wird eingerichtet]",
	StatusProvisioned: "[GENEHMIGT von %s – eingerichtet]",
	StatusFailed:      "[GENEHMIGT von %s – FEHLER]",
	StatusDenied:      "[ABGELEHNT: %s]",
	StatusWithdrawn:   "[ZURÜCKGEZOGEN]",
	MineApproved:      "[GENEHMIGT – wird eingerichtet]",
	MineProvisioned:   "[GENEHMIGT – eingerichtet]",
	MineFailed:        "[GENEHMIGT – wird noch eingerichtet]",
	MineDenied:        "[ABGELEHNT]",
	KindNextcloud:     "Nextcloud, Gruppe „%s“",
	KindBBB:           "BBB-Raum „%s“",
	Board:             "%s Antrag #%d: %s\nvon %s",
	BoardEmail:        "E-Mail: %s · Anzeigename: %s",
	BoardReason:       "Begründung: %s",
	BoardHow:          "Genehmigen: ✅ oder !genehmigen %d · Ablehnen: ❌ oder !ablehnen %d <Grund>%s",
	BoardTwo:          " · braucht zwei Genehmigende",
	BoardError:        "Letzter Fehler: %s",
	NotApprover:       "Das dürfen nur Genehmigende.",
	ApprovalsRoomOnly: "Anträge entscheidet ihr bitte im Genehmigungsraum – dort ist alles verschlüsselt.",
	SelfApproval:      "Deinen eigenen Antrag kannst du nicht selbst entscheiden – das muss jemand anderes tun.",
	ApproveUsage:      "So geht es: `!genehmigen <Nr>`",
	DenyUsage:         "So geht es: `!ablehnen <Nr> <Grund>` – der Grund geht an das Mitglied.",
	NoSuchRequest:     "Einen Antrag „%s“ gibt es nicht.",
	Approved:          "✅ Antrag #%d ist genehmigt (%s). Ich richte den Zugang jetzt ein.",
	ApprovedPartly: "Antrag #%d: Genehmigung von %s vermerkt. Es fehlt noch %d weitere Genehmigung von jemand anderem.|" +
		"Antrag #%d: Genehmigung von %s vermerkt. Es fehlen noch %d weitere Genehmigungen von anderen Genehmigenden.",
	AlreadyApprovedBy: "Du hast Antrag #%d schon genehmigt – die zweite Genehmigung muss von jemand anderem kommen.",
	AlreadyDecided:    "Antrag #%d ist schon entschieden: %s",
	RetryNow: "🔁 Antrag #%d ist genehmigt, aber das Einrichten ist bisher %d-mal fehlgeschlagen. %s Ich versuche es jetzt gleich noch einmal – wenn es klappt, steht es hier im Antrag.|" +
		"🔁 Antrag #%d ist genehmigt, aber das Einrichten ist bisher %d-mal fehlgeschlagen. %s Ich versuche es jetzt gleich noch einmal – wenn es klappt, steht es hier im Antrag.",
	Retracted:            "↩️ Antrag #%d: %s hat die Genehmigung zurückgenommen.",
	RetractStillApproved: "Antrag #%d: Die Genehmigung von %s gilt weiter – ein weiteres ✅ oder `!genehmigen` dafür ist noch da. Um sie zurückzunehmen, lösch bitte auch das.",
	RetractTooLate:       "Antrag #%d ist schon entschieden (%s) – eine gelöschte Genehmigung nimmt das nicht mehr zurück. Soll der Zugang doch nicht sein, entfernt ihn bitte nach dem Einrichten von Hand.",
	Denied:               "Antrag #%d ist abgelehnt (%s). Das Mitglied wurde informiert.",
	DeniedNoReason:       "ohne Begründung (per Reaktion)",
	MemberDenied:         "Dein Antrag **#%d** (%s) wurde leider abgelehnt. Grund: %s\n\nBei Fragen: %s",
	MemberNextcloudCreated: "✅ Dein Antrag **#%d** ist genehmigt: Du hast jetzt ein Nextcloud-Konto (Benutzername `%s`) in der Gruppe **%s**. " +
		"Die Nextcloud schickt dir gleich eine E-Mail an %s mit einem Link, über den du dein Passwort setzt. Schau auch im Spam-Ordner nach. " +
		"Kommt keine, klick auf der Anmeldeseite auf „Passwort vergessen?“ und gib diese Adresse ein.",
	MemberNextcloudExisting: "✅ Dein Antrag **#%d** ist genehmigt: Dein Nextcloud-Konto (`%s`) ist jetzt in der Gruppe **%s**. Du siehst die Gruppenordner nach der nächsten Anmeldung.",
	MemberBBB: "✅ Dein Antrag **#%d** ist genehmigt: Der BigBlueButton-Raum „%s“ gehört jetzt dir.\n\nDein persönlicher Moderationslink: [Raum betreten](%s)\n\n" +
		"Der Link ist nur für dich – gib ihn nicht weiter. Der Raum öffnet sich, wenn du den Link benutzt; tritt niemand bei, schließt BigBlueButton ihn nach 5 Minuten wieder. " +
		"Einen frischen Link bekommst du jederzeit mit `!raum %s`.",
	RoomRefused: "Den Raum „%s“ kann ich gerade nicht öffnen: BigBlueButton lehnt meine Anfrage ab, und das geht nicht von selbst vorbei – " +
		"ein neuer Versuch hilft also erst, wenn jemand es behoben hat. %s",
	RoomLink:  "Dein Moderationslink für „%s“: [Raum betreten](%s)\n\nNur für dich – nicht weitergeben. Der Raum ist jetzt offen und schließt nach 5 Minuten, wenn niemand beitritt. Neuer Link: `!raum %s`.",
	RoomUsage: "Für welchen Raum? Zum Beispiel: `!raum AG Digitales`",
	RoomLinkLimit: "Für „%s“ hast du in der letzten Stunde schon %d Moderationslink bekommen – mehr gibt es in einer Stunde nicht. " +
		"Nimm bitte den letzten, solange der Raum offen ist, oder versuch es später noch einmal.|" +
		"Für „%s“ hast du in der letzten Stunde schon %d Moderationslinks bekommen – mehr gibt es in einer Stunde nicht. " +
		"Nimm bitte den letzten, solange der Raum offen ist, oder versuch es später noch einmal.",
	RoomNotGranted:  "Für den Raum „%s“ hast du (noch) keinen Zugang. Beantragen kannst du ihn mit `!zugang bbb <Raumname>`.",
	RoomUnavailable: "BigBlueButton antwortet gerade nicht. Bitte versuch es in ein paar Minuten noch einmal.",
	NextStep:        "Nächster Schritt: %s",
	GuideCommand:    "„%s“ – `!anleitung %s`",
	DoneApprovals:   "✅ Antrag #%d ist eingerichtet: %s. Das Mitglied wurde informiert.",
	Failing: "⚠️ Antrag #%d: Das Einrichten ist %d-mal fehlgeschlagen. %s Ich versuche es weiter, das nächste Mal am %s. " +
		"Ist es behoben, versucht `!genehmigen %[1]d` es sofort; soll es doch nicht eingerichtet werden: `!ablehnen %[1]d <Grund>`.|" +
		"⚠️ Antrag #%d: Das Einrichten ist %d-mal fehlgeschlagen. %s Ich versuche es weiter, das nächste Mal am %s. " +
		"Ist es behoben, versucht `!genehmigen %[1]d` es sofort; soll es doch nicht eingerichtet werden: `!ablehnen %[1]d <Grund>`.",
	Failed:            "❌ Antrag #%d konnte nicht eingerichtet werden: %s\nDas Mitglied weiß, dass es noch hakt. Nach der Behebung: `!genehmigen %[1]d` versucht es erneut.",
	DeniedUnreachable: "Antrag #%d ist abgelehnt (%s). Dem Mitglied kann ich keinen Direktchat öffnen, es weiß also noch nichts davon – bitte gebt ihm selbst Bescheid.",
	DoneUnreachable:   "✅ Antrag #%d ist eingerichtet: %s. Dem Mitglied kann ich keinen Direktchat öffnen, es weiß also noch nichts davon – bitte gebt ihm selbst Bescheid.",
	FailedUnreachable: "❌ Antrag #%d konnte nicht eingerichtet werden: %s\nDem Mitglied kann ich keinen Direktchat öffnen, es weiß also nicht, dass es noch hakt – bitte gebt ihm selbst Bescheid. " +
		"Nach der Behebung: `!genehmigen %[1]d` versucht es erneut.",
	MaybeCreatedFailed: "⚠️ Beim Einrichten ist eine Antwort der Nextcloud auf das Anlegen des Kontos verloren gegangen. Ein Konto mit der Adresse %s kann also schon bestehen, " +
		"und die Nextcloud hat dann vielleicht schon die E-Mail zum Passwortsetzen verschickt. Bevor ihr ablehnt: Schaut bitte in der Nextcloud nach (oder bittet die Admins darum).",
	MemberDeniedMaybeAccount: "ℹ️ Gut zu wissen: Beim Einrichten deines Zugangs gab es eine Störung, bevor der Antrag abgelehnt wurde. Dabei ist vielleicht schon ein Nextcloud-Konto für deine Adresse %s angelegt worden. " +
		"Falls du eine E-Mail der Nextcloud bekommen hast (etwa zum Festlegen eines Passworts): Das Team schaut nach und deaktiviert oder löscht ein solches Konto in der Regel wieder. " +
		"Du musst dafür nichts tun – speichere dort nur bitte nichts, was du behalten möchtest.",
	MaybeCreatedDenied: "⚠️ Antrag #%d ist abgelehnt, aber beim Einrichten ist eine Antwort der Nextcloud auf das Anlegen des Kontos verloren gegangen – das Konto kann also trotzdem bestehen. " +
		"Schaut bitte in der Nextcloud nach einem Konto mit der Adresse %s in der Gruppe „%s“ (oder bittet die Admins darum). Gibt es eins, deaktiviert oder löscht es, " +
		"wenn das Mitglied es nicht behalten soll: Die Nextcloud hat ihm dann wahrscheinlich schon eine E-Mail zum Passwortsetzen geschickt.",
	ErrUnauthorized:         "Die Nextcloud lehnt Lotses Zugangsdaten ab (401). Bitte das App-Passwort prüfen. Ich versuche es nicht automatisch erneut, weil der Brute-Force-Schutz der Nextcloud sonst alles ausbremst.",
	ErrPasswordConfirmation: "Die Nextcloud verlangt eine Passwortbestätigung (bekannter Fehler in Nextcloud 34 bei App-Passwörtern). Die Admins müssen das auf dem Server beheben.",
	ErrForbidden:            "Lotses Nextcloud-Konto darf das nicht (403) – es braucht Adminrechte.",
	ErrRateLimited:          "Die Nextcloud bremst Anfragen gerade (429).",
	ErrGroupMissing:         "Die Gruppe gibt es in der Nextcloud nicht. Bitte dort anlegen oder die Konfiguration korrigieren.",
	ErrInvalidInput:         "Die Nextcloud lehnt die Angaben ab (z. B. ungültige E-Mail-Adresse oder Anzeigename).",
	ErrAmbiguous:            "Mehrere Nextcloud-Konten haben diese E-Mail-Adresse. Bitte von Hand zuordnen.",
	ErrTemporary:            "Die Nextcloud ist gerade nicht erreichbar oder meldet einen Serverfehler.",
	ErrBBB:                  "BigBlueButton hat die Anfrage abgelehnt.",
	ErrBBBDown:              "BigBlueButton ist gerade nicht erreichbar oder meldet einen Serverfehler.",
	ErrBBBChecksum:          "BigBlueButton erkennt Lotse nicht: Lotses geheimes Kennwort für den Videokonferenz-Server stimmt nicht (mehr). Bitte die Admins, es neu vom Server in Lotses Einstellungen zu übernehmen.",
	ErrBBBKey:               "BigBlueButton hat die Anfrage abgelehnt (Meldung „%s“).",
	ErrNotConfigured:        "Diese Integration ist in Lotse nicht konfiguriert.",
	ErrRoomTaken:            "Einen BigBlueButton-Raum mit diesem Namen hat schon ein anderes Mitglied; mit dieser Genehmigung würde die Person dort Moderator:in. Nicht eingerichtet – bitte mit einem anderen Namen neu beantragen.",
	ErrUnknown:              "Unbekannter Fehler (Details im Log von Lotse).",
	AuditIntro:              "Protokoll %s:",
	AuditIntroAll:           "Protokoll:",
	AuditEmpty:              "Das Protokoll ist leer.",
	AuditBadFilter:          "„%s“ ist weder eine Antragsnummer noch eine gültige Matrix-ID (die sieht so aus: `@name:server`). So geht es: `%s`",
	AuditMore:               "… %d älterer Eintrag nicht angezeigt (`!protokoll export csv` lädt alles hoch).|… %d ältere Einträge nicht angezeigt (`!protokoll export csv` lädt alles hoch).",
	AuditUploaded:           "Protokoll mit %d Eintrag hochgeladen.|Protokoll mit %d Einträgen hochgeladen.",
	AuditFile:               "lotse-protokoll-%s.%s",
	ApproverCommands:        "Befehle für Genehmigende (im Genehmigungsraum):",

	// When only one kind of request is on; a retry that found the account.
	UsageNextcloud:      "So beantragst du ein Nextcloud-Konto: `!zugang nextcloud [Gruppe]`.",
	UsageBBB:            "So beantragst du einen BigBlueButton-Raum: `!zugang bbb <Raumname/Gremium>`.",
	HelpNextcloud:       "!zugang nextcloud [Gruppe]",
	HelpBBB:             "!zugang bbb <Raum>",
	NotEnabledNextcloud: "Ein Nextcloud-Konto beantragst du hier nicht über mich.",
	NotEnabledBBB:       "Einen BigBlueButton-Raum beantragst du hier nicht über mich.",
	MemberNextcloudCreatedEarlier: "✅ Dein Antrag **#%d** ist genehmigt: Dein Nextcloud-Konto (Benutzername `%s`) ist in der Gruppe **%s**. " +
		"Hattest du vorher noch kein Konto, hat dir die Nextcloud eine E-Mail an %s mit einem Link geschickt, über den du dein Passwort setzt – schau auch im Spam-Ordner nach. " +
		"Findest du sie nicht, klick auf der Anmeldeseite auf „Passwort vergessen?“ und gib diese Adresse ein.",

	// A denial without a reason (a ❌ reaction); a request that could not be set up.
	MemberDeniedNoReason: "Dein Antrag **#%d** (%s) wurde leider abgelehnt. Einen Grund haben die Genehmigenden nicht angegeben.\n\nBei Fragen: %s",
	MemberFailed: "Dein Antrag **#%d** (%s) ist genehmigt, aber beim Einrichten hakt es noch. Die Genehmigenden wissen Bescheid und kümmern sich darum. " +
		"Sobald es eingerichtet ist, melde ich mich hier. Deine Anträge: `!anträge`.",
	MemberFailedRoomTaken: "Dein Antrag **#%d** (%s) ist genehmigt, aber einen BigBlueButton-Raum mit diesem Namen hat schon ein anderes Mitglied – " +
		"deshalb kann ich ihn dir nicht einrichten. Beantrag bitte einen Raum mit einem anderen Namen: `!zugang bbb <Raum>`.",
	MemberFailedByHand: "Dein Antrag **#%d** (%s) ist genehmigt, aber ich kann ihn nicht von selbst einrichten. Die Genehmigenden wissen Bescheid und kümmern sich von Hand darum. " +
		"Deine Anträge: `!anträge`.",

	// Outside the direct chat: !anträge, !zurückziehen.
	RequestsDMOnly: "Deine Zugangsanträge zeige und ändere ich nur im Direktchat mit mir – hier lesen andere mit. Schreib mir den Befehl bitte dort.",

	// !protokoll: the stored actions and results in words.
	AuditActions: map[string]string{"requested": "beantragt", "approval": "genehmigt (erste von zwei)", "approved": "genehmigt",
		"denied": "abgelehnt", "withdrawn": "zurückgezogen", "provisioned": "eingerichtet", "error": "Fehler beim Einrichten, wird wiederholt",
		"failed": "Einrichten gescheitert", "join-link": "Moderationslink geschickt",
		"approval-void": "Genehmigung verfallen (keine Genehmigungsrolle mehr)", "setup": "Einrichten begonnen",
		"approval-retracted":   "Genehmigung zurückgenommen",
		"maybe-created":        "Antwort der Nextcloud auf das Anlegen des Kontos verloren – das Konto kann bestehen",
		"denied-maybe-created": "abgelehnt, aber das Nextcloud-Konto kann bestehen – von Hand zu prüfen",
		"retry-now":            "neuer Versuch sofort verlangt"},
	AuditLotse:    "Lotse",
	AuditCreated:  "neues Nextcloud-Konto %s",
	AuditExisting: "vorhandenes Nextcloud-Konto %s",
	AuditDisabled: "vorhandenes, deaktiviertes Nextcloud-Konto %s",
	MemberNextcloudDisabled: "Dein Antrag **#%d** ist genehmigt, und dein Nextcloud-Konto (`%s`) ist jetzt in der Gruppe **%s**. " +
		"Das Konto ist in der Nextcloud aber deaktiviert – anmelden kannst du dich damit gerade nicht. Die Genehmigenden wissen Bescheid. Bei Fragen: %s",
	DoneDisabled: "– das Konto ist in der Nextcloud deaktiviert; die Person kann sich nicht anmelden, bis es dort jemand aktiviert (wenn das passt)",
	AuditRoom:    "BBB-Raum %s",

	// The member's open requests reached MaxOpenRequests.
	TooManyToday: "Du hast in den letzten 24 Stunden schon %d Antrag gestellt – mehr nehme ich an einem Tag nicht an. Versuch es bitte morgen wieder. Wenn es eilt: %s|" +
		"Du hast in den letzten 24 Stunden schon %d Anträge gestellt – mehr nehme ich an einem Tag nicht an. Versuch es bitte morgen wieder. Wenn es eilt: %s",
	TooManyOpen: "Du hast schon %d offenen Antrag – mehr nehme ich auf einmal nicht an. Einen neuen kannst du stellen, sobald die Genehmigenden ihn entschieden haben " +
		"oder du ihn mit `!zurückziehen <Nr>` zurückziehst. Deine Anträge: `!anträge`.|Du hast schon %d offene Anträge – mehr nehme ich auf einmal nicht an. " +
		"Einen neuen kannst du stellen, sobald die Genehmigenden einen davon entschieden haben oder du einen mit `!zurückziehen <Nr>` zurückziehst. Deine Anträge: `!anträge`.",
}

// English are the English texts.
var English = Texts{
	Lang: "en",
	Commands: map[string]chat.CommandText{
		"zugang":       {Usage: "!access nextcloud [group] | !access bbb <room>", Description: "request Nextcloud access or a BBB room"},
		"anträge":      {Usage: "!requests", Description: "lists your access requests"},
		"zurückziehen": {Usage: "!withdraw <number>", Description: "withdraws a pending request"},
		"raum":         {Usage: "!room <name>", Description: "fresh moderator link for your BBB room"},
		"genehmigen":   {Usage: "!approve <number>", Description: "approve a request (or ✅ on the request message)"},
		"ablehnen":     {Usage: "!deny <number> <reason>", Description: "deny a request (or ❌)"},
		"protokoll":    {Usage: "!audit [number|@name|export csv|export json]", Description: "audit log of requests; export uploads it as a file"},
	},
	ButtonsDone:       "Request decided",
	ErasedReason:      "Deleted at the member's request (data protection).",
	ExpiredReason:     "Retention period ended (data protection).",
	NotEnabled:        "Access to Nextcloud or BigBlueButton is not requested through me here.",
	Usage:             "To request access: `!access nextcloud [group]` for Nextcloud or `!access bbb <room name/committee>` for a BigBlueButton room.",
	DMOnly:            "Please request access in a direct chat with me – it involves your e-mail address.",
	AskGroup:          "Which group (working group or district) do you need? Reply with the number or the name:",
	GroupUnknown:      "I don't know the group “%s”. These exist:",
	AskRoom:           "Which committee or working group is the room for? Send me its name.",
	RoomInvalid:       "The room name should have 2 to 64 characters. Please try again.",
	AskEmail:          "Which e-mail address should Nextcloud send the link for setting your password to? If you already have a Nextcloud account, use the address stored there.",
	EmailInvalid:      "“%s” doesn't look like an e-mail address. Please write it like `name@example.org`.",
	EmailSpecial:      "“%s” holds characters that should not be in an e-mail address: letters of another script that look like ours, invisible characters, or umlauts before the @. Please type the address again by hand, as your mailbox shows it.",
	AskReason:         "What do you need the access for? One sentence is enough (e.g. “I'm in the digital working group”).",
	Summary:           "Please check your request:",
	SummaryNextcloud:  "- **Nextcloud**, group **%s**\n- E-mail: %s\n- Display name: %s",
	SummaryBBB:        "- **BigBlueButton room** “%s” (you will be moderator)",
	SummaryReason:     "- Reason: %s",
	ConfirmHow:        "Send it with `yes`, cancel with `no`. Other display name: `name First Last`.",
	NameTooLong:       "The display name may have at most 64 characters, yours has %d. Please write it shorter: `name First Last`. Or send the request with `yes` under the name shown before.",
	NameChanged:       "Display name changed: %s",
	Cancelled:         "All right, I won't file a request.",
	Filed:             "Your request **#%d** is filed. 🙌 The approvers will review it; I'll tell you here once it is decided. Your requests: `!requests`, withdraw: `!withdraw <number>`.",
	MineEmpty:         "You have no access requests.",
	MineIntro:         "Your access requests:",
	WithdrawUsage:     "Which request shall I withdraw? For example: `!withdraw 3`",
	Withdrawn:         "Your request **#%d** is withdrawn.",
	NotYours:          "I can't find a request “%s” of yours. `!requests` lists them.",
	NotPending:        "Request #%d is already decided and can't be withdrawn.",
	StatusPending:     "[OPEN]",
	StatusPartly:      "[1/2 APPROVED by %s]",
	StatusApproved:    "[APPROVED by %s – being set up]",
	StatusProvisioned: "[APPROVED by %s – done]",
	StatusFailed:      "[APPROVED by %s – ERROR]",
	StatusDenied:      "[DENIED: %s]",
	StatusWithdrawn:   "[WITHDRAWN]",
	MineApproved:      "[APPROVED – being set up]",
	MineProvisioned:   "[APPROVED – set up]",
	MineFailed:        "[APPROVED – still being set up]",
	MineDenied:        "[DENIED]",
	KindNextcloud:     "Nextcloud, group “%s”",
	KindBBB:           "BBB room “%s”",
	Board:             "%s Request #%d: %s\nfrom %s",
	BoardEmail:        "E-mail: %s · display name: %s",
	BoardReason:       "Reason: %s",
	BoardHow:          "Approve: ✅ or !approve %d · Deny: ❌ or !deny %d <reason>%s",
	BoardTwo:          " · needs two approvers",
	BoardError:        "Last error: %s",
	NotApprover:       "Only approvers may do that.",
	ApprovalsRoomOnly: "Please decide requests in the approvals room – it is encrypted.",
	SelfApproval:      "You can't decide your own request – someone else has to.",
	ApproveUsage:      "Usage: `!approve <number>`",
	DenyUsage:         "Usage: `!deny <number> <reason>` – the reason goes to the member.",
	NoSuchRequest:     "There is no request “%s”.",
	Approved:          "✅ Request #%d is approved (%s). I'm setting up the access now.",
	ApprovedPartly: "Request #%d: approval by %s noted. It still needs %d more approval from someone else.|" +
		"Request #%d: approval by %s noted. It still needs %d more approvals from other approvers.",
	AlreadyApprovedBy: "You already approved request #%d – the second approval must come from someone else.",
	AlreadyDecided:    "Request #%d is already decided: %s",
	RetryNow: "🔁 Request #%d is approved, but setting it up has failed %d time so far. %s I'm trying again right now – when it works, you'll read it here in the request.|" +
		"🔁 Request #%d is approved, but setting it up has failed %d times so far. %s I'm trying again right now – when it works, you'll read it here in the request.",
	Retracted:            "↩️ Request #%d: %s took their approval back.",
	RetractStillApproved: "Request #%d: the approval of %s still stands – another ✅ or `!approve` for it is still there. To take it back, please delete that one too.",
	RetractTooLate:       "Request #%d is already decided (%s) – a deleted approval no longer takes that back. If the access should not be, please remove it by hand once it is set up.",
	Denied:               "Request #%d is denied (%s). The member was told.",
	DeniedNoReason:       "no reason given (by reaction)",
	MemberDenied:         "Sorry, your request **#%d** (%s) was denied. Reason: %s\n\nQuestions? %s",
	MemberNextcloudCreated: "✅ Your request **#%d** is approved: you now have a Nextcloud account (user name `%s`) in the group **%s**. " +
		"Nextcloud will send an e-mail to %s with a link to set your password. Check your spam folder too. " +
		"If none arrives, click “Forgot password?” on the login page and enter that address.",
	MemberNextcloudExisting: "✅ Your request **#%d** is approved: your Nextcloud account (`%s`) is now in the group **%s**. You'll see the group folders after your next login.",
	MemberBBB: "✅ Your request **#%d** is approved: the BigBlueButton room “%s” is yours now.\n\nYour personal moderator link: [Join the room](%s)\n\n" +
		"The link is for you only – don't pass it on. The room opens when you use the link; if nobody joins, BigBlueButton closes it after 5 minutes. " +
		"Get a fresh link any time with `!room %s`.",
	RoomRefused: "I can't open the room “%s” right now: BigBlueButton refuses my request, and that won't pass by itself – " +
		"trying again only helps once someone has fixed it. %s",
	RoomLink:  "Your moderator link for “%s”: [Join the room](%s)\n\nFor you only – don't pass it on. The room is open now and closes after 5 minutes if nobody joins. New link: `!room %s`.",
	RoomUsage: "Which room? For example: `!room AG Digitales`",
	RoomLinkLimit: "For “%s” you got %d moderator link in the last hour already – there are no more within an hour. " +
		"Please use the last one while the room is open, or try again later.|" +
		"For “%s” you got %d moderator links in the last hour already – there are no more within an hour. " +
		"Please use the last one while the room is open, or try again later.",
	RoomNotGranted:  "You don't have access to the room “%s” (yet). Request it with `!access bbb <room name>`.",
	RoomUnavailable: "BigBlueButton is not answering right now. Please try again in a few minutes.",
	NextStep:        "Next step: %s",
	GuideCommand:    "“%s” – `!guide %s`",
	DoneApprovals:   "✅ Request #%d is set up: %s. The member was told.",
	Failing: "⚠️ Request #%d: setting it up failed %d time. %s I keep trying, next on %s. " +
		"Once it's fixed, `!approve %[1]d` tries again at once; if it should not be set up after all: `!deny %[1]d <reason>`.|" +
		"⚠️ Request #%d: setting it up failed %d times. %s I keep trying, next on %s. " +
		"Once it's fixed, `!approve %[1]d` tries again at once; if it should not be set up after all: `!deny %[1]d <reason>`.",
	Failed:            "❌ Request #%d could not be set up: %s\nThe member knows it is stuck. Once fixed, `!approve %[1]d` tries again.",
	DeniedUnreachable: "Request #%d is denied (%s). I can't open a direct chat with the member, so they don't know yet – please tell them yourselves.",
	DoneUnreachable:   "✅ Request #%d is set up: %s. I can't open a direct chat with the member, so they don't know yet – please tell them yourselves.",
	FailedUnreachable: "❌ Request #%d could not be set up: %s\nI can't open a direct chat with the member, so they don't know it is stuck – please tell them yourselves. " +
		"Once fixed, `!approve %[1]d` tries again.",
	MaybeCreatedFailed: "⚠️ While setting it up, Nextcloud's answer to creating the account was lost. So an account with the address %s may exist already, " +
		"and Nextcloud may have sent the mail for setting the password. Before you deny it, please look in Nextcloud (or ask the admins to).",
	MemberDeniedMaybeAccount: "ℹ️ Good to know: something went wrong while your access was being set up, before the request was denied, and a Nextcloud account for your address %s may have been created already. " +
		"If you got an e-mail from Nextcloud (for example to set a password): the team will look and usually disable or delete such an account again. " +
		"You don't need to do anything – just please don't store anything there that you want to keep.",
	MaybeCreatedDenied: "⚠️ Request #%d is denied, but while setting it up, Nextcloud's answer to creating the account was lost – so the account may exist all the same. " +
		"Please look in Nextcloud for an account with the address %s in the group “%s” (or ask the admins to). If there is one, disable or delete it " +
		"unless the member is to keep it: Nextcloud has probably sent them the mail for setting the password already.",
	ErrUnauthorized:         "Nextcloud rejects Lotse's credentials (401). Please check the app password. I won't retry automatically: Nextcloud's brute-force protection would slow everything down.",
	ErrPasswordConfirmation: "Nextcloud demands a password confirmation (a known Nextcloud 34 bug with app passwords). The admins must fix this on the server.",
	ErrForbidden:            "Lotse's Nextcloud account may not do this (403) – it needs admin rights.",
	ErrRateLimited:          "Nextcloud is throttling requests (429).",
	ErrGroupMissing:         "The group does not exist in Nextcloud. Please create it there or fix the configuration.",
	ErrInvalidInput:         "Nextcloud rejects the data (e.g. an invalid e-mail address or display name).",
	ErrAmbiguous:            "Several Nextcloud accounts have this e-mail address. Please assign it by hand.",
	ErrTemporary:            "Nextcloud is unreachable or reports a server error.",
	ErrBBB:                  "BigBlueButton rejected the request.",
	ErrBBBDown:              "BigBlueButton is unreachable or reports a server error.",
	ErrBBBChecksum:          "BigBlueButton does not recognise Lotse: Lotse's secret password for the video-conference server is wrong (changed there?). Please ask the admins to copy it from the server into Lotse's settings.",
	ErrBBBKey:               "BigBlueButton rejected the request (message “%s”).",
	ErrNotConfigured:        "This integration is not configured in Lotse.",
	ErrRoomTaken:            "Another member already has a BigBlueButton room of this name. This approval would make the requester its moderator – so it was not set up. Please request again with another name.",
	ErrUnknown:              "Unknown error (details in Lotse's log).",
	AuditIntro:              "Audit log %s:",
	AuditIntroAll:           "Audit log:",
	AuditEmpty:              "The audit log is empty.",
	AuditBadFilter:          "“%s” is neither a request number nor a valid Matrix ID (which looks like `@name:server`). Usage: `%s`",
	AuditMore:               "… %d older entry not shown (`!audit export csv` uploads everything).|… %d older entries not shown (`!audit export csv` uploads everything).",
	AuditUploaded:           "Uploaded the audit log with %d entry.|Uploaded the audit log with %d entries.",
	AuditFile:               "lotse-audit-log-%s.%s",
	ApproverCommands:        "Approver commands (in the approvals room):",

	// When only one kind of request is on; a retry that found the account.
	UsageNextcloud:      "To request a Nextcloud account: `!access nextcloud [group]`.",
	UsageBBB:            "To request a BigBlueButton room: `!access bbb <room name/committee>`.",
	HelpNextcloud:       "!access nextcloud [group]",
	HelpBBB:             "!access bbb <room>",
	NotEnabledNextcloud: "A Nextcloud account is not requested through me here.",
	NotEnabledBBB:       "A BigBlueButton room is not requested through me here.",
	MemberNextcloudCreatedEarlier: "✅ Your request **#%d** is approved: your Nextcloud account (user name `%s`) is in the group **%s**. " +
		"If you had no account before, Nextcloud sent an e-mail to %s with a link to set your password – check your spam folder too. " +
		"If you can't find it, click “Forgot password?” on the login page and enter that address.",

	// A denial without a reason (a ❌ reaction); a request that could not be set up.
	MemberDeniedNoReason: "Sorry, your request **#%d** (%s) was denied. The approvers gave no reason.\n\nQuestions? %s",
	MemberFailed: "Your request **#%d** (%s) is approved, but setting it up is stuck. The approvers know and are on it. " +
		"I'll tell you here once it is set up. Your requests: `!requests`.",
	MemberFailedRoomTaken: "Your request **#%d** (%s) is approved, but another member already has a BigBlueButton room of this name – " +
		"so I can't set it up for you. Please request a room with another name: `!access bbb <room>`.",
	MemberFailedByHand: "Your request **#%d** (%s) is approved, but I can't set it up by myself. The approvers know and will sort it out by hand. " +
		"Your requests: `!requests`.",

	// Outside the direct chat: !anträge, !zurückziehen.
	RequestsDMOnly: "I only show and change your access requests in a direct chat with me – others read along here. Please send me the command there.",

	// !audit: the stored actions and results in words.
	AuditActions: map[string]string{"requested": "requested", "approval": "approved (first of two)", "approved": "approved",
		"denied": "denied", "withdrawn": "withdrawn", "provisioned": "set up", "error": "setting up failed, will retry",
		"failed": "setting up failed", "join-link": "moderator link sent",
		"approval-void": "approval void (no longer an approver)", "setup": "setting up started",
		"approval-retracted":   "approval taken back",
		"maybe-created":        "Nextcloud's answer to creating the account was lost – the account may exist",
		"denied-maybe-created": "denied, but the Nextcloud account may exist – to be checked by hand",
		"retry-now":            "asked to retry at once"},
	AuditLotse:    "Lotse",
	AuditCreated:  "new Nextcloud account %s",
	AuditExisting: "existing Nextcloud account %s",
	AuditDisabled: "existing, disabled Nextcloud account %s",
	MemberNextcloudDisabled: "Your request **#%d** is approved, and your Nextcloud account (`%s`) is now in the group **%s**. " +
		"But the account is disabled in Nextcloud – you can't log in with it right now. The approvers know. Questions: %s",
	DoneDisabled: "– the account is disabled in Nextcloud; the person can't log in until someone enables it there (if that is right)",
	AuditRoom:    "BBB room %s",

	// The member's open requests reached MaxOpenRequests.
	TooManyToday: "You have filed %d request in the last 24 hours already – I don't take more in one day. Please try again tomorrow. If it is urgent: %s|" +
		"You have filed %d requests in the last 24 hours already – I don't take more in one day. Please try again tomorrow. If it is urgent: %s",
	TooManyOpen: "You already have %d open request – I don't take more at once. You can file a new one once the approvers have decided it " +
		"or you withdraw it with `!withdraw <number>`. Your requests: `!requests`.|You already have %d open requests – I don't take more at once. " +
		"You can file a new one once the approvers have decided one of them or you withdraw one with `!withdraw <number>`. Your requests: `!requests`.",
}

package roundtable

import "github.com/lotse-bot/lotse/commands/chat"

// Texts are the texts of round tables (Markdown; %s arguments
// that come from users are escaped by the caller).
// A text with "|" has the forms "one|other" for a count (see chat.Plural).
type Texts struct {
	// Lang is the BCP 47 code.
	Lang string
	// Commands holds usage and description per command name.
	Commands map[string]chat.CommandText

	// Usage explains !rundertisch.
	Usage string
	// NotEnabled: no coordinators configured.
	NotEnabled string
	// NotCoordinator refuses coordinator commands.
	NotCoordinator string
	// NoRooms: no target rooms given or configured.
	NoRooms string
	// ParseError: %s = the parser's message and hint.
	ParseError string
	// BadOption: %s = the line that is wrong.
	BadOption string
	// RoomNotAllowed: a room in `Räume:` is not for announcements: %s = the room as typed.
	RoomNotAllowed string
	// TooManyCoHosts, TooManyRooms: more people in `Moderation:` or
	// rooms in `Räume:` than one round table may have: %d = the most
	// (plural forms "one|other", see chat.Plural).
	TooManyCoHosts, TooManyRooms string
	// TitleTooLong: %d = MaxTitle. DescriptionTooLong: %[1]d = the
	// description's characters, %[2]d = MaxDescription (its plural).
	TitleTooLong, DescriptionTooLong string
	// Preview heads the confirmation question: %d number, %s title.
	Preview string
	// When: %s = date and time range; Repeats: %s = recurrence; Description: %s;
	// Rooms: %d count (plural forms "one|other", see chat.Plural); Capacity: %d; CoHosts: %s.
	// The details are labelled in words („Wann:“), not by an emoji: a
	// screen reader reads an emoji by its name, and the clock face 🕖
	// the labels were, as „sieben Uhr“ before a meeting at 18:00 (a11y35).
	When, Repeats, Description, Rooms, Capacity, CoHosts string
	// Warning prefixes each parser warning.
	Warning string
	// ConfirmHow: %[1]d = number.
	ConfirmHow string
	// Announced: %d number, %d rooms (plural forms "one|other").
	// AnnouncedNoLink: the same without BigBlueButton (no links).
	Announced, AnnouncedNoLink string
	// AlreadyAnnounced: %d.
	AlreadyAnnounced string
	// NoSuch: %s = the number as typed.
	NoSuch string
	// NumberUsage: %s = command usage.
	NumberUsage string
	// NotOpen: %d; cancelled or over.
	NotOpen string
	// DraftNoMove: %d, %d; a draft (planned, not announced) cannot be
	// moved: it is cancelled and planned again.
	DraftNoMove string
	// MeetingName names the video meeting of a round table whose title is
	// too short for one (BigBlueButton wants two characters): %d.
	MeetingName string

	// PostTitle heads an announcement: %d number, %s title.
	PostTitle string
	// PostHow explains joining: %[1]d = number. It says that a ✅ (and
	// !dabei in the room) is seen by everyone in the room, and how to join
	// unseen: who comes is personal data (rt31). PostHowNoLink: the same
	// without BigBlueButton (no personal link is promised).
	PostHow, PostHowNoLink string
	// PostCancelled marks a cancelled announcement; PostMoved a rescheduled one.
	PostCancelled, PostMoved string
	// ICSLocation is the LOCATION of the calendar file; ICSLocationNoLink
	// without BigBlueButton.
	ICSLocation, ICSLocationNoLink string
	// ICSFile is the file name: %d = number.
	ICSFile string

	// Joined confirms an RSVP in the DM: %s title, %s date.
	Joined string
	// LinkLater says when the personal link comes: %d = number (to
	// withdraw; the member knows it from the announcement). LinkLaterNoLink:
	// the same without BigBlueButton.
	LinkLater, LinkLaterNoLink string
	// AlreadyJoined: %s title.
	AlreadyJoined string
	// Left confirms a withdrawal: %s title.
	Left string
	// SkippedOnce: %s title, %s the date skipped (a series continues),
	// %d number (to come after all).
	SkippedOnce string
	// NotJoined: %s title; nothing to withdraw.
	NotJoined string
	// Full: %s title.
	Full string
	// CannotSee: the member is in none of the announcement rooms.
	CannotSee string

	// Reminder: %s title, %s date.
	Reminder string
	// ReminderLink: %s = personal join link as a Markdown link destination
	// (<…>): a labelled link, not the 200-character URL on a phone screen.
	// ReminderLinkModerator: the same for the coordinator and co-hosts,
	// whose link opens the meeting with moderator rights.
	ReminderLink, ReminderLinkModerator string
	// LinkWorksFrom: %d = minutes before start the link starts working
	// ("one|other").
	LinkWorksFrom string
	// ReminderNoLink: no BBB configured.
	ReminderNoLink string
	// LinkWhenReady: BigBlueButton failed, the link follows. LinkFollows
	// introduces it: %s = title.
	LinkWhenReady, LinkFollows string
	// Late: the reminder is late because Lotse was down.
	Late string

	// Rescheduled tells attendees: %s title, %s new date, %d number (to
	// withdraw).
	Rescheduled string
	// RescheduledCoord: %d number, %s new date, %d attendees told.
	RescheduledCoord string
	// RescheduleUsage explains !verschieben.
	RescheduleUsage string
	// Cancelled tells attendees: %s title, %s date.
	Cancelled string
	// CalendarMoved and CalendarCancelled follow Rescheduled and Cancelled
	// in an attendee's direct chat, above the calendar file Lotse sends with
	// them: how to bring the change into their calendar.
	CalendarMoved, CalendarCancelled string
	// CancelledCoord: %d number, %d attendees told.
	CancelledCoord string
	// PostDeleted tells the coordinator that someone deleted an
	// announcement in its room: %[1]d number, %[2]s title.
	PostDeleted string
	// CancelConfirm asks before a round table with attendees is cancelled:
	// %[1]d number, %[2]s title, %[3]s date, %[4]d attendees ("one|other").
	CancelConfirm string
	// MoveConfirm asks before a move whose new date the parser warns
	// about (a time early in the morning, the night of a clock change, far
	// ahead): %[1]d number, %[2]s new date, %[3]s the warnings, one a line.
	MoveConfirm string
	// MeetingNotEnded comes before RescheduledCoord or CancelledCoord when the
	// video conference already created for the old date could not be ended.
	MeetingNotEnded string
	// MeetingLeftRunning goes with RescheduledCoord or CancelledCoord when
	// the occurrence's video conference is already under way: Lotse leaves
	// it to the moderators (mend31b).
	MeetingLeftRunning string

	// AttendeesIntro: %d number, %s title, %d count.
	AttendeesIntro string
	// AttendeesCapacity: %d free places.
	AttendeesCapacity string
	// AttendeesMore ends a page of !teilnehmende: %d not shown, %d
	// number, %d next page.
	AttendeesMore string
	// ListIntro introduces !rundetische; ListEmpty: none planned.
	ListIntro, ListEmpty string
	// ListRoomOnly ends !rundetische in a group room, which lists only
	// the round tables announced there.
	ListRoomOnly string
	// ListLine: %d number, %s title, %s date, %d attendees.
	ListLine string

	// Summary heads the attendance summary: %d number, %s title.
	Summary string
	// SummarySeen: %d count, %s names (from BBB; "one|other").
	SummarySeen string
	// SummaryRSVP: %d count, %s names (RSVPs; "one|other").
	SummaryRSVP string
	// SummaryGuests ends the names of SummarySeen: %d people in the meeting
	// without a personal link, e.g. by phone ("one|other").
	SummaryGuests string
	// SummaryNoRSVP: the summary's line when nobody had said yes.
	SummaryNoRSVP string
	// SummaryMore ends a list of names cut at summaryNames: %d the rest
	// ("one|other").
	SummaryMore string
	// SummaryHow: %[1]d number.
	SummaryHow string
	// FollowupUsage explains !nachbereitung.
	FollowupUsage string
	// Followup heads the follow-up message: %s title.
	Followup string
	// FollowupSent: %d recipients.
	FollowupSent string
	// Coordinators introduces coordinator commands in !hilfe.
	Coordinators string
	// AttendeesDMOnly refuses !teilnehmende outside a direct chat.
	AttendeesDMOnly string
	// AttendeesNotYours refuses !teilnehmende to a coordinator who neither
	// coordinates nor co-hosts the round table: %d number.
	AttendeesNotYours string
	// ChangedSince answers the retry of a change that another change
	// followed: %d number.
	ChangedSince string
	// TooManyMoves refuses a move beyond MaxMoves within MoveWindow:
	// %[1]d number, %[2]d the moves within it (plural forms "one|other").
	TooManyMoves string
	// TooManyFollowups refuses a follow-up beyond MaxFollowups within
	// MoveWindow: %[1]d number, %[2]d the follow-ups within it (plural
	// forms).
	TooManyFollowups string
	// StandInMoved, StandInCancelled and StandInFollowup tell a round
	// table's coordinator and co-hosts of a change someone else made:
	// %[1]s that one's name, %[2]d number, %[3]s title, %[4]s the
	// (new) date; StandInFollowup is followed by the text sent.
	StandInMoved, StandInCancelled, StandInFollowup string
	// HostsTold follows the answer to such a change.
	HostsTold string

	// RestoreHint follows CancelledCoord for the round table's coordinator,
	// and StandInCancelled for its coordinator and co-hosts who hold the
	// coordinator role (who may take the cancellation back): %d number.
	RestoreHint string
	// RestoreNotYours refuses !wiederherstellen to anyone but the round
	// table's coordinator and co-hosts: %d number. RestoreOwnCancel
	// refuses it to the co-host who cancelled it: %d number.
	RestoreNotYours, RestoreOwnCancel string
	// RestoreNotCancelled: %d, the round table is not cancelled.
	// RestoreDraft: %d, it was cancelled as a draft (never announced).
	// RestoreTooLate: %d, its start has come.
	RestoreNotCancelled, RestoreDraft, RestoreTooLate string
	// TooManyRestores refuses a restore beyond MaxMoves changes within
	// MoveWindow: %[1]d number, %[2]d the changes (plural forms).
	TooManyRestores string
	// Restored tells attendees: %[1]s title, %[2]s date, %[3]d number (to
	// withdraw). CalendarRestored follows it above the calendar file.
	Restored, CalendarRestored string
	// RestoredCoord: %[1]d number, %[2]s date, %[3]d attendees told
	// (plural forms).
	RestoredCoord string
	// StandInRestored tells the coordinator and co-hosts of a restore by
	// another of them: as StandInCancelled.
	StandInRestored string
	// PostRestored marks an announcement whose cancellation was taken back.
	PostRestored string
	// DraftAnnouncedByOther tells a draft's author and its co-hosts that
	// another coordinator announced it: %[1]s that one's name, %[2]d
	// number, %[3]s title, %[4]s date. CancelHint follows it for those who
	// hold the coordinator role: %d number.
	DraftAnnouncedByOther, CancelHint string
	// TooManyAnnounced refuses an announcement beyond MaxAnnouncedPerDay
	// of the sender's own round tables within a day; TooManyAnnouncedOf of
	// another coordinator's: %[1]d number, %[2]d announced (plural forms).
	TooManyAnnounced, TooManyAnnouncedOf string
	// TooManyDrafts refuses a new draft beyond MaxOpenDrafts: %[1]d the
	// sender's drafts whose date is ahead, %[2]s their numbers („#3,
	// #4“) (plural forms).
	TooManyDrafts string
}

// German are the German texts.
var German = Texts{
	Lang: "de",
	Commands: map[string]chat.CommandText{
		"rundetische":      {Usage: "!rundetische", Description: "zeigt die geplanten Runden Tische"},
		"dabei":            {Usage: "!dabei <Nr>", Description: "für einen Runden Tisch zusagen (oder ✅ unter die Ankündigung)"},
		"absage":           {Usage: "!absage <Nr> [diesmal]", Description: "deine Zusage zurückziehen; bei einer Reihe mit „diesmal“ nur für den nächsten Termin"},
		"rundertisch":      {Usage: "!rundertisch <Titel> am <Datum> um <Zeit> [Dauer]", Description: "Runden Tisch planen; weitere Zeilen: `Beschreibung: …`, `Räume: !raum:server …`, `Plätze: 20`, `Moderation: @name:server` (moderiert mit dir)"},
		"ankündigen":       {Usage: "!ankündigen <Nr>", Description: "geplanten Runden Tisch ankündigen (oder ✅ auf die Vorschau)"},
		"teilnehmende":     {Usage: "!teilnehmende <Nr>", Description: "wer zugesagt hat (bei Runden Tischen, die du koordinierst oder mitmoderierst)"},
		"verschieben":      {Usage: "!verschieben <Nr> <neue Zeit>", Description: "Termin verschieben, höchstens 3-mal in 24 Stunden; alle Zugesagten werden informiert – hast du ihn nicht selbst geplant, auch wer ihn geplant hat und wer mitmoderiert"},
		"absagen":          {Usage: "!absagen <Nr> [ja]", Description: "Runden Tisch absagen; alle Zugesagten werden informiert – hast du ihn nicht selbst geplant, auch wer ihn geplant hat und wer mitmoderiert (mit Zusagen fragt Lotse erst nach: `ja` bestätigt)"},
		"nachbereitung":    {Usage: "!nachbereitung <Nr> <Text>", Description: "Nachricht (z. B. Link zum Protokoll) an alle Zugesagten, höchstens 3 in 24 Stunden – hast du den Runden Tisch nicht selbst geplant, bekommen sie auch, wer ihn geplant hat und wer mitmoderiert"},
		"wiederherstellen": {Usage: "!wiederherstellen <Nr>", Description: "Absage zurücknehmen, solange der Runde Tisch noch nicht begonnen hat – nur wer ihn koordiniert oder mitmoderiert; alle Zugesagten werden informiert"},
	},
	Usage: "So geht es: `!rundertisch Digitaler Wandel im Bezirk am 3.12. um 19 Uhr 90 min`. " +
		"Weitere Zeilen (optional): `Beschreibung: …`, `Räume: !raum:server !raum2:server`, `Plätze: 20`, `Moderation: @name:server` (moderiert mit dir). " +
		"Für eine Reihe schreib z. B. „jeden Donnerstag 19 Uhr“ oder „monatlich“.",
	NotEnabled:         "Runde Tische plane ich hier nicht.",
	NotCoordinator:     "Runde Tische planen und ändern dürfen nur die Koordinator:innen.",
	NoRooms:            "Wohin soll die Ankündigung? Gib eine Zeile `Räume: !raum:server` an – es sind keine Ankündigungsräume eingestellt.",
	ParseError:         "Den Termin verstehe ich nicht: %s",
	RoomNotAllowed:     "Im Raum %s kann ich nicht ankündigen. Möglich sind die eingestellten Ankündigungsräume und Gruppenräume, in denen du und ich Mitglied sind – keine Direktchats und keine internen Räume.",
	TooManyCoHosts:     "In `Moderation:` kannst du höchstens %d Person nennen.|In `Moderation:` kannst du höchstens %d Personen nennen.",
	TooManyRooms:       "In `Räume:` kannst du höchstens %d Raum nennen. Kündige in den übrigen bitte selbst an.|In `Räume:` kannst du höchstens %d Räume nennen. Kündige in den übrigen bitte selbst an.",
	TitleTooLong:       "Der Titel ist zu lang: höchstens %d Zeichen passt in Ankündigung, Erinnerungen und Kalender. Kürze ihn bitte und schick den Befehl noch einmal.|Der Titel ist zu lang: höchstens %d Zeichen passen in Ankündigung, Erinnerungen und Kalender. Kürze ihn bitte und schick den Befehl noch einmal.",
	DescriptionTooLong: "Die Beschreibung hat %[1]d Zeichen, in die Ankündigung passt höchstens %[2]d. Kürze sie oder verlinke ein Dokument mit den Einzelheiten, dann schick den Befehl noch einmal.|Die Beschreibung hat %[1]d Zeichen, in die Ankündigung passen höchstens %[2]d. Kürze sie oder verlinke ein Dokument mit den Einzelheiten, dann schick den Befehl noch einmal.",
	BadOption:          "Die Zeile „%s“ verstehe ich nicht. Möglich sind `Beschreibung:`, `Räume:`, `Plätze:` und `Moderation:`.",
	Preview:            "**Vorschau – Runder Tisch #%d: %s**",
	When:               "**Wann:** %s",
	Repeats:            "**Wiederholung:** %s",
	Description:        "**Worum es geht:** %s",
	Rooms:              "📣 Ankündigung in %d Raum|📣 Ankündigung in %d Räumen",
	Capacity:           "**Plätze:** %d",
	CoHosts:            "**Moderation:** %s",
	Warning:            "⚠️ ",
	ConfirmHow:         "Passt alles? Dann tippe auf ✅ oder schreib `!ankündigen %[1]d`. Sonst schreib `!rundertisch …` einfach neu.",
	Announced:          "📣 Runder Tisch #%d ist angekündigt (in %d Raum). Zugesagte bekommen vorher ihren persönlichen Zugangslink.|📣 Runder Tisch #%d ist angekündigt (in %d Räumen). Zugesagte bekommen vorher ihren persönlichen Zugangslink.",
	AnnouncedNoLink:    "📣 Runder Tisch #%d ist angekündigt (in %d Raum). Zugesagte erinnere ich vorher per Direktnachricht. Einen Zugangslink verschicke ich nicht (es ist keine Videokonferenz angebunden): Den Zugang gebt ihr als Moderation bekannt.|📣 Runder Tisch #%d ist angekündigt (in %d Räumen). Zugesagte erinnere ich vorher per Direktnachricht. Einen Zugangslink verschicke ich nicht (es ist keine Videokonferenz angebunden): Den Zugang gebt ihr als Moderation bekannt.",
	AlreadyAnnounced:   "Runder Tisch #%d ist schon angekündigt.",
	NoSuch:             "Einen Runden Tisch „%s“ gibt es nicht. `!rundetische` zeigt die geplanten.",
	NumberUsage:        "Welcher Runde Tisch? So geht es: `%s`",
	NotOpen:            "Runder Tisch #%d ist abgesagt oder vorbei.",
	DraftNoMove:        "Runder Tisch #%d ist noch nicht angekündigt, nur geplant. Sag den Entwurf mit `!absagen %d` ab und plan ihn mit der neuen Zeit noch einmal mit `!rundertisch`.",
	MeetingName:        "Runder Tisch #%d",

	PostTitle:         "📅 **Runder Tisch #%d: %s**",
	PostHow:           "**Mitmachen:** Tippe auf ✅ oder schreib `!dabei %[1]d` – beides sehen alle hier im Raum. Ohne dass es andere sehen: schreib mir `!dabei %[1]d` im Direktchat.  \nAbsagen: noch einmal auf ✅ tippen oder `!absage %[1]d`.  \nDeinen persönlichen Zugangslink schicke ich dir vorher per Direktnachricht, die Kalenderdatei (.ics) folgt unter dieser Nachricht.",
	PostHowNoLink:     "**Mitmachen:** Tippe auf ✅ oder schreib `!dabei %[1]d` – beides sehen alle hier im Raum. Ohne dass es andere sehen: schreib mir `!dabei %[1]d` im Direktchat.  \nAbsagen: noch einmal auf ✅ tippen oder `!absage %[1]d`.  \nVor Beginn erinnere ich dich per Direktnachricht, den Zugang bekommst du von der Moderation. Die Kalenderdatei (.ics) folgt unter dieser Nachricht.",
	PostCancelled:     "❌ **ABGESAGT**",
	PostMoved:         "🔀 **Verschoben** – neuer Termin oben.",
	ICSLocation:       "BigBlueButton (Zugangslink kommt per Direktnachricht)",
	ICSLocationNoLink: "Zugang von der Moderation",
	ICSFile:           "runder-tisch-%d.ics",

	Joined:          "✅ Du bist beim Runden Tisch „%s“ dabei: %s.",
	LinkLater:       "Deinen persönlichen Zugangslink schicke ich dir vor Beginn hier. Absagen kannst du jederzeit mit `!absage %d`.",
	LinkLaterNoLink: "Vor Beginn erinnere ich dich hier; den Zugang bekommst du von der Moderation. Absagen kannst du jederzeit mit `!absage %d`.",
	AlreadyJoined:   "Du bist beim Runden Tisch „%s“ schon dabei.",
	Left:            "Schade! Ich habe deine Zusage für „%s“ zurückgezogen.",
	NotJoined:       "Du warst für „%s“ nicht angemeldet.",
	SkippedOnce:     "Alles klar: Beim Runden Tisch „%s“ am %s bist du nicht dabei, dafür bekommst du keine Erinnerung und keinen Link. Zu den weiteren Terminen der Reihe erinnere ich dich wie gewohnt. (Doch dabei? Schreib `!dabei %d`.)",
	Full:            "Der Runde Tisch „%s“ ist leider schon voll.",
	CannotSee:       "Diesen Runden Tisch finde ich in keinem deiner Räume.",

	Reminder:              "⏰ **Erinnerung: Runder Tisch „%s“** – %s.",
	ReminderLink:          "👉 [Zur Videokonferenz](%s) – dein persönlicher Zugangslink, gib ihn bitte nicht weiter.",
	ReminderLinkModerator: "👉 [Zur Videokonferenz (Moderation)](%s) – dein persönlicher Zugangslink mit Moderationsrechten, gib ihn bitte nicht weiter.",
	LinkWorksFrom:         "Der Link funktioniert ab etwa %d Minute vor Beginn.|Der Link funktioniert ab etwa %d Minuten vor Beginn.",
	ReminderNoLink:        "Den Zugang bekommst du von der Moderation.",
	LinkWhenReady:         "Die Videokonferenz ist gerade nicht erreichbar – deinen persönlichen Link schicke ich dir, sobald sie bereit ist.",
	LinkFollows:           "🔗 Die Videokonferenz zum Runden Tisch „%s“ ist jetzt bereit.",
	Late:                  "_Diese Erinnerung kommt verspätet, weil ich kurz nicht erreichbar war._",

	Rescheduled:        "🔀 Der Runde Tisch „%s“ ist verschoben auf **%s**. Deine Zusage gilt weiter, absagen mit `!absage %d`.",
	RescheduledCoord:   "🔀 Runder Tisch #%d ist verschoben auf %s. %d Zugesagte ist informiert, die Ankündigungen aktualisiert.|🔀 Runder Tisch #%d ist verschoben auf %s. %d Zugesagte sind informiert, die Ankündigungen aktualisiert.",
	CancelConfirm:      "❓ **Runder Tisch #%[1]d „%[2]s“ am %[3]s absagen?**\n\n%[4]d Person hat zugesagt und bekommt Bescheid, die Ankündigungen werden als abgesagt markiert. Zurücknehmen kann die Absage bis zum Beginn, wer ihn koordiniert, oder jemand anderes aus der Moderation (`!wiederherstellen %[1]d`) – die Nachricht über die Absage haben dann aber alle schon bekommen.\n\nWenn du sicher bist: `!absagen %[1]d ja`  \nNur deine eigene Zusage zurückziehen: `!absage %[1]d`|❓ **Runder Tisch #%[1]d „%[2]s“ am %[3]s absagen?**\n\n%[4]d Personen haben zugesagt und bekommen Bescheid, die Ankündigungen werden als abgesagt markiert. Zurücknehmen kann die Absage bis zum Beginn, wer ihn koordiniert, oder jemand anderes aus der Moderation (`!wiederherstellen %[1]d`) – die Nachricht über die Absage haben dann aber alle schon bekommen.\n\nWenn du sicher bist: `!absagen %[1]d ja`  \nNur deine eigene Zusage zurückziehen: `!absage %[1]d`",
	MoveConfirm:        "❓ **Runder Tisch #%[1]d wirklich auf %[2]s verschieben?**\n\n%[3]s\n\nNoch ist nichts verschoben und niemand benachrichtigt. Stimmt der Termin so, schick denselben Befehl noch einmal mit „ja“ am Ende; sonst schreib die Zeit genauer, z. B. `!verschieben %[1]d 10.12. 19:00`.",
	MeetingLeftRunning: "ℹ️ Die Videokonferenz läuft schon, ich habe sie offen gelassen: Wer gerade teilnimmt, bleibt drin, und wer den Link hat, kommt noch hinein. Seid ihr fertig, beendet sie bitte als Moderation selbst („Konferenz beenden“).",
	MeetingNotEnded:    "⚠️ Die bisherige Videokonferenz konnte ich gerade nicht beenden. Wer den Link schon hat, kommt noch hinein – beende sie bitte selbst („Konferenz beenden“).",
	RescheduleUsage:    "So geht es: `!verschieben <Nr> <neue Zeit>`, z. B. `!verschieben 3 10.12. 19 Uhr` – nur die Uhrzeit am selben Tag: `!verschieben 3 20 Uhr`.",
	Cancelled:          "❌ Der Runde Tisch „%s“ am %s ist leider abgesagt.",
	CalendarMoved:      "📅 Steht er in deinem Kalender? Tippe auf die Kalenderdatei unter dieser Nachricht. Zeigt dein Kalender danach noch den alten Termin, lösch ihn dort.",
	CalendarCancelled:  "📅 Steht er in deinem Kalender? Tippe auf die Kalenderdatei unter dieser Nachricht. Zeigt dein Kalender den Termin danach noch, lösch ihn dort.",
	PostDeleted:        "🗑️ Jemand hat eine Ankündigung deines Runden Tischs #%[1]d „%[2]s“ in ihrem Raum gelöscht.\n\nDer Runde Tisch bleibt bestehen, alle Zusagen gelten weiter. Diese Ankündigung bearbeite ich nicht mehr, ein neues ✅ darunter zählt nicht; zusagen geht mit `!dabei %[1]d`. Soll er nicht stattfinden: `!absagen %[1]d`.",
	CancelledCoord:     "❌ Runder Tisch #%d ist abgesagt. %d Zugesagte ist informiert, die Ankündigungen aktualisiert.|❌ Runder Tisch #%d ist abgesagt. %d Zugesagte sind informiert, die Ankündigungen aktualisiert.",

	AttendeesIntro:    "Runder Tisch #%d „%s“: %d Zusage|Runder Tisch #%d „%s“: %d Zusagen",
	AttendeesCapacity: "Noch %d Platz frei.|Noch %d Plätze frei.",
	AttendeesMore:     "… %d weitere Zusage: `!teilnehmende %d %d`|… %d weitere Zusagen: `!teilnehmende %d %d`",
	ListIntro:         "Geplante Runde Tische:",
	ListEmpty:         "Gerade ist kein Runder Tisch geplant.",
	ListRoomOnly:      "_Hier zeige ich nur die Runden Tische dieses Raums. Alle, zu denen du eingeladen bist: schreib mir `!rundetische` im Direktchat._",
	ListLine:          "- **#%d** %s – %s (%d Zusage)|- **#%d** %s – %s (%d Zusagen)",

	Summary:       "📋 **Runder Tisch #%d „%s“ ist vorbei.**",
	SummarySeen:   "In der Videokonferenz war %d Person: %s|In der Videokonferenz waren %d Personen: %s",
	SummaryRSVP:   "Zugesagt hatte %d Person: %s|Zugesagt hatten %d Personen: %s",
	SummaryGuests: "%d ohne persönlichen Link (z. B. per Telefon)|%d ohne persönlichen Link (z. B. per Telefon)",
	SummaryNoRSVP: "Zugesagt hatte niemand.",
	SummaryMore:   "und %d weitere Person|und %d weitere Personen",
	SummaryHow:    "Nachricht an alle Zugesagten (z. B. Link zum Protokoll): `!nachbereitung %[1]d <Text>`",
	FollowupUsage: "So geht es: `!nachbereitung <Nr> <Text>`",
	Followup:      "📝 **Nachbereitung zum Runden Tisch „%s“:**",
	FollowupSent:  "Gesendet an %d Person.|Gesendet an %d Personen.",
	Coordinators:  "Befehle für Koordinator:innen:",

	AttendeesDMOnly:   "Wer zugesagt hat, zeige ich nur im Direktchat mit mir – hier würden alle die Liste lesen. Schreib mir dort `!teilnehmende <Nr>`.",
	AttendeesNotYours: "Wer für den Runden Tisch #%d zugesagt hat, zeige ich nur der Person, die ihn koordiniert, und der Moderation – die Namen sind persönliche Daten. Wie viele es sind, steht in `!rundetische`.",
	ChangedSince:      "Deine Änderung am Runden Tisch #%d ist gespeichert, danach kam aber schon eine weitere Änderung – die Zugesagten haben die neueste bekommen. Deine wiederhole ich deshalb nicht; ob und wann er stattfindet, steht in der Ankündigung.",
	TooManyMoves: "Runder Tisch #%[1]d ist in den letzten 24 Stunden schon verschoben worden, und alle Zugesagten haben eine Nachricht bekommen. Noch einmal verschieben geht erst später wieder. Kann es nicht warten: `!absagen %[1]d` und neu planen.|" +
		"Runder Tisch #%[1]d ist in den letzten 24 Stunden schon %[2]d-mal verschoben worden, und jedes Mal haben alle Zugesagten eine Nachricht bekommen. Noch einmal verschieben geht erst später wieder. Kann es nicht warten: `!absagen %[1]d` und neu planen.",
	TooManyFollowups: "An die Zugesagten des Runden Tischs #%[1]d ist in den letzten 24 Stunden schon eine Nachbereitung gegangen. Die nächste geht erst später wieder – fass bitte zusammen, was noch fehlt.|" +
		"An die Zugesagten des Runden Tischs #%[1]d sind in den letzten 24 Stunden schon %[2]d Nachbereitungen gegangen. Die nächste geht erst später wieder – fass bitte zusammen, was noch fehlt.",
	StandInMoved:     "🔀 **%[1]s** hat den Runden Tisch #%[2]d „%[3]s“ verschoben auf **%[4]s**. Die Zugesagten und die Ankündigungen sind informiert. War das nicht mit dir abgesprochen, frag bitte nach oder sag dem Team Bescheid.",
	StandInCancelled: "❌ **%[1]s** hat den Runden Tisch #%[2]d „%[3]s“ am %[4]s abgesagt. Die Zugesagten und die Ankündigungen sind informiert. War das nicht mit dir abgesprochen, frag bitte nach oder sag dem Team Bescheid.",
	StandInFollowup:  "📝 **%[1]s** hat allen Zugesagten des Runden Tischs #%[2]d „%[3]s“ diese Nachbereitung geschickt:",
	HostsTold:        "Wer diesen Runden Tisch koordiniert oder mitmoderiert, hat davon eine Nachricht von mir bekommen.",

	RestoreHint:         "Zurücknehmen kannst du die Absage bis zum Beginn mit `!wiederherstellen %d`.",
	RestoreNotYours:     "Runder Tisch #%d lässt sich nur von der Person wiederherstellen, die ihn koordiniert, oder von der Moderation.",
	RestoreOwnCancel:    "Du hast Runden Tisch #%d selbst abgesagt. Zurücknehmen kann die Absage nur, wer ihn koordiniert, oder jemand anderes aus der Moderation – sie haben von mir eine Nachricht dazu bekommen.",
	RestoreNotCancelled: "Runder Tisch #%d ist nicht abgesagt.",
	RestoreDraft:        "Runder Tisch #%d war nur geplant und nie angekündigt. Plan ihn mit `!rundertisch` neu.",
	RestoreTooLate:      "Runder Tisch #%d hätte schon begonnen – zurücknehmen lässt sich eine Absage nur vor dem Beginn. Plan ihn mit `!rundertisch` neu.",
	TooManyRestores: "Runder Tisch #%[1]d wurde in den letzten 24 Stunden schon geändert, und alle Zugesagten haben jedes Mal eine Nachricht bekommen. Wiederherstellen kannst du ihn später.|" +
		"Runder Tisch #%[1]d wurde in den letzten 24 Stunden schon %[2]d-mal geändert, und alle Zugesagten haben jedes Mal eine Nachricht bekommen. Wiederherstellen kannst du ihn später.",
	Restored:              "✅ Der Runde Tisch „%[1]s“ am **%[2]s** findet doch statt – die Absage ist zurückgenommen. Deine Zusage gilt weiter, absagen mit `!absage %[3]d`.",
	CalendarRestored:      "📅 Hast du ihn aus deinem Kalender gelöscht? Tippe auf die Kalenderdatei unter dieser Nachricht. Zeigt dein Kalender ihn danach noch als abgesagt, trag ihn dort neu ein.",
	RestoredCoord:         "✅ Runder Tisch #%[1]d findet doch statt (%[2]s). %[3]d Zugesagte ist informiert, die Ankündigungen aktualisiert.|✅ Runder Tisch #%[1]d findet doch statt (%[2]s). %[3]d Zugesagte sind informiert, die Ankündigungen aktualisiert.",
	StandInRestored:       "✅ **%[1]s** hat die Absage des Runden Tischs #%[2]d „%[3]s“ am %[4]s zurückgenommen: Er findet doch statt. Die Zugesagten und die Ankündigungen sind informiert. War das nicht mit dir abgesprochen, frag bitte nach oder sag dem Team Bescheid.",
	PostRestored:          "✅ **Findet doch statt** – die Absage ist zurückgenommen.",
	DraftAnnouncedByOther: "📣 **%[1]s** hat den Runden Tisch #%[2]d „%[3]s“ (%[4]s) angekündigt – bisher war er ein Entwurf. War das nicht mit dir abgesprochen, frag bitte nach oder sag dem Team Bescheid.",
	CancelHint:            "Absagen kannst du ihn mit `!absagen %d`.",
	TooManyAnnounced: "Du hast in den letzten 24 Stunden schon %[2]d Runden Tisch angekündigt. Der Entwurf #%[1]d bleibt gespeichert: Kündige ihn später mit `!ankündigen %[1]d` an. Warst du das nicht, sag bitte sofort dem Team Bescheid.|" +
		"Du hast in den letzten 24 Stunden schon %[2]d Runde Tische angekündigt – mehr, als ein Tag braucht. Der Entwurf #%[1]d bleibt gespeichert: Kündige ihn später mit `!ankündigen %[1]d` an. Warst du das nicht, sag bitte sofort dem Team Bescheid.",
	TooManyAnnouncedOf: "Von der Person, die Runden Tisch #%[1]d geplant hat, ist in den letzten 24 Stunden schon %[2]d Runder Tisch angekündigt worden. Der Entwurf bleibt gespeichert: Kündige ihn später mit `!ankündigen %[1]d` an.|" +
		"Von der Person, die Runden Tisch #%[1]d geplant hat, sind in den letzten 24 Stunden schon %[2]d Runde Tische angekündigt worden – mehr, als ein Tag braucht. Der Entwurf bleibt gespeichert: Kündige ihn später mit `!ankündigen %[1]d` an.",
	TooManyDrafts: "Du hast schon %[1]d geplanten Runden Tisch, der noch nicht angekündigt ist (%[2]s) – mehr Entwürfe hebe ich nicht auf einmal auf. Kündige ihn mit `!ankündigen <Nr>` an oder sag den Entwurf mit `!absagen <Nr>` ab, dann schick deinen Befehl noch einmal.|" +
		"Du hast schon %[1]d geplante Runde Tische, die noch nicht angekündigt sind (%[2]s) – mehr Entwürfe hebe ich nicht auf einmal auf. Kündige einen davon mit `!ankündigen <Nr>` an oder sag einen Entwurf mit `!absagen <Nr>` ab, dann schick deinen Befehl noch einmal.",
}

// English are the English texts.
var English = Texts{
	Lang: "en",
	Commands: map[string]chat.CommandText{
		"rundetische":      {Usage: "!roundtables", Description: "lists the planned round tables"},
		"dabei":            {Usage: "!join <number>", Description: "join a round table (or ✅ under the announcement)"},
		"absage":           {Usage: "!leave <number> [once]", Description: "withdraw from a round table; for a series with “once” only from the next date"},
		"rundertisch":      {Usage: "!roundtable <title> on <date> at <time> [duration]", Description: "plan a round table; more lines: `description: …`, `rooms: !room:server …`, `capacity: 20`, `cohosts: @name:server` (hosts it with you)"},
		"ankündigen":       {Usage: "!announce <number>", Description: "announce a planned round table (or ✅ on the preview)"},
		"teilnehmende":     {Usage: "!attendees <number>", Description: "who joined (round tables you coordinate or co-host)"},
		"verschieben":      {Usage: "!reschedule <number> <new time>", Description: "move a round table, at most 3 times in 24 hours; everyone who joined is told – if you did not plan it yourself, also whoever planned it and its co-hosts"},
		"absagen":          {Usage: "!cancel <number> [yes]", Description: "cancel a round table; everyone who joined is told – if you did not plan it yourself, also whoever planned it and its co-hosts (with RSVPs Lotse asks first: `yes` confirms)"},
		"nachbereitung":    {Usage: "!followup <number> <text>", Description: "message (e.g. a link to the notes) to everyone who joined, at most 3 in 24 hours – if you did not plan the round table yourself, whoever planned it and its co-hosts get it too"},
		"wiederherstellen": {Usage: "!restore <number>", Description: "take a cancellation back while the round table has not begun – only its coordinator and co-hosts; everyone who joined is told"},
	},
	Usage: "Usage: `!roundtable Digital change on 3 Dec at 7 pm 90 min` (or `December 3 at 19:00`, `tomorrow at 7 pm`, `next Tuesday 18:30`). " +
		"More lines (optional): `description: …`, `rooms: !room:server !room2:server`, `capacity: 20`, `cohosts: @name:server`. " +
		"For a series write e.g. `every Thursday at 7 pm`, `every 2 weeks`, `every 2nd Tuesday of the month` or `monthly`.",
	NotEnabled:         "I don't plan round tables here.",
	NotCoordinator:     "Only coordinators may plan and change round tables.",
	NoRooms:            "Where shall I announce it? Add a line `rooms: !room:server` – no announcement rooms are configured.",
	ParseError:         "I don't understand the date: %s",
	RoomNotAllowed:     "I can't announce in the room %s. Possible are the configured announcement rooms and group rooms you and I are both in – no direct chats and no internal rooms.",
	TooManyCoHosts:     "You can name at most %d person in `cohosts:`.|You can name at most %d people in `cohosts:`.",
	TooManyRooms:       "You can name at most %d room in `rooms:`. Please announce in the others yourself.|You can name at most %d rooms in `rooms:`. Please announce in the others yourself.",
	TitleTooLong:       "The title is too long: at most %d character fits the announcement, the reminders and the calendar. Please shorten it and send the command again.|The title is too long: at most %d characters fit the announcement, the reminders and the calendar. Please shorten it and send the command again.",
	DescriptionTooLong: "The description has %[1]d characters; at most %[2]d fits the announcement. Shorten it or link a document with the details, then send the command again.|The description has %[1]d characters; at most %[2]d fit the announcement. Shorten it or link a document with the details, then send the command again.",
	BadOption:          "I don't understand the line “%s”. Possible are `description:`, `rooms:`, `capacity:` and `cohosts:`.",
	Preview:            "**Preview – round table #%d: %s**",
	When:               "**When:** %s",
	Repeats:            "**Repeats:** %s",
	Description:        "**About:** %s",
	Rooms:              "📣 Announced in %d room|📣 Announced in %d rooms",
	Capacity:           "**Places:** %d",
	CoHosts:            "**Co-hosts:** %s",
	Warning:            "⚠️ ",
	ConfirmHow:         "All fine? Tap ✅ or send `!announce %[1]d`. Otherwise just send `!roundtable …` again.",
	Announced:          "📣 Round table #%d is announced (in %d room). Attendees get their personal link beforehand.|📣 Round table #%d is announced (in %d rooms). Attendees get their personal link beforehand.",
	AnnouncedNoLink:    "📣 Round table #%d is announced (in %d room). I'll remind attendees by direct message beforehand. I send no link (no video conference is connected): you as moderators tell them how to get in.|📣 Round table #%d is announced (in %d rooms). I'll remind attendees by direct message beforehand. I send no link (no video conference is connected): you as moderators tell them how to get in.",
	AlreadyAnnounced:   "Round table #%d is already announced.",
	NoSuch:             "There is no round table “%s”. `!roundtables` lists the planned ones.",
	NumberUsage:        "Which round table? Usage: `%s`",
	NotOpen:            "Round table #%d is cancelled or over.",
	DraftNoMove:        "Round table #%d is only planned, not announced yet. Cancel the draft with `!cancel %d` and plan it again with the new time using `!roundtable`.",
	MeetingName:        "Round table #%d",

	PostTitle:         "📅 **Round table #%d: %s**",
	PostHow:           "**Join:** tap ✅ or send `!join %[1]d` – everyone in this room sees either. To join without others seeing it: send me `!join %[1]d` in a direct chat.  \nWithdraw: tap ✅ again or send `!leave %[1]d`.  \nI'll send you your personal link by direct message beforehand; the calendar file (.ics) follows below this message.",
	PostHowNoLink:     "**Join:** tap ✅ or send `!join %[1]d` – everyone in this room sees either. To join without others seeing it: send me `!join %[1]d` in a direct chat.  \nWithdraw: tap ✅ again or send `!leave %[1]d`.  \nI'll remind you by direct message beforehand; the moderators will give you access. The calendar file (.ics) follows below this message.",
	PostCancelled:     "❌ **CANCELLED**",
	PostMoved:         "🔀 **Rescheduled** – new date above.",
	ICSLocation:       "BigBlueButton (link by direct message)",
	ICSLocationNoLink: "Access from the moderators",
	ICSFile:           "round-table-%d.ics",

	Joined:          "✅ You joined the round table “%s”: %s.",
	LinkLater:       "I'll send your personal link here before it starts. Withdraw any time with `!leave %d`.",
	LinkLaterNoLink: "I'll remind you here before it starts; the moderators will give you access. Withdraw any time with `!leave %d`.",
	AlreadyJoined:   "You already joined the round table “%s”.",
	Left:            "Too bad! I withdrew your RSVP for “%s”.",
	NotJoined:       "You had not joined “%s”.",
	SkippedOnce:     "Got it: you will miss the round table “%s” on %s, so no reminder and no link for that date. I will remind you of the later dates of the series as usual. (Coming after all? Write `!join %d`.)",
	Full:            "Sorry, the round table “%s” is full.",
	CannotSee:       "I can't find this round table in any of your rooms.",

	Reminder:              "⏰ **Reminder: round table “%s”** – %s.",
	ReminderLink:          "👉 [Join the video conference](%s) – your personal link, please don't share it.",
	ReminderLinkModerator: "👉 [Join the video conference (moderator)](%s) – your personal link with moderator rights, please don't share it.",
	LinkWorksFrom:         "The link works from about %d minute before the start.|The link works from about %d minutes before the start.",
	ReminderNoLink:        "The moderators will give you access.",
	LinkWhenReady:         "The video conference can't be reached right now – I'll send you your personal link as soon as it's ready.",
	LinkFollows:           "🔗 The video conference for the round table “%s” is ready now.",
	Late:                  "_This reminder is late because I was briefly unavailable._",

	Rescheduled:        "🔀 The round table “%s” moved to **%s**. Your RSVP still stands; withdraw with `!leave %d`.",
	RescheduledCoord:   "🔀 Round table #%d moved to %s. %d attendee was told, the announcements updated.|🔀 Round table #%d moved to %s. %d attendees were told, the announcements updated.",
	CancelConfirm:      "❓ **Cancel round table #%[1]d “%[2]s” on %[3]s?**\n\n%[4]d person joined and will be told, the announcements will be marked as cancelled. Its coordinator or another co-host can take the cancellation back until the start (`!restore %[1]d`) – but everyone will have got the cancellation by then.\n\nIf you're sure: `!cancel %[1]d yes`  \nTo withdraw only your own RSVP: `!leave %[1]d`|❓ **Cancel round table #%[1]d “%[2]s” on %[3]s?**\n\n%[4]d people joined and will be told, the announcements will be marked as cancelled. Its coordinator or another co-host can take the cancellation back until the start (`!restore %[1]d`) – but everyone will have got the cancellation by then.\n\nIf you're sure: `!cancel %[1]d yes`  \nTo withdraw only your own RSVP: `!leave %[1]d`",
	MoveConfirm:        "❓ **Really move round table #%[1]d to %[2]s?**\n\n%[3]s\n\nNothing is moved and nobody told yet. If the date is right, send the same command again with “yes” at the end; otherwise write the time more exactly, e.g. `!reschedule %[1]d 10 Dec at 7 pm`.",
	MeetingLeftRunning: "ℹ️ The video conference is already under way, so I left it open: whoever is in it stays, and whoever has the link can still get in. When you're done, please end it yourself as a moderator (“End meeting”).",
	MeetingNotEnded:    "⚠️ I couldn't end the video conference that was already open just now. Whoever has the link can still get in – please end it yourself (“End meeting”).",
	RescheduleUsage:    "Usage: `!reschedule <number> <new time>`, e.g. `!reschedule 3 10 Dec at 7 pm` – only the time on the same day: `!reschedule 3 at 8 pm`.",
	Cancelled:          "❌ Sorry, the round table “%s” on %s is cancelled.",
	CalendarMoved:      "📅 Is it in your calendar? Tap the calendar file below this message. If your calendar still shows the old date afterwards, delete it there.",
	CalendarCancelled:  "📅 Is it in your calendar? Tap the calendar file below this message. If your calendar still shows the date afterwards, delete it there.",
	PostDeleted:        "🗑️ Someone deleted an announcement of your round table #%[1]d “%[2]s” in its room.\n\nThe round table stays, all RSVPs still count. I no longer edit that announcement, a new ✅ under it doesn't count; people can join with `!join %[1]d`. If it should not take place: `!cancel %[1]d`.",
	CancelledCoord:     "❌ Round table #%d is cancelled. %d attendee was told, the announcements updated.|❌ Round table #%d is cancelled. %d attendees were told, the announcements updated.",

	AttendeesIntro:    "Round table #%d “%s”: %d attendee|Round table #%d “%s”: %d attendees",
	AttendeesCapacity: "%d place left.|%d places left.",
	AttendeesMore:     "… %d more attendee: `!attendees %d %d`|… %d more attendees: `!attendees %d %d`",
	ListIntro:         "Planned round tables:",
	ListEmpty:         "No round table is planned right now.",
	ListRoomOnly:      "_Here I only show this room's round tables. For all you're invited to, send me `!roundtables` in a direct chat._",
	ListLine:          "- **#%d** %s – %s (%d attendee)|- **#%d** %s – %s (%d attendees)",

	Summary:       "📋 **Round table #%d “%s” is over.**",
	SummarySeen:   "%d person was in the video conference: %s|%d people were in the video conference: %s",
	SummaryRSVP:   "%d RSVP: %s|%d RSVPs: %s",
	SummaryGuests: "%d without a personal link (e.g. by phone)|%d without a personal link (e.g. by phone)",
	SummaryNoRSVP: "Nobody had RSVPed.",
	SummaryMore:   "and %d more person|and %d more people",
	SummaryHow:    "Message everyone who joined (e.g. a link to the notes): `!followup %[1]d <text>`",
	FollowupUsage: "Usage: `!followup <number> <text>`",
	Followup:      "📝 **Follow-up to the round table “%s”:**",
	FollowupSent:  "Sent to %d person.|Sent to %d people.",
	Coordinators:  "Commands for coordinators:",

	AttendeesDMOnly:   "I show who joined only in a direct chat with me – here everyone would read the list. Send me `!attendees <number>` there.",
	AttendeesNotYours: "I show who joined round table #%d only to its coordinator and co-hosts – names are personal data. How many joined is shown in `!roundtables`.",
	ChangedSince:      "Your change to round table #%d is saved, but another change came after it – attendees got the latest one. So I won't repeat yours; the announcement shows whether and when it takes place.",
	TooManyMoves: "Round table #%[1]d was already moved in the last 24 hours, and every attendee got a message. You can move it again later. If it can't wait: `!cancel %[1]d` and plan it anew.|" +
		"Round table #%[1]d was already moved %[2]d times in the last 24 hours, and every attendee got a message each time. You can move it again later. If it can't wait: `!cancel %[1]d` and plan it anew.",
	TooManyFollowups: "Round table #%[1]d's attendees already got a follow-up in the last 24 hours. The next one can go out later – please put what's missing together.|" +
		"Round table #%[1]d's attendees already got %[2]d follow-ups in the last 24 hours. The next one can go out later – please put what's missing together.",
	StandInMoved:     "🔀 **%[1]s** moved the round table #%[2]d “%[3]s” to **%[4]s**. Attendees and announcements are updated. If this wasn't agreed with you, please ask them or tell the team.",
	StandInCancelled: "❌ **%[1]s** cancelled the round table #%[2]d “%[3]s” on %[4]s. Attendees and announcements are updated. If this wasn't agreed with you, please ask them or tell the team.",
	StandInFollowup:  "📝 **%[1]s** sent this follow-up to everyone who joined the round table #%[2]d “%[3]s”:",
	HostsTold:        "Its coordinator and co-hosts got a note from me about it.",

	RestoreHint:         "You can take the cancellation back until the start with `!restore %d`.",
	RestoreNotYours:     "Only its coordinator or a co-host can restore round table #%d.",
	RestoreOwnCancel:    "You cancelled round table #%d yourself. Only its coordinator or another co-host can take the cancellation back – they got a note from me about it.",
	RestoreNotCancelled: "Round table #%d is not cancelled.",
	RestoreDraft:        "Round table #%d was only planned, never announced. Plan it anew with `!roundtable`.",
	RestoreTooLate:      "Round table #%d would have begun already – a cancellation can only be taken back before the start. Plan it anew with `!roundtable`.",
	TooManyRestores: "Round table #%[1]d was already changed in the last 24 hours, and every attendee got a message. You can restore it later.|" +
		"Round table #%[1]d was already changed %[2]d times in the last 24 hours, and every attendee got a message each time. You can restore it later.",
	Restored:              "✅ The round table “%[1]s” on **%[2]s** takes place after all – the cancellation is taken back. Your RSVP still stands; withdraw with `!leave %[3]d`.",
	CalendarRestored:      "📅 Did you delete it from your calendar? Tap the calendar file below this message. If your calendar still shows it as cancelled afterwards, add it there again.",
	RestoredCoord:         "✅ Round table #%[1]d takes place after all (%[2]s). %[3]d attendee was told, the announcements updated.|✅ Round table #%[1]d takes place after all (%[2]s). %[3]d attendees were told, the announcements updated.",
	StandInRestored:       "✅ **%[1]s** took back the cancellation of the round table #%[2]d “%[3]s” on %[4]s: it takes place after all. Attendees and announcements are updated. If this wasn't agreed with you, please ask them or tell the team.",
	PostRestored:          "✅ **Takes place after all** – the cancellation is taken back.",
	DraftAnnouncedByOther: "📣 **%[1]s** announced the round table #%[2]d “%[3]s” (%[4]s), a draft until now. If this wasn't agreed with you, please ask them or tell the team.",
	CancelHint:            "You can cancel it with `!cancel %d`.",
	TooManyAnnounced: "You already announced %[2]d round table in the last 24 hours. Draft #%[1]d stays saved: announce it later with `!announce %[1]d`. If that wasn't you, please tell the team at once.|" +
		"You already announced %[2]d round tables in the last 24 hours – more than a day needs. Draft #%[1]d stays saved: announce it later with `!announce %[1]d`. If that wasn't you, please tell the team at once.",
	TooManyAnnouncedOf: "The person who planned round table #%[1]d already had %[2]d round table announced in the last 24 hours. The draft stays saved: announce it later with `!announce %[1]d`.|" +
		"The person who planned round table #%[1]d already had %[2]d round tables announced in the last 24 hours – more than a day needs. The draft stays saved: announce it later with `!announce %[1]d`.",
	TooManyDrafts: "You already have %[1]d planned round table that is not announced yet (%[2]s) – I don't keep more drafts at a time. Announce it with `!announce <number>` or cancel the draft with `!cancel <number>`, then send your command again.|" +
		"You already have %[1]d planned round tables that are not announced yet (%[2]s) – I don't keep more drafts at a time. Announce one of them with `!announce <number>` or cancel a draft with `!cancel <number>`, then send your command again.",
}

// TextsFor returns the texts of lang (German by default).
func TextsFor(lang string) *Texts { return chat.TextsFor(lang, &German, &English) }

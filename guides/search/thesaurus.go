package search

import "strings"

// The thesaurus maps the everyday words members use to the words guides
// use. It is deliberately small and generic: every entry holds for any
// German guide library of a political association's digital services
// (cloud, video conferences, chat, accounts, e-mail, privacy, the team
// that runs them), not for one particular set of guides. Entries are
// written as surface words; Build folds and stems them like any text.
//
// synonymGroups are equivalences: every member expands to every other one.
// Multi-word members are not supported; hyphenated ones are written
// joined ("zweifaktor"), which is how the tokenizer also emits them.
var synonymGroups = [][]string{
	{"handy", "smartphone", "mobiltelefon", "mobile"},
	{"cloud", "nextcloud"},
	{"bbb", "bigbluebutton"},
	{"videokonferenz", "konferenz", "meeting", "videocall", "videochat", "onlinesitzung", "onlinemeeting", "videotreffen"},
	{"2fa", "zweifaktor", "mfa", "totp", "authenticator", "zweifaktorauthentifizierung"},
	{"passwort", "kennwort", "pw", "passwörter", "password", "passwd"},
	{"element", "matrix"},
	{"email", "mail", "emails", "mails"},
	{"postfach", "mailbox", "mailkonto"},
	{"kamera", "webcam", "camera", "cam"},
	{"mikrofon", "mikro", "mic", "microphone"},
	{"ton", "audio", "sound"},
	{"anmelden", "einloggen", "login", "anmeldung", "log", "signin"},
	{"abmelden", "ausloggen", "logout", "austragen"},
	{"verdächtig", "komisch", "seltsam", "merkwürdig", "suspekt", "dubios", "suspicious"},
	{"willkommen", "begrüßung", "welcome"},
	{"erstellen", "anlegen", "erzeugen", "create"},
	{"konto", "account", "benutzerkonto", "zugang"},
	{"registrieren", "registrierung", "register", "signup"},
	{"ordner", "folder", "verzeichnis"},
	{"datei", "file", "dokument"},
	{"teilen", "freigeben", "freigabe", "share", "sharing"},
	{"aufzeichnung", "aufnahme", "recording", "mitschnitt", "aufzeichnen", "aufnehmen", "record"},
	{"bildschirm", "screen", "monitor"},
	{"screensharing", "bildschirmfreigabe", "screenshare"},
	{"umfrage", "abstimmung", "fragebogen", "poll", "survey", "befragung"},
	{"kalender", "calendar", "termine", "terminkalender"},
	{"kontakte", "adressbuch", "contacts"},
	{"laptop", "computer", "rechner", "pc", "notebook"},
	{"benachrichtigung", "notification", "push", "mitteilung", "notifications"},
	{"mailingliste", "verteiler", "mailverteiler", "newsletter"},
	{"kanban", "trello", "taskboard", "aufgabenboard"},
	{"löschen", "entfernen", "delete"},
	{"speicherplatz", "speicher", "storage", "quota", "kontingent"},
	{"schlüssel", "key"},
	{"rechte", "berechtigung", "berechtigungen", "permissions"},
	{"stummschalten", "stumm", "mute"},
	{"einladung", "einladen", "invite", "invitation", "einladungslink"},
	{"formular", "formulare", "forms", "form"},
	{"moderator", "moderation", "moderieren", "moderatorin", "host"},
	{"präsentation", "folien", "slides", "powerpoint", "präsentieren"},
	{"breakout", "gruppenräume", "kleingruppen", "gruppenarbeit"},
	{"verschlüsselung", "encryption", "verschlüsselt", "entschlüsseln", "decrypt"},
	{"verifizieren", "bestätigen", "verify", "verifizierung"},
	{"synchronisieren", "synchronisation", "sync", "abgleichen", "synchronisiert"},
	{"hochladen", "upload", "uploaden"},
	{"herunterladen", "download", "runterladen"},
	{"geschäftsstelle", "büro", "office", "landesgeschäftsstelle"},
	{"ansprechperson", "ansprechpartner", "kontakt", "ansprechpartnerin", "zuständig"},
	{"datenschutzschulung", "datenschulung"},
	{"schulung", "fortbildung", "training", "workshop", "seminar"},
	{"ehrenamt", "ehrenamtlich", "volunteer", "mitmachen", "mithelfen", "engagieren"},
	{"phishing", "betrug", "spam", "fake", "gefälscht", "scam"},
	{"einwahl", "einwählen", "dialin"},
	{"iphone", "ios", "ipad", "apple"},
	{"android", "samsung", "xiaomi", "huawei", "pixel"},
}

// oneWay entries expand a word only in the direction given (the key is
// narrower or colloquial, the targets are what guides say). Weighted lower
// than groups by the caller.
var oneWay = map[string][]string{
	"iphone":            {"handy", "smartphone"},
	"android":           {"handy", "smartphone"},
	"samsung":           {"handy", "smartphone"},
	"ipad":              {"tablet"},
	"telefon":           {"handy"},
	"tablet":            {"ipad"},
	"chat":              {"element", "matrix", "raum"},
	"chatraum":          {"raum", "element"},
	"gruppenchat":       {"raum", "element"},
	"headset":           {"mikrofon"},
	"kopfhörer":         {"headset", "ton"},
	"outlook":           {"kalender", "email"},
	"thunderbird":       {"email"},
	"pin":               {"einwahl"},
	"kennwort":          {"passwort"},
	"zugangsdaten":      {"passwort", "benutzername"},
	"username":          {"benutzername"},
	"nutzername":        {"benutzername"},
	"handynummer":       {"telefon"},
	"2faktor":           {"zweifaktor"},
	"authentifizierung": {"zweifaktor", "anmeldung"},
	"telefonieren":      {"anruf", "telefon"},
	"videoanruf":        {"anruf"},
	"trello":            {"deck", "board", "aufgaben"},
	"todo":              {"aufgaben"},
	"aufgabenliste":     {"aufgaben", "deck"},
	"dropbox":           {"cloud"},
	"ics":               {"abonnieren", "kalender"},
	"webmail":           {"postfach", "email"},
	"dsgvo":             {"datenschutz"},
	"keepass":           {"keepassxc", "passwortmanager"},
	"lastpass":          {"passwortmanager"},
	"1password":         {"passwortmanager"},
	"bitwarden":         {"passwortmanager"},
	"hacker":            {"phishing", "sicherheit"},
	"gehackt":           {"phishing", "sicherheit"},
	"virus":             {"phishing", "sicherheit"},
}

// english maps the English words that show up in members' questions to the
// German words guides use. Only content words; English function words are
// in the stop list. The English word itself is also kept as a query term,
// since guides borrow many English words ("App", "Link", "Push").
var english = map[string][]string{
	"password":      {"passwort"},
	"passwords":     {"passwort"},
	"forgot":        {"vergessen"},
	"forgotten":     {"vergessen"},
	"change":        {"ändern"},
	"reset":         {"zurücksetzen"},
	"lost":          {"verloren"},
	"lose":          {"verloren"},
	"security":      {"sicherheit"},
	"secure":        {"sicher"},
	"safe":          {"sicher"},
	"key":           {"schlüssel"},
	"old":           {"alt", "alte"},
	"message":       {"nachricht"},
	"messages":      {"nachrichten"},
	"gone":          {"verloren", "weg"},
	"camera":        {"kamera"},
	"webcam":        {"webcam"},
	"video":         {"video"},
	"conference":    {"konferenz", "videokonferenz"},
	"call":          {"anruf"},
	"share":         {"teilen"},
	"file":          {"datei"},
	"files":         {"dateien"},
	"folder":        {"ordner"},
	"outside":       {"extern"},
	"external":      {"extern"},
	"someone":       {"person"},
	"party":         {"partei"},
	"volunteer":     {"mitmachen", "ehrenamt"},
	"help":          {"hilfe", "helfen"},
	"digital":       {"digitalisierungsteam", "digital"},
	"member":        {"mitglied"},
	"members":       {"mitglieder"},
	"become":        {"werden"},
	"website":       {"webseite", "homepage"},
	"homepage":      {"webseite"},
	"district":      {"bezirk"},
	"calendar":      {"kalender"},
	"contacts":      {"kontakte"},
	"phone":         {"handy", "telefon"},
	"mobile":        {"handy"},
	"microphone":    {"mikrofon"},
	"mic":           {"mikrofon"},
	"hear":          {"hören"},
	"sound":         {"ton"},
	"screen":        {"bildschirm"},
	"recording":     {"aufzeichnung"},
	"record":        {"aufzeichnen"},
	"meeting":       {"konferenz"},
	"room":          {"raum"},
	"rooms":         {"räume"},
	"account":       {"konto"},
	"login":         {"anmelden"},
	"sign":          {"anmelden"},
	"register":      {"registrieren"},
	"notification":  {"benachrichtigung"},
	"notifications": {"benachrichtigungen"},
	"delete":        {"löschen"},
	"storage":       {"speicherplatz"},
	"full":          {"voll"},
	"upload":        {"hochladen"},
	"download":      {"herunterladen"},
	"data":          {"daten"},
	"privacy":       {"datenschutz"},
	"contact":       {"kontakt"},
	"office":        {"geschäftsstelle"},
	"join":          {"beitreten"},
	"create":        {"erstellen"},
	"new":           {"neu"},
	"device":        {"gerät"},
	"verify":        {"verifizieren"},
	"session":       {"sitzung"},
	"encryption":    {"verschlüsselung"},
	"install":       {"installieren"},
	"setup":         {"einrichten"},
	"set":           {"einrichten"},
	"broken":        {"kaputt"},
	"presentation":  {"präsentation"},
	"slides":        {"folien"},
	"survey":        {"umfrage"},
	"poll":          {"umfrage"},
	"form":          {"formular"},
	"task":          {"aufgabe"},
	"tasks":         {"aufgaben"},
	"group":         {"gruppe"},
	"permission":    {"berechtigung"},
	"permissions":   {"berechtigungen"},
	"expire":        {"ablaufdatum"},
	"training":      {"schulung"},
	"fake":          {"gefälscht"},
	"suspicious":    {"verdächtig"},
	"photo":         {"foto"},
	"photos":        {"fotos"},
	"invite":        {"einladen"},
	"invitation":    {"einladung"},
	"mute":          {"stummschalten"},
	"team":          {"team"},
	"address":       {"adresse"},
	"username":      {"benutzername"},
	"user":          {"benutzer"},
	"link":          {"link"},
	"list":          {"liste"},
	"mailing":       {"mailingliste"},
	"unsubscribe":   {"abmelden", "austragen"},
	"subscribe":     {"abonnieren"},
	"dial":          {"einwahl"},
	"phone-in":      {"einwahl"},
	"browser":       {"browser"},
	"app":           {"app"},
	"chat":          {"chat"},
	"space":         {"space"},
	"code":          {"code"},
	"backup":        {"backup"},
	"request":       {"beantragen"},
	"apply":         {"beantragen"},
	"leave":         {"verlassen"},
}

// thesaurusEntry is one expansion: the target surface word and its weight
// relative to the original word.
type thesaurusEntry struct {
	word   string
	weight float64
}

// buildThesaurus folds all entries into a map from folded surface word to
// expansions. extra groups (from Options.Synonyms) are added as groups.
func buildThesaurus(groupW, oneWayW, englishW float64, extra [][]string) map[string][]thesaurusEntry {
	th := make(map[string][]thesaurusEntry, 1024)
	add := func(from, to string, w float64) {
		from, to = normThesWord(from), normThesWord(to)
		if from == "" || to == "" || from == to {
			return
		}
		for i, e := range th[from] {
			if e.word == to {
				if w > e.weight {
					th[from][i].weight = w
				}
				return
			}
		}
		th[from] = append(th[from], thesaurusEntry{to, w})
	}
	groups := append(append([][]string{}, synonymGroups...), extra...)
	for _, g := range groups {
		for _, a := range g {
			for _, b := range g {
				add(a, b, groupW)
			}
		}
	}
	for from, tos := range oneWay {
		for _, to := range tos {
			add(from, to, oneWayW)
		}
	}
	for from, tos := range english {
		for _, to := range tos {
			add(from, to, englishW)
		}
	}
	return th
}

// normThesWord folds a thesaurus word the way the tokenizer folds a word,
// joining hyphenated words.
func normThesWord(w string) string {
	w = strings.ReplaceAll(w, "-", "")
	return foldWord(strings.TrimSpace(w))
}

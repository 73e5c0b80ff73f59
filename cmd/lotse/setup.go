package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/agnivade/levenshtein"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/bot"
	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/integrations/bbb"
	"github.com/lotse-bot/lotse/integrations/nextcloud"
)

// setupTimeout bounds the whole `lotse setup` run.
const setupTimeout = 2 * time.Minute

// Severity of a setup finding.
const (
	findOK = iota
	findWarn
	findFail
)

// finding is one line of `lotse setup`: what was checked, in German and
// English, and for a problem the fix.
type finding struct {
	level        int
	de, en       string
	fixDE, fixEN string
}

func ok(de, en string) finding { return finding{level: findOK, de: de, en: en} }

func problem(level int, de, en, fixDE, fixEN string) finding {
	return finding{level: level, de: de, en: en, fixDE: fixDE, fixEN: fixEN}
}

// cmdSetup is `lotse setup [-c config.yaml] [--lang de|en]`: it checks a
// configuration against the homeserver and the integrations and prints
// each finding with its fix.
func cmdSetup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("setup", stderr)
	path := fs.String("c", "", "config file (optional; LOTSE_* variables override it)")
	lang := fs.String("lang", "", "language of the report: de or en (default: the config's language)")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fail(exitUsage, fmt.Errorf("unexpected argument %q (lotse setup [-c config.yaml])", rest[0]))
	}
	cfg, err := config.Load(*path, os.Getenv)
	if err != nil {
		return fail(exitConfig, err)
	}
	if *lang == "" {
		*lang = cfg.Language
	}
	if *lang != "de" && *lang != "en" {
		return fail(exitUsage, errors.New("--lang must be de or en"))
	}
	ctx, cancel := context.WithTimeout(ctx, setupTimeout)
	defer cancel()
	findings := checkSetup(ctx, cfg)
	failed := printFindings(stdout, findings, *lang)
	if failed > 0 {
		return fail(exitFailed, fmt.Errorf(chat.Plural("%d problem to fix|%d problems to fix", failed), failed))
	}
	return nil
}

// printFindings writes the report and returns the number of failures.
func printFindings(w io.Writer, findings []finding, lang string) int {
	failed, warned := 0, 0
	for _, f := range findings {
		text, fix := f.de, f.fixDE
		if lang == "en" {
			text, fix = f.en, f.fixEN
		}
		mark := "✔"
		switch f.level {
		case findWarn:
			mark = "⚠"
			warned++
		case findFail:
			mark = "✘"
			failed++
		}
		fmt.Fprintf(w, "%s %s\n", mark, text)
		if fix != "" {
			fmt.Fprintf(w, "    → %s\n", fix)
		}
	}
	if lang == "en" {
		fmt.Fprintf(w, "\n%s, %s.\n", chat.Format(chat.Plural("%d problem|%d problems", failed), failed),
			chat.Format(chat.Plural("%d warning|%d warnings", warned), warned))
	} else {
		fmt.Fprintf(w, "\n%s, %s.\n", chat.Format(chat.Plural("%d Problem|%d Probleme", failed), failed),
			chat.Format(chat.Plural("%d Hinweis|%d Hinweise", warned), warned))
	}
	return failed
}

// checkSetup runs every check that applies to cfg.
func checkSetup(ctx context.Context, cfg config.Config) []finding {
	if err := cfg.Validate(); err != nil {
		msg := strings.TrimPrefix(err.Error(), "invalid configuration:")
		return []finding{problem(findFail, "Die Konfiguration ist unvollständig oder falsch:"+msg, "The configuration is incomplete or wrong:"+msg,
			"Trag die fehlenden Werte in die Konfigurationsdatei oder als LOTSE_…-Variablen ein (Vorlage: lotse config example).",
			"Add the missing values to the config file or as LOTSE_… variables (template: lotse config example).")}
	}
	out := []finding{ok("Die Konfiguration ist gültig.", "The configuration is valid.")}
	for _, f := range openSecretFiles(os.Getenv) {
		out = append(out, problem(findWarn, fmt.Sprintf("%s (%s) kann jedes Konto auf diesem Rechner lesen (Modus %04o).", f.path, f.variable, f.mode.Perm()),
			fmt.Sprintf("Every account on this machine can read %s (%s, mode %04o).", f.path, f.variable, f.mode.Perm()),
			"chmod 0640 "+f.path+" – Eigentümer root, Gruppe des Dienstkontos (docs/deployment.md, Schritt 1).",
			"chmod 0640 "+f.path+" – owner root, group of the service user (docs/deployment.md, step 1)."))
	}
	// The library as Lotse loads it with cfg: placeholder values, and only
	// the guides of the features that are on.
	lib, problems, err := guides.Load(cfg.GuidesDir, libraryOptions(cfg)...)
	out = append(out, checkGuides(cfg, lib, problems, err)...)
	if err == nil && lib.Len() > 0 {
		out = append(out, checkLearnEval(cfg, lib, problems)...)
	}
	out = append(out, checkDatabase(ctx, cfg)...)
	out = append(out, checkMatrix(ctx, cfg)...)
	out = append(out, checkNextcloud(ctx, cfg)...)
	out = append(out, checkBBB(ctx, cfg)...)
	out = append(out, checkPeople(cfg)...)
	out = append(out, checkSite(cfg, lib)...)
	return out
}

// checkGuides reports on the library as loaded (lib, its problems, the
// error of guides.Load).
func checkGuides(cfg config.Config, lib *guides.Library, problems []guides.Problem, err error) []finding {
	if err != nil {
		return []finding{problem(findFail, "Die Anleitungen in „"+cfg.GuidesDir+"“ lassen sich nicht lesen: "+err.Error(),
			"The guides in "+cfg.GuidesDir+" cannot be read: "+err.Error(),
			"Setz guides_dir auf den Ordner mit den Anleitungen (im Paket: library).",
			"Set guides_dir to the folder with the guides (shipped: library).")}
	}
	skipped := skippedFiles(problems)
	n, leftOut := lib.Len(), len(lib.LeftOut())
	loadedDE := fmt.Sprintf(chat.Plural("%d Anleitung geladen|%d Anleitungen geladen", n), n)
	loadedEN := fmt.Sprintf(chat.Plural("%d guide loaded|%d guides loaded", n), n)
	switch {
	case n == 0 && skipped > 0:
		// Not "there is no guide, copy the shipped ones": the files are
		// there and have errors.
		return []finding{problem(findFail,
			fmt.Sprintf(chat.Plural("In „%s“ lässt sich keine Anleitung laden: %d Datei hat Fehler und wird übersprungen.|In „%s“ lässt sich keine Anleitung laden: %d Dateien haben Fehler und werden übersprungen.", skipped), cfg.GuidesDir, skipped),
			fmt.Sprintf(chat.Plural("No guide in %s loads: %d file has errors and is skipped.|No guide in %s loads: %d files have errors and are skipped.", skipped), cfg.GuidesDir, skipped),
			"Details: lotse guides check -c CONFIG", "Details: lotse guides check -c CONFIG")}
	case n == 0 && leftOut > 0:
		de := fmt.Sprintf("In „%s“ bleiben alle %d Anleitungen ausgeblendet, weil die Funktionen, die sie erklären, aus sind.", cfg.GuidesDir, leftOut)
		en := fmt.Sprintf("All %d guides in %s stay hidden because the features they explain are off.", leftOut, cfg.GuidesDir)
		if leftOut == 1 {
			de = "In „" + cfg.GuidesDir + "“ bleibt die einzige Anleitung ausgeblendet, weil die Funktion, die sie erklärt, aus ist."
			en = "The only guide in " + cfg.GuidesDir + " stays hidden because the feature it explains is off."
		}
		return []finding{problem(findFail, de, en,
			"Schalte in der Konfiguration die Funktionen ein, die Lotse anbieten soll.", "Switch on the features Lotse is to offer in the config.")}
	case n == 0:
		return []finding{problem(findFail, "In „"+cfg.GuidesDir+"“ liegt keine Anleitung.", "There is no guide in "+cfg.GuidesDir+".",
			"Kopier die mitgelieferten Anleitungen (library/) dorthin.", "Copy the shipped guides (library/) there.")}
	case skipped > 0:
		return []finding{problem(findWarn,
			fmt.Sprintf(chat.Plural("%s; %d Datei hat Fehler und wird übersprungen.|%s; %d Dateien haben Fehler und werden übersprungen.", skipped), loadedDE, skipped),
			fmt.Sprintf(chat.Plural("%s; %d file has errors and is skipped.|%s; %d files have errors and are skipped.", skipped), loadedEN, skipped),
			"Details: lotse guides check -c CONFIG", "Details: lotse guides check -c CONFIG")}
	case leftOut > 0:
		return []finding{ok(fmt.Sprintf(chat.Plural("%s; %d weitere bleibt ausgeblendet, weil die Funktion, die sie erklärt, aus ist.|%s; %d weitere bleiben ausgeblendet, weil die Funktionen, die sie erklären, aus sind.", leftOut), loadedDE, leftOut),
			fmt.Sprintf(chat.Plural("%s; %d more stays hidden because the feature it explains is off.|%s; %d more stay hidden because the features they explain are off.", leftOut), loadedEN, leftOut))}
	}
	return []finding{ok(loadedDE+".", loadedEN+".")}
}

// checkMatrix logs in as the bot and checks the configured rooms.
func checkMatrix(ctx context.Context, cfg config.Config) []finding {
	cli, err := mautrix.NewClient(cfg.HomeserverURL, "", "")
	if err != nil {
		return []finding{problem(findFail, "homeserver_url ist keine gültige Adresse.", "homeserver_url is not a valid address.",
			"Trag die Adresse des Homeservers ein, z. B. https://matrix.example.org.", "Set the homeserver's address, e.g. https://matrix.example.org.")}
	}
	if _, err := cli.Versions(ctx); err != nil {
		return []finding{problem(findFail, "Der Homeserver "+cfg.HomeserverURL+" antwortet nicht: "+err.Error(),
			"The homeserver "+cfg.HomeserverURL+" does not answer: "+err.Error(),
			"Prüf homeserver_url (die Adresse der Client-API, nicht die von Element) und ob der Server läuft.",
			"Check homeserver_url (the client API's address, not Element's) and that the server runs.")}
	}
	out := []finding{ok("Der Homeserver antwortet.", "The homeserver answers.")}
	who, logout, err := loginForCheck(ctx, cli, cfg)
	if err != nil {
		return append(out, problem(findFail, "Lotse kann sich nicht als "+cfg.UserID+" anmelden: "+err.Error(),
			"Lotse cannot log in as "+cfg.UserID+": "+err.Error(),
			"Leg das Konto an (z. B. mit register_new_matrix_user bzw. create-account) und prüf Passwort/Token (LOTSE_PASSWORD oder LOTSE_ACCESS_TOKEN).",
			"Create the account (e.g. register_new_matrix_user or create-account) and check the password/token (LOTSE_PASSWORD or LOTSE_ACCESS_TOKEN)."))
	}
	defer logout()
	if who != id.UserID(cfg.UserID) {
		out = append(out, problem(findFail, "Das Zugangstoken gehört zu "+who.String()+", nicht zu "+cfg.UserID+".",
			"The access token belongs to "+who.String()+", not to "+cfg.UserID+".",
			"Setz user_id auf das Konto des Tokens oder erzeug ein Token für "+cfg.UserID+".",
			"Set user_id to the token's account or create a token for "+cfg.UserID+"."))
		return out
	}
	out = append(out, ok("Anmeldung als "+cfg.UserID+" klappt.", "Login as "+cfg.UserID+" works."))
	joined, err := cli.JoinedRooms(ctx)
	if err != nil {
		return append(out, problem(findFail, "Die Räume von Lotse lassen sich nicht abfragen: "+err.Error(),
			"Lotse's rooms cannot be listed: "+err.Error(), "Prüf die Verbindung zum Homeserver.", "Check the connection to the homeserver."))
	}
	rooms := setupRooms(cfg)
	for _, r := range rooms {
		if slices.Contains(joined.JoinedRooms, r.id) {
			out = append(out, checkRoom(ctx, cli, r, true, who)...)
			continue
		}
		out = append(out, notJoinedRoom(r, who, similarRoom(r.id, joined.JoinedRooms, rooms)))
	}
	return out
}

// similarRoom returns the one room Lotse is in that no key names and whose
// ID differs from want by a typo (at most two characters of the part
// before the colon, on the same server), or "". A room ID copied by hand
// with one wrong character read only "Lotse is not in the room", and the
// admin invited Lotse into the right room again and again (ops34).
func similarRoom(want id.RoomID, joined []id.RoomID, configured []setupRoom) id.RoomID {
	local, server, ok := strings.Cut(strings.TrimPrefix(string(want), "!"), ":")
	if !ok {
		return ""
	}
	var found id.RoomID
	for _, j := range joined {
		if slices.ContainsFunc(configured, func(r setupRoom) bool { return r.id == j }) {
			continue
		}
		l, s, ok := strings.Cut(strings.TrimPrefix(string(j), "!"), ":")
		if !ok || s != server || levenshtein.ComputeDistance(l, local) > 2 {
			continue
		}
		if found != "" {
			return "" // two candidates: naming either could mislead
		}
		found = j
	}
	return found
}

// notJoinedRoom is the finding for a configured room Lotse is not in;
// near is a room Lotse is in whose ID is almost the configured one.
func notJoinedRoom(r setupRoom, bot id.UserID, near id.RoomID) finding {
	nameDE, nameEN := fmt.Sprintf("%s %s (%s)", r.whatDE, r.id, r.key), fmt.Sprintf("%s %s (%s)", r.whatEN, r.id, r.key)
	if near != "" {
		return problem(findFail, nameDE+": Lotse ist nicht im Raum – aber in "+near.String()+", dessen ID fast gleich ist.",
			nameEN+": Lotse is not in the room – but in "+near.String()+", whose ID is almost the same.",
			"Ist das der gemeinte Raum, dann ist die ID in "+r.key+" vertippt: kopier sie aus Element (Raumeinstellungen → Erweitert → „Interne Raum-ID“) und führ lotse setup noch einmal aus.",
			"If that is the room you mean, the ID in "+r.key+" has a typo: copy it from Element (room settings → Advanced → “Internal room ID”) and run lotse setup again.")
	}
	return problem(findFail, nameDE+": Lotse ist nicht im Raum.", nameEN+": Lotse is not in the room.",
		"Lade "+bot.String()+" in den Raum ein (der Raum muss dafür existieren). Lotse nimmt die Einladung an, sobald es läuft – von Personen oder Servern aus allowed_inviters. Danach lotse setup noch einmal. Ist Lotse schon im Raum, prüf die ID in "+r.key+" (Element: Raumeinstellungen → Erweitert → „Interne Raum-ID“).",
		"Invite "+bot.String()+" to the room (it must exist). Lotse accepts the invite once it runs – from people or servers in allowed_inviters. Then run lotse setup again. If Lotse is in the room already, check the ID in "+r.key+" (Element: room settings → Advanced → “Internal room ID”).")
}

// loginForCheck logs in with the access token or the password (a device of
// its own, logged out again afterwards) and returns the account's ID.
func loginForCheck(ctx context.Context, cli *mautrix.Client, cfg config.Config) (id.UserID, func(), error) {
	if cfg.AccessToken != "" {
		cli.AccessToken = cfg.AccessToken
		resp, err := cli.Whoami(ctx)
		if err != nil {
			return "", nil, err
		}
		return resp.UserID, func() {}, nil
	}
	resp, err := cli.Login(ctx, &mautrix.ReqLogin{
		Type:                     mautrix.AuthTypePassword,
		Identifier:               mautrix.UserIdentifier{Type: mautrix.IdentifierTypeUser, User: cfg.UserID},
		Password:                 cfg.Password,
		InitialDeviceDisplayName: "Lotse setup check",
		StoreCredentials:         true,
	})
	if err != nil {
		return "", nil, err
	}
	return resp.UserID, func() {
		// A fresh context: the check's may be over; the device must go.
		lctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		_, _ = cli.Logout(lctx)
	}, nil
}

// setupRoom is a room the config names, with what Lotse needs there.
type setupRoom struct {
	key       string
	id        id.RoomID
	encrypted bool // must be end-to-end encrypted
	moderator bool // Lotse invites and removes people there
	whatDE    string
	whatEN    string
}

func setupRooms(cfg config.Config) []setupRoom {
	var rooms []setupRoom
	if cfg.TeamRoom != "" {
		rooms = append(rooms, setupRoom{"team_room", id.RoomID(cfg.TeamRoom), true, true, "Teamraum", "team room"})
	}
	if cfg.ApprovalsRoom != "" {
		rooms = append(rooms, setupRoom{"approvals_room", id.RoomID(cfg.ApprovalsRoom), true, true, "Genehmigungsraum", "approvals room"})
	}
	for _, r := range cfg.LobbyRooms {
		rooms = append(rooms, setupRoom{"lobby_rooms", id.RoomID(r), false, false, "Begrüßungsraum", "lobby room"})
	}
	for _, r := range cfg.AnnouncementRooms {
		rooms = append(rooms, setupRoom{"announcement_rooms", id.RoomID(r), false, false, "Ankündigungsraum", "announcement room"})
	}
	return rooms
}

// checkRoom checks that Lotse is in the room, may write there and that the
// room is encrypted where it must be.
func checkRoom(ctx context.Context, cli *mautrix.Client, r setupRoom, joined bool, bot id.UserID) []finding {
	nameDE, nameEN := fmt.Sprintf("%s %s (%s)", r.whatDE, r.id, r.key), fmt.Sprintf("%s %s (%s)", r.whatEN, r.id, r.key)
	if !joined {
		return []finding{notJoinedRoom(r, bot, "")}
	}
	out := checkRoomUpgraded(ctx, cli, r, nameDE, nameEN)
	var enc event.EncryptionEventContent
	err := cli.StateEvent(ctx, r.id, event.StateEncryption, "", &enc)
	encrypted := err == nil && enc.Algorithm == id.AlgorithmMegolmV1 // {"algorithm":"none"} makes mautrix send in plain text (open32)
	switch {
	case err != nil && !errors.Is(err, mautrix.MNotFound):
		out = append(out, problem(findFail, nameDE+": die Verschlüsselung lässt sich nicht prüfen: "+err.Error(),
			nameEN+": cannot check encryption: "+err.Error(), "Prüf die Verbindung zum Homeserver.", "Check the connection to the homeserver."))
	case r.encrypted && !encrypted:
		out = append(out, problem(findFail, nameDE+": der Raum ist nicht Ende-zu-Ende-verschlüsselt; Fälle und Anträge mit persönlichen Daten von Mitgliedern lägen dort lesbar auf dem Server.",
			nameEN+": the room is not end-to-end encrypted; cases and requests with members' personal data would lie there readable on the server.",
			"Schalte in den Raumeinstellungen unter „Sicherheit“ die Verschlüsselung ein (lässt sich nicht rückgängig machen) – oder leg einen neuen verschlüsselten Raum an und trag dessen ID ein.",
			"Turn on encryption in the room settings under “Security” (cannot be undone) – or create a new encrypted room and use its ID."))
	case r.encrypted:
		out = append(out, ok(nameDE+": Lotse ist im Raum, der Raum ist verschlüsselt.", nameEN+": Lotse is in the room, the room is encrypted."))
	default:
		stateDE, stateEN := "unverschlüsselt", "not encrypted"
		if encrypted {
			stateDE, stateEN = "verschlüsselt", "encrypted"
		}
		out = append(out, ok(nameDE+": Lotse ist im Raum ("+stateDE+").", nameEN+": Lotse is in the room ("+stateEN+")."))
	}
	if r.moderator {
		out = append(out, checkJoinRule(ctx, cli, r, nameDE, nameEN)...)
	}
	var pl event.PowerLevelsEventContent
	if err := cli.StateEvent(ctx, r.id, event.StatePowerLevels, "", &pl); err == nil {
		level := pl.GetUserLevel(bot)
		switch {
		case level < pl.GetEventLevel(event.EventMessage):
			out = append(out, problem(findFail, nameDE+": Lotse darf dort nicht schreiben.", nameEN+": Lotse may not write there.",
				"Gib "+bot.String()+" in den Raumeinstellungen unter „Rollen und Berechtigungen“ das Recht, Nachrichten zu senden.",
				"Give "+bot.String()+" the right to send messages in the room settings under “Roles & Permissions”."))
		case r.moderator && (level < pl.Invite() || level < pl.Kick()):
			out = append(out, problem(findFail, nameDE+": Lotse darf dort niemanden einladen oder entfernen.",
				nameEN+": Lotse may not invite or remove people there.",
				"Mach "+bot.String()+" in den Raumeinstellungen unter „Rollen und Berechtigungen“ zum „Moderator“ (50): Lotse lädt Teammitglieder und Genehmigende ein und entfernt sie, wenn die Rolle endet.",
				"Make "+bot.String()+" a “Moderator” (50) in the room settings under “Roles & Permissions”: Lotse invites team members and approvers and removes them when the role ends."))
		}
	}
	return out
}

// checkJoinRule fails a room whose people Lotse invites and removes (the
// team room, the approvals room) when one can join it without an
// invitation: public, for the members of a space (restricted, which
// Element offers for a room made in a space) or knock_restricted. Whoever
// joins reads the cases or requests relayed from then on (Lotse shares
// its room keys with every member), and someone Lotse removed when their
// role or declaration ended could join again on their own; Lotse only
// warns about such a join (thirty-first pass, onb31). Invite-only and
// knock (a moderator lets them in) pass; no rule at all is invite-only.
func checkJoinRule(ctx context.Context, cli *mautrix.Client, r setupRoom, nameDE, nameEN string) []finding {
	var jr event.JoinRulesEventContent
	err := cli.StateEvent(ctx, r.id, event.StateJoinRules, "", &jr)
	switch {
	case errors.Is(err, mautrix.MNotFound):
		return nil
	case err != nil:
		return []finding{problem(findWarn, nameDE+": wer dem Raum beitreten darf, lässt sich nicht prüfen: "+err.Error(),
			nameEN+": cannot check who may join the room: "+err.Error(), "Prüf die Verbindung zum Homeserver.", "Check the connection to the homeserver.")}
	}
	if bot.JoinableWithoutInvite(jr.JoinRule) {
		return []finding{problem(findFail,
			nameDE+": man kann dem Raum ohne Einladung beitreten ("+string(jr.JoinRule)+"); wer beitritt, liest alles, was Lotse von da an dort schreibt, und wen Lotse nach dem Ende der Rolle entfernt hat, kommt von selbst wieder hinein.",
			nameEN+": one can join the room without an invitation ("+string(jr.JoinRule)+"); whoever joins reads everything Lotse writes there from then on, and someone Lotse removed when their role ended can come back on their own.",
			"Stell in den Raumeinstellungen unter „Sicherheit“ den Zugang auf „Privat (Betreten mit Einladung)“ (in Element X: „Nur auf Einladung“); Lotse lädt Teammitglieder und Genehmigende selbst ein.",
			"Set the access in the room settings under “Security” to “Private (invite only)”; Lotse invites team members and approvers itself.")}
	}
	return nil
}

// checkRoomUpgraded reports a room that was upgraded to a new room (its
// tombstone), as the running bot's room watch logs it (bot.Tombstone): a
// config naming the old room goes live with cases posted where the team no
// longer reads. Lotse does not follow the tombstone: the admin checks the
// new room and names it.
func checkRoomUpgraded(ctx context.Context, cli *mautrix.Client, r setupRoom, nameDE, nameEN string) []finding {
	replacement, err := bot.Tombstone(ctx, cli, r.id)
	switch {
	case err != nil:
		return []finding{problem(findWarn, nameDE+": ob der Raum durch einen neuen ersetzt wurde, lässt sich nicht prüfen: "+err.Error(),
			nameEN+": cannot check whether the room was upgraded: "+err.Error(), "Prüf die Verbindung zum Homeserver.", "Check the connection to the homeserver.")}
	case replacement != "":
		return []finding{problem(findFail, nameDE+": der Raum wurde durch einen neuen Raum ersetzt ("+replacement.String()+"); Lotse schriebe weiter in den alten, den das Team vielleicht nicht mehr liest.",
			nameEN+": the room was upgraded to a new room ("+replacement.String()+"); Lotse would go on writing into the old one, which the team may no longer read.",
			"Prüf den neuen Raum (Lotse eingeladen, Ende-zu-Ende-verschlüsselt, nur die richtigen Personen darin), trag seine ID bei "+r.key+" ein und ruf lotse setup noch einmal auf.",
			"Check the new room (Lotse invited, end-to-end encrypted, only the right people in it), put its ID in "+r.key+" and run lotse setup again.")}
	}
	return nil
}

// checkNextcloud checks the admin account and the requestable groups.
func checkNextcloud(ctx context.Context, cfg config.Config) []finding {
	if cfg.NextcloudURL == "" {
		return nil
	}
	nc, err := nextcloud.NewClient(nextcloud.Options{BaseURL: cfg.NextcloudURL, User: cfg.NextcloudUser, AppPassword: cfg.NextcloudAppPassword, Timeout: cfg.IntegrationTimeout})
	if err != nil {
		return []finding{problem(findFail, "nextcloud_url ist ungültig: "+err.Error(), "nextcloud_url is invalid: "+err.Error(),
			"Trag die Adresse der Nextcloud ein, z. B. https://cloud.example.org.", "Set the Nextcloud's address, e.g. https://cloud.example.org.")}
	}
	if _, err := nc.CurrentUser(ctx); err != nil {
		if errors.Is(err, nextcloud.ErrUnauthorized) {
			return []finding{problem(findFail, "Nextcloud lehnt die Anmeldung als "+cfg.NextcloudUser+" ab.", "Nextcloud rejects the login as "+cfg.NextcloudUser+".",
				"Leg in Nextcloud unter Einstellungen → Sicherheit ein App-Passwort für dieses Konto an und setz es als LOTSE_NEXTCLOUD_APP_PASSWORD.",
				"Create an app password for this account in Nextcloud under Settings → Security and set it as LOTSE_NEXTCLOUD_APP_PASSWORD.")}
		}
		return []finding{problem(findFail, "Nextcloud ist nicht erreichbar: "+err.Error(), "Nextcloud is not reachable: "+err.Error(),
			"Prüf nextcloud_url und ob Lotses Server die Nextcloud erreicht.", "Check nextcloud_url and that Lotse's server can reach the Nextcloud.")}
	}
	out := []finding{ok("Anmeldung an der Nextcloud als "+cfg.NextcloudUser+" klappt.", "Login to Nextcloud as "+cfg.NextcloudUser+" works.")}
	groups, err := nc.ListGroups(ctx, "")
	if err != nil {
		if errors.Is(err, nextcloud.ErrForbidden) {
			return append(out, problem(findFail, cfg.NextcloudUser+" darf in der Nextcloud keine Gruppen verwalten.", cfg.NextcloudUser+" may not manage groups in Nextcloud.",
				"Nimm das Konto in die Nextcloud-Gruppe „admin“ auf (Lotse legt Konten an und fügt sie Gruppen hinzu).",
				"Add the account to Nextcloud's admin group (Lotse creates accounts and adds them to groups)."))
		}
		return append(out, problem(findFail, "Die Gruppen der Nextcloud lassen sich nicht abfragen: "+err.Error(), "Nextcloud's groups cannot be listed: "+err.Error(),
			"Prüf die Rechte des Kontos.", "Check the account's rights."))
	}
	var missing []string
	for _, g := range cfg.NextcloudGroups {
		if !slices.Contains(groups, g) {
			missing = append(missing, g)
		}
	}
	if len(missing) > 0 {
		list := strings.Join(missing, ", ")
		return append(out, problem(findFail, "Diese Gruppen aus nextcloud_groups gibt es in der Nextcloud nicht: "+list,
			"These groups from nextcloud_groups do not exist in Nextcloud: "+list,
			"Leg sie in der Nextcloud unter „Benutzer“ → „Gruppe hinzufügen“ an, oder streich sie aus nextcloud_groups.",
			"Create them in Nextcloud under “Users” → “Add group”, or remove them from nextcloud_groups."))
	}
	list := strings.Join(cfg.NextcloudGroups, ", ")
	return append(out, ok("Die Gruppen aus nextcloud_groups gibt es: "+list+".", "The groups from nextcloud_groups exist: "+list+"."))
}

// checkBBB checks that the BBB API answers and accepts the secret.
func checkBBB(ctx context.Context, cfg config.Config) []finding {
	if cfg.BBBURL == "" {
		return nil
	}
	client, err := bbb.NewClient(bbb.Options{BaseURL: cfg.BBBURL, Secret: cfg.BBBSecret, Algorithm: cfg.BBBChecksum, Timeout: cfg.IntegrationTimeout})
	if err != nil {
		return []finding{problem(findFail, "bbb_url ist ungültig: "+err.Error(), "bbb_url is invalid: "+err.Error(),
			"Trag die API-Adresse ein, z. B. https://meet.example.org/bigbluebutton/api/.", "Set the API address, e.g. https://meet.example.org/bigbluebutton/api/.")}
	}
	if _, err := client.Version(ctx); err != nil {
		return []finding{problem(findFail, "BigBlueButton antwortet nicht: "+err.Error(), "BigBlueButton does not answer: "+err.Error(),
			"Prüf bbb_url: die API-Adresse endet auf /bigbluebutton/api/ (auf dem BBB-Server: bbb-conf --secret).",
			"Check bbb_url: the API address ends in /bigbluebutton/api/ (on the BBB server: bbb-conf --secret).")}
	}
	if _, err := client.GetMeetings(ctx); err != nil {
		if errors.Is(err, bbb.ErrChecksum) {
			return []finding{problem(findFail, "BigBlueButton lehnt das Geheimnis ab (checksumError).", "BigBlueButton rejects the secret (checksumError).",
				"Setz LOTSE_BBB_SECRET auf den Wert von bbb-conf --secret und prüf bbb_checksum (sha1 geht überall).",
				"Set LOTSE_BBB_SECRET to the value of bbb-conf --secret and check bbb_checksum (sha1 works everywhere).")}
		}
		return []finding{problem(findFail, "BigBlueButton-Abfrage fehlgeschlagen: "+err.Error(), "BigBlueButton request failed: "+err.Error(),
			"Prüf bbb_url und das Geheimnis.", "Check bbb_url and the secret.")}
	}
	return []finding{ok("BigBlueButton antwortet und akzeptiert das Geheimnis.", "BigBlueButton answers and accepts the secret.")}
}

// checkPeople checks that someone can grant roles and approve.
func checkPeople(cfg config.Config) []finding {
	var out []finding
	if len(cfg.Admins) == 0 {
		out = append(out, problem(findWarn, "Niemand ist Admin: niemand kann Rollen vergeben.", "Nobody is an admin: nobody can grant roles.",
			"Trag deine Matrix-ID unter admins ein (siehe docs/deployment.md, „Erste Rollen“).",
			"Put your Matrix ID under admins (see docs/deployment.md, “First roles”)."))
	} else if cfg.TeamRoom != "" && len(cfg.Admins)+len(cfg.Approvers) < 2 {
		out = append(out, problem(findWarn,
			"Nur eine Person kann Rollen vergeben; Erklärungen trägt aber immer eine andere Person ein – für dich selbst braucht es eine zweite.",
			"Only one person can grant roles; a declaration is always recorded by someone else – for yourself you need a second person.",
			"Trag eine zweite vertrauenswürdige Person unter admins oder approvers ein (siehe docs/deployment.md, „Erste Rollen“).",
			"Add a second trusted person under admins or approvers (see docs/deployment.md, “First roles”)."))
	}
	if cfg.ApprovalsRoom != "" && len(cfg.Approvers) == 0 && len(cfg.Admins) == 0 {
		out = append(out, problem(findFail, "Zugangsanträge sind an, aber niemand darf genehmigen.", "Access requests are on, but nobody may approve.",
			"Trag Genehmigende unter approvers ein, oder Admins, die mit !rolle @name genehmigend die Rolle vergeben.",
			"List approvers under approvers, or admins who grant the role with !role @name approver."))
	}
	return out
}

// checkSite fails on site keys a loaded guide (lib; nil when the library
// cannot be read) uses and the config leaves unset – members would read
// example addresses there – and warns about a web view without its legal
// links.
func checkSite(cfg config.Config, lib *guides.Library) []finding {
	var out []finding
	if lib != nil {
		for _, p := range cfg.PlaceholderProblems(lib.Placeholders()) {
			out = append(out, problem(findFail,
				fmt.Sprintf("Nicht gesetzt: %s (%s) – diese Anleitungen zeigen Mitgliedern dort eine Beispieladresse (example.org) bzw. „unser Verband“: %s", p.Key, p.Env, p.GuideList("und %d weitere")),
				p.String(),
				"Trag die Adresse bzw. den Namen eures Verbands unter diesem Schlüssel im site-Block der Konfiguration ein.",
				"Put your association's address or name under this key in the site block of the config."))
		}
	}
	if cfg.WebListen != "" && (cfg.Site.ImpressumURL == "" || cfg.Site.PrivacyURL == "") {
		out = append(out, problem(findWarn, "Die Web-Ansicht ist an, aber ohne Impressum- oder Datenschutz-Link.",
			"The web view is on, but without an Impressum or privacy link.",
			"Setz site.impressum_url und site.privacy_url (für eine öffentliche Seite eines deutschen Vereins Pflicht).",
			"Set site.impressum_url and site.privacy_url (required for a German association's public site)."))
	}
	if cfg.FallbackContact == "" {
		out = append(out, problem(findWarn, "Kein fallback_contact: wo Lotse nicht helfen kann, verweist es nur allgemein auf die Geschäftsstelle.",
			"No fallback_contact: where Lotse cannot help, it only points to the association's office in general.",
			"Setz fallback_contact, z. B. „Schreib an digital@… oder ruf … an.“", "Set fallback_contact, e.g. “Write to digital@… or call ….”"))
	}
	return out
}

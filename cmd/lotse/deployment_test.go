package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/integrations/bbb/bbbtest"
	"github.com/lotse-bot/lotse/integrations/nextcloud/nextcloudtest"
	"github.com/lotse-bot/lotse/internal/chatclient"
	"github.com/lotse-bot/lotse/internal/dendrite/dendritetest"
)

// createRoomAs creates a room as owner (as an admin does in Element),
// invites the bot and gives it power level botLevel.
func createRoomAs(t *testing.T, owner *chatclient.Client, name string, encrypted bool, botID id.UserID, botLevel int) id.RoomID {
	t.Helper()
	req := &mautrix.ReqCreateRoom{
		Preset: "private_chat", Name: name, Invite: []id.UserID{botID},
		PowerLevelOverride: &event.PowerLevelsEventContent{Users: map[id.UserID]int{owner.Cli.UserID: 100, botID: botLevel}},
	}
	if encrypted {
		req.InitialState = []*event.Event{{Type: event.StateEncryption, Content: event.Content{Parsed: &event.EncryptionEventContent{Algorithm: id.AlgorithmMegolmV1}}}}
	}
	resp, err := owner.Cli.CreateRoom(t.Context(), req)
	if err != nil {
		t.Fatal(err)
	}
	return resp.RoomID
}

// deploymentConfig is the config file of docs/deployment.md step 3, with
// this test's rooms, people and fake servers.
const deploymentConfig = `homeserver_url: %[1]s
user_id: "%[2]s"
database: %[3]s
guides_dir: %[4]s
allowed_inviters: ["%[5]s"]

admins: ["%[6]s"]
team_room: "%[7]s"
approvals_room: "%[8]s"
approvers: ["%[6]s", "%[9]s"]
lobby_rooms: ["%[10]s"]
coordinators: ["%[6]s"]
announcement_rooms: ["%[11]s"]

nextcloud_url: %[12]s
nextcloud_user: lotse
nextcloud_groups: ["AG Digitales"]
bbb_url: %[13]s

site:
  name: Kreisverband Musterstadt
  contact_email: digital@verein.test
  website_url: https://verein.test
  cloud_url: https://cloud.verein.test
  meet_url: https://meet.verein.test
  chat_url: https://chat.verein.test
  matrix_server: %[5]s
  web_title: Hilfe des Kreisverbands
  impressum_url: https://verein.test/impressum
  privacy_url: https://verein.test/datenschutz

fallback_contact: "Schreib an digital@verein.test oder ruf 0123 456789 an (Mo–Fr 10–16 Uhr)."
support_quiet_hours: "off"
`

// TestDeploymentGuide follows docs/deployment.md step by step: accounts,
// rooms, config, config check, setup before the start (rooms missing),
// start, setup again (all ✔), a first answer with the site's address, and
// the first roles with a second person.
func TestDeploymentGuide(t *testing.T) {
	srv := dendritetest.Shared()
	start := time.Now()

	// 1. Accounts: the bot, you (first admin) and a second trusted person.
	botID, botPassword := registerAccount(t, "lotse")
	server := botID.Homeserver()
	du, zweite, mitglied := newMember(t, "du"), newMember(t, "zweite"), newMember(t, "mitglied")
	secrets := t.TempDir()
	writeSecret := func(name, value string) string {
		p := filepath.Join(secrets, name)
		if err := os.WriteFile(p, []byte(value+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	t.Setenv("LOTSE_PASSWORD_FILE", writeSecret("password", botPassword))
	t.Setenv("LOTSE_PICKLE_KEY_FILE", writeSecret("pickle_key", "0123456789abcdef0123456789abcdef"))
	nc := nextcloudtest.New(t, "lotse", "nc-app-password")
	nc.AddGroup("AG Digitales")
	meet := bbbtest.New(t, "bbb-secret")
	t.Setenv("LOTSE_NEXTCLOUD_APP_PASSWORD_FILE", writeSecret("nextcloud", "nc-app-password"))
	t.Setenv("LOTSE_BBB_SECRET_FILE", writeSecret("bbb", "bbb-secret"))

	// 2. Rooms, created by you; Lotse moderator in team and approvals room.
	team := createRoomAs(t, du, "Digitalisierungsteam", true, botID, 50)
	approvals := createRoomAs(t, du, "Genehmigungen", true, botID, 50)
	lobby := createRoomAs(t, du, "Lobby", false, botID, 0)
	announcements := createRoomAs(t, du, "Ankündigungen", false, botID, 50)

	// 3. Configuration.
	cfgPath := filepath.Join(t.TempDir(), "lotse.yaml")
	yaml := fmt.Sprintf(deploymentConfig, srv.URL, botID, filepath.Join(t.TempDir(), "lotse.db"), copyLibrary(t), server,
		du.Cli.UserID, team, approvals, zweite.Cli.UserID, lobby, announcements, nc.URL(), meet.URL())
	if err := os.WriteFile(cfgPath, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, _, err := runCLI(t, "", "config", "check", "-c", cfgPath); err != nil || !strings.Contains(out, "Configuration is valid") {
		t.Fatalf("step 3 check: %v\n%s", err, out)
	}

	// 5 (before 4): setup names the rooms Lotse has not joined yet, with the fix.
	out, _, err := runCLI(t, "", "setup", "-c", cfgPath)
	if exitCode(err) != exitFailed || !strings.Contains(out, "✘ Teamraum "+team.String()) || !strings.Contains(out, "Lade "+botID.String()+" in den Raum ein") {
		t.Fatalf("setup before the start: exit %d\n%s", exitCode(err), out)
	}

	// 4. Start: lotse run -c (the same steps as cmdRun, with a ready signal).
	cfg, err := config.Load(cfgPath, os.Getenv)
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	runFromConfig(t, cfg)
	for _, r := range []id.RoomID{team, approvals, lobby, announcements} {
		waitJoined(t, du, r, botID)
	}

	// 5. Check everything: all ✔, exit 0, in both languages.
	out, _, err = runCLI(t, "", "setup", "-c", cfgPath)
	if err != nil || strings.Contains(out, "✘") || !strings.Contains(out, "Teamraum "+team.String()+" (team_room): Lotse ist im Raum, der Raum ist verschlüsselt") ||
		!strings.Contains(out, "Anmeldung an der Nextcloud als lotse klappt") || !strings.Contains(out, "BigBlueButton antwortet") {
		t.Fatalf("setup after the start: %v\n%s", err, out)
	}
	t.Logf("lotse setup:\n%s", out)
	out, _, err = runCLI(t, "", "setup", "-c", cfgPath, "--lang", "en")
	if err != nil || !strings.Contains(out, "0 problems, 0 warnings.") {
		t.Fatalf("setup --lang en: %v\n%s", err, out)
	}

	// A first answer names the configured cloud, not an example address.
	dm := openDM(t, mitglied, botID, true)
	reply := askWant(t, mitglied, dm, botID, "Passwort vergessen", "https://cloud.verein.test")
	if strings.Contains(body(reply), "example.org") {
		t.Errorf("answer shows an example address:\n%s", body(reply))
	}

	// 6. First roles, alone: while nobody holds the team role, the admin
	// records their own declaration once (bootstrap, audited) …
	me := du.Cli.UserID.String()
	dd := openDM(t, du, botID, true)
	askWant(t, du, dd, botID, "!erklärung "+me+" erhalten", "Erstes Einrichten", "freigeschaltet")
	askWant(t, du, dd, botID, "!team", "aktiv")
	askWant(t, du, team, botID, "!offen", "Keine offenen Fälle")
	// … then, as with a second trusted person, one records the other's
	// declaration: here you record the second person's.
	zd := openDM(t, zweite, botID, true)
	two := zweite.Cli.UserID.String()
	askWant(t, du, dd, botID, "!rolle "+two+" team", two)
	askWant(t, du, dd, botID, "!erklärung "+two+" erhalten", "Verpflichtungserklärung von", two)
	askWant(t, zweite, zd, botID, "!team", "aktiv")
	// The bootstrap is closed now; nobody else records their own.
	askWant(t, du, dd, botID, "!erklärung "+me+" erhalten", "nur beim ersten Einrichten")
	askWant(t, zweite, zd, botID, "!erklärung "+two+" erhalten", "nicht für dich selbst")

	t.Logf("deployment guide followed in %s (with a running homeserver)", time.Since(start).Round(time.Second))
}

// runFromConfig runs Lotse with cfg until the test ends.
func runFromConfig(t *testing.T, cfg config.Config) {
	t.Helper()
	(&lotse{cfg: cfg, log: &syncBuffer{}}).run(t)
}

package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/integrations/bbb/bbbtest"
	"github.com/lotse-bot/lotse/integrations/nextcloud/nextcloudtest"
	"github.com/lotse-bot/lotse/internal/dendrite/dendritetest"
)

// setupReport runs the setup checks on cfg and returns the German and the
// English report.
func setupReport(t *testing.T, cfg config.Config) (de, en string, failed int) {
	t.Helper()
	findings := checkSetup(t.Context(), cfg)
	var bde, ben bytes.Buffer
	failed = printFindings(&bde, findings, "de")
	printFindings(&ben, findings, "en")
	return bde.String(), ben.String(), failed
}

// TestSetupFindsProblems: each broken piece of a deployment shows up with
// its fix, in German and English, against the real homeserver and the fake
// Nextcloud and BBB.
func TestSetupFindsProblems(t *testing.T) {
	srv := dendritetest.Shared()
	botID, botPassword := registerAccount(t, "lotse")
	owner := newMember(t, "owner")
	// An unencrypted team room where Lotse is a plain member, and an
	// approvals room Lotse was never invited to.
	team := createRoomAs(t, owner, "Team", false, botID, 0)
	approvals, err := owner.CreateRoom(t.Context(), "Genehmigung", true)
	if err != nil {
		t.Fatal(err)
	}
	bot, err := srv.Login(t.Context(), botID.Localpart(), botPassword)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bot.JoinRoomByID(t.Context(), team); err != nil {
		t.Fatal(err)
	}
	nc := nextcloudtest.New(t, "lotse", "right-password")
	nc.AddGroup("AG Digitales")
	meet := bbbtest.New(t, "right-secret")

	base := config.Defaults()
	base.HomeserverURL, base.UserID, base.Password, base.PickleKey = srv.URL, botID.String(), botPassword, "0123456789abcdef"
	base.GuidesDir = copyLibrary(t)
	base.TeamRoom, base.ApprovalsRoom = team.String(), approvals.String()
	base.Admins = []string{owner.Cli.UserID.String()}
	base.NextcloudURL, base.NextcloudUser, base.NextcloudAppPassword = nc.URL(), "lotse", "wrong-password"
	base.NextcloudGroups = []string{"AG Digitales"}
	base.BBBURL, base.BBBSecret = meet.URL(), "wrong-secret"
	// Every site key but cloud_url, which the shipped guides use: members
	// would read an example address there.
	base.Site = config.Site{Name: "KV Test", ContactEmail: "digital@verein.test", WebsiteURL: "https://verein.test",
		MeetURL: "https://meet.verein.test", ChatURL: "https://chat.verein.test", MatrixServer: "verein.test"}

	de, en, failed := setupReport(t, base)
	for _, want := range []string{
		"✘ Teamraum " + team.String() + " (team_room): der Raum ist nicht Ende-zu-Ende-verschlüsselt",
		"Schalte in den Raumeinstellungen unter „Sicherheit“ die Verschlüsselung ein",
		"✘ Teamraum " + team.String() + " (team_room): Lotse darf dort niemanden einladen oder entfernen",
		"✘ Genehmigungsraum " + approvals.String() + " (approvals_room): Lotse ist nicht im Raum",
		"✘ Nextcloud lehnt die Anmeldung als lotse ab",
		"LOTSE_NEXTCLOUD_APP_PASSWORD",
		"✘ BigBlueButton lehnt das Geheimnis ab",
		"⚠ Nur eine Person kann Rollen vergeben",
		"✘ Nicht gesetzt: site.cloud_url (LOTSE_SITE_CLOUD_URL) – diese Anleitungen zeigen Mitgliedern dort eine Beispieladresse",
		"⚠ Kein fallback_contact",
	} {
		if !strings.Contains(de, want) {
			t.Errorf("German report lacks %q:\n%s", want, de)
		}
	}
	for _, want := range []string{"the room is not end-to-end encrypted", "Lotse is not in the room", "Nextcloud rejects the login", "rejects the secret",
		"site.cloud_url is not set (LOTSE_SITE_CLOUD_URL), but guides use it"} {
		if !strings.Contains(en, want) {
			t.Errorf("English report lacks %q:\n%s", want, en)
		}
	}
	if failed != 6 {
		t.Errorf("failed = %d, want 6:\n%s", failed, de)
	}
	if strings.Contains(de+en, botPassword) || strings.Contains(de+en, "wrong-password") || strings.Contains(de+en, "wrong-secret") {
		t.Error("a secret appears in the report")
	}

	// Right credentials, a missing group, a wrong bot password.
	fixed := base
	fixed.TeamRoom, fixed.ApprovalsRoom = "", ""
	fixed.NextcloudAppPassword, fixed.BBBSecret = "right-password", "right-secret"
	fixed.NextcloudGroups = []string{"AG Digitales", "Bezirk Nord"}
	fixed.Site.CloudURL = "https://cloud.verein.test"
	de, _, failed = setupReport(t, fixed)
	if failed != 1 || !strings.Contains(de, "Diese Gruppen aus nextcloud_groups gibt es in der Nextcloud nicht: Bezirk Nord") ||
		!strings.Contains(de, "✔ BigBlueButton antwortet und akzeptiert das Geheimnis") {
		t.Errorf("groups: failed %d\n%s", failed, de)
	}
	wrong := fixed
	wrong.Password = "not-the-password"
	de, _, _ = setupReport(t, wrong)
	if !strings.Contains(de, "✘ Lotse kann sich nicht als "+botID.String()+" anmelden") {
		t.Errorf("wrong password:\n%s", de)
	}

	// An invalid config stops before any request.
	invalid := base
	invalid.UserID = "lotse"
	de, _, failed = setupReport(t, invalid)
	if failed != 1 || !strings.Contains(de, "user_id must be a full Matrix ID") {
		t.Errorf("invalid config:\n%s", de)
	}

	// The setup's own login device is logged out again.
	devices, err := bot.GetDevicesInfo(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range devices.Devices {
		if d.DisplayName == "Lotse setup check" {
			t.Errorf("setup left its device %s behind", d.DeviceID)
		}
	}
}

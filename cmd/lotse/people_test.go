package main

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/internal/chatclient"
	"github.com/lotse-bot/lotse/storage"
)

// createTeamRoom creates an encrypted team room in which Lotse may invite
// and kick (power level 50), and invites Lotse.
func createTeamRoom(t *testing.T, owner *chatclient.Client, botID id.UserID, invite ...id.UserID) id.RoomID {
	t.Helper()
	resp, err := owner.Cli.CreateRoom(t.Context(), &mautrix.ReqCreateRoom{
		Preset: "private_chat", Name: "Digitalisierungsteam", Invite: append([]id.UserID{botID}, invite...),
		InitialState:       []*event.Event{{Type: event.StateEncryption, Content: event.Content{Parsed: &event.EncryptionEventContent{Algorithm: id.AlgorithmMegolmV1}}}},
		PowerLevelOverride: &event.PowerLevelsEventContent{Users: map[id.UserID]int{owner.Cli.UserID: 100, botID: 50}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return resp.RoomID
}

func waitMembership(t *testing.T, c *chatclient.Client, roomID id.RoomID, user id.UserID, want event.Membership) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	if err := c.WaitMembership(ctx, roomID, user, want); err != nil {
		t.Fatal(err)
	}
}

func waitJoined(t *testing.T, c *chatclient.Client, roomID id.RoomID, user id.UserID) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	if err := c.WaitJoined(ctx, roomID, user); err != nil {
		t.Fatal(err)
	}
}

// startLotseWithAdmin starts Lotse on a copy of the starter library with
// admin as its only admin and a team room that admin created
// (createTeamRoom); support quiet hours are off. It returns once Lotse has joined the room.
func startLotseWithAdmin(t *testing.T, admin *chatclient.Client) (*lotse, id.RoomID) {
	t.Helper()
	var teamRoom id.RoomID
	l := startLotse(t, copyLibrary(t), func(cfg *config.Config) {
		teamRoom = createTeamRoom(t, admin, id.UserID(cfg.UserID))
		cfg.TeamRoom = teamRoom.String()
		cfg.SupportQuietHours = "off"
		cfg.Admins = []string{admin.Cli.UserID.String()}
	})
	waitJoined(t, admin, teamRoom, l.userID)
	return l, teamRoom
}

// askWant sends say and fails unless the reply contains all of want.
func askWant(t *testing.T, c *chatclient.Client, roomID id.RoomID, botID id.UserID, say string, want ...string) *event.Event {
	t.Helper()
	reply, _ := ask(t, c, roomID, botID, text(say))
	for _, w := range want {
		if !strings.Contains(body(reply), w) {
			t.Fatalf("answer to %q lacks %q:\n%s", say, w, body(reply))
		}
	}
	return reply
}

// TestTeamGateOnHomeserver: an application alone gives no access; the
// declaration recorded by an admin activates the role and Lotse invites
// the person into the encrypted team room, where team commands work;
// revoking the role removes the person from the team room again.
func TestTeamGateOnHomeserver(t *testing.T) {
	admin, applicant := newMember(t, "admin"), newMember(t, "applicant")
	l, teamRoom := startLotseWithAdmin(t, admin)
	who := applicant.Cli.UserID.String()

	// Application: pending, no invite, no team commands.
	dm := openDM(t, applicant, l.userID, true)
	askWant(t, applicant, dm, l.userID, "!team beitreten", "Bewerbung", "Verpflichtungserklärung")
	askWant(t, applicant, dm, l.userID, "!offen", "nur Mitglieder")
	askWant(t, applicant, dm, l.userID, "!team", "wartet auf Erklärung")
	for _, c := range []*chatclient.Client{admin, applicant} {
		if m, err := c.Cli.StateStore.GetMember(t.Context(), teamRoom, applicant.Cli.UserID); err != nil || m.Membership != event.MembershipLeave {
			t.Fatalf("%s sees the applicant in the team room before the gate is passed: %+v %v", c.Cli.UserID, m, err)
		}
	}

	// The applicant cannot record declarations itself.
	askWant(t, applicant, dm, l.userID, "!erklärung "+admin.Cli.UserID.String()+" erhalten", "nur Admins und Genehmigende")

	// The admin records the declaration in its DM with Lotse.
	adm := openDM(t, admin, l.userID, true)
	reply := askWant(t, admin, adm, l.userID, "!erklärung "+who+" erhalten", "Verpflichtungserklärung von", who)
	waitFor(t, admin, adm, l.userID, who, "freigeschaltet", "eingeladen")
	if strings.Contains(body(reply), "fehlt noch") {
		t.Fatalf("gate not passed after the declaration: %s", body(reply))
	}
	waitFor(t, applicant, dm, l.userID, "Du bist jetzt im Digitalisierungsteam freigeschaltet")

	// The invite reaches the applicant; it joins; !offen works in the team room.
	waitMembership(t, applicant, teamRoom, applicant.Cli.UserID, event.MembershipInvite)
	if _, err := applicant.Cli.JoinRoomByID(t.Context(), teamRoom); err != nil {
		t.Fatal(err)
	}
	waitJoined(t, admin, teamRoom, applicant.Cli.UserID)
	waitJoined(t, applicant, teamRoom, l.userID)
	open := askWant(t, applicant, teamRoom, l.userID, "!offen", "Keine offenen Fälle")
	if open.Mautrix.EventSource&event.SourceDecrypted == 0 {
		t.Error("answer in the team room was not encrypted")
	}
	askWant(t, applicant, dm, l.userID, "!team", "aktiv")

	// Revoking the role removes the person from the team room.
	askWant(t, admin, adm, l.userID, "!rolle "+who+" team entziehen", "ist entzogen", who)
	waitMembership(t, admin, teamRoom, applicant.Cli.UserID, event.MembershipLeave)
	waitMembership(t, applicant, teamRoom, applicant.Cli.UserID, event.MembershipLeave)
	askWant(t, applicant, dm, l.userID, "!offen", "nur Mitglieder")
}

// exportOf waits for an encrypted export file from Lotse in roomID that is
// not one of seen, downloads, decrypts and parses it.
func exportOf(t *testing.T, c *chatclient.Client, roomID id.RoomID, botID id.UserID, seen map[id.EventID]bool) (exportFile, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	evt, err := c.Wait(ctx, roomID, botID, func(e *event.Event) bool {
		mc := e.Content.AsMessage()
		return !seen[e.ID] && mc != nil && mc.MsgType == event.MsgFile
	})
	if err != nil {
		t.Fatal("no export file arrived")
	}
	seen[evt.ID] = true
	mc := evt.Content.AsMessage()
	if mc.File == nil || mc.URL != "" {
		t.Fatalf("export in an encrypted DM is not an encrypted file: %+v", mc)
	}
	if evt.Mautrix.EventSource&event.SourceDecrypted == 0 {
		t.Error("export message was not encrypted")
	}
	if !strings.HasPrefix(mc.Body, "lotse-meine-daten-") || !strings.HasSuffix(mc.Body, ".json") {
		t.Errorf("export file name %q", mc.Body)
	}
	uri, err := mc.File.URL.Parse()
	if err != nil {
		t.Fatal(err)
	}
	data, err := c.Cli.DownloadBytes(t.Context(), uri)
	if err != nil {
		t.Fatal(err)
	}
	if err := mc.File.DecryptInPlace(data); err != nil {
		t.Fatal(err)
	}
	var out exportFile
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("export is not JSON: %v\n%s", err, data)
	}
	return out, string(data)
}

// exportFile mirrors the export's JSON shape (commands.exportFile).
type exportFile struct {
	User   string                      `json:"user"`
	Tables map[string][]map[string]any `json:"tables"`
}

// TestDataRightsOnHomeserver: a member with a support case and a ticked
// checklist step gets its data (and only its data) as an encrypted JSON
// file, deletes it with the confirmation word and then has no case or
// onboarding rows any more.
func TestDataRightsOnHomeserver(t *testing.T) {
	alice := newMember(t, "alice")
	var teamRoom id.RoomID
	l := startLotse(t, copyLibrary(t), func(cfg *config.Config) {
		teamRoom = createTeamRoom(t, alice, id.UserID(cfg.UserID))
		cfg.TeamRoom = teamRoom.String()
		cfg.SupportQuietHours = "off"
		grantRoles(t, cfg, storage.RoleTeam, alice.Cli.UserID)
	})
	waitJoined(t, alice, teamRoom, l.userID)

	// Another member with a case of its own.
	other := newMember(t, "other")
	odm := openDM(t, other, l.userID, true)
	const otherQuestion = "Wie kann ich für den Bürgerschaftswahlkampf spenden?"
	askWant(t, other, odm, l.userID, otherQuestion, "Supportfall")
	askWant(t, other, odm, l.userID, "ja", "#1")

	m := newMember(t, "member")
	dm := openDM(t, m, l.userID, true)
	const question = "Wann grillt die Ortsgruppe beim Sommerfest am Plakatlager?"
	askWant(t, m, dm, l.userID, question, "Supportfall")
	askWant(t, m, dm, l.userID, "ja", "#2")
	askWant(t, m, dm, l.userID, "!start 1", "1. ✅")

	seen := map[id.EventID]bool{}
	ask(t, m, dm, l.userID, text("!meine-daten"))
	exp, raw := exportOf(t, m, dm, l.userID, seen)
	me := m.Cli.UserID.String()
	if exp.User != me {
		t.Errorf("export is for %q, want %q", exp.User, me)
	}
	if rows := exp.Tables["support_case"]; len(rows) != 1 || rows[0]["member_id"] != me {
		t.Errorf("support_case in the export: %+v", rows)
	}
	if rows := exp.Tables["onboarding_step"]; len(rows) != 1 {
		t.Errorf("onboarding_step in the export: %+v", rows)
	}
	if rows := exp.Tables["member_state"]; len(rows) != 1 || rows[0]["user_id"] != me {
		t.Errorf("member_state in the export: %+v", rows)
	}
	if !strings.Contains(raw, "Plakatlager") {
		t.Errorf("the member's own question is missing from the export")
	}
	for _, leak := range []string{other.Cli.UserID.String(), "Bürgerschaftswahlkampf", string(odm)} {
		if strings.Contains(raw, leak) {
			t.Errorf("the export contains another member's data (%q)", leak)
		}
	}

	// Deletion: the confirmation word first, then the deletion itself.
	confirm := askWant(t, m, dm, l.userID, "!daten-löschen", "nicht rückgängig")
	tok := regexp.MustCompile("!daten-löschen ([A-Za-zÄÖÜäöüß]+)").FindStringSubmatch(body(confirm))
	if tok == nil {
		t.Fatalf("no confirmation word in %q", body(confirm))
	}
	askWant(t, m, dm, l.userID, "!daten-löschen falsch", "nicht rückgängig")
	done := askWant(t, m, dm, l.userID, "!daten-löschen "+tok[1], "Erledigt", "1 Supportfall", "1 abgehakter erster Schritt", "1 Eintrag zu Begrüßung und Direktchat", "Was bleibt")
	t.Logf("deletion: %s", body(done))

	ask(t, m, dm, l.userID, text("!meine-daten"))
	exp, raw = exportOf(t, m, dm, l.userID, seen)
	for _, table := range []string{"support_case", "case_message", "case_event", "case_draft", "onboarding_step", "pending_choice", "answer"} {
		if rows := exp.Tables[table]; len(rows) != 0 {
			t.Errorf("%s still in the export after deletion: %+v", table, rows)
		}
	}
	for _, gone := range []string{"Plakatlager", other.Cli.UserID.String(), "Bürgerschaftswahlkampf"} {
		if strings.Contains(raw, gone) {
			t.Errorf("the export after deletion contains %q", gone)
		}
	}
	// The other member's case is untouched.
	askWant(t, alice, teamRoom, l.userID, "!offen", "#1")
}

// TestChecklistOnHomeserver: !start shows the checklist, !start 1 ticks
// step 1 and it stays ticked; an invalid number is explained.
func TestChecklistOnHomeserver(t *testing.T) {
	l := startLotse(t, copyLibrary(t), nil)
	m := newMember(t, "member")
	dm := openDM(t, m, l.userID, true)
	first := askWant(t, m, dm, l.userID, "!start", "Deine ersten Schritte", "1. ⬜", "!start <Nummer>")
	if strings.Contains(body(first), "✅") {
		t.Fatalf("a step is ticked before any was: %s", body(first))
	}
	askWant(t, m, dm, l.userID, "!start 1", "1. ✅", "2. ⬜")
	askWant(t, m, dm, l.userID, "!start", "1. ✅", "2. ⬜")
	askWant(t, m, dm, l.userID, "!start 99", "Bitte gib eine Nummer von 1 bis")
}

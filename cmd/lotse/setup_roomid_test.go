package main

import (
	"strings"
	"testing"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/internal/dendrite/dendritetest"
)

// TestSetupNamesRoomWithAlmostTheConfiguredID: a team room ID copied with
// one wrong character is reported with the room Lotse is in whose ID is
// almost the same, so the admin fixes the typo instead of inviting Lotse
// into the right room again.
func TestSetupNamesRoomWithAlmostTheConfiguredID(t *testing.T) {
	srv := dendritetest.Shared()
	botID, botPassword := registerAccount(t, "lotse")
	owner := newMember(t, "owner")
	team := createRoomAs(t, owner, "Team", true, botID, 50)
	bot, err := srv.Login(t.Context(), botID.Localpart(), botPassword)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bot.JoinRoomByID(t.Context(), team); err != nil {
		t.Fatal(err)
	}
	typo := []byte(team)
	if typo[1] == 'x' {
		typo[1] = 'y'
	} else {
		typo[1] = 'x'
	}

	cfg := config.Defaults()
	cfg.HomeserverURL, cfg.UserID, cfg.Password, cfg.PickleKey = srv.URL, botID.String(), botPassword, "0123456789abcdef"
	cfg.GuidesDir = copyLibrary(t)
	cfg.TeamRoom = string(typo)
	de, en, failed := setupReport(t, cfg)
	if failed == 0 {
		t.Fatalf("no problem found:\n%s", de)
	}
	for _, want := range []string{
		"✘ Teamraum " + string(typo) + " (team_room): Lotse ist nicht im Raum – aber in " + team.String() + ", dessen ID fast gleich ist.",
		"dann ist die ID in team_room vertippt",
	} {
		if !strings.Contains(de, want) {
			t.Errorf("German report lacks %q:\n%s", want, de)
		}
	}
	if want := "Lotse is not in the room – but in " + team.String(); !strings.Contains(en, want) {
		t.Errorf("English report lacks %q:\n%s", want, en)
	}
}

func TestSimilarRoom(t *testing.T) {
	configured := []setupRoom{{key: "team_room", id: "!qq4u6IMP34UnsSFz:verein.de"}, {key: "lobby_rooms", id: "!qq4u6IMP34UnsSFy:verein.de"}}
	for _, tc := range []struct {
		name   string
		want   id.RoomID
		joined []id.RoomID
		near   id.RoomID
	}{
		{"one character wrong", "!xq4u6IMP34UnsSFz:verein.de", []id.RoomID{"!abc:verein.de", "!qq4u6IMP34UnsSFA:verein.de"}, "!qq4u6IMP34UnsSFA:verein.de"},
		{"one character missing", "!qq4u6IMP34UnsSF:verein.de", []id.RoomID{"!qq4u6IMP34UnsSFA:verein.de"}, "!qq4u6IMP34UnsSFA:verein.de"},
		{"another server", "!xq4u6IMP34UnsSFz:verein.de", []id.RoomID{"!qq4u6IMP34UnsSFA:anderer.de"}, ""},
		{"a configured room is not offered", "!xq4u6IMP34UnsSFz:verein.de", []id.RoomID{"!qq4u6IMP34UnsSFy:verein.de"}, ""},
		{"two candidates", "!xq4u6IMP34UnsSFz:verein.de", []id.RoomID{"!qq4u6IMP34UnsSFA:verein.de", "!qq4u6IMP34UnsSFB:verein.de"}, ""},
		{"far apart", "!Hwa29GHiHVhzOfU0:verein.de", []id.RoomID{"!qq4u6IMP34UnsSFA:verein.de"}, ""},
		{"no server part", "!abc", []id.RoomID{"!abd:verein.de"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := similarRoom(tc.want, tc.joined, configured); got != tc.near {
				t.Errorf("similarRoom(%s) = %q, want %q", tc.want, got, tc.near)
			}
		})
	}
}

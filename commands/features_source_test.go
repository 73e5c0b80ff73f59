package commands

import (
	"slices"
	"testing"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/integrations/bbb"
	"github.com/lotse-bot/lotse/integrations/nextcloud"
)

// TestFeaturesOneSource: the feature switches the handler derives from its
// settings agree with the config's (config.Config.Features, which the
// guides' "requires" are checked against) for the same keys, set up as the
// wiring sets them up (whole-change review 20, L1: one feature was worked out
// twice, and nothing tied the two).
func TestFeaturesOneSource(t *testing.T) {
	nc, err := nextcloud.NewClient(nextcloud.Options{BaseURL: "https://cloud.example.org", User: "lotse", AppPassword: "x"})
	if err != nil {
		t.Fatal(err)
	}
	meet, err := bbb.NewClient(bbb.Options{BaseURL: "https://meet.example.org/bigbluebutton/", Secret: "s"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		cfg  config.Config
	}{
		{"nothing", config.Config{}},
		{"team room", config.Config{TeamRoom: "!team:hs"}},
		{"approvals room alone", config.Config{ApprovalsRoom: "!ap:hs"}},
		{"nextcloud without approvals room", config.Config{NextcloudURL: "https://cloud.example.org"}},
		{"nextcloud", config.Config{ApprovalsRoom: "!ap:hs", NextcloudURL: "https://cloud.example.org"}},
		{"bbb", config.Config{ApprovalsRoom: "!ap:hs", BBBURL: "https://meet.example.org/bigbluebutton/"}},
		{"coordinators", config.Config{Coordinators: []string{"@c:hs"}}},
		{"announcement rooms", config.Config{AnnouncementRooms: []string{"!a:hs"}}},
		{"everything", config.Config{TeamRoom: "!team:hs", ApprovalsRoom: "!ap:hs", NextcloudURL: "https://cloud.example.org",
			BBBURL: "https://meet.example.org/bigbluebutton/", Coordinators: []string{"@c:hs"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := tc.cfg.Features()
			h, _, _ := newTestHandler(t)
			deps := h.Deps
			// As the wiring sets them up from the same keys.
			deps.Support.TeamRoom = id.RoomID(tc.cfg.TeamRoom)
			deps.Access.ApprovalsRoom = id.RoomID(tc.cfg.ApprovalsRoom)
			if tc.cfg.NextcloudURL != "" {
				deps.Access.Nextcloud = nc
			}
			if tc.cfg.BBBURL != "" {
				deps.Access.BBB, deps.RoundTables.Meetings = meet, meet
			}
			for _, c := range tc.cfg.Coordinators {
				deps.RoundTables.Coordinators = append(deps.RoundTables.Coordinators, id.UserID(c))
			}
			for _, r := range tc.cfg.AnnouncementRooms {
				deps.RoundTables.Rooms = append(deps.RoundTables.Rooms, id.RoomID(r))
			}
			if got := New(deps).Features(); !slices.Equal(got, want) {
				t.Errorf("the handler's features %v, the config's %v", got, want)
			}
		})
	}
}

package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/config"
)

// TestUnencryptedTeamRoomWarned: Lotse says loudly, in the room itself,
// when the team room is not end-to-end encrypted.
func TestUnencryptedTeamRoomWarned(t *testing.T) {
	alice := newMember(t, "alice")
	var teamRoom id.RoomID
	l := startLotse(t, copyLibrary(t), func(cfg *config.Config) {
		var err error
		teamRoom, err = alice.CreateRoom(t.Context(), "Team (unverschlüsselt)", false, id.UserID(cfg.UserID))
		if err != nil {
			t.Fatal(err)
		}
		cfg.TeamRoom = teamRoom.String()
	})
	waitFor(t, alice, teamRoom, l.userID, "nicht Ende-zu-Ende-verschlüsselt")
}

// TestReadyzNamesRoomLotseLeft: an admin watching /readyz learns when Lotse
// was removed from the team room (cases could not reach the team), and
// which room it is.
func TestReadyzNamesRoomLotseLeft(t *testing.T) {
	alice := newMember(t, "alice")
	addr := freeAddr(t)
	var teamRoom id.RoomID
	l := startLotse(t, copyLibrary(t), func(cfg *config.Config) {
		var err error
		teamRoom, err = alice.CreateRoom(t.Context(), "Digitalteam", true, id.UserID(cfg.UserID))
		if err != nil {
			t.Fatal(err)
		}
		cfg.TeamRoom = teamRoom.String()
		cfg.OpsListen = addr
	})
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	if err := alice.WaitJoined(ctx, teamRoom, l.userID); err != nil {
		t.Fatal(err)
	}
	waitHTTP(t, "http://"+addr+"/readyz", 200, `"rooms":"ok"`)
	if _, err := alice.Cli.KickUser(t.Context(), teamRoom, &mautrix.ReqKickUser{UserID: l.userID, Reason: "aus Versehen"}); err != nil {
		t.Fatal(err)
	}
	waitHTTP(t, "http://"+addr+"/readyz", 503, "not joined to team_room "+teamRoom.String())
}

// waitHTTP polls url until it answers code with a body containing all of
// want (a Lotse endpoint whose state changes asynchronously).
func waitHTTP(t *testing.T, url string, code int, want ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	var last string
	for {
		got, body := fetch(t, url)
		last = fmt.Sprintf("%d %s", got, body)
		if got == code && containsAll(body, want) {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("%s never answered %d with %q; last: %s", url, code, want, last)
		case <-tick.C:
		}
	}
}

// fetch GETs url and returns the status and body (0 and the error if it
// could not be reached).
func fetch(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func containsAll(s string, subs []string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}

// TestRoomPower: the start-time check finds a room where Lotse may not
// invite or remove people, and counts who it could not remove (power level
// at least its own), so an admin learns it before a revoked member stays
// in the team room (security review 20, finding 2).
func TestRoomPower(t *testing.T) {
	const me = id.UserID("@lotse:test")
	for _, tt := range []struct {
		name  string
		users map[id.UserID]int
		lacks bool
		above int
	}{
		{"moderator", map[id.UserID]int{me: 50, "@admin:test": 100, "@alice:test": 0}, false, 1},
		{"default level", map[id.UserID]int{"@admin:test": 100}, true, 1},
		{"peer moderator", map[id.UserID]int{me: 50, "@bob:test": 50}, false, 1},
		{"admin", map[id.UserID]int{me: 100}, false, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			lacks, above := roomPower(&event.PowerLevelsEventContent{Users: tt.users}, me)
			if lacks != tt.lacks || above != tt.above {
				t.Errorf("lacks %v, above %d; want %v, %d", lacks, above, tt.lacks, tt.above)
			}
		})
	}
}

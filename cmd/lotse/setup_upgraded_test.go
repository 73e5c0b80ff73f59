package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/id"
)

// TestSetupReportsUpgradedRoom: `lotse setup` checked that Lotse is in each
// configured room, may write there and that the room is encrypted, but not
// whether the room was upgraded (a tombstone naming a new room): a config
// naming the old team room passed, and the running bot then logged the
// upgrade at error level. Now setup fails such a room, names the new one
// and the config key, as the bot's room watch does (bot.Tombstone).
func TestSetupReportsUpgradedRoom(t *testing.T) {
	const (
		old     = id.RoomID("!old:hs")
		current = id.RoomID("!current:hs")
		newRoom = id.RoomID("!new:hs")
		botID   = id.UserID("@lotse:hs")
	)
	cli := setupStateClient(t, botID, func(path string) (string, bool) {
		if strings.HasSuffix(path, "/state/m.room.tombstone/") && strings.Contains(path, old.String()) {
			return `{"body":"This room has been replaced","replacement_room":"` + newRoom.String() + `"}`, true
		}
		return "", false
	})
	for _, tt := range []struct {
		room     id.RoomID
		wantFail bool
	}{{old, true}, {current, false}} {
		failed, de, en := checkRoomReport(t, cli, setupRoom{"team_room", tt.room, true, true, "Teamraum", "team room"}, botID)
		if !tt.wantFail {
			if failed != 0 || strings.Contains(de, "ersetzt") {
				t.Errorf("%s: %d failed:\n%s", tt.room, failed, de)
			}
			continue
		}
		for _, want := range []string{"✘ Teamraum " + old.String() + " (team_room): der Raum wurde durch einen neuen Raum ersetzt (" + newRoom.String() + ")",
			"trag seine ID bei team_room ein"} {
			if !strings.Contains(de, want) {
				t.Errorf("German report lacks %q:\n%s", want, de)
			}
		}
		if want := "the room was upgraded to a new room (" + newRoom.String() + ")"; !strings.Contains(en, want) {
			t.Errorf("English report lacks %q:\n%s", want, en)
		}
		if failed != 1 {
			t.Errorf("failed = %d, want 1:\n%s", failed, de)
		}
	}
}

// setupStateClient is a client of a fake homeserver for `lotse setup`'s
// room checks: a state request gets state's answer where it has one (ok),
// else every room is encrypted and gives botID power level 100, and any
// other state is not found.
func setupStateClient(t *testing.T, botID id.UserID, state func(path string) (body string, ok bool)) *mautrix.Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		path := r.URL.Path
		if body, ok := state(path); ok {
			_, _ = w.Write([]byte(body))
			return
		}
		switch {
		case strings.HasSuffix(path, "/state/m.room.encryption/"):
			_, _ = w.Write([]byte(`{"algorithm":"m.megolm.v1.aes-sha2"}`))
		case strings.HasSuffix(path, "/state/m.room.power_levels/"):
			_, _ = w.Write([]byte(`{"users":{"` + botID.String() + `":100}}`))
		default:
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write([]byte(`{"errcode":"M_NOT_FOUND","error":"not found"}`))
		}
	}))
	t.Cleanup(srv.Close)
	cli, err := mautrix.NewClient(srv.URL, botID, "token")
	if err != nil {
		t.Fatal(err)
	}
	cli.DefaultHTTPRetries = 0
	return cli
}

// checkRoomReport runs setup's check of room (required) and returns how
// many checks failed and the report in German and in English.
func checkRoomReport(t *testing.T, cli *mautrix.Client, room setupRoom, botID id.UserID) (failed int, de, en string) {
	t.Helper()
	findings := checkRoom(t.Context(), cli, room, true, botID)
	var deB, enB strings.Builder
	failed = printFindings(&deB, findings, "de")
	printFindings(&enB, findings, "en")
	return failed, deB.String(), enB.String()
}

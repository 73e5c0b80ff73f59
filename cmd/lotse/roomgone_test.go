package main

import (
	"errors"
	"strings"
	"testing"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// TestTeamRoomUpgradeLogged: on a real homeserver, the team room is
// upgraded ("upgrade room" in Element: a tombstone names a new room, the
// members move there). Lotse went on relaying cases into the old room
// without a word. Now the log says at error level which config key to
// change and names the new room, at once and again at the next start, and
// /readyz's room check fails; Lotse does not follow the tombstone itself.
// Without the bot's room watch (or the start check) this test fails.
func TestTeamRoomUpgradeLogged(t *testing.T) {
	admin := newMember(t, "admin")
	l, teamRoom := startLotseWithAdmin(t, admin)
	resp, err := admin.Cli.UpgradeRoom(t.Context(), teamRoom, &mautrix.ReqUpgradeRoom{NewVersion: "10"})
	if err != nil {
		t.Fatal(err)
	}
	const upgraded = "A configured room was upgraded to a new room"
	waitLogged(t, l.log, nil, upgraded, 1)
	line := lineWith(l.log.String(), upgraded)
	for _, want := range []string{`"level":"error"`, `"config_key":"team_room"`, `"new_room_id":"` + resp.ReplacementRoom.String() + `"`} {
		if !strings.Contains(line, want) {
			t.Errorf("the log line lacks %s:\n%s", want, line)
		}
	}
	if err := checkRoomsOf(t, l); err == nil || !strings.Contains(err.Error(), resp.ReplacementRoom.String()) {
		t.Errorf("readiness rooms check: %v; want it to name the new room", err)
	}

	// Lotse stopped while the room was upgraded: the next start says it too.
	restartLotse(t, l)
	waitLogged(t, l.log, nil, upgraded, 2)
}

// TestTombstoneNeedsPower (mend24b, a measurement, no fix): who can make
// Lotse log a configured room as upgraded and fail /readyz? Lotse does not
// check the tombstone sender's power level itself: it sees only events the
// homeserver accepted. On the test homeserver a member without power who
// sends m.room.tombstone is refused (403 M_FORBIDDEN), so the event never
// reaches Lotse's sync; only someone with the room's power level for
// m.room.tombstone (its admins by default) can.
func TestTombstoneNeedsPower(t *testing.T) {
	admin := newMember(t, "tombadmin")
	plain := newMember(t, "tombmember")
	ctx := t.Context()
	resp, err := admin.Cli.CreateRoom(ctx, &mautrix.ReqCreateRoom{Preset: "private_chat", Invite: []id.UserID{plain.Cli.UserID}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := plain.Cli.JoinRoomByID(ctx, resp.RoomID); err != nil {
		t.Fatal(err)
	}
	_, err = plain.Cli.SendStateEvent(ctx, resp.RoomID, event.StateTombstone, "",
		&event.TombstoneEventContent{Body: "moved", ReplacementRoom: "!elsewhere:example.org"})
	if !errors.Is(err, mautrix.MForbidden) {
		t.Fatalf("a member without power sent a tombstone: %v; want M_FORBIDDEN", err)
	}
}

// lineWith returns the first line of logs that contains want.
func lineWith(logs, want string) string {
	for line := range strings.Lines(logs) {
		if strings.Contains(line, want) {
			return line
		}
	}
	return ""
}

// checkRoomsOf runs /readyz's room check on l's running bot.
func checkRoomsOf(t *testing.T, l *lotse) error {
	t.Helper()
	b := l.bot.Load()
	if b == nil {
		t.Fatal("no running bot")
	}
	state := &liveState{rooms: configuredRooms(l.cfg)}
	state.bot.Store(b)
	return state.CheckRooms(t.Context())
}

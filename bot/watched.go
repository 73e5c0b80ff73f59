package bot

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// RoomGone describes a configured room (Options.WatchedRooms) Lotse can no
// longer serve: it was upgraded to a new room (m.room.tombstone, Element's
// "upgrade room"), or Lotse was removed from it.
type RoomGone struct {
	// Key is the room's configuration key (team_room, …).
	Key  string
	Room id.RoomID
	// Replacement is the new room a tombstone names; "" when Lotse was
	// removed.
	Replacement id.RoomID
	// Membership is Lotse's membership after a removal (leave or ban);
	// "" for a tombstone.
	Membership event.Membership
	// By is who sent the tombstone or removed Lotse.
	By id.UserID
}

// GoneRooms returns the configured rooms Lotse can no longer serve, as the
// syncs since the start and CheckUpgraded found them, sorted by key and room.
func (b *Bot) GoneRooms() []RoomGone {
	b.mu.Lock()
	defer b.mu.Unlock()
	gone := make([]RoomGone, 0, len(b.gone))
	for _, g := range b.gone {
		gone = append(gone, g)
	}
	slices.SortFunc(gone, func(x, y RoomGone) int {
		return cmp.Or(cmp.Compare(x.Key, y.Key), cmp.Compare(x.Room, y.Room))
	})
	return gone
}

// CheckUpgraded reads the tombstone of a configured room (key names it)
// Lotse is in and, when the room was upgraded, logs it at error level and
// notes it for GoneRooms: run at start, so that an upgrade seen in an
// earlier run is said again until the config names the new room.
func (b *Bot) CheckUpgraded(ctx context.Context, room id.RoomID, key string) error {
	if joined, err := b.IsJoined(ctx, room, b.UserID()); err != nil || !joined {
		return err // a room Lotse is not in is reported as such (checkTeamRoom, /readyz)
	}
	replacement, err := Tombstone(ctx, b.Client, room)
	if err != nil {
		return fmt.Errorf("failed to read the tombstone of %s: %w", key, err)
	}
	if replacement != "" {
		b.roomGone(RoomGone{Key: key, Room: room, Replacement: replacement})
	}
	return nil
}

// Tombstone returns the new room the tombstone (m.room.tombstone) of room
// names, or "" when room was not upgraded. cli must be in room. Used at
// start (CheckUpgraded) and by `lotse setup`, which checks a configuration
// before it goes live.
func Tombstone(ctx context.Context, cli *mautrix.Client, room id.RoomID) (id.RoomID, error) {
	var content event.TombstoneEventContent
	err := cli.StateEvent(ctx, room, event.StateTombstone, "", &content)
	if errors.Is(err, mautrix.MNotFound) {
		return "", nil
	} else if err != nil {
		return "", err
	}
	// No tombstone: Dendrite answers 200 with an empty content for a state
	// event a room does not have (measured on the test homeserver); a
	// tombstone without a new room is none either.
	return content.ReplacementRoom, nil
}

// watchRooms looks through a committed sync batch for the configured
// rooms' tombstones and for Lotse's removal from one of them. Lotse does
// not follow a tombstone by itself: anyone with the room's power level for
// m.room.tombstone (usually its admins, not necessarily Lotse's) chooses
// the new room, and whether that room is encrypted and holds only people
// who may read cases is checked by the admin who changes the config (and
// `lotse setup`), not taken on trust. Until then the old room is used (the
// old members are still in it) and the log says what to change.
func (s *syncer) watchRooms(res *mautrix.RespSync) {
	b := s.bot
	if len(b.opts.WatchedRooms) == 0 {
		return
	}
	for roomID, room := range res.Rooms.Join {
		key, ok := b.opts.WatchedRooms[roomID]
		if !ok {
			continue
		}
		events := slices.Concat(room.State.Events, room.Timeline.Events)
		if room.StateAfter != nil {
			events = append(events, room.StateAfter.Events...)
		}
		for _, evt := range events {
			if inviteOnlyKeys[key] && (isExposureState(evt) || evt.Type.Type == event.StateMember.Type) {
				b.wakeExposure() // the state store has it already (DefaultSyncer.ProcessResponse)
			}
			switch {
			case evt.Type.Type == event.StateTombstone.Type && evt.StateKey != nil && *evt.StateKey == "":
				var content event.TombstoneEventContent
				if json.Unmarshal(evt.Content.VeryRaw, &content) != nil || content.ReplacementRoom == "" {
					continue // redacted, or not naming a new room
				}
				b.roomGone(RoomGone{Key: key, Room: roomID, Replacement: content.ReplacementRoom, By: evt.Sender})
			case evt.Type.Type == event.StateJoinRules.Type && evt.StateKey != nil && *evt.StateKey == "" && inviteOnlyKeys[key]:
				var content event.JoinRulesEventContent
				if json.Unmarshal(evt.Content.VeryRaw, &content) != nil || !JoinableWithoutInvite(content.JoinRule) {
					continue
				}
				b.log.Error().Str("config_key", key).Stringer("room_id", roomID).Str("join_rule", string(content.JoinRule)).
					Stringer("sender", evt.Sender).
					Msg("One can now join this room without an invitation: someone Lotse removed when their role ended can come back on their own. Set its access to private (invite only) again in the room settings")
			case evt.Sender == b.Client.UserID && isNewJoin(evt):
				b.roomBack(roomID)
			}
		}
	}
	for roomID, room := range res.Rooms.Leave {
		key, ok := b.opts.WatchedRooms[roomID]
		if !ok {
			continue
		}
		for _, evt := range slices.Concat(room.State.Events, room.Timeline.Events) {
			if evt.Type.Type != event.StateMember.Type || evt.StateKey == nil || *evt.StateKey != b.Client.UserID.String() {
				continue
			}
			if m := membershipOf(&evt.Content); m == event.MembershipLeave || m == event.MembershipBan {
				b.roomGone(RoomGone{Key: key, Room: roomID, Membership: m, By: evt.Sender})
			}
		}
	}
}

// inviteOnlyKeys are the configured rooms Lotse invites people into and
// removes them from: one that anybody (or a space's members) can join
// undoes every removal.
var inviteOnlyKeys = map[string]bool{"team_room": true, "approvals_room": true}

// JoinableWithoutInvite reports whether rule lets people join without an
// invitation: public, for the members of a space (restricted) or
// knock_restricted; invite-only and knock (a moderator lets them in) do
// not. `lotse setup` fails such a team or approvals room, every start logs
// it, and the sync logs a change to it (thirty-first pass, onb31 and
// mend31a).
func JoinableWithoutInvite(rule event.JoinRule) bool {
	switch rule {
	case event.JoinRulePublic, event.JoinRuleRestricted, event.JoinRuleKnockRestricted:
		return true
	}
	return false
}

// roomGone notes g and logs it at error level, once per room and cause.
func (b *Bot) roomGone(g RoomGone) {
	b.mu.Lock()
	if b.gone == nil {
		b.gone = map[id.RoomID]RoomGone{}
	}
	old, seen := b.gone[g.Room]
	if seen && old.Replacement == g.Replacement && old.Membership == g.Membership {
		b.mu.Unlock()
		return
	}
	if seen && old.Replacement != "" && g.Replacement == "" {
		g.Replacement = old.Replacement // removed from an upgraded room: the upgrade still counts
	}
	b.gone[g.Room] = g
	b.mu.Unlock()
	log := b.log.Error().Str("config_key", g.Key).Stringer("room_id", g.Room)
	if g.By != "" {
		log = log.Stringer("by", g.By)
	}
	if g.Membership == "" {
		log.Stringer("new_room_id", g.Replacement).
			Msg("A configured room was upgraded to a new room: Lotse keeps using the old room, where the team may no longer read. Check the new room (Lotse invited, end-to-end encrypted, only the right people in it), put its ID in the config key, and restart")
		return
	}
	log.Str("membership", string(g.Membership)).
		Msg("Lotse was removed from a configured room: what it sends there fails until it is invited again (by someone in allowed_inviters), or the config key names another room")
}

// roomBack forgets a removal from room after Lotse joined it again; an
// upgrade stays noted.
func (b *Bot) roomBack(room id.RoomID) {
	b.mu.Lock()
	defer b.mu.Unlock()
	g, ok := b.gone[room]
	if !ok || g.Membership == "" {
		return
	}
	if g.Replacement == "" {
		delete(b.gone, room)
		b.log.Info().Str("config_key", g.Key).Stringer("room_id", room).Msg("Lotse is in the configured room again")
		return
	}
	g.Membership, g.By = "", ""
	b.gone[room] = g
}

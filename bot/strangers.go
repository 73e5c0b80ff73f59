package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// Strangers who joined a team or approvals room while it was open
// (thirty-second pass, shut32). Closing the room again does not remove
// them: they would read every case and request that waited, within
// seconds. So Lotse remembers who was in the room when it found it open
// (kv, survives a restart) and, after it is closed again, keeps holding
// while anyone is joined who was not in it then and has no role for it
// (Options.BelongsIn). The room is told once how many (no names: the
// join warnings named each one); once they have left or been removed,
// or got the role, the "closed" notice follows and the held sends with it.

// strangersKeyPrefix is the kv key (with the room ID) of the members a
// room had when Lotse found it open; it exists from then until the room
// is closed and no stranger is left in it.
const strangersKeyPrefix = "exposure.members."

// strangersSaidSuffix marks (appended to the list's key) that the room
// was told it waits for strangers: only then does their leaving bring the
// "closed" notice. An opening said nothing about (mend32b's gap between
// "open" notices of a flapping room) keeps its list, so strangers count,
// but its closing stays as quiet as its opening.
const strangersSaidSuffix = "#said"

// strangersRecheck is how often a room waiting for strangers to leave is
// looked at again without a membership change: a role given to one of
// them brings no event into the room.
const strangersRecheck = time.Minute

// rememberJoined stores the members room has now (joined or invited),
// unless it holds them already: an opening after a closing that still
// waits for strangers keeps the first list, so those stay strangers.
func (b *Bot) rememberJoined(ctx context.Context, room id.RoomID) error {
	b.knownMu.Lock()
	defer b.knownMu.Unlock()
	key := strangersKeyPrefix + room.String()
	if have, err := b.db.KV.Get(ctx, key); err != nil || have != "" {
		return err
	}
	members, err := b.Client.StateStore.GetRoomJoinedOrInvitedMembers(ctx, room)
	if err != nil {
		return fmt.Errorf("failed to read the room's members: %w", err)
	}
	return b.storeKnown(ctx, room, members, false)
}

// storeKnown stores members as room's list of who was in it at its
// opening, unless it has one already and !replace. The caller holds
// knownMu.
func (b *Bot) storeKnown(ctx context.Context, room id.RoomID, members []id.UserID, replace bool) error {
	key := strangersKeyPrefix + room.String()
	if have, err := b.db.KV.Get(ctx, key); err != nil || (have != "" && !replace) {
		return err
	}
	members = slices.Clone(members)
	slices.Sort(members)
	if members == nil {
		members = []id.UserID{}
	}
	data, err := json.Marshal(members)
	if err != nil {
		return fmt.Errorf("failed to encode the room's members: %w", err)
	}
	return b.db.KV.Set(ctx, key, string(data))
}

// strangersPending reports whether room waits for strangers to leave (it
// was found open and has not been released since).
func (b *Bot) strangersPending(ctx context.Context, room id.RoomID) (bool, error) {
	have, err := b.db.KV.Get(ctx, strangersKeyPrefix+room.String())
	return have != "", err
}

// strangers counts who is joined in room now, was not in it when Lotse
// found it open (known) and has no role for it; Lotse itself never counts.
func (b *Bot) strangers(ctx context.Context, key string, room id.RoomID, known []id.UserID) (int, error) {
	members, err := b.Client.StateStore.GetAllMembers(ctx, room)
	if err != nil {
		return 0, fmt.Errorf("failed to read the room's members: %w", err)
	}
	in := make(map[id.UserID]bool, len(known))
	for _, user := range known {
		in[user] = true
	}
	n := 0
	for user, m := range members {
		// Invited or gone: reads nothing now; a join wakes the watcher.
		if m == nil || m.Membership != event.MembershipJoin || user == b.UserID() || in[user] {
			continue
		}
		if b.opts.BelongsIn != nil {
			ok, err := b.opts.BelongsIn(ctx, key, user)
			if err != nil {
				return 0, fmt.Errorf("failed to read a member's role: %w", err)
			}
			if ok {
				continue
			}
		}
		n++
	}
	return n, nil
}

// holdStrangers is sayExposure's step for a room that is closed (not
// ex.Open()): when it was found open before and someone joined meanwhile
// who has no role and is still in it, it says so once (ExposureNotice with
// ex.Strangers) and reports held, with when to look again. When nobody is
// left, it forgets the list and marks the room as last said open, so that
// sayExposure says "closed" and releases the held sends.
func (b *Bot) holdStrangers(ctx context.Context, ex Exposure, said map[id.RoomID]bool) (time.Duration, bool) {
	room := ex.Room
	data, err := b.db.KV.Get(ctx, strangersKeyPrefix+room.String())
	if err != nil {
		b.log.Warn().Err(err).Stringer("room_id", room).Msg("Could not read who was in a room when it was open; sends into it wait")
		return exposureGap, true
	}
	if data == "" {
		return 0, false
	}
	var known []id.UserID
	if err := json.Unmarshal([]byte(data), &known); err != nil {
		// Unreadable: nobody counts as known, so every joined member
		// without a role holds the room (the safe side).
		b.log.Warn().Err(err).Stringer("room_id", room).Msg("The list of who was in a room when it was open is unreadable; counting everyone without a role")
		known = nil
	}
	n, err := b.strangers(ctx, ex.Key, room, known)
	if err != nil {
		b.log.Warn().Err(err).Stringer("room_id", room).Msg("Could not count who joined a room while it was open; sends into it wait")
		return exposureGap, true
	}
	saidKey := strangersKeyPrefix + room.String() + strangersSaidSuffix
	told, err := b.db.KV.Get(ctx, saidKey)
	if err != nil {
		b.log.Warn().Err(err).Stringer("room_id", room).Msg("Could not read whether the room was told who is still in it; sends into it wait")
		return exposureGap, true
	}
	if n == 0 {
		if told != "" {
			err = b.db.KV.Delete(ctx, saidKey)
		}
		if err == nil {
			err = b.db.KV.Delete(ctx, strangersKeyPrefix+room.String())
		}
		if err != nil {
			b.log.Warn().Err(err).Stringer("room_id", room).Msg("Could not forget who was in a room when it was open; trying again")
			return exposureGap, true
		}
		if told != "" {
			said[room] = true // the "closed" notice and the held sends follow (sayExposure)
		}
		return 0, false
	}
	if told == "" || said[room] { // once per list, and again after a new opening was said
		b.log.Warn().Str("config_key", ex.Key).Stringer("room_id", room).Int("strangers", n).
			Msg("This room is closed again, but people without a role who joined while it was open are still in it: Lotse holds the cases and requests that waited until they have left or been removed")
		key, err := b.exposureKey(ctx, room)
		if err != nil {
			b.log.Warn().Err(err).Stringer("room_id", room).Msg("Could not read the room's state to say who is still in it; trying again")
			return exposureGap, true
		}
		ex.Strangers = n
		if err := b.sendExposureNotice(ctx, ex, "strangers."+key); err != nil {
			b.log.Warn().Err(err).Stringer("room_id", room).Msg("Failed to say in the room who is still in it; trying again")
			return exposureGap, true
		}
		if err := b.db.KV.Set(ctx, saidKey, "1"); err != nil {
			b.log.Warn().Err(err).Stringer("room_id", room).Msg("Could not note that the room was told who is still in it; trying again")
			return exposureGap, true
		}
		said[room] = false // said once; an opening again is said as such
	}
	return strangersRecheck, true
}

// Who was in the room at its opening (rooms33). The watcher takes its
// list (rememberJoined) when it first finds the room open: after the sync
// batch that brought the opening, and after any batch that followed
// before it ran. A stranger who joined in the same batch as the opening —
// within seconds of it, or while Lotse was stopped — was on that list and
// counted as there before (shut32's Left). So the sync writes the list
// itself, for a batch that brings a team or approvals room's join rule,
// history visibility or encryption and leaves the room open, from what
// the state store held before the batch: the members then, plus the
// membership changes of the batch that come before its first such event
// in the batch's timeline (the homeserver's order; the state section
// precedes the timeline). When the batch has a gap (the opening is in its
// state section, not in the timeline: Lotse was stopped, or the sync was
// limited), no change of the batch is taken as earlier than the opening:
// whoever joined in that gap and has no role holds the room after its
// closing until they are removed or given the role (the safe side).
// A member event's origin_server_ts is not used: the joining server sets
// it, so a stranger on their own server could date their join back.

// membersBeforeBatch returns, for each team or approvals room that res
// brings an exposure state event of and that has no list yet, its members
// (joined or invited) as the state store holds them before res is
// processed. A room whose members cannot be read is left out (the
// watcher's list follows, as before).
func (b *Bot) membersBeforeBatch(ctx context.Context, res *mautrix.RespSync) map[id.RoomID][]id.UserID {
	var before map[id.RoomID][]id.UserID
	if b.opts.ExposureNotice == nil || b.db == nil || b.Client == nil || b.Client.StateStore == nil {
		return nil // no watcher (watchExposure) to release a list again: none is taken
	}
	for room, key := range b.opts.WatchedRooms {
		jr := res.Rooms.Join[room]
		if !inviteOnlyKeys[key] || jr == nil {
			continue
		}
		if joined, err := b.IsJoined(ctx, room, b.UserID()); err != nil || !joined {
			continue // as sayExposure: a room Lotse is not in is not watched
		}
		events := slices.Concat(jr.State.Events, jr.Timeline.Events)
		if jr.StateAfter != nil {
			events = append(events, jr.StateAfter.Events...)
		}
		if !slices.ContainsFunc(events, isExposureState) {
			continue
		}
		if pending, err := b.strangersPending(ctx, room); err != nil || pending {
			continue // open before (its list stands), or unreadable: the watcher's steps
		}
		members, err := b.Client.StateStore.GetRoomJoinedOrInvitedMembers(ctx, room)
		if err != nil {
			b.log.Warn().Err(err).Stringer("room_id", room).Msg("Could not read a room's members before a change of its state; the list of who was in it at its opening is taken later")
			continue
		}
		if before == nil {
			before = map[id.RoomID][]id.UserID{}
		}
		before[room] = members
	}
	return before
}

// rememberAtOpening stores, for each room of before that res left open,
// who was in it at the opening (see above): the watcher keeps that list
// (rememberJoined stores none over it).
//
// It replaces a list the watcher took while the batch was processed
// (mend33b): the watcher runs on its own goroutine (a held send, its
// timer, an earlier batch's wake) and, between mautrix's update of the
// state store and this step, found the room open and stored its members
// as they are after the batch — the stranger of the opening's batch
// among them; storeKnown kept that list, and the stranger counted as
// there before. membersBeforeBatch found no list before the batch, so
// any list now is from this batch; knownMu keeps the watcher from
// writing between the check and the write.
func (b *Bot) rememberAtOpening(ctx context.Context, res *mautrix.RespSync, before map[id.RoomID][]id.UserID) {
	if len(before) == 0 {
		return
	}
	b.knownMu.Lock()
	defer b.knownMu.Unlock()
	for room, members := range before {
		if ex, err := b.Exposure(ctx, room); err != nil || !ex.Open() {
			continue
		}
		in := make(map[id.UserID]bool, len(members))
		for _, user := range members {
			in[user] = true
		}
		jr := res.Rooms.Join[room]
		first := slices.IndexFunc(jr.Timeline.Events, isExposureState)
		if first >= 0 && !slices.ContainsFunc(jr.State.Events, isExposureState) {
			for _, evt := range slices.Concat(jr.State.Events, jr.Timeline.Events[:first]) {
				if evt.Type.Type != event.StateMember.Type || evt.StateKey == nil {
					continue
				}
				m := membershipOf(&evt.Content)
				in[id.UserID(*evt.StateKey)] = m == event.MembershipJoin || m == event.MembershipInvite
			}
		}
		var known []id.UserID
		for user, ok := range in {
			if ok {
				known = append(known, user)
			}
		}
		if err := b.storeKnown(ctx, room, known, true); err != nil {
			b.log.Warn().Err(err).Stringer("room_id", room).Msg("Could not store who was in a room at its opening; the watcher takes the list later")
		}
	}
}

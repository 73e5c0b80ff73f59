package bot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// Exposure is how open a team or approvals room (inviteOnlyKeys) is right
// now, as the state store (kept by the sync, persisted across restarts)
// holds its state.
type Exposure struct {
	// Key is the room's configuration key (team_room, approvals_room).
	Key  string
	Room id.RoomID
	// JoinRule is the room's join rule ("" when it has none: invite only).
	JoinRule event.JoinRule
	// History is who may read the room's history.
	History event.HistoryVisibility
	// Downgraded: the room's m.room.encryption was replaced by one without
	// Megolm (another algorithm, or none). Matrix keeps no event from
	// replacing it, and mautrix then sends in plain text.
	Downgraded bool
	// Strangers, when not 0, is how many people without a role for the
	// room joined it while it was open and are still in it after it was
	// closed again: sends still wait (holdStrangers).
	Strangers int
}

// Joinable reports whether one can join the room without an invitation.
func (e Exposure) Joinable() bool { return JoinableWithoutInvite(e.JoinRule) }

// WorldReadable reports whether anyone can read the room's history without
// joining it.
func (e Exposure) WorldReadable() bool { return e.History == event.HistoryVisibilityWorldReadable }

// Open reports whether the room is no place for personal data now.
func (e Exposure) Open() bool { return e.Joinable() || e.WorldReadable() || e.Downgraded }

// HeldError is what Hold returns while a team or approvals room is open
// (Exposure.Open), or its state cannot be read: the send waits. It is
// busy (the event is tried again later without counting an attempt) and
// held (the workflows tell the member their message arrived, chat.IsHeld).
type HeldError struct {
	Key  string
	Room id.RoomID
	// Cause is why the room's state could not be read (nil: it is open).
	Cause error
}

func (e *HeldError) Error() string {
	if e.Cause != nil {
		return fmt.Sprintf("not sending into %s (%s): could not read whether it is open to everyone: %v", e.Key, e.Room, e.Cause)
	}
	return fmt.Sprintf("not sending into %s (%s) while it is open to everyone; the send waits until it is closed again", e.Key, e.Room)
}

func (e *HeldError) Unwrap() error { return e.Cause }

// Busy reports true: the event waits without counting an attempt.
func (*HeldError) Busy() bool { return true }

// Held reports true (chat.IsHeld).
func (*HeldError) Held() bool { return true }

func isHeld(err error) bool {
	var h interface{ Held() bool }
	return errors.As(err, &h) && h.Held()
}

// heldDelay is how long an event whose send was held waits before it is
// tried again at first, maxHeldDelay the most (heldDelayFor); when the
// room is closed again the held events are due at once (wakeHeld), also
// at a start that finds it closed, and an event held while the room was
// being closed is tried again at once (process sees the wake), so these
// only bound the tries while the room stays open.
const (
	heldDelay    = time.Minute
	maxHeldDelay = 15 * time.Minute
)

// heldDelayFor is the wait of a held event received at receivedAt before
// its next try at now: a quarter of its age, at least heldDelay, at most
// maxHeldDelay. A minute for every held event made a backlog cost one
// handling per event and minute for as long as the room stayed open — a
// member's 1,000 messages while it was open for a day were 1.4 million
// handlings (mend32b); now the backlog's tries fall to four an hour. The
// age is by the event's timestamp: a forged old one only makes the
// sender's own event wait longer for its try (the wake does not wait).
func heldDelayFor(receivedAt, now time.Time) time.Duration {
	return min(max(now.Sub(receivedAt)/4, heldDelay), maxHeldDelay)
}

// exposureGap is the least time before a notice that a room is open
// follows the room's last notice: a join rule switched back and forth
// makes at most two notices (open, closed) per gap, not two per switch.
// The sends are held at once regardless, and "closed" is said at once, as
// the held events follow it. Each opening said within maxExposureGap of
// the room's last notice doubles the room's gap, up to maxExposureGap: a
// rule switched by a script every few seconds made up to two notices per
// 10 s — 720 in two hours at a switch every 5 s, up to 17,000 a day
// (mend32b); now 20 in two hours, then two an hour. An opening after a
// quiet maxExposureGap is said after exposureGap again.
const (
	exposureGap    = 10 * time.Second
	maxExposureGap = time.Hour
)

// Hold returns a *HeldError when nothing may be sent into roomID now: it
// is a team or approvals room (Options.WatchedRooms) that anyone can join
// without an invitation, whose history anyone can read, or whose
// encryption was switched off. Every send of the workflows goes through it
// (chat's Env), so that members' personal data waits instead of reaching
// people who may not read it; Lotse's own notices about the room do not.
// Other rooms are never held.
func (b *Bot) Hold(ctx context.Context, roomID id.RoomID) error {
	key, ok := b.opts.WatchedRooms[roomID]
	if !ok || !inviteOnlyKeys[key] {
		return nil
	}
	ex, err := b.Exposure(ctx, roomID)
	if err != nil {
		return &HeldError{Key: key, Room: roomID, Cause: err}
	}
	if ex.Open() {
		b.wakeExposure() // said at once, also when the sync has not seen the change (the first send after a start)
		return &HeldError{Key: key, Room: roomID}
	}
	if pending, err := b.strangersPending(ctx, roomID); err != nil || pending {
		return &HeldError{Key: key, Room: roomID, Cause: err} // closed again, strangers still in it (holdStrangers)
	}
	return nil
}

// Exposure reads how open roomID is from the state store, fetching a
// join rule or history visibility the store does not hold (a room joined
// before mautrix kept them) from the homeserver once.
func (b *Bot) Exposure(ctx context.Context, roomID id.RoomID) (Exposure, error) {
	ex := Exposure{Key: b.opts.WatchedRooms[roomID], Room: roomID}
	store := b.Client.StateStore
	if store == nil {
		return ex, errors.New("no state store")
	}
	jr, err := store.GetJoinRules(ctx, roomID)
	if err != nil {
		return ex, fmt.Errorf("failed to read the join rule: %w", err)
	}
	if jr == nil {
		var content event.JoinRulesEventContent
		if err := b.fetchState(ctx, roomID, event.StateJoinRules, &content); err != nil {
			return ex, err
		}
		jr = &content
	}
	ex.JoinRule = jr.JoinRule
	hv, err := store.GetHistoryVisibility(ctx, roomID)
	if err != nil {
		return ex, fmt.Errorf("failed to read the history visibility: %w", err)
	}
	if hv == nil {
		var content event.HistoryVisibilityEventContent
		if err := b.fetchState(ctx, roomID, event.StateHistoryVisibility, &content); err != nil {
			return ex, err
		}
		hv = &content
	}
	ex.History = hv.HistoryVisibility
	if es, ok := store.(encryptionStore); ok {
		enc, err := es.GetEncryptionEvent(ctx, roomID)
		if err != nil {
			return ex, fmt.Errorf("failed to read the encryption state: %w", err)
		}
		ex.Downgraded = enc != nil && enc.Algorithm != id.AlgorithmMegolmV1
	}
	return ex, nil
}

// Exposed reports whether roomID is open to people not in it now: anyone
// (or a space's members) may join it without an invitation, or anyone may
// read its history (Exposure). A room without end-to-end encryption, or
// whose encryption was replaced, does not count: many members use
// unencrypted direct chats. The support workflow asks before it sends an
// answer to a member's direct chat (chat.Exposing, dm33).
func (b *Bot) Exposed(ctx context.Context, roomID id.RoomID) (bool, error) {
	ex, err := b.Exposure(ctx, roomID)
	if err != nil {
		return false, err
	}
	return ex.Joinable() || ex.WorldReadable(), nil
}

// encryptionStore is a state store that gives the room's m.room.encryption
// content (mautrix's SQL and memory stores do); IsEncrypted alone cannot
// tell a room never encrypted from one whose encryption was replaced.
type encryptionStore interface {
	GetEncryptionEvent(ctx context.Context, roomID id.RoomID) (*event.EncryptionEventContent, error)
}

// fetchState reads one state event of roomID from the homeserver into
// content and keeps it in the state store; a room without it keeps the
// zero content (stored too, so it is not fetched again).
func (b *Bot) fetchState(ctx context.Context, roomID id.RoomID, typ event.Type, content any) error {
	err := b.Client.StateEvent(ctx, roomID, typ, "", content)
	if errors.Is(err, mautrix.MNotFound) {
		err = nil
		switch c := content.(type) {
		case *event.JoinRulesEventContent:
			c.JoinRule = event.JoinRuleInvite
			err = b.Client.StateStore.SetJoinRules(ctx, roomID, c)
		case *event.HistoryVisibilityEventContent:
			c.HistoryVisibility = event.HistoryVisibilityShared
			err = b.Client.StateStore.SetHistoryVisibility(ctx, roomID, c)
		}
	}
	if err != nil {
		return fmt.Errorf("failed to read %s: %w", typ.Type, err)
	}
	return nil
}

// wakeExposure asks watchExposure to look at the rooms again.
func (b *Bot) wakeExposure() {
	select {
	case b.exposeWake <- struct{}{}:
	default:
	}
}

// exposureStates are the state events that decide Exposure.
var exposureStates = []event.Type{event.StateJoinRules, event.StateHistoryVisibility, event.StateEncryption}

// isExposureState reports whether evt is one of exposureStates.
func isExposureState(evt *event.Event) bool {
	return evt.StateKey != nil && *evt.StateKey == "" && slices.ContainsFunc(exposureStates, func(t event.Type) bool { return t.Type == evt.Type.Type })
}

// watchExposure says in each team or approvals room, once, when it became
// open (Exposure.Open) and that Lotse holds cases and requests back, and
// once when it is closed again and they follow; it logs both. It looks at
// the rooms after the first sync (a room opened while Lotse was stopped),
// whenever the sync brings a change of their join rule, history
// visibility or encryption, and when a send was held. A notice's
// transaction ID is made of the state events that caused it, so a restart
// does not say it again, and a new opening does.
func (b *Bot) watchExposure(ctx context.Context) {
	if b.opts.ExposureNotice == nil {
		return
	}
	select {
	case <-b.synced:
	case <-ctx.Done():
		return
	}
	var rooms []id.RoomID
	for room, key := range b.opts.WatchedRooms {
		if inviteOnlyKeys[key] {
			rooms = append(rooms, room)
		}
	}
	slices.Sort(rooms)
	said := map[id.RoomID]bool{}      // the room's last notice said it is open
	last := map[id.RoomID]time.Time{} // when the room's last notice was sent
	gap := map[id.RoomID]time.Duration{}
	retry := time.NewTimer(time.Hour)
	defer retry.Stop()
	for {
		again := time.Duration(0)
		for _, room := range rooms {
			if wait := b.sayExposure(ctx, room, said, last, gap); wait > 0 && (again == 0 || wait < again) {
				again = wait
			}
		}
		if again > 0 {
			retry.Reset(again)
		}
		select {
		case <-ctx.Done():
			return
		case <-b.exposeWake:
		case <-retry.C:
		}
	}
}

// sayExposure compares room's exposure with what was last said (said) and
// sends the notice when they differ; it returns when to look again (0:
// nothing to do). last holds when each room's last notice was sent, gap
// the least time before its next "open" notice (exposureGap).
func (b *Bot) sayExposure(ctx context.Context, room id.RoomID, said map[id.RoomID]bool, last map[id.RoomID]time.Time, gap map[id.RoomID]time.Duration) time.Duration {
	if joined, err := b.IsJoined(ctx, room, b.UserID()); err != nil || !joined {
		return 0 // reported as such elsewhere (checkTeamRoom, GoneRooms)
	}
	ex, err := b.Exposure(ctx, room)
	if err != nil {
		b.log.Warn().Err(err).Str("config_key", b.opts.WatchedRooms[room]).Stringer("room_id", room).Msg("Could not read whether a configured room is open to everyone; sends into it wait")
		return exposureGap
	}
	open := ex.Open()
	if open {
		if err := b.rememberJoined(ctx, room); err != nil {
			b.log.Warn().Err(err).Stringer("room_id", room).Msg("Could not remember who is in a room found open; trying again")
			return exposureGap
		}
	} else if wait, held := b.holdStrangers(ctx, ex, said); held {
		return wait
	}
	was, known := said[room]
	if known && was == open || !known && !open {
		if !known {
			b.wakeHeld(ctx) // closed while Lotse was stopped
		}
		said[room] = open
		return 0
	}
	gapNow := max(gap[room], exposureGap)
	if wait := gapNow - b.opts.Now().Sub(last[room]); open && !last[room].IsZero() && wait > 0 {
		return wait // a room opened again soon after its last notice: said after the gap (the sends are held already)
	}
	log := b.log.Error()
	msg := "This room is open to everyone: Lotse posts no cases or requests into it (they wait, nothing is lost) until it is invite only again, its history readable by members only and its encryption on"
	purpose := "exposed"
	if !open {
		log = b.log.Info()
		msg = "This room is closed again: Lotse posts the cases and requests that waited"
		purpose = "closed"
	}
	log.Str("config_key", ex.Key).Stringer("room_id", room).Str("join_rule", string(ex.JoinRule)).
		Str("history_visibility", string(ex.History)).Bool("encryption_off", ex.Downgraded).Msg(msg)
	key, err := b.exposureKey(ctx, room)
	if err != nil {
		b.log.Warn().Err(err).Stringer("room_id", room).Msg("Could not read the room's state to say it is open or closed; trying again")
		return exposureGap
	}
	if err := b.sendExposureNotice(ctx, ex, purpose+"."+key); err != nil {
		b.log.Warn().Err(err).Stringer("room_id", room).Msg("Failed to say in the room that it is open or closed; trying again")
		return exposureGap
	}
	if open {
		if since := b.opts.Now().Sub(last[room]); !last[room].IsZero() && since < maxExposureGap {
			gap[room] = min(2*gapNow, maxExposureGap) // opened again soon: flapping, perhaps
		} else {
			gap[room] = exposureGap
		}
	}
	said[room], last[room] = open, b.opts.Now()
	if !open {
		b.wakeHeld(ctx)
	}
	return 0
}

// exposureKey names the room's current exposure state by the IDs of the
// state events that make it (a hash: transaction IDs stay short).
func (b *Bot) exposureKey(ctx context.Context, room id.RoomID) (string, error) {
	ids := []string{room.String()}
	for _, typ := range exposureStates {
		evt, err := b.Client.FullStateEvent(ctx, room, typ, "")
		switch {
		case errors.Is(err, mautrix.MNotFound):
			ids = append(ids, "")
		case err != nil:
			return "", err
		default:
			ids = append(ids, evt.ID.String())
		}
	}
	sum := sha256.Sum256([]byte(strings.Join(ids, "\n")))
	return hex.EncodeToString(sum[:12]), nil
}

// heldReason is the inbox's note on an event whose send was held: the
// events with it are due at once when a room is closed again (wakeHeld).
const heldReason = "held: a team or approvals room is open to everyone"

// wakeHeld makes the held events due now, in their order, once a room is
// closed again (or found closed at start).
//
// The count goes up first: an event whose handling began before it and
// that is postponed after the update below would miss the update, and
// process sees the count changed and makes that event due at once.
func (b *Bot) wakeHeld(ctx context.Context) {
	b.heldWakes.Add(1)
	n, err := b.db.Inbox.DueNowPostponed(ctx, heldReason, b.opts.Now())
	if err != nil {
		b.log.Warn().Err(err).Msg("Failed to make the held events due; they follow within a minute")
		return
	}
	if n > 0 {
		b.log.Info().Int("events", n).Msg("The events that waited for a closed room are due again")
		b.notify()
	}
}

// sendExposureNotice posts the notice ExposureNotice writes for ex into
// ex.Room, as a notice that mentions nobody, under the transaction ID txn
// (made of the state that caused it, so a restart does not repeat it).
func (b *Bot) sendExposureNotice(ctx context.Context, ex Exposure, txn string) error {
	plain, htmlBody := b.opts.ExposureNotice(ex)
	content := &event.MessageEventContent{MsgType: event.MsgNotice, Body: plain, Mentions: &event.Mentions{}}
	if htmlBody != "" {
		content.Format, content.FormattedBody = event.FormatHTML, htmlBody
	}
	if _, err := b.sender.Send(ctx, ex.Room, event.EventMessage, content, txnPrefix+txn); err != nil {
		return fmt.Errorf("failed to send the room's notice: %w", err)
	}
	return nil
}

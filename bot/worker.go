package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/crypto"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// ErrPermanent marks a handler error that retrying cannot fix.
// It has a Permanent method, so the workflows, which do not import bot,
// can tell it apart from a retryable one (chat.IsPermanent).
var ErrPermanent error = permanentError{}

type permanentError struct{}

func (permanentError) Error() string   { return "permanent failure" }
func (permanentError) Permanent() bool { return true }

// busyError is a handler error with a Busy method that says true: the
// handler was asked to wait for another change of the same thing (a round
// table moved by two coordinators at once). The workflows, which do not
// import bot, mark their errors so. Such an event is tried again after
// busyDelay without counting an attempt, so that a change which waits
// behind a long one (notices to hundreds of attendees) is not given up
// after MaxAttempts (whole27).
type busyError interface{ Busy() bool }

// busyDelay is how long an event whose handler was busy waits.
const busyDelay = 15 * time.Second

func isBusy(err error) bool {
	var b busyError
	return errors.As(err, &b) && b.Busy()
}

// ErrUndecryptable marks an event whose room key has not arrived.
var ErrUndecryptable = errors.New("undecryptable")

// dispatch feeds pending inbox items to per-room workers: events of one room
// are handled in order, different rooms in parallel (at most opts.Workers).
// It returns when ctx ends; workers finish under workCtx.
func (b *Bot) dispatch(ctx, workCtx context.Context, wg *sync.WaitGroup) {
	sem := make(chan struct{}, b.opts.Workers)
	queues := map[id.RoomID][]storage.InboxItem{}
	inFlight := map[string]bool{}
	roomMore := map[id.RoomID]bool{} // the last read left items of the room out
	var mu sync.Mutex
	var truncated atomic.Bool // the last inbox read may have left rooms out
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()

	// Handle nothing before the first sync after start is committed: it
	// brings the bot's own events sent just before a crash, so their
	// transaction IDs are known before anything is sent again.
	select {
	case <-b.synced:
	case <-ctx.Done():
		return
	}

	startRoom := func(roomID id.RoomID) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				q := queues[roomID]
				if len(q) == 0 || ctx.Err() != nil {
					delete(queues, roomID)
					mu.Unlock()
					return
				}
				item := q[0]
				queues[roomID] = q[1:]
				mu.Unlock()

				select {
				case sem <- struct{}{}:
				case <-ctx.Done():
					mu.Lock()
					delete(inFlight, item.EventID)
					delete(queues, roomID)
					mu.Unlock()
					return
				}
				// The inbox may have been read before an earlier run of this
				// item finished; handle only what is still pending.
				again := false
				if pending, err := b.db.Inbox.IsPending(workCtx, item.EventID); err != nil {
					again = true
				} else if pending {
					again = b.process(workCtx, item)
				}
				<-sem
				mu.Lock()
				delete(inFlight, item.EventID)
				drained := len(queues[roomID]) == 0
				more := roomMore[roomID]
				mu.Unlock()
				// Re-read the inbox only when it can hold something new for
				// us: this item is still pending (a retry is due at a new
				// time), or this room's queue ran dry while the last read
				// left items out (of this room, or rooms beyond the limit).
				// New events wake the loop from the syncer. Re-reading
				// after every item made a backlog cost O(n²) reads.
				if again || (drained && (more || truncated.Load())) {
					b.notify()
				}
			}
		}()
	}

	for {
		b.wakeForKeys(ctx)
		items, err := b.db.Inbox.Pending(ctx, b.opts.Now(), pendingPerRoom, pendingBatch)
		if err != nil && ctx.Err() == nil {
			b.log.Err(err).Msg("Failed to read the inbox")
		}
		truncated.Store(err != nil || len(items) == pendingBatch)
		mu.Lock()
		clear(roomMore)
		for _, it := range items {
			roomMore[id.RoomID(it.RoomID)] = it.RoomHasMore
			if inFlight[it.EventID] {
				continue
			}
			inFlight[it.EventID] = true
			roomID := id.RoomID(it.RoomID)
			_, active := queues[roomID]
			queues[roomID] = append(queues[roomID], it)
			if !active {
				startRoom(roomID)
			}
		}
		mu.Unlock()

		wait := time.Minute
		if next, err := b.db.Inbox.NextRetry(ctx); err == nil && !next.IsZero() {
			wait = max(min(time.Until(next), wait), 50*time.Millisecond)
		}
		timer.Reset(wait)
		select {
		case <-ctx.Done():
			return
		case <-b.wake:
		case <-timer.C:
		}
	}
}

// pendingBatch is how many pending inbox items dispatch reads at a time,
// pendingPerRoom how many of them may belong to one room: the items come in
// order of arrival, and a room's flood (or a forged origin_server_ts) cannot
// keep other rooms waiting.
const (
	pendingBatch   = 500
	pendingPerRoom = 50
)

// process handles one inbox item and records the outcome. Failures are
// retried with a growing delay; after MaxAttempts the item is given up. It
// reports whether the item is still pending afterwards.
func (b *Bot) process(ctx context.Context, item storage.InboxItem) bool {
	log := b.log.With().Str("event_id", item.EventID).Str("room_id", item.RoomID).Str("event_type", item.EventType).Logger()
	ctx = log.WithContext(ctx)
	start := time.Now()
	wakes := b.heldWakes.Load()
	err := b.safeHandle(ctx, item)
	now := b.opts.Now()
	if err == nil {
		if err = b.db.Inbox.MarkDone(ctx, item.EventID, now); err != nil {
			log.Err(err).Msg("Failed to mark event handled; it will be handled again with the same transaction IDs")
		}
		log.Debug().Dur("took", time.Since(start)).Msg("Handled event")
		b.observe("done", item)
		return err != nil
	}
	if errors.Is(err, errSyncStopped) {
		// Shutdown, not a failure: a send waited for a fence that cannot
		// come back now. The item stays due, its attempt not counted, for
		// the next start (which settles the send).
		log.Info().Err(err).Msg("Stopped while waiting for a fence; the event is handled after the next start")
		return true
	}
	if isHeld(err) {
		// A team or approvals room is open to everyone (Hold): the event
		// waits until it is closed again (wakeHeld), without counting an
		// attempt; the room was told (watchExposure).
		log.Info().Err(err).Msg("A send waits until the room is closed again")
		due := now.Add(heldDelayFor(item.ReceivedAt, now))
		// A room was found closed while this event was handled: the wake
		// (wakeHeld) may have run before this postponement and missed it,
		// and the event waited its delay, up to maxHeldDelay (mend32b's
		// Left). It is tried again at once; if its room is still open, it
		// waits as before — one more try per wake, no loop.
		rewake := b.heldWakes.Load() != wakes
		if rewake {
			due = now
		}
		if err := b.db.Inbox.Postpone(ctx, item.EventID, due, heldReason); err != nil {
			log.Err(err).Msg("Failed to postpone event")
		} else if rewake {
			b.notify()
		}
		return true
	}
	if isBusy(err) {
		log.Info().Err(err).Dur("retry_in", busyDelay).Msg("Handler busy with another change; the event waits, no attempt counted")
		if err := b.db.Inbox.Postpone(ctx, item.EventID, now.Add(busyDelay), truncate(err.Error(), 300)); err != nil {
			log.Err(err).Msg("Failed to postpone event")
		}
		return true
	}
	if errors.Is(err, ErrPermanent) || item.Attempts+1 >= b.opts.MaxAttempts {
		log.Err(err).Int("attempts", item.Attempts+1).Msg("Giving up on event")
		b.observe("failed", item)
		if ferr := b.db.Inbox.MarkFailed(ctx, item.EventID, now, truncate(err.Error(), 300)); ferr != nil {
			log.Err(ferr).Msg("Failed to mark event failed")
			return true
		}
		b.giveUp(ctx, item, err)
		return false
	}
	b.observe("retry", item)
	delay := retryDelay(item.Attempts)
	log.Warn().Err(err).Int("attempt", item.Attempts+1).Dur("retry_in", delay).Msg("Failed to handle event, will retry")
	if err := b.db.Inbox.Retry(ctx, item.EventID, now.Add(delay), truncate(err.Error(), 300)); err != nil {
		log.Err(err).Msg("Failed to reschedule event")
	}
	return true
}

// giveUp tells OnGiveUp about a message (not reactions, invites or
// membership changes) Lotse could not handle.
func (b *Bot) giveUp(ctx context.Context, item storage.InboxItem, cause error) {
	if b.opts.OnGiveUp == nil {
		return
	}
	if item.EventType != event.EventMessage.Type && item.EventType != event.EventEncrypted.Type {
		return
	}
	direct, _ := b.isDirect(ctx, id.RoomID(item.RoomID))
	b.opts.OnGiveUp(ctx, GiveUp{
		RoomID: id.RoomID(item.RoomID), EventID: id.EventID(item.EventID), Sender: id.UserID(item.Sender),
		Direct: direct, Undecryptable: errors.Is(cause, ErrUndecryptable), Cause: cause,
	})
}

// observe reports a handled item to the Observer, if there is one.
func (b *Bot) observe(outcome string, item storage.InboxItem) {
	if b.opts.Observer != nil {
		b.opts.Observer.EventHandled(outcome, time.Since(item.ReceivedAt))
	}
}

func retryDelay(attempts int) time.Duration {
	d := time.Second << min(attempts, 10)
	return min(d, 15*time.Minute)
}

// safeHandle turns a panic in a handler into an error, so one bad event
// never takes the bot down.
func (b *Bot) safeHandle(ctx context.Context, item storage.InboxItem) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: panic: %v", ErrPermanent, r)
		}
	}()
	return b.handle(ctx, item)
}

func (b *Bot) handle(ctx context.Context, item storage.InboxItem) error {
	switch item.EventType {
	case inboxInvite:
		return b.handleInvite(ctx, item)
	case inboxHistory:
		return b.handleHistory(ctx, item)
	}
	if item.Payload == nil {
		return nil
	}
	var evt event.Event
	if err := json.Unmarshal(item.Payload, &evt); err != nil {
		return fmt.Errorf("%w: stored event is not valid JSON: %v", ErrPermanent, err)
	}
	evt.RoomID = id.RoomID(item.RoomID)
	if err := evt.Content.ParseRaw(evt.Type); err != nil && !errors.Is(err, event.ErrContentAlreadyParsed) {
		// Content we cannot parse is nothing we can answer.
		return nil
	}
	if evt.Type == event.StateMember {
		if isNewJoin(&evt) {
			// A join of a lobby room (only those reach the inbox): the welcome.
			return b.opts.Handler.Handle(ctx, Incoming{Event: &evt})
		}
		return b.handleLeave(ctx, &evt)
	}
	encrypted := false
	if evt.Type == event.EventEncrypted {
		decrypted, err := b.decrypt(ctx, &evt, item.Attempts)
		if err != nil {
			return err
		}
		if !acceptedEncrypted(decrypted) {
			// A redaction or state event inside an encrypted event was
			// checked by no server (its sender need not be allowed to make
			// it, nor it be in this room's state): nothing to act on.
			b.log.Info().Stringer("event_id", evt.ID).Str("type", decrypted.Type.Type).
				Msg("Dropping an encrypted event whose inner type is not a message or reaction")
			return nil
		}
		evt = *decrypted
		encrypted = true
	} else if enc, err := b.Client.StateStore.IsEncrypted(ctx, evt.RoomID); err == nil {
		encrypted = enc
	}
	if evt.ID != "" && evt.ID != id.EventID(item.EventID) {
		// The row holds an edit of its waiting event (Inbox.ReplaceWaiting):
		// the event is handled with the edit's newest content.
		unwrapped, ok := unwrapWaitingEdit(&evt, item)
		if !ok {
			b.log.Info().Str("event_id", item.EventID).Msg("Dropping a waiting event whose stored edit does not edit it")
			return nil
		}
		evt = *unwrapped
	}
	stripStructuredCommand(&evt)
	direct, err := b.isDirect(ctx, evt.RoomID)
	if err != nil {
		return err
	}
	return b.opts.Handler.Handle(ctx, Incoming{Event: &evt, Direct: direct, Encrypted: encrypted})
}

// acceptedEncrypted reports whether a decrypted event is of a type Lotse
// accepts encrypted: messages, reactions and stickers (what Matrix clients
// encrypt). The homeserver sees only m.room.encrypted; a redaction or a
// state event (e.g. a membership) inside one was never authorised by it.
func acceptedEncrypted(evt *event.Event) bool {
	if evt.StateKey != nil {
		return false
	}
	switch evt.Type {
	case event.EventMessage, event.EventReaction, event.EventSticker:
		return true
	}
	return false
}

// stripStructuredCommand drops an MSC4391 structured command
// (org.matrix.msc4391.command) from a message. Lotse publishes no command
// descriptions and reads commands from the text, as a client without MSC4391
// sends them; mautrix's command processor panicked on the structured form
// (the message was lost).
func stripStructuredCommand(evt *event.Event) {
	if mc, ok := evt.Content.Parsed.(*event.MessageEventContent); ok {
		mc.MSC4391BotCommand = nil
	}
}

// errKeyMissing marks an event whose room key has not arrived (yet).
var errKeyMissing = errors.New("room key for the event has not arrived yet")

// decrypt decrypts a stored encrypted event. It never waits for a missing
// room key: waiting held a worker for seconds per attempt, and a few rooms
// of bogus events stalled every worker. The event is retried instead, at
// once when a key for its room arrives (see keyArrived); from the second
// attempt on, the key is also requested from the sender's devices.
func (b *Bot) decrypt(ctx context.Context, evt *event.Event, attempts int) (*event.Event, error) {
	decrypted, err := b.crypto.Decrypt(ctx, evt)
	if errors.Is(err, crypto.ErrNoSessionFound) {
		if attempts > 0 {
			content := evt.Content.AsEncrypted()
			// Ask all of the sender's devices: the event's device_id field
			// is deprecated (Matrix v1.3) and often empty.
			b.crypto.RequestSession(ctx, evt.RoomID, content.SenderKey, content.SessionID, evt.Sender, "")
		}
		return nil, fmt.Errorf("%w: %w", ErrUndecryptable, errKeyMissing)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: failed to decrypt event: %v", ErrUndecryptable, err)
	}
	return decrypted, nil
}

// keyArrived is told by the crypto machine about each new room key: the
// room's encrypted events of that session waiting for a retry are due at
// once. Only those: anyone can send room keys naming any room, and waking
// every waiting event of the room cost each an attempt, so that ten
// sprayed keys gave them up within seconds (sec20 review, Low 4).
func (b *Bot) keyArrived(_ context.Context, roomID id.RoomID, sessionID id.SessionID, _ uint32) {
	b.mu.Lock()
	if b.keyRooms == nil {
		b.keyRooms = map[id.RoomID]map[id.SessionID]bool{}
	}
	if b.keyRooms[roomID] == nil {
		b.keyRooms[roomID] = map[id.SessionID]bool{}
	}
	b.keyRooms[roomID][sessionID] = true
	b.mu.Unlock()
	b.notify()
}

// takeKeyRooms returns (and forgets) the rooms that got new room keys,
// with the keys' session IDs.
func (b *Bot) takeKeyRooms() map[id.RoomID]map[id.SessionID]bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	rooms := b.keyRooms
	b.keyRooms = nil
	return rooms
}

// wakeForKeys makes the encrypted events waiting for the room keys that
// arrived since the last call due now. The database matches the sessions
// (noted when the events were stored): no waiting payload is read, and
// junk events of other sessions cannot crowd out a member's (whole-change
// review 20, L3).
func (b *Bot) wakeForKeys(ctx context.Context) {
	for roomID, sessions := range b.takeKeyRooms() {
		ids := make([]string, 0, len(sessions))
		for s := range sessions {
			ids = append(ids, s.String())
		}
		if _, err := b.db.Inbox.DueNowSessions(ctx, roomID.String(), ids, b.opts.Now()); err != nil && ctx.Err() == nil {
			b.log.Err(err).Msg("Failed to retry events after a room key arrived")
		}
	}
}

// encryptedSession returns the Megolm session ID of an encrypted event as
// the sync delivered it (content already parsed by mautrix, so no second
// JSON decode per event), "" when it has none.
func encryptedSession(evt *event.Event) id.SessionID {
	if c, ok := evt.Content.Parsed.(*event.EncryptedEventContent); ok {
		return c.SessionID
	}
	s, _ := evt.Content.Raw["session_id"].(string)
	return id.SessionID(s)
}

// handleInvite joins rooms the bot is invited to, if the inviter is allowed.
func (b *Bot) handleInvite(ctx context.Context, item storage.InboxItem) error {
	roomID := id.RoomID(item.RoomID)
	inviter := id.UserID(item.Sender)
	log := b.log.With().Stringer("room_id", roomID).Stringer("inviter", inviter).Logger()
	decline := func() error {
		_, err := b.Client.LeaveRoom(ctx, roomID)
		if err != nil && !errors.Is(err, mautrix.MForbidden) && !errors.Is(err, mautrix.MNotFound) {
			return fmt.Errorf("failed to decline invite: %w", err)
		}
		return nil
	}
	now := b.opts.Now()
	if !inviterAllowed(inviter, b.opts.AllowedInviters) {
		// Once a day per inviter at info level: a storm of invites from
		// someone not allowed is one line, not one per invite.
		line := log.Debug()
		if b.joins.warn("not allowed|"+inviter.String(), now) {
			line = log.Info()
		}
		line.Msg("Declining invite from a user who is not allowed; said once a day per inviter")
		return decline()
	}
	known := knownServer(inviter, b.Client.UserID.Homeserver(), b.opts.AllowedInviters)
	_, configured := b.opts.WatchedRooms[roomID]
	if ok, used := b.joins.allows(inviter, known, roomID, now); !ok && !configured {
		line := log.Debug()
		if b.joins.warn(used, now) {
			line = log.Warn()
		}
		line.Str("budget", used).Int("per_inviter", joinsPerInviter).Int("per_server", joinsPerServer).Int("all_unknown_servers", joinsPerUnknownServer).
			Msg("Declining invite: this inviter (or their server) made Lotse join too many rooms in the last 24 hours; said once a day")
		return decline()
	}
	_, err := b.Client.JoinRoomByID(ctx, roomID)
	if err != nil {
		if errors.Is(err, mautrix.MForbidden) || errors.Is(err, mautrix.MNotFound) {
			// Right after an invite the homeserver may not let us join yet
			// (its components catch up asynchronously); a withdrawn invite
			// stays refused. Retry a few times, then give up.
			if item.Attempts < 7 {
				return fmt.Errorf("join refused, will retry: %w", err)
			}
			log.Info().Err(err).Msg("Invite is no longer valid")
			return nil
		}
		return fmt.Errorf("failed to join room: %w", err)
	}
	if !configured {
		b.joins.record(inviter, known, roomID, now)
	}
	log.Info().Msg("Joined room after invite")
	var invite struct {
		IsDirect bool `json:"is_direct"`
	}
	if json.Unmarshal(item.Payload, &invite) == nil && invite.IsDirect {
		// The inviter asked for a direct chat; it counts as one only while
		// the room, created by the inviter, holds just the two (see direct.go).
		if err := b.agree(ctx, roomID, inviter); err != nil {
			return err
		}
	}
	return nil
}

// handleHistory tells the inviter, through OnHistorySkipped, that Lotse
// did not read what they wrote before the invite: only in a room of the
// two of them (a group room's earlier talk was perhaps not meant for
// Lotse at all), and only while Lotse is in it. Whether the room is their
// agreed direct chat goes with it: only there is a message answered
// without a mention, so the notice has to say what to do (mend23b).
func (b *Bot) handleHistory(ctx context.Context, item storage.InboxItem) error {
	if b.opts.OnHistorySkipped == nil {
		return nil
	}
	roomID, inviter := id.RoomID(item.RoomID), id.UserID(item.Sender)
	members, err := b.Client.StateStore.GetRoomJoinedOrInvitedMembers(ctx, roomID)
	if err != nil {
		return fmt.Errorf("failed to read room members: %w", err)
	}
	if len(members) != 2 || !slices.Contains(members, b.Client.UserID) || !slices.Contains(members, inviter) || inviter == b.Client.UserID {
		return nil
	}
	direct, err := b.directMember(ctx, roomID)
	if err != nil {
		return fmt.Errorf("failed to check for a direct chat: %w", err)
	}
	invite := id.EventID(strings.TrimPrefix(item.EventID, "history|"))
	return b.opts.OnHistorySkipped(ctx, HistorySkipped{RoomID: roomID, Member: inviter, Invite: invite, Direct: direct == inviter})
}

// handleLeave leaves a direct chat after the member left it, so no empty
// rooms pile up on the bot's account. A configured room (WatchedRooms) is
// never left: the last team member leaving the team room (all of them
// moving to its upgraded successor, or the room being set up anew) must not
// take Lotse out of the room its config names; an admin's later invite
// would be needed, and the log would read as if Lotse had been removed.
func (b *Bot) handleLeave(ctx context.Context, evt *event.Event) error {
	if _, configured := b.opts.WatchedRooms[evt.RoomID]; configured {
		return nil
	}
	members, err := b.Client.StateStore.GetRoomJoinedOrInvitedMembers(ctx, evt.RoomID)
	if err != nil {
		return fmt.Errorf("failed to read room members: %w", err)
	}
	for _, m := range members {
		if m != b.Client.UserID {
			return nil
		}
	}
	if _, err = b.Client.LeaveRoom(ctx, evt.RoomID); err != nil && !errors.Is(err, mautrix.MForbidden) {
		return fmt.Errorf("failed to leave empty room: %w", err)
	}
	_, _ = b.Client.ForgetRoom(ctx, evt.RoomID)
	b.log.Info().Stringer("room_id", evt.RoomID).Msg("Left room after the last member left")
	return nil
}

// inviterAllowed checks user against the allow-list: full user IDs or
// server names ("example.org", ":example.org", "*:example.org").
// An inviter that is no Matrix ID (no invite event named one) is never
// allowed, nor does an empty entry allow anyone (it matched the empty
// server of such an inviter).
func inviterAllowed(user id.UserID, allowed []string) bool {
	_, server, err := user.Parse()
	if err != nil || server == "" {
		return false
	}
	if len(allowed) == 0 {
		return true
	}
	for _, a := range allowed {
		a = strings.TrimSpace(a)
		switch {
		case a == "":
			continue
		case a == "*":
			return true
		case strings.HasPrefix(a, "@"):
			if id.UserID(a) == user {
				return true
			}
		default:
			if strings.TrimPrefix(strings.TrimPrefix(a, "*"), ":") == server {
				return true
			}
		}
	}
	return false
}

// waitingRelation is the waiting event's own relation kept with its stored
// edit (storage.WaitingRelationKey), or nil: none, unreadable, or an edit.
func waitingRelation(payload []byte) *event.RelatesTo {
	var kept map[string]json.RawMessage
	if json.Unmarshal(payload, &kept) != nil || len(kept[storage.WaitingRelationKey]) == 0 {
		return nil
	}
	var rel event.RelatesTo
	if json.Unmarshal(kept[storage.WaitingRelationKey], &rel) != nil || rel.Type == event.RelReplace {
		return nil
	}
	return &rel
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

// unwrapWaitingEdit turns evt, an edit (m.replace) that Inbox.ReplaceWaiting
// stored in place of the waiting event item, into that event with the
// edit's newest content (m.new_content): what its author means it to say
// now, as a client shows it. The edit must be a message by the event's
// sender that replaces exactly that event (ReplaceWaiting checked the
// inbox's room and sender; the decrypted content is checked here). The
// new content's own relation is dropped: it must not make the event an
// edit or a reply of anything else. The waiting event's own relation — the
// thread or the reply it belongs to, which ReplaceWaiting kept with the
// edit (storage.WaitingRelationKey) — is put back, so an answer in a case
// thread edited while it waited is still handled in its thread; an
// m.replace is not put back (an edit is no answer).
func unwrapWaitingEdit(evt *event.Event, item storage.InboxItem) (*event.Event, bool) {
	if evt.Type != event.EventMessage || evt.Sender.String() != item.Sender || evt.RoomID.String() != item.RoomID {
		return nil, false
	}
	content, ok := evt.Content.Parsed.(*event.MessageEventContent)
	if !ok || content.NewContent == nil || content.RelatesTo.GetReplaceID() != id.EventID(item.EventID) {
		return nil, false
	}
	nc := *content.NewContent
	nc.RelatesTo = waitingRelation(item.Payload)
	nc.NewContent = nil
	raw, err := json.Marshal(&nc)
	if err != nil {
		return nil, false
	}
	out := *evt
	out.ID = id.EventID(item.EventID)
	out.Content = event.Content{VeryRaw: raw}
	if err := out.Content.ParseRaw(event.EventMessage); err != nil {
		return nil, false
	}
	return &out, true
}

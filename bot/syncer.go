package bot

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// Inbox event types for things that are not room events.
const (
	inboxInvite = "lotse.invite"
	// inboxHistory: the inviter wrote before inviting Lotse (see
	// wroteBeforeInvite); keyed by the invite, so once per join.
	inboxHistory = "lotse.history"
)

// handledTypes are the timeline events that go into the inbox.
var handledTypes = map[event.Type]bool{
	event.EventMessage:   true,
	event.EventEncrypted: true,
	event.EventReaction:  true,
	event.EventRedaction: true,
	event.StateMember:    true,
}

// syncer wraps mautrix's DefaultSyncer (which feeds the state store and the
// crypto machine) and commits each batch's events to the inbox in the same
// transaction that advances the sync position. mautrix saves the position
// before handling a batch; our syncStore ignores that save, so a crash can
// never skip a batch.
type syncer struct {
	*mautrix.DefaultSyncer
	bot *Bot
	// failures counts the failed sync requests in a row, since
	// failingSince (both only on the sync goroutine).
	failures     int
	failingSince time.Time
	// refusals counts the sync requests in a row the homeserver refused
	// with 400 (positionRefused); dropped is set when Lotse dropped its
	// sync position for that, until a sync from a position works again
	// (both only on the sync goroutine).
	refusals int
	dropped  bool
	// oldWarned is when each sending server was last named in the warning
	// about events older than the inbox's retention (warnTooOld; only on
	// the sync goroutine).
	oldWarned map[string]time.Time
	// reset is set while the next sync starts without a position because
	// Lotse dropped it (dropPosition): syncStore.LoadNextBatch then returns
	// "", and ProcessResponse handles that sync as a homeserver's reset, not
	// as Lotse's first start.
	reset atomic.Bool
}

func newSyncer(b *Bot) *syncer {
	s := &syncer{DefaultSyncer: mautrix.NewDefaultSyncer(), bot: b}
	s.FilterJSON = &mautrix.Filter{
		Presence:    &mautrix.FilterPart{NotTypes: []event.Type{{Type: "*"}}},
		AccountData: &mautrix.FilterPart{NotTypes: []event.Type{{Type: "*"}}},
		Room: &mautrix.RoomFilter{
			Timeline:    &mautrix.FilterPart{Limit: b.opts.TimelineLimit},
			Ephemeral:   &mautrix.FilterPart{NotTypes: []event.Type{{Type: "*"}}},
			AccountData: &mautrix.FilterPart{NotTypes: []event.Type{{Type: "*"}}},
		},
	}
	return s
}

// OnFailedSync decides how long to wait after a failed sync request. An
// access token the homeserver no longer accepts stops the loop (Run ends,
// the restart logs in again). Anything else is retried, with a delay that
// doubles from 2 s to a minute (syncRetryDelay), or as long as a rate limit
// asks (Retry-After, retry_after_ms; at most 10 minutes); the first
// success resets it. An hour's outage so logs a dozen lines, not 720
// (syncFailureLogged), and the recovery is logged once with how long the
// sync failed. A refusal (4xx, not a rate limit) will not go away by
// waiting: it is logged at error level.
func (s *syncer) OnFailedSync(_ *mautrix.RespSync, err error) (time.Duration, error) {
	if err != nil && (errorIs(err, mautrix.MUnknownToken)) {
		return 0, err
	}
	now := s.bot.opts.Now()
	if s.failures == 0 {
		s.failingSince = now
	}
	s.failures++
	wait := syncRetryDelay(s.failures)
	wait = rateLimitPause(err, wait)
	var httpErr mautrix.HTTPError
	refused := false
	if errors.As(err, &httpErr) && !isRateLimit(httpErr) &&
		httpErr.Response != nil && httpErr.Response.StatusCode >= 400 && httpErr.Response.StatusCode < 500 {
		refused = true
	}
	if refused && positionRefused(httpErr) {
		s.refusals++
	} else {
		s.refusals = 0
	}
	if s.refusals >= refusalsBeforeDrop && !s.dropped {
		if dropped, dropErr := s.dropPosition(err); dropErr != nil || dropped {
			return 0, cmp.Or(dropErr, errPositionDropped)
		}
	}
	if !syncFailureLogged(s.failures) {
		return wait, nil
	}
	log := s.bot.log.Warn()
	msg := "Sync failed; retrying"
	if refused {
		log = s.bot.log.Error()
		msg = "The homeserver refuses Lotse's sync request; retrying, but this rarely goes away by itself (see docs/operations.md: the homeserver refuses the sync)"
	}
	log.Err(err).Int("failures", s.failures).Time("failing_since", s.failingSince).Dur("retry_in", wait).Msg(msg)
	return wait, nil
}

// refusalsBeforeDrop is how many 400 answers in a row to the sync make Lotse
// drop its sync position (dropPosition): with the growing pause about five
// minutes, long enough not to act on a homeserver's passing fault.
const refusalsBeforeDrop = 10

// errPositionDropped ends the sync loop after dropPosition; Run starts it
// again, without a position.
var errPositionDropped = errors.New("the homeserver refused Lotse's sync position; dropped it")

// positionRefused reports whether the homeserver refused the sync request
// itself (400, not a rate limit), as Dendrite refuses a sync position it
// cannot read ("malformed sync token", after a move to other homeserver
// software or a restore from an older backup). A sync request carries only
// the position, the inline filter and the timeout; the filter does not
// change, so a lasting 400 is the position's. 401 and 403 (a token gone, an
// account locked or suspended) are not the position's and do not count.
func positionRefused(httpErr mautrix.HTTPError) bool {
	return httpErr.Response != nil && httpErr.Response.StatusCode == http.StatusBadRequest && !isRateLimit(httpErr)
}

// dropPosition starts the sync anew without Lotse's stored position after
// the homeserver refused it refusalsBeforeDrop times in a row. Before,
// Lotse logged an error about once a minute and never healed; the admin had
// to delete sync.next_batch by hand. The position is dropped in memory
// only (the next committed sync stores the new one; a restart before that
// tries the old one again) and at most once until a sync from a position
// works again, so a homeserver that also refuses the new position does not
// cost a gap every five minutes. The sync without a position is the
// homeserver's initial sync: each room's last events, handled as after a
// homeserver's reset (ProcessResponse): what the inbox knows is not
// handled twice, what is older than inbox_retention is skipped, and a
// limited room is backfilled down to the first known event. What was
// written in the gap and lies beyond that may go unanswered: the error
// line says so. It reports false when there was no position to drop.
func (s *syncer) dropPosition(cause error) (bool, error) {
	b := s.bot
	pos, err := b.db.KV.Get(context.Background(), storage.KeyNextBatch)
	if err != nil {
		return false, fmt.Errorf("failed to read the sync position: %w", err)
	}
	if pos == "" {
		return false, nil
	}
	s.dropped = true
	s.reset.Store(true)
	s.refusals = 0
	b.log.Error().Err(cause).Int("refusals", refusalsBeforeDrop).Time("failing_since", s.failingSince).
		Msg("The homeserver keeps refusing Lotse's sync position; Lotse dropped it and starts the sync anew. Each room's last events are handled as after a homeserver reset (nothing twice); messages written while the sync failed may go unanswered")
	return true, nil
}

// maxRateLimitWait bounds the pause a rate-limited sync takes: a broken
// homeserver's Retry-After of a day must not silence Lotse for a day.
const maxRateLimitWait = 10 * time.Minute

// rateLimitPause is the pause before asking again after err when the
// ordinary pause is wait: as long as a rate limit asks (Retry-After,
// retry_after_ms; rateLimitWait), at most maxRateLimitWait, and at least
// wait: a rate limit of 0 (or one that overflowed, see rateLimitWait) must
// not make Lotse ask again at once, hundreds of times a second. Any other
// error: wait. The sync loop and the login at start (connect) use it.
func rateLimitPause(err error, wait time.Duration) time.Duration {
	var httpErr mautrix.HTTPError
	if !errors.As(err, &httpErr) || !isRateLimit(httpErr) {
		return wait
	}
	return min(max(rateLimitWait(httpErr, wait), wait), maxRateLimitWait)
}

// syncRetryDelay is the pause after the n-th failed sync in a row: 2 s,
// doubling, at most a minute.
func syncRetryDelay(n int) time.Duration {
	if n > 6 {
		return time.Minute
	}
	return min(time.Second<<n, time.Minute)
}

// syncFailureLogged reports whether the n-th failed sync in a row is
// logged: the first six (while the delay grows), then every tenth (about
// every ten minutes).
func syncFailureLogged(n int) bool { return n <= 6 || n%10 == 0 }

// syncSucceeded resets the failure count after a committed batch and logs
// the recovery.
func (s *syncer) syncSucceeded(now time.Time) {
	if s.failures == 0 {
		return
	}
	s.bot.log.Info().Int("failures", s.failures).Dur("failed_for", now.Sub(s.failingSince)).Msg("Sync works again")
	s.failures, s.refusals = 0, 0
}

// ProcessResponse lets mautrix update the state store and crypto machine,
// then commits the batch's events and the new sync position atomically.
func (s *syncer) ProcessResponse(ctx context.Context, res *mautrix.RespSync, since string) error {
	// Who was in a team or approvals room that this batch opens, read
	// before the batch changes the state store (rooms33).
	opened := s.bot.membersBeforeBatch(ctx, res)
	if err := s.DefaultSyncer.ProcessResponse(ctx, res, since); err != nil {
		return err
	}
	s.bot.rememberAtOpening(ctx, res, opened)
	b := s.bot
	now := b.opts.Now()
	// A sync without a position after Lotse dropped its own (dropPosition)
	// is not a first start: it is handled like the homeserver's own reset.
	resetting := since == "" && s.reset.Load()
	firstStart := since == "" && !resetting
	var (
		items  []storage.InboxItem
		own    []storage.SentEvent
		ownIDs []id.EventID       // every own event of the batch, for the sender's fences
		tooOld = map[string]int{} // events skipped as older than the inbox's retention, per sending server
	)
	for roomID, room := range res.Rooms.Join {
		events := room.Timeline.Events
		var beyond []*event.Event // the backfill's events older than the invite, newest first
		if room.Timeline.Limited && !firstStart {
			older, rest, err := s.backfill(ctx, roomID, room.Timeline.PrevBatch)
			if err != nil {
				return fmt.Errorf("failed to fetch missed events in %s: %w", roomID, err)
			}
			events, beyond = append(older, events...), rest
		}
		// History from before Lotse's invite into the room is not answered.
		invited := lastOwnInvite(events, b.Client.UserID)
		if invited > 0 && !firstStart {
			b.log.Info().Stringer("room_id", roomID).Int("events", invited).Msg("Not handling the events from before Lotse's invite")
		}
		if invite := skippedHistory(room.Timeline.Events, events, beyond, invited, b.Client.UserID); invite != nil && !firstStart {
			// Whether the room is a direct chat is decided when the item is
			// handled (after the join, with its members).
			items = append(items, storage.InboxItem{
				EventID: "history|" + invite.ID.String(), RoomID: roomID.String(), Sender: invite.Sender.String(),
				EventType: inboxHistory, Payload: []byte(`{}`), ReceivedAt: eventTime(invite, now),
			})
		}
		for i, evt := range events {
			if evt.Sender == b.Client.UserID && evt.ID != "" {
				ownIDs = append(ownIDs, evt.ID)
				if b.sender.recorded(evt.ID) {
					// Sent by this process and recorded already: no need to
					// decrypt it (a Megolm decryption per answer) to learn
					// its transaction ID.
					continue
				}
				if txn := s.ownTxnID(ctx, roomID, evt); txn != "" {
					own = append(own, storage.SentEvent{TxnID: txn, EventID: evt.ID.String(), RoomID: roomID.String(), SentAt: eventTime(evt, now)})
				}
				continue
			}
			if !handledTypes[evt.Type] || evt.ID == "" {
				continue
			}
			if evt.Type == event.StateMember && !isLeave(evt) && !(b.lobby[roomID] && isNewJoin(evt)) {
				continue
			}
			// A copy: mautrix's crypto helper may still read evt on its own
			// goroutine (waiting for a missing room key).
			stored := *evt
			stored.RoomID = roomID
			raw, err := json.Marshal(&stored)
			if err != nil {
				return fmt.Errorf("failed to serialise event %s: %w", evt.ID, err)
			}
			state := storage.InboxPending
			old := !firstStart && s.beyondRetention(evt)
			if firstStart || i < invited || old {
				// History from before Lotse's very first start, or from
				// before it was invited into the room, is not answered;
				// nor is an event older than the inbox's retention: the
				// inbox may have forgotten that it was handled (see
				// beyondRetention). A homeserver that lost Lotse's sync
				// position sends each room's last events again (Dendrite
				// answers an unknown position with a fresh initial sync);
				// those were answered a second time.
				state = storage.InboxSkipped
				raw = nil
			}
			if old {
				tooOld[evt.Sender.Homeserver()]++
			}
			var session id.SessionID
			if evt.Type == event.EventEncrypted && raw != nil {
				// Noted for the room key that may make it due (wakeForKeys).
				session = encryptedSession(evt)
			}
			items = append(items, storage.InboxItem{
				EventID: evt.ID.String(), RoomID: roomID.String(), Sender: evt.Sender.String(),
				EventType: evt.Type.Type, Payload: raw, ReceivedAt: eventTime(evt, now), State: state,
				SessionID: session.String(),
			})
		}
	}
	for roomID, room := range res.Rooms.Invite {
		inviter, isDirect := inviterOf(room.State.Events, b.Client.UserID)
		raw, _ := json.Marshal(map[string]any{"room_id": roomID.String(), "inviter": inviter.String(), "is_direct": isDirect})
		items = append(items, storage.InboxItem{
			// Joining twice is harmless, so the key only has to be unique per batch.
			EventID: "invite|" + roomID.String() + "|" + res.NextBatch, RoomID: roomID.String(),
			Sender: inviter.String(), EventType: inboxInvite, Payload: raw, ReceivedAt: now,
		})
	}
	if err := b.db.Inbox.Commit(ctx, items, own, res.NextBatch); err != nil {
		return err
	}
	s.warnTooOld(tooOld, now)
	if resetting {
		s.reset.Store(false)
		b.log.Info().Msg("Sync works again from a new position")
	} else if since != "" {
		s.dropped = false
	}
	b.sender.observe(ownIDs)
	b.committed.Add(1)
	s.watchRooms(res)
	s.syncSucceeded(now)
	b.mu.Lock()
	b.lastSync = now
	b.mu.Unlock()
	b.syncOnce.Do(func() { close(b.synced) })
	if len(items) > 0 {
		b.notify()
	}
	return nil
}

// tooOldWarnEvery is how often the warning about events older than the
// inbox's retention names the same sending server again.
const tooOldWarnEvery = time.Hour

// maxOldWarned bounds syncer.oldWarned: beyond it, servers not named for
// tooOldWarnEvery are forgotten.
const maxOldWarned = 1000

// warnTooOld logs the events of a committed batch that were skipped as
// older than the inbox's retention, one line per sending server (the part
// of the sender's Matrix ID after the colon; never the ID itself, nor the
// content), at most once per server per tooOldWarnEvery. Besides a long
// stop and a homeserver's reset, a server whose clock runs behind (its
// origin_server_ts in the past) makes every event it sends look old: every
// member of that server is then silenced, and the line has to name the
// server the admin should ask to fix its clock (docs/operations.md).
// Before, the line counted the events only and came with every sync.
func (s *syncer) warnTooOld(tooOld map[string]int, now time.Time) {
	if len(tooOld) == 0 {
		return
	}
	if s.oldWarned == nil {
		s.oldWarned = map[string]time.Time{}
	}
	if len(s.oldWarned) > maxOldWarned {
		for server, at := range s.oldWarned {
			if now.Sub(at) >= tooOldWarnEvery {
				delete(s.oldWarned, server)
			}
		}
	}
	servers := slices.Sorted(maps.Keys(tooOld))
	for _, server := range servers {
		if at, ok := s.oldWarned[server]; ok && now.Sub(at) < tooOldWarnEvery && !now.Before(at) {
			continue
		}
		s.oldWarned[server] = now
		s.bot.log.Warn().Str("server", server).Int("events", tooOld[server]).Dur("inbox_retention", s.bot.opts.InboxRetention).
			Msg("Not handling events older than the inbox's retention: Lotse was stopped for longer, the homeserver sent old history again (its sync position reset), or, for another server's members or with a homeserver that sends no event age (Dendrite), the clock of this sending server (or of Lotse's host) is wrong; said at most once an hour per server (see docs/operations.md)")
	}
}

// ownTxnID reads the transaction ID Lotse put into one of its own events
// (decrypting it with its own room key if needed), or "". An own event that
// cannot be decrypted (its room key lost with a crashed process's store,
// or no crypto) falls back to unsigned.transaction_id, which the
// homeserver adds to the events of the device that sent them.
func (s *syncer) ownTxnID(ctx context.Context, roomID id.RoomID, evt *event.Event) string {
	raw := evt.Content.VeryRaw
	if evt.Type == event.EventEncrypted {
		if s.bot.crypto == nil {
			return unsignedTxnID(evt)
		}
		own := *evt // not evt itself: the crypto helper may read it concurrently
		own.RoomID = roomID
		decrypted, err := s.bot.crypto.Decrypt(ctx, &own)
		if err != nil {
			txn := unsignedTxnID(evt)
			s.bot.log.Debug().Err(err).Stringer("event_id", evt.ID).Str("txn_id", txn).Msg("Could not decrypt own event; using its unsigned transaction ID")
			return txn
		}
		raw = decrypted.Content.VeryRaw
	}
	var marker map[string]any
	if json.Unmarshal(raw, &marker) != nil {
		return ""
	}
	txn, _ := marker[TxnKey].(string)
	return txn
}

// unsignedTxnID returns the transaction ID the homeserver reports for one
// of Lotse's own events (unsigned.transaction_id, set only for the device
// that sent it) if it is one of Lotse's send IDs (TxnID), or "": a fence's
// ID settles nothing, and any other ID is not Lotse's bookkeeping.
func unsignedTxnID(evt *event.Event) string {
	txn := evt.Unsigned.TransactionID
	if !strings.HasPrefix(txn, txnPrefix) || strings.HasPrefix(txn, fenceTxnPrefix) {
		return ""
	}
	return txn
}

// backfill fetches the events a limited timeline left out, oldest first,
// stopping at the first event the inbox already knows, at the first one
// older than the inbox's retention (beyondRetention) or at Lotse's own
// invite into the room (which it returns; nothing older is handled). beyond
// are the events of the last page older than that invite, newest first:
// fetched anyway, they are only looked at for wroteBeforeInvite.
func (s *syncer) backfill(ctx context.Context, roomID id.RoomID, from string) (collected, beyond []*event.Event, err error) {
	for page := 0; page < 20 && from != ""; page++ {
		resp, err := s.bot.Client.Messages(ctx, roomID, from, "", mautrix.DirectionBackward, nil, 100)
		if err != nil {
			return nil, nil, err
		}
		stop := len(resp.Chunk) == 0
		for i, evt := range resp.Chunk {
			known, err := s.bot.db.Inbox.Has(ctx, evt.ID.String())
			if err != nil {
				return nil, nil, err
			}
			if known || s.beyondRetention(evt) {
				stop = true
				break
			}
			collected = append(collected, evt)
			if isInviteOf(evt, s.bot.Client.UserID) {
				beyond = resp.Chunk[i+1:]
				stop = true
				break
			}
		}
		if stop {
			break
		}
		from = resp.End
	}
	// Messages returned newest first.
	for i, j := 0, len(collected)-1; i < j; i, j = i+1, j-1 {
		collected[i], collected[j] = collected[j], collected[i]
	}
	s.bot.log.Info().Stringer("room_id", roomID).Int("events", len(collected)).Msg("Fetched events a limited sync left out")
	return collected, beyond, nil
}

// beyondRetention reports whether evt is older than the inbox's retention.
// The inbox forgets a handled event after inbox_retention, so a backfill
// through a room that was quiet for longer (then more messages at once than
// a sync's timeline holds) would find none of the events it handled and
// answer them all again. What is older than the retention is history: had it
// come while Lotse ran, it was handled; had Lotse been down for longer, a
// week-old question is not answered late either (the invite's rule, Low 12
// of docs/security.md).
//
// The age is the homeserver's unsigned.age when it sends one, and only
// for a sender on Lotse's own homeserver (hs25, narrowed by mend25b):
// for its own users' events the homeserver measures it (Synapse: its clock
// against the age_ts it noted when the event was made; Conduit and its
// forks: their clock against origin_server_ts), so Lotse's clock does not
// matter. For an event from another server Synapse passes on the age the
// delivering server wrote into the PDU's unsigned block, checked by no one
// and never updated (its federation age code is known broken, Synapse
// issue 8429): a month-old message resent after a reset still says a few
// hundred milliseconds, and any server that delivers the event may write
// any number. Such events are judged by origin_server_ts (signed by the
// sender's server) against Lotse's clock: a sending server (or Lotse's
// host) whose clock is off by more than the retention then silences its
// members (warnTooOld names the server). Dendrite v0.13.8 sends no age. A
// negative age (the homeserver's own clocks disagree) is not old. The age
// of exactly 0 cannot be told from none (mautrix's Unsigned drops the
// difference); it falls back to the timestamp.
func (s *syncer) beyondRetention(evt *event.Event) bool {
	keep := s.bot.opts.InboxRetention
	if keep <= 0 {
		return false
	}
	if age := evt.Unsigned.Age; age != 0 && evt.Sender.Homeserver() == s.bot.Client.UserID.Homeserver() {
		return age > keep.Milliseconds()
	}
	if evt.Timestamp <= 0 {
		return false
	}
	return s.bot.opts.Now().Sub(time.UnixMilli(evt.Timestamp)) > keep
}

// skippedHistory returns Lotse's invite into a room (events[invited], see
// lastOwnInvite) when the inviter wrote before it (wroteBeforeInvite) and
// this sync is the one of Lotse's join: timeline, the sync's own timeline
// without its backfill, holds Lotse's join. Otherwise nil. Without the
// join's check, a later limited sync whose backfill found no known event
// (the inbox's rows pruned after inbox_retention, or erased) walked back
// to the old invite and queued the notice again, its earlier inbox row
// gone (mend23b). A join in a sync is its newest membership event of
// Lotse's, so a limited join sync still holds it, unless more than the
// timeline limit of events followed the join before that sync.
func skippedHistory(timeline, events, beyond []*event.Event, invited int, me id.UserID) *event.Event {
	if invited < 0 || events[invited].ID == "" {
		return nil
	}
	if !slices.ContainsFunc(timeline, func(evt *event.Event) bool { return evt.Sender == me && isNewJoin(evt) }) {
		return nil
	}
	invite := events[invited]
	if !wroteBeforeInvite(events[:invited], beyond, invite.Sender, me) {
		return nil
	}
	return invite
}

// wroteBeforeInvite reports whether inviter sent a message (plain or
// encrypted) into the room before inviting me: before are the events in
// front of the invite (oldest first), beyond still older ones (newest
// first). It looks at nothing beyond what the sync and its backfill
// carried, and back only to my previous membership change in the room: an
// older message was written while Lotse was in the room (and handled
// then) or belongs to an earlier join. The message itself is not read.
func wroteBeforeInvite(before, beyond []*event.Event, inviter, me id.UserID) bool {
	wrote := func(evt *event.Event) (found, stop bool) {
		if evt.Type == event.StateMember && evt.StateKey != nil && *evt.StateKey == me.String() {
			return false, true
		}
		return evt.Sender == inviter && (evt.Type == event.EventMessage || evt.Type == event.EventEncrypted), false
	}
	for i := len(before) - 1; i >= 0; i-- {
		if found, stop := wrote(before[i]); found || stop {
			return found
		}
	}
	for _, evt := range beyond {
		if found, stop := wrote(evt); found || stop {
			return found
		}
	}
	return false
}

// lastOwnInvite returns the position in events (a room's timeline, in the
// homeserver's order) of the last invite of me into the room, or -1. The
// events before it are the room's history from before Lotse was asked in
// (sec20 review, Low 12): a group room's earlier talk, which the first sync
// after joining may carry, is not answered. What comes after the invite is,
// also before Lotse's join: a member's first message in a new direct chat
// is often written while Lotse has not joined yet. The order is the
// homeserver's, not the senders' origin_server_ts, which a sender's server
// chooses freely. Invites reach only a room Lotse is not in, so a timeline
// holds one only right after a (re)join; the decision is committed with
// the batch (skipped rows), and a later backfill stops at the invite.
func lastOwnInvite(events []*event.Event, me id.UserID) int {
	for i := len(events) - 1; i >= 0; i-- {
		if isInviteOf(events[i], me) {
			return i
		}
	}
	return -1
}

// isInviteOf reports whether evt invites user into its room.
func isInviteOf(evt *event.Event, user id.UserID) bool {
	return evt.Type == event.StateMember && evt.StateKey != nil && *evt.StateKey == user.String() &&
		membershipOf(&evt.Content) == event.MembershipInvite
}

// membershipOf reads the membership of a raw m.room.member content (the
// sync's events are not parsed yet); "" if there is none.
func membershipOf(c *event.Content) event.Membership {
	if c == nil {
		return ""
	}
	var content struct {
		Membership event.Membership `json:"membership"`
	}
	_ = json.Unmarshal(c.VeryRaw, &content)
	return content.Membership
}

func isLeave(evt *event.Event) bool {
	m := membershipOf(&evt.Content)
	return m == event.MembershipLeave || m == event.MembershipBan
}

// isNewJoin reports whether evt is someone joining (not a profile change).
func isNewJoin(evt *event.Event) bool {
	return membershipOf(&evt.Content) == event.MembershipJoin && membershipOf(evt.Unsigned.PrevContent) != event.MembershipJoin &&
		evt.StateKey != nil && *evt.StateKey == evt.Sender.String()
}

// inviterOf returns who invited me and whether the invite asked for a
// direct chat (is_direct), from the invite's stripped state: the last
// membership event of mine in it. The homeserver (Synapse and Dendrite
// alike) puts the invite event itself last, after the invite_room_state
// the inviting server chose; for a room on another server that list is
// unchecked, and a forged membership of mine in it named any inviter, an
// allowed one too (hs25: the first one was taken).
func inviterOf(state []*event.Event, me id.UserID) (id.UserID, bool) {
	for i := len(state) - 1; i >= 0; i-- {
		evt := state[i]
		if evt.Type == event.StateMember && evt.StateKey != nil && *evt.StateKey == me.String() {
			var content struct {
				IsDirect bool `json:"is_direct"`
			}
			_ = json.Unmarshal(evt.Content.VeryRaw, &content)
			return evt.Sender, content.IsDirect
		}
	}
	return "", false
}

func eventTime(evt *event.Event, now time.Time) time.Time {
	if evt.Timestamp > 0 {
		return time.UnixMilli(evt.Timestamp)
	}
	return now
}

// syncStore keeps the sync position in Lotse's database. SaveNextBatch is a
// no-op on purpose: the position is saved by the syncer together with the
// batch's events (see syncer.ProcessResponse). The sync filter is sent
// inline (its JSON as the filter parameter, as the spec allows) instead of
// stored on the homeserver: a homeserver restored from a backup older than
// the filter, or moved to other software, refused every sync with a stored
// filter ID it no longer knew (Synapse: 400 M_INVALID_PARAM "No such
// filter"), for ever.
type syncStore struct {
	db     *storage.DB
	filter string // the sync filter's JSON
	// reset, when set and true, makes LoadNextBatch return no position
	// (syncer.reset, see dropPosition).
	reset *atomic.Bool
}

var _ mautrix.SyncStore = (*syncStore)(nil)

// newSyncStore keeps the sync position in db and sends filter inline.
func newSyncStore(db *storage.DB, filter *mautrix.Filter) (*syncStore, error) {
	raw, err := json.Marshal(filter)
	if err != nil {
		return nil, fmt.Errorf("failed to encode the sync filter: %w", err)
	}
	return &syncStore{db: db, filter: string(raw)}, nil
}

// SaveFilterID is never called: LoadFilterID always has the inline filter.
func (s *syncStore) SaveFilterID(context.Context, id.UserID, string) error { return nil }

// LoadFilterID returns the filter's JSON, which mautrix passes as the
// filter parameter of every sync.
func (s *syncStore) LoadFilterID(context.Context, id.UserID) (string, error) {
	return s.filter, nil
}

func (s *syncStore) SaveNextBatch(context.Context, id.UserID, string) error { return nil }

// LoadNextBatch returns the stored sync position, or none after the syncer
// dropped it (dropPosition).
func (s *syncStore) LoadNextBatch(ctx context.Context, _ id.UserID) (string, error) {
	if s.reset != nil && s.reset.Load() {
		return "", nil
	}
	return s.db.KV.Get(ctx, storage.KeyNextBatch)
}

package bot

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"go.mau.fi/util/retryafter"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// Sender sends events with caller-chosen transaction IDs, so that a retry —
// within one attempt or after a restart — never produces a duplicate. It
// waits as long as the homeserver asks on M_LIMIT_EXCEEDED and retries
// transient failures (network errors, 5xx) with a growing delay.
type Sender struct {
	cli  *mautrix.Client
	log  zerolog.Logger
	sent SentLog

	// MaxWait bounds the total time one Send may spend retrying.
	MaxWait time.Duration

	// fit, if set, is applied to every content before it is sent
	// (Options.Fit); set before the first Send.
	fit func(ctx context.Context, roomID id.RoomID, content any) any

	rateLimited atomic.Int64
	retries     atomic.Int64

	recentMu sync.Mutex
	recent   map[id.EventID]bool // sent and recorded; bounded (see remember)

	// Sends whose outcome is unknown: begun by an earlier process that
	// died before the response (loaded from the SentLog at the first Send,
	// before this process begins any) or failed here without an answer. A
	// send of one of them waits for a fence first (see settle).
	openMu    sync.Mutex
	openReady bool
	open      map[string]openTxn // transaction ID → room, when it became open
	openSeq   atomic.Uint64      // sends that became open here, counted

	// The one fence in flight per room, which every send in the room that
	// needs one waits for (see fence); the sent fences' waiters; the own
	// events the sync committed while a fence's response was outstanding.
	seenMu  sync.Mutex
	fences  map[id.RoomID]*roomFence
	sending int // fences whose response is outstanding
	seen    map[id.EventID]bool
	waiters map[id.EventID]chan struct{}
	syncEnd chan struct{} // closed when the sync has stopped: no fence comes back
	// The fences running (runFence), which Bot.Run waits for at its end
	// (see waitFences); fenceIdle is signalled when none is left. A
	// counter rather than a sync.WaitGroup: a test reads it to see that a
	// fence is counted while it runs.
	fenceRuns int
	fenceIdle *sync.Cond
	// waiting, if set, runs once a fence's waiter is registered (tests: a
	// sync that comes after the fence's response, without a sleep).
	waiting func(fence id.EventID)
	// joined, if set, runs when a send starts waiting for the room's
	// fence in flight, which covers the sends open up to covers; the send
	// needs one covering after (tests: act once a send waits, without a
	// sleep).
	joined func(room id.RoomID, covers, after uint64)
}

// openTxn is a send whose outcome is unknown: its room, and the value of
// openSeq when it became open here (0: begun by an earlier process). A
// fence settles it only if it was sent after that (roomFence.covers).
type openTxn struct {
	room id.RoomID
	seq  uint64
}

// roomFence is a fence in flight in one room. It settles the room's sends
// that were open when it was sent (openTxn.seq ≤ covers): a request of
// theirs was made before the fence's.
type roomFence struct {
	covers uint64
	begun  time.Time     // before the fence was sent
	done   chan struct{} // closed when it came back through the sync, or failed
	err    error         // why it failed; read after done
}

// errSyncStopped ends the wait for a fence when the sync has stopped (the
// process shuts down): the fence cannot come back before the next start.
var errSyncStopped = errors.New("the sync has stopped; a fence cannot come back before the next start")

// FenceType is the event type of the fence Lotse sends into a room before it
// repeats a send whose outcome is unknown. Clients do not show it.
var FenceType = event.Type{Type: "org.lotse.fence", Class: event.MessageEventType}

// fenceTxnPrefix begins the transaction ID of every fence.
const fenceTxnPrefix = txnPrefix + "fence."

// txnPrefix begins every transaction ID Lotse sends with (TxnID, fences):
// an own event's ID without it is not Lotse's bookkeeping.
const txnPrefix = "lotse."

// recentLimit bounds the set of recently sent events the sync loop skips.
const recentLimit = 4096

// remember notes an event whose transaction ID is recorded, so the sync
// loop need not decrypt it again to learn it.
func (s *Sender) remember(evtID id.EventID) {
	s.recentMu.Lock()
	defer s.recentMu.Unlock()
	if s.recent == nil || len(s.recent) >= recentLimit {
		s.recent = make(map[id.EventID]bool, 64)
	}
	s.recent[evtID] = true
}

// recorded reports whether evtID was sent by this process and its
// transaction ID is already in the database.
func (s *Sender) recorded(evtID id.EventID) bool {
	s.recentMu.Lock()
	defer s.recentMu.Unlock()
	return s.recent[evtID]
}

// SentLog remembers which transaction IDs were already sent, and which
// sends were begun and not completed (storage.InboxQuery).
type SentLog interface {
	SentEventID(ctx context.Context, txnID string) (string, error)
	RecordSent(ctx context.Context, se storage.SentEvent) error
	BeginSend(ctx context.Context, txnID, roomID string, at time.Time) error
	AbandonSend(ctx context.Context, txnID string) error
	SettleSend(ctx context.Context, txnID string, begunBefore time.Time) error
	OpenSends(ctx context.Context, staleBefore time.Time) (map[string]string, error)
	// StoredTxnID is the form a transaction ID is stored (and listed by
	// OpenSends) under; the other methods take either form.
	StoredTxnID(txnID string) string
}

// openSendMaxAge is the age after which a send begun and never completed is
// settled without a fence (OpenSends drops it): the first sync after a
// start brings every event the homeserver made since the last position, so
// an event of a request that old has come through a sync (and completed
// the row) or was never made.
const openSendMaxAge = 24 * time.Hour

// TxnKey is the content key that carries Lotse's transaction ID inside
// every event it sends. Seeing its own events in the sync stream, Lotse
// learns which sends reached the homeserver even when it crashed before
// the response arrived and the homeserver forgot the transaction (Dendrite
// caches transaction IDs only for completed requests of one access token).
const TxnKey = "org.lotse.txn_id"

// NewSender returns a Sender for cli that records sends in sent.
func NewSender(cli *mautrix.Client, sent SentLog, log zerolog.Logger) *Sender {
	s := &Sender{
		cli: cli, sent: sent, log: log, MaxWait: 2 * time.Minute,
		open:    map[string]openTxn{},
		fences:  map[id.RoomID]*roomFence{},
		waiters: map[id.EventID]chan struct{}{},
		syncEnd: make(chan struct{}),
	}
	s.fenceIdle = sync.NewCond(&s.seenMu)
	return s
}

// syncStarted tells the Sender that the sync runs (again): fences can come
// back through it.
func (s *Sender) syncStarted() {
	s.seenMu.Lock()
	defer s.seenMu.Unlock()
	select {
	case <-s.syncEnd:
		s.syncEnd = make(chan struct{})
	default:
	}
}

// syncStopped tells the Sender that the sync has stopped: the fences in
// flight fail, and every send waiting for one returns at once instead of
// waiting out its deadline; fences are not sent until syncStarted.
func (s *Sender) syncStopped() {
	s.seenMu.Lock()
	defer s.seenMu.Unlock()
	select {
	case <-s.syncEnd:
	default:
		close(s.syncEnd)
	}
}

// TxnID derives a stable transaction ID from the event being handled and a
// purpose, e.g. TxnID(evt.ID, "answer", 0).
func TxnID(cause id.EventID, purpose string, n int) string {
	h := sha256.Sum256([]byte(cause.String() + "\x00" + purpose + "\x00" + strconv.Itoa(n)))
	return txnPrefix + hex.EncodeToString(h[:12])
}

// Stats returns how often sending hit a rate limit and how often it retried.
func (s *Sender) Stats() (rateLimited, retries int64) {
	return s.rateLimited.Load(), s.retries.Load()
}

// Send sends content (a *event.MessageEventContent, *event.Content, or any
// JSON-serialisable value) of type evtType to roomID, encrypting it in
// encrypted rooms.
func (s *Sender) Send(ctx context.Context, roomID id.RoomID, evtType event.Type, content any, txnID string) (id.EventID, error) {
	if txnID == "" {
		return "", errors.New("send without a transaction ID")
	}
	if prev, err := s.sent.SentEventID(ctx, txnID); err != nil {
		return "", err
	} else if prev != "" {
		s.log.Debug().Str("txn_id", txnID).Str("event_id", prev).Msg("Already sent, not sending again")
		return id.EventID(prev), nil
	}
	if settled, err := s.begin(ctx, roomID, txnID); err != nil || settled != "" {
		return settled, err
	}
	if s.fit != nil {
		content = s.fit(ctx, roomID, content)
	}
	content = withTxnMarker(content, txnID)
	deadline := time.Now().Add(s.MaxWait)
	backoff := 500 * time.Millisecond
	for attempt := 0; ; attempt++ {
		resp, err := s.cli.SendMessageEvent(ctx, roomID, evtType, content, mautrix.ReqSendEvent{TransactionID: txnID})
		if err == nil {
			if err := s.sent.RecordSent(ctx, storage.SentEvent{TxnID: txnID, EventID: resp.EventID.String(), RoomID: roomID.String(), SentAt: time.Now()}); err != nil {
				s.log.Warn().Err(err).Msg("Failed to record sent event")
			} else {
				s.remember(resp.EventID)
			}
			return resp.EventID, nil
		}
		if err := s.pause(ctx, err, &backoff, deadline); err != nil {
			s.unsettled(ctx, roomID, txnID, err)
			return "", fmt.Errorf("failed to send %s to %s after %d attempts: %w", evtType.Type, roomID, attempt+1, err)
		}
		if !rateLimited(err) { // err is the attempt's, which pause found worth repeating
			// A 5xx or a lost connection leaves the outcome unknown: the
			// homeserver may have queued the event and still create it
			// (a 502 of a proxy, Dendrite's 500 when the request outlived
			// its wait), and a repeat with the same transaction ID would
			// make a second one. Settle it as after a restart first.
			// When the fence shows the try made no event, it settles the
			// try's row (SettleSend deletes it): the next try is begun
			// again, or a kill during it would leave no open send behind.
			s.unsettled(ctx, roomID, txnID, err)
			if settled, err := s.begin(ctx, roomID, txnID); err != nil || settled != "" {
				return settled, err
			}
		}
	}
}

// begin prepares a try of the send txnID into roomID: a send of unknown
// outcome is settled first (settle; its event ID if it turned out to be
// complete), then the try is noted as begun before it goes out.
func (s *Sender) begin(ctx context.Context, roomID id.RoomID, txnID string) (id.EventID, error) {
	if settled, err := s.settle(ctx, roomID, txnID); err != nil || settled != "" {
		return settled, err
	}
	return "", s.sent.BeginSend(ctx, txnID, roomID.String(), time.Now())
}

// pause waits before a request that failed with err is repeated: as long
// as the homeserver asks (a rate limit) or, for a transient error, backoff,
// which it then doubles (at most 30 s). It returns err when the error is
// not worth repeating or the wait would end after deadline, and ctx's error
// when ctx ends first; nil means: repeat. Send and sendFence share it.
func (s *Sender) pause(ctx context.Context, err error, backoff *time.Duration, deadline time.Time) error {
	wait, retry := s.retryAfter(err, *backoff)
	if !retry || ctx.Err() != nil || time.Now().Add(wait).After(deadline) {
		return err
	}
	s.retries.Add(1)
	s.log.Debug().Err(err).Dur("wait", wait).Msg("Retrying send")
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(wait):
	}
	*backoff = min(*backoff*2, 30*time.Second)
	return nil
}

// rateLimited reports whether err is the homeserver's rate limit: a refusal
// that created no event, so a repeat needs no fence.
func rateLimited(err error) bool {
	var httpErr mautrix.HTTPError
	return errors.As(err, &httpErr) && isRateLimit(httpErr)
}

// unsettled notes a send that ended without the homeserver's answer: a
// request may still be on its way to the room, so the next send of txnID
// waits for a fence. A send the homeserver refused (an answer below 500
// that is not a rate limit) created no event and is forgotten.
func (s *Sender) unsettled(ctx context.Context, roomID id.RoomID, txnID string, err error) {
	var httpErr mautrix.HTTPError
	if errors.As(err, &httpErr) && httpErr.Response != nil && httpErr.Response.StatusCode < 500 && !rateLimited(err) {
		if err := s.sent.AbandonSend(context.WithoutCancel(ctx), txnID); err != nil {
			s.log.Warn().Err(err).Msg("Failed to forget a refused send")
		}
		return
	}
	s.openMu.Lock()
	defer s.openMu.Unlock()
	s.open[s.sent.StoredTxnID(txnID)] = openTxn{room: roomID, seq: s.openSeq.Add(1)}
}

// settle makes sure a send of txnID is not repeated while an earlier
// request for it may still create the event. Sends begun by a process
// that died before their response, or failed here without an answer, are
// open: the event may exist already, or the homeserver may still be
// processing the request (a send is not cancelled by its client dying:
// Dendrite queues the event and forgets the transaction ID of a request
// that did not complete, so a repeat creates a second event), and the
// first sync after the start need not have brought it. settle then waits
// for a fence in the room the earlier send went to (the room's fence in
// flight, or a new one) until the sync has committed the fence:
// the homeserver handles a room's events in the order they were queued
// and the sync delivers them in that order, so an event of the earlier
// request has come through the sync by then and the syncer recorded its
// transaction ID (from the marker in its content). It returns the event
// ID if the send turned out to be complete, or "".
func (s *Sender) settle(ctx context.Context, roomID id.RoomID, txnID string) (id.EventID, error) {
	if err := s.loadOpen(ctx); err != nil {
		return "", err
	}
	s.openMu.Lock()
	o, isOpen := s.open[s.sent.StoredTxnID(txnID)]
	s.openMu.Unlock()
	if !isOpen {
		return "", nil
	}
	// The fence goes into the room the earlier request went to, which may
	// not be this one: the same transaction ID can go to another room on a
	// later try (a new direct chat after the member left the old one).
	s.log.Info().Str("txn_id", txnID).Stringer("room_id", o.room).Stringer("send_room_id", roomID).
		Msg("A send may still be in progress from before; waiting for a fence before sending it")
	if err := s.fence(ctx, o.room, o.seq); errors.Is(err, mautrix.MForbidden) {
		// A room where Lotse may send messages but not other event types
		// (a tighter events_default): a fence can never settle the send
		// there, and waiting would lose the answer. Send it once, as
		// before fences existed; a rare duplicate beats a certain loss.
		s.log.Warn().Err(err).Stringer("room_id", o.room).Msg("The room refuses fences; sending without settling an earlier send")
	} else if err != nil {
		return "", fmt.Errorf("failed to settle an earlier send in %s: %w", o.room, err)
	}
	prev, err := s.sent.SentEventID(ctx, txnID)
	if err != nil {
		return "", err
	}
	if prev != "" {
		s.log.Info().Str("txn_id", txnID).Str("event_id", prev).Msg("The earlier send reached the room; not sending again")
	}
	return id.EventID(prev), nil
}

// loadOpen reads, once, the sends begun by earlier processes and never
// completed. It runs before this process begins its first send.
func (s *Sender) loadOpen(ctx context.Context) error {
	s.openMu.Lock()
	defer s.openMu.Unlock()
	if s.openReady {
		return nil
	}
	open, err := s.sent.OpenSends(ctx, time.Now().Add(-openSendMaxAge))
	if err != nil {
		return err
	}
	for txn, room := range open {
		s.open[txn] = openTxn{room: id.RoomID(room)}
	}
	s.openReady = true
	if len(open) > 0 {
		s.log.Info().Int("open_sends", len(open)).Msg("Sends from before the start without a known outcome")
	}
	return nil
}

// fence waits until a fence sent into roomID after the send that became
// open at openSeq value after (0: before this process) has come back
// through the sync, or returns why the wait ended without it. There
// is at most one fence in flight per room: a send that needs one waits for
// the room's fence in flight (a retry of the item, another send in the
// room), or, if that fence was sent before its own request ended, for the
// next one. The wait ends after MaxWait, when ctx ends or when the sync
// stops; the fence stays in flight for the next try, and settles the
// room's open sends when it comes back (see runFence).
func (s *Sender) fence(ctx context.Context, roomID id.RoomID, after uint64) error {
	timeout := time.NewTimer(s.MaxWait)
	defer timeout.Stop()
	for {
		s.seenMu.Lock()
		end := s.syncEnd
		f := s.fences[roomID]
		if f == nil {
			select {
			case <-end:
				s.seenMu.Unlock()
				return errSyncStopped
			default:
			}
			// Read before the fence is sent: every send open by now
			// ended its request before the fence's request begins.
			f = &roomFence{covers: s.openSeq.Load(), begun: time.Now(), done: make(chan struct{})}
			s.fences[roomID] = f
			s.fenceRuns++ // under seenMu, while the sync runs: before waitFences
			go func() {
				defer s.fenceEnded()
				s.runFence(roomID, f, end)
			}()
		}
		s.seenMu.Unlock()
		if s.joined != nil {
			s.joined(roomID, f.covers, after)
		}
		timedOut := false
		select {
		case <-f.done:
		case <-ctx.Done():
		case <-end:
		case <-timeout.C:
			timedOut = true
		}
		select {
		case <-f.done: // done beats a stop that came at the same time
		default:
			return fenceWaitOver(ctx, roomID, end, timeout, timedOut, s.MaxWait)
		}
		if f.covers >= after {
			return f.err
		}
		// That fence went out before this send became open; the next one,
		// unless the wait is over: a timeout, ctx or the sync's stop that
		// came with the fence's end is not used up by it (the timer would
		// not fire again, and a send that gave up would start a fence).
		if err := fenceWaitOver(ctx, roomID, end, timeout, timedOut, s.MaxWait); err != nil {
			return err
		}
	}
}

// fenceWaitOver says why a send's wait for the fence in roomID is over
// without that fence: ctx ended, the sync stopped (end is closed), or the
// wait timed out (timedOut, or the timer's tick is waiting now); nil when
// none of them has come.
func fenceWaitOver(ctx context.Context, roomID id.RoomID, end <-chan struct{}, timeout *time.Timer, timedOut bool, maxWait time.Duration) error {
	if !timedOut {
		select {
		case <-timeout.C:
			timedOut = true
		default:
		}
	}
	select {
	case <-end:
		return errSyncStopped
	default:
	}
	switch {
	case ctx.Err() != nil:
		return fmt.Errorf("waiting for the fence in %s: %w", roomID, ctx.Err())
	case timedOut:
		return fmt.Errorf("the fence in %s did not come back through the sync within %s", roomID, maxWait)
	}
	return nil
}

// fenceLifetime bounds how long a fence stays in flight: after it, a send
// that still needs one sends a new one (a fence lost on the way).
func (s *Sender) fenceLifetime() time.Duration { return max(10*s.MaxWait, time.Minute) }

// runFence sends the fence f into roomID (an empty event of FenceType,
// unencrypted: no room key is needed, and it carries nothing) and waits
// until the sync has committed it (see observe), until the sync stops
// (end) or for fenceLifetime, then ends f. It runs on its own, not under
// one send's context: the sends waiting for f come and go.
func (s *Sender) runFence(roomID id.RoomID, f *roomFence, end <-chan struct{}) {
	ctx, cancel := context.WithTimeout(context.Background(), s.fenceLifetime())
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		select {
		case <-end:
			cancel()
		case <-ctx.Done():
		}
	}()
	defer func() { cancel(); <-watched }() // no goroutine outlives runFence
	s.seenMu.Lock()
	s.sending++
	s.seenMu.Unlock()
	evtID, err := s.sendFence(ctx, roomID)
	s.seenMu.Lock()
	s.sending--
	var ch chan struct{}
	if err == nil && !s.seen[evtID] {
		ch = make(chan struct{})
		s.waiters[evtID] = ch
	}
	if s.sending == 0 {
		s.seen = nil
	}
	s.seenMu.Unlock()
	if ch != nil {
		if s.waiting != nil {
			s.waiting(evtID)
		}
		select {
		case <-ch:
		case <-end:
			err = errSyncStopped
		case <-ctx.Done():
			err = fmt.Errorf("the fence %s did not come back through the sync: %w", evtID, ctx.Err())
		}
	}
	select {
	case <-end: // the fence's context ended with the sync
		if err != nil && !errors.Is(err, mautrix.MForbidden) {
			err = errSyncStopped
		}
	default:
	}
	if err == nil || errors.Is(err, mautrix.MForbidden) {
		// Settled: the room's sends that were open when the fence went
		// out, also those whose waiters gave up (their retry sends at
		// once). A room that refuses fences never settles them; they go
		// out once, as before fences existed (see settle).
		covered := s.settled(roomID, f.covers)
		if err == nil {
			// The fence showed which of them made no event: their rows
			// are no longer begun (a retry begins its own), so no later
			// start lists them again.
			for _, txn := range covered {
				if err := s.sent.SettleSend(context.WithoutCancel(ctx), txn, f.begun); err != nil {
					s.log.Warn().Err(err).Str("txn_id", txn).Msg("Failed to note a settled send")
				}
			}
		}
	} else {
		s.log.Warn().Err(err).Stringer("room_id", roomID).Msg("A fence did not settle the room's open sends")
	}
	s.seenMu.Lock()
	f.err = err
	if s.fences[roomID] == f {
		delete(s.fences, roomID)
	}
	delete(s.waiters, evtID)
	s.seenMu.Unlock()
	close(f.done)
}

// waitFences returns when no fence runs any more. Bot.Run calls it after
// syncStopped, so that no fence outlives Run: they end soon once the sync
// has stopped, and none starts until syncStarted.
func (s *Sender) waitFences() {
	s.seenMu.Lock()
	defer s.seenMu.Unlock()
	for s.fenceRuns > 0 {
		s.fenceIdle.Wait()
	}
}

// fenceEnded notes that a runFence has returned.
func (s *Sender) fenceEnded() {
	s.seenMu.Lock()
	defer s.seenMu.Unlock()
	s.fenceRuns--
	if s.fenceRuns == 0 {
		s.fenceIdle.Broadcast()
	}
}

// settled forgets the open sends in roomID that a fence covering openSeq
// value covers settled, and returns them.
func (s *Sender) settled(roomID id.RoomID, covers uint64) []string {
	s.openMu.Lock()
	defer s.openMu.Unlock()
	var txns []string
	for txn, o := range s.open {
		if o.room == roomID && o.seq <= covers {
			delete(s.open, txn)
			txns = append(txns, txn)
		}
	}
	return txns
}

// sendFence sends the fence's event, retrying as Send does for up to MaxWait.
func (s *Sender) sendFence(ctx context.Context, roomID id.RoomID) (id.EventID, error) {
	deadline := time.Now().Add(s.MaxWait)
	var nonce [12]byte
	_, _ = rand.Read(nonce[:])
	txnID := fenceTxnPrefix + hex.EncodeToString(nonce[:])
	backoff := 500 * time.Millisecond
	for {
		resp, err := s.cli.SendMessageEvent(ctx, roomID, FenceType, map[string]any{}, mautrix.ReqSendEvent{TransactionID: txnID, DontEncrypt: true})
		if err == nil {
			return resp.EventID, nil
		}
		if err := s.pause(ctx, err, &backoff, deadline); err != nil {
			return "", fmt.Errorf("failed to send a fence: %w", err)
		}
	}
}

// observe is called by the sync loop with the IDs of Lotse's own events in a
// batch, after the batch (with the transaction IDs it carried) is committed.
func (s *Sender) observe(ids []id.EventID) {
	s.seenMu.Lock()
	defer s.seenMu.Unlock()
	for _, evtID := range ids {
		if ch, ok := s.waiters[evtID]; ok {
			close(ch)
			delete(s.waiters, evtID)
			continue
		}
		if s.sending > 0 { // a fence whose response has not come yet
			if s.seen == nil {
				s.seen = map[id.EventID]bool{}
			}
			s.seen[evtID] = true
		}
	}
}

// withTxnMarker adds TxnKey to content.
func withTxnMarker(content any, txnID string) any {
	if c, ok := content.(*event.Content); ok {
		raw := make(map[string]any, len(c.Raw)+1)
		for k, v := range c.Raw {
			raw[k] = v
		}
		raw[TxnKey] = txnID
		return &event.Content{Parsed: c.Parsed, Raw: raw}
	}
	return &event.Content{Parsed: content, Raw: map[string]any{TxnKey: txnID}}
}

// React sends a reaction (not encrypted, as the spec requires).
func (s *Sender) React(ctx context.Context, roomID id.RoomID, target id.EventID, key, txnID string) (id.EventID, error) {
	content := &event.ReactionEventContent{RelatesTo: event.RelatesTo{Type: event.RelAnnotation, EventID: target, Key: key}}
	return s.Send(ctx, roomID, event.EventReaction, content, txnID)
}

// retryAfter decides whether err is worth retrying and how long to wait.
func (s *Sender) retryAfter(err error, backoff time.Duration) (time.Duration, bool) {
	var httpErr mautrix.HTTPError
	if errors.As(err, &httpErr) && isRateLimit(httpErr) {
		s.rateLimited.Add(1)
		return rateLimitWait(httpErr, backoff), true
	}
	if transientError(err) {
		return backoff, true
	}
	return 0, false
}

// isRateLimit reports whether the homeserver rate-limited the request.
func isRateLimit(httpErr mautrix.HTTPError) bool {
	return (httpErr.RespError != nil && httpErr.RespError.ErrCode == mautrix.MLimitExceeded.ErrCode) ||
		(httpErr.Response != nil && httpErr.Response.StatusCode == http.StatusTooManyRequests)
}

// rateLimitWait honours the Retry-After header first, then retry_after_ms.
// Either is bounded by rateLimitCeiling before it becomes a duration: a
// value beyond about 292 years (Retry-After: 99999999999, retry_after_ms:
// 1e19) overflowed time.Duration into a negative or tiny pause, and the
// caller asked again at once.
func rateLimitWait(httpErr mautrix.HTTPError, fallback time.Duration) time.Duration {
	if httpErr.Response != nil {
		header := httpErr.Response.Header.Get("Retry-After")
		if secs, err := strconv.ParseFloat(strings.TrimSpace(header), 64); err == nil && secs > rateLimitCeiling.Seconds() {
			return rateLimitCeiling
		}
		// Seconds or an HTTP date, as go.mau.fi/util/retryafter reads it.
		if d := retryafter.Parse(header, -1); d >= 0 {
			return min(d, rateLimitCeiling) + 10*time.Millisecond
		}
	}
	if httpErr.RespError != nil {
		if ms, ok := httpErr.RespError.ExtraData["retry_after_ms"].(float64); ok && ms >= 0 {
			if ms > float64(rateLimitCeiling/time.Millisecond) {
				return rateLimitCeiling
			}
			return time.Duration(ms)*time.Millisecond + 10*time.Millisecond
		}
	}
	return fallback
}

// rateLimitCeiling bounds what rateLimitWait reads from the homeserver;
// callers bound it further (the sync: maxRateLimitWait).
const rateLimitCeiling = 24 * time.Hour

// transientError reports whether err may go away by itself: the homeserver
// could not be reached, answered 5xx or rate-limited the request.
func transientError(err error) bool {
	var httpErr mautrix.HTTPError
	if errors.As(err, &httpErr) {
		if isRateLimit(httpErr) {
			return true
		}
		if httpErr.Response != nil {
			return httpErr.Response.StatusCode >= 500
		}
		if httpErr.WrappedError != nil {
			return isNetworkError(httpErr.WrappedError)
		}
	}
	return isNetworkError(err)
}

func isNetworkError(err error) bool {
	var netErr net.Error
	return errors.As(err, &netErr)
}

func errorIs(err, target error) bool { return errors.Is(err, target) }

package bot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
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

	rateLimited atomic.Int64
	retries     atomic.Int64

	recentMu sync.Mutex
	recent   map[id.EventID]bool // sent and recorded; bounded (see remember)
}

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

// SentLog remembers which transaction IDs were already sent (storage.InboxQuery).
type SentLog interface {
	SentEventID(ctx context.Context, txnID string) (string, error)
	RecordSent(ctx context.Context, se storage.SentEvent) error
}

// TxnKey is the content key that carries Lotse's transaction ID inside
// every event it sends. Seeing its own events in the sync stream, Lotse
// learns which sends reached the homeserver even when it crashed before
// the response arrived and the homeserver forgot the transaction (Dendrite
// caches transaction IDs only for completed requests of one access token).
const TxnKey = "org.lotse.txn_id"

// NewSender returns a Sender for cli that records sends in sent.
func NewSender(cli *mautrix.Client, sent SentLog, log zerolog.Logger) *Sender {
	return &Sender{cli: cli, sent: sent, log: log, MaxWait: 2 * time.Minute}
}

// TxnID derives a stable transaction ID from the event being handled and a
// purpose, e.g. TxnID(evt.ID, "answer", 0).
func TxnID(cause id.EventID, purpose string, n int) string {
	h := sha256.Sum256([]byte(cause.String() + "\x00" + purpose + "\x00" + strconv.Itoa(n)))
	return "lotse." + hex.EncodeToString(h[:12])
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
		wait, retry := s.retryAfter(err, backoff)
		if !retry || ctx.Err() != nil {
			return "", fmt.Errorf("failed to send %s to %s: %w", evtType.Type, roomID, err)
		}
		if time.Now().Add(wait).After(deadline) {
			return "", fmt.Errorf("failed to send %s to %s after %d attempts: %w", evtType.Type, roomID, attempt+1, err)
		}
		s.retries.Add(1)
		s.log.Debug().Err(err).Dur("wait", wait).Int("attempt", attempt+1).Msg("Retrying send")
		select {
		case <-ctx.Done():
			return "", ctx.Err()
		case <-time.After(wait):
		}
		backoff = min(backoff*2, 30*time.Second)
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
func rateLimitWait(httpErr mautrix.HTTPError, fallback time.Duration) time.Duration {
	if httpErr.Response != nil {
		// Seconds or an HTTP date, as go.mau.fi/util/retryafter reads it.
		if d := retryafter.Parse(httpErr.Response.Header.Get("Retry-After"), -1); d >= 0 {
			return d + 10*time.Millisecond
		}
	}
	if httpErr.RespError != nil {
		if ms, ok := httpErr.RespError.ExtraData["retry_after_ms"].(float64); ok && ms >= 0 {
			return time.Duration(ms)*time.Millisecond + 10*time.Millisecond
		}
	}
	return fallback
}

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

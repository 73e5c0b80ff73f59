package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/bot"
	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/internal/instance"
	"github.com/lotse-bot/lotse/storage"
)

// runOptions are the options of one `lotse run` that are no configuration
// (a takeover is a one-time decision of the admin, not a setting).
type runOptions struct {
	// takeover starts even when another instance's heartbeat is fresh
	// (--takeover, LOTSE_TAKEOVER=true).
	takeover bool
	// heartbeat is the instance marker's renewal interval (0: a minute;
	// tests shorten it).
	heartbeat time.Duration
}

// takeoverFromEnv reads LOTSE_TAKEOVER (true/false; empty: false).
func takeoverFromEnv(getenv func(string) string) (bool, error) {
	raw := getenv("LOTSE_TAKEOVER")
	if raw == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(raw)
	if err != nil {
		return false, fmt.Errorf("LOTSE_TAKEOVER must be true or false, not %q", raw)
	}
	return b, nil
}

// instanceID returns this database's instance ID, made on the first start
// and kept in the kv table: a restart on the same database is always the
// same instance.
func instanceID(ctx context.Context, db *storage.DB) (string, error) {
	v, err := db.KV.Get(ctx, storage.KeyInstanceID)
	if err != nil || v != "" {
		return v, err
	}
	v = instance.NewID()
	if err := db.KV.Set(ctx, storage.KeyInstanceID, v); err != nil {
		return "", err
	}
	return v, nil
}

// beatRecord is this database's record of the last heartbeat its Lotse
// wrote (kv instance.beat, one row rewritten every minute): a restart on
// this database finds there the heartbeat of the marker it left, a copy of
// the database (a restored backup) beside the live one does not.
type beatRecord struct{ kv *storage.KVQuery }

func (r beatRecord) LastBeat(ctx context.Context) (instance.Beat, bool, error) {
	v, err := r.kv.Get(ctx, storage.KeyInstanceBeat)
	if err != nil || v == "" {
		return instance.Beat{}, false, err
	}
	var b instance.Beat
	if json.Unmarshal([]byte(v), &b) != nil {
		// Unreadable (another version's): as if there were none; the
		// start then watches whether the marker's process is alive.
		return instance.Beat{}, false, nil
	}
	return b, b.Run != "", nil
}

func (r beatRecord) RecordBeat(ctx context.Context, b instance.Beat) error {
	v, err := json.Marshal(b)
	if err != nil {
		return fmt.Errorf("failed to encode the heartbeat record: %w", err)
	}
	return r.kv.Set(ctx, storage.KeyInstanceBeat, string(v))
}

// accountData is the instance marker in the bot account's account data
// (visible only to the bot account itself).
type accountData struct{ cli *mautrix.Client }

func (a accountData) Get(ctx context.Context) (instance.Marker, bool, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	var raw json.RawMessage
	err := a.cli.GetAccountData(ctx, instance.EventType, &raw)
	if errors.Is(err, mautrix.MNotFound) {
		return instance.Marker{}, false, nil
	}
	if err != nil {
		return instance.Marker{}, false, permanentIfRefused(err)
	}
	return decodeMarker(raw)
}

// decodeMarker reads the marker's content. One this version cannot read (a
// field of another type, written by another Lotse version) is a marker of
// another run without a heartbeat: a start is not refused by it (it is
// overwritten), and a running process is displaced by it (someone else
// wrote it) — it never keeps Lotse from starting.
func decodeMarker(raw json.RawMessage) (instance.Marker, bool, error) {
	var m instance.Marker
	if len(raw) == 0 || string(raw) == "null" {
		return m, false, nil
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		return instance.Marker{Run: "unreadable"}, true, nil
	}
	return m, m.Run != "" || m.Instance != "", nil
}

func (a accountData) Put(ctx context.Context, m instance.Marker) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	return permanentIfRefused(a.cli.SetAccountData(ctx, instance.EventType, m))
}

// refusedError is a request the homeserver refused (4xx other than a rate
// limit): trying again cannot help (instance.Permanent).
type refusedError struct{ error }

func (refusedError) Permanent() bool { return true }
func (e refusedError) Unwrap() error { return e.error }

// permanentIfRefused marks err permanent when the homeserver answered with
// a client error other than 408 or 429; an unreachable homeserver, a
// timeout or a 5xx stay transient and are waited for.
func permanentIfRefused(err error) error {
	var httpErr mautrix.HTTPError
	if errors.As(err, &httpErr) && httpErr.Response != nil {
		code := httpErr.Response.StatusCode
		if code >= 400 && code < 500 && code != http.StatusRequestTimeout && code != http.StatusTooManyRequests {
			return refusedError{err}
		}
	}
	return err
}

// startGuard checks at start that no other Lotse process with another
// database runs for the bot account and sets this one's marker. A nil
// guard means the process stops (err says how; nil for a normal stop).
func startGuard(ctx context.Context, opts runOptions, db *storage.DB, b *bot.Bot, state *liveState, log zerolog.Logger) (*instance.Guard, error) {
	inst, err := instanceID(ctx, db)
	if err != nil {
		return nil, fail(exitDatabase, err)
	}
	g, err := instance.Start(ctx, instance.Options{
		Store:    accountData{b.Client},
		Instance: inst,
		Takeover: opts.takeover,
		Every:    opts.heartbeat,
		Stale:    3 * opts.heartbeat, // 0: the default
		Recorder: beatRecord{db.KV},
		Watching: func(until time.Time) { state.watchUntil.Store(until.UnixMilli()) },
		Log:      log.With().Str("component", "instance").Logger(),
	})
	var conflict *instance.ConflictError
	switch {
	case errors.As(err, &conflict) && conflict.Copy:
		log.Error().Err(err).Msg("Not starting: this database is an older copy of the one a running Lotse uses (a restored backup?)")
		return nil, fail(exitOtherInstance, err)
	case errors.As(err, &conflict):
		log.Error().Err(err).Msg("Not starting: another Lotse process is running for this bot account")
		return nil, fail(exitOtherInstance, err)
	case err != nil && ctx.Err() != nil:
		return nil, nil
	case errors.Is(err, instance.ErrRecord):
		return nil, fail(exitDatabase, err)
	case err != nil:
		return nil, fail(exitMatrix, err)
	}
	return g, nil
}

// watchGuard renews the marker while ctx lasts; the returned context ends
// (cause instance.ErrDisplaced) when another process takes over the bot
// account, so that this one stops handling events. stop ends the renewal
// and waits for it (a renewal after the release would leave a fresh
// heartbeat behind).
func watchGuard(ctx context.Context, g *instance.Guard) (_ context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := g.Run(ctx); errors.Is(err, instance.ErrDisplaced) {
			cancel(err)
		}
	}()
	return ctx, func() { cancel(nil); <-done }
}

// releaseGuard marks the marker stopped at a clean stop (not when another
// process took over), so that another installation may start at once.
func releaseGuard(ctx context.Context, g *instance.Guard, log zerolog.Logger) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := g.Release(ctx); err != nil {
		log.Warn().Err(err).Msg("Could not mark the instance stopped on the homeserver: another installation's start waits until the heartbeat is old (3 minutes)")
	}
}

// displaced is what a process does after another took over the bot
// account: it has stopped handling events (intake and workers ended); it
// tells the admins once, and waits to be stopped, /readyz failing.
func displaced(ctx context.Context, cfg config.Config, b *bot.Bot, g *instance.Guard, log zerolog.Logger) error {
	log.Error().Err(g.Problem()).Msg("This Lotse process no longer handles messages (another one with a different database took over the bot account); it waits to be stopped. See docs/operations.md, \"Two Lotse processes on one bot account\"")
	room := id.RoomID(cfg.ApprovalsRoom)
	if room == "" {
		room = id.RoomID(cfg.TeamRoom)
	}
	if room != "" {
		md := displacedTexts(cfg.Language)
		htmlBody, plain := guides.Render(md)
		content := &event.MessageEventContent{MsgType: event.MsgNotice, Body: plain, Format: event.FormatHTML, FormattedBody: htmlBody, Mentions: &event.Mentions{}}
		sendCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
		if _, err := b.Sender().Send(sendCtx, room, event.EventMessage, content, "lotse.instance-displaced."+g.RunID()); err != nil {
			log.Warn().Err(err).Msg("Failed to tell the admins that another Lotse process took over")
		}
		cancel()
	}
	<-ctx.Done()
	log.Info().Msg("Lotse stopped (it had stopped handling messages before)")
	return nil
}

// displacedTexts is the notice to the approvals room (or the team room)
// when another Lotse process took over; German first, English beside it.
func displacedTexts(lang string) string {
	if lang == "en" {
		return displacedEN
	}
	return displacedDE
}

const (
	displacedDE = "⚠️ **Ein zweiter Lotse läuft mit demselben Bot-Konto.** Er hat übernommen; dieser hier beantwortet ab jetzt nichts mehr, damit keine Nachricht doppelt beantwortet wird. Bitte sagt der Person Bescheid, die Lotse betreibt: Einer der beiden muss gestoppt werden (Betriebshandbuch, Abschnitt „Two Lotse processes on one bot account“)."
	displacedEN = "⚠️ **A second Lotse is running with the same bot account.** It has taken over; this one no longer answers anything, so that no message is answered twice. Please tell whoever runs Lotse: one of the two must be stopped (operations guide, “Two Lotse processes on one bot account”)."
)

// Starting reports, for /readyz, a start that watches the bot account's
// marker before it answers (instance.Options.Watching): the admin sees
// that it waits, why and until when, instead of a start that seems to
// hang.
func (s *liveState) Starting() error {
	until := s.watchUntil.Load()
	if until == 0 || s.guard.Load() != nil {
		return nil
	}
	return fmt.Errorf("starting: watching the bot account's instance marker until %s before answering — "+
		"this database does not know the last heartbeat written there (a restored backup or copy beside the live Lotse "+
		"is then refused with exit code 24; a database that lost its last writes starts); see the log",
		time.UnixMilli(until).UTC().Format(time.DateTime+" UTC"))
}

// Instance reports, for /readyz, whether another process took over the
// bot account (nil before the guard started and while this one answers).
func (s *liveState) Instance() error {
	if g := s.guard.Load(); g != nil {
		return g.Problem()
	}
	return nil
}

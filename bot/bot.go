// Package bot is Lotse's Matrix runtime: login and end-to-end encryption,
// the sync loop with an exactly-once inbox, per-room workers, invites, and
// a sender that honours rate limits. What Lotse says lives in commands/.
package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/crypto"
	"maunium.net/go/mautrix/crypto/cryptohelper"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// Incoming is one event handed to the Handler: decrypted, from someone else.
type Incoming struct {
	Event *event.Event
	// Direct is true in the member's direct chat with the bot: a room the
	// two agreed on, created by one of them, with only the two in it (see
	// direct.go). A room a third person created is never direct.
	Direct bool
	// Encrypted is true when the room is end-to-end encrypted.
	Encrypted bool
}

// Handler acts on incoming events. Handle must be idempotent for the same
// event: it may run again after a crash or a failed attempt, so everything it
// sends uses transaction IDs derived from the event (see TxnID).
type Handler interface {
	Handle(ctx context.Context, in Incoming) error
}

// HandlerFunc adapts a function to Handler.
type HandlerFunc func(ctx context.Context, in Incoming) error

// Handle calls f.
func (f HandlerFunc) Handle(ctx context.Context, in Incoming) error { return f(ctx, in) }

// GiveUp describes a message Lotse could not handle.
type GiveUp struct {
	RoomID  id.RoomID
	EventID id.EventID
	Sender  id.UserID
	// Direct is true in a one-to-one room with the bot.
	Direct bool
	// Undecryptable is true when the room key never arrived.
	Undecryptable bool
	// Cause is the handler's last error.
	Cause error
}

// HistorySkipped describes a member's message Lotse did not read: the
// member wrote it in a room before inviting Lotse, and the room holds only
// the two of them (see Options.OnHistorySkipped). It names no message:
// nothing of what was written before the invite is read.
type HistorySkipped struct {
	RoomID id.RoomID
	// Member invited Lotse and wrote before the invite.
	Member id.UserID
	// Invite is the member's invite of Lotse: one notice per invite.
	Invite id.EventID
	// Direct: the room is Lotse's agreed direct chat with Member, where it
	// answers every message. In another room of the two (made alone and
	// Member invited Lotse without is_direct) Lotse answers only a message
	// that mentions it, or a command (mend23b).
	Direct bool
}

// Options configure a Bot.
type Options struct {
	HomeserverURL string
	UserID        id.UserID
	Password      string // used when no access token is stored or given
	AccessToken   string
	DeviceName    string
	PickleKey     string

	DB      *storage.DB
	Handler Handler
	Log     zerolog.Logger

	// AllowedInviters limits auto-join: full user IDs ("@a:example.org") or
	// server names ("example.org", also written ":example.org" or "*:example.org").
	// Empty allows everyone.
	AllowedInviters []string
	// LobbyRooms are rooms (or spaces) whose joins go to the Handler as
	// m.room.member events (the welcome); other joins are not handled.
	LobbyRooms []id.RoomID
	// Workers is how many rooms are handled at the same time (default 8).
	Workers int
	// TimelineLimit is the sync filter's timeline limit (default 50).
	TimelineLimit int
	// MaxAttempts is how often an event is tried before Lotse gives up (default 10).
	MaxAttempts int
	// OnGiveUp, if set, is told about a message Lotse gave up on (after
	// MaxAttempts, or a permanent failure), so the member can be told instead
	// of hearing nothing.
	OnGiveUp func(ctx context.Context, g GiveUp)
	// OnHistorySkipped, if set, is told once per invite when Lotse joined
	// a room of only the inviter and itself, and the history from before
	// the invite (which Lotse does not answer) holds a message of the
	// inviter's, so the member can be told to send it again instead of
	// waiting. It must be idempotent for the same invite (TxnID of Invite);
	// an error retries it.
	OnHistorySkipped func(ctx context.Context, h HistorySkipped) error
	// InboxRetention is how long the inbox keeps a handled event
	// (inbox_retention; 0: for ever). A backfill never goes back to an event
	// older than that: the inbox may have forgotten that it was handled, and
	// it would be answered again (see backfill).
	InboxRetention time.Duration
	// Now is the clock (default time.Now).
	Now func() time.Time
	// HTTPClient overrides the HTTP client (tests).
	HTTPClient *http.Client
	// Observer, if set, receives runtime measurements (metrics).
	Observer Observer
	// MaxMediaBytes bounds a file Download reads (default 8 MiB).
	MaxMediaBytes int64
	// WatchedRooms are the rooms the configuration names (team, approvals,
	// announcement rooms), each with its configuration key. When one is
	// upgraded to a new room or Lotse is removed from it, the log says so
	// at error level and GoneRooms lists it (see watchRooms). Lotse never
	// leaves them by itself (handleLeave).
	WatchedRooms map[id.RoomID]string
	// Fit, if set, is applied by the Sender to every content before it is
	// sent (cmd/lotse: chat.Fit, the cut to the homeserver's event size
	// limit), so that no send path skips it: the workflows', the give-up
	// and history notices, the start-up warnings, the instance guard's.
	// It returns the content to send (a copy when it changed anything).
	Fit func(ctx context.Context, roomID id.RoomID, content any) any
	// ExposureNotice, if set, is what Lotse says (plain text and HTML, no
	// personal data) in a team or approvals room that became open to
	// everyone (ex.Open()), or closed again: sends into it are held
	// meanwhile (Hold, watchExposure). Nil: nothing is said, sends are
	// held all the same.
	ExposureNotice func(ex Exposure) (plain, htmlBody string)
	// BelongsIn reports whether user has a role for the team or approvals
	// room named by its configuration key (key): after such a room was
	// open, sends wait while anyone without one who joined meanwhile is
	// still in it (holdStrangers). Nil: nobody has.
	BelongsIn func(ctx context.Context, key string, user id.UserID) (bool, error)
}

// Observer receives measurements from the runtime. Its methods are called
// on the worker goroutines and must be cheap and safe for concurrent use.
type Observer interface {
	// EventHandled reports one inbox event: outcome is "done", "retry" or
	// "failed"; latency is the time since the event's origin_server_ts.
	EventHandled(outcome string, latency time.Duration)
}

// Bot is a running Matrix client.
type Bot struct {
	opts   Options
	log    zerolog.Logger
	Client *mautrix.Client
	crypto *cryptohelper.CryptoHelper
	db     *storage.DB
	sender *Sender
	syncer *syncer

	wake      chan struct{}
	downloads chan struct{} // bounds concurrent media downloads
	mu        sync.Mutex
	running   map[id.RoomID]bool

	lobby    map[id.RoomID]bool
	direct   directCache                         // rooms found not to be direct chats
	keyRooms map[id.RoomID]map[id.SessionID]bool // rooms with new room keys, their sessions (under mu)
	// dmCreated is until when Lotse creates no new direct chat with a
	// member (under directMu; see dmCooldown and dmRetryCooldown).
	dmCreated map[id.UserID]time.Time
	synced    chan struct{} // closed after the first successful sync
	syncOnce  sync.Once
	lastSync  time.Time
	// committed counts the sync batches committed to the inbox (the
	// syncer's ProcessResponse); syncLoop reads it to see that a sync
	// worked since its last restart.
	committed atomic.Uint64
	// restartPause waits d before syncLoop starts the sync again, or until
	// ctx ends (nil: a timer; tests record the pauses instead).
	restartPause func(ctx context.Context, d time.Duration)
	gone         map[id.RoomID]RoomGone // configured rooms Lotse can no longer serve (under mu)
	joins        joinBudget             // rooms joined through invites (see joinBudget)
	// exposeWake wakes watchExposure.
	exposeWake chan struct{}
	// heldWakes counts the wakes of the held events (wakeHeld): an event
	// handled while one ran is tried again at once (process), not after
	// its held delay (rooms33).
	heldWakes atomic.Uint64
	// knownMu orders the writes of the list of who was in a watched room
	// at its opening (strangersKeyPrefix): the watcher's (rememberJoined)
	// and the sync's (rememberAtOpening) — mend33b.
	knownMu sync.Mutex
}

// New logs in (reusing a stored access token and device when there is one),
// sets up end-to-end encryption and the sync store. It does not sync yet.
func New(ctx context.Context, opts Options) (*Bot, error) {
	if opts.DB == nil || opts.Handler == nil {
		return nil, errors.New("bot needs a database and a handler")
	}
	if opts.PickleKey == "" {
		return nil, errors.New("bot needs a pickle key (it encrypts the crypto store and the access token)")
	}
	if key, err := PseudonymKey(opts.PickleKey); err == nil {
		opts.DB.SetPseudonymKey(key)
	} else {
		return nil, fmt.Errorf("failed to derive the pseudonym key: %w", err)
	}
	sentKey, err := SentKey(opts.PickleKey)
	if err != nil {
		return nil, fmt.Errorf("failed to derive the sent events' key: %w", err)
	}
	opts.DB.SetSentKey(sentKey)
	if n, err := opts.DB.Inbox.RekeySent(ctx); err != nil {
		return nil, err
	} else if n > 0 {
		opts.Log.Info().Int("sent_events", n).Msg("Stored the transaction IDs of earlier sends keyed")
	}
	if opts.Workers <= 0 {
		opts.Workers = 8
	}
	if opts.MaxMediaBytes <= 0 {
		opts.MaxMediaBytes = 8 << 20
	}
	if opts.TimelineLimit <= 0 {
		opts.TimelineLimit = 50
	}
	if opts.MaxAttempts <= 0 {
		opts.MaxAttempts = 10
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.DeviceName == "" {
		opts.DeviceName = "Lotse"
	}
	b := &Bot{
		opts:       opts,
		log:        opts.Log,
		db:         opts.DB,
		wake:       make(chan struct{}, 1),
		exposeWake: make(chan struct{}, 1),
		downloads:  make(chan struct{}, 2),
		running:    map[id.RoomID]bool{},
		synced:     make(chan struct{}),
		lobby:      map[id.RoomID]bool{},
	}
	for _, r := range opts.LobbyRooms {
		b.lobby[r] = true
	}
	cli, err := mautrix.NewClient(opts.HomeserverURL, opts.UserID, "")
	if err != nil {
		return nil, fmt.Errorf("failed to create Matrix client: %w", err)
	}
	if opts.HTTPClient != nil {
		cli.Client = opts.HTTPClient
	}
	cli.Client = guardAges(cli.Client)
	cli.Log = opts.Log.With().Str("component", "matrix").Logger()
	cli.DefaultHTTPRetries = 0 // the Sender and the sync loop retry themselves
	b.Client = cli
	b.syncer = newSyncer(b)
	cli.Syncer = b.syncer
	store, err := newSyncStore(opts.DB, b.syncer.FilterJSON)
	if err != nil {
		return nil, err
	}
	store.reset = &b.syncer.reset
	cli.Store = store
	b.sender = NewSender(cli, opts.DB.Inbox, opts.Log.With().Str("component", "sender").Logger())
	b.sender.fit = opts.Fit

	helper, err := b.connect(ctx)
	if err != nil {
		return nil, err
	}
	cli.Crypto = helper
	b.crypto = helper
	if err = rotateOutboundSessions(ctx, helper.Machine()); err != nil {
		return nil, err
	}
	// cryptohelper replaces an in-memory sync store with its own; ours must stay.
	cli.Store = store
	return b, nil
}

// connect logs in and sets up encryption. While the homeserver cannot be
// reached (down for an upgrade, network trouble, 5xx) it keeps trying with a
// growing pause instead of failing: a process that exits is restarted only a
// few times by systemd, and Lotse should simply come back with the
// homeserver. A rate limit (429, M_LIMIT_EXCEEDED: a login at start is
// limited per IP and account on most homeservers) is waited out as long as
// the homeserver asks, bounded as the sync bounds it (rateLimitPause);
// asking again before that only prolongs the limit. Other errors (wrong
// password, …) end it at once.
func (b *Bot) connect(ctx context.Context) (*cryptohelper.CryptoHelper, error) {
	wait := time.Second
	for {
		err := b.authenticate(ctx)
		if err == nil {
			var helper *cryptohelper.CryptoHelper
			if helper, err = b.initCrypto(ctx); err == nil {
				return helper, nil
			}
		}
		if !transientError(err) {
			return nil, err
		}
		pause := rateLimitPause(err, wait)
		msg := "Homeserver not reachable; trying again"
		if httpErr := (mautrix.HTTPError{}); errors.As(err, &httpErr) && isRateLimit(httpErr) {
			msg = "The homeserver limits logins (rate limit); trying again when it allows"
		}
		b.log.Warn().Err(err).Dur("retry_in", pause).Msg(msg)
		timer := time.NewTimer(pause)
		select {
		case <-ctx.Done():
			timer.Stop()
			return nil, fmt.Errorf("gave up waiting for the homeserver: %w", err)
		case <-timer.C:
		}
		wait = min(wait*2, 30*time.Second)
	}
}

// initCrypto sets up end-to-end encryption for the logged-in device. When
// the homeserver no longer has the device's keys — signing out a session
// deletes the device and its keys, and a login reusing the device ID creates
// an empty one — the stored identity cannot be used again: mautrix refuses
// to start with it, and clients would distrust new keys under the old
// device ID. Lotse then becomes a new device with a new identity (the
// keys of old messages are kept) instead of failing at every restart.
func (b *Bot) initCrypto(ctx context.Context) (*cryptohelper.CryptoHelper, error) {
	helper, err := b.newCryptoHelper(ctx)
	if err == nil {
		return helper, nil
	}
	gone, qerr := b.deviceKeysGone(ctx)
	if qerr != nil || !gone {
		return nil, err
	}
	b.log.Warn().Err(err).Stringer("device_id", b.Client.DeviceID).
		Msg("The homeserver no longer has the keys of Lotse's device (was its session signed out?); continuing as a new device with new encryption keys")
	if err := b.newDevice(ctx); err != nil {
		return nil, err
	}
	return b.newCryptoHelper(ctx)
}

// newCryptoHelper creates and initialises mautrix's crypto helper on the
// shared database.
func (b *Bot) newCryptoHelper(ctx context.Context) (*cryptohelper.CryptoHelper, error) {
	helper, err := cryptohelper.NewCryptoHelper(b.Client, []byte(b.opts.PickleKey), b.opts.DB.Root)
	if err != nil {
		return nil, fmt.Errorf("failed to set up encryption: %w", err)
	}
	// Decrypted events are not dispatched from the sync loop: the inbox
	// workers decrypt the stored raw event themselves, so an event whose keys
	// arrive late is still handled exactly once.
	helper.CustomPostDecrypt = func(context.Context, *event.Event) {}
	if err = helper.Init(ctx); err != nil {
		return nil, fmt.Errorf("failed to initialise encryption: %w", err)
	}
	helper.Machine().SessionReceived = b.keyArrived
	return helper, nil
}

// deviceKeysGone reports whether the homeserver has no keys for the
// logged-in device.
func (b *Bot) deviceKeysGone(ctx context.Context) (bool, error) {
	resp, err := b.Client.QueryKeys(ctx, &mautrix.ReqQueryKeys{
		DeviceKeys: map[id.UserID]mautrix.DeviceIDList{b.Client.UserID: {b.Client.DeviceID}},
	})
	if err != nil {
		return false, fmt.Errorf("failed to query the device's keys: %w", err)
	}
	device, ok := resp.DeviceKeys[b.Client.UserID][b.Client.DeviceID]
	return !ok || len(device.Keys) == 0, nil
}

// newDevice drops the local encryption identity (account, Olm sessions,
// outbound room keys; received room keys stay for old messages), ends the
// session of the emptied device and logs in with the password as a new
// device. The tables are mautrix v0.32's (pinned); its store has no call
// for this.
func (b *Bot) newDevice(ctx context.Context) error {
	if b.opts.Password == "" {
		return errors.New("the homeserver lost the keys of Lotse's device and no password is configured to log in as a new device: set LOTSE_PASSWORD or a token of a new device")
	}
	err := b.opts.DB.Root.DoTxn(ctx, nil, func(ctx context.Context) error {
		for _, table := range []string{"crypto_account", "crypto_olm_session", "crypto_megolm_outbound_session"} {
			if _, err := b.opts.DB.Root.Exec(ctx, "DELETE FROM "+table+" WHERE account_id=$1", ""); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("failed to drop the old encryption identity: %w", err)
	}
	if _, err := b.Client.Logout(ctx); err != nil {
		b.log.Warn().Err(err).Msg("Could not end the session of the emptied device")
	}
	b.Client.AccessToken, b.Client.DeviceID = "", ""
	if err := b.db.KV.Set(ctx, storage.KeyDeviceID, ""); err != nil {
		return err
	}
	if err := b.passwordLogin(ctx, ""); err != nil {
		return err
	}
	b.log.Info().Stringer("device_id", b.Client.DeviceID).Msg("Logged in as a new device")
	return nil
}

// rotateOutboundSessions discards the room keys Lotse encrypts with, so the
// first message to each encrypted room after a start opens a new Megolm
// session. A database restored from a backup (or a rolled-back snapshot)
// holds older ratchet positions: encrypting on with them would reuse message
// indices the members' clients have already seen, and they refuse such
// messages ("duplicate message index") — Lotse's answers would be
// unreadable. The cost is one key share per room after a restart.
// mautrix's store has no call for "all rooms", hence the one statement on
// its table (schema of mautrix v0.32, the pinned version).
func rotateOutboundSessions(ctx context.Context, mach *crypto.OlmMachine) error {
	store, ok := mach.CryptoStore.(*crypto.SQLCryptoStore)
	if !ok {
		return nil
	}
	if _, err := store.DB.Exec(ctx, "DELETE FROM crypto_megolm_outbound_session WHERE account_id=$1", store.AccountID); err != nil {
		return fmt.Errorf("failed to rotate the room keys Lotse sends with: %w", err)
	}
	return nil
}

// authenticate uses the stored access token (so the device, its keys and the
// homeserver's transaction-ID deduplication survive restarts), else the
// configured token, else logs in with the password and stores the result.
func (b *Bot) authenticate(ctx context.Context) error {
	kv := b.db.KV
	storedUser, err := kv.Get(ctx, storage.KeyUserID)
	if err != nil {
		return err
	}
	sealedToken, err := kv.Get(ctx, storage.KeyAccessToken)
	if err != nil {
		return err
	}
	storedToken, err := openSecret(b.opts.PickleKey, b.opts.UserID.String(), sealedToken)
	switch {
	case errors.Is(err, errNotSealed):
		// Written by an older Lotse: used once, then stored encrypted.
		b.log.Info().Msg("Encrypting the stored access token")
	case err != nil:
		b.log.Warn().Err(err).Msg("Cannot use the stored access token; logging in again")
		storedToken = ""
	}
	storedDevice, err := kv.Get(ctx, storage.KeyDeviceID)
	if err != nil {
		return err
	}
	if storedUser != "" && storedUser != b.opts.UserID.String() {
		return fmt.Errorf("the database belongs to %s, not %s: use a separate database per bot account", storedUser, b.opts.UserID)
	}
	try := func(token string) (*mautrix.RespWhoami, error) {
		b.Client.AccessToken = token
		return b.Client.Whoami(ctx)
	}
	for _, token := range []string{storedToken, b.opts.AccessToken} {
		if token == "" {
			continue
		}
		who, err := try(token)
		if errors.Is(err, mautrix.MUnknownToken) {
			b.log.Warn().Msg("Access token was rejected by the homeserver")
			continue
		} else if err != nil {
			if notAHomeserver(err) {
				return b.notAHomeserverError(err)
			}
			return fmt.Errorf("failed to reach the homeserver: %w", err)
		}
		if who.UserID != b.opts.UserID {
			return fmt.Errorf("access token belongs to %s, not %s", who.UserID, b.opts.UserID)
		}
		if who.DeviceID == "" {
			return errors.New("the homeserver did not say which device the access token belongs to")
		}
		b.Client.DeviceID = who.DeviceID
		return b.storeCredentials(ctx)
	}
	if b.opts.Password == "" {
		if b.opts.AccessToken != "" {
			// The admin did set a token: saying "set LOTSE_ACCESS_TOKEN" sent
			// them looking for a typo in the variable's name (ops34).
			return errors.New("the homeserver rejected the configured access token (LOTSE_ACCESS_TOKEN; ended or mistyped?) and no password is set: create a new token or set LOTSE_PASSWORD")
		}
		return errors.New("no valid access token and no password: set LOTSE_PASSWORD or LOTSE_ACCESS_TOKEN")
	}
	return b.passwordLogin(ctx, id.DeviceID(storedDevice))
}

// passwordLogin logs in with the configured password, reusing deviceID if
// set, and stores the new credentials.
func (b *Bot) passwordLogin(ctx context.Context, deviceID id.DeviceID) error {
	b.Client.AccessToken = ""
	_, err := b.Client.Login(ctx, &mautrix.ReqLogin{
		Type:                     mautrix.AuthTypePassword,
		Identifier:               mautrix.UserIdentifier{Type: mautrix.IdentifierTypeUser, User: b.opts.UserID.String()},
		Password:                 b.opts.Password,
		DeviceID:                 deviceID,
		InitialDeviceDisplayName: b.opts.DeviceName,
		StoreCredentials:         true,
	})
	if err != nil {
		if errors.Is(err, mautrix.MForbidden) {
			return fmt.Errorf("login as %s was refused: check the user ID and password", b.opts.UserID)
		}
		if notAHomeserver(err) {
			return b.notAHomeserverError(err)
		}
		return fmt.Errorf("failed to log in as %s: %w", b.opts.UserID, err)
	}
	b.log.Info().Stringer("device_id", b.Client.DeviceID).Msg("Logged in with password")
	return b.storeCredentials(ctx)
}

// notAHomeserver reports whether err is an answer without a Matrix error
// code and below 500: a web server that is not the client API answered
// (homeserver_url set to Element's or the website's address, or a path
// too many). 5xx stays a homeserver that is down (transientError).
func notAHomeserver(err error) bool {
	var httpErr mautrix.HTTPError
	return errors.As(err, &httpErr) && httpErr.Response != nil && httpErr.RespError == nil &&
		httpErr.Response.StatusCode < 500 && !isRateLimit(httpErr)
}

// notAHomeserverError says what to check instead of "HTTP 405" (adm27):
// before, the admin read "failed to log in as …: HTTP 405" and exit code
// 18's "check the account and password".
func (b *Bot) notAHomeserverError(err error) error {
	return fmt.Errorf("no Matrix homeserver answered at %s (an answer without a Matrix error code): check homeserver_url — the client API's address, e.g. https://matrix.example.org, not Element's or the website's (lotse setup checks it): %w",
		b.Client.HomeserverURL, err)
}

// storeCredentials stores the user ID, the device ID and the access token,
// the token encrypted with a key derived from the pickle key: the database
// and its backups never hold it in plaintext.
func (b *Bot) storeCredentials(ctx context.Context) error {
	token, err := sealSecret(b.opts.PickleKey, b.Client.UserID.String(), b.Client.AccessToken)
	if err != nil {
		return fmt.Errorf("failed to encrypt the access token: %w", err)
	}
	for k, v := range map[string]string{
		storage.KeyUserID:      b.Client.UserID.String(),
		storage.KeyAccessToken: token,
		storage.KeyDeviceID:    b.Client.DeviceID.String(),
	} {
		if err := b.db.KV.Set(ctx, k, v); err != nil {
			return err
		}
	}
	return nil
}

// UserID is the bot's own Matrix ID.
func (b *Bot) UserID() id.UserID { return b.Client.UserID }

// Sender returns the bot's message sender.
func (b *Bot) Sender() *Sender { return b.sender }

// Synced is closed after the first sync batch was committed.
func (b *Bot) Synced() <-chan struct{} { return b.synced }

// LastSync returns when the last sync batch was committed.
func (b *Bot) LastSync() time.Time {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.lastSync
}

// Run syncs and handles events until ctx ends, then shuts down gracefully:
// the sync stops, events being handled finish (bounded by a deadline), and
// unhandled ones stay in the inbox for the next start. If the homeserver no
// longer accepts the access token (the session was signed out), Run shuts
// down the same way and returns an error, so that the process exits and is
// restarted (and logs in again) instead of idling without a session.
func (b *Bot) Run(ctx context.Context) error {
	runCtx, stopRun := context.WithCancel(ctx)
	defer stopRun()
	workCtx, stopWork := context.WithCancel(context.WithoutCancel(ctx))
	defer stopWork()
	b.sender.syncStarted() // before any worker may wait for a fence
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		b.dispatch(runCtx, workCtx, &wg)
	}()
	wg.Add(1)
	go func() {
		defer wg.Done()
		b.watchExposure(runCtx)
	}()
	b.notify()

	fatal := b.syncLoop(runCtx)
	stopRun()
	// No fence comes back now: a send waiting for one ends at once (it
	// stays open for the next start) instead of holding the shutdown.
	b.sender.syncStopped()
	b.log.Info().Msg("Stopping: finishing events in progress")
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		b.log.Warn().Msg("Events still in progress after 20 s; they stay in the inbox for the next start")
		stopWork()
		<-done
	}
	// The fences still running end soon now that the sync has stopped;
	// none outlives Run.
	b.sender.waitFences()
	return fatal
}

// Bounds of the pause before syncLoop starts a stopped sync again.
const (
	minRestartDelay = time.Second
	maxRestartDelay = 30 * time.Second
)

// syncLoop runs the sync until ctx ends. A sync that stops with an error
// (its batch could not be committed: the database failed; or the
// homeserver refused Lotse's position, see dropPosition) is started again
// after a pause that doubles from a second to 30 s while the restarted
// sync commits nothing, and starts from a second again once one did:
// before, the pause never shrank, so a database hiccup a week later
// silenced Lotse for 30 s at once, and each one after (hs25). It returns
// an error only when the homeserver no longer accepts the access token.
func (b *Bot) syncLoop(ctx context.Context) error {
	pause := b.restartPause
	if pause == nil {
		pause = func(ctx context.Context, d time.Duration) {
			t := time.NewTimer(d)
			defer t.Stop()
			select {
			case <-ctx.Done():
			case <-t.C:
			}
		}
	}
	delay := minRestartDelay
	for ctx.Err() == nil {
		committed := b.committed.Load()
		err := b.Client.SyncWithContext(ctx)
		if ctx.Err() != nil {
			return nil
		}
		if errors.Is(err, mautrix.MUnknownToken) {
			b.log.Error().Err(err).Msg("Session ended by the homeserver; stopping so that a restart logs in again")
			return fmt.Errorf("the homeserver no longer accepts the access token (was the session signed out?): %w", err)
		}
		if b.committed.Load() != committed {
			// The sync worked since the last restart: this trouble is new.
			delay = minRestartDelay
		}
		if storage.DiskFull(err) {
			// Nothing is lost (the position advances only with the batch),
			// but nothing is answered either: say what to do (adm27).
			b.log.Error().Err(err).Dur("retry_in", delay).Msg("The database's disk is full: Lotse answers nothing until there is space again, then catches up (nothing is lost). Free space where the database lives (old backups?)")
		} else {
			b.log.Warn().Err(err).Dur("retry_in", delay).Msg("Sync stopped, restarting")
		}
		pause(ctx, delay)
		delay = min(delay*2, maxRestartDelay)
	}
	return nil
}

// Close releases the encryption store and the database handles it shares.
func (b *Bot) Close() error {
	if b.crypto != nil {
		return b.crypto.Close()
	}
	return nil
}

func (b *Bot) notify() {
	select {
	case b.wake <- struct{}{}:
	default:
	}
}

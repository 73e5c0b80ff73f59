package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"
	_ "time/tzdata" // quiet hours in Europe/Berlin without system zoneinfo

	"github.com/lib/pq"
	"github.com/mattn/go-isatty"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/rs/zerolog"
	"go.mau.fi/util/dbutil"
	"golang.org/x/sync/errgroup"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/bot"
	"github.com/lotse-bot/lotse/commands"
	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/commands/learn"
	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/internal/instance"
	"github.com/lotse-bot/lotse/metrics"
	"github.com/lotse-bot/lotse/storage"
)

func cmdRun(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	path := fs.String("c", "", "config file (optional; LOTSE_* variables override it)")
	takeover := fs.Bool("takeover", false, "start even though another Lotse process with a different database runs for the bot account; that one stops handling messages (also LOTSE_TAKEOVER=true)")
	if err := fs.Parse(args); err != nil {
		return fail(exitUsage, err)
	}
	envTakeover, err := takeoverFromEnv(os.Getenv)
	if err != nil {
		return fail(exitUsage, err)
	}
	cfg, err := config.Load(*path, os.Getenv)
	if err != nil {
		return fail(exitConfig, err)
	}
	if err := cfg.Validate(); err != nil {
		return fail(exitConfig, err)
	}
	log := newLogger(cfg, stderr)
	for _, f := range openSecretFiles(os.Getenv) {
		log.Warn().Str("variable", f.variable).Str("file", f.path).Str("mode", fmt.Sprintf("%04o", f.mode.Perm())).
			Msg("A secret file is readable by every user of this machine: chmod 0640 it (owner root, group of the service user) — see docs/deployment.md, step 1")
	}
	return runBotWith(ctx, cfg, log, nil, runOptions{takeover: *takeover || envTakeover})
}

// newLogger builds the process logger from the config.
func newLogger(cfg config.Config, out io.Writer) zerolog.Logger {
	level, err := zerolog.ParseLevel(cfg.LogLevel)
	if err != nil || cfg.LogLevel == "" {
		level = zerolog.InfoLevel
	}
	var w io.Writer = out
	if cfg.LogFormat != "json" {
		w = zerolog.ConsoleWriter{Out: out, TimeFormat: time.DateTime, NoColor: !colorLog(out, os.Getenv)}
	}
	return zerolog.New(w).Level(level).With().Timestamp().Logger()
}

// colorLog reports whether the console log may carry colour codes: only
// when it goes to a terminal and NO_COLOR (no-color.org) is unset. Under
// systemd the log goes to the journal, which stores a line with escape
// codes as binary: `journalctl -u lotse` then showed "[181B blob data]"
// instead of every line, and `docker logs` and a log file held the codes
// around every field (ops34).
func colorLog(out io.Writer, getenv func(string) string) bool {
	if getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := out.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// runBot opens the database, loads and watches the guides, logs in and
// serves until ctx ends. ready, if not nil, is called once the first sync
// was committed (the demo waits for it).
func runBot(ctx context.Context, cfg config.Config, log zerolog.Logger, ready func(*bot.Bot)) error {
	return runBotWith(ctx, cfg, log, ready, runOptions{})
}

// runBotWith is runBot with the options of one run.
func runBotWith(ctx context.Context, cfg config.Config, log zerolog.Logger, ready func(*bot.Bot), opts runOptions) error {
	// The time zone is loaded once here and passed to every part that
	// shows or plans local times.
	loc, err := cfg.Location()
	if err != nil {
		return fail(exitConfig, err)
	}
	db, err := storage.Open(cfg.Database, log)
	if err != nil {
		return fail(exitDatabase, err)
	}
	defer db.Close()
	m := metrics.New(prometheus.NewRegistry())
	state := &liveState{db: db, rooms: configuredRooms(cfg)}
	state.standby.Store(true)
	if cfg.OpsListen != "" {
		// ctx is passed, not captured: it is replaced below once the lease
		// is held (a data race the race detector found).
		go func(ctx context.Context) {
			if err := serveOps(ctx, cfg.OpsListen, opsHandler(state, m, cfg.OpsPprof), log.With().Str("component", "ops").Logger()); err != nil {
				log.Err(err).Msg("Operations endpoints stopped")
			}
		}(ctx)
	}
	// A schema a newer binary made is refused before the wait for the
	// lease: an older binary beside a newer one would otherwise wait as a
	// standby and stop (exit code 14) only when it takes over, hours later
	// (mend26b). Any other answer — a fresh or older schema, a server not
	// up yet or refusing Lotse — is left to the lease's wait and Upgrade.
	if err := db.CheckSchema(ctx); errors.Is(err, dbutil.ErrUnsupportedDatabaseVersion) {
		return fail(exitUpgrade, err)
	}
	ctx, release, err := holdLease(ctx, db, log)
	if release == nil {
		return err
	}
	defer release()
	state.standby.Store(false)
	m.SetLeader(true)
	if err := db.Upgrade(ctx); err != nil {
		return fail(upgradeFailure(err))
	}
	store, err := openGuides(ctx, cfg, db, log)
	if err != nil {
		return err
	}
	handler, attach, err := newHandler(cfg, loc, db, store, m, log)
	if err != nil {
		return fail(exitConfig, err)
	}
	b, err := newBot(ctx, cfg, db, handler, m, log)
	if b == nil {
		return err
	}
	defer b.Close()
	attach(b)
	state.bot.Store(b)
	// Before the first sync: one process per bot account (internal/instance).
	guard, err := startGuard(ctx, opts, db, b, state, log)
	if guard == nil {
		return err
	}
	defer releaseGuard(ctx, guard, log)
	state.guard.Store(guard)
	untilReleased := ctx
	ctx, stopGuard := watchGuard(ctx, guard)
	defer stopGuard()
	log.Info().Stringer("user_id", b.UserID()).Int("guides", len(store.Current().Guides())).Msg("Lotse is starting")
	if err := b.SetProfile(ctx, cfg.DisplayName, cfg.Avatar); err != nil {
		// A profile is cosmetic: Lotse works without it.
		log.Warn().Err(err).Msg("Failed to set Lotse's display name or avatar")
	}

	// Shutdown: intake stops (b.Run returns), then the workers are stopped
	// and waited for, then the bot and the database close (deferred earlier).
	workersCtx, stopWorkers := context.WithCancel(ctx)
	workers, workersCtx := errgroup.WithContext(workersCtx)
	defer func() { stopWorkers(); _ = workers.Wait() }()
	startWorkers(workersCtx, workers, cfg, loc, db, store, handler, b, ready, log)
	if err := b.Run(ctx); err != nil {
		return fail(exitMatrix, err)
	}
	if errors.Is(context.Cause(ctx), errLeaseLost) {
		return fail(exitLeaseLost, errLeaseLost)
	}
	if errors.Is(context.Cause(ctx), instance.ErrDisplaced) {
		stopWorkers()
		_ = workers.Wait()
		return displaced(untilReleased, cfg, b, guard, log)
	}
	log.Info().Msg("Lotse stopped")
	return nil
}

// upgradeFailure is the exit code and error for a failed schema upgrade.
// A database Lotse cannot write to — a read-only file or folder, a
// read-only mount, a full disk — is exit code 12 with what to check, not
// 14: code 14 sends the admin to the upgrade notes, and the same start
// failed that way on a database that was already up to date (ops34).
func upgradeFailure(err error) (int, error) {
	msg := err.Error()
	switch {
	case storage.DiskFull(err):
		return exitDatabase, fmt.Errorf("%w; the disk of the database is full: free space there (old backups?) and start Lotse again", err)
	case strings.Contains(msg, "readonly database") || strings.Contains(msg, "read-only file system") ||
		strings.Contains(msg, "read-only transaction") || strings.Contains(msg, "SQLSTATE 25006"):
		return exitDatabase, fmt.Errorf("%w; Lotse cannot write to the database: the database file and its folder must belong to the user Lotse runs as "+
			"(ls -l; SQLite writes lotse.db-wal and lotse.db-shm beside the file), the file system must not be mounted read-only, and under systemd "+
			"the folder must be in ReadWritePaths; PostgreSQL: the server must not be a read-only replica", err)
	}
	return exitUpgrade, err
}

// openGuides loads the guide library with the questions learned from cases
// (read from db, after the lease is held and the schema is up to date), so
// that they count from the first message on and the search index is built
// once at start.
func openGuides(ctx context.Context, cfg config.Config, db *storage.DB, log zerolog.Logger) (*guides.Store, error) {
	learned, err := learn.Questions(ctx, db)
	if err != nil {
		return nil, fail(exitDatabase, err)
	}
	store, err := guides.NewStore(cfg.GuidesDir, log.With().Str("component", "guides").Logger(),
		append(libraryOptions(cfg), guides.WithLearnedQuestions(learned))...)
	if err != nil {
		return nil, fail(exitGuides, err)
	}
	logUnset := placeholderLogger(cfg, log)
	logUnset(store.Current())
	store.OnReload(func(lib *guides.Library, _ []guides.Problem) { logUnset(lib) })
	return store, nil
}

// placeholderLogger returns a function that logs an error for every config
// key a guide of lib needs and cfg leaves unset (members read example.org
// there), at start and after a reload that changes them. Lotse starts
// anyway: one guide edit must not keep the bot from answering, and a
// guide problem never stops it (files with errors are skipped too);
// `lotse config check` and `lotse setup` fail on the same problems before
// the start.
func placeholderLogger(cfg config.Config, log zerolog.Logger) func(*guides.Library) {
	var (
		mu   sync.Mutex
		last string
	)
	return func(lib *guides.Library) {
		var problems []string
		for _, p := range cfg.PlaceholderProblems(lib.Placeholders()) {
			problems = append(problems, p.String())
		}
		mu.Lock()
		defer mu.Unlock()
		now := strings.Join(problems, "\n")
		if now == last {
			return
		}
		last = now
		for _, p := range problems {
			log.Error().Str("problem", p).Msg("A site key the guides use is not set: set it in the config's site block")
		}
	}
}

// holdLease waits for the database lease: one active process per database;
// on PostgreSQL a second one waits here as a standby and takes over when
// the first one's session ends. The returned context ends (cause
// errLeaseLost) when the lease breaks. release is nil when the process
// must stop (err says how; nil for a normal stop).
func holdLease(ctx context.Context, db *storage.DB, log zerolog.Logger) (context.Context, func(), error) {
	failures := 0
	lease, err := db.AcquireLease(ctx, storage.LeaseOptions{
		OnStandby: func() {
			log.Info().Msg("Another Lotse process is active on this database; waiting as standby")
		},
		// Called once per poll (a second) while the server cannot be
		// reached: a database down for an hour is 15 lines a process,
		// not 3,600.
		OnError: func(err error) {
			failures++
			if loggedFailure(failures) {
				log.Warn().Err(err).Int("failures", failures).Msg("The database cannot be reached; trying again")
			}
		},
	})
	switch {
	case err != nil && ctx.Err() != nil:
		return ctx, nil, nil
	case errors.Is(err, storage.ErrLocked):
		return ctx, nil, fail(exitLocked, err)
	case err != nil && errors.Is(err, pq.ErrSSLNotSupported):
		// The most likely refusal of a first install: the URI of
		// deployment.md against a server without SSL (fresh30).
		return ctx, nil, fail(exitDatabase, fmt.Errorf("%w; %s", err, noSSLHintEN))
	case err != nil:
		// Also storage.ErrRefused (a wrong password or database name):
		// exit code 12 at once, with the server's reason.
		return ctx, nil, fail(exitDatabase, err)
	}
	log.Info().Msg("Holding the database lease: this process is active")
	ctx, stopLease := context.WithCancelCause(ctx)
	go func() {
		select {
		case <-lease.Lost():
			log.Error().Msg("Lost the database lease (connection broken); stopping so that a standby can take over")
			stopLease(errLeaseLost)
		case <-ctx.Done():
		}
	}()
	return ctx, func() { stopLease(nil); lease.Release() }, nil
}

// newBot logs in and hands every inbox event to handler. A nil bot means
// the process stops (err says how; nil for a normal stop).
func newBot(ctx context.Context, cfg config.Config, db *storage.DB, handler *commands.Handler, m *metrics.Metrics, log zerolog.Logger) (*bot.Bot, error) {
	b, err := bot.New(ctx, bot.Options{
		HomeserverURL:   cfg.HomeserverURL,
		UserID:          id.UserID(cfg.UserID),
		Password:        cfg.Password,
		AccessToken:     cfg.AccessToken,
		DeviceName:      cfg.DeviceName,
		PickleKey:       cfg.PickleKey,
		DB:              db,
		Log:             log,
		AllowedInviters: cfg.AllowedInviters,
		// Joins of the team and approvals rooms too: Lotse warns there about people without a role.
		LobbyRooms:     append(onboardingConfig(cfg).LobbyRooms, watchedRoomsOf(cfg)...),
		Workers:        cfg.Workers,
		InboxRetention: cfg.InboxRetention,
		WatchedRooms:   watchedRoomKeys(cfg),
		OnGiveUp: func(ctx context.Context, g bot.GiveUp) {
			if err := handler.GiveUp(ctx, g.RoomID, g.EventID, g.Direct, g.Undecryptable, g.Cause); err != nil {
				log.Warn().Err(err).Stringer("event_id", g.EventID).Msg("Failed to tell the member about a message Lotse gave up on")
			}
		},
		OnHistorySkipped: func(ctx context.Context, h bot.HistorySkipped) error {
			return handler.HistorySkipped(ctx, h.RoomID, h.Invite, h.Direct)
		},
		Observer: m,
		Fit: func(ctx context.Context, room id.RoomID, content any) any {
			return chat.Fit(ctx, room, content, cfg.Language)
		},
		ExposureNotice: func(ex bot.Exposure) (string, string) {
			md := chat.RoomClosedNotice(cfg.Language)
			if ex.Strangers > 0 {
				md = chat.RoomStrangersNotice(cfg.Language, ex.Strangers)
			}
			if ex.Open() {
				md = chat.RoomOpenNotice(cfg.Language, chat.RoomExposure{Joinable: ex.Joinable(), WorldReadable: ex.WorldReadable(), Unencrypted: ex.Downgraded})
			}
			return chat.Render(md)
		},
		BelongsIn: handler.BelongsInRoom,
		Handler: bot.HandlerFunc(func(ctx context.Context, in bot.Incoming) error {
			return handler.Handle(ctx, commands.Message{Event: in.Event, Direct: in.Direct, Encrypted: in.Encrypted})
		}),
	})
	switch {
	case err != nil && ctx.Err() != nil && errors.Is(context.Cause(ctx), errLeaseLost):
		return nil, fail(exitLeaseLost, errLeaseLost)
	case err != nil && ctx.Err() != nil:
		// Stopped while waiting for the homeserver: a normal stop.
		log.Info().Err(err).Msg("Stopped before the homeserver could be reached")
		return nil, nil
	case err != nil:
		return nil, fail(exitMatrix, err)
	}
	return b, nil
}

// startWorkers starts everything that runs beside the bot's intake under
// one errgroup: the workflows' workers, the guide watcher, the web view and
// the team-room check; then the ready callback (tests).
func startWorkers(ctx context.Context, g *errgroup.Group, cfg config.Config, loc *time.Location, db *storage.DB, store *guides.Store, handler *commands.Handler, b *bot.Bot, ready func(*bot.Bot), log zerolog.Logger) {
	g.Go(func() error { return handler.Run(ctx, b.Synced()) })
	g.Go(func() error {
		if err := store.Watch(ctx); err != nil && ctx.Err() == nil {
			log.Err(err).Msg("Watching the guide library stopped; changes need a restart or SIGHUP")
		}
		return nil
	})
	g.Go(func() error { reloadOnHangup(ctx, store, handler.ReloadLearned, log); return nil })
	if cfg.WebListen != "" {
		g.Go(func() error {
			if err := serveWeb(ctx, cfg, loc, store, db.Feedback, log.With().Str("component", "web").Logger()); err != nil {
				log.Err(err).Msg("Web view stopped")
			}
			return nil
		})
	}
	g.Go(func() error {
		select {
		case <-b.Synced():
			checkUpgraded(ctx, b, cfg, log)
			checkTeamRoom(ctx, b, id.RoomID(cfg.TeamRoom), commands.TextsFor(cfg.Language), log)
			checkApprovalsRoom(ctx, b, id.RoomID(cfg.ApprovalsRoom), log)
		case <-ctx.Done():
		}
		return nil
	})
	if ready != nil {
		// Not waited for: the callback belongs to the caller (tests).
		go func() {
			select {
			case <-b.Synced():
				ready(b)
			case <-ctx.Done():
			}
		}()
	}
}

// loggedFailure reports whether the n-th failure to reach the database
// while waiting for the lease is logged: the first three, then every
// 300th (every five minutes at the lease's poll of a second).
func loggedFailure(n int) bool { return n <= 3 || n%300 == 0 }

// errLeaseLost stops a process whose database lease broke.
var errLeaseLost = errors.New("lost the database lease")

var (
	_ commands.Observer = (*metrics.Metrics)(nil)
	_ bot.Observer      = (*metrics.Metrics)(nil)
)

// matrixAdapter gives commands the bot's sending abilities.
type matrixAdapter struct{ bot *bot.Bot }

func (m *matrixAdapter) UserID() id.UserID { return m.bot.UserID() }

func (m *matrixAdapter) Send(ctx context.Context, roomID id.RoomID, evtType event.Type, content any, txnID string) (id.EventID, error) {
	return m.bot.Send(ctx, roomID, evtType, content, txnID)
}

// Hold keeps the workflows' sends out of a team or approvals room that is
// open to everyone (bot.Bot.Hold, chat.RoomGuard).
func (m *matrixAdapter) Hold(ctx context.Context, roomID id.RoomID) error {
	return m.bot.Hold(ctx, roomID)
}

func (m *matrixAdapter) Typing(ctx context.Context, roomID id.RoomID, typing bool) error {
	return m.bot.Typing(ctx, roomID, typing)
}

func (m *matrixAdapter) MarkRead(ctx context.Context, roomID id.RoomID, eventID id.EventID) error {
	return m.bot.MarkRead(ctx, roomID, eventID)
}

func (m *matrixAdapter) IsJoined(ctx context.Context, roomID id.RoomID, user id.UserID) (bool, error) {
	return m.bot.IsJoined(ctx, roomID, user)
}

// Membership offers chat.MembershipReader (a ban and a kick told apart
// from a leave: `!team beitreten` invites back after a leave only).
func (m *matrixAdapter) Membership(ctx context.Context, roomID id.RoomID, user id.UserID) (event.Membership, id.UserID, error) {
	return m.bot.Membership(ctx, roomID, user)
}

func (m *matrixAdapter) DirectMember(ctx context.Context, roomID id.RoomID) (id.UserID, error) {
	return m.bot.DirectMember(ctx, roomID)
}

func (m *matrixAdapter) DisplayName(ctx context.Context, roomID id.RoomID, user id.UserID) string {
	return m.bot.DisplayName(ctx, roomID, user)
}

// MayWrite reports whether Lotse may send messages in roomID (chat.Writable).
func (m *matrixAdapter) MayWrite(ctx context.Context, roomID id.RoomID) (bool, error) {
	return m.bot.MayWrite(ctx, roomID)
}

// Exposed reports whether roomID is open to people not in it
// (chat.Exposing).
func (m *matrixAdapter) Exposed(ctx context.Context, roomID id.RoomID) (bool, error) {
	return m.bot.Exposed(ctx, roomID)
}

func (m *matrixAdapter) IsEncrypted(ctx context.Context, roomID id.RoomID) (bool, error) {
	return m.bot.IsEncrypted(ctx, roomID)
}

func (m *matrixAdapter) Download(ctx context.Context, uri id.ContentURIString) ([]byte, error) {
	return m.bot.Download(ctx, uri)
}

func (m *matrixAdapter) Upload(ctx context.Context, data []byte, mimeType string) (id.ContentURIString, error) {
	return m.bot.Upload(ctx, data, mimeType)
}

func (m *matrixAdapter) DirectRoom(ctx context.Context, user id.UserID) (id.RoomID, error) {
	return m.bot.DirectRoom(ctx, user)
}

func (m *matrixAdapter) Redact(ctx context.Context, roomID id.RoomID, eventID id.EventID, reason, txnID string) error {
	return m.bot.Redact(ctx, roomID, eventID, reason, txnID)
}

func (m *matrixAdapter) FetchMessage(ctx context.Context, roomID id.RoomID, eventID id.EventID) (*event.Event, error) {
	return m.bot.FetchMessage(ctx, roomID, eventID)
}

var _ commands.Matrix = (*matrixAdapter)(nil)

var _ chat.MembershipReader = (*matrixAdapter)(nil)

// watchedRoomsOf is the configured team room and approvals room as a list
// (empty without them): their joins are watched.
func watchedRoomsOf(cfg config.Config) []id.RoomID {
	var rooms []id.RoomID
	for _, r := range []string{cfg.TeamRoom, cfg.ApprovalsRoom} {
		if r != "" {
			rooms = append(rooms, id.RoomID(r))
		}
	}
	return rooms
}

// watchedRoomKeys maps every room the configuration names to its key: the
// bot logs at error level when one of them is upgraded to a new room or
// Lotse is removed from it.
func watchedRoomKeys(cfg config.Config) map[id.RoomID]string {
	rooms := map[id.RoomID]string{}
	for _, r := range cfg.LobbyRooms {
		rooms[id.RoomID(r)] = "lobby_rooms"
	}
	for _, r := range configuredRooms(cfg) {
		rooms[r.id] = r.key
	}
	return rooms
}

// checkUpgraded looks, once after the first sync, for configured rooms that
// were upgraded to a new room while Lotse was stopped (a tombstone seen
// while it runs is logged by the bot): each is logged at error level at
// every start until the config names the new room, and /readyz fails.
func checkUpgraded(ctx context.Context, b *bot.Bot, cfg config.Config, log zerolog.Logger) {
	for room, key := range watchedRoomKeys(cfg) {
		if err := b.CheckUpgraded(ctx, room, key); err != nil && ctx.Err() == nil {
			log.Warn().Err(err).Str("config_key", key).Stringer("room_id", room).Msg("Could not check whether a configured room was upgraded")
		}
	}
}

// checkTeamRoom warns loudly when the team room is not usable: Lotse is not
// in it, or it is not end-to-end encrypted (cases carry personal data).
func checkTeamRoom(ctx context.Context, b *bot.Bot, room id.RoomID, texts *commands.Texts, log zerolog.Logger) {
	if room == "" {
		return
	}
	if !waitRoomJoined(ctx, b, room) {
		if ctx.Err() == nil {
			log.Error().Stringer("team_room", room).Msg("Lotse is not a member of the team room: invite it there, or support cases cannot reach the team")
		}
		return
	}
	checkRoomPower(ctx, b, room, "team_room", log)
	checkRoomJoinRule(ctx, b.Client, room, "team_room", log)
	if enc, err := b.IsEncrypted(ctx, room); err != nil || !enc {
		log.Error().Stringer("team_room", room).Msg("THE TEAM ROOM IS NOT END-TO-END ENCRYPTED: support cases contain members' personal data; enable encryption in the team room's settings")
		// Say it in the room too, once a day at most.
		md := texts.Support.TeamRoomUnencrypted
		htmlBody, plain := guides.Render(md)
		content := &event.MessageEventContent{MsgType: event.MsgNotice, Body: plain, Format: event.FormatHTML, FormattedBody: htmlBody, Mentions: &event.Mentions{}}
		txn := "lotse.team-room-unencrypted." + time.Now().UTC().Format("2006-01-02")
		if _, err := b.Sender().Send(ctx, room, event.EventMessage, content, txn); err != nil {
			log.Warn().Err(err).Msg("Failed to warn the team room")
		}
	}
}

// waitRoomJoined reports whether Lotse is in room, waiting for it up to two
// minutes: Lotse may join a configured room only now (the invite is
// handled after the first sync), so it looks again every few seconds.
// False also when ctx ends.
func waitRoomJoined(ctx context.Context, b *bot.Bot, room id.RoomID) bool {
	tick := time.NewTicker(2 * time.Second)
	defer tick.Stop()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		if joined, err := b.IsJoined(ctx, room, b.UserID()); err == nil && joined {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		select {
		case <-ctx.Done():
			return false
		case <-tick.C:
		}
	}
}

// checkApprovalsRoom checks Lotse's power in the approvals room once it
// is in it, as checkTeamRoom does for the team room: right after the first
// sync Lotse has usually not joined it yet, and the check was skipped
// without a word (whole-change review 20, L5).
func checkApprovalsRoom(ctx context.Context, b *bot.Bot, room id.RoomID, log zerolog.Logger) {
	if room == "" {
		return
	}
	if !waitRoomJoined(ctx, b, room) {
		if ctx.Err() == nil {
			log.Error().Stringer("approvals_room", room).Msg("Lotse is not a member of the approvals room: invite it there, or access requests cannot reach the approvers")
		}
		return
	}
	checkRoomPower(ctx, b, room, "approvals_room", log)
	checkRoomJoinRule(ctx, b.Client, room, "approvals_room", log)
}

// checkRoomPower warns when Lotse cannot invite or remove people in room
// (key names its config key), or cannot remove some of them: when a role
// is revoked or paused, the person would stay and keep reading (security
// review 20, finding 2). Lotse says so in chat too when a removal fails.
// Both callers have waited until Lotse is in room.
func checkRoomPower(ctx context.Context, b *bot.Bot, room id.RoomID, key string, log zerolog.Logger) {
	var pl event.PowerLevelsEventContent
	if err := b.Client.StateEvent(ctx, room, event.StatePowerLevels, "", &pl); err != nil {
		log.Warn().Err(err).Str("room", key).Msg("Could not read the power levels")
		return
	}
	lacks, above := roomPower(&pl, b.UserID())
	if lacks {
		log.Error().Str("room", key).Stringer("room_id", room).Msg("Lotse may not invite or remove people in this room: people whose role ends stay in it. Make Lotse a moderator there (lotse setup checks it)")
	}
	if above > 0 {
		log.Info().Str("room", key).Stringer("room_id", room).Int("people", above).Msg("Some people in this room have at least Lotse's power level: Lotse cannot remove them when their role ends (it says so in chat then)")
	}
}

// checkRoomJoinRule logs at error level, at every start, a team or
// approvals room one can join without an invitation. `lotse setup` fails
// such a room (checkJoinRule), but a room admin can open it later — in
// Element one setting („space members can join“) — and then someone Lotse
// removed when their role ended joins again on their own and reads every
// case or request from then on; the running bot only warns about a join
// into the team room (thirty-first pass, mend31a).
func checkRoomJoinRule(ctx context.Context, cli *mautrix.Client, room id.RoomID, key string, log zerolog.Logger) {
	var jr event.JoinRulesEventContent
	err := cli.StateEvent(ctx, room, event.StateJoinRules, "", &jr)
	switch {
	case errors.Is(err, mautrix.MNotFound):
		return // no rule: invite only
	case err != nil:
		log.Warn().Err(err).Str("room", key).Msg("Could not read who may join the room")
		return
	}
	if bot.JoinableWithoutInvite(jr.JoinRule) {
		log.Error().Str("room", key).Stringer("room_id", room).Str("join_rule", string(jr.JoinRule)).
			Msg("One can join this room without an invitation: someone Lotse removed when their role ended can come back on their own. Set its access to private (invite only) in the room settings (lotse setup checks it)")
	}
}

// roomPower reads pl for me: lacks is true when me may not invite or kick;
// above counts the other users whose level is at least me's (Lotse cannot
// kick them).
func roomPower(pl *event.PowerLevelsEventContent, me id.UserID) (lacks bool, above int) {
	level := pl.GetUserLevel(me)
	lacks = level < pl.Invite() || level < pl.Kick()
	for user, l := range pl.Users {
		if user != me && l >= level {
			above++
		}
	}
	return lacks, above
}

func cmdConfig(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fail(exitUsage, fmt.Errorf("lotse config example | check [-c file]"))
	}
	switch args[0] {
	case "example":
		_, err := io.WriteString(stdout, config.ExampleConfig)
		return err
	case "check":
		fs := newFlags("config check", stderr)
		path := fs.String("c", "", "config file")
		if err := fs.Parse(args[1:]); err != nil {
			return fail(exitUsage, err)
		}
		cfg, err := config.Load(*path, os.Getenv)
		if err != nil {
			return fail(exitConfig, err)
		}
		if err := cfg.Validate(); err != nil {
			return fail(exitConfig, err)
		}
		// The guides as Lotse will load them: a site key they use and the
		// config leaves unset shows members an example address.
		lib, _, err := guides.Load(cfg.GuidesDir, libraryOptions(cfg)...)
		if err != nil {
			return fail(exitGuides, fmt.Errorf("guides_dir: %w", err))
		}
		if problems := cfg.PlaceholderProblems(lib.Placeholders()); len(problems) > 0 {
			var lines []string
			for _, p := range problems {
				lines = append(lines, p.String())
			}
			return fail(exitConfig, fmt.Errorf("invalid configuration:\n  - %s", strings.Join(lines, "\n  - ")))
		}
		fmt.Fprintln(stdout, "Configuration is valid.")
		for _, f := range openSecretFiles(os.Getenv) {
			fmt.Fprintf(stdout, "Warning: %s: chmod 0640 %s (owner root, group of the service user; docs/deployment.md, step 1).\n", f, f.path)
		}
		return nil
	}
	return fail(exitUsage, fmt.Errorf("unknown config command %q", args[0]))
}

// roomAdapter gives commands invites, kicks and DMs.
type roomAdapter struct{ bot *bot.Bot }

func (r *roomAdapter) Invite(ctx context.Context, roomID id.RoomID, user id.UserID, reason string) error {
	return r.bot.Invite(ctx, roomID, user, reason)
}

func (r *roomAdapter) Kick(ctx context.Context, roomID id.RoomID, user id.UserID, reason string) error {
	return r.bot.Kick(ctx, roomID, user, reason)
}

func (r *roomAdapter) OpenDM(ctx context.Context, user id.UserID) (id.RoomID, error) {
	return r.bot.OpenDM(ctx, user)
}

var _ commands.RoomAdmin = (*roomAdapter)(nil)

// cmdPrivacyRetention: lotse privacy retention [--dry-run] -c config.yaml
// applies (or, with --dry-run, only counts) the retention rules.
func cmdPrivacyRetention(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("privacy retention", flag.ContinueOnError)
	fs.SetOutput(stderr)
	path := fs.String("c", "", "config file")
	dry := fs.Bool("dry-run", false, "only count what would be deleted")
	if err := fs.Parse(args); err != nil {
		return fail(exitUsage, err)
	}
	cfg, db, err := openExisting(ctx, *path)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := db.Retention(ctx, retentionPolicy(cfg), time.Now(), *dry)
	if err != nil {
		return fail(exitDatabase, err)
	}
	verb, redact := "deleted", "queued for redaction"
	if *dry {
		verb, redact = "would delete", "would redact"
	}
	for _, r := range res {
		period := fmt.Sprintf("%dd", int(r.Period.Hours()/24))
		if r.Messages {
			// Lotse's own messages in the room, redacted by the running bot.
			fmt.Fprintf(stdout, "%-18s %-8s period %-8s %s %d of Lotse's messages in the room\n", r.Table, r.Rule, period, redact, r.Rows)
			continue
		}
		fmt.Fprintf(stdout, chat.Plural("%-18s %-8s period %-8s %s %d row\n|%-18s %-8s period %-8s %s %d rows\n", int(r.Rows)), r.Table, r.Rule, period, verb, r.Rows)
	}
	return nil
}

// reloadOnHangup reloads the guide library and the learned questions on
// SIGHUP (systemctl reload, docker kill -s HUP), for admins who want a
// change live at once; file changes are picked up without it.
func reloadOnHangup(ctx context.Context, store *guides.Store, reloadLearned func(context.Context) error, log zerolog.Logger) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	reloadOn(ctx, hup, store, reloadLearned, log)
}

// reloadOn is reloadOnHangup on the signals of hup.
func reloadOn(ctx context.Context, hup <-chan os.Signal, store *guides.Store, reloadLearned func(context.Context) error, log zerolog.Logger) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
			reloadAll(ctx, store, reloadLearned, log)
		}
	}
}

// reloadAll is what SIGHUP does: the guide files are read again, and so
// are the learned questions, which `lotse privacy erase` may have deleted
// from the database while Lotse ran (the running bot would otherwise keep
// the erased person's words in its search until the next restart).
func reloadAll(ctx context.Context, store *guides.Store, reloadLearned func(context.Context) error, log zerolog.Logger) {
	log.Info().Msg("SIGHUP: reloading the guide library and the learned questions")
	store.Refresh(ctx)
	if err := reloadLearned(ctx); err != nil {
		log.Err(err).Msg("SIGHUP: the learned questions could not be reloaded; the search keeps the ones it had")
	}
}

// openExisting opens the configured database for one-shot commands: a
// database that does not exist yet is an error and is never created (no
// empty database left behind by a mistyped path), and its schema is never
// upgraded: only `lotse run` does that, so that a new binary's command
// tried on the database of a running older Lotse cannot lock that one out
// at its next start (exit code 14, "unsupported database schema version").
func openExisting(ctx context.Context, path string) (config.Config, *storage.DB, error) {
	cfg, err := config.Load(path, os.Getenv)
	if err != nil {
		return cfg, nil, fail(exitConfig, err)
	}
	if err := databaseExists(cfg.Database); err != nil {
		return cfg, nil, fail(exitDatabase, err)
	}
	db, err := storage.Open(cfg.Database, zerolog.Nop())
	if err != nil {
		return cfg, nil, fail(exitDatabase, err)
	}
	// A database that cannot be reached (PostgreSQL down, a wrong name or
	// password, a file without permission) is exit code 12, as for lotse
	// run, not 14 from reading the schema version.
	if err := db.Root.RawDB.PingContext(ctx); err != nil {
		db.Close()
		return cfg, nil, fail(exitDatabase, fmt.Errorf("failed to connect to the database: %w", err))
	}
	if err := db.CheckSchema(ctx); err != nil {
		db.Close()
		return cfg, nil, fail(exitUpgrade, err)
	}
	return cfg, db, nil
}

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"time"
	_ "time/tzdata" // quiet hours in Europe/Berlin without system zoneinfo

	"github.com/prometheus/client_golang/prometheus"
	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/bot"
	"github.com/lotse-bot/lotse/commands"
	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/metrics"
	"github.com/lotse-bot/lotse/storage"
)

func cmdRun(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	path := fs.String("c", "", "config file (optional; LOTSE_* variables override it)")
	if err := fs.Parse(args); err != nil {
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
	return runBot(ctx, cfg, log, nil)
}

// newLogger builds the process logger from the config.
func newLogger(cfg config.Config, out io.Writer) zerolog.Logger {
	level, err := zerolog.ParseLevel(cfg.LogLevel)
	if err != nil || cfg.LogLevel == "" {
		level = zerolog.InfoLevel
	}
	var w io.Writer = out
	if cfg.LogFormat != "json" {
		w = zerolog.ConsoleWriter{Out: out, TimeFormat: time.DateTime}
	}
	return zerolog.New(w).Level(level).With().Timestamp().Logger()
}

// runBot opens the database, loads and watches the guides, logs in and
// serves until ctx ends. ready, if not nil, is called once the first sync
// was committed (the demo waits for it).
func runBot(ctx context.Context, cfg config.Config, log zerolog.Logger, ready func(*bot.Bot)) error {
	db, err := storage.Open(cfg.Database, log)
	if err != nil {
		return fail(exitDatabase, err)
	}
	defer db.Close()

	m := metrics.New(prometheus.NewRegistry())
	state := &liveState{db: db}
	state.standby.Store(true)
	if cfg.OpsListen != "" {
		go func() {
			if err := serveOps(ctx, cfg.OpsListen, opsHandler(state, m), log.With().Str("component", "ops").Logger()); err != nil {
				log.Err(err).Msg("Operations endpoints stopped")
			}
		}()
	}
	// One active process per database; on PostgreSQL a second one waits
	// here as a standby and takes over when the first one's session ends.
	lease, err := db.AcquireLease(ctx, storage.LeaseOptions{
		OnStandby: func() {
			log.Info().Msg("Another Lotse process is active on this database; waiting as standby")
		},
		OnError: func(err error) { log.Warn().Err(err).Msg("Standby could not check the lease; retrying") },
	})
	if err != nil {
		if ctx.Err() != nil {
			return nil
		}
		if errors.Is(err, storage.ErrLocked) {
			return fail(exitLocked, err)
		}
		return fail(exitDatabase, err)
	}
	defer lease.Release()
	state.standby.Store(false)
	m.SetLeader(true)
	log.Info().Msg("Holding the database lease: this process is active")
	ctx, stopLease := context.WithCancelCause(ctx)
	defer stopLease(nil)
	go func() {
		select {
		case <-lease.Lost():
			log.Error().Msg("Lost the database lease (connection broken); stopping so that a standby can take over")
			stopLease(errLeaseLost)
		case <-ctx.Done():
		}
	}()

	if err := db.Upgrade(ctx); err != nil {
		return fail(exitUpgrade, err)
	}

	store, err := guides.NewStore(cfg.GuidesDir, log.With().Str("component", "guides").Logger())
	if err != nil {
		return fail(exitGuides, err)
	}
	watchCtx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	go func() {
		if err := store.Watch(watchCtx); err != nil && watchCtx.Err() == nil {
			log.Err(err).Msg("Watching the guide library stopped; changes need a restart")
		}
	}()

	support, err := supportConfig(cfg)
	if err != nil {
		return fail(exitConfig, err)
	}
	matrix := &matrixAdapter{}
	handler := commands.New(commands.Deps{
		Support:   support,
		Matrix:    matrix,
		Guides:    store,
		DB:        db,
		Texts:     commands.TextsFor(cfg.Language),
		Log:       log.With().Str("component", "commands").Logger(),
		ChoiceTTL: cfg.ChoiceTTL,
		GuideURL:  guideURL(cfg.GuideBaseURL),
		TxnID:     bot.TxnID,
		Observer:  m,
	})
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
		Workers:         cfg.Workers,
		Observer:        m,
		Handler: bot.HandlerFunc(func(ctx context.Context, in bot.Incoming) error {
			return handler.Handle(ctx, commands.Message{Event: in.Event, Direct: in.Direct, Encrypted: in.Encrypted})
		}),
	})
	if err != nil {
		return fail(exitMatrix, err)
	}
	defer b.Close()
	matrix.bot = b
	state.bot.Store(b)
	m.AddSources(metrics.Sources{
		LastSync:     b.LastSync,
		InboxPending: db.Inbox.PendingCount,
		SenderStats:  b.Sender().Stats,
	})
	log.Info().Stringer("user_id", b.UserID()).Int("guides", len(store.Current().Guides())).Msg("Lotse is starting")

	if cfg.WebListen != "" {
		go func() {
			if err := serveWeb(ctx, cfg, store, log.With().Str("component", "web").Logger()); err != nil {
				log.Err(err).Msg("Web view stopped")
			}
		}()
	}
	go housekeeping(ctx, db, cfg, log)
	go func() {
		select {
		case <-b.Synced():
			checkTeamRoom(ctx, b, support.TeamRoom, log)
			// Reminders send nothing before the first sync brought Lotse's
			// own earlier sends (their transaction IDs) into the database.
			handler.RunScheduler(log.With().Str("component", "support").Logger().WithContext(ctx))
		case <-ctx.Done():
		}
	}()
	if ready != nil {
		go func() {
			select {
			case <-b.Synced():
				ready(b)
			case <-ctx.Done():
			}
		}()
	}
	if err := b.Run(ctx); err != nil {
		return fail(exitMatrix, err)
	}
	if errors.Is(context.Cause(ctx), errLeaseLost) {
		return fail(exitLeaseLost, errLeaseLost)
	}
	log.Info().Msg("Lotse stopped")
	return nil
}

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
	return m.bot.Sender().Send(ctx, roomID, evtType, content, txnID)
}

func (m *matrixAdapter) IsJoined(ctx context.Context, roomID id.RoomID, user id.UserID) (bool, error) {
	return m.bot.IsJoined(ctx, roomID, user)
}

func (m *matrixAdapter) DisplayName(ctx context.Context, roomID id.RoomID, user id.UserID) string {
	return m.bot.DisplayName(ctx, roomID, user)
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

var _ commands.Matrix = (*matrixAdapter)(nil)

// supportConfig turns the support_* keys into the commands' settings.
func supportConfig(cfg config.Config) (commands.Support, error) {
	s := commands.Support{
		TeamRoom:       id.RoomID(cfg.TeamRoom),
		Anonymous:      cfg.SupportAnonymous,
		ReplyPrefix:    cfg.SupportReplyPrefix,
		ReopenWindow:   cfg.SupportReopenWindow,
		UnclaimedAfter: cfg.SupportUnclaimedAfter,
		StaleAfter:     cfg.SupportStaleAfter,
		DigestHour:     cfg.SupportDigestHour,
		Retention:      cfg.SupportRetention,
	}
	wd, err := cfg.DigestWeekday()
	if err != nil {
		return s, err
	}
	s.DigestWeekday = wd
	if wd == -2 {
		s.DigestHour, s.DigestWeekday = -1, -1
	}
	if s.QuietFrom, s.QuietTo, err = cfg.QuietHours(); err != nil {
		return s, err
	}
	if s.Location, err = time.LoadLocation(cfg.SupportTimezone); err != nil {
		return s, fmt.Errorf("support_timezone: %w", err)
	}
	return s, nil
}

// checkTeamRoom warns loudly when the team room is not usable: Lotse is not
// in it, or it is not end-to-end encrypted (cases carry personal data).
func checkTeamRoom(ctx context.Context, b *bot.Bot, room id.RoomID, log zerolog.Logger) {
	if room == "" {
		return
	}
	if joined, err := b.IsJoined(ctx, room, b.UserID()); err != nil || !joined {
		log.Error().Stringer("team_room", room).Msg("Lotse is not a member of the team room: invite it there, or support cases cannot reach the team")
	}
	if enc, err := b.IsEncrypted(ctx, room); err != nil || !enc {
		log.Error().Stringer("team_room", room).Msg("THE TEAM ROOM IS NOT END-TO-END ENCRYPTED: support cases contain members' personal data; enable encryption in the team room's settings")
	}
}

// guideURL links guides to the web view, if one is configured.
func guideURL(base string) func(string) string {
	if base == "" {
		return nil
	}
	base = strings.TrimRight(base, "/")
	return func(guideID string) string {
		parts := strings.Split(strings.TrimSuffix(guideID, ".md"), "/")
		for i, p := range parts {
			parts[i] = url.PathEscape(p)
		}
		return base + "/" + strings.Join(parts, "/")
	}
}

// housekeeping enforces the retention periods once an hour.
func housekeeping(ctx context.Context, db *storage.DB, cfg config.Config, log zerolog.Logger) {
	tick := time.NewTicker(time.Hour)
	defer tick.Stop()
	for {
		now := time.Now()
		if n, err := db.Inbox.Prune(ctx, now.Add(-cfg.InboxRetention)); err != nil {
			log.Warn().Err(err).Msg("Failed to prune the inbox")
		} else if n > 0 {
			log.Debug().Int64("rows", n).Msg("Pruned handled events")
		}
		if err := db.Answers.Prune(ctx, now.Add(-cfg.AnswerRetention)); err != nil {
			log.Warn().Err(err).Msg("Failed to prune answers")
		}
		if err := db.Choices.Prune(ctx, now.Add(-cfg.ChoiceTTL)); err != nil {
			log.Warn().Err(err).Msg("Failed to prune choices")
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

func cmdConfig(args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return fail(exitUsage, fmt.Errorf("lotse config example | check [-c file]"))
	}
	switch args[0] {
	case "example":
		_, err := io.WriteString(stdout, config.ExampleConfig)
		return err
	case "check":
		fs := flag.NewFlagSet("config check", flag.ContinueOnError)
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
		fmt.Fprintln(stdout, "Configuration is valid.")
		return nil
	}
	return fail(exitUsage, fmt.Errorf("unknown config command %q", args[0]))
}

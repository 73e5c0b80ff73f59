package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/pprof"
	"strings"
	"sync/atomic"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/bot"
	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/internal/httpserve"
	"github.com/lotse-bot/lotse/internal/instance"
	"github.com/lotse-bot/lotse/metrics"
	"github.com/lotse-bot/lotse/storage"
)

// maxSyncAge is how old the last committed sync batch may be for /readyz.
// A quiet long-poll returns every 30 s, so 2 minutes means sync is stuck.
const maxSyncAge = 2 * time.Minute

// readiness is what /readyz checks.
type readiness interface {
	// Standby reports whether another process holds the database lease.
	Standby() bool
	// LastSync is when the last sync batch was committed (zero: not yet).
	LastSync() time.Time
	// PingHomeserver asks the homeserver's /versions.
	PingHomeserver(ctx context.Context) error
	// PingDatabase checks that the database answers and is writable.
	PingDatabase(ctx context.Context) error
	// Instance reports another Lotse process that took over the bot
	// account (nil while this one answers for it).
	Instance() error
	// Starting reports what the start still waits for before it answers
	// (the instance guard watching the bot account's marker); nil when
	// it does not wait.
	Starting() error
	// CheckRooms reports the configured rooms (team, approvals,
	// announcements) Lotse is not joined to.
	CheckRooms(ctx context.Context) error
}

// liveState is the running process as /readyz sees it.
type liveState struct {
	db      *storage.DB
	rooms   []configuredRoom
	standby atomic.Bool
	bot     atomic.Pointer[bot.Bot]
	guard   atomic.Pointer[instance.Guard]
	// watchUntil is when the instance guard's watch at start decides
	// (Unix milliseconds; 0: it does not watch).
	watchUntil atomic.Int64
}

// configuredRoom is a room the configuration names, with its key.
type configuredRoom struct {
	key string
	id  id.RoomID
}

// configuredRooms lists the rooms Lotse must be in for its work.
func configuredRooms(cfg config.Config) []configuredRoom {
	var rooms []configuredRoom
	if cfg.TeamRoom != "" {
		rooms = append(rooms, configuredRoom{"team_room", id.RoomID(cfg.TeamRoom)})
	}
	if cfg.ApprovalsRoom != "" {
		rooms = append(rooms, configuredRoom{"approvals_room", id.RoomID(cfg.ApprovalsRoom)})
	}
	for _, r := range cfg.AnnouncementRooms {
		rooms = append(rooms, configuredRoom{"announcement_rooms", id.RoomID(r)})
	}
	return rooms
}

// CheckRooms names the configured rooms Lotse is not joined to (kicked, or
// never invited): cases, approvals or announcements would fail there; and
// those upgraded to a new room (the team has moved on; Lotse does not
// follow by itself, see bot.RoomGone).
func (s *liveState) CheckRooms(ctx context.Context) error {
	b := s.bot.Load()
	if b == nil {
		return errors.New("not logged in yet")
	}
	var missing []string
	for _, r := range s.rooms {
		joined, err := b.IsJoined(ctx, r.id, b.UserID())
		if err != nil {
			return err
		}
		if !joined {
			missing = append(missing, fmt.Sprintf("%s %s", r.key, r.id))
		}
	}
	var upgraded []string
	for _, g := range b.GoneRooms() {
		if g.Replacement != "" || g.Membership == "" {
			upgraded = append(upgraded, fmt.Sprintf("%s %s (new room %s)", g.Key, g.Room, g.Replacement))
		}
	}
	var problems []string
	if len(missing) > 0 {
		problems = append(problems, fmt.Sprintf("not joined to %s: invite Lotse again", strings.Join(missing, ", ")))
	}
	if len(upgraded) > 0 {
		problems = append(problems, fmt.Sprintf("upgraded to a new room: %s: put the new room's ID in the config", strings.Join(upgraded, ", ")))
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "; "))
	}
	return nil
}

func (s *liveState) Standby() bool { return s.standby.Load() }

func (s *liveState) LastSync() time.Time {
	if b := s.bot.Load(); b != nil {
		return b.LastSync()
	}
	return time.Time{}
}

func (s *liveState) PingHomeserver(ctx context.Context) error {
	b := s.bot.Load()
	if b == nil {
		return errors.New("not logged in yet")
	}
	// A plain GET: mautrix's Versions would also rewrite the client's
	// spec versions while the sync loop reads them.
	url := b.Client.BuildClientURL("versions")
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return fmt.Errorf("failed to build the /versions request: %w", err)
	}
	resp, err := b.Client.Client.Do(req)
	if err != nil {
		return fmt.Errorf("failed to reach the homeserver: %w", err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("homeserver /versions answered %s", resp.Status)
	}
	return nil
}

func (s *liveState) PingDatabase(ctx context.Context) error { return s.db.Ping(ctx) }

var _ readiness = (*liveState)(nil)

// opsHandler serves /healthz, /readyz and /metrics, and with withPprof Go's
// profiler under /debug/pprof/.
func opsHandler(state readiness, m *metrics.Metrics, withPprof bool) http.Handler {
	mux := http.NewServeMux()
	if withPprof {
		mux.HandleFunc("GET /debug/pprof/", pprof.Index)
		mux.HandleFunc("GET /debug/pprof/cmdline", pprof.Cmdline)
		mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
		mux.HandleFunc("GET /debug/pprof/symbol", pprof.Symbol)
		mux.HandleFunc("GET /debug/pprof/trace", pprof.Trace)
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		role := "leader"
		if state.Standby() {
			role = "standby"
		}
		if state.Instance() != nil {
			role = "displaced" // another process took over the bot account
		}
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "role": role})
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
		defer cancel()
		checks, ok := checkReady(ctx, state, time.Now())
		code := http.StatusOK
		if !ok {
			code = http.StatusServiceUnavailable
		}
		writeJSON(w, code, map[string]any{"ready": ok, "checks": checks})
	})
	mux.Handle("GET /metrics", m.Handler())
	return mux
}

// checkReady runs the readiness checks; each check maps to "ok" or the problem.
func checkReady(ctx context.Context, state readiness, now time.Time) (map[string]string, bool) {
	checks := map[string]string{}
	ok := true
	bad := func(name, problem string) {
		checks[name] = problem
		ok = false
	}
	if state.Standby() {
		bad("lease", "standby: another Lotse process is active on this database")
		return checks, false
	}
	checks["lease"] = "ok"
	if err := state.Instance(); err != nil {
		bad("instance", err.Error())
		return checks, false
	}
	if err := state.Starting(); err != nil {
		bad("instance", err.Error())
		return checks, false
	}
	checks["instance"] = "ok"
	if err := state.PingDatabase(ctx); err != nil {
		bad("database", err.Error())
	} else {
		checks["database"] = "ok"
	}
	if err := state.PingHomeserver(ctx); err != nil {
		bad("homeserver", err.Error())
	} else {
		checks["homeserver"] = "ok"
	}
	if err := state.CheckRooms(ctx); err != nil {
		bad("rooms", err.Error())
	} else {
		checks["rooms"] = "ok"
	}
	switch last := state.LastSync(); {
	case last.IsZero():
		bad("sync", "no sync committed yet")
	case now.Sub(last) > maxSyncAge:
		bad("sync", fmt.Sprintf("last sync %s ago (more than %s)", now.Sub(last).Round(time.Second), maxSyncAge))
	default:
		checks["sync"] = "ok"
	}
	return checks, ok
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

// opsServer bounds the operations server: it is for the admin, Prometheus
// and the container's health check only, so few connections suffice;
// WriteTimeout also bounds a CPU profile's ?seconds=.
var opsServer = httpserve.Default(16, "internal error")

// serveOps serves the operations endpoints on addr until ctx ends.
func serveOps(ctx context.Context, addr string, h http.Handler, log zerolog.Logger) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("failed to listen on ops_listen %s: %w", addr, err)
	}
	log.Info().Str("addr", ln.Addr().String()).Msg("Serving /healthz, /readyz and /metrics")
	if err := httpserve.Serve(ctx, ln, h, opsServer, log); err != nil {
		return fmt.Errorf("ops server stopped: %w", err)
	}
	return nil
}

// cmdHealth is `lotse health --url …`: the container health check, so that
// the image needs no curl. Exit code 0 when the URL answers 200.
func cmdHealth(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("health", flag.ContinueOnError)
	fs.SetOutput(stderr)
	url := fs.String("url", "http://127.0.0.1:9180/healthz", "endpoint to check (/healthz or /readyz)")
	timeout := fs.Duration("timeout", 3*time.Second, "give up after this long")
	if err := fs.Parse(args); err != nil {
		return fail(exitUsage, err)
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, *url, nil)
	if err != nil {
		return fail(exitUsage, fmt.Errorf("invalid --url: %w", err))
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fail(exitFailed, fmt.Errorf("failed to reach %s: %w", *url, err))
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if resp.StatusCode != http.StatusOK {
		return fail(exitFailed, fmt.Errorf("%s answered %s: %s", *url, resp.Status, body))
	}
	_, _ = stdout.Write(body)
	return nil
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/internal/instance"
	"github.com/lotse-bot/lotse/metrics"
)

// fakeState is a readiness with fixed answers.
type fakeState struct {
	standby  bool
	lastSync time.Time
	hsErr    error
	dbErr    error
	roomsErr error
	instErr  error
	startErr error
}

func (f fakeState) Standby() bool                        { return f.standby }
func (f fakeState) LastSync() time.Time                  { return f.lastSync }
func (f fakeState) PingHomeserver(context.Context) error { return f.hsErr }
func (f fakeState) PingDatabase(context.Context) error   { return f.dbErr }
func (f fakeState) CheckRooms(context.Context) error     { return f.roomsErr }
func (f fakeState) Instance() error                      { return f.instErr }
func (f fakeState) Starting() error                      { return f.startErr }

func TestOpsEndpoints(t *testing.T) {
	healthy := fakeState{lastSync: time.Now().Add(-5 * time.Second)}
	tests := []struct {
		name     string
		state    fakeState
		path     string
		wantCode int
		want     []string
	}{
		{"healthz", healthy, "/healthz", 200, []string{`"status":"ok"`, `"role":"leader"`}},
		{"healthz on a standby", fakeState{standby: true}, "/healthz", 200, []string{`"role":"standby"`}},
		{"ready", healthy, "/readyz", 200, []string{`"ready":true`, `"sync":"ok"`, `"database":"ok"`, `"homeserver":"ok"`, `"rooms":"ok"`}},
		{"standby not ready", fakeState{standby: true}, "/readyz", 503, []string{"standby"}},
		{"another process took over", fakeState{lastSync: time.Now(), instErr: errors.New("another Lotse process with a different database took over")}, "/readyz", 503, []string{`"instance":"another Lotse process`}},
		{"healthz after another process took over", fakeState{lastSync: time.Now(), instErr: errors.New("took over")}, "/healthz", 200, []string{`"role":"displaced"`}},
		{"never synced", fakeState{}, "/readyz", 503, []string{"no sync committed yet"}},
		{"start watching the instance marker", fakeState{startErr: errors.New("starting: watching the bot account's instance marker until …")}, "/readyz", 503, []string{`"instance":"starting: watching`}},
		{"healthz while the start watches", fakeState{startErr: errors.New("starting")}, "/healthz", 200, []string{`"role":"leader"`}},
		{"sync stale", fakeState{lastSync: time.Now().Add(-3 * time.Minute)}, "/readyz", 503, []string{"last sync 3m0s ago"}},
		{"homeserver down", fakeState{lastSync: time.Now(), hsErr: errors.New("connection refused")}, "/readyz", 503, []string{`"homeserver":"connection refused"`}},
		{"database locked", fakeState{lastSync: time.Now(), dbErr: errors.New("database is locked")}, "/readyz", 503, []string{`"database":"database is locked"`}},
		{"kicked from the team room", fakeState{lastSync: time.Now(), roomsErr: errors.New("not joined to team_room !t:hs: invite Lotse again")}, "/readyz", 503, []string{`"rooms":"not joined to team_room !t:hs`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(opsHandler(tt.state, metrics.New(prometheus.NewRegistry()), false))
			defer srv.Close()
			resp, err := http.Get(srv.URL + tt.path)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.wantCode {
				t.Errorf("status %d, want %d: %s", resp.StatusCode, tt.wantCode, body)
			}
			if !json.Valid(body) {
				t.Errorf("body is not JSON: %s", body)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(body), w) {
					t.Errorf("body %s does not contain %s", body, w)
				}
			}
		})
	}
}

func TestOpsMetrics(t *testing.T) {
	m := metrics.New(prometheus.NewRegistry())
	m.Question(metrics.QuestionConfident)
	m.Case(metrics.CaseOpened)
	m.ProvisioningJob("done")
	m.EventHandled("done", 40*time.Millisecond)
	m.FirstResponse(20 * time.Minute)
	m.SetLeader(true)
	m.AddSources(metrics.Sources{
		LastSync:     func() time.Time { return time.Now().Add(-2 * time.Second) },
		InboxPending: func(context.Context) (int, error) { return 7, nil },
		SenderStats:  func() (int64, int64) { return 3, 5 },
	})
	srv := httptest.NewServer(opsHandler(fakeState{}, m, false))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	for _, w := range []string{
		`lotse_questions_total{outcome="confident"} 1`,
		`lotse_cases_total{change="opened"} 1`,
		`lotse_provisioning_jobs_total{outcome="done"} 1`,
		`lotse_event_handling_seconds_bucket{le="0.05"} 1`,
		`lotse_case_first_response_seconds_bucket{le="900"} 0`,
		`lotse_case_first_response_seconds_bucket{le="1800"} 1`,
		`lotse_inbox_pending 7`,
		`lotse_send_rate_limited_total 3`,
		`lotse_send_retries_total 5`,
		`lotse_leader 1`,
		`lotse_sync_lag_seconds 2.`,
		`go_goroutines`,
	} {
		if !bytes.Contains(body, []byte(w)) {
			t.Errorf("/metrics lacks %q", w)
		}
	}
}

func TestHealthCommand(t *testing.T) {
	srv := httptest.NewServer(opsHandler(fakeState{}, nil, false))
	defer srv.Close()
	var out, errOut bytes.Buffer
	if err := runMain(t.Context(), []string{"health", "--url", srv.URL + "/healthz"}, nil, &out, &errOut); err != nil {
		t.Fatalf("health of a healthy process: %v", err)
	}
	err := runMain(t.Context(), []string{"health", "--url", srv.URL + "/readyz"}, nil, &out, &errOut)
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != exitFailed {
		t.Fatalf("health of a not-ready process: %v, want exit code %d", err, exitFailed)
	}
}

// TestOpsListenServes runs the real wiring with ops_listen and checks that
// the process becomes ready and exports its counters after a question.
func TestOpsListenServes(t *testing.T) {
	addr := freeAddr(t)
	l := startLotse(t, copyLibrary(t), func(cfg *config.Config) { cfg.OpsListen = addr })
	m := newMember(t, "member")
	roomID := openDM(t, m, l.userID, true)
	ask(t, m, roomID, l.userID, text("passwort vergessen"))
	waitHTTP(t, "http://"+addr+"/metrics", 200, `lotse_events_handled_total{outcome="done"}`, `lotse_questions_total`)
	// Ready right away once it answers (no waiting here: that would hide a
	// flapping check).
	if code, body := fetch(t, "http://"+addr+"/readyz"); code != 200 {
		t.Fatalf("/readyz of a running Lotse: %d %s", code, body)
	}
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// TestOpsPprofOnlyWhenEnabled checks that the profiler is served only with
// ops_pprof.
func TestOpsPprofOnlyWhenEnabled(t *testing.T) {
	for _, enabled := range []bool{false, true} {
		srv := httptest.NewServer(opsHandler(fakeState{}, nil, enabled))
		resp, err := http.Get(srv.URL + "/debug/pprof/heap?debug=1")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		srv.Close()
		served := resp.StatusCode == http.StatusOK && bytes.Contains(body, []byte("heap profile"))
		if served != enabled {
			t.Errorf("ops_pprof %v: GET /debug/pprof/heap = %d (profile served: %v)", enabled, resp.StatusCode, served)
		}
	}
}

// TestLiveStateStarting: while the instance guard watches the bot
// account's marker at start (up to two minutes), /readyz says so and until
// when — the admin must not think the start hangs; once the guard has
// started (or when it never watched) it says nothing.
func TestLiveStateStarting(t *testing.T) {
	var s liveState
	if err := s.Starting(); err != nil {
		t.Errorf("Starting without a watch = %v, want nil", err)
	}
	until := time.Date(2026, 12, 7, 2, 14, 30, 0, time.UTC)
	s.watchUntil.Store(until.UnixMilli())
	err := s.Starting()
	if err == nil {
		t.Fatal("Starting while the guard watches = nil, want the watch named")
	}
	for _, want := range []string{"watching", "2026-12-07 02:14:30 UTC", "restored backup", "exit code 24"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Starting = %q, want it to say %q", err, want)
		}
	}
	s.guard.Store(&instance.Guard{})
	if err := s.Starting(); err != nil {
		t.Errorf("Starting after the guard started = %v, want nil", err)
	}
}

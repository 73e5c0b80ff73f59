package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/internal/dendrite"
)

// Run performs a load run and the requested fault runs. Progress goes to logw.
func Run(ctx context.Context, o Options, logw io.Writer) (*Report, error) {
	rep := &Report{Opts: o, Confident: -1}
	defer func() {
		if data, err := os.ReadFile("/proc/loadavg"); err == nil {
			rep.Load = strings.Join(strings.Fields(string(data))[:3], " ")
		}
	}()
	logf := func(format string, args ...any) {
		fmt.Fprintf(logw, "%s  %s\n", time.Now().Format(time.TimeOnly), fmt.Sprintf(format, args...))
	}
	setupStart := time.Now()
	root, err := moduleRoot()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "lotse-load-")
	if err != nil {
		return nil, err
	}
	if o.KeepDir {
		logf("work folder: %s", dir)
	} else {
		defer os.RemoveAll(dir)
	}

	bin := o.LotseBin
	if bin == "" {
		logf("building lotse")
		if bin, err = buildLotse(ctx, root, dir); err != nil {
			return nil, err
		}
	}
	dlog := zerolog.New(zerolog.ConsoleWriter{Out: logw, TimeFormat: time.TimeOnly}).With().Str("component", "dendrite").Logger()
	binDir, err := dendrite.Build(ctx, dlog)
	if err != nil {
		return nil, err
	}
	srv, err := dendrite.Start(ctx, dendrite.Options{BinDir: binDir, DataDir: filepath.Join(dir, "dendrite")})
	if err != nil {
		return nil, err
	}
	defer func() {
		if err := srv.Stop(); err != nil {
			logf("stopping dendrite: %v", err)
		}
	}()
	logf("dendrite on %s", srv.URL)

	libDir := filepath.Join(dir, "library")
	logf("generating %d guides", o.Guides)
	if err := generateLibrary(root, libDir, o.Guides, o.Seed); err != nil {
		return nil, err
	}
	dbPath := filepath.Join(dir, "lotse.db")
	logf("seeding %d cases", o.Cases)
	seedStart := time.Now()
	if err := seedCases(ctx, dbPath, o.Cases); err != nil {
		return nil, err
	}
	rep.SeedTook = time.Since(seedStart)

	// Both bots reach the homeserver through a proxy of their own that
	// can inject 429s (the rate-limit fault), so both pay the same hop.
	lotseProxy, err := newLimitProxy(srv.URL, 3, time.Second)
	if err != nil {
		return nil, err
	}
	defer lotseProxy.srv.Close()
	echoProxy, err := newLimitProxy(srv.URL, 3, time.Second)
	if err != nil {
		return nil, err
	}
	defer echoProxy.srv.Close()

	lotseLocal := dendrite.UniqueLocalpart("lotse")
	lotseID, err := srv.RegisterUser(ctx, lotseLocal, "pw-"+lotseLocal, false)
	if err != nil {
		return nil, err
	}
	echoLocal := dendrite.UniqueLocalpart("echo")
	echoID, err := srv.RegisterUser(ctx, echoLocal, "pw-"+echoLocal, false)
	if err != nil {
		return nil, err
	}
	logFile, err := os.Create(filepath.Join(dir, "lotse.log"))
	if err != nil {
		return nil, err
	}
	defer logFile.Close()
	opsAddr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	lp := &lotseProc{bin: bin, dir: dir, opsAddr: opsAddr, log: logFile, env: append(os.Environ(),
		"LOTSE_HOMESERVER_URL="+lotseProxy.srv.URL, "LOTSE_USER_ID="+lotseID.String(), "LOTSE_PASSWORD=pw-"+lotseLocal,
		"LOTSE_DATABASE="+dbPath, "LOTSE_GUIDES_DIR="+libDir, "LOTSE_PICKLE_KEY="+loadPickleKey,
		"LOTSE_LOG_FORMAT=json", "LOTSE_LOG_LEVEL=info", "LOTSE_OPS_LISTEN="+opsAddr, "GOMEMLIMIT="+o.GoMemLimit)}
	var relay *relayEnv
	if o.Relay > 0 {
		logf("creating the team room for the relay run")
		if relay, err = newRelayEnv(ctx, srv, filepath.Join(dir, "team"), lotseID); err != nil {
			return nil, err
		}
		defer relay.close()
		lp.env = append(lp.env, "LOTSE_TEAM_ROOM="+relay.room.String(), "LOTSE_SUPPORT_QUIET_HOURS=off")
	}
	var prov *provisioningEnv
	if slices.Contains(o.Faults, "provisioning") {
		logf("starting the Nextcloud and BBB fakes, creating the approvals room")
		if prov, err = newProvisioningEnv(ctx, srv, filepath.Join(dir, "approver"), lotseID); err != nil {
			return nil, err
		}
		defer prov.close()
		lp.env = append(lp.env, prov.lotseEnv(o.AccessBackoff)...)
	}
	logf("starting lotse")
	if err := lp.start(ctx); err != nil {
		return nil, err
	}
	defer lp.stop()
	if prov != nil {
		if err := prov.waitJoined(ctx, lotseID); err != nil {
			return nil, err
		}
	}
	echo, err := startEcho(ctx, echoProxy.srv.URL, echoID, "pw-"+echoLocal, dir, o.EchoSize)
	if err != nil {
		return nil, err
	}
	defer echo.close()

	if relay != nil {
		relayProxy, err := newLimitProxy(srv.URL, 3, time.Second)
		if err != nil {
			return nil, err
		}
		defer relayProxy.srv.Close()
		if relay.relayBot, err = startRelay(ctx, relayProxy.srv.URL, relay.relayID, relay.relayPw, dir, relay.room); err != nil {
			return nil, err
		}
		defer func() { // before its proxy closes
			relay.relayBot.close()
			relay.relayBot = nil
		}()
		wctx, cancel := context.WithTimeout(ctx, time.Minute)
		for _, b := range []id.UserID{lotseID, relay.relayID} {
			if err := relay.team.WaitJoined(wctx, relay.room, b); err != nil {
				cancel()
				return nil, fmt.Errorf("%s did not join the team room: %w", b, err)
			}
		}
		cancel()
	}

	logf("creating %d members", max(o.Members, o.FaultMembers))
	members, err := newMembers(ctx, srv, filepath.Join(dir, "members"), max(o.Members, o.FaultMembers), lotseID, echoID)
	if err != nil {
		return nil, err
	}
	defer func() {
		for _, m := range members {
			m.c.Close()
		}
	}()
	lotseRoom := func(m *member) id.RoomID { return m.lotseRoom }
	echoRoom := func(m *member) id.RoomID { return m.echoRoom }
	for _, m := range members {
		for _, b := range m.warmupMissed {
			rep.WarmupMissed = append(rep.WarmupMissed, b.String())
		}
	}
	rep.Setup = time.Since(setupStart)

	if o.Members > 0 && o.Questions > 0 {
		load := members[:o.Members]
		// The questions are asked in rounds, alternating the bots in the
		// order echo, Lotse, Lotse, echo, … so that a change in the
		// machine's load (other processes) hits both alike.
		rounds := max(1, min(o.Rounds, o.Questions))
		rep.Echo = &phase{name: "echo (reference)", botID: echoID, members: len(load), perMember: o.Questions}
		rep.Lotse = &phase{name: "lotse", botID: lotseID, members: len(load), perMember: o.Questions}
		for r := range rounds {
			n := o.Questions / rounds
			if r < o.Questions%rounds {
				n++
			}
			order := []*phase{rep.Echo, rep.Lotse}
			if r%2 == 1 {
				order = []*phase{rep.Lotse, rep.Echo}
			}
			for _, p := range order {
				logf("load round %d/%d: %s", r+1, rounds, p.name)
				room := echoRoom
				if p == rep.Lotse {
					room = lotseRoom
				}
				part := runPhase(ctx, p.name, load, room, p.botID, n, 60*time.Second, nil)
				p.qs = append(p.qs, part.qs...)
				p.wall += part.wall
				p.sendErrs += part.sendErrs
			}
		}
		rep.Echo.settle(ctx, load, echoRoom, 30*time.Second)
		rep.Lotse.settle(ctx, load, lotseRoom, 30*time.Second)
		if err := rep.Lotse.classifyLost(ctx, dbPath); err != nil {
			return rep, err
		}
		if rep.RSS, err = lp.peakRSS(); err != nil {
			return rep, err
		}
		rep.GoSys = lp.metric("go_memstats_sys_bytes")
		rep.GoHeapInuse = lp.metric("go_memstats_heap_inuse_bytes")
		rep.Confident = lp.metric(`lotse_questions_total{outcome="confident"}`)
		rep.NoHit = lp.metric(`lotse_questions_total{outcome="no_guide"}`)
	}

	if relay != nil && o.Members > 0 {
		if err := runRelay(ctx, rep, relay, members[:o.Members], lotseID, o, logf); err != nil {
			return rep, err
		}
	}

	r := rand.New(rand.NewPCG(o.Seed, 7))
	fm := members[:min(o.FaultMembers, len(members))]
	for _, f := range o.Faults {
		logf("fault run: %s", f)
		var p *phase
		if f == "provisioning" {
			p, err = runProvisioningFault(ctx, prov, r, fm, lotseID, o, dbPath, logf)
		} else {
			p, err = runFault(ctx, f, r, fm, lotseRoom, lotseID, o, lp, srv, lotseProxy, dbPath, logf)
		}
		if p != nil {
			rep.Faults = append(rep.Faults, p)
		}
		if err != nil {
			return rep, fmt.Errorf("fault run %s: %w", f, err)
		}
	}
	return rep, nil
}

// runFault runs load on Lotse while one kind of fault happens.
func runFault(ctx context.Context, kind string, r *rand.Rand, members []*member, room func(*member) id.RoomID, botID id.UserID,
	o Options, lp *lotseProc, srv *dendrite.Server, proxy *limitProxy, dbPath string, logf func(string, ...any)) (*phase, error) {
	var (
		windows []faultWindow
		ferr    error
	)
	done := make(chan struct{})
	faultCtx, stopFault := context.WithCancel(ctx)
	defer stopFault()
	// pause waits a random 0.5–2.5 s (or until the load ends).
	pause := func() bool {
		select {
		case <-faultCtx.Done():
			return false
		case <-time.After(500*time.Millisecond + time.Duration(r.Int64N(int64(2*time.Second)))):
			return true
		}
	}
	go func() {
		defer close(done)
		switch kind {
		case "kill":
			for i := 0; i < o.Kills && pause(); i++ {
				start := time.Now()
				lp.kill()
				// Recovery counts from the restart command: it includes
				// Lotse's start-up (login check, crypto, first sync).
				windows = append(windows, faultWindow{start: start, end: time.Now()})
				if err := lp.start(ctx); err != nil {
					ferr = err
					return
				}
			}
			if len(windows) < o.Kills {
				ferr = fmt.Errorf("only %d of %d kills happened before the load ended: use more questions", len(windows), o.Kills)
			}
		case "homeserver":
			if !pause() {
				return
			}
			start := time.Now()
			srv.Kill()
			select { // the outage itself
			case <-ctx.Done():
			case <-time.After(2 * time.Second):
			}
			if err := srv.Restart(ctx); err != nil {
				ferr = err
				return
			}
			windows = append(windows, faultWindow{start: start, end: time.Now(), note: "Dendrite SIGKILLed, down 2 s"})
		case "ratelimit":
			if !pause() {
				return
			}
			start := time.Now()
			before := proxy.Limited()
			proxy.SetOn(true)
			select {
			case <-faultCtx.Done():
			case <-time.After(10 * time.Second):
			}
			proxy.SetOn(false)
			windows = append(windows, faultWindow{start: start, end: time.Now(),
				note: fmt.Sprintf("10 s of 3 sends/s for Lotse, %d sends answered 429", proxy.Limited()-before)})
		case "dblock":
			if !pause() {
				return
			}
			start := time.Now()
			held, err := lockDatabase(ctx, dbPath, 8*time.Second)
			if err != nil {
				ferr = err
				return
			}
			windows = append(windows, faultWindow{start: start, end: time.Now(), note: fmt.Sprintf("BEGIN EXCLUSIVE held %v", held.Round(100*time.Millisecond))})
		default:
			ferr = fmt.Errorf("unknown fault %q (kill, homeserver, ratelimit, dblock, provisioning)", kind)
		}
	}()
	// Members keep asking until the fault is over (and at least
	// FaultQuestions each).
	p := runPhase(ctx, kind, members, room, botID, o.FaultQuestions, 90*time.Second, done)
	<-done
	p.faults = windows
	if !lpRunning(lp) {
		if err := lp.start(ctx); err != nil {
			return p, err
		}
	}
	p.settle(ctx, members, room, 60*time.Second)
	if err := p.classifyLost(ctx, dbPath); err != nil {
		return p, err
	}
	logf("fault run %s done", kind)
	return p, ferr
}

func lpRunning(lp *lotseProc) bool {
	lp.mu.Lock()
	defer lp.mu.Unlock()
	if lp.exited == nil {
		return false
	}
	select {
	case <-lp.exited:
		return false
	default:
		return true
	}
}

// lockDatabase holds an exclusive SQLite transaction on the database for d,
// as a backup tool or a stuck admin shell would.
func lockDatabase(ctx context.Context, path string, d time.Duration) (time.Duration, error) {
	db, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=10000")
	if err != nil {
		return 0, err
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN EXCLUSIVE"); err != nil {
		return 0, fmt.Errorf("failed to lock the database: %w", err)
	}
	start := time.Now()
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
	_, err = conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
	return time.Since(start), err
}

func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

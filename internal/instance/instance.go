// Package instance keeps two Lotse processes with different databases from
// answering for the same bot account at once.
//
// The database lease (storage.AcquireLease) guards one database; two
// processes on two databases (the old systemd service still running after
// a move to Docker, a test install with the production token, a restored
// backup started beside the live one) share only the homeserver. So the
// running process keeps a marker in the bot account's own account data
// (type [EventType]): its instance ID (one per database, kept there, so
// that a restart of the same installation is the same instance), a random
// ID of this run, and a heartbeat time it renews every minute.
//
// At start a fresh heartbeat of another instance refuses the start
// ([ConflictError]) unless the admin asks for a takeover. A fresh heartbeat
// of this instance is a restart when this database recorded it (each
// heartbeat is recorded in the database before the marker, [Recorder]);
// when it did not, the database is a copy (a restored backup) beside the
// live process if the marker moves on, and the start is refused too
// ([ConflictError.Copy]). While running, a
// marker of another run means a second process was started anyway: the
// guard reports it once on [Guard.Displaced] and stops renewing, and the
// caller stops handling events.
//
// Account data of a user is visible only to that user (here: the bot
// account itself), never to members or other servers' users, and the
// marker holds no personal data: two random IDs and two times.
package instance

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"sync"
	"time"

	"github.com/rs/zerolog"
)

// EventType is the account-data type of the marker.
const EventType = "org.lotse.instance"

// Default timings: a heartbeat every minute; one older than three minutes
// (two renewals missed) belongs to a process that is gone.
const (
	DefaultEvery = time.Minute
	DefaultStale = 3 * time.Minute
)

// Marker is the content of the account-data event.
type Marker struct {
	// Instance is the ID of the installation (one per database).
	Instance string `json:"instance"`
	// Run is a random ID of one process start.
	Run string `json:"run"`
	// Heartbeat is when the running process last renewed the marker (Unix
	// milliseconds); zero after a clean stop.
	Heartbeat int64 `json:"heartbeat_ms"`
	// Started is when this run started (Unix milliseconds).
	Started int64 `json:"started_ms,omitempty"`
	// Stopped is true after a clean stop: the next start of any instance
	// is not refused.
	Stopped bool `json:"stopped,omitempty"`
	// Beat numbers the heartbeats of this run (1 at start). A writer that
	// sets it records each heartbeat in its own database before it writes
	// the marker ([Recorder]); zero: a Lotse older than the twenty-ninth
	// pass, which records nothing.
	Beat int64 `json:"beat,omitempty"`
}

// Beat is a database's record of the last heartbeat its process wrote.
type Beat struct {
	// Run is the run that wrote it.
	Run string `json:"run"`
	// Beat is the heartbeat's number within the run ([Marker.Beat]).
	Beat int64 `json:"beat"`
	// At is the heartbeat's time (Unix milliseconds; for the admin's
	// words only — the decision compares numbers, not clocks).
	At int64 `json:"at_ms"`
}

// Recorder keeps, in this process's database, the last heartbeat it wrote
// (one row, written every interval before the marker). A restart on the
// same database finds the marker's heartbeat there; a copy of the database
// (a restored backup) started beside the live process does not, because
// the live process's marker has moved on since the copy was made.
type Recorder interface {
	// LastBeat returns the recorded heartbeat; ok is false when there is
	// none (a database from before the twenty-ninth pass).
	LastBeat(ctx context.Context) (b Beat, ok bool, err error)
	// RecordBeat replaces it.
	RecordBeat(ctx context.Context, b Beat) error
}

// Store reads and writes the marker (the bot account's account data).
type Store interface {
	// Get returns the marker; ok is false when there is none.
	Get(ctx context.Context) (m Marker, ok bool, err error)
	// Put replaces the marker.
	Put(ctx context.Context, m Marker) error
}

// Options configure [Start].
type Options struct {
	Store Store
	// Instance is this installation's ID (see [NewID]); required.
	Instance string
	// Takeover starts even when another instance's heartbeat is fresh:
	// the admin says the other one is to stop (it does at its next
	// renewal, and Start waits one renewal for that).
	Takeover bool
	// Every is the renewal interval (default [DefaultEvery]).
	Every time.Duration
	// Stale is the age from which another instance's heartbeat counts as
	// a process that is gone (default [DefaultStale]).
	Stale time.Duration
	// Recorder is this database's record of its heartbeats; nil: none
	// (a marker of this instance is then always a restart, as before the
	// twenty-ninth pass).
	Recorder Recorder
	// Watching, if set, is called when the start begins to watch a
	// marker its database does not know (see [Start]), with the time by
	// which it decides: for /readyz, so that a start that waits is seen
	// to wait and why.
	Watching func(until time.Time)
	Log      zerolog.Logger
}

// ConflictError refuses a start: another instance's heartbeat is fresh.
type ConflictError struct {
	// Other is the other instance's marker.
	Other Marker
	// Age is how old its heartbeat was.
	Age time.Duration
	// Wait is how long until it counts as gone if it does not renew.
	Wait time.Duration
	// Ahead is how far its heartbeat lies in this machine's future (the
	// two clocks differ); 0 when it does not.
	Ahead time.Duration
	// Copy is true when the other process is this same installation on
	// another copy of its database, one that has moved on beyond this
	// database (this one is a restored backup or a copy started beside
	// the live Lotse).
	Copy bool
	// Known is the time of the last heartbeat this database recorded
	// (with Copy; zero when it recorded none).
	Known time.Time
}

// clockTolerance is how far another heartbeat may lie in the future before
// the refusal names the clocks (a request's round trip, a little drift).
const clockTolerance = 5 * time.Second

func (e *ConflictError) Error() string {
	if e.Copy {
		known := "this database has recorded no heartbeat"
		if !e.Known.IsZero() {
			known = "the last heartbeat recorded in this database is from " + e.Known.UTC().Format(time.DateTime+" UTC")
		}
		return fmt.Sprintf("a Lotse process with a newer copy of this same database is running for this bot account "+
			"(its heartbeat moved on while this one watched; %s): this one is a restored backup or a copy of the database "+
			"and would answer from old data (old cases, old requests). Stop this one and leave the live one running; "+
			"to replace the live one with this copy, stop the live one first (then start this one again), "+
			"or take over deliberately with --takeover (or LOTSE_TAKEOVER=true)", known)
	}
	age := fmt.Sprintf("its heartbeat is %s old", e.Age.Round(time.Second))
	if e.Ahead > 0 {
		age = fmt.Sprintf("its heartbeat is %s ahead of this machine's clock: the two clocks differ, check NTP on both", e.Ahead.Round(time.Second))
	}
	return fmt.Sprintf("another Lotse process with a different database is running for this bot account "+
		"(%s): stop that one first (the old systemd service, the other container, the test install), "+
		"or, if it crashed, wait %d minutes and start again; to take over deliberately start with --takeover (or LOTSE_TAKEOVER=true), "+
		"and the other one stops handling messages within a minute",
		age, int(math.Ceil(e.Wait.Minutes())))
}

// ErrDisplaced is the cause when another process wrote the marker while
// this one ran.
var ErrDisplaced = errors.New("another Lotse process with a different database took over this bot account")

// Guard is the running process's marker.
type Guard struct {
	opts      Options
	run       string
	started   time.Time
	displaced chan struct{}
	mu        sync.Mutex
	other     *Marker // the marker that displaced this process
	failures  int
	// beat numbers this run's heartbeats; recorded is the last number
	// this database recorded (Marker.Beat carries it, never a number the
	// database lacks); put, from Start and then from Run, never at once.
	beat           int64
	recorded       int64
	recordFailures int
	known          Beat // this database's record read at start (for the refusal's words)
}

// NewID returns a new random ID (32 hex digits).
func NewID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	return hex.EncodeToString(b[:])
}

// Start checks the marker and writes this process's: a fresh heartbeat of
// another instance refuses the start with a *[ConflictError], unless
// opts.Takeover (then Start waits one renewal interval, so that the other
// process sees the new marker and stops before this one answers). The
// same instance on the same database (a restart) is never refused nor kept
// waiting; the same instance on a copy of the database that the marker has
// moved on beyond is refused (see knows and watch).
func Start(ctx context.Context, opts Options) (*Guard, error) {
	if opts.Instance == "" {
		return nil, errors.New("instance guard: no instance ID")
	}
	if opts.Every <= 0 {
		opts.Every = DefaultEvery
	}
	if opts.Stale <= 0 {
		opts.Stale = DefaultStale
	}
	g := &Guard{opts: opts, run: NewID(), started: time.Now(), displaced: make(chan struct{})}
	var (
		prev Marker
		ok   bool
	)
	if err := retry(ctx, opts.Log, func() (err error) { prev, ok, err = opts.Store.Get(ctx); return err }); err != nil {
		return nil, fmt.Errorf("failed to read the instance marker from the bot account: %w", err)
	}
	takeover := false
	if ok && !prev.Stopped && prev.Heartbeat > 0 {
		// The age when the marker was read: a homeserver down at start is
		// waited for (retry), and a heartbeat that grew old meanwhile is of
		// a process that is gone.
		now := time.Now()
		age := now.Sub(time.UnixMilli(prev.Heartbeat))
		switch {
		case age >= opts.Stale:
			// The process that wrote it is gone.
		case prev.Instance != opts.Instance:
			if !opts.Takeover {
				return nil, conflict(prev, now, opts.Stale)
			}
			takeover = true
			opts.Log.Warn().Str("other_instance", short(prev.Instance)).Dur("heartbeat_age", age).
				Msg("Taking over the bot account from another Lotse process (takeover asked for): it stops handling messages at its next heartbeat")
		default:
			// This installation's marker, of another run: a restart when
			// this database knows that run's heartbeat, else perhaps a
			// copy of the database beside the live one.
			known, err := g.knows(ctx, prev)
			if err != nil {
				return nil, err
			}
			if known {
				break
			}
			if opts.Takeover {
				takeover = true
				opts.Log.Warn().Dur("heartbeat_age", age).
					Msg("Taking over the bot account from a Lotse process on another copy of this database (takeover asked for): it stops handling messages at its next heartbeat")
				break
			}
			if err := g.watch(ctx, prev); err != nil {
				return nil, err
			}
		}
	}
	if opts.Takeover && !takeover {
		opts.Log.Info().Msg("Takeover asked for, but no other Lotse process is running for this bot account: starting normally")
	}
	if err := retry(ctx, opts.Log, func() error { return g.put(ctx) }); err != nil {
		if errors.Is(err, ErrRecord) {
			return nil, err
		}
		return nil, fmt.Errorf("failed to write the instance marker to the bot account: %w", err)
	}
	if takeover {
		if err := g.awaitTakeover(ctx); err != nil {
			return nil, err
		}
	}
	opts.Log.Info().Str("instance", short(opts.Instance)).Msg("Instance marker set: this process answers for the bot account")
	return g, nil
}

// conflict is the refusal for another instance's fresh marker m. A
// heartbeat from a clock ahead stays fresh until this clock has caught up
// and the stale age has passed: the wait named is that long (not three
// minutes, after which the start would be refused again), and the clocks
// are named.
func conflict(m Marker, now time.Time, stale time.Duration) *ConflictError {
	age := now.Sub(time.UnixMilli(m.Heartbeat))
	c := &ConflictError{Other: m, Age: max(age, 0), Wait: max(stale-age, 0)}
	if -age > clockTolerance {
		c.Ahead = -age
	}
	return c
}

// ErrRecord marks an error of this database's heartbeat record ([Recorder])
// at start: the database, not the homeserver, failed.
var ErrRecord = errors.New("heartbeat record")

// knows reports whether this database wrote the heartbeat of prev, a fresh
// marker of this installation of another run: then prev's process ran on
// this database and is gone (a crash and restart, the standby on the same
// PostgreSQL database after the lease moved), and this start is a restart.
// Each heartbeat is recorded in the database before it is written to the
// marker, so the database of the run that wrote prev has a record of that
// run with at least prev's number. Heartbeats are compared by number, not
// by time: a clock that jumps changes nothing. A marker without a number
// (a Lotse older than the twenty-ninth pass) and a process without a
// recorder are restarts, as before.
func (g *Guard) knows(ctx context.Context, prev Marker) (bool, error) {
	if prev.Beat == 0 || g.opts.Recorder == nil {
		return true, nil
	}
	rec, ok, err := g.opts.Recorder.LastBeat(ctx)
	if err != nil {
		return false, fmt.Errorf("failed to read this database's last heartbeat: %w: %w", ErrRecord, err)
	}
	g.known = rec
	return ok && rec.Run == prev.Run && prev.Beat <= rec.Beat, nil
}

// watchRounds is how many renewal intervals a start watches a marker its
// database does not know: a live process renews in each, and two missed
// in a row are what [DefaultStale] allows too.
const watchRounds = 2

// watch decides about a fresh marker of this installation whose heartbeat
// this database does not know. Either the process that wrote it is alive
// on another copy of the database that has moved on (this one is a
// restored backup or a copy started beside it): its marker moves on at its
// next renewal, and the start is refused (a *[ConflictError] with Copy) —
// answering from old data, the live one displaced, is what the admin did
// not mean. Or it is gone, and this database lost its last heartbeats (a
// power cut on SQLite, whose last commits may not have reached the disk;
// a restore right after a crash): its marker stands still for
// watchRounds intervals, and the start goes on. Nothing is written
// meanwhile, so the live process is not disturbed.
func (g *Guard) watch(ctx context.Context, prev Marker) error {
	round := g.opts.Every + g.opts.Every/10
	until := time.Now().Add(watchRounds * round)
	g.opts.Log.Warn().Dur("up_to", watchRounds*round).Time("until", until).
		Msg("The bot account's marker names a run of this installation that this database does not know (a restored backup or a copy of the database beside the live Lotse, or a database that lost its last writes): watching whether that process is alive before starting (about two minutes; nothing is answered meanwhile)")
	if g.opts.Watching != nil {
		g.opts.Watching(until)
	}
	for n := range watchRounds {
		if n > 0 {
			g.opts.Log.Info().Time("until", until).Msg("The marker has not moved on yet: watching one more heartbeat interval")
		}
		t := time.NewTimer(round)
		select {
		case <-ctx.Done():
			t.Stop()
			return context.Cause(ctx)
		case <-t.C:
		}
		m, ok, err := g.readMarker(ctx)
		if err != nil {
			return err
		}
		switch {
		case !ok || m.Stopped:
			// Stopped meanwhile (or the marker deleted): nobody answers.
			return nil
		case m == prev:
			continue
		case m.Instance != g.opts.Instance:
			return conflict(m, time.Now(), g.opts.Stale)
		}
		c := &ConflictError{Other: m, Copy: true, Wait: g.opts.Stale}
		if g.known.At > 0 {
			c.Known = time.UnixMilli(g.known.At)
		}
		return c
	}
	g.opts.Log.Warn().Msg("The process that wrote the marker is gone (its heartbeat did not move on): starting; this database had lost its last heartbeats")
	return nil
}

// readMarker reads the marker, retrying while the homeserver is
// unreachable (an outage is no second instance).
func (g *Guard) readMarker(ctx context.Context) (m Marker, ok bool, err error) {
	if err := retry(ctx, g.opts.Log, func() (err error) { m, ok, err = g.opts.Store.Get(ctx); return err }); err != nil {
		return Marker{}, false, fmt.Errorf("failed to read the instance marker from the bot account: %w", err)
	}
	return m, ok, nil
}

// takeoverRounds bounds how often a takeover writes its marker again when
// the other process's renewal wrote over it.
const takeoverRounds = 3

// awaitTakeover waits until the other process has seen this one's marker:
// one renewal interval, then the marker is read again. The other
// process's renewal reads the marker and then writes its own: a marker
// written between the two was overwritten, the other one goes on, and this
// one would have found it at its first renewal and stopped — the takeover
// the admin asked for turned round. So it is written again and waited for
// once more (a few rounds; then two processes are taking over at once).
func (g *Guard) awaitTakeover(ctx context.Context) error {
	for round := 1; ; round++ {
		// The other process reads the marker at its next renewal, at
		// most one interval from now; a little more for its round trip.
		t := time.NewTimer(g.opts.Every + g.opts.Every/10)
		select {
		case <-ctx.Done():
			t.Stop()
			// Stopped during the wait (Ctrl-C, systemd): the marker is
			// marked stopped, so that the other process, if it has not
			// read it yet, goes on answering instead of stopping for a
			// takeover that never happened.
			relCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
			if err := g.Release(relCtx); err != nil {
				g.opts.Log.Warn().Err(err).Msg("Stopped during the takeover, and could not mark the instance marker stopped: the other Lotse process may stop handling messages too")
			}
			cancel()
			return context.Cause(ctx)
		case <-t.C:
		}
		m, ok, err := g.readMarker(ctx)
		if err != nil {
			return err
		}
		if !ok || m.Run == g.run || m.Stopped {
			if ok && m.Run != g.run {
				// Stopped meanwhile: write this run's marker back.
				if err := retry(ctx, g.opts.Log, func() error { return g.put(ctx) }); err != nil {
					return fmt.Errorf("failed to write the instance marker to the bot account: %w", err)
				}
			}
			return nil
		}
		if round == takeoverRounds {
			return &ConflictError{Other: m, Wait: g.opts.Stale}
		}
		g.opts.Log.Warn().Str("other_instance", short(m.Instance)).
			Msg("The other Lotse process renewed its heartbeat over this one's marker at the same moment: writing it again and waiting once more")
		if err := retry(ctx, g.opts.Log, func() error { return g.put(ctx) }); err != nil {
			return fmt.Errorf("failed to write the instance marker to the bot account: %w", err)
		}
	}
}

// put writes this run's marker with a heartbeat of now, after recording
// the heartbeat in the database, so that the database of a marker's run
// always knows its heartbeat (see knows). A record that cannot be written
// while running is logged, and the marker is written anyway (the heartbeat
// says that this process lives) with the number of the last heartbeat the
// database did record: a marker never carries a number its database lacks,
// so a crash restart — or the standby taking over the same PostgreSQL
// database — after a failed record still starts at once instead of
// watching two minutes. At start the first record must succeed (a
// *recordError, ErrRecord): a database that cannot be written is no start.
func (g *Guard) put(ctx context.Context) error {
	g.beat++
	now := time.Now().UnixMilli()
	number := g.beat
	if g.opts.Recorder != nil {
		if err := g.opts.Recorder.RecordBeat(ctx, Beat{Run: g.run, Beat: g.beat, At: now}); err != nil {
			if g.recorded == 0 {
				return recordError{fmt.Errorf("failed to record the heartbeat in this database: %w: %w", ErrRecord, err)}
			}
			number = g.recorded
			g.recordFailures++
			if g.recordFailures <= 3 || g.recordFailures%60 == 0 {
				g.opts.Log.Warn().Err(err).Int("failures", g.recordFailures).
					Msg("Could not record the heartbeat in the database; renewing the instance marker anyway (with the last recorded heartbeat's number)")
			}
		} else {
			g.recorded = g.beat
			g.recordFailures = 0
		}
	}
	return g.opts.Store.Put(ctx, Marker{
		Instance:  g.opts.Instance,
		Run:       g.run,
		Heartbeat: now,
		Started:   g.started.UnixMilli(),
		Beat:      number,
	})
}

// recordError is a heartbeat record that failed at start: permanent for
// retry (the database, not the homeserver, failed; systemd restarts).
type recordError struct{ error }

func (recordError) Permanent() bool { return true }
func (e recordError) Unwrap() error { return e.error }

// Run renews the heartbeat every interval until ctx ends or another
// process's marker is seen (then Displaced is closed and Run returns
// ErrDisplaced). The marker is read before each renewal; a homeserver that
// cannot be reached is logged and tried again at the next one.
func (g *Guard) Run(ctx context.Context) error {
	tick := time.NewTicker(g.opts.Every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
		if err := g.renew(ctx); errors.Is(err, ErrDisplaced) {
			return err
		}
	}
}

// renew reads the marker and, while it is still this run's, writes a new
// heartbeat.
func (g *Guard) renew(ctx context.Context) error {
	m, ok, err := g.opts.Store.Get(ctx)
	if err == nil && ok && m.Run != g.run && m.Stopped {
		// Another process wrote its marker and stopped again before it
		// answered (stopped during a takeover's wait): nobody else
		// answers, this one goes on and writes its marker back.
		g.opts.Log.Warn().Str("other_instance", short(m.Instance)).
			Msg("Another Lotse process started for this bot account and stopped again before it took over: this one goes on")
		ok = false
	}
	if err == nil && ok && m.Run != g.run {
		g.mu.Lock()
		g.other = &m
		g.mu.Unlock()
		close(g.displaced)
		g.opts.Log.Error().Str("instance", short(g.opts.Instance)).Str("other_instance", short(m.Instance)).
			Bool("same_database_copy", m.Instance == g.opts.Instance).
			Msg("ANOTHER LOTSE PROCESS IS RUNNING FOR THIS BOT ACCOUNT (a different database): this one stops handling messages so that nothing is answered twice. Stop one of the two; see docs/operations.md")
		return ErrDisplaced
	}
	if err == nil {
		err = g.put(ctx)
	}
	if err != nil {
		if ctx.Err() != nil {
			return nil
		}
		g.failures++
		if g.failures <= 3 || g.failures%60 == 0 {
			g.opts.Log.Warn().Err(err).Int("failures", g.failures).Msg("Could not renew the instance marker on the homeserver; trying again at the next heartbeat")
		}
		return err
	}
	g.failures = 0
	return nil
}

// Permanent is implemented by a [Store]'s errors that trying again cannot
// help (a revoked access token, a request the homeserver refuses).
type Permanent interface{ Permanent() bool }

// retry calls fn until it succeeds, ctx ends or its error is permanent,
// with a growing pause (one second, doubled up to 30 seconds): a
// homeserver that is slow or down at start is waited for, as the login
// waits for it — an outage is no second instance, and a process that
// exits is restarted only a few times by systemd.
func retry(ctx context.Context, log zerolog.Logger, fn func() error) error {
	wait := time.Second
	for n := 1; ; n++ {
		err := fn()
		var p Permanent
		if err == nil || ctx.Err() != nil || (errors.As(err, &p) && p.Permanent()) {
			return err
		}
		if n <= 3 || n%20 == 0 {
			log.Warn().Err(err).Int("attempt", n).Dur("retry_in", wait).
				Msg("Homeserver not reachable for the instance marker; trying again")
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return err
		case <-t.C:
		}
		wait = min(wait*2, 30*time.Second)
	}
}

// RunID is the random ID of this process's run.
func (g *Guard) RunID() string { return g.run }

// Displaced is closed when another process took over the bot account.
func (g *Guard) Displaced() <-chan struct{} { return g.displaced }

// Problem is nil while this process answers for the bot account, and says
// what happened once another process took over (for /readyz).
func (g *Guard) Problem() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.other == nil {
		return nil
	}
	what := "another Lotse process with a different database"
	if g.other.Instance == g.opts.Instance {
		what = "another Lotse process on a copy of this database (a restored backup?)"
	}
	return fmt.Errorf("%s took over the bot account at %s; this one no longer handles messages: stop one of the two",
		what, time.UnixMilli(g.other.Heartbeat).UTC().Format(time.DateTime+" UTC"))
}

// Release marks the marker stopped when it is still this run's (a clean
// stop), so that the next start — of this installation or another — is
// not made to wait. A displaced process leaves the marker alone.
func (g *Guard) Release(ctx context.Context) error {
	select {
	case <-g.displaced:
		return nil
	default:
	}
	m, ok, err := g.opts.Store.Get(ctx)
	if err != nil {
		return fmt.Errorf("failed to read the instance marker: %w", err)
	}
	if !ok || m.Run != g.run {
		return nil
	}
	m.Stopped, m.Heartbeat = true, 0
	if err := g.opts.Store.Put(ctx, m); err != nil {
		return fmt.Errorf("failed to mark the instance stopped: %w", err)
	}
	return nil
}

// short is the start of an ID, enough to tell two apart in a log.
func short(id string) string {
	if len(id) > 8 {
		return id[:8]
	}
	return id
}

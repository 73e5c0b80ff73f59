package storage

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/lib/pq"
)

// Only one Lotse may sync and answer per database: two active processes
// would race for the same inbox items and send some answers twice. A Lease
// is the right to be that one process.
//
// PostgreSQL: a session-level advisory lock (pg_try_advisory_lock) held on
// one dedicated connection for the lifetime of the process. PostgreSQL drops
// it the moment that session ends — the process died, its connection was
// closed — so no expiry has to be tuned and no clocks compared; a standby
// polls for it every PollInterval. TCP keepalives on the session make the
// server notice a vanished host (power cut, network split) within about 15 s.
// The holder checks its session every CheckInterval and gives up (Lost)
// when it is broken, since the lock may then already be someone else's.
//
// SQLite: the database is a local file, so a second process is a mistake,
// not a standby: an exclusive flock on "<file>.lock", released by the kernel
// when the process dies, makes it fail with ErrLocked.

// ErrLocked means another process holds the SQLite database's lock file.
var ErrLocked = errors.New("another Lotse process is using this database")

// ErrRefused means the PostgreSQL server answered and refused Lotse's
// connection for a reason that waiting does not mend: a wrong password,
// an unknown user, a database that does not exist, no entry in
// pg_hba.conf, sslmode=require against a server without SSL.
var ErrRefused = errors.New("the database server refuses the connection (check the address in database, LOTSE_DATABASE or LOTSE_DATABASE_FILE, whichever you use: user, password, database name, sslmode)")

// refusedForGood reports whether err is one of ErrRefused's causes; an
// unreachable server, one starting up or one with too many connections
// is waited for.
func refusedForGood(err error) bool {
	var pqErr *pq.Error
	if errors.As(err, &pqErr) {
		// Class 28: invalid authorization (password, role, pg_hba.conf);
		// 3D000: invalid catalog name (the database does not exist).
		return pqErr.Code.Class() == "28" || pqErr.Code == "3D000"
	}
	return errors.Is(err, pq.ErrSSLNotSupported)
}

// LeaseOptions tune AcquireLease.
type LeaseOptions struct {
	// PollInterval is how often a PostgreSQL standby tries to take over
	// (default 1 s).
	PollInterval time.Duration
	// CheckInterval is how often the holder checks its session (default 2 s).
	CheckInterval time.Duration
	// OnStandby is called once when the lease is held by someone else and
	// AcquireLease starts waiting (PostgreSQL only).
	OnStandby func()
	// OnError is told about errors a standby retries after (optional).
	OnError func(error)
}

// Lease is held until Release or until the process ends.
type Lease struct {
	lost    chan struct{}
	stop    chan struct{}
	release func()
	once    sync.Once
}

// Lost is closed when the lease can no longer be trusted (PostgreSQL session
// broken); the holder must stop serving at once.
func (l *Lease) Lost() <-chan struct{} { return l.lost }

// Release gives the lease up.
func (l *Lease) Release() {
	l.once.Do(func() {
		close(l.stop)
		l.release()
	})
}

// AcquireLease makes this process the active one on the database. On
// PostgreSQL it waits (as a standby) until the lease is free or ctx ends —
// also while the server cannot be reached, but not when it refuses Lotse
// (ErrRefused); on
// SQLite it fails at once with ErrLocked when another process holds it.
func (db *DB) AcquireLease(ctx context.Context, opts LeaseOptions) (*Lease, error) {
	if opts.PollInterval <= 0 {
		opts.PollInterval = time.Second
	}
	if opts.CheckInterval <= 0 {
		opts.CheckInterval = 2 * time.Second
	}
	if IsPostgres(db.uri) {
		return db.postgresLease(ctx, opts)
	}
	return sqliteLease(db.uri)
}

// sqliteLease takes an exclusive flock on the lock file next to the database.
func sqliteLease(uri string) (*Lease, error) {
	path := strings.TrimPrefix(uri, "file:")
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	l := &Lease{lost: make(chan struct{}), stop: make(chan struct{}), release: func() {}}
	if path == ":memory:" || path == "" {
		return l, nil
	}
	lockPath := path + ".lock"
	f, err := os.OpenFile(lockPath, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("failed to open lock file %s: %w", lockPath, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		_ = f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("%w (%s is locked): run one Lotse per SQLite database, or use PostgreSQL for a standby", ErrLocked, lockPath)
		}
		return nil, fmt.Errorf("failed to lock %s: %w", lockPath, err)
	}
	l.release = func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		_ = f.Close()
	}
	return l, nil
}

// leaseKey is the advisory lock key: one per schema, so that several Lotse
// databases (schemas) in one PostgreSQL database do not block each other.
func leaseKey(schema string) int64 {
	h := fnv.New64a()
	_, _ = h.Write([]byte("lotse.leader\x00" + schema))
	return int64(h.Sum64())
}

const setKeepalivesQuery = `SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 4`

func (db *DB) postgresLease(ctx context.Context, opts LeaseOptions) (*Lease, error) {
	standby := false
	for {
		conn, key, ok, err := db.tryPostgresLease(ctx)
		if err == nil && ok {
			return db.holdPostgresLease(conn, key, opts), nil
		}
		if conn != nil {
			discard(conn)
		}
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			// The server answered and refused: waiting does not help, and
			// a log line a second would bury the cause.
			if refusedForGood(err) {
				return nil, fmt.Errorf("%w: %w", ErrRefused, err)
			}
			// A standby survives a database restart: try again.
			if opts.OnError != nil {
				opts.OnError(err)
			}
		} else if !standby {
			standby = true
			if opts.OnStandby != nil {
				opts.OnStandby()
			}
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(opts.PollInterval):
		}
	}
}

// tryPostgresLease opens a dedicated session and tries the lock once.
func (db *DB) tryPostgresLease(ctx context.Context) (*sql.Conn, int64, bool, error) {
	qctx, cancel := withTimeout(ctx)
	defer cancel()
	conn, err := db.Root.RawDB.Conn(qctx)
	if err != nil {
		return nil, 0, false, fmt.Errorf("failed to open the lease connection: %w", err)
	}
	if _, err := conn.ExecContext(qctx, setKeepalivesQuery); err != nil {
		return conn, 0, false, fmt.Errorf("failed to set keepalives on the lease connection: %w", err)
	}
	var schema string
	if err := conn.QueryRowContext(qctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		return conn, 0, false, fmt.Errorf("failed to read the current schema: %w", err)
	}
	key := leaseKey(schema)
	var ok bool
	if err := conn.QueryRowContext(qctx, `SELECT pg_try_advisory_lock($1)`, key).Scan(&ok); err != nil {
		return conn, 0, false, fmt.Errorf("failed to try the lease: %w", err)
	}
	return conn, key, ok, nil
}

// holdPostgresLease watches the session that holds the lock.
func (db *DB) holdPostgresLease(conn *sql.Conn, key int64, opts LeaseOptions) *Lease {
	l := &Lease{lost: make(chan struct{}), stop: make(chan struct{})}
	done := make(chan struct{})
	l.release = func() {
		<-done
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_, _ = conn.ExecContext(ctx, `SELECT pg_advisory_unlock($1)`, key)
		discard(conn)
	}
	go func() {
		defer close(done)
		tick := time.NewTicker(opts.CheckInterval)
		defer tick.Stop()
		for {
			select {
			case <-l.stop:
				return
			case <-tick.C:
			}
			ctx, cancel := context.WithTimeout(context.Background(), opts.CheckInterval+3*time.Second)
			_, err := conn.ExecContext(ctx, `SELECT 1`)
			cancel()
			if err != nil {
				close(l.lost)
				return
			}
		}
	}()
	return l
}

// discard closes conn for good instead of returning it to the pool, where a
// session-level lock would live on.
func discard(conn *sql.Conn) {
	_ = conn.Raw(func(any) error { return driver.ErrBadConn })
	_ = conn.Close()
}

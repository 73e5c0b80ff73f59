// Package storage is Lotse's database layer: SQLite (embedded default) or
// PostgreSQL, numbered embedded migrations (see upgrades/), and one typed
// query helper per table. Only this package runs SQL.
package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/rs/zerolog"
	"go.mau.fi/util/dbutil"

	// Registers the "sqlite3-fk-wal" driver (mattn/go-sqlite3 with foreign
	// keys, WAL and a busy timeout).
	_ "go.mau.fi/util/dbutil/litestream"
	// Registers the "postgres" driver that dbutil expects.
	_ "github.com/lib/pq"

	"github.com/lotse-bot/lotse/internal/pgdsn"
	"github.com/lotse-bot/lotse/storage/upgrades"
)

// versionTable is the table in which Lotse's own schema version is kept; the
// mautrix crypto and state stores keep theirs in their own tables.
const versionTable = "lotse_version"

// queryTimeout bounds every single query, so a locked database surfaces as an
// error instead of a hang.
const queryTimeout = 15 * time.Second

// DB is Lotse's database.
type DB struct {
	// Root is the shared connection pool, also used by the mautrix crypto
	// and state stores.
	Root *dbutil.Database
	// Lotse is the child database with Lotse's own upgrade table.
	Lotse *dbutil.Database

	KV       *KVQuery
	Inbox    *InboxQuery
	Answers  *AnswerQuery
	Feedback *FeedbackQuery
	Choices  *ChoiceQuery
	Cases    *CaseQuery
	// RoundTables and DirectRooms belong to round tables (v4).
	RoundTables *RoundTableQuery
	DirectRooms *DirectRoomQuery
	// DirectChats are the rooms agreed on as direct chats (v6).
	DirectChats *DirectChatQuery

	uri          string // as given to Open (for the lease)
	pseudonymKey []byte // see SetPseudonymKey
}

// ErrBadURI means the PostgreSQL driver cannot read the connection
// string (pgdsn.ErrBad). Its text never quotes the string: it holds the
// password.
var ErrBadURI = pgdsn.ErrBad

// IsPostgres reports whether uri names a PostgreSQL database: a postgres://
// or postgresql:// URI, or libpq's key/value form ("host=/var/run/postgresql
// dbname=lotse user=lotse"); anything else is a SQLite file.
func IsPostgres(uri string) bool { return pgdsn.IsPostgres(uri) }

// Open opens the database named by uri: a postgres:// URI, or else a file
// path for SQLite (":memory:" for a private in-memory database). It does not
// run migrations; call Upgrade.
func Open(uri string, log zerolog.Logger) (*DB, error) {
	var (
		root *dbutil.Database
		err  error
	)
	if IsPostgres(uri) {
		// The driver's own parser, not ours: what it accepts here every
		// connection accepts (a bad sslmode or port would otherwise fail
		// each connection, a log line a second, never exit 12). Its error
		// is not passed on: it quotes the URI, password included.
		if err := pgdsn.Check(uri); err != nil {
			return nil, err
		}
		root, err = dbutil.NewWithDialect(uri, "postgres")
		if err == nil {
			root.RawDB.SetMaxOpenConns(10)
			root.RawDB.SetMaxIdleConns(2)
		}
	} else {
		if uri == "" {
			return nil, errors.New("no database configured")
		}
		memory := uri == ":memory:"
		dsn := "file:" + strings.TrimPrefix(uri, "file:")
		if memory {
			dsn = "file::memory:"
		}
		if strings.Contains(dsn, "?") {
			dsn += "&_txlock=immediate"
		} else {
			dsn += "?_txlock=immediate"
		}
		root, err = dbutil.NewWithDialect(dsn, "sqlite3-fk-wal")
		if err == nil {
			if memory {
				// Each :memory: connection would be a database of its own.
				root.RawDB.SetMaxOpenConns(1)
			} else {
				root.RawDB.SetMaxOpenConns(4)
				root.RawDB.SetMaxIdleConns(4)
			}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("failed to open database: %w", err)
	}
	root.Owner = "lotse"
	root.Log = dbutil.ZeroLogger(log.With().Str("db_section", "main").Logger())
	child := root.Child(versionTable, upgrades.Table, dbutil.ZeroLogger(log.With().Str("db_section", "lotse").Logger()))
	db := &DB{Root: root, Lotse: child, uri: uri}
	db.KV = &KVQuery{db: child}
	db.Inbox = &InboxQuery{db: child}
	db.Answers = &AnswerQuery{db: child}
	db.Feedback = &FeedbackQuery{db: child}
	db.Choices = &ChoiceQuery{db: child}
	db.Cases = &CaseQuery{db: child, owner: db}
	db.RoundTables = &RoundTableQuery{db: child}
	db.DirectRooms = &DirectRoomQuery{db: child}
	db.DirectChats = &DirectChatQuery{db: child}
	return db, nil
}

// Upgrade brings Lotse's schema to the newest version.
func (db *DB) Upgrade(ctx context.Context) error {
	if err := db.Lotse.Upgrade(ctx); err != nil {
		return fmt.Errorf("failed to upgrade database schema: %w", err)
	}
	return nil
}

// ErrSchemaBehind means the database's schema is older than this binary's:
// only `lotse run` of this binary upgrades it, after a backup.
var ErrSchemaBehind = errors.New("the database has an older schema than this binary")

// CheckSchema reports, without writing anything, whether this binary can
// use the database as it is: nil when the schema is this binary's, or a
// newer one that says it is compatible; an error wrapping ErrSchemaBehind
// when it is older (also when Lotse never ran on it); an error wrapping
// dbutil.ErrUnsupportedDatabaseVersion when a newer binary made it
// incompatible. One-shot commands call it instead of Upgrade, so that
// trying a new binary's `lotse guides stats` on the database of a running
// older Lotse does not upgrade the schema behind its back.
func (db *DB) CheckSchema(ctx context.Context) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	latest := len(upgrades.Table)
	// dbutil's TableExists looks in every schema; the search path's counts.
	q := "SELECT EXISTS(SELECT 1 FROM sqlite_master WHERE type='table' AND name=$1)"
	if IsPostgres(db.uri) {
		q = "SELECT EXISTS(SELECT 1 FROM information_schema.tables WHERE table_schema=current_schema() AND table_name=$1)"
	}
	var exists bool
	if err := db.Lotse.QueryRow(ctx, q, versionTable).Scan(&exists); err != nil {
		return fmt.Errorf("failed to read the schema version: %w", err)
	}
	version, compat := 0, 0
	if exists {
		var compatNull sql.NullInt64
		err := db.Lotse.QueryRow(ctx, "SELECT version, compat FROM "+versionTable+" LIMIT 1").Scan(&version, &compatNull)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("failed to read the schema version: %w", err)
		}
		compat = version
		if compatNull.Valid && compatNull.Int64 != 0 {
			compat = int(compatNull.Int64)
		}
	}
	switch {
	case version == 0:
		// A new, empty database (a fresh PostgreSQL one): nothing to back up.
		return fmt.Errorf("%w (none: Lotse has not run on this database yet; `lotse run` creates its tables at the first start)", ErrSchemaBehind)
	case version < latest:
		return fmt.Errorf("%w (v%d, this binary: v%d): start `lotse run` of this binary once (after a backup), or use the binary that runs now", ErrSchemaBehind, version, latest)
	case compat > latest:
		return fmt.Errorf("%w: currently on v%d (compatible down to v%d), latest known: v%d; use the newer binary", dbutil.ErrUnsupportedDatabaseVersion, version, compat, latest)
	}
	return nil
}

// Close closes the connection pool.
func (db *DB) Close() error {
	return db.Root.Close()
}

// Ping checks that the database answers and is writable: it writes a
// changing value to one row (kv "__ping__"). Before, it updated a row that
// never existed, which writes nothing, so /readyz said "database": "ok"
// while a full disk failed every commit (adm27). A full disk is named as
// such, with what to do.
func (db *DB) Ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	_, err := db.Lotse.Exec(ctx, setKVQuery, KeyPing, strconv.FormatInt(time.Now().UnixNano(), 10))
	if err != nil {
		if DiskFull(err) {
			return fmt.Errorf("failed to write to database: the disk is full (free space where the database lives, e.g. old backups; Lotse catches up by itself): %w", err)
		}
		return fmt.Errorf("failed to write to database: %w", err)
	}
	return nil
}

// DiskFull reports whether err says the database's disk is full: SQLite's
// SQLITE_FULL ("database or disk is full") or PostgreSQL's disk_full
// (SQLSTATE 53100, "No space left on device").
func DiskFull(err error) bool {
	if err == nil {
		return false
	}
	msg := err.Error()
	return strings.Contains(msg, "database or disk is full") || strings.Contains(msg, "No space left on device") ||
		strings.Contains(msg, "SQLSTATE 53100")
}

func withTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, queryTimeout)
}

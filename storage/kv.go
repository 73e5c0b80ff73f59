package storage

import (
	"context"
	"fmt"

	"go.mau.fi/util/dbutil"
)

// Keys used in the kv table.
const (
	KeyNextBatch   = "sync.next_batch"
	KeyFilterID    = "sync.filter_id"
	KeyAccessToken = "auth.access_token"
	KeyDeviceID    = "auth.device_id"
	KeyUserID      = "auth.user_id"
	// KeyInstanceID is this database's Lotse instance ID (internal/instance).
	KeyInstanceID = "instance.id"
	// KeyInstanceBeat is the last heartbeat this database's Lotse wrote to
	// the instance marker (internal/instance.Recorder): run, number, time.
	KeyInstanceBeat = "instance.beat"
	// KeyPing is the row Ping rewrites to check that writes work.
	KeyPing = "__ping__"
)

// KVQuery reads and writes small pieces of runtime state.
type KVQuery struct{ db *dbutil.Database }

const (
	getKVQuery = `SELECT value FROM kv WHERE key=$1`
	setKVQuery = `INSERT INTO kv (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value=excluded.value`
	delKVQuery = `DELETE FROM kv WHERE key=$1`
)

// Get returns the value of key, or "" when it is not set.
func (q *KVQuery) Get(ctx context.Context, key string) (string, error) {
	value, _, err := queryValue[string](ctx, q.db, "read "+key, getKVQuery, key)
	return value, err
}

// Set stores value under key.
func (q *KVQuery) Set(ctx context.Context, key, value string) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if _, err := q.db.Exec(ctx, setKVQuery, key, value); err != nil {
		return fmt.Errorf("failed to store %s: %w", key, err)
	}
	return nil
}

// Delete removes key.
func (q *KVQuery) Delete(ctx context.Context, key string) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if _, err := q.db.Exec(ctx, delKVQuery, key); err != nil {
		return fmt.Errorf("failed to delete %s: %w", key, err)
	}
	return nil
}

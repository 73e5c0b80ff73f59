package storage_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

func TestSQLiteLeaseIsExclusive(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lotse.db")
	a, err := storage.Open(path, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := storage.Open(path, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	la, err := a.AcquireLease(t.Context(), storage.LeaseOptions{})
	if err != nil {
		t.Fatalf("first lease: %v", err)
	}
	if _, err := b.AcquireLease(t.Context(), storage.LeaseOptions{}); !errors.Is(err, storage.ErrLocked) {
		t.Fatalf("second lease: got %v, want ErrLocked", err)
	}
	la.Release()
	lb, err := b.AcquireLease(t.Context(), storage.LeaseOptions{})
	if err != nil {
		t.Fatalf("lease after release: %v", err)
	}
	lb.Release()
}

// TestPostgresLeaseStandby: a second holder waits as standby and takes over
// as soon as the first releases (the same happens when its process dies).
func TestPostgresLeaseStandby(t *testing.T) {
	uri := os.Getenv("LOTSE_TEST_POSTGRES")
	if uri == "" {
		t.Skip("set LOTSE_TEST_POSTGRES (uri=$(bash .ci/postgres.sh /tmp/pg 55444)) to test the PostgreSQL lease; CI sets it")
	}
	uri = storagetest.FreshPostgresSchema(t, uri)
	a, b := openNotUpgraded(t, uri), openNotUpgraded(t, uri)
	la, err := a.AcquireLease(t.Context(), storage.LeaseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	standby := make(chan struct{})
	got := make(chan *storage.Lease, 1)
	go func() {
		lb, err := b.AcquireLease(t.Context(), storage.LeaseOptions{PollInterval: 100 * time.Millisecond, OnStandby: func() { close(standby) }})
		if err != nil {
			t.Error(err)
		}
		got <- lb
	}()
	select {
	case <-standby:
	case <-time.After(10 * time.Second):
		t.Fatal("second process never became standby")
	}
	select {
	case <-got:
		t.Fatal("second process got the lease while the first held it")
	default:
	}
	la.Release()
	select {
	case lb := <-got:
		if lb == nil {
			t.Fatal("no lease")
		}
		lb.Release()
	case <-time.After(10 * time.Second):
		t.Fatal("standby did not take over within 10 s")
	}
	// A cancelled standby returns promptly.
	ctx, cancel := context.WithCancel(t.Context())
	lc, err := a.AcquireLease(ctx, storage.LeaseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer lc.Release()
	cancel()
	if _, err := b.AcquireLease(ctx, storage.LeaseOptions{}); err == nil {
		t.Fatal("cancelled standby got a lease")
	}
}

package instance

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// fakeRecorder is one database's heartbeat record (kv instance.beat).
type fakeRecorder struct {
	mu sync.Mutex
	b  Beat
	ok bool
	// failRecords makes the next RecordBeats fail (the database's write
	// failed), counting down.
	failRecords int
}

func (r *fakeRecorder) LastBeat(context.Context) (Beat, bool, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.b, r.ok, nil
}

func (r *fakeRecorder) RecordBeat(_ context.Context, b Beat) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.failRecords > 0 {
		r.failRecords--
		return errors.New("database is locked")
	}
	r.b, r.ok = b, true
	return nil
}

func (r *fakeRecorder) get() Beat {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.b
}

// backup is a copy of the database as it is now (lotse backup, pg_dump).
func (r *fakeRecorder) backup() *fakeRecorder {
	r.mu.Lock()
	defer r.mu.Unlock()
	return &fakeRecorder{b: r.b, ok: r.ok}
}

// live is a running Lotse on database db: Start, then Run until crash (no
// Release: the process is gone) or stop (a clean stop).
type live struct {
	g     *Guard
	stop  context.CancelFunc
	ended chan error
}

// copyBesideLive starts a live run, copies its database after its first
// heartbeat and returns the copy with the live run after the live one's
// next heartbeat (in the synctest bubble's clock): the restored backup
// beside the running Lotse.
func copyBesideLive(t *testing.T, s *fakeStore) (*fakeRecorder, *live) {
	db := &fakeRecorder{}
	a := startLive(t, s, db)
	time.Sleep(DefaultEvery + DefaultEvery/2)
	copied := db.backup()
	time.Sleep(DefaultEvery) // the live one's next heartbeat
	return copied, a
}

func startLive(t *testing.T, s *fakeStore, db *fakeRecorder) *live {
	t.Helper()
	o := opts(s, "mine")
	o.Recorder = db
	g, err := Start(t.Context(), o)
	if err != nil {
		t.Fatalf("live Start: %v", err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	l := &live{g: g, stop: cancel, ended: make(chan error, 1)}
	go func() { l.ended <- g.Run(ctx) }()
	return l
}

// crash ends the process without a clean stop: its marker stays fresh.
func (l *live) crash() { l.stop(); <-l.ended }

// stopCleanly ends the process as systemctl stop does.
func (l *live) stopCleanly(t *testing.T) {
	l.crash()
	if err := l.g.Release(t.Context()); err != nil {
		t.Fatal(err)
	}
}

// TestStartSameInstance is the decision at start for a fresh marker of this
// installation (the same instance ID) of another run: a restart on the same
// database starts at once, a copy of the database (a restored backup)
// beside the live Lotse is refused, and where the database cannot tell (it
// lost its last heartbeats, or is a copy of a Lotse that is gone) the start
// watches whether the marker moves on.
func TestStartSameInstance(t *testing.T) {
	const (
		atOnce   = "starts at once"
		watched  = "starts after watching two intervals"
		refused  = "refused: a copy beside the live one"
		takeover = "takes over after one interval"
	)
	E := DefaultEvery
	tests := []struct {
		name string
		// setup runs the processes before the start and returns the
		// database the start uses, and the live process still running
		// (nil when none).
		setup    func(t *testing.T, s *fakeStore) (*fakeRecorder, *live)
		takeover bool
		want     string
		// late: a refusal may come later than the live one's next
		// heartbeat (the homeserver was down meanwhile).
		late bool
	}{
		{name: "crash restart", want: atOnce, setup: func(t *testing.T, s *fakeStore) (*fakeRecorder, *live) {
			db := &fakeRecorder{}
			a := startLive(t, s, db)
			time.Sleep(2*E + E/2)
			a.crash()
			return db, nil
		}},
		{name: "standby on the same PostgreSQL database, the active one's last marker write lost", want: atOnce,
			setup: func(t *testing.T, s *fakeStore) (*fakeRecorder, *live) {
				db := &fakeRecorder{}
				a := startLive(t, s, db)
				time.Sleep(E / 2)
				s.mu.Lock()
				s.failPuts = 1 // the next renewal records its heartbeat, the marker keeps the one before
				s.mu.Unlock()
				time.Sleep(E)
				a.crash()
				return db, nil
			}},
		{name: "crash restart (or the standby on the same database) after a heartbeat the database could not record", want: atOnce,
			setup: func(t *testing.T, s *fakeStore) (*fakeRecorder, *live) {
				db := &fakeRecorder{}
				a := startLive(t, s, db)
				time.Sleep(E / 2)
				db.mu.Lock()
				db.failRecords = 1 // the next renewal's record fails, its marker is written
				db.mu.Unlock()
				time.Sleep(E)
				a.crash()
				return db, nil
			}},
		{name: "restored copy beside a live run", want: refused, setup: func(t *testing.T, s *fakeStore) (*fakeRecorder, *live) {
			return copyBesideLive(t, s)
		}},
		{name: "restored copy beside a live run, the homeserver down during the watch", want: refused, late: true,
			setup: func(t *testing.T, s *fakeStore) (*fakeRecorder, *live) {
				copied, a := copyBesideLive(t, s)
				// Down from 20 s after the copy's start to 100 s: the live
				// one's next two renewals fail, and so does the copy's
				// first read, which succeeds only after the outage; the
				// live one's first renewal after it comes within the
				// copy's second round.
				go func() {
					time.Sleep(20 * time.Second)
					s.setFailed(true)
					time.Sleep(80 * time.Second)
					s.setFailed(false)
				}()
				return copied, a
			}},
		{name: "copy of a database from before the upgrade beside an upgraded live run", want: refused,
			setup: func(t *testing.T, s *fakeStore) (*fakeRecorder, *live) {
				a := startLive(t, s, &fakeRecorder{})
				time.Sleep(E / 2)
				return &fakeRecorder{}, a
			}},
		{name: "restored copy beside a live run, takeover", takeover: true, want: takeover,
			setup: func(t *testing.T, s *fakeStore) (*fakeRecorder, *live) {
				return copyBesideLive(t, s)
			}},
		{name: "restored copy after the live one stopped cleanly", want: atOnce, setup: func(t *testing.T, s *fakeStore) (*fakeRecorder, *live) {
			db := &fakeRecorder{}
			a := startLive(t, s, db)
			time.Sleep(E + E/2)
			copied := db.backup()
			time.Sleep(E)
			a.stopCleanly(t)
			return copied, nil
		}},
		{name: "database lost its last heartbeats (power cut), the process gone", want: watched,
			setup: func(t *testing.T, s *fakeStore) (*fakeRecorder, *live) {
				db := &fakeRecorder{}
				a := startLive(t, s, db)
				time.Sleep(E + E/2)
				onDisk := db.backup() // what had reached the disk
				time.Sleep(E)
				a.crash()
				return onDisk, nil
			}},
		{name: "copy made after the live one's last heartbeat (the window that remains)", want: atOnce,
			setup: func(t *testing.T, s *fakeStore) (*fakeRecorder, *live) {
				db := &fakeRecorder{}
				a := startLive(t, s, db)
				time.Sleep(E + E/2)
				return db.backup(), a
			}},
		{name: "crash restart after the clock was set back an hour", want: atOnce, setup: func(t *testing.T, s *fakeStore) (*fakeRecorder, *live) {
			db := &fakeRecorder{}
			a := startLive(t, s, db)
			time.Sleep(E + E/2)
			a.crash()
			s.mu.Lock()
			s.m.Heartbeat += time.Hour.Milliseconds() // this machine's clock now lies an hour behind it
			s.mu.Unlock()
			return db, nil
		}},
		{name: "old marker (a Lotse before the heartbeat numbers), a record of another run", want: atOnce,
			setup: func(t *testing.T, s *fakeStore) (*fakeRecorder, *live) {
				s.m, s.ok = Marker{Instance: "mine", Run: "old", Heartbeat: time.Now().Add(-10 * time.Second).UnixMilli()}, true
				return &fakeRecorder{b: Beat{Run: "earlier", Beat: 7}, ok: true}, nil
			}},
		{name: "first start after the upgrade (old marker, no record)", want: atOnce,
			setup: func(t *testing.T, s *fakeStore) (*fakeRecorder, *live) {
				s.m, s.ok = Marker{Instance: "mine", Run: "old", Heartbeat: time.Now().Add(-10 * time.Second).UnixMilli()}, true
				return &fakeRecorder{}, nil
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				s := &fakeStore{}
				db, a := tt.setup(t, s)
				before, recBefore := s.get(), db.get()
				o := opts(s, "mine")
				o.Recorder, o.Takeover = db, tt.takeover
				var until time.Time
				o.Watching = func(u time.Time) { until = u }
				start := time.Now()
				g, err := Start(t.Context(), o)
				waited := time.Since(start)
				// /readyz is told when a start watches, and until when.
				wantUntil := time.Time{}
				if tt.want == refused || tt.want == watched {
					wantUntil = start.Add(watchRounds * (E + E/10))
				}
				if !until.Equal(wantUntil) {
					t.Errorf("Watching told until %v, want %v (%s)", until, wantUntil, tt.want)
				}
				var conflict *ConflictError
				if tt.want == refused {
					if !errors.As(err, &conflict) || !conflict.Copy {
						t.Fatalf("Start = %v, want a ConflictError of a copy", err)
					}
					if waited > E+E/10 && !tt.late {
						t.Errorf("refused after %v, want at the live one's next heartbeat", waited)
					}
					if tt.late && waited < 3*E {
						t.Errorf("refused after %v, want after the outage and the live one's renewal (3 minutes)", waited)
					}
					if !strings.Contains(err.Error(), "restored backup") || !strings.Contains(err.Error(), "--takeover") {
						t.Errorf("refusal %q does not name a restored backup and the takeover", err)
					}
					if m := s.get(); m.Run != before.Run || db.get() != recBefore {
						t.Errorf("a refused start wrote: marker %+v, record %+v", m, db.get())
					}
					// The live one goes on answering.
					time.Sleep(3 * E)
					synctest.Wait()
					if a.g.Problem() != nil {
						t.Errorf("the live Lotse was displaced by a refused copy: %v", a.g.Problem())
					}
					return
				}
				if err != nil {
					t.Fatalf("Start = %v, want a start (%s)", err, tt.want)
				}
				switch want := map[string]time.Duration{atOnce: 0, watched: watchRounds * (E + E/10), takeover: E + E/10}[tt.want]; {
				case waited != want:
					t.Errorf("started after %v, want %v (%s)", waited, want, tt.want)
				}
				if m := s.get(); m.Run != g.run || m.Beat == 0 {
					t.Errorf("marker after Start = %+v, want this run's", m)
				}
				if rec, _, _ := db.LastBeat(t.Context()); rec.Run != g.run {
					t.Errorf("record after Start = %+v, want this run's heartbeat", rec)
				}
				if a != nil {
					// A live one left running (the window, a takeover) is
					// displaced at its next heartbeat.
					time.Sleep(E)
					synctest.Wait()
					if a.g.Problem() == nil {
						t.Error("the live Lotse still answers beside the new start")
					}
				}
			})
		})
	}
}

// TestRecordBeforeMarker: each heartbeat is recorded in the database before
// it is written to the marker, with the same run and number, so that the
// database of a marker's run always knows its heartbeat.
func TestRecordBeforeMarker(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := &fakeStore{}
		db := &fakeRecorder{}
		a := startLive(t, s, db)
		for i := int64(1); i <= 3; i++ {
			m, rec := s.get(), db.get()
			if m.Beat != i || rec.Run != m.Run || rec.Beat != m.Beat || rec.At != m.Heartbeat {
				t.Errorf("heartbeat %d: marker %+v, record %+v", i, m, rec)
			}
			time.Sleep(DefaultEvery)
			synctest.Wait()
		}
		a.crash()
	})
}

// TestCopyConflictMessage names a restored copy, what the admin does and
// when this database's last heartbeat was (about when the backup was made).
func TestCopyConflictMessage(t *testing.T) {
	known := time.Date(2026, 12, 1, 3, 0, 0, 0, time.UTC)
	err := (&ConflictError{Copy: true, Known: known}).Error()
	for _, want := range []string{"restored backup", "old data", "Stop this one", "stop the live one first", "--takeover", "LOTSE_TAKEOVER", "2026-12-01 03:00:00 UTC"} {
		if !strings.Contains(err, want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
	if strings.Contains(err, "wait") {
		t.Errorf("message %q tells the admin to wait: the live one does not go away by itself", err)
	}
}

// TestRecordFails: a heartbeat the database could not record is written to
// the marker with the last recorded number (never one the database lacks),
// and the next recorded one moves the number on; at start, a database that
// cannot record the first heartbeat ends the start (ErrRecord: exit code
// 12, systemd restarts) and writes no marker.
func TestRecordFails(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := &fakeStore{}
		db := &fakeRecorder{}
		a := startLive(t, s, db)
		db.mu.Lock()
		db.failRecords = 2
		db.mu.Unlock()
		for _, want := range []int64{1, 1, 4} {
			time.Sleep(DefaultEvery)
			synctest.Wait()
			if m, rec := s.get(), db.get(); m.Beat != want || rec.Beat != want {
				t.Errorf("marker %+v, record %+v: want both at heartbeat %d", m, rec, want)
			}
		}
		if m := s.get(); m.Heartbeat != time.Now().UnixMilli() {
			t.Errorf("marker %+v not renewed while the record failed", m)
		}
		a.crash()
	})
	synctest.Test(t, func(t *testing.T) {
		s := &fakeStore{}
		o := opts(s, "mine")
		o.Recorder = &fakeRecorder{failRecords: 1}
		if _, err := Start(t.Context(), o); !errors.Is(err, ErrRecord) {
			t.Errorf("Start with a database that cannot record = %v, want ErrRecord", err)
		}
		if _, ok, _ := s.Get(t.Context()); ok {
			t.Errorf("a start that could not record wrote the marker %+v", s.get())
		}
	})
}

package instance

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/rs/zerolog"
)

// fakeStore is the bot account's account data in memory: one marker,
// shared by every process of a test (as the homeserver shares it).
type fakeStore struct {
	mu     sync.Mutex
	m      Marker
	ok     bool
	puts   int
	failed bool // Get and Put fail (homeserver unreachable)
	// failNext makes the next calls of Get or Put fail with failErr (or
	// „homeserver unreachable“), counting down.
	failNext int
	failErr  error
	// failPuts makes the next Puts fail (the marker's write lost, the read
	// before it worked), counting down.
	failPuts int
	// overwriteNext makes the next Put land and then be written over by
	// the marker it replaced, with a new heartbeat: the running process's
	// renewal, which read the marker just before that Put and writes just
	// after it.
	overwriteNext bool
}

// fail reports whether this call fails, and with which error.
func (s *fakeStore) fail() error {
	if s.failed {
		return errors.New("homeserver unreachable")
	}
	if s.failNext > 0 {
		s.failNext--
		if s.failErr != nil {
			return s.failErr
		}
		return errors.New("homeserver unreachable")
	}
	return nil
}

func (s *fakeStore) Get(context.Context) (Marker, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.fail(); err != nil {
		return Marker{}, false, err
	}
	return s.m, s.ok, nil
}

func (s *fakeStore) Put(_ context.Context, m Marker) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.fail(); err != nil {
		return err
	}
	if s.failPuts > 0 {
		s.failPuts--
		return errors.New("homeserver unreachable")
	}
	prev := s.m
	s.m, s.ok = m, true
	s.puts++
	if s.overwriteNext {
		s.overwriteNext = false
		prev.Heartbeat = time.Now().UnixMilli()
		s.m = prev
	}
	return nil
}

func (s *fakeStore) get() Marker {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.m
}

func (s *fakeStore) setFailed(f bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failed = f
}

func opts(s Store, inst string) Options {
	return Options{Store: s, Instance: inst, Log: zerolog.Nop()}
}

// TestStart is the decision at start for each marker found.
func TestStart(t *testing.T) {
	// age is how old the marker's heartbeat is (set inside the bubble,
	// whose clock is not the real one).
	tests := []struct {
		name     string
		marker   *Marker
		age      time.Duration
		takeover bool
		refused  bool
	}{
		{name: "no marker (first start)", marker: nil},
		{name: "same instance, fresh (a restart after a crash)", marker: &Marker{Instance: "mine", Run: "old"}, age: 10 * time.Second},
		{name: "another instance, fresh", marker: &Marker{Instance: "other", Run: "r"}, age: 30 * time.Second, refused: true},
		{name: "another instance, fresh, heartbeat from a clock ahead", marker: &Marker{Instance: "other", Run: "r"}, age: -30 * time.Second, refused: true},
		{name: "another instance, fresh, takeover", marker: &Marker{Instance: "other", Run: "r"}, age: 30 * time.Second, takeover: true},
		{name: "another instance, stale (crashed)", marker: &Marker{Instance: "other", Run: "r"}, age: DefaultStale + time.Second},
		{name: "another instance, stopped cleanly", marker: &Marker{Instance: "other", Run: "r", Stopped: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				s := &fakeStore{}
				if tt.marker != nil {
					s.m, s.ok = *tt.marker, true
					if !s.m.Stopped {
						s.m.Heartbeat = time.Now().Add(-tt.age).UnixMilli()
					}
				}
				o := opts(s, "mine")
				o.Takeover = tt.takeover
				start := time.Now()
				g, err := Start(t.Context(), o)
				var conflict *ConflictError
				if tt.refused {
					if !errors.As(err, &conflict) {
						t.Fatalf("Start = %v, want a ConflictError", err)
					}
					if s.get().Instance != "other" {
						t.Errorf("a refused start wrote the marker: %+v", s.get())
					}
					return
				}
				if err != nil {
					t.Fatalf("Start: %v", err)
				}
				if m := s.get(); m.Instance != "mine" || m.Run != g.run || m.Heartbeat == 0 {
					t.Errorf("marker after Start = %+v, want this run's", m)
				}
				// A takeover waits one renewal before it answers, so that
				// the other process has stopped; a normal start does not.
				waited := time.Since(start)
				if tt.takeover && waited < DefaultEvery {
					t.Errorf("takeover waited %v, want at least one heartbeat interval", waited)
				}
				if !tt.takeover && waited != 0 {
					t.Errorf("start waited %v, want no wait", waited)
				}
			})
		})
	}
}

// TestHeartbeat: the running process renews its heartbeat every interval.
func TestHeartbeat(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := &fakeStore{}
		ctx, cancel := context.WithCancel(t.Context())
		g, err := Start(ctx, opts(s, "mine"))
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- g.Run(ctx) }()
		first := s.get().Heartbeat
		time.Sleep(DefaultEvery)
		synctest.Wait()
		if hb := s.get().Heartbeat; hb != first+DefaultEvery.Milliseconds() {
			t.Errorf("heartbeat after one interval = %d, want %d", hb, first+DefaultEvery.Milliseconds())
		}
		// A homeserver that cannot be reached is no takeover: the guard
		// keeps going and renews once it answers again.
		s.setFailed(true)
		time.Sleep(5 * DefaultEvery)
		synctest.Wait()
		s.setFailed(false)
		time.Sleep(DefaultEvery)
		synctest.Wait()
		if g.Problem() != nil {
			t.Errorf("Problem after an unreachable homeserver = %v, want nil", g.Problem())
		}
		if hb := s.get().Heartbeat; hb != time.Now().UnixMilli() {
			t.Errorf("heartbeat not renewed after the homeserver came back")
		}
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run = %v, want nil after ctx ends", err)
		}
	})
}

// TestSecondProcessDisplacesFirst: a second process started anyway (a
// takeover, or two started at the same moment) writes its marker; the
// first sees it at its next renewal, reports it once and stops renewing,
// so the second keeps the account and nothing is answered by both.
func TestSecondProcessDisplacesFirst(t *testing.T) {
	for _, second := range []string{"other", "mine"} { // another database; a copy of this one (a restored backup)
		t.Run(second, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				s := &fakeStore{}
				a, err := Start(t.Context(), opts(s, "mine"))
				if err != nil {
					t.Fatal(err)
				}
				done := make(chan error, 1)
				go func() { done <- a.Run(t.Context()) }()
				time.Sleep(DefaultEvery / 2)
				o := opts(s, second)
				o.Takeover = true
				b, err := Start(t.Context(), o)
				if err != nil {
					t.Fatal(err)
				}
				if second == "mine" {
					// The same instance ID is a restart, never refused
					// nor kept waiting: a copy is found at the first
					// process's next renewal, within one interval.
					time.Sleep(DefaultEvery)
					synctest.Wait()
				} // another instance's takeover returned after one interval: a has seen it by then
				select {
				case <-a.Displaced():
				default:
					t.Fatal("the first process was not displaced when the second started handling")
				}
				if err := <-done; !errors.Is(err, ErrDisplaced) {
					t.Errorf("first Run = %v, want ErrDisplaced", err)
				}
				if a.Problem() == nil {
					t.Error("the displaced process's Problem is nil")
				}
				// The displaced process writes nothing more; the second
				// one renews and is not displaced by the first.
				go func() { _ = b.Run(t.Context()) }()
				time.Sleep(3 * DefaultEvery)
				synctest.Wait()
				if m := s.get(); m.Run != b.run {
					t.Errorf("marker = %+v, want the second process's", m)
				}
				if b.Problem() != nil {
					t.Errorf("second process displaced: %v", b.Problem())
				}
				// Release of the displaced one leaves the marker alone.
				if err := a.Release(t.Context()); err != nil || s.get().Stopped {
					t.Errorf("Release of the displaced process = %v, marker %+v", err, s.get())
				}
			})
		})
	}
}

// TestRelease: a clean stop marks the marker stopped, so that another
// instance may start at once.
func TestRelease(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := &fakeStore{}
		g, err := Start(t.Context(), opts(s, "mine"))
		if err != nil {
			t.Fatal(err)
		}
		if err := g.Release(t.Context()); err != nil {
			t.Fatal(err)
		}
		if m := s.get(); !m.Stopped || m.Heartbeat != 0 {
			t.Fatalf("marker after Release = %+v, want stopped", m)
		}
		if _, err := Start(t.Context(), opts(s, "other")); err != nil {
			t.Errorf("another instance after a clean stop: %v", err)
		}
	})
}

// refused is an error trying again cannot help (a revoked access token).
type refused struct{}

func (refused) Error() string   { return "M_UNKNOWN_TOKEN" }
func (refused) Permanent() bool { return true }

// TestStartWaitsForHomeserver: a homeserver that is slow or down when Lotse
// starts (after the login, before the marker is read or written) is waited
// for as the login waits for it — an outage is no second instance and no
// reason to exit; an error trying again cannot help ends the start at once,
// and a stop during the wait is a normal stop.
func TestStartWaitsForHomeserver(t *testing.T) {
	tests := []struct {
		name     string
		failNext int
		failErr  error
		wantErr  bool
	}{
		{name: "read fails five times", failNext: 5},
		{name: "read and first write fail", failNext: 2},
		{name: "refused (permanent)", failNext: 1, failErr: refused{}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				s := &fakeStore{failNext: tt.failNext, failErr: tt.failErr}
				g, err := Start(t.Context(), opts(s, "mine"))
				if tt.wantErr {
					if err == nil || !errors.As(err, new(refused)) {
						t.Fatalf("Start = %v, want the permanent error at once", err)
					}
					return
				}
				if err != nil {
					t.Fatalf("Start with a homeserver down for a while = %v, want it to wait and start", err)
				}
				if m := s.get(); m.Run != g.run {
					t.Errorf("marker = %+v, want this run's", m)
				}
			})
		})
	}
	t.Run("stopped while waiting", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			s := &fakeStore{failed: true}
			ctx, cancel := context.WithCancel(t.Context())
			done := make(chan error, 1)
			go func() { _, err := Start(ctx, opts(s, "mine")); done <- err }()
			time.Sleep(10 * time.Minute)
			synctest.Wait()
			select {
			case err := <-done:
				t.Fatalf("Start gave up while the homeserver was down: %v", err)
			default:
			}
			cancel()
			if err := <-done; err == nil {
				t.Error("Start = nil after ctx ended, want an error")
			}
		})
	})
}

// startRunning starts the guard of the running process "mine" on s and
// renews its marker until the test ends.
func startRunning(t *testing.T, s *fakeStore) *Guard {
	t.Helper()
	a, err := Start(t.Context(), opts(s, "mine"))
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = a.Run(t.Context()) }()
	return a
}

// TestTakeoverStoppedDuringWait: a takeover stopped during its wait (Ctrl-C,
// systemd) marks its marker stopped; the running process, reading it at its
// next renewal, goes on answering instead of stopping for a takeover that
// never happened (nobody answered at all before).
func TestTakeoverStoppedDuringWait(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := &fakeStore{}
		a := startRunning(t, s)
		time.Sleep(DefaultEvery / 4)
		ctx, cancel := context.WithCancel(t.Context())
		o := opts(s, "other")
		o.Takeover = true
		done := make(chan error, 1)
		go func() { _, err := Start(ctx, o); done <- err }()
		time.Sleep(DefaultEvery / 4) // before a's next renewal
		synctest.Wait()
		cancel()
		if err := <-done; err == nil {
			t.Fatal("a takeover stopped during its wait returned a guard")
		}
		time.Sleep(3 * DefaultEvery)
		synctest.Wait()
		if a.Problem() != nil {
			t.Errorf("the running process stopped for a takeover that was given up: %v", a.Problem())
		}
		if m := s.get(); m.Run != a.run || m.Stopped {
			t.Errorf("marker = %+v, want the running process's again", m)
		}
	})
}

// TestConflictMessage names what the admin does.
func TestConflictMessage(t *testing.T) {
	err := (&ConflictError{Age: 20 * time.Second, Wait: 160 * time.Second}).Error()
	for _, want := range []string{"stop that one first", "wait 3 minutes", "--takeover", "LOTSE_TAKEOVER"} {
		if !strings.Contains(err, want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
}

// TestConflictClockAhead: a heartbeat from a clock an hour ahead (a crashed
// process on a machine without NTP) keeps counting as fresh for an hour; the
// refusal says so and names the clocks, instead of „wait 3 minutes“ and the
// same refusal again three minutes later.
func TestConflictClockAhead(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := &fakeStore{ok: true, m: Marker{Instance: "other", Run: "r", Heartbeat: time.Now().Add(time.Hour).UnixMilli()}}
		_, err := Start(t.Context(), opts(s, "mine"))
		var conflict *ConflictError
		if !errors.As(err, &conflict) {
			t.Fatalf("Start = %v, want a ConflictError", err)
		}
		if conflict.Wait != time.Hour+DefaultStale {
			t.Errorf("Wait = %v, want %v", conflict.Wait, time.Hour+DefaultStale)
		}
		for _, want := range []string{"wait 63 minutes", "clocks differ", "NTP"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("message %q lacks %q", err, want)
			}
		}
		// Once the wait named has passed, the start is not refused.
		time.Sleep(conflict.Wait + time.Second)
		if _, err := Start(t.Context(), opts(s, "mine")); err != nil {
			t.Errorf("Start after the wait named = %v", err)
		}
	})
}

// TestTakeoverOverwrittenByRenewal: the running process's renewal reads the
// marker, the takeover writes its own, the renewal writes over it. The
// takeover writes it again and waits once more, so that the running process
// stops and the new one answers — not the other way round (the new one
// found the old one's marker at its first renewal and stopped).
func TestTakeoverOverwrittenByRenewal(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := &fakeStore{}
		a := startRunning(t, s)
		time.Sleep(DefaultEvery / 2)
		s.mu.Lock()
		s.overwriteNext = true
		s.mu.Unlock()
		o := opts(s, "other")
		o.Takeover = true
		b, err := Start(t.Context(), o)
		if err != nil {
			t.Fatal(err)
		}
		go func() { _ = b.Run(t.Context()) }()
		time.Sleep(3 * DefaultEvery)
		synctest.Wait()
		if b.Problem() != nil {
			t.Errorf("the takeover was displaced by the process it took over from: %v", b.Problem())
		}
		if a.Problem() == nil {
			t.Error("the process taken over from still answers")
		}
		if m := s.get(); m.Run != b.run {
			t.Errorf("marker = %+v, want the takeover's", m)
		}
	})
}

// TestStartAgeAfterHomeserverOutage: the marker's age is taken when it was
// read, not when Start began. A homeserver down at start for longer than
// the stale age (after the other server crashed a minute before) leaves a
// heartbeat that is old by the time it can be read: the start goes on,
// instead of being refused (exit code 24, which systemd does not restart)
// with a wait that has already passed.
func TestStartAgeAfterHomeserverOutage(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := &fakeStore{failNext: 9} // 1+2+4+8+16+30+30+30+30 s until the read works
		s.m, s.ok = Marker{Instance: "other", Run: "crashed", Heartbeat: time.Now().Add(-time.Minute).UnixMilli()}, true
		start := time.Now()
		g, err := Start(t.Context(), opts(s, "mine"))
		if err != nil {
			t.Fatalf("Start after a homeserver outage of %v = %v, want a start (the other heartbeat is %v old by then)",
				time.Since(start), err, time.Since(start)+time.Minute)
		}
		if m := s.get(); m.Run != g.run {
			t.Errorf("marker = %+v, want this run's", m)
		}
	})
}

package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/integrations/bbb/bbbtest"
	"github.com/lotse-bot/lotse/internal/dendrite"
	"github.com/lotse-bot/lotse/internal/dendrite/dendritetest"
	"github.com/lotse-bot/lotse/internal/sendlimit"
	"github.com/lotse-bot/lotse/storage"
)

// countingProxy counts the homeserver requests by kind and can rate-limit
// sends like a homeserver does (internal/sendlimit).
type countingProxy struct {
	mu      sync.Mutex
	counts  map[string]int
	limiter *sendlimit.Limiter // nil: no limit
}

func (p *countingProxy) kind(r *http.Request) string {
	path := r.URL.Path
	switch {
	case strings.Contains(path, "/sync"):
		return "sync"
	case strings.Contains(path, "/createRoom"):
		return "createRoom"
	case strings.Contains(path, "/send/"):
		return "send"
	case strings.Contains(path, "/sendToDevice/"):
		return "sendToDevice"
	case strings.Contains(path, "/keys/"):
		return "keys"
	case strings.Contains(path, "/account_data/"):
		return "account_data"
	case strings.Contains(path, "/joined_rooms"):
		return "joined_rooms"
	}
	return "other"
}

func (p *countingProxy) handler(target *url.URL) http.Handler {
	var next http.Handler = httputil.NewSingleHostReverseProxy(target)
	if p.limiter != nil {
		next = p.limiter.Wrap(next)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		p.counts[p.kind(r)]++
		p.mu.Unlock()
		next.ServeHTTP(w, r)
	})
}

func (p *countingProxy) snapshot() map[string]int {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := map[string]int{}
	for k, v := range p.counts {
		out[k] = v
	}
	if p.limiter != nil {
		out["send_429"] = int(p.limiter.Limited())
	}
	return out
}

// TestRoundTableRemindersLoad measures reminders with personal links to N
// RSVPs (LOTSE_RT_LOAD=N, e.g. 500; LOTSE_RT_LOAD_RATE=sends per second to
// rate-limit like a homeserver) through a counting proxy in front of
// Dendrite: the time until all are sent and the homeserver requests. Each
// attendee has no DM with Lotse yet, so every reminder opens one.
func TestRoundTableRemindersLoad(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("LOTSE_RT_LOAD"))
	if n <= 0 {
		t.Skip("set LOTSE_RT_LOAD=500 to measure reminders to 500 RSVPs")
	}
	rate, _ := strconv.Atoi(os.Getenv("LOTSE_RT_LOAD_RATE"))
	srv := dendritetest.Shared()
	target, _ := url.Parse(srv.URL)
	p := &countingProxy{counts: map[string]int{}}
	if rate > 0 {
		p.limiter = sendlimit.New(rate, time.Second)
	}
	front := httptest.NewServer(p.handler(target))
	t.Cleanup(front.Close)
	fake := bbbtest.New(t, "bbb-secret")

	users := make([]id.UserID, n+1)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 16)
	for i := range users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			lp := dendrite.UniqueLocalpart(fmt.Sprintf("load%d", i))
			u, err := srv.RegisterUser(context.Background(), lp, "pw-"+lp, false)
			if err != nil {
				t.Error(err)
			}
			users[i] = u
		}()
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	l := startLotse(t, copyLibrary(t), func(cfg *config.Config) {
		cfg.HomeserverURL = front.URL
		cfg.Coordinators = []string{users[0].String()}
		cfg.AnnouncementRooms = []string{"!unused:localhost"}
		cfg.RoundTableReminders = []string{"72h"}
		cfg.RoundTableMeetingLead = 96 * time.Hour
		cfg.RoundTableTick = time.Second
		cfg.BBBURL, cfg.BBBSecret = fake.URL(), "bbb-secret"
		cfg.LogLevel = "warn"
	})
	db, err := storage.Open(l.cfg.Database, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	now := time.Now()
	rt, _, err := db.RoundTables.Create(ctx, &storage.RoundTable{Title: "Last", Start: now.Add(2 * time.Hour), Duration: time.Hour,
		Coordinator: users[0].String(), Rooms: []string{"!unused:localhost"}, OriginEvent: "$load"}, now)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range users[1:] {
		if _, err := db.RoundTables.SetRSVP(ctx, storage.RSVP{RoundTableID: rt.ID, UserID: u.String(), Attending: true, SourceEvent: "$load-" + u.String(), UpdatedAt: now}, 0); err != nil {
			t.Fatal(err)
		}
	}
	before := p.snapshot()
	start := time.Now()
	if _, _, err := db.RoundTables.Announce(ctx, rt.ID, "$load-announce", now); err != nil {
		t.Fatal(err)
	}
	// Lotse runs as another process; its progress is read from the
	// database it writes, five times a second.
	deadline := time.Now().Add(20 * time.Minute)
	poll := time.NewTicker(200 * time.Millisecond)
	defer poll.Stop()
	for {
		keys, err := db.RoundTables.SentKeys(ctx, rt.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(keys) >= n+1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("only %d of %d reminders after 20 min", len(keys), n+1)
		}
		<-poll.C
	}
	took := time.Since(start)
	after := p.snapshot()
	total := 0
	var parts []string
	for k, v := range after {
		d := v - before[k]
		if k != "sync" && k != "send_429" {
			total += d
		}
		parts = append(parts, fmt.Sprintf("%s=%d", k, d))
	}
	m, _ := fake.Meeting(fmt.Sprintf("lotse-rt-%d-%d", rt.ID, rt.Start.Unix()))
	t.Logf("reminders to %d RSVPs (+ coordinator): %v (%.1f/s), homeserver requests without /sync: %d (%s), BBB create calls: %d (duplicates %d), send rate limit: %d/s",
		n, took.Round(time.Millisecond), float64(n+1)/took.Seconds(), total, strings.Join(parts, " "), fake.Requests("create"), m.Duplicates, rate)
	if strings.Contains(l.log.String(), "checksum=") {
		t.Fatal("a join link was logged")
	}
}

package bot

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage/storagetest"
)

// fakeDirectHomeserver answers what DirectRoom asks: m.direct account data,
// joined rooms, the create events of joined rooms, and createRoom, which
// always fails with a 500. With halfMade, the failed createRoom still makes
// the room (Lotse joined, the invite failed), as some homeservers do.
type fakeDirectHomeserver struct {
	halfMade bool
	// succeed makes createRoom succeed (the room joined) from then on.
	succeed bool

	mu      sync.Mutex
	creates int
	invites []string             // "room user" of each invite
	joined  map[id.RoomID]string // joined room → its creation token
	direct  []byte               // m.direct, once written
}

func (h *fakeDirectHomeserver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	defer h.mu.Unlock()
	path := r.URL.Path
	w.Header().Set("Content-Type", "application/json")
	switch {
	case strings.HasSuffix(path, "/account_data/m.direct") && r.Method == http.MethodGet:
		if h.direct == nil {
			w.WriteHeader(http.StatusNotFound)
			_, _ = fmt.Fprint(w, `{"errcode":"M_NOT_FOUND","error":"no m.direct"}`)
			return
		}
		_, _ = w.Write(h.direct)
	case strings.HasSuffix(path, "/account_data/m.direct") && r.Method == http.MethodPut:
		h.direct, _ = io.ReadAll(r.Body)
		_, _ = fmt.Fprint(w, `{}`)
	case strings.HasSuffix(path, "/joined_rooms"):
		rooms := []id.RoomID{}
		for room := range h.joined {
			rooms = append(rooms, room)
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"joined_rooms": rooms})
	case strings.HasSuffix(path, "/state/m.room.create/"):
		for room, token := range h.joined {
			if strings.Contains(path, "/rooms/"+room.String()+"/") {
				_ = json.NewEncoder(w).Encode(map[string]any{"creator": "@lotse:hs", dmTokenKey: token})
				return
			}
		}
		w.WriteHeader(http.StatusNotFound)
		_, _ = fmt.Fprint(w, `{"errcode":"M_NOT_FOUND","error":"no such room"}`)
	case strings.Contains(path, "/state/m.room.member/"):
		// Nobody but Lotse has a membership: the half-made room's invite
		// failed.
		w.WriteHeader(http.StatusNotFound)
		_, _ = fmt.Fprint(w, `{"errcode":"M_NOT_FOUND","error":"no membership"}`)
	case strings.HasSuffix(path, "/invite") && r.Method == http.MethodPost:
		var req struct {
			UserID string `json:"user_id"`
		}
		_ = json.NewDecoder(r.Body).Decode(&req)
		room := strings.TrimSuffix(strings.TrimPrefix(path[strings.Index(path, "/rooms/"):], "/rooms/"), "/invite")
		h.invites = append(h.invites, room+" "+req.UserID)
		_, _ = fmt.Fprint(w, `{}`)
	case strings.HasSuffix(path, "/createRoom") && h.succeed:
		h.creates++
		room := id.RoomID(fmt.Sprintf("!made%d:hs", h.creates))
		h.joined[room] = ""
		_ = json.NewEncoder(w).Encode(map[string]any{"room_id": room})
	case strings.HasSuffix(path, "/createRoom"):
		h.creates++
		if h.halfMade {
			var req struct {
				CreationContent map[string]any `json:"creation_content"`
			}
			_ = json.NewDecoder(r.Body).Decode(&req)
			token, _ := req.CreationContent[dmTokenKey].(string)
			h.joined[id.RoomID(fmt.Sprintf("!half%d:hs", h.creates))] = token
		}
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = fmt.Fprint(w, `{"errcode":"M_UNKNOWN","error":"internal server error"}`)
	default:
		w.WriteHeader(http.StatusNotFound)
		_, _ = fmt.Fprintf(w, `{"errcode":"M_UNRECOGNIZED","error":"unexpected %s %s"}`, r.Method, path)
	}
}

// TestDirectChatCooldownCountsFailedAttempts: the cooldown between new
// direct chats with one member counts every createRoom, not only the
// successful ones (sec22 review). A createRoom that fails in a retryable way
// (here a 500) was tried again at the next call — without any cooldown on
// the path where the creation was already begun — and a homeserver that
// makes the room before the invite fails got a new room on every retry of
// every event. Within the cooldown the next call makes no createRoom and
// returns the retryable cooldown error; after it, a call tries again. A room
// the failed creation did make is still found by its token.
func TestDirectChatCooldownCountsFailedAttempts(t *testing.T) {
	const member = id.UserID("@alice:hs")
	t0 := time.UnixMilli(1_790_000_000_000)
	for _, tc := range []struct {
		name string
		// forget drops the begun creation before the second call (the
		// path of a new token rather than the begun one).
		forget   bool
		halfMade bool
	}{
		{name: "the begun creation is tried again"},
		{name: "a new creation", forget: true},
		{name: "the failed creation made the room", halfMade: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hs := &fakeDirectHomeserver{halfMade: tc.halfMade, joined: map[id.RoomID]string{}}
			now := t0
			b, creates := newFakeDirectBot(t, hs, &now)

			if room, err := b.DirectRoom(t.Context(), member); err == nil || errors.Is(err, ErrPermanent) {
				t.Fatalf("first call: %q, %v; want a retryable error (createRoom answered 500)", room, err)
			}
			if got := creates(); got != 1 {
				t.Fatalf("first call made %d createRoom requests, want 1", got)
			}
			if tc.forget {
				if err := b.db.DirectRooms.Forget(t.Context(), member.String()); err != nil {
					t.Fatal(err)
				}
			}

			now = t0.Add(time.Second) // the event's first retry
			room, err := b.DirectRoom(t.Context(), member)
			if tc.halfMade {
				if err != nil || room != "!half1:hs" {
					t.Fatalf("second call: %q, %v; want the room the failed creation made", room, err)
				}
				// Its invite had failed: the member is invited now, or
				// what Lotse sends there reaches nobody.
				hs.mu.Lock()
				invites := slices.Clone(hs.invites)
				hs.mu.Unlock()
				if want := []string{"!half1:hs " + member.String()}; !slices.Equal(invites, want) {
					t.Errorf("invites %q, want %q", invites, want)
				}
				if got := creates(); got != 1 {
					t.Errorf("%d createRoom requests, want 1", got)
				}
				return
			}
			if got := creates(); got != 1 {
				t.Errorf("second call within the cooldown: %d createRoom requests in all, want 1", got)
			}
			if err == nil || !errors.Is(err, errDMCooldown) || errors.Is(err, ErrPermanent) {
				t.Errorf("second call within the cooldown: %q, %v; want the retryable cooldown error", room, err)
			}

			now = t0.Add(dmCooldown) // the cooldown is over
			if room, err := b.DirectRoom(t.Context(), member); err == nil || errors.Is(err, errDMCooldown) {
				t.Errorf("call after the cooldown: %q, %v; want createRoom's error", room, err)
			}
			if got := creates(); got != 2 {
				t.Errorf("after the cooldown: %d createRoom requests in all, want 2", got)
			}
		})
	}
}

// newFakeDirectBot returns a Bot whose client talks to hs (no retries of
// its own) and whose clock reads *now, with a fresh store, and a count of
// the createRoom requests hs got.
func newFakeDirectBot(t *testing.T, hs *fakeDirectHomeserver, now *time.Time) (*Bot, func() int) {
	t.Helper()
	cli := newFakeClient(t, hs)
	cli.StateStore = mautrix.NewMemoryStateStore()
	b := &Bot{
		opts:   Options{Now: func() time.Time { return *now }},
		log:    zerolog.Nop(),
		Client: cli,
		db:     storagetest.Open(t, filepath.Join(t.TempDir(), "lotse.db")),
	}
	return b, func() int {
		hs.mu.Lock()
		defer hs.mu.Unlock()
		return hs.creates
	}
}

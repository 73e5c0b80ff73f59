package bot

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// TestSendMovedRoomBegunAgain: a send is open in the member's old direct
// chat A, which Lotse has left (its fence there is refused); the retry goes
// to the new chat B, gets a 502 after the homeserver made the event, and the
// sync brings that event, then the fence. The row must follow the try into B,
// so the sync completes it and the answer is not sent a second time (review
// of the eighteenth pass: with the row left on A it went out twice).
func TestSendMovedRoomBegunAgain(t *testing.T) {
	const roomA, roomB = id.RoomID("!old-dm:hs"), id.RoomID("!new-dm:hs")
	db := storagetest.Open(t, filepath.Join(t.TempDir(), "lotse.db"))
	txn := TxnID("$question", "reply", 0)
	if err := db.Inbox.BeginSend(t.Context(), txn, roomA.String(), time.Now().Add(-time.Second)); err != nil {
		t.Fatal(err)
	}
	var (
		mu    sync.Mutex
		n     int
		sends int
		lost  id.EventID
		s     *Sender
	)
	h := http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		parts := strings.Split(req.URL.Path, "/")
		if req.Method != http.MethodPut || len(parts) < 4 || parts[len(parts)-3] != "send" {
			http.NotFound(w, req)
			return
		}
		room, evtType, tx := id.RoomID(parts[len(parts)-4]), parts[len(parts)-2], parts[len(parts)-1]
		mu.Lock()
		n++
		evtID := id.EventID(fmt.Sprintf("$e%d", n))
		mu.Unlock()
		if evtType == FenceType.Type {
			if room == roomA {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusForbidden)
				_, _ = fmt.Fprint(w, `{"errcode":"M_FORBIDDEN","error":"not in room"}`)
				return
			}
			mu.Lock()
			l := lost
			mu.Unlock()
			go s.observe([]id.EventID{l, evtID})
			w.Header().Set("Content-Type", "application/json")
			_, _ = fmt.Fprintf(w, `{"event_id":%q}`, evtID)
			return
		}
		mu.Lock()
		sends++
		first := sends == 1
		if first {
			lost = evtID
		}
		mu.Unlock()
		if first {
			// the sync commits the own event (marker tx) in room B
			if err := db.Inbox.Commit(req.Context(), nil, []storage.SentEvent{{TxnID: tx, EventID: evtID.String(), RoomID: string(room), SentAt: time.Now()}}, "s1"); err != nil {
				t.Error(err)
			}
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = fmt.Fprintf(w, `{"event_id":%q}`, evtID)
	})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	cli, err := mautrix.NewClient(srv.URL, "@lotse:hs", "token")
	if err != nil {
		t.Fatal(err)
	}
	cli.DefaultHTTPRetries = 0
	s = NewSender(cli, db.Inbox, zerolog.Nop())
	s.MaxWait = 5 * time.Second
	got, err := s.Send(t.Context(), roomB, event.EventMessage, &event.MessageEventContent{MsgType: event.MsgText, Body: "Antwort"}, txn)
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if sends != 1 {
		t.Errorf("the answer was sent %d times into B (got %s, first event %s); want once", sends, got, lost)
	}
}

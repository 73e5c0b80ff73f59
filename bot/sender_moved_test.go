package bot

import (
	"net/http"
	"path/filepath"
	"testing"
	"time"

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
// of the eighteenth pass: with the row left on A it went out twice). Real
// storage: the room rule of the sync's commit lives in its query.
func TestSendMovedRoomBegunAgain(t *testing.T) {
	const roomA, roomB = id.RoomID("!old-dm:hs"), id.RoomID("!new-dm:hs")
	db := storagetest.Open(t, filepath.Join(t.TempDir(), "lotse.db"))
	txn := TxnID("$question", "reply", 0)
	if err := db.Inbox.BeginSend(t.Context(), txn, roomA.String(), time.Now().Add(-time.Second)); err != nil {
		t.Fatal(err)
	}
	room := &fakeRoom{sends: map[string]int{}, failFirst: http.StatusBadGateway, fenceRefusedIn: roomA}
	s := newFakeSender(t, room, db.Inbox)
	lost := make(chan id.EventID, 1)
	room.onLost = func(evt id.EventID) {
		// the sync commits the own event (its marker's transaction ID) in room B
		if err := db.Inbox.Commit(t.Context(), nil, []storage.SentEvent{{TxnID: txn, EventID: evt.String(), RoomID: roomB.String(), SentAt: time.Now()}}, "s1"); err != nil {
			t.Error(err)
		}
		lost <- evt
	}
	room.onFence = func(fence id.EventID) { go s.observe([]id.EventID{<-lost, fence}) }
	got, err := s.Send(t.Context(), roomB, event.EventMessage, &event.MessageEventContent{MsgType: event.MsgText, Body: "Antwort"}, txn)
	if err != nil {
		t.Fatal(err)
	}
	room.mu.Lock()
	defer room.mu.Unlock()
	if room.sends[txn] != 1 {
		t.Errorf("the answer was sent %d times into B (got %s); want once", room.sends[txn], got)
	}
}

// TestSendOpenSendKeyedAfterUpgrade: an older Lotse (transaction IDs stored
// unkeyed) was killed with an answer in flight; the upgraded one rekeys the
// row at start (storage lists it keyed) and the homeserver creates the late
// event only now. The repeat must still find the open send and wait for a
// fence instead of sending the answer a second time.
func TestSendOpenSendKeyedAfterUpgrade(t *testing.T) {
	const roomID = id.RoomID("!dm:hs")
	db := storagetest.Open(t, filepath.Join(t.TempDir(), "lotse.db"))
	txn := TxnID("$question", "reply", 0)
	if err := db.Inbox.BeginSend(t.Context(), txn, roomID.String(), time.Now().Add(-time.Second)); err != nil { // the older process
		t.Fatal(err)
	}
	key, err := SentKey("pickle")
	if err != nil {
		t.Fatal(err)
	}
	db.SetSentKey(key)
	if n, err := db.Inbox.RekeySent(t.Context()); err != nil || n != 1 {
		t.Fatalf("RekeySent = %d, %v; want 1", n, err)
	}
	room := &fakeRoom{sends: map[string]int{}}
	s := newFakeSender(t, room, db.Inbox)
	room.onFence = func(fence id.EventID) {
		if err := db.Inbox.Commit(t.Context(), nil, []storage.SentEvent{{TxnID: txn, EventID: "$late", RoomID: roomID.String(), SentAt: time.Now()}}, "s1"); err != nil {
			t.Error(err)
		}
		s.observe([]id.EventID{"$late", fence})
	}
	got, err := s.Send(t.Context(), roomID, event.EventMessage, &event.MessageEventContent{MsgType: event.MsgText, Body: "Antwort"}, txn)
	if err != nil {
		t.Fatal(err)
	}
	room.mu.Lock()
	defer room.mu.Unlock()
	if got != "$late" || room.sends[txn] != 0 || room.fences != 1 {
		t.Fatalf("Send = %s with %d sends of the answer and %d fences; want $late, 0 sends, 1 fence", got, room.sends[txn], room.fences)
	}
}

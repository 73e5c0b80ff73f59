package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// TestRateLimitWait: Retry-After (seconds or an HTTP date) comes first,
// then the spec's retry_after_ms, then the fallback.
func TestRateLimitWait(t *testing.T) {
	const slack = 10 * time.Millisecond
	resp := func(h string) *http.Response {
		r := &http.Response{Header: http.Header{}}
		if h != "" {
			r.Header.Set("Retry-After", h)
		}
		return r
	}
	ms := func(v float64) *mautrix.RespError {
		return &mautrix.RespError{ErrCode: "M_LIMIT_EXCEEDED", ExtraData: map[string]any{"retry_after_ms": v}}
	}
	tests := []struct {
		name string
		err  mautrix.HTTPError
		want time.Duration
	}{
		{"seconds", mautrix.HTTPError{Response: resp("3"), RespError: ms(500)}, 3*time.Second + slack},
		{"zero seconds", mautrix.HTTPError{Response: resp("0")}, slack},
		{"retry_after_ms without a header", mautrix.HTTPError{Response: resp(""), RespError: ms(1500)}, 1500*time.Millisecond + slack},
		{"nonsense header falls back to the body", mautrix.HTTPError{Response: resp("soon"), RespError: ms(200)}, 200*time.Millisecond + slack},
		{"date in the past falls back", mautrix.HTTPError{Response: resp(time.Now().Add(-time.Hour).UTC().Format(http.TimeFormat))}, 7 * time.Second},
		{"nothing", mautrix.HTTPError{}, 7 * time.Second},
		// Beyond time.Duration (mend24b): these overflowed into a negative
		// or tiny pause, and Lotse asked again at once.
		{"seconds beyond a Duration", mautrix.HTTPError{Response: resp("18446744074")}, rateLimitCeiling},
		{"seconds of a century", mautrix.HTTPError{Response: resp("3153600000")}, rateLimitCeiling},
		{"retry_after_ms beyond a Duration", mautrix.HTTPError{Response: resp(""), RespError: ms(1e19)}, rateLimitCeiling},
		{"retry_after_ms beyond int64", mautrix.HTTPError{Response: resp(""), RespError: ms(1e300)}, rateLimitCeiling},
	}
	for _, tt := range tests {
		if got := rateLimitWait(tt.err, 7*time.Second); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
	// An HTTP date in the future: about that long.
	future := mautrix.HTTPError{Response: resp(time.Now().Add(90 * time.Second).UTC().Format(http.TimeFormat))}
	if got := rateLimitWait(future, 0); got < 80*time.Second || got > 95*time.Second {
		t.Errorf("future date: %v, want about 90 s", got)
	}
}

// fakeSentLog is storage.InboxQuery's sent_event table in memory: a row
// with an empty event ID is a send begun and not completed.
type fakeSentLog struct {
	mu   sync.Mutex
	rows map[string]storage.SentEvent
	// settling, if set, runs as SettleSend is called, outside mu.
	settling func()
}

func (f *fakeSentLog) SentEventID(_ context.Context, txnID string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.rows[txnID].EventID, nil
}

func (f *fakeSentLog) RecordSent(_ context.Context, se storage.SentEvent) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.rows[se.TxnID].EventID == "" {
		f.rows[se.TxnID] = se
	}
	return nil
}

func (f *fakeSentLog) BeginSend(_ context.Context, txnID, roomID string, at time.Time) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	// As storage's BeginSend: each try begins its own row (the room and time of the latest
	// try); a completed row stays as it is.
	if f.rows[txnID].EventID == "" {
		f.rows[txnID] = storage.SentEvent{TxnID: txnID, RoomID: roomID, SentAt: at}
	}
	return nil
}

func (f *fakeSentLog) AbandonSend(_ context.Context, txnID string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.rows[txnID].EventID == "" {
		delete(f.rows, txnID)
	}
	return nil
}

func (f *fakeSentLog) SettleSend(_ context.Context, txnID string, begunBefore time.Time) error {
	if f.settling != nil {
		f.settling()
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if se, ok := f.rows[txnID]; ok && se.EventID == "" && se.SentAt.UnixMilli() < begunBefore.UnixMilli() {
		delete(f.rows, txnID)
	}
	return nil
}

// StoredTxnID keys nothing: the fake stores transaction IDs as given.
func (f *fakeSentLog) StoredTxnID(txnID string) string { return txnID }

func (f *fakeSentLog) OpenSends(_ context.Context, staleBefore time.Time) (map[string]string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	open := map[string]string{}
	for txn, se := range f.rows {
		if se.EventID == "" && se.SentAt.UnixMilli() < staleBefore.UnixMilli() {
			delete(f.rows, txn)
		} else if se.EventID == "" {
			open[txn] = se.RoomID
		}
	}
	return open, nil
}

// fakeRoom is a homeserver's send endpoint for one room. A send of a
// message whose earlier request was cut off (lateTxn) is still queued: it
// becomes an event only after the events queued before it, as Dendrite
// handles a room's events in order. onFence runs when the fence is
// accepted, before its response, with the events the sync then brings.
type fakeRoom struct {
	mu      sync.Mutex
	n       int
	sends   map[string]int // message sends per transaction ID
	fences  int
	onFence func(fence id.EventID)
	// failFirst answers the first send of a transaction ID with this
	// status after creating its event (a proxy's 502 while the homeserver
	// went on); onLost then runs with that event.
	failFirst   int
	failOnly    string // if set, failFirst applies to this transaction ID only
	onLost      func(lost id.EventID)
	fenceStatus int // answer fences with this status, creating nothing
	// fenceRefusedIn, if set, refuses fences into that room only
	// (M_FORBIDDEN: a room Lotse has left).
	fenceRefusedIn id.RoomID
	// onSend, if set, runs as a message's request reaches the room.
	onSend func(txnID string)
	// fenceRooms lists the rooms the fences were sent into.
	fenceRooms []id.RoomID
	// maxBody, if set, refuses a message whose request body is longer
	// (M_TOO_LARGE, as a homeserver refuses an event over its limit).
	maxBody int
}

func (r *fakeRoom) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	parts := strings.Split(req.URL.Path, "/")
	if req.Method != http.MethodPut || len(parts) < 4 || parts[len(parts)-3] != "send" {
		http.NotFound(w, req)
		return
	}
	evtType, txnID := parts[len(parts)-2], parts[len(parts)-1]
	if body, err := io.ReadAll(req.Body); err != nil || (r.maxBody > 0 && len(body) > r.maxBody) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusRequestEntityTooLarge)
		_, _ = fmt.Fprint(w, `{"errcode":"M_TOO_LARGE","error":"event too large"}`)
		return
	}
	r.mu.Lock()
	r.n++
	evtID := id.EventID(fmt.Sprintf("$e%d", r.n))
	hook := r.onFence
	var lost func(id.EventID)
	status := 0
	send := r.onSend
	if evtType == FenceType.Type {
		r.fences++
		room := id.RoomID(parts[len(parts)-4])
		r.fenceRooms = append(r.fenceRooms, room)
		status = r.fenceStatus
		if room == r.fenceRefusedIn {
			status = http.StatusForbidden
		}
		send = nil
	} else {
		r.sends[txnID]++
		hook = nil
		if r.sends[txnID] == 1 && r.failFirst != 0 && (r.failOnly == "" || r.failOnly == txnID) {
			status, lost = r.failFirst, r.onLost
		}
	}
	r.mu.Unlock()
	if send != nil {
		send(txnID)
	}
	if lost != nil {
		lost(evtID)
	}
	if status == http.StatusForbidden {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = fmt.Fprint(w, `{"errcode":"M_FORBIDDEN","error":"You are not allowed to send this event type"}`)
		return
	}
	if status != 0 {
		w.WriteHeader(status)
		return
	}
	if hook != nil {
		hook(evtID)
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = fmt.Fprintf(w, `{"event_id":%q}`, evtID)
}

// newFakeClient returns Lotse's client for a fake homeserver h (an
// httptest server closed at the test's end), without retries of its own,
// so that every request the code makes reaches h once.
func newFakeClient(t *testing.T, h http.Handler) *mautrix.Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	cli, err := mautrix.NewClient(srv.URL, "@lotse:hs", "token")
	if err != nil {
		t.Fatal(err)
	}
	cli.DefaultHTTPRetries = 0
	return cli
}

func newFakeSender(t *testing.T, room *fakeRoom, sent SentLog) *Sender {
	t.Helper()
	s := NewSender(newFakeClient(t, room), sent, zerolog.Nop())
	s.MaxWait = 5 * time.Second
	return s
}

// TestSendSettlesOpenSend: Lotse was killed while a send was in flight (its
// row begun, never completed) and the homeserver creates that event only
// after the new process has started (its first sync did not bring it).
// Repeating the send would make a second answer — Dendrite forgets the
// transaction ID of a request whose client went away. The repeat first
// sends a fence and waits for it in the sync, which brings the late event
// before it; the send is then known and not repeated. The fence's event
// comes back through the sync before or after its send returns.
func TestSendSettlesOpenSend(t *testing.T) {
	const roomID = id.RoomID("!dm:hs")
	txn := TxnID("$question", "reply", 0)
	for _, syncFirst := range []bool{true, false} {
		t.Run(fmt.Sprintf("fence synced before its response=%v", syncFirst), func(t *testing.T) {
			sent := &fakeSentLog{rows: map[string]storage.SentEvent{}}
			if err := sent.BeginSend(t.Context(), txn, roomID.String(), time.Now()); err != nil { // the killed process
				t.Fatal(err)
			}
			room := &fakeRoom{sends: map[string]int{}}
			s := newFakeSender(t, room, sent)
			// What the sync loop does with the batch that carries the late
			// event and then the fence: record the late event's
			// transaction ID (from its content), commit, observe.
			syncBatch := func(fence id.EventID) {
				_ = sent.RecordSent(t.Context(), storage.SentEvent{TxnID: txn, EventID: "$late", RoomID: roomID.String(), SentAt: time.Now()})
				s.observe([]id.EventID{"$late", fence})
			}
			// The sync brings the fence before its response reaches Lotse, or
			// after Lotse waits for it (the waiter is registered).
			waited := false
			if syncFirst {
				room.onFence = syncBatch
			} else {
				s.waiting = func(fence id.EventID) { waited = true; syncBatch(fence) }
			}
			got, err := s.Send(t.Context(), roomID, event.EventMessage, &event.MessageEventContent{MsgType: event.MsgText, Body: "Antwort"}, txn)
			if err != nil {
				t.Fatal(err)
			}
			room.mu.Lock()
			defer room.mu.Unlock()
			if got != "$late" || room.sends[txn] != 0 || room.fences != 1 {
				t.Fatalf("Send = %s with %d sends of the answer and %d fences; want $late (the earlier send's event), 0 sends, 1 fence", got, room.sends[txn], room.fences)
			}
			if open, _ := sent.OpenSends(t.Context(), time.Time{}); len(open) != 0 {
				t.Errorf("open sends after settling: %v, want none", open)
			}
			if waited == syncFirst {
				t.Errorf("waited for the fence = %v; want %v (the path this case is about)", waited, !syncFirst)
			}
		})
	}
}

// TestSendOpenSendNeverArrived: the fence shows the earlier request made no
// event; the send goes out once. A send without an open earlier request
// needs no fence.
func TestSendOpenSendNeverArrived(t *testing.T) {
	const roomID = id.RoomID("!dm:hs")
	txn := TxnID("$question", "reply", 0)
	sent := &fakeSentLog{rows: map[string]storage.SentEvent{}}
	_ = sent.BeginSend(t.Context(), txn, roomID.String(), time.Now())
	room := &fakeRoom{sends: map[string]int{}}
	s := newFakeSender(t, room, sent)
	room.onFence = func(fence id.EventID) {
		go s.observe([]id.EventID{fence})
	}
	content := &event.MessageEventContent{MsgType: event.MsgText, Body: "Antwort"}
	got, err := s.Send(t.Context(), roomID, event.EventMessage, content, txn)
	if err != nil {
		t.Fatal(err)
	}
	other := TxnID("$other", "reply", 0)
	if _, err := s.Send(t.Context(), roomID, event.EventMessage, content, other); err != nil {
		t.Fatal(err)
	}
	room.mu.Lock()
	defer room.mu.Unlock()
	if got == "" || room.sends[txn] != 1 || room.sends[other] != 1 || room.fences != 1 {
		t.Fatalf("Send = %q; %d and %d sends, %d fences; want an event, 1 and 1 sends, 1 fence (only for the open send)", got, room.sends[txn], room.sends[other], room.fences)
	}
	if id, _ := sent.SentEventID(t.Context(), txn); id != got.String() {
		t.Errorf("recorded %q, want %s", id, got)
	}
}

// TestSendRetrySettlesLostResponse: the homeserver created the answer but
// the response was lost (a proxy's 502). Repeating the send at once would
// make a second answer, so the retry first settles it with a fence, as a
// restart does; the sync brings the event before the fence and the send is
// not repeated (rv17-dup review, finding 1).
func TestSendRetrySettlesLostResponse(t *testing.T) {
	const roomID = id.RoomID("!dm:hs")
	txn := TxnID("$question", "reply", 0)
	sent := &fakeSentLog{rows: map[string]storage.SentEvent{}}
	room := &fakeRoom{sends: map[string]int{}, failFirst: http.StatusBadGateway}
	s := newFakeSender(t, room, sent)
	var lostEvt id.EventID
	room.onLost = func(lost id.EventID) { lostEvt = lost }
	room.onFence = func(fence id.EventID) {
		_ = sent.RecordSent(t.Context(), storage.SentEvent{TxnID: txn, EventID: lostEvt.String(), RoomID: roomID.String(), SentAt: time.Now()})
		s.observe([]id.EventID{lostEvt, fence})
	}
	got, err := s.Send(t.Context(), roomID, event.EventMessage, &event.MessageEventContent{MsgType: event.MsgText, Body: "Antwort"}, txn)
	if err != nil {
		t.Fatal(err)
	}
	room.mu.Lock()
	defer room.mu.Unlock()
	if got != lostEvt || room.sends[txn] != 1 || room.fences != 1 {
		t.Fatalf("Send = %s with %d sends and %d fences; want %s (the first request's event), 1 send, 1 fence", got, room.sends[txn], room.fences, lostEvt)
	}
}

// TestSendFenceForbidden: a room that refuses the fence's event type (a
// tighter events_default) must not lose the answer: it is sent once, as
// before fences existed (rv17-dup review, finding 2).
func TestSendFenceForbidden(t *testing.T) {
	const roomID = id.RoomID("!announce:hs")
	txn := TxnID("$question", "reply", 0)
	sent := &fakeSentLog{rows: map[string]storage.SentEvent{}}
	_ = sent.BeginSend(t.Context(), txn, roomID.String(), time.Now()) // the killed process
	room := &fakeRoom{sends: map[string]int{}, fenceStatus: http.StatusForbidden}
	s := newFakeSender(t, room, sent)
	got, err := s.Send(t.Context(), roomID, event.EventMessage, &event.MessageEventContent{MsgType: event.MsgText, Body: "Antwort"}, txn)
	if err != nil {
		t.Fatalf("Send: %v; want the answer sent once", err)
	}
	room.mu.Lock()
	defer room.mu.Unlock()
	if got == "" || room.sends[txn] != 1 || room.fences != 1 {
		t.Fatalf("Send = %q with %d sends and %d fences; want an event, 1 send, 1 refused fence", got, room.sends[txn], room.fences)
	}
}

// TestOwnTxnIDUndecryptable: one of Lotse's own events that cannot be
// decrypted (here: no crypto at all; in a running bot, a room key lost
// with a killed process's store) still completes its begun send through
// unsigned.transaction_id. A fence's ID and IDs that are not Lotse's are
// not taken; an unencrypted event's marker is (dup18, point 4).
func TestOwnTxnIDUndecryptable(t *testing.T) {
	s := &syncer{bot: &Bot{log: zerolog.Nop()}}
	txn := TxnID("$question", "reply", 0)
	encrypted := func(unsignedTxn string) *event.Event {
		return &event.Event{ID: "$own", Sender: "@lotse:hs", Type: event.EventEncrypted,
			Content:  event.Content{VeryRaw: []byte(`{"algorithm":"m.megolm.v1.aes-sha2","ciphertext":"AAAA"}`)},
			Unsigned: event.Unsigned{TransactionID: unsignedTxn}}
	}
	for _, c := range []struct {
		name string
		evt  *event.Event
		want string
	}{
		{"undecryptable with Lotse's transaction ID", encrypted(txn), txn},
		{"undecryptable fence", encrypted(fenceTxnPrefix + "00ff"), ""},
		{"undecryptable, another client's ID", encrypted("m1234.5"), ""},
		{"undecryptable without unsigned", encrypted(""), ""},
		{"unencrypted with the marker", &event.Event{ID: "$own", Sender: "@lotse:hs", Type: event.EventMessage,
			Content: event.Content{VeryRaw: []byte(`{"msgtype":"m.text","body":"x","` + TxnKey + `":"` + txn + `"}`)}}, txn},
	} {
		if got := s.ownTxnID(t.Context(), "!dm:hs", c.evt); got != c.want {
			t.Errorf("%s: ownTxnID = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestSendFenceReusedAcrossRetries: a fence that does not come back within
// MaxWait is not sent again by the item's retry, nor by another send in the
// room that waits at the same time: they wait for the one fence in flight.
// When it comes back at last, the next retry sends the answer at once
// (dup18, point 1; it used to send a fence per try).
func TestSendFenceReusedAcrossRetries(t *testing.T) {
	const roomID = id.RoomID("!dm:hs")
	a, b := TxnID("$q1", "reply", 0), TxnID("$q2", "reply", 0)
	sent := &fakeSentLog{rows: map[string]storage.SentEvent{}}
	for _, txn := range []string{a, b} { // the killed process
		_ = sent.BeginSend(t.Context(), txn, roomID.String(), time.Now())
	}
	room := &fakeRoom{sends: map[string]int{}}
	fences := make(chan id.EventID, 10)
	room.onFence = func(fence id.EventID) { fences <- fence }
	s := newFakeSender(t, room, sent)
	s.MaxWait = 300 * time.Millisecond
	content := &event.MessageEventContent{MsgType: event.MsgText, Body: "Antwort"}
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, txn := range []string{a, b} { // two sends in the room at once
		wg.Go(func() { _, errs[i] = s.Send(t.Context(), roomID, event.EventMessage, content, txn) })
	}
	wg.Wait()
	if _, err := s.Send(t.Context(), roomID, event.EventMessage, content, a); err == nil || errs[0] == nil || errs[1] == nil { // the retry
		t.Fatalf("sends settled without the fence: %v, %v, %v", errs[0], errs[1], err)
	}
	s.seenMu.Lock()
	f := s.fences[roomID]
	s.seenMu.Unlock()
	if f == nil {
		t.Fatal("no fence in flight after the waits ended")
	}
	s.observe([]id.EventID{<-fences}) // the sync brings the fence at last
	<-f.done                          // it settles the room (not bounded by a busy machine's 300 ms)
	if _, err := s.Send(t.Context(), roomID, event.EventMessage, content, a); err != nil {
		t.Fatal(err)
	}
	room.mu.Lock()
	defer room.mu.Unlock()
	if room.fences != 1 || room.sends[a] != 1 || room.sends[b] != 0 {
		t.Fatalf("%d fences, %d and %d sends; want 1 fence for all tries, 1 send of the retried answer, 0 of the other", room.fences, room.sends[a], room.sends[b])
	}
}

// TestSendFenceWaitEndsWithSync: a send waiting for a fence returns as soon
// as the sync stops (shutdown) instead of waiting out MaxWait or the work
// deadline; the send stays open, and no fence goes out until the sync runs
// again (dup18, point 1).
func TestSendFenceWaitEndsWithSync(t *testing.T) {
	const roomID = id.RoomID("!dm:hs")
	txn := TxnID("$question", "reply", 0)
	sent := &fakeSentLog{rows: map[string]storage.SentEvent{}}
	_ = sent.BeginSend(t.Context(), txn, roomID.String(), time.Now()) // the killed process
	room := &fakeRoom{sends: map[string]int{}}
	s := newFakeSender(t, room, sent)
	s.MaxWait = time.Minute
	s.waiting = func(id.EventID) { go s.syncStopped() } // the sync stops while the fence is out
	content := &event.MessageEventContent{MsgType: event.MsgText, Body: "Antwort"}
	// It ends with the sync's stop, not MaxWait's timeout.
	if _, err := s.Send(t.Context(), roomID, event.EventMessage, content, txn); !errors.Is(err, errSyncStopped) {
		t.Fatalf("Send = %v; want %v when the sync stops", err, errSyncStopped)
	}
	if _, err := s.Send(t.Context(), roomID, event.EventMessage, content, txn); !errors.Is(err, errSyncStopped) {
		t.Fatalf("Send after the sync stopped = %v; want %v without a fence", err, errSyncStopped)
	}
	room.mu.Lock()
	defer room.mu.Unlock()
	if room.fences != 1 || room.sends[txn] != 0 {
		t.Fatalf("%d fences, %d sends; want 1 fence, no send", room.fences, room.sends[txn])
	}
	if open, _ := sent.OpenSends(t.Context(), time.Time{}); len(open) != 1 {
		t.Errorf("open sends = %v; want the send still open", open)
	}
}

// TestSendFenceSentBeforeOpenDoesNotSettle: a fence settles only the sends
// whose request ended before it went out. A send whose response is lost
// while another send's fence is in flight in the room waits for that fence
// and then for one of its own; joining the earlier fence would have sent
// it again before its event came through the sync (dup18, point 1).
func TestSendFenceSentBeforeOpenDoesNotSettle(t *testing.T) {
	const roomID = id.RoomID("!dm:hs")
	a, b := TxnID("$q1", "reply", 0), TxnID("$q2", "reply", 0)
	sent := &fakeSentLog{rows: map[string]storage.SentEvent{}}
	_ = sent.BeginSend(t.Context(), a, roomID.String(), time.Now()) // the killed process
	room := &fakeRoom{sends: map[string]int{}, failFirst: http.StatusBadGateway, failOnly: b}
	fences := make(chan id.EventID, 10)
	room.onFence = func(fence id.EventID) { fences <- fence }
	lost := make(chan id.EventID, 1)
	room.onLost = func(evt id.EventID) { lost <- evt }
	s := newFakeSender(t, room, sent)
	content := &event.MessageEventContent{MsgType: event.MsgText, Body: "Antwort"}
	// b joins the fence in flight, which was sent before its request ended.
	bJoined := make(chan struct{})
	var joinOnce sync.Once
	s.joined = func(_ id.RoomID, covers, after uint64) {
		if after > covers {
			joinOnce.Do(func() { close(bJoined) })
		}
	}
	doneA, doneB := make(chan error, 1), make(chan id.EventID, 1)
	go func() { _, err := s.Send(t.Context(), roomID, event.EventMessage, content, a); doneA <- err }()
	first := <-fences // a's fence is out
	go func() {
		got, err := s.Send(t.Context(), roomID, event.EventMessage, content, b)
		if err != nil {
			t.Error(err)
		}
		doneB <- got
	}()
	lostB := <-lost                // b's request created its event; the response was lost
	<-bJoined                      // b waits for the first fence
	s.observe([]id.EventID{first}) // the first fence comes back, b's event not yet
	if err := <-doneA; err != nil {
		t.Fatal(err)
	}
	var second id.EventID
	select {
	case second = <-fences:
	case got := <-doneB:
		t.Fatalf("b = %s without a fence of its own: settled by the fence sent before its request ended", got)
	case <-t.Context().Done():
		t.Fatal("no second fence")
	}
	_ = sent.RecordSent(t.Context(), storage.SentEvent{TxnID: b, EventID: lostB.String(), RoomID: roomID.String(), SentAt: time.Now()})
	s.observe([]id.EventID{lostB, second})
	if got := <-doneB; got != lostB {
		t.Errorf("b sent as %s, want %s (its first request's event)", got, lostB)
	}
	room.mu.Lock()
	defer room.mu.Unlock()
	if room.fences != 2 || room.sends[a] != 1 || room.sends[b] != 1 {
		t.Fatalf("%d fences, %d and %d sends; want 2 fences, 1 send each", room.fences, room.sends[a], room.sends[b])
	}
}

// TestSendSettledRowNotLeftBegun: a fence that shows the open sends of a
// room made no event settles their rows — the one sent now is completed,
// another that is not sent again is no longer begun — and a row begun long
// ago is dropped at the start without a fence: none is listed again at
// every later start (dup18, point 2).
func TestSendSettledRowNotLeftBegun(t *testing.T) {
	const roomID = id.RoomID("!dm:hs")
	a, b, old := TxnID("$q1", "reply", 0), TxnID("$q2", "reply", 0), TxnID("$q0", "reply", 0)
	sent := &fakeSentLog{rows: map[string]storage.SentEvent{}}
	killed := time.Now().Add(-time.Second) // the killed process
	_ = sent.BeginSend(t.Context(), a, roomID.String(), killed)
	_ = sent.BeginSend(t.Context(), b, roomID.String(), killed)
	_ = sent.BeginSend(t.Context(), old, "!other:hs", killed.Add(-2*openSendMaxAge))
	room := &fakeRoom{sends: map[string]int{}}
	s := newFakeSender(t, room, sent)
	room.onFence = func(fence id.EventID) { go s.observe([]id.EventID{fence}) } // nothing came before it
	got, err := s.Send(t.Context(), roomID, event.EventMessage, &event.MessageEventContent{MsgType: event.MsgText, Body: "Antwort"}, a)
	if err != nil {
		t.Fatal(err)
	}
	if id, _ := sent.SentEventID(t.Context(), a); id != got.String() {
		t.Errorf("a recorded as %q, want %s", id, got)
	}
	if open, _ := sent.OpenSends(t.Context(), time.Time{}); len(open) != 0 {
		t.Errorf("sends still begun after the fence and the start: %v; want none", open)
	}
	room.mu.Lock()
	defer room.mu.Unlock()
	if room.fences != 1 || room.sends[a] != 1 {
		t.Fatalf("%d fences, %d sends; want 1 fence (none for the old send), 1 send", room.fences, room.sends[a])
	}
}

// TestSendRetryBegunAgainAfterFence: a try whose response is lost (a 502)
// is settled by a fence that shows it made no event; the fence settles its
// row (deleted), and the next try inside the same Send must be begun
// again: a kill during it would otherwise leave no open send, and the next
// start would send the answer again without a fence (dup18 review, H1).
func TestSendRetryBegunAgainAfterFence(t *testing.T) {
	const roomID = id.RoomID("!dm:hs")
	txn := TxnID("$question", "reply", 0)
	sent := &fakeSentLog{rows: map[string]storage.SentEvent{}}
	room := &fakeRoom{sends: map[string]int{}, failFirst: http.StatusBadGateway}
	s := newFakeSender(t, room, sent)
	var begun []bool // whether the row is begun as each try reaches the room
	room.onSend = func(txnID string) {
		sent.mu.Lock()
		se, ok := sent.rows[txnID]
		sent.mu.Unlock()
		begun = append(begun, ok && se.EventID == "")
	}
	room.onFence = func(fence id.EventID) { go s.observe([]id.EventID{fence}) } // the lost try's event never comes
	got, err := s.Send(t.Context(), roomID, event.EventMessage, &event.MessageEventContent{MsgType: event.MsgText, Body: "Antwort"}, txn)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(begun) != "[true true]" {
		t.Errorf("row begun at each try: %v; want [true true]", begun)
	}
	if id, _ := sent.SentEventID(t.Context(), txn); id != got.String() {
		t.Errorf("recorded %q, want %s", id, got)
	}
	room.mu.Lock()
	defer room.mu.Unlock()
	if room.fences != 1 || room.sends[txn] != 2 {
		t.Fatalf("%d fences, %d sends; want 1 fence, 2 tries", room.fences, room.sends[txn])
	}
}

// TestSendFenceInRoomOfEarlierSend: the killed process began the send in
// the member's old direct chat; this try goes to a new one (DirectRoom
// moved). The fence must go into the room the earlier request went to,
// whose late event it is to bring; a fence in the new room settles nothing
// there (dup18 review, M1).
func TestSendFenceInRoomOfEarlierSend(t *testing.T) {
	const oldRoom, newRoom = id.RoomID("!old-dm:hs"), id.RoomID("!new-dm:hs")
	txn := TxnID("$question", "reply", 0)
	sent := &fakeSentLog{rows: map[string]storage.SentEvent{}}
	_ = sent.BeginSend(t.Context(), txn, oldRoom.String(), time.Now()) // the killed process
	room := &fakeRoom{sends: map[string]int{}}
	s := newFakeSender(t, room, sent)
	room.onFence = func(fence id.EventID) { go s.observe([]id.EventID{fence}) }
	got, err := s.Send(t.Context(), newRoom, event.EventMessage, &event.MessageEventContent{MsgType: event.MsgText, Body: "Antwort"}, txn)
	if err != nil {
		t.Fatal(err)
	}
	if id, _ := sent.SentEventID(t.Context(), txn); id != got.String() {
		t.Errorf("recorded %q, want %s", id, got)
	}
	room.mu.Lock()
	defer room.mu.Unlock()
	if fmt.Sprint(room.fenceRooms) != fmt.Sprint([]id.RoomID{oldRoom}) || room.sends[txn] != 1 {
		t.Fatalf("fences in %v, %d sends; want 1 fence in %s (the earlier send's room), 1 send", room.fenceRooms, room.sends[txn], oldRoom)
	}
}

// TestSendFenceWaitStopNotLost: the room's fence in flight ends, too early
// for this send (it went out before the send became open), just as the
// send's wait ends (here its context; a MaxWait timeout alike). The wait
// must end there: going round again used up the timer's one tick (the
// wait could stretch to the fence's lifetime) and made a send that had
// given up start a new fence (dup18 review, L2).
func TestSendFenceWaitStopNotLost(t *testing.T) {
	const roomID = id.RoomID("!dm:hs")
	room := &fakeRoom{sends: map[string]int{}}
	s := newFakeSender(t, room, &fakeSentLog{rows: map[string]storage.SentEvent{}})
	early := &roomFence{covers: 0, done: make(chan struct{})} // sent before the send became open
	s.fences = map[id.RoomID]*roomFence{roomID: early}
	ctx, cancel := context.WithCancel(t.Context())
	cancel() // the send's wait is over
	joins := 0
	s.joined = func(id.RoomID, uint64, uint64) {
		joins++
		if joins == 1 { // the fence ends as the wait ends: both are ready
			s.seenMu.Lock()
			delete(s.fences, roomID)
			s.seenMu.Unlock()
			close(early.done)
		}
	}
	err := s.fence(ctx, roomID, 1)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("fence = %v; want the context's end", err)
	}
	if joins != 1 {
		t.Errorf("the send waited %d times; want once (no new fence after its wait ended)", joins)
	}
	s.syncStopped() // ends a fence started by mistake
	s.waitFences()  // and waits for it, before the fake homeserver closes
}

// TestFencesEndBeforeRunReturns: a fence still running when the sync stops
// (here: noting the rows it settled) is counted, and waitFences, which
// Bot.Run calls at its end, returns only after it ended: no fence
// goroutine outlives Run (dup18 review, L3).
func TestFencesEndBeforeRunReturns(t *testing.T) {
	const roomID = id.RoomID("!dm:hs")
	txn := TxnID("$question", "reply", 0)
	sent := &fakeSentLog{rows: map[string]storage.SentEvent{}}
	_ = sent.BeginSend(t.Context(), txn, roomID.String(), time.Now().Add(-time.Second)) // the killed process
	entered, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	sent.settling = func() {
		once.Do(func() { close(entered) })
		<-release
	}
	room := &fakeRoom{sends: map[string]int{}}
	s := newFakeSender(t, room, sent)
	room.onFence = func(fence id.EventID) { go s.observe([]id.EventID{fence}) }
	sendDone := make(chan error, 1)
	go func() {
		_, err := s.Send(t.Context(), roomID, event.EventMessage, &event.MessageEventContent{MsgType: event.MsgText, Body: "Antwort"}, txn)
		sendDone <- err
	}()
	<-entered // the fence came back and settles the room's open send
	s.seenMu.Lock()
	f, runs := s.fences[roomID], s.fenceRuns
	s.seenMu.Unlock()
	if runs != 1 || f == nil {
		t.Fatalf("%d fences counted as running (fence %v); want 1", runs, f)
	}
	s.syncStopped()
	waited := make(chan bool)
	go func() {
		s.waitFences()
		select {
		case <-f.done:
			waited <- true
		default:
			waited <- false // returned while the fence ran
		}
	}()
	close(release)
	if !<-waited {
		t.Error("waitFences returned before the fence ended")
	}
	<-sendDone
}

package bot_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/bot"
	"github.com/lotse-bot/lotse/internal/dendrite/dendritetest"
	"github.com/lotse-bot/lotse/storage"
)

// TestHistoryBeforeInviteNotAnswered: Lotse is invited into a group room
// that already has messages. Those are history, not questions to it: they
// are not handled. A message written after the invite and before Lotse
// joined is answered, once (sec20 review, Low 12). With a small timeline
// limit the first sync after the join is limited and the rest comes by
// backfill, which stops at the invite (the events it fetched are counted
// from its log line).
func TestHistoryBeforeInviteNotAnswered(t *testing.T) {
	srv := dendritetest.Shared()
	for _, limit := range []int{0, 3} {
		t.Run(fmt.Sprintf("timeline_limit=%d", limit), func(t *testing.T) {
			backfills := &backfillLog{}
			tb := newTestBot(t, srv, func(o *bot.Options) {
				o.TimelineLimit = limit
				o.Log = zerolog.New(io.MultiWriter(zerolog.NewTestWriter(t), backfills)).Level(zerolog.InfoLevel).With().Timestamp().Logger()
			})
			m := newMember(t, srv, "member")
			ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
			defer cancel()
			roomID, err := m.CreateRoom(ctx, "Arbeitsgruppe", false)
			if err != nil {
				t.Fatal(err)
			}
			old := sendTexts(t, m, roomID, 5, "vorher %d")
			// Lotse is down while it is invited and the member writes on:
			// the message after the invite is written before Lotse joins.
			tb.stop()
			before := tb.handler.calls.Load()
			if _, err := m.Cli.InviteUser(ctx, roomID, &mautrix.ReqInviteUser{UserID: tb.userID}); err != nil {
				t.Fatal(err)
			}
			after := sendTexts(t, m, roomID, 2, "nach der Einladung %d")
			tb.start()
			if err := m.WaitJoined(ctx, roomID, tb.userID); err != nil {
				t.Fatal(err)
			}
			answeredOnce(t, m, roomID, tb.userID, after...)
			for _, evtID := range old {
				if n := m.RepliesTo(roomID, tb.userID, evtID); n != 0 {
					t.Errorf("message %s from before the invite got %d answers", evtID, n)
				}
			}
			// Neither were they handed to the handler: the two after the
			// invite and the marker were (the join itself reaches the
			// inbox only in a lobby room).
			if got := tb.handler.calls.Load() - before; got != int64(len(after)+1) {
				t.Errorf("handler called %d times, want %d", got, len(after)+1)
			}
			// The backfill itself stopped at the invite: it fetched at
			// most the messages after it and the invite, none of the
			// history (which the cut at the invite would hide as well).
			fetched := backfills.fetched(t, roomID)
			if limit > 0 && len(fetched) == 0 {
				t.Error("no backfill ran: the limited timeline is not tested")
			}
			for _, n := range fetched {
				if n > len(after)+1 {
					t.Errorf("a backfill fetched %d events, want at most %d (it went past the invite)", n, len(after)+1)
				}
			}
		})
	}
}

// backfillLog records the bot's log lines to count the events each
// backfill fetched (the "Fetched events a limited sync left out" line).
type backfillLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *backfillLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

// fetched returns the number of events of each backfill of roomID so far.
func (l *backfillLog) fetched(t *testing.T, roomID id.RoomID) []int {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	var counts []int
	for _, line := range bytes.Split(l.buf.Bytes(), []byte("\n")) {
		var entry struct {
			Message string `json:"message"`
			RoomID  string `json:"room_id"`
			Events  int    `json:"events"`
		}
		if json.Unmarshal(line, &entry) == nil && entry.Message == "Fetched events a limited sync left out" && entry.RoomID == roomID.String() {
			counts = append(counts, entry.Events)
		}
	}
	return counts
}

// TestFirstDMMessageBeforeJoinAnswered: a member opens a direct chat and
// writes while Lotse has not joined yet (here: while it is down). The
// message comes after Lotse's invite: it is answered, once.
func TestFirstDMMessageBeforeJoinAnswered(t *testing.T) {
	srv := dendritetest.Shared()
	tb := newTestBot(t, srv, nil)
	m := newMember(t, srv, "member")
	tb.stop()
	roomID, err := m.OpenDM(t.Context(), tb.userID, true)
	if err != nil {
		t.Fatal(err)
	}
	first := sendTexts(t, m, roomID, 1, "hallo, ich habe eine Frage %d")
	tb.start()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	if err := m.WaitJoined(ctx, roomID, tb.userID); err != nil {
		t.Fatal(err)
	}
	answeredOnce(t, m, roomID, tb.userID, first...)
}

// historyNotice is what the test's OnHistorySkipped sends.
const historyNotice = "Nachrichten von vor meiner Einladung lese ich nicht."

// TestHistoryBeforeInviteNoticed: a member makes a room alone, writes their
// question and only then invites Lotse. The message stays unanswered (it
// is history from before the invite), but the member is told so, once,
// instead of waiting for an answer that never comes. Not when they wrote
// nothing before the invite, and not in a group room (a third member in
// it): its earlier talk was perhaps not meant for Lotse at all. With a
// timeline limit of 3 the join's sync is limited and the invite comes by
// backfill (whose page also holds the message before the invite). The
// callback learns whether the room is their agreed direct chat (an invite
// with is_direct), where a plain resend is answered; after a plain invite
// it is not (mend23b).
func TestHistoryBeforeInviteNoticed(t *testing.T) {
	srv := dendritetest.Shared()
	for _, limit := range []int{0, 3} {
		t.Run(fmt.Sprintf("timeline_limit=%d", limit), func(t *testing.T) {
			var current atomic.Pointer[testBot]
			var mu sync.Mutex
			called := map[id.RoomID]int{}
			direct := map[id.RoomID]bool{}
			tb := newTestBot(t, srv, func(o *bot.Options) {
				o.TimelineLimit = limit
				o.OnHistorySkipped = func(ctx context.Context, h bot.HistorySkipped) error {
					mu.Lock()
					called[h.RoomID]++
					direct[h.RoomID] = h.Direct
					mu.Unlock()
					tb := current.Load()
					if tb == nil {
						return errors.New("test bot not ready")
					}
					content := &event.MessageEventContent{MsgType: event.MsgNotice, Body: historyNotice}
					_, err := tb.handler.b.Load().Sender().Send(ctx, h.RoomID, event.EventMessage, content, bot.TxnID(h.Invite, "history", 0))
					return err
				}
			})
			current.Store(tb)
			for _, tt := range []struct {
				name       string
				encrypted  bool
				before     int  // messages written before the invite
				after      int  // and after it, while Lotse is down
				third      bool // a third member in the room
				isDirect   bool // Lotse invited with is_direct: their direct chat
				wantNotice bool
			}{
				{"alone, wrote before", false, 2, 0, false, false, true},
				{"alone, encrypted, wrote before", true, 1, 0, false, false, true},
				{"alone, wrote before and after", false, 1, 3, false, false, true},
				{"alone, wrote before, invited as a direct chat", false, 1, 0, false, true, true},
				{"alone, wrote nothing before", false, 0, 0, false, false, false},
				{"group room, wrote before", false, 1, 0, true, false, false},
			} {
				t.Run(tt.name, func(t *testing.T) {
					ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
					defer cancel()
					m := newMember(t, srv, "member")
					roomID, err := m.CreateRoom(ctx, "", tt.encrypted)
					if err != nil {
						t.Fatal(err)
					}
					if tt.third {
						other := newMember(t, srv, "other")
						if _, err := m.Cli.InviteUser(ctx, roomID, &mautrix.ReqInviteUser{UserID: other.Cli.UserID}); err != nil {
							t.Fatal(err)
						}
						if _, err := other.Cli.JoinRoomByID(ctx, roomID); err != nil {
							t.Fatal(err)
						}
					}
					old := sendTexts(t, m, roomID, tt.before, "meine Frage %d")
					if tt.after > 0 {
						// Written before Lotse joins: the join's limited
						// sync leaves the invite to the backfill.
						tb.stop()
					}
					if tt.isDirect {
						// As a client marks a direct chat: is_direct in the invite.
						invite := &event.MemberEventContent{Membership: event.MembershipInvite, IsDirect: true}
						if _, err := m.Cli.SendStateEvent(ctx, roomID, event.StateMember, tb.userID.String(), invite); err != nil {
							t.Fatal(err)
						}
					} else if _, err := m.Cli.InviteUser(ctx, roomID, &mautrix.ReqInviteUser{UserID: tb.userID}); err != nil {
						t.Fatal(err)
					}
					after := sendTexts(t, m, roomID, tt.after, "nach der Einladung %d")
					if tt.after > 0 {
						tb.start()
					}
					if err := m.WaitJoined(ctx, roomID, tb.userID); err != nil {
						t.Fatal(err)
					}
					// The marker's answer comes after anything Lotse does
					// about the join: a room's events are handled in order.
					answeredOnce(t, m, roomID, tb.userID, after...)
					notices := 0
					for _, evt := range m.Received(roomID, tb.userID) {
						if mc := evt.Content.AsMessage(); mc != nil && mc.Body == historyNotice {
							notices++
						}
					}
					mu.Lock()
					calls, isDirect := called[roomID], direct[roomID]
					mu.Unlock()
					// Only a direct chat answers a plain resend; elsewhere the
					// notice has to ask for a mention (mend23b).
					if calls > 0 && isDirect != tt.isDirect {
						t.Errorf("told Direct=%v, want %v", isDirect, tt.isDirect)
					}
					want := 0
					if tt.wantNotice {
						want = 1
					}
					if notices != want || calls != want {
						t.Errorf("%d notices (%d calls), want %d", notices, calls, want)
					}
					for _, evtID := range old {
						if n := m.RepliesTo(roomID, tb.userID, evtID); n != 0 {
							t.Errorf("message %s from before the invite got %d answers", evtID, n)
						}
					}
				})
			}
		})
	}
}

// TestHistoryNoticeOncePerJoinAfterRetention: the inbox forgets handled
// events after inbox_retention. A later limited sync whose backfill finds
// no known event walks back to Lotse's old invite; the notice for the
// history before it was queued again (its inbox row pruned too), a second
// notice for one join (mend23b). Now only the join's own sync queues it.
func TestHistoryNoticeOncePerJoinAfterRetention(t *testing.T) {
	srv := dendritetest.Shared()
	var mu sync.Mutex
	called := map[id.RoomID]int{}
	tb := newTestBot(t, srv, func(o *bot.Options) {
		o.TimelineLimit = 3
		o.OnHistorySkipped = func(ctx context.Context, h bot.HistorySkipped) error {
			mu.Lock()
			called[h.RoomID]++
			mu.Unlock()
			return nil
		}
	})
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	m := newMember(t, srv, "member")
	roomID, err := m.CreateRoom(ctx, "", false)
	if err != nil {
		t.Fatal(err)
	}
	sendTexts(t, m, roomID, 1, "meine Frage %d")
	if _, err := m.Cli.InviteUser(ctx, roomID, &mautrix.ReqInviteUser{UserID: tb.userID}); err != nil {
		t.Fatal(err)
	}
	if err := m.WaitJoined(ctx, roomID, tb.userID); err != nil {
		t.Fatal(err)
	}
	answeredOnce(t, m, roomID, tb.userID)
	// A week later: the retention job has pruned the handled events.
	tb.stop()
	db, err := storage.Open(tb.dbPath, testLog(t))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Retention(ctx, storage.RetentionPolicy{Inbox: 7 * 24 * time.Hour}, time.Now().Add(8*24*time.Hour), false); err != nil {
		t.Fatal(err)
	}
	_ = db.Close()
	// More than the timeline limit while Lotse is down: a limited sync.
	later := sendTexts(t, m, roomID, 5, "eine Woche später %d")
	tb.start()
	for _, evtID := range later {
		waitReply(t, m, roomID, tb.userID, evtID)
	}
	mu.Lock()
	defer mu.Unlock()
	if called[roomID] != 1 {
		t.Errorf("told %d times about the history before one invite, want once", called[roomID])
	}
}

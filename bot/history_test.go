package bot_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/bot"
	"github.com/lotse-bot/lotse/internal/dendrite/dendritetest"
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

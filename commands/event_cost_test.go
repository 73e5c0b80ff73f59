package commands

import (
	"context"
	"fmt"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// The per-event cost benchmarks: what one incoming event of each kind
// costs the handler (SQLite in a temporary directory, the fake homeserver)
// and how many messages it sends, reported as sends/op. Figures go to
// docs/performance.md („Per-event work“), not into tests.

// handleOnce handles evt once, as the bot does: in the inbox first.
func (e *supportEnv) handleOnce(b *testing.B, evt *event.Event, direct bool) {
	item := storage.InboxItem{EventID: evt.ID.String(), RoomID: evt.RoomID.String(), Sender: evt.Sender.String(),
		EventType: evt.Type.Type, ReceivedAt: e.now, State: storage.InboxDone}
	if err := e.db.Inbox.Commit(context.Background(), []storage.InboxItem{item}, nil, ""); err != nil {
		b.Fatalf("inbox: %v", err)
	}
	e.fm.store(evt)
	if err := e.h.Handle(context.Background(), Message{Event: evt, Direct: direct}); err != nil {
		b.Fatalf("handle: %v", err)
	}
}

// benchEvents runs b.N events made by next (i counts from 0), after
// setup, and reports the messages sent per event.
func benchEvents(b *testing.B, setup func(e *supportEnv), next func(e *supportEnv, i int) (*event.Event, bool)) {
	e := newSupportEnv(b)
	e.reconfigure(func(d *Deps) { d.Paced = true })
	if setup != nil {
		setup(e)
	}
	before := e.fm.count()
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		evt, direct := next(e, i)
		e.handleOnce(b, evt, direct)
	}
	b.StopTimer()
	b.ReportMetric(float64(e.fm.count()-before)/float64(b.N), "sends/op")
}

func benchMsg(room id.RoomID, sender id.UserID, body string, mention bool, i int) *event.Event {
	c := &event.MessageEventContent{MsgType: event.MsgText, Body: body, Mentions: &event.Mentions{}}
	if mention {
		c.Body = "Lotse: " + body
		c.Mentions.UserIDs = []id.UserID{botID}
	}
	return &event.Event{ID: id.EventID(fmt.Sprintf("$bench%d", i)), RoomID: room, Sender: sender, Type: event.EventMessage, Content: event.Content{Parsed: c}}
}

const benchGroup = id.RoomID("!public:test")

// BenchmarkEventQuestionDM: a member's question in their direct chat,
// answered (the clock moves on by the pace, so none is refused).
func BenchmarkEventQuestionDM(b *testing.B) {
	benchEvents(b, nil, func(e *supportEnv, i int) (*event.Event, bool) {
		e.now = e.now.Add(paceEvery)
		return benchMsg(dmRoom, member, "Passwort vergessen", false, i), true
	})
}

// BenchmarkEventQuestionGroup: a mention with a question in a group room,
// answered in a thread.
func BenchmarkEventQuestionGroup(b *testing.B) {
	benchEvents(b, nil, func(e *supportEnv, i int) (*event.Event, bool) {
		e.now = e.now.Add(paceEvery)
		return benchMsg(benchGroup, outsider, "Passwort vergessen", true, i), false
	})
}

// BenchmarkEventPacedGroup: the same mention from a sender past the pace:
// not answered (one „zu schnell“ at the start, then nothing).
func BenchmarkEventPacedGroup(b *testing.B) {
	benchEvents(b, func(e *supportEnv) {
		for i := range paceBurst + 1 {
			e.handleOnce(b, benchMsg(benchGroup, outsider, "Passwort vergessen", true, -1-i), false)
		}
	}, func(e *supportEnv, i int) (*event.Event, bool) {
		return benchMsg(benchGroup, outsider, "Passwort vergessen", true, i), false
	})
}

// BenchmarkEventUnaddressedGroup: a message in a group room that is not
// for Lotse.
func BenchmarkEventUnaddressedGroup(b *testing.B) {
	benchEvents(b, nil, func(e *supportEnv, i int) (*event.Event, bool) {
		return benchMsg(benchGroup, outsider, "Wer kommt heute Abend?", false, i), false
	})
}

// BenchmarkEventCaseRelayClaimed: a member's message in their claimed
// case, relayed into the thread (the case's stored messages grow with
// b.N; the clock stands still, so past the burst no relay rings).
func BenchmarkEventCaseRelayClaimed(b *testing.B) {
	benchEvents(b, func(e *supportEnv) {
		e.openCase(b)
		e.say(b, teamRoom, alice, "!übernehmen 1", "")
	}, func(e *supportEnv, i int) (*event.Event, bool) {
		return benchMsg(dmRoom, member, fmt.Sprintf("Noch eine Zeile %d", i), false, i), true
	})
}

// BenchmarkEventReactionGroup: a 👍 in a group room on an event that is
// no answer of Lotse's.
func BenchmarkEventReactionGroup(b *testing.B) {
	benchEvents(b, nil, func(e *supportEnv, i int) (*event.Event, bool) {
		return &event.Event{ID: id.EventID(fmt.Sprintf("$bench%d", i)), RoomID: benchGroup, Sender: outsider, Type: event.EventReaction,
			Content: event.Content{Parsed: &event.ReactionEventContent{RelatesTo: event.RelatesTo{Type: event.RelAnnotation, EventID: "$someone", Key: "👍"}}}}, false
	})
}

// BenchmarkEventRedactionDM: a member's redaction in their direct chat of
// an event Lotse does not know.
func BenchmarkEventRedactionDM(b *testing.B) {
	benchEvents(b, nil, func(e *supportEnv, i int) (*event.Event, bool) {
		return &event.Event{ID: id.EventID(fmt.Sprintf("$bench%d", i)), RoomID: dmRoom, Sender: member, Type: event.EventRedaction,
			Redacts: id.EventID(fmt.Sprintf("$gone%d", i)), Content: event.Content{Parsed: &event.RedactionEventContent{}}}, true
	})
}

// BenchmarkEventEditUnknownDM: a member's edit in their direct chat of an
// event Lotse does not know.
func BenchmarkEventEditUnknownDM(b *testing.B) {
	benchEvents(b, nil, func(e *supportEnv, i int) (*event.Event, bool) {
		c := &event.MessageEventContent{MsgType: event.MsgText, Body: "* neu", NewContent: &event.MessageEventContent{MsgType: event.MsgText, Body: "neu"}}
		c.RelatesTo = (&event.RelatesTo{}).SetReplace(id.EventID(fmt.Sprintf("$gone%d", i)))
		return &event.Event{ID: id.EventID(fmt.Sprintf("$bench%d", i)), RoomID: dmRoom, Sender: member, Type: event.EventMessage, Content: event.Content{Parsed: c}}, true
	})
}

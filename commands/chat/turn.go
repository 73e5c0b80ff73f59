package chat

import (
	"context"

	"maunium.net/go/mautrix/event"
)

// Turn is the state of handling one event: where it came from, and the
// numbering of the messages sent in reply, so that each gets a stable
// transaction ID.
type Turn struct {
	Event *event.Event
	// Direct is true in a one-to-one room with the bot.
	Direct bool
	// Encrypted is true when the room is end-to-end encrypted.
	Encrypted bool
	// Err is the error a command returned (the runtime retries the event).
	Err error
	// Thread makes Reply answer a message in a group room in a thread on
	// it (m.thread with the reply as fallback for clients without
	// threads); the answer workflow sets it, so that answers do not fill
	// the room's timeline.
	Thread bool
	// Lang is the language ("de" or "en") of the frame of Lotse's replies
	// in this turn when the member writes in another language than the
	// install's (the answer workflow sets it from the message, or from the
	// member's last clear language; see answer.MessageLang); "" is the
	// install's. The support workflow's offer of a case follows it.
	Lang string
	// CaseLang is the language ("de", "en") of the member's case or offer
	// this turn is about, when the support workflow found one (case32:
	// what the member reads about their case is in the case's language).
	// The note that the member's message arrived and waits while the team
	// room is open to everyone (hold) is in it; "" falls back to Lang,
	// then the install's.
	CaseLang string

	seq int
}

// Next returns the next sequence number of a reply in this turn.
func (t *Turn) Next() int {
	n := t.seq
	t.seq++
	return n
}

type turnKey struct{}

// WithTurn returns ctx carrying t.
func WithTurn(ctx context.Context, t *Turn) context.Context {
	return context.WithValue(ctx, turnKey{}, t)
}

// TurnOf returns the turn being handled, or nil outside of an event.
func TurnOf(ctx context.Context) *Turn {
	t, _ := ctx.Value(turnKey{}).(*Turn)
	return t
}

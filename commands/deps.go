// Package commands is what members can do with Lotse: ask questions, search
// and list guides, get help. It declares what it needs from the Matrix
// runtime as interfaces (Matrix) and never imports bot/.
package commands

import (
	"context"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/storage"
)

// Matrix is what commands need from the Matrix runtime. Every send carries a
// transaction ID derived from the event being handled, so handling the same
// event twice never sends twice.
type Matrix interface {
	UserID() id.UserID
	Send(ctx context.Context, roomID id.RoomID, evtType event.Type, content any, txnID string) (id.EventID, error)
}

// GuideSource gives the current guide library (it may be reloaded at any time).
type GuideSource interface {
	Current() *guides.Library
}

// Deps are the dependencies of the command handlers.
type Deps struct {
	Matrix Matrix
	Guides GuideSource
	DB     *storage.DB
	Texts  *Texts
	Log    zerolog.Logger
	// Now is the clock (default time.Now).
	Now func() time.Time
	// ChoiceTTL is how long a "Meintest du …?" offer stays valid.
	ChoiceTTL time.Duration
	// GuideURL returns the web address of a guide, or "" (optional).
	GuideURL func(guideID string) string
	// TxnID derives a transaction ID from the event being handled.
	TxnID func(cause id.EventID, purpose string, n int) string
}

// Message is an incoming event as the runtime hands it over.
type Message struct {
	Event *event.Event
	// Direct is true in a one-to-one room with the bot.
	Direct bool
	// Encrypted is true when the room is end-to-end encrypted.
	Encrypted bool
}

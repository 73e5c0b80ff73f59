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
	// IsJoined reports whether user is a joined member of roomID (from the state store).
	IsJoined(ctx context.Context, roomID id.RoomID, user id.UserID) (bool, error)
	// DisplayName is user's display name in roomID, or the user ID.
	DisplayName(ctx context.Context, roomID id.RoomID, user id.UserID) string
	// IsEncrypted reports whether roomID is end-to-end encrypted.
	IsEncrypted(ctx context.Context, roomID id.RoomID) (bool, error)
	// Download fetches media (still encrypted, if it was).
	Download(ctx context.Context, uri id.ContentURIString) ([]byte, error)
	// Upload stores media and returns its mxc:// URI.
	Upload(ctx context.Context, data []byte, mimeType string) (id.ContentURIString, error)
}

// Support configures support cases. They are off while TeamRoom is empty.
type Support struct {
	// TeamRoom is the (encrypted) room of the digital team; its joined
	// members are the team.
	TeamRoom id.RoomID
	// Anonymous hides the team member's name in answers to members.
	Anonymous bool
	// ReplyPrefix, when set, also sends a thread message starting with it
	// to the member (besides !antwort).
	ReplyPrefix string
	// ReopenWindow is how long a member's message reopens a resolved case.
	ReopenWindow time.Duration
	// UnclaimedAfter: an unclaimed case pings the team room after this long.
	UnclaimedAfter time.Duration
	// StaleAfter: a claimed case without activity pings its assignee after this long.
	StaleAfter time.Duration
	// DigestHour is the local hour of the digest (-1: no digest);
	// DigestWeekday limits it to one weekday (-1: daily).
	DigestHour, DigestWeekday int
	// QuietFrom and QuietTo are local hours without reminders (equal: none).
	QuietFrom, QuietTo int
	// Location is the time zone of quiet hours, digests and dates (Europe/Berlin).
	Location *time.Location
	// Retention is how long resolved and closed cases are kept.
	Retention time.Duration
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
	// Support configures support cases.
	Support Support
	// Observer, if set, counts what happens (metrics). Handling an event
	// again after a crash may count its question again; case changes are
	// counted only when the database state changed.
	Observer Observer
}

// Observer receives counts from the command handlers. Implementations must
// be cheap and safe for concurrent use (metrics.Metrics is one).
type Observer interface {
	// Question counts an answered question: "confident", "choice" or "no_guide".
	Question(outcome string)
	// Case counts a support case change: "opened", "claimed" or "resolved".
	Case(change string)
	// Reminder counts a reminder or digest sent to the team, by kind.
	Reminder(kind string)
}

// nopObserver is used when Deps.Observer is nil.
type nopObserver struct{}

func (nopObserver) Question(string) {}
func (nopObserver) Case(string)     {}
func (nopObserver) Reminder(string) {}

// Message is an incoming event as the runtime hands it over.
type Message struct {
	Event *event.Event
	// Direct is true in a one-to-one room with the bot.
	Direct bool
	// Encrypted is true when the room is end-to-end encrypted.
	Encrypted bool
}

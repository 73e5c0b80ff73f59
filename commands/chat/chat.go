// Package chat is what every workflow of Lotse shares: the Turn (the event
// being handled), replies and sends with transaction IDs, the Command and
// Reaction declarations whose Role is enforced here and nowhere else,
// escaping and rendering, date layouts and plurals. It declares what it
// needs from the Matrix runtime as interfaces and never imports bot/ or a
// workflow.
package chat

import (
	"context"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/storage"
)

// Matrix is what workflows need from the Matrix runtime. Every send carries
// a transaction ID derived from the event being handled, so handling the
// same event twice never sends twice.
type Matrix interface {
	UserID() id.UserID
	Send(ctx context.Context, roomID id.RoomID, evtType event.Type, content any, txnID string) (id.EventID, error)
	// IsJoined reports whether user is a joined member of roomID (from the state store).
	IsJoined(ctx context.Context, roomID id.RoomID, user id.UserID) (bool, error)
	// DirectMember is the member roomID is Lotse's direct chat with (two
	// in the room, Lotse and them, the room agreed on with them —
	// bot/direct.go), or "" when it is not one (any longer).
	DirectMember(ctx context.Context, roomID id.RoomID) (id.UserID, error)
	// DisplayName is user's display name in roomID, or the user ID.
	DisplayName(ctx context.Context, roomID id.RoomID, user id.UserID) string
	// IsEncrypted reports whether roomID is end-to-end encrypted.
	IsEncrypted(ctx context.Context, roomID id.RoomID) (bool, error)
	// Download fetches media (still encrypted, if it was).
	Download(ctx context.Context, uri id.ContentURIString) ([]byte, error)
	// Upload stores media and returns its mxc:// URI.
	Upload(ctx context.Context, data []byte, mimeType string) (id.ContentURIString, error)
	// DirectRoom returns the bot's direct chat with user, opening one
	// (encrypted, recorded, idempotent across crashes) if there is none.
	DirectRoom(ctx context.Context, user id.UserID) (id.RoomID, error)
	// Redact removes the content of one of the bot's events; redacting an
	// event twice is harmless.
	Redact(ctx context.Context, roomID id.RoomID, eventID id.EventID, reason, txnID string) error
	// FetchMessage fetches the message eventID of roomID from the
	// homeserver, decrypted if it is encrypted; an error if it is gone,
	// not in roomID, not a message or cannot be decrypted. The caller
	// checks its sender.
	FetchMessage(ctx context.Context, roomID id.RoomID, eventID id.EventID) (*event.Event, error)
}

// MembershipReader is what a Matrix runtime may offer (bot.Bot does,
// through cmd/lotse's adapter): user's membership in roomID as the state
// store holds it (join, invite, leave, ban, knock; leave for someone never
// in the room), and for a leave or a knock, who removed them when the
// homeserver names someone else than user (a kick, also one before their
// own knock; "" when they left themselves or never were in the room). Only IsJoined is part of Matrix, so that every test
// double need not know the rest; MembershipOf reads it.
type MembershipReader interface {
	Membership(ctx context.Context, roomID id.RoomID, user id.UserID) (ms event.Membership, by id.UserID, err error)
}

// MembershipOf is user's membership in roomID and, for a leave, who
// removed them (MembershipReader): from m's MembershipReader when it
// offers one, else join or leave from IsJoined (a runtime that cannot
// tell a ban from a leave reports leave, by nobody). With an error the
// membership is "", or leave when only who made the leave is unknown.
func MembershipOf(ctx context.Context, m Matrix, roomID id.RoomID, user id.UserID) (event.Membership, id.UserID, error) {
	if r, ok := m.(MembershipReader); ok {
		return r.Membership(ctx, roomID, user)
	}
	joined, err := m.IsJoined(ctx, roomID, user)
	switch {
	case err != nil:
		return "", "", err
	case !joined:
		return event.MembershipLeave, "", nil
	}
	return event.MembershipJoin, "", nil
}

// RoomAdmin is what roles and onboarding need beyond sending: invites,
// kicks and opening a DM. bot.Bot implements it.
type RoomAdmin interface {
	Invite(ctx context.Context, roomID id.RoomID, user id.UserID, reason string) error
	Kick(ctx context.Context, roomID id.RoomID, user id.UserID, reason string) error
	// OpenDM returns the direct chat with user, creating it if needed.
	OpenDM(ctx context.Context, user id.UserID) (id.RoomID, error)
}

// GuideSource gives the current guide library (it may be reloaded at any time).
type GuideSource interface {
	Current() *guides.Library
}

// Observer receives counts from the workflows. Implementations must be
// cheap and safe for concurrent use (metrics.Metrics is one).
type Observer interface {
	// Question counts an answered question: "confident", "choice",
	// "rescued_choice" (a choice offered on weak evidence instead of "no
	// guide"), "no_guide" or "vague" (Lotse asked back what exactly
	// fails); the values of metrics.Question*.
	Question(outcome string)
	// Case counts a support case change: "opened", "claimed" or "resolved".
	Case(change string)
	// FirstResponse records the time from opening a case to the team's
	// first answer to the member.
	FirstResponse(d time.Duration)
	// Reminder counts a reminder or digest sent to the team, by kind.
	Reminder(kind string)
	// ProvisioningJob counts a provisioning attempt by outcome:
	// "done", "retry" or "failed".
	ProvisioningJob(outcome string)
}

// NopObserver counts nothing; it is used when no Observer is given.
type NopObserver struct{}

// Question does nothing.
func (NopObserver) Question(string) {}

// Case does nothing.
func (NopObserver) Case(string) {}

// FirstResponse does nothing.
func (NopObserver) FirstResponse(time.Duration) {}

// Reminder does nothing.
func (NopObserver) Reminder(string) {}

// ProvisioningJob does nothing.
func (NopObserver) ProvisioningJob(string) {}

// Env is what every workflow is built on: the Matrix runtime, the store,
// the clock, the language and the transaction IDs.
type Env struct {
	Matrix Matrix
	Guides GuideSource
	DB     *storage.DB
	Log    zerolog.Logger
	// Lang is the language of the texts ("de" or "en").
	Lang string
	// Now is the clock (default time.Now).
	Now func() time.Time
	// TxnID derives a transaction ID from the event being handled.
	TxnID func(cause id.EventID, purpose string, n int) string
	// GuideURL returns the web address of a guide, or "" (optional).
	GuideURL func(guideID string) string
	// Observer counts what happens (default: nothing).
	Observer Observer
	// Rooms invites and removes people and opens DMs; nil: Lotse only
	// tells people what to do by hand.
	Rooms RoomAdmin
	// Location is the time zone of dates shown to people (default UTC).
	Location *time.Location
	// ChoiceTTL is how long a pending question to a member (an offer, a
	// dialogue step) stays valid (default 30 minutes).
	ChoiceTTL time.Duration
	// Features are the workflows that are switched on: a text never
	// advertises one that is off.
	Features Features
	// Contact is the configured fallback contact, one sentence telling
	// members whom to reach when Lotse cannot help ("": the default of
	// the language, see FallbackContact).
	Contact string

	// rings is whom a reply in a group room rang, and when (ringLog; set
	// by WithDefaults, shared by the Env's copies).
	rings *ringLog
}

// Features says which workflows are switched on in this deployment.
type Features struct {
	// Cases: support cases (a team room is configured).
	Cases bool
	// Nextcloud and BBB: access requests for a Nextcloud account or a
	// BigBlueButton room (an approvals room and the integration are
	// configured).
	Nextcloud, BBB bool
	// RoundTables: round tables (coordinators or announcement rooms).
	RoundTables bool
}

// Access reports whether any kind of access request is on.
func (f Features) Access() bool { return f.Nextcloud || f.BBB }

// Names returns the names of the features switched on, as guides require
// them, sorted as [guides.FeatureNames].
func (f Features) Names() []string {
	var on []string
	for _, n := range []struct {
		name string
		on   bool
	}{{guides.FeatureBBB, f.BBB}, {guides.FeatureCases, f.Cases}, {guides.FeatureNextcloud, f.Nextcloud}, {guides.FeatureRoundTables, f.RoundTables}} {
		if n.on {
			on = append(on, n.name)
		}
	}
	return on
}

// defaultContact is the fallback contact when none is configured.
var defaultContact = map[string]string{
	"de": "Wende dich bitte an die Geschäftsstelle deines Verbands.",
	"en": "Please turn to your association's office.",
}

// DefaultContact is the fallback contact of lang (German by default) when
// none is configured: the one sentence the chat (FallbackContact) and the
// answer decision's texts (answer.Texts.DefaultContact, which `lotse ask`
// shows) both use.
func DefaultContact(lang string) string { return inLang(defaultContact, lang) }

// FallbackContact is the sentence naming whom to reach when Lotse cannot
// help: the configured contact, or a general pointer to the office.
func (e *Env) FallbackContact() string {
	if e.Contact != "" {
		return e.Contact
	}
	return DefaultContact(e.Lang)
}

// WithDefaults fills the defaults of unset fields. A default is written
// here once.
func (e Env) WithDefaults() Env {
	if e.Now == nil {
		e.Now = time.Now
	}
	if e.Observer == nil {
		e.Observer = NopObserver{}
	}
	if e.ChoiceTTL <= 0 {
		e.ChoiceTTL = 30 * time.Minute
	}
	if e.Location == nil {
		e.Location = time.UTC
	}
	if e.Lang == "" {
		e.Lang = "de"
	}
	if e.GuideURL == nil {
		e.GuideURL = func(string) string { return "" }
	}
	if e.rings == nil {
		e.rings = newRingLog()
	}
	e.Matrix = wrapEnvMatrix(e.Matrix, e.Lang, e.TxnID)
	return e
}

// Every calls tick at once and then every interval until ctx ends. A
// failing tick is logged with msg and tried again at the next interval.
func (e *Env) Every(ctx context.Context, interval time.Duration, msg string, tick func(ctx context.Context, now time.Time) error) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if err := tick(ctx, e.Now()); err != nil && ctx.Err() == nil {
			zerolog.Ctx(ctx).Warn().Err(err).Msg(msg)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// TextsFor picks the catalogue of lang: English for "en", else German.
func TextsFor[T any](lang string, german, english *T) *T {
	if lang == "en" {
		return english
	}
	return german
}

// inLang is m's entry for lang, German ("de") when m has none: the small
// texts kept as a map per language (DefaultContact, CutMarker, the hold's
// notices) fall back as TextsFor does.
func inLang[T any](m map[string]T, lang string) T {
	if v, ok := m[lang]; ok {
		return v
	}
	return m["de"]
}

// Presence is what a Matrix runtime may offer to show that Lotse is at
// work: typing notifications and read receipts. It is optional (checked on
// Matrix); without it nothing is shown.
type Presence interface {
	Typing(ctx context.Context, roomID id.RoomID, typing bool) error
	MarkRead(ctx context.Context, roomID id.RoomID, eventID id.EventID) error
}

// Working marks the message of the turn in ctx as read and shows Lotse
// typing in its room until the returned function is called. Failures only
// log: they must never keep a member from the answer.
func (e *Env) Working(ctx context.Context) (done func()) {
	p, ok := e.Matrix.(Presence)
	t := TurnOf(ctx)
	if !ok || t == nil || t.Event == nil {
		return func() {}
	}
	room := t.Event.RoomID
	log := zerolog.Ctx(ctx)
	if err := p.MarkRead(ctx, room, t.Event.ID); err != nil {
		log.Debug().Err(err).Msg("No read receipt")
	}
	if err := p.Typing(ctx, room, true); err != nil {
		log.Debug().Err(err).Msg("No typing notification")
		return func() {}
	}
	return func() {
		// Stop even when ctx ended (shutdown): a stale "typing …" would
		// linger for the timeout.
		stop, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if err := p.Typing(stop, room, false); err != nil {
			log.Debug().Err(err).Msg("Failed to stop the typing notification")
		}
	}
}

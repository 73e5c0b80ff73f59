// Package commands is the router and the registry of Lotse: it turns an
// inbox event into a chat.Turn and hands it to the workflow it belongs to
// (support, access, roundtable, privacy, people — one package each), and it
// lists every command, from which !hilfe is generated. It still holds the
// answer workflow (questions, guides, feedback) until that moves to its own
// package. It declares what it needs from the Matrix runtime as interfaces
// (package chat) and never imports bot/.
package commands

import (
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/access"
	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/commands/gaps"
	"github.com/lotse-bot/lotse/commands/guidedraft"
	"github.com/lotse-bot/lotse/commands/learn"
	"github.com/lotse-bot/lotse/commands/people"
	"github.com/lotse-bot/lotse/commands/privacy"
	"github.com/lotse-bot/lotse/commands/roundtable"
	"github.com/lotse-bot/lotse/commands/support"
	"github.com/lotse-bot/lotse/storage"
)

// Matrix is what the workflows need from the Matrix runtime (chat.Matrix).
type Matrix = chat.Matrix

// Meetings is roundtable.Meetings.
type Meetings = roundtable.Meetings

// RoundTables configures round tables (roundtable.Config).
type RoundTables = roundtable.Config

// Support configures support cases (support.Config).
type Support = support.Config

// Access configures access requests (access.Config).
type Access = access.Config

// NextcloudProvisioner is access.NextcloudProvisioner.
type NextcloudProvisioner = access.NextcloudProvisioner

// BBBRooms is access.BBBRooms.
type BBBRooms = access.BBBRooms

// GuideSource gives the current guide library (chat.GuideSource).
type GuideSource = chat.GuideSource

// Deps are the dependencies of the command handlers.
type Deps struct {
	Matrix Matrix
	Guides GuideSource
	DB     *storage.DB
	Texts  *Texts
	Log    zerolog.Logger
	// Now is the clock (default time.Now).
	Now func() time.Time
	// Paced bounds what one sender, one other server and all other
	// servers together have answered (paceGate, commands/pace.go).
	// cmd/lotse turns it on; a test that does not test the bound leaves
	// it off, so that a long session at a fixed clock is answered
	// throughout.
	Paced bool
	// PacedServers are other servers whose senders are paced per sender
	// only, as those of Lotse's own server: the servers the admin trusts
	// (named in allowed_inviters, as for the invites' join budget).
	PacedServers []string
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
	// RoundTables configures round tables.
	RoundTables RoundTables
	// Access configures access requests.
	Access Access
	// Roles configures roles and the team privacy gate.
	Roles Roles
	// Onboarding configures the welcome and the checklist.
	Onboarding Onboarding
	// Privacy configures retention (the dry-run and the jobs).
	Privacy Privacy
	// Rooms invites and removes people and opens DMs; nil: Lotse only
	// tells the approvers what to do by hand.
	Rooms RoomAdmin
	// GuideDraft configures guide drafts from resolved cases (the team
	// room and role come from Support).
	GuideDraft GuideDraft
	// Learn configures learning from resolved cases (the team room and
	// role come from Support); off without a Library.
	Learn Learn
	// FallbackContact is one sentence naming whom to reach when Lotse
	// cannot help (config fallback_contact); "": a general pointer.
	FallbackContact string
	// Gaps configures keeping unanswered questions and the team's weekly
	// digest of them (TeamRoom and Private are filled in from Support and
	// Access).
	Gaps Gaps
}

// Gaps configures unanswered questions and their digest (gaps.Config).
type Gaps = gaps.Config

// GuideDraft configures guide drafts (guidedraft.Config; its team room and
// role are those of Support).
type GuideDraft = guidedraft.Config

// Learn configures learning from cases (learn.Config).
type Learn = learn.Config

// Roles configures roles (people.Roles).
type Roles = people.Roles

// Onboarding configures the welcome and the checklist (people.Onboarding).
type Onboarding = people.Onboarding

// Privacy configures data retention (privacy.Config).
type Privacy = privacy.Config

// RoomAdmin invites, removes and opens DMs (chat.RoomAdmin).
type RoomAdmin = chat.RoomAdmin

// Observer receives counts from the workflows (chat.Observer).
type Observer = chat.Observer

// Message is an incoming event as the runtime hands it over.
type Message struct {
	Event *event.Event
	// Direct is true in a one-to-one room with the bot.
	Direct bool
	// Encrypted is true when the room is end-to-end encrypted.
	Encrypted bool
}

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
	"github.com/lotse-bot/lotse/integrations/bbb"
	"github.com/lotse-bot/lotse/integrations/nextcloud"
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
	// DirectRoom returns the bot's direct chat with user, opening one
	// (encrypted, recorded, idempotent across crashes) if there is none.
	DirectRoom(ctx context.Context, user id.UserID) (id.RoomID, error)
	// Redact removes the content of one of the bot's events; redacting an
	// event twice is harmless.
	Redact(ctx context.Context, roomID id.RoomID, eventID id.EventID, reason, txnID string) error
}

// Meetings is the BigBlueButton API as round tables need it (*bbb.Client).
type Meetings interface {
	Create(ctx context.Context, req bbb.CreateRequest) (*bbb.CreateResponse, error)
	JoinURL(req bbb.JoinRequest) (string, error)
	GetMeetingInfo(ctx context.Context, meetingID string) (*bbb.MeetingInfo, error)
}

// RoundTables configures round tables. They are off while Coordinators is empty.
type RoundTables struct {
	// Coordinators may announce and change round tables.
	Coordinators []id.UserID
	// Rooms are the default announcement rooms.
	Rooms []id.RoomID
	// Reminders are the offsets before start at which attendees are
	// reminded (default 24h and 15m); the last one always carries the link.
	Reminders []time.Duration
	// MeetingLead is how long before start the BBB meeting is created (default 10m).
	MeetingLead time.Duration
	// Location is the time zone of dates (Europe/Berlin).
	Location *time.Location
	// Meetings creates BBB meetings and join links; nil: no links.
	Meetings Meetings
	// UIDDomain is the domain part of iCalendar UIDs (the bot's server name).
	UIDDomain string
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
}

// Access configures access requests (Nextcloud accounts and groups, BBB
// rooms). They are off while ApprovalsRoom is empty.
type Access struct {
	// ApprovalsRoom is the (encrypted) room where requests are shown and decided.
	ApprovalsRoom id.RoomID
	// Approvers may approve and deny. Empty: the joined members of ApprovalsRoom.
	Approvers []id.UserID
	// NextcloudGroups are the groups members may ask for (AGs, Bezirke).
	NextcloudGroups []string
	// TwoApprovers lists groups and rooms that need two different approvers.
	TwoApprovers []string
	// Nextcloud provisions accounts; nil: Nextcloud requests are off.
	Nextcloud NextcloudProvisioner
	// NextcloudQuota and NextcloudLanguage are used for new accounts.
	NextcloudQuota, NextcloudLanguage string
	// NextcloudGuide is the guide ID sent as the next step (e.g. nextcloud/erste-anmeldung.md).
	NextcloudGuide string
	// BBB opens persistent rooms; nil: BBB requests are off.
	BBB BBBRooms
	// BBBWelcome is the welcome text of rooms (BBB's limited HTML; our config).
	BBBWelcome string
	// BBBGuide is the guide ID sent with a room link.
	BBBGuide string
	// MaxAttempts is how often a retryable provisioning failure is tried
	// before the request counts as failed; NotifyAfter failures the
	// approvers are told (Lotse keeps trying).
	MaxAttempts, NotifyAfter int
	// Backoff is the first retry delay; it doubles up to an hour.
	Backoff time.Duration
	// PollInterval is how often the provisioning worker looks for due jobs.
	PollInterval time.Duration
}

// NextcloudProvisioner is the idempotent provisioning step of the Nextcloud
// client (*nextcloud.Client).
type NextcloudProvisioner interface {
	EnsureMember(ctx context.Context, req nextcloud.EnsureRequest) (nextcloud.EnsureResult, error)
}

// BBBRooms is what access requests need from the BBB client (*bbb.Client).
type BBBRooms interface {
	Create(ctx context.Context, req bbb.CreateRequest) (*bbb.CreateResponse, error)
	JoinURL(req bbb.JoinRequest) (string, error)
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
}

// Roles configures roles. Approvers, coordinators and the team are stored
// in the database and managed in chat; admins only come from the config.
type Roles struct {
	// Admins may grant every role and record declarations and trainings.
	Admins []id.UserID
	// TrainingRequired: the team role also needs a data-protection training.
	TrainingRequired bool
	// TrainingValidity is how long a training counts (default 12 months).
	TrainingValidity time.Duration
	// TrainingRemindBefore: the person and the coordinators are reminded
	// this long before the training expires (default 30 days).
	TrainingRemindBefore time.Duration
}

// Onboarding configures the welcome DM and the checklist.
type Onboarding struct {
	// Welcome sends one welcome DM to members who join a lobby room or
	// write to Lotse for the first time.
	Welcome bool
	// LobbyRooms are the rooms (or spaces) whose joins trigger the welcome.
	LobbyRooms []id.RoomID
	// WelcomeText replaces the built-in welcome (Markdown, our own text).
	WelcomeText string
	// ReminderAfter: one reminder when the checklist is unfinished this
	// long after the welcome (0: none).
	ReminderAfter time.Duration
}

// Privacy configures data retention.
type Privacy struct {
	Retention storage.RetentionPolicy
}

// RoomAdmin is what roles and onboarding need beyond sending: invites,
// kicks and opening a DM. bot.Bot implements it.
type RoomAdmin interface {
	Invite(ctx context.Context, roomID id.RoomID, user id.UserID, reason string) error
	Kick(ctx context.Context, roomID id.RoomID, user id.UserID, reason string) error
	// OpenDM returns the direct chat with user, creating it if needed.
	OpenDM(ctx context.Context, user id.UserID) (id.RoomID, error)
}

// Observer receives counts from the command handlers. Implementations must
// be cheap and safe for concurrent use (metrics.Metrics is one).
type Observer interface {
	// Question counts an answered question: "confident", "choice" or "no_guide".
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

// nopObserver is used when Deps.Observer is nil.
type nopObserver struct{}

func (nopObserver) Question(string) {}
func (nopObserver) Case(string)     {}

func (nopObserver) FirstResponse(time.Duration) {}
func (nopObserver) Reminder(string)             {}

func (nopObserver) ProvisioningJob(string) {}

// Message is an incoming event as the runtime hands it over.
type Message struct {
	Event *event.Event
	// Direct is true in a one-to-one room with the bot.
	Direct bool
	// Encrypted is true when the room is end-to-end encrypted.
	Encrypted bool
}

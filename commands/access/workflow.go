// Package access is the access-request workflow: members ask for a
// Nextcloud account or group or a BigBlueButton room in their DM,
// approvers decide in the approvals room (by command or ✅/❌), and the
// provisioning worker carries out approved requests with retries.
package access

import (
	"context"
	"time"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/integrations/bbb"
	"github.com/lotse-bot/lotse/integrations/nextcloud"
)

// Config configures access requests (Nextcloud accounts and groups, BBB
// rooms). They are off while ApprovalsRoom is empty. Zero values take the
// defaults below.
type Config struct {
	// ApprovalsRoom is the (encrypted) room where requests are shown and decided.
	ApprovalsRoom id.RoomID
	// KeepExpiredRoomMessages: retention_redacts_room_messages is off, so
	// the worker leaves the redactions an expired request queued (before
	// the switch was turned off) where they are (FinishExpired; mend29c).
	KeepExpiredRoomMessages bool
	// Approvers may approve and deny besides those holding the approver
	// role (package people decides who is an approver).
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

// Defaults of Config, written once.
const (
	DefaultMaxAttempts       = 16
	DefaultNotifyAfter       = 5
	DefaultBackoff           = 5 * time.Second
	DefaultPollInterval      = 2 * time.Second
	DefaultNextcloudLanguage = "de"
)

// WithDefaults fills unset fields with the defaults.
func (c Config) WithDefaults() Config {
	if c.MaxAttempts <= 0 {
		c.MaxAttempts = DefaultMaxAttempts
	}
	if c.NotifyAfter <= 0 {
		c.NotifyAfter = DefaultNotifyAfter
	}
	if c.Backoff <= 0 {
		c.Backoff = DefaultBackoff
	}
	if c.PollInterval <= 0 {
		c.PollInterval = DefaultPollInterval
	}
	if c.NextcloudLanguage == "" {
		c.NextcloudLanguage = DefaultNextcloudLanguage
	}
	return c
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

var (
	_ NextcloudProvisioner = (*nextcloud.Client)(nil)
	_ BBBRooms             = (*bbb.Client)(nil)
)

// People tells who holds the approver role (*people.Workflow).
type People interface {
	HasApprover(ctx context.Context, user id.UserID) bool
}

// Workflow is the access-request workflow.
type Workflow struct {
	*chat.Env
	cfg    Config
	people People
	tx     *Texts
	// member: every member, when access requests are on; approver: the
	// approver role, in the approvals room.
	member, approver *chat.Role
}

// New builds the workflow.
func New(env *chat.Env, cfg Config, people People) *Workflow {
	w := &Workflow{Env: env, cfg: cfg.WithDefaults(), tx: TextsFor(env.Lang), people: people}
	w.member = &chat.Role{Name: "access", Check: func(context.Context, id.UserID, id.RoomID, bool) (bool, string) {
		return w.accessOn(), w.notEnabled()
	}}
	w.approver = &chat.Role{Name: "approver", Check: w.checkApprover, Holds: w.isApprover}
	return w
}

// TextsFor returns the texts of lang (German by default).
func TextsFor(lang string) *Texts { return chat.TextsFor(lang, &German, &English) }

// Section heading of the approver commands in the help.
func (w *Workflow) approverSection() string { return w.tx.ApproverCommands }

// Commands are the workflow's commands, for the registry.
func (w *Workflow) Commands() []chat.Command {
	cmd := func(name string, aliases []string, role *chat.Role, section string, run func(*chat.Call) error) chat.Command {
		c := chat.NewCommand(w.tx.Commands[name], name, aliases, role, section, run).In(German.Commands[name], English.Commands[name])
		if section != "" {
			c = c.InSection(German.ApproverCommands, English.ApproverCommands)
		}
		return c
	}
	// Requests and moderator links only in the direct chat: the role says
	// so, so that a typo in a group room is not answered with „Meintest
	// du !zugang?“ (whole-change review 20, people, Low 1).
	dm := w.member.DirectOnly(w.tx.DMOnly)
	access := cmd("zugang", []string{"access"}, dm, "", w.cmdAccess)
	room := cmd("raum", []string{"room"}, dm, "", w.cmdRoom)
	mine := w.member.DirectOnly(w.tx.RequestsDMOnly)
	// The help names only the kinds of request that are on.
	// In both languages: the help follows its reader's (en35).
	usage := func(de, en string) {
		if w.tx.Lang == "en" {
			access.Usage = en
		} else {
			access.Usage = de
		}
		access = access.In(chat.CommandText{Usage: de, Description: German.Commands["zugang"].Description},
			chat.CommandText{Usage: en, Description: English.Commands["zugang"].Description})
	}
	switch f := w.Features; {
	case f.Nextcloud && !f.BBB:
		usage(German.HelpNextcloud, English.HelpNextcloud)
		room.Usage = ""
	case f.BBB && !f.Nextcloud:
		usage(German.HelpBBB, English.HelpBBB)
	}
	return []chat.Command{
		// Member side (DM).
		access,
		// The member's own requests: in their direct chat only (security review 20, finding 6).
		cmd("anträge", []string{"antraege", "requests"}, mine, "", w.cmdRequests),
		cmd("zurückziehen", []string{"zurueckziehen", "withdraw"}, mine, "", w.cmdWithdraw),
		room,
		// Approvers, in the approvals room.
		cmd("genehmigen", []string{"approve"}, w.approver, w.approverSection(), w.cmdApprove),
		cmd("ablehnen", []string{"deny"}, w.approver, w.approverSection(), w.cmdDeny),
		cmd("protokoll", []string{"audit"}, w.approver, w.approverSection(), w.cmdAudit),
	}
}

// Reactions routes ✅/❌ on a request's approvals-room message.
func (w *Workflow) Reactions() []chat.Reaction {
	return []chat.Reaction{{Name: "access", Find: w.findReaction}}
}

// isApprover reports whether user may decide requests: access requests
// are on and user is an approver (by config or role, see package people).
// Being in the approvals room alone is not enough.
func (w *Workflow) isApprover(ctx context.Context, user id.UserID) bool {
	return w.accessOn() && w.people.HasApprover(ctx, user)
}

// checkApprover lets only approvers act, and only in the approvals room.
func (w *Workflow) checkApprover(ctx context.Context, user id.UserID, room id.RoomID, _ bool) (bool, string) {
	switch {
	case !w.accessOn():
		return false, w.notEnabled()
	case !w.isApprover(ctx, user):
		return false, w.tx.NotApprover
	case room != w.cfg.ApprovalsRoom:
		return false, w.tx.ApprovalsRoomOnly
	}
	return true, ""
}

// notEnabled says that the workflow is off here and names the fallback
// contact.
func (w *Workflow) notEnabled() string { return w.tx.NotEnabled + " " + w.FallbackContact() }

// usage explains !zugang for the kinds of request that are on.
func (w *Workflow) usage() string {
	switch {
	case w.cfg.Nextcloud != nil && w.cfg.BBB == nil:
		return w.tx.UsageNextcloud
	case w.cfg.BBB != nil && w.cfg.Nextcloud == nil:
		return w.tx.UsageBBB
	}
	return w.tx.Usage
}

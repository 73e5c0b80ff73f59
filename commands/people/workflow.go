// Package people is who is who: roles (admins, approvers, coordinators,
// the team) and the team's privacy gate (declaration and training), the
// onboarding welcome and checklist, and the worker for onboarding
// reminders and training expiry. The workflows ask it who holds a role.
package people

import (
	"context"
	"time"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
)

// Roles configures roles. Approvers, coordinators and the team are stored
// in the database and managed in chat; admins only come from the config.
type Roles struct {
	// Admins may grant every role and record declarations and trainings.
	Admins []id.UserID
	// TrainingRequired: the team role also needs a data-protection training.
	TrainingRequired bool
	// TrainingValidity is how long a training counts.
	TrainingValidity time.Duration
	// TrainingRemindBefore: the person and the coordinators are reminded
	// this long before the training expires.
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

// Defaults, written once.
const (
	DefaultTrainingValidity     = 365 * 24 * time.Hour
	DefaultTrainingRemindBefore = 30 * 24 * time.Hour
	DefaultTickInterval         = time.Minute
)

// Config configures the people workflow.
type Config struct {
	// ClearLang returns the language ("de", "en") a message is clearly
	// written in, or "" (answer.ClearLang, wired by the handler: the
	// workflows may not import each other); nil: none is. The welcome
	// follows the first message's (en35).
	ClearLang  func(text string) string
	Roles      Roles
	Onboarding Onboarding
	// TeamRoom is the team's room (empty: no team, support cases are off).
	TeamRoom id.RoomID
	// ApprovalsRoom is where approvers work (may be empty).
	ApprovalsRoom id.RoomID
	// Approvers are approvers by config (besides the approver role).
	Approvers []id.UserID
	// NextcloudStep adds "Nextcloud account" to the checklist.
	NextcloudStep bool
	// OnTeamRemoved is called when someone loses (or pauses) the team role:
	// the support workflow gives their cases back. base names the cause.
	OnTeamRemoved func(ctx context.Context, user id.UserID, base string) error
}

// Workflow is the people workflow.
type Workflow struct {
	*chat.Env
	cfg Config
	tx  *Texts
	otx *OnboardingTexts
	// manager: admins and approvers, in a DM or the approvals room;
	// applicant: every member, in a DM, when there is a team.
	manager, applicant *chat.Role
	// rejoins bounds the invites back into the team room that members
	// ask for themselves (inviteIfOut).
	rejoins *rejoinBound
}

// New builds the workflow.
func New(env *chat.Env, cfg Config) *Workflow {
	if cfg.Roles.TrainingValidity <= 0 {
		cfg.Roles.TrainingValidity = DefaultTrainingValidity
	}
	if cfg.Roles.TrainingRemindBefore <= 0 {
		cfg.Roles.TrainingRemindBefore = DefaultTrainingRemindBefore
	}
	w := &Workflow{Env: env, cfg: cfg, tx: TextsFor(env.Lang), otx: OnboardingTextsFor(env.Lang), rejoins: newRejoinBound()}
	w.manager = &chat.Role{Name: "manager", Check: func(ctx context.Context, user id.UserID, room id.RoomID, direct bool) (bool, string) {
		switch {
		case !w.CanManage(ctx, user):
			return false, w.tx.NotManager
		case !direct && (w.cfg.ApprovalsRoom == "" || room != w.cfg.ApprovalsRoom):
			return false, w.tx.PrivateOnly
		}
		return true, ""
	}, Holds: w.CanManage}
	w.applicant = &chat.Role{Name: "applicant", Check: func(_ context.Context, _ id.UserID, _ id.RoomID, direct bool) (bool, string) {
		switch {
		case !w.teamOn():
			return false, w.tx.TeamNotEnabled + " " + w.FallbackContact()
		case !direct:
			return false, w.tx.DMOnly
		}
		return true, ""
	}, Holds: func(context.Context, id.UserID) bool { return w.teamOn() }}
	return w
}

// Manager is the role of admins and approvers (in a DM or the approvals room).
func (w *Workflow) Manager() *chat.Role { return w.manager }

// ManagerSection is the help heading of the manager commands.
func (w *Workflow) ManagerSection() string { return w.tx.ManagerCommands }

// teamOn reports whether there is a team (support cases are on).
func (w *Workflow) teamOn() bool { return w.cfg.TeamRoom != "" }

// Commands are the workflow's commands, for the registry: the onboarding
// commands and the team application (onboarding), the role commands (roles).
func (w *Workflow) Commands() (onboarding, roles []chat.Command) {
	o, p, sec := w.otx.Commands, w.tx.Commands, w.tx.ManagerCommands
	// The help line in both languages (chat.Command.In): the onboarding's
	// catalogue for its commands, the roles' for theirs.
	cmd := func(ct chat.CommandText, name string, aliases []string, role *chat.Role, section string, run func(*chat.Call) error) chat.Command {
		c := chat.NewCommand(ct, name, aliases, role, section, run)
		if _, ok := GermanOnboarding.Commands[name]; ok {
			return c.In(GermanOnboarding.Commands[name], EnglishOnboarding.Commands[name])
		}
		c = c.In(German.Commands[name], English.Commands[name])
		if section != "" {
			c = c.InSection(German.ManagerCommands, English.ManagerCommands)
		}
		return c
	}
	onboarding = []chat.Command{
		cmd(o["start"], "start", []string{"onboarding", "checkliste", "checklist"}, nil, "", w.cmdStart),
		cmd(o["stopp"], "stopp", []string{"stop"}, nil, "", w.cmdStop),
		cmd(p["team"], "team", nil, w.applicant, "", w.cmdTeam),
	}
	roles = []chat.Command{
		cmd(p["rolle"], "rolle", []string{"role"}, w.manager, sec, w.cmdRole),
		cmd(p["rollen"], "rollen", []string{"roles"}, w.manager, sec, w.cmdRoles),
		cmd(p["erklärung"], "erklärung", []string{"erklaerung", "declaration"}, w.manager, sec, w.cmdDeclaration),
		cmd(p["schulung"], "schulung", []string{"training"}, w.manager, sec, w.cmdTraining),
	}
	return onboarding, roles
}

// Package roundtable is the round-table workflow: coordinators plan and
// announce, members RSVP (✅ or !dabei), get reminders with their personal
// BigBlueButton link and an .ics file; the worker sends the reminders and
// creates the meetings.
package roundtable

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/integrations/bbb"
	"github.com/lotse-bot/lotse/storage"
)

// Meetings is the BigBlueButton API as round tables need it (*bbb.Client).
type Meetings interface {
	Create(ctx context.Context, req bbb.CreateRequest) (*bbb.CreateResponse, error)
	JoinURL(req bbb.JoinRequest) (string, error)
	GetMeetingInfo(ctx context.Context, meetingID string) (*bbb.MeetingInfo, error)
	End(ctx context.Context, meetingID string) error
}

var _ Meetings = (*bbb.Client)(nil)

// Config configures round tables. They are off while Coordinators and
// Rooms are empty. Zero values take the defaults below.
type Config struct {
	// Coordinators may announce and change round tables (besides those
	// granted the coordinator role in chat).
	Coordinators []id.UserID
	// Rooms are the default announcement rooms.
	Rooms []id.RoomID
	// Private are rooms never to announce in (the team and approvals rooms).
	Private []id.RoomID
	// Reminders are the offsets before start at which attendees are
	// reminded; the last one always carries the link.
	Reminders []time.Duration
	// MeetingLead is how long before start the BBB meeting is created.
	MeetingLead time.Duration
	// Location is the time zone of dates (default: the environment's).
	Location *time.Location
	// Meetings creates BBB meetings and join links; nil: no links.
	Meetings Meetings
	// UIDDomain is the domain part of iCalendar UIDs (the bot's server name).
	UIDDomain string
	// TickInterval is how often the worker looks for due reminders.
	TickInterval time.Duration
}

// Defaults of Config, written once.
var (
	DefaultReminders = []time.Duration{24 * time.Hour, 15 * time.Minute}
)

// Defaults of Config, written once.
const (
	DefaultMeetingLead  = 10 * time.Minute
	DefaultTickInterval = time.Minute
)

// WithDefaults fills unset fields with the defaults (loc: the fallback zone).
func (c Config) WithDefaults(loc *time.Location) Config {
	if len(c.Reminders) == 0 {
		c.Reminders = DefaultReminders
	}
	if c.MeetingLead <= 0 {
		c.MeetingLead = DefaultMeetingLead
	}
	if c.Location == nil {
		c.Location = loc
	}
	if c.TickInterval <= 0 {
		c.TickInterval = DefaultTickInterval
	}
	return c
}

// Workflow is the round-table workflow.
type Workflow struct {
	*chat.Env
	cfg Config
	tx  *Texts
	// member: every member, when round tables are on; coordinator: the
	// coordinators; coordinatorDM: the coordinators, in a direct chat only
	// (for commands that show attendees' personal data).
	member, coordinator, coordinatorDM *chat.Role
	// refusedMu guards refused: the reminder and link keys whose
	// recipient's direct chat the homeserver refuses (chat.IsPermanent: their
	// server refuses Lotse's invite, their account is gone). Such a send is
	// not tried again on each tick (see giveUp).
	refusedMu sync.Mutex
	refused   map[string]bool
	// changingMu guards changing: the round tables a coordinator's
	// !verschieben or !absagen, or the tick's move to the next date, is
	// changing right now (see beginChange).
	changingMu sync.Mutex
	changing   map[int64]bool
}

// errBusy: another change of the same round table is under way. The
// command's event is tried again by the worker a moment later, without
// counting an attempt (its Busy method; bot's worker reads it).
var errBusy error = busyError{}

type busyError struct{}

func (busyError) Error() string {
	return "round table: another change of it is under way; will try again"
}
func (busyError) Busy() bool { return true }

// changeOf marks rt as being changed until endChange, and reads it anew
// (another change may have come first); errBusy if it is being changed.
// Events of different rooms are handled at the same time: two coordinators
// who moved or cancelled the same round table at once (each in their
// direct chat) interleaved — the move, having read the round table before
// the cancellation, edited the announcements back to „angekündigt“ at the
// new time after the cancellation had marked them „abgesagt“, and told the
// attendees „verschoben“ after „abgesagt“, while the database said
// cancelled (rt27). One change at a time, each reading the round table
// once it may go on, keeps rooms, attendees and database in the order of
// the changes. The second one is not waited for in the handler (the
// notices of hundreds of attendees take minutes and would hold a worker):
// its event is retried.
func (w *Workflow) changeOf(ctx context.Context, rt *storage.RoundTable) (*storage.RoundTable, error) {
	w.changingMu.Lock()
	if w.changing[rt.ID] {
		w.changingMu.Unlock()
		return nil, errBusy
	}
	if w.changing == nil {
		w.changing = map[int64]bool{}
	}
	w.changing[rt.ID] = true
	w.changingMu.Unlock()
	now, err := w.DB.RoundTables.Get(ctx, rt.ID)
	if err == nil && now == nil {
		err = fmt.Errorf("round table %d is gone", rt.ID)
	}
	if err != nil {
		w.endChange(rt.ID)
		return nil, err
	}
	return now, nil
}

// endChange ends changeOf.
func (w *Workflow) endChange(id int64) {
	w.changingMu.Lock()
	defer w.changingMu.Unlock()
	delete(w.changing, id)
}

// New builds the workflow.
func New(env *chat.Env, cfg Config) *Workflow {
	w := &Workflow{Env: env, cfg: cfg.WithDefaults(env.Location), tx: TextsFor(env.Lang)}
	w.member = &chat.Role{Name: "roundtable", Check: func(context.Context, id.UserID, id.RoomID, bool) (bool, string) {
		return w.On(), w.notEnabled()
	}}
	w.coordinator = &chat.Role{Name: "coordinator", Check: func(ctx context.Context, user id.UserID, _ id.RoomID, _ bool) (bool, string) {
		switch {
		case !w.On():
			return false, w.notEnabled()
		case !w.IsCoordinator(ctx, user):
			return false, w.tx.NotCoordinator
		}
		return true, ""
	}, Holds: func(ctx context.Context, user id.UserID) bool { return w.On() && w.IsCoordinator(ctx, user) }}
	// Who attends (names and Matrix IDs, also from other announcement
	// rooms) is shown only in a direct chat: in a group room everyone
	// would read it (sec20 review, Medium 3).
	w.coordinatorDM = w.coordinator.DirectOnly(w.tx.AttendeesDMOnly)
	return w
}

// Commands are the workflow's commands, for the registry.
func (w *Workflow) Commands() []chat.Command {
	cmd := func(name string, aliases []string, role *chat.Role, section string, run func(*chat.Call) error) chat.Command {
		c := chat.NewCommand(w.tx.Commands[name], name, aliases, role, section, run).In(German.Commands[name], English.Commands[name])
		if section != "" {
			c = c.InSection(German.Coordinators, English.Coordinators)
		}
		return c
	}
	coord := w.tx.Coordinators
	return []chat.Command{
		// Member side.
		cmd("rundetische", []string{"roundtables", "runde-tische"}, w.member, "", w.cmdRoundTables),
		cmd("dabei", []string{"join"}, w.member, "", w.cmdJoin),
		cmd("absage", []string{"leave"}, w.member, "", w.cmdLeave),
		// Coordinators.
		cmd("rundertisch", []string{"roundtable", "runder-tisch"}, w.coordinator, coord, w.cmdRoundTable),
		cmd("ankündigen", []string{"ankuendigen", "announce"}, w.coordinator, coord, w.cmdAnnounce),
		cmd("teilnehmende", []string{"attendees"}, w.coordinatorDM, coord, w.cmdAttendees),
		cmd("verschieben", []string{"reschedule"}, w.coordinator, coord, w.cmdReschedule),
		cmd("absagen", []string{"cancel"}, w.coordinator, coord, w.cmdCancel),
		cmd("nachbereitung", []string{"followup"}, w.coordinator, coord, w.cmdFollowup),
		cmd("wiederherstellen", []string{"restore"}, w.coordinator, coord, w.cmdRestore),
	}
}

// Reactions routes ✅ on announcements and previews.
func (w *Workflow) Reactions() []chat.Reaction {
	return []chat.Reaction{{Name: "roundtable", Find: w.findReaction}}
}

// IsCoordinator reports whether user may announce and change round tables:
// a coordinator from the config or one granted the role in chat.
func (w *Workflow) IsCoordinator(ctx context.Context, user id.UserID) bool {
	if slices.Contains(w.cfg.Coordinators, user) {
		return true
	}
	ok, err := w.DB.Roles().Has(ctx, user.String(), storage.RoleCoordinator)
	return err == nil && ok
}

// Run sends reminders and creates meetings until ctx ends.
func (w *Workflow) Run(ctx context.Context) {
	if w.On() {
		w.Every(ctx, w.cfg.TickInterval, "Round table reminders failed; will try again", w.Tick)
	}
}

// notEnabled says that the workflow is off here and names the fallback
// contact.
func (w *Workflow) notEnabled() string { return w.tx.NotEnabled + " " + w.FallbackContact() }

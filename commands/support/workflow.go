// Package support is the support-case workflow: a member's unanswered
// question becomes a case (after they confirm), their messages are relayed
// into the case's thread in the team room, the team claims, answers,
// resolves and reopens it; the worker reminds the team of waiting cases.
package support

import (
	"context"
	"time"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/storage"
)

// Config configures support cases. They are off while TeamRoom is empty.
type Config struct {
	// TeamRoom is the (encrypted) room of the digital team.
	TeamRoom id.RoomID
	// KeepExpiredRoomMessages: retention_redacts_room_messages is off, so
	// the worker leaves the redactions an expired case queued (before the
	// switch was turned off) where they are (FinishExpired; mend29c).
	KeepExpiredRoomMessages bool
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
	// Location is the time zone of quiet hours, digests and dates
	// (default: the environment's).
	Location *time.Location
	// TickInterval is how often the worker looks for due reminders.
	TickInterval time.Duration
	// RenderGuide renders a guide for a member, with its heading (the
	// answer workflow's rendering).
	RenderGuide func(g *guides.Guide) (plain, htmlBody string)
	// ReadTalk reads a member's message as small talk by the rules of
	// the answer decision (see Talk); it is called at most once per
	// message.
	ReadTalk func(text string) Talk
	// IsNoProblem recognises "no problem" alone ("kein Problem", "no
	// worries"): an acknowledgement, neither yes nor no. With a case offer
	// pending it declines nothing, even with its "no", and opens nothing:
	// the offer's question is asked again (OfferAskAgain). With an
	// answer "no" beside it ("nein, kein Problem") it is false.
	IsNoProblem func(text string) bool
	// IsHelpRequest recognises a "no" before nothing but a cry for help
	// or a request for a person ("nein, ich brauche Hilfe", "no, I need
	// help"): with a case offer pending it declines nothing, and the
	// offer is made again.
	IsHelpRequest func(text string) bool
	// ClearLang returns the language ("de", "en") a member's message is
	// clearly written in, or "" when it says none ("ok", "2", a German
	// sentence quoting an English error): the answer frame's reading
	// (answer.ClearLang, lang31). A case's language follows it (case32).
	ClearLang func(text string) string
	// IsQuestion recognises a message that asks a question of its own
	// after the answer to a yes/no question ("nein, wie ändere ich mein
	// Passwort?") or names a matter a guide answers: with a case offer
	// pending, its "nein" declines the offer and the question is
	// answered. A "nein" with words that ask nothing ("nein danke, ich
	// komme klar") only declines.
	IsQuestion func(ctx context.Context, text string) bool
	// OnResolved, if set, is called after a team member resolved a case
	// (and again when the same command is handled again after a crash):
	// learning from cases asks there whether a guide fits the question.
	OnResolved func(ctx context.Context, c *storage.Case) error
	// RelayBytesPerWindow bounds the bytes of one member's files relayed
	// into the team room per RelayWindow (0: MaxRelayedBytes).
	RelayBytesPerWindow int64
}

// Talk is what the answer decision reads in a member's message besides a
// yes or a no (Config.ReadTalk), read once per message.
type Talk struct {
	// Closing: a thank-you, an acknowledgement or a goodbye alone.
	Closing bool
	// Acknowledgement: an acknowledgement or thanks alone ("alles klar",
	// "ok danke"): with a case offer pending it is neither yes nor no,
	// and the offer's question is asked again.
	Acknowledgement bool
	// Farewell: a goodbye alone ("tschüss", "ok bye"): with a case offer
	// pending it declines the offer.
	Farewell bool
	// Criticism: criticism of the bot or its help ("das hilft mir
	// überhaupt nicht", "du verstehst mich nicht"), which right after an
	// answer says it did not help, as "hat nicht geholfen" does.
	Criticism bool
	// Decline: a message that only declines help or says its sender will
	// manage ("ich komme klar", "never mind", "nein danke, ich komme
	// klar"): with a case offer pending it declines the offer, "nein" or
	// not.
	Decline bool
	// Solved: a message that only reports the trouble gone or the help
	// worked ("geht wieder", "hat sich geklärt", "solved it"): with a
	// case offer pending it declines the offer.
	Solved bool
}

// DefaultTickInterval is how often the worker runs unless configured.
const DefaultTickInterval = time.Minute

// People tells who holds the team role (*people.Workflow).
type People interface {
	HasTeamRole(ctx context.Context, user id.UserID) bool
}

// Workflow is the support-case workflow.
type Workflow struct {
	*chat.Env
	cfg    Config
	tx     *Texts
	people People
	// member: every member, when support cases are on (the commands answer
	// themselves when they are off); team: the team role, in the team room.
	member, team *chat.Role
	// relayed counts each member's relayed file bytes (relayBudget).
	relayed *relayBudget
	// langNoted is what each case's thread was last told about its
	// language (langNotes: a bound on the „language switched“ notes).
	langNoted *langNotes
	// rings bounds how often one member's relays ring the volunteer
	// who claimed their case (assigneeRings).
	rings *assigneeRings
}

// New builds the workflow.
func New(env *chat.Env, cfg Config, people People) *Workflow {
	if cfg.TickInterval <= 0 {
		cfg.TickInterval = DefaultTickInterval
	}
	if cfg.Location == nil {
		cfg.Location = env.Location
	}
	// The readings of a member's message default to "never" (a
	// workflow built without the answer decision, as in tests).
	for _, f := range []*func(string) bool{&cfg.IsNoProblem, &cfg.IsHelpRequest} {
		if *f == nil {
			*f = func(string) bool { return false }
		}
	}
	if cfg.ReadTalk == nil {
		cfg.ReadTalk = func(string) Talk { return Talk{} }
	}
	if cfg.ClearLang == nil {
		cfg.ClearLang = func(string) string { return "" }
	}
	if cfg.IsQuestion == nil {
		cfg.IsQuestion = func(context.Context, string) bool { return false }
	}
	w := &Workflow{Env: env, cfg: cfg, tx: TextsFor(env.Lang), people: people, relayed: newRelayBudget(cfg.RelayBytesPerWindow), langNoted: newLangNotes(), rings: newAssigneeRings()}
	// Off, every member command says so first – also in a group room,
	// where the direct-chat-only commands would otherwise send the member
	// to a direct chat only to learn there that cases are off.
	w.member = &chat.Role{Name: "support", Check: func(context.Context, id.UserID, id.RoomID, bool) (bool, string) { return w.On(), w.notEnabled() },
		Holds: func(context.Context, id.UserID) bool { return w.On() }}
	w.team = &chat.Role{Name: "team", Check: func(ctx context.Context, user id.UserID, room id.RoomID, _ bool) (bool, string) {
		switch {
		case !w.On():
			return false, w.notEnabled()
		case !w.IsTeam(ctx, user):
			return false, w.tx.NotTeam
		case room != w.cfg.TeamRoom:
			return false, w.tx.TeamRoomOnly
		}
		return true, ""
	}, Holds: w.IsTeam}
	return w
}

// On reports whether support cases are configured.
func (w *Workflow) On() bool { return w.cfg.TeamRoom != "" }

// TeamRoom is the team's room ("" when support cases are off).
func (w *Workflow) TeamRoom() id.RoomID { return w.cfg.TeamRoom }

// TeamRole is the team role, in the team room.
func (w *Workflow) TeamRole() *chat.Role { return w.team }

// Commands are the workflow's commands, for the registry: the member's and
// the team's.
func (w *Workflow) Commands() (member, team []chat.Command) {
	cmd := func(name string, aliases []string, role *chat.Role, section string, run func(*chat.Call) error) chat.Command {
		c := chat.NewCommand(w.tx.Commands[name], name, aliases, role, section, run).In(German.Commands[name], English.Commands[name])
		if section != "" {
			c = c.InSection(German.TeamCommands, English.TeamCommands)
		}
		return c
	}
	sec := w.tx.TeamCommands
	member = []chat.Command{
		// Cases are opened in the direct chat only: the role says so, so
		// that a typo in a group room is not answered with „Meintest du
		// !ticket?“ (whole-change review 20, people, Low 1).
		cmd("ticket", []string{"support"}, w.member.DirectOnly(w.tx.TicketDMOnly), "", w.cmdTicket),
		// The member's own cases: in their direct chat only (security review 20, finding 6).
		cmd("meine", []string{"mine", "fälle", "faelle"}, w.member.DirectOnly(w.tx.MineDMOnly), "", w.cmdMine),
		cmd("schließen", []string{"schliessen", "close"}, w.member, "", w.cmdClose),
	}
	team = []chat.Command{
		cmd("offen", []string{"open"}, w.team, sec, w.cmdOpen),
		cmd("fall", []string{"case"}, w.team, sec, w.cmdCase),
		cmd("übernehmen", []string{"uebernehmen", "claim"}, w.team, sec, w.cmdClaim),
		cmd("abgeben", []string{"unclaim"}, w.team, sec, w.cmdUnclaim),
		cmd("zuweisen", []string{"assign"}, w.team, sec, w.cmdAssign),
		cmd("antwort", []string{"reply"}, w.team, sec, w.cmdReply),
		cmd("erledigt", []string{"resolve"}, w.team, sec, w.cmdResolve),
		cmd("wiedereröffnen", []string{"wiedereroeffnen", "reopen"}, w.team, sec, w.cmdReopen),
	}
	return member, team
}

// Reactions routes ✋ on a case and 👍/👎 on the rating question.
func (w *Workflow) Reactions() []chat.Reaction {
	return []chat.Reaction{{Name: "support", Find: w.findReaction}}
}

// notEnabled says that the workflow is off here and names the fallback
// contact.
func (w *Workflow) notEnabled() string { return w.tx.NotEnabled + " " + w.FallbackContact() }

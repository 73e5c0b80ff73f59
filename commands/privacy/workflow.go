// Package privacy is the data-rights workflow: what Lotse stores (Art. 13),
// a member's export (Art. 15), erasure (Art. 17), and the retention worker
// that deletes what has expired.
package privacy

import (
	"context"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/storage"
)

// Config configures data retention.
type Config struct {
	Retention storage.RetentionPolicy
	// Interval is how often the retention worker runs.
	Interval time.Duration
	// HideTeam (support_anonymous): a member's export does not name the
	// team members who worked on their cases, as the answers did not.
	HideTeam bool
	// KeepsQuestions: questions Lotse could not answer are kept for the
	// team's digest (keep_failed_questions); !datenschutz says so.
	KeepsQuestions bool
	// QuestionsDigest: the team sees them in a weekly digest in the team
	// room (gaps.Workflow.DigestOn); without it !datenschutz does not say
	// so (they are then read only with `lotse guides gaps`).
	QuestionsDigest bool
	// NoticeURL is the association's privacy notice (site.privacy_url);
	// when set, !datenschutz links it at its end (left34).
	NoticeURL string
	// OnErased, when set, is called after an erasure: what the running
	// bot keeps in memory from the database follows it (the questions
	// learned from the member's cases leave the search, learn.Workflow.Reload),
	// and Lotse's own events of the member's cases in the team room and of
	// their access requests in the approvals room are redacted
	// (support.Workflow.FinishErasures and access.Workflow.FinishErasures,
	// which the support and access workers also run, so a failure here is
	// finished later).
	OnErased func(ctx context.Context) error
	// BeforeErase, when set, is called before an erasure with the person
	// and the erasure request's event: a team member or approver leaves
	// the team and approvals rooms and gives back their cases, as when
	// the role is revoked (people.Workflow.BeforeErasure). An error stops
	// the erasure; the request is handled again later.
	BeforeErase func(ctx context.Context, user id.UserID, base string) error
}

// DefaultInterval is how often retention runs unless configured.
const DefaultInterval = time.Hour

// Workflow is the data-rights workflow.
type Workflow struct {
	*chat.Env
	cfg Config
	tx  *Texts
	// dm: every member, in their direct chat (nobody else should see the
	// answer); manager: who may see the retention dry run.
	dm, manager *chat.Role
}

// New builds the workflow; manager is the role of the retention dry run.
func New(env *chat.Env, cfg Config, manager *chat.Role) *Workflow {
	if cfg.Interval <= 0 {
		cfg.Interval = DefaultInterval
	}
	w := &Workflow{Env: env, cfg: cfg, tx: TextsFor(env.Lang), manager: manager}
	w.dm = &chat.Role{Name: "dm", Check: func(_ context.Context, _ id.UserID, _ id.RoomID, direct bool) (bool, string) {
		return direct, w.tx.DMOnly
	}, Holds: func(context.Context, id.UserID) bool { return true }}
	return w
}

// Commands are the workflow's commands, for the registry. section is the
// help heading of the manager commands.
func (w *Workflow) Commands(section string) []chat.Command {
	cmd := func(name string, aliases []string, role *chat.Role, section string, run func(*chat.Call) error) chat.Command {
		return chat.NewCommand(w.tx.Commands[name], name, aliases, role, section, run).In(German.Commands[name], English.Commands[name])
	}
	return []chat.Command{
		cmd("datenschutz", []string{"privacy"}, w.dm, "", w.cmdPrivacy),
		cmd("meine-daten", []string{"my-data", "meinedaten", "mydata"}, w.dm, "", w.cmdMyData),
		cmd("daten-löschen", []string{"daten-loeschen", "delete-my-data"}, w.dm, "", w.cmdDeleteMyData),
		cmd("aufbewahrung", []string{"retention"}, w.manager, section, w.cmdRetention),
	}
}

// Run applies the retention periods every Interval until ctx ends.
func (w *Workflow) Run(ctx context.Context) {
	w.Every(ctx, w.cfg.Interval, "Failed to apply retention", w.Tick)
}

// Tick deletes what has expired at now (every kind of personal data has its
// period, docs/datenschutz.md).
func (w *Workflow) Tick(ctx context.Context, now time.Time) error {
	res, err := w.DB.Retention(ctx, w.cfg.Retention, now, false)
	for _, r := range res {
		if r.Rows > 0 {
			zerolog.Ctx(ctx).Debug().Str("table", r.Table).Int64("rows", r.Rows).Msg("Deleted expired personal data")
		}
	}
	return err
}

// texts are the texts of a reply to the sender of the turn in ctx: in the
// language of the command's name as typed in a direct chat (en35,
// chat.Command.WordLang), else the install's.
func (w *Workflow) texts(ctx context.Context) *Texts { return TextsFor(w.ReplyLang(ctx)) }

// contact is the fallback contact in lang: the configured one as written,
// else the general pointer in lang.
func (w *Workflow) contact(lang string) string {
	if w.Contact != "" {
		return w.Contact
	}
	return chat.DefaultContact(lang)
}

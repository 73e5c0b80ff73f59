package people

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/storage"
)

// Onboarding: one welcome DM per member (first DM message or joining a
// lobby room), a checklist (!start) from the guides tagged "onboarding",
// one reminder if it stays unfinished, and !stopp against unsolicited
// messages. The welcome's transaction ID derives from the member's ID, and
// member_state records it, so it is sent once ever — also across restarts.

// OnboardingTag marks the guides that make up the checklist.
const OnboardingTag = "onboarding"

// stepNextcloud is the checklist step ticked by a provisioned Nextcloud request.
const stepNextcloud = "nextcloud-account"

func (w *Workflow) welcomeTxn(user id.UserID) string {
	return w.TxnID(id.EventID("lotse-welcome/"+user.String()), "welcome", 0)
}

// SeenInDM records a member writing to Lotse in a DM and welcomes them the
// first time (unless their first words are !stopp).
func (w *Workflow) SeenInDM(ctx context.Context, evt *event.Event, text string) error {
	m, err := w.DB.Onboarding().Seen(ctx, evt.Sender.String(), evt.RoomID.String(), w.Now())
	if err != nil || !w.cfg.Onboarding.Welcome || m == nil || !m.WelcomedAt.IsZero() || !m.OptedOutAt.IsZero() {
		return err
	}
	if w := strings.ToLower(strings.Fields(text + " x")[0]); w == "!stopp" || w == "!stop" {
		return nil
	}
	// In the language of the first message when it clearly says one
	// (en35): a member whose first words were English got a German
	// welcome above an English answer.
	lang := w.Lang
	if w.cfg.ClearLang != nil {
		lang = cmp.Or(w.cfg.ClearLang(text), lang)
	}
	return w.welcome(ctx, evt.Sender, evt.RoomID, lang)
}

// MemberJoined welcomes a member who joined a lobby room.
func (w *Workflow) MemberJoined(ctx context.Context, evt *event.Event) error {
	if w.teamOn() && evt.RoomID == w.cfg.TeamRoom {
		return w.teamRoomJoined(ctx, evt)
	}
	if w.cfg.ApprovalsRoom != "" && evt.RoomID == w.cfg.ApprovalsRoom {
		return w.approvalsRoomJoined(ctx, evt)
	}
	if !w.cfg.Onboarding.Welcome || evt.StateKey == nil || w.Rooms == nil {
		return nil
	}
	// Only a join: the bot hands on every leave too (any room), and a
	// member who left a lobby room they had joined before the welcome
	// was on (or before Lotse was there) got „Willkommen!“ as they left
	// (twenty-seventh pass, onb27).
	user := id.UserID(*evt.StateKey)
	if user == w.Matrix.UserID() || user != evt.Sender || evt.Content.AsMember().Membership != event.MembershipJoin {
		return nil
	}
	lobby := false
	for _, r := range w.cfg.Onboarding.LobbyRooms {
		lobby = lobby || r == evt.RoomID
	}
	if !lobby {
		return nil
	}
	m, err := w.DB.Onboarding().Get(ctx, user.String())
	if err != nil || (m != nil && (!m.WelcomedAt.IsZero() || !m.OptedOutAt.IsZero())) {
		return err
	}
	if ok, err := w.lobbyBudget(ctx, user); err != nil || !ok {
		return err
	}
	// The direct chat as the bot checks it now, not a room stored by an
	// older version (issue #15: it may be someone else's).
	room, err := w.Rooms.OpenDM(ctx, user)
	if err != nil {
		return fmt.Errorf("failed to open a DM for the welcome: %w", err)
	}
	if _, err := w.DB.Onboarding().Seen(ctx, user.String(), room.String(), w.Now()); err != nil {
		return err
	}
	return w.welcome(ctx, user, room, w.Lang)
}

// Lobby welcomes per day from servers other than Lotse's own. In a lobby
// room open to other servers every joiner made Lotse open a direct chat
// (a room each, kept for good) and send the welcome, without a bound:
// accounts and server names cost an attacker nothing (twenty-seventh
// pass, mend27a). As with allowed_inviters' joins, a day's welcomes are
// bounded per server and for all other servers together; Lotse's own
// server is not bounded (its accounts are the admin's). The count is of
// welcomes on file (member_state), so it holds across restarts. A joiner
// beyond it is not welcomed on joining; writing to Lotse still does.
const (
	lobbyWelcomesPerServer = 30
	lobbyWelcomesForeign   = 100
	lobbyWindow            = 24 * time.Hour
)

// lobbyBudget reports whether a lobby welcome for user fits the day's
// budget of their server.
func (w *Workflow) lobbyBudget(ctx context.Context, user id.UserID) (bool, error) {
	server, own := user.Homeserver(), w.Matrix.UserID().Homeserver()
	if server == own {
		return true, nil
	}
	onServer, foreign, err := w.DB.Onboarding().WelcomedSince(ctx, w.Now().Add(-lobbyWindow), server, own)
	if err != nil {
		return false, err
	}
	if onServer >= lobbyWelcomesPerServer || foreign >= lobbyWelcomesForeign {
		// Debug only: a storm would be a line per join.
		zerolog.Ctx(ctx).Debug().Str("server", server).Msg("Not welcoming a lobby joiner: the day's welcomes for other servers are used up")
		return false, nil
	}
	return true, nil
}

// welcome sends the welcome once and records it.
// lang is the language of the welcome ("de", "en"); a configured
// welcome text is sent as written.
func (w *Workflow) welcome(ctx context.Context, user id.UserID, room id.RoomID, lang string) error {
	if _, err := w.SendMarkdownTo(ctx, room, w.welcomeText(OnboardingTextsFor(lang)), nil, w.welcomeTxn(user)); err != nil {
		return err
	}
	zerolog.Ctx(ctx).Info().Msg("Welcomed a member")
	return w.DB.Onboarding().MarkWelcomed(ctx, user.String(), w.Now())
}

// welcomeText is the configured welcome or the built-in one with the
// first steps from the onboarding guides.
func (w *Workflow) welcomeText(ot *OnboardingTexts) string {
	if w.cfg.Onboarding.WelcomeText != "" {
		return w.cfg.Onboarding.WelcomeText
	}
	var b strings.Builder
	b.WriteString(ot.Welcome + "\n\n")
	if steps := w.onboardingGuides(); len(steps) > 0 {
		b.WriteString(ot.FirstSteps + "\n\n")
		for i, g := range steps {
			// The summary is text (library/README.md), escaped as the
			// title is: as Markdown, a guide's front matter put a link
			// elsewhere or a heading into every welcome (mend31a).
			fmt.Fprintf(&b, "%d. **%s** – %s\n", i+1, w.stepTitle(g.ID, g.Title), chat.EscapeLong(g.Summary, 400))
		}
		b.WriteString("\n")
	}
	for _, p := range w.welcomeFeatures(ot) {
		b.WriteString(p + "\n\n")
	}
	b.WriteString(ot.WelcomePrivacy)
	// !stopp's example is the checklist reminder: only when one can come
	// (twenty-seventh pass, mend27a).
	if w.hasChecklist() && w.cfg.Onboarding.ReminderAfter > 0 {
		b.WriteString("\n\n" + ot.WelcomeStop)
	}
	return b.String()
}

// hasChecklist reports whether !start has steps to show: onboarding
// guides members may read, or the Nextcloud step.
func (w *Workflow) hasChecklist() bool {
	return w.cfg.NextcloudStep || len(w.onboardingGuides()) > 0
}

// welcomeFeatures are the welcome's paragraphs about what Lotse can do
// here: only the features that are on, and whom to reach when Lotse
// cannot help.
func (w *Workflow) welcomeFeatures(ot *OnboardingTexts) []string {
	f := w.Features
	var out []string
	var access []string
	if f.Nextcloud {
		access = append(access, ot.WelcomeNextcloud)
	}
	if f.BBB {
		access = append(access, ot.WelcomeBBB)
	}
	if len(access) > 0 {
		out = append(out, strings.Join(access, "  \n"))
	}
	if f.RoundTables {
		out = append(out, ot.WelcomeRoundTables)
	}
	// The welcome named !start and its checklist also when there was none
	// (twenty-seventh pass, mend27a).
	help := ot.WelcomeHelp
	if w.hasChecklist() {
		help = ot.WelcomeHelpChecklist
	}
	if f.Cases {
		help += " " + ot.WelcomeCases
	} else {
		help += " " + chat.Format(ot.WelcomeContact, cmp.Or(w.Contact, chat.DefaultContact(ot.Lang)))
	}
	return append(out, help)
}

// onboardingGuides are the guides tagged onboarding that members may
// read, in the order their front matter names („schritt“, guides.Guide.Step),
// those naming none after them by ID: file names are the guides' IDs, which
// links name, and cannot carry the order (fresh30 finding 10). A team-only
// guide is no member's first step: the welcome and the checklist go to
// every new member, whatever their role.
func (w *Workflow) onboardingGuides() []*guides.Guide {
	var out []*guides.Guide
	for _, g := range w.Guides.Current().Guides() {
		if !guides.VisibleTo(g, false) {
			continue
		}
		for _, t := range g.Tags {
			if strings.EqualFold(t, OnboardingTag) {
				out = append(out, g)
				break
			}
		}
	}
	slices.SortStableFunc(out, func(a, b *guides.Guide) int {
		return cmp.Or(cmp.Compare(stepOrder(a), stepOrder(b)), strings.Compare(a.ID, b.ID))
	})
	return out
}

// stepOrder is g's place in the onboarding order: its Step, or after
// every numbered guide when it names none.
func stepOrder(g *guides.Guide) int {
	if g.Step == 0 {
		return guides.MaxStep + 1
	}
	return g.Step
}

// checklist returns the steps (ID, title) and which are done: the
// Nextcloud account first (the onboarding guides' first login and
// two-factor need it), then the onboarding guides in their order.
func (w *Workflow) checklist(ctx context.Context, ot *OnboardingTexts, user id.UserID) (ids, titles []string, done map[string]bool, err error) {
	ticked, err := w.DB.Onboarding().Steps(ctx, user.String())
	if err != nil {
		return nil, nil, nil, err
	}
	done = map[string]bool{}
	for k := range ticked {
		done[k] = true
	}
	if w.cfg.NextcloudStep {
		ids, titles = append(ids, stepNextcloud), append(titles, ot.StepNextcloud)
		if !done[stepNextcloud] {
			has, err := w.DB.Onboarding().HasNextcloud(ctx, user.String())
			if err != nil {
				return nil, nil, nil, err
			}
			if has {
				// Ticked for good: the request itself is deleted after its retention.
				if err := w.DB.Onboarding().Tick(ctx, user.String(), stepNextcloud, w.Now()); err != nil {
					return nil, nil, nil, err
				}
				done[stepNextcloud] = true
			}
		}
	}
	for _, g := range w.onboardingGuides() {
		ids, titles = append(ids, g.ID), append(titles, g.Title)
	}
	return ids, titles, done, nil
}

// checklistText renders the checklist.
func (w *Workflow) checklistText(ctx context.Context, ot *OnboardingTexts, user id.UserID) (string, bool, error) {
	ids, titles, done, err := w.checklist(ctx, ot, user)
	if err != nil {
		return "", false, err
	}
	if len(ids) == 0 {
		return ot.ChecklistEmpty, true, nil
	}
	var b strings.Builder
	b.WriteString(ot.ChecklistIntro + "\n\n")
	complete := true
	for i, sid := range ids {
		mark := "⬜"
		if done[sid] {
			mark = "✅"
		} else {
			complete = false
		}
		fmt.Fprintf(&b, "%d. %s %s\n", i+1, mark, w.stepTitle(sid, titles[i]))
	}
	b.WriteString("\n")
	if complete {
		b.WriteString(ot.ChecklistDone)
	} else {
		b.WriteString(ot.ChecklistHow)
	}
	return b.String(), complete, nil
}

// stepTitle is a step's title in the welcome and the checklist: a link to
// its guide where guides have a web address, so that a member on a phone
// taps it; else the title. The steps' numbers are the checklist's, and a
// member who typed „!anleitung 3“ for step 3 got the third topic's list
// (thirty-first pass, onb31): the link, and the checklist's hint, which
// says so, keep them apart.
func (w *Workflow) stepTitle(guideID, title string) string {
	if guideID == stepNextcloud || w.GuideURL == nil {
		return chat.Escape(title)
	}
	if u := w.GuideURL(guideID); u != "" {
		return "[" + chat.Escape(title) + "](" + u + ")"
	}
	return chat.Escape(title)
}

// cmdStart shows the checklist; !start <n> ticks step n.
func (w *Workflow) cmdStart(ce *chat.Call) error {
	ot := OnboardingTextsFor(w.ReplyLang(ce.Ctx)) // the name's language (en35)
	if len(ce.Args) > 0 {
		n, err := strconv.Atoi(strings.Trim(ce.Args[len(ce.Args)-1], "#.)"))
		ids, _, _, cerr := w.checklist(ce.Ctx, ot, ce.Sender)
		if cerr != nil {
			return cerr
		}
		if err != nil || n < 1 || n > len(ids) {
			return w.ReplyMarkdown(ce.Ctx, chat.Format(ot.StepInvalid, len(ids)))
		}
		if err := w.DB.Onboarding().Tick(ce.Ctx, ce.Sender.String(), ids[n-1], w.Now()); err != nil {
			return err
		}
	}
	md, _, err := w.checklistText(ce.Ctx, ot, ce.Sender)
	if err != nil {
		return err
	}
	return w.ReplyMarkdown(ce.Ctx, md)
}

// undoWords take back a !stopp ("!stopp zurück").
var undoWords = []string{"zurück", "zurueck", "rückgängig", "rueckgaengig", "aus", "undo", "off"}

// cmdStop records that the member wants no unsolicited messages, or with
// an undo word that they are fine again.
func (w *Workflow) cmdStop(ce *chat.Call) error {
	ot := OnboardingTextsFor(w.ReplyLang(ce.Ctx)) // the name's language (en35)
	if _, err := w.DB.Onboarding().Seen(ce.Ctx, ce.Sender.String(), w.dmOf(ce), w.Now()); err != nil {
		return err
	}
	if len(ce.Args) > 0 && slices.Contains(undoWords, strings.ToLower(ce.Args[0])) {
		if err := w.DB.Onboarding().OptIn(ce.Ctx, ce.Sender.String()); err != nil {
			return err
		}
		return w.ReplyMarkdown(ce.Ctx, ot.Resumed)
	}
	if err := w.DB.Onboarding().OptOut(ce.Ctx, ce.Sender.String(), w.Now()); err != nil {
		return err
	}
	return w.ReplyMarkdown(ce.Ctx, ot.Stopped)
}

func (w *Workflow) dmOf(ce *chat.Call) string {
	if chat.TurnOf(ce.Ctx).Direct {
		return ce.RoomID.String()
	}
	return ""
}

// Tick sends the due onboarding reminders, handles training
// expiry (reminders before, pause after) and makes the room removals the
// command line's erasure queued (queuedRemovals). Each notice has a persisted key
// from which its transaction ID derives; it is recorded after sending.
//
// The training expiry comes first and neither part waits for the other,
// nor one person's notice for another's: a notice that cannot be sent (a
// member whose direct chat cannot be opened) stopped the tick, every
// minute again, and an expired team member kept the active role and the
// team room for as long as it failed (security review 22, Medium 1).
func (w *Workflow) Tick(ctx context.Context, now time.Time) error {
	return errors.Join(w.trainingExpiry(ctx, now), w.onboardingReminders(ctx, now), w.queuedRemovals(ctx, now))
}

// Run calls Tick every minute until ctx ends.
func (w *Workflow) Run(ctx context.Context) {
	w.Every(ctx, DefaultTickInterval, "Onboarding and training notices failed; will try again", w.Tick)
}

// notice sends an unsolicited message once per key, to room or, if room
// is "", to the user's direct chat as the bot checks it now (never a room
// stored by an older version: issue #15, it may be someone else's).
func (w *Workflow) notice(ctx context.Context, key string, user id.UserID, room id.RoomID, content *event.MessageEventContent, now time.Time) error {
	return w.noticeAbout(ctx, key, user, user, room, content, now)
}

// noticeAbout is notice sent to user about the person about: its record
// (scheduled_notice) is about's, so that about's erasure deletes it and
// it is not in user's export — a manager's notice of someone's application
// names that someone in its key (whole27: it was stored as the manager's).
func (w *Workflow) noticeAbout(ctx context.Context, key string, user, about id.UserID, room id.RoomID, content *event.MessageEventContent, now time.Time) error {
	done, err := w.DB.Roles().NoticeDone(ctx, key)
	if err != nil || done {
		return err
	}
	if room == "" {
		if room, err = w.Matrix.DirectRoom(ctx, user); chat.IsPermanent(err) {
			// The homeserver refuses a direct chat with them: trying
			// again every minute would not help.
			zerolog.Ctx(ctx).Warn().Str("notice", noticeKind(key)).Msg("Cannot open a direct chat for a notice; not trying again")
			return w.DB.Roles().MarkNotice(ctx, key, about.String(), now)
		} else if err != nil {
			return fmt.Errorf("failed to find the direct chat: %w", err)
		}
	}
	if _, err := w.Matrix.Send(ctx, room, event.EventMessage, content, w.TxnID(id.EventID("lotse-notice/"+key), "notice", 0)); err != nil {
		return err
	}
	return w.DB.Roles().MarkNotice(ctx, key, about.String(), now)
}

// noticeKind is the kind of a notice key ("training-expired" of
// "training-expired:@x:y:123:member"), for logs without the person.
func noticeKind(key string) string {
	kind, _, _ := strings.Cut(key, ":")
	return kind
}

func (w *Workflow) onboardingReminders(ctx context.Context, now time.Time) error {
	if !w.cfg.Onboarding.Welcome || w.cfg.Onboarding.ReminderAfter <= 0 {
		return nil
	}
	due, err := w.DB.Onboarding().DueForReminder(ctx, now.Add(-w.cfg.Onboarding.ReminderAfter))
	if err != nil {
		return err
	}
	var errs []error
	for _, m := range due {
		// One member's reminder that cannot be sent holds up nobody else's.
		errs = append(errs, w.remind(ctx, m.UserID, now))
	}
	return errors.Join(errs...)
}

// remind sends user's onboarding reminder once, unless the checklist is done.
func (w *Workflow) remind(ctx context.Context, user string, now time.Time) error {
	key := "onboarding-reminder:" + user
	if done, err := w.DB.Roles().NoticeDone(ctx, key); err != nil || done {
		return err
	}
	md, complete, err := w.checklistText(ctx, w.otx, id.UserID(user))
	if err != nil || complete {
		return err
	}
	return w.notice(ctx, key, id.UserID(user), "", chat.MentionContent(w.otx.Reminder+"\n\n"+md), now)
}

// trainingExpiry reminds before a training expires and pauses the team role
// after, telling the person (DM) and the coordinators (approvals room, or
// their DMs when there is none).
func (w *Workflow) trainingExpiry(ctx context.Context, now time.Time) error {
	if !w.cfg.Roles.TrainingRequired {
		return nil
	}
	gates, err := w.DB.Roles().TeamGates(ctx)
	if err != nil {
		return err
	}
	coords, err := w.DB.Roles().WithRole(ctx, storage.RoleCoordinator)
	if err != nil {
		return err
	}
	var coordIDs []id.UserID
	for _, c := range coords {
		coordIDs = append(coordIDs, id.UserID(c))
	}
	var errs []error
	for i := range gates {
		// One person's failure (a notice that cannot be sent) holds up
		// nobody else's pause.
		errs = append(errs, w.expireTraining(ctx, &gates[i], coordIDs, now))
	}
	return errors.Join(errs...)
}

// expireTraining pauses the team role of g's person when the training
// expired (and removes them from the team room, once), and sends the
// notices before and after the expiry.
func (w *Workflow) expireTraining(ctx context.Context, g *storage.TeamGate, coordIDs []id.UserID, now time.Time) error {
	pt := w.tx
	user := id.UserID(g.UserID)
	expires := w.trainingUntil(g.TrainingAt)
	stamp := strconv.FormatInt(g.TrainingAt.UnixMilli(), 10)
	date := w.Day(expires)
	var kind, toPerson, toCoord string
	switch {
	case g.TrainingAt.IsZero() || !now.Before(expires):
		kind, toPerson, toCoord = "expired", pt.TrainingExpiredMember, chat.Format(pt.TrainingExpiredCoord, chat.Escape(user.String()), date)
		r, err := w.DB.Roles().Get(ctx, user.String(), storage.RoleTeam)
		if err != nil {
			return err
		}
		if r != nil && r.Status == storage.RoleActive {
			key := "pause:" + g.UserID + ":" + stamp
			// Only from active: a revocation between the read above and
			// this write stays a revocation, not a pause that the next
			// training would undo (storage.RoleQuery.SetFrom; onb34).
			paused, err := w.DB.Roles().SetFrom(ctx, g.UserID, storage.RoleTeam, []string{storage.RoleActive}, storage.RolePaused, "lotse",
				storage.RoleAuditEntry{Key: key, At: now, Actor: "lotse", Subject: g.UserID, Action: "pause", Detail: "training expired " + date}, now)
			if err != nil {
				return err
			}
			if !paused {
				// Changed meanwhile (revoked, or the declaration taken
				// back): whoever changed it took the consequences, and
				// „pausiert“ would not be true.
				if r, err = w.DB.Roles().Get(ctx, user.String(), storage.RoleTeam); err != nil {
					return err
				}
				if r == nil || (r.Status != storage.RoleActive && r.Status != storage.RolePaused) {
					return nil
				}
			}
		}
		if r != nil && (r.Status == storage.RoleActive || r.Status == storage.RolePaused) {
			// Repeated until done: the cases go back, Lotse removes the person from the team room.
			if done, err := w.DB.Roles().NoticeDone(ctx, "offboard:"+g.UserID+":"+stamp); err != nil {
				return err
			} else if !done {
				stillIn, err := w.offboard(ctx, user, storage.RoleTeam, pt.PauseReason, "pause:"+g.UserID+":"+stamp)
				if err != nil {
					return err
				}
				// The removal failed: the team is told how to do it by
				// hand (security review 20, finding 2).
				if len(stillIn) > 0 {
					if err := w.kickFailedRoom(ctx, user, storage.RoleTeam, stillIn, "pause:"+g.UserID+":"+stamp); err != nil {
						return err
					}
				}
				if err := w.DB.Roles().MarkNotice(ctx, "offboard:"+g.UserID+":"+stamp, g.UserID, now); err != nil {
					return err
				}
			}
		}
	case !now.Before(expires.Add(-w.cfg.Roles.TrainingRemindBefore)):
		kind, toPerson, toCoord = "soon", chat.Format(pt.TrainingSoonMember, date), chat.Format(pt.TrainingSoonCoord, chat.Escape(user.String()), date)
	default:
		return nil
	}
	key := "training-" + kind + ":" + g.UserID + ":" + stamp
	// The coordinators' notice does not wait for the person's.
	errMember := w.notice(ctx, key+":member", user, "", chat.MentionContent(toPerson), now)
	switch {
	case len(coordIDs) == 0:
	case w.cfg.ApprovalsRoom != "":
		if err := w.notice(ctx, key+":coord", user, w.cfg.ApprovalsRoom, chat.MentionContent(toCoord, coordIDs...), now); err != nil {
			return errors.Join(errMember, err)
		}
	default:
		// No approvals room (access requests off): the coordinators'
		// direct chats, as promised above; before, they were never told
		// (twenty-seventh pass, onb27).
		if err := w.noticeEach(ctx, key+":coord", user, coordIDs, toCoord, now); err != nil {
			return errors.Join(errMember, err)
		}
	}
	return errMember
}

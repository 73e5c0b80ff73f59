package commands

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

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

func (h *Handler) welcomeTxn(user id.UserID) string {
	return h.TxnID(id.EventID("lotse-welcome/"+user.String()), "welcome", 0)
}

// seenInDM records a member writing to Lotse in a DM and welcomes them the
// first time (unless their first words are !stopp).
func (h *Handler) seenInDM(ctx context.Context, evt *event.Event, text string) error {
	m, err := h.DB.Onboarding().Seen(ctx, evt.Sender.String(), evt.RoomID.String(), h.Now())
	if err != nil || !h.Onboarding.Welcome || m == nil || !m.WelcomedAt.IsZero() || !m.OptedOutAt.IsZero() {
		return err
	}
	if w := strings.ToLower(strings.Fields(text + " x")[0]); w == "!stopp" || w == "!stop" {
		return nil
	}
	return h.welcome(ctx, evt.Sender, evt.RoomID)
}

// memberJoined welcomes a member who joined a lobby room.
func (h *Handler) memberJoined(ctx context.Context, evt *event.Event) error {
	if !h.Onboarding.Welcome || evt.StateKey == nil || h.Rooms == nil {
		return nil
	}
	user := id.UserID(*evt.StateKey)
	if user == h.Matrix.UserID() || user != evt.Sender {
		return nil
	}
	lobby := false
	for _, r := range h.Onboarding.LobbyRooms {
		lobby = lobby || r == evt.RoomID
	}
	if !lobby {
		return nil
	}
	m, err := h.DB.Onboarding().Get(ctx, user.String())
	if err != nil || (m != nil && (!m.WelcomedAt.IsZero() || !m.OptedOutAt.IsZero())) {
		return err
	}
	room := id.RoomID("")
	if m != nil {
		room = id.RoomID(m.DMRoom)
	}
	if room == "" {
		if room, err = h.Rooms.OpenDM(ctx, user); err != nil {
			return fmt.Errorf("failed to open a DM for the welcome: %w", err)
		}
	}
	if _, err := h.DB.Onboarding().Seen(ctx, user.String(), room.String(), h.Now()); err != nil {
		return err
	}
	return h.welcome(ctx, user, room)
}

// welcome sends the welcome once and records it.
func (h *Handler) welcome(ctx context.Context, user id.UserID, room id.RoomID) error {
	if _, err := h.sendMarkdownTo(ctx, room, h.welcomeText(), nil, h.welcomeTxn(user)); err != nil {
		return err
	}
	zerolog.Ctx(ctx).Info().Msg("Welcomed a member")
	return h.DB.Onboarding().MarkWelcomed(ctx, user.String(), h.Now())
}

// welcomeText is the configured welcome or the built-in one with the
// first steps from the onboarding guides.
func (h *Handler) welcomeText() string {
	ot := h.Texts.Onboarding
	if h.Onboarding.WelcomeText != "" {
		return h.Onboarding.WelcomeText
	}
	var b strings.Builder
	b.WriteString(ot.Welcome + "\n\n")
	if steps := h.onboardingGuides(); len(steps) > 0 {
		b.WriteString(ot.FirstSteps + "\n\n")
		for i, g := range steps {
			fmt.Fprintf(&b, "%d. **%s** – %s\n", i+1, g.Title, g.Summary)
		}
		b.WriteString("\n")
	}
	b.WriteString(ot.WelcomeAccess + "\n\n" + ot.WelcomeHelp + "\n\n" + ot.WelcomePrivacy + "\n\n" + ot.WelcomeStop)
	return b.String()
}

// onboardingGuides are the guides tagged onboarding, in the library's
// order (topic folders and file names, e.g. 01-…, 02-…).
func (h *Handler) onboardingGuides() []*guides.Guide {
	var out []*guides.Guide
	for _, g := range h.Guides.Current().Guides() {
		for _, t := range g.Tags {
			if strings.EqualFold(t, OnboardingTag) {
				out = append(out, g)
				break
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// checklist returns the steps (ID, title) and which are done.
func (h *Handler) checklist(ctx context.Context, user id.UserID) (ids, titles []string, done map[string]bool, err error) {
	ticked, err := h.DB.Onboarding().Steps(ctx, user.String())
	if err != nil {
		return nil, nil, nil, err
	}
	done = map[string]bool{}
	for k := range ticked {
		done[k] = true
	}
	for _, g := range h.onboardingGuides() {
		ids, titles = append(ids, g.ID), append(titles, g.Title)
	}
	if h.Access.Nextcloud != nil {
		ids, titles = append(ids, stepNextcloud), append(titles, h.Texts.Onboarding.StepNextcloud)
		if !done[stepNextcloud] {
			has, err := h.DB.Onboarding().HasNextcloud(ctx, user.String())
			if err != nil {
				return nil, nil, nil, err
			}
			if has {
				// Ticked for good: the request itself is deleted after its retention.
				if err := h.DB.Onboarding().Tick(ctx, user.String(), stepNextcloud, h.Now()); err != nil {
					return nil, nil, nil, err
				}
				done[stepNextcloud] = true
			}
		}
	}
	return ids, titles, done, nil
}

// checklistText renders the checklist.
func (h *Handler) checklistText(ctx context.Context, user id.UserID) (string, bool, error) {
	ot := h.Texts.Onboarding
	ids, titles, done, err := h.checklist(ctx, user)
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
		fmt.Fprintf(&b, "%d. %s %s\n", i+1, mark, titles[i])
	}
	b.WriteString("\n")
	if complete {
		b.WriteString(ot.ChecklistDone)
	} else {
		b.WriteString(ot.ChecklistHow)
	}
	return b.String(), complete, nil
}

// cmdStart shows the checklist; !start <n> ticks step n.
func cmdStart(ce *CommandEvent) error {
	h := ce.Meta
	ot := h.Texts.Onboarding
	if len(ce.Args) > 0 {
		n, err := strconv.Atoi(strings.Trim(ce.Args[len(ce.Args)-1], "#.)"))
		ids, _, _, cerr := h.checklist(ce.Ctx, ce.Sender)
		if cerr != nil {
			return cerr
		}
		if err != nil || n < 1 || n > len(ids) {
			return h.replyMarkdown(ce.Ctx, formatText(ot.StepInvalid, len(ids)))
		}
		if err := h.DB.Onboarding().Tick(ce.Ctx, ce.Sender.String(), ids[n-1], h.Now()); err != nil {
			return err
		}
	}
	md, _, err := h.checklistText(ce.Ctx, ce.Sender)
	if err != nil {
		return err
	}
	return h.replyMarkdown(ce.Ctx, md)
}

// undoWords take back a !stopp ("!stopp zurück").
var undoWords = []string{"zurück", "zurueck", "rückgängig", "rueckgaengig", "aus", "undo", "off"}

// cmdStop records that the member wants no unsolicited messages, or with
// an undo word that they are fine again.
func cmdStop(ce *CommandEvent) error {
	h := ce.Meta
	ot := h.Texts.Onboarding
	if _, err := h.DB.Onboarding().Seen(ce.Ctx, ce.Sender.String(), h.dmOf(ce), h.Now()); err != nil {
		return err
	}
	if len(ce.Args) > 0 && slices.Contains(undoWords, strings.ToLower(ce.Args[0])) {
		if err := h.DB.Onboarding().OptIn(ce.Ctx, ce.Sender.String()); err != nil {
			return err
		}
		return h.replyMarkdown(ce.Ctx, ot.Resumed)
	}
	if err := h.DB.Onboarding().OptOut(ce.Ctx, ce.Sender.String(), h.Now()); err != nil {
		return err
	}
	return h.replyMarkdown(ce.Ctx, ot.Stopped)
}

func (h *Handler) dmOf(ce *CommandEvent) string {
	if turnOf(ce.Ctx).msg.Direct {
		return ce.RoomID.String()
	}
	return ""
}

// TickPeople sends the due onboarding reminders and handles training
// expiry (reminders before, pause after). Each notice has a persisted key
// from which its transaction ID derives; it is recorded after sending.
func (h *Handler) TickPeople(ctx context.Context, now time.Time) error {
	if err := h.onboardingReminders(ctx, now); err != nil {
		return err
	}
	return h.trainingExpiry(ctx, now)
}

// RunPeople calls TickPeople every minute until ctx ends.
func (h *Handler) RunPeople(ctx context.Context) {
	tick := time.NewTicker(time.Minute)
	defer tick.Stop()
	for {
		if err := h.TickPeople(ctx, h.Now()); err != nil && ctx.Err() == nil {
			zerolog.Ctx(ctx).Warn().Err(err).Msg("Onboarding and training notices failed; will try again")
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// notice sends an unsolicited message once per key.
func (h *Handler) notice(ctx context.Context, key string, user id.UserID, room id.RoomID, content *event.MessageEventContent, now time.Time) error {
	done, err := h.DB.Roles().NoticeDone(ctx, key)
	if err != nil || done {
		return err
	}
	if _, err := h.Matrix.Send(ctx, room, event.EventMessage, content, h.TxnID(id.EventID("lotse-notice/"+key), "notice", 0)); err != nil {
		return err
	}
	return h.DB.Roles().MarkNotice(ctx, key, user.String(), now)
}

func (h *Handler) onboardingReminders(ctx context.Context, now time.Time) error {
	if !h.Onboarding.Welcome || h.Onboarding.ReminderAfter <= 0 {
		return nil
	}
	due, err := h.DB.Onboarding().DueForReminder(ctx, now.Add(-h.Onboarding.ReminderAfter))
	if err != nil {
		return err
	}
	for _, m := range due {
		key := "onboarding-reminder:" + m.UserID
		if done, err := h.DB.Roles().NoticeDone(ctx, key); err != nil || done {
			if err != nil {
				return err
			}
			continue
		}
		md, complete, err := h.checklistText(ctx, id.UserID(m.UserID))
		if err != nil {
			return err
		}
		if complete {
			continue
		}
		if err := h.notice(ctx, key, id.UserID(m.UserID), id.RoomID(m.DMRoom), mentionContent(h.Texts.Onboarding.Reminder+"\n\n"+md), now); err != nil {
			return err
		}
	}
	return nil
}

func (h *Handler) trainingRemindBefore() time.Duration {
	if h.Roles.TrainingRemindBefore > 0 {
		return h.Roles.TrainingRemindBefore
	}
	return 30 * 24 * time.Hour
}

// trainingExpiry reminds before a training expires and pauses the team role
// after, telling the person (DM) and the coordinators (approvals room, or
// their DMs when there is none).
func (h *Handler) trainingExpiry(ctx context.Context, now time.Time) error {
	if !h.Roles.TrainingRequired {
		return nil
	}
	pt := h.Texts.People
	gates, err := h.DB.Roles().TeamGates(ctx)
	if err != nil {
		return err
	}
	coords, err := h.DB.Roles().WithRole(ctx, storage.RoleCoordinator)
	if err != nil {
		return err
	}
	var coordIDs []id.UserID
	for _, c := range coords {
		coordIDs = append(coordIDs, id.UserID(c))
	}
	for i := range gates {
		g := &gates[i]
		user := id.UserID(g.UserID)
		expires := g.TrainingAt.Add(h.trainingValidity())
		stamp := strconv.FormatInt(g.TrainingAt.UnixMilli(), 10)
		date := expires.In(h.location()).Format("02.01.2006")
		room := h.dmRoomOf(ctx, user, g)
		var kind, toPerson, toCoord string
		switch {
		case g.TrainingAt.IsZero() || !now.Before(expires):
			kind, toPerson, toCoord = "expired", pt.TrainingExpiredMember, formatText(pt.TrainingExpiredCoord, escape(user.String()), date)
			r, err := h.DB.Roles().Get(ctx, user.String(), storage.RoleTeam)
			if err != nil {
				return err
			}
			if r != nil && r.Status == storage.RoleActive {
				key := "pause:" + g.UserID + ":" + stamp
				if _, err := h.DB.Roles().Set(ctx, g.UserID, storage.RoleTeam, storage.RolePaused, "lotse",
					storage.RoleAuditEntry{Key: key, At: now, Actor: "lotse", Subject: g.UserID, Action: "pause", Detail: "training expired " + date}, now); err != nil {
					return err
				}
			}
			if r != nil && (r.Status == storage.RoleActive || r.Status == storage.RolePaused) {
				// Repeated until done: the cases go back, Lotse removes the person from the team room.
				if done, err := h.DB.Roles().NoticeDone(ctx, "offboard:"+g.UserID+":"+stamp); err != nil {
					return err
				} else if !done {
					if err := h.offboard(ctx, user, storage.RoleTeam, pt.PauseReason, "pause:"+g.UserID+":"+stamp); err != nil {
						return err
					}
					if err := h.DB.Roles().MarkNotice(ctx, "offboard:"+g.UserID+":"+stamp, g.UserID, now); err != nil {
						return err
					}
				}
			}
		case !now.Before(expires.Add(-h.trainingRemindBefore())):
			kind, toPerson, toCoord = "soon", formatText(pt.TrainingSoonMember, date), formatText(pt.TrainingSoonCoord, escape(user.String()), date)
		default:
			continue
		}
		key := "training-" + kind + ":" + g.UserID + ":" + stamp
		if room != "" {
			if err := h.notice(ctx, key+":member", user, room, mentionContent(toPerson), now); err != nil {
				return err
			}
		}
		if len(coordIDs) > 0 && h.Access.ApprovalsRoom != "" {
			if err := h.notice(ctx, key+":coord", user, h.Access.ApprovalsRoom, mentionContent(toCoord, coordIDs...), now); err != nil {
				return err
			}
		}
	}
	return nil
}

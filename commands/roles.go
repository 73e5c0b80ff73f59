package commands

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/storage"
)

// Roles and the team privacy gate. Admins come from the config; approvers,
// coordinators and the team are stored and managed in chat (!rolle,
// !rollen). The team role is what grants access to case data, and it is
// active only after an approver recorded the signed privacy declaration
// (!erklärung) and, if the association requires it, a valid training
// (!schulung). Every change is written to the role audit log, keyed by
// the event that caused it (exactly-once).

// isAdmin reports whether user is a configured admin.
func (h *Handler) isAdmin(user id.UserID) bool {
	return user != h.Matrix.UserID() && slices.Contains(h.Roles.Admins, user)
}

// hasApprover reports whether user is an approver: listed in the config
// (approvers) or holding the approver role.
func (h *Handler) hasApprover(ctx context.Context, user id.UserID) bool {
	if user == "" || user == h.Matrix.UserID() {
		return false
	}
	if slices.Contains(h.Access.Approvers, user) {
		return true
	}
	ok, err := h.DB.Roles().Has(ctx, user.String(), storage.RoleApprover)
	return err == nil && ok
}

// canManage reports whether user may manage roles and record declarations.
func (h *Handler) canManage(ctx context.Context, user id.UserID) bool {
	return h.isAdmin(user) || h.hasApprover(ctx, user)
}

// isCoordinator reports whether user may announce and change round tables:
// a coordinator from the config or one granted the role in chat.
func (h *Handler) isCoordinator(ctx context.Context, user id.UserID) bool {
	return h.roundTable.IsCoordinator(ctx, user)
}

// hasTeamRole reports whether user holds the active team role.
func (h *Handler) hasTeamRole(ctx context.Context, user id.UserID) bool {
	ok, err := h.DB.Roles().Has(ctx, user.String(), storage.RoleTeam)
	return err == nil && ok
}

// roleName maps what people type to a stored role.
func roleName(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "team", "digitalteam", "digitalisierungsteam":
		return storage.RoleTeam
	case "koordination", "koordinator", "koordinatorin", "coordinator", "coordination":
		return storage.RoleCoordinator
	case "genehmigung", "genehmigende", "approver", "approval":
		return storage.RoleApprover
	}
	return ""
}

// userArg reads the person a command is about: a mention pill, else the
// first argument that looks like a Matrix ID. rest are the other arguments.
func (h *Handler) userArg(ce *CommandEvent) (id.UserID, []string) {
	var target id.UserID
	if mc := ce.Content.AsMessage(); mc != nil && mc.Mentions != nil {
		for _, u := range mc.Mentions.UserIDs {
			if u != h.Matrix.UserID() {
				target = u
				break
			}
		}
	}
	var rest []string
	for _, a := range ce.Args {
		if strings.HasPrefix(a, "@") && strings.Contains(a, ":") {
			if target == "" {
				target = id.UserID(strings.TrimRight(a, ",.;"))
			}
			continue
		}
		rest = append(rest, a)
	}
	if target != "" {
		// A pill shows as the display name in the plain body: drop its words.
		name := h.Matrix.DisplayName(ce.Ctx, ce.RoomID, target)
		if name != target.String() && len(rest) > 0 {
			words := strings.Fields(name)
			for len(words) > 0 && len(rest) > 0 && strings.EqualFold(strings.TrimSuffix(rest[0], ":"), words[0]) {
				rest, words = rest[1:], words[1:]
			}
		}
	}
	if _, _, err := target.Parse(); target != "" && err != nil {
		return "", rest
	}
	return target, rest
}

func (h *Handler) roleLabel(role string) string {
	pt := h.Texts.People
	switch role {
	case storage.RoleApprover:
		return pt.RoleApprover
	case storage.RoleCoordinator:
		return pt.RoleCoordinator
	case storage.RoleTeam:
		return pt.RoleTeam
	}
	return role
}

func (h *Handler) statusWord(status string) string {
	pt := h.Texts.People
	switch status {
	case storage.RoleActive:
		return pt.StatusActive
	case storage.RolePending:
		return pt.StatusPending
	case storage.RolePaused:
		return pt.StatusPaused
	}
	return pt.StatusRemoved
}

var revokeWords = map[string]bool{"entziehen": true, "weg": true, "entfernen": true, "remove": true, "revoke": true, "-": true, "nein": true}

// cmdRole grants or revokes a role: !rolle @name team [entziehen].
func cmdRole(ce *CommandEvent) error {
	h := ce.Meta
	pt := h.Texts.People
	target, rest := h.userArg(ce)
	if target == "" || len(rest) == 0 {
		return h.replyMarkdown(ce.Ctx, pt.RoleUsage)
	}
	word := rest[0]
	revoke := strings.HasPrefix(word, "-") || (len(rest) > 1 && revokeWords[strings.ToLower(rest[1])])
	role := roleName(strings.TrimLeft(word, "+-"))
	if role == "" {
		return h.replyMarkdown(ce.Ctx, pt.RoleUsage)
	}
	if target == ce.Sender {
		return h.replyMarkdown(ce.Ctx, pt.NotSelf)
	}
	if role == storage.RoleApprover && !h.isAdmin(ce.Sender) {
		return h.replyMarkdown(ce.Ctx, pt.AdminOnly)
	}
	if revoke {
		return h.revokeRole(ce.Ctx, target, role, ce.Sender)
	}
	if role == storage.RoleTeam {
		return h.requestTeam(ce.Ctx, target, ce.Sender, "", false)
	}
	now := h.Now()
	cause := turnOf(ce.Ctx).msg.Event.ID.String()
	changed, err := h.DB.Roles().Set(ce.Ctx, target.String(), role, storage.RoleActive, ce.Sender.String(),
		storage.RoleAuditEntry{Key: "grant:" + cause, At: now, Actor: ce.Sender.String(), Subject: target.String(), Action: "grant", Detail: role}, now)
	if err != nil {
		return err
	}
	if !changed && !h.lastRoleAudit(ce.Ctx, "grant:"+cause) {
		return h.replyMarkdown(ce.Ctx, formatText(pt.AlreadyHas, escape(target.String()), h.roleLabel(role)))
	}
	if role == storage.RoleApprover && h.Access.ApprovalsRoom != "" && h.Rooms != nil {
		if err := h.Rooms.Invite(ce.Ctx, h.Access.ApprovalsRoom, target, pt.InviteReason); err != nil {
			zerolog.Ctx(ce.Ctx).Info().Err(err).Msg("Could not invite to the approvals room")
		}
	}
	return h.replyMarkdown(ce.Ctx, formatText(pt.Granted, escape(target.String()), h.roleLabel(role)))
}

// lastRoleAudit reports whether the audit entry key exists: a retry of
// the same event repeats its answer (same transaction ID) instead of
// saying "nothing changed".
func (h *Handler) lastRoleAudit(ctx context.Context, key string) bool {
	entries, err := h.DB.Roles().AuditLog(ctx, "")
	if err != nil {
		return false
	}
	for _, e := range entries {
		if e.Key == key {
			return true
		}
	}
	return false
}

// requestTeam files a team application (self) or a grant (by a manager),
// then activates the role if the gate is already passed.
func (h *Handler) requestTeam(ctx context.Context, user, actor id.UserID, dmRoom string, self bool) error {
	pt := h.Texts.People
	now := h.Now()
	cause := turnOf(ctx).msg.Event.ID.String()
	roles := h.DB.Roles()
	r, err := roles.Get(ctx, user.String(), storage.RoleTeam)
	if err != nil {
		return err
	}
	if r != nil && r.Status == storage.RoleActive {
		if self {
			return h.replyMarkdown(ctx, pt.TeamAlready)
		}
		return h.replyMarkdown(ctx, formatText(pt.AlreadyHas, escape(user.String()), h.roleLabel(storage.RoleTeam)))
	}
	g, err := roles.Gate(ctx, user.String())
	if err != nil {
		return err
	}
	if g == nil {
		g = &storage.TeamGate{UserID: user.String()}
	}
	if dmRoom != "" {
		g.DMRoom = dmRoom
	}
	action := "grant"
	if self {
		action = "apply"
		if g.AppliedAt.IsZero() {
			g.AppliedAt = now
		}
	}
	g.UpdatedAt = now
	if err := roles.PutGate(ctx, *g, storage.RoleAuditEntry{Key: action + "-gate:" + cause, At: now, Actor: actor.String(), Subject: user.String(),
		Action: action, Detail: storage.RoleTeam}); err != nil {
		return err
	}
	if r == nil || r.Status == storage.RoleRemoved {
		if _, err := roles.Set(ctx, user.String(), storage.RoleTeam, storage.RolePending, actor.String(),
			storage.RoleAuditEntry{Key: action + ":" + cause, At: now, Actor: actor.String(), Subject: user.String(), Action: action, Detail: storage.RoleTeam + " (pending)"}, now); err != nil {
			return err
		}
	}
	activated, err := h.evaluateGate(ctx, user, actor)
	if err != nil || activated {
		return err
	}
	missing := h.missingText(g)
	if self {
		if err := h.replyMarkdown(ctx, formatText(pt.Applied, missing)); err != nil {
			return err
		}
		if h.Access.ApprovalsRoom != "" {
			_, err := h.sendMarkdownTo(ctx, h.Access.ApprovalsRoom, formatText(pt.AppliedApprovers, escape(user.String()), missing, escape(user.String())),
				nil, h.causeTxn(ctx, "team-applied", 0))
			return err
		}
		return nil
	}
	return h.replyMarkdown(ctx, formatText(pt.GrantPending, escape(user.String()), missing))
}

// trainingValid reports whether g has a training that is still valid at now.
func (h *Handler) trainingValid(g *storage.TeamGate, now time.Time) bool {
	return !g.TrainingAt.IsZero() && now.Before(g.TrainingAt.Add(h.trainingValidity()))
}

func (h *Handler) trainingValidity() time.Duration {
	if h.Roles.TrainingValidity > 0 {
		return h.Roles.TrainingValidity
	}
	return 365 * 24 * time.Hour
}

// gatePassed reports whether the evidence allows the team role at now.
func (h *Handler) gatePassed(g *storage.TeamGate, now time.Time) bool {
	return g != nil && !g.DeclarationAt.IsZero() && (!h.Roles.TrainingRequired || h.trainingValid(g, now))
}

// missingText lists what the gate still needs.
func (h *Handler) missingText(g *storage.TeamGate) string {
	pt := h.Texts.People
	var missing []string
	if g == nil || g.DeclarationAt.IsZero() {
		missing = append(missing, pt.MissingDeclaration)
	}
	if h.Roles.TrainingRequired && (g == nil || !h.trainingValid(g, h.Now())) {
		missing = append(missing, pt.MissingTraining)
	}
	return strings.Join(missing, pt.And)
}

// evaluateGate activates a pending or paused team role whose gate is
// passed: the role becomes active, Lotse invites the person to the team
// room and tells them and the one who caused it.
func (h *Handler) evaluateGate(ctx context.Context, user, actor id.UserID) (bool, error) {
	pt := h.Texts.People
	roles := h.DB.Roles()
	r, err := roles.Get(ctx, user.String(), storage.RoleTeam)
	if err != nil || r == nil || r.Status == storage.RoleRemoved {
		return false, err
	}
	g, err := roles.Gate(ctx, user.String())
	if err != nil || !h.gatePassed(g, h.Now()) {
		return false, err
	}
	now := h.Now()
	cause := turnOf(ctx).msg.Event.ID.String()
	changed, err := roles.Set(ctx, user.String(), storage.RoleTeam, storage.RoleActive, actor.String(),
		storage.RoleAuditEntry{Key: "activate:" + cause, At: now, Actor: actor.String(), Subject: user.String(), Action: "activate", Detail: storage.RoleTeam}, now)
	if err != nil {
		return false, err
	}
	if !changed && !h.lastRoleAudit(ctx, "activate:"+cause) {
		return false, nil
	}
	if h.supportOn() && h.Rooms != nil {
		if err := h.Rooms.Invite(ctx, h.Support.TeamRoom, user, pt.InviteReason); err != nil {
			zerolog.Ctx(ctx).Info().Err(err).Msg("Could not invite to the team room")
		}
	}
	if room := h.dmRoomOf(ctx, user, g); room != "" && room != turnOf(ctx).msg.Event.RoomID {
		if _, err := h.sendMarkdownTo(ctx, room, pt.TeamActiveMember, nil, h.causeTxn(ctx, "team-active-member", 0)); err != nil {
			return true, err
		}
	}
	return true, h.replyMarkdown(ctx, formatText(pt.TeamActive, escape(user.String())))
}

// dmRoomOf is the person's DM with Lotse, if Lotse knows it.
func (h *Handler) dmRoomOf(ctx context.Context, user id.UserID, g *storage.TeamGate) id.RoomID {
	if g != nil && g.DMRoom != "" {
		return id.RoomID(g.DMRoom)
	}
	if m, err := h.DB.Onboarding().Get(ctx, user.String()); err == nil && m != nil && m.DMRoom != "" {
		return id.RoomID(m.DMRoom)
	}
	return ""
}

// revokeRole removes a role. Removing the team role also removes the
// person from the team and approvals rooms and gives their cases back to
// the queue, with a note in each case thread.
func (h *Handler) revokeRole(ctx context.Context, user id.UserID, role string, actor id.UserID) error {
	pt := h.Texts.People
	now := h.Now()
	cause := turnOf(ctx).msg.Event.ID.String()
	changed, err := h.DB.Roles().Set(ctx, user.String(), role, storage.RoleRemoved, actor.String(),
		storage.RoleAuditEntry{Key: "revoke:" + cause, At: now, Actor: actor.String(), Subject: user.String(), Action: "revoke", Detail: role}, now)
	if err != nil {
		return err
	}
	if !changed && !h.lastRoleAudit(ctx, "revoke:"+cause) {
		return h.replyMarkdown(ctx, formatText(pt.NotHeld, escape(user.String()), h.roleLabel(role)))
	}
	if err := h.offboard(ctx, user, role, pt.KickReason, cause); err != nil {
		return err
	}
	return h.replyMarkdown(ctx, formatText(pt.Revoked, escape(user.String()), h.roleLabel(role)))
}

// offboard takes the consequences of losing (or pausing) a role.
// base names the cause (event or scheduled key) for transaction IDs.
func (h *Handler) offboard(ctx context.Context, user id.UserID, role, reason, base string) error {
	var rooms []id.RoomID
	switch role {
	case storage.RoleTeam:
		rooms = append(rooms, h.Support.TeamRoom, h.Access.ApprovalsRoom)
	case storage.RoleApprover:
		rooms = append(rooms, h.Access.ApprovalsRoom)
	}
	if h.Rooms != nil {
		for _, room := range rooms {
			if room == "" {
				continue
			}
			// Someone who is still an approver by config keeps the approvals room.
			if room == h.Access.ApprovalsRoom && role == storage.RoleTeam && h.hasApprover(ctx, user) {
				continue
			}
			if err := h.Rooms.Kick(ctx, room, user, reason); err != nil {
				zerolog.Ctx(ctx).Info().Err(err).Stringer("room_id", room).Msg("Could not remove from room")
			}
		}
	}
	if role != storage.RoleTeam || !h.supportOn() {
		return nil
	}
	claimed, err := h.DB.Roles().ClaimedBy(ctx, user.String())
	if err != nil {
		return err
	}
	for _, caseID := range claimed {
		ok, after, err := h.DB.Cases.Unclaim(ctx, caseID, user.String(), h.Now())
		if err != nil {
			return err
		}
		if !ok || after == nil {
			continue
		}
		if _, err := h.toThread(ctx, after, formatText(h.Texts.People.CaseReturned, caseID), "", h.TxnID(id.EventID("lotse-offboard/"+base), fmt.Sprintf("case-returned-%d", caseID), 0)); err != nil {
			return err
		}
		if err := h.updateBoard(ctx, caseID); err != nil {
			return err
		}
	}
	return nil
}

// cmdRoles lists roles and the state of the team gate.
func cmdRoles(ce *CommandEvent) error {
	h := ce.Meta
	pt := h.Texts.People
	list, err := h.DB.Roles().List(ce.Ctx)
	if err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString(pt.RolesIntro + "\n\n")
	for _, a := range h.Roles.Admins {
		fmt.Fprintf(&b, "- %s – %s\n", escape(a.String()), pt.RoleAdmin)
	}
	for _, a := range h.Access.Approvers {
		fmt.Fprintf(&b, "- %s – %s (%s)\n", escape(a.String()), pt.RoleApprover, pt.FromConfig)
	}
	for _, r := range list {
		line := fmt.Sprintf("- %s – %s: %s", escape(r.UserID), h.roleLabel(r.Role), h.statusWord(r.Status))
		if r.Role == storage.RoleTeam {
			g, err := h.DB.Roles().Gate(ce.Ctx, r.UserID)
			if err != nil {
				return err
			}
			line += " (" + h.gateSummary(g) + ")"
		}
		b.WriteString(line + "\n")
	}
	if len(list) == 0 && len(h.Roles.Admins) == 0 && len(h.Access.Approvers) == 0 {
		b.WriteString(pt.RolesEmpty + "\n")
	}
	return h.replyMarkdown(ce.Ctx, b.String())
}

// gateSummary shows the declaration and training dates.
func (h *Handler) gateSummary(g *storage.TeamGate) string {
	pt := h.Texts.People
	date := func(t time.Time) string {
		if t.IsZero() {
			return pt.Missing
		}
		return t.In(h.location()).Format("02.01.2006")
	}
	if g == nil {
		g = &storage.TeamGate{}
	}
	s := formatText(pt.GateDeclaration, date(g.DeclarationAt))
	if h.Roles.TrainingRequired || !g.TrainingAt.IsZero() {
		s += ", " + formatText(pt.GateTraining, date(g.TrainingAt))
	}
	return s
}

// parseDate reads 02.03.2026, 2.3.2026, 2026-03-02 or heute/today.
func (h *Handler) parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(strings.ToLower(s))
	if s == "" || s == "heute" || s == "today" {
		return h.Now(), true
	}
	for _, layout := range []string{"02.01.2006", "2.1.2006", "2006-01-02", "02.01.06"} {
		if t, err := time.ParseInLocation(layout, s, h.location()); err == nil {
			if t.After(h.Now()) {
				return time.Time{}, false
			}
			return t.Add(12 * time.Hour), true
		}
	}
	return time.Time{}, false
}

// cmdDeclaration records a signed privacy declaration: !erklärung @name erhalten [Datum].
func cmdDeclaration(ce *CommandEvent) error {
	h := ce.Meta
	pt := h.Texts.People
	target, rest := h.userArg(ce)
	if target == "" {
		return h.replyMarkdown(ce.Ctx, pt.DeclarationUsage)
	}
	if target == ce.Sender {
		return h.replyMarkdown(ce.Ctx, pt.NotSelf)
	}
	dateArg := ""
	for _, a := range rest {
		switch strings.ToLower(a) {
		case "erhalten", "received", "liegt", "vor":
		default:
			dateArg = a
		}
	}
	at, ok := h.parseDate(dateArg)
	if !ok {
		return h.replyMarkdown(ce.Ctx, pt.DateInvalid)
	}
	return h.recordGate(ce, target, func(g *storage.TeamGate) { g.DeclarationAt, g.DeclarationBy = at, ce.Sender.String() }, "declaration",
		formatText(pt.DeclarationRecorded, escape(target.String()), at.In(h.location()).Format("02.01.2006")))
}

// cmdTraining records an attended data-protection training: !schulung @name <Datum>.
func cmdTraining(ce *CommandEvent) error {
	h := ce.Meta
	pt := h.Texts.People
	target, rest := h.userArg(ce)
	if target == "" || len(rest) == 0 {
		return h.replyMarkdown(ce.Ctx, pt.TrainingUsage)
	}
	if target == ce.Sender {
		return h.replyMarkdown(ce.Ctx, pt.NotSelf)
	}
	at, ok := h.parseDate(rest[len(rest)-1])
	if !ok {
		return h.replyMarkdown(ce.Ctx, pt.DateInvalid)
	}
	until := at.Add(h.trainingValidity())
	return h.recordGate(ce, target, func(g *storage.TeamGate) { g.TrainingAt, g.TrainingBy = at, ce.Sender.String() }, "training",
		formatText(pt.TrainingRecorded, escape(target.String()), at.In(h.location()).Format("02.01.2006"), until.In(h.location()).Format("02.01.2006")))
}

// recordGate stores gate evidence, answers, and activates the role if the gate is now passed.
func (h *Handler) recordGate(ce *CommandEvent, target id.UserID, set func(*storage.TeamGate), action, answer string) error {
	now := h.Now()
	g, err := h.DB.Roles().Gate(ce.Ctx, target.String())
	if err != nil {
		return err
	}
	if g == nil {
		g = &storage.TeamGate{UserID: target.String()}
	}
	set(g)
	g.UpdatedAt = now
	cause := turnOf(ce.Ctx).msg.Event.ID.String()
	if err := h.DB.Roles().PutGate(ce.Ctx, *g, storage.RoleAuditEntry{Key: action + ":" + cause, At: now, Actor: ce.Sender.String(),
		Subject: target.String(), Action: action, Detail: g.DeclarationAt.Format("2006-01-02") + "/" + g.TrainingAt.Format("2006-01-02")}); err != nil {
		return err
	}
	if err := h.replyMarkdown(ce.Ctx, answer); err != nil {
		return err
	}
	activated, err := h.evaluateGate(ce.Ctx, target, ce.Sender)
	if err != nil || activated {
		return err
	}
	r, err := h.DB.Roles().Get(ce.Ctx, target.String(), storage.RoleTeam)
	if err != nil {
		return err
	}
	if r != nil && r.Status != storage.RoleRemoved && r.Status != storage.RoleActive {
		return h.replyMarkdown(ce.Ctx, formatText(h.Texts.People.StillMissing, escape(target.String()), h.missingText(g)))
	}
	return nil
}

// cmdTeam: !team beitreten files an application; !team shows its state.
func cmdTeam(ce *CommandEvent) error {
	h := ce.Meta
	pt := h.Texts.People
	if !h.supportOn() {
		return h.replyMarkdown(ce.Ctx, h.Texts.Support.NotEnabled)
	}
	if !turnOf(ce.Ctx).msg.Direct {
		return h.replyMarkdown(ce.Ctx, pt.DMOnly)
	}
	if len(ce.Args) > 0 {
		switch strings.ToLower(ce.Args[0]) {
		case "beitreten", "join", "bewerben", "apply":
			return h.requestTeam(ce.Ctx, ce.Sender, ce.Sender, ce.RoomID.String(), true)
		}
	}
	r, err := h.DB.Roles().Get(ce.Ctx, ce.Sender.String(), storage.RoleTeam)
	if err != nil {
		return err
	}
	if r == nil || r.Status == storage.RoleRemoved {
		return h.replyMarkdown(ce.Ctx, pt.TeamNone)
	}
	g, err := h.DB.Roles().Gate(ce.Ctx, ce.Sender.String())
	if err != nil {
		return err
	}
	return h.replyMarkdown(ce.Ctx, formatText(pt.TeamStatus, h.statusWord(r.Status), h.gateSummary(g)))
}

func mentionContent(md string, users ...id.UserID) *event.MessageEventContent {
	return chat.MentionContent(md, users...)
}

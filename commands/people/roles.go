package people

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/golang-lru/v2/simplelru"
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

// JoinGuide is the guide about joining the team that an application
// points to, when the library has it (library/team).
const JoinGuide = "team/digitalisierungsteam-beitreten.md"

// isAdmin reports whether user is a configured admin.
func (w *Workflow) isAdmin(user id.UserID) bool {
	return user != w.Matrix.UserID() && slices.Contains(w.cfg.Roles.Admins, user)
}

// HasApprover reports whether user is an approver: listed in the config
// (approvers) or holding the approver role.
func (w *Workflow) HasApprover(ctx context.Context, user id.UserID) bool {
	if user == "" || user == w.Matrix.UserID() {
		return false
	}
	if slices.Contains(w.cfg.Approvers, user) {
		return true
	}
	ok, err := w.DB.Roles().Has(ctx, user.String(), storage.RoleApprover)
	return err == nil && ok
}

// CanManage reports whether user may manage roles and record declarations.
func (w *Workflow) CanManage(ctx context.Context, user id.UserID) bool {
	return w.isAdmin(user) || w.HasApprover(ctx, user)
}

// belongsInApprovalsRoom reports whether user belongs in the approvals
// room: admins, approvers (by role or config) and coordinators, who get
// the training notices there. It is the one rule for warning about a join
// (approvalsRoomJoined) and for removing someone who lost a role (offboard)
// (whole-change review 20, people, M3).
func (w *Workflow) belongsInApprovalsRoom(ctx context.Context, user id.UserID) (bool, error) {
	if w.CanManage(ctx, user) {
		return true, nil
	}
	return w.DB.Roles().Has(ctx, user.String(), storage.RoleCoordinator)
}

// HasTeamRole reports whether user holds the active team role and the
// evidence on file still carries it: a declaration that was taken back
// or a required training that has expired ends the access at the check
// itself. Before, only the worker's minute tick (and the revocation's own
// second write) turned the role from active to paused or pending, so an
// expired team member kept every case, the team room's commands and the
// team's guides until the next tick — after a restart until the first
// tick, and while Lotse was down over the expiry, the events that waited
// were handled with the old role (thirty-fourth pass, onb34). An active
// role without any evidence row (only the demo's, written before Lotse
// starts) is taken as it stands.
func (w *Workflow) HasTeamRole(ctx context.Context, user id.UserID) bool {
	ok, err := w.DB.Roles().Has(ctx, user.String(), storage.RoleTeam)
	if err != nil || !ok {
		return false
	}
	g, err := w.DB.Roles().Gate(ctx, user.String())
	return err == nil && (g == nil || w.gatePassed(g, w.Now()))
}

// roleName maps what people type to a stored role: the names the help
// shows, and the person's title in the forms people write it, gender-
// inclusive ones too („Koordinator*in“, „Genehmiger:in“; onb34: before,
// they got only the usage).
func roleName(s string) string {
	switch genderMark.Replace(strings.ToLower(strings.TrimSpace(s))) {
	case "team", "digitalteam", "digitalisierungsteam", "teammitglied":
		return storage.RoleTeam
	case "koordination", "koordinator", "koordinatorin", "koordinatorinnen", "koordinatoren", "coordinator", "coordination":
		return storage.RoleCoordinator
	case "genehmigung", "genehmigende", "genehmigender", "genehmiger", "genehmigerin", "genehmigerinnen", "genehmigenden", "approver", "approval":
		return storage.RoleApprover
	}
	return ""
}

// genderMark drops the gender star and its kin before „in“/„innen“.
var genderMark = strings.NewReplacer("*in", "in", ":in", "in", "_in", "in", "/in", "in", "·in", "in")

func (w *Workflow) roleLabel(role string) string {
	pt := w.tx
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

func (w *Workflow) statusWord(status string) string {
	pt := w.tx
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
func (w *Workflow) cmdRole(ce *chat.Call) error {
	pt := w.tx
	target, rest := w.UserArg(ce)
	if target == "" || len(rest) == 0 {
		return w.ReplyMarkdown(ce.Ctx, w.idHint(ce.Args, target)+pt.RoleUsage)
	}
	word := rest[0]
	revoke := strings.HasPrefix(word, "-") || (len(rest) > 1 && revokeWords[strings.ToLower(rest[1])])
	role := roleName(strings.TrimLeft(word, "+-"))
	if role == "" {
		return w.ReplyMarkdown(ce.Ctx, pt.RoleUsage)
	}
	if target == ce.Sender {
		return w.ReplyMarkdown(ce.Ctx, pt.NotSelf)
	}
	if role == storage.RoleApprover && !w.isAdmin(ce.Sender) {
		return w.ReplyMarkdown(ce.Ctx, pt.AdminOnly)
	}
	if revoke {
		return w.revokeRole(ce.Ctx, target, role, ce.Sender)
	}
	if err := w.warnID(ce.Ctx, target); err != nil {
		return err
	}
	if role == storage.RoleTeam {
		return w.requestTeam(ce.Ctx, target, ce.Sender, "", false)
	}
	now := w.Now()
	cause := chat.TurnOf(ce.Ctx).Event.ID.String()
	changed, err := w.DB.Roles().Set(ce.Ctx, target.String(), role, storage.RoleActive, ce.Sender.String(),
		storage.RoleAuditEntry{Key: "grant:" + cause, At: now, Actor: ce.Sender.String(), Subject: target.String(), Action: "grant", Detail: role}, now)
	if err != nil {
		return err
	}
	if !changed && !w.lastRoleAudit(ce.Ctx, "grant:"+cause) {
		answer := chat.Format(pt.AlreadyHas, chat.Escape(target.String()), w.roleLabel(role))
		// Granted again to someone who left the approvals room (or never
		// got there): the grant is how a manager asks to have them back,
		// and before, nothing was sent (pass 31's Left; roles32).
		switch w.inviteIfOut(ce.Ctx, w.cfg.ApprovalsRoom, target, false) {
		case rejoinInvited, rejoinPending:
			answer += " " + chat.Format(pt.NotInApprovalsRoom, chat.Escape(target.String()))
		case rejoinBanned:
			answer += " " + chat.Format(pt.BannedInApprovalsRoom, chat.Escape(target.String()))
		}
		return w.ReplyMarkdown(ce.Ctx, answer)
	}
	// Approvers work in the approvals room; coordinators get the training
	// notices there, which mention them — a coordinator Lotse never
	// invited saw none of them (thirty-first pass, onb31).
	if (role == storage.RoleApprover || role == storage.RoleCoordinator) && w.cfg.ApprovalsRoom != "" && w.Rooms != nil {
		if err := w.Rooms.Invite(ce.Ctx, w.cfg.ApprovalsRoom, target, pt.InviteReason); err != nil {
			zerolog.Ctx(ce.Ctx).Info().Err(err).Msg("Could not invite to the approvals room")
		}
	}
	return w.ReplyMarkdown(ce.Ctx, chat.Format(pt.Granted, chat.Escape(target.String()), w.roleLabel(role)))
}

// Outcomes of inviteIfOut.
type rejoin int

const (
	rejoinNone    rejoin = iota // in the room, no room, or the membership cannot be read: nothing sent
	rejoinInvited               // invited now
	rejoinPending               // an invitation is waiting for them already
	rejoinBanned                // banned from the room by a room admin: not invited
	rejoinRemoved               // removed by someone else than Lotse, asking themselves: not invited
	rejoinSoon                  // invited by their own request within rejoinEvery: not again yet
	rejoinFailed                // the invite failed (no power to invite there)
)

// inviteIfOut invites user, who holds a role that belongs in room, when
// they are not in it, and says what it did. The membership is read first
// (the state store the sync keeps): someone joined gets no invite, one
// invited and not yet answered none either (bot.Bot.Invite sends none
// too), and someone a room admin banned none at all — the ban is the room
// admins' decision, and an invite would fail against it anyway. Someone
// who left, declined, was removed or never came is invited. self: the
// person asked themselves (`!team beitreten`): one removed by someone
// else than Lotse (a room admin's kick) is not invited — that is undone
// by a manager's grant, not by the one removed —, a membership that
// cannot be read invites nobody, and the invite goes out at most once per
// rejoinEvery (rejoinBound): each invite is an event in the room, and
// leave, `!team beitreten`, leave … would fill its timeline.
// A failure is logged: the role stands, and a manager can invite by hand.
func (w *Workflow) inviteIfOut(ctx context.Context, room id.RoomID, user id.UserID, self bool) rejoin {
	if room == "" || w.Rooms == nil {
		return rejoinNone
	}
	ms, by, err := chat.MembershipOf(ctx, w.Matrix, room, user)
	switch {
	case err != nil && self:
		zerolog.Ctx(ctx).Warn().Err(err).Stringer("room_id", room).Msg("Could not read a membership")
		return rejoinFailed
	case err != nil && ms != event.MembershipLeave && ms != event.MembershipKnock:
		zerolog.Ctx(ctx).Warn().Err(err).Stringer("room_id", room).Msg("Could not read a membership")
		return rejoinNone
	case err != nil:
		// A manager's grant: out of the room (or knocking), only who
		// removed them is unknown, which does not matter here.
		zerolog.Ctx(ctx).Info().Err(err).Stringer("room_id", room).Msg("Could not read who removed someone; inviting them at a manager's grant")
	case ms == event.MembershipJoin:
		return rejoinNone
	case ms == event.MembershipInvite:
		return rejoinPending
	case ms == event.MembershipBan:
		return rejoinBanned
	case self && by != "" && by != user && by != w.Matrix.UserID():
		// Removed by someone (a room admin's kick, also one before their
		// own knock — mend33b): not undone at the person's own request; a
		// manager's grant is a decision, and invites.
		return rejoinRemoved
	}
	if self && !w.rejoins.take(room, user, w.Now()) {
		return rejoinSoon
	}
	if err := w.Rooms.Invite(ctx, room, user, w.tx.InviteReason); err != nil {
		zerolog.Ctx(ctx).Info().Err(err).Stringer("room_id", room).Msg("Could not invite again")
		if self {
			// No invite went out: the next request is not told that one
			// did „vor Kurzem“ (mend33b).
			w.rejoins.forget(room, user)
		}
		return rejoinFailed
	}
	return rejoinInvited
}

// rejoinEvery is how often a team member's own `!team beitreten` invites
// them back into the team room at most (inviteIfOut).
const rejoinEvery = time.Hour

// rejoinBound remembers when each person was last invited back at their
// own request (at most rejoinKept people; after a restart, or for the
// least recently invited beyond the bound, the next request invites).
type rejoinBound struct {
	mu   sync.Mutex
	last *simplelru.LRU[string, time.Time]
}

const rejoinKept = 1024

func newRejoinBound() *rejoinBound {
	last, err := simplelru.NewLRU[string, time.Time](rejoinKept, nil)
	if err != nil {
		panic(err) // only for a size below 1
	}
	return &rejoinBound{last: last}
}

// take reports whether user may be invited into room at now, and if so
// counts the invite.
func (r *rejoinBound) take(room id.RoomID, user id.UserID, now time.Time) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	key := room.String() + " " + user.String()
	if at, ok := r.last.Peek(key); ok && now.Sub(at) < rejoinEvery && !now.Before(at) {
		return false
	}
	r.last.Add(key, now)
	return true
}

// forget takes back the invite take counted (it was not sent).
func (r *rejoinBound) forget(room id.RoomID, user id.UserID) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.last.Remove(room.String() + " " + user.String())
}

// idHint explains, before a command's usage, what is wrong with the
// person a role command names when it names nobody Lotse can read: a word
// with @ but no server („@anna“, as Element shows people in a list) gets
// the ID on Lotse's own server as a suggestion, words without any @ („anna
// team“) the form of a Matrix ID and where Element shows it. Before, both
// got only the usage, whose „@name“ a managing director who knows the
// person as „Anna“ took for what they had typed (thirty-fourth pass,
// onb34). Nothing is recorded on a guess; the suggestion is only said.
// "" when a person was found (target) or there are no words at all.
func (w *Workflow) idHint(args []string, target id.UserID) string {
	if target != "" || len(args) == 0 {
		return ""
	}
	server := w.Matrix.UserID().Homeserver()
	for _, a := range args {
		if !strings.HasPrefix(a, "@") {
			continue
		}
		local := strings.ToLower(strings.TrimRight(strings.TrimPrefix(a, "@"), ",.;:"))
		if local == "" || strings.Contains(local, ":") || id.ValidateUserLocalpart(local) != nil {
			break // not something a suggestion can mend
		}
		suggestion := id.NewUserID(local, server)
		if _, _, err := suggestion.ParseAndValidateStrict(); err != nil || server == "" {
			break
		}
		return chat.Format(w.tx.IDNoServer, suggestion.String()) + "\n\n"
	}
	if server == "" {
		server = "server"
	}
	return chat.Format(w.tx.IDMissing, server) + "\n\n"
}

// warnID warns the one who grants a role or records evidence when the
// Matrix ID may not be the person they mean: Lotse has never heard of it
// (no message, application, role or evidence: a typo, or a look-alike
// such as @anna:examp1e.org), or it is on another server than Lotse's.
// Before, the answer only echoed the ID, and a declaration or a role for
// nobody (or for an impostor) was recorded without a word (twenty-seventh
// pass, onb27). It warns and does not refuse: members of other servers
// may belong, and a grant may come before the first message.
func (w *Workflow) warnID(ctx context.Context, target id.UserID) error {
	pt := w.tx
	var warn []string
	if server, own := target.Homeserver(), w.Matrix.UserID().Homeserver(); server != own {
		warn = append(warn, chat.Format(pt.OtherServer, chat.Escape(target.String()), chat.Escape(server), chat.Escape(own)))
	}
	known, err := w.knownPerson(ctx, target)
	if err != nil {
		return err
	}
	if !known {
		warn = append(warn, chat.Format(pt.UnknownID, chat.Escape(target.String())))
	}
	if len(warn) == 0 {
		// The warning's reply number stays taken, so the answer after it
		// keeps its transaction ID when the event is handled again and the
		// ID is known by then (whole27: a retried confirmation took the
		// warning's ID and was never sent).
		if t := chat.TurnOf(ctx); t != nil {
			t.Next()
		}
		return nil
	}
	return w.ReplyMarkdown(ctx, "⚠️ "+strings.Join(warn, " "))
}

// knownPerson reports whether Lotse has anything about user: a message
// (onboarding state), a role in any state, or team gate evidence.
func (w *Workflow) knownPerson(ctx context.Context, user id.UserID) (bool, error) {
	if m, err := w.DB.Onboarding().Get(ctx, user.String()); err != nil || m != nil {
		return m != nil, err
	}
	if roles, err := w.DB.Roles().Of(ctx, user.String()); err != nil || len(roles) > 0 {
		return len(roles) > 0, err
	}
	g, err := w.DB.Roles().Gate(ctx, user.String())
	return g != nil, err
}

// lastRoleAudit reports whether the audit entry key exists: a retry of
// the same event repeats its answer (same transaction ID) instead of
// saying "nothing changed".
func (w *Workflow) lastRoleAudit(ctx context.Context, key string) bool {
	// One lookup by key: reading the whole log cost every role command
	// more with each entry (security review 22, Low 2).
	ok, err := w.DB.Roles().AuditHas(ctx, key)
	return err == nil && ok
}

// requestTeam files a team application (self) or a grant (by a manager),
// then activates the role if the gate is already passed.
func (w *Workflow) requestTeam(ctx context.Context, user, actor id.UserID, dmRoom string, self bool) error {
	pt := w.tx
	now := w.Now()
	cause := chat.TurnOf(ctx).Event.ID.String()
	roles := w.DB.Roles()
	r, err := roles.Get(ctx, user.String(), storage.RoleTeam)
	if err != nil {
		return err
	}
	// Active and carried by the evidence: the role is held. An active role
	// whose training expired or whose declaration was taken back (the
	// worker has not paused it yet) goes on below as one that waits for
	// the gate: „schon freigeschaltet“ and an invite back into the team
	// room were wrong for it (onb34).
	if r != nil && r.Status == storage.RoleActive && w.HasTeamRole(ctx, user) {
		if self {
			return w.ReplyMarkdown(ctx, w.teamAlready(ctx, user))
		}
		answer := chat.Format(pt.AlreadyHas, chat.Escape(user.String()), w.roleLabel(storage.RoleTeam))
		if w.teamOn() {
			switch w.inviteIfOut(ctx, w.cfg.TeamRoom, user, false) {
			case rejoinInvited, rejoinPending:
				answer += " " + chat.Format(pt.NotInTeamRoom, chat.Escape(user.String()))
			case rejoinBanned:
				answer += " " + chat.Format(pt.BannedInTeamRoom, chat.Escape(user.String()))
			}
		}
		return w.ReplyMarkdown(ctx, answer)
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
	action, key := "grant", "grant-gate:"+cause
	if self {
		action = "apply"
		if g.AppliedAt.IsZero() {
			g.AppliedAt = now
		}
		// One entry per state of the person's team role, not one per
		// message: „!team beitreten“ sent again and again wrote a row each
		// time (security review 22, Low 2).
		key = "apply-gate:" + user.String() + ":" + roleState(r)
	}
	g.UpdatedAt = now
	if err := roles.PutGate(ctx, *g, storage.RoleAuditEntry{Key: key, At: now, Actor: actor.String(), Subject: user.String(),
		Action: action, Detail: storage.RoleTeam}); err != nil {
		return err
	}
	if self && r != nil && r.Status == storage.RoleRemoved {
		// The role was revoked: it sticks until someone with the right to
		// grant it grants it again (!rolle), whatever the evidence on file.
		return w.appliedAfterRevocation(ctx, user)
	}
	granted := false // a manager's grant made the role pending (now or in the attempt this retries)
	if r == nil || r.Status == storage.RoleRemoved {
		changed, err := roles.Set(ctx, user.String(), storage.RoleTeam, storage.RolePending, actor.String(),
			storage.RoleAuditEntry{Key: action + ":" + cause, At: now, Actor: actor.String(), Subject: user.String(), Action: action, Detail: storage.RoleTeam + " (pending)"}, now)
		if err != nil {
			return err
		}
		granted = !self && changed
	}
	granted = granted || (!self && r != nil && r.Status == storage.RolePending && w.lastRoleAudit(ctx, action+":"+cause))
	activated, err := w.evaluateGate(ctx, user, actor)
	if err != nil || activated {
		return err
	}
	missing := w.missingText(g)
	if self {
		applied := chat.Format(pt.Applied, missing)
		if g, ok := w.Guides.Current().GetFor(JoinGuide, false); ok {
			applied += " " + chat.Format(pt.AppliedGuide, chat.Escape(g.Title))
		}
		if err := w.ReplyMarkdown(ctx, applied); err != nil {
			return err
		}
		return w.tellApproversOnce(ctx, user, chat.Format(pt.AppliedApprovers, chat.Escape(user.String()), missing, w.recordWith(user, g)))
	}
	// Someone who never wrote to Lotse is not written to on a grant: the
	// ID may be a typo for someone else's account (@anna:matrix.org for
	// @anna:verein.de), and a stranger got a direct chat from the party's
	// bot saying they were put forward for the team (onb34). The manager
	// reads that the person is told at the activation, after the
	// declaration — by then checked by whoever recorded it.
	tell := granted
	answer := chat.Format(pt.GrantPending, chat.Escape(user.String()), missing) + " " + w.recordWith(user, g)
	if granted {
		m, err := w.DB.Onboarding().Get(ctx, user.String())
		if err != nil {
			return err
		}
		if tell = m != nil; !tell {
			answer += "\n\n" + pt.GrantPendingNotTold
		}
	}
	if err := w.ReplyMarkdown(ctx, answer); err != nil || !tell {
		return err
	}
	// The person learns that they were put forward and what is missing:
	// before, only the manager was told, and the person saw nothing until
	// the role was activated — or, for a declaration they never signed,
	// never (twenty-seventh pass, mend27a). Once per grant (persisted); a
	// grant that repeats one still pending tells nobody anew.
	return w.notice(ctx, "grant-pending:"+cause+":"+user.String(), user, "", chat.MentionContent(chat.Format(pt.GrantPendingMember, missing)), now)
}

// teamAlready answers `!team beitreten` from someone whose team role is
// active. One who is not in the team room — left it, declined the invite,
// or never got one — is invited back (rooms33: before, only a manager's
// `!rolle` did, and the member had the role and no way in); one banned
// from it, or removed from it, by a room admin is told to ask the
// coordinators, and not invited. At most one invite per rejoinEvery
// (inviteIfOut).
func (w *Workflow) teamAlready(ctx context.Context, user id.UserID) string {
	pt := w.tx
	if !w.teamOn() {
		return pt.TeamAlready
	}
	switch w.inviteIfOut(ctx, w.cfg.TeamRoom, user, true) {
	case rejoinInvited:
		return pt.TeamAlready + " " + pt.TeamRejoined
	case rejoinPending:
		return pt.TeamAlready + " " + pt.TeamRejoinPending
	case rejoinBanned:
		return pt.TeamAlready + " " + pt.TeamRejoinBanned
	case rejoinRemoved:
		return pt.TeamAlready + " " + pt.TeamRejoinRemoved
	case rejoinSoon:
		return pt.TeamAlready + " " + pt.TeamRejoinSoon
	case rejoinFailed:
		return pt.TeamAlready + " " + pt.TeamRejoinFailed
	}
	return pt.TeamAlready
}

// roleState names a state of a team role (none yet, or its status since
// its last change), for keys that hold once per state.
func roleState(r *storage.MemberRole) string {
	if r == nil {
		return "none"
	}
	return r.Status + ":" + strconv.FormatInt(r.UpdatedAt.UnixMilli(), 10)
}

// appliedAfterRevocation answers a self-application of someone whose team
// role was revoked and tells the approvers; the role stays removed.
func (w *Workflow) appliedAfterRevocation(ctx context.Context, user id.UserID) error {
	if err := w.ReplyMarkdown(ctx, w.tx.AppliedRevoked); err != nil {
		return err
	}
	return w.tellApproversOnce(ctx, user, chat.Format(w.tx.AppliedRevokedApprovers, chat.Escape(user.String()), chat.Escape(user.String())))
}

// tellApproversOnce posts a team application into the approvals room once
// per state of the person's team role: applying again while the approvers
// already know (pending, or revoked since the same revocation) posts
// nothing new (issue #15, Low: `!team beitreten` reposted every time).
//
// Without an approvals room (support cases on, access requests off: a
// configuration the config check accepts) it went nowhere, while the
// applicant was told that the approvers would get in touch: each of them
// gets it in their direct chat instead, once (twenty-seventh pass, onb27).
func (w *Workflow) tellApproversOnce(ctx context.Context, user id.UserID, md string) error {
	r, err := w.DB.Roles().Get(ctx, user.String(), storage.RoleTeam)
	if err != nil {
		return err
	}
	key := "team-applied:" + user.String() + ":"
	if r != nil {
		key += roleState(r)
	}
	if w.cfg.ApprovalsRoom == "" {
		managers, err := w.managers(ctx)
		if err != nil {
			return err
		}
		return w.noticeEach(ctx, key, user, managers, md, w.Now())
	}
	if done, err := w.DB.Roles().NoticeDone(ctx, key); err != nil || done {
		return err
	}
	if _, err := w.SendMarkdownTo(ctx, w.cfg.ApprovalsRoom, md, nil, w.CauseTxn(ctx, "team-applied", 0)); err != nil {
		return err
	}
	return w.DB.Roles().MarkNotice(ctx, key, user.String(), w.Now())
}

// managers lists who may record declarations and grant the team role:
// the admins and approvers from the configuration and the approvers by
// role, each once, in that order.
func (w *Workflow) managers(ctx context.Context) ([]id.UserID, error) {
	byRole, err := w.DB.Roles().WithRole(ctx, storage.RoleApprover)
	if err != nil {
		return nil, err
	}
	var out []id.UserID
	add := func(u id.UserID) {
		if u != "" && u != w.Matrix.UserID() && !slices.Contains(out, u) {
			out = append(out, u)
		}
	}
	for _, u := range w.cfg.Roles.Admins {
		add(u)
	}
	for _, u := range w.cfg.Approvers {
		add(u)
	}
	for _, u := range byRole {
		add(id.UserID(u))
	}
	return out, nil
}

// noticeEach sends md about user to each of to (never to user) in their
// direct chat, once per key and recipient: where there is no approvals
// room, the people it would have reached there. One recipient whose chat
// fails holds up nobody else's.
func (w *Workflow) noticeEach(ctx context.Context, key string, user id.UserID, to []id.UserID, md string, now time.Time) error {
	var errs []error
	for _, m := range to {
		if m == user {
			continue
		}
		errs = append(errs, w.noticeAbout(ctx, key+":to:"+m.String(), m, user, "", chat.MentionContent(md), now))
	}
	return errors.Join(errs...)
}

// trainingValid reports whether g has a training that is still valid at now.
func (w *Workflow) trainingValid(g *storage.TeamGate, now time.Time) bool {
	return !g.TrainingAt.IsZero() && now.Before(w.trainingUntil(g.TrainingAt))
}

// trainingUntil returns when a training held at at stops counting. The
// validity is a duration in the configuration (default 365 days, „12
// Monate“): whole multiples of 365 days count calendar years, other whole
// days calendar days, both in the association's time zone; anything else is
// an exact duration. A flat 365 days let every training whose year holds a
// 29 February expire a day early (1.3.2027 „gültig bis 29.02.2028“, and
// the team role paused on that day), and whole days counted as 24 hours
// moved a time of day by the switch to or from summer time.
func (w *Workflow) trainingUntil(at time.Time) time.Time {
	const day, year = 24 * time.Hour, 365 * 24 * time.Hour
	v := w.cfg.Roles.TrainingValidity
	local := at.In(w.Location)
	switch {
	case v > 0 && v%year == 0:
		return local.AddDate(int(v/year), 0, 0)
	case v > 0 && v%day == 0:
		return local.AddDate(0, 0, int(v/day))
	}
	return at.Add(v)
}

// gatePassed reports whether the evidence allows the team role at now.
func (w *Workflow) gatePassed(g *storage.TeamGate, now time.Time) bool {
	return g != nil && !g.DeclarationAt.IsZero() && (!w.cfg.Roles.TrainingRequired || w.trainingValid(g, now))
}

// missingText lists what the gate still needs.
func (w *Workflow) missingText(g *storage.TeamGate) string {
	pt := w.tx
	var missing []string
	if g == nil || g.DeclarationAt.IsZero() {
		missing = append(missing, pt.MissingDeclaration)
	}
	if w.cfg.Roles.TrainingRequired && (g == nil || !w.trainingValid(g, w.Now())) {
		missing = append(missing, pt.MissingTraining)
	}
	return strings.Join(missing, pt.And)
}

// recordWith says how to record what the gate still needs for user, with
// the command for each missing piece: the approvers' notice of an
// application named `!erklärung` also when only the training was missing,
// and a manager's grant and a recorded piece said what was missing but not
// how to record it (thirty-fourth pass, onb34: the managing director who
// grants a role on a bad day).
func (w *Workflow) recordWith(user id.UserID, g *storage.TeamGate) string {
	pt := w.tx
	who := chat.Escape(user.String())
	var cmds []string
	if g == nil || g.DeclarationAt.IsZero() {
		cmds = append(cmds, chat.Format(pt.RecordDeclaration, who))
	}
	if w.cfg.Roles.TrainingRequired && (g == nil || !w.trainingValid(g, w.Now())) {
		cmds = append(cmds, chat.Format(pt.RecordTraining, who))
	}
	if len(cmds) == 0 {
		return ""
	}
	return chat.Format(pt.RecordWith, strings.Join(cmds, pt.And))
}

// evaluateGate activates a pending or paused team role whose gate is
// passed: the role becomes active, Lotse invites the person to the team
// room and tells them and the one who caused it.
func (w *Workflow) evaluateGate(ctx context.Context, user, actor id.UserID) (bool, error) {
	pt := w.tx
	roles := w.DB.Roles()
	r, err := roles.Get(ctx, user.String(), storage.RoleTeam)
	if err != nil || r == nil || r.Status == storage.RoleRemoved {
		return false, err
	}
	g, err := roles.Gate(ctx, user.String())
	if err != nil || !w.gatePassed(g, w.Now()) {
		return false, err
	}
	now := w.Now()
	cause := chat.TurnOf(ctx).Event.ID.String()
	// Only from pending or paused: a revocation between the read above
	// and this write stays (storage.RoleQuery.SetFrom; onb34).
	changed, err := roles.SetFrom(ctx, user.String(), storage.RoleTeam, []string{storage.RolePending, storage.RolePaused}, storage.RoleActive, actor.String(),
		storage.RoleAuditEntry{Key: "activate:" + cause, At: now, Actor: actor.String(), Subject: user.String(), Action: "activate", Detail: storage.RoleTeam}, now)
	if err != nil {
		return false, err
	}
	if !changed && !w.lastRoleAudit(ctx, "activate:"+cause) {
		return false, nil
	}
	// A team exists: the first admin's own declaration (bootstrap.go) is
	// over for good, also when the team is empty again later.
	if err := w.closeBootstrap(ctx, now); err != nil {
		return true, err
	}
	// „… und in den Teamraum eingeladen“ only when it did: before, both
	// the manager and the person read it also when the invite failed (no
	// power to invite there), and nobody invited them (roles32).
	active, activeMember := pt.TeamActive, pt.TeamActiveMember
	if w.teamOn() && w.Rooms != nil {
		// Banned from the team room by a room admin: no invite (it would
		// fail), and nobody is asked to invite by hand „wahrscheinlich fehlt
		// mir das Recht“ (mend33b; the re-grant said so since rooms33).
		if ms, _, err := chat.MembershipOf(ctx, w.Matrix, w.cfg.TeamRoom, user); err == nil && ms == event.MembershipBan {
			active, activeMember = pt.TeamActiveBanned, pt.TeamActiveMemberBanned
		} else if err := w.Rooms.Invite(ctx, w.cfg.TeamRoom, user, pt.InviteReason); err != nil {
			zerolog.Ctx(ctx).Warn().Err(err).Msg("Could not invite to the team room")
			active, activeMember = pt.TeamActiveNoInvite, pt.TeamActiveMemberNoInvite
		}
	}
	// The person's direct chat as the bot checks it now, never a room
	// stored by an older version (issue #15: it may be someone else's).
	room, err := w.Matrix.DirectRoom(ctx, user)
	if err != nil {
		return true, fmt.Errorf("failed to find the direct chat: %w", err)
	}
	if room != chat.TurnOf(ctx).Event.RoomID {
		if _, err := w.SendMarkdownTo(ctx, room, activeMember, nil, w.CauseTxn(ctx, "team-active-member", 0)); err != nil {
			return true, err
		}
	}
	return true, w.ReplyMarkdown(ctx, chat.Format(active, chat.Escape(user.String())))
}

// revokeRole removes a role. Removing the team role also removes the
// person from the team and approvals rooms and gives their cases back to
// the queue, with a note in each case thread.
func (w *Workflow) revokeRole(ctx context.Context, user id.UserID, role string, actor id.UserID) error {
	pt := w.tx
	now := w.Now()
	cause := chat.TurnOf(ctx).Event.ID.String()
	changed, err := w.DB.Roles().Set(ctx, user.String(), role, storage.RoleRemoved, actor.String(),
		storage.RoleAuditEntry{Key: "revoke:" + cause, At: now, Actor: actor.String(), Subject: user.String(), Action: "revoke", Detail: role}, now)
	if err != nil {
		return err
	}
	if !changed && !w.lastRoleAudit(ctx, "revoke:"+cause) {
		return w.ReplyMarkdown(ctx, chat.Format(pt.NotHeld, chat.Escape(user.String()), w.roleLabel(role)))
	}
	stillIn, err := w.offboard(ctx, user, role, pt.KickReason, cause)
	if err != nil {
		return err
	}
	if err := w.ReplyMarkdown(ctx, chat.Format(pt.Revoked, chat.Escape(user.String()), w.roleLabel(role))); err != nil {
		return err
	}
	if len(stillIn) == 0 {
		return nil
	}
	// The removal failed: the one who revoked it and the team are told how
	// to do it by hand (security review 20, finding 2).
	if err := w.ReplyMarkdown(ctx, w.kickFailedText(user, stillIn)); err != nil {
		return err
	}
	return w.kickFailedRoom(ctx, user, role, stillIn, cause)
}

// kickFailedText says that user is still in the rooms stillIn and how to
// remove them by hand.
func (w *Workflow) kickFailedText(user id.UserID, stillIn []id.RoomID) string {
	var where []string
	for _, room := range stillIn {
		if room == w.cfg.TeamRoom {
			where = append(where, w.tx.InTeamRoom)
		} else {
			where = append(where, w.tx.InApprovalsRoom)
		}
	}
	return chat.Format(w.tx.KickFailed, chat.Escape(user.String()), strings.Join(where, w.tx.And))
}

// kickFailedRoom tells the room of the role (the team room for the team
// role, else the approvals room), once per cause base, that user could not
// be removed from stillIn.
func (w *Workflow) kickFailedRoom(ctx context.Context, user id.UserID, role string, stillIn []id.RoomID, base string) error {
	room := w.cfg.ApprovalsRoom
	if role == storage.RoleTeam {
		room = w.cfg.TeamRoom
	}
	if t := chat.TurnOf(ctx); room == "" || (t != nil && t.Event != nil && t.Event.RoomID == room) {
		return nil // no such room, or the command's answer said it there
	}
	_, err := w.SendMarkdownTo(ctx, room, w.kickFailedText(user, stillIn), nil, w.KeyTxn("lotse-kick-failed/"+base, "kick-failed-room", 0))
	return err
}

// offboard takes the consequences of losing (or pausing) a role.
// base names the cause (event or scheduled key) for transaction IDs.
// stillIn are the rooms Lotse could not remove the person from (its power
// level there is not above theirs): the caller tells people.
func (w *Workflow) offboard(ctx context.Context, user id.UserID, role, reason, base string) (stillIn []id.RoomID, err error) {
	var rooms []id.RoomID
	switch role {
	case storage.RoleTeam:
		rooms = append(rooms, w.cfg.TeamRoom, w.cfg.ApprovalsRoom)
	case storage.RoleApprover, storage.RoleCoordinator:
		// A coordinator belongs in the approvals room too (the training
		// notices go there, and with them every access request): losing
		// the role removed them from nowhere, and they went on reading the
		// requests' e-mail addresses (thirty-first pass, onb31).
		rooms = append(rooms, w.cfg.ApprovalsRoom)
	}
	if w.Rooms != nil {
		for _, room := range rooms {
			if room == "" {
				continue
			}
			// Someone who still belongs there (an admin, an approver by
			// role or config, a coordinator) keeps the approvals room.
			if room == w.cfg.ApprovalsRoom {
				if ok, err := w.belongsInApprovalsRoom(ctx, user); err != nil {
					return stillIn, err
				} else if ok {
					continue
				}
			}
			if err := w.Rooms.Kick(ctx, room, user, reason); err != nil {
				zerolog.Ctx(ctx).Warn().Err(err).Stringer("room_id", room).Msg("Could not remove from room")
				if joined, jerr := w.Matrix.IsJoined(ctx, room, user); jerr != nil || joined {
					stillIn = append(stillIn, room)
				}
			}
		}
	}
	if role != storage.RoleTeam || !w.teamOn() || w.cfg.OnTeamRemoved == nil {
		return stillIn, nil
	}
	// The support workflow gives the person's cases back to the queue.
	return stillIn, w.cfg.OnTeamRemoved(ctx, user, base)
}

// cmdRoles lists roles and the state of the team gate.
func (w *Workflow) cmdRoles(ce *chat.Call) error {
	pt := w.tx
	list, err := w.DB.Roles().List(ce.Ctx)
	if err != nil {
		return err
	}
	// One page of RolesPage lines (!rollen 2: the second): a long list
	// stays one message under Matrix's event size limit (security review
	// 20, finding 8).
	total := len(w.cfg.Roles.Admins) + len(w.cfg.Approvers) + len(list)
	page, from, to := chat.Page(ce.Args, total, RolesPage)
	var b strings.Builder
	b.WriteString(pt.RolesIntro + "\n\n")
	n := 0
	shown := func() bool { n++; return n > from && n <= to }
	for _, a := range w.cfg.Roles.Admins {
		if shown() {
			fmt.Fprintf(&b, "- %s – %s\n", chat.Escape(a.String()), pt.RoleAdmin)
		}
	}
	for _, a := range w.cfg.Approvers {
		if shown() {
			fmt.Fprintf(&b, "- %s – %s (%s)\n", chat.Escape(a.String()), pt.RoleApprover, pt.FromConfig)
		}
	}
	for _, r := range list {
		if !shown() {
			continue
		}
		line := fmt.Sprintf("- %s – %s: %s", chat.Escape(r.UserID), w.roleLabel(r.Role), w.statusWord(r.Status))
		if r.Role == storage.RoleTeam {
			g, err := w.DB.Roles().Gate(ce.Ctx, r.UserID)
			if err != nil {
				return err
			}
			line += " (" + w.gateSummary(g) + ")"
		}
		b.WriteString(line + "\n")
	}
	if total == 0 {
		b.WriteString(pt.RolesEmpty + "\n")
	}
	if more := total - to; more > 0 {
		b.WriteString("\n" + chat.Format(chat.Plural(pt.RolesMore, more), more, page+1))
	}
	return w.ReplyMarkdown(ce.Ctx, b.String())
}

// RolesPage is how many lines one page of !rollen shows.
const RolesPage = 50

// gateSummary shows the declaration's date and until when the training
// counts (or since when it has expired).
func (w *Workflow) gateSummary(g *storage.TeamGate) string {
	pt := w.tx
	date := func(t time.Time) string {
		if t.IsZero() {
			return pt.Missing
		}
		return w.Day(t)
	}
	if g == nil {
		g = &storage.TeamGate{}
	}
	s := chat.Format(pt.GateDeclaration, date(g.DeclarationAt))
	// When the training ends, not only when it was: the date a
	// coordinator needs on a bad day (twenty-seventh pass, onb27).
	switch until := w.trainingUntil(g.TrainingAt); {
	case g.TrainingAt.IsZero():
		if w.cfg.Roles.TrainingRequired {
			s += ", " + chat.Format(pt.GateTraining, pt.Missing)
		}
	case w.Now().Before(until):
		s += ", " + chat.Format(pt.GateTrainingUntil, w.Day(until))
	default:
		s += ", " + chat.Format(pt.GateTrainingExpired, w.Day(until))
	}
	return s
}

// parseDate reads 02.03.2026, 2.3.2026, 2026-03-02 or heute/today.
func (w *Workflow) parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(strings.ToLower(s))
	if s == "" || s == "heute" || s == "today" {
		return w.Now(), true
	}
	for _, layout := range chat.InputDateLayouts {
		if t, err := time.ParseInLocation(layout, s, w.Location); err == nil {
			if t.After(w.Now()) {
				return time.Time{}, false
			}
			return t.Add(12 * time.Hour), true
		}
	}
	return time.Time{}, false
}

// cmdDeclaration records a signed privacy declaration: !erklärung @name erhalten [Datum].
func (w *Workflow) cmdDeclaration(ce *chat.Call) error {
	pt := w.tx
	target, rest := w.UserArg(ce)
	if target == "" {
		return w.ReplyMarkdown(ce.Ctx, w.idHint(ce.Args, target)+pt.DeclarationUsage)
	}
	dateArg := ""
	for _, a := range rest {
		switch word := strings.ToLower(a); {
		case word == "erhalten" || word == "received" || word == "liegt" || word == "vor":
		case revokeWords[word] || declarationRevokeWords[word]:
			return w.revokeDeclaration(ce, target)
		default:
			dateArg = a
		}
	}
	if target == ce.Sender {
		// Only the first admin during the first setup (bootstrap.go).
		return w.selfEvidence(ce, dateArg, false)
	}
	at, ok := w.parseDate(dateArg)
	if !ok {
		return w.ReplyMarkdown(ce.Ctx, pt.DateInvalid)
	}
	if err := w.warnID(ce.Ctx, target); err != nil {
		return err
	}
	return w.recordGate(ce, target, func(g *storage.TeamGate) { g.DeclarationAt, g.DeclarationBy = at, ce.Sender.String() }, "declaration",
		chat.Format(pt.DeclarationRecorded, chat.Escape(target.String()), w.Day(at)))
}

// declarationRevokeWords take back a declaration (besides revokeWords):
// !erklärung @name widerrufen.
var declarationRevokeWords = map[string]bool{"widerrufen": true, "widerruf": true, "zurücknehmen": true, "zuruecknehmen": true,
	"austragen": true, "withdraw": true, "withdrawn": true, "revoked": true}

// revokeDeclaration takes back a recorded declaration (!erklärung @name
// widerrufen): one recorded for the wrong person, or one the person
// withdrew. Before, there was no way to: the words were read as a date
// („Das Datum verstehe ich nicht“), and the evidence stayed on file for
// good — any later grant of the team role activated it at once
// (twenty-seventh pass, onb27). A team role that is active or paused goes
// back to pending, with the consequences of a revocation: Lotse removes
// the person from the team and approvals rooms and gives their cases back;
// a new declaration activates it again. Taking back one's own declaration
// only takes rights away, so it needs no second person.
func (w *Workflow) revokeDeclaration(ce *chat.Call, target id.UserID) error {
	pt := w.tx
	ctx := ce.Ctx
	roles := w.DB.Roles()
	g, err := roles.Gate(ctx, target.String())
	if err != nil {
		return err
	}
	now := w.Now()
	cause := chat.TurnOf(ctx).Event.ID.String()
	// A retry of the same event finishes what the first attempt began.
	retry := w.lastRoleAudit(ctx, "declaration-revoke:"+cause)
	if !retry && (g == nil || g.DeclarationAt.IsZero()) {
		return w.ReplyMarkdown(ctx, chat.Format(pt.DeclarationNone, chat.Escape(target.String())))
	}
	if !retry {
		g.DeclarationAt, g.DeclarationBy, g.UpdatedAt = time.Time{}, "", now
		if err := roles.PutGate(ctx, *g, storage.RoleAuditEntry{Key: "declaration-revoke:" + cause, At: now, Actor: ce.Sender.String(),
			Subject: target.String(), Action: "declaration-revoke", Detail: storage.RoleTeam}); err != nil {
			return err
		}
	}
	r, err := roles.Get(ctx, target.String(), storage.RoleTeam)
	if err != nil {
		return err
	}
	held := r != nil && (r.Status == storage.RoleActive || r.Status == storage.RolePaused)
	if !held && !w.lastRoleAudit(ctx, "suspend:"+cause) {
		return w.ReplyMarkdown(ctx, chat.Format(pt.DeclarationRevoked, chat.Escape(target.String())))
	}
	if held {
		// Only from active or paused: a revocation of the role meanwhile
		// stays, and no later declaration activates it (onb34).
		if _, err := roles.SetFrom(ctx, target.String(), storage.RoleTeam, []string{storage.RoleActive, storage.RolePaused}, storage.RolePending, ce.Sender.String(),
			storage.RoleAuditEntry{Key: "suspend:" + cause, At: now, Actor: ce.Sender.String(), Subject: target.String(),
				Action: "suspend", Detail: storage.RoleTeam + " (pending): declaration revoked"}, now); err != nil {
			return err
		}
	}
	stillIn, err := w.offboard(ctx, target, storage.RoleTeam, pt.DeclarationKickReason, cause)
	if err != nil {
		return err
	}
	// „Ich habe die Person entfernt“ only when it did: before, the answer
	// said so and the warning that followed said the opposite
	// (twenty-seventh pass, mend27a).
	done := pt.DeclarationRevokedTeam
	if len(stillIn) > 0 {
		done = pt.DeclarationRevokedKept
	}
	if err := w.ReplyMarkdown(ctx, chat.Format(pt.DeclarationRevoked, chat.Escape(target.String()))+" "+done); err != nil {
		return err
	}
	if target != ce.Sender {
		// The person learns why the team room is gone, in their direct chat.
		if room, err := w.Matrix.DirectRoom(ctx, target); err != nil {
			zerolog.Ctx(ctx).Warn().Err(err).Msg("Could not open the direct chat to tell of a revoked declaration")
		} else if room != ce.RoomID {
			if _, err := w.SendMarkdownTo(ctx, room, pt.DeclarationRevokedMember, nil, w.CauseTxn(ctx, "declaration-revoked-member", 0)); err != nil {
				return err
			}
		}
	}
	if len(stillIn) == 0 {
		return nil
	}
	if err := w.ReplyMarkdown(ctx, w.kickFailedText(target, stillIn)); err != nil {
		return err
	}
	return w.kickFailedRoom(ctx, target, storage.RoleTeam, stillIn, cause)
}

// cmdTraining records an attended data-protection training: !schulung @name <Datum>.
func (w *Workflow) cmdTraining(ce *chat.Call) error {
	pt := w.tx
	target, rest := w.UserArg(ce)
	if target == "" || len(rest) == 0 {
		return w.ReplyMarkdown(ce.Ctx, w.idHint(ce.Args, target)+pt.TrainingUsage)
	}
	if target == ce.Sender {
		// Only the first admin during the first setup (bootstrap.go).
		return w.selfEvidence(ce, rest[len(rest)-1], true)
	}
	at, ok := w.parseDate(rest[len(rest)-1])
	if !ok {
		return w.ReplyMarkdown(ce.Ctx, pt.DateInvalid)
	}
	if err := w.warnID(ce.Ctx, target); err != nil {
		return err
	}
	until := w.trainingUntil(at)
	return w.recordGate(ce, target, func(g *storage.TeamGate) { g.TrainingAt, g.TrainingBy = at, ce.Sender.String() }, "training",
		chat.Format(pt.TrainingRecorded, chat.Escape(target.String()), w.Day(at), w.Day(until)))
}

// recordGate stores gate evidence, answers, and activates the role if the gate is now passed.
func (w *Workflow) recordGate(ce *chat.Call, target id.UserID, set func(*storage.TeamGate), action, answer string) error {
	now := w.Now()
	g, err := w.DB.Roles().Gate(ce.Ctx, target.String())
	if err != nil {
		return err
	}
	if g == nil {
		g = &storage.TeamGate{UserID: target.String()}
	}
	set(g)
	g.UpdatedAt = now
	cause := chat.TurnOf(ce.Ctx).Event.ID.String()
	if err := w.DB.Roles().PutGate(ce.Ctx, *g, storage.RoleAuditEntry{Key: action + ":" + cause, At: now, Actor: ce.Sender.String(),
		Subject: target.String(), Action: action, Detail: w.Local(g.DeclarationAt, chat.ISODateLayout) + "/" + w.Local(g.TrainingAt, chat.ISODateLayout)}); err != nil {
		return err
	}
	if err := w.ReplyMarkdown(ce.Ctx, answer); err != nil {
		return err
	}
	activated, err := w.evaluateGate(ce.Ctx, target, ce.Sender)
	if err != nil || activated {
		return err
	}
	r, err := w.DB.Roles().Get(ce.Ctx, target.String(), storage.RoleTeam)
	if err != nil {
		return err
	}
	if r != nil && r.Status != storage.RoleRemoved && r.Status != storage.RoleActive {
		return w.ReplyMarkdown(ce.Ctx, chat.Format(w.tx.StillMissing, chat.Escape(target.String()), w.missingText(g))+" "+w.recordWith(target, g))
	}
	return nil
}

// cmdTeam: !team beitreten files an application; !team shows its state.
func (w *Workflow) cmdTeam(ce *chat.Call) error {
	pt := w.tx
	if len(ce.Args) > 0 {
		switch strings.ToLower(ce.Args[0]) {
		case "beitreten", "join", "bewerben", "apply":
			return w.requestTeam(ce.Ctx, ce.Sender, ce.Sender, ce.RoomID.String(), true)
		}
	}
	r, err := w.DB.Roles().Get(ce.Ctx, ce.Sender.String(), storage.RoleTeam)
	if err != nil {
		return err
	}
	if r == nil || r.Status == storage.RoleRemoved {
		return w.ReplyMarkdown(ce.Ctx, pt.TeamNone)
	}
	g, err := w.DB.Roles().Gate(ce.Ctx, ce.Sender.String())
	if err != nil {
		return err
	}
	return w.ReplyMarkdown(ce.Ctx, chat.Format(pt.TeamStatus, w.statusWord(r.Status), w.gateSummary(g)))
}

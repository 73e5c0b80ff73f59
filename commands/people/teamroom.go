package people

import (
	"context"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/storage"
)

// teamRoomJoined warns the team, once per join, when someone without the
// team role (and not an admin or approver) joins the team room: they read
// the cases relayed there. Lotse does not remove them on its own — the team
// may have let them in on purpose — but says how (issue #15, Low). During
// the bootstrap (nobody holds the team role yet) it stays quiet.
func (w *Workflow) teamRoomJoined(ctx context.Context, evt *event.Event) error {
	if !w.teamOn() || evt.RoomID != w.cfg.TeamRoom || evt.StateKey == nil {
		return nil
	}
	user := id.UserID(*evt.StateKey)
	if user == w.Matrix.UserID() || evt.Content.AsMember().Membership != event.MembershipJoin ||
		w.HasTeamRole(ctx, user) || w.CanManage(ctx, user) {
		return nil
	}
	// Quiet only during the first setup: a team whose every member is
	// paused (their trainings expired) is still told of a join.
	if exists, err := w.teamExists(ctx); err != nil || !exists {
		return err
	}
	md := chat.Format(w.tx.TeamRoomNoRole, chat.Escape(user.String()), chat.Escape(user.String()), chat.Escape(user.String()))
	// Said also while the room is open to everyone (chat.Unheld): then
	// strangers join, and they stay after it is closed again.
	_, err := w.SendMarkdownTo(chat.Unheld(ctx), w.cfg.TeamRoom, md, nil, w.KeyTxn("lotse-teamroom-join/"+evt.ID.String(), "teamroom-join", 0))
	return err
}

// approvalsRoomJoined warns the approvals room, once per join, when someone
// joins it who is neither an admin, an approver nor a coordinator (who
// get the training notices there): they read the access requests with
// e-mail addresses (security review 20, finding 5). As in the team room,
// Lotse removes nobody on its own but says how; while there is no
// approver yet (the first setup) it stays quiet.
func (w *Workflow) approvalsRoomJoined(ctx context.Context, evt *event.Event) error {
	if evt.StateKey == nil {
		return nil
	}
	user := id.UserID(*evt.StateKey)
	if user == w.Matrix.UserID() || evt.Content.AsMember().Membership != event.MembershipJoin {
		return nil
	}
	if ok, err := w.belongsInApprovalsRoom(ctx, user); err != nil || ok {
		return err
	}
	approvers, err := w.DB.Roles().WithRole(ctx, storage.RoleApprover)
	if err != nil || (len(approvers) == 0 && len(w.cfg.Approvers) == 0) {
		return err
	}
	md := chat.Format(w.tx.ApprovalsRoomNoRole, chat.Escape(user.String()), chat.Escape(user.String()), chat.Escape(user.String()))
	_, err = w.SendMarkdownTo(chat.Unheld(ctx), w.cfg.ApprovalsRoom, md, nil, w.KeyTxn("lotse-approvalsroom-join/"+evt.ID.String(), "approvalsroom-join", 0))
	return err
}

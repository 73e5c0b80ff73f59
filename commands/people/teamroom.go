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
	team, err := w.DB.Roles().WithRole(ctx, storage.RoleTeam)
	if err != nil || len(team) == 0 {
		return err
	}
	md := chat.Format(w.tx.TeamRoomNoRole, chat.Escape(user.String()), chat.Escape(user.String()), chat.Escape(user.String()))
	_, err = w.SendMarkdownTo(ctx, w.cfg.TeamRoom, md, nil, w.KeyTxn("lotse-teamroom-join/"+evt.ID.String(), "teamroom-join", 0))
	return err
}

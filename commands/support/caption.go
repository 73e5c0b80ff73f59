package support

import (
	"context"
	"errors"
	"fmt"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/storage"
)

// A text-only edit of a relayed file (a client such as Element sends only
// the new caption as m.new_content) leaves the file where it was: Lotse
// keeps neither the member's file nor its key, so it fetches the member's
// message from the homeserver again (decrypted with the room key it got
// when the message came) and edits the team's copy to the same file with
// the new caption, uploaded again like any relayed file. Only what the
// member's message shows counts: the file of the newest earlier edit that
// carried one (a member who replaced a file must not see the old one come
// back to the team), else the message's own. Every event read is the
// member's own, in the member's direct chat: the edit's target passed the
// author and room checks (commands.handleEdit, EditRelay), and the earlier
// edits are those applied to it (storage.CaseQuery.Edits).

// maxCaptionLookups bounds the events fetched for one edit: a member's
// tenth caption fix still keeps the file, and a flood of edits cannot make
// each later one fetch all earlier ones.
const maxCaptionLookups = 10

// errNoFileToKeep says why a text-only edit of a relayed file could not
// keep the file (logged, never shown to anyone).
var errNoFileToKeep = errors.New("no file to keep")

// editTeamFile edits file, the team's copy of m's relayed file (of type
// msgType), at an edit to content, with caption as the team gets it: to
// the edit's file, uploaded again; at a text-only edit to the file the
// message showed (keptFile), uploaded again; else to a notice with the
// caption, as the old caption (perhaps a password) must leave the team's
// view all the same. An edited file too large to pass on leaves the copy
// as it was.
func (w *Workflow) editTeamFile(ctx context.Context, m *storage.CaseMessage, file id.EventID, content *event.MessageEventContent, msgType event.MessageType, caption string) error {
	txn := w.CauseTxn(ctx, "relay-media-edit", 0)
	media, kept := content, false
	if content.URL == "" && content.File == nil {
		var err error
		if media, err = w.keptFile(ctx, m, msgType); err != nil {
			return err
		}
		kept = true
	}
	if media != nil {
		captioned := *media
		captioned.Body = caption
		uploaded, err := w.reuploadMedia(ctx, &captioned, w.cfg.TeamRoom)
		switch {
		case err == nil:
			return w.EditTo(ctx, w.cfg.TeamRoom, file, uploaded, txn)
		case ctx.Err() != nil:
			return ctx.Err()
		case kept:
			zerolog.Ctx(ctx).Info().Err(err).Str("edits", m.SourceEvent).Msg("Not keeping the relayed file at a text-only edit: it cannot be uploaded again; the team's copy becomes its caption")
		case chat.IsTooLarge(err):
			zerolog.Ctx(ctx).Info().Msg("Not editing a relayed file: the edited file is too large")
			return nil
		default:
			return err
		}
	}
	notice := &event.MessageEventContent{MsgType: event.MsgNotice, Body: caption}
	return w.EditTo(ctx, w.cfg.TeamRoom, file, notice, txn)
}

// keptFile returns the file that m (relayed as a file of type msgType)
// shows before the edit being handled, or nil if it cannot be had (an
// event gone, redacted, undecryptable, or too many edits to look
// through). Only an error of ctx (shutdown) is returned, so that the edit
// is retried rather than the file dropped.
func (w *Workflow) keptFile(ctx context.Context, m *storage.CaseMessage, msgType event.MessageType) (*event.MessageEventContent, error) {
	file, err := w.currentFile(ctx, m)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil {
		// No message text: the error names events, never their content.
		zerolog.Ctx(ctx).Info().Err(err).Str("edits", m.SourceEvent).Msg("Not keeping the relayed file at a text-only edit; the team's copy becomes its caption")
		return nil, nil
	}
	return fileContent(file, msgType), nil
}

// currentFile returns the file content m's message shows before the edit
// being handled: that of the newest earlier applied edit carrying a file,
// else the message's own.
func (w *Workflow) currentFile(ctx context.Context, m *storage.CaseMessage) (*event.MessageEventContent, error) {
	evt := chat.TurnOf(ctx).Event
	edits, err := w.DB.Cases.Edits(ctx, m.SourceEvent)
	if err != nil {
		return nil, err
	}
	original := id.EventID(m.SourceEvent)
	var sources []id.EventID
	for i := len(edits) - 1; i >= 0; i-- {
		if edits[i] != evt.ID.String() {
			sources = append(sources, id.EventID(edits[i]))
		}
	}
	sources = append(sources, original)
	for n, src := range sources {
		if n == maxCaptionLookups {
			return nil, fmt.Errorf("%w: more than %d edits to look through", errNoFileToKeep, maxCaptionLookups)
		}
		fetched, err := w.Matrix.FetchMessage(ctx, evt.RoomID, src)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %w", errNoFileToKeep, src, err)
		}
		file, err := fileOf(fetched, evt.RoomID, id.UserID(m.Sender), original)
		if err != nil {
			return nil, err
		}
		if file != nil {
			return file, nil
		}
	}
	return nil, fmt.Errorf("%w: the message carries none", errNoFileToKeep)
}

// fileOf returns the file content of fetched, the member's (sender's)
// message original in room or an edit of it: the message's content, or
// the edit's m.new_content; nil for an edit without a file (it kept the
// file the one before showed). Anything else (another sender or room, an
// edit of something else) is an error.
func fileOf(fetched *event.Event, room id.RoomID, sender id.UserID, original id.EventID) (*event.MessageEventContent, error) {
	if fetched.Sender != sender || fetched.RoomID != room {
		return nil, fmt.Errorf("%w: %s is not the member's, in the member's room", errNoFileToKeep, fetched.ID)
	}
	content, _ := fetched.Content.Parsed.(*event.MessageEventContent)
	if content == nil {
		return nil, fmt.Errorf("%w: %s is not a message", errNoFileToKeep, fetched.ID)
	}
	replaces := content.RelatesTo.GetReplaceID()
	switch {
	case fetched.ID == original && replaces == "":
	case fetched.ID != original && replaces == original && content.NewContent != nil:
		content = content.NewContent
	default:
		return nil, fmt.Errorf("%w: %s is neither the message nor an edit of it", errNoFileToKeep, fetched.ID)
	}
	if content.URL == "" && content.File == nil {
		if fetched.ID == original {
			return nil, fmt.Errorf("%w: the message carries none", errNoFileToKeep)
		}
		return nil, nil
	}
	return content, nil
}

// fileContent is the media content of file as a caption is set on it, of
// the relayed type msgType unless file names a file type of its own;
// reuploadMedia takes the file and its info from it. filename stays as
// the member's message had it: without one, body may have been a caption
// (perhaps a password), which must not come back to the team as a name.
func fileContent(file *event.MessageEventContent, msgType event.MessageType) *event.MessageEventContent {
	name := file.FileName
	if isFileType(file.MsgType) {
		msgType = file.MsgType
	}
	return &event.MessageEventContent{MsgType: msgType, Body: file.Body, FileName: name, URL: file.URL, File: file.File, Info: file.Info}
}

package support

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
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
// edits the team's copy to the file the team's copy shows now, with the
// new caption. That file is read from Lotse's own newest media event for
// the message in the team room (its newest edit of the relayed file that
// was sent, else the relay itself), fetched and decrypted once: nothing is
// downloaded or uploaded, no new copy lands in the media store, and the
// member's direct chat is not read at all. The team gets no file it does
// not already see: a file the member replaced by an edit was relayed as
// that edit, and a copy that already became a notice stays one.

// errNoFileToKeep says why a text-only edit of a relayed file could not
// keep the file (logged, never shown to anyone).
var errNoFileToKeep = errors.New("no file to keep")

// editTeamFile edits file, the team's copy of m's relayed file, at an edit
// to content, with caption as the team gets it: to the edit's file,
// uploaded again; at a text-only edit to the file the team's copy shows
// (teamCopy), not uploaded again, or, if that file cannot be had for good,
// to a notice with the caption, as the old caption (perhaps a password)
// must leave the team's view all the same; a database or homeserver error
// that a retry may mend is returned. An edited file too large to pass on
// leaves the copy as it was.
func (w *Workflow) editTeamFile(ctx context.Context, m *storage.CaseMessage, file id.EventID, content *event.MessageEventContent, caption string) error {
	txn := w.CauseTxn(ctx, "relay-media-edit", 0)
	if content.URL == "" && content.File == nil {
		kept, err := w.teamCopy(ctx, m, file)
		if ctx.Err() != nil {
			// Shutdown: the edit is retried rather than the file dropped.
			return ctx.Err()
		}
		if err != nil && (!errors.Is(err, errNoFileToKeep) || chat.IsTransient(err)) {
			// A database error or a homeserver that may answer on a retry:
			// the edit is retried rather than the file dropped.
			return err
		}
		if err != nil {
			// No message text: the error names events, never their content.
			zerolog.Ctx(ctx).Info().Err(err).Str("edits", m.SourceEvent).Msg("Not keeping the relayed file at a text-only edit; the team's copy becomes its caption")
			return w.editShown(ctx, m.CaseID, w.cfg.TeamRoom, file, captionNotice(caption), txn)
		}
		captioned := &event.MessageEventContent{MsgType: kept.MsgType, Body: caption, FileName: kept.FileName,
			URL: kept.URL, File: kept.File, Info: kept.Info, Mentions: &event.Mentions{}}
		return w.editShown(ctx, m.CaseID, w.cfg.TeamRoom, file, captioned, txn)
	}
	// The same file again (a caption edit that sends the whole content,
	// or a script): the team's copy is kept, nothing is fetched or
	// uploaded. Where the copy cannot be read, the file is copied as
	// before.
	kept, err := w.teamCopy(ctx, m, file)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if err == nil && kept.Info != nil && kept.Info.Extra[infoSourceKey] == sourceKey(content, kept) {
		captioned := &event.MessageEventContent{MsgType: kept.MsgType, Body: caption, FileName: kept.FileName,
			URL: kept.URL, File: kept.File, Info: kept.Info, Mentions: &event.Mentions{}}
		return w.editShown(ctx, m.CaseID, w.cfg.TeamRoom, file, captioned, txn)
	}
	captioned := *content
	captioned.Body = caption
	uploaded, _, err := w.reuploadMedia(ctx, &captioned, w.cfg.TeamRoom, m.Sender)
	if chat.IsTooLarge(err) {
		zerolog.Ctx(ctx).Info().Msg("Not editing a relayed file: the edited file is too large")
		return nil
	}
	if errors.Is(err, errRelayBudget) {
		// The team's copy stays as it was, as for a file too large.
		zerolog.Ctx(ctx).Info().Msg("Not editing a relayed file: the member's relay budget is spent")
		return nil
	}
	if err != nil {
		return err
	}
	return w.editShown(ctx, m.CaseID, w.cfg.TeamRoom, file, uploaded, txn)
}

// infoSourceKey is the key in a relayed copy's info that names the
// member's file it was made from (sourceKey); the cut to fit keeps it.
const infoSourceKey = chat.SourceInfoKey

// sourceKey names the member's file of content, for its relayed copy's
// info (infoSourceKey): a hash of its address and, for an encrypted file,
// of its key, IV and ciphertext hash — never the key itself, which is the
// member's — bound to the address of the copy, Lotse's upload (the copy's
// URL or encrypted file's URL). An edit that carries the same file again
// keeps the team's copy instead of fetching, decrypting and uploading it
// again (sec30): a script editing one 8 MiB image a thousand times made a
// thousand copies in the homeserver's media store.
//
// The copy's address is in the hash because a copy relayed before sec30
// kept the member's unknown info fields as they came: a member could have
// put an „org.lotse.source“ of their choosing there (the hash of another
// upload's address), and an edit to that upload would have kept the old
// copy — the team would see a file the member's message no longer shows.
// The copy's address is the homeserver's choice at upload, so no member
// could know it beforehand (mend30b). Each part is length-prefixed, so
// that no two different files give the same text to hash.
// "" for content or copy without a file.
func sourceKey(content, copied *event.MessageEventContent) string {
	var parts []string
	switch {
	case content.File != nil:
		parts = []string{"enc", string(content.File.URL), content.File.Key.Key, content.File.InitVector, content.File.Hashes.SHA256}
	case content.URL != "":
		parts = []string{"url", string(content.URL)}
	default:
		return ""
	}
	switch {
	case copied.File != nil:
		parts = append(parts, "copy-enc", string(copied.File.URL))
	case copied.URL != "":
		parts = append(parts, "copy-url", string(copied.URL))
	default:
		return ""
	}
	h := sha256.New()
	for _, p := range parts {
		_, _ = fmt.Fprintf(h, "%d:%s", len(p), p)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// captionNotice is what the team's copy of a file becomes when its file
// cannot be kept: the caption alone.
func captionNotice(caption string) *event.MessageEventContent {
	return &event.MessageEventContent{MsgType: event.MsgNotice, Body: caption}
}

// teamCopy returns the file content the team's copy (the relay-media
// event relay of m) shows before the edit being handled: that of Lotse's
// newest edit of it sent to the team room (an edit being retried is not
// counted), else the relay's own. It is an error if that event cannot be
// fetched, is not Lotse's own in the team room, is not the relay or an
// edit of it, or carries no file (the copy became a notice before): then
// the error is errNoFileToKeep (marked transient if a retry may fetch it).
func (w *Workflow) teamCopy(ctx context.Context, m *storage.CaseMessage, relay id.EventID) (*event.MessageEventContent, error) {
	current := chat.TurnOf(ctx).Event.ID
	edits, err := w.DB.Cases.Edits(ctx, m.SourceEvent)
	if err != nil {
		return nil, err
	}
	shown := relay
	for i := len(edits) - 1; i >= 0; i-- {
		if edits[i] == current.String() {
			continue
		}
		sent, err := w.sentToTeam(ctx, w.TxnID(id.EventID(edits[i]), "relay-media-edit", 0))
		if err != nil {
			return nil, err
		}
		if sent != "" {
			shown = id.EventID(sent)
			break
		}
	}
	fetched, err := w.Matrix.FetchMessage(ctx, w.cfg.TeamRoom, shown)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", errNoFileToKeep, shown, err)
	}
	return copyFile(fetched, w.cfg.TeamRoom, w.Matrix.UserID(), relay)
}

// copyFile returns the file content of fetched, Lotse's (own) relayed
// file relay in the team room or an edit of it: the relay's content, or
// the edit's m.new_content. Anything else (another sender or room, an edit
// of something else, no file) is an error.
func copyFile(fetched *event.Event, room id.RoomID, own id.UserID, relay id.EventID) (*event.MessageEventContent, error) {
	if fetched.Sender != own || fetched.RoomID != room {
		return nil, fmt.Errorf("%w: %s is not Lotse's own, in the team room", errNoFileToKeep, fetched.ID)
	}
	content, _ := fetched.Content.Parsed.(*event.MessageEventContent)
	if content == nil {
		return nil, fmt.Errorf("%w: %s is not a message", errNoFileToKeep, fetched.ID)
	}
	replaces := content.RelatesTo.GetReplaceID()
	switch {
	case fetched.ID == relay && replaces == "":
	case fetched.ID != relay && replaces == relay && content.NewContent != nil:
		content = content.NewContent
	default:
		return nil, fmt.Errorf("%w: %s is neither the relayed file nor an edit of it", errNoFileToKeep, fetched.ID)
	}
	if (content.URL == "" && content.File == nil) || !isFileType(content.MsgType) {
		return nil, fmt.Errorf("%w: %s carries none", errNoFileToKeep, fetched.ID)
	}
	return content, nil
}

package chat

import (
	"context"
	"errors"
	"fmt"
	"html"
	"strings"
	"time"

	"maunium.net/go/mautrix/crypto/attachment"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/guides"
)

// Reply sends a notice in answer to the event being handled: a rich reply
// (or into the same thread), with explicit empty mentions apart from the
// replied-to sender in a group room — that reply goes out as m.text, so
// the mention notifies them (Notifying); in a direct chat it stays a
// quiet notice, and so does a further reply to the same sender in the same
// room within ringWindow (ringLog), without the mention.
func (e *Env) Reply(ctx context.Context, plain, htmlBody string) (id.EventID, error) {
	t := TurnOf(ctx)
	if t == nil {
		return "", errors.New("reply outside of an event")
	}
	evt := t.Event
	content := &event.MessageEventContent{MsgType: event.MsgNotice, Body: plain}
	if htmlBody != "" {
		content.Format = event.FormatHTML
		content.FormattedBody = htmlBody
	}
	target := evt
	var root id.EventID
	if evt.Type == event.EventReaction {
		// Answer a reaction as a reply to the message it reacted to, in
		// that message's thread when it is in one (reactedThread).
		if rc := evt.Content.AsReaction(); rc != nil && rc.RelatesTo.EventID != "" {
			target = &event.Event{ID: rc.RelatesTo.EventID, RoomID: evt.RoomID, Sender: evt.Sender}
			root = e.reactedThread(ctx, evt.RoomID, rc.RelatesTo.EventID)
		}
	}
	if mc, ok := evt.Content.Parsed.(*event.MessageEventContent); ok && mc.RelatesTo != nil && mc.RelatesTo.Type == event.RelThread {
		content.SetThread(evt)
	} else if t.Thread && !t.Direct && evt.Type == event.EventMessage {
		content.SetThread(evt)
	} else if root != "" {
		// A reply in the thread, shown as one (not falling back).
		content.RelatesTo = (&event.RelatesTo{}).SetThread(root, "").SetReplyTo(target.ID)
	} else {
		content.SetReply(target)
	}
	now, rang := e.now(), false
	if !t.Direct && e.rings.ring(evt.RoomID, evt.Sender, now) {
		content.Mentions = &event.Mentions{UserIDs: []id.UserID{evt.Sender}}
		rang = true
	} else {
		// A direct chat, or a second reply to the same sender here
		// within ringWindow (ringLog: no loop with another bot).
		content.Mentions = &event.Mentions{}
	}
	txn := e.TxnID(evt.ID, "reply", t.Next())
	eventID, err := e.Matrix.Send(ctx, evt.RoomID, event.EventMessage, content, txn)
	if err != nil {
		if rang {
			e.rings.forget(evt.RoomID, evt.Sender, now)
		}
		return "", fmt.Errorf("failed to send reply: %w", err)
	}
	return eventID, nil
}

// reactedThread is the root of the thread that the message target of
// roomID is in, or "" when it is in none or cannot be fetched. Element
// shows a reply without the thread's relation in the room's main
// timeline, away from the thread it belongs to: a tap on 1️⃣ under an
// offer in a thread got its answer there (phone34). One fetch per
// answered reaction.
func (e *Env) reactedThread(ctx context.Context, roomID id.RoomID, target id.EventID) id.EventID {
	msg, err := e.Matrix.FetchMessage(ctx, roomID, target)
	if err != nil || msg == nil {
		return ""
	}
	mc, ok := msg.Content.Parsed.(*event.MessageEventContent)
	if !ok || mc.RelatesTo == nil {
		return ""
	}
	return mc.RelatesTo.GetThreadParent()
}

// ReplyMarkdown renders md (our own text; user input in it must already be
// escaped) and sends it as a reply.
func (e *Env) ReplyMarkdown(ctx context.Context, md string) error {
	plain, htmlBody := Render(md)
	_, err := e.Reply(ctx, plain, htmlBody)
	return err
}

// SendTo sends a notice with explicit mentions (never @room) to a room;
// one that mentions someone goes out as m.text, so that it notifies them
// (Notifying).
func (e *Env) SendTo(ctx context.Context, roomID id.RoomID, plain, htmlBody string, rel *event.RelatesTo, mentions *event.Mentions, txn string) (id.EventID, error) {
	content := &event.MessageEventContent{MsgType: event.MsgNotice, Body: plain, RelatesTo: rel, Mentions: mentions}
	if content.Mentions == nil {
		content.Mentions = &event.Mentions{}
	}
	if htmlBody != "" {
		content.Format, content.FormattedBody = event.FormatHTML, htmlBody
	}
	return e.Matrix.Send(ctx, roomID, event.EventMessage, content, txn)
}

// EditTo replaces the message target in roomID with content (sent as an
// edit) and returns the edit's event; neither the edit nor the new content
// mentions anyone, so a board or announcement kept up to date notifies
// nobody again.
//
// mautrix's SetEdit cuts a long fallback body at byte 50, which may split
// a character („ä“ becomes an invalid byte): the broken end is dropped.
func (e *Env) EditTo(ctx context.Context, roomID id.RoomID, target id.EventID, content *event.MessageEventContent, txn string) (id.EventID, error) {
	SetEdit(content, target)
	return e.Matrix.Send(ctx, roomID, event.EventMessage, content, txn)
}

// SetEdit makes content an edit of target, as EditTo sends it: neither the
// edit nor the new content mentions anyone, and the fallback body, which
// mautrix's SetEdit cuts at byte 50, ends in whole characters. Every edit
// Lotse sends is made here (mend29c: support's edits of its relays and
// its board had their own copy without the repair).
func SetEdit(content *event.MessageEventContent, target id.EventID) {
	content.SetEdit(target)
	content.Body = strings.ToValidUTF8(content.Body, "")
	content.NewContent.Mentions = &event.Mentions{}
}

// SendMarkdownTo renders our own Markdown text (user input in it escaped)
// and sends it to roomID.
func (e *Env) SendMarkdownTo(ctx context.Context, roomID id.RoomID, md string, rel *event.RelatesTo, txn string) (id.EventID, error) {
	plain, htmlBody := Render(md)
	return e.SendTo(ctx, roomID, plain, htmlBody, rel, nil, txn)
}

// CauseTxn derives a transaction ID from the event being handled.
func (e *Env) CauseTxn(ctx context.Context, purpose string, n int) string {
	return e.TxnID(TurnOf(ctx).Event.ID, purpose, n)
}

// KeyTxn derives a transaction ID from a stable key, for work that is not
// caused by one event (board edits, reminders, workers).
func (e *Env) KeyTxn(key, purpose string, n int) string {
	return e.TxnID(id.EventID(key), purpose, n)
}

// AttachFile uploads data for a message to roomID and sets it on content:
// encrypted with a fresh key (content.File) when the room is end-to-end
// encrypted, plain (content.URL, with mime) otherwise. data is encrypted in
// place. It reports whether the room is encrypted. A held room (RoomGuard)
// gets no upload: the held error is returned.
func (e *Env) AttachFile(ctx context.Context, roomID id.RoomID, content *event.MessageEventContent, data []byte, mime string) (bool, error) {
	// A room open to everyone gets nothing, not even an upload for it: one
	// whose encryption was replaced would take the file unencrypted.
	if h, ok := e.Matrix.(interface {
		hold(ctx context.Context, roomID id.RoomID) error
	}); ok {
		if err := h.hold(ctx, roomID); err != nil {
			return false, err
		}
	}
	encrypted, err := e.Matrix.IsEncrypted(ctx, roomID)
	if err != nil {
		return false, err
	}
	if encrypted {
		file := attachment.NewEncryptedFile()
		file.EncryptInPlace(data)
		uri, err := e.Matrix.Upload(ctx, data, "application/octet-stream")
		if err != nil {
			return true, fmt.Errorf("failed to upload a file: %w", err)
		}
		content.File = &event.EncryptedFileInfo{EncryptedFile: *file, URL: uri}
		return true, nil
	}
	uri, err := e.Matrix.Upload(ctx, data, mime)
	if err != nil {
		return false, fmt.Errorf("failed to upload a file: %w", err)
	}
	content.URL = uri
	return false, nil
}

// IsTooLarge reports whether err says a file is over the runtime's size
// limit (Matrix.Download; bot.ErrTooLarge has a TooLarge method).
func IsTooLarge(err error) bool {
	var t interface{ TooLarge() bool }
	return errors.As(err, &t) && t.TooLarge()
}

// IsPermanent reports whether err says retrying cannot help, such as a
// direct chat the homeserver refuses to open (bot.ErrPermanent has a
// Permanent method); any other error may pass, such as the cooldown
// between two new direct chats with one member.
func IsPermanent(err error) bool {
	var p interface{ Permanent() bool }
	return errors.As(err, &p) && p.Permanent()
}

// IsTransient reports whether err says a request may succeed when tried
// again (the homeserver not reached, 5xx, rate-limited; Matrix.FetchMessage
// marks such errors with a Transient method).
func IsTransient(err error) bool {
	var t interface{ Transient() bool }
	return errors.As(err, &t) && t.Transient()
}

// Render turns our own Markdown texts into plain text and Matrix HTML, with
// the same pipeline as the guides (sanitised, readable plain text).
func Render(md string) (plain, htmlBody string) {
	htmlBody, plain = guides.Render(md)
	return strings.TrimSpace(plain), htmlBody
}

// MentionContent renders md into a notice that mentions users (pills are
// the caller's; no @room); the Env's Matrix sends it as m.text, so that it
// notifies them (Notifying).
func MentionContent(md string, users ...id.UserID) *event.MessageEventContent {
	plain, htmlBody := Render(md)
	c := &event.MessageEventContent{MsgType: event.MsgNotice, Body: plain, Mentions: &event.Mentions{UserIDs: users}}
	if htmlBody != "" {
		c.Format, c.FormattedBody = event.FormatHTML, htmlBody
	}
	return c
}

// ThreadRel relates a message to the thread rooted at root (nil for none).
func ThreadRel(root string) *event.RelatesTo {
	if root == "" {
		return nil
	}
	return (&event.RelatesTo{}).SetThread(id.EventID(root), id.EventID(root))
}

// MessageHTML renders Markdown a person typed (a volunteer's answer to a
// member) much as Element renders what it sends: emphasis, lists and line
// breaks; unlike Element, a link whose text is not its address shows the
// address after it, and images and raw HTML are dropped
// (guides.RenderTyped). The caller keeps the typed text as the plain body.
func MessageHTML(md string) string { return guides.RenderTyped(md) }

// TextHTML shows user text literally in HTML: escaped, line breaks kept.
func TextHTML(s string) string {
	return strings.ReplaceAll(html.EscapeString(s), "\n", "<br>")
}

// now is the Env's clock (time.Now for an Env without WithDefaults).
func (e *Env) now() time.Time {
	if e.Now == nil {
		return time.Now()
	}
	return e.Now()
}

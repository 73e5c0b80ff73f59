package commands

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// Access requests, approver side: !genehmigen, !ablehnen, ✅/❌ on the
// request message, !protokoll (and its CSV/JSON export). Every decision is
// checked server-side: the sender must be an approver, in the approvals
// room, and not the requester.

// isApprover reports whether user may decide requests: listed in the
// config (approvers) or holding the approver role (see roles.go). Being in
// the approvals room alone is not enough.
func (h *Handler) isApprover(ctx context.Context, user id.UserID) bool {
	return h.accessOn() && h.hasApprover(ctx, user)
}

// approverGate lets a command through only for approvers in the approvals room.
func (h *Handler) approverGate(ce *CommandEvent) bool {
	at := h.Texts.Access
	switch {
	case !h.accessOn():
		_ = h.replyMarkdown(ce.Ctx, at.NotEnabled)
	case !h.isApprover(ce.Ctx, ce.Sender):
		_ = h.replyMarkdown(ce.Ctx, at.NotApprover)
	case ce.RoomID != h.Access.ApprovalsRoom:
		_ = h.replyMarkdown(ce.Ctx, at.ApprovalsRoomOnly)
	default:
		return true
	}
	return false
}

// approver wraps an approver command with the permission check.
func approver(fn func(ce *CommandEvent) error) func(ce *CommandEvent) error {
	return func(ce *CommandEvent) error {
		if !ce.Meta.approverGate(ce) {
			return turnOf(ce.Ctx).err
		}
		return fn(ce)
	}
}

// requestArg reads the request number from the first argument (answering
// itself and returning nil when there is none).
func (h *Handler) requestArg(ce *CommandEvent, usage string) (*storage.AccessRequest, error) {
	if len(ce.Args) == 0 {
		return nil, h.replyMarkdown(ce.Ctx, usage)
	}
	n, err := strconv.ParseInt(strings.TrimPrefix(ce.Args[0], "#"), 10, 64)
	if err != nil {
		return nil, h.replyMarkdown(ce.Ctx, usage)
	}
	r, err := h.DB.Access().Get(ce.Ctx, n)
	if err != nil {
		return nil, err
	}
	if r == nil {
		return nil, h.replyMarkdown(ce.Ctx, formatText(h.Texts.Access.NoSuchRequest, escape(ce.Args[0])))
	}
	return r, nil
}

func cmdApprove(ce *CommandEvent) error {
	h := ce.Meta
	r, err := h.requestArg(ce, h.Texts.Access.ApproveUsage)
	if err != nil || r == nil {
		return err
	}
	return h.approve(ce.Ctx, r, ce.Sender)
}

func cmdDeny(ce *CommandEvent) error {
	h := ce.Meta
	r, err := h.requestArg(ce, h.Texts.Access.DenyUsage)
	if err != nil || r == nil {
		return err
	}
	reason := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(ce.RawArgs), ce.Args[0]))
	if reason == "" {
		return h.replyMarkdown(ce.Ctx, h.Texts.Access.DenyUsage)
	}
	return h.deny(ce.Ctx, r, ce.Sender, summarize(reason))
}

// approve records user's approval; with enough approvals the request
// becomes a provisioning job (the worker picks it up).
func (h *Handler) approve(ctx context.Context, r *storage.AccessRequest, user id.UserID) error {
	at := h.Texts.Access
	if id.UserID(r.MemberID) == user {
		return h.replyMarkdown(ctx, at.SelfApproval)
	}
	cause := turnOf(ctx).msg.Event.ID.String()
	res, after, err := h.DB.Access().Approve(ctx, r.ID, user.String(), cause, h.Now())
	if err != nil || after == nil {
		return err
	}
	name := escape(h.Matrix.DisplayName(ctx, h.Access.ApprovalsRoom, user))
	switch {
	case res.Approved || (after.Status == storage.AccessApproved && h.lastAuditIs(ctx, r.ID, "approved:"+cause)):
		if err := h.replyMarkdown(ctx, formatText(at.Approved, r.ID, escape(h.names(ctx, after.DecidedBy)))); err != nil {
			return err
		}
	case res.Counted || (after.Status == storage.AccessPending && h.lastAuditIs(ctx, r.ID, "approval:"+cause)):
		if err := h.replyMarkdown(ctx, formatText(at.ApprovedPartly, r.ID, name, after.Needed-len(res.Approvers))); err != nil {
			return err
		}
	case after.Status == storage.AccessPending:
		return h.replyMarkdown(ctx, formatText(at.AlreadyApprovedBy, r.ID))
	default:
		return h.replyMarkdown(ctx, formatText(at.AlreadyDecided, r.ID, escape(h.accessStatus(ctx, after))))
	}
	return h.updateAccessBoard(ctx, r.ID)
}

// deny denies the request and tells the member why.
func (h *Handler) deny(ctx context.Context, r *storage.AccessRequest, user id.UserID, reason string) error {
	at := h.Texts.Access
	if id.UserID(r.MemberID) == user {
		return h.replyMarkdown(ctx, at.SelfApproval)
	}
	cause := turnOf(ctx).msg.Event.ID.String()
	changed, after, err := h.DB.Access().Deny(ctx, r.ID, user.String(), reason, cause, h.Now())
	if err != nil || after == nil {
		return err
	}
	if !changed && !(after.Status == storage.AccessDenied && h.lastAuditIs(ctx, r.ID, "denied:"+cause)) {
		return h.replyMarkdown(ctx, formatText(at.AlreadyDecided, r.ID, escape(h.accessStatus(ctx, after))))
	}
	md := formatText(at.MemberDenied, r.ID, escape(h.what(after)), escape(after.DenyReason))
	if _, err := h.sendMarkdownTo(ctx, id.RoomID(r.MemberRoom), md, nil, h.accessTxn(r.ID, "denied-member", 0)); err != nil {
		return err
	}
	if err := h.replyMarkdown(ctx, formatText(at.Denied, r.ID, escape(h.Matrix.DisplayName(ctx, h.Access.ApprovalsRoom, user)))); err != nil {
		return err
	}
	return h.updateAccessBoard(ctx, r.ID)
}

// accessReaction handles ✅/❌ by an approver on a request message in the
// approvals room. handled=false passes the reaction on.
func (h *Handler) accessReaction(ctx context.Context, evt *event.Event) (bool, error) {
	if !h.accessOn() || evt.RoomID != h.Access.ApprovalsRoom {
		return false, nil
	}
	rc := evt.Content.AsReaction()
	if rc == nil || rc.RelatesTo.EventID == "" {
		return false, nil
	}
	r, err := h.DB.Access().ByApprovalsEvent(ctx, rc.RelatesTo.EventID.String())
	if err != nil || r == nil {
		return false, err
	}
	key := stripModifiers(rc.RelatesTo.Key)
	if key != "✅" && key != "❌" && key != "✔" && key != "👍" && key != "👎" {
		return true, nil
	}
	if !h.isApprover(ctx, evt.Sender) {
		return true, h.replyMarkdown(ctx, h.Texts.Access.NotApprover)
	}
	if key == "❌" || key == "👎" {
		return true, h.deny(ctx, r, evt.Sender, h.Texts.Access.DeniedNoReason)
	}
	return true, h.approve(ctx, r, evt.Sender)
}

// cmdAudit shows the audit log (all, one request, one user) or uploads it
// as a CSV or JSON file into the approvals room (encrypted there).
func cmdAudit(ce *CommandEvent) error {
	h := ce.Meta
	at := h.Texts.Access
	var reqID int64
	var user, filter string
	if len(ce.Args) > 0 && (strings.EqualFold(ce.Args[0], "export") || strings.EqualFold(ce.Args[0], "csv") || strings.EqualFold(ce.Args[0], "json")) {
		format := "csv"
		for _, a := range ce.Args {
			if strings.EqualFold(a, "json") {
				format = "json"
			}
		}
		return h.exportAudit(ce, format)
	}
	if len(ce.Args) > 0 {
		arg := ce.Args[0]
		if n, err := strconv.ParseInt(strings.TrimPrefix(arg, "#"), 10, 64); err == nil {
			reqID, filter = n, "#"+strconv.FormatInt(n, 10)
		} else if strings.HasPrefix(arg, "@") {
			user, filter = arg, arg
			if mc := ce.Content.AsMessage(); mc != nil && mc.Mentions != nil && len(mc.Mentions.UserIDs) > 0 {
				user, filter = mc.Mentions.UserIDs[0].String(), mc.Mentions.UserIDs[0].String()
			}
		}
	}
	entries, err := h.DB.Access().AuditLog(ce.Ctx, reqID, user)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return h.replyMarkdown(ce.Ctx, at.AuditEmpty)
	}
	const show = 30
	var b strings.Builder
	b.WriteString(formatText(at.AuditIntro, escape(filter)) + "\n\n")
	start := max(0, len(entries)-show)
	for _, e := range entries[start:] {
		fmt.Fprintf(&b, "- %s #%d **%s** – %s %s\n", e.At.In(h.location()).Format("02.01. 15:04"), e.RequestID, escape(e.Action),
			escape(e.Actor), escape(e.Detail))
	}
	if start > 0 {
		b.WriteString("\n" + formatText(at.AuditMore, start))
	}
	return h.replyMarkdown(ce.Ctx, b.String())
}

// auditRecord is one exported audit line.
type auditRecord struct {
	Time    string `json:"time"`
	Request int64  `json:"request"`
	Actor   string `json:"actor"`
	Action  string `json:"action"`
	Detail  string `json:"detail"`
}

func (h *Handler) exportAudit(ce *CommandEvent, format string) error {
	entries, err := h.DB.Access().AuditLog(ce.Ctx, 0, "")
	if err != nil {
		return err
	}
	records := make([]auditRecord, len(entries))
	for i, e := range entries {
		records[i] = auditRecord{Time: e.At.In(h.location()).Format("2006-01-02T15:04:05Z07:00"), Request: e.RequestID, Actor: e.Actor, Action: e.Action, Detail: e.Detail}
	}
	var data []byte
	mime := "text/csv"
	if format == "json" {
		mime = "application/json"
		if data, err = json.MarshalIndent(records, "", "  "); err != nil {
			return err
		}
	} else {
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		_ = w.Write([]string{"time", "request", "actor", "action", "detail"})
		for _, r := range records {
			// Guard spreadsheet formula injection: member input never starts a cell with = + - @.
			_ = w.Write([]string{r.Time, strconv.FormatInt(r.Request, 10), csvSafe(r.Actor), r.Action, csvSafe(r.Detail)})
		}
		w.Flush()
		data = buf.Bytes()
	}
	name := "lotse-protokoll-" + h.Now().In(h.location()).Format("2006-01-02") + "." + format
	content := &event.MessageEventContent{MsgType: event.MsgFile, Body: name, FileName: name, Mentions: &event.Mentions{},
		Info: &event.FileInfo{MimeType: mime, Size: len(data)}}
	if _, err := h.attachFile(ce.Ctx, ce.RoomID, content, data, mime); err != nil {
		return err
	}
	if _, err := h.Matrix.Send(ce.Ctx, ce.RoomID, event.EventMessage, content, h.causeTxn(ce.Ctx, "audit-file", 0)); err != nil {
		return err
	}
	return h.replyMarkdown(ce.Ctx, formatText(h.Texts.Access.AuditUploaded, len(entries)))
}

func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

package commands

import (
	"context"
	"fmt"
	"html"
	"net/mail"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// Access requests, member side: !zugang asks in the DM for what is missing
// (group, e-mail, reason), shows a summary and files request #N after the
// member confirms; !anträge lists, !zurückziehen withdraws, !raum gives a
// fresh BBB moderator link.
//
// Exactly-once: the draft remembers the event that led to its state, so a
// replayed event repeats the question instead of being read as an answer;
// the request is keyed by the confirming event, and every send uses a
// transaction ID derived from the event (or from the request's identity).

// Draft steps.
const (
	stepGroup     = "group"
	stepRoom      = "room"
	stepEmail     = "email"
	stepReason    = "reason"
	stepConfirm   = "confirm"
	stepCancelled = "cancelled"
)

// accessOn reports whether access requests are configured.
func (h *Handler) accessOn() bool {
	return h.Access.ApprovalsRoom != "" && (h.Access.Nextcloud != nil || h.Access.BBB != nil)
}

// accessTxn derives a transaction ID from a request's identity, for work
// that is not caused by one event (provisioning, announcements, edits).
func (h *Handler) accessTxn(reqID int64, purpose string, n int) string {
	return h.TxnID(id.EventID("lotse-access/"+strconv.FormatInt(reqID, 10)), purpose, n)
}

// cmdAccess starts a request: !zugang nextcloud [Gruppe] | !zugang bbb <Raum>.
func cmdAccess(ce *CommandEvent) error {
	h := ce.Meta
	at := h.Texts.Access
	if !h.accessOn() {
		return h.replyMarkdown(ce.Ctx, at.NotEnabled)
	}
	if !turnOf(ce.Ctx).msg.Direct {
		return h.replyMarkdown(ce.Ctx, at.DMOnly)
	}
	if len(ce.Args) == 0 {
		return h.replyMarkdown(ce.Ctx, at.Usage)
	}
	kind := strings.ToLower(ce.Args[0])
	rest := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(ce.RawArgs), ce.Args[0]))
	d := storage.AccessDraft{RoomID: ce.RoomID.String(), UserID: ce.Sender.String(), LastEvent: ce.ID.String(), CreatedAt: h.Now(),
		DisplayName: h.Matrix.DisplayName(ce.Ctx, ce.RoomID, ce.Sender)}
	switch kind {
	case "nextcloud", "cloud", "nc":
		if h.Access.Nextcloud == nil {
			return h.replyMarkdown(ce.Ctx, at.NotEnabled)
		}
		d.Kind = storage.AccessNextcloud
		if rest != "" {
			g, ok := h.matchGroup(rest)
			if !ok {
				if err := h.replyMarkdown(ce.Ctx, formatText(at.GroupUnknown, escape(rest))+"\n\n"+h.groupList()); err != nil {
					return err
				}
				d.Step = stepGroup
				return h.DB.Access().PutDraft(ce.Ctx, d)
			}
			d.Target = g
		}
	case "bbb", "bigbluebutton", "raum", "room":
		if h.Access.BBB == nil {
			return h.replyMarkdown(ce.Ctx, at.NotEnabled)
		}
		d.Kind = storage.AccessBBB
		if rest != "" {
			if !validRoomName(rest) {
				return h.replyMarkdown(ce.Ctx, at.RoomInvalid)
			}
			d.Target = strings.Join(strings.Fields(rest), " ")
		}
	default:
		return h.replyMarkdown(ce.Ctx, at.Usage)
	}
	d.Step = nextStep(d)
	if err := h.DB.Access().PutDraft(ce.Ctx, d); err != nil {
		return err
	}
	return h.askStep(ce.Ctx, &d)
}

func validRoomName(s string) bool {
	n := utf8.RuneCountInString(strings.Join(strings.Fields(s), " "))
	return n >= 2 && n <= 64
}

// matchGroup finds a configured group by number, name or case-insensitive name.
func (h *Handler) matchGroup(s string) (string, bool) {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "#"))
	groups := h.Access.NextcloudGroups
	if n, err := strconv.Atoi(strings.TrimRight(s, ".)")); err == nil && n >= 1 && n <= len(groups) {
		return groups[n-1], true
	}
	for _, g := range groups {
		if strings.EqualFold(g, s) {
			return g, true
		}
	}
	return "", false
}

func (h *Handler) groupList() string {
	var b strings.Builder
	for i, g := range h.Access.NextcloudGroups {
		fmt.Fprintf(&b, "%d. %s\n", i+1, escape(g))
	}
	return b.String()
}

// nextStep is the first thing the draft still lacks.
func nextStep(d storage.AccessDraft) string {
	switch {
	case d.Kind == storage.AccessNextcloud && d.Target == "":
		return stepGroup
	case d.Kind == storage.AccessBBB && d.Target == "":
		return stepRoom
	case d.Kind == storage.AccessNextcloud && d.Email == "":
		return stepEmail
	case d.Reason == "":
		return stepReason
	}
	return stepConfirm
}

// askStep asks for what the draft's step needs (or shows the summary).
func (h *Handler) askStep(ctx context.Context, d *storage.AccessDraft) error {
	at := h.Texts.Access
	switch d.Step {
	case stepGroup:
		return h.replyMarkdown(ctx, at.AskGroup+"\n\n"+h.groupList())
	case stepRoom:
		return h.replyMarkdown(ctx, at.AskRoom)
	case stepEmail:
		return h.replyMarkdown(ctx, at.AskEmail)
	case stepReason:
		return h.replyMarkdown(ctx, at.AskReason)
	case stepCancelled:
		return h.replyMarkdown(ctx, at.Cancelled)
	}
	var b strings.Builder
	b.WriteString(at.Summary + "\n\n")
	if d.Kind == storage.AccessNextcloud {
		b.WriteString(formatText(at.SummaryNextcloud, escape(d.Target), escape(d.Email), escape(d.DisplayName)) + "\n")
	} else {
		b.WriteString(formatText(at.SummaryBBB, escape(d.Target)) + "\n")
	}
	b.WriteString(formatText(at.SummaryReason, escape(d.Reason)) + "\n\n" + at.ConfirmHow)
	return h.replyMarkdown(ctx, b.String())
}

// validEmail accepts a plain address like name@example.org.
func validEmail(s string) (string, bool) {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "<>"))
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return "", false
	}
	local, domain, ok := strings.Cut(s, "@")
	if !ok || local == "" || !strings.Contains(domain, ".") || strings.HasSuffix(domain, ".") || strings.ContainsAny(s, " \t\"") || len(s) > 254 {
		return "", false
	}
	return s, true
}

// accessText handles a member's free text in a DM that belongs to an access
// draft. handled=false lets the normal handling go on.
func (h *Handler) accessText(ctx context.Context, text string) (bool, error) {
	if !h.accessOn() {
		return false, nil
	}
	evt := turnOf(ctx).msg.Event
	q := h.DB.Access()
	// The confirmation was handled before a crash: finish it the same way.
	if r, err := q.ByOrigin(ctx, evt.ID.String()); err != nil || r != nil {
		if err != nil {
			return true, err
		}
		return true, h.filed(ctx, r)
	}
	d, err := q.Draft(ctx, evt.RoomID.String(), evt.Sender.String(), h.Now().Add(-h.ChoiceTTL))
	if err != nil || d == nil {
		return false, err
	}
	if d.LastEvent == evt.ID.String() {
		return true, h.askStep(ctx, d) // a replay: ask the same again (same transaction ID)
	}
	if d.Step == stepCancelled {
		return false, nil
	}
	at := h.Texts.Access
	words := normWords(text)
	if noWords[words] || words == "abbrechen" || words == "cancel" || words == "stop" {
		d.Step, d.LastEvent = stepCancelled, evt.ID.String()
		if err := q.PutDraft(ctx, *d); err != nil {
			return true, err
		}
		return true, h.askStep(ctx, d)
	}
	switch d.Step {
	case stepGroup:
		g, ok := h.matchGroup(text)
		if !ok {
			return true, h.replyMarkdown(ctx, formatText(at.GroupUnknown, escape(text))+"\n\n"+h.groupList())
		}
		d.Target = g
	case stepRoom:
		if !validRoomName(text) {
			return true, h.replyMarkdown(ctx, at.RoomInvalid)
		}
		d.Target = strings.Join(strings.Fields(text), " ")
	case stepEmail:
		email, ok := validEmail(text)
		if !ok {
			return true, h.replyMarkdown(ctx, formatText(at.EmailInvalid, escape(text)))
		}
		d.Email = email
	case stepReason:
		d.Reason = summarize(text)
	case stepConfirm:
		lower := strings.ToLower(strings.TrimSpace(text))
		switch {
		case yesWords[words] || words == "abschicken" || words == "senden":
			return true, h.fileRequest(ctx, d)
		case strings.HasPrefix(lower, "name ") || strings.HasPrefix(lower, "name:"):
			name := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(text)[4:], ": "))
			if name == "" || utf8.RuneCountInString(name) > 64 {
				return true, h.replyMarkdown(ctx, at.ConfirmHow)
			}
			d.DisplayName = strings.Join(strings.Fields(name), " ")
		default:
			return true, h.replyMarkdown(ctx, at.ConfirmHow)
		}
	default:
		return false, nil
	}
	d.Step, d.LastEvent, d.CreatedAt = nextStep(*d), evt.ID.String(), h.Now()
	if err := q.PutDraft(ctx, *d); err != nil {
		return true, err
	}
	return true, h.askStep(ctx, d)
}

// needsTwo reports whether target needs two different approvers.
func (h *Handler) needsTwo(target string) bool {
	return slices.ContainsFunc(h.Access.TwoApprovers, func(s string) bool { return strings.EqualFold(s, target) })
}

// fileRequest creates the request from the draft (keyed by the confirming
// event), posts it into the approvals room and tells the member.
func (h *Handler) fileRequest(ctx context.Context, d *storage.AccessDraft) error {
	evt := turnOf(ctx).msg.Event
	needed := 1
	if h.needsTwo(d.Target) {
		needed = 2
	}
	r, _, err := h.DB.Access().Create(ctx, &storage.AccessRequest{MemberID: d.UserID, MemberRoom: d.RoomID, Kind: d.Kind, Target: d.Target,
		Email: d.Email, DisplayName: d.DisplayName, Reason: d.Reason, Needed: needed}, evt.ID.String(), h.Now())
	if err != nil {
		return err
	}
	return h.filed(ctx, r)
}

// filed posts request r into the approvals room with ✅/❌ buttons, tells the
// member and deletes the draft. Repeating it sends nothing new.
func (h *Handler) filed(ctx context.Context, r *storage.AccessRequest) error {
	plain, htmlBody := h.accessBoard(ctx, r)
	root, err := h.sendTo(ctx, h.Access.ApprovalsRoom, plain, htmlBody, nil, nil, h.causeTxn(ctx, "access-request", 0))
	if err != nil {
		return err
	}
	if r.ApprovalsEvent != root.String() {
		if err := h.DB.Access().SetApprovalsEvent(ctx, r.ID, root.String()); err != nil {
			return err
		}
	}
	for i, key := range []string{"✅", "❌"} {
		rc := &event.ReactionEventContent{RelatesTo: event.RelatesTo{Type: event.RelAnnotation, EventID: root, Key: key}}
		if _, err := h.Matrix.Send(ctx, h.Access.ApprovalsRoom, event.EventReaction, rc, h.causeTxn(ctx, "access-button", i)); err != nil {
			zerolog.Ctx(ctx).Debug().Err(err).Msg("Failed to add a decision button")
		}
	}
	if err := h.replyMarkdown(ctx, formatText(h.Texts.Access.Filed, r.ID)); err != nil {
		return err
	}
	return h.DB.Access().DeleteDraft(ctx, r.MemberRoom, r.MemberID)
}

// what describes a request's object (plain text, not escaped).
func (h *Handler) what(r *storage.AccessRequest) string {
	if r.Kind == storage.AccessNextcloud {
		return formatText(h.Texts.Access.KindNextcloud, r.Target)
	}
	return formatText(h.Texts.Access.KindBBB, r.Target)
}

// names shows a comma-separated list of user IDs by display name.
func (h *Handler) names(ctx context.Context, users string) string {
	var out []string
	for _, u := range strings.Split(users, ",") {
		if u = strings.TrimSpace(u); u != "" {
			out = append(out, h.Matrix.DisplayName(ctx, h.Access.ApprovalsRoom, id.UserID(u)))
		}
	}
	return strings.Join(out, ", ")
}

// accessStatus labels a request for the approvals room and lists.
func (h *Handler) accessStatus(ctx context.Context, r *storage.AccessRequest) string {
	at := h.Texts.Access
	switch r.Status {
	case storage.AccessPending:
		if approvers, err := h.DB.Access().Approvers(ctx, r.ID); err == nil && len(approvers) > 0 {
			return formatText(at.StatusPartly, h.names(ctx, strings.Join(approvers, ",")))
		}
		return at.StatusPending
	case storage.AccessApproved:
		return formatText(at.StatusApproved, h.names(ctx, r.DecidedBy))
	case storage.AccessProvisioned:
		return formatText(at.StatusProvisioned, h.names(ctx, r.DecidedBy))
	case storage.AccessFailed:
		return formatText(at.StatusFailed, h.names(ctx, r.DecidedBy))
	case storage.AccessDenied:
		return formatText(at.StatusDenied, r.DenyReason)
	case storage.AccessWithdrawn:
		return at.StatusWithdrawn
	}
	return string(r.Status)
}

// accessBoard is the request message in the approvals room: who, what, why.
// Member input appears only as escaped plain text.
func (h *Handler) accessBoard(ctx context.Context, r *storage.AccessRequest) (plain, htmlBody string) {
	at := h.Texts.Access
	member := id.UserID(r.MemberID)
	who := h.Matrix.DisplayName(ctx, id.RoomID(r.MemberRoom), member)
	if who != member.String() {
		who += " (" + member.String() + ")"
	}
	status := h.accessStatus(ctx, r)
	lines := []string{fmt.Sprintf(at.Board, "", r.ID, h.what(r), who)[1:]}
	if r.Kind == storage.AccessNextcloud {
		lines = append(lines, formatText(at.BoardEmail, r.Email, r.DisplayName))
	}
	lines = append(lines, formatText(at.BoardReason, r.Reason))
	if r.Status == storage.AccessFailed && r.LastError != "" {
		lines = append(lines, formatText(at.BoardError, r.LastError))
	}
	if r.Status == storage.AccessPending || r.Status == storage.AccessFailed {
		two := ""
		if r.Needed > 1 {
			two = at.BoardTwo
		}
		lines = append(lines, fmt.Sprintf(at.BoardHow, r.ID, r.ID, two))
	}
	body := strings.Join(lines, "\n")
	return status + " " + body, "<b>" + html.EscapeString(status) + "</b> " + textHTML(body)
}

// updateAccessBoard edits the approvals-room message to the request's
// current state; the transaction ID names request and version.
func (h *Handler) updateAccessBoard(ctx context.Context, reqID int64) error {
	r, err := h.DB.Access().Get(ctx, reqID)
	if err != nil || r == nil || r.ApprovalsEvent == "" {
		return err
	}
	plain, htmlBody := h.accessBoard(ctx, r)
	content := &event.MessageEventContent{MsgType: event.MsgNotice, Body: plain, Format: event.FormatHTML, FormattedBody: htmlBody, Mentions: &event.Mentions{}}
	content.SetEdit(id.EventID(r.ApprovalsEvent))
	content.NewContent.Mentions = &event.Mentions{}
	if _, err = h.Matrix.Send(ctx, h.Access.ApprovalsRoom, event.EventMessage, content, h.accessTxn(r.ID, "board", r.Version)); err != nil {
		return err
	}
	if r.Status == storage.AccessPending {
		return nil
	}
	return h.removeDecisionButtons(ctx, r)
}

// removeDecisionButtons redacts Lotse's own ✅/❌ on a request that is
// decided (or withdrawn), so that nobody is invited to click them again;
// the edited message shows the decision.
func (h *Handler) removeDecisionButtons(ctx context.Context, r *storage.AccessRequest) error {
	for i := range 2 {
		sent, err := h.DB.Inbox.SentEventID(ctx, h.TxnID(id.EventID(r.OriginEvent), "access-button", i))
		if err != nil || sent == "" {
			return err
		}
		if err := h.Matrix.Redact(ctx, h.Access.ApprovalsRoom, id.EventID(sent), h.Texts.Access.ButtonsDone, h.accessTxn(r.ID, fmt.Sprintf("unbutton-%d", i), 0)); err != nil {
			return err
		}
	}
	return nil
}

// statusForMember labels a request in !anträge.
func (h *Handler) statusForMember(ctx context.Context, r *storage.AccessRequest) string {
	switch r.Status {
	case storage.AccessDenied:
		return formatText(h.Texts.Access.StatusDenied, r.DenyReason)
	case storage.AccessPending:
		return h.Texts.Access.StatusPending
	}
	return h.accessStatus(ctx, r)
}

// cmdRequests lists the member's own requests.
func cmdRequests(ce *CommandEvent) error {
	h := ce.Meta
	at := h.Texts.Access
	if !h.accessOn() {
		return h.replyMarkdown(ce.Ctx, at.NotEnabled)
	}
	list, err := h.DB.Access().ListForMember(ce.Ctx, ce.Sender.String(), 20)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		return h.replyMarkdown(ce.Ctx, at.MineEmpty)
	}
	var b strings.Builder
	b.WriteString(at.MineIntro + "\n\n")
	for _, r := range list {
		fmt.Fprintf(&b, "- **#%d** %s – %s (%s)\n", r.ID, escape(h.statusForMember(ce.Ctx, r)), escape(h.what(r)), h.localTime(r.CreatedAt))
	}
	return h.replyMarkdown(ce.Ctx, b.String())
}

// cmdWithdraw withdraws one of the member's own pending requests.
func cmdWithdraw(ce *CommandEvent) error {
	h := ce.Meta
	at := h.Texts.Access
	if !h.accessOn() {
		return h.replyMarkdown(ce.Ctx, at.NotEnabled)
	}
	arg := strings.TrimPrefix(strings.TrimSpace(ce.RawArgs), "#")
	if arg == "" {
		return h.replyMarkdown(ce.Ctx, at.WithdrawUsage)
	}
	var r *storage.AccessRequest
	if n, err := strconv.ParseInt(arg, 10, 64); err == nil {
		if r, err = h.DB.Access().Get(ce.Ctx, n); err != nil {
			return err
		}
	}
	// The same answer for unknown and someone else's requests: no probing.
	if r == nil || id.UserID(r.MemberID) != ce.Sender {
		return h.replyMarkdown(ce.Ctx, formatText(at.NotYours, escape(arg)))
	}
	changed, after, err := h.DB.Access().Withdraw(ce.Ctx, r.ID, ce.Sender.String(), ce.ID.String(), h.Now())
	if err != nil {
		return err
	}
	if !changed && !(after.Status == storage.AccessWithdrawn && h.lastAuditIs(ce.Ctx, r.ID, "withdrawn:"+ce.ID.String())) {
		return h.replyMarkdown(ce.Ctx, formatText(at.NotPending, r.ID))
	}
	if err := h.replyMarkdown(ce.Ctx, formatText(at.Withdrawn, r.ID)); err != nil {
		return err
	}
	return h.updateAccessBoard(ce.Ctx, r.ID)
}

// lastAuditIs reports whether the audit log has entry key: then a
// conditional update that changed nothing was this event's own earlier run.
func (h *Handler) lastAuditIs(ctx context.Context, reqID int64, key string) bool {
	entries, err := h.DB.Access().AuditLog(ctx, reqID, "")
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

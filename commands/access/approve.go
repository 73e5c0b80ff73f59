package access

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

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/storage"
)

// Access requests, approver side: !genehmigen, !ablehnen, ✅/❌ on the
// request message, !protokoll (and its CSV/JSON export). Every decision is
// checked server-side: the sender must be an approver, in the approvals
// room, and not the requester.

// requestArg reads the request number from the first argument (answering
// itself and returning nil when there is none).
func (w *Workflow) requestArg(ce *chat.Call, usage string) (*storage.AccessRequest, error) {
	if len(ce.Args) == 0 {
		return nil, w.ReplyMarkdown(ce.Ctx, usage)
	}
	n, ok := chat.Ref(ce.Args[0])
	if !ok {
		return nil, w.ReplyMarkdown(ce.Ctx, usage)
	}
	r, err := w.DB.Access().Get(ce.Ctx, n)
	if err != nil {
		return nil, err
	}
	if r == nil {
		return nil, w.ReplyMarkdown(ce.Ctx, chat.Format(w.tx.NoSuchRequest, chat.Escape(ce.Args[0])))
	}
	return r, nil
}

func (w *Workflow) cmdApprove(ce *chat.Call) error {
	r, err := w.requestArg(ce, w.tx.ApproveUsage)
	if err != nil || r == nil {
		return err
	}
	return w.approve(ce.Ctx, r, ce.Sender)
}

func (w *Workflow) cmdDeny(ce *chat.Call) error {
	r, err := w.requestArg(ce, w.tx.DenyUsage)
	if err != nil || r == nil {
		return err
	}
	reason := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(ce.RawArgs), ce.Args[0]))
	if reason == "" {
		return w.ReplyMarkdown(ce.Ctx, w.tx.DenyUsage)
	}
	return w.deny(ce.Ctx, r, ce.Sender, chat.Summarize(reason), storage.DenyWithReason)
}

// approve records user's approval; with enough approvals the request
// becomes a provisioning job (the worker picks it up).
func (w *Workflow) approve(ctx context.Context, r *storage.AccessRequest, user id.UserID) error {
	at := w.tx
	if id.UserID(r.MemberID) == user {
		return w.ReplyMarkdown(ctx, at.SelfApproval)
	}
	cause := chat.TurnOf(ctx).Event.ID.String()
	former, err := w.formerApprovers(ctx, r.ID)
	if err != nil {
		return err
	}
	res, after, err := w.DB.Access().ApproveDropping(ctx, r.ID, user.String(), former, cause, w.Now())
	if err != nil || after == nil {
		return err
	}
	name := chat.Escape(w.Matrix.DisplayName(ctx, w.cfg.ApprovalsRoom, user))
	switch {
	case res.Approved || (after.Status == storage.AccessApproved && w.lastAuditIs(ctx, "approved:"+cause)):
		if err := w.ReplyMarkdown(ctx, chat.Format(at.Approved, r.ID, chat.Escape(w.names(ctx, after.DecidedBy)))); err != nil {
			return err
		}
	case res.Counted || (after.Status == storage.AccessPending && w.lastAuditIs(ctx, "approval:"+cause)):
		left := after.Needed - len(res.Approvers)
		if err := w.ReplyMarkdown(ctx, chat.Format(chat.Plural(at.ApprovedPartly, left), r.ID, name, left)); err != nil {
			return err
		}
	case after.Status == storage.AccessPending:
		return w.ReplyMarkdown(ctx, chat.Format(at.AlreadyApprovedBy, r.ID))
	case after.Status == storage.AccessApproved && after.Attempts > 0:
		return w.retryNow(ctx, after, user, cause)
	default:
		return w.ReplyMarkdown(ctx, chat.Format(at.AlreadyDecided, r.ID, chat.Escape(w.accessStatus(ctx, after))))
	}
	return w.updateAccessBoard(ctx, r.ID)
}

// retryNow answers an approval of request r that is approved already and
// waits for a retry after failed attempts (Nextcloud or BigBlueButton was
// down): the next attempt is brought forward to now, and the approver
// reads how often it failed, why, and that Lotse tries again at once.
// Before, `!genehmigen` read only „schon entschieden“: an approver who
// knew the server was back could neither see that the setup was failing
// nor make it go on, and waited up to an hour of backoff (acc34). One
// attempt per approval at most, counted as any other (MaxAttempts).
func (w *Workflow) retryNow(ctx context.Context, r *storage.AccessRequest, user id.UserID, cause string) error {
	_, cur, err := w.DB.Access().RetryNow(ctx, r.ID, user.String(), cause, w.Now())
	if err != nil || cur == nil {
		return err
	}
	if cur.Status != storage.AccessApproved || cur.Attempts == 0 {
		// Set up, failed or approved anew meanwhile.
		return w.ReplyMarkdown(ctx, chat.Format(w.tx.AlreadyDecided, cur.ID, chat.Escape(w.accessStatus(ctx, cur))))
	}
	return w.ReplyMarkdown(ctx, chat.Format(chat.Plural(w.tx.RetryNow, cur.Attempts), cur.ID, cur.Attempts, chat.Escape(cur.LastError)))
}

// formerApprovers are those who approved request id so far and are no
// approvers any more (the role revoked, the person erased): their approval
// does not count towards the two a request may need (twenty-sixth pass;
// before, it counted when the second approver came). A role that cannot
// be read counts as none (people.HasApprover): closed, at the cost of one
// more approval.
func (w *Workflow) formerApprovers(ctx context.Context, reqID int64) ([]string, error) {
	approvers, err := w.DB.Access().Approvers(ctx, reqID)
	if err != nil {
		return nil, err
	}
	var former []string
	for _, a := range approvers {
		if !w.isApprover(ctx, id.UserID(a)) {
			former = append(former, a)
		}
	}
	return former, nil
}

// deny denies the request and tells the member why; how says whether
// reason is an approver's (storage.DenyWithReason) or the note of a
// reaction (storage.DenyNoReason).
func (w *Workflow) deny(ctx context.Context, r *storage.AccessRequest, user id.UserID, reason string, how storage.DenyCause) error {
	at := w.tx
	if id.UserID(r.MemberID) == user {
		return w.ReplyMarkdown(ctx, at.SelfApproval)
	}
	cause := chat.TurnOf(ctx).Event.ID.String()
	changed, after, err := w.DB.Access().Deny(ctx, r.ID, user.String(), reason, how, cause, w.Now())
	if err != nil || after == nil {
		return err
	}
	if !changed && !(after.Status == storage.AccessDenied && w.lastAuditIs(ctx, "denied:"+cause)) {
		return w.ReplyMarkdown(ctx, chat.Format(at.AlreadyDecided, r.ID, chat.Escape(w.accessStatus(ctx, after))))
	}
	md := chat.Format(at.MemberDenied, r.ID, chat.Escape(w.what(after)), chat.Escape(after.DenyReason), w.FallbackContact())
	if deniedWithoutReason(after) {
		md = chat.Format(at.MemberDeniedNoReason, r.ID, chat.Escape(w.what(after)), w.FallbackContact())
	}
	// A create whose answer was lost may have made the account, and
	// Nextcloud may have mailed them: the member hears what that means
	// for them, not only „abgelehnt“ (left31).
	maybeCreated := w.maybeCreated(ctx, after)
	if maybeCreated {
		md += "\n\n" + chat.Format(at.MemberDeniedMaybeAccount, chat.Escape(after.Email))
	}
	// The denial is stored: an error now makes the runtime handle the
	// command again, which finds it (lastAuditIs) and tells them then. A
	// member Lotse cannot open a direct chat with is not told; the reply
	// says so (whole-change review 20, people, M1).
	room, reachable, err := w.memberRoom(ctx, after)
	if err != nil {
		return err
	}
	reply := at.DeniedUnreachable
	if reachable {
		reply = at.Denied
		if _, err := w.SendMarkdownTo(ctx, room, md, nil, w.accessTxn(r.ID, "denied-member", 0)); err != nil {
			return err
		}
	}
	if err := w.ReplyMarkdown(ctx, chat.Format(reply, r.ID, chat.Escape(w.Matrix.DisplayName(ctx, w.cfg.ApprovalsRoom, user)))); err != nil {
		return err
	}
	if maybeCreated {
		if err := w.warnMaybeCreated(ctx, after, cause); err != nil {
			return err
		}
	}
	return w.updateAccessBoard(ctx, r.ID)
}

// warnMaybeCreated tells the approvers, in the request's thread, that the
// request they denied may have a Nextcloud account all the same (a create
// whose answer was lost, then another failure), and what to check; the
// audit log says so beside the denial (deny30). Before, the member read
// „abgelehnt“, the audit log said „abgelehnt“, and an account with a
// password mail could stay in Nextcloud that nobody knew of (acc30).
func (w *Workflow) warnMaybeCreated(ctx context.Context, r *storage.AccessRequest, cause string) error {
	md := chat.Format(w.tx.MaybeCreatedDenied, r.ID, chat.Escape(r.Email), chat.Escape(r.Target))
	if err := w.threadNote(ctx, r, md, w.accessTxn(r.ID, "denied-maybe-created", 0)); err != nil {
		return err
	}
	return w.DB.Access().Audit(ctx, storage.AuditEntry{Key: "denied-maybe-created:" + cause, RequestID: r.ID, At: w.Now(),
		Actor: "lotse", Action: "denied-maybe-created"})
}

// findReaction routes ✅/❌ on a request message in the approvals room;
// the router lets only approvers through (see Workflow.approver).
func (w *Workflow) findReaction(ctx context.Context, evt *event.Event, target id.EventID, key string) (*chat.Target, error) {
	if !w.accessOn() {
		return nil, nil
	}
	r, err := w.DB.Access().ByApprovalsEvent(ctx, target.String())
	if err != nil || r == nil {
		return nil, err
	}
	tg := &chat.Target{Room: w.cfg.ApprovalsRoom, Role: w.approver}
	switch key {
	case "❌", "👎":
		tg.Run = func(ctx context.Context) error {
			return w.deny(ctx, r, evt.Sender, w.tx.DeniedNoReason, storage.DenyNoReason)
		}
	case "✅", "✔", "👍":
		tg.Run = func(ctx context.Context) error { return w.approve(ctx, r, evt.Sender) }
	default:
		tg.Role = nil // other keys on a request do nothing
	}
	return tg, nil
}

// cmdAudit shows the audit log (all, one request, one user) or uploads it
// as a CSV or JSON file into the approvals room (encrypted there).
func (w *Workflow) cmdAudit(ce *chat.Call) error {
	at := w.tx
	var reqID int64
	var user, filter string
	if len(ce.Args) > 0 && (strings.EqualFold(ce.Args[0], "export") || strings.EqualFold(ce.Args[0], "csv") || strings.EqualFold(ce.Args[0], "json")) {
		format := "csv"
		for _, a := range ce.Args {
			if strings.EqualFold(a, "json") {
				format = "json"
			}
		}
		return w.exportAudit(ce, format)
	}
	if len(ce.Args) > 0 {
		arg := ce.Args[0]
		if n, ok := chat.Ref(arg); ok {
			reqID, filter = n, "#"+strconv.FormatInt(n, 10)
		} else if u, _ := w.UserArg(ce); u != "" {
			// The person named in the text or by a pill: never the sender
			// of a message replied to, never Lotse (chat.UserArg).
			user, filter = u.String(), u.String()
		} else if _, _, err := id.UserID(arg).Parse(); err == nil {
			// A Matrix ID UserArg does not take (Lotse's own).
			user, filter = arg, arg
		} else {
			// Neither a number nor a person: not an empty log for an ID
			// that cannot exist, nor the whole log under a filter that
			// was not applied.
			return w.ReplyMarkdown(ce.Ctx, chat.Format(at.AuditBadFilter, chat.Escape(arg), at.Commands["protokoll"].Usage))
		}
	}
	// The last entries only: the log grows with every request (security
	// review 22).
	const show = 30
	entries, total, err := w.DB.Access().AuditTail(ce.Ctx, reqID, user, show)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return w.ReplyMarkdown(ce.Ctx, at.AuditEmpty)
	}
	var b strings.Builder
	intro := at.AuditIntroAll
	if filter != "" {
		intro = chat.Format(at.AuditIntro, chat.Escape(filter))
	}
	b.WriteString(intro + "\n\n")
	start := max(0, total-len(entries))
	for _, e := range entries {
		fmt.Fprintf(&b, "- %s #%d **%s** – %s %s\n", w.ShortDayTime(e.At), e.RequestID, chat.Escape(w.auditAction(e.Action)),
			chat.Escape(w.auditActor(e.Actor)), chat.Escape(w.auditDetail(e)))
	}
	if start > 0 {
		b.WriteString("\n" + chat.Format(chat.Plural(at.AuditMore, start), start))
	}
	plain, htmlBody := chat.Render(b.String())
	listing, err := w.Reply(ce.Ctx, plain, htmlBody)
	if err != nil {
		return err
	}
	// The listing names the members of the requests it shows (their
	// Matrix ID as the actor of "requested", the account set up): it is
	// recorded with each request, and goes with the first of them that
	// the retention or an erasure deletes (priv30; `!protokoll` shows the
	// rest again). At most `show` requests. A listing that shows a
	// request no longer kept (the audit log outlives the requests), or
	// none, goes a day after (storage.AuditListingKept; left31): before,
	// it stayed for good.
	seen := map[int64]bool{}
	var requests []int64
	for _, e := range entries {
		if e.RequestID <= 0 || seen[e.RequestID] {
			continue
		}
		seen[e.RequestID] = true
		requests = append(requests, e.RequestID)
	}
	return w.DB.Access().Listing(ce.Ctx, listing.String(), requests, w.Now())
}

// auditAction names a stored action in words: the codes („requested“,
// „join-link“) are the export's, not what approvers read in the chat
// (security review 22, Low 6).
func (w *Workflow) auditAction(action string) string {
	if s, ok := w.tx.AuditActions[action]; ok {
		return s
	}
	return action
}

// auditActor is who acted: a Matrix ID, or Lotse.
func (w *Workflow) auditActor(actor string) string {
	if actor == "lotse" {
		return w.tx.AuditLotse
	}
	return actor
}

// auditDetail says an entry's detail in words where it is stored as a
// code: what was asked for („nextcloud: AG <mail>“) and what was set up
// („created anna.schmidt“, „room vorstand-1a2b3c4d“).
func (w *Workflow) auditDetail(e storage.AuditEntry) string {
	switch e.Action {
	case "requested":
		kind, rest, ok := strings.Cut(e.Detail, ": ")
		if !ok {
			break
		}
		// Only a Nextcloud request has an address, and it comes last: a
		// room or group name may hold „ <“ itself.
		target, email := rest, ""
		if i := strings.LastIndex(rest, " <"); i >= 0 && kind == storage.AccessNextcloud {
			target, email = rest[:i], rest[i+len(" <"):]
		}
		r := &storage.AccessRequest{Kind: kind, Target: target}
		if kind != storage.AccessNextcloud && kind != storage.AccessBBB {
			break
		}
		if email != "" {
			return w.what(r) + " <" + email
		}
		return w.what(r)
	case "provisioned":
		kind, id, _ := strings.Cut(e.Detail, " ")
		switch kind {
		case "created", "created-earlier":
			return chat.Format(w.tx.AuditCreated, id)
		case "existing":
			return chat.Format(w.tx.AuditExisting, id)
		case "disabled":
			return chat.Format(w.tx.AuditDisabled, id)
		case "room":
			return chat.Format(w.tx.AuditRoom, id)
		}
	case "join-link":
		return chat.Format(w.tx.AuditRoom, e.Detail)
	}
	return e.Detail
}

// auditRecord is one exported audit line.
type auditRecord struct {
	Time    string `json:"time"`
	Request int64  `json:"request"`
	Actor   string `json:"actor"`
	Action  string `json:"action"`
	Detail  string `json:"detail"`
}

func (w *Workflow) exportAudit(ce *chat.Call, format string) error {
	entries, err := w.DB.Access().AuditLog(ce.Ctx, 0, "")
	if err != nil {
		return err
	}
	records := make([]auditRecord, len(entries))
	for i, e := range entries {
		records[i] = auditRecord{Time: e.At.In(w.Location).Format(chat.StampLayout), Request: e.RequestID, Actor: e.Actor, Action: e.Action, Detail: e.Detail}
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
	name := chat.Format(w.tx.AuditFile, w.Now().In(w.Location).Format(chat.ISODateLayout), format)
	content := &event.MessageEventContent{MsgType: event.MsgFile, Body: name, FileName: name, Mentions: &event.Mentions{},
		Info: &event.FileInfo{MimeType: mime, Size: len(data)}}
	if _, err := w.AttachFile(ce.Ctx, ce.RoomID, content, data, mime); err != nil {
		return err
	}
	file, err := w.Matrix.Send(ce.Ctx, ce.RoomID, event.EventMessage, content, w.CauseTxn(ce.Ctx, "audit-file", 0))
	if err != nil {
		return err
	}
	// The file names every member in the log: the retention redacts its
	// message a day after (storage.AuditListingKept; left31).
	if err := w.DB.Access().Listing(ce.Ctx, file.String(), nil, w.Now()); err != nil {
		return err
	}
	return w.ReplyMarkdown(ce.Ctx, chat.Format(chat.Plural(w.tx.AuditUploaded, len(entries)), len(entries)))
}

func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

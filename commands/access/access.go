package access

import (
	"context"
	"errors"
	"fmt"
	"html"
	"net/mail"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/rs/zerolog"
	"golang.org/x/net/idna"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
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
func (w *Workflow) accessOn() bool {
	return w.cfg.ApprovalsRoom != "" && (w.cfg.Nextcloud != nil || w.cfg.BBB != nil)
}

// accessTxn derives a transaction ID from a request's identity, for work
// that is not caused by one event (provisioning, announcements, edits).
func (w *Workflow) accessTxn(reqID int64, purpose string, n int) string {
	return w.TxnID(id.EventID("lotse-access/"+strconv.FormatInt(reqID, 10)), purpose, n)
}

// MaxOpenRequests is how many requests one member may have waiting for a
// decision: each is a message in the approvals room, and a member could
// file any number of them (security review 22, Low 3).
const MaxOpenRequests = 5

// MaxRequestsPerDay is how many requests one member may file in 24 hours,
// whatever became of them: with MaxOpenRequests alone a member could file,
// withdraw and file again without end, each request a message (and two
// buttons, an edit, two redactions) in the approvals room (acc30).
const MaxRequestsPerDay = 10

// tooManyOpen tells the member when they have MaxOpenRequests requests
// waiting already (done=true: answered, no new request).
func (w *Workflow) tooManyOpen(ctx context.Context, member id.UserID) (done bool, err error) {
	n, err := w.DB.Access().PendingOf(ctx, member.String())
	if err != nil || n < MaxOpenRequests {
		return false, err
	}
	return true, w.replyTooManyOpen(ctx, n)
}

// replyTooManyOpen tells the member that their n open requests are the most
// they may have.
func (w *Workflow) replyTooManyOpen(ctx context.Context, n int) error {
	return w.ReplyMarkdown(ctx, chat.Format(chat.Plural(w.tx.TooManyOpen, n), n))
}

// replyTooManyToday tells the member that the n requests they filed in
// the last 24 hours are the most they may file in a day.
func (w *Workflow) replyTooManyToday(ctx context.Context, n int) error {
	return w.ReplyMarkdown(ctx, chat.Format(chat.Plural(w.tx.TooManyToday, n), n, w.FallbackContact()))
}

// cmdAccess starts a request: !zugang nextcloud [Gruppe] | !zugang bbb <Raum>.
func (w *Workflow) cmdAccess(ce *chat.Call) error {
	at := w.tx
	if !w.accessOn() {
		return w.ReplyMarkdown(ce.Ctx, w.notEnabled())
	}
	if len(ce.Args) == 0 {
		return w.ReplyMarkdown(ce.Ctx, w.usage())
	}
	if done, err := w.tooManyOpen(ce.Ctx, ce.Sender); done || err != nil {
		return err
	}
	if n, err := w.DB.Access().FiledSince(ce.Ctx, ce.Sender.String(), w.Now().Add(-24*time.Hour)); err != nil || n >= MaxRequestsPerDay {
		if err != nil {
			return err
		}
		return w.replyTooManyToday(ce.Ctx, n)
	}
	kind := strings.ToLower(ce.Args[0])
	rest := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(ce.RawArgs), ce.Args[0]))
	d := storage.AccessDraft{RoomID: ce.RoomID.String(), UserID: ce.Sender.String(), LastEvent: ce.ID.String(), CreatedAt: w.Now(),
		DisplayName: oneLineName(w.Matrix.DisplayName(ce.Ctx, ce.RoomID, ce.Sender))}
	switch kind {
	case "nextcloud", "cloud", "nc":
		if w.cfg.Nextcloud == nil {
			return w.ReplyMarkdown(ce.Ctx, at.NotEnabledNextcloud+" "+w.usage())
		}
		d.Kind = storage.AccessNextcloud
		if rest != "" {
			g, ok := w.matchGroup(rest)
			if !ok {
				if err := w.ReplyMarkdown(ce.Ctx, chat.Format(at.GroupUnknown, chat.Escape(rest))+"\n\n"+w.groupList()); err != nil {
					return err
				}
				d.Step = stepGroup
				return w.DB.Access().PutDraft(ce.Ctx, d)
			}
			d.Target = g
		}
	case "bbb", "bigbluebutton", "raum", "room":
		if w.cfg.BBB == nil {
			return w.ReplyMarkdown(ce.Ctx, at.NotEnabledBBB+" "+w.usage())
		}
		d.Kind = storage.AccessBBB
		if rest != "" {
			name, ok := roomName(rest)
			if !ok {
				return w.ReplyMarkdown(ce.Ctx, at.RoomInvalid)
			}
			d.Target = name
		}
	default:
		return w.ReplyMarkdown(ce.Ctx, w.usage())
	}
	d.Step = nextStep(d)
	if err := w.DB.Access().PutDraft(ce.Ctx, d); err != nil {
		return err
	}
	return w.askStep(ce.Ctx, &d)
}

// roomName is the room name a member typed as Lotse keeps it: one line,
// without invisible characters (chat.OneLineName), ok=false when it is
// not 2 to 64 characters long then. Before the thirtieth pass
// „Vorstand\u200b“ (a zero-width space) was a room of its own, shown as
// „Vorstand“ in the approvals room and to everyone the requester invited,
// but not the Vorstand's room, so the rule that only its first requester
// moderates a room did not hold it (acc30).
func roomName(s string) (string, bool) {
	s = chat.OneLineName(s)
	n := utf8.RuneCountInString(s)
	return s, n >= 2 && n <= 64
}

// matchGroup finds a configured group by number, name or case-insensitive name.
func (w *Workflow) matchGroup(s string) (string, bool) {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "#"))
	groups := w.cfg.NextcloudGroups
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

func (w *Workflow) groupList() string {
	var b strings.Builder
	for i, g := range w.cfg.NextcloudGroups {
		fmt.Fprintf(&b, "%d. %s\n", i+1, chat.Escape(g))
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
func (w *Workflow) askStep(ctx context.Context, d *storage.AccessDraft) error {
	at := w.tx
	switch d.Step {
	case stepGroup:
		return w.ReplyMarkdown(ctx, at.AskGroup+"\n\n"+w.groupList())
	case stepRoom:
		return w.ReplyMarkdown(ctx, at.AskRoom)
	case stepEmail:
		return w.ReplyMarkdown(ctx, at.AskEmail)
	case stepReason:
		return w.ReplyMarkdown(ctx, at.AskReason)
	case stepCancelled:
		return w.ReplyMarkdown(ctx, at.Cancelled)
	}
	var b strings.Builder
	b.WriteString(at.Summary + "\n\n")
	if d.Kind == storage.AccessNextcloud {
		b.WriteString(chat.Format(at.SummaryNextcloud, chat.Escape(d.Target), chat.Escape(d.Email), chat.Escape(d.DisplayName)) + "\n")
	} else {
		b.WriteString(chat.Format(at.SummaryBBB, chat.Escape(d.Target)) + "\n")
	}
	b.WriteString(chat.Format(at.SummaryReason, chat.Escape(d.Reason)) + "\n\n" + at.ConfirmHow)
	return w.ReplyMarkdown(ctx, b.String())
}

// validEmail accepts a plain address like name@example.org, as the ASCII
// form mail servers use: a domain with umlauts („müller.de“) comes back
// in its xn-- form, which is also what the approvers see. special=true
// (ok=false) when the address holds characters that look like others or
// like nothing: letters of another script, invisible or control
// characters, a local part with umlauts. Before the thirtieth pass
// „mіa@example.org“ (a Cyrillic і) or „mia@exаmple.org“ (a Cyrillic а,
// a domain anyone can register) passed and the approvals room showed it
// as Mia's address: approved, Nextcloud created an account and sent its
// password link to the look-alike address (acc30).
func validEmail(s string) (addr string, ok, special bool) {
	s = pastedAddress(s)
	if len(s) > 254 {
		return "", false, false
	}
	local, domain, found := strings.Cut(s, "@")
	if !found {
		return "", false, false
	}
	for _, r := range local {
		if r >= utf8.RuneSelf || r < ' ' || r == 0x7f {
			return "", false, true
		}
	}
	for _, r := range domain {
		if unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zs) {
			return "", false, r != ' ' && r != '\t'
		}
	}
	// UTS 46 as for looking a name up; only letters, digits, „-“ and
	// „.“ are left (no [1.2.3.4], no „_“).
	ascii, err := idna.Lookup.ToASCII(domain)
	if err != nil || ascii == "" {
		return "", false, domain != "" && !isASCII(domain)
	}
	if !isASCII(domain) && !sameScriptLabels(domain) {
		return "", false, true
	}
	s = local + "@" + ascii
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return "", false, false
	}
	if local == "" || !strings.Contains(ascii, ".") || strings.HasSuffix(ascii, ".") || strings.ContainsAny(s, " \t\"") || len(s) > 254 ||
		strings.Trim(ascii, "abcdefghijklmnopqrstuvwxyz0123456789-.") != "" {
		return "", false, false
	}
	return s, true, false
}

// pastedAddress strips what copying an address out of a mail client or a
// web page brings along and what cannot change the address a reader sees:
// spaces and zero-width characters at either end, a „mailto:“, a display
// name before „<…>“ („Mia Mitglied <mia@example.org>“), and one „.“, „,“
// or „;“ after it (the end of a sentence, a recipient list; the domain's
// trailing root dot means the same domain). Before, each of these refused
// a member's real address with „sieht nicht wie eine E-Mail-Adresse aus“
// or, for a zero-width space at the end, as a look-alike (mend30c).
// Invisible characters inside the address and direction marks stay: they
// are what validEmail refuses.
func pastedAddress(s string) string {
	edge := func(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u2060' }
	s = strings.TrimFunc(s, edge)
	if n := len(s); n > 1 && s[n-2] == '>' && strings.ContainsRune(".,;", rune(s[n-1])) {
		s = s[:n-1]
	}
	if strings.HasSuffix(s, ">") {
		if i := strings.LastIndexByte(s, '<'); i >= 0 {
			s = s[i+1 : len(s)-1]
		}
	}
	s = strings.TrimFunc(strings.Trim(strings.TrimFunc(s, edge), "<>"), edge)
	if len(s) > len("mailto:") && strings.EqualFold(s[:len("mailto:")], "mailto:") {
		s = s[len("mailto:"):]
	}
	if n := len(s); n > 0 && strings.Count(s, "@") == 1 && strings.ContainsRune(".,;", rune(s[n-1])) {
		s = s[:n-1]
	}
	return s
}

// isASCII reports whether s is plain ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// sameScriptLabels reports whether every label of a domain with non-ASCII
// letters keeps to one script besides ASCII digits and „-“: „müller“ is
// Latin, „пример“ Cyrillic, but „exаmple“ mixes Latin with a Cyrillic а,
// the look-alike trick (the rule browsers apply before they show a domain
// in Unicode).
func sameScriptLabels(domain string) bool {
	scripts := []*unicode.RangeTable{unicode.Latin, unicode.Cyrillic, unicode.Greek, unicode.Arabic, unicode.Hebrew,
		unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai, unicode.Devanagari, unicode.Armenian, unicode.Georgian}
	for _, label := range strings.Split(domain, ".") {
		var seen *unicode.RangeTable
		for _, r := range strings.ToLower(label) {
			if r == '-' || (r >= '0' && r <= '9') {
				continue
			}
			var in *unicode.RangeTable
			for _, t := range scripts {
				if unicode.Is(t, r) {
					in = t
					break
				}
			}
			if in == unicode.Hiragana || in == unicode.Katakana || in == unicode.Hangul {
				// Japanese writes Han with Kana in one word, Korean Han with
				// Hangul (UTS #39's "highly restrictive" sets): one script
				// here, none of them a look-alike of a Latin letter.
				in = unicode.Han
			}
			if in == nil || (seen != nil && in != seen) {
				return false
			}
			seen = in
		}
	}
	return true
}

// Text handles a member's free text in a DM that belongs to an access
// draft. handled=false lets the normal handling go on.
func (w *Workflow) Text(ctx context.Context, text string) (bool, error) {
	if !w.accessOn() {
		return false, nil
	}
	evt := chat.TurnOf(ctx).Event
	q := w.DB.Access()
	// The confirmation was handled before a crash: finish it the same way.
	if r, err := q.ByOrigin(ctx, evt.ID.String()); err != nil || r != nil {
		if err != nil {
			return true, err
		}
		return true, w.filed(ctx, r)
	}
	d, err := q.Draft(ctx, evt.RoomID.String(), evt.Sender.String(), w.Now().Add(-w.ChoiceTTL))
	if err != nil || d == nil {
		return false, err
	}
	if d.LastEvent == evt.ID.String() {
		return true, w.askStep(ctx, d) // a replay: ask the same again (same transaction ID)
	}
	if d.Step == stepCancelled {
		return false, nil
	}
	at := w.tx
	words := chat.NormWords(text)
	if chat.SaysNo(words) || words == "abbrechen" || words == "cancel" || words == "stop" {
		d.Step, d.LastEvent = stepCancelled, evt.ID.String()
		if err := q.PutDraft(ctx, *d); err != nil {
			return true, err
		}
		return true, w.askStep(ctx, d)
	}
	switch d.Step {
	case stepGroup:
		g, ok := w.matchGroup(text)
		if !ok {
			return true, w.ReplyMarkdown(ctx, chat.Format(at.GroupUnknown, chat.Escape(text))+"\n\n"+w.groupList())
		}
		d.Target = g
	case stepRoom:
		name, ok := roomName(text)
		if !ok {
			return true, w.ReplyMarkdown(ctx, at.RoomInvalid)
		}
		d.Target = name
	case stepEmail:
		email, ok, special := validEmail(text)
		switch {
		case special:
			return true, w.ReplyMarkdown(ctx, chat.Format(at.EmailSpecial, chat.Escape(chat.Shorten(text, 80))))
		case !ok:
			return true, w.ReplyMarkdown(ctx, chat.Format(at.EmailInvalid, chat.Escape(chat.Shorten(text, 80))))
		}
		d.Email = email
	case stepReason:
		// One line without invisible characters: a right-to-left
		// override in the reason turned the rest of the approvals-room
		// line around (acc30).
		d.Reason = chat.Summarize(chat.OneLineName(text))
	case stepConfirm:
		lower := strings.ToLower(strings.TrimSpace(text))
		yes, _ := chat.YesTo(text, words, "abschicken", "senden")
		switch {
		case yes:
			return true, w.fileRequest(ctx, d)
		case strings.HasPrefix(lower, "name ") || strings.HasPrefix(lower, "name:"):
			// Cleaned first, then measured: a name of invisible
			// characters only was taken as an empty name, and one over
			// 64 characters was answered with ConfirmHow alone, which
			// did not say what was wrong with it (acc34).
			name := chat.OneLineName(strings.TrimLeft(strings.TrimSpace(text)[4:], ": "))
			switch n := utf8.RuneCountInString(name); {
			case n == 0:
				return true, w.ReplyMarkdown(ctx, at.ConfirmHow)
			case n > maxNameRunes:
				return true, w.ReplyMarkdown(ctx, chat.Format(at.NameTooLong, n))
			}
			d.DisplayName = name
		default:
			return true, w.ReplyMarkdown(ctx, at.ConfirmHow)
		}
	default:
		return false, nil
	}
	d.Step, d.LastEvent, d.CreatedAt = nextStep(*d), evt.ID.String(), w.Now()
	if err := q.PutDraft(ctx, *d); err != nil {
		return true, err
	}
	return true, w.askStep(ctx, d)
}

// needsTwo reports whether target needs two different approvers.
func (w *Workflow) needsTwo(target string) bool {
	return slices.ContainsFunc(w.cfg.TwoApprovers, func(s string) bool { return strings.EqualFold(s, target) })
}

// fileRequest creates the request from the draft (keyed by the confirming
// event), posts it into the approvals room and tells the member.
func (w *Workflow) fileRequest(ctx context.Context, d *storage.AccessDraft) error {
	evt := chat.TurnOf(ctx).Event
	needed := 1
	if w.needsTwo(d.Target) {
		needed = 2
	}
	// The limit is checked again here (drafts are started before requests
	// are filed), in the transaction that files the request: checked
	// before it, confirmations sent at the same moment from several chats
	// all passed (security pass 23). A request this confirmation filed
	// already is finished, also at the limit.
	r, _, err := w.DB.Access().CreateLimited(ctx, &storage.AccessRequest{MemberID: d.UserID, MemberRoom: d.RoomID, Kind: d.Kind, Target: d.Target,
		Email: d.Email, DisplayName: d.DisplayName, Reason: d.Reason, Needed: needed}, evt.ID.String(), w.Now(), MaxOpenRequests, MaxRequestsPerDay)
	if limit := (*storage.OpenLimitError)(nil); errors.As(err, &limit) {
		return w.replyTooManyOpen(ctx, limit.Open)
	}
	if limit := (*storage.DailyLimitError)(nil); errors.As(err, &limit) {
		return w.replyTooManyToday(ctx, limit.Filed)
	}
	if err != nil {
		return err
	}
	return w.filed(ctx, r)
}

// filed posts request r into the approvals room with ✅/❌ buttons, tells the
// member and deletes the draft. Repeating it sends nothing new.
func (w *Workflow) filed(ctx context.Context, r *storage.AccessRequest) error {
	plain, htmlBody := w.accessBoard(ctx, r)
	root, err := w.SendTo(ctx, w.cfg.ApprovalsRoom, plain, htmlBody, nil, nil, w.CauseTxn(ctx, "access-request", 0))
	if err != nil {
		return err
	}
	if r.ApprovalsEvent != root.String() {
		if err := w.DB.Access().SetApprovalsEvent(ctx, r.ID, root.String()); err != nil {
			return err
		}
	}
	for i, key := range []string{"✅", "❌"} {
		rc := &event.ReactionEventContent{RelatesTo: event.RelatesTo{Type: event.RelAnnotation, EventID: root, Key: key}}
		if _, err := w.Matrix.Send(ctx, w.cfg.ApprovalsRoom, event.EventReaction, rc, w.CauseTxn(ctx, "access-button", i)); err != nil {
			zerolog.Ctx(ctx).Debug().Err(err).Msg("Failed to add a decision button")
		}
	}
	if err := w.ReplyMarkdown(ctx, chat.Format(w.tx.Filed, r.ID)); err != nil {
		return err
	}
	return w.DB.Access().DeleteDraft(ctx, r.MemberRoom, r.MemberID)
}

// what describes a request's object (plain text, not escaped).
func (w *Workflow) what(r *storage.AccessRequest) string {
	if r.Kind == storage.AccessNextcloud {
		return chat.Format(w.tx.KindNextcloud, r.Target)
	}
	return chat.Format(w.tx.KindBBB, r.Target)
}

// names shows a comma-separated list of user IDs by display name.
func (w *Workflow) names(ctx context.Context, users string) string {
	var out []string
	for _, u := range strings.Split(users, ",") {
		if u = strings.TrimSpace(u); u != "" {
			out = append(out, w.Matrix.DisplayName(ctx, w.cfg.ApprovalsRoom, id.UserID(u)))
		}
	}
	return strings.Join(out, ", ")
}

// accessStatus labels a request for the approvals room and lists.
func (w *Workflow) accessStatus(ctx context.Context, r *storage.AccessRequest) string {
	at := w.tx
	switch r.Status {
	case storage.AccessPending:
		if approvers, err := w.DB.Access().Approvers(ctx, r.ID); err == nil && len(approvers) > 0 {
			return chat.Format(at.StatusPartly, w.names(ctx, strings.Join(approvers, ",")))
		}
		return at.StatusPending
	case storage.AccessApproved:
		return chat.Format(at.StatusApproved, w.names(ctx, r.DecidedBy))
	case storage.AccessProvisioned:
		return chat.Format(at.StatusProvisioned, w.names(ctx, r.DecidedBy))
	case storage.AccessFailed:
		return chat.Format(at.StatusFailed, w.names(ctx, r.DecidedBy))
	case storage.AccessDenied:
		return chat.Format(at.StatusDenied, r.DenyReason)
	case storage.AccessWithdrawn:
		return at.StatusWithdrawn
	}
	return string(r.Status)
}

// accessBoard is the request message in the approvals room: who, what, why.
// Member input appears only as escaped plain text.
func (w *Workflow) accessBoard(ctx context.Context, r *storage.AccessRequest) (plain, htmlBody string) {
	at := w.tx
	member := id.UserID(r.MemberID)
	who := oneLineName(w.Matrix.DisplayName(ctx, id.RoomID(r.MemberRoom), member))
	if who == "" {
		who = member.String()
	} else if who != member.String() {
		who += " (" + member.String() + ")"
	}
	status := w.accessStatus(ctx, r)
	lines := []string{fmt.Sprintf(at.Board, "", r.ID, w.what(r), who)[1:]}
	if r.Kind == storage.AccessNextcloud {
		lines = append(lines, chat.Format(at.BoardEmail, r.Email, oneLineName(r.DisplayName)))
	}
	lines = append(lines, chat.Format(at.BoardReason, r.Reason))
	if r.Status == storage.AccessFailed && r.LastError != "" {
		lines = append(lines, chat.Format(at.BoardError, r.LastError))
	}
	if r.Status == storage.AccessPending || r.Status == storage.AccessFailed {
		two := ""
		if r.Needed > 1 {
			two = at.BoardTwo
		}
		lines = append(lines, fmt.Sprintf(at.BoardHow, r.ID, r.ID, two))
	}
	body := strings.Join(lines, "\n")
	return status + " " + body, "<b>" + html.EscapeString(status) + "</b> " + chat.TextHTML(body)
}

// updateAccessBoard edits the approvals-room message to the request's
// current state; the transaction ID names request and version.
func (w *Workflow) updateAccessBoard(ctx context.Context, reqID int64) error {
	r, err := w.DB.Access().Get(ctx, reqID)
	if err != nil || r == nil || r.ApprovalsEvent == "" {
		return err
	}
	plain, htmlBody := w.accessBoard(ctx, r)
	content := &event.MessageEventContent{MsgType: event.MsgNotice, Body: plain, Format: event.FormatHTML, FormattedBody: htmlBody, Mentions: &event.Mentions{}}
	edit, err := w.EditTo(ctx, w.cfg.ApprovalsRoom, id.EventID(r.ApprovalsEvent), content, w.accessTxn(r.ID, "board", r.Version))
	if err != nil {
		return err
	}
	// The edit carries the member's name, e-mail and reason as the request
	// message does: recorded with the request, for the retention and the
	// erasure that redact it (priv30).
	if err := w.DB.Access().Shown(ctx, r.ID, edit.String()); err != nil {
		return err
	}
	if gone, err := w.unlessErased(ctx, r.ID, w.accessTxn(r.ID, "board", r.Version)); gone || err != nil {
		return err
	}
	if r.Status == storage.AccessPending {
		return nil
	}
	return w.removeDecisionButtons(ctx, r)
}

// threadNote sends md into the thread of request r's message in the
// approvals room and records it with the request (access_shown): the
// retention rule "access" and an erasure of the member find it there,
// however long ago it was sent (priv30; before, only through sent_event,
// which inbox_retention forgets long before the request's year is over).
// A note whose request is gone meanwhile is not recorded: unlessErased
// redacts it.
func (w *Workflow) threadNote(ctx context.Context, r *storage.AccessRequest, md, txn string) error {
	note, err := w.SendMarkdownTo(ctx, w.cfg.ApprovalsRoom, md, chat.ThreadRel(r.ApprovalsEvent), txn)
	if err != nil {
		return err
	}
	return w.DB.Access().Shown(ctx, r.ID, note.String())
}

// removeDecisionButtons redacts Lotse's own ✅/❌ on a request that is
// decided (or withdrawn), so that nobody is invited to click them again;
// the edited message shows the decision.
func (w *Workflow) removeDecisionButtons(ctx context.Context, r *storage.AccessRequest) error {
	for i := range 2 {
		sent, err := w.DB.Inbox.SentEventID(ctx, w.TxnID(id.EventID(r.OriginEvent), "access-button", i))
		if err != nil || sent == "" {
			return err
		}
		if err := w.Matrix.Redact(ctx, w.cfg.ApprovalsRoom, id.EventID(sent), w.tx.ButtonsDone, w.accessTxn(r.ID, fmt.Sprintf("unbutton-%d", i), 0)); err != nil {
			return err
		}
	}
	return nil
}

// statusForMember labels a request in !anträge: the state only, without
// the approvers' names, their note on a ❌ or the provisioning error (those
// are for the approvals room).
func (w *Workflow) statusForMember(ctx context.Context, r *storage.AccessRequest) string {
	at := w.tx
	switch r.Status {
	case storage.AccessDenied:
		if deniedWithoutReason(r) {
			return at.MineDenied
		}
		return chat.Format(at.StatusDenied, r.DenyReason)
	case storage.AccessPending:
		return at.StatusPending
	case storage.AccessApproved:
		return at.MineApproved
	case storage.AccessProvisioned:
		return at.MineProvisioned
	case storage.AccessFailed:
		return at.MineFailed
	}
	return w.accessStatus(ctx, r)
}

// cmdRequests lists the member's own requests.
func (w *Workflow) cmdRequests(ce *chat.Call) error {
	at := w.tx
	if !w.accessOn() {
		return w.ReplyMarkdown(ce.Ctx, w.notEnabled())
	}
	list, err := w.DB.Access().ListForMember(ce.Ctx, ce.Sender.String(), 20)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		return w.ReplyMarkdown(ce.Ctx, at.MineEmpty)
	}
	var b strings.Builder
	b.WriteString(at.MineIntro + "\n\n")
	for _, r := range list {
		fmt.Fprintf(&b, "- **#%d** %s – %s (%s)\n", r.ID, chat.Escape(w.statusForMember(ce.Ctx, r)), chat.Escape(w.what(r)), w.DayTime(r.CreatedAt))
	}
	return w.ReplyMarkdown(ce.Ctx, b.String())
}

// cmdWithdraw withdraws one of the member's own pending requests.
func (w *Workflow) cmdWithdraw(ce *chat.Call) error {
	at := w.tx
	if !w.accessOn() {
		return w.ReplyMarkdown(ce.Ctx, w.notEnabled())
	}
	arg := strings.TrimPrefix(strings.TrimSpace(ce.RawArgs), "#")
	if arg == "" {
		return w.ReplyMarkdown(ce.Ctx, at.WithdrawUsage)
	}
	var r *storage.AccessRequest
	if n, ok := chat.Ref(arg); ok {
		var err error
		if r, err = w.DB.Access().Get(ce.Ctx, n); err != nil {
			return err
		}
	}
	// The same answer for unknown and someone else's requests: no probing.
	if r == nil || id.UserID(r.MemberID) != ce.Sender {
		return w.ReplyMarkdown(ce.Ctx, chat.Format(at.NotYours, chat.Escape(arg)))
	}
	changed, after, err := w.DB.Access().Withdraw(ce.Ctx, r.ID, ce.Sender.String(), ce.ID.String(), w.Now())
	if err != nil {
		return err
	}
	if !changed && !(after.Status == storage.AccessWithdrawn && w.lastAuditIs(ce.Ctx, "withdrawn:"+ce.ID.String())) {
		return w.ReplyMarkdown(ce.Ctx, chat.Format(at.NotPending, r.ID))
	}
	if err := w.ReplyMarkdown(ce.Ctx, chat.Format(at.Withdrawn, r.ID)); err != nil {
		return err
	}
	return w.updateAccessBoard(ce.Ctx, r.ID)
}

// lastAuditIs reports whether the audit log has entry key: then a
// conditional update that changed nothing was this event's own earlier run.
func (w *Workflow) lastAuditIs(ctx context.Context, key string) bool {
	// One lookup by key, not a read of the request's whole log.
	ok, err := w.DB.Access().AuditHas(ctx, key)
	return err == nil && ok
}

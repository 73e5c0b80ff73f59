package roundtable

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/schedule"
	"github.com/lotse-bot/lotse/storage"
)

// Round tables ("Runder Tisch"): coordinators plan one from chat (parsed by
// schedule.Parse, confirmed before it is announced), Lotse posts the
// announcement and an .ics file to the target rooms, members RSVP with ✅
// or !dabei, get a DM confirmation and reminders with their personal BBB
// join link, and coordinators list, reschedule, cancel and follow up.
//
// Exactly-once: sends caused by an event use transaction IDs derived from
// it; announcements, edits and calendar files derive theirs from the round
// table's ID and version or sequence; scheduled sends from round table,
// attendee, kind and planned time (see tick.go). Join links go
// only into DMs and are never logged.

// On reports whether round tables are configured: coordinators or
// announcement rooms in the config (coordinators may also be granted the
// role in chat, see package people).
func (w *Workflow) On() bool {
	return len(w.cfg.Coordinators) > 0 || len(w.cfg.Rooms) > 0
}

// stx are the schedule package's texts in our language.
func (w *Workflow) stx() *schedule.Texts { return schedule.TextsFor(w.Lang) }

// pick returns withLinks when Lotse hands out personal BigBlueButton links
// (BBB configured), else withoutLinks: nothing may promise a link that
// never comes.
func (w *Workflow) pick(withLinks, withoutLinks string) string {
	if w.cfg.Meetings != nil {
		return withLinks
	}
	return withoutLinks
}

// rtTxn derives a transaction ID from a round table's identity.
func (w *Workflow) rtTxn(rtID int64, purpose string, n int) string {
	return w.TxnID(id.EventID(fmt.Sprintf("lotse-rt/%d", rtID)), purpose, n)
}

// rtRange formats when rt takes place in the configured zone.
func (w *Workflow) rtRange(rt *storage.RoundTable) string {
	return w.stx().Range(rt.Start.In(w.cfg.Location), rt.Duration)
}

// Recurrence encoding in storage: "W<n>", "M<n>" or "M<n>:<ordinal>".
func encodeRecurrence(r *schedule.Recurrence) string {
	if r == nil {
		return ""
	}
	n := max(r.Interval, 1)
	switch r.Freq {
	case schedule.Weekly:
		return "W" + strconv.Itoa(n)
	case schedule.Monthly:
		if r.Ordinal != 0 {
			return fmt.Sprintf("M%d:%d", n, r.Ordinal)
		}
		return "M" + strconv.Itoa(n)
	}
	return ""
}

func decodeRecurrence(s string, start time.Time) *schedule.Recurrence {
	if len(s) < 2 {
		return nil
	}
	r := &schedule.Recurrence{Start: start}
	switch s[0] {
	case 'W':
		r.Freq = schedule.Weekly
	case 'M':
		r.Freq = schedule.Monthly
	default:
		return nil
	}
	num, ord, _ := strings.Cut(s[1:], ":")
	r.Interval, _ = strconv.Atoi(num)
	if ord != "" {
		r.Ordinal, _ = strconv.Atoi(ord)
	}
	return r
}

// rtOptions are the optional lines of !rundertisch.
type rtOptions struct {
	description []string
	rooms       []string
	capacity    int
	cohosts     []string
}

// MaxCoHosts and MaxRooms bound the people in `Moderation:` and the
// rooms in `Räume:` of one round table. Each person named gets a direct
// chat (opened if there is none) and a moderator link before every
// meeting, each room the announcement: 1,000 names in one message were
// 1,001 direct chats at each reminder (sec29).
const (
	MaxCoHosts = 10
	MaxRooms   = 20
)

// MaxOpenDrafts bounds the drafts of one coordinator whose date is ahead
// (planned with !rundertisch, not announced nor cancelled yet). Each draft
// is a row and a preview in the sender's room, and there was no bound
// (mend33a's Left, left34). A coordinator plans a few round tables a month
// and announces each soon after its preview; ten waiting at once is met by
// nobody who plans them.
const MaxOpenDrafts = 10

// MaxTitle and MaxDescription bound a round table's title and
// description, in characters. The title goes into every notice, reminder,
// list line and calendar file, the description into the announcement
// above the lines that say how to join: a description of 3,000 short lines
// made the announcement too big for one event, and the cut that keeps it
// sendable took away exactly those lines (rt31).
const (
	MaxTitle       = 200
	MaxDescription = 2000
)

// parseOptions reads "Beschreibung: …", "Räume: …", "Plätze: …" and
// "Moderation: …" lines (the German texts' word; "Co-Hosts: …" too);
// other lines are description. It returns the first bad line. A room or
// person named twice counts once; counting stops a little beyond
// MaxRooms and MaxCoHosts (the caller refuses more).
func parseOptions(lines []string) (rtOptions, string) {
	var o rtOptions
	for _, line := range lines {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		key, val, found := strings.Cut(line, ":")
		k := strings.ToLower(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		if !found || strings.ContainsAny(k, " \t") && k != "co hosts" {
			o.description = append(o.description, line)
			continue
		}
		switch k {
		case "beschreibung", "description", "desc", "info":
			o.description = append(o.description, val)
		case "räume", "raeume", "raum", "rooms", "room":
			for _, f := range strings.FieldsFunc(val, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
				if !strings.HasPrefix(f, "!") || !strings.Contains(f, ":") {
					return o, line
				}
				if len(o.rooms) > MaxRooms {
					break
				}
				if !slices.Contains(o.rooms, f) {
					o.rooms = append(o.rooms, f)
				}
			}
		case "plätze", "plaetze", "kapazität", "kapazitaet", "capacity", "places":
			n, err := strconv.Atoi(val)
			if err != nil || n < 1 {
				return o, line
			}
			o.capacity = n
		case "co-hosts", "cohosts", "co-host", "cohost", "co hosts", "moderation":
			for _, f := range strings.FieldsFunc(val, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
				if !strings.HasPrefix(f, "@") || !strings.Contains(f, ":") {
					return o, line
				}
				if len(o.cohosts) > MaxCoHosts {
					break
				}
				if !slices.Contains(o.cohosts, f) {
					o.cohosts = append(o.cohosts, f)
				}
			}
		default:
			// "Hinweis: …" or a URL in the text: description.
			o.description = append(o.description, line)
		}
	}
	return o, ""
}

// cmdRoundTable parses a new round table and asks the coordinator to confirm.
func (w *Workflow) cmdRoundTable(ce *chat.Call) error {
	tx := w.tx
	raw := strings.TrimSpace(ce.RawArgs)
	first, rest, _ := strings.Cut(raw, "\n")
	title, when := schedule.SplitTitleIn(first, w.Lang)
	if title == "" || when == "" {
		return w.ReplyMarkdown(ce.Ctx, tx.Usage)
	}
	parsed, err := schedule.ParseIn(when, w.Now(), w.cfg.Location, w.Lang)
	if err != nil {
		return w.replyParseError(ce.Ctx, err)
	}
	opts, bad := parseOptions(strings.Split(rest, "\n"))
	if bad != "" {
		return w.ReplyMarkdown(ce.Ctx, chat.Format(tx.BadOption, chat.Escape(bad)))
	}
	if len(opts.cohosts) > MaxCoHosts {
		return w.ReplyMarkdown(ce.Ctx, chat.Format(chat.Plural(tx.TooManyCoHosts, MaxCoHosts), MaxCoHosts))
	}
	if len(opts.rooms) > MaxRooms {
		return w.ReplyMarkdown(ce.Ctx, chat.Format(chat.Plural(tx.TooManyRooms, MaxRooms), MaxRooms))
	}
	if utf8.RuneCountInString(title) > MaxTitle {
		return w.ReplyMarkdown(ce.Ctx, chat.Format(chat.Plural(tx.TitleTooLong, MaxTitle), MaxTitle))
	}
	desc := strings.Join(opts.description, "\n")
	if n := utf8.RuneCountInString(desc); n > MaxDescription {
		return w.ReplyMarkdown(ce.Ctx, chat.Format(chat.Plural(tx.DescriptionTooLong, MaxDescription), n, MaxDescription))
	}
	for _, r := range opts.rooms {
		if !w.mayAnnounceIn(ce.Ctx, id.RoomID(r), ce.Sender) {
			return w.ReplyMarkdown(ce.Ctx, chat.Format(tx.RoomNotAllowed, chat.Escape(r)))
		}
	}
	rooms := opts.rooms
	if len(rooms) == 0 {
		for _, r := range w.cfg.Rooms {
			rooms = append(rooms, r.String())
		}
	}
	if len(rooms) == 0 {
		return w.ReplyMarkdown(ce.Ctx, tx.NoRooms)
	}
	rt, _, err := w.DB.RoundTables.CreateBounded(ce.Ctx, &storage.RoundTable{
		Title: title, Description: desc, Start: parsed.Start, Duration: parsed.Duration,
		Recurrence: encodeRecurrence(parsed.Recurrence), Capacity: opts.capacity, Coordinator: ce.Sender.String(),
		CoHosts: opts.cohosts, Rooms: rooms, OriginEvent: ce.Event.ID.String(), OriginRoom: ce.RoomID.String(),
	}, w.Now(), MaxOpenDrafts)
	if limit := (*storage.DraftLimitError)(nil); errors.As(err, &limit) {
		nums := make([]string, len(limit.IDs))
		for i, n := range limit.IDs {
			nums[i] = fmt.Sprintf("#%d", n)
		}
		return w.ReplyMarkdown(ce.Ctx, chat.Format(chat.Plural(tx.TooManyDrafts, len(limit.IDs)), len(limit.IDs), strings.Join(nums, ", ")))
	}
	if err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString(chat.Format(tx.Preview, rt.ID, chat.Escape(rt.Title)) + "\n\n")
	b.WriteString(w.rtDetails(rt))
	for _, warn := range parsed.Warnings {
		b.WriteString("\n" + tx.Warning + chat.Escape(warn))
	}
	b.WriteString("\n\n" + chat.Format(tx.ConfirmHow, rt.ID))
	plain, htmlBody := chat.Render(b.String())
	prompt, err := w.Reply(ce.Ctx, plain, htmlBody)
	if err != nil {
		return err
	}
	if err := w.DB.RoundTables.SetPrompt(ce.Ctx, rt.ID, prompt.String()); err != nil {
		return err
	}
	rc := &event.ReactionEventContent{RelatesTo: event.RelatesTo{Type: event.RelAnnotation, EventID: prompt, Key: "✅"}}
	_, _ = w.Matrix.Send(ce.Ctx, ce.RoomID, event.EventReaction, rc, w.CauseTxn(ce.Ctx, "rt-prompt-react", 0))
	return nil
}

// mayAnnounceIn reports whether a coordinator may name room in `Räume:`:
// a configured announcement room, or a room that Lotse and the coordinator
// share and that is not private — not one of the configured private rooms
// (team, approvals), not the direct chat the command came from and not the
// one Lotse recorded with the coordinator.
func (w *Workflow) mayAnnounceIn(ctx context.Context, room id.RoomID, coordinator id.UserID) bool {
	if slices.Contains(w.cfg.Rooms, room) {
		return true
	}
	if slices.Contains(w.cfg.Private, room) {
		return false
	}
	if t := chat.TurnOf(ctx); t != nil && t.Direct && t.Event.RoomID == room {
		return false
	}
	if dm, _, err := w.DB.DirectRooms.Get(ctx, coordinator.String()); err != nil || id.RoomID(dm) == room {
		return false
	}
	for _, u := range []id.UserID{w.Matrix.UserID(), coordinator} {
		if ok, err := w.Matrix.IsJoined(ctx, room, u); err != nil || !ok {
			return false
		}
	}
	return true
}

// maxParseText bounds each of a date error's message and hint, in
// characters: both quote at most a word or two of what was typed.
const maxParseText = 400

// replyParseError tells the sender what is wrong with a date that
// schedule could not parse; any other error is returned.
func (w *Workflow) replyParseError(ctx context.Context, err error) error {
	var pe *schedule.ParseError
	if errors.As(err, &pe) {
		// Message and hint escaped apart, each with room for the word
		// typed that it may quote: together they are often more than
		// Escape keeps, and the cut took the examples of the hint —
		// what to write instead (left34).
		msg, hint := chat.EscapeLong(pe.MessageIn(w.Lang), maxParseText), chat.EscapeLong(pe.HintIn(w.Lang), maxParseText)
		return w.ReplyMarkdown(ctx, chat.Format(w.tx.ParseError, strings.TrimSpace(msg+" "+hint)))
	}
	return err
}

// rtWhen lists the date, the recurrence and the description: the lines
// the details and the announcement both begin with.
func (w *Workflow) rtWhen(rt *storage.RoundTable) []string {
	tx := w.tx
	lines := []string{chat.Format(tx.When, w.rtRange(rt))}
	if rec := decodeRecurrence(rt.Recurrence, rt.Start.In(w.cfg.Location)); rec != nil {
		lines = append(lines, chat.Format(tx.Repeats, w.stx().Describe(*rec)))
	}
	if rt.Description != "" {
		lines = append(lines, chat.Format(tx.Description, chat.EscapeMultiline(rt.Description)))
	}
	return lines
}

// rtDetails lists date, recurrence, description, rooms, capacity and co-hosts.
func (w *Workflow) rtDetails(rt *storage.RoundTable) string {
	tx := w.tx
	lines := append(w.rtWhen(rt), chat.Format(chat.Plural(tx.Rooms, len(rt.Rooms)), len(rt.Rooms)))
	if rt.Capacity > 0 {
		lines = append(lines, chat.Format(chat.Plural(tx.Capacity, rt.Capacity), rt.Capacity))
	}
	if len(rt.CoHosts) > 0 {
		lines = append(lines, chat.Format(tx.CoHosts, chat.Escape(strings.Join(rt.CoHosts, ", "))))
	}
	return strings.Join(lines, "  \n")
}

// rtArg reads the round table number from the first argument. It answers
// itself when there is none (and returns nil).
func (w *Workflow) rtArg(ce *chat.Call, cmd string) (*storage.RoundTable, []string, error) {
	tx := w.tx
	if len(ce.Args) == 0 {
		return nil, nil, w.ReplyMarkdown(ce.Ctx, chat.Format(tx.NumberUsage, w.tx.Commands[cmd].Usage))
	}
	n, ok := chat.Ref(ce.Args[0])
	if !ok {
		return nil, nil, w.ReplyMarkdown(ce.Ctx, chat.Format(tx.NumberUsage, w.tx.Commands[cmd].Usage))
	}
	rt, err := w.DB.RoundTables.Get(ce.Ctx, n)
	if err != nil {
		return nil, nil, err
	}
	if rt == nil {
		return nil, nil, w.ReplyMarkdown(ce.Ctx, chat.Format(tx.NoSuch, chat.Escape(ce.Args[0])))
	}
	return rt, ce.Args[1:], nil
}

// cmdAnnounce confirms a draft: !ankündigen <Nr>.
func (w *Workflow) cmdAnnounce(ce *chat.Call) error {
	rt, _, err := w.rtArg(ce, "ankündigen")
	if err != nil || rt == nil {
		return err
	}
	return w.confirmDraft(ce.Ctx, rt)
}

// MaxAnnouncedPerDay bounds the round tables of one coordinator (the one
// who planned them, whoever announces) announced within AnnounceWindow.
// Each announcement is a post, a ✅ and a calendar file in up to MaxRooms
// rooms: a coordinator account in the wrong hands posted as many as it
// liked into the announcement rooms (rt32's Left, rt33). A regional
// association plans a few round tables a month, a weekly one is one
// series; ten in a day is met by no coordinator who plans them, and ten a
// day bound such an account to 10 × MaxRooms posts.
const (
	MaxAnnouncedPerDay = 10
	AnnounceWindow     = 24 * time.Hour
)

// confirmDraft announces a draft, or repeats the announcement of a retry.
// A draft announced by another coordinator than its author is told to
// the author and its co-hosts (rt33): before, the author learnt of it
// from the announcement rooms, or not at all.
func (w *Workflow) confirmDraft(ctx context.Context, rt *storage.RoundTable) error {
	tx := w.tx
	evt := chat.TurnOf(ctx).Event
	// The bound is counted in the announcement's transaction (left34):
	// counted before it, two announcements at the same moment both passed.
	ok, after, err := w.DB.RoundTables.AnnounceBounded(ctx, rt.ID, evt.ID.String(), w.Now(), MaxAnnouncedPerDay, AnnounceWindow)
	var limit *storage.AnnounceLimitError
	if errors.As(err, &limit) {
		text := tx.TooManyAnnounced
		if evt.Sender.String() != rt.Coordinator {
			text = tx.TooManyAnnouncedOf
		}
		return w.ReplyMarkdown(ctx, chat.Format(chat.Plural(text, limit.Announced), rt.ID, limit.Announced))
	}
	if err != nil {
		return err
	}
	if !ok && after.LastEvent != evt.ID.String() {
		if after.Status == storage.RoundTableAnnounced {
			return w.ReplyMarkdown(ctx, chat.Format(tx.AlreadyAnnounced, rt.ID))
		}
		return w.ReplyMarkdown(ctx, chat.Format(tx.NotOpen, rt.ID))
	}
	if err := w.publish(ctx, after); err != nil {
		return err
	}
	told, err := w.notifyHosts(ctx, evt.Sender, after, func(name string, host id.UserID) string {
		md := chat.Format(tx.DraftAnnouncedByOther, name, after.ID, chat.Escape(after.Title), w.rtRange(after))
		if w.IsCoordinator(ctx, host) {
			// !absagen only to whom it answers (mend33a): a co-host
			// need not hold the coordinator role.
			md += " " + chat.Format(tx.CancelHint, after.ID)
		}
		return md
	}, "rt-announced-host")
	if err != nil {
		return err
	}
	n := len(after.Rooms)
	return w.ReplyMarkdown(ctx, chat.Format(chat.Plural(w.pick(tx.Announced, tx.AnnouncedNoLink), n), rt.ID, n)+told)
}

// postContent is the announcement message of rt as it is now; note: the
// line about its last change (changeNote), "" for none.
func (w *Workflow) postContent(rt *storage.RoundTable, note string) *event.MessageEventContent {
	tx := w.tx
	var b strings.Builder
	switch {
	case rt.Status == storage.RoundTableCancelled:
		b.WriteString(tx.PostCancelled + "\n\n")
	}
	b.WriteString(chat.Format(tx.PostTitle, rt.ID, chat.Escape(rt.Title)) + "\n\n")
	lines := w.rtWhen(rt)
	if rt.Capacity > 0 {
		lines = append(lines, chat.Format(chat.Plural(tx.Capacity, rt.Capacity), rt.Capacity))
	}
	b.WriteString(strings.Join(lines, "  \n"))
	if rt.Status != storage.RoundTableCancelled {
		if note != "" {
			b.WriteString("\n\n" + note)
		}
		b.WriteString("\n\n" + chat.Format(w.pick(tx.PostHow, tx.PostHowNoLink), rt.ID))
	}
	plain, htmlBody := chat.Render(b.String())
	return &event.MessageEventContent{MsgType: event.MsgNotice, Body: plain, Format: event.FormatHTML, FormattedBody: htmlBody, Mentions: &event.Mentions{}}
}

// publish posts the announcement, the ✅ button and the calendar file to
// every target room that does not have them yet.
func (w *Workflow) publish(ctx context.Context, rt *storage.RoundTable) error {
	posts, err := w.DB.RoundTables.Posts(ctx, rt.ID)
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, p := range posts {
		have[p.RoomID] = true
	}
	note, err := w.changeNote(ctx, rt)
	if err != nil {
		return err
	}
	for _, room := range rt.Rooms {
		roomID := id.RoomID(room)
		if !have[room] {
			evtID, err := w.Matrix.Send(ctx, roomID, event.EventMessage, w.postContent(rt, note), w.rtTxn(rt.ID, "post:"+room, 0))
			if err != nil {
				return err
			}
			if err := w.DB.RoundTables.SetPost(ctx, rt.ID, room, evtID.String()); err != nil {
				return err
			}
			rc := &event.ReactionEventContent{RelatesTo: event.RelatesTo{Type: event.RelAnnotation, EventID: evtID, Key: "✅"}}
			if _, err := w.Matrix.Send(ctx, roomID, event.EventReaction, rc, w.rtTxn(rt.ID, "post-react:"+room, 0)); err != nil {
				return err
			}
		}
		if err := w.sendICS(ctx, rt, roomID); err != nil {
			return err
		}
	}
	return nil
}

// sendICS posts rt's calendar file (this sequence) to roomID, encrypted in
// encrypted rooms.
//
// A file sent already (its transaction ID is known: the handling of a
// command is retried, e.g. after another attendee's chat failed) is
// neither built nor uploaded again: the send would be deduplicated, and
// each retry left one more upload per room and attendee that no message
// points to (mend25a).
func (w *Workflow) sendICS(ctx context.Context, rt *storage.RoundTable, roomID id.RoomID) error {
	txn := w.rtTxn(rt.ID, "ics:"+roomID.String(), rt.Sequence)
	if sent, err := w.DB.Inbox.SentEventID(ctx, txn); err != nil || sent != "" {
		return err
	}
	tx := w.tx
	me := w.Matrix.UserID()
	ev := schedule.Event{
		UID: fmt.Sprintf("rundertisch-%d@%s", rt.ID, w.cfg.UIDDomain), Sequence: rt.Sequence,
		Title: rt.Title, Description: rt.Description, Location: w.pick(tx.ICSLocation, tx.ICSLocationNoLink),
		Start: rt.Start, Duration: rt.Duration, Recurrence: decodeRecurrence(rt.Recurrence, rt.Start),
		// Lotse organises, not the coordinator by Matrix ID and name: the
		// file goes to everyone in the room and into their calendars (and
		// after an erasure it named the pseudonym).
		Organizer: w.Matrix.DisplayName(ctx, roomID, me), OrganizerURI: "matrix:u/" + strings.TrimPrefix(me.String(), "@"),
		Created: rt.CreatedAt, Modified: rt.UpdatedAt,
	}
	if rt.Status == storage.RoundTableCancelled {
		ev.Method = schedule.MethodCancel
	}
	data, err := schedule.ICS(ev)
	if err != nil {
		return err
	}
	name := chat.Format(tx.ICSFile, rt.ID)
	content := &event.MessageEventContent{MsgType: event.MsgFile, Body: name, FileName: name,
		Info: &event.FileInfo{MimeType: "text/calendar", Size: len(data)}, Mentions: &event.Mentions{}}
	if _, err := w.AttachFile(ctx, roomID, content, data, "text/calendar"); err != nil {
		return err
	}
	_, err = w.Matrix.Send(ctx, roomID, event.EventMessage, content, txn)
	return err
}

// updatePosts edits every announcement to rt's current state (once per version).
func (w *Workflow) updatePosts(ctx context.Context, rt *storage.RoundTable) error {
	posts, err := w.DB.RoundTables.Posts(ctx, rt.ID)
	if err != nil || len(posts) == 0 {
		return err
	}
	note, err := w.changeNote(ctx, rt)
	if err != nil {
		return err
	}
	for _, p := range posts {
		if _, err := w.EditTo(ctx, id.RoomID(p.RoomID), id.EventID(p.EventID), w.postContent(rt, note), w.rtTxn(rt.ID, "edit:"+p.RoomID, rt.Version)); err != nil {
			return err
		}
	}
	return nil
}

package commands

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/schedule"
	"github.com/lotse-bot/lotse/storage"

	"github.com/lotse-bot/lotse/commands/chat"
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
// attendee, kind and planned time (see roundtable_tick.go). Join links go
// only into DMs and are never logged.

// rtOn reports whether round tables are configured: coordinators or
// announcement rooms in the config (coordinators may also be granted the
// role in chat, see roles.go).
func (h *Handler) rtOn() bool {
	return len(h.RoundTables.Coordinators) > 0 || len(h.RoundTables.Rooms) > 0
}

func (h *Handler) rtLocation() *time.Location {
	if h.RoundTables.Location != nil {
		return h.RoundTables.Location
	}
	return h.location()
}

// stx are the schedule package's texts in our language.
func (h *Handler) stx() *schedule.Texts { return schedule.TextsFor(h.Texts.Lang) }

// rtTxn derives a transaction ID from a round table's identity.
func (h *Handler) rtTxn(rtID int64, purpose string, n int) string {
	return h.TxnID(id.EventID(fmt.Sprintf("lotse-rt/%d", rtID)), purpose, n)
}

// rtRange formats when rt takes place in the configured zone.
func (h *Handler) rtRange(rt *storage.RoundTable) string {
	return h.stx().Range(rt.Start.In(h.rtLocation()), rt.Duration)
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

// parseOptions reads "Beschreibung: …", "Räume: …", "Plätze: …" and
// "Co-Hosts: …" lines; other lines are description. It returns the first
// bad line.
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
				o.rooms = append(o.rooms, f)
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
				o.cohosts = append(o.cohosts, f)
			}
		default:
			// "Hinweis: …" or a URL in the text: description.
			o.description = append(o.description, line)
		}
	}
	return o, ""
}

// cmdRoundTable parses a new round table and asks the coordinator to confirm.
func cmdRoundTable(ce *CommandEvent) error {
	h := ce.Meta
	tx := h.Texts.RoundTable
	raw := strings.TrimSpace(ce.RawArgs)
	first, rest, _ := strings.Cut(raw, "\n")
	title, when := schedule.SplitTitle(first)
	if title == "" || when == "" {
		return h.replyMarkdown(ce.Ctx, tx.Usage)
	}
	w, err := schedule.ParseIn(when, h.Now(), h.rtLocation(), h.Texts.Lang)
	if err != nil {
		var pe *schedule.ParseError
		if errors.As(err, &pe) {
			return h.replyMarkdown(ce.Ctx, formatText(tx.ParseError, escape(pe.MessageIn(h.Texts.Lang)+" "+pe.HintIn(h.Texts.Lang))))
		}
		return err
	}
	opts, bad := parseOptions(strings.Split(rest, "\n"))
	if bad != "" {
		return h.replyMarkdown(ce.Ctx, formatText(tx.BadOption, escape(bad)))
	}
	rooms := opts.rooms
	if len(rooms) == 0 {
		for _, r := range h.RoundTables.Rooms {
			rooms = append(rooms, r.String())
		}
	}
	if len(rooms) == 0 {
		return h.replyMarkdown(ce.Ctx, tx.NoRooms)
	}
	rt, _, err := h.DB.RoundTables.Create(ce.Ctx, &storage.RoundTable{
		Title: title, Description: strings.Join(opts.description, "\n"), Start: w.Start, Duration: w.Duration,
		Recurrence: encodeRecurrence(w.Recurrence), Capacity: opts.capacity, Coordinator: ce.Sender.String(),
		CoHosts: opts.cohosts, Rooms: rooms, OriginEvent: ce.Event.ID.String(), OriginRoom: ce.RoomID.String(),
	}, h.Now())
	if err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString(formatText(tx.Preview, rt.ID, escape(rt.Title)) + "\n\n")
	b.WriteString(h.rtDetails(rt))
	for _, warn := range w.Warnings {
		b.WriteString("\n" + tx.Warning + escape(warn))
	}
	b.WriteString("\n\n" + formatText(tx.ConfirmHow, rt.ID))
	plain, htmlBody := renderMarkdown(b.String())
	prompt, err := h.reply(ce.Ctx, plain, htmlBody)
	if err != nil {
		return err
	}
	if err := h.DB.RoundTables.SetPrompt(ce.Ctx, rt.ID, prompt.String()); err != nil {
		return err
	}
	rc := &event.ReactionEventContent{RelatesTo: event.RelatesTo{Type: event.RelAnnotation, EventID: prompt, Key: "✅"}}
	_, _ = h.Matrix.Send(ce.Ctx, ce.RoomID, event.EventReaction, rc, h.causeTxn(ce.Ctx, "rt-prompt-react", 0))
	return nil
}

// rtDetails lists date, recurrence, description, rooms, capacity and co-hosts.
func (h *Handler) rtDetails(rt *storage.RoundTable) string {
	tx := h.Texts.RoundTable
	lines := []string{formatText(tx.When, h.rtRange(rt))}
	if rec := decodeRecurrence(rt.Recurrence, rt.Start.In(h.rtLocation())); rec != nil {
		lines = append(lines, formatText(tx.Repeats, h.stx().Describe(*rec)))
	}
	if rt.Description != "" {
		lines = append(lines, formatText(tx.Description, escapeMultiline(rt.Description)))
	}
	lines = append(lines, formatText(tx.Rooms, len(rt.Rooms)))
	if rt.Capacity > 0 {
		lines = append(lines, formatText(tx.Capacity, rt.Capacity))
	}
	if len(rt.CoHosts) > 0 {
		lines = append(lines, formatText(tx.CoHosts, escape(strings.Join(rt.CoHosts, ", "))))
	}
	return strings.Join(lines, "  \n")
}

func escapeMultiline(s string) string { return chat.EscapeMultiline(s) }

// rtArg reads the round table number from the first argument. It answers
// itself when there is none (and returns nil).
func (h *Handler) rtArg(ce *CommandEvent, cmd string) (*storage.RoundTable, []string, error) {
	tx := h.Texts.RoundTable
	if len(ce.Args) == 0 {
		return nil, nil, h.replyMarkdown(ce.Ctx, formatText(tx.NumberUsage, h.Texts.Commands[cmd].Usage))
	}
	n, err := strconv.ParseInt(strings.TrimPrefix(ce.Args[0], "#"), 10, 64)
	if err != nil {
		return nil, nil, h.replyMarkdown(ce.Ctx, formatText(tx.NumberUsage, h.Texts.Commands[cmd].Usage))
	}
	rt, err := h.DB.RoundTables.Get(ce.Ctx, n)
	if err != nil {
		return nil, nil, err
	}
	if rt == nil {
		return nil, nil, h.replyMarkdown(ce.Ctx, formatText(tx.NoSuch, escape(ce.Args[0])))
	}
	return rt, ce.Args[1:], nil
}

// cmdAnnounce confirms a draft: !ankündigen <Nr>.
func cmdAnnounce(ce *CommandEvent) error {
	h := ce.Meta
	rt, _, err := h.rtArg(ce, "ankündigen")
	if err != nil || rt == nil {
		return err
	}
	return h.confirmDraft(ce.Ctx, rt)
}

// confirmDraft announces a draft, or repeats the announcement of a retry.
func (h *Handler) confirmDraft(ctx context.Context, rt *storage.RoundTable) error {
	tx := h.Texts.RoundTable
	evt := turnOf(ctx).msg.Event
	ok, after, err := h.DB.RoundTables.Announce(ctx, rt.ID, evt.ID.String(), h.Now())
	if err != nil {
		return err
	}
	if !ok && after.LastEvent != evt.ID.String() {
		if after.Status == storage.RoundTableAnnounced {
			return h.replyMarkdown(ctx, formatText(tx.AlreadyAnnounced, rt.ID))
		}
		return h.replyMarkdown(ctx, formatText(tx.NotOpen, rt.ID))
	}
	if err := h.publish(ctx, after); err != nil {
		return err
	}
	return h.replyMarkdown(ctx, formatText(tx.Announced, rt.ID, len(after.Rooms)))
}

// postContent is the announcement message of rt as it is now.
func (h *Handler) postContent(rt *storage.RoundTable) *event.MessageEventContent {
	tx := h.Texts.RoundTable
	var b strings.Builder
	switch {
	case rt.Status == storage.RoundTableCancelled:
		b.WriteString(tx.PostCancelled + "\n\n")
	}
	b.WriteString(formatText(tx.PostTitle, rt.ID, escape(rt.Title)) + "\n\n")
	lines := []string{formatText(tx.When, h.rtRange(rt))}
	if rec := decodeRecurrence(rt.Recurrence, rt.Start.In(h.rtLocation())); rec != nil {
		lines = append(lines, formatText(tx.Repeats, h.stx().Describe(*rec)))
	}
	if rt.Description != "" {
		lines = append(lines, formatText(tx.Description, escapeMultiline(rt.Description)))
	}
	if rt.Capacity > 0 {
		lines = append(lines, formatText(tx.Capacity, rt.Capacity))
	}
	b.WriteString(strings.Join(lines, "  \n"))
	if rt.Status != storage.RoundTableCancelled {
		if rt.Sequence > 0 {
			b.WriteString("\n\n" + tx.PostMoved)
		}
		b.WriteString("\n\n" + formatText(tx.PostHow, rt.ID))
	}
	plain, htmlBody := renderMarkdown(b.String())
	return &event.MessageEventContent{MsgType: event.MsgNotice, Body: plain, Format: event.FormatHTML, FormattedBody: htmlBody, Mentions: &event.Mentions{}}
}

// publish posts the announcement, the ✅ button and the calendar file to
// every target room that does not have them yet.
func (h *Handler) publish(ctx context.Context, rt *storage.RoundTable) error {
	posts, err := h.DB.RoundTables.Posts(ctx, rt.ID)
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, p := range posts {
		have[p.RoomID] = true
	}
	for _, room := range rt.Rooms {
		roomID := id.RoomID(room)
		if !have[room] {
			evtID, err := h.Matrix.Send(ctx, roomID, event.EventMessage, h.postContent(rt), h.rtTxn(rt.ID, "post:"+room, 0))
			if err != nil {
				return err
			}
			if err := h.DB.RoundTables.SetPost(ctx, rt.ID, room, evtID.String()); err != nil {
				return err
			}
			rc := &event.ReactionEventContent{RelatesTo: event.RelatesTo{Type: event.RelAnnotation, EventID: evtID, Key: "✅"}}
			if _, err := h.Matrix.Send(ctx, roomID, event.EventReaction, rc, h.rtTxn(rt.ID, "post-react:"+room, 0)); err != nil {
				return err
			}
		}
		if err := h.sendICS(ctx, rt, roomID); err != nil {
			return err
		}
	}
	return nil
}

// sendICS posts rt's calendar file (this sequence) to roomID, encrypted in
// encrypted rooms.
func (h *Handler) sendICS(ctx context.Context, rt *storage.RoundTable, roomID id.RoomID) error {
	tx := h.Texts.RoundTable
	ev := schedule.Event{
		UID: fmt.Sprintf("rundertisch-%d@%s", rt.ID, h.RoundTables.UIDDomain), Sequence: rt.Sequence,
		Title: rt.Title, Description: rt.Description, Location: tx.ICSLocation,
		Start: rt.Start, Duration: rt.Duration, Recurrence: decodeRecurrence(rt.Recurrence, rt.Start),
		Organizer: h.Matrix.DisplayName(ctx, roomID, id.UserID(rt.Coordinator)), OrganizerURI: "matrix:u/" + strings.TrimPrefix(rt.Coordinator, "@"),
		Created: rt.CreatedAt, Modified: rt.UpdatedAt,
	}
	if rt.Status == storage.RoundTableCancelled {
		ev.Method = schedule.MethodCancel
	}
	data, err := schedule.ICS(ev)
	if err != nil {
		return err
	}
	name := formatText(tx.ICSFile, rt.ID)
	content := &event.MessageEventContent{MsgType: event.MsgFile, Body: name, FileName: name,
		Info: &event.FileInfo{MimeType: "text/calendar", Size: len(data)}, Mentions: &event.Mentions{}}
	if _, err := h.attachFile(ctx, roomID, content, data, "text/calendar"); err != nil {
		return err
	}
	_, err = h.Matrix.Send(ctx, roomID, event.EventMessage, content, h.rtTxn(rt.ID, "ics:"+roomID.String(), rt.Sequence))
	return err
}

// updatePosts edits every announcement to rt's current state (once per version).
func (h *Handler) updatePosts(ctx context.Context, rt *storage.RoundTable) error {
	posts, err := h.DB.RoundTables.Posts(ctx, rt.ID)
	if err != nil {
		return err
	}
	for _, p := range posts {
		content := h.postContent(rt)
		content.SetEdit(id.EventID(p.EventID))
		content.NewContent.Mentions = &event.Mentions{}
		if _, err := h.Matrix.Send(ctx, id.RoomID(p.RoomID), event.EventMessage, content, h.rtTxn(rt.ID, "edit:"+p.RoomID, rt.Version)); err != nil {
			return err
		}
	}
	return nil
}

// toMember sends our own Markdown text to user: into the DM the event came
// from, else into Lotse's direct chat with them (opened if needed).
func (h *Handler) toMember(ctx context.Context, user id.UserID, md, txn string) error {
	var room id.RoomID
	if t := turnOf(ctx); t != nil && t.msg.Direct && t.msg.Event.Sender == user {
		room = t.msg.Event.RoomID
	} else {
		var err error
		if room, err = h.Matrix.DirectRoom(ctx, user); err != nil {
			return err
		}
	}
	_, err := h.sendMarkdownTo(ctx, room, md, nil, txn)
	return err
}

// rsvp stores a member's answer and confirms it in their DM.
func (h *Handler) rsvp(ctx context.Context, rt *storage.RoundTable, user id.UserID, attending bool, reaction string, quiet bool) error {
	tx := h.Texts.RoundTable
	evt := turnOf(ctx).msg.Event
	title := escape(rt.Title)
	txn := h.causeTxn(ctx, "rt-rsvp", 0)
	if rt.Status != storage.RoundTableAnnounced {
		if quiet {
			return nil
		}
		return h.toMember(ctx, user, formatText(tx.NotOpen, rt.ID), txn)
	}
	changed, err := h.DB.RoundTables.SetRSVP(ctx, storage.RSVP{RoundTableID: rt.ID, UserID: user.String(), Attending: attending,
		ReactionEvent: reaction, SourceEvent: evt.ID.String(), UpdatedAt: h.Now()}, rt.Capacity)
	if errors.Is(err, storage.ErrRoundTableFull) {
		return h.toMember(ctx, user, formatText(tx.Full, title), txn)
	} else if err != nil {
		return err
	}
	switch {
	case !changed && quiet:
		return nil
	case !changed && attending:
		if back, err := h.unskipOccurrence(ctx, rt, user); err != nil {
			return err
		} else if back {
			return h.toMember(ctx, user, formatText(tx.Joined, title, h.rtRange(rt))+"\n\n"+tx.LinkLater, txn)
		}
		return h.toMember(ctx, user, formatText(tx.AlreadyJoined, title), txn)
	case !changed:
		return h.toMember(ctx, user, formatText(tx.NotJoined, title), txn)
	case attending:
		// Reminders whose time has passed are not sent late to someone who
		// just joined, except the last one (it carries the link).
		plan := h.reminderPlan(rt)
		for i, at := range plan {
			if at.After(h.Now()) || i == len(plan)-1 {
				break
			}
			if err := h.DB.RoundTables.MarkSent(ctx, reminderKey(rt, user, at), rt.ID, true, h.Now()); err != nil {
				return err
			}
		}
		return h.toMember(ctx, user, formatText(tx.Joined, title, h.rtRange(rt))+"\n\n"+tx.LinkLater, txn)
	default:
		return h.toMember(ctx, user, formatText(tx.Left, title), txn)
	}
}

// cmdJoin: !dabei <Nr>.
func cmdJoin(ce *CommandEvent) error { return ce.Meta.rsvpCommand(ce, "dabei", true) }

// cmdLeave: !absage <Nr>.
func cmdLeave(ce *CommandEvent) error { return ce.Meta.rsvpCommand(ce, "absage", false) }

func (h *Handler) rsvpCommand(ce *CommandEvent, cmd string, attending bool) error {
	rt, rest, err := h.rtArg(ce, cmd)
	if err != nil || rt == nil {
		return err
	}
	if !h.canSee(ce.Ctx, rt, ce.Sender) {
		return h.replyMarkdown(ce.Ctx, h.Texts.RoundTable.CannotSee)
	}
	if !attending && rt.Recurrence != "" && len(rest) > 0 && onceWords[strings.ToLower(strings.Join(rest, " "))] {
		return h.skipOccurrence(ce.Ctx, rt, ce.Sender)
	}
	return h.rsvp(ce.Ctx, rt, ce.Sender, attending, "", false)
}

// onceWords after "!absage <Nr>" withdraw from the next date of a series only.
var onceWords = map[string]bool{"diesmal": true, "nur diesmal": true, "einmal": true, "once": true, "this time": true}

// skipOccurrence keeps a series attendee away from the next date only: its
// reminders (and with them the personal link) are marked as not to be
// sent; the dates after it come as before.
func (h *Handler) skipOccurrence(ctx context.Context, rt *storage.RoundTable, user id.UserID) error {
	tx := h.Texts.RoundTable
	txn := h.causeTxn(ctx, "rt-rsvp", 0)
	r, err := h.DB.RoundTables.RSVP(ctx, rt.ID, user.String())
	if err != nil {
		return err
	}
	if r == nil || !r.Attending {
		return h.toMember(ctx, user, formatText(tx.NotJoined, escape(rt.Title)), txn)
	}
	for _, at := range h.reminderPlan(rt) {
		if at.After(h.Now()) {
			if err := h.DB.RoundTables.MarkSent(ctx, reminderKey(rt, user, at), rt.ID, true, h.Now()); err != nil {
				return err
			}
		}
	}
	return h.toMember(ctx, user, formatText(tx.SkippedOnce, escape(rt.Title), h.rtRange(rt)), txn)
}

// unskipOccurrence takes back skipOccurrence for the next date (a "!dabei"
// or ✅ of someone who is in the series already) and reports whether there
// was anything to take back.
func (h *Handler) unskipOccurrence(ctx context.Context, rt *storage.RoundTable, user id.UserID) (bool, error) {
	any := false
	for _, at := range h.reminderPlan(rt) {
		if !at.After(h.Now()) {
			continue
		}
		ok, err := h.DB.RoundTables.Unskip(ctx, reminderKey(rt, user, at))
		if err != nil {
			return false, err
		}
		any = any || ok
	}
	return any, nil
}

// canSee reports whether user is in one of rt's announcement rooms (or coordinates).
func (h *Handler) canSee(ctx context.Context, rt *storage.RoundTable, user id.UserID) bool {
	if h.isCoordinator(ctx, user) || slices.Contains(rt.CoHosts, user.String()) {
		return true
	}
	for _, r := range rt.Rooms {
		if ok, err := h.Matrix.IsJoined(ctx, id.RoomID(r), user); err == nil && ok {
			return true
		}
	}
	return false
}

// findRoundTableReaction routes ✅ on an announcement (an RSVP, from the
// room of that announcement only: whoever reacts there can see it) or on a
// draft's preview (confirmation, by a coordinator, in the room of the
// preview).
func (h *Handler) findRoundTableReaction(ctx context.Context, evt *event.Event, target id.EventID, key string) (*chat.Target, error) {
	if !h.rtOn() || key != "✅" {
		return nil, nil
	}
	post, err := h.DB.RoundTables.PostByEvent(ctx, target.String())
	if err != nil {
		return nil, err
	}
	if post != nil {
		rt, err := h.DB.RoundTables.Get(ctx, post.RoundTableID)
		if err != nil || rt == nil {
			return &chat.Target{Room: id.RoomID(post.RoomID)}, err
		}
		return &chat.Target{Room: id.RoomID(post.RoomID), Run: func(ctx context.Context) error {
			return h.rsvp(ctx, rt, evt.Sender, true, evt.ID.String(), false)
		}}, nil
	}
	rt, err := h.DB.RoundTables.ByPrompt(ctx, target.String())
	if err != nil || rt == nil {
		return nil, err
	}
	return &chat.Target{Room: id.RoomID(rt.OriginRoom), Role: h.roles.coordinator.Silent(), Run: func(ctx context.Context) error {
		return h.confirmDraft(ctx, rt)
	}}, nil
}

// withdrawReactionRSVP withdraws an RSVP whose ✅ reaction was removed.
func (h *Handler) withdrawReactionRSVP(ctx context.Context, redacts id.EventID) error {
	if !h.rtOn() {
		return nil
	}
	r, err := h.DB.RoundTables.RSVPByReaction(ctx, redacts.String())
	if err != nil || r == nil || !r.Attending {
		return err
	}
	rt, err := h.DB.RoundTables.Get(ctx, r.RoundTableID)
	if err != nil || rt == nil {
		return err
	}
	return h.rsvp(ctx, rt, id.UserID(r.UserID), false, "", true)
}

// cmdAttendees lists who joined: !teilnehmende <Nr>.
func cmdAttendees(ce *CommandEvent) error {
	h := ce.Meta
	tx := h.Texts.RoundTable
	rt, _, err := h.rtArg(ce, "teilnehmende")
	if err != nil || rt == nil {
		return err
	}
	att, err := h.DB.RoundTables.Attendees(ce.Ctx, rt.ID)
	if err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString(formatText(tx.AttendeesIntro, rt.ID, escape(rt.Title), len(att)))
	if rt.Capacity > 0 {
		b.WriteString(" · " + formatText(tx.AttendeesCapacity, max(rt.Capacity-len(att), 0)))
	}
	b.WriteString("\n\n")
	for _, a := range att {
		b.WriteString("- " + escape(h.nameOf(ce.Ctx, rt, id.UserID(a.UserID))) + " (" + escape(a.UserID) + ")\n")
	}
	return h.replyMarkdown(ce.Ctx, b.String())
}

// nameOf is user's display name in the first announcement room.
func (h *Handler) nameOf(ctx context.Context, rt *storage.RoundTable, user id.UserID) string {
	for _, r := range rt.Rooms {
		if n := h.Matrix.DisplayName(ctx, id.RoomID(r), user); n != user.String() {
			return n
		}
	}
	return user.String()
}

// cmdReschedule moves a round table: !verschieben <Nr> <neue Zeit>.
func cmdReschedule(ce *CommandEvent) error {
	h := ce.Meta
	tx := h.Texts.RoundTable
	rt, rest, err := h.rtArg(ce, "verschieben")
	if err != nil || rt == nil {
		return err
	}
	if len(rest) == 0 {
		return h.replyMarkdown(ce.Ctx, tx.RescheduleUsage)
	}
	if rt.LastEvent != ce.Event.ID.String() {
		if rt.Status != storage.RoundTableAnnounced {
			return h.replyMarkdown(ce.Ctx, formatText(tx.NotOpen, rt.ID))
		}
		text := strings.Join(rest, " ")
		w, err := schedule.ParseIn(text, h.Now(), h.rtLocation(), h.Texts.Lang)
		if err != nil {
			var pe *schedule.ParseError
			if errors.As(err, &pe) {
				return h.replyMarkdown(ce.Ctx, formatText(tx.ParseError, escape(pe.MessageIn(h.Texts.Lang)+" "+pe.HintIn(h.Texts.Lang))))
			}
			return err
		}
		d := w.Duration
		if d == schedule.DefaultDuration && !mentionsDuration(text) {
			d = rt.Duration // no duration given: keep the old one
		}
		if _, _, err := h.DB.RoundTables.Reschedule(ce.Ctx, rt.ID, w.Start, d, ce.Event.ID.String(), h.Now()); err != nil {
			return err
		}
		if rt, err = h.DB.RoundTables.Get(ce.Ctx, rt.ID); err != nil {
			return err
		}
		if rt.LastEvent != ce.Event.ID.String() {
			return h.replyMarkdown(ce.Ctx, formatText(tx.NotOpen, rt.ID))
		}
	}
	n, err := h.notifyAttendees(ce.Ctx, rt, formatText(tx.Rescheduled, escape(rt.Title), h.rtRange(rt)), "rt-moved")
	if err != nil {
		return err
	}
	if err := h.updatePosts(ce.Ctx, rt); err != nil {
		return err
	}
	for _, r := range rt.Rooms {
		if err := h.sendICS(ce.Ctx, rt, id.RoomID(r)); err != nil {
			return err
		}
	}
	return h.replyMarkdown(ce.Ctx, formatText(tx.RescheduledCoord, rt.ID, h.rtRange(rt), n))
}

// mentionsDuration reports whether a date text gives a duration or an end.
func mentionsDuration(s string) bool {
	s = strings.ToLower(s)
	for _, w := range []string{"min", "std", "stunde", " h", "bis", "–", "-", "anderthalb"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return strings.HasSuffix(s, "h")
}

// cmdCancel cancels a round table: !absagen <Nr>.
func cmdCancel(ce *CommandEvent) error {
	h := ce.Meta
	tx := h.Texts.RoundTable
	rt, _, err := h.rtArg(ce, "absagen")
	if err != nil || rt == nil {
		return err
	}
	if rt.LastEvent != ce.Event.ID.String() {
		ok, after, err := h.DB.RoundTables.Cancel(ce.Ctx, rt.ID, ce.Event.ID.String(), h.Now())
		if err != nil {
			return err
		}
		if !ok {
			return h.replyMarkdown(ce.Ctx, formatText(tx.NotOpen, rt.ID))
		}
		rt = after
	}
	n, err := h.notifyAttendees(ce.Ctx, rt, formatText(tx.Cancelled, escape(rt.Title), h.rtRange(rt)), "rt-cancelled")
	if err != nil {
		return err
	}
	if err := h.updatePosts(ce.Ctx, rt); err != nil {
		return err
	}
	posts, err := h.DB.RoundTables.Posts(ce.Ctx, rt.ID)
	if err != nil {
		return err
	}
	for _, p := range posts {
		if err := h.sendICS(ce.Ctx, rt, id.RoomID(p.RoomID)); err != nil {
			return err
		}
	}
	return h.replyMarkdown(ce.Ctx, formatText(tx.CancelledCoord, rt.ID, n))
}

// notifyAttendees sends md to everyone who joined rt, with transaction IDs
// derived from the event being handled and the attendee.
func (h *Handler) notifyAttendees(ctx context.Context, rt *storage.RoundTable, md, purpose string) (int, error) {
	att, err := h.DB.RoundTables.Attendees(ctx, rt.ID)
	if err != nil {
		return 0, err
	}
	for _, a := range att {
		if err := h.toMember(ctx, id.UserID(a.UserID), md, h.causeTxn(ctx, purpose+":"+a.UserID, 0)); err != nil {
			return 0, err
		}
	}
	return len(att), nil
}

// cmdFollowup sends a text to everyone who joined: !nachbereitung <Nr> <Text>.
func cmdFollowup(ce *CommandEvent) error {
	h := ce.Meta
	tx := h.Texts.RoundTable
	rt, rest, err := h.rtArg(ce, "nachbereitung")
	if err != nil || rt == nil {
		return err
	}
	_, text, _ := strings.Cut(strings.TrimSpace(ce.RawArgs), ce.Args[0])
	text = strings.TrimSpace(text)
	if len(rest) == 0 || text == "" {
		return h.replyMarkdown(ce.Ctx, tx.FollowupUsage)
	}
	n, err := h.notifyAttendees(ce.Ctx, rt, formatText(tx.Followup, escape(rt.Title))+"\n\n"+escapeMultiline(text), "rt-followup")
	if err != nil {
		return err
	}
	return h.replyMarkdown(ce.Ctx, formatText(tx.FollowupSent, n))
}

// cmdRoundTables lists the planned round tables, for everyone.
func cmdRoundTables(ce *CommandEvent) error {
	h := ce.Meta
	tx := h.Texts.RoundTable
	list, err := h.DB.RoundTables.WithStatus(ce.Ctx, storage.RoundTableAnnounced, 20)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		return h.replyMarkdown(ce.Ctx, tx.ListEmpty)
	}
	var b strings.Builder
	b.WriteString(tx.ListIntro + "\n\n")
	for _, rt := range list {
		att, err := h.DB.RoundTables.Attendees(ce.Ctx, rt.ID)
		if err != nil {
			return err
		}
		b.WriteString(formatText(tx.ListLine, rt.ID, escape(rt.Title), h.rtRange(rt), len(att)) + "\n")
	}
	return h.replyMarkdown(ce.Ctx, b.String())
}

package chat

import (
	"strings"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// Notifying returns content as it is sent by me: a notice
// (*event.MessageEventContent, msgtype m.notice) whose m.mentions names a
// person other than me goes out as m.text on a copy, so that the mention
// notifies them; every other content is returned as it is.
//
// Every homeserver's default push rules (the Matrix specification's
// „Default override rules“; Synapse, Dendrite) list .m.rule.suppress_notices
// — „content.msgtype is m.notice: do not notify“ — before the rules of a
// mention (.m.rule.is_user_mention, and the older
// .m.rule.contains_display_name). A notice therefore never notifies
// anyone, whoever it mentions: the volunteer reminded of a stale case, the
// member told that the team answered, the coordinators asked to approve
// someone's role saw nothing on their phones until they opened the room
// (thirty-fourth pass, phone34). What mentions nobody stays a notice: it
// is for reading, not for acting on, and no push rule lets it ring.
//
// An edit (m.replace) is left as it is: it must not notify again. The
// body of a message made m.text has every „@room“ broken by a word joiner
// (invisible): a homeserver without intentional mentions (Dendrite, Synapse
// before 1.86 / Matrix 1.7) still applies the old rule .m.rule.roomnotif,
// which notifies the whole room for „@room“ in the body of a message from
// a sender with the power to — as Lotse often has in the team room — so a
// member's text quoted in it must not ping the room.
func Notifying(content any, me id.UserID) any {
	mc, ok := content.(*event.MessageEventContent)
	if !ok || mc == nil || mc.MsgType != event.MsgNotice || !mentionsSomeone(mc.Mentions, me) {
		return content
	}
	if mc.RelatesTo != nil && mc.RelatesTo.Type == event.RelReplace {
		return content
	}
	cp := *mc
	cp.MsgType = event.MsgText
	cp.Body = defuseRoomPing(cp.Body)
	return &cp
}

// mentionsSomeone reports whether m names a user other than me.
func mentionsSomeone(m *event.Mentions, me id.UserID) bool {
	if m == nil {
		return false
	}
	for _, u := range m.UserIDs {
		if u != "" && u != me {
			return true
		}
	}
	return false
}

// wordJoiner is U+2060, invisible and without width: „@⁠room“ reads as
// „@room“ but matches no push rule's pattern „@room“.
const wordJoiner = "\u2060"

// defuseRoomPing breaks every „@room“ in s (in any case of ASCII
// letters, as push rules match it) with a word joiner after the „@“; one
// pass over s.
func defuseRoomPing(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i+len("@room") <= len(s); i++ {
		if s[i] == '@' && strings.EqualFold(s[i+1:i+5], "room") {
			if last == 0 {
				b.Grow(len(s) + 16)
			}
			b.WriteString(s[last : i+1])
			b.WriteString(wordJoiner)
			last = i + 1
		}
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

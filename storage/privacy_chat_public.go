package storage

import (
	"strconv"
	"time"
)

// chatPublicToldOrphans selects the kv records of ChatPublicToldPrefix
// whose room is no longer any member's direct chat or case room that
// Lotse keeps ($1 = cutoff in ms, only so that the rule's statements all
// take it). Such a record names a member's chat and nobody can reach it
// any more: the export and the erasure find it through those rooms
// (chatPublicTold). Before priv35 it stayed for ever once the member's
// rows went by member_retention and support_retention.
var chatPublicToldOrphans = `SUBSTR(key, 1, ` + chatPublicToldLen + `)='` + ChatPublicToldPrefix + `' AND CAST($1 AS BIGINT)>0
	AND SUBSTR(key, ` + chatPublicToldLen + `+1) NOT IN (SELECT room_id FROM direct_chat
		UNION SELECT dm_room FROM member_state WHERE dm_room<>''
		UNION SELECT member_room FROM support_case)`

var chatPublicToldLen = strconv.Itoa(len(ChatPublicToldPrefix))

// The record that a member was told their chat is public follows the
// member (`member_retention`): it goes once none of the rows that tie the
// room to a member is left. This file's init runs after direct.go's, so
// in one run the rule comes after those of direct_room and direct_chat.
func init() {
	retentionRules = append(retentionRules, retentionRule{"members", ChatPublicToldRecord,
		func(p RetentionPolicy) time.Duration { return p.Members },
		`SELECT COUNT(*) FROM kv WHERE ` + chatPublicToldOrphans,
		[]string{`DELETE FROM kv WHERE ` + chatPublicToldOrphans}})
}

// ChatPublicToldRecord names the records of ChatPublicToldPrefix in the
// export and in the retention report.
const ChatPublicToldRecord = "chat_public_told"

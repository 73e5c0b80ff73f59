package storage

import (
	"context"
	"fmt"
	"time"

	"go.mau.fi/util/dbutil"
)

// DirectChatQuery remembers which rooms a member and Lotse agreed to use as
// their direct chat (v6). The agreement alone does not make a room direct:
// the bot also checks who created it and who is in it.
type DirectChatQuery struct{ db *dbutil.Database }

const (
	directChatGetSQL = `SELECT user_id FROM direct_chat WHERE room_id=$1`
	directChatsOfSQL = `SELECT room_id FROM direct_chat WHERE user_id=$1 ORDER BY agreed_at DESC, room_id LIMIT $2`
	directChatSetSQL = `INSERT INTO direct_chat (room_id, user_id, agreed_at) VALUES ($1, $2, $3) ON CONFLICT (room_id) DO NOTHING`
)

// Agreed returns the member roomID was agreed on with, or "".
func (q *DirectChatQuery) Agreed(ctx context.Context, roomID string) (string, error) {
	user, _, err := queryValue[string](ctx, q.db, "read direct chat agreement", directChatGetSQL, roomID)
	return user, err
}

// RoomsOf returns the rooms agreed on as direct chats with user, the
// newest agreement first, at most limit. Whether one is a direct chat
// still (two in it) is for the caller to check.
func (q *DirectChatQuery) RoomsOf(ctx context.Context, user string, limit int) ([]string, error) {
	return values(queryMany(ctx, q.db, func(row rowScanner) (*string, error) {
		var s string
		return &s, row.Scan(&s)
	}, "the member's direct chats", directChatsOfSQL, user, limit))
}

// Agree records that roomID is the direct chat with user. The first
// agreement for a room stands: a later one (with someone else) is ignored.
func (q *DirectChatQuery) Agree(ctx context.Context, roomID, user string, now time.Time) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if _, err := q.db.Exec(ctx, directChatSetSQL, roomID, user, now.UnixMilli()); err != nil {
		return fmt.Errorf("failed to record direct chat agreement: %w", err)
	}
	return nil
}

// Agreed direct chats name a member: they are exported and erased with the
// rest of the person's data and follow member_state's retention.
func init() {
	AddPersonalTable(PersonalTable{
		Name:   "direct_chat",
		Query:  `SELECT room_id, agreed_at FROM direct_chat WHERE user_id=$1`,
		Delete: []string{`DELETE FROM direct_chat WHERE user_id=$1`},
	})
	// Runs after the member_state rule (see direct_room).
	retentionRules = append(retentionRules,
		retentionRule{"members", "direct_chat", func(p RetentionPolicy) time.Duration { return p.Members },
			`SELECT COUNT(*) FROM direct_chat WHERE agreed_at<$1 AND user_id NOT IN ` + goneMembers,
			[]string{`DELETE FROM direct_chat WHERE agreed_at<$1 AND user_id NOT IN ` + goneMembers}})
}

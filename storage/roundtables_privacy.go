package storage

// The round-table tables with personal data take part in the export and
// erasure of one person's data (see privacy.go).
func init() {
	AddPersonalTable(PersonalTable{
		Name:   "roundtable_rsvp",
		Query:  `SELECT roundtable_id, attending, updated_at FROM roundtable_rsvp WHERE user_id=$1`,
		Delete: []string{`DELETE FROM roundtable_rsvp WHERE user_id=$1`},
	})
	// Round tables a person coordinates or co-hosts: their work for the
	// association stays, under the pseudonym.
	AddPersonalTable(PersonalTable{
		Name:  "roundtable_coordinated",
		Query: `SELECT id, title, start_at, status FROM roundtable WHERE coordinator=$1 OR cohosts LIKE '%' || $1 || '%'`,
		Delete: []string{
			`UPDATE roundtable SET coordinator=$2 WHERE coordinator=$1`,
			`UPDATE roundtable SET cohosts=REPLACE(cohosts, $1, $2) WHERE cohosts LIKE '%' || $1 || '%'`,
		},
	})
	// Which reminders were sent to a person (keys carry the user ID).
	AddPersonalTable(PersonalTable{
		Name:   "roundtable_reminders_sent",
		Query:  `SELECT roundtable_id, skipped, sent_at FROM roundtable_sent WHERE key LIKE '%|' || $1 || '|%'`,
		Delete: []string{`DELETE FROM roundtable_sent WHERE key LIKE '%|' || $1 || '|%'`},
	})
	AddPersonalTable(PersonalTable{
		Name:   "direct_room",
		Query:  `SELECT room_id, created_at FROM direct_room WHERE user_id=$1`,
		Delete: []string{`DELETE FROM direct_room WHERE user_id=$1`},
	})
}

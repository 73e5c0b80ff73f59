-- v2 (compatible with v1+): Support cases: cases, their relayed messages, events and assignments, drafts, reminders

-- One support case. status: 1 open, 2 resolved, 3 closed. version counts
-- state changes (each one edits the case message in the team room with a
-- transaction ID derived from case ID and version). origin_event is the
-- member's confirmation that created the case (exactly-once creation).
CREATE TABLE support_case (
	id            BIGINT  PRIMARY KEY,
	member_id     TEXT    NOT NULL,
	member_room   TEXT    NOT NULL,
	status        INTEGER NOT NULL DEFAULT 1,
	assignee      TEXT,
	summary       TEXT    NOT NULL,
	guides        TEXT    NOT NULL DEFAULT '',
	team_event    TEXT,
	rating_prompt TEXT,
	rating        INTEGER NOT NULL DEFAULT 0,
	version       INTEGER NOT NULL DEFAULT 1,
	origin_event  TEXT    NOT NULL UNIQUE,
	created_at    BIGINT  NOT NULL,
	updated_at    BIGINT  NOT NULL,
	status_at     BIGINT  NOT NULL,
	closed_at     BIGINT
);
CREATE INDEX support_case_board_idx ON support_case (status, assignee, created_at);
CREATE INDEX support_case_member_idx ON support_case (member_id, status);
CREATE INDEX support_case_team_event_idx ON support_case (team_event);
CREATE INDEX support_case_rating_idx ON support_case (rating_prompt);
CREATE INDEX support_case_closed_idx ON support_case (closed_at);

-- Everything said in a case: the member's messages (relayed to the team),
-- team answers (relayed to the member) and internal notes (never relayed).
-- source_event is the event that caused the row (exactly-once relay).
-- kind: question, member, answer, note, system. Deleted with the case.
CREATE TABLE case_message (
	source_event TEXT    PRIMARY KEY,
	case_id      BIGINT  NOT NULL REFERENCES support_case (id) ON DELETE CASCADE,
	kind         TEXT    NOT NULL,
	sender       TEXT    NOT NULL,
	body         TEXT    NOT NULL,
	created_at   BIGINT  NOT NULL
);
CREATE INDEX case_message_case_idx ON case_message (case_id, created_at);

-- State changes and assignments (claim, unclaim, assign, resolve, reopen,
-- close, rating) for the history. Deleted with the case.
CREATE TABLE case_event (
	case_id    BIGINT NOT NULL REFERENCES support_case (id) ON DELETE CASCADE,
	version    INTEGER NOT NULL,
	kind       TEXT   NOT NULL,
	actor      TEXT   NOT NULL,
	detail     TEXT   NOT NULL DEFAULT '',
	created_at BIGINT NOT NULL,
	PRIMARY KEY (case_id, version)
);

-- A case being prepared with a member in their DM (not yet sent to the
-- team): the question, what Lotse suggested, follow-ups. offered: the
-- member was asked whether to open a case (prompt_event is that question).
CREATE TABLE case_draft (
	room_id      TEXT    NOT NULL,
	user_id      TEXT    NOT NULL,
	question     TEXT    NOT NULL,
	guides       TEXT    NOT NULL DEFAULT '',
	answer_event TEXT    NOT NULL DEFAULT '',
	prompt_event TEXT    NOT NULL DEFAULT '',
	offered      INTEGER NOT NULL DEFAULT 0,
	created_at   BIGINT  NOT NULL,
	PRIMARY KEY (room_id, user_id)
);

-- Reminders and digests already sent (key names the reminder: kind, case
-- and the activity it is about), so restarts neither lose nor repeat them.
CREATE TABLE case_reminder (
	key     TEXT   PRIMARY KEY,
	sent_at BIGINT NOT NULL
);
CREATE INDEX case_reminder_time_idx ON case_reminder (sent_at);

-- Anonymous counts of deleted cases (retention): no IDs, no content.
CREATE TABLE case_stats (
	name  TEXT   PRIMARY KEY,
	value BIGINT NOT NULL DEFAULT 0
);

-- v5 (compatible with v1+): Round tables: announcements, RSVPs, reminders and other scheduled sends, attendance, direct chats

-- One round table (or series: recurrence "W<n>" weekly every n weeks,
-- "M<n>" monthly on the day, "M<n>:<k>" monthly on the k-th weekday, -1 =
-- last). start_at is the current (next) occurrence. status: draft (parsed,
-- waiting for the coordinator's confirmation; prompt_event is that
-- question), announced, cancelled, done. sequence is the iCalendar SEQUENCE
-- (+1 on every change attendees should see); version counts changes (each
-- edits the announcements with a transaction ID derived from id and
-- version). origin_event is the command that created it (exactly-once
-- creation); last_event the command that made the last change (a retry of
-- that command repeats its sends with the same transaction IDs).
-- meeting_id/create_time: the BBB meeting of the current occurrence.
CREATE TABLE roundtable (
	id           BIGINT  PRIMARY KEY,
	title        TEXT    NOT NULL,
	description  TEXT    NOT NULL DEFAULT '',
	start_at     BIGINT  NOT NULL,
	duration_ms  BIGINT  NOT NULL,
	recurrence   TEXT    NOT NULL DEFAULT '',
	capacity     INTEGER NOT NULL DEFAULT 0,
	coordinator  TEXT    NOT NULL,
	cohosts      TEXT    NOT NULL DEFAULT '',
	rooms        TEXT    NOT NULL DEFAULT '',
	status       TEXT    NOT NULL DEFAULT 'draft',
	sequence     INTEGER NOT NULL DEFAULT 0,
	version      INTEGER NOT NULL DEFAULT 1,
	origin_event TEXT    NOT NULL UNIQUE,
	origin_room  TEXT    NOT NULL DEFAULT '',
	prompt_event TEXT    NOT NULL DEFAULT '',
	last_event   TEXT    NOT NULL DEFAULT '',
	meeting_id   TEXT    NOT NULL DEFAULT '',
	create_time  BIGINT  NOT NULL DEFAULT 0,
	created_at   BIGINT  NOT NULL,
	updated_at   BIGINT  NOT NULL
);
CREATE INDEX roundtable_status_idx ON roundtable (status, start_at);
CREATE INDEX roundtable_prompt_idx ON roundtable (prompt_event);

-- The announcement message of a round table in one room (edited on change).
CREATE TABLE roundtable_post (
	roundtable_id BIGINT NOT NULL REFERENCES roundtable (id) ON DELETE CASCADE,
	room_id       TEXT   NOT NULL,
	event_id      TEXT   NOT NULL,
	PRIMARY KEY (roundtable_id, room_id)
);
CREATE INDEX roundtable_post_event_idx ON roundtable_post (event_id);

-- RSVPs: attending 1 = yes, 0 = withdrawn. reaction_event is the ✅
-- reaction that made it (a redaction of it withdraws); source_event the
-- event that caused the last change.
CREATE TABLE roundtable_rsvp (
	roundtable_id  BIGINT  NOT NULL REFERENCES roundtable (id) ON DELETE CASCADE,
	user_id        TEXT    NOT NULL,
	attending      INTEGER NOT NULL,
	reaction_event TEXT    NOT NULL DEFAULT '',
	source_event   TEXT    NOT NULL,
	updated_at     BIGINT  NOT NULL,
	PRIMARY KEY (roundtable_id, user_id)
);
CREATE INDEX roundtable_rsvp_reaction_idx ON roundtable_rsvp (reaction_event);

-- Scheduled sends already done (reminders, summaries): key names round
-- table, attendee, kind and planned time. skipped: not sent because it was
-- no longer useful.
CREATE TABLE roundtable_sent (
	key           TEXT    PRIMARY KEY,
	roundtable_id BIGINT  NOT NULL,
	skipped       INTEGER NOT NULL DEFAULT 0,
	sent_at       BIGINT  NOT NULL
);
CREATE INDEX roundtable_sent_rt_idx ON roundtable_sent (roundtable_id);

-- Names seen in the BBB meeting of an occurrence (attendance summary).
CREATE TABLE roundtable_seen (
	roundtable_id BIGINT NOT NULL,
	occurrence    BIGINT NOT NULL,
	name          TEXT   NOT NULL,
	PRIMARY KEY (roundtable_id, occurrence, name)
);

-- Direct chats Lotse opened with members. token is written before the room
-- is created and put into its creation content, so a creation interrupted
-- by a crash is found again instead of creating a second room; room_id is
-- empty until the creation finished.
CREATE TABLE direct_room (
	user_id    TEXT   PRIMARY KEY,
	room_id    TEXT   NOT NULL DEFAULT '',
	token      TEXT   NOT NULL,
	created_at BIGINT NOT NULL
);

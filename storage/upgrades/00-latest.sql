-- v0 -> v1: Initial schema: key-value state, exactly-once inbox, answers and guide feedback

-- Small pieces of runtime state: the sync position, the sync filter ID,
-- the bot's access token and device ID (so that restarts keep the device and
-- the homeserver's transaction-ID deduplication).
CREATE TABLE kv (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

-- Every event Lotse must act on is written here inside the sync loop,
-- before the sync position advances. Workers handle pending rows and mark
-- them done; the payload is cleared when done (no message contents are kept).
-- state: 0 pending, 1 done, 2 failed (gave up), 3 skipped (history before first start)
CREATE TABLE inbox (
	event_id    TEXT    PRIMARY KEY,
	room_id     TEXT    NOT NULL,
	sender      TEXT    NOT NULL,
	event_type  TEXT    NOT NULL,
	payload     TEXT,
	received_at BIGINT  NOT NULL,
	state       INTEGER NOT NULL DEFAULT 0,
	attempts    INTEGER NOT NULL DEFAULT 0,
	not_before  BIGINT  NOT NULL DEFAULT 0,
	handled_at  BIGINT,
	last_error  TEXT
);
CREATE INDEX inbox_pending_idx ON inbox (state, received_at);

-- Events Lotse itself sent, by the transaction ID it chose (also carried in
-- the event content). Seen either in the send response or, after a crash
-- in the middle of a send, in the sync stream: a send whose transaction ID
-- is here is not repeated, even if the homeserver forgot the transaction.
-- event_id '' marks a send begun and not yet completed: after a crash the
-- next process settles such sends before repeating them (bot.Sender).
CREATE TABLE sent_event (
	txn_id   TEXT   PRIMARY KEY,
	event_id TEXT   NOT NULL,
	room_id  TEXT   NOT NULL,
	sent_at  BIGINT NOT NULL
);
CREATE INDEX sent_event_time_idx ON sent_event (sent_at);

-- Which guide an answer of Lotse showed, so that a reaction (thumbs up/down)
-- on the answer can be counted for that guide. No message content.
CREATE TABLE answer (
	event_id   TEXT   PRIMARY KEY,
	room_id    TEXT   NOT NULL,
	guide_id   TEXT   NOT NULL,
	created_at BIGINT NOT NULL
);

-- Anonymous per-guide counters; no user IDs, no content.
CREATE TABLE guide_feedback (
	guide_id  TEXT PRIMARY KEY,
	helpful   INTEGER NOT NULL DEFAULT 0,
	unhelpful INTEGER NOT NULL DEFAULT 0,
	shown     INTEGER NOT NULL DEFAULT 0,
	no_match  INTEGER NOT NULL DEFAULT 0
);

-- An open "Meintest du …?" choice in a room: the candidate guide IDs the
-- member can pick by number. One per room and user; expires.
CREATE TABLE pending_choice (
	room_id    TEXT   NOT NULL,
	user_id    TEXT   NOT NULL,
	candidates TEXT   NOT NULL,
	created_at BIGINT NOT NULL,
	PRIMARY KEY (room_id, user_id)
);

-- Reaction-vote deduplication: one vote per user and answer.
CREATE TABLE answer_vote (
	event_id TEXT NOT NULL,
	user_id  TEXT NOT NULL,
	vote     INTEGER NOT NULL,
	PRIMARY KEY (event_id, user_id)
);

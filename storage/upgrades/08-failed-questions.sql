-- v8 (compatible with v1+): Questions Lotse could not answer, kept for the team's weekly digest (#18); member opt-out; digest claims

-- A member's question that Lotse could not answer, kept for a short time
-- (failed_question_retention, default 30 days) so that the team learns
-- which guides are missing. source_event is the member's message (keeps a
-- replay after a crash from adding it twice). outcome: none (no guide
-- fitted), choose ("Meintest du …?" and nothing picked), thumbsdown (👎 on
-- the answer), or answer: the question behind an answer, kept only while a
-- 👎 on it can still come (the follow-up window, choice_ttl); a picked
-- choice becomes such an answer. answer_event is that answer's event, or
-- for a choice the event that asked it (a pick from it settles it). question is what the search saw (≤ 2 KB);
-- guides are the closest guide IDs (≤ 3, newline-separated). user_id is
-- only for the member's export and erasure, never shown in the digest.
CREATE TABLE failed_question (
	source_event TEXT   PRIMARY KEY,
	user_id      TEXT   NOT NULL,
	room_id      TEXT   NOT NULL,
	question     TEXT   NOT NULL,
	outcome      TEXT   NOT NULL,
	guides       TEXT   NOT NULL DEFAULT '',
	answer_event TEXT   NOT NULL DEFAULT '',
	asked_at     BIGINT NOT NULL
);
CREATE INDEX failed_question_time_idx ON failed_question (asked_at);
CREATE INDEX failed_question_user_idx ON failed_question (user_id, room_id);
CREATE INDEX failed_question_answer_idx ON failed_question (answer_event);

-- Members who asked Lotse not to keep their unanswered questions (until
-- they take it back, or erase their data).
CREATE TABLE question_optout (
	user_id TEXT   PRIMARY KEY,
	at      BIGINT NOT NULL
);

-- One row per weekly digest of unanswered questions (week: ISO week in
-- the configured time zone, e.g. 2026-W49). It is claimed before the digest
-- is sent; sent_at stays NULL until the send went through, so a crash in
-- between sends again with the same transaction ID (the homeserver drops
-- the repeat). from_ms/to_ms are the window of asked_at it covers. No
-- personal data.
CREATE TABLE gaps_digest (
	week       TEXT    PRIMARY KEY,
	from_ms    BIGINT  NOT NULL,
	to_ms      BIGINT  NOT NULL,
	claimed_at BIGINT  NOT NULL,
	sent_at    BIGINT,
	questions  INTEGER NOT NULL DEFAULT 0
);

-- v19 (compatible with v17+): Whose words a learned question holds; Lotse's team-room messages that quote a case's question

-- A learned question is a member's words (the first question of their
-- case). source_event, source_room and source_user name the message they
-- came from, as the case keeps it (the case's question message: its event,
-- the member's chat with Lotse, the member), so that the member's deletion
-- of that message takes the learned question back (loop29), and the
-- member's export and erasure reach it also after the case itself was
-- deleted by its retention period. Questions learned before v19 get the
-- link from their case while it is still there; '' where it is not.
--
-- Compatibility: v17+. A v17 or v18 binary leaves the three columns empty
-- on the questions it teaches: those are reached by their case, as before.
ALTER TABLE learned_question ADD COLUMN source_event TEXT NOT NULL DEFAULT '';
ALTER TABLE learned_question ADD COLUMN source_room  TEXT NOT NULL DEFAULT '';
ALTER TABLE learned_question ADD COLUMN source_user  TEXT NOT NULL DEFAULT '';
UPDATE learned_question SET
	source_event=(SELECT c.origin_event FROM support_case c WHERE c.id=learned_question.case_id),
	source_room=(SELECT c.member_room FROM support_case c WHERE c.id=learned_question.case_id),
	source_user=(SELECT c.member_id FROM support_case c WHERE c.id=learned_question.case_id)
	WHERE case_id IN (SELECT id FROM support_case);
CREATE INDEX learned_question_source_idx ON learned_question (source_event);
CREATE INDEX learned_question_source_user_idx ON learned_question (source_user);

-- Lotse's messages in the team room that quote a case's question: kind
-- 'prompt' is the learning prompt („Passt eine Anleitung …?“), 'draft' a
-- guide draft's file (`!anleitung-entwurf`). source_* name the member's
-- message the question came from (as above): when the member deletes it,
-- Lotse redacts these messages and forgets the row. Deleted with the case
-- (an erasure redacts the messages through case_shown, as before).
--
-- Compatibility: v17+. A v17 or v18 binary writes no rows: its prompts and
-- drafts are redacted by an erasure only, as before.
CREATE TABLE question_copy (
	event_id     TEXT   PRIMARY KEY,
	kind         TEXT   NOT NULL,
	case_id      BIGINT NOT NULL REFERENCES support_case (id) ON DELETE CASCADE,
	source_event TEXT   NOT NULL,
	source_room  TEXT   NOT NULL,
	source_user  TEXT   NOT NULL,
	created_at   BIGINT NOT NULL
);
CREATE INDEX question_copy_source_idx ON question_copy (source_event);
CREATE INDEX question_copy_user_idx ON question_copy (source_user);
CREATE INDEX question_copy_case_idx ON question_copy (case_id);

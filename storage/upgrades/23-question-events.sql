-- v23 (compatible with v17+): The member's messages a case's question came from

-- A case opened by the member's „ja“ or ✅ on the offer kept that event as
-- its question's (case_message.source_event = support_case.origin_event):
-- the member's deletion of the message with their real words (DSGVO
-- Art. 17) reached nothing — the case's question, its copy in the team
-- room, a learned question and Lotse's copies of it kept the words
-- (sup30). The offer (case_draft.question_events, newline-separated, at
-- most support.MaxDraftLines) carries the events of the messages whose
-- words it holds into the case (case_question_event), and the member's
-- deletion of one of them, in the chat they wrote it in, takes back what
-- the deletion of the case's question takes back.
--
-- Compatibility: v17+. An older binary leaves the column empty and the
-- table alone: its cases are reached by their question's event, as before.
ALTER TABLE case_draft ADD COLUMN question_events TEXT NOT NULL DEFAULT '';
CREATE TABLE case_question_event (
	event_id TEXT   NOT NULL,
	case_id  BIGINT NOT NULL REFERENCES support_case (id) ON DELETE CASCADE,
	PRIMARY KEY (event_id, case_id)
);
CREATE INDEX case_question_event_case_idx ON case_question_event (case_id);

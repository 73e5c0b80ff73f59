-- v14 (compatible with v13+): The edits of a member's case message that Lotse followed

-- One row per edit (m.replace) of a member's case message that Lotse
-- applied to its relay: edit_event is the member's edit, seq its place in
-- the inbox's order of arrival. An edit older than one applied already (a
-- retry handled after a later edit) is skipped, so that it cannot bring
-- back a text the member edited out; and when the member deletes the
-- message, Lotse's edit events sent for these edits (they hold the edited
-- text) are redacted with the relay. Deleted with the case message.
--
-- Compatibility: dbutil keeps only the latest step's "compatible with",
-- and v13 changed what a correct writer must write (an older binary leaves
-- a stale fail_cause), so this step says v13+ as well: do not lower it in a
-- later step. No binary between v13 and v14 that follows edits was ever
-- released (both steps came in the same, unreleased change), so no
-- database at v13 holds applied edits without their rows here, and
-- "compatible with v13+" is right.
CREATE TABLE case_edit (
	source_event TEXT   NOT NULL REFERENCES case_message (source_event) ON DELETE CASCADE,
	edit_event   TEXT   NOT NULL,
	seq          BIGINT NOT NULL,
	PRIMARY KEY (source_event, edit_event)
);

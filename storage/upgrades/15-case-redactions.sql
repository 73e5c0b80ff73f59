-- v15 (compatible with v13+): What an erasure left Lotse to redact in the team room; where a case is shown; guide drafts made from a case

-- One row per piece of an erased member's case whose events Lotse sent to
-- the team room must be redacted (DSGVO Art. 17; case25): kind 'root' is
-- the case message (event_id: the team-room event; with case_id and
-- version for Lotse's edits of it), 'question' the question's thread
-- message (event_id: the case's origin event), 'relay' a relayed message
-- (event_id: the member's message) and 'edit' Lotse's edit of a relay
-- (event_id: the member's edit), 'shown' another event Lotse sent that
-- shows the case — `!offen`, `!fall`, a guide draft, a learning prompt
-- (event_id: that event; recorded in case_shown). The rows are written in
-- the erasure's transaction, before its case rows go, and deleted when the redactions
-- are made (support.Workflow.FinishErasures): an erasure interrupted by a
-- crash is finished at the next start. Event IDs and case numbers name
-- nobody.
--
-- Compatibility: v13+ as 14 (dbutil keeps only the latest step's; do not
-- lower it). An older binary ignores the table.
CREATE TABLE case_redaction (
	kind       TEXT    NOT NULL,
	event_id   TEXT    NOT NULL,
	case_id    BIGINT  NOT NULL,
	version    INTEGER NOT NULL DEFAULT 0,
	created_at BIGINT  NOT NULL,
	PRIMARY KEY (kind, event_id)
);

-- The guide drafts made from a case (`!anleitung-entwurf`), latest first
-- per case: an edit of the case's solution (`!erledigt`) made before the
-- draft was posted is told once that the draft keeps the old text.
-- Deleted with the case; holds no person.
CREATE TABLE case_guide_draft (
	case_id    BIGINT NOT NULL PRIMARY KEY REFERENCES support_case (id) ON DELETE CASCADE,
	drafted_at BIGINT NOT NULL
);

-- Lotse's other messages in the team room that show a case's member (their
-- name or words): `!offen` (summaries), `!fall` (the history), a guide
-- draft's file, the learning prompt (the question). An erasure queues
-- them for redaction with the case ('shown'). Deleted with the case.
CREATE TABLE case_shown (
	case_id  BIGINT NOT NULL REFERENCES support_case (id) ON DELETE CASCADE,
	event_id TEXT   NOT NULL,
	PRIMARY KEY (case_id, event_id)
);

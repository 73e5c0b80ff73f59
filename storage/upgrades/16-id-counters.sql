-- v16 (compatible with v13+): Numbers of cases, access requests, round tables and learned questions are never used twice

-- The last number given out per kind of row (mend25a). A number used to be
-- MAX(id)+1, so deleting the newest row (an erasure, retention) gave its
-- number to the next new row, and everything keyed by that number — the
-- transaction IDs of the case message's edits ("lotse-case/N"), of an
-- access request's messages ("lotse-access/N"), of a round table's sends,
-- the homeserver's deduplication of them, redaction lists — was taken as
-- already done for the new row. storage.nextIDQuery takes the next number
-- from here (and never one at or below the table's MAX(id), so that rows
-- an older binary made are respected).
--
-- The seeds are the highest number still to be seen anywhere (also in
-- rows that outlive their case: an erasure's redaction list, learned
-- questions, the access audit log, a round table's sends). Numbers freed
-- before v16 that left no trace cannot be told.
--
-- Compatibility: v13+ as 15. An older binary ignores the table and gives
-- out MAX(id)+1 as before.
CREATE TABLE id_counter (
	name  TEXT   PRIMARY KEY,
	value BIGINT NOT NULL
);

INSERT INTO id_counter (name, value)
SELECT 'case', COALESCE(MAX(id), 0) FROM (
	SELECT id FROM support_case
	UNION ALL SELECT case_id FROM case_redaction
	UNION ALL SELECT case_id FROM learned_question
) AS ids;

INSERT INTO id_counter (name, value)
SELECT 'access', COALESCE(MAX(id), 0) FROM (
	SELECT id FROM access_request
	UNION ALL SELECT request_id FROM access_audit
) AS ids;

INSERT INTO id_counter (name, value)
SELECT 'roundtable', COALESCE(MAX(id), 0) FROM (
	SELECT id FROM roundtable
	UNION ALL SELECT roundtable_id FROM roundtable_sent
	UNION ALL SELECT roundtable_id FROM roundtable_seen
) AS ids;

INSERT INTO id_counter (name, value)
SELECT 'learned', COALESCE(MAX(id), 0) FROM learned_question;

-- v24 (compatible with v17+): `!protokoll` answers that name no request still kept, and every event an approval was given by

-- A `!protokoll` answer in the approvals room names members (their Matrix
-- ID as the actor of „requested“, the account set up). It was recorded
-- only with the requests it shows that still exist (access_shown) and went
-- with the first of them; an answer listing only requests the retention
-- had deleted (the audit log is kept longer than the requests), or none,
-- and the `!protokoll export` file, were never redacted (priv30, left31).
-- One row per such answer; the retention rule "access" queues it for
-- redaction (case_redaction, kind 'access', version -1, request 0) once it
-- is AuditListingKept old, and deletes the row.
CREATE TABLE access_listing (
	event_id TEXT   PRIMARY KEY,
	sent_at  BIGINT NOT NULL
);
CREATE INDEX access_listing_sent_idx ON access_listing (sent_at);

-- An approver may approve a request by ✅ and by `!genehmigen`: the
-- approval counted once (access_approval), but only the event that counted
-- was known (its audit entry), and deleting the other one did nothing,
-- without a word — the approver believed it taken back (acc30, left31).
-- One row per event that approved a pending request, counted or not; the
-- approval is taken back when the approver has deleted the last of them.
-- Deleted with the request.
--
-- Compatibility: v17+. An older binary ignores both tables: its listings
-- stay as before, and a deletion of the counted event takes the approval
-- back as before.
CREATE TABLE access_approval_event (
	event_id   TEXT   PRIMARY KEY,
	request_id BIGINT NOT NULL REFERENCES access_request (id) ON DELETE CASCADE,
	approver   TEXT   NOT NULL
);
CREATE INDEX access_approval_event_request_idx ON access_approval_event (request_id, approver);

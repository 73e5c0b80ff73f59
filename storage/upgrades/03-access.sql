-- v3 (compatible with v1+): Access requests (Nextcloud, BigBlueButton) as provisioning jobs, approvals, drafts, append-only audit log

-- One access request of a member. kind: nextcloud | bbb; target is the
-- Nextcloud group or the BBB room name. status: pending, approved (a
-- provisioning job: attempts, next_attempt, last_error), provisioned,
-- failed (gave up; an approver can approve again), denied, withdrawn.
-- origin_event is the member's confirmation (exactly-once creation);
-- approvals_event is the request message in the approvals room (edited
-- with a transaction ID derived from id and version). notified: the
-- outcome of provisioning was announced. needed: approvals required.
CREATE TABLE access_request (
	id              BIGINT  PRIMARY KEY,
	member_id       TEXT    NOT NULL,
	member_room     TEXT    NOT NULL,
	kind            TEXT    NOT NULL,
	target          TEXT    NOT NULL,
	email           TEXT    NOT NULL DEFAULT '',
	display_name    TEXT    NOT NULL DEFAULT '',
	reason          TEXT    NOT NULL DEFAULT '',
	status          TEXT    NOT NULL DEFAULT 'pending',
	needed          INTEGER NOT NULL DEFAULT 1,
	decided_by      TEXT    NOT NULL DEFAULT '',
	deny_reason     TEXT    NOT NULL DEFAULT '',
	approvals_event TEXT    NOT NULL DEFAULT '',
	origin_event    TEXT    NOT NULL UNIQUE,
	version         INTEGER NOT NULL DEFAULT 1,
	attempts        INTEGER NOT NULL DEFAULT 0,
	next_attempt    BIGINT  NOT NULL DEFAULT 0,
	last_error      TEXT    NOT NULL DEFAULT '',
	result          TEXT    NOT NULL DEFAULT '',
	notified        INTEGER NOT NULL DEFAULT 0,
	created_at      BIGINT  NOT NULL,
	updated_at      BIGINT  NOT NULL
);
CREATE INDEX access_request_member_idx ON access_request (member_id, id);
CREATE INDEX access_request_job_idx ON access_request (status, next_attempt);
CREATE INDEX access_request_event_idx ON access_request (approvals_event);

-- Who approved a request (some groups need two different approvers).
CREATE TABLE access_approval (
	request_id BIGINT NOT NULL REFERENCES access_request (id),
	approver   TEXT   NOT NULL,
	created_at BIGINT NOT NULL,
	PRIMARY KEY (request_id, approver)
);

-- A request being prepared with a member in their DM. step is what Lotse
-- asked last; last_event is the member's event that led to this state (a
-- replayed event repeats the question instead of being read as an answer).
CREATE TABLE access_draft (
	room_id      TEXT   NOT NULL,
	user_id      TEXT   NOT NULL,
	kind         TEXT   NOT NULL,
	target       TEXT   NOT NULL DEFAULT '',
	email        TEXT   NOT NULL DEFAULT '',
	display_name TEXT   NOT NULL DEFAULT '',
	reason       TEXT   NOT NULL DEFAULT '',
	step         TEXT   NOT NULL,
	last_event   TEXT   NOT NULL DEFAULT '',
	created_at   BIGINT NOT NULL,
	PRIMARY KEY (room_id, user_id)
);

-- Append-only audit log: requested, approval, approved, denied, withdrawn,
-- provisioned, error, failed. key names the entry by its cause, so a handler
-- that runs again after a crash does not write it twice. Lotse never
-- updates or deletes rows here.
CREATE TABLE access_audit (
	key        TEXT   PRIMARY KEY,
	request_id BIGINT NOT NULL DEFAULT 0,
	at         BIGINT NOT NULL,
	actor      TEXT   NOT NULL,
	action     TEXT   NOT NULL,
	detail     TEXT   NOT NULL DEFAULT ''
);
CREATE INDEX access_audit_time_idx ON access_audit (at);
CREATE INDEX access_audit_request_idx ON access_audit (request_id, at);

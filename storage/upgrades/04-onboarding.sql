-- v4 (compatible with v1+): Roles with the team privacy gate, onboarding state and checklist, scheduled notices, role audit log

-- Roles granted in chat (admins come from the config only). role:
-- approver, coordinator, team. status: active; for team also pending (the
-- application or grant waits for the signed declaration and, if required,
-- the training), paused (training expired) and removed. Only an active team
-- role grants access to case data.
CREATE TABLE member_role (
	user_id    TEXT   NOT NULL,
	role       TEXT   NOT NULL,
	status     TEXT   NOT NULL,
	granted_by TEXT   NOT NULL DEFAULT '',
	created_at BIGINT NOT NULL,
	updated_at BIGINT NOT NULL,
	PRIMARY KEY (user_id, role)
);
CREATE INDEX member_role_role_idx ON member_role (role, status);

-- The evidence of the team privacy gate: when the person applied, when the
-- signed declaration was received (date on paper, who recorded it), when
-- the data-protection training was attended. 0 = missing. dm_room is where
-- Lotse tells the person about their application.
CREATE TABLE team_gate (
	user_id        TEXT   PRIMARY KEY,
	dm_room        TEXT   NOT NULL DEFAULT '',
	applied_at     BIGINT NOT NULL DEFAULT 0,
	declaration_at BIGINT NOT NULL DEFAULT 0,
	declaration_by TEXT   NOT NULL DEFAULT '',
	training_at    BIGINT NOT NULL DEFAULT 0,
	training_by    TEXT   NOT NULL DEFAULT '',
	updated_at     BIGINT NOT NULL
);

-- Append-only log of role and gate changes (grant, revoke, apply,
-- declaration, training, pause). key names the entry by its cause, so a
-- handler that runs again does not write it twice. Deleting a person's data
-- pseudonymises actor and subject here (accountability of who had access).
CREATE TABLE role_audit (
	key     TEXT   PRIMARY KEY,
	at      BIGINT NOT NULL,
	actor   TEXT   NOT NULL,
	subject TEXT   NOT NULL,
	action  TEXT   NOT NULL,
	detail  TEXT   NOT NULL DEFAULT ''
);
CREATE INDEX role_audit_time_idx ON role_audit (at);
CREATE INDEX role_audit_subject_idx ON role_audit (subject, at);

-- One row per member Lotse knows from a DM or a lobby join: their DM room,
-- when they were welcomed (once, ever), whether they said !stopp, when they
-- were last active (retention).
CREATE TABLE member_state (
	user_id      TEXT   PRIMARY KEY,
	dm_room      TEXT   NOT NULL DEFAULT '',
	welcomed_at  BIGINT NOT NULL DEFAULT 0,
	opted_out_at BIGINT NOT NULL DEFAULT 0,
	first_seen   BIGINT NOT NULL,
	last_seen    BIGINT NOT NULL
);
CREATE INDEX member_state_seen_idx ON member_state (last_seen);

-- Checklist steps a member ticked (step = guide ID of an onboarding guide).
CREATE TABLE onboarding_step (
	user_id TEXT   NOT NULL,
	step    TEXT   NOT NULL,
	done_at BIGINT NOT NULL,
	PRIMARY KEY (user_id, step)
);

-- Unsolicited notices already sent (onboarding reminder, training
-- reminders and expiry), by a key naming the notice and its cause, so
-- restarts neither lose nor repeat one. user_id lets deletion find them.
CREATE TABLE scheduled_notice (
	key     TEXT   PRIMARY KEY,
	user_id TEXT   NOT NULL,
	sent_at BIGINT NOT NULL
);
CREATE INDEX scheduled_notice_user_idx ON scheduled_notice (user_id);

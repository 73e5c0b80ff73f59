-- v18 (compatible with v17+): Rooms the command line's erasure leaves the running bot to remove a person from

-- `lotse privacy erase --yes` deletes a team member's or approver's roles
-- but has no Matrix client: the person went on reading every new case in
-- the team room and every request in the approvals room until an admin
-- removed them by hand (DSGVO Art. 17/32; mend26a named the rooms, the
-- twenty-eighth pass queues the removal). One row per person and room,
-- written by the command line after the erasure and deleted by the running
-- bot once it has removed the person (people.Workflow's tick, within a
-- minute; at the next start when Lotse was not running). The row names the
-- person only for that time: the removal needs their Matrix ID.
--
-- Compatibility: v17+. A v17 binary ignores the table: nobody is removed,
-- as before, and the command line told the admin which rooms to check.
CREATE TABLE room_removal (
	user_id    TEXT   NOT NULL,
	room_id    TEXT   NOT NULL,
	created_at BIGINT NOT NULL,
	PRIMARY KEY (user_id, room_id)
);

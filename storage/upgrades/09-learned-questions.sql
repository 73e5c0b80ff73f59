-- v9 (compatible with v1+): Learned example questions (#18.3)

-- A member's first question of a resolved support case that a team member
-- taught as an example question of a guide (!lehren). The search counts it
-- like the guide's own example questions. No member ID: the text was
-- checked for e-mail addresses, phone numbers and Matrix IDs before it was
-- stored. case_id links the case it came from (for the member's erasure;
-- the case itself may be pruned earlier). taught_by is the team member who
-- taught it. Kept until a team member forgets it (!vergessen) or the
-- member's data is erased; exported_at marks questions written into the
-- library's files (lotse guides learned --export).
CREATE TABLE learned_question (
	id           BIGINT PRIMARY KEY,
	guide_id     TEXT   NOT NULL,
	question     TEXT   NOT NULL,
	norm         TEXT   NOT NULL UNIQUE,
	case_id      BIGINT NOT NULL DEFAULT 0,
	taught_by    TEXT   NOT NULL,
	taught_at    BIGINT NOT NULL,
	origin_event TEXT   NOT NULL UNIQUE,
	exported_at  BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX learned_question_case_idx ON learned_question (case_id);

-- v21 (compatible with v17+): When a member opened a case in the last day, under a keyed hash, for the daily bound

-- The daily bound on new cases (support.MaxCasesPerDay, sup28) counted the
-- member's support_case rows, and an erasure deletes those: a member who
-- erased their data could open as many cases again the same day (sup29).
-- One row per case opened, holding only a keyed hash of the member
-- (HMAC-SHA-256 with the pseudonym key, which is kept outside the
-- database; storage.PrivacyQuery.MemberKey) and the time; no case number,
-- room or text. An erasure leaves the rows; they go after a day
-- (storage.CaseOpeningKept: the support worker's tick, within a minute).
--
-- Compatibility: v17+ (the floor stays where v17 put it). A v17 to v20
-- binary ignores the table and counts the cases as before; rows it leaves
-- are pruned by the next v21 binary.
CREATE TABLE case_opening (
	member_key TEXT   NOT NULL,
	opened_at  BIGINT NOT NULL
);
CREATE INDEX case_opening_member_idx ON case_opening (member_key, opened_at);
CREATE INDEX case_opening_time_idx ON case_opening (opened_at);

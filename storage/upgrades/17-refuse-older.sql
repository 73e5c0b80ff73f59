-- v17 (compatible with v17+): Binaries older than v17 refuse the database

-- No table changes: this step only raises the oldest binary that may run on
-- the database to v17 (ops26; v17 instead of v16 by the lead, see below). v15 and v16 said "compatible with v13+", so
-- an older binary put back on an upgraded database started without a word
-- and undid what the two steps are for: it gives out numbers as MAX(id)+1
-- again, so the next case after an erasure gets the erased case's number,
-- whose transaction IDs ("lotse-case/N") the homeserver has seen, and the
-- new case's message never reaches the team room; and it ignores the
-- erasure's redaction list (case_redaction), whose rows name that number.
-- Now such a binary stops at its start with exit code 14 ("unsupported
-- database schema version: currently on v17 (compatible down to v17)"),
-- and the way back is the backup made before the upgrade (operations.md).
--
-- Compatibility: v17+. A v16 binary knows every table, but not the kind
-- "access" that this pass's erasure puts into case_redaction (Lotse's
-- events of the member's access requests in the approvals room): its
-- support worker took such a row for done and deleted it, so the events
-- stayed unredacted (DSGVO Art. 17). So v16 refuses the database too.
SELECT 1;

-- v20 (compatible with v17+): Why Lotse redacts a queued piece: a member's erasure or the end of the retention period

-- case_redaction held only what an erasure left to redact. The retention
-- rules (storage.DB.Retention) now queue there too, in the transaction that
-- deletes an expired case or access request (support_retention,
-- access_retention; DSGVO Art. 5 (1) e; priv29): Lotse's own messages in the
-- team and the approvals room that show the member stayed in the rooms'
-- history for good after their rows were deleted. cause says which of the
-- two queued a row ('erasure' or 'retention'): the redaction's reason
-- differs, only an erasure tells the case's thread, and the workers read
-- each cause in its own bounded batch, so that a large backlog of expired
-- cases (the first run after an upgrade) holds back no member's erasure.
--
-- Compatibility: v17+. A v17 to v19 binary ignores the column: it redacts
-- the rows of expired cases as well, but with the erasure's reason and its
-- note in the case's thread ("… had their data erased"), which is then
-- wrong; nothing stays unredacted.
ALTER TABLE case_redaction ADD COLUMN cause TEXT NOT NULL DEFAULT 'erasure';

-- v25 (compatible with v17+): A case speaks its member's language

-- The frame of an answer follows the language the member writes in
-- (lang31), the offer of a case too; the case's own messages to its
-- member (opened, a team answer's frame, resolved, reminders, „did that
-- help?“) stayed in the install's language, so an English-writing member
-- got an English offer and then a German case (case32). A case keeps the
-- language of the offer it was opened from ("de" or "en"; '' is the
-- install's: the cases from before v25), and a draft the language its
-- offer was made in, for the member's „yes“ after it.
--
-- Compatibility: v17+. An older binary leaves both columns alone (its
-- new cases get ''): its cases speak the install's language, as before.
ALTER TABLE support_case ADD COLUMN lang TEXT NOT NULL DEFAULT '';
ALTER TABLE case_draft ADD COLUMN lang TEXT NOT NULL DEFAULT '';

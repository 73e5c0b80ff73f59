-- v7 (compatible with v1+): Follow-ups in a conversation (#17.2)

-- pending_choice becomes the open follow-up of a member in a room: besides
-- the candidates of "Meintest du …?" it keeps the event of that question
-- (number reactions count only on it), the guide last shown and which part
-- of it (for "mehr"), and the runners-up (offered after 👎). One row per
-- room and user; it expires like the choice (retention: choices).
ALTER TABLE pending_choice ADD COLUMN prompt_event TEXT NOT NULL DEFAULT '';
ALTER TABLE pending_choice ADD COLUMN guide_id TEXT NOT NULL DEFAULT '';
ALTER TABLE pending_choice ADD COLUMN shown_section INTEGER NOT NULL DEFAULT -1;
ALTER TABLE pending_choice ADD COLUMN shown_cut INTEGER NOT NULL DEFAULT 0;
ALTER TABLE pending_choice ADD COLUMN runners_up TEXT NOT NULL DEFAULT '';

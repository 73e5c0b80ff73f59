-- v12 (compatible with v1+): Megolm session of the encrypted events in the inbox

-- An encrypted event that could not be decrypted waits for its room key.
-- When a key arrives, only the waiting events of the key's room and
-- session are made due (InboxQuery.DueNowSessions). session_id is that
-- session, noted by the sync loop when it stores the event ('' for other
-- events), so that a key is matched by the index instead of reading and
-- parsing every waiting payload of the room (whole-change review 20, L3).
ALTER TABLE inbox ADD COLUMN session_id TEXT NOT NULL DEFAULT '';
-- Encrypted events already waiting keep being woken by their key.
-- only: sqlite
UPDATE inbox SET session_id=COALESCE(CASE WHEN json_valid(payload) THEN json_extract(payload, '$.content.session_id') END, '') WHERE state=0 AND event_type='m.room.encrypted' AND payload IS NOT NULL;
-- (PostgreSQL cannot give out a string holding \u0000: such payloads are left.)
-- only: postgres
UPDATE inbox SET session_id=COALESCE(CASE WHEN strpos(payload, '\u0000')=0 THEN payload::json->'content'->>'session_id' END, '') WHERE state=0 AND event_type='m.room.encrypted' AND payload IS NOT NULL;
UPDATE inbox SET session_id='' WHERE length(session_id)>128;
CREATE INDEX inbox_session_idx ON inbox (room_id, session_id) WHERE state=0;

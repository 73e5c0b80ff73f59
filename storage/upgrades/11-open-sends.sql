-- v11 (compatible with v1+): Index of the sends begun and not completed

-- sent_event rows with event_id '' are sends begun and not completed
-- (bot.Sender). Every start lists them (OpenSends) and settles them; they
-- are few, the table is large (every message Lotse sent within the
-- retention), so they get a partial index instead of a scan of the table.
CREATE INDEX sent_event_open_idx ON sent_event (sent_at) WHERE event_id='';

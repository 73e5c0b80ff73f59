-- v6 (compatible with v1+): Agreed direct chats; inbox in order of arrival

-- Rooms that a member and Lotse agreed to use as their direct chat: Lotse
-- opened it (is_direct), the member invited Lotse with is_direct, or it is
-- in Lotse's m.direct. Only such a room, created by one of the two and with
-- just the two in it, counts as a direct chat: a room a third person made
-- and left never does (it could rejoin and read personal links).
CREATE TABLE direct_chat (
	room_id   TEXT   PRIMARY KEY,
	user_id   TEXT   NOT NULL,
	agreed_at BIGINT NOT NULL
);

-- seq is the order in which events arrived (assigned by the sync loop);
-- workers take events in this order, a few per room at a time, instead of
-- by the sender-chosen origin_server_ts. Pending rows from before keep their
-- old order.
ALTER TABLE inbox ADD COLUMN seq BIGINT NOT NULL DEFAULT 0;
UPDATE inbox SET seq=received_at WHERE state=0;
CREATE INDEX inbox_seq_idx ON inbox (seq);
CREATE INDEX inbox_room_pending_idx ON inbox (state, room_id, seq);

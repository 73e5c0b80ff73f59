-- v22 (compatible with v17+): Which of Lotse's messages in the approvals room show an access request, for retention and erasure

-- Lotse's edits of a request message in the approvals room (the status
-- line „GENEHMIGT von …“, the member's name, Matrix ID, e-mail and reason)
-- and its notes in the request's thread (the Nextcloud account it set up,
-- why setting it up failed) were found only through sent_event, which
-- inbox_retention keeps far shorter than access_retention: after a year the
-- retention redacted the request message but left its edits and notes, and
-- with the rows gone not even an erasure found them (priv30). One row per
-- such message, with the request's number; deleted with the request. The
-- retention rule "access" and the erasure queue them for redaction
-- (case_redaction, kind 'access', version -1) before the request goes.
--
-- Compatibility: v17+ (the floor stays where v17 put it). A v17 to v21
-- binary ignores the table (rows it would write are not written; the
-- messages are then found through sent_event, as before); the rows go with
-- their request (ON DELETE CASCADE). A queued row of version -1 is, for a
-- v20 or v21 binary, a request message without versions: it redacts the
-- event itself and looks up one sent_event entry in vain.
CREATE TABLE access_shown (
	request_id BIGINT NOT NULL REFERENCES access_request (id) ON DELETE CASCADE,
	event_id   TEXT   NOT NULL,
	PRIMARY KEY (request_id, event_id)
);

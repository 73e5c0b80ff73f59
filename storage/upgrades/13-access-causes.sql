-- v13 (compatible with v13+): Cause codes of an access request's denial and provisioning failure

-- deny_cause says how a request was denied: 'reason' (an approver wrote
-- one with !ablehnen) or 'no-reason' (a ❌ or 👎 reaction; deny_reason is
-- then the approvers' note). fail_cause says why setting it up failed, as
-- far as the member's notice depends on it: 'room-taken' (another member
-- has the BBB room of this name), 'by-hand' (several Nextcloud accounts
-- have the address) or 'other'; last_error stays the approvers'
-- explanation. The member's texts are chosen by these codes, no longer by
-- comparing the stored texts with today's texts of each language (a text
-- change or a third language broke that). '' is unknown: rows written
-- before v13 keep being recognised by their text (commands/access,
-- causes.go).
--
-- Compatibility: v13 changes what a correct writer must write (an older
-- binary's approval clears last_error but not fail_cause, and this binary
-- trusts the code), so an older binary must not start on it: compatible
-- with v13+ (it refuses, exit code 14). dbutil stores only the latest
-- step's "compatible with": a later step must say v13+ or higher too, or
-- it lowers this by accident.
ALTER TABLE access_request ADD COLUMN deny_cause TEXT NOT NULL DEFAULT '';
ALTER TABLE access_request ADD COLUMN fail_cause TEXT NOT NULL DEFAULT '';

-- v10 (compatible with v1+): Earlier prompts of a case offer that is still pending

-- When Lotse offers a case again while the offer is pending (the member
-- wrote "hat nicht geholfen" or criticised the answer), the earlier offer
-- stays on screen with its ✅ button. earlier_prompts keeps those prompts'
-- event IDs (newline-separated, newest last, bounded) next to prompt_event,
-- so that a ✅ or ❌ on any of them answers the same pending offer. Stored
-- in the same row as the draft, so it survives a restart with it and goes
-- with it (confirmed, declined, deleted message, retention).
ALTER TABLE case_draft ADD COLUMN earlier_prompts TEXT NOT NULL DEFAULT '';

package storage

// DenyCause says how an access request was denied (column deny_cause,
// schema v13). The member's texts are chosen by it, not by comparing the
// stored note with today's texts.
type DenyCause string

// Deny causes. "" is unknown: a denial stored before schema v13 (or by an
// older binary), recognised by its text (commands/access).
const (
	// DenyWithReason: an approver wrote a reason (!ablehnen), for the member.
	DenyWithReason DenyCause = "reason"
	// DenyNoReason: a ❌ or 👎 reaction; DenyReason is the approvers' note.
	DenyNoReason DenyCause = "no-reason"
)

// FailCause says why setting up an approved request failed (column
// fail_cause, schema v13), as far as the member's notice depends on it;
// LastError is the approvers' explanation. It is cleared with LastError.
type FailCause string

// Fail causes. "" is unknown: a failure stored before schema v13 (or by an
// older binary), recognised by its text (commands/access).
const (
	// FailRoomTaken: another member has the BBB room of this name;
	// approving again cannot mend it, the member must ask for another name.
	FailRoomTaken FailCause = "room-taken"
	// FailByHand: several Nextcloud accounts have the address; the
	// approvers must sort it out by hand.
	FailByHand FailCause = "by-hand"
	// FailOther: any other cause (approving again may mend it).
	FailOther FailCause = "other"
)

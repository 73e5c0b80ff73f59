package access

import (
	"context"
	"errors"
	"fmt"
	"time"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// voidBatch bounds the approvals of pending requests one tick looks at.
const voidBatch = 100

// voidFormerApprovals voids, at every tick, the approvals that pending
// requests hold from people who are no approvers any more (the role
// revoked, the person erased and their approvals pseudonymised), and draws
// those requests' messages in the approvals room anew. acc26 voided such an
// approval only when the next approval came, so until then the message
// went on naming the former approver („1/2 genehmigt von …“), also an
// erased one by their display name (DSGVO Art. 17), and counting their
// approval (mend26a). Work per tick: one query of at most voidBatch rows
// and one role lookup per distinct approver; a request is changed only
// when it holds such an approval, once.
func (w *Workflow) voidFormerApprovals(ctx context.Context, now time.Time) error {
	q := w.DB.Access()
	partial, err := q.PartialApprovals(ctx, voidBatch)
	if err != nil {
		return err
	}
	still := map[string]bool{}
	former := map[int64][]string{}
	var order []int64
	for _, p := range partial {
		ok, seen := still[p.Approver]
		if !seen {
			if ok, err = w.stillApprover(ctx, id.UserID(p.Approver)); err != nil {
				return err
			}
			still[p.Approver] = ok
		}
		if ok {
			continue
		}
		if former[p.RequestID] == nil {
			order = append(order, p.RequestID)
		}
		former[p.RequestID] = append(former[p.RequestID], p.Approver)
	}
	var errs []error
	for _, reqID := range order {
		dropped, err := q.VoidApprovals(ctx, reqID, former[reqID], fmt.Sprintf("tick:%d:%d", reqID, now.UnixMilli()), now)
		if err == nil && dropped {
			err = w.updateAccessBoard(ctx, reqID)
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// stillApprover is isApprover, except that a role that cannot be read is
// an error, not "no approver": at a tick, a database hiccup must not void
// anyone's approval.
func (w *Workflow) stillApprover(ctx context.Context, user id.UserID) (bool, error) {
	if w.isApprover(ctx, user) {
		return true, nil
	}
	if _, err := w.DB.Roles().Has(ctx, user.String(), storage.RoleApprover); err != nil {
		return false, fmt.Errorf("failed to read the approver role: %w", err)
	}
	return false, nil
}

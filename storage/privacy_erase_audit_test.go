package storage_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestEraseAuditOfExpiredRequest (gdpr26): access_retention (a year)
// deleted a member's decided request; its audit entries stay for
// audit_retention (three years) and still name the member: the e-mail in
// "requested", the approver's reason in "denied", which may name them.
// The export shows them, and the erasure clears their details. Fails
// without ownAudited: both found the member's requests only through
// access_request, which the retention had emptied, and the e-mail stayed
// in the audit under the pseudonym.
func TestEraseAuditOfExpiredRequest(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
			anna, ben := "@anna:test", "@ben:test"
			r, _, err := db.Access().Create(ctx, &storage.AccessRequest{MemberID: anna, MemberRoom: "!dm-anna:test", Kind: storage.AccessNextcloud,
				Target: "AG", Email: "anna@example.org", DisplayName: "Anna A", Reason: "weil"}, "$req-anna", now)
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := db.Access().Deny(ctx, r.ID, ben, "Anna A ist kein Mitglied", storage.DenyWithReason, "$deny", now); err != nil {
				t.Fatal(err)
			}
			// Ben's own request stays as it is.
			rb, _, err := db.Access().Create(ctx, &storage.AccessRequest{MemberID: ben, MemberRoom: "!dm-ben:test", Kind: storage.AccessNextcloud,
				Target: "AG", Email: "ben@example.org", Reason: "auch"}, "$req-ben", now)
			if err != nil {
				t.Fatal(err)
			}
			later := now.Add(400 * 24 * time.Hour)
			policy := storage.RetentionPolicy{Access: 365 * 24 * time.Hour, Audit: 3 * 365 * 24 * time.Hour}
			if _, err := db.Retention(ctx, policy, later, false); err != nil {
				t.Fatal(err)
			}
			if got, err := db.Access().Get(ctx, r.ID); err != nil || got != nil {
				t.Fatalf("the request outlived access_retention: %+v, %v", got, err)
			}

			exp, err := db.Privacy().Export(ctx, anna)
			if err != nil {
				t.Fatal(err)
			}
			data, _ := json.Marshal(exp["access_audit"])
			for _, w := range []string{"anna@example.org", "denied", "Anna A ist kein Mitglied"} {
				if !strings.Contains(string(data), w) {
					t.Errorf("export of the audit lacks %q: %s", w, data)
				}
			}
			if strings.Contains(string(data), "ben@example.org") {
				t.Errorf("export of anna holds ben's request: %s", data)
			}

			if _, err := db.Privacy().Erase(ctx, anna, "", later); err != nil {
				t.Fatal(err)
			}
			for table, vals := range allCells(t, db, name == "postgres") {
				for _, v := range vals {
					for _, w := range []string{anna, "anna@example.org", "Anna A"} {
						if strings.Contains(v, w) {
							t.Errorf("after erasure, %s still holds %q: %q", table, w, v)
						}
					}
				}
			}
			exp, err = db.Privacy().Export(ctx, ben)
			if err != nil {
				t.Fatal(err)
			}
			data, _ = json.Marshal(exp["access_audit"])
			if !strings.Contains(string(data), "ben@example.org") {
				t.Errorf("ben's own audit entry lost its detail: %s", data)
			}
			if got, _ := db.Access().Get(ctx, rb.ID); got == nil {
				t.Error("ben's request is gone")
			}
		})
	}
}

// TestEraseAssigneeInCaseEvent (gdpr26): a case event "assign" names the
// team member a case was given to in its detail. Their erasure
// pseudonymised the actor and the case's assignee, and left their Matrix
// ID in the detail of every such event in other members' cases; their
// export did not list these events. Fails without the fix (both).
func TestEraseAssigneeInCaseEvent(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
			anna, ben, lead := "@anna:test", "@ben:test", "@lead:test"
			c, _, err := db.Cases.Create(ctx, &storage.Case{MemberID: ben, MemberRoom: "!dm-ben:test", Summary: "Frage"}, "$origin-ben", "Frage", now)
			if err != nil {
				t.Fatal(err)
			}
			if changed, _, err := db.Cases.Assign(ctx, c.ID, lead, anna, now); err != nil || !changed {
				t.Fatalf("assign: %v %v", changed, err)
			}
			exp, err := db.Privacy().Export(ctx, anna)
			if err != nil {
				t.Fatal(err)
			}
			if data, _ := json.Marshal(exp["case_events_by_you_for_others"]); !strings.Contains(string(data), "assign") {
				t.Errorf("anna's export lacks the case given to her: %s", data)
			}
			if _, err := db.Privacy().Erase(ctx, anna, "", now); err != nil {
				t.Fatal(err)
			}
			pseudo, _ := db.Privacy().Pseudonym(ctx, anna)
			cells := allCells(t, db, name == "postgres")
			for table, vals := range cells {
				for _, v := range vals {
					if strings.Contains(v, anna) {
						t.Errorf("after erasure, %s still holds %q: %q", table, anna, v)
					}
				}
			}
			found := false
			for _, v := range cells["case_event"] {
				found = found || v == pseudo
			}
			if !found {
				t.Error("the assignment was dropped, not pseudonymised")
			}
			if exp, _ := db.Privacy().Export(ctx, ben); len(exp["case_event"]) != 2 {
				t.Errorf("ben's case has %d events, want its creation and the assignment", len(exp["case_event"]))
			}
		})
	}
}

// TestEraseReturnsOpenCases (gdpr26): a team member erased on the command
// line (`lotse privacy erase`) had claimed an open case of another member;
// it stayed claimed by the pseudonym, and nobody was reminded that it
// waits. It goes back to the queue now; a resolved case keeps the
// pseudonym as who worked on it. Fails without the fix.
func TestEraseReturnsOpenCases(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
			anna, ben := "@anna:test", "@ben:test"
			var ids []int64
			for i, origin := range []string{"$open", "$resolved"} {
				c, _, err := db.Cases.Create(ctx, &storage.Case{MemberID: ben, MemberRoom: "!dm-ben:test", Summary: "Frage"}, origin, "Frage", now.Add(time.Duration(i)*time.Minute))
				if err != nil {
					t.Fatal(err)
				}
				if _, _, err := db.Cases.Claim(ctx, c.ID, anna, now); err != nil {
					t.Fatal(err)
				}
				ids = append(ids, c.ID)
			}
			if _, _, err := db.Cases.Resolve(ctx, ids[1], anna, "Neu starten", now); err != nil {
				t.Fatal(err)
			}
			later := now.Add(time.Hour)
			if _, err := db.Privacy().Erase(ctx, anna, "", later); err != nil {
				t.Fatal(err)
			}
			pseudo, _ := db.Privacy().Pseudonym(ctx, anna)
			open, err := db.Cases.Get(ctx, ids[0])
			if err != nil || open == nil || open.Assignee != "" || open.Status != storage.CaseOpen || !open.StatusAt.Equal(later) {
				t.Errorf("the open case: %+v, %v; want it unclaimed since the erasure", open, err)
			}
			resolved, err := db.Cases.Get(ctx, ids[1])
			if err != nil || resolved == nil || resolved.Assignee != pseudo {
				t.Errorf("the resolved case: %+v, %v; want the pseudonym as its assignee", resolved, err)
			}
		})
	}
}

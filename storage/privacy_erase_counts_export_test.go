package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestEraseCountsOthersCasesApart (mend26a): the erasure's counts are what
// the answer to !daten-löschen puts in words. A team member with one case
// of their own who had worked on two cases of another member read
// „3 Supportfälle“ (and the other member's messages and steps as „in
// deinen Supportfällen“): the pseudonymised assignee, sender and actor
// were counted under the tables of the member's own cases. Now they are
// counted under the export's names for work in others' cases, each row
// once, and match what the export listed. Fails without the fix (both
// dialects): support_case 3, case_events_by_you_for_others 0.
func TestEraseCountsOthersCasesApart(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
			anna, ben, lead := "@anna:test", "@ben:test", "@lead:test"
			if _, _, err := db.Cases.Create(ctx, &storage.Case{MemberID: anna, MemberRoom: "!dm-anna:test", Summary: "Meine Frage"}, "$anna", "Meine Frage", now); err != nil {
				t.Fatal(err)
			}
			var bens []int64
			for i, origin := range []string{"$ben-1", "$ben-2"} {
				c, _, err := db.Cases.Create(ctx, &storage.Case{MemberID: ben, MemberRoom: "!dm-ben:test", Summary: "Frage"}, origin, "Frage", now.Add(time.Duration(i)*time.Minute))
				if err != nil {
					t.Fatal(err)
				}
				bens = append(bens, c.ID)
			}
			// Claimed by herself (actor and assignee are anna: one row)
			// and given to her by the lead (the assignee in the detail).
			if _, _, err := db.Cases.Claim(ctx, bens[0], anna, now); err != nil {
				t.Fatal(err)
			}
			if _, _, err := db.Cases.Assign(ctx, bens[1], lead, anna, now); err != nil {
				t.Fatal(err)
			}
			if _, _, err := db.Cases.AddMessage(ctx, storage.CaseMessage{SourceEvent: "$answer", CaseID: bens[0], Kind: "answer",
				Sender: anna, Body: "Neu starten", CreatedAt: now}); err != nil {
				t.Fatal(err)
			}
			if _, _, err := db.Cases.Resolve(ctx, bens[0], anna, "Neu starten", now); err != nil {
				t.Fatal(err)
			}
			exp, err := db.Privacy().Export(ctx, anna)
			if err != nil {
				t.Fatal(err)
			}
			counts, err := db.Privacy().Erase(ctx, anna, "", now.Add(time.Hour))
			if err != nil {
				t.Fatal(err)
			}
			if counts["support_case"] != 1 {
				t.Errorf("the erasure counts %d of anna's own cases, want 1", counts["support_case"])
			}
			for _, table := range []string{"case_assigned_to_you", "case_messages_you_wrote_for_others", "case_events_by_you_for_others"} {
				if n, want := counts[table], int64(len(exp[table])); n != want || want == 0 {
					t.Errorf("the erasure counts %d rows as %s, the export listed %d", n, table, want)
				}
			}
		})
	}
}

// TestExportVoidedApproval (mend26a): acc26 voids the approval of an
// approver who lost the role and audits it with the former approver's
// Matrix ID in the detail (actor "lotse"). Their export (Art. 15) left the
// entry out, while the erasure pseudonymised it (idRewrites). Fails
// without the fix: the export has no "approval-void" entry.
func TestExportVoidedApproval(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
			anna, ben, cleo := "@anna:test", "@ben:test", "@cleo:test"
			r, _, err := db.Access().Create(ctx, &storage.AccessRequest{MemberID: anna, MemberRoom: "!dm-anna:test", Kind: storage.AccessNextcloud,
				Target: "AG", Email: "anna@example.org", Reason: "weil", Needed: 2}, "$req", now)
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := db.Access().Approve(ctx, r.ID, ben, "$a1", now); err != nil {
				t.Fatal(err)
			}
			if _, _, err := db.Access().ApproveDropping(ctx, r.ID, cleo, []string{ben}, "$a2", now); err != nil {
				t.Fatal(err)
			}
			exp, err := db.Privacy().Export(ctx, ben)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, row := range exp["access_audit"] {
				found = found || row["action"] == "approval-void"
			}
			if !found {
				t.Errorf("ben's export lacks the voiding of his approval: %v", exp["access_audit"])
			}
			if _, err := db.Privacy().Erase(ctx, ben, "", now); err != nil {
				t.Fatal(err)
			}
			if exp, _ := db.Privacy().Export(ctx, ben); len(exp["access_audit"]) != 0 {
				t.Errorf("after ben's erasure his export still finds %v", exp["access_audit"])
			}
		})
	}
}

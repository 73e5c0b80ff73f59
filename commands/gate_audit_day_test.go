package commands

import (
	"strings"
	"testing"
	"time"
)

// TestGateAuditDayIsLocalDay: the role log's entry of a recorded
// declaration or training names the days in the association's time zone,
// as the answer does. With the server's clock in UTC, „!erklärung … erhalten“
// (today) at 0:30 in Berlin was logged with the day before, while the answer
// said today.
func TestGateAuditDayIsLocalDay(t *testing.T) {
	e, _ := newRolesEnv(t)
	// 23:30 UTC on 2 March is 0:30 on 3 March in Berlin.
	e.now = time.Date(2026, 3, 2, 23, 30, 0, 0, time.UTC)
	mustContain(t, in(e.say(t, approvRm, approvr, "!erklärung @member:test erhalten", ""), approvRm), "03.03.2026")
	log, err := e.db.Roles().AuditLog(t.Context(), member.String())
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, l := range log {
		if l.Action == "declaration" {
			found = true
			if !strings.HasPrefix(l.Detail, "2026-03-03/") {
				t.Errorf("the role log names the day %q, want 2026-03-03 (Berlin)", l.Detail)
			}
		}
	}
	if !found {
		t.Errorf("no declaration in the role log: %+v", log)
	}
}

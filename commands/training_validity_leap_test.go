package commands

import (
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestTrainingValidityCountsCalendarYears: the default validity of 365 days
// is „12 Monate“, a year in the calendar. A training of 1.3.2027 counted
// until 29.02.2028 (2028 has a 29 February), so the coordinators read the
// wrong day and the team role was paused a day early. It now counts until
// 01.03.2028, in the answer, in !rollen and in the expiry itself.
func TestTrainingValidityCountsCalendarYears(t *testing.T) {
	e, _ := newRolesEnv(t)
	e.fm.joined[dmRoom][approvr] = true
	e.now = time.Date(2027, 3, 2, 10, 0, 0, 0, e.now.Location())
	e.say(t, dmRoom, member, "!team beitreten", "")
	e.say(t, approvRm, approvr, "!erklärung @member:test erhalten 01.03.2027", "")
	mustContain(t, in(e.say(t, approvRm, approvr, "!schulung @member:test 01.03.2027", ""), approvRm), "gültig bis 01.03.2028")
	mustContain(t, in(e.say(t, approvRm, approvr, "!rollen", ""), approvRm), "Schulung gültig bis 01.03.2028")
	// On 29 February, in the evening, the training still counts.
	e.now = time.Date(2028, 2, 29, 20, 0, 0, 0, e.now.Location())
	if !e.h.support.IsTeam(t.Context(), member) {
		t.Error("the team role ended on 29 February, a day before the year was over")
	}
	mustContain(t, in(e.say(t, approvRm, approvr, "!rollen", ""), approvRm), "Schulung gültig bis 01.03.2028")
	if err := e.h.TickPeople(t.Context(), e.now); err != nil {
		t.Fatal(err)
	}
	if r, err := e.db.Roles().Get(t.Context(), member.String(), storage.RoleTeam); err != nil || r == nil || r.Status != storage.RoleActive {
		t.Errorf("the tick of 29 February paused the team role: %+v, %v", r, err)
	}
	// A day later it has expired, on the day it says.
	e.now = time.Date(2028, 3, 1, 13, 0, 0, 0, e.now.Location())
	if e.h.support.IsTeam(t.Context(), member) {
		t.Error("the team role still counts after the year")
	}
	if err := e.h.TickPeople(t.Context(), e.now); err != nil {
		t.Fatal(err)
	}
	if r, err := e.db.Roles().Get(t.Context(), member.String(), storage.RoleTeam); err != nil || r == nil || r.Status != storage.RolePaused {
		t.Errorf("the tick of 1 March did not pause the team role: %+v, %v", r, err)
	}
	mustContain(t, in(e.say(t, approvRm, approvr, "!rollen", ""), approvRm), "Schulung abgelaufen am 01.03.2028")
}

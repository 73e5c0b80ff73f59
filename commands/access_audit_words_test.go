package commands

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestAuditInWords: !protokoll names what happened in words, not with the
// codes the log stores and the export keeps („requested“, „provisioned“,
// „created mia.mitglied“, „join-link“, „lotse“) (security review 22,
// Low 6).
func TestAuditInWords(t *testing.T) {
	e := newAccessEnv(t)
	e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")
	e.say(t, approvals, carol, "!genehmigen 1", "")
	if err := e.h.AccessTick(t.Context(), e.now); err != nil {
		t.Fatal(err)
	}
	e.requestRoom(t, member, dmRoom)
	e.say(t, approvals, carol, "!genehmigen 2", "")
	if err := e.h.AccessTick(t.Context(), e.now); err != nil {
		t.Fatal(err)
	}
	e.say(t, dmRoom, member, "!raum AG Umwelt Süd", "")
	got := in(e.say(t, approvals, carol, "!protokoll", ""), approvals)
	// The unfiltered log's heading has no gap before its colon (lang26).
	if b := bodies(got); !strings.HasPrefix(b, "Protokoll:") {
		t.Errorf("!protokoll begins %q, want „Protokoll:“", b[:min(len(b), 20)])
	}
	mustContain(t, got, "beantragt – @member:test Nextcloud, Gruppe „AG Digitales“ <mia@example.org>", "genehmigt – @carol:test",
		"eingerichtet – Lotse neues Nextcloud-Konto mia.mitglied", "eingerichtet – Lotse BBB-Raum ag-umwelt-sued-",
		"beantragt – @member:test BBB-Raum „AG Umwelt Süd“", "Moderationslink geschickt – @member:test BBB-Raum ag-umwelt-sued-")
	for _, code := range []string{"requested", "provisioned", "created ", "join-link", "nextcloud:", "bbb:", "room ", "– lotse"} {
		if b := bodies(got); strings.Contains(b, code) {
			t.Errorf("!protokoll shows %q:\n%s", code, b)
		}
	}
}

// TestAuditShowsTheLastEntries: !protokoll shows the last 30 entries and
// counts the older ones, read from the log's end, not the whole log.
func TestAuditShowsTheLastEntries(t *testing.T) {
	e := newAccessEnv(t)
	e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")
	for i := range 34 {
		if err := e.db.Access().Audit(t.Context(), storage.AuditEntry{Key: fmt.Sprintf("note:%02d", i), RequestID: 1,
			At: e.now.Add(time.Duration(i+1) * time.Minute), Actor: "lotse", Action: "error", Detail: fmt.Sprintf("Versuch %02d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	got := in(e.say(t, approvals, carol, "!protokoll 1", ""), approvals)
	mustContain(t, got, "Versuch 04", "Versuch 33", "5 ältere Einträge nicht angezeigt")
	if b := bodies(got); strings.Contains(b, "Versuch 03") || strings.Contains(b, "beantragt") {
		t.Errorf("older entries shown:\n%s", b)
	}
}

package commands

import (
	"context"
	"regexp"
	"testing"
)

// TestDataRightsCommands: !datenschutz and !meine-daten answer in the DM
// only; !daten-löschen needs the day's token, then erases and says what stays.
func TestDataRightsCommands(t *testing.T) {
	e := newSupportEnv(t)
	ctx := context.Background()
	e.openCase(t)
	mustContain(t, in(e.say(t, "!other:test", member, "!datenschutz", ""), "!other:test"), "nur im Direktchat")
	mustContain(t, in(e.say(t, dmRoom, member, "!datenschutz", ""), dmRoom), "support_case (1)", "!meine-daten")
	sent := in(e.say(t, dmRoom, member, "!meine-daten", ""), dmRoom)
	if len(sent) != 2 || sent[0].content.FileName == "" {
		t.Fatalf("no export file: %s", bodies(sent))
	}
	sent = in(e.say(t, dmRoom, member, "!daten-löschen", ""), dmRoom)
	mustContain(t, sent, "schreib heute", "!daten-löschen ")
	if c, _ := e.db.Cases.Get(ctx, 1); c == nil {
		t.Fatal("deleted without confirmation")
	}
	m := regexp.MustCompile("!daten-löschen ([0-9a-f]{6})").FindStringSubmatch(bodies(sent))
	if m == nil {
		t.Fatalf("no confirmation token offered: %s", bodies(sent))
	}
	token := m[1]
	sent = in(e.say(t, dmRoom, member, "!daten-löschen "+token, ""), dmRoom)
	mustContain(t, sent, "Erledigt", "support_case", "Pseudonym")
	if c, _ := e.db.Cases.Get(ctx, 1); c != nil {
		t.Fatal("case survived erasure")
	}
	exp, _ := e.db.Privacy().Export(ctx, member.String())
	for table, rows := range exp {
		if len(rows) > 0 {
			t.Errorf("%s still holds %d rows: %v", table, len(rows), rows)
		}
	}
}

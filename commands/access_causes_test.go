package commands

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/access"
)

// TestAccessDenialToldByCause: the member is told a denial by how it was
// made (stored as a code), not by comparing the stored note with today's
// texts: a ❌ whose note reads differently since (a changed text, a third
// language) is still told without the note, and a reason an approver wrote
// is shown even when it reads like a note. A denial stored before the code
// existed is still recognised by its text.
func TestAccessDenialToldByCause(t *testing.T) {
	tests := []struct {
		name string
		// deny denies request #1; stored then rewrites the row as an
		// older version (or another text) would have left it.
		deny   func(t *testing.T, e *accessEnv, root id.EventID)
		stored string
		// in !anträge; never shown there.
		mine, never []string
	}{
		{"❌, the note's text changed since", func(t *testing.T, e *accessEnv, root id.EventID) {
			mustContain(t, in(e.react(t, approvals, bob, root, "❌"), dmRoom), "Einen Grund haben die Genehmigenden nicht angegeben")
		}, `UPDATE access_request SET deny_reason='ohne Begründung (alte Fassung)'`, []string{"#1 [ABGELEHNT] –"}, []string{"alte Fassung"}},
		{"reason that reads like the English note", func(t *testing.T, e *accessEnv, _ id.EventID) {
			told := in(e.say(t, approvals, bob, "!ablehnen 1 "+access.English.DeniedNoReason, ""), dmRoom)
			mustContain(t, told, "Grund: "+access.English.DeniedNoReason)
			if strings.Contains(bodies(told), "nicht angegeben") {
				t.Errorf("the member is told there was no reason:\n%s", bodies(told))
			}
		}, "", []string{"[ABGELEHNT: " + access.English.DeniedNoReason + "]"}, nil},
		{"❌ stored before the code (English note)", func(t *testing.T, e *accessEnv, root id.EventID) {
			e.react(t, approvals, bob, root, "❌")
		}, `UPDATE access_request SET deny_cause='', deny_reason='` + access.English.DeniedNoReason + `'`, []string{"#1 [ABGELEHNT] –"},
			[]string{"by reaction"}},
		{"reason stored before the code", func(t *testing.T, e *accessEnv, _ id.EventID) {
			e.say(t, approvals, bob, "!ablehnen 1 Bitte erst Mitglied werden", "")
		}, `UPDATE access_request SET deny_cause=''`, []string{"[ABGELEHNT: Bitte erst Mitglied werden]"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newAccessEnv(t)
			root := e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")
			tt.deny(t, e, root)
			if tt.stored != "" {
				if _, err := e.db.Lotse.Exec(context.Background(), tt.stored); err != nil {
					t.Fatal(err)
				}
			}
			mine := in(e.say(t, dmRoom, member, "!anträge", ""), dmRoom)
			mustContain(t, mine, tt.mine...)
			for _, w := range tt.never {
				if strings.Contains(bodies(mine), w) {
					t.Errorf("the member reads %q:\n%s", w, bodies(mine))
				}
			}
		})
	}
}

// TestAccessFailureToldByCause: the member's notice of a failed set-up
// follows the stored cause, also when the approvers' explanation stored
// beside it reads differently by the time the notice goes out (it is put
// off while the direct chat cannot be opened); a failure stored before
// the code existed is still recognised by its text.
func TestAccessFailureToldByCause(t *testing.T) {
	tests := []struct {
		name   string
		stored string // rewrites request #2 while its notice is put off
		want   []string
		never  string
	}{
		{"room taken, the text changed since", `UPDATE access_request SET last_error='Raum vergeben (alte Fassung).' WHERE id=2`,
			[]string{"#2", "anderen Namen", "!zugang bbb"}, "melde ich mich"},
		{"room taken, stored before the code", `UPDATE access_request SET fail_cause='', last_error='` + access.English.ErrRoomTaken + `' WHERE id=2`,
			[]string{"#2", "anderen Namen", "!zugang bbb"}, "melde ich mich"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newAccessEnv(t)
			ctx := context.Background()
			// mem2 has the room; the member asks for it second.
			e.requestRoom(t, mem2, dmOf(mem2))
			e.say(t, approvals, carol, "!genehmigen 1", "")
			if err := e.h.AccessTick(ctx, e.now); err != nil {
				t.Fatal(err)
			}
			e.requestRoom(t, member, dmRoom)
			e.say(t, approvals, carol, "!genehmigen 2", "")
			e.reconfigure(func(d *Deps) { d.Matrix = dmFails{e.fm, errors.New("a direct chat was created moments ago")} })
			_ = e.h.AccessTick(ctx, e.now.Add(time.Minute)) // fails, the notice is put off
			if _, err := e.db.Lotse.Exec(ctx, tt.stored); err != nil {
				t.Fatal(err)
			}
			e.reconfigure(func(d *Deps) { d.Matrix = e.fm })
			before := e.fm.count()
			if err := e.h.AccessTick(ctx, e.now.Add(time.Hour)); err != nil {
				t.Fatal(err)
			}
			e.fm.mu.Lock()
			told := in(e.fm.sent[before:], dmRoom)
			e.fm.mu.Unlock()
			if len(told) != 1 {
				t.Fatalf("the member got %d messages:\n%s", len(told), bodies(told))
			}
			mustContain(t, told, tt.want...)
			if strings.Contains(bodies(told), tt.never) {
				t.Errorf("the member is promised a notice that will not come:\n%s", bodies(told))
			}
		})
	}
}

// TestAuditBadFilter: !protokoll with something that is neither a request
// number nor a person says so, with the usage, instead of an empty log
// (an invalid Matrix ID) or the whole log (a word).
func TestAuditBadFilter(t *testing.T) {
	e := newAccessEnv(t)
	e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")
	for _, arg := range []string{"@member", "@member:", "member"} {
		got := in(e.say(t, approvals, carol, "!protokoll "+arg, ""), approvals)
		if len(got) != 1 {
			t.Fatalf("!protokoll %s: %d replies:\n%s", arg, len(got), bodies(got))
		}
		mustContain(t, got, "„"+arg+"“ ist weder eine Antragsnummer noch eine gültige Matrix-ID (die sieht so aus: @name:server).",
			"So geht es: !protokoll [Nr|@name|export csv|export json]")
		if html := got[0].content.FormattedBody; !strings.Contains(html, "<code>@name:server</code>") || !strings.Contains(html, "<code>!protokoll [Nr") {
			t.Errorf("ID form or usage not shown as code: %s", html)
		}
		if b := bodies(got); strings.Contains(b, "Protokoll ist leer") || strings.Contains(b, "beantragt") {
			t.Errorf("!protokoll %s shows a log:\n%s", arg, b)
		}
	}
	mustContain(t, in(e.say(t, approvals, carol, "!protokoll @member:test", ""), approvals), "#1", "beantragt")
	mustContain(t, in(e.say(t, approvals, carol, "!protokoll 1", ""), approvals), "#1", "beantragt")
}

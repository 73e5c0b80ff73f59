package bot

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// TestMembershipKnockHidesNoKick (mend33b): a room admin kicked the
// person; in a team room whose join rule allows knocking they knocked, and
// perhaps took the knock back. Their latest member event was their own (a
// knock, or a leave), Membership reported nobody as who removed them, and
// `!team beitreten` invited them back: the admin's kick undone at their
// own request. Now their own knocks are looked through (replaces_state) to
// the event before. Rows: knock after a kick → the admin; knock taken back
// after a kick → the admin; knock after leaving on their own → nobody;
// knock after an admin's kick and a member's invite they declined → nobody
// (someone let them in); knocks whose history cannot be read → an error
// (the member's request invites nobody); a server that names no previous
// membership → the events before are read (the admin); their own leave
// whose previous event cannot be read → nobody, no error (as before). Fails without the fix: „by“ is
// empty in the first two rows, no error in the last.
func TestMembershipKnockHidesNoKick(t *testing.T) {
	const room = id.RoomID("!team:hs")
	ev := func(eventID, sender, user, membership, prevMembership, replaces string) map[string]any {
		e := map[string]any{"type": "m.room.member", "state_key": user, "event_id": eventID, "room_id": room,
			"origin_server_ts": 1, "sender": sender, "content": map[string]any{"membership": membership}}
		unsigned := map[string]any{}
		if prevMembership != "" {
			unsigned["prev_content"] = map[string]any{"membership": prevMembership}
		}
		if replaces != "" {
			unsigned["replaces_state"] = replaces
		}
		e["unsigned"] = unsigned
		return e
	}
	events := map[string]map[string]any{} // by event ID
	current := map[id.UserID]string{}     // the user's member event now
	add := func(user id.UserID, chain ...map[string]any) {
		for _, e := range chain {
			events[e["event_id"].(string)] = e
		}
		current[user] = chain[len(chain)-1]["event_id"].(string)
	}
	const admin, friend = "@admin:hs", "@friend:hs"
	add("@knock:hs",
		ev("$k1", "@knock:hs", "@knock:hs", "join", "", ""),
		ev("$k2", admin, "@knock:hs", "leave", "join", "$k1"),
		ev("$k3", "@knock:hs", "@knock:hs", "knock", "leave", "$k2"))
	add("@rescind:hs",
		ev("$r1", "@rescind:hs", "@rescind:hs", "join", "", ""),
		ev("$r2", admin, "@rescind:hs", "leave", "join", "$r1"),
		ev("$r3", "@rescind:hs", "@rescind:hs", "knock", "leave", "$r2"),
		ev("$r4", "@rescind:hs", "@rescind:hs", "leave", "knock", "$r3"))
	add("@selfknock:hs",
		ev("$s1", "@selfknock:hs", "@selfknock:hs", "join", "", ""),
		ev("$s2", "@selfknock:hs", "@selfknock:hs", "leave", "join", "$s1"),
		ev("$s3", "@selfknock:hs", "@selfknock:hs", "knock", "leave", "$s2"))
	add("@letin:hs",
		ev("$l1", admin, "@letin:hs", "leave", "join", ""),
		ev("$l2", friend, "@letin:hs", "invite", "leave", "$l1"),
		ev("$l3", "@letin:hs", "@letin:hs", "leave", "invite", "$l2"),
		ev("$l4", "@letin:hs", "@letin:hs", "knock", "leave", "$l3"))
	add("@nohistory:hs", ev("$n1", "@nohistory:hs", "@nohistory:hs", "knock", "leave", ""))
	add("@lost:hs", ev("$g1", "@lost:hs", "@lost:hs", "knock", "leave", "$gone"))
	// A server that names no previous membership: the event before is read.
	add("@quiet:hs",
		ev("$q1", "@quiet:hs", "@quiet:hs", "join", "", ""),
		ev("$q2", admin, "@quiet:hs", "leave", "", "$q1"),
		ev("$q3", "@quiet:hs", "@quiet:hs", "knock", "", "$q2"),
		ev("$q4", "@quiet:hs", "@quiet:hs", "leave", "", "$q3"))
	// Their own leave, the event before unreadable (history not visible):
	// their own leave, as before — not an error.
	add("@plain:hs", ev("$p1", "@plain:hs", "@plain:hs", "leave", "", "$gone"))
	var many []map[string]any
	prev := ""
	for i, ms := range []string{"knock", "leave", "knock", "leave", "knock", "leave"} {
		eid := "$m" + string(rune('0'+i))
		many = append(many, ev(eid, "@many:hs", "@many:hs", ms, map[string]string{"knock": "leave", "leave": "knock"}[ms], prev))
		prev = eid
	}
	add("@many:hs", many...)
	cli := newFakeClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path := r.URL.EscapedPath()
		var e map[string]any
		if _, key, ok := strings.Cut(path, "/state/m.room.member/"); ok {
			user, _ := url.PathUnescape(key)
			e = events[current[id.UserID(user)]]
		} else if _, key, ok := strings.Cut(path, "/event/"); ok {
			eventID, _ := url.PathUnescape(key)
			e = events[eventID]
		}
		if e == nil {
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write([]byte(`{"errcode":"M_NOT_FOUND","error":"no such event"}`))
			return
		}
		_ = json.NewEncoder(w).Encode(e)
	}))
	cli.StateStore = mautrix.NewMemoryStateStore()
	b := &Bot{log: zerolog.Nop(), Client: cli}
	for _, tt := range []struct {
		user    id.UserID
		stored  event.Membership
		want    event.Membership
		by      id.UserID
		wantErr bool
	}{
		{"@knock:hs", event.MembershipKnock, event.MembershipKnock, admin, false},
		{"@rescind:hs", event.MembershipLeave, event.MembershipLeave, admin, false},
		{"@selfknock:hs", event.MembershipKnock, event.MembershipKnock, "", false},
		{"@letin:hs", event.MembershipKnock, event.MembershipKnock, "", false},
		{"@nohistory:hs", event.MembershipKnock, event.MembershipKnock, "", true},
		{"@lost:hs", event.MembershipKnock, event.MembershipKnock, "", true},
		{"@quiet:hs", event.MembershipLeave, event.MembershipLeave, admin, false},
		{"@plain:hs", event.MembershipLeave, event.MembershipLeave, "", false},
		{"@many:hs", event.MembershipLeave, event.MembershipLeave, "", true},
	} {
		t.Run(tt.user.String(), func(t *testing.T) {
			if err := cli.StateStore.SetMembership(t.Context(), room, tt.user, tt.stored); err != nil {
				t.Fatal(err)
			}
			got, by, err := b.Membership(t.Context(), room, tt.user)
			if got != tt.want || by != tt.by || (err != nil) != tt.wantErr {
				t.Errorf("Membership = %q by %q, %v; want %q by %q, error %v", got, by, err, tt.want, tt.by, tt.wantErr)
			}
		})
	}
}

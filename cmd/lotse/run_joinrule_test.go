package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/id"
)

// TestRunLogsRoomOpenWithoutInvite: `lotse setup` fails a team or
// approvals room one can join without an invitation (onb31), but a room
// admin can open it after setup — one setting in Element — and the running
// bot said nothing: someone Lotse removed when their role ended joined
// again and read every case from then on. Every start now logs such a
// room at error level (thirty-first pass, mend31a); invite-only, knock, no
// rule and a failed read (a warning) do not.
func TestRunLogsRoomOpenWithoutInvite(t *testing.T) {
	rule := ""
	status := http.StatusOK
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch {
		case !strings.HasSuffix(r.URL.Path, "/state/m.room.join_rules/"):
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write([]byte(`{"errcode":"M_NOT_FOUND","error":"not found"}`))
		case status != http.StatusOK:
			w.WriteHeader(status)
			_, _ = w.Write([]byte(`{"errcode":"M_UNKNOWN","error":"boom"}`))
		case rule == "":
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write([]byte(`{"errcode":"M_NOT_FOUND","error":"not found"}`))
		default:
			_, _ = w.Write([]byte(`{"join_rule":"` + rule + `"}`))
		}
	}))
	t.Cleanup(srv.Close)
	cli, err := mautrix.NewClient(srv.URL, "@lotse:hs", "token")
	if err != nil {
		t.Fatal(err)
	}
	cli.DefaultHTTPRetries = 0
	for _, tt := range []struct {
		rule   string
		status int
		want   string // level logged, "" for nothing
	}{
		{"public", http.StatusOK, "error"},
		{"restricted", http.StatusOK, "error"},
		{"knock_restricted", http.StatusOK, "error"},
		{"invite", http.StatusOK, ""},
		{"knock", http.StatusOK, ""},
		{"private", http.StatusOK, ""},
		{"", http.StatusOK, ""},
		{"public", http.StatusInternalServerError, "warn"},
	} {
		t.Run(tt.rule+"/"+http.StatusText(tt.status), func(t *testing.T) {
			rule, status = tt.rule, tt.status
			var buf bytes.Buffer
			checkRoomJoinRule(context.Background(), cli, id.RoomID("!team:hs"), "team_room", zerolog.New(&buf))
			out := buf.String()
			switch {
			case tt.want == "" && out != "":
				t.Errorf("logged %s", out)
			case tt.want != "" && !strings.Contains(out, `"level":"`+tt.want+`"`):
				t.Errorf("want a %s line, got %q", tt.want, out)
			case tt.want == "error" && (!strings.Contains(out, `"room":"team_room"`) || !strings.Contains(out, `"join_rule":"`+tt.rule+`"`)):
				t.Errorf("the line names neither the room's key nor the rule: %s", out)
			}
		})
	}
}

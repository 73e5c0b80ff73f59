package bot

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"maunium.net/go/mautrix"
)

// syncWithAge is a sync response whose one timeline event carries age as
// its unsigned.age (raw JSON), beside a message content field named "age".
func syncWithAge(age string) string {
	return `{"next_batch":"s2","rooms":{"join":{"!r:example.org":{"timeline":{"events":[` +
		`{"type":"m.room.message","event_id":"$e","sender":"@m:remote.example","origin_server_ts":1700000000000,` +
		`"content":{"msgtype":"m.text","body":"hallo <b>","age":"not unsigned"},"unsigned":{"age":` + age + `}}]}}}}}`
}

// TestDropBadAges: only an unsigned.age that is not an integer is dropped;
// a body with integer ages is returned as it is (the same bytes).
func TestDropBadAges(t *testing.T) {
	tests := []struct {
		age     string
		dropped bool
	}{
		{`1234`, false},
		{`-5`, false},
		{` 0`, false},
		{`"5"`, true},
		{`1.5`, true},
		{`1e30`, true},
		{`{"x":1}`, true},
		{`null`, true},
		{`99999999999999999999`, true},
	}
	for _, tt := range tests {
		t.Run(tt.age, func(t *testing.T) {
			in := syncWithAge(tt.age)
			out := string(dropBadAges([]byte(in)))
			if !tt.dropped {
				if out != in {
					t.Errorf("an integer age changed the body:\n%s\n%s", in, out)
				}
				return
			}
			if strings.Contains(out, `"unsigned":{"age"`) {
				t.Errorf("age %s kept: %s", tt.age, out)
			}
			if !strings.Contains(out, `"age":"not unsigned"`) || !strings.Contains(out, `"body":"hallo <b>"`) {
				t.Errorf("the content changed: %s", out)
			}
		})
	}
	if got := string(dropBadAges([]byte(`{"age":"5"`))); got != `{"age":"5"` {
		t.Errorf("a broken body was changed: %s", got)
	}
}

// TestSyncSurvivesBadAge: a sync response with a string unsigned.age (as
// Synapse passes a hostile server's value on) is decoded through the
// guarded client. Fails without guardAges: mautrix refuses the response.
func TestSyncSurvivesBadAge(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(syncWithAge(`"5"`)))
	}))
	defer srv.Close()
	for _, guarded := range []bool{false, true} {
		cli, err := mautrix.NewClient(srv.URL, "@lotse:example.org", "token")
		if err != nil {
			t.Fatal(err)
		}
		cli.DefaultHTTPRetries = 0
		if guarded {
			cli.Client = guardAges(cli.Client)
		}
		resp, err := cli.SyncRequest(context.Background(), 0, "s1", "", false, "")
		if !guarded {
			// The premise: mautrix refuses the whole response.
			if err == nil {
				t.Error("mautrix accepted a string age itself; the guard's premise changed")
			}
			continue
		}
		if err != nil {
			t.Fatalf("guarded sync failed: %v", err)
		}
		evts := resp.Rooms.Join["!r:example.org"].Timeline.Events
		if len(evts) != 1 || evts[0].Unsigned.Age != 0 || !strings.Contains(string(evts[0].Content.VeryRaw), `"body":"hallo <b>"`) {
			t.Errorf("guarded sync: %+v", evts)
		}
	}
}

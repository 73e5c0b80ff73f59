package main

import (
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"

	"maunium.net/go/mautrix"

	"github.com/lotse-bot/lotse/internal/instance"
)

// TestDecodeMarker: a marker another Lotse version wrote (unknown fields,
// missing fields, a field of another type) never keeps Lotse from starting;
// one it cannot read counts as another run without a heartbeat.
func TestDecodeMarker(t *testing.T) {
	tests := []struct {
		name   string
		raw    string
		ok     bool
		run    string
		beatMs int64
	}{
		{name: "this version", raw: `{"instance":"i","run":"r","heartbeat_ms":5}`, ok: true, run: "r", beatMs: 5},
		{name: "newer: an unknown field", raw: `{"instance":"i","run":"r","heartbeat_ms":5,"version":"2.0"}`, ok: true, run: "r", beatMs: 5},
		{name: "older: no heartbeat", raw: `{"instance":"i","run":"r"}`, ok: true, run: "r"},
		{name: "a field of another type", raw: `{"instance":"i","run":"r","heartbeat_ms":"5"}`, ok: true, run: "unreadable"},
		{name: "not an object", raw: `[1]`, ok: true, run: "unreadable"},
		{name: "deleted (empty content)", raw: `{}`},
		{name: "null", raw: `null`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, ok, err := decodeMarker(json.RawMessage(tt.raw))
			if err != nil || ok != tt.ok || m.Run != tt.run || m.Heartbeat != tt.beatMs {
				t.Errorf("decodeMarker(%s) = %+v, %v, %v; want run %q, heartbeat %d, ok %v", tt.raw, m, ok, err, tt.run, tt.beatMs, tt.ok)
			}
		})
	}
}

// TestPermanentIfRefused: a refusal of the homeserver ends the start, an
// outage (5xx, rate limit, network) is waited for.
func TestPermanentIfRefused(t *testing.T) {
	httpErr := func(code int) error {
		return mautrix.HTTPError{Response: &http.Response{StatusCode: code}}
	}
	tests := []struct {
		err       error
		permanent bool
	}{
		{httpErr(401), true},
		{httpErr(403), true},
		{httpErr(429), false},
		{httpErr(408), false},
		{httpErr(502), false},
		{errors.New("dial tcp: connection refused"), false},
	}
	for _, tt := range tests {
		var p instance.Permanent
		got := errors.As(permanentIfRefused(tt.err), &p) && p.Permanent()
		if got != tt.permanent {
			t.Errorf("permanentIfRefused(%v) permanent = %v, want %v", tt.err, got, tt.permanent)
		}
	}
}

// TestDisplacedNoticeNamesSection: the notice in the approvals room sends
// the admin to a section of the operations guide that exists (its heading
// is English in both languages: the guide is written in English). The
// German notice named „Zwei Lotse-Prozesse auf einem Bot-Konto“, a heading
// nobody finds at 2 a.m.
func TestDisplacedNoticeNamesSection(t *testing.T) {
	guide, err := os.ReadFile("../../docs/operations.md")
	if err != nil {
		t.Fatal(err)
	}
	quoted := regexp.MustCompile(`[„“]([^„“”]+)[“”]`)
	for _, lang := range []string{"de", "en"} {
		text := displacedTexts(lang)
		m := quoted.FindAllStringSubmatch(text, -1)
		if len(m) == 0 {
			t.Fatalf("%s notice names no section: %s", lang, text)
		}
		section := m[len(m)-1][1]
		if !strings.Contains(string(guide), "\n### "+section+"\n") {
			t.Errorf("%s notice names the section %q, which docs/operations.md does not have", lang, section)
		}
	}
}

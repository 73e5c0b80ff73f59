package web

import (
	"net/http"
	"testing"
)

// TestForwardedAddress: the reader's address in X-Forwarded-For is parsed
// in the forms proxies write: IPv4 with or without port, IPv6 bare or in
// RFC 7239's brackets with or without port. Anything else is no address, so
// the reader counts as the proxy (before, a bracketed IPv6 address without
// port was not parsed, and all readers behind such a proxy shared one vote
// per guide and hour).
func TestForwardedAddress(t *testing.T) {
	tests := []struct {
		header string
		want   string // "" for no address
	}{
		{"192.0.2.1", "192.0.2.1"},
		{"192.0.2.1:4711", "192.0.2.1"},
		{" 192.0.2.1 ", "192.0.2.1"},
		{"2001:db8::1", "2001:db8::1"},
		{"[2001:db8::1]", "2001:db8::1"},
		{"[2001:db8::1]:4711", "2001:db8::1"},
		{"198.51.100.7, [2001:db8::1]", "2001:db8::1"},
		{"[fe80::1%eth0]", "fe80::1"},
		{"[fe80::1%eth0]:4711", "fe80::1"},
		{"[::ffff:192.0.2.1]", "192.0.2.1"},
		{"::ffff:192.0.2.1", "192.0.2.1"},
		{"2001:db8::1:80", "2001:db8::1:80"}, // a bare IPv6 address has no port
		{"[192.0.2.1]", ""},                  // brackets are for IPv6
		{"[192.0.2.1]:80", ""},
		{"[2001:db8::1", ""},
		{"2001:db8::1]", ""},
		{"[2001:db8::1]:", ""},
		{"[2001:db8::1]:99999", ""},
		{"[]", ""},
		{"[[2001:db8::1]]", ""},
		{"192.0.2.1:", ""},
		{"192.0.2.1:http", ""},
		{"192.0.2.1]", ""},
		{"192.0.2.256", ""},
		{"unknown", ""},
		{"_hidden", ""},
		{`"[2001:db8::1]"`, ""},
		{"example.org:80", ""},
		{"", ""},
	}
	for _, tt := range tests {
		a := forwardedFor(http.Header{"X-Forwarded-For": {tt.header}})
		got := ""
		if a.IsValid() {
			got = a.String()
		}
		if got != tt.want {
			t.Errorf("X-Forwarded-For %q: %q, want %q", tt.header, got, tt.want)
		}
	}
}

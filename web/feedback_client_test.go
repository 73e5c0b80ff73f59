package web_test

import (
	"net/http"
	"testing"

	"github.com/lotse-bot/lotse/web"
)

// TestVoteClientAddress: the once-per-reader bound of the web votes counts
// readers, not connections. Behind a reverse proxy on the same host each
// reader is the address the proxy appended to X-Forwarded-For (before,
// every reader was the proxy, and only the first vote per guide and hour
// counted); the header is ignored from any other peer (a reader could
// claim a new address per vote); an IPv6 reader is its /64.
func TestVoteClientAddress(t *testing.T) {
	type vote struct {
		remote, forwardedFor string
	}
	tests := []struct {
		name  string
		votes []vote
		want  int
	}{
		{"two readers behind a local proxy", []vote{{"127.0.0.1:4711", "192.0.2.1"}, {"127.0.0.1:4712", "192.0.2.2"}}, 2},
		{"two readers behind a local IPv6 proxy", []vote{{"[::1]:4711", "192.0.2.1"}, {"[::1]:4712", "2001:db8:1::1"}}, 2},
		{"the proxy's own entry is the last one", []vote{{"127.0.0.1:1", "198.51.100.7, 192.0.2.1"}, {"127.0.0.1:2", "198.51.100.8, 192.0.2.1"}}, 1},
		{"the last of several header lines", []vote{{"127.0.0.1:1", "198.51.100.7\x00192.0.2.1"}, {"127.0.0.1:2", "198.51.100.8\x00192.0.2.1"}}, 1},
		{"one reader twice behind a local proxy", []vote{{"127.0.0.1:1", "192.0.2.1"}, {"127.0.0.1:2", "192.0.2.1"}}, 1},
		{"a local proxy without the header", []vote{{"127.0.0.1:1", ""}, {"127.0.0.1:2", ""}}, 1},
		{"an unparsable header counts as the proxy", []vote{{"127.0.0.1:1", "unknown"}, {"127.0.0.1:2", "nix"}}, 1},
		{"spaces and a port in the proxy's entry", []vote{{"127.0.0.1:1", "198.51.100.7 , 192.0.2.1:4711 "}, {"127.0.0.1:2", "192.0.2.1"}}, 1},
		{"an empty last entry counts as the proxy", []vote{{"127.0.0.1:1", "192.0.2.1,"}, {"127.0.0.1:2", "192.0.2.2, "}}, 1},
		{"an IPv6 entry with zone and port is its /64", []vote{{"[::1]:1", "[fe80::1%eth0]:4711"}, {"[::1]:2", "fe80::2"}}, 1},
		{"bracketed IPv6 entries without port", []vote{{"127.0.0.1:1", "[2001:db8:1::1]"}, {"127.0.0.1:2", "[2001:db8:2::1]"}}, 2},
		{"bracketed IPv6 entries with and without port", []vote{{"127.0.0.1:1", "[2001:db8:1::1]:4711"}, {"127.0.0.1:2", "[2001:db8:1::2]"}}, 1},
		{"bracketed IPv4 counts as the proxy", []vote{{"127.0.0.1:1", "[192.0.2.1]"}, {"127.0.0.1:2", "[192.0.2.2]:80"}}, 1},
		{"an IPv4-mapped entry is the IPv4 reader", []vote{{"127.0.0.1:1", "::ffff:192.0.2.1"}, {"127.0.0.1:2", "192.0.2.1"}}, 1},
		{"a peer elsewhere in 127.0.0.0/8 is the local proxy", []vote{{"127.0.0.2:1", "192.0.2.1"}, {"127.0.0.2:2", "192.0.2.2"}}, 2},
		{"a remote reader's own header is ignored", []vote{{"192.0.2.1:1", "198.51.100.1"}, {"192.0.2.1:2", "198.51.100.2"}}, 1},
		{"a private peer is no trusted proxy", []vote{{"10.0.0.1:1", "198.51.100.1"}, {"10.0.0.1:2", "198.51.100.2"}}, 1},
		{"one IPv6 /64", []vote{{"[2001:db8:1:2::1]:1", ""}, {"[2001:db8:1:2:ffff::2]:1", ""}}, 1},
		{"two IPv6 /64s", []vote{{"[2001:db8:1:2::1]:1", ""}, {"[2001:db8:1:3::1]:1", ""}}, 2},
		{"IPv4-mapped IPv6 is the IPv4 reader", []vote{{"[::ffff:192.0.2.1]:1", ""}, {"192.0.2.1:2", ""}}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := &votes{}
			h, _ := newHandler(t, testLibrary, web.Options{Feedback: v})
			for _, vt := range tt.votes {
				hdr := http.Header{"Sec-Fetch-Site": {"same-origin"}}
				if vt.forwardedFor != "" {
					hdr["X-Forwarded-For"] = splitNUL(vt.forwardedFor)
				}
				if res := post(t, h, "/konto/passwort-vergessen", "hilfreich=ja", vt.remote, hdr); res.StatusCode != http.StatusSeeOther {
					t.Fatalf("vote from %s: status %d", vt.remote, res.StatusCode)
				}
			}
			if up, _ := v.count("konto/passwort-vergessen.md"); up != tt.want {
				t.Errorf("%d votes counted, want %d", up, tt.want)
			}
		})
	}
}

// splitNUL splits s at NUL bytes: several lines of one header.
func splitNUL(s string) []string {
	var out []string
	start := 0
	for i := range len(s) {
		if s[i] == 0 {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// TestFeedbackAllow: a 405 names the methods the address takes; a guide
// page with the 👍/👎 form takes POST too (before, Allow said "GET, HEAD"
// while the form posted there).
func TestFeedbackAllow(t *testing.T) {
	with, _ := newHandler(t, testLibrary, web.Options{Feedback: &votes{}})
	without, _ := newHandler(t, testLibrary, web.Options{})
	tests := []struct {
		name   string
		h      http.Handler
		target string
		want   string
	}{
		{"guide page with the form", with, "/konto/passwort-vergessen", "GET, HEAD, POST"},
		{"index with the form on", with, "/", "GET, HEAD"},
		{"search with the form on", with, "/suche", "GET, HEAD"},
		{"hidden guide with the form on", with, "/team/intern", "GET, HEAD"},
		{"guide page without the form", without, "/konto/passwort-vergessen", "GET, HEAD"},
	}
	for _, tt := range tests {
		for _, m := range []string{http.MethodOptions, http.MethodPut} {
			res := do(t, tt.h, m, tt.target, nil)
			if res.status != http.StatusMethodNotAllowed || res.header.Get("Allow") != tt.want {
				t.Errorf("%s: %s: %d, Allow %q, want 405, %q", tt.name, m, res.status, res.header.Get("Allow"), tt.want)
			}
		}
	}
}

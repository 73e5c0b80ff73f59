package web

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// LocalOnly serves only requests addressed to this machine by name: the
// Host header must be "localhost" (or a name below it) or a loopback
// address. Wrap a server on a loopback address in it (`lotse guides
// serve`): the loopback address keeps other machines out, but not a web
// page that the author opens, which can point its own host name at
// 127.0.0.1 (DNS rebinding) and then read the served guides, with
// --audiences even the team's, through the author's browser. Such a
// request carries the page's host name and gets 403, in the language
// ([TextsFor]) given.
func LocalOnly(language string, next http.Handler) http.Handler {
	refusal := TextsFor(language).LocalOnly
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !localHost(r.Host) {
			setSecurityHeaders(w.Header())
			http.Error(w, refusal, http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// localHost reports whether a Host header names this machine.
func localHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	a, err := netip.ParseAddr(host)
	return err == nil && a.Unmap().IsLoopback()
}

package web

import (
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"
)

// "War das hilfreich? 👍/👎" on a guide's page is a plain form POST to the
// guide's own address (no script). What stands against abuse:
//   - cross-site requests are refused (net/http's CrossOriginProtection:
//     Sec-Fetch-Site, else Origin against Host), so another site cannot
//     make its visitors vote;
//   - the body is at most maxVoteBody bytes and must be exactly one of the
//     two answers, for a guide the page shows;
//   - all votes together pass a token bucket (voteBurst, then one per
//     voteEvery), and one client address votes on a guide once per
//     voteWindow (see clientOf for what "client address" means behind a
//     proxy and for IPv6). The address is held in memory only, for that
//     window (forgotten by the next vote after it or by a timer, see
//     sweep), and never stored or logged: the counters carry no personal
//     data.
// The answer is a redirect back to the page with "#danke" or "#schade",
// which the stylesheet shows (:target).

const (
	maxVoteBody   = 256
	voteBurst     = 30
	voteEvery     = 2 * time.Second
	voteWindow    = time.Hour
	maxVoteMemory = 10_000
)

// voteGuard bounds how many votes are counted.
type voteGuard struct {
	csrf *http.CrossOriginProtection

	mu     sync.Mutex
	tokens float64
	last   time.Time
	seen   map[string]time.Time // client and guide → when
	order  []seenVote           // seen's entries, oldest first
	timer  *time.Timer          // runs sweep while order is not empty
	now    func() time.Time
}

// sweep forgets the expired entries when no vote comes to do it and runs
// again when the oldest one left expires.
func (g *voteGuard) sweep() {
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.now()
	g.forget(now)
	if len(g.order) == 0 {
		g.timer = nil
		return
	}
	g.timer.Reset(g.order[0].at.Add(voteWindow).Sub(now))
}

// seenVote is an entry of voteGuard.seen in the order it was made.
type seenVote struct {
	key string
	at  time.Time
}

// forget drops the entries older than voteWindow, so that a reader's
// address is held for that window only, not until the memory fills up
// (on a quiet site: for as long as the process runs).
func (g *voteGuard) forget(now time.Time) {
	for len(g.order) > 0 && now.Sub(g.order[0].at) >= voteWindow {
		if at, ok := g.seen[g.order[0].key]; ok && at.Equal(g.order[0].at) {
			delete(g.seen, g.order[0].key)
		}
		g.order[0] = seenVote{} // no address stays behind in the array
		g.order = g.order[1:]
	}
	if len(g.order) == 0 {
		g.order = nil // start a fresh array
	}
}

func newVoteGuard() *voteGuard {
	return &voteGuard{csrf: http.NewCrossOriginProtection(), tokens: voteBurst, seen: map[string]time.Time{}, now: time.Now}
}

// allow reports whether a vote of client on guide may count now.
func (g *voteGuard) allow(client, guide string) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.now()
	if !g.last.IsZero() {
		g.tokens = min(voteBurst, g.tokens+now.Sub(g.last).Seconds()/voteEvery.Seconds())
	}
	g.last = now
	g.forget(now)
	key := client + "\x00" + guide
	if _, ok := g.seen[key]; ok {
		return false
	}
	if g.tokens < 1 {
		return false
	}
	g.tokens--
	if len(g.seen) >= maxVoteMemory {
		clear(g.seen) // a flood: forget rather than grow
		clear(g.order)
		g.order = nil
	}
	g.seen[key] = now
	g.order = append(g.order, seenVote{key: key, at: now})
	if g.timer == nil {
		g.timer = time.AfterFunc(voteWindow, g.sweep)
	}
	return true
}

// vote counts a 👍/👎 posted from a guide's page.
func (h *Handler) vote(w http.ResponseWriter, r *http.Request) {
	if err := h.votes.csrf.Check(r); err != nil {
		http.Error(w, h.texts.VoteForeign, http.StatusForbidden)
		return
	}
	sp, err := h.pages(h.src.Current())
	if err != nil {
		h.opts.Log.Err(err).Msg("Failed to render the web view")
		http.Error(w, h.texts.InternalError, http.StatusInternalServerError)
		return
	}
	rel, ok := h.relPath(r)
	g, found := sp.site.byPath[rel]
	if !ok || !found {
		h.notFound(w, r, sp)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxVoteBody)
	if err := r.ParseForm(); err != nil {
		http.Error(w, h.texts.VoteInvalid, http.StatusBadRequest)
		return
	}
	var helpful bool
	switch r.PostForm.Get("hilfreich") {
	case "ja":
		helpful = true
	case "nein":
	default:
		http.Error(w, h.texts.VoteInvalid, http.StatusBadRequest)
		return
	}
	target := serverLinks(h.prefix).Guide(g.ID) + "#schade"
	if helpful {
		target = serverLinks(h.prefix).Guide(g.ID) + "#danke"
	}
	if !h.votes.allow(clientOf(r), g.ID) {
		// Said thanks all the same: a repeated vote simply does not count.
		h.redirectSeeOther(w, target)
		return
	}
	if err := h.opts.Feedback.WebVote(r.Context(), g.ID, helpful); err != nil {
		h.opts.Log.Err(err).Msg("Failed to count a vote from the web view")
		http.Error(w, h.texts.VoteFailed, http.StatusServiceUnavailable)
		return
	}
	h.redirectSeeOther(w, target)
}

func (h *Handler) redirectSeeOther(w http.ResponseWriter, to string) {
	w.Header().Set("Location", to)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusSeeOther)
}

// clientOf is the reader's address for the per-reader bound, without port.
// An IPv6 address counts by its /64: one connection gets a whole /64, so
// single addresses would let one reader vote again and again. Behind a
// reverse proxy on the same host (the peer is a loopback address) it is
// the address the proxy appended to X-Forwarded-For last; without that
// header every reader shares the proxy's address. X-Forwarded-For from any
// other peer is ignored: a reader could write anything there.
func clientOf(r *http.Request) string {
	peer := addrOf(r.RemoteAddr)
	if peer.IsValid() && peer.IsLoopback() {
		if fwd := forwardedFor(r.Header); fwd.IsValid() {
			peer = fwd
		}
	}
	if !peer.IsValid() {
		return strings.TrimSpace(r.RemoteAddr)
	}
	if peer.Is6() {
		if prefix, err := peer.Prefix(64); err == nil {
			return prefix.String()
		}
	}
	return peer.String()
}

// addrOf parses an address as a peer or a proxy writes it: "v4",
// "v4:port", "[v6]", "[v6]:port" or a bare "v6" (RFC 7239's Forwarded
// brackets IPv6 addresses, and some proxies write them into
// X-Forwarded-For too). Anything else is invalid. IPv4-mapped IPv6
// addresses become IPv4 and zones are dropped.
func addrOf(s string) netip.Addr {
	s = strings.TrimSpace(s)
	var a netip.Addr
	if inner, ok := strings.CutPrefix(s, "["); ok && strings.HasSuffix(inner, "]") {
		v6, err := netip.ParseAddr(strings.TrimSuffix(inner, "]"))
		if err != nil || !v6.Is6() {
			return netip.Addr{} // brackets are for IPv6 only
		}
		a = v6
	} else if ap, err := netip.ParseAddrPort(s); err == nil {
		a = ap.Addr()
	} else if a, err = netip.ParseAddr(s); err != nil {
		return netip.Addr{}
	}
	return a.Unmap().WithZone("")
}

// forwardedFor is the last address in the X-Forwarded-For headers: the one
// the nearest proxy appended (earlier ones are the reader's own claims).
func forwardedFor(h http.Header) netip.Addr {
	vals := h.Values("X-Forwarded-For")
	if len(vals) == 0 {
		return netip.Addr{}
	}
	last := vals[len(vals)-1]
	if i := strings.LastIndexByte(last, ','); i >= 0 {
		last = last[i+1:]
	}
	return addrOf(last)
}

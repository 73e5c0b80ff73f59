package web

import (
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// TestVoteGuardForgetsAddresses: a reader's address is held for
// voteWindow only – forgotten by a later vote, and on a quiet site, where
// no vote follows, by the guard's timer – and the same reader may vote on
// the guide again afterwards. Before, addresses stayed until 10,000 had
// gathered: on a quiet site for as long as the process ran.
func TestVoteGuardForgetsAddresses(t *testing.T) {
	holds := func(g *voteGuard, addr string) bool {
		g.mu.Lock()
		defer g.mu.Unlock()
		for k := range g.seen {
			if strings.HasPrefix(k, addr+"\x00") {
				return true
			}
		}
		for _, o := range g.order {
			if strings.HasPrefix(o.key, addr+"\x00") {
				return true
			}
		}
		return false
	}
	t.Run("a later vote", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			g := newVoteGuard()
			if !g.allow("192.0.2.1", "a.md") {
				t.Fatal("first vote refused")
			}
			time.Sleep(voteWindow / 2)
			if g.allow("192.0.2.1", "a.md") {
				t.Fatal("a second vote within the window counted")
			}
			if !g.allow("192.0.2.2", "a.md") {
				t.Fatal("another reader's vote refused")
			}
			time.Sleep(voteWindow/2 + time.Second)
			if !g.allow("192.0.2.3", "b.md") {
				t.Fatal("a third reader's vote refused")
			}
			if holds(g, "192.0.2.1") {
				t.Error("the first reader's address is still held after the window")
			}
			if !holds(g, "192.0.2.2") || !holds(g, "192.0.2.3") {
				t.Error("an address within its window was forgotten")
			}
			if !g.allow("192.0.2.1", "a.md") {
				t.Error("the first reader may not vote again after the window")
			}
		})
	})
	t.Run("a quiet site", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			g := newVoteGuard()
			g.allow("192.0.2.1", "a.md")
			time.Sleep(time.Minute)
			g.allow("2001:db8::/64", "a.md")
			time.Sleep(voteWindow - time.Minute + time.Second)
			synctest.Wait()
			if holds(g, "192.0.2.1") {
				t.Error("the address is still held an hour later with no vote since")
			}
			if !holds(g, "2001:db8::/64") {
				t.Error("the second address was forgotten before its window ended")
			}
			time.Sleep(time.Minute)
			synctest.Wait()
			if holds(g, "2001:db8::/64") {
				t.Error("the second address is still held after its window")
			}
			g.mu.Lock()
			defer g.mu.Unlock()
			if g.timer != nil || len(g.seen) != 0 || len(g.order) != 0 {
				t.Errorf("not empty: timer %v, %d seen, %d in order", g.timer != nil, len(g.seen), len(g.order))
			}
		})
	})
}

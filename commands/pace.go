package commands

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/hashicorp/golang-lru/v2/simplelru"
	"golang.org/x/time/rate"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// What a member addresses to Lotse — a question, a command, „hilfe“, in
// their direct chat or mentioning Lotse in a group room — costs a search
// of the library or a command's reads, and one reply each; in a group
// room every reply is a message in the room for everyone in it. Nothing
// bounded how many one person may send: a script (or another bot) that
// mentioned Lotse 1,000 times in a public room got 1,000 replies there,
// and a member who opened ten rooms with Lotse used ten of its workers
// at once, the other members' answers waiting behind them (thirty-fifth
// pass, amp35). Now each sender has a token bucket
// (golang.org/x/time/rate) for all rooms together: paceBurst messages at
// once, then one more every paceEvery. A message beyond it is not
// answered; the first one is answered, at most once per paceToldEvery,
// with Texts.TooFast, which asks for the question again a minute later.
//
// Accounts cost a homeserver nothing: a server that joins 1,000 accounts
// to a public room where Lotse sits had 1,000 buckets. As with the join
// budget of invites (bot/invites.go), senders of other servers than
// Lotse's own also share a bucket per server (paceServerBurst, then one
// per paceServerEvery) and one for all other servers together
// (paceForeignBurst, then one per paceForeignEvery): server names cost
// nothing either. Lotse's own server (the admin's accounts) is paced per
// sender only, so its members keep being answered in a storm; so are the
// servers the admin trusts (Deps.PacedServers: those named in
// allowed_inviters, which lift the invites' join budget too, mend35b). A message
// refused by a server's bucket is told with Texts.TooBusy at most once
// per paceToldEvery per bucket — one notice per storm, not one per
// account.
//
// Not bounded here: a member's messages in their open support case and
// the answers of a dialogue (access request, case offer) — they are
// handled before (support, access) and are the member's words to the
// team, never dropped; the team room's commands and notes (the team
// role); and anywhere, whoever the team chose — an admin or approver of
// the config, or someone holding a role (unpaced, mend35b): a storm of
// other servers must not lock the team and the approvers of those
// servers out with everyone there. Each command keeps its own bounds
// (requests, cases, links a day).
//
// The buckets live in memory: a restart fills them again (the worst case
// is one more burst of each per restart, and a member cannot restart
// Lotse). At most maxPaceKeys senders and as many servers are kept
// (golang-lru's simplelru); one forgotten when full starts with a full
// bucket, nothing worse.
const (
	paceBurst        = 20
	paceEvery        = 6 * time.Second
	paceServerBurst  = 60
	paceServerEvery  = 3 * time.Second
	paceForeignBurst = 200
	paceForeignEvery = time.Second
	paceToldEvery    = 10 * time.Minute
	maxPaceKeys      = 8192
)

// paceGate holds the buckets of what Lotse answers, and the decisions
// taken per event. Safe for concurrent use.
type paceGate struct {
	mu      sync.Mutex
	senders *simplelru.LRU[id.UserID, *paceOf]
	servers *simplelru.LRU[string, *paceOf]
	foreign *paceOf
	// trusted are the other servers paced per sender only (Deps.PacedServers).
	trusted map[string]bool
	// decided is the decision taken for each recent event: the same event
	// handled again (a retry after a failure or a crash, the runtime's
	// replay) gets the same decision and takes no second token, so that
	// it sends what it sent before (the same transaction IDs), never an
	// answer first and „zu schnell“ the second time.
	decided *simplelru.LRU[id.EventID, paceDecision]
}

// paceOf is one bucket and when a refusal by it was last told.
type paceOf struct {
	lim  *rate.Limiter
	told time.Time
}

func newPaceOf(every time.Duration, burst int) *paceOf {
	return &paceOf{lim: rate.NewLimiter(rate.Every(every), burst)}
}

// tell reports whether a refusal by p at now is to be told (the first,
// then at most once per paceToldEvery) and notes it if so.
func (p *paceOf) tell(now time.Time) bool {
	if !p.told.IsZero() && now.Sub(p.told) < paceToldEvery && !now.Before(p.told) {
		return false
	}
	p.told = now
	return true
}

// paceDecision is what take decided for one event: answered, or refused
// and told Texts.TooFast (the sender's own bucket) or Texts.TooBusy (their
// server's), or neither.
type paceDecision struct{ ok, tooFast, tooBusy bool }

func newPaceGate(trusted []string) *paceGate {
	senders, _ := simplelru.NewLRU[id.UserID, *paceOf](maxPaceKeys, nil) // errs only on a size ≤ 0
	servers, _ := simplelru.NewLRU[string, *paceOf](maxPaceKeys, nil)
	decided, _ := simplelru.NewLRU[id.EventID, paceDecision](maxPaceKeys, nil)
	p := &paceGate{senders: senders, servers: servers, decided: decided,
		foreign: newPaceOf(paceForeignEvery, paceForeignBurst), trusted: map[string]bool{}}
	for _, server := range trusted {
		p.trusted[server] = true
	}
	return p
}

// take decides whether evt of sender at now is answered, taking a token of
// each bucket the sender counts against if so; home is Lotse's own server
// (its senders are paced per sender only); direct says evt came in a
// direct chat. An event decided before gets the same decision again. A
// nil gate answers everything.
func (p *paceGate) take(sender id.UserID, home string, direct bool, evt id.EventID, now time.Time) paceDecision {
	if p == nil {
		return paceDecision{ok: true}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if d, seen := p.decided.Get(evt); seen {
		return d
	}
	d := p.decide(sender, home, direct, now)
	p.decided.Add(evt, d)
	return d
}

// decide takes a token of every bucket sender counts against at now, or
// none. Called with mu held.
//
// A refusal by a server's bucket is told once per bucket and storm — in
// a public room one notice, not one per account. In a direct chat that
// left the member of another server without a word: the one notice went
// to whoever was refused first, most often the script's own account, and
// every other member's question there went unanswered and untold
// (mend35b). There the sender is told once per paceToldEvery as well:
// the notice reaches them alone, and the direct chats Lotse joins from
// other servers are bounded by the invites' join budget (bot/invites.go).
func (p *paceGate) decide(sender id.UserID, home string, direct bool, now time.Time) paceDecision {
	own, found := p.senders.Get(sender)
	if !found {
		own = newPaceOf(paceEvery, paceBurst)
		p.senders.Add(sender, own)
	}
	buckets := []*paceOf{own}
	if server := sender.Homeserver(); server != home && !p.trusted[server] {
		s, found := p.servers.Get(server)
		if !found {
			s = newPaceOf(paceServerEvery, paceServerBurst)
			p.servers.Add(server, s)
		}
		buckets = append(buckets, s, p.foreign)
	}
	var taken []*rate.Reservation
	for i, b := range buckets {
		r := b.lim.ReserveN(now, 1)
		if r.OK() && r.DelayFrom(now) == 0 {
			taken = append(taken, r)
			continue
		}
		r.CancelAt(now)
		for _, t := range taken {
			t.CancelAt(now)
		}
		if i == 0 {
			return paceDecision{tooFast: own.tell(now)}
		}
		told := b.tell(now)
		if direct {
			told = own.tell(now) || told
		}
		return paceDecision{tooBusy: told}
	}
	return paceDecision{ok: true}
}

// Paced reports whether h bounds what one sender and other servers have
// answered (Deps.Paced; the bot's wiring tests it).
func (h *Handler) Paced() bool { return h.pace != nil }

// unpaced reports whether sender's messages pass by the pace: an admin or
// approver of the config, or someone holding a role in the role log
// (team, approver, coordinator; active, pending or paused — not
// removed). The buckets of other servers are shared by everyone there:
// a script of a few accounts on a few servers (server names cost nothing)
// mentioning Lotse about once a second keeps the bucket of all other
// servers empty for as long as it runs, and before this every member of
// another server — the team members and approvers among them, an
// approver's „!genehmigen“ in the approvals room, a team member's
// gate dialogue — was refused with them, most without a word (the notice
// is once per storm), mend35b. The team has chosen these people; they
// are bounded as in the team room (not at all). Read only when the pace
// is on: one indexed read per addressed message, which costs a search
// or a command's reads anyway.
func (h *Handler) unpaced(ctx context.Context, sender id.UserID) (bool, error) {
	if h.pace == nil {
		return true, nil
	}
	if slices.Contains(h.Roles.Admins, sender) || slices.Contains(h.Access.Approvers, sender) {
		return true, nil
	}
	roles, err := h.DB.Roles().Of(ctx, sender.String())
	if err != nil {
		return false, fmt.Errorf("failed to read the roles for the pace: %w", err)
	}
	return slices.ContainsFunc(roles, func(r storage.MemberRole) bool { return r.Status != storage.RoleRemoved }), nil
}

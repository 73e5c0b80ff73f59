package commands

import (
	"sync"
	"time"

	"github.com/hashicorp/golang-lru/v2/simplelru"
	"golang.org/x/time/rate"
	"maunium.net/go/mautrix/id"
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
// Not bounded here: a member's messages in their open support case and
// the answers of a dialogue (access request, case offer) — they are
// handled before (support, access) and are the member's words to the
// team, never dropped; the team room's commands and notes (the team
// role). Each command keeps its own bounds (requests, cases, links a day).
//
// The buckets live in memory: a restart fills them again (the worst case
// is paceBurst more replies per restart, and a member cannot restart
// Lotse). At most maxPaceKeys senders are kept (golang-lru's simplelru);
// one forgotten when full starts with a full bucket, nothing worse.
const (
	paceBurst     = 20
	paceEvery     = 6 * time.Second
	paceToldEvery = 10 * time.Minute
	maxPaceKeys   = 8192
)

// paceGate holds the per-sender buckets of what Lotse answers, and the
// decisions taken per event. Safe for concurrent use.
type paceGate struct {
	mu      sync.Mutex
	senders *simplelru.LRU[id.UserID, *paceOf]
	// decided is the decision taken for each recent event: the same event
	// handled again (a retry after a failure or a crash, the runtime's
	// replay) gets the same decision and takes no second token, so that
	// it sends what it sent before (the same transaction IDs), never an
	// answer first and „zu schnell“ the second time.
	decided *simplelru.LRU[id.EventID, paceDecision]
}

// paceOf is one sender's bucket and when they were last told
// Texts.TooFast.
type paceOf struct {
	lim  *rate.Limiter
	told time.Time
}

// paceDecision is what take decided for one event.
type paceDecision struct{ ok, tell bool }

func newPaceGate() *paceGate {
	senders, _ := simplelru.NewLRU[id.UserID, *paceOf](maxPaceKeys, nil) // errs only on a size ≤ 0
	decided, _ := simplelru.NewLRU[id.EventID, paceDecision](maxPaceKeys, nil)
	return &paceGate{senders: senders, decided: decided}
}

// take reports whether evt of sender at now is answered, and takes a
// token if so. When not, tell says whether the sender is to be told so
// (Texts.TooFast): the first refusal, then at most once per
// paceToldEvery. An event decided before gets the same decision again.
func (p *paceGate) take(sender id.UserID, evt id.EventID, now time.Time) (ok, tell bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if d, seen := p.decided.Get(evt); seen {
		return d.ok, d.tell
	}
	d := p.decide(sender, now)
	p.decided.Add(evt, d)
	return d.ok, d.tell
}

// decide takes a token of sender's bucket at now, or tells whether the
// refusal is to be told. Called with mu held.
func (p *paceGate) decide(sender id.UserID, now time.Time) paceDecision {
	s, found := p.senders.Get(sender)
	if !found {
		s = &paceOf{lim: rate.NewLimiter(rate.Every(paceEvery), paceBurst)}
		p.senders.Add(sender, s)
	}
	if s.lim.AllowN(now, 1) {
		return paceDecision{ok: true}
	}
	if !s.told.IsZero() && now.Sub(s.told) < paceToldEvery && !now.Before(s.told) {
		return paceDecision{}
	}
	s.told = now
	return paceDecision{tell: true}
}

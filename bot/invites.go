package bot

import (
	"slices"
	"strings"
	"sync"
	"time"

	"maunium.net/go/mautrix/id"
)

// An invite storm: whoever may invite Lotse (allowed_inviters; empty lets
// everyone on every server in) could make it join any number of rooms, one
// join per invite, and Lotse stays in each of them, every sync carrying
// them (hs25). joinBudget bounds the rooms joined through invites in a
// day: per inviter, and per server Lotse does not know, neither its own
// (whose accounts the admin controls) nor one named in allowed_inviters
// (which the admin chose to trust): such a server, let in by an empty
// allowed_inviters, "*" or one person's ID, makes new accounts at will.
// An invite beyond it is declined like one from someone not
// allowed; invites into configured rooms (team, approvals, announcement
// and lobby rooms) always count as allowed. The budget is kept in memory:
// a restart starts it anew.
//
// All unknown servers together share one more budget (mend25b): server
// names cost an attacker nothing (a wildcard DNS entry and certificate
// give any number of them), so per server alone did not bound the rooms
// joined, nor the memory of this count. Lotse's own server and named
// servers do not count against it: their members keep being served in a
// storm, and the admin lifts the limits for another server by naming it
// in allowed_inviters.
const (
	joinsPerInviter       = 10
	joinsPerServer        = 30
	joinsPerUnknownServer = 100 // all unknown servers together
	joinWindow            = 24 * time.Hour
	// maxJoinKeys makes a take forget the inviters and servers with no
	// join in the window once more are kept.
	maxJoinKeys = 256
	// maxWarnKeys bounds the keys remembered for logging (warn): beyond
	// it, within a day, declined invites are logged at debug level only.
	maxWarnKeys = 1024
	// unknownServersKey is the budget of all unknown servers together.
	unknownServersKey = "*unknown servers"
)

// joinBudget counts the rooms joined through invites, per inviter and per
// foreign server, over the last joinWindow.
type joinBudget struct {
	mu     sync.Mutex
	joins  map[string][]budgetJoin // by inviter ("@…") or server (":…"), oldest first
	warned map[string]time.Time    // when declined invites under a key were last logged (warn)
}

// budgetJoin is one room joined through an invite, and when.
type budgetJoin struct {
	room id.RoomID
	at   time.Time
}

// keys are the budgets an invite by inviter counts against: the inviter's
// and, for a server Lotse does not know, that server's.
func (j *joinBudget) keys(inviter id.UserID, known bool) []string {
	keys := []string{inviter.String()}
	if !known {
		keys = append(keys, ":"+inviter.Homeserver(), unknownServersKey)
	}
	return keys
}

// allows reports whether a join of room by inviter's invite fits the budget
// at now, and the budget that is used up if not. A room joined through
// this inviter's invite in the window always fits: a second invite item for
// it (a reset sync's, or one from a later batch) must not be declined, which
// would leave the room just joined.
func (j *joinBudget) allows(inviter id.UserID, known bool, room id.RoomID, now time.Time) (bool, string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	keys := j.keys(inviter, known)
	if slices.ContainsFunc(j.recent(keys[0], now), func(b budgetJoin) bool { return b.room == room }) {
		return true, ""
	}
	for _, key := range keys {
		limit := joinsPerInviter
		switch key[0] {
		case ':':
			limit = joinsPerServer
		case '*':
			limit = joinsPerUnknownServer
		}
		if len(j.recent(key, now)) >= limit {
			return false, key
		}
	}
	return true, ""
}

// record notes a join of room through inviter's invite at now (once per
// room and inviter in the window).
func (j *joinBudget) record(inviter id.UserID, known bool, room id.RoomID, now time.Time) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.joins == nil {
		j.joins = map[string][]budgetJoin{}
	}
	if len(j.joins) > maxJoinKeys {
		for key := range j.joins {
			j.recent(key, now)
		}
	}
	keys := j.keys(inviter, known)
	if slices.ContainsFunc(j.recent(keys[0], now), func(b budgetJoin) bool { return b.room == room }) {
		return
	}
	for _, key := range keys {
		j.joins[key] = append(j.recent(key, now), budgetJoin{room, now})
	}
}

// warn reports whether the declined invites under key (a used-up budget,
// or an inviter not allowed) are logged at info or warning level at now:
// once per joinWindow, so that a storm is one line, not one per invite.
func (j *joinBudget) warn(key string, now time.Time) bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.warned == nil {
		j.warned = map[string]time.Time{}
	}
	if at, ok := j.warned[key]; ok && now.Sub(at) < joinWindow && !now.Before(at) {
		return false
	}
	if len(j.warned) > maxJoinKeys {
		for k, at := range j.warned {
			if now.Sub(at) >= joinWindow {
				delete(j.warned, k)
			}
		}
	}
	if len(j.warned) >= maxWarnKeys {
		// A storm of distinct inviters (each costs an attacker one
		// invite): neither this map nor the log grows with it.
		return false
	}
	j.warned[key] = now
	return true
}

// knownServer reports whether the server of inviter is Lotse's own (own)
// or named in allowed (as "example.org", ":example.org" or
// "*:example.org"; a user ID names a person, not a server).
func knownServer(inviter id.UserID, own string, allowed []string) bool {
	server := inviter.Homeserver()
	if server == own {
		return true
	}
	for _, a := range allowed {
		a = strings.TrimSpace(a)
		if a != "" && a != "*" && !strings.HasPrefix(a, "@") && strings.TrimPrefix(strings.TrimPrefix(a, "*"), ":") == server {
			return true
		}
	}
	return false
}

// recent drops key's joins older than joinWindow and returns the rest
// (under mu).
func (j *joinBudget) recent(key string, now time.Time) []budgetJoin {
	joins := j.joins[key]
	i := 0
	for i < len(joins) && now.Sub(joins[i].at) >= joinWindow {
		i++
	}
	joins = joins[i:]
	if len(joins) == 0 {
		delete(j.joins, key)
		return nil
	}
	j.joins[key] = joins
	return joins
}

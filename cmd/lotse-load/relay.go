package main

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/internal/chatclient"
	"github.com/lotse-bot/lotse/internal/dendrite"
)

// relayBot is the reference for Lotse's support relay: the least a mautrix
// bot does to pass a member's message from an encrypted DM into a thread of
// the team room (as Honoroit does: one thread per member) — cryptohelper,
// join on invite, one send per message, thread roots kept in memory only,
// nothing stored, nothing retried after a crash. Whatever Lotse's
// relay costs beyond it is the price of its durability (inbox, exactly-once
// sends, the case record).
type relayBot struct{ *refBot }

// startRelay logs in as userID and relays every text from a room other
// than teamRoom into teamRoom as a notice "<sender>: <text>".
func startRelay(ctx context.Context, homeserverURL string, userID id.UserID, password, dir string, teamRoom id.RoomID) (*relayBot, error) {
	b, err := newRefBot(ctx, "relay", homeserverURL, userID, password, dir)
	if err != nil {
		return nil, err
	}
	cli, syncCtx, syncer := b.cli, b.syncCtx, b.syncer()
	var (
		mu      sync.Mutex
		threads = map[id.RoomID]chan id.EventID{} // thread root per member room, once known
	)
	// root returns the member room's thread root, creating it on the first message.
	root := func(roomID id.RoomID, sender id.UserID) id.EventID {
		mu.Lock()
		ch, ok := threads[roomID]
		if !ok {
			ch = make(chan id.EventID, 1)
			threads[roomID] = ch
		}
		mu.Unlock()
		if !ok {
			resp, err := cli.SendMessageEvent(syncCtx, teamRoom, event.EventMessage,
				&event.MessageEventContent{MsgType: event.MsgNotice, Body: "Neue Anfrage von " + sender.String()})
			var rootID id.EventID
			if err == nil {
				rootID = resp.EventID
			}
			ch <- rootID
			return rootID
		}
		rootID := <-ch
		ch <- rootID
		return rootID
	}
	syncer.OnEventType(event.EventMessage, func(ctx context.Context, evt *event.Event) {
		if evt.Sender == userID || evt.RoomID == teamRoom {
			return
		}
		msg := evt.Content.AsMessage()
		if msg == nil || msg.MsgType == event.MsgNotice {
			return
		}
		go func() {
			content := &event.MessageEventContent{MsgType: event.MsgNotice, Body: evt.Sender.String() + ": " + msg.Body}
			if rootID := root(evt.RoomID, evt.Sender); rootID != "" {
				content.RelatesTo = (&event.RelatesTo{}).SetThread(rootID, rootID)
			}
			_, _ = cli.SendMessageEvent(syncCtx, teamRoom, event.EventMessage, content,
				mautrix.ReqSendEvent{TransactionID: "relay." + evt.ID.String()})
		}()
	})
	b.start()
	return &relayBot{b}, nil
}

// relayEnv is the team room both relays post into, watched by a team member.
type relayEnv struct {
	team     *chatclient.Client
	room     id.RoomID
	relayID  id.UserID
	relayPw  string
	relayBot *relayBot
}

// newRelayEnv registers a team member and the relay bot's account; the
// team member creates the encrypted team room and invites both bots.
func newRelayEnv(ctx context.Context, srv *dendrite.Server, dir string, lotseID id.UserID) (*relayEnv, error) {
	local := dendrite.UniqueLocalpart("relay")
	relayID, err := srv.RegisterUser(ctx, local, "pw-"+local, false)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	teamLocal := dendrite.UniqueLocalpart("team")
	teamID, err := srv.RegisterUser(ctx, teamLocal, "pw-"+teamLocal, false)
	if err != nil {
		return nil, err
	}
	team, err := chatclient.New(ctx, chatclient.Options{HomeserverURL: srv.URL, UserID: teamID, Password: "pw-" + teamLocal, DataDir: dir, Log: zerolog.Nop()})
	if err != nil {
		return nil, err
	}
	room, err := team.CreateRoom(ctx, "Digitalisierungsteam", true, lotseID, relayID)
	if err != nil {
		team.Close()
		return nil, err
	}
	return &relayEnv{team: team, room: room, relayID: relayID, relayPw: "pw-" + local}, nil
}

func (e *relayEnv) close() {
	if e.relayBot != nil {
		e.relayBot.close()
	}
	e.team.Close()
}

// relayMember is a member's DM with the relay bot and their open case with Lotse.
type relayMember struct {
	*member
	relayRoom id.RoomID
}

// prepareRelay opens each member's DM with the relay bot and a support
// case with Lotse (8 members at a time), and warms both relays up: the
// first relayed message (Olm session, room keys) is not measured.
func prepareRelay(ctx context.Context, e *relayEnv, members []*member, lotseID id.UserID) ([]*relayMember, error) {
	out := make([]*relayMember, len(members))
	sem := make(chan struct{}, 8)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	for i, m := range members {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			rm, err := prepareRelayMember(ctx, e, m, lotseID, i)
			mu.Lock()
			defer mu.Unlock()
			if err != nil && firstErr == nil {
				firstErr = err
			}
			out[i] = rm
		}()
	}
	wg.Wait()
	return out, firstErr
}

func prepareRelayMember(ctx context.Context, e *relayEnv, m *member, lotseID id.UserID, i int) (*relayMember, error) {
	c := m.c
	wctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	roomID, err := c.OpenDM(wctx, e.relayID, true)
	if err != nil {
		return nil, err
	}
	if err := c.WaitJoined(wctx, roomID, e.relayID); err != nil {
		return nil, fmt.Errorf("relay bot did not join: %w", err)
	}
	rm := &relayMember{member: m, relayRoom: roomID}
	// Open a case with Lotse: "!ticket …", then confirm.
	for _, text := range []string{fmt.Sprintf("!ticket Messung %d: meine Nachrichten sollen ins Team", i), "ja"} {
		evtID, _, err := m.send(wctx, m.lotseRoom, text)
		if err != nil {
			return nil, err
		}
		if _, err := c.Wait(wctx, m.lotseRoom, lotseID, chatclient.ReplyTo(evtID)); err != nil {
			return nil, fmt.Errorf("no answer to %q: %w", text, err)
		}
	}
	for _, bot := range []struct {
		id   id.UserID
		room id.RoomID
	}{{lotseID, m.lotseRoom}, {e.relayID, roomID}} {
		token := fmt.Sprintf("warmup-%s-%s", bot.id.Localpart(), c.Cli.UserID.Localpart())
		if _, _, err := m.send(wctx, bot.room, "Aufwärmen "+token); err != nil {
			return nil, err
		}
		if _, err := e.team.Wait(wctx, e.room, bot.id, bodyContains(token)); err != nil {
			return nil, fmt.Errorf("warm-up message not relayed by %s: %w", bot.id, err)
		}
	}
	return rm, nil
}

func bodyContains(s string) func(*event.Event) bool {
	return func(evt *event.Event) bool {
		mc := evt.Content.AsMessage()
		return mc != nil && strings.Contains(mc.Body, s)
	}
}

// runRelayPhase lets every member send perMember messages into room(m), one
// after the other (send, wait until it shows in the team room, next), all
// members at the same time. Latency is from the send until the team member
// sees the relayed message.
func runRelayPhase(ctx context.Context, name string, e *relayEnv, members []*relayMember, room func(*relayMember) id.RoomID, botID id.UserID, perMember, round int) *phase {
	p := &phase{name: name, botID: botID, members: len(members), perMember: perMember}
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := time.Now()
	for mi, m := range members {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perMember {
				if ctx.Err() != nil {
					return
				}
				token := fmt.Sprintf("tok-%s-r%d-m%d-%d", botID.Localpart(), round, mi, i)
				q := &question{m: m.member, room: e.room, sentAt: time.Now(), label: token}
				evtID, retried, err := m.send(ctx, room(m), "Noch ein Detail zu meinem Fall: "+token)
				if err != nil {
					mu.Lock()
					p.sendErrs++
					mu.Unlock()
					continue
				}
				q.id, q.retried = evtID, retried
				mu.Lock()
				p.qs = append(p.qs, q)
				mu.Unlock()
				wctx, cancel := context.WithTimeout(ctx, 60*time.Second)
				relayed, err := e.team.Wait(wctx, e.room, botID, bodyContains(token))
				cancel()
				if err == nil {
					mu.Lock()
					q.answeredAt = time.Now()
					q.serverAt = time.UnixMilli(relayed.Timestamp)
					q.answers = 1
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	p.wall = time.Since(start)
	return p
}

// runRelay opens the cases and measures both relays in alternating rounds
// (reference, Lotse, Lotse, reference, …), then counts every relayed copy.
func runRelay(ctx context.Context, rep *Report, e *relayEnv, members []*member, lotseID id.UserID, o Options, logf func(string, ...any)) error {
	logf("relay run: opening %d cases and DMs with the relay bot", len(members))
	rms, err := prepareRelay(ctx, e, members, lotseID)
	if err != nil {
		return err
	}
	rep.RelayRef = &phase{name: "relay (reference)", botID: e.relayID, members: len(rms), perMember: o.Relay}
	rep.RelayLotse = &phase{name: "lotse (case relay)", botID: lotseID, members: len(rms), perMember: o.Relay}
	rounds := max(1, min(o.Rounds, o.Relay))
	for r := range rounds {
		n := o.Relay / rounds
		if r < o.Relay%rounds {
			n++
		}
		order := []*phase{rep.RelayRef, rep.RelayLotse}
		if r%2 == 1 {
			order = []*phase{rep.RelayLotse, rep.RelayRef}
		}
		for _, p := range order {
			logf("relay round %d/%d: %s", r+1, rounds, p.name)
			room := func(m *relayMember) id.RoomID { return m.relayRoom }
			if p == rep.RelayLotse {
				room = func(m *relayMember) id.RoomID { return m.lotseRoom }
			}
			part := runRelayPhase(ctx, p.name, e, rms, room, p.botID, n, r)
			p.qs = append(p.qs, part.qs...)
			p.wall += part.wall
			p.sendErrs += part.sendErrs
		}
	}
	// A marker after everything: once it is relayed, late duplicates would be there too.
	for _, p := range []*phase{rep.RelayRef, rep.RelayLotse} {
		room := rms[0].relayRoom
		if p == rep.RelayLotse {
			room = rms[0].lotseRoom
		}
		token := "relay-end-" + p.botID.Localpart()
		if _, _, err := rms[0].send(ctx, room, "Zum Schluss "+token); err == nil {
			wctx, cancel := context.WithTimeout(ctx, 60*time.Second)
			_, _ = e.team.Wait(wctx, e.room, p.botID, bodyContains(token))
			cancel()
		}
		counts := map[string]int{}
		for _, evt := range e.team.Received(e.room, p.botID) {
			if mc := evt.Content.AsMessage(); mc != nil {
				if i := strings.Index(mc.Body, "tok-"); i >= 0 {
					end := i
					for end < len(mc.Body) && (mc.Body[end] == '-' || mc.Body[end] >= 'a' && mc.Body[end] <= 'z' || mc.Body[end] >= '0' && mc.Body[end] <= '9') {
						end++
					}
					counts[mc.Body[i:end]]++
				}
			}
		}
		for _, q := range p.qs {
			q.answers = counts[q.label]
		}
	}
	return nil
}

// atServerP50 is the median time from a member's send until the relayed
// message reached the homeserver (its origin_server_ts): the bot's share of
// the latency, without the delivery to the team member.
func (p *phase) atServerP50() time.Duration {
	var d []time.Duration
	for _, q := range p.qs {
		if !q.serverAt.IsZero() {
			d = append(d, q.serverAt.Sub(q.sentAt))
		}
	}
	if len(d) == 0 {
		return 0
	}
	slices.Sort(d)
	return d[(len(d)-1)/2]
}

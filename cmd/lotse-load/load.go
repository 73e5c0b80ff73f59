package main

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/bot"
	"github.com/lotse-bot/lotse/internal/chatclient"
	"github.com/lotse-bot/lotse/internal/dendrite"
	"github.com/lotse-bot/lotse/storage"
)

// questions are real members' questions that the starter library answers
// (from guides/search/testdata/starter-questions.tsv).
var questions = []string{
	"wie zeig ich meine präsentation in bbb",
	"passwort vergesen, wie komm ich wieder in die cloud",
	"mikro geht nicht in der videokonferenz",
	"wie teile ich einen ordner mit meiner ag",
	"2fa neues handy",
	"sicherheitsschlüssel für element verloren",
	"wie richte ich zwei faktor ein",
	"link für die presse ohne konto",
	"kalender in der cloud mit dem handy synchronisieren",
	"wie wähle ich mich per telefon in die konferenz ein",
}

// member is one simulated member with an encrypted DM to each bot.
type member struct {
	c                   *chatclient.Client
	lotseRoom, echoRoom id.RoomID
	serial              atomic.Int64
	warmupMissed        []id.UserID // bots that did not answer the first message
}

// newMembers registers and logs in n members (8 at a time) and opens their
// encrypted DMs with Lotse and the echo bot.
func newMembers(ctx context.Context, srv *dendrite.Server, dir string, n int, lotseID, echoID id.UserID) ([]*member, error) {
	members := make([]*member, n)
	sem := make(chan struct{}, 8)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			m, err := newMember(ctx, srv, filepath.Join(dir, fmt.Sprintf("m%03d", i)), lotseID, echoID)
			mu.Lock()
			defer mu.Unlock()
			if err != nil && firstErr == nil {
				firstErr = err
			}
			members[i] = m
		}()
	}
	wg.Wait()
	if firstErr != nil {
		for _, m := range members {
			if m != nil {
				m.c.Close()
			}
		}
		return nil, firstErr
	}
	return members, nil
}

func newMember(ctx context.Context, srv *dendrite.Server, dir string, lotseID, echoID id.UserID) (*member, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	localpart := dendrite.UniqueLocalpart("member")
	password := "pw-" + localpart
	userID, err := srv.RegisterUser(ctx, localpart, password, false)
	if err != nil {
		return nil, err
	}
	c, err := chatclient.New(ctx, chatclient.Options{HomeserverURL: srv.URL, UserID: userID, Password: password, DataDir: dir, Log: zerolog.Nop()})
	if err != nil {
		return nil, err
	}
	m := &member{c: c}
	for _, dm := range []struct {
		bot  id.UserID
		room *id.RoomID
	}{{lotseID, &m.lotseRoom}, {echoID, &m.echoRoom}} {
		roomID, err := c.OpenDM(ctx, dm.bot, true)
		if err != nil {
			c.Close()
			return nil, err
		}
		wctx, cancel := context.WithTimeout(ctx, 60*time.Second)
		err = c.WaitJoined(wctx, roomID, dm.bot)
		cancel()
		if err != nil {
			c.Close()
			return nil, err
		}
		*dm.room = roomID
		// Warm-up: the first message of an encrypted session costs extra
		// (Olm session, room key) and is not measured. Doing it here, a few
		// members at a time, is also what keeps the bots' one-time keys
		// from running out: 100 members opening Olm sessions in the same
		// second would claim more than a device keeps uploaded (50).
		evtID, _, err := m.send(ctx, roomID, "hallo")
		if err != nil {
			c.Close()
			return nil, err
		}
		wctx, cancel = context.WithTimeout(ctx, 60*time.Second)
		_, err = c.Wait(wctx, roomID, dm.bot, chatclient.ReplyTo(evtID))
		cancel()
		if err != nil {
			m.warmupMissed = append(m.warmupMissed, dm.bot)
		}
	}
	return m, nil
}

// send sends text with a stable transaction ID, retrying while the
// homeserver is unreachable (up to 2 minutes). retried tells whether a
// retry was needed: after a homeserver crash, the first attempt may have
// created an event the member never learned about.
func (m *member) send(ctx context.Context, roomID id.RoomID, text string) (evtID id.EventID, retried bool, err error) {
	txn := fmt.Sprintf("load.%s.%d", m.c.Cli.DeviceID, m.serial.Add(1))
	content := &event.MessageEventContent{MsgType: event.MsgText, Body: text}
	deadline := time.Now().Add(2 * time.Minute)
	for attempt := 0; ; attempt++ {
		resp, err := m.c.Cli.SendMessageEvent(ctx, roomID, event.EventMessage, content, mautrix.ReqSendEvent{TransactionID: txn})
		if err == nil {
			return resp.EventID, attempt > 0, nil
		}
		if ctx.Err() != nil || time.Now().After(deadline) {
			return "", attempt > 0, fmt.Errorf("failed to send question: %w", err)
		}
		select {
		case <-ctx.Done():
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// question is one question and what became of it.
type question struct {
	m          *member
	room       id.RoomID
	id         id.EventID
	sentAt     time.Time
	answeredAt time.Time // zero: no answer seen
	retried    bool
	answers    int
	lostBy     string // for lost questions: "homeserver (…)" or "lotse…"
	// label names the question in notes (default: its event ID).
	label string
	// extraDups counts duplicates other than repeated answers (for access
	// requests: a second account, a second welcome mail).
	extraDups int
	// serverAt is the answer's origin_server_ts (relay run): when the bot's
	// send reached the homeserver, before the delivery to the watcher.
	serverAt time.Time
}

// name is how notes refer to q.
func (q *question) name() string {
	if q.label != "" {
		return q.label
	}
	return q.id.String()
}

// phase is one load run against one bot.
type phase struct {
	name      string
	botID     id.UserID
	members   int
	perMember int
	qs        []*question
	wall      time.Duration
	faults    []faultWindow
	sendErrs  int
	extra     int // answers to questions the member never learned the ID of
	// incomplete counts steps without an answer before anything was asked
	// (an access dialogue or approval Lotse did not answer); notes says which.
	incomplete int
	notes      []string
	// answerBytes is the mean size of an answer's decrypted content.
	answerBytes int
}

type faultWindow struct {
	start, end time.Time
	note       string
	// failed and held count the requests that met the provisioning fault:
	// answered 5xx, held past the client timeout.
	failed, held int
}

// runPhase lets every member ask perMember questions, one after the other
// (send, wait for the answer, next), all members at the same time; if until
// is not nil, members go on asking until it is closed. A question not
// answered within waitFor is left for the final sweep.
func runPhase(ctx context.Context, name string, members []*member, room func(*member) id.RoomID, botID id.UserID, perMember int, waitFor time.Duration, until <-chan struct{}) *phase {
	p := &phase{name: name, botID: botID, members: len(members), perMember: perMember}
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := time.Now()
	for mi, m := range members {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < perMember || running(until); i++ {
				if ctx.Err() != nil {
					return
				}
				q := &question{m: m, room: room(m), sentAt: time.Now()}
				evtID, retried, err := m.send(ctx, q.room, questions[(mi+i)%len(questions)])
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
				wctx, cancel := context.WithTimeout(ctx, waitFor)
				_, err = m.c.Wait(wctx, q.room, botID, chatclient.ReplyTo(evtID))
				cancel()
				if err == nil {
					mu.Lock()
					q.answeredAt = time.Now()
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	p.wall = time.Since(start)
	return p
}

// running reports whether until is still open (false for nil).
func running(until <-chan struct{}) bool {
	if until == nil {
		return false
	}
	select {
	case <-until:
		return false
	default:
		return true
	}
}

// settle waits (up to sweep) for questions still unanswered, then asks
// every member one marker question and waits for its answer, so that any
// duplicate answer to an earlier question has arrived, and counts.
func (p *phase) settle(ctx context.Context, members []*member, room func(*member) id.RoomID, sweep time.Duration) {
	deadline := time.Now().Add(sweep)
	for _, q := range p.qs {
		if !q.answeredAt.IsZero() {
			continue
		}
		wctx, cancel := context.WithDeadline(ctx, deadline)
		if _, err := q.m.c.Wait(wctx, q.room, p.botID, chatclient.ReplyTo(q.id)); err == nil {
			q.answeredAt = time.Now()
		}
		cancel()
	}
	known := askMarkers(ctx, members, room, p.botID)
	var size, sized int
	for _, q := range p.qs {
		q.answers = q.m.c.RepliesTo(q.room, p.botID, q.id)
		known[q.id] = true
		if sized < 200 && q.answers > 0 {
			if evt, err := q.m.c.Wait(ctx, q.room, p.botID, chatclient.ReplyTo(q.id)); err == nil {
				size += len(evt.Content.VeryRaw)
				sized++
			}
		}
	}
	if sized > 0 {
		p.answerBytes = size / sized
	}
	// Answers to events the member does not know: a send the homeserver
	// took before it crashed, then repeated under the same transaction ID
	// after the restart (its transaction cache is in memory).
	for _, m := range members {
		for _, evt := range m.c.Received(room(m), p.botID) {
			mc := evt.Content.AsMessage()
			if mc == nil || mc.RelatesTo == nil {
				continue
			}
			if target := mc.RelatesTo.GetReplyTo(); target != "" && !known[target] && evt.Timestamp >= p.startMillis() {
				p.extra++
			}
		}
	}
}

// askMarkers lets every member send one marker message and wait (up to 60 s)
// for its answer: messages the bot sent into the room before that answer
// have then reached the member. It returns the markers' event IDs.
func askMarkers(ctx context.Context, members []*member, room func(*member) id.RoomID, botID id.UserID) map[id.EventID]bool {
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		markers = map[id.EventID]bool{}
	)
	for _, m := range members {
		wg.Add(1)
		go func() {
			defer wg.Done()
			evtID, _, err := m.send(ctx, room(m), "danke")
			if err != nil {
				return
			}
			mu.Lock()
			markers[evtID] = true
			mu.Unlock()
			wctx, cancel := context.WithTimeout(ctx, 60*time.Second)
			_, _ = m.c.Wait(wctx, room(m), botID, chatclient.ReplyTo(evtID))
			cancel()
		}()
	}
	wg.Wait()
	return markers
}

func (p *phase) startMillis() int64 {
	first := time.Now()
	for _, q := range p.qs {
		if q.sentAt.Before(first) {
			first = q.sentAt
		}
	}
	return first.UnixMilli()
}

// classifyLost looks up unanswered questions in Lotse's database: not in
// the inbox means the homeserver never delivered the question; an answer
// recorded as sent means the homeserver lost the answer; else Lotse lost it.
func (p *phase) classifyLost(ctx context.Context, dbPath string) error {
	var lost []*question
	for _, q := range p.qs {
		if q.answers == 0 {
			lost = append(lost, q)
		}
	}
	if len(lost) == 0 {
		return nil
	}
	db, err := openSent(dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	for _, q := range lost {
		has, err := db.Inbox.Has(ctx, q.id.String())
		if err != nil {
			return err
		}
		if !has {
			q.lostBy = "homeserver (question never reached Lotse)"
			continue
		}
		sent, err := db.Inbox.SentEventID(ctx, bot.TxnID(q.id, "reply", 0))
		if err != nil {
			return err
		}
		if sent != "" {
			q.lostBy = "homeserver (answer " + sent + " sent, never delivered)"
		} else {
			q.lostBy = "lotse"
		}
	}
	return nil
}

// stats are the figures of one phase.
type stats struct {
	asked, answered, duplicated, lost, lostHomeserver int
	throughput                                        float64 // answers per second
	p50, p95, p99                                     time.Duration
	recovery                                          time.Duration // max over faults
}

func (p *phase) stats() stats {
	var s stats
	var lat []time.Duration
	for _, q := range p.qs {
		s.asked++
		if (q.answers > 0 || !q.answeredAt.IsZero()) && q.lostBy == "" {
			s.answered++
		} else {
			s.lost++
			if strings.HasPrefix(q.lostBy, "homeserver") {
				s.lostHomeserver++
			}
		}
		if q.answers > 1 {
			s.duplicated += q.answers - 1
		}
		s.duplicated += q.extraDups
		if !q.answeredAt.IsZero() {
			lat = append(lat, q.answeredAt.Sub(q.sentAt))
		}
	}
	slices.Sort(lat)
	pct := func(f float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[int(math.Ceil(f*float64(len(lat))))-1]
	}
	s.p50, s.p95, s.p99 = pct(0.50), pct(0.95), pct(0.99)
	if p.wall > 0 {
		s.throughput = float64(len(lat)) / p.wall.Seconds()
	}
	for _, f := range p.faults {
		var last time.Time
		for _, q := range p.qs {
			if q.sentAt.Before(f.end) && q.lostBy == "" && q.answeredAt.After(last) {
				last = q.answeredAt
			}
		}
		if r := last.Sub(f.end); r > s.recovery {
			s.recovery = r
		}
	}
	return s
}

// loadPickleKey is the pickle key of the Lotse under load; the reports
// derive from it the key its sends are stored under (bot.SentKey).
const loadPickleKey = "load-test-pickle-key"

// openSent opens Lotse's database after a run to look up its sends, with
// the key they are stored under.
func openSent(dbPath string) (*storage.DB, error) {
	db, err := storage.Open(dbPath, zerolog.Nop())
	if err != nil {
		return nil, err
	}
	key, err := bot.SentKey(loadPickleKey)
	if err != nil {
		db.Close()
		return nil, err
	}
	db.SetSentKey(key)
	return db, nil
}

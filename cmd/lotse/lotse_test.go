package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/bot"
	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/internal/chatclient"
	"github.com/lotse-bot/lotse/internal/dendrite"
	"github.com/lotse-bot/lotse/internal/dendrite/dendritetest"
	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

func TestMain(m *testing.M) {
	os.Exit(dendritetest.Main(m, dendrite.Options{}))
}

// syncBuffer is a concurrency-safe log sink.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// lotse is Lotse running in-process (runBot, the real wiring) on the shared homeserver.
type lotse struct {
	userID id.UserID
	cfg    config.Config
	log    *syncBuffer
	stop   func()
	bot    atomic.Pointer[bot.Bot] // the running bot, once it synced
	opts   runOptions              // of each run (instance_test.go)
}

// copyDir copies a guide library folder to a temp folder.
func copyDir(t testing.TB, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// copyLibrary copies the project's starter library to a temp folder (tests may edit it).
func copyLibrary(t testing.TB) string {
	t.Helper()
	return copyDir(t, filepath.Join("..", "..", "library"))
}

func startLotse(t testing.TB, guidesDir string, mutate func(*config.Config)) *lotse {
	t.Helper()
	srv := dendritetest.Shared()
	userID, password := registerAccount(t, "lotse")
	cfg := config.Defaults()
	cfg.HomeserverURL, cfg.UserID, cfg.Password = srv.URL, userID.String(), password
	cfg.PickleKey = "integration-test-pickle-key"
	cfg.Database = filepath.Join(t.TempDir(), "lotse.db")
	if uri := os.Getenv("LOTSE_TEST_POSTGRES"); uri != "" {
		cfg.Database = storagetest.FreshPostgresSchema(t, uri)
	}
	cfg.GuidesDir = guidesDir
	if mutate != nil {
		mutate(&cfg)
	}
	l := &lotse{userID: userID, cfg: cfg, log: &syncBuffer{}}
	l.run(t)
	return l
}

// run starts Lotse (runBot, the real wiring) with l.cfg and waits for its
// first sync; l.stop stops it.
func (l *lotse) run(t testing.TB) {
	t.Helper()
	log := zerolog.New(io.MultiWriter(l.log, zerolog.NewTestWriter(t))).Level(zerolog.InfoLevel).With().Timestamp().Logger()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan struct{})
	done := make(chan error, 1)
	go func() { done <- runBotWith(ctx, l.cfg, log, func(b *bot.Bot) { l.bot.Store(b); close(ready) }, l.opts) }()
	select {
	case <-ready:
	case err := <-done:
		cancel()
		t.Fatalf("lotse stopped: %v", err)
	case <-time.After(60 * time.Second):
		cancel()
		t.Fatal("lotse did not start within 60 s")
	}
	var once sync.Once
	l.stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("lotse: %v", err)
			}
		})
	}
	t.Cleanup(l.stop)
}

// restartLotse stops Lotse and runs it again on the same configuration and
// database (a restart).
func restartLotse(t testing.TB, l *lotse) {
	t.Helper()
	l.stop()
	l.run(t)
}

// sendState sends a state event of typ (empty state key) into room as c,
// failing the test if the homeserver refuses it.
func sendState(t testing.TB, c *chatclient.Client, room id.RoomID, typ event.Type, content any) {
	t.Helper()
	if _, err := c.Cli.SendStateEvent(t.Context(), room, typ, "", content); err != nil {
		t.Fatalf("%s in %s: %v", typ.Type, room, err)
	}
}

// registerAccount registers a fresh account (bot or member) on the shared
// homeserver and returns its ID and password.
func registerAccount(t testing.TB, prefix string) (id.UserID, string) {
	t.Helper()
	localpart := dendrite.UniqueLocalpart(prefix)
	password := "pw-" + localpart
	userID, err := dendritetest.Shared().RegisterUser(t.Context(), localpart, password, false)
	if err != nil {
		t.Fatal(err)
	}
	return userID, password
}

func newMember(t testing.TB, prefix string) *chatclient.Client {
	t.Helper()
	srv := dendritetest.Shared()
	userID, password := registerAccount(t, prefix)
	c, err := chatclient.New(t.Context(), chatclient.Options{HomeserverURL: srv.URL, UserID: userID, Password: password, DataDir: t.TempDir(), Log: zerolog.Nop()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

func openDM(t testing.TB, m *chatclient.Client, botID id.UserID, encrypted bool) id.RoomID {
	t.Helper()
	roomID, err := m.OpenDM(t.Context(), botID, encrypted)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	if err := m.WaitJoined(ctx, roomID, botID); err != nil {
		t.Fatal(err)
	}
	return roomID
}

func ask(t testing.TB, m *chatclient.Client, roomID id.RoomID, botID id.UserID, content *event.MessageEventContent) (*event.Event, id.EventID) {
	t.Helper()
	sent, err := m.SendContent(t.Context(), roomID, content)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	reply, err := m.Wait(ctx, roomID, botID, chatclient.ReplyTo(sent))
	if err != nil {
		t.Fatalf("no answer to %q: %v", content.Body, err)
	}
	return reply, sent
}

func text(s string) *event.MessageEventContent {
	return &event.MessageEventContent{MsgType: event.MsgText, Body: s}
}

func body(evt *event.Event) string { return evt.Content.AsMessage().Body }

// TestAnswersInDM is the core promise: a member asks in plain German in an
// (encrypted, as Element creates them) DM and gets the right guide.
func TestAnswersInDM(t *testing.T) {
	l := startLotse(t, copyLibrary(t), nil)
	for _, encrypted := range []bool{true, false} {
		t.Run(fmt.Sprintf("encrypted=%v", encrypted), func(t *testing.T) {
			m := newMember(t, "member")
			roomID := openDM(t, m, l.userID, encrypted)
			tests := []struct {
				question string
				want     []string // all must appear in the answer
			}{
				{"passwort vergesen, wie komm ich wieder in die cloud", []string{"Cloud-Passwort vergessen"}},
				{"Wie kann ich für den Bürgerschaftswahlkampf spenden?", []string{"keine passende Anleitung", "!anleitungen"}},
				{"!hilfe", []string{"!anleitung", "!anleitungen"}},
				{"!help", []string{"!guide", "shows this help"}}, // typed by its English name, answered in English
				{"!anleitungen", []string{"Nextcloud", "Konto"}},
				{"!gibtsnicht", []string{"kenne ich nicht", "!hilfe"}},
				{"!hilf", []string{"kenne ich nicht", "!hilfe"}},
				{"danke!", []string{"Gern geschehen"}},
			}
			for _, tt := range tests {
				start := time.Now()
				reply, _ := ask(t, m, roomID, l.userID, text(tt.question))
				took := time.Since(start)
				got := body(reply)
				for _, w := range tt.want {
					if !strings.Contains(got, w) {
						t.Errorf("answer to %q does not contain %q:\n%s", tt.question, w, got)
					}
				}
				mc := reply.Content.AsMessage()
				if mc.MsgType != event.MsgNotice || mc.Format != event.FormatHTML || mc.FormattedBody == "" {
					t.Errorf("answer to %q: msgtype %s format %q; want an m.notice with HTML", tt.question, mc.MsgType, mc.Format)
				}
				if mc.Mentions == nil {
					t.Errorf("answer to %q has no m.mentions", tt.question)
				}
				if encrypted && reply.Mautrix.EventSource&event.SourceDecrypted == 0 {
					t.Errorf("answer to %q was not encrypted", tt.question)
				}
				// The time is logged, not asserted: CI machines are shared
				// (BenchmarkAnswerLatency gives the figures).
				t.Logf("answer to %q after %v", tt.question, took)
			}
		})
	}
}

// TestGroupRoom: in a group room Lotse answers commands and mentions only.
func TestGroupRoom(t *testing.T) {
	l := startLotse(t, copyLibrary(t), nil)
	for _, encrypted := range []bool{true, false} {
		t.Run(fmt.Sprintf("encrypted=%v", encrypted), func(t *testing.T) {
			groupRoom(t, l, encrypted)
		})
	}
}

// groupRoom: in a group room Lotse answers only when addressed (a mention,
// a reply to its answer, a command such as !frage), and answers in a
// thread on the question with the reply as fallback.
func groupRoom(t *testing.T, l *lotse, encrypted bool) {
	m := newMember(t, "member")
	other := newMember(t, "other")
	roomID, err := m.CreateRoom(t.Context(), "Bezirk Nord", encrypted, l.userID, other.Cli.UserID)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 90*time.Second)
	defer cancel()
	if err := m.WaitJoined(ctx, roomID, l.userID); err != nil {
		t.Fatal(err)
	}
	if _, err := other.Cli.JoinRoomByID(t.Context(), roomID); err != nil {
		t.Fatal(err)
	}
	if err := m.WaitJoined(ctx, roomID, other.Cli.UserID); err != nil {
		t.Fatal(err)
	}
	chatter, err := m.SendText(t.Context(), roomID, "passwort vergessen, weiß jemand wie das geht?")
	if err != nil {
		t.Fatal(err)
	}
	inThread := func(what string, reply *event.Event, question id.EventID) {
		t.Helper()
		rel := reply.Content.AsMessage().RelatesTo
		if rel == nil || rel.Type != event.RelThread || rel.EventID != question || rel.GetReplyTo() != question || !rel.IsFallingBack {
			t.Errorf("%s: not in a thread on the question with a reply fallback: %+v", what, rel)
		}
		if encrypted && reply.Mautrix.EventSource&event.SourceDecrypted == 0 {
			t.Errorf("%s: answer not encrypted", what)
		}
	}
	mention := text("Lotse: passwort vergesen, wie komm ich wieder in die cloud")
	mention.Mentions = &event.Mentions{UserIDs: []id.UserID{l.userID}}
	reply, q := ask(t, m, roomID, l.userID, mention)
	if !strings.Contains(body(reply), "Cloud-Passwort vergessen") {
		t.Errorf("answer to the mention: %s", body(reply))
	}
	inThread("mention", reply, q)
	if mc := reply.Content.AsMessage(); mc.Mentions == nil || !mc.Mentions.Has(m.Cli.UserID) {
		t.Errorf("answer in a group room does not mention the asker: %+v", mc.Mentions)
	}
	// A reply to Lotse's answer, in its thread, without a mention.
	more := text("mehr")
	more.RelatesTo = (&event.RelatesTo{}).SetThread(q, reply.ID)
	rest, _ := ask(t, m, roomID, l.userID, more)
	if !strings.Contains(body(rest), "Rest der Anleitung") {
		t.Errorf("answer to mehr in the thread: %s", body(rest))
	}
	reply, q = ask(t, m, roomID, l.userID, text("!anleitung telefoneinwahl"))
	if !strings.Contains(body(reply), "Telefon") {
		t.Errorf("answer to the command: %s", body(reply))
	}
	inThread("!anleitung", reply, q)
	reply, q = ask(t, m, roomID, l.userID, text("!frage wie teile ich meinen bildschirm in bbb"))
	if !strings.Contains(body(reply), "Bildschirm") {
		t.Errorf("answer to !frage: %s", body(reply))
	}
	inThread("!frage", reply, q)
	if n := m.RepliesTo(roomID, l.userID, chatter); n != 0 {
		t.Fatalf("Lotse answered a message that neither mentioned it nor was a command (%d answers)", n)
	}
}

// TestFeedbackReaction: 👍 on an answer is counted for its guide, once.
func TestFeedbackReaction(t *testing.T) {
	l := startLotse(t, copyLibrary(t), nil)
	m := newMember(t, "member")
	roomID := openDM(t, m, l.userID, true)
	// A question Lotse answers with one guide (not a "Meintest du …?").
	answer, _ := ask(t, m, roomID, l.userID, text("passwort vergessen"))
	if _, err := m.React(t.Context(), roomID, answer.ID, "👍"); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	thanks, err := m.Wait(ctx, roomID, l.userID, chatclient.ReplyTo(answer.ID))
	if err != nil {
		t.Fatalf("no thanks for the reaction: %v", err)
	}
	if !strings.Contains(body(thanks), "Danke") {
		t.Fatalf("reaction answered with %q", body(thanks))
	}
	db, err := storage.Open(l.cfg.Database, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	stats, _, err := db.Feedback.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range stats {
		if s.GuideID == "konto/passwort-vergessen.md" && s.Helpful == 1 && s.Shown == 1 {
			found = true
		}
	}
	if !found {
		t.Fatalf("feedback not counted: %+v", stats)
	}
}

// TestHotReloadAndBadGuide: a new guide is answered without restart; a
// malformed guide is reported with file and line and never takes Lotse down.
func TestHotReloadAndBadGuide(t *testing.T) {
	dir := copyLibrary(t)
	if err := os.WriteFile(filepath.Join(dir, "kaputt.md"), []byte("---\ntitle: \"Kaputt\ntags: [x]\n---\nText\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	l := startLotse(t, dir, nil)
	if !strings.Contains(l.log.String(), "kaputt.md") {
		t.Errorf("the malformed guide was not reported in the log")
	}
	m := newMember(t, "member")
	roomID := openDM(t, m, l.userID, false)
	const loaded = "Loaded guide library" // logged once the new library is in use
	reloads := strings.Count(l.log.String(), loaded)
	guide := "---\ntitle: \"Druckerei-Zugang zum Plakatportal\"\ntags: [plakate, druckerei, portal]\nsummary: \"So bestellst du Plakate im Plakatportal der Druckerei.\"\n---\n\n# Plakatportal\n\nIm Plakatportal bestellst du Wahlplakate für deinen Bezirk.\n"
	if err := os.WriteFile(filepath.Join(dir, "allgemein-plakatportal.md"), []byte(guide), 0o644); err != nil {
		t.Fatal(err)
	}
	// Ask after each reload (a reload may have caught the file half
	// written; the write's own event brings another), at most three times.
	for try := 1; ; try++ {
		waitLogged(t, l.log, nil, loaded, reloads+try)
		reply, _ := ask(t, m, roomID, l.userID, text("wie bestelle ich wahlplakate im plakatportal"))
		if strings.Contains(body(reply), "Plakatportal") {
			break
		}
		if try == 3 {
			t.Fatalf("the new guide was not picked up after %d reloads; last answer: %s", try, body(reply))
		}
	}
}

// lotseProcess is Lotse running as a subprocess (`lotse run`), for tests that
// SIGKILL it. Its log is printed when the test fails.
type lotseProcess struct {
	t    *testing.T
	bin  string
	env  []string
	logs *syncBuffer
	cmd  *exec.Cmd
	// exited is closed when the current process has ended; exitErr is
	// then its exit status. One goroutine waits for the process, so tests
	// and kill never call cmd.Wait concurrently.
	exited  chan struct{}
	exitErr error
}

// processEnv is the environment of a Lotse subprocess for botID on the
// shared homeserver, with a fresh database, plus extra variables.
func processEnv(t *testing.T, botID id.UserID, password string, extra ...string) []string {
	t.Helper()
	dbPath := filepath.Join(t.TempDir(), "lotse.db")
	if uri := os.Getenv("LOTSE_TEST_POSTGRES"); uri != "" {
		dbPath = storagetest.FreshPostgresSchema(t, uri)
	}
	return append(append(os.Environ(),
		"LOTSE_HOMESERVER_URL="+dendritetest.Shared().URL, "LOTSE_USER_ID="+botID.String(), "LOTSE_PASSWORD="+password,
		"LOTSE_DATABASE="+dbPath, "LOTSE_GUIDES_DIR="+filepath.Join("..", "..", "library"),
		"LOTSE_PICKLE_KEY=subprocess-test-pickle-key", "LOTSE_LOG_FORMAT=json"), extra...)
}

// startProcess builds (once) and starts `lotse run` with env.
func startProcess(t *testing.T, env []string) *lotseProcess {
	t.Helper()
	p := &lotseProcess{t: t, bin: lotseBinary(t), env: env, logs: &syncBuffer{}}
	p.start()
	t.Cleanup(func() {
		p.kill()
		if t.Failed() {
			t.Logf("lotse log:\n%s", p.logs.String())
		}
	})
	return p
}

func (p *lotseProcess) start() {
	cmd := exec.Command(p.bin, "run")
	cmd.Env, cmd.Stdout, cmd.Stderr = p.env, p.logs, p.logs
	if err := cmd.Start(); err != nil {
		p.t.Fatal(err)
	}
	exited := make(chan struct{})
	p.cmd, p.exited = cmd, exited
	go func() {
		err := cmd.Wait()
		p.exitErr = err // read only after exited is closed
		close(exited)
	}()
}

// kill SIGKILLs the process and waits for it.
func (p *lotseProcess) kill() {
	_ = p.cmd.Process.Kill()
	<-p.exited
}

// lotseBinary builds the lotse command once for the crash tests.
var (
	binOnce sync.Once
	binPath string
	binErr  error
)

func lotseBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "lotse-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "lotse")
		out, err := exec.Command("go", "build", "-tags", "goolm", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// TestKillExactlyOnce SIGKILLs the lotse process while members keep writing,
// restarts it, and checks that every message got exactly one answer.
func TestKillExactlyOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills a process")
	}
	botID, password := registerAccount(t, "lotse")
	proc := startProcess(t, processEnv(t, botID, password))
	start, kill := proc.start, proc.kill

	members := []*chatclient.Client{newMember(t, "m1"), newMember(t, "m2")}
	rooms := make([]id.RoomID, len(members))
	for i, m := range members {
		rooms[i] = openDM(t, m, botID, i == 0)
	}
	type sentMsg struct {
		m    int
		id   id.EventID
		text string
	}
	var sent []sentMsg
	send := func(round int) {
		for i, m := range members {
			txt := fmt.Sprintf("passwort vergessen (%d)", round)
			evtID, err := m.SendText(t.Context(), rooms[i], txt)
			if err != nil {
				t.Fatal(err)
			}
			sent = append(sent, sentMsg{i, evtID, txt})
		}
	}
	for round := range 10 {
		send(round)
		if round%2 == 1 {
			// Kill at a random moment while Lotse handles the messages just
			// sent (fault injection, not synchronisation).
			time.Sleep(time.Duration(rand.IntN(150)) * time.Millisecond)
			kill()
			send(100 + round) // written while Lotse is down
			start()
		}
	}
	for _, s := range sent {
		ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
		_, err := members[s.m].Wait(ctx, rooms[s.m], botID, chatclient.ReplyTo(s.id))
		cancel()
		if err != nil {
			t.Fatalf("message %q was never answered: %v", s.text, err)
		}
	}
	// A marker per member: once answered, any duplicate answer to the
	// earlier messages would already have arrived.
	for i, m := range members {
		reply, _ := ask(t, m, rooms[i], botID, text("danke"))
		_ = reply
	}
	asked, answered, duplicated := len(sent), 0, 0
	for _, s := range sent {
		n := members[s.m].RepliesTo(rooms[s.m], botID, s.id)
		if n >= 1 {
			answered++
		}
		if n > 1 {
			duplicated += n - 1
			for _, r := range members[s.m].Received(rooms[s.m], botID) {
				if chatclient.ReplyTo(s.id)(r) {
					t.Logf("duplicate answer to %q (%s): %s", s.text, s.id, r.ID)
				}
			}
		}
	}
	t.Logf("asked %d, answered %d, duplicated %d, lost %d (5 SIGKILLs)", asked, answered, duplicated, asked-answered)
	if answered != asked || duplicated != 0 {
		t.Fatalf("exactly-once violated: asked %d, answered %d, duplicated %d", asked, answered, duplicated)
	}
}

// startLotseWithTeam starts Lotse with an encrypted team room created by a
// new member "alice" who holds the team role; support quiet hours are off.
// mutate (may be nil) changes the config further before the start. It
// returns once Lotse has joined the team room.
func startLotseWithTeam(t testing.TB, guidesDir string, mutate func(*config.Config)) (*lotse, *chatclient.Client, id.RoomID) {
	t.Helper()
	alice := newMember(t, "alice")
	var teamRoom id.RoomID
	l := startLotse(t, guidesDir, func(cfg *config.Config) {
		var err error
		teamRoom, err = alice.CreateRoom(t.Context(), "Digitalisierungsteam", true, id.UserID(cfg.UserID))
		if err != nil {
			t.Fatal(err)
		}
		cfg.TeamRoom = teamRoom.String()
		cfg.SupportQuietHours = "off"
		grantRoles(t, cfg, storage.RoleTeam, alice.Cli.UserID)
		if mutate != nil {
			mutate(cfg)
		}
	})
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	if err := alice.WaitJoined(ctx, teamRoom, l.userID); err != nil {
		t.Fatal(err)
	}
	return l, alice, teamRoom
}

package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/bot"
	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/integrations/bbb/bbbtest"
	"github.com/lotse-bot/lotse/integrations/nextcloud/nextcloudtest"
	"github.com/lotse-bot/lotse/internal/chatclient"
	"github.com/lotse-bot/lotse/internal/dendrite"
	"github.com/lotse-bot/lotse/storage"
)

// cmdDemo is the newcomer's path: a real homeserver on loopback, the bot
// with the bundled guides, and a terminal chat as a demo member through the
// homeserver (in an encrypted DM, as Element would open it).
func cmdDemo(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	guidesDir := fs.String("dir", "library", "guide library folder (edit a guide while the demo runs: it reloads)")
	fs.StringVar(guidesDir, "guides", "library", "old name of --dir")
	lang := fs.String("lang", "de", "language of Lotse's messages (de or en)")
	if err := fs.Parse(args); err != nil {
		return fail(exitUsage, err)
	}
	if _, err := os.Stat(*guidesDir); err != nil {
		return fail(exitGuides, fmt.Errorf("guide library %q not found: run the demo from the repository root or pass --dir DIR", *guidesDir))
	}
	tmp, err := os.MkdirTemp("", "lotse-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	logFile, err := os.Create(filepath.Join(tmp, "lotse.log"))
	if err != nil {
		return err
	}
	defer logFile.Close()
	log := zerolog.New(logFile).With().Timestamp().Logger()

	tx := demoTextsFor(*lang)
	say := func(format string, a ...any) { fmt.Fprintf(stdout, format+"\n", a...) }
	say(tx.Building)
	buildCtx, cancelBuild := context.WithTimeout(ctx, 10*time.Minute)
	binDir, err := dendrite.Build(buildCtx, log)
	cancelBuild()
	if err != nil {
		return fail(exitMatrix, fmt.Errorf("failed to build the homeserver: %w", err))
	}
	srv, err := dendrite.Start(ctx, dendrite.Options{BinDir: binDir, DataDir: filepath.Join(tmp, "homeserver")})
	if err != nil {
		return fail(exitMatrix, fmt.Errorf("failed to start the homeserver: %w", err))
	}
	defer func() {
		if err := srv.Stop(); err != nil {
			fmt.Fprintf(stderr, "stopping the homeserver: %v\n", err)
		}
	}()

	botPassword, memberPassword := randomSecret(12), "demo-"+randomSecret(4)
	botID, err := srv.RegisterUser(ctx, "lotse", botPassword, false)
	if err != nil {
		return fail(exitMatrix, err)
	}
	memberID, err := srv.RegisterUser(ctx, "demo", memberPassword, false)
	if err != nil {
		return fail(exitMatrix, err)
	}

	teamPassword := "team-" + randomSecret(4)
	teamID, err := srv.RegisterUser(ctx, "team", teamPassword, false)
	if err != nil {
		return fail(exitMatrix, err)
	}
	if err := os.MkdirAll(filepath.Join(tmp, "team"), 0o700); err != nil {
		return err
	}
	team, err := chatclient.New(ctx, chatclient.Options{
		HomeserverURL: srv.URL, UserID: teamID, Password: teamPassword,
		DataDir: filepath.Join(tmp, "team"), Log: log.With().Str("component", "demo-team").Logger(),
	})
	if err != nil {
		return fail(exitMatrix, err)
	}
	defer team.Close()
	teamRoom, err := createDemoRoom(ctx, team, botID, tx.TeamRoom)
	if err != nil {
		return fail(exitMatrix, err)
	}
	approvalsRoom, err := createDemoRoom(ctx, team, botID, tx.ApprovalsRoom)
	if err != nil {
		return fail(exitMatrix, err)
	}

	// Stand-ins for the association's Nextcloud and BigBlueButton, so that
	// access requests run end to end; they stop after Lotse (defers run last
	// in, first out).
	ncPassword, bbbSecret := randomSecret(12), randomSecret(12)
	cloud := nextcloudtest.NewServer("lotse-admin", ncPassword)
	defer cloud.Close()
	cloud.AddGroup(demoNextcloudGroups...)
	meet := bbbtest.NewServer(bbbSecret)
	defer meet.Close()

	cfg := config.Defaults()
	cfg.HomeserverURL, cfg.UserID, cfg.Password = srv.URL, botID.String(), botPassword
	cfg.PickleKey = randomSecret(16)
	cfg.Database = filepath.Join(tmp, "lotse.db")
	cfg.GuidesDir = *guidesDir
	cfg.Language = *lang
	cfg.TeamRoom = teamRoom.String()
	cfg.SupportQuietHours = "off"
	cfg.ApprovalsRoom = approvalsRoom.String()
	cfg.Approvers = []string{teamID.String()}
	cfg.NextcloudURL, cfg.NextcloudUser, cfg.NextcloudAppPassword = cloud.URL(), "lotse-admin", ncPassword
	cfg.NextcloudGroups = demoNextcloudGroups
	cfg.BBBURL, cfg.BBBSecret = meet.URL(), bbbSecret
	// The demo plays the team member: its privacy gate counts as passed.
	if err := grantDemoTeamRole(ctx, cfg.Database, teamID); err != nil {
		return fail(exitDatabase, err)
	}
	botCtx, stopBot := context.WithCancel(context.WithoutCancel(ctx))
	ready := make(chan struct{})
	botDone := make(chan error, 1)
	go func() {
		botDone <- runBot(botCtx, cfg, log, func(*bot.Bot) { close(ready) })
	}()
	defer func() {
		stopBot()
		if err := <-botDone; err != nil {
			fmt.Fprintf(stderr, "Lotse stopped: %v\n", err)
		}
	}()
	select {
	case <-ready:
	case err := <-botDone:
		return fmt.Errorf("the bot stopped: %w (log: %s)", err, logFile.Name())
	case <-ctx.Done():
		return nil
	}

	member, err := chatclient.New(ctx, chatclient.Options{
		HomeserverURL: srv.URL, UserID: memberID, Password: memberPassword,
		DataDir: tmp, Log: log.With().Str("component", "demo-member").Logger(),
	})
	if err != nil {
		return fail(exitMatrix, err)
	}
	defer member.Close()
	roomID, err := member.OpenDM(ctx, botID, true)
	if err != nil {
		return fail(exitMatrix, err)
	}
	joinCtx, cancelJoin := context.WithTimeout(ctx, 30*time.Second)
	err = member.WaitJoined(joinCtx, roomID, botID)
	if err == nil {
		err = team.WaitJoined(joinCtx, teamRoom, botID)
	}
	if err == nil {
		err = team.WaitJoined(joinCtx, approvalsRoom, botID)
	}
	cancelJoin()
	if err != nil {
		return fail(exitMatrix, err)
	}

	say("")
	say(tx.Homeserver, srv.URL, srv.ServerName)
	say(tx.Bot, botID)
	say(tx.Login, memberID, memberPassword)
	say(tx.TeamLogin, teamID, teamPassword)
	say(tx.Guides, cfg.GuidesDir)
	say(tx.Log, logFile.Name())
	say("")
	say(tx.Intro, memberID, teamID, teamID)
	say(tx.Quit)

	d := &demoChat{tx: tx, out: stdout, bot: botID, printed: map[id.EventID]bool{}, accounts: map[string]bool{}, meetings: map[string]bool{}}
	go d.follow(ctx, member, roomID, tx.FromDM, nil)
	go d.follow(ctx, team, teamRoom, tx.FromTeam, nil)
	go d.follow(ctx, team, approvalsRoom, tx.FromApprovals, func() { d.showFakes(cloud, meet) })

	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(stdin)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
	}()
	for {
		d.prompt()
		var line string
		select {
		case <-ctx.Done():
			d.say("\n" + tx.Ended)
			return nil
		case l, ok := <-lines:
			if !ok {
				d.say("")
				return nil
			}
			line = strings.TrimSpace(l)
		}
		if line == "" {
			continue
		}
		if text, ok := strings.CutPrefix(line, tx.TeamPrefix); ok {
			if _, err := team.SendText(ctx, teamRoom, strings.TrimSpace(text)); err != nil {
				d.say(tx.SendFailed, err)
			}
			continue
		}
		if text, ok := strings.CutPrefix(line, tx.ApprovalsPrefix); ok {
			if _, err := team.SendText(ctx, approvalsRoom, strings.TrimSpace(text)); err != nil {
				d.say(tx.SendFailed, err)
			}
			continue
		}
		if key, ok := demoReaction(line); ok {
			d.react(ctx, member, roomID, key)
			continue
		}
		sent, err := member.SendText(ctx, roomID, line)
		if err != nil {
			d.say(tx.SendFailed, err)
			continue
		}
		// Wait for the answer so that the prompt comes after it; the
		// followers print it (and the welcome, case news) as they arrive.
		waitCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
		_, err = member.Wait(waitCtx, roomID, botID, chatclient.ReplyTo(sent))
		cancel()
		if errors.Is(err, chatclient.ErrTimeout) {
			d.say(tx.NoAnswer, logFile.Name())
			continue
		}
		d.flush(member, roomID, tx.FromDM)
	}
}

// demoReactionKeys are the reactions Lotse asks members for: 👍/👎 under
// an answer, ✅/❌ under a case offer, the number buttons under "Meintest
// du …?". A line of only one of them is sent as that reaction, as a tap in
// Element would; a terminal cannot react otherwise (fresh30).
var demoReactionKeys = []string{"👍", "👎", "✅", "❌", "1️⃣", "2️⃣", "3️⃣"}

// demoReaction reports whether line is one reaction key alone (with or
// without the emoji variation selector or a skin tone) and returns it.
func demoReaction(line string) (string, bool) {
	bare := chat.StripModifiers(strings.TrimSpace(line))
	for _, k := range demoReactionKeys {
		if bare == chat.StripModifiers(k) {
			return k, true
		}
	}
	return "", false
}

// lastBotMessage is Lotse's newest message in the member's room that is
// not an edit (an edit's event is no message to react to).
func lastBotMessage(c *chatclient.Client, room id.RoomID, bot id.UserID) (id.EventID, bool) {
	got := c.Received(room, bot)
	for i := len(got) - 1; i >= 0; i-- {
		if msg := got[i].Content.AsMessage(); msg.NewContent == nil && msg.RelatesTo.GetReplaceID() == "" {
			return got[i].ID, true
		}
	}
	return "", false
}

// react sends key as the member's reaction to Lotse's newest message and
// prints what Lotse answers within a few seconds (a reaction may get no
// answer: a second vote on the same answer counts once, silently).
func (d *demoChat) react(ctx context.Context, member *chatclient.Client, room id.RoomID, key string) {
	target, ok := lastBotMessage(member, room, d.bot)
	if !ok {
		d.say(d.tx.NoReactionTarget)
		return
	}
	if _, err := member.React(ctx, room, target, key); err != nil {
		d.say(d.tx.SendFailed, err)
		return
	}
	d.say(d.tx.Reacted, key)
	waitCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	_, _ = member.Wait(waitCtx, room, d.bot, func(evt *event.Event) bool {
		d.mu.Lock()
		defer d.mu.Unlock()
		return !d.printed[evt.ID]
	})
	d.flush(member, room, d.tx.FromDM)
}

// demoNextcloudGroups are the groups a demo member may request.
var demoNextcloudGroups = []string{"AG Digitales", "Bezirk Nord"}

// demoChat prints what Lotse writes to the demo member, into the team room
// and into the approvals room, each message once, as it arrives (the
// welcome and the team's answers are not replies to anything the member
// typed), and what the stand-in servers set up.
type demoChat struct {
	tx       *demoTexts
	mu       sync.Mutex
	out      io.Writer
	bot      id.UserID
	printed  map[id.EventID]bool
	accounts map[string]bool // Nextcloud accounts already shown
	meetings map[string]bool // BBB meetings already shown
}

func (d *demoChat) say(format string, a ...any) {
	d.mu.Lock()
	defer d.mu.Unlock()
	fmt.Fprintf(d.out, format+"\n", a...)
}

func (d *demoChat) prompt() {
	d.mu.Lock()
	defer d.mu.Unlock()
	fmt.Fprint(d.out, "\n> ")
}

// flush prints Lotse's messages in room that were not printed yet, in order.
func (d *demoChat) flush(c *chatclient.Client, room id.RoomID, who string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, evt := range c.Received(room, d.bot) {
		if d.printed[evt.ID] {
			continue
		}
		d.printed[evt.ID] = true
		msg := evt.Content.AsMessage()
		body := msg.Body
		if msg.NewContent != nil { // an edit: show the new text, not the "* …" fallback
			body = d.tx.Edited + " " + msg.NewContent.Body
		}
		fmt.Fprintf(d.out, "\n%s:\n%s\n", who, indent(body))
	}
}

// showFakes prints the Nextcloud accounts and BBB rooms the stand-in
// servers got since the last call (Lotse reports a finished request in the
// approvals room only after setting it up, so it shows then).
func (d *demoChat) showFakes(cloud *nextcloudtest.Fake, meet *bbbtest.Fake) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, u := range cloud.Users() {
		if slices.Contains(u.Groups, "admin") || d.accounts[u.ID] {
			continue
		}
		d.accounts[u.ID] = true
		fmt.Fprintf(d.out, "\n"+d.tx.FakeAccount+"\n", u.ID, u.Email, strings.Join(u.Groups, ", "))
	}
	for _, m := range meet.Meetings() {
		if d.meetings[m.MeetingID] {
			continue
		}
		d.meetings[m.MeetingID] = true
		fmt.Fprintf(d.out, "\n"+d.tx.FakeRoom+"\n", m.Name)
	}
}

// follow prints Lotse's messages in room as they arrive, until ctx ends;
// then, if set, runs after.
func (d *demoChat) follow(ctx context.Context, c *chatclient.Client, room id.RoomID, who string, after func()) {
	for {
		_, err := c.Wait(ctx, room, d.bot, func(evt *event.Event) bool {
			d.mu.Lock()
			defer d.mu.Unlock()
			return !d.printed[evt.ID]
		})
		if err != nil {
			return
		}
		d.flush(c, room, who)
		if after != nil {
			after()
		}
	}
}

// createDemoRoom creates an encrypted room (the team room, the approvals
// room) as the demo's team member, with Lotse invited as moderator (it
// invites and removes team members).
func createDemoRoom(ctx context.Context, team *chatclient.Client, botID id.UserID, name string) (id.RoomID, error) {
	resp, err := team.Cli.CreateRoom(ctx, &mautrix.ReqCreateRoom{
		Preset: "private_chat", Name: name, Invite: []id.UserID{botID},
		InitialState:       []*event.Event{{Type: event.StateEncryption, Content: event.Content{Parsed: &event.EncryptionEventContent{Algorithm: id.AlgorithmMegolmV1}}}},
		PowerLevelOverride: &event.PowerLevelsEventContent{Users: map[id.UserID]int{team.Cli.UserID: 100, botID: 50}},
	})
	if err != nil {
		return "", fmt.Errorf("failed to create the demo room %q: %w", name, err)
	}
	return resp.RoomID, nil
}

// grantDemoTeamRole gives the demo's team member the active team role
// before Lotse starts (in a real deployment an approver records the
// declaration first; see docs/deployment.md).
func grantDemoTeamRole(ctx context.Context, database string, user id.UserID) error {
	db, err := storage.Open(database, zerolog.Nop())
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Upgrade(ctx); err != nil {
		return err
	}
	now := time.Now()
	_, err = db.Roles().Set(ctx, user.String(), storage.RoleTeam, storage.RoleActive, "@demo:setup",
		storage.RoleAuditEntry{Key: "demo-grant", At: now, Actor: "@demo:setup", Subject: user.String(), Action: "grant", Detail: storage.RoleTeam}, now)
	return err
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}

func randomSecret(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

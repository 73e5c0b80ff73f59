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
	"strings"
	"time"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/bot"
	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/internal/chatclient"
	"github.com/lotse-bot/lotse/internal/dendrite"
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

	say := func(format string, a ...any) { fmt.Fprintf(stdout, format+"\n", a...) }
	say("Lotse-Demo: baue und starte den Matrix-Homeserver (Dendrite, beim ersten Mal ~2 Minuten) …")
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
	defer srv.Stop()

	botPassword, memberPassword := randomSecret(12), "demo-"+randomSecret(4)
	botID, err := srv.RegisterUser(ctx, "lotse", botPassword, false)
	if err != nil {
		return fail(exitMatrix, err)
	}
	memberID, err := srv.RegisterUser(ctx, "demo", memberPassword, false)
	if err != nil {
		return fail(exitMatrix, err)
	}

	cfg := config.Defaults()
	cfg.HomeserverURL, cfg.UserID, cfg.Password = srv.URL, botID.String(), botPassword
	cfg.PickleKey = randomSecret(16)
	cfg.Database = filepath.Join(tmp, "lotse.db")
	cfg.GuidesDir = *guidesDir
	cfg.Language = *lang
	botCtx, stopBot := context.WithCancel(context.WithoutCancel(ctx))
	ready := make(chan struct{})
	botDone := make(chan error, 1)
	go func() {
		botDone <- runBot(botCtx, cfg, log, func(*bot.Bot) { close(ready) })
	}()
	defer func() {
		stopBot()
		<-botDone
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
	cancelJoin()
	if err != nil {
		return fail(exitMatrix, err)
	}

	say("")
	say("Homeserver:   %s  (Servername %s)", srv.URL, srv.ServerName)
	say("Bot:          %s", botID)
	say("Demo-Login:   %s / Passwort %s  (mit jedem Matrix-Client auf diesem Rechner)", memberID, memberPassword)
	say("Anleitungen:  %s  (Änderungen werden sofort übernommen)", cfg.GuidesDir)
	say("Bot-Log:      %s", logFile.Name())
	say("")
	say("Du chattest jetzt als %s mit Lotse in einem verschlüsselten Direktchat.", memberID)
	say("Schreib eine Frage (z. B. „passwort vergessen“) oder !hilfe. Strg-C beendet die Demo.")

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
		fmt.Fprint(stdout, "\n> ")
		var line string
		select {
		case <-ctx.Done():
			say("\nDemo beendet.")
			return nil
		case l, ok := <-lines:
			if !ok {
				say("")
				return nil
			}
			line = strings.TrimSpace(l)
		}
		if line == "" {
			continue
		}
		sent, err := member.SendText(ctx, roomID, line)
		if err != nil {
			say("(Senden fehlgeschlagen: %v)", err)
			continue
		}
		waitCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
		reply, err := member.Wait(waitCtx, roomID, botID, chatclient.ReplyTo(sent))
		cancel()
		if errors.Is(err, chatclient.ErrTimeout) {
			say("(keine Antwort innerhalb von 30 s – siehe %s)", logFile.Name())
			continue
		}
		say("\nLotse:\n%s", indent(reply.Content.AsMessage().Body))
	}
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}

func randomSecret(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/internal/loopback"
	"github.com/lotse-bot/lotse/internal/sendlimit"
	"github.com/lotse-bot/lotse/storage"
)

// moduleRoot finds the folder holding go.mod (the load program is run from
// inside the repository).
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("failed to run go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", errors.New("not inside the lotse module: run lotse-load from the repository")
	}
	return filepath.Dir(mod), nil
}

// buildLotse compiles cmd/lotse into dir, as the Dockerfile does.
func buildLotse(ctx context.Context, root, dir string) (string, error) {
	bin := filepath.Join(dir, "lotse")
	cmd := exec.CommandContext(ctx, "go", "build", "-tags", "goolm", "-o", bin, "./cmd/lotse")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("failed to build lotse: %w\n%s", err, out)
	}
	return bin, nil
}

// syllables make pseudo-words for generated guides: they look like German
// text to the search (umlauts, compounds) but do not collide with the
// questions the members ask, which target the real starter library.
var syllables = []string{"ka", "lo", "mi", "ter", "sun", "bra", "vek", "dol", "pri", "gan", "hu", "zel", "ost", "rim", "fa",
	"nö", "tü", "wal", "jex", "qua", "bor", "lin", "sto", "mü", "rek", "pa", "vin", "gro", "sel", "dak"}

func pseudoWord(r *rand.Rand) string {
	n := 2 + r.IntN(3)
	var b strings.Builder
	for range n {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	return b.String()
}

// generateLibrary copies the starter library from root and adds n generated
// guides (about 2.5 KB of text each) in the folder gen/.
func generateLibrary(root, dst string, n int, seed uint64) error {
	src := filepath.Join(root, "library")
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
		return fmt.Errorf("failed to copy the starter library: %w", err)
	}
	if n <= 0 {
		return nil
	}
	topics, err := os.OpenFile(filepath.Join(dst, "topics.yaml"), os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	_, _ = io.WriteString(topics, "\ngen: \"Generierte Lastanleitungen\"\n")
	_ = topics.Close()
	r := rand.New(rand.NewPCG(seed, 42))
	vocab := make([]string, 20000)
	for i := range vocab {
		vocab[i] = pseudoWord(r)
	}
	words := func(k int) string {
		parts := make([]string, k)
		for i := range parts {
			parts[i] = vocab[r.IntN(len(vocab))]
		}
		return strings.Join(parts, " ")
	}
	dir := filepath.Join(dst, "gen")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i := range n {
		var b strings.Builder
		title := words(4)
		fmt.Fprintf(&b, "---\ntitle: \"%s\"\ntags: [%s, %s, %s]\nsummary: \"%s.\"\naudience: members\n---\n\n",
			title, vocab[r.IntN(len(vocab))], vocab[r.IntN(len(vocab))], vocab[r.IntN(len(vocab))], words(12))
		fmt.Fprintf(&b, "# %s\n\n", title)
		for s := range 4 {
			fmt.Fprintf(&b, "## %s\n\n%s.\n\n1. %s.\n2. %s.\n\n", words(3), words(45), words(8), words(8))
			_ = s
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("g%05d.md", i)), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// seedCases writes n closed and open support cases into the database
// through storage, 1,000 per transaction.
func seedCases(ctx context.Context, dbPath string, n int) error {
	if n <= 0 {
		return nil
	}
	db, err := storage.Open(dbPath, zerolog.Nop())
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Upgrade(ctx); err != nil {
		return err
	}
	now := time.Now().Add(-24 * time.Hour)
	for start := 0; start < n; start += 1000 {
		err := db.Lotse.DoTxn(ctx, nil, func(ctx context.Context) error {
			for i := start; i < min(start+1000, n); i++ {
				c := &storage.Case{MemberID: fmt.Sprintf("@seed%d:localhost", i%5000), MemberRoom: fmt.Sprintf("!seed%d:localhost", i%5000),
					Summary: "Seed-Fall " + strconv.Itoa(i), Guides: []string{"konto/passwort-vergessen.md"}}
				if _, _, err := db.Cases.Create(ctx, c, fmt.Sprintf("$seed%d", i), "Frage Nummer "+strconv.Itoa(i)+": das Passwort geht nicht mehr, was tun?", now); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("failed to seed cases: %w", err)
		}
	}
	return nil
}

// lotseProc is Lotse running as a subprocess (so that its memory can be read
// from /proc and it can be SIGKILLed).
type lotseProc struct {
	bin, dir, opsAddr string
	env               []string
	log               *os.File

	mu     sync.Mutex
	cmd    *exec.Cmd
	exited chan struct{}
	starts int
}

// start runs Lotse and waits until /readyz answers 200.
func (p *lotseProc) start(ctx context.Context) error {
	p.mu.Lock()
	cmd := exec.Command(p.bin, "run")
	cmd.Dir = p.dir
	cmd.Env = p.env
	cmd.Stdout, cmd.Stderr = p.log, p.log
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		p.mu.Unlock()
		return fmt.Errorf("failed to start lotse: %w", err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	p.cmd, p.exited = cmd, exited
	p.starts++
	p.mu.Unlock()
	return p.waitReady(ctx, exited)
}

func (p *lotseProc) waitReady(ctx context.Context, exited chan struct{}) error {
	ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	client := http.Client{Timeout: 2 * time.Second}
	for {
		if resp, err := client.Get("http://" + p.opsAddr + "/readyz"); err == nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-exited:
			return fmt.Errorf("lotse exited before it was ready (log: %s)", p.log.Name())
		case <-ctx.Done():
			return fmt.Errorf("lotse was not ready in time (log: %s): %w", p.log.Name(), ctx.Err())
		case <-tick.C:
		}
	}
}

// kill SIGKILLs Lotse and waits for the exit.
func (p *lotseProc) kill() {
	p.signal(syscall.SIGKILL)
}

// stop ends Lotse gracefully.
func (p *lotseProc) stop() {
	p.signal(syscall.SIGTERM)
}

func (p *lotseProc) signal(sig syscall.Signal) {
	p.mu.Lock()
	cmd, exited := p.cmd, p.exited
	p.mu.Unlock()
	if cmd == nil {
		return
	}
	_ = cmd.Process.Signal(sig)
	<-exited
}

// peakRSS reads VmHWM (peak resident memory) of the running Lotse in bytes.
func (p *lotseProc) peakRSS() (int64, error) {
	p.mu.Lock()
	cmd := p.cmd
	p.mu.Unlock()
	if cmd == nil {
		return 0, errors.New("lotse is not running")
	}
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", cmd.Process.Pid))
	if err != nil {
		return 0, fmt.Errorf("failed to read lotse's memory: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				return 0, err
			}
			return kb * 1024, nil
		}
	}
	return 0, errors.New("no VmHWM in /proc status")
}

// metric reads one sample (name with labels, exactly as exported) from
// Lotse's /metrics; -1 if absent.
func (p *lotseProc) metric(name string) float64 {
	resp, err := http.Get("http://" + p.opsAddr + "/metrics")
	if err != nil {
		return -1
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), name+" "); ok {
			v, err := strconv.ParseFloat(rest, 64)
			if err == nil {
				return v
			}
		}
	}
	return -1
}

// limitProxy forwards to the homeserver; while on, it answers /send
// requests beyond allow per window with 429 M_LIMIT_EXCEEDED (Dendrite does
// not rate-limit /send itself). Both bots talk through one, so that the
// reference pays the same proxy hop.
type limitProxy struct {
	srv *loopback.Server
	*sendlimit.Limiter
}

func newLimitProxy(target string, allow int, window time.Duration) (*limitProxy, error) {
	u, err := url.Parse(target)
	if err != nil {
		return nil, err
	}
	limiter := sendlimit.New(allow, window)
	limiter.SetOn(false)
	rp := httputil.NewSingleHostReverseProxy(u)
	rp.FlushInterval = -1
	rp.ErrorLog = log.New(io.Discard, "", 0) // a killed homeserver is expected here
	return &limitProxy{srv: loopback.Start(limiter.Wrap(rp)), Limiter: limiter}, nil
}

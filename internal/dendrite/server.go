package dendrite

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	"github.com/rs/zerolog"
)

const (
	// readyTimeout bounds how long Start waits for /_matrix/client/versions.
	readyTimeout = 30 * time.Second
	// pollInterval is how often Start asks /_matrix/client/versions.
	pollInterval = 25 * time.Millisecond
	// stopTimeout is how long Stop waits after SIGTERM before SIGKILL.
	stopTimeout = 10 * time.Second
	// startAttempts is how often Start tries a fresh port.
	startAttempts = 3
	// maxLogSize caps the log kept in memory for Server.Log.
	maxLogSize = 8 << 20
	// errLogTail is how much of the log start errors quote.
	errLogTail = 4 << 10
)

// Options configure Start. The zero value runs a plain server on a random
// loopback port in a temporary folder, building Dendrite if needed.
type Options struct {
	// BinDir holds the dendrite and generate-keys binaries. Empty: Start
	// calls Build (with zerolog.Ctx(ctx) as logger).
	BinDir string
	// DataDir holds config, key, databases and media. Empty: a new temporary
	// folder that Stop removes.
	DataDir string
	// ServerName is the homeserver's name, the part after the colon in user
	// IDs. Default "localhost".
	ServerName string
	// RateLimit turns on client API rate limiting; nil leaves it off.
	RateLimit *RateLimit
	// Log additionally receives Dendrite's output. Server.Log always keeps a
	// copy (the last 8 MiB).
	Log io.Writer
}

// Server is a running (or stopped) Dendrite process.
type Server struct {
	// URL is the client API base URL, e.g. http://127.0.0.1:41234.
	URL string
	// ServerName is the homeserver's name (user IDs are @user:ServerName).
	ServerName string
	// SharedSecret is the registration shared secret (see RegisterUser).
	SharedSecret string
	// DataDir is the working directory holding Dendrite's state.
	DataDir string

	binDir     string
	addr       string
	removeData bool
	out        io.Writer
	log        *logBuffer

	mu   sync.Mutex
	proc *process
}

// process is one run of the dendrite binary.
type process struct {
	cmd    *exec.Cmd
	exited chan struct{} // closed after Wait returned
	err    error         // Wait's result, set before exited closes
}

// Start configures and starts a Dendrite server and waits until its client API
// answers. It tries up to three free loopback ports.
func Start(ctx context.Context, opts Options) (*Server, error) {
	binDir := opts.BinDir
	if binDir == "" {
		var err error
		if binDir, err = Build(ctx, *zerolog.Ctx(ctx)); err != nil {
			return nil, err
		}
	}
	s := &Server{
		ServerName: opts.ServerName,
		DataDir:    opts.DataDir,
		binDir:     binDir,
		log:        &logBuffer{},
	}
	if s.ServerName == "" {
		s.ServerName = "localhost"
	}
	s.out = io.Writer(s.log)
	if opts.Log != nil {
		s.out = io.MultiWriter(s.log, opts.Log)
	}
	if s.DataDir == "" {
		dir, err := os.MkdirTemp("", "lotse-dendrite-")
		if err != nil {
			return nil, fmt.Errorf("failed to create the Dendrite data folder: %w", err)
		}
		s.DataDir, s.removeData = dir, true
	} else if err := os.MkdirAll(s.DataDir, 0o700); err != nil {
		return nil, fmt.Errorf("failed to create the Dendrite data folder: %w", err)
	}
	ok := false
	defer func() {
		if !ok && s.removeData {
			_ = os.RemoveAll(s.DataDir)
		}
	}()
	if err := s.prepare(ctx, opts.RateLimit); err != nil {
		return nil, err
	}
	var errs []error
	for attempt := 1; attempt <= startAttempts; attempt++ {
		addr, err := freePort()
		if err != nil {
			return nil, err
		}
		s.setAddr(addr)
		err = s.run(ctx)
		if err == nil {
			ok = true
			return s, nil
		}
		errs = append(errs, fmt.Errorf("attempt %d on %s: %w", attempt, addr, err))
		if ctx.Err() != nil {
			break
		}
	}
	return nil, fmt.Errorf("failed to start Dendrite: %w\n--- end of its log:\n%s", errors.Join(errs...), s.log.tail(errLogTail))
}

// prepare writes the shared secret, config and (if missing) signing key.
func (s *Server) prepare(ctx context.Context, rl *RateLimit) error {
	secret := make([]byte, 24)
	if _, err := rand.Read(secret); err != nil {
		return fmt.Errorf("failed to create the registration shared secret: %w", err)
	}
	s.SharedSecret = hex.EncodeToString(secret)
	if err := writeConfig(s.DataDir, s.ServerName, s.SharedSecret, rl); err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(s.DataDir, keyFile)); err == nil {
		return nil // keep the server's identity across Start calls on one folder
	}
	cmd := exec.CommandContext(ctx, filepath.Join(s.binDir, "generate-keys"), "--private-key", keyFile)
	cmd.Dir = s.DataDir
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("failed to generate the Dendrite signing key: %w\n%s", err, out)
	}
	return nil
}

func (s *Server) setAddr(addr string) {
	s.addr = addr
	s.URL = "http://" + addr
}

// freePort returns a loopback address whose port was free a moment ago.
func freePort() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("failed to find a free port: %w", err)
	}
	addr := l.Addr().String()
	if err := l.Close(); err != nil {
		return "", fmt.Errorf("failed to release the free port: %w", err)
	}
	return addr, nil
}

// run starts the process on s.addr and waits until it is ready. On failure
// the process is killed.
func (s *Server) run(ctx context.Context) error {
	cmd := exec.Command(filepath.Join(s.binDir, "dendrite"),
		"-config", configFile,
		"-http-bind-address", s.addr,
	)
	cmd.Dir = s.DataDir
	cmd.Stdout = s.out
	cmd.Stderr = s.out
	// Take the homeserver down with us if the test binary dies.
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	fmt.Fprintf(s.log, "--- lotse: starting dendrite on %s in %s\n", s.addr, s.DataDir)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("failed to run dendrite: %w", err)
	}
	p := &process{cmd: cmd, exited: make(chan struct{})}
	go func() {
		p.err = cmd.Wait()
		close(p.exited)
	}()
	s.mu.Lock()
	s.proc = p
	s.mu.Unlock()
	if err := s.waitReady(ctx, p); err != nil {
		_ = s.signalAndWait(p, syscall.SIGKILL, 0)
		return err
	}
	return nil
}

// waitReady polls /_matrix/client/versions until it answers 200, the process
// exits, ctx ends or readyTimeout passes.
func (s *Server) waitReady(ctx context.Context, p *process) error {
	ctx, cancel := context.WithTimeout(ctx, readyTimeout)
	defer cancel()
	client := &http.Client{Timeout: time.Second}
	url := s.URL + "/_matrix/client/versions"
	ticker := time.NewTicker(pollInterval)
	defer ticker.Stop()
	for {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return fmt.Errorf("failed to build the readiness request: %w", err)
		}
		if resp, err := client.Do(req); err == nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			_ = resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-p.exited:
			return fmt.Errorf("dendrite exited before it was ready: %v", p.err)
		case <-ctx.Done():
			return fmt.Errorf("failed to see %s answer: %w", url, ctx.Err())
		case <-ticker.C:
		}
	}
}

// signalAndWait sends sig and waits for the exit; after grace (if > 0) it
// sends SIGKILL. It reports whether SIGKILL was needed.
func (s *Server) signalAndWait(p *process, sig syscall.Signal, grace time.Duration) (killed bool) {
	select {
	case <-p.exited:
		return false
	default:
	}
	_ = p.cmd.Process.Signal(sig)
	if grace > 0 {
		timer := time.NewTimer(grace)
		defer timer.Stop()
		select {
		case <-p.exited:
			return false
		case <-timer.C:
			_ = p.cmd.Process.Signal(syscall.SIGKILL)
			killed = true
		}
	}
	<-p.exited
	return killed
}

// current returns the running (or last) process, or nil.
func (s *Server) current() *process {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.proc
}

// Stop ends the server: SIGTERM, then SIGKILL after 10 s. It removes the
// data folder if Start created it. Stop after Kill only cleans up; a second
// Stop does nothing.
func (s *Server) Stop() error {
	var err error
	if p := s.current(); p != nil {
		if s.signalAndWait(p, syscall.SIGTERM, stopTimeout) {
			err = fmt.Errorf("failed to stop Dendrite within %s: killed it", stopTimeout)
		}
	}
	if s.removeData {
		if rmErr := os.RemoveAll(s.DataDir); rmErr != nil {
			err = errors.Join(err, fmt.Errorf("failed to remove the Dendrite data folder: %w", rmErr))
		}
	}
	return err
}

// Kill ends the server with SIGKILL, like a crash, and waits for the exit.
// Restart brings it back on the same port with the same data.
//
// Dendrite's internal event streams live in memory (on-disk streams were
// measured to stall a room for up to 5 minutes after SIGKILL, NATS ack wait).
// So an event that /send acknowledged but the sync API had not stored yet is
// lost by Kill, and sometimes even by a graceful Restart. A test that needs
// an event after a restart must first wait until /sync shows it.
func (s *Server) Kill() {
	if p := s.current(); p != nil {
		s.signalAndWait(p, syscall.SIGKILL, 0)
	}
}

// Restart stops the server (gracefully, if it still runs) and starts it again
// with the same data folder, port and shared secret, waiting until it is
// ready. Clients keep working with the same URL and access tokens. See Kill
// for events in flight.
func (s *Server) Restart(ctx context.Context) error {
	if p := s.current(); p != nil {
		s.signalAndWait(p, syscall.SIGTERM, stopTimeout)
	}
	if err := s.run(ctx); err != nil {
		return fmt.Errorf("failed to restart Dendrite on %s: %w\n--- end of its log:\n%s", s.addr, err, s.log.tail(errLogTail))
	}
	return nil
}

// Running reports whether the Dendrite process is alive.
func (s *Server) Running() bool {
	p := s.current()
	if p == nil {
		return false
	}
	select {
	case <-p.exited:
		return false
	default:
		return true
	}
}

// Log returns Dendrite's output so far (the last 8 MiB, across restarts).
func (s *Server) Log() string {
	return s.log.String()
}

// logBuffer is a concurrency-safe buffer that keeps the newest maxLogSize bytes.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf.Write(p)
	if over := b.buf.Len() - maxLogSize; over > 0 {
		// Drop a bit more than needed so trimming stays rare.
		b.buf.Next(over + maxLogSize/4)
		rest := append([]byte("--- lotse: older log lines dropped\n"), b.buf.Bytes()...)
		b.buf.Reset()
		b.buf.Write(rest)
	}
	return len(p), nil
}

// tail returns the last n bytes of the log.
func (b *logBuffer) tail(n int) string {
	b.mu.Lock()
	defer b.mu.Unlock()
	data := b.buf.Bytes()
	if len(data) > n {
		data = data[len(data)-n:]
	}
	return string(data)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

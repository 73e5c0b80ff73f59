// Package dendrite builds, configures and runs a real Matrix homeserver
// (Dendrite) on loopback for Lotse's integration tests and for `lotse demo`.
//
// Dendrite is pinned in its own module, tools/dendrite, so that it keeps its
// own tested dependency versions. Build compiles it once into a per-user cache
// folder; Start runs one instance with a throw-away configuration.
package dendrite

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/rs/zerolog"
)

// Version is the Dendrite release that tools/dendrite pins and Build installs.
const Version = "0.13.8"

const (
	// EnvTools names a folder holding the tools/dendrite module; it overrides
	// the search upwards from the working directory.
	EnvTools = "LOTSE_DENDRITE_TOOLS"
	// EnvBin names a folder with prebuilt dendrite, generate-keys and
	// create-account binaries; when set, Build uses it and builds nothing.
	EnvBin = "LOTSE_DENDRITE_BIN"

	modulePath = "github.com/matrix-org/dendrite"
	toolsRel   = "tools/dendrite"
)

// binaries are the commands Build installs. dendrite comes last: its presence
// and version mark a complete build.
var binaries = []string{"generate-keys", "create-account", "dendrite"}

// CacheDir returns the folder Build installs the binaries into:
// $XDG_CACHE_HOME (or ~/.cache) + /lotse/dendrite-v<Version>.
func CacheDir() (string, error) {
	base := os.Getenv("XDG_CACHE_HOME")
	if base == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("failed to find the home directory for the build cache: %w", err)
		}
		base = filepath.Join(home, ".cache")
	}
	return filepath.Join(base, "lotse", "dendrite-v"+Version), nil
}

// Build returns a folder holding the dendrite, generate-keys and
// create-account binaries of Version, building them with `go install` from
// the repository's tools/dendrite module if the cache holds no usable build.
//
// A cold build takes about 1.5 minutes on 2 cores, so give ctx a generous
// deadline. Build is safe to call from several processes at once: a lock file
// in the cache folder lets one of them build while the others wait.
func Build(ctx context.Context, log zerolog.Logger) (binDir string, err error) {
	if dir := os.Getenv(EnvBin); dir != "" {
		if err := checkBinaries(dir); err != nil {
			return "", fmt.Errorf("failed to use %s=%s: %w", EnvBin, dir, err)
		}
		return dir, nil
	}
	binDir, err = CacheDir()
	if err != nil {
		return "", err
	}
	if upToDate(ctx, binDir) {
		return binDir, nil
	}
	toolsDir, err := findToolsModule()
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(binDir, 0o755); err != nil {
		return "", fmt.Errorf("failed to create the build cache folder: %w", err)
	}
	unlock, err := lockFile(ctx, log, filepath.Join(binDir, ".build.lock"))
	if err != nil {
		return "", err
	}
	defer unlock()
	// Another process may have finished the build while we waited.
	if upToDate(ctx, binDir) {
		return binDir, nil
	}
	start := time.Now()
	log.Info().Str("version", Version).Str("bin_dir", binDir).
		Msg("Building Dendrite (a cold build takes about 1.5 minutes)")
	if err := install(ctx, toolsDir, binDir); err != nil {
		return "", err
	}
	if !upToDate(ctx, binDir) {
		return "", fmt.Errorf("failed to build Dendrite: %s/dendrite -version does not print %s", binDir, Version)
	}
	log.Info().Stringer("took", time.Since(start)).Msg("Built Dendrite")
	return binDir, nil
}

// checkBinaries reports whether dir holds all binaries Build provides.
func checkBinaries(dir string) error {
	for _, name := range binaries {
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			return fmt.Errorf("failed to find %s: %w", name, err)
		}
		if info.IsDir() || info.Mode()&0o111 == 0 {
			return fmt.Errorf("failed to use %s: not an executable file", name)
		}
	}
	return nil
}

// upToDate reports whether dir holds all binaries and dendrite reports Version.
func upToDate(ctx context.Context, dir string) bool {
	if checkBinaries(dir) != nil {
		return false
	}
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, filepath.Join(dir, "dendrite"), "-version").Output()
	return err == nil && strings.TrimSpace(string(out)) == Version
}

// findToolsModule locates the tools/dendrite module: $LOTSE_DENDRITE_TOOLS,
// else upwards from the working directory, else upwards from this package's
// source folder (known when running from a checkout, e.g. under go test).
func findToolsModule() (string, error) {
	if dir := os.Getenv(EnvTools); dir != "" {
		if err := checkToolsModule(dir); err != nil {
			return "", fmt.Errorf("failed to use %s=%s: %w", EnvTools, dir, err)
		}
		return dir, nil
	}
	var starts []string
	if wd, err := os.Getwd(); err == nil {
		starts = append(starts, wd)
	}
	if _, file, _, ok := runtime.Caller(0); ok && filepath.IsAbs(file) {
		starts = append(starts, filepath.Dir(file))
	}
	for _, start := range starts {
		for dir := start; ; dir = filepath.Dir(dir) {
			candidate := filepath.Join(dir, filepath.FromSlash(toolsRel))
			if _, err := os.Stat(filepath.Join(candidate, "go.mod")); err == nil {
				if err := checkToolsModule(candidate); err != nil {
					return "", err
				}
				return candidate, nil
			}
			if filepath.Dir(dir) == dir {
				break
			}
		}
	}
	return "", fmt.Errorf("failed to find the %s module above %s; run from the Lotse repository, set %s to it or set %s to prebuilt binaries",
		toolsRel, strings.Join(starts, " or "), EnvTools, EnvBin)
}

// checkToolsModule verifies that dir/go.mod pins Dendrite at Version, so that
// the cache folder's name matches what gets built into it.
func checkToolsModule(dir string) error {
	data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return fmt.Errorf("failed to read the Dendrite tools module: %w", err)
	}
	if !bytes.Contains(data, []byte(modulePath+" v"+Version)) {
		return fmt.Errorf("failed to use %s/go.mod: it does not require %s v%s (update dendrite.Version with it)", dir, modulePath, Version)
	}
	return nil
}

// install runs `go install` in toolsDir into a fresh folder next to binDir and
// then renames the binaries into binDir, so that no process ever runs a half
// written binary.
func install(ctx context.Context, toolsDir, binDir string) error {
	goBin, err := goCommand()
	if err != nil {
		return err
	}
	tmpBin, err := os.MkdirTemp(binDir, ".install-")
	if err != nil {
		return fmt.Errorf("failed to create a temporary install folder: %w", err)
	}
	defer os.RemoveAll(tmpBin)

	args := []string{"install"}
	for _, name := range binaries {
		args = append(args, modulePath+"/cmd/"+name)
	}
	cmd := exec.CommandContext(ctx, goBin, args...)
	cmd.Dir = toolsDir
	cmd.Env = append(cleanGoEnv(os.Environ()),
		"GOBIN="+tmpBin,
		"GOWORK=off",
		// Drop the caller's GOFLAGS (e.g. -race or -tags goolm from CI):
		// Dendrite is built plainly from its own module.
		"GOFLAGS=-buildvcs=false -mod=readonly",
	)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	// Kill the whole process group (go and its compilers) on cancellation,
	// and the go command itself if this process dies.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Run(); err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			err = ctxErr
		}
		return fmt.Errorf("failed to build Dendrite (go %s in %s): %w\n%s", strings.Join(args, " "), toolsDir, err, out.Bytes())
	}
	for _, name := range binaries {
		if err := os.Rename(filepath.Join(tmpBin, name), filepath.Join(binDir, name)); err != nil {
			return fmt.Errorf("failed to move %s into the build cache: %w", name, err)
		}
	}
	return nil
}

// goCommand finds the go tool: $GOROOT/bin/go if set, else go on $PATH.
func goCommand() (string, error) {
	if root := os.Getenv("GOROOT"); root != "" {
		candidate := filepath.Join(root, "bin", "go")
		if _, err := os.Stat(candidate); err == nil {
			return candidate, nil
		}
	}
	path, err := exec.LookPath("go")
	if err != nil {
		return "", fmt.Errorf("failed to find the go command to build Dendrite (install Go or set %s): %w", EnvBin, err)
	}
	return path, nil
}

// cleanGoEnv drops the variables install sets itself.
func cleanGoEnv(env []string) []string {
	out := env[:0:0]
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "GOBIN", "GOWORK", "GOFLAGS", "GOOS", "GOARCH":
			continue
		}
		out = append(out, kv)
	}
	return out
}

// lockFile takes an exclusive flock on path, polling so that ctx can cancel
// the wait. The lock dies with the process, so a killed build never blocks
// later ones. The returned func releases it.
func lockFile(ctx context.Context, log zerolog.Logger, path string) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("failed to open the build lock: %w", err)
	}
	release := func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		_ = f.Close()
	}
	ticker := time.NewTicker(200 * time.Millisecond)
	defer ticker.Stop()
	logged := false
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return release, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			_ = f.Close()
			return nil, fmt.Errorf("failed to lock %s: %w", path, err)
		}
		if !logged {
			log.Info().Str("lock", path).Msg("Waiting for another process to finish building Dendrite")
			logged = true
		}
		select {
		case <-ctx.Done():
			_ = f.Close()
			return nil, fmt.Errorf("failed to wait for the Dendrite build lock: %w", ctx.Err())
		case <-ticker.C:
		}
	}
}

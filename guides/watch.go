package guides

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/rs/zerolog"
)

// DefaultDebounce is how long [Store.Watch] waits after the last change
// before it reloads, so that an editor's or git's burst of writes causes
// one reload.
const DefaultDebounce = 300 * time.Millisecond

// Store holds the current library and replaces it when the files change.
// Readers call Current for every request and never see a half-loaded
// library.
type Store struct {
	dir string
	log zerolog.Logger
	// load are the load options given to NewStore without their learned
	// questions: those live in learned, which every load adds, so a
	// question forgotten since the start is not kept here as well.
	load loadOptions

	cur      atomic.Pointer[loaded]
	reloadMu sync.Mutex // serialises reloads so an older load never wins
	learned  Learned    // added to every load (guarded by reloadMu)
	// loadedPrint is the folder's fingerprint taken just before the first
	// load; Watch skips its catch-up reload when it is unchanged (a second
	// copy of a large library in memory is the peak of Lotse's RSS).
	loadedPrint    uint64
	loadedProblems []Problem

	hooksMu sync.Mutex
	hooks   []func(*Library, []Problem)
}

// loaded is one library in use: the files' guides with the learned
// questions (lib), and the files' library without them (base, for
// [Store.Base]). Only lib is indexed at load; base is built on first use
// when there are learned questions, else it is lib.
type loaded struct {
	lib  *Library
	base func() *Library
}

// NewStore loads the library in dir once. Problems in single guides are
// logged and the valid guides are used; the error is non-nil only if dir
// cannot be read. With [WithLearnedQuestions] the learned questions count
// from the start, and the search index is built once.
func NewStore(dir string, log zerolog.Logger, opts ...Option) (*Store, error) {
	o := newLoadOptions(opts)
	s := &Store{dir: dir, log: log, load: o, loadedPrint: fingerprint(dir), learned: o.learned}
	s.load.learned = nil
	lib, problems, err := Load(dir, opts...)
	if err != nil {
		return nil, err
	}
	s.use(lib, nil)
	s.loadedProblems = problems
	s.logLoaded(lib, problems)
	return s, nil
}

// use makes lib, loaded with s.learned, the current library. base gives
// the same files' library without learned questions; nil: lib's own (lib
// itself without learned questions, else built from lib on first use).
func (s *Store) use(lib *Library, base func() *Library) {
	switch {
	case len(s.learned) == 0:
		base = func() *Library { return lib }
	case base == nil:
		base = sync.OnceValue(func() *Library { return lib.remap(withoutLearned) })
	}
	s.cur.Store(&loaded{lib: lib, base: base})
}

// withoutLearned returns g as its file has it: without learned questions
// (which only [Library.WithLearned] and [WithLearnedQuestions] add).
func withoutLearned(g *Guide) *Guide {
	if len(g.Learned) == 0 {
		return g
	}
	cp := *g
	cp.Learned = nil
	return &cp
}

// Current returns the library as last loaded. It never returns nil.
func (s *Store) Current() *Library {
	return s.cur.Load().lib
}

// Dir returns the library's folder.
func (s *Store) Dir() string { return s.dir }

// OnReload registers fn to be called after every reload with the new library
// and its problems (for metrics and tests). Callbacks run on the goroutine
// that reloaded, one after another, and must not block for long.
func (s *Store) OnReload(fn func(*Library, []Problem)) {
	s.hooksMu.Lock()
	defer s.hooksMu.Unlock()
	s.hooks = append(s.hooks, fn)
}

// ErrLibraryEmptied is returned by [Store.Reload] when the folder has no
// guides any more while the current library has some.
var ErrLibraryEmptied = errors.New("guide library emptied")

// Reload loads the library again and swaps it in, even if some guides have
// problems: a file that fails now but loaded before keeps its guide as
// loaded before (an editor may still be writing it), with a warning; a
// new file that fails is skipped. If dir cannot be read, or it has no guides
// any more while the current library has some ([ErrLibraryEmptied]), the
// current library stays and the error is returned. `lotse run` calls it on
// SIGHUP; [Store.Watch] calls it on file changes.
func (s *Store) Reload(ctx context.Context) ([]Problem, error) {
	s.reloadMu.Lock()
	defer s.reloadMu.Unlock()
	fp := fingerprint(s.dir)
	opts := func(o *loadOptions) { *o = s.load; o.learned = s.learned; o.previous = s.Current() }
	lib, problems, err := Load(s.dir, opts)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("failed to reload guides: %w", err)
	}
	if cur := s.Current(); lib.Len() == 0 && cur.Len() > 0 {
		// An emptied folder is a deployment in progress or a volume that
		// is not mounted, not a wish to answer nobody: members would get
		// "no guide fits" for everything and open cases in a flood.
		return problems, fmt.Errorf("%w: %s has no guides now, keeping the %d loaded before", ErrLibraryEmptied, s.dir, cur.Len())
	}
	s.loadedPrint = fp
	s.use(lib, nil)
	s.logLoaded(lib, problems)
	s.notify(lib, problems)
	return problems, nil
}

// Libraries returns Current and the library of the same load as read from
// the files, without the learned questions, for comparing the two without
// a reload in between. Neither is nil. When there are learned questions,
// the search index of base is built on the first call after a load (only
// the team's teaching needs it).
func (s *Store) Libraries() (current, base *Library) {
	l := s.cur.Load()
	return l.lib, l.base()
}

// SetLearned replaces the learned questions (issue #18.3): Current is the
// files' library with them added to each guide's example questions, from
// now on and after every reload. The map is copied. The same questions
// again change nothing (no new search index).
func (s *Store) SetLearned(learned Learned) {
	s.SetLearnedBuilt(learned, nil, nil)
}

// SetLearnedBuilt is [Store.SetLearned] with the library already built:
// lib is the files' library with learned added (base.WithLearned(learned)
// for cur and base of one [Store.Libraries] call), as the team's guard
// builds it to judge a new question. While cur is still the current
// library, lib is used as it is instead of building the same search index
// a second time. After a reload or other learned questions in between, or
// when lib's guides do not hold exactly learned, it builds like
// SetLearned.
func (s *Store) SetLearnedBuilt(learned Learned, cur, lib *Library) {
	s.reloadMu.Lock()
	defer s.reloadMu.Unlock()
	if maps.EqualFunc(s.learned, learned, slices.Equal) {
		return
	}
	s.learned = learned.clone()
	// The files did not change: the files' library stays (built or not).
	now := s.cur.Load()
	if lib == nil || now.lib != cur || lib.Len() != cur.Len() || !lib.HoldsLearned(s.learned) {
		lib = now.lib.remap(func(g *Guide) *Guide { return learnedGuide(withoutLearned(g), s.learned) })
	}
	s.use(lib, now.base)
}

// notify calls the OnReload hooks.
func (s *Store) notify(lib *Library, problems []Problem) {
	s.hooksMu.Lock()
	hooks := append([]func(*Library, []Problem){}, s.hooks...)
	s.hooksMu.Unlock()
	for _, fn := range hooks {
		fn(lib, problems)
	}
}

// logLoaded logs each problem (file, line, message; never guide text) and a
// summary line.
func (s *Store) logLoaded(lib *Library, problems []Problem) {
	errs := 0
	for _, p := range problems {
		level := zerolog.WarnLevel
		if !p.Warning {
			errs++
			level = zerolog.ErrorLevel
		}
		s.log.WithLevel(level).Str("file", p.File).Int("line", p.Line).Str("problem", p.Message).Msg("Problem in guide file")
	}
	e := s.log.Info().Str("dir", s.dir).Int("guides", lib.Len()).Int("skipped_files", countFiles(problems)).Int("problems", len(problems))
	if len(lib.leftOut) > 0 {
		// Not a problem: guides about a feature that is off (WithFeatures).
		e = e.Strs("left_out_feature_off", lib.leftOut)
	}
	e.Msg("Loaded guide library")
}

// countFiles counts the files with at least one error problem.
func countFiles(problems []Problem) int {
	files := map[string]bool{}
	for _, p := range problems {
		if !p.Warning {
			files[p.File] = true
		}
	}
	return len(files)
}

// Watch reloads the library whenever files below dir change, until ctx is
// done; then it returns nil. It watches all folders recursively (including
// folders created later), waits for DefaultDebounce of quiet before
// reloading, and reloads once right after the watches are set up if files
// changed since NewStore (else it only calls the OnReload hooks). The error is non-nil only if
// the watcher cannot be started.
func (s *Store) Watch(ctx context.Context) error {
	return s.watch(ctx, DefaultDebounce, DefaultRecheck)
}

// DefaultRecheck is how often [Store.Watch] also compares the folder's
// fingerprint with the loaded one, for changes file events do not report:
// a swapped symbolic link (library -> releases/43), a folder that was
// deleted and created again, or a mount that delivers no events.
const DefaultRecheck = time.Minute

func (s *Store) watch(ctx context.Context, debounce, recheck time.Duration) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("failed to start file watcher: %w", err)
	}
	defer w.Close()
	if err := s.addTree(w, s.dir); err != nil {
		return fmt.Errorf("failed to watch %s: %w", s.dir, err)
	}
	if s.loadedPrint != 0 && fingerprint(s.dir) == s.loadedPrint {
		// Nothing changed since NewStore: tell the hooks without loading
		// the same library a second time.
		s.notify(s.Current(), s.loadedProblems)
	} else {
		s.Refresh(ctx)
	}

	timer := time.NewTimer(debounce)
	timer.Stop()
	defer timer.Stop()
	check := time.NewTicker(recheck)
	defer check.Stop()
	var fire <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-check.C:
			s.reloadMu.Lock()
			changed := fingerprint(s.dir) != s.loadedPrint
			s.reloadMu.Unlock()
			if changed && fire == nil {
				// Watch the folder again too: it may be a new one.
				if err := s.addTree(w, s.dir); err != nil {
					s.log.Warn().Err(err).Str("dir", s.dir).Msg("Failed to watch guide folder")
				}
				timer.Reset(debounce)
				fire = timer.C
			}
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if !s.relevant(ev) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					if err := s.addTree(w, ev.Name); err != nil {
						s.log.Warn().Err(err).Str("dir", ev.Name).Msg("Failed to watch new guide folder")
					}
				}
			}
			timer.Reset(debounce)
			fire = timer.C
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			// Usually an event queue overflow: reload to be safe.
			s.log.Warn().Err(err).Msg("Guide file watcher reported an error")
			timer.Reset(debounce)
			fire = timer.C
		case <-fire:
			fire = nil
			s.Refresh(ctx)
		}
	}
}

// fingerprint hashes the names, sizes and modification times of the files
// below dir (0 if dir cannot be read), to tell whether anything changed. A
// symbolic link as dir is followed; its target's path is part of the hash.
func fingerprint(dir string) uint64 {
	h := fnv.New64a()
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return 0
	}
	err = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00%d\x00", p, info.Size(), info.ModTime().UnixNano())
		return nil
	})
	if err != nil {
		return 0
	}
	return h.Sum64() | 1
}

// Refresh is Reload for callers that only log: a failure is logged and the
// old library stays in place (file changes, the recheck, SIGHUP).
func (s *Store) Refresh(ctx context.Context) {
	if _, err := s.Reload(ctx); err != nil && ctx.Err() == nil {
		s.log.Err(err).Str("dir", s.dir).Msg("Failed to reload guides, keeping the previous library")
	}
}

// relevant reports whether an event may change the library: chmod-only
// events and hidden files (editor swap files, .git) are ignored.
func (s *Store) relevant(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod {
		return false
	}
	rel, err := filepath.Rel(s.dir, ev.Name)
	if err != nil {
		return true
	}
	for _, part := range strings.Split(filepath.ToSlash(rel), "/") {
		if strings.HasPrefix(part, ".") && part != "." && part != ".." {
			return false
		}
	}
	return true
}

// addTree watches dir and every non-hidden folder below it.
func (s *Store) addTree(w *fsnotify.Watcher, dir string) error {
	dir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return err
	}
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			s.log.Warn().Err(err).Str("dir", p).Msg("Failed to read guide folder")
			return nil
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		if err := w.Add(p); err != nil {
			if p == dir {
				return err
			}
			s.log.Warn().Err(err).Str("dir", p).Msg("Failed to watch guide folder")
		}
		return nil
	})
}

package guides_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/guides"
)

type reload struct {
	lib      *guides.Library
	problems []guides.Problem
}

func guideSrc(title string) string {
	return fmt.Sprintf("---\ntitle: %s\ntags: [a]\nsummary: S\n---\nText.\n", title)
}

// startWatch starts Store.Watch on dir and waits for its first reload, so
// the watches are in place when it returns.
func startWatch(t *testing.T, s *guides.Store) <-chan reload {
	t.Helper()
	return startWatchEvery(t, s, guides.DefaultRecheck)
}

// startWatchEvery is startWatch with the fingerprint recheck interval.
func startWatchEvery(t *testing.T, s *guides.Store, recheck time.Duration) <-chan reload {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	reloads := make(chan reload)
	s.OnReload(func(lib *guides.Library, problems []guides.Problem) {
		select {
		case reloads <- reload{lib, problems}:
		case <-ctx.Done():
		}
	})
	done := make(chan error, 1)
	go func() { done <- s.WatchEvery(ctx, guides.DefaultDebounce, recheck) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Watch returned %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("Watch did not return after cancel")
		}
	})
	waitReload(t, reloads, "the initial reload", func(reload) bool { return true })
	return reloads
}

// waitReload waits until a reload satisfies ok.
func waitReload(t *testing.T, reloads <-chan reload, what string, ok func(reload) bool) reload {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case r := <-reloads:
			if ok(r) {
				return r
			}
		case <-deadline:
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

func TestStoreWatch(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "alt/eins.md", guideSrc("Eins"))
	var logs bytes.Buffer
	s, err := guides.NewStore(dir, zerolog.New(&logs))
	if err != nil {
		t.Fatal(err)
	}
	if s.Current().Len() != 1 {
		t.Fatalf("got %d guides, want 1", s.Current().Len())
	}
	reloads := startWatch(t, s)

	// A guide in a folder created after Watch started.
	writeFile(t, dir, "neu/tief/zwei.md", guideSrc("Zwei"))
	waitReload(t, reloads, "the new guide", func(r reload) bool {
		_, ok := r.lib.Get("neu/tief/zwei.md")
		return ok
	})
	if _, ok := s.Current().Get("neu/tief/zwei.md"); !ok {
		t.Error("Current() does not have the new guide")
	}
	if hits := s.Current().Search("Zwei", 5).Hits; len(hits) == 0 || hits[0].ID != "neu/tief/zwei.md" {
		t.Errorf("search for the new guide got %+v", hits)
	}

	// The new folder is watched too.
	writeFile(t, dir, "neu/tief/drei.md", guideSrc("Drei"))
	waitReload(t, reloads, "a guide in the new folder", func(r reload) bool {
		_, ok := r.lib.Get("neu/tief/drei.md")
		return ok
	})

	// A malformed file is reported with file and line; the rest keeps working.
	bad := filepath.Join(dir, "neu", "kaputt.md")
	writeFile(t, dir, "neu/kaputt.md", "---\ntitle: Kaputt\ntags: [a\nsummary: S\n---\nText.\n")
	r := waitReload(t, reloads, "the problem report", func(r reload) bool { return len(r.problems) > 0 })
	if p := r.problems[0]; p.File != bad || p.Line != 3 || len(r.problems) != 1 {
		t.Errorf("got problems %v, want one at %s:3", r.problems, bad)
	}
	if r.lib.Len() != 3 || s.Current() != r.lib {
		t.Errorf("got %d guides, want the 3 valid ones in the current library", r.lib.Len())
	}
	if !strings.Contains(logs.String(), `"file":"`+bad+`","line":3`) {
		t.Errorf("the problem was not logged with file and line:\n%s", logs.String())
	}

	// Fixing and deleting files.
	writeFile(t, dir, "neu/kaputt.md", guideSrc("Repariert"))
	if err := os.Remove(filepath.Join(dir, "alt", "eins.md")); err != nil {
		t.Fatal(err)
	}
	waitReload(t, reloads, "the fix and the removal", func(r reload) bool {
		_, fixed := r.lib.Get("neu/kaputt.md")
		_, old := r.lib.Get("alt/eins.md")
		return fixed && !old && len(r.problems) == 0
	})
}

func TestStoreReload(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a/eins.md", guideSrc("Eins"))
	s, err := guides.NewStore(dir, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	old := s.Current()
	writeFile(t, dir, "a/zwei.md", "kein Front Matter")
	problems, err := s.Reload(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 1 || problems[0].Line != 1 {
		t.Errorf("got problems %v", problems)
	}
	if s.Current() == old || s.Current().Len() != 1 {
		t.Error("Reload did not swap in a new library")
	}

	// If the folder disappears, the old library stays.
	cur := s.Current()
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Reload(context.Background()); err == nil {
		t.Error("got no error for a missing folder")
	}
	if s.Current() != cur {
		t.Error("the library was replaced after a failed reload")
	}
}

func TestNewStoreMissingDir(t *testing.T) {
	if _, err := guides.NewStore(filepath.Join(t.TempDir(), "fehlt"), zerolog.Nop()); err == nil {
		t.Error("got no error for a missing folder")
	}
}

// TestStoreLinkedFolder: the library folder is a symbolic link to a release
// folder, as deployments do it. The guides behind the link are loaded, and
// swapping the link to a new release is noticed (file events do not report
// it; the fingerprint recheck does).
func TestStoreLinkedFolder(t *testing.T) {
	base := t.TempDir()
	writeFile(t, base, "releases/1/a/eins.md", guideSrc("Eins"))
	writeFile(t, base, "releases/2/a/zwei.md", guideSrc("Zwei"))
	link := filepath.Join(base, "library")
	if err := os.Symlink(filepath.Join(base, "releases", "1"), link); err != nil {
		t.Fatal(err)
	}
	s, err := guides.NewStore(link, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Current().Get("a/eins.md"); !ok || s.Current().Len() != 1 {
		t.Fatalf("library behind the link: %d guides, want a/eins.md", s.Current().Len())
	}
	reloads := startWatchEvery(t, s, 50*time.Millisecond)
	// Swap the link atomically, as a deployment does (ln -sfn is not).
	tmp := filepath.Join(base, "library.new")
	if err := os.Symlink(filepath.Join(base, "releases", "2"), tmp); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, link); err != nil {
		t.Fatal(err)
	}
	waitReload(t, reloads, "the new release", func(r reload) bool {
		_, ok := r.lib.Get("a/zwei.md")
		return ok && r.lib.Len() == 1
	})
}

// TestStoreKeepsLibraryWhenEmptied: a folder that suddenly has no guides
// (a deployment half done, a volume not mounted) does not replace the
// library; guides coming back are loaded again.
func TestStoreKeepsLibraryWhenEmptied(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a/eins.md", guideSrc("Eins"))
	writeFile(t, dir, "a/zwei.md", guideSrc("Zwei"))
	s, err := guides.NewStore(dir, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	cur := s.Current()
	if err := os.RemoveAll(filepath.Join(dir, "a")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Reload(context.Background()); !errors.Is(err, guides.ErrLibraryEmptied) {
		t.Fatalf("reload of an emptied folder: %v, want ErrLibraryEmptied", err)
	}
	if s.Current() != cur {
		t.Fatal("an emptied folder replaced the library")
	}
	writeFile(t, dir, "b/drei.md", guideSrc("Drei"))
	if _, err := s.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Current().Get("b/drei.md"); !ok || s.Current().Len() != 1 {
		t.Fatalf("after the guides came back: %d guides", s.Current().Len())
	}
}

// builds fails t unless f builds want search indexes; what names f.
func builds(t *testing.T, want int64, what string, f func()) {
	t.Helper()
	before := guides.IndexBuilds()
	f()
	if got := guides.IndexBuilds() - before; got != want {
		t.Fatalf("%s built %d search indexes, want %d", what, got, want)
	}
}

// TestStoreLearnedIndexBuilds: a store given the learned questions at
// start builds one search index (not one for the files and another for the
// questions), so does a reload; the files' library (Base) is built only
// when asked for; the same questions again build nothing.
func TestStoreLearnedIndexBuilds(t *testing.T) {
	dir := writeLibrary(t)
	learned := guides.Learned{"termine/kalender.md": {memberWords}}
	var s *guides.Store
	builds(t, 1, "the start", func() {
		var err error
		if s, err = guides.NewStore(dir, zerolog.Nop(), guides.WithLearnedQuestions(learned)); err != nil {
			t.Fatal(err)
		}
	})
	if got := firstHit(s.Current(), memberWords); got != "termine/kalender.md" {
		t.Fatalf("learned question not searched from the start: first hit %q", got)
	}
	builds(t, 0, "the same questions again", func() { s.SetLearned(guides.Learned{"termine/kalender.md": {memberWords}}) })
	builds(t, 1, "a reload", func() {
		if _, err := s.Reload(context.Background()); err != nil {
			t.Fatal(err)
		}
	})
	if got := firstHit(s.Current(), memberWords); got != "termine/kalender.md" {
		t.Fatalf("learned question lost in the reload: first hit %q", got)
	}
	builds(t, 1, "the files' library, twice", func() { s.Base(); s.Base() })
	if got := firstHit(s.Base(), memberWords); got == "termine/kalender.md" {
		t.Fatal("the files' library has the learned question")
	}
	if g, _ := s.Base().Get("termine/kalender.md"); len(g.Learned) != 0 {
		t.Fatalf("base guide has learned questions %q", g.Learned)
	}
	builds(t, 1, "other questions", func() { s.SetLearned(guides.Learned{"konto/passwort.md": {memberWords}}) })
	builds(t, 0, "the files' library after new questions", func() { s.Base() })
	if g, _ := s.Base().Get("konto/passwort.md"); len(g.Learned) != 0 {
		t.Fatalf("base guide has learned questions %q", g.Learned)
	}
	builds(t, 0, "both libraries of one load", func() {
		if cur, base := s.Libraries(); cur != s.Current() || base != s.Base() || cur == base {
			t.Fatal("Libraries is not Current and Base of one load")
		}
	})
	builds(t, 1, "no questions", func() { s.SetLearned(nil) })
	if got := firstHit(s.Current(), memberWords); got == "termine/kalender.md" {
		t.Fatal("still found after forgetting")
	}
	builds(t, 0, "the files' library without learned questions", func() { s.Base() })
}

// TestStoreSetLearnedBuilt: a library built from Libraries' base with the
// learned questions is used as it is (no second build) while the library it
// was built beside is still current; after a reload in between, or when it
// does not hold exactly the learned questions, the store builds its own.
func TestStoreSetLearnedBuilt(t *testing.T) {
	dir := writeLibrary(t)
	learned := guides.Learned{"termine/kalender.md": {memberWords}}
	s, err := guides.NewStore(dir, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	cur, base := s.Libraries()
	lib := base.WithLearned(learned)
	builds(t, 0, "the built library", func() { s.SetLearnedBuilt(learned, cur, lib) })
	if s.Current() != lib || firstHit(s.Current(), memberWords) != "termine/kalender.md" {
		t.Fatal("the built library is not in use")
	}
	if s.Base() != base {
		t.Fatal("the files' library changed")
	}

	// Built beside a library that is no longer current: a reload came in between.
	cur, base = s.Libraries()
	other := guides.Learned{"konto/passwort.md": {memberWords}}
	stale := base.WithLearned(other)
	if _, err := s.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	builds(t, 1, "a library built before a reload", func() { s.SetLearnedBuilt(other, cur, stale) })
	if s.Current() == stale || firstHit(s.Current(), memberWords) != "konto/passwort.md" {
		t.Fatal("the stale library is in use, or the learned question is not searched")
	}

	// A library that does not hold the questions given.
	cur, base = s.Libraries()
	wrong := base.WithLearned(learned)
	builds(t, 1, "a library with other questions", func() {
		s.SetLearnedBuilt(guides.Learned{"konto/passwort.md": {"wie setze ich es zurück"}}, cur, wrong)
	})
	if s.Current() == wrong {
		t.Fatal("a library with other questions is in use")
	}
	if g, _ := s.Current().Get("konto/passwort.md"); len(g.Learned) != 1 || g.Learned[0] != "wie setze ich es zurück" {
		t.Fatalf("learned questions in use: %q", g.Learned)
	}
}

// BenchmarkStoreTeach: what the store does after a successful !lehren on
// the starter library: building the library with the new question again
// (set) or taking the one the guard built (built; the guard's own build is
// outside the timing in both).
//
//	go test -tags goolm -run XXX -bench StoreTeach -benchtime 50x -benchmem ./guides/
func BenchmarkStoreTeach(b *testing.B) {
	s, err := guides.NewStore(filepath.Join("..", "library"), zerolog.Nop())
	if err != nil {
		b.Fatal(err)
	}
	id := s.Current().Guides()[0].ID
	for _, built := range []bool{false, true} {
		b.Run(map[bool]string{false: "set", true: "built"}[built], func(b *testing.B) {
			n := 0
			for b.Loop() {
				b.StopTimer()
				n++
				learned := guides.Learned{id: {fmt.Sprintf("wie geht das mit nummer %d", n)}}
				cur, base := s.Libraries()
				lib := base.WithLearned(learned)
				b.StartTimer()
				if built {
					s.SetLearnedBuilt(learned, cur, lib)
				} else {
					s.SetLearned(learned)
				}
			}
		})
	}
}

// BenchmarkStoreStartLearned: starting the store with learned questions,
// given at start (one index build) and set after the start as before
// (two). 2,000 generated guides, one learned question for every tenth.
//
//	go test -tags goolm -run XXX -bench StoreStartLearned -benchmem ./guides/
func BenchmarkStoreStartLearned(b *testing.B) {
	dir := b.TempDir()
	learned := guides.Learned{}
	for i := range 2000 {
		topic := filepath.Join(dir, fmt.Sprintf("thema%02d", i%20))
		if err := os.MkdirAll(topic, 0o755); err != nil {
			b.Fatal(err)
		}
		body := strings.Repeat(fmt.Sprintf("Schritt %d: Öffne die Einstellungen und wähle Konto %d. ", i, i), 20)
		src := fmt.Sprintf("---\ntitle: Anleitung %d\ntags: [konto, t%d]\nsummary: Wie Konto %d geht.\n---\n## Schritte\n\n%s\n", i, i, i, body)
		if err := os.WriteFile(filepath.Join(topic, fmt.Sprintf("g%04d.md", i)), []byte(src), 0o644); err != nil {
			b.Fatal(err)
		}
		if i%10 == 0 {
			learned[fmt.Sprintf("thema%02d/g%04d.md", i%20, i)] = []string{fmt.Sprintf("wie komme ich an konto nummer %d", i)}
		}
	}
	b.Run("at-start", func(b *testing.B) {
		for b.Loop() {
			if _, err := guides.NewStore(dir, zerolog.Nop(), guides.WithLearnedQuestions(learned)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("set-after-start", func(b *testing.B) {
		for b.Loop() {
			s, err := guides.NewStore(dir, zerolog.Nop())
			if err != nil {
				b.Fatal(err)
			}
			s.SetLearned(learned)
		}
	})
}

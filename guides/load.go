package guides

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// MaxFileSize is the largest guide file Load accepts: 64 KiB, eight times
// the largest shipped guide (8 KB) and about thirty chat messages of
// answer. It was 1 MiB until mend25b: answering from a guide costs
// time that grows faster than its size (each „mehr“ renders the rest of
// the guide to find how much fits a message; goldmark itself is
// super-linear on some legal inputs, link reference definitions and wide
// tables among them), so a legal 880 KB guide cost 2 to 19 s of CPU per
// „mehr“, and a 256 KB table 2 s per answer. At 64 KiB every input
// measured stays under half a second.
const MaxFileSize = 64 << 10

// tooLargeMessage is the problem for a file over MaxFileSize.
var tooLargeMessage = fmt.Sprintf("file is larger than %d KiB (%d bytes), too long for answers in chat; split it into several guides and link them", MaxFileSize>>10, MaxFileSize)

// Load reads every guide below dir and builds a [Library] from the valid ones.
// Files with errors are skipped and reported as problems, together with
// warnings about files that were loaded. The error is non-nil only if dir
// itself cannot be read.
//
// Placeholders such as {{cloud_url}} are replaced with the values given by
// [WithVars] (example addresses for the rest); a guide with an unknown
// placeholder is skipped. With [WithLearnedQuestions] the guides also have
// the questions learned from cases. With [WithFeatures] a guide that
// requires a feature that is off is left out ([Library.LeftOut]).
func Load(dir string, opts ...Option) (*Library, []Problem, error) {
	o := newLoadOptions(opts)
	gs, problems, err := loadGuides(dir, o)
	if err != nil {
		return nil, nil, err
	}
	gs, problems = keepPrevious(gs, problems, o.previous)
	var leftOut []string
	gs = slices.DeleteFunc(gs, func(g *Guide) bool {
		if g.available(o.features) {
			return false
		}
		leftOut = append(leftOut, g.ID)
		return true
	})
	for i, g := range gs {
		gs[i] = learnedGuide(g, o.learned)
	}
	titles, titleProblems := readTopicTitles(dir)
	lib := NewLibrary(gs).withTopicTitles(titles)
	lib.leftOut = leftOut
	problems = append(problems, titleProblems...)
	problems = append(problems, duplicateTitles(lib, true)...)
	sortProblems(problems)
	return lib, problems, nil
}

// duplicateTitles reports guides whose title (case and spaces folded) an
// earlier guide of lib has too: a member offered both in "Meintest du …?"
// cannot tell them apart, and a title word picks neither. [Load] warns,
// [Check] fails (warning false).
func duplicateTitles(lib *Library, warning bool) []Problem {
	var problems []Problem
	titles := map[string]*Guide{}
	for _, g := range lib.guides {
		key := strings.ToLower(strings.Join(strings.Fields(g.Title), " "))
		first, dup := titles[key]
		if !dup {
			titles[key] = g
			continue
		}
		file := g.Path
		if file == "" {
			file = g.ID
		}
		problems = append(problems, Problem{File: file, Line: max(g.titleLine, 1), Warning: warning,
			Message: fmt.Sprintf("duplicate title %q (also in %s)", g.Title, first.ID)})
	}
	return problems
}

// Option changes how [Load], [Check] and [NewStore] read a library.
type Option func(*loadOptions)

type loadOptions struct {
	values  map[string]string // every known placeholder with its value
	learned Learned           // questions learned from cases ([WithLearnedQuestions])
	// features are the features that are on ([WithFeatures]); nil: all.
	features map[string]bool
	// previous is the library loaded before ([Store.Reload]), or nil.
	previous *Library
}

// keepPrevious adds, for every file that failed to load now but loaded
// into previous, the guide as loaded before, with a warning: a file an
// editor is still writing (or an author's typo) must not take a guide
// away from members between two saves. A file removed or renamed reports
// no problem and is gone.
func keepPrevious(gs []*Guide, problems []Problem, previous *Library) ([]*Guide, []Problem) {
	if previous == nil || !HasErrors(problems) {
		return gs, problems
	}
	byPath := make(map[string]*Guide, previous.Len())
	for _, g := range previous.guides {
		if g.Path != "" {
			byPath[g.Path] = g
		}
	}
	loaded := make(map[string]bool, len(gs))
	for _, g := range gs {
		loaded[g.ID] = true
	}
	teamNamed := map[string]bool{}
	for _, p := range problems {
		if p.namesTeam {
			teamNamed[p.File] = true
		}
	}
	var kept []Problem
	for _, p := range problems {
		g, ok := byPath[p.File]
		if p.Warning || !ok || loaded[g.ID] {
			continue
		}
		loaded[g.ID] = true
		if teamNamed[p.File] && VisibleTo(g, false) {
			// The author may have been making the guide team-only when
			// the save broke (mend25b): members keep no version of it.
			kept = append(kept, Problem{File: p.File, Line: 1, Warning: true,
				Message: "not keeping the version loaded before: the broken file names the audience team, and that version is shown to members; the guide is gone until the file is fixed"})
			continue
		}
		gs = append(gs, withoutLearned(g))
		kept = append(kept, Problem{File: p.File, Line: 1, Warning: true,
			Message: fmt.Sprintf("keeping the version loaded before until the file is fixed (audience: %s)", strings.Join(g.Audience, ", "))})
	}
	if len(kept) == 0 {
		return gs, problems
	}
	problems = append(problems, kept...)
	sortProblems(problems)
	return gs, problems
}

// WithVars sets the placeholder values (the site block of the config).
func WithVars(v Vars) Option {
	return func(o *loadOptions) { o.values = v.resolve() }
}

func newLoadOptions(opts []Option) loadOptions {
	o := loadOptions{values: Vars(nil).resolve()}
	for _, opt := range opts {
		opt(&o)
	}
	return o
}

// loadGuides walks dir and parses every guide file.
func loadGuides(dir string, o loadOptions) ([]*Guide, []Problem, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("failed to read guide library: %w", err)
	}
	if !info.IsDir() {
		return nil, nil, fmt.Errorf("failed to read guide library: %s is not a directory", dir)
	}
	// WalkDir does not descend into a root that is a symbolic link (a
	// common deployment: library -> releases/42), so resolve it first, on
	// every load: a swapped link then loads the new target.
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("failed to read guide library: %w", err)
	}
	// Files are read through an os.Root: a symbolic link in the library
	// that leads out of it (library/x.md -> /etc/…, ../../secret.md) is
	// never read, also not if it is swapped between the check and the read.
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, nil, fmt.Errorf("failed to read guide library: %w", err)
	}
	defer r.Close()
	var (
		gs       []*Guide
		problems []Problem
	)
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, walkErr error) error {
		if walkErr != nil {
			if p == root {
				return walkErr
			}
			problems = append(problems, Problem{File: p, Line: 1, Message: fmt.Sprintf("failed to read: %v", walkErr)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p == root {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		id := filepath.ToSlash(rel)
		if isIgnored(id, d.IsDir()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		g, ps := loadFile(r, root, p, rel, id, d, o)
		problems = append(problems, ps...)
		if g != nil {
			gs = append(gs, g)
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("failed to read guide library: %w", err)
	}
	sortProblems(problems)
	return gs, problems, nil
}

// isIgnored reports whether a path (relative, "/"-separated) is not part of
// the library: hidden files and folders, README.md at the root and files
// that are not Markdown.
func isIgnored(id string, isDir bool) bool {
	name := path.Base(id)
	if strings.HasPrefix(name, ".") {
		return true
	}
	if isDir {
		return false
	}
	if !strings.EqualFold(path.Ext(name), ".md") {
		return true
	}
	return !strings.Contains(id, "/") && strings.EqualFold(name, "README.md")
}

// loadFile reads and parses one guide file: p is its path (for problems),
// rel its path below root, the library folder opened as r, and d its entry
// from the walk.
func loadFile(r *os.Root, root, p, rel, id string, d fs.DirEntry, o loadOptions) (*Guide, []Problem) {
	fail := func(format string, args ...any) (*Guide, []Problem) {
		return nil, []Problem{{File: p, Line: 1, Message: fmt.Sprintf(format, args...)}}
	}
	if d.Type()&fs.ModeSymlink != 0 && !linkInside(root, p) {
		return fail("symbolic link points outside the guide library (or nowhere); copy the file into the library instead")
	}
	// Stat before Open: opening a named pipe (mkfifo x.md) would block
	// the load until someone writes to it.
	if info, err := r.Stat(rel); err != nil {
		return fail("failed to read: %v", unwrapPathError(err))
	} else if !info.Mode().IsRegular() {
		return fail("not a regular file")
	}
	f, err := r.Open(rel)
	if err != nil {
		return fail("failed to read: %v", unwrapPathError(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fail("failed to read: %v", unwrapPathError(err))
	}
	if !info.Mode().IsRegular() {
		return fail("not a regular file")
	}
	// Read at most one byte more than allowed (no Stat size check first:
	// a file too large is read to its limit, so that namesTeam sees its
	// front matter).
	src, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return fail("failed to read: %v", unwrapPathError(err))
	}
	if len(src) > MaxFileSize {
		_, ps := fail("%s", tooLargeMessage)
		ps[0].namesTeam = namesTeam(src)
		return nil, ps
	}
	raw := src
	src, used, problems := substitute(src, o.values)
	if HasErrors(problems) {
		for i := range problems {
			problems[i].File = p
		}
		problems[0].namesTeam = namesTeam(raw)
		return nil, problems
	}
	g, problems := Parse(id, src)
	for i := range problems {
		problems[i].File = p
	}
	if g == nil && len(problems) > 0 && namesTeam(src) {
		problems[0].namesTeam = true
	}
	if g != nil {
		g.Path = p
		g.ModTime = info.ModTime()
		g.Placeholders = used
	}
	return g, problems
}

// namesTeam reports whether the front matter of src, a guide that failed
// to parse, seems to name the audience "team": a line starting with
// "audience" that holds the word, or a "- team" item right below such a
// line. A guess on broken YAML, on the side of hiding: a wrong yes only
// keeps members from the last good version until the file is fixed.
func namesTeam(src []byte) bool {
	lines := strings.Split(string(src), "\n")
	inAudience := false
	for i, line := range lines {
		if i > 0 && strings.TrimSpace(line) == "---" {
			return false
		}
		l := strings.ToLower(strings.TrimSpace(line))
		switch {
		case strings.HasPrefix(l, "audience"):
			if hasWord(l, "team") {
				return true
			}
			inAudience = true
		case inAudience && strings.HasPrefix(l, "-"):
			if hasWord(l, "team") {
				return true
			}
		default:
			inAudience = false
		}
	}
	return false
}

// hasWord reports whether word occurs in s between non-letters.
func hasWord(s, word string) bool {
	return slices.Contains(strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }), word)
}

// linkInside reports whether the symbolic link p leads to a file inside
// root (itself resolved).
func linkInside(root, p string) bool {
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(root, target)
	return err == nil && filepath.IsLocal(rel)
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Parse parses the content of one guide file; id is its library ID (used as
// the problems' File). It returns nil and at least one error problem if the
// guide is unusable; warnings may come with a valid guide.
func Parse(id string, src []byte) (*Guide, []Problem) {
	problemAt := func(line int, format string, args ...any) Problem {
		return Problem{File: id, Line: max(line, 1), Message: fmt.Sprintf(format, args...)}
	}
	if bytes.IndexByte(src, 0) >= 0 {
		// A picture or document saved with .md: no Markdown text.
		return nil, []Problem{problemAt(1, "file is binary (it contains NUL bytes), not Markdown text")}
	}
	if !utf8.Valid(src) {
		return nil, []Problem{problemAt(firstInvalidUTF8Line(src), "file is not valid UTF-8")}
	}
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))

	fm, state := splitFrontMatter(src)
	if !state.found {
		return nil, []Problem{problemAt(1, "missing front matter: the file must start with a '---' line")}
	}
	if !state.closed {
		return nil, []Problem{problemAt(1, "front matter is not closed: add a '---' line after it")}
	}

	g := &Guide{ID: id, Body: string(fm.body), bodyLine: fm.bodyLine}
	problems := parseFrontMatter(g, fm.yaml, problemAt)
	for i := range problems {
		// YAML also breaks lines at a lone "\r"; keep lines inside the
		// front matter as editors count them.
		problems[i].Line = min(problems[i].Line, fm.closeLine)
	}
	if strings.TrimSpace(g.Body) == "" {
		problems = append(problems, problemAt(fm.closeLine, "guide has no text after the front matter"))
	} else if line, msg := costlyMarkdown(fm.body); msg != "" {
		problems = append(problems, problemAt(fm.bodyLine+line-1, "%s", msg))
	}
	if HasErrors(problems) {
		return nil, problems
	}
	if len(g.Audience) == 0 {
		g.Audience = []string{DefaultAudience}
	}
	g.Sections, g.anchors = splitSections(g.Body)
	return g, problems
}

// frontMatter is the result of splitting a file at its front matter delimiters.
type frontMatter struct {
	yaml      []byte
	body      []byte
	closeLine int // line of the closing delimiter
	bodyLine  int // line of the body's first line
}

type fmState struct{ found, closed bool }

// splitFrontMatter finds the YAML between a first line "---" and the next line
// "---" (or "...").
func splitFrontMatter(src []byte) (frontMatter, fmState) {
	yamlStart := 0
	for lineNo, start := 1, 0; start <= len(src); lineNo++ {
		lineEnd, next := len(src), len(src)+1
		if i := bytes.IndexByte(src[start:], '\n'); i >= 0 {
			lineEnd, next = start+i, start+i+1
		}
		l := string(bytes.TrimRight(src[start:lineEnd], " \t\r"))
		switch {
		case lineNo == 1 && l != "---":
			return frontMatter{}, fmState{}
		case lineNo == 1:
			yamlStart = next
		case l == "---" || l == "...":
			return frontMatter{
				yaml:      src[yamlStart:start],
				body:      src[min(next, len(src)):],
				closeLine: lineNo,
				bodyLine:  lineNo + 1,
			}, fmState{found: true, closed: true}
		}
		start = next
	}
	return frontMatter{}, fmState{found: true}
}

var yamlErrLine = regexp.MustCompile(`^yaml: line (\d+)(?:, column \d+)?: (.*)$`)

// parseFrontMatter decodes the YAML front matter into g. Line numbers in
// yamlSrc are offset by one: its first line is the file's second line.
func parseFrontMatter(g *Guide, yamlSrc []byte, problemAt func(int, string, ...any) Problem) []Problem {
	const lineOffset = 1
	lineCount := bytes.Count(yamlSrc, []byte("\n"))
	var doc yaml.Node
	if err := safeUnmarshal(yamlSrc, &doc); err != nil {
		line, msg := 1, strings.TrimPrefix(err.Error(), "yaml: ")
		if m := yamlErrLine.FindStringSubmatch(err.Error()); m != nil {
			n, _ := strconv.Atoi(m[1])
			msg = m[2]
			// yaml.v3 reports parser errors ("did not find expected …")
			// with a 0-based line, scanner errors with a 1-based one.
			if strings.HasPrefix(msg, "did not find expected") {
				n++
			}
			line = min(n, lineCount+1) + lineOffset
		}
		return []Problem{problemAt(line, "invalid YAML in front matter: %s", msg)}
	}

	var problems []Problem
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	root = resolveAlias(root)
	switch root.Kind {
	case 0, yaml.DocumentNode: // empty front matter
		root = &yaml.Node{Kind: yaml.MappingNode}
	case yaml.MappingNode:
	default:
		return []Problem{problemAt(root.Line+lineOffset, "front matter must be a YAML mapping of fields (title: …)")}
	}

	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := resolveAlias(root.Content[i]), resolveAlias(root.Content[i+1])
		keyLine := key.Line + lineOffset
		if key.Kind != yaml.ScalarNode {
			problems = append(problems, problemAt(keyLine, "front matter keys must be plain names"))
			continue
		}
		name := key.Value
		if first, dup := seen[name]; dup {
			problems = append(problems, problemAt(keyLine, "duplicate field %q (first at line %d)", name, first))
			continue
		}
		seen[name] = keyLine
		valLine := val.Line + lineOffset
		switch name {
		case "title":
			g.titleLine = valLine
			g.Title, problems = requiredString(name, val, valLine, problems, problemAt)
		case "summary":
			g.Summary, problems = requiredString(name, val, valLine, problems, problemAt)
		case "tags":
			g.Tags, problems = stringList(name, val, valLine, false, problems, problemAt)
			if len(g.Tags) == 0 && !HasErrors(problems) {
				problems = append(problems, problemAt(valLine, "tags must not be empty"))
			}
		case "aliases":
			g.Aliases, problems = stringList(name, val, valLine, false, problems, problemAt)
		case "fragen", "questions":
			var qs []string
			qs, problems = stringList(name, val, valLine, false, problems, problemAt)
			g.Questions = append(g.Questions, qs...)
		case "audience":
			var aud []string
			aud, problems = stringList(name, val, valLine, true, problems, problemAt)
			for _, a := range aud {
				a = strings.ToLower(a)
				g.Audience = append(g.Audience, a)
				if !slices.Contains(knownAudiences, a) {
					// Loaded (hidden from members unless "members" is
					// listed too), but most likely a typo; Check fails on it.
					problems = append(problems, Problem{File: g.ID, Line: valLine, Warning: true,
						Message: fmt.Sprintf("%s %q (known: %s)", unknownAudience, a, strings.Join(knownAudiences, ", "))})
				}
			}
		case "requires":
			problems = parseRequires(g, val, valLine, problems, problemAt)
		case "schritt", "step":
			n, err := strconv.Atoi(strings.TrimSpace(val.Value))
			if val.Kind != yaml.ScalarNode || err != nil || n < 1 || n > MaxStep {
				problems = append(problems, problemAt(valLine, "%s must be a whole number from 1 to %d", name, MaxStep))
				continue
			}
			g.Step = n
		default:
			problems = append(problems, Problem{
				File: g.ID, Line: keyLine, Warning: true,
				Message: fmt.Sprintf("unknown front matter field %q (known: title, tags, summary, aliases, fragen/questions, audience, requires, schritt/step)", name),
			})
		}
	}
	for _, name := range []string{"title", "tags", "summary"} {
		if _, ok := seen[name]; !ok {
			problems = append(problems, problemAt(1, "missing required field %q in front matter", name))
		}
	}
	sortProblems(problems)
	return problems
}

// safeUnmarshal guards against panics inside the YAML decoder: a bad guide
// must never take the bot down.
func safeUnmarshal(src []byte, out *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: decoder failed: %v", r)
		}
	}()
	return yaml.Unmarshal(src, out)
}

func resolveAlias(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 10; i++ {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	default:
		return "not text"
	}
}

func requiredString(name string, n *yaml.Node, line int, problems []Problem, problemAt func(int, string, ...any) Problem) (string, []Problem) {
	if n.Kind != yaml.ScalarNode {
		return "", append(problems, problemAt(line, "%s must be text, not %s", name, kindName(n)))
	}
	v := strings.TrimSpace(n.Value)
	if isNull(n) || v == "" {
		return "", append(problems, problemAt(line, "%s must not be empty", name))
	}
	return v, problems
}

// stringList decodes a list of scalars; a single scalar is accepted if
// scalarOK is set. Null means "no entries".
func stringList(name string, n *yaml.Node, line int, scalarOK bool, problems []Problem, problemAt func(int, string, ...any) Problem) ([]string, []Problem) {
	if isNull(n) {
		return nil, problems
	}
	if n.Kind == yaml.ScalarNode && scalarOK {
		if v := strings.TrimSpace(n.Value); v != "" {
			return []string{v}, problems
		}
		return nil, problems
	}
	if n.Kind != yaml.SequenceNode {
		return nil, append(problems, problemAt(line, "%s must be a list, e.g. %s: [a, b]", name, name))
	}
	var out []string
	for _, item := range n.Content {
		item = resolveAlias(item)
		if item.Kind != yaml.ScalarNode || isNull(item) {
			problems = append(problems, problemAt(item.Line+1, "every entry of %s must be text", name))
			continue
		}
		if v := strings.TrimSpace(item.Value); v != "" {
			out = append(out, v)
		}
	}
	return out, problems
}

// firstInvalidUTF8Line returns the line of the first invalid UTF-8 sequence.
func firstInvalidUTF8Line(src []byte) int {
	line := 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		i += size
	}
	return line
}

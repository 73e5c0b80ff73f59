package guides

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"
)

// Learned maps guide IDs to the example questions the team taught them
// from support cases (issue #18.3). The search finds a guide by them like
// by its own example questions (front matter "fragen"), but they are
// members' words: they do not make the guide name a subject (the
// off-topic check of search.Result.OffTopic ignores them).
type Learned map[string][]string

// WithLearned returns a library whose guides also have the learned
// questions (in Guide.Learned); l itself is unchanged (libraries are
// immutable). Questions for guides l does not have are ignored; topics
// keep l's order and titles. It builds a new search index: to load a
// library with learned questions, pass [WithLearnedQuestions] to [Load] or
// [NewStore] instead, which index it once.
func (l *Library) WithLearned(learned Learned) *Library {
	if len(learned) == 0 {
		return l
	}
	return l.remap(func(g *Guide) *Guide { return learnedGuide(g, learned) })
}

// WithLearnedQuestions makes [Load] and [NewStore] add the learned
// questions to the guides before the search index is built (once, not once
// for the files and again for the questions). The map is copied.
func WithLearnedQuestions(learned Learned) Option {
	cp := learned.clone()
	return func(o *loadOptions) { o.learned = cp }
}

// clone copies l, its question lists too.
func (l Learned) clone() Learned {
	cp := make(Learned, len(l))
	for id, qs := range l {
		cp[id] = slices.Clone(qs)
	}
	return cp
}

// learnedGuide returns g with its learned questions added (a copy), or g
// itself when it has none.
func learnedGuide(g *Guide, learned Learned) *Guide {
	qs := learned[g.ID]
	if len(qs) == 0 {
		return g
	}
	cp := *g
	cp.Learned = append(slices.Clip(g.Learned), qs...)
	return &cp
}

// HoldsLearned reports whether l's guides have exactly the learned
// questions of learned (questions for guides l does not have do not count,
// as in [Library.WithLearned]).
func (l *Library) HoldsLearned(learned Learned) bool {
	for _, g := range l.guides {
		if !slices.Equal(g.Learned, learned[g.ID]) {
			return false
		}
	}
	return true
}

// remap returns a new library (with its own search index) of f applied to
// every guide; topics keep l's order and titles.
func (l *Library) remap(f func(*Guide) *Guide) *Library {
	gs := make([]*Guide, 0, len(l.guides))
	for _, g := range l.guides {
		gs = append(gs, f(g))
	}
	out := NewLibrary(gs)
	topics := make([]Topic, 0, len(l.topics))
	for _, t := range l.topics {
		nt := Topic{Name: t.Name, Title: t.Title, Guides: make([]*Guide, 0, len(t.Guides))}
		for _, g := range t.Guides {
			nt.Guides = append(nt.Guides, out.byID[g.ID])
		}
		topics = append(topics, nt)
	}
	out.topics = topics
	out.leftOut = l.leftOut
	return out
}

// Has reports whether the library has a guide with the ID.
func (l *Library) Has(id string) bool {
	_, ok := l.byID[id]
	return ok
}

// ExportLearned copies the library in src to dst (which must not exist or
// be empty) and adds the learned questions to each guide's front matter
// list "fragen" (or "questions", whichever the file has; "fragen" is added
// when it has neither), for an author to review in git. Everything else in
// every file stays byte for byte the same; a question the guide already
// lists is not added twice. It returns the number of questions written per
// guide ID. Guides in learned that src does not have are an error, as is a
// front matter whose list is not a block list ("- …" lines).
func ExportLearned(src, dst string, learned Learned) (map[string]int, error) {
	if entries, err := os.ReadDir(dst); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("export folder %s is not empty", dst)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("failed to read export folder: %w", err)
	}
	// Check every guide before writing anything.
	patched := map[string][]byte{}
	counts := map[string]int{}
	for _, id := range slices.Sorted(maps.Keys(learned)) {
		if strings.Contains(id, "..") || filepath.IsAbs(id) {
			return nil, fmt.Errorf("guide %q: not a guide of the library", id)
		}
		data, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(id)))
		if err != nil {
			return nil, fmt.Errorf("guide %s: %w", id, err)
		}
		out, n, err := addQuestions(data, learned[id])
		if err != nil {
			return nil, fmt.Errorf("guide %s: %w", id, err)
		}
		patched[filepath.Clean(filepath.FromSlash(id))] = out
		counts[id] = n
	}
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil // symbolic links and the like are not part of a review copy
		}
		data, ok := patched[rel]
		if !ok {
			if data, err = os.ReadFile(p); err != nil {
				return err
			}
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, info.Mode().Perm())
	})
	if err != nil {
		return nil, fmt.Errorf("failed to copy the library: %w", err)
	}
	return counts, nil
}

// addQuestions adds qs to the front matter's question list of a guide
// file, leaving every other byte alone; n is how many were new.
func addQuestions(src []byte, qs []string) (out []byte, n int, err error) {
	fm, st := splitFrontMatter(src)
	if !st.closed {
		return nil, 0, errors.New("no front matter")
	}
	var doc yaml.Node
	if err := safeUnmarshal(fm.yaml, &doc); err != nil {
		return nil, 0, fmt.Errorf("front matter: %w", err)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		return nil, 0, errors.New("front matter is not a list of fields")
	}
	var (
		list    *yaml.Node
		nextKey = 0 // line (in the YAML) of the key after the list, 0: none
		have    []string
	)
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := root.Content[i], root.Content[i+1]
		if list != nil && nextKey == 0 {
			nextKey = key.Line
		}
		if list == nil && (key.Value == "fragen" || key.Value == "questions") {
			if val.Kind != yaml.SequenceNode || val.Style&yaml.FlowStyle != 0 {
				return nil, 0, fmt.Errorf("%q is not a list of \"- …\" lines; add the questions by hand", key.Value)
			}
			list = val
			for _, it := range val.Content {
				have = append(have, NormalizeQuestion(it.Value))
			}
		}
	}
	var add []string
	for _, q := range qs {
		k := NormalizeQuestion(q)
		if !slices.Contains(have, k) {
			have = append(have, k)
			add = append(add, q)
		}
	}
	if len(add) == 0 {
		return src, 0, nil
	}
	lines := strings.SplitAfter(string(fm.yaml), "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	var block strings.Builder
	indent := "  "
	at := len(lines) // insert before this YAML line index (0-based)
	if list == nil {
		block.WriteString("fragen:\n")
	} else {
		if len(list.Content) > 0 {
			indent = strings.Repeat(" ", max(0, list.Content[0].Column-3))
		}
		if nextKey > 0 {
			at = nextKey - 1
		}
		// Comments and blank lines between the list and the next key stay after it.
		for at > 0 && isBlankOrComment(lines[at-1]) {
			at--
		}
	}
	for _, q := range add {
		block.WriteString(indent + "- " + yamlQuote(q) + "\n")
	}
	if at > 0 && !strings.HasSuffix(lines[at-1], "\n") {
		lines[at-1] += "\n"
	}
	yamlOut := strings.Join(lines[:at], "") + block.String() + strings.Join(lines[at:], "")
	start := bytes.IndexByte(src, '\n') + 1 // after the opening "---" line
	end := start + len(fm.yaml)
	var b bytes.Buffer
	b.Write(src[:start])
	b.WriteString(yamlOut)
	b.Write(src[end:])
	return b.Bytes(), len(add), nil
}

func isBlankOrComment(line string) bool {
	t := strings.TrimSpace(line)
	return t == "" || strings.HasPrefix(t, "#")
}

// yamlQuote writes s as a double-quoted YAML scalar.
func yamlQuote(s string) string {
	q := strconv.Quote(strings.Join(strings.Fields(s), " "))
	// strconv's escapes (\", \\, \n, \t, \x.., \u....) are valid YAML
	// double-quoted escapes, except \a and \v, which Fields removed anyway.
	return q
}

// NormalizeQuestion folds a question for duplicate detection: lower case,
// punctuation dropped, whitespace joined.
func NormalizeQuestion(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

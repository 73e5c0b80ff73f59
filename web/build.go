package web

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/lotse-bot/lotse/guides"
)

// BuildResult says what [Build] wrote.
type BuildResult struct {
	Pages  int // HTML files
	Images int // images copied from the library
	// Skipped are the SVG images not copied because they contain active
	// content (scripts, event handlers, references that are not local).
	Skipped []string
}

// Build writes the web view of lib as a static site into the folder out
// (created if needed; files already there are overwritten, others kept):
// index.html, <topic>/<slug>/index.html per visible guide, suche/index.html
// (searched in the browser, see below), 404.html, the stylesheet
// under static/ and the embedded images under bilder/. All links are
// relative, so the site works from any folder and from the file system;
// the bot's links (base + "/" + topic/slug) reach a guide's folder, whose
// index.html a web server serves. opts.BaseURL is not used. The search
// runs in the browser on a prebuilt index (suche/suchindex.js, searched by
// static/suche.<hash>.js); without JavaScript the search page points to
// the index. An SVG image with active content (see activeSVG: scripts,
// event handlers, references that are not local) is not copied, since the
// web host would run it on its origin; it is logged as a warning and
// listed in BuildResult.Skipped, and a copy from an earlier build is
// removed.
func Build(ctx context.Context, lib *guides.Library, out string, opts Options) (BuildResult, error) {
	opts = opts.withDefaults()
	var res BuildResult
	if err := os.MkdirAll(out, 0o755); err != nil {
		return res, fmt.Errorf("failed to create output folder: %w", err)
	}
	root, err := os.OpenRoot(out)
	if err != nil {
		return res, fmt.Errorf("failed to open output folder: %w", err)
	}
	defer root.Close()
	write := func(name string, data []byte) error {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("failed to build site: %w", err)
		}
		if dir := path.Dir(name); dir != "." {
			if err := root.MkdirAll(dir, 0o755); err != nil {
				return fmt.Errorf("failed to create folder %s: %w", dir, err)
			}
		}
		if err := root.WriteFile(name, data, 0o644); err != nil {
			return fmt.Errorf("failed to write %s: %w", name, err)
		}
		return nil
	}

	s := newSite(lib, opts)
	pages := []struct {
		name  string
		depth int
		fn    func(links) ([]byte, error)
	}{
		{"index.html", 0, s.indexPage},
		{"suche/index.html", 1, func(l links) ([]byte, error) { return s.searchPage("", l) }},
		{"404.html", 0, s.notFoundPage},
	}
	for _, p := range slices.Sorted(maps.Keys(s.byPath)) {
		g := s.byPath[p]
		pages = append(pages, struct {
			name  string
			depth int
			fn    func(links) ([]byte, error)
		}{p + "/index.html", strings.Count(p, "/") + 1, func(l links) ([]byte, error) { return s.guidePage(g, l) }})
	}
	for _, p := range pages {
		body, err := p.fn(staticLinks(p.depth))
		if err != nil {
			return res, err
		}
		if err := write(p.name, body); err != nil {
			return res, err
		}
		res.Pages++
	}
	if err := write("static/"+cssName, css); err != nil {
		return res, err
	}
	if err := write("static/"+searchScriptName, searchJS); err != nil {
		return res, err
	}
	index, err := s.searchIndex()
	if err != nil {
		return res, err
	}
	if err := write("suche/"+indexScriptName, index); err != nil {
		return res, err
	}
	src, err := os.OpenRoot(opts.Dir)
	if err != nil && len(s.images) > 0 {
		return res, fmt.Errorf("failed to open library folder: %w", err)
	}
	if src != nil {
		defer src.Close()
	}
	for _, p := range slices.Sorted(maps.Keys(s.images)) {
		data, err := src.ReadFile(p)
		if err != nil {
			return res, fmt.Errorf("failed to read image: %w", err)
		}
		if strings.EqualFold(path.Ext(p), ".svg") {
			if why := activeSVG(data); why != "" {
				// Not published: the web host would run it on its origin.
				// A copy from an earlier build goes too.
				if err := root.Remove("bilder/" + p); err != nil && !errors.Is(err, fs.ErrNotExist) {
					return res, fmt.Errorf("failed to remove image from an earlier build: %w", err)
				}
				opts.Log.Warn().Str("image", p).Str("reason", why).
					Msg("Not copying an SVG image into the static site: it contains active content; export it as PNG or without scripts, links and external references")
				res.Skipped = append(res.Skipped, p)
				continue
			}
		}
		if err := write("bilder/"+p, data); err != nil {
			return res, err
		}
		res.Images++
	}
	return res, nil
}

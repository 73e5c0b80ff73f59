package main

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"text/tabwriter"
	"time"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/commands/learn"
	"github.com/lotse-bot/lotse/guides"
)

// guidesLearned lists the questions learned from cases, or with --export
// DIR writes them into the front matter of a copy of the library for an
// author to review in git (and marks them as exported).
func guidesLearned(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("guides learned", stderr)
	path := fs.String("c", "", "config file (database and guides_dir)")
	dirFlag := fs.String("dir", "", "guide library (default: the config's guides_dir)")
	export := fs.String("export", "", "write the learned questions into a copy of the library in this (new or empty) folder")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fail(exitUsage, fmt.Errorf("unexpected argument %q (lotse guides learned [-c config.yaml] [--export DIR])", rest[0]))
	}
	cfg, db, err := openExisting(ctx, *path)
	if err != nil {
		return err
	}
	defer db.Close()
	list, err := db.Learned().List(ctx)
	if err != nil {
		return err
	}
	if *export == "" {
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "no\tguide\ttaught\texported\tquestion")
		for _, l := range list {
			exported := "-"
			if !l.ExportedAt.IsZero() {
				exported = l.ExportedAt.Format(time.DateOnly)
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", l.ID, l.GuideID, l.TaughtAt.Format(time.DateOnly), exported, chat.OneLineName(l.Question))
		}
		return tw.Flush()
	}
	lib, dir, err := configLibrary(cfg, *dirFlag, stderr)
	if err != nil {
		return err
	}
	learned := guides.Learned{}
	var ids []int64
	for _, l := range list {
		if !lib.Has(l.GuideID) {
			fmt.Fprintf(stderr, "learned question %d: guide %s is no longer in %s, left out\n", l.ID, l.GuideID, dir)
			continue
		}
		learned[l.GuideID] = append(learned[l.GuideID], l.Question)
		ids = append(ids, l.ID)
	}
	counts, err := guides.ExportLearned(dir, *export, learned)
	if err != nil {
		return fail(exitFailed, err)
	}
	now := time.Now()
	for _, id := range ids {
		if err := db.Learned().MarkExported(ctx, id, now); err != nil {
			return err
		}
	}
	total := 0
	for _, id := range slices.Sorted(maps.Keys(counts)) {
		if counts[id] > 0 {
			fmt.Fprintf(stdout, "%s: %d question(s) added\n", id, counts[id])
			total += counts[id]
		}
	}
	fmt.Fprintf(stdout, "%d learned question(s) written into the copy in %s (review with git diff against %s)\n", total, *export, dir)
	return nil
}

// learnedFrom reads the questions learned from cases from the database of
// the config at path, as `lotse run` counts them: pass the option to
// [guides.Load] (the search index is built once, with them).
func learnedFrom(ctx context.Context, path string) (guides.Option, error) {
	_, db, err := openExisting(ctx, path)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	learned, err := learn.Questions(ctx, db)
	if err != nil {
		return nil, err
	}
	return guides.WithLearnedQuestions(learned), nil
}

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/storage"
)

// cmdBackup: lotse backup [-c config.yaml] FILE writes a consistent copy of
// the SQLite database to FILE while Lotse keeps running. It opens the
// database without upgrading it, so a backup taken with a newer binary
// before an upgrade is still the old version.
func cmdBackup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	path := fs.String("c", "", "config file")
	if err := fs.Parse(args); err != nil {
		return fail(exitUsage, err)
	}
	if fs.NArg() != 1 {
		return fail(exitUsage, errors.New("usage: lotse backup [-c config.yaml] FILE"))
	}
	dest := fs.Arg(0)
	cfg, err := config.Load(*path, os.Getenv)
	if err != nil {
		return fail(exitConfig, err)
	}
	if storage.IsPostgres(cfg.Database) {
		return fail(exitUsage, storage.ErrBackupPostgres)
	}
	// Opening a missing SQLite file would create an empty database.
	if _, err := os.Stat(cfg.Database); err != nil {
		return fail(exitDatabase, fmt.Errorf("no database at %s: %w", cfg.Database, err))
	}
	db, err := storage.Open(cfg.Database, zerolog.Nop())
	if err != nil {
		return fail(exitDatabase, err)
	}
	defer db.Close()
	if err := db.Backup(ctx, dest); err != nil {
		return fail(exitFailed, err)
	}
	info, err := os.Stat(dest)
	if err != nil {
		return fail(exitFailed, err)
	}
	fmt.Fprintf(stdout, "backup of %s written to %s (%d bytes, readable only by its owner)\n", cfg.Database, dest, info.Size())
	return nil
}

package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/lib/pq"
	"github.com/rs/zerolog"
	"go.mau.fi/util/dbutil"

	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/storage"
)

// databaseCheckTimeout bounds setup's connection to PostgreSQL (a host that
// swallows packets would otherwise hold the whole report).
const databaseCheckTimeout = 15 * time.Second

// checkDatabase checks the configured database as `lotse run` will meet
// it, without writing: PostgreSQL lets Lotse in and its schema is one this
// binary can use. A SQLite file is not opened (as root that would leave
// its -wal and -shm files to root, and Lotse could not open it); only a
// missing folder is reported. The findings never quote the URI: it holds
// the password.
func checkDatabase(ctx context.Context, cfg config.Config) []finding {
	if !storage.IsPostgres(cfg.Database) {
		file, _, _ := strings.Cut(strings.TrimPrefix(cfg.Database, "file:"), "?")
		if file == ":memory:" {
			return nil
		}
		if st, err := os.Stat(filepath.Dir(file)); err != nil || !st.IsDir() {
			return []finding{problem(findFail, "Den Ordner der Datenbank „"+filepath.Dir(file)+"“ gibt es nicht.",
				"The database's folder "+filepath.Dir(file)+" does not exist.",
				"Leg ihn an, dem Dienstkonto gehörend (docs/deployment.md, Schritt 1), oder setz database auf den richtigen Pfad.",
				"Create it, owned by the service user (docs/deployment.md, step 1), or set database to the right path.")}
		}
		return nil
	}
	db, err := storage.Open(cfg.Database, zerolog.Nop())
	if err != nil {
		return []finding{problem(findFail, "Die PostgreSQL-Datenbank lässt sich nicht öffnen: "+err.Error(),
			"The PostgreSQL database cannot be opened: "+err.Error(),
			"Prüf database (LOTSE_DATABASE oder die Datei in LOTSE_DATABASE_FILE).", "Check database (LOTSE_DATABASE or the file in LOTSE_DATABASE_FILE).")}
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(ctx, databaseCheckTimeout)
	defer cancel()
	if err := db.Root.RawDB.PingContext(ctx); err != nil {
		if errors.Is(err, pq.ErrSSLNotSupported) {
			return []finding{problem(findFail, "PostgreSQL lässt Lotse nicht herein: "+err.Error(),
				"PostgreSQL does not let Lotse in: "+err.Error(), noSSLHintDE, noSSLHintEN)}
		}
		return []finding{problem(findFail, "PostgreSQL lässt Lotse nicht herein: "+err.Error(),
			"PostgreSQL does not let Lotse in: "+err.Error(),
			"Prüf in database Benutzername, Passwort, Host, Port, Datenbankname und sslmode, und ob der Server läuft (docs/deployment.md, Schritt 1).",
			"Check the user, password, host, port, database name and sslmode in database, and that the server runs (docs/deployment.md, step 1).")}
	}
	err = db.CheckSchema(ctx)
	switch {
	case err == nil:
		return []finding{ok("PostgreSQL antwortet, das Schema passt zu diesem Programm.", "PostgreSQL answers; its schema fits this binary.")}
	case errors.Is(err, dbutil.ErrUnsupportedDatabaseVersion):
		return []finding{problem(findFail, "Die Datenbank hat ein neueres Schema, als dieses Programm kennt: "+err.Error(),
			"The database has a newer schema than this binary knows: "+err.Error(),
			"Nimm das neuere Programm, oder spiel die Sicherung von vor dem Upgrade ein (docs/operations.md, Upgrading).",
			"Use the newer binary, or restore the backup made before the upgrade (docs/operations.md, Upgrading).")}
	case errors.Is(err, storage.ErrSchemaBehind):
		return []finding{ok("PostgreSQL antwortet; lotse run legt die Tabellen beim Start an oder bringt sie auf den neuen Stand.",
			"PostgreSQL answers; lotse run creates or upgrades its tables at the start.")}
	default:
		return []finding{problem(findFail, "Das Schema der Datenbank lässt sich nicht lesen: "+err.Error(),
			"The database's schema cannot be read: "+err.Error(),
			"Prüf, ob database auf Lotses Datenbank zeigt und Lotses Datenbankkonto sie lesen darf.",
			"Check that database names Lotse's database and that its user may read it.")}
	}
}

// noSSLHintDE and noSSLHintEN are the fix when PostgreSQL has no SSL and
// the URI does not say sslmode (the driver then requires SSL): the URI of
// deployment.md, step 1, against a server set up without it. Before,
// setup and run named every part of the URI as a suspect (fresh30).
const (
	noSSLHintDE = "Der PostgreSQL-Server spricht kein SSL. Läuft er auf demselben Rechner, häng ?sslmode=disable an die URI in LOTSE_DATABASE_FILE (bzw. database); auf einem anderen Rechner schalte SSL am Server ein und nimm ?sslmode=verify-full&sslrootcert=… (docs/deployment.md, Schritt 1)."
	noSSLHintEN = "the PostgreSQL server has no SSL: if it runs on the same host, add ?sslmode=disable to the URI in LOTSE_DATABASE_FILE (or database); on another host, switch SSL on at the server and use ?sslmode=verify-full&sslrootcert=… (docs/deployment.md, step 1)"
)

// Package upgrades holds Lotse's numbered, embedded SQL migrations.
//
// 00-latest.sql is the full schema for new installs; every later change adds
// a file NN-name.sql with a header "-- vN (compatible with vM+): why" and is
// folded into 00-latest.sql.
package upgrades

import (
	"embed"

	"go.mau.fi/util/dbutil"
)

//go:embed *.sql
var sqlFiles embed.FS

// Table is the upgrade table applied by storage.Open.
var Table = dbutil.BuildUpgradeTable().WithFS(sqlFiles).Finish()

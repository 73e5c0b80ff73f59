// Package pgdsn recognises and checks PostgreSQL connection strings: a
// postgres:// or postgresql:// URI, or libpq's key/value form ("host=/var/
// run/postgresql dbname=lotse user=lotse"). It is a leaf package, so that
// config can check the setting without importing storage.
package pgdsn

import (
	"errors"
	"regexp"
	"strings"

	"github.com/lib/pq"
)

// ErrBad means the PostgreSQL driver cannot read the connection string.
// Its text never quotes the string or the driver's error: both can hold
// the password (a password made with `openssl rand -base64` has a "/" or
// "+" that breaks a URI).
var ErrBad = errors.New("database (LOTSE_DATABASE) is not a connection string the PostgreSQL driver accepts " +
	"(not shown: it holds the password): percent-encode special characters in a URI's password " +
	"(/ as %2F, @ as %40, : as %3A, # as %23, ? as %3F, % as %25) or use one of letters and digits; " +
	"check the port and parameters such as sslmode; a unix socket is postgres:///NAME?host=/var/run/postgresql " +
	"or host=/var/run/postgresql dbname=NAME user=USER")

// keyValue matches the start of libpq's key/value form: a known keyword,
// then "=". A SQLite file name does not start like this.
var keyValue = regexp.MustCompile(`^\s*(host|hostaddr|port|dbname|user|password|passfile|sslmode|service|connect_timeout|application_name|options|sslrootcert|sslcert|sslkey|sslnegotiation|target_session_attrs|load_balance_hosts)\s*=`)

// IsPostgres reports whether uri names a PostgreSQL database (either form);
// anything else is a SQLite file.
func IsPostgres(uri string) bool {
	return strings.HasPrefix(uri, "postgres://") || strings.HasPrefix(uri, "postgresql://") || keyValue.MatchString(uri)
}

// Check returns ErrBad when uri is a PostgreSQL connection string that the
// driver (lib/pq, the one Lotse connects with) cannot read, nil otherwise
// (also for a SQLite path). It reads the connection string the way every
// connection will, so a string it accepts is not refused later for its
// form, and one it refuses is refused at the start rather than at every
// connection attempt.
func Check(uri string) error {
	if !IsPostgres(uri) {
		return nil
	}
	if _, err := pq.NewConfig(uri); err != nil {
		return ErrBad
	}
	return nil
}

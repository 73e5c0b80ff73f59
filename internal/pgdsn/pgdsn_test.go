package pgdsn

import (
	"errors"
	"strings"
	"testing"
)

// Every form libpq documents that lib/pq can read is accepted, and what it
// cannot read is refused at once, never quoted (mend26b: ops26's check
// used net/url, which let a bad sslmode or port through to a retry loop,
// and did not know the key/value form at all).
func TestCheck(t *testing.T) {
	tests := []struct {
		name, dsn string
		postgres  bool
		bad       bool
	}{
		{"sqlite path", "/var/lib/lotse/lotse.db", false, false},
		{"sqlite file: URI", "file:/var/lib/lotse/lotse.db?_busy_timeout=5000", false, false},
		{"sqlite name with an equals sign", "data=old.db", false, false},
		{"uri", "postgres://lotse:pw@localhost/lotse", true, false},
		{"postgresql scheme", "postgresql://lotse:pw@db.example.org:5433/lotse?sslmode=verify-full", true, false},
		{"percent-encoded password", "postgres://lotse:Zq%2Fx%2BKw9%40%3A%23%3F%25@db.example.org/lotse", true, false},
		{"ipv6 host", "postgres://lotse:pw@[::1]:5432/lotse", true, false},
		{"ipv6 with zone", "postgres://lotse:pw@[fe80::1%25eth0]:5432/lotse", true, false},
		{"unix socket as a parameter", "postgres:///lotse?host=/var/run/postgresql", true, false},
		{"two hosts, ports as a parameter", "postgres://db1,db2/lotse?port=5432,5433", true, false},
		{"parameters", "postgres://lotse:pw@localhost/lotse?application_name=lotse&connect_timeout=10", true, false},
		{"key/value unix socket", "host=/var/run/postgresql dbname=lotse user=lotse", true, false},
		{"key/value quoted password", "  user=lotse password='a b\\'c' host=localhost port=5432 dbname=lotse sslmode=require", true, false},
		{"base64 password unencoded", "postgres://lotse:Zq/x+Kw9@db.example.org/lotse", true, true},
		{"percent-encoded socket host", "postgresql://%2Fvar%2Frun%2Fpostgresql/lotse", true, true},
		{"unknown sslmode", "postgres://lotse:pw@localhost/lotse?sslmode=on", true, true},
		{"port out of range", "postgres://lotse:pw@localhost:99999/lotse", true, true},
		{"key/value password with a space, unquoted", "user=lotse password=Kw9 Zq dbname=lotse", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsPostgres(tt.dsn); got != tt.postgres {
				t.Fatalf("IsPostgres = %v, want %v", got, tt.postgres)
			}
			err := Check(tt.dsn)
			if (err != nil) != tt.bad {
				t.Fatalf("Check = %v, want bad %v", err, tt.bad)
			}
			if err == nil {
				return
			}
			if !errors.Is(err, ErrBad) {
				t.Fatalf("Check = %v, want ErrBad", err)
			}
			for _, secret := range []string{"Kw9", "lotse:", "99999", "%2Fvar", "=on"} {
				if strings.Contains(err.Error(), secret) {
					t.Fatalf("error quotes the connection string (%q): %v", secret, err)
				}
			}
		})
	}
}

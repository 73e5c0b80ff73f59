package main

import (
	"encoding/binary"
	"errors"
	"io"
	"net"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/storage"
)

// noSSLServer answers every PostgreSQL SSLRequest with "N" (no SSL), as a
// server set up without SSL does, and returns its address.
func noSSLServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				var hdr [8]byte
				if _, err := io.ReadFull(c, hdr[:]); err != nil {
					return
				}
				if binary.BigEndian.Uint32(hdr[4:]) == 80877103 { // SSLRequest
					_, _ = c.Write([]byte("N"))
				}
				_, _ = io.Copy(io.Discard, c)
			}()
		}
	}()
	return ln.Addr().String()
}

// TestNoSSLNamesTheFix: the URI of deployment.md, step 1, against a
// PostgreSQL without SSL (the driver requires SSL unless sslmode says
// otherwise) names the fix — ?sslmode=disable on the same host — in
// `lotse setup` and in `lotse run`'s exit error, instead of listing every
// part of the URI as a suspect (fresh30). The password stays out.
func TestNoSSLNamesTheFix(t *testing.T) {
	addr := noSSLServer(t)
	cfg := config.Defaults()
	cfg.Database = "postgres://lotse:geheimesPasswort99@" + addr + "/lotse"
	findings := checkDatabase(t.Context(), cfg)
	if len(findings) != 1 || findings[0].level != findFail {
		t.Fatalf("findings %+v, want one failure", findings)
	}
	f := findings[0]
	if !strings.Contains(f.fixDE, "?sslmode=disable") || !strings.Contains(f.fixEN, "?sslmode=disable") {
		t.Errorf("the fix does not name sslmode=disable: %q / %q", f.fixDE, f.fixEN)
	}
	db, err := storage.Open(cfg.Database, zerolog.Nop())
	if err == nil {
		defer db.Close()
		_, _, err = holdLease(t.Context(), db, zerolog.Nop())
	}
	if err == nil || !strings.Contains(err.Error(), "?sslmode=disable") {
		t.Errorf("run's error %v does not name sslmode=disable", err)
	}
	var ex *exitError
	if errors.As(err, &ex) && ex.code != exitDatabase {
		t.Errorf("exit code %d, want %d", ex.code, exitDatabase)
	}
	for _, s := range []string{f.de, f.en, f.fixDE, f.fixEN, errString(err)} {
		if strings.Contains(s, "geheimesPasswort99") {
			t.Errorf("the password shows: %q", s)
		}
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

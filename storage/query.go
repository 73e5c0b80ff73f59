package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"go.mau.fi/util/dbutil"
)

// queryOne runs query and scans its row with scan; no row gives nil, nil.
// what names the thing read, for the error.
func queryOne[T any](ctx context.Context, db *dbutil.Database, scan func(rowScanner) (*T, error), what, query string, args ...any) (*T, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	v, err := scan(db.QueryRow(ctx, query, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("failed to read %s: %w", what, err)
	}
	return v, nil
}

// queryMany runs query and scans every row with scan.
func queryMany[T any](ctx context.Context, db *dbutil.Database, scan func(rowScanner) (*T, error), what, query string, args ...any) ([]*T, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	rows, err := db.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("failed to list %s: %w", what, err)
	}
	defer rows.Close()
	var out []*T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("failed to read %s: %w", what, err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// scanString reads a one-column text row.
func scanString(row rowScanner) (*string, error) {
	var s string
	return &s, row.Scan(&s)
}

// queryStrings runs a query of one text column and returns its values.
func queryStrings(ctx context.Context, db *dbutil.Database, what, query string, args ...any) ([]string, error) {
	return values(queryMany(ctx, db, scanString, what, query, args...))
}

// values copies the rows that queryMany returns into a slice of values.
func values[T any](rows []*T, err error) ([]T, error) {
	if err != nil {
		return nil, err
	}
	out := make([]T, len(rows))
	for i, r := range rows {
		out[i] = *r
	}
	return out, nil
}

// execAffected runs a statement and returns the number of rows it changed.
func execAffected(ctx context.Context, db *dbutil.Database, what, query string, args ...any) (int64, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	res, err := db.Exec(ctx, query, args...)
	if err != nil {
		return 0, fmt.Errorf("failed to update %s: %w", what, err)
	}
	n, _ := res.RowsAffected()
	return n, nil
}

// nextIDQuery is the statement that gives out the next number of table's
// rows (kind names its counter in id_counter, v16): one more than the last
// one given out, and more than every number in the table, so that a
// number is never used twice — not after the newest row was deleted
// (erasure, retention), and not beside rows an older binary made with
// MAX(id)+1. Its row is locked until the transaction ends.
func nextIDQuery(kind, table string) string {
	return `INSERT INTO id_counter (name, value) VALUES ('` + kind + `', (SELECT COALESCE(MAX(id), 0) + 1 FROM ` + table + `))
		ON CONFLICT (name) DO UPDATE SET value = CASE WHEN id_counter.value + 1 >= excluded.value
			THEN id_counter.value + 1 ELSE excluded.value END
		RETURNING value`
}

// createOnce is the "create once per origin event" transaction of cases,
// access requests and round tables: if a row for origin exists (byOrigin) it
// is returned with created=false; otherwise the next ID is taken (nextID),
// insert writes the row and whatever belongs to it, and the row is read
// back (get). Repeating the creation for the same event — after a crash —
// therefore never makes a second row. guard, if not nil, runs in the same
// transaction before a new row is made (not for an existing one): its
// error refuses the creation (wrapped; errors.Is and errors.As find it).
func createOnce[T any](ctx context.Context, db *dbutil.Database, scan func(rowScanner) (*T, error), what, byOrigin, nextID, get, origin string,
	guard func(ctx context.Context) error, insert func(ctx context.Context, id int64) error) (*T, bool, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	var (
		out     *T
		created bool
	)
	err := db.DoTxn(ctx, nil, func(ctx context.Context) error {
		existing, err := scan(db.QueryRow(ctx, byOrigin, origin))
		if err == nil {
			out, created = existing, false
			return nil
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if guard != nil {
			if err := guard(ctx); err != nil {
				return err
			}
		}
		var id int64
		if err := db.QueryRow(ctx, nextID).Scan(&id); err != nil {
			return err
		}
		if err := insert(ctx, id); err != nil {
			return err
		}
		out, err = scan(db.QueryRow(ctx, get, id))
		created = err == nil
		return err
	})
	if err != nil {
		return nil, false, fmt.Errorf("failed to create %s: %w", what, err)
	}
	return out, created, nil
}

// queryValue runs query and scans its one column into a T; no row gives the
// zero T and found false. action says what failed, for the error ("read notice").
func queryValue[T any](ctx context.Context, db *dbutil.Database, action, query string, args ...any) (v T, found bool, err error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	var zero T
	err = db.QueryRow(ctx, query, args...).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return zero, false, nil
	} else if err != nil {
		return zero, false, fmt.Errorf("failed to %s: %w", action, err)
	}
	return v, true, nil
}

// exists reports whether query (a "SELECT 1 …") finds a row.
func exists(ctx context.Context, db *dbutil.Database, action, query string, args ...any) (bool, error) {
	_, found, err := queryValue[int](ctx, db, action, query, args...)
	return found, err
}

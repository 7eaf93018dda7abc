// Package store keeps articles, their versions, the statements and facts
// extracted from them in an embedded SQLite database (mattn/go-sqlite3 built
// with FTS5). It is the only package that knows SQL.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// ErrNewerSchema means the database was written by a newer claimtrail.
var ErrNewerSchema = errors.New("database was written by a newer claimtrail")

// ErrNotFound means no article matched.
var ErrNotFound = errors.New("not found")

// Store is an open claimtrail database.
type Store struct {
	db   *sql.DB
	path string
}

// DSN returns the data source name for path with the pragmas every pooled
// connection needs: foreign keys, WAL, a busy timeout so concurrent writers
// wait instead of failing, and immediate transactions so a writer takes the
// write lock up front (no deadlock on lock upgrade).
func DSN(path string) string {
	v := url.Values{}
	v.Set("_foreign_keys", "on")
	v.Set("_journal_mode", "WAL")
	v.Set("_busy_timeout", "30000")
	v.Set("_synchronous", "NORMAL")
	v.Set("_txlock", "immediate")
	v.Set("_cache_size", "-65536") // 64 MiB page cache: FTS5 merges stay in memory
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + v.Encode()
}

// Open opens (creating it and its folder when missing) the database at path
// and migrates it to the current schema. A database written by a newer
// claimtrail is refused with ErrNewerSchema.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("no database path")
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create database folder: %w", err)
		}
	}
	db, err := sql.Open("sqlite3", DSN(path))
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path}
	if err := s.migrateRetrying(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// openWait bounds how long Open waits for other processes that are
// creating or migrating the same database at the same moment.
const openWait = 30 * time.Second

// migrateRetrying runs migrate, retrying while the database is busy.
// SQLite's busy timeout covers ordinary lock waits, but not every moment
// of a brand-new file's first connections (turning on WAL, building the
// shared-memory index), where several processes opening one new database
// at once can get "database is locked" straight away.
func (s *Store) migrateRetrying(ctx context.Context) error {
	deadline := time.Now().Add(openWait)
	pause := 5 * time.Millisecond
	for {
		err := s.migrate(ctx)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(pause):
		}
		pause = min(2*pause, 250*time.Millisecond)
	}
}

// isBusy reports a lock held by another connection (SQLITE_BUSY or
// SQLITE_LOCKED), recognised by code.
func isBusy(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked)
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Path returns the file the store was opened from.
func (s *Store) Path() string { return s.path }

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		name := e.Name()
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must be NNNN_name.sql", name)
		}
		b, err := migrationFS.ReadFile("migrations/" + name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: name, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// SchemaVersion is the schema version this build writes.
func SchemaVersion() int {
	ms, _ := migrations()
	if len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

// migrate applies every migration not yet recorded, each in its own
// transaction together with its record, so a crash never leaves a
// half-migrated file.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	return s.applyMigrations(ctx, ms)
}

// applyMigrations applies the migrations of ms not yet recorded, in order.
func (s *Store) applyMigrations(ctx context.Context, ms []migration) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("open database: %w", describe(err))
	}
	var current int
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return fmt.Errorf("read schema version: %w", describe(err))
	}
	if latest := SchemaVersion(); current > latest {
		return fmt.Errorf("%w (schema %d; this build knows up to %d): upgrade claimtrail", ErrNewerSchema, current, latest)
	}
	for _, m := range ms {
		if m.version <= current {
			continue
		}
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			// Re-check inside the write lock: another process may have migrated.
			var done int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, m.version).Scan(&done); err != nil {
				return err
			}
			if done > 0 {
				return nil
			}
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)`,
				m.version, m.name, time.Now().UTC().Format(time.RFC3339))
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// inTx runs fn in one (immediate) transaction: all of it or nothing.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return describe(err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return describe(err)
	}
	return describe(tx.Commit())
}

// describe turns driver errors into messages a user can act on, recognising
// them by code, never by message text.
func describe(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrNotADB:
			return fmt.Errorf("not a claimtrail database (not SQLite): %w", err)
		case sqlite3.ErrCorrupt:
			return fmt.Errorf("database is corrupt: %w", err)
		case sqlite3.ErrReadonly, sqlite3.ErrCantOpen, sqlite3.ErrPerm:
			return fmt.Errorf("cannot write the database: %w", err)
		case sqlite3.ErrFull:
			return fmt.Errorf("disk full: %w", err)
		}
	}
	return err
}

// Backup writes a consistent copy of the database to path while others may
// use it (VACUUM INTO). An existing file at path is refused.
func (s *Store) Backup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("backup %s: file exists", path)
	}
	_, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, path)
	return describe(err)
}

// IntegrityCheck runs PRAGMA integrity_check and returns its findings ("ok"
// when the file is sound).
func (s *Store) IntegrityCheck(ctx context.Context) (string, error) {
	rows, err := s.db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return "", err
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n"), rows.Err()
}

package sink

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the pure-Go driver, registered as "sqlite"

	"github.com/readout/readout/pipeline"
)

// batch holds records until there are enough of them, or they have waited
// long enough, to be worth a transaction.
type batch struct {
	o       Options
	pending []*pipeline.Output
	since   time.Time
}

// add queues o and reports whether the batch should be flushed now.
func (b *batch) add(o *pipeline.Output) bool {
	if len(b.pending) == 0 {
		b.since = time.Now()
	}
	b.pending = append(b.pending, o)
	return len(b.pending) >= b.o.batchSize() || time.Since(b.since) >= b.o.flushEvery()
}

func (b *batch) take() []*pipeline.Output {
	p := b.pending
	b.pending = nil
	return p
}

type sqliteSink struct {
	db    *sql.DB
	batch batch
}

// OpenSQLite opens (creating it if need be) the SQLite database at path
// and brings its schema to SchemaVersion. The database runs in WAL mode, so
// that committed batches survive the process being killed and --resume
// lookups do not wait for the writer.
func OpenSQLite(ctx context.Context, path string, o Options) (Sink, error) {
	if path == "" || strings.ContainsRune(path, '?') {
		return nil, fmt.Errorf("sqlite: bad database path %q", path)
	}
	dsn := path + "?_txlock=immediate&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)" +
		"&_pragma=busy_timeout(30000)&_pragma=foreign_keys(1)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(4)
	if err := migrate(ctx, db, sqliteDialect, ""); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	return &sqliteSink{db: db, batch: batch{o: o}}, nil
}

// migrate creates the schema_version table and applies the migrations the
// database lacks, each in its own transaction. lock, when set, is run first
// in each transaction (PostgreSQL's advisory lock; SQLite's immediate
// transactions already exclude each other).
func migrate(ctx context.Context, db *sql.DB, d dialect, lock string) error {
	for {
		done, err := migrateOne(ctx, db, d, lock)
		if err != nil || done {
			return err
		}
	}
}

func migrateOne(ctx context.Context, db *sql.DB, d dialect, lock string) (done bool, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	if lock != "" {
		if _, err := tx.ExecContext(ctx, lock); err != nil {
			return false, err
		}
	}
	// Under the lock: two processes creating a table at once collide in
	// PostgreSQL's catalog, IF NOT EXISTS or not.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(
		"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at %s NOT NULL)", d.types[kTime])); err != nil {
		return false, err
	}
	var v int
	if err := tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_version").Scan(&v); err != nil {
		return false, err
	}
	ms := d.migrations()
	if v > len(ms) {
		return false, fmt.Errorf("database schema version %d is newer than this readout's (%d)", v, len(ms))
	}
	if v == len(ms) {
		return true, nil
	}
	for _, stmt := range ms[v] {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return false, fmt.Errorf("migration to version %d: %w", v+1, err)
		}
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO schema_version (version, applied_at) VALUES ("+
		d.placeholder(1)+", "+d.placeholder(2)+")", v+1, time.Now().UTC()); err != nil {
		return false, err
	}
	return false, tx.Commit()
}

func (s *sqliteSink) Write(ctx context.Context, o *pipeline.Output) error {
	if s.batch.add(o) {
		return s.flush(ctx)
	}
	return nil
}

func (s *sqliteSink) Seen(ctx context.Context, id, sha string) (bool, error) {
	var one int
	err := s.db.QueryRowContext(ctx, "SELECT 1 FROM documents WHERE id = ? AND text_sha256 = ?", docKey(id), sha).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// flush writes the batch in one transaction: a document stored with the
// same hash is skipped, one stored with another hash is deleted (its rows
// go with it, ON DELETE CASCADE) and written anew.
func (s *sqliteSink) flush(ctx context.Context) error {
	docs := s.batch.take()
	if len(docs) == 0 {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: %w", err)
	}
	defer tx.Rollback()
	stmts := make([]*sql.Stmt, len(tables))
	for i, t := range tables {
		if stmts[i], err = tx.PrepareContext(ctx, sqliteDialect.insertSQL(t)); err != nil {
			return fmt.Errorf("sqlite: %w", err)
		}
	}
	now := time.Now().UTC()
	for _, o := range docs {
		key := docKey(o.ID)
		var sha string
		err := tx.QueryRowContext(ctx, "SELECT text_sha256 FROM documents WHERE id = ?", key).Scan(&sha)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return fmt.Errorf("sqlite: %w", err)
		case sha == o.TextSHA256:
			continue
		default:
			if _, err := tx.ExecContext(ctx, "DELETE FROM documents WHERE id = ?", key); err != nil {
				return fmt.Errorf("sqlite: %w", err)
			}
		}
		for ti, rows := range rowsOf(o, now) {
			for _, r := range rows {
				if _, err := stmts[ti].ExecContext(ctx, r...); err != nil {
					return fmt.Errorf("sqlite: %s: document %q: %w", tables[ti].name, o.ID, err)
				}
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: %w", err)
	}
	return nil
}

// Close writes what is batched, whatever the state of the run's context:
// an interrupted run keeps every document it finished.
func (s *sqliteSink) Close() error {
	err := s.flush(context.Background())
	if cerr := s.db.Close(); err == nil {
		err = cerr
	}
	return err
}

package sink

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/readout/readout/pipeline"
)

type postgresSink struct {
	pool  *pgxpool.Pool
	o     Options
	batch batch
	// beforeCommit, when set, runs inside each batch's transaction just
	// before COMMIT; tests restart the server there.
	beforeCommit func()
}

// OpenPostgres connects to the PostgreSQL database at url and brings its
// schema to SchemaVersion. Batches are written with COPY inside one
// transaction each, and retried through lost connections and server
// restarts for up to Options.Retry.
func OpenPostgres(ctx context.Context, url string, o Options) (Sink, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	cfg.MaxConns = 4
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	db := stdlib.OpenDBFromPool(pool)
	// One migrating process at a time: the lock is released with its transaction.
	err = migrate(ctx, db, postgresDialect, "SELECT pg_advisory_xact_lock(7265616401)")
	db.Close()
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return &postgresSink{pool: pool, o: o, batch: batch{o: o}}, nil
}

func (s *postgresSink) Write(ctx context.Context, o *pipeline.Output) error {
	if s.batch.add(o) {
		return s.flush(ctx)
	}
	return nil
}

func (s *postgresSink) Seen(ctx context.Context, id, sha string) (bool, error) {
	var seen bool
	err := s.retry(ctx, "resume lookup", func(ctx context.Context) error {
		return s.pool.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM documents WHERE id = $1 AND text_sha256 = $2)",
			pgText(docKey(id)), sha).Scan(&seen)
	})
	return seen, err
}

func (s *postgresSink) flush(ctx context.Context) error {
	docs := s.batch.take()
	if len(docs) == 0 {
		return nil
	}
	// Within one batch the last record of an id wins, as it would had the
	// records come in separate batches.
	last := map[string]int{}
	for i, o := range docs {
		last[pgKey(o.ID)] = i
	}
	var uniq []*pipeline.Output
	for i, o := range docs {
		if last[pgKey(o.ID)] == i {
			uniq = append(uniq, o)
		}
	}
	now := time.Now().UTC()
	err := s.retry(ctx, fmt.Sprintf("batch of %d documents", len(uniq)), func(ctx context.Context) error {
		return s.writeBatch(ctx, uniq, now)
	})
	if err == nil || retryable(err) || len(uniq) == 1 && uniq[0].Status == "error" {
		return err
	}
	// The data of one document failed the batch (a value too large for an
	// index, say): write them one by one, and the one that fails as an
	// error record saying why, so that the others are kept.
	for _, o := range uniq {
		err := s.retry(ctx, fmt.Sprintf("document %.80q", o.ID), func(ctx context.Context) error {
			return s.writeBatch(ctx, []*pipeline.Output{o}, now)
		})
		if err == nil {
			continue
		}
		if retryable(err) {
			return err
		}
		s.o.warn("postgres: document %.80q stored as an error record: %v", o.ID, err)
		e := pipeline.ErrorOutput(o.ID, o.Source, o.Offsets, "sink", err.Error())
		if err := s.retry(ctx, fmt.Sprintf("error record of %.80q", o.ID), func(ctx context.Context) error {
			return s.writeBatch(ctx, []*pipeline.Output{e}, now)
		}); err != nil {
			return err
		}
	}
	return nil
}

// pgKey is the key PostgreSQL stores a document with this id under.
func pgKey(id string) string { return pgText(docKey(id)) }

// writeBatch is one attempt at a batch, in one transaction. Since it reads
// what is stored inside the transaction, a retry after a commit whose
// answer was lost finds the documents there and skips them.
func (s *postgresSink) writeBatch(ctx context.Context, docs []*pipeline.Output, now time.Time) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(context.Background())
	ids := make([]string, len(docs))
	for i, o := range docs {
		ids[i] = pgKey(o.ID)
	}
	stored := map[string]string{}
	rows, err := tx.Query(ctx, "SELECT id, text_sha256 FROM documents WHERE id = ANY($1)", ids)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id, sha string
		if err := rows.Scan(&id, &sha); err != nil {
			rows.Close()
			return err
		}
		stored[id] = sha
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	var replace []string
	data := make([][][]any, len(tables))
	for i, o := range docs {
		if sha, ok := stored[ids[i]]; ok {
			if sha == o.TextSHA256 {
				continue
			}
			replace = append(replace, ids[i])
		}
		for ti, rs := range rowsOf(o, now) {
			for _, r := range rs {
				data[ti] = append(data[ti], pgRow(tables[ti], r))
			}
		}
	}
	if len(replace) > 0 {
		if _, err := tx.Exec(ctx, "DELETE FROM documents WHERE id = ANY($1)", replace); err != nil {
			return err
		}
	}
	for ti, t := range tables {
		if len(data[ti]) == 0 {
			continue
		}
		names := make([]string, len(t.cols))
		for i, col := range t.cols {
			names[i] = col.name
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{t.name}, names, pgx.CopyFromRows(data[ti])); err != nil {
			return fmt.Errorf("copy %s: %w", t.name, err)
		}
	}
	if s.beforeCommit != nil {
		s.beforeCommit()
	}
	return tx.Commit(ctx)
}

// retry runs f until it succeeds, fails for a reason a retry cannot mend,
// or Options.Retry has passed. Waits grow from 100ms to 5s.
func (s *postgresSink) retry(ctx context.Context, what string, f func(context.Context) error) error {
	start := time.Now()
	wait := 100 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err := f(ctx)
		if err == nil {
			if attempt > 1 {
				s.o.warn("postgres: %s written after %d attempts", what, attempt)
			}
			return nil
		}
		if !retryable(err) || ctx.Err() != nil || time.Since(start)+wait > s.o.retry() {
			return fmt.Errorf("postgres: %s: %w", what, err)
		}
		s.o.warn("postgres: %s failed (attempt %d), retrying in %s: %v", what, attempt, wait, err)
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return fmt.Errorf("postgres: %s: %w", what, ctx.Err())
		}
		wait = min(2*wait, 5*time.Second)
	}
}

// retryable tells errors a new connection or a new attempt can get past
// (lost connections, a server shutting down or starting, a concurrent
// writer of the same document) from errors in the data or the schema.
func retryable(err error) bool {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return true // network, I/O, a closed pool connection
	}
	switch {
	case pe.Code == "23505", pe.Code == "40001", pe.Code == "40P01": // unique, serialization, deadlock
		return true
	case strings.HasPrefix(pe.Code, "08"), strings.HasPrefix(pe.Code, "57"), strings.HasPrefix(pe.Code, "53"):
		return true // connection, operator intervention (shutdown, starting up), resources
	}
	return false
}

// pgRow makes a row storable: PostgreSQL text and jsonb refuse NUL and
// invalid UTF-8, which ids and meta values from the input may hold.
func pgRow(t table, r []any) []any {
	for i, v := range r {
		if s, ok := v.(string); ok {
			s = pgText(s)
			if t.cols[i].kind == kJSON {
				s = strings.ReplaceAll(s, `\u0000`, `\ufffd`)
			}
			r[i] = s
		}
	}
	return r
}

func pgText(s string) string {
	if utf8.ValidString(s) && !strings.ContainsRune(s, 0) {
		return s
	}
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "\uFFFD")
}

func (s *postgresSink) Close() error {
	err := s.flush(context.Background())
	s.pool.Close()
	return err
}

// Package sink writes output records: JSON Lines to stdout or a file, or
// rows in SQLite or PostgreSQL (schema in schema.go and the README).
//
// Database writes are idempotent. A document is keyed by its id and the
// SHA-256 of its text: a record whose id and hash are stored already is
// skipped, and one whose id is stored with another hash replaces the old
// document's rows in the same transaction. A rerun or a resumed run
// therefore never duplicates a document.
package sink

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/readout/readout/pipeline"
)

// Sink receives output records in input order.
type Sink interface {
	// Write stores one record; a sink may hold it in a batch until a later
	// Write or Close.
	Write(ctx context.Context, o *pipeline.Output) error
	// Seen reports whether a document with this id and text hash is
	// stored already (for --resume).
	Seen(ctx context.Context, id, sha string) (bool, error)
	// Close flushes what is batched and keeps everything written.
	Close() error
}

// Discarder is a sink that can drop all it was given, for a run that
// failed: a JSON Lines file is not left half-written. Databases keep the
// documents written, each of which is whole.
type Discarder interface {
	Discard() error
}

// ErrNoResume is returned by Seen when the target cannot be resumed (stdout).
var ErrNoResume = errors.New("--resume needs --out: a file or a database to compare with")

// ErrNotJSON is returned by Open for text output (Options.Encode) that
// was asked to go to a database or to be resumed.
var ErrNotJSON = errors.New("only JSON output can be resumed or stored in a database")

// Options says how a sink writes.
type Options struct {
	Stdout io.Writer // where "" and "-" write
	Indent bool      // indented JSON instead of JSON Lines (one document on stdout)
	// Encode, when set, writes each record as text instead of JSON (the
	// markdown summary), to stdout or a file; such output cannot be
	// resumed or go to a database.
	Encode func(w io.Writer, o *pipeline.Output) error
	Resume bool // a JSON Lines file keeps its records and learns their keys
	// BatchSize is how many documents a database transaction holds (0 = 500);
	// FlushEvery bounds how long a record waits in a batch (0 = 2s).
	BatchSize  int
	FlushEvery time.Duration
	// Retry is how long a database sink keeps retrying a batch through lost
	// connections before giving up (0 = 2 minutes).
	Retry time.Duration
	// Warn is told about problems that do not stop the run (a retried
	// batch); nil means they are dropped.
	Warn func(msg string)
}

func (o Options) batchSize() int {
	if o.BatchSize <= 0 {
		return 500
	}
	return o.BatchSize
}

func (o Options) flushEvery() time.Duration {
	if o.FlushEvery <= 0 {
		return 2 * time.Second
	}
	return o.FlushEvery
}

func (o Options) retry() time.Duration {
	if o.Retry <= 0 {
		return 2 * time.Minute
	}
	return o.Retry
}

func (o Options) warn(format string, args ...any) {
	if o.Warn != nil {
		o.Warn(fmt.Sprintf(format, args...))
	}
}

// Open returns the sink for target: "" or "-" for stdout, "sqlite:PATH"
// for SQLite, "postgres://..." or "postgresql://..." for PostgreSQL, and
// any other string as a JSON Lines file path.
func Open(ctx context.Context, target string, o Options) (Sink, error) {
	if o.Encode != nil && (o.Resume || IsDatabase(target)) {
		return nil, ErrNotJSON
	}
	switch {
	case target == "" || target == "-":
		return newJSONL(o.Stdout, o), nil
	case strings.HasPrefix(target, "sqlite:"):
		return OpenSQLite(ctx, strings.TrimPrefix(target, "sqlite:"), o)
	case strings.HasPrefix(target, "postgres://") || strings.HasPrefix(target, "postgresql://"):
		return OpenPostgres(ctx, target, o)
	}
	return OpenFile(target, o)
}

// IsDatabase reports whether target names a database.
func IsDatabase(target string) bool {
	return strings.HasPrefix(target, "sqlite:") || strings.HasPrefix(target, "postgres://") || strings.HasPrefix(target, "postgresql://")
}

// KeyOf is the text hash a record's output will be stored under: the
// SHA-256 of its text, or "" for a record whose input is unusable (it
// becomes an error record, stored without a hash; maxBytes is the runner's
// limit). Such a record is skipped on resume, since it would fail again.
func KeyOf(rec pipeline.Record, maxBytes int) string {
	if rec.Err != nil || pipeline.CheckText(rec.Text, maxBytes) != "" {
		return ""
	}
	sum := sha256.Sum256([]byte(rec.Text))
	return hex.EncodeToString(sum[:])
}

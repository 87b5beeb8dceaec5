package sink

import (
	"bufio"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/readout/readout/pipeline"
)

// record builds an output for text with one of everything the relational
// schema holds, sized by the text so that rows can be counted.
func record(id, text string) *pipeline.Output {
	d := pipeline.NewDoc(id, text)
	d.Meta = map[string]string{"title": "T " + id, "date": "2025-12-24", "lang": "en"}
	n := len(strings.Fields(text))
	d.Paragraphs = []pipeline.Paragraph{{Start: 0, End: len(text), Kind: pipeline.TextPara, Section: -1, Block: -1,
		Topics: []pipeline.TopicScore{{Topic: "diplomacy", Label: "Diplomacy", Score: 1, Evidence: []pipeline.Evidence{{Kind: "stem", Span: d.SpanOf(0, 1)}}}}}}
	for i := range n {
		d.Entities = append(d.Entities, pipeline.Entity{Start: 0, End: 1, Label: pipeline.Place, Canonical: "E" + fmt.Sprint(i), Source: pipeline.SourceRule, Confidence: 0.5})
	}
	d.Dates = []pipeline.DateMention{{Start: 0, End: 1, Text: text[:1], Value: "2025-12-22"}, {Start: 1, End: 2, Text: text[1:2]}}
	d.Participants = []pipeline.Participant{{ID: "p1", Name: "P", Role: "Minister", Mentions: []pipeline.Span{d.SpanOf(0, 1), d.SpanOf(1, 2)}, Evidence: &pipeline.Span{Start: 0, End: 2, Text: text[:2]}}}
	d.Topics = []pipeline.TopicScore{{Topic: "diplomacy", Label: "Diplomacy", Score: 2}}
	d.Issues = []pipeline.Issue{{Topic: "place:Libya", Label: "Libya", Theme: "diplomacy", ThemeLabel: "Diplomacy", Paragraphs: []int{0}, Table: -1,
		Parties: []pipeline.Party{{Name: "Egypt", Kind: "country", CountryCode: "EG", Focus: []pipeline.Span{d.SpanOf(0, 2)}}}}}
	o := d.Output(pipeline.OutputOptions{})
	o.Source = &pipeline.Source{Path: "in.jsonl", Line: 1, Record: 0}
	return o
}

// wantRows is how many rows record(id, text) makes in each table.
func wantRows(text string) map[string]int {
	n := len(strings.Fields(text))
	return map[string]int{"documents": 1, "paragraphs": 1, "entities": n, "dates": 2, "participants": 1,
		"mentions": 2, "topics": 2, "issues": 1, "issue_parties": 1}
}

func sha(text string) string {
	s := sha256.Sum256([]byte(text))
	return hex.EncodeToString(s[:])
}

// database is a sink under test and a handle to look into what it wrote.
type database struct {
	name string
	open func(t *testing.T) Sink
	db   *sql.DB
}

// databases returns SQLite, and PostgreSQL when READOUT_TEST_POSTGRES is
// set (each test gets a fresh PostgreSQL schema via search_path).
func databases(t *testing.T) []database {
	t.Helper()
	path := filepath.Join(t.TempDir(), "t.db")
	lite, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lite.Close() })
	dbs := []database{{name: "sqlite", db: lite, open: func(t *testing.T) Sink {
		s, err := OpenSQLite(context.Background(), path, Options{BatchSize: 3})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}}}
	if url := pgSchemaURL(t); url != "" {
		pool, err := pgxpool.New(context.Background(), url)
		if err != nil {
			t.Fatal(err)
		}
		db := stdlib.OpenDBFromPool(pool)
		t.Cleanup(func() { db.Close(); pool.Close() })
		dbs = append(dbs, database{name: "postgres", db: db, open: func(t *testing.T) Sink {
			s, err := OpenPostgres(context.Background(), url, Options{BatchSize: 3})
			if err != nil {
				t.Fatal(err)
			}
			return s
		}})
	} else {
		t.Log("PostgreSQL not tested: READOUT_TEST_POSTGRES is not set (.ci/run sets it)")
	}
	return dbs
}

// pgSchemaURL creates a schema of the test's own in the PostgreSQL test
// database and returns a URL whose search_path points at it, or "".
func pgSchemaURL(t *testing.T) string {
	t.Helper()
	base := os.Getenv("READOUT_TEST_POSTGRES")
	if base == "" {
		return ""
	}
	schema := strings.ToLower(strings.NewReplacer("/", "_", "-", "_", " ", "_").Replace(t.Name()))
	pool, err := pgxpool.New(context.Background(), base)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	for _, q := range []string{"DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema} {
		if _, err := pool.Exec(context.Background(), q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + "search_path=" + schema
}

func count(t *testing.T, db *sql.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func counts(t *testing.T, db *sql.DB) map[string]int {
	got := map[string]int{}
	for _, tb := range tables {
		got[tb.name] = count(t, db, "SELECT COUNT(*) FROM "+tb.name)
	}
	return got
}

func add(m map[string]int, more map[string]int) {
	for k, v := range more {
		m[k] += v
	}
}

func writeAll(t *testing.T, s Sink, outs ...*pipeline.Output) {
	t.Helper()
	for _, o := range outs {
		if err := s.Write(context.Background(), o); err != nil {
			t.Fatal(err)
		}
	}
}

func TestDatabaseIdempotent(t *testing.T) {
	for _, d := range databases(t) {
		t.Run(d.name, func(t *testing.T) {
			texts := map[string]string{"a": "Egypt met Russia", "b": "Cairo talks on Libya go on", "c": "Sudan", "d": "Gaza aid", "e": "One two three four five six"}
			var outs []*pipeline.Output
			want := map[string]int{}
			for _, id := range []string{"a", "b", "c", "d", "e"} {
				outs = append(outs, record(id, texts[id]))
				add(want, wantRows(texts[id]))
			}
			bad := pipeline.ErrorOutput("in.jsonl:9", &pipeline.Source{Path: "in.jsonl", Line: 9, Record: 5}, pipeline.CodePoints, "input", "line 9: malformed JSON")
			outs = append(outs, bad)
			want["documents"]++

			s := d.open(t)
			writeAll(t, s, outs...)
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if got := counts(t, d.db); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("rows %v, want %v", got, want)
			}

			// A rerun, in other batches, changes nothing.
			s = d.open(t)
			writeAll(t, s, outs[3:]...)
			writeAll(t, s, outs...)
			for _, o := range outs[:5] {
				if seen, err := s.Seen(context.Background(), o.ID, o.TextSHA256); err != nil || !seen {
					t.Errorf("Seen(%s) = %v, %v", o.ID, seen, err)
				}
			}
			if seen, _ := s.Seen(context.Background(), "a", sha("other text")); seen {
				t.Error("Seen(a) with another hash")
			}
			if seen, _ := s.Seen(context.Background(), bad.ID, ""); !seen {
				t.Error("error record not seen under the empty hash")
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if got := counts(t, d.db); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("after a rerun: rows %v, want %v", got, want)
			}

			// New text under an old id replaces the document and all its rows,
			// also when the id comes twice in one batch.
			s = d.open(t)
			newB := "Short"
			writeAll(t, s, record("b", "an intermediate text of six words"), record("b", newB))
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			add(want, wantRows(newB))
			for k, v := range wantRows(texts["b"]) {
				want[k] -= v
			}
			if got := counts(t, d.db); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("after replacing b: rows %v, want %v", got, want)
			}
			var storedSHA, title, published, meta, errs string
			if err := d.db.QueryRow("SELECT text_sha256, title, published, meta, errors FROM documents WHERE id = 'b'").Scan(&storedSHA, &title, &published, &meta, &errs); err != nil {
				t.Fatal(err)
			}
			if storedSHA != sha(newB) || title != "T b" || published != "2025-12-24" || !strings.Contains(meta, `"lang"`) || errs != "[]" {
				t.Errorf("document b: sha %s title %q published %q meta %s errors %s", storedSHA, title, published, meta, errs)
			}
			var status, msg string
			if err := d.db.QueryRow("SELECT status, errors FROM documents WHERE id = 'in.jsonl:9'").Scan(&status, &msg); err != nil {
				t.Fatal(err)
			}
			if status != "error" || !strings.Contains(msg, "malformed JSON") {
				t.Errorf("error record stored as %q %s", status, msg)
			}
			if n := count(t, d.db, "SELECT COUNT(*) FROM entities WHERE doc_id = 'b'"); n != 1 {
				t.Errorf("b has %d entities, want 1 (the old ones deleted)", n)
			}
			if v := count(t, d.db, "SELECT MAX(version) FROM schema_version"); v != SchemaVersion {
				t.Errorf("schema version %d", v)
			}
		})
	}
}

// TestDatabaseMigrates opens a database that an older readout wrote
// (schema version 1) and finds its rows kept and the new column filled.
func TestDatabaseMigrates(t *testing.T) {
	for _, d := range databases(t) {
		t.Run(d.name, func(t *testing.T) {
			dialect := sqliteDialect
			if d.name == "postgres" {
				dialect = postgresDialect
			}
			for _, q := range append(dialect.migrations()[0],
				"CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)",
				"INSERT INTO schema_version (version, applied_at) VALUES (1, '2026-01-01')",
				"INSERT INTO documents (id, text_sha256, status, schema, offsets, length, meta, errors, tables, written_at) "+
					"VALUES ('old', 'x', 'ok', 'readout/v1', 'codepoints', 0, '{}', '[]', '[]', CURRENT_TIMESTAMP)") {
				if _, err := d.db.Exec(q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			o := record("new", "Egypt met Russia")
			o.Participants[0].CountrySource = ptr(pipeline.CountryFromContext)
			s := d.open(t)
			writeAll(t, s, o)
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if v := count(t, d.db, "SELECT MAX(version) FROM schema_version"); v != SchemaVersion {
				t.Errorf("schema version %d, want %d", v, SchemaVersion)
			}
			if n := count(t, d.db, "SELECT COUNT(*) FROM documents"); n != 2 {
				t.Errorf("%d documents, want the old one and the new one", n)
			}
			var src, theme string
			if err := d.db.QueryRow("SELECT country_source FROM participants WHERE doc_id = 'new'").Scan(&src); err != nil || src != "context" {
				t.Errorf("country_source %q, %v", src, err)
			}
			if err := d.db.QueryRow("SELECT theme FROM issues WHERE doc_id = 'new'").Scan(&theme); err != nil || theme != "diplomacy" {
				t.Errorf("theme %q, %v", theme, err)
			}
		})
	}
}

func ptr(s string) *string { return &s }

func TestDatabaseNewerSchema(t *testing.T) {
	for _, d := range databases(t) {
		t.Run(d.name, func(t *testing.T) {
			d.open(t).Close()
			if _, err := d.db.Exec("INSERT INTO schema_version (version, applied_at) VALUES (99, CURRENT_TIMESTAMP)"); err != nil {
				t.Fatal(err)
			}
			var err error
			switch d.name {
			case "sqlite":
				_, err = OpenSQLite(context.Background(), strings.TrimPrefix(dbPath(t, d.db), "file:"), Options{})
			default:
				_, err = Open(context.Background(), pgSchemaURLOf(t, d.db), Options{})
			}
			if err == nil || !strings.Contains(err.Error(), "newer") {
				t.Errorf("opening a database of schema version 99: %v", err)
			}
		})
	}
}

func dbPath(t *testing.T, db *sql.DB) string {
	var seq int
	var name, file string
	if err := db.QueryRow("PRAGMA database_list").Scan(&seq, &name, &file); err != nil {
		t.Fatal(err)
	}
	return file
}

func pgSchemaURLOf(t *testing.T, db *sql.DB) string {
	var schema string
	if err := db.QueryRow("SELECT current_schema()").Scan(&schema); err != nil {
		t.Fatal(err)
	}
	return os.Getenv("READOUT_TEST_POSTGRES") + "&search_path=" + schema
}

// TestPostgresText: ids and meta with NUL and invalid UTF-8 (which
// PostgreSQL refuses) are stored, and found again by Seen.
func TestPostgresText(t *testing.T) {
	url := pgSchemaURL(t)
	if url == "" {
		t.Skip("READOUT_TEST_POSTGRES is not set: PostgreSQL sink not tested (.ci/run starts a server and sets it)")
	}
	s, err := OpenPostgres(context.Background(), url, Options{})
	if err != nil {
		t.Fatal(err)
	}
	o := record("nul\x00id\xff", "Text")
	o.Meta["bad"] = "a\x00b"
	writeAll(t, s, o)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, _ = OpenPostgres(context.Background(), url, Options{})
	defer s.Close()
	if seen, err := s.Seen(context.Background(), o.ID, o.TextSHA256); err != nil || !seen {
		t.Errorf("Seen = %v, %v", seen, err)
	}
}

// TestDatabaseLongFields: an id of any length is stored under a bounded
// key with the whole id beside it, and found again by --resume; a value
// too large for PostgreSQL's indexes makes its document an error record
// while the rest of its batch is stored.
func TestDatabaseLongFields(t *testing.T) {
	for _, d := range databases(t) {
		t.Run(d.name, func(t *testing.T) {
			var outs []*pipeline.Output
			for i := range 11 {
				outs = append(outs, record(fmt.Sprintf("doc-%d", i), "Egypt met Russia"))
			}
			longID := strings.Repeat("é", 10_000) // 20 KB
			outs[3] = record(longID, "Egypt met Russia again")
			var noise strings.Builder // 20 KB that compression cannot shrink under the index limit
			for i := range 2500 {
				fmt.Fprintf(&noise, "%08x", sha256.Sum256([]byte{byte(i), byte(i >> 8)}))
			}
			outs[6].Meta["date"] = noise.String() // indexed
			s := d.open(t)
			writeAll(t, s, outs...)
			if err := s.Close(); err != nil {
				t.Fatalf("close: %v", err)
			}
			if n := count(t, d.db, "SELECT COUNT(*) FROM documents"); n != 11 {
				t.Errorf("%d documents, want 11", n)
			}
			key := docKey(longID)
			var original string
			if err := d.db.QueryRow("SELECT original_id FROM documents WHERE id = "+placeholder(d.name), key).Scan(&original); err != nil || original != longID || len(key) > maxKeyBytes {
				t.Errorf("long id: key of %d bytes, original of %d bytes (%v)", len(key), len(original), err)
			}
			if n := count(t, d.db, "SELECT COUNT(*) FROM participants WHERE doc_id = "+placeholder(d.name), key); n != 1 {
				t.Errorf("long id: %d participant rows", n)
			}
			wantStatus := "ok" // SQLite indexes any length
			if d.name == "postgres" {
				wantStatus = "error"
			}
			var status, errs string
			if err := d.db.QueryRow("SELECT status, errors FROM documents WHERE id = 'doc-6'").Scan(&status, &errs); err != nil || status != wantStatus {
				t.Errorf("oversized date: status %q (%v), want %q; errors %s", status, err, wantStatus, errs)
			}
			s = d.open(t)
			defer s.Close()
			if seen, err := s.Seen(context.Background(), longID, outs[3].TextSHA256); err != nil || !seen {
				t.Errorf("Seen(long id) = %v, %v", seen, err)
			}
		})
	}
}

func placeholder(db string) string {
	if db == "postgres" {
		return "$1"
	}
	return "?"
}

// TestPostgresSchemaRace: processes opening a fresh database at once all
// succeed: the schema is created under the migration lock.
func TestPostgresSchemaRace(t *testing.T) {
	if pgSchemaURL(t) == "" {
		t.Skip("READOUT_TEST_POSTGRES is not set: PostgreSQL sink not tested (.ci/run starts a server and sets it)")
	}
	for trial := range 20 {
		url := pgSchemaURL(t) // a fresh, empty schema
		var wg sync.WaitGroup
		errs := make([]error, 3)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s, err := OpenPostgres(context.Background(), url, Options{})
				if err == nil {
					err = s.Close()
				}
				errs[i] = err
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("trial %d, opener %d: %v", trial, i, err)
			}
		}
	}
}

// TestPostgresRestart restarts the server while a batch's transaction is
// open (its rows copied, not committed): the sink reconnects, retries, and
// the table ends up with every document exactly once.
func TestPostgresRestart(t *testing.T) {
	url := pgSchemaURL(t)
	pgctl, pgdata := os.Getenv("READOUT_TEST_PGCTL"), os.Getenv("READOUT_TEST_PGDATA")
	if url == "" || pgctl == "" || pgdata == "" {
		t.Skip("READOUT_TEST_POSTGRES, READOUT_TEST_PGCTL and READOUT_TEST_PGDATA are not all set: restart not tested (.ci/run sets them)")
	}
	// An immediate restart is a crash: with synchronous_commit off (as the
	// CI cluster runs, for speed) the server may forget a commit it has
	// acknowledged, which no client can mend. Ask for durable commits.
	url += "&synchronous_commit=on"
	var mu sync.Mutex
	var warnings []string
	s, err := OpenPostgres(context.Background(), url, Options{BatchSize: 40, Warn: func(m string) {
		mu.Lock()
		warnings = append(warnings, m)
		mu.Unlock()
	}})
	if err != nil {
		t.Fatal(err)
	}
	restarts := 0
	s.(*postgresSink).beforeCommit = func() {
		if restarts++; restarts == 2 || restarts == 5 { // the 2nd batch, and again later
			mode := map[int]string{2: "fast", 5: "immediate"}[restarts]
			cmd := exec.Command(pgctl, "restart", "-D", pgdata, "-w", "-m", mode, "-l", filepath.Join(filepath.Dir(pgdata), "restart.log"))
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("pg_ctl restart: %v\n%s", err, out)
			}
		}
	}
	const n = 300
	for i := range n {
		writeAll(t, s, record(fmt.Sprintf("doc%04d", i), fmt.Sprintf("Text number %d about Cairo", i)))
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if restarts < 5 {
		t.Fatalf("only %d batch commits: the server was not restarted twice", restarts)
	}
	pool, err := pgxpool.New(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	db := stdlib.OpenDBFromPool(pool)
	defer db.Close()
	if got, distinct := count(t, db, "SELECT COUNT(*) FROM documents"), count(t, db, "SELECT COUNT(DISTINCT id) FROM documents"); got != n || distinct != n {
		t.Errorf("%d documents (%d distinct), want %d", got, distinct, n)
	}
	want := map[string]int{}
	for i := range n {
		add(want, wantRows(fmt.Sprintf("Text number %d about Cairo", i)))
	}
	if got := counts(t, db); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("rows %v, want %v", got, want)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(warnings) == 0 || !strings.Contains(strings.Join(warnings, "\n"), "retrying") {
		t.Errorf("no retry warnings: %q", warnings)
	}
}

func TestJSONLFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "out.jsonl")
	a, b := record("a", "Alpha text"), record("b", "Beta text")
	bad := pipeline.ErrorOutput("c", &pipeline.Source{Record: 2}, pipeline.CodePoints, "pipeline", "timed out after 1s")

	s, err := OpenFile(target, Options{})
	if err != nil {
		t.Fatal(err)
	}
	writeAll(t, s, a, bad)
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Errorf("target exists before Close: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, target); got != "a c" {
		t.Errorf("file holds %q", got)
	}

	// Resuming keeps the good records (and a line cut short by a crash is
	// dropped), tries error records again and skips what is there.
	f, _ := os.OpenFile(target, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"id":"cut","status":"ok","text_sha`)
	f.Close()
	s, err = OpenFile(target, Options{Resume: true})
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]bool{"a": true, "c": false, "cut": false, "b": false} {
		o := map[string]*pipeline.Output{"a": a, "b": b, "c": bad, "cut": a}[id]
		if seen, err := s.Seen(context.Background(), id, o.TextSHA256); err != nil || seen != want {
			t.Errorf("Seen(%s) = %v, %v; want %v", id, seen, err, want)
		}
	}
	writeAll(t, s, a, b, bad)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, target); got != "a b c" {
		t.Errorf("resumed file holds %q, want a b c", got)
	}

	// Discard leaves the earlier file as it was and the journal for
	// --resume; no temporary file.
	s, _ = OpenFile(target, Options{})
	writeAll(t, s, b)
	if err := s.(Discarder).Discard(); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, target); got != "a b c" {
		t.Errorf("after Discard the file holds %q", got)
	}
	if got := ids(t, JournalPath(target)); got != "b" {
		t.Errorf("after Discard the journal holds %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("%d files in the directory, want the file and its journal", len(entries))
	}

	if _, err := newJSONL(&strings.Builder{}, Options{}).Seen(context.Background(), "a", ""); err != ErrNoResume {
		t.Errorf("Seen on stdout = %v, want ErrNoResume", err)
	}
}

// TestJSONLFileOneRecordPerID: like the databases, a JSON Lines file
// holds one record per id, the last written: a resumed run with a changed
// text replaces the record, and a repeated id in one input keeps its last
// record, whether the run is fresh or resumed.
func TestJSONLFileOneRecordPerID(t *testing.T) {
	target := filepath.Join(t.TempDir(), "out.jsonl")
	a1, a2, b, c := record("a", "First text"), record("a", "Second text"), record("b", "Beta"), record("c", "Gamma")
	changed := record("b", "Beta, changed")
	for i, o := range []*pipeline.Output{a1, b, a2, c} {
		o.Source.Record = i // the input's order
	}
	changed.Source.Record = 1
	for _, resume := range []bool{false, true} {
		s, err := OpenFile(target, Options{Resume: resume})
		if err != nil {
			t.Fatal(err)
		}
		writeAll(t, s, a1, b, a2, c)
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if got := ids(t, target); got != "b a c" {
			t.Errorf("resume %v: file holds %q, want b a c", resume, got)
		}
	}
	s, _ := OpenFile(target, Options{Resume: true})
	writeAll(t, s, a1, changed, a2, c)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, target); got != "b a c" {
		t.Errorf("changed text: file holds %q, want b a c", got)
	}
	if got := shas(t, target)["a"]; got != a2.TextSHA256 {
		t.Errorf("a is not the input's last record of a")
	}
	if got := shas(t, target)["b"]; got != changed.TextSHA256 {
		t.Errorf("b kept its old text")
	}
}

// TestJSONLFileKilled: a run killed after some batches leaves its journal
// synced; --resume finds those records, cuts a record the kill left
// half-written, and ends with every record once. Files get the mode the
// umask gives.
func TestJSONLFileKilled(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "out.jsonl")
	var outs []*pipeline.Output
	for i := range 10 {
		outs = append(outs, record(fmt.Sprintf("d%d", i), fmt.Sprintf("Text %d", i)))
	}
	s, err := OpenFile(target, Options{BatchSize: 3})
	if err != nil {
		t.Fatal(err)
	}
	writeAll(t, s, outs[:7]...) // two batches synced, one record buffered
	// The kill: nothing more is flushed, and a record is cut mid-write.
	f, _ := os.OpenFile(JournalPath(target), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"id":"d6","status":"ok","text_sha`)
	f.Close()
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Fatalf("the file exists before the run ended: %v", err)
	}
	s, err = OpenFile(target, Options{Resume: true})
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, o := range outs {
		if ok, _ := s.Seen(context.Background(), o.ID, o.TextSHA256); ok {
			seen++
		}
	}
	if seen != 6 {
		t.Errorf("resume finds %d records, want the 6 synced", seen)
	}
	writeAll(t, s, outs...)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if got, want := ids(t, target), "d0 d1 d2 d3 d4 d5 d6 d7 d8 d9"; got != want {
		t.Errorf("file holds %q, want %q", got, want)
	}
	if _, err := os.Stat(JournalPath(target)); !os.IsNotExist(err) {
		t.Errorf("journal left after a finished run: %v", err)
	}
	info, err := os.Stat(target)
	old := syscall.Umask(0o022)
	syscall.Umask(old)
	if want := os.FileMode(0o666) &^ os.FileMode(old); err != nil || info.Mode().Perm() != want {
		t.Errorf("file mode %v (%v), want %v", info.Mode().Perm(), err, want)
	}
}

func shas(t *testing.T, path string) map[string]string {
	t.Helper()
	out := map[string]string{}
	if _, err := eachLine(path, func(rec lineKey, _ []byte) error {
		out[rec.ID] = rec.SHA
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func ids(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var o pipeline.Output
		if err := json.Unmarshal(sc.Bytes(), &o); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, o.ID)
	}
	return strings.Join(out, " ")
}

func TestOpenTargets(t *testing.T) {
	dir := t.TempDir()
	for target, want := range map[string]string{
		"":                                   "*sink.jsonl",
		"-":                                  "*sink.jsonl",
		filepath.Join(dir, "x.jsonl"):        "*sink.fileSink",
		"sqlite:" + filepath.Join(dir, "db"): "*sink.sqliteSink",
	} {
		s, err := Open(context.Background(), target, Options{Stdout: &strings.Builder{}})
		if err != nil {
			t.Fatalf("%q: %v", target, err)
		}
		if got := fmt.Sprintf("%T", s); got != want {
			t.Errorf("Open(%q) is %s, want %s", target, got, want)
		}
		s.Close()
	}
	if _, err := Open(context.Background(), "sqlite:a?b", Options{}); err == nil {
		t.Error("sqlite path with ? accepted")
	}
	if _, err := Open(context.Background(), "postgres://nobody@127.0.0.1:1/x?connect_timeout=1", Options{}); err == nil {
		t.Error("unreachable postgres accepted")
	}
}

func TestKeyOf(t *testing.T) {
	if got := KeyOf(pipeline.Record{Text: "abc"}, 0); got != sha("abc") {
		t.Errorf("KeyOf = %s", got)
	}
	for _, r := range []pipeline.Record{{Text: "  "}, {Text: "a\x00"}, {Text: "abcdef"}, {Text: "x", Err: os.ErrNotExist}} {
		if got := KeyOf(r, 4); got != "" {
			t.Errorf("KeyOf(%+v) = %q, want empty for an unusable record", r, got)
		}
	}
}

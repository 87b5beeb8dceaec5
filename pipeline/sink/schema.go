package sink

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/readout/readout/pipeline"
)

// SchemaVersion is the version of the relational schema this readout
// writes; the schema_version table records what a database holds.
const SchemaVersion = 4

// column kinds, mapped to each database's types by dialect.
const (
	kText = iota
	kInt
	kReal
	kJSON
	kTime
)

type column struct {
	name  string
	kind  int
	null  bool
	since int // the schema version that added the column; 0 for version 1
}

// table is one relational table: its columns, primary key and indexes.
// Every table but documents starts with doc_id, referencing documents(id)
// with ON DELETE CASCADE, so that deleting a document deletes its rows.
type table struct {
	name    string
	cols    []column
	key     []string
	indexes [][]string
}

func c(name string, kind int) column  { return column{name: name, kind: kind} }
func cn(name string, kind int) column { return column{name: name, kind: kind, null: true} }

// added is a nullable column that schema version v added.
func added(v int, name string, kind int) column {
	return column{name: name, kind: kind, null: true, since: v}
}

// tables is the relational schema, parents first; columns added after
// version 1 say when. It is
// documented column by column in the README ("Batch and databases").
var tables = []table{
	{
		name: "documents",
		cols: []column{
			c("id", kText), c("text_sha256", kText), c("status", kText), c("schema", kText),
			c("offsets", kText), c("length", kInt),
			cn("source_path", kText), cn("source_line", kInt), cn("source_record", kInt),
			cn("title", kText), cn("published", kText),
			c("meta", kJSON), c("errors", kJSON), c("tables", kJSON), c("written_at", kTime),
			added(3, "original_id", kText),
		},
		key:     []string{"id"},
		indexes: [][]string{{"status"}, {"published"}},
	},
	{
		name: "paragraphs",
		cols: []column{
			c("doc_id", kText), c("idx", kInt), c("kind", kText),
			c("start_offset", kInt), c("end_offset", kInt), c("section", kInt), c("block", kInt),
			cn("marker", kText),
		},
		key: []string{"doc_id", "idx"},
	},
	{
		name: "entities",
		cols: []column{
			c("doc_id", kText), c("idx", kInt), c("start_offset", kInt), c("end_offset", kInt),
			c("text", kText), c("label", kText), cn("subtype", kText), c("canonical", kText),
			cn("entity_id", kText), cn("country_code", kText), c("source", kText), c("confidence", kReal),
		},
		key:     []string{"doc_id", "idx"},
		indexes: [][]string{{"canonical"}, {"entity_id"}},
	},
	{
		name: "dates",
		cols: []column{
			c("doc_id", kText), c("idx", kInt), c("start_offset", kInt), c("end_offset", kInt),
			c("text", kText), cn("value", kText),
		},
		key:     []string{"doc_id", "idx"},
		indexes: [][]string{{"value"}},
	},
	{
		name: "participants",
		cols: []column{
			c("doc_id", kText), c("participant_id", kText), c("name", kText), c("aliases", kJSON),
			cn("role", kText), cn("country", kText), cn("country_code", kText),
			cn("organization", kText), cn("wikidata", kText), c("mention_count", kInt),
			cn("evidence_start", kInt), cn("evidence_end", kInt), cn("evidence_text", kText),
			added(2, "country_source", kText),
		},
		key:     []string{"doc_id", "participant_id"},
		indexes: [][]string{{"name"}, {"wikidata"}},
	},
	{
		name: "mentions",
		cols: []column{
			c("doc_id", kText), c("participant_id", kText), c("idx", kInt),
			c("start_offset", kInt), c("end_offset", kInt), c("text", kText),
		},
		key: []string{"doc_id", "participant_id", "idx"},
	},
	{
		name: "topics",
		cols: []column{
			c("doc_id", kText), c("paragraph", kInt), c("rank", kInt),
			c("topic", kText), c("label", kText), c("score", kReal), c("evidence", kJSON),
		},
		key:     []string{"doc_id", "paragraph", "rank"},
		indexes: [][]string{{"topic"}},
	},
	{
		name: "issues",
		cols: []column{
			c("doc_id", kText), c("idx", kInt), c("topic", kText), c("label", kText),
			c("paragraphs", kJSON), cn("table_index", kInt),
			added(4, "theme", kText), added(4, "theme_label", kText),
		},
		key:     []string{"doc_id", "idx"},
		indexes: [][]string{{"topic"}},
	},
	{
		name: "issue_parties",
		cols: []column{
			c("doc_id", kText), c("issue_idx", kInt), c("idx", kInt), c("name", kText),
			c("kind", kText), cn("country_code", kText), c("focus", kJSON),
		},
		key:     []string{"doc_id", "issue_idx", "idx"},
		indexes: [][]string{{"name"}},
	},
}

// dialect is what differs between the databases.
type dialect struct {
	types [5]string // by column kind
	// placeholder is the n-th (1-based) bind parameter.
	placeholder func(n int) string
}

var (
	sqliteDialect = dialect{
		types:       [5]string{"TEXT", "INTEGER", "REAL", "TEXT", "TEXT"},
		placeholder: func(int) string { return "?" },
	}
	postgresDialect = dialect{
		types:       [5]string{"TEXT", "BIGINT", "DOUBLE PRECISION", "JSONB", "TIMESTAMPTZ"},
		placeholder: func(n int) string { return fmt.Sprintf("$%d", n) },
	}
)

// ddl is the schema's CREATE statements.
func (d dialect) ddl() []string {
	var stmts []string
	for _, t := range tables {
		var b strings.Builder
		fmt.Fprintf(&b, "CREATE TABLE IF NOT EXISTS %s (\n", t.name)
		for _, col := range t.cols {
			if col.since > 1 {
				continue // added by a later migration
			}
			fmt.Fprintf(&b, "  %s %s", col.name, d.types[col.kind])
			if !col.null {
				b.WriteString(" NOT NULL")
			}
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, "  PRIMARY KEY (%s)", strings.Join(t.key, ", "))
		if t.name != "documents" {
			b.WriteString(",\n  FOREIGN KEY (doc_id) REFERENCES documents(id) ON DELETE CASCADE")
		}
		b.WriteString("\n)")
		stmts = append(stmts, b.String())
		for _, ix := range t.indexes {
			stmts = append(stmts, fmt.Sprintf("CREATE INDEX IF NOT EXISTS %s_%s ON %s (%s)",
				t.name, strings.Join(ix, "_"), t.name, strings.Join(ix, ", ")))
		}
	}
	return stmts
}

// migrations[i] takes a database from schema version i to i+1. Version 1
// creates the tables above without the columns a later version added;
// each later version adds its columns.
func (d dialect) migrations() [][]string {
	ms := [][]string{d.ddl()}
	for v := 2; v <= SchemaVersion; v++ {
		var stmts []string
		for _, t := range tables {
			for _, col := range t.cols {
				if col.since == v {
					stmts = append(stmts, fmt.Sprintf("ALTER TABLE %s ADD COLUMN %s %s", t.name, col.name, d.types[col.kind]))
				}
			}
		}
		ms = append(ms, stmts)
	}
	return ms
}

func (d dialect) insertSQL(t table) string {
	names := make([]string, len(t.cols))
	params := make([]string, len(t.cols))
	for i, col := range t.cols {
		names[i] = col.name
		params[i] = d.placeholder(i + 1)
	}
	return fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s)", t.name, strings.Join(names, ", "), strings.Join(params, ", "))
}

// maxKeyBytes bounds the id a document is keyed by: a B-tree index entry
// must fit in a third of a PostgreSQL page, and an id from the input may
// be any length.
const maxKeyBytes = 512

// docKey is the key a document with this id is stored under: the id
// itself, or for a longer one its first 128 bytes and its SHA-256, with
// the whole id kept in documents.original_id.
func docKey(id string) string {
	if len(id) <= maxKeyBytes {
		return id
	}
	cut := 128
	for cut > 0 && !utf8.RuneStart(id[cut]) {
		cut--
	}
	sum := sha256.Sum256([]byte(id))
	return id[:cut] + "…sha256:" + hex.EncodeToString(sum[:])
}

// rowsOf flattens a record into rows, one slice per table in the order of
// tables. JSON columns hold JSON text; absent values are nil. Rows are
// keyed by docKey(o.ID).
func rowsOf(o *pipeline.Output, now time.Time) [][][]any {
	rows := make([][][]any, len(tables))
	add := func(t int, vals ...any) { rows[t] = append(rows[t], vals) }
	key := docKey(o.ID)
	var original any
	if key != o.ID {
		original = o.ID
	}
	var path, line, record any
	if o.Source != nil {
		path, record = nilIfEmpty(o.Source.Path), o.Source.Record
		if o.Source.Line > 0 {
			line = o.Source.Line
		}
	}
	add(0, key, o.TextSHA256, o.Status, o.Schema, string(o.Offsets), o.Length,
		path, line, record, nilIfEmpty(o.Meta["title"]), nilIfEmpty(o.Meta["date"]),
		jsonText(orEmpty(o.Meta)), jsonText(o.Errors), jsonText(o.Tables), now, original)
	for i, p := range o.Paragraphs {
		var marker any
		if p.Marker != nil {
			marker = p.Marker.Text
		}
		add(1, key, i, p.Kind, p.Start, p.End, p.Section, p.Block, marker)
		for r, tp := range p.Topics {
			add(6, key, i, r, tp.Topic, tp.Label, tp.Score, jsonText(orEmptyList(tp.Evidence)))
		}
	}
	for i, e := range o.Entities {
		add(2, key, i, e.Start, e.End, e.Text, e.Label, nilIfEmpty(e.Subtype), e.Canonical,
			nilIfEmpty(e.ID), nilIfEmpty(e.Country), e.Source, e.Confidence)
	}
	for i, d := range o.Dates {
		add(3, key, i, d.Start, d.End, d.Text, nilIfEmpty(d.Value))
	}
	for _, p := range o.Participants {
		var es, ee, et any
		if p.Evidence != nil {
			es, ee, et = p.Evidence.Start, p.Evidence.End, p.Evidence.Text
		}
		add(4, key, p.ID, p.Name, jsonText(orEmptyList(p.Aliases)), deref(p.Role), deref(p.Country),
			deref(p.CountryCode), deref(p.Organization), deref(p.Wikidata), p.MentionCount, es, ee, et,
			deref(p.CountrySource))
		for i, m := range p.Mentions {
			add(5, key, p.ID, i, m.Start, m.End, m.Text)
		}
	}
	for r, tp := range o.Topics {
		add(6, key, -1, r, tp.Topic, tp.Label, tp.Score, jsonText(orEmptyList(tp.Evidence)))
	}
	for i, is := range o.Issues {
		var ti any
		if is.Table != nil {
			ti = *is.Table
		}
		add(7, key, i, is.Topic, is.Label, jsonText(orEmptyList(is.Paragraphs)), ti, nilIfEmpty(is.Theme), nilIfEmpty(is.ThemeLabel))
		for j, p := range is.Parties {
			add(8, key, i, j, p.Name, p.Kind, nilIfEmpty(p.CountryCode), jsonText(orEmptyList(p.Focus)))
		}
	}
	return rows
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil { // the output types always marshal
		panic(err)
	}
	return string(b)
}

func orEmpty(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}

func orEmptyList[T any](l []T) []T {
	if l == nil {
		return []T{}
	}
	return l
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func deref(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}

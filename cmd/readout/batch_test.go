package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"github.com/readout/readout/pipeline"
	"github.com/readout/readout/pipeline/sink"
)

func gz(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func openDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func scalar(t *testing.T, db *sql.DB, q string) int {
	t.Helper()
	var n int
	if err := db.QueryRow(q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// badInput is JSON Lines with every sort of broken record, and the ids the
// output must hold, in order: one record per non-blank input line.
func badInput(t *testing.T) ([]byte, []string) {
	t.Helper()
	garbage := make([]byte, 300)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range garbage {
		garbage[i] = byte(rng.IntN(256))
		if garbage[i] == '\n' {
			garbage[i] = 0xfe
		}
	}
	huge := `{"id":"huge","text":"` + strings.Repeat("Cairo talks. ", (50<<20)/13+10) + `"}` // over the 50 MB default limit
	lines := []string{
		"\xef\xbb\xbf" + `{"id":"bom","text":"Sergey Lavrov met Egypt's president in Cairo."}`,
		`{"id":"crlf","text":"Talks in Cairo.\r\nMore talks."}` + "\r",
		"",
		"{\"id\":\"badutf8\",\"text\":\"Cairo \xff\xfe talks\"}",
		`{"id":"nulesc","text":"a\u0000b"}`,
		"{\"id\":\"nulraw\",\"text\":\"a\x00b\"}", // a raw NUL is not JSON
		"   ",
		huge,
		string(garbage),
		`{"id":"empty","text":""}`,
		`{"id":"ok","text":"Libya and Sudan were discussed on Monday.","date":"2025-12-24"}`,
		`{"id":"truncated","text":"Cairo`,
	}
	want := []string{"bom", "crlf", "badutf8", "nulesc", "stdin:6", "stdin:8", "stdin:9", "empty", "ok", "stdin:12"}
	return []byte(strings.Join(lines, "\n")), want
}

// TestBadInputMatrix: every non-blank input line gives exactly one output
// record, in order, plain or gzip-compressed, to stdout or to SQLite.
func TestBadInputMatrix(t *testing.T) {
	in, want := badInput(t)
	for _, tt := range []struct {
		name  string
		input []byte
	}{{"plain", in}, {"gzip", gz(t, in)}} {
		t.Run(tt.name, func(t *testing.T) {
			stdout, _, err := run(t, string(tt.input), "annotate", "--input", "jsonl", "--workers", "2", "-")
			if code := exitCode(err); code != 1 {
				t.Fatalf("exit %d (%v), want 1", code, err)
			}
			outs := decodeLines(t, stdout)
			var got []string
			for i, o := range outs {
				got = append(got, o.ID)
				if o.Source == nil || o.Source.Record != i {
					t.Errorf("%s: source %+v", o.ID, o.Source)
				}
			}
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Fatalf("ids %q\nwant %q", got, want)
			}
			status := map[string]string{}
			for _, o := range outs {
				status[o.ID] = o.Status
			}
			for id, s := range map[string]string{"bom": "ok", "crlf": "ok", "ok": "ok", "huge": "", "badutf8": "error", "stdin:8": "error", "stdin:12": "error"} {
				if s != "" && status[id] != s {
					t.Errorf("%s: status %q, want %q", id, status[id], s)
				}
			}
			if e := outs[5].Errors; len(e) != 1 || !strings.Contains(e[0].Message, "max_doc_bytes") {
				t.Errorf("huge record: %+v", e)
			}
			if d := outs[8].Dates; len(d) != 1 || d[0].Value != "2025-12-22" {
				t.Errorf("dates of ok: %+v", d)
			}

			db := filepath.Join(t.TempDir(), "out.db")
			for range 2 { // and once more: the rerun adds nothing
				_, _, err = run(t, string(tt.input), "annotate", "--input", "jsonl", "--quiet", "--out", "sqlite:"+db, "-")
				if code := exitCode(err); code != 1 {
					t.Fatalf("sqlite: exit %d (%v)", code, err)
				}
			}
			h := openDB(t, db)
			if n, d := scalar(t, h, "SELECT COUNT(*) FROM documents"), scalar(t, h, "SELECT COUNT(DISTINCT id) FROM documents"); n != len(want) || d != len(want) {
				t.Errorf("sqlite: %d documents (%d distinct), want %d", n, d, len(want))
			}
			if n := scalar(t, h, "SELECT COUNT(*) FROM documents WHERE status = 'error'"); n != 7 {
				t.Errorf("sqlite: %d error documents, want 7", n)
			}
		})
	}
}

// TestTextInputs: folders of text files, compressed or not, with BOMs,
// CRLF, binary and empty files: one record per file.
func TestTextInputs(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), "\xef\xbb\xbfSergey Lavrov visited Cairo.\r\nHe met officials.\r\n")
	writeFile(t, filepath.Join(dir, "b.txt"), string(gz(t, []byte("Egypt and Russia met in Cairo on Monday.")))) // gzip without .gz
	writeFile(t, filepath.Join(dir, "c", "d.txt.gz"), string(gz(t, []byte("Sudan was discussed."))))
	writeFile(t, filepath.Join(dir, "e.txt"), "\x00\x01\x02binary\xff")
	writeFile(t, filepath.Join(dir, "f.txt"), "")
	writeFile(t, filepath.Join(dir, "g.md"), "# Heading\n\nLibya talks.")
	writeFile(t, filepath.Join(dir, "h.txt.gz"), "\x1f\x8b not really gzip")
	stdout, _, err := run(t, "", "annotate", dir)
	if code := exitCode(err); code != 1 {
		t.Fatalf("exit %d (%v)", code, err)
	}
	outs := decodeLines(t, stdout)
	got := map[string]string{}
	for _, o := range outs {
		rel, _ := filepath.Rel(dir, o.ID)
		got[filepath.ToSlash(rel)] = o.Status
	}
	want := map[string]string{"a.txt": "ok", "b.txt": "ok", "c/d.txt.gz": "ok", "e.txt": "error", "f.txt": "error", "g.md": "ok", "h.txt.gz": "error"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("statuses %v\nwant %v", got, want)
	}
	if len(outs) != len(want) {
		t.Errorf("%d records for %d files", len(outs), len(want))
	}

	stdout, _, err = run(t, "", "annotate", "--include", "*.md", "--include", "d.*", dir)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, o := range decodeLines(t, stdout) {
		ids = append(ids, filepath.Base(o.ID))
	}
	if strings.Join(ids, " ") != "d.txt.gz g.md" {
		t.Errorf("--include took %q", ids)
	}

	// --max-doc-bytes over max_doc_bytes.
	stdout, _, err = run(t, "", "annotate", "--max-doc-bytes", "20", "--output", "jsonl", filepath.Join(dir, "a.txt"))
	if exitCode(err) != 1 || !strings.Contains(stdout, "over the limit of 20") {
		t.Errorf("--max-doc-bytes 20: %v %s", err, stdout)
	}
}

func TestFailFast(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"a","text":"Cairo talks."}`,
		`{"id":"b","text":"Libya talks."}`,
		`{"id":"c","text":""}`,
		`{"id":"d","text":"Sudan talks."}`,
		`{"id":"e","text":"Gaza talks."}`,
	}, "\n")
	for _, workers := range []string{"1", "3"} {
		stdout, _, err := run(t, in, "annotate", "--input", "jsonl", "--fail-fast", "--workers", workers)
		if code := exitCode(err); code != 1 || err.Error() != errFailFast.Error()+": c" {
			t.Errorf("workers %s: exit %d, %v; want 1 naming record c", workers, code, err)
		}
		var ids []string
		for _, o := range decodeLines(t, stdout) {
			ids = append(ids, o.ID)
		}
		if strings.Join(ids, " ") != "a b c" {
			t.Errorf("workers %s: wrote %q, want a b c", workers, ids)
		}
	}
}

func TestDateField(t *testing.T) {
	cfg := writeFile(t, filepath.Join(t.TempDir(), "c.yaml"), "input:\n  date_field: published\n  title_field: headline\n")
	in := `{"id":"x","text":"The minister resigned yesterday.","published":"2026-01-01T10:00:00+03:00","headline":"Resignation"}`
	stdout, _, err := run(t, in, "annotate", "--config", cfg, "--input", "jsonl")
	if err != nil {
		t.Fatal(err)
	}
	o := decodeLines(t, stdout)[0]
	if len(o.Dates) != 1 || o.Dates[0].Value != "2025-12-31" || o.Dates[0].Text != "yesterday" {
		t.Errorf("dates %+v", o.Dates)
	}
	if o.Meta["date"] != "2026-01-01T10:00:00+03:00" || o.Meta["title"] != "Resignation" || o.Meta["published"] != "" {
		t.Errorf("meta %v", o.Meta)
	}
}

func TestSummaryAndResume(t *testing.T) {
	in := corpus(t)
	db := filepath.Join(t.TempDir(), "c.db")
	_, stderr, err := run(t, in, "annotate", "--input", "jsonl", "--out", "sqlite:"+db)
	if exitCode(err) != 1 {
		t.Fatalf("exit %d (%v)", exitCode(err), err)
	}
	if !strings.HasPrefix(stderr, "readout: 30 documents, 3 errors, ") || !strings.Contains(stderr, " words/s, ") {
		t.Errorf("summary %q", stderr)
	}
	// Resumed: nothing left to do, and the error records (which would fail
	// again) are not redone.
	_, stderr, err = run(t, in, "annotate", "--input", "jsonl", "--out", "sqlite:"+db, "--resume", "--log-format", "json")
	if err != nil {
		t.Fatalf("resume: %v\n%s", err, stderr)
	}
	var sum struct {
		Msg                        string
		Documents, Errors, Skipped int
		Words                      int
		WordsPerSec                float64 `json:"words_per_sec"`
		Elapsed                    float64 `json:"elapsed_sec"`
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != 1 || json.Unmarshal([]byte(lines[0]), &sum) != nil || sum.Msg != "summary" {
		t.Fatalf("--log-format json stderr: %q", stderr)
	}
	if sum.Documents != 0 || sum.Skipped != 30 || sum.Errors != 0 {
		t.Errorf("resumed summary %+v", sum)
	}
	if n := scalar(t, openDB(t, db), "SELECT COUNT(*) FROM documents"); n != 30 {
		t.Errorf("%d documents", n)
	}

	_, stderr, _ = run(t, in, "annotate", "--input", "jsonl", "--quiet")
	if stderr != "" {
		t.Errorf("--quiet printed %q", stderr)
	}
	if _, _, err := run(t, in, "annotate", "--input", "jsonl", "--resume"); exitCode(err) != 2 || !strings.Contains(err.Error(), "--out") {
		t.Errorf("--resume to stdout: %v", err)
	}
	if _, _, err := run(t, in, "annotate", "--log-format", "xml"); exitCode(err) != 2 {
		t.Errorf("--log-format xml: %v", err)
	}
}

func TestResumeCommand(t *testing.T) {
	cmd := newAnnotateCmd()
	if err := cmd.ParseFlags([]string{"--input", "jsonl", "--out", "sqlite:my db.sqlite", "--include", "*.gz", "--include", "a b", "--resume"}); err != nil {
		t.Fatal(err)
	}
	got := resumeCommand(cmd, []string{"dump's.jsonl", "-"})
	want := `readout annotate --include='*.gz' --include='a b' --input=jsonl --out='sqlite:my db.sqlite' --resume 'dump'\''s.jsonl' -`
	if got != want {
		t.Errorf("resume command\n got %s\nwant %s", got, want)
	}
}

// TestPasswordHidden: the password of a database URL is never printed,
// in the resume hint, a warning or the error a run ends with.
func TestPasswordHidden(t *testing.T) {
	for target, want := range map[string]string{
		"postgres://u:s3cr3t@db.example/news":          "s3cr3t",
		"postgresql://u@db.example/news?password=pw42": "pw42",
		"postgres://u@db.example/news":                 "",
		"out.jsonl":                                    "",
	} {
		if got := passwordOf(target); got != want {
			t.Errorf("passwordOf(%q) = %q, want %q", target, got, want)
		}
	}
	var b strings.Builder
	rep := &reporter{w: &b, secret: "s3cr3t"}
	rep.warn("postgres: batch failed for postgres://u:s3cr3t@db/x")
	rep.info("to resume:", "command", "readout annotate --out=postgres://u:s3cr3t@db/x --resume in.jsonl")
	if strings.Contains(b.String(), "s3cr3t") || strings.Count(b.String(), "xxxxx") != 2 {
		t.Errorf("printed:\n%s", b.String())
	}
	_, stderr, err := run(t, "", "annotate", "-q", "--out", "postgres://u:s3cr3t@127.0.0.1:1/x?connect_timeout=1&application_name=s3cr3t", article)
	if err == nil || strings.Contains(err.Error()+stderr, "s3cr3t") {
		t.Errorf("unreachable database: %v\n%s", err, stderr)
	}
}

// buildReadout builds the binary for tests that signal or kill it.
func buildReadout(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "readout")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// bigCorpus is n small JSON Lines news records with unique ids.
func bigCorpus(t *testing.T, n int) string {
	t.Helper()
	people := []string{"Sergey Lavrov", "Badr Abdel Atty", "Emmanuel Macron", "Olaf Scholz", "Narendra Modi"}
	places := []string{"Cairo", "Moscow", "Paris", "Berlin", "Delhi", "Khartoum", "Tripoli"}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	for i := range n {
		text := fmt.Sprintf("%s arrived in %s on Monday for talks on trade, record %d. Officials said the meeting with %s went well.",
			people[i%len(people)], places[i%len(places)], i, people[(i+2)%len(people)])
		if err := enc.Encode(map[string]any{"id": fmt.Sprintf("doc-%05d", i), "text": text, "date": "2025-12-24"}); err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

// batchRun is a readout batch into SQLite, started and under way.
type batchRun struct {
	bin, in, db string
	cmd         *exec.Cmd
	done        chan error // the exit of cmd
	stderr      *bytes.Buffer
	h           *sql.DB // the database, for counting
}

// startRun starts readout on n generated documents into SQLite and returns
// once 100 of them are written, so that the caller can stop it mid-run.
func startRun(t *testing.T, n int) batchRun {
	t.Helper()
	r := batchRun{bin: buildReadout(t), stderr: &bytes.Buffer{}, done: make(chan error, 1)}
	dir := t.TempDir()
	r.in = writeFile(t, filepath.Join(dir, "in.jsonl"), bigCorpus(t, n))
	r.db = filepath.Join(dir, "out.db")
	r.cmd = exec.Command(r.bin, "annotate", "--input", "jsonl", "--workers", "2", "--batch-size", "25", "--out", "sqlite:"+r.db, r.in)
	r.cmd.Stderr = r.stderr
	if err := r.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { r.done <- r.cmd.Wait() }()
	r.h = openDB(t, r.db)
	written := 0
	for written < 100 {
		select {
		case err := <-r.done:
			t.Fatalf("readout exited (%v) before it could be stopped: %s", err, r.stderr.String())
		case <-time.After(5 * time.Millisecond):
		}
		_ = r.h.QueryRow("SELECT COUNT(*) FROM documents").Scan(&written) // the file may not exist yet
	}
	return r
}

// TestKillAndResume kills readout with SIGKILL in the middle of a run into
// SQLite and resumes it: every document ends up written exactly once.
func TestKillAndResume(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	const n = 3000
	r := startRun(t, n)
	bin, in, db, h := r.bin, r.in, r.db, r.h
	if err := r.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-r.done
	before := scalar(t, h, "SELECT COUNT(*) FROM documents")
	if before >= n {
		t.Fatalf("all %d documents were written before the kill: nothing to resume", before)
	}

	out, err := exec.Command(bin, "annotate", "--input", "jsonl", "--workers", "2", "--out", "sqlite:"+db, "--resume", in).CombinedOutput()
	if err != nil {
		t.Fatalf("resume: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), fmt.Sprintf("%d skipped", before)) {
		t.Errorf("resume did not skip the %d documents written: %s", before, out)
	}
	if got, distinct := scalar(t, h, "SELECT COUNT(*) FROM documents"), scalar(t, h, "SELECT COUNT(DISTINCT id) FROM documents"); got != n || distinct != n {
		t.Errorf("%d documents (%d distinct ids) after resuming, want %d", got, distinct, n)
	}
	if bad := scalar(t, h, "SELECT COUNT(*) FROM documents WHERE status != 'ok'"); bad != 0 {
		t.Errorf("%d documents not ok", bad)
	}
	// Every document's rows are whole: each has its participants.
	if orphans := scalar(t, h, "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM participants p WHERE p.doc_id = d.id)"); orphans != 0 {
		t.Errorf("%d documents without participants", orphans)
	}
}

// TestKillAndResumeFile kills readout with SIGKILL in the middle of a run
// into a JSON Lines file: the records it finished wait in the journal, and
// --resume skips them and ends with every document once, in input order.
func TestKillAndResumeFile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	const n = 3000
	bin := buildReadout(t)
	dir := t.TempDir()
	in := writeFile(t, filepath.Join(dir, "in.jsonl"), bigCorpus(t, n))
	out := filepath.Join(dir, "out.jsonl")
	cmd := exec.Command(bin, "annotate", "--input", "jsonl", "--workers", "2", "--batch-size", "25", "--out", out, in)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	for lines := 0; lines < 100; {
		select {
		case err := <-done:
			t.Fatalf("readout exited (%v) before it could be killed", err)
		case <-time.After(5 * time.Millisecond):
		}
		b, _ := os.ReadFile(sink.JournalPath(out))
		lines = bytes.Count(b, []byte("\n"))
	}
	cmd.Process.Kill()
	<-done
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatalf("the output exists after the kill: %v", err)
	}
	res, err := exec.Command(bin, "annotate", "--input", "jsonl", "--workers", "2", "--out", out, "--resume", in).CombinedOutput()
	if err != nil {
		t.Fatalf("resume: %v\n%s", err, res)
	}
	if m := regexp.MustCompile(`(\d+) skipped`).FindSubmatch(res); m == nil || atoi(string(m[1])) < 100 {
		t.Errorf("resume did not skip the records finished before the kill: %s", res)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	var got []int
	for sc.Scan() {
		var o pipeline.Output
		if err := json.Unmarshal(sc.Bytes(), &o); err != nil {
			t.Fatal(err)
		}
		got = append(got, o.Source.Record)
	}
	if len(got) != n || !slices.IsSorted(got) || got[0] != 0 || got[n-1] != n-1 {
		t.Errorf("%d records after resuming, want %d, one per input record in input order", len(got), n)
	}
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// TestInterruptAndResume sends SIGINT: readout finishes what is in flight,
// exits 130 and prints the command that resumes; that command completes
// the run with every document once.
func TestInterruptAndResume(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	const n = 3000
	r := startRun(t, n)
	bin, h, stderr := r.bin, r.h, r.stderr
	if err := r.cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	err := <-r.done
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 130 {
		t.Fatalf("exit %v, want 130\n%s", err, stderr.String())
	}
	var resume string
	for _, line := range strings.Split(stderr.String(), "\n") {
		if c, ok := strings.CutPrefix(line, "readout: interrupted; to resume: "); ok {
			resume = c
		}
	}
	if resume == "" || !strings.Contains(stderr.String(), " documents, 0 errors") {
		t.Fatalf("no resume command or summary in:\n%s", stderr.String())
	}
	before := scalar(t, h, "SELECT COUNT(*) FROM documents")
	if before >= n {
		t.Fatalf("all documents written before the interrupt")
	}
	args := shellSplit(t, resume)
	if args[0] != bin || !strings.Contains(resume, " --resume ") {
		t.Fatalf("resume command %q", resume)
	}
	if out, err := exec.Command(args[0], args[1:]...).CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", resume, err, out)
	}
	if got, distinct := scalar(t, h, "SELECT COUNT(*) FROM documents"), scalar(t, h, "SELECT COUNT(DISTINCT id) FROM documents"); got != n || distinct != n {
		t.Errorf("%d documents (%d distinct) after resuming, want %d", got, distinct, n)
	}
}

// shellSplit undoes shellQuote.
func shellSplit(t *testing.T, s string) []string {
	var out []string
	var cur strings.Builder
	inQuote, started := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'':
			inQuote, started = !inQuote, true
		case c == '\\' && !inQuote && i+1 < len(s):
			i++
			cur.WriteByte(s[i])
		case c == ' ' && !inQuote:
			if started || cur.Len() > 0 {
				out = append(out, cur.String())
			}
			cur.Reset()
			started = false
		default:
			cur.WriteByte(c)
		}
	}
	if inQuote {
		t.Fatalf("unbalanced quotes in %q", s)
	}
	if started || cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// TestLongIDBatch: a batch of 11 records, one with a 20 KB id, written to
// SQLite and, when READOUT_TEST_POSTGRES is set, PostgreSQL: the ten others
// are stored and the long one is stored as one error record.
func TestLongIDBatch(t *testing.T) {
	dir := t.TempDir()
	var lines []string
	for i := range 11 {
		id := fmt.Sprintf("doc-%d", i)
		if i == 5 {
			id = strings.Repeat("z", 20_000)
		}
		lines = append(lines, fmt.Sprintf(`{"id":%q,"text":"Foreign Minister Ana Ruiz of Chile met Tom Berg in Oslo (%d)."}`, id, i))
	}
	in := writeFile(t, filepath.Join(dir, "in.jsonl"), strings.Join(lines, "\n")+"\n")
	targets := []string{"sqlite:" + filepath.Join(dir, "out.db")}
	if base := os.Getenv("READOUT_TEST_POSTGRES"); base != "" {
		schema := "long_id_batch"
		pool, err := sql.Open("pgx", base)
		if err != nil {
			t.Fatal(err)
		}
		defer pool.Close()
		for _, q := range []string{"DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema} {
			if _, err := pool.Exec(q); err != nil {
				t.Fatal(err)
			}
		}
		targets = append(targets, base+"&search_path="+schema)
	} else {
		t.Log("PostgreSQL not tested: READOUT_TEST_POSTGRES is not set (.ci/run sets it)")
	}
	for _, target := range targets {
		_, stderr, err := run(t, "", "annotate", "-q", "--input", "jsonl", "--batch-size", "11", "--out", target, in)
		if exitCode(err) != 1 || !strings.Contains(err.Error(), "1 of 11 records failed") {
			t.Fatalf("%s: %v\n%s", target, err, stderr)
		}
		driver, dsn := "sqlite", strings.TrimPrefix(target, "sqlite:")
		if !strings.HasPrefix(target, "sqlite:") {
			driver, dsn = "pgx", target
		}
		db, err := sql.Open(driver, dsn)
		if err != nil {
			t.Fatal(err)
		}
		if ok, bad := scalar(t, db, "SELECT COUNT(*) FROM documents WHERE status = 'ok'"), scalar(t, db, "SELECT COUNT(*) FROM documents WHERE status = 'error'"); ok != 10 || bad != 1 {
			t.Errorf("%s: %d documents ok and %d errors, want 10 and 1", driver, ok, bad)
		}
		db.Close()
	}
}

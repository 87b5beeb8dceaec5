package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/readout/readout/pipeline"
)

const article = "../../testdata/egypt-russia-cairo.txt"

// run executes the root command in-process.
func run(t *testing.T, stdin string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	cmd := newRootCmd()
	cmd.SetArgs(args)
	cmd.SetOut(&out)
	cmd.SetErr(&errb)
	cmd.SetIn(strings.NewReader(stdin))
	err = cmd.Execute()
	return out.String(), errb.String(), err
}

func exitCode(err error) int {
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return 2
}

func decodeLines(t *testing.T, s string) []pipeline.Output {
	t.Helper()
	var outs []pipeline.Output
	for i, line := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		if line == "" {
			t.Fatalf("empty output line %d", i+1)
		}
		var o pipeline.Output
		if err := json.Unmarshal([]byte(line), &o); err != nil {
			t.Fatalf("output line %d is not one JSON record: %v\n%s", i+1, err, line)
		}
		outs = append(outs, o)
	}
	return outs
}

func writeFile(t *testing.T, path, content string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestAnnotateArticle(t *testing.T) {
	text, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		stdin string
		args  []string
		id    string
	}{
		{"file", "", []string{"annotate", article}, article},
		{"stdin dash", string(text), []string{"annotate", "-"}, "stdin"},
		{"stdin no args", string(text), []string{"annotate"}, "stdin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, _, err := run(t, tt.stdin, tt.args...)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(stdout, "{\n  \"schema\": \"readout/v1\",\n") {
				t.Errorf("not indented JSON starting with the schema: %.80q", stdout)
			}
			var o pipeline.Output
			dec := json.NewDecoder(strings.NewReader(stdout))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&o); err != nil {
				t.Fatal(err)
			}
			if dec.More() {
				t.Error("more than one JSON value")
			}
			if o.Schema != "readout/v1" || o.Status != "ok" || o.ID != tt.id || len(o.Errors) != 0 {
				t.Errorf("schema %q status %q id %q errors %v", o.Schema, o.Status, o.ID, o.Errors)
			}
			if len(o.Participants) != 7 {
				var names []string
				for _, p := range o.Participants {
					names = append(names, p.Name)
				}
				t.Errorf("%d participants, want 7: %q", len(o.Participants), names)
			}
			if o.Offsets != pipeline.CodePoints || o.Length != len([]rune(string(text))) {
				t.Errorf("offsets %q length %d, want codepoints %d", o.Offsets, o.Length, len([]rune(string(text))))
			}
		})
	}
}

func TestAnnotateFolder(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "b", "second.txt"), "Russia and Egypt met in Cairo.")
	writeFile(t, filepath.Join(dir, "a.txt"), "Sergey Lavrov visited Cairo on Monday.")
	writeFile(t, filepath.Join(dir, "b", "c", "third.txt"), "Sudan and Libya were discussed.")
	writeFile(t, filepath.Join(dir, "b", "skip.json"), `{"not":"included"}`)
	stdout, _, err := run(t, "", "annotate", dir)
	if err != nil {
		t.Fatal(err)
	}
	outs := decodeLines(t, stdout)
	want := []string{
		filepath.Join(dir, "a.txt"),
		filepath.Join(dir, "b", "c", "third.txt"),
		filepath.Join(dir, "b", "second.txt"),
	}
	if len(outs) != len(want) {
		t.Fatalf("%d records, want %d", len(outs), len(want))
	}
	for i, o := range outs {
		if o.ID != want[i] || o.Source == nil || o.Source.Record != i || o.Status != "ok" {
			t.Errorf("record %d: id %q source %+v status %q, want %q", i, o.ID, o.Source, o.Status, want[i])
		}
	}
}

func TestAnnotateJSONLErrors(t *testing.T) {
	lines := []string{
		`{"id":"good1","text":"Egypt and Russia met in Cairo."}`,
		`{"id":"broken","text":`,
		`{"id":"empty","text":"   "}`,
		"{\"id\":\"badutf8\",\"text\":\"Cairo \xff talks\"}",
		``,
		`{"id":"notext","body":"Cairo"}`,
		`{"id":"nul","text":"a\u0000b"}`,
		`{"id":"good2","text":"Sergey Lavrov spoke.","lang":"en"}`,
	}
	path := writeFile(t, filepath.Join(t.TempDir(), "in.jsonl"), strings.Join(lines, "\n")+"\n")
	type want struct {
		id, status string
		line       int
		msg        string
	}
	wants := []want{
		{"good1", "ok", 1, ""},
		{path + ":2", "error", 2, "line 2: malformed JSON"},
		{"empty", "error", 3, "empty text"},
		{"badutf8", "error", 4, "line 4: invalid UTF-8"},
		{"notext", "error", 6, `line 6: no string field "text"`},
		{"nul", "error", 7, "NUL"},
		{"good2", "ok", 8, ""},
	}
	stdout, _, err := run(t, "", "annotate", "--input", "jsonl", path)
	if code := exitCode(err); code != 1 {
		t.Errorf("exit code %d (%v), want 1", code, err)
	}
	var ee *exitError
	if !errors.As(err, &ee) || !strings.Contains(err.Error(), "5 of 7 records failed") {
		t.Errorf("err = %v, want an exitError counting 5 of 7 failures", err)
	}
	outs := decodeLines(t, stdout)
	if len(outs) != len(wants) {
		t.Fatalf("%d output lines for %d non-blank input lines", len(outs), len(wants))
	}
	for i, w := range wants {
		o := outs[i]
		if o.ID != w.id || o.Status != w.status || o.Source == nil || o.Source.Line != w.line || o.Source.Record != i {
			t.Errorf("record %d: id %q status %q source %+v, want %q %q line %d", i, o.ID, o.Status, o.Source, w.id, w.status, w.line)
			continue
		}
		if w.msg == "" {
			if len(o.Errors) != 0 {
				t.Errorf("%s: errors %v", w.id, o.Errors)
			}
			continue
		}
		if len(o.Errors) != 1 || o.Errors[0].Stage != "input" || !strings.Contains(o.Errors[0].Message, w.msg) {
			t.Errorf("%s: errors %+v, want an input error containing %q", w.id, o.Errors, w.msg)
		}
	}
	if outs[6].Meta["lang"] != "en" {
		t.Errorf("meta %v", outs[6].Meta)
	}
}

// corpus is ~30 JSON Lines records of varied news sentences.
func corpus(t *testing.T) string {
	t.Helper()
	people := []string{"Sergey Lavrov", "Abdel Fattah el-Sisi", "Emmanuel Macron", "Olaf Scholz", "Narendra Modi", "Recep Tayyip Erdogan"}
	countries := []string{"Egypt", "Russia", "France", "Germany", "India", "Turkey", "Sudan", "Libya", "Brazil", "Japan"}
	topics := []string{"a ceasefire in Gaza", "wheat exports", "elections in Libya", "gas prices", "refugees from Sudan", "a trade deal"}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	for i := range 30 {
		p, c1, c2, tp := people[i%len(people)], countries[i%len(countries)], countries[(i*3+1)%len(countries)], topics[i%len(topics)]
		text := fmt.Sprintf("%s met officials from %s in %s on Monday.\n\nThe talks focused on %s, and %s said %s supports dialogue. Foreign Minister %s called for calm.",
			p, c1, c2, tp, p, c2, people[(i+2)%len(people)])
		if i%7 == 3 {
			text += "\n\n| Country | Focus |\n|---|---|\n| " + c1 + " | " + tp + " |\n"
		}
		if i%11 == 5 {
			text = "   " // an error record among them
		}
		if err := enc.Encode(map[string]any{"id": i, "text": text, "n": i * 7}); err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

func TestAnnotateDeterministic(t *testing.T) {
	path := writeFile(t, filepath.Join(t.TempDir(), "c.jsonl"), corpus(t))
	var first string
	for _, workers := range []string{"1", "2", "4", "4", "1"} {
		stdout, _, err := run(t, "", "annotate", "--input", "jsonl", "--workers", workers, path)
		if code := exitCode(err); code != 1 { // the blank records fail
			t.Fatalf("workers %s: exit %d (%v)", workers, code, err)
		}
		if first == "" {
			first = stdout
			outs := decodeLines(t, stdout)
			if len(outs) != 30 {
				t.Fatalf("%d records, want 30", len(outs))
			}
			for i, o := range outs {
				if o.ID != fmt.Sprint(i) {
					t.Fatalf("record %d has id %q", i, o.ID)
				}
			}
			continue
		}
		if stdout != first {
			t.Errorf("--workers %s output differs from --workers 1:\n%s", workers, firstDiff(first, stdout))
		}
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n%s\n%s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("%d lines vs %d", len(al), len(bl))
}

func TestAnnotateOutFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "out.jsonl")
	stdout, _, err := run(t, "", "annotate", "--output", "jsonl", "--offsets", "utf16", "--out", target, article)
	if err != nil {
		t.Fatal(err)
	}
	if stdout != "" {
		t.Errorf("stdout not empty with --out: %.80q", stdout)
	}
	b, err := os.ReadFile(target)
	if err != nil {
		t.Fatal(err)
	}
	outs := decodeLines(t, string(b))
	if len(outs) != 1 || outs[0].Offsets != pipeline.UTF16 || len(outs[0].Participants) != 7 {
		t.Errorf("out file: %d records", len(outs))
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %q, want only out.jsonl", names)
	}

	// A failed run leaves no target, only the journal of what it finished,
	// which --resume takes up.
	failed := filepath.Join(dir, "failed.jsonl")
	_, stderr, err := run(t, "", "annotate", "--out", failed, article, filepath.Join(dir, "missing.txt"))
	if code := exitCode(err); code != 2 || !os.IsNotExist(err) || !strings.Contains(stderr, "--resume") {
		t.Errorf("missing input: exit %d (%v), want 2, a not-exist error and a resume command\n%s", code, err, stderr)
	}
	if _, err := os.Stat(failed); !os.IsNotExist(err) {
		t.Errorf("failed run left its target: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("failed run left %d files, want its journal", len(entries)-1)
	}
	_, stderr, err = run(t, "", "annotate", "--output", "jsonl", "--out", failed, "--resume", article)
	if err != nil || !strings.Contains(stderr, "1 skipped") {
		t.Errorf("resume: %v\n%s", err, stderr)
	}
	if b, err := os.ReadFile(failed); err != nil || len(decodeLines(t, string(b))) != 1 {
		t.Errorf("resumed file: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("after resuming the directory holds %d files, want 2", len(entries))
	}
}

func TestFlagsOverride(t *testing.T) {
	cfgPath := writeFile(t, filepath.Join(t.TempDir(), "c.yaml"), "output:\n  offsets: bytes\n  format: jsonl\n")
	tests := []struct {
		name    string
		env     map[string]string
		args    []string
		offsets pipeline.OffsetUnit
		indent  bool
	}{
		{"defaults", nil, nil, pipeline.CodePoints, true},
		{"config file", nil, []string{"--config", cfgPath}, pipeline.Bytes, false},
		{"env over config", map[string]string{"READOUT_OUTPUT_OFFSETS": "utf16"}, []string{"--config", cfgPath}, pipeline.UTF16, false},
		{"flag over env", map[string]string{"READOUT_OUTPUT_OFFSETS": "utf16"}, []string{"--offsets", "codepoints", "--output", "json"}, pipeline.CodePoints, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			stdout, _, err := run(t, "Egypt’s minister met Sergey Lavrov.", append(append([]string{"annotate"}, tt.args...), "-")...)
			if err != nil {
				t.Fatal(err)
			}
			var o pipeline.Output
			if err := json.Unmarshal([]byte(stdout), &o); err != nil {
				t.Fatal(err)
			}
			if o.Offsets != tt.offsets {
				t.Errorf("offsets %q, want %q", o.Offsets, tt.offsets)
			}
			if indented := strings.HasPrefix(stdout, "{\n"); indented != tt.indent {
				t.Errorf("indented %v, want %v", indented, tt.indent)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, filepath.Join(dir, "bad.yaml"), "output:\n  offsets: chars\n")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"missing config file", []string{"annotate", "--config", filepath.Join(dir, "nope.yaml"), article}, "nope.yaml"},
		{"config command, missing file", []string{"config", "--config", filepath.Join(dir, "nope.yaml")}, "nope.yaml"},
		{"bad config value", []string{"annotate", "--config", bad, article}, "output.offsets"},
		{"bad flag value", []string{"annotate", "--offsets", "chars", article}, "output.offsets"},
		{"bad input flag", []string{"annotate", "--input", "xml", article}, "input.format"},
		{"unknown flag", []string{"annotate", "--frobnicate", article}, "frobnicate"},
		{"missing input", []string{"annotate", filepath.Join(dir, "nope.txt")}, "nope.txt"},
		{"version takes no args", []string{"version", "x"}, "x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, _, err := run(t, "", tt.args...)
			if err == nil {
				t.Fatalf("no error; stdout %.80q", stdout)
			}
			if code := exitCode(err); code != 2 {
				t.Errorf("exit code %d, want 2", code)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not mention %q", err, tt.want)
			}
			if stdout != "" {
				t.Errorf("records written on a usage error: %.80q", stdout)
			}
		})
	}
}

func TestHelpHasExamples(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"annotate", "--help"}, {"version", "--help"}, {"config", "--help"}, {"help", "annotate"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			stdout, _, err := run(t, "", args...)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(stdout, "Examples:") || !strings.Contains(stdout, "  readout ") {
				t.Errorf("help without examples:\n%s", stdout)
			}
		})
	}
}

func TestVersion(t *testing.T) {
	stdout, _, err := run(t, "", "version")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout, pipeline.SchemaVersion) || !strings.HasPrefix(stdout, "readout ") {
		t.Errorf("version output %q", stdout)
	}
}

func TestConfigCommand(t *testing.T) {
	t.Setenv("READOUT_WORKERS", "3")
	user := writeFile(t, filepath.Join(t.TempDir(), "u.yaml"), "output:\n  offsets: utf16\nstages:\n  entities:\n    model: none\n")
	stdout, _, err := run(t, "", "config", "--config", user)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := yaml.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("config output is not YAML: %v\n%s", err, stdout)
	}
	out, _ := got["output"].(map[string]any)
	if got["workers"] != 3 || out["offsets"] != "utf16" {
		t.Errorf("workers %v output %v\n%s", got["workers"], got["output"], stdout)
	}
	stages, _ := got["stages"].(map[string]any)
	ent, _ := stages["entities"].(map[string]any)
	if ent["model"] != "none" {
		t.Errorf("stages.entities %v", ent)
	}

	bad := writeFile(t, filepath.Join(t.TempDir(), "bad.yaml"), "stages:\n  entities:\n    modle: none\n")
	if _, _, err := run(t, "", "config", "--config", bad); err == nil || !strings.Contains(err.Error(), "modle") {
		t.Errorf("config with an unknown stage option: %v", err)
	}
}

// failingWriter accepts n bytes and then fails, like a full disk.
type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.n -= len(p); w.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

// TestAnnotateWriteError: a failing output stops the run with the error
// instead of hanging on a reader nobody drains.
func TestAnnotateWriteError(t *testing.T) {
	var b strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&b, `{"id":%d,"text":"Sergey Lavrov met officials in Cairo about Libya, record %d."}`+"\n", i, i)
	}
	cmd := newRootCmd()
	cmd.SetArgs([]string{"annotate", "--input", "jsonl", "--workers", "2"})
	cmd.SetIn(strings.NewReader(b.String()))
	cmd.SetOut(&failingWriter{n: 1 << 16})
	cmd.SetErr(io.Discard)
	done := make(chan error, 1)
	go func() { done <- cmd.Execute() }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "disk full") || exitCode(err) != 2 {
			t.Errorf("err = %v, want the write error with exit code 2", err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("annotate hung after its output failed")
	}
}

package source_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/readout/readout/pipeline"
	"github.com/readout/readout/pipeline/source"
)

// read runs source.Read and collects what it sends.
func read(t *testing.T, paths []string, o source.Options) ([]pipeline.Record, error) {
	t.Helper()
	out := make(chan pipeline.Record)
	errc := make(chan error, 1)
	go func() { errc <- source.Read(context.Background(), paths, o, out) }()
	var recs []pipeline.Record
	for r := range out {
		recs = append(recs, r)
	}
	return recs, <-errc
}

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// readInput reads input from a file of that name in dir, or from stdin
// when file is "", and fails the test if reading stops with an error.
func readInput(t *testing.T, dir, file, input string, o source.Options) []pipeline.Record {
	t.Helper()
	paths := []string{"-"}
	if file != "" {
		paths = []string{write(t, dir, file, input)}
	} else {
		o.Stdin = strings.NewReader(input)
	}
	recs, err := read(t, paths, o)
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func jsonl() source.Options {
	return source.Options{Format: source.JSONL, IDField: "id", TextField: "text"}
}

// TestFolderLinksAndErrors: a link to a file is read as the file, a link
// to nothing and a folder that cannot be read become error records in
// their places, and the other files of the folder are still read.
func TestFolderLinksAndErrors(t *testing.T) {
	dir := t.TempDir()
	outside := write(t, t.TempDir(), "real.txt", "Real")
	write(t, dir, "a.txt", "A")
	write(t, dir, "locked/x.txt", "X")
	write(t, dir, "z.txt", "Z")
	for link, target := range map[string]string{"b-link.txt": outside, "c-broken.txt": filepath.Join(dir, "nothing.txt"), "d-dir": filepath.Join(dir, "locked")} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
	want := "a.txt=A b-link.txt=Real c-broken.txt error locked/x.txt=X z.txt=Z"
	if err := os.Chmod(filepath.Join(dir, "locked"), 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(filepath.Join(dir, "locked"), 0o755)
	if _, err := os.ReadDir(filepath.Join(dir, "locked")); err == nil {
		t.Log("running as a user who reads any folder (root): the unreadable folder is not tested")
	} else {
		want = "a.txt=A b-link.txt=Real c-broken.txt error locked error z.txt=Z"
	}
	recs, err := read(t, []string{dir}, source.Options{Format: source.Text, Include: []string{"*.txt"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range recs {
		rel, _ := filepath.Rel(dir, r.Source.Path)
		s := rel + "=" + r.Text
		if r.Err != nil {
			s = rel + " error"
		}
		got = append(got, s)
	}
	if strings.Join(got, " ") != want {
		t.Errorf("records %q, want %q", got, want)
	}
}

func TestFolderInclude(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b.txt", "B")
	write(t, dir, "a/z.md", "Z")
	write(t, dir, "a/y.txt", "\xef\xbb\xbfY with BOM")
	write(t, dir, "a/skip.json", "{}")
	write(t, dir, "c/deep/x.text", "X")
	write(t, dir, "notes.TXT", "upper case extension")
	tests := []struct {
		name    string
		include []string
		want    []string // paths relative to dir
	}{
		{"default-like", []string{"*.txt", "*.text", "*.md"}, []string{"a/y.txt", "a/z.md", "b.txt", "c/deep/x.text"}},
		{"txt only", []string{"*.txt"}, []string{"a/y.txt", "b.txt"}},
		{"no include takes all", nil, []string{"a/skip.json", "a/y.txt", "a/z.md", "b.txt", "c/deep/x.text", "notes.TXT"}},
		{"prefix glob", []string{"[xy].*"}, []string{"a/y.txt", "c/deep/x.text"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, err := read(t, []string{dir}, source.Options{Format: source.Text, Include: tt.include})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for i, r := range recs {
				rel, _ := filepath.Rel(dir, r.Source.Path)
				got = append(got, filepath.ToSlash(rel))
				if r.ID != r.Source.Path {
					t.Errorf("record %d: id %q, want its path %q", i, r.ID, r.Source.Path)
				}
				if r.Source.Record != i {
					t.Errorf("record %d: Source.Record = %d", i, r.Source.Record)
				}
				if r.Err != nil {
					t.Errorf("record %d: %v", i, r.Err)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("files %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBOM(t *testing.T) {
	dir := t.TempDir()
	bom := "\xef\xbb\xbf"
	tests := []struct {
		name  string
		o     source.Options
		file  string // "" means stdin
		input string
		want  []string
	}{
		{"text file", source.Options{Format: source.Text}, "a.txt", bom + "Cairo talks", []string{"Cairo talks"}},
		{"stdin", source.Options{Format: source.Text}, "", bom + "Cairo talks", []string{"Cairo talks"}},
		{"only a leading BOM goes", source.Options{Format: source.Text}, "b.txt", bom + bom + "x", []string{bom + "x"}},
		{"jsonl file", jsonl(), "a.jsonl", bom + `{"text":"one"}` + "\n" + `{"text":"two"}`, []string{"one", "two"}},
		{"jsonl stdin", jsonl(), "", bom + `{"text":"one"}` + "\r\n", []string{"one"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs := readInput(t, dir, tt.file, tt.input, tt.o)
			var got []string
			for _, r := range recs {
				if r.Err != nil {
					t.Errorf("%s: %v", r.ID, r.Err)
				}
				got = append(got, r.Text)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("texts %q, want %q", got, tt.want)
			}
		})
	}
}

func TestJSONLines(t *testing.T) {
	type rec struct {
		ID   string
		Text string
		Meta map[string]string
		Line int
		Err  string // substring; "" means no error
	}
	tests := []struct {
		name  string
		max   int
		input string
		want  []rec
	}{
		{
			name:  "CRLF and blank lines",
			input: "{\"id\":\"a\",\"text\":\"one\"}\r\n\r\n  \r\n{\"id\":\"b\",\"text\":\"two\\r\\n\"}\r\n",
			want: []rec{
				{ID: "a", Text: "one", Line: 1},
				{ID: "b", Text: "two\r\n", Line: 4},
			},
		},
		{
			name:  "a long run of blank lines keeps the line count",
			input: strings.Repeat("\n", 100_000) + strings.Repeat("\r\n", 70_000) + `{"id":"a","text":"one"}` + "\n\n\r\n" + `{"id":"b","text":"two"}`,
			want: []rec{
				{ID: "a", Text: "one", Line: 170_001},
				{ID: "b", Text: "two", Line: 170_004},
			},
		},
		{
			name:  "no final newline",
			input: `{"id":"a","text":"one"}` + "\n" + `{"id":"b","text":"two"}`,
			want:  []rec{{ID: "a", Text: "one", Line: 1}, {ID: "b", Text: "two", Line: 2}},
		},
		{
			name: "ids rendered as JSON",
			input: strings.Join([]string{
				`{"id":42,"text":"t"}`,
				`{"id":1234567890123456789,"text":"t"}`,
				`{"id":1.5,"text":"t"}`,
				`{"id":true,"text":"t"}`,
				`{"id":["x",1],"text":"t"}`,
				`{"id":null,"text":"t"}`,
				`{"text":"t"}`,
				`{"id":"é\u00e9","text":"t"}`,
			}, "\n"),
			want: []rec{
				{ID: "42", Text: "t", Line: 1},
				{ID: "1234567890123456789", Text: "t", Line: 2},
				{ID: "1.5", Text: "t", Line: 3},
				{ID: "true", Text: "t", Line: 4},
				{ID: `["x",1]`, Text: "t", Line: 5},
				{ID: "in:6", Text: "t", Line: 6},
				{ID: "in:7", Text: "t", Line: 7},
				{ID: "éé", Text: "t", Line: 8},
			},
		},
		{
			name:  "other fields go to meta",
			input: `{"id":"x","text":"t","lang":"en","n":7,"big":9007199254740993,"tags":["a","b"],"o":{"k":null},"nil":null}`,
			want: []rec{{ID: "x", Text: "t", Line: 1, Meta: map[string]string{
				"lang": "en", "n": "7", "big": "9007199254740993", "tags": `["a","b"]`, "o": `{"k":null}`,
			}}},
		},
		{
			name: "broken lines keep their place",
			input: strings.Join([]string{
				`{"id":"a","text":"one"}`,
				`{"id":"b","text":`,
				`{"id":"c","text":7}`,
				`{"id":"d"}`,
				`[1,2]`,
				`{"id":"e","text":"ok"} trailing`,
				"{\"id\":\"f\",\"text\":\"bad \xff byte\"}",
				`{"id":"g","text":"last"}`,
			}, "\n"),
			want: []rec{
				{ID: "a", Text: "one", Line: 1},
				{ID: "in:2", Line: 2, Err: "line 2: malformed JSON"},
				{ID: "c", Line: 3, Err: `line 3: no string field "text"`},
				{ID: "d", Line: 4, Err: `line 4: no string field "text"`},
				{ID: "in:5", Line: 5, Err: "line 5: malformed JSON"},
				{ID: "in:6", Line: 6, Err: "line 6: malformed JSON"},
				{ID: "f", Line: 7, Err: "line 7: invalid UTF-8"},
				{ID: "g", Text: "last", Line: 8},
			},
		},
		{
			name: "an empty id and a lone surrogate are errors",
			input: strings.Join([]string{
				`{"id":"","text":"t"}`,
				`{"id":"  ","text":"t"}`,
				`{"id":"a","text":"half \ud800 a pair"}`,
				`{"id":"b","text":"low \udc00 first"}`,
				`{"id":"c","text":"a pair \ud83d\ude00 and \\ud800 written out"}`,
				`{"id":"d","text":"end \ud800"}`,
			}, "\n"),
			want: []rec{
				{ID: "in:1", Line: 1, Err: `line 1: empty "id"`},
				{ID: "in:2", Line: 2, Err: `line 2: empty "id"`},
				{ID: "a", Line: 3, Err: `line 3: \ud800 is half of a UTF-16 surrogate pair`},
				{ID: "b", Line: 4, Err: `line 4: \udc00 is half`},
				{ID: "c", Text: "a pair 😀 and \\ud800 written out", Line: 5},
				{ID: "d", Line: 6, Err: `line 6: \ud800 is half`},
			},
		},
		{
			name: "an id longer than MaxIDBytes is an error",
			input: `{"id":"` + strings.Repeat("x", source.MaxIDBytes) + `","text":"t"}` + "\n" +
				`{"id":"` + strings.Repeat("y", source.MaxIDBytes+1) + `","text":"t"}`,
			want: []rec{
				{ID: strings.Repeat("x", source.MaxIDBytes), Text: "t", Line: 1},
				{ID: "in:2", Line: 2, Err: `line 2: "id" is 4097 bytes, over the 4096`},
			},
		},
		{
			name: "over MaxBytes becomes an error record and reading goes on",
			max:  40,
			input: strings.Join([]string{
				`{"id":"a","text":"short"}`,
				`{"id":"b","text":"` + strings.Repeat("x", 200) + `"}`,
				`{"id":"c","text":"` + strings.Repeat("y", 1<<17) + `"}`, // longer than the read buffer
				`{"id":"d","text":"after"}`,
			}, "\r\n"),
			want: []rec{
				{ID: "a", Text: "short", Line: 1},
				{ID: "in:2", Line: 2, Err: "line 2: record is over the limit of 40 bytes"},
				{ID: "in:3", Line: 3, Err: "line 3: record is over the limit of 40 bytes"},
				{ID: "d", Text: "after", Line: 4},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := jsonl()
			o.MaxBytes = tt.max
			o.Stdin = strings.NewReader(tt.input)
			recs, err := read(t, []string{"-"}, o)
			if err != nil {
				t.Fatal(err)
			}
			var got []rec
			for i, r := range recs {
				if r.Source.Record != i || r.Source.Path != "stdin" {
					t.Errorf("record %d: source %+v", i, r.Source)
				}
				g := rec{ID: strings.Replace(r.ID, "stdin:", "in:", 1), Text: r.Text, Meta: r.Meta, Line: r.Source.Line}
				if r.Err != nil {
					g.Err = r.Err.Error()
				}
				got = append(got, g)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d records, want %d: %+v", len(got), len(tt.want), got)
			}
			for i := range got {
				g, w := got[i], tt.want[i]
				if (w.Err == "") != (g.Err == "") || !strings.Contains(g.Err, w.Err) {
					t.Errorf("record %d: error %q, want one containing %q", i, g.Err, w.Err)
				}
				g.Err, w.Err = "", ""
				if !reflect.DeepEqual(g, w) {
					t.Errorf("record %d:\n got %+v\nwant %+v", i, g, w)
				}
			}
		})
	}
}

func TestTextMaxBytes(t *testing.T) {
	dir := t.TempDir()
	big := write(t, dir, "big.txt", strings.Repeat("a", 100))
	small := write(t, dir, "small.txt", strings.Repeat("a", 10))
	recs, err := read(t, []string{big, small, "-"}, source.Options{Format: source.Text, MaxBytes: 50, Stdin: strings.NewReader(strings.Repeat("b", 51))})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 {
		t.Fatalf("got %d records, want 3", len(recs))
	}
	if recs[0].Err == nil || !strings.Contains(recs[0].Err.Error(), "max_doc_bytes") || recs[0].Text != "" {
		t.Errorf("big file: err %v, %d bytes of text kept", recs[0].Err, len(recs[0].Text))
	}
	if recs[1].Err != nil || recs[1].Text != strings.Repeat("a", 10) {
		t.Errorf("small file: err %v, text %q", recs[1].Err, recs[1].Text)
	}
	if recs[2].Err == nil || recs[2].ID != "stdin" || recs[2].Source.Record != 2 {
		t.Errorf("stdin over the limit: %+v", recs[2])
	}
	// An input that never ends (/dev/zero) is not read past the limit.
	recs, err = read(t, []string{"-"}, source.Options{Format: source.Text, MaxBytes: 1 << 20, Stdin: endless{}})
	if err != nil || len(recs) != 1 || recs[0].Err == nil || !strings.Contains(recs[0].Err.Error(), "max_doc_bytes") {
		t.Errorf("endless input: %v, %+v", err, recs)
	}
}

// endless reads as zero bytes for ever.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func TestMissingPath(t *testing.T) {
	dir := t.TempDir()
	ok := write(t, dir, "ok.txt", "fine")
	missing := filepath.Join(dir, "nope.txt")
	recs, err := read(t, []string{ok, missing, ok}, source.Options{Format: source.Text})
	if err == nil || !os.IsNotExist(err) || !strings.Contains(err.Error(), "nope.txt") {
		t.Errorf("err = %v, want a not-exist error naming nope.txt", err)
	}
	if len(recs) != 1 || recs[0].Text != "fine" {
		t.Errorf("records before the missing path: %+v", recs)
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan pipeline.Record) // nobody reads
	o := jsonl()
	o.Stdin = strings.NewReader(`{"text":"a"}` + "\n" + `{"text":"b"}` + "\n")
	cancel()
	if err := source.Read(ctx, []string{"-"}, o, out); err != context.Canceled {
		t.Errorf("Read after cancel = %v, want context.Canceled", err)
	}
	if _, open := <-out; open {
		t.Error("out not closed")
	}
}

func gzipped(t *testing.T, s string) string {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.String()
}

// TestGzip: compressed input is recognised by its magic bytes, whatever
// its name; a broken stream becomes an error record.
func TestGzip(t *testing.T) {
	dir := t.TempDir()
	lines := `{"id":"a","text":"one"}` + "\n" + `{"id":"b","text":"two"}` + "\n"
	tests := []struct {
		name  string
		o     source.Options
		file  string // "" means stdin
		input string
		want  []string // texts, or "error: ..." substrings
	}{
		{"jsonl.gz file", jsonl(), "a.jsonl.gz", gzipped(t, lines), []string{"one", "two"}},
		{"gzip named .jsonl", jsonl(), "b.jsonl", gzipped(t, lines), []string{"one", "two"}},
		{"plain named .gz", jsonl(), "c.jsonl.gz", lines, []string{"one", "two"}},
		{"jsonl stdin", jsonl(), "", gzipped(t, lines), []string{"one", "two"}},
		{"text file", source.Options{Format: source.Text}, "d.txt", gzipped(t, "\xef\xbb\xbfCairo talks"), []string{"Cairo talks"}},
		{"text stdin", source.Options{Format: source.Text}, "", gzipped(t, "Cairo talks"), []string{"Cairo talks"}},
		{"truncated stream", jsonl(), "e.jsonl.gz", gzipped(t, lines)[:30], []string{"error: unexpected EOF"}},
		{"magic only", source.Options{Format: source.Text}, "f.txt", "\x1f\x8b", []string{"error: gzip"}},
		{"text over the limit once decompressed", source.Options{Format: source.Text, MaxBytes: 100}, "g.txt.gz", gzipped(t, strings.Repeat("a", 1000)), []string{"over the limit of 100 bytes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs := readInput(t, dir, tt.file, tt.input, tt.o)
			var got []string
			for _, r := range recs {
				if r.Err != nil {
					got = append(got, "error: "+r.Err.Error())
				} else {
					got = append(got, r.Text)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if !strings.Contains(got[i], tt.want[i]) {
					t.Errorf("record %d: %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestTitleDateFields(t *testing.T) {
	o := jsonl()
	o.TitleField, o.DateField = "headline", "published"
	o.Stdin = strings.NewReader(`{"id":"a","text":"t","headline":"H","published":"2025-12-24","date":"ignored","title":"also ignored","x":1}`)
	recs, err := read(t, []string{"-"}, o)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"title": "H", "date": "2025-12-24", "x": "1"}
	if len(recs) != 1 || !reflect.DeepEqual(recs[0].Meta, want) {
		t.Errorf("meta %v, want %v", recs[0].Meta, want)
	}
}

func TestBytesRead(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "Cairo")
	write(t, dir, "sub/b.txt", gzipped(t, strings.Repeat("talks ", 100)))
	write(t, dir, "sub/skip.json", "{}")
	o := source.Options{Format: source.Text, Include: []string{"*.txt"}}
	total, known := source.TotalBytes([]string{dir}, o)
	var read64 atomic.Int64
	o.OnRead = func(n int) { read64.Add(int64(n)) }
	recs, err := read(t, []string{dir}, o)
	if err != nil || len(recs) != 2 {
		t.Fatalf("%d records, %v", len(recs), err)
	}
	if !known || total != read64.Load() || total <= 5 {
		t.Errorf("TotalBytes %d (known %v), OnRead counted %d: want them equal, the compressed size counted", total, known, read64.Load())
	}
	if _, known := source.TotalBytes([]string{dir, "-"}, o); known {
		t.Error("total known with stdin among the inputs")
	}
}

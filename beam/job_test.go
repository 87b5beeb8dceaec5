package readoutbeam

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/readout/readout"
	"github.com/readout/readout/pipeline"
	"github.com/readout/readout/pipeline/sink"
	"github.com/readout/readout/pipeline/source"
)

// testConfig is layered over the defaults in every test. It sets output
// options a worker can only know from the shipped settings.
const testConfig = "testdata/config.yaml"

// jobTimeout bounds each job; a hung runner fails the test, not CI.
const jobTimeout = 3 * time.Minute

// mainEnv makes the test binary run as readout-beam, so that TestJobServer
// runs the command without linking a second 150 MB binary.
const mainEnv = "READOUT_BEAM_TEST_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(mainEnv) == "1" {
		os.Exit(Main())
	}
	// Parses flags and calls beam.Init, which the loopback workers need.
	os.Exit(ptest.MainRetWithDefault(m, "prism"))
}

// TestPrismText runs the job on in-process Prism over text files and
// checks that it writes exactly the records `readout annotate` writes.
func TestPrismText(t *testing.T) {
	dir := t.TempDir()
	files := textCorpus(t, dir)
	o := Options{
		Inputs:     []string{filepath.Join(dir, "in", "*.txt"), filepath.Join(dir, "in", "*.gz")},
		Output:     filepath.Join(dir, "out", "annotated"),
		Errors:     filepath.Join(dir, "out", "errors"),
		Shards:     3,
		ConfigPath: testConfig,
	}
	res := runPrism(t, o)

	want := coreRecords(t, source.Text, files)
	got, bad := readShards(t, o.Output, 3), readShards(t, o.Errors, 1)
	sameRecords(t, append(got, bad...), want)
	for _, line := range got {
		if status(t, line) == "error" {
			t.Errorf("error record in the output shards: %.200s", line)
		}
	}
	for _, line := range bad {
		if status(t, line) != "error" {
			t.Errorf("non-error record in the error shard: %.200s", line)
		}
	}
	if len(bad) != 2 { // empty.txt and latin1.txt
		t.Errorf("%d error records, want 2", len(bad))
	}
	checkSummary(t, res, o.Output, want)

	// The shipped config reached the workers: utf16 offsets, text included.
	var rec struct {
		Offsets string  `json:"offsets"`
		Text    *string `json:"text"`
	}
	if err := json.Unmarshal([]byte(got[0]), &rec); err != nil || rec.Offsets != "utf16" || rec.Text == nil {
		t.Errorf("records were not written under the test config: offsets %q, text present %v (%v)", rec.Offsets, rec.Text != nil, err)
	}
}

// TestPrismJSONL checks JSON Lines across files: ids, missing ids, blank,
// malformed and text-less lines, gzip, and record positions that count
// across files.
func TestPrismJSONL(t *testing.T) {
	dir := t.TempDir()
	files := jsonlCorpus(t, dir)
	o := jsonlJob(dir, files) // given one by one: the order of the core run
	res := runPrism(t, o)
	want := coreRecords(t, source.JSONL, files)
	got := append(readShards(t, o.Output, 2), readShards(t, o.Errors, 1)...)
	sameRecords(t, got, want)
	checkSummary(t, res, o.Output, want)
	if len(want) != 8 {
		t.Errorf("core wrote %d records, want 8: the corpus changed?", len(want))
	}
}

// TestPrismNoRecords: input with no records still ends with every shard
// and a summary of zeros.
func TestPrismNoRecords(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "blank.jsonl")
	writeFile(t, in, []byte("\n  \n"))
	o := jsonlJob(dir, []string{in})
	res := runPrism(t, o)
	if got := append(readShards(t, o.Output, 2), readShards(t, o.Errors, 1)...); len(got) != 0 {
		t.Errorf("%d records from blank lines", len(got))
	}
	checkSummary(t, res, o.Output, nil)
}

// jsonlJob is a job over JSON Lines inputs writing two output shards
// under dir/out.
func jsonlJob(dir string, inputs []string) Options {
	return Options{
		Inputs:      inputs,
		Output:      filepath.Join(dir, "out", "annotated"),
		Errors:      filepath.Join(dir, "out", "errors"),
		Shards:      2,
		ConfigPath:  testConfig,
		InputFormat: "jsonl",
	}
}

// TestJobServer runs the readout-beam command in a child process and
// submits the job to a Prism job server on a loopback port, as it would be
// submitted to Flink's or Spark's job server, with LOOPBACK workers.
func TestJobServer(t *testing.T) {
	dir := t.TempDir()
	files := textCorpus(t, dir)
	out, errs, stderr := submitToJobServer(t, dir, "--environment_type=LOOPBACK")
	want := coreRecords(t, source.Text, files)
	sameRecords(t, append(readShards(t, out, 2), readShards(t, errs, 1)...), want)
	summary := fmt.Sprintf("readout-beam: %d documents, %d words, 2 errors, 0 partial", len(want), coreWords(t, want))
	if !strings.Contains(stderr, summary) {
		t.Errorf("stderr lacks %q:\n%s", summary, tail(stderr))
	}
}

// submitToJobServer runs the readout-beam command in a child process on the
// corpus in dir, submitting the job to a fresh Prism job server on a
// loopback port with the given environment flags. It returns the output and
// error shard prefixes and the command's stderr. Exit status 1 says records
// failed, as with `readout annotate`; the corpus has two bad ones.
func submitToJobServer(t *testing.T, dir string, envFlags ...string) (out, errs, stderr string) {
	t.Helper()
	bin, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), jobTimeout)
	defer cancel()
	port := freePort(t)
	if _, err := prism.CreateJobServer(ctx, prism.Options{Port: port}); err != nil {
		t.Fatal(err)
	}
	out, errs = filepath.Join(dir, "out", "part"), filepath.Join(dir, "out", "errors")
	args := append([]string{"--runner=universal", fmt.Sprintf("--endpoint=localhost:%d", port)}, envFlags...)
	args = append(args,
		"--input="+filepath.Join(dir, "in", "*.txt"), "--input="+filepath.Join(dir, "in", "*.gz"),
		"--output="+out, "--errors="+errs, "--shards=2", "--config="+testConfig)
	cmd := exec.CommandContext(ctx, bin, args...)
	var buf bytes.Buffer
	cmd.Stderr = &buf
	cmd.Env = append(os.Environ(), mainEnv+"=1")
	err = cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Fatalf("readout-beam: %v, want exit status 1\n%s", err, tail(buf.String()))
	}
	return out, errs, buf.String()
}

func TestBuildRejects(t *testing.T) {
	ok := Options{Inputs: []string{"in/*"}, Output: "out/a", Errors: "out/e"}
	for name, o := range map[string]Options{
		"no input":   {Output: "o", Errors: "e"},
		"no output":  {Inputs: ok.Inputs, Errors: "e"},
		"no errors":  {Inputs: ok.Inputs, Output: "o"},
		"bad scheme": {Inputs: []string{"hdfs://x/*"}, Output: "o", Errors: "e"},
		"bad format": {Inputs: ok.Inputs, Output: "o", Errors: "e", InputFormat: "csv"},
		"no config":  {Inputs: ok.Inputs, Output: "o", Errors: "e", ConfigPath: "testdata/missing.yaml"},
	} {
		_, s := beam.NewPipelineWithRoot()
		if err := Build(s, o); err == nil {
			t.Errorf("%s: Build accepted %+v", name, o)
		}
	}
}

// TestSettingsRoundTrip checks that workers rebuild the very configuration
// the submitting machine loaded.
func TestSettingsRoundTrip(t *testing.T) {
	t.Setenv("READOUT_MAX_DOC_BYTES", "1234")
	want, err := readout.LoadConfig(testConfig)
	if err != nil {
		t.Fatal(err)
	}
	cfg, settings, err := LoadSettings(testConfig, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("READOUT_MAX_DOC_BYTES", "") // a worker without the variable
	os.Unsetenv("READOUT_MAX_DOC_BYTES")
	got, err := configOf(settings)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprintf("%#v", got) != fmt.Sprintf("%#v", want) || fmt.Sprintf("%#v", cfg) != fmt.Sprintf("%#v", want) {
		t.Errorf("settings do not round-trip:\n got %#v\nwant %#v", got, want)
	}
	if got.MaxDocBytes != 1234 {
		t.Errorf("max_doc_bytes %d: the submitter's environment was lost", got.MaxDocBytes)
	}
}

// runPrism runs the job on Prism in this process.
func runPrism(t *testing.T, o Options) beam.PipelineResult {
	t.Helper()
	p, s := beam.NewPipelineWithRoot()
	if err := Build(s, o); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), jobTimeout)
	defer cancel()
	res, err := beam.Run(ctx, "prism", p)
	if err != nil {
		t.Fatalf("job failed: %v", err)
	}
	return res
}

// textCorpus writes text files covering the reader's cases and returns
// their paths in the order the job numbers them (the *.txt glob sorted,
// then the *.gz glob).
func textCorpus(t *testing.T, dir string) []string {
	t.Helper()
	in := filepath.Join(dir, "in")
	ref, err := os.ReadFile("../testdata/egypt-russia-cairo.txt")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"a-egypt-russia.txt": ref,
		"b-short.txt":        []byte("Sergey Lavrov met Badr Abdel Atty in Cairo on Monday. They discussed Gaza and Sudan.\n"),
		"c-bom.txt":          []byte("\xef\xbb\xbfPresident Abdel Fattah el-Sisi received the Russian delegation.\n"),
		"d-empty.txt":        []byte("   \n"),
		"e-latin1.txt":       []byte("Caf\xe9 talks in Cairo\n"),
		"f-libya.txt":        []byte("# Libya\n\nEgypt raised arms flows and irregular migration from Libya.\n\n- Border security\n- Energy risks\n"),
	}
	var zipped bytes.Buffer
	zw := gzip.NewWriter(&zipped)
	zw.Write(ref[:len(ref)/2])
	zw.Close()
	files["g-half.txt.gz"] = zipped.Bytes()
	var paths []string
	for name, b := range files {
		path := filepath.Join(in, name)
		writeFile(t, path, b)
		paths = append(paths, path)
	}
	slices.Sort(paths) // *.gz sorts after *.txt here: the same order
	return paths
}

// jsonlCorpus writes three JSON Lines files (one gzipped) and returns them.
func jsonlCorpus(t *testing.T, dir string) []string {
	t.Helper()
	ref, err := os.ReadFile("../testdata/egypt-russia-cairo.txt")
	if err != nil {
		t.Fatal(err)
	}
	line := func(v map[string]any) string {
		b, _ := json.Marshal(v)
		return string(b) + "\n"
	}
	a := line(map[string]any{"id": "ref", "text": string(ref), "title": "Cairo", "date": "2025-12-22"}) +
		"\n" + // blank: no record
		line(map[string]any{"text": "Lavrov flew to Cairo yesterday.", "desk": "world", "n": json.Number("12345678901234567890")}) +
		"{not json\n" +
		line(map[string]any{"id": 7, "text": ""})
	b := line(map[string]any{"id": "b1", "text": "Egypt and Russia discussed Libya and Sudan on Monday."}) +
		line(map[string]any{"id": "b2", "body": "no text field"})
	var zipped bytes.Buffer
	zw := gzip.NewWriter(&zipped)
	zw.Write([]byte(b))
	zw.Close()
	paths := []string{filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl"), filepath.Join(dir, "c.jsonl")}
	writeFile(t, paths[0], []byte(a))
	writeFile(t, paths[1], []byte(b))
	writeFile(t, paths[2], zipped.Bytes()) // gzip recognised by content, not name
	return paths
}

// coreRecords is what `readout annotate --output jsonl` writes for paths:
// the core's reader, runner and JSON Lines sink, no Beam.
func coreRecords(t *testing.T, format string, paths []string) []string {
	t.Helper()
	cfg, err := readout.LoadConfig(testConfig)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Input.Format = format
	runner, err := cfg.NewRunner()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var buf bytes.Buffer
	snk, err := sink.Open(ctx, "", sink.Options{Stdout: &buf})
	if err != nil {
		t.Fatal(err)
	}
	recs := make(chan pipeline.Record)
	readErr := make(chan error, 1)
	go func() { readErr <- source.Read(ctx, paths, cfg.SourceOptions(), recs) }()
	if err := runner.Run(ctx, recs, func(o *pipeline.Output) error { return snk.Write(ctx, o) }); err != nil {
		t.Fatal(err)
	}
	if err := <-readErr; err != nil {
		t.Fatal(err)
	}
	if err := snk.Close(); err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
}

// readShards reads every line of the n shards under prefix; each must exist.
func readShards(t *testing.T, prefix string, n int) []string {
	t.Helper()
	var lines []string
	for i := range n {
		b, err := os.ReadFile(ShardName(prefix, i, n))
		if err != nil {
			t.Fatal(err)
		}
		for l := range strings.SplitSeq(string(b), "\n") {
			if l != "" {
				lines = append(lines, l)
			}
		}
	}
	return lines
}

// sameRecords compares two sets of JSON lines byte for byte, order aside.
func sameRecords(t *testing.T, got, want []string) {
	t.Helper()
	got, want = slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))
	if slices.Equal(got, want) {
		return
	}
	t.Errorf("Beam wrote %d records, the core %d; they differ:", len(got), len(want))
	for _, l := range got {
		if !slices.Contains(want, l) {
			t.Errorf("only from Beam: %.300s", l)
		}
	}
	for _, l := range want {
		if !slices.Contains(got, l) {
			t.Errorf("only from the core: %.300s", l)
		}
	}
}

// checkSummary compares the summary the job wrote under the output prefix
// with the core's records, and the runner's counters with it where the
// runner reported them whole: Prism may drop the counts of bundles that
// finish before it knows a counter's id, never add any.
func checkSummary(t *testing.T, res beam.PipelineResult, prefix string, want []string) {
	t.Helper()
	errs := 0
	for _, l := range want {
		if status(t, l) == "error" {
			errs++
		}
	}
	got, err := ReadSummary(context.Background(), SummaryName(prefix))
	if err != nil {
		t.Fatal(err)
	}
	exp := Summary{Documents: int64(len(want)), Words: coreWords(t, want), Errors: int64(errs)}
	if got != exp {
		t.Errorf("summary %+v, want %+v", got, exp)
	}
	c := Counters(res)
	if c["documents"] > exp.Documents || c["words"] > exp.Words || c["errors"] > exp.Errors || c["partial"] > exp.Partial {
		t.Errorf("counters %v exceed the records' %+v", c, exp)
	}
}

// coreWords counts the words of the annotated texts the way the runner's
// stats do, from the records' own text (the test config includes it).
func coreWords(t *testing.T, lines []string) int64 {
	var n int64
	for _, l := range lines {
		var rec struct {
			Text *string `json:"text"`
		}
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatal(err)
		}
		if rec.Text != nil {
			n += int64(pipeline.CountWords(*rec.Text))
		}
	}
	return n
}

func status(t *testing.T, line string) string {
	var rec struct {
		Status string `json:"status"`
	}
	if err := json.Unmarshal([]byte(line), &rec); err != nil {
		t.Fatalf("%v: %.200s", err, line)
	}
	return rec.Status
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// tail keeps the end of a long log.
func tail(s string) string {
	if len(s) > 4000 {
		return "..." + s[len(s)-4000:]
	}
	return s
}

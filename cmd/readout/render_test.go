package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

var updateMarkdown = flag.Bool("update-markdown", false, "rewrite testdata/egypt-russia-cairo.md from the current output")

// runBin runs the built binary in dir and returns its stdout, stderr and
// exit status.
func runBin(t *testing.T, bin, dir string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

func cards(page string) int { return strings.Count(page, `<li class="card participant"`) }

// TestRenderFindsText: a record written without its text is rendered from
// the file it names while that file holds the same text, with a message
// naming each place looked at when not; a text file is annotated and
// rendered in one step, giving the same page as its record.
func TestRenderFindsText(t *testing.T) {
	bin := buildReadout(t)
	root := t.TempDir()
	dir := filepath.Join(root, "news")
	b, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "a.txt"), string(b))
	rec, _, code := runBin(t, bin, dir, "annotate", "-q", "a.txt")
	if code != 0 {
		t.Fatalf("annotate: exit %d", code)
	}
	writeFile(t, filepath.Join(dir, "a.json"), rec)

	fromRecord, stderr, code := runBin(t, bin, dir, "render", "a.json")
	if code != 0 || cards(fromRecord) != 7 {
		t.Fatalf("render a.json: exit %d, %d cards\n%s", code, cards(fromRecord), stderr)
	}
	fromText, stderr, code := runBin(t, bin, dir, "render", "a.txt")
	if code != 0 || fromText != fromRecord {
		t.Errorf("render a.txt: exit %d, same page as its record: %v\n%s", code, fromText == fromRecord, stderr)
	}
	// From elsewhere, the source path is found beside the record.
	if page, stderr, code := runBin(t, bin, root, "render", "news/a.json"); code != 0 || cards(page) != 7 {
		t.Errorf("render news/a.json from its parent: exit %d, %d cards\n%s", code, cards(page), stderr)
	}

	writeFile(t, filepath.Join(dir, "a.txt"), string(b)+"\nA line added later.\n")
	_, stderr, code = runBin(t, bin, dir, "render", "a.json")
	for _, want := range []string{"does not carry its text", "its source a.txt has changed since it was annotated", "--text FILE"} {
		if code != 2 || !strings.Contains(stderr, want) {
			t.Errorf("changed source: exit %d, want 2 and %q in\n%s", code, want, stderr)
		}
	}
	os.Remove(filepath.Join(dir, "a.txt"))
	if _, stderr, code = runBin(t, bin, dir, "render", "a.json"); code != 2 || !strings.Contains(stderr, "its source a.txt: no such file") {
		t.Errorf("missing source: exit %d\n%s", code, stderr)
	}
	// A record of standard input has no file to look in.
	cmd := exec.Command(bin, "annotate", "-q", "-")
	cmd.Dir, cmd.Stdin = dir, bytes.NewReader(b)
	piped, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "piped.json"), string(piped))
	if _, stderr, code := runBin(t, bin, dir, "render", "piped.json"); code != 2 || !strings.Contains(stderr, "read from standard input") {
		t.Errorf("record of stdin: exit %d\n%s", code, stderr)
	}
	writeFile(t, filepath.Join(root, "kept.txt"), string(b))
	if page, stderr, code := runBin(t, bin, dir, "render", "--text", "../kept.txt", "a.json"); code != 0 || cards(page) != 7 {
		t.Errorf("render --text: exit %d, %d cards\n%s", code, cards(page), stderr)
	}

	// JSON Lines: articles are annotated with --input jsonl, one chosen by
	// --id; a record file's source line is found again.
	writeFile(t, filepath.Join(dir, "in.jsonl"), `{"id":"x","text":"Rain fell on the coast."}`+"\n"+
		`{"id":"y","text":"Finance Minister Ana Ruiz of Chile met Tom Berg in Oslo on Monday."}`+"\n")
	if _, stderr, code := runBin(t, bin, dir, "render", "in.jsonl"); code != 2 || !strings.Contains(stderr, "--input jsonl") {
		t.Errorf("JSON articles without --input jsonl: exit %d\n%s", code, stderr)
	}
	if _, stderr, code := runBin(t, bin, dir, "render", "--input", "jsonl", "in.jsonl"); code != 2 || !strings.Contains(stderr, "--id") {
		t.Errorf("two articles without --id: exit %d\n%s", code, stderr)
	}
	page, stderr, code := runBin(t, bin, dir, "render", "--input", "jsonl", "--id", "y", "in.jsonl")
	if code != 0 || cards(page) != 2 {
		t.Errorf("--input jsonl --id y: exit %d, %d cards\n%s", code, cards(page), stderr)
	}
	recs, _, _ := runBin(t, bin, dir, "annotate", "-q", "--input", "jsonl", "in.jsonl")
	writeFile(t, filepath.Join(dir, "out.jsonl"), recs)
	if again, stderr, code := runBin(t, bin, dir, "render", "--id", "y", "out.jsonl"); code != 0 || again != page {
		t.Errorf("record y of out.jsonl: exit %d, same page as annotating it: %v\n%s", code, again == page, stderr)
	}
}

// TestRenderServesText: --serve takes a text file as render does, and an
// interrupt stops it.
func TestRenderServesText(t *testing.T) {
	bin := buildReadout(t)
	cmd := exec.Command(bin, "render", "--serve", "127.0.0.1:0", article)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, err := bufio.NewReader(stderr).ReadString('\n')
	if err != nil {
		t.Fatalf("no serving line: %v (%q)", err, line)
	}
	url := regexp.MustCompile(`http://\S+/`).FindString(line)
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %q: %v", url, err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || cards(string(body)) != 7 {
		t.Errorf("GET %s: %d, %d cards", url, resp.StatusCode, cards(string(body)))
	}
	// Another name for this address (DNS rebinding) gets no page.
	req, _ := http.NewRequest("GET", url, nil)
	req.Host = "attacker.example:" + regexp.MustCompile(`:(\d+)/$`).FindStringSubmatch(url)[1]
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("Host %s: %v", req.Host, err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("Host %s: %s, want 421", req.Host, resp.Status)
	}
	cmd.Process.Signal(syscall.SIGINT)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("after SIGINT: %v", err)
		}
	case <-ctx.Done():
		t.Error("still serving 10s after SIGINT")
	}
}

// TestAnnotateMarkdown: the summary of the reference article is its golden
// file; an article with neither participants nor issues says so in a line,
// with no empty table; several documents follow one another; text output
// refuses a database and --resume.
func TestAnnotateMarkdown(t *testing.T) {
	bin := buildReadout(t)
	got, stderr, code := runBin(t, bin, "../..", "annotate", "-q", "--output", "markdown", "testdata/egypt-russia-cairo.txt")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	golden := "../../testdata/egypt-russia-cairo.md"
	if *updateMarkdown {
		writeFile(t, golden, got)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("markdown differs from %s (go test -run TestAnnotateMarkdown -update-markdown rewrites it)\n%s", golden, got)
	}
	if readme, err := os.ReadFile("../../README.md"); err != nil || !strings.Contains(string(readme), "````markdown\n"+got+"````\n") {
		t.Errorf("README.md does not show the reference article's markdown (%v)", err)
	}

	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "weather.txt"), "Rain all week\n\nIt rained on the hills for a week and the river rose by a metre.\n")
	writeFile(t, filepath.Join(dir, "empty.txt"), "")
	out, _, code := runBin(t, bin, dir, "annotate", "-q", "--output", "markdown", "weather.txt", "empty.txt")
	docs := strings.Split(out, "\n# ")
	if code != 1 || len(docs) != 2 || !strings.HasPrefix(docs[0], "# weather.txt\n") || !strings.HasPrefix(docs[1], "empty.txt\n") {
		t.Fatalf("two documents, one of them empty: exit %d\n%s", code, out)
	}
	for _, want := range []string{"No participants found.\n", "0 participants · "} {
		if !strings.Contains(docs[0], want) {
			t.Errorf("no participants: want %q in\n%s", want, docs[0])
		}
	}
	if strings.Contains(docs[0], "|") || strings.Contains(docs[0], "## Participants") {
		t.Errorf("an empty list or table was written:\n%s", docs[0])
	}
	if !strings.Contains(docs[1], "**Error** (input): ") {
		t.Errorf("the empty file's error is not shown:\n%s", docs[1])
	}

	for _, args := range [][]string{
		{"--out", "sqlite:" + filepath.Join(dir, "x.db")},
		{"--out", filepath.Join(dir, "x.md"), "--resume"},
	} {
		args = append([]string{"annotate", "-q", "--output", "markdown"}, append(args, "weather.txt")...)
		if _, stderr, code := runBin(t, bin, dir, args...); code != 2 || !strings.Contains(stderr, "only JSON output") {
			t.Errorf("%v: exit %d\n%s", args, code, stderr)
		}
	}
	if _, _, code := runBin(t, bin, dir, "annotate", "-q", "--output", "markdown", "--out", "x.md", "weather.txt"); code != 0 {
		t.Errorf("--out x.md: exit %d", code)
	} else if b, _ := os.ReadFile(filepath.Join(dir, "x.md")); !strings.HasPrefix(string(b), "# weather.txt\n") {
		t.Errorf("x.md:\n%s", b)
	}
}

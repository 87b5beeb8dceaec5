package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readout/readout/eval"
)

const (
	fixturesDir = "../../testdata/fixtures"
	baseline    = fixturesDir + "/baseline.json"
)

func TestEvalFixturesAgainstBaseline(t *testing.T) {
	out, errOut, err := run(t, "", "eval", "--fixtures", fixturesDir, "--baseline", baseline)
	if code := exitCode(err); code != 0 {
		t.Fatalf("exit %d (%v): the committed baseline is stale? regenerate it with\n"+
			"  go run ./cmd/readout eval --fixtures testdata/fixtures --write-baseline testdata/fixtures/baseline.json\n%s%s", code, err, out, errOut)
	}
	for _, want := range []string{
		"## readout eval: 13 fixtures",
		"| `egypt-russia-cairo` | 1.000 | 1.000 | 1.000 | 1.000 | 3/3 | 1.000 | 1.000 |",
		"### Entities by label",
		"✅ Passed: baseline " + baseline + " (tolerance 0.005).",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

// TestEvalFixturesBrokenStage is what CI relies on: a pipeline that lost a
// stage, or the entity model, fails against the baseline and says what
// regressed where.
func TestEvalFixturesBrokenStage(t *testing.T) {
	tests := []struct {
		name, config string
		want         []string
	}{
		{"participants stage removed", "pipeline: [paragraphs, tables, tokens, dates, entities, topics, issues]\n", []string{
			"egypt-russia-cairo: participants.triple.f1 1.0000 -> 0.0000 (-1.0000)",
			"overall: participants.name.f1 ",
		}},
		{"entity model off", "stages:\n  entities:\n    model: none\n", []string{
			"overall: entities.recall ",
			"wikinews_2020-03-03_iranian-government-official-mohammad-mir-mohammadi-dies-of-c: entities.PLACE.f1 ",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := writeFile(t, filepath.Join(t.TempDir(), "broken.yaml"), tt.config)
			out, _, err := run(t, "", "--config", cfg, "eval", "--fixtures", fixturesDir, "--baseline", baseline)
			if code := exitCode(err); code != 1 {
				t.Fatalf("exit %d (%v), want 1", code, err)
			}
			if !strings.Contains(out, "### ❌ Failed") || !strings.Contains(err.Error(), "fixture checks failed") {
				t.Errorf("no failure section or error:\n%v\n%s", err, out)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("report does not name %q:\n%s", w, out)
				}
			}
		})
	}
}

func TestEvalFixturesThresholdsAndJSON(t *testing.T) {
	dir := t.TempDir()
	js, bl := filepath.Join(dir, "report.json"), filepath.Join(dir, "baseline.json")
	out, _, err := run(t, "", "eval", "--fixtures", fixturesDir, "--format", "json", "--json", js, "--write-baseline", bl,
		"--min-triple-f1", "0.99", "--min-topic-accuracy", "0.5")
	if code := exitCode(err); code != 1 {
		t.Fatalf("exit %d (%v), want 1: the development articles' triple F1 is under 0.99", code, err)
	}
	var r eval.FixturesReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("--format json: %v\n%s", err, out)
	}
	if r.Schema != eval.ReportSchema || len(r.Fixtures) != 13 || r.Overall.Participants == nil {
		t.Errorf("report: schema %q, %d fixtures, participants %v", r.Schema, len(r.Fixtures), r.Overall.Participants)
	}
	if len(r.Failures) != 1 || !strings.Contains(r.Failures[0], "participants.triple.f1") || !strings.Contains(r.Failures[0], "--min-triple-f1 0.99") {
		t.Errorf("failures %q, want only the triple threshold", r.Failures)
	}
	for _, f := range []string{js, bl} {
		b, err := os.ReadFile(f)
		if err != nil || string(b) != out {
			t.Errorf("%s differs from stdout (%v)", f, err)
		}
	}
}

func TestEvalUsage(t *testing.T) {
	for _, args := range [][]string{
		{"eval", "--fixtures", fixturesDir, "--format", "xml"},
		{"eval", "--fixtures", filepath.Join(t.TempDir(), "none")},
		{"eval", "--fixtures", fixturesDir, "--baseline", filepath.Join(fixturesDir, "egypt-russia-cairo.gold.json")},
		{"eval", "--fixtures", fixturesDir, "extra"},
	} {
		if _, _, err := run(t, "", args...); exitCode(err) != 2 {
			t.Errorf("%q: exit %d (%v), want 2", args, exitCode(err), err)
		}
	}
	if out, _, err := run(t, "", "eval"); err != nil || !strings.Contains(out, "--fixtures") {
		t.Errorf("bare eval: %v, want help mentioning --fixtures", err)
	}
}

func TestFixturesImport(t *testing.T) {
	from, dest := t.TempDir(), filepath.Join(t.TempDir(), "fx")
	writeFile(t, filepath.Join(from, "open.txt"), "Open text about Lavrov.")
	writeFile(t, filepath.Join(from, "open.json"), `{"file":"open.txt","people":[{"name":"Lavrov","aliases":[],"role":null,"country":null,"organization":null}],"places":[],"organizations":[],"notes":""}`)
	writeFile(t, filepath.Join(from, "closed.txt"), "Closed text.")
	writeFile(t, filepath.Join(from, "closed.json"), `{"file":"closed.txt","people":[],"places":[],"organizations":[]}`)
	writeFile(t, filepath.Join(from, "SOURCES.tsv"), "file\ttitle\turl_or_origin\tlicense_note\n"+
		"open.txt\tOpen\thttps://example.org/open\tCC BY 2.5 (Wikinews)\n"+
		"closed.txt\tClosed\thttps://example.org/closed\tall rights reserved\n")
	out, _, err := run(t, "", "fixtures", "import", "--from", from, dest)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "`open`: Open, <https://example.org/open>, CC BY 2.5 (Wikinews); text copied") ||
		!strings.Contains(out, "`closed`: Closed, <https://example.org/closed>, all rights reserved; text not copied") {
		t.Errorf("attribution:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(dest, "closed.txt")); err == nil {
		t.Error("a text whose licence does not allow copying was copied")
	}
	fs, err := eval.LoadFixtures(dest)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 2 || fs[0].Text != "Closed text." || fs[0].Gold.TextPath == "" || fs[1].Text != "Open text about Lavrov." || fs[1].Gold.People[0].Name != "Lavrov" {
		t.Errorf("imported fixtures: %+v", fs)
	}
}

func TestDiffCommand(t *testing.T) {
	golden := "../../testdata/egypt-russia-cairo.golden.json"
	if out, _, err := run(t, "", "diff", golden, golden); err != nil || out != "" {
		t.Errorf("same file: %v %q, want exit 0 and no output", err, out)
	}
	var rec map[string]any
	b, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &rec); err != nil {
		t.Fatal(err)
	}
	ps := rec["participants"].([]any)
	ps[1].(map[string]any)["role"] = "Minister"
	rec["participants"] = ps
	changed, _ := json.Marshal(rec)
	other := writeFile(t, filepath.Join(t.TempDir(), "b.json"), string(changed))
	out, _, err := run(t, "", "diff", golden, other)
	if exitCode(err) != 1 || !strings.Contains(out, `~ Sergey Lavrov: role "Foreign Minister" -> "Minister"`) || !strings.HasPrefix(out, "--- "+golden+"\n+++ "+other) {
		t.Errorf("changed role: exit %d\n%s", exitCode(err), out)
	}
	rec["text_sha256"] = strings.Repeat("0", 64)
	moved, _ := json.Marshal(rec)
	other = writeFile(t, filepath.Join(t.TempDir(), "c.json"), string(moved))
	if _, _, err := run(t, "", "diff", golden, other); exitCode(err) != 2 || !strings.Contains(err.Error(), "different texts") {
		t.Errorf("different texts: exit %d (%v), want 2", exitCode(err), err)
	}
}

func TestRenderCommand(t *testing.T) {
	golden := "../../testdata/egypt-russia-cairo.golden.json"
	if _, _, err := run(t, "", "render", golden); exitCode(err) != 2 || !strings.Contains(err.Error(), "--text") {
		t.Errorf("no text: exit %d (%v), want 2 naming --text", exitCode(err), err)
	}
	out, _, err := run(t, "", "render", "--text", article, golden)
	if err != nil || !strings.HasPrefix(out, "<!DOCTYPE html>") || strings.Count(out, `<li class="card participant"`) != 7 {
		t.Errorf("render --text: %v; %d cards", err, strings.Count(out, `<li class="card participant"`))
	}
	for _, addr := range []string{"0.0.0.0:8080", ":8080", "192.168.1.1:80", "example.org:80"} {
		if _, _, err := run(t, "", "render", "--serve", addr, "--text", article, golden); exitCode(err) != 2 || !strings.Contains(err.Error(), "loopback") {
			t.Errorf("--serve %s: %v, want a refusal", addr, err)
		}
	}
	for _, addr := range []string{"127.0.0.1:8080", "[::1]:0", "localhost:0"} {
		if err := checkLoopback(addr); err != nil {
			t.Errorf("%s refused: %v", addr, err)
		}
	}
}

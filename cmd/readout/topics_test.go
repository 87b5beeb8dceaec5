package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// topicsCorpus writes a small two-label corpus in the <label>/*.txt layout.
func topicsCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	words := map[string][]string{
		"sport": {"football", "goal", "league", "striker", "coach", "penalty"},
		"tech":  {"software", "computer", "internet", "broadband", "processor", "website"},
	}
	for label, ws := range words {
		if err := os.MkdirAll(filepath.Join(dir, label), 0o755); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 10; i++ {
			var b strings.Builder
			for j := 0; j < 8; j++ {
				fmt.Fprintf(&b, "%s news %s ", ws[(i+j)%len(ws)], ws[(2*i+j*3)%len(ws)])
			}
			if err := os.WriteFile(filepath.Join(dir, label, fmt.Sprintf("%02d.txt", i)), []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

func runTopicsCmd(cmd *cobra.Command, args ...string) (string, error) {
	var out bytes.Buffer
	cmd.SetArgs(args)
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SilenceUsage = true
	cmd.SilenceErrors = true
	err := cmd.Execute()
	return out.String(), err
}

func TestTrainEvalTopics(t *testing.T) {
	dir := topicsCorpus(t)
	for _, alg := range []string{"logreg", "nb"} {
		model := filepath.Join(t.TempDir(), alg+".topicmodel")
		out, err := runTopicsCmd(newTrainTopicsCmd(), "--dir", dir, "--out", model, "--algorithm", alg, "--cv", "5", "--seed", "3", "--epochs", "5")
		if err != nil {
			t.Fatalf("train %s: %v\n%s", alg, err, out)
		}
		for _, want := range []string{"read 20 documents", "5-fold cross-validation", "accuracy 1.0000", "confusion", "sport", "trained " + alg, "wrote"} {
			if !strings.Contains(out, want) {
				t.Errorf("train %s output lacks %q:\n%s", alg, want, out)
			}
		}
		out, err = runTopicsCmd(newEvalTopicsCmd(), "--dir", dir, "--model", model, "--min-accuracy", "0.99")
		if err != nil || !strings.Contains(out, "accuracy 1.0000") || !strings.Contains(out, "confusion") {
			t.Errorf("eval %s: %v\n%s", alg, err, out)
		}
		out, err = runTopicsCmd(newEvalTopicsCmd(), "--dir", dir, "--model", model, "--json")
		if err != nil {
			t.Fatal(err)
		}
		var rep struct {
			Algorithm string
			Score     struct {
				Accuracy  float64 `json:"accuracy"`
				MacroF1   float64 `json:"macro_f1"`
				Labels    []string
				Confusion [][]int
				PerLabel  []struct{ F1 float64 } `json:"per_label"`
			}
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("JSON: %v\n%s", err, out)
		}
		if rep.Algorithm != alg || rep.Score.Accuracy != 1 || rep.Score.MacroF1 != 1 || len(rep.Score.Labels) != 2 || len(rep.Score.Confusion) != 2 || len(rep.Score.PerLabel) != 2 {
			t.Errorf("JSON report %+v", rep)
		}
	}
}

func TestEvalTopicsMinAccuracy(t *testing.T) {
	dir := topicsCorpus(t)
	model := filepath.Join(t.TempDir(), "m.topicmodel")
	if out, err := runTopicsCmd(newTrainTopicsCmd(), "--dir", dir, "--out", model); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	// A corpus whose labels are swapped scores 0.
	swapped := t.TempDir()
	if err := os.Rename(filepath.Join(dir, "sport"), filepath.Join(swapped, "tech")); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(dir, "tech"), filepath.Join(swapped, "sport")); err != nil {
		t.Fatal(err)
	}
	out, err := runTopicsCmd(newEvalTopicsCmd(), "--dir", swapped, "--model", model, "--min-accuracy", "0.5")
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != 1 || !strings.Contains(err.Error(), "min-accuracy") {
		t.Errorf("want exit status 1, got %v\n%s", err, out)
	}
}

func TestTopicsCmdErrors(t *testing.T) {
	dir := topicsCorpus(t)
	bad := filepath.Join(t.TempDir(), "bad.topicmodel")
	if err := os.WriteFile(bad, []byte("not a model"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		cmd  *cobra.Command
		args []string
	}{
		{newTrainTopicsCmd(), []string{"--dir", dir}},                                              // no --out
		{newTrainTopicsCmd(), []string{"--out", "x"}},                                              // no corpus
		{newTrainTopicsCmd(), []string{"--dir", dir, "--reuters", dir, "--out", "x"}},              // both corpora
		{newTrainTopicsCmd(), []string{"--dir", dir, "--out", "x", "--algorithm", "svm"}},          // unknown algorithm
		{newTrainTopicsCmd(), []string{"--dir", dir, "--out", "x", "--cv", "1"}},                   // bad --cv
		{newTrainTopicsCmd(), []string{"--reuters", t.TempDir(), "--out", "x"}},                    // no SGML
		{newEvalTopicsCmd(), []string{"--dir", dir, "--model", bad}},                               // not a model
		{newEvalTopicsCmd(), []string{"--dir", dir, "--model", filepath.Join(dir, "none")}},        // missing model
		{newEvalTopicsCmd(), []string{"--dir", filepath.Join(dir, "none"), "--model", "whatever"}}, // missing corpus
	} {
		if out, err := runTopicsCmd(tc.cmd, tc.args...); err == nil {
			t.Errorf("%s %v: no error\n%s", tc.cmd.Name(), tc.args, out)
		}
	}
	for _, c := range []*cobra.Command{newTrainTopicsCmd(), newEvalTopicsCmd()} {
		if c.Example == "" || c.Name() != "topics" {
			t.Errorf("%q: name or example missing", c.Use)
		}
	}
}

// TestTopicsCmdReuters runs both commands on a tiny SGML file.
func TestTopicsCmdReuters(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n")
	docs := []struct{ split, topics, body string }{
		{"TRAIN", "<D>grain</D>", "wheat harvest corn exports grain"},
		{"TRAIN", "<D>grain</D><D>trade</D>", "wheat exports trade deficit tariffs grain"},
		{"TRAIN", "<D>earn</D>", "net profit dividend quarter shares earnings"},
		{"TRAIN", "<D>earn</D>", "quarter net profit earnings per share dividend"},
		{"TRAIN", "<D>trade</D>", "trade deficit tariffs imports exports"},
		{"TEST", "<D>grain</D>", "corn wheat harvest grain"},
		{"TEST", "<D>earn</D>", "dividend net profit quarter earnings"},
	}
	for i, d := range docs {
		fmt.Fprintf(&b, "<REUTERS TOPICS=\"YES\" LEWISSPLIT=\"%s\" NEWID=\"%d\">\n<TOPICS>%s</TOPICS>\n<TEXT><TITLE>T%d</TITLE><BODY>%s %s\n&#3;</BODY></TEXT>\n</REUTERS>\n", d.split, i+1, d.topics, i, d.body, d.body)
	}
	if err := os.WriteFile(filepath.Join(dir, "reut2-000.sgm"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	model := filepath.Join(t.TempDir(), "r.topicmodel")
	out, err := runTopicsCmd(newTrainTopicsCmd(), "--reuters", dir, "--out", model, "--min-count", "1")
	if err != nil || !strings.Contains(out, "read 5 documents") || !strings.Contains(out, "multi-label") {
		t.Fatalf("train: %v\n%s", err, out)
	}
	out, err = runTopicsCmd(newEvalTopicsCmd(), "--reuters", dir, "--model", model)
	if err != nil || !strings.Contains(out, "micro-F1 1.0000") || !strings.Contains(out, "labels scored 2") {
		t.Errorf("eval: %v\n%s", err, out)
	}
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readout/readout/extract/ner"
)

// TestTrainKeepsIgnoredSpans: a type given to --ignore reaches the trainer
// as spans of its own (which it then skips), not as outside tokens.
func TestTrainKeepsIgnoredSpans(t *testing.T) {
	corpus := "-DOCSTART- -X- O\n\nTalks B-GPE\nat O\nthe O\nOval B-FAC\nended O\n. O\n"
	path := filepath.Join(t.TempDir(), "tiny.conll")
	if err := os.WriteFile(path, []byte(corpus), 0o644); err != nil {
		t.Fatal(err)
	}
	lm, err := parseLabelMap(defaultNERLabels)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		ignore []string
		want   int // spans read
	}{{nil, 1}, {[]string{"FAC"}, 2}} {
		docs, err := ner.ReadCorpus(path, ner.WithIgnored(lm, tc.ignore), nil, func(words, out []string) {})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, d := range docs {
			for _, s := range d.Spans {
				n += len(s)
			}
		}
		if n != tc.want {
			t.Errorf("--ignore %v: %d spans read, want %d", tc.ignore, n, tc.want)
		}
	}
}

// TestTrainAsText: --as-text trains on the corpus as the pipeline splits
// its text, says so in the model, and refuses a mode it does not know.
func TestTrainAsText(t *testing.T) {
	corpus := "-DOCSTART- -X- O\n\nLina B-PER\nHolm I-PER\nvisited O\nOslo B-LOC\n. O\n\nShe O\nmet O\nRay B-PER\nCole I-PER\n. O\n"
	dir := t.TempDir()
	path := writeFile(t, filepath.Join(dir, "tiny.conll"), corpus)
	out := filepath.Join(dir, "m.bin")
	_, stderr, err := run(t, "", "train", "ner", "--train", path, "--epochs", "1", "--buckets", "1024", "--as-text", "both", "--out", out)
	if err != nil {
		t.Fatalf("train: %v\n%s", err, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("--as-text both")) {
		t.Errorf("the model's info does not record --as-text both")
	}
	_, _, err = run(t, "", "train", "ner", "--train", path, "--epochs", "1", "--as-text", "maybe", "--out", out)
	if err == nil || !strings.Contains(err.Error(), `"maybe" is not no, yes or both`) {
		t.Errorf("--as-text maybe: got %v", err)
	}
}

// TestTrainPOS: "train pos" writes a model that tags what it learnt,
// prints its accuracy beside prose's on --dev, and records its flags.
func TestTrainPOS(t *testing.T) {
	corpus := "-DOCSTART- -X- -X- O\n\nThe DT B-NP O\ndog NN I-NP O\nbarks VBZ B-VP O\n. . O O\n\nA DT B-NP O\ncat NN I-NP O\nsleeps VBZ B-VP O\n. . O O\n"
	dir := t.TempDir()
	path := writeFile(t, filepath.Join(dir, "tiny.conll"), corpus)
	out := filepath.Join(dir, "pos.bin")
	stdout, stderr, err := run(t, "", "train", "pos", "--train", path, "--dev", path, "--epochs", "5", "--buckets", "1024", "--out", out)
	if err != nil {
		t.Fatalf("train pos: %v\n%s", err, stderr)
	}
	if !strings.Contains(stdout, "1.0000") {
		t.Errorf("accuracy on the training sentences is not 1:\n%s", stdout)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("--buckets 1024")) {
		t.Errorf("the model's info does not record its flags")
	}
}

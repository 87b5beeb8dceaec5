package main

import (
	"os"
	"path/filepath"
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
		docs, err := ner.ReadCorpus(path, ner.WithIgnored(lm, tc.ignore), nil)
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

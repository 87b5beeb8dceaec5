package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestEvalNERPaths scores a small invented corpus on the text path (the
// default, and --lines) and on the corpus's own tokens (--tokens).
func TestEvalNERPaths(t *testing.T) {
	corpus := `-DOCSTART- -X- -X- O

Talks O
between O
Anna B-PER
Lindqvist I-PER
and O
P. B-PER
Larsen I-PER
opened O
in O
Stockholm B-LOC
on O
Monday O
. O

The O
European B-ORG
Commission I-ORG
said O
Sweden B-LOC
agreed O
. O
`
	path := filepath.Join(t.TempDir(), "tiny.conll")
	if err := os.WriteFile(path, []byte(corpus), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{nil, {"--lines"}, {"--tokens"}} {
		out, _, err := run(t, "", append([]string{"eval", "ner", "--conll", path, "--scheme", "conll2003", "--labels", "PER,LOC,ORG", "--json"}, args...)...)
		if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		var r struct {
			Score struct {
				Overall struct {
					Gold, Pred, TP int
				} `json:"overall"`
			} `json:"score"`
		}
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
		if o := r.Score.Overall; o.Gold != 5 || o.TP < 4 || o.Pred > 6 {
			t.Errorf("%v: gold %d, pred %d, right %d; want 5 gold and at least 4 right", args, o.Gold, o.Pred, o.TP)
		}
	}
}

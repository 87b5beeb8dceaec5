package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readout/readout/eval"
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

// TestEvalNERSplitMisses: --split scores one part of the documents, and
// --misses lists misses of tune documents only unless --split check.
func TestEvalNERSplitMisses(t *testing.T) {
	var b strings.Builder
	for range 9 {
		// "zzqcorp" is a body no tagger finds: one miss a document.
		b.WriteString("-DOCSTART- -X- -X- O\n\nAnna B-PER\nLindqvist I-PER\nmet O\nzzqcorp B-ORG\nin O\nStockholm B-LOC\n. O\n\n")
	}
	path := filepath.Join(t.TempDir(), "docs.conll")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	listed := func(args ...string) map[string][]string {
		out, _, err := run(t, "", append([]string{"eval", "ner", "--conll", path, "--scheme", "conll2003", "--labels", "PER,LOC,ORG", "--misses"}, args...)...)
		if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		parts := map[string][]string{}
		for _, line := range strings.Split(out, "\n") {
			if part, doc, ok := strings.Cut(line, " "); ok && (part == eval.Tune || part == eval.Check) && strings.HasPrefix(doc, "doc-") {
				if eval.SplitOf(doc) != part {
					t.Errorf("%s is listed as %s", doc, part)
				}
				parts[part] = append(parts[part], doc)
			}
		}
		if !strings.Contains(out, `missed ORG "zzqcorp"`) {
			t.Errorf("%v: no miss listed:\n%s", args, out)
		}
		return parts
	}
	all := listed()
	if len(all[eval.Check]) != 0 || len(all[eval.Tune]) == 0 {
		t.Errorf("without --split: listed %v, want tune documents only", all)
	}
	check := listed("--split", "check")
	if len(check[eval.Tune]) != 0 || len(check[eval.Check]) == 0 || len(check[eval.Check])+len(all[eval.Tune]) != 9 {
		t.Errorf("--split check: listed %v, tune %v; want the other documents of 9", check, all[eval.Tune])
	}
}

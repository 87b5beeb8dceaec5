//go:build nertrain

package ner

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestTrainRun trains a model from research corpora named by environment
// variables and scores it on the dev sets; it is how MODEL.md's numbers were
// produced (go test -tags nertrain -run TestTrainRun -timeout 0 ./extract/ner/).
//
//	NER_TRAIN   comma-separated sets: conll, onto (all genres, doc-parts with
//	            entities), onto-nwbn, gmb, wikiann
//	NER_EVAL    comma-separated dev sets (default conll,onto-nwbn); the first feeds Progress
//	NER_EPOCHS, NER_SEED, NER_BUCKETS, NER_BITS, NER_SCHEME, NER_MISC (keep|drop)
//	NER_SUB     keep every n-th training document (quick experiments)
//	NER_OUT     write the model here
//	NER_CLUSTERS     word clusters written by TestBuildClusters; NER_CL_PREFIXES
//	                 their path prefixes used as features (default 4,6,8,10,12)
//	NER_IGNORE  span labels that give no training signal (e.g. FAC)
//	NER_RUNS    perceptrons (seeds NER_SEED, +1, ...) whose weights are averaged
//	NER_PASSES  2 tags each document twice (TrainOptions.Passes)
//	NER_ERRORS  a dev set whose span errors are written to NER_ERRORS_OUT
//
// Training spans (all sets) and OntoNotes dev spans lose a leading "the"
// (StripDeterminers), as readout's evaluation scores them.
func TestTrainRun(t *testing.T) {
	dir := env("NER_DATA", "../../../shared/data/ner")
	misc := env("NER_MISC", "drop") == "keep"
	lm := labelMap(misc)
	var ignore []string
	if v := os.Getenv("NER_IGNORE"); v != "" {
		ignore = strings.Split(v, ",")
	}
	load := func(name string, train bool) []Doc {
		var docs []Doc
		var err error
		lm := lm
		if train {
			lm = WithIgnored(lm, ignore)
		}
		switch name {
		case "conll":
			f := "valid.txt"
			if train {
				f = "train.txt"
			}
			docs, err = ReadCorpus(dir+"/conll2003/"+f, lm, nil, posTag())
		case "onto", "onto-nwbn":
			f := "dev.ner.txt"
			if train {
				f = "train.ner.txt"
			}
			var genres []string
			if name == "onto-nwbn" {
				genres = []string{"nw", "bn"}
			}
			docs, err = ReadCorpus(dir+"/ontonotes5/"+f, lm, genres, posTag())
		case "gmb":
			docs, err = ReadCorpus(dir+"/gmb/ner_dataset.utf8.conll", lm, nil, posTag())
			if cut := len(docs) - 250; train {
				docs = docs[:cut]
			} else {
				docs = docs[cut:]
			}
		case "wikiann":
			f := "dev.txt"
			if train {
				f = "train.txt"
			}
			docs, err = ReadCorpus(dir+"/wikiann_en/"+f, lm, nil, posTag())
		default:
			t.Fatalf("unknown set %q", name)
		}
		if err != nil {
			t.Fatal(err)
		}
		if train {
			docs = withEntities(docs)
		}
		if train || strings.HasPrefix(name, "onto") {
			docs = StripDeterminers(docs)
		}
		return docs
	}
	start := time.Now()
	var train []Doc
	for _, n := range strings.Split(env("NER_TRAIN", "conll"), ",") {
		train = append(train, load(n, true)...)
	}
	if sub := envInt("NER_SUB", 1); sub > 1 {
		var kept []Doc
		for i := 0; i < len(train); i += sub {
			kept = append(kept, train[i])
		}
		train = kept
	}
	evals := strings.Split(env("NER_EVAL", "conll,onto-nwbn"), ",")
	devs := map[string][]Doc{}
	for _, n := range evals {
		devs[n] = load(n, false)
	}
	t.Logf("loaded %d train docs in %v", len(train), time.Since(start))
	opts := TrainOptions{
		Epochs: envInt("NER_EPOCHS", 10), Seed: uint64(envInt("NER_SEED", 1)),
		Buckets: envInt("NER_BUCKETS", 1<<20), Passes: envInt("NER_PASSES", 1), Runs: envInt("NER_RUNS", 1), Bits: envInt("NER_BITS", 8),
		Scheme: env("NER_SCHEME", SchemeBILOU),
		Info:   fmt.Sprintf("train=%s misc=%v", env("NER_TRAIN", "conll"), misc),
		Progress: func(e int, f float64) {
			fmt.Fprintf(os.Stderr, "epoch %d dev F1 %.4f (%v)\n", e, f, time.Since(start).Round(time.Second))
		},
	}
	if p := os.Getenv("NER_CLUSTERS"); p != "" {
		prefixes, err := ParsePrefixes(env("NER_CL_PREFIXES", "4,6,8,10,12"))
		if err != nil {
			t.Fatal(err)
		}
		if opts.Clusters, err = ReadClustersFile(p, prefixes); err != nil {
			t.Fatal(err)
		}
		opts.Info += " clusters=" + p
	}
	opts.Ignore = ignore
	if misc {
		opts.Drop = []string{"MISC"}
	}
	m, err := Train(train, devs[evals[0]], opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range evals {
		sc := m.Score(devs[n])
		fmt.Fprintf(os.Stderr, "== %s\n%s", n, sc.Table())
	}
	if e := os.Getenv("NER_ERRORS"); e != "" {
		dumpErrors(m, devs[e], os.Getenv("NER_ERRORS_OUT"))
	}
	if out := os.Getenv("NER_OUT"); out != "" {
		f, err := os.Create(out)
		if err != nil {
			t.Fatal(err)
		}
		if err := m.Write(f); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
}

func env(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func envInt(k string, def int) int {
	if v := os.Getenv(k); v != "" {
		n, err := strconv.Atoi(v)
		if err == nil {
			return n
		}
	}
	return def
}

// dumpErrors writes every span error on docs ("FN"/"FP", label, text,
// sentence) to path.
func dumpErrors(m *Model, docs []Doc, path string) {
	f, err := os.Create(path)
	if err != nil {
		return
	}
	defer f.Close()
	labels := m.Labels()
	for _, d := range docs {
		pred := m.Tag(d.Sents, d.POS)
		for si, w := range d.Sents {
			gold := map[[3]string]bool{}
			for _, g := range d.Spans[si] {
				if slices.Contains(labels, g.Label) {
					gold[[3]string{fmt.Sprint(g.Start, g.End), g.Label, strings.Join(w[g.Start:g.End], " ")}] = true
				}
			}
			got := map[[3]string]bool{}
			for _, p := range pred[si] {
				got[[3]string{fmt.Sprint(p.Start, p.End), p.Label, strings.Join(w[p.Start:p.End], " ")}] = true
			}
			for g := range gold {
				if !got[g] {
					fmt.Fprintf(f, "FN\t%s\t%s\t%s\n", g[1], g[2], strings.Join(w, " "))
				}
			}
			for g := range got {
				if !gold[g] {
					fmt.Fprintf(f, "FP\t%s\t%s\t%s\n", g[1], g[2], strings.Join(w, " "))
				}
			}
		}
	}
}

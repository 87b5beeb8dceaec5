package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/readout/readout/conll"
	"github.com/readout/readout/extract"
	"github.com/readout/readout/extract/ner"
	"github.com/readout/readout/extract/pos"
)

func newTrainCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "train",
		Short: "Train readout's statistical models",
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(newTrainNERCmd(), newTrainPOSCmd(), newTrainTopicsCmd())
	return cmd
}

// defaultNERLabels maps the labels of CoNLL-2003, OntoNotes, GMB and
// WikiANN to the entity model's types.
const defaultNERLabels = "PER=PER,LOC=LOC,ORG=ORG,MISC=MISC,PERSON=PER,GPE=LOC," +
	"NORP=MISC,EVENT=MISC,PRODUCT=MISC,WORK_OF_ART=MISC,LAW=MISC,LANGUAGE=MISC," +
	"per=PER,geo=LOC,gpe=LOC,org=ORG"

func newTrainNERCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "ner --train FILE... --dev FILE --out MODEL",
		Short: "Train the entity tagger (extract/ner) on CoNLL-format corpora",
		Long: `ner trains the averaged-perceptron entity tagger on token-per-line corpora
(CoNLL-2003, OntoNotes in CoNLL form, GMB, WikiANN), prints the dev F1 after
every epoch on stderr and a per-label P/R/F1 table at the end, and writes
the model. The same flags and seed give the same model bytes.

--labels maps corpus labels to the model's types (labels it does not name
are ignored); --drop names types that are learnt but not output. --genres
keeps only OntoNotes documents of those genres ("# document nw/...").
--as-text trains on each document as readout splits its text (words and
sentences joined by one space; the configured stages before "entities"
find sentences and tokens), with the gold spans carried over by their
characters: the path users take, which "readout eval ner" scores.`,
		Example: `  readout train ner --train conll2003/train.txt --train ontonotes5/train.ner.txt \
      --dev conll2003/valid.txt --out extract/ner/model/ner.bin
  readout train ner --train conll2003/train.txt --dev conll2003/valid.txt \
      --epochs 12 --seed 7 --scheme iob2 --labels PER=PER,LOC=LOC,ORG=ORG --out /tmp/ner.bin`,
		Args: cobra.NoArgs,
		RunE: runTrainNER,
	}
	f := cmd.Flags()
	f.StringArray("train", nil, "training corpus file (repeatable)")
	f.String("dev", "", "dev corpus file, scored after each epoch")
	f.StringP("out", "o", "", "write the model to this file")
	f.Int("epochs", 10, "training epochs")
	f.Uint64("seed", 1, "shuffling seed")
	f.Int("buckets", 1<<20, "hashed feature buckets (a power of two)")
	f.Int("bits", 16, "stored weight precision: 16 or 8 (8 halves memory but loses F1 on large corpora)")
	f.String("scheme", ner.SchemeIOB2, "tag encoding: bilou or iob2")
	f.String("labels", defaultNERLabels, "label map: CORPUS=OURS,... (unnamed labels are dropped)")
	f.StringSlice("drop", []string{"MISC"}, "types learnt but not output")
	f.StringSlice("genres", nil, "keep only OntoNotes training documents of these genres (e.g. nw,bn)")
	f.StringSlice("dev-genres", nil, "keep only OntoNotes dev documents of these genres")
	f.Bool("keep-empty", false, "keep training documents without any entity")
	f.String("clusters", "", "word clusters file (see extract/ner/MODEL.md); their path prefixes become features")
	f.String("cluster-prefixes", "4,6,8,10,12", "cluster path prefix lengths used as features")
	f.StringSlice("ignore", nil, "span labels that give no training signal (e.g. FAC)")
	f.Int("runs", 1, "perceptrons trained with seeds seed, seed+1, ... whose weights are averaged")
	f.Int("pos-folds", 0, "tag the training corpora with this many part-of-speech taggers trained on the --train files without one part each (jackknifing: tags as good as in unseen text); 0: with the configured tagger")
	f.String("as-text", "no", "no: train on the corpus's tokens; yes: on the documents as readout splits their text; both: on each document both ways")
	f.Bool("strip-determiners", true, "drop a leading \"the\" from gold spans, as readout never includes it")
	_ = cmd.MarkFlagRequired("train")
	_ = cmd.MarkFlagRequired("out")
	return cmd
}

func parseLabelMap(s string) (map[string]string, error) {
	m := map[string]string{}
	for _, kv := range strings.Split(s, ",") {
		kv = strings.TrimSpace(kv)
		if kv == "" {
			continue
		}
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return nil, fmt.Errorf("--labels: %q is not CORPUS=OURS", kv)
		}
		m[k] = v
	}
	return m, nil
}

func runTrainNER(cmd *cobra.Command, _ []string) error {
	f := cmd.Flags()
	trainFiles, _ := f.GetStringArray("train")
	devFile, _ := f.GetString("dev")
	out, _ := f.GetString("out")
	epochs, _ := f.GetInt("epochs")
	seed, _ := f.GetUint64("seed")
	buckets, _ := f.GetInt("buckets")
	bits, _ := f.GetInt("bits")
	scheme, _ := f.GetString("scheme")
	labels, _ := f.GetString("labels")
	drop, _ := f.GetStringSlice("drop")
	genres, _ := f.GetStringSlice("genres")
	devGenres, _ := f.GetStringSlice("dev-genres")
	keepEmpty, _ := f.GetBool("keep-empty")
	clustersPath, _ := f.GetString("clusters")
	prefixList, _ := f.GetString("cluster-prefixes")
	ignore, _ := f.GetStringSlice("ignore")
	runs, _ := f.GetInt("runs")
	strip, _ := f.GetBool("strip-determiners")
	asText, _ := f.GetString("as-text")
	// The corpora are tagged by the tagger the entity stage will see.
	cfg, err := loadConfig(cmd)
	if err != nil {
		return err
	}
	tc := extract.DefaultTokensConfig()
	if err := cfg.Stages["tokens"].Decode("tokens", &tc); err != nil {
		return err
	}
	posTag, err := extract.NewPOSTagger(tc)
	if err != nil {
		return err
	}
	trainTag := posTag
	folds, _ := f.GetInt("pos-folds")
	if folds > 0 {
		if tc.Tagger != "readout" {
			return fmt.Errorf("--pos-folds trains readout's tagger, but stages.tokens.tagger is %q", tc.Tagger)
		}
		var sents []conll.Sentence
		for _, p := range slices.Compact(slices.Sorted(slices.Values(trainFiles))) {
			s, err := conll.ReadFile(p)
			if err != nil {
				return err
			}
			sents = append(sents, s...)
		}
		if trainTag, err = pos.TrainFolds(sents, folds, pos.TrainOptions{Buckets: 1 << 16, Epochs: 6, Seed: 1}); err != nil {
			return err
		}
		fmt.Fprintf(cmd.ErrOrStderr(), "trained %d part-of-speech taggers for the training corpora\n", folds)
	}
	var split ner.Splitter
	switch asText {
	case "no":
	case "yes", "both":
		i := slices.Index(cfg.Pipeline, "entities")
		if i < 0 {
			return fmt.Errorf("--as-text: the pipeline in config has no entities stage")
		}
		if split, err = extract.Registry().Build(cfg.Pipeline[:i], cfg.Stages); err != nil {
			return err
		}
	default:
		return fmt.Errorf("--as-text: %q is not no, yes or both", asText)
	}
	// reSplit returns docs as text, and with keep as they were too.
	reSplit := func(docs []ner.Doc, keep bool) ([]ner.Doc, error) {
		if split == nil {
			return docs, nil
		}
		var out []ner.Doc
		if keep {
			out = append(out, docs...)
		}
		for _, d := range docs {
			td, err := ner.AsText(cmd.Context(), d, split)
			if err != nil {
				return nil, err
			}
			out = append(out, td)
		}
		return out, nil
	}
	var clusters *ner.Clusters
	if clustersPath != "" {
		prefixes, err := ner.ParsePrefixes(prefixList)
		if err != nil {
			return fmt.Errorf("--cluster-prefixes: %w", err)
		}
		if clusters, err = ner.ReadClustersFile(clustersPath, prefixes); err != nil {
			return err
		}
	}
	lm, err := parseLabelMap(labels)
	if err != nil {
		return err
	}
	trainMap := ner.WithIgnored(lm, ignore)

	stderr := cmd.ErrOrStderr()
	start := time.Now()
	var train []ner.Doc
	for _, path := range trainFiles {
		docs, err := ner.ReadCorpus(path, trainMap, genres, trainTag)
		if err != nil {
			return err
		}
		n := len(docs)
		if !keepEmpty {
			docs = slices.DeleteFunc(docs, func(d ner.Doc) bool { return !hasEntities(d) })
		}
		fmt.Fprintf(stderr, "train %s: %d documents (%d without entities dropped)\n", path, len(docs), n-len(docs))
		if strip {
			docs = ner.StripDeterminers(docs)
		}
		if docs, err = reSplit(docs, asText == "both"); err != nil {
			return err
		}
		train = append(train, docs...)
	}
	var dev []ner.Doc
	if devFile != "" {
		if dev, err = ner.ReadCorpus(devFile, lm, devGenres, posTag); err != nil {
			return err
		}
		if strip {
			dev = ner.StripDeterminers(dev)
		}
		if dev, err = reSplit(dev, false); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "dev %s: %d documents\n", devFile, len(dev))
	}
	var info strings.Builder
	fmt.Fprintf(&info, "readout train ner --epochs %d --seed %d --buckets %d --bits %d --scheme %s --labels %s --drop %s",
		epochs, seed, buckets, bits, scheme, labels, strings.Join(drop, ","))
	if len(genres) > 0 {
		fmt.Fprintf(&info, " --genres %s", strings.Join(genres, ","))
	}
	if clustersPath != "" {
		fmt.Fprintf(&info, " --clusters %s --cluster-prefixes %s", filepath.Base(clustersPath), prefixList)
	}
	if len(ignore) > 0 {
		fmt.Fprintf(&info, " --ignore %s", strings.Join(ignore, ","))
	}
	fmt.Fprintf(&info, " --runs %d --strip-determiners=%v --as-text %s --pos-folds %d (POS: %s)", runs, strip, asText, folds, tc.Tagger)
	for _, p := range trainFiles {
		fmt.Fprintf(&info, " --train %s", corpusName(p))
	}
	m, err := ner.Train(train, dev, ner.TrainOptions{
		Epochs: epochs, Seed: seed, Buckets: buckets, Bits: bits, Scheme: scheme, Drop: drop,
		Clusters: clusters, Ignore: ignore, Runs: runs,
		Info: info.String(),
		Progress: func(epoch int, devF1 float64) {
			fmt.Fprintf(stderr, "epoch %d/%d: dev F1 %.4f (%s)\n", epoch, epochs, devF1, time.Since(start).Round(time.Second))
		},
	})
	if err != nil {
		return err
	}
	if len(dev) > 0 {
		sc := m.Score(dev)
		fmt.Fprint(stderr, sc.Table())
	}
	return writeModel(out, m.Write)
}

// writeModel writes a model file through a temporary file beside it, so
// that a failed run leaves the old model in place.
func writeModel(out string, write func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	tmp := out + ".tmp"
	w, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := write(w); err != nil {
		w.Close()
		os.Remove(tmp)
		return err
	}
	if err := w.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, out)
}

// corpusName names a corpus file by its folder and base name
// ("conll2003/train.txt"), the way model headers and reports record it.
func corpusName(path string) string {
	return filepath.Base(filepath.Dir(path)) + "/" + filepath.Base(path)
}

func hasEntities(d ner.Doc) bool {
	for _, ss := range d.Spans {
		if len(ss) > 0 {
			return true
		}
	}
	return false
}

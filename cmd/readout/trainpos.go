package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/readout/readout/conll"
	"github.com/readout/readout/extract/ner"
	"github.com/readout/readout/extract/pos"
)

func newTrainPOSCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "pos --train FILE... --out MODEL",
		Short: "Train the part-of-speech tagger (extract/pos) on corpora with a POS column",
		Long: `pos trains the averaged-perceptron part-of-speech tagger on token-per-line
corpora with a Penn Treebank POS column (OntoNotes, CoNLL-2003), as
readout's tokenizer would split them (extract/pos.FromCoNLL), and writes the
model. With --dev it prints the accuracy of the new tagger and of prose's
on the same held-back sentences. The same flags give the same model bytes.`,
		Example: `  readout train pos --train ontonotes5/train.ner.txt --train conll2003/train.txt \
      --dev ontonotes5/dev.ner.txt --out extract/pos/model/pos.bin`,
		Args: cobra.NoArgs,
		RunE: runTrainPOS,
	}
	f := cmd.Flags()
	f.StringArray("train", nil, "training corpus file (repeatable)")
	f.StringArray("dev", nil, "held-back corpus file, scored at the end (repeatable)")
	f.StringP("out", "o", "", "write the model to this file")
	f.Int("epochs", 6, "training epochs")
	f.Uint64("seed", 1, "shuffling seed")
	f.Int("buckets", 1<<16, "hashed feature buckets (a power of two)")
	f.Bool("imitate-prose", false, "learn prose's tags of the training sentences instead of the corpus's")
	_ = cmd.MarkFlagRequired("train")
	_ = cmd.MarkFlagRequired("out")
	return cmd
}

func readPOS(path string) ([]pos.Sentence, error) {
	s, err := conll.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return pos.FromCoNLL(s), nil
}

func runTrainPOS(cmd *cobra.Command, _ []string) error {
	f := cmd.Flags()
	trainFiles, _ := f.GetStringArray("train")
	devFiles, _ := f.GetStringArray("dev")
	out, _ := f.GetString("out")
	epochs, _ := f.GetInt("epochs")
	seed, _ := f.GetUint64("seed")
	buckets, _ := f.GetInt("buckets")
	stderr := cmd.ErrOrStderr()
	start := time.Now()
	var train []pos.Sentence
	info := fmt.Sprintf("readout train pos --epochs %d --seed %d --buckets %d", epochs, seed, buckets)
	for _, p := range trainFiles {
		s, err := readPOS(p)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "train %s: %d sentences\n", p, len(s))
		train = append(train, s...)
		info += " --train " + corpusName(p)
	}
	if imitate, _ := f.GetBool("imitate-prose"); imitate {
		proseTag, err := ner.ProseTags()
		if err != nil {
			return err
		}
		for i, s := range train {
			train[i].Tags = make([]string, len(s.Words))
			proseTag(s.Words, train[i].Tags)
		}
		info += " --imitate-prose"
	}
	m, err := pos.Train(train, pos.TrainOptions{Epochs: epochs, Seed: seed, Buckets: buckets, Info: info})
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "trained in %s\n", time.Since(start).Round(time.Second))
	if len(devFiles) > 0 {
		proseTag, err := ner.ProseTags()
		if err != nil {
			return err
		}
		fmt.Fprintf(cmd.OutOrStdout(), "%-40s %10s %10s %10s\n", "held-back", "words", "readout", "prose")
		for _, p := range devFiles {
			dev, err := readPOS(p)
			if err != nil {
				return err
			}
			n := 0
			for _, s := range dev {
				n += len(s.Words)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%-40s %10d %10.4f %10.4f\n", corpusName(p), n,
				pos.Accuracy(dev, m.Tag), pos.Accuracy(dev, proseTag))
		}
	}
	return writeModel(out, m.Write)
}

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/readout/readout/extract/topicmodel"
)

// newTrainTopicsCmd is "readout train topics".
func newTrainTopicsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "topics (--dir DIR | --reuters DIR) --out MODEL",
		Short: "Train a topic classifier on labelled text",
		Long: `topics trains a linear classifier over stemmed unigrams and bigrams:
logistic regression (logreg, the default) or multinomial naive Bayes (nb).

--dir reads one sub-folder per label of .txt files (single-label);
--reuters reads the Reuters-21578 SGML files and trains one-vs-rest
(multi-label) on the ModApte train split. With --cv K it first prints the
K-fold cross-validated accuracy, macro-F1, per-label scores and confusion
matrix, then trains the final model on all the data. The model is used by
the topics stage through its "model" option.`,
		Example: `  readout train topics --dir ../shared/data/topics/bbc/train --out bbc.topicmodel --cv 5
  readout train topics --reuters ../shared/data/topics/reuters21578 --out reuters.topicmodel --algorithm logreg`,
		Args: cobra.NoArgs,
		RunE: runTrainTopics,
	}
	f := cmd.Flags()
	f.String("dir", "", "corpus folder: one sub-folder per label holding .txt files")
	f.String("reuters", "", "Reuters-21578 folder (reut2-*.sgm): train on the ModApte train split, multi-label")
	f.String("out", "", "file to write the model to (required)")
	f.String("algorithm", topicmodel.DefaultAlgorithm, "logreg or nb")
	f.Int("cv", 0, "print K-fold cross-validated scores before training (0: none)")
	f.Uint64("seed", 1, "seed of the shuffling (folds and SGD)")
	f.Int("epochs", 0, "SGD epochs for logreg (0: the default, 15)")
	f.Int("min-count", 0, "least number of documents a feature must occur in (0: the default, 2)")
	_ = cmd.MarkFlagRequired("out")
	cmd.MarkFlagsMutuallyExclusive("dir", "reuters")
	cmd.MarkFlagsOneRequired("dir", "reuters")
	return cmd
}

func topicsExamples(cmd *cobra.Command, split string) ([]topicmodel.Example, bool, string, error) {
	dir, _ := cmd.Flags().GetString("dir")
	reuters, _ := cmd.Flags().GetString("reuters")
	if reuters != "" {
		ex, err := topicmodel.ReadReuters(reuters, split)
		return ex, true, fmt.Sprintf("Reuters-21578 ModApte %s split (%s)", split, reuters), err
	}
	ex, err := topicmodel.ReadDir(dir)
	return ex, false, dir, err
}

func runTrainTopics(cmd *cobra.Command, _ []string) error {
	out, _ := cmd.Flags().GetString("out")
	alg, _ := cmd.Flags().GetString("algorithm")
	k, _ := cmd.Flags().GetInt("cv")
	seed, _ := cmd.Flags().GetUint64("seed")
	epochs, _ := cmd.Flags().GetInt("epochs")
	minCount, _ := cmd.Flags().GetInt("min-count")
	if k == 1 || k < 0 {
		return fmt.Errorf("--cv must be 0 or at least 2, got %d", k)
	}
	start := time.Now()
	ex, multi, src, err := topicsExamples(cmd, topicmodel.ReutersTrain)
	if err != nil {
		return err
	}
	w := cmd.OutOrStdout()
	fmt.Fprintf(w, "read %d documents from %s in %v\n", len(ex), src, time.Since(start).Round(time.Millisecond))
	o := topicmodel.Options{Algorithm: alg, Epochs: epochs, Seed: seed, MinCount: minCount, MultiLabel: multi}
	if k >= 2 {
		start = time.Now()
		mt := topicmodel.CrossValidate(ex, o, k, seed)
		fmt.Fprintf(w, "\n%d-fold cross-validation (%s), %v\n%s\n", k, alg, time.Since(start).Round(time.Millisecond), mt.Table())
	}
	start = time.Now()
	m, err := topicmodel.Train(ex, o)
	if err != nil {
		return err
	}
	took := time.Since(start)
	if err := m.WriteFile(out); err != nil {
		return err
	}
	fmt.Fprintf(w, "trained %v in %v, wrote %s\n", m, took.Round(time.Millisecond), out)
	return nil
}

// newEvalTopicsCmd is "readout eval topics".
func newEvalTopicsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "topics (--dir DIR | --reuters DIR) --model MODEL",
		Short: "Score a topic classifier on labelled text",
		Long: `topics scores a model made by "readout train topics": accuracy,
macro-F1, per-label precision, recall and F1, and the confusion matrix
(rows gold, columns predicted). --reuters scores on the Reuters-21578
ModApte test split: micro-F1 and macro-F1 over the categories the model
knows that have a test document (the standard 90), and exact-match
accuracy. The exit status is 1 when accuracy is under --min-accuracy.`,
		Example: `  readout eval topics --dir held-out/ --model bbc.topicmodel --min-accuracy 0.95
  readout eval topics --reuters ../shared/data/topics/reuters21578 --model reuters.topicmodel --json`,
		Args: cobra.NoArgs,
		RunE: runEvalTopics,
	}
	f := cmd.Flags()
	f.String("dir", "", "corpus folder: one sub-folder per label holding .txt files")
	f.String("reuters", "", "Reuters-21578 folder (reut2-*.sgm): score on the ModApte test split")
	f.String("model", "", "model file (required)")
	f.Bool("json", false, "print the scores as JSON")
	f.Float64("min-accuracy", 0, "exit with status 1 when accuracy is under this")
	_ = cmd.MarkFlagRequired("model")
	cmd.MarkFlagsMutuallyExclusive("dir", "reuters")
	cmd.MarkFlagsOneRequired("dir", "reuters")
	return cmd
}

func runEvalTopics(cmd *cobra.Command, _ []string) error {
	path, _ := cmd.Flags().GetString("model")
	asJSON, _ := cmd.Flags().GetBool("json")
	minAcc, _ := cmd.Flags().GetFloat64("min-accuracy")
	m, err := topicmodel.ReadFile(path)
	if err != nil {
		return err
	}
	ex, _, src, err := topicsExamples(cmd, topicmodel.ReutersTest)
	if err != nil {
		return err
	}
	start := time.Now()
	mt := topicmodel.Evaluate(m, ex)
	took := time.Since(start)
	if err := printTopicMetrics(cmd.OutOrStdout(), asJSON, path, src, m, mt, took); err != nil {
		return err
	}
	if mt.Accuracy < minAcc {
		return &exitError{1, fmt.Errorf("accuracy %.4f is under --min-accuracy %.4f", mt.Accuracy, minAcc)}
	}
	return nil
}

func printTopicMetrics(w io.Writer, asJSON bool, path, src string, m *topicmodel.Model, mt topicmodel.Metrics, took time.Duration) error {
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Model     string             `json:"model"`
			Algorithm string             `json:"algorithm"`
			Data      string             `json:"data"`
			Seconds   float64            `json:"seconds"`
			Score     topicmodel.Metrics `json:"score"`
		}{path, m.Algorithm(), src, took.Seconds(), mt})
	}
	_, err := fmt.Fprintf(w, "%v\non %s, scored in %v\n%s", m, src, took.Round(time.Millisecond), mt.Table())
	return err
}

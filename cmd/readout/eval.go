package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/readout/readout/conll"
	"github.com/readout/readout/eval"
	"github.com/readout/readout/extract"
)

func newEvalCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Score readout against annotated data",
		Example: `  readout eval ner --conll ../shared/data/ner/conll2003/valid.txt --labels PER,LOC,ORG
  readout eval ner --conll dev.ner.txt --scheme ontonotes --genres nw,bn --min-f1 0.85`,
	}
	cmd.AddCommand(newEvalNERCmd())
	return cmd
}

func newEvalNERCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "ner --conll FILE",
		Short: "Exact-span precision, recall and F1 of entities on a CoNLL-style corpus",
		Long: `ner runs the tokens and entities stages over a token-per-line corpus
(CoNLL-2003, OntoNotes, GMB, WikiANN), one document at a time, and scores
the entities exactly as conlleval does: an entity counts when its span and
label both match. Corpus labels are mapped to readout's through the scheme
in config (eval.ner.schemes); the scheme is guessed from the labels when
--scheme is not given. The exit status is 1 when overall F1 is under
--min-f1.`,
		Example: `  readout eval ner --conll ../shared/data/ner/conll2003/valid.txt --labels PER,LOC,ORG
  readout eval ner --conll dev.ner.txt --scheme ontonotes --genres nw,bn --json`,
		Args: cobra.NoArgs,
		RunE: runEvalNER,
	}
	f := cmd.Flags()
	f.StringSlice("conll", nil, "corpus file(s) to score on (required)")
	f.String("scheme", "", "label scheme in eval.ner.schemes (conll2003, ontonotes, gmb, wikiann); guessed when empty")
	f.StringSlice("labels", nil, "corpus labels to score, e.g. PER,LOC,ORG (default: all the scheme maps)")
	f.StringSlice("genres", nil, "keep documents whose name starts with these genres (OntoNotes: nw,bn)")
	f.Bool("json", false, "print the scores as JSON")
	f.Float64("min-f1", 0, "exit with status 1 when overall F1 is under this")
	_ = cmd.MarkFlagRequired("conll")
	return cmd
}

func runEvalNER(cmd *cobra.Command, _ []string) error {
	cfg, err := loadConfig(cmd)
	if err != nil {
		return err
	}
	files, _ := cmd.Flags().GetStringSlice("conll")
	scheme, _ := cmd.Flags().GetString("scheme")
	labels, _ := cmd.Flags().GetStringSlice("labels")
	genres, _ := cmd.Flags().GetStringSlice("genres")
	asJSON, _ := cmd.Flags().GetBool("json")
	minF1, _ := cmd.Flags().GetFloat64("min-f1")

	var sents []conll.Sentence
	for _, f := range files {
		s, err := conll.ReadFile(f)
		if err != nil {
			return err
		}
		sents = append(sents, s...)
	}
	if scheme == "" {
		scheme = guessScheme(sents)
	}
	labelMap, err := cfg.LabelMap(scheme)
	if err != nil {
		return err
	}
	p, err := extract.Registry().Build([]string{"tokens", "entities"}, cfg.Stages)
	if err != nil {
		return err
	}
	score, err := eval.NER(cmd.Context(), p, sents, eval.NEROptions{LabelMap: labelMap, Labels: labels, Genres: genres})
	if err != nil {
		return err
	}
	out := cmd.OutOrStdout()
	if asJSON {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(struct {
			Scheme string      `json:"scheme"`
			Files  []string    `json:"files"`
			Score  eval.Report `json:"score"`
		}{scheme, files, score.Report()}); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(out, "scheme %s (%s), %d sentences\n%s", scheme, strings.Join(files, ", "), len(sents), score.Table())
	}
	if f1 := score.Overall.F1(); f1 < minF1 {
		return &exitError{1, fmt.Errorf("overall F1 %.4f is under --min-f1 %.4f", f1, minF1)}
	}
	return nil
}

// guessScheme names the label scheme of a corpus from the labels it uses.
func guessScheme(sents []conll.Sentence) string {
	seen := map[string]bool{}
	for _, s := range sents {
		for _, sp := range conll.Spans(s.Tags) {
			seen[sp.Label] = true
		}
	}
	switch {
	case seen["GPE"] || seen["PERSON"]:
		return "ontonotes"
	case seen["geo"] || seen["per"]:
		return "gmb"
	case seen["MISC"]:
		return "conll2003"
	}
	return "wikiann"
}

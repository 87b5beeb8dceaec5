package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/readout/readout/conll"
	"github.com/readout/readout/eval"
	"github.com/readout/readout/extract"
	"github.com/readout/readout/pipeline"
)

func newEvalCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Score readout against annotated data",
		Long: `eval scores readout against annotated data. With --fixtures DIR it runs
the pipeline over every fixture (see the README, "Fixtures and regression")
and reports entities, participants, paragraph topics and issues per fixture
and overall, as markdown or JSON; --min-* thresholds and --baseline make it
exit with status 1 on a regression, naming the fixtures and metrics.`,
		Example: `  readout eval --fixtures testdata/fixtures --baseline testdata/fixtures/baseline.json
  readout eval --fixtures testdata/fixtures --write-baseline testdata/fixtures/baseline.json
  readout eval ner --conll ../shared/data/ner/conll2003/valid.txt --labels PER,LOC,ORG
  readout eval ner --conll dev.ner.txt --scheme ontonotes --genres nw,bn --min-f1 0.85`,
		RunE: runEval,
	}
	addFixturesFlags(cmd)
	cmd.AddCommand(newEvalNERCmd(), newEvalParticipantsCmd(), newEvalIssuesCmd(), newEvalTopicsCmd())
	return cmd
}

func newEvalParticipantsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "participants --gold DIR",
		Short: "Score participants (name, role, country, organisation) against gold JSON files",
		Long: `participants annotates every NAME.txt that has a NAME.json gold file in DIR
(the format of ../shared/data/articles/README.md) and scores people: names
match ignoring case and diacritics (a gold alias matches too); a role matches
when every word of the gold title is in the predicted one and nothing that
changes the office is added; a country matches on its short name. It prints
precision, recall and F1 per field and for the full (name, role, country)
triple, per article and overall, and for the tune and check parts of the
folder side by side (eval.SplitOf: a hash of the file name; the parts are
listed in testdata/splits). --misses lists misses on the tune part only,
unless --split check asks for the check part: misses are read on tune, and
check judges a finished change. The exit status is 1 when the triple F1 of
the scored part is under --min-f1.`,
		Example: `  readout eval participants --gold ../shared/data/articles
  readout eval participants --gold ../shared/data/articles --split tune --misses
  readout eval participants --gold testdata/fixtures --json --min-f1 0.9`,
		Args: cobra.NoArgs,
		RunE: runEvalParticipants,
	}
	f := cmd.Flags()
	f.String("gold", "", "folder of NAME.txt and NAME.json gold files (required)")
	f.Bool("json", false, "print the scores as JSON")
	f.Bool("misses", false, "list every miss under its article")
	f.Float64("min-f1", 0, "exit with status 1 when the full-triple F1 is under this")
	f.String("split", "all", "score only this part of the folder: all, tune or check")
	_ = cmd.MarkFlagRequired("gold")
	return cmd
}

func runEvalParticipants(cmd *cobra.Command, _ []string) error {
	g, err := newGoldEval(cmd)
	if err != nil {
		return err
	}
	minF1, _ := cmd.Flags().GetFloat64("min-f1")
	var total eval.ParticipantScore
	parts := map[string]*eval.ParticipantScore{eval.Tune: {}, eval.Check: {}}
	err = g.run(cmd.Context(), func(gp, part string, d *pipeline.Doc) (any, string, []string, error) {
		gold, err := eval.ReadGold(gp)
		if err != nil {
			return nil, "", nil, err
		}
		s := eval.ScoreParticipants(eval.PeopleOf(d.Participants), gold.People)
		if g.hidden(part) {
			s.Misses = nil
		}
		total.Add(s)
		parts[part].Add(s)
		return s.Report(), fmt.Sprintf("name %.2f role %.2f country %.2f org %.2f triple %.2f",
			s.Name.F1(), s.Role.F1(), s.Country.F1(), s.Organization.F1(), s.Triple.F1()), s.Misses, nil
	})
	if err != nil {
		return err
	}
	if g.asJSON {
		err = g.writeJSON(total.Report(), parts[eval.Tune].Report(), parts[eval.Check].Report())
	} else {
		_, err = fmt.Fprintf(g.out, "\n%s\n%s", total.Table(), eval.SplitTable(*parts[eval.Tune], *parts[eval.Check]))
	}
	if err != nil {
		return err
	}
	if f1 := total.Triple.F1(); f1 < minF1 {
		return &exitError{1, fmt.Errorf("full-triple F1 %.4f is under --min-f1 %.4f", f1, minF1)}
	}
	return nil
}

// goldEval is what the evaluations against a folder of gold files share:
// the folder, the part of it scored, the pipeline and what was printed.
type goldEval struct {
	dir, split     string
	asJSON, misses bool
	p              *pipeline.Pipeline
	out            io.Writer
	articles       []goldArticle
}

type goldArticle struct {
	File  string `json:"file"`
	Split string `json:"split"`
	Score any    `json:"score"`
}

// newGoldEval reads the flags --gold, --json, --misses and --split and
// builds the configured pipeline.
func newGoldEval(cmd *cobra.Command) (*goldEval, error) {
	cfg, err := loadConfig(cmd)
	if err != nil {
		return nil, err
	}
	f := cmd.Flags()
	g := &goldEval{out: cmd.OutOrStdout()}
	g.dir, _ = f.GetString("gold")
	g.asJSON, _ = f.GetBool("json")
	g.misses, _ = f.GetBool("misses")
	g.split, _ = f.GetString("split")
	if g.split != "all" && g.split != eval.Tune && g.split != eval.Check {
		return nil, fmt.Errorf("--split %q: want all, tune or check", g.split)
	}
	g.p, err = cfg.NewPipeline()
	return g, err
}

// hidden reports whether the misses of an article of this part are kept
// from the reader: misses are read on the tune part, and on the check
// part only when it is asked for by name.
func (g *goldEval) hidden(part string) bool { return part == eval.Check && g.split != eval.Check }

// run scores every article of the folder with score, which returns the
// article's report, its line of figures and its misses, and prints them.
func (g *goldEval) run(ctx context.Context, score func(gold, part string, d *pipeline.Doc) (any, string, []string, error)) error {
	return eachGold(ctx, g.p, g.dir, g.split, func(gp, name, part string, d *pipeline.Doc) error {
		report, line, misses, err := score(gp, part, d)
		if err != nil {
			return fmt.Errorf("%s: %w", gp, err)
		}
		g.articles = append(g.articles, goldArticle{name, part, report})
		if g.asJSON {
			return nil
		}
		fmt.Fprintf(g.out, "%-5s %-72s %s\n", part, name, line)
		if g.misses {
			for _, m := range misses {
				fmt.Fprintf(g.out, "    %s\n", m)
			}
		}
		return nil
	})
}

// writeJSON prints the articles' reports and the overall, tune and check
// ones.
func (g *goldEval) writeJSON(overall, tune, check any) error {
	enc := json.NewEncoder(g.out)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Articles []goldArticle `json:"articles"`
		Overall  any           `json:"overall"`
		Tune     any           `json:"tune"`
		Check    any           `json:"check"`
	}{g.articles, overall, tune, check})
}

// eachGold annotates with p every NAME.txt of dir that has a NAME.json
// gold file and is in the asked part (all, tune or check, by
// eval.SplitOf), and calls f with the gold file, the text's name, its part
// and the annotated document.
func eachGold(ctx context.Context, p *pipeline.Pipeline, dir, split string, f func(gold, name, part string, d *pipeline.Doc) error) error {
	golds, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return err
	}
	n := 0
	for _, gp := range golds {
		txt := strings.TrimSuffix(gp, ".json") + ".txt"
		part := eval.SplitOf(txt)
		if split != "all" && part != split {
			continue
		}
		b, err := os.ReadFile(txt)
		if err != nil {
			return err
		}
		d := pipeline.NewDoc(filepath.Base(txt), string(b))
		if err := p.Process(ctx, d); err != nil {
			return err
		}
		if err := f(gp, filepath.Base(txt), part, d); err != nil {
			return err
		}
		n++
	}
	if n == 0 {
		return fmt.Errorf("no gold .json files in %s (split %s)", dir, split)
	}
	return nil
}

func newEvalIssuesCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "issues --gold DIR",
		Short: "Score issue tables against gold JSON files",
		Long: `issues annotates every NAME.txt that has a NAME.json gold issue table in DIR
(the format of ../shared/data/issues/README.md) and scores the issue table
exactly as that README says: issue F1 (issues matched one to one in gold
order on a shared content stem of the label, or of the place of a place
topic, and the gold name), party-on-issue F1 (parties of a matched issue by
country name), focus F1 (phrases of a matched party sharing a content stem
with a gold phrase; precision over every predicted phrase, recall over every
gold one), and their mean, the headline figure. It prints them per article
and overall, and for the tune and check parts of the folder side by side
(eval.SplitOf; the parts are listed in testdata/splits/issues.tsv).
--misses lists misses on the tune part only, unless --split check asks for
the check part. The exit status is 1 when the mean of the scored part is
under --min-mean.`,
		Example: `  readout eval issues --gold ../shared/data/issues
  readout eval issues --gold ../shared/data/issues --split tune --misses
  readout eval issues --gold ../shared/data/issues --json`,
		Args: cobra.NoArgs,
		RunE: runEvalIssues,
	}
	f := cmd.Flags()
	f.String("gold", "", "folder of NAME.txt and NAME.json gold issue tables (required)")
	f.Bool("json", false, "print the scores as JSON")
	f.Bool("misses", false, "list every miss under its article")
	f.Float64("min-mean", 0, "exit with status 1 when the mean of issue, party and focus F1 is under this")
	f.String("split", "all", "score only this part of the folder: all, tune or check")
	_ = cmd.MarkFlagRequired("gold")
	return cmd
}

func runEvalIssues(cmd *cobra.Command, _ []string) error {
	g, err := newGoldEval(cmd)
	if err != nil {
		return err
	}
	minMean, _ := cmd.Flags().GetFloat64("min-mean")
	var total eval.IssueTableScore
	parts := map[string]*eval.IssueTableScore{eval.Tune: {}, eval.Check: {}}
	err = g.run(cmd.Context(), func(gp, part string, d *pipeline.Doc) (any, string, []string, error) {
		gold, err := eval.ReadGoldIssueTable(gp)
		if err != nil {
			return nil, "", nil, err
		}
		s := eval.ScoreIssueTable(eval.IssuesOf(d.Issues), gold.Issues)
		if g.hidden(part) {
			s.Misses = nil
		}
		total.Add(s)
		parts[part].Add(s)
		return s.Report(), fmt.Sprintf("issue %.2f party %.2f focus %.2f mean %.2f",
			s.Issue.F1(), s.Party.F1(), s.Focus.F1(), s.Mean()), s.Misses, nil
	})
	if err != nil {
		return err
	}
	if g.asJSON {
		err = g.writeJSON(total.Report(), parts[eval.Tune].Report(), parts[eval.Check].Report())
	} else {
		_, err = fmt.Fprintf(g.out, "\n%s", eval.IssueTableSplit(total, *parts[eval.Tune], *parts[eval.Check]))
	}
	if err != nil {
		return err
	}
	if m := total.Mean(); m < minMean {
		return &exitError{1, fmt.Errorf("mean %.4f is under --min-mean %.4f", m, minMean)}
	}
	return nil
}

func newEvalNERCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "ner --conll FILE",
		Short: "Exact-span precision, recall and F1 of entities on a CoNLL-style corpus",
		Long: `ner scores the entities readout finds in a token-per-line corpus
(CoNLL-2003, OntoNotes, GMB, WikiANN), one document at a time, exactly as
conlleval does: an entity counts when its span and label both match. By
default it takes the path users take: each document is rebuilt as text
(its tokens and sentences joined by one space, or one sentence a line with
--lines), the configured pipeline up to the entities stage finds its
paragraphs, sentences and tokens, and each entity counts as the corpus
tokens its characters cover. --tokens feeds the corpus's own tokens and
sentences to the tokens and entities stages instead, the protocol behind
published figures. Corpus labels are mapped to readout's through the scheme
in config (eval.ner.schemes); the scheme is guessed from the labels when
--scheme is not given. --split tune or check scores one part of the
corpus's documents (eval.SplitOf of each document's name, "doc-N" where
the corpus names none); --misses lists each document's wrong and missed
entities, on the tune part only unless --split check asks for the check
part. The exit status is 1 when overall F1 is under --min-f1.`,
		Example: `  readout eval ner --conll ../shared/data/ner/conll2003/valid.txt --labels PER,LOC,ORG
  readout eval ner --conll ../shared/data/ner/conll2003/valid.txt --labels PER,LOC,ORG --tokens
  readout eval ner --conll dev.ner.txt --scheme ontonotes --genres nw,bn --json
  readout eval ner --conll dev.ner.txt --scheme ontonotes --genres nw,bn --split tune --misses`,
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
	f.Bool("tokens", false, "feed the corpus's own tokens and sentences to the stages (the protocol of published figures)")
	f.Bool("lines", false, "rebuild each document with one corpus sentence a line (default: sentences joined by one space)")
	f.String("split", "all", "score only this part of the documents: all, tune or check")
	f.Bool("misses", false, "list every wrong and missed entity under its document")
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
	tokens, _ := cmd.Flags().GetBool("tokens")
	lines, _ := cmd.Flags().GetBool("lines")
	split, _ := cmd.Flags().GetString("split")
	misses, _ := cmd.Flags().GetBool("misses")
	if split != "all" && split != eval.Tune && split != eval.Check {
		return fmt.Errorf("--split %q: want all, tune or check", split)
	}

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
	// The user's path runs the configured stages up to the entities; the
	// corpus's own tokens need only tagging and the entities.
	stages := []string{"tokens", "entities"}
	if !tokens {
		i := slices.Index(cfg.Pipeline, "entities")
		if i < 0 {
			return fmt.Errorf("the pipeline in config has no entities stage")
		}
		stages = cfg.Pipeline[:i+1]
	}
	p, err := extract.Registry().Build(stages, cfg.Stages)
	if err != nil {
		return err
	}
	out := cmd.OutOrStdout()
	o := eval.NEROptions{LabelMap: labelMap, Labels: labels, Genres: genres,
		StripDeterminers: cfg.Eval.NER.StripDeterminers, StripPossessives: cfg.Eval.NER.StripPossessives, Tokens: tokens, Lines: lines}
	if split != "all" {
		o.Split = split
	}
	if misses {
		// Misses are read on the tune part; the check part judges a
		// finished change.
		o.Misses = func(part, doc string, ms []string) {
			if len(ms) == 0 || part == eval.Check && split != eval.Check {
				return
			}
			fmt.Fprintf(out, "%s %s\n", part, doc)
			for _, m := range ms {
				fmt.Fprintf(out, "    %s\n", m)
			}
		}
	}
	score, err := eval.NER(cmd.Context(), p, sents, o)
	if err != nil {
		return err
	}
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

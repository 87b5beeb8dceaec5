package eval_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readout/readout"
	"github.com/readout/readout/eval"
	"github.com/readout/readout/pipeline"
)

const articlesDir = "../../shared/data/articles"

// predicted annotates path and returns its participants for scoring.
func predicted(t *testing.T, p *pipeline.Pipeline, path string) []eval.Person {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d := pipeline.NewDoc(filepath.Base(path), string(b))
	if err := p.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	var out []eval.Person
	for _, pa := range d.Participants {
		out = append(out, eval.Person{Name: pa.Name, Aliases: pa.Aliases, Role: pa.Role, Country: pa.Country, Organization: pa.Organization})
	}
	return out
}

// TestDevArticles scores participants on the development articles. They are
// for development only: the floor guards against collapse, not a target.
func TestDevArticles(t *testing.T) {
	golds, _ := filepath.Glob(filepath.Join(articlesDir, "*.json"))
	if len(golds) == 0 {
		t.Skipf("no gold articles in %s (../shared/data is not beside this checkout)", articlesDir)
	}
	cfg, err := readout.LoadConfig("")
	if err != nil {
		t.Fatal(err)
	}
	p, err := cfg.NewPipeline()
	if err != nil {
		t.Fatal(err)
	}
	var total eval.ParticipantScore
	for _, gp := range golds {
		g, err := eval.ReadGold(gp)
		if err != nil {
			t.Fatal(err)
		}
		s := eval.ScoreParticipants(predicted(t, p, strings.TrimSuffix(gp, ".json")+".txt"), g.People)
		total.Add(s)
		t.Logf("%-70s name %.2f role %.2f country %.2f triple %.2f", filepath.Base(gp), s.Name.F1(), s.Role.F1(), s.Country.F1(), s.Triple.F1())
		for _, m := range s.Misses {
			t.Logf("    %s", m)
		}
	}
	t.Logf("ALL name P/R/F1 %.2f/%.2f/%.2f role F1 %.2f country F1 %.2f org F1 %.2f triple F1 %.2f",
		total.Name.Precision(), total.Name.Recall(), total.Name.F1(), total.Role.F1(), total.Country.F1(), total.Organization.F1(), total.Triple.F1())
}

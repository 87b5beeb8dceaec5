package readout_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jdkato/prose/v3"

	"github.com/readout/readout"
	"github.com/readout/readout/pipeline"
)

// benchTexts is the reference article plus the development articles when
// ../shared is present.
func benchTexts(b *testing.B) ([]string, int) {
	paths := []string{reference + ".txt"}
	more, _ := filepath.Glob("../shared/data/articles/*.txt")
	paths = append(paths, more...)
	var texts []string
	words := 0
	for _, p := range paths {
		t, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
		words += len(strings.Fields(string(t)))
	}
	return texts, words
}

// BenchmarkPipeline runs the whole default pipeline, BenchmarkEntities
// the stages up to entities (paragraphs, tokens and POS, entities), and
// BenchmarkProse prose's NewDocument on the same texts, so that the words/s
// figures of one run compare directly (scripts/bench prints the ratios).
func BenchmarkPipeline(b *testing.B) {
	benchStages(b, nil)
}

// BenchmarkPipelineWithoutTopics is the whole pipeline less the topics
// stage (and issues, which needs it), to price topics in the same run.
func BenchmarkPipelineWithoutTopics(b *testing.B) {
	benchStages(b, []string{"paragraphs", "tables", "tokens", "dates", "entities", "participants"})
}

func BenchmarkEntities(b *testing.B) {
	benchStages(b, []string{"paragraphs", "tokens", "entities"})
}

func benchStages(b *testing.B, stages []string) {
	texts, words := benchTexts(b)
	cfg, err := readout.LoadConfig("")
	if err != nil {
		b.Fatal(err)
	}
	if stages != nil {
		cfg.Pipeline = stages
	}
	p, err := cfg.NewPipeline()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			d := pipeline.NewDoc("b", t)
			if err := p.Process(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

func BenchmarkProse(b *testing.B) {
	texts, words := benchTexts(b)
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			if _, err := prose.NewDocument(t); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

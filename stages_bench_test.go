package readout_test

import (
	"context"
	"runtime"
	"slices"
	"testing"

	"github.com/readout/readout"
	"github.com/readout/readout/pipeline"
)

// BenchmarkStage times each stage of the default pipeline alone, on the
// benchmark texts as the stages before it left them:
//
//	go test -run '^$' -bench 'BenchmarkStage/' -cpu 1 .
func BenchmarkStage(b *testing.B) {
	texts, words := benchTexts(b)
	cfg, err := readout.LoadConfig("")
	if err != nil {
		b.Fatal(err)
	}
	p, err := cfg.NewPipeline()
	if err != nil {
		b.Fatal(err)
	}
	for i, stage := range p.Stages {
		b.Run(stage.Name(), func(b *testing.B) {
			before := &pipeline.Pipeline{Stages: p.Stages[:i]}
			var docs []*pipeline.Doc
			for _, t := range texts {
				d := pipeline.NewDoc("b", t)
				if err := before.Process(context.Background(), d); err != nil {
					b.Fatal(err)
				}
				docs = append(docs, d)
			}
			b.ResetTimer()
			for range b.N {
				b.StopTimer()
				work := make([]*pipeline.Doc, len(docs))
				for j, d := range docs {
					work[j] = cloneDoc(d)
				}
				// The copies' garbage is not the stage's to collect.
				runtime.GC()
				b.StartTimer()
				for _, d := range work {
					if err := stage.Process(context.Background(), d); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
		})
	}
}

// cloneDoc copies d's lists so that a stage run on the copy leaves d as it
// was for the next iteration.
func cloneDoc(d *pipeline.Doc) *pipeline.Doc {
	c := *d
	c.Paragraphs = slices.Clone(d.Paragraphs)
	c.Sentences = slices.Clone(d.Sentences)
	c.Tokens = slices.Clone(d.Tokens)
	c.Entities = slices.Clone(d.Entities)
	c.Dates = slices.Clone(d.Dates)
	c.Participants = slices.Clone(d.Participants)
	c.Topics = slices.Clone(d.Topics)
	c.Issues = slices.Clone(d.Issues)
	c.Tables = slices.Clone(d.Tables)
	c.Errors = slices.Clone(d.Errors)
	return &c
}

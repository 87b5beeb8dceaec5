package extract

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readout/readout/extract/topicmodel"
	"github.com/readout/readout/pipeline"
)

// tinyTopicModel trains a two-label model and saves it.
func tinyTopicModel(t *testing.T) string {
	t.Helper()
	words := map[string][]string{
		"sport": {"football", "goal", "league", "striker", "coach", "penalty"},
		"tech":  {"software", "computer", "internet", "broadband", "processor", "website"},
	}
	var ex []topicmodel.Example
	for label, ws := range words {
		for i := 0; i < 10; i++ {
			var b strings.Builder
			for j := 0; j < 6; j++ {
				fmt.Fprintf(&b, "%s %s ", ws[(i+j)%len(ws)], ws[(2*i+3*j)%len(ws)])
			}
			ex = append(ex, topicmodel.Example{Text: b.String(), Labels: []string{label}})
		}
	}
	m, err := topicmodel.Train(ex, topicmodel.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "tiny.topicmodel")
	if err := m.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestTopicsModelOption(t *testing.T) {
	path := tinyTopicModel(t)
	paras := []string{
		"Results",
		"The striker scored a penalty and the coach praised the league's best goal.",
		"Broadband and a faster processor put the website on every computer.",
	}
	text := strings.Join(paras, "\n\n")
	d := pipeline.NewDoc("m", text)
	off := 0
	for i, p := range paras {
		kind := pipeline.TextPara
		if i == 0 {
			kind = pipeline.Heading
		}
		d.Paragraphs = append(d.Paragraphs, pipeline.Paragraph{Start: off, End: off + len(p), Kind: kind, Section: -1, Block: -1})
		off += len(p) + 2
	}
	s, err := NewTopics(pipeline.Options{"model": path, "model_threshold": 0.6})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	modelTopics := func(ts []pipeline.TopicScore) []string {
		var out []string
		for _, x := range ts {
			if strings.HasPrefix(x.Topic, ModelTopicPrefix) {
				if x.Label != strings.TrimPrefix(x.Topic, ModelTopicPrefix) || x.Score < 0.6 || x.Score > 1 {
					t.Errorf("bad model topic %+v", x)
				}
				out = append(out, x.Topic)
			}
		}
		return out
	}
	if got := modelTopics(d.Paragraphs[0].Topics); got != nil {
		t.Errorf("heading got model topics %v", got)
	}
	if got := modelTopics(d.Paragraphs[1].Topics); len(got) != 1 || got[0] != "model:sport" {
		t.Errorf("sport paragraph: %v", got)
	}
	if got := modelTopics(d.Paragraphs[2].Topics); len(got) != 1 || got[0] != "model:tech" {
		t.Errorf("tech paragraph: %v", got)
	}
	// The document mixes both: the best one is kept anyway.
	if got := modelTopics(d.Topics); len(got) < 1 || len(got) > 2 {
		t.Errorf("document model topics %v", got)
	}
	// Model topics come after the keyword topics.
	if n := len(d.Paragraphs[1].Topics); n < 2 || !strings.HasPrefix(d.Paragraphs[1].Topics[n-1].Topic, ModelTopicPrefix) || strings.HasPrefix(d.Paragraphs[1].Topics[0].Topic, ModelTopicPrefix) {
		t.Errorf("paragraph topics order: %+v", d.Paragraphs[1].Topics)
	}

	// Without the option nothing changes; bad options are errors.
	s0, err := NewTopics(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s0.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if got := modelTopics(d.Topics); got != nil {
		t.Errorf("no model: got %v", got)
	}
	for _, opts := range []pipeline.Options{
		{"model": filepath.Join(t.TempDir(), "missing")},
		{"model": path, "model_threshold": 1.5},
	} {
		if _, err := NewTopics(opts); err == nil {
			t.Errorf("%v: no error", opts)
		}
	}
}

package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readout/readout/extract/topicmodel"
	"github.com/readout/readout/pipeline"
)

// TestAnnotateTopicModel checks that --topic-model puts a trained
// classifier's labels into the document's topics.
func TestAnnotateTopicModel(t *testing.T) {
	var ex []topicmodel.Example
	for i := 0; i < 20; i++ {
		ex = append(ex,
			topicmodel.Example{Text: "The ministers met for talks on the ceasefire and the border, diplomats said.", Labels: []string{"politics"}},
			topicmodel.Example{Text: "The striker scored twice as the team won the league match on Sunday.", Labels: []string{"sport"}})
	}
	m, err := topicmodel.Train(ex, topicmodel.Options{Seed: 1, MinCount: 1})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "m.topicmodel")
	if err := m.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	stdout, _, err := run(t, "", "annotate", "--topic-model", path, "../../testdata/egypt-russia-cairo.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out pipeline.Output
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tp := range out.Topics {
		if strings.HasPrefix(tp.Topic, "model:") {
			got = append(got, tp.Topic)
		}
	}
	if len(got) == 0 || got[0] != "model:politics" {
		t.Errorf("model topics %q, want model:politics first", got)
	}
}

package ner

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/readout/readout/conll"
	"github.com/readout/readout/pipeline"
)

// spaceSplitter splits at spaces and hyphens, and ends a sentence after
// every word ending in a full stop: not the corpus's splits, on purpose.
type spaceSplitter struct{}

func (spaceSplitter) Process(_ context.Context, d *pipeline.Doc) error {
	first := 0
	for i := 0; i < len(d.Text); {
		j := i
		for j < len(d.Text) && d.Text[j] != ' ' && (d.Text[j] != '-' || j == i) {
			j++
		}
		if d.Text[i] == '-' {
			j = i + 1
		}
		if j > i {
			d.Tokens = append(d.Tokens, pipeline.Token{Start: i, End: j, Text: d.Text[i:j], Tag: "NNP"})
			if strings.HasSuffix(d.Text[i:j], ".") {
				d.Sentences = append(d.Sentences, pipeline.Sentence{FirstToken: first, EndToken: len(d.Tokens)})
				first = len(d.Tokens)
			}
		}
		i = j
		for i < len(d.Text) && d.Text[i] == ' ' {
			i++
		}
	}
	if first < len(d.Tokens) {
		d.Sentences = append(d.Sentences, pipeline.Sentence{FirstToken: first, EndToken: len(d.Tokens)})
	}
	return nil
}

func TestAsText(t *testing.T) {
	doc := Doc{
		Sents: [][]string{
			{"Lina", "Holm", "of", "Pro-Tech", "spoke"},
			{"In", "St.", "Ives", "Ray", "Cole", "waited"},
		},
		Spans: [][]conll.Span{
			{{Start: 0, End: 2, Label: "PER"}, {Start: 3, End: 4, Label: "ORG"}},
			{{Start: 1, End: 3, Label: "LOC"}, {Start: 3, End: 5, Label: "PER"}},
		},
	}
	got, err := AsText(context.Background(), doc, spaceSplitter{})
	if err != nil {
		t.Fatal(err)
	}
	// The corpus's two sentences run on as one until "St." ends one; the
	// hyphen splits "Pro-Tech" into three tokens that the ORG covers, and
	// "St. Ives" is cut where the splitter cut it.
	wantSents := [][]string{
		{"Lina", "Holm", "of", "Pro", "-", "Tech", "spoke", "In", "St."},
		{"Ives", "Ray", "Cole", "waited"},
	}
	wantSpans := [][]conll.Span{
		{{Start: 0, End: 2, Label: "PER"}, {Start: 3, End: 6, Label: "ORG"}, {Start: 8, End: 9, Label: "LOC"}},
		{{Start: 0, End: 1, Label: "LOC"}, {Start: 1, End: 3, Label: "PER"}},
	}
	if !reflect.DeepEqual(got.Sents, wantSents) {
		t.Errorf("sentences %q, want %q", got.Sents, wantSents)
	}
	if !reflect.DeepEqual(got.Spans, wantSpans) {
		t.Errorf("spans %v, want %v", got.Spans, wantSpans)
	}
	if len(got.POS) != 2 || got.POS[1][0] != "NNP" {
		t.Errorf("POS %q: want the splitter's tags", got.POS)
	}
}

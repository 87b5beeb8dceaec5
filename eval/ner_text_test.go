package eval

import (
	"slices"
	"testing"

	"github.com/readout/readout/conll"
	"github.com/readout/readout/pipeline"
)

// TestTextSpans: a rebuilt document's entities count as the corpus tokens
// their characters cover, document-wide.
func TestTextSpans(t *testing.T) {
	doc := []conll.Sentence{
		{Words: []string{"P.", "Larsen", "won", "."}},
		{Words: []string{"U.S.", "officials", "met", "in", "New", "York", "."}},
	}
	r := rebuild(doc, false)
	text, offsets := r.text, r.first
	if want := "P. Larsen won . U.S. officials met in New York ."; text != want {
		t.Fatalf("text %q, want %q", text, want)
	}
	if !slices.Equal(offsets, []int{0, 4}) {
		t.Errorf("offsets %v, want [0 4]", offsets)
	}
	lines := rebuild(doc, true).text
	if want := "P. Larsen won .\nU.S. officials met in New York ."; lines != want {
		t.Errorf("lines %q, want %q", lines, want)
	}
	at := func(s string) (int, int) {
		for i := 0; i+len(s) <= len(text); i++ {
			if text[i:i+len(s)] == s {
				return i, i + len(s)
			}
		}
		t.Fatalf("%q not in text", s)
		return 0, 0
	}
	d := pipeline.NewDoc("t", text)
	for _, e := range []struct{ s, label string }{
		{"P. Larsen", pipeline.Person},
		{"U.S", pipeline.Place}, // ends inside a corpus token: that token counts
		{"New York", pipeline.Place},
		{"officials", "DATE"}, // not scored
	} {
		start, end := at(e.s)
		d.Entities = append(d.Entities, pipeline.Entity{Start: start, End: end, Text: e.s, Label: e.label})
	}
	got := r.spans(d, map[string]bool{pipeline.Person: true, pipeline.Place: true})
	want := []conll.Span{{Start: 0, End: 2, Label: pipeline.Person}, {Start: 4, End: 5, Label: pipeline.Place}, {Start: 8, End: 10, Label: pipeline.Place}}
	if !slices.Equal(got, want) {
		t.Errorf("spans %v, want %v", got, want)
	}
}

// TestGoldConventions: the gold spans lose what readout never puts in a
// name, a leading "the" and a trailing possessive, and nothing else.
func TestGoldConventions(t *testing.T) {
	words := []string{"the", "Supreme", "Court", "and", "Bin", "Laden", "'s", "cells", "in", "the", "Hague", "'s"}
	spans := func() []conll.Span {
		return []conll.Span{{Start: 0, End: 3, Label: "ORG"}, {Start: 4, End: 7, Label: "PER"}, {Start: 10, End: 11, Label: "GPE"}, {Start: 6, End: 7, Label: "X"}}
	}
	got := stripPossessives(stripDeterminers(spans(), words), words)
	want := []conll.Span{{Start: 1, End: 3, Label: "ORG"}, {Start: 4, End: 6, Label: "PER"}, {Start: 10, End: 11, Label: "GPE"}, {Start: 6, End: 7, Label: "X"}}
	if !slices.Equal(got, want) {
		t.Errorf("spans %v, want %v", got, want)
	}
	if got := stripDeterminers(spans(), words); !slices.Equal(got[1:], spans()[1:]) || got[0].Start != 1 {
		t.Errorf("determiners alone: %v", got)
	}
}

package conll

import (
	"reflect"
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	in := "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\n-DOCSTART- -X- O O\n\nen:Sioux\tB-ORG\nen:Falls\tI-ORG\n# document x\nLondon\tNNP\tB-geo\n"
	got, err := Read(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 {
		t.Fatalf("%d sentences: %+v", len(got), got)
	}
	if !reflect.DeepEqual(got[0].Words, []string{"EU", "rejects"}) || got[0].POS[0] != "NNP" || got[0].Tags[0] != "B-ORG" || got[0].Doc != 0 {
		t.Errorf("sentence 0: %+v", got[0])
	}
	if got[2].Words[0] != "Sioux" || got[2].POS[0] != "" || got[2].Doc != 1 {
		t.Errorf("sentence 2: %+v", got[2])
	}
	if got[3].Doc != 2 || got[3].Tags[0] != "B-geo" || got[3].Name != "x" {
		t.Errorf("sentence 3: %+v", got[3])
	}
	if _, err := Read(strings.NewReader("lonely\n")); err == nil {
		t.Error("a line without a tag was accepted")
	}
}

func TestSpans(t *testing.T) {
	tests := []struct {
		tags []string
		want []Span
	}{
		// IOB1: I- starts an entity; B- only between two of one type.
		{[]string{"I-PER", "I-PER", "B-PER", "O", "I-LOC"}, []Span{{0, 2, "PER"}, {2, 3, "PER"}, {4, 5, "LOC"}}},
		// IOB2, and a type change without B-.
		{[]string{"B-ORG", "I-ORG", "I-LOC", "O"}, []Span{{0, 2, "ORG"}, {2, 3, "LOC"}}},
		// BILOU.
		{[]string{"U-PER", "B-LOC", "L-LOC", "O"}, []Span{{0, 1, "PER"}, {1, 3, "LOC"}}},
		{[]string{"O", "O"}, nil},
	}
	for _, tt := range tests {
		if got := Spans(tt.tags); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Spans(%q) = %v, want %v", tt.tags, got, tt.want)
		}
	}
	spans := []Span{{0, 2, "PER"}, {3, 4, "MISC"}}
	if got := Tags(spans, 5); !reflect.DeepEqual(got, []string{"B-PER", "I-PER", "O", "B-MISC", "O"}) {
		t.Errorf("Tags = %q", got)
	}
	if got := MapSpans(spans, map[string]string{"PER": "PERSON"}); !reflect.DeepEqual(got, []Span{{0, 2, "PERSON"}}) {
		t.Errorf("MapSpans = %v", got)
	}
}

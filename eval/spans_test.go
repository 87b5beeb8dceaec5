package eval

import (
	"strings"
	"testing"

	"github.com/readout/readout/conll"
)

func TestSpanScore(t *testing.T) {
	var s SpanScore
	gold := []conll.Span{{Start: 0, End: 2, Label: "PER"}, {Start: 3, End: 4, Label: "LOC"}, {Start: 5, End: 6, Label: "ORG"}}
	pred := []conll.Span{{Start: 0, End: 2, Label: "PER"}, {Start: 3, End: 4, Label: "ORG"}, {Start: 5, End: 7, Label: "ORG"}, {Start: 8, End: 9, Label: "LOC"}}
	s.Add(gold, pred)
	if s.Overall != (Counts{TP: 1, Pred: 4, Gold: 3}) {
		t.Errorf("overall %+v", s.Overall)
	}
	if c := *s.Labels["LOC"]; c != (Counts{TP: 0, Pred: 1, Gold: 1}) {
		t.Errorf("LOC %+v", c)
	}
	if c := *s.Labels["PER"]; c.F1() != 1 {
		t.Errorf("PER %+v", c)
	}
	if tab := s.Table(); !strings.Contains(tab, "overall") || !strings.Contains(tab, "PER ") {
		t.Errorf("table:\n%s", tab)
	}
}

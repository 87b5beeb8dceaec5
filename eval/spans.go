package eval

import (
	"fmt"
	"sort"
	"strings"

	"github.com/readout/readout/conll"
)

// SpanScore counts exact-span matches per label, as conlleval does: a
// predicted entity is right only when its start, end and label all match a
// gold one.
type SpanScore struct {
	Labels  map[string]*Counts
	Overall Counts
}

// Add scores one sentence (or document): gold and predicted spans over the
// same tokens.
func (s *SpanScore) Add(gold, pred []conll.Span) {
	if s.Labels == nil {
		s.Labels = map[string]*Counts{}
	}
	counts := func(l string) *Counts {
		c := s.Labels[l]
		if c == nil {
			c = &Counts{}
			s.Labels[l] = c
		}
		return c
	}
	want := map[conll.Span]bool{}
	for _, g := range gold {
		want[g] = true
		counts(g.Label).Gold++
		s.Overall.Gold++
	}
	for _, p := range pred {
		c := counts(p.Label)
		c.Pred++
		s.Overall.Pred++
		if want[p] {
			c.TP++
			s.Overall.TP++
			delete(want, p) // a gold span matches once
		}
	}
}

// LabelNames returns the scored labels, sorted.
func (s SpanScore) LabelNames() []string {
	var ls []string
	for l := range s.Labels {
		ls = append(ls, l)
	}
	sort.Strings(ls)
	return ls
}

// Table renders the score as an aligned text table.
func (s SpanScore) Table() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-10s %9s %9s %9s %7s %7s\n", "label", "precision", "recall", "f1", "gold", "pred")
	row := func(name string, c Counts) {
		fmt.Fprintf(&b, "%-10s %9.4f %9.4f %9.4f %7d %7d\n", name, c.Precision(), c.Recall(), c.F1(), c.Gold, c.Pred)
	}
	for _, l := range s.LabelNames() {
		row(l, *s.Labels[l])
	}
	row("overall", s.Overall)
	return b.String()
}

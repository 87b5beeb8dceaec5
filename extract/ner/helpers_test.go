package ner

import (
	"slices"

	"github.com/readout/readout/conll"
	"github.com/readout/readout/eval"
)

// labelMap maps the research corpora's labels to ours.
func labelMap(misc bool) map[string]string {
	m := map[string]string{
		"PER": "PER", "LOC": "LOC", "ORG": "ORG",
		"PERSON": "PER", "GPE": "LOC",
		"per": "PER", "geo": "LOC", "gpe": "LOC", "org": "ORG",
	}
	if misc {
		m["MISC"] = "MISC"
		for _, l := range []string{"NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"} {
			m[l] = "MISC"
		}
	}
	return m
}

func withEntities(docs []Doc) []Doc {
	var out []Doc
	for _, d := range docs {
		for _, ss := range d.Spans {
			if len(ss) > 0 {
				out = append(out, d)
				break
			}
		}
	}
	return out
}

// score evaluates m on docs over the labels m reports.
func score(m *Model, docs []Doc) eval.SpanScore {
	var sc eval.SpanScore
	labels := m.Labels()
	for _, d := range docs {
		pred := m.Tag(d.Sents, d.POS)
		for si := range d.Sents {
			var gold, got []conll.Span
			for _, g := range d.Spans[si] {
				if slices.Contains(labels, g.Label) {
					gold = append(gold, g)
				}
			}
			for _, p := range pred[si] {
				got = append(got, conll.Span{Start: p.Start, End: p.End, Label: p.Label})
			}
			sc.Add(gold, got)
		}
	}
	return sc
}

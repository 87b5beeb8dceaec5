package ner

import (
	"context"
	"sort"
	"strings"

	"github.com/readout/readout/conll"
	"github.com/readout/readout/pipeline"
)

// Splitter finds a document's sentences and tokens, with their
// part-of-speech tags, as the stages before the entity tagger do.
type Splitter interface {
	Process(ctx context.Context, d *pipeline.Doc) error
}

// AsText re-splits a corpus document the way readout splits text: its
// words are joined by one space (its sentences too), split finds sentences
// and tokens in that text, and each gold span goes to the tokens its
// characters cover. A model trained on such documents learns from the
// sentence breaks and tokens it will be given in use, not the corpus's.
// A span that split cuts across two sentences is cut there too.
func AsText(ctx context.Context, doc Doc, split Splitter) (Doc, error) {
	var b strings.Builder
	var starts, ends []int // by corpus token, document-wide
	var first []int        // by corpus sentence: its first token
	for i, words := range doc.Sents {
		if i > 0 {
			b.WriteByte(' ')
		}
		first = append(first, len(starts))
		for j, w := range words {
			if j > 0 {
				b.WriteByte(' ')
			}
			starts = append(starts, b.Len())
			b.WriteString(w)
			ends = append(ends, b.Len())
		}
	}
	type charSpan struct {
		start, end int
		label      string
	}
	var gold []charSpan
	for i, ss := range doc.Spans {
		for _, sp := range ss {
			a, z := first[i]+sp.Start, first[i]+sp.End-1
			gold = append(gold, charSpan{starts[a], ends[z], sp.Label})
		}
	}
	d := pipeline.NewDoc("", b.String())
	if err := split.Process(ctx, d); err != nil {
		return Doc{}, err
	}
	var out Doc
	for _, s := range d.Sentences {
		toks := d.Tokens[s.FirstToken:s.EndToken]
		if len(toks) == 0 {
			continue
		}
		words, pos := make([]string, len(toks)), make([]string, len(toks))
		for k, t := range toks {
			words[k], pos[k] = t.Text, t.Tag
		}
		var spans []conll.Span
		for _, g := range gold {
			if g.end <= toks[0].Start || g.start >= toks[len(toks)-1].End {
				continue
			}
			a := sort.Search(len(toks), func(k int) bool { return toks[k].End > g.start })
			z := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= g.end })
			if a < z && (len(spans) == 0 || spans[len(spans)-1].End <= a) {
				spans = append(spans, conll.Span{Start: a, End: z, Label: g.label})
			}
		}
		out.Sents = append(out.Sents, words)
		out.POS = append(out.POS, pos)
		out.Spans = append(out.Spans, spans)
	}
	return out, nil
}

package eval

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/readout/readout/conll"
	"github.com/readout/readout/pipeline"
)

// NEROptions says how an entity corpus is scored.
type NEROptions struct {
	// LabelMap maps corpus labels to readout's ("PER" to "PERSON", "GPE"
	// and "LOC" both to "PLACE"); corpus labels it does not map are not
	// scored.
	LabelMap map[string]string
	// Labels restricts scoring to these corpus labels; empty means all that
	// LabelMap maps.
	Labels []string
	// Genres keeps only documents whose name starts with one of these
	// ("nw", "bn" in OntoNotes); empty keeps all.
	Genres []string
	// StripDeterminers drops a leading "the" from gold spans: OntoNotes
	// puts it inside many names ("the Supreme Court"), readout never does.
	StripDeterminers bool
	// StripPossessives drops a trailing possessive "'s" from gold spans:
	// OntoNotes puts it inside a third of the names it follows ("Bin
	// Laden 's cells") and leaves it out of the rest; readout never
	// includes it.
	StripPossessives bool
	// Tokens feeds the corpus's own tokens and sentences to the stages
	// (the protocol of published figures). Otherwise each document is
	// rebuilt as text, as a user would have it, and the pipeline finds
	// paragraphs, sentences and tokens itself.
	Tokens bool
	// Lines writes one corpus sentence a line in the rebuilt text; by
	// default sentences are joined by one space, as in running prose.
	Lines bool
	// Split keeps the documents of one part of the corpus, Tune or Check
	// (SplitOf of the document's name, or of "doc-N" where the corpus
	// names none); empty keeps all.
	Split string
	// Misses, when set, is called with each document's part and name and
	// its wrong and missed entities (NERMisses).
	Misses func(part, doc string, misses []string)
}

// DocName is the name a corpus document is split and reported by: the
// corpus's own, else "doc-N" by its place in the corpus.
func DocName(doc []conll.Sentence) string {
	if doc[0].Name != "" {
		return doc[0].Name
	}
	return fmt.Sprintf("doc-%d", doc[0].Doc)
}

// NER runs p over a corpus one document at a time (so that document-level
// evidence works as on real articles) and scores the entities found against
// the corpus's, in readout's label space, conlleval style. With o.Tokens, p
// gets the corpus's tokens; otherwise p gets the document's text and must
// find its paragraphs, sentences and tokens, and each entity found counts
// as the corpus tokens its characters cover.
func NER(ctx context.Context, p *pipeline.Pipeline, sents []conll.Sentence, o NEROptions) (SpanScore, error) {
	labelMap := o.LabelMap
	if len(o.Labels) > 0 {
		labelMap = map[string]string{}
		for _, l := range o.Labels {
			if m := o.LabelMap[l]; m != "" {
				labelMap[l] = m
			}
		}
	}
	scored := map[string]bool{}
	for _, ours := range labelMap {
		scored[ours] = true
	}
	var score SpanScore
	score.Labels = map[string]*Counts{}
	for l := range scored {
		score.Labels[l] = &Counts{}
	}
	for _, doc := range groupDocs(sents) {
		name := DocName(doc)
		part := SplitOf(name)
		if !genreKept(doc[0].Name, o.Genres) || o.Split != "" && part != o.Split {
			continue
		}
		if err := ctx.Err(); err != nil {
			return score, err
		}
		golds := make([][]conll.Span, len(doc))
		for i, s := range doc {
			golds[i] = conll.MapSpans(conll.Spans(s.Tags), labelMap)
			if o.StripDeterminers {
				golds[i] = stripDeterminers(golds[i], s.Words)
			}
			if o.StripPossessives {
				golds[i] = stripPossessives(golds[i], s.Words)
			}
		}
		if !o.Tokens {
			r := rebuild(doc, o.Lines)
			d := pipeline.NewDoc(doc[0].Name, r.text)
			if err := p.Process(ctx, d); err != nil {
				return score, err
			}
			// One document-wide list: an entity the pipeline finds across
			// two corpus sentences is simply wrong.
			var gold []conll.Span
			for i, g := range golds {
				gold = append(gold, shifted(g, r.first[i])...)
			}
			pred := r.spans(d, scored)
			score.Add(gold, pred)
			if o.Misses != nil {
				o.Misses(part, name, NERMisses(docWords(doc), gold, pred))
			}
			continue
		}
		words := make([][]string, len(doc))
		for i, s := range doc {
			words[i] = s.Words
		}
		d := pipeline.DocFromTokens(doc[0].Name, words)
		if err := p.Process(ctx, d); err != nil {
			return score, err
		}
		pred := predictedSpans(d, scored)
		var allGold, allPred []conll.Span
		first := 0
		for i := range doc {
			score.Add(golds[i], pred[i])
			allGold = append(allGold, shifted(golds[i], first)...)
			allPred = append(allPred, shifted(pred[i], first)...)
			first += len(doc[i].Words)
		}
		if o.Misses != nil {
			o.Misses(part, name, NERMisses(docWords(doc), allGold, allPred))
		}
	}
	return score, nil
}

// shifted returns spans moved by some tokens: a sentence's spans in the
// document's token numbering.
func shifted(spans []conll.Span, by int) []conll.Span {
	out := make([]conll.Span, len(spans))
	for i, sp := range spans {
		sp.Start, sp.End = sp.Start+by, sp.End+by
		out[i] = sp
	}
	return out
}

func docWords(doc []conll.Sentence) []string {
	var ws []string
	for _, s := range doc {
		ws = append(ws, s.Words...)
	}
	return ws
}

// NERMisses describes, in document order, each predicted entity that is
// not a gold one ("extra") and each gold entity not predicted ("missed"),
// with what the other side has over the same words and a few words of
// context: `extra ORG "Fed Chair" (gold: none) in "... the Fed Chair said ..."`.
func NERMisses(words []string, gold, pred []conll.Span) []string {
	in := func(spans []conll.Span) map[conll.Span]bool {
		m := map[conll.Span]bool{}
		for _, sp := range spans {
			m[sp] = true
		}
		return m
	}
	isGold, isPred := in(gold), in(pred)
	over := func(spans []conll.Span, sp conll.Span) string {
		var parts []string
		for _, o := range spans {
			if o.Start < sp.End && sp.Start < o.End {
				parts = append(parts, o.Label+` "`+strings.Join(words[o.Start:o.End], " ")+`"`)
			}
		}
		if len(parts) == 0 {
			return "none"
		}
		return strings.Join(parts, ", ")
	}
	type miss struct {
		sp   conll.Span
		line string
	}
	var ms []miss
	for _, sp := range pred {
		if !isGold[sp] {
			ms = append(ms, miss{sp, "extra " + sp.Label + ` "` + strings.Join(words[sp.Start:sp.End], " ") + `" (gold: ` + over(gold, sp) + ")"})
		}
	}
	for _, sp := range gold {
		if !isPred[sp] {
			ms = append(ms, miss{sp, "missed " + sp.Label + ` "` + strings.Join(words[sp.Start:sp.End], " ") + `" (got: ` + over(pred, sp) + ")"})
		}
	}
	sort.SliceStable(ms, func(a, b int) bool { return ms[a].sp.Start < ms[b].sp.Start })
	out := make([]string, len(ms))
	for i, m := range ms {
		from, to := max(0, m.sp.Start-6), min(len(words), m.sp.End+6)
		out[i] = m.line + ` in "` + strings.Join(words[from:to], " ") + `"`
	}
	return out
}

// rebuilt is a corpus document written out as text: its tokens joined by
// one space, its sentences by one space or one a line.
type rebuilt struct {
	text         string
	first        []int // by sentence: the document-wide index of its first token
	starts, ends []int // by token: its bytes in text
}

func rebuild(doc []conll.Sentence, lines bool) rebuilt {
	var b strings.Builder
	var r rebuilt
	for i, s := range doc {
		if i > 0 {
			if lines {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		r.first = append(r.first, len(r.starts))
		for j, w := range s.Words {
			if j > 0 {
				b.WriteByte(' ')
			}
			r.starts = append(r.starts, b.Len())
			b.WriteString(w)
			r.ends = append(r.ends, b.Len())
		}
	}
	r.text = b.String()
	return r
}

// spans maps the entities found in the rebuilt text to the corpus tokens
// their characters cover, as document-wide token spans.
func (r rebuilt) spans(d *pipeline.Doc, scored map[string]bool) []conll.Span {
	var out []conll.Span
	for _, e := range d.Entities {
		if !scored[e.Label] {
			continue
		}
		first := sort.SearchInts(r.ends, e.Start+1)  // the first token ending after e starts
		last := sort.SearchInts(r.starts, e.End) - 1 // the last token starting before e ends
		if first >= len(r.starts) || last < first {
			continue
		}
		out = append(out, conll.Span{Start: first, End: last + 1, Label: e.Label})
	}
	return out
}

func stripDeterminers(spans []conll.Span, words []string) []conll.Span {
	for i, sp := range spans {
		if sp.End-sp.Start > 1 && strings.EqualFold(words[sp.Start], "the") {
			spans[i].Start++
		}
	}
	return spans
}

func stripPossessives(spans []conll.Span, words []string) []conll.Span {
	for i, sp := range spans {
		if w := words[sp.End-1]; sp.End-sp.Start > 1 && (w == "'s" || w == "'" || w == "’s" || w == "’") {
			spans[i].End--
		}
	}
	return spans
}

func groupDocs(sents []conll.Sentence) [][]conll.Sentence {
	var docs [][]conll.Sentence
	for i, s := range sents {
		if i == 0 || s.Doc != sents[i-1].Doc {
			docs = append(docs, nil)
		}
		docs[len(docs)-1] = append(docs[len(docs)-1], s)
	}
	return docs
}

func genreKept(name string, genres []string) bool {
	if len(genres) == 0 {
		return true
	}
	for _, g := range genres {
		if strings.HasPrefix(name, g+"/") || name == g {
			return true
		}
	}
	return false
}

// predictedSpans turns a Doc's entities into token spans per sentence,
// keeping the labels that are scored.
func predictedSpans(d *pipeline.Doc, scored map[string]bool) [][]conll.Span {
	out := make([][]conll.Span, len(d.Sentences))
	for _, e := range d.Entities {
		if !scored[e.Label] {
			continue
		}
		// The token that holds the entity's first byte, and its last.
		first := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].End > e.Start })
		last := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].End >= e.End })
		if first >= len(d.Tokens) || last >= len(d.Tokens) {
			continue
		}
		si := d.Tokens[first].Sentence
		s := d.Sentences[si]
		out[si] = append(out[si], conll.Span{Start: first - s.FirstToken, End: last + 1 - s.FirstToken, Label: e.Label})
	}
	return out
}

// Report is a SpanScore as JSON.
type Report struct {
	Labels  map[string]LabelReport `json:"labels"`
	Overall LabelReport            `json:"overall"`
}

// LabelReport is one row of a Report.
type LabelReport struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Gold      int     `json:"gold"`
	Pred      int     `json:"pred"`
	TP        int     `json:"tp"`
}

func labelReport(c Counts) LabelReport {
	return LabelReport{Precision: round4(c.Precision()), Recall: round4(c.Recall()), F1: round4(c.F1()), Gold: c.Gold, Pred: c.Pred, TP: c.TP}
}

func round4(f float64) float64 { return float64(int64(f*1e4+0.5)) / 1e4 }

// Report returns the score as JSON-ready data.
func (s SpanScore) Report() Report {
	r := Report{Labels: map[string]LabelReport{}, Overall: labelReport(s.Overall)}
	for l, c := range s.Labels {
		r.Labels[l] = labelReport(*c)
	}
	return r
}

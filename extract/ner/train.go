package ner

import (
	"errors"

	"github.com/jdkato/prose/v3/tag"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/readout/readout/conll"
	"github.com/readout/readout/eval"
	"github.com/readout/readout/extract/internal/perceptron"
	"github.com/readout/readout/extract/internal/prosetag"
)

// Doc is one training or evaluation document.
type Doc struct {
	Sents [][]string
	POS   [][]string
	Spans [][]conll.Span // labels already mapped to ours (PER, LOC, ORG, MISC)
}

// TagFunc writes the part-of-speech tag of each word of one sentence to
// out (len(out) == len(words)).
type TagFunc func(words, out []string)

// ProseTags returns prose v3's part-of-speech tagger as a TagFunc: the
// tagger the shipped model was trained with.
func ProseTags() (TagFunc, error) {
	tg, err := prosetag.Default()
	if err != nil {
		return nil, err
	}
	return func(words, out []string) {
		toks := make([]tag.Token, len(words))
		for i, w := range words {
			toks[i].Text = w
		}
		tg.TagTokens(toks)
		for i, t := range toks {
			out[i] = t.Tag
		}
	}, nil
}

// DocsFromCoNLL groups corpus sentences into documents by their Doc index,
// maps span labels through labelMap (labels it lacks or maps to "" are
// dropped) and retags POS with tag, which must be the tagger Tag sees at
// inference (the tokens stage's).
func DocsFromCoNLL(sents []conll.Sentence, labelMap map[string]string, tag TagFunc) []Doc {
	var docs []Doc
	for i, s := range sents {
		if i == 0 || s.Doc != sents[i-1].Doc {
			docs = append(docs, Doc{})
		}
		d := &docs[len(docs)-1]
		pos := make([]string, len(s.Words))
		tag(s.Words, pos)
		d.Sents = append(d.Sents, s.Words)
		d.POS = append(d.POS, pos)
		d.Spans = append(d.Spans, conll.MapSpans(conll.Spans(s.Tags), labelMap))
	}
	return docs
}

// TrainOptions tune Train.
type TrainOptions struct {
	Epochs  int    // passes over the training documents; default 10
	Seed    uint64 // shuffling seed
	Buckets int    // weight-table rows, a power of two; default 1<<20
	Scheme  string // SchemeIOB2 (default) or SchemeBILOU
	Bits    int    // stored weight precision: 16 (default) or 8
	// Drop lists types that are learnt but not reported by Tag (MISC: it
	// helps to tell "German" from a place without being output).
	Drop []string
	// Passes is 1 (default) or 2: tag each document twice, the second
	// pass seeing the first pass's types for all mentions of a word form.
	Passes int
	// Runs is the number of perceptrons trained with seeds Seed,
	// Seed+1, ... whose averaged weights are averaged (default 1).
	Runs int
	// Clusters, when set, are stored in the model and their path
	// prefixes become features.
	Clusters *Clusters
	// Ignore lists span labels that give no training signal: their
	// tokens are neither entities nor O (OntoNotes FAC, which CoNLL-2003
	// calls LOC or ORG).
	Ignore []string
	// Info is free text stored in the model header (how it was trained).
	Info string
	// Progress, when set, is called after every epoch with the F1 of the
	// averaged model on dev (0 without dev documents).
	Progress func(epoch int, devF1 float64)
}

// Train learns a model from train; dev only feeds Progress.
func Train(train, dev []Doc, opts TrainOptions) (*Model, error) {
	if opts.Epochs <= 0 {
		opts.Epochs = 10
	}
	if opts.Buckets == 0 {
		opts.Buckets = 1 << 20
	}
	if opts.Scheme == "" {
		opts.Scheme = SchemeIOB2
	}
	if opts.Bits == 0 {
		opts.Bits = 16
	}
	var types []string
	for _, d := range train {
		for _, ss := range d.Spans {
			for _, s := range ss {
				if !slices.Contains(types, s.Label) && !slices.Contains(opts.Ignore, s.Label) {
					types = append(types, s.Label)
				}
			}
		}
	}
	if len(types) == 0 {
		return nil, errors.New("ner: no entities in the training documents")
	}
	slices.Sort(types)
	var output []string
	for _, t := range types {
		if !slices.Contains(opts.Drop, t) {
			output = append(output, t)
		}
	}
	h := header{Version: formatVersion, Scheme: opts.Scheme, Types: types, Output: output,
		Buckets: opts.Buckets, Bits: opts.Bits, Info: opts.Info}
	if opts.Passes == 2 {
		h.Passes = 2
	}
	m, err := newModel(h)
	if err != nil {
		return nil, err
	}
	m.setClusters(opts.Clusters)
	nc := m.codec.nc
	runs := max(1, opts.Runs)
	var sum []float32 // summed averaged weights of the finished runs
	s := newScratch()
	order := make([]int, len(train))
	avg := make([]float32, opts.Buckets*nc)
	for run := 0; run < runs; run++ {
		seed := opts.Seed + uint64(run)
		t := perceptron.NewTrainer(opts.Buckets, nc)
		rng := rand.New(rand.NewPCG(seed, seed^0x5eed5eed5eed5eed))
		for i := range order {
			order[i] = i
		}
		for epoch := 1; epoch <= opts.Epochs; epoch++ {
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			for _, di := range order {
				d := &train[di]
				s.prepare(d.Sents, d.POS, m.gaz, m.clusters())
				for pass := 1; pass <= max(1, opts.Passes); pass++ {
					if pass == 2 {
						s.secondPass(&m.codec)
					}
					for si, words := range d.Sents {
						if len(words) == 0 {
							continue
						}
						s.sentence(si, words, m.gaz, m.titles, m.mask, m.cl)
						s.gold = grow(s.gold, len(words))
						var spans []conll.Span
						if si < len(d.Spans) {
							spans = d.Spans[si]
						}
						m.codec.encode(spans, s.gold)
						for _, sp := range spans {
							if slices.Contains(opts.Ignore, sp.Label) {
								for k := max(0, sp.Start); k < min(sp.End, len(words)); k++ {
									s.gold[k] = noGold
								}
							}
						}
						decodeSent(t.W, 1, &m.codec, m.mask, s, si, len(words), t)
						if pass == 1 && opts.Passes == 2 {
							s.keep(si, len(words))
						}
					}
				}
			}
			if opts.Progress != nil || epoch == opts.Epochs {
				t.Averaged(avg)
				if epoch == opts.Epochs && runs > 1 {
					if sum == nil {
						sum = make([]float32, len(avg))
					}
					for i, v := range avg {
						sum[i] += v
					}
					if run == runs-1 {
						for i, v := range sum {
							avg[i] = v / float32(runs)
						}
					}
				}
				m.quantize(avg)
				if opts.Progress != nil {
					f := 0.0
					if len(dev) > 0 {
						f = m.Score(dev).Overall.F1()
					}
					opts.Progress(epoch, f)
				}
			}
		}
	}
	return m, nil
}

// quantize stores float weights at the model's precision: 16 bits
// linearly with one scale, 8 bits linearly with a scale per bucket (the
// weights of frequent features are orders of magnitude larger than those of
// rare ones, and a bucket's classes are of a size).
func (m *Model) quantize(w []float32) {
	nc := m.codec.nc
	if m.hdr.Bits == 8 {
		m.hdr.Scale = 1
		m.w8 = grow(m.w8, len(w))
		m.rows = grow(m.rows, len(w)/nc)
		for b := range m.rows {
			row := w[b*nc : b*nc+nc]
			mx := float32(0)
			for _, v := range row {
				mx = max(mx, float32(math.Abs(float64(v))))
			}
			sc := mx / 127
			m.rows[b] = sc
			for k, v := range row {
				q := 0.0
				if sc > 0 {
					q = math.Round(float64(v / sc))
				}
				m.w8[b*nc+k] = int8(q)
			}
		}
		return
	}
	m.w16 = grow(m.w16, len(w))
	m.hdr.Scale = perceptron.Quantize16(w, m.w16)
}

// f1 scores the model on docs: exact spans over the labels it reports.
// Score evaluates m on docs, conlleval style, over the labels m reports.
func (m *Model) Score(docs []Doc) eval.SpanScore {
	var sc eval.SpanScore
	for _, d := range docs {
		pred := m.Tag(d.Sents, d.POS)
		for si := range d.Sents {
			var gold, got []conll.Span
			if si < len(d.Spans) {
				for _, g := range d.Spans[si] {
					if slices.Contains(m.labels, g.Label) {
						gold = append(gold, g)
					}
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

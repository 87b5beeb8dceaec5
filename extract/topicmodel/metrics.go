package topicmodel

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
)

// LabelMetrics is the precision, recall and F1 of one label.
type LabelMetrics struct {
	Label     string  `json:"label"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Support   int     `json:"support"`   // gold documents
	Predicted int     `json:"predicted"` // documents given the label
	Correct   int     `json:"correct"`
}

// Metrics scores predictions against gold labels.
//
// Single-label: Accuracy is the share of documents whose predicted label is
// the gold one (the first gold label), MicroF1 equals it, and Confusion
// counts documents by gold label (row) and predicted label (column), in the
// order of Labels.
//
// Multi-label: Labels are the labels scored, those the model knows that
// have at least one gold document (for Reuters-21578 ModApte, the standard
// 90 categories); MicroF1 pools their decisions, MacroF1 averages their F1;
// Accuracy is the share of documents whose predicted label set is their
// gold set exactly; Confusion is nil.
type Metrics struct {
	Docs       int            `json:"docs"`
	MultiLabel bool           `json:"multi_label"`
	Accuracy   float64        `json:"accuracy"`
	MacroF1    float64        `json:"macro_f1"`
	MicroF1    float64        `json:"micro_f1"`
	Labels     []string       `json:"labels"`
	PerLabel   []LabelMetrics `json:"per_label"`
	Confusion  [][]int        `json:"confusion,omitempty"`
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// score computes Metrics from gold and predicted label lists. known is the
// model's labels (for multi-label scoring).
func score(gold, pred [][]string, known []string, multi bool) Metrics {
	mt := Metrics{Docs: len(gold), MultiLabel: multi}
	set := map[string]bool{}
	if multi {
		k := map[string]bool{}
		for _, l := range known {
			k[l] = true
		}
		for _, g := range gold {
			for _, l := range g {
				if k[l] {
					set[l] = true
				}
			}
		}
	} else {
		for _, l := range known {
			set[l] = true
		}
		for i := range gold {
			if len(gold[i]) > 0 {
				set[gold[i][0]] = true
			}
			for _, l := range pred[i] {
				set[l] = true
			}
		}
	}
	for l := range set {
		mt.Labels = append(mt.Labels, l)
	}
	sort.Strings(mt.Labels)
	at := map[string]int{}
	for i, l := range mt.Labels {
		at[l] = i
	}
	per := make([]LabelMetrics, len(mt.Labels))
	for i, l := range mt.Labels {
		per[i].Label = l
	}
	exact := 0
	if !multi {
		mt.Confusion = make([][]int, len(mt.Labels))
		for i := range mt.Confusion {
			mt.Confusion[i] = make([]int, len(mt.Labels))
		}
		for i := range gold {
			g, p := "", ""
			if len(gold[i]) > 0 {
				g = gold[i][0]
			}
			if len(pred[i]) > 0 {
				p = pred[i][0]
			}
			if g == "" || p == "" {
				continue
			}
			mt.Confusion[at[g]][at[p]]++
			per[at[g]].Support++
			per[at[p]].Predicted++
			if g == p {
				per[at[g]].Correct++
				exact++
			}
		}
	} else {
		for i := range gold {
			gs := map[string]bool{}
			for _, l := range gold[i] {
				gs[l] = true
			}
			ps := map[string]bool{}
			for _, l := range pred[i] {
				ps[l] = true
			}
			same := len(gs) == len(ps)
			for l := range ps {
				if !gs[l] {
					same = false
				}
			}
			if same {
				exact++
			}
			for l := range gs {
				if j, ok := at[l]; ok {
					per[j].Support++
					if ps[l] {
						per[j].Correct++
					}
				}
			}
			for l := range ps {
				if j, ok := at[l]; ok {
					per[j].Predicted++
				}
			}
		}
	}
	mt.Accuracy = ratio(exact, len(gold))
	var tc, tp, ts int
	for i := range per {
		lm := &per[i]
		lm.Precision = ratio(lm.Correct, lm.Predicted)
		lm.Recall = ratio(lm.Correct, lm.Support)
		lm.F1 = f1(lm.Precision, lm.Recall)
		mt.MacroF1 += lm.F1
		tc += lm.Correct
		tp += lm.Predicted
		ts += lm.Support
	}
	if len(per) > 0 {
		mt.MacroF1 /= float64(len(per))
	}
	mt.MicroF1 = f1(ratio(tc, tp), ratio(tc, ts))
	mt.PerLabel = per
	return mt
}

// Evaluate scores m on labelled examples.
func Evaluate(m *Model, ex []Example) Metrics {
	a := newAnalyzer(m.bigrams)
	gold := make([][]string, len(ex))
	pred := make([][]string, len(ex))
	for i, e := range ex {
		gold[i] = e.Labels
		pred[i] = m.decide(m.probs(m.vectorize(analyze(a, e.Text))))
	}
	return score(gold, pred, m.labels, m.multiLabel)
}

// Folds splits n examples into k folds, stratified by first label: the
// examples of each label are shuffled with seed and dealt round-robin. It
// returns the fold of each example.
func folds(ex []Example, k int, seed uint64) []int {
	byLabel := map[string][]int{}
	var labels []string
	for i, e := range ex {
		l := ""
		if len(e.Labels) > 0 {
			l = e.Labels[0]
		}
		if _, ok := byLabel[l]; !ok {
			labels = append(labels, l)
		}
		byLabel[l] = append(byLabel[l], i)
	}
	sort.Strings(labels)
	rng := rand.New(rand.NewPCG(seed, seed^0x2545f4914f6cdd1d))
	fold := make([]int, len(ex))
	next := 0
	for _, l := range labels {
		idx := byLabel[l]
		rng.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
		for _, i := range idx {
			fold[i] = next % k
			next++
		}
	}
	return fold
}

// CrossValidate trains on k-1 folds and predicts the k-th, k times, and
// scores the pooled predictions. Folds are stratified by first label and
// shuffled with seed. k < 2 is taken as 5.
func CrossValidate(ex []Example, o Options, k int, seed uint64) Metrics {
	if k < 2 {
		k = 5
	}
	if k > len(ex) {
		k = len(ex)
	}
	if err := o.defaults(); err != nil || len(ex) < 2 {
		return Metrics{Docs: len(ex), MultiLabel: o.MultiLabel}
	}
	a := newAnalyzer(o.Bigrams)
	docs := make([]doc, len(ex))
	gold := make([][]string, len(ex))
	for i, e := range ex {
		docs[i] = doc{feats: analyze(a, e.Text), labels: e.Labels}
		gold[i] = e.Labels
	}
	fold := folds(ex, k, seed)
	pred := make([][]string, len(ex))
	known := map[string]bool{}
	for f := 0; f < k; f++ {
		var tr []doc
		for i := range docs {
			if fold[i] != f {
				tr = append(tr, docs[i])
			}
		}
		m, err := train(tr, o)
		if err != nil {
			continue
		}
		for _, l := range m.labels {
			known[l] = true
		}
		for i := range docs {
			if fold[i] == f {
				pred[i] = m.decide(m.probs(m.vectorize(docs[i].feats)))
			}
		}
	}
	var kl []string
	for l := range known {
		kl = append(kl, l)
	}
	sort.Strings(kl)
	return score(gold, pred, kl, o.MultiLabel)
}

// Table renders the metrics as text: totals, a per-label table and, for a
// single-label evaluation, the confusion matrix.
func (mt Metrics) Table() string {
	var b strings.Builder
	if mt.MultiLabel {
		fmt.Fprintf(&b, "docs %d, labels scored %d\nmicro-F1 %.4f  macro-F1 %.4f  exact-match accuracy %.4f\n", mt.Docs, len(mt.Labels), mt.MicroF1, mt.MacroF1, mt.Accuracy)
	} else {
		fmt.Fprintf(&b, "docs %d\naccuracy %.4f  macro-F1 %.4f\n", mt.Docs, mt.Accuracy, mt.MacroF1)
	}
	w := 5
	for _, l := range mt.Labels {
		w = max(w, len(l))
	}
	fmt.Fprintf(&b, "\n%-*s %9s %9s %9s %7s\n", w, "label", "precision", "recall", "f1", "support")
	for _, lm := range mt.PerLabel {
		fmt.Fprintf(&b, "%-*s %9.4f %9.4f %9.4f %7d\n", w, lm.Label, lm.Precision, lm.Recall, lm.F1, lm.Support)
	}
	if mt.Confusion != nil {
		fmt.Fprintf(&b, "\nconfusion (rows gold, columns predicted)\n%-*s", w, "")
		cw := 6
		for _, l := range mt.Labels {
			cw = max(cw, len(l))
		}
		for _, l := range mt.Labels {
			fmt.Fprintf(&b, " %*s", cw, l)
		}
		b.WriteByte('\n')
		for i, row := range mt.Confusion {
			fmt.Fprintf(&b, "%-*s", w, mt.Labels[i])
			for _, n := range row {
				fmt.Fprintf(&b, " %*d", cw, n)
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}

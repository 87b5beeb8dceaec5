package pos

import (
	"errors"
	"hash/fnv"
	"math/rand/v2"
	"slices"

	"github.com/readout/readout/conll"
	"github.com/readout/readout/extract/internal/perceptron"
)

// Sentence is a tagged training or evaluation sentence.
type Sentence struct {
	Words, Tags []string
}

// FromCoNLL returns the sentences of a corpus that has a POS column, as
// readout's tokenizer would have split them: brackets written as
// brackets ("-LRB-" is "("), and words that the corpus split at a hyphen
// ("pro - democracy", OntoNotes) joined again, tagged as their last part
// ("pro-democracy" NN) or as an adjective when that part is a participle
// ("well-known" JJ), and "to" always TO. Sentences with tags outside the Penn Treebank set
// (OntoNotes "XX" for unanalysed speech) are left out.
func FromCoNLL(sents []conll.Sentence) []Sentence {
	var out []Sentence
next:
	for _, s := range sents {
		var o Sentence
		for i := 0; i < len(s.Words); i++ {
			w, t := s.Words[i], s.POS[i]
			switch t {
			case "", "XX", "VERB", "-X-":
				continue next
			case "-LRB-", "-RRB-":
				w, t = bracket(w), bracket(w)
			case "HYPH":
				if n := len(o.Words); n > 0 && i+1 < len(s.Words) && s.POS[i+1] != "HYPH" {
					o.Words[n-1] += w + s.Words[i+1]
					last := s.POS[i+1]
					if last == "VBN" || last == "VBG" {
						last = "JJ"
					}
					o.Tags[n-1] = last
					i++
					continue
				}
				t = ":"
			case "NFP", "ADD":
				t = "SYM"
			case "IN":
				if w == "to" || w == "To" {
					t = "TO" // the Penn Treebank's "to", which OntoNotes splits into IN and TO
				}
			}
			o.Words = append(o.Words, w)
			o.Tags = append(o.Tags, t)
		}
		if len(o.Words) > 0 {
			out = append(out, o)
		}
	}
	return out
}

func bracket(w string) string {
	switch w {
	case "-LRB-":
		return "("
	case "-RRB-":
		return ")"
	case "-LSB-":
		return "["
	case "-RSB-":
		return "]"
	case "-LCB-":
		return "{"
	case "-RCB-":
		return "}"
	}
	return w
}

// TrainOptions tune Train.
type TrainOptions struct {
	Epochs  int    // passes over the sentences; default 6
	Seed    uint64 // shuffling seed
	Buckets int    // weight-table rows, a power of two; default 1<<16
	// A word seen at least DictMin times with one tag at least DictShare
	// of the time is tagged from the dictionary; defaults 20 and 0.97.
	DictMin   int
	DictShare float64
	Info      string // stored in the model header
}

// Train learns a tagger from sentences.
func Train(train []Sentence, opts TrainOptions) (*Model, error) {
	if opts.Epochs <= 0 {
		opts.Epochs = 6
	}
	if opts.Buckets == 0 {
		opts.Buckets = 1 << 16
	}
	if opts.Buckets < 64 || opts.Buckets&(opts.Buckets-1) != 0 {
		return nil, errors.New("pos: buckets must be a power of two, at least 64")
	}
	if opts.DictMin == 0 {
		opts.DictMin = 20
	}
	if opts.DictShare == 0 {
		opts.DictShare = 0.97
	}
	var tags []string
	counts := map[string]map[string]int{}
	for _, s := range train {
		for i, w := range s.Words {
			t := s.Tags[i]
			if !slices.Contains(tags, t) {
				tags = append(tags, t)
			}
			if counts[w] == nil {
				counts[w] = map[string]int{}
			}
			counts[w][t]++
		}
	}
	if len(tags) == 0 {
		return nil, errors.New("pos: no tagged words to train on")
	}
	if len(tags) > 255 {
		return nil, errors.New("pos: more than 255 tags")
	}
	slices.Sort(tags)
	closed := map[string][]string{}
	for w, byTag := range counts {
		for t := range byTag {
			if n := normalize(w); !openTags[t] && !slices.Contains(closed[n], t) {
				closed[n] = append(closed[n], t)
			}
		}
	}
	for _, ts := range closed {
		slices.Sort(ts)
	}
	m := newModel(header{Version: formatVersion, Tags: tags, Buckets: opts.Buckets, Info: opts.Info, Closed: closed})
	for w, byTag := range counts {
		n, top, best := 0, 0, ""
		for t, c := range byTag {
			n += c
			if c > top || c == top && t < best {
				top, best = c, t
			}
		}
		if n >= opts.DictMin && float64(top) >= opts.DictShare*float64(n) {
			m.dict[w] = uint8(slices.Index(tags, best))
		}
	}
	class := map[string]uint8{}
	for k, t := range tags {
		class[t] = uint8(k)
	}
	tr := perceptron.NewTrainer(opts.Buckets, m.nc)
	rng := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x5eed5eed5eed5eed))
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	s := &scratch{scores: make([]float32, m.nc)}
	var gold []uint8
	for range opts.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			sent := train[si]
			gold = gold[:0]
			for _, t := range sent.Tags {
				gold = append(gold, class[t])
			}
			m.decode(s, sent.Words, func(int, int) {}, tr, gold)
		}
	}
	avg := make([]float32, len(tr.W))
	tr.Averaged(avg)
	m.w16 = make([]int16, len(avg))
	m.hdr.Scale = perceptron.Quantize16(avg, m.w16)
	m.w = perceptron.Dense16(m.w16)
	return m, nil
}

// Accuracy is the share of words of sents that tag gives their gold tag;
// tag fills its second argument with the tags of its first.
func Accuracy(sents []Sentence, tag func(words, out []string)) float64 {
	right, all := 0, 0
	var out []string
	for _, s := range sents {
		out = slices.Grow(out[:0], len(s.Words))[:len(s.Words)]
		tag(s.Words, out)
		for i, t := range s.Tags {
			if out[i] == t {
				right++
			}
			all++
		}
	}
	if all == 0 {
		return 0
	}
	return float64(right) / float64(all)
}

// TrainFolds trains k taggers on the sentences of a corpus, each without
// one part of them (a sentence's part is a hash of its words), and
// returns a tagger that tags a sentence with the one that did not see it.
// Training another model (the entity tagger) on a corpus tagged this way
// teaches it tags as good as it will meet in unseen text, not the better
// tags of sentences the tagger learnt from.
func TrainFolds(sents []conll.Sentence, k int, opts TrainOptions) (func(words, out []string), error) {
	if k < 2 {
		return nil, errors.New("pos: at least two folds")
	}
	// Each sentence rewritten once, with the fold of its corpus words.
	var all []Sentence
	var folds []int
	for _, s := range sents {
		if r := FromCoNLL([]conll.Sentence{s}); len(r) == 1 {
			all = append(all, r[0])
			folds = append(folds, foldOf(s.Words, k))
		}
	}
	models := make([]*Model, k)
	for f := range models {
		var part []Sentence
		for i, s := range all {
			if folds[i] != f {
				part = append(part, s)
			}
		}
		m, err := Train(part, opts)
		if err != nil {
			return nil, err
		}
		models[f] = m
	}
	return func(words, out []string) { models[foldOf(words, k)].Tag(words, out) }, nil
}

// foldOf is the part of k a sentence falls in.
func foldOf(words []string, k int) int {
	h := fnv.New32a()
	for _, w := range words {
		h.Write([]byte(w))
		h.Write([]byte{0})
	}
	return int(h.Sum32() % uint32(k))
}

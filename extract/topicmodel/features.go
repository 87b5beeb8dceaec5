package topicmodel

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// Bigram modes: which word pairs become features besides the unigrams.
const (
	// BigramsNone: unigrams only.
	BigramsNone = 0
	// BigramsContent: pairs of neighbouring content words once stop words are
	// dropped ("rate cut" in "the rate was cut" is not one, "cut rate" in
	// "cut the rate" is).
	BigramsContent = 1
	// BigramsAll: pairs of neighbouring words, stop words included ("of oil").
	BigramsAll = 2
)

// stopWords are dropped as unigrams (and, with BigramsContent, from bigrams).
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at be
	because been before being below between both but by can could did do does doing down during each
	few for from further had has have having he her here hers herself him himself his how if in into is
	it its itself just me more most my myself no nor not now of off on once only or other our ours
	ourselves out over own same she should so some such than that the their theirs them themselves then
	there these they this those through to too under until up very was we were what when where which
	while who whom why will with would you your yours yourself yourselves said says say mr mrs ms`) {
		m[w] = true
	}
	return m
}()

// analyzer turns text into feature strings: stems of lowercased letter and
// digit runs of at least 2 characters, stop words dropped, and bigrams of
// stems joined by a space. It caches stems, so one analyzer must not be
// used by two goroutines at once.
type analyzer struct {
	bigrams int
	cache   map[string]string
}

func newAnalyzer(bigrams int) *analyzer {
	return &analyzer{bigrams: bigrams, cache: map[string]string{}}
}

type token struct {
	stem string
	stop bool
}

// tokens returns the stemmed tokens of text in order.
func (a *analyzer) tokens(text string) []token {
	var out []token
	var b strings.Builder
	flush := func() {
		if b.Len() == 0 {
			return
		}
		w := b.String()
		b.Reset()
		if utf8.RuneCountInString(w) < 2 {
			return
		}
		st, ok := a.cache[w]
		if !ok {
			st = stem(w)
			if len(a.cache) < 1<<20 {
				a.cache[w] = st
			}
		}
		out = append(out, token{stem: st, stop: stopWords[w]})
	}
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		flush()
	}
	flush()
	return out
}

// stem returns the snowball English stem of a lowercase word; words with
// characters other than ASCII letters are kept as they are, but for
// stemming's sake.
func stem(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return w
		}
	}
	return english.Stem(w, false)
}

// features returns the feature strings of text, with repeats.
func (a *analyzer) features(text string) []string {
	toks := a.tokens(text)
	out := make([]string, 0, 2*len(toks))
	prev := ""
	for i, t := range toks {
		if !t.stop {
			out = append(out, t.stem)
		}
		switch a.bigrams {
		case BigramsContent:
			if t.stop {
				continue
			}
			if prev != "" {
				out = append(out, prev+" "+t.stem)
			}
			prev = t.stem
		case BigramsAll:
			if i > 0 && !(t.stop && toks[i-1].stop) {
				out = append(out, toks[i-1].stem+" "+t.stem)
			}
		}
	}
	return out
}

package pos

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/jdkato/prose/v3/tag"

	"github.com/readout/readout/conll"
)

func TestShippedModelTags(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		{"The minister said on Monday that talks would resume .", "DT NN VBD IN NNP IN NNS MD VB ."},
		{"Ana Ruiz , Chile 's foreign minister , arrived in Lima .", "NNP NNP , NNP POS JJ NN , VBD IN NNP ."},
		{"Prices rose 4.5 % in 2019 .", "NNS VBD CD NN IN CD ."},
	} {
		words := strings.Fields(tc.text)
		out := make([]string, len(words))
		m.Tag(words, out)
		if got := strings.Join(out, " "); got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.text, got, tc.want)
		}
	}
}

// TestTrainWriteRead: a model trained on a few sentences tags them back,
// and reads back from its bytes with the same tags.
func TestTrainWriteRead(t *testing.T) {
	train := []Sentence{
		{strings.Fields("the dog barks ."), strings.Fields("DT NN VBZ .")},
		{strings.Fields("a cat sleeps ."), strings.Fields("DT NN VBZ .")},
		{strings.Fields("the cats sleep ."), strings.Fields("DT NNS VBP .")},
	}
	m, err := Train(train, TrainOptions{Epochs: 5, Buckets: 1 << 10, DictMin: 2})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := m.Write(&b); err != nil {
		t.Fatal(err)
	}
	m2, err := ReadBytes(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for _, mm := range []*Model{m, m2} {
		if acc := Accuracy(train, mm.Tag); acc != 1 {
			t.Errorf("accuracy on the training sentences %.3f, want 1", acc)
		}
	}
	if _, err := ReadBytes(b.Bytes()[:40]); err == nil {
		t.Error("a cut model was read")
	}
}

func TestFromCoNLL(t *testing.T) {
	s := FromCoNLL([]conll.Sentence{
		{Words: strings.Fields("a pro - democracy group -LRB- big -RRB-"), POS: strings.Fields("DT NN HYPH NN NN -LRB- JJ -RRB-")},
		{Words: strings.Fields("a well - known man"), POS: strings.Fields("DT RB HYPH VBN NN")},
		{Words: strings.Fields("uh huh"), POS: strings.Fields("XX XX")},
	})
	if len(s) != 2 {
		t.Fatalf("%d sentences, want 2 (the one with XX left out)", len(s))
	}
	if got := strings.Join(s[0].Words, " ") + " / " + strings.Join(s[0].Tags, " "); got != "a pro-democracy group ( big ) / DT NN NN ( JJ )" {
		t.Errorf("got %s", got)
	}
	if got := strings.Join(s[1].Tags, " "); got != "DT JJ NN" {
		t.Errorf("well-known: got %s, want DT JJ NN", got)
	}
}

// benchSentences are the reference article's lines split at spaces.
func benchSentences(b *testing.B) [][]string {
	data, err := os.ReadFile("../../testdata/egypt-russia-cairo.txt")
	if err != nil {
		b.Fatal(err)
	}
	var out [][]string
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			out = append(out, f)
		}
	}
	return out
}

func BenchmarkTag(b *testing.B) {
	sents := benchSentences(b)
	words := 0
	for _, s := range sents {
		words += len(s)
	}
	b.Run("readout", func(b *testing.B) {
		m, err := Default()
		if err != nil {
			b.Fatal(err)
		}
		out := make([]string, 200)
		for range b.N {
			for _, s := range sents {
				m.Tag(s, out[:len(s)])
			}
		}
		b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
	})
	b.Run("prose", func(b *testing.B) {
		tg, err := tag.New()
		if err != nil {
			b.Fatal(err)
		}
		toks := make([]tag.Token, 200)
		for range b.N {
			for _, s := range sents {
				ts := toks[:len(s)]
				for i, w := range s {
					ts[i] = tag.Token{Text: w}
				}
				tg.TagTokens(ts)
			}
		}
		b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
	})
}

// TestClosedClasses: a word joins a closed class (a conjunction, a
// pronoun, a preposition) only where training saw it there; an open
// class takes any word.
func TestClosedClasses(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		word, tag string
		want      bool
	}{
		{"and", "CC", true}, {"The", "DT", true}, {"of", "IN", true}, {"she", "PRP", true},
		{"backbencher", "CC", false}, {"boss", "IN", false}, {"frontbencher", "PRP", false},
		{"backbencher", "NN", true}, {"Zorvath", "NNP", true},
	} {
		if got := m.Allows(tc.word, tc.tag); got != tc.want {
			t.Errorf("Allows(%q, %q) = %v, want %v", tc.word, tc.tag, got, tc.want)
		}
	}
	words := strings.Fields("Tory backbencher Ana Ruiz and frontbencher Tom Berg met the boss .")
	out := make([]string, len(words))
	m.Tag(words, out)
	for i, w := range words {
		if !m.Allows(w, out[i]) {
			t.Errorf("%q tagged %s, a closed class training never put it in", w, out[i])
		}
	}
	// A model trained with no closed list (an older file) shuts no class.
	old := newModel(header{Tags: []string{"CC", "NN"}, Buckets: 64})
	if !old.Allows("backbencher", "CC") {
		t.Error("a model without a closed list refused a class")
	}
}

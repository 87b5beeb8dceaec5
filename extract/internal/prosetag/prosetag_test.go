package prosetag

import (
	"bufio"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tag/aptagmodel"
)

// sameTags tags each sentence with prose's tagger and with the Model and
// fails on the first sentence where they differ. It returns the words
// compared.
func sameTags(t *testing.T, sents [][]string) int {
	t.Helper()
	pt, err := tag.New()
	if err != nil {
		t.Fatal(err)
	}
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, words := range sents {
		want, got := pt.Tag(words), make([]tag.Token, len(words))
		for i, w := range words {
			got[i].Text = w
		}
		m.TagTokens(got)
		for i := range words {
			if got[i].Tag != want[i].Tag {
				t.Fatalf("%q: word %d %q tagged %s, prose says %s", strings.Join(words, " "), i, words[i], got[i].Tag, want[i].Tag)
			}
		}
		n += len(words)
	}
	return n
}

// TestSameTagsAsProse: invented sentences, prose's special words
// (emoticons, traces, bracket tokens, handles, hyphens, years), and
// random sequences of words from them, where unseen contexts and ties
// between scores are common.
func TestSameTagsAsProse(t *testing.T) {
	sents := [][]string{
		strings.Fields("The minister of trade met her Chilean counterpart in Oslo on Tuesday ."),
		strings.Fields("Talks on the gas pipeline , which opened in 1998 , stalled again ."),
		strings.Fields("SHARES OF ACME ROSE 3.5 PCT TO 41-1/2 IN EARLY TRADING"),
		strings.Fields("Tory backbencher Ivo Brandt said : `` We will not back the well-known plan '' ."),
		strings.Fields(":-) @reader -LRB- 0 *T*-1 * *-2 *EXP*-3 -RRB- - -LCB- -NONE- ¯\\(ツ)/¯ @_@ xD"),
		strings.Fields("Ünal Köse , 54 , İstanbul's mayor , said ÇAYKUR would sell 2,000 tonnes"),
		{"-"}, {"2024"}, {"+123"}, {"-123"}, {"9mm"}, {"ACME-led"}, {"-ish"}, {"A"}, {"."},
	}
	var vocab []string
	for _, s := range sents {
		vocab = append(vocab, s...)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		words := make([]string, 1+rng.IntN(12))
		for i := range words {
			words[i] = vocab[rng.IntN(len(vocab))]
		}
		sents = append(sents, words)
	}
	if n := sameTags(t, sents); n < 15000 {
		t.Fatalf("only %d words compared", n)
	}
}

// TestSameTagsOnCorpora compares the tags of every sentence of the
// shared CoNLL-2003 development split and the development articles.
func TestSameTagsOnCorpora(t *testing.T) {
	var sents [][]string
	f, err := os.Open("../../../../shared/data/ner/conll2003/valid.txt")
	if err != nil {
		t.Skip("../shared/data is absent: the corpora comparison needs CoNLL-2003 dev")
	}
	defer f.Close()
	var cur []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 || fields[0] == "-DOCSTART-" {
			if len(cur) > 0 {
				sents = append(sents, cur)
			}
			cur = nil
			continue
		}
		cur = append(cur, fields[0])
	}
	texts, _ := filepath.Glob("../../../../shared/data/articles/*.txt")
	for _, p := range texts {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if words := strings.Fields(line); len(words) > 0 {
				sents = append(sents, words)
			}
		}
	}
	if n := sameTags(t, sents); n < 50000 {
		t.Fatalf("only %d words compared", n)
	}
}

func BenchmarkTag(b *testing.B) {
	pt, _ := tag.New()
	m, _ := Default()
	words := strings.Fields("The minister of trade met her Chilean counterpart in Oslo on Tuesday , and talks on the gas pipeline stalled again .")
	toks := make([]tag.Token, len(words))
	for i, w := range words {
		toks[i].Text = w
	}
	b.Run("prose", func(b *testing.B) {
		for b.Loop() {
			pt.TagTokens(toks)
		}
		b.ReportMetric(float64(len(words)*b.N)/b.Elapsed().Seconds(), "words/s")
	})
	b.Run("prosetag", func(b *testing.B) {
		for b.Loop() {
			m.TagTokens(toks)
		}
		b.ReportMetric(float64(len(words)*b.N)/b.Elapsed().Seconds(), "words/s")
	})
}

func TestReadRejects(t *testing.T) {
	good := aptagmodel.English
	for name, data := range map[string][]byte{
		"empty":     nil,
		"not prose": []byte("PROSETAX\x01\x00\x00\x00"),
		"version":   append([]byte("PROSETAG\x02\x00\x00\x00"), good[12:]...),
		"truncated": good[:len(good)/2],
		"classes":   append([]byte("PROSETAG\x01\x00\x00\x00\xff\xff\xff\x7f"), good[16:]...),
	} {
		if _, err := Read(data); err == nil {
			t.Errorf("%s: read without an error", name)
		}
	}
	if _, err := Read(good); err != nil {
		t.Errorf("prose's model: %v", err)
	}
}

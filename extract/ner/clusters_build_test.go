//go:build nertrain

package ner

import (
	"bufio"
	"fmt"
	"html"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/jdkato/prose/v3/tokenize"

	"github.com/readout/readout/conll"
)

// TestBuildClusters learns word clusters from unlabelled text and writes them
// as "word<TAB>path" lines (most frequent word first) to NER_CLUSTERS_OUT:
//
//	NER_CLUSTERS_OUT=/tmp/ner/clusters.tsv go test -tags nertrain -run TestBuildClusters -timeout 0 -v ./extract/ner/
//
// Method: each of the NER_CL_VOCAB most frequent word forms (case kept) gets
// a context vector over its neighbours at -2, -1, +1, +2 (the 2,000 most
// frequent lower-cased forms, other words by short shape), weighted by PPMI
// (context counts smoothed with exponent 0.75), randomly projected to 256
// dimensions and normalised; spherical k-means then splits the words
// hierarchically 16 ways and then 4 ways per level, and a word's path (4 bits,
// then 2 per level) works like a Brown-cluster bit string.
//
// Text: the token streams of the training corpora (CoNLL-2003 train,
// OntoNotes train, all genres; GMB; WikiANN train) and the BBC and
// Reuters-21578 texts under NER_TOPICS, tokenized with prose.
func TestBuildClusters(t *testing.T) {
	out := os.Getenv("NER_CLUSTERS_OUT")
	if out == "" {
		t.Skip("NER_CLUSTERS_OUT not set")
	}
	start := time.Now()
	dir := env("NER_DATA", "../../../shared/data/ner")
	topics := env("NER_TOPICS", "../../../shared/data/topics")
	var stream [][]string // sentences or texts
	for _, f := range []string{"conll2003/train.txt", "ontonotes5/train.ner.txt", "gmb/ner_dataset.utf8.conll", "wikiann_en/train.txt"} {
		ss, err := conll.ReadFile(dir + "/" + f)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range ss {
			stream = append(stream, s.Words)
		}
	}
	tk := tokenize.New()
	tok := func(text string) {
		for _, para := range strings.Split(text, "\n") {
			if strings.TrimSpace(para) == "" {
				continue
			}
			var w []string
			for _, x := range tk.Tokenize(para) {
				w = append(w, x.Text)
			}
			stream = append(stream, w)
		}
	}
	filepath.WalkDir(topics+"/bbc", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			b, _ := os.ReadFile(p)
			tok(string(b))
		}
		return nil
	})
	body := regexp.MustCompile(`(?s)<BODY>(.*?)</BODY>`)
	sgm, _ := filepath.Glob(topics + "/reuters21578/*.sgm")
	for _, p := range sgm {
		b, _ := os.ReadFile(p)
		for _, m := range body.FindAllSubmatch(b, -1) {
			txt := html.UnescapeString(string(m[1]))
			txt = strings.TrimSuffix(strings.TrimSpace(txt), "Reuter")
			// Reuters wraps lines; paragraphs are indented.
			txt = strings.ReplaceAll(txt, "\n    ", "\n\n")
			txt = strings.ReplaceAll(txt, "\n", " ")
			tok(txt)
		}
	}
	ntok := 0
	freq := map[string]int{}
	lfreq := map[string]int{}
	for _, s := range stream {
		ntok += len(s)
		for _, w := range s {
			freq[w]++
			lfreq[strings.ToLower(w)]++
		}
	}
	t.Logf("%d sentences, %d tokens, %d forms (%v)", len(stream), ntok, len(freq), time.Since(start))
	vocab := sortedByFreq(freq)
	V := min(envInt("NER_CL_VOCAB", 50000), len(vocab))
	for V > 0 && freq[vocab[V-1]] < envInt("NER_CL_MIN", 3) {
		V--
	}
	vocab = vocab[:V]
	wid := map[string]int{}
	for i, w := range vocab {
		wid[w] = i
	}
	const C = 2000
	const nShape = 6
	cvocab := sortedByFreq(lfreq)[:C]
	cid := map[string]int{}
	for i, w := range cvocab {
		cid[w] = i
	}
	ctxOf := func(w string) int {
		if i, ok := cid[strings.ToLower(w)]; ok {
			return i
		}
		r := []rune(w)
		switch {
		case unicode.IsUpper(r[0]) && len(r) > 1 && unicode.IsUpper(r[1]):
			return C
		case unicode.IsUpper(r[0]):
			return C + 1
		case unicode.IsLower(r[0]):
			return C + 2
		case unicode.IsDigit(r[0]):
			return C + 3
		}
		return C + 4
	}
	per := C + nShape // contexts per position; C+5 is the sentence boundary
	D := 4 * per
	var pairs []uint64
	ctxCount := make([]float64, D)
	for _, s := range stream {
		cs := make([]int, len(s))
		for i, w := range s {
			cs[i] = ctxOf(w)
		}
		for i, w := range s {
			id, ok := wid[w]
			if !ok {
				continue
			}
			for k, off := range []int{-2, -1, 1, 2} {
				c := C + 5
				if j := i + off; j >= 0 && j < len(s) {
					c = cs[j]
				}
				c += k * per
				pairs = append(pairs, uint64(id)<<20|uint64(c))
				ctxCount[c]++
			}
		}
	}
	slices.Sort(pairs)
	tot := 0.0
	for c := range ctxCount {
		ctxCount[c] = math.Pow(ctxCount[c], 0.75)
		tot += ctxCount[c]
	}
	// Sparse PPMI rows, normalised.
	wcount := make([]float64, V)
	for _, p := range pairs {
		wcount[p>>20]++
	}
	rows := make([]sparseRow, V)
	for i := 0; i < len(pairs); {
		j := i
		for j < len(pairs) && pairs[j] == pairs[i] {
			j++
		}
		w, c := int(pairs[i]>>20), int(pairs[i]&(1<<20-1))
		pmi := math.Log(float64(j-i) * tot / (wcount[w] * ctxCount[c]))
		if pmi > 0 {
			rows[w].idx = append(rows[w].idx, int32(c))
			rows[w].val = append(rows[w].val, float32(pmi))
		}
		i = j
	}
	for w := range rows {
		normalize(rows[w].val)
	}
	rng := rand.New(rand.NewPCG(11, 12))
	t.Logf("%d words, %d pairs, PPMI rows (%v)", V, len(pairs), time.Since(start))
	branch := []int{16, 4, 4, 4, 4}
	bits := []int{4, 2, 2, 2, 2}
	paths := make([]uint32, V)
	var split func(members []int, level int)
	split = func(members []int, level int) {
		if level == len(branch) {
			return
		}
		k := branch[level]
		if len(members) < 2*k {
			for _, m := range members {
				paths[m] <<= bits[level]
			}
			split(members, level+1)
			return
		}
		assign := kmeans(rows, D, members, k, rng)
		groups := make([][]int, k)
		for i, m := range members {
			paths[m] = paths[m]<<bits[level] | uint32(assign[i])
			groups[assign[i]] = append(groups[assign[i]], m)
		}
		for _, g := range groups {
			split(g, level+1)
		}
	}
	all := make([]int, V)
	for i := range all {
		all[i] = i
	}
	split(all, 0)
	t.Logf("clustered (%v)", time.Since(start))
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	bw := bufio.NewWriter(f)
	fmt.Fprintf(bw, "#bits\t12\n")
	for i, w := range vocab {
		fmt.Fprintf(bw, "%s\t%d\n", w, paths[i])
	}
	bw.Flush()
	f.Close()
	// A few neighbourhoods to eyeball.
	byPath := map[uint32][]string{}
	for i, w := range vocab {
		byPath[paths[i]] = append(byPath[paths[i]], w)
	}
	for _, w := range []string{"Germany", "Clinton", "Reuters", "Monday", "company", "Leicestershire", "GERMANY", "Microsoft"} {
		if i, ok := wid[w]; ok {
			g := byPath[paths[i]]
			t.Logf("%s %012b: %v", w, paths[i], g[:min(15, len(g))])
		}
	}
}

func sortedByFreq(freq map[string]int) []string {
	out := make([]string, 0, len(freq))
	for w := range freq {
		out = append(out, w)
	}
	slices.SortFunc(out, func(a, b string) int {
		if freq[a] != freq[b] {
			return freq[b] - freq[a]
		}
		return strings.Compare(a, b)
	})
	return out
}

func normalize(v []float32) {
	s := 0.0
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	if s == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(s))
	for i := range v {
		v[i] *= inv
	}
}

type sparseRow struct {
	idx []int32
	val []float32
}

func (r sparseRow) dot(c []float32) float32 {
	s := float32(0)
	for i, x := range r.idx {
		s += r.val[i] * c[x]
	}
	return s
}

// kmeans runs spherical k-means (k-means++ seeding) over the members' rows.
func kmeans(rows []sparseRow, dim int, members []int, k int, rng *rand.Rand) []int {
	cent := make([]float32, k*dim)
	set := func(c int, r sparseRow) {
		cc := cent[c*dim : c*dim+dim]
		clear(cc)
		for i, x := range r.idx {
			cc[x] = r.val[i]
		}
	}
	set(0, rows[members[rng.IntN(len(members))]])
	dist := make([]float64, len(members))
	for i := range dist {
		dist[i] = math.Inf(1)
	}
	for c := 1; c < k; c++ {
		tot := 0.0
		prev := cent[(c-1)*dim : c*dim]
		for i, m := range members {
			d := float64(1 - rows[m].dot(prev))
			dist[i] = min(dist[i], d*d)
			tot += dist[i]
		}
		x := rng.Float64() * tot
		pick := len(members) - 1
		for i := range dist {
			x -= dist[i]
			if x <= 0 {
				pick = i
				break
			}
		}
		set(c, rows[members[pick]])
	}
	assign := make([]int, len(members))
	for it := 0; it < 20; it++ {
		changed := 0
		for i, m := range members {
			best, bs := 0, float32(-2)
			for c := 0; c < k; c++ {
				if s := rows[m].dot(cent[c*dim : c*dim+dim]); s > bs {
					best, bs = c, s
				}
			}
			if assign[i] != best || it == 0 {
				changed++
			}
			assign[i] = best
		}
		clear(cent)
		for i, m := range members {
			c := cent[assign[i]*dim : assign[i]*dim+dim]
			for j, x := range rows[m].idx {
				c[x] += rows[m].val[j]
			}
		}
		for c := 0; c < k; c++ {
			normalize(cent[c*dim : c*dim+dim])
		}
		if changed == 0 {
			break
		}
	}
	return assign
}

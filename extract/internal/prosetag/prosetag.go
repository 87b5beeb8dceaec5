// Package prosetag tags words as prose v3's part-of-speech tagger does, with
// prose's own model, and gives the same tags at about three times the
// speed. prose finds each feature's weights by a binary search over 75,000
// sorted strings, which is most of its tagging time; this package sorts
// the features by template at load, so that a sentence looks each of its
// words up once and a tag is a small number. Everything else (the
// features, their order, the float32 sums, ties) is prose's, and a test
// holds the two to the same tags.
package prosetag

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unsafe"

	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tag/aptagmodel"
)

// Model is prose's averaged perceptron (its flat format: features sorted
// in one string, their weights in sparse rows), with its features indexed
// by template and value at load.
type Model struct {
	classes  []string
	pairOff  []uint32 // feature i's weights are classIDs/weights[pairOff[i]:pairOff[i+1]]
	classIDs []uint8
	weights  []float32
	tagMap   map[string]uint8 // words tagged without scoring

	feats   templates
	scratch sync.Pool // *sentence
}

// templates finds each of prose's feature templates' features by value:
// a word's five positional features in one lookup, so that a sentence
// looks each word up once; tags by a small id. -1 is a feature the model
// lacks.
type templates struct {
	bias     []float32        // the "bias" feature's weights, every class
	classTag []int32          // class -> tag id
	words    map[string]int32 // -> index in wordFeats
	wordFeat []wordFeats
	tagWord  []tagFeat           // the "i-1 tag+i word" features, by word
	suffixes map[string][3]int32 // "i suffix", "i-1 suffix", "i+1 suffix"
	pref1    map[string]int32
	tagIDs   map[string]int32 // tags the features name -> id
	tag      [][2]int32       // by tag id: "i-1 tag", "i-2 tag"
	tagTag   []int32          // "i tag+i-2 tag", at id(i-1)*len(tag)+id(i-2)
	start    [2]int32         // the ids of the tags before a sentence
}

// wordFeats are one word's features: "i word", "i-1 word", "i-2 word",
// "i+1 word", "i+2 word", and its "i-1 tag+i word" features.
type wordFeats struct {
	at           [5]int32
	tagLo, tagHi int32 // in templates.tagWord
}

type tagFeat struct{ tag, feat int32 }

var noWord = wordFeats{at: [5]int32{-1, -1, -1, -1, -1}}

// Default returns prose's built-in English model, read once.
var Default = sync.OnceValues(func() (*Model, error) { return Read(aptagmodel.English) })

// Read decodes a model in prose's flat format. The model keeps data (its
// feature strings and weights are read where they lie), which must not
// change afterwards.
func Read(data []byte) (*Model, error) {
	r := &reader{b: data}
	if string(r.bytes(8)) != "PROSETAG" {
		return nil, errors.New("prosetag: not a prose tagger model")
	}
	if v := r.u32(); v != 1 {
		return nil, fmt.Errorf("prosetag: model version %d, want 1", v)
	}
	m := &Model{}
	nc := int(r.u32())
	if nc > 256 { // class ids are bytes
		return nil, fmt.Errorf("prosetag: %d classes, at most 256", nc)
	}
	m.classes = make([]string, nc)
	for i := range m.classes {
		m.classes[i] = r.str16()
	}
	nFeatures, nPairs, blobLen := int(r.u32()), int(r.u32()), int(r.u32())
	b := r.bytes(blobLen)
	blob := unsafe.String(unsafe.SliceData(b), len(b)) // the feature strings, where they lie
	featOff := r.u32s(nFeatures + 1)                   // feature i is blob[featOff[i]:featOff[i+1]]
	m.pairOff = r.u32s(nFeatures + 1)
	m.classIDs = r.bytes(nPairs)
	m.weights = float32s(r.bytes(4 * nPairs))
	n := int(r.u32())
	if n > len(data) {
		return nil, fmt.Errorf("prosetag: %d tagged words in %d bytes", n, len(data))
	}
	m.tagMap = make(map[string]uint8, n)
	for range n {
		w := r.str16()
		m.tagMap[w] = r.u8()
	}
	if r.err != nil {
		return nil, fmt.Errorf("prosetag: %w", r.err)
	}
	if err := m.check(blob, featOff); err != nil {
		return nil, err
	}
	if err := m.index(blob, featOff); err != nil {
		return nil, err
	}
	return m, nil
}

// check holds the model to what tagging relies on: offsets in range, and
// classes that exist.
func (m *Model) check(blob string, featOff []uint32) error {
	last := len(featOff) - 1
	if len(m.pairOff) != len(featOff) || len(m.weights) != len(m.classIDs) {
		return errors.New("prosetag: offsets past the model's data")
	}
	for i := range last {
		if featOff[i] > featOff[i+1] || m.pairOff[i] > m.pairOff[i+1] {
			return fmt.Errorf("prosetag: feature %d out of order", i)
		}
	}
	if last < 0 || int(featOff[last]) > len(blob) || int(m.pairOff[last]) > len(m.classIDs) {
		return errors.New("prosetag: offsets past the model's data")
	}
	for _, id := range m.classIDs {
		if int(id) >= len(m.classes) {
			return fmt.Errorf("prosetag: class %d of %d", id, len(m.classes))
		}
	}
	for _, id := range m.tagMap {
		if int(id) >= len(m.classes) {
			return fmt.Errorf("prosetag: class %d of %d", id, len(m.classes))
		}
	}
	return nil
}

// index sorts the features by template. Two-part values ("i tag+i-2 tag
// NN DT") are cut at their first space: tags hold none.
func (m *Model) index(blob string, featOff []uint32) error {
	t := &m.feats
	nf := len(featOff) - 1
	*t = templates{words: make(map[string]int32, nf/4), suffixes: map[string][3]int32{},
		pref1: map[string]int32{}, tagIDs: map[string]int32{}}
	tagID := func(tag string) int32 {
		id, ok := t.tagIDs[tag]
		if !ok {
			id = int32(len(t.tag))
			t.tagIDs[tag] = id
			t.tag = append(t.tag, [2]int32{-1, -1})
		}
		return id
	}
	wordID := func(w string) int32 {
		id, ok := t.words[w]
		if !ok {
			id = int32(len(t.wordFeat))
			t.words[w] = id
			t.wordFeat = append(t.wordFeat, noWord)
		}
		return id
	}
	word := func(w string) *wordFeats { return &t.wordFeat[wordID(w)] }
	suffix := func(sfx string, k int, f int32) {
		v, ok := t.suffixes[sfx]
		if !ok {
			v = [3]int32{-1, -1, -1}
		}
		v[k] = f
		t.suffixes[sfx] = v
	}
	type pending struct {
		word int32 // in wordFeat
		tagFeat
	}
	tagWords := make([]pending, 0, nf/2)
	var tagTags [][3]int32
	for i := range nf {
		f, id := blob[featOff[i]:featOff[i+1]], int32(i)
		cut := func(prefix string) (string, bool) { return strings.CutPrefix(f, prefix) }
		if v, ok := cut("i-1 tag+i word "); ok {
			tg, w, found := strings.Cut(v, " ")
			if !found {
				return fmt.Errorf("prosetag: feature %q has no word", f)
			}
			tagWords = append(tagWords, pending{wordID(w), tagFeat{tagID(tg), id}})
		} else if v, ok := cut("i tag+i-2 tag "); ok {
			a, b, found := strings.Cut(v, " ")
			if !found {
				return fmt.Errorf("prosetag: feature %q has one tag", f)
			}
			tagTags = append(tagTags, [3]int32{tagID(a), tagID(b), id})
		} else if v, ok := cut("i-1 tag "); ok {
			t.tag[tagID(v)][0] = id
		} else if v, ok := cut("i-2 tag "); ok {
			t.tag[tagID(v)][1] = id
		} else if v, ok := cut("i word "); ok {
			word(v).at[0] = id
		} else if v, ok := cut("i-1 word "); ok {
			word(v).at[1] = id
		} else if v, ok := cut("i-2 word "); ok {
			word(v).at[2] = id
		} else if v, ok := cut("i+1 word "); ok {
			word(v).at[3] = id
		} else if v, ok := cut("i+2 word "); ok {
			word(v).at[4] = id
		} else if v, ok := cut("i suffix "); ok {
			suffix(v, 0, id)
		} else if v, ok := cut("i-1 suffix "); ok {
			suffix(v, 1, id)
		} else if v, ok := cut("i+1 suffix "); ok {
			suffix(v, 2, id)
		} else if v, ok := cut("i pref1 "); ok {
			t.pref1[v] = id
		} else if f == "bias" {
			t.bias = make([]float32, len(m.classes))
			m.add(id, t.bias)
		}
	}
	for _, c := range m.classes {
		t.classTag = append(t.classTag, tagID(c))
	}
	t.start = [2]int32{m.tagID("-START-"), m.tagID("-START2-")}
	nt := int32(len(t.tag))
	if nt > 1024 { // the tag-pair table is nt*nt
		return fmt.Errorf("prosetag: %d tags, at most 1024", nt)
	}
	t.tagTag = slices.Repeat([]int32{-1}, int(nt*nt))
	for _, tt := range tagTags {
		t.tagTag[tt[0]*nt+tt[1]] = tt[2]
	}
	// A word's tag features side by side: count, then place.
	for _, p := range tagWords {
		t.wordFeat[p.word].tagHi++
	}
	end := int32(0)
	for i := range t.wordFeat {
		wf := &t.wordFeat[i]
		wf.tagLo = end
		end += wf.tagHi
		wf.tagHi = wf.tagLo
	}
	t.tagWord = make([]tagFeat, len(tagWords))
	for _, p := range tagWords {
		wf := &t.wordFeat[p.word]
		t.tagWord[wf.tagHi] = p.tagFeat
		wf.tagHi++
	}
	return nil
}

// add adds the weights of feature f, if the model has it, to scores.
func (m *Model) add(f int32, scores []float32) {
	if f < 0 {
		return
	}
	lo, hi := m.pairOff[f], m.pairOff[f+1]
	wts := m.weights[lo:hi]
	for j, id := range m.classIDs[lo:hi] {
		scores[id] += wts[j]
	}
}

// Prose's tagger's special words: traces and placeholders of the Penn
// Treebank, and its bracket tokens, which keep their own tags.
var (
	noneRe = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	keepRe = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

// TagTokens sets the Tag of each token of one sentence, as prose's
// tag.Tagger.TagTokens does.
func (m *Model) TagTokens(tokens []tag.Token) {
	if len(tokens) == 0 {
		return
	}
	n := len(tokens) + 4
	s, _ := m.scratch.Get().(*sentence)
	if s == nil {
		s = &sentence{scores: make([]float32, len(m.classes))}
	}
	defer func() {
		clear(s.ctx) // keep no document's words
		m.scratch.Put(s)
	}()
	s.ctx, s.words, s.sfx = resize(s.ctx, n), resize(s.words, n), resize(s.sfx, n)
	s.ctx[0], s.ctx[1] = "-START-", "-START2-"
	for i := range tokens {
		s.ctx[i+2] = normalize(tokens[i].Text)
	}
	s.ctx[n-2], s.ctx[n-1] = "-END-", "-END2-"
	for i, w := range s.ctx {
		s.words[i] = &noWord
		if id, ok := m.feats.words[w]; ok {
			s.words[i] = &m.feats.wordFeat[id]
		}
		s.sfx[i] = m.suffixFeats(suffix(w, 3))
	}
	id1, id2 := m.feats.start[0], m.feats.start[1]
	for i := range tokens {
		t, id := m.tagOne(s, i, tokens[i].Text, id1, id2)
		tokens[i].Tag = t
		id2, id1 = id1, id
	}
}

// sentence is a sentence's context words, their features, and the
// scores of the word being tagged.
type sentence struct {
	ctx    []string
	words  []*wordFeats
	sfx    [][3]int32
	scores []float32
}

// resize returns a slice of n elements, reusing b's array when it can.
func resize[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	return b[:n]
}

func (m *Model) tagID(tag string) int32 {
	if id, ok := m.feats.tagIDs[tag]; ok {
		return id
	}
	return -1
}

func (m *Model) suffixFeats(sfx string) [3]int32 {
	if f, ok := m.feats.suffixes[sfx]; ok {
		return f
	}
	return [3]int32{-1, -1, -1}
}

// tagOne returns word's tag and the tag's id.
func (m *Model) tagOne(s *sentence, i int, word string, id1, id2 int32) (string, int32) {
	special := ""
	switch {
	case word == "-":
		special = "-"
	case emoticons[word]:
		special = "SYM"
	case strings.HasPrefix(word, "@"):
		special = "NN"
	case (word == "0" || strings.HasPrefix(word, "*")) && noneRe.MatchString(word):
		special = "-NONE-"
	case len(word) == 5 && word[0] == '-' && keepRe.MatchString(word):
		special = word
	}
	if special != "" {
		return special, m.tagID(special)
	}
	if c, ok := m.tagMap[word]; ok {
		return m.classes[c], m.feats.classTag[c]
	}
	c := m.predict(s, i, word, id1, id2)
	if c < 0 {
		return "", m.tagID("")
	}
	return m.classes[c], m.feats.classTag[c]
}

// predict returns the best class, or -1, scoring the features in prose's
// order, so that the float32 sums, and so the ties, are prose's.
func (m *Model) predict(s *sentence, i int, word string, id1, id2 int32) int {
	t := &m.feats
	sc := s.scores
	// The bias first, into zeros: copying its weights is adding them.
	if t.bias != nil {
		copy(sc, t.bias)
	} else {
		clear(sc)
	}
	i += 2 // the word's place in s.ctx, after the two starts
	tagFeat := func(id int32, k int) int32 {
		if id < 0 {
			return -1
		}
		return t.tag[id][k]
	}
	m.add(m.suffixFeats(suffix(word, 3))[0], sc)
	m.add(t.prefix1(word), sc)
	m.add(tagFeat(id1, 0), sc)
	m.add(tagFeat(id2, 1), sc)
	if id1 >= 0 && id2 >= 0 {
		m.add(t.tagTag[id1*int32(len(t.tag))+id2], sc)
	}
	w := s.words[i]
	m.add(w.at[0], sc)
	if id1 >= 0 {
		for _, tf := range t.tagWord[w.tagLo:w.tagHi] {
			if tf.tag == id1 {
				m.add(tf.feat, sc)
				break
			}
		}
	}
	m.add(s.words[i-1].at[1], sc)
	m.add(s.sfx[i-1][1], sc)
	m.add(s.words[i-2].at[2], sc)
	m.add(s.words[i+1].at[3], sc)
	m.add(s.sfx[i+1][2], sc)
	m.add(s.words[i+2].at[4], sc)

	best, bestID := float32(math.Inf(-1)), -1
	for id, v := range sc {
		if v > best {
			best, bestID = v, id
		}
	}
	return bestID
}

func (t *templates) prefix1(w string) int32 {
	if f, ok := t.pref1[prefix1(w)]; ok {
		return f
	}
	return -1
}

func suffix(w string, n int) string {
	if len(w) <= n {
		return w
	}
	return w[len(w)-n:]
}

func prefix1(w string) string {
	if w == "" {
		return ""
	}
	return w[:1]
}

// normalize is prose's: hyphenated words, years and numbers are classes,
// other words lower case.
func normalize(word string) string {
	if word == "" {
		return word
	}
	first := word[0]
	if first != '-' && strings.IndexByte(word, '-') >= 0 {
		return "!HYPHEN"
	}
	if len(word) == 4 && isDecimalInt(word) {
		return "!YEAR"
	}
	if first >= '0' && first <= '9' {
		return "!DIGITS"
	}
	return strings.ToLower(word) // (word itself when it has no capital: no copy)
}

func isDecimalInt(s string) bool {
	i := 0
	if s[0] == '+' || s[0] == '-' {
		i = 1
	}
	if i == len(s) {
		return false
	}
	for ; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// emoticons is prose's list (its internal/emoticon), tagged SYM.
var emoticons = map[string]bool{
	"(-8": true, "(-;": true, "(-_-)": true, "(._.)": true, "(:": true, "(=": true, "(o:": true,
	"(¬_¬)": true, "(ಠ_ಠ)": true, "(╯°□°）╯︵┻━┻": true, "-__-": true, "8-)": true, "8-D": true,
	"8D": true, ":(": true, ":((": true, ":(((": true, ":()": true, ":)))": true, ":-)": true,
	":-))": true, ":-)))": true, ":-*": true, ":-/": true, ":-X": true, ":-]": true, ":-o": true,
	":-p": true, ":-x": true, ":-|": true, ":-}": true, ":0": true, ":3": true, ":P": true,
	":]": true, ":`(": true, ":`)": true, ":`-(": true, ":o": true, ":o)": true, "=(": true,
	"=)": true, "=D": true, "=|": true, "@_@": true, "O.o": true, "O_o": true, "V_V": true,
	"XDD": true, "[-:": true, "^___^": true, "o_0": true, "o_O": true, "o_o": true, "v_v": true,
	"xD": true, "xDD": true, "¯\\(ツ)/¯": true,
}

// reader decodes the little-endian flat format.
type reader struct {
	b   []byte
	pos int
	err error
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil || n < 0 || r.pos+n > len(r.b) {
		if r.err == nil {
			r.err = fmt.Errorf("truncated model: %d bytes wanted at %d of %d", n, r.pos, len(r.b))
		}
		return nil
	}
	out := r.b[r.pos : r.pos+n]
	r.pos += n
	return out
}

func (r *reader) u32() uint32 {
	if b := r.bytes(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (r *reader) u8() uint8 {
	if b := r.bytes(1); b != nil {
		return b[0]
	}
	return 0
}

func (r *reader) str16() string {
	n := 0
	if b := r.bytes(2); b != nil {
		n = int(binary.LittleEndian.Uint16(b))
	}
	return string(r.bytes(n))
}

// float32s reads little-endian float32s, where they lie if the machine
// allows (little endian, aligned).
func float32s(b []byte) []float32 {
	if len(b) > 0 && uintptr(unsafe.Pointer(&b[0]))%4 == 0 && binary.NativeEndian.Uint16([]byte{1, 0}) == 1 {
		return unsafe.Slice((*float32)(unsafe.Pointer(&b[0])), len(b)/4)
	}
	out := make([]float32, len(b)/4)
	for i := range out {
		out[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return out
}

func (r *reader) u32s(n int) []uint32 {
	b := r.bytes(4 * n)
	if b == nil {
		return nil
	}
	out := make([]uint32, n)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return out
}

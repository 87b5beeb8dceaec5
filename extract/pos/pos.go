// Package pos is readout's part-of-speech tagger: an averaged perceptron
// over hashed features (the entity tagger's design, see extract/ner),
// greedy left to right, Penn Treebank tags. Frequent words that have one
// tag almost always get it from a dictionary without being scored.
package pos

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/extract/internal/perceptron"
)

//go:embed model/pos.bin
var shipped []byte

// Model is a trained tagger. It is read-only once built and safe for
// concurrent use.
type Model struct {
	hdr  header
	nc   int
	mask uint32
	w    perceptron.Weights
	w16  []int16 // dense weights after training (nil when read)
	dict map[string]uint8
	// shut marks the closed classes (determiners, prepositions, pronouns,
	// punctuation): a word takes one only where training saw it so,
	// allowed[word] lists which.
	shut    []bool
	allowed map[string][]uint8
	class   map[string]uint8 // tag -> class
	pool    sync.Pool
}

type header struct {
	Version int      `json:"version"`
	Tags    []string `json:"tags"`
	Buckets int      `json:"buckets"`
	Rows    int      `json:"rows"`
	Scale   float64  `json:"scale"`
	Info    string   `json:"info,omitempty"`
	// Closed maps each word (as normalize writes it) that training saw
	// with a tag of a closed class to those tags.
	Closed map[string][]string `json:"closed,omitempty"`
}

// openTags are the classes any word may join; the rest are closed.
var openTags = map[string]bool{"NN": true, "NNS": true, "NNP": true, "NNPS": true, "JJ": true, "JJR": true, "JJS": true,
	"RB": true, "RBR": true, "RBS": true, "VB": true, "VBD": true, "VBG": true, "VBN": true, "VBP": true, "VBZ": true,
	"CD": true, "FW": true, "UH": true, "SYM": true, "LS": true}

const (
	magic         = "readout-pos\n"
	formatVersion = 1
)

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the shipped model, read once and shared.
func Default() (*Model, error) {
	defaultOnce.Do(func() { defaultModel, defaultErr = ReadBytes(shipped) })
	return defaultModel, defaultErr
}

// Allows reports whether the model lets word take tag: always for an
// open class, and for a closed one (a conjunction, a pronoun) only where
// training saw the word in it. Another tagger's guesses at an unknown
// word are checked so ("backbencher" is no conjunction).
func (m *Model) Allows(word, tag string) bool {
	k, ok := m.class[tag]
	if !ok || !m.shut[k] {
		return true
	}
	ks, seen := m.allowed[word] // (most are as training wrote them: "the", "of")
	if !seen {
		ks = m.allowed[normalize(word)]
	}
	return slices.Contains(ks, k)
}

// Tags returns the tags the model assigns.
func (m *Model) Tags() []string { return slices.Clone(m.hdr.Tags) }

// scratch is one call's working set.
type scratch struct {
	norm   []string
	feats  []uint32
	off    []int
	scores []float32
	buf    []byte
}

// Tag writes the tag of each word of one sentence to out (len(out) ==
// len(words)).
func (m *Model) Tag(words, out []string) {
	if len(words) == 0 {
		return
	}
	s, _ := m.pool.Get().(*scratch)
	if s == nil {
		s = &scratch{scores: make([]float32, m.nc)}
	}
	defer m.pool.Put(s)
	m.decode(s, words, func(i, k int) { out[i] = m.hdr.Tags[k] }, nil, nil)
}

// decode tags words greedily, calling set with each word's class. With t
// set it learns from gold on every wrong decision.
func (m *Model) decode(s *scratch, words []string, set func(i, k int), t *perceptron.Trainer, gold []uint8) {
	m.static(s, words)
	w := m.w
	if t != nil {
		w = t.W
	}
	p1, p2 := -1, -2
	var dyn [4]uint32
	for i, word := range words {
		k, known := m.dict[word]
		if !known || t != nil {
			d := m.dynamic(dyn[:0], s.norm[i], p1, p2)
			sc := s.scores[:m.nc]
			clear(sc)
			static := s.feats[s.off[i]:s.off[i+1]]
			w.Add(m.nc, static, sc)
			w.Add(m.nc, d, sc)
			// (A word unseen in a closed class is not put in one: "Tory
			// backbencher" is no conjunction. Training learns from every
			// class.)
			best := -1
			for c := range m.nc {
				if (best < 0 || sc[c] > sc[best]) && (t != nil || !m.shut[c] || slices.Contains(m.allowed[s.norm[i]], uint8(c))) {
					best = c
				}
			}
			if t != nil {
				if g := int(gold[i]); g != best {
					t.Update(static, g, best)
					t.Update(d, g, best)
				}
				t.Tick()
			}
			if !known {
				k = uint8(best)
			}
		}
		set(i, int(k))
		p2, p1 = p1, int(k)
	}
}

// Feature templates.
const (
	fBias = iota
	fSuffix3
	fSuffix2
	fPrefix1
	fShape
	fWord
	fPrevWord
	fPrevSuffix3
	fPrev2Word
	fNextWord
	fNextSuffix3
	fNext2Word
	// dynamic: they depend on the tags chosen before
	fPrevTag
	fPrev2Tag
	fPrevTags
	fPrevTagWord
)

// static fills s.feats with the features of each word that do not depend
// on the tags before it; word i's are s.feats[s.off[i]:s.off[i+1]].
func (m *Model) static(s *scratch, words []string) {
	s.norm = s.norm[:0]
	for _, w := range words {
		s.norm = append(s.norm, normalize(w))
	}
	s.feats, s.off = s.feats[:0], append(s.off[:0], 0)
	ctx := func(i int) string {
		switch {
		case i < 0:
			return "-START-"
		case i >= len(words):
			return "-END-"
		}
		return s.norm[i]
	}
	quotes := 0 // double quotes before: an opening one leaves an odd count
	for i, w := range words {
		n := s.norm[i]
		add := func(tmpl byte, parts ...string) { s.feats = append(s.feats, m.hash(tmpl, parts...)) }
		add(fBias)
		add(fSuffix3, suffix(n, 3))
		add(fSuffix2, suffix(n, 2))
		add(fPrefix1, prefix(w, 1))
		if n == "\"" {
			add(fShape, "\"", string(rune('0'+quotes%2)))
			quotes++
		} else {
			add(fShape, shape(w, i == 0))
		}
		add(fWord, n)
		add(fPrevWord, ctx(i-1))
		add(fPrevSuffix3, suffix(ctx(i-1), 3))
		add(fPrev2Word, ctx(i-2))
		add(fNextWord, ctx(i+1))
		add(fNextSuffix3, suffix(ctx(i+1), 3))
		add(fNext2Word, ctx(i+2))
		s.off = append(s.off, len(s.feats))
	}
}

// dynamic appends the features of a word that depend on the two classes
// before it (-1 and -2 before the sentence).
func (m *Model) dynamic(dst []uint32, norm string, p1, p2 int) []uint32 {
	t1, t2 := m.tagName(p1), m.tagName(p2)
	return append(dst, m.hash(fPrevTag, t1), m.hash(fPrev2Tag, t2), m.hash(fPrevTags, t1, t2), m.hash(fPrevTagWord, t1, norm))
}

func (m *Model) tagName(k int) string {
	switch k {
	case -1:
		return "-START-"
	case -2:
		return "-START2-"
	}
	return m.hdr.Tags[k]
}

// hash is FNV-1a over the template and its parts, masked to a bucket.
func (m *Model) hash(tmpl byte, parts ...string) uint32 {
	h := uint64(14695981039346656037)
	h = (h ^ uint64(tmpl)) * 1099511628211
	for _, p := range parts {
		for i := 0; i < len(p); i++ {
			h = (h ^ uint64(p[i])) * 1099511628211
		}
		h = (h ^ 0xff) * 1099511628211 // a separator no UTF-8 byte equals
	}
	return uint32(h^h>>32) & m.mask
}

// normalize is the form a word's context features see: lower case, with
// years and other numbers folded.
func normalize(w string) string {
	if w == "" {
		return w
	}
	if c := w[0]; c >= '0' && c <= '9' {
		if len(w) == 4 && isDigits(w) {
			return "!YEAR"
		}
		return "!DIGITS"
	}
	switch w {
	case "“", "”", "``", "''", "\"":
		return "\""
	case "‘", "’", "`":
		return "'"
	}
	return strings.ToLower(w) // (w itself when it has no capital: no copy)
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// suffix returns the last n runes of w, or w.
func suffix(w string, n int) string {
	i := len(w)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(w[:i])
		i -= size
	}
	return w[i:]
}

// prefix returns the first n runes of w, or w.
func prefix(w string, n int) string {
	i := 0
	for ; n > 0 && i < len(w); n-- {
		_, size := utf8.DecodeRuneInString(w[i:])
		i += size
	}
	return w[:i]
}

// shape classes a word by case, digits and hyphens, and by whether it
// opens its sentence (where a capital says little).
func shape(w string, first bool) string {
	upper, lower, digit, hyphen := 0, 0, 0, false
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		case unicode.IsDigit(r):
			digit++
		case r == '-':
			hyphen = true
		}
	}
	var b [4]byte
	switch {
	case upper > 0 && lower == 0:
		b[0] = 'A'
	case upper > 0:
		b[0] = 'C'
	case lower > 0:
		b[0] = 'a'
	case digit > 0:
		b[0] = '9'
	default:
		b[0] = '.'
	}
	b[1], b[2], b[3] = '_', '_', '_'
	if digit > 0 && b[0] != '9' {
		b[1] = '9'
	}
	if hyphen {
		b[2] = '-'
	}
	if first {
		b[3] = '^'
	}
	return string(b[:])
}

// Write stores m in its file format: the magic, a uint32 header length,
// the JSON header, zero bytes up to a multiple of 8, the compact weight
// table (perceptron.Compact16) and the dictionary as "word\ttag\n" lines.
func (m *Model) Write(w io.Writer) error {
	if m.w16 == nil {
		return errors.New("pos: only a trained model can be written")
	}
	index, rows, n := perceptron.Pack16(m.w16, m.nc)
	h := m.hdr
	h.Rows = n
	hj, err := json.Marshal(h)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	b.WriteString(magic)
	b.Write(binary.LittleEndian.AppendUint32(nil, uint32(len(hj))))
	b.Write(hj)
	for b.Len()%8 != 0 {
		b.WriteByte(0)
	}
	b.Write(index)
	b.Write(rows)
	words := make([]string, 0, len(m.dict))
	for w := range m.dict {
		words = append(words, w)
	}
	slices.Sort(words)
	for _, w := range words {
		fmt.Fprintf(&b, "%s\t%s\n", w, h.Tags[m.dict[w]])
	}
	_, err = w.Write(b.Bytes())
	return err
}

// ReadBytes reads a model written by Write, using its weights where they
// lie in data (which must not change afterwards).
func ReadBytes(data []byte) (*Model, error) {
	rest, ok := bytes.CutPrefix(data, []byte(magic))
	if !ok || len(rest) < 4 {
		return nil, errors.New("pos: not a part-of-speech model")
	}
	n := int(binary.LittleEndian.Uint32(rest))
	if len(rest) < 4+n {
		return nil, errors.New("pos: model header cut short")
	}
	var h header
	if err := json.Unmarshal(rest[4:4+n], &h); err != nil {
		return nil, fmt.Errorf("pos: model header: %w", err)
	}
	if h.Version != formatVersion {
		return nil, fmt.Errorf("pos: model format %d, want %d", h.Version, formatVersion)
	}
	nc := len(h.Tags)
	if nc == 0 || nc > 255 || h.Buckets < 64 || h.Buckets&(h.Buckets-1) != 0 || h.Rows < 0 || h.Rows > h.Buckets {
		return nil, errors.New("pos: bad model header")
	}
	off := len(magic) + 4 + n
	off += (8 - off%8) % 8
	idx, rows := 16*(h.Buckets/64), 2*h.Rows*nc
	if len(data) < off+idx+rows {
		return nil, errors.New("pos: model weights cut short")
	}
	m := newModel(h)
	m.w = *perceptron.NewCompact16(data[off:off+idx:off+idx], data[off+idx:off+idx+rows:off+idx+rows])
	for _, line := range strings.Split(string(data[off+idx+rows:]), "\n") {
		if line == "" {
			continue
		}
		word, tag, ok := strings.Cut(line, "\t")
		k := slices.Index(h.Tags, tag)
		if !ok || k < 0 {
			return nil, fmt.Errorf("pos: bad dictionary line %q", line)
		}
		m.dict[word] = uint8(k)
	}
	return m, nil
}

func newModel(h header) *Model {
	m := &Model{hdr: h, nc: len(h.Tags), mask: uint32(h.Buckets - 1), dict: map[string]uint8{}, shut: make([]bool, len(h.Tags)), allowed: map[string][]uint8{}, class: map[string]uint8{}}
	for k, t := range h.Tags {
		m.class[t] = uint8(k)
	}
	if len(h.Closed) > 0 { // (a model without the list shuts no class)
		for k, t := range h.Tags {
			m.shut[k] = !openTags[t]
		}
	}
	for w, tags := range h.Closed {
		for _, t := range tags {
			if k := slices.Index(h.Tags, t); k >= 0 {
				m.allowed[w] = append(m.allowed[w], uint8(k))
			}
		}
	}
	return m
}

// Package ner is readout's statistical entity tagger: an averaged-perceptron
// sequence model over hashed features (word, shape, affixes, POS, context
// window, word clusters learnt from unlabelled text, gazetteer, given names,
// titles, capitalised-run heads and document-level evidence), decoded
// greedily left to right with the previous two tags as features.
//
// The shipped model is embedded (see MODEL.md for how it was trained) and
// loaded once by Default. A Model is immutable and safe for concurrent use;
// per-call scratch space comes from a sync.Pool.
package ner

import (
	"bufio"
	"bytes"
	"compress/flate"
	"context"
	_ "embed"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"
	"unsafe"

	"github.com/readout/readout/extract/internal/perceptron"
	"github.com/readout/readout/gazetteer"
)

// Span is an entity over token indices [Start, End) of one sentence.
type Span struct {
	Start, End int
	Label      string
	Confidence float64 // in [0,1]: mean probability of the span's token decisions
}

// Model is a trained tagger. It is immutable after load.
type Model struct {
	hdr     header
	codec   codec
	output  []bool // per type: reported by Tag
	labels  []string
	mask    uint32
	w8      []int8
	rows    []float32 // 8 bits: per-bucket scale, weight = code * rows[bucket]
	w16     []int16
	wc      *perceptron.Compact16 // 16-bit weights as the compact format stores them
	gaz     *gazetteer.Gazetteer
	titles  *gazetteer.Titles
	cl      *Clusters
	clMap   clusterMap   // word hash -> path+1 (exact forms, then lower-cased)
	clTable clusterTable // the same, as the compact format stores it
	pool    sync.Pool
}

// clusters is the model's word-cluster lookup, or nil.
func (m *Model) clusters() pathLookup {
	switch {
	case m.clTable != nil:
		return m.clTable
	case m.clMap != nil:
		return m.clMap
	}
	return nil
}

// header is the model file's metadata.
type header struct {
	Version int      `json:"version"`
	Scheme  string   `json:"scheme"`
	Types   []string `json:"types"`  // trained entity types, sorted
	Output  []string `json:"output"` // types Tag reports, sorted
	Buckets int      `json:"buckets"`
	Bits    int      `json:"bits"`
	Scale   float64  `json:"scale"` // weight = stored value * scale
	Info    string   `json:"info,omitempty"`
	// Word clusters (optional): number of words, path length in bits
	// and the path prefixes used as features.
	ClusterWords    int   `json:"cluster_words,omitempty"`
	ClusterBits     int   `json:"cluster_bits,omitempty"`
	ClusterPrefixes []int `json:"cluster_prefixes,omitempty"`
	// Passes is 2 when the document is tagged twice, the second pass
	// seeing what the first said about every mention of a word form.
	Passes int `json:"passes,omitempty"`
	// The compact format's sections: weight rows stored, and slots of
	// the cluster table.
	Rows         int `json:"rows,omitempty"`
	ClusterSlots int `json:"cluster_slots,omitempty"`
}

// Clusters are word clusters learnt from unlabelled text: every word form
// (case kept, most frequent first) has a hierarchical path of Bits bits
// (like a Brown-cluster bit string), and the path's Prefixes (lengths in
// bits) are features of the word and of its neighbours.
type Clusters struct {
	Words    []string
	Paths    []uint32
	Bits     int
	Prefixes []int
}

// setClusters installs c: exact forms, then the lower-cased form of each
// word (the most frequent variant's path) where that form is not a word of
// its own, so that headline capitals find their clusters.
func (m *Model) setClusters(c *Clusters) {
	if c == nil || len(c.Words) == 0 {
		return
	}
	m.cl = c
	m.hdr.ClusterWords, m.hdr.ClusterBits, m.hdr.ClusterPrefixes = len(c.Words), c.Bits, c.Prefixes
	m.clMap = make(clusterMap, 2*len(c.Words))
	for i, w := range c.Words {
		m.clMap[hstr(w)] = c.Paths[i] + 1
	}
	var buf []byte
	for i, w := range c.Words {
		buf = lowerInto(buf[:0], w)
		h := hstr(string(buf))
		if _, ok := m.clMap[h]; !ok {
			m.clMap[h] = c.Paths[i] + 1
		}
	}
}

const (
	magic         = "READOUT-NER\n"
	formatVersion = 2 // 2: clusters, wire-copy and sports features
)

//go:embed model/ner.bin
var embedded string

// Default returns the embedded model, loaded once. Its weights are read
// where they lie in the binary, never copied.
var Default = sync.OnceValues(func() (*Model, error) {
	return ReadBytes(unsafe.Slice(unsafe.StringData(embedded), len(embedded)))
})

// Labels returns the entity types Tag reports, sorted.
func (m *Model) Labels() []string { return slices.Clone(m.labels) }

func newModel(h header) (*Model, error) {
	if h.Version != formatVersion && h.Version != compactVersion {
		return nil, fmt.Errorf("ner: model format %d, want %d or %d", h.Version, formatVersion, compactVersion)
	}
	if h.Scheme != SchemeBILOU && h.Scheme != SchemeIOB2 {
		return nil, fmt.Errorf("ner: unknown scheme %q", h.Scheme)
	}
	if h.Buckets <= 0 || h.Buckets&(h.Buckets-1) != 0 || h.Buckets > 1<<26 {
		return nil, fmt.Errorf("ner: buckets %d is not a power of two", h.Buckets)
	}
	if h.Bits != 8 && h.Bits != 16 {
		return nil, fmt.Errorf("ner: %d-bit weights are not supported", h.Bits)
	}
	if len(h.Types) == 0 || len(h.Types) > 30 {
		return nil, fmt.Errorf("ner: %d entity types", len(h.Types))
	}
	g, err := gazetteer.Default()
	if err != nil {
		return nil, err
	}
	m := &Model{hdr: h, codec: newCodec(h.Scheme, h.Types), mask: uint32(h.Buckets - 1), gaz: g, titles: g.Titles()}
	m.output = make([]bool, len(h.Types))
	for k, t := range h.Types {
		if slices.Contains(h.Output, t) {
			m.output[k] = true
			m.labels = append(m.labels, t)
		}
	}
	m.pool.New = func() any { return newScratch() }
	return m, nil
}

// Read loads a model written by Write.
func Read(r io.Reader) (*Model, error) {
	br := bufio.NewReader(r)
	m, n, err := readHeader(br)
	if err != nil {
		return nil, err
	}
	if m.hdr.Version == compactVersion {
		data, err := io.ReadAll(br)
		if err != nil {
			return nil, err
		}
		return m, m.readCompact(unpad(data, n))
	}
	return m, m.readFlate(br)
}

// ReadBytes loads a model from data, which it keeps and must not change:
// a compact model's weights are used where they lie.
func ReadBytes(data []byte) (*Model, error) {
	r := bytes.NewReader(data)
	m, n, err := readHeader(r)
	if err != nil {
		return nil, err
	}
	rest := data[n:]
	if m.hdr.Version == compactVersion {
		return m, m.readCompact(unpad(rest, n))
	}
	return m, m.readFlate(bufio.NewReader(bytes.NewReader(rest)))
}

type byteReader interface {
	io.Reader
	io.ByteReader
}

// readHeader reads the magic and the header, makes the model and says how
// many bytes it read.
func readHeader(br byteReader) (*Model, int, error) {
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, 0, errors.New("ner: not a readout entity model")
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<20 {
		return nil, 0, errors.New("ner: bad model header")
	}
	js := make([]byte, n)
	if _, err := io.ReadFull(br, js); err != nil {
		return nil, 0, fmt.Errorf("ner: reading header: %w", err)
	}
	var h header
	if err := json.Unmarshal(js, &h); err != nil {
		return nil, 0, fmt.Errorf("ner: header: %w", err)
	}
	m, err := newModel(h)
	return m, len(magic) + len(binary.AppendUvarint(nil, n)) + int(n), err
}

// padding is how many zero bytes follow a header of n bytes in the
// compact format, so that its sections start at a multiple of 8.
func padding(n int) int { return (8 - n%8) % 8 }

// unpad drops the padding from rest, the bytes after a header of n bytes.
func unpad(rest []byte, n int) []byte {
	return rest[min(len(rest), padding(n)):]
}

// readFlate reads the weights and clusters of a format 2 model.
func (m *Model) readFlate(br *bufio.Reader) error {
	h := m.hdr
	size := h.Buckets * m.codec.nc
	zr := flate.NewReader(br)
	defer zr.Close()
	raw := make([]byte, size*h.Bits/8)
	if _, err := io.ReadFull(zr, raw); err != nil {
		return fmt.Errorf("ner: reading weights: %w", err)
	}
	if h.Bits == 8 {
		m.w8 = make([]int8, size)
		for i, b := range raw {
			m.w8[i] = int8(b)
		}
		rb := make([]byte, 4*h.Buckets)
		if _, err := io.ReadFull(zr, rb); err != nil {
			return fmt.Errorf("ner: reading row scales: %w", err)
		}
		m.rows = make([]float32, h.Buckets)
		for i := range m.rows {
			m.rows[i] = math.Float32frombits(binary.LittleEndian.Uint32(rb[4*i:]))
		}
	} else {
		m.w16 = make([]int16, size)
		for i := range m.w16 {
			m.w16[i] = int16(binary.LittleEndian.Uint16(raw[2*i:]))
		}
	}
	if n := h.ClusterWords; n > 0 {
		if n > 1<<22 || h.ClusterBits <= 0 || h.ClusterBits > 32 {
			return errors.New("ner: bad cluster header")
		}
		zb := bufio.NewReader(zr)
		c := &Clusters{Words: make([]string, n), Paths: make([]uint32, n), Bits: h.ClusterBits, Prefixes: h.ClusterPrefixes}
		for i := range n {
			l, err := binary.ReadUvarint(zb)
			if err != nil || l > 1<<10 {
				return errors.New("ner: bad cluster table")
			}
			b := make([]byte, l)
			if _, err := io.ReadFull(zb, b); err != nil {
				return fmt.Errorf("ner: reading clusters: %w", err)
			}
			p, err := binary.ReadUvarint(zb)
			if err != nil {
				return errors.New("ner: bad cluster table")
			}
			c.Words[i], c.Paths[i] = string(b), uint32(p)
		}
		m.setClusters(c)
	}
	return nil
}

// Write stores the model: a 16-bit one in the compact format, an 8-bit
// one compressed (format 2). The bytes depend only on the model.
func (m *Model) Write(w io.Writer) error {
	if m.hdr.Bits == 16 {
		h, sections := m.compactSections()
		bw, n, err := writeHeader(w, h)
		if err != nil {
			return err
		}
		bw.Write(make([]byte, padding(n)))
		for _, sec := range sections {
			bw.Write(sec)
		}
		return bw.Flush()
	}
	bw, _, err := writeHeader(w, m.hdr)
	if err != nil {
		return err
	}
	zw, err := flate.NewWriter(bw, flate.BestCompression)
	if err != nil {
		return err
	}
	var raw []byte
	if m.hdr.Bits == 8 {
		raw = make([]byte, len(m.w8), len(m.w8)+4*len(m.rows))
		for i, v := range m.w8 {
			raw[i] = byte(v)
		}
		for _, r := range m.rows {
			raw = binary.LittleEndian.AppendUint32(raw, math.Float32bits(r))
		}
	} else {
		raw = make([]byte, 2*len(m.w16))
		for i, v := range m.w16 {
			binary.LittleEndian.PutUint16(raw[2*i:], uint16(v))
		}
	}
	if c := m.cl; c != nil {
		for i, w := range c.Words {
			raw = binary.AppendUvarint(raw, uint64(len(w)))
			raw = append(raw, w...)
			raw = binary.AppendUvarint(raw, uint64(c.Paths[i]))
		}
	}
	if _, err := zw.Write(raw); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return bw.Flush()
}

// writeHeader writes the magic and the header, and says how many bytes.
func writeHeader(w io.Writer, h header) (*bufio.Writer, int, error) {
	js, err := json.Marshal(h)
	if err != nil {
		return nil, 0, err
	}
	bw := bufio.NewWriter(w)
	size := binary.AppendUvarint(nil, uint64(len(js)))
	bw.WriteString(magic)
	bw.Write(size)
	bw.Write(js)
	return bw, len(magic) + len(size) + len(js), nil
}

// Tag labels one document: sents[i] are the token texts of sentence i and
// pos[i] their POS tags (Penn Treebank, as prose's tagger gives them; a
// missing or short pos[i] counts as empty tags). It returns the entity
// spans of each sentence.
func (m *Model) Tag(sents [][]string, pos [][]string) [][]Span {
	out, _ := m.TagContext(context.Background(), sents, pos)
	return out
}

// TagContext is Tag that stops, with ctx's error, once ctx is done: it
// looks at ctx before every sentence.
func (m *Model) TagContext(ctx context.Context, sents [][]string, pos [][]string) ([][]Span, error) {
	out := make([][]Span, len(sents))
	s := m.pool.Get().(*scratch)
	defer m.pool.Put(s)
	s.prepare(sents, pos, m.gaz, m.clusters())
	if m.hdr.Passes == 2 {
		for si, words := range sents {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			if len(words) > 0 {
				s.sentence(si, words, m.gaz, m.titles, m.mask, m.cl)
				m.decode(s, si, len(words))
				s.keep(si, len(words))
			}
		}
		s.secondPass(&m.codec)
	}
	for si, words := range sents {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if len(words) == 0 {
			continue
		}
		s.sentence(si, words, m.gaz, m.titles, m.mask, m.cl)
		m.decode(s, si, len(words))
		s.spans = m.codec.decode(s.cls[:len(words)], s.spans[:0])
		var ss []Span
		for _, sp := range s.spans {
			if !m.output[sp.typ] {
				continue
			}
			c := 0.0
			for k := sp.start; k < sp.end; k++ {
				c += float64(s.conf[k])
			}
			if ss == nil {
				ss = make([]Span, 0, len(s.spans))
			}
			ss = append(ss, Span{Start: sp.start, End: sp.end, Label: m.codec.types[sp.typ], Confidence: c / float64(sp.end-sp.start)})
		}
		out[si] = ss
	}
	return out, nil
}

// decode runs decodeSent with the model's stored weights.
func (m *Model) decode(s *scratch, si, n int) {
	if m.wc != nil {
		decodeSent(*m.wc, float32(m.hdr.Scale), &m.codec, m.mask, s, si, n, nil)
		return
	}
	if m.w8 != nil {
		decodeSent(perceptron.Dense8{W: m.w8, Rows: m.rows}, 1, &m.codec, m.mask, s, si, n, nil)
	} else {
		decodeSent(perceptron.Dense16(m.w16), float32(m.hdr.Scale), &m.codec, m.mask, s, si, n, nil)
	}
}

// noGold marks a training token without a gold class (TrainOptions.Ignore).
const noGold = 255

// decodeSent tags sentence si of n tokens greedily into s.cls and s.conf,
// given its static features in s.feats. With t set it learns from s.gold
// on every wrong decision.
func decodeSent[W perceptron.Weights](w W, scale float32, c *codec, mask uint32, s *scratch, si, n int, t *perceptron.Trainer) {
	nc := c.nc
	s.cls = grow(s.cls, n)
	s.conf = grow(s.conf, n)
	s.scores = grow(s.scores, nc)
	a := int(s.sentOf[si])
	p1, p2 := -1, -1
	var dyn [8]uint32
	for i := 0; i < n; i++ {
		j := a + i
		var hist uint8
		if s.flags[j]&(flCap|flAllCap) != 0 {
			hist = s.hist[s.hl[j]]
		}
		d := s.dynamic(dyn[:0], j, p1, p2, hist, mask)
		static := s.feats[s.off[i]:s.off[i+1]]
		sc := s.scores[:nc]
		clear(sc)
		w.Add(nc, static, sc)
		w.Add(nc, d, sc)
		last := i == n-1
		best := -1
		for k := 0; k < nc; k++ {
			if (best < 0 || sc[k] > sc[best]) && c.allowed(p1, k, last) {
				best = k
			}
		}
		if t != nil {
			if g := int(s.gold[i]); g != best && g != noGold {
				t.Update(static, g, best)
				t.Update(d, g, best)
			}
			t.Tick()
		} else {
			// Confidence: the softmax probability of the choice among
			// the allowed classes.
			z := 0.0
			top := float64(sc[best]) * float64(scale)
			for k := 0; k < nc; k++ {
				if c.allowed(p1, k, last) {
					z += math.Exp(float64(sc[k])*float64(scale) - top)
				}
			}
			s.conf[i] = float32(1 / z)
		}
		s.cls[i] = uint8(best)
		if s.flags[j]&(flCap|flAllCap) != 0 {
			if ty := c.typ[best]; ty >= 0 {
				s.hist[s.hl[j]] = uint8(ty) + 2
			} else {
				s.hist[s.hl[j]] = 1
			}
		}
		p2, p1 = p1, best
	}
}

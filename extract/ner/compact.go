package ner

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	"github.com/readout/readout/extract/internal/perceptron"
)

// The compact format (version 3) stores a 16-bit model so that it is used
// where it lies, in the embedded bytes: no decompression and no
// conversion at start-up, and only the pages a document touches are read.
// After the magic and the JSON header, zero bytes up to a multiple of 8
// from the start of the file, then the index and rows of a
// perceptron.Compact16 and, little-endian:
//
//	clusters ClusterSlots x (uint64 word hash, uint32 path+1): an open
//	         addressing table of word forms (0 marks an empty slot)
const compactVersion = 3

// pathLookup finds a word hash's cluster path+1, or 0.
type pathLookup interface {
	path(h uint64) uint32
}

// clusterMap is the lookup a model builds from its clusters in training.
type clusterMap map[uint64]uint32

func (m clusterMap) path(h uint64) uint32 { return m[h] }

// clusterTable is the lookup in the compact format.
type clusterTable []byte

const slotBytes = 12

func (t clusterTable) path(h uint64) uint32 {
	mask := uint64(len(t)/slotBytes - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		slot := t[slotBytes*i:]
		p := binary.LittleEndian.Uint32(slot[8:])
		if p == 0 {
			return 0
		}
		if binary.LittleEndian.Uint64(slot) == h {
			return p
		}
	}
}

// newClusterTable lays out m (word hash -> path+1) as a clusterTable at
// most half full.
func newClusterTable(m clusterMap) clusterTable {
	slots := 16
	for slots < 2*len(m) {
		slots *= 2
	}
	t := make(clusterTable, slots*slotBytes)
	mask := uint64(slots - 1)
	for _, h := range sortedHashes(m) { // a fixed order: the bytes depend only on m
		i := h & mask
		for binary.LittleEndian.Uint32(t[slotBytes*i+8:]) != 0 {
			i = (i + 1) & mask
		}
		binary.LittleEndian.PutUint64(t[slotBytes*i:], h)
		binary.LittleEndian.PutUint32(t[slotBytes*i+8:], m[h])
	}
	return t
}

func sortedHashes(m clusterMap) []uint64 {
	hs := make([]uint64, 0, len(m))
	for h := range m {
		hs = append(hs, h)
	}
	slices.Sort(hs)
	return hs
}

// readCompact sets m's weights and clusters from data, the bytes after
// the header, using them where they lie.
func (m *Model) readCompact(data []byte) error {
	h := m.hdr
	nc := m.codec.nc
	if h.Bits != 16 || h.Buckets < 128 || h.Rows < 0 || h.Rows > h.Buckets || h.ClusterSlots < 0 || h.ClusterSlots > 1<<26 {
		return errors.New("ner: bad compact header")
	}
	sizes := []int{16 * (h.Buckets / 64), 2 * h.Rows * nc, slotBytes * h.ClusterSlots}
	parts := make([][]byte, len(sizes))
	for i, n := range sizes {
		if len(data) < n {
			return fmt.Errorf("ner: compact model cut short (section %d)", i)
		}
		parts[i], data = data[:n:n], data[n:]
	}
	if len(data) != 0 {
		return errors.New("ner: bytes after the compact model")
	}
	m.wc = perceptron.NewCompact16(parts[0], parts[1])
	if h.ClusterSlots > 0 {
		if h.ClusterSlots&(h.ClusterSlots-1) != 0 || h.ClusterBits <= 0 || h.ClusterBits > 32 {
			return errors.New("ner: bad cluster table")
		}
		m.clTable = clusterTable(parts[2])
		m.cl = &Clusters{Bits: h.ClusterBits, Prefixes: h.ClusterPrefixes}
	}
	return nil
}

// compactSections are the sections Write stores for a 16-bit model, and
// the header fields that size them.
func (m *Model) compactSections() (h header, sections [][]byte) {
	h = m.hdr
	h.Version = compactVersion
	if m.wc != nil {
		h.Rows = len(m.wc.Rows) / (2 * m.codec.nc)
		sections = [][]byte{m.wc.Index, m.wc.Rows}
	} else {
		index, rows, n := perceptron.Pack16(m.w16, m.codec.nc)
		h.Rows = n
		sections = [][]byte{index, rows}
	}
	t := m.clTable
	if t == nil && m.clMap != nil {
		t = newClusterTable(m.clMap)
	}
	h.ClusterSlots = len(t) / slotBytes
	return h, append(sections, t)
}

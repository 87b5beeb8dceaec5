package ner

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"unsafe"
)

// The compact format (version 3) stores a 16-bit model so that it is used
// where it lies, in the embedded bytes: no decompression and no
// conversion at start-up, and only the pages a document touches are read.
// After the magic and the JSON header, zero bytes up to a multiple of 8
// from the start of the file, then, little-endian:
//
//	index    Buckets/64 blocks of 16 bytes: a uint64 whose bit i is set
//	         when bucket 64*block+i has weights, the uint32 count of set
//	         bits in the blocks before it, and 4 zero bytes (one block is
//	         one memory read)
//	rows     Rows x classes int16: the rows of the set buckets, in order
//	clusters ClusterSlots x (uint64 word hash, uint32 path+1): an open
//	         addressing table of word forms (0 marks an empty slot)
//
// Most buckets are never hashed to in training; their rows of zeros are
// left out.
const compactVersion = 3

// compact16 is a weight table in the compact format.
type compact16 struct {
	index, rows []byte
	// rows16 is rows seen as int16s where the machine allows it (little
	// endian, aligned): the same bytes, read without decoding.
	rows16 []int16
}

func newCompact16(index, rows []byte) *compact16 {
	t := &compact16{index: index, rows: rows}
	if len(rows) > 0 && uintptr(unsafe.Pointer(&rows[0]))%2 == 0 && binary.NativeEndian.Uint16([]byte{1, 0}) == 1 {
		t.rows16 = unsafe.Slice((*int16)(unsafe.Pointer(&rows[0])), len(rows)/2)
	}
	return t
}

func (t compact16) add(nc int, feats []uint32, acc []float32) {
	acc = acc[:nc]
	for _, b := range feats {
		block := t.index[16*(b>>6) : 16*(b>>6)+12]
		word := binary.LittleEndian.Uint64(block)
		bit := uint64(1) << (b & 63)
		if word&bit == 0 {
			continue // a row of zeros
		}
		r := int(binary.LittleEndian.Uint32(block[8:])) + bits.OnesCount64(word&(bit-1))
		if t.rows16 != nil {
			for k, v := range t.rows16[r*nc : r*nc+nc] {
				acc[k] += float32(v)
			}
			continue
		}
		row := t.rows[2*r*nc : 2*(r+1)*nc]
		for k := range acc {
			acc[k] += float32(int16(binary.LittleEndian.Uint16(row[2*k:])))
		}
	}
}

// compactWeights packs dense 16-bit weights (buckets x nc).
func compactWeights(w []int16, nc int) (index, rows []byte, n int) {
	buckets := len(w) / nc
	index = make([]byte, 16*(buckets/64))
	for b := range buckets {
		block := index[16*(b/64):]
		if b%64 == 0 {
			binary.LittleEndian.PutUint32(block[8:], uint32(n))
		}
		row := w[b*nc : (b+1)*nc]
		zero := true
		for _, v := range row {
			zero = zero && v == 0
		}
		if zero {
			continue
		}
		word := binary.LittleEndian.Uint64(block) | 1<<(b%64)
		binary.LittleEndian.PutUint64(block, word)
		for _, v := range row {
			rows = binary.LittleEndian.AppendUint16(rows, uint16(v))
		}
		n++
	}
	return index, rows, n
}

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
	m.wc = newCompact16(parts[0], parts[1])
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
		h.Rows = len(m.wc.rows) / (2 * m.codec.nc)
		sections = [][]byte{m.wc.index, m.wc.rows}
	} else {
		index, rows, n := compactWeights(m.w16, m.codec.nc)
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

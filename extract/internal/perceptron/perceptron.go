// Package perceptron holds what readout's averaged-perceptron taggers (the
// entity tagger in extract/ner, the part-of-speech tagger in extract/pos)
// share: tables of weight rows indexed by hashed features, dense while
// training and compact when shipped, and the averaging trainer.
package perceptron

import (
	"encoding/binary"
	"math"
	"math/bits"
	"unsafe"
)

// Weights adds the weight rows of features (bucket numbers) to the
// scores of nc classes.
type Weights interface {
	Add(nc int, feats []uint32, acc []float32)
}

// Dense is a buckets x classes table of weights: float32 while training,
// int16 with one scale kept by the caller once quantized.
type Dense[T float32 | int16] []T

// Dense32 and Dense16 are the two dense tables.
type (
	Dense32 = Dense[float32]
	Dense16 = Dense[int16]
)

func (w Dense[T]) Add(nc int, feats []uint32, acc []float32) {
	acc = acc[:nc]
	for _, b := range feats {
		row := w[int(b)*nc : int(b)*nc+nc]
		for k, v := range row {
			acc[k] += float32(v)
		}
	}
}

// Dense8 is a buckets x classes table of 8-bit weights with a scale per
// bucket.
type Dense8 struct {
	W    []int8
	Rows []float32
}

func (t Dense8) Add(nc int, feats []uint32, acc []float32) {
	acc = acc[:nc]
	for _, b := range feats {
		row := t.W[int(b)*nc : int(b)*nc+nc]
		sc := t.Rows[b]
		for k, v := range row {
			acc[k] += float32(v) * sc
		}
	}
}

// Compact16 is a 16-bit table stored so that it is used where it lies
// (in embedded bytes: no decompression, no conversion at start-up).
// Little-endian:
//
//	index  buckets/64 blocks of 16 bytes: a uint64 whose bit i is set
//	       when bucket 64*block+i has weights, the uint32 count of set
//	       bits in the blocks before it, and 4 zero bytes (one block is
//	       one memory read)
//	rows   rows x classes int16: the rows of the set buckets, in order
//
// Most buckets are never hashed to in training; their rows of zeros are
// left out.
type Compact16 struct {
	Index, Rows []byte
	// rows16 is Rows seen as int16s where the machine allows it (little
	// endian, aligned): the same bytes, read without decoding.
	rows16 []int16
}

// NewCompact16 uses index and rows where they lie.
func NewCompact16(index, rows []byte) *Compact16 {
	t := &Compact16{Index: index, Rows: rows}
	if len(rows) > 0 && uintptr(unsafe.Pointer(&rows[0]))%2 == 0 && binary.NativeEndian.Uint16([]byte{1, 0}) == 1 {
		t.rows16 = unsafe.Slice((*int16)(unsafe.Pointer(&rows[0])), len(rows)/2)
	}
	return t
}

func (t Compact16) Add(nc int, feats []uint32, acc []float32) {
	acc = acc[:nc]
	// Find the rows of a batch of features first and add them after: the
	// reads of the index, then of the rows, do not wait on each other, so
	// the memory serves several at once.
	var batch [64]int
	for len(feats) > 0 {
		n := 0
		for _, b := range feats[:min(len(feats), len(batch))] {
			block := t.Index[16*(b>>6) : 16*(b>>6)+12]
			word := binary.LittleEndian.Uint64(block)
			bit := uint64(1) << (b & 63)
			if word&bit != 0 { // else a row of zeros
				batch[n] = int(binary.LittleEndian.Uint32(block[8:])) + bits.OnesCount64(word&(bit-1))
				n++
			}
		}
		feats = feats[min(len(feats), len(batch)):]
		for _, r := range batch[:n] {
			if t.rows16 != nil {
				for k, v := range t.rows16[r*nc : r*nc+nc] {
					acc[k] += float32(v)
				}
				continue
			}
			row := t.Rows[2*r*nc : 2*(r+1)*nc]
			for k := range acc {
				acc[k] += float32(int16(binary.LittleEndian.Uint16(row[2*k:])))
			}
		}
	}
}

// Pack16 lays out dense 16-bit weights (buckets x nc, buckets a multiple
// of 64) in the compact format; n is the number of rows kept.
func Pack16(w []int16, nc int) (index, rows []byte, n int) {
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

// Quantize16 stores w in dst at 16 bits with one linear scale, which it
// returns (weight = stored value * scale).
func Quantize16(w []float32, dst []int16) float64 {
	maxAbs := 0.0
	for _, v := range w {
		maxAbs = max(maxAbs, math.Abs(float64(v)))
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	scale := maxAbs / 32767
	for i, v := range w {
		dst[i] = int16(math.Round(float64(v) / scale))
	}
	return scale
}

// Trainer holds a perceptron's weights and their running sums for
// averaging: the average is W - u/c.
type Trainer struct {
	NC int
	W  Dense32
	u  []float64
	c  float64
}

// NewTrainer returns a trainer of buckets x nc zero weights.
func NewTrainer(buckets, nc int) *Trainer {
	return &Trainer{NC: nc, W: make(Dense32, buckets*nc), u: make([]float64, buckets*nc), c: 1}
}

// Update moves the weights of feats towards class gold and away from
// pred.
func (t *Trainer) Update(feats []uint32, gold, pred int) {
	for _, b := range feats {
		i := int(b) * t.NC
		t.W[i+gold]++
		t.u[i+gold] += t.c
		t.W[i+pred]--
		t.u[i+pred] -= t.c
	}
}

// Tick counts one decision.
func (t *Trainer) Tick() { t.c++ }

// Averaged writes the averaged weights to dst.
func (t *Trainer) Averaged(dst []float32) {
	for i, w := range t.W {
		dst[i] = w - float32(t.u[i]/t.c)
	}
}

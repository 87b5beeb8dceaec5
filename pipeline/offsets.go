package pipeline

import (
	"fmt"
	"unicode/utf8"
)

// OffsetUnit is what an offset counts in written output.
type OffsetUnit string

const (
	Bytes      OffsetUnit = "bytes"
	CodePoints OffsetUnit = "codepoints" // what Python's str and spaCy slice with
	UTF16      OffsetUnit = "utf16"      // what JavaScript and Java slice with
)

// ParseOffsetUnit checks a config value.
func ParseOffsetUnit(s string) (OffsetUnit, error) {
	switch u := OffsetUnit(s); u {
	case Bytes, CodePoints, UTF16:
		return u, nil
	}
	return "", fmt.Errorf("unknown offset unit %q (want bytes, codepoints or utf16)", s)
}

// checkpointEvery is the byte stride of the converter's checkpoints: memory
// is len(text)/checkpointEvery ints and a lookup scans at most that many bytes.
const checkpointEvery = 256

// offsetConverter turns byte offsets into another unit. Invalid UTF-8 bytes
// count as one code point (U+FFFD) each, as Go's range loop decodes them.
type offsetConverter struct {
	text   string
	unit   OffsetUnit
	counts []int // counts[i] = units before byte i*checkpointEvery
}

func newOffsetConverter(text string, unit OffsetUnit) *offsetConverter {
	c := &offsetConverter{text: text, unit: unit}
	if unit == Bytes {
		return c
	}
	c.counts = make([]int, 0, len(text)/checkpointEvery+1)
	n := 0
	for i := 0; i < len(text); {
		if i%checkpointEvery == 0 {
			c.counts = append(c.counts, n)
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		// A rune may straddle a checkpoint: record every checkpoint it covers
		// with the count before it, so lookups never start mid-rune.
		for j := i + 1; j < i+size; j++ {
			if j%checkpointEvery == 0 {
				c.counts = append(c.counts, -1-n) // marks "inside a rune"
			}
		}
		n += c.width(r)
		i += size
	}
	return c
}

// width is how many units one decoded rune takes.
func (c *offsetConverter) width(r rune) int {
	if c.unit == UTF16 && r >= 0x10000 {
		return 2 // a surrogate pair
	}
	return 1
}

// convert returns the offset of byte b in the converter's unit. b must be
// on a rune boundary, as every span boundary readout emits is.
func (c *offsetConverter) convert(b int) int {
	if c.unit == Bytes || b <= 0 {
		return b
	}
	if b >= len(c.text) {
		b = len(c.text)
	}
	k := b / checkpointEvery
	if k >= len(c.counts) {
		k = len(c.counts) - 1
	}
	// Step back over checkpoints that fall inside a rune.
	for k > 0 && c.counts[k] < 0 {
		k--
	}
	i, n := k*checkpointEvery, c.counts[k]
	for i < b {
		r, size := utf8.DecodeRuneInString(c.text[i:])
		n += c.width(r)
		i += size
	}
	return n
}

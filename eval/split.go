package eval

import (
	"crypto/sha256"
	"encoding/binary"
	"path/filepath"
)

// Parts of a development set. Misses are read on the tune part only; the
// check part judges a finished change.
const (
	Tune  = "tune"
	Check = "check"
)

// SplitOf returns the part a development file belongs to: check when the
// first four bytes of the SHA-256 of its base name, read as a big-endian
// number, are divisible by 3 (about a third of the files), tune otherwise.
// The rule depends on the name alone, so a file never changes part and a
// new file's part is known before anyone reads it.
func SplitOf(path string) string {
	h := sha256.Sum256([]byte(filepath.Base(path)))
	if binary.BigEndian.Uint32(h[:4])%3 == 0 {
		return Check
	}
	return Tune
}

// Package lowercase looks words up in maps of lower-case keys without making
// the lower-case copy strings.ToLower would: most words of a text are
// short and ASCII, and the rules look many of them up.
package lowercase

import "strings"

// Get returns m[strings.ToLower(w)].
func Get[V any](m map[string]V, w string) V {
	v, _ := Lookup(m, w)
	return v
}

// Lookup returns m[strings.ToLower(w)] and whether it is there.
func Lookup[V any](m map[string]V, w string) (V, bool) {
	var buf [32]byte
	if len(w) > len(buf) {
		v, ok := m[strings.ToLower(w)]
		return v, ok
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			v, ok := m[strings.ToLower(w)]
			return v, ok
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	v, ok := m[string(buf[:len(w)])] // no copy: the compiler reads the bytes in place
	return v, ok
}

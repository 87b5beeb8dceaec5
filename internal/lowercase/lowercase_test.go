package lowercase

import (
	"strings"
	"testing"
)

func TestGet(t *testing.T) {
	m := map[string]int{"minister": 1, "ümit": 2, "": 3, strings.Repeat("a", 40): 4, "k": 5}
	for _, w := range []string{"minister", "Minister", "MINISTER", "mInIsTeR", "Ümit", "ÜMIT", "", strings.Repeat("A", 40),
		"ministers", "Minis", "K", "\u212a", "\xff", "minister\x00"} {
		want, wantOK := m[strings.ToLower(w)]
		got, ok := Lookup(m, w)
		if got != want || ok != wantOK {
			t.Errorf("Lookup(%q) = %d, %v; strings.ToLower gives %d, %v", w, got, ok, want, wantOK)
		}
		if g := Get(m, w); g != want {
			t.Errorf("Get(%q) = %d, want %d", w, g, want)
		}
	}
}

func FuzzLookup(f *testing.F) {
	m := map[string]bool{"said": true, "the": true, "ñandú": true}
	for _, s := range []string{"Said", "THE", "Ñandú", "\u212a", "İ"} {
		f.Add(s)
		m[strings.ToLower(s)] = true
	}
	f.Fuzz(func(t *testing.T, w string) {
		want, wantOK := m[strings.ToLower(w)]
		if got, ok := Lookup(m, w); got != want || ok != wantOK {
			t.Fatalf("Lookup(%q) = %v, %v; want %v, %v", w, got, ok, want, wantOK)
		}
	})
}

func BenchmarkGet(b *testing.B) {
	m := map[string]bool{"minister": true}
	b.ReportAllocs()
	for b.Loop() {
		Get(m, "Minister")
	}
}

func BenchmarkToLower(b *testing.B) {
	m := map[string]bool{"minister": true}
	b.ReportAllocs()
	for b.Loop() {
		_ = m[strings.ToLower("Minister")]
	}
}

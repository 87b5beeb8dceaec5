package pipeline

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

var offsetSamples = []string{
	"",
	"plain ascii text",
	"Egypt’s “Foreign Minister” — Badr Abdel Atty\r\n\tCairo\u00a0Moscow",
	"Сергей Лавров – министр; 北京 😀 emoji 👩‍👩‍👧 and é vs e\u0301",
	strings.Repeat("ab€😀", 300), // crosses many checkpoints mid-rune
	"bad \xff\xfe utf8 \xe2\x82 tail",
}

// boundaries returns every byte offset that starts a rune, plus len(s).
func boundaries(s string) []int {
	var bs []int
	for i := range s {
		bs = append(bs, i)
	}
	return append(bs, len(s))
}

// checkUnits verifies that converted offsets slice the same text out of the
// string's code points or UTF-16 units as the byte offsets do.
func checkUnits(t *testing.T, s string) {
	t.Helper()
	runes := []rune(s)
	units := utf16.Encode(runes)
	cp := newOffsetConverter(s, CodePoints)
	u16 := newOffsetConverter(s, UTF16)
	by := newOffsetConverter(s, Bytes)
	bs := boundaries(s)
	for i, a := range bs {
		for _, b := range bs[i:min(i+6, len(bs))] {
			want := []rune(s[a:b])
			if got := runes[cp.convert(a):cp.convert(b)]; !slices.Equal(got, want) {
				t.Fatalf("codepoints [%d:%d] of %q: got %q want %q", a, b, s, string(got), string(want))
			}
			if got := utf16.Decode(units[u16.convert(a):u16.convert(b)]); !slices.Equal(got, want) {
				t.Fatalf("utf16 [%d:%d] of %q: got %q want %q", a, b, s, string(got), string(want))
			}
			if by.convert(a) != a {
				t.Fatalf("bytes offset %d changed to %d", a, by.convert(a))
			}
		}
	}
	if n := cp.convert(len(s)); n != len(runes) {
		t.Fatalf("codepoint length %d, want %d", n, len(runes))
	}
	if n := u16.convert(len(s)); n != len(units) {
		t.Fatalf("utf16 length %d, want %d", n, len(units))
	}
}

func TestOffsetConversion(t *testing.T) {
	for _, s := range offsetSamples {
		checkUnits(t, s)
	}
}

func TestOffsetConversionValues(t *testing.T) {
	s := "a😀b"
	cp := newOffsetConverter(s, CodePoints)
	u16 := newOffsetConverter(s, UTF16)
	if got := cp.convert(5); got != 2 {
		t.Errorf("codepoint offset of b = %d, want 2", got)
	}
	if got := u16.convert(5); got != 3 {
		t.Errorf("utf16 offset of b = %d, want 3", got)
	}
}

func TestParseOffsetUnit(t *testing.T) {
	for _, ok := range []string{"bytes", "codepoints", "utf16"} {
		if _, err := ParseOffsetUnit(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	if _, err := ParseOffsetUnit("chars"); err == nil {
		t.Error("chars accepted")
	}
}

func FuzzOffsets(f *testing.F) {
	for _, s := range offsetSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4096 {
			s = s[:4096]
		}
		if !utf8.ValidString(s) {
			// Invalid bytes count one unit each; still check consistency.
			s = strings.ToValidUTF8(s, "\uFFFD")
		}
		checkUnits(t, s)
	})
}

package ner

import (
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/readout/readout/gazetteer"
)

// Features are hashed: a template id and the hashes of the strings it
// combines are mixed into 64 bits, and the low bits pick a bucket of the
// weight table. Nothing is allocated per feature.

// Feature templates. Their numbers are part of the model format: append,
// never renumber.
const (
	tBias = iota + 1
	tWord
	tLower
	tPrefix
	tSuffix
	tShape
	tShort
	tFlags
	tPosition
	tHeadline
	tPOS
	tPOSPrev
	tPOSNext
	tPOSPrevCur
	tPOSCurNext
	tPrev1
	tPrev2
	tNext1
	tNext2
	tPrevCur
	tCurNext
	tShortPrev
	tShortNext
	tShortTri
	tGaz
	tGazPrev
	tGazNext
	tGiven
	tTitle
	tDoc
	tPOSShort
	tTag1
	tTag2
	tTag1Word
	tTag1Short
	tHist
	tHistShort
	tCluster
)

const (
	hashSeed = 0xcbf29ce484222325
	hashMul  = 0x100000001b3
)

func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

func hstr(s string) uint64 {
	h := uint64(hashSeed)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= hashMul
	}
	return mix(h)
}

func f1(t int, a uint64) uint64    { return mix(uint64(t)*0x9E3779B97F4A7C15 ^ a) }
func f2(t int, a, b uint64) uint64 { return mix(f1(t, a) ^ b*0xD6E8FEB86659FD93) }
func f3(t int, a, b, c uint64) uint64 {
	return mix(f2(t, a, b) ^ c*0xA0761D6478BD642F)
}

// Token flags.
const (
	flCap    = 1 << iota // first rune is upper case
	flAllCap             // has letters, all upper case
	flDigit
	flHyphen
	flPeriod
	flLetter
	flLower // has letters, all lower case
	flOther // a rune that is not a letter, digit, hyphen or period
)

var (
	hStart = hstr("<s>")
	hEnd   = hstr("</s>")
)

// Gazetteer codes: kind index (1..), with bits for inside-a-match and
// ambiguity.
var gazKinds = []string{gazetteer.Country, gazetteer.City, gazetteer.Region, gazetteer.Continent,
	gazetteer.Territory, gazetteer.Feature, gazetteer.Org, gazetteer.Demonym}

const (
	gazInside = 16
	gazAmbig  = 32
	gazMulti  = 64
)

func gazKind(k string) uint8 {
	for i, g := range gazKinds {
		if g == k {
			return uint8(i + 1)
		}
	}
	return 15
}

// scratch holds per-call buffers; it lives in a sync.Pool.
type scratch struct {
	buf    []byte
	lower  []string // per doc token
	hw, hl []uint64
	hs, hh []uint64 // shape, short shape
	hp     []uint64
	flags  []uint8
	sentOf []int32 // first doc-token index of each sentence, plus the end
	capSen []bool  // sentence is all upper case (a headline)
	docCap map[uint64]bool
	docLow map[uint64]bool
	hist   map[uint64]uint8
	gaz    []uint8
	feats  []uint32
	off    []int32
	scores []float32
	cls    []uint8
	gold   []uint8
	conf   []float32
	spans  []span
}

func newScratch() *scratch {
	return &scratch{docCap: map[uint64]bool{}, docLow: map[uint64]bool{}, hist: map[uint64]uint8{}}
}

// lowerInto appends the lower-case form of w to buf.
func lowerInto(buf []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			for _, r := range w[i:] {
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
			}
			return buf
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

func shapeClass(r rune) rune {
	switch {
	case unicode.IsUpper(r):
		return 'X'
	case unicode.IsLetter(r):
		return 'x'
	case unicode.IsDigit(r):
		return 'd'
	}
	return r
}

// shapes returns the hashes of a word's shape (runs cut at four: "Xxxx")
// and short shape (runs collapsed: "Xx"), and its flags.
func shapes(w string) (long, short uint64, fl uint8) {
	lh, sh := uint64(hashSeed), uint64(hashSeed)
	var prev rune = -1
	run := 0
	upper, lower := 0, 0
	first := true
	for _, r := range w {
		c := shapeClass(r)
		switch c {
		case 'X':
			upper++
			fl |= flLetter
			if first {
				fl |= flCap
			}
		case 'x':
			lower++
			fl |= flLetter
		case 'd':
			fl |= flDigit
		case '-':
			fl |= flHyphen
		case '.':
			fl |= flPeriod
		default:
			fl |= flOther
		}
		first = false
		if c == prev {
			run++
		} else {
			run = 1
		}
		if run <= 4 {
			lh = (lh ^ uint64(c)) * hashMul
		}
		if run == 1 {
			sh = (sh ^ uint64(c)) * hashMul
		}
		prev = c
	}
	if upper > 0 && lower == 0 {
		fl |= flAllCap
	}
	if lower > 0 && upper == 0 {
		fl |= flLower
	}
	return mix(lh), mix(sh), fl
}

// prepare computes the per-token values of a document.
func (s *scratch) prepare(sents, pos [][]string, g *gazetteer.Gazetteer) {
	n := 0
	bytes := 0
	for _, st := range sents {
		n += len(st)
		for _, w := range st {
			bytes += 2*len(w) + 4
		}
	}
	s.buf = grow(s.buf, bytes)[:0]
	s.lower = grow(s.lower, n)
	s.hw, s.hl, s.hs, s.hh, s.hp = grow(s.hw, n), grow(s.hl, n), grow(s.hs, n), grow(s.hh, n), grow(s.hp, n)
	s.flags = grow(s.flags, n)
	s.sentOf = grow(s.sentOf, len(sents)+1)
	s.capSen = grow(s.capSen, len(sents))
	clear(s.docCap)
	clear(s.docLow)
	clear(s.hist)
	j := 0
	for si, st := range sents {
		s.sentOf[si] = int32(j)
		letters, caps := 0, 0
		for i, w := range st {
			start := len(s.buf)
			s.buf = lowerInto(s.buf, w)
			lw := s.buf[start:]
			s.lower[j] = unsafe.String(unsafe.SliceData(lw), len(lw))
			s.hw[j] = hstr(w)
			s.hl[j] = hstr(s.lower[j])
			s.hs[j], s.hh[j], s.flags[j] = shapes(w)
			p := ""
			if si < len(pos) && i < len(pos[si]) {
				p = pos[si][i]
			}
			s.hp[j] = hstr(p)
			if s.flags[j]&flLetter != 0 {
				letters++
				if s.flags[j]&flAllCap != 0 {
					caps++
				}
			}
			j++
		}
		s.capSen[si] = letters >= 2 && caps == letters
	}
	s.sentOf[len(sents)] = int32(j)
	// Document evidence: forms written capitalised inside ordinary
	// sentences, and forms written in lower case.
	for si := range sents {
		a, b := int(s.sentOf[si]), int(s.sentOf[si+1])
		for k := a; k < b; k++ {
			f := s.flags[k]
			switch {
			case f&flLower != 0:
				s.docLow[s.hl[k]] = true
			case k > a && f&flCap != 0 && f&flAllCap == 0 && !s.capSen[si]:
				s.docCap[s.hl[k]] = true
			}
		}
	}
}

// grow returns a slice of length n reusing b's storage when it can.
func grow[T any](b []T, n int) []T {
	if cap(b) >= n {
		return b[:n]
	}
	return make([]T, n, n+n/4)
}

// sentence computes the static features of sentence si into s.feats and
// s.off, with bucket indices masked by mask.
func (s *scratch) sentence(si int, words []string, g *gazetteer.Gazetteer, titles *gazetteer.Titles, mask uint32, clusters map[uint64]uint64) {
	a := int(s.sentOf[si])
	n := len(words)
	s.gaz = grow(s.gaz, n)
	clear(s.gaz)
	if g != nil {
		for _, m := range g.Match(words) {
			code := gazKind(m.Entries[0].Kind)
			if m.Ambiguous {
				code |= gazAmbig
			}
			if m.End-m.Start > 1 {
				code |= gazMulti
			}
			for k := m.Start; k < m.End && k < n; k++ {
				s.gaz[k] = code
				if k > m.Start {
					s.gaz[k] = code | gazInside
				}
			}
		}
	}
	s.feats = s.feats[:0]
	s.off = grow(s.off, n+1)
	head := uint64(0)
	if s.capSen[si] {
		head = 1
	}
	lowAt := func(i int) uint64 {
		if i < 0 {
			return hStart
		}
		if i >= n {
			return hEnd
		}
		return s.hl[a+i]
	}
	shortAt := func(i int) uint64 {
		if i < 0 {
			return hStart
		}
		if i >= n {
			return hEnd
		}
		return s.hh[a+i]
	}
	posAt := func(i int) uint64 {
		if i < 0 {
			return hStart
		}
		if i >= n {
			return hEnd
		}
		return s.hp[a+i]
	}
	gazAt := func(i int) uint64 {
		if i < 0 || i >= n {
			return 0
		}
		return uint64(s.gaz[i])
	}
	for i := 0; i < n; i++ {
		s.off[i] = int32(len(s.feats))
		j := a + i
		add := func(h uint64) { s.feats = append(s.feats, uint32(h)&mask) }
		add(f1(tBias, 0))
		add(f1(tWord, s.hw[j]))
		add(f1(tLower, s.hl[j]))
		lw := s.lower[j]
		// Prefixes and suffixes of one to four runes.
		for k, cnt := 0, 0; k < len(lw) && cnt < 4; {
			_, sz := utf8.DecodeRuneInString(lw[k:])
			k += sz
			cnt++
			add(f2(tPrefix, uint64(cnt), hstr(lw[:k])))
		}
		for k, cnt := len(lw), 0; k > 0 && cnt < 4; {
			_, sz := utf8.DecodeLastRuneInString(lw[:k])
			k -= sz
			cnt++
			add(f2(tSuffix, uint64(cnt), hstr(lw[k:])))
		}
		fl := uint64(s.flags[j])
		add(f1(tShape, s.hs[j]))
		add(f1(tShort, s.hh[j]))
		add(f1(tFlags, fl))
		posn := uint64(1)
		switch {
		case i == 0:
			posn = 0
		case i == n-1:
			posn = 2
		}
		add(f2(tPosition, posn, fl&(flCap|flAllCap)))
		add(f2(tHeadline, head, s.hh[j]))
		add(f1(tPOS, s.hp[j]))
		add(f1(tPOSPrev, posAt(i-1)))
		add(f1(tPOSNext, posAt(i+1)))
		add(f2(tPOSPrevCur, posAt(i-1), s.hp[j]))
		add(f2(tPOSCurNext, s.hp[j], posAt(i+1)))
		add(f2(tPOSShort, s.hp[j], s.hh[j]))
		add(f1(tPrev1, lowAt(i-1)))
		add(f1(tPrev2, lowAt(i-2)))
		add(f1(tNext1, lowAt(i+1)))
		add(f1(tNext2, lowAt(i+2)))
		add(f2(tPrevCur, lowAt(i-1), s.hl[j]))
		add(f2(tCurNext, s.hl[j], lowAt(i+1)))
		add(f1(tShortPrev, shortAt(i-1)))
		add(f1(tShortNext, shortAt(i+1)))
		add(f3(tShortTri, shortAt(i-1), s.hh[j], shortAt(i+1)))
		if c := gazAt(i); c != 0 {
			add(f1(tGaz, c))
		}
		if c := gazAt(i - 1); c != 0 {
			add(f1(tGazPrev, c))
		}
		if c := gazAt(i + 1); c != 0 {
			add(f1(tGazNext, c))
		}
		if g != nil {
			code := uint64(0)
			if g.GivenName(words[i]) {
				code |= 1
			}
			if i > 0 && g.GivenName(words[i-1]) {
				code |= 2
			}
			if i+1 < n && g.GivenName(words[i+1]) {
				code |= 4
			}
			if code != 0 {
				add(f1(tGiven, code))
			}
		}
		if titles != nil {
			code := uint64(0)
			if i > 0 && titles.IsHead(s.lower[j-1]) {
				code |= 1
			}
			if titles.IsHead(lw) {
				code |= 2
			}
			if i > 0 && titles.IsModifier(s.lower[j-1]) {
				code |= 4
			}
			if code != 0 {
				add(f1(tTitle, code))
			}
		}
		if s.flags[j]&flLetter != 0 {
			code := uint64(0)
			if s.docCap[s.hl[j]] {
				code |= 1
			}
			if s.docLow[s.hl[j]] {
				code |= 2
			}
			add(f3(tDoc, code, fl&(flCap|flAllCap), posn))
		}
		if clusters != nil {
			if c, ok := clusters[s.hl[j]]; ok {
				add(f1(tCluster, c))
			}
		}
	}
	s.off[n] = int32(len(s.feats))
}

// dynamic appends the features that depend on earlier decisions: the
// previous two classes and what the document said earlier about this word.
func (s *scratch) dynamic(dst []uint32, j int, p1, p2 int, hist uint8, mask uint32) []uint32 {
	dst = append(dst,
		uint32(f1(tTag1, uint64(p1)))&mask,
		uint32(f2(tTag2, uint64(p1), uint64(p2)))&mask,
		uint32(f2(tTag1Word, uint64(p1), s.hl[j]))&mask,
		uint32(f2(tTag1Short, uint64(p1), s.hh[j]))&mask,
	)
	if hist != 0 {
		dst = append(dst,
			uint32(f1(tHist, uint64(hist)))&mask,
			uint32(f2(tHistShort, uint64(hist), s.hh[j]))&mask,
		)
	}
	return dst
}

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
	tClusterPrev
	tClusterNext
	tSport
	tResults
	tMaj
	tMajShort
	tMajNbr
	tClusterBi
	tTag1Cluster // unused: tried, did not pay
	tWire
	tRunHead
	tRunFirst
)

// runJoin are lower-case words that may sit inside a capitalised name
// ("Bank of England", "Procter & Gamble").
func runJoin(lw string) bool {
	switch lw {
	case "of", "&", "and", "de", "for", "the", "'s", "-":
		return true
	}
	return false
}

// sportCues are words that mark a sports report; in such documents places
// and countries are mostly teams (CoNLL-2003: ORG for clubs, LOC for
// national sides), which the document flag lets the model learn apart.
var sportCues = map[string]bool{}

func init() {
	for _, w := range []string{"soccer", "cricket", "tennis", "golf", "rugby", "baseball", "basketball",
		"hockey", "league", "halftime", "half-time", "scorers", "innings", "wickets", "wicket", "goals",
		"goal", "striker", "midfielder", "goalkeeper", "championship", "cup", "match", "matches", "seeded",
		"season", "coach", "draw", "drew", "beat", "defeated", "points", "standings", "played", "game",
		"games", "team", "club", "olympic", "tournament", "race", "lap", "champion", "quarter-final",
		"semi-final", "final", "win", "won", "victory", "nba", "nhl", "nfl", "runs", "batting", "bowling",
		"premier", "division", "football", "stadium", "player", "players", "inning", "pitcher"} {
		sportCues[w] = true
	}
}

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
	cl     []uint32 // cluster path + 1, 0 for none
	sentOf []int32  // first doc-token index of each sentence, plus the end
	capSen []bool   // sentence is all upper case (a headline)
	numSen []bool   // sentence is a results line (a quarter of its tokens are numbers)
	sport  bool     // the document reads like a sports report
	wire   bool     // the document has an all-caps headline (wire copy)
	docCap map[uint64]bool
	docLow map[uint64]bool
	hist   map[uint64]uint8
	pass2  bool
	first  []uint8              // first-pass class of each doc token
	votes  map[uint64][8]uint16 // first-pass types per capitalised form: [0] O, [1+k] type k
	gaz    []uint8
	lex    []uint8 // lexicon classes of a sentence's words (lexGiven...)
	feats  []uint32
	off    []int32
	scores []float32
	cls    []uint8
	gold   []uint8
	conf   []float32
	spans  []span
}

const (
	lexGiven uint8 = 1 << iota
	lexHead
	lexModifier
)

func newScratch() *scratch {
	return &scratch{docCap: map[uint64]bool{}, docLow: map[uint64]bool{}, hist: map[uint64]uint8{}, votes: map[uint64][8]uint16{}}
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
func (s *scratch) prepare(sents, pos [][]string, g *gazetteer.Gazetteer, cm pathLookup) {
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
	s.cl = grow(s.cl, n)
	s.sentOf = grow(s.sentOf, len(sents)+1)
	s.capSen = grow(s.capSen, len(sents))
	s.numSen = grow(s.numSen, len(sents))
	cues := 0
	clear(s.docCap)
	clear(s.docLow)
	clear(s.hist)
	clear(s.votes)
	s.pass2 = false
	s.first = grow(s.first, n)
	j := 0
	for si, st := range sents {
		s.sentOf[si] = int32(j)
		letters, caps, nums := 0, 0, 0
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
			s.cl[j] = 0
			if cm != nil {
				if c := cm.path(s.hw[j]); c != 0 {
					s.cl[j] = c
				} else {
					s.cl[j] = cm.path(s.hl[j])
				}
			}
			if sportCues[s.lower[j]] {
				cues++
			}
			if s.flags[j]&(flDigit|flLetter) == flDigit {
				nums++
			}
			if s.flags[j]&flLetter != 0 {
				letters++
				if s.flags[j]&flAllCap != 0 {
					caps++
				}
			}
			j++
		}
		s.capSen[si] = letters >= 2 && caps == letters
		s.numSen[si] = nums >= 2 && 4*nums >= len(st)
	}
	s.sport = cues >= 3
	s.wire = false
	for _, c := range s.capSen[:len(sents)] {
		s.wire = s.wire || c
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
func (s *scratch) sentence(si int, words []string, g *gazetteer.Gazetteer, titles *gazetteer.Titles, mask uint32, cl *Clusters) {
	a := int(s.sentOf[si])
	n := len(words)
	s.gaz = grow(s.gaz, n)
	clear(s.gaz)
	if g != nil {
		for _, m := range g.MatchTrained(words) {
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
	// Each word's lexicon classes, looked up once: the features read each
	// of them at three positions.
	s.lex = grow(s.lex, n)
	for i := range n {
		var c uint8
		if g != nil && g.GivenName(words[i]) {
			c |= lexGiven
		}
		if titles != nil && titles.IsHead(s.lower[a+i]) {
			c |= lexHead
		}
		if titles != nil && titles.IsModifier(s.lower[a+i]) {
			c |= lexModifier
		}
		s.lex[i] = c
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
			if s.lex[i]&lexGiven != 0 {
				code |= 1
			}
			if i > 0 && s.lex[i-1]&lexGiven != 0 {
				code |= 2
			}
			if i+1 < n && s.lex[i+1]&lexGiven != 0 {
				code |= 4
			}
			if code != 0 {
				add(f1(tGiven, code))
			}
		}
		if titles != nil {
			code := uint64(0)
			if i > 0 && s.lex[i-1]&lexHead != 0 {
				code |= 1
			}
			if s.lex[i]&lexHead != 0 {
				code |= 2
			}
			if i > 0 && s.lex[i-1]&lexModifier != 0 {
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
		if s.sport {
			add(f3(tSport, 1, gazAt(i), s.hh[j]))
			if c := s.cl[j]; c != 0 && cl != nil {
				add(f3(tSport, 2, uint64((c-1)>>(cl.Bits-cl.Prefixes[min(1, len(cl.Prefixes)-1)])), 0))
			}
		}
		if s.pass2 {
			if mj, u := s.majority(j); mj != 0 {
				add(f2(tMaj, mj, u))
				add(f2(tMajShort, mj, s.hh[j]))
			}
			mp, mn := uint64(0), uint64(0)
			if i > 0 {
				mp, _ = s.majority(j - 1)
			}
			if i+1 < n {
				mn, _ = s.majority(j + 1)
			}
			if mp != 0 || mn != 0 {
				add(f2(tMajNbr, mp, mn))
			}
		}
		if fl&(flCap|flAllCap) != 0 && !s.capSen[si] {
			// The capitalised run around w (joined by "of", "&", ...):
			// its last and first words, and where w sits in it.
			a0, b0 := i, i
			for a0 > 0 && (s.flags[a+a0-1]&flCap != 0 || (a0 > 1 && runJoin(s.lower[a+a0-1]) && s.flags[a+a0-2]&flCap != 0)) {
				a0--
			}
			for b0+1 < n && (s.flags[a+b0+1]&flCap != 0 || (b0+2 < n && runJoin(s.lower[a+b0+1]) && s.flags[a+b0+2]&flCap != 0)) {
				b0++
			}
			if b0 > a0 {
				rp := uint64(1)
				switch i {
				case a0:
					rp = 0
				case b0:
					rp = 2
				}
				add(f2(tRunHead, rp, s.hl[a+b0]))
				add(f2(tRunFirst, rp, s.hl[a+a0]))
				add(f3(tRunFirst, 3+rp, uint64(min(b0-a0, 4)), s.hh[j]))
				add(f3(tRunFirst, 6+rp, 0, lowAt(a0-1)))
				add(f3(tRunFirst, 6+rp, 1, lowAt(b0+1)))
				if c := s.cl[a+b0]; c != 0 && cl != nil {
					add(f3(tRunHead, 3+rp, uint64((c-1)>>(cl.Bits-cl.Prefixes[min(2, len(cl.Prefixes)-1)])), 0))
				}
			}
		}
		if s.wire {
			add(f3(tWire, 1, gazAt(i), s.hh[j]))
			if c := s.cl[j]; c != 0 && cl != nil {
				add(f3(tWire, 2, uint64((c-1)>>(cl.Bits-cl.Prefixes[min(1, len(cl.Prefixes)-1)])), 0))
			}
		}
		if s.numSen[si] {
			add(f3(tResults, gazAt(i), s.hh[j], shortAt(i+1)))
		}
		if cl != nil {
			if c := s.cl[j]; c != 0 {
				for _, p := range cl.Prefixes {
					add(f2(tCluster, uint64(p), uint64((c-1)>>(cl.Bits-p))))
				}
			} else {
				add(f2(tCluster, 0, s.hh[j]))
			}
			if i+1 < n && s.cl[j] != 0 && s.cl[j+1] != 0 {
				p := uint(cl.Bits - cl.Prefixes[min(1, len(cl.Prefixes)-1)])
				add(f3(tClusterBi, 6, uint64((s.cl[j]-1)>>p), uint64((s.cl[j+1]-1)>>p)))
			}
			if i > 0 && s.cl[j] != 0 && s.cl[j-1] != 0 {
				p := uint(cl.Bits - cl.Prefixes[min(1, len(cl.Prefixes)-1)])
				add(f3(tClusterBi, 7, uint64((s.cl[j-1]-1)>>p), uint64((s.cl[j]-1)>>p)))
			}
			np := len(cl.Prefixes)
			for _, p := range [2]int{cl.Prefixes[min(1, np-1)], cl.Prefixes[min(3, np-1)]} {
				prev, next := uint64(1<<40), uint64(1<<40)
				if i > 0 && s.cl[j-1] != 0 {
					prev = uint64((s.cl[j-1] - 1) >> (cl.Bits - p))
				} else if i == 0 {
					prev = 1 << 41
				}
				if i+1 < n && s.cl[j+1] != 0 {
					next = uint64((s.cl[j+1] - 1) >> (cl.Bits - p))
				} else if i+1 == n {
					next = 1 << 41
				}
				add(f2(tClusterPrev, uint64(p), prev))
				add(f2(tClusterNext, uint64(p), next))
			}
		}
		if s.wire {
			// Wire copy (an all-caps headline: CoNLL-2003's Reuters
			// stories) gets a second copy of every feature, so that its
			// conventions (clubs named after cities are ORG, ...) are
			// learnt apart from those of other news (domain augmentation).
			for _, f := range s.feats[s.off[i]:] {
				s.feats = append(s.feats, uint32(mix(uint64(f)^0x3C6EF372FE94F82B))&mask)
			}
		}
	}
	s.off[n] = int32(len(s.feats))
}

// keep records the classes s.cls of sentence si (first pass).
func (s *scratch) keep(si, n int) {
	copy(s.first[s.sentOf[si]:], s.cls[:n])
}

// secondPass turns the first pass's classes into votes per capitalised
// word form and resets the prediction history.
func (s *scratch) secondPass(c *codec) {
	clear(s.votes)
	clear(s.hist)
	n := int(s.sentOf[len(s.sentOf)-1])
	for j := 0; j < n; j++ {
		if s.flags[j]&(flCap|flAllCap) == 0 {
			continue
		}
		v := s.votes[s.hl[j]]
		k := 0
		if ty := c.typ[s.first[j]]; ty >= 0 && int(ty) < 7 {
			k = int(ty) + 1
		}
		v[k]++
		s.votes[s.hl[j]] = v
	}
	s.pass2 = true
}

// majority returns the most voted class of doc token j's form (0 none, 1
// O, 2+k type k) and whether the vote was unanimous over >1 mentions.
func (s *scratch) majority(j int) (uint64, uint64) {
	if s.flags[j]&(flCap|flAllCap) == 0 {
		return 0, 0
	}
	v, ok := s.votes[s.hl[j]]
	if !ok {
		return 0, 0
	}
	best, tot := 0, 0
	for k, c := range v {
		tot += int(c)
		if c > v[best] {
			best = k
		}
	}
	u := uint64(0)
	if int(v[best]) == tot && tot > 1 {
		u = 1
	}
	return uint64(best) + 1, u
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

package ner

import (
	"github.com/readout/readout/conll"
)

// Tagging schemes. A class is 0 for O; entity type k owns the classes
// 1+2k (B), 2+2k (I) under IOB2 and 1+4k (B), 2+4k (I), 3+4k (L), 4+4k (U)
// under BILOU.
const (
	SchemeBILOU = "bilou"
	SchemeIOB2  = "iob2"
)

// Class prefixes.
const (
	pO = iota
	pB
	pI
	pL
	pU
)

// codec maps entity spans to per-token classes and back.
type codec struct {
	bilou bool
	types []string // entity types, sorted
	nc    int      // number of classes
	pre   []uint8  // class -> prefix
	typ   []int8   // class -> type index, -1 for O
}

func newCodec(scheme string, types []string) codec {
	c := codec{bilou: scheme == SchemeBILOU, types: types}
	per := 2
	if c.bilou {
		per = 4
	}
	c.nc = 1 + per*len(types)
	c.pre = make([]uint8, c.nc)
	c.typ = make([]int8, c.nc)
	c.typ[0] = -1
	for k := range types {
		for j := 0; j < per; j++ {
			cl := 1 + per*k + j
			c.pre[cl] = uint8(pB + j)
			c.typ[cl] = int8(k)
		}
	}
	return c
}

func (c *codec) class(prefix, k int) uint8 {
	if prefix == pO {
		return 0
	}
	if c.bilou {
		return uint8(1 + 4*k + prefix - pB)
	}
	return uint8(1 + 2*k + prefix - pB)
}

func (c *codec) typeIndex(label string) int {
	for k, t := range c.types {
		if t == label {
			return k
		}
	}
	return -1
}

// encode writes the classes of n tokens with these spans into dst.
func (c *codec) encode(spans []conll.Span, dst []uint8) {
	clear(dst)
	for _, s := range spans {
		k := c.typeIndex(s.Label)
		if k < 0 || s.Start < 0 || s.End > len(dst) || s.Start >= s.End {
			continue
		}
		for i := s.Start; i < s.End; i++ {
			p := pI
			switch {
			case c.bilou && s.End-s.Start == 1:
				p = pU
			case i == s.Start:
				p = pB
			case c.bilou && i == s.End-1:
				p = pL
			}
			dst[i] = c.class(p, k)
		}
	}
}

// allowed reports whether class cur may follow class prev (prev < 0 at a
// sentence start); last is true at the sentence's last token.
func (c *codec) allowed(prev int, cur int, last bool) bool {
	pp, pt := pO, -1
	if prev > 0 {
		pp, pt = int(c.pre[prev]), int(c.typ[prev])
	}
	cp, ct := int(c.pre[cur]), int(c.typ[cur])
	if !c.bilou {
		return cp != pI || ((pp == pB || pp == pI) && pt == ct)
	}
	open := pp == pB || pp == pI
	if open {
		return (cp == pI && ct == pt && !last) || (cp == pL && ct == pt)
	}
	switch cp {
	case pI, pL:
		return false
	case pB:
		return !last
	}
	return true
}

// span is an entity over token indices with its type index.
type span struct {
	start, end, typ int
}

// decode turns classes into spans the way conlleval reads tags.
func (c *codec) decode(cls []uint8, dst []span) []span {
	open, typ := -1, -1
	for i, cl := range cls {
		p, t := int(c.pre[cl]), int(c.typ[cl])
		switch {
		case p == pO:
			if open >= 0 {
				dst = append(dst, span{open, i, typ})
			}
			open, typ = -1, -1
		case p == pB || p == pU || t != typ:
			if open >= 0 {
				dst = append(dst, span{open, i, typ})
			}
			open, typ = i, t
		}
		if p == pU || p == pL {
			if open >= 0 {
				dst = append(dst, span{open, i + 1, typ})
			}
			open, typ = -1, -1
		}
	}
	if open >= 0 {
		dst = append(dst, span{open, len(cls), typ})
	}
	return dst
}

package gazetteer

import (
	"github.com/readout/readout/internal/lowercase"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Titles is the lexicon of official titles: phrases with canonical forms,
// head nouns, and modifiers that compose with any title. Professional heads
// ("economist", "lawyer") name a post only when the text ties them to a body
// or a person; portfolio words ("affairs", "transport") follow "Minister
// of" or "Minister for" as part of a title.
type Titles struct {
	root       *titleNode
	heads      map[string]bool
	modifiers  map[string]string
	portfolio  map[string]bool
	descriptor map[string]bool
	// opens holds every lowercase word a match can start with: a
	// phrase's first word, its plural, a modifier. Other words are
	// rejected with one lookup.
	opens map[string]bool
}

type titleNode struct {
	next         map[string]*titleNode
	canonical    string
	professional bool
}

// add puts a phrase in the trie and returns its node.
func (t *Titles) add(phrase, canonical string) *titleNode {
	n := t.root
	for _, w := range strings.Fields(strings.ToLower(phrase)) {
		c := n.next[w]
		if c == nil {
			c = &titleNode{next: make(map[string]*titleNode)}
			n.next[w] = c
		}
		n = c
	}
	// Hand-written canonicals (added first) win over generated ones.
	if n.canonical == "" {
		n.canonical = canonical
	}
	return n
}

func loadTitles() (*Titles, error) {
	t := &Titles{root: &titleNode{next: make(map[string]*titleNode)}, heads: make(map[string]bool),
		modifiers: make(map[string]string), portfolio: make(map[string]bool),
		descriptor: make(map[string]bool)}
	err := eachRow("title_words.tsv", func(f []string) error {
		p, kind, c := field(f, 0), field(f, 1), field(f, 2)
		switch kind {
		case "modifier":
			t.modifiers[p] = c
		case "portfolio":
			t.portfolio[p] = true
		case "descriptor":
			t.descriptor[p] = true
		case "professional":
			t.add(p, c).professional = true
		case "head":
			t.heads[p] = true
			if abbr, ok := strings.CutSuffix(p, "."); ok {
				t.heads[abbr+"s."] = true // "Sens. Ann Holt and ..."
			}
			t.add(p, c)
		default:
			t.add(p, c)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachRow("titles.tsv", func(f []string) error {
		t.add(field(f, 0), field(f, 1))
		return nil
	})
	t.opens = map[string]bool{}
	for w := range t.root.next {
		t.opens[w] = true
		t.opens[w+"s"] = true
		if abbr, ok := strings.CutSuffix(w, "."); ok {
			t.opens[abbr+"s."] = true // "sens."
		}
		if strings.HasSuffix(w, "y") {
			t.opens[w[:len(w)-1]+"ies"] = true
		}
		if strings.HasSuffix(w, "man") {
			t.opens[w[:len(w)-3]+"men"] = true
		}
		if strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh") || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "x") {
			t.opens[w+"es"] = true // "coaches", the plurals Singular reads
		}
	}
	for w := range t.modifiers {
		t.opens[w] = true
	}
	return t, err
}

// Match returns the length in tokens of the longest office title starting
// at words[i], compared case-insensitively, and its canonical form; 0 if
// none. Professional heads ("analyst") are not offices here. Modifiers compose: "acting deputy foreign minister" yields
// "Acting Deputy Foreign Minister". A hyphenated modifier prefix
// ("vice-president", "under-secretary") is treated the same way.
func (t *Titles) Match(words []string, i int) (n int, canonical string) {
	m := t.match(words, i, false)
	return m.N, m.Canonical
}

// TitleMatch is a title found in a run of words.
type TitleMatch struct {
	N         int    // length in words
	Canonical string // singular, with composed modifiers
	Plural    bool   // the last word is plural ("Presidents")
	// Professional: the head names a post only when the text ties it to a
	// body or a person ("an analyst", "a Deutsche Bank analyst").
	Professional bool
}

// MatchPlural is Match that also reads a plural last word ("Presidents",
// "foreign ministers", "spokesmen") and professional heads.
func (t *Titles) MatchPlural(words []string, i int) TitleMatch {
	return t.match(words, i, true)
}

// ranks are the modifiers "First" composes with: "First Deputy", "First
// Vice President".
var ranks = map[string]bool{"Deputy": true, "Vice": true, "Assistant": true, "Associate": true, "Principal": true}

func (t *Titles) match(words []string, i int, roles bool) TitleMatch {
	if i < 0 || i >= len(words) {
		return TitleMatch{} // past the end: a caller that stepped over a last honorific
	}
	// (Most words open no title: they are turned away without a
	// lower-case copy.)
	if w := words[i]; !lowercase.Get(t.opens, w) && !strings.ContainsRune(w, '-') && !(roles && t.ProfessionalWord(strings.ToLower(w))) {
		return TitleMatch{}
	}
	var mods []string
	j := i
	for ; j < len(words); j++ {
		if c, ok := lowercase.Lookup(t.modifiers, words[j]); ok {
			mods = append(mods, c)
			continue
		}
		break
	}
	// "First" composes only with another modifier ("First Deputy Prime
	// Minister"); before a head it counts holders ("Singapore's first
	// prime minister").
	if len(mods) > 0 && mods[0] == "First" && (len(mods) == 1 || !ranks[mods[1]]) {
		mods, j = nil, i // ("the first former head of government")
	}
	// A phrase that starts with a modifier word ("chief executive",
	// "first lady") wins over the modifier composed with a shorter title.
	direct := t.phrase(words, i, roles)
	// Back off modifiers that are not followed by a title. A professional
	// head ("executive") yields to a post that a modifier opens ("chief
	// executive"): "interim chief executive" is a post.
	var professional TitleMatch
	for len(mods) > 0 {
		if m := t.phrase(words, j, roles); m.N > 0 {
			m.Canonical = strings.Join(mods, " ") + " " + m.Canonical
			m.N += j - i
			if m.Professional && professional.N == 0 {
				professional = m
			} else if m.N > direct.N {
				return m
			} else {
				break
			}
		}
		mods = mods[:len(mods)-1]
		j--
	}
	if professional.N > direct.N {
		return professional
	}
	return direct
}

// phrase matches the longest title phrase at words[j]; when roles is set,
// its last word may be plural and its head professional.
func (t *Titles) phrase(words []string, j int, roles bool) TitleMatch {
	if j >= len(words) {
		return TitleMatch{}
	}
	first := strings.ToLower(words[j])
	var prefix string
	parent := t.root
	hyphens := 0 // the parts of a phrase written as one hyphenated word
	if m, ok := t.root.pending(first, roles); ok && t.root.next[first] == nil {
		return m // "senator-elect"
	}
	if t.root.next[first] == nil {
		// "vice-president", "under-secretary"
		if m, rest, ok := strings.Cut(first, "-"); ok {
			if c, ok := t.modifiers[m]; ok {
				prefix, first = c+" ", rest
			} else {
				// "lieutenant-general": a phrase written with hyphens.
				n, part, rest, parts, more := t.root, m, rest, 1, true
				for n != nil && more {
					n = n.next[part]
					part, rest, more = strings.Cut(rest, "-")
					parts++
				}
				if n != nil {
					parent, first, hyphens = n, part, parts
				}
			}
		}
	}
	var best TitleMatch
	plural := false // a word of the phrase so far is plural
	for k := j; k < len(words) && parent != nil; k++ {
		w := strings.ToLower(words[k])
		if k == j {
			w = first
		}
		c := parent.next[w]
		if c == nil && k > j {
			c = parent.hyphenated(w) // "executive vice-president"
		}
		// "Finance Minister-designate", "Governor-elect": a title not yet
		// taken up ends in its own suffix.
		if m, ok := parent.pending(w, roles); ok && c == nil {
			best = TitleMatch{N: k - j + 1, Canonical: prefix + m.Canonical, Professional: m.Professional}
		}
		if c != nil && c.canonical != "" && (roles || !c.professional) {
			best = TitleMatch{N: k - j + 1, Canonical: prefix + c.canonical, Plural: plural, Professional: c.professional}
		} else if roles {
			if sg, ok := Singular(w); ok {
				if sc := parent.next[sg]; sc != nil {
					if sc.canonical != "" {
						best = TitleMatch{N: k - j + 1, Canonical: prefix + sc.canonical, Plural: true, Professional: sc.professional}
					}
					// "members of parliament", "chiefs of staff": a
					// plural head before its complement (not "States
					// Senator").
					if c == nil && k+1 < len(words) && strings.EqualFold(words[k+1], "of") {
						c, plural = sc, true
					}
				}
			}
		}
		parent = c
	}
	if best.N == 0 && roles && t.ProfessionalWord(first) {
		best = TitleMatch{N: 1, Canonical: prefix + capitalize(first), Professional: true}
	}
	// The text's hyphens stay: "Lieutenant-General".
	if f := strings.Fields(best.Canonical); best.N == 1 && hyphens > 1 && len(f) == hyphens {
		best.Canonical = strings.Join(f, "-")
	}
	return best
}

// hyphenated returns the node that the parts of a hyphenated word w lead
// to from n, as if written apart: "vice-president" after "executive".
func (n *titleNode) hyphenated(w string) *titleNode {
	if !strings.ContainsRune(w, '-') {
		return nil
	}
	for part := range strings.SplitSeq(w, "-") {
		if n = n.next[part]; n == nil {
			return nil
		}
	}
	return n
}

// pending matches w as the title of n's child w names without its
// "-designate" or "-elect" ("minister-designate" is "Minister-Designate"),
// as one word.
func (n *titleNode) pending(w string, roles bool) (TitleMatch, bool) {
	for _, s := range [...]string{"-designate", "-elect"} {
		if stem, ok := strings.CutSuffix(w, s); ok {
			if c := n.next[stem]; c != nil && c.canonical != "" && (roles || !c.professional) {
				return TitleMatch{N: 1, Canonical: c.canonical + "-" + capitalize(s[1:]), Professional: c.professional}, true
			}
		}
	}
	return TitleMatch{}, false
}

// professionalSuffixes make nouns for people by their science or craft:
// "anthropologist", "statistician", "photographer", "psychiatrist".
var professionalSuffixes = []string{"ologist", "ician", "ographer", "iatrist"}

// capitalize upper-cases the first letter of w.
func capitalize(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

// ProfessionalWord reports whether a lowercase word the lexicon does not
// list names a profession by its form.
func (t *Titles) ProfessionalWord(w string) bool {
	for _, s := range professionalSuffixes {
		if len(w) > len(s)+2 && strings.HasSuffix(w, s) {
			return t.root.next[w] == nil && !t.descriptor[w]
		}
	}
	return false
}

// Openers returns every lowercase word a title match can start with, other
// than hyphenated words and professions known by their form, in order.
func (t *Titles) Openers() []string { return slices.Sorted(maps.Keys(t.opens)) }

// Singular returns the singular of a lower-case plural noun: "ministers",
// "secretaries", "spokesmen", and abbreviated "sens.", "reps.".
func Singular(w string) (string, bool) {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "s.") && !strings.HasSuffix(w, "rs."): // ("mrs.")
		return w[:len(w)-2] + ".", true
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y", true
	case len(w) > 4 && strings.HasSuffix(w, "men"):
		return w[:len(w)-3] + "man", true
	case len(w) > 4 && (strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes")):
		return w[:len(w)-2], true // "coaches", "witnesses"
	case len(w) > 2 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"): // ("mps")
		return w[:len(w)-1], true
	}
	return "", false
}

// IsDescriptor reports whether a word describes a person without naming a
// post ("whistleblower", "actor", "suspect"): it may stand before a name
// but is never part of it, nor a role.
func (t *Titles) IsDescriptor(word string) bool { return lowercase.Get(t.descriptor, word) }

// IsPortfolio reports whether a lowercase word names a portfolio of
// government ("affairs", "transport", "fisheries").
func (t *Titles) IsPortfolio(word string) bool { return lowercase.Get(t.portfolio, word) }

// IsHead reports whether a single lowercase word is a title head noun.
func (t *Titles) IsHead(word string) bool { return lowercase.Get(t.heads, word) }

// IsModifier reports whether a single lowercase word is a title modifier
// such as "deputy" or "acting".
func (t *Titles) IsModifier(word string) bool {
	_, ok := lowercase.Lookup(t.modifiers, word)
	return ok
}

// Heads returns the head nouns, sorted.
func (t *Titles) Heads() []string {
	out := make([]string, 0, len(t.heads))
	for h := range t.heads {
		out = append(out, h)
	}
	slices.Sort(out)
	return out
}

// Modifiers returns the modifier words, sorted.
func (t *Titles) Modifiers() []string {
	out := make([]string, 0, len(t.modifiers))
	for m := range t.modifiers {
		out = append(out, m)
	}
	slices.Sort(out)
	return out
}

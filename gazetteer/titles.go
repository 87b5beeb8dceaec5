package gazetteer

import (
	"slices"
	"strings"
)

// Titles is the lexicon of official titles: phrases with canonical forms,
// head nouns, and modifiers that compose with any title.
type Titles struct {
	root      *titleNode
	heads     map[string]bool
	modifiers map[string]string
}

type titleNode struct {
	next      map[string]*titleNode
	canonical string
}

func (t *Titles) add(phrase, canonical string) {
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
}

func loadTitles() (*Titles, error) {
	t := &Titles{root: &titleNode{next: make(map[string]*titleNode)}, heads: make(map[string]bool), modifiers: make(map[string]string)}
	err := eachRow("title_words.tsv", func(f []string) error {
		p, kind, c := field(f, 0), field(f, 1), field(f, 2)
		switch kind {
		case "modifier":
			t.modifiers[p] = c
		case "head":
			t.heads[p] = true
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
	return t, err
}

// Match returns the length in tokens of the longest title phrase starting
// at words[i], compared case-insensitively, and its canonical form; 0 if
// none. Modifiers compose: "acting deputy foreign minister" yields
// "Acting Deputy Foreign Minister". A hyphenated modifier prefix
// ("vice-president", "under-secretary") is treated the same way.
func (t *Titles) Match(words []string, i int) (n int, canonical string) {
	var mods []string
	j := i
	for ; j < len(words); j++ {
		w := strings.ToLower(words[j])
		if c, ok := t.modifiers[w]; ok {
			mods = append(mods, c)
			continue
		}
		break
	}
	// Back off modifiers that turn out to be the start of a phrase
	// ("first lady") or are not followed by a title.
	for {
		if k, c := t.phrase(words, j); k > 0 {
			if len(mods) > 0 {
				c = strings.Join(mods, " ") + " " + c
			}
			return j + k - i, c
		}
		if len(mods) == 0 {
			return 0, ""
		}
		mods = mods[:len(mods)-1]
		j--
	}
}

// phrase matches the longest title phrase at words[j].
func (t *Titles) phrase(words []string, j int) (int, string) {
	if j >= len(words) {
		return 0, ""
	}
	first := strings.ToLower(words[j])
	var prefix string
	if t.root.next[first] == nil {
		// "vice-president", "under-secretary"
		if m, rest, ok := strings.Cut(first, "-"); ok {
			if c, ok := t.modifiers[m]; ok {
				prefix, first = c+" ", rest
			}
		}
	}
	n, best, bestLen := t.root.next[first], "", 0
	for k := j + 1; n != nil; k++ {
		if n.canonical != "" {
			best, bestLen = n.canonical, k-j
		}
		if k >= len(words) {
			break
		}
		n = n.next[strings.ToLower(words[k])]
	}
	if bestLen == 0 {
		return 0, ""
	}
	return bestLen, prefix + best
}

// IsHead reports whether a single lowercase word is a title head noun.
func (t *Titles) IsHead(word string) bool { return t.heads[strings.ToLower(word)] }

// IsModifier reports whether a single lowercase word is a title modifier
// such as "deputy" or "acting".
func (t *Titles) IsModifier(word string) bool {
	_, ok := t.modifiers[strings.ToLower(word)]
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

// Package gazetteer holds reference data about the world — countries,
// cities, regions, geographic features, international organisations,
// officials and official titles — and finds their names in token
// sequences.
//
// The data is generated from open sources (see NOTICE) by internal/gen and
// embedded into the binary.
package gazetteer

//go:generate go run ./internal/gen -src ../../shared/data/gazetteer -out data

import (
	"cmp"
	"github.com/readout/readout/internal/lowercase"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Entry kinds.
const (
	Country   = "country"
	City      = "city"
	Region    = "region"
	Continent = "continent"
	Territory = "territory"
	Feature   = "feature"
	Org       = "org"
	Demonym   = "demonym"
)

// An Entry is one named thing of the world.
type Entry struct {
	Name       string // canonical name: "Egypt", "Cairo", "North Africa", "United Nations"
	Kind       string // one of the kinds above
	ID         string // ISO alpha-2 for countries, "geonames:360630" for cities, Wikidata QID for orgs where known
	Country    string // ISO alpha-2 the entry belongs to; "" when none
	Capital    bool   // a national capital city
	Population int
	// Late entries came after the shipped entity model was trained: the
	// rules see them, the model's features do not (they would move its
	// weights without retraining).
	Late bool
	// State marks a body of its country's state (a central bank): a post
	// in it is the country's.
	State bool
}

// An Official is a holder of a state office as recorded by a source.
type Official struct {
	Name    string // "Sergey Lavrov"
	Role    string // normalised: "Foreign Minister", "President", "Prime Minister"; "Official" for other members of a government
	Country string // ISO alpha-2
	QID     string
	AsOf    string // "2023-01"
}

// A Match is a gazetteer name found in a token sequence.
type Match struct {
	Start, End int     // token index range [Start, End)
	Entries    []Entry // candidates, best first; shared, must not be modified
	Ambiguous  bool    // the form is also a common name or word
}

// A Gazetteer is immutable after construction and safe for concurrent use.
type Gazetteer struct {
	index
	user      []record // WithFile's entries: the next WithFile indexes the embedded ones, these and its own
	ambiguous map[string]bool
	officials map[string][]Official
	titles    *Titles
	given     map[string]bool     // given names of officials worldwide
	common    map[string]bool     // those and common English given names
	lower     map[string]bool     // words news writes in lower case
	acronyms  map[string]string   // known acronym -> its body's name
	heads     map[string][]string // ISO code -> titles of its chief of state and head of government
	senates   map[string]bool     // ISO codes of the countries whose legislature has a Senate
	// offices some countries call by a title of their own (data/local_titles.tsv)
	localTitles map[string]map[string]string // office -> ISO code -> its title there
	offices     map[string]string            // such a title -> its office
	onlyIn      map[string]string            // a title only one country gives -> that country
}

// A record is an entry with the surface forms that name it.
type record struct {
	e     Entry
	forms []string
}

// An index finds entries by their surface forms.
type index struct {
	forms     []form
	byFirst   map[string][]int32 // first word (and its upper-case form) -> forms, longest first
	countries map[string]Entry
	capitals  map[string]Entry
}

type form struct {
	words     []string
	entries   []Entry
	ambiguous bool
}

var defaultG = sync.OnceValues(load)

// Default returns the embedded gazetteer, loaded once.
func Default() (*Gazetteer, error) { return defaultG() }

// Country returns the country with this ISO alpha-2 code.
func (g *Gazetteer) Country(code string) (Entry, bool) {
	e, ok := g.countries[strings.ToUpper(code)]
	return e, ok
}

// Capital returns the capital city entry of a country code.
func (g *Gazetteer) Capital(code string) (Entry, bool) {
	e, ok := g.capitals[strings.ToUpper(code)]
	return e, ok
}

// Officials returns known officials with this exact name, compared
// case- and diacritics-insensitively.
func (g *Gazetteer) Officials(name string) []Official {
	return slices.Clone(g.officials[foldName(name)])
}

// IsOfficial reports whether an official of the reference data bears the
// name, without copying their records.
func (g *Gazetteer) IsOfficial(name string) bool {
	return len(g.officials[foldName(name)]) > 0
}

// CommonGivenName reports whether w is a given name of an official or a
// common English given name ("Janet", "Tom"): a wider list than
// GivenName, for rules that read a name's shape. The entity model's
// features use GivenName, the list it was trained with.
func (g *Gazetteer) CommonGivenName(w string) bool { return g.common[w] }

// LowerWord reports whether news writes a word in lower case, where it
// does not open a sentence, most of the times it writes it ("technology",
// "operations", "fever"): a run of such words is a title or a name of a
// thing, rarely a person's name.
func (g *Gazetteer) LowerWord(w string) bool { return lowercase.Get(g.lower, w) }

// KnownAcronym reports whether acronym, standing alone, names the body
// called name: it does for the acronyms news uses for one body only ("EU",
// "NATO"; data/known_acronyms.txt), where most acronyms are shared by
// many bodies and mean the gazetteer's only when the text spells it out.
func (g *Gazetteer) KnownAcronym(acronym, name string) bool {
	n, ok := g.acronyms[acronym]
	if !ok && strings.HasSuffix(acronym, ".") {
		n, ok = g.acronyms[strings.ReplaceAll(acronym, ".", "")] // "U.N."
	}
	return ok && n == name
}

// OfficeFits reports whether a country (ISO code) can have a president or
// a prime minister (or premier) of its own, or a senator: the United
// States has no prime minister, the United Kingdom no president and no
// senate (data/heads.tsv and data/senates.tsv, from the CIA World
// Factbook and officials list); a title only one country gives an office
// (data/local_titles.tsv: "Foreign Secretary", "Secretary of State")
// fits that country only. It is true for any other title, and for a
// country the data gives no titles for. (Monarchs are left out: today's
// data would deny a king to the Nepal of 2005.)
func (g *Gazetteer) OfficeFits(iso, title string) bool {
	if title == "Premier" {
		title = "Prime Minister"
	}
	hs, ok := g.heads[iso]
	if only, ok := g.onlyIn[title]; ok {
		return iso == only // ("Foreign Secretary": Britain's title)
	}
	switch {
	case title == "President" || title == "Prime Minister":
		return !ok || slices.ContainsFunc(hs, func(h string) bool { return h == title || h == "Premier" && title == "Prime Minister" })
	case title == "Senator" || strings.HasSuffix(title, " Senator"): // ("Independent Senator", "Junior Senator")
		return !ok || g.senates[iso]
	}
	return true
}

// CounterpartTitle returns the title of a counterpart in country iso
// (an ISO code, or "" when the text names none) of the holder of title:
// the country's own title for the office ("Foreign Secretary" for the
// British counterpart of a foreign minister), the office's common one
// for a counterpart elsewhere of a holder who has a country's own
// ("Foreign Minister" for the Chinese counterpart of a Foreign
// Secretary), else title.
func (g *Gazetteer) CounterpartTitle(title, iso string) string {
	office := title
	if o, ok := g.offices[title]; ok {
		office = o
	}
	if t, ok := g.localTitles[office][iso]; ok {
		return t
	}
	if _, ok := g.localTitles[office]; ok {
		return office
	}
	return title
}

// GivenName reports whether w is a given name that officials worldwide
// carry ("Sergey", "Angela", "Abdel"): evidence that a capitalised word
// starts a personal name.
func (g *Gazetteer) GivenName(w string) bool {
	if g.given[w] {
		return true
	}
	u := unaccented(w)
	return u != "" && g.given[u]
}

// unaccented returns w with its letters' diacritics removed, case kept
// ("Tomás" is "Tomas"), or "" when w is plain ASCII.
func unaccented(w string) string {
	ascii := true
	for i := 0; i < len(w) && ascii; i++ {
		ascii = w[i] < utf8.RuneSelf
	}
	if ascii {
		return ""
	}
	var b strings.Builder
	for _, r := range w {
		a, ok := fold[unicode.ToLower(r)]
		switch {
		case !ok:
			b.WriteRune(r)
		case unicode.IsUpper(r):
			b.WriteString(strings.ToUpper(a[:1]) + a[1:])
		default:
			b.WriteString(a)
		}
	}
	return b.String()
}

// Titles returns the title lexicon.
func (g *Gazetteer) Titles() *Titles { return g.titles }

// InternationalBody reports whether name is an organisation the gazetteer
// knows that belongs to no one country ("United Nations", not "BBC" nor
// "White House").
func (g *Gazetteer) InternationalBody(name string) bool {
	return slices.ContainsFunc(g.Lookup(name), func(e Entry) bool { return e.Kind == Org && e.Country == "" })
}

// Lookup returns the entries whose surface form is exactly s, best first.
// Case rules are those of Match.
func (g *Gazetteer) Lookup(s string) []Entry {
	words := splitForm(s) // as the forms were split: "People 's Bank of China"
	if len(words) == 0 {
		return nil
	}
	for _, fi := range g.candidates(words[0]) {
		f := &g.forms[fi]
		if len(f.words) == len(words) && f.matchAt(words, 0) {
			return slices.Clone(f.entries)
		}
	}
	return nil
}

// Match finds gazetteer names in a sequence of tokens. The longest match
// wins, matches do not overlap, and the scan runs left to right.
//
// A form matches tokens equal to it, or its upper-case version (headlines).
// Lowercase tokens never match a capitalised form, so "turkey" is not
// Turkey. A leading "the" and possessive "'s" are never part of a match.
func (g *Gazetteer) Match(words []string) []Match { return g.match(words, true) }

// MatchTrained is Match over the entries the shipped entity model was
// trained with: a Late entry neither matches nor hides a shorter name
// inside it (the "Bank of England", a central bank added later, leaves
// "England" as the model saw it).
func (g *Gazetteer) MatchTrained(words []string) []Match { return g.match(words, false) }

func (g *Gazetteer) match(words []string, late bool) []Match {
	var out []Match
	for i := 0; i < len(words); {
		n := 0
		var best *form
		for _, fi := range g.candidates(words[i]) {
			f := &g.forms[fi]
			if len(f.words) <= n {
				break // sorted longest first
			}
			if !late && f.entries[0].Late {
				continue
			}
			if i+len(f.words) <= len(words) && f.matchAt(words, i) {
				best, n = f, len(f.words)
			}
		}
		if best == nil {
			i++
			continue
		}
		out = append(out, Match{Start: i, End: i + n, Entries: best.entries, Ambiguous: best.ambiguous})
		i += n
	}
	return out
}

func (g *Gazetteer) candidates(w string) []int32 {
	if c, ok := g.byFirst[w]; ok {
		return c
	}
	if strings.ContainsRune(w, '’') {
		return g.byFirst[normApos(w)]
	}
	// ("Ploiești" for the list's "Ploieşti" and "Ploiesti": diacritics
	// the list spells otherwise or leaves out.)
	if u := unaccented(w); u != "" {
		return g.byFirst[u]
	}
	return nil
}

// matchAt reports whether f matches words starting at i; the caller has
// checked the length.
func (f *form) matchAt(words []string, i int) bool {
	for j, w := range f.words {
		t := words[i+j]
		if t == w || upperOf(t, w) {
			continue
		}
		// ("Médecins sans Frontières": a name's inner function word may be
		// written in lower case.)
		if j > 0 && j < len(f.words)-1 && strings.EqualFold(t, w) && minorWords[t] {
			continue
		}
		if strings.ContainsRune(t, '’') && normApos(t) == w {
			continue
		}
		if u := unaccented(t); u != "" && u == w {
			continue
		}
		return false
	}
	return true
}

// minorWords are the function words inside names that texts write in
// lower case whatever the name's own spelling.
var minorWords = map[string]bool{"of": true, "for": true, "and": true, "the": true, "on": true, "in": true,
	"de": true, "du": true, "des": true, "del": true, "la": true, "le": true, "les": true, "sans": true, "et": true, "y": true}

// upperOf reports whether t is w in capitals, strings.ToUpper(w), without
// making that string.
func upperOf(t, w string) bool {
	if t == "" || 'a' <= t[0] && t[0] <= 'z' {
		return false
	}
	for _, r := range w {
		c, n := utf8.DecodeRuneInString(t)
		if c != unicode.ToUpper(r) || n < 2 && c == utf8.RuneError {
			return false
		}
		t = t[n:]
	}
	return t == ""
}

func normApos(s string) string { return strings.ReplaceAll(s, "’", "'") }

// formKey normalises spacing and apostrophes of a surface form.
func formKey(s string) string {
	if strings.ContainsRune(s, '’') {
		s = normApos(s)
	}
	if strings.Contains(s, "  ") || strings.TrimSpace(s) != s {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

// splitForm splits a surface form into tokens the way a word tokenizer
// would: possessive "'s" apart, hyphenated words whole.
func splitForm(s string) []string {
	var out []string
	for _, w := range strings.Fields(normApos(s)) {
		if base, ok := strings.CutSuffix(w, "'s"); ok && base != "" {
			out = append(out, base, "'s")
			continue
		}
		out = append(out, w)
	}
	if len(out) > 0 && (out[0] == "the" || out[0] == "The") {
		out = out[1:]
	}
	return out
}

// Short forms news uses as names; other one- and two-letter forms are noise.
var shortForms = map[string]bool{"US": true, "UK": true, "EU": true, "UN": true, "AP": true, "BP": true, "FT": true}

func usableForm(words []string) bool {
	if len(words) == 0 || words[len(words)-1] == "'s" {
		return false
	}
	if len(words) == 1 {
		w := words[0]
		letters := 0
		for _, r := range w {
			if r != '.' {
				letters++
			}
		}
		if letters <= 2 && !shortForms[strings.ReplaceAll(w, ".", "")] {
			return false
		}
	}
	return true
}

var kindRank = map[string]int{Country: 0, Territory: 1, Region: 2, Continent: 2, Feature: 3, City: 4, Org: 5, Demonym: 6}

func rank(k string) int {
	if r, ok := kindRank[k]; ok {
		return r
	}
	return 7
}

// dotted returns an acronym of two to four capitals written with full
// stops, as American news writes them ("UN": "U.N."), or "".
func dotted(s string) string {
	if len(s) < 2 || len(s) > 4 || strings.IndexFunc(s, func(r rune) bool { return r < 'A' || r > 'Z' }) >= 0 {
		return ""
	}
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
		b.WriteByte('.')
	}
	return b.String()
}

// newIndex indexes records; later records of the same form rank after
// earlier ones of equal standing.
func newIndex(records []record, ambiguous map[string]bool) index {
	g := index{
		byFirst:   make(map[string][]int32, len(records)*2),
		countries: make(map[string]Entry),
		capitals:  make(map[string]Entry),
	}
	byKey := make(map[string]int32, len(records)*2)
	for _, r := range records {
		switch {
		case r.e.Kind == Country && r.e.ID != "":
			g.countries[r.e.ID] = r.e
		case r.e.Kind == City && r.e.Capital:
			if c, ok := g.capitals[r.e.Country]; !ok || r.e.Population > c.Population {
				g.capitals[r.e.Country] = r.e
			}
		}
		// The name, its forms, then the forms' dotted acronyms ("U.N.").
		for k := -1; k < 2*len(r.forms); k++ {
			var s string
			switch {
			case k < 0:
				s = r.e.Name
			case k < len(r.forms):
				s = r.forms[k]
			default:
				if s = dotted(r.forms[k-len(r.forms)]); s == "" {
					continue
				}
			}
			key := formKey(s)
			fi, ok := byKey[key]
			if !ok {
				words := splitForm(key)
				if !usableForm(words) {
					continue
				}
				fi = int32(len(g.forms))
				byKey[key] = fi
				g.forms = append(g.forms, form{words: words, ambiguous: ambiguous[strings.Join(words, " ")]})
			}
			// Skip a second form of the same entry.
			es := g.forms[fi].entries
			if len(es) == 0 || es[len(es)-1] != r.e {
				g.forms[fi].entries = append(es, r.e)
			}
		}
	}
	for i := range g.forms {
		f := &g.forms[i]
		// An entry named so comes before one of its kind that has the form
		// as another name: "Delhi" is Delhi, not Dili, which GeoNames also
		// spells so.
		var own string
		if len(f.entries) > 1 {
			own = strings.Join(f.words, " ")
		}
		named := func(e Entry) bool { return strings.EqualFold(formKey(e.Name), own) }
		slices.SortStableFunc(f.entries, func(a, b Entry) int {
			if c := cmp.Compare(rank(a.Kind), rank(b.Kind)); c != 0 {
				return c
			}
			if na, nb := named(a), named(b); na != nb && a.Kind == b.Kind {
				if na {
					return -1
				}
				return 1
			}
			if a.Capital != b.Capital {
				if a.Capital {
					return -1
				}
				return 1
			}
			return cmp.Compare(b.Population, a.Population)
		})
		f.entries = slices.Clip(f.entries)
		g.byFirst[f.words[0]] = append(g.byFirst[f.words[0]], int32(i))
		if up := strings.ToUpper(f.words[0]); up != f.words[0] {
			g.byFirst[up] = append(g.byFirst[up], int32(i))
		}
	}
	for k, c := range g.byFirst {
		slices.SortStableFunc(c, func(a, b int32) int { return cmp.Compare(len(g.forms[b].words), len(g.forms[a].words)) })
		g.byFirst[k] = slices.Clip(c)
	}
	return g
}

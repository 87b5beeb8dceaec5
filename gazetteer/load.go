package gazetteer

import (
	"embed"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

//go:embed data/*.tsv data/*.txt
var dataFS embed.FS

// eachRow calls fn with the tab-separated fields of every non-comment line
// of an embedded file.
func eachRow(name string, fn func(f []string) error) error {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return err
	}
	return eachLine(b, name, fn)
}

// addWords adds the first field of each row of a data file to a set,
// made when nil.
func addWords(set map[string]bool, name string) (map[string]bool, error) {
	if set == nil {
		set = make(map[string]bool)
	}
	return set, eachRow(name, func(f []string) error {
		set[field(f, 0)] = true
		return nil
	})
}

func eachLine(b []byte, name string, fn func(f []string) error) error {
	// One string conversion; fields are substrings of it.
	s := string(b)
	var f []string
	for line := 1; s != ""; line++ {
		var l string
		l, s, _ = strings.Cut(s, "\n")
		l = strings.TrimSuffix(l, "\r")
		if l == "" || l[0] == '#' {
			continue
		}
		f = f[:0]
		for {
			a, rest, ok := strings.Cut(l, "\t")
			f = append(f, a)
			if !ok {
				break
			}
			l = rest
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("gazetteer: %s:%d: %v", name, line, err)
		}
	}
	return nil
}

func field(f []string, i int) string {
	if i < len(f) {
		return strings.TrimSpace(f[i])
	}
	return ""
}

func list(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// embeddedRecords reads the entries of the embedded data. They are read
// again rather than kept: a Gazetteer holds only their index.
func embeddedRecords() ([]record, error) {
	var recs []record
	// countries: iso2 iso3 name official region population capital forms demonyms
	err := eachRow("countries.tsv", func(f []string) error {
		pop, _ := strconv.Atoi(field(f, 5))
		iso := field(f, 0)
		recs = append(recs, record{Entry{Name: field(f, 2), Kind: Country, ID: iso, Country: iso, Population: pop},
			append(list(field(f, 7)), field(f, 3))})
		for _, d := range list(field(f, 8)) {
			recs = append(recs, record{e: Entry{Name: d, Kind: Demonym, Country: iso, Population: pop}})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// The other files give one record a row.
	for _, file := range []struct {
		name string
		rec  func(f []string) record
	}{
		{"regions.tsv", func(f []string) record { // name kind country forms
			return record{Entry{Name: field(f, 0), Kind: field(f, 1), Country: field(f, 2)}, list(field(f, 3))}
		}},
		{"subdivisions.tsv", func(f []string) record { // name country forms
			return record{Entry{Name: field(f, 0), Kind: Territory, Country: field(f, 1), Late: true}, list(field(f, 2))}
		}},
		{"cities.tsv", func(f []string) record { // geonameid name country population capital forms
			pop, _ := strconv.Atoi(field(f, 3))
			return record{Entry{Name: field(f, 1), Kind: City, ID: "geonames:" + field(f, 0),
				Country: field(f, 2), Capital: field(f, 4) == "1", Population: pop}, list(field(f, 5))}
		}},
		{"orgs.tsv", func(f []string) record { // qid name forms
			return record{Entry{Name: field(f, 1), Kind: Org, ID: field(f, 0)}, list(field(f, 2))}
		}},
		{"orgs_extra.tsv", func(f []string) record { // name id country forms state
			return record{Entry{Name: field(f, 0), Kind: Org, ID: field(f, 1), Country: field(f, 2), State: field(f, 4) == "state"}, list(field(f, 3))}
		}},
		// parties: name country forms (the Factbook's, after
		// orgs_extra's); added after the tagger was trained
		{"parties.tsv", func(f []string) record {
			return record{Entry{Name: field(f, 0), Kind: Org, Country: field(f, 1), Late: true}, list(field(f, 2))}
		}},
		// armed_groups: name country forms; added after the tagger was
		// trained
		{"armed_groups.tsv", func(f []string) record {
			return record{Entry{Name: field(f, 0), Kind: Org, Country: field(f, 1), Late: true}, list(field(f, 2))}
		}},
		// central_banks and legislatures: name country forms; known to
		// the rules only
		{"central_banks.tsv", stateBodyRow},
		{"legislatures.tsv", stateBodyRow},
	} {
		err := eachRow(file.name, func(f []string) error {
			recs = append(recs, file.rec(f))
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return recs, nil
}

// stateBodyRow reads a row of a state's bodies added after the tagger was
// trained: name country forms.
func stateBodyRow(f []string) record {
	return record{Entry{Name: field(f, 0), Kind: Org, Country: field(f, 1), Late: true, State: true}, list(field(f, 2))}
}

func load() (*Gazetteer, error) {
	recs, err := embeddedRecords()
	if err != nil {
		return nil, err
	}
	ambiguous, err := addWords(nil, "ambiguous.txt")
	if err != nil {
		return nil, err
	}
	given, err := addWords(nil, "given_names.txt")
	if err != nil {
		return nil, err
	}
	// A town named as a given name is common ("Hassan", "Nigel"): a match
	// on it needs context. Capitals and cities of a million are known.
	for _, r := range recs {
		if r.e.Kind == City && !r.e.Capital && r.e.Population < 1e6 && given[r.e.Name] {
			ambiguous[r.e.Name] = true
		}
	}
	common, err := addWords(maps.Clone(given), "given_names_en.txt")
	if err != nil {
		return nil, err
	}
	lower, err := addWords(nil, "lower_words.txt")
	if err != nil {
		return nil, err
	}
	heads := map[string][]string{}
	err = eachRow("heads.tsv", func(f []string) error {
		heads[field(f, 0)] = list(field(f, 1))
		return nil
	})
	if err != nil {
		return nil, err
	}
	senates := map[string]bool{}
	err = eachRow("senates.tsv", func(f []string) error {
		senates[field(f, 0)] = true
		return nil
	})
	if err != nil {
		return nil, err
	}
	local := map[string]map[string]string{} // office -> ISO code -> its title there
	office := map[string]string{}           // such a title -> its office
	onlyIn := map[string]string{}           // a title no other country gives -> its country
	err = eachRow("local_titles.tsv", func(f []string) error {
		o, iso, title := field(f, 0), field(f, 1), field(f, 2)
		if local[o] == nil {
			local[o] = map[string]string{}
		}
		local[o][iso], office[title] = title, o
		if field(f, 3) == "only" {
			onlyIn[title] = iso
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	acronyms := map[string]string{}
	err = eachRow("known_acronyms.txt", func(f []string) error {
		acronyms[field(f, 0)] = field(f, 1)
		return nil
	})
	if err != nil {
		return nil, err
	}
	officials := make(map[string][]Official)
	// officials: name role title country qid asof
	err = eachRow("officials.tsv", func(f []string) error {
		k := foldName(field(f, 0))
		officials[k] = append(officials[k], Official{Name: field(f, 0), Role: field(f, 1),
			Country: field(f, 3), QID: field(f, 4), AsOf: field(f, 5)})
		return nil
	})
	if err != nil {
		return nil, err
	}
	addShortNames(officials)
	titles, err := loadTitles()
	if err != nil {
		return nil, err
	}
	return &Gazetteer{index: newIndex(recs, ambiguous), ambiguous: ambiguous, officials: officials, titles: titles,
		given: given, common: common, lower: lower, acronyms: acronyms, heads: heads, senates: senates,
		localTitles: local, offices: office, onlyIn: onlyIn}, nil
}

// foldName lowercases s, strips common Latin diacritics and collapses
// spaces, so that "Sergey LAVROV" and "sergey lavrov" compare equal.
// addShortNames files heads of state and government and foreign ministers
// named in three words or more under their first and last names too, as
// news names them ("John Pombe Magufuli" as "John Magufuli"), unless that
// short name is another official's or the surname is shared. (Not the
// other officials: a Spanish name's last word is the mother's surname,
// which news leaves out.)
func addShortNames(officials map[string][]Official) {
	surnames := map[string]int{}
	for k := range officials {
		surnames[k[strings.LastIndexByte(k, ' ')+1:]]++
	}
	short := map[string][]Official{}
	for _, k := range slices.Sorted(maps.Keys(officials)) { // (in order: output is deterministic)
		os := officials[k]
		f := strings.Fields(k)
		if len(f) < 3 || surnames[f[len(f)-1]] > 1 || !slices.ContainsFunc(os, func(o Official) bool { return o.Role != "Official" }) {
			continue // (a surname others bear: "Luis Rodriguez" may be anyone)
		}
		s := f[0] + " " + f[len(f)-1]
		if _, ok := officials[s]; !ok {
			short[s] = append(short[s], os...)
		}
	}
	maps.Copy(officials, short)
}

func foldName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r == ' ' || r == '\t' || r == '\u00a0':
			space = b.Len() > 0
			continue
		case r == '’':
			r = '\''
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if a, ok := fold[r]; ok {
			b.WriteString(a)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var fold = func() map[rune]string {
	m := make(map[rune]string)
	for base, rs := range map[string]string{
		"a": "àáâãäåāăąǎ", "c": "çćĉċč", "d": "ďđ", "e": "èéêëēĕėęě", "g": "ĝğġģ", "h": "ĥħ",
		"i": "ìíîïĩīĭįı", "j": "ĵ", "k": "ķ", "l": "ĺļľŀł", "n": "ñńņňŉ", "o": "òóôõöøōŏő",
		"r": "ŕŗř", "s": "śŝşšș", "t": "ţťŧț", "u": "ùúûüũūŭůűų", "w": "ŵ", "y": "ýÿŷ", "z": "źżž",
		"ae": "æ", "oe": "œ", "ss": "ß", "th": "þ", "dh": "ð",
	} {
		for _, r := range rs {
			m[r] = base
		}
	}
	return m
}()

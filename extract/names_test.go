package extract

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/readout/readout/pipeline"
)

func TestFoldName(t *testing.T) {
	for in, want := range map[string]string{"Erdoğan": "erdogan", "Recep  Tayyip-Erdoğan": "recep tayyip erdogan", " Jean-Luc ": "jean luc", "O'Brien": "obrien", "ŁÓDŹ": "lodz", "Ali al-Sistani": "ali al sistani", "Straße": "strasse"} {
		if got := foldName(in); got != want {
			t.Errorf("foldName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestClusterPeopleOddForms: a mention with a form that folds to nothing
// (a stray dash) neither panics nor joins anyone.
func TestClusterPeopleOddForms(t *testing.T) {
	es := []pipeline.Entity{
		{Start: 0, End: 12, Text: "Ann Lee - an", Label: pipeline.Person},
		{Start: 20, End: 26, Text: "Leeson", Label: pipeline.Person},
	}
	people := clusterPeople(strings.Repeat(" ", 26), es)
	var names []string
	for _, p := range people {
		names = append(names, p.name)
	}
	if !slices.Equal(names, []string{"Ann Lee - an", "Leeson"}) {
		t.Errorf("people %q", names)
	}
}

// TestLastFields holds lastFields to the tail of strings.Fields, on
// Unicode spaces, invalid UTF-8 and random strings of such pieces.
func TestLastFields(t *testing.T) {
	pieces := []string{" ", "  ", "\t", "\n", "\u00a0", "\u2003", "said", "Ana", "“", "dubbed", "\xff", "é", ",", ""}
	texts := []string{"", " ", "one", " one ", "a b c d e f g", "x\u00a0y\u3000z", "\xffa \xfe b"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		for n := 0; n <= 6; n++ {
			all := strings.Fields(s)
			want := all[max(0, len(all)-n):]
			if got := lastFields(s, n); !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
				t.Fatalf("lastFields(%q, %d) = %q, want %q", s, n, got, want)
			}
		}
	}
}

// TestSpellingVariantIndex holds spellingVariant's indexed lookups to a
// scan of every form (as it was written before the index), on random
// people going by random spellings, some forms shared.
func TestSpellingVariantIndex(t *testing.T) {
	scan := func(key string, byForm map[string][]*person) *person {
		var found *person
		for f, ps := range byForm {
			var ok bool
			if given, rest, full := strings.Cut(key, " "); full {
				g, r, fullF := strings.Cut(f, " ")
				ok = fullF && r == rest && g != given && len(ps) == 1 && givenKey(g) == givenKey(given)
			} else {
				ok = len(key) >= 6 && len(ps) == 1 && f != "" && f[0] == key[0] && !strings.Contains(f, " ") && (oneEdit(f, key) || movedLetter(f, key)) && f+"s" != key && key+"s" != f
			}
			if ok {
				if found != nil && found != ps[0] {
					return nil
				}
				found = ps[0]
			}
		}
		return found
	}
	words := []string{"gary", "garry", "viktor", "victor", "sergey", "sergei", "knowles", "knowle", "makarov", "makkarov", "makraov",
		"soleimani", "soleymani", "soleimanis", "soleiman", "zoleimani", "sölеimani", "williams", "william", "ruiz", "zoë", "zoe", "phil", "fil", "", "a"}
	form := func(rng *rand.Rand) string {
		f := words[rng.IntN(len(words))]
		if rng.IntN(2) == 0 {
			f += " " + words[rng.IntN(len(words))]
		}
		return f
	}
	rng := rand.New(rand.NewPCG(3, 4))
	found := 0
	for range 500 {
		idx := newFormIndex()
		var people []*person
		for range 1 + rng.IntN(10) {
			p := &person{}
			people = append(people, p)
			for range 1 + rng.IntN(3) {
				idx.add(form(rng), p)
			}
			if rng.IntN(4) == 0 { // a form two people share
				idx.add(form(rng), people[rng.IntN(len(people))])
			}
		}
		for range 20 {
			key := form(rng)
			got, want := spellingVariant(key, idx), scan(key, idx.people)
			if got != want {
				t.Fatalf("spellingVariant(%q) = %p, a scan of every form gives %p (forms %v)", key, got, want, idx.people)
			}
			if got != nil {
				found++
			}
		}
	}
	if found == 0 {
		t.Fatal("no key found a variant: the test reads nothing")
	}
}

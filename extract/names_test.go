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

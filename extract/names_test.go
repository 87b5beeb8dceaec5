package extract

import (
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

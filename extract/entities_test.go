package extract

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/readout/readout/gazetteer"
	"github.com/readout/readout/pipeline"
)

var (
	entOnce sync.Once
	entPipe *pipeline.Pipeline
	entErr  error
)

// entitiesOf runs the stages up to entities over text, whose first line is
// a headline, as "readout annotate" does.
func entitiesOf(t *testing.T, text string) []pipeline.Entity {
	t.Helper()
	entOnce.Do(func() {
		entPipe, entErr = Registry().Build([]string{"paragraphs", "tokens", "entities"}, nil)
	})
	if entErr != nil {
		t.Fatal(entErr)
	}
	d := pipeline.NewDoc("t", text)
	if err := entPipe.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Errors) > 0 {
		t.Fatal(d.Errors)
	}
	for _, e := range d.Entities {
		if d.Text[e.Start:e.End] != e.Text {
			t.Fatalf("entity %+v does not locate its text", e)
		}
	}
	return d.Entities
}

// wantEntity is one mention: its text, label and, when set, canonical name
// and source.
type wantEntity struct {
	text, label, canonical, source string
}

// checkEntities asserts that every wanted mention is there with its label,
// and that none of the texts in absent is an entity or part of one.
func checkEntities(t *testing.T, text string, want []wantEntity, absent ...string) {
	t.Helper()
	got := entitiesOf(t, text)
	for _, w := range want {
		found := false
		for _, e := range got {
			if e.Text == w.text && e.Label == w.label && (w.canonical == "" || e.Canonical == w.canonical) && (w.source == "" || e.Source == w.source) {
				found = true
			}
		}
		if !found {
			t.Errorf("want %s %q (canonical %q, source %q); got %s", w.label, w.text, w.canonical, w.source, dumpEntities(got))
		}
	}
	for _, a := range absent {
		for _, e := range got {
			if e.Text == a {
				t.Errorf("want no entity %q; got %s", a, dumpEntities(got))
			}
		}
	}
}

func dumpEntities(es []pipeline.Entity) string {
	var b strings.Builder
	for _, e := range es {
		b.WriteString("\n\t" + e.Label + " " + e.Text + " (" + e.Source + ", " + e.Canonical + ")")
	}
	return b.String()
}

func TestGazetteerNameBeatsTaggerPart(t *testing.T) {
	// The tagger reads "United" alone; the gazetteer knows the country.
	checkEntities(t, "Hello there.\n\nHe was hit by the President of the United States Donald Trump today.",
		[]wantEntity{
			{"United States", pipeline.Place, "United States", pipeline.SourceGazetteer},
			{"Donald Trump", pipeline.Person, "", ""},
		}, "United")
	checkEntities(t, "Hello there.\n\nHe visited the United States and Egypt.",
		[]wantEntity{{"United States", pipeline.Place, "United States", ""}, {"Egypt", pipeline.Place, "", ""}}, "United")
	checkEntities(t, "Hello there. He visited the United States and Egypt.",
		[]wantEntity{{"United States", pipeline.Place, "United States", ""}, {"Egypt", pipeline.Place, "", ""}}, "United")
}

func TestTaggerSpanOutsideCountries(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("hit by the President of the United States Donald Trump today")
	sc := sentenceScan{e: &Entities{gaz: g, titles: g.Titles()}, words: words, gaz: g.Match(words)}
	// "States Donald Trump" starts inside the country's name.
	if i, j := sc.outsideCountries(7, 10); i != 8 || j != 10 {
		t.Errorf("States Donald Trump: got [%d, %d), want [8, 10)", i, j)
	}
	// "the United" ends inside it.
	if i, j := sc.outsideCountries(5, 7); i != 5 || j != 6 {
		t.Errorf("the United: got [%d, %d), want [5, 6)", i, j)
	}
	// A span holding the whole name is left alone.
	if i, j := sc.outsideCountries(6, 10); i != 6 || j != 10 {
		t.Errorf("United States Donald Trump: got [%d, %d), want [6, 10)", i, j)
	}
	if _, ok := sc.insideGazetteer(6, 7, pipeline.Place); !ok {
		t.Error(`"United" should give way to "United States"`)
	}
}

func TestInsideGazetteerNeedsAName(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	// The gazetteer knows "Israeli army", but written in lower case it is
	// a description: the tagger's "Israeli" is not inside a name.
	words := strings.Fields("said the Israeli army on Monday")
	sc := sentenceScan{e: &Entities{gaz: g, titles: g.Titles()}, words: words, gaz: g.Match(words)}
	if _, ok := sc.insideGazetteer(2, 3, pipeline.Org); ok {
		t.Error(`"Israeli" should not give way to "Israeli army"`)
	}
}

func TestPersonOpeningPlaceNameIsPlace(t *testing.T) {
	// The headline names the museum; the body's "Hagia Sophia" and its
	// spelling "Haghia Sophia" are the tagger's people.
	text := "Turkey's President Erdogan proposes converting Hagia Sophia Museum to mosque\n\n" +
		"On Wednesday, the Turkish President Recep Tayyip Erdoğan pledged converting Hagia Sophia, formerly a Greek Orthodox church and now a museum, to a mosque. " +
		"Erdogan said, \"Ayasofya [Haghia Sophia] will no longer be called a museum.\""
	checkEntities(t, text, []wantEntity{
		{"Hagia Sophia", pipeline.Place, "Hagia Sophia Museum", ""},
		{"Haghia Sophia", pipeline.Place, "Hagia Sophia Museum", ""},
		{"Recep Tayyip Erdoğan", pipeline.Person, "", ""},
	})
}

func TestTitledPersonInsideOrganisationNameStaysPerson(t *testing.T) {
	// The title makes him a person; the university named after him does
	// not turn his untitled mention into an organisation.
	checkEntities(t, "Hello there.\n\nPresident Nursultan Nazarbayev spoke at the Nursultan Nazarbayev University on Monday. Later Nursultan Nazarbayev thanked the students.",
		[]wantEntity{{"Nursultan Nazarbayev", pipeline.Person, "", pipeline.SourceRule}, {"Nursultan Nazarbayev", pipeline.Person, "", pipeline.SourceModel}})
	// A name opening with a known given name stays a person too.
	checkEntities(t, "Hello there.\n\nShe studied at George Washington University in the capital. As a general, George Washington led the army.",
		[]wantEntity{{"George Washington", pipeline.Person, "", ""}})
	got := entitiesOf(t, "Qaboos became Sultan in 1970\n\nOn Friday, Sultan Qaboos bin Said of Oman died aged 79. His successor attended funeral prayers at the Sultan Qaboos Grand Mosque in Muscat. Sultan Qaboos was known for a neutral foreign policy.")
	for _, e := range got {
		if strings.Contains(e.Text, "Qaboos") && e.Label != pipeline.Person {
			t.Errorf("%q: got %s, want PERSON", e.Text, e.Label)
		}
		if strings.Contains(e.Text, "Mosque") && e.Label == pipeline.Person {
			t.Errorf("%q is not a person", e.Text)
		}
	}
}

func TestToponymPrefixes(t *testing.T) {
	checkEntities(t, "Hello there.\n\nThe Syrian Army entered Tell Tamer and Ain Issa yesterday according to state media.",
		[]wantEntity{{"Tell Tamer", pipeline.Place, "", ""}, {"Ain Issa", pipeline.Place, "", ""}})
	checkEntities(t, "Hello there.\n\nThose who remain silent when Masjid Al-Aqsa is attacked cannot tell us what to do.",
		[]wantEntity{{"Masjid Al-Aqsa", pipeline.Place, "", ""}})
	checkEntities(t, "Hello there.\n\nTurkish troops moved on Tal Abyad and Ras al-Ain on Wednesday.",
		[]wantEntity{{"Tal Abyad", pipeline.Place, "", ""}, {"Ras al-Ain", pipeline.Place, "", ""}}, "Ras")
	// A titled person whose name opens with such a word stays a person.
	checkEntities(t, "Hello there.\n\nMayor Ras Baraka said the city would help.",
		[]wantEntity{{"Ras Baraka", pipeline.Person, "", ""}})
}

func TestAppositionSaysWhatANameIs(t *testing.T) {
	// The tagger calls Novichok a person; the apposition says it is a
	// range of neurotoxins, so no mention of it is one.
	checkEntities(t, "Germany says Alexei Navalny poisoned with Novichok\n\n"+
		"On Wednesday, the German government said Russian opposition leader Alexei Navalny was poisoned with Novichok, a range of neurotoxins developed by the Soviet Union. "+
		"The tests by a military laboratory found Novichok in Navalny's blood.",
		[]wantEntity{{"Alexei Navalny", pipeline.Person, "", ""}, {"Soviet Union", pipeline.Place, "", ""}}, "Novichok")
	// People in apposition, and a source after a quote, keep their labels.
	checkEntities(t, "Hello there.\n\nTianjin, the newspaper said, had grown. Navalny, a lawyer, said so.",
		[]wantEntity{{"Tianjin", pipeline.Place, "", ""}, {"Navalny", pipeline.Person, "", ""}})
}

func TestAppositionHead(t *testing.T) {
	toks := func(s string) []pipeline.Token {
		var out []pipeline.Token
		for _, wt := range strings.Fields(s) {
			w, tag, _ := strings.Cut(wt, "/")
			out = append(out, pipeline.Token{Text: w, Tag: tag})
		}
		return out
	}
	for _, c := range []struct{ in, want string }{
		{"range/NN of/IN neurotoxins/NNS", "range"},
		{"small/JJ town/NN ./.", "town"},
		{"militant/JJ group/NN ,/,", "group"},
		{"range/NN ./.", ""},                   // a kind noun needs its "of"
		{"newspaper/NN said/VBD ,/,", ""},      // a clause, not an apposition
		{"type/NN F/NN railing/NN is/VBZ", ""}, // a longer name
		{"spokesman/NN for/IN the/DT group/NN", "spokesman"},
	} {
		if got := appositionHead(toks(c.in)); got != c.want {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
	}
}

func TestOneEdit(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{{"hagia sophia", "haghia sophia", true}, {"", "abc", false}, {"erdoğan", "erdogan", true},
		{"same", "same", false}, {"soleimani", "soleymani", true}, {"abc", "ab", true}, {"abcd", "abdc", false}} {
		if got := oneEdit(c.a, c.b); got != c.want {
			t.Errorf("oneEdit(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestKinPeople(t *testing.T) {
	checkEntities(t, "Hello there.\n\nAs of Tuesday, his widow, Denise, was being treated in Kenya. Their son Omar said so.",
		[]wantEntity{{"Denise", pipeline.Person, "", pipeline.SourceRule}, {"Omar", pipeline.Person, "", pipeline.SourceRule}})
	// A relative's noun before a street or a place is not an apposition.
	checkEntities(t, "Hello there.\n\nHis son lives on Omar Street. Her brother, Kenya's envoy, spoke.",
		[]wantEntity{{"Kenya", pipeline.Place, "", ""}}, "Omar")
}

func TestTownAsSurnameAfterTitle(t *testing.T) {
	// A sentence-case headline: a lowercase title before a lone town name.
	checkEntities(t, "US president ousts national security advisor Bolton\n\nText.",
		[]wantEntity{{"Bolton", pipeline.Person, "", pipeline.SourceRule}})
	// A title-case headline says nothing by its capitals; a capital city
	// after "to" is a place.
	checkEntities(t, "Hello there.\n\nThe envoy flew to Paris on Monday.",
		[]wantEntity{{"Paris", pipeline.Place, "", ""}})
	for _, e := range entitiesOf(t, "Finance Minister Resigns\n\nText.") {
		if e.Label == pipeline.Person {
			t.Errorf("title-case heading: person %q", e.Text)
		}
	}
}

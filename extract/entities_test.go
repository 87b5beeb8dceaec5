package extract

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/readout/readout/extract/ner"
	"github.com/readout/readout/gazetteer"
	"github.com/readout/readout/pipeline"
)

// builtPipeline is a stage list the tests run, built once.
type builtPipeline struct {
	once sync.Once
	p    *pipeline.Pipeline
	err  error
}

var builtPipelines sync.Map // stage names joined by spaces -> *builtPipeline

// runStages runs the named stages over text, whose first line is a
// headline, as "readout annotate" does. It fails t on a document error or
// an entity that does not locate its text.
func runStages(t *testing.T, text string, stages ...string) *pipeline.Doc {
	t.Helper()
	v, _ := builtPipelines.LoadOrStore(strings.Join(stages, " "), &builtPipeline{})
	b := v.(*builtPipeline)
	b.once.Do(func() { b.p, b.err = Registry().Build(stages, nil) })
	if b.err != nil {
		t.Fatal(b.err)
	}
	d := pipeline.NewDoc("t", text)
	if err := b.p.Process(context.Background(), d); err != nil {
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
	return d
}

// labelled runs the stages up to entities over text and returns the texts
// of its entities with the label, in order.
func labelled(t *testing.T, text, label string) []string {
	t.Helper()
	return entityTexts(runStages(t, text, "paragraphs", "tokens", "entities"), label)
}

// checkLabelled checks, for each text, the texts of its entities with the
// label, in order.
func checkLabelled(t *testing.T, label string, want map[string][]string) {
	t.Helper()
	for text, w := range want {
		if got := labelled(t, text, label); !slices.Equal(got, w) {
			t.Errorf("%q: %s entities %q, want %q", text, label, got, w)
		}
	}
}

// entityTexts returns the texts of d's entities with the label, in order.
func entityTexts(d *pipeline.Doc, label string) []string {
	var out []string
	for _, e := range d.Entities {
		if e.Label == label {
			out = append(out, e.Text)
		}
	}
	return out
}

// entitiesOf runs the stages up to entities over text.
func entitiesOf(t *testing.T, text string) []pipeline.Entity {
	t.Helper()
	return runStages(t, text, "paragraphs", "tokens", "entities").Entities
}

// wantEntity is one mention: its text, label and, when set, canonical name
// and source.
type wantEntity struct {
	text, label, canonical, source string
}

// checkEntities asserts that every wanted mention is there with its label,
// and that none of the texts in absent is an entity or part of one.
// defaultGazetteer is the built-in gazetteer, loaded once by the package.
func defaultGazetteer(t *testing.T) *gazetteer.Gazetteer {
	t.Helper()
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

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

// checkPerson asserts that text has a person mention written name.
func checkPerson(t *testing.T, text, name string) {
	t.Helper()
	checkEntities(t, text, []wantEntity{{name, pipeline.Person, "", ""}})
}

// checkPersons asserts, for each text, that it has a person mention
// written as the name it maps to.
func checkPersons(t *testing.T, names map[string]string) {
	t.Helper()
	for text, name := range names {
		checkPerson(t, text, name)
	}
}

// checkNoPeople fails for each person entity found in the texts.
func checkNoPeople(t *testing.T, texts ...string) {
	t.Helper()
	for _, text := range texts {
		for _, e := range entitiesOf(t, text) {
			if e.Label == pipeline.Person {
				t.Errorf("%q: %q is no person", text, e.Text)
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
	checkEntities(t, "Hello there.\n\nHe thanked the President of the United States William Hale today.",
		[]wantEntity{
			{"United States", pipeline.Place, "United States", pipeline.SourceGazetteer},
			{"William Hale", pipeline.Person, "", ""},
		}, "United")
	checkEntities(t, "Hello there.\n\nHe visited the United States and Egypt.",
		[]wantEntity{{"United States", pipeline.Place, "United States", ""}, {"Egypt", pipeline.Place, "", ""}}, "United")
	checkEntities(t, "Hello there. He visited the United States and Egypt.",
		[]wantEntity{{"United States", pipeline.Place, "United States", ""}, {"Egypt", pipeline.Place, "", ""}}, "United")
}

func TestTaggerSpanOutsideCountries(t *testing.T) {
	g := defaultGazetteer(t)
	words := strings.Fields("thanked the President of the United States Ann Kerr today")
	sc := sentenceScan{e: &Entities{gaz: g, titles: g.Titles()}, words: words, gaz: g.Match(words)}
	// "States Ann Kerr" starts inside the country's name.
	if i, j := sc.outsideCountries(6, 9); i != 7 || j != 9 {
		t.Errorf("States Ann Kerr: got [%d, %d), want [7, 9)", i, j)
	}
	// "the United" ends inside it.
	if i, j := sc.outsideCountries(4, 6); i != 4 || j != 5 {
		t.Errorf("the United: got [%d, %d), want [4, 5)", i, j)
	}
	// A span holding the whole name is left alone.
	if i, j := sc.outsideCountries(5, 9); i != 5 || j != 9 {
		t.Errorf("United States Ann Kerr: got [%d, %d), want [5, 9)", i, j)
	}
	if _, ok := sc.insideGazetteer(5, 6, pipeline.Place); !ok {
		t.Error(`"United" should give way to "United States"`)
	}
}

func TestInsideGazetteerNeedsAName(t *testing.T) {
	g := defaultGazetteer(t)
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
	text := "Plan to turn Hagia Sophia Museum into a mosque draws protest\n\n" +
		"On Monday, Turkish President Recep Tayyip Erdoğan repeated his plan for Hagia Sophia, a church for centuries and a museum since 1934. " +
		"Critics said, \"Haghia Sophia [Ayasofya] belongs to the whole world.\""
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
	got := entitiesOf(t, "Sultan Qaboos ruled for five decades\n\nSultan Qaboos bin Said of Oman died on Friday at 79. Crowds filled the Sultan Qaboos Grand Mosque on Saturday. Sultan Qaboos had kept Oman neutral for decades.")
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
	checkEntities(t, "Hello there.\n\nGovernment forces reached Tell Tamer and Ain Issa on Sunday, officials said.",
		[]wantEntity{{"Tell Tamer", pipeline.Place, "", ""}, {"Ain Issa", pipeline.Place, "", ""}})
	checkEntities(t, "Hello there.\n\nThousands of worshippers gathered at Masjid Al-Aqsa for Friday prayers.",
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
	checkEntities(t, "Doctors find Novichok in samples from Alexei Navalny\n\n"+
		"On Monday, doctors in Berlin said the opposition politician Alexei Navalny had been given Novichok, a range of nerve agents first made in the Soviet Union. "+
		"A laboratory in Sweden later found Novichok in samples from Navalny.",
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
	checkEntities(t, "Hello there.\n\nBy Monday, his widow, Denise, had returned to Kenya. Their son Omar confirmed it.",
		[]wantEntity{{"Denise", pipeline.Person, "", pipeline.SourceRule}, {"Omar", pipeline.Person, "", pipeline.SourceRule}})
	// Words about the relative may stand between: "former dancer", "third".
	checkEntities(t, "Tom Hale's former dancer wife, Marta, will campaign. The Berg couple's third child, Ivo, was born. His eldest son Omar spoke.",
		[]wantEntity{{"Marta", pipeline.Person, "", pipeline.SourceRule}, {"Ivo", pipeline.Person, "", pipeline.SourceRule}, {"Omar", pipeline.Person, "", pipeline.SourceRule}})
	// A relative's noun before a street or a place is not an apposition.
	checkEntities(t, "Hello there.\n\nHis son lives on Omar Street. Her brother, Kenya's envoy, spoke.",
		[]wantEntity{{"Kenya", pipeline.Place, "", ""}}, "Omar")
	checkEntities(t, "Her late husband Street lived in Leeds.", nil, "Street")
	// A plural names a list: "his two sons, A and B", "their children A,
	// 16, and B, 14"; not one name, nor a description.
	checkEntities(t, "The bid is led by his two sons, Avram and Jonas, the paper said.",
		[]wantEntity{{"Avram", pipeline.Person, "", pipeline.SourceRule}, {"Jonas", pipeline.Person, "", pipeline.SourceRule}})
	checkEntities(t, "Hello there.\n\nMr Pound said their children Emma, 16, and Pelton, 14, were pleased.",
		[]wantEntity{{"Pound", pipeline.Person, "", ""}, {"Emma", pipeline.Person, "", ""}, {"Pelton", pipeline.Person, "", pipeline.SourceRule}})
	for _, e := range entitiesOf(t, "Hello there.\n\nTheir sons, Manchester United fans, were pleased.") {
		if e.Label == pipeline.Person {
			t.Errorf("a description after a plural is no list of names: got %s %q", e.Label, e.Text)
		}
	}
}

func TestTownAsSurnameAfterTitle(t *testing.T) {
	// A sentence-case headline: a lowercase title before a lone town name.
	checkEntities(t, "Prime minister sacks defence adviser Bolton\n\nText.",
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

// TestInitialsKeepTheirStop: the tokenizer splits "P." in two; a name
// after it joins them back, so that the initial is part of the name.
func TestInitialsKeepTheirStop(t *testing.T) {
	d := runStages(t, "Harwick 214 ( P. Larsen 84 ; M. Ruiz 4-55 ) won. He was in Group B. The end. Prices rose in ST. ALBANS on Friday.", "paragraphs", "tokens")
	var words []string
	for _, tk := range d.Tokens {
		words = append(words, tk.Text)
	}
	got := strings.Join(words, "|")
	for _, want := range []string{"(|P.|Larsen|84", ";|M.|Ruiz|4-55", "Group|B|.", "in|ST.|ALBANS|on"} {
		if !strings.Contains(got, want) {
			t.Errorf("tokens %s, want %s in them", got, want)
		}
	}
	checkEntities(t, "The goal was scored by P. Larsen, who joined last year.", []wantEntity{{text: "P. Larsen", label: pipeline.Person}})
	checkEntities(t, "The Honourable Ann Lowe opened the session.", []wantEntity{{text: "Ann Lowe", label: pipeline.Person}}, "Honourable")
}

// TestBylineIntoDateline: a name in title case does not run on into a
// word in capitals, as a byline into a dateline when lines are joined.
func TestBylineIntoDateline(t *testing.T) {
	checkEntities(t, "LARSEN WINS . Ivo Brandt BERLIN 2031-05-14 Mona Larsen won the race on Friday .",
		[]wantEntity{{text: "Ivo Brandt", label: pipeline.Person}, {text: "Mona Larsen", label: pipeline.Person}}, "Ivo Brandt BERLIN")
	checkEntities(t, "HALE WINS . Ivo Brandt NEW YORK 2031-05-14 Tom Hale won on Friday .",
		[]wantEntity{{text: "Ivo Brandt", label: pipeline.Person}, {text: "NEW YORK", label: pipeline.Place}, {text: "Tom Hale", label: pipeline.Person}}, "Ivo Brandt NEW")
	checkEntities(t, "Shares in Nordex PLC fell on Monday . Analysts at Halvorsen ASA said so .",
		[]wantEntity{{text: "Nordex PLC", label: pipeline.Org}, {text: "Halvorsen ASA", label: pipeline.Org}})
}

// TestBylineNames: the names of a byline are people, whatever the tagger
// makes of names it has not seen; "By" that opens a sentence is not one.
func TestBylineNames(t *testing.T) {
	text := "Talks resume\n\nBy Servet Okyar and Dilan Barkay\n\nANKARA - The talks resumed on Monday.\n\nBy Ankara Kaleli rules, it ends soon."
	d := runStages(t, text, "paragraphs", "tokens", "entities")
	if got, want := entityTexts(d, pipeline.Person), []string{"Servet Okyar", "Dilan Barkay"}; !slices.Equal(got, want) {
		t.Errorf("people %q, want %q", got, want)
	}
}

// TestDatelineEndsASentence: a wire dateline that runs on into the story
// ends a sentence, so the story's first word is a sentence's first word.
// The byline is a sentence of its own, so the dateline is a line in
// capitals; words before the place that are not a name stay with it.
func TestDatelineEndsASentence(t *testing.T) {
	for text, want := range map[string][]string{
		"Ivo Brandt BERLIN 2031-05-14 Veteran sprinter Tom Hale won on Friday. It rained on 2031-05-15 at noon.": {
			"Ivo Brandt", "BERLIN 2031-05-14", "Veteran sprinter Tom Hale won on Friday.", "It rained on 2031-05-15 at noon."},
		"Ivo Brandt OSLO , Norway 2031-05-14 Rain fell.": {"Ivo Brandt", "OSLO , Norway 2031-05-14", "Rain fell."},
		"Prices at the NYSE 2031-05-14 Traders sold.":    {"Prices at the NYSE 2031-05-14", "Traders sold."},
		"Updated OSLO 2031-05-14 Rain fell.":             {"Updated OSLO 2031-05-14", "Rain fell."},
		"From Ivo Brandt OSLO 2031-05-14 Rain fell.":     {"From Ivo Brandt OSLO 2031-05-14", "Rain fell."},
	} {
		if got := sentenceTexts(t, text); !slices.Equal(got, want) {
			t.Errorf("%q: sentences %q, want %q", text, got, want)
		}
	}
}

// TestResultsRows: a results table whose line breaks were lost is read
// row by row, each a sentence.
func TestResultsRows(t *testing.T) {
	got := sentenceTexts(t, "Standings : HARWICK 75 58 .564 - DENVER 80 53 .602 4 LEEDS 72 63 .533 7 . The league resumes on Friday , when 12 teams play .")
	want := []string{"Standings : HARWICK 75 58 .564 -", "DENVER 80 53 .602 4", "LEEDS 72 63 .533 7 .", "The league resumes on Friday , when 12 teams play ."}
	if !slices.Equal(got, want) {
		t.Errorf("sentences %q, want %q", got, want)
	}
}

// TestTagBlocks: a document of more sentences than the entity model reads
// at once is tagged in blocks, each sentence once, the last block too, with
// the same result for a sentence whichever block it falls in.
func TestTagBlocks(t *testing.T) {
	var b strings.Builder
	n := 2*tagBlock + 7
	for i := range n {
		if i%2 == 0 {
			b.WriteString("Ana Ruiz visited Lima on Monday. ")
		} else {
			b.WriteString("She met Tom Berg there. ")
		}
	}
	d := runStages(t, b.String(), "paragraphs", "tokens", "entities")
	if len(d.Sentences) != n {
		t.Fatalf("%d sentences, want %d", len(d.Sentences), n)
	}
	people := map[string]int{}
	for _, e := range d.Entities {
		if e.Label == pipeline.Person {
			people[e.Text]++
		}
	}
	if people["Ana Ruiz"] != (n+1)/2 || people["Tom Berg"] != n/2 {
		t.Errorf("people %v, want Ana Ruiz %d times and Tom Berg %d", people, (n+1)/2, n/2)
	}
}

// TestTitleWithComplementNoBody: a title and its complement are no
// organisation, but a body named after "of" is.
func TestTitleWithComplementNoBody(t *testing.T) {
	for _, tc := range []struct{ text, org, notOrg string }{
		{"Ana Ruiz, the European Commissioner for Trade, said so.", "", "European Commissioner for Trade"},
		{"Tom Hale, chair of Lakeside Rowing and Director of Valley Tourism Partnership, said so.", "Valley Tourism Partnership", "Lakeside Rowing and Director of Valley Tourism Partnership"},
		{"Ana Ruiz of the Office of the High Commissioner for Refugees said so.", "Office of the High Commissioner for Refugees", "Refugees"},
	} {
		orgs := labelled(t, tc.text, pipeline.Org)
		if tc.org != "" && !slices.Contains(orgs, tc.org) {
			t.Errorf("%q: organisations %q lack %q", tc.text, orgs, tc.org)
		}
		if slices.Contains(orgs, tc.notOrg) {
			t.Errorf("%q: %q is taken for an organisation", tc.text, tc.notOrg)
		}
	}
}

// TestCanonicalBodies: a body's short name is the one country's body the
// document names in full, and no body when two countries have one.
func TestCanonicalBodies(t *testing.T) {
	for _, tc := range []struct{ text, short, want string }{
		{"The Canadian Supreme Court ruled. The Supreme Court said more.", "Supreme Court", "Canadian Supreme Court"},
		{"The Canadian Supreme Court ruled. The Supreme Court of Canada met. The Supreme Court said more.", "Supreme Court", "Supreme Court of Canada"},
		{"The Senate of Chile voted. The Senate adjourned.", "Senate", "Senate of Chile"},
		// near misses: two countries' courts; no full name
		{"The Canadian Supreme Court and the Chilean Supreme Court met. The Supreme Court said more.", "Supreme Court", "Supreme Court"},
		{"The Supreme Court said more on Monday.", "Supreme Court", "Supreme Court"},
	} {
		d := runStages(t, tc.text, "paragraphs", "tokens", "entities")
		i := slices.IndexFunc(d.Entities, func(e pipeline.Entity) bool { return e.Label == pipeline.Org && e.Text == tc.short })
		if i < 0 {
			t.Errorf("%q: no organisation %q in %v", tc.text, tc.short, d.Entities)
			continue
		}
		if got := d.Entities[i].Canonical; got != tc.want {
			t.Errorf("%q: %q is %q, want %q", tc.text, tc.short, got, tc.want)
		}
	}
}

// TestTitleEndsBody: a title that ends a body's name or runs past it is no
// part of the name, unless the name leads into it or it opens with the
// body's head word.
func TestTitleEndsBody(t *testing.T) {
	for _, tc := range []struct{ text, org string }{
		{"Lakeview Bank Chief Executive Tom Berg resigned on Monday.", "Lakeview Bank"},
		{"The Chilean Senate will vote. The Senate Minority Leader, Ana Ruiz, said so.", "Senate"},
		// near misses
		{"British Labour Party leader Ann Lee spoke.", "British Labour Party"},
		{"Staff at the Office of the Prime Minister were told.", "Office of the Prime Minister"},
	} {
		orgs := labelled(t, tc.text, pipeline.Org)
		if !slices.Contains(orgs, tc.org) {
			t.Errorf("%q: organisations %q lack %q", tc.text, orgs, tc.org)
		}
	}
}

// TestPersonEndsAtPossessive: a person's name never runs on through a
// possessive into what the person owns ("Verdi's La Traviata"), nor into
// an outlet's acronym after a byline.
func TestPersonEndsAtPossessive(t *testing.T) {
	for _, tc := range []struct{ text, person string }{
		{"The opera house staged Giuseppe Verdi's La Traviata on Friday.", "Giuseppe Verdi"},
		{"Critics praised Orson Welles' Macbeth again.", "Orson Welles"},
		{"I am Dave Deforest VOA News.", "Dave Deforest"},
		// near miss: a regnal number is part of the name
		{"King Henry VIII died in 1547.", "Henry VIII"},
	} {
		people := labelled(t, tc.text, pipeline.Person)
		if !slices.Equal(people, []string{tc.person}) {
			t.Errorf("%q: people %q, want [%q]", tc.text, people, tc.person)
		}
	}
}

// TestPersonEndsAtDash: a hyphen standing alone between spaces before a
// word in lower case is a dash that opens an aside, and a name never runs
// across it.
func TestPersonEndsAtDash(t *testing.T) {
	for _, tc := range []struct{ text, person string }{
		{"Anu Rao, finance director, of MB Richard Ellis - an Indian building firm - spoke to us.", "Richard Ellis"},
		{"Mira Shah, partner, of CB Peter Hale - an international firm - said so.", "Peter Hale"},
		// near miss: a hyphenated surname
		{"The award went to Scarlett Moss-Berg on Friday.", "Scarlett Moss-Berg"},
	} {
		if people := labelled(t, tc.text, pipeline.Person); !slices.Contains(people, tc.person) {
			t.Errorf("%q: people %q lack %q", tc.text, people, tc.person)
		}
	}
}

// TestListedTitlesKeepTheirNames: a title's capitalised portfolio never
// runs on across a comma into the next person of a list.
func TestListedTitlesKeepTheirNames(t *testing.T) {
	for _, tc := range []struct {
		text   string
		people []string
	}{
		{"Also due are Secretary of State Mark Hale, UN Secretary General Ivo Marek and others.", []string{"Mark Hale", "Ivo Marek"}},
		{"The Minister of Health Ann Kerr, the UN envoy Tom Lund and others met.", []string{"Ann Kerr", "Tom Lund"}},
	} {
		if people := labelled(t, tc.text, pipeline.Person); !slices.Equal(people, tc.people) {
			t.Errorf("%q: people %q, want %q", tc.text, people, tc.people)
		}
	}
}

// TestEchoNamesSurnameVote checks that a surname the model labels as an
// organisation becomes a person's when the document names that person in
// full and the model reads the surname as a person's at least as often.
func TestEchoNamesSurnameVote(t *testing.T) {
	g := defaultGazetteer(t)
	text := "Lena Marsh won. Marsh said so. Marsh would resign. Marsh left."
	d := runStages(t, text, "paragraphs", "tokens")
	at := func(from int, s string, label string) pipeline.Entity {
		i := from + strings.Index(text[from:], s)
		return pipeline.Entity{Start: i, End: i + len(s), Text: s, Label: label, Source: pipeline.SourceModel}
	}
	for _, c := range []struct {
		labels []string // of the three "Marsh" mentions
		want   string   // the label of the second
	}{
		{[]string{pipeline.Person, pipeline.Org, pipeline.Person}, pipeline.Person},
		{[]string{pipeline.Person, pipeline.Org, pipeline.Org}, pipeline.Org}, // outvoted
	} {
		es := []pipeline.Entity{at(0, "Lena Marsh", pipeline.Person)}
		from := 16
		for _, l := range c.labels {
			e := at(from, "Marsh", l)
			es = append(es, e)
			from = e.End
		}
		got := echoNames(d, es, g)
		if got[2].Text != "Marsh" || got[2].Label != c.want {
			t.Errorf("labels %v: second Marsh is %s, want %s", c.labels, got[2].Label, c.want)
		}
	}
}

// TestRoleFollowsOverPortfolio checks that an apposition whose title opens
// with its portfolio in capitals names the person before it, as a
// lowercase one does: "Lou Hale, the Business Secretary, said".
func TestRoleFollowsOverPortfolio(t *testing.T) {
	g := defaultGazetteer(t)
	for text, want := range map[string]bool{
		"Lou Hale , the Business Secretary , said": true,
		"Lou Hale , the business secretary , said": true,
		"Lou Hale , the Business Park , said":      false,
	} {
		words := strings.Fields(text)
		sc := sentenceScan{e: &Entities{gaz: g, titles: g.Titles()}, words: words, gaz: g.Match(words)}
		if got := sc.roleFollows(3, false); got != want {
			t.Errorf("%q: roleFollows = %v, want %v", text, got, want)
		}
	}
}

// TestNameRunStopsAtEponymHead checks that what a person leads ends the
// run of name words before it: "the Keller Government said".
func TestNameRunStopsAtEponymHead(t *testing.T) {
	g := defaultGazetteer(t)
	for text, want := range map[string]int{
		"the Keller Government said so":      2,
		"the Ann Keller Administration said": 3,
		"Ann Keller said so":                 2,
	} {
		words := strings.Fields(text)
		sc := sentenceScan{e: &Entities{gaz: g, titles: g.Titles()}, words: words, gaz: g.Match(words)}
		start := 1
		if !strings.HasPrefix(text, "the ") {
			start = 0
		}
		if got := sc.nameRun(start); got != want {
			t.Errorf("%q: nameRun = %d, want %d", text, got, want)
		}
	}
}

// TestLowerWordsNameNoOne: a run of words that news writes in lower case
// names a film or a play, not a person, unless a given name opens it.
func TestLowerWordsNameNoOne(t *testing.T) {
	for _, c := range []struct {
		text, thing, person string
	}{
		{"Critics praised Broken Promises, the new film by Tom Berg.", "Broken Promises", "Tom Berg"},
		{"Critics praised Quiet Waters, the new film by Tom Berg.", "Quiet Waters", "Tom Berg"},
		{"Audiences cheered Dark Money, the new play by Lena Novak.", "Dark Money", "Lena Novak"},
		{`"We will win," said Grace Field, the team's captain.`, "", "Grace Field"},
	} {
		people := map[string]bool{}
		for _, e := range entitiesOf(t, c.text) {
			if e.Label == pipeline.Person {
				people[e.Text] = true
			}
		}
		if c.thing != "" && people[c.thing] {
			t.Errorf("%q: %q is not a person", c.text, c.thing)
		}
		if !people[c.person] {
			t.Errorf("%q: %q is a person, got %v", c.text, c.person, people)
		}
	}
}

// TestDatelineLine: the tagger reads a dateline on its own line past the
// headline, but not a heading in title case with small words.
func TestDatelineLine(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Port strike ends after ten days\nDainis Oltmanis\nKALVIJA, Latvia, March 1\nDock workers returned to work on Friday, union leaders said.", "KALVIJA"},
		{"Ferry service resumes\nTeodor Vranjes\nSUSAK, Croatia, March 2\nThe ferry to the island sailed again on Sunday.", "SUSAK"},
	} {
		found := false
		for _, e := range entitiesOf(t, c.text) {
			found = found || e.Text == c.want && e.Label == pipeline.Place
		}
		if !found {
			t.Errorf("%q: no place %q", c.text, c.want)
		}
	}
	text := "Ferry service resumes\n\nThe ferry sailed again on Sunday.\n\nTalks on the Harbour Plan at Kalvija\n\nThe council will meet again."
	for _, e := range entitiesOf(t, text) {
		if e.Start > strings.Index(text, "Talks") && e.End < strings.Index(text, "The council") && e.Source == pipeline.SourceModel {
			t.Errorf("%q: the tagger's %s %q in a heading with small words", text, e.Label, e.Text)
		}
	}
}

// TestAddressMakesPerson: a title of address before a capitalised word
// names a person, whatever the tagger calls the two; a word the document
// also writes in lower case stays no one's name.
func TestAddressMakesPerson(t *testing.T) {
	checkEntities(t, "The inquiry heard evidence from Mr Bellamy and Ms Ferreira.", []wantEntity{
		{"Bellamy", pipeline.Person, "", pipeline.SourceRule},
		{"Ferreira", pipeline.Person, "", pipeline.SourceRule},
	})
	for _, e := range entitiesOf(t, "Staff at the Mr Fixit store were nice to him, and the fixit team came fast.") {
		if e.Label == pipeline.Person {
			t.Errorf("%q is no person", e.Text)
		}
	}
}

// TestEchoNamesGivenNameAndSurname: a span of a given name and the surname
// of a person a rule found is a person, whatever the model labelled it;
// not when a place's prefix opens it, nor when only the model found the
// surname.
func TestEchoNamesGivenNameAndSurname(t *testing.T) {
	g := defaultGazetteer(t)
	text := "Police met Brenda Kastelic. Ms Kastelic spoke. Port Kastelic is near."
	d := runStages(t, text, "paragraphs", "tokens")
	at := func(s, label, source string) pipeline.Entity {
		i := strings.Index(text, s)
		return pipeline.Entity{Start: i, End: i + len(s), Text: s, Label: label, Source: source}
	}
	for _, c := range []struct {
		surnameSource string
		want          string // the label of "Brenda Kastelic"
	}{
		{pipeline.SourceRule, pipeline.Person},
		{pipeline.SourceModel, pipeline.Place},
	} {
		surname := at("Kastelic spoke", pipeline.Person, c.surnameSource)
		surname.End, surname.Text = surname.Start+len("Kastelic"), "Kastelic"
		es := []pipeline.Entity{
			at("Brenda Kastelic", pipeline.Place, pipeline.SourceModel),
			surname,
			at("Port Kastelic", pipeline.Place, pipeline.SourceModel),
		}
		got := echoNames(d, es, g)
		if got[0].Label != c.want {
			t.Errorf("surname from %s: Brenda Kastelic is %s, want %s", c.surnameSource, got[0].Label, c.want)
		}
		for _, e := range got {
			if e.Text == "Port Kastelic" && e.Label != pipeline.Place {
				t.Errorf("Port Kastelic is %s, want a place", e.Label)
			}
		}
	}
}

// TestTitleAfterBodyInTaggedSpan: a body, a title and a one-word name that
// the tagger reads as one organisation are a body and a person; a title
// word inside a company's name stays part of it.
func TestTitleAfterBodyInTaggedSpan(t *testing.T) {
	checkEntities(t, "Fed Chairman Halloran said rates would rise.", []wantEntity{{"Halloran", pipeline.Person, "", pipeline.SourceRule}})
	checkEntities(t, "NATO Commander Vestergaard said the troops would stay.", []wantEntity{{"Vestergaard", pipeline.Person, "", pipeline.SourceRule}})
	for _, text := range []string{"Shares of the Harbour & General Trust fell.", "The company hired General Motors veterans."} {
		for _, e := range entitiesOf(t, text) {
			if e.Label == pipeline.Person {
				t.Errorf("%q: %q is no person", text, e.Text)
			}
		}
	}
}

// TestLawsAndEventsNoBodies: the name of a law, an agreement or an event
// is neither a body nor a place, nor is a place inside it; a body with
// the same opening words is still one.
func TestLawsAndEventsNoBodies(t *testing.T) {
	for _, text := range []string{
		"The Lisbon Fisheries Treaty was signed by twelve states.",
		"Critics said the Harbour Incident was covered up.",
		"Both sides honoured the Kivu Ceasefire Agreement until May.",
		"Officials blamed the Maastricht Protocol for the delay.",
		"They qualified for the Kestrel Grand Prix Final.",
		"Critics said the Treaty was weak.",
	} {
		if got := entitiesOf(t, text); len(got) != 0 {
			t.Errorf("%q: want no entity, got %s", text, dumpEntities(got))
		}
	}
	checkEntities(t, "The Lisbon Fisheries Council met on Tuesday.", []wantEntity{{"Lisbon Fisheries Council", pipeline.Org, "", ""}})
	checkNoPeople(t, "Critics said the sequel was worse than the Texas Chainsaw Massacre.")
	// (Two of the heads end people's names too.)
	checkPerson(t, "Survivors of the Harwick Massacre met Tom Bill on Monday.", "Tom Bill")
	checkPerson(t, "Ana Ruiz met Lee Charter in Leeds.", "Lee Charter")
}

// TestPlaceNamedBody: a place's name before the head of a state's body,
// which the tagger reads as one place, is the body's; a place that ends in
// another word stays a place.
func TestPlaceNamedBody(t *testing.T) {
	checkEntities(t, "Protesters gathered outside the Peru Embassy on Monday.", []wantEntity{{"Peru Embassy", pipeline.Org, "", ""}})
	checkEntities(t, "A spokesman for the US Treasury, Tom Fargo, said rates would rise.", []wantEntity{{"US Treasury", pipeline.Org, "", ""}})
	checkEntities(t, "Tourists flocked to the Kenya Coast on Monday.", []wantEntity{{"Kenya Coast", pipeline.Place, "", ""}})
}

// TestPlacedByNoName: who backs or hosts a body ("UN-backed",
// "Kabul-based") is no part of the body's name.
func TestPlacedByNoName(t *testing.T) {
	checkEntities(t, "Ana Ruiz heads the U.N.-backed Harbour Complaints Commission in Lima.", []wantEntity{{"Harbour Complaints Commission", pipeline.Org, "", ""}})
	checkEntities(t, "Tom Berg, head of the Kabul-based Harbour Authority, resigned.", []wantEntity{{"Harbour Authority", pipeline.Org, "", ""}})
	for _, text := range []string{"Lakeview Tyres is linking with Hong Kong-based group Orbis Pacific.", "Orbis is a major Hong Kong-listed company."} {
		for _, e := range entitiesOf(t, text) {
			if e.Label == pipeline.Person || strings.HasSuffix(e.Text, "-based") || strings.HasSuffix(e.Text, "-listed") {
				t.Errorf("%q: %s %q is a modifier, no name", text, e.Label, e.Text)
			}
		}
	}
}

// TestListedUnderHonorific: a plural title of address lists people by
// their surnames; the chamber and a title after it are no list.
func TestListedUnderHonorific(t *testing.T) {
	checkEntities(t, "The appeal was heard by Lords Amberley, Stoke and Carrow on Monday.", []wantEntity{
		{"Amberley", pipeline.Person, "", ""}, {"Stoke", pipeline.Person, "", ""}, {"Carrow", pipeline.Person, "", ""}})
	checkEntities(t, "Messrs Pell and Drury denied the charge.", []wantEntity{{"Pell", pipeline.Person, "", ""}, {"Drury", pipeline.Person, "", ""}})
	for _, text := range []string{"Peers in the Lords rejected the bill.", "Lords Leader Baroness Vale spoke first."} {
		for _, e := range entitiesOf(t, text) {
			if e.Label == pipeline.Person && e.Text != "Vale" {
				t.Errorf("%q: %q is no person", text, e.Text)
			}
		}
	}
}

// TestMountains: the word for a mountain and the name after it are a
// place; a building named after a mountain is not the mountain.
func TestMountains(t *testing.T) {
	checkEntities(t, "The sites include Yunnan's Mt. Tarvo and Gansu's Mt. Oleng, which attract climbers.", []wantEntity{
		{"Mt. Tarvo", pipeline.Place, "", ""}, {"Mt. Oleng", pipeline.Place, "", ""}})
	for _, e := range entitiesOf(t, "Doctors at Mount Tarvo Hospital treated him.") {
		if e.Text == "Mount Tarvo" {
			t.Errorf("%q is a hospital's name", e.Text)
		}
	}
}

// TestOfficeAsBody: a body the gazetteer names by its holder's title is
// that title where a name follows it, and the body where none does.
func TestOfficeAsBody(t *testing.T) {
	for _, e := range entitiesOf(t, "UN High Commissioner for Refugees Ana Ruiz toured the camps.") {
		if e.Label == pipeline.Org && strings.Contains(e.Text, "Commissioner") {
			t.Errorf("%q is Ana Ruiz's title", e.Text)
		}
	}
	checkEntities(t, "Officials at UN High Commissioner for Refugees said tents would come.", []wantEntity{{"UN High Commissioner for Refugees", pipeline.Org, "", ""}})
}

// TestWeekdayPapers: a weekday opens a newspaper's name before its head
// word; a date before another name is no paper.
func TestWeekdayPapers(t *testing.T) {
	checkEntities(t, "The claims were made by Sunday Telegraph columnist Ann Vale.", []wantEntity{{"Sunday Telegraph", pipeline.Org, "", ""}})
	for _, e := range entitiesOf(t, "On Sunday Times Square was empty.") {
		if e.Label == pipeline.Org {
			t.Errorf("%q is no paper", e.Text)
		}
	}
}

// TestSplitAtAt: a span the tagger ran across "AT" in capitals, as a
// schedule writes "LAKEVIEW AT HARWICK", is two names; "At" in a name in
// title case, or "AT" with no capitals around it, splits nothing.
func TestSplitAtAt(t *testing.T) {
	for _, tc := range []struct {
		words []string
		want  [][2]int
	}{
		{strings.Fields("LAKEVIEW AT HARWICK NORTH BAY AT DENVER"), [][2]int{{0, 1}, {2, 5}, {6, 7}}},
		{strings.Fields("Rally At Dawn"), [][2]int{{0, 3}}},
		{strings.Fields("Bank AT Home"), [][2]int{{0, 3}}},
	} {
		sc := &sentenceScan{words: tc.words}
		var got [][2]int
		for _, sp := range sc.splitAtAt([]ner.Span{{Start: 0, End: len(tc.words), Label: "ORG"}}) {
			got = append(got, [2]int{sp.Start, sp.End})
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: spans %v, want %v", tc.words, got, tc.want)
		}
	}
}

// TestFirmNounsNameBodies: a name after the noun for a kind of firm is a
// body's, also where that noun opens the sentence; a name that opens with
// a given name after it is a person's ("the firm Tom Berg founded").
func TestFirmNounsNameBodies(t *testing.T) { // and the names such a noun lists in the plural
	checkEntities(t, "Shares in carmaker Brandt Ellery fell after the recall.", []wantEntity{{"Brandt Ellery", pipeline.Org, "", ""}})
	checkEntities(t, "Britain's biggest retailer Halvorsen reported higher sales.", []wantEntity{{"Halvorsen", pipeline.Org, "", ""}})
	checkEntities(t, "Jeweller Castell also reported weak sales.", []wantEntity{{"Castell", pipeline.Org, "", ""}}, "Jeweller Castell")
	checkEntities(t, "Shares in casino operators Lakeview Clubs, Castell Group and Stanley Ellery fell.", []wantEntity{{"Stanley Ellery", pipeline.Org, "", ""}})
	checkEntities(t, "Carmakers Halvorsen and Brandt Ellery cut jobs.", []wantEntity{{"Brandt Ellery", pipeline.Org, "", ""}})
	// An item that joins two names with "&" is one item.
	checkEntities(t, "It also owns the firms Hale & Dobbs and J Walter Thornton.", []wantEntity{{"J Walter Thornton", pipeline.Org, "", ""}})
	checkPerson(t, "The firm Tom Berg founded in 1990 has collapsed.", "Tom Berg")
	checkPerson(t, "The firms Tom Berg founded have collapsed.", "Tom Berg")
	checkPerson(t, "Analyst Ann Kerr said the figures were weak.", "Ann Kerr")
}

// TestMediaNounsNameBodies: a name after the noun for a newspaper, a
// firm or a militia, inside a title's complement, is the body's, not a
// holder's; a
// name after a lowercase body of another kind is the holder's.
func TestMediaNounsNameBodies(t *testing.T) {
	checkEntities(t, "Tom Berg, deputy editor of the magazine Harbour Weekly, said sales rose.", []wantEntity{{"Tom Berg", pipeline.Person, "", ""}, {"Harbour Weekly", pipeline.Org, "", ""}})
	checkEntities(t, "Tom Berg, a commander of the militia Red Dawn, denied it.", []wantEntity{{"Tom Berg", pipeline.Person, "", ""}, {"Red Dawn", pipeline.Org, "", ""}})
	checkEntities(t, "Ana Ruiz, editor of the news site Vela Nova, was freed.", []wantEntity{{"Ana Ruiz", pipeline.Person, "", ""}, {"Vela Nova", pipeline.Org, "", ""}})
	checkPerson(t, "The speaker of the parliament Omar Nadiri opened the session.", "Omar Nadiri")
}

// TestNamesOfOtherThings: what reads as a person's name but names
// something else, each beside a near miss that is a person: "official"
// before a name that opens with no given name is an adjective ("the
// official Opposition") and a law's name is no one's, but "official"
// before a given name or in apposition is a title; a saint's name before a
// possessive and a capitalised word is a building's or a day's, a saint
// on his own a person.
func TestNamesOfOtherThings(t *testing.T) {
	checkNoPeople(t,
		"Few knew that the Tories were the official Opposition in the Commons.",
		"The official Harbour Gazette newspaper printed the decree.",
		"She was charged under the Official Secrets Act on Tuesday.",
		"Protesters gathered in Cork's Saint Brendan's Cathedral on Sunday.",
		"Celebrations for Saint Columba's Day began on Friday.",
		"The pope blessed the crowd in St Anselm's Square.")
	checkPersons(t, map[string]string{
		"Militants abducted local government official Amir Latif today.":         "Amir Latif",
		"The agency quoted the official, Yu Hongyao, as saying a deal was near.": "Yu Hongyao",
		"Saint Brendan's voyage is told in many books.":                          "Saint Brendan",
	})
}

// TestQuotedSlogansAreNoOne: capitalised words that are all a quotation
// holds are a slogan, a chant or a title; near misses: a quoted name after
// "known as" or "calling himself", and one the text also writes unquoted.
func TestQuotedSlogansAreNoOne(t *testing.T) {
	checkNoPeople(t,
		`Protesters chanted "Fuera Gobierno Corrupto" outside the palace in Lima.`,
		`Supporters carried banners reading "Todos Somos Lopez" and "Basta Ya".`,
		`The slogan "Ni Una Menos" became a rallying cry across Argentina.`,
		"The crowd shouted “Jai Hind” as the parade passed.",
		// a list's comma inside the closing mark, as American style sets it
		`His films, including "Lena Holt," "Cold Harbour" and "Tom Berg", were shown.`)
	checkPersons(t, map[string]string{
		`A gunman known as "Abu Karim" led the attack.`: "Abu Karim",
		// near miss: a quotation that opens the sentence and goes on after its speaker
		`"Lena Holt," he said, "is the best player we have."`:                                   "Lena Holt",
		`Police are hunting a man calling himself "Tom Berg".`:                                  "Tom Berg",
		`Fans sang "Lena Holt" all night. Lena Holt scored twice in the second half on Sunday.`: "Lena Holt",
	})
}

// TestWordingNamedByItsKind: capitalised words after a noun for a kind of
// wording or book are its name, whatever the tagger makes of the noun
// ("slogan" read as an adjective) and even when a given name opens them;
// near misses: a person before the noun, or after "of".
func TestWordingNamedByItsKind(t *testing.T) {
	checkNoPeople(t,
		"The Hindi slogan Jai Kisan was coined in 1965.",
		"The anthem Jai Bharat was sung at the start.",
		"His autobiography Tom Berg Remembers sold well.",
		"The catchphrase Ana Forever was printed on shirts.")
	checkPersons(t, map[string]string{
		"Ana Ruiz recited the poem on Monday.":          "Ana Ruiz",
		"The slogan of Tom Berg was printed on shirts.": "Tom Berg",
	})
}

// TestNameAsModifier: a name that a hyphen and "style" or "inspired"
// make a modifier is the person's name without them, and an
// adjective made from a name ("Blairite") describes the person after it;
// near misses: a given name that ends like such an adjective, a
// hyphenated surname.
func TestNameAsModifier(t *testing.T) {
	checkPersons(t, map[string]string{
		"Critics feared a Tom Hale-style campaign.":       "Tom Hale",
		"The side played an Ana Ruiz-inspired game.":      "Ana Ruiz",
		"Blairite Tom Hale was put in charge.":            "Tom Hale",
		"Brownite Ana Ruiz wrote the pamphlet.":           "Ana Ruiz",
		"Marguerite Ana Lopes spoke at the launch.":       "Marguerite Ana Lopes",
		"Rosa Smith-Jones spoke at the launch on Monday.": "Rosa Smith-Jones",
	})
}

// TestFaithBeforeName: a faith named right before a full name is the
// phrase before it, not the person's; near miss: a given name that is
// also a faith's, before a surname.
func TestFaithBeforeName(t *testing.T) {
	checkPersons(t, map[string]string{
		"He was a fierce critic of Islam Tom Hale Ruiz said on Monday.": "Tom Hale Ruiz",
		"A book on Buddhism Ana Ruiz wrote sold well.":                  "Ana Ruiz",
		"President Islam Berdiyev spoke on Monday.":                     "Islam Berdiyev",
	})
}

// TestFirmBeforeMarketTitle: a name before the title of a market
// professional and another name is the firm that employs them; near
// misses: a name before a title that serves a person ("aide"), and a
// title after a comma.
func TestFirmBeforeMarketTitle(t *testing.T) {
	checkEntities(t, `"Rates will rise," said Harwick Baines economist Ana Ruiz.`,
		[]wantEntity{{"Harwick Baines", pipeline.Org, "", ""}, {"Ana Ruiz", pipeline.Person, "", ""}})
	checkEntities(t, `"Rates will rise," said Harwick Baines chief strategist Ana Ruiz.`,
		[]wantEntity{{"Harwick Baines", pipeline.Org, "", ""}, {"Ana Ruiz", pipeline.Person, "", ""}})
	checkEntities(t, `"Rates will rise," said Tom Berg aide Ana Ruiz.`,
		[]wantEntity{{"Tom Berg", pipeline.Person, "", ""}, {"Ana Ruiz", pipeline.Person, "", ""}})
	checkEntities(t, "Tom Berg, an economist, spoke.", []wantEntity{{"Tom Berg", pipeline.Person, "", ""}})
}

// TestProfessionBeforeBuildingSurname: after a profession in one word a
// given name and a surname that also heads a building's name are a
// person's ("correspondent Tom Hall at ..."); "Utd" ends a club's name, no
// one's. Near miss: a hall's name after "the".
func TestProfessionBeforeBuildingSurname(t *testing.T) {
	checkPerson(t, "BBC correspondent Tom Hall at Lakemoor said crowds came.", "Tom Hall")
	checkNoPeople(t, "Fans of Man Utd marched to the ground on Saturday.", "He spoke at the Tom Hall in Lakemoor on Saturday.")
}

// TestEpithetEndsName: "the Younger", "the Elder" after a name are part
// of it, as a regnal number is; near miss: "the" before a common noun.
func TestEpithetEndsName(t *testing.T) {
	checkPersons(t, map[string]string{
		"The hall holds a portrait of Tom Berg the Younger, a banker.": "Tom Berg the Younger",
		"He admired Pieter Hale the Elder for his landscapes.":         "Pieter Hale the Elder",
		"Ana Ruiz the great-grandmother spoke at the launch.":          "Ana Ruiz",
	})
}

// TestApposedThingOfSeveralWords: a name of two or three words that an
// apposition calls a ranch, a hotel or a firm names no one in the whole
// document; near misses: an apposition with a person's head noun.
func TestApposedThingOfSeveralWords(t *testing.T) {
	checkNoPeople(t, "Prosecutors targeted Hato Los Pinos, a large cattle ranch in the south. Hato Los Pinos was seized.")
	checkPersons(t, map[string]string{
		"Police questioned Ana Ruiz, a company director, on Monday.": "Ana Ruiz",
		"They met Tom Berg, a village elder, in the square.":         "Tom Berg",
	})
}

// TestWhichIsNoOnes: a name a clause opens with, or a verb's object,
// before ", which" is no one's in the whole document; near misses: the
// object of a preposition or a title's name, where "which" may be
// another noun's.
func TestWhichIsNoOnes(t *testing.T) {
	checkNoPeople(t, "Rivals bought Lakeview Tarn, which makes engines. Lakeview Tarn said profits rose.")
	checkPersons(t, map[string]string{
		"A letter from Ana Ruiz, which was leaked, angered the board.":                         "Ana Ruiz",
		"Markets fell after comments by bank chief Tom Berg, which traders read as a warning.": "Tom Berg",
	})
}

// TestRenderedQuotationNamesNoOne: a quotation's rendering in its own
// language after Wikinews's marker names no one; near misses: a name
// where the English goes on after a function word, in the same paragraph
// or the next.
func TestRenderedQuotationNamesNoOne(t *testing.T) {
	text := "Ana Ruiz said: \"The court has ruled.\" ((es))Spanish language: \u200dLa decisión del Senado de Lakeland es final. The Senate met on Monday."
	for _, e := range entitiesOf(t, text) {
		if e.Label == pipeline.Person && e.Text != "Ana Ruiz" {
			t.Errorf("%q: %q is no person", text, e.Text)
		}
	}
	checkPerson(t, "Tom Berg praised the plan. ((hu))Hungarian language: \u200dberuházási plan of Prime Minister Ana Ruiz.", "Ana Ruiz")
	checkPerson(t, "The law passed. ((es))Spanish language: \u200dLa ley es final.\n\nSenator Tom Berg voted against it.", "Tom Berg")
}

// TestBodiesSplitAtASecondTitle: a body's span that runs across "and" and
// a second person's post is two bodies; a body whose name holds "and"
// stays whole.
func TestBodiesSplitAtASecondTitle(t *testing.T) {
	checkEntities(t, "The then-manager of Lakeside Bank and Director of North Vale Tourism Board, Jan Olsen, said it was wrong.",
		[]wantEntity{{"Lakeside Bank", pipeline.Org, "", ""}, {"North Vale Tourism Board", pipeline.Org, "", ""}})
	checkEntities(t, "The Department of Health and Social Care said it was wrong.",
		[]wantEntity{{"Department of Health and Social Care", pipeline.Org, "", ""}})
}

// TestSurnameAlsoATown: a town's name that is a common surname ends no
// one's name: "Bush" is an Egyptian town in the gazetteer, which cut a
// name of four words before it.
func TestSurnameAlsoATown(t *testing.T) {
	checkEntities(t, "Former senator Mary Ellen Walker Bush spoke on Monday.",
		[]wantEntity{{"Mary Ellen Walker Bush", pipeline.Person, "", ""}}, "Bush")
	checkPerson(t, "He met former governor Anna Louise Bush on Friday.", "Anna Louise Bush")
}

// TestPatronymParticle: a patronymic particle joins the word before it to
// the name after it, whatever the tagger took that word for; a particle
// of place names leaves a body's name as it is.
func TestPatronymParticle(t *testing.T) {
	checkPerson(t, "Lakeland's President, Bingu wa Tembo, says the motion will fail.", "Bingu wa Tembo")
	checkEntities(t, "The paper Folha de Lakeland printed the story.", []wantEntity{{"Folha de Lakeland", pipeline.Org, "", ""}})
}

// TestPrefixedAdjectiveIsNoOne: an English prefix joined to a name makes
// an adjective, no one's name; a name particle joined the same way is a
// surname.
func TestPrefixedAdjectiveIsNoOne(t *testing.T) {
	checkNoPeople(t, "He insisted that what they were was anti-Tory and not anti-Semitic.")
	checkPerson(t, "Tom Hale met Mr al-Harbi on Monday.", "al-Harbi")
}

// TestLocalAreaNouns: a ward, a constituency or a borough after a name
// says it names a place; a person's name before a title that opens with
// such a noun is still a person's.
func TestLocalAreaNouns(t *testing.T) {
	checkNoPeople(t,
		"Labour took the Stepney Marsh ward by-election on Thursday.",
		"The party held Kirkby Vale constituency with a reduced majority.",
		"Voters in Netherby Fields borough backed the plan.")
	checkPersons(t, map[string]string{
		"Councillor Ana Ruiz said the ward count was close.": "Ana Ruiz",
	})
}

// TestCompassPointsNameNoOne: two compass points end a region's or a
// seat's name, whatever reads it as a person's; one ends a surname.
func TestCompassPointsNameNoOne(t *testing.T) {
	checkNoPeople(t,
		"He backs the South West Votes Yes group, and says South West voters want more.",
		"His constituency party, Harwick South West, deselected him.")
	checkEntities(t, "Oliver North met Tom West on Monday.", []wantEntity{{"Oliver North", pipeline.Person, "", ""}, {"Tom West", pipeline.Person, "", ""}})
}

// TestNewsOutlets: the outlets the gazetteer knows are bodies, the
// interviewer's label of a transcript too; near miss: the person
// interviewed.
func TestNewsOutlets(t *testing.T) {
	checkEntities(t, "Wikinews spoke by email with Aroha Hale.\n\nWikinews: Why are you standing?\n\nHale: Because the young are leaving.", []wantEntity{
		{"Wikinews", pipeline.Org, "Wikinews", ""}, {"Aroha Hale", pipeline.Person, "", ""}, {"Wikinews", pipeline.Org, "Wikinews", ""}, {"Hale", pipeline.Person, "", ""}})
	checkEntities(t, "Tom Berg told Sky News and Deutsche Welle that talks had failed.", []wantEntity{
		{"Tom Berg", pipeline.Person, "", ""}, {"Sky News", pipeline.Org, "Sky News", ""}, {"Deutsche Welle", pipeline.Org, "Deutsche Welle", ""}})
}

// TestSpanCutAtSeparator: what is left of a tagged span cut at a
// separator does not outweigh a place the gazetteer knows.
func TestSpanCutAtSeparator(t *testing.T) {
	checkEntities(t, "Santo Domingo — Storm Lena killed at least 14 people.", []wantEntity{{"Santo Domingo", pipeline.Place, "Santo Domingo", ""}})
}

// TestTownWithCompassPoint: a town and a point of the compass that opens
// no other name is one place (a seat, a district); near misses: a name
// that goes on after it, a body joined by "&", a surname.
func TestTownWithCompassPoint(t *testing.T) {
	checkEntities(t, "A question from Leeds West's Ana Ruiz drew cheers.", []wantEntity{{"Leeds West", pipeline.Place, "", ""}, {"Ana Ruiz", pipeline.Person, "", ""}})
	checkEntities(t, "Turnout rose in Sheffield South on Thursday.", []wantEntity{{"Sheffield South", pipeline.Place, "", ""}})
	for _, text := range []string{"Fans of Leeds North Stars cheered.", "He runs Leeds Central & Western Railway.", "Carla West met him."} {
		for _, e := range entitiesOf(t, text) {
			if strings.HasPrefix(e.Text, "Leeds ") && e.Label == pipeline.Place || e.Text == "West" {
				t.Errorf("%q: %q is %s", text, e.Text, e.Label)
			}
		}
	}
}

// TestPluralNamesAreGroups: a one-word name the document puts in the
// plural after "the" or a number is a group's, no one's, in every
// mention; a family named after someone in the text, an eponym before
// its noun and a surname after a year are people.
func TestPluralNamesAreGroups(t *testing.T) {
	checkNoPeople(t,
		"Kestrels to help flood victims\n\nBritain will send 120 Kestrels to help. The Kestrels will fly out on Monday, a spokesman said.",
		"The Zolters played their first concert in Leeds on Monday.")
	checkPerson(t, "Mrs Morton said the Mortons would stay in Leeds.", "Mortons")
	checkPerson(t, "Protesters marched against the Marcos regime on Monday.", "Marcos")
	checkPerson(t, "In 1998 Roberts said the club would move.", "Roberts")
}

// TestFirmPartNames: a one-word name before the noun for a part of a firm
// names a body in the whole document, also after a placing modifier; a
// party's noun still follows a person's name ("the Nixon party").
func TestFirmPartNames(t *testing.T) {
	checkNoPeople(t, "The bourse may sell its Luxembourg-based Zelgate unit. Brokers must use Zelgate, he said.")
	checkEntities(t, "Mr Hale's Zelgate subsidiary was sold. Zelgate had 40 staff.", []wantEntity{{"Zelgate", pipeline.Org, "", ""}})
}

// TestSeatNames: a word between a place and a member's title names the
// seat; a name before the title alone is the member's.
func TestSeatNames(t *testing.T) {
	checkEntities(t, "The Cardiff Kelvin MP spoke on Monday.", nil, "Kelvin")
	checkPerson(t, "Tom Berg MP spoke on Monday.", "Tom Berg")
}

// TestContestedSeats: what a candidate contests is a seat, in all its
// mentions; a claim someone makes is not.
func TestContestedSeats(t *testing.T) {
	text := "He said he would contest Harwick Green, in London, for the party. Voters in Harwick Green were told."
	checkEntities(t, text, []wantEntity{{"Harwick Green", pipeline.Place, "", ""}})
	checkNoPeople(t, text)
	checkPerson(t, "He will contest Tom Berg's claim in court.", "Tom Berg")
}

// TestFirmsNamedByKind: a name after the noun for a kind of firm is a
// body's in all its mentions, a compound kind's even when it is a given
// name; a given name or a title after the noun opens a person's name.
func TestFirmsNamedByKind(t *testing.T) {
	checkNoPeople(t,
		"Harvey sells rail stake\n\nShares in engineering group Harvey rose. The deal is a boost to Harvey, which has debts.",
		"Carter sells bus unit\n\nShares in transport group Carter rose. The sale brings relief to Carter, which owes banks.",
		"Fans of the rock band Sister Clara queued all night.",
		"The report was written by consultancy Dunmore Keating. Dunmore Keating said costs would rise.")
	checkEntities(t, "Ana Ruiz, head of research at brokerage Dunmore, said rates would rise.", []wantEntity{{"Dunmore", pipeline.Org, "", ""}})
	checkPersons(t, map[string]string{
		"A spokesman for the group Ana Ruiz leads said Ruiz was away.":       "Ana Ruiz",
		"Ana Ruiz left the firm Tom Berg founded. Berg said little.":         "Tom Berg",
		"Ana Ruiz, who left the law firm Tom Berg founded, said little.":     "Tom Berg",
		"The company Chairman Ana Ruiz spoke. Ruiz said the bank was sound.": "Ana Ruiz",
	})
}

// TestCollectiveNames: a singular name with a plural verb is a team's or
// a band's in all its mentions; a coordination's last name, an object's,
// a name after a line cut short and a country are not.
func TestCollectiveNames(t *testing.T) {
	checkEntities(t, "Despite the defeat, Rotan are well placed. Rotan would play Lada next.", []wantEntity{{"Rotan", pipeline.Org, "", ""}})
	checkNoPeople(t, "Despite the defeat, Rotan are well placed. Rotan would play Lada next.")
	checkEntities(t, "\"Halden have not lost at home since May,\" the coach said. Fans of Halden cheered.", []wantEntity{{"Halden", pipeline.Org, "", ""}})
	checkEntities(t, "England are top of the group.", []wantEntity{{"England", pipeline.Place, "", ""}})
	checkPersons(t, map[string]string{
		"Tom Berg and Ana Ruiz are in Leeds.":                                "Ana Ruiz",
		"The people Ana Ruiz have met say so.":                               "Ana Ruiz",
		"He toured with finance minister\nDilson Kaparo have been in talks.": "Dilson Kaparo",
		"Stars such as Arnold Hale have been used to sell it.":               "Arnold Hale",
	})
}

// TestAgeMakesAPerson: a name the document gives an age ("Wang, 45,")
// is a person's in all its mentions, whatever the tagger reads; a number
// in a list is no age.
func TestAgeMakesAPerson(t *testing.T) {
	for _, text := range []string{
		"Police detained the dissident Wang Lihua on Friday. Wang, 45, was jailed last year. Police beat Wang and his colleague.",
		"Police detained the activist Tata Mensa on Friday. Tata, 45, was jailed last year. The group said Tata would be freed.",
	} {
		n := 0
		for _, e := range entitiesOf(t, text) {
			if e.Text == "Wang" || e.Text == "Tata" {
				n++
				if e.Label != pipeline.Person {
					t.Errorf("%q: %s %q, want PERSON", text, e.Label, e.Text)
				}
			}
		}
		if n != 2 {
			t.Errorf("%q: %d mentions of the surname, want 2", text, n)
		}
	}
	checkNoPeople(t, "The range runs 147, 156 Sportwagon, 166, GTV and Spider.")
}

// TestTechnicalWordsNoEntities: a standard, a size, a sum or a
// letter-to-letter abbreviation is no entity, whatever the tagger reads;
// a firm named with a number and a capital is one.
func TestTechnicalWordsNoEntities(t *testing.T) {
	for _, w := range []string{"3G", "2.5G", "30GB", "3D", "3GSM", "P2P", "B2B", "A$68m", "US$370m", "HK$6.31bn", "$5bn", "£3"} {
		if !technicalWord(w) {
			t.Errorf("technicalWord(%q) = false", w)
		}
	}
	for _, w := range []string{"3M", "U2", "ITV1", "G8", "1990s", "21st", "Blur", "AB2", "$", "US$"} {
		if technicalWord(w) {
			t.Errorf("technicalWord(%q) = true", w)
		}
	}
	if got := entitiesOf(t, "Operators sold more 3G phones as P2P networks grew."); len(got) != 0 {
		t.Errorf("want no entity, got %s", dumpEntities(got))
	}
}

// TestCommonWordOpening: a word news writes in lower case, capitalised
// only because it opens the sentence or a quotation, is no place when a
// common noun follows it; a place it names is one when none does.
func TestCommonWordOpening(t *testing.T) {
	for _, text := range []string{
		"Mobile operators raised prices.",
		"He said: \"Mobile phone sales must not fall.\"",
		"Male voters stayed at home.",
	} {
		if got := entitiesOf(t, text); len(got) != 0 {
			t.Errorf("%q: want no entity, got %s", text, dumpEntities(got))
		}
	}
	checkEntities(t, "Nice is a city in France.", []wantEntity{{"Nice", pipeline.Place, "", ""}})
	// (So is no one's name; but a headline's noun may be its verb.)
	checkNoPeople(t, "The judge said: \"Indefinite detention is wrong.\"")
	checkPerson(t, "Spark heads prize list\n\nThe novelist Muriel Spark leads the list.", "Spark")
}

// TestCapitalTheOpensAName: a capitalised "The" inside a sentence opens
// the name of a work, a show or a band, and the name after it is no one's
// ("a revival of The Paper Lantern"); "the" in lower case before a name
// is an eponym's ("the Hale administration"), and "The" opening a
// sentence, a quotation or what follows a colon is no name's.
func TestCapitalTheOpensAName(t *testing.T) {
	checkNoPeople(t,
		"She starred in a Broadway revival of The Mary Collins last year.",
		"Fans of The Harry Dobbs Show queued in the rain, and The Simon Fenwick won the award.",
		"The band played with The Tommy Kerr Orchestra in Leeds.",
		"Her book, The Feminine Dobbs, sold well. Readers of The Feminine Dobbs wrote to her.")
	checkPerson(t, "The column was written by The Courier's Tom Berg.", "Tom Berg")
	checkPerson(t, "Critics praised the Mary Collins thriller on Monday.", "Mary Collins")
	checkPerson(t, "He said: The Tom Berg years are over.", "Tom Berg")
	checkPerson(t, `He said "The Tom Berg years are over."`, "Tom Berg")
	checkPerson(t, "The Reverend Tom Berg led the service.", "Tom Berg")
}

// TestThingsCalledByName: after "a" and a noun for a thing, "called" or
// "named" gives the thing's name, no one's ("a company called Hale
// Morton"), as "known as the" does after any determiner; after a noun for a person, a kin noun, a title or an age it
// gives a person's, and a verb "named" before a name is no such clause.
func TestThingsCalledByName(t *testing.T) {
	checkNoPeople(t,
		"They bought a farmhouse called Glyn Morgan in 1990.",
		"The money went to a small charity named Ruth Cole, the report said.",
		"Staff used a software company called Tom Hale to build the site.",
		"The opposition bloc known as the Harwick Majlis-e-Nur has held rallies since May.")
	checkPersons(t, map[string]string{
		"A man known as Abu Tariq was arrested on Monday.":               "Abu Tariq",
		"He sent a woman called Ann Kerr to collect the prize.":          "Ann Kerr",
		"Police found a 20-year-old named Tom Hale near the river.":      "Tom Hale",
		"She hired a lawyer named Ruth Cole.":                            "Ruth Cole",
		"She met a colleague called Ann Kerr in Paris.":                  "Ann Kerr",
		"The party named Tom Hale as its candidate on Monday.":           "Tom Hale",
		"The board of a company named Ann Kerr chief executive in 2001.": "Ann Kerr",
	})
}

// TestNameEndsAtDashApposition: a full name ends at a dash that opens an
// apposition with a place or a nationality; a dash after a single word, as
// a tokenised corpus writes a hyphen, and a dash before a common word are
// no such apposition.
func TestNameEndsAtDashApposition(t *testing.T) {
	checkEntities(t, "Ana Ruiz - Chile's foreign minister - said the talks would go on.", []wantEntity{{"Ana Ruiz", pipeline.Person, "", ""}, {"Chile", pipeline.Place, "", ""}})
	checkPerson(t, "Talks followed with Tom Berg - Norwegian envoy to the region.", "Tom Berg")
	checkPerson(t, "Tom Berg - the new envoy - said nothing.", "Tom Berg")
}

// TestKnownAcronyms: an acronym news uses for one body takes that body's
// name alone ("NATO", "EU"); one the gazetteer shares with an obscure
// body keeps its own unless the text spells the body out.
func TestKnownAcronyms(t *testing.T) {
	checkEntities(t, "NATO and the EU said they would send more troops.", []wantEntity{
		{"NATO", pipeline.Org, "North Atlantic Treaty Organisation", ""},
		{"EU", pipeline.Org, "European Union", ""},
	})
	checkEntities(t, "The IOC said the games would go ahead.", []wantEntity{{"IOC", pipeline.Org, "IOC", ""}})
	checkEntities(t, "The International Olive Council (IOC) met in Madrid. The IOC said prices fell.", []wantEntity{{"IOC", pipeline.Org, "International Olive Council", ""}})
}

// TestInitialsWithoutStops: two initials without stops before a surname
// make a person's name, also where the first is "A" or "I" and the tagger
// reads the rest as a firm's; "A" alone before a name is an article.
func TestInitialsWithoutStops(t *testing.T) {
	checkPerson(t, "Officials met A K Menon in Geneva on Monday.", "A K Menon")
	checkPerson(t, "I K Sharma was prime minister then.", "I K Sharma")
	for _, e := range entitiesOf(t, "A Menon spokesman said nothing.") {
		if e.Label == pipeline.Person && strings.HasPrefix(e.Text, "A ") {
			t.Errorf("%q is a person", e.Text)
		}
	}
}

// TestNumberedGroups: a name that ends in a number word is a group's or a
// band's ("the Harwick Four"), no one's; a regnal numeral ends a person's.
func TestNumberedGroups(t *testing.T) {
	checkNoPeople(t, "Members of the Marvin Hale Four were freed on appeal in 1991.")
	checkPerson(t, "Pope Leo XIV spoke on Sunday.", "Leo XIV")
}

// TestNameEndsBeforeItsDate: a body's name the tagger ran on over "on
// Friday" or "in November" ends before the link; a Sunday paper's name
// keeps it.
func TestNameEndsBeforeItsDate(t *testing.T) {
	for text, want := range map[string]string{
		"Tom Hale stepped down as chief executive of Brightwater Capital on Friday.": "Brightwater Capital",
		"The ruling was upheld by the Harbour Appeals Tribunal in November.":         "Harbour Appeals Tribunal",
		"The claims were first printed by the Courier on Sunday, a weekly.":          "Courier on Sunday",
	} {
		var orgs []string
		for _, e := range entitiesOf(t, text) {
			if e.Label == pipeline.Org {
				orgs = append(orgs, e.Text)
			}
		}
		if !slices.Equal(orgs, []string{want}) {
			t.Errorf("%q: bodies %q, want %q", text, orgs, want)
		}
	}
}

// TestGivenPlaceNames: a given name that is also a place's, before a
// surname, where only a person stands, is a person's name, as two given
// names joined by a hyphen before one are anywhere; a body named by a
// place and a common noun still speaks as a body.
func TestGivenPlaceNames(t *testing.T) {
	for text, want := range map[string]string{
		"Georgia Halvorsen told reporters the vote was close.": pipeline.Person,
		"Jordan Wells, 45, was arrested on Monday.":            pipeline.Person,
		"Israel Radio said the vote was close.":                pipeline.Org,
		"The Jordan Times said the vote was close.":            pipeline.Org,
	} {
		es := entitiesOf(t, text)
		if len(es) != 1 || es[0].Label != want {
			t.Errorf("%q: entities %+v, want one %s", text, es, want)
		}
	}
	text := "Mary-Kate Dunn said the plan was sound. Aung Min Htet said so. Police arrested Mary-Kate Dunn."
	for _, e := range entitiesOf(t, text) {
		if e.Label != pipeline.Person {
			t.Errorf("%q: %q is %s, want a person", text, e.Text, e.Label)
		}
	}
}

// TestOpeningPrepositionNoName: a preposition that opens the sentence, in
// capitals, is no part of the name after it.
func TestOpeningPrepositionNoName(t *testing.T) {
	checkPersons(t, map[string]string{
		"Under Olusegun Adeyemi, Brazil's foreign minister from 2001 to 2005, the plan was approved.": "Olusegun Adeyemi",
		"With Tom Hale, Chile's finance minister, in charge, the plan was approved.":                  "Tom Hale",
	})
}

// TestWorkTitlesNameNoOne: a title after the lower-case noun for its kind
// of work, or before "star" and a name, is no one's name, there and
// wherever the story repeats it; a verb "play" before a name is no such
// noun, nor an acronym after one.
func TestWorkTitlesNameNoOne(t *testing.T) {
	checkNoPeople(t,
		"The comedy Vera Halvorsen won two awards. Critics said Vera Halvorsen was the year's best.",
		"Her album Harwick Street sold well.")
	checkPerson(t, "Andy Berg will play Cyril Lemaire in the final.", "Cyril Lemaire")
	checkEntities(t, "If you would rather watch a downloaded movie NEC is showing a phone.", []wantEntity{{"NEC", pipeline.Org, "", ""}})
	// a series, and a name before "star" and a star's name: a work's or a
	// team's; near misses: a star after "the", and a team's name stays a
	// body's
	checkNoPeople(t, "The suburban series Laura Lindqvist was named best comedy.")
	starred := "The Laura Lindqvist star Imke Haller looks likely to lose. Laura Lindqvist took three awards."
	checkPerson(t, starred, "Imke Haller")
	for _, e := range entitiesOf(t, starred) {
		if e.Text == "Laura Lindqvist" && e.Label == pipeline.Person {
			t.Errorf("%q: %q is no person", starred, e.Text)
		}
	}
	checkPerson(t, "The star Imke Haller looks likely to lose.", "Imke Haller")
	checkEntities(t, "Chelsea star Frank Lamming scored twice.", []wantEntity{{"Chelsea", pipeline.Org, "", ""}, {"Frank Lamming", pipeline.Person, "", ""}})
}

// TestSeatJoinedByAnd: a member's seat whose name joins two names with
// "and" is one place; a name after "and" before a verb is no part of it.
func TestSeatJoinedByAnd(t *testing.T) {
	checkEntities(t, "Tom Hale, Labour MP for Harwick and Ellery Vale, said so.", []wantEntity{{"Harwick and Ellery Vale", pipeline.Place, "", ""}}, "Ellery Vale")
	checkPerson(t, "Ana Ruiz, MP for Harwick and Tom Hale met on Monday.", "Tom Hale")
}

// TestInstitutionHeads: a survey, an observatory, a laboratory or a library
// is a body, whoever it is named after.
func TestInstitutionHeads(t *testing.T) {
	checkEntities(t, "A spokeswoman for the U.S. Geological Survey said the quake was minor.", []wantEntity{{"U.S. Geological Survey", pipeline.Org, "", ""}}, "Geological Survey")
	checkEntities(t, "Papers went to the Ana Ruiz Presidential Library on Monday.", []wantEntity{{"Ana Ruiz Presidential Library", pipeline.Org, "", ""}})
}

// TestBodiesByMajority: a name of two words or more that the document
// tags a body three times and twice as often as a person is a body at
// every mention; fewer bodies, a closer count or a one-word name leave
// the labels as they are.
func TestBodiesByMajority(t *testing.T) {
	ent := func(text, label string) pipeline.Entity {
		e := pipeline.Entity{Text: text, Label: label}
		if label == pipeline.Org {
			e.Canonical, e.ID = text+" Ltd", "Q1"
		}
		return e
	}
	ents := []pipeline.Entity{
		ent("Harwick Air", pipeline.Person), ent("Harwick Air", pipeline.Org), ent("Harwick Air", pipeline.Org), ent("Harwick Air", pipeline.Org),
		ent("Lena Holt", pipeline.Person), ent("Lena Holt", pipeline.Org), ent("Lena Holt", pipeline.Org),
		ent("Vale Mining", pipeline.Person), ent("Vale Mining", pipeline.Person), ent("Vale Mining", pipeline.Org), ent("Vale Mining", pipeline.Org), ent("Vale Mining", pipeline.Org),
		ent("Orlan", pipeline.Person), ent("Orlan", pipeline.Org), ent("Orlan", pipeline.Org), ent("Orlan", pipeline.Org),
	}
	bodiesByMajority(ents)
	want := []string{pipeline.Org, pipeline.Person, pipeline.Person, pipeline.Person}
	for i, at := range []int{0, 4, 7, 12} {
		if ents[at].Label != want[i] {
			t.Errorf("%s: label %s, want %s", ents[at].Text, ents[at].Label, want[i])
		}
	}
	if ents[0].Canonical != "Harwick Air Ltd" || ents[0].ID != "Q1" {
		t.Errorf("relabelled body has canonical %q and id %q, want the body's", ents[0].Canonical, ents[0].ID)
	}
}

// TestSplitCoordinatedBodies: a body's span that joins two bodies with
// "and" is two bodies where the text or the gazetteer names each alone,
// or where a half joins its words with "&"; a name that no one writes in
// halves stays whole.
func TestSplitCoordinatedBodies(t *testing.T) {
	text := "Harwick Bank and Vale Mining rose. Harwick Bank fell. Vale Mining rose. Loans from the World Bank and International Monetary Fund. Sales at Procter and Gamble rose. Tarn & Hale and Lakeview Steel fell."
	org := func(name string, from int) pipeline.Entity {
		i := from + strings.Index(text[from:], name)
		return pipeline.Entity{Start: i, End: i + len(name), Text: name, Label: pipeline.Org, Canonical: name}
	}
	ents := []pipeline.Entity{org("Harwick Bank and Vale Mining", 0), org("Harwick Bank", 10), org("Vale Mining", 40),
		org("World Bank and International Monetary Fund", 0), org("Procter and Gamble", 0), org("Tarn & Hale and Lakeview Steel", 0)}
	var got []string
	for _, e := range splitCoordinatedBodies(ents, defaultGazetteer(t)) {
		if text[e.Start:e.End] != e.Text {
			t.Fatalf("%+v does not locate its text", e)
		}
		got = append(got, e.Text+"|"+e.Canonical)
	}
	want := []string{"Harwick Bank|Harwick Bank", "Vale Mining|Vale Mining", "Harwick Bank|Harwick Bank", "Vale Mining|Vale Mining",
		"World Bank|World Bank", "International Monetary Fund|International Monetary Fund", "Procter and Gamble|Procter and Gamble",
		"Tarn & Hale|Tarn & Hale", "Lakeview Steel|Lakeview Steel"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestResultsTeams: in a line of results, towns with scores after them
// are clubs; a country with a score stays a place (a national side), and a
// town with one number after it in running text stays a town.
func TestResultsTeams(t *testing.T) {
	d := &pipeline.Doc{Text: "Harwick 3 Lakeside 1 Chile 2"}
	for i, w := range strings.Fields(d.Text) {
		start := strings.Index(d.Text, w)
		if i == 4 {
			start = strings.LastIndex(d.Text, w)
		}
		d.Tokens = append(d.Tokens, pipeline.Token{Start: start, End: start + len(w), Text: w})
	}
	place := func(text, subtype string) pipeline.Entity {
		i := strings.Index(d.Text, text)
		return pipeline.Entity{Start: i, End: i + len(text), Text: text, Label: pipeline.Place, Subtype: subtype}
	}
	ents := []pipeline.Entity{place("Harwick", gazetteer.City), place("Lakeside", ""), place("Chile", gazetteer.Country)}
	resultsTeams(d, ents)
	for i, want := range []string{pipeline.Org, pipeline.Org, pipeline.Place} {
		if ents[i].Label != want {
			t.Errorf("%s: %s, want %s", ents[i].Text, ents[i].Label, want)
		}
	}
	one := &pipeline.Doc{Text: "Harwick 3 days later"}
	for _, w := range strings.Fields(one.Text) {
		s := strings.Index(one.Text, w)
		one.Tokens = append(one.Tokens, pipeline.Token{Start: s, End: s + len(w), Text: w})
	}
	alone := []pipeline.Entity{{Start: 0, End: 7, Text: "Harwick", Label: pipeline.Place, Subtype: gazetteer.City}}
	resultsTeams(one, alone)
	if alone[0].Label != pipeline.Place {
		t.Errorf("a town with one number after it: %s, want a place", alone[0].Label)
	}
}

// TestFirmHeadsEndNoName: a name that ends in a noun only firms and
// groups end in ("Interactive", "Analytics", "Media", "Forum", "Trust")
// is a body's; the same surname alone, or before a verb, is a person's.
func TestFirmHeadsEndNoName(t *testing.T) {
	checkNoPeople(t,
		"A poll that Ana Whitby Interactive ran found sales had risen.",
		"Analysts at Sven Lindgren Analytics expect rates to rise.",
		"The study was carried out by Kessler Media for the ministry.",
		"The report was written for the Carla Drummond Forum on Monday.",
		"A spokesman for Pemberton Advisors declined to comment.",
		"Shares in Tom Harlow Trust rose 4 percent on Tuesday.",
		"The poll by Okafor Insights was published on Friday.")
	checkPerson(t, "Ana Whitby said the media had misread her plan.", "Ana Whitby")
	checkPerson(t, "The forum heard from Carla Drummond on Monday.", "Carla Drummond")
	checkPerson(t, "Tom Harlow told the trust's board he would stay.", "Tom Harlow")
}

// TestVesselsAndCollegesNameNoOne: a name after the noun for a vessel is
// the vessel's in the whole text, and a name ending in "College",
// "School" or "Academy" is the institution's; the same name after a
// verb, or a ship's crew member's, is a person's.
func TestVesselsAndCollegesNameNoOne(t *testing.T) {
	checkNoPeople(t,
		"The ship Mara Vell sailed from Haifa on Monday. The Mara Vell was carrying rice.",
		"Pirates seized the freighter Ana Lindow near the coast.",
		"The yacht Tom Berg II sank in the storm.",
		"Students at Queen Mary College protested on Friday.",
		"Pupils at the Ana Ruiz School were sent home.",
		"The Carla Drummond Academy opened in 2004.",
		"Coast guard officers boarded the tanker Princess Halima off Mombasa.",
		"The aircraft carrier Admiral Kuznetsov left port on Monday.",
		"The research icebreaker Signe Holm docked in Bergen on Thursday.",
		"Engineers lost contact with the lander Amara Obi on Friday.",
		"Protesters marched towards the Karl Marx Theatre on Monday.")
	checkPerson(t, "The ship's captain, Ana Lindow, said the crew were safe.", "Ana Lindow")
	checkPerson(t, "Admiral Tom Hale commands the carrier.", "Tom Hale")
	checkPerson(t, "Mara Vell said the college would reopen.", "Mara Vell")
}

// TestTitleWordAsSurname: a title word after a given name, with no name
// or "of" after it, is a surname ("Larry King", "Ted Judge"); before a
// name it is the next name's title.
func TestTitleWordAsSurname(t *testing.T) {
	checkPersons(t, map[string]string{
		"Larry King interviewed the president.": "Larry King",
		"The show was hosted by Larry King.":    "Larry King",
		"Ted Judge met the minister on Monday.": "Ted Judge",
	})
	checkEntities(t, "Jordan King Abdullah met the minister.", []wantEntity{{"Abdullah", pipeline.Person, "", ""}}, "Jordan King")
	checkNoPeople(t, "The King met the minister on Monday.")
}

// TestKnownOfficialsOfFourWords: an official's name of up to four words
// that the gazetteer knows is one person's, wherever it stands in the
// sentence (public reference data: CIA World Leaders).
func TestKnownOfficialsOfFourWords(t *testing.T) {
	checkEntities(t, "Aung San Suu Kyi said the plan was sound.", []wantEntity{{"Aung San Suu Kyi", pipeline.Person, "", ""}}, "San", "Suu Kyi")
}

// TestPlaceBeforePossessiveEndsAName: a country, or a place of more than
// one word, before a possessive ends a name of two words or more
// ("named Ana Ruiz Chile's envoy"); a one-word city that is a surname
// stays in the name, and a name of one word before the place is kept
// whole, unless a title of address says it is a whole name ("told Ms. Holt
// China's ...").
func TestPlaceBeforePossessiveEndsAName(t *testing.T) {
	checkEntities(t, "The council named Ana Ruiz Chile's new envoy.", []wantEntity{{"Ana Ruiz", pipeline.Person, "", ""}, {"Chile", pipeline.Place, "", ""}})
	checkEntities(t, "The premier told Ms. Holt China's new law would calm markets.", []wantEntity{{"Holt", pipeline.Person, "", ""}, {"China", pipeline.Place, "", ""}})
	checkEntities(t, "Officials told Mr. Rice Chile's plan was sound.", []wantEntity{{"Rice", pipeline.Person, "", ""}, {"Chile", pipeline.Place, "", ""}})
	checkPerson(t, "Mr. Michael Jordan's shoes sold well.", "Michael Jordan")
	checkEntities(t, "China has named Tom Berg Hong Kong's acting chief executive.", []wantEntity{{"Tom Berg", pipeline.Person, "", ""}, {"Hong Kong", pipeline.Place, "", ""}})
	checkPerson(t, "Mary Jane Houston's book sold well.", "Mary Jane Houston")
	checkPerson(t, "Michael Jordan's shoes sold well.", "Michael Jordan")
}

// TestBritishStyles: "Rt Hon", "Rt Rev", "Very Rev" and "Rev" before a
// name are styles: outside the name, and never a body. "Right" alone
// opens no style.
func TestBritishStyles(t *testing.T) {
	checkEntities(t, "Opponents included the bishop. Rt Rev Michael Hale said the bill was wrong.", []wantEntity{{"Michael Hale", pipeline.Person, "", ""}}, "Rt", "Rt Rev Michael Hale")
	checkPersons(t, map[string]string{
		"The Very Rev Ann Kerr led the service.":    "Ann Kerr",
		"Rev Jesse Hale led the march on Monday.":   "Jesse Hale",
		"The Right Stuff starred Ann Kerr in 1983.": "Ann Kerr",
	})
}

// TestKindOfFirmBeforeAName: after a noun for a firm that another noun
// qualifies, a name is the firm's even when it opens with a given name;
// not when the name is the subject of a relative clause.
func TestKindOfFirmBeforeAName(t *testing.T) {
	checkEntities(t, "Joe Hale, a specialist at accountancy firm Grant Morton, said so.", []wantEntity{{"Joe Hale", pipeline.Person, "", ""}, {"Grant Morton", pipeline.Org, "", ""}})
	checkPerson(t, "The law firm Ann Hale founded in 1990 has collapsed.", "Ann Hale")
	checkPerson(t, "The firm Tom Berg founded in 1990 has collapsed.", "Tom Berg")
}

// TestPlaceBeforeLocalBody: a name the text tags a place elsewhere is the
// place before the lower-case noun of its own body, though the tagger read
// a body there; a body of that name with no such noun after it stays one.
func TestPlaceBeforeLocalBody(t *testing.T) {
	text := "Fighting spread in Lowgar Shahr. Tom Berg, of the Lowgar Shahr provincial council, said 30 people died."
	for _, e := range entitiesOf(t, text) {
		if e.Text == "Lowgar Shahr" && e.Label != pipeline.Place {
			t.Errorf("%q: %q is %s, want PLACE at every mention", text, e.Text, e.Label)
		}
	}
	checkEntities(t, "Fighting spread in Leeds. Tom Berg, of the Leeds Harbour Trust, said so.", []wantEntity{{"Leeds Harbour Trust", pipeline.Org, "", ""}})
}

// TestNoNameEndsInAVerb: a verb in lower case ends no body's or place's
// name.
func TestNoNameEndsInAVerb(t *testing.T) {
	checkEntities(t, "Tom Berg of the US Treasury spoke.", []wantEntity{{"Treasury", pipeline.Org, "", ""}}, "Treasury spoke")
	checkEntities(t, "Tom Berg of the Harbour Guild was there.", []wantEntity{{"Harbour Guild", pipeline.Org, "", ""}}, "Harbour Guild was")
	// near miss: a name's own lower-case word stays in it
	checkEntities(t, "Shares in Harbour Holdings plc rose.", []wantEntity{{"Harbour Holdings plc", pipeline.Org, "", ""}})
}

// TestFirmHeadsEndNoPersonsName: a firm's head word ("Wholesale",
// "Railroad", "Worldwide") ends no one's name, though the tagger read a
// person there; a surname that is also a common word still ends one, and
// a portfolio word ("Mines") opens a minister's title, no body.
func TestFirmHeadsEndNoPersonsName(t *testing.T) {
	checkNoPeople(t, "Ashford Wholesale said it would close.", "Denton Railroad said it would close.", "Bates Worldwide said it would close.",
		"Huaxin Property said on Friday that its chairman had resigned.", "Samsara Telecom has appointed two board members.", "Tishfield Realty said it would close.")
	checkPerson(t, "Tom Power said it would close.", "Tom Power")
	checkEntities(t, "Mines and Energy Minister Tom Berg said the mine would close.", []wantEntity{{"Tom Berg", pipeline.Person, "", ""}}, "Mines")
}

// TestAddressAfterTitle: a title of address between a title and a
// one-word name makes it a person's name, whatever the tagger read across
// them; with none between, a one-word "name" the tagger puts in a body's
// is that body's.
func TestAddressAfterTitle(t *testing.T) {
	checkEntities(t, "In the Lords, the Leader of the House Lord Hale said the bill would pass.", []wantEntity{{"Hale", pipeline.Person, "", ""}}, "House Lord Hale")
	checkNoPeople(t, "Shares in General Motors fell on Monday.")
}

// TestGivenNameDescribed: a common given name and a surname before an
// apposition that gives a post, or an age, is a person whatever the
// tagger read; not a known place, nor a body acting "as" something.
func TestGivenNameDescribed(t *testing.T) {
	checkPersons(t, map[string]string{
		"Florian Weber, campaign manager of a pressure group, dismissed the move.": "Florian Weber",
		"Florian Weber, 36, dismissed the move.":                                   "Florian Weber",
	})
	checkNoPeople(t, "Morgan Harcourt, as agent for the lenders, will make a separate offer.", "Hong Kong, chairman of the board said.")
}

// TestPatronymChain: a name with a chain of patronyms ("bin X bin Y")
// runs past four name words after a title.
func TestPatronymChain(t *testing.T) {
	checkPerson(t, "Minister of State Saeed bin Rashid bin Hamdan Al Tarif led the delegation.", "Saeed bin Rashid bin Hamdan Al Tarif")
}

// TestListedUnderTitle: the full names listed after a plural title are
// people's, the tagger's reading aside; not bodies or places, nor a
// complement before the list.
func TestListedUnderTitle(t *testing.T) {
	for _, text := range []string{
		"The delegations were led by foreign ministers Dawit Gebremeskel and Senait Tesfamariam, respectively.",
		"The ambassadors of France and Italy, Hélène Marchetti and Senait Tesfamariam, were summoned.",
	} {
		checkEntities(t, text, []wantEntity{{"Senait Tesfamariam", pipeline.Person, "", ""}})
	}
	checkNoPeople(t, "Analysts at Goldman Sachs and Morgan Stanley said so.", "The foreign ministers of France and Germany met in Paris.")
}

// TestSheikhInAName: "Sheikh" between a given name and another name word
// is a part of the name; before a name it is the name's title.
func TestSheikhInAName(t *testing.T) {
	checkPersons(t, map[string]string{
		"Officials observed the hearing for Khalid Sheikh Mohammed.": "Khalid Sheikh Mohammed",
		"Omar Sheikh Hassan said the plan was sound.":                "Omar Sheikh Hassan",
		"Sheikh Omar Hassan said the plan was sound.":                "Omar Hassan",
	})
}

// TestCoordinatedSurnameOfPlace: a name that ends in a place's head noun
// ("Park", "Hill") after a common given name, or that opens with a given
// name that is also a place ("Georgia"), is a person's where a person
// stands beside it, joined by "and" or a comma; not a place named by its
// noun ("the town of Brook Park") nor one after a preposition of place.
func TestCoordinatedSurnameOfPlace(t *testing.T) {
	checkPersons(t, map[string]string{
		"Past presidents of the club, including Omar Haddad and Lena Park, spoke.": "Lena Park",
		"Lena Hill and Tom Berg met in Geneva.":                                    "Lena Hill",
		"The prize went to Omar Haddad and Grace Park.":                            "Grace Park",
		"Among the speakers were Georgia Wells and Tom Berg.":                      "Georgia Wells",
	})
	checkNoPeople(t, "Marines from the Ohio town of Brook Park died when their vehicle hit a bomb.",
		"The concert was held in Victoria Park on Sunday.")
	// (nor a place's adjective and a portfolio that opens a title)
	checkEntities(t, "Japanese Defence Minister Kenji Arata and Philippine Defense Secretary Ramon Dizon signed the pact.",
		[]wantEntity{{"Kenji Arata", pipeline.Person, "", ""}, {"Ramon Dizon", pipeline.Person, "", ""}}, "Philippine Defense")
}

// TestReflexiveAfterName: "himself" or "herself" after a name the
// tagger read as a place or a body says it is a person's; not after a
// place someone goes to, nor "itself".
func TestReflexiveAfterName(t *testing.T) {
	checkPersons(t, map[string]string{
		"Apart from Nye Bevan himself, nobody has done more for the service.": "Nye Bevan",
		"Even Kofi Mensah-Bonsu herself could not say why.":                   "Kofi Mensah-Bonsu",
	})
	checkNoPeople(t, "She went to Puerto Viejo herself.", "The Harwick Trust itself made the grant.",
		"He flew to Hong Kong himself.")
}

// TestDoubleBarrelledSurname: a double-barrelled surname the tagger
// read alone as a place takes the common given name before it; a place
// the gazetteer knows does not.
func TestDoubleBarrelledSurname(t *testing.T) {
	checkPersons(t, map[string]string{
		"Harriet Lowther-Quinn promised on Thursday that Britain would help Kenya.": "Harriet Lowther-Quinn",
	})
	checkNoPeople(t, "She flew from Georgia Guinea-Bissau.")
}

// TestNameInfixes: a name with an Irish patronymic or a Vietnamese middle
// name inside is a person's, whatever the tagger read, with a last name
// word it left out; near miss: the middle name opening a place's name.
func TestNameInfixes(t *testing.T) {
	checkPersons(t, map[string]string{
		"Declan Ó Murchú will face a motion of no confidence next week.":           "Declan Ó Murchú",
		"The assembly approved the appointment of Trần Thị Mai Hương as minister.": "Trần Thị Mai Hương",
		"Police said Lưu Văn Khoa had fled to the coast.":                          "Lưu Văn Khoa",
		"DUBLIN - Ciarán Ó Murchú was on Monday named chief executive of RTV.":     "Ciarán Ó Murchú",
		"DUBLIN - Aoife Ní Bhriain was on Monday named chief executive of RTV.":    "Aoife Ní Bhriain",
	})
	checkNoPeople(t, "Tourists queued at Văn Lang Park in the morning.")
}

// TestGeneralInBodyName: "General" right before a body's head is the
// body's; near miss: the rank before a name.
func TestGeneralInBodyName(t *testing.T) {
	checkEntities(t, "The General Administration of Customs said exports rose.", []wantEntity{{"General Administration of Customs", pipeline.Org, "", ""}})
	checkPerson(t, "General Tom Hale's Army Command spoke.", "Tom Hale")
}

// TestClubOpeners: a name that opens with a word for a sports club is a
// body's; near miss: a person's name after the club's.
func TestClubOpeners(t *testing.T) {
	checkNoPeople(t, "SEVILLE - Deportivo Almendral on Monday beat Sporting Ribeira 2-0.", "Fans of Dinamo Ostrava cheered.")
	checkPerson(t, "Deportivo Almendral on Monday sacked Iker Zubia as coach.", "Iker Zubia")
}

// TestLatePeople: a name after "the late" or a possessive's "late" is a
// person's; near misses: periods of the past.
func TestLatePeople(t *testing.T) {
	checkPersons(t, map[string]string{
		"The charity was set up by the late Jabulani Nkosi in 1990.":                 "Jabulani Nkosi",
		"Her late husband Themba Zulu built the farm.":                               "Themba Zulu",
		"Shares of Orla Textiles rose. The firm was founded by the late Thabo Orla.": "Thabo Orla",
	})
	checkNoPeople(t, "Pottery of the late Bronze Age was found.", "The tombs date from the late Ming Dynasty.")
}

// TestHyphenatedGivenNames: a given name of two romanised syllables with
// a hyphen, before or after a short surname, makes a person's name;
// near misses: English compounds.
func TestHyphenatedGivenNames(t *testing.T) {
	checkPersons(t, map[string]string{
		"The governor of the central bank, Pak Su-min, told reporters rates would hold.": "Pak Su-min",
		"Taiwan's Lin Chia-hui won the final.":                                           "Lin Chia-hui",
		"The award went to Jae-won Choe on Friday.":                                      "Jae-won Choe",
	})
	checkNoPeople(t, "The Leeds Co-op said so.", "Members of Leeds Re-run met.", "The Harwick Pre-war Society met.")
}

// TestArmedGroups: an armed group the gazetteer knows is a body, though
// its name opens like a person's ("Abu ...").
func TestArmedGroups(t *testing.T) {
	checkEntities(t, "Police blamed Abu Sayyaf for the bombing in the south.", []wantEntity{{"Abu Sayyaf", pipeline.Org, "Abu Sayyaf", ""}})
	checkEntities(t, "Ken Ito, a spokesman for Jemaah Islamiyah, denied it.", []wantEntity{{"Jemaah Islamiyah", pipeline.Org, "", ""}, {"Ken Ito", pipeline.Person, "", ""}})
}

func TestRomanceParticleJoinsBody(t *testing.T) {
	// A body's name in Portuguese, Spanish or Italian runs on over "do",
	// "de", "di"; a person's particle stays the person's.
	checkEntities(t, "Hello there.\n\nTom Hale, president of Nordbank do Brasil, said the plan failed.",
		[]wantEntity{{"Nordbank do Brasil", pipeline.Org, "", ""}}, "Nordbank", "Brasil")
	checkEntities(t, "Hello there.\n\nAna Ruiz, head of Banca di Lorna, said profits rose.",
		[]wantEntity{{"Banca di Lorna", pipeline.Org, "", ""}})
	checkEntities(t, "Hello there.\n\nNordbank hired Ana de Lima as its president.",
		[]wantEntity{{"Ana de Lima", pipeline.Person, "", ""}, {"Nordbank", pipeline.Org, "", ""}})
}

func TestCorporateCoEndsNoName(t *testing.T) {
	// "Co" closes a company's name, which no title turns into a person;
	// before a county's name it is the county's.
	checkEntities(t, "Hello there.\n\nShares of General Electric Co rose, analyst Tom Hale said.",
		[]wantEntity{{"General Electric Co", pipeline.Org, "", ""}}, "Electric Co")
	checkEntities(t, "Hello there.\n\nThe farm in Co Antrim was sold, Tom Hale said.",
		[]wantEntity{{"Co Antrim", pipeline.Place, "", ""}})
}

func TestPersonOfBodySplit(t *testing.T) {
	// The tagger's one body "Grant Nolan of Lakeview Bank" is a person of
	// a body; a body's name with "of" and no body's head last is left.
	checkEntities(t, "Hello there.\n\nJulius Marlotis of Halvard Brothers Inc said profits would rise.",
		[]wantEntity{{"Julius Marlotis", pipeline.Person, "", ""}, {"Halvard Brothers Inc", pipeline.Org, "", ""}})
	checkEntities(t, "Hello there.\n\nGrant Nolan of Lakeview Bank said the move was wise.",
		[]wantEntity{{"Grant Nolan", pipeline.Person, "", ""}, {"Lakeview Bank", pipeline.Org, "", ""}})
	checkEntities(t, "Hello there.\n\nShares in Morgan Grenfell of London rose.", []wantEntity{{"Morgan Grenfell of London", pipeline.Org, "", ""}}, "Morgan Grenfell")
}

func TestSeatName(t *testing.T) {
	// A seat named by a town and a compass point is a place, not a
	// person; a seat named after its holder is the holder's.
	checkEntities(t, "Hello there.\n\nHis Lakeby South seat is safe, Tom Hale said.",
		[]wantEntity{{"Lakeby South", pipeline.Place, "", ""}, {"Tom Hale", pipeline.Person, "", ""}})
	checkEntities(t, "Hello there.\n\nThe old Tom Kennedy seat was lost, the party said.",
		[]wantEntity{{"Tom Kennedy", pipeline.Person, "", ""}})
}

func TestPlacedNameIsNoPerson(t *testing.T) {
	// The compound "X-based" is no part of the name after it, which is a
	// body's unless it opens with a given name.
	checkEntities(t, "Hello there.\n\nNordbank struck a deal with Hong Kong-based Corvell Tansing on Monday.",
		nil, "Hong Kong-based Corvell Tansing")
	checkEntities(t, "Hello there.\n\nThe firm hired London-based Tom Hale as its adviser.",
		[]wantEntity{{"Tom Hale", pipeline.Person, "", ""}})
	// "Fellowship" heads a body, whatever given name opens it.
	if got := labelled(t, "The plan was opposed by the Lawyers' Christian Fellowship, which said it went too far.", pipeline.Person); len(got) > 0 {
		t.Errorf("people %q, want none", got)
	}
}

func TestPluralPossessiveInBody(t *testing.T) {
	// A plural's possessive before a body's head is inside the body's
	// name ("Girls' School"); before a common noun, or a singular's, it
	// ends the name.
	checkEntities(t, "Hello there.\n\nShe attended Hartley Girls' School in nearby Pengam.",
		[]wantEntity{{"Hartley Girls' School", pipeline.Org, "", ""}})
	checkEntities(t, "Hello there.\n\nThe Marsh Miners' Union rejected the offer.",
		[]wantEntity{{"Marsh Miners' Union", pipeline.Org, "", ""}})
	checkEntities(t, "Hello there.\n\nTom Hale said the Smiths' house was sold.",
		[]wantEntity{{"Tom Hale", pipeline.Person, "", ""}}, "Smiths' house")
	checkEntities(t, "Hello there.\n\nTom Hale' School plans were dropped, Ana Ruiz said.",
		[]wantEntity{{"Ana Ruiz", pipeline.Person, "", ""}}, "Tom Hale' School")
}

func TestBodyNameWithS(t *testing.T) {
	// A body's "'s" that no noun phrase follows is part of its name
	// ("Moody's said"); before a noun, before a quoted title, after a
	// comparison or after a person's name it is a possessive and stays out.
	checkLabelled(t, pipeline.Org, map[string][]string{
		"Hello there.\n\nRatings agency Marlow's said on Monday it would cut the bank's grade.": {"Marlow's"},
		"Hello there.\n\nThe burger chain Kelsey's said it would close 40 restaurants.":         {"Kelsey's"},
		"Hello there.\n\nRatings agency Marlow's analysts cut the bank's grade on Monday.":      {"Marlow"},
		"Hello there.\n\nShe spoke on Harbour Radio's \"Morning Show\" on Monday.":              {"Harbour Radio"},
		"Hello there.\n\nHarwick Mining shares are now worth twice as much as Lakeview Bank's.": {"Harwick Mining", "Lakeview Bank"},
	})
	checkLabelled(t, pipeline.Person, map[string][]string{
		"Hello there.\n\nThe plan was Tom Hale's, and Tom Hale's aide said so.": {"Tom Hale", "Tom Hale"},
	})
}

func TestPartnersFirms(t *testing.T) {
	// A firm named by its partners, a list of surnames with "&" before the
	// last, is one body; a list of people, of firms with "&" of their
	// own, or of examples that goes on with "and" is not.
	checkLabelled(t, pipeline.Org, map[string][]string{
		"Hello there.\n\nThe deal was advised by Harwick, Tarn & Co. on Monday.":               {"Harwick, Tarn & Co."},
		"Hello there.\n\nThe law firm Ostby, Marsh, Kell & Varga said it was pleased.":         {"Ostby, Marsh, Kell & Varga"},
		"Hello there.\n\nProcter & Gamble, Johnson & Johnson and Unilever rose.":               {"Procter & Gamble", "Johnson & Johnson", "Unilever"},
		"Hello there.\n\nBanks such as Lakeview, Tarn & Co. and Harwick Corp. lent the money.": {"Tarn & Co.", "Harwick Corp"},
	})
	if got := labelled(t, "Hello there.\n\nAna Ruiz, Tom Berg & Lena Banda spoke.", pipeline.Person); len(got) != 3 {
		t.Errorf("people %q, want three", got)
	}
}

func TestIndexNames(t *testing.T) {
	// A market index is no one, whether a title or a person's name opens
	// its name; a title before a name with no index after it still names
	// a person.
	checkNoPeople(t, "Hello there.\n\nThe Major Market Index rose 3 points and the Harwick Index fell.",
		"Hello there.\n\nThe Consumer Price Index rose.",
		"Hello there.\n\nShares in the Dr Tom Hale Index fund fell.")
	checkPersons(t, map[string]string{
		"Hello there.\n\nMajor Tom Hale said the index rose.":     "Tom Hale",
		"Hello there.\n\nGeneral Ana Ruiz opened the new market.": "Ana Ruiz",
	})
}

func TestNoNameOpensInLowerCase(t *testing.T) {
	// A word in lower case opens no name the tagger finds, unless it is a
	// particle; an ordinal opens a unit's.
	checkLabelled(t, pipeline.Org, map[string][]string{
		"Hello there.\n\nPoul Hansen, A top European Union Development official, said so.":     {"European Union"},
		"Hello there.\n\nTom Hale, a member of the Army's 101st Airborne Division, was tried.": {"Army", "101st Airborne Division"},
	})
	checkPerson(t, "Hello there.\n\nThe court heard from Mark van der Berg on Monday.", "Mark van der Berg")
}

func TestForeignFirmWords(t *testing.T) {
	// A firm's word in another language, at either end of its name, makes
	// it no person's ("Gruppo X", "X SpA", "Credit X"), as "Group" does; a
	// person's name beside them stays one.
	checkLabelled(t, pipeline.Person, map[string][]string{
		"Hello there.\n\nThe starch unit was sold to Italy's Gruppo Mantelli, chairman Tom Hale said.": {"Tom Hale"},
		"Hello there.\n\nThe unit was sold to Harwick Group, chairman Tom Hale said.":                  {"Tom Hale"},
		"Hello there.\n\nBanco Santander chairman Emilio Botin spoke on Monday.":                       {"Emilio Botin"},
		"Hello there.\n\nThe bonds were led by Credit Lyonnais, chairman Tom Hale said.":               {"Tom Hale"},
	})
}

func TestPartyMemberEndsNoName(t *testing.T) {
	// A party's member noun ends no one's name ("Christian Democrat",
	// "Illinois Democrat"), though it may stand before one.
	checkNoPeople(t, "Hello there.\n\nTom Conservative said so.")
	if got := labelled(t, "Hello there.\n\nThe Christian Democrat leader spoke on Monday.", pipeline.Person); slices.Contains(got, "Christian Democrat") {
		t.Errorf("people %q: a party's member is no one", got)
	}
	checkPerson(t, "Hello there.\n\nDemocrat Ana Ruiz said so.", "Ana Ruiz")
	// A river's name is a place's, whatever opens it.
	checkLabelled(t, pipeline.Place, map[string][]string{
		"Hello there.\n\nBarges on the Harwick River were stopped on Monday.": {"Harwick River"},
	})
}

func TestBylineAfterBodyPossessive(t *testing.T) {
	// A broadcast's sign-off names its reporter after the body's
	// possessive, though the tagger reads "reports" as a noun; a noun
	// after the name still makes it the body's thing.
	checkEntities(t, "Hello there.\n\nDoctors say the drug works.\n\nHarbour Radio's Lena Berg reports.",
		[]wantEntity{{"Harbour Radio", pipeline.Org, "", ""}, {"Lena Berg", pipeline.Person, "", ""}})
	checkNoPeople(t, "Hello there.\n\nLakeview Bank's Lena Berg index fell.")
}

func TestListedPeople(t *testing.T) {
	// A body the tagger found between two people in a list is a person
	// when no common word opens it and no body's head is in it.
	checkEntities(t, "Hello there.\n\nStars are expected on the red carpet, including Tom Hale, Cate Blanchett and Leo Ruiz.",
		[]wantEntity{{"Tom Hale", pipeline.Person, "", ""}, {"Cate Blanchett", pipeline.Person, "", ""}, {"Leo Ruiz", pipeline.Person, "", ""}})
	checkEntities(t, "Hello there.\n\nHe thanked Tom Hale, General Motors and Leo Ruiz.",
		[]wantEntity{{"General Motors", pipeline.Org, "", ""}})
}

func TestEponymBodyInCapitals(t *testing.T) {
	// "the Reagan Administration" names Reagan, as "the Reagan
	// administration" does; a body named by common words, or a name's
	// last part, is a body.
	checkEntities(t, "Hello there.\n\nThe Reagan Administration said it would act.",
		[]wantEntity{{"Reagan", pipeline.Person, "", ""}}, "Reagan Administration")
	checkEntities(t, "Hello there.\n\nThe Small Business Administration lent money.",
		[]wantEntity{{"Small Business Administration", pipeline.Org, "", ""}})
	checkNoPeople(t, "Hello there.\n\nThe National Oceanic and Atmospheric Administration said so.")
	// The rule wins where the tagger reads the pair as a body.
	checkEntities(t, "He said the Reagan Administration would act.",
		[]wantEntity{{"Reagan", pipeline.Person, "", ""}}, "Reagan Administration")
	checkEntities(t, "He said the Veterans Administration would act.",
		[]wantEntity{{"Veterans Administration", pipeline.Org, "", ""}})
}

// TestTradeHeadsEndBodies: the goods a firm makes or trades head its
// name ("Penfold Dairy", "Harlow Paints"), in other languages too
// ("Kawara Shimbun"); a title before such a name does not make it a
// person's.
func TestTradeHeadsEndBodies(t *testing.T) {
	checkEntities(t, "Hello there.\n\nShares in Harlow Paints rose after sector leader Penfold Dairy said its sales grew.",
		[]wantEntity{{"Harlow Paints", pipeline.Org, "", ""}, {"Penfold Dairy", pipeline.Org, "", ""}})
	checkEntities(t, "Hello there.\n\nThe Osaka daily Kawara Shimbun said trading on the Lakeview Mercantile Exchange was halted.",
		[]wantEntity{{"Kawara Shimbun", pipeline.Org, "", ""}, {"Lakeview Mercantile Exchange", pipeline.Org, "", ""}})
	checkNoPeople(t, "Analysts said market leader Brenton Foods had lost ground to Orla Electronics.")
	// (A portfolio before a title is no body: "Energy Minister".)
	checkEntities(t, "Hello there.\n\nEnergy Minister Tom Hale said exchange rates would hold.",
		[]wantEntity{{"Tom Hale", pipeline.Person, "", ""}}, "Energy")
}

// TestSpeechVerbSurname: a capitalised speech verb after a given name is
// a surname ("Omar Said"); at a sentence's start, or after words that
// are no given name, it is the verb.
func TestSpeechVerbSurname(t *testing.T) {
	checkEntities(t, "Hello there.\n\nThe talks were led by finance chief Omar Said on Monday.",
		[]wantEntity{{"Omar Said", pipeline.Person, "", ""}}, "Omar")
	checkEntities(t, "Hello there.\n\nSaid coach Tom Hale: \"We are ready.\"",
		[]wantEntity{{"Tom Hale", pipeline.Person, "", ""}}, "Said Tom Hale")
	checkNoPeople(t, "He backs the Lakeview Says Yes campaign, which opened on Monday.")
}

// TestPersonalSurnames: the document writes a word as someone's name
// before a relative "who", or gives it a fellow or kin; not the last name
// of a list, nor a name after "of", whose "who" is another noun's, nor one
// with only a partner.
func TestPersonalSurnames(t *testing.T) {
	d := runStages(t, "Hello there.\n\nBrandow, who lives in Lakeview, was pleased. "+
		"Shares in Orla Group and Castell Leisure, who had hoped for a deal, fell. "+
		"Ann Vale, chairman of Harwick Brothers, who joined in May, left. "+
		"Kiplagat's fellow Kenyans cheered. Jeptoo's husband coaches her. Orla's partner firm was sold.", "paragraphs", "tokens")
	f := &docFacts{d: d}
	for w, want := range map[string]bool{"Brandow": true, "Leisure": false, "Brothers": false, "Lakeview": false, "Kiplagat": true, "Jeptoo": true, "Orla": false} {
		if got := f.personal(w); got != want {
			t.Errorf("personal(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestPlaceNounEndsNoPerson: a name that a place's common noun follows
// is the place's, though a title opens it ("the Sheikh Harun
// neighbourhood"); a verb after the name leaves it a person's.
func TestPlaceNounEndsNoPerson(t *testing.T) {
	checkNoPeople(t, "Israel plans to build homes in the Sheikh Harun neighborhood of east Jerusalem.",
		"The clash took place in the Shah Dost Kalay district of the province.")
	checkPerson(t, "Sheikh Harun Ali said the homes were unlawful.", "Harun Ali")
	// a border crossing's or a checkpoint's name; not a person crossing
	checkNoPeople(t, "The army says some of the shells landed near the Tom Hale crossing on Monday.")
	checkPerson(t, "Witnesses said Ana Ruiz crossing the road was hit by a car.", "Ana Ruiz")
	// an airport's name, past "international"; not travel of that kind
	checkNoPeople(t, "Flights resumed at Tom Hale international airport on Tuesday.")
	checkPerson(t, "Ana Ruiz international travel resumed on Tuesday.", "Ana Ruiz")
}

// TestFeatureHeadEndsNoPerson: a name that ends in a land or water
// feature's noun is the feature's ("Prince Albert Island", "the Juan
// Carlos Canal"); a feature noun that is also a surname ("Lake", "Bay")
// leaves the name a person's.
func TestFeatureHeadEndsNoPerson(t *testing.T) {
	checkNoPeople(t, "Residents of Prince Albert Island voted.",
		"Hikers were lost in the Victor Hugo Mountains.",
		"Ships entered the Juan Carlos Canal.",
		"Divers mapped the Great Hale Reef last year.")
	checkPersons(t, map[string]string{
		"Dana Lake said the vote was fair.":               "Dana Lake",
		"Officials said Tom Bay had resigned.":            "Tom Bay",
		"Ana Ruiz, who lives on Marta Vista Island, won.": "Ana Ruiz",
	})
}

// TestSpanishRanks: the ranks rebel movements use untranslated are titles,
// not parts of the name; a station named after one holds no one.
func TestSpanishRanks(t *testing.T) {
	checkPersons(t, map[string]string{
		"Subcomandante Elias spoke for the rebels.":         "Elias",
		"The rebels' Comandante Tacho agreed to the talks.": "Tacho",
	})
	checkNoPeople(t, "Scientists returned to the Comandante Ferraz Station in Antarctica.")
}

// TestNameInsideAThingsName: a person's name that opens the name of a
// show, a prize, a memorial or a firm is no mention of the person ("the
// Dana Kerr Show"); the same name apart from such a word is.
func TestNameInsideAThingsName(t *testing.T) {
	checkNoPeople(t, "She appeared on the Dana Kerr Show last night.",
		"He gave the Ana Ruiz Lecture at the college.",
		"The Tom Hale Memorial raised funds.",
		"Tom Hale Films bought the rights.",
		"Fans followed the Tom Hale Rally in the hills.")
	checkEntities(t, "The Tom Hale Band played on Friday.", []wantEntity{{"Tom Hale Band", pipeline.Org, "", ""}})
	checkNoPeople(t, "Shares in Dana Kerr Mining rose on Monday.", "Ana Ruiz Weekly said the deal was off.",
		"Analysts at Hale Brothers expect a cut.", "Funds for the Tom Hale Initiative ran out.")
	checkPersons(t, map[string]string{
		"Dana Kerr said the show would go on.":    "Dana Kerr",
		"Tom Hale won the Open on Sunday.":        "Tom Hale",
		"Ana Ruiz spoke at the memorial service.": "Ana Ruiz",
		"Dana Kerr, a mining engineer, said so.":  "Dana Kerr",
		"Tom Hale and his brothers ran the farm.": "Tom Hale",
	})
}

// TestPersonalDescriptorBeforeName: a word only for a person before a
// full name makes it a person's, whole; not before a known body, nor
// after a word that also modifies things ("rival").
func TestPersonalDescriptorBeforeName(t *testing.T) {
	checkEntities(t, "Protesters backed dissident Aung Thein Lwin.",
		[]wantEntity{{"Aung Thein Lwin", pipeline.Person, "", ""}}, "Thein Lwin")
	checkEntities(t, "She met activist Amnesty International.",
		[]wantEntity{{"Amnesty International", pipeline.Org, "", ""}})
	checkNoPeople(t, "The deal was struck by rival Lakeview Harbour.")
	// in capitals as a sentence opens, before a common given name; not
	// before a body's name
	checkPerson(t, "Pop Singer Annie Lund is backing the charity.", "Annie Lund")
	checkNoPeople(t, "Singer Sewing Machines said profits rose.")
}

// TestNameAfterBodyInApposition: "the head of BODY, NAME," is a person
// the title describes, whatever the tagger reads after a body's name;
// not a list of bodies.
func TestNameAfterBodyInApposition(t *testing.T) {
	checkPerson(t, "The head of the Alliance for Democratic Renewal, Morgan Chikwanha, said the party would boycott the vote.", "Morgan Chikwanha")
	checkNoPeople(t, "Members of the Lakeview Party, Sunrise Group and others met on Monday.")
}

// TestBornIsNoName: where someone was born, before the name, is no part
// of it ("Jamaican-born Tom Hale").
func TestBornIsNoName(t *testing.T) {
	checkEntities(t, "Police named the victim as Jamaican-born Tom Hale, 45.",
		[]wantEntity{{"Tom Hale", pipeline.Person, "", ""}}, "Jamaican-born Tom Hale")
	checkPerson(t, "The sister of Kenyan-born Omar Lindsay spoke.", "Omar Lindsay")
}

// TestUpperCaseSurnames: surnames in capitals after a name in title case
// are the name's ("Nelson MANDELA"), particles too; not an acronym, a
// post-nominal, a shouted word or a byline's dateline.
func TestUpperCaseSurnames(t *testing.T) {
	checkPersons(t, map[string]string{
		"President Tomas KOVALENKO took office in 1994.":  "Tomas KOVALENKO",
		"President Maria FERREIRA DE SOUSA won the vote.": "Maria FERREIRA DE SOUSA",
		// a Spanish second surname in title case after it
		"Former President Luis ORTEGA Saavedra was elected in 2006.":                        "Luis ORTEGA Saavedra",
		"I am Tom Hale VOA News in Lima.":                                                   "Tom Hale",
		"Ana Ruiz QC said the appeal would fail.":                                           "Ana Ruiz",
		"Tom Berg SAID NO to the plan.":                                                     "Tom Berg",
		"Troops seized the town. Ana Lund KOLDARA , Tajikistan 1996-08-30 Troops attacked.": "Ana Lund",
	})
	// a body's head after the capitals is no surname
	checkNoPeople(t, "Nelson MANDELA Foundation staff met on Monday.")
}

// TestTimeAdjectiveNoBody: "New" before a title that opens a sentence
// names no body, nor "Interim" before a demonym or a country ("New
// Zealand" and "New Line Cinema" are names).
func TestTimeAdjectiveNoBody(t *testing.T) {
	checkEntities(t, "Hello there.\n\nNew Home Secretary Tom Hale vowed the men would stay in prison.",
		[]wantEntity{{"Tom Hale", pipeline.Person, "", ""}}, "New")
	checkEntities(t, "Interim Haitian Prime Minister Tom Hale will meet donors in Rome.",
		[]wantEntity{{"Haitian", pipeline.NORP, "", ""}, {"Tom Hale", pipeline.Person, "", ""}}, "Interim Haitian")
	checkEntities(t, "Outgoing Chilean President Ana Ruiz will meet donors in Rome.",
		[]wantEntity{{"Chilean", pipeline.NORP, "", ""}, {"Ana Ruiz", pipeline.Person, "", ""}}, "Outgoing Chilean")
	// a title's modifier before a body's acronym
	checkEntities(t, "Special AU Representative for Somalia Tom Hale arrived in Nairobi on Monday.",
		[]wantEntity{{"AU", pipeline.Org, "", ""}, {"Tom Hale", pipeline.Person, "", ""}}, "Special AU")
	checkEntities(t, "Officials say Special AU Envoy Tom Hale will visit Mogadishu.",
		[]wantEntity{{"AU", pipeline.Org, "", ""}}, "Special AU")
	// (prose's tags, as config.yaml ships, are the ones that join the
	// two: the tagger learnt on them.)
	p, err := Registry().Build([]string{"paragraphs", "tokens", "entities"}, map[string]pipeline.Options{"tokens": {"tagger": "prose"}})
	if err != nil {
		t.Fatal(err)
	}
	d := pipeline.NewDoc("t", "Deputy State Department spokeswoman Ana Ruiz said the talks would resume.\n"+
		"Special A.U. Representative Tom Hale said the talks would resume.\n"+
		"In a statement Monday, Special A.U. Representative for Chile Tom Hale praised the deal.\n")
	if err := p.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for _, e := range d.Entities {
		if e.Label == pipeline.Org && e.Text != "State Department" && e.Text != "A.U." {
			t.Errorf("want ORG \"A.U.\"; got %s", dumpEntities(d.Entities))
		}
	}
	checkEntities(t, "New Zealand Prime Minister Ana Ruiz will meet donors in Rome.",
		[]wantEntity{{"New Zealand", pipeline.Place, "", ""}})
	checkEntities(t, "Ana Ruiz, an economist at Lakeview Bank in New York, said rates would rise.",
		[]wantEntity{{"New York", pipeline.Place, "", ""}})
	checkEntities(t, "Ana Ruiz, an economist at Lakeview Bank in New England, said rates would rise.",
		[]wantEntity{{"New England", pipeline.Place, "", ""}})
	checkEntities(t, "Hello there.\n\nNew Line Cinema said the film would open in May.",
		[]wantEntity{{"New Line Cinema", pipeline.Org, "", ""}})
}

// TestPlaceAfterItsNoun: a name after "the village of", "the town of"
// is the place's, though a title opens it; "Sheik" is a title of address
// as "Sheikh" is.
func TestPlaceAfterItsNoun(t *testing.T) {
	checkNoPeople(t, "Troops searched the hill village of Sheikh Harun at dawn.",
		"Troops were ambushed near the town of Mir Baz on Saturday.",
		"They were on holiday on the island of Koh Lanta Noi.")
	checkPerson(t, "Party leader Sheik Omar Haddad said the group would stand firm.", "Omar Haddad")
}

// TestMarketLeaderIsFirm: the name after "market leader" or "sector
// leader" is a firm's, unless a given name opens it.
func TestMarketLeaderIsFirm(t *testing.T) {
	checkEntities(t, "Hello there.\n\nThe merger creates a rival to sector leader Omnicor.",
		[]wantEntity{{"Omnicor", pipeline.Org, "", ""}})
	checkNoPeople(t, "The rest of the brand was sold to market leader Orvan in 2001.")
	checkPerson(t, "Analysts said market leader Tom Hale was wrong.", "Tom Hale")
}

func TestWorkplaceAfterTitle(t *testing.T) {
	g := defaultGazetteer(t)
	for _, c := range []struct {
		words string
		i, j  int
		want  bool
	}{
		{"Tom Hale , commercial director at Parkmove , said", 6, 7, true},
		{"Ana Ruiz , a strategist at Gerald Hollis , said", 6, 8, true},
		{"she worked as a nanny at Tom Berg 's house", 6, 8, false}, // of someone
		{"the crowd laughed at Tom Berg on Monday", 4, 6, false},    // a verb, no title
		{"a director at the bank , Tom Berg , said", 6, 8, false},
	} {
		words := strings.Fields(c.words)
		sc := sentenceScan{e: &Entities{gaz: g, titles: g.Titles()}, words: words}
		if got := sc.workplace(c.i, c.j); got != c.want {
			t.Errorf("%q [%d, %d): got %v, want %v", c.words, c.i, c.j, got, c.want)
		}
	}
}

// TestRepeats: docFacts.repeats counts words, not strings: a heading's
// "Ruiz" is repeated by "Ruiz said" and "Ruiz's", not by "Ruizes" or
// "ruiz".
func TestRepeats(t *testing.T) {
	stages, err := Registry().Build([]string{"paragraphs", "tokens"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]bool{
		"Ruiz Resigns\n\nRuiz said so.":        true,
		"Ruiz Resigns\n\nRuiz's aide said so.": true,
		"Ruiz Resigns\n\nThe Ruizes left.":     false,
		"Ruiz Resigns\n\nThe ruiz left.":       false,
		"Ruiz Resigns\n\nNobody said so.":      false,
		"Ruiz Resigns":                         false,
	} {
		d := pipeline.NewDoc("t", text)
		if err := stages.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		f := &docFacts{d: d}
		for range 2 { // the second answer from the counts made for the first
			if got := f.repeats("Ruiz"); got != want {
				t.Errorf("%q: repeats(Ruiz) = %v, want %v", text, got, want)
			}
		}
	}
}

func TestCapitalSurname(t *testing.T) {
	for name, want := range map[string]bool{
		"Mamadou TANDJA":                 true,
		"Cristina FERNANDEZ DE KIRCHNER": true,
		"MAMADOU TANDJA":                 false, // a headline's capitals
		"Ana UN":                         false, // too short for a surname
		"Ana R.":                         false,
		"Ana Ruiz":                       false,
	} {
		if got := capitalSurname(strings.Fields(name)); got != want {
			t.Errorf("capitalSurname(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestStaffFirms: the name after a market professional and "at" is a
// body's, numbers with capitals too; not a person who owns a firm.
func TestStaffFirms(t *testing.T) {
	checkEntities(t, "\"Prices rose,\" said Tom Hale, senior market strategist at 4Cast.", []wantEntity{{"4Cast", pipeline.Org, "", ""}})
	checkEntities(t, "Tom Hale, a trader at 7Seas, said prices rose.", []wantEntity{{"7Seas", pipeline.Org, "", ""}})
	checkPersons(t, map[string]string{
		"Tom Hale, an analyst at Ana Ruiz's firm, said prices rose.": "Ana Ruiz",
	})
	checkEntities(t, "Tom Hale, an analyst at 4pm, said prices rose.", nil, "4pm")
}

// TestDescriptorOpensNoName: a word for what someone is, capitalised at
// a sentence's start ("Film-maker", "Filmmaker"), is no part of the name
// after it; near miss: a hyphenated given name in the same place stays.
func TestDescriptorOpensNoName(t *testing.T) {
	checkPersons(t, map[string]string{
		"Film-maker Tom Hale says cinema is stronger than ever.": "Tom Hale",
		"Filmmaker Ana Ruiz says cinema is stronger than ever.":  "Ana Ruiz",
		"Jean-Paul Hale says cinema is stronger than ever.":      "Jean-Paul Hale",
	})
}

// TestNameOfABuilding: a name the tagger ended before the building it
// names ("International Airport", "Grand Mosque") is the building's, with
// a title or given name before it; near miss: a head that is also a
// surname ("Hall") after a name.
func TestNameOfABuilding(t *testing.T) {
	checkEntities(t, "The army closed the new Imam Rahimi International Airport on its opening day.",
		[]wantEntity{{"Imam Rahimi International Airport", pipeline.Place, "", ""}}, "Rahimi")
	checkNoPeople(t, "Flights from Amara Kenyatta International Airport resumed on Monday.")
	checkPerson(t, "Tom Berg Hall said the plan was sound.", "Tom Berg Hall")
}

// A lone given name the model reads as a body opens a person's name when a
// surname it left out follows; not a thing's name after a determiner, a
// title or a body's head after it, nor a longer name.
func TestLoneGivenNameOpensPerson(t *testing.T) {
	checkEntities(t, "Tom Sands works at Cherie Lund's Harbour Chambers.", []wantEntity{{"Cherie Lund", pipeline.Person, "", ""}})
	checkEntities(t, "Tom Sands works at Rosa Blair's Matrix Chambers.", []wantEntity{{"Rosa Blair", pipeline.Person, "", ""}})
	checkEntities(t, "Talks were held between Ana Ruiz and Wang Yi Lun on Monday.", nil, "Wang Yi")
	checkEntities(t, "Ana Ruiz met Chrysler Chairman Tom Hale.", []wantEntity{{"Tom Hale", pipeline.Person, "", ""}}, "Chrysler Chairman")
}

// TestArticleInsideBodyName: a body's name goes on over "for a" before
// capitals ("Movement for a Democratic Society"); not past a verb.
func TestArticleInsideBodyName(t *testing.T) {
	checkLabelled(t, pipeline.Org, map[string][]string{
		"Mwila Banda, leader of the Party for a New Dawn, said the vote was rigged.": {"Party for a New Dawn"},
		"The Alliance for a Better Tomorrow said it would vote no.":                  {"Alliance for a Better Tomorrow"},
		"The Council voted for a New Year holiday.":                                  {"Council"},
	})
}

// TestBlocNamedAfterPerson: a bloc named after its leader is a body.
func TestBlocNamedAfterPerson(t *testing.T) {
	checkLabelled(t, pipeline.Org, map[string][]string{
		"The Dana Keller Bloc won 30 seats in the election.": {"Dana Keller Bloc"},
	})
	checkPersons(t, map[string]string{"Dana Keller said the bloc would win.": "Dana Keller"})
}

// TestNameAfterNounForPerson: a name the tagger reads as a body's right
// after a lowercase noun for a person is the person's; not one with a
// body's word or a place in it, nor one that modifies a noun.
func TestNameAfterNounForPerson(t *testing.T) {
	checkPersons(t, map[string]string{
		"Argentine biologist Florencia Aguirre Pons has won the prize.": "Florencia Aguirre Pons",
	})
	checkNoPeople(t,
		"The firm ended talks with insurance broker Hale & Lennan on Monday.",
		"The veteran Fox News correspondent was expelled.",
		"Shares in land agent Vigers Hong Kong rose.")
}

// TestCityAsGivenNameAfterTitle: a city between a title and a person the
// tagger found is the person's given name; after "of" it is the post's
// place.
func TestCityAsGivenNameAfterTitle(t *testing.T) {
	checkPersons(t, map[string]string{
		"Vistara Infotech chief executive Anand Kulkarni said engineers were scarce.": "Anand Kulkarni",
	})
	checkLabelled(t, pipeline.Place, map[string][]string{
		"The mayor of Lima Ana Ruiz said so.": {"Lima"},
	})
}

// TestStationNumber: a broadcaster's number ends its name; a number after
// "radio" in lower case is a count.
func TestStationNumber(t *testing.T) {
	checkLabelled(t, pipeline.Org, map[string][]string{
		"Radio 1 controller Anita Kowal has promised more new music.": {"Radio 1"},
		"He listened to the radio 2 hours a day.":                     nil,
	})
}

// TestNumberedUnit: a military unit's number opens its name; a place in
// a ranking does not open a league's.
func TestNumberedUnit(t *testing.T) {
	checkLabelled(t, pipeline.Org, map[string][]string{
		"Soldiers of the 101st Airborne Division arrived on Monday.": {"101st Airborne Division"},
		"Troops of the 42nd Regiment moved north.":                   {"42nd Regiment"},
		"They finished 7th in Division One.":                         nil,
	})
}

// TestCityAsThirdName: a city right after a given name or a title and two
// name words, with no preposition, is the last part of the name in running
// text; not after "in", nor in a title-case heading.
func TestCityAsThirdName(t *testing.T) {
	checkPersons(t, map[string]string{
		"Foreign Minister Helena Castro Lima rejected the criticism on Tuesday.": "Helena Castro Lima",
		"Alejandro Ruiz Cuenca said the talks had stalled.":                      "Alejandro Ruiz Cuenca",
		"Incumbent mayor Rosangela Tavares Lima won a second term.":              "Rosangela Tavares Lima",
	})
	checkLabelled(t, pipeline.Place, map[string][]string{
		"Helena Castro in Lima rejected the criticism.": {"Lima"},
		"Tom Hale London Visit Ends":                    {"London"},
	})
}

// TestDescriptorOpensSentence: a word for a person that opens the
// sentence is no part of the name after it, whatever its origin
// ("Exporter Nguyen Thi Mai"); near miss: a firm named with such a word.
func TestDescriptorOpensSentence(t *testing.T) {
	checkPersons(t, map[string]string{
		"Exporter Nguyen Thi Mai said prices had already risen.": "Nguyen Thi Mai",
		"Shopkeeper Li Wei said prices had risen.":               "Li Wei",
	})
	checkNoPeople(t, "Singer Sewing Machines said profits rose.")
}

// TestEponymBeforeLowercaseHead: a name the tagger reads alone before
// "government" or "administration" in lower case names the person the
// body is named after; not a party, a place, a known group or an acronym.
func TestEponymBeforeLowercaseHead(t *testing.T) {
	checkPersons(t, map[string]string{
		"Critics say the Adeyemi government has failed the poor.":           "Adeyemi",
		"He said the Hollister administration remained committed to talks.": "Hollister",
	})
	checkNoPeople(t, "The Labour government said so.", "The Tokyo government said so.", "The NSW government said so.", "The Toyota campaign said so.")
}

// TestGivenNameOpensTaggedName: a given name the tagger cut off a person,
// as a person of its own or as no entity, opens the name; a word that is
// also a common word, a month or a sentence's first word does not.
func TestGivenNameOpensTaggedName(t *testing.T) {
	checkLabelled(t, pipeline.Person, map[string][]string{
		"The amendment was tabled by Hamish Drummond MP.":          {"Hamish Drummond"},
		"The bill was backed by Gareth Pryce MP and Ann Holt MP.":  {"Gareth Pryce", "Ann Holt"},
		"Labour's Fiona Gallacher MP said the routes would close.": {"Fiona Gallacher"},
		"Will Tom Hale stay in the team?":                          {"Tom Hale"},
		"In June Ana Ruiz met the board.":                          {"Ana Ruiz"},
	})
}

// TestNameAfterPersonDemonym: a name after a demonym that is a noun for
// a person ("Swede", "New Zealander") is a person's, the tagger's or not,
// and does not take the demonym in; after an adjective, a common word or
// before a capitalised word it is not.
func TestNameAfterPersonDemonym(t *testing.T) {
	checkLabelled(t, pipeline.Person, map[string][]string{
		"The club on Tuesday appointed New Zealander Tane Ruatahi as head coach.": {"Tane Ruatahi"},
		"Swede Ingvar Lonn won the title in straight sets.":                       {"Ingvar Lonn"},
		"Dane Kasper Holm of Aarhus won the sprint.":                              {"Kasper Holm"},
	})
	checkNoPeople(t,
		"The Swede Volvo Group said sales fell.",
		"Dutchman Tulip Growers Association members met on Monday.",
		"Canadian Maple Leaf shares rose.",
		"The New Zealander Prime Minister spoke.")
}

// TestPaperNamedNextToItsNoun: a name the tagger reads as a place, next
// to the noun for a paper, is the paper's unless the gazetteer knows the
// place.
func TestPaperNamedNextToItsNoun(t *testing.T) {
	checkLabelled(t, pipeline.Org, map[string][]string{
		"Ana Pryce, editor of Spark magazine, said so.":    {"Spark"},
		"Tom Hale, editor of the magazine Spark, said so.": {"Spark"},
	})
	checkLabelled(t, pipeline.Place, map[string][]string{
		"He told a Lagos newspaper that he would run again.": {"Lagos"},
	})
}

// TestCityAsMiddleName: a city between a given name and one more name
// word, in running text, is a middle name; before a body's head it is the
// body's place.
func TestCityAsMiddleName(t *testing.T) {
	checkPersons(t, map[string]string{
		"Staff Sgt. Robert Stanley Hale was charged on Monday.": "Robert Stanley Hale",
		"Police said Maria Lima Costa was released.":            "Maria Lima Costa",
	})
	checkLabelled(t, pipeline.Place, map[string][]string{
		"Tickets for Robert Lima Airport sold out.": {"Lima"},
	})
}

// TestNamesInsideOtherNames: a title or a given name inside the name of a
// place, a vessel, a shrine or a congregation names no one; a speech verb
// in capitals inside a name is part of it.
func TestNamesInsideOtherNames(t *testing.T) {
	checkNoPeople(t,
		"The couple married at a mosque in Bandar Seri Begawan on Sunday.",
		"Pilgrims gathered near the Imam Ali shrine in Najaf.",
		"Water levels in Nelson Mandela Bay fell to a record low.",
		"The prayers were led at the Beth Shalom congregation.",
		"The admiral toured the frigate HMS Yusuf Cemal on Friday.",
		"The tanker MV Maria Lopez ran aground off the coast.",
		"The patrol boat sailed past Thomas Shoal.",
	)
	checkPersons(t, map[string]string{
		"Mombasa County governor Halima Said Bakari warned on Friday.": "Halima Said Bakari",
		"The Venerable Haeam led the prayers.":                         "Haeam",
		"Mr Chapel said the vote was close.":                           "Chapel",
		"Director Michael Bay said the film was finished.":             "Michael Bay",
	})
	checkLabelled(t, pipeline.Person, map[string][]string{
		"Governor Halima Said Monday was a holiday.": {"Halima"},
	})
}

// TestNameInAppositionAfterTitle: a name set off by commas after a title
// in lower case, with or without a portfolio after it, or after "his
// successor", is a person's even where the tagger read a body or a place
// into it; not a body's name, nor a place the gazetteer knows whole.
func TestNameInAppositionAfterTitle(t *testing.T) {
	checkPersons(t, map[string]string{
		"China's trade minister, Gao Mingyuan, said the network would open.":  "Gao Mingyuan",
		"Pakistan's minister for religious affairs, Farah Siddiqui, said so.": "Farah Siddiqui",
		"His successor, Greet Hoekstra, said the changes were modest.":        "Greet Hoekstra",
	})
	checkNoPeople(t,
		"He spoke with the minister, Jubilee Party, on Monday.",
		"He wrote to the minister for social affairs, Lakeview Holdings, on Monday.",
		"Its successor, Green Energy Fund, was set up in May.",
		"He met the minister, New Zealand, and others.",
		"The prize went to the director, Lakeview Holdings, on Monday.",
	)
}

// TestPlaceOpeningABody: after a title and "of", a place that opens a
// body's name is no country before a person's name.
func TestPlaceOpeningABody(t *testing.T) {
	checkNoPeople(t, "She is head of the China National Space Administration.")
	checkPersons(t, map[string]string{"Prime Minister of the Netherlands Ann Kerr spoke.": "Ann Kerr"})
}

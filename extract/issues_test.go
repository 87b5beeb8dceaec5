package extract

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/readout/readout/pipeline"
)

// issueRefDoc is the reference Doc after the topics and issues stages.
func issueRefDoc(t *testing.T, opts pipeline.Options) (*pipeline.Doc, pipeline.Stage) {
	t.Helper()
	d := topicRefDoc(t)
	if err := newTopicsForTest(t, nil).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	s, err := NewIssues(opts)
	if err != nil {
		t.Fatalf("NewIssues: %v", err)
	}
	if s.Name() != "issues" {
		t.Fatalf("Name() = %q", s.Name())
	}
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d, s
}

func issueFocusTexts(p pipeline.Party) []string {
	var out []string
	for _, f := range p.Focus {
		out = append(out, strings.ToLower(f.Text))
	}
	return out
}

func TestIssuesReferenceArticle(t *testing.T) {
	d, s := issueRefDoc(t, nil)
	var places []pipeline.Issue
	for _, iss := range d.Issues {
		if strings.HasPrefix(iss.Topic, PlaceTopicPrefix) {
			places = append(places, iss)
		}
	}
	var got []string
	for _, iss := range places {
		got = append(got, iss.Topic)
	}
	if want := []string{"place:Libya", "place:Gaza", "place:Sudan"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("place issues %v, want %v", got, want)
	}
	for k, iss := range d.Issues[:3] {
		if iss.Topic != got[k] {
			t.Errorf("issue %d is %s: place issues come first", k, iss.Topic)
		}
	}
	// The article's own table agrees with them: it is the list of issues,
	// and no subject or taxonomy topic is added. Each keeps the theme of
	// its paragraphs for filtering.
	if len(d.Issues) != 3 {
		t.Errorf("issues after the places: %+v", d.Issues[3:])
	}
	for k, want := range []string{"diplomacy", "ceasefire-conflict", "diplomacy"} {
		if d.Issues[k].Theme != want || d.Issues[k].ThemeLabel == "" {
			t.Errorf("%s: theme %q (%q), want %q", d.Issues[k].Label, d.Issues[k].Theme, d.Issues[k].ThemeLabel, want)
		}
	}

	// Focus phrases each party must have, per issue (lowercase).
	want := map[string]map[string][]string{
		"place:Libya": {
			"EG": {"border security", "political unity", "irregular migration", "arms flows", "energy risks"},
			"RU": {"strategic coastline", "strategic stability", "diplomacy"},
		},
		"place:Gaza": {
			"EG": {"ceasefire", "humanitarian access"},
			"RU": {"ceasefire", "de-escalation", "international balance"},
		},
		"place:Sudan": {
			"EG": {"regional stability", "nile security"},
			"RU": {"conflict containment", "influence"},
		},
	}
	// Phrases that belong to the other party or issue must not leak.
	notWant := map[string]map[string][]string{
		"place:Libya": {"RU": {"border security", "irregular migration"}, "EG": {"strategic coastline", "strategic stability"}},
		"place:Gaza":  {"RU": {"humanitarian access"}, "EG": {"de-escalation"}},
		"place:Sudan": {"RU": {"nile security", "regional stability"}, "EG": {"conflict containment"}},
	}
	for _, iss := range places {
		if iss.Label != strings.TrimPrefix(iss.Topic, PlaceTopicPrefix) {
			t.Errorf("%s: label %q", iss.Topic, iss.Label)
		}
		if iss.Table != 0 {
			t.Errorf("%s: Table = %d, want 0", iss.Topic, iss.Table)
		}
		if len(iss.Parties) != 2 || iss.Parties[0].Name != "Egypt" || iss.Parties[0].CountryCode != "EG" ||
			iss.Parties[1].Name != "Russia" || iss.Parties[1].CountryCode != "RU" {
			t.Errorf("%s: parties %+v, want Egypt (EG) and Russia (RU)", iss.Topic, iss.Parties)
			continue
		}
		for _, p := range iss.Parties {
			if p.Kind != "country" {
				t.Errorf("%s %s: kind %q", iss.Topic, p.Name, p.Kind)
			}
			focus := issueFocusTexts(p)
			for _, w := range want[iss.Topic][p.CountryCode] {
				if !topicContains(focus, w) {
					t.Errorf("%s %s: focus %q lacks %q", iss.Topic, p.Name, focus, w)
				}
			}
			for _, w := range notWant[iss.Topic][p.CountryCode] {
				if topicContains(focus, w) {
					t.Errorf("%s %s: focus %q has %q", iss.Topic, p.Name, focus, w)
				}
			}
			seen := map[string]bool{}
			for _, f := range focus {
				if seen[f] {
					t.Errorf("%s %s: %q twice", iss.Topic, p.Name, f)
				}
				seen[f] = true
				if f == "egypt" || f == "russia" || strings.Contains(f, "egypt") || strings.Contains(f, "russia") {
					t.Errorf("%s %s: focus names a party: %q", iss.Topic, p.Name, f)
				}
				if n := len(strings.Fields(f)); n > 4 {
					t.Errorf("%s %s: focus %q has %d words", iss.Topic, p.Name, f, n)
				}
			}
		}
		// Paragraphs: exactly those whose primary topic is the issue.
		for _, pi := range iss.Paragraphs {
			if d.Paragraphs[pi].Topics[0].Topic != iss.Topic {
				t.Errorf("%s: paragraph %d has primary %s", iss.Topic, pi, d.Paragraphs[pi].Topics[0].Topic)
			}
		}
	}
	count := map[string]int{}
	for _, p := range d.Paragraphs {
		count[p.Topics[0].Topic]++
	}
	for _, iss := range d.Issues {
		if len(iss.Paragraphs) != count[iss.Topic] {
			t.Errorf("%s: %d paragraphs, want %d", iss.Topic, len(iss.Paragraphs), count[iss.Topic])
		}
	}
	// The last paragraph ("The Libyan file...") belongs to Libya.
	lib := d.Issues[0].Paragraphs
	if lib[len(lib)-1] != len(d.Paragraphs)-1 {
		t.Errorf("Libya paragraphs %v lack the last paragraph", lib)
	}
	topicCheckAllSpans(t, d)

	// Idempotent.
	before := append([]pipeline.Issue(nil), d.Issues...)
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, d.Issues) {
		t.Error("second Process changed the issues")
	}
}

func TestIssuesFocusClauses(t *testing.T) {
	d, _ := issueRefDoc(t, pipeline.Options{"max_focus": 20})
	var gaza pipeline.Issue
	for _, iss := range d.Issues {
		if iss.Topic == "place:Gaza" {
			gaza = iss
		}
	}
	if len(gaza.Parties) != 2 {
		t.Fatalf("Gaza parties %+v", gaza.Parties)
	}
	eg, ru := issueFocusTexts(gaza.Parties[0]), issueFocusTexts(gaza.Parties[1])
	// "Egypt’s role as a mediator gives Cairo extra weight here, while
	// Russia’s diplomatic posture adds another channel to the mix."
	for _, w := range []string{"mediator", "extra weight"} {
		if !topicContains(eg, w) || topicContains(ru, w) {
			t.Errorf("%q: Egypt %q, Russia %q", w, eg, ru)
		}
	}
	if !topicContains(ru, "diplomatic posture") || topicContains(eg, "diplomatic posture") {
		t.Errorf("diplomatic posture: Egypt %q, Russia %q", eg, ru)
	}
	// "Preventing escalation, officials said, ..." - no speaker as focus.
	if topicContains(eg, "officials") {
		t.Errorf("Egypt focus has the speaker: %q", eg)
	}
}

func TestIssuesOptions(t *testing.T) {
	if _, err := NewIssues(pipeline.Options{"nope": true}); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("unknown key: err = %v", err)
	}
	if _, err := NewIssues(pipeline.Options{"max_focus": -1}); err == nil {
		t.Error("negative max_focus accepted")
	}
	d, _ := issueRefDoc(t, pipeline.Options{"max_focus": 2, "thematic": false})
	if len(d.Issues) != 3 {
		t.Fatalf("thematic=false: %d issues", len(d.Issues))
	}
	for _, iss := range d.Issues {
		for _, p := range iss.Parties {
			// Up to 2 prose phrases, then up to 2 table cells.
			if len(p.Focus) > 4 {
				t.Errorf("%s %s: %d focus phrases", iss.Topic, p.Name, len(p.Focus))
			}
		}
	}
	topicCheckAllSpans(t, d)
}

func TestIssuesWithoutTopicsOrParties(t *testing.T) {
	s, err := NewIssues(nil)
	if err != nil {
		t.Fatal(err)
	}
	d := pipeline.NewDoc("e", "Nothing here.")
	d.Paragraphs = []pipeline.Paragraph{{Start: 0, End: 13, Kind: pipeline.TextPara, Section: -1, Block: -1}}
	d.Issues = []pipeline.Issue{{Topic: "stale"}}
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Issues) != 0 {
		t.Errorf("issues %+v", d.Issues)
	}

	// A place issue with no participants: no parties, no table.
	text := "Sudan faces famine."
	d = pipeline.NewDoc("s", text)
	d.Paragraphs = []pipeline.Paragraph{{Start: 0, End: len(text), Kind: pipeline.TextPara, Section: -1, Block: -1}}
	d.Entities = []pipeline.Entity{{Start: 0, End: 5, Text: "Sudan", Label: pipeline.Place, Subtype: "country", Canonical: "Sudan", ID: "SD", Country: "SD"}}
	if err := newTopicsForTest(t, nil).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Issues) == 0 || d.Issues[0].Topic != "place:Sudan" || len(d.Issues[0].Parties) != 0 || d.Issues[0].Table != -1 {
		t.Errorf("issues %+v", d.Issues)
	}
}

// TestSubjects: the subjects of invented reports: what the headline names
// and the body comes back to, what stance verbs take ("called for"), named
// in the article's words; never a person, an office, the frame of a report
// (talks, officials) or a date.
func TestSubjects(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string // labels, in order
	}{
		{"Norway and Chile clash over fishing quotas\n\n" +
			"Norway said on Monday that fishing quotas in the southern sea must fall by a third.\n\n" +
			"Chile rejected the cut and called for higher quotas for its coastal fleets.\n\n" +
			"Talks between the two fisheries ministers ended without a deal, officials said.\n",
			[]string{"Fishing Quotas"}},
		// A headline word the body uses as a modifier: the body's phrase.
		{"Leaders press Norway on climate\n\n" +
			"The leaders urged Norway to act on climate change before the summit.\n\n" +
			"Norway said climate change would top its agenda next year.\n",
			[]string{"Climate Change"}},
		// An adjective after a common noun opens the next phrase: "give
		// the country full membership".
		{"Bloc weighs Chile bid\n\n" +
			"The bloc may give the country full membership next year.\n\n" +
			"Peru said that giving the country full membership would be a mistake.\n\n" +
			"Chile wants the bloc to offer the country full membership soon.\n",
			[]string{"Bloc", "Full Membership"}},
		// Near miss: a subject named once, in one paragraph, is no issue.
		{"Ministers meet in Oslo\n\n" +
			"The ministers of Chile and Norway met in Oslo on Monday.\n\n" +
			"They also mentioned a bridge project in passing.\n",
			nil},
	} {
		d := runStages(t, tt.text, "paragraphs", "tables", "tokens", "dates", "entities", "participants")
		var got []string
		for _, g := range findSubjects(d, subjectBlocked(d), newStemMemo(), maxSubjects) {
			got = append(got, g.label)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%.40q: subjects %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestIssueActors: a country or an international body that says or takes
// a position is a party; one that only is somewhere or owns something is
// what parties talk about.
func TestIssueActors(t *testing.T) {
	text := "Talks on fish\n\n" +
		"Norway has rejected the plan, and the European Union said it would wait. " +
		"Sweden, Denmark and Finland have called for a cap. " +
		"Cyprus is a small island, and Chile's coast is long. Peru kept growing.\n"
	checkActors(t, text, []string{"NO", "org:European Union", "SE", "DK", "FI"}, []string{"CY", "CL", "PE"})
}

// checkActors asserts that the actors of text include every one of want
// and none of not.
func checkActors(t *testing.T, text string, want, not []string) {
	t.Helper()
	got := issueActors(runStages(t, text, "paragraphs", "tables", "tokens", "dates", "entities", "participants"))
	checkListed(t, "actors", got, want, not)
}

// checkListed asserts that got, a list of what, holds every one of want
// and none of not.
func checkListed(t *testing.T, what string, got, want, not []string) {
	t.Helper()
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("%s %q lack %q", what, got, w)
		}
	}
	for _, n := range not {
		if slices.Contains(got, n) {
			t.Errorf("%s %q hold %q", what, got, n)
		}
	}
}

// TestIssueBodyParty: an international body on an issue is a party of
// kind org, with no country code.
func TestIssueBodyParty(t *testing.T) {
	text := "EU and Norway clash over fishing quotas\n\n" +
		"The European Union said fishing quotas must fall by a third next year.\n\n" +
		"Norway rejected the cut and called for higher fishing quotas.\n\n" +
		"The European Union has insisted that the quotas protect cod stocks.\n"
	kinds := issuePartyKinds(t, text)
	if kinds["European Union"] != "org/" || kinds["Norway"] != "country/NO" {
		t.Errorf("parties %v, want the European Union as org/ and Norway as country/NO", kinds)
	}
}

// issuePartyKinds returns the kind and country code of every party the
// issue table of text names, by party name ("org/", "country/NO").
func issuePartyKinds(t *testing.T, text string) map[string]string {
	t.Helper()
	d := runStages(t, text, "paragraphs", "tables", "tokens", "dates", "entities", "participants", "topics", "issues")
	kinds := map[string]string{}
	for _, is := range d.Issues {
		for _, p := range is.Parties {
			kinds[p.Name] = p.Kind + "/" + p.CountryCode
		}
	}
	return kinds
}

// TestSubjectParties: a subject's parties are the ones named in a sentence
// that names it; a party named elsewhere in the paragraph is not one.
func TestSubjectParties(t *testing.T) {
	text := "Row over fishing quotas\n\n" +
		"Norway said fishing quotas must fall by a third. Peru said the weather was fine.\n\n" +
		"Chile rejected the cut in fishing quotas.\n\n" +
		"Talks on the quotas go on, and Chile has called for a review.\n"
	d := runStages(t, text, "paragraphs", "tables", "tokens", "dates", "entities", "participants", "topics", "issues")
	var got []string
	for _, is := range d.Issues {
		if strings.HasPrefix(is.Topic, SubjectTopicPrefix) {
			for _, p := range is.Parties {
				got = append(got, p.Name)
			}
		}
	}
	if want := []string{"Norway", "Chile"}; !reflect.DeepEqual(got, want) {
		t.Errorf("parties of the subject %q, want %q (issues %+v)", got, want, d.Issues)
	}
}

// TestFocusNamesNoOne: a person's title or a time is no party's focus
// ("an influential trade commissioner", "next year"); what the party
// urges or wants is, with the phrase its preposition takes.
func TestFocusNamesNoOne(t *testing.T) {
	text := "Row over fishing quotas\n\n" +
		"Norway said fishing quotas must fall by a third next year. Norway praised an influential trade commissioner for the fishing quotas and urged tighter catch limits.\n\n" +
		"Norway wants a review of the fishing quotas.\n"
	d := runStages(t, text, "paragraphs", "tables", "tokens", "dates", "entities", "participants", "topics", "issues")
	var focus []string
	for _, is := range d.Issues {
		for _, p := range is.Parties {
			if p.Name == "Norway" {
				focus = append(focus, issueFocusTexts(p)...)
			}
		}
	}
	checkListed(t, "focus", focus, []string{"tighter catch limits", "review of the fishing quotas"},
		[]string{"influential trade commissioner", "trade commissioner", "third next year", "next year"})
}

// TestIssueActorsByStanceNoun: a party said to be a supporter, backer or
// critic of something takes a position, also past an apposition; a party
// said to be a member, a market or an island does not.
func TestIssueActorsByStanceNoun(t *testing.T) {
	text := "Talks on fish\n\n" +
		"Norway, the biggest catcher in the group, is a firm supporter of the cap. " +
		"Sweden and Denmark have long been fierce critics of the plan. " +
		"Chile is a member of the group, and Peru is a large market. Cyprus is an island.\n"
	checkActors(t, text, []string{"NO", "SE", "DK"}, []string{"CL", "PE", "CY"})
}

// TestIssueActorsInLists: a list of parties with "the" inside it shares
// its verb ("Chile, Ghana, the Philippines and Kenya want"), and the
// agents of a proposal in the passive take a position ("the plan, tabled
// by Norway and Denmark"); a party after "by" of another verb does not.
func TestIssueActorsInLists(t *testing.T) {
	text := "Budget row\n\n" +
		"Chile, Ghana, the Philippines and Kenya want the budget capped. " +
		"The cap - tabled by Norway and Denmark after the summit - has wide support. " +
		"The report was written by Peru and published in Japan.\n"
	checkActors(t, text, []string{"CL", "GH", "PH", "KE", "NO", "DK"}, []string{"PE", "JP"})
}

// TestIssueVerbComplements: what a stance verb says is to be done, after
// "to" and any object of the verb, up to the clause's end; not what a
// verb of motion reaches, nor a noun a stance verb takes.
func TestIssueVerbComplements(t *testing.T) {
	for text, want := range map[string][]string{
		"Chile wants to cut fishing quotas by half, and Peru urged Chile to lift the ban on imports.": {"cut fishing quotas by half", "lift the ban on imports"},
		"Peru refused to recognise the new border which Chile drew in May.":                           {"recognise the new border"},
		"Peru wants a deal. The minister went to Lima to sign it.":                                    nil,
	} {
		d := runStages(t, text, "paragraphs", "tokens")
		var got []string
		for _, sp := range issueVerbComplements(d, 0, len(d.Tokens)) {
			got = append(got, sp.Text)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: complements %q, want %q", text, got, want)
		}
	}
	// A verb's tag on a word that ends the clause gives nothing (and no
	// span that ends before it starts).
	d := &pipeline.Doc{Text: "Peru wants to ; go"}
	for i, w := range strings.Fields(d.Text) {
		start := strings.Index(d.Text, w)
		d.Tokens = append(d.Tokens, pipeline.Token{Start: start, End: start + len(w), Text: w, Tag: []string{"NNP", "VBZ", "TO", "VB", "VB"}[i]})
	}
	if got := issueVerbComplements(d, 0, len(d.Tokens)); len(got) != 0 {
		t.Errorf("complements %+v, want none", got)
	}
}

// TestIssueBodyByItsOfficial: an international body whose official speaks
// is a party, though the body itself is never a verb's subject.
func TestIssueBodyByItsOfficial(t *testing.T) {
	kinds := issuePartyKinds(t, "Chile and Peru clash over copper tariffs\n\n"+
		"Chile said copper tariffs must fall by half next year.\n\n"+
		"WTO chief Ana Ruiz told reporters the copper tariffs broke trade rules.\n\n"+
		"Peru said copper tariffs would stay until May.\n")
	if kinds["World Trade Organization"] != "org/" || kinds["Chile"] != "country/CL" {
		t.Errorf("parties %v, want the World Trade Organization as org/ and Chile as country/CL", kinds)
	}
}

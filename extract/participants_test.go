package extract_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/readout/readout/extract"
	"github.com/readout/readout/pipeline"
)

var (
	peopleOnce sync.Once
	peoplePipe *pipeline.Pipeline
	peopleErr  error
)

// peoplePipeline is the part of the default pipeline that finds people.
func peoplePipeline(t *testing.T) *pipeline.Pipeline {
	t.Helper()
	peopleOnce.Do(func() {
		peoplePipe, peopleErr = extract.Registry().Build(
			[]string{"paragraphs", "tokens", "entities", "participants"}, nil)
	})
	if peopleErr != nil {
		t.Fatal(peopleErr)
	}
	return peoplePipe
}

func people(t *testing.T, text string) []pipeline.Participant {
	t.Helper()
	d := pipeline.NewDoc("t", text)
	if err := peoplePipeline(t).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Errors) > 0 {
		t.Fatal(d.Errors)
	}
	for _, p := range d.Participants {
		for _, m := range append(p.Mentions, derefSpan(p.Evidence)...) {
			if d.Text[m.Start:m.End] != m.Text {
				t.Fatalf("%s: span %+v does not locate its text", p.Name, m)
			}
		}
	}
	return d.Participants
}

func derefSpan(s *pipeline.Span) []pipeline.Span {
	if s == nil {
		return nil
	}
	return []pipeline.Span{*s}
}

type wantPerson struct {
	name, role, country, org string
	aliases                  string // joined with "|"
}

func TestRolePatterns(t *testing.T) {
	tests := []struct {
		name, text string
		want       []wantPerson
	}{
		{"pre-nominal demonym", "Russian Foreign Minister Sergey Lavrov arrived in Ankara on Sunday.",
			[]wantPerson{{name: "Sergey Lavrov", role: "Foreign Minister", country: "Russia"}}},
		{"pre-nominal possessive", "Egypt’s Foreign Minister Badr Abdel Atty met his counterpart.",
			[]wantPerson{{name: "Badr Abdel Atty", role: "Foreign Minister", country: "Egypt"}}},
		{"pre-nominal country abbreviation", "U.S. Secretary of State Antony Blinken flew to Paris.",
			[]wantPerson{{name: "Antony Blinken", role: "Secretary of State", country: "United States"}}},
		{"former", "The bill was signed by former US President Barack Obama in 2010.",
			[]wantPerson{{name: "Barack Obama", role: "Former President", country: "United States"}}},
		{"title of country before name", "The President of France Emmanuel Macron spoke first.",
			[]wantPerson{{name: "Emmanuel Macron", role: "President", country: "France"}}},
		{"appositive", "Maria Gonzalez, Spain’s foreign minister, said the talks were useful.",
			[]wantPerson{{name: "Maria Gonzalez", role: "Foreign Minister", country: "Spain"}}},
		{"appositive with of", "Kofi Mensah, the finance minister of Ghana, resigned.",
			[]wantPerson{{name: "Kofi Mensah", role: "Finance Minister", country: "Ghana"}}},
		{"predicate", "Olga Petrova is the deputy prime minister of Bulgaria.",
			[]wantPerson{{name: "Olga Petrova", role: "Deputy Prime Minister", country: "Bulgaria"}}},
		{"who is", "He often disagreed with Peter Walsh who is the secretary of state.",
			[]wantPerson{{name: "Peter Walsh", role: "Secretary of State"}}},
		{"roster line with dash", "Delegates:\n\n- Ahmed Karim – Foreign Minister of Jordan\n- Lina Haddad – Jordan’s Ambassador to Paris\n",
			[]wantPerson{{name: "Ahmed Karim", role: "Foreign Minister", country: "Jordan"}, {name: "Lina Haddad", role: "Ambassador", country: "Jordan"}}},
		{"delegation owner", "Berlin’s delegation included Ambassador Klaus Weber and section director Anna Richter.",
			[]wantPerson{{name: "Klaus Weber", role: "Ambassador", country: "Germany"}, {name: "Anna Richter", role: "Section Director", country: "Germany"}}},
		{"organisation unit", "EU department chief Jonas Berg briefed reporters.",
			[]wantPerson{{name: "Jonas Berg", role: "Chief"}}},
		{"title after a prepositional phrase", "He is a critic of Russian president Dmitri Orlov and his allies.",
			[]wantPerson{{name: "Dmitri Orlov", role: "President", country: "Russia"}}},
		{"apposition with adjective", "On Friday, Khalid bin Nasser, the long-serving Emir of Qatar, arrived.",
			[]wantPerson{{name: "Khalid bin Nasser", role: "Emir", country: "Qatar"}}},
		{"body of accreditation", "Former US Ambassador to the United Nations Karen Doyle wrote on Twitter.",
			[]wantPerson{{name: "Karen Doyle", role: "Former Ambassador", country: "United States"}}},
		{"lowercase body", "Offering condolences, speaker of the parliament Reza Tavakoli wrote a letter.",
			[]wantPerson{{name: "Reza Tavakoli", role: "Speaker"}}},
		{"who ... as", "She ran against Mark Ellis, who succeeded her as Foreign Secretary, last year.",
			[]wantPerson{{name: "Mark Ellis", role: "Foreign Secretary"}}},
		{"listed group", "Several Iranian government officials including deputy health minister Amir Karimi fell ill.",
			[]wantPerson{{name: "Amir Karimi", role: "Deputy Health Minister", country: "Iran"}}},
		{"office of another person", "German Chancellor Angela Merkel’s spokesperson, Steffen Seibert, said so.",
			[]wantPerson{{name: "Angela Merkel", role: "Chancellor", country: "Germany"}, {name: "Steffen Seibert", role: "Spokesperson", country: "Germany"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := people(t, tt.text)
			checkPeople(t, got, tt.want)
		})
	}
}

func checkPeople(t *testing.T, got []pipeline.Participant, want []wantPerson) {
	t.Helper()
	if len(got) != len(want) {
		var names []string
		for _, p := range got {
			names = append(names, p.Name+" ("+p.Role+")")
		}
		t.Fatalf("got %d people %q, want %d", len(got), names, len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Name != w.name || g.Role != w.role || g.Country != w.country || (w.org != "" && g.Organization != w.org) {
			t.Errorf("person %d = %q / %q / %q / %q, want %q / %q / %q / %q", i, g.Name, g.Role, g.Country, g.Organization, w.name, w.role, w.country, w.org)
		}
		if w.aliases != "" && strings.Join(g.Aliases, "|") != w.aliases {
			t.Errorf("%s: aliases %q, want %q", g.Name, g.Aliases, w.aliases)
		}
	}
}

func TestAliases(t *testing.T) {
	text := "Egyptian President Abdel Fattah el-Sisi received Russian Foreign Minister Sergey Lavrov in Cairo. " +
		"Later el-Sisi said the talks went well, and Lavrov told reporters the same. " +
		"Egypt’s Foreign Minister Badr Abdel Atty attended; Abdel Atty spoke briefly."
	got := people(t, text)
	checkPeople(t, got, []wantPerson{
		{name: "Abdel Fattah el-Sisi", role: "President", country: "Egypt", aliases: "el-Sisi"},
		{name: "Sergey Lavrov", role: "Foreign Minister", country: "Russia", aliases: "Lavrov"},
		{name: "Badr Abdel Atty", role: "Foreign Minister", country: "Egypt", aliases: "Abdel Atty"},
	})
	for _, p := range got {
		if len(p.Mentions) != 2 {
			t.Errorf("%s: %d mentions, want 2", p.Name, len(p.Mentions))
		}
	}
}

func TestSharedSurnameNotMerged(t *testing.T) {
	text := "Finance Minister Jane Walker met Defence Minister Tom Walker on Monday. Jane Walker spoke first."
	got := people(t, text)
	checkPeople(t, got, []wantPerson{
		{name: "Jane Walker", role: "Finance Minister"},
		{name: "Tom Walker", role: "Defence Minister"},
	})
}

// TestNoRoleWithoutName holds the negative cases: titles without names,
// and names whose roles the text does not give.
func TestNoRoleWithoutName(t *testing.T) {
	for _, text := range []string{
		"The minister said talks would continue next week.",
		"The foreign minister and the president met in Cairo.",
		"Officials said the ambassador had left the capital.",
		"“We will not back down,” the prime minister told parliament.",
		"Table 3 shows the Ministry figures for March.",
	} {
		if got := people(t, text); len(got) != 0 {
			t.Errorf("%q: got people %+v, want none", text, got)
		}
	}
	// A name quoted by someone else gets no role from the speaker's title.
	got := people(t, "“Ask Maria Lopez about it,” the president said.")
	for _, p := range got {
		if p.Role != "" {
			t.Errorf("%s got role %q from another person's title", p.Name, p.Role)
		}
	}
}

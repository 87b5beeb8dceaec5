package extract_test

import (
	"fmt"
	"strings"
	"testing"
)

// TestConstructionsAcrossFillers runs each construction over many names,
// countries and titles: a rule that holds for one invented sentence must
// hold whatever name or country fills it ("Tran Ngoc Anh", "Pierre
// Dupont de la Tour", "Saudi Arabia"). Each template is a headline-less
// text with {name}, {name2}, {C}, {Dem}, {C2}, {Dem2} and {role}; want is
// the first name's role and country, with {R} the title and {C} the
// country.
func TestConstructionsAcrossFillers(t *testing.T) {
	names := []string{"Ana Ruiz", "Tran Ngoc Anh", "Olusegun Adeyemi", "Jean-Luc Moreau", "Ahmed al-Sayed",
		"Li Wei", "Maria Kowalczyk", "Pierre Dupont de la Tour", "Kwame Asante-Boateng", "Siobhan O'Neill",
		"Ibrahim Abdel Aziz", "Lucia Fernández", "Mark van der Berg"}
	countries := [][2]string{{"Chile", "Chilean"}, {"Norway", "Norwegian"}, {"Kenya", "Kenyan"}, {"Japan", "Japanese"},
		{"Poland", "Polish"}, {"Saudi Arabia", "Saudi"}, {"Netherlands", "Dutch"}, {"Vietnam", "Vietnamese"}, {"Ghana", "Ghanaian"}}
	roles := [][2]string{{"foreign minister", "Foreign Minister"}, {"energy minister", "Energy Minister"},
		{"deputy foreign minister", "Deputy Foreign Minister"}, {"defence secretary", "Defence Secretary"},
		{"trade minister", "Trade Minister"}, {"health minister", "Health Minister"}}
	templates := []struct{ text, role, country string }{
		{"{Dem} {role} {name} said on Monday that talks would go on.", "{R}", "{C}"},
		{"{name}, {C}'s {role}, told reporters the vote would be held in May.", "{R}", "{C}"},
		{"{C}'s {role}, {name}, warned that aid would arrive late.", "{R}", "{C}"},
		{"Talks were led by {name}, {C}'s {role}.", "{R}", "{C}"},
		{"{name}, who is {C}'s {role}, spoke on Friday.", "{R}", "{C}"},
		{"{name} - {C}'s {role} - spoke on Monday.", "{R}", "{C}"},
		{"{name} ({C}'s {role}) spoke on Monday.", "{R}", "{C}"},
		{"{Dem} {role} {name} and his {Dem2} counterpart, {name2}, met on Monday.", "{R}", "{C}"},
		{"{name}, {C}'s {role}, and {name2}, {C2}'s {role}, signed the deal.", "{R}", "{C}"},
		{"{name} and {name2}, the {role}s of {C} and {C2} respectively, met in Geneva.", "{R}", "{C}"},
		{"{C}'s former {role} {name} spoke on Monday.", "Former {R}", "{C}"},
		{"{name}, who was {C}'s {role} until 2015, spoke on Monday.", "Former {R}", "{C}"},
		{"{name} arrived in Geneva on Monday. \"We are ready,\" the {Dem} {role} said.", "{R}", "{C}"},
		{"{name} flew to Geneva on Monday. On arrival, the {Dem} {role} met aid workers.", "{R}", "{C}"},
		{"{name} met aid workers in Geneva. The {Dem} {role} later flew home.", "{R}", "{C}"},
		{"{C}'s {role} has resigned. {name} said the cabinet had lost its way.", "Former {R}", "{C}"},
		{"{name} flew to Geneva on Monday. Speaking to aid workers, the {Dem} {role} said help would come.", "{R}", "{C}"},
		{"Responding to the plan, {C}'s {role} said it would fail. {name} said the cost was too high.", "{R}", "{C}"},
		{"{C} has rejected the plan. Its {role}, {name}, said it was unfair.", "{R}", "{C}"},
		{"{C}'s acting {role} {name} said the plan was sound.", "Acting {R}", "{C}"},
		{"After talks with {name}, the {Dem} {role} said help would come.", "", ""},
		{"Asked about the vote, the {role} of {C} said it would be held in May.\n\n{name} told reporters the date was fixed.", "{R}", "{C}"},
	}
	for ti, tp := range templates {
		for k := range 6 {
			// Fillers rotate at different strides so that each template
			// meets many combinations.
			name, name2 := names[(ti+k*5)%len(names)], names[(ti+k*5+3)%len(names)]
			c, c2 := countries[(ti*2+k)%len(countries)], countries[(ti*2+k+4)%len(countries)]
			role := roles[(ti+k)%len(roles)]
			r := strings.NewReplacer("{name2}", name2, "{name}", name, "{C2}", c2[0], "{Dem2}", c2[1], "{C}", c[0], "{Dem}", c[1], "{role}", role[0])
			text := "World news\n\n" + r.Replace(tp.text) + "\n"
			want := strings.NewReplacer("{R}", role[1], "{C}", c[0])
			wantRole, wantCountry := want.Replace(tp.role), want.Replace(tp.country)
			t.Run(fmt.Sprintf("%d/%d", ti, k), func(t *testing.T) {
				for _, p := range people(t, text) {
					if p.Name == name {
						if p.Role != wantRole || p.Country != wantCountry {
							t.Errorf("%q: %s is %q of %q, want %q of %q", text, name, p.Role, p.Country, wantRole, wantCountry)
						}
						return
					}
				}
				t.Errorf("%q: no %s among the people", text, name)
			})
		}
	}
}

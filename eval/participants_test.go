package eval

import "testing"

func ptr(s string) *string { return &s }

func TestScoreParticipants(t *testing.T) {
	gold := []GoldPerson{
		{Name: "Recep Tayyip Erdoğan", Aliases: []string{"Erdogan"}, Role: ptr("President"), Country: ptr("Turkey")},
		{Name: "Alexander Kinshchak", Role: ptr("Head"), Country: ptr("Russia"), Organization: ptr("MENA Department")},
		{Name: "Mike Pompeo", Role: ptr("Secretary of State")},
		{Name: "John Bolton", Role: ptr("Former National Security Advisor"), Country: ptr("United States")},
		{Name: "Denise", Role: nil},
	}
	pred := []Person{
		{Name: "Recep Tayyip Erdogan", Role: "President", Country: "Turkey"}, // diacritics ignored
		{Name: "alexander kinshchak", Role: "Chief", Country: "Russian Federation", Organization: "MENA department"},
		{Name: "Mike Pompeo", Role: "Secretary of State", Country: "USA"},       // any country where gold has none
		{Name: "John Bolton", Role: "National Security Advisor", Country: "US"}, // "Former" missing
		{Name: "Someone Else"},
	}
	s := ScoreParticipants(pred, gold)
	if s.Name != (Counts{TP: 4, Pred: 5, Gold: 5}) {
		t.Errorf("name counts %+v", s.Name)
	}
	if s.Role != (Counts{TP: 3, Pred: 4, Gold: 4}) {
		t.Errorf("role counts %+v", s.Role)
	}
	if s.Country != (Counts{TP: 3, Pred: 3, Gold: 3}) { // Pompeo's is accepted, not counted
		t.Errorf("country counts %+v", s.Country)
	}
	if s.Organization != (Counts{TP: 1, Pred: 1, Gold: 1}) {
		t.Errorf("organization counts %+v", s.Organization)
	}
	if s.Triple.TP != 3 {
		t.Errorf("triple TP %d, want 3", s.Triple.TP)
	}
	if len(s.Misses) != 3 { // Bolton's role, Denise missed, extra person
		t.Errorf("misses %q", s.Misses)
	}
}

func TestRoleMatches(t *testing.T) {
	for _, c := range []struct {
		pred, gold string
		ok         bool
	}{
		{"Foreign Minister", "Minister of Foreign Affairs", true},
		{"Minister of Foreign Affairs", "Foreign Minister", true},
		{"Deputy Foreign Minister", "Foreign Minister", false},
		{"Spokesman", "Spokesperson", true},
		{"Former President", "President", false},
		{"Supreme Leader", "Leader", true},
		{"Leader", "Supreme Leader", false},
	} {
		if got := roleMatches(c.pred, &c.gold); got != c.ok {
			t.Errorf("roleMatches(%q, %q) = %v", c.pred, c.gold, got)
		}
	}
	if !roleMatches("", nil) || roleMatches("President", nil) {
		t.Error("null gold role must match only a null prediction")
	}
}

func TestCountsF1(t *testing.T) {
	c := Counts{TP: 3, Pred: 4, Gold: 6}
	if p, r := c.Precision(), c.Recall(); p != 0.75 || r != 0.5 {
		t.Errorf("P %v R %v", p, r)
	}
	if f := c.F1(); f < 0.5999 || f > 0.6001 {
		t.Errorf("F1 %v", f)
	}
	if (Counts{}).F1() != 0 {
		t.Error("empty counts F1 not 0")
	}
}

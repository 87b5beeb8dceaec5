package eval

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestContentStems(t *testing.T) {
	for in, want := range map[string]string{
		"Border security, political unity": "border secur politic unity",
		"The talks on the Issue of Trade":  "trade",
		"Négociations":                     "negoci",
		"EU farm subsidies":                "farm subsid",
		"visas":                            "visa",
		"gas":                              "gas",
		"its role in the process":          "",
		"armed groups":                     "armed group", // "arm" would be under 4 letters
	} {
		if got := strings.Join(ContentStems(in), " "); got != want {
			t.Errorf("ContentStems(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPartyName(t *testing.T) {
	for in, want := range map[string]string{
		"US": "united states", "U.S.": "united states", "USA": "united states",
		"United States of America": "united states", "Britain": "united kingdom", "UK": "united kingdom",
		"Côte d'Ivoire": "cote divoire", "European Union": "european union",
	} {
		if got := PartyName(in); got != want {
			t.Errorf("PartyName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestScoreIssueTable scores an invented table by hand: issues match one
// to one in gold order (by label, or by the place of a topic id), parties
// by country name, focus phrases by a shared content stem, counted for
// precision over every predicted phrase and recall over every gold one.
func TestScoreIssueTable(t *testing.T) {
	gold := []GoldIssueRow{
		{Issue: "Fishing Quotas", Kind: "theme", Focus: map[string][]string{
			"Norway":        {"lower catch limits", "protect cod stocks"},
			"United States": {"open access"},
		}},
		{Issue: "Crimea", Kind: "place", Focus: map[string][]string{"Ukraine": {"restore sovereignty"}}},
		{Issue: "Visa Regime", Kind: "theme", Focus: map[string][]string{"Chile": {"visa waivers"}}},
	}
	pred := []PredIssue{
		{Label: "Diplomacy and mediation", Topic: "diplomacy", Parties: []PredParty{{Name: "Norway", Focus: []string{"meeting"}}}},
		{Label: "Quotas for fishing fleets", Topic: "theme", Parties: []PredParty{
			{Name: "Norway", Focus: []string{"catch limits", "the talks", "cod"}},
			{Name: "US", Focus: []string{"market access"}},
			{Name: "Iceland", Focus: []string{"quota"}},
		}},
		{Label: "Peninsula", Topic: "place:Crimea", Parties: []PredParty{{Name: "Russia", Focus: []string{"sovereignty"}}}},
	}
	s := ScoreIssueTable(pred, gold)
	if want := (Counts{TP: 2, Pred: 3, Gold: 3}); s.Issue != want {
		t.Errorf("issue %+v, want %+v", s.Issue, want)
	}
	if want := (Counts{TP: 2, Pred: 5, Gold: 4}); s.Party != want {
		t.Errorf("party %+v, want %+v", s.Party, want)
	}
	// Norway: "catch limits" and "cod" right, "the talks" (no content stem)
	// wrong; gold "lower catch limits" and "protect cod stocks" found. US:
	// "market access" right, "open access" found. Every other phrase counts:
	// seven predicted, five gold.
	if want := (FocusCounts{Right: 3, Pred: 7, Found: 3, Gold: 5}); s.Focus != want {
		t.Errorf("focus %+v, want %+v", s.Focus, want)
	}
	want := (2.0/3 + 2*(2.0/5)*(2.0/4)/(2.0/5+2.0/4) + 2*(3.0/7)*(3.0/5)/(3.0/7+3.0/5)) / 3
	if math.Abs(s.Mean()-want) > 1e-12 {
		t.Errorf("mean %.6f, want %.6f", s.Mean(), want)
	}
	for _, miss := range []string{`issue "Visa Regime" not found`, `Crimea: party "Ukraine" not found`, `issue "Diplomacy and mediation" is not in gold`} {
		if !strings.Contains(strings.Join(s.Misses, "\n"), miss) {
			t.Errorf("misses lack %q:\n%s", miss, strings.Join(s.Misses, "\n"))
		}
	}

	// Nothing predicted: every gold item is missed, and F1 is 0.
	if s := ScoreIssueTable(nil, gold); s.Mean() != 0 || s.Issue.Gold != 3 || s.Party.Gold != 4 || s.Focus.Gold != 5 {
		t.Errorf("empty prediction: %+v", s)
	}
	// Each prediction is used once: two gold issues sharing a word cannot
	// both take one predicted issue.
	two := []GoldIssueRow{{Issue: "Gas Prices"}, {Issue: "Gas Pipeline"}}
	if s := ScoreIssueTable([]PredIssue{{Label: "Gas"}}, two); !reflect.DeepEqual(s.Issue, Counts{TP: 1, Pred: 1, Gold: 2}) {
		t.Errorf("one prediction, two gold issues: %+v", s.Issue)
	}
}

package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/readout/readout/pipeline"
)

// GoldIssueTable is a gold issue table (the format of
// ../shared/data/issues/README.md).
type GoldIssueTable struct {
	File    string         `json:"file"`
	Parties []string       `json:"parties"`
	Issues  []GoldIssueRow `json:"issues"`
}

// GoldIssueRow is one row of a gold issue table: each party's focus phrases.
type GoldIssueRow struct {
	Issue string              `json:"issue"`
	Kind  string              `json:"kind"`
	Focus map[string][]string `json:"focus"`
}

// ReadGoldIssueTable reads a gold issue table.
func ReadGoldIssueTable(path string) (GoldIssueTable, error) {
	var g GoldIssueTable
	b, err := os.ReadFile(path)
	if err != nil {
		return g, err
	}
	return g, json.Unmarshal(b, &g)
}

// PredIssue is a predicted issue, reduced to what is scored.
type PredIssue struct {
	Label, Topic string
	Parties      []PredParty
}

// PredParty is a party of a predicted issue with its focus phrases.
type PredParty struct {
	Name  string
	Focus []string
}

// IssuesOf reduces a document's issues to what is scored.
func IssuesOf(is []pipeline.Issue) []PredIssue {
	out := make([]PredIssue, 0, len(is))
	for _, i := range is {
		pi := PredIssue{Label: i.Label, Topic: i.Topic}
		for _, p := range i.Parties {
			pp := PredParty{Name: p.Name}
			for _, f := range p.Focus {
				pp.Focus = append(pp.Focus, f.Text)
			}
			pi.Parties = append(pi.Parties, pp)
		}
		out = append(out, pi)
	}
	return out
}

// FocusCounts counts focus phrases: predicted ones and those right, gold
// ones and those found. Precision and recall have different numerators.
type FocusCounts struct {
	Right, Pred, Found, Gold int
}

func (c FocusCounts) Precision() float64 { return ratio(c.Right, c.Pred) }
func (c FocusCounts) Recall() float64    { return ratio(c.Found, c.Gold) }
func (c FocusCounts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c *FocusCounts) Add(o FocusCounts) {
	c.Right += o.Right
	c.Pred += o.Pred
	c.Found += o.Found
	c.Gold += o.Gold
}

// IssueTableScore holds the counts of an issue table's three measures.
type IssueTableScore struct {
	Issue, Party Counts
	Focus        FocusCounts
	// Misses lists what went wrong, for people reading a report.
	Misses []string
}

// Mean is the headline figure: the mean of issue, party-on-issue and focus F1.
func (s IssueTableScore) Mean() float64 { return (s.Issue.F1() + s.Party.F1() + s.Focus.F1()) / 3 }

// Add sums scores.
func (s *IssueTableScore) Add(o IssueTableScore) {
	s.Issue.Add(o.Issue)
	s.Party.Add(o.Party)
	s.Focus.Add(o.Focus)
	s.Misses = append(s.Misses, o.Misses...)
}

// ScoreIssueTable scores a predicted issue table against a gold one exactly as
// ../shared/data/issues/README.md says: issues match one to one, in gold
// order, on a shared content stem of the predicted label (or the place of
// its topic id) and the gold name; within a matched issue, parties match
// by country name; within a matched party, a predicted phrase is right when
// it shares a content stem with a gold phrase, and a gold phrase is found
// when a predicted one shares a stem with it.
func ScoreIssueTable(pred []PredIssue, gold []GoldIssueRow) IssueTableScore {
	var s IssueTableScore
	s.Issue = Counts{Pred: len(pred), Gold: len(gold)}
	for _, p := range pred {
		s.Party.Pred += len(p.Parties)
		for _, pp := range p.Parties {
			s.Focus.Pred += len(pp.Focus)
		}
	}
	for _, g := range gold {
		s.Party.Gold += len(g.Focus)
		for _, phrases := range g.Focus {
			s.Focus.Gold += len(phrases)
		}
	}
	used := make([]bool, len(pred))
	for _, g := range gold {
		gs := ContentStems(g.Issue)
		pi := -1
		for i, p := range pred {
			if !used[i] && (shareStem(ContentStems(p.Label), gs) || shareStem(ContentStems(topicPlace(p.Topic)), gs)) {
				pi = i
				break
			}
		}
		if pi < 0 {
			s.Misses = append(s.Misses, fmt.Sprintf("issue %q not found", g.Issue))
			continue
		}
		used[pi] = true
		s.Issue.TP++
		p := pred[pi]
		partyUsed := make([]bool, len(p.Parties))
		for _, name := range sortedKeys(g.Focus) {
			k := -1
			for j, pp := range p.Parties {
				if !partyUsed[j] && PartyName(pp.Name) == PartyName(name) {
					k = j
					break
				}
			}
			if k < 0 {
				s.Misses = append(s.Misses, fmt.Sprintf("%s: party %q not found", g.Issue, name))
				continue
			}
			partyUsed[k] = true
			s.Party.TP++
			focus := p.Parties[k].Focus
			goldStems := make([][]string, len(g.Focus[name]))
			for i, phrase := range g.Focus[name] {
				goldStems[i] = ContentStems(phrase)
			}
			predStems := make([][]string, len(focus))
			for i, phrase := range focus {
				predStems[i] = ContentStems(phrase)
				right := false
				for _, gs := range goldStems {
					right = right || shareStem(predStems[i], gs)
				}
				if right {
					s.Focus.Right++
				} else {
					s.Misses = append(s.Misses, fmt.Sprintf("%s, %s: focus %q is not in gold", g.Issue, name, phrase))
				}
			}
			for i, gs := range goldStems {
				found := false
				for _, ps := range predStems {
					found = found || shareStem(ps, gs)
				}
				if found {
					s.Focus.Found++
				} else {
					s.Misses = append(s.Misses, fmt.Sprintf("%s, %s: gold focus %q not found", g.Issue, name, g.Focus[name][i]))
				}
			}
		}
	}
	for i, p := range pred {
		if !used[i] {
			s.Misses = append(s.Misses, fmt.Sprintf("issue %q is not in gold", p.Label))
		}
	}
	return s
}

// topicPlace is the place of a place topic id ("place:Libya"), or "".
func topicPlace(topic string) string {
	place, ok := strings.CutPrefix(topic, "place:")
	if !ok {
		return ""
	}
	return place
}

// issueStopWords are left out of content stems, as the scoring rules say.
var issueStopWords = map[string]bool{
	"the": true, "of": true, "and": true, "a": true, "to": true, "in": true, "on": true, "for": true,
	"with": true, "its": true, "their": true, "his": true, "her": true, "by": true, "at": true,
	"issue": true, "issues": true, "talks": true, "relations": true, "situation": true,
	"matters": true, "role": true, "process": true, "policy": true,
}

// issueSuffixes are stripped, the first that fits, when 4 letters remain.
var issueSuffixes = []string{"ations", "ation", "ments", "ment", "ities", "ity", "ing", "ies", "es", "s", "al", "ed"}

// ContentStems are the words of s the scoring compares: lower-cased,
// accents removed, stop words and words under 3 letters dropped, and a
// common suffix stripped when 4 letters remain.
func ContentStems(s string) []string {
	words := strings.Fields(fold(s))
	var out []string
	for _, w := range words {
		if issueStopWords[w] || len([]rune(w)) < 3 {
			continue
		}
		for _, suf := range issueSuffixes {
			if stem, ok := strings.CutSuffix(w, suf); ok && len([]rune(stem)) >= 4 {
				w = stem
				break
			}
		}
		out = append(out, w)
	}
	return out
}

func shareStem(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// partyAliases are the country names the scoring takes as one.
var partyAliases = map[string]string{
	"us": "united states", "usa": "united states", "united states of america": "united states",
	"uk": "united kingdom", "britain": "united kingdom",
}

// PartyName is a party's name as the scoring compares it.
func PartyName(s string) string {
	s = fold(strings.ReplaceAll(s, ".", ""))
	if a, ok := partyAliases[s]; ok {
		return a
	}
	return s
}

// IssueTableReport is an IssueTableScore as JSON.
type IssueTableReport struct {
	Issue  LabelReport `json:"issue"`
	Party  LabelReport `json:"party_on_issue"`
	Focus  LabelReport `json:"focus"` // tp counts the right predictions
	Mean   float64     `json:"mean"`
	Misses []string    `json:"misses,omitempty"`
}

// Report returns the score as JSON-ready data.
func (s IssueTableScore) Report() IssueTableReport {
	return IssueTableReport{
		Issue: labelReport(s.Issue),
		Party: labelReport(s.Party),
		Focus: LabelReport{Precision: round4(s.Focus.Precision()), Recall: round4(s.Focus.Recall()), F1: round4(s.Focus.F1()),
			Gold: s.Focus.Gold, Pred: s.Focus.Pred, TP: s.Focus.Right},
		Mean:   round4(s.Mean()),
		Misses: s.Misses,
	}
}

// IssueTableSplit prints tune and check side by side, and their union.
func IssueTableSplit(all, tune, check IssueTableScore) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-16s %9s %9s %9s\n", "F1", "all", "tune", "check")
	for _, r := range []struct {
		name string
		f    func(IssueTableScore) float64
	}{
		{"issue", func(s IssueTableScore) float64 { return s.Issue.F1() }},
		{"party on issue", func(s IssueTableScore) float64 { return s.Party.F1() }},
		{"focus", func(s IssueTableScore) float64 { return s.Focus.F1() }},
		{"mean", IssueTableScore.Mean},
	} {
		fmt.Fprintf(&b, "%-16s %9.4f %9.4f %9.4f\n", r.name, r.f(all), r.f(tune), r.f(check))
	}
	fmt.Fprintf(&b, "%-16s %9d %9d %9d\n", "gold issues", all.Issue.Gold, tune.Issue.Gold, check.Issue.Gold)
	return b.String()
}

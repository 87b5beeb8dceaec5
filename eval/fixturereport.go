package eval

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/readout/readout/pipeline"
)

// ReportSchema names the JSON shape of a fixtures report (and baseline).
const ReportSchema = "readout-eval/v1"

// FixturesReport is the report of `readout eval --fixtures`: one entry per
// fixture and their micro-averaged sum. It is also the baseline format.
type FixturesReport struct {
	Schema   string          `json:"schema"`
	Fixtures []FixtureReport `json:"fixtures"`
	Overall  FixtureReport   `json:"overall"`
	Failures []string        `json:"failures,omitempty"` // thresholds and regressions of the run
}

// FixtureReport is a FixtureScore as JSON; absent parts were not scored.
type FixtureReport struct {
	Name         string                `json:"name"`
	TextSHA256   string                `json:"text_sha256,omitempty"`
	Status       string                `json:"status,omitempty"` // the record's: ok or partial
	Errors       []pipeline.StageError `json:"errors,omitempty"`
	Entities     *Report               `json:"entities,omitempty"`
	NotEntities  *AccuracyReport       `json:"not_entities,omitempty"`
	Participants *ParticipantReport    `json:"participants,omitempty"`
	Topics       *AccuracyReport       `json:"topics,omitempty"`
	Kinds        *AccuracyReport       `json:"kinds,omitempty"`
	Issues       *IssueReport          `json:"issues,omitempty"`
	Misses       []string              `json:"misses,omitempty"`
}

// AccuracyReport is an Accuracy as JSON.
type AccuracyReport struct {
	Accuracy float64 `json:"accuracy"`
	Correct  int     `json:"correct"`
	Total    int     `json:"total"`
}

// IssueReport is an IssueScore as JSON.
type IssueReport struct {
	Found   LabelReport `json:"found"`
	Parties LabelReport `json:"parties"`
	Focus   LabelReport `json:"focus"`
}

func accReport(a *Accuracy) *AccuracyReport {
	if a == nil {
		return nil
	}
	return &AccuracyReport{Accuracy: round4(a.Value()), Correct: a.Correct, Total: a.Total}
}

// Report returns the score as JSON-ready data named name.
func (s FixtureScore) Report(name string) FixtureReport {
	r := FixtureReport{
		Name:        name,
		NotEntities: accReport(s.NotEntities),
		Topics:      accReport(s.Topics),
		Kinds:       accReport(s.Kinds),
		Misses:      append([]string{}, s.Misses...),
	}
	if s.Entities != nil {
		e := s.Entities.Report()
		r.Entities = &e
	}
	if s.Participants != nil {
		p := s.Participants.Report()
		r.Participants = &p
	}
	if s.Issues != nil {
		r.Issues = &IssueReport{Found: labelReport(s.Issues.Found), Parties: labelReport(s.Issues.Parties), Focus: labelReport(s.Issues.Focus)}
	}
	return r
}

// Metrics flattens a report into named values where higher is better; the
// names are what thresholds and baselines talk about.
func (r FixtureReport) Metrics() map[string]float64 {
	m := map[string]float64{}
	if e := r.Entities; e != nil {
		m["entities.precision"] = e.Overall.Precision
		m["entities.recall"] = e.Overall.Recall
		m["entities.f1"] = e.Overall.F1
		for l, c := range e.Labels {
			if c.Gold > 0 || c.Pred > 0 {
				m["entities."+l+".f1"] = c.F1
			}
		}
	}
	if a := r.NotEntities; a != nil && a.Total > 0 {
		m["not_entities.accuracy"] = a.Accuracy
	}
	if p := r.Participants; p != nil {
		for name, c := range map[string]LabelReport{"name": p.Name, "role": p.Role, "country": p.Country, "organization": p.Organization, "triple": p.Triple} {
			if c.Gold > 0 || c.Pred > 0 {
				m["participants."+name+".f1"] = c.F1
			}
		}
	}
	if a := r.Topics; a != nil && a.Total > 0 {
		m["topics.accuracy"] = a.Accuracy
	}
	if a := r.Kinds; a != nil && a.Total > 0 {
		m["kinds.accuracy"] = a.Accuracy
	}
	if is := r.Issues; is != nil && is.Found.Gold > 0 {
		m["issues.recall"] = is.Found.Recall
		m["issues.parties.f1"] = is.Parties.F1
		if is.Focus.Gold > 0 {
			m["issues.focus.recall"] = is.Focus.Recall
		}
	}
	return m
}

// Regression is a metric that dropped from a baseline by more than the
// tolerance (or disappeared: Now is NaN).
type Regression struct {
	Fixture string  `json:"fixture"` // "overall" for the sum
	Metric  string  `json:"metric"`
	Was     float64 `json:"was"`
	Now     float64 `json:"now"`
}

func (r Regression) String() string {
	if math.IsNaN(r.Now) {
		if r.Metric == "" {
			return fmt.Sprintf("%s: fixture missing (was in the baseline)", r.Fixture)
		}
		return fmt.Sprintf("%s: %s no longer scored (was %.4f)", r.Fixture, r.Metric, r.Was)
	}
	return fmt.Sprintf("%s: %s %.4f -> %.4f (%+.4f)", r.Fixture, r.Metric, r.Was, r.Now, r.Now-r.Was)
}

// Compare lists what dropped from base to cur by more than tolerance, per
// fixture and overall. Fixtures new in cur are not regressions.
func Compare(base, cur FixturesReport, tolerance float64) []Regression {
	var out []Regression
	now := map[string]FixtureReport{}
	for _, f := range cur.Fixtures {
		now[f.Name] = f
	}
	compare := func(b, c FixtureReport) {
		cm := c.Metrics()
		bm := b.Metrics()
		for _, k := range sortedKeys(bm) {
			v, ok := cm[k]
			switch {
			case !ok:
				out = append(out, Regression{b.Name, k, bm[k], math.NaN()})
			case bm[k]-v > tolerance:
				out = append(out, Regression{b.Name, k, bm[k], v})
			}
		}
	}
	for _, b := range base.Fixtures {
		c, ok := now[b.Name]
		if !ok {
			out = append(out, Regression{Fixture: b.Name, Now: math.NaN()})
			continue
		}
		compare(b, c)
	}
	b, c := base.Overall, cur.Overall
	b.Name, c.Name = "overall", "overall"
	compare(b, c)
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// Markdown renders the report for CI logs and pull-request comments: one row
// per fixture, then the overall entity and participant tables, then what
// failed. A dash marks what a fixture's gold does not score. checks names
// what the report was held against (a baseline, thresholds).
func (r FixturesReport) Markdown(checks, failures []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## readout eval: %d fixtures\n\n", len(r.Fixtures))
	b.WriteString("| fixture | entity F1 | name F1 | triple F1 | topic acc | issues found | parties F1 | focus R |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|\n")
	row := func(f FixtureReport, name string) {
		m := f.Metrics()
		cell := func(k string) string {
			if v, ok := m[k]; ok {
				return fmt.Sprintf("%.3f", v)
			}
			return "–"
		}
		found := "–"
		if f.Issues != nil && f.Issues.Found.Gold > 0 {
			found = fmt.Sprintf("%d/%d", f.Issues.Found.TP, f.Issues.Found.Gold)
		}
		if len(f.Errors) > 0 {
			name += " ⚠ " + f.Status
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", name,
			cell("entities.f1"), cell("participants.name.f1"), cell("participants.triple.f1"),
			cell("topics.accuracy"), found, cell("issues.parties.f1"), cell("issues.focus.recall"))
	}
	for _, f := range r.Fixtures {
		row(f, "`"+f.Name+"`")
	}
	row(r.Overall, "**overall**")
	if e := r.Overall.Entities; e != nil {
		b.WriteString("\n### Entities by label (overall, distinct strings)\n\n")
		b.WriteString("| label | precision | recall | F1 | gold | pred |\n|---|---:|---:|---:|---:|---:|\n")
		for _, l := range sortedKeys(e.Labels) {
			c := e.Labels[l]
			fmt.Fprintf(&b, "| %s | %.3f | %.3f | %.3f | %d | %d |\n", l, c.Precision, c.Recall, c.F1, c.Gold, c.Pred)
		}
		c := e.Overall
		fmt.Fprintf(&b, "| **all** | %.3f | %.3f | %.3f | %d | %d |\n", c.Precision, c.Recall, c.F1, c.Gold, c.Pred)
	}
	if p := r.Overall.Participants; p != nil {
		b.WriteString("\n### Participants (overall)\n\n")
		b.WriteString("| field | precision | recall | F1 | gold | pred |\n|---|---:|---:|---:|---:|---:|\n")
		for _, f := range []struct {
			name string
			c    LabelReport
		}{{"name", p.Name}, {"role", p.Role}, {"country", p.Country}, {"organization", p.Organization}, {"triple", p.Triple}} {
			fmt.Fprintf(&b, "| %s | %.3f | %.3f | %.3f | %d | %d |\n", f.name, f.c.Precision, f.c.Recall, f.c.F1, f.c.Gold, f.c.Pred)
		}
	}
	if t := r.Overall.Topics; t != nil {
		fmt.Fprintf(&b, "\nParagraph topics: %d/%d correct (%.3f)", t.Correct, t.Total, t.Accuracy)
		if k := r.Overall.Kinds; k != nil {
			fmt.Fprintf(&b, "; paragraph kinds: %d/%d (%.3f)", k.Correct, k.Total, k.Accuracy)
		}
		b.WriteString(".\n")
	}
	switch {
	case len(failures) > 0:
		fmt.Fprintf(&b, "\n### ❌ Failed (%d) against %s\n\n", len(failures), strings.Join(checks, ", "))
		for _, f := range failures {
			b.WriteString("- " + f + "\n")
		}
	case len(checks) > 0:
		fmt.Fprintf(&b, "\n✅ Passed: %s.\n", strings.Join(checks, ", "))
	}
	return b.String()
}

// Package eval scores readout's output against gold annotations.
package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"unicode"

	"github.com/readout/readout/pipeline"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// GoldPerson is one person in a gold file (the format of
// ../shared/data/articles/README.md).
type GoldPerson struct {
	Name         string   `json:"name"`
	Aliases      []string `json:"aliases"`
	Role         *string  `json:"role"`
	Country      *string  `json:"country"`
	Organization *string  `json:"organization"`
}

// Gold is a gold annotation file.
type Gold struct {
	File          string       `json:"file"`
	People        []GoldPerson `json:"people"`
	Places        []string     `json:"places"`
	Organizations []string     `json:"organizations"`
}

// ReadGold reads a gold JSON file.
func ReadGold(path string) (Gold, error) {
	var g Gold
	b, err := os.ReadFile(path)
	if err != nil {
		return g, err
	}
	return g, json.Unmarshal(b, &g)
}

// Person is a predicted participant, reduced to what is scored.
type Person struct {
	Name         string
	Aliases      []string
	Role         string
	Country      string
	Organization string
}

// PeopleOf reduces participants to what is scored.
func PeopleOf(ps []pipeline.Participant) []Person {
	out := make([]Person, 0, len(ps))
	for _, p := range ps {
		out = append(out, Person{Name: p.Name, Aliases: p.Aliases, Role: p.Role, Country: p.Country, Organization: p.Organization})
	}
	return out
}

// Counts are true positives, predictions and gold items of one field.
type Counts struct {
	TP, Pred, Gold int
}

func (c Counts) Precision() float64 { return ratio(c.TP, c.Pred) }
func (c Counts) Recall() float64    { return ratio(c.TP, c.Gold) }
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Add sums counts.
func (c *Counts) Add(o Counts) { c.TP += o.TP; c.Pred += o.Pred; c.Gold += o.Gold }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// ParticipantScore holds the counts of each scored field.
type ParticipantScore struct {
	Name, Role, Country, Organization, Triple Counts
	// Misses lists what went wrong, for people reading a report.
	Misses []string
}

// Add sums scores.
func (s *ParticipantScore) Add(o ParticipantScore) {
	s.Name.Add(o.Name)
	s.Role.Add(o.Role)
	s.Country.Add(o.Country)
	s.Organization.Add(o.Organization)
	s.Triple.Add(o.Triple)
	s.Misses = append(s.Misses, o.Misses...)
}

// ScoreParticipants scores predicted people against gold ones the way the
// held-out set is scored: names match ignoring case and diacritics (a gold
// alias matches too); a role matches when every word of the gold title is in
// the predicted one and nothing that changes the office is added; a country
// matches on its short name, and any country is accepted where gold has none
// (it then counts as neither a right nor a wrong prediction).
func ScoreParticipants(pred []Person, gold []GoldPerson) ParticipantScore {
	var s ParticipantScore
	s.Name = Counts{Pred: len(pred), Gold: len(gold)}
	s.Triple = s.Name
	used := make([]bool, len(pred))
	for _, g := range gold {
		if g.Role != nil {
			s.Role.Gold++
			if g.Country != nil {
				s.Country.Gold++
			}
		}
		if g.Organization != nil {
			s.Organization.Gold++
		}
	}
	for _, p := range pred {
		if p.Role != "" {
			s.Role.Pred++
		}
		if p.Country != "" {
			s.Country.Pred++
		}
		if p.Organization != "" {
			s.Organization.Pred++
		}
	}
	for _, g := range gold {
		pi := -1
		for i, p := range pred {
			if !used[i] && namesMatch(p, g) {
				pi = i
				break
			}
		}
		if pi < 0 {
			s.Misses = append(s.Misses, "missed person "+g.Name)
			continue
		}
		used[pi] = true
		p := pred[pi]
		s.Name.TP++
		roleOK := roleMatches(p.Role, g.Role)
		if roleOK && g.Role != nil {
			s.Role.TP++
		}
		if !roleOK {
			s.Misses = append(s.Misses, "role of "+g.Name+": got "+quote(p.Role)+", want "+quotePtr(g.Role))
		}
		countryOK := g.Country == nil || CountryName(p.Country) == CountryName(*g.Country)
		if g.Country == nil && p.Country != "" {
			s.Country.Pred-- // accepted, so neither right nor wrong
		}
		if g.Country != nil && countryOK && g.Role != nil {
			s.Country.TP++
		}
		if !countryOK {
			s.Misses = append(s.Misses, "country of "+g.Name+": got "+quote(p.Country)+", want "+quotePtr(g.Country))
		}
		if g.Organization != nil && fold(p.Organization) == fold(*g.Organization) {
			s.Organization.TP++
		}
		if roleOK && countryOK {
			s.Triple.TP++
		}
	}
	for i, p := range pred {
		if !used[i] {
			s.Misses = append(s.Misses, "extra person "+p.Name)
		}
	}
	return s
}

func quote(s string) string {
	if s == "" {
		return "null"
	}
	return `"` + s + `"`
}

func quotePtr(s *string) string {
	if s == nil {
		return "null"
	}
	return quote(*s)
}

func namesMatch(p Person, g GoldPerson) bool {
	gold := append([]string{g.Name}, g.Aliases...)
	for _, gn := range gold {
		if fold(p.Name) == fold(gn) {
			return true
		}
	}
	return false
}

// officeChangers are words that make a different office when added.
var officeChangers = map[string]bool{
	"deputy": true, "vice": true, "former": true, "acting": true, "prime": true,
	"interim": true, "assistant": true, "under": true, "shadow": true, "first": true, "ex": true,
}

func roleMatches(pred string, gold *string) bool {
	if gold == nil {
		return pred == ""
	}
	pw, gw := roleWords(pred), roleWords(*gold)
	have := map[string]bool{}
	for _, w := range pw {
		have[w] = true
	}
	need := map[string]bool{}
	for _, w := range gw {
		need[w] = true
		if !have[w] {
			return false
		}
	}
	for _, w := range pw {
		if officeChangers[w] && !need[w] {
			return false
		}
	}
	return len(gw) > 0
}

// roleWords normalises a title into words: "Minister of Foreign Affairs" is
// "Foreign Minister", "chief" is "head", "spokesman" is "spokesperson".
func roleWords(r string) []string {
	r = strings.ToLower(r)
	r = strings.ReplaceAll(r, "minister of foreign affairs", "foreign minister")
	r = strings.ReplaceAll(r, "-", " ")
	var out []string
	for _, w := range strings.Fields(r) {
		switch w {
		case "chief":
			w = "head"
		case "spokesman", "spokeswoman":
			w = "spokesperson"
		case "of", "the", "for", "and", "to", "in":
			continue
		}
		out = append(out, w)
	}
	return out
}

// CountryName maps the ways a country is written to its short English name.
func CountryName(s string) string {
	switch f := fold(s); f {
	case "us", "usa", "u s", "united states of america", "america", "united states":
		return "united states"
	case "uk", "u k", "britain", "great britain", "united kingdom":
		return "united kingdom"
	case "islamic republic of iran":
		return "iran"
	case "russian federation":
		return "russia"
	default:
		return f
	}
}

// fold lower-cases and strips diacritics and punctuation.
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, _ := transform.String(t, s)
	var b strings.Builder
	for _, r := range strings.ToLower(out) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '.':
			b.WriteRune(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// ParticipantReport is a ParticipantScore as JSON.
type ParticipantReport struct {
	Name         LabelReport `json:"name"`
	Role         LabelReport `json:"role"`
	Country      LabelReport `json:"country"`
	Organization LabelReport `json:"organization"`
	Triple       LabelReport `json:"triple"`
	Misses       []string    `json:"misses"`
}

// Report returns the score as JSON-ready data.
func (s ParticipantScore) Report() ParticipantReport {
	return ParticipantReport{
		Name: labelReport(s.Name), Role: labelReport(s.Role), Country: labelReport(s.Country),
		Organization: labelReport(s.Organization), Triple: labelReport(s.Triple),
		Misses: append([]string{}, s.Misses...),
	}
}

// Table renders the score as an aligned text table.
func (s ParticipantScore) Table() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-14s %9s %9s %9s %7s %7s\n", "field", "precision", "recall", "f1", "gold", "pred")
	for _, r := range []struct {
		name string
		c    Counts
	}{{"name", s.Name}, {"role", s.Role}, {"country", s.Country}, {"organization", s.Organization}, {"triple", s.Triple}} {
		fmt.Fprintf(&b, "%-14s %9.4f %9.4f %9.4f %7d %7d\n", r.name, r.c.Precision(), r.c.Recall(), r.c.F1(), r.c.Gold, r.c.Pred)
	}
	return b.String()
}

// SplitTable renders the F1 of each field on the tune and check parts side
// by side.
func SplitTable(tune, check ParticipantScore) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-14s %9s %9s\n", "F1", "tune", "check")
	for _, r := range []struct {
		name        string
		tune, check Counts
	}{{"name", tune.Name, check.Name}, {"role", tune.Role, check.Role}, {"country", tune.Country, check.Country},
		{"organization", tune.Organization, check.Organization}, {"triple", tune.Triple, check.Triple}} {
		fmt.Fprintf(&b, "%-14s %9.4f %9.4f\n", r.name, r.tune.F1(), r.check.F1())
	}
	fmt.Fprintf(&b, "%-14s %9d %9d\n", "gold people", tune.Name.Gold, check.Name.Gold)
	return b.String()
}

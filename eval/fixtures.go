package eval

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/readout/readout/pipeline"
)

// FixtureSchema names the fixture gold format (schema/fixture.v1.schema.json).
const FixtureSchema = "readout-fixture/v1"

// GoldEntity is one distinct entity string of a fixture and its label.
type GoldEntity struct {
	Text    string `json:"text"`
	Label   string `json:"label"`
	Subtype string `json:"subtype,omitempty"`
}

// GoldParagraph is one paragraph's kind and primary topic. Starts (the
// paragraph's first words) lets the scorer find the paragraph when the
// segmentation has shifted the indexes.
type GoldParagraph struct {
	Index  int    `json:"index"`
	Kind   string `json:"kind,omitempty"`
	Topic  string `json:"topic"`
	Starts string `json:"starts,omitempty"`
}

// GoldIssue is one row of the issue table: the issue, its parties and what
// each focuses on (phrases; a predicted focus matches when it shares a word).
type GoldIssue struct {
	Label   string              `json:"label"`
	Parties []string            `json:"parties"`
	Focus   map[string][]string `json:"focus,omitempty"`
}

// GoldTable is a pipe table in the text, as cell strings.
type GoldTable struct {
	Header []string   `json:"header"`
	Rows   [][]string `json:"rows"`
}

// FixtureSource says where a fixture's text comes from, for attribution.
type FixtureSource struct {
	Title   string `json:"title,omitempty"`
	URL     string `json:"url,omitempty"`
	License string `json:"license,omitempty"`
	Credit  string `json:"credit,omitempty"`
}

// FixtureGold is a fixture's gold file. Gold (people, places,
// organizations) is the development articles' format; the rest extends it.
// A field left out is not scored: nil slices mean "not annotated", while an
// empty list means "there are none" and every prediction counts against it.
type FixtureGold struct {
	Schema     string         `json:"schema,omitempty"`
	TextPath   string         `json:"text_path,omitempty"`
	TextSHA256 string         `json:"text_sha256,omitempty"`
	Source     *FixtureSource `json:"source,omitempty"`
	Gold
	Entities    []GoldEntity    `json:"entities,omitempty"`
	NotEntities []string        `json:"not_entities,omitempty"`
	Paragraphs  []GoldParagraph `json:"paragraphs,omitempty"`
	Issues      []GoldIssue     `json:"issues,omitempty"`
	Tables      []GoldTable     `json:"tables,omitempty"`
	Notes       string          `json:"notes,omitempty"`
}

// Fixture is one article with its gold annotations.
type Fixture struct {
	Name     string // file name without .gold.json (or .json)
	GoldPath string
	TextPath string
	Text     string
	Gold     FixtureGold
}

// ReadFixtureGold reads a gold file strictly: an unknown key is an error,
// because a misspelt field would otherwise silently go unscored.
func ReadFixtureGold(path string) (FixtureGold, error) {
	var g FixtureGold
	b, err := os.ReadFile(path)
	if err != nil {
		return g, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&g); err != nil {
		return g, fmt.Errorf("%s: %w", path, err)
	}
	if g.Schema != "" && g.Schema != FixtureSchema {
		return g, fmt.Errorf("%s: schema %q, want %q", path, g.Schema, FixtureSchema)
	}
	return g, checkGold(path, g)
}

var (
	entityLabels   = map[string]bool{pipeline.Person: true, pipeline.Place: true, pipeline.Org: true, pipeline.NORP: true}
	paragraphKinds = map[string]bool{"heading": true, "text": true, "list_item": true, "table_row": true}
)

func checkGold(path string, g FixtureGold) error {
	var errs []error
	for _, e := range g.Entities {
		if !entityLabels[e.Label] {
			errs = append(errs, fmt.Errorf("%s: entity %q: unknown label %q", path, e.Text, e.Label))
		}
	}
	for _, p := range g.Paragraphs {
		if p.Kind != "" && !paragraphKinds[p.Kind] {
			errs = append(errs, fmt.Errorf("%s: paragraph %d: unknown kind %q", path, p.Index, p.Kind))
		}
		if p.Topic == "" {
			errs = append(errs, fmt.Errorf("%s: paragraph %d: no topic", path, p.Index))
		}
	}
	return errors.Join(errs...)
}

// LoadFixtures reads every fixture in dir, sorted by name: NAME.gold.json
// with its text in NAME.txt beside it or at its text_path (relative to the
// gold file), and, in the development articles' layout, NAME.json beside
// NAME.txt. Other .json files (a baseline report) are ignored.
func LoadFixtures(dir string) ([]Fixture, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []Fixture
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".json") {
			continue
		}
		name := strings.TrimSuffix(n, ".gold.json")
		if name == n {
			name = strings.TrimSuffix(n, ".json")
			if _, err := os.Stat(filepath.Join(dir, name+".txt")); err != nil {
				continue // not a fixture
			}
		}
		f, err := loadFixture(dir, name, filepath.Join(dir, n))
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no fixtures (NAME.gold.json, or NAME.json beside NAME.txt) in %s", dir)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	for i := 1; i < len(out); i++ {
		if out[i].Name == out[i-1].Name {
			return nil, fmt.Errorf("%s: two gold files for fixture %s", dir, out[i].Name)
		}
	}
	return out, nil
}

func loadFixture(dir, name, goldPath string) (Fixture, error) {
	g, err := ReadFixtureGold(goldPath)
	if err != nil {
		return Fixture{}, err
	}
	textPath := filepath.Join(dir, name+".txt")
	if g.TextPath != "" {
		textPath = g.TextPath
		if !filepath.IsAbs(textPath) {
			textPath = filepath.Join(dir, textPath)
		}
	}
	b, err := os.ReadFile(textPath)
	if errors.Is(err, fs.ErrNotExist) {
		return Fixture{}, fmt.Errorf("%s: text %s not found", goldPath, textPath)
	}
	if err != nil {
		return Fixture{}, err
	}
	if !utf8.Valid(b) {
		return Fixture{}, fmt.Errorf("%s: text %s is not UTF-8", goldPath, textPath)
	}
	// A text kept outside can change under the gold; the hash catches it.
	if g.TextSHA256 != "" {
		if sum := SHA256(string(b)); sum != g.TextSHA256 {
			return Fixture{}, fmt.Errorf("%s: text %s has sha256 %s, the gold was written for %s", goldPath, textPath, sum, g.TextSHA256)
		}
	}
	return Fixture{Name: name, GoldPath: goldPath, TextPath: textPath, Text: string(b), Gold: g}, nil
}

// SHA256 is the lower-case hex SHA-256 of s, as in a record's text_sha256.
func SHA256(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// Accuracy counts correct items out of those scored.
type Accuracy struct {
	Correct, Total int
}

func (a Accuracy) Value() float64 { return ratio(a.Correct, a.Total) }

func (a *Accuracy) Add(o Accuracy) { a.Correct += o.Correct; a.Total += o.Total }

// IssueScore scores the issue table: gold issues found (matched on label
// or topic id), the parties of each, and focus phrases sharing a word with
// the gold ones. Pred of Found counts every predicted issue, thematic ones
// included, so only its recall is meaningful.
type IssueScore struct {
	Found, Parties, Focus Counts
}

func (s *IssueScore) Add(o IssueScore) {
	s.Found.Add(o.Found)
	s.Parties.Add(o.Parties)
	s.Focus.Add(o.Focus)
}

// FixtureScore is the score of one fixture (or a sum of them). A nil part
// was not scored: the gold does not annotate it.
type FixtureScore struct {
	Entities     *SpanScore
	NotEntities  *Accuracy // not_entities words kept out of every entity
	Participants *ParticipantScore
	Topics       *Accuracy // paragraph primary topic
	Kinds        *Accuracy // paragraph kind
	Issues       *IssueScore
	Misses       []string // entities, topics and issues; participants keep theirs
}

// Add sums scores, part by part.
func (s *FixtureScore) Add(o FixtureScore) {
	if o.Entities != nil {
		if s.Entities == nil {
			s.Entities = &SpanScore{Labels: map[string]*Counts{}}
		}
		for l, c := range o.Entities.Labels {
			if s.Entities.Labels[l] == nil {
				s.Entities.Labels[l] = &Counts{}
			}
			s.Entities.Labels[l].Add(*c)
		}
		s.Entities.Overall.Add(o.Entities.Overall)
	}
	addAcc := func(dst **Accuracy, src *Accuracy) {
		if src == nil {
			return
		}
		if *dst == nil {
			*dst = &Accuracy{}
		}
		(*dst).Add(*src)
	}
	addAcc(&s.NotEntities, o.NotEntities)
	addAcc(&s.Topics, o.Topics)
	addAcc(&s.Kinds, o.Kinds)
	if o.Participants != nil {
		if s.Participants == nil {
			s.Participants = &ParticipantScore{}
		}
		s.Participants.Add(*o.Participants)
	}
	if o.Issues != nil {
		if s.Issues == nil {
			s.Issues = &IssueScore{}
		}
		s.Issues.Add(*o.Issues)
	}
	s.Misses = append(s.Misses, o.Misses...)
}

// ScoreFixture scores an annotated document against a fixture's gold.
func ScoreFixture(g FixtureGold, d *pipeline.Doc) FixtureScore {
	var s FixtureScore
	switch {
	case g.Entities != nil:
		s.Entities = scoreEntities(g.Entities, d, &s.Misses)
	case g.People != nil || g.Places != nil || g.Organizations != nil:
		s.Entities = scoreNameLists(g.Gold, d, &s.Misses)
	}
	if g.NotEntities != nil {
		s.NotEntities = scoreNotEntities(g.NotEntities, d, &s.Misses)
	}
	if g.People != nil {
		ps := ScoreParticipants(PeopleOf(d.Participants), g.People)
		s.Participants = &ps
	}
	if g.Paragraphs != nil {
		s.Topics, s.Kinds = scoreParagraphs(g.Paragraphs, d, &s.Misses)
	}
	if g.Issues != nil {
		is := scoreIssues(g.Issues, d, &s.Misses)
		s.Issues = &is
	}
	return s
}

type textLabel struct{ text, label string }

// scoreEntities compares the set of distinct (text, label) pairs.
func scoreEntities(gold []GoldEntity, d *pipeline.Doc, misses *[]string) *SpanScore {
	s := &SpanScore{Labels: map[string]*Counts{}}
	count := func(l string) *Counts {
		if s.Labels[l] == nil {
			s.Labels[l] = &Counts{}
		}
		return s.Labels[l]
	}
	want := map[textLabel]bool{}
	for _, g := range gold {
		k := textLabel{g.Text, g.Label}
		if !want[k] {
			want[k] = true
			count(g.Label).Gold++
			s.Overall.Gold++
		}
	}
	got := map[textLabel]bool{}
	for _, e := range d.Entities {
		k := textLabel{e.Text, e.Label}
		if got[k] {
			continue
		}
		got[k] = true
		count(e.Label).Pred++
		s.Overall.Pred++
		if want[k] {
			count(e.Label).TP++
			s.Overall.TP++
		} else {
			*misses = append(*misses, fmt.Sprintf("extra entity %q %s", e.Text, e.Label))
		}
	}
	for _, g := range gold {
		if k := (textLabel{g.Text, g.Label}); !got[k] {
			got[k] = true // report once
			*misses = append(*misses, fmt.Sprintf("missed entity %q %s", g.Text, g.Label))
		}
	}
	return s
}

// scoreNameLists scores the articles format: places are PLACE,
// organizations ORG, people PERSON. A gold item is a group of equivalent
// strings (a person's name and aliases); a predicted entity matches it on
// its text or canonical name, ignoring case and diacritics, and predictions
// of one item count once ("Trump" and "Donald Trump" are one person).
func scoreNameLists(g Gold, d *pipeline.Doc, misses *[]string) *SpanScore {
	type group struct {
		label string
		forms []string
	}
	var groups []group
	for _, p := range g.Places {
		groups = append(groups, group{pipeline.Place, []string{p}})
	}
	for _, o := range g.Organizations {
		groups = append(groups, group{pipeline.Org, []string{o}})
	}
	for _, p := range g.People {
		groups = append(groups, group{pipeline.Person, append([]string{p.Name}, p.Aliases...)})
	}
	s := &SpanScore{Labels: map[string]*Counts{}}
	for _, l := range []string{pipeline.Person, pipeline.Place, pipeline.Org} {
		s.Labels[l] = &Counts{}
	}
	index := map[textLabel]int{} // folded form -> group
	for i, gr := range groups {
		s.Labels[gr.label].Gold++
		s.Overall.Gold++
		for _, f := range gr.forms {
			k := textLabel{fold(f), gr.label}
			if _, dup := index[k]; !dup {
				index[k] = i
			}
		}
	}
	hit := make([]bool, len(groups))
	seen := map[string]bool{} // prediction keys: a group or an unmatched string
	for _, e := range d.Entities {
		c := s.Labels[e.Label]
		if c == nil {
			continue // NORP: the format has no gold for it
		}
		gi, ok := index[textLabel{fold(e.Text), e.Label}]
		if !ok && e.Canonical != "" {
			gi, ok = index[textLabel{fold(e.Canonical), e.Label}]
		}
		key := e.Label + "\x00" + fold(e.Text)
		if ok {
			key = fmt.Sprint("group", gi)
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		c.Pred++
		s.Overall.Pred++
		if ok {
			hit[gi] = true
			c.TP++
			s.Overall.TP++
		} else {
			*misses = append(*misses, fmt.Sprintf("extra entity %q %s", e.Text, e.Label))
		}
	}
	for i, gr := range groups {
		if !hit[i] {
			*misses = append(*misses, fmt.Sprintf("missed entity %q %s", gr.forms[0], gr.label))
		}
	}
	return s
}

// scoreNotEntities counts the words that no entity contains.
func scoreNotEntities(words []string, d *pipeline.Doc, misses *[]string) *Accuracy {
	a := &Accuracy{Total: len(words)}
	for _, w := range words {
		clean := true
		for _, e := range d.Entities {
			if strings.Contains(e.Text, w) {
				clean = false
				*misses = append(*misses, fmt.Sprintf("%q is part of entity %q %s", w, e.Text, e.Label))
				break
			}
		}
		if clean {
			a.Correct++
		}
	}
	return a
}

// scoreParagraphs scores each gold paragraph's primary topic and kind. The
// paragraph is the one at the gold index, or, when Starts says that one is
// another paragraph, the first that starts with Starts.
func scoreParagraphs(gold []GoldParagraph, d *pipeline.Doc, misses *[]string) (topics, kinds *Accuracy) {
	topics, kinds = &Accuracy{}, &Accuracy{}
	startsWith := func(i int, prefix string) bool {
		p := d.Paragraphs[i]
		return strings.HasPrefix(d.Text[p.Start:p.End], prefix)
	}
	for _, gp := range gold {
		topics.Total++
		if gp.Kind != "" {
			kinds.Total++
		}
		pi := gp.Index
		if pi < 0 || pi >= len(d.Paragraphs) || (gp.Starts != "" && !startsWith(pi, gp.Starts)) {
			pi = -1
			for i := range d.Paragraphs {
				if gp.Starts != "" && startsWith(i, gp.Starts) {
					pi = i
					break
				}
			}
		}
		if pi < 0 {
			*misses = append(*misses, fmt.Sprintf("paragraph %d %q not found", gp.Index, gp.Starts))
			continue
		}
		p := d.Paragraphs[pi]
		if gp.Kind != "" {
			if string(p.Kind) == gp.Kind {
				kinds.Correct++
			} else {
				*misses = append(*misses, fmt.Sprintf("paragraph %d %q: kind %s, want %s", gp.Index, gp.Starts, p.Kind, gp.Kind))
			}
		}
		got := "none"
		if len(p.Topics) > 0 {
			top := p.Topics[0]
			if top.Topic == gp.Topic || strings.EqualFold(top.Label, gp.Topic) {
				topics.Correct++
				continue
			}
			got = top.Topic
		}
		*misses = append(*misses, fmt.Sprintf("paragraph %d %q: topic %s, want %s", gp.Index, gp.Starts, got, gp.Topic))
	}
	return topics, kinds
}

func scoreIssues(gold []GoldIssue, d *pipeline.Doc, misses *[]string) IssueScore {
	s := IssueScore{Found: Counts{Pred: len(d.Issues), Gold: len(gold)}}
	for _, gi := range gold {
		s.Parties.Gold += len(gi.Parties)
		for _, fs := range gi.Focus {
			s.Focus.Gold += len(fs)
		}
		var is *pipeline.Issue
		for i := range d.Issues {
			if strings.EqualFold(d.Issues[i].Label, gi.Label) || d.Issues[i].Topic == gi.Label {
				is = &d.Issues[i]
				break
			}
		}
		if is == nil {
			*misses = append(*misses, "missed issue "+gi.Label)
			continue
		}
		s.Found.TP++
		s.Parties.Pred += len(is.Parties)
		for _, name := range gi.Parties {
			var party *pipeline.Party
			for i := range is.Parties {
				if fold(is.Parties[i].Name) == fold(name) {
					party = &is.Parties[i]
				}
			}
			if party == nil {
				*misses = append(*misses, fmt.Sprintf("issue %s: missed party %s", gi.Label, name))
				continue
			}
			s.Parties.TP++
			for _, want := range gi.Focus[name] {
				if focusShares(party.Focus, want) {
					s.Focus.TP++
				} else {
					*misses = append(*misses, fmt.Sprintf("issue %s, %s: no focus phrase shares a word with %q", gi.Label, name, want))
				}
			}
		}
	}
	return s
}

// focusShares reports whether a predicted focus phrase has a word of want.
func focusShares(focus []pipeline.Span, want string) bool {
	words := map[string]bool{}
	for _, f := range focus {
		for _, w := range strings.Fields(fold(f.Text)) {
			words[w] = true
		}
	}
	for _, w := range strings.Fields(fold(want)) {
		if words[w] {
			return true
		}
	}
	return false
}

package extract

import (
	"context"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/readout/readout/pipeline"
)

// annotatePeople runs the stages that find people over text.
func annotatePeople(t *testing.T, text string) []pipeline.Participant {
	t.Helper()
	return runStages(t, text, "paragraphs", "tokens", "entities", "participants").Participants
}

// checkWant compares people with "Name | Role | Country | Organisation"
// lines: an empty field means none, a field left out is not checked.
func checkWant(t *testing.T, text string, got []pipeline.Participant, want []string) {
	t.Helper()
	for _, w := range want {
		f := strings.Split(w, "|")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		var p *pipeline.Participant
		for i := range got {
			if got[i].Name == f[0] {
				p = &got[i]
			}
		}
		if p == nil {
			var names []string
			for _, g := range got {
				names = append(names, g.Name)
			}
			t.Errorf("%q: no person %q (got %q)", text, f[0], names)
			continue
		}
		// A guess from the context is checked only where the want is one
		// ("Chile?", or "?" for none); elsewhere the country is the one
		// the text gives.
		country := p.Country
		switch {
		case len(f) > 2 && strings.HasSuffix(f[2], "?") && p.CountrySource != pipeline.CountryFromText:
			country += "?"
		case p.CountrySource == pipeline.CountryFromContext:
			country = ""
		}
		fields := []string{p.Role, country, p.Organization}
		labels := []string{"role", "country", "organisation"}
		for i := 1; i < len(f) && i <= 3; i++ {
			if fields[i-1] != f[i] {
				t.Errorf("%q: %s's %s is %q, want %q", text, f[0], labels[i-1], fields[i-1], f[i])
			}
		}
	}
}

// TestConstructionExamples runs every example sentence of the built-in
// rules file.
func TestConstructionExamples(t *testing.T) {
	g := defaultGazetteer(t)
	c, err := loadConstructions("", g.Titles())
	if err != nil {
		t.Fatal(err)
	}
	for _, ru := range c.rules {
		if len(ru.Examples) == 0 {
			t.Errorf("rule %q has no example", ru.Name)
		}
		t.Run(ru.Name, func(t *testing.T) {
			for _, ex := range ru.Examples {
				checkWant(t, ex.Text, annotatePeople(t, ex.Text), ex.Want)
			}
		})
	}
}

// bankItem is one sentence of the construction bank.
type bankItem struct {
	Text   string   `yaml:"text"`
	Want   []string `yaml:"want"`
	Absent []string `yaml:"absent"`
}

// TestConstructionBank runs the construction bank: invented sentences for
// each kind of construction in the participants issue, with near misses.
func TestConstructionBank(t *testing.T) {
	b, err := os.ReadFile("testdata/construction_bank.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var bank map[string][]bankItem
	if err := yaml.Unmarshal(b, &bank); err != nil {
		t.Fatal(err)
	}
	for _, cat := range slices.Sorted(maps.Keys(bank)) {
		items := bank[cat]
		if len(items) < 10 {
			t.Errorf("category %s has %d sentences, want at least 10", cat, len(items))
		}
		t.Run(cat, func(t *testing.T) {
			for _, it := range items {
				got := annotatePeople(t, it.Text)
				checkWant(t, it.Text, got, it.Want)
				if it.Want != nil && len(it.Want) == 0 && len(got) > 0 {
					t.Errorf("%q: want nobody, got %d people (%s first)", it.Text, len(got), got[0].Name)
				}
				for _, a := range it.Absent {
					for _, p := range got {
						if p.Name == a {
							t.Errorf("%q: %q is not a person", it.Text, a)
						}
					}
				}
			}
		})
	}
}

// TestRulePatternErrors checks that a rules file with a pattern the engine
// cannot read is refused with the reason, not read another way.
func TestRulePatternErrors(t *testing.T) {
	g := defaultGazetteer(t)
	for pattern, want := range map[string]string{
		"NAME , both|@count? ROLES": "a word class stands alone",
		"NAME , @nosuchclass ROLE":  "unknown word class @nosuchclass",
	} {
		var f ruleFile
		if err := yaml.Unmarshal(defaultConstructions, &f); err != nil {
			t.Fatal(err)
		}
		f.Rules = append(f.Rules, ruleSpec{Name: "bad", Pattern: pattern})
		b, err := yaml.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		path := t.TempDir() + "/rules.yaml"
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := loadConstructions(path, g.Titles()); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want one saying %q", pattern, err, want)
		}
	}
}

// TestUntaggedBodyEndsInCountry: a body's name the entity stage did not
// tag, except for the country that ends it ("Elder Care Ireland"), is the
// body of the post before it, country and all.
func TestUntaggedBodyEndsInCountry(t *testing.T) {
	text := `"It helps," said Ana Ruiz, director general of Elder Care Ireland.`
	d := runStages(t, text, "paragraphs", "tokens")
	at := func(s, label string) pipeline.Entity {
		i := strings.Index(text, s)
		return pipeline.Entity{Start: i, End: i + len(s), Text: s, Label: label, Canonical: s, Source: pipeline.SourceModel}
	}
	ireland := at("Ireland", pipeline.Place)
	ireland.Subtype, ireland.ID, ireland.Country = "country", "IE", "IE"
	d.Entities = []pipeline.Entity{at("Ana Ruiz", pipeline.Person), ireland}
	p, err := Registry().Build([]string{"participants"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Participants) != 1 || d.Participants[0].Role != "Director-General" || d.Participants[0].Organization != "Elder Care Ireland" {
		t.Errorf("got %+v, want Ana Ruiz, Director-General of Elder Care Ireland", d.Participants)
	}
}

// TestQuotedAtStart: a quotation of two sentences leaves the second open
// at its start, so that the speaker after its closing mark is outside it;
// a sentence that opens with a mark opens a new quotation, and a
// paragraph closes every one.
func TestQuotedAtStart(t *testing.T) {
	// Sentences as tokens, "|" between paragraphs.
	doc := func(sentences ...string) *pipeline.Doc {
		d := &pipeline.Doc{}
		para := 0
		for _, s := range sentences {
			if s == "|" {
				para++
				continue
			}
			si := len(d.Sentences)
			first := len(d.Tokens)
			for _, w := range strings.Fields(s) {
				d.Tokens = append(d.Tokens, pipeline.Token{Text: w, Sentence: si})
			}
			d.Sentences = append(d.Sentences, pipeline.Sentence{Paragraph: para, FirstToken: first, EndToken: len(d.Tokens)})
		}
		return d
	}
	for _, c := range []struct {
		d    *pipeline.Doc
		want []bool
	}{
		{doc(`" We kept going .`, `They will not accept it , " Ms Holt said .`, `She left .`), []bool{false, true, false}},
		{doc(`" I do not believe it .`, `" So I think it is over , " she said .`), []bool{false, false}},
		{doc(`" We kept going .`, `|`, `She left .`), []bool{false, false}},
		{doc(`“ We kept going .`, `They will not accept it , ” she said .`), []bool{false, true}},
	} {
		if got := quotedAtStart(c.d); !slices.Equal(got, c.want) {
			t.Errorf("%v: got %v, want %v", c.d.Tokens, got, c.want)
		}
	}
	d := doc(`" We kept going .`, `They will not accept it , " Ms Holt said .`)
	if k := 13; insideQuote(d, quotedAtStart(d), k) || d.Tokens[k].Text != "Holt" {
		t.Errorf("%q is inside a quotation", d.Tokens[k].Text)
	}
}

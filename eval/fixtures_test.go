package eval

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/readout/readout/pipeline"
)

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLoadFixtures(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "licensed.txt")
	write(t, outside, "Outside text.")
	write(t, filepath.Join(dir, "a.txt"), "Text A.")
	write(t, filepath.Join(dir, "a.gold.json"), `{"schema":"readout-fixture/v1","people":[]}`)
	write(t, filepath.Join(dir, "b.gold.json"), `{"text_path":"`+outside+`","text_sha256":"`+SHA256("Outside text.")+`","places":["X"]}`)
	write(t, filepath.Join(dir, "c.txt"), "Text C.")
	write(t, filepath.Join(dir, "c.json"), `{"file":"c.txt","people":[],"places":[],"organizations":[],"notes":""}`)
	write(t, filepath.Join(dir, "baseline.json"), `{"schema":"readout-eval/v1"}`) // no baseline.txt: not a fixture

	fs, err := LoadFixtures(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names, texts []string
	for _, f := range fs {
		names = append(names, f.Name)
		texts = append(texts, f.Text)
	}
	if want := []string{"a", "b", "c"}; !reflect.DeepEqual(names, want) {
		t.Fatalf("fixtures %q, want %q", names, want)
	}
	if want := []string{"Text A.", "Outside text.", "Text C."}; !reflect.DeepEqual(texts, want) {
		t.Errorf("texts %q, want %q", texts, want)
	}
	// Absent lists are not scored; an empty one is.
	if fs[0].Gold.People == nil || fs[0].Gold.Places != nil || fs[0].Gold.Paragraphs != nil {
		t.Errorf("a: people %v places %v paragraphs %v: want [] nil nil", fs[0].Gold.People, fs[0].Gold.Places, fs[0].Gold.Paragraphs)
	}
}

func TestLoadFixturesErrors(t *testing.T) {
	tests := []struct {
		name, gold, want string
	}{
		{"unknown key", `{"peple":[]}`, `unknown field "peple"`},
		{"wrong schema", `{"schema":"readout-fixture/v9"}`, "schema"},
		{"bad label", `{"entities":[{"text":"X","label":"GPE"}]}`, `unknown label "GPE"`},
		{"bad kind", `{"paragraphs":[{"index":0,"topic":"x","kind":"para"}]}`, `unknown kind "para"`},
		{"changed text", `{"text_sha256":"` + strings.Repeat("0", 64) + `"}`, "the gold was written for"},
		{"missing text", `{"text_path":"nowhere.txt"}`, "not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, filepath.Join(dir, "x.txt"), "Some text.")
			write(t, filepath.Join(dir, "x.gold.json"), tt.gold)
			_, err := LoadFixtures(dir)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
	if _, err := LoadFixtures(t.TempDir()); err == nil {
		t.Error("an empty folder loads without error")
	}
}

// doc builds a Doc with entities found by their text (first occurrence).
func doc(text string, ents ...[2]string) *pipeline.Doc {
	d := pipeline.NewDoc("t", text)
	for _, e := range ents {
		i := strings.Index(text, e[0])
		d.Entities = append(d.Entities, pipeline.Entity{Start: i, End: i + len(e[0]), Text: e[0], Label: e[1], Canonical: e[0]})
	}
	return d
}

func TestScoreEntitiesExact(t *testing.T) {
	d := doc("Egypt and Russia met. Lavrov spoke. Cairo is big. Egypt again.",
		[2]string{"Egypt", "PLACE"}, [2]string{"Russia", "ORG"}, [2]string{"Lavrov", "PERSON"}, [2]string{"Egypt", "PLACE"})
	g := FixtureGold{Entities: []GoldEntity{{"Egypt", "PLACE", "country"}, {"Russia", "PLACE", ""}, {"Cairo", "PLACE", "city"}, {"Lavrov", "PERSON", ""}}}
	s := ScoreFixture(g, d)
	place, org, person := *s.Entities.Labels["PLACE"], *s.Entities.Labels["ORG"], *s.Entities.Labels["PERSON"]
	// Egypt counts once although found twice; Russia is mislabelled.
	if want := (Counts{TP: 1, Pred: 1, Gold: 3}); place != want {
		t.Errorf("PLACE %+v, want %+v", place, want)
	}
	if want := (Counts{TP: 0, Pred: 1, Gold: 0}); org != want {
		t.Errorf("ORG %+v, want %+v", org, want)
	}
	if want := (Counts{TP: 1, Pred: 1, Gold: 1}); person != want {
		t.Errorf("PERSON %+v, want %+v", person, want)
	}
	if want := (Counts{TP: 2, Pred: 3, Gold: 4}); s.Entities.Overall != want {
		t.Errorf("overall %+v, want %+v", s.Entities.Overall, want)
	}
	if s.Participants != nil || s.Topics != nil || s.Issues != nil {
		t.Error("parts the gold does not annotate were scored")
	}
}

func TestScoreNameLists(t *testing.T) {
	// The articles format: a person's aliases are the same entity, and a
	// place matches on its canonical name.
	d := doc("Donald Trump said the US would go. Trump left. Paris too. The BBC reported.",
		[2]string{"Donald Trump", "PERSON"}, [2]string{"Trump", "PERSON"}, [2]string{"US", "PLACE"},
		[2]string{"Paris", "PLACE"}, [2]string{"BBC", "ORG"})
	d.Entities[2].Canonical = "United States"
	g := FixtureGold{Gold: Gold{
		People:        []GoldPerson{{Name: "Donald Trump", Aliases: []string{"Trump"}}},
		Places:        []string{"United States", "Germany"},
		Organizations: []string{"BBC"},
	}}
	s := ScoreFixture(g, d)
	if want := (Counts{TP: 1, Pred: 1, Gold: 1}); *s.Entities.Labels["PERSON"] != want {
		t.Errorf("PERSON %+v, want %+v", *s.Entities.Labels["PERSON"], want)
	}
	if want := (Counts{TP: 1, Pred: 2, Gold: 2}); *s.Entities.Labels["PLACE"] != want {
		t.Errorf("PLACE %+v, want %+v (US is United States; Paris extra; Germany missed)", *s.Entities.Labels["PLACE"], want)
	}
	if s.Participants == nil || s.Participants.Name.Gold != 1 {
		t.Errorf("participants not scored: %+v", s.Participants)
	}
}

func TestScoreParagraphsAndIssues(t *testing.T) {
	text := "Intro about talks.\nLibya Again\nLibya is near.\nGaza fighting."
	d := pipeline.NewDoc("t", text)
	topic := func(id, label string) []pipeline.TopicScore {
		return []pipeline.TopicScore{{Topic: id, Label: label, Score: 1}}
	}
	starts := []int{0, 19, 31, 46}
	ends := []int{18, 30, 45, len(text)}
	kinds := []pipeline.ParagraphKind{pipeline.TextPara, pipeline.Heading, pipeline.TextPara, pipeline.TextPara}
	tops := [][]pipeline.TopicScore{topic("diplomacy", "Diplomacy"), topic("place:Libya", "Libya"), topic("diplomacy", "Diplomacy"), topic("place:Gaza Strip", "Gaza")}
	for i := range starts {
		d.Paragraphs = append(d.Paragraphs, pipeline.Paragraph{Start: starts[i], End: ends[i], Kind: kinds[i], Topics: tops[i]})
	}
	d.Issues = []pipeline.Issue{
		{Topic: "place:Libya", Label: "Libya", Parties: []pipeline.Party{
			{Name: "Egypt", Focus: []pipeline.Span{{Text: "border security"}}},
			{Name: "Turkey"},
		}},
		{Topic: "diplomacy", Label: "Diplomacy"},
	}
	g := FixtureGold{
		Paragraphs: []GoldParagraph{
			{Index: 0, Kind: "text", Topic: "diplomacy"},
			{Index: 5, Kind: "heading", Topic: "Libya", Starts: "Libya Again"}, // index shifted: found by Starts
			{Index: 2, Kind: "list_item", Topic: "Libya", Starts: "Libya is"},  // wrong kind and topic
			{Index: 3, Topic: "Gaza"},                                          // matched on label
		},
		Issues: []GoldIssue{
			{Label: "Libya", Parties: []string{"Egypt", "Russia"}, Focus: map[string][]string{"Egypt": {"Border security", "migration"}}},
			{Label: "Sudan", Parties: []string{"Egypt"}},
		},
	}
	s := ScoreFixture(g, d)
	if want := (Accuracy{Correct: 3, Total: 4}); *s.Topics != want {
		t.Errorf("topics %+v, want %+v; misses %q", *s.Topics, want, s.Misses)
	}
	if want := (Accuracy{Correct: 2, Total: 3}); *s.Kinds != want {
		t.Errorf("kinds %+v, want %+v", *s.Kinds, want)
	}
	want := IssueScore{
		Found:   Counts{TP: 1, Pred: 2, Gold: 2},
		Parties: Counts{TP: 1, Pred: 2, Gold: 3},
		Focus:   Counts{TP: 1, Gold: 2},
	}
	if *s.Issues != want {
		t.Errorf("issues %+v, want %+v", *s.Issues, want)
	}
	for _, m := range []string{"missed issue Sudan", "issue Libya: missed party Russia", `paragraph 2 "Libya is": topic diplomacy, want Libya`, `issue Libya, Egypt: no focus phrase shares a word with "migration"`} {
		if !contains(s.Misses, m) {
			t.Errorf("misses %q lack %q", s.Misses, m)
		}
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func report(name string, triple, entityF1 float64) FixtureReport {
	return FixtureReport{
		Name:         name,
		Entities:     &Report{Overall: LabelReport{F1: entityF1, Precision: entityF1, Recall: entityF1, Gold: 1, Pred: 1}, Labels: map[string]LabelReport{}},
		Participants: &ParticipantReport{Triple: LabelReport{F1: triple, Gold: 1}, Name: LabelReport{F1: 1, Gold: 1}},
	}
}

func TestCompare(t *testing.T) {
	base := FixturesReport{Fixtures: []FixtureReport{report("a", 0.8, 0.9), report("b", 1, 1), report("gone", 1, 1)}, Overall: report("", 0.9, 0.9)}
	cur := FixturesReport{Fixtures: []FixtureReport{report("a", 0.796, 0.7), report("b", 1, 1), report("new", 0, 0)}, Overall: report("", 0.9, 0.9)}
	cur.Fixtures[1].Participants = nil // b's participants no longer scored

	var got []string
	for _, r := range Compare(base, cur, 0.005) {
		got = append(got, r.String())
	}
	want := []string{
		"a: entities.f1 0.9000 -> 0.7000 (-0.2000)",
		"a: entities.precision 0.9000 -> 0.7000 (-0.2000)",
		"a: entities.recall 0.9000 -> 0.7000 (-0.2000)",
		"b: participants.name.f1 no longer scored (was 1.0000)",
		"b: participants.triple.f1 no longer scored (was 1.0000)",
		"gone: fixture missing (was in the baseline)",
	}
	// a's triple dropped 0.004, within the tolerance; "new" is not a regression.
	if !reflect.DeepEqual(got, want) {
		t.Errorf("regressions:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if rs := Compare(base, base, 0); len(rs) != 0 {
		t.Errorf("a report regresses against itself: %v", rs)
	}
	if r := (Regression{Fixture: "x", Metric: "m", Was: 1, Now: math.NaN()}); !strings.Contains(r.String(), "no longer scored") {
		t.Error(r.String())
	}
}

func TestMarkdown(t *testing.T) {
	r := FixturesReport{Fixtures: []FixtureReport{report("a", 0.5, 0.25)}, Overall: report("overall", 0.5, 0.25)}
	r.Fixtures[0].Topics = &AccuracyReport{Accuracy: 0.75, Correct: 3, Total: 4}
	md := r.Markdown([]string{"baseline b.json"}, []string{"a: participants.triple.f1 1.0000 -> 0.5000 (-0.5000)"})
	for _, want := range []string{
		"| `a` | 0.250 | 1.000 | 0.500 | 0.750 | – |",
		"| **overall** | 0.250 | 1.000 | 0.500 | – |",
		"### ❌ Failed (1) against baseline b.json",
		"- a: participants.triple.f1 1.0000 -> 0.5000",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	if md := r.Markdown([]string{"--min-triple-f1 0.4"}, nil); !strings.Contains(md, "✅ Passed: --min-triple-f1 0.4.") {
		t.Errorf("passing markdown:\n%s", md)
	}
}

// TestProjectFixtures checks the project's own fixtures: each loads, each
// gold file is valid against schema/fixture.v1.schema.json, and the
// reference fixture says what testdata/egypt-russia-cairo.gold.json says.
func TestProjectFixtures(t *testing.T) {
	const dir = "../testdata/fixtures"
	fs, err := LoadFixtures(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) < 13 {
		t.Errorf("%d fixtures, want the reference article and 12 development articles", len(fs))
	}
	schemaJSON, err := os.ReadFile("../schema/fixture.v1.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	const url = "https://readout.dev/schema/fixture.v1.schema.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		b, err := os.ReadFile(f.GoldPath)
		if err != nil {
			t.Fatal(err)
		}
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(v); err != nil {
			t.Errorf("%s: %v", f.GoldPath, err)
		}
		if f.Gold.TextSHA256 == "" || f.Gold.Source == nil || f.Gold.Source.License == "" {
			t.Errorf("%s: no text_sha256 or source licence", f.GoldPath)
		}
	}
	// The schema rejects what the loader rejects.
	for _, bad := range []string{`{"peple":[]}`, `{"entities":[{"text":"X","label":"GPE"}]}`, `{"paragraphs":[{"index":0}]}`} {
		v, _ := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if sch.Validate(v) == nil {
			t.Errorf("schema accepts %s", bad)
		}
	}

	ref, err := ReadFixtureGold("../testdata/egypt-russia-cairo.gold.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.Name != "egypt-russia-cairo" {
			continue
		}
		g := f.Gold
		g.Schema, g.TextPath, g.TextSHA256, g.Source = "", "", "", nil
		a, _ := json.Marshal(g)
		b, _ := json.Marshal(ref)
		if !bytes.Equal(a, b) {
			t.Error("testdata/fixtures/egypt-russia-cairo.gold.json differs from testdata/egypt-russia-cairo.gold.json: update both")
		}
		return
	}
	t.Error("no egypt-russia-cairo fixture")
}

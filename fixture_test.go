package readout_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readout/readout"
	"github.com/readout/readout/eval"
	"github.com/readout/readout/pipeline"
)

var update = flag.Bool("update", false, "rewrite golden files from the current output")

const reference = "testdata/egypt-russia-cairo"

// referenceGold is the hand-written gold of the reference article.
type referenceGold struct {
	eval.Gold
	Entities []struct {
		Text, Label, Subtype string
	} `json:"entities"`
	NotEntities []string `json:"not_entities"`
	Paragraphs  []struct {
		Index               int
		Kind, Topic, Starts string
	} `json:"paragraphs"`
	Issues []struct {
		Label   string
		Parties []string
		Focus   map[string][]string
	} `json:"issues"`
	Tables []struct {
		Header []string
		Rows   [][]string
	} `json:"tables"`
}

// defaultPipeline builds the pipeline of the default configuration.
func defaultPipeline(t testing.TB) *pipeline.Pipeline {
	t.Helper()
	cfg, err := readout.LoadConfig("")
	if err != nil {
		t.Fatal(err)
	}
	p, err := cfg.NewPipeline()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// annotate runs the default pipeline on a file.
func annotate(t testing.TB, path string) *pipeline.Doc {
	t.Helper()
	p := defaultPipeline(t)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d := pipeline.NewDoc(filepath.Base(path), string(b))
	if err := p.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Errors) > 0 {
		t.Fatalf("stage errors: %v", d.Errors)
	}
	return d
}

func readGold(t *testing.T) referenceGold {
	t.Helper()
	var g referenceGold
	b, err := os.ReadFile(reference + ".gold.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	return g
}

// TestReferenceGolden compares the whole JSON output with the reviewed
// golden file. Run with -update to rewrite it, then read the diff.
func TestReferenceGolden(t *testing.T) {
	d := annotate(t, reference+".txt")
	got, err := json.MarshalIndent(d.Output(pipeline.OutputOptions{Offsets: pipeline.CodePoints}), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := reference + ".golden.json"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestReferenceGolden -update . to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s; run with -update and review the diff:\n%s", golden, firstDiff(string(want), string(got)))
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "line " + itoa(i+1) + ":\n- " + al[i] + "\n+ " + bl[i]
		}
	}
	return "lengths differ: " + itoa(len(al)) + " vs " + itoa(len(bl)) + " lines"
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

func TestReferenceParticipants(t *testing.T) {
	g := readGold(t)
	d := annotate(t, reference+".txt")
	pred := eval.PeopleOf(d.Participants)
	s := eval.ScoreParticipants(pred, g.People)
	for _, m := range s.Misses {
		t.Error(m)
	}
	if len(pred) != len(g.People) {
		t.Fatalf("%d participants, want %d", len(pred), len(g.People))
	}
	// Exact, field by field, in order of first mention.
	for i, want := range g.People {
		got := d.Participants[i]
		if got.Name != want.Name || got.Role != deref(want.Role) || got.Country != deref(want.Country) || got.Organization != deref(want.Organization) {
			t.Errorf("participant %d = %q / %q / %q / %q, want %q / %q / %q / %q", i,
				got.Name, got.Role, got.Country, got.Organization,
				want.Name, deref(want.Role), deref(want.Country), deref(want.Organization))
		}
		if got.Evidence == nil || d.Text[got.Evidence.Start:got.Evidence.End] != got.Evidence.Text {
			t.Errorf("participant %s: role evidence %+v does not locate its text", got.Name, got.Evidence)
		}
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func TestReferenceEntities(t *testing.T) {
	g := readGold(t)
	d := annotate(t, reference+".txt")
	type key struct{ text, label, subtype string }
	gold := map[key]bool{}
	for _, e := range g.Entities {
		gold[key{e.Text, e.Label, e.Subtype}] = true
	}
	found := map[key]bool{}
	for _, e := range d.Entities {
		k := key{e.Text, e.Label, e.Subtype}
		if e.Label == pipeline.NORP || e.Label == pipeline.Person || e.Label == pipeline.Org {
			k.subtype = ""
		}
		if !gold[k] {
			t.Errorf("unexpected entity %q %s %s at %d", e.Text, e.Label, e.Subtype, e.Start)
		}
		found[k] = true
	}
	for k := range gold {
		if !found[k] {
			t.Errorf("missing entity %q %s %s", k.text, k.label, k.subtype)
		}
	}
	// Every capitalised occurrence of a gold name is an entity.
	for _, e := range g.Entities {
		want := strings.Count(d.Text, e.Text)
		got := 0
		for _, de := range d.Entities {
			if de.Text == e.Text {
				got++
			}
		}
		if e.Text == "Egypt" || e.Text == "Russia" || e.Text == "Libya" || e.Text == "MENA Department" {
			// Also inside longer words or names ("Egyptian", "Russia’s" count once each).
			continue
		}
		if got != want {
			t.Errorf("%q: %d entity mentions, %d occurrences in the text", e.Text, got, want)
		}
	}
	for _, ne := range g.NotEntities {
		for _, de := range d.Entities {
			if strings.Contains(de.Text, ne) {
				t.Errorf("%q is part of entity %q (%s)", ne, de.Text, de.Label)
			}
		}
	}
}

func TestReferenceTopicsAndIssues(t *testing.T) {
	g := readGold(t)
	d := annotate(t, reference+".txt")
	if len(d.Paragraphs) != len(g.Paragraphs) {
		t.Fatalf("%d paragraphs, want %d", len(d.Paragraphs), len(g.Paragraphs))
	}
	for _, gp := range g.Paragraphs {
		p := d.Paragraphs[gp.Index]
		text := d.Text[p.Start:p.End]
		if !strings.HasPrefix(text, gp.Starts) || string(p.Kind) != gp.Kind {
			t.Errorf("paragraph %d = %s %q, want %s starting %q", gp.Index, p.Kind, text, gp.Kind, gp.Starts)
			continue
		}
		if len(p.Topics) == 0 {
			t.Errorf("paragraph %d has no topic, want %s", gp.Index, gp.Topic)
			continue
		}
		if top := p.Topics[0]; top.Topic != gp.Topic && top.Label != gp.Topic {
			t.Errorf("paragraph %d %q: topic %s (%s), want %s", gp.Index, gp.Starts, top.Topic, top.Label, gp.Topic)
		}
	}
	issues := map[string]pipeline.Issue{}
	for _, is := range d.Issues {
		issues[is.Label] = is
	}
	for _, gi := range g.Issues {
		is, ok := issues[gi.Label]
		if !ok {
			t.Errorf("no issue %s", gi.Label)
			continue
		}
		for _, party := range gi.Parties {
			var focus []string
			found := false
			for _, p := range is.Parties {
				if p.Name == party {
					found = true
					for _, f := range p.Focus {
						focus = append(focus, strings.ToLower(f.Text))
					}
				}
			}
			if !found {
				t.Errorf("issue %s: no party %s", gi.Label, party)
				continue
			}
			for _, want := range gi.Focus[party] {
				if !sharesWord(focus, want) {
					t.Errorf("issue %s, %s: focus %q shares no word with %q", gi.Label, party, focus, want)
				}
			}
		}
		if is.Table != 0 {
			t.Errorf("issue %s: table %d, want the article's table 0", gi.Label, is.Table)
		}
	}
	if len(d.Tables) != len(g.Tables) {
		t.Fatalf("%d tables, want %d", len(d.Tables), len(g.Tables))
	}
	for i, gt := range g.Tables {
		tb := d.Tables[i]
		if got := spanTexts(tb.Header); strings.Join(got, "|") != strings.Join(gt.Header, "|") {
			t.Errorf("table %d header %q, want %q", i, got, gt.Header)
		}
		for r, row := range gt.Rows {
			if got := spanTexts(tb.Rows[r]); strings.Join(got, "|") != strings.Join(row, "|") {
				t.Errorf("table %d row %d %q, want %q", i, r, got, row)
			}
		}
	}
}

func spanTexts(ss []pipeline.Span) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Text
	}
	return out
}

// sharesWord reports whether any phrase has a word of want in it.
func sharesWord(phrases []string, want string) bool {
	for _, w := range strings.Fields(want) {
		for _, p := range phrases {
			for _, pw := range strings.Fields(p) {
				if pw == w {
					return true
				}
			}
		}
	}
	return false
}

const articlesDir = "../shared/data/articles"

// TestDevArticles scores participants on the development articles in
// ../shared/data/articles, on their tune and check parts (eval.SplitOf),
// and holds each part to a floor. Misses are logged for the tune part
// only: check judges a change and is never read for rules.
func TestDevArticles(t *testing.T) {
	golds, _ := filepath.Glob(filepath.Join(articlesDir, "*.json"))
	if len(golds) == 0 {
		t.Skipf("no gold articles in %s (../shared/data is not beside this checkout)", articlesDir)
	}
	parts := map[string]*eval.ParticipantScore{eval.Tune: {}, eval.Check: {}}
	for _, gp := range golds {
		g, err := eval.ReadGold(gp)
		if err != nil {
			t.Fatal(err)
		}
		txt := strings.TrimSuffix(gp, ".json") + ".txt"
		part := eval.SplitOf(txt)
		d := annotate(t, txt)
		s := eval.ScoreParticipants(eval.PeopleOf(d.Participants), g.People)
		parts[part].Add(s)
		if part != eval.Tune {
			continue
		}
		t.Logf("%-70s name %.2f role %.2f country %.2f triple %.2f", filepath.Base(gp), s.Name.F1(), s.Role.F1(), s.Country.F1(), s.Triple.F1())
		for _, m := range s.Misses {
			t.Logf("    %s", m)
		}
	}
	t.Logf("\n%s", eval.SplitTable(*parts[eval.Tune], *parts[eval.Check]))
	// Floors a little under what the rules score today: a change that
	// lowers check is reverted, so these only catch accidents.
	floors := map[string]map[string]float64{
		eval.Tune:  {"name": 0.98, "role": 0.96, "country": 0.98, "triple": 0.95},
		eval.Check: {"name": 0.96, "role": 0.93, "country": 0.95, "triple": 0.89},
	}
	for _, part := range []string{eval.Tune, eval.Check} {
		s := parts[part]
		for field, f1 := range map[string]float64{"name": s.Name.F1(), "role": s.Role.F1(), "country": s.Country.F1(), "triple": s.Triple.F1()} {
			if f1 < floors[part][field] {
				t.Errorf("%s %s F1 %.3f under its floor %.2f", part, field, f1, floors[part][field])
			}
		}
	}
}

// TestProbes scores the invented probe sets (testdata/probes) with the
// articles' scorer, each against a floor a little under today's triple
// F1: the constructions the participants issue lists, on texts no rule
// was written from.
func TestProbes(t *testing.T) {
	p := defaultPipeline(t)
	floors := map[string]float64{"p1": 0.97, "p2": 0.93, "p3": 0.94, "p4": 0.93, "p5": 0.90, "p6": 0.85, "p7": 0.94, "p8": 0.95, "p9": 0.92, "p10": 0.94, "p11": 0.95, "p12": 0.95, "p13": 0.94, "p14": 0.94, "p15": 0.92, "p16": 0.88, "p17": 0.89, "p18": 0.92, "p19": 0.84, "p20": 0.93, "p21": 0.91}
	for set, floor := range floors {
		b, err := os.ReadFile(filepath.Join("testdata", "probes", set+".jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		var score eval.ParticipantScore
		for _, line := range bytes.Split(bytes.TrimSpace(b), []byte("\n")) {
			var item struct {
				ID   string            `json:"id"`
				Text string            `json:"text"`
				Want []eval.GoldPerson `json:"want"`
			}
			if err := json.Unmarshal(line, &item); err != nil {
				t.Fatalf("%s: %v", set, err)
			}
			d := pipeline.NewDoc(item.ID, item.Text)
			if err := p.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			score.Add(eval.ScoreParticipants(eval.PeopleOf(d.Participants), item.Want))
		}
		t.Logf("%s: name %.4f role %.4f country %.4f triple %.4f", set, score.Name.F1(), score.Role.F1(), score.Country.F1(), score.Triple.F1())
		if f1 := score.Triple.F1(); f1 < floor {
			t.Errorf("%s triple F1 %.4f under its floor %.2f", set, f1, floor)
		}
	}
}

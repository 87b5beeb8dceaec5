package extract

import (
	"context"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/readout/readout/pipeline"
)

const seedPath = "../testdata/egypt-russia-cairo.txt"

// para is the part of a paragraph the tests compare.
type para struct {
	Kind    pipeline.ParagraphKind
	Text    string
	Section int
	Block   int
	Marker  string
}

func runParagraphs(t testing.TB, text string, opts pipeline.Options) *pipeline.Doc {
	t.Helper()
	s, err := NewParagraphs(opts)
	if err != nil {
		t.Fatal(err)
	}
	d := pipeline.NewDoc("test", text)
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	checkParagraphs(t, d)
	return d
}

func simplify(d *pipeline.Doc) []para {
	out := []para{}
	for _, p := range d.Paragraphs {
		q := para{Kind: p.Kind, Text: d.Text[p.Start:p.End], Section: p.Section, Block: p.Block}
		if p.Marker != nil {
			q.Marker = p.Marker.Text
		}
		out = append(out, q)
	}
	return out
}

// checkSpan fails unless s lies inside text and its Text is text[Start:End].
func checkSpan(t testing.TB, what, text string, s pipeline.Span) {
	t.Helper()
	if s.Start < 0 || s.Start > s.End || s.End > len(text) {
		t.Fatalf("%s: span [%d,%d) out of bounds (len %d)", what, s.Start, s.End, len(text))
	}
	if got := text[s.Start:s.End]; got != s.Text {
		t.Fatalf("%s: Text[%d:%d] = %q, span text %q", what, s.Start, s.End, got, s.Text)
	}
}

// checkParagraphs checks the invariants every paragraph split must keep.
func checkParagraphs(t testing.TB, d *pipeline.Doc) {
	t.Helper()
	prevEnd := 0
	heading := -1
	for i, p := range d.Paragraphs {
		if p.Start < prevEnd || p.Start > p.End || p.End > len(d.Text) {
			t.Fatalf("paragraph %d [%d,%d) overlaps or is out of order (previous end %d)", i, p.Start, p.End, prevEnd)
		}
		if p.Start == p.End {
			t.Fatalf("paragraph %d is empty", i)
		}
		if p.Marker != nil {
			checkSpan(t, "marker", d.Text, *p.Marker)
			if p.Marker.Start < prevEnd || p.Marker.End > p.Start {
				t.Fatalf("paragraph %d: marker [%d,%d) not between %d and %d", i, p.Marker.Start, p.Marker.End, prevEnd, p.Start)
			}
		}
		if p.Kind == pipeline.Heading {
			heading = i
		}
		if p.Section != heading {
			t.Fatalf("paragraph %d: Section %d, want %d", i, p.Section, heading)
		}
		isBlock := p.Kind == pipeline.ListItem || p.Kind == pipeline.TableRow
		if isBlock != (p.Block >= 0) {
			t.Fatalf("paragraph %d: kind %s with Block %d", i, p.Kind, p.Block)
		}
		prevEnd = p.End
	}
}

func TestParagraphsSeed(t *testing.T) {
	b, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	d := runParagraphs(t, string(b), nil)
	got := simplify(d)

	var headings, items, rows []string
	var itemBlocks, rowBlocks []int
	for _, p := range got {
		switch p.Kind {
		case pipeline.Heading:
			headings = append(headings, p.Text)
		case pipeline.ListItem:
			items = append(items, p.Text)
			itemBlocks = append(itemBlocks, p.Block)
			if p.Marker != "-" {
				t.Errorf("item %q: marker %q, want %q", p.Text, p.Marker, "-")
			}
		case pipeline.TableRow:
			rows = append(rows, p.Text)
			rowBlocks = append(rowBlocks, p.Block)
		}
	}
	wantHeadings := []string{
		"Libya Back on the Table, Again",
		"Gaza and the Call to Stop the Fighting",
		"Sudan, Borders, and a Nervous Neighborhood",
		"Who Was in the Room and Why It Matters",
		"A Familiar Message, Delivered at a Sharp Moment",
	}
	wantItems := []string{
		"Abdel Fattah el-Sisi – President of Egypt",
		"Sergey Lavrov – Foreign Minister of Russia",
		"Badr Abdel Atty – Egypt’s Foreign Minister",
		"Sergey Vershinin – Russia’s Deputy Foreign Minister",
		"Georgy Borisenko – Russian Ambassador to Cairo",
		"Alexander Kinshchak – Head of Russia’s MENA Department",
		"Mikhail Dzhirgenya – Section Director, MENA Department",
	}
	wantRows := []string{
		"Issue | Egypt’s Focus | Russia’s Focus",
		"Libya | Border security, political unity | Strategic stability, diplomacy",
		"Gaza | Ceasefire, humanitarian access | De-escalation, international balance",
		"Sudan | Regional stability, Nile security | Conflict containment, influence",
	}
	if !reflect.DeepEqual(headings, wantHeadings) {
		t.Errorf("headings:\n got %q\nwant %q", headings, wantHeadings)
	}
	if !reflect.DeepEqual(items, wantItems) {
		t.Errorf("list items:\n got %q\nwant %q", items, wantItems)
	}
	if !reflect.DeepEqual(itemBlocks, []int{0, 0, 0, 0, 0, 0, 0}) {
		t.Errorf("list item blocks = %v, want all 0", itemBlocks)
	}
	if !reflect.DeepEqual(rows, wantRows) {
		t.Errorf("table rows:\n got %q\nwant %q", rows, wantRows)
	}
	if !reflect.DeepEqual(rowBlocks, []int{1, 1, 1, 1}) {
		t.Errorf("table row blocks = %v, want all 1", rowBlocks)
	}
	if n := len(got); n != 43 {
		t.Errorf("got %d paragraphs, want 43", n)
	}
	if !strings.HasPrefix(got[0].Text, "Egypt and Russia used a high-level meeting") || got[0].Kind != pipeline.TextPara || got[0].Section != -1 {
		t.Errorf("first paragraph = %+v, want the lede as text before any section", got[0])
	}
	// Spot checks on sections: the lede, the first heading, the list, the end.
	for _, c := range []struct{ i, section int }{{3, -1}, {4, 4}, {5, 4}, {24, 21}, {30, 21}, {36, 33}, {42, 33}} {
		if got[c.i].Section != c.section {
			t.Errorf("paragraph %d (%q): Section %d, want %d", c.i, got[c.i].Text, got[c.i].Section, c.section)
		}
	}
	if last := got[len(got)-1]; !strings.HasSuffix(last.Text, "kept it alive, present, and pressing.") {
		t.Errorf("last paragraph = %q", last.Text)
	}

	// A second run replaces the paragraphs instead of adding to them.
	first := simplify(d)
	s, _ := NewParagraphs(nil)
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(simplify(d), first) {
		t.Error("second run changed the paragraphs")
	}
}

func TestParagraphsCases(t *testing.T) {
	text := func(s string, section int) para { return para{pipeline.TextPara, s, section, -1, ""} }
	head := func(s string, self int) para { return para{pipeline.Heading, s, self, -1, ""} }
	item := func(s, marker string, section, block int) para {
		return para{pipeline.ListItem, s, section, block, marker}
	}
	row := func(s string, section, block int) para { return para{pipeline.TableRow, s, section, block, ""} }

	tests := []struct {
		name string
		text string
		want []para
	}{
		{"empty", "", nil},
		{"only space", " \n\t\r\n\u00a0\n", nil},
		{
			"blank lines separate",
			"First paragraph here.\n\nSecond paragraph here.\n\n\nThird one.",
			[]para{text("First paragraph here.", -1), text("Second paragraph here.", -1), text("Third one.", -1)},
		},
		{
			// Short lines in a row are a list without markers, not headings;
			// the first line stays the headline.
			"short lines in a row",
			"Results From Berlin\nTom Hale Norway\nAna Ruiz Chile\nLena Vogt Germany\nThe race ended late.",
			[]para{head("Results From Berlin", 0), item("Tom Hale Norway", "", 0, 0), item("Ana Ruiz Chile", "", 0, 0),
				item("Lena Vogt Germany", "", 0, 0), text("The race ended late.", 0)},
		},
		{
			"a heading and a subheading",
			"Talks in Cairo\n\nA Day of Meetings\n\nThe ministers met.",
			[]para{head("Talks in Cairo", 0), head("A Day of Meetings", 1), text("The ministers met.", 1)},
		},
		{
			// A byline is text; "By the Numbers" may title a section.
			"a byline",
			"Talks in Cairo\n\nBy Lena Vogt and Tom Hale\n\nThe ministers met.\n\nBy the Numbers\n\nTen met.",
			[]para{head("Talks in Cairo", 0), text("By Lena Vogt and Tom Hale", 0), text("The ministers met.", 0), head("By the Numbers", 3), text("Ten met.", 3)},
		},
		{
			"one paragraph per line",
			"The talks began on Monday.\nThey ended on Tuesday.",
			[]para{text("The talks began on Monday.", -1), text("They ended on Tuesday.", -1)},
		},
		{
			"hard wrapped",
			"The talks began on Monday and\nran late into the night,\nofficials said.\nA second paragraph.",
			[]para{text("The talks began on Monday and\nran late into the night,\nofficials said.", -1), text("A second paragraph.", -1)},
		},
		{
			"CRLF and CR",
			"Talks in Cairo\r\n\r\nThe ministers met and\r\ntalked.\rThen they left.\r\n",
			[]para{head("Talks in Cairo", 0), text("The ministers met and\r\ntalked.", 0), text("Then they left.", 0)},
		},
		{
			"tabs and NBSP",
			"\t\u00a0 Some text with space around.\u00a0\t \n\u2003Another line.\u3000",
			[]para{text("Some text with space around.", -1), text("Another line.", -1)},
		},
		{
			"bullets",
			"Points made:\n* first item\n- second item\n• third item\n– fourth item\n· fifth item\n+ sixth item\nAfter the list.",
			[]para{
				text("Points made:", -1),
				item("first item", "*", -1, 0), item("second item", "-", -1, 0), item("third item", "•", -1, 0),
				item("fourth item", "–", -1, 0), item("fifth item", "·", -1, 0), item("sixth item", "+", -1, 0),
				text("After the list.", -1),
			},
		},
		{
			"numbered",
			"Steps:\n1. first step\n2) second step\n(3) third step\na) fourth step\n(b) fifth step",
			[]para{
				text("Steps:", -1),
				item("first step", "1.", -1, 0), item("second step", "2)", -1, 0), item("third step", "(3)", -1, 0),
				item("fourth step", "a)", -1, 0), item("fifth step", "(b)", -1, 0),
			},
		},
		{
			"not list markers",
			"1.5 million people came.\nA. Smith said so.\n-5 degrees overnight.\n2019. That year.",
			[]para{
				text("1.5 million people came.", -1), text("A. Smith said so.", -1),
				text("-5 degrees overnight.", -1), text("2019. That year.", -1),
			},
		},
		{
			"lone markers",
			"Who came:\n-\nAbdel Fattah el-Sisi – President of Egypt\n-\n\nSergey Lavrov – Foreign Minister\n-",
			[]para{
				text("Who came:", -1),
				item("Abdel Fattah el-Sisi – President of Egypt", "-", -1, 0),
				item("Sergey Lavrov – Foreign Minister", "-", -1, 0),
			},
		},
		{
			"lone marker before a list item is dropped",
			"-\n- real item",
			[]para{item("real item", "-", -1, 0)},
		},
		{
			"two lists",
			"- one\n- two\nBetween them.\n- three",
			[]para{item("one", "-", -1, 0), item("two", "-", -1, 0), text("Between them.", -1), item("three", "-", -1, 1)},
		},
		{
			"list item wraps",
			"- a long item that\n  goes on here\n- next",
			[]para{item("a long item that\n  goes on here", "-", -1, 0), item("next", "-", -1, 0)},
		},
		{
			"markdown headings",
			"# Egypt and Russia meet\nSome text.\n## Second part ##\nMore text.\n#hashtag is text.",
			[]para{
				{pipeline.Heading, "Egypt and Russia meet", 0, -1, "#"},
				text("Some text.", 0),
				{pipeline.Heading, "Second part", 2, -1, "##"},
				text("More text.", 2),
				text("#hashtag is text.", 2),
			},
		},
		{
			"date line is not a heading",
			"Some text first.\nThursday, September 12, 2019\nMore text.\n12 Sept 2019 14:30 GMT\nMonday\nMay Day Rallies 2019",
			[]para{
				text("Some text first.", -1), text("Thursday, September 12, 2019", -1), text("More text.", -1),
				text("12 Sept 2019 14:30 GMT", -1), text("Monday", -1), head("May Day Rallies 2019", 5),
			},
		},
		{
			"sentence is not a heading",
			"Intro text here.\nEgypt Hosts Russia.\nEgypt Hosts Russia:\nWho Said “Stop.”\nEgypt hosts Russia in Cairo\nEgypt Hosts Russia in Cairo",
			[]para{
				text("Intro text here.", -1), text("Egypt Hosts Russia.", -1), text("Egypt Hosts Russia:", -1),
				text("Who Said “Stop.”", -1), text("Egypt hosts Russia in Cairo", -1), head("Egypt Hosts Russia in Cairo", 5),
			},
		},
		{
			"too long for a heading",
			"Intro.\nOne Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen",
			[]para{text("Intro.", -1), text("One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen", -1)},
		},
		{
			"first line headline in sentence case",
			"Egypt and Russia discuss Libya in Cairo\nThe meeting was long.",
			[]para{head("Egypt and Russia discuss Libya in Cairo", 0), text("The meeting was long.", 0)},
		},
		{
			"title-case tail of a wrapped line is not a heading",
			"The ministers met in\nCairo On Monday\n\nNew Section Here\nText.",
			[]para{text("The ministers met in", -1), text("Cairo On Monday", -1), head("New Section Here", 2), text("Text.", 2)},
		},
		{
			// Wire copy wrapped to 60 columns, paragraphs opened by an
			// indent: a line whose next word would not have fitted goes on
			// with the next, even when that word is capitalised.
			"hard-wrapped wire copy",
			"    Prices of crude oil fell sharply on Monday, said Ana\n" +
				"Ruiz, the chief economist of the Bank of Chile, in a speech\n" +
				"to the Latin American Oil Producers Association in Lima.\n" +
				"    Tom Hale, a trader at Northern Commodities, said the\n" +
				"market had expected the fall for some weeks.\n",
			[]para{
				text("Prices of crude oil fell sharply on Monday, said Ana\nRuiz, the chief economist of the Bank of Chile, in a speech\nto the Latin American Oil Producers Association in Lima.", -1),
				text("Tom Hale, a trader at Northern Commodities, said the\nmarket had expected the fall for some weeks.", -1),
			},
		},
		{
			// near miss: the same width, but the next word would have fitted:
			// the line was ended, not wrapped
			"short line in hard-wrapped text",
			"Prices of crude oil fell sharply on Monday in Lima, said\n" +
				"Ana Ruiz, the chief economist of the Bank of Chile, after\n" +
				"talks with the Latin American Oil Producers Association.\n" +
				"Results\n" +
				"Tom Hale, a trader at Northern Commodities, said the fall\n",
			[]para{
				text("Prices of crude oil fell sharply on Monday in Lima, said\nAna Ruiz, the chief economist of the Bank of Chile, after\ntalks with the Latin American Oil Producers Association.", -1),
				head("Results", 1),
				text("Tom Hale, a trader at Northern Commodities, said the fall", 1),
			},
		},
		{
			// near miss: lines of a list are short; a line of one paragraph
			// per line is wider than any wrapping
			"short lines are not wrapped",
			"Results from the regional elections in the north of Chile\nTom Hale Norway Labour Party\nAna Ruiz Chile Socialist Party\nLena Vogt Germany Green Party\n",
			[]para{head("Results from the regional elections in the north of Chile", 0), item("Tom Hale Norway Labour Party", "", 0, 0), item("Ana Ruiz Chile Socialist Party", "", 0, 0), item("Lena Vogt Germany Green Party", "", 0, 0)},
		},
		{
			"heading joined by a lowercase line is text",
			"Intro.\nEgypt And Russia\nmet today.",
			[]para{text("Intro.", -1), text("Egypt And Russia\nmet today.", -1)},
		},
		{
			"table rows",
			"Intro.\n| A | B |\n|---|:-:|\n| 1 | 2 |\n\n| C | D |\n| 3 | 4 |\nAfter.",
			[]para{
				text("Intro.", -1),
				row("A | B", -1, 0), row("1 | 2", -1, 0),
				row("C | D", -1, 1), row("3 | 4", -1, 1),
				text("After.", -1),
			},
		},
		{
			"table without outer pipes",
			"Name | Role\n--- | ---\nLavrov | Minister",
			[]para{row("Name | Role", -1, 0), row("Lavrov | Minister", -1, 0)},
		},
		{
			"empty table row keeps its pipes",
			"| a | b |\n| | |",
			[]para{row("a | b", -1, 0), row("| | |", -1, 0)},
		},
		{
			"thematic break",
			"Some text.\n---\n* * *\nMore text.",
			[]para{text("Some text.", -1), text("More text.", -1)},
		},
		{
			"unicode",
			"Переговоры в Каире\n«Мы обсудили Ливию», — сказал Лавров.\n“Steady, not flashy” — a diplomat.\n— Вопросы и ответы",
			[]para{
				head("Переговоры в Каире", 0),
				text("«Мы обсудили Ливию», — сказал Лавров.", 0),
				text("“Steady, not flashy” — a diplomat.", 0),
				text("— Вопросы и ответы", 0), // sentence case is not a heading after the first line
			},
		},
		{
			"invalid UTF-8",
			"Bad \xff\xfe bytes here.\n\xc3\n- item \x80",
			[]para{text("Bad \xff\xfe bytes here.", -1), text("\xc3", -1), item("item \x80", "-", -1, 0)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := runParagraphs(t, tt.text, nil)
			got := simplify(d)
			want := tt.want
			if want == nil {
				want = []para{}
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("text %q\n got %+v\nwant %+v", tt.text, got, want)
			}
		})
	}
}

func TestNewParagraphsOptions(t *testing.T) {
	d := runParagraphs(t, "Intro.\nOne Two Three Four", pipeline.Options{"max_heading_words": 3})
	if k := d.Paragraphs[1].Kind; k != pipeline.TextPara {
		t.Errorf("four words with max_heading_words 3: kind %s, want text", k)
	}
	// A string is read as the environment gives it ("3"), and nothing is
	// bent to fit.
	if _, err := NewParagraphs(pipeline.Options{"max_heading_words": "3"}); err != nil {
		t.Errorf(`max_heading_words "3": %v`, err)
	}
	for _, opts := range []pipeline.Options{
		{"max_heading_word": 3},
		{"max_heading_words": "three"},
		{"max_heading_words": 2.5},
		{"max_heading_words": 0},
	} {
		if _, err := NewParagraphs(opts); err == nil {
			t.Errorf("NewParagraphs(%v): no error", opts)
		}
	}
	s, err := NewParagraphs(nil)
	if err != nil || s.Name() != "paragraphs" {
		t.Fatalf("NewParagraphs(nil) = %v, %v", s, err)
	}
}

func TestParagraphsCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s, _ := NewParagraphs(nil)
	if err := s.Process(ctx, pipeline.NewDoc("x", "text")); err == nil {
		t.Error("Process with a cancelled context: no error")
	}
}

// fuzzSeeds is a corpus shared by the fuzz tests.
var fuzzSeeds = []string{
	"",
	"Title Line\nSome text.\n\n- item\n1. item\n(2) item\n",
	"Egypt’s “Focus” — Russia’s – view…\r\nПереговоры в Каире\r\n",
	"\t\u00a0 spaced \u00a0\t\n\u2003\n",
	"-\nAbdel Fattah el-Sisi – President of Egypt\n-\n",
	"| a | b \\| c |\n|---|:--:|\n| | x |\n",
	"a | b\n-|-\n",
	"## Heading ##\r# \r#\n",
	"\xff\xfe\xc3\n\x80|\x80|\n- \xe2\x80",
	"Thursday, September 12, 2019\n",
	"|\n||\n\\|\n|\\",
}

func FuzzParagraphs(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	b, err := os.ReadFile(seedPath)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	s, err := NewParagraphs(nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := pipeline.NewDoc("fuzz", text)
		if err := s.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		checkParagraphs(t, d)
	})
}

// Names that hard-wrapped text breaks across lines keep the line break in
// their spans, which locate the text, but not in the names the output
// gives them: an entity's canonical name, a person's organisation, a
// place's label.
func TestNamesAcrossLineBreaks(t *testing.T) {
	text := "    Prices of crude oil fell sharply on Monday in Lima, said\n" +
		"Tom Hale, the chief economist of Northern Andes Commodities\n" +
		"Ltd, in a speech to oil producers in the capital of Saudi\n" +
		"Arabia. Officials there declined to comment on the speech.\n" +
		"    Ana Ruiz, the oil minister of Saudi Arabia, said the\n" +
		"fall would not last.\n"
	d := runStages(t, text, "paragraphs", "tokens", "entities", "participants", "topics")
	broken := 0
	for _, e := range d.Entities {
		if strings.Contains(e.Text, "\n") {
			broken++
			if strings.Contains(e.Canonical, "\n") {
				t.Errorf("entity %q: canonical %q keeps the line break", e.Text, e.Canonical)
			}
		}
	}
	if broken == 0 {
		t.Fatalf("no entity crosses a line: %+v", d.Entities)
	}
	var orgs []string
	for _, p := range d.Participants {
		orgs = append(orgs, p.Organization)
	}
	if !slices.Contains(orgs, "Northern Andes Commodities Ltd") {
		t.Errorf("organisations %q, want Northern Andes Commodities Ltd", orgs)
	}
	// The label of a place's topic is the form the text uses most.
	d.Entities = append(d.Entities[:0], pipeline.Entity{Text: "Saudi\nArabia", Label: pipeline.Place, Canonical: "Saudi Arabia"})
	if got := placeLabels(d)["Saudi Arabia"]; got != "Saudi Arabia" {
		t.Errorf("place label %q, want Saudi Arabia", got)
	}
}

package extract

import (
	"context"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/readout/readout/pipeline"
)

func runTables(t testing.TB, text string) *pipeline.Doc {
	t.Helper()
	s, err := NewTables(nil)
	if err != nil {
		t.Fatal(err)
	}
	d := pipeline.NewDoc("test", text)
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	checkTables(t, d)
	return d
}

// checkTables checks that tables are in order, do not overlap, and hold
// their cells in order and in bounds.
func checkTables(t testing.TB, d *pipeline.Doc) {
	t.Helper()
	prevEnd := 0
	for i, tab := range d.Tables {
		if tab.Start < prevEnd || tab.Start > tab.End || tab.End > len(d.Text) {
			t.Fatalf("table %d [%d,%d) overlaps or is out of bounds (previous end %d, len %d)", i, tab.Start, tab.End, prevEnd, len(d.Text))
		}
		if len(tab.Header) == 0 {
			t.Fatalf("table %d has no header", i)
		}
		pos := tab.Start
		for _, row := range append([][]pipeline.Span{tab.Header}, tab.Rows...) {
			for _, c := range row {
				checkSpan(t, "cell", d.Text, c)
				if c.Start < pos || c.End > tab.End {
					t.Fatalf("table %d: cell [%d,%d) out of order or outside [%d,%d)", i, c.Start, c.End, pos, tab.End)
				}
				if countPipes(c.Text) != 0 {
					t.Fatalf("table %d: cell %q holds an unescaped pipe", i, c.Text)
				}
				pos = c.End
			}
		}
		prevEnd = tab.End
	}
}

// cells returns the texts of spans.
func cells(spans []pipeline.Span) []string {
	out := []string{}
	for _, s := range spans {
		out = append(out, s.Text)
	}
	return out
}

type table struct {
	Text   string // Text[Start:End]
	Header []string
	Rows   [][]string
}

func simplifyTables(d *pipeline.Doc) []table {
	out := []table{}
	for _, tab := range d.Tables {
		st := table{Text: d.Text[tab.Start:tab.End], Header: cells(tab.Header), Rows: [][]string{}}
		for _, r := range tab.Rows {
			st.Rows = append(st.Rows, cells(r))
		}
		out = append(out, st)
	}
	return out
}

func TestTablesSeed(t *testing.T) {
	b, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	d := runTables(t, string(b))
	want := []table{{
		Text: "| Issue | Egypt’s Focus | Russia’s Focus |\n" +
			"|---|---|---|\n" +
			"| Libya | Border security, political unity | Strategic stability, diplomacy |\n" +
			"| Gaza | Ceasefire, humanitarian access | De-escalation, international balance |\n" +
			"| Sudan | Regional stability, Nile security | Conflict containment, influence |",
		Header: []string{"Issue", "Egypt’s Focus", "Russia’s Focus"},
		Rows: [][]string{
			{"Libya", "Border security, political unity", "Strategic stability, diplomacy"},
			{"Gaza", "Ceasefire, humanitarian access", "De-escalation, international balance"},
			{"Sudan", "Regional stability, Nile security", "Conflict containment, influence"},
		},
	}}
	if got := simplifyTables(d); !reflect.DeepEqual(got, want) {
		t.Errorf("tables:\n got %q\nwant %q", got, want)
	}

	// Running again, after paragraphs or not, gives the same tables.
	first := simplifyTables(d)
	runParagraphs(t, d.Text, nil)
	s, _ := NewTables(nil)
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(simplifyTables(d), first) {
		t.Error("second run changed the tables")
	}
}

func TestTablesCases(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []table
	}{
		{"empty", "", nil},
		{"no table", "Some text.\nA line with one | pipe.\n", nil},
		{"separator alone", "|---|---|\n", nil},
		{
			"escaped pipe and empty cell",
			"| Name | Note |\n|:--|--:|\n| a \\| b |  |\n|| x |",
			[]table{{
				Text:   "| Name | Note |\n|:--|--:|\n| a \\| b |  |\n|| x |",
				Header: []string{"Name", "Note"},
				Rows:   [][]string{{`a \| b`, ""}, {"", "x"}},
			}},
		},
		{
			"no separator row",
			"Before.\n| A | B |\n| 1 | 2 |\nAfter.",
			[]table{{Text: "| A | B |\n| 1 | 2 |", Header: []string{"A", "B"}, Rows: [][]string{{"1", "2"}}}},
		},
		{
			"no outer pipes",
			"Name | Role\n--- | ---\nLavrov | Minister\n",
			[]table{{Text: "Name | Role\n--- | ---\nLavrov | Minister", Header: []string{"Name", "Role"}, Rows: [][]string{{"Lavrov", "Minister"}}}},
		},
		{
			"two tables, CRLF, space around",
			"\t| A | B |\r\n|---|---|\r\n| 1 | 2 |\u00a0\r\n\r\n| C |\r\n",
			[]table{
				{Text: "| A | B |\r\n|---|---|\r\n| 1 | 2 |", Header: []string{"A", "B"}, Rows: [][]string{{"1", "2"}}},
				{Text: "| C |", Header: []string{"C"}, Rows: [][]string{}},
			},
		},
		{
			"unicode and ragged rows",
			"| Страна | “Focus” — note |\n|---|---|\n| Египет |\n| Россия | «стабильность» | extra |",
			[]table{{
				Text:   "| Страна | “Focus” — note |\n|---|---|\n| Египет |\n| Россия | «стабильность» | extra |",
				Header: []string{"Страна", "“Focus” — note"},
				Rows:   [][]string{{"Египет"}, {"Россия", "«стабильность»", "extra"}},
			}},
		},
		{
			"escaped backslash before pipe",
			`| a\\| b |`,
			[]table{{Text: `| a\\| b |`, Header: []string{`a\\`, "b"}, Rows: [][]string{}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := runTables(t, tt.text)
			got := simplifyTables(d)
			want := tt.want
			if want == nil {
				want = []table{}
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("text %q\n got %q\nwant %q", tt.text, got, want)
			}
		})
	}
}

func TestTablesEmptyCellPosition(t *testing.T) {
	text := "| a |   | c |"
	d := runTables(t, text)
	c := d.Tables[0].Header[1]
	// The empty cell sits just before its closing pipe.
	if want := strings.Index(text, "| c"); c.Start != want || c.End != want || c.Text != "" {
		t.Errorf("empty cell = %+v, want empty span at %d", c, want)
	}
}

func TestNewTablesOptions(t *testing.T) {
	if _, err := NewTables(pipeline.Options{"unknown": 1}); err == nil {
		t.Error("NewTables with an unknown option: no error")
	}
	s, err := NewTables(pipeline.Options{})
	if err != nil || s.Name() != "tables" {
		t.Fatalf("NewTables = %v, %v", s, err)
	}
}

// FuzzTables also checks that the paragraphs stage finds a table row for
// every row the tables stage parses.
func FuzzTables(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	b, err := os.ReadFile(seedPath)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	tables, _ := NewTables(nil)
	paras, _ := NewParagraphs(nil)
	f.Fuzz(func(t *testing.T, text string) {
		d := pipeline.NewDoc("fuzz", text)
		if err := tables.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		checkTables(t, d)
		if err := paras.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		rows := 0
		for _, tab := range d.Tables {
			rows += 1 + len(tab.Rows)
		}
		n := 0
		for _, p := range d.Paragraphs {
			if p.Kind == pipeline.TableRow {
				n++
			}
		}
		if n != rows {
			t.Fatalf("%d table row paragraphs, %d parsed rows", n, rows)
		}
	})
}

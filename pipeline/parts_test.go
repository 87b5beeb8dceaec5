package pipeline

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPartBounds(t *testing.T) {
	para := "Ána Ruiz met the delegation. The talks went on late.\n\n"
	tests := []struct {
		name string
		text string
		size int
		// ends says what every part but the last must end with.
		ends string
	}{
		{"paragraphs", strings.Repeat(para, 40), 300, "\n\n"},
		{"lines", strings.Repeat("Ána Ruiz met the delegation today.\n", 40), 300, "\n"},
		{"sentences", strings.Repeat("Ána Ruiz met them. ", 40), 300, ". "},
		{"words", strings.Repeat("Ána ", 200), 301, " "},
		{"no breaks", strings.Repeat("é", 400), 301, ""},
		{"parts smaller than a character", strings.Repeat("é", 5), 1, ""},
		{"short", para, 300, ""},
		{"never", strings.Repeat(para, 40), 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := partBounds(tt.text, tt.size)
			if b[0] != 0 || b[len(b)-1] != len(tt.text) {
				t.Fatalf("bounds %v do not cover the %d bytes", b, len(tt.text))
			}
			if tt.size <= 0 || len(tt.text) <= tt.size {
				if len(b) != 2 {
					t.Fatalf("bounds %v, want one part", b)
				}
				return
			}
			if len(b) < 3 {
				t.Fatalf("bounds %v: one part of %d bytes over %d", b, len(tt.text), tt.size)
			}
			for i := 1; i < len(b); i++ {
				part := tt.text[b[i-1]:b[i]]
				if len(part) == 0 || len(part) > max(tt.size, utf8.UTFMax) {
					t.Errorf("part %d is %d bytes (size %d)", i, len(part), tt.size)
				}
				if !utf8.ValidString(part) {
					t.Errorf("part %d cuts a character: %q", i, part)
				}
				if i < len(b)-1 && !strings.HasSuffix(part, tt.ends) {
					t.Errorf("part %d ends %q, want a cut after %q", i, part[max(0, len(part)-12):], tt.ends)
				}
			}
		})
	}
}

// people is a stage for the parts tests: paragraphs at blank lines
// ("# " opens a heading), every "Given Surname" a participant with the
// surname as alias and each lone surname a mention of them, "trade" a
// paragraph topic, an issue and Ana Ruiz's focus. It records the longest
// text it was given.
type people struct{ longest *int }

func (people) Name() string { return "people" }

func (s people) Process(_ context.Context, d *Doc) error {
	*s.longest = max(*s.longest, len(d.Text))
	section, start := -1, 0
	for _, p := range strings.SplitAfter(d.Text, "\n\n") {
		end := start + len(strings.TrimRight(p, "\n"))
		if end > start {
			kind := TextPara
			if strings.HasPrefix(p, "# ") {
				kind = Heading
			}
			para := Paragraph{Start: start, End: end, Kind: kind, Section: section, Block: -1}
			if strings.Contains(p, "trade") {
				para.Topics = []TopicScore{{Topic: "trade", Label: "Trade", Score: 1,
					Evidence: []Evidence{{Kind: "stem", Span: d.SpanOf(start+strings.Index(p, "trade"), start+strings.Index(p, "trade")+5)}}}}
			}
			if kind == Heading {
				section = len(d.Paragraphs)
			}
			d.Paragraphs = append(d.Paragraphs, para)
		}
		start += len(p)
	}
	byName := map[string]int{} // a name or surname -> participant
	for _, m := range nameRE.FindAllStringIndex(d.Text, -1) {
		name, mention := d.Text[m[0]:m[1]], d.SpanOf(m[0], m[1])
		d.Entities = append(d.Entities, Entity{Start: m[0], End: m[1], Text: name, Label: Person, Source: SourceRule})
		if at, ok := byName[name]; ok {
			d.Participants[at].Mentions = append(d.Participants[at].Mentions, mention)
			continue
		}
		p := Participant{ID: "x", Name: name, Mentions: []Span{mention}}
		byName[name] = len(d.Participants)
		if _, surname, full := strings.Cut(name, " "); full {
			p.Aliases = []string{surname}
			byName[surname] = len(d.Participants)
		}
		if strings.Contains(name, "Hale") && strings.Contains(d.Text, "Minister") {
			p.Role = "Minister"
		}
		d.Participants = append(d.Participants, p)
	}
	var trade []int
	for i, p := range d.Paragraphs {
		if len(p.Topics) > 0 {
			trade = append(trade, i)
		}
	}
	if len(trade) > 0 {
		d.Topics = []TopicScore{{Topic: "trade", Label: "Trade", Score: float64(len(trade)) / float64(len(d.Paragraphs))}}
		var focus []Span
		if i := strings.Index(d.Text, "trade deal"); i >= 0 {
			focus = append(focus, d.SpanOf(i, i+len("trade deal")))
		}
		d.Issues = []Issue{{Topic: "trade", Label: "Trade", Paragraphs: trade, Table: -1,
			Parties: []Party{{Name: "Ana Ruiz", Kind: "person", Focus: focus}}}}
	}
	return nil
}

var nameRE = regexp.MustCompile(`Ana Ruiz|Tom Hale|Ünal Köse|Ruiz|Hale|Köse`)

func TestRunnerParts(t *testing.T) {
	text := "# Talks in Zürich\n\n" +
		"Ana Ruiz met Tom Hale. The trade deal was signed.\n\n" +
		"Hale spoke for an hour, then Ana Ruiz answered.\n\n" + // part 1 ends here
		"Later, Hale met Ünal Köse about trade.\n\n" +
		"Ruiz welcomed the trade deal. The Minister said nothing.\n\n" + // part 2
		"# Ports\n\n" +
		"Köse left for Oslo.\n"
	cut1 := strings.Index(text, "Later")
	for _, unit := range []OffsetUnit{Bytes, CodePoints, UTF16} {
		longest := 0
		r := &Runner{Pipeline: &Pipeline{Stages: []Stage{people{&longest}}}, Output: OutputOptions{Offsets: unit}, PartBytes: cut1 + 8}
		out := r.Annotate(t.Context(), Record{ID: "doc", Text: text})
		if longest > r.PartBytes {
			t.Errorf("%s: a stage was given %d bytes at once, parts are %d", unit, longest, r.PartBytes)
		}
		if out.Status != "ok" || out.Length != newOffsetConverter(text, unit).convert(len(text)) {
			t.Fatalf("%s: status %s, length %d", unit, out.Status, out.Length)
		}
		slice := func(s, e int) string {
			c := newOffsetConverter(text, unit)
			b := func(u int) int { // unit offset -> byte offset
				for i := range len(text) + 1 {
					if utf8.RuneStart(text[min(i, len(text)-1)]) && c.convert(i) == u || i == len(text) {
						return i
					}
				}
				return len(text)
			}
			return text[b(s):b(e)]
		}
		check := func(what string, s OutSpan) {
			if got := slice(s.Start, s.End); got != s.Text {
				t.Errorf("%s: %s [%d,%d) is %q in the text, the record says %q", unit, what, s.Start, s.End, got, s.Text)
			}
		}
		for _, e := range out.Entities {
			check("entity", OutSpan{e.Start, e.End, e.Text})
		}
		var names []string
		for _, p := range out.Participants {
			names = append(names, p.ID+" "+p.Name)
			if p.MentionCount != len(p.Mentions) || p.FirstMention != p.Mentions[0] {
				t.Errorf("%s: %s: count %d, first %v, mentions %v", unit, p.Name, p.MentionCount, p.FirstMention, p.Mentions)
			}
			for _, m := range p.Mentions {
				check(p.Name+" mention", m)
			}
		}
		if got := strings.Join(names, ", "); got != "p1 Ana Ruiz, p2 Tom Hale, p3 Ünal Köse" {
			t.Errorf("%s: participants %s", unit, got)
		}
		if hale := out.Participants[1]; hale.MentionCount != 3 || hale.Role == nil || *hale.Role != "Minister" {
			t.Errorf("%s: Tom Hale: %d mentions, role %v; want 3 over both parts and the later part's role", unit, hale.MentionCount, hale.Role)
		}
		var paras []string
		for i, p := range out.Paragraphs {
			if p.Index != i {
				t.Errorf("%s: paragraph %d has index %d", unit, i, p.Index)
			}
			paras = append(paras, fmt.Sprintf("%s:%d", p.Kind, p.Section))
			for _, tp := range p.Topics {
				for _, e := range tp.Evidence {
					check("evidence", OutSpan{e.Start, e.End, e.Text})
				}
			}
		}
		if got := strings.Join(paras, " "); got != "heading:-1 text:0 text:0 text:0 text:0 heading:-1 text:5" {
			t.Errorf("%s: paragraphs (kind:section) %s", unit, got)
		}
		if len(out.Issues) != 1 || fmt.Sprint(out.Issues[0].Paragraphs) != "[1 3 4]" {
			t.Fatalf("%s: issues %+v, want trade in paragraphs 1, 3 and 4", unit, out.Issues)
		}
		if f := out.Issues[0].Parties[0].Focus; len(f) != 1 {
			t.Errorf("%s: focus %v, want the one trade deal (the same phrase twice)", unit, f)
		} else {
			check("focus", f[0])
		}
		if len(out.Topics) != 1 || out.Topics[0].Score != round(3.0/7) {
			t.Errorf("%s: topics %+v, want trade at 3/7", unit, out.Topics)
		}
	}
}

// FuzzRunnerParts: whatever the text and the part size, the record made
// in parts holds every span at its offsets, in bytes and in code points,
// and numbers its paragraphs in order.
func FuzzRunnerParts(f *testing.F) {
	f.Add("Ana Ruiz met Tom Hale.\n\nHale spoke of trade.\n\nÜnal Köse left.", 20)
	f.Add("Tom Hale\nTom Hale\r\n\r\nKöse é é é trade deal", 7)
	f.Add(strings.Repeat("Ruiz ", 50), 1)
	f.Fuzz(func(t *testing.T, text string, size int) {
		if !utf8.ValidString(text) || size < 1 || size > 1<<16 {
			return
		}
		for _, unit := range []OffsetUnit{Bytes, CodePoints} {
			longest := 0
			r := &Runner{Pipeline: &Pipeline{Stages: []Stage{people{&longest}}}, Output: OutputOptions{Offsets: unit}, PartBytes: size}
			out, err := r.process(t.Context(), &Doc{ID: "f", Text: text})
			if err != nil {
				t.Fatal(err)
			}
			if longest > max(size, utf8.UTFMax) {
				t.Fatalf("a stage was given %d bytes, parts are %d", longest, size)
			}
			runes := []rune(text)
			at := func(s, e int) string {
				if unit == Bytes {
					return text[s:e]
				}
				return string(runes[s:e])
			}
			for _, e := range out.Entities {
				if got := at(e.Start, e.End); got != e.Text {
					t.Fatalf("%s: entity [%d,%d) is %q in the text, %q in the record", unit, e.Start, e.End, got, e.Text)
				}
			}
			for i, p := range out.Paragraphs {
				if p.Index != i || p.Start > p.End || i > 0 && p.Start < out.Paragraphs[i-1].End {
					t.Fatalf("%s: paragraph %d: %+v after %+v", unit, i, p, out.Paragraphs[max(i-1, 0)])
				}
			}
		}
	})
}

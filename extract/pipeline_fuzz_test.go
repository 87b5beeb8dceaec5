package extract_test

import (
	"context"
	"fmt"
	"os"
	"reflect"
	"sync"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/readout/readout"
	"github.com/readout/readout/pipeline"
)

// fuzzPipelineSeeds are texts that stress offsets: multi-byte runes of
// every UTF-8 length, astral runes (two UTF-16 units), CRLF, tabs, NBSP,
// typographic punctuation, tables, lists, headings and non-Latin names.
var fuzzPipelineSeeds = []string{
	"HALE WINS . Ivo Brandt BERLIN 2031-05-14 Veteran P. Larsen won in ST. ALBANS .",
	"Standings : HARWICK 75 58 .564 - DENVER 80 53 .602 4 LEEDS 72 63 .533 7 .",
	"Results\nTom Hale Norway\nAna Ruiz Chile\nLena Vogt Germany\n",
	"Égypte and Россия met in Cairo. Президент Владимир Путин spoke.",
	"Egypt and Russia met.\r\nSergey Lavrov said “Libya” matters.\r\n\r\nNext paragraph.\r\n",
	"\tIndented\ttabs\tand Cairo\t\n\tSergey Lavrov\t",
	"President\u00a0Abdel Fattah el-Sisi met\u00a0Sergey Lavrov in\u00a0Cairo.",
	"“Egypt’s position is clear,” said Badr Abdel Atty — the foreign minister – in Cairo.",
	"| Country | Focus |\n|---|---|\n| Egypt | Libya – elections |\n| Russia | Sudan “ceasefire” |\n",
	"- Egypt\n-\n* Russia backs talks on Libya\n•\n• Gaza 🕊 ceasefire\n1.\n2. Sudan\n",
	"# Libya\n\nEgypt and Russia discussed Libya.\n\n## Gaza\nTalks on Gaza aid.\n",
	"Сергей Лавров встретился с Абдель Фаттахом ас-Сиси в Каире.",
	"習近平 met 王毅 in 北京 and Egypt’s President Abdel Fattah el-Sisi in Cairo.",
	"Emoji 🇪🇬🇷🇺 flags: Egypt 🇪🇬 and Russia 🇷🇺 🤝 in Cairo 🏛️. Sergey Lavrov 😀 said so.",
	"𝐄𝐠𝐲𝐩𝐭 and 𝕽𝖚𝖘𝖘𝖎𝖆: Foreign Minister Sergey Lavrov visited Cairo.",
	"a\u0301\u0308 e\u200d f\ufeffg \u2028 line\u2029 para",
	"|\n||\n\\|\n|\\|\n| 🇪🇬 | 𝐱 |\n|-|-|\n| é | Ж |",
	"## Heading ##\r# \r#\n- \n\u00a0\n\t\n",
	"“We are ready,” national police chief Lise Varga said. ‘No,’ émir Omar Haddad said.",
	"0000毅0000北京00000000 President ro",
	"They met President Mr",
	"00000 Yaaa'te' C’ 0000000 Minister,\naB", // a body ending the text after a title
}

var (
	fuzzPipeOnce sync.Once
	fuzzPipe     *pipeline.Pipeline
	fuzzPipeErr  error
)

func fuzzPipeline(tb testing.TB) *pipeline.Pipeline {
	fuzzPipeOnce.Do(func() {
		cfg, err := readout.LoadConfig("")
		if err != nil {
			fuzzPipeErr = err
			return
		}
		fuzzPipe, fuzzPipeErr = cfg.NewPipeline()
	})
	if fuzzPipeErr != nil {
		tb.Fatal(fuzzPipeErr)
	}
	return fuzzPipe
}

func FuzzPipeline(f *testing.F) {
	for _, s := range fuzzPipelineSeeds {
		f.Add(s)
	}
	b, err := os.ReadFile("../testdata/egypt-russia-cairo.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b[:1200]))
	f.Add(string(b))
	p := fuzzPipeline(f)

	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			t.Skip("invalid UTF-8 is rejected by the runner before the pipeline")
		}
		d := pipeline.NewDoc("fuzz", text)
		if err := p.Process(context.Background(), d); err != nil {
			t.Fatalf("Process: %v", err)
		}
		for _, e := range d.Errors {
			t.Errorf("stage %s failed: %s", e.Stage, e.Message)
		}
		if !checkDocSpans(t, d) {
			return // Output would panic slicing a broken span
		}
		for _, unit := range []pipeline.OffsetUnit{pipeline.Bytes, pipeline.CodePoints, pipeline.UTF16} {
			o := d.Output(pipeline.OutputOptions{Offsets: unit, Sentences: true, Tokens: true})
			checkOutputSpans(t, d, o, unit)
			checkValidStrings(t, reflect.ValueOf(o), "output")
		}
	})
}

// checkDocSpans checks the byte spans every stage left on d: in range, on
// rune boundaries, Start <= End, and any stored text equal to the slice.
func checkDocSpans(t *testing.T, d *pipeline.Doc) bool {
	t.Helper()
	ok := true
	check := func(stage, what string, start, end int, text *string) {
		switch {
		case start < 0 || end > len(d.Text) || start > end:
			t.Errorf("%s: %s: bad byte span [%d,%d) in text of %d bytes", stage, what, start, end, len(d.Text))
			ok = false
		case !boundary(d.Text, start) || !boundary(d.Text, end):
			t.Errorf("%s: %s: byte span [%d,%d) splits a rune: %q", stage, what, start, end, d.Text[max(start-3, 0):min(end+3, len(d.Text))])
			ok = false
		case text != nil && *text != d.Text[start:end]:
			t.Errorf("%s: %s: span [%d,%d) text %q, but text[start:end] is %q", stage, what, start, end, *text, d.Text[start:end])
		}
	}
	topics := func(stage, where string, ts []pipeline.TopicScore) {
		for _, ts := range ts {
			for k, e := range ts.Evidence {
				check(stage, fmt.Sprintf("%s topic %s evidence %d", where, ts.Topic, k), e.Start, e.End, &e.Text)
			}
		}
	}
	for i, p := range d.Paragraphs {
		check("paragraphs", fmt.Sprintf("paragraph %d", i), p.Start, p.End, nil)
		if p.Marker != nil {
			check("paragraphs", fmt.Sprintf("paragraph %d marker", i), p.Marker.Start, p.Marker.End, &p.Marker.Text)
		}
		topics("topics", fmt.Sprintf("paragraph %d", i), p.Topics)
	}
	for i, s := range d.Sentences {
		check("tokens", fmt.Sprintf("sentence %d", i), s.Start, s.End, nil)
	}
	for i, tk := range d.Tokens {
		check("tokens", fmt.Sprintf("token %d", i), tk.Start, tk.End, &tk.Text)
	}
	for i, e := range d.Entities {
		check("entities", fmt.Sprintf("entity %d (%s)", i, e.Label), e.Start, e.End, &e.Text)
	}
	for i, p := range d.Participants {
		for k, m := range p.Mentions {
			check("participants", fmt.Sprintf("participant %d mention %d", i, k), m.Start, m.End, &m.Text)
		}
		if p.Evidence != nil {
			check("participants", fmt.Sprintf("participant %d evidence", i), p.Evidence.Start, p.Evidence.End, &p.Evidence.Text)
		}
	}
	topics("topics", "document", d.Topics)
	for i, is := range d.Issues {
		for j, p := range is.Parties {
			for k, fs := range p.Focus {
				check("issues", fmt.Sprintf("issue %d party %d focus %d", i, j, k), fs.Start, fs.End, &fs.Text)
			}
		}
	}
	for i, tb := range d.Tables {
		check("tables", fmt.Sprintf("table %d", i), tb.Start, tb.End, nil)
		for k, h := range tb.Header {
			check("tables", fmt.Sprintf("table %d header %d", i, k), h.Start, h.End, &h.Text)
		}
		for r, row := range tb.Rows {
			for k, c := range row {
				check("tables", fmt.Sprintf("table %d row %d cell %d", i, r, k), c.Start, c.End, &c.Text)
			}
		}
	}
	return ok
}

// checkValidStrings reports every string in v that is not valid UTF-8:
// the JSON encoder would quietly turn its bytes into U+FFFD.
func checkValidStrings(t *testing.T, v reflect.Value, path string) {
	t.Helper()
	switch v.Kind() {
	case reflect.String:
		if !utf8.ValidString(v.String()) {
			t.Errorf("%s: invalid UTF-8 %q", path, v.String())
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			checkValidStrings(t, v.Elem(), path)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				checkValidStrings(t, v.Field(i), path+"."+v.Type().Field(i).Name)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			checkValidStrings(t, v.Index(i), fmt.Sprintf("%s[%d]", path, i))
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			checkValidStrings(t, iter.Key(), path+" key")
			checkValidStrings(t, iter.Value(), fmt.Sprintf("%s[%v]", path, iter.Key()))
		}
	}
}

func boundary(s string, i int) bool { return i == len(s) || utf8.RuneStart(s[i]) }

// checkOutputSpans checks that every span in o, sliced in unit from the
// text, is the span's text.
func checkOutputSpans(t *testing.T, d *pipeline.Doc, o *pipeline.Output, unit pipeline.OffsetUnit) {
	t.Helper()
	var n int
	var slice func(start, end int) string
	switch unit {
	case pipeline.Bytes:
		n = len(d.Text)
		slice = func(s, e int) string { return d.Text[s:e] }
	case pipeline.CodePoints:
		rs := []rune(d.Text)
		n = len(rs)
		slice = func(s, e int) string { return string(rs[s:e]) }
	case pipeline.UTF16:
		us := utf16.Encode([]rune(d.Text))
		n = len(us)
		slice = func(s, e int) string { return string(utf16.Decode(us[s:e])) }
	}
	if o.Length != n {
		t.Errorf("%s: length %d, want %d", unit, o.Length, n)
	}
	check := func(what string, start, end int, want string) {
		if start < 0 || start > end || end > n {
			t.Errorf("%s: %s: bad span [%d,%d) of %d units", unit, what, start, end, n)
			return
		}
		if got := slice(start, end); got != want {
			t.Errorf("%s: %s: text[%d:%d] is %q, want %q", unit, what, start, end, got, want)
		}
	}
	span := func(what string, s pipeline.OutSpan) { check(what, s.Start, s.End, s.Text) }
	topics := func(where string, ts []pipeline.OutTopic) {
		for _, tp := range ts {
			for k, e := range tp.Evidence {
				check(fmt.Sprintf("%s topic %s evidence %d", where, tp.Topic, k), e.Start, e.End, e.Text)
			}
		}
	}
	if len(o.Paragraphs) != len(d.Paragraphs) {
		t.Fatalf("%s: %d paragraphs written, doc has %d", unit, len(o.Paragraphs), len(d.Paragraphs))
	}
	for i, p := range o.Paragraphs {
		dp := d.Paragraphs[i]
		check(fmt.Sprintf("paragraph %d", i), p.Start, p.End, d.Text[dp.Start:dp.End])
		if p.Marker != nil {
			span(fmt.Sprintf("paragraph %d marker", i), *p.Marker)
		}
		topics(fmt.Sprintf("paragraph %d", i), p.Topics)
	}
	for i, s := range o.Sentences {
		span(fmt.Sprintf("sentence %d", i), s)
	}
	for i, tk := range o.Tokens {
		check(fmt.Sprintf("token %d", i), tk.Start, tk.End, tk.Text)
	}
	for i, e := range o.Entities {
		check(fmt.Sprintf("entity %d", i), e.Start, e.End, e.Text)
	}
	for i, p := range o.Participants {
		for k, m := range p.Mentions {
			span(fmt.Sprintf("participant %d mention %d", i, k), m)
		}
		if len(p.Mentions) > 0 {
			span(fmt.Sprintf("participant %d first mention", i), p.FirstMention)
		}
		if p.Evidence != nil {
			span(fmt.Sprintf("participant %d evidence", i), *p.Evidence)
		}
	}
	topics("document", o.Topics)
	for i, is := range o.Issues {
		for j, p := range is.Parties {
			for k, fs := range p.Focus {
				span(fmt.Sprintf("issue %d party %d focus %d", i, j, k), fs)
			}
		}
	}
	if len(o.Tables) != len(d.Tables) {
		t.Fatalf("%s: %d tables written, doc has %d", unit, len(o.Tables), len(d.Tables))
	}
	for i, tb := range o.Tables {
		dt := d.Tables[i]
		check(fmt.Sprintf("table %d", i), tb.Start, tb.End, d.Text[dt.Start:dt.End])
		for k, h := range tb.Header {
			span(fmt.Sprintf("table %d header %d", i, k), h)
		}
		for r, row := range tb.Rows {
			for k, c := range row {
				span(fmt.Sprintf("table %d row %d cell %d", i, r, k), c)
			}
		}
	}
}

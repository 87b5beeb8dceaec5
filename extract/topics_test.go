package extract

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/readout/readout/pipeline"
)

// ---- a hand-built reference Doc ----

// topicRefText reads the reference article.
func topicRefText(t *testing.T) string {
	t.Helper()
	for _, p := range []string{
		filepath.Join("..", "testdata", "egypt-russia-cairo.txt"),
		filepath.Join("..", "..", "shared", "seed", "egypt-russia-cairo.txt"),
	} {
		if b, err := os.ReadFile(p); err == nil {
			return string(b)
		}
	}
	t.Fatal("reference article egypt-russia-cairo.txt not found in ../testdata or ../../shared/seed")
	return ""
}

var topicRefHeadings = []string{
	"Libya Back on the Table, Again",
	"Gaza and the Call to Stop the Fighting",
	"Sudan, Borders, and a Nervous Neighborhood",
	"Who Was in the Room and Why It Matters",
	"A Familiar Message, Delivered at a Sharp Moment",
}

// topicTestLex tags the article's words that are not nouns (Penn Treebank).
// Unknown words are nouns: NNP when capitalised, NNS when they end in "s".
var topicTestLex = func() map[string]string {
	m := map[string]string{}
	add := func(tag, words string) {
		for _, w := range strings.Fields(words) {
			m[w] = tag
		}
	}
	add("DT", "a an the another each both some no these this all every any")
	add("IN", "about across against as at by for from in into of on over through under with whether while than since if because like that out")
	add("RP", "up down")
	add("TO", "to")
	add("CC", "and or but yet nor")
	add("PRP", "it they we i he she them")
	add("PRP$", "its their his her our")
	add("WP", "who what")
	add("WRB", "where when why how")
	add("MD", "can might will would could should won’t can’t")
	add("RB", "again almost already also closely early especially even exactly firmly further here increasingly just meanwhile more not now otherwise rather right sometimes still there too away back least")
	add("CD", "22 two one")
	add("VBD", "used signaled received unfolded kept filled attended did included was were said came stayed emphasized rounded spoke stood underscored reinforced described pushed wasn’t didn’t")
	add("VBN", "discussed become been delivered allowed made stressed linked lined measured focused combined shared stalled")
	add("VBZ", "is feels has spills keeps hints matters gives adds drags carries knows signals remains resists shows doesn’t")
	add("VBP", "are see don’t sit overlap")
	add("VB", "be go zero drift ignore preserve slide stop cool inflame tell say solve put")
	add("VBG", "touching demanding placing resurfacing mixing fracturing keeping grinding stopping stabilizing preventing reflecting grappling according")
	add("JJ", "high-level raw steady tight tense wider crowded regional wide-ranging immediate longer-running political core important fragile next irregular close strategic territorial familiar foreign calm sober dramatic lost heavy civilian diplomatic firm hot broader philosophical plain endless nervous humanitarian long economic armed official short senior quick key main sharp whole unfinished countless easy alive present pressing loud quiet flashy unpredictable extra international own open egyptian russian libyan")
	return m
}()

var topicTestBaseVerbs = map[string]bool{"respect": true, "stop": true, "go": true, "put": true, "tell": true, "cool": true}

// topicTestTokens tokenizes d.Text[start:end] (words with inner hyphens or
// apostrophes; "’s" split off; every other non-space rune a token).
func topicTestTokens(text string, start, end int) []pipeline.Token {
	var out []pipeline.Token
	isW := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	i := start
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		if !isW(r) {
			out = append(out, pipeline.Token{Start: i, End: i + n, Text: text[i : i+n]})
			i += n
			continue
		}
		j := i + n
		for j < end {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if isW(r2) {
				j += n2
				continue
			}
			if (r2 == '-' || r2 == '’' || r2 == '\'') && j+n2 < end {
				if r3, _ := utf8.DecodeRuneInString(text[j+n2:]); isW(r3) {
					j += n2
					continue
				}
			}
			break
		}
		w := text[i:j]
		if strings.HasSuffix(w, "’s") && len(w) > len("’s") {
			k := j - len("’s")
			out = append(out, pipeline.Token{Start: i, End: k, Text: text[i:k]}, pipeline.Token{Start: k, End: j, Text: text[k:j]})
		} else {
			out = append(out, pipeline.Token{Start: i, End: j, Text: w})
		}
		i = j
	}
	return out
}

// topicTestTag tags tokens of one sentence with topicTestLex and a few
// context rules.
func topicTestTag(toks []pipeline.Token) {
	for i := range toks {
		w := toks[i].Text
		low := strings.ToLower(w)
		r, _ := utf8.DecodeRuneInString(w)
		prev := ""
		if i > 0 {
			prev = strings.ToLower(toks[i-1].Text)
		}
		tag, ok := topicTestLex[low]
		switch {
		case low == "’s":
			tag = "POS"
			if prev == "here" || prev == "that" || prev == "it" || prev == "there" {
				tag = "VBZ"
			}
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			tag = w
			if w == "“" {
				tag = "``"
			} else if w == "”" {
				tag = "''"
			}
		case topicTestBaseVerbs[low] && (prev == "to" || prev == "don’t" || prev == "doesn’t" || topicTestLex[prev] == "MD"):
			tag = "VB"
		case ok && !(unicode.IsUpper(r) && i > 0 && tag == "JJ" && low != "egyptian" && low != "russian" && low != "libyan"):
		case unicode.IsUpper(r) && (i > 0 || !ok):
			tag = "NNP"
			if i == 0 && !ok {
				tag = "NN"
				if strings.HasSuffix(low, "s") && !strings.HasSuffix(low, "ss") {
					tag = "NNS"
				}
			}
		case strings.HasSuffix(low, "s") && !strings.HasSuffix(low, "ss") && !strings.HasSuffix(low, "is") && !strings.HasSuffix(low, "us"):
			tag = "NNS"
		default:
			tag = "NN"
		}
		toks[i].Tag = tag
	}
}

// topicRefDoc builds the reference article's Doc by hand: paragraphs,
// sentences, tagged tokens, entities, participants and the table, as the
// earlier stages would.
func topicRefDoc(t *testing.T) *pipeline.Doc {
	t.Helper()
	text := topicRefText(t)
	d := pipeline.NewDoc("egypt-russia-cairo", text)
	heads := map[string]bool{}
	for _, h := range topicRefHeadings {
		heads[h] = true
	}
	section, block := -1, -1
	var marker *pipeline.Span
	lastKind := pipeline.ParagraphKind("")
	var table *pipeline.Table
	off := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		start := off
		off += len(line)
		body := strings.TrimRight(line, "\r\n")
		end := start + len(body)
		trimmed := strings.TrimSpace(body)
		if trimmed == "" {
			continue
		}
		if trimmed == "-" {
			sp := d.SpanOf(start, start+1)
			marker = &sp
			continue
		}
		kind := pipeline.TextPara
		pStart, pEnd := start, end
		switch {
		case heads[trimmed]:
			kind = pipeline.Heading
		case strings.HasPrefix(trimmed, "|"):
			if strings.Trim(trimmed, "|-: ") == "" {
				continue // separator row
			}
			kind = pipeline.TableRow
			a := start + strings.Index(body, "|") + 1
			b := start + strings.LastIndex(body, "|")
			for a < b && text[a] == ' ' {
				a++
			}
			for b > a && text[b-1] == ' ' {
				b--
			}
			pStart, pEnd = a, b
			// cells
			var cells []pipeline.Span
			cs := start + strings.Index(body, "|") + 1
			for k := cs; k <= start+strings.LastIndex(body, "|"); k++ {
				if text[k] != '|' {
					continue
				}
				x, y := cs, k
				for x < y && text[x] == ' ' {
					x++
				}
				for y > x && text[y-1] == ' ' {
					y--
				}
				cells = append(cells, d.SpanOf(x, y))
				cs = k + 1
			}
			if table == nil {
				table = &pipeline.Table{Start: start + strings.Index(body, "|"), Header: cells}
			} else {
				table.Rows = append(table.Rows, cells)
			}
			table.End = end
		case marker != nil:
			kind = pipeline.ListItem
		}
		if kind == pipeline.ListItem || kind == pipeline.TableRow {
			if kind != lastKind {
				block++
			}
		}
		p := pipeline.Paragraph{Start: pStart, End: pEnd, Kind: kind, Section: section, Block: -1}
		if kind == pipeline.Heading {
			section = len(d.Paragraphs)
			p.Section = section
		}
		if kind == pipeline.ListItem || kind == pipeline.TableRow {
			p.Block = block
			p.Marker = marker
		}
		marker = nil
		lastKind = kind
		pi := len(d.Paragraphs)
		d.Paragraphs = append(d.Paragraphs, p)
		// sentences and tokens
		toks := topicTestTokens(text, pStart, pEnd)
		s0 := 0
		for k := 0; k < len(toks); k++ {
			endSent := k == len(toks)-1
			if w := toks[k].Text; w == "." || w == "!" || w == "?" {
				if k+1 < len(toks) && toks[k+1].Text == "”" {
					k++
				}
				endSent = true
			}
			if !endSent {
				continue
			}
			sent := toks[s0 : k+1]
			topicTestTag(sent)
			si := len(d.Sentences)
			first := len(d.Tokens)
			for _, tk := range sent {
				tk.Sentence = si
				d.Tokens = append(d.Tokens, tk)
			}
			d.Sentences = append(d.Sentences, pipeline.Sentence{Start: sent[0].Start, End: sent[len(sent)-1].End, Paragraph: pi, FirstToken: first, EndToken: len(d.Tokens)})
			s0 = k + 1
		}
	}
	if table != nil {
		d.Tables = []pipeline.Table{*table}
	}
	// entities
	type ent struct{ text, label, subtype, canonical, id, country string }
	ents := []ent{
		{"Egypt", pipeline.Place, "country", "Egypt", "EG", "EG"},
		{"Russia", pipeline.Place, "country", "Russia", "RU", "RU"},
		{"Libya", pipeline.Place, "country", "Libya", "LY", "LY"},
		{"Sudan", pipeline.Place, "country", "Sudan", "SD", "SD"},
		{"Gaza", pipeline.Place, "territory", "Gaza", "geonames:281133", "PS"},
		{"Cairo", pipeline.Place, "city", "Cairo", "geonames:360630", "EG"},
		{"Moscow", pipeline.Place, "city", "Moscow", "geonames:524901", "RU"},
		{"Nile", pipeline.Place, "feature", "Nile", "geonames:351036", ""},
		{"North Africa", pipeline.Place, "region", "North Africa", "", ""},
		{"Egyptian", pipeline.NORP, "", "Egypt", "", "EG"},
		{"Russian", pipeline.NORP, "", "Russia", "", "RU"},
		{"Libyan", pipeline.NORP, "", "Libya", "", "LY"},
	}
	for _, e := range ents {
		for _, sp := range topicFindAll(text, e.text) {
			d.Entities = append(d.Entities, pipeline.Entity{Start: sp[0], End: sp[1], Text: text[sp[0]:sp[1]], Label: e.label, Subtype: e.subtype,
				Canonical: e.canonical, ID: e.id, Country: e.country, Source: pipeline.SourceGazetteer, Confidence: 1})
		}
	}
	people := []struct{ name, alias, role, country, code string }{
		{"Abdel Fattah el-Sisi", "el-Sisi", "President", "Egypt", "EG"},
		{"Sergey Lavrov", "Lavrov", "Foreign Minister", "Russia", "RU"},
		{"Badr Abdel Atty", "Abdel Atty", "Foreign Minister", "Egypt", "EG"},
		{"Sergey Vershinin", "Vershinin", "Deputy Foreign Minister", "Russia", "RU"},
		{"Georgy Borisenko", "Borisenko", "Ambassador", "Russia", "RU"},
		{"Alexander Kinshchak", "Kinshchak", "Head of MENA Department", "Russia", "RU"},
		{"Mikhail Dzhirgenya", "Dzhirgenya", "Section Director", "Russia", "RU"},
	}
	for k, p := range people {
		pt := pipeline.Participant{ID: "p" + string(rune('1'+k)), Name: p.name, Aliases: []string{p.alias}, Role: p.role, Country: p.country, CountryCode: p.code}
		for _, sp := range topicFindAll(text, p.name) {
			pt.Mentions = append(pt.Mentions, d.SpanOf(sp[0], sp[1]))
			d.Entities = append(d.Entities, pipeline.Entity{Start: sp[0], End: sp[1], Text: text[sp[0]:sp[1]], Label: pipeline.Person, Canonical: p.name, Source: pipeline.SourceModel, Confidence: 0.9})
		}
		d.Participants = append(d.Participants, pt)
	}
	topicSortEntities(d.Entities)
	return d
}

func topicSortEntities(es []pipeline.Entity) {
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && es[j].Start < es[j-1].Start; j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
}

// topicFindAll returns the whole-word occurrences of s in text.
func topicFindAll(text, s string) [][2]int {
	var out [][2]int
	for off := 0; ; {
		k := strings.Index(text[off:], s)
		if k < 0 {
			return out
		}
		a, b := off+k, off+k+len(s)
		off = b
		if a > 0 {
			if r, _ := utf8.DecodeLastRuneInString(text[:a]); unicode.IsLetter(r) || r == '-' {
				continue
			}
		}
		if b < len(text) {
			if r, _ := utf8.DecodeRuneInString(text[b:]); unicode.IsLetter(r) || r == '-' {
				continue
			}
		}
		out = append(out, [2]int{a, b})
	}
}

// topicCheckSpan fails unless sp is a true span of d.Text.
func topicCheckSpan(t *testing.T, d *pipeline.Doc, what string, sp pipeline.Span) {
	t.Helper()
	if sp.Start < 0 || sp.End > len(d.Text) || sp.Start > sp.End || d.Text[sp.Start:sp.End] != sp.Text {
		t.Errorf("%s: bad span %d..%d %q", what, sp.Start, sp.End, sp.Text)
	}
}

func topicCheckAllSpans(t *testing.T, d *pipeline.Doc) {
	t.Helper()
	for i, p := range d.Paragraphs {
		for _, ts := range p.Topics {
			for _, e := range ts.Evidence {
				topicCheckSpan(t, d, "paragraph "+strconv.Itoa(i)+" "+ts.Topic+" evidence", e.Span)
			}
		}
	}
	for _, ts := range d.Topics {
		for _, e := range ts.Evidence {
			topicCheckSpan(t, d, "doc topic "+ts.Topic, e.Span)
		}
	}
	for _, iss := range d.Issues {
		for _, p := range iss.Parties {
			for _, f := range p.Focus {
				topicCheckSpan(t, d, iss.Topic+" "+p.Name+" focus", f)
			}
		}
	}
}

func newTopicsForTest(t *testing.T, opts pipeline.Options) pipeline.Stage {
	t.Helper()
	s, err := NewTopics(opts)
	if err != nil {
		t.Fatalf("NewTopics: %v", err)
	}
	return s
}

// topicRefExpected returns the expected primary topic of paragraph i of the
// reference Doc.
func topicRefExpected(d *pipeline.Doc, i int) string {
	p := d.Paragraphs[i]
	text := d.Text[p.Start:p.End]
	head := ""
	if p.Section >= 0 {
		hp := d.Paragraphs[p.Section]
		head = d.Text[hp.Start:hp.End]
	}
	switch {
	case head == "":
		return "diplomacy"
	case strings.HasPrefix(head, "Libya"):
		return "place:Libya"
	case strings.HasPrefix(head, "Gaza"):
		return "place:Gaza"
	case strings.HasPrefix(head, "Sudan"):
		return "place:Sudan"
	case strings.HasPrefix(head, "Who Was"):
		return "diplomacy"
	}
	// "A Familiar Message..."
	if p.Kind == pipeline.TableRow {
		for _, place := range []string{"Libya", "Gaza", "Sudan"} {
			if strings.HasPrefix(text, place) {
				return "place:" + place
			}
		}
	}
	if strings.HasPrefix(text, "The Libyan file") {
		return "place:Libya"
	}
	return "diplomacy"
}

// ---- tests ----

func TestTopicsReferenceArticle(t *testing.T) {
	d := topicRefDoc(t)
	if n := len(d.Paragraphs); n != 43 {
		t.Fatalf("reference doc has %d paragraphs, want 43", n)
	}
	s := newTopicsForTest(t, nil)
	if s.Name() != "topics" {
		t.Fatalf("Name() = %q", s.Name())
	}
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for i, p := range d.Paragraphs {
		want := topicRefExpected(d, i)
		if len(p.Topics) == 0 {
			t.Errorf("paragraph %d %q: no topics, want %s", i, topicHead(d, p), want)
			continue
		}
		got := p.Topics[0]
		if got.Topic != want || got.Score != 1 {
			t.Errorf("paragraph %d (%s) %q: primary %s (%v), want %s", i, p.Kind, topicHead(d, p), got.Topic, got.Score, want)
		}
		if len(got.Evidence) == 0 {
			t.Errorf("paragraph %d: primary %s has no evidence", i, got.Topic)
		}
		for k := 1; k < len(p.Topics); k++ {
			if p.Topics[k].Score >= 1 || p.Topics[k].Score < 0.2 || p.Topics[k].Score > p.Topics[k-1].Score && k > 1 {
				t.Errorf("paragraph %d: secondary %s has score %v", i, p.Topics[k].Topic, p.Topics[k].Score)
			}
			if p.Topics[k].Topic == got.Topic {
				t.Errorf("paragraph %d: %s listed twice", i, got.Topic)
			}
		}
		if strings.HasPrefix(got.Topic, "place:") && got.Label != strings.TrimPrefix(got.Topic, "place:") {
			t.Errorf("paragraph %d: label %q for %s", i, got.Label, got.Topic)
		}
	}
	// Parties are never issues.
	for i, p := range d.Paragraphs {
		for _, ts := range p.Topics {
			if ts.Topic == "place:Egypt" || ts.Topic == "place:Russia" || ts.Topic == "place:Cairo" || ts.Topic == "place:Moscow" {
				t.Errorf("paragraph %d: party or city %s became a topic", i, ts.Topic)
			}
		}
	}
	// Document aggregate: sorted, diplomacy first here.
	if len(d.Topics) == 0 || d.Topics[0].Topic != "diplomacy" {
		t.Fatalf("doc topics: %+v", d.Topics)
	}
	for k := 1; k < len(d.Topics); k++ {
		a, b := d.Topics[k-1], d.Topics[k]
		if a.Score < b.Score || (a.Score == b.Score && a.Topic > b.Topic) {
			t.Errorf("doc topics out of order at %d: %v %v", k, a, b)
		}
	}
	topicCheckAllSpans(t, d)

	// Idempotent.
	before := topicClone(d)
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before.Paragraphs, d.Paragraphs) || !reflect.DeepEqual(before.Topics, d.Topics) {
		t.Error("second Process changed the result")
	}
}

func topicHead(d *pipeline.Doc, p pipeline.Paragraph) string {
	s := d.Text[p.Start:p.End]
	if len(s) > 40 {
		s = s[:40]
	}
	return s
}

func topicClone(d *pipeline.Doc) *pipeline.Doc {
	c := *d
	c.Paragraphs = nil
	for _, p := range d.Paragraphs {
		p.Topics = append([]pipeline.TopicScore(nil), p.Topics...)
		c.Paragraphs = append(c.Paragraphs, p)
	}
	c.Topics = append([]pipeline.TopicScore(nil), d.Topics...)
	c.Issues = append([]pipeline.Issue(nil), d.Issues...)
	return &c
}

func TestTopicsEvidenceKinds(t *testing.T) {
	d := topicRefDoc(t)
	if err := newTopicsForTest(t, nil).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	kinds := func(i int) map[string]bool {
		m := map[string]bool{}
		for _, e := range d.Paragraphs[i].Topics[0].Evidence {
			m[e.Kind] = true
		}
		return m
	}
	for i, p := range d.Paragraphs {
		text := d.Text[p.Start:p.End]
		switch {
		case text == "Libya Back on the Table, Again":
			if k := kinds(i); !k["heading"] || !k["entity"] {
				t.Errorf("Libya heading evidence kinds %v", k)
			}
		case strings.HasPrefix(text, "Both Egypt and Russia"):
			// No place of its own: the section's heading is the evidence.
			k := kinds(i)
			if !k["section"] {
				t.Errorf("Gaza section paragraph evidence kinds %v", k)
			}
			for _, e := range p.Topics[0].Evidence {
				if e.Kind == "section" && e.Text != "Gaza and the Call to Stop the Fighting" {
					t.Errorf("section evidence %q", e.Text)
				}
			}
			// The ceasefire shows as a secondary topic.
			found := false
			for _, ts := range p.Topics[1:] {
				if ts.Topic == "ceasefire-conflict" {
					found = true
				}
			}
			if !found {
				t.Errorf("no ceasefire-conflict secondary topic: %+v", p.Topics)
			}
		case strings.HasPrefix(text, "Egyptian President"):
			var stems []string
			for _, e := range p.Topics[0].Evidence {
				if e.Kind == "stem" {
					stems = append(stems, e.Text)
				}
			}
			if !topicContains(stems, "received") || !topicContains(stems, "Foreign Minister") {
				t.Errorf("diplomacy stems %q", stems)
			}
		}
	}
}

func TestTopicsRefugeesParagraph(t *testing.T) {
	text := "Thousands of refugees crossed into the camps last week. Aid groups said asylum seekers and displaced families need shelter."
	d := pipeline.NewDoc("r", text)
	d.Paragraphs = []pipeline.Paragraph{{Start: 0, End: len(text), Kind: pipeline.TextPara, Section: -1, Block: -1}}
	// No tokens: the stage splits words itself.
	if err := newTopicsForTest(t, nil).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	ts := d.Paragraphs[0].Topics
	if len(ts) == 0 || ts[0].Topic != "migration-refugees" || ts[0].Label != "Migration and refugees" {
		t.Fatalf("topics %+v", ts)
	}
	var ev []string
	for _, e := range ts[0].Evidence {
		ev = append(ev, e.Text)
	}
	for _, w := range []string{"refugees", "camps", "asylum seekers", "displaced"} {
		if !topicContains(ev, w) {
			t.Errorf("evidence %q lacks %q", ev, w)
		}
	}
	if len(d.Topics) == 0 || d.Topics[0].Topic != "migration-refugees" {
		t.Errorf("doc topics %+v", d.Topics)
	}
	topicCheckAllSpans(t, d)

	// Same with tokens from a tokenizer.
	d2 := pipeline.NewDoc("r", text)
	d2.Paragraphs = d.Paragraphs[:1:1]
	d2.Paragraphs[0].Topics = nil
	d2.Tokens = topicTestTokens(text, 0, len(text))
	if err := newTopicsForTest(t, nil).Process(context.Background(), d2); err != nil {
		t.Fatal(err)
	}
	if ts := d2.Paragraphs[0].Topics; len(ts) == 0 || ts[0].Topic != "migration-refugees" {
		t.Fatalf("with tokens: %+v", ts)
	}
}

func TestTopicsStemsMatchInflections(t *testing.T) {
	for _, tc := range []struct{ text, topic, ev string }{
		{"The negotiations resumed.", "diplomacy", "negotiations"},
		{"Negotiating teams met the mediators.", "diplomacy", "mediators"},
		{"New sanctions were imposed.", "sanctions", "sanctions"},
		{"The elections were postponed.", "elections", "elections"},
		{"Calls for de-escalation grew.", "ceasefire-conflict", "de-escalation"},
	} {
		d := pipeline.NewDoc("s", tc.text)
		d.Paragraphs = []pipeline.Paragraph{{Start: 0, End: len(tc.text), Kind: pipeline.TextPara, Section: -1, Block: -1}}
		if err := newTopicsForTest(t, nil).Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		ts := d.Paragraphs[0].Topics
		if len(ts) == 0 || ts[0].Topic != tc.topic {
			t.Errorf("%q: topics %+v, want %s", tc.text, ts, tc.topic)
			continue
		}
		found := false
		for _, e := range ts[0].Evidence {
			found = found || (e.Kind == "stem" && e.Text == tc.ev)
		}
		if !found {
			t.Errorf("%q: no stem evidence %q in %+v", tc.text, tc.ev, ts[0].Evidence)
		}
		topicCheckAllSpans(t, d)
	}
	if topicStem("negotiations") != topicStem("negotiation") {
		t.Errorf("stems differ: %q %q", topicStem("negotiations"), topicStem("negotiation"))
	}
}

func TestTopicsPlaceRules(t *testing.T) {
	// Before any heading: one non-party place mentioned at least as strongly
	// as thematic evidence wins; a party country never does.
	text := "Ministers from Egypt discussed Libya. Libya matters."
	d := pipeline.NewDoc("p", text)
	d.Paragraphs = []pipeline.Paragraph{{Start: 0, End: len(text), Kind: pipeline.TextPara, Section: -1, Block: -1}}
	for _, e := range []struct{ s, canon, code string }{{"Egypt", "Egypt", "EG"}, {"Libya", "Libya", "LY"}} {
		for _, sp := range topicFindAll(text, e.s) {
			d.Entities = append(d.Entities, pipeline.Entity{Start: sp[0], End: sp[1], Text: e.s, Label: pipeline.Place, Subtype: "country", Canonical: e.canon, ID: e.code, Country: e.code})
		}
	}
	topicSortEntities(d.Entities)
	d.Participants = []pipeline.Participant{{ID: "p1", Name: "X", CountryCode: "EG", Country: "Egypt"}}
	if err := newTopicsForTest(t, nil).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if ts := d.Paragraphs[0].Topics; len(ts) == 0 || ts[0].Topic != "place:Libya" {
		t.Fatalf("topics %+v", ts)
	}
	// Without participants Egypt is not a party: two places make an
	// overview, which takes the thematic topic.
	d.Participants = nil
	if err := newTopicsForTest(t, nil).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if ts := d.Paragraphs[0].Topics; len(ts) == 0 || ts[0].Topic != "diplomacy" {
		t.Fatalf("overview topics %+v", ts)
	}
	topicCheckAllSpans(t, d)
}

func TestTopicsOptions(t *testing.T) {
	if _, err := NewTopics(pipeline.Options{"nope": 1}); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("unknown key: err = %v", err)
	}
	if _, err := NewTopics(pipeline.Options{"threshold": 2.0}); err == nil {
		t.Error("threshold 2 accepted")
	}
	if _, err := NewTopics(pipeline.Options{"weights": map[string]any{"no-such-topic": 1.0}}); err == nil {
		t.Error("weight for unknown topic accepted")
	}
	if _, err := NewTopics(pipeline.Options{"taxonomy": filepath.Join(t.TempDir(), "missing.yaml")}); err == nil {
		t.Error("missing taxonomy accepted")
	}
	if _, err := NewTopics(pipeline.Options{"threshold": 0.5, "weights": map[string]any{"energy": 2.0}, "place_weight": 1.5}); err != nil {
		t.Errorf("valid options: %v", err)
	}

	// A user taxonomy replaces the default.
	path := filepath.Join(t.TempDir(), "tax.yaml")
	yml := "topics:\n  - id: fishing\n    label: Fishing\n    keywords: [fish, trawler, fishing boat]\n"
	if err := os.WriteFile(path, []byte(yml), 0o644); err != nil {
		t.Fatal(err)
	}
	s := newTopicsForTest(t, pipeline.Options{"taxonomy": path})
	text := "Two fishing boats and a trawler were seized during talks."
	d := pipeline.NewDoc("f", text)
	d.Paragraphs = []pipeline.Paragraph{{Start: 0, End: len(text), Kind: pipeline.TextPara, Section: -1, Block: -1}}
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	ts := d.Paragraphs[0].Topics
	if len(ts) != 1 || ts[0].Topic != "fishing" || len(ts[0].Evidence) != 2 || ts[0].Evidence[0].Text != "fishing boats" {
		t.Errorf("user taxonomy topics %+v", ts)
	}

	bad := map[string]string{
		"duplicate": "topics:\n  - {id: a, label: A}\n  - {id: a, label: B}\n",
		"prefix":    "topics:\n  - {id: \"place:x\", label: X}\n",
		"parent":    "topics:\n  - {id: a, label: A, parent: zz}\n",
		"field":     "topics:\n  - {id: a, label: A, colour: red}\n",
		"label":     "topics:\n  - {id: a}\n",
	}
	for name, y := range bad {
		if _, err := ParseTaxonomy([]byte(y)); err == nil {
			t.Errorf("%s: bad taxonomy accepted", name)
		}
	}
}

func TestTopicsDefaultTaxonomy(t *testing.T) {
	tax, err := DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"diplomacy", "ceasefire-conflict", "humanitarian-aid", "migration-refugees", "energy", "border-security",
		"sovereignty", "sanctions", "elections", "economy-trade", "terrorism", "health", "crime-justice"}
	ids := map[string]TaxonomyTopic{}
	for _, tp := range tax.Topics {
		ids[tp.ID] = tp
	}
	for _, id := range want {
		if len(ids[id].Keywords) == 0 {
			t.Errorf("default taxonomy lacks thematic topic %q", id)
		}
	}
	if ids["diplomacy"].Label != "Diplomacy and mediation" {
		t.Errorf("diplomacy label %q", ids["diplomacy"].Label)
	}
}

func TestTopicsConcurrentAndCancelled(t *testing.T) {
	s := newTopicsForTest(t, nil)
	var wg sync.WaitGroup
	results := make([]*pipeline.Doc, 6)
	for k := range results {
		results[k] = topicRefDoc(t)
	}
	for k := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := results[k]
			if err := s.Process(context.Background(), d); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	for k := 1; k < len(results); k++ {
		if !reflect.DeepEqual(results[0].Topics, results[k].Topics) {
			t.Fatal("concurrent runs differ")
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Process(ctx, topicRefDoc(t)); err == nil {
		t.Error("cancelled context: no error")
	}
	// Empty document.
	if err := s.Process(context.Background(), pipeline.NewDoc("e", "")); err != nil {
		t.Error(err)
	}
}

// TestStemMemo: the memo gives topicStem's stems, from any number of
// goroutines, keeps no document's text, and stops learning at its bound.
func TestStemMemo(t *testing.T) {
	words := strings.Fields("negotiations negotiated pipeline pipelines fishing quotas well-known Talks TALKS sanctions")
	m := newStemMemo()
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				for _, w := range words {
					if got, want := m.of(w), topicStem(w); got != want {
						t.Errorf("%q: memo %q, topicStem %q", w, got, want)
					}
				}
			}
		}()
	}
	wg.Wait()
	if len(m.stems) != len(words) {
		t.Errorf("memo holds %d words, want %d", len(m.stems), len(words))
	}
	text := "the ferries were cut"
	m.of(text[4:11])
	for w, st := range m.stems {
		if w == "ferries" && (unsafe.StringData(w) == unsafe.StringData(text[4:11]) || unsafe.StringData(st) == unsafe.StringData(text[4:11])) {
			t.Errorf("the memo keeps a piece of the text it was given")
		}
	}
	if _, ok := m.stems["ferries"]; !ok {
		t.Errorf("the memo did not learn a new word")
	}
	for i := range stemMemoWords + 10 {
		m.of(fmt.Sprintf("w%d", i))
	}
	if len(m.stems) != stemMemoWords {
		t.Errorf("memo holds %d words, bound %d", len(m.stems), stemMemoWords)
	}
	if got := m.of("w999999"); got != topicStem("w999999") {
		t.Errorf("past the bound: %q", got)
	}
}

// Package render turns one readout record and its text into a self-contained
// HTML page: the text with entity highlights, each paragraph's topics,
// participant cards and the issue table. The page has no script and no
// external assets, so it works offline and can be attached to a CI run.
package render

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/readout/readout/pipeline"
)

//go:embed page.html.tmpl
var pageTemplate string

var page = template.Must(template.New("page").Parse(pageTemplate))

// Colors is how one entity label is shown: the highlight behind the text
// and the small tag naming the label, so colour is never the only cue.
// Text is Ink on Background and white on Tag; both pairs meet WCAG AA.
type Colors struct {
	Background, Border, Tag string
	Style                   string // border-bottom style: a second cue besides colour
}

// Ink is the page's text colour.
const Ink = "#1b1b1b"

// Palette holds the colours of each label, in legend order.
var Palette = []struct {
	Label, Name string
	Colors
}{
	{pipeline.Person, "person", Colors{"#ffe3ea", "#9c0d3e", "#9c0d3e", "solid"}},
	{pipeline.Place, "place", Colors{"#dcf3e2", "#1d6b33", "#1d6b33", "dashed"}},
	{pipeline.Org, "organisation", Colors{"#e1ebff", "#1f4fc4", "#1f4fc4", "double"}},
	{pipeline.NORP, "group (NORP)", Colors{"#fff0c7", "#7a4a00", "#7a4a00", "dotted"}},
}

// Render writes the page for rec. text is the document text; it must be
// the text the record was made from (checked against text_sha256).
func Render(w io.Writer, rec *pipeline.Output, text string) error {
	v, err := build(rec, text)
	if err != nil {
		return err
	}
	return page.Execute(w, v)
}

// view is the template's data.
type view struct {
	Title        string
	Record       *pipeline.Output
	CSS          template.CSS
	Legend       []legendItem
	DocTopics    []pipeline.OutTopic
	Blocks       []block
	Stray        []segment // entities outside every paragraph
	Skipped      int       // overlapping entities not highlighted
	Participants []participantCard
	PartyNames   []string
	Issues       []issueRow
}

type legendItem struct {
	Label, Name, Class string
	Count              int
}

// block is a run of paragraphs shown together: one heading or text
// paragraph, or a whole list or table.
type block struct {
	Kind  string // heading, text, list_item, table_row
	Paras []para
}

type para struct {
	Index    int
	Kind     string
	Marker   string
	Segments []segment
	Topics   []pipeline.OutTopic
}

// segment is plain text, or an entity when Label is set.
type segment struct {
	Text, Label, Class, Title string
}

type participantCard struct {
	pipeline.OutParticipant
	Role, Country, Organization string
}

type issueRow struct {
	Label, Topic string
	Paragraphs   []int
	Cells        []issueCell
	Table        bool
}

type issueCell struct {
	Party   bool // the party acts on the issue
	Focus   []string
	Country string
}

func build(rec *pipeline.Output, text string) (*view, error) {
	if rec.TextSHA256 != "" {
		sum := sha256.Sum256([]byte(text))
		if got := hex.EncodeToString(sum[:]); got != rec.TextSHA256 {
			return nil, fmt.Errorf("the text has sha256 %s, the record was made from %s: pass the record's own text", got[:12], rec.TextSHA256[:min(12, len(rec.TextSHA256))])
		}
	}
	conv, err := newByteOffsets(text, rec.Offsets)
	if err != nil {
		return nil, err
	}
	if conv.length() != rec.Length {
		return nil, fmt.Errorf("the text is %d %s long, the record says %d", conv.length(), rec.Offsets, rec.Length)
	}
	v := &view{Title: rec.ID, Record: rec, CSS: css(), DocTopics: rec.Topics}

	// Entities to byte spans, in text order; an entity overlapping the one
	// before it cannot be nested in HTML and is counted as skipped.
	type ent struct {
		start, end int
		e          pipeline.OutEntity
	}
	var ents []ent
	for _, e := range rec.Entities {
		s, err1 := conv.toByte(e.Start)
		en, err2 := conv.toByte(e.End)
		if err := firstErr(err1, err2, ordered(e.Start, e.End)); err != nil {
			return nil, fmt.Errorf("entity %q: %w", e.Text, err)
		}
		if text[s:en] != e.Text {
			return nil, fmt.Errorf("entity %q at %d-%d does not locate its text (%q) in %s offsets", e.Text, e.Start, e.End, text[s:en], rec.Offsets)
		}
		ents = append(ents, ent{s, en, e})
	}
	sort.SliceStable(ents, func(i, j int) bool { return ents[i].start < ents[j].start })
	kept := ents[:0]
	for _, e := range ents {
		if len(kept) > 0 && e.start < kept[len(kept)-1].end {
			v.Skipped++
			continue
		}
		kept = append(kept, e)
	}
	ents = kept

	counts := map[string]int{}
	for _, e := range ents {
		counts[e.e.Label]++
	}
	for _, p := range Palette {
		v.Legend = append(v.Legend, legendItem{p.Label, p.Name, class(p.Label), counts[p.Label]})
	}

	// Paragraphs with their entities; lists and tables grouped by block.
	used := make([]bool, len(ents))
	next := 0
	for _, p := range rec.Paragraphs {
		s, err1 := conv.toByte(p.Start)
		en, err2 := conv.toByte(p.End)
		if err := firstErr(err1, err2, ordered(p.Start, p.End)); err != nil {
			return nil, fmt.Errorf("paragraph %d: %w", p.Index, err)
		}
		pa := para{Index: p.Index, Kind: p.Kind, Topics: p.Topics}
		if p.Marker != nil {
			pa.Marker = p.Marker.Text
		}
		pos := s
		for next < len(ents) && ents[next].start < s {
			next++ // before this paragraph: shown with the strays
		}
		for next < len(ents) && ents[next].end <= en {
			e := ents[next]
			if e.start > pos {
				pa.Segments = append(pa.Segments, segment{Text: text[pos:e.start]})
			}
			pa.Segments = append(pa.Segments, entitySegment(e.e))
			used[next] = true
			pos = e.end
			next++
		}
		if pos < en {
			pa.Segments = append(pa.Segments, segment{Text: text[pos:en]})
		}
		grouped := p.Kind == "list_item" || p.Kind == "table_row"
		if n := len(v.Blocks); grouped && n > 0 && v.Blocks[n-1].Kind == p.Kind && sameBlock(rec, v.Blocks[n-1], p) {
			v.Blocks[n-1].Paras = append(v.Blocks[n-1].Paras, pa)
			continue
		}
		v.Blocks = append(v.Blocks, block{Kind: p.Kind, Paras: []para{pa}})
	}
	for i, e := range ents {
		if !used[i] {
			v.Stray = append(v.Stray, entitySegment(e.e))
		}
	}

	for _, p := range rec.Participants {
		v.Participants = append(v.Participants, participantCard{p, deref(p.Role), countryOf(p), deref(p.Organization)})
	}

	v.PartyNames, v.Issues = issueTable(rec)
	return v, nil
}

// issueTable lays out rec's issues as the page and the markdown show them:
// one column per party, in order of first appearance, and one row per issue
// with each party's focus phrases, without repeats.
func issueTable(rec *pipeline.Output) (parties []string, rows []issueRow) {
	for _, is := range rec.Issues {
		for _, p := range is.Parties {
			if !contains(parties, p.Name) {
				parties = append(parties, p.Name)
			}
		}
	}
	for _, is := range rec.Issues {
		row := issueRow{Label: is.Label, Topic: is.Topic, Paragraphs: is.Paragraphs, Table: is.Table != nil}
		for _, name := range parties {
			var c issueCell
			for _, p := range is.Parties {
				if p.Name == name {
					c.Party = true
					c.Country = p.CountryCode
					for _, f := range p.Focus {
						if !contains(c.Focus, f.Text) {
							c.Focus = append(c.Focus, f.Text)
						}
					}
				}
			}
			row.Cells = append(row.Cells, c)
		}
		rows = append(rows, row)
	}
	return parties, rows
}

// sameBlock reports whether paragraph p continues the list or table of b.
func sameBlock(rec *pipeline.Output, b block, p pipeline.OutParagraph) bool {
	last := b.Paras[len(b.Paras)-1].Index
	return last >= 0 && last < len(rec.Paragraphs) && rec.Paragraphs[last].Block == p.Block && p.Block >= 0
}

func entitySegment(e pipeline.OutEntity) segment {
	title := e.Label
	if e.Subtype != "" {
		title += " (" + e.Subtype + ")"
	}
	if e.Canonical != "" && e.Canonical != e.Text {
		title += " · " + e.Canonical
	}
	if e.ID != "" {
		title += " · " + e.ID
	}
	title += " · " + e.Source
	return segment{Text: e.Text, Label: e.Label, Class: class(e.Label), Title: title}
}

func class(label string) string { return "ent-" + strings.ToLower(label) }

func countryOf(p pipeline.OutParticipant) string {
	c := deref(p.Country)
	if c != "" && p.CountryCode != nil {
		c += " (" + *p.CountryCode + ")"
	}
	if src := deref(p.CountrySource); c != "" && src != pipeline.CountryFromText {
		c += ", from " + src // a guess or outside knowledge, not the text
	}
	return c
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// ordered refuses a span that ends before it starts: a record not written
// by readout, which would otherwise cut the text backwards.
func ordered(start, end int) error {
	if start > end {
		return fmt.Errorf("starts at %d after it ends at %d", start, end)
	}
	return nil
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// css is the page's style sheet, with the palette filled in.
func css() template.CSS {
	var b strings.Builder
	b.WriteString(baseCSS)
	for _, p := range Palette {
		c := class(p.Label)
		fmt.Fprintf(&b, "mark.%s{background:%s;border-bottom:3px %s %s}\n", c, p.Background, p.Style, p.Border)
		fmt.Fprintf(&b, ".%s .tag,.legend .%s .tag{background:%s}\n", c, c, p.Tag)
		fmt.Fprintf(&b, ".legend .%s .swatch{background:%s;border-bottom:3px %s %s}\n", c, p.Background, p.Style, p.Border)
	}
	return template.CSS(b.String())
}

const baseCSS = `
:root{color:` + Ink + `;background:#fff;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
body{margin:0 auto;max-width:1200px;padding:1.5rem}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.25rem;margin:2rem 0 .75rem;border-bottom:1px solid #c8c8c8}
.meta,.muted{color:#545454}
.legend ul,.chips{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.4rem .9rem;align-items:flex-start;align-content:flex-start}
.para .topics{gap:.25rem .35rem}
.legend li{display:flex;align-items:center;gap:.35rem}
.swatch{display:inline-block;width:1.6em;height:1em}
.tag{display:inline-block;color:#fff;font-size:.68em;font-weight:700;letter-spacing:.03em;padding:0 .3em;margin-left:.25em;border-radius:3px;vertical-align:.15em;line-height:1.45}
mark.ent{color:` + Ink + `;padding:0 .1em;border-radius:2px}
.cards{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(265px,1fr));gap:.75rem}
.card{border:1px solid #b9b9b9;border-left:6px solid #9c0d3e;border-radius:6px;padding:.6rem .8rem}
.card h3{margin:0 0 .3rem;font-size:1.05rem}
.card dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .6rem;margin:0}
.card dt{color:#545454}.card dd{margin:0;font-weight:600}
.card dd.unknown{font-weight:400;color:#545454;font-style:italic}
.card .evidence{margin:.35rem 0 0;font-size:.85rem;color:#545454}
table.issues{border-collapse:collapse;width:100%}
.issues td:last-child{width:14rem}
.issues th,.issues td{border:1px solid #9a9a9a;padding:.4rem .55rem;text-align:left;vertical-align:top}
.issues thead th{background:#eef0f3}
.issues tbody th{background:#f7f7f9}
.issues ul{margin:0;padding-left:1.1rem}
.para{display:grid;grid-template-columns:minmax(0,1fr) 15rem;gap:1rem;padding:.3rem 0;border-bottom:1px solid #ececec}
.para .text{margin:0;white-space:pre-wrap}
.block.list{list-style:none;padding:0;margin:0}
.para .topics{font-size:.8rem}
.chip{border:1px solid #6b6b6b;border-radius:999px;padding:0 .5em;white-space:nowrap}
.chip.primary{background:#1b1b1b;color:#fff;border-color:#1b1b1b}
h3.text,.heading .text{font-size:1.1rem;font-weight:700}
.idx{color:#545454;font-size:.75rem;margin-right:.3rem;font-variant-numeric:tabular-nums}
.table_row .text{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.9rem}
.marker{color:#545454;margin-right:.3rem}
.errors{border:2px solid #9c0d3e;padding:.5rem 1rem}
`

// byteOffsets turns offsets in a record's unit back into byte offsets of
// the text: pos[k] is the byte where unit k starts, -1 inside a UTF-16
// surrogate pair (no span may start or end there).
type byteOffsets struct {
	unit pipeline.OffsetUnit
	text string
	pos  []int
}

func newByteOffsets(text string, unit pipeline.OffsetUnit) (*byteOffsets, error) {
	c := &byteOffsets{unit: unit, text: text}
	switch unit {
	case pipeline.Bytes:
		return c, nil
	case pipeline.CodePoints, pipeline.UTF16, "":
	default:
		return nil, fmt.Errorf("unknown offsets unit %q", unit)
	}
	for i, r := range text { // invalid bytes decode one by one, as readout counts them
		c.pos = append(c.pos, i)
		if unit == pipeline.UTF16 && r >= 0x10000 {
			c.pos = append(c.pos, -1)
		}
	}
	c.pos = append(c.pos, len(text))
	return c, nil
}

func (c *byteOffsets) length() int {
	if c.unit == pipeline.Bytes {
		return len(c.text)
	}
	return len(c.pos) - 1
}

func (c *byteOffsets) toByte(off int) (int, error) {
	if off < 0 || off > c.length() {
		return 0, fmt.Errorf("offset %d outside the text (length %d %s)", off, c.length(), c.unit)
	}
	if c.unit == pipeline.Bytes {
		if off < len(c.text) && !utf8.RuneStart(c.text[off]) {
			return 0, fmt.Errorf("byte offset %d is inside a character", off)
		}
		return off, nil
	}
	b := c.pos[off]
	if b < 0 {
		return 0, fmt.Errorf("utf16 offset %d is inside a surrogate pair", off)
	}
	return b, nil
}

package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
)

// SchemaVersion names the JSON shape readout writes. A field is only ever
// added within a version; anything else makes a new version.
const SchemaVersion = "readout/v1"

// OutputOptions says how a Doc is written.
type OutputOptions struct {
	Offsets   OffsetUnit
	Text      bool // include the document text
	Sentences bool
	Tokens    bool
	// OmitEvidence leaves out the evidence of topics, a fifth of the
	// bytes, for users who pay for them.
	OmitEvidence bool
}

// Output is one record of readout's JSON output (schema readout/v1, see
// schema/readout.v1.schema.json). Offsets count Offsets units.
type Output struct {
	Schema       string            `json:"schema"`
	ID           string            `json:"id"`
	Status       string            `json:"status"` // "ok", "partial" or "error"
	Source       *Source           `json:"source,omitempty"`
	TextSHA256   string            `json:"text_sha256,omitempty"`
	Offsets      OffsetUnit        `json:"offsets"`
	Length       int               `json:"length"`
	Text         *string           `json:"text,omitempty"`
	Meta         map[string]string `json:"meta,omitempty"`
	Paragraphs   []OutParagraph    `json:"paragraphs"`
	Sentences    []OutSpan         `json:"sentences,omitempty"`
	Tokens       []OutToken        `json:"tokens,omitempty"`
	Entities     []OutEntity       `json:"entities"`
	Dates        []OutDate         `json:"dates"`
	Participants []OutParticipant  `json:"participants"`
	Topics       []OutTopic        `json:"topics"`
	Issues       []OutIssue        `json:"issues"`
	Tables       []OutTable        `json:"tables"`
	Errors       []StageError      `json:"errors"`
}

// Source says where a record came from in the input.
type Source struct {
	Path   string `json:"path,omitempty"`
	Line   int    `json:"line,omitempty"` // 1-based line of a JSON Lines record
	Record int    `json:"record"`         // 0-based position in the whole input
}

// OutSpan is a span with converted offsets.
type OutSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type OutParagraph struct {
	Index   int        `json:"index"`
	Kind    string     `json:"kind"`
	Start   int        `json:"start"`
	End     int        `json:"end"`
	Section int        `json:"section"`
	Block   int        `json:"block"`
	Marker  *OutSpan   `json:"marker,omitempty"`
	Topics  []OutTopic `json:"topics"`
}

type OutToken struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Tag   string `json:"tag"`
}

type OutEntity struct {
	Text       string  `json:"text"`
	Label      string  `json:"label"`
	Subtype    string  `json:"subtype,omitempty"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Canonical  string  `json:"canonical"`
	ID         string  `json:"id,omitempty"`
	Country    string  `json:"country_code,omitempty"`
	Source     string  `json:"source"`
	Confidence float64 `json:"confidence"`
}

// OutDate is a date expression and the ISO date it resolves to ("" when it
// cannot be resolved).
type OutDate struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Value string `json:"value"`
}

type OutParticipant struct {
	ID            string    `json:"id"`
	Name          string    `json:"name"`
	Aliases       []string  `json:"aliases"`
	Role          *string   `json:"role"`
	Country       *string   `json:"country"`
	CountryCode   *string   `json:"country_code"`
	CountrySource *string   `json:"country_source"`
	Organization  *string   `json:"organization"`
	Wikidata      *string   `json:"wikidata"`
	FirstMention  OutSpan   `json:"first_mention"`
	MentionCount  int       `json:"mention_count"`
	Mentions      []OutSpan `json:"mentions"`
	Evidence      *OutSpan  `json:"evidence"`
}

type OutTopic struct {
	Topic    string        `json:"topic"`
	Label    string        `json:"label"`
	Score    float64       `json:"score"`
	Evidence []OutEvidence `json:"evidence,omitempty"`
}

type OutEvidence struct {
	Kind  string `json:"kind"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type OutIssue struct {
	Topic      string     `json:"topic"`
	Label      string     `json:"label"`
	Theme      string     `json:"theme,omitempty"`
	ThemeLabel string     `json:"theme_label,omitempty"`
	Paragraphs []int      `json:"paragraphs"`
	Parties    []OutParty `json:"parties"`
	Table      *int       `json:"table"`
}

type OutParty struct {
	Name        string    `json:"name"`
	Kind        string    `json:"kind"`
	CountryCode string    `json:"country_code,omitempty"`
	Focus       []OutSpan `json:"focus"`
}

type OutTable struct {
	Start  int         `json:"start"`
	End    int         `json:"end"`
	Header []OutSpan   `json:"header"`
	Rows   [][]OutSpan `json:"rows"`
}

// Output converts d to its written form.
func (d *Doc) Output(o OutputOptions) *Output {
	if o.Offsets == "" {
		o.Offsets = CodePoints
	}
	c := newOffsetConverter(d.Text, o.Offsets)
	span := func(start, end int) OutSpan {
		return OutSpan{Start: c.convert(start), End: c.convert(end), Text: d.Text[start:end]}
	}
	sum := sha256.Sum256([]byte(d.Text))
	out := &Output{
		Schema:       SchemaVersion,
		ID:           d.ID,
		Status:       "ok",
		TextSHA256:   hex.EncodeToString(sum[:]),
		Offsets:      o.Offsets,
		Length:       c.convert(len(d.Text)),
		Meta:         d.Meta,
		Paragraphs:   make([]OutParagraph, 0, len(d.Paragraphs)),
		Entities:     make([]OutEntity, 0, len(d.Entities)),
		Dates:        make([]OutDate, 0, len(d.Dates)),
		Participants: make([]OutParticipant, 0, len(d.Participants)),
		Topics:       topicsOut(d.Topics, span, o.OmitEvidence),
		Issues:       make([]OutIssue, 0, len(d.Issues)),
		Tables:       make([]OutTable, 0, len(d.Tables)),
		Errors:       append([]StageError{}, d.Errors...),
	}
	if len(d.Errors) > 0 {
		out.Status = "partial"
	}
	if o.Text {
		t := d.Text
		out.Text = &t
	}
	for i, p := range d.Paragraphs {
		op := OutParagraph{
			Index: i, Kind: string(p.Kind),
			Start: c.convert(p.Start), End: c.convert(p.End),
			Section: p.Section, Block: p.Block,
			Topics: topicsOut(p.Topics, span, o.OmitEvidence),
		}
		if p.Marker != nil {
			m := span(p.Marker.Start, p.Marker.End)
			op.Marker = &m
		}
		out.Paragraphs = append(out.Paragraphs, op)
	}
	if o.Sentences {
		for _, s := range d.Sentences {
			out.Sentences = append(out.Sentences, span(s.Start, s.End))
		}
	}
	if o.Tokens {
		for _, t := range d.Tokens {
			s := span(t.Start, t.End)
			out.Tokens = append(out.Tokens, OutToken{Start: s.Start, End: s.End, Text: s.Text, Tag: t.Tag})
		}
	}
	for _, e := range d.Entities {
		s := span(e.Start, e.End)
		out.Entities = append(out.Entities, OutEntity{
			Text: s.Text, Label: e.Label, Subtype: e.Subtype,
			Start: s.Start, End: s.End,
			Canonical: e.Canonical, ID: e.ID, Country: e.Country,
			Source: e.Source, Confidence: round(e.Confidence),
		})
	}
	for _, m := range d.Dates {
		s := span(m.Start, m.End)
		out.Dates = append(out.Dates, OutDate{Start: s.Start, End: s.End, Text: s.Text, Value: m.Value})
	}
	for _, p := range d.Participants {
		op := OutParticipant{
			ID: p.ID, Name: p.Name, Aliases: append([]string{}, p.Aliases...),
			Role: nonEmpty(p.Role), Country: nonEmpty(p.Country),
			CountryCode: nonEmpty(p.CountryCode), CountrySource: nonEmpty(p.CountrySource),
			Organization: nonEmpty(p.Organization),
			Wikidata:     nonEmpty(p.Wikidata),
			MentionCount: len(p.Mentions),
			Mentions:     make([]OutSpan, 0, len(p.Mentions)),
		}
		for _, m := range p.Mentions {
			op.Mentions = append(op.Mentions, span(m.Start, m.End))
		}
		if len(op.Mentions) > 0 {
			op.FirstMention = op.Mentions[0]
		}
		if p.Evidence != nil {
			e := span(p.Evidence.Start, p.Evidence.End)
			op.Evidence = &e
		}
		out.Participants = append(out.Participants, op)
	}
	for _, is := range d.Issues {
		oi := OutIssue{
			Topic: is.Topic, Label: is.Label, Theme: is.Theme, ThemeLabel: is.ThemeLabel,
			Paragraphs: append([]int{}, is.Paragraphs...),
			Parties:    make([]OutParty, 0, len(is.Parties)),
		}
		if is.Table >= 0 {
			t := is.Table
			oi.Table = &t
		}
		for _, p := range is.Parties {
			op := OutParty{Name: p.Name, Kind: p.Kind, CountryCode: p.CountryCode, Focus: make([]OutSpan, 0, len(p.Focus))}
			for _, f := range p.Focus {
				op.Focus = append(op.Focus, span(f.Start, f.End))
			}
			oi.Parties = append(oi.Parties, op)
		}
		out.Issues = append(out.Issues, oi)
	}
	for _, t := range d.Tables {
		ot := OutTable{Start: c.convert(t.Start), End: c.convert(t.End), Header: make([]OutSpan, 0, len(t.Header)), Rows: make([][]OutSpan, 0, len(t.Rows))}
		for _, h := range t.Header {
			ot.Header = append(ot.Header, span(h.Start, h.End))
		}
		for _, r := range t.Rows {
			row := make([]OutSpan, 0, len(r))
			for _, cell := range r {
				row = append(row, span(cell.Start, cell.End))
			}
			ot.Rows = append(ot.Rows, row)
		}
		out.Tables = append(out.Tables, ot)
	}
	return out
}

// ErrorOutput is the record written for an input that could not be
// annotated at all: it keeps the record's place in the output.
func ErrorOutput(id string, src *Source, unit OffsetUnit, stage, msg string) *Output {
	if unit == "" {
		unit = CodePoints
	}
	return &Output{
		Schema: SchemaVersion, ID: id, Status: "error", Source: src, Offsets: unit,
		Paragraphs: []OutParagraph{}, Entities: []OutEntity{}, Dates: []OutDate{}, Participants: []OutParticipant{},
		Topics: []OutTopic{}, Issues: []OutIssue{}, Tables: []OutTable{},
		Errors: []StageError{{Stage: stage, Message: msg}},
	}
}

func topicsOut(ts []TopicScore, span func(int, int) OutSpan, omitEvidence bool) []OutTopic {
	out := make([]OutTopic, 0, len(ts))
	for _, t := range ts {
		ot := OutTopic{Topic: t.Topic, Label: t.Label, Score: round(t.Score)}
		if !omitEvidence {
			for _, e := range t.Evidence {
				s := span(e.Start, e.End)
				ot.Evidence = append(ot.Evidence, OutEvidence{Kind: e.Kind, Start: s.Start, End: s.End, Text: s.Text})
			}
		}
		out = append(out, ot)
	}
	return out
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// round keeps scores to four decimals so that output does not carry
// floating-point noise that differs between platforms.
func round(f float64) float64 { return math.Round(f*1e4) / 1e4 }

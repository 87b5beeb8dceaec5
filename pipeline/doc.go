// Package pipeline holds readout's document model, the Stage interface, the
// pipeline that runs stages in order, and the runner that streams records
// through it.
//
// Every span in a Doc holds byte offsets into Doc.Text, and
// Doc.Text[Start:End] is its text. Offsets are converted to code points or
// UTF-16 units only when a Doc is written out (see Output).
package pipeline

import "strings"

// Doc is one document and everything the stages found in it.
// Text is never modified after the Doc is made.
type Doc struct {
	ID   string
	Text string
	Meta map[string]string

	Paragraphs   []Paragraph
	Sentences    []Sentence
	Tokens       []Token
	Entities     []Entity
	Dates        []DateMention
	Participants []Participant
	Topics       []TopicScore // document-level aggregate
	Issues       []Issue
	Tables       []Table
	Errors       []StageError
}

// NewDoc returns a Doc for text.
func NewDoc(id, text string) *Doc { return &Doc{ID: id, Text: text} }

// DocFromTokens builds a Doc from pre-tokenised sentences, as corpora give
// them: tokens joined by spaces, one sentence a line, one paragraph a
// sentence. The tokens stage then only tags them.
func DocFromTokens(id string, sents [][]string) *Doc {
	var b strings.Builder
	d := &Doc{ID: id}
	for si, words := range sents {
		if si > 0 {
			b.WriteByte('\n')
		}
		start := b.Len()
		first := len(d.Tokens)
		for i, w := range words {
			if i > 0 {
				b.WriteByte(' ')
			}
			d.Tokens = append(d.Tokens, Token{Start: b.Len(), End: b.Len() + len(w), Text: w, Sentence: si})
			b.WriteString(w)
		}
		d.Sentences = append(d.Sentences, Sentence{Start: start, End: b.Len(), Paragraph: si, FirstToken: first, EndToken: len(d.Tokens)})
		d.Paragraphs = append(d.Paragraphs, Paragraph{Start: start, End: b.Len(), Kind: TextPara, Section: -1, Block: -1})
	}
	d.Text = b.String()
	// Token texts must be substrings of the final text.
	for i := range d.Tokens {
		d.Tokens[i].Text = d.Text[d.Tokens[i].Start:d.Tokens[i].End]
	}
	return d
}

// Span is a piece of the text: Text == doc.Text[Start:End].
type Span struct {
	Start, End int
	Text       string
}

// SpanOf returns the span of d.Text between the byte offsets start and end.
func (d *Doc) SpanOf(start, end int) Span {
	return Span{Start: start, End: end, Text: d.Text[start:end]}
}

// ParagraphKind says what sort of block a paragraph is.
type ParagraphKind string

const (
	Heading  ParagraphKind = "heading"
	TextPara ParagraphKind = "text"
	ListItem ParagraphKind = "list_item"
	TableRow ParagraphKind = "table_row"
)

// Paragraph is a block of text. For list items and table rows the span
// excludes the bullet marker and the outer pipes; Marker holds the marker's
// span when there is one.
type Paragraph struct {
	Start, End int
	Kind       ParagraphKind
	// Section is the index of the heading that opens this paragraph's
	// section, or -1 before the first heading.
	Section int
	// Block groups consecutive list items or table rows: paragraphs with the
	// same Block index belong to one list or table; -1 otherwise.
	Block  int
	Marker *Span
	Topics []TopicScore
}

// Sentence is a sentence inside one paragraph; Tokens[FirstToken:EndToken]
// are its tokens.
type Sentence struct {
	Start, End           int
	Paragraph            int
	FirstToken, EndToken int
}

// Token is a word or punctuation mark with its part-of-speech tag (Penn
// Treebank) and the sentence it belongs to.
type Token struct {
	Start, End int
	Text       string
	Tag        string
	Sentence   int
}

// Entity labels.
const (
	Person = "PERSON"
	Place  = "PLACE"
	Org    = "ORG"
	NORP   = "NORP"
)

// Entity sources.
const (
	SourceModel     = "model"
	SourceGazetteer = "gazetteer"
	SourceRule      = "rule"
)

// Entity is a named entity mention.
type Entity struct {
	Start, End int
	Text       string
	Label      string // Person, Place, Org or NORP
	Subtype    string // country, city, region, territory, feature, continent...
	Canonical  string // canonical name, e.g. "Egypt" for "Egyptian"
	ID         string // ISO 3166 alpha-2, "geonames:N", Wikidata "Q..." where known
	Country    string // ISO code of the country the entity belongs to, if any
	Source     string // SourceModel, SourceGazetteer or SourceRule
	Confidence float64
}

// DateMention is a date expression in the text ("Monday, December 22",
// "yesterday") and the calendar date it stands for.
type DateMention struct {
	Start, End int
	Text       string
	// Value is the ISO date (2025-12-22), or "" when the expression cannot
	// be resolved (a relative date in a document without a date).
	Value string
}

// Participant is one person, with all the names the text uses for them.
type Participant struct {
	ID          string // "p1", "p2"... in order of first mention
	Name        string // the fullest form used in the text
	Aliases     []string
	Role        string
	Country     string // short English name
	CountryCode string // ISO 3166 alpha-2
	// CountrySource says how the country was found: CountryFromText,
	// CountryFromReference or CountryFromContext.
	CountrySource string
	Organization  string
	Wikidata      string // Wikidata id where the gazetteer's officials know the person
	Mentions      []Span
	Evidence      *Span // where the role came from
}

// How a participant's country was found.
const (
	CountryFromText      = "text"      // the text attaches it to the person or the role
	CountryFromReference = "reference" // the gazetteer's officials know the person
	CountryFromContext   = "context"   // a guess from the countries named beside the person or in the document
)

// TopicScore is a topic assigned to a paragraph or a document.
type TopicScore struct {
	Topic    string // id from the taxonomy
	Label    string
	Score    float64
	Evidence []Evidence
}

// Evidence is a piece of text that supports a decision.
type Evidence struct {
	Kind string // "stem", "entity", "heading", "section"...
	Span
}

// Issue is one row of the issue table: a topic, the paragraphs about it, and
// what each party focuses on.
type Issue struct {
	Topic string
	Label string
	// Theme is the taxonomy topic most of the issue's paragraphs are
	// about (their first thematic topic), for filtering; "" when none.
	Theme, ThemeLabel string
	Paragraphs        []int
	Parties           []Party
	// Table is the index of a parsed table whose rows and header agree with
	// this issue and its parties, or -1.
	Table int
}

// Party is an actor on an issue: a country, an organisation or a person.
type Party struct {
	Name        string
	Kind        string // "country", "org", "person"
	CountryCode string
	Focus       []Span
}

// Table is a table written in the text (a pipe table).
type Table struct {
	Start, End int
	Header     []Span
	Rows       [][]Span
}

// StageError is a problem a stage met with one document; the document is
// still written, with what the other stages found.
type StageError struct {
	Stage   string `json:"stage"`
	Message string `json:"message"`
}

package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// A text longer than Runner.PartBytes is annotated in parts cut at paragraph
// breaks, one after the other, and their records merged into one. The
// stages' working set (a token alone costs ten times its text) is then that
// of one part, and what is kept between parts is the written record: a
// document's memory grows with what it yields, not with its tokens. What a
// stage learns from the whole text (a short name's full form, the
// document's theme) is learnt per part; merging mends what it can (below).

// partBounds returns the offsets that cut text into parts of at most size
// bytes: 0, the cuts, len(text). size <= 0 means one part.
func partBounds(text string, size int) []int {
	bounds := []int{0}
	for start := 0; size > 0 && len(text)-start > size; {
		end := cutBefore(text, start, start+size)
		bounds = append(bounds, end)
		start = end
	}
	if bounds[len(bounds)-1] < len(text) || len(bounds) == 1 {
		bounds = append(bounds, len(text))
	}
	return bounds
}

// partCuts are where a part may end, best first: after a blank line, a line
// break, a sentence, a word.
var partCuts = []string{"\n\n", "\n", ". ", " "}

// cutBefore returns where a part that starts at start and may not pass
// limit ends: after the last of the best kind of break in its second half,
// else at the last character boundary before limit (or after the first
// character, should that be longer than the part).
func cutBefore(text string, start, limit int) int {
	window := text[start:limit]
	for _, sep := range partCuts {
		if i := strings.LastIndex(window, sep); i >= len(window)/2 {
			return start + i + len(sep)
		}
	}
	for limit > start+1 && !utf8.RuneStart(text[limit]) {
		limit--
	}
	for limit < len(text) && !utf8.RuneStart(text[limit]) {
		limit++ // a part smaller than its first character holds it whole
	}
	return limit
}

// processInParts annotates d's text part by part and returns the merged
// record. Each part's Doc is dropped once its record is made.
func (r *Runner) processInParts(ctx context.Context, d *Doc) (*Output, error) {
	bounds := partBounds(d.Text, r.PartBytes)
	m := newPartMerger()
	for i := 1; i < len(bounds); i++ {
		part := &Doc{ID: d.ID, Text: d.Text[bounds[i-1]:bounds[i]], Meta: d.Meta}
		if err := r.Pipeline.Process(ctx, part); err != nil {
			return nil, err
		}
		m.add(part.Output(r.Output), float64(len(d.Text))/float64(bounds[i]))
		// Collect the part's garbage now: left to itself the collector
		// lets the heap grow to twice what is live, and what is live is
		// mostly the record kept so far, so a huge document would peak at
		// twice its record instead of its record plus one part.
		runtime.GC()
	}
	return m.record(d, r.Output), nil
}

// partMerger builds one record from the records of a text's parts, taken in
// order. Offsets and indices are shifted past the parts before; a person
// named in several parts is one participant (by name or alias), an issue
// in several parts one issue, and the document's topics are the mean of
// the paragraphs' scores, as the topics stage computes them.
type partMerger struct {
	out         Output
	units       int // offset units in the parts so far
	blocks      int // list and table blocks so far
	lastSection int // the section the last paragraph so far is in
	people      map[string]int
	issues      map[string]int
	topics      map[string]*OutTopic // Score is a sum over paragraphs
}

func newPartMerger() *partMerger {
	return &partMerger{
		lastSection: -1,
		people:      map[string]int{},
		issues:      map[string]int{},
		topics:      map[string]*OutTopic{},
	}
}

// add merges the record of the next part; rest is the text's length over
// the length of the parts so far, this one included.
func (m *partMerger) add(p *Output, rest float64) {
	p.shift(m.units)
	m.units += p.Length
	o := &m.out
	paraBase, tableBase := len(o.Paragraphs), len(o.Tables)
	o.Paragraphs = reserve(o.Paragraphs, len(p.Paragraphs), rest)
	o.Sentences = reserve(o.Sentences, len(p.Sentences), rest)
	o.Tokens = reserve(o.Tokens, len(p.Tokens), rest)
	o.Entities = reserve(o.Entities, len(p.Entities), rest)
	o.Dates = reserve(o.Dates, len(p.Dates), rest)

	blocks := 0
	for _, op := range p.Paragraphs {
		op.Index += paraBase
		switch {
		case op.Section >= 0:
			op.Section += paraBase
		case op.Kind != string(Heading):
			op.Section = m.lastSection // the section goes on across the cut
		}
		if op.Block >= 0 {
			blocks = max(blocks, op.Block+1)
			op.Block += m.blocks
		}
		m.lastSection = op.Section
		if op.Kind == string(Heading) {
			m.lastSection = op.Index
		}
		o.Paragraphs = append(o.Paragraphs, op)
	}
	m.blocks += blocks

	o.Sentences = append(o.Sentences, p.Sentences...)
	o.Tokens = append(o.Tokens, p.Tokens...)
	o.Entities = append(o.Entities, p.Entities...)
	o.Dates = append(o.Dates, p.Dates...)
	o.Tables = append(o.Tables, p.Tables...)
	for _, e := range p.Errors {
		if !slices.Contains(o.Errors, e) {
			o.Errors = append(o.Errors, e)
		}
	}
	for _, pp := range p.Participants {
		m.addParticipant(pp)
	}
	for _, is := range p.Issues {
		m.addIssue(is, paraBase, tableBase)
	}
	for _, t := range p.Topics {
		a := m.topics[t.Topic]
		if a == nil {
			a = &OutTopic{Topic: t.Topic, Label: t.Label}
			m.topics[t.Topic] = a
		}
		a.Score += t.Score * float64(len(p.Paragraphs))
		a.Evidence = append(a.Evidence, t.Evidence...)
	}
}

// reserve makes room in list for more elements and, when it must grow, for
// as many as the whole text will bring at the rate of the parts so far:
// a list grown by halves would hold two copies of itself, the old and the
// new, at each step.
func reserve[T any](list []T, more int, rest float64) []T {
	n := len(list) + more
	if n <= cap(list) {
		return list
	}
	return slices.Grow(list, int(float64(n)*rest*1.05)-len(list))
}

// addParticipant merges p into the participant an earlier part named the
// same, or adds it with the next id. What the earlier part left unknown
// (role, country, organisation) the later part may tell.
func (m *partMerger) addParticipant(p OutParticipant) {
	o := &m.out
	at, found := m.people[p.Name]
	for _, a := range p.Aliases {
		if !found {
			at, found = m.people[a]
		}
	}
	if !found {
		p.ID = fmt.Sprintf("p%d", len(o.Participants)+1)
		o.Participants = append(o.Participants, p)
		m.remember(p, len(o.Participants)-1)
		return
	}
	q := &o.Participants[at]
	q.Mentions = append(q.Mentions, p.Mentions...)
	q.MentionCount = len(q.Mentions)
	for _, a := range append([]string{p.Name}, p.Aliases...) {
		if a != q.Name && !slices.Contains(q.Aliases, a) {
			q.Aliases = append(q.Aliases, a)
		}
	}
	if q.Role == nil && p.Role != nil {
		q.Role, q.Evidence = p.Role, p.Evidence
	}
	if q.Country == nil && p.Country != nil {
		q.Country, q.CountryCode, q.CountrySource = p.Country, p.CountryCode, p.CountrySource
	}
	if q.Organization == nil {
		q.Organization = p.Organization
	}
	if q.Wikidata == nil {
		q.Wikidata = p.Wikidata
	}
	m.remember(p, at)
}

func (m *partMerger) remember(p OutParticipant, at int) {
	for _, n := range append([]string{p.Name}, p.Aliases...) {
		if _, ok := m.people[n]; !ok {
			m.people[n] = at
		}
	}
}

// addIssue merges is into the issue of the same topic from an earlier part,
// or adds it; its paragraph and table indices are shifted by the bases.
func (m *partMerger) addIssue(is OutIssue, paraBase, tableBase int) {
	for i := range is.Paragraphs {
		is.Paragraphs[i] += paraBase
	}
	if is.Table != nil {
		t := *is.Table + tableBase
		is.Table = &t
	}
	at, ok := m.issues[is.Topic]
	if !ok {
		m.issues[is.Topic] = len(m.out.Issues)
		m.out.Issues = append(m.out.Issues, is)
		return
	}
	q := &m.out.Issues[at]
	q.Paragraphs = append(q.Paragraphs, is.Paragraphs...)
	if q.Table == nil {
		q.Table = is.Table
	}
	for _, party := range is.Parties {
		k := 0
		for k < len(q.Parties) && q.Parties[k].Name != party.Name {
			k++
		}
		if k == len(q.Parties) {
			q.Parties = append(q.Parties, party)
			continue
		}
		for _, f := range party.Focus {
			if !slices.ContainsFunc(q.Parties[k].Focus, func(g OutSpan) bool { return strings.EqualFold(g.Text, f.Text) }) {
				q.Parties[k].Focus = append(q.Parties[k].Focus, f)
			}
		}
	}
}

// record returns the merged record of d, whose text the parts cut.
func (m *partMerger) record(d *Doc, o OutputOptions) *Output {
	out := (&Doc{ID: d.ID, Text: d.Text, Meta: d.Meta}).Output(o) // the header
	if len(m.out.Errors) > 0 {
		out.Status = "partial"
	}
	out.Paragraphs = orEmpty(m.out.Paragraphs)
	out.Sentences, out.Tokens = m.out.Sentences, m.out.Tokens
	out.Entities = orEmpty(m.out.Entities)
	out.Dates = orEmpty(m.out.Dates)
	out.Participants = orEmpty(m.out.Participants)
	out.Issues = orEmpty(m.out.Issues)
	out.Tables = orEmpty(m.out.Tables)
	out.Errors = orEmpty(m.out.Errors)
	out.Topics = make([]OutTopic, 0, len(m.topics))
	for _, t := range m.topics {
		if n := len(out.Paragraphs); n > 0 {
			t.Score = round(t.Score / float64(n))
		}
		out.Topics = append(out.Topics, *t)
	}
	sort.Slice(out.Topics, func(i, j int) bool {
		if out.Topics[i].Score != out.Topics[j].Score {
			return out.Topics[i].Score > out.Topics[j].Score
		}
		return out.Topics[i].Topic < out.Topics[j].Topic
	})
	return out
}

// orEmpty returns s, or an empty list where s is nil: the record writes
// these lists as [], never null.
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// shift moves every offset in o by n units.
func (o *Output) shift(n int) {
	span := func(s *OutSpan) { s.Start += n; s.End += n }
	topics := func(ts []OutTopic) {
		for i := range ts {
			for k := range ts[i].Evidence {
				ts[i].Evidence[k].Start += n
				ts[i].Evidence[k].End += n
			}
		}
	}
	for i := range o.Paragraphs {
		p := &o.Paragraphs[i]
		p.Start += n
		p.End += n
		if p.Marker != nil {
			span(p.Marker)
		}
		topics(p.Topics)
	}
	for i := range o.Sentences {
		span(&o.Sentences[i])
	}
	for i := range o.Tokens {
		o.Tokens[i].Start += n
		o.Tokens[i].End += n
	}
	for i := range o.Entities {
		o.Entities[i].Start += n
		o.Entities[i].End += n
	}
	for i := range o.Dates {
		o.Dates[i].Start += n
		o.Dates[i].End += n
	}
	for i := range o.Participants {
		p := &o.Participants[i]
		span(&p.FirstMention)
		for k := range p.Mentions {
			span(&p.Mentions[k])
		}
		if p.Evidence != nil {
			span(p.Evidence)
		}
	}
	topics(o.Topics)
	for i := range o.Issues {
		for k := range o.Issues[i].Parties {
			for f := range o.Issues[i].Parties[k].Focus {
				span(&o.Issues[i].Parties[k].Focus[f])
			}
		}
	}
	for i := range o.Tables {
		t := &o.Tables[i]
		t.Start += n
		t.End += n
		for k := range t.Header {
			span(&t.Header[k])
		}
		for _, row := range t.Rows {
			for k := range row {
				span(&row[k])
			}
		}
	}
}

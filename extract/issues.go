package extract

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/gazetteer"
	"github.com/readout/readout/internal/lowercase"
	"github.com/readout/readout/pipeline"
)

// The "issues" stage builds d.Issues from the paragraph topics of the
// "topics" stage.
//
// Which issues: every place issue ("place:<Canonical>") that is the
// primary topic of at least one paragraph and is not a party, in order of
// its first paragraph; then, unless a table in the article agrees with
// those (the article's own issue table is its list of issues), the
// article's subjects (subjects.go; "subject:<stem>"), in order of first
// mention. Thematic topics of the taxonomy are the frame of the talks
// ("Diplomacy and mediation") rather than a file the parties take
// positions on; option thematic adds them after the place issues.
//
// Parties: the countries of the participants, and the countries and
// international bodies the document shows taking a position (issueActors);
// the parties of an issue are those mentioned in its paragraphs (for a
// subject, in a sentence that names it), directly, through one of their
// cities, a NORP demonym, a participant mention, or "both sides" / "the two
// sides" (all parties), in order of first mention.
//
// Focus of a party: noun phrases (runs of JJ/NN* tokens, with VBG/VBN after
// a determiner or adjective read as adjectives, ending in a noun, 1-4 words,
// never crossing a named entity other than a geographic feature; joined to
// the phrase their preposition takes, up to six words: "resistance to
// foreign meddling") from the
// sentences that mention the party. A sentence that mentions no party
// continues the one before it in the same paragraph. When a sentence names
// several parties in different clauses (split at , ; : and dashes), each
// party gets the phrases of its own clauses. Headings and table rows give
// no prose focus. Phrases after a verb of stance or saying in their
// sentence come first; dates, people and vague heads ("officials") are
// never focus. Phrases are deduplicated by lowercase text and capped at
// max_focus; then, when a table agrees with the
// issue (a row whose first cell names it and a header cell naming the
// party), the comma-separated pieces of the party's cell are appended
// (deduplicated, also capped at max_focus) and Issue.Table is set.

// IssuesConfig is the "issues" stage's options.
type IssuesConfig struct {
	// MaxFocus caps the prose focus phrases of a party, and separately the
	// table ones.
	MaxFocus int `mapstructure:"max_focus"`
	// Thematic adds thematic topics of the taxonomy that are primary
	// somewhere as issues, after the place issues.
	Thematic bool `mapstructure:"thematic"`
	// Subjects adds the article's subjects (see subjects.go) as issues,
	// unless a table in the article agrees with its place issues.
	Subjects bool `mapstructure:"subjects"`
}

// DefaultIssuesConfig returns the defaults of the "issues" options.
func DefaultIssuesConfig() IssuesConfig { return IssuesConfig{MaxFocus: 6, Subjects: true} }

type issuesStage struct {
	cfg   IssuesConfig
	gaz   *gazetteer.Gazetteer // titles (a phrase headed by one names a person, no focus) and bodies
	stems *stemMemo
}

// NewIssues builds the "issues" stage.
func NewIssues(opts pipeline.Options) (pipeline.Stage, error) {
	cfg := DefaultIssuesConfig()
	if err := opts.Decode("issues", &cfg); err != nil {
		return nil, err
	}
	if cfg.MaxFocus < 0 {
		return nil, fmt.Errorf("stages.issues: max_focus must not be negative, got %d", cfg.MaxFocus)
	}
	gaz, err := gazetteer.Default()
	if err != nil {
		return nil, err
	}
	return &issuesStage{cfg: cfg, gaz: gaz, stems: newStemMemo()}, nil
}

func (s *issuesStage) Name() string { return "issues" }

// issueParty is a party country with its mentions in the whole document.
type issueParty struct {
	code, name string
	mentions   []pipeline.Span // sorted by Start
	forms      []string        // lowercase names for table headers
}

// issueParties collects the document's parties and their mentions: the
// countries of its participants, the international bodies whose officials
// they are, and the countries and international bodies it shows acting
// (issueActors).
func (s *issuesStage) issueParties(d *pipeline.Doc) []*issueParty {
	codes := topicPartyCodes(d)
	for _, c := range issueActors(d) {
		if !topicContains(codes, c) {
			codes = append(codes, c)
		}
	}
	bodies := s.internationalBodies(d)
	for _, pt := range d.Participants {
		if k := bodies[pt.Organization]; k != "" && !topicContains(codes, k) {
			codes = append(codes, k)
		}
	}
	var ps []*issueParty
	byCode := map[string]*issueParty{}
	for _, c := range codes {
		p := &issueParty{code: c}
		ps = append(ps, p)
		byCode[c] = p
	}
	if len(ps) == 0 {
		return nil
	}
	addForm := func(p *issueParty, f string) {
		f = strings.ToLower(strings.TrimSpace(f))
		f = trimPossessive(f)
		if len(f) >= 3 && !topicContains(p.forms, f) {
			p.forms = append(p.forms, f)
		}
	}
	for _, e := range d.Entities {
		if e.Start < 0 || e.End > len(d.Text) || e.Start >= e.End {
			continue
		}
		var p *issueParty
		switch e.Label {
		case pipeline.Place:
			p = byCode[topicEntityCode(e)]
			if p != nil && e.Subtype == "country" && p.name == "" {
				p.name = topicCanonical(e)
			}
			if p != nil && e.Subtype != "city" {
				addForm(p, e.Text)
			}
		case pipeline.NORP:
			p = byCode[e.Country]
			if p != nil {
				addForm(p, e.Text)
			}
		case pipeline.Org:
			p = byCode[issueBodyKey(e)]
			if p != nil && p.name == "" {
				p.name = e.Canonical
			}
			if p != nil {
				addForm(p, e.Text)
			}
		}
		if p != nil {
			p.mentions = append(p.mentions, d.SpanOf(e.Start, e.End))
		}
	}
	for _, pt := range d.Participants {
		p := byCode[pt.CountryCode]
		if b := byCode[bodies[pt.Organization]]; b != nil {
			p = b
		}
		if p == nil {
			continue
		}
		if p.name == "" && pt.Country != "" {
			p.name = pt.Country
		}
		for _, m := range pt.Mentions {
			if m.Start >= 0 && m.End <= len(d.Text) && m.Start < m.End {
				p.mentions = append(p.mentions, d.SpanOf(m.Start, m.End))
			}
		}
	}
	// "both sides", "the two sides": every party.
	if len(ps) >= 2 {
		low := strings.ToLower(d.Text)
		for _, phrase := range []string{"both sides", "two sides", "both countries", "two countries"} {
			for off := 0; ; {
				k := strings.Index(low[off:], phrase)
				if k < 0 {
					break
				}
				st := off + k
				off = st + len(phrase)
				if len(low) != len(d.Text) || !issueWordBoundary(d.Text, st, off) {
					continue
				}
				for _, p := range ps {
					p.mentions = append(p.mentions, d.SpanOf(st, off))
				}
			}
		}
	}
	for _, p := range ps {
		if p.name == "" {
			p.name = p.code
		}
		addForm(p, p.name)
		sort.SliceStable(p.mentions, func(i, j int) bool { return p.mentions[i].Start < p.mentions[j].Start })
	}
	return ps
}

// internationalBodies maps the names and forms of the international
// bodies in d that the gazetteer knows (with no country of their own, not
// a state's or a firm's) to their party keys.
func (s *issuesStage) internationalBodies(d *pipeline.Doc) map[string]string {
	m := map[string]string{}
	looked := map[string]bool{} // canonical names looked up, one lookup each
	for _, e := range d.Entities {
		if e.Label != pipeline.Org || e.Canonical == "" || e.Source != pipeline.SourceGazetteer && e.ID == "" {
			continue
		}
		if !looked[e.Canonical] {
			looked[e.Canonical] = true
			if !s.gaz.InternationalBody(e.Canonical) {
				continue
			}
			m[e.Canonical] = issueBodyKey(e)
		}
		if k := m[e.Canonical]; k != "" {
			m[e.Text] = k
		}
	}
	return m
}

// issueBodyKey is the party key of an organisation entity: its canonical
// name, marked so that it is never taken for a country code.
func issueBodyKey(e pipeline.Entity) string {
	if e.Canonical == "" {
		return ""
	}
	return "org:" + e.Canonical
}

// issueActors are the countries (by code) and international bodies (by
// issueBodyKey) the document shows taking a position: a mention that is
// the subject of a verb of saying or of stance ("the US said", "the EU has
// agreed", "France will oppose", "France and Sweden have called"), in
// order of first such mention. A body
// is an organisation the gazetteer knows (by name or id). A place that only is somewhere
// or has something ("Libya is next door", "Libya's deadlock") is what
// parties talk about, not a party.
func issueActors(d *pipeline.Doc) []string {
	known := map[string]bool{}
	for _, e := range d.Entities {
		if e.Label == pipeline.Org && (e.Source == pipeline.SourceGazetteer || e.ID != "") {
			known[e.Canonical] = true
		}
	}
	keyOf := func(e pipeline.Entity) string {
		switch {
		case e.Label == pipeline.Place && e.Subtype == "country":
			return topicEntityCode(e)
		case e.Label == pipeline.Org && known[e.Canonical]:
			return issueBodyKey(e)
		}
		return ""
	}
	// Where each party mention starts, to walk a coordination: "France,
	// Germany and Sweden have called for".
	startsAt := map[int]pipeline.Entity{}
	firstTok := map[int]int{} // a party mention's start -> its first token
	firstOf := map[int]int{}  // a party mention's last token -> its first
	for _, e := range d.Entities {
		if keyOf(e) != "" {
			startsAt[e.Start] = e
			first := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].Start >= e.Start })
			firstTok[e.Start] = first
			last := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].End >= e.End })
			if last < len(d.Tokens) {
				firstOf[last] = first
			}
		}
	}
	var out []string
	for _, e := range d.Entities {
		key := keyOf(e)
		if key == "" || topicContains(out, key) {
			continue
		}
		end := e.End
		i := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].Start >= end })
		for i+1 < len(d.Tokens) && (d.Tokens[i].Text == "," || strings.EqualFold(d.Tokens[i].Text, "and")) {
			j := i + 1 // (", and the Netherlands")
			for j+1 < len(d.Tokens) && (strings.EqualFold(d.Tokens[j].Text, "and") || strings.EqualFold(d.Tokens[j].Text, "the")) {
				j++
			}
			next, ok := startsAt[d.Tokens[j].Start]
			if !ok {
				break
			}
			end = next.End
			i = sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].Start >= end })
		}
		if k := firstTok[e.Start]; k < len(d.Tokens) && issueProposedBy(d, firstOf, k) {
			out = append(out, key)
			continue
		}
		for i < len(d.Tokens) && isQuote(d.Tokens[i].Text) {
			i++
		}
		if i >= len(d.Tokens) || d.Tokens[i].Sentence != d.Tokens[max(0, i-1)].Sentence {
			continue
		}
		if issueStanceNounAfter(d, i) {
			out = append(out, key)
			continue
		}
		aux := false
		for ; i+1 < len(d.Tokens); i++ {
			w := strings.ToLower(d.Tokens[i].Text)
			if issueAuxiliaries[w] {
				aux = true // "has agreed", "will oppose"
			} else if !issueAdverbs[w] {
				break
			}
		}
		finite := false
		switch d.Tokens[i].Tag {
		case "VBZ", "VBD", "VBP":
			finite = true
		case "VB", "VBN", "VBG":
			finite = aux
		}
		if w := strings.ToLower(d.Tokens[i].Text); finite && (stanceVerbs[w] || issueSayVerbs[w]) {
			out = append(out, key)
		}
	}
	return out
}

// issueProposedBy reports whether the party mention whose first token is
// k is, alone or in a list, the agent of a verb of stance or proposal in
// the passive: "the plan, tabled by Norway and Denmark", "a deal backed
// by the EU". firstOf maps the last token of each party mention to its
// first, to walk the list back to "by".
func issueProposedBy(d *pipeline.Doc, firstOf map[int]int, k int) bool {
	sent := d.Tokens[k].Sentence
	word := func(j int) string { return issueWordIn(d, sent, j) }
	for {
		j := k - 1
		if word(j) == "the" {
			j--
		}
		if w := word(j); w != "," && w != "and" {
			if w != "by" || j < 1 {
				return false
			}
			v := word(j - 1)
			tag := d.Tokens[j-1].Tag
			return (tag == "VBN" || tag == "VBD") && (stanceVerbs[v] || issueProposalVerbs[v])
		}
		j--
		if word(j) == "," { // ", and"
			j--
		}
		first, ok := firstOf[j]
		if !ok {
			return false
		}
		k = first
	}
}

// issueWordIn is token k in lower case when it stands in sentence sent,
// else "".
func issueWordIn(d *pipeline.Doc, sent, k int) string {
	if k >= 0 && k < len(d.Tokens) && d.Tokens[k].Sentence == sent {
		return strings.ToLower(d.Tokens[k].Text)
	}
	return ""
}

// issueProposalVerbs put a plan forward: "tabled by France".
var issueProposalVerbs = toSet(`tabled drafted sponsored submitted proposed`)

// issueStanceNounAfter reports whether the tokens from i, past an
// apposition between commas, say that a party is a supporter or a critic
// of something: "is a firm backer of", "have long been fierce critics
// of".
func issueStanceNounAfter(d *pipeline.Doc, i int) bool {
	sent := d.Tokens[i].Sentence
	at := func(k int) string { return issueWordIn(d, sent, k) }
	if at(i) == "," { // ", the biggest catcher in the group,"
		k := i + 1
		for k < i+12 && at(k) != "," && at(k) != "" {
			k++
		}
		if at(k) != "," {
			return false
		}
		i = k + 1
	}
	copula := false
	for ; issueAuxiliaries[at(i)] || at(i) == "been" || issueAdverbs[at(i)] || issueStanceAdverbs[at(i)]; i++ {
		copula = copula || issueCopulas[at(i)]
	}
	if !copula {
		return false
	}
	switch at(i) {
	case "a", "an", "the", "one", "among":
		i++
	}
	for k := i; k < i+4; k++ {
		w := at(k)
		if issueStanceNouns[w] {
			return at(k+1) == "of"
		}
		if w == "" || !startsLower(w) || w == "of" {
			return false
		}
	}
	return false
}

var (
	issueCopulas       = toSet(`is are was were been`)
	issueStanceAdverbs = toSet(`long always often consistently repeatedly`)
	issueStanceNouns   = toSet(`supporter supporters backer backers proponent proponents advocate advocates champion champions
opponent opponents critic critics`)
	issueAuxiliaries = toSet(`has have had will would should could can may might must is are was were`)
	issueAdverbs     = toSet(`also still not never already now then`)
)

// issueSayVerbs report what a party says or thinks.
var issueSayVerbs = toSet(`said says say told tells stated states announced announces insisted insists argued argues
warned warns believes believe believed hopes hope hoped plans plan planned vowed vows signed signs denied denies
agreed agrees wants wanted asked asks added noted confirmed confirms claimed claims accused accuses`)

// issueTheme is the thematic topic that comes first in most of the
// paragraphs paras (the earliest on a tie), and its label.
func issueTheme(d *pipeline.Doc, paras []int) (string, string) {
	count := map[string]int{}
	var order []pipeline.TopicScore
	for _, pi := range paras {
		for _, t := range d.Paragraphs[pi].Topics {
			if strings.HasPrefix(t.Topic, PlaceTopicPrefix) {
				continue
			}
			if count[t.Topic] == 0 {
				order = append(order, t)
			}
			count[t.Topic]++
			break
		}
	}
	var best pipeline.TopicScore
	for _, t := range order {
		if count[t.Topic] > count[best.Topic] {
			best = t
		}
	}
	return best.Topic, best.Label
}

// SubjectTopicPrefix starts the topic id of an issue that is one of the
// article's subjects: "subject:" and the stem of its head noun.
const SubjectTopicPrefix = "subject:"

// issueIsParty reports whether the place named canonical is one of the
// parties.
func issueIsParty(ps []*issueParty, canonical string) bool {
	for _, p := range ps {
		if strings.EqualFold(p.name, canonical) || topicContains(p.forms, strings.ToLower(canonical)) {
			return true
		}
	}
	return false
}

func issueWordBoundary(text string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:start])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if end < len(text) {
		r, _ := topicDecode(text[end:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// issueMentionedIn returns the parties with a mention inside [start,end), in order
// of first mention there.
func issueMentionedIn(ps []*issueParty, start, end int) []*issueParty {
	type hit struct {
		p   *issueParty
		pos int
	}
	var hits []hit
	for _, p := range ps {
		i := sort.Search(len(p.mentions), func(i int) bool { return p.mentions[i].Start >= start })
		if i < len(p.mentions) && p.mentions[i].End <= end {
			hits = append(hits, hit{p, p.mentions[i].Start})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].pos < hits[j].pos })
	out := make([]*issueParty, len(hits))
	for i, h := range hits {
		out[i] = h.p
	}
	return out
}

// Process fills d.Issues.
func (s *issuesStage) Process(ctx context.Context, d *pipeline.Doc) error {
	d.Issues = nil
	if err := ctx.Err(); err != nil {
		return err
	}
	type group struct {
		topic, label string
		paras        []int
		body         bool // primary for a non-heading paragraph
		table        int  // the table that has a row for it, or -1
		row          []pipeline.Span
	}
	// located finds g's row in a table of the article, once.
	located := func(g *group) *group {
		g.table, g.row = issueTableRow(d, g.topic, g.label)
		return g
	}
	var places, themes []*group
	byID := map[string]*group{}
	for i, p := range d.Paragraphs {
		if len(p.Topics) == 0 {
			continue
		}
		t := p.Topics[0]
		g := byID[t.Topic]
		if g == nil {
			g = &group{topic: t.Topic, label: t.Label}
			byID[t.Topic] = g
			if strings.HasPrefix(t.Topic, PlaceTopicPrefix) {
				places = append(places, g)
			} else {
				themes = append(themes, g)
			}
		}
		g.paras = append(g.paras, i)
		if p.Kind != pipeline.Heading {
			g.body = true
		}
	}
	parties := s.issueParties(d)
	stems := s.stems
	// A place is no issue of its own parties: "the US said" makes the US
	// a party, not a subject.
	var groups []*group
	tableAgrees := false
	for _, g := range places {
		if !issueIsParty(parties, strings.TrimPrefix(g.topic, PlaceTopicPrefix)) {
			groups = append(groups, located(g))
			tableAgrees = tableAgrees || g.table >= 0
		}
	}
	if s.cfg.Thematic {
		for _, g := range themes {
			if g.body {
				groups = append(groups, located(g))
			}
		}
	}
	// The article's own issue table, when it has one, is its list of
	// subjects.
	if s.cfg.Subjects && !tableAgrees {
		for _, sg := range findSubjects(d, subjectBlocked(d), stems, maxSubjects) {
			groups = append(groups, located(&group{topic: SubjectTopicPrefix + sg.head, label: sg.label, paras: sg.paras, body: true}))
		}
	}
	if len(groups) == 0 {
		return nil
	}
	blocked := issueBlocked(d)
	for _, g := range groups {
		if err := ctx.Err(); err != nil {
			return err
		}
		iss := pipeline.Issue{Topic: g.topic, Label: g.label, Paragraphs: append([]int{}, g.paras...), Table: -1}
		iss.Theme, iss.ThemeLabel = issueTheme(d, g.paras)
		focus := map[*issueParty][]pipeline.Span{}
		var order []*issueParty
		addParty := func(p *issueParty) {
			if _, ok := focus[p]; !ok {
				focus[p] = []pipeline.Span{}
				order = append(order, p)
			}
		}
		head, subject := strings.CutPrefix(g.topic, SubjectTopicPrefix)
		for _, pi := range g.paras {
			para := d.Paragraphs[pi]
			if !subject {
				for _, p := range issueMentionedIn(parties, para.Start, para.End) {
					addParty(p)
				}
			} else {
				// A subject's parties are named in a sentence that names it.
				for _, rng := range issueSentences(d, pi) {
					a, b := rng[0], rng[1]
					names := false
					for k := a; k < b && !names; k++ {
						names = mayHaveStem(d.Tokens[k].Text, head) && stems.of(d.Tokens[k].Text) == head
					}
					if names {
						for _, p := range issueMentionedIn(parties, d.Tokens[a].Start, d.Tokens[b-1].End) {
							addParty(p)
						}
					}
				}
			}
			if para.Kind == pipeline.Heading || para.Kind == pipeline.TableRow {
				continue
			}
			for p, spans := range s.paragraphFocus(d, pi, parties, blocked) {
				focus[p] = append(focus[p], spans...)
			}
		}
		for p := range focus {
			focus[p] = issueDedup(issueStanceFirst(d, slices.DeleteFunc(focus[p], s.namesSomeone)), nil, s.cfg.MaxFocus)
		}
		// Table agreement.
		if ti, row := g.table, g.row; ti >= 0 {
			for _, p := range parties {
				col := issueHeaderColumn(d.Tables[ti], p)
				if col < 0 || col >= len(row) {
					continue
				}
				iss.Table = ti
				addParty(p)
				focus[p] = append(focus[p], issueDedup(issueSplitCell(d, row[col]), focus[p], s.cfg.MaxFocus)...)
			}
		}
		for _, p := range order {
			party := pipeline.Party{Name: p.name, Kind: "country", CountryCode: p.code, Focus: focus[p]}
			if strings.HasPrefix(p.code, "org:") {
				party.Kind, party.CountryCode = "org", ""
			}
			iss.Parties = append(iss.Parties, party)
		}
		if iss.Parties == nil {
			iss.Parties = []pipeline.Party{}
		}
		d.Issues = append(d.Issues, iss)
	}
	return nil
}

// issueBlocked marks the tokens no focus phrase may contain: tokens inside
// named entities other than geographic features, participant mentions and
// dates ("next week").
func issueBlocked(d *pipeline.Doc) []bool {
	return maskTokens(d, func(e pipeline.Entity) bool { return e.Label != pipeline.Place || e.Subtype != "feature" }, true)
}

// maskTokens marks the tokens of d inside the entities for which entity is
// true, inside participant mentions, and with dates set inside dates.
func maskTokens(d *pipeline.Doc, entity func(pipeline.Entity) bool, dates bool) []bool {
	out := make([]bool, len(d.Tokens))
	mark := func(start, end int) {
		i := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].End > start })
		for ; i < len(d.Tokens) && d.Tokens[i].Start < end; i++ {
			out[i] = true
		}
	}
	for _, e := range d.Entities {
		if entity(e) {
			mark(e.Start, e.End)
		}
	}
	for _, p := range d.Participants {
		for _, m := range p.Mentions {
			mark(m.Start, m.End)
		}
	}
	if dates {
		for _, m := range d.Dates {
			mark(m.Start, m.End)
		}
	}
	return out
}

// issueSentences returns the token ranges [first, end) of paragraph pi's
// sentences.
func issueSentences(d *pipeline.Doc, pi int) [][2]int {
	var out [][2]int
	para := d.Paragraphs[pi]
	// Sentences are in text order: search, do not scan them all for every
	// paragraph.
	first := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].Start >= para.Start })
	for _, s := range d.Sentences[first:] {
		if s.Start >= para.End {
			break
		}
		if s.End <= para.End && s.FirstToken >= 0 && s.EndToken <= len(d.Tokens) && s.FirstToken < s.EndToken {
			out = append(out, [2]int{s.FirstToken, s.EndToken})
		}
	}
	if out == nil && len(d.Tokens) > 0 {
		a := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].Start >= para.Start })
		b := a
		for b < len(d.Tokens) && d.Tokens[b].End <= para.End {
			b++
		}
		if a < b {
			out = append(out, [2]int{a, b})
		}
	}
	return out
}

// paragraphFocus returns the focus phrases of each party in paragraph pi.
func (s *issuesStage) paragraphFocus(d *pipeline.Doc, pi int, parties []*issueParty, blocked []bool) map[*issueParty][]pipeline.Span {
	out := map[*issueParty][]pipeline.Span{}
	var prev []*issueParty
	for _, rng := range issueSentences(d, pi) {
		a, b := rng[0], rng[1]
		here := issueMentionedIn(parties, d.Tokens[a].Start, d.Tokens[b-1].End)
		if len(here) == 0 {
			for _, p := range prev {
				out[p] = append(out[p], issueClausePhrases(d, a, b, blocked)...)
			}
			prev = nil // a sentence continues only the one right before it
			continue
		}
		prev = here
		if len(here) == 1 {
			out[here[0]] = append(out[here[0]], issueClausePhrases(d, a, b, blocked)...)
			continue
		}
		// Several parties: clause by clause.
		type clause struct {
			a, b int
			ps   []*issueParty
		}
		var cls []clause
		st := a
		for i := a; i <= b; i++ {
			if i == b || issueClauseBreak(d.Tokens[i].Text) {
				if st < i {
					cls = append(cls, clause{a: st, b: i, ps: issueMentionedIn(parties, d.Tokens[st].Start, d.Tokens[i-1].End)})
				}
				st = i + 1
			}
		}
		var cur []*issueParty
		for _, c := range cls {
			if len(c.ps) > 0 {
				cur = c.ps
				break
			}
		}
		for _, c := range cls {
			if len(c.ps) > 0 {
				cur = c.ps
			}
			phr := issueClausePhrases(d, c.a, c.b, blocked)
			for _, p := range cur {
				out[p] = append(out[p], phr...)
			}
		}
	}
	return out
}

// issueClausePhrases returns the focus phrases of tokens [a,b): what a
// stance verb says is to be done, then the noun phrases.
func issueClausePhrases(d *pipeline.Doc, a, b int, blocked []bool) []pipeline.Span {
	return append(issueVerbComplements(d, a, b), issueNounPhrases(d, a, b, blocked)...)
}

func issueClauseBreak(tok string) bool {
	switch tok {
	case ",", ";", ":", "–", "—", "--":
		return true
	}
	return false
}

// issueStopNouns are single nouns too vague to be a focus.
var issueStopNouns = map[string]bool{
	"country": true, "countries": true, "side": true, "sides": true, "thing": true, "things": true,
	"way": true, "time": true, "times": true, "lot": true, "point": true, "part": true, "sense": true,
	"eye": true, "room": true, "day": true, "days": true, "year": true, "years": true, "today": true,
	"tone": true, "language": true, "mix": true, "kind": true, "sort": true, "number": true,
	"moment": true, "one": true, "ones": true, "need": true, "terms": true, "course": true,
	"here": true, "there": true, "something": true, "nothing": true, "anything": true, "everything": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"experience": true, "story": true, "figures": true, "piece": true,
}

var issueReportVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "added": true, "noted": true, "stated": true, "announced": true,
}

var issuePronouns = map[string]bool{
	"i": true, "you": true, "he": true, "she": true, "it": true, "we": true, "they": true, "this": true,
	"that": true, "these": true, "those": true, "its": true, "their": true, "his": true, "her": true,
}

func issueNounTag(tag string) bool { return strings.HasPrefix(tag, "NN") }

func issueAdjTag(tag string) bool { return tag == "JJ" || tag == "JJR" || tag == "JJS" }

// issueVerbComplements returns what a party is said to want, agree,
// refuse, offer or urge to do in tokens [a,b): the verb phrase after a
// stance verb and "to" ("wants to cut greenhouse gases", "urged Ankara to
// recognise Cyprus"), up to six words and the clause's end.
func issueVerbComplements(d *pipeline.Doc, a, b int) []pipeline.Span {
	var out []pipeline.Span
	for k := a; k+2 < b; k++ {
		t := d.Tokens[k]
		if !strings.HasPrefix(t.Tag, "VB") || !lowercase.Get(stanceVerbs, t.Text) && !lowercase.Get(issueSayVerbs, t.Text) {
			continue
		}
		// "to" right after the verb, or after its object ("urged Ankara to").
		to := k + 1
		for to < b && to < k+4 && !strings.EqualFold(d.Tokens[to].Text, "to") && !issueClauseBreak(d.Tokens[to].Text) && !strings.HasPrefix(d.Tokens[to].Tag, "VB") {
			to++
		}
		if to+1 >= b || !strings.EqualFold(d.Tokens[to].Text, "to") || d.Tokens[to+1].Tag != "VB" {
			continue
		}
		end := to + 1
		for end < b && end < to+7 && !issueClauseBreak(d.Tokens[end].Text) && !lowercase.Get(issueComplementEnds, d.Tokens[end].Text) && d.Tokens[end].Text != "." {
			end++
		}
		for end > to+2 && lowercase.Get(issueTrailing, d.Tokens[end-1].Text) {
			end--
		}
		if end == to+1 {
			continue // (a verb's tag on a word that ends a clause)
		}
		out = append(out, d.SpanOf(d.Tokens[to+1].Start, d.Tokens[end-1].End))
		k = end - 1
	}
	return out
}

var (
	// issueComplementEnds end a verb phrase: another clause begins.
	issueComplementEnds = toSet(`and but or which that who whom because if when while after before unless as than so "`)
	// issueTrailing are words a phrase does not end in.
	issueTrailing = toSet(`the a an of to for with on in at by from its their his her our`)
)

// issueNounPhrases returns the noun phrases of tokens [a,b).
func issueNounPhrases(d *pipeline.Doc, a, b int, blocked []bool) []pipeline.Span {
	var out []pipeline.Span
	inPhrase := func(i int) bool {
		t := d.Tokens[i]
		low := strings.ToLower(t.Text)
		if issuePronouns[low] || blocked[i] || topicNorm(low) == "" || !strings.ContainsFunc(low, unicode.IsLetter) {
			return false // pronouns, entities, "’s", punctuation
		}
		if issueNounTag(t.Tag) || issueAdjTag(t.Tag) {
			return true
		}
		if t.Tag == "VBG" || t.Tag == "VBN" {
			if i == a {
				return false
			}
			switch d.Tokens[i-1].Tag {
			case "DT", "PRP$", "JJ", "POS":
				return true
			}
		}
		return false
	}
	tokenRuns(a, b, inPhrase, func(i, j int) {
		run := make([]int, 0, j-i)
		for k := i; k < j; k++ {
			run = append(run, k)
		}
		// A phrase ends in a noun; a gerund after a determiner that no noun
		// follows ("the fighting") is a noun.
		for len(run) > 0 {
			k := run[len(run)-1]
			t := d.Tokens[k]
			if issueNounTag(t.Tag) || (t.Tag == "VBG" && d.Tokens[k-1].Tag == "DT" && (k+1 >= b || !issueNounTag(d.Tokens[k+1].Tag))) {
				break
			}
			run = run[:len(run)-1]
		}
		if len(run) == 0 {
			return
		}
		if len(run) > 4 {
			run = run[len(run)-4:]
		}
		first, lastTok := d.Tokens[run[0]], d.Tokens[run[len(run)-1]]
		if first.Start < 0 || lastTok.End > len(d.Text) || first.Start >= lastTok.End {
			return
		}
		if len(run) == 1 && lowercase.Get(issueStopNouns, first.Text) || lowercase.Get(subjectVagueHeads, lastTok.Text) {
			return // "officials", "the commission president"
		}
		// The speaker of a report ("officials said") is no focus.
		if k := run[len(run)-1] + 1; k < b && lowercase.Get(issueReportVerbs, d.Tokens[k].Text) {
			return
		}
		out = append(out, d.SpanOf(first.Start, lastTok.End))
	})
	return issueJoinComplements(d, out)
}

// issueJoinComplements joins a phrase to the one its preposition takes
// ("limits on catches", "support for the plan"), up to six words:
// what a party wants is often a noun and its complement.
func issueJoinComplements(d *pipeline.Doc, spans []pipeline.Span) []pipeline.Span {
	var out []pipeline.Span
	for _, sp := range spans {
		if n := len(out); n > 0 {
			prev := out[n-1]
			between := strings.Fields(d.Text[prev.End:sp.Start])
			if len(between) >= 1 && len(between) <= 2 && lowercase.Get(issueComplementPreps, between[0]) &&
				(len(between) == 1 || lowercase.Get(issueArticles, between[1])) &&
				len(strings.Fields(d.Text[prev.Start:sp.End])) <= 6 {
				out[n-1] = d.SpanOf(prev.Start, sp.End)
				continue
			}
		}
		out = append(out, sp)
	}
	return out
}

var (
	issueComplementPreps = toSet(`of for to against on over from with`)
	issueArticles        = toSet(`the a an`)
)

// namesSomeone reports whether a phrase is a person's title or a time,
// which a party neither wants nor does: "the trade commissioner", "an
// influential senator", "later date". A title alone may be a part a
// country plays ("mediator").
func (s *issuesStage) namesSomeone(sp pipeline.Span) bool {
	words := strings.Fields(strings.ToLower(sp.Text))
	if issueTimeNouns[words[len(words)-1]] {
		return true
	}
	for i := range words[:len(words)-1] {
		if m := s.gaz.Titles().MatchPlural(words, i); m.N > 0 && i+m.N == len(words) {
			return true
		}
	}
	return len(words) > 1 && s.gaz.Titles().IsHead(words[len(words)-1])
}

// issueTimeNouns head phrases of time.
var issueTimeNouns = toSet(`year years date dates day days week weeks month months time times decade decades hour hours`)

// issueStanceFirst puts first the phrases a verb of stance or of saying
// comes before in their sentence ("insisted the rebate was not for
// negotiation"): what a party says it wants, before what is only near it.
func issueStanceFirst(d *pipeline.Doc, spans []pipeline.Span) []pipeline.Span {
	stance := func(sp pipeline.Span) bool {
		i := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].Start >= sp.Start })
		if i >= len(d.Tokens) {
			return false
		}
		for k := i - 1; k >= 0 && d.Tokens[k].Sentence == d.Tokens[i].Sentence; k-- {
			t := d.Tokens[k]
			if w := strings.ToLower(t.Text); strings.HasPrefix(t.Tag, "VB") && (stanceVerbs[w] || issueSayVerbs[w]) {
				return true
			}
		}
		return false
	}
	out := make([]pipeline.Span, 0, len(spans))
	var rest []pipeline.Span
	for _, sp := range spans {
		if stance(sp) {
			out = append(out, sp)
		} else {
			rest = append(rest, sp)
		}
	}
	return append(out, rest...)
}

// issueDedup keeps the spans of xs whose lowercase text is not in have or
// earlier in xs, at most max of them.
func issueDedup(xs, have []pipeline.Span, max int) []pipeline.Span {
	seen := map[string]bool{}
	for _, h := range have {
		seen[strings.ToLower(h.Text)] = true
	}
	out := []pipeline.Span{}
	for _, x := range xs {
		k := strings.ToLower(x.Text)
		if seen[k] || len(out) >= max {
			continue
		}
		seen[k] = true
		out = append(out, x)
	}
	return out
}

// issueTableRow finds a table with a row whose first cell names the issue.
func issueTableRow(d *pipeline.Doc, topic, label string) (int, []pipeline.Span) {
	name := strings.ToLower(label)
	place := strings.TrimPrefix(topic, PlaceTopicPrefix)
	isPlace := place != topic
	for ti, t := range d.Tables {
		for _, row := range t.Rows {
			if len(row) < 2 {
				continue
			}
			c := row[0]
			if c.Start < 0 || c.End > len(d.Text) || c.Start > c.End {
				continue
			}
			cell := strings.ToLower(d.Text[c.Start:c.End])
			if name != "" && strings.Contains(cell, name) {
				return ti, row
			}
			if isPlace {
				for _, e := range d.Entities {
					if e.Start >= c.Start && e.End <= c.End && (e.Label == pipeline.Place || e.Label == pipeline.NORP) && topicCanonical(e) == place {
						return ti, row
					}
				}
			}
		}
	}
	return -1, nil
}

// issueHeaderColumn returns the header column (not the first) naming party p,
// or -1.
func issueHeaderColumn(t pipeline.Table, p *issueParty) int {
	for j := 1; j < len(t.Header); j++ {
		h := strings.ToLower(strings.ReplaceAll(t.Header[j].Text, "’", "'"))
		for _, f := range p.forms {
			if strings.Contains(h, strings.ReplaceAll(f, "’", "'")) {
				return j
			}
		}
	}
	return -1
}

// issueSplitCell splits a cell on commas into trimmed spans.
func issueSplitCell(d *pipeline.Doc, c pipeline.Span) []pipeline.Span {
	if c.Start < 0 || c.End > len(d.Text) || c.Start > c.End {
		return nil
	}
	var out []pipeline.Span
	text := d.Text[c.Start:c.End]
	st := 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) && text[i] != ',' && text[i] != ';' {
			continue
		}
		a, b := st, i
		for a < b && strings.ContainsRune(" \t\n\r", rune(text[a])) {
			a++
		}
		for b > a && strings.ContainsRune(" \t\n\r", rune(text[b-1])) {
			b--
		}
		if a < b {
			out = append(out, d.SpanOf(c.Start+a, c.Start+b))
		}
		st = i + 1
	}
	return out
}

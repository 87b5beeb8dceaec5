package extract

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	prosener "github.com/jdkato/prose/v3/ner"

	"github.com/readout/readout/extract/ner"
	"github.com/readout/readout/gazetteer"
	"github.com/readout/readout/internal/lowercase"
	"github.com/readout/readout/pipeline"
)

// Entities finds people, places, organisations and nationalities. It joins
// three sources: the gazetteer (places, organisations, demonyms), rules over
// token shapes (a title before a name, a name opening a roster line, an
// organisation ending in a head noun like "Ministry"), and prose's
// statistical model for the names neither of those knows. Candidates compete
// for each stretch of text by source priority, then length.
type Entities struct {
	gaz    *gazetteer.Gazetteer
	titles *gazetteer.Titles
	model  *ner.Model          // readout's tagger; nil when another or none is used
	prose  *prosener.Extracter // prose's maxent model, when chosen instead
}

type entitiesConfig struct {
	Model         string `mapstructure:"model"`          // "readout", "prose" or "none"
	ModelFile     string `mapstructure:"model_file"`     // a model from "readout train ner" instead of the built-in one
	GazetteerFile string `mapstructure:"gazetteer_file"` // user entries added to the built-in gazetteer
}

// NewEntities builds the entities stage.
func NewEntities(opts pipeline.Options) (pipeline.Stage, error) {
	cfg := entitiesConfig{Model: "readout"}
	if err := opts.Decode("entities", &cfg); err != nil {
		return nil, err
	}
	gaz, err := loadGazetteer(cfg.GazetteerFile)
	if err != nil {
		return nil, err
	}
	e := &Entities{gaz: gaz, titles: gaz.Titles()}
	switch cfg.Model {
	case "readout":
		e.model, err = loadModel(cfg.ModelFile)
		if err != nil {
			return nil, fmt.Errorf("stages.entities.model_file: %w", err)
		}
	case "prose":
		if e.prose, err = prosener.New(); err != nil {
			return nil, err
		}
	case "none", "":
	default:
		return nil, fmt.Errorf("stages.entities.model: unknown model %q (want readout, prose or none)", cfg.Model)
	}
	return e, nil
}

// loadModel returns the built-in entity model, or the one in path.
func loadModel(path string) (*ner.Model, error) {
	if path == "" {
		return ner.Default()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ner.Read(f)
}

func (*Entities) Name() string { return "entities" }

// Candidate priorities: a rule anchored on a title or roster line is the
// strongest evidence, the gazetteer next, the statistical model last.
const (
	prioModel = iota + 1 // prose's maxent model
	prioEcho             // another mention of a name found elsewhere in the document
	prioGazetteer
	prioTagger // readout's trained tagger
	prioRule
)

type candidate struct {
	pipeline.Entity
	prio int
}

// Process fills d.Entities, sorted by position.
func (e *Entities) Process(ctx context.Context, d *pipeline.Doc) error {
	var ents []pipeline.Entity
	var tagged [][]ner.Span
	facts := &docFacts{d: d, gaz: e.gaz} // shared by the sentences of this document
	if e.model != nil {
		var err error
		if tagged, err = e.tagDoc(ctx, d); err != nil {
			return err
		}
	}
	for si, s := range d.Sentences {
		if err := ctx.Err(); err != nil {
			return err
		}
		toks := d.Tokens[s.FirstToken:s.EndToken]
		kind := pipeline.TextPara
		if s.Paragraph < len(d.Paragraphs) {
			kind = d.Paragraphs[s.Paragraph].Kind
		}
		sc := sentenceScan{e: e, d: d, toks: toks, words: tokenTexts(toks), kind: kind, facts: facts}
		if tagged != nil {
			sc.tagged = tagged[si]
		}
		sc.gazetteerMatches()
		sc.titledPeople()
		sc.namedPeople()
		sc.clausePeople()
		sc.rosterPeople()
		sc.creditedPeople()
		sc.appositivePeople()
		sc.kinPeople()
		sc.listedUnderHonorific()
		sc.listedUnderTitle()
		sc.mountains()
		sc.hyphenatedGivenNames()
		sc.latePeople()
		sc.seats()
		sc.bracketedPeople()
		sc.nicknamedPeople()
		sc.introducedPeople()
		sc.demonymPeople()
		sc.organisations()
		sc.staffFirms()
		sc.placesBeforeLocalPosts()
		// The tagger learnt from running text; headings and table cells are
		// fragments it reads badly ("Sudan | Regional stability" as a
		// team), but a short line past the headline with no small word in
		// lower case is as often a byline or a dateline ("Rolf Berg",
		// "OSLO, Norway 1996-08-30"), which it reads well.
		if tagged != nil && kind != pipeline.TableRow && (kind != pipeline.Heading || s.Paragraph > 0 && !slices.ContainsFunc(sc.words, startsLower)) {
			sc.taggedEntities(tagged[si])
		}
		if e.prose != nil && kind != pipeline.Heading && !(kind == pipeline.TableRow && isFirstRow(d, s.Paragraph)) && sc.uncovered() {
			sc.proseEntities()
		}
		// Candidates never cross a sentence: resolving them sentence by
		// sentence keeps the cost linear in the document's length.
		ents = append(ents, resolve(sc.out)...)
	}
	listedPlaces(d.Text, ents, e.gaz)
	relabelNameParts(d, ents, e.gaz)
	bodiesByMajority(ents)
	listedPeople(d.Text, ents, e.gaz)
	placesBeforeLocalBodies(d.Text, ents)
	ents = splitCoordinatedBodies(ents, e.gaz)
	ents = partnersFirms(d, ents)
	resultsTeams(d, ents)
	ents = withoutRenderedPeople(d, ents)
	d.Entities = ents
	d.Entities = echoNames(d, d.Entities, e.gaz)
	bodiesWithS(d, d.Entities, facts)
	canonicalPeople(d.Entities)
	canonicalBodies(d.Entities, e.gaz)
	for i := range d.Entities {
		d.Entities[i].Canonical = oneLine(d.Entities[i].Canonical)
	}
	return nil
}

// oneLine returns a name written across a line break in hard-wrapped text
// ("Drexel\nBurnham Lambert") with single spaces between its words.
func oneLine(name string) string {
	if !strings.ContainsFunc(name, func(r rune) bool { return r != ' ' && isSpaceRune(r) }) && !strings.Contains(name, "  ") {
		return name
	}
	return strings.Join(strings.FieldsFunc(name, isSpaceRune), " ")
}

// bodiesWithS extends a body's name over the "'s" after it where the
// document shows that "'s" is no possessive ("Moody's said", "at
// McDonald's."): it is part of the name, there and wherever the name
// comes back ("McDonald's shares").
func bodiesWithS(d *pipeline.Doc, ents []pipeline.Entity, facts *docFacts) {
	for k := range ents {
		e := &ents[k]
		if e.Label != pipeline.Org {
			continue
		}
		j := tokenEnding(d.Tokens, e.End)
		if j < 0 || j+1 >= len(d.Tokens) || d.Tokens[j+1].Sentence != d.Tokens[j].Sentence || !isPossessive(d.Tokens[j+1].Text) || !facts.namesWithS(d.Tokens[j].Text) {
			continue
		}
		if k+1 < len(ents) && ents[k+1].Start < d.Tokens[j+1].End {
			continue
		}
		e.End = d.Tokens[j+1].End
		e.Text = d.Text[e.Start:e.End]
	}
}

// uncovered reports whether the sentence has a capitalised word after its
// first that no candidate covers: only then can the model add anything, and
// it is by far the most expensive step.
func (sc *sentenceScan) uncovered() bool {
	covered := make([]bool, len(sc.toks))
	for _, c := range sc.out {
		for k, t := range sc.toks {
			if t.Start >= c.Start && t.End <= c.End {
				covered[k] = true
			}
		}
	}
	for k := 1; k < len(sc.toks); k++ {
		if !covered[k] && isCapitalized(sc.words[k]) && !notNames[sc.words[k]] {
			return true
		}
	}
	return false
}

func tokenTexts(toks []pipeline.Token) []string {
	w := make([]string, len(toks))
	for i, t := range toks {
		w[i] = t.Text
	}
	return w
}

func isFirstRow(d *pipeline.Doc, p int) bool {
	return p < len(d.Paragraphs) && (p == 0 || d.Paragraphs[p-1].Block != d.Paragraphs[p].Block)
}

// sentenceScan collects candidates in one sentence.
type sentenceScan struct {
	e      *Entities
	d      *pipeline.Doc
	toks   []pipeline.Token
	words  []string
	kind   pipeline.ParagraphKind
	gaz    []gazetteer.Match
	out    []candidate
	facts  *docFacts  // what the whole document says, built once on demand
	tagged []ner.Span // the tagger's spans in this sentence
}

func (sc *sentenceScan) add(i, j int, label string, prio int, conf float64) *candidate {
	if (label == pipeline.Person || label == pipeline.Org) && j > i && placedByWord(sc.words[j-1]) {
		return &candidate{} // "a Hong Kong-based group": a modifier, no one's name
	}
	// "Hong Kong-based Hutchison Lim": the name starts after the
	// modifier, and one that "-based" places is a body's unless it opens
	// with a given name.
	if label == pipeline.Person {
		for k := j - 2; k >= i; k-- {
			if placedByWord(sc.words[k]) {
				i = k + 1
				if !sc.givenName(sc.words[i]) {
					label = pipeline.Org
				}
				break
			}
		}
	}
	if label == pipeline.Person && j == i+1 && prefixedAdjective(sc.words[i]) {
		return &candidate{} // "anti-Tory", "pro-Western": an adjective, no one's name
	}
	if label == pipeline.Person && j-i >= 2 && partyMembers[sc.words[j-1]] {
		return &candidate{} // "Illinois Democrat", "Christian Democrat": a party's member, no one's name
	}
	// "the North East", "Harwick South West": two compass points end a
	// region's name or a seat's, no one's (a surname is one: "Tom West").
	if label == pipeline.Person && j-i >= 2 && compassPoints[sc.words[j-2]] && compassPoints[sc.words[j-1]] {
		label = pipeline.Place
	}
	// "a rival to market leader Orvan": a firm leads a market, and the
	// name after it is the firm's (not after a given name that opens a
	// person's, "market leader Tom Hale's firm").
	if label == pipeline.Person && i >= 2 && strings.EqualFold(sc.words[i-1], "leader") && lowercase.Get(marketWords, sc.words[i-2]) && !sc.givenName(sc.words[i]) {
		label = pipeline.Org
	}
	if label == pipeline.Person {
		// "the village of Sheikh Harun": a place's name, by its noun,
		// though a title opens it.
		k := i
		for k > 0 && (lowercase.Get(honorifics, sc.words[k-1]) || sc.e.titles.IsHead(strings.ToLower(sc.words[k-1]))) && isCapitalized(sc.words[k-1]) {
			k--
		}
		if k >= 2 && sc.words[k-1] == "of" && lowercase.Get(placeNouns, sc.words[k-2]) {
			return &candidate{}
		}
		i = sc.personStart(i, j)
		if k := sc.endBeforePlace(i, j); k > i {
			j = k // "told Ms. Holt China's ...": the country is the next phrase's
		}
		j = sc.dashEnd(i, sc.generationEnd(i, namesEnd(sc.words, i, j)))
		if j-i == 1 {
			// "where she completed her PhD", "the French Bishops’
			// Conference": a degree, or a title in the plural, alone
			// names no one.
			if m := sc.e.titles.MatchPlural(sc.words, i); postNominals[sc.words[i]] || m.N == 1 && m.Plural {
				return &candidate{}
			}
		}
		// "Chile's Minister of Social Cohesion said": what follows a
		// title and "of" is its portfolio, unless a given name opens it
		// ("chief of staff of Ana Ruiz").
		if i >= 2 && sc.words[i-1] == "of" && sc.titleReaches(i-1) && !sc.givenName(sc.words[i]) && !sc.taggedName(i, j) {
			return &candidate{}
		}
		i = sc.spacedInitials(i)
		// ("the Guildford Four", "the Jackson Five": a group or a band
		// named by its number.)
		if sc.insideBody(i, j) || j-i > 1 && (sc.lowerWords(i, j) || numberWords[sc.words[j-1]]) || sc.afterCapitalThe(i) || sc.namedThing(i, j) || sc.wholeQuotation(i, j) {
			return &candidate{}
		}
		// "the Twin Otter aircraft": a make of machine, no one's name; nor
		// is what the document calls a body ("the Yesh Atid party").
		if j < len(sc.words) && machineHeads[sc.words[j]] && strings.HasPrefix(sc.toks[j].Tag, "NN") || sc.namesFacility(j) {
			return &candidate{}
		}
		// "the Sheikh Harun neighbourhood": nor a place's, by its noun.
		if j < len(sc.words) && placeNouns[sc.words[j]] && strings.HasPrefix(sc.toks[j].Tag, "NN") {
			return &candidate{}
		}
		if sc.namesThing(i, j) {
			return &candidate{}
		}
		if j-i == 1 && sc.facts.group(sc.words[i], sc.namesBefore) {
			return &candidate{}
		}
		// "Former Governor Ann Kerr Dies at 89": in a heading in title
		// case, a verb ends the name; so in any sentence in title case, a
		// headline that the paragraphs stage read as text for its full
		// stop ("Senator Wins Re-Election. What Now?").
		if sc.kind == pipeline.Heading || titleCase(sc.words) {
			if k := slices.IndexFunc(sc.words[i:j], func(w string) bool { return headlineVerbs[w] }); k >= 0 {
				// ("League Names Ana Ruiz": the name may follow it.)
				if after := i + k + 1; j-after >= 2 && k < 2 && sc.givenName(sc.words[after]) {
					i = after
				} else {
					j = i + k
				}
			}
			if i == j {
				return &candidate{} // "Mayor Killed ...": no name
			}
		}
		if sc.kind == pipeline.Heading {
			// A heading in title case capitalises every word ("Peace
			// Talks"): a name the body never repeats needs a known given
			// name to open it.
			if titleCase(sc.words) && !sc.e.gaz.CommonGivenName(sc.words[i]) && !sc.facts.repeats(sc.words[j-1]) {
				return &candidate{}
			}
		}
	}
	start, end := sc.toks[i].Start, sc.toks[j-1].End
	src := pipeline.SourceRule
	switch prio {
	case prioModel, prioTagger:
		src = pipeline.SourceModel
	case prioGazetteer:
		src = pipeline.SourceGazetteer
	}
	sc.out = append(sc.out, candidate{Entity: pipeline.Entity{
		Start: start, End: end, Text: sc.d.Text[start:end], Label: label,
		Canonical: sc.d.Text[start:end], Source: src, Confidence: conf,
	}, prio: prio})
	return &sc.out[len(sc.out)-1]
}

// insideBody reports whether words [i, j) are a known body's name or part
// of one: "Yesh Atid", "Reporters Without Borders".
func (sc *sentenceScan) insideBody(i, j int) bool {
	for _, m := range sc.gaz {
		if m.Start <= i && j <= m.End && m.Entries[0].Kind == gazetteer.Org && !m.Ambiguous {
			return true
		}
	}
	return false
}

// placeAt returns the unambiguous gazetteer match starting at token i.
func (sc *sentenceScan) placeAt(i int) (gazetteer.Match, bool) {
	for _, m := range sc.gaz {
		if m.Start == i && !m.Ambiguous {
			return m, true
		}
	}
	return gazetteer.Match{}, false
}

func (sc *sentenceScan) gazetteerMatches() {
	all := sc.e.gaz.Match(sc.words)
	sc.gaz = all[:0:0]
	for _, m := range all {
		if !sc.cityInName(m) && !sc.lateInName(m) && !sc.officeAsBody(m) && !sc.commonWordOpening(m.Start, m.End) {
			sc.gaz = append(sc.gaz, m)
		}
	}
	for _, m := range sc.gaz {
		best := m.Entries[0]
		conf := 0.9
		if m.Ambiguous {
			// "Jordan Henderson", "Georgia Meloni": a following name word
			// or a title before makes it a person's name.
			if m.End < len(sc.words) && isNameWord(sc.words[m.End], false) && !sc.isPlaceStart(m.End) {
				continue
			}
			if m.Start > 0 && sc.e.titles.IsHead(strings.ToLower(sc.words[m.Start-1])) {
				continue
			}
			conf = 0.6
		}
		c := sc.add(m.Start, m.End, labelOf(best.Kind), prioGazetteer, conf)
		if !sc.expansionKnown(m.Start, m.End, best) {
			c.Confidence = 0.5 // an acronym of several bodies; keep it as written
			continue
		}
		c.Subtype, c.ID, c.Country = subtypeOf(best.Kind), best.ID, best.Country
		c.Canonical = best.Name
		if best.Kind == gazetteer.Demonym {
			c.ID = ""
			if ctry, ok := sc.e.gaz.Country(best.Country); ok {
				c.Canonical = ctry.Name
			}
		}
	}
}

// commonWordOpening reports whether words [i, j) are one word that opens
// the sentence or a quotation, capitalised only there, news writes in
// lower case, and a common noun follows: "Mobile networks seek ...",
// "Male life expectancy", "\"Alarm bells ...": a word, no place ("Nice
// is ..." and "Reading v Stockport" are left alone: no noun follows).
func (sc *sentenceScan) commonWordOpening(i, j int) bool {
	if j != i+1 || j >= len(sc.words) || i > 0 && !opensWithQuote(sc.words[i-1]) {
		return false
	}
	next := sc.toks[j]
	return sc.e.gaz.LowerWord(sc.words[i]) && startsLower(next.Text) && (next.Tag == "NN" || next.Tag == "NNS")
}

// officeAsBody reports whether a body's name the gazetteer matched is a
// title with its body before it ("UN High Commissioner for Refugees", an
// office named by its holder's title) that names a person after it, or
// before it in apposition: then it is that person's title, not the body.
func (sc *sentenceScan) officeAsBody(m gazetteer.Match) bool {
	if m.Entries[0].Kind != gazetteer.Org || m.End-m.Start < 3 {
		return false
	}
	t := sc.e.titles.MatchPlural(sc.words, m.Start+1)
	if t.N == 0 || t.Plural {
		return false
	}
	w := sc.words
	return m.End < len(w) && isCapitalized(w[m.End]) && isNameWord(w[m.End], true) ||
		m.End+1 < len(w) && w[m.End] == "," && isCapitalized(w[m.End+1]) ||
		m.Start >= 2 && strings.EqualFold(w[m.Start-1], "the") && w[m.Start-2] == ","
}

// cityInName reports whether a city match is part of a personal name:
// "Vladimir Putin", "John R. Bolton". Countries and capitals are kept.
func (sc *sentenceScan) cityInName(m gazetteer.Match) bool {
	best := m.Entries[0]
	if best.Kind != gazetteer.City || best.Capital || m.End-m.Start != 1 {
		return false
	}
	w := sc.words
	if m.Start > 0 {
		prev := w[m.Start-1]
		if sc.e.gaz.GivenName(prev) || isInitial(prev) || (prev == "." && m.Start > 1 && isInitial(w[m.Start-2]+".")) {
			return true
		}
	}
	if sc.e.gaz.GivenName(w[m.Start]) && m.End < len(w) && isNameWord(w[m.End], false) {
		return true
	}
	return false
}

// lateInName reports whether an entry the entity model never saw (a
// state added later) begins a longer name: "Kentucky Fried Chicken", "Ohio
// Steel Tube". A title after it is no name: "Ohio Governor".
func (sc *sentenceScan) lateInName(m gazetteer.Match) bool {
	if !m.Entries[0].Late || m.End >= len(sc.words) {
		return false
	}
	title := func(w string) bool {
		return sc.e.titles.IsHead(strings.ToLower(w)) || sc.e.titles.IsModifier(strings.ToLower(w))
	}
	next := sc.words[m.End]
	if next == "State" && m.End+1 < len(sc.words) && title(sc.words[m.End+1]) {
		return false // "Virginia State Attorney General"
	}
	return isCapitalized(next) && !title(next)
}

// plausibleName filters the tagger's person spans with what the document
// and the gazetteer know: a name is not a known place or group ("Jordan's
// Ambassador", "Israeli"), not a word the text also writes in lower case
// ("Party", "Islam"), not a title or honorific ("Cde"), and does not end in
// a building or an organisation ("Qaboos Grand Mosque").
func (sc *sentenceScan) plausibleName(i, j int) bool {
	for k := i; k < j; k++ {
		w := sc.words[k]
		if k > i && k+1 < j && sc.sheikhInName(k) {
			continue
		}
		if notNames[w] || lowercase.Get(honorifics, w) || namesBody(w) && !(k > i && k+1 < j && sc.faithInName(k)) || sc.e.titles.IsHead(strings.ToLower(w)) && !sc.titleSurname(i, j, k) || strings.Contains(w, "&#") {
			return false
		}
	}
	if stormWords[sc.words[i]] || i > 0 && stormWords[sc.words[i-1]] {
		return false // "Hurricane Lena", "Hurricane | Lena"
	}
	if j-i > 1 {
		return true
	}
	w := sc.words[i]
	if n, _ := sc.e.titles.Match(sc.words, i); n > 0 || strings.HasSuffix(w, "ism") || sc.e.titles.IsHead(strings.ToLower(w)) || sc.e.titles.IsModifier(strings.ToLower(w)) || sc.e.titles.IsPortfolio(strings.ToLower(w)) {
		return false
	}
	for _, m := range sc.gaz {
		// A city's name is often a surname too ("Bush", "Stanley"); the
		// tagger reads the context, so only other places and groups win.
		if m.Start <= i && i < m.End && (m.Entries[0].Kind != gazetteer.City || m.Entries[0].Capital) {
			return false
		}
	}
	return !sc.lowerElsewhere(w)
}

// sheikhWords are the spellings of "Sheikh", a title that is also a part
// of Arabic and South Asian names.
var sheikhWords = toSet(`Sheikh Shaikh Sheik`)

// sheikhInName reports whether word k is "Sheikh" between a given name
// and another name word: a part of the name ("Khalid Sheikh Mohammed"),
// not a title.
func (sc *sentenceScan) sheikhInName(k int) bool {
	return k > 0 && k+1 < len(sc.words) && sheikhWords[sc.words[k]] && sc.e.gaz.GivenName(sc.words[k-1]) && isNameWord(sc.words[k+1], false)
}

// titleSurname reports whether the title word at k ends the name [i, j)
// as its surname: after a given name, with no name or "of" after it
// ("Larry King", "Ted Judge"; not "King Abdullah", "Charles Prince of").
func (sc *sentenceScan) titleSurname(i, j, k int) bool {
	if k != j-1 || k == i || !sc.e.gaz.CommonGivenName(sc.words[k-1]) {
		return false
	}
	return j == len(sc.words) || !isCapitalized(sc.words[j]) && sc.words[j] != "of"
}

// lowerWords reports whether words [i, j) are all words that news writes
// in lower case and none a given name: "Information Technology", "Jungle
// Fever" are names of things, not of people.
func (sc *sentenceScan) lowerWords(i, j int) bool {
	for _, w := range sc.words[i:j] {
		if !sc.e.gaz.LowerWord(w) || sc.e.gaz.CommonGivenName(w) {
			return false
		}
	}
	return true
}

// personVerbs and personPassives say what only a person does or has done
// to them: "Ana Hall died", "Ana Hall was convicted".
var (
	personVerbs    = toSet(`died resigned testified pleaded confessed married wrote`)
	personPassives = toSet(`convicted arrested charged sentenced jailed born elected appointed killed injured wounded detained released acquitted accused married kidnapped`)
)

// buildingSurname reports whether words [i, j) are a common given name
// and a surname that also heads a building's name (surnameHeads), where
// only a person can stand.
func (sc *sentenceScan) buildingSurname(i, j int) bool {
	// (A given name the gazetteer knows opens the name or stands in
	// its middle: "Ana Hall", "Zyrene Marie Castle".)
	if j-i < 2 || j-i > 3 || !surnameHeads[sc.words[j-1]] || !slices.ContainsFunc(sc.words[i:j-1], sc.e.gaz.CommonGivenName) {
		return false
	}
	return sc.personSlot(i, j)
}

// givenPlaceName reports whether words [i, j) are a given name that is
// also a place's and a surname ("Jordan Banks", "Georgia Wells"), where
// only a person can stand: the tagger reads the place in the name.
func (sc *sentenceScan) givenPlaceName(i, j int) bool {
	// (The gazetteer knows the given name as a place alone, not a place's
	// whole name: "Victoria Falls".)
	if j-i != 2 || !sc.e.gaz.CommonGivenName(sc.words[i]) || !slices.ContainsFunc(sc.gaz, func(m gazetteer.Match) bool { return m.Start == i && m.End == i+1 }) ||
		slices.ContainsFunc(sc.gaz, func(m gazetteer.Match) bool { return m.Start == i && m.End > i+1 }) {
		return false
	}
	last := sc.words[j-1]
	if !isNameWord(last, false) || namesBody(last) || paperHeads[last] || corpSuffixes[last] || sc.geoAt(j-1) {
		return false
	}
	// ("Philippine Defense Secretary": the word opens a title.)
	if sc.e.titles.MatchPlural(sc.words, j-1).N > 1 {
		return false
	}
	// (A body speaks too, and its name may end in a common noun: before a
	// speech verb, "Israel Radio said", only a word news never writes in
	// lower case is a surname.)
	if j < len(sc.words) && speechVerbs[sc.words[j]] && sc.e.gaz.LowerWord(strings.ToLower(last)) {
		return false
	}
	return sc.personSlot(i, j)
}

// givenNameDescribed reports whether words [i, j) are a common given name
// and a surname where only a person stands, whatever the tagger read: an
// apposition after them says what post they hold ("Florian Weber,
// campaign manager of ...", "Ana Ruiz, a professor at ..."), or an age
// follows ("Ana Ruiz, 36,").
func (sc *sentenceScan) givenNameDescribed(i, j int) bool {
	if j-i != 2 || !sc.e.gaz.CommonGivenName(sc.words[i]) || slices.ContainsFunc(sc.gaz, func(m gazetteer.Match) bool { return m.Start == i && m.End == j }) {
		return false // ("Hong Kong, chairman of ...": a known place)
	}
	last := sc.words[j-1]
	if !isNameWord(last, false) || namesBody(last) || paperHeads[last] || corpSuffixes[last] || sc.geoAt(j-1) {
		return false
	}
	if i > 0 && (strings.EqualFold(sc.words[i-1], "the") || strings.EqualFold(sc.words[i-1], "a")) {
		return false
	}
	w := sc.words
	if sc.ageAt(j) {
		return true
	}
	if j+2 >= len(w) || w[j] != "," {
		return false
	}
	k := j + 1
	if w[k] == "a" || w[k] == "an" || w[k] == "the" {
		k++
	} else if w[k] == "as" {
		return false // ("Morgan Grenfell, as agent for ...": a body acts so too)
	}
	for e := k; e < len(w) && e < k+3; e++ {
		if tm := sc.e.titles.MatchPlural(w, e); tm.N > 0 && !tm.Plural {
			next := e + tm.N
			return next < len(w) && (w[next] == "of" || w[next] == "at" || w[next] == "for" || w[next] == "with" || w[next] == ",")
		}
		if !startsLower(w[e]) {
			return false
		}
	}
	return false
}

// doubleBarrelled reports whether word i, the span [i, j), is two
// capitalised names joined by a hyphen that the gazetteer does not know,
// after a common given name that is no part of another name: "Harriet
// Lowther-Quinn" ("Guinea-Bissau", "Stratford-upon-Avon" are not).
func (sc *sentenceScan) doubleBarrelled(i, j int) bool {
	if j-i != 1 || i == 0 || !sc.e.gaz.CommonGivenName(sc.words[i-1]) || sc.taggedLabel(i-1) != "" {
		return false
	}
	a, b, ok := strings.Cut(sc.words[i], "-")
	if !ok || !isNameWord(a, false) || !isNameWord(b, false) || strings.Contains(b, "-") || namesBody(b) {
		return false
	}
	return !slices.ContainsFunc(sc.gaz, func(m gazetteer.Match) bool { return m.Start < j && m.End > i-1 })
}

// reflexiveAfter reports whether words [i, j), two or three name words
// the gazetteer does not know, stand before "himself" or "herself",
// which only a person takes: "apart from Nye Bevan himself" ("Hong Kong
// himself" is a place the gazetteer knows; "Toyota itself" a body).
func (sc *sentenceScan) reflexiveAfter(i, j int) bool {
	if j-i < 2 || j-i > 3 || j >= len(sc.words) || sc.words[j] != "himself" && sc.words[j] != "herself" {
		return false
	}
	if i > 0 && destinations[strings.ToLower(sc.words[i-1])] {
		return false // ("He drove to Kato Vrysi himself": a place, the subject's act)
	}
	if slices.ContainsFunc(sc.gaz, func(m gazetteer.Match) bool { return m.Start < j && m.End > i }) {
		return false
	}
	for k := i; k < j; k++ {
		if !isNameWord(sc.words[k], false) || namesBody(sc.words[k]) || corpSuffixes[sc.words[k]] {
			return false
		}
	}
	return true
}

// destinations are prepositions of where someone goes or is.
var destinations = toSet(`to into in at near across towards toward via`)

// doubleGivenName reports whether words [i, j) open with two given names
// joined by a hyphen and end in a surname ("Mary-Kate Dunn"): a person's
// name whatever the tagger read, as no body's name opens so.
func (sc *sentenceScan) doubleGivenName(i, j int) bool {
	a, b, ok := strings.Cut(sc.words[i], "-")
	last := sc.words[j-1]
	return ok && j-i >= 2 && j-i <= 3 && sc.e.gaz.CommonGivenName(a) && sc.e.gaz.CommonGivenName(b) &&
		isNameWord(last, false) && !namesBody(last) && !paperHeads[last] && !corpSuffixes[last]
}

// professionBefore reports whether a profession in one word and lower case
// ends right before word i: "correspondent", "analyst".
func (sc *sentenceScan) professionBefore(i int) bool {
	if i == 0 || !startsLower(sc.words[i-1]) {
		return false
	}
	m := sc.e.titles.MatchPlural(sc.words[:i], i-1)
	return m.N == 1 && m.Professional && !m.Plural
}

// personSlot reports whether words [i, j) stand where only a person can:
// before a speech verb, an age or an apposition that says what the person
// is, or after a title, a title of address or a word for a person.
func (sc *sentenceScan) personSlot(i, j int) bool {
	if i > 0 && (strings.EqualFold(sc.words[i-1], "the") || strings.EqualFold(sc.words[i-1], "a")) {
		return false // "The Carter Center says": a body speaks too
	}
	if i >= 2 && sc.words[i-1] == "of" && lowercase.Get(placeNouns, sc.words[i-2]) {
		return false // "the town of Brook Park": a place by its noun
	}
	for k := i; k < j; k++ {
		if !isNameWord(sc.words[k], false) || k < j-1 && namesBody(sc.words[k]) {
			return false
		}
	}
	w := sc.words
	done := j + 1 // the participle after "was", "is" or "has been"
	if done+1 < len(w) && w[j] == "has" && w[done] == "been" {
		done++
	}
	switch {
	case j < len(w) && (speechVerbs[w[j]] || personVerbs[w[j]]):
		return true
	case done < len(w) && (w[j] == "was" || w[j] == "is" || w[j] == "has") && personPassives[w[done]]:
		return true // "Ana Hall was convicted": done to a person only
	case sc.ageAt(j):
		return true
	case i >= 2 && (w[i-1] == "and" || w[i-1] == ",") && sc.taggedLabel(i-2) == "PER",
		j+1 < len(w) && (w[j] == "and" || w[j] == ",") && sc.taggedLabel(j+1) == "PER":
		return true // "Omar Haddad and Lena Park": like joined to like
	case i > 0 && (sc.e.titles.IsHead(w[i-1]) || sc.e.titles.IsDescriptor(w[i-1]) || lowercase.Get(honorifics, w[i-1]) && !lowercase.Get(possessors, w[i-1])):
		return true // ("Dame Barbara Castle", not "her Onyx Hotel tour")
	case sc.professionBefore(i):
		return true // "BBC correspondent Tom Hall"
	case j+2 < len(w) && w[j] == "," && (w[j+1] == "a" || w[j+1] == "an"):
		// "Peter Hall, a professor at ...": an apposition that says
		// what the person is.
		for k := j + 2; k < len(w) && k < j+5; k++ {
			if sc.e.titles.MatchPlural(w, k).N > 0 || sc.e.titles.IsDescriptor(w[k]) {
				return true
			}
		}
	}
	return false
}

// possessors are honorifics only in "His Excellency", "Her Majesty".
var possessors = toSet(`his her`)

// faithInName reports whether the faith word at k is a name word, one
// before a surname with a joined particle: "Mohammed Shia al-Sudani".
func (sc *sentenceScan) faithInName(k int) bool {
	return faithWords[sc.words[k]] && k+1 < len(sc.words) && particlePrefixed(sc.words[k+1])
}

// namesBody reports whether w is the head word of a body, a building, a
// faith, an event or a region, which ends no one's name.
func namesBody(w string) bool {
	return orgHeads[w] || facilityHeads[w] || faithWords[w] || eventHeads[w] || regionHeads[w] || foreignFirmWords[w]
}

// foreignFirmWords open or end the names of firms and bodies in other
// languages, as "Group", "Company" and "Bank" do in English ("Gruppo
// Ferruzzi", "Agence Havas", "Agusta SpA"); no personal name has them.
var foreignFirmWords = toSet(`Gruppo Groupe Compagnie Compagnia Companhia Compania Agence Agenzia Laboratoires
Banque Banca Banco Ente Societe Société Societa Società Sociedad Sociedade Empresa Empresas Istituto Instituto Institut Caisse
Credit Crédit Credito Crédito SpA S.p.A. S.A. N.V. B.V. A.G. A/S ASA Oyj Aktiengesellschaft Gesellschaft
Compañía Cervecería Cervejaria Brasserie Birrificio Brauerei Inmobiliaria Imobiliária Constructora Construtora Distribuidora
Industrias Indústrias Industrie Transportes Seguros Laboratorios Laboratórios Editorial Editora Editions Éditions Verlag
Hermanos Irmãos Fratelli Frères Gebrüder`)

// placeBodyHeads end the names of a state's bodies that a tagger may read
// as places for the country's name in them.
var placeBodyHeads = toSet(`Treasury Ministry Department Police Army Navy Senate Parliament Congress Cabinet Embassy
Commission Agency`)

// regionHeads end the names of a country's divisions: "Anambra State",
// "Helmand Province".
var regionHeads = toSet(`State Province Region County District Territory Governorate Oblast Prefecture Municipality`)

// polityHeads name a state or a place that "of" and its name follow: "the
// Republic of Mari Tul", "the Kingdom of Lesotho".
var polityHeads = toSet(`Republic Kingdom Emirate Principality Duchy Federation Commonwealth Islands Island`)

// afterPolity reports whether token i follows a polity's or a region's
// head and "of": a place's name starts there ("the Republic of Mari Tul").
func (sc *sentenceScan) afterPolity(i int) bool {
	return i > 1 && sc.words[i-1] == "of" && (regionHeads[sc.words[i-2]] || polityHeads[sc.words[i-2]])
}

// lowerElsewhere reports whether the document writes w in lower case.
func (sc *sentenceScan) lowerElsewhere(w string) bool {
	lw := strings.ToLower(w)
	if lw == w {
		return true
	}
	if sc.facts.lower == nil {
		m := map[string]bool{}
		for _, t := range sc.d.Tokens {
			if !isCapitalized(t.Text) {
				m[t.Text] = true
			}
		}
		sc.facts.lower = m
	}
	return sc.facts.lower[lw]
}

// expansionKnown reports whether the gazetteer's name for an organisation
// acronym can be trusted here: acronyms are shared by many bodies ("SDF"),
// so one is expanded only when the document also spells the name out, or
// when news uses it for that body only ("EU", "NATO").
func (sc *sentenceScan) expansionKnown(i, j int, e gazetteer.Entry) bool {
	if e.Kind != gazetteer.Org || j-i != 1 || !isAllCaps(sc.words[i]) || len(sc.words[i]) > 6 {
		return true
	}
	return sc.e.gaz.KnownAcronym(sc.words[i], e.Name) || sc.facts.spells(e.Name)
}

// geoAt reports whether an unambiguous gazetteer place (not an
// organisation) starts at token i.
func (sc *sentenceScan) geoAt(i int) bool {
	m, ok := sc.placeAt(i)
	return ok && labelOf(m.Entries[0].Kind) == pipeline.Place
}

// taggedOther reports whether the tagger put token i inside a place or an
// organisation: "General Motors" is a company, not General Motors.
func (sc *sentenceScan) taggedOther(i int) bool {
	l := sc.taggedLabel(i)
	return l != "" && l != "PER"
}

// bodyBeforeTitle reports whether the title at token i, with the name
// right after it (next), follows a known body inside one of the tagger's
// spans: "Fed | Chairman Halloran" is a body, a title and a name, where
// "General Motors" opens with a word that could be a title and "Harbour &
// General Trust" has no body before it. A heading in title case is left
// to the tagger.
func (sc *sentenceScan) bodyBeforeTitle(i int, next bool) bool {
	if !next || i == 0 || titleCase(sc.words) || !isOrgHead(sc.words[i-1]) && !sc.gazetteerEnds(-1, i, gazetteer.Org) {
		return false
	}
	for _, sp := range sc.tagged {
		if sp.Start < i && i < sp.End {
			return sp.Label != "PER"
		}
	}
	return false
}

// taggedLabel returns the tagger's label of token i, or "".
func (sc *sentenceScan) taggedLabel(i int) string {
	for _, sp := range sc.tagged {
		if sp.Start <= i && i < sp.End {
			return sp.Label
		}
	}
	return ""
}

// isOrgHead reports whether w ends an organisation's name ("Corp.").
func isOrgHead(w string) bool {
	return orgHeads[strings.TrimSuffix(w, ".")] || corpSuffixes[w]
}

// corpSuffixes end company names.
var corpSuffixes = toSet(`Corp. Co. Inc. Ltd. LLC PLC plc AG SA GmbH Bros.`)

// countryName reports whether tokens [i, j) are a name that the
// gazetteer reads unambiguously as a country ("DRC", "South Korea").
func (sc *sentenceScan) countryName(i, j int) bool {
	for _, m := range sc.gaz {
		if m.Start == i && m.End == j && !m.Ambiguous && m.Entries[0].Kind == gazetteer.Country {
			return true
		}
	}
	return false
}

// dottedInitials reports whether w is one to three initials, each with its
// full stop: "J.", "K.J.".
func dottedInitials(w string) bool {
	if len(w) < 2 || len(w) > 6 || len(w)%2 != 0 {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		if w[i] < 'A' || w[i] > 'Z' || w[i+1] != '.' {
			return false
		}
	}
	return true
}

// isInitial reports whether w is an initial such as "R.".
func isInitial(w string) bool {
	return len(w) == 2 && w[1] == '.' && w[0] >= 'A' && w[0] <= 'Z'
}

func (sc *sentenceScan) isPlaceStart(i int) bool {
	_, ok := sc.placeAt(i)
	return ok
}

// kindOfFirmBefore reports whether the name [i, j) follows a noun for a
// firm that another noun in lower case qualifies ("accountancy firm Grant
// Morton", "investment bank Morgan Stanley"): a firm's name even when it
// opens with a given name, unless a verb follows with the name as the
// subject of a relative clause ("the law firm Ann Hale founded").
func (sc *sentenceScan) kindOfFirmBefore(i, j int) bool {
	if i < 2 || sc.toks[i-2].Tag != "NN" || !startsLower(sc.words[i-2]) {
		return false
	}
	return j == len(sc.words) || !strings.HasPrefix(sc.toks[j].Tag, "VB") || speechVerbs[sc.words[j]]
}

// possessivePlace returns where a place that ends the span [i, j) before
// a possessive starts, when at least two name words stand before it and
// the place is a country or has more than one word ("Tom Berg Hong Kong
// 's"), or i.
func (sc *sentenceScan) possessivePlace(i, j int) int {
	if j >= len(sc.words) || !isPossessive(sc.words[j]) {
		return i
	}
	// After a title of address one word is a whole name: "told Ms. Holt
	// | China's ...".
	least := i + 2
	if i > 0 && lowercase.Get(honorifics, sc.words[i-1]) {
		least = i + 1
	}
	for _, m := range sc.gaz {
		if m.End == j && m.Start >= least && !m.Ambiguous && (m.Entries[0].Kind == gazetteer.Country || m.End-m.Start > 1) {
			return m.Start
		}
	}
	return i
}

// endBeforePlace returns where the name [i, j) ends when a place before a
// possessive ends the span (possessivePlace), past any word in lower case
// or punctuation before the place ("Ana Ruiz - | Chile's"); j when none.
func (sc *sentenceScan) endBeforePlace(i, j int) int {
	k := sc.possessivePlace(i, j)
	if k == i {
		return j
	}
	for k > i && !isCapitalized(sc.words[k-1]) {
		k--
	}
	return k
}

// surnamePlace reports whether the one-word place at token j ends the name
// that starts at token i with a known given name or an initial: "Pedro
// Lima", "Emre Kaya", "Mary K Preston". A place name followed by more
// capitalised words is a place.
func (sc *sentenceScan) surnamePlace(i, j int) bool {
	m, ok := sc.placeAt(j)
	if !ok || m.End != j+1 {
		return false
	}
	// "Ana de Lima": a lowercase particle inside a name says a surname
	// follows.
	if j > i+1 && nameParticles[sc.words[j-1]] && isNameWord(sc.words[j-2], false) {
		return true
	}
	// "Mary K Preston", "Lena K.J. Bush": an initial says a surname follows.
	initial := j > i && (len(sc.words[j-1]) <= 2 && isAllCaps(sc.words[j-1]) || dottedInitials(sc.words[j-1])) ||
		j > i+1 && sc.words[j-1] == "." && len(sc.words[j-2]) == 1 && isAllCaps(sc.words[j-2])
	// "Helena Castro Lima rejected", "mayor Rosângela Tavares Lima won": a
	// given name or a title, a name of two words and a city with no
	// preposition before it, in running text.
	third := j == i+2 && (sc.e.gaz.CommonGivenName(sc.words[i]) || sc.titleBefore(i)) && !sc.isPlaceStart(i) && !sc.isPlaceStart(i+1) && m.Entries[0].Kind == gazetteer.City &&
		sc.kind != pipeline.Heading && !titleCase(sc.words) && j+1 < len(sc.words) && startsLower(sc.words[j+1])
	if !initial && !third && (j != i+1 || !(sc.e.gaz.CommonGivenName(sc.words[i]) || sc.titleBefore(i) && !m.Entries[0].Capital && m.Entries[0].Kind == gazetteer.City)) {
		return false
	}
	if i > 0 && isCapitalized(sc.words[i-1]) && sc.isPlaceStart(i-1) {
		return false
	}
	// "leader Tin San Aung Kyi": name words, not places, go on after it.
	if j+2 < len(sc.words) && isNameWord(sc.words[j+1], false) && !sc.isPlaceStart(j+1) && isNameWord(sc.words[j+2], false) {
		return true
	}
	// "Robert Stanley Hale was charged": a given name, the city and one
	// name word, in running text; not a body ("Robert Lima Airport").
	if w := sc.words; j == i+1 && j+1 < len(w) && sc.e.gaz.CommonGivenName(w[i]) && isNameWord(w[j+1], false) && !namesBody(w[j+1]) &&
		!sc.isPlaceStart(j+1) && !sc.titleAt(j+1) && !timeWord(w[j+1]) && (j+2 == len(w) || !isCapitalized(w[j+2])) &&
		sc.kind != pipeline.Heading && !titleCase(w) {
		return true
	}
	return j+1 == len(sc.words) || !isCapitalized(sc.words[j+1])
}

// namesAfter reports whether names follow token k, after a comma or not.
func (sc *sentenceScan) namesAfter(k int) bool {
	if k < len(sc.words) && sc.words[k] == "," {
		k++
	}
	return sc.listedNames(k)
}

// listedNames reports whether the words from token k read as the first of
// several names after a plural title: a known given name, or a name of two
// words followed by "and", a comma or "of".
func (sc *sentenceScan) listedNames(k int) bool {
	if k >= len(sc.words) {
		return false
	}
	if sc.e.gaz.GivenName(sc.words[k]) {
		return true
	}
	j := sc.nameRun(k)
	if j-k < 2 || j >= len(sc.words) {
		return false
	}
	switch sc.words[j] {
	case "and", ",", "of", "&":
		return true
	}
	return false
}

// bodyOfSpan completes a body's name the tagger cut at "of" or "and": a
// span ending in a chamber's head word before "of" and capitalised words
// is that body ("the Chilean Chamber | of Deputies"), and a body "of"
// something goes on over "and" and capitalised words ("Institute of
// Soil | and Water Science"), not over a title,
// an acronym or a possessive.
func (sc *sentenceScan) bodyOfSpan(i, j int, label string) (int, int, string) {
	if label == pipeline.Person {
		return i, j, label
	}
	last := sc.words[j-1]
	// "Oslo University", "Kent Police": a place's name before the head
	// of a body's names the body, unless the gazetteer knows the whole as
	// a place ("West Bank").
	if label == pipeline.Place && j-i >= 2 && institutionHeads[last] {
		if m, ok := sc.placeAt(i); !ok || m.End != j {
			return i, j, pipeline.Org
		}
	}
	if j+1 < len(sc.words) && sc.words[j] == "of" && chamberHeads[last] && !sc.geoAt(j+1) {
		if end := sc.capitalRun(j + 1); end > j+1 {
			return i, end, pipeline.Org
		}
	}
	if label == pipeline.Org && j+1 < len(sc.words) && sc.words[j] == "and" && slices.Contains(sc.words[i:j], "of") && !sc.givenName(sc.words[j+1]) && !sc.geoAt(j+1) {
		// (Not another body: "Worlds of Wonder Inc. and Coleco Industries".)
		if end := sc.capitalRun(j + 1); end > j+1 && !namesBody(sc.words[end-1]) && !corpSuffixes[sc.words[end-1]] {
			return i, end, label
		}
	}
	return i, j, label
}

// trailingLinks are lower-case words no name of a body or a place ends in.
var trailingLinks = toSet(`on in at of for to and the by with from since until after before during`)

// datedTail reports whether the span [i, j) with label ends in a link
// and a day or a month's name ("on Friday", "in November"), which no
// name ends in, but for a Sunday paper's ("The Courier on Sunday").
func (sc *sentenceScan) datedTail(i, j int, label string) bool {
	if j-i <= 2 || !trailingLinks[sc.words[j-2]] {
		return false
	}
	w := sc.words[j-1]
	if w == "Sunday" && sc.words[j-2] == "on" && j-i == 3 && label == pipeline.Org {
		return false
	}
	return isWeekdayName(w) || monthOf(w).String() == w
}

// listedAfterFirms reports whether the name at word i is an item of a
// list of names that a plural noun for a kind of firm opens, or the first
// when no given name opens it: "carmakers Halvorsen and Brandt Ellery",
// "operators A, B and C".
func (sc *sentenceScan) listedAfterFirms(i int) bool {
	for k := i - 1; k >= 0; k-- {
		switch w := sc.words[k]; {
		case firmNounPlural(w):
			return k < i-1 || !sc.givenName(sc.words[i]) // ("the firms Tom Berg founded")
		case w == "," || w == "and":
			// Over the item before: its capitalised words.
			for k > 1 && (isCapitalized(sc.words[k-1]) || sc.words[k-1] == "&" && k > 2 && isCapitalized(sc.words[k-2])) {
				k-- // (a name may end in such a noun: "Lakeview Clubs"; or join two: "Hale & Dobbs")
			}
			if k == i-1 || !isCapitalized(sc.words[k]) {
				return false // no item before the separator
			}
		default:
			return false
		}
	}
	return false
}

// firmNounPlural reports whether w names kinds of firm in the plural:
// "carmakers", "Banks".
func firmNounPlural(w string) bool {
	sg, ok := gazetteer.Singular(strings.ToLower(w))
	return ok && firmNouns[sg]
}

// mediaNouns name what a newspaper's or a channel's name follows (not
// "broadcaster", which is also a person: "fellow broadcaster X").
var mediaNouns = toSet(`newspaper newspapers daily weekly magazine tabloid broadsheet paper journal
channel station network website`)

// stationHeads end the names of broadcasters before their number.
var stationHeads = toSet(`Radio Channel TV`)

// personNounAt reports whether the word at k is a lowercase noun for a
// person, a description or a profession ("biologist", "actor"), and not
// one that also names a firm's role ("publisher", "rival", "host").
func (sc *sentenceScan) personNounAt(k int) bool {
	w := sc.words[k]
	if !startsLower(w) || firmRoleNouns[w] {
		return false
	}
	if sc.e.titles.IsDescriptor(w) {
		return true
	}
	m := sc.e.titles.MatchPlural(sc.words, k)
	return m.N == 1 && m.Professional && !m.Plural
}

// personsName reports whether the words [i, j) may be a person's name
// rather than a body's: no word that heads or ends a body's ("Books",
// "Inc.", "&"), no place nor demonym, and no noun after them that they
// modify ("Fox News | correspondent").
func (sc *sentenceScan) personsName(i, j int) bool {
	if slices.ContainsFunc(sc.words[i:j], func(w string) bool { return namesBody(w) || isOrgHead(w) || w == "&" }) {
		return false
	}
	if sc.gazetteerIn(i, j, func(m gazetteer.Match) bool { return m.Entries[0].Kind != gazetteer.City }) {
		return false
	}
	return j == len(sc.words) || !startsLower(sc.words[j]) || !strings.HasPrefix(sc.toks[j].Tag, "NN")
}

// firmRoleNouns are nouns for people that a body's name may follow too:
// "publisher McGraw-Hill", "host Montpellier", "consultant Right
// Associates".
var firmRoleNouns = toSet(`publisher producer rival host partner consultant model miner operator broadcaster distributor supplier
developer designer player star broker agent trader dealer`)

// paperNouns are the mediaNouns in lower case that never describe a
// place's paper by time ("the daily Iran").
var paperNouns = toSet(`newspaper magazine tabloid website`)

// gazetteerPlaceIn reports whether a place the gazetteer knows lies in
// tokens [i, j).
func (sc *sentenceScan) gazetteerPlaceIn(i, j int) bool {
	return sc.gazetteerIn(i, j, func(m gazetteer.Match) bool { return labelOf(m.Entries[0].Kind) == pipeline.Place })
}

// gazetteerIn reports whether a gazetteer match that keep accepts
// overlaps tokens [i, j).
func (sc *sentenceScan) gazetteerIn(i, j int, keep func(gazetteer.Match) bool) bool {
	return slices.ContainsFunc(sc.gaz, func(m gazetteer.Match) bool { return m.Start < j && i < m.End && keep(m) })
}

// seatTitles are the titles of members of a chamber, written after the
// name of their seat: "the Leeds North MP".
var seatTitles = toSet(`MP MSP MEP AM MLA TD MK`)

// firmNouns name kinds of firm: the nouns the training corpora put
// before organisations' names and never before people's (not "maker":
// "filmmaker", "lawmaker").
var firmNouns = toSet(`company firm group agency bank club manufacturer retailer chain conglomerate subsidiary affiliate operator consultancy
underwriter lender insurer airline carrier brewer miner jeweller jeweler carmaker automaker chipmaker drugmaker steelmaker brokerage charity band
stockbroker stockbrokers brokers`)

// institutionHeads end the names of institutions that are often named
// after their place.
var institutionHeads = toSet(`University College Institute Academy School Police Council Ministry Department
Committee Commission Party`)

// properNouns reports whether the tagger reads tokens [i, j) as proper
// nouns (not "Uzbek" in "the Uzbek government").
func (sc *sentenceScan) properNouns(i, j int) bool {
	for k := i; k < j; k++ {
		if sc.toks[k].Tag != "NNP" || sc.geoAt(k) {
			return false
		}
	}
	return true
}

// machineHeads are the nouns after a make or model of machine.
var machineHeads = toSet(`aircraft airplane aeroplane plane jet airliner helicopter drone rocket missile tank truck car
vehicle engine warship frigate submarine`)

// namesFacility reports whether the words from j make the name before
// them a building's: "the Ana Ruiz hospital", "the King Oskar III
// conference centre" (a lowercase head, or one noun and the head).
func (sc *sentenceScan) namesFacility(j int) bool {
	if j < len(sc.words) && romanNumerals[sc.words[j]] {
		j++
	}
	for k := j; k < len(sc.words) && k < j+2 && !isCapitalized(sc.words[k]) && strings.HasPrefix(sc.toks[k].Tag, "NN"); k++ {
		if facilityNouns[sc.words[k]] {
			return true
		}
	}
	return false
}

// facilityNouns are facilityHeads in lower case, less those that also
// follow a name as its owner's ("the Ana Ruiz house") or are no common
// noun.
var facilityNouns = lowerExcept(facilityHeads, `port base hall house headquarters regency masjid mandir falls`)

// lowerExcept returns the words of set in lower case, less those listed.
func lowerExcept(set map[string]bool, except string) map[string]bool {
	out, skip := map[string]bool{}, toSet(except)
	for w := range set {
		if lw := strings.ToLower(w); !skip[lw] {
			out[lw] = true
		}
	}
	return out
}

// eponymHeads follow a person's name in the name of what the person leads:
// "the Trump administration", "the Blair government".
var eponymHeads = toSet(`administration government presidency era campaign cabinet`)

// chamberHeads are the heads of bodies named "of" their members or
// remit: "House of Representatives", "Chamber of Deputies", "Council of
// Ministers".
var chamberHeads = toSet(`House Chamber Council Congress Assembly Ministry Department Institute Office Commission
Committee Board Bureau Court`)

// capitalRun returns the end of the run of capitalised words from token k
// that are neither titles, acronyms nor possessives; k when there is none.
func (sc *sentenceScan) capitalRun(k int) int {
	end := k
	for end < len(sc.words) && end < k+4 && isCapitalized(sc.words[end]) && !isAllCaps(sc.words[end]) && !isPossessive(sc.words[end]) && !sc.titleAt(end) {
		end++
	}
	return end
}

// titleAt reports whether a title starts at token i.
func (sc *sentenceScan) titleAt(i int) bool {
	n, _ := sc.e.titles.Match(sc.words, i)
	return n > 0
}

// titleOfNounBefore reports whether a title and "of" with a common noun
// end right before token i: "the head of the jury", "chairman of the
// committee".
func (sc *sentenceScan) titleOfNounBefore(i int) bool {
	k := i - 1
	for k > 0 && i-k <= 2 && startsLower(sc.words[k]) && strings.HasPrefix(sc.toks[k].Tag, "NN") {
		k--
	}
	if k == i-1 || k < 1 {
		return false
	}
	if sc.words[k] == "the" {
		k--
	}
	return k >= 1 && sc.words[k] == "of" && sc.titleBefore(k)
}

// stackedTitleAt reports whether a title of two words or more in
// capitals starts at token i, before a name: "Rear Admiral" after
// "spokesperson" is a second title, not a name.
func (sc *sentenceScan) stackedTitleAt(i int) bool {
	n, _ := sc.e.titles.Match(sc.words, i)
	return n >= 2 && isCapitalized(sc.words[i]) && isCapitalized(sc.words[i+n-1]) && sc.titleBeforeName(i)
}

// titleBefore reports whether a title ends right before token i.
func (sc *sentenceScan) titleBefore(i int) bool {
	for k := max(0, i-4); k < i; k++ {
		if n, _ := sc.e.titles.Match(sc.words, k); k+n == i {
			return true
		}
	}
	return false
}

// titleBeforeName reports whether a title at token i goes on to a name,
// with or without an honorific: "Governor Dr Ana Ruiz".
func (sc *sentenceScan) titleBeforeName(i int) bool {
	n, _ := sc.e.titles.Match(sc.words, i)
	if lw := strings.ToLower(sc.words[i]); n == 0 || sc.e.titles.IsPortfolio(lw) && !sc.e.titles.IsHead(lw) && !sc.e.titles.IsModifier(lw) {
		return false // ("Ministry of Trade and Industry | Spokesperson X")
	}
	k := i + n
	for k < len(sc.words) && lowercase.Get(honorifics, sc.words[k]) {
		k++
	}
	return sc.nameRun(k)-k >= 2
}

// titleReaches reports whether a title that starts before token i ends at
// i or runs past it ("Minister of Gender | Equality").
func (sc *sentenceScan) titleReaches(i int) bool {
	for k := max(0, i-4); k < i; k++ {
		if n, _ := sc.e.titles.Match(sc.words, k); n > 0 && k+n >= i {
			return true
		}
	}
	return false
}

// titleWords reports whether words [i, j) are all words of titles
// (heads, modifiers, portfolios) or the links between them, a head among
// them: "First Deputy Premier and Foreign".
func (sc *sentenceScan) titleWords(i, j int) bool {
	head := false
	for _, w := range sc.words[i:j] {
		lw := strings.ToLower(w)
		switch {
		case sc.e.titles.IsHead(lw):
			head = true
		case lw != "and" && lw != "of" && lw != "&" && !sc.e.titles.IsModifier(lw) && !sc.e.titles.IsPortfolio(lw):
			return false
		}
	}
	return head
}

// pastTitle returns where the words from token i on stop continuing a
// title that starts before i, with its capitalised portfolio: "Secretary
// of | State Mark Hale", "Minister of | Health Ann Kerr". It is i when no
// title reaches i.
func (sc *sentenceScan) pastTitle(i int) int {
	end := i
	for k := max(0, i-4); k < i; k++ {
		n, _ := sc.e.titles.Match(sc.words, k)
		switch {
		case n == 0:
		case k+n > end:
			end = k + n
		case k+n == i-1 && isComplementWord(sc.words[i-1]):
			end = max(end, sc.portfolioEnd(i))
		}
	}
	if end > i && end < len(sc.words) && isComplementWord(sc.words[end]) {
		end = max(end, sc.portfolioEnd(end+1))
	}
	return end
}

// inPortfolio reports whether tokens i to j are words of a title's
// capitalised portfolio of several parts, no body or place: "Minister for
// Agriculture, Food and Forests", "Forestry and Fisheries Minister" (a
// single one, "Secretary of Commerce", may name the department).
func (sc *sentenceScan) inPortfolio(i, j int) bool {
	if !sc.e.titles.IsPortfolio(strings.ToLower(sc.words[j-1])) {
		return false
	}
	// "Agriculture, Forestry and Fisheries | Minister": portfolio words
	// before a title.
	if j-i > 1 && sc.titleAt(j) && !slices.ContainsFunc(sc.words[i:j], func(w string) bool {
		return w != "and" && w != "&" && w != "," && !sc.e.titles.IsPortfolio(strings.ToLower(w))
	}) {
		return true
	}
	joined := j+1 < len(sc.words) && (sc.words[j] == "," || sc.words[j] == "and") && isCapitalized(sc.words[j+1])
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		switch w := sc.words[k]; {
		case w == "," || w == "and" || w == "&":
			joined = true
		case (w == "of" || w == "for") && joined:
			// (The lexicon may hold the title with its first portfolio
			// word: "Minister for Agriculture".)
			for t := max(0, k-4); t < k; t++ {
				if n, _ := sc.e.titles.Match(sc.words, t); n > 0 && t+n >= k {
					return true
				}
			}
			return false
		case !isCapitalized(w):
			return false
		}
	}
	return false
}

// portfolioBefore reports whether a title and its capitalised portfolio
// end right before token i: "Under-Secretary of State for Arms Control |
// Mark Hale".
func (sc *sentenceScan) portfolioBefore(i int) bool {
	for k := max(0, i-8); k < i-2; k++ {
		n, _ := sc.e.titles.Match(sc.words, k)
		p := k + n // "for" or "of"
		if n == 0 || p+1 >= i || i-(p+1) > 3 || sc.words[p] != "for" && sc.words[p] != "of" {
			continue
		}
		caps := true
		for q := p + 1; q < i; q++ {
			caps = caps && isCapitalized(sc.words[q])
		}
		if caps {
			return true
		}
	}
	return false
}

// successionNouns name the one who holds a post before or after another:
// "His successor, Greet Hoekstra, said".
var successionNouns = toSet(`successor predecessor`)

// portfolioTitleBefore reports whether a title and a portfolio after
// "of" or "for", in lower case, end right before token i: "minister for
// religious affairs", "vice minister of science and technology".
func (sc *sentenceScan) portfolioTitleBefore(i int) bool {
	for k := max(0, i-9); k < i-4; k++ {
		if n, _ := sc.e.titles.Match(sc.words, k); k+n == i {
			return true // a long title the lexicon has whole
		}
	}
	q := i
	for q > 0 && i-q < 5 && (sc.e.titles.IsPortfolio(sc.words[q-1]) && startsLower(sc.words[q-1]) || sc.words[q-1] == "and" && q < i) {
		q--
	}
	if q == i || q < 2 || sc.words[q-1] != "of" && sc.words[q-1] != "for" || sc.words[q] == "and" {
		return false
	}
	return sc.titleBefore(q - 1)
}

func labelOf(kind string) string {
	switch kind {
	case gazetteer.Org:
		return pipeline.Org
	case gazetteer.Demonym:
		return pipeline.NORP
	}
	return pipeline.Place
}

func subtypeOf(kind string) string {
	switch kind {
	case gazetteer.Org, gazetteer.Demonym:
		return ""
	}
	return kind
}

// nameRun returns the end of the personal name that starts at token i, or i
// when none does. A name is one to four name words, not a known place.
func (sc *sentenceScan) nameRun(i int) int {
	j := i
	for j < len(sc.words) && j-i < 9 {
		w := sc.words[j]
		next := j+1 < len(sc.words) && isNameWord(sc.words[j+1], false)
		if nameParticles[w] {
			// Particles run on to the name they lead to: "de la Roche".
			k := j + 1
			for k < len(sc.words) && k < j+3 && nameParticles[sc.words[k]] {
				k++
			}
			next = k < len(sc.words) && isNameWord(sc.words[k], false)
		}
		// Months that are also names may end one: "Theresa May", not "May 5";
		// nor does a month before its day open one ("minister Jan 3").
		dated := j+1 < len(sc.words) && isDigits(sc.words[j+1])
		if j == i && dated && monthOf(w) != 0 {
			break
		}
		// ("Ms May said": after a title of address too.)
		inner := (j > i || i > 0 && lowercase.Get(honorifics, sc.words[i-1])) && nameMonths[w] && !dated
		// A title word that is also a given name starts a name when a
		// title stands right before it: "health minister Amir Karimi".
		givenTitle := j == i && next && sc.e.gaz.GivenName(w) && i > 0 && sc.e.titles.IsHead(strings.ToLower(sc.words[i-1]))
		// "Hamad bin Khalid": after a particle a speech verb is a name;
		// so is a capitalised one after a given name, or before a name
		// word, outside title case ("Omar Said", "Halima Said Bakari").
		speech := lowercase.Get(speechVerbs, w) && !(j > i && lowercase.Get(nameParticles, sc.words[j-1])) &&
			!(j > i && isCapitalized(w) && sc.kind != pipeline.Heading && !titleCase(sc.words) &&
				(sc.e.gaz.CommonGivenName(sc.words[j-1]) || j+1 < len(sc.words) && isNameWord(sc.words[j+1], false) && !sc.titleAt(j+1) && !sc.isPlaceStart(j+1)))
		// "Oona King", "John Major", "Martin Luther King": a title word
		// can end a name that a given name opens, or a generation follows
		// ("Martin Luther King Jr.").
		generation := j+1 < len(sc.words) && generations[strings.TrimSuffix(sc.words[j+1], ".")]
		titleSurname := (j == i+1 && (sc.e.gaz.CommonGivenName(sc.words[i]) || sc.titleBefore(i)) || j == i+2 && sc.e.gaz.CommonGivenName(sc.words[i]) && sc.e.gaz.CommonGivenName(sc.words[i+1])) &&
			(generation || !next && !(j+1 < len(sc.words) && isCapitalized(sc.words[j+1])))
		// An initial the tokenizer split from its dot, even one that is also
		// a word: "Wayne A . I . Frederick", "John R . Bolton".
		if j > i && len(w) == 1 && isCapitalized(w) && j+2 < len(sc.words) && sc.words[j+1] == "." && isCapitalized(sc.words[j+2]) {
			j += 2
			continue
		}
		// Initials written without stops open a name, "A" too when another
		// follows: "A K Mittal", "K Madhusudhan".
		if j == i && isInitialLetter(w) && j+2 < len(sc.words) && (isInitialLetter(sc.words[j+1]) || w != "A" && w != "I" && isNameWord(sc.words[j+1], false)) {
			j++
			for j < len(sc.words) && isInitialLetter(sc.words[j]) {
				j++
			}
			if j < len(sc.words) && isNameWord(sc.words[j], false) && !isInitialLetter(sc.words[j]) {
				continue
			}
			j = i
			break
		}
		faith := faithWords[w] && !(j > i && sc.faithInName(j))
		// ("the Kerr Government said": what a person leads ends the name.)
		eponym := j > i && isCapitalized(w) && lowercase.Get(eponymHeads, w)
		// "Khalid Sheikh Mohammed": "Sheikh" between a given name and a
		// name is a part of the name, not a title.
		sheikh := j > i && sc.sheikhInName(j)
		if (!isNameWord(w, next) && !inner && !sheikh) || (sc.e.titles.IsHead(strings.ToLower(w)) && !givenTitle && !titleSurname && !sheikh) || speech || faith || eventHeads[w] || eponym {
			break
		}
		if sc.isPlaceStart(j) && !sc.surnamePlace(i, j) {
			break
		}
		j++
	}
	j = sc.upperSurnames(i, j)
	// A name does not end on a particle.
	for j > i && nameParticles[sc.words[j-1]] {
		j--
	}
	// "Sultan Karim Grand Mosque": a run ending in a building, a place or
	// an organisation is that thing's name, not a person's.
	if j > i && (sc.placeName(i, j) || isOrgHead(sc.words[j-1])) {
		return i
	}
	// Regnal numbers: "Elizabeth II".
	if j > i && j < len(sc.words) && romanNumerals[sc.words[j]] {
		j++
	}
	// At most four name words, not counting the dots of initials nor
	// particles ("Luiz Inacio Lula da Silva"); six in a chain of
	// patronyms ("Hamad bin Jassim bin Jaber Al Thani").
	words, most := 0, 4
	for k := i; k < j; k++ {
		switch w := sc.words[k]; {
		case w == "bin" || w == "ibn" || w == "bint":
			most = 6
		case w != "." && !nameParticles[w]:
			words++
		}
	}
	if words > most {
		return i
	}
	return j
}

// titledPeople finds "Foreign Minister Sergey Lavrov", "Ambassador Georgy
// Borisenko", "section director Mikhail Dzhirgenya".
func (sc *sentenceScan) titledPeople() {
	for i := 0; i < len(sc.words); i++ {
		// Plural titles name several people ("Senators A and B");
		// professional ones a post only in lower case ("correspondent X").
		tm := sc.e.titles.MatchPlural(sc.words, i)
		if rankAdjective(sc.words[i]) && tm.N == 1 {
			tm = gazetteer.TitleMatch{} // "a major New York bank"
		}
		// "the official Opposition", "the official Granma newspaper": an
		// adjective before a name that opens with no given name.
		if sc.words[i] == "official" && tm.N == 1 && i+1 < len(sc.words) && isCapitalized(sc.words[i+1]) && !sc.givenName(sc.words[i+1]) && !sc.e.gaz.CommonGivenName(sc.words[i+1]) {
			tm = gazetteer.TitleMatch{}
		}
		n := tm.N
		if tm.Professional && isCapitalized(sc.words[i]) {
			n = 0
		}
		address := n == 0 && isCapitalized(sc.words[i]) && lowercase.Get(honorifics, sc.words[i]) && sc.words[i] != "His" && sc.words[i] != "Her"
		if address {
			n = 1 // "Mr Brown", "Imam Khomeini"
		}
		// A party member noun, a plural or a professional title needs a
		// full name after it: "Republican Jim Cole", "Senators Mark Cole",
		// "correspondent Dana Kerr" (not "Queens Park Rangers").
		// So does a lowercase word only for a person: "cleric Moqtada
		// Haddad", whose name the tagger may read as a place's.
		// (In capitals, as a sentence or a title opens, when a common
		// given name follows: "Actress Ana Lund".)
		// (Opening the sentence, a name of two words or more will do:
		// "Farmer Nguyen Van An said".)
		described := n == 0 && (personalDescriptors[sc.words[i]] ||
			lowercase.Get(personalDescriptors, sc.words[i]) && i+1 < len(sc.words) && (sc.e.gaz.CommonGivenName(sc.words[i+1]) || i == 0 && sc.nameRun(i+1)-(i+1) >= 2 && !slices.ContainsFunc(sc.words[i+1:sc.nameRun(i+1)], sc.e.gaz.LowerWord)))
		member := n == 0 && partyMembers[sc.words[i]] || tm.Plural || tm.Professional || described
		if n == 0 && member {
			n = 1
		}
		if tm.Plural && (!isCapitalized(sc.words[i]) || !sc.listedNames(i+n)) {
			n = 0 // "who heads Morgan Stanley", "Queens Park Rangers"
		}
		if n == 1 && sc.sheikhInName(i) {
			n = 0 // "Khalid Sheikh Mohammed": a part of the name
		}
		if i > 0 && namedKinds[sc.words[i-1]] {
			n = 0 // "the tanker Princess Halima", "the carrier Admiral Kuznetsov": a vessel's name
		}
		if n == 0 || slices.ContainsFunc(sc.gaz, func(m gazetteer.Match) bool { return m.Start < i && i < m.End && !m.Ambiguous }) {
			continue // (and "Bandar Seri Begawan": inside a place's name)
		}
		k := i + n
		if k < len(sc.words) && generations[strings.TrimSuffix(sc.words[k], ".")] {
			continue // "Martin Luther King Jr.": a surname
		}
		// "Minister of Trade | and Industry Ann Kerr": the title's
		// portfolio goes on.
		if k+1 < len(sc.words) && (sc.words[k] == "and" || sc.words[k] == ",") && sc.e.titles.IsPortfolio(strings.ToLower(sc.words[k-1])) {
			k = max(k, sc.portfolioEnd(k))
			// ("Minister of Justice and Worship Karim Nassar": a word the
			// lexicon lacks, then a given name.)
			if p := k + 1; sc.words[k] == "and" && p+2 < len(sc.words) && isCapitalized(sc.words[p]) && !sc.givenName(sc.words[p]) && sc.givenName(sc.words[p+1]) && sc.nameRun(p+1)-(p+1) >= 2 {
				k = p + 1
			}
		}
		// "Ambassador to Peru Ann Kerr", "Representative in Vietnam Ann
		// Kerr": skip the post's complement.
		if k+1 < len(sc.words) && (sc.words[k] == "to" || sc.words[k] == "of" || sc.words[k] == "for" || sc.words[k] == "from" || sc.words[k] == "in") {
			p := k + 1
			if sc.words[p] == "the" && p+1 < len(sc.words) {
				p++ // "Prime Minister of the Netherlands Ann Kerr"
			}
			if end := sc.portfolioEnd(p); end > p && (sc.words[k] == "of" || sc.words[k] == "for") {
				k = end // "Secretary of Commerce Laura Finch"
			} else if end := sc.seatEnd(p); end > p && sc.words[k] == "for" {
				k = end // "MP for Leeds North Ann Kerr"
			} else if m, ok := sc.placeAt(p); ok && m.End < len(sc.words) && isCapitalized(sc.words[m.End]) {
				// (Not "head of the China National Space Administration":
				// the place opens a body's name.)
				if q := sc.capitalRun(m.End); orgHeads[sc.words[q-1]] || q < len(sc.words) && orgHeads[sc.words[q]] {
					continue
				}
				k = m.End
			} else if p+2 < len(sc.words) && isCapitalized(sc.words[p]) && !sc.givenName(sc.words[p]) && sc.givenName(sc.words[p+1]) && sc.nameRun(p+1)-(p+1) >= 2 &&
				(sc.taggedLabel(p) != "PER" || sc.pluralNoun(sc.words[p])) {
				// "head of Roscosmos Alexander Ivanov": a body of one word
				// (not "aide of Zubair Aslam Khan", the tagger's one name).
				k = p + 1
			} else if q := sc.bodyNameEnd(p); sc.words[k] == "of" && q > p && q+2 < len(sc.words) && sc.words[q] == "," && sc.e.gaz.CommonGivenName(sc.words[q+1]) && sc.nameRun(q+1)-(q+1) >= 2 {
				// "the head of the Alliance for Peace, Tom Hale,": a
				// body's name in capitals, then the name in apposition.
				k = q
			} else if sc.words[k] == "of" && p > k+1 {
				// "speaker of the parliament Omar Nadiri": a lowercase
				// body, then a name of two words or more.
				q := p
				for q < len(sc.words) && q < p+2 && !isCapitalized(sc.words[q]) && strings.HasPrefix(sc.toks[q].Tag, "NN") {
					q++
				}
				// (Not "the magazine Harbour Weekly", "the firm Lund
				// Capital", "the militia Red Dawn": a name after the noun
				// for it is its body's.)
				if kind := sc.words[q-1]; q > p && sc.nameRun(q)-q >= 2 && !mediaNouns[kind] && !firmNouns[kind] && !otherBodyKinds[kind] {
					k = q
				}
			}
		}
		// "the airline's director, Reza Tavakoli Nasab": a comma before a
		// name of two words or more.
		if k+2 < len(sc.words) && sc.words[k] == "," && sc.nameRun(k+1)-(k+1) >= 2 && !sc.titleAt(k+1) {
			k++
		}
		honored := false // a title of address stands before the name
		for k < len(sc.words) && (lowercase.Get(honorifics, sc.words[k]) || member && partyMembers[sc.words[k]]) {
			honored = honored || lowercase.Get(honorifics, sc.words[k])
			k++ // "Mr", and the rest of "Lib Dem"
		}
		if k > i+n && sc.titleAt(k) || k == i+n && sc.stackedTitleAt(k) {
			i = k - 1 // "an aide to Dutch | Prime Minister X", "spokesperson | Rear Admiral X": the next title's
			continue
		}
		j := sc.nameRun(k)
		if j == k && sc.townAsSurname(k) && !member {
			j = k + 1 // "national security advisor Bolton"
		}
		if j == k || member && j-k < 2 {
			i = k - 1
			continue
		}
		// "General Motors", "MP for Leeds Central": a one-word "name"
		// inside what the tagger reads as a company or place is part of
		// that name, unless a title of address or a known body opens the
		// title ("Fed | Chairman Halloran") or stands before the name ("Lord
		// Chancellor Lord Falconer"); "the next General Election": a
		// word the text also writes in lower case is no name, nor a
		// portfolio ("Deputy Commissioner Operations").
		if j-k == 1 && (!address && !honored && !sc.bodyBeforeTitle(i, k-i == n) && (sc.taggedOther(i) || sc.taggedOther(k) && sc.taggedOther(k-1)) || sc.lowerElsewhere(sc.words[k]) || sc.e.titles.IsPortfolio(strings.ToLower(sc.words[k]))) {
			i = j - 1
			continue
		}
		// In a title-case heading every word is capitalised: a single word
		// after a title there is too weak ("Minister Resigns"). A
		// lowercase title says the heading is in sentence case ("ousts
		// national security advisor Bolton").
		if sc.kind == pipeline.Heading && j-k < 2 && isCapitalized(sc.words[i]) {
			i = j - 1
			continue
		}
		// "Chief Police Officers", "General Election": no one's name; nor
		// a portfolio between two titles, "Chief Information Officer X";
		// nor words a law's, an event's or an index's name goes on from,
		// "Official Secrets Act", "the Major Market Index".
		if slices.ContainsFunc(sc.words[k:j], namesBody) || sc.portfolioBeforeTitle(k, j) || j < len(sc.words) && (lawEventHeads[sc.words[j]] || eventHeads[sc.words[j]]) {
			i = j - 1
			continue
		}
		// ("singer Lakeview Harbour", "activist New York": a known place
		// or body is no one's name.)
		if described && sc.gazetteerOverlaps(k, j) {
			i = j - 1
			continue
		}
		// "Chief Defence Staff Ana Ruiz": the title's portfolio words
		// before the name are no part of it.
		for j-k > 2 && !sc.givenName(sc.words[k]) && sc.e.titles.IsPortfolio(strings.ToLower(sc.words[k])) {
			k++
		}
		sc.add(sc.pastPortfolio(k, j), j, pipeline.Person, prioRule, 0.95)
		i = j - 1
	}
}

// bodyNameEnd returns the end of a body's name in capitals that starts at
// word p, its small words between capitals included ("Movement for
// Peace and Justice"), or p when none starts there.
func (sc *sentenceScan) bodyNameEnd(p int) int {
	q := p
	for q < len(sc.words) && (isCapitalized(sc.words[q]) || q > p && bodyNameLinks[sc.words[q]] && q+1 < len(sc.words) && isCapitalized(sc.words[q+1])) {
		q++
	}
	if q == p || !slices.ContainsFunc(sc.words[p:q], func(w string) bool { return orgHeads[w] }) {
		return p // (a body's name has a body's head: "Movement", "Party")
	}
	return q
}

// bodyNameLinks join the capitalised words of a body's name.
var bodyNameLinks = toSet(`for of and the`)

// portfolioBeforeTitle reports whether words [k, j) are portfolio words
// with a title after them: "Information" in "Chief Information Officer".
func (sc *sentenceScan) portfolioBeforeTitle(k, j int) bool {
	return j < len(sc.words) && sc.titleAt(j) && !slices.ContainsFunc(sc.words[k:j], func(w string) bool {
		return !sc.e.titles.IsPortfolio(strings.ToLower(w))
	})
}

// bracketedPeople finds names that an editor completed in brackets:
// "President [Ana María] Ruiz" (the guidelines' "[Bashir al] Assad").
func (sc *sentenceScan) bracketedPeople() {
	for i := 0; i+3 < len(sc.words); i++ {
		if sc.words[i] != "[" {
			continue
		}
		k := i + 1
		for k < len(sc.words) && k < i+5 && isNameWord(sc.words[k], true) {
			k++
		}
		if k == i+1 || k+1 >= len(sc.words) || sc.words[k] != "]" || !isCapitalized(sc.words[i+1]) {
			continue
		}
		// ("to [Chilean President] Ana Ruiz": a title the editor
		// inserted is no part of the name.)
		if slices.ContainsFunc(sc.words[i+1:k], func(w string) bool { return sc.e.titles.IsHead(strings.ToLower(w)) }) || sc.geoAt(i+1) {
			continue
		}
		if j := sc.nameRun(k + 1); j > k+1 {
			sc.add(i, j, pipeline.Person, prioRule, 0.9)
			i = j - 1
		}
	}
}

// nicknamedPeople finds names with a nickname quoted inside them:
// 'Thomas "Tip" O'Neill', 'Joaquin "El Chapo" Guzman' (before, two
// people or one cut short). The participants stage reads the nickname as
// an alias.
func (sc *sentenceScan) nicknamedPeople() {
	w := sc.words
	for q := 1; q+3 < len(w); q++ {
		if w[q] != `"` && w[q] != "“" || !isNameWord(w[q-1], false) {
			continue
		}
		c := q + 1
		for c < len(w) && c < q+4 && isCapitalized(w[c]) {
			c++
		}
		if c == q+1 || c+1 >= len(w) || w[c] != `"` && w[c] != "”" {
			continue
		}
		end := sc.nameRun(c + 1)
		for end == c+1 && end < len(w) && isCapitalized(w[end]) && isNameWord(w[end], false) {
			end++ // a surname that is also a place's name: 'Paulo "Beto" Santana'
		}
		start := q - 1
		for start > 0 && start > q-3 && isNameWord(w[start-1], false) && !sc.e.titles.IsHead(strings.ToLower(w[start-1])) {
			start--
		}
		start = sc.personStart(start, q)
		if end == c+1 || start == q || !sc.givenName(w[start]) && !sc.e.gaz.CommonGivenName(w[start]) && !sc.taggedPerson(start, end) {
			continue
		}
		sc.add(start, end, pipeline.Person, prioRule, 0.9)
		q = end
	}
}

// taggedPerson reports whether the tagger read a person in words [i, j).
func (sc *sentenceScan) taggedPerson(i, j int) bool {
	return slices.ContainsFunc(sc.tagged, func(sp ner.Span) bool { return sp.Label == "PER" && sp.Start < j && i < sp.End })
}

// portfolioEnd returns the end of a capitalised portfolio starting at
// token p, such as "Commerce", "Pacific Affairs" or "the Economy", or p
// when none does.
func (sc *sentenceScan) portfolioEnd(p int) int {
	end := p
	// "Children, Young People and Families": capitalised words joined by
	// commas and "and", each item of a comma's list ending in a portfolio
	// word ("Secretary of State Mark Hale, UN ..." stops at the comma), and
	// none going on past one ("Secretary of Commerce Ann Kerr and ...").
	item := p // the first word of the list item at k
	for k := p; k < len(sc.words) && k < p+8; k++ {
		w := sc.words[k]
		if w == "," || w == "and" || w == "&" {
			if end != k && (w == "," || end > item) {
				break
			}
			item = k + 1
			continue
		}
		if !isCapitalized(w) {
			break
		}
		if sc.e.titles.IsPortfolio(w) {
			end = k + 1
		}
	}
	return end
}

// namedPeople finds names that open with a given name known from the
// world's officials ("Angela Merkel", "Theresa May"), and officials' own
// names.
func (sc *sentenceScan) namedPeople() {
	for i := 0; i < len(sc.words); i++ {
		if !sc.givenName(sc.words[i]) || toponymPrefixes[sc.words[i]] || lowercase.Get(honorifics, sc.words[i]) || (i > 0 && isNameWord(sc.words[i-1], true) && !lowercase.Get(honorifics, sc.words[i-1]) && !partyMembers[sc.words[i-1]] && !sc.e.titles.IsDescriptor(sc.words[i-1]) && !sc.portfolioBefore(i) && !sc.gazetteerEnds(-1, i, gazetteer.Demonym)) {
			continue
		}
		j := sc.nameRun(i)
		if j-i < 2 {
			continue
		}
		if orgHeads[sc.words[j-1]] || (j < len(sc.words) && (orgHeads[sc.words[j]] || eventHeads[sc.words[j]])) {
			i = j - 1
			continue // "George Washington University", "the Ana Ruiz Prize"
		}
		if sc.afterPolity(i) || sc.namesThing(i, j) || sc.wholeQuotation(i, j) {
			i = j - 1
			continue // "the Republic of Mari Tul": a place; "the slogan Jai Kisan"
		}
		sc.add(i, j, pipeline.Person, prioTagger, 0.75).Source = pipeline.SourceRule
		i = j - 1
	}
	// A known official's full name, whatever the order of its parts:
	// "Wang Yi", "Moon Jae-in".
	for i := 0; i+1 < len(sc.words); i++ {
		if !isCapitalized(sc.words[i]) || !isCapitalized(sc.words[i+1]) || i > 0 && isNameWord(sc.words[i-1], true) && !lowercase.Get(honorifics, sc.words[i-1]) {
			continue
		}
		for j := min(i+4, len(sc.words)); j >= i+2; j-- {
			if !isCapitalized(sc.words[j-1]) {
				continue
			}
			if (j == len(sc.words) || !isNameWord(sc.words[j], false)) && sc.e.gaz.IsOfficial(strings.Join(sc.words[i:j], " ")) {
				sc.add(i, j, pipeline.Person, prioTagger, 0.75).Source = pipeline.SourceRule
				i = j - 1
				break
			}
		}
	}
}

// gazetteerEnds reports whether a gazetteer entry of the kind ends right
// before word end, starting at word start (anywhere when start < 0):
// "European Union | Trade", "Kenyan | Paul Kiprop".
func (sc *sentenceScan) gazetteerEnds(start, end int, kind string) bool {
	for _, m := range sc.gaz {
		if m.End == end && (start < 0 || m.Start == start) && m.Entries[0].Kind == kind {
			return true
		}
	}
	return false
}

// nameAfterCountry reports whether a common given name opens a name of
// two words or more at token k, right after a country: "Bank of Chile |
// Tom Vega".
func (sc *sentenceScan) nameAfterCountry(k int) bool {
	return sc.e.gaz.CommonGivenName(sc.words[k]) && sc.gazetteerEnds(-1, k, gazetteer.Country) && sc.nameRun(k)-k >= 2
}

// endsOfCountry reports whether words [i, j) end in "of" and a country
// after a word or more: "Environment of (the) South Africa".
func (sc *sentenceScan) endsOfCountry(i, j int) bool {
	for _, m := range sc.gaz {
		if m.End != j || m.Entries[0].Kind != gazetteer.Country {
			continue
		}
		k := m.Start
		if k > i && sc.words[k-1] == "the" {
			k--
		}
		if k-1 > i && sc.words[k-1] == "of" {
			return true
		}
	}
	return false
}

// givenName reports whether w is a known given name, or two joined by a
// hyphen ("Jean-Luc", "Hans-Peter"), which name lists do not all hold.
func (sc *sentenceScan) givenName(w string) bool {
	if sc.e.gaz.GivenName(w) {
		return true
	}
	a, b, ok := strings.Cut(w, "-")
	return ok && sc.e.gaz.GivenName(a) && sc.e.gaz.GivenName(b)
}

// namesBefore reports whether w comes before a surname: a given name, a
// title of address or a title ("Bill", "Mrs", "President").
func (sc *sentenceScan) namesBefore(w string) bool {
	if sc.givenName(w) || lowercase.Get(honorifics, w) {
		return true
	}
	n, _ := sc.e.titles.Match([]string{w}, 0)
	return n == 1
}

// speechVerbs follow a speaker's name: "Kino Gabriel said".
var speechVerbs = toSet(`said says told added stated wrote announced explained argued warned insisted
replied tweeted noted claimed`)

// bylineVerbs close a broadcast's sign-off, which the tagger reads as
// nouns: "Harbour Radio's Lena Berg reports."
var bylineVerbs = toSet(`reports reporting`)

// clausePeople finds names that a clause marks as people: a name of two
// words or more before a speech verb ("Kino Gabriel said") or before
// ", who" ("Abu Karim al-Hashimi, who"), and names joined by a patronymic
// particle ("Hamad bin Khalid").
func (sc *sentenceScan) clausePeople() {
	w := sc.words
	for i := 0; i < len(w); i++ {
		if !isCapitalized(w[i]) || (i > 0 && isNameWord(w[i-1], true)) || sc.isPlaceStart(i) {
			continue
		}
		j := sc.nameRun(i)
		// A capitalised sentence opener is a name only if tagged as one
		// ("Later el-Sisi said" is not a person called Later).
		if i == 0 && j > 0 && !strings.HasPrefix(sc.toks[0].Tag, "NNP") {
			i = j - 1
			continue
		}
		if j-i < 2 {
			continue
		}
		speaker := j < len(w) && speechVerbs[w[j]]
		relative := j+1 < len(w) && w[j] == "," && w[j+1] == "who"
		patronymic := false
		for k := i + 1; k < j-1; k++ {
			if lw := strings.ToLower(w[k]); lw == "bin" || lw == "ibn" || lw == "bint" {
				patronymic = true
			}
		}
		if speaker || relative || patronymic {
			// ("Treasury | Paul Boateng said": a body's head opens no name.)
			if (orgHeads[w[i]] || stateBodyHeads[w[i]]) && sc.e.gaz.CommonGivenName(w[i+1]) {
				i++
			}
			// ("The Dalai Lama says": a title alone names no one.)
			if j-i >= 2 && sc.e.titles.MatchPlural(w[:j], i).N != j-i {
				sc.add(i, j, pipeline.Person, prioTagger, 0.7).Source = pipeline.SourceRule
			}
		}
		i = j - 1
	}
}

// bodyModifier reports whether the tagger's person [i, j) modifies a noun
// of a body's members or posts ("Stade Lyonnais coach", "Roscosmos head",
// "Azimio supporters") and is no one's name: no word of it is a given
// name, and no official bears it ("Trump supporters" are a person's).
func (sc *sentenceScan) bodyModifier(i, j int) bool {
	if j >= len(sc.words) || !memberNouns[sc.words[j]] {
		return false
	}
	for _, w := range sc.words[i:j] {
		if sc.e.gaz.GivenName(w) || sc.e.gaz.CommonGivenName(w) {
			return false
		}
	}
	return !sc.e.gaz.IsOfficial(strings.Join(sc.words[i:j], " "))
}

// pluralPossessor returns the end of a body's name that a plural's
// possessive at token j leads into ("Girls' | High School", "Miners' |
// Union"), or j when none does.
func (sc *sentenceScan) pluralPossessor(j int) int {
	if j == 0 || j+1 >= len(sc.words) || (sc.words[j] != "'" && sc.words[j] != "’") || !strings.HasSuffix(sc.words[j-1], "s") {
		return j
	}
	for k := j + 1; k < len(sc.words) && k <= j+3 && isCapitalized(sc.words[k]); k++ {
		if isOrgHead(sc.words[k]) {
			return k + 1
		}
	}
	return j
}

// namedBody reports whether words [i, j) before a capitalised eponym's
// head ("Reagan | Administration") can be a person's name: no common
// word ("Small Business"), no place ("Scottish", "Chicago").
func (sc *sentenceScan) namedBody(i, j int) bool {
	for k := i; k < j; k++ {
		if sc.e.gaz.LowerWord(sc.words[k]) || sc.geoAt(k) {
			return false
		}
	}
	return j-i <= 2
}

// memberNouns name those who play for, work for or support a body.
var memberNouns = toSet(`coach manager member members head chief supporters militants fighters fans players
striker midfielder defender goalkeeper captain spokesman spokeswoman spokesperson official officials`)

// facilityHeads end the names of places built by people.
var facilityHeads = toSet(`Mosque Church Cathedral Temple Synagogue Airport Hospital Square Street
Avenue Road Palace Stadium Bridge Museum Hotel Station Port Base Prison Center Centre Hall Tower
Facility Penitentiary Jail House Fort Fortress Castle Headquarters Regency Masjid Mandir Falls Stupa Terminus
Garden Gardens Theatre Theater Library Arena Shrine Mausoleum Tomb Monastery Basilica Pagoda`)

// surnameHeads are the facilityHeads that are also surnames: "Dame Ann
// Castle" is a person, "King Omar Airport" never is.
var surnameHeads = toSet(`Church Hall House Street Castle Tower Temple Bridge Fort Garden Park Hill`)

// seatEnd returns the end of a seat's name from token p that ends in a
// compass point before another capitalised word ("Leeds North | Ann
// Kerr", "Glasgow South West | Ann Kerr"), or p.
func (sc *sentenceScan) seatEnd(p int) int {
	q := p
	for q < len(sc.words) && q < p+3 && isCapitalized(sc.words[q]) && !compassPoints[sc.words[q]] {
		q++
	}
	if q == p || q >= len(sc.words) || !compassPoints[sc.words[q]] {
		return p
	}
	for q+1 < len(sc.words) && compassPoints[sc.words[q]] && isCapitalized(sc.words[q+1]) {
		q++
	}
	if compassPoints[sc.words[q-1]] {
		return q
	}
	return p
}

// facilityAfter returns the end of a building's head that follows word j
// past at most two capitalised words of its kind ("International
// Airport", "Grand Mosque", "Memorial Hospital"), or j; not a head that
// is also a surname ("Hall", "Church").
func (sc *sentenceScan) facilityAfter(j int) int {
	w := sc.words
	for k := j; k < len(w) && k < j+3; k++ {
		switch {
		case facilityHeads[w[k]] && !surnameHeads[w[k]]:
			return k + 1
		case !facilityModifiers[w[k]]:
			return j
		}
	}
	return j
}

// facilityModifiers stand between a name and its building's head.
var facilityModifiers = toSet(`International National Regional Memorial Grand Royal General Medical Central Municipal`)

// placeName reports whether words [i, j) end as a building's or a place's
// name does: "Grand Mosque", "Shah Alam Town", "Ivan Petrov Park", "Nelson
// Mandela Bay" (a park or a bay after a name of two words; "Lena Park" and
// "Tom Bay" are people).
func (sc *sentenceScan) placeName(i, j int) bool {
	last := sc.words[j-1]
	return facilityHeads[last] || placeHeads[last] || (last == "Park" || last == "Bay") && j-i >= 3
}

// saintTitles open a saint's name, which names churches, schools and
// feast days after it.
var saintTitles = toSet(`St St. Saint Sainte Ste Ste.`)

// placeHeads end, and placePrefixes open, the names of places:
// "Shah Alam Town", "Mt Kenya", "Lake Volta"; the land and water features
// among them are no one's surname ("Lake", "Bay", "Ocean" and "Strait"
// are, and are left out).
var (
	placeHeads = toSet(`Town City Village Township Boulevard Island Islands Peninsula Archipelago Canal Gulf
Reef Plateau Desert Mountains Bowl River Shoal Shoals Atoll Lagoon Glacier Volcano Oasis`)
	placePrefixes = toSet(`Mt Mt. Mount Lake Fort Cape Port`)
)

// namedPlaceHeads open, in Spanish, Portuguese and Italian, the names of
// streets, squares and buildings named after people: "Avenida Joaquim
// Barros", "Estadio Rafael Mendoza".
var namedPlaceHeads = toSet(`Avenida Rua Calle Plaza Praça Piazza Estadio Estádio Stadio Aeropuerto Aeroporto Teatro Palacio Palazzo`)

// compassPoints follow a place's name in the name of a part of it, such
// as a constituency: "Leeds North", "Glasgow South West".
var compassPoints = toSet(`North South East West Central Northeast Northwest Southeast Southwest`)

// romanNumerals follow regnal names.
var romanNumerals = toSet(`II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI`)

// rosterPeople finds the name that opens a roster line: "Sergey Lavrov –
// Foreign Minister of Russia", "Jane Doe: Spokesperson", "Jane Doe, CEO".
func (sc *sentenceScan) rosterPeople() {
	if sc.kind != pipeline.ListItem && sc.kind != pipeline.TableRow {
		return
	}
	j := sc.nameRun(0)
	if j < 2 || j >= len(sc.words) {
		return
	}
	if sep := sc.words[j]; !isDash(sep) && sep != ":" && sep != "," && sep != "(" {
		return
	}
	if sc.roleFollows(j+1, false) {
		sc.add(0, j, pipeline.Person, prioRule, 0.9)
	}
}

// creditWords introduce who made a picture or a text: "Image: Gage
// Skidmore", "Photo: Ana Ruiz".
var creditWords = toSet(`Image Photo Photograph Picture Credit Video`)

// creditedPeople finds the names after a credit word and a colon, and in
// a byline ("By Ana Ruiz and Tom Berg").
func (sc *sentenceScan) creditedPeople() {
	for i := 0; i+2 < len(sc.words); i++ {
		if !creditWords[sc.words[i]] || sc.words[i+1] != ":" {
			continue
		}
		if j := sc.nameRun(i + 2); j-(i+2) >= 2 {
			sc.add(i+2, j, pipeline.Person, prioRule, 0.8)
			i = j - 1
		}
	}
	w := sc.words
	if len(w) > 2 && w[0] == "By" {
		var names [][2]int
		for i := 1; i < len(w); {
			j := sc.nameRun(i)
			if j-i < 2 {
				return
			}
			names = append(names, [2]int{i, j})
			if j == len(w) || w[j] == "." {
				break
			}
			if w[j] != "and" && w[j] != "," {
				return // "By Ana Ruiz's account ...": no byline
			}
			i = j + 1
		}
		for _, n := range names {
			sc.add(n[0], n[1], pipeline.Person, prioRule, 0.8)
		}
	}
}

// roleFollows reports whether a title starts at token i, allowing a leading
// determiner, country, demonym or possessive ("Egypt's Foreign Minister",
// "the Russian Ambassador"); for a name described otherwise as a
// person's, a possessor and adjectives too ("the festival's artistic
// director").
func (sc *sentenceScan) roleFollows(i int, described bool) bool {
	for k := i; k < len(sc.words) && k < i+5; k++ {
		if n, _ := sc.e.titles.Match(sc.words, k); n > 0 {
			// A title of address before a name is that name's: "the
			// Institute of Medicine, Professor Ana Ruiz," is no apposition.
			return !(k+n < len(sc.words) && isCapitalized(sc.words[k+n]) && isNameWord(sc.words[k+n], false) && isCapitalized(sc.words[k]))
		}
		w := strings.ToLower(sc.words[k])
		// ("the Business Secretary": a portfolio before the title; "the
		// festival's artistic director": a possessor and an adjective,
		// when asked of a name described as a person's.)
		if w == "the" || w == "a" || w == "an" || isPossessive(sc.words[k]) || sc.e.titles.IsPortfolio(w) ||
			described && startsLower(sc.words[k]) && (sc.toks[k].Tag == "NN" && k+1 < len(sc.words) && isPossessive(sc.words[k+1]) || sc.toks[k].Tag == "JJ") {
			continue
		}
		if m, ok := sc.placeAt(k); ok {
			k = m.End - 1
			continue
		}
		if isAllCaps(sc.words[k]) { // an organisation acronym: "UN envoy"
			continue
		}
		return false
	}
	return false
}

// townAsSurname reports whether the word at k, right after a title, is a
// lone town name that reads as a surname: a city that is not a capital,
// with no further name word after it ("advisor Bolton", not "envoy to
// Paris").
func (sc *sentenceScan) townAsSurname(k int) bool {
	m, ok := sc.placeAt(k)
	if !ok || m.End != k+1 || m.Entries[0].Kind != gazetteer.City || m.Entries[0].Capital {
		return false
	}
	return k+1 == len(sc.words) || !isCapitalized(sc.words[k+1])
}

// kinNouns name a relative; the name in apposition to one is a person's:
// "his widow, Denise,", "her son Ali".
var kinNouns = toSet(`wife husband widow widower son daughter brother sister father mother
cousin uncle aunt nephew niece grandson granddaughter grandfather grandmother partner fiancee fiancée fiance
child stepson stepdaughter grandchild twin`)

// listedUnderHonorific reads the names a plural title of address lists:
// "Lords Bingham, Steyn and Hope", "Messrs Smith and Jones" are people,
// each by a surname the tagger sees no person in.
func (sc *sentenceScan) listedUnderHonorific() {
	for i := 0; i+1 < len(sc.words); i++ {
		if !pluralHonorifics[sc.words[i]] || i > 0 && (strings.EqualFold(sc.words[i-1], "the") || sc.words[i-1] == "of") {
			continue
		}
		k := i + 1
		// ("Lords Leader Baroness Amos": a title, not a list.)
		for k < len(sc.words) && isCapitalized(sc.words[k]) && isNameWord(sc.words[k], false) && !sc.e.titles.IsHead(sc.words[k]) && !lowercase.Get(honorifics, sc.words[k]) {
			sc.add(k, k+1, pipeline.Person, prioRule, 0.85)
			switch {
			case k+2 < len(sc.words) && (sc.words[k+1] == "," || sc.words[k+1] == "and"):
				k += 2
			default:
				k = len(sc.words)
			}
			if k < len(sc.words) && sc.words[k] == "and" && sc.words[k-1] == "," {
				k++ // "Bingham, Steyn, and Hope"
			}
		}
	}
}

// listedUnderTitle reads the full names listed after a plural title as
// people, whatever the tagger made of the names it did not know: "foreign
// ministers Dawit Gebremeskel and Senait Tesfamariam", "her Peruvian and
// Bolivian counterparts, A and B", "the ambassadors of France and Italy,
// A and B". Each item is a name of two words or more, none of them a
// body's or a place's; a list is two items or more.
func (sc *sentenceScan) listedUnderTitle() {
	w := sc.words
	for i := 0; i < len(w); i++ {
		tm := sc.e.titles.MatchPlural(w, i)
		if tm.N == 0 || !tm.Plural {
			continue
		}
		k := i + tm.N
		if k+1 < len(w) && w[k] == "of" {
			// (the complement, then the list after its comma)
			for k++; k < len(w) && (isCapitalized(w[k]) || w[k] == "and" || w[k] == "the"); k++ {
			}
			if k >= len(w) || w[k] != "," {
				continue
			}
		}
		if k < len(w) && w[k] == "," {
			k++
		}
		var items [][2]int
		for k < len(w) {
			j := sc.nameRun(k)
			if j-k < 2 || slices.ContainsFunc(w[k:j], namesBody) || sc.gazetteerOverlaps(k, j) {
				break
			}
			items = append(items, [2]int{k, j})
			switch {
			case j+1 < len(w) && w[j] == "," && w[j+1] == "and":
				k = j + 2
			case j < len(w) && (w[j] == "," || w[j] == "and"):
				k = j + 1
			default:
				k = len(w)
			}
		}
		if len(items) < 2 {
			continue
		}
		for _, it := range items {
			if sc.taggedLabel(it[0]) != "PER" { // (the tagger's own reading of a name stands)
				sc.add(it[0], it[1], pipeline.Person, prioRule, 0.85)
			}
		}
		i = items[len(items)-1][1] - 1
	}
}

// latePeople reads a name after "the late" or a possessive's "late" as a
// person's: "founded by the late Thabo Kgosi", "her late husband Sipho
// Dube"; not a period ("the late Bronze Age", "the late Roman Empire"),
// a place or a title's holder, which other readings have.
func (sc *sentenceScan) latePeople() {
	for i := 1; i+2 < len(sc.words); i++ {
		if sc.words[i] != "late" || !articles[strings.ToLower(sc.words[i-1])] && sc.toks[i-1].Tag != "PRP$" && !isPossessive(sc.words[i-1]) {
			continue
		}
		k := i + 1
		for k < len(sc.words) && startsLower(sc.words[k]) && kinNouns[sc.words[k]] {
			k++ // "her late husband"
		}
		j := sc.nameRun(k)
		if j-k < 2 {
			continue
		}
		if slices.ContainsFunc(sc.words[k:j], func(w string) bool { return isAllCaps(w) || periodNouns[w] }) || sc.gazetteerIn(k, j, func(gazetteer.Match) bool { return true }) || sc.titleAt(k) {
			continue
		}
		sc.add(k, j, pipeline.Person, prioRule, 0.9)
	}
}

// periodNouns end the names of periods and states of the past: "the late
// Bronze Age", "the late Ming Dynasty".
var periodNouns = toSet(`Age Ages Era Period Empire Dynasty Republic Kingdom Century Middle Stone Iron Bronze Victorian Georgian Edwardian`)

// hyphenatedGivenNames reads the East Asian names whose given name joins
// two syllables with a hyphen, the second in lower case, before or after
// a short surname: "Pak Su-min", "Lin Chia-hui", "Su-min Pak". A person's,
// whatever the tagger read ("Pak" is also a place); not a compound that
// opens a sentence ("Co-op members", "Post-war Leeds").
func (sc *sentenceScan) hyphenatedGivenNames() {
	short := func(k int) bool {
		w := sc.words[k]
		return len(w) <= 6 && isCapitalized(w) && isASCIIWord(w) && isNameWord(w, true) &&
			!lowercase.Get(honorifics, w) && !sc.e.titles.IsHead(strings.ToLower(w)) && !compassPoints[w]
	}
	for i, w := range sc.words {
		if !syllabicGivenName(w) {
			continue
		}
		switch {
		case i > 0 && short(i-1):
			sc.add(i-1, i+1, pipeline.Person, prioRule, 0.9)
		case i > 0 && i+1 < len(sc.words) && short(i+1) && (i+2 == len(sc.words) || !isCapitalized(sc.words[i+2])):
			sc.add(i, i+2, pipeline.Person, prioRule, 0.9)
		}
	}
}

// syllabicGivenName reports whether w is two romanised syllables joined by
// a hyphen, the second in lower case: "Su-min", "Chia-hui", "Jae-won".
func syllabicGivenName(w string) bool {
	first, second, ok := strings.Cut(w, "-")
	if !ok || len(first) < 2 || len(first) > 5 || !isUpperASCII(first[0]) || !romanSyllable(strings.ToLower(first)) || englishPrefixes[strings.ToLower(first)] {
		return false
	}
	// (A second syllable without an onset ends in n: "Jong-un", "Jae-in";
	// "Co-op" is English.)
	return second != "" && second == strings.ToLower(second) && romanSyllable(second) &&
		(strings.IndexByte("aeiouy", second[0]) < 0 || strings.HasSuffix(second, "n") || strings.HasSuffix(second, "ng"))
}

// romanSyllable reports whether s is one syllable of Korean or Chinese
// written in Latin letters: an optional onset, one to three vowels and an
// optional final n, ng, m, k, l, p, t or h ("min", "hoon", "seo", "jeong",
// "chia"), not an English word's part ("war", "term", "op").
func romanSyllable(s string) bool {
	i := 0
	for _, onset := range []string{"tsh", "ch", "sh", "ts", "zh", "kk", "tt", "pp", "ss", "jj", "hs", "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "q", "r", "s", "t", "w", "x", "y", "z"} {
		if strings.HasPrefix(s, onset) {
			i = len(onset)
			break
		}
	}
	v := i
	for v < len(s) && v-i < 3 && strings.IndexByte("aeiouy", s[v]) >= 0 {
		v++
	}
	if v == i {
		return false
	}
	// (A final other than n or ng follows one or two vowels only.)
	switch s[v:] {
	case "", "n", "ng":
		return true
	case "m", "k", "l", "p", "t", "h":
		return v-i <= 2
	}
	return false
}

// mountains reads "Mt. Danxia", "Mount Kenya": the word for a mountain
// and the capitalised name after it are a place, whatever the tagger
// makes of the name (a person, often); not a body or a building named
// after one ("Mount Sinai Hospital").
func (sc *sentenceScan) mountains() {
	for i := 0; i+1 < len(sc.words); i++ {
		if w := sc.words[i]; w != "Mt." && w != "Mt" && w != "Mount" {
			continue
		}
		j := i + 1
		for j < len(sc.words) && j < i+4 && isCapitalized(sc.words[j]) && isNameWord(sc.words[j], false) && !namesBody(sc.words[j]) {
			j++
		}
		if j == i+1 || j < len(sc.words) && (namesBody(sc.words[j]) || isCapitalized(sc.words[j])) {
			continue
		}
		if _, known := sc.placeAt(i); known {
			continue // "Mount Everest": the gazetteer's, with its ids
		}
		sc.add(i, j, pipeline.Place, prioRule, 0.85)
		i = j - 1
	}
}

// seats finds the seat a member sits for when its name joins two names
// with "and": "the MP for Hornsea and Ellery Green" sits for one seat, no
// place and person; and a town with a point of the compass that opens no
// other name: "Ealing North's MP", "in Leeds West" (a seat, a district),
// not "Leeds North Stars" or "Leeds Central & Western Railway".
func (sc *sentenceScan) seats() {
	for _, m := range sc.gaz {
		end := m.End + 1
		if m.Ambiguous || m.Entries[0].Kind != gazetteer.City || end > len(sc.words) || !compassPoints[sc.words[m.End]] ||
			end < len(sc.words) && (isCapitalized(sc.words[end]) || sc.words[end] == "&") {
			continue
		}
		sc.add(m.Start, end, pipeline.Place, prioRule, 0.85)
	}
	run := func(k int) int { // the end of the capitalised run at k
		for k < len(sc.words) && isCapitalized(sc.words[k]) && isNameWord(sc.words[k], false) {
			k++
		}
		return k
	}
	for i := 0; i+2 < len(sc.words); i++ {
		if !seatTitles[sc.words[i]] || sc.words[i+1] != "for" {
			continue
		}
		first := run(i + 2)
		if first == i+2 || first+1 >= len(sc.words) || sc.words[first] != "and" {
			continue
		}
		end := run(first + 1)
		if end == first+1 || end < len(sc.words) && !separators[sc.words[end]] && sc.words[end] != "." {
			continue
		}
		sc.add(i+2, end, pipeline.Place, prioRule, 0.85)
		i = end - 1
	}
}

// paperHeads end newspapers' names that a weekday may open: "Sunday
// Telegraph", "Sunday Times".
var paperHeads = toSet(`Times Telegraph Herald Mirror Post Observer Tribune Chronicle Independent`)

// pluralHonorifics are titles of address in the plural.
var pluralHonorifics = toSet(`Lords Messrs Messrs.`)

// kinPeople finds the names of relatives: "his widow, Denise, had
// returned", "their son Omar said", "the couple's 14-year-old son Omar";
// after a plural, each name of a list: "his two sons, Avram and Jonas",
// "their children Emma, 16, and Ivo, 14".
func (sc *sentenceScan) kinPeople() {
	for i := 1; i+1 < len(sc.words); i++ {
		noun := strings.ToLower(sc.words[i])
		plural := pluralKin[noun]
		if !kinNouns[noun] && !plural {
			continue
		}
		// "his son", "the couple's son", "their 14-year-old son", "his
		// former dancer wife", "their third child", "his two sons"
		p := i - 1
		if p > 0 && isAge(sc.words[p]) {
			p--
		}
		for n := 0; n < 3 && p > 0 && startsLower(sc.words[p]) && (strings.HasPrefix(sc.toks[p].Tag, "JJ") || sc.toks[p].Tag == "NN" || isOrdinal(sc.words[p]) || plural && sc.toks[p].Tag == "CD"); n++ {
			p--
		}
		switch w := strings.ToLower(sc.words[p]); {
		case w == "his" || w == "her" || w == "their" || w == "late" || isPossessive(w):
		default:
			continue
		}
		k := i + 1
		if sc.words[k] == "," {
			k++
		}
		var names [][2]int
		for {
			j := sc.nameRun(k)
			if j == k || j-k > 3 || sc.geoAt(k) {
				break
			}
			names = append(names, [2]int{k, j})
			if j+2 < len(sc.words) && sc.words[j] == "," && isDigits(sc.words[j+1]) {
				j += 2 // "Emma, 16,"
			}
			if !plural {
				break
			}
			switch {
			case j+1 < len(sc.words) && sc.words[j] == "and":
				k = j + 1
			case j+2 < len(sc.words) && sc.words[j] == "," && sc.words[j+1] == "and":
				k = j + 2
			case j+1 < len(sc.words) && sc.words[j] == ",":
				k = j + 1
			default:
				k = -1
			}
			if k < 0 {
				break
			}
		}
		// A list needs two names or more; each name must end the
		// apposition or start a clause: ", Denise," or "son Omar said",
		// not "his son Omar Street".
		if len(names) == 0 || plural && len(names) < 2 {
			continue
		}
		if j := names[len(names)-1][1]; j < len(sc.words) && isCapitalized(sc.words[j]) {
			continue
		}
		for _, n := range names {
			sc.add(n[0], n[1], pipeline.Person, prioRule, 0.85)
		}
		i = names[len(names)-1][1] - 1
	}
}

// pluralKin name relatives in the plural: the names in apposition to one
// are a list of people.
var pluralKin = toSet(`sons daughters children brothers sisters parents grandchildren twins cousins nephews nieces`)

// namedThing reports whether the name in words [i, j) is what a clause
// calls a thing: "a farmhouse called Glyn Morgan", "a small charity named
// Ruth Cole", "the alliance known as the Unity Front". The noun before
// the naming word must be no person's (nor kin, a title, an age), and
// nothing after the name may read "named" as a verb that gives someone a
// post or a label ("a company named Ann Kerr chief executive", "called
// him a liar").
func (sc *sentenceScan) namedThing(i, j int) bool {
	w := sc.words
	// ("known as" names too, and the name after it may take "the".)
	knownAs := i >= 4 && w[i-1] == "the" && w[i-2] == "as" && w[i-3] == "known"
	if knownAs {
		i -= 2 // as if the name stood right after "known"
	} else if i < 3 || w[i-1] != "named" && w[i-1] != "called" && w[i-1] != "dubbed" {
		return false
	}
	noun := w[i-2]
	lw := strings.ToLower(noun)
	if noun != lw || !strings.HasPrefix(sc.toks[i-2].Tag, "NN") || personNouns[lw] || kinNouns[lw] ||
		sc.e.titles.MatchPlural(w, i-2).N > 0 || sc.e.titles.IsDescriptor(lw) || strings.HasSuffix(lw, "-old") {
		return false
	}
	if j < len(w) && (w[j] == "as" || w[j] == "a" || w[j] == "an" || w[j] == "the" || sc.titleAt(j)) {
		return false
	}
	for k := i - 3; k >= max(0, i-6); k-- {
		switch x := w[k]; {
		case x == "a" || x == "an" || knownAs && (x == "the" || x == "The"):
			return true
		case !startsLower(x) || !strings.HasPrefix(sc.toks[k].Tag, "JJ") && !strings.HasPrefix(sc.toks[k].Tag, "NN") && sc.toks[k].Tag != "VBN":
			return false
		}
	}
	return false
}

// namesThing reports whether the document says elsewhere that the two or
// three words [i, j) name something other than a person: a work, a
// vessel, a body (docFacts.thing).
func (sc *sentenceScan) namesThing(i, j int) bool {
	if n := j - i; n != 2 && n != 3 {
		return false
	}
	name := strings.Join(sc.words[i:j], " ")
	l, ok := sc.facts.thing(name)
	return ok && l != pipeline.Person || sc.facts.notPerson(name)
}

// firmStaffAfter reports whether the title of a market professional
// ("economist", "chief strategist") and a capitalised name start at word j.
func (sc *sentenceScan) firmStaffAfter(j int) bool {
	w := sc.words
	if j < len(w) && rankWords[w[j]] {
		j++
	}
	return j+1 < len(w) && firmStaff[w[j]] && isCapitalized(w[j+1])
}

// workplace reports whether the name [i, j) follows a lower-case title
// or profession and "at": "director at Homefinder", "an economist at
// Lakeview", and no possessive makes it an owner's name.
func (sc *sentenceScan) workplace(i, j int) bool {
	w := sc.words
	if i < 2 || w[i-1] != "at" || !startsLower(w[i-2]) || j < len(w) && isPossessive(w[j]) {
		return false
	}
	return sc.e.titles.MatchPlural(w, i-2).N == 1 || sc.e.titles.IsHead(w[i-2]) || sc.e.titles.ProfessionalWord(w[i-2])
}

var (
	firmStaff = toSet(`economist analyst strategist trader dealer broker`)
	rankWords = toSet(`chief senior lead head`)
)

// wholeQuotation reports whether the words [i, j) are all a quotation
// holds: a slogan, a chant or a title ("chanted "Basta Ya"", "her song
// "Blue Harbour""), no one's name, unless the words before it name someone
// by it ("known as", "dubbed") or the text also writes it unquoted.
func (sc *sentenceScan) wholeQuotation(i, j int) bool {
	w := sc.words
	// (American style sets a list's comma inside the closing mark:
	// including "Wild Harbour," "Blue Sky" and ...; not a quotation
	// that opens the sentence and goes on after its speaker: "Ana Ruiz,"
	// he said, "is ...".)
	closing := j < len(w) && (isQuote(w[j]) || w[j] == "," && i >= 2 && j+1 < len(w) && isQuote(w[j+1]))
	if j-i < 2 || i == 0 || !closing || !isQuote(w[i-1]) {
		return false
	}
	if i >= 2 && lowercase.Get(namingWords, w[i-2]) {
		return false
	}
	text := sc.d.Text
	name := text[sc.toks[i].Start:sc.toks[j-1].End]
	for at := 0; ; {
		k := strings.Index(text[at:], name)
		if k < 0 {
			return true
		}
		k += at
		before, _ := utf8.DecodeLastRuneInString(text[:k])
		rest := text[k+len(name):]
		if strings.HasPrefix(rest, ",") {
			rest = rest[1:]
		}
		after, _ := utf8.DecodeRuneInString(rest)
		if !quoteRunes[before] || !quoteRunes[after] {
			return false
		}
		at = k + len(name)
	}
}

// namingWords, before a quotation, make it a name someone goes by: "known
// as", "a man dubbed", "calling himself".
var namingWords = toSet(`as dubbed nicknamed called named alias aka a.k.a. codenamed himself herself`)

var quoteRunes = map[rune]bool{'"': true, '“': true, '”': true, '\'': true, '‘': true, '’': true, '`': true}

// personNouns are common nouns for a person, whose name a clause may give:
// "a boy named Ivan", "the victim, identified only as Maria".
var personNouns = toSet(`man woman boy girl child baby infant toddler teenager teen person victim suspect
gunman attacker driver pilot passenger officer soldier student pupil resident worker patient prisoner inmate
survivor volunteer nurse doctor farmer fisherman journalist reporter photographer activist protester youth
colleague friend neighbour neighbor stranger local customer client tourist visitor pensioner mourner`)

// identifiedAdverbs may stand in "identified only as".
var identifiedAdverbs = toSet(`only simply publicly officially formally later`)

// taggedName reports whether words [i, j) are a name the tagger tagged,
// of two words or more, with no portfolio in it: "an aide of Zubair Aslam
// Khan" (not "the King of Liang", "Director-General of Safeguards Pierre
// Goldschmidt").
func (sc *sentenceScan) taggedName(i, j int) bool {
	return j-i >= 2 && sc.taggedLabel(i) == "PER" && !sc.pluralNoun(sc.words[i]) &&
		!slices.ContainsFunc(sc.words[i:j], func(w string) bool { return sc.e.titles.IsPortfolio(strings.ToLower(w)) })
}

// pluralNoun reports whether w looks like an English plural, not a given
// name: "Corridors", "Safeguards"; not "Andrés", "Carlos".
func (sc *sentenceScan) pluralNoun(w string) bool {
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && isASCIIWord(w) && !sc.e.gaz.GivenName(w)
}

// isASCIIWord reports whether w is made of ASCII letters only.
func isASCIIWord(w string) bool {
	for _, r := range w {
		if r > unicode.MaxASCII || !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

// pastPortfolio returns where the name in [i, j) starts after the end of
// a portfolio the lexicon lacks: a plural noun before a given name, as in
// "Minister of Transport and Economic Corridors Ana Ruiz"; i when there is
// none.
func (sc *sentenceScan) pastPortfolio(i, j int) int {
	for m := i + 1; m+1 < j; m++ {
		w := sc.words[m-1]
		if sc.e.gaz.CommonGivenName(w) {
			break
		}
		if sc.e.gaz.CommonGivenName(sc.words[m]) && strings.HasPrefix(sc.toks[m-1].Tag, "NN") && sc.pluralNoun(w) {
			return m
		}
	}
	return i
}

// introducedPeople finds the names that a clause about a person gives: "a
// boy named Ivan", "a woman called Ana Ruiz", "the victim, identified only
// as Maria". The noun must be a person's within four words before the verb,
// so that "a village called Bala" and "the ship was identified as Orion"
// are no one.
func (sc *sentenceScan) introducedPeople() {
	w := sc.words
	for i := 1; i+1 < len(w); i++ {
		k := i + 1
		switch w[i] { // as written inside a sentence
		case "named", "called":
			if !lowercase.Get(personNouns, w[i-1]) && !lowercase.Get(kinNouns, w[i-1]) {
				continue
			}
		case "identified":
			if k < len(w) && identifiedAdverbs[w[k]] {
				k++
			}
			if k >= len(w) || w[k] != "as" {
				continue
			}
			k++
			if !slices.ContainsFunc(w[max(0, i-4):i], func(x string) bool {
				return lowercase.Get(personNouns, x) || lowercase.Get(kinNouns, x)
			}) {
				continue
			}
		default:
			continue
		}
		if k >= len(w) || !isCapitalized(w[k]) || notNames[w[k]] || sc.geoAt(k) {
			continue
		}
		j := sc.nameRun(k)
		if j == k || j-k > 3 || j < len(w) && isCapitalized(w[j]) {
			continue
		}
		sc.add(k, j, pipeline.Person, prioRule, 0.85)
		i = j - 1
	}
	sc.apposedPeople()
}

// describedNameEnd returns the end of two or three name words in
// capitals from token k that a comma follows, a name an apposition may
// describe: no title, honorific, body's or common words, not opening with
// a country or a region and not wholly a place the gazetteer knows. It is
// k when there is none.
func (sc *sentenceScan) describedNameEnd(k int) int {
	// (A country's or a region's name opens no one's: "Texas Gulf".)
	if m, ok := sc.placeAt(k); ok && m.Entries[0].Kind != gazetteer.City {
		return k
	}
	j := k
	for j < len(sc.words) && j < k+3 && isCapitalized(sc.words[j]) && isNameWord(sc.words[j], false) && !namesBody(sc.words[j]) &&
		!isAllCaps(sc.words[j]) && !strings.Contains(sc.words[j], ".") && !sc.e.gaz.LowerWord(strings.ToLower(sc.words[j])) {
		j++
	}
	// (Not a place before a name a given name opens: "in Atlanta | Ann
	// Kerr, defence lawyer".)
	if j < k+2 || j >= len(sc.words) || sc.words[j] != "," || sc.titleAt(k) || lowercase.Get(honorifics, sc.words[k]) ||
		slices.ContainsFunc(sc.words[k+1:j], sc.e.gaz.CommonGivenName) ||
		slices.ContainsFunc(sc.gaz, func(m gazetteer.Match) bool { return m.Start <= k && m.End >= j }) {
		return k
	}
	return j
}

// apposedPeople finds the names set beside a common noun for a person:
// "a seven-year-old girl, Elif, was", "whose son Daan was", and "Sutarmin,
// a fisherman from Lamongan," (a name of one or two words; not a place's:
// "Lamongan, a fishing town").
func (sc *sentenceScan) apposedPeople() {
	w := sc.words
	// (A partner may be a firm's: "former partner Fiat".)
	person := func(x string) bool {
		return x != "partner" && (lowercase.Get(personNouns, x) || lowercase.Get(kinNouns, x))
	}
	name := func(k int) int {
		j := sc.nameRun(k)
		if j == k || j-k > 2 || notNames[w[k]] || sc.geoAt(k) || sc.e.gaz.LowerWord(strings.ToLower(w[k])) || j < len(w) && isCapitalized(w[j]) {
			return k
		}
		return j
	}
	for i := 0; i+2 < len(w); i++ {
		// "a girl, Elif,", "his son Daan"
		if startsLower(w[i]) && person(w[i]) && (w[i+1] == "," || lowercase.Get(kinNouns, w[i])) {
			k := i + 1
			if w[k] == "," {
				k++
			}
			if j := name(k); j > k && (w[k-1] != "," || j < len(w) && (w[j] == "," || w[j] == ".")) && (j >= len(w) || !isPossessive(w[j])) {
				sc.add(k, j, pipeline.Person, prioRule, 0.8)
			}
		}
	}
	// "Sutarmin, a fisherman", "Abdi, a 12-year-old boy", "Musa Dogo, a
	// trader" (a word the lexicon keeps for people), "Musa Dogo, 52,"
	for k := 0; k+3 < len(w); k++ {
		if k > 0 && (isCapitalized(w[k-1]) || lowercase.Get(articles, w[k-1])) || !isCapitalized(w[k]) {
			continue
		}
		j := name(k)
		// (A surname that is also a town's, which the name's run stops
		// at and the tagger reads as a place: "Musa Bello, a trader" is
		// no place.)
		if j < k+2 && sc.taggedLabel(k) == "LOC" {
			if e := sc.describedNameEnd(k); e > j {
				j = e
			}
		}
		if j-k >= 2 && sc.ageAt(j) {
			sc.add(k, j, pipeline.Person, prioRule, 0.8)
			continue
		}
		if j == k || j+2 >= len(w) || w[j] != "," || w[j+1] != "a" && w[j+1] != "an" || slices.ContainsFunc(w[k:j], isOrgHead) {
			continue
		}
		aged := false
		for m := j + 2; m < len(w) && m < j+5; m++ {
			// (A firm may be "a trader" or "a member" of an exchange; "a
			// 52-year-old trader" is a person, and so is a member a given
			// name opens.)
			noun := person(w[m]) || aged && firmRoleNouns[w[m]] || sc.personNounAt(m) && (w[m] != "member" || sc.givenName(w[k]))
			if noun && startsLower(w[m]) && (m+1 == len(w) || !strings.HasPrefix(sc.toks[m+1].Tag, "NN")) {
				sc.add(k, j, pipeline.Person, prioRule, 0.8) // (the noun heads its phrase: not "a local phone firm")
				break
			}
			// (Adjectives and an age before the noun: "a 12-year-old
			// boy"; not another noun's, "a phone service provider".)
			if isCapitalized(w[m]) || strings.HasPrefix(sc.toks[m].Tag, "NN") && !strings.Contains(w[m], "-") {
				break
			}
			aged = aged || isAge(w[m])
		}
	}
}

// demonymPeople finds the name the tagger left out after a demonym that
// names a person, "New Zealander Tane Rātahi", "Swede Ingvar Lönn": two
// or three name words, none of them a common word, a title or a place,
// and no capitalised word after them ("Swede Ingvar Lönn", not "Dutchman
// Tulip Growers Association").
func (sc *sentenceScan) demonymPeople() {
	w := sc.words
	for _, m := range sc.gaz {
		k := m.End
		// (After "fellow" any demonym is a noun for a person: "her fellow
		// Kenyan Alice Timbilil".)
		if m.Entries[0].Kind != gazetteer.Demonym || !personDemonym(w[k-1]) && !(m.Start > 0 && strings.EqualFold(w[m.Start-1], "fellow")) || k >= len(w) {
			continue
		}
		j := sc.nameRun(k)
		if j-k < 2 || j-k > 3 || j < len(w) && isCapitalized(w[j]) {
			continue
		}
		if slices.ContainsFunc(w[k:j], func(x string) bool { return sc.e.gaz.LowerWord(strings.ToLower(x)) || notNames[x] }) {
			continue
		}
		// The tagger's reading stands, unless it ran the demonym into the
		// name ("Dane Kasper Holm").
		if slices.ContainsFunc(sc.tagged, func(sp ner.Span) bool {
			return sp.Start < j && k < sp.End && !(sp.Label == "PER" && sp.Start == m.Start && sp.End == j)
		}) {
			continue
		}
		if sc.titleReaches(j) || sc.gazetteerIn(k, j, func(gazetteer.Match) bool { return true }) {
			continue
		}
		sc.add(k, j, pipeline.Person, prioRule, 0.8)
	}
}

// personDemonym reports whether a demonym is a noun for a person
// ("Zealander", "Swede", "Frenchman"), not an adjective as well
// ("Kenyan", "Swedish").
func personDemonym(w string) bool {
	return strings.HasSuffix(w, "man") || strings.HasSuffix(w, "woman") || strings.HasSuffix(w, "er") || strings.HasSuffix(w, "ard") || personDemonyms[w]
}

// personDemonyms are the demonyms that are nouns for a person only,
// with no suffix that says so.
var personDemonyms = toSet(`Swede Dane Scot Finn Pole Turk Briton Serb Croat Slovene Kurd`)

// placePreps open a phrase of place.
var placePreps = toSet(`in at across throughout inside outside near within`)

// appositivePeople finds "Jane Doe, the foreign minister," and "Jane Doe,
// Egypt's foreign minister".
func (sc *sentenceScan) appositivePeople() {
	for i := 0; i < len(sc.words); i++ {
		if !isCapitalized(sc.words[i]) || (i > 0 && isNameWord(sc.words[i-1], true)) {
			continue
		}
		// "China's trade minister, Gao Mingyuan, said": a name of two
		// words or more set off after a title in lower case (or "his
		// successor"), then a comma or a verb; a place's name may open it.
		if i >= 2 && sc.words[i-1] == "," && startsLower(sc.words[i-2]) && (sc.titleBefore(i-1) || sc.portfolioTitleBefore(i-1) || successionNouns[sc.words[i-2]] || sc.titleOfNounBefore(i-1)) {
			if k := sc.capitalRun(i); k-i >= 2 && !timeWord(sc.words[k-1]) && k < len(sc.words) && (sc.words[k] == "," || sc.toks[k].Tag == "VBD") &&
				!slices.ContainsFunc(sc.words[i:k], func(w string) bool { return namesBody(w) || bornWord(w) }) && !slices.ContainsFunc(sc.gaz, func(m gazetteer.Match) bool { return m.Start == i && m.End >= k }) {
				sc.add(i, k, pipeline.Person, prioRule, 0.85)
				i = k
				continue
			}
		}
		j := sc.nameRun(i)
		start := sc.pastTitle(i)
		// (A name the tagger reads as a place for a word a place's name
		// shares: "Florencia Agüero, the festival's director".)
		described := false
		if j-start < 2 && start == i && sc.taggedLabel(i) == "LOC" {
			if e := sc.describedNameEnd(i); e > j {
				j, described = e, true
			}
		}
		if j-start < 2 || j+1 >= len(sc.words) || sc.words[j] != "," {
			i = max(i, j-1)
			continue
		}
		// "the Ministry of Coastal Relations, ambassador X": a body's name
		// goes on after "of"; "In Western Cape, party leader X": a place
		// after a preposition of place that opens the sentence (not "trust
		// in X, head of ...").
		if start >= 2 && sc.words[start-1] == "of" && isOrgHead(sc.words[start-2]) || start == 1 && lowercase.Get(placePreps, sc.words[0]) {
			i = j
			continue
		}
		if sc.roleFollows(j+1, described) {
			// ("Speaking to Sky News Mark Dale, general secretary of
			// ...": the body's name before a given name is no part of his.)
			for m := start + 1; m+1 < j; m++ {
				if (orgHeads[sc.words[m-1]] || sc.words[m-1] == "News") && sc.e.gaz.CommonGivenName(sc.words[m]) {
					start = m
				}
			}
			// ("Italy's Gruppo Mantelli, chairman X": a body's word
			// makes it no one's name.)
			if k := sc.pastPortfolio(start, j); !slices.ContainsFunc(sc.words[k:j], namesBody) {
				sc.add(k, j, pipeline.Person, prioRule, 0.85)
			}
		}
		i = j
	}
}

// militaryUnitHeads end the names of military units, which open with
// their number.
var militaryUnitHeads = toSet(`Division Brigade Battalion Regiment Corps Fleet Infantry Squadron Cavalry Marines Armored Armoured`)

// clubOpeners open the names of sports clubs in many languages, never a
// person's: "Deportivo Almendral", "Sporting Braga", "Dinamo Ostrava".
var clubOpeners = toSet(`Deportivo Atlético Atletico Sporting Racing Club Olympique Stade Dynamo Dinamo Lokomotiv Spartak Borussia`)

// orgHeads end the names of organisations.
var orgHeads = toSet(`Ministry Department Office Agency Council Committee Subcommittee Commission Parliament Unit
Assembly Senate Congress Court Tribunal Army Navy Police Guard Guards Forces Corps Party Front
Movement Union Organization Organisation Association Federation University Institute Bank Fund
Company Corporation Corp Co Inc Ltd Group Authority Service Services Bureau Secretariat Embassy
Consulate Foundation Fellowship League Alliance Coalition Bloc Brigade Brigades Airlines Airways Air Network Agency
Times Post Telegraph Herald Journal Tribune Gazette Daily Chronicle Observer Courier Mirror Examiner Inquirer
Sentinel Bulletin Monitor Magazine Review Standard Advertiser Dispatch
Centre Center Board Cabinet Presidency Directorate Administration Command Mission
Band Films Pictures Farms Petroleum Pipeline Mining Shipping Weekly Brothers Digital
Confederation Consortium Society Syndicate Chamber Institution Orchestra Choir Ensemble Survey Observatory Laboratory Library
Regiment Battalion Division Fusiliers Highlanders Borderers Rifles Dragoons Hussars Lancers Commandos
Construction Holdings Industries Partners Associates Consulting Capital Motors Enterprises Solutions
Technologies Systems Pharmaceuticals Laboratories Labs Communications Entertainment Studios Records Utd
Publishing Publishers Investments Ventures Properties Logistics Insurance Securities Holding Berhad Bhd
Interactive Analytics Media Insights Forum Advisors Advisers Trust College School Academy Polytechnic
Nasional Nacional Diario Plc PLC LLC GmbH Limited
Dairy Dairies Paints Chemicals Textiles Cement Brewery Breweries Electronics Foods Exchange Bourse Boerse Shimbun Zeitung
Minerals Managers
Resources Chemical Electric Aviation Savings Metals Investors Garments Wholesale Aircraft Railroad Worldwide
Telecom Telecoms Telecommunications Property Realty Developers Stockbrokers Brokers Brokerage
Trading Robotics Engineering Pharma Distillery Semiconductor Semiconductors Software Networks Exports Imports Aerospace Biotech
Resorts Hotels`)

// marketWords before "leader" say what a firm leads.
var marketWords = toSet(`market sector industry`)

// personalDescriptors are the lowercase words for a person that stand
// before a name only when it is a person's (the title lexicon's
// descriptors less those that also modify a team's, a firm's or a
// thing's name: "rival", "star", "player", "driver", "model").
var personalDescriptors = toSet(`cleric actor actress singer rapper musician comedian filmmaker novelist poet painter sculptor
activist campaigner whistleblower businessman businesswoman entrepreneur billionaire tycoon politician dissident
philanthropist socialite playwright screenwriter songwriter composer guitarist pianist violinist mountaineer explorer
farmer trader exporter importer shopkeeper fisherman villager pensioner retiree vendor
champion runner-up striker midfielder defender goalkeeper winger sprinter swimmer cyclist boxer golfer jockey athlete skier batsman bowler`)

// timeAdjectives say when someone holds a post; alone, capitalised,
// they name nothing.
var timeAdjectives = toSet(`New Former Incoming Outgoing Acting Interim Retiring`)

// nameMonths are month names that are also personal names.
var nameMonths = toSet(`May June April August`)

func isDigits(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}

// unitHeads name units of a body; they make an organisation after an
// acronym even in lower case ("MENA department").
var unitHeads = toSet(`department ministry office agency committee commission council division unit bureau section directorate`)

// orgLinks may stand inside an organisation's name.
var orgLinks = toSet(`of for and on the de`)

// organisations finds capitalised names that end in an organisation head
// noun ("Russian Foreign Ministry", "Ministry of Foreign Affairs") and an
// acronym before a unit noun in any case ("MENA department").
func (sc *sentenceScan) organisations() {
	w := sc.words
	for i := 0; i < len(w); i++ {
		// ("Brightwater plc": a company's suffix heads its name in any case.)
		corp := i > 0 && w[i] == "plc"
		if !orgHeads[titleWord(w[i])] && !corp {
			continue
		}
		head := i
		// A lower-case unit noun counts after an acronym that is not a
		// place: "MENA department", not "U.S. airlines".
		unit := head > 0 && isAllCaps(w[head-1]) && len(w[head-1]) > 1 && lowercase.Get(unitHeads, w[head]) && !sc.geoAt(head-1)
		if !isCapitalized(w[head]) && !unit && !corp {
			continue
		}
		// Extend right over "of Trade and Industry", not over "on Wednesday",
		// nor over a title before someone's name ("Bank of Chile |
		// Governor Dr Ana Ruiz").
		end := head + 1
		for end+1 < len(w) && orgLinks[w[end]] && w[end] != "and" {
			k := end + 1
			// ("Movement for a Democratic Society": an article inside.)
			if (w[k] == "a" || w[k] == "an") && w[end] != "the" && k+1 < len(w) {
				k++
			}
			if !isCapitalized(w[k]) || w[k] == "The" || notNames[w[k]] {
				break
			}
			from := k
			for k < len(w) && k < from+4 && isCapitalized(w[k]) && !isPossessive(w[k]) && !notNames[w[k]] && !sc.titleBeforeName(k) && !sc.nameAfterCountry(k) {
				k++
			}
			if k == from {
				break // "the party of | Prime Minister Ana Ruiz"
			}
			end = k
		}
		// Extend left over capitalised words and acronyms, at most five,
		// and not over a sentence's capitalised first word unless it is a
		// proper noun ("Until Congress").
		start := head
		for start > 0 && head-start < 5 {
			p := w[start-1]
			// "the 7th Division", "101st Airborne Division": a unit's
			// number opens its name.
			if militaryUnitHeads[w[head]] && isOrdinal(p) && isDigits(p[:1]) {
				start--
				break
			}
			// ("the Sunday Telegraph": a weekday names a paper it heads.)
			weekdayPaper := start == head && isWeekdayName(p) && paperHeads[w[head]] && end == head+1 &&
				(end == len(w) || !isCapitalized(w[end])) && (start < 2 || !strings.EqualFold(w[start-2], "on"))
			if isPossessive(p) || notNames[p] && !weekdayPaper || !(isCapitalized(p) || isAllCaps(p)) || strings.HasSuffix(p, ".") && len(p) > 2 && !isAllCaps(p) || placedByWord(p) {
				break // ("the UN-backed | Harbour Board")
			}
			// "Assistant | Treasury Secretary"; but "General" right before
			// the head is the body's ("General Administration of Customs").
			if lp := strings.ToLower(p); (sc.e.titles.IsHead(lp) || sc.e.titles.IsModifier(lp)) && !(p == "General" && start == head) {
				break
			}
			if start-1 == 0 && !strings.HasPrefix(sc.toks[0].Tag, "NNP") {
				break
			}
			start--
		}
		// A lone capitalised head at a sentence start or in a heading is
		// a common noun ("Police said", "The Office").
		if start == head && end == head+1 {
			i = end - 1
			continue
		}
		if sc.kind == pipeline.Heading && start == head {
			i = end - 1
			continue
		}
		// "the Reagan Administration": a body named after a person names
		// the person, as the tagger's "Trump administration" does; over
		// the tagger's body, as the corpora read a name before
		// "administration" (a person 151 times, a body twice).
		if end == head+1 && head-start <= 2 && lowercase.Get(eponymHeads, w[head]) && sc.plausibleName(start, head) && sc.properNouns(start, head) && sc.namedBody(start, head) &&
			(start == 0 || strings.EqualFold(w[start-1], "the") || startsLower(w[start-1]) && !orgLinks[w[start-1]]) {
			sc.add(start, head, pipeline.Person, prioRule, 0.8).Source = pipeline.SourceRule
			i = end - 1
			continue
		}
		if sc.inPortfolio(start, end) {
			i = end - 1
			continue // "Armed Forces | Minister": a portfolio, no body
		}
		c := sc.add(start, end, pipeline.Org, prioTagger, 0.8)
		c.Source = pipeline.SourceRule
		if !corp {
			c.Canonical = titleCaseWords(c.Text)
		}
		i = end - 1
	}
}

// placesBeforeLocalPosts reads as a place what the tagger took for a
// person's name right before "mayor" or "governor" and the holder's name:
// "Agios Petros mayor Stelios Manolakis", where a person's name before a
// post is its holder's employer only for posts a person gives ("Nixon
// aide X").
func (sc *sentenceScan) placesBeforeLocalPosts() {
	for _, sp := range sc.tagged {
		k := sp.End
		if sp.Label != "PER" || sp.End-sp.Start > 3 || k+1 >= len(sc.words) || !localPostHeads[sc.words[k]] ||
			!isCapitalized(sc.words[k+1]) || sc.e.gaz.CommonGivenName(sc.words[sp.Start]) {
			continue
		}
		sc.add(sp.Start, sp.End, pipeline.Place, prioRule, 0.8).Source = pipeline.SourceRule
	}
}

// localPostHeads are posts named after the place they govern.
var localPostHeads = toSet(`mayor governor`)

// staffFirms adds the name after a market professional's title and "at"
// as a body's, where nothing stronger reads it: "an analyst at 4Cast",
// "chief economist at Lakeview Capital". The corpora put a body there
// 178 times in 188.
func (sc *sentenceScan) staffFirms() {
	w := sc.words
	for i := 2; i < len(w); i++ {
		if w[i-1] != "at" || !firmStaff[w[i-2]] || !firmNameWord(w[i]) {
			continue
		}
		end := i + 1
		for end < len(w) && end < i+5 && firmNameWord(w[end]) && !isPossessive(w[end]) {
			end++
		}
		if end < len(w) && isPossessive(w[end]) {
			continue // "an analyst at Ana Ruiz's firm"
		}
		sc.add(i, end, pipeline.Org, prioEcho, 0.7).Source = pipeline.SourceRule
		i = end - 1
	}
}

// firmNameWord reports whether w can be a word of a firm's name:
// capitalised, or a number with capitals ("4Cast", "7Days").
func firmNameWord(w string) bool {
	if isCapitalized(w) {
		return !notNames[w]
	}
	return w != "" && w[0] >= '0' && w[0] <= '9' && strings.ContainsFunc(w, unicode.IsUpper)
}

// titleWord upper-cases the first letter: "department" -> "Department".
func titleWord(w string) string {
	r, size := utf8.DecodeRuneInString(w)
	if size == 0 || !unicode.IsLower(r) {
		return w
	}
	return string(unicode.ToUpper(r)) + w[size:]
}

// titleCaseWords capitalises each lowercase word except links:
// "MENA department" -> "MENA Department".
func titleCaseWords(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		if i > 0 && orgLinks[w] {
			continue
		}
		f[i] = titleWord(w)
	}
	return strings.Join(f, " ")
}

// tagBlock is the most sentences the entity model reads at once: far more
// than a news story has, so that it sees the whole of one, and few
// enough that a huge document does not hold the model's per-word working
// set for all its words at once.
const tagBlock = 1000

// tagDoc runs readout's entity model over the document, a story (a block
// of tagBlock sentences) at a time, so that it can use what the story
// says elsewhere about a word.
func (e *Entities) tagDoc(ctx context.Context, d *pipeline.Doc) ([][]ner.Span, error) {
	out := make([][]ner.Span, 0, len(d.Sentences))
	words := make([][]string, 0, min(tagBlock, len(d.Sentences)))
	tags := make([][]string, 0, cap(words))
	var base []string // the words and tags of one block, in one allocation
	for a := 0; a < len(d.Sentences); a += tagBlock {
		block := d.Sentences[a:min(a+tagBlock, len(d.Sentences))]
		n := 0
		for _, s := range block {
			n += s.EndToken - s.FirstToken
		}
		if cap(base) < 2*n {
			base = make([]string, 2*n)
		}
		words, tags = words[:0], tags[:0]
		buf := base[:2*n]
		for _, s := range block {
			toks := d.Tokens[s.FirstToken:s.EndToken]
			w, t := buf[:len(toks):len(toks)], buf[len(toks):2*len(toks):2*len(toks)]
			buf = buf[2*len(toks):]
			for k, tk := range toks {
				w[k], t[k] = asciiQuotes(tk.Text), tk.Tag
			}
			words, tags = append(words, w), append(tags, t)
		}
		spans, err := e.model.TagContext(ctx, words, tags)
		if err != nil {
			return nil, err
		}
		out = append(out, spans...)
	}
	return out, nil
}

// asciiQuotes writes typographic apostrophes and quotation marks as the
// ASCII ones the tagger learnt from: "Labour’s" is "Labour's" to it.
func asciiQuotes(w string) string {
	switch w {
	case "’s", "‘s":
		return "'s"
	case "’", "‘":
		return "'"
	case "“", "”":
		return "\""
	}
	return w
}

// wholeNames joins the tagger's person spans that a lowercase particle
// between them cut one name into: "Hamad | bin | Khalid Al Thani"; and
// gives a span the surname with a joined particle that follows it,
// "Moqtada | al-Sadr", "Mohammed | Shia al-Sudani", when the span is a
// person or opens with a known given name.
func (sc *sentenceScan) wholeNames(spans []ner.Span) []ner.Span {
	var out []ner.Span
	for _, sp := range sc.splitAtTitle(sc.splitPersonOfBody(sc.splitAtAt(sc.splitPartyPortfolio(spans)))) {
		if k := sc.particleSurname(sp.End); k > 0 && (sp.Label == "PER" || sp.End-sp.Start == 1 && sc.givenName(sc.words[sp.Start])) &&
			!slices.ContainsFunc(spans, func(o ner.Span) bool { return o.Start >= sp.End && o.Start < k }) {
			sp.Label, sp.End = "PER", k
		}
		if sp.Label != "PER" {
			// "Volkswagen | do | Brasil", "Banca | di | Roma": a Romance
			// particle between a body and a name joins them into the
			// body's name (not after a given name: "Arjan de Zeeuw").
			if n := len(out); n > 0 && out[n-1].Label == "ORG" && out[n-1].End+1 == sp.Start && bodyParticles[sc.words[sp.Start-1]] &&
				!(out[n-1].End-out[n-1].Start == 1 && sc.givenName(sc.words[out[n-1].Start])) {
				out[n-1].End = sp.End
				continue
			}
			out = append(out, sp)
			continue
		}
		if sp.End-sp.Start >= 2 && sc.nameOpensAfterComma(sp.Start) && !slices.ContainsFunc(spans, func(o ner.Span) bool { return o.End == sp.Start }) {
			sp.Start--
		}
		// "Labour's Fiona | Gallacher MP": a given name the tagger left
		// out just before a person opens the name.
		if k := sp.Start - 1; k > 0 && sc.toks[k].Tag == "NNP" && sc.nameOnlyGiven(k) &&
			!covered(spans, k) {
			sp.Start = k
		}
		// "chief executive | Anand | Kulkarni": a city between a title and
		// a person is the person's given name; no place stands there.
		if k := sp.Start - 1; k > 0 && sc.toks[k].Tag == "NNP" && sc.titleBefore(k) && sc.gazetteerEnds(k, k+1, gazetteer.City) &&
			!covered(spans, k) {
			sp.Start = k
		}
		// ("Bingu | wa | Mutharika": one word before a particle of
		// patronymics is the person's given name whatever the tagger took
		// it for; "Folha | de | ..." may be a newspaper's.)
		if n := len(out); n > 0 && (out[n-1].Label == "PER" || out[n-1].End-out[n-1].Start == 1 && patronymParticles[sc.words[sp.Start-1]]) && out[n-1].End+1 == sp.Start && nameParticles[sc.words[sp.Start-1]] {
			out[n-1].End, out[n-1].Label = sp.End, "PER"
			continue
		}
		// "KM | Nurul Huda": initials written without full stops open
		// the name that follows them; so does a known given name the
		// tagger began a person of its own at ("Hamish | Drummond MP").
		if n := len(out); n > 0 && out[n-1].Label == "PER" && out[n-1].End == sp.Start && out[n-1].End-out[n-1].Start == 1 && (sc.initialsAt(out[n-1].Start) || sc.nameOnlyGiven(out[n-1].Start) && !isInitial(sc.words[sp.Start])) {
			out[n-1].End = sp.End
			continue
		}
		out = append(out, sp)
	}
	return out
}

// covered reports whether token k lies inside one of spans.
func covered(spans []ner.Span, k int) bool {
	return slices.ContainsFunc(spans, func(o ner.Span) bool { return o.Start <= k && k < o.End })
}

// nameOnlyGiven reports whether the word at k is a given name and no
// common word ("Fiona", not "Will", "Free" or "May").
func (sc *sentenceScan) nameOnlyGiven(k int) bool {
	w := sc.words[k]
	return sc.e.gaz.CommonGivenName(w) && !sc.e.gaz.LowerWord(strings.ToLower(w)) && !timeWord(w)
}

// prefixedAdjective reports whether w is an English prefix in lower case
// joined to a name ("anti-Tory", "pro-Western", "non-EU"): an adjective.
// Name particles joined the same way ("al-Sadr", "el-Sisi") are names.
func prefixedAdjective(w string) bool {
	prefix, rest, ok := strings.Cut(w, "-")
	return ok && englishPrefixes[prefix] && isCapitalized(rest)
}

// englishPrefixes open English compounds: "anti-war", "re-run", "hi-fi".
var englishPrefixes = toSet(`anti pro non ex neo pan post pre mid trans cross inter intra counter ultra co re de bi hi wi`)

// bodyParticles join the words of a body's name in Portuguese, Spanish,
// Italian and French.
var bodyParticles = toSet(`do da dos das de del della di du des`)

// patronymParticles join a given name to a father's or a clan's name,
// in personal names only.
var patronymParticles = toSet(`wa bin ibn bint arap`)

// nameInfixes are words only personal names have inside, written in
// capitals: the particles of Irish surnames ("Ó Murchú", "Ní Bhriain",
// "Nic Giolla") and the Vietnamese middle names Thị and Văn ("Trần Thị
// Mai").
var nameInfixes = toSet(`Ó Ní Nic Uí Mhic Thị Văn`)

// plainNameWord reports whether word k is a name word that is no place
// the gazetteer knows and no title.
func (sc *sentenceScan) plainNameWord(k int) bool {
	return k >= 0 && k < len(sc.words) && isNameWord(sc.words[k], false) && !sc.geoAt(k) && !sc.e.titles.IsHead(strings.ToLower(sc.words[k]))
}

// infixedName reports whether words [i, j) are name words with such a
// word inside ("Declan Ó Murchú", "Lưu Văn Khoa"): a person's, whatever
// the tagger read.
func (sc *sentenceScan) infixedName(i, j int) bool {
	return j-i >= 3 && slices.ContainsFunc(sc.words[i+1:j-1], func(w string) bool { return nameInfixes[w] }) &&
		isNameWord(sc.words[i], false) && isNameWord(sc.words[j-1], false)
}

// splitPartyPortfolio cuts the portfolio off a party's or a country's
// name that the tagger read as one body with it before a title: "Tory |
// Treasury spokesman", "Lib Dem | Health spokesman" hold a party's
// portfolio, not a post in the Treasury.
func (sc *sentenceScan) splitPartyPortfolio(spans []ner.Span) []ner.Span {
	for i, sp := range spans {
		if sp.Label != "ORG" || sp.End >= len(sc.words) || !sc.e.titles.IsHead(strings.ToLower(sc.words[sp.End])) {
			continue
		}
		k := sp.Start
		for k < sp.End && partyMembers[sc.words[k]] {
			k++
		}
		// "United States | Trade Representative": so is a country's (but
		// "U.S. Treasury" is a body).
		label := sp.Label
		if m, ok := sc.placeAt(sp.Start); k == sp.Start && ok && m.Entries[0].Kind == gazetteer.Country && sc.words[sp.End-1] != "Treasury" {
			k, label = m.End, "LOC"
		}
		p := k
		for p < sp.End && sc.e.titles.IsPortfolio(strings.ToLower(sc.words[p])) {
			p++
		}
		if k > sp.Start && k < sp.End && p == sp.End {
			spans[i].End, spans[i].Label = k, label
		}
	}
	return spans
}

// splitAtTitle splits a body's span the tagger ran across a second
// person's post: "Lakeside Bank and Director of Harwick Board" names two
// bodies, the title between them no body.
func (sc *sentenceScan) splitAtTitle(spans []ner.Span) []ner.Span {
	var out []ner.Span
	for _, sp := range spans {
		if sp.Label == "ORG" {
			for k := sp.Start + 1; k+3 < sp.End; k++ {
				if sc.words[k] != "and" || !isCapitalized(sc.words[k+1]) {
					continue
				}
				if n, _ := sc.e.titles.Match(sc.words, k+1); n > 0 && k+1+n < sp.End-1 && (sc.words[k+1+n] == "of" || sc.words[k+1+n] == "at") {
					out = append(out, ner.Span{Start: sp.Start, End: k, Label: sp.Label, Confidence: sp.Confidence})
					sp.Start = k + 2 + n
					k = sp.Start
				}
			}
		}
		out = append(out, sp)
	}
	return out
}

// splitAtAt splits a span the tagger ran across "AT" in a run of
// capitals, as a schedule writes it: "LAKEVIEW AT HARWICK" names two teams
// or a team and its venue, never one body.
func (sc *sentenceScan) splitAtAt(spans []ner.Span) []ner.Span {
	var out []ner.Span
	for _, sp := range spans {
		for k := sp.Start + 1; k < sp.End-1; k++ {
			if sc.words[k] == "AT" && isAllCaps(sc.words[k-1]) && isAllCaps(sc.words[k+1]) {
				out = append(out, ner.Span{Start: sp.Start, End: k, Label: sp.Label, Confidence: sp.Confidence})
				sp.Start = k + 1
			}
		}
		out = append(out, sp)
	}
	return out
}

// splitPersonOfBody splits a body's span that opens with a person's name
// and "of" into the person and the body: "Julius Hale of Nordbank Inc"
// said is Julius Hale, of Nordbank Inc. The name is a known given name
// and one or two more name words, none a body's head; the body ends in
// one ("Inc", "Bank", "Times"; not the song "Bright Side of Life").
func (sc *sentenceScan) splitPersonOfBody(spans []ner.Span) []ner.Span {
	var out []ner.Span
	for _, sp := range spans {
		if sp.Label == "ORG" && sc.givenName(sc.words[sp.Start]) {
			for k := sp.Start + 2; k <= sp.Start+3 && k+1 < sp.End; k++ {
				if sc.words[k] != "of" {
					continue
				}
				if isOrgHead(sc.words[sp.End-1]) && !slices.ContainsFunc(sc.words[sp.Start+1:k], func(w string) bool { return !isNameWord(w, false) || namesBody(w) }) {
					out = append(out, ner.Span{Start: sp.Start, End: k, Label: "PER", Confidence: sp.Confidence})
					sp.Start = k + 1
				}
				break
			}
		}
		out = append(out, sp)
	}
	return out
}

// initialsAt reports whether token k is two or three capital letters
// that name nothing the gazetteer knows: a person's initials.
func (sc *sentenceScan) initialsAt(k int) bool {
	w := sc.words[k]
	return len(w) >= 2 && len(w) <= 3 && isAllCaps(w) && !sc.geoAt(k) && !sc.gazetteerEnds(k, k+1, gazetteer.Org) && !sc.titleAt(k)
}

// nameOpensAfterComma reports whether the word before a tagged name at i
// opens it: a proper noun of no other use right after a comma, as in an
// apposition ("The mayor of Surabaya, Susilo Bambang Wiratmo,").
// The tagger sometimes leaves out a first name it has not seen. (The
// caller asks only of names of two words or more: "Sleeping Lion,
// Silent Crane" is a film.)
func (sc *sentenceScan) nameOpensAfterComma(i int) bool {
	if i < 2 || sc.words[i-2] != "," {
		return false
	}
	w := sc.words[i-1]
	return sc.toks[i-1].Tag == "NNP" && isNameWord(w, true) && !isAllCaps(w) && !sc.lowerElsewhere(w) &&
		!lowercase.Get(honorifics, w) && !sc.e.titles.IsDescriptor(w) &&
		sc.e.titles.MatchPlural(sc.words, i-1).N == 0 && !sc.geoAt(i-1) && !partyMembers[w] && !lowercase.Get(kinNouns, w) &&
		monthOf(w) == 0 && !isWeekdayName(w)
}

func isWeekdayName(w string) bool { _, ok := weekdays[w]; return ok }

// linkedPlace returns the end of a place's name that goes on after j
// with a lower-case link and a river or region, as Dutch, German and
// French towns do ("Frankfurt am Main", "Bergen op Zoom", "Halle an der
// Saale"); j when it does not.
func (sc *sentenceScan) linkedPlace(j int) int {
	k := j
	if k+1 >= len(sc.words) {
		return j
	}
	// ("an" only before an article, "Halle an der Saale": in English it
	// is one.)
	switch w := sc.words[k]; {
	case (placeLinks[w] || w == "an") && placeArticles[sc.words[k+1]]:
		k += 2
	case placeLinks[w]:
		k++
	default:
		return j
	}
	if k < len(sc.words) && isNameWord(sc.words[k], false) {
		return k + 1
	}
	return j
}

// placeLinks join a town's name to the river or region it lies on, and
// placeArticles may follow them.
var (
	placeLinks    = toSet(`aan op am ob bei sur upon`)
	placeArticles = toSet(`den der de het la le`)
)

// particleSurname returns the end of a surname with a joined particle
// ("al-Sadr") at word i, after at most one capitalised name word ("Shia
// al-Sudani"); 0 when there is none.
func (sc *sentenceScan) particleSurname(i int) int {
	for k := i; k < len(sc.words) && k <= i+1; k++ {
		switch w := sc.words[k]; {
		case particlePrefixed(w):
			return k + 1
		case !isCapitalized(w) || !isNameWord(w, false):
			return 0
		}
	}
	return 0
}

// capsAfterTitleCase reports whether word b, in capitals, follows word a,
// in title case, other than as a company's suffix ("Nordex PLC"): b has
// four letters or more, or three and more capitals follow ("NEW YORK").
func capsAfterTitleCase(a, b string, capsAfter bool) bool {
	n := utf8.RuneCountInString(b)
	return (n >= 4 || n == 3 && capsAfter) && isAllCaps(b) && !strings.Contains(b, ".") && !corpSuffixes[b] &&
		isCapitalized(a) && !isAllCaps(a) && hasLetter(a)
}

// separators never stand inside a name.
var separators = toSet(`| , ; : ( ) [ ] " “ ” ‘ – — -- ―`)

// spacedHyphen reports whether token k is a hyphen standing alone between
// spaces before a word in lower case, a dash that opens an aside: "Peter
// Hale - an Oslo firm". (Corpora that split hyphenated words write
// "Hewlett - Packard" so; a name goes on in capitals.)
func (sc *sentenceScan) spacedHyphen(k int) bool {
	t := sc.toks[k]
	if sc.words[k] != "-" || t.Start == 0 || sc.d.Text[t.Start-1] != ' ' || k+1 >= len(sc.words) {
		return false
	}
	next := sc.words[k+1]
	return !isCapitalized(next) && !lowercase.Get(nameParticles, next)
}

// modelLabels maps the model's labels to readout's.
var modelLabels = map[string]string{"PER": pipeline.Person, "LOC": pipeline.Place, "ORG": pipeline.Org}

// loneGivenName reports whether the word at i is a given name, no common
// word nor a name the gazetteer has, and a surname follows it that no span
// of the model's takes in, no title, common word nor body's head ("Cherie
// | Blair's", not "Lion | King", "Sheffield | United").
func (sc *sentenceScan) loneGivenName(i int) bool {
	w, next := sc.words[i], sc.words[i+1]
	if !sc.givenName(w) && !sc.e.gaz.CommonGivenName(w) || sc.e.gaz.LowerWord(w) || slices.ContainsFunc(sc.gaz, func(m gazetteer.Match) bool { return m.Start <= i && i < m.End }) {
		return false
	}
	// (A thing's name follows a determiner or an adjective: "the Mac
	// Mini", "a less powerful ...".)
	if i > 0 && (sc.toks[i-1].Tag == "DT" || strings.HasPrefix(sc.toks[i-1].Tag, "JJ")) {
		return false
	}
	if i+2 < len(sc.words) && isCapitalized(sc.words[i+2]) {
		return false // a longer name is not read here ("Wang Yi Lun")
	}
	return isCapitalized(next) && !isAllCaps(next) && !strings.Contains(next, ".") && isNameWord(next, false) && sc.taggedLabel(i+1) == "" &&
		!sc.geoAt(i+1) && !sc.titleAt(i+1) && !isOrgHead(next) && !sc.e.gaz.LowerWord(next)
}

// taggedEntities adds the model's spans for this sentence. A span the
// gazetteer also knows takes the gazetteer's canonical name and ids when
// the two agree on the label.
func (sc *sentenceScan) taggedEntities(spans []ner.Span) {
	for _, sp := range sc.wholeNames(spans) {
		label := modelLabels[sp.Label]
		if label == "" || sp.End > len(sc.toks) {
			continue
		}
		// "a Hong Kong-based group": a modifier, no one's name, whether
		// the span takes in the compound or stops before it.
		if label != pipeline.Place && (placedByWord(sc.words[sp.End-1]) || sc.placeRunsInto(sp.End)) {
			continue
		}
		// "States Donald Trump": a span never starts or ends inside a
		// country's name; the gazetteer has that name.
		i, j := sc.outsideCountries(sp.Start, sp.End)
		// Corpora disagree on a leading "the"; readout never includes it,
		// nor a word in lower case other than a particle ("there is no |
		// Santa").
		for i < j && (strings.EqualFold(sc.words[i], "the") || !hasLetter(sc.words[i]) || startsLower(sc.words[i]) && strings.ToLower(sc.words[i]) == sc.words[i] && !nameParticles[sc.words[i]] && !particlePrefixed(sc.words[i])) {
			i++
		}
		// "the Rt | Rev Ann Hale": a style before a name is no body.
		if label != pipeline.Person && j == i+1 && i+1 < len(sc.words) && lowercase.Get(honorificPairs, sc.words[i]+"+"+sc.words[i+1]) {
			continue
		}
		for j > i && (!hasLetter(sc.words[j-1]) || isPossessive(sc.words[j-1])) {
			j--
		}
		// "Cherie | Blair's firm": a lone given name the model took for a
		// body, before a name word it left out, opens a person's name.
		if label == pipeline.Org && j == i+1 && j < len(sc.words) && sc.loneGivenName(i) {
			label, j = pipeline.Person, j+1
		}
		// "Verdi's La Traviata": a person's name ends at a possessive,
		// and a byline's at the acronym of the outlet ("Dave Dale VOA
		// News"), though not at a regnal number ("Henry VIII").
		if label == pipeline.Person {
			if k := slices.IndexFunc(sc.words[i:j], isPossessive); k >= 0 {
				j = i + k
			}
			for k := i + 1; k < j; k++ {
				if w := sc.words[k]; len(w) >= 2 && isAllCaps(w) && !strings.Contains(w, ".") && !romanNumerals[w] && !isAllCaps(sc.words[k-1]) {
					j = k
					break
				}
			}
			// ("comedian Frank Skinner | an MBE": a name ends in a name word.)
			for j > i+1 && startsLower(sc.words[j-1]) && !nameParticles[sc.words[j-1]] && !particlePrefixed(sc.words[j-1]) {
				j--
			}
			// "Ana Ruiz of Tennessee": a place after "of" is the state a
			// person represents or comes from; after one name word it
			// can be a name ("Catherine of Aragon").
			for k := i + 2; k+1 < j; k++ {
				if sc.words[k] == "of" && sc.geoAt(k+1) {
					j = k
					break
				}
			}
		}
		// Never across a separator: "Sudan | Regional"; nor from a word in
		// title case into one in capitals, where a byline runs into a
		// dateline ("Ivo Brandt | BERLIN").
		cut := false
		for k := i; k < j; k++ {
			if separators[sc.words[k]] || sc.spacedHyphen(k) || k > i && capsAfterTitleCase(sc.words[k-1], sc.words[k], k+1 < j && isAllCaps(sc.words[k+1])) {
				j, cut = k, true
				break
			}
		}
		// ("Santo Domingo | — Storm Lena killed": what is left of a span
		// read across a separator is no evidence against a place the
		// gazetteer knows.)
		if cut && label != pipeline.Place {
			if m, ok := sc.placeAt(i); ok && m.End == j && labelOf(m.Entries[0].Kind) == pipeline.Place {
				continue
			}
		}
		// ("the daily El Norte on Monday": a body's or a place's name ends
		// in a name word, and never in a day or a month after a link,
		// "Brightwater Capital | on Friday", but for a Sunday paper's,
		// "The Courier on Sunday".)
		if label != pipeline.Person && sc.datedTail(i, j, label) {
			j -= 2
		}
		// ("the US Treasury | spoke": a verb in lower case ends no name.)
		for label != pipeline.Person && j > i+1 && (trailingLinks[sc.words[j-1]] || startsLower(sc.words[j-1]) && strings.HasPrefix(sc.toks[j-1].Tag, "VB")) {
			j--
		}
		if i == j || label != pipeline.Person && sc.inPortfolio(i, j) {
			continue
		}
		if label == pipeline.Place {
			j = sc.linkedPlace(j)
		}
		// "identified as Pushpa, 40,": an age between commas follows a
		// person, not a place the gazetteer does not know.
		if label == pipeline.Place && j-i == 1 && sc.ageAt(j) && !sc.geoAt(i) {
			label = pipeline.Person
		}
		// "his Trade and Border Protection portfolio": a portfolio's name;
		// "Lima, Mar 21": a month before its day.
		if label == pipeline.Person && j < len(sc.words) && (sc.words[j] == "portfolio" || sc.words[j] == "portfolios" || j-i == 1 && monthOf(sc.words[i]) != 0 && isDigits(sc.words[j])) {
			continue
		}
		// "the Austrian weekly Der Abend": a newspaper's or a channel's
		// name after the noun for it is a body's.
		if label == pipeline.Person && i > 0 && lowercase.Get(mediaNouns, sc.words[i-1]) {
			label = pipeline.Org
		}
		// "Radio 1", "Channel 4": a station's number ends its name.
		if label == pipeline.Org && j < len(sc.words) && stationHeads[sc.words[j-1]] && isDigits(sc.words[j]) && len(sc.words[j]) <= 2 {
			j++
		}
		// "biologist Florencia Aguirre Pons has won": a name the tagger
		// read as a body's right after a lowercase noun for a person is
		// the person's, unless a word of it names a body (OntoNotes
		// train: a person 561 times after such nouns, a body 33).
		if label == pipeline.Org && i > 0 && j-i >= 2 && j-i <= 4 && sc.personNounAt(i-1) && sc.personsName(i, j) {
			label = pipeline.Person
		}
		// "the magazine Spark", "Spark magazine": so is a name the tagger
		// read as a place, next to a noun for a paper and unknown as a
		// place ("a Lagos newspaper" is the city's; a town's is often
		// unknown, "the Greenville newspaper", so not before "newspaper";
		// after "the weekly", as after "the magazine": "the Cairo weekly
		// Al-Hadaf").
		if label == pipeline.Place && (i > 0 && (paperNouns[sc.words[i-1]] || periodicals[sc.words[i-1]]) || j < len(sc.words) && paperNouns[sc.words[j]] && sc.words[j] != "newspaper") && !sc.gazetteerPlaceIn(i, j) {
			label = pipeline.Org
		}
		// "the Tehran Mirror": a place's name before a paper's head word
		// names the paper.
		if label == pipeline.Place && j-i >= 2 && paperHeads[sc.words[j-1]] && !sc.gazetteerEnds(i, j, gazetteer.City) && !sc.geoAt(j-1) {
			label = pipeline.Org
		}
		// "carmaker Halvorsen", "Retailer Castell reported": so is a name
		// after the noun for a kind of firm, unless it opens with a given
		// name ("the firm Tom Berg founded").
		if label == pipeline.Person && i+1 < j && i == 0 && lowercase.Get(firmNouns, sc.words[i]) {
			i++
			label = pipeline.Org
		}
		if label == pipeline.Person && i > 0 && lowercase.Get(firmNouns, sc.words[i-1]) && (!sc.givenName(sc.words[i]) || sc.kindOfFirmBefore(i, j)) {
			label = pipeline.Org
		}
		// "20th Century Fox", "21st Century Insurance": a name a numbered
		// ordinal opens is a body's, unless a given name opens it (a
		// results line: "2nd Tom Hale").
		if label == pipeline.Person && i > 0 && isOrdinal(sc.words[i-1]) && isDigits(sc.words[i-1][:1]) && !sc.givenName(sc.words[i]) {
			i, label = i-1, pipeline.Org
		}
		// "casino operators Lakeview Clubs, Castell Group and Stanley
		// Ellery": the names a plural noun for firms lists are bodies.
		if label == pipeline.Person && sc.listedAfterFirms(i) {
			label = pipeline.Org
		}
		// "the United States": the gazetteer's longer unambiguous name takes
		// the tagger's priority and beats its "United" with the same label.
		if sc.promoteGazetteer(i, j, label) {
			continue
		}
		// "a member of the Lok Sabha": a state's body the gazetteer
		// added after the tagger was trained is a body, whatever the
		// tagger read it as.
		if label != pipeline.Org && sc.lateStateBody(i, j) {
			label = pipeline.Org
		}
		if label != pipeline.Place && sc.countryName(i, j) {
			continue // "DRC", "South Korea": a country, whatever the tagger says
		}
		if j-i == 1 && partyStateTag(sc.words[i]) {
			continue // "(D-Ohio)": a legislator's party and state
		}
		i, j, label = sc.toponymSpan(i, j, label)
		i, j, label = sc.bodyOfSpan(i, j, label)
		// "the UN-backed Harbour Board": who backs or hosts a body
		// is no part of its name.
		if label != pipeline.Person && j-i >= 2 && placedByWord(sc.words[i]) {
			i++
		}
		// "the US Treasury", "the Kenyan Ministry": a place's name before
		// the head of a state's body is the body's.
		if label == pipeline.Place && j-i >= 2 && placeBodyHeads[sc.words[j-1]] {
			label = pipeline.Org
		}
		// "A K Menon": two initials without stops and a surname are a
		// person's, where the tagger reads "K Menon" as a firm's ("J
		// Sainsbury", with one initial, stays one).
		if label == pipeline.Org && j-i == 2 && i > 0 && isInitialLetter(sc.words[i]) && isInitialLetter(sc.words[i-1]) &&
			isCapitalized(sc.words[i+1]) && !isAllCaps(sc.words[i+1]) && !isOrgHead(sc.words[i+1]) {
			label = pipeline.Person
		}
		if sc.namesNothing(i, j, label) {
			sc.add(i, j, noEntity, prioTagger, sp.Confidence) // nor is a word of it ("Maastricht")
			continue
		}
		// "the Trump administration": a body named after a person names
		// the person (the guidelines' eponyms).
		eponym := label == pipeline.Org && j-i >= 2 && eponymHeads[sc.words[j-1]] && sc.plausibleName(i, j-1) && sc.properNouns(i, j-1)
		if eponym {
			j, label = j-1, pipeline.Person
		}
		// So is a name the tagger read alone before the head in lower
		// case: "the Adeyemi government", "the Hollister administration";
		// not a party's, a place's or a body's the gazetteer knows ("the
		// Labour government", "the Tokyo government"), nor a campaign,
		// which firms run too.
		if (label == pipeline.Org || label == pipeline.Place) && j-i <= 2 && j < len(sc.words) && eponymHeads[sc.words[j]] && sc.words[j] != "campaign" &&
			i > 0 && strings.EqualFold(sc.words[i-1], "the") && !slices.ContainsFunc(sc.words[i:j], isAllCaps) && sc.plausibleName(i, j) && sc.properNouns(i, j) && sc.namedBody(i, j) && !sc.gazetteerOverlaps(i, j) && !partyOnly(sc.words[i:j]) {
			label = pipeline.Person
		}
		// "Harwick Baines economist Ana Ruiz": a name before the title of a
		// market professional and a name is the firm that employs them,
		// not a person ("Tom Berg aide Ana Ruiz" works for a person).
		if label == pipeline.Person && sc.firmStaffAfter(j) {
			label = pipeline.Org
		}
		// "commercial director at Homefinder": a name after a title and
		// "at" is where someone works, not someone ("a nanny at Tom
		// Berg's house" is of someone).
		if label == pipeline.Person && sc.workplace(i, j) {
			label = pipeline.Org
		}
		// "Lakeview Bank's Tom Berg": after a body's possessive, a common
		// given name and a surname are someone of the body, not another
		// body; not when a noun follows ("the bourse's Hang Seng index").
		if label == pipeline.Org && i > 1 && isPossessive(sc.words[i-1]) && sc.taggedLabel(i-2) == "ORG" && j-i >= 2 && j-i <= 3 &&
			sc.e.gaz.CommonGivenName(sc.words[i]) && sc.plausibleName(i, j) && sc.properNouns(i, j) &&
			!slices.ContainsFunc(sc.words[i:j], isOrgHead) && (j == len(sc.words) || !startsLower(sc.words[j]) || sc.toks[j].Tag != "NN" && sc.toks[j].Tag != "NNS" || bylineVerbs[sc.words[j]]) {
			label = pipeline.Person
		}
		// "Philip Brandow's trilogy": a body's name of a common given name
		// and a surname is a person's where the document writes that
		// surname as someone's ("Brandow, who", "Brandow, 45,"); so is a
		// name of one or two words one of which the document gives an
		// age ("dissident Wang Donghai ... Wang, 45, was").
		if label == pipeline.Org && !slices.ContainsFunc(sc.words[i:j], isOrgHead) &&
			(j-i == 2 && sc.e.gaz.CommonGivenName(sc.words[i]) && sc.facts.personal(sc.words[j-1]) ||
				j-i <= 2 && sc.properNouns(i, j) && sc.plausibleName(i, j) && (sc.facts.hasAge(sc.words[i]) || sc.facts.hasAge(sc.words[j-1]))) {
			label = pipeline.Person
		}
		if label == pipeline.Person && j-i == 1 && sc.facts.group(sc.words[i], sc.namesBefore) {
			continue
		}
		// "the Cardiff Kelvin MP": a word between a place and a member's
		// title is the seat's name, no one's.
		if label == pipeline.Person && j-i == 1 && i > 0 && sc.geoAt(i-1) && j < len(sc.words) && seatTitles[sc.words[j]] {
			continue
		}
		// "Novichok, a range of nerve agents", "the Yesh Atid party": the
		// document says what the tagger's name is.
		if j-i <= 3 {
			name := strings.Join(sc.words[i:j], " ")
			if l, ok := sc.facts.thing(name); ok {
				if l == "" {
					continue
				}
				label = l
			}
			if label == pipeline.Person && sc.facts.notPerson(name) {
				continue // "bought Lakeview Tarn, which makes engines"
			}
		}
		// "named Ana Ruiz Chile's envoy": a country or a place of more
		// than one word before a possessive ends a name of two words or
		// more; the place (the gazetteer's) is the next phrase's.
		if label == pipeline.Person {
			j = sc.endBeforePlace(i, j)
			// "Indira Gandhi | International Airport": a name the tagger
			// ended before the building it names is the building's.
			if k := sc.facilityAfter(j); k > j {
				j, label = k, pipeline.Place
				// (with the title or given name the tagger left out:
				// "Imam | Khomeini", "Indira | Gandhi")
				for i > 0 && isNameWord(sc.words[i-1], false) && (sc.e.gaz.GivenName(sc.words[i-1]) || sc.e.gaz.CommonGivenName(sc.words[i-1]) || lowercase.Get(honorifics, sc.words[i-1]) || sc.e.titles.IsHead(strings.ToLower(sc.words[i-1]))) {
					i--
				}
			}
		}
		// "Brett Hall, 36, said", "singer Charlotte Church": a surname
		// that also heads a building's name, after a common given name,
		// where only a person can stand; so is "Jordan Banks said".
		// "Harriet | Lowther-Quinn": a double-barrelled surname the
		// tagger read as a place or a body, after a common given name it
		// left out.
		if label != pipeline.Person && sc.doubleBarrelled(i, j) {
			i, label = i-1, pipeline.Person
		}
		// ("Aoife | Ní Bhriain", "Ciarán Ó | Murchú": the words before
		// the infix that the tagger read apart.)
		if j-i >= 2 && nameInfixes[sc.words[i]] && sc.plainNameWord(i-1) {
			i--
		} else if i >= 2 && nameInfixes[sc.words[i-1]] && sc.plainNameWord(i-2) {
			i -= 2
		}
		if sc.infixedName(i, j) {
			label = pipeline.Person
			// ("Trần Thị Mai | Hương": a last name word the tagger left out)
			if sc.plainNameWord(j) {
				j++
			}
		}
		if k := sc.personStart(i, j); sc.buildingSurname(k, j) || sc.givenPlaceName(k, j) || sc.doubleGivenName(k, j) || sc.givenNameDescribed(k, j) || sc.reflexiveAfter(k, j) {
			i, label = k, pipeline.Person
		} else if label == pipeline.Person && j-i >= 2 && sc.placeName(i, j) {
			continue // "the Lal Masjid", "Shah Alam Town": a building's or a place's name, no one's
		} else if label == pipeline.Person && j-i >= 2 && saintTitles[sc.words[i]] && j+1 < len(sc.words) && isPossessive(sc.words[j]) && isCapitalized(sc.words[j+1]) {
			continue // "St Brendan's Hospital", "Saint Ita's Day": a saint's name in another's
		} else if label == pipeline.Person && j-i >= 2 && clubOpeners[sc.words[i]] {
			label = pipeline.Org // "Deportivo Almendral", "Dinamo Ostrava": a club's name
		} else if label == pipeline.Person && i > 0 && clubOpeners[sc.words[i-1]] {
			i, label = i-1, pipeline.Org // ("Sporting | Ribeira": the opener the tagger read apart)
		} else if label == pipeline.Person && j == i+1 && clubOpeners[sc.words[i]] && j < len(sc.words) && isCapitalized(sc.words[j]) {
			continue
		} else if label == pipeline.Person && (j-i >= 2 && (placePrefixes[sc.words[i]] || namedPlaceHeads[sc.words[i]]) || sc.afterPolity(i)) {
			label = pipeline.Place // "Mt Albert", "the Republic of Mari Tul", "Avenida Joaquim Barros"
		} else if label == pipeline.Person && namedPlaceHeads[sc.words[i]] {
			continue // (the head alone, where the tagger split it from the name)
		} else if label == pipeline.Person && i > 0 && namedPlaceHeads[sc.words[i-1]] {
			i, label = i-1, pipeline.Place // "the Estadio | Rafael Mendoza"
		} else if label == pipeline.Person && sc.bodyModifier(i, j) {
			label = pipeline.Org // "Stade Lyonnais coach X", "Orbis head X"
		} else if end := sc.pluralPossessor(j); label == pipeline.Person && end > j {
			j, label = end, pipeline.Org // "Hartley Girls' School": a plural's possessive inside a body's name
		} else if label == pipeline.Person && (!sc.plausibleName(k, namesEnd(sc.words, i, j)) || partyOnly(sc.words[i:j]) || sc.e.titles.MatchPlural(sc.words[:j], i).N == j-i || sc.e.titles.MatchPlural(sc.words[:j], j-1).Plural) {
			continue // (nor is a title alone a name, "Apostolic Delegate", nor what ends in a plural one, "Green MSPs")
		}
		// "the House Mary Quinn", "Ohio Kristen Dale": a body or a place
		// the tagger ran on into a name that follows it. The name ends
		// where its run of name words does.
		if label != pipeline.Person {
			if k := sc.nameInside(i, j); k > i {
				// (A name the span cuts after its given name runs on.)
				end := sc.nameRun(k)
				if k+1 < j {
					end = min(j, end)
				}
				if end > k+1 {
					sc.add(k, end, pipeline.Person, prioTagger, sp.Confidence).Source = pipeline.SourceRule
				}
				j = k
				if isPossessive(sc.words[j-1]) {
					j--
				}
				// "Minister of | Fisheries of Chile | Ana Ruiz": what is
				// left is the title's portfolio and country, no body.
				if i > 1 && (sc.words[i-1] == "of" || sc.words[i-1] == "for") && sc.titleReaches(i-1) && sc.endsOfCountry(i, j) && !slices.ContainsFunc(sc.words[i:j], isOrgHead) {
					continue
				}
			}
		}
		// "US Ambassador" is a title, not an organisation: leave the
		// country to the gazetteer.
		if label != pipeline.Person && (sc.e.titles.IsHead(strings.ToLower(sc.words[j-1])) || sc.e.titles.MatchPlural(sc.words[:j], i).N == j-i) {
			continue
		}
		// "First Deputy Premier and Foreign | Minister": title words the
		// tagger cut inside a title are no body either.
		if label != pipeline.Person && j < len(sc.words) && sc.titleWords(i, j) && (sc.titleReaches(j) || sc.titleAt(j)) {
			continue
		}
		// "the Senate Minority Leader", "Lakeview Bank Chief Executive
		// Tom Berg": a title that ends a body's name or runs past it is
		// no part of it, unless the title opens with the body's head
		// ("Labour Party leader"); where the name leads into the title,
		// the name runs to the title's end ("Office of the Prime
		// Minister").
		if label == pipeline.Org {
			for k := i + 1; k < j; k++ {
				// ("Labour MPs Ann Kerr and ...": a plural title before the
				// names it gives, or after a party, "both Labour MPs";
				// "Kansas City Chiefs" is a team.)
				m := sc.e.titles.MatchPlural(sc.words, k)
				n := m.N
				if m.Plural && !sc.namesAfter(k+n) && !partyOnly(sc.words[i:k]) {
					n = 0
				}
				if n == 0 || k+n < j || isOrgHead(sc.words[k]) {
					continue
				}
				// ("the Party of | Prime Minister Ana Ruiz": not before a name.)
				if lowercase.Get(orgLinks, sc.words[k-1]) && !sc.titleBeforeName(k) {
					j = k + n
				} else {
					j = k
				}
				for j > i+1 && trailingLinks[sc.words[j-1]] {
					j--
				}
				break
			}
			if sc.countryName(i, j) {
				continue // "Peru Ambassador": the gazetteer has the country
			}
		}
		// "EU Health | Commissioner": after an acronym, a portfolio word
		// before a title is the title's (but "US Treasury" is a body).
		if label == pipeline.Org && j-i >= 2 && j < len(sc.words) && (j-i == 2 && isAllCaps(sc.words[i]) || sc.gazetteerEnds(i, j-1, gazetteer.Org)) &&
			sc.e.titles.IsPortfolio(strings.ToLower(sc.words[j-1])) && !stateBodyHeads[sc.words[j-1]] && !sc.geoAt(j-1) && sc.titleAt(j) {
			j-- // ("European Union Trade | Commissioner": the body's known name ends before.)
		}
		// "European Commissioner for Trade" is a title with its
		// portfolio, unless a body's head word names a body in it; in
		// "Director of Valley Tourism Partnership" the body is what
		// follows the title.
		if label == pipeline.Org {
			if k := sc.titleComplement(i, j); k > 0 {
				if j-k < 2 {
					continue
				}
				i = k
			}
		}
		// "New | Home Secretary X": an adjective that opens a title is no
		// body's or place's name.
		if label != pipeline.Person && j == i+1 && timeAdjectives[sc.words[i]] {
			continue
		}
		// "Interim | Haitian Prime Minister X", "Special | UN Envoy X":
		// nor is it, or a title's modifier, before a demonym, a country
		// or a body whose name the gazetteer gives ("New York", "New
		// England" are names); before an acronym it does not know, the
		// acronym alone is the body's ("Special | AU Representative").
		if w := sc.words[i]; label != pipeline.Person && (timeAdjectives[w] && w != "New" || sc.e.titles.IsModifier(w)) && !slices.ContainsFunc(sc.gaz, func(m gazetteer.Match) bool { return m.Start == i && m.End >= j }) {
			if slices.ContainsFunc(sc.gaz, func(m gazetteer.Match) bool {
				k := m.Entries[0].Kind
				return m.Start == i+1 && m.End == j && (k == gazetteer.Demonym || k == gazetteer.Country || k == gazetteer.Org)
			}) {
				continue
			}
			if j == i+2 && label == pipeline.Org && isAllCaps(sc.words[i+1]) && sc.titleAt(j) {
				i++
			}
		}
		if label == pipeline.Person {
			j = sc.upperSurnames(i, j)
			for i < j-1 && bornWord(sc.words[i]) {
				i++ // "Jamaican-born | Ana Lund"
			}
		}
		c := sc.add(i, j, label, prioTagger, sp.Confidence)
		if eponym {
			c.Source = pipeline.SourceRule // the construction, not the tagger, says it is a person
		}
		for _, m := range sc.gaz {
			if m.Start == i && m.End == j && labelOf(m.Entries[0].Kind) == label && sc.expansionKnown(i, j, m.Entries[0]) {
				best := m.Entries[0]
				c.Subtype, c.ID, c.Country, c.Canonical = subtypeOf(best.Kind), best.ID, best.Country, best.Name
			}
		}
	}
}

// placeRunsInto reports whether the compound at token k finishes a
// place's name the words before it open: "Hong | Kong-based" (not "U.N. |
// Vienna-based", whose place is whole).
func (sc *sentenceScan) placeRunsInto(k int) bool {
	if k >= len(sc.words) || !isCapitalized(sc.words[k]) || !placedByWord(sc.words[k]) {
		return false
	}
	first, _, _ := strings.Cut(sc.words[k], "-")
	return len(sc.e.gaz.Lookup(first)) == 0
}

// titleComplement returns where the complement starts when words [i, j)
// are a title head followed by "for" or "of" and more, with no word that
// heads a body's name and no other complement before it ("Life of Mary
// Queen of Scots" is a name); otherwise 0.
func (sc *sentenceScan) titleComplement(i, j int) int {
	for k := i; k < j; k++ {
		w := sc.words[k]
		if orgHeads[w] {
			return 0
		}
		if w == "for" || w == "of" {
			if k > i && k+1 < j && sc.e.titles.IsHead(strings.ToLower(sc.words[k-1])) {
				return k + 1
			}
			return 0
		}
	}
	return 0
}

// spacedInitials returns where a name that starts at i starts with the
// initials written before it without full stops: "T S Ravi Kumar". A
// lone "A" or "I" is an article or a pronoun.
func (sc *sentenceScan) spacedInitials(i int) int {
	k := i
	for k > 0 && isInitialLetter(sc.words[k-1]) {
		k--
	}
	// ("A Menon said": an article, not an initial, unless another
	// initial follows it: "A K Menon".)
	if n := i - k; n == 1 && (sc.words[k] == "A" || sc.words[k] == "I") && !isInitialLetter(sc.words[i]) {
		return i
	}
	// ("Plan B Ravi Kumar": a letter that ends another name.)
	if k > 0 && k < i && isCapitalized(sc.words[k-1]) && !lowercase.Get(honorifics, sc.words[k-1]) && !sc.titleAt(k-1) {
		return i
	}
	return k
}

// isInitialLetter reports whether w is one capital letter, as an initial
// without its stop is.
func isInitialLetter(w string) bool { return len(w) == 1 && isUpperASCII(w[0]) }

// personStart moves the start of a person span past what opens it but is
// not a name: a title ("Professor", "Senior Aides", "correspondent"), a
// party member noun ("Democrat") or a word for a person
// ("Whistleblower").
func (sc *sentenceScan) personStart(i, j int) int {
	for j-i >= 2 {
		w := sc.words[i]
		switch m := sc.e.titles.MatchPlural(sc.words[:j-1], i); {
		case m.N > 0 && !sc.e.gaz.GivenName(w): // "Amir Karimi" keeps his name
			i += m.N
			continue
		case lowercase.Get(honorifics, w) || partyMembers[w] || sc.e.titles.IsDescriptor(w):
			i++ // "Mr", "Democrat", "Whistleblower"
			continue
		case i > 0 && sc.words[i-1] == "the" && (orgHeads[w] || w == "House") && sc.e.gaz.CommonGivenName(sc.words[i+1]):
			i++ // "Speaker of the House Janet Corwin"
			continue
		case j-i == 3 && sc.strayBeforeName(i, j):
			i++ // "Referee Tom Berg", "Songwriter Ana Ruiz"
			continue
		case j-i >= 3 && eponymAdjective(w) && !sc.e.gaz.CommonGivenName(w) && sc.e.gaz.CommonGivenName(sc.words[i+1]):
			i++ // "Blairite Tom Hale"
			continue
		case i == 0 && j-i >= 3 && lowercase.Get(openingPrepositions, w):
			i++ // "Under Ana Ruiz, ...": the sentence's preposition in capitals
			continue
		case j-i >= 3 && (faithNames[w] || faithWords[w]) && sc.e.gaz.CommonGivenName(sc.words[i+1]):
			i++ // "critics of Islam Ana Ruiz met": the faith ends the phrase before
			continue
		}
		break
	}
	return i
}

// eponymAdjective reports whether w is an adjective made from a name, of
// a follower or a school ("Blairite", "Thatcherite", "Marxist"): it
// describes the person it stands before.
func eponymAdjective(w string) bool {
	for _, suffix := range []string{"ite", "ist"} {
		if stem, ok := strings.CutSuffix(w, suffix); ok && len(stem) >= 4 && isCapitalized(stem) {
			return true
		}
	}
	return false
}

// openingPrepositions open a sentence before a name, in capitals as its
// first word: "Under Ana Ruiz, the plan ...", "Unlike Tom Hale, ...".
var openingPrepositions = toSet(`under with without despite unlike after before during following from against among amid between beyond towards toward like via for`)

// dashEnd is where a person's name in words [i, j) ends before a dash
// that opens an apposition with a place or a nationality: "Ana Ruiz -
// Chile's foreign minister -", "Tom Berg - Norwegian envoy". A full name
// of two words or more stands before the dash, so that a hyphen that a
// tokenised corpus spaces out inside a name is kept ("Hewlett - Packard").
func (sc *sentenceScan) dashEnd(i, j int) int {
	for h := i + 2; h+1 < j; h++ {
		if isDash(sc.words[h]) {
			if _, ok := sc.placeAt(h + 1); ok {
				return h
			}
		}
	}
	return j
}

// numberWords end the names of groups and bands, never a person's.
var numberWords = toSet(`Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Twenty Hundred`)

// afterCapitalThe reports whether a name at word i is inside a run of
// capitalised words that a capitalised "The" opens in running text, which
// names a work, a show or a band ("a revival of The Paper Lantern", "The
// Feminine Touch"), never a person: not where "The" opens the sentence, a
// quotation or what follows a colon, nor in a heading or a line in title
// case. A title or an honorific ends the run ("The Rev Tom Berg").
func (sc *sentenceScan) afterCapitalThe(i int) bool {
	return sc.kind != pipeline.Heading && afterCapitalThe(sc.words, i, sc.titleAt)
}

// afterCapitalThe is sentenceScan.afterCapitalThe over a sentence's words,
// title telling whether a title starts at a word.
func afterCapitalThe(words []string, i int, title func(int) bool) bool {
	for i > 0 && words[i-1] != "The" && isCapitalized(words[i-1]) && !lowercase.Get(honorifics, words[i-1]) && !title(i-1) {
		i--
	}
	if i < 2 || words[i-1] != "The" || titleCase(words) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(words[i-2])
	return unicode.IsLetter(r) && startsLower(words[i-2]) || words[i-2] == ","
}

// strayBeforeName reports whether the first of the three words [i, j)
// is no part of the name the other two make: a word news also writes in
// lower case and no given name, before a common given name, in a name no
// official bears ("Referee Tom Berg", a sentence's first word).
func (sc *sentenceScan) strayBeforeName(i, j int) bool {
	w := sc.words[i]
	return sc.e.gaz.LowerWord(w) && !sc.e.gaz.CommonGivenName(w) && !sc.givenName(w) && sc.e.gaz.CommonGivenName(sc.words[i+1]) &&
		!sc.e.gaz.IsOfficial(strings.Join(sc.words[i:j], " ")) && !lowercase.Get(nameParticles, w)
}

// faithWords name faiths and the groups of their followers: "Orthodox
// Christian", "Sunni Muslim" are no one's names.
var faithWords = toSet(`Catholic Catholics Orthodox Christians Muslim Muslims Sunni Sunnis Shia Shias
Shiite Shiites Jewish Jews Buddhist Buddhists Hindu Hindus Protestant Protestants Coptic Copts Evangelical
Evangelicals Anglican Anglicans Methodist Methodists Baptists Lutheran Lutherans Mormon Mormons
Sikh Sikhs Islamist Islamists Alawite Alawites Druze Yazidi Yazidis Jihadist Jihadists Maronite Maronites
Chaldean Chaldeans Melkite Melkites`)

// faithNames name a faith itself.
var faithNames = toSet(`Islam Christianity Judaism Buddhism Hinduism Sikhism Catholicism Protestantism`)

// eventHeads end the names of events, prizes, competitions, plans, laws,
// treaties, shows and market indices, which are often named after people
// ("the Marshall Plan", "the Ana Ruiz Show", "the Dow Jones Index"), or
// are words of such names no personal name has ("Olympic",
// "International").
var eventHeads = toSet(`Forum Prize Prizes Award Awards Cup Games Olympic Olympics International Championship Championships Festival
Conference Convention Summit Congress Expo Exhibition Marathon Open Watch Trophy Plan Election Elections
Show Lecture Memorial Rally Initiative Program Programme Index ` + agreementWords)

// agreementWords end the names of laws, agreements and votes.
const agreementWords = `Act Treaty Accord Accords Agreement Declaration Doctrine Referendum`

// lawEventHeads end the names of laws, agreements and events, never a
// body's or a place's.
var lawEventHeads = toSet(`Bill Charter Constitution Covenant Protocol Resolution Incident Massacre Talks ` + agreementWords + ` ` + contestWords)

// namesNothing reports whether the tagger's span [i, j), labelled label,
// is no entity at all, whatever the tagger says.
func (sc *sentenceScan) namesNothing(i, j int, label string) bool {
	w := sc.words
	switch {
	case j-i >= 2 && lawEventHeads[w[j-1]]:
		// "the Clean Rivers Act", "the Harbour Incident", "the Texas
		// Chainsaw Massacre": a law or an event, neither a body nor a
		// place nor anyone (but "Tom Bill", "Lee Charter").
		return label != pipeline.Person || !personalLawHeads[w[j-1]]
	case j-i == 1 && lawWords[w[i]]:
		// "the Act", "the Treaty", "the Budget", "the Olympics": a law, a
		// statement or an event named by its kind alone.
		return true
	case j-i == 1 && technicalWord(w[i]):
		// "3G", "30GB", "P2P", "A$68m": a technology, a size or a sum,
		// which the training corpora leave outside every entity.
		return true
	case label == pipeline.Person && j-i == 1 && i > 0 && j < len(w) && singleQuotes[w[i-1]] && singleQuotes[w[j]]:
		// "the new stadium, just 'Anfield'", "Apple sues 'Tiger' file
		// sharers": one word in single quotes is a title or a code name.
		return true
	case label == pipeline.Place || label == pipeline.Person && sc.kind != pipeline.Heading:
		return sc.commonWordOpening(i, j) // "Mobile networks seek ...", "\"Slight increases ..." (a headline's nouns are its verbs: "Spark heads list")
	}
	return false
}

// lawWords name a law, a statement or an event alone, after "the" (not
// "Accord", a car's name too).
var lawWords = toSet(`Act Treaty Agreement Declaration Doctrine Referendum Constitution Covenant Protocol Resolution Budget Olympics`)

// contestWords end the names of sports contests and prizes: "the Texas
// Open", "the Davis Cup", "the Grand Prix Final".
const contestWords = `Open Classic Cup Championship Championships Games Olympics Trophy Prize Prizes Award Awards Prix Final Finals Tournament Marathon`

// singleQuotes open and close a quotation in single marks.
var singleQuotes = toSet(`' ‘ ’`)

// technicalWord reports whether w is a number with a unit or a standard's
// letters ("3G", "2.5G", "30GB", "3D"), a sum ("A$68m", "$5bn") or a
// letter-to-letter abbreviation ("P2P", "B2B"); not "3M", a firm.
func technicalWord(w string) bool {
	if len(w) == 3 && isUpperASCII(w[0]) && w[1] == '2' && isUpperASCII(w[2]) || sumOfMoney(w) {
		return true
	}
	d := 0
	for d < len(w) && (w[d] >= '0' && w[d] <= '9' || d > 0 && w[d] == '.') {
		d++
	}
	if d == 0 || d == len(w) {
		return false
	}
	unit := w[d:]
	return unit != "M" && (techUnits[unit] || len(unit) <= 2 && isUpperASCII(unit[0]) && isUpperASCII(unit[len(unit)-1]))
}

// sumOfMoney reports whether w is a currency's sign and a number, after a
// country's letters or none: "$5bn", "A$68m", "£3".
func sumOfMoney(w string) bool {
	w = strings.TrimLeft(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
	for _, sign := range []string{"$", "£", "€"} {
		if rest, ok := strings.CutPrefix(w, sign); ok {
			return rest != "" && rest[0] >= '0' && rest[0] <= '9'
		}
	}
	return false
}

func isUpperASCII(b byte) bool { return b >= 'A' && b <= 'Z' }

// techUnits are the units written after a number with no space.
var techUnits = toSet(`GB MB TB KB GHz MHz Mbps kbps mm cm km kg GSM`)

// personalLawHeads are the lawEventHeads that end people's names too.
var personalLawHeads = toSet(`Bill Charter`)

// stormWords open the names of storms.
var stormWords = toSet(`Hurricane Typhoon Cyclone Storm Tropical`)

// upperSurnames returns the end of the name in words [i, j) with the
// surnames after it that are written in capitals, as the CIA World
// Factbook and some agencies write them: "Nelson MANDELA", "Cristina
// FERNANDEZ DE KIRCHNER". The name before must be in title case; a word
// of fewer than four letters ("VOA"), one the gazetteer knows ("NATO"), a
// title, a post-nominal or a word news writes in lower case ("SAID",
// shouted) is no surname.
func (sc *sentenceScan) upperSurnames(i, j int) int {
	if j == i || j >= len(sc.words) || isAllCaps(sc.words[j-1]) || !isCapitalized(sc.words[j-1]) {
		return j
	}
	surname := func(k int) bool {
		w := sc.words[k]
		// (Four letters or more, letters within: "VOA", "-LRB-" are no
		// surnames.)
		return utf8.RuneCountInString(w) >= 4 && isAllCaps(w) && unicode.IsLetter([]rune(w)[0]) && unicode.IsLetter([]rune(w)[utf8.RuneCountInString(w)-1]) &&
			!strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' }) &&
			!postNominals[w] && !sc.e.titles.IsHead(strings.ToLower(w)) && !sc.e.gaz.LowerWord(strings.ToLower(w)) &&
			!sc.gazetteerOverlaps(k, k+1)
	}
	end := j
	for k := j; k < len(sc.words); k++ {
		switch {
		case surname(k):
			end = k + 1
			continue
		case k > j && lowercase.Get(nameParticles, sc.words[k]) && k+1 < len(sc.words) && surname(k+1):
			continue // "FERNANDEZ DE KIRCHNER"
		}
		break
	}
	// A second surname in title case may follow, as Spanish names have
	// it: "Daniel ORTEGA Saavedra".
	if end > j && end < len(sc.words) && isCapitalized(sc.words[end]) && isNameWord(sc.words[end], false) && !namesBody(sc.words[end]) &&
		!sc.gazetteerOverlaps(end, end+1) && (end+1 == len(sc.words) || !isCapitalized(sc.words[end+1])) {
		end++
	}
	// A dateline after a byline is no surname: "Ana Lund | RANGOON
	// 1996-08-31", "Ana Lund | TAVILDARA , Tajikistan".
	if end > j && end < len(sc.words) && (startsWithDigit(sc.words[end]) || sc.words[end] == "," && end+1 < len(sc.words) && sc.geoAt(end+1)) {
		return j
	}
	return end
}

// gazetteerOverlaps reports whether a name the gazetteer knows covers any
// of words [i, j).
func (sc *sentenceScan) gazetteerOverlaps(i, j int) bool {
	return slices.ContainsFunc(sc.gaz, func(m gazetteer.Match) bool { return m.Start < j && m.End > i })
}

// startsWithDigit reports whether w opens with a digit: a date, a number.
func startsWithDigit(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsDigit(r)
}

// postNominals follow a name but are not part of it: honours, degrees,
// ranks of counsel.
var postNominals = toSet(`QC KC OBE MBE CBE KBE DBE GBE CH PhD MD MP MEP MSP MLA`)

// namesEnd is the end of the name in words[i:j] without the post-nominals
// after it: "Guy Mansfield QC".
func namesEnd(words []string, i, j int) int {
	for j-i > 1 && postNominals[words[j-1]] {
		j--
	}
	return j
}

// startsLower reports whether w starts with a lower-case letter ("an", not
// "'Sullivan").
func startsLower(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// titleCase reports whether words are a heading in title case: no word of
// letters in lower case but the minor ones ("Minister Resigns Over Row").
func titleCase(words []string) bool {
	for _, w := range words {
		if startsLower(w) && !titleMinor[w] && !headingMinor[w] {
			return false
		}
	}
	return true
}

// headingMinor are the small words a heading in title case may leave in
// lower case besides a title's own ("a", "as", "by").
var headingMinor = toSet(`a an as by but or nor vs from into over off up out per via`)

// ageAt reports whether words from j are an age between commas, as news
// writes it after a name: ", 45,".
func (sc *sentenceScan) ageAt(j int) bool {
	return j+2 < len(sc.words) && sc.words[j] == "," && isDigits(sc.words[j+1]) && len(sc.words[j+1]) <= 3 && sc.words[j+2] == ","
}

// withoutGeneration returns a name without the "Jr." or "Sr." that ends
// it, and whether there was one.
func withoutGeneration(name string) (string, bool) {
	if strings.Count(name, " ") < 2 {
		return name, false
	}
	i := strings.LastIndexByte(name, ' ')
	if generations[strings.TrimSuffix(name[i+1:], ".")] {
		return strings.TrimRight(name[:i], ","), true
	}
	return name, false
}

// generations end a name, after a comma or not: "Carlos Gomes, Jr.",
// "Alex Kerr jnr".
var generations = toSet(`Jr Sr Jnr Snr jnr snr`)

// generationEnd returns the end of a name of two words or more [i, j)
// past the generation that follows it ("Jr.", ", Jr.", "jnr"), or j.
func (sc *sentenceScan) generationEnd(i, j int) int {
	switch {
	case j-i < 2 || j >= len(sc.words):
		return j
	case generations[strings.TrimSuffix(sc.words[j], ".")]:
		return j + 1
	case sc.words[j] == "," && j+1 < len(sc.words) && generations[strings.TrimSuffix(sc.words[j+1], ".")]:
		return j + 2
	case sc.words[j] == "the" && j+1 < len(sc.words) && epithets[sc.words[j+1]]:
		return j + 2 // "Tom Berg the Younger"
	}
	return j
}

// epithets follow "the" after a name and are part of it, as a regnal
// number is: "Tom Berg the Younger", "Pieter Hale the Elder".
var epithets = toSet(`Younger Elder Great`)

// headlineVerbs are verbs that follow a name in headings written in title
// case.
var headlineVerbs = toSet(`Says Said Dies Died Resigns Quits Wins Loses Meets Visits Arrives Calls Urges Warns Killed Dead
Arrested Named Elected Sworn Steps Denies Rejects Backs Slams Launches Announces Signs Faces Returns Leaves Takes
Jailed Charged Sentenced Admits Accuses Blames Vows Defends Hails Praises Condemns Criticises Criticizes Sacked Fired
Ousted Appointed Honoured Honored Becomes Expelled Released Freed Pardoned Convicted Acquitted Indicted Impeached Shot
Wounded Injured Attacked Kidnapped Abducted Joins Seeks Pledges Promises Insists Claims Confirms Proposes Agrees Unveils
Sends Receives Welcomes Opens Tests Names Appoints Elects Picks Taps Nominates Chooses Hires Replaces Succeeds
Meet Discuss Discusses Visit Urge Warn Seek Reject Deny Quit Resign Elect Sign Agree`)

// postNominalOffices are the post-nominals that name a post or a rank.
var postNominalOffices = toSet(`QC KC MP MEP MSP MLA`)

// partyMembers name a member of a party; they open a name but are not part
// of it: "Democrat Paul Ryder".
var partyMembers = toSet(`Democrat Republican Conservative Tory Labour Liberal Libertarian Socialist Communist Independent Lib Dem Dems`)

// partyOnly reports whether words are all party member nouns: "Lib Dem" is
// a party, not a person.
func partyOnly(words []string) bool {
	return !slices.ContainsFunc(words, func(w string) bool { return !partyMembers[w] })
}

func isComplementWord(w string) bool { return w == "of" || w == "from" || w == "for" }

// nameInside returns where a personal name starts inside the tagger's
// place or body [i, j): a known given name and a surname after a body's head
// noun, a possessive or a known place, as in "House Mary Quinn"; i when
// there is none.
func (sc *sentenceScan) nameInside(i, j int) int {
	// After a title's complement ("Senator from Ohio Kristen Dale")
	// a common given name will do; elsewhere only an official's.
	given := sc.e.gaz.GivenName
	// ("Chief Secretary to the Treasury Paul Boateng" too.)
	complement := func(w string) bool { return isComplementWord(w) || w == "to" }
	afterTitle := func(complement func(string) bool) bool {
		return i > 0 && (sc.words[i-1] == "the" && i > 1 && complement(sc.words[i-2]) && sc.titleBefore(i-2) || complement(sc.words[i-1]) && sc.titleBefore(i-1))
	}
	if afterTitle(complement) {
		given = sc.e.gaz.CommonGivenName
	}
	for k := i + 1; k < j && k+1 < len(sc.words); k++ {
		if !given(sc.words[k]) || !isCapitalized(sc.words[k+1]) {
			continue
		}
		// ("Labour's Harry Jenkins": the body's member.)
		if orgHeads[sc.words[k-1]] || sc.words[k-1] == "House" || (stateBodyHeads[sc.words[k-1]] || isPossessive(sc.words[k-1])) && sc.e.gaz.CommonGivenName(sc.words[k]) {
			return k
		}
		for _, m := range sc.gaz {
			if m.Start >= i && m.End == k && !m.Ambiguous && m.Entries[0].Kind != gazetteer.Demonym && m.Entries[0].Kind != gazetteer.Org {
				return k
			}
		}
	}
	// ("Minister in Charge of Ports and Shipping X" too.)
	if afterTitle(func(w string) bool { return complement(w) || w == "in" }) {
		return sc.nameAfterBody(i, j)
	}
	return i
}

// nameAfterBody returns where a name of two or three words starts at the
// end of the tagger's body [i, j) that completes a title, or i: after a
// word news also writes in lower case ("Shipping", "Office", "Council"),
// which ends the body's name, words news never writes so and the
// gazetteer does not know ("Minister in Charge of Ports and Shipping
// Tevita Lolohea").
func (sc *sentenceScan) nameAfterBody(i, j int) int {
	// (The tagger may cut the name: "Ports and Shipping Tevita | Lolohea".)
	e := j
	for e < len(sc.words) && e < j+2 && isCapitalized(sc.words[e]) && isNameWord(sc.words[e], false) {
		e++
	}
	if e < len(sc.words) && isCapitalized(sc.words[e]) {
		return i
	}
	for n := 2; n <= 3; n++ {
		k := e - n
		if k >= j {
			continue
		}
		if k <= i+1 {
			break // (a body of one word is no body to end: "Council Yahudi Tayar")
		}
		if w := sc.words[k-1]; !isCapitalized(w) || !sc.e.gaz.LowerWord(w) && !orgHeads[w] {
			continue
		}
		if !slices.ContainsFunc(sc.words[k:e], func(w string) bool {
			return !isNameWord(w, false) || strings.HasSuffix(w, ".") || sc.e.gaz.LowerWord(w) || sc.e.titles.IsModifier(w)
		}) && sc.plausibleName(k, e) && !slices.ContainsFunc(sc.gaz, func(m gazetteer.Match) bool { return m.End > k && m.Start < e }) {
			return k
		}
	}
	return i
}

// outsideCountries trims the tagger's span [i, j) so that it neither starts
// nor ends inside an unambiguous country name.
func (sc *sentenceScan) outsideCountries(i, j int) (int, int) {
	for _, m := range sc.gaz {
		if m.Ambiguous || m.Entries[0].Kind != gazetteer.Country {
			continue
		}
		switch {
		case m.Start < i && i < m.End && m.End < j:
			i = m.End
		case i < m.Start && m.Start < j && j < m.End:
			j = m.Start
		}
	}
	return i, max(i, j)
}

// insideGazetteer returns the unambiguous gazetteer name with the same
// label that strictly contains the tagger's span [i, j) and is written as
// a name: "United States", not "Israeli army" or "Gulf region".
func (sc *sentenceScan) insideGazetteer(i, j int, label string) (gazetteer.Match, bool) {
	for _, m := range sc.gaz {
		if m.Ambiguous || m.Start > i || j > m.End || m.End-m.Start == j-i || labelOf(m.Entries[0].Kind) != label {
			continue
		}
		named := true
		for k := m.Start; k < m.End; k++ {
			if w := sc.words[k]; (k < i || k >= j) && !isCapitalized(w) && !orgLinks[w] && !isPossessive(w) {
				named = false
			}
		}
		if named {
			return m, true
		}
	}
	return gazetteer.Match{}, false
}

// promoteGazetteer gives the gazetteer's candidate for the name holding the
// tagger's span [i, j) the tagger's priority, and reports whether there is
// one.
// lateStateBody reports whether words i..j are the whole of a gazetteer
// match that only state bodies the rules alone know fill (central banks,
// legislatures).
func (sc *sentenceScan) lateStateBody(i, j int) bool {
	return slices.ContainsFunc(sc.gaz, func(m gazetteer.Match) bool {
		return m.Start == i && m.End == j && !slices.ContainsFunc(m.Entries, func(e gazetteer.Entry) bool { return !e.Late || !e.State })
	})
}

func (sc *sentenceScan) promoteGazetteer(i, j int, label string) bool {
	m, ok := sc.insideGazetteer(i, j, label)
	if !ok {
		return false
	}
	start, end := sc.toks[m.Start].Start, sc.toks[m.End-1].End
	for k := range sc.out {
		if c := &sc.out[k]; c.prio == prioGazetteer && c.Start == start && c.End == end {
			c.prio = prioTagger
			return true
		}
	}
	return false
}

// proseEntities runs prose's entity model on the sentence and keeps what
// survives clean-up: spans are cut at dashes, pipes and possessives, titles
// and determiners are trimmed off, and single capitalised words at the start
// of a sentence are dropped (they are usually common nouns).
func (sc *sentenceScan) proseEntities() {
	pt := make([]prosener.Token, len(sc.toks))
	for i, t := range sc.toks {
		pt[i] = prosener.Token{Text: t.Text, Tag: t.Tag, Start: t.Start}
	}
	sc.e.prose.Label(pt)
	for i := 0; i < len(pt); {
		lab := pt[i].Label
		if !strings.HasPrefix(lab, "B-") && !strings.HasPrefix(lab, "I-") {
			i++
			continue
		}
		typ := lab[2:]
		j := i + 1
		// prose often starts a new entity on each word of a name
		// ("B-PERSON B-PERSON"): join runs of the same type.
		for j < len(pt) && len(pt[j].Label) > 2 && pt[j].Label[2:] == typ {
			j++
		}
		sc.modelSpan(i, j, typ)
		i = j
	}
}

func (sc *sentenceScan) modelSpan(i, j int, typ string) {
	var label string
	switch typ {
	case "PERSON":
		label = pipeline.Person
	case "ORGANIZATION", "ORG":
		label = pipeline.Org
	case "GPE", "LOCATION", "LOC":
		label = pipeline.Place
	default:
		return
	}
	// Cut at the first separator.
	for k := i; k < j; k++ {
		if isDash(sc.words[k]) || sc.words[k] == "|" || isPossessive(sc.words[k]) || sc.words[k] == "," {
			j = k
			break
		}
	}
	for i < j && (sc.e.titles.IsHead(strings.ToLower(sc.words[i])) || lowercase.Get(honorifics, sc.words[i]) || notNames[sc.words[i]] || !isCapitalized(sc.words[i])) {
		i++
	}
	for j > i && !isCapitalized(sc.words[j-1]) && !particlePrefixed(sc.words[j-1]) {
		j--
	}
	if i >= j {
		return
	}
	if i == 0 && j == 1 || label != pipeline.Person && sc.inPortfolio(i, j) {
		return // a lone capitalised first word; words of a portfolio
	}
	if label == pipeline.Person {
		// prose calls many capitalised pairs people ("Deutsche Telekom",
		// "Hagia Sophia"); keep those that open with a known given name,
		// extended over the rest of the name.
		if !sc.e.gaz.GivenName(sc.words[i]) {
			return
		}
		if end := sc.nameRun(i); end > j {
			j = end
		}
		if j-i < 2 {
			return
		}
		for k := i; k < j; k++ {
			if !isNameWord(sc.words[k], true) && !nameMonths[sc.words[k]] || sc.isPlaceStart(k) || orgHeads[sc.words[k]] {
				return
			}
		}
	}
	if j-i == 1 && label != pipeline.Person {
		// A lone word the gazetteer does not know is rarely a place or an
		// organisation ("Daily", "Supreme"), unless it is an acronym.
		if w := sc.words[i]; !isAllCaps(w) || len(w) < 2 || len(w) > 6 {
			return
		}
		label = pipeline.Org
	}
	sc.add(i, j, label, prioModel, 0.6)
}

// resolve picks non-overlapping candidates: higher priority first, then
// longer, then earlier; the result is sorted by position.
func resolve(cands []candidate) []pipeline.Entity {
	sort.SliceStable(cands, func(a, b int) bool {
		ca, cb := cands[a], cands[b]
		if ca.prio != cb.prio {
			return ca.prio > cb.prio
		}
		if la, lb := ca.End-ca.Start, cb.End-cb.Start; la != lb {
			return la > lb
		}
		// On a tie the tagger, which reads the context, beats a rule.
		if ma, mb := ca.Source == pipeline.SourceModel, cb.Source == pipeline.SourceModel; ma != mb {
			return ma
		}
		return ca.Start < cb.Start
	})
	var kept []pipeline.Entity
	for _, c := range cands {
		overlaps := false
		for _, k := range kept {
			if c.Start < k.End && k.Start < c.End {
				overlaps = true
				break
			}
		}
		if !overlaps {
			kept = append(kept, c.Entity)
		}
	}
	kept = slices.DeleteFunc(kept, func(e pipeline.Entity) bool { return e.Label == noEntity })
	sortEntities(kept)
	return kept
}

// noEntity labels a candidate that claims its words for no entity: the
// name of a law or an event keeps the place inside it from being one.
const noEntity = ""

// sortEntities orders entities by start, then end; entities of one span
// keep their order.
func sortEntities(es []pipeline.Entity) {
	slices.SortStableFunc(es, func(a, b pipeline.Entity) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
}

// inHeading reports whether the text at byte offset start is in a heading.
func inHeading(d *pipeline.Doc, start int) bool {
	i := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].End > start })
	return i < len(d.Sentences) && d.Paragraphs[d.Sentences[i].Paragraph].Kind == pipeline.Heading
}

// listedPeople gives a body the tagger found between two people in a list
// ("including Tom Hale, Cate Blanchett and Leo Ruiz") the person's label
// when no common word but a given name opens it and no body's head is in
// it: a list names one kind of thing.
func listedPeople(text string, ents []pipeline.Entity, gaz *gazetteer.Gazetteer) {
	for k := 1; k+1 < len(ents); k++ {
		e, prev, next := &ents[k], ents[k-1], ents[k+1]
		if e.Label != pipeline.Org || e.Source == pipeline.SourceGazetteer || prev.Label != pipeline.Person || next.Label != pipeline.Person {
			continue
		}
		words := strings.Fields(e.Text)
		if len(words) < 2 || len(words) > 3 || gaz.LowerWord(words[0]) && !gaz.GivenName(words[0]) || slices.ContainsFunc(words, isOrgHead) {
			continue
		}
		if sep := text[e.End:next.Start]; text[prev.End:e.Start] != ", " || sep != ", " && sep != " and " && sep != ", and " {
			continue
		}
		e.Label, e.Subtype, e.Canonical, e.ID, e.Country = pipeline.Person, "", e.Text, "", ""
	}
}

// bodiesByMajority gives a name of two words or more that the document
// tags a body at least three times, and twice as often as a person, the
// body's label at every mention: a text keeps one sense of a name ("leave
// Harwick Air" in a headline, "the airline, Harwick Air" in the story).
func bodiesByMajority(ents []pipeline.Entity) {
	type count struct {
		org, person int
		body        *pipeline.Entity
	}
	counts := map[string]*count{}
	for i, e := range ents {
		if !strings.Contains(e.Text, " ") || e.Label != pipeline.Org && e.Label != pipeline.Person {
			continue
		}
		c := counts[e.Text]
		if c == nil {
			c = &count{}
			counts[e.Text] = c
		}
		if e.Label == pipeline.Org {
			c.org++
			if c.body == nil {
				c.body = &ents[i]
			}
		} else {
			c.person++
		}
	}
	for i, e := range ents {
		if c := counts[e.Text]; c != nil && e.Label == pipeline.Person && c.org >= 3 && c.org >= 2*c.person {
			takeSense(&ents[i], c.body)
		}
	}
}

// takeSense gives e the label and the reference of another mention of its
// name, the sense the document gives that name.
func takeSense(e, of *pipeline.Entity) {
	e.Label, e.Canonical, e.ID, e.Country = of.Label, of.Canonical, of.ID, of.Country
}

// placesBeforeLocalBodies gives a name that the document tags a place
// elsewhere the place's label where the tagger read it as a body before
// the lower-case noun of a local body: "the Lowgar Shahr provincial
// council" is a council of a place, which has no name of its own.
func placesBeforeLocalBodies(text string, ents []pipeline.Entity) {
	places := map[string]*pipeline.Entity{}
	for i, e := range ents {
		if e.Label == pipeline.Place && places[e.Text] == nil {
			places[e.Text] = &ents[i]
		}
	}
	for i, e := range ents {
		p := places[e.Text]
		if e.Label != pipeline.Org || p == nil {
			continue
		}
		next, _, _ := strings.Cut(strings.TrimLeft(text[e.End:], " "), " ")
		if localBodyWords[next] {
			takeSense(&ents[i], p)
		}
	}
}

// localBodyWords open the lower-case name of a place's own body.
var localBodyWords = toSet(`provincial district municipal city town county state regional local council government police governor administration assembly`)

// resultsTeams gives a town or a state that a score follows the label of
// a body where a sentence has two names or more with scores after them: a
// results line or a table of standings names clubs by their towns
// ("Harwick 3 Lakeside 1", "CENTRAL DIVISION HARWICK 80 53 .602").
// Countries stay places: national sides are named by their countries.
func resultsTeams(d *pipeline.Doc, ents []pipeline.Entity) {
	// The sentence of each entity that a number follows, else -1.
	scored := make([]int, len(ents))
	perSentence := map[int]int{}
	for i, e := range ents {
		scored[i] = -1
		k := sort.Search(len(d.Tokens), func(k int) bool { return d.Tokens[k].Start >= e.End })
		if k == 0 || k == len(d.Tokens) || d.Tokens[k].Sentence != d.Tokens[k-1].Sentence || !isDigits(d.Tokens[k].Text) {
			continue
		}
		scored[i] = d.Tokens[k].Sentence
		if e.Label != pipeline.NORP {
			perSentence[scored[i]]++
		}
	}
	for i, e := range ents {
		if s := scored[i]; s >= 0 && perSentence[s] >= 2 && e.Label == pipeline.Place && e.Subtype != gazetteer.Country && e.Subtype != gazetteer.Continent {
			ents[i].Label = pipeline.Org
		}
	}
}

// splitCoordinatedBodies splits a body's span that joins two bodies with
// "and" ("Harwick Bank and Vale Mining") where the document or the
// gazetteer knows each half as a body by itself, or where a half joins
// its own words with "&" ("Marks & Spencer and Tesco": a name written
// with "&" is not also joined by "and"); a name with "and" inside it
// that no one writes in halves stays whole ("Procter and Gamble").
func splitCoordinatedBodies(ents []pipeline.Entity, gaz *gazetteer.Gazetteer) []pipeline.Entity {
	bodies := map[string]*pipeline.Entity{}
	for i, e := range ents {
		if e.Label == pipeline.Org && !strings.Contains(e.Text, " and ") {
			bodies[e.Text] = &ents[i]
		}
	}
	known := func(name string) (pipeline.Entity, bool) {
		if b, ok := bodies[name]; ok {
			return *b, true
		}
		for _, en := range gaz.Lookup(name) {
			if en.Kind == gazetteer.Org {
				return pipeline.Entity{Canonical: en.Name, ID: en.ID, Country: en.Country}, true
			}
		}
		return pipeline.Entity{}, false
	}
	if len(ents) == 0 {
		return nil
	}
	out := make([]pipeline.Entity, 0, len(ents)) // (a split adds one)
	for _, e := range ents {
		left, right, ok := strings.Cut(e.Text, " and ")
		if e.Label != pipeline.Org || !ok || strings.Contains(right, " and ") || !isCapitalized(right) {
			out = append(out, e)
			continue
		}
		l, lok := known(left)
		r, rok := known(right)
		if (!lok || !rok) && !joinedByAmpersand(left) && !joinedByAmpersand(right) {
			out = append(out, e)
			continue
		}
		half := func(start int, text string, k pipeline.Entity) pipeline.Entity {
			h := e
			h.Start, h.End, h.Text = start, start+len(text), text
			h.Canonical, h.ID, h.Country = cmp.Or(k.Canonical, text), k.ID, k.Country
			return h
		}
		out = append(out, half(e.Start, left, l), half(e.End-len(right), right, r))
	}
	return out
}

// joinedByAmpersand reports whether a name joins its words with "&", not
// counting an HTML entity ("&#233;").
func joinedByAmpersand(name string) bool {
	return strings.Contains(strings.ReplaceAll(name, "&#", ""), "&")
}

// partnersFirms joins into one body a firm named by its partners, a list
// of surnames whose last is joined by "&" ("Harwick, Tarn & Co.", "Ostby,
// Marsh, Kell & Varga"): news joins a list of separate bodies or people
// with "and". Each partner is one or two capitalised words; a person's
// full name inside ("Ana Ruiz, Tom Berg & Lena Banda") or a partner
// that is itself a firm with "&" ("Procter & Gamble, Johnson & Johnson")
// leaves the list as it is.
func partnersFirms(d *pipeline.Doc, ents []pipeline.Entity) []pipeline.Entity {
	t := d.Tokens
	word := func(i, k int) bool {
		return i >= 0 && i < len(t) && t[i].Sentence == t[k].Sentence && isCapitalized(t[i].Text) && !notNames[t[i].Text]
	}
	// Firms are found left to right, so the entities each replaces come
	// in order: the list is rebuilt once, whatever their number.
	var out []pipeline.Entity
	done := 0 // ents[:done] are settled
	for k := 1; k+1 < len(t); k++ {
		if t[k].Text != "&" {
			continue
		}
		end := k + 1
		for end < k+3 && word(end, k) {
			end++
		}
		if end == k+1 {
			continue
		}
		start, commas := k, 0
		for {
			e := start
			for e > start-2 && word(e-1, k) {
				e--
			}
			if e == start {
				break
			}
			start = e
			if start >= 2 && t[start-1].Text == "," && word(start-2, k) {
				start--
				commas++
				continue
			}
			break
		}
		if commas == 0 || t[start].Text == "," || start > 0 && t[start-1].Sentence == t[k].Sentence && (t[start-1].Text == "&" || isCapitalized(t[start-1].Text)) {
			continue
		}
		// A list that goes on with "and" after the firm, or that an
		// example opens, has bodies for items ("such as Lakeview, Tarn,
		// Berg & Co. and Harwick Corp.").
		if end+1 < len(t) && (t[end].Text == "and" || t[end].Text == "or") && word(end+1, k) || start >= 1 && lowercase.Get(listOpeners, t[start-1].Text) {
			continue
		}
		// The entities inside the list: at least one a body, none a
		// person's full name nor running past the list.
		lo, hi := t[start].Start, t[end-1].End
		a := done + sort.Search(len(ents)-done, func(i int) bool { return ents[done+i].End > lo })
		b := a
		for b < len(ents) && ents[b].Start < hi {
			b++
		}
		inside := ents[a:b]
		if !slices.ContainsFunc(inside, func(e pipeline.Entity) bool { return e.Label == pipeline.Org }) ||
			slices.ContainsFunc(inside, func(e pipeline.Entity) bool {
				return e.Start < lo || e.End > hi || e.Label == pipeline.Person && strings.Contains(e.Text, " ")
			}) {
			continue
		}
		out = append(out, ents[done:a]...)
		out = append(out, pipeline.Entity{Start: lo, End: hi, Text: d.Text[lo:hi], Label: pipeline.Org, Canonical: d.Text[lo:hi], Source: pipeline.SourceRule, Confidence: 1})
		done = b
		k = end - 1
	}
	if out == nil {
		return ents
	}
	return append(out, ents[done:]...)
}

// listOpeners open a list of examples.
var listOpeners = toSet(`as including like among between`)

// echoNames labels the other mentions of names the document has already
// given a label: a person's full name or surname elsewhere ("Lavrov",
// "el-Sisi"), an organisation's name repeated in a heading.
func echoNames(d *pipeline.Doc, es []pipeline.Entity, gaz *gazetteer.Gazetteer) []pipeline.Entity {
	trimHeadingNames(d, es)
	forms := map[string]echoed{} // surface form -> entity it echoes
	for _, e := range es {
		if e.Source == pipeline.SourceModel && e.Label != pipeline.Person {
			continue
		}
		switch e.Label {
		case pipeline.Person:
			for _, f := range nameForms(e.Text) {
				if _, ok := forms[f]; !ok {
					forms[f] = echoOf(e)
				}
			}
		case pipeline.Org:
			forms[e.Text] = echoOf(e)
		}
	}
	if len(forms) == 0 {
		return es
	}
	// The model reads one sentence at a time; where it gives another label
	// to a form that a rule found to be a person's name, the rule wins, as
	// does a person's full name over a surname alone that no reference
	// data knows and the model reads as a person's at least as often
	// ("Ann Kerr ... Kerr said ... Kerr would resign").
	votes := map[string]int{} // a surname's person mentions less its others
	for _, e := range es {
		if src, ok := forms[e.Text]; ok && e.Source == pipeline.SourceModel && src.Label == pipeline.Person && e.Text != src.Text {
			if e.Label == pipeline.Person {
				votes[e.Text]++
			} else {
				votes[e.Text]--
			}
		}
	}
	for i, e := range es {
		src, ok := forms[e.Text]
		if !ok {
			// "Brittany Higgins" read as a place where a rule found "Ms
			// Higgins": a given name and a person's surname are a name.
			first, last, two := strings.Cut(e.Text, " ")
			if two && !strings.Contains(last, " ") && e.Source == pipeline.SourceModel && e.Label != pipeline.Person && e.ID == "" && e.Country == "" && gaz.CommonGivenName(first) && !placePrefixes[first] {
				if s, ok := forms[last]; ok && s.Label == pipeline.Person && s.Source != pipeline.SourceModel {
					es[i].Label, es[i].Subtype, es[i].Canonical = pipeline.Person, "", e.Text
				}
			}
			continue
		}
		if e.Source != pipeline.SourceModel || e.Label == src.Label {
			continue
		}
		if src.Source != pipeline.SourceModel || src.Label == pipeline.Person && e.Text != src.Text && e.ID == "" && e.Country == "" && votes[e.Text] >= 0 {
			es[i].Label, es[i].Subtype, es[i].ID, es[i].Canonical = src.Label, "", "", src.Canonical
		}
	}
	covered := func(start, end int) bool {
		i := sort.Search(len(es), func(i int) bool { return es[i].End > start })
		return i < len(es) && es[i].Start < end
	}
	// A form starts with its first word's first byte: most words (lower
	// case, punctuation) start none, and are not looked up at all.
	var opens [256]bool
	for f := range forms {
		if f != "" {
			opens[f[0]] = true
		}
	}
	var added []pipeline.Entity
	for _, s := range d.Sentences {
		toks := d.Tokens[s.FirstToken:s.EndToken]
		for i := 0; i < len(toks); i++ {
			if t := toks[i].Text; t != "" && !opens[t[0]] {
				continue
			}
			// Longest form starting here, up to four tokens.
			for n := min(4, len(toks)-i); n >= 1; n-- {
				start, end := toks[i].Start, toks[i+n-1].End
				src, ok := forms[d.Text[start:end]]
				if !ok || covered(start, end) {
					continue
				}
				// The form must not be glued to more name words, except in
				// a heading, where every word is capitalised.
				if i+n < len(toks) && isNameWord(toks[i+n].Text, false) && src.Label == pipeline.Person && !inHeading(d, start) {
					continue
				}
				// ("Fans of The Sopranos": a show's name; a form that echoes
				// a person is a name, not a title.)
				if src.Label == pipeline.Person && !inHeading(d, start) && afterCapitalThe(tokenTexts(toks), i, func(int) bool { return false }) {
					continue
				}
				added = append(added, pipeline.Entity{
					Start: start, End: end, Text: d.Text[start:end], Label: src.Label,
					Canonical: src.Canonical, ID: src.ID, Country: src.Country,
					Source: pipeline.SourceRule, Confidence: 0.8,
				})
				i += n - 1
				break
			}
		}
	}
	if len(added) == 0 {
		return es
	}
	es = append(es, added...)
	sortEntities(es)
	return es
}

// echoed is what echoNames copies from the entity a form echoes: less than
// an Entity, so that the map's values stay small.
type echoed struct {
	Text, Label, Canonical, ID, Country, Source string
}

func echoOf(e pipeline.Entity) echoed {
	return echoed{e.Text, e.Label, e.Canonical, e.ID, e.Country, e.Source}
}

// trimHeadingNames cuts a person's name in a heading back to the longest
// of its beginnings that the body names someone by: in "President Ruiz
// Resigns After Protests" every word is capitalised, and "Ruiz" is the
// name the body gives.
func trimHeadingNames(d *pipeline.Doc, es []pipeline.Entity) {
	body := map[string]bool{}
	for _, e := range es {
		if e.Label == pipeline.Person && !inHeading(d, e.Start) {
			for _, f := range nameForms(e.Text) {
				body[f] = true
			}
		}
	}
	for i := range es {
		e := &es[i]
		if e.Label != pipeline.Person || body[e.Text] || !inHeading(d, e.Start) {
			continue
		}
		for end := strings.LastIndexByte(e.Text, ' '); end > 0; end = strings.LastIndexByte(e.Text[:end], ' ') {
			if body[e.Text[:end]] {
				e.End = e.Start + end
				e.Text = d.Text[e.Start:e.End]
				e.Canonical = e.Text
				break
			}
		}
	}
}

// capitalSurname reports whether a name's surname is written in capitals
// after a given name that is not, as reference works and some wire
// services write them: "Mamadou TANDJA", who is "TANDJA" after.
func capitalSurname(parts []string) bool {
	last := parts[len(parts)-1]
	return utf8.RuneCountInString(last) > 2 && isAllCaps(last) && !strings.Contains(last, ".") &&
		isNameWord(parts[0], true) && !isAllCaps(parts[0])
}

// nameForms are the forms under which a person's name recurs: the whole
// name, and the surname with its particles ("el-Sisi", "Abdel Atty" when
// written with a joining particle, "Lavrov").
func nameForms(name string) []string {
	if base, ok := withoutGeneration(name); ok {
		return append([]string{name}, nameForms(base)...) // "Ann Kerr Jr." is "Ann Kerr", "Kerr"
	}
	parts := strings.Fields(name)
	forms := []string{name}
	if len(parts) < 2 {
		return forms
	}
	last := len(parts) - 1
	start := last
	for start > 1 && (lowercase.Get(nameParticles, parts[start-1]) || surnamePrefixes[parts[start-1]]) {
		start--
	}
	if !isNameWord(parts[last], false) && !capitalSurname(parts) {
		return forms // no surname to recur as
	}
	forms = append(forms, strings.Join(parts[start:], " "))
	if start != last {
		forms = append(forms, parts[last])
	}
	// "al-Haddad" is written "Al-Haddad" opening a sentence, and news
	// drops the article too: "Haddad said".
	if w := parts[last]; start == last && particlePrefixed(w) {
		particle, surname, _ := strings.Cut(w, "-")
		other := strings.ToUpper(particle[:1]) + particle[1:]
		if isCapitalized(particle) {
			other = strings.ToLower(particle[:1]) + particle[1:]
		}
		forms = append(forms, other+"-"+surname, surname)
	}
	return forms
}

func hasLetter(w string) bool {
	return strings.IndexFunc(w, unicode.IsLetter) >= 0
}

// surnamePrefixes begin compound Arabic surnames: "Abdel Atty", "Abu Bakr".
var surnamePrefixes = toSet(`Abdel Abdul Abd Abu Bin Ibn Al El`)

// canonicalPeople gives every person mention the fullest name in the
// document that it is a form of.
func canonicalPeople(es []pipeline.Entity) {
	full := map[string]string{}
	for _, e := range es {
		if e.Label != pipeline.Person {
			continue
		}
		for _, f := range nameForms(e.Text) {
			if cur, ok := full[f]; !ok || len(e.Text) > len(cur) {
				full[f] = e.Text
			}
		}
	}
	for i := range es {
		if es[i].Label == pipeline.Person {
			if f, ok := full[es[i].Text]; ok {
				es[i].Canonical = f
			}
		}
	}
}

// canonicalBodies gives a body's short name the canonical name of the one
// national body the document names in full with it: "the Senate" is the
// "U.S. Senate" where the text says so, and no body where the text also
// names the "Canadian Senate". Of two full names of one country's body
// ("Canadian Supreme Court", "Supreme Court of Canada") the longer is kept.
func canonicalBodies(es []pipeline.Entity, gaz *gazetteer.Gazetteer) {
	type body struct{ country, canonical string }
	full := map[string]body{} // short name -> its fuller form; country "-" when two countries have one
	for _, e := range es {
		if e.Label != pipeline.Org {
			continue
		}
		country, short := nationalShort(e.Text, gaz)
		if short == "" {
			continue
		}
		cur, ok := full[short]
		switch {
		case !ok:
			full[short] = body{country, e.Canonical}
		case cur.country != country:
			full[short] = body{"-", ""}
		case len(e.Canonical) > len(cur.canonical):
			full[short] = body{country, e.Canonical}
		}
	}
	for i, e := range es {
		if b := full[e.Text]; e.Label == pipeline.Org && b.canonical != "" {
			es[i].Canonical = b.canonical
		}
	}
}

// nationalShort splits a body's name into the country that opens or closes
// it and the rest ("U.S. Senate", "Supreme Court of Chile"); short is ""
// when no country does.
func nationalShort(name string, gaz *gazetteer.Gazetteer) (country, short string) {
	countryOf := func(ws []string) string {
		if len(ws) > 0 && ws[0] == "the" {
			ws = ws[1:]
		}
		return countryNamed(gaz, strings.Join(ws, " "))
	}
	words := strings.Fields(name)
	for n := 1; n <= 3 && n < len(words); n++ {
		if c := countryOf(words[:n]); c != "" {
			return c, strings.Join(words[n:], " ")
		}
	}
	if of := slices.Index(words, "of"); of > 0 {
		if c := countryOf(words[of+1:]); c != "" {
			return c, strings.Join(words[:of], " ")
		}
	}
	return "", ""
}

// renderingMarker opens a quotation's rendering in its own language, as
// Wikinews writes it after the English: "((es))Spanish language: ...".
var renderingMarker = regexp.MustCompile(`\(\([a-z]{2,3}\)\)\p{Lu}\p{Ll}+ language:`)

// withoutRenderedPeople drops the people found in a rendering of a
// quotation in another language, which repeats the English (the
// annotation guidelines leave it out) and whose capitalised words the
// tagger reads as names. A rendering runs from its marker to the end of
// its paragraph or to the first English function word, where the English
// goes on.
func withoutRenderedPeople(d *pipeline.Doc, ents []pipeline.Entity) []pipeline.Entity {
	var spans [][2]int
	for _, m := range renderingMarker.FindAllStringIndex(d.Text, -1) {
		end, para := m[1], paragraphAt(d, m[0])
		for _, t := range d.Tokens {
			if t.Start < m[1] {
				continue
			}
			if d.Sentences[t.Sentence].Paragraph != para || lowercase.Get(englishFunctionWords, t.Text) {
				break
			}
			end = t.End
		}
		spans = append(spans, [2]int{m[1], end})
	}
	if len(spans) == 0 {
		return ents
	}
	return slices.DeleteFunc(ents, func(e pipeline.Entity) bool {
		return e.Label == pipeline.Person && slices.ContainsFunc(spans, func(sp [2]int) bool { return e.Start >= sp[0] && e.End <= sp[1] })
	})
}

// paragraphAt returns the paragraph of the sentence holding byte b, -1
// when none does.
func paragraphAt(d *pipeline.Doc, b int) int {
	for _, s := range d.Sentences {
		if s.Start <= b && b < s.End {
			return s.Paragraph
		}
	}
	return -1
}

// englishFunctionWords never occur in the languages whose renderings follow
// a quotation: where one stands, the English text goes on.
var englishFunctionWords = toSet(`the of and to was were is are by with from that this for on at as his her their said`)

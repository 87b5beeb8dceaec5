package extract

import (
	"context"
	_ "embed"
	"fmt"
	"maps"
	"math/bits"
	"os"
	"slices"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/readout/readout/gazetteer"
	"github.com/readout/readout/internal/lowercase"
	"github.com/readout/readout/pipeline"
)

// Constructions are the ways English news attaches a role to a named
// person, written as patterns over tokens in participants.yaml (or a user's
// file of the same shape): "ROLE ,? NAME", "NAME , ROLE $", "ROLES NAMES".
// This file is the engine that runs them; roles.go reads the role phrases
// they refer to.
//
// A pattern is a list of elements separated by spaces:
//
//	NAME     a person mention (titles of address such as "Mr" may precede it,
//	         a US party-state tag follow it: "(D-Ohio)")
//	NAMES    person mentions joined by commas and "and", each
//	         optionally followed by "of PLACE" ("A of Chile and B of Peru")
//	ROLE     a role phrase (roles.go); ROLES the same with a plural head
//	COUNTRY  a country, demonym or capital; PLACE any place; ORG a body;
//	         PARTY a party adjective or member noun of the file's parties
//	QUOTE    a closing quotation mark; DASH any dash
//	NUM      a number: "Tom Hale, 45, a police officer"; AGE an age,
//	         "54-year-old"
//	VERB     a finite verb or a modal; TENSED a finite verb, no modal
//	         ("ridiculed", "has", not "will")
//	ADJ      a lowercase adjective, adverb or participle that describes:
//	         "the highly experienced X"; NOUN a lowercase common noun,
//	         "a former banker who is now ..."
//	CLAUSE   a clause between commas: ", a Chilean citizen,"
//	PREDICATE a finite verb and the rest of its clause up to the next
//	         element, no name, punctuation, speech verb, second clause
//	         nor word of @predicate_stop in it: "oversaw the accession of
//	         two states" (before "as commissioner"); PREDICATE! the same
//	         with a word of @predicate_stop ("attacked the bill")
//	PARTICIPLE a present participle and its object, no name, punctuation
//	         nor second verb in it: the reduced relative of "the head
//	         of a team investigating the crash says"
//	INFINITIVE "to", a verb and its object, the same: "the first
//	         president to lose a seat since ..."
//	PORTFOLIO portfolio words ("Justice", "Science and Innovation") in a
//	         sentence with a word of @cabinet ("ministers", "portfolios"):
//	         a minister's post, "Minister of Justice"
//	PHRASE   a preposition and its object, no verb nor name in it, up
//	         to a comma not consumed: "behind the bill", "during the war"
//	BRACKET  words in brackets: "(National Union of Rail Workers)"; ABBR
//	         an abbreviation in brackets: "(IGP)"
//	^        the start of the sentence; $ the end of an apposition (a
//	         comma, a full stop, a bracket, a dash, the sentence end or a
//	         word of the class @apposition_end such as "who"; not
//	         consumed); $say also a word of @say ("X, Plaid health
//	         spokesman said")
//	@class   a word from the file's word classes
//	a|b      one of these words (compared in lower case), punctuation too
//
// An element followed by "?" is optional, by "*" repeated (words only).
// Each NAME takes the ROLEs between the previous NAME and itself, else the
// nearest ROLE after it; a COUNTRY or ORG in the match fills what its roles
// leave empty.

//go:embed participants.yaml
var defaultConstructions []byte

// ruleFile is the YAML shape of participants.yaml.
type ruleFile struct {
	Words   map[string][]string `yaml:"words"`
	Parties map[string]string   `yaml:"parties"`
	Members map[string]string   `yaml:"members"`
	Nations map[string]string   `yaml:"nations"`
	// CountryNames lists, by ISO code, the short names English news
	// gives a country, the most used first ("Myanmar", "Burma").
	CountryNames map[string][]string `yaml:"country_names"`
	Rules        []ruleSpec          `yaml:"rules"`
}

type ruleSpec struct {
	Name    string `yaml:"name"`
	Pattern string `yaml:"pattern"`
	// Where limits the rule to roster lines ("list": list items and table
	// rows), to headings ("heading", where "to be" is left out) or to the
	// story's first sentence ("lede").
	Where string `yaml:"where"`
	// Former marks the roles the match gives as no longer held; FormerName
	// marks only the role of that NAME (1-based).
	Former     bool `yaml:"former"`
	FormerName int  `yaml:"former_name"`
	// LeftOffice says the named person left their post (the role comes
	// from elsewhere).
	LeftOffice bool `yaml:"left_office"`
	// Antecedent gives the role to the person the phrase refers back to
	// ("the prime minister said"). A "counterpart" (relationalTitles)
	// takes the title of the person named before it in any rule.
	Antecedent bool `yaml:"antecedent"`
	// Lede lets an antecedent description that has none go to the speaker
	// of the next sentence: "The head of the agency says ... Ana Ruiz said".
	// Without antecedent it goes only there: "The party's spokesman said
	// ... '...,' Ana Ruiz said" (a body's spokesman is rarely the person
	// named before).
	Lede bool `yaml:"lede"`
	// Strict limits an antecedent to the subject of the sentence right
	// before: weaker evidence than a description that speaks.
	Strict bool `yaml:"strict"`
	// Pronoun gives an antecedent role to the one person whom the last
	// sentence naming anyone names, as its subject: "X arrived on Monday.
	// She is Chile's foreign minister."
	Pronoun bool `yaml:"pronoun"`
	// Possessor gives the role to the person named before in the sentence,
	// whom a possessive refers to ("X ... his time as finance
	// director").
	Possessor bool `yaml:"possessor"`
	// ShareCountry lets a role without a country take another's in the
	// same match ("Dutch prime minister A and finance minister B").
	ShareCountry bool `yaml:"share_country"`
	// Subject says the name is the subject of its clause, so not one
	// that a possessive makes the owner of the subject ("As president of
	// the club, Tom Hale's father ...").
	Subject bool `yaml:"subject"`
	// Title is the role a rule gives by itself, for a verb that names a
	// post ("who heads the bank": Head).
	Title string `yaml:"title"`
	// Member gives the title of a member of the chamber the rule's ORG
	// names, from the file's members ("the Senate seat held by X":
	// Senator); without one the rule says nothing.
	Member bool `yaml:"member"`
	// Post says the match makes any title a post, as an appointment
	// does: "named X as coach" is tied to whoever named X.
	Post bool `yaml:"post"`
	// Succession says the match changes who holds a post, so that a
	// state office without a country is in the state of whoever announces
	// the change ("President X said A would replace B as foreign
	// minister"), as with an appointment.
	Succession bool `yaml:"succession"`
	// Pairs gives each NAME the first ROLE after it, not one between it
	// and the NAME before: "with A as chairman and B as treasurer".
	Pairs bool `yaml:"pairs"`
	// Last gives the NAME the match's last ROLE: in "moved from the
	// justice portfolio to become X" the first is the post left.
	Last bool `yaml:"last"`
	// Unlisted says a titled name is no item of a list of titled names:
	// in "the chair of the panel, Minister X, Senator Y and ..." the chair
	// is another item.
	Unlisted bool `yaml:"unlisted"`
	// MainClause says the first NAME stands in no relative clause: in
	// "tap X, who advised Y, as minister" the post is X's, not Y's.
	MainClause bool `yaml:"main_clause"`
	// Coordinated gives the NAME's roles to names that "and" joins later
	// in the sentence, each opening a clause of the same kind, a
	// participle's: "with A of Ohio calling it X and B of Utah calling it
	// Y".
	Coordinated bool `yaml:"coordinated"`
	// Single limits the rule's ROLE to an office one person holds at a
	// time: "the prime minister will" is someone named before, while "the
	// minister will" may be the minister of a ministry just named.
	Single bool `yaml:"single"`
	// Roster facts come before others: a list line states a role
	// deliberately.
	Roster   bool          `yaml:"roster"`
	Examples []ruleExample `yaml:"examples"`
}

// ruleExample is an invented sentence and what must come out of it:
// "Name | Role | Country | Organisation", empty fields meaning none and
// missing trailing fields meaning not checked.
type ruleExample struct {
	Text string   `yaml:"text"`
	Want []string `yaml:"want"`
}

type elemKind int

const (
	elWord elemKind = iota
	elName
	elNames
	elRole
	elRoles
	elCountry
	elPlace
	elOrg
	elQuote
	elDash
	elStart
	elEnd
	elClause
	elBracket
	elNum
	elAge
	elParty
	elVerb
	elPhrase
	elPredicate
	elParticiple
	elInfinitive
	elPortfolio
)

type elem struct {
	kind  elemKind
	lits  []uint16  // the numbers of literal words, or
	class wordClass // a word class
	opt   bool
	star  bool
	say   bool // $say: a speech verb ends an apposition too
	tense bool // TENSED: a verb, not a modal
	abbr  bool // ABBR: one bracket holding an abbreviation
	loose bool // PREDICATE!: @predicate_stop words too
	adj   bool // ADJ: a describing word, by its tag
	noun  bool // NOUN: a common noun, by its tag
}

type rule struct {
	ruleSpec
	elems []elem
	named bool // the pattern has a NAME or NAMES
	// The words a match cannot do without: for each word element that
	// is not optional, its literal words or its class. A sentence
	// without one of them is not tried.
	anchors []elem
}

// constructions is a loaded rules file.
type constructions struct {
	words       wordClasses
	parties     map[string]string   // "Lib Dem" -> "Liberal Democrats"
	members     map[string]string   // "House of Representatives" -> "Representative"
	nations     map[string]string   // "Scotland" -> "GB-SCT"
	nationNames map[string]string   // "GB-SCT" -> "Scotland"
	otherNames  map[string][]string // "MM" -> "Myanmar", "Burma"
	rules       []rule
	lits        uint16 // literal words numbered so far
	// byStart lists the rules by what their first element needs at a
	// token; wordRules those that open with words, looked up by word.
	byStart       [startKinds][]int
	wordRules     []int   // rules opening with a word class or an optional element
	openRules     []int   // those of wordRules that do not need a class
	openers       uint64  // the classes wordRules open with
	nameless      []int   // rules without a name that open a sentence
	byWord        [][]int // rules opening with literal words, by the number of the word
	namelessWords []int   // rules without a name that open with a word: "as Chile's minister said"
	// The classes the engine and the role grammar read themselves.
	determiner, possessor, former, current, describer, scope, time, stop, appoint, complement, ties, say, appositionEnd, relative wordClass

	// Optional: the present of @appoint in headlines ("President names X");
	// words of a body before a title, dropped from it ("ruling party official");
	// words that keep a PREDICATE from stating the subject's post;
	// bodies whose noun opens a title after a portfolio or a demonym.
	appoints, bodyScope, predicateStop, cabinet, titleBody wordClass
}

// wordClasses maps a lowercase word to the classes it belongs to, one bit
// per class, and to its number among the words patterns name literally:
// one lookup per token answers every word test of every rule.
type wordClasses struct {
	bit  map[string]wordClass // class name -> its bit
	word map[string]wordInfo
}

type wordClass uint64

type wordInfo struct {
	classes wordClass
	lit     uint16 // 0 when no pattern names the word
}

func (w wordClasses) info(word string) wordInfo { return w.word[word] }

// add puts word in the classes c.
func (w wordClasses) add(word string, c wordClass) {
	info := w.word[word]
	info.classes |= c
	w.word[word] = info
}

// literal returns the number of a word a pattern names, giving it the
// next one if it has none.
func (c *constructions) literal(word string) uint16 {
	info := c.words.word[word]
	if info.lit == 0 {
		c.lits++
		info.lit = c.lits
		c.words.word[word] = info
	}
	return info.lit
}

// loadConstructions reads a rules file; "" means the built-in one. The
// titles' opening words become a word class of their own.
func loadConstructions(path string, titles *gazetteer.Titles) (*constructions, error) {
	b := defaultConstructions
	if path != "" {
		var err error
		if b, err = os.ReadFile(path); err != nil {
			return nil, err
		}
	}
	var f ruleFile
	if err := yaml.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", ruleFileName(path), err)
	}
	c := &constructions{words: wordClasses{bit: map[string]wordClass{}, word: map[string]wordInfo{}}, parties: f.Parties, members: f.Members,
		nations: map[string]string{}, nationNames: f.Nations, otherNames: f.CountryNames}
	for code, name := range f.Nations {
		c.nations[name] = code
	}
	if len(f.Words) > 58 {
		return nil, fmt.Errorf("%s: %d word classes, at most 58", ruleFileName(path), len(f.Words))
	}
	for _, class := range slices.Sorted(maps.Keys(f.Words)) {
		bit := wordClass(1) << len(c.words.bit)
		c.words.bit[class] = bit
		for _, w := range f.Words[class] {
			c.words.add(strings.ToLower(w), bit)
		}
	}
	for w := range honorifics {
		c.words.add(w, honorificClass)
	}
	for _, w := range titles.Openers() {
		c.words.add(w, titleOpenClass)
	}
	for w := range groupNouns {
		c.words.add(w, groupClass)
	}
	for w := range officeHeads {
		c.words.add(w, officeClass)
	}
	for name := range c.parties {
		first, _, _ := strings.Cut(name, " ")
		c.words.add(strings.ToLower(first), partyClass)
	}
	for name, into := range map[string]*wordClass{"determiner": &c.determiner, "possessor": &c.possessor, "former": &c.former,
		"current": &c.current, "describer": &c.describer, "scope": &c.scope, "time": &c.time, "stop": &c.stop,
		"appoint": &c.appoint, "complement": &c.complement, "ties": &c.ties, "say": &c.say, "apposition_end": &c.appositionEnd, "relative": &c.relative} {
		bit, ok := c.words.bit[name]
		if !ok {
			return nil, fmt.Errorf("%s: word class %q is missing", ruleFileName(path), name)
		}
		*into = bit
	}
	c.appoints = c.words.bit["appoints"]
	c.bodyScope = c.words.bit["body_scope"]
	c.predicateStop = c.words.bit["predicate_stop"]
	c.cabinet = c.words.bit["cabinet"]
	c.titleBody = c.words.bit["title_body"]
	for _, s := range f.Rules {
		if s.Where != "" && s.Where != "list" && s.Where != "heading" && s.Where != "lede" {
			return nil, fmt.Errorf("%s: rule %q: where %q is not list, heading or lede", ruleFileName(path), s.Name, s.Where)
		}
		els, err := c.compile(s.Pattern)
		if err != nil {
			return nil, fmt.Errorf("%s: rule %q: %w", ruleFileName(path), s.Name, err)
		}
		named := slices.ContainsFunc(els, func(e elem) bool { return e.kind == elName || e.kind == elNames })
		var anchors []elem
		for _, e := range els {
			if e.kind == elWord && !e.opt && !e.adj && !e.noun {
				anchors = append(anchors, e)
			}
		}
		c.rules = append(c.rules, rule{s, els, named, anchors})
	}
	for ri, ru := range c.rules {
		if !ru.named && len(ru.elems) >= 2 && ru.elems[0].kind == elStart {
			c.nameless = append(c.nameless, ri)
		} else if !ru.named && ru.elems[0].kind == elWord && !ru.elems[0].opt && !ru.elems[0].adj && !ru.elems[0].noun {
			c.namelessWords = append(c.namelessWords, ri)
		}
		el := &ru.elems[0]
		if need := el.needs(); need != 0 {
			k := bits.TrailingZeros8(uint8(need))
			c.byStart[k] = append(c.byStart[k], ri)
		} else if el.kind == elWord && el.class == 0 && !el.opt {
			for _, lit := range el.lits {
				for int(lit) >= len(c.byWord) {
					c.byWord = append(c.byWord, nil)
				}
				c.byWord[lit] = append(c.byWord[lit], ri)
			}
		} else {
			c.wordRules = append(c.wordRules, ri)
			if el.opt || el.class == 0 {
				c.openRules = append(c.openRules, ri)
			} else {
				c.openers |= uint64(el.class)
			}
		}
	}
	return c, nil
}

func ruleFileName(path string) string {
	if path == "" {
		return "participants.yaml"
	}
	return path
}

func (c *constructions) compile(pattern string) ([]elem, error) {
	var els []elem
	for _, f := range strings.Fields(pattern) {
		var e elem
		if len(f) > 1 && (strings.HasSuffix(f, "?") || strings.HasSuffix(f, "*")) {
			e.opt = true
			e.star = strings.HasSuffix(f, "*")
			f = f[:len(f)-1]
		}
		switch f {
		case "NAME":
			e.kind = elName
		case "NAMES":
			e.kind = elNames
		case "ROLE":
			e.kind = elRole
		case "ROLES":
			e.kind = elRoles
		case "COUNTRY":
			e.kind = elCountry
		case "PLACE":
			e.kind = elPlace
		case "ORG":
			e.kind = elOrg
		case "PARTY":
			e.kind = elParty
		case "QUOTE":
			e.kind = elQuote
		case "DASH":
			e.kind = elDash
		case "NUM":
			e.kind = elNum
		case "AGE":
			e.kind = elAge
		case "VERB", "TENSED":
			e.kind, e.tense = elVerb, f == "TENSED"
		case "ADJ":
			e.adj = true // a word element: it may repeat
		case "NOUN":
			e.noun = true
		case "CLAUSE":
			e.kind = elClause
		case "PHRASE":
			e.kind = elPhrase
		case "PREDICATE", "PREDICATE!":
			e.kind, e.loose = elPredicate, f == "PREDICATE!"
		case "PARTICIPLE":
			e.kind = elParticiple
		case "INFINITIVE":
			e.kind = elInfinitive
		case "PORTFOLIO":
			e.kind = elPortfolio
		case "BRACKET", "ABBR":
			e.kind, e.abbr = elBracket, f == "ABBR"
		case "^":
			e.kind = elStart
		case "$":
			e.kind = elEnd
		case "$say":
			e.kind, e.say = elEnd, true
		default:
			if class, ok := strings.CutPrefix(f, "@"); ok {
				bit, ok := c.words.bit[class]
				if !ok {
					return nil, fmt.Errorf("unknown word class @%s", class)
				}
				e.class = bit
			} else {
				var words []string
				for _, w := range strings.Split(f, "|") {
					switch w {
					case "DASH":
						words = append(words, dashes...)
					case "QUOTE":
						words = append(words, quotes...)
					default:
						if strings.HasPrefix(w, "@") {
							return nil, fmt.Errorf("%q: a word class stands alone, not among words", f)
						}
						words = append(words, strings.ToLower(w))
					}
				}
				for _, w := range words {
					e.lits = append(e.lits, c.literal(w))
				}
			}
		}
		if e.star && e.kind != elWord {
			return nil, fmt.Errorf("%q: only words repeat", f)
		}
		els = append(els, e)
	}
	if len(els) == 0 {
		return nil, fmt.Errorf("empty pattern")
	}
	return els, nil
}

// partyAt returns the party a party adjective or member noun ending at
// token j names ("Conservative", "Lib Dem"), and its length in tokens.
func (c *constructions) partyAt(toks []pipeline.Token, j int) (string, int) {
	if j >= 1 {
		if p, ok := c.parties[toks[j-1].Text+" "+toks[j].Text]; ok {
			return p, 2
		}
	}
	if p, ok := c.parties[toks[j].Text]; ok {
		return p, 1
	}
	return "", 0
}

// partyFrom returns the party named by the one or two words at j, and
// how many words name it.
func (c *constructions) partyFrom(toks []pipeline.Token, j, hi int) (string, int) {
	if j >= hi {
		return "", 0
	}
	if j+1 < hi {
		if p, n := c.partyAt(toks, j+1); n == 2 {
			return p, 2
		}
	}
	if p, ok := c.parties[toks[j].Text]; ok {
		return p, 1
	}
	return "", 0
}

// capture is what one element of a match took.
type capture struct {
	kind      elemKind
	start     int
	mentions  []int       // person mention starts (tokens), for NAME and NAMES
	countries []string    // per mention, "of Chile"; or the COUNTRY element's
	role      *rolePhrase // read-only: the role reader's own
	org       string
}

// matcher runs the rules over one document.
type matcher struct {
	c *constructions
	r *roleReader // the document, its index and its person mentions
	// the sentence's literal words and classes, for rules' anchors
	lits    []bool
	classes uint64
	opened  int  // where the sentence's clause starts after an opening adverbial of time, or its start
	heading bool // a rule for headings is tried, whose verbs the tagger reads as nouns ("Minister Quits")
	// the last name looked up: every rule that opens with a name asks
	// for the same one at a token
	last struct{ pos, hi, start, end int }
}

// attempt is one try of a rule at a token: the backtracking state.
type attempt struct {
	m      *matcher
	ru     *rule
	lo, hi int
	caps   []capture
}

// match tries rule ru at token i in the sentence [lo, hi) and returns its
// captures, reusing caps' storage.
func (m *matcher) match(ru *rule, i, lo, hi int, caps []capture) ([]capture, bool) {
	a := attempt{m: m, ru: ru, lo: lo, hi: hi, caps: caps[:0]}
	ok := a.from(0, i)
	return a.caps, ok
}

// from matches the rule's elements from the ei-th on at token pos.
func (a *attempt) from(ei, pos int) bool {
	if ei == len(a.ru.elems) {
		return true
	}
	el := &a.ru.elems[ei]
	n := len(a.caps)
	if a.m.each(el, pos, a, ei) {
		return true
	}
	a.caps = a.caps[:n]
	return el.opt && !el.star && a.from(ei+1, pos)
}

// next goes on after the ei-th element matched up to token next, taking c
// when it captured something.
func (a *attempt) next(ei, n, next int, c *capture) bool {
	a.caps = a.caps[:n]
	if c != nil {
		a.caps = append(a.caps, *c)
	}
	return a.from(ei+1, next)
}

// word reports whether token i is one of el's words.
func (m *matcher) word(el *elem, i int) bool {
	if el.adj {
		return adjectival(m.r.d.Tokens[i])
	}
	if el.noun {
		t := m.r.d.Tokens[i]
		return (t.Tag == "NN" || t.Tag == "NNS") && startsLower(t.Text)
	}
	if el.class != 0 {
		return m.r.classes[i]&uint64(el.class) != 0
	}
	return slices.Contains(el.lits, m.r.lits[i])
}

// each goes on with attempt a after every way element el (the ei-th)
// matches at pos, most preferred first, with what the element took; it
// stops at the first way the rest of the rule matches after, and reports
// whether there was one.
func (m *matcher) each(el *elem, pos int, a *attempt, ei int) bool {
	lo, hi, n := a.lo, a.hi, len(a.caps)
	next := func(to int, c *capture) bool { return a.next(ei, n, to, c) }
	switch el.kind {
	case elStart:
		// (A description after "But" is rarely the one named before:
		// "X opposed it. But the party chief said ...")
		return (pos == lo || m.opensClause(pos, lo) && !a.ru.Antecedent || m.afterOpeningTime(pos, lo)) && next(pos, nil)
	case elEnd:
		if pos >= hi {
			return next(pos, nil)
		}
		switch w := m.r.lower[pos]; {
		case w == "," || w == "." || w == ";" || w == "(" || w == ")" || w == ":" || isDash(w) || isQuote(w),
			m.r.is(pos, m.c.appositionEnd), el.say && m.r.is(pos, m.c.say) && len(openingPhraseCommas(m.r.d, lo, pos)) != 1 && !m.closingAttribution(lo, pos, hi), // ("After talks with X, the minister said": no apposition)
			m.reducedRelative(pos), m.underHolder(pos, hi),
			// "under which"; "the youngest MP to be elected"
			pos+1 < hi && relativePrepositions[w] && (m.r.lower[pos+1] == "which" || m.r.lower[pos+1] == "whom"),
			pos+1 < hi && w == "to" && (m.r.lower[pos+1] == "be" || m.r.lower[pos+1] == "have"):
			return next(pos, nil)
		case pos+1 < hi && m.timeAt(pos+1) && (w == "from" || w == "between" || w == "in" || w == "on" || w == "last" || w == "this" || w == "next"),
			pos+2 < hi && w == "in" && m.r.lower[pos+1] == "the" && isDecade(m.r.lower[pos+2]),
			pos+2 < hi && w == "for" && (m.r.d.Tokens[pos+1].Tag == "CD" || m.r.lower[pos+1] == "a") && durationNouns[m.r.lower[pos+2]]:
			return next(pos, nil) // "X, president of Chile from 2001 to 2006", "X, named minister last year", "X, premier in the 1990s", "X, mayor for two decades"
		}
		return false
	case elClause:
		// ", a Chilean citizen," : a comma, then words up to the next comma;
		// clauses may follow one another (", 54, a lawyer from Lima,").
		if pos >= hi || m.r.lower[pos] != "," {
			return false
		}
		// A clause with a verb of its own is a relative one ("who met
		// X"), not the next clause of the sentence ("was made minister,
		// while X ...").
		relative := pos+1 < hi && relativeWords[m.r.lower[pos+1]]
		for k := pos + 1; k < hi && k <= pos+30; k++ {
			switch w := m.r.lower[k]; {
			case finiteVerb(m.r.d.Tokens[k].Tag) && !relative:
				return false
			case w == ",":
				// A relative pronoun after a clause that ends in a name is
				// about that name: "X, who met Tom Hale, who chairs ...".
				if k+1 < hi && m.r.is(k+1, m.c.relative) && m.endsName(k) {
					return false
				}
				return k > pos+1 && (next(k+1, nil) || m.each(el, k, a, ei))
			case w == ";" || w == "." || w == ":" || isQuote(w):
				return false
			}
		}
		return false
	case elPhrase:
		if pos >= hi || m.r.d.Tokens[pos].Tag != "IN" {
			return false
		}
		for k := pos + 1; k < hi && k <= pos+9; k++ {
			switch t := m.r.d.Tokens[k].Tag; {
			case m.r.lower[k] == ",":
				return k > pos+1 && next(k, nil)
			case strings.HasPrefix(t, "VB") || t == "MD" || m.r.persons[k] > 0 || t == "." || t == ":" || isQuote(m.r.lower[k]):
				return false
			}
		}
		return false
	case elPredicate:
		if pos >= hi || !finiteVerb(m.r.d.Tokens[pos].Tag) {
			return false
		}
		for k := pos; k < hi && k <= pos+12; k++ {
			if k > pos && next(k, nil) {
				return true
			}
			if !m.inPredicate(pos, k, el.loose) {
				return false
			}
		}
		return false
	case elParticiple:
		if pos >= hi || m.r.d.Tokens[pos].Tag != "VBG" || isCapitalized(m.r.d.Tokens[pos].Text) {
			return false
		}
		for k := pos + 1; k < hi && k <= pos+10; k++ {
			if next(k, nil) {
				return true
			}
			if !m.inPredicate(pos, k, false) {
				return false
			}
		}
		return false
	case elInfinitive:
		if pos+1 >= hi || m.r.lower[pos] != "to" || m.r.d.Tokens[pos+1].Tag != "VB" || isCapitalized(m.r.d.Tokens[pos+1].Text) {
			return false
		}
		for k := pos + 2; k < hi && k <= pos+12; k++ {
			if next(k, nil) {
				return true
			}
			if !m.inPredicate(pos+1, k, false) {
				return false
			}
		}
		return false
	case elBracket:
		if pos >= hi || m.r.lower[pos] != "(" {
			return false
		}
		if el.abbr {
			if pos+2 < hi && m.r.abbreviationAt(pos) {
				return next(pos+3, nil)
			}
			return false
		}
		for k := pos + 1; k < hi && k <= pos+20; k++ {
			if m.r.lower[k] == ")" {
				return next(k+1, nil)
			}
		}
		return false
	}
	if el.star {
		end := pos
		for end < hi && m.word(el, end) {
			end++
		}
		for e := end; e >= pos; e-- {
			if next(e, nil) {
				return true
			}
		}
		return false
	}
	if pos >= hi {
		return false
	}
	switch el.kind {
	case elWord:
		return m.word(el, pos) && next(pos+1, nil)
	case elQuote:
		return isQuote(m.r.lower[pos]) && next(pos+1, nil)
	case elNum:
		return (m.r.d.Tokens[pos].Tag == "CD" || isDigits(m.r.lower[pos])) && next(pos+1, nil)
	case elAge:
		return isAge(m.r.lower[pos]) && next(pos+1, nil)
	case elVerb:
		return m.verbAt(pos) && !(el.tense && m.r.d.Tokens[pos].Tag == "MD") && next(pos+1, nil)
	case elDash:
		return isDash(m.r.lower[pos]) && next(pos+1, nil)
	case elName:
		start, end, ok := m.name(pos, hi)
		if !ok {
			return false
		}
		if next(end, &capture{kind: elName, start: start}) {
			return true
		}
		// An office after the name is a role the name states: "Jon
		// Hart MP said".
		if k := m.r.persons[start]; k < end && postNominalOffices[m.r.d.Tokens[k].Text] {
			return next(k, &capture{kind: elName, start: start})
		}
	case elNames:
		if c, end, ok := m.names(pos, hi); ok {
			return next(end, &c)
		}
	case elRole, elRoles:
		phs := m.r.startingAt(pos, hi)
		for i := range phs {
			ph := &phs[i]
			if ph.match.Plural != (el.kind == elRoles) {
				continue
			}
			// An apposition is set off by punctuation: in "according to
			// Ann Lee the minister said" the minister is someone else.
			if m.r.is(ph.start, m.c.determiner) && m.endsName(ph.start) {
				continue
			}
			// A lowercase title right after a name is the name's only as a
			// verb's complement ("declared Ruiz president"); in "a top Ruiz
			// aide" the name modifies it ("Jon Hart MP" is in capitals).
			if ph.start == pos && !isCapitalized(m.r.d.Tokens[pos].Text) && m.nameNotObject(a, ei) {
				continue
			}
			// A post-nominal right after a name is that name's ("Ana
			// Ruiz QC, Tom Berg and ..."): no apposition to the next.
			if postNominals[m.r.d.Tokens[ph.start].Text] && m.endsName(ph.start) && (ei == 0 || a.ru.elems[ei-1].kind != elName) {
				continue
			}
			// "X, who is the mayor's nephew": a post whose holder's
			// relative is meant is neither's.
			if m.kinOwned(ph.end) {
				continue
			}
			if next(ph.end, &capture{kind: elRole, start: ph.start, role: ph}) {
				return true
			}
		}
	case elPortfolio:
		if end := m.portfolioWords(pos, lo, hi); end > pos {
			ph := &rolePhrase{start: pos, end: end, titleStart: pos, fixed: "Minister of " + m.r.portfolioText(pos, end)}
			return next(end, &capture{kind: elRole, start: pos, role: ph})
		}
	case elParty:
		if party, n := m.c.partyFrom(m.r.d.Tokens, pos, hi); n > 0 {
			return next(pos+n, &capture{kind: elOrg, start: pos, org: party})
		}
	case elCountry, elPlace, elOrg:
		if el.kind == elOrg && pos+1 < hi && placedByWord(m.r.d.Tokens[pos].Text) {
			pos++ // "of the UN-backed Harbour Board"
		}
		if el.kind == elOrg {
			pos = m.r.describedBody(pos, hi) // "of the weekly Novo Horizonte", "at the consulting firm Lakeview"
		}
		e, ok := m.r.ix.entityAt(pos)
		if !ok {
			return false
		}
		c := capture{kind: el.kind, start: pos}
		switch el.kind {
		case elCountry:
			cc := m.r.p.countryOf(e)
			if cc == "" {
				return false
			}
			c.countries = []string{cc}
		case elPlace:
			if e.Label != pipeline.Place && e.Label != pipeline.NORP {
				return false
			}
		case elOrg:
			if e.Label != pipeline.Org {
				return false
			}
			c.org = e.Canonical
		}
		return next(m.r.ix.tokenEnding(e.End)+1, &c)
	}
	return false
}

// timeAt reports whether token i is a year, a month or a word of time
// ("week", "Monday").
func (m *matcher) timeAt(i int) bool {
	w := m.r.lower[i]
	return isYears(w) || monthOf(m.r.d.Tokens[i].Text) != 0 || m.r.is(i, m.c.time)
}

// isAge reports whether w gives someone's age: "54-year-old".
func isAge(w string) bool { return strings.HasSuffix(w, "-year-old") }

// isYears reports whether w is a year or a span of years: "2001",
// "2001-2002", "2001–02".
func isYears(w string) bool {
	if len(w) < 4 || !isYear(w[:4]) {
		return false
	}
	if len(w) == 4 {
		return true
	}
	for _, d := range []string{"-", "–"} {
		if r, ok := strings.CutPrefix(w[4:], d); ok {
			return (len(r) == 2 || len(r) == 4) && isDigits(r)
		}
	}
	return false
}

var (
	quotes = []string{"\"", "”", "“", "''", "``", "'", "’"}
	dashes = []string{"-", "–", "—", "--", "―"}
)

func isQuote(w string) bool {
	if w == "" || w[0] != '"' && w[0] != '\'' && w[0] != '`' && w[0] != 0xe2 {
		return false
	}
	return slices.Contains(quotes, w)
}

// name matches a person mention at pos, after titles of address ("Mr",
// "Lord") and with honours after it ("QC"), and returns the mention's
// start and end tokens.
func (m *matcher) name(pos, hi int) (int, int, bool) {
	if l := &m.last; l.pos == pos && l.hi == hi {
		return l.start, l.end, l.end > 0
	}
	start, end, ok := m.lookName(pos, hi)
	m.last = struct{ pos, hi, start, end int }{pos, hi, start, end}
	return start, end, ok
}

// styleAt returns the length of a British style of address that opens at
// token i, before hi, and that no single honorific covers: "Rt Rev", "the
// Rt Hon", "the Rev" ("the Bishop of Harwick, the Rt Rev Tom Berg,").
func (m *matcher) styleAt(i, hi int) int {
	n := 0
	if i+1 < hi && m.r.lower[i] == "the" {
		n, i = 1, i+1
	}
	switch w := m.r.lower[i]; {
	case i+1 < hi && pairOpeners[w] && honorificPairs[w+"+"+m.r.lower[i+1]]:
		return n + 2
	case n == 1 && styledHonorifics[w]:
		return n + 1
	}
	return 0
}

// styledHonorifics are the honorifics that British styles put "the"
// before: "the Rev Tom Berg", "the Hon Ana Ruiz".
var styledHonorifics = toSet(`rev rev. revd hon hon. honourable honorable venerable ven ven.`)

// pairOpeners are the first words of honorificPairs: only after one is a
// pair looked up (styleAt runs at every token).
var pairOpeners = func() map[string]bool {
	m := map[string]bool{}
	for p := range honorificPairs {
		first, _, _ := strings.Cut(p, "+")
		m[first] = true
	}
	return m
}()

// lookName is name without the memo.
func (m *matcher) lookName(pos, hi int) (int, int, bool) {
	// (A title of address, or where the person was born, may precede
	// the name: "its director, Tunisian-born Ana Lund,".)
	for pos < hi && m.r.persons[pos] == 0 {
		if m.r.is(pos, honorificClass|bornClass) {
			pos++
		} else if n := m.styleAt(pos, hi); n > 0 {
			pos += n
		} else {
			break
		}
	}
	if pos >= hi {
		return 0, 0, false
	}
	end := m.r.persons[pos]
	if end == 0 || end > hi {
		return 0, 0, false
	}
	for end < hi && isCapitalized(m.r.d.Tokens[end].Text) && postNominals[m.r.d.Tokens[end].Text] {
		end++ // "Joanna Cherry QC, the SNP's justice spokeswoman"
	}
	// A US legislator's party and state belong to the name: "Ana Ruiz
	// (D-Ohio)", "Ana Ruiz, R-Texas, as ambassador".
	if end+2 < hi && partyStateTag(m.r.d.Tokens[end+1].Text) {
		if open, shut := m.r.lower[end], m.r.lower[end+2]; open == "(" && shut == ")" || open == "," && shut == "," && end+3 < hi && m.r.lower[end+3] == "as" {
			end += 3
		}
	}
	return pos, end, true
}

// listGoesOn reports whether a list goes on at k with an item that is no
// name: ", his lawyers", "and the bank".
func (m *matcher) listGoesOn(k int) bool {
	return k+1 < len(m.r.lower) && (m.r.lower[k] == "," || m.r.lower[k] == "and") && !isCapitalized(m.r.d.Tokens[k+1].Text)
}

// afterIncluding reports whether the word before token k introduces some
// members of a group: "including", "among", "notably", "especially".
func (m *matcher) afterIncluding(k int) bool {
	if k > 0 && m.r.lower[k-1] == "them" {
		k--
	}
	if k > 1 && m.r.lower[k-1] == "as" && m.r.lower[k-2] == "such" {
		return true // "leaders, such as X,"
	}
	return k > 0 && memberIntros[m.r.lower[k-1]]
}

var memberIntros = toSet(`including among notably especially`)

// listItemAfter reports whether a title and a name follow the comma at
// k, the next item of a list: ", Foreign Minister Y and ..."; or a
// title, the last item, follows "and": "and the chief justice".
func (m *matcher) listItemAfter(k int) bool {
	if k+2 < len(m.r.lower) && m.r.lower[k] == "and" {
		if m.r.is(k+1, m.c.determiner|m.c.possessor) {
			k++
		}
		return m.r.mayStart(k + 1)
	}
	if k+2 >= len(m.r.lower) || m.r.lower[k] != "," || !m.r.mayStart(k+1) {
		return false
	}
	for p := k + 1; p < len(m.r.lower) && p <= k+8; p++ {
		if m.r.lower[p] == "," || m.r.d.Tokens[p].Sentence != m.r.d.Tokens[k].Sentence {
			return false
		}
		if m.r.persons[p] > 0 {
			return p > k+1
		}
	}
	return false
}

// speaks reports whether a speech verb follows at k: "senior officials,
// Tom Berg said, were absent" names a speaker, no holder.
func (m *matcher) speaks(k int) bool {
	return k < len(m.r.lower) && m.r.is(k, m.c.say)
}

// oneOf reports whether "one of" comes shortly before the plural title at
// k, in the same phrase: "one of his MPs", "one of UKIP's two members".
func (m *matcher) oneOf(k int) bool {
	for j := k - 1; j >= 1 && j >= k-6; j-- {
		switch m.r.lower[j] {
		case ",", ";", ":", ".", "(", ")":
			return false
		case "of":
			if m.r.lower[j-1] == "one" {
				return true
			}
		}
	}
	return false
}

// names matches "A, B and C" (one or more person mentions), each optionally
// after "COUNTRY's" or followed by "of PLACE" or "(COUNTRY)".
func (m *matcher) names(pos, hi int) (capture, int, bool) {
	c := capture{kind: elNames, start: pos}
	k, last := pos, pos
	for {
		// "Chile's Ana Ruiz and Peru's Tom Berg"; "New York's Ana Ruiz",
		// a state's, has no country.
		country := ""
		if e, ok := m.r.ix.entityAt(k); ok && e.Label == pipeline.Place {
			if j := m.r.ix.tokenEnding(e.End) + 1; j+1 < hi && isPossessive(m.r.lower[j]) {
				country, k = m.r.p.countryOf(e), j+1
			}
		}
		start, end, ok := m.name(k, hi)
		if !ok {
			break
		}
		// ("A and B, of Chile and Peru respectively,": the countries in
		// turn after a comma too.)
		commaOf := end+2 < hi && m.r.lower[end] == "," && m.r.lower[end+1] == "of" && len(c.mentions) > 0
		if end+1 < hi && m.r.lower[end] == "of" || commaOf {
			j := end + 1
			if commaOf {
				j++
			}
			if m.r.lower[j] == "the" {
				j++
			}
			if e, ok := m.r.ix.entityAt(j); ok && j < hi && (e.Label == pipeline.Place || e.Label == pipeline.Org) {
				first, firstEnd := m.r.p.countryOf(e), m.r.ix.tokenEnding(e.End)+1
				if !commaOf {
					country, end = first, firstEnd
				}
				// "A and B of Chile and Peru (respectively)": the names'
				// countries in turn, where none has its own.
				cs, after := m.r.countriesAfter(firstEnd, hi)
				if after < hi && m.r.lower[after] == "respectively" {
					after++
				}
				if len(cs) > 0 && len(cs) == len(c.mentions) && first != "" && !slices.ContainsFunc(c.countries, func(c string) bool { return c != "" }) {
					c.countries = append(c.countries[:0], first)
					c.countries = append(c.countries, cs[:len(cs)-1]...)
					country, end = cs[len(cs)-1], after
				}
			}
		} else if end+2 < hi && m.r.lower[end] == "(" {
			if partyStateTag(m.r.d.Tokens[end+1].Text) && m.r.lower[end+2] == ")" {
				end += 3 // "Ana Ruiz (D-Ohio)"
			} else if e, ok := m.r.ix.entityAt(end + 1); ok {
				// "Ana Ruiz (Chile)"
				if c, k := m.r.p.countryOf(e), m.r.ix.tokenEnding(e.End)+1; c != "" && k < hi && m.r.lower[k] == ")" {
					country, end = c, k+1
				}
			}
		}
		c.mentions = append(c.mentions, start)
		c.countries = append(c.countries, country)
		k, last = end, end
		if k >= hi {
			break
		}
		if w := m.r.lower[k]; w == "," && k+1 < hi && (m.r.lower[k+1] == "and" || m.r.lower[k+1] == "&") {
			k += 2
		} else if w == "," || w == "and" || w == "&" {
			k++
		} else {
			break
		}
	}
	if len(c.mentions) == 0 {
		return c, 0, false
	}
	return c, last, true
}

// fact is what a construction says about one person mention.
type fact struct {
	mention int // token where the person mention starts
	roleFact
	left       bool   // the person left their post
	profession bool   // the role is a profession: no post
	phrase     string // a profession's words as the text has them ("Energy Analyst")
	pending    *pendingRef
}

// pendingRef is a role waiting for the person it refers to.
type pendingRef struct {
	counterpart bool // takes the title of the person named before it
	possessor   bool // belongs to the person named before it
	lede        bool // else to the next sentence's speaker
	ahead       bool // only to the next sentence's speaker
	strict      bool // only to the subject of the sentence before
	pronoun     bool // only to the one person the last sentence naming anyone names
}

// sentenceWords notes the literal words and word classes of the sentence
// [lo, hi).
func (m *matcher) sentenceWords(lo, hi int) {
	if len(m.lits) <= int(m.c.lits) {
		m.lits = make([]bool, int(m.c.lits)+1)
	}
	clear(m.lits)
	m.classes = 0
	for i := lo; i < hi; i++ {
		m.lits[m.r.lits[i]] = true
		m.classes |= m.r.classes[i]
	}
}

// anchored reports whether the sentence has each word that rule ru cannot
// do without.
func (m *matcher) anchored(ru *rule) bool {
	for i := range ru.anchors {
		a := &ru.anchors[i]
		if a.class != 0 && m.classes&uint64(a.class) == 0 || a.class == 0 && !slices.ContainsFunc(a.lits, func(l uint16) bool { return m.lits[l] }) {
			return false
		}
	}
	return true
}

// run applies every rule at every token of every sentence and returns the
// facts in reading order. It stops with ctx's error once ctx is done.
func (m *matcher) run(ctx context.Context) ([]fact, error) {
	var out []fact
	var caps []capture
	seen := map[[2]int]int{}
	for _, s := range m.r.d.Sentences {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		lo, hi := s.FirstToken, s.EndToken
		kind := m.r.d.Paragraphs[s.Paragraph].Kind
		list := kind == pipeline.ListItem || kind == pipeline.TableRow
		lede := firstOfBody(m.r.d, m.r.d.Tokens[lo].Sentence)
		// Facts are about people: a sentence that names nobody can only
		// hold a description of someone named before ("the prime
		// minister said"), which the rules without names read.
		named := false
		for i := lo; i < hi && !named; i++ {
			named = m.r.persons[i] > 0
		}
		if !named && !m.c.hasNameless(m, lo, hi) {
			continue
		}
		m.r.prep(m.r.d.Tokens[lo].Sentence)
		m.sentenceWords(lo, hi)
		m.opened = m.openingTimeEnd(lo, hi)
		// A role phrase matters only before a name it can reach.
		nextName := hi
		for i := hi - 1; i >= lo; i-- {
			if m.r.persons[i] > 0 {
				nextName = i
			}
		}
		for i := lo; i < hi; i++ {
			if i >= nextName {
				nextName = hi
				for j := i + 1; j < hi; j++ {
					if m.r.persons[j] > 0 {
						nextName = j
						break
					}
				}
			}
			at := m.startsAt(i, lo, named && nextName-i <= roleReach)
			if at == 0 && m.r.lits[i] == 0 && len(m.c.wordRules) == 0 {
				continue // nothing can start here
			}
			try := func(ri int) {
				ru := &m.c.rules[ri]
				m.heading = ru.Where == "heading" // (a rule for headings reads their verbs)
				if ru.Where == "list" && !list || ru.Where == "heading" && kind != pipeline.Heading || ru.Where == "lede" && !lede || !named && ru.named || ru.Single && !m.officeIn(i, min(hi, i+titleWords)) || !m.anchored(ru) || !m.canStart(&ru.elems[0], i, at) || !m.canGoOn(ru, i, hi) {
					return
				}
				var ok bool
				if caps, ok = m.match(ru, i, lo, hi, caps); !ok || m.said(ri, i, caps, seen) || ru.MainClause && m.inRelative(lo, i) {
					return
				}
				for _, f := range m.facts(ru, i, caps) {
					// A rule says one thing about a mention: its longest
					// match, the one that starts first.
					if f.profession {
						out = append(out, f) // no post: another start may hold one
						continue
					}
					key := [2]int{ri, f.mention}
					if at, ok := seen[key]; ok && f.mention >= 0 && at != i {
						continue
					}
					seen[key] = i
					out = append(out, f)
				}
			}
			for k, rules := range m.c.byStart {
				if at&(1<<k) != 0 {
					for _, ri := range rules {
						try(ri)
					}
				}
			}
			// (Most tokens are in no class a rule opens with.)
			wordRules := m.c.openRules
			if m.r.classes[i]&m.c.openers != 0 {
				wordRules = m.c.wordRules
			}
			for _, ri := range wordRules {
				if el := &m.c.rules[ri].elems[0]; !el.opt && el.class != 0 && m.r.classes[i]&uint64(el.class) == 0 {
					continue
				}
				try(ri)
			}
			if lit := int(m.r.lits[i]); lit > 0 && lit < len(m.c.byWord) {
				for _, ri := range m.c.byWord[lit] {
					try(ri)
				}
			}
		}
	}
	slices.SortStableFunc(out, func(a, b fact) int { return readingOrder(a.roleFact, b.roleFact) })
	return out, nil
}

// portfolioWords returns the end of the portfolio words that start at
// token pos ("Science and Innovation", "finance"), in a sentence [lo, hi)
// about ministers; pos when there are none. Capitalised nouns and
// adjectives the lexicon lacks belong to a portfolio that has a word it
// knows: "Education and Vocational Training".
func (m *matcher) portfolioWords(pos, lo, hi int) int {
	if m.c.cabinet == 0 || !slices.ContainsFunc(m.r.classes[lo:hi], func(c uint64) bool { return c&uint64(m.c.cabinet) != 0 }) {
		return pos
	}
	end, known := pos, false
words:
	for k := pos; k < hi; k++ {
		t := m.r.d.Tokens[k]
		switch w := m.r.lower[k]; {
		case m.r.is(k, partyClass):
			return pos // "(Labour)": a party
		case m.r.p.titles.IsPortfolio(w):
			end, known = k+1, true
		case (w == "and" || w == "," || w == "&") && k > pos:
		case isCapitalized(t.Text) && (strings.HasPrefix(t.Tag, "NN") || t.Tag == "JJ") && m.r.persons[k] == 0:
			end = k + 1
		default:
			break words
		}
	}
	if !known {
		return pos
	}
	return end
}

// inRelative reports whether token i stands in a relative clause opened
// since the last comma of the sentence that starts at lo.
func (m *matcher) inRelative(lo, i int) bool {
	for k := i - 1; k >= lo && m.r.lower[k] != ","; k-- {
		if m.r.is(k, m.c.relative) || m.r.lower[k] == "which" || m.r.lower[k] == "whose" {
			return true
		}
	}
	return false
}

// reducedRelative reports whether a participle at token i opens a clause
// after a noun: "X, chief of the rebels holding the north", "X, a
// spokesman for the ministry quoted by the radio"; not one that modifies
// the noun after it ("the EU's peacekeeping mission", "the ruling party").
func (m *matcher) reducedRelative(i int) bool {
	tk := m.r.d.Tokens
	if i == 0 || !strings.HasPrefix(tk[i-1].Tag, "NN") || isPossessive(tk[i-1].Text) {
		return false
	}
	if gerund(tk[i]) {
		return true
	}
	// A past participle, which the tagger also gives to a main verb
	// ("After meeting X, the minister stayed in Lima") and takes for one
	// after a name ("the Salt Board quoted in"), when the sentence's verb
	// stands before it or after a comma after it.
	participle := tk[i].Tag == "VBN" || tk[i].Tag == "VBD" && strings.HasSuffix(tk[i].Text, "ed")
	if !participle || isCapitalized(tk[i].Text) || i+1 >= len(tk) || tk[i+1].Tag != "IN" {
		return false
	}
	s := tk[i].Sentence
	for k := i - 1; k >= 0 && tk[k].Sentence == s; k-- {
		if finiteVerb(tk[k].Tag) {
			return true
		}
	}
	for k := i + 2; k+1 < len(tk) && tk[k+1].Sentence == s; k++ {
		if tk[k].Text == "," && finiteVerb(tk[k+1].Tag) {
			return true
		}
	}
	return false
}

// underHolder reports whether token i opens "under" and the name of the
// one the post served, past their titles: "X, chancellor under Tom
// Hale,", "minister under former President Ana Ruiz".
func (m *matcher) underHolder(i, hi int) bool {
	if m.r.lower[i] != "under" {
		return false
	}
	for k := i + 1; k < hi && k <= i+5; k++ {
		switch {
		case m.r.persons[k] > 0:
			return true
		case !isCapitalized(m.r.d.Tokens[k].Text) && !m.r.is(k, m.c.former) && m.r.title(k).N == 0:
			return false
		}
	}
	return false
}

// relativePrepositions open a relative clause before "which" or "whom":
// "the head of the unit under which the loans were made".
var relativePrepositions = toSet(`in under for of to with by from through at on within`)

// titleWords is the most words a title of an office one person holds
// takes after its determiner: "the Conservative Party's deputy leader".
const titleWords = 6

// roleReach is the furthest a role phrase that opens a construction
// stands from the name it gives a role to, in tokens.
const roleReach = 30

// starts says what may begin at a token: a cheap test for a rule's first
// element, computed once per token for all rules.
type starts uint8

const (
	startsSentence starts = 1 << iota
	startsName
	startsRole
	startsEntity
	startsQuote
	startKinds = iota
)

func (m *matcher) startsAt(i, lo int, role bool) starts {
	var s starts
	if m.opensClause(i, lo) || m.afterOpeningTime(i, lo) {
		s |= startsSentence
	}
	if m.r.persons[i] > 0 || m.r.is(i, honorificClass|bornClass) || m.styleAt(i, len(m.r.lower)) > 0 {
		s |= startsName
	}
	if role && m.r.mayStart(i) {
		s |= startsRole
	}
	if m.r.ix.entStart[i] >= 0 {
		s |= startsEntity
	}
	if isQuote(m.r.lower[i]) {
		s |= startsQuote
	}
	return s
}

// opensClause reports whether token i opens the sentence that starts at
// lo, after a conjunction that may open it ("And the new minister is X").
func (m *matcher) opensClause(i, lo int) bool {
	return i == lo || i == lo+1 && (m.r.lower[lo] == "and" || m.r.lower[lo] == "but")
}

// afterOpeningTime reports whether token i follows an adverbial of time
// that opens the sentence starting at lo: "Later, the minister said",
// "On Tuesday the minister met". Unlike "But", it does not set a new
// subject against the last; unlike "In 1990" or "Last month", it does not
// move to another time, where another may have held the post.
func (m *matcher) afterOpeningTime(i, lo int) bool {
	return i > lo && i == m.opened
}

// openingTimeEnd returns the end of an adverbial of time that opens the
// sentence at lo, before hi, with its comma ("Later,", "On Tuesday"), or
// lo.
func (m *matcher) openingTimeEnd(lo, hi int) int {
	lw := m.r.lower
	k := lo
	switch lw[lo] {
	case "later", "earlier", "afterwards", "yesterday", "today":
		k = lo + 1
	case "on":
		k = lo + 1
		for k < hi && k < lo+3 && m.timeAt(k) {
			k++
		}
		if k == lo+1 {
			return m.openingPhraseEnd(lo, hi)
		}
	default:
		return m.openingPhraseEnd(lo, hi)
	}
	if k < hi && lw[k] == "," {
		k++
	}
	if k >= hi {
		return lo
	}
	return k
}

// verbAt reports whether the word at pos is a finite verb: by its tag, or
// a verb the tagger read as a noun or an adjective (headlineVerb,
// speechAsNoun).
func (m *matcher) verbAt(pos int) bool {
	return finiteVerb(m.r.d.Tokens[pos].Tag) || m.headlineVerb(pos) || m.speechAsNoun(pos)
}

// headlineVerb reports whether the word at pos is a heading's verb in the
// present that the tagger may read as a plural noun: "Minister quits",
// "Envoy Visits Lima", "Minister signals ...".
func (m *matcher) headlineVerb(pos int) bool {
	if !m.heading {
		return false
	}
	w := titleWord(m.r.d.Tokens[pos].Text)
	if strings.HasSuffix(w, "s") && headlineVerbs[w] {
		return true
	}
	// ("Foreign secretary signals ...": after a title's head, any word in
	// -s the tagger read as a plural noun.)
	lw := m.r.lower[pos]
	return pos > 0 && m.r.d.Tokens[pos].Tag == "NNS" && strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss") && m.r.p.titles.IsHead(m.r.lower[pos-1])
}

// speechAsNoun reports whether the word at pos is a verb of speech that
// the tagger read as a noun or an adjective: "The alliance's
// secretary-general/JJ told/JJ ministers".
func (m *matcher) speechAsNoun(pos int) bool {
	tag := m.r.d.Tokens[pos].Tag
	return (strings.HasPrefix(tag, "NN") || tag == "JJ") && !isCapitalized(m.r.d.Tokens[pos].Text) && m.r.is(pos, m.c.say)
}

// openingPhraseEnd is where the clause of the sentence [lo, hi) starts
// after an opening adverb or phrase of place or circumstance and its comma
// ("There,", "On arrival,", "At the talks in Oslo,"): a word tagged as an
// adverb, or a preposition and up to four words that hold no verb but a
// participle, no one's name and no year; lo when there is none.
func (m *matcher) openingPhraseEnd(lo, hi int) int {
	toks := m.r.d.Tokens
	if lo+2 < hi && (strings.HasPrefix(toks[lo].Tag, "RB") || toks[lo].Tag == "EX") && m.r.lower[lo+1] == "," {
		return lo + 2 // ("There,": prose tags it as existential)
	}
	// ("Responding to the plans,", "Asked about the vote,": a participle
	// opens a phrase whose subject is the clause's.)
	participle := toks[lo].Tag == "VBG" || toks[lo].Tag == "VBN"
	if !opensPhrase(toks[lo]) {
		return lo
	}
	span := 5
	if participle {
		span = 7
	}
	for k := lo + 1; k < hi && k <= lo+span; k++ {
		switch t := toks[k].Tag; {
		case m.r.lower[k] == ",":
			if k > lo+1 && k+1 < hi {
				return k + 1
			}
			return lo
		case strings.HasPrefix(t, "VB") && t != "VBG" || t == "MD" || isQuote(m.r.lower[k]) || isYears(m.r.lower[k]):
			return lo // ("In 1990, the prime minister ...": another time, perhaps another holder)
		}
	}
	return lo
}

// openingPhraseCommas returns the commas before token end in a sentence
// that starts at token lo with a phrase of place, time or circumstance (a
// preposition or a participle: "After talks with X,", "Speaking in Lima,")
// and has no finite verb before end; nil for any other sentence.
func openingPhraseCommas(d *pipeline.Doc, lo, end int) []int {
	if !opensPhrase(d.Tokens[lo]) {
		return nil
	}
	var commas []int
	for k := lo; k < end; k++ {
		if finiteVerb(d.Tokens[k].Tag) {
			return nil
		}
		if d.Tokens[k].Text == "," {
			commas = append(commas, k)
		}
	}
	return commas
}

// openingPreps open a phrase of place or circumstance before a clause.
var openingPreps = toSet(`in at on after before during upon following from`)

// opensPhrase reports whether token t can open a phrase before a
// sentence's clause: a preposition of place or circumstance, or a
// participle ("Responding to the plan,", "Asked about the vote,").
func opensPhrase(t pipeline.Token) bool {
	return lowercase.Get(openingPreps, t.Text) || t.Tag == "VBG" || t.Tag == "VBN"
}

// officeIn reports whether a word that can end the title of an office
// one person holds at a time stands in tokens [lo, hi): where a rule
// limited to such offices (single) may match.
func (m *matcher) officeIn(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if m.r.is(k, officeClass) {
			return true
		}
	}
	return false
}

// officeHeads are the head words of singleOffices and bodyHeadTitles
// ("secretary" of Secretary-of-State), and those written as one word
// ("secretary-general").
var officeHeads = func() map[string]bool {
	heads := map[string]bool{}
	for _, t := range slices.Concat(slices.Collect(maps.Keys(singleOffices)), slices.Collect(maps.Keys(bodyHeadTitles))) {
		words := strings.Split(strings.ToLower(t), "-")
		if of := slices.Index(words, "of"); of > 0 {
			words = words[:of]
		}
		heads[words[len(words)-1]], heads[strings.ToLower(t)] = true, true
	}
	return heads
}()

// hasNameless reports whether a rule without a name may match in the
// sentence [lo, hi): whether one of its tokens is a quotation mark or a
// word that such a rule opens with ("as Chile's minister said"), or its
// first word is one that such a rule opening the sentence goes on with.
// Other sentences that name nobody are not read at all.
func (c *constructions) hasNameless(m *matcher, lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if isQuote(m.r.d.Tokens[i].Text) {
			return true
		}
	}
	m.r.prep(m.r.d.Tokens[lo].Sentence) // (the openers below read lower case)
	for i := lo; i < hi; i++ {
		for _, ri := range c.namelessWords {
			if m.word(&c.rules[ri].elems[0], i) {
				return true
			}
		}
	}
	if lo+1 < hi && m.opensClause(lo+1, lo) {
		lo++
	}
	if k := m.openingTimeEnd(lo, hi); k > lo {
		lo = k
	}
	first := c.words.info(strings.ToLower(m.r.d.Tokens[lo].Text))
	for _, ri := range c.nameless {
		if el := &c.rules[ri].elems[1]; el.kind != elWord || el.class&first.classes != 0 || slices.Contains(el.lits, first.lit) {
			return true
		}
	}
	return false
}

// said reports whether rule ri has already said all it says about the
// people of this match at another token (a longer match), so that facts
// are not built again.
func (m *matcher) said(ri, i int, caps []capture, seen map[[2]int]int) bool {
	n := 0
	for _, c := range caps {
		switch c.kind {
		case elName:
			if at, ok := seen[[2]int{ri, c.start}]; !ok || at == i {
				return false
			}
			n++
		case elNames:
			for _, mention := range c.mentions {
				if at, ok := seen[[2]int{ri, mention}]; !ok || at == i {
					return false
				}
				n++
			}
		}
	}
	return n > 0
}

// canGoOn is a cheap test of a rule by what its first element is followed
// by: the word after a name, an entity, a word or a role phrase must be
// one the rule can go on with ("NAME , ROLE", "NAME is ROLE", "ROLE
// NAME"), which most tokens fail.
func (m *matcher) canGoOn(ru *rule, i, hi int) bool {
	if len(ru.elems) < 2 || ru.elems[0].opt {
		return true
	}
	end := i
	switch ru.elems[0].kind {
	case elStart:
	case elName:
		start, e, ok := m.name(i, hi)
		if !ok {
			return false
		}
		// The name may end before a post-nominal office (see each).
		if k := m.r.persons[start]; k < e && postNominalOffices[m.r.d.Tokens[k].Text] && m.mayFollow(ru.elems[1:], k, hi) {
			return true
		}
		end = e
	case elNames:
		_, e, ok := m.names(i, hi)
		if !ok {
			return false
		}
		end = e
	case elOrg, elCountry, elPlace:
		e, ok := m.r.ix.entityAt(i)
		if !ok {
			return true
		}
		end = m.r.ix.tokenEnding(e.End) + 1
	case elWord, elQuote:
		if ru.elems[0].star {
			return true
		}
		end = i + 1 // canStart tested the word itself
	case elRole, elRoles:
		for _, ph := range m.r.startingAt(i, hi) {
			if ph.match.Plural == (ru.elems[0].kind == elRoles) && m.mayFollow(ru.elems[1:], ph.end, hi) {
				return true
			}
		}
		return false
	default:
		return true
	}
	return m.mayFollow(ru.elems[1:], end, hi)
}

// mayFollow reports whether els may match at token pos, judged by the
// tokens they can open with: a word, a comma, a bracket, a quotation mark,
// a title; after a one-word element, by what may follow it. Elements it
// cannot judge so cheaply may always match.
func (m *matcher) mayFollow(els []elem, pos, hi int) bool {
	for i := range els {
		el := &els[i]
		var ok bool
		switch el.kind {
		case elWord:
			ok = pos < hi && m.word(el, pos)
		case elClause:
			// Judged after each comma that may close it: a clause is
			// often optional before a word that rarely follows.
			if pos < hi && m.r.lower[pos] == "," {
				for k := pos + 1; k < hi && k <= pos+30; k++ {
					if w := m.r.lower[k]; w == ";" || w == "." || w == ":" || isQuote(w) {
						break
					} else if w == "," && k > pos+1 && m.mayFollow(els[i+1:], k+1, hi) {
						return true
					}
				}
			}
			if el.opt {
				continue
			}
			return false
		case elBracket:
			ok = pos < hi && m.r.lower[pos] == "("
		case elPhrase:
			ok = pos < hi && m.r.d.Tokens[pos].Tag == "IN"
		case elQuote:
			ok = pos < hi && isQuote(m.r.lower[pos])
		case elDash:
			ok = pos < hi && isDash(m.r.lower[pos])
		case elRole, elRoles:
			ok = pos < hi && m.r.mayStart(pos)
		case elParty:
			ok = pos < hi && m.r.is(pos, partyClass)
		case elNum:
			ok = pos < hi && (m.r.d.Tokens[pos].Tag == "CD" || isDigits(m.r.lower[pos]))
		case elAge:
			ok = pos < hi && isAge(m.r.lower[pos])
		case elVerb:
			ok = pos < hi && m.verbAt(pos)
		default:
			return true
		}
		switch {
		case !ok && !el.opt && !el.star:
			return false
		case !ok:
			continue // an optional element not taken
		case el.star || el.kind == elClause || el.kind == elBracket || el.kind == elPhrase || el.kind == elRole || el.kind == elRoles || el.kind == elParty:
			return true // where it ends is not known here
		case el.opt:
			return m.mayFollow(els[i+1:], pos+1, hi) || m.mayFollow(els[i+1:], pos, hi)
		}
		pos++ // one word: judge the next element after it
	}
	return true
}

// inPredicate reports whether token k may be in the predicate that opens
// with the verb at token from: the verb's own clause, without a name a
// role could be about, nor a word of @predicate_stop.
func (m *matcher) inPredicate(from, k int, loose bool) bool {
	stop := m.c.say | m.c.appoint | m.c.predicateStop
	if loose {
		stop = m.c.say
	}
	tok := &m.r.d.Tokens[k]
	switch w := m.r.lower[k]; {
	case m.r.persons[k] > 0, tok.Tag == "PRP$", tok.Tag == "WDT", tok.Tag == "WP", tok.Tag == "WRB",
		m.r.is(k, stop),
		w == "," || w == "." || w == ";" || w == ":" || w == "(" || w == ")" || isDash(w) || isQuote(w),
		w == "as" || w == "that" || w == "because" || w == "if" || w == "although" || w == "than",
		objectPronouns[w] && k > from: // ("took him to Rome as his aide": the aide is him)
		return false
	case k > from && finiteVerb(tok.Tag):
		// a second clause: only an auxiliary chain goes on ("will act")
		return finiteVerb(m.r.d.Tokens[k-1].Tag)
	case tok.Tag == "CC":
		// "A and B" inside an object, not a second clause
		return k+1 < len(m.r.lower) && !strings.HasPrefix(m.r.d.Tokens[k+1].Tag, "VB") && m.r.d.Tokens[k+1].Tag != "PRP" && m.r.d.Tokens[k+1].Tag != "MD"
	}
	return true
}

// objectPronouns stand for someone other than the subject: an "as"
// phrase after one is about them.
var objectPronouns = toSet(`him them me us`)

// needs is what a rule opening with el needs at its first token; 0 for
// words and optional elements, which are tested one by one.
func (el *elem) needs() starts {
	if el.opt {
		return 0
	}
	switch el.kind {
	case elStart:
		return startsSentence
	case elName, elNames:
		return startsName
	case elQuote:
		return startsQuote
	case elRole, elRoles:
		return startsRole
	case elCountry, elPlace, elOrg:
		return startsEntity
	}
	return 0
}

// canStart is a cheap test of a rule's first element at token i, given
// what may start there.
func (m *matcher) canStart(el *elem, i int, at starts) bool {
	if el.opt {
		return true
	}
	switch el.kind {
	case elWord:
		return m.word(el, i)
	case elStart:
		return at&startsSentence != 0
	case elName, elNames:
		return at&startsName != 0
	case elQuote:
		return at&startsQuote != 0
	case elRole, elRoles:
		return at&startsRole != 0
	case elCountry, elPlace, elOrg:
		return at&startsEntity != 0
	case elParty:
		return m.r.is(i, partyClass)
	}
	return true
}

// prospectiveNouns name someone put forward for a post: "his choice to
// be", "the nominee for".
var prospectiveNouns = toSet(`choice pick nominee candidate`)

// prospective reports whether the role phrase at token i is a post
// someone is put forward for, not one held: "his choice to be secretary
// of state", "the nominee for attorney general".
func (m *matcher) prospective(i int) bool {
	lw := m.r.lower
	switch {
	case i >= 3 && lw[i-2] == "to" && (lw[i-1] == "be" || lw[i-1] == "become"):
		return prospectiveNouns[lw[i-3]]
	case i >= 2 && lw[i-1] == "for":
		return prospectiveNouns[lw[i-2]]
	case prospectiveAdjectives[lw[i]] || i+1 < len(lw) && (articles[lw[i]] || possessors[lw[i]]) && prospectiveAdjectives[lw[i+1]]:
		return true // "a future leader", "its would-be president"
	}
	return false
}

// prospectiveAdjectives before a title say the post is not held yet.
var prospectiveAdjectives = toSet(`future potential possible prospective would-be`)

// coordinatedSubjects returns the mentions that "and" joins later in the
// sentence of the mention at token at, each followed, after an "of" and a
// place, by a present participle: B in "with A calling it X and B of Utah
// calling it Y".
func (m *matcher) coordinatedSubjects(at int) []int {
	d := m.r.d
	end := d.Sentences[d.Tokens[at].Sentence].EndToken
	var out []int
	for k := m.r.persons[at]; k > 0 && k+1 < end; k++ {
		if m.r.lower[k] != "and" || m.r.persons[k+1] == 0 {
			continue
		}
		j := m.r.persons[k+1]
		if j+1 < end && m.r.lower[j] == "of" {
			if e, ok := m.r.ix.entityAt(j + 1); ok && e.Label == pipeline.Place {
				j = m.r.ix.tokenEnding(e.End) + 1
			}
		}
		if j < end && d.Tokens[j].Tag == "VBG" {
			out = append(out, k+1)
		}
	}
	return out
}

// closingAttribution reports whether the speech verb at pos ends its
// sentence after a description that opens with a determiner: in "A letter
// was sent to X, the men's lawyer says." the lawyer speaks, and is no
// apposition of X (one without a determiner is: "X, Plaid health
// spokesman said").
func (m *matcher) closingAttribution(lo, pos, hi int) bool {
	if pos+1 < hi && m.r.lower[pos+1] != "." {
		return false
	}
	k := pos - 1
	for k > lo && m.r.lower[k] != "," {
		k--
	}
	return k+1 < pos && m.r.lower[k] == "," && (m.r.lower[k+1] == "the" || m.r.is(k+1, m.c.possessor))
}

// facts turns one match into facts about the people it names.
func (m *matcher) facts(ru *rule, at int, caps []capture) []fact {
	var out []fact
	var country, org string
	for _, c := range caps {
		switch c.kind {
		case elCountry:
			country = c.countries[0]
		case elOrg:
			org = c.org
		}
	}
	// shared is the country of the first role in the match, which scopes
	// over the state offices after it ("Dutch prime minister A and
	// finance minister B", not "Gazprom chairman A and India's minister B").
	// A deputy's post after it is in the same body ("Lakeview Bank
	// chairman A and vice chairman B").
	shared, sharedOrg, sharedTitle := "", "", ""
	if ru.ShareCountry {
		for _, c := range caps {
			if c.kind == elRole {
				shared, sharedOrg, sharedTitle = c.role.country(), c.role.org, c.role.match.Canonical
				break
			}
		}
	}
	nameNo := 0
	for ci, c := range caps {
		if c.kind != elName && c.kind != elNames {
			continue
		}
		nameNo++
		if c.kind == elName {
			// "Ana Ruiz and Tom Hale became president and ...": the verb
			// after the second of two names has both for its subject.
			if m.secondSubject(c.start) {
				continue
			}
			c.mentions, c.countries = []int{c.start}, []string{""}
			if ru.Coordinated {
				for _, k := range m.coordinatedSubjects(c.start) {
					c.mentions, c.countries = append(c.mentions, k), append(c.countries, "")
				}
			}
		}
		// A plural title apart from the name is in apposition to names,
		// or to one of them ("one of his MPs, X"): in "the firm's
		// representatives, Ruiz, his lawyers and ..." it is one item of a
		// list, as Ruiz is, and in "officials, X said," X only speaks;
		// "Senators A, a Democrat, and B" are senators. After "including"
		// a name is one of the title's holders, whatever follows it
		// ("ministers, including X, who led the talks").
		if c.kind == elNames && len(c.mentions) == 1 && !m.afterIncluding(c.start) && (m.listGoesOn(m.r.persons[c.mentions[0]]) || m.speaks(m.r.persons[c.mentions[0]])) &&
			slices.ContainsFunc(caps, func(o capture) bool {
				return o.kind == elRole && o.role.match.Plural && o.role.end != c.start && !m.oneOf(o.role.start)
			}) {
			continue
		}
		if ru.Subject {
			if m.r.possessiveAt(m.r.persons[c.mentions[0]]) {
				continue
			}
		}
		roles := rolesFor(caps, ci, ru.Pairs)
		if ru.Last {
			roles = lastRole(caps)
		}
		// (A name with its own title after another's is a list item.)
		if ru.Unlisted && len(roles) > 1 && m.listItemAfter(m.r.persons[c.mentions[0]]) {
			continue
		}
		// "A, the party's treasurer, B, the mayor, ...": a role in
		// apposition after a name is that name's, not one before the next.
		if len(roles) > 0 && roles[0].end <= c.start && c.start > 0 && m.r.lower[c.start-1] == "," && m.appositionAfterName(roles[0]) {
			continue
		}
		title := ru.Title
		if ru.Member {
			if title = m.c.memberOf(org); title == "" {
				continue
			}
		}
		if title != "" {
			// The verb's phrase follows the name, and so does a
			// post-nominal read before it ("X MP, who chairs ...").
			nameEnd := m.r.persons[c.mentions[0]]
			after := min(nameEnd, len(m.r.d.Tokens)-1)
			ph := rolePhrase{start: after, end: after + 1, fixed: title}
			for _, o := range caps {
				if o.kind != elOrg {
					continue
				}
				// The evidence is the body and the verb, in the text's
				// order: "Harbour Board, headed by X", "who chairs the
				// Harbour Board".
				ph.org = o.org
				if o.start < c.start {
					ph.start, ph.end = o.start, nameEnd
					continue
				}
				if m.r.lower[ph.start] == "," {
					ph.start++
				}
				ph.end = o.start + 1
				if e, ok := m.r.ix.entityAt(o.start); ok {
					ph.end = m.r.ix.tokenEnding(e.End) + 1
				}
			}
			roles = append(roles, ph)
		}
		for k, mention := range c.mentions {
			end := m.r.persons[mention]
			if len(roles) == 0 || ru.LeftOffice {
				// An affiliation without a post: "Sam Ortiz of Human
				// Rights Watch", "Ana Ruiz of Chile".
				f := fact{mention: mention, left: ru.LeftOffice}
				f.org, f.country = org, country
				f.evidence = m.r.d.SpanOf(m.r.d.Tokens[mention].Start, m.r.d.Tokens[end-1].End)
				out = append(out, f)
				continue
			}
			own := roles
			if len(roles) > 1 && len(roles) == len(c.mentions) {
				own = roles[k : k+1] // "respectively"
			} else if len(roles) == 1 {
				if parts := m.r.distribute(roles[0], len(c.mentions)); parts != nil {
					own = parts[k : k+1] // "the finance and foreign ministers, A and B"
				}
			}
			for _, ph := range own {
				switch {
				case c.countries[k] != "":
					ph.countries = []string{c.countries[k]}
				case len(ph.countries) == len(c.mentions) && len(c.mentions) > 1:
					ph.countries = ph.countries[k : k+1] // "respectively"
				case ph.country() == "" && country != "":
					ph.countries = []string{country}
				case ph.country() == "" && shared != "" && (ph.org == "" || m.r.p.placelessStateBody(ph.org)) && !m.r.ofCountryAt(m.r.persons[c.mentions[k]]):
					// ("Chile's president A and Parliament Speaker B"; not
					// "Chilean envoy A and envoy B of Norway".)
					ph.countries = []string{shared}
				}
				if ph.org == "" && org != "" {
					ph.org, ph.tied = org, true
				}
				if ph.org == "" && sharedOrg != "" && sharedTitle != "" && strings.HasSuffix(ph.match.Canonical, " "+sharedTitle) {
					ph.org, ph.tied = sharedOrg, true
				}
				if m.prospective(ph.start) {
					continue // "his choice to be secretary of state, X": not held yet
				}
				if ph.match.Professional && !ph.tied && !ru.Post {
					// "a lawyer": a profession, not a post, but it says who
					// a later description is not ("the minister said").
					rf := m.roleFactOf(ph)
					f := fact{mention: mention, profession: true, phrase: rf.role, roleFact: rf}
					f.role = ph.match.Canonical
					out = append(out, f)
					continue
				}
				f := fact{mention: mention, roleFact: m.roleFactOf(ph)}
				// "Chilean President X appointed Y as finance minister": a
				// state office given by someone is in their state.
				if f.owner == "" && f.country == "" && slices.ContainsFunc(strings.Fields(f.role), func(w string) bool { return stateOffices[w] }) {
					switch {
					case m.appoints(ru):
						f.owner = m.appointer(at)
					case ru.Succession:
						f.owner = m.announcer(at)
					}
				}
				f.roster = ru.Roster
				f.former = ph.former || ru.Former || ru.FormerName == nameNo
				// (The file's @former words, and "once", read as adverbs.)
				if k := ph.start; k > mention+1 && (m.r.is(k-1, m.c.former) || m.r.lower[k-1] == "once") && (m.r.lower[k-2] == "was" || m.r.lower[k-2] == "were") && !strings.HasPrefix(m.r.d.Tokens[k].Tag, "VB") {
					f.former = true // "who was then president", "who was once mayor"
				}
				end := m.r.d.Sentences[m.r.d.Tokens[mention].Sentence].EndToken
				if ph.start > mention && !presentOrFuture(m.r.d, mention, ph.start) && heldUntil(m.r.d, ph.end, end) {
					f.former = true // "who was special envoy ... until March", not "will stay as envoy until March"
				}
				if k := heldThePost(m.r.lower, max(ph.end, m.r.persons[mention]), end); k > 0 && heldUntil(m.r.d, k, end) {
					f.former = true // "X, the regional director, held the post until 2013"
				}
				if relationalTitles[f.role] {
					f.pending = &pendingRef{counterpart: true}
				}
				out = append(out, f)
				// "Senator Lane's spokeswoman X": the owner holds the
				// title the phrase names them by (a past one may be a
				// verb's: "ousted current Prime Minister X's deputy").
				if own := ph.ownTitle; own != nil && !own.former && m.r.persons[ph.ownerAt] > 0 {
					out = append(out, fact{mention: ph.ownerAt, roleFact: m.roleFactOf(*own)})
				}
			}
		}
	}
	if ru.Antecedent || ru.Possessor || ru.Lede {
		onlyAhead := ru.Lede && !ru.Antecedent && !ru.Possessor // (only to the next sentence's subject)
		for _, c := range caps {
			// "The prime minister's spokesman said": the spokesman is
			// not the person named before; the prime minister may be.
			if c.kind == elRole && c.role.office != "" && !ru.Possessor {
				break
			}
			// "The prime minister's wife said": the one named before is
			// the prime minister's relative, not the prime minister.
			if c.kind == elRole && ru.Antecedent && (m.kinOwned(c.role.end) || m.namedAfter(c.role.end)) {
				break
			}
			// "The lawyer for Ana Ruiz said": a post held for someone the
			// phrase names is a new person's.
			if c.kind == elRole && ru.Antecedent && m.namesHolder(c.role) {
				break
			}
			// ("the strategist helped", "arrested a member of a gang. X
			// was ...": a profession, too weak a tie.)
			if c.kind == elRole && (ru.Strict || onlyAhead && org == "" && country == "") && c.role.match.Professional && !c.role.tied {
				break
			}
			if c.kind == elRole && ru.Single && oneHolder(m.roleFactOf(*c.role)) == "" {
				break
			}
			// "The ambassador, whose name was not released, said": the
			// text says it names no one.
			if c.kind == elRole && unnamedClause(m.r.lower, c.role.end) {
				break
			}
			if c.kind == elRole {
				f := fact{mention: -1, pending: &pendingRef{possessor: ru.Possessor, lede: ru.Lede, ahead: onlyAhead, strict: ru.Strict, pronoun: ru.Pronoun}, roleFact: m.roleFactOf(*c.role)}
				f.former = c.role.former
				// "the Chilean foreign minister"; "Peru's trade envoy in
				// Chile" is Peru's: the country before the post is its
				// own, one after may be where it is held.
				if country != "" {
					f.country = country
				}
				if f.org == "" {
					f.org = org // "the Tory | leader will"
				}
				out = append(out, f)
				break
			}
		}
	}
	return out
}

// appoints reports whether rule ru opens with the verb of an
// appointment ("appointed", "names").
func (m *matcher) appoints(ru *rule) bool {
	el := &ru.elems[0]
	return el.kind == elWord && el.class&(m.c.appoint|m.c.appoints) != 0
}

// announcer returns the name of the person who opens the sentence of
// token at as the subject of a speech verb before it ("President X said
// | A would replace B"), or "".
func (m *matcher) announcer(at int) string {
	lo, _ := m.r.ix.sentenceBounds(at)
	for k := lo; k < at; k++ {
		e, ok := m.r.ix.entityAt(k)
		if !ok || e.Label != pipeline.Person {
			continue
		}
		for j := m.r.ix.tokenEnding(e.End) + 1; j < at && j < k+12; j++ {
			if m.r.is(j, m.c.say) {
				return e.Text
			}
		}
		return ""
	}
	return ""
}

// appointer returns the name of the person who makes the appointment
// whose verb is at token at: the last person named before it in its
// sentence, not across a quotation or a semicolon; "" when there is none.
func (m *matcher) appointer(at int) string {
	lo, _ := m.r.ix.sentenceBounds(at)
	for k := at - 1; k >= lo; k-- {
		if w := m.r.lower[k]; w == ";" || isQuote(w) {
			return ""
		}
		if e, ok := m.r.ix.entityEndingAt(k); ok && e.Label == pipeline.Person {
			return e.Text
		}
	}
	return ""
}

// namesHolder reports whether a role phrase names a person it is held
// for, in full or after their title: "lawyer for Ana Ruiz", "aide to
// President Ruiz" (not a one-word name in a seat's, "MP for Holt and Kerr").
func (m *matcher) namesHolder(ph *rolePhrase) bool {
	for k := ph.titleStart; k < ph.end; k++ {
		if end := m.r.persons[k]; end > 0 && (end-k > 1 || m.r.titleEndsAt(k, ph.titleStart+1)) {
			return true
		}
	}
	return false
}

// namedAfter reports whether an apposition at token k names the holder of
// the post before it: "said the committee's chairman, Labour MP Ann Lee".
func (m *matcher) namedAfter(k int) bool {
	d := m.r.d
	if k >= len(d.Tokens) || d.Tokens[k].Text != "," {
		return false
	}
	_, hi := m.r.ix.sentenceBounds(k)
	for i := k + 1; i < hi && i < k+5; i++ {
		if m.r.persons[i] > 0 {
			return true
		}
	}
	return false
}

// kinOwned reports whether a possessive at token k owns a relative: "'s
// wife", "'s 19-year-old son".
func (m *matcher) kinOwned(k int) bool {
	d := m.r.d
	if k+1 >= len(d.Tokens) || !isPossessive(d.Tokens[k].Text) {
		return false
	}
	for i := k + 1; i < len(d.Tokens) && i < k+4; i++ {
		if kinNouns[m.r.lower[i]] {
			return true
		}
	}
	return false
}

// relationalTitles name a post by another's: "his Danish counterpart",
// "the president's predecessor" (whose post is past).
var relationalTitles = map[string]bool{"Counterpart": true, "Predecessor": true}

// lastRole returns the last ROLE captured, if any.
func lastRole(caps []capture) []rolePhrase {
	for k := len(caps) - 1; k >= 0; k-- {
		if caps[k].kind == elRole {
			return []rolePhrase{*caps[k].role}
		}
	}
	return nil
}

// rolesFor returns the ROLE captures that belong to the name at caps[ci]:
// those after the previous name and before this one, else (and always
// with pairs) the nearest after it.
func rolesFor(caps []capture, ci int, pairs bool) []rolePhrase {
	var out []rolePhrase
	for k := ci - 1; k >= 0 && !pairs && caps[k].kind != elName && caps[k].kind != elNames; k-- {
		if caps[k].kind == elRole {
			out = append([]rolePhrase{*caps[k].role}, out...)
		}
	}
	if len(out) > 0 {
		return out
	}
	// "A and B became president and vice-president": as many roles as
	// names, in their order.
	several := caps[ci].kind == elNames && len(caps[ci].mentions) > 1
	for _, c := range caps[ci+1:] {
		if c.kind == elRole {
			out = append(out, *c.role)
			if !several {
				return out
			}
		} else if several && len(out) > 0 && (c.kind == elName || c.kind == elNames) {
			break
		}
	}
	if len(out) > 1 && len(out) != len(caps[ci].mentions) {
		return out[:1]
	}
	return out
}

// roleFactOf turns a role phrase into what the person gets from it.
func (m *matcher) roleFactOf(ph rolePhrase) roleFact {
	f := roleFact{role: m.r.text(ph), country: ph.country(), org: ph.org, party: ph.party, owner: ph.owner, office: ph.office}
	f.evidence = m.r.d.SpanOf(m.r.d.Tokens[ph.start].Start, m.r.d.Tokens[ph.end-1].End)
	return f
}

// secondSubject reports whether the person mention at token k follows
// "NAME and" and a verb follows it.
func (m *matcher) secondSubject(k int) bool {
	end := m.r.persons[k]
	if k < 2 || end == 0 || end >= len(m.r.d.Tokens) || m.r.lower[k-1] != "and" || !m.endsName(k-1) {
		return false
	}
	tag := m.r.d.Tokens[end].Tag
	return strings.HasPrefix(tag, "VB") || tag == "MD"
}

// nameNotObject reports whether the name captured just before element ei
// follows a determiner, an adjective or a conjunction, so a lowercase
// title after it is no complement of a verb ("declared | Ruiz
// president"): "a top | Ruiz aide", "and | Ruiz justice".
func (m *matcher) nameNotObject(a *attempt, ei int) bool {
	if ei == 0 || a.ru.elems[ei-1].kind != elName || len(a.caps) == 0 {
		return false
	}
	k := a.caps[len(a.caps)-1].start - 1
	return k >= a.lo && (m.r.is(k, m.c.determiner) || m.r.d.Tokens[k].Tag == "JJ" || m.r.lower[k] == "and" || m.r.lower[k] == ",")
}

// appositionAfterName reports whether a role phrase is in a noun phrase
// that follows a name and a comma, and that name opens a list: "A, the
// party's treasurer, B, ..." (not "A, who met the mayor, B", nor "the
// mayor, A, the whip, B", where each role comes before its name).
func (m *matcher) appositionAfterName(ph rolePhrase) bool {
	k := ph.start - 1
	for ; k > 0 && ph.start-k <= 8; k-- {
		if t := m.r.d.Tokens[k].Tag; !(t == "DT" || t == "PRP$" || t == "POS" || t == "CD" || strings.HasPrefix(t, "JJ") || strings.HasPrefix(t, "NN")) {
			break
		}
	}
	if k <= 0 || m.r.lower[k] != "," {
		return false
	}
	// (A title right before the name, "UN envoy A, the mediator, B", says
	// the list puts roles first too.)
	start, end, ok := m.r.lastPerson(k, max(0, k-6))
	return ok && end == k && (start == 0 || m.r.lower[start-1] != "," && !strings.HasPrefix(m.r.d.Tokens[start-1].Tag, "NN"))
}

// endsName reports whether a person mention ends right before token k.
func (m *matcher) endsName(k int) bool {
	_, end, ok := m.r.lastPerson(k, max(0, k-6))
	return ok && end == k
}

// partyStateTag reports whether w is a US legislator's party and state:
// "D-Ohio", "R-Texas", "I-Vt.".
func partyStateTag(w string) bool {
	if len(w) < 3 || w[1] != '-' || !strings.ContainsRune("DRI", rune(w[0])) {
		return false
	}
	return strings.IndexFunc(w[2:], func(r rune) bool { return !unicode.IsLetter(r) && r != '.' }) < 0
}

// memberOf returns the title of a member of the chamber that a body's
// name ends in ("U.S. Senate": Senator), or "".
func (c *constructions) memberOf(body string) string {
	words := strings.Fields(body)
	for i := range words {
		if t, ok := c.members[strings.Join(words[i:], " ")]; ok {
			return t
		}
	}
	return ""
}

// memberTitle reports whether title is that of a chamber's member, from
// the file's members: "Senator", "Member of Parliament".
func (c *constructions) memberTitle(title string) bool {
	for _, t := range c.members {
		if t == title {
			return true
		}
	}
	return false
}

// relativeWords open a relative clause.
var relativeWords = toSet(`who whom whose which that where when`)

// durationNouns measure how long a post was held: "for two decades".
var durationNouns = toSet(`year years decade decades month months week weeks term terms`)

// finiteVerb reports whether a part-of-speech tag is a finite verb's or a
// modal's: what follows a clause's subject ("met", "has", "will").
func finiteVerb(tag string) bool {
	return tag == "VBD" || tag == "VBZ" || tag == "VBP" || tag == "MD"
}

// unnamedClause reports whether the relative clause that opens after the
// comma at token k says its person goes unnamed: ", whose name was not
// released,", ", who asked not to be named,", ", who spoke on condition
// of anonymity,".
func unnamedClause(lower []string, k int) bool {
	if k+2 >= len(lower) || lower[k] != "," || lower[k+1] != "who" && lower[k+1] != "whose" {
		return false
	}
	denied := false
	for j := k + 2; j < len(lower) && j < k+14; j++ {
		switch w := lower[j]; {
		case w == "," || w == "." || w == ";":
			return false
		case w == "anonymity":
			return true
		case w == "not" || w == "n't" || w == "never" || w == "declined" || w == "refused" || w == "withheld":
			denied = true
		case denied && unnamedVerbs[w]:
			return true
		}
	}
	return false
}

// unnamedVerbs say a name was given: ", who was not named".
var unnamedVerbs = toSet(`named identified released disclosed given published revealed name identify disclose`)

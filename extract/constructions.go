package extract

import (
	_ "embed"
	"fmt"
	"os"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

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
//	NAME     a person mention (titles of address such as "Mr" may precede it)
//	NAMES    person mentions joined by commas and "and", each
//	         optionally followed by "of PLACE" ("A of Chile and B of Peru")
//	ROLE     a role phrase (roles.go); ROLES the same with a plural head
//	COUNTRY  a country, demonym or capital; PLACE any place; ORG a body
//	QUOTE    a closing quotation mark; DASH any dash
//	NUM      a number: "Tom Hale, 45, a police officer"
//	CLAUSE   a clause between commas: ", a Saudi national,"
//	BRACKET  words in brackets: "(National Union of Rail Workers)"
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
	Rules   []ruleSpec          `yaml:"rules"`
}

type ruleSpec struct {
	Name    string `yaml:"name"`
	Pattern string `yaml:"pattern"`
	// Where limits the rule to roster lines ("list": list items and table
	// rows).
	Where string `yaml:"where"`
	// Former marks the roles the match gives as no longer held; FormerName
	// marks only the role of that NAME (1-based).
	Former     bool `yaml:"former"`
	FormerName int  `yaml:"former_name"`
	// LeftOffice says the named person left their post (the role comes
	// from elsewhere).
	LeftOffice bool `yaml:"left_office"`
	// Antecedent gives the role to the person the phrase refers back to
	// ("the prime minister said"); Counterpart gives the named people the
	// title of that person ("his Kenyan counterpart, X").
	Antecedent bool `yaml:"antecedent"`
	// Possessor gives the role to the person named before in the sentence,
	// whom a possessive refers to ("X ... his time as bond department
	// head").
	Possessor bool `yaml:"possessor"`
	// ShareCountry lets a role without a country take another's in the
	// same match ("Dutch prime minister A and finance minister B").
	ShareCountry bool `yaml:"share_country"`
	// Title is the role a rule gives by itself, for a verb that names a
	// post ("who heads the bank": Head).
	Title string `yaml:"title"`
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
)

type elem struct {
	kind  elemKind
	words map[string]bool
	opt   bool
	star  bool
	say   bool // $say: a speech verb ends an apposition too
}

type rule struct {
	ruleSpec
	elems []elem
}

// constructions is a loaded rules file.
type constructions struct {
	words   wordClasses
	parties map[string]string // "Lib Dem" -> "Liberal Democrats"
	rules   []rule
}

type wordClasses map[string]map[string]bool

func (w wordClasses) has(class, word string) bool { return w[class][word] }

// loadConstructions reads a rules file; "" means the built-in one.
func loadConstructions(path string) (*constructions, error) {
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
	c := &constructions{words: wordClasses{}, parties: f.Parties}
	for class, ws := range f.Words {
		c.words[class] = map[string]bool{}
		for _, w := range ws {
			c.words[class][strings.ToLower(w)] = true
		}
	}
	for _, class := range []string{"determiner", "possessor", "former", "complement"} {
		if c.words[class] == nil {
			return nil, fmt.Errorf("%s: word class %q is missing", ruleFileName(path), class)
		}
	}
	for _, s := range f.Rules {
		els, err := c.compile(s.Pattern)
		if err != nil {
			return nil, fmt.Errorf("%s: rule %q: %w", ruleFileName(path), s.Name, err)
		}
		c.rules = append(c.rules, rule{s, els})
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
		case "QUOTE":
			e.kind = elQuote
		case "DASH":
			e.kind = elDash
		case "NUM":
			e.kind = elNum
		case "CLAUSE":
			e.kind = elClause
		case "BRACKET":
			e.kind = elBracket
		case "^":
			e.kind = elStart
		case "$":
			e.kind = elEnd
		case "$say":
			e.kind, e.say = elEnd, true
		default:
			e.words = map[string]bool{}
			if class, ok := strings.CutPrefix(f, "@"); ok {
				ws, ok := c.words[class]
				if !ok {
					return nil, fmt.Errorf("unknown word class @%s", class)
				}
				e.words = ws
			} else {
				for _, w := range strings.Split(f, "|") {
					switch w {
					case "DASH":
						for _, d := range dashes {
							e.words[d] = true
						}
					case "QUOTE":
						for _, q := range quotes {
							e.words[q] = true
						}
					default:
						e.words[strings.ToLower(w)] = true
					}
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

// capture is what one element of a match took.
type capture struct {
	kind      elemKind
	start     int
	mentions  []int    // person mention starts (tokens), for NAME and NAMES
	countries []string // per mention, "of Chile"; or the COUNTRY element's
	role      rolePhrase
	org       string
}

// matcher runs the rules over one document.
type matcher struct {
	c      *constructions
	r      *roleReader
	d      *pipeline.Doc
	ix     *tokenIndex
	person map[int]int // token -> end token (exclusive) of the person mention starting there
}

// option is one way an element can match: where the match goes on, and
// what the element took.
type option struct {
	next int
	cap  *capture
}

// match tries rule ru at token i in the sentence [lo, hi) and returns its
// captures.
func (m *matcher) match(ru *rule, i, lo, hi int) ([]capture, bool) {
	var caps []capture
	var try func(ei, pos int) bool
	try = func(ei, pos int) bool {
		if ei == len(ru.elems) {
			return true
		}
		el := ru.elems[ei]
		for _, o := range m.options(el, pos, lo, hi) {
			if o.cap != nil {
				caps = append(caps, *o.cap)
			}
			if try(ei+1, o.next) {
				return true
			}
			if o.cap != nil {
				caps = caps[:len(caps)-1]
			}
		}
		return el.opt && !el.star && try(ei+1, pos)
	}
	if !try(0, i) {
		return nil, false
	}
	return caps, true
}

// options returns the ways element el matches at pos, most preferred
// first.
func (m *matcher) options(el elem, pos, lo, hi int) []option {
	switch el.kind {
	case elStart:
		if pos == lo {
			return []option{{next: pos}}
		}
		return nil
	case elEnd:
		if pos >= hi {
			return []option{{next: pos}}
		}
		switch w := m.r.lower[pos]; {
		case w == "," || w == "." || w == ";" || w == "(" || w == ")" || w == ":" || isDash(w) || isQuote(w) || m.c.words.has("apposition_end", w) || el.say && m.c.words.has("say", w):
			return []option{{next: pos}}
		}
		return nil
	case elClause:
		// ", a Saudi national," : a comma, then words up to the next comma.
		if pos >= hi || m.r.lower[pos] != "," {
			return nil
		}
		for k := pos + 1; k < hi && k <= pos+30; k++ {
			switch w := m.r.lower[k]; {
			case w == ",":
				if k > pos+1 {
					return []option{{next: k + 1}}
				}
				return nil
			case w == ";" || w == "." || w == ":" || isQuote(w):
				return nil
			}
		}
		return nil
	case elBracket:
		if pos >= hi || m.r.lower[pos] != "(" {
			return nil
		}
		for k := pos + 1; k < hi && k <= pos+20; k++ {
			if m.r.lower[k] == ")" {
				return []option{{next: k + 1}}
			}
		}
		return nil
	}
	if el.star {
		end := pos
		for end < hi && el.words[m.r.lower[end]] {
			end++
		}
		var out []option
		for e := end; e >= pos; e-- {
			out = append(out, option{next: e})
		}
		return out
	}
	if pos >= hi {
		return nil
	}
	switch el.kind {
	case elWord:
		if el.words[m.r.lower[pos]] {
			return []option{{next: pos + 1}}
		}
	case elQuote:
		if isQuote(m.r.lower[pos]) {
			return []option{{next: pos + 1}}
		}
	case elNum:
		if m.d.Tokens[pos].Tag == "CD" || isDigits(m.r.lower[pos]) {
			return []option{{next: pos + 1}}
		}
	case elDash:
		if isDash(m.r.lower[pos]) {
			return []option{{next: pos + 1}}
		}
	case elName:
		if start, end, ok := m.name(pos, hi); ok {
			return []option{{next: end, cap: &capture{kind: elName, start: start, mentions: []int{start}, countries: []string{""}}}}
		}
	case elNames:
		if c, end, ok := m.names(pos, hi); ok {
			return []option{{next: end, cap: &c}}
		}
	case elRole, elRoles:
		var out []option
		for _, ph := range m.r.startingAt(pos, hi) {
			if ph.plural != (el.kind == elRoles) {
				continue
			}
			out = append(out, option{next: ph.end, cap: &capture{kind: elRole, start: ph.start, role: ph}})
		}
		return out
	case elCountry, elPlace, elOrg:
		e, ok := m.ix.entityAt(pos)
		if !ok {
			return nil
		}
		c := capture{kind: el.kind, start: pos}
		switch el.kind {
		case elCountry:
			cc := m.r.p.countryOf(e)
			if cc == "" {
				return nil
			}
			c.countries = []string{cc}
		case elPlace:
			if e.Label != pipeline.Place && e.Label != pipeline.NORP {
				return nil
			}
			c.countries = []string{m.r.p.countryOf(e)}
		case elOrg:
			if e.Label != pipeline.Org {
				return nil
			}
			c.org = e.Canonical
		}
		return []option{{next: m.ix.tokenEnding(e.End) + 1, cap: &c}}
	}
	return nil
}

var (
	quotes = []string{"\"", "”", "“", "''", "``", "'", "’"}
	dashes = []string{"-", "–", "—", "--", "―"}
)

func isQuote(w string) bool { return slices.Contains(quotes, w) }

// name matches a person mention at pos, after titles of address ("Mr",
// "Lord"), and returns the mention's start and end tokens.
func (m *matcher) name(pos, hi int) (int, int, bool) {
	for pos < hi && honorifics[m.r.lower[pos]] {
		if _, ok := m.person[pos]; ok {
			break
		}
		pos++
	}
	end, ok := m.person[pos]
	if !ok || end > hi {
		return 0, 0, false
	}
	return pos, end, true
}

// names matches "A, B and C" (one or more person mentions), each optionally
// followed by "of PLACE".
func (m *matcher) names(pos, hi int) (capture, int, bool) {
	c := capture{kind: elNames, start: pos}
	k, last := pos, pos
	for {
		start, end, ok := m.name(k, hi)
		if !ok {
			break
		}
		country := ""
		if end+1 < hi && m.r.lower[end] == "of" {
			j := end + 1
			if m.r.lower[j] == "the" {
				j++
			}
			if e, ok := m.ix.entityAt(j); ok && j < hi && (e.Label == pipeline.Place || e.Label == pipeline.Org) {
				country = m.r.p.countryOf(e)
				end = m.ix.tokenEnding(e.End) + 1
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
	former  bool // the role is no longer held
	left    bool // the person left their post
	pending *pendingRef
}

// pendingRef is a role waiting for the person it refers to.
type pendingRef struct {
	role        rolePhrase
	counterpart bool // takes the title of the person named before it
	possessor   bool // belongs to the person named before it
}

// run applies every rule at every token of every sentence and returns the
// facts in reading order.
func (m *matcher) run() []fact {
	var out []fact
	seen := map[[2]int]int{}
	for _, s := range m.d.Sentences {
		lo, hi := s.FirstToken, s.EndToken
		kind := m.d.Paragraphs[s.Paragraph].Kind
		list := kind == pipeline.ListItem || kind == pipeline.TableRow
		for i := lo; i < hi; i++ {
			for ri := range m.c.rules {
				ru := &m.c.rules[ri]
				if ru.Where == "list" && !list {
					continue
				}
				if !m.canStart(ru.elems[0], i, lo) {
					continue
				}
				caps, ok := m.match(ru, i, lo, hi)
				if !ok {
					continue
				}
				for _, f := range m.facts(ru, caps) {
					// A rule says one thing about a mention: its longest
					// match, the one that starts first.
					key := [2]int{ri, f.mention}
					if at, ok := seen[key]; ok && f.mention >= 0 && at != i {
						continue
					}
					seen[key] = i
					out = append(out, f)
				}
			}
		}
	}
	slices.SortStableFunc(out, func(a, b fact) int {
		if a.roster != b.roster {
			if a.roster {
				return -1
			}
			return 1
		}
		return a.evidence.Start - b.evidence.Start
	})
	return out
}

// canStart is a cheap test of a rule's first element at token i.
func (m *matcher) canStart(el elem, i, lo int) bool {
	if el.opt {
		return true
	}
	switch el.kind {
	case elWord:
		return el.words[m.r.lower[i]]
	case elStart:
		return i == lo
	case elName, elNames:
		_, ok := m.person[i]
		return ok || honorifics[m.r.lower[i]]
	case elQuote:
		return isQuote(m.r.lower[i])
	}
	return true
}

// facts turns one match into facts about the people it names.
func (m *matcher) facts(ru *rule, caps []capture) []fact {
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
	shared := ""
	if ru.ShareCountry {
		for _, c := range caps {
			if c.kind == elRole {
				shared = c.role.country()
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
		roles := rolesFor(caps, ci)
		if ru.Title != "" {
			ph := rolePhrase{start: c.start, end: m.person[c.mentions[0]], title: ru.Title}
			for _, o := range caps {
				if o.kind == elOrg {
					ph.org, ph.end = o.org, max(ph.end, o.start+1)
				}
			}
			roles = append(roles, ph)
		}
		for k, mention := range c.mentions {
			end := m.person[mention]
			if len(roles) == 0 || ru.LeftOffice {
				// An affiliation without a post: "Sam Ortiz of Human
				// Rights Watch".
				f := fact{mention: mention, left: ru.LeftOffice}
				f.org = org
				f.evidence = m.d.SpanOf(m.d.Tokens[mention].Start, m.d.Tokens[end-1].End)
				out = append(out, f)
				continue
			}
			for _, ph := range roles {
				switch {
				case c.countries[k] != "":
					ph.countries = []string{c.countries[k]}
				case len(ph.countries) == len(c.mentions) && len(c.mentions) > 1:
					ph.countries = ph.countries[k : k+1] // "respectively"
				case ph.country() == "" && country != "":
					ph.countries = []string{country}
				case ph.country() == "" && shared != "" && ph.org == "":
					ph.countries = []string{shared}
				}
				if ph.org == "" && org != "" {
					ph.org, ph.tied = org, true
				}
				if ph.professional && !ph.tied {
					continue // "a lawyer": a profession, not a post
				}
				f := fact{mention: mention, roleFact: m.roleFactOf(ph)}
				f.roster = ru.Roster
				f.former = ph.former || ru.Former || ru.FormerName == nameNo
				if ph.start > mention && heldUntil(m.d, ph.end, m.d.Sentences[m.d.Tokens[mention].Sentence].EndToken) {
					f.former = true // "who was special envoy ... until March"
				}
				if relationalTitles[ph.title] {
					f.pending = &pendingRef{role: ph, counterpart: true}
				}
				out = append(out, f)
			}
		}
	}
	if ru.Antecedent || ru.Possessor {
		for _, c := range caps {
			if c.kind == elRole {
				f := fact{mention: -1, pending: &pendingRef{role: c.role, possessor: ru.Possessor}, roleFact: m.roleFactOf(c.role)}
				f.former = c.role.former
				out = append(out, f)
				break
			}
		}
	}
	return out
}

// relationalTitles name a post by another's: "his Danish counterpart".
var relationalTitles = map[string]bool{"Counterpart": true}

// rolesFor returns the ROLE captures that belong to the name at caps[ci]:
// those after the previous name and before this one, else the nearest
// after it.
func rolesFor(caps []capture, ci int) []rolePhrase {
	var out []rolePhrase
	for k := ci - 1; k >= 0 && caps[k].kind != elName && caps[k].kind != elNames; k-- {
		if caps[k].kind == elRole {
			out = append([]rolePhrase{caps[k].role}, out...)
		}
	}
	if len(out) > 0 {
		return out
	}
	for k := ci + 1; k < len(caps); k++ {
		if caps[k].kind == elRole {
			return []rolePhrase{caps[k].role}
		}
	}
	return nil
}

// roleFactOf turns a role phrase into what the person gets from it.
func (m *matcher) roleFactOf(ph rolePhrase) roleFact {
	f := roleFact{role: ph.title, country: ph.country(), org: ph.org, owner: ph.owner}
	f.evidence = m.d.SpanOf(m.d.Tokens[ph.start].Start, m.d.Tokens[ph.end-1].End)
	return f
}

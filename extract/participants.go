package extract

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/readout/readout/gazetteer"
	"github.com/readout/readout/pipeline"
)

// Participants turns person mentions into people: one entry per person with
// every form of their name, and the role, country and organisation the text
// gives them. Roles come from patterns around a mention (a title before the
// name, an apposition after it, a roster line "Name – Role of Country", a
// predicate "Name is the ..."); a country can also come from a group the
// person belongs to ("Moscow's delegation included ...").
type Participants struct {
	gaz    *gazetteer.Gazetteer
	titles *gazetteer.Titles
}

type participantsConfig struct {
	GazetteerFile string `mapstructure:"gazetteer_file"`
}

// NewParticipants builds the participants stage.
func NewParticipants(opts pipeline.Options) (pipeline.Stage, error) {
	var cfg participantsConfig
	if err := opts.Decode("participants", &cfg); err != nil {
		return nil, err
	}
	gaz, err := loadGazetteer(cfg.GazetteerFile)
	if err != nil {
		return nil, err
	}
	return &Participants{gaz: gaz, titles: gaz.Titles()}, nil
}

func (*Participants) Name() string { return "participants" }

// person is a participant being assembled.
type person struct {
	name     string
	forms    []string // name forms in order of first use
	mentions []pipeline.Span
	roles    []roleFact // in order of reading, roster lines first
	group    roleFact   // country from a group the person belongs to
	left     bool       // the text says the person left their post
}

// formerWords before a qualified title mark an office no longer held:
// "former US President".
var formerWords = toSet(`former ex then late`)

// roleText is a title's canonical form, spelled as the text spells it
// where the two differ only in spelling ("Advisor" and "Adviser").
func roleText(canon string, text []string) string {
	cw := strings.Fields(canon)
	if len(cw) != len(text) {
		return canon
	}
	for i, w := range text {
		lw, lc := strings.ToLower(w), strings.ToLower(cw[i])
		if lw != lc && len(lw) >= 5 && len(lc) >= 5 && lw[:4] == lc[:4] && !strings.Contains(lw, "-") {
			cw[i] = titleWord(lw)
		}
	}
	return normalRole(strings.Join(cw, " "))
}

// normalRole applies the spelling conventions of roles in output.
func normalRole(r string) string {
	return roleWords.Replace(r)
}

var roleWords = strings.NewReplacer("Spokesman", "Spokesperson", "Spokeswoman", "Spokesperson",
	"Vice-President", "Vice President", "Secretary General", "Secretary-General")

// roleFact is what one stretch of text says about a person.
type roleFact struct {
	owner              string // the person whose office this one hangs on
	role, country, org string
	evidence           pipeline.Span
	roster             bool
}

// Process fills d.Participants in order of first mention.
func (p *Participants) Process(ctx context.Context, d *pipeline.Doc) error {
	d.Participants = d.Participants[:0]
	people := clusterPeople(d.Entities)
	if len(people) == 0 {
		return nil
	}
	ix := newTokenIndex(d)
	groups := p.groupCountries(d, ix)
	main := p.mainCountry(d)
	for _, per := range people {
		for _, m := range per.mentions {
			if f, ok := p.roleAround(d, ix, m); ok {
				per.roles = append(per.roles, f)
			}
			if first, last := ix.token(m.Start), ix.tokenEnding(m.End); first >= 0 && last >= 0 && leftOffice(d, ix, first, last) {
				per.left = true
			}
			if g, ok := groups[m.Start]; ok && per.group.country == "" {
				per.group = g
			}
		}
		// Roster lines state roles deliberately; put them first.
		sort.SliceStable(per.roles, func(a, b int) bool { return per.roles[a].roster && !per.roles[b].roster })
	}
	// Countries of people's offices, for offices that hang on them.
	owners := map[string]string{}
	for _, per := range people {
		for _, f := range per.roles {
			if f.country != "" {
				for _, m := range per.mentions {
					if _, ok := owners[m.Text]; !ok {
						owners[m.Text] = f.country
					}
				}
				owners[per.name] = f.country
				break
			}
		}
	}
	weak := weakMentions(d.Entities)
	kept := people[:0]
	for _, per := range people {
		// A one-word name that only the statistical model saw, with no
		// role, is as often a place or a group as a person: leave it out.
		if len(per.roles) == 0 && allWeak(per.mentions, weak) {
			continue
		}
		kept = append(kept, per)
	}
	people = kept
	for i, per := range people {
		part := pipeline.Participant{
			ID:       fmt.Sprintf("p%d", i+1),
			Name:     per.name,
			Mentions: per.mentions,
		}
		for _, f := range per.forms {
			if f != per.name {
				part.Aliases = append(part.Aliases, f)
			}
		}
		// The first title the text gives wins; a descriptive one ("a
		// government official") only when there is no other. Its country
		// and organisation come first, then what other mentions say.
		facts := per.roles
		if i := slices.IndexFunc(per.roles, func(f roleFact) bool { return !f.isWeak() }); i > 0 {
			facts = slices.Concat(per.roles[i:i+1], per.roles[:i], per.roles[i+1:])
		}
		for _, f := range facts {
			if part.Role == "" && f.role != "" {
				part.Role = f.role
				ev := f.evidence
				part.Evidence = &ev
			}
			if part.CountryCode == "" && f.country != "" {
				part.CountryCode = f.country
			}
			if part.Organization == "" && f.org != "" {
				part.Organization = f.org
			}
		}
		if per.left {
			part.Role = formerRole(part.Role)
		}
		if part.Role != "" && part.CountryCode == "" {
			part.CountryCode = per.group.country
		}
		for _, f := range per.roles {
			if part.CountryCode == "" && f.owner != "" && part.Role != "" {
				part.CountryCode = owners[f.owner]
			}
		}
		if part.CountryCode != "" {
			part.CountrySource = pipeline.CountryFromText
		} else if part.Role != "" {
			// What the text leaves unplaced: the reference data's record of
			// the person, else, for a state office, the country the
			// document is about.
			if c := p.officialCountry(part.Name); c != "" {
				part.CountryCode, part.CountrySource = c, pipeline.CountryFromReference
			} else if main != "" && part.Organization == "" && isStateOffice(part.Role) {
				part.CountryCode, part.CountrySource = main, pipeline.CountryFromContext
			}
		}
		if part.Role == "" {
			part.CountryCode, part.CountrySource = "", "" // a country is the country of an office
		}
		if c, ok := p.gaz.Country(part.CountryCode); ok {
			part.Country = c.Name
		}
		part.Wikidata = p.wikidataID(part)
		d.Participants = append(d.Participants, part)
	}
	return nil
}

// weakMentions are the starts of one-word person mentions that only the
// statistical model found.
func weakMentions(es []pipeline.Entity) map[int]bool {
	weak := map[int]bool{}
	for _, e := range es {
		if e.Label == pipeline.Person && e.Source == pipeline.SourceModel && !strings.Contains(e.Text, " ") {
			weak[e.Start] = true
		}
	}
	return weak
}

func allWeak(ms []pipeline.Span, weak map[int]bool) bool {
	for _, m := range ms {
		if !weak[m.Start] {
			return false
		}
	}
	return true
}

// formerRole marks a role as no longer held.
func formerRole(r string) string {
	if r == "" || strings.HasPrefix(r, "Former ") {
		return r
	}
	return "Former " + r
}

// officialCountry is the country of the known officials with exactly this
// name, when they agree on one.
func (p *Participants) officialCountry(name string) string {
	c := ""
	for _, o := range p.gaz.Officials(name) {
		if c != "" && o.Country != c {
			return ""
		}
		c = o.Country
	}
	return c
}

// wikidataID returns the Wikidata id of a known official of this name,
// when the text does not contradict the record's country.
func (p *Participants) wikidataID(part pipeline.Participant) string {
	for _, o := range p.gaz.Officials(part.Name) {
		if o.QID != "" && (part.CountryCode == "" || part.CountryCode == o.Country) {
			return o.QID
		}
	}
	return ""
}

// clusterPeople groups person mentions by the person they name. A short
// form ("Lavrov", "John Bolton") joins the one person whose fuller name it
// is a form of; a form shared by two people joins the nearest one before it.
func clusterPeople(es []pipeline.Entity) []*person {
	var mentions []pipeline.Entity
	for _, e := range es {
		if e.Label == pipeline.Person {
			mentions = append(mentions, e)
		}
	}
	// Fullest names first, so short forms find them.
	order := make([]int, len(mentions))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		return len(strings.Fields(mentions[order[a]].Text)) > len(strings.Fields(mentions[order[b]].Text))
	})
	var people []*person
	owner := make([]*person, len(mentions))
	byForm := map[string][]*person{}
	for _, mi := range order {
		m := mentions[mi]
		name := strings.Join(stripHonorific(strings.Fields(m.Text)), " ")
		key := foldName(name)
		cands := byForm[key]
		var best *person
		switch len(cands) {
		case 0:
		case 1:
			best = cands[0]
		default: // shared surname: the nearest full mention before this one
			for _, c := range cands {
				if c.mentions[0].Start <= m.Start && (best == nil || c.mentions[0].Start > best.mentions[0].Start) {
					best = c
				}
			}
			if best == nil {
				best = cands[0]
			}
		}
		if best == nil {
			best = spellingVariant(key, byForm)
		}
		if best == nil {
			best = &person{name: name}
			people = append(people, best)
			for _, f := range personForms(name) {
				byForm[foldName(f)] = append(byForm[foldName(f)], best)
			}
		}
		owner[mi] = best
		best.mentions = append(best.mentions, pipeline.Span{Start: m.Start, End: m.End, Text: m.Text})
	}
	// Mentions and forms in reading order; people in order of first mention.
	for _, per := range people {
		per.mentions = per.mentions[:0]
	}
	for i, m := range mentions {
		per := owner[i]
		per.mentions = append(per.mentions, pipeline.Span{Start: m.Start, End: m.End, Text: m.Text})
		form := strings.Join(stripHonorific(strings.Fields(m.Text)), " ")
		if !contains(per.forms, form) {
			per.forms = append(per.forms, form)
		}
	}
	sort.SliceStable(people, func(a, b int) bool { return people[a].mentions[0].Start < people[b].mentions[0].Start })
	for _, per := range people {
		per.name = fullest(per.forms)
	}
	return people
}

// personForms are the shorter forms a name may recur as: the surname with
// its particles, and first plus last name without middle parts.
func personForms(name string) []string {
	forms := nameForms(name)
	parts := strings.Fields(name)
	if len(parts) > 2 {
		forms = append(forms, parts[0]+" "+parts[len(parts)-1])
	}
	if len(parts) > 1 {
		forms = append(forms, parts[0]) // "John" for John Bolton, "Qaboos" for Qaboos bin Said
	}
	return forms
}

// spellingVariant finds the person a one-word form is a transliteration
// variant of ("Soleymani" for Soleimani): one edit apart, same first
// letter, six letters or more.
func spellingVariant(key string, byForm map[string][]*person) *person {
	if len(key) < 6 || strings.Contains(key, " ") {
		return nil
	}
	var found *person
	for f, ps := range byForm {
		if len(ps) == 1 && f[0] == key[0] && !strings.Contains(f, " ") && oneEdit(f, key) {
			if found != nil && found != ps[0] {
				return nil // ambiguous
			}
			found = ps[0]
		}
	}
	return found
}

// oneEdit reports whether a and b differ by one substitution, insertion or
// deletion of a letter.
func oneEdit(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	if a == b || len(ra)-len(rb) > 1 {
		return false
	}
	i := 0
	for i < len(rb) && ra[i] == rb[i] {
		i++
	}
	if len(ra) == len(rb) {
		return string(ra[i+1:]) == string(rb[i+1:])
	}
	return string(ra[i+1:]) == string(rb[i:])
}

// fullest returns the form with the most name parts, the first on ties.
func fullest(forms []string) string {
	best := ""
	for _, f := range forms {
		if len(strings.Fields(f)) > len(strings.Fields(best)) {
			best = f
		}
	}
	return best
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// tokenIndex finds tokens and entities by byte offset.
type tokenIndex struct {
	d      *pipeline.Doc
	starts []int
}

func newTokenIndex(d *pipeline.Doc) *tokenIndex {
	ix := &tokenIndex{d: d, starts: make([]int, len(d.Tokens))}
	for i, t := range d.Tokens {
		ix.starts[i] = t.Start
	}
	return ix
}

// token returns the index of the token starting at byte b, or -1.
func (ix *tokenIndex) token(b int) int {
	i := sort.SearchInts(ix.starts, b)
	if i < len(ix.starts) && ix.starts[i] == b {
		return i
	}
	return -1
}

// tokenEnding returns the index of the token ending at byte b, or -1.
func (ix *tokenIndex) tokenEnding(b int) int {
	i := sort.Search(len(ix.d.Tokens), func(i int) bool { return ix.d.Tokens[i].End >= b })
	if i < len(ix.d.Tokens) && ix.d.Tokens[i].End == b {
		return i
	}
	return -1
}

// entityAt returns the entity that starts at token i, if any.
func (ix *tokenIndex) entityAt(i int) (pipeline.Entity, bool) {
	if i < 0 || i >= len(ix.d.Tokens) {
		return pipeline.Entity{}, false
	}
	b := ix.d.Tokens[i].Start
	es := ix.d.Entities
	k := sort.Search(len(es), func(k int) bool { return es[k].Start >= b })
	if k < len(es) && es[k].Start == b {
		return es[k], true
	}
	return pipeline.Entity{}, false
}

// entityEndingAt returns the entity whose last token is i, if any.
func (ix *tokenIndex) entityEndingAt(i int) (pipeline.Entity, bool) {
	if i < 0 || i >= len(ix.d.Tokens) {
		return pipeline.Entity{}, false
	}
	b := ix.d.Tokens[i].End
	// Entities do not overlap, so their ends are sorted like their starts.
	es := ix.d.Entities
	k := sort.Search(len(es), func(k int) bool { return es[k].End >= b })
	if k < len(es) && es[k].End == b {
		return es[k], true
	}
	return pipeline.Entity{}, false
}

// sentenceBounds returns the token range of the sentence holding token i.
func (ix *tokenIndex) sentenceBounds(i int) (int, int) {
	s := ix.d.Sentences[ix.d.Tokens[i].Sentence]
	return s.FirstToken, s.EndToken
}

// countryOf resolves an entity to the country it stands for: a country
// itself, a demonym's country, or a capital city used for its government.
// Other cities do not stand for a country.
func (p *Participants) countryOf(e pipeline.Entity) string {
	switch {
	case e.Label == pipeline.NORP:
		return e.Country
	case e.Label == pipeline.Place && e.Subtype == gazetteer.Country:
		return e.ID
	case e.Label == pipeline.Place && e.Subtype == gazetteer.City && e.Country != "":
		if c, ok := p.gaz.Capital(e.Country); ok && c.Name == e.Canonical {
			return e.Country
		}
	}
	return ""
}

// roleAround reads the role that the text around mention m gives.
func (p *Participants) roleAround(d *pipeline.Doc, ix *tokenIndex, m pipeline.Span) (roleFact, bool) {
	first, last := ix.token(m.Start), ix.tokenEnding(m.End)
	if first < 0 || last < 0 {
		return roleFact{}, false
	}
	lo, hi := ix.sentenceBounds(first)
	para := d.Paragraphs[d.Sentences[d.Tokens[first].Sentence].Paragraph]
	// A roster line: the name opens the line and a separator follows.
	if first == lo && (para.Kind == pipeline.ListItem || para.Kind == pipeline.TableRow) && last+1 < hi {
		if sep := d.Tokens[last+1].Text; isDash(sep) || sep == ":" || sep == "," || sep == "(" {
			if f, ok := p.roleAfter(d, ix, last+2, hi); ok {
				f.roster = true
				return f, true
			}
		}
	}
	if f, ok := p.roleWhose(d, ix, lo, first); ok {
		return f, true
	}
	before, ok := p.roleBefore(d, ix, lo, first)
	if ok && !before.isWeak() {
		return before, true
	}
	// "Senior official X, the deputy health minister": the post named
	// after the name says more than the description before it.
	if f, ok := p.roleAfterName(d, ix, last, hi); ok {
		if f.country == "" {
			f.country = before.country
		}
		return f, true
	}
	return before, ok
}

// roleAfterName reads a role stated after the name that ends at token
// last: an apposition or a predicate.
func (p *Participants) roleAfterName(d *pipeline.Doc, ix *tokenIndex, last, hi int) (roleFact, bool) {
	// Apposition: "Name, the Egyptian foreign minister," / "Name, who is" /
	// "Name, as the new Sultan".
	if last+2 < hi && d.Tokens[last+1].Text == "," {
		k := last + 2
		if w := strings.ToLower(d.Tokens[k].Text); w == "as" {
			k++
		} else if w == "who" && k+2 < hi {
			if v := strings.ToLower(d.Tokens[k+1].Text); v == "is" || v == "was" || v == "serves" || v == "served" {
				k += 2
				if k < hi && strings.ToLower(d.Tokens[k].Text) == "as" {
					k++
				}
			} else {
				// "who succeeded him as Foreign Secretary"
				for j := k + 1; j < hi && j <= k+4; j++ {
					if strings.ToLower(d.Tokens[j].Text) == "as" {
						k = j + 1
						break
					}
				}
			}
		}
		if f, ok := p.roleAfter(d, ix, k, hi); ok {
			return p.tenure(d, ix, f, hi), true
		}
	}
	// Predicate: "Name is the foreign minister of Egypt", "Name who is
	// the secretary of state", "Name was elected party leader", and the
	// headline's "Name elected Conservative leader".
	k := last + 1
	if k+1 < hi && strings.ToLower(d.Tokens[k].Text) == "who" {
		k++
	}
	if k+1 < hi {
		v := strings.ToLower(d.Tokens[k].Text)
		if v == "is" || v == "was" || v == "became" || v == "becomes" {
			k++
			v = strings.ToLower(d.Tokens[k].Text)
		} else if !appointVerbs[v] {
			return roleFact{}, false
		}
		if appointVerbs[v] && k+1 < hi {
			if isPersonAt(ix, k+1) {
				return roleFact{}, false // "X named Y as ...": Y is the one appointed
			}
			k++
			if strings.ToLower(d.Tokens[k].Text) == "as" {
				k++
			}
		}
		if f, ok := p.roleAfter(d, ix, k, hi); ok {
			return p.tenure(d, ix, f, hi), true
		}
	}
	return roleFact{}, false
}

// appointVerbs put a person into a post: "was elected leader", "named as
// envoy".
var appointVerbs = toSet(`elected named appointed chosen confirmed installed re-elected`)

// isCompoundNoun reports whether a token before a title can name the post
// with it: "airport" in "an airport protocol officer".
func isCompoundNoun(t pipeline.Token) bool {
	return !isCapitalized(t.Text) && (t.Tag == "NN" || (t.Tag == "JJ" && !describes(t.Text)))
}

func isPersonAt(ix *tokenIndex, i int) bool {
	e, ok := ix.entityAt(i)
	return ok && e.Label == pipeline.Person
}

// tenure marks a role read from a clause about the person as former when
// the clause ends it: "who was special envoy ... until December".
func (p *Participants) tenure(d *pipeline.Doc, ix *tokenIndex, f roleFact, hi int) roleFact {
	if end := ix.tokenEnding(f.evidence.End); end >= 0 && heldUntil(d, end+1, hi) {
		f.role = formerRole(f.role)
	}
	return f
}

// roleWhose reads "whose Title is [Title] Name": the office a body's
// description names first ("The Syrian Army, whose commander-in-chief is
// President Bashar al-Assad").
func (p *Participants) roleWhose(d *pipeline.Doc, ix *tokenIndex, lo, first int) (roleFact, bool) {
	for w := first - 2; w >= lo && w >= first-8; w-- {
		if strings.ToLower(d.Tokens[w].Text) != "whose" {
			continue
		}
		words := tokenTexts(d.Tokens[w+1 : first])
		n, canon := p.titles.Match(words, 0)
		if n == 0 || n >= len(words) {
			return roleFact{}, false
		}
		if v := strings.ToLower(words[n]); v != "is" && v != "was" {
			return roleFact{}, false
		}
		// Between the verb and the name: nothing, or another title.
		if rest := words[n+1:]; len(rest) > 0 && !p.titleEndsAt(rest, len(rest)) {
			return roleFact{}, false
		}
		f := roleFact{role: roleText(canon, words[:n])}
		j := w - 1
		if j >= lo && (d.Tokens[j].Text == "," || isDash(d.Tokens[j].Text)) {
			j--
		}
		if e, ok := ix.entityEndingAt(j); ok && e.Label == pipeline.Org {
			f.org = e.Canonical
			f.country = e.Country
		}
		f.evidence = d.SpanOf(d.Tokens[w+1].Start, d.Tokens[w+n].End)
		return f, true
	}
	return roleFact{}, false
}

// roleBefore reads a title that ends right before the name, and what
// qualifies it on the left: "Russian Foreign Minister", "Egypt's Deputy
// Foreign Minister", "MENA department chief", "Ambassador".
func (p *Participants) roleBefore(d *pipeline.Doc, ix *tokenIndex, lo, first int) (roleFact, bool) {
	words := tokenTexts(d.Tokens[lo:first])
	end := len(words)
	for end > 0 && honorifics[strings.ToLower(words[end-1])] {
		end--
	}
	// "spokesperson, Steffen Seibert"
	if end > 1 && words[end-1] == "," {
		end--
	}
	// "Ambassador to Germany Richard Grenell", "President of the United
	// States Donald Trump": the complement sits between title and name.
	var ofCountry, ofOrg string
	var portfolio []string // "of women and family affairs"
	if e, ok := ix.entityEndingAt(lo + end - 1); ok && (e.Label == pipeline.Place || e.Label == pipeline.Org) && !p.titleEndsAt(words, end) {
		k := ix.token(e.Start) - lo
		if k > 0 && strings.ToLower(words[k-1]) == "the" {
			k--
		}
		if k > 1 {
			switch strings.ToLower(words[k-1]) {
			case "of":
				ofCountry = p.countryOf(e)
				if e.Label == pipeline.Org {
					ofOrg = e.Canonical
				}
				end = k - 1
			case "to", "for", "in":
				end = k - 1 // the post's place or body of accreditation
			}
		}
	} else if j, ok := p.portfolioBefore(words, end); ok {
		portfolio = words[j:end]
		end = j
	} else if k := end - 1; k > 1 && !isCapitalized(words[k]) && !p.titleEndsAt(words, end) {
		// "speaker of the parliament": a lowercase body after "of".
		for j := k; j > 0 && j > k-3; j-- {
			if strings.ToLower(words[j]) == "of" {
				end = j
				break
			}
		}
	}
	for k := max(0, end-6); k < end; k++ {
		n, canon := p.titles.Match(words[:end], k)
		if n == 0 || k+n != end {
			continue
		}
		f := roleFact{role: withPortfolio(roleText(canon, words[k:end]), portfolio), country: ofCountry, org: ofOrg}
		start := lo + k
		// Qualifiers left of the title: an organisation or a party, words
		// such as "government", then a country.
		j := start - 1
		if e, ok := ix.entityEndingAt(j); ok && e.Label == pipeline.Org {
			f.org = e.Canonical
			j = ix.token(e.Start) - 1
			start = j + 1
		} else if j >= lo && partyAdjectives[d.Tokens[j].Text] != "" {
			f.org = partyAdjectives[d.Tokens[j].Text]
			j--
			start = j + 1
		}
		for n := 0; n < 2 && j >= lo && groupModifiers[strings.ToLower(d.Tokens[j].Text)]; n++ {
			j--
		}
		if j >= lo && isPossessive(d.Tokens[j].Text) {
			j--
		}
		if e, ok := ix.entityEndingAt(j); ok && j >= lo {
			if c := p.countryOf(e); c != "" {
				if f.country == "" {
					f.country = c
				}
				start = ix.token(e.Start)
			} else if e.Label == pipeline.Person && isPossessive(d.Tokens[j+1].Text) {
				// "Angela Merkel's spokesperson": the office hangs on
				// another person's, and takes its country from it.
				f.owner = e.Canonical
				start = ix.token(e.Start)
			} else if e.Label == pipeline.Org && f.org == "" && isPossessive(d.Tokens[j+1].Text) {
				f.org = e.Canonical
				start = ix.token(e.Start)
			}
		}
		if start > lo && formerWords[strings.ToLower(d.Tokens[start-1].Text)] && !strings.HasPrefix(f.role, "Former ") {
			f.role = "Former " + f.role
			start--
		}
		last := lo + end - 1
		last += len(portfolio)
		f.evidence = d.SpanOf(d.Tokens[start].Start, d.Tokens[last].End)
		return f, true
	}
	return roleFact{}, false
}

// portfolioBefore finds a portfolio complement ending before words[end]:
// "of women and family affairs", "for East African Affairs". It returns
// the index of "of" or "for". A portfolio is part of the title; a body after
// "of" ("speaker of the parliament") is not, and takes a determiner.
func (p *Participants) portfolioBefore(words []string, end int) (int, bool) {
	if end < 3 || !strings.EqualFold(words[end-1], "affairs") {
		return 0, false
	}
	for j := end - 2; j > 0 && j >= end-6; j-- {
		switch strings.ToLower(words[j]) {
		case "of", "for":
			return j, p.titleEndsAt(words, j)
		case "the", "a", "an", ",", "'s", "’s":
			return 0, false
		}
	}
	return 0, false
}

// withPortfolio appends a portfolio complement ("of", "for", then its
// words) to a title, in title case.
func withPortfolio(role string, portfolio []string) string {
	if len(portfolio) < 2 {
		return role
	}
	return role + " " + strings.ToLower(portfolio[0]) + " " + titleCaseWords(strings.ToLower(strings.Join(portfolio[1:], " ")))
}

// titleEndsAt reports whether a title phrase ends right before words[end].
func (p *Participants) titleEndsAt(words []string, end int) bool {
	for k := max(0, end-6); k < end; k++ {
		if n, _ := p.titles.Match(words[:end], k); n > 0 && k+n == end {
			return true
		}
	}
	return false
}

// roleAfter reads a role phrase starting at token k: "[the] [Egypt's |
// Russian] Title [of | to Country's] [Org]", stopping at the sentence end.
func (p *Participants) roleAfter(d *pipeline.Doc, ix *tokenIndex, k, hi int) (roleFact, bool) {
	var f roleFact
	start := k
	if k < hi {
		if w := strings.ToLower(d.Tokens[k].Text); w == "the" || w == "a" || w == "an" {
			k++
		}
	}
	// Descriptive adjectives before the title: "the long-serving Sultan".
	for n := 0; n < 2 && k+1 < hi && d.Tokens[k].Tag == "JJ" && !isCapitalized(d.Tokens[k].Text) && !formerWords[d.Tokens[k].Text] && describes(d.Tokens[k].Text); n++ {
		if t, _ := p.titles.Match(tokenTexts(d.Tokens[k:hi]), 0); t > 0 {
			break // the adjective is part of a title ("foreign minister")
		}
		k++
	}
	// Qualifier before the title.
	for k < hi {
		e, ok := ix.entityAt(k)
		if !ok {
			if party := partyAdjectives[d.Tokens[k].Text]; party != "" && f.org == "" {
				f.org = party // "the new Conservative leader"
				k++
				continue
			}
			break
		}
		if c := p.countryOf(e); c != "" {
			f.country = c
		} else if e.Label == pipeline.Org {
			f.org = e.Canonical
		} else if e.Label == pipeline.Person && ix.tokenEnding(e.End)+1 < hi && isPossessive(d.Tokens[ix.tokenEnding(e.End)+1].Text) {
			f.owner = e.Canonical // "Trump's Special Presidential Envoy"
		} else {
			break
		}
		k = ix.tokenEnding(e.End) + 1
		if k < hi && isPossessive(d.Tokens[k].Text) {
			k++
		}
	}
	words := tokenTexts(d.Tokens[k:hi])
	n, canon := p.titles.Match(words, 0)
	// Common nouns that make a compound with the title are part of it:
	// "an airport protocol officer", "a geostrategy expert".
	var compound []string
	for c := 0; n == 0 && c < 2 && c+1 < len(words) && isCompoundNoun(d.Tokens[k+c]); c++ {
		if n, canon = p.titles.Match(words, c+1); n > 0 {
			compound = words[:c+1]
			n += c + 1
		}
	}
	if n == 0 {
		return roleFact{}, false
	}
	f.role = roleText(canon, words[len(compound):n])
	if len(compound) > 0 {
		f.role = titleCaseWords(strings.Join(compound, " ")) + " " + f.role
	}
	k += n
	end := k
	// Complement: "of Egypt", "of Russia's MENA Department", "to Cairo",
	// ", MENA Department".
	if k < hi {
		switch w := strings.ToLower(d.Tokens[k].Text); w {
		case "of", "for", "at", "in", "to", ",":
			j := k + 1
			if j < hi && strings.ToLower(d.Tokens[j].Text) == "the" {
				j++
			}
			for j < hi {
				e, ok := ix.entityAt(j)
				if !ok {
					break
				}
				if c := p.countryOf(e); c != "" && w != "to" && f.country == "" {
					f.country = c
				} else if e.Label == pipeline.Org && f.org == "" {
					f.org = e.Canonical
				} else if e.Label != pipeline.Place {
					break
				}
				j = ix.tokenEnding(e.End) + 1
				end = j
				if j < hi && isPossessive(d.Tokens[j].Text) {
					j++
				}
			}
		}
	}
	f.evidence = d.SpanOf(d.Tokens[start].Start, d.Tokens[end-1].End)
	return f, true
}

// groupNouns are bodies of people that a country sends or has.
var groupNouns = toSet(`delegation delegations team officials ministers diplomats envoys representatives leaders negotiators`)

// groupModifiers may stand between a group's owner and its noun.
var groupModifiers = toSet(`government senior top high-level official military foreign state`)

// groupIntro reports whether the members of a group are listed from token
// i on.
func groupIntro(d *pipeline.Doc, i int) bool {
	for k := i; k < len(d.Tokens) && k < i+3; k++ {
		switch strings.ToLower(d.Tokens[k].Text) {
		case "included", "including", "includes", "include", "comprised", "comprising", "such", "led", "headed", ":":
			return true
		}
	}
	return false
}

// groupCountries finds people named in a group that a country owns:
// "Moscow's delegation included A, B and C", "the Egyptian delegation,
// led by A". It maps each such person mention's start to the country.
func (p *Participants) groupCountries(d *pipeline.Doc, ix *tokenIndex) map[int]roleFact {
	out := map[int]roleFact{}
	for i, t := range d.Tokens {
		if !groupNouns[strings.ToLower(t.Text)] {
			continue
		}
		// The owner may stand a word or two before: "Iranian government
		// officials including ...".
		j := i - 1
		for n := 0; n < 2 && j >= 0 && groupModifiers[strings.ToLower(d.Tokens[j].Text)]; n++ {
			j--
		}
		if j >= 0 && isPossessive(d.Tokens[j].Text) {
			j--
		}
		e, ok := ix.entityEndingAt(j)
		if !ok {
			continue
		}
		// Only groups that name their members: "included", "including",
		// "such as", "led by".
		if !groupIntro(d, i+1) {
			continue
		}
		country := p.countryOf(e)
		if country == "" {
			continue
		}
		_, hi := ix.sentenceBounds(i)
		for k := i + 1; k < hi; k++ {
			if pe, ok := ix.entityAt(k); ok && pe.Label == pipeline.Person {
				out[pe.Start] = roleFact{country: country, evidence: d.SpanOf(e.Start, pe.End)}
			}
		}
	}
	return out
}

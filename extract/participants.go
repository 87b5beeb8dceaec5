package extract

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/gazetteer"
	"github.com/readout/readout/internal/lowercase"
	"github.com/readout/readout/pipeline"
)

// Participants turns person mentions into people: one entry per person with
// every form of their name, and the role, country and organisation the text
// gives them. Roles come from the constructions of participants.yaml around
// a mention (a title before the name, an apposition after it, a roster line
// "Name – Role of Country", a predicate "Name is the ..."); a country can
// also come from a group the person belongs to ("Moscow's delegation
// included ...").
type Participants struct {
	gaz    *gazetteer.Gazetteer
	titles *gazetteer.Titles
	rules  *constructions
	// readers holds role readers between documents: their per-token
	// arrays are scratch space, reused rather than collected.
	readers sync.Pool
}

type participantsConfig struct {
	GazetteerFile string `mapstructure:"gazetteer_file"`
	// RulesFile replaces the built-in constructions (participants.yaml).
	RulesFile string `mapstructure:"rules_file"`
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
	rules, err := loadConstructions(cfg.RulesFile, gaz.Titles())
	if err != nil {
		return nil, fmt.Errorf("rules_file: %w", err)
	}
	p := &Participants{gaz: gaz, titles: gaz.Titles(), rules: rules}
	p.readers.New = func() any { return &roleReader{texts: map[[3]int]string{}} }
	return p, nil
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
	// professions the text gives ("reporter"): no post, but they say
	// which descriptions the person is not
	professions []string
	// countries of the person's counterparts ("his Chinese counterpart"):
	// not the person's own
	abroad []string
}

// normalRole applies the spelling conventions of roles in output.
func normalRole(r string) string {
	r = roleWords.Replace(r)
	// "co-director" reads as the modifier "co" and its title: join them
	// again, as "Co-Chairman" is written.
	if strings.HasPrefix(r, "Co ") {
		r = "Co-" + r[len("Co "):]
	}
	return strings.ReplaceAll(r, " Co ", " Co-")
}

var roleWords = strings.NewReplacer("Spokesman", "Spokesperson", "Spokeswoman", "Spokesperson",
	"Vice-President", "Vice President", "Secretary General", "Secretary-General")

// roleFact is what one stretch of text says about a person.
type roleFact struct {
	owner              string // the person whose office this one hangs on
	office             string // the office, by its title, this one hangs on ("the president's spokeswoman")
	role, country, org string
	party              string // the party an adjective names with the post, when org is another body
	evidence           pipeline.Span
	roster             bool
	former             bool // the text says the post is no longer held
}

// readingOrder orders role facts as they are read: roster lines first,
// then by where their evidence starts.
func readingOrder(a, b roleFact) int {
	if a.roster != b.roster {
		if a.roster {
			return -1
		}
		return 1
	}
	return a.evidence.Start - b.evidence.Start
}

// maxPooledTokens is the largest document whose role reader is kept for
// the next: some 30 news stories.
const maxPooledTokens = 1 << 15

// Process fills d.Participants in order of first mention.
func (p *Participants) Process(ctx context.Context, d *pipeline.Doc) error {
	d.Participants = d.Participants[:0]
	people := clusterPeople(d.Text, d.Entities)
	if len(people) == 0 {
		return nil
	}
	rr := p.readers.Get().(*roleReader)
	defer func() {
		// A huge document's reader is let go: its per-token arrays would
		// stay alive beside the stages after this one.
		if len(d.Tokens) <= maxPooledTokens {
			p.readers.Put(rr)
		}
	}()
	rr.reset(p, d)
	ix := rr.ix
	persons := rr.persons
	named := make([]bool, len(d.Sentences)) // sentences that name someone
	for i, end := range persons {
		if end > 0 {
			named[d.Tokens[i].Sentence] = true
		}
	}
	countries, countriesBySentence := p.namedCountries(d, ix)
	var placeCounts map[string]int // place mentions by their text, counted once a country needs them
	var descs []officeDescription  // office descriptions, read once a country is guessed
	descsRead := false
	defined := p.definedBodies(d, ix)
	byMention := map[int]*person{}
	for _, per := range people {
		for _, m := range per.mentions {
			byMention[ix.token(m.Start)] = per
			if first, last := ix.token(m.Start), ix.tokenEnding(m.End); first >= 0 && last >= 0 && leftOffice(d, ix, first, last) {
				per.left = true
			}
		}
	}
	m := &matcher{c: p.rules, r: rr}
	facts, err := m.run(ctx)
	if err != nil {
		return err
	}
	// After run, which prepared every sentence that names someone.
	groups := p.groupCountries(rr, named)
	for _, per := range people {
		for _, m := range per.mentions {
			if g, ok := groups[m.Start]; ok && per.group.country == "" {
				per.group = g
			}
		}
	}
	// "Energy analyst X, of Lakeview Bank": a body the person is of ties
	// their profession to it, which makes it a post.
	affiliation := map[int]fact{}
	for _, f := range facts {
		if f.role == "" && f.org != "" && !f.left && f.pending == nil {
			affiliation[f.mention] = f
		}
	}
	var pending []fact
	for _, f := range facts {
		if a, ok := affiliation[f.mention]; ok && f.profession {
			f.profession, f.role, f.org = false, f.phrase, a.org
		}
		if f.pending != nil {
			pending = append(pending, f)
			continue
		}
		per := byMention[f.mention]
		if per == nil {
			continue
		}
		if f.left {
			per.left = true
			continue
		}
		if f.profession {
			per.professions = append(per.professions, f.role)
			continue
		}
		per.roles = append(per.roles, f.roleFact)
	}
	resolvePending(rr, ix, byMention, pending)
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
	orgNames := orgForms(d.Text, d.Entities)
	weak := weakMentions(d.Text, d.Entities, p.titles)
	kept := people[:0]
	for _, per := range people {
		// A one-word name that only the statistical model saw, with no
		// role, is as often a place or a group as a person: leave it out.
		if len(per.roles) == 0 && allWeak(per.mentions, weak) {
			continue
		}
		if first, _, _ := strings.Cut(per.name, " "); deities[first] {
			continue // the guidelines' people are no deities
		}
		if len(per.roles) == 0 && slices.ContainsFunc(per.mentions, func(m pipeline.Span) bool { return determined(d, ix, m) }) {
			continue // "The Beaufort Hunt had one pack out": a thing's name
		}
		if len(per.roles) == 0 && slices.ContainsFunc(per.mentions, func(m pipeline.Span) bool { return unreal(d.Text[:m.Start]) }) {
			continue // "the cartoon character Homer Dunbar", the so-called "Harwick Belles"
		}
		if len(per.roles) == 0 && !slices.ContainsFunc(per.mentions, func(m pipeline.Span) bool { return !bestowedName(d.Text[:m.Start]) }) {
			continue // dubbing Mr Hale "Lord Spendalot": a name given, no one's
		}
		kept = append(kept, per)
	}
	people = kept
	onePost := make([]bool, 0, len(people))    // by participant: the text gives one post only
	ownerOf := make([]string, 0, len(people))  // by participant: whose post theirs serves ("her chief of staff")
	officeOf := make([]string, 0, len(people)) // by participant: the office theirs hangs on ("the president's spokeswoman")
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
		// A post held when the article was written comes before one
		// that was ("Ana Ruiz, a former finance minister, is now
		// president").
		facts := per.roles
		held := func(f roleFact) bool {
			// Another rule may read the same phrase as a past post ("her
			// predecessor as Attorney General, Lord Hollis"); and a text
			// that calls someone a former prime minister once means it
			// each time it leaves "former" out ("Singapore's first prime
			// minister", a headline's "PM Lee").
			return !f.former && !slices.ContainsFunc(per.roles, func(g roleFact) bool {
				return g.former && g.role == f.role
			})
		}
		i := slices.IndexFunc(per.roles, func(f roleFact) bool { return f.weakness() == 0 && f.role != "" && held(f) })
		if i < 0 {
			i = slices.IndexFunc(per.roles, func(f roleFact) bool { return f.weakness() == 0 })
		}
		if i < 0 {
			i = slices.IndexFunc(per.roles, func(f roleFact) bool { return f.weakness() == 1 })
		}
		if i > 0 {
			facts = slices.Concat(per.roles[i:i+1], per.roles[:i], per.roles[i+1:])
		}
		former := false
		roleOrg, roleParty, servedOffice := "", "", "" // the body of the post taken, its holder's party, the office it hangs on
		for _, f := range facts {
			if f.role == "Member" && (partyName(f.org) || strings.HasSuffix(strings.ToLower(f.evidence.Text), " party")) && !otherBody(f.evidence.Text, f.org) {
				f.role = "" // "a member of the Labour Party", "of the Green party": membership, not a post
			}
			// "a member of the Lakeview Bank board": a seat on a board or
			// a council is that post (guidelines 3.4). A member's rank
			// says how much they count in a group, not a seat they hold:
			// "a senior member of the hunt".
			if f.role == "Member" {
				f.role = cmp.Or(seatOn(f.evidence.Text), f.role)
			} else if rankedMember(f.role) {
				f.role = seatOn(f.evidence.Text)
			}
			// (The same post named more fully later is that post: "UN
			// envoy" in a heading, "special envoy" in the story; and one
			// the text calls the post's holder-elect does not hold it yet:
			// "the newly elected president ... President-elect X".)
			if part.Role == "" && f.role != "" || part.Role != "" && (fullerTitle(f.role, part.Role) || notYetHeld(f.role, part.Role) && !former) && held(f) == !former {
				part.Role, roleOrg, roleParty, servedOffice = f.role, f.org, f.party, f.office
				former = !held(f) // said to be past here, or by another reading of the same phrase
				ev := f.evidence
				part.Evidence = &ev
			}
			// A post in an international body has no country, whatever
			// another post's ("Former Chilean president X, now a UN envoy");
			// nor has one in a gathering or a body a common noun names
			// ("the conference's president, Chile's trade minister X").
			if part.CountryCode == "" && f.country != "" && (f.role == part.Role || !p.gaz.InternationalBody(roleOrg) && !nounOwned(part.Evidence)) {
				part.CountryCode = f.country
			}
			// Another post's body counts too: a minister's party is their
			// organisation ("X, the Labour leader").
			if part.Organization == "" && f.org != "" {
				part.Organization = oneLine(cmp.Or(orgNames[f.org], f.org))
			}
		}
		// A seat's holder whose party the text states is the party's, not
		// the chamber's: "Democratic members of the Assembly" (guidelines 3.6).
		if seat := strings.TrimPrefix(part.Role, "Former "); roleParty != "" && (seat == "Member" || p.rules.memberTitle(seat)) {
			part.Organization = oneLine(cmp.Or(orgNames[roleParty], roleParty))
		}
		// (Leaving an office leaves a military rank: "General X, who was
		// ousted as premier"; and whoever leaves, a founder founded the
		// firm still.)
		if per.left && !former && militaryRank(part.Role) {
			per.left = false
		}
		// (A post the text says is held now is held, whatever the person
		// left: "X, who left office in 2018, is now the UN's envoy".)
		if per.left && part.Evidence != nil && heldNow(d, ix, *part.Evidence) {
			per.left = false
		}
		if (per.left || former) && !founder(part.Role) {
			part.Role = formerRole(part.Role)
		}
		if part.Role != "" && part.CountryCode == "" {
			part.CountryCode = per.group.country
		}
		owner := ""
		for _, f := range per.roles {
			if part.CountryCode == "" && f.owner != "" && part.Role != "" {
				part.CountryCode, owner = owners[f.owner], f.owner
			}
		}
		// A body named by the abbreviation the text defines for it is the
		// body named in full: "NAC" after "Chile's National Audit
		// Commission (NAC)".
		body, bodyCountry := part.Organization, ""
		if b, ok := defined[body]; ok {
			body, bodyCountry = b.name, b.country
		}
		if part.CountryCode == "" && part.Role != "" {
			// "spokesperson for the Indonesian National Police": the
			// post sits in a state body that the country names.
			part.CountryCode = p.nationalBody(body)
			if part.CountryCode == "" && stateBody(body) {
				part.CountryCode = bodyCountry
			}
		}
		// A post in a party, a company or a charity has no country, even
		// where one is named with it ("UKIP Scotland chairman", "director
		// of Amnesty International in Kenya").
		if part.Organization != "" && !countryPost(part.Role, body) && p.stateBodyCountry(body) == "" {
			part.CountryCode = ""
		}
		if part.CountryCode != "" {
			part.CountrySource = pipeline.CountryFromText
		} else if part.Role != "" {
			// What the text leaves unplaced: the reference data's record of
			// the person, else, for any post but those as often held
			// elsewhere, the country named most beside the person or, failing
			// that, in the document (twice at least).
			if c := p.officialCountry(part.Name); c != "" {
				part.CountryCode, part.CountrySource = c, pipeline.CountryFromReference
			} else if c := p.partyCountry(cmp.Or(roleParty, part.Organization)); c != "" && isStateOffice(part.Role) {
				// A state office held by a member of a known party is in
				// the party's country ("Republican Senator X").
				part.CountryCode, part.CountrySource = c, pipeline.CountryFromReference
			} else if c := p.stateBodyOf(body); c != "" {
				// A post in a state body the gazetteer knows is its state's
				// ("White House spokesman X", "Bundesbank president X").
				part.CountryCode, part.CountrySource = c, pipeline.CountryFromReference
			} else if part.Organization == "" && !p.unplacedByContext(part.Role) {
				// (Only a country that has such an office: no prime
				// minister of the United States, no senator of Iran.)
				fits := func(c string) bool {
					return p.gaz.OfficeFits(c, strings.TrimPrefix(part.Role, "Former ")) && !slices.Contains(per.abroad, c)
				}
				if !descsRead {
					descs, descsRead = p.officeDescriptions(d, ix), true
				}
				if c := cmp.Or(describedCountry(d, descs, part.Role, per, people, fits), namedNear(d, ix, countriesBySentence, part.Mentions, fits), mostNamed(countries, 2, fits)); c != "" {
					part.CountryCode, part.CountrySource = c, pipeline.CountryFromContext
				}
			}
		}
		if part.Role == "" {
			part.CountryCode, part.CountrySource = "", "" // a country is the country of an office
		}
		part.Country = p.countryName(part.CountryCode)
		if names := p.rules.otherNames[part.CountryCode]; len(names) > 0 {
			if placeCounts == nil {
				placeCounts = placeMentions(d)
			}
			part.Country = mostWritten(names, placeCounts)
		}
		part.Wikidata = p.wikidataID(part)
		d.Participants = append(d.Participants, part)
		onePost = append(onePost, !slices.ContainsFunc(per.roles, func(f roleFact) bool { return f.role != "" && f.role != per.roles[0].role }))
		ownerOf = append(ownerOf, owner)
		officeOf = append(officeOf, servedOffice)
	}
	ownersCountries(d.Participants, ownerOf)
	succeeded(d.Participants, dated(d, ix), diedIn(d, ix))
	predecessors(d, ix, d.Participants, onePost)
	p.tieCountries(d.Participants, officeOf)
	contrastCountries(d, ix, d.Participants)
	p.protagonistsOffice(d, ix)
	// "party leader" is written "Leader", the party being the body
	// (guidelines 3.4); read as one title until here, it keeps the
	// weight of a post against descriptions that follow.
	for i := range d.Participants {
		d.Participants[i].Role = strings.Replace(d.Participants[i].Role, "Party Leader", "Leader", 1)
	}
	return nil
}

// protagonistsOffice gives the office of a bare description ("the prime
// minister", "the chancellor": one holder, no name, country or noun with
// it) to the one person it can refer to: the only person named in the
// headline or the first sentence with no post of their own. Where such a
// person is named in a sentence of the description but as its possessor
// ("Mr Hale's spokesman said: 'The prime minister ...'"), the text may
// set the two apart ("Ruiz accused the prime minister"), and the office
// goes to no one; so it does where two people may hold it, or two
// without a post share the one's surname.
func (p *Participants) protagonistsOffice(d *pipeline.Doc, ix *tokenIndex) {
	// (A story without a headline has no protagonist to go by: "Questions
	// were put to Ana Ruiz. The prime minister ridiculed the claim.")
	if len(d.Paragraphs) < 2 || d.Paragraphs[0].Kind != pipeline.Heading || len(d.Sentences) < 2 {
		return
	}
	lede := 0 // the first sentence after the headline
	for lede < len(d.Sentences) && d.Sentences[lede].Paragraph == 0 {
		lede++
	}
	// Each office described, in order of first description: where it is
	// first, and in which sentences.
	type office struct {
		role  string
		first pipeline.Span
		sents map[int]bool
	}
	var offices []*office
	words := make([]string, 0, 4)
	for k := 0; k+2 < len(d.Tokens); k++ {
		if !strings.EqualFold(d.Tokens[k].Text, "the") || !startsLower(d.Tokens[k+1].Text) {
			continue
		}
		words = words[:0]
		for j := k + 1; j < len(d.Tokens) && j < k+5 && d.Tokens[j].Sentence == d.Tokens[k].Sentence; j++ {
			words = append(words, strings.ToLower(d.Tokens[j].Text))
		}
		n, role := p.titles.Match(words, 0)
		end := k + 1 + n
		if n == 0 || !singleOffices[strings.ReplaceAll(role, " ", "-")] {
			continue
		}
		if end < len(d.Tokens) && d.Tokens[end].Sentence == d.Tokens[k].Sentence {
			if next := d.Tokens[end]; isCapitalized(next.Text) || next.Text == "of" || strings.HasPrefix(next.Tag, "NN") {
				continue // ("the prime minister of Chile", "the prime minister Ana Ruiz", "the premier league")
			}
		}
		i := slices.IndexFunc(offices, func(o *office) bool { return o.role == role })
		if i < 0 {
			t, last := d.Tokens[k+1], d.Tokens[end-1]
			offices = append(offices, &office{role, pipeline.Span{Start: t.Start, End: last.End, Text: d.Text[t.Start:last.End]}, map[int]bool{}})
			i = len(offices) - 1
		}
		offices[i].sents[d.Tokens[k].Sentence] = true
	}
	surnames := map[string]int{} // ("Ana Ruiz" and "Leo Ruiz", neither with a post: whose is "Ms Ruiz"?)
	for _, q := range d.Participants {
		if q.Role == "" {
			surnames[lastWord(q.Name)]++
		}
	}
	taken := map[int]bool{}
	for _, o := range offices {
		if slices.ContainsFunc(d.Participants, func(q pipeline.Participant) bool { return strings.TrimPrefix(q.Role, "Former ") == o.role }) {
			continue // the text names the holder
		}
		who := -1
		for i, q := range d.Participants {
			if q.Role != "" || taken[i] {
				continue
			}
			named, beside := false, false
			for _, m := range q.Mentions {
				t := ix.token(m.Start)
				if t < 0 {
					continue
				}
				s := d.Tokens[t].Sentence
				named = named || s <= lede
				after := ix.tokenEnding(m.End) + 1
				possessor := after > 0 && after < len(d.Tokens) && isPossessive(d.Tokens[after].Text)
				beside = beside || o.sents[s] && !possessor
			}
			if !named {
				continue
			}
			if beside || who != -1 || surnames[lastWord(q.Name)] > 1 {
				who = -2
				break
			}
			who = i
		}
		if who >= 0 {
			taken[who] = true
			ev := o.first
			d.Participants[who].Role, d.Participants[who].Evidence = o.role, &ev
		}
	}
}

// determined reports whether a mention has "the" before it and nothing
// after it that it could describe: a verb, punctuation or a preposition
// other than "of" ("the Aurora limped back", "at the Bernabeu.", "the
// Ledbury Hunt in"). A person's name takes "the" only before a noun ("the
// Bush administration") or "of" ("the Kennedy of legend").
func determined(d *pipeline.Doc, ix *tokenIndex, m pipeline.Span) bool {
	first, last := ix.token(m.Start), ix.tokenEnding(m.End)
	if first < 1 || last < 0 || !strings.EqualFold(d.Tokens[first-1].Text, "the") || d.Tokens[first-1].Sentence != d.Tokens[first].Sentence {
		return false
	}
	if last+1 == len(d.Tokens) || d.Tokens[last+1].Sentence != d.Tokens[last].Sentence {
		return true
	}
	next := d.Tokens[last+1]
	return finiteVerb(next.Tag) || len(next.Text) == 1 && strings.Contains(".,;:!?", next.Text) || next.Tag == "IN" && !strings.EqualFold(next.Text, "of")
}

// unreal reports whether the text before a name says it names no real
// person: a character of fiction ("the cartoon character Homer Dunbar") or a
// label ("the so-called \"Harwick Belles\"").
func unreal(before string) bool {
	before = strings.TrimRight(before, ` "'“‘`)
	i := strings.LastIndexAny(before, " \n\t")
	switch strings.ToLower(before[i+1:]) {
	case "character", "characters", "so-called":
		return true
	}
	return false
}

// bestowedName reports whether a mention after the text before opens a
// quoted name that a verb of naming gives someone: dubbing Mr Hale "Sir
// Spendalot", branded her 'Lady Iron'.
func bestowedName(before string) bool {
	before = strings.TrimRight(before, " ")
	if i := strings.LastIndexAny(before, " \n\t\"'“‘"); i >= 0 && lowercase.Get(honorifics, before[i+1:]) {
		before = strings.TrimRight(before[:i+1], " ")
	}
	var words []string
	for _, q := range []string{"\"", "'", "“", "‘"} {
		if rest, ok := strings.CutSuffix(before, q); ok {
			words = lastFields(rest, 5) // (before is the whole text so far)
			break
		}
	}
	for k := len(words) - 1; k >= 0 && k >= len(words)-5; k-- {
		w := strings.ToLower(words[k])
		if strings.ContainsAny(w, ".;:!?") {
			return false
		}
		if namingVerbs[w] {
			return true
		}
	}
	return false
}

// lastFields returns the last n of strings.Fields(s), without reading the
// rest of s.
func lastFields(s string, n int) []string {
	var out []string
	end := len(s)
	for len(out) < n {
		for end > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:end])
			if !unicode.IsSpace(r) {
				break
			}
			end -= size
		}
		if end == 0 {
			break
		}
		start := end
		for start > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:start])
			if unicode.IsSpace(r) {
				break
			}
			start -= size
		}
		out = append(out, s[start:end])
		end = start
	}
	slices.Reverse(out)
	return out
}

// namingVerbs give a name or a label: "dubbed", "branded".
var namingVerbs = toSet(`dub dubs dubbed dubbing nickname nicknames nicknamed nicknaming brand brands branded branding
label labels labelled labelling labeled labeling`)

// countryPost reports whether a post in a named body can have a country:
// an office of the state, a seat in its chamber ("Member of Parliament",
// not of the European one), a post in a body of the state, or the
// opposition of a country ("Russian opposition leader").
func countryPost(role, org string) bool {
	_, _, _, state := stateBodyHead(org) // (a central bank's name too)
	return isStateOffice(role) || stateBody(org) || state || strings.Contains(role, "Opposition") ||
		stateBody(role) && !strings.Contains(role, "European")
}

// deities are named like people, and are none; a name that opens with
// one is a praise ("Allahu Akbar").
var deities = toSet(`God Allah Allahu Jehovah Yahweh Almighty`)

// singleOffices are held by one person at a time in a country or a body.
var singleOffices = toSet(`President Vice-President Prime-Minister Premier Chancellor King Queen Sultan Emir Emperor Pope
Secretary-of-State Foreign-Minister Foreign-Secretary Home-Secretary Defence-Minister Defense-Secretary Finance-Minister
Chancellor-of-the-Exchequer Secretary-General First-Minister Supreme-Leader Chief-Executive Director-General`)

// succeeded marks as former the holders of an office that someone else in
// the document holds now: two presidents of one country are the one the
// text is about and a predecessor ("President Lowe ... the trial of
// President Ann Kerr in 1998"). The current holder is the one the text
// mentions most, the first on ties; the office must be the same title of
// the same stated country or body. Where the country is only the one the
// document is about, a holder is a predecessor only when every mention of
// them stands in a sentence that gives a year and the current holder's do
// not all: news dates the present by days, history by years.
func succeeded(ps []pipeline.Participant, dated func(pipeline.Span) bool, died func(pipeline.Span) bool) {
	type office struct{ role, where string }
	stated := map[office][]int{} // holders whose country or body the text states
	all := map[office][]int{}
	for i, p := range ps {
		if p.Role == "" || strings.HasPrefix(p.Role, "Former ") || !singleOffices[strings.ReplaceAll(p.Role, " ", "-")] {
			continue
		}
		where := p.Organization
		if where == "" {
			where = p.CountryCode
		}
		if where == "" {
			continue
		}
		o := office{p.Role, where}
		all[o] = append(all[o], i)
		if p.Organization != "" || p.CountrySource != pipeline.CountryFromContext {
			stated[o] = append(stated[o], i)
		}
	}
	// The one the text calls the new holder holds it now: "new Prime
	// Minister X" makes the text's other prime minister a predecessor.
	newlyIn := func(hs []int) int {
		in := -1
		for _, i := range hs {
			if ev := ps[i].Evidence; ev != nil && newHolder(ev.Text) {
				if in >= 0 {
					return -1
				}
				in = i
			}
		}
		return in
	}
	mostMentioned := func(hs []int) int {
		if i := newlyIn(hs); i >= 0 {
			return i
		}
		current := hs[0]
		for _, i := range hs[1:] {
			if len(ps[i].Mentions) > len(ps[current].Mentions) {
				current = i
			}
		}
		return current
	}
	past := func(p pipeline.Participant) bool {
		return !slices.ContainsFunc(p.Mentions, func(m pipeline.Span) bool { return !dated(m) })
	}
	var former []int
	for _, hs := range stated {
		current := mostMentioned(hs)
		for _, i := range hs {
			if i != current {
				former = append(former, i)
			}
		}
	}
	guessed := func(p pipeline.Participant) bool {
		return p.Organization == "" && p.CountrySource == pipeline.CountryFromContext
	}
	for _, hs := range all {
		if current := mostMentioned(hs); !past(ps[current]) {
			newly := newlyIn(hs) == current
			for _, i := range hs {
				// A guess at the current holder's country does not make
				// one the text places a predecessor.
				if i != current && (past(ps[i]) || newly) && (guessed(ps[i]) || !guessed(ps[current])) {
					former = append(former, i)
				}
			}
		}
	}
	for _, i := range former {
		// One who died in office keeps the title (guidelines 3.4): "King
		// X died ... his son was proclaimed King Y".
		if slices.ContainsFunc(ps[i].Mentions, died) {
			continue
		}
		ps[i].Role = formerRole(ps[i].Role)
	}
}

// deathVerbs say their subject died.
var deathVerbs = toSet(`died dies dead`)

// diedIn reports whether a mention is the subject of a verb of dying: "X
// died on Friday", "X, 79, has died", "X of Lesotho dies".
func diedIn(d *pipeline.Doc, ix *tokenIndex) func(pipeline.Span) bool {
	return func(m pipeline.Span) bool {
		k := ix.tokenEnding(m.End)
		if k < 0 {
			return false
		}
		_, hi := ix.sentenceBounds(k)
		for j := k + 1; j < hi && j <= k+6; j++ {
			w := lowerAt(d, j, hi)
			if deathVerbs[w] {
				return true
			}
			if finiteVerb(d.Tokens[j].Tag) && w != "has" && w != "had" && w != "is" && w != "was" {
				return false
			}
		}
		return false
	}
}

// newHolder reports whether a role's evidence calls its holder new: "new
// Prime Minister", "the newly appointed finance minister", "Chile's new
// president".
func newHolder(evidence string) bool {
	w := strings.Fields(strings.ToLower(evidence))
	if len(w) > 1 && (w[0] == "the" || strings.HasSuffix(w[0], "'s") || strings.HasSuffix(w[0], "’s")) {
		w = w[1:]
	}
	return len(w) > 1 && (w[0] == "new" || w[0] == "newly" || w[0] == "incoming")
}

// officeDescription is a demonym between "the" and the words after it
// ("the British prime minister"): the country, and the first token after
// the demonym.
type officeDescription struct {
	country string
	at      int
}

// officeDescriptions lists the document's demonyms after "the" that may
// open a description of an office: not of someone met ("met the Peruvian
// foreign minister") nor a country's possessive ("Peru's foreign
// minister"), but for a heading's first words, which drop "the"
// ("Chilean president to undergo surgery", "Chile's president to ...").
func (p *Participants) officeDescriptions(d *pipeline.Doc, ix *tokenIndex) []officeDescription {
	var out []officeDescription
	for i := range d.Entities {
		e := &d.Entities[i]
		k, first := ix.tokenEnding(e.End)+1, ix.token(e.Start)
		if k <= 0 || first < 0 || k >= len(d.Tokens) {
			continue
		}
		heading := headingStart(d, first)
		if e.Label == pipeline.Place && isPossessive(d.Tokens[k].Text) && heading {
			if c := p.countryOf(e); c != "" {
				out = append(out, officeDescription{c, k + 1})
			}
			continue
		}
		if e.Label != pipeline.NORP {
			continue
		}
		if !heading && (first < 1 || !strings.EqualFold(d.Tokens[first-1].Text, "the") || first > 1 && lowercase.Get(meetingWords, d.Tokens[first-2].Text)) {
			continue
		}
		if c := p.countryOf(e); c != "" {
			out = append(out, officeDescription{c, k})
		}
	}
	return out
}

// headingStart reports whether token i opens a heading.
func headingStart(d *pipeline.Doc, i int) bool {
	s := d.Sentences[d.Tokens[i].Sentence]
	par := d.Paragraphs[s.Paragraph]
	return par.Kind == pipeline.Heading && d.Tokens[i].Start == par.Start
}

// describedCountry is the country of an office that the text describes
// by it alone ("Prime Minister X ... the British prime minister said"):
// the one country of the descriptions whose words after the demonym are
// role in lower case, where no one else the text names holds role with
// that country and per is the only holder of role the text gives no
// country; else "".
func describedCountry(d *pipeline.Doc, descs []officeDescription, role string, per *person, people []*person, fits func(string) bool) string {
	words := strings.Fields(strings.ToLower(role))
	if len(words) == 0 || strings.HasPrefix(role, "Former ") {
		return ""
	}
	// "the Austrian leader" describes a head of state or government too.
	described := func(k int) int {
		if end := k + len(words); end <= len(d.Tokens) && slices.EqualFunc(d.Tokens[k:end], words, func(t pipeline.Token, w string) bool { return t.Text == w }) {
			return end
		}
		if leaderTitles[role] && k < len(d.Tokens) && d.Tokens[k].Text == "leader" {
			return k + 1
		}
		return -1
	}
	held := func(q *person, c string) bool {
		return slices.ContainsFunc(q.roles, func(f roleFact) bool {
			return !f.former && (f.role == role || leaderTitles[role] && leaderTitles[f.role]) && f.country == c
		})
	}
	for _, q := range people {
		if q != per && held(q, "") {
			return "" // (two holders: whose country is it?)
		}
	}
	found := ""
	for _, desc := range descs {
		c, k := desc.country, desc.at
		end := described(k)
		if end < 0 || d.Tokens[end-1].Sentence != d.Tokens[k-1].Sentence {
			continue
		}
		if n := end; n < len(d.Tokens) && d.Tokens[n].Text == "," && n+1 < len(d.Tokens) && d.Tokens[n+1].Sentence == d.Tokens[k].Sentence && isCapitalized(d.Tokens[n+1].Text) ||
			end < len(d.Tokens) && d.Tokens[end].Sentence == d.Tokens[k].Sentence && isCapitalized(d.Tokens[end].Text) {
			continue // the title of someone named: "the British prime minister Ana Ruiz", "the Palestinian leader, Ana Ruiz"
		}
		if slices.ContainsFunc(people, func(q *person) bool { return q != per && held(q, c) }) || !fits(c) {
			continue
		}
		if found != "" && found != c {
			return ""
		}
		found = c
	}
	return found
}

// leaderTitles are the offices of heads of state and government, whom
// news also calls a country's leader.
var leaderTitles = map[string]bool{"President": true, "Prime Minister": true, "Premier": true, "Chancellor": true, "King": true, "Queen": true, "Emir": true, "Sultan": true}

// meetingWords before a description make it someone met: "met the
// Peruvian foreign minister", "talks with the Chilean president".
var meetingWords = toSet(`meet meets met meeting with to visit visits visited visiting call calls called phoned`)

// officeTies are the adjectives that tie a post to an office held by one
// person, and that office: a presidential physician serves the president.
var officeTies = [][2]string{
	{"Vice Presidential ", "Vice President"}, {"Vice-Presidential ", "Vice President"},
	{"Presidential ", "President"}, {"Prime Ministerial ", "Prime Minister"},
}

// tieCountries gives a post tied to an office ("Presidential Spokesperson",
// "the president's spokeswoman": officeOf, by participant) the country that
// the text states for the holders of that office, when they are of one
// country.
func (p *Participants) tieCountries(ps []pipeline.Participant, officeOf []string) {
	for i := range ps {
		role := strings.TrimPrefix(ps[i].Role, "Former ")
		office := officeOf[i]
		if ps[i].Organization != "" {
			office = "" // (a post in a body is the body's)
		}
		if k := slices.IndexFunc(officeTies, func(t [2]string) bool { return strings.HasPrefix(role, t[0]) }); k >= 0 {
			office = officeTies[k][1]
		}
		if office == "" || ps[i].CountrySource == pipeline.CountryFromText {
			continue
		}
		country := ""
		for _, h := range ps {
			if h.Role != office || h.CountrySource != pipeline.CountryFromText {
				continue
			}
			if country != "" && country != h.CountryCode {
				country = ""
				break
			}
			country = h.CountryCode
		}
		if name := p.countryName(country); name != "" {
			ps[i].CountryCode, ps[i].Country, ps[i].CountrySource = country, name, pipeline.CountryFromText
		}
	}
}

// ownersCountries gives a post that serves another person's ("her chief
// of staff") the country the text gives that person where it gives it
// through the person's body ("a member of the United States House of
// Representatives"), which is known only once that person is placed.
func ownersCountries(ps []pipeline.Participant, ownerOf []string) {
	for i, owner := range ownerOf {
		if owner == "" || ps[i].CountrySource == pipeline.CountryFromText || ps[i].Organization != "" {
			continue // (a post in a body is the body's: no owner's country)
		}
		for _, h := range ps {
			if h.CountrySource == pipeline.CountryFromText && (h.Name == owner || slices.Contains(h.Aliases, owner) || slices.ContainsFunc(h.Mentions, func(m pipeline.Span) bool { return m.Text == owner })) {
				takeCountry(&ps[i], h)
				break
			}
		}
	}
}

// contrastCountries gives one who held an office, named in a sentence
// with its current holder, the country the text states for the other, and
// the other way round: "Acting US Attorney General A dropped a rule of
// former attorney general B" (guidelines 3.5, an elliptical contrast).
func contrastCountries(d *pipeline.Doc, ix *tokenIndex, ps []pipeline.Participant) {
	for i := range ps {
		if ps[i].Role == "" || ps[i].CountrySource == pipeline.CountryFromText {
			continue
		}
		office, former := heldOffice(ps[i].Role)
		for _, h := range ps {
			if o, f := heldOffice(h.Role); h.CountrySource == pipeline.CountryFromText && o == office && f != former && shareSentence(d, ix, ps[i].Mentions, h.Mentions) {
				takeCountry(&ps[i], h)
				break
			}
		}
	}
}

// takeCountry gives p the country the text states for h.
func takeCountry(p *pipeline.Participant, h pipeline.Participant) {
	p.CountryCode, p.Country, p.CountrySource = h.CountryCode, h.Country, pipeline.CountryFromText
}

// heldOffice returns the office a role names, without "Former", "Acting"
// or "Interim", and whether it was left.
func heldOffice(role string) (office string, former bool) {
	office, former = strings.CutPrefix(role, "Former ")
	for _, w := range []string{"Acting ", "Interim "} {
		office = strings.TrimPrefix(office, w)
	}
	return office, former
}

// shareSentence reports whether a mention in a and one in b stand in the
// same sentence.
func shareSentence(d *pipeline.Doc, ix *tokenIndex, a, b []pipeline.Span) bool {
	sentence := func(m pipeline.Span) int {
		if k := ix.token(m.Start); k >= 0 {
			return d.Tokens[k].Sentence
		}
		return -1
	}
	for _, m := range a {
		if s := sentence(m); s >= 0 && slices.ContainsFunc(b, func(n pipeline.Span) bool { return sentence(n) == s }) {
			return true
		}
	}
	return false
}

// dated reports whether a mention stands in a sentence that gives a year
// ("in 1998", "the 1990s").
func dated(d *pipeline.Doc, ix *tokenIndex) func(pipeline.Span) bool {
	return func(m pipeline.Span) bool {
		i := ix.token(m.Start)
		if i < 0 {
			return false // a mention inside a token: no sentence to read
		}
		first, end := ix.sentenceBounds(i)
		return slices.ContainsFunc(d.Tokens[first:end], func(t pipeline.Token) bool { return isYear(t.Text) || isDecade(t.Text) })
	}
}

// partyHeads end the names of parties and political movements.
var partyHeads = toSet(`Party Front Movement`)

// otherBody reports whether a role phrase names a body besides org: the
// Assembly of "Labour members of the Welsh Assembly".
func otherBody(phrase, org string) bool {
	own := strings.Fields(org)
	for _, w := range strings.Fields(phrase) {
		if isOrgHead(w) && !slices.Contains(own, w) {
			return true
		}
	}
	return false
}

// fullerTitle reports whether title a is title b with words before it
// that leave the office the same: "Special Envoy" of "Envoy", "Health
// Minister" of "Minister", not "Deputy Minister" or "Prime Minister".
func fullerTitle(a, b string) bool {
	aw, bw := strings.Fields(a), strings.Fields(b)
	if len(aw) <= len(bw) || len(bw) == 0 || !slices.Equal(aw[len(aw)-len(bw):], bw) {
		return false
	}
	return !slices.ContainsFunc(aw[:len(aw)-len(bw)], func(w string) bool { return lowercase.Get(officeChangers, w) })
}

// notYetHeld reports whether title a is title b elect or designate:
// "President-Elect" of "President".
func notYetHeld(a, b string) bool {
	return slices.ContainsFunc(notYetSuffixes, func(s string) bool { return strings.EqualFold(a, b+s) })
}

var notYetSuffixes = []string{"-Elect", "-Designate", " Elect", " Designate"}

// officeChangers make another office of the title they are added to.
var officeChangers = toSet(`deputy vice former acting prime interim assistant under shadow first second ex associate junior chief`)

// partyName reports whether an organisation's name is a party's.
func partyName(org string) bool {
	words := strings.Fields(org)
	return len(words) > 0 && partyHeads[words[len(words)-1]]
}

// isYear reports whether w is four digits, as a year is.
func isYear(w string) bool { return len(w) == 4 && isDigits(w) }

// isDecade reports whether w names a decade: "1990s".
func isDecade(w string) bool { return len(w) == 5 && w[4] == 's' && isYear(w[:4]) }

// weakMentions are the starts of one-word person mentions that only the
// statistical model found, unless what stands around them says a person:
// a title of address before ("Ms Rice"), a word for what someone is in
// lower case before ("rapper Nelly"), a body named after them ("the
// Obama administration"), ", who" or an age after them. (A verb of
// saying after is not enough: "Ladbrokes said".)
func weakMentions(text string, es []pipeline.Entity, titles *gazetteer.Titles) map[int]bool {
	weak := map[int]bool{}
	for _, e := range es {
		if e.Label == pipeline.Person && e.Source == pipeline.SourceModel && !strings.Contains(e.Text, " ") {
			after := strings.Fields(text[e.End:min(len(text), e.End+20)])
			// (", who" is said of people: "Zuluaga, who was backed by",
			// and an age: "Kowalski, 45, was arrested".)
			who := len(after) > 1 && after[0] == "," && (after[1] == "who" || after[1] == "whose" || yearsOld(after[1]))
			before := wordBefore(text, e.Start)
			person := len(after) > 0 && eponymHeads[trimPossessive(strings.TrimRight(after[0], ",.;:'\")"))] || honorifics[strings.ToLower(before)] || who ||
				startsLower(before) && titles.IsDescriptor(before)
			weak[e.Start] = !person
		}
	}
	return weak
}

// yearsOld reports whether w is an age between commas as news writes it
// after a name: "45," in "Kowalski, 45, was arrested".
func yearsOld(w string) bool {
	n, ok := strings.CutSuffix(w, ",")
	return ok && len(n) >= 1 && len(n) <= 3 && isDigits(n)
}

func allWeak(ms []pipeline.Span, weak map[int]bool) bool {
	for _, m := range ms {
		if !weak[m.Start] {
			return false
		}
	}
	return true
}

// militaryRank reports whether a role is a military rank ("Major
// General"), held whatever office its holder leaves; "Prosecutor General"
// is an office.
func militaryRank(role string) bool {
	f := strings.Fields(role)
	return len(f) > 0 && !slices.ContainsFunc(f, func(w string) bool { return !militaryRanks[w] && !rankModifiers[w] }) &&
		slices.ContainsFunc(f, func(w string) bool { return militaryRanks[w] }) // (a bare "Chief" is no rank)
}

// militaryRanks are the ranks; rankModifiers make others of them: "Vice
// Admiral", "Air Chief Marshal".
var (
	militaryRanks = toSet(`General Colonel Major Captain Lieutenant Admiral Brigadier Commodore Marshal Sergeant Corporal`)
	rankModifiers = toSet(`Vice Rear Field Staff Air Chief`)
)

// founder reports whether a role is a body's founding, which no
// departure ends: "Co-Founder", "Founder".
func founder(role string) bool {
	return strings.HasSuffix(role, "Founder") || strings.HasSuffix(role, "Cofounder")
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
func clusterPeople(text string, es []pipeline.Entity) []*person {
	// Each mention's name without titles of address, and its key.
	type mention struct {
		e         *pipeline.Entity
		name, key string
		words     int
		royal     bool   // "Prince Charles": one of a royal name's own
		royalKey  string // "prince charles" for any mention after "Prince"
		nick      string // 'Thomas "Tip" O'Neill': "Tip", a form of its own
	}
	var mentions []mention
	for i := range es {
		if e := &es[i]; e.Label == pipeline.Person {
			form := e.Text
			if strings.IndexByte(form, '[') >= 0 {
				// ("[Ana María] Ruiz": an editor's brackets are no part of it.)
				form = strings.NewReplacer("[", "", "]", "").Replace(form)
			}
			nick := nickname(form)
			name := strings.Join(stripHonorific(strings.Fields(form)), " ")
			m := mention{e: e, name: name, nick: nick, key: foldName(name), words: strings.Count(name, " ") + 1}
			// A royal known by a given name is not whoever else bears it
			// ("Prince Charles" and Charles Kennedy), but is the royal
			// named in full with that title ("Prince Alwaleed bin Talal").
			if t := wordBefore(text, e.Start); royalTitles[t] {
				first, _, _ := strings.Cut(name, " ")
				m.royalKey = foldName(t + " " + first)
				if m.words == 1 {
					m.key, m.royal = m.royalKey, true
				}
			}
			mentions = append(mentions, m)
		}
	}
	// "Ana Ruiz, also known as Lena": the name after "known as" is another
	// name of the person just named.
	aliasOf := make([]int, len(mentions))
	for i := range mentions {
		aliasOf[i] = -1
		if i > 0 && knownAs(text[mentions[i-1].e.End:mentions[i].e.Start]) {
			aliasOf[i] = i - 1
		}
	}
	// Fullest names first, so short forms find them.
	order := make([]int, len(mentions))
	for i := range order {
		order[i] = i
	}
	// (A royal's given name alone is as full as it gets; an initial is
	// less full than the given name, "Lena Marsh" before "L. Marsh".)
	sort.SliceStable(order, func(a, b int) bool {
		ma, mb := mentions[order[a]], mentions[order[b]]
		switch {
		case ma.words != mb.words:
			return ma.words > mb.words
		case ma.royal != mb.royal:
			return ma.royal
		}
		return !opensWithInitial(ma.name) && opensWithInitial(mb.name)
	})
	var people []*person
	owner := make([]*person, len(mentions))
	byForm := newFormIndex()
	for _, mi := range order {
		m := mentions[mi]
		cands := byForm.people[m.key]
		var best *person
		if a := aliasOf[mi]; a >= 0 && owner[a] != nil {
			// (The other name, when it is the shorter, joins the person.)
			best = owner[a]
			if !slices.Contains(cands, best) {
				byForm.add(m.key, best)
			}
			cands = nil
		}
		switch len(cands) {
		case 0:
		case 1:
			best = cands[0]
		default:
			// A name given in full is its bearer's ("Charles" alone is the
			// royal so named, not Charles Kennedy); else a shared surname
			// is the nearest full mention's before this one.
			if k := slices.IndexFunc(cands, func(c *person) bool { return foldName(c.name) == m.key }); k >= 0 {
				best = cands[k]
				break
			}
			// "President Rajapaksa" is the one introduced as "President
			// Gotabaya Rajapaksa", not his brother named nearer.
			if t := wordBefore(text, m.e.Start); isCapitalized(t) && !lowercase.Get(honorifics, t) {
				var titled []*person
				for _, c := range cands {
					if wordBefore(text, c.mentions[0].Start) == t {
						titled = append(titled, c)
					}
				}
				if len(titled) == 1 {
					best = titled[0]
					break
				}
			}
			for _, c := range cands {
				if c.mentions[0].Start <= m.e.Start && (best == nil || c.mentions[0].Start > best.mentions[0].Start) {
					best = c
				}
			}
			if best == nil {
				best = cands[0]
			}
		}
		if best == nil && !m.royal {
			// (A surname used before the name it would vary is someone
			// else's: "President Reagan ... Donald Regan".)
			if v := spellingVariant(m.key, byForm); v != nil && (m.words > 1 || firstStart(v) < m.e.Start) {
				best = v
			}
		}
		if best == nil {
			best = &person{name: m.name}
			people = append(people, best)
			forms := personForms(m.name)
			if m.royal {
				forms = []string{m.name} // "Charles" alone; never Charles Kennedy's forms
			}
			if m.royalKey != "" {
				byForm.add(m.royalKey, best)
			}
			if m.nick != "" {
				forms = append(forms, m.nick)
			}
			for _, f := range forms {
				byForm.add(foldName(f), best)
			}
		}
		owner[mi] = best
		best.mentions = append(best.mentions, pipeline.Span{Start: m.e.Start, End: m.e.End, Text: m.e.Text})
	}
	// Mentions and forms in reading order; people in order of first mention.
	for _, per := range people {
		per.mentions = per.mentions[:0]
	}
	for i, m := range mentions {
		per := owner[i]
		per.mentions = append(per.mentions, pipeline.Span{Start: m.e.Start, End: m.e.End, Text: m.e.Text})
		if !contains(per.forms, m.name) {
			per.forms = append(per.forms, m.name)
		}
		if m.nick != "" && !contains(per.forms, m.nick) {
			per.forms = append(per.forms, m.nick)
		}
	}
	sort.SliceStable(people, func(a, b int) bool { return people[a].mentions[0].Start < people[b].mentions[0].Start })
	for _, per := range people {
		per.name = fullest(per.forms)
	}
	return people
}

// knownAs reports whether the text between two person mentions makes the
// second another name of the first: ", also known as ", ", the head of
// the forces, who is better known as "; a name given as the real one
// (", whose real name is ", " - real name ", " (born ").
func knownAs(between string) bool {
	if len(between) > 150 || strings.ContainsAny(between, ".;:\n") {
		return false
	}
	rest := strings.TrimSpace(strings.TrimRight(between, " \"“'‘"))
	if r, ok := strings.CutPrefix(rest, ","); ok && (strings.TrimSpace(r) == "known as" || strings.HasSuffix(r, " known as")) {
		return true
	}
	opener, _ := utf8.DecodeRuneInString(rest)
	if opener != ',' && opener != '(' && !isDash(string(opener)) {
		return false
	}
	return realNames[strings.ToLower(strings.TrimSpace(rest[utf8.RuneLen(opener):]))]
}

// realNames introduce the name a person was born with or goes by
// officially, after a stage name or a nom de guerre.
var realNames = map[string]bool{"real name": true, "whose real name is": true, "whose real name was": true,
	"born": true, "née": true, "nee": true, "birth name": true, "whose birth name is": true}

// nickname returns the nickname quoted inside a name: "Tip" in 'Thomas
// "Tip" O'Neill'. The name keeps it, as the guidelines keep every name
// verbatim; the nickname alone is a form of its own.
func nickname(form string) string {
	i := strings.IndexAny(form, `"“`)
	if i <= 0 {
		return ""
	}
	_, size := utf8.DecodeRuneInString(form[i:])
	j := strings.IndexAny(form[i+size:], `"”`)
	if j <= 0 {
		return ""
	}
	return strings.TrimSpace(form[i+size : i+size+j])
}

// royalTitles name a royal by a given name alone: "Prince Charles".
var royalTitles = toSet(`Prince Princess King Queen Emperor Empress`)

// wordBefore returns the word that ends right before byte offset i of
// text, past spaces.
func wordBefore(text string, i int) string {
	end := len(strings.TrimRightFunc(text[:i], unicode.IsSpace))
	start := strings.LastIndexFunc(text[:end], unicode.IsSpace) + 1
	return text[start:end]
}

// personForms are the shorter forms a name may recur as: the surname with
// its particles, and first plus last name without middle parts.
func personForms(name string) []string {
	if base, ok := withoutGeneration(name); ok {
		return append([]string{name}, personForms(base)...)
	}
	forms := nameForms(name)
	parts := strings.Fields(name)
	if n := len(parts); n > 1 && nameMonths[parts[n-1]] {
		forms = append(forms, parts[n-1]) // "Ms May" for Theresa May (only a title of address makes "May" alone a name)
	}
	if len(parts) > 2 {
		forms = append(forms, parts[0]+" "+parts[len(parts)-1])
		if !lowercase.Get(nameParticles, parts[1]) && !surnamePrefixes[parts[1]] && !slices.ContainsFunc(parts, startsLower) {
			forms = append(forms, parts[0]+" "+parts[1]) // "Nana Addo" for Nana Addo Dankwa Akufo-Addo
		}
	}
	if len(parts) > 1 {
		forms = append(forms, parts[0]) // "John" for John Bolton, "Hamad" for Hamad bin Khalid
		// "B O'Driscoll" and "B. O'Driscoll" for Brian O'Driscoll, as a
		// squad list or a byline writes it.
		if r, size := utf8.DecodeRuneInString(parts[0]); unicode.IsUpper(r) && len(parts[0]) > size && !strings.Contains(parts[0], ".") {
			initial, surname := parts[0][:size], parts[len(parts)-1]
			forms = append(forms, initial+" "+surname, initial+". "+surname)
		}
	}
	if n := len(parts); n > 2 && !lowercase.Get(nameParticles, parts[n-2]) {
		// A father's surname before a mother's: "Rosselló" for Ricardo
		// Rosselló Nevares, "de la Fuente" for Carlos de la Fuente Ortega.
		s := n - 2
		for s > 1 && lowercase.Get(nameParticles, parts[s-1]) {
			s--
		}
		forms = append(forms, strings.Join(parts[s:n-1], " "))
		if s < n-2 {
			forms = append(forms, parts[n-2])
		}
	}
	// Both surnames without the given names: "Rosselló Nevares", "de la
	// Fuente Ortega".
	for k := 1; k < len(parts)-1; k++ {
		if !lowercase.Get(nameParticles, parts[k-1]) {
			forms = append(forms, strings.Join(parts[k:], " "))
		}
	}
	// The name a person goes by before a particle's surname: "Lulu" for
	// Ana Maria Lulu da Costa.
	if n := len(parts); n > 3 && lowercase.Get(nameParticles, parts[n-2]) && !lowercase.Get(nameParticles, parts[n-3]) {
		forms = append(forms, parts[n-3])
	}
	return forms
}

// firstStart is where the text first names p.
func firstStart(p *person) int {
	start := p.mentions[0].Start
	for _, s := range p.mentions[1:] {
		start = min(start, s.Start)
	}
	return start
}

// spellingVariant finds the person a one-word form is a transliteration
// variant of ("Soleymani" for Soleimani): one edit apart, same first
// letter, six letters or more, and not a given name and the surname made
// of it ("William" and Williams); a full name, by doubledVariant.
func spellingVariant(key string, forms *formIndex) *person {
	if strings.Contains(key, " ") {
		return doubledVariant(key, forms)
	}
	if len(key) < 6 {
		return nil
	}
	var found *person
	for _, k := range withOneDeleted(key, []string{key}) {
		for _, f := range forms.near[k] {
			ps := forms.people[f]
			if len(ps) == 1 && f[0] == key[0] && (oneEdit(f, key) || movedLetter(f, key)) && f+"s" != key && key+"s" != f {
				if found != nil && found != ps[0] {
					return nil // ambiguous
				}
				found = ps[0]
			}
		}
	}
	return found
}

// doubledVariant finds the person a full name spells another way by a
// doubled letter or a transliteration of the given name ("Garry Knowles"
// for Gary Knowles, "Victor Makarov" for Viktor Makarov, "Sergey" for
// Sergei), the rest the same.
func doubledVariant(key string, forms *formIndex) *person {
	given, rest, _ := strings.Cut(key, " ")
	single := givenKey(given)
	var found *person
	for _, f := range forms.byRest[rest] {
		ps := forms.people[f]
		g, _, _ := strings.Cut(f, " ")
		if g == given || len(ps) != 1 || givenKey(g) != single {
			continue
		}
		if found != nil && found != ps[0] {
			return nil // ambiguous
		}
		found = ps[0]
	}
	return found
}

// formIndex is the forms people go by (folded), each with its people,
// and the forms grouped as spellingVariant looks them up, so that a
// document naming thousands of people is not read once per person: full
// names by what follows the given name; one-word forms under themselves
// and each of their spellings with one letter left out, where any form
// one edit from a word meets it (a letter changed: both without it; one
// added or dropped: one without it is the other; one moved: both without
// it).
type formIndex struct {
	people map[string][]*person
	byRest map[string][]string
	near   map[string][]string
}

func newFormIndex() *formIndex {
	return &formIndex{people: map[string][]*person{}, byRest: map[string][]string{}, near: map[string][]string{}}
}

// withOneDeleted appends to out w with each of its letters left out.
func withOneDeleted(w string, out []string) []string {
	for i := 0; i < len(w); {
		_, size := utf8.DecodeRuneInString(w[i:])
		out = append(out, w[:i]+w[i+size:])
		i += size
	}
	return out
}

// add records that p goes by the form f.
func (n *formIndex) add(f string, p *person) {
	ps, seen := n.people[f]
	if !seen {
		if _, rest, full := strings.Cut(f, " "); full {
			n.byRest[rest] = append(n.byRest[rest], f)
		} else if f != "" {
			for _, k := range withOneDeleted(f, []string{f}) {
				n.near[k] = append(n.near[k], f)
			}
		}
	}
	n.people[f] = append(ps, p)
}

// givenKey is what the spellings of one given name share: its letters
// undoubled, after the letters that transliterations swap ("k" and "c",
// "w" and "v", "y" and "i", "ph" and "f") are made one.
func givenKey(w string) string {
	return undouble(transliterations.Replace(w))
}

var transliterations = strings.NewReplacer("ph", "f", "k", "c", "w", "v", "y", "i")

// undouble writes each run of a repeated letter once: "garry" is "gary".
func undouble(w string) string {
	var b strings.Builder
	var last rune
	for _, r := range w {
		if r != last {
			b.WriteRune(r)
		}
		last = r
	}
	return b.String()
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

// movedLetter reports whether b is a with one letter moved one or two
// places, the slip of a typist: "Chriac" for Chirac, "Khordokovsky" for
// Khodorkovsky.
func movedLetter(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if a == b || len(ra) != len(rb) {
		return false
	}
	i, j := 0, len(ra)
	for i < j && ra[i] == rb[i] {
		i++
	}
	for j > i && ra[j-1] == rb[j-1] {
		j--
	}
	if j-i < 2 || j-i > 3 {
		return false
	}
	// The differing stretch is a rotation by one: its first letter moved
	// to its end, or its last to its start.
	x, y := ra[i:j], rb[i:j]
	return rotated(x, y) || rotated(y, x)
}

// rotated reports whether y is x with its first letter moved to its end.
func rotated(x, y []rune) bool {
	return slices.Equal(x[1:], y[:len(y)-1]) && x[0] == y[len(y)-1]
}

// fullest returns the form with the most name parts, the first on ties.
func fullest(forms []string) string {
	best := ""
	for _, f := range forms {
		n, m := len(strings.Fields(f)), len(strings.Fields(best))
		if n > m || n == m && opensWithInitial(best) && !opensWithInitial(f) {
			best = f // (a given name in full before its initial: "Lena Marsh", not "L. Marsh")
		}
	}
	return best
}

// opensWithInitial reports whether a name's first word is an initial:
// "L. Marsh", "B Hale".
func opensWithInitial(name string) bool {
	first, _, _ := strings.Cut(name, " ")
	first = strings.TrimSuffix(first, ".")
	return utf8.RuneCountInString(first) == 1
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// tokenIndex finds tokens and entities by byte offset and by token.
type tokenIndex struct {
	d                *pipeline.Doc
	starts           []int
	entStart, entEnd []int32 // by token: the entity starting, or ending, there; -1 when none
}

// reset indexes document d, reusing ix's storage.
func (ix *tokenIndex) reset(d *pipeline.Doc) {
	n := len(d.Tokens)
	ix.d = d
	ix.starts, ix.entStart, ix.entEnd = grow(ix.starts, n), grow(ix.entStart, n), grow(ix.entEnd, n)
	for i, t := range d.Tokens {
		ix.starts[i] = t.Start
		ix.entStart[i], ix.entEnd[i] = -1, -1
	}
	// Entities are sorted and do not overlap: one walk finds their tokens.
	i := 0
	for k, e := range d.Entities {
		for i < n && d.Tokens[i].Start < e.Start {
			i++
		}
		if i < n && d.Tokens[i].Start == e.Start {
			ix.entStart[i] = int32(k)
		}
		j := i
		for j < n && d.Tokens[j].End < e.End {
			j++
		}
		if j < n && d.Tokens[j].End == e.End {
			ix.entEnd[j] = int32(k)
		}
	}
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
func (ix *tokenIndex) tokenEnding(b int) int { return tokenEnding(ix.d.Tokens, b) }

// tokenEnding returns the index of the token of toks ending at byte b, or
// -1.
func tokenEnding(toks []pipeline.Token, b int) int {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].End >= b })
	if i < len(toks) && toks[i].End == b {
		return i
	}
	return -1
}

// entityAt returns the entity that starts at token i, if any.
func (ix *tokenIndex) entityAt(i int) (*pipeline.Entity, bool) {
	if i < 0 || i >= len(ix.entStart) || ix.entStart[i] < 0 {
		return nil, false
	}
	return &ix.d.Entities[ix.entStart[i]], true
}

// entityEndingAt returns the entity whose last token is i, if any.
func (ix *tokenIndex) entityEndingAt(i int) (*pipeline.Entity, bool) {
	if i < 0 || i >= len(ix.entEnd) || ix.entEnd[i] < 0 {
		return nil, false
	}
	return &ix.d.Entities[ix.entEnd[i]], true
}

// andOutsideNames reports whether span sp joins words with "and" outside
// the names in it: "the president and finance minister" are two, "the
// chairman of the Nurses Union of Chile and Peru" is one.
func (ix *tokenIndex) andOutsideNames(sp pipeline.Span) bool {
	first, last := ix.token(sp.Start), ix.tokenEnding(sp.End)
	if first < 0 || last < 0 {
		return strings.Contains(sp.Text, " and ")
	}
	for i := first; i <= last; i++ {
		if e, ok := ix.entityAt(i); ok {
			i = max(i, ix.tokenEnding(e.End))
			continue
		}
		if strings.EqualFold(ix.d.Tokens[i].Text, "and") {
			return true
		}
	}
	return false
}

// singularVerbAfter reports whether a singular verb follows the span: "The
// commissioner and former minister was" is one person.
func (ix *tokenIndex) singularVerbAfter(sp pipeline.Span) bool {
	k := ix.tokenEnding(sp.End) + 1
	if k <= 0 || k >= len(ix.d.Tokens) || ix.d.Tokens[k].Sentence != ix.d.Tokens[k-1].Sentence {
		return false
	}
	t := ix.d.Tokens[k]
	return t.Tag == "VBZ" || strings.EqualFold(t.Text, "was")
}

// objectPronounAfter reports whether "him" or "her" as an object follows
// the phrase sp in its clause: "The minister came to warn him", not "The
// minister said the deal helped him" (a clause of its own) nor "praised
// her staff".
func (ix *tokenIndex) objectPronounAfter(sp pipeline.Span) bool {
	k := ix.tokenEnding(sp.End) + 1
	if k <= 0 {
		return false
	}
	_, hi := ix.sentenceBounds(k - 1)
	for ; k < hi; k++ {
		t := ix.d.Tokens[k]
		w := strings.ToLower(t.Text)
		if clauseOpeners[w] || isPunctuation(t.Text) {
			return false
		}
		if (w == "him" || w == "her") && t.Tag == "PRP" {
			return true
		}
	}
	return false
}

// clauseOpeners open a clause whose pronouns may be its subject's.
var clauseOpeners = toSet(`that said says who which because if when while after before as since until and but or`)

// sentenceBounds returns the token range of the sentence holding token i.
func (ix *tokenIndex) sentenceBounds(i int) (int, int) {
	s := ix.d.Sentences[ix.d.Tokens[i].Sentence]
	return s.FirstToken, s.EndToken
}

// countryOf resolves an entity to the country it stands for: a country
// itself, a demonym's country, or a capital city used for its government.
// Other cities do not stand for a country.
func (p *Participants) countryOf(e *pipeline.Entity) string {
	switch {
	case e.Label == pipeline.NORP:
		return e.Country
	case e.Label == pipeline.Place && e.Subtype == gazetteer.Country:
		return e.ID
	case e.Label == pipeline.Place && p.rules.nations[e.Canonical] != "":
		return p.rules.nations[e.Canonical] // "Scotland's First Minister"
	case e.Label == pipeline.Place && e.Subtype == gazetteer.City && e.Country != "":
		if c, ok := p.gaz.Capital(e.Country); ok && c.Name == e.Canonical {
			return e.Country
		}
	case e.Label == pipeline.Org && !strings.Contains(e.Text, " "):
		// A demonym the tagger read as a body: "Philippine President".
		return p.demonymCountry(e.Text)
	case e.Label == pipeline.Org:
		// A country's government stands for the state: "the Austrian
		// Government", "the UK government".
		owner, head, ok := strings.Cut(e.Text, " ")
		if !ok || !strings.EqualFold(head, "government") {
			break
		}
		return p.countryNamed(owner)
	}
	return ""
}

// placeMentions counts the document's place mentions by their text.
func placeMentions(d *pipeline.Doc) map[string]int {
	counts := map[string]int{}
	for _, e := range d.Entities {
		if e.Label == pipeline.Place {
			counts[e.Text]++
		}
	}
	return counts
}

// mostWritten returns the one of a country's names (the rules file's
// country_names) that the text writes most, "Burma" in a story about
// Burma, or the first when it writes none.
func mostWritten(names []string, counts map[string]int) string {
	best := names[0]
	for _, n := range names[1:] {
		if counts[n] > counts[best] {
			best = n
		}
	}
	return best
}

// countryName returns the short name of the country with the code, one of
// the rules file's nations among them, or "".
func (p *Participants) countryName(code string) string {
	if c, ok := p.gaz.Country(code); ok {
		return c.Name
	}
	return p.rules.nationNames[code]
}

// isNation reports whether code is one of the rules file's nations.
func (p *Participants) isNation(code string) bool { return p.rules.nationNames[code] != "" }

// demonymCountry returns the country a demonym names ("Israeli": IL),
// or "".
func (p *Participants) demonymCountry(w string) string {
	for _, g := range p.gaz.Lookup(w) {
		if g.Kind == gazetteer.Demonym {
			return g.Country
		}
	}
	return ""
}

// countryNamed returns the country that a country's name or a demonym
// names, or "".
func (p *Participants) countryNamed(name string) string { return countryNamed(p.gaz, name) }

func countryNamed(gaz *gazetteer.Gazetteer, name string) string {
	for _, g := range gaz.Lookup(name) {
		switch g.Kind {
		case gazetteer.Demonym:
			return g.Country
		case gazetteer.Country:
			return g.ID
		}
	}
	return ""
}

// groupNouns are bodies of people that a country sends or has.
var groupNouns = toSet(`delegation delegations team officials ministers diplomats envoys representatives leaders negotiators
administration government cabinet`)

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
func (p *Participants) groupCountries(r *roleReader, named []bool) map[int]roleFact {
	d, ix := r.d, r.ix
	out := map[int]roleFact{}
	for i, t := range d.Tokens {
		// Members are named in the group's sentence; group nouns are
		// lowercase but at a sentence's start.
		if !named[t.Sentence] || !r.is(i, groupClass) || t.Text != r.lower[i] && d.Sentences[t.Sentence].FirstToken != i {
			continue
		}
		// The owner may stand a word or two before: "Iranian government
		// officials including ...".
		j := i - 1
		for n := 0; n < 2 && j >= 0 && lowercase.Get(groupModifiers, d.Tokens[j].Text); n++ {
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

// resolvePending gives roles that refer back to someone to that person:
// a counterpart takes the title of the person named before it in its
// sentence ("Kenya's foreign minister A and his Ugandan counterpart, B"),
// and a description such as "the prime minister said" goes to the subject
// of the nearest sentence before it that names someone, else to the nearest
// person, whom nothing else contradicts.
func resolvePending(rr *roleReader, ix *tokenIndex, byMention map[int]*person, pending []fact) {
	if len(pending) == 0 {
		return
	}
	d := rr.d
	// Mention starts in reading order, to look back from a position.
	var starts []int
	for tok := range byMention {
		starts = append(starts, tok)
	}
	sort.Ints(starts)
	// Each person once, in order of first mention: a loop over mentions
	// that reads a person's roles would cost mentions times roles.
	var persons []*person
	seen := map[*person]bool{}
	for _, tok := range starts {
		if per := byMention[tok]; !seen[per] {
			seen[per] = true
			persons = append(persons, per)
		}
	}
	before := func(tok int) iter.Seq[int] { // mentions before tok, nearest first
		return func(yield func(int) bool) {
			for i := sort.SearchInts(starts, tok) - 1; i >= 0 && yield(starts[i]); i-- {
			}
		}
	}
	touched := map[*person]bool{}
	describedIn := map[int]*person{} // sentences whose description found its person
	// Bodies' names as written -> one name for each body: the gazetteer's,
	// or, for an acronym, the name in full the text spells it from
	// ("LHB": the Lakeview Harbour Board).
	canonical := map[string]string{}
	for _, e := range d.Entities {
		if e.Label == pipeline.Org {
			canonical[e.Text] = e.Canonical
		}
	}
	spelled := map[string]string{} // acronym -> the name the text spells out
	for _, e := range d.Entities {
		if a := initials(e.Canonical); e.Label == pipeline.Org && len(a) >= 2 && canonical[a] != "" && e.Text != a {
			spelled[a] = e.Canonical
		}
	}
	for _, e := range d.Entities {
		if full, ok := spelled[e.Text]; ok && e.Label == pipeline.Org {
			canonical[e.Text], canonical[e.Canonical] = full, full // (and the gazetteer's name for it)
		}
	}
	holderKey := func(r roleFact) string {
		r.org = cmp.Or(canonical[r.org], r.org)
		return oneHolder(r)
	}
	// Who the text names as holding an office one person holds at a time
	// ("Home Secretary Ann Kerr", "Tory leader Tom Hale"): "the home
	// secretary", "the Tory leader" is that person, no one else. (A title
	// with a country, "Israeli Prime Minister X", leaves the domestic one
	// to be described.)
	// So is "the archbishop" whom the text calls by that very title, with
	// the same country and body ("the Archbishop, Dr Ann Kerr,"), though
	// the office is one of many.
	titleKey := func(r roleFact) string {
		return "=" + strings.ToLower(r.role) + "|" + r.country + "|" + cmp.Or(canonical[r.org], r.org)
	}
	holders := map[string]map[*person]bool{}
	hold := func(k string, per *person) {
		if holders[k] == nil {
			holders[k] = map[*person]bool{}
		}
		holders[k][per] = true
	}
	for _, per := range persons {
		for _, r := range per.roles {
			if r.former {
				continue
			}
			if k := holderKey(r); k != "" {
				hold(k, per)
			}
			hold(titleKey(r), per)
		}
	}
	heldByOther := func(c *person, f fact) bool {
		hs := holders[holderKey(f.roleFact)]
		return len(hs) > 0 && !hs[c]
	}
	calledSo := func(f fact) bool { return !f.former && len(holders[titleKey(f.roleFact)]) > 0 }
	type pronounRole struct {
		per *person
		f   roleFact
	}
	var byPronoun []pronounRole // roles "he" or "she" is said to hold, with whom it stands for
	var leftover []roleFact     // single offices described, found no one
	var ahead []roleFact        // descriptions with a country, found no one
	given := map[int]bool{}     // descriptions, by start, that another reading gave someone
	// ("The leader of the party, Ana Ruiz, said": a name the entity
	// stage missed in apposition.)
	missedApposition := func(b int) bool {
		k := ix.tokenEnding(b) + 1
		return k > 0 && k+1 < len(d.Tokens) && d.Tokens[k].Text == "," && isCapitalized(d.Tokens[k+1].Text)
	}
	quoted := quotedAtStart(d)
	// A counterpart's post is its owner's, which a description may give
	// later in the text ("A met her Russian counterpart, B. ... India's
	// foreign minister also raised ..."): counterparts are read last.
	slices.SortStableFunc(pending, func(a, b fact) int {
		switch {
		case a.pending.counterpart == b.pending.counterpart:
			return 0
		case a.pending.counterpart:
			return 1
		}
		return -1
	})
	for _, f := range pending {
		phStart := ix.token(f.evidence.Start)
		if f.pending.possessor {
			sent := d.Tokens[phStart].Sentence
			for tok := range before(phStart) {
				if d.Tokens[tok].Sentence != sent {
					break
				}
				if insideQuote(d, quoted, tok) {
					continue
				}
				other := byMention[tok]
				other.roles = append(other.roles, f.roleFact)
				touched[other] = true
				break
			}
			continue
		}
		if f.pending.pronoun {
			if to := pronounAntecedent(rr, byMention, phStart, before); to != nil && !heldByOther(to, f) {
				byPronoun = append(byPronoun, pronounRole{to, f.roleFact})
			}
			continue
		}
		if f.pending.counterpart {
			self := byMention[f.mention]
			sent := d.Tokens[f.mention].Sentence
			// "President Ruiz's predecessor": the phrase names whose.
			named := f.owner != "" && strings.Contains(f.evidence.Text, f.owner)
			from := min(phStart, f.mention)
			if named {
				from = f.mention
			}
			// "He will meet his Iraqi counterpart": whose is the one "he"
			// stands for, the subject of the sentence before, not someone
			// it names later ("talks with the prime minister, X").
			owner := -1
			if !named {
				owner = pronounOwner(rr, phStart, before)
			}
			// "The ministers will meet their Russian counterpart, X": the
			// counterpart of a group the text names by a plural title.
			var post roleFact  // the post the owner holds
			var holder *person // that owner
			found := false
			if group := groupTitleBefore(rr, phStart); group != "" && !named && f.role != "Predecessor" {
				post.role, found = group, true
			}
			for tok := range before(from) {
				if found || d.Tokens[tok].Sentence < sent-1 {
					break
				}
				other := byMention[tok]
				if other == self || len(other.roles) == 0 || relationalTitles[other.roles[0].role] || owner >= 0 && other != byMention[owner] {
					continue
				}
				if named && !slices.Contains(other.forms, f.owner) && other.name != f.owner {
					continue
				}
				post, found, holder = counterpartPost(other.roles), true, other
			}
			if !found {
				continue
			}
			rf := f.roleFact
			rf.role = post.role
			if f.role == "Predecessor" {
				rf.role = formerRole(rf.role)
				rf.former = true
				if rf.country == "" { // the same post, of the same country
					rf.country = post.country
				}
			} else {
				rf.owner = "" // a counterpart's post is another country's, by its title there
				rf.role = rr.p.gaz.CounterpartTitle(rf.role, rf.country)
				if holder != nil && rf.country != "" {
					holder.abroad = append(holder.abroad, rf.country)
				}
			}
			self.roles = append(self.roles, rf)
			touched[self] = true
			continue
		}
		sent := d.Tokens[phStart].Sentence
		var eligible []int
		for tok := range before(phStart) {
			if d.Tokens[tok].Sentence < sent-4 {
				break
			}
			if !insideQuote(d, quoted, tok) && !afterAccordingTo(d, tok) && !inOpeningPhrase(d, tok, phStart) {
				eligible = append(eligible, tok)
			}
		}
		// "The minister came to warn him ...": the one the pronoun refers
		// to, not the minister, is who the text spoke of before.
		// "The head of a team ..." is someone new, whom the text may name
		// next.
		someBody := ofSomeBody(ix, f.evidence)
		if f.pending.ahead || ix.objectPronounAfter(f.evidence) || someBody {
			eligible = nil
		}
		if len(eligible) > 0 && introducedUnnamed(d, d.Tokens[eligible[0]].Sentence, max(sent, d.Tokens[eligible[0]].Sentence+1), f.evidence.Text) {
			continue
		}
		// The nearest sentence's subject is who a description refers to
		// ("A told B he would stay. The minister said ..." is A); the
		// nearest person when that sentence has none or it is someone else.
		// "X said ... The minister also said the driver, Y, ...": where the
		// sentence before had a description for its subject and the names
		// in it are not its subject, this description is the same person.
		// A description that does not speak (strict) reaches only the
		// subject of the sentence right before; "The president and
		// finance minister took ..." are two.
		if f.pending.strict && ix.andOutsideNames(f.evidence) && !ix.singularVerbAfter(f.evidence) || calledSo(f) {
			continue
		}
		var to *person
		if len(eligible) > 0 {
			subject := sentenceSubject(rr, eligible)
			var candidates []*person
			if p := describedIn[d.Tokens[eligible[0]].Sentence]; p != nil && subject < 0 {
				candidates = append(candidates, p)
			}
			switch {
			case f.pending.strict:
				if subject >= 0 && pronounSubjectsBetween(d, d.Tokens[eligible[0]].Sentence, sent) {
					candidates = append(candidates, byMention[subject])
				}
			case subject >= 0:
				candidates = append(candidates, byMention[subject], byMention[eligible[0]])
			case !coordinated(rr, eligible) && !describedSubject(d, eligible[0]):
				candidates = append(candidates, byMention[eligible[0]])
			}
			// "X resigned. The club's spokesman said he ...": one who
			// speaks for another is someone the text has called so, or the
			// speaker of the sentence before ("X says ... The party's
			// Treasury spokesman is ...").
			speakerBefore := -1
			if speaksFor(f.role) {
				speakerBefore = speakerOf(rr, inSentence(rr, eligible, false))
			}
			for _, c := range candidates {
				if speaksFor(f.role) && len(c.roles) == 0 && len(c.professions) == 0 && (speakerBefore < 0 || byMention[speakerBefore] != c) {
					continue
				}
				if heldByOther(c, f) {
					continue
				}
				if describes(c, f.roleFact) {
					to = c
					break
				}
			}
		}
		// A lede describes someone the next sentence names as its
		// speaker: "The head of the agency says ... Ana Ruiz said ...".
		if to == nil && f.pending.lede {
			// (Not someone the description's own words name: "The party
			// leader said X's resignation was welcome. X ...".)
			descStart, descEnd := ix.token(f.evidence.Start), ix.tokenEnding(f.evidence.End)+1
			// (One the next sentence calls only by a weak title, "X is a
			// senior official", may hold the post the lede names.)
			// (Nor one the next sentence introduces with a word of their
			// own: "The ambassador declined to comment. Exporter X said".)
			if tok := namedNext(rr, sent, descStart, descEnd, !f.pending.strict); tok >= 0 && !describedBefore(d, tok) && (describes(byMention[tok], f.roleFact) || weaklyTitled(byMention[tok], f.roleFact) || headingAny(byMention[tok], f.roleFact)) && !namedInSentence(rr, byMention, sent, byMention[tok]) {
				to = byMention[tok]
			}
		}
		if to != nil {
			to.roles = append(to.roles, f.roleFact)
			touched[to] = true
			given[f.evidence.Start] = true
			describedIn[sent] = to
			// "The prime minister has resigned. X said ...": who left
			// under a description has left.
			if first, last := ix.token(f.evidence.Start), ix.tokenEnding(f.evidence.End); first >= 0 && last >= 0 && leftOffice(d, ix, first, last) {
				to.left = true
			}
		} else {
			if k := holderKey(f.roleFact); k != "" && len(holders[k]) == 0 && !f.former && !f.pending.ahead && !someBody && !missedApposition(f.evidence.End) {
				leftover = append(leftover, f.roleFact)
			}
			if f.country != "" && !f.former {
				ahead = append(ahead, f.roleFact)
			}
		}
	}
	// "India's foreign minister arrived ... Foreign Minister X's visit":
	// a description with a country that found no one near is the one
	// holder of that title the text names after it, when the text gives
	// that holder no country of their own.
	for _, f := range ahead {
		if to := laterHolder(persons, f); to != nil {
			to.roles = append(to.roles, f)
			touched[to] = true
		}
	}
	// A single office described where no one near can hold it ("The
	// prime minister said ...") is the one person the text names often
	// and gives no post (untitledHolders), office by office.
	leftover = slices.DeleteFunc(leftover, func(f roleFact) bool { return given[f.evidence.Start] })
	for to, fs := range untitledHolders(ix, persons, leftover, holderKey) {
		to.roles = append(to.roles, fs...)
		touched[to] = true
	}
	// Weaker than a name or a description: a role for one the text
	// gives none ("He became shadow chancellor in 1992" in a chancellor's
	// profile is his past).
	titled := map[*person]bool{}
	for _, h := range byPronoun {
		titled[h.per] = titled[h.per] || len(h.per.roles) > 0
	}
	for _, h := range byPronoun {
		if !titled[h.per] {
			h.per.roles = append(h.per.roles, h.f)
			touched[h.per] = true
		}
	}
	for per := range touched {
		slices.SortStableFunc(per.roles, readingOrder)
	}
}

// pronounAntecedent is the person a sentence-opening "he" or "she" at
// token at stands for: the one person that the last sentence naming
// anyone, in the same paragraph and at most two sentences back, names,
// as its subject. Nil where that sentence names two people ("X met Y.
// She is ...") or its subject is no one named.
func pronounAntecedent(rr *roleReader, byMention map[int]*person, at int, before func(int) iter.Seq[int]) *person {
	d := rr.d
	sent := d.Tokens[at].Sentence
	var in []int // the mentions of that sentence, nearest first
	for tok := range before(at) {
		s := d.Tokens[tok].Sentence
		if len(in) > 0 && s != d.Tokens[in[0]].Sentence {
			break
		}
		if sent-s > 2 || d.Sentences[s].Paragraph != d.Sentences[sent].Paragraph {
			return nil
		}
		in = append(in, tok)
	}
	if len(in) == 0 || slices.ContainsFunc(in, func(tok int) bool { return byMention[tok] != byMention[in[0]] }) {
		return nil
	}
	if sentenceSubject(rr, in) < 0 {
		return nil
	}
	return byMention[in[0]]
}

// laterHolder is the only person who holds description f's title, when
// the text names them first after f and gives them no country: the person
// f describes ahead of their name. Nil when anyone else holds the title.
func laterHolder(persons []*person, f roleFact) *person {
	var to *person
	for _, per := range persons {
		if !slices.ContainsFunc(per.roles, func(r roleFact) bool { return !r.former && strings.EqualFold(r.role, f.role) }) {
			continue
		}
		if to != nil || per.mentions[0].Start < f.evidence.End || slices.ContainsFunc(per.roles, func(r roleFact) bool { return r.country != "" }) {
			return nil
		}
		to = per
	}
	return to
}

// untitledHolders gives each single office described where no one near
// can hold it to the person without post or profession whom the text
// names at least three times, and whose surname no one else without a
// post has, when there is only one such person. That person is named
// shortly before the office's first description; where no such person
// is, anywhere, and such an office is given after the others. A person
// given one office is no candidate for another; an office that someone
// the text names holds gets nothing.
func untitledHolders(ix *tokenIndex, persons []*person, left []roleFact, key func(roleFact) string) map[*person][]roleFact {
	offices := map[string][]roleFact{}
	nearby := map[string]bool{} // offices whose candidates are named shortly before
	var keys []string
	for _, f := range left {
		k := key(f)
		if offices[k] == nil {
			keys = append(keys, k)
		}
		offices[k] = append(offices[k], f)
	}
	// "Tony Blair" and "Ian Blair", neither with a post: whose is "Mr
	// Blair"? A namesake with a post is no candidate for the office.
	surnames := map[string]int{}
	held := map[string]bool{} // offices someone the text names holds
	var unposted []*person
	for _, per := range persons {
		// (A country's leader is no post: "the UK leader" may be its
		// prime minister.)
		if len(per.professions) == 0 && !slices.ContainsFunc(per.roles, func(f roleFact) bool { return f.weakness() == 0 || f.country == "" }) {
			unposted = append(unposted, per)
			surnames[lastWord(per.name)]++
		}
		for _, r := range per.roles {
			if !r.former {
				held[key(r)] = true
			}
		}
	}
	var untitled []*person
	for _, per := range unposted {
		if surnames[lastWord(per.name)] == 1 && len(per.mentions) >= 3 {
			untitled = append(untitled, per)
		}
	}
	if len(untitled) == 0 {
		return nil
	}
	candidates := map[string][]*person{}
	for _, k := range keys {
		if held[k] {
			continue // held by someone the text names
		}
		// (An office where no such person is named shortly before may
		// be anyone's the text names often.)
		for _, per := range untitled {
			if namedShortlyBefore(ix, per, offices[k][0].evidence.Start) {
				candidates[k] = append(candidates[k], per)
			}
		}
		nearby[k] = len(candidates[k]) > 0
		if !nearby[k] {
			candidates[k] = untitled
		}
	}
	// An office with one candidate is theirs, and one who holds it is no
	// candidate for another. Two offices with the same one candidate get
	// no one. Offices with candidates named shortly before go first:
	// that is the stronger evidence.
	chosen := map[string]*person{}
	taken := map[*person]bool{}
	for _, near := range []bool{true, false} {
		for settled := true; settled; {
			settled = false
			sole := map[*person][]string{}
			for _, k := range keys {
				if chosen[k] != nil || nearby[k] != near {
					continue
				}
				left := slices.DeleteFunc(slices.Clone(candidates[k]), func(per *person) bool { return taken[per] })
				if len(left) == 1 {
					sole[left[0]] = append(sole[left[0]], k)
				}
			}
			for per, ks := range sole {
				if len(ks) == 1 {
					chosen[ks[0]] = per
				}
				taken[per], settled = true, true
			}
		}
	}
	out := map[*person][]roleFact{}
	for _, k := range keys {
		per := chosen[k]
		if per == nil {
			continue
		}
		out[per] = append(out[per], offices[k]...)
	}
	return out
}

// namedShortlyBefore reports whether per is named in the five sentences
// before the token at byte b, or earlier in its sentence.
func namedShortlyBefore(ix *tokenIndex, per *person, b int) bool {
	sentence := func(b int) int { // of the token at or before byte b
		return ix.d.Tokens[max(0, sort.SearchInts(ix.starts, b+1)-1)].Sentence
	}
	s := sentence(b)
	for _, m := range per.mentions {
		if m.Start < b && sentence(m.Start) >= s-5 {
			return true
		}
	}
	return false
}

// ofSomeBody reports whether a description is of a body it does not
// identify ("the chief executive of a rival firm"): it introduces
// someone new and refers back to no one.
func ofSomeBody(ix *tokenIndex, desc pipeline.Span) bool {
	d := ix.d
	first, last := ix.token(desc.Start), ix.tokenEnding(desc.End)
	if first < 0 || last < 0 {
		return false
	}
	for k := first + 1; k <= last+1 && k+1 < len(d.Tokens); k++ {
		if d.Tokens[k].Text == "of" {
			w := strings.ToLower(d.Tokens[k+1].Text)
			return w == "a" || w == "an" || w == "one" || w == "another"
		}
	}
	return false
}

// oneHolder keys a post that one person holds at a time: a single
// office of no stated country ("home secretary"), or the head of a named
// body ("leader|Conservative Party"); "" for any other.
func oneHolder(r roleFact) string {
	title := strings.ReplaceAll(r.role, " ", "-")
	switch {
	case r.org != "" && bodyHeadTitles[title]:
		return strings.ToLower(r.role) + "|" + r.org
	case r.org == "" && r.country == "" && singleOffices[title]:
		return strings.ToLower(r.role)
	}
	return ""
}

// initials are the first letters of a name's capitalised words: an
// acronym for it ("Lakeview Harbour Board": LHB).
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// seatOn is the post of a member of the body a role phrase names by a
// lower-case board or council ("member of the bank's management board":
// Board Member); "" for any other.
func seatOn(phrase string) string {
	for _, w := range strings.Fields(phrase) {
		switch w {
		case "board":
			return "Board Member"
		case "council":
			return "Council Member"
		}
	}
	return ""
}

// memberRanks say how much a member counts in a group.
var memberRanks = toSet(`Senior Top Leading Prominent Key High-Ranking Veteran`)

// rankedMember reports whether a role is a member with only a rank before
// it: "Senior Member", not "Founding Member" or "Board Member".
func rankedMember(role string) bool {
	w := strings.Fields(role)
	return len(w) > 1 && w[len(w)-1] == "Member" && !slices.ContainsFunc(w[:len(w)-1], func(x string) bool { return !memberRanks[x] })
}

// bodyHeadTitles are the titles of a body's head.
var bodyHeadTitles = toSet(`Leader Chairman Chairwoman Chair President Head Chief-Executive Director-General Secretary-General`)

// coordinated reports whether the nearest two mentions are joined by
// "and" ("criticised A and B"): neither is nearer in meaning to a
// description that follows.
func coordinated(rr *roleReader, mentions []int) bool {
	if len(mentions) < 2 {
		return false
	}
	a, b := mentions[1], mentions[0]
	end := rr.persons[a]
	if end <= 0 || end >= b || rr.d.Tokens[a].Sentence != rr.d.Tokens[b].Sentence {
		return false
	}
	rr.prep(rr.d.Tokens[a].Sentence)
	between := rr.lower[end:b]
	return slices.Equal(between, []string{"and"}) || slices.Equal(between, []string{",", "and"})
}

// describes reports whether a description such as "the prime minister"
// can be of per: per holds no post or profession that the description
// contradicts.
func describes(per *person, desc roleFact) bool {
	if len(per.roles) > 0 {
		r := per.roles[0]
		// "the minister" is no one the text calls a former minister.
		if r.former && !desc.former {
			return false
		}
		return sameTitle(r.role, desc.role) && countriesAgree(r, desc)
	}
	for _, p := range per.professions {
		if !sameTitle(p, desc.role) {
			return false
		}
	}
	return true
}

// counterpartPost is the role of someone's counterpart or predecessor
// among that person's roles: the first the text gives that is a post,
// not a weak title ("Ana Ruiz, Chile's foreign minister and its most
// senior official"); the first given when none is.
func counterpartPost(roles []roleFact) roleFact {
	inOrder := slices.SortedStableFunc(slices.Values(roles), readingOrder)
	if i := slices.IndexFunc(inOrder, func(r roleFact) bool { return r.weakness() == 0 }); i >= 0 {
		return inOrder[i]
	}
	return inOrder[0]
}

// headingAny reports whether a lede's description of whoever heads
// something ("The head of the agency says ...", "The spiritual leader of
// the church") may be the next speaker, whom the story then names by the
// post's own title ("Agency Director X says"): one whose first role is a
// post and none that serves another (a spokesperson, a deputy, an aide).
func headingAny(per *person, desc roleFact) bool {
	if len(per.roles) == 0 || desc.former || !genericHeads[lastWord(desc.role)] {
		return false
	}
	r := per.roles[0]
	if r.former || r.weakness() > 0 || speaksFor(r.role) || slices.ContainsFunc(strings.Fields(r.role), func(w string) bool { return lowercase.Get(servingWords, w) }) {
		return false
	}
	return countriesAgree(r, desc)
}

// genericHeads are the titles that say someone heads a body without its
// post's name; servingWords make a title one that serves another's.
var (
	genericHeads = toSet(`Head Chief Leader`)
	servingWords = toSet(`deputy vice assistant aide adviser advisor spokesman spokeswoman spokesperson secretary under-secretary undersecretary associate junior`)
)

// pronounOwner returns the mention that "his" or "her" before the phrase
// at tok refers to when the phrase's sentence opens with "He" or "She"
// ("He met his counterpart"): the subject of the sentence before
// (sentenceSubject); -1 for any other.
func pronounOwner(rr *roleReader, tok int, before func(int) iter.Seq[int]) int {
	d := rr.d
	s := d.Sentences[d.Tokens[tok].Sentence]
	// ("She met his counterpart": "his" is someone else's.)
	owns := func(k int) bool {
		return k >= 0 && possessiveOf(d.Tokens[s.FirstToken].Text) == strings.ToLower(d.Tokens[k].Text)
	}
	if !owns(tok) && !owns(tok-1) {
		return -1
	}
	var mentions []int // of the sentence before, nearest first
	for m := range before(s.FirstToken) {
		if d.Tokens[m].Sentence != d.Tokens[tok].Sentence-1 {
			break
		}
		mentions = append(mentions, m)
	}
	if len(mentions) == 0 {
		return -1
	}
	return sentenceSubject(rr, mentions)
}

// groupTitleBefore returns the title, in the singular, of the group that
// "their" before the phrase at tok refers to: the nearest plural title
// in its sentence or the one before, or a fuller one of the same post
// ("Foreign ministers met ... The ministers ... their counterpart" is a
// Foreign Minister); "" when "their" is not there or no such title is.
func groupTitleBefore(rr *roleReader, tok int) string {
	d := rr.d
	if !strings.EqualFold(d.Tokens[tok].Text, "their") && (tok == 0 || !strings.EqualFold(d.Tokens[tok-1].Text, "their")) {
		return ""
	}
	si := d.Tokens[tok].Sentence
	lo := d.Sentences[max(0, si-1)].FirstToken
	group := ""
	for k := tok - 1; k >= lo; k-- {
		// (The same group named more fully is that group: "finance
		// ministers ... the ministers".)
		if ta := rr.title(k); ta.N > 0 && ta.Plural && !ta.Professional && (group == "" || fullerTitle(ta.Canonical, group)) {
			group = ta.Canonical
		}
	}
	return group
}

// possessiveOf is the possessive of a subject pronoun "he" or "she"; ""
// for any other word.
func possessiveOf(w string) string {
	switch strings.ToLower(w) {
	case "he":
		return "his"
	case "she":
		return "her"
	}
	return ""
}

// weaklyTitled reports whether per's first role is a weak title
// ("Senior Official", weakness) that a post of the same country, or of
// none, may stand for.
func weaklyTitled(per *person, desc roleFact) bool {
	if len(per.roles) == 0 || desc.weakness() > 0 {
		return false
	}
	r := per.roles[0]
	return r.weakness() > 0 && !r.former && countriesAgree(r, desc)
}

// countriesAgree reports whether two role facts may be one post's: their
// countries are the same, or one has none.
func countriesAgree(a, b roleFact) bool {
	return a.country == "" || b.country == "" || a.country == b.country
}

// speaksFor reports whether a title is a spokesperson's.
func speaksFor(role string) bool { return lastWord(normalRole(role)) == "Spokesperson" }

// sameTitle reports whether two titles can name one post: the words of one
// are all in the other, and what the other adds is no other office
// ("Minister" and "Foreign Minister", not "Prime Minister" and "Foreign
// Minister", nor "Culture Secretary" and "Shadow Culture Secretary").
func sameTitle(a, b string) bool {
	a, b = strings.ToLower(strings.TrimPrefix(a, "Former ")), strings.ToLower(strings.TrimPrefix(b, "Former "))
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	for _, w := range wa {
		if !slices.Contains(wb, w) {
			return false
		}
	}
	for _, w := range wb {
		if otherOffice[w] && !slices.Contains(wa, w) {
			return false
		}
	}
	return true
}

// otherOffice are the words that make a title another office than the
// same title without them.
var otherOffice = toSet(`shadow deputy vice assistant associate under junior`)

// namedInSentence reports whether per is mentioned in sentence sent.
func namedInSentence(rr *roleReader, byMention map[int]*person, sent int, per *person) bool {
	s := rr.d.Sentences[sent]
	for i := s.FirstToken; i < s.EndToken; i++ {
		if rr.persons[i] > 0 && byMention[i] == per {
			return true
		}
	}
	return false
}

// namedNext returns the speaker of the sentence after sent when sent names
// nobody but in what the description from token descStart to descEnd says,
// before or after it (a description that need not speak says only what
// a comma sets before it: "..., its chairman has said"), and
// the two are in one paragraph or the second opens the next: the person a
// lede's description introduces ("The agency's spokesman said X had
// resigned. '...,' Y said." is Y). It is -1 when there is none.
func namedNext(rr *roleReader, sent, descStart, descEnd int, speaks bool) int {
	d := rr.d
	if sent+1 >= len(d.Sentences) || d.Sentences[sent+1].Paragraph > d.Sentences[sent].Paragraph+1 {
		return -1
	}
	s, next := d.Sentences[sent], d.Sentences[sent+1]
	// "..., the union's secretary said": what comes before the comma
	// is what the description says.
	from := s.FirstToken
	for i := descStart - 1; descStart > s.FirstToken && i >= s.FirstToken && rr.persons[i] == 0 && !finiteVerb(d.Tokens[i].Tag); i-- {
		if rr.lower[i] == "," {
			from = descStart
			break
		}
	}
	if from != descStart && !speaks {
		descEnd = -1
	}
	reported := false // past the description's speech verb
	for i := from; i < s.EndToken; i++ {
		if descEnd >= 0 && i >= descEnd && i <= descEnd+1 && rr.is(i, rr.p.rules.say) {
			reported = true
		}
		if rr.persons[i] > 0 && !reported {
			return -1
		}
	}
	var mentions []int // nearest to the sentence's end first, as sentenceSubject reads them
	for i := next.EndToken - 1; i >= next.FirstToken; i-- {
		if rr.persons[i] > 0 {
			mentions = append(mentions, i)
		}
	}
	if len(mentions) == 0 {
		return -1
	}
	// A heading's description is the subject of the story's first
	// sentence: "Mining minister quits ... Ana Ruiz resigned on Monday".
	if p := s.Paragraph; p < len(d.Paragraphs) && d.Paragraphs[p].Kind == pipeline.Heading {
		// (Nor a name in a phrase after a preposition that no comma
		// closes: "The minister at the centre of the Ana Ruiz row says".)
		first := mentions[len(mentions)-1]
		inPhrase := false
		for i := next.FirstToken; i < first; i++ {
			if finiteVerb(d.Tokens[i].Tag) {
				return -1
			}
			inPhrase = d.Tokens[i].Tag == "IN" || inPhrase && rr.lower[i] != ","
		}
		if inPhrase {
			return -1
		}
		// ("Harry Potter director Ana Ruiz has ...": a name that modifies
		// a title before another's is no subject.)
		for i := rr.persons[first]; i < next.EndToken && i < rr.persons[first]+4 && !finiteVerb(d.Tokens[i].Tag); i++ {
			if rr.persons[i] > 0 {
				return -1
			}
		}
		return first
	}
	// So is the story's first sentence of the one its second opens with:
	// "New rules were set out by the justice minister. Lord Hale
	// wants ...".
	if first := mentions[len(mentions)-1]; firstOfBody(d, sent) && opens(rr, first) {
		return first
	}
	return speaker(rr, mentions)
}

// firstOfBody reports whether sentence si opens the first paragraph that
// is no heading.
// describedBefore reports whether a word for a person stands right
// before the name at token k: "Exporter X", "farmer X".
func describedBefore(d *pipeline.Doc, k int) bool {
	return k > 0 && d.Tokens[k-1].Sentence == d.Tokens[k].Sentence && lowercase.Get(personalDescriptors, d.Tokens[k-1].Text)
}

// nounOwned reports whether a post's evidence gives it to a body that a
// common noun names: "the conference's president", "the panel's chair";
// not a country's ("the country's president") nor a government's.
func nounOwned(ev *pipeline.Span) bool {
	if ev == nil {
		return false
	}
	w := strings.Fields(ev.Text)
	if len(w) < 3 || !strings.EqualFold(w[0], "the") {
		return false
	}
	owner := trimPossessive(w[1])
	return owner != w[1] && startsLower(owner) && !countryNouns[owner] && owner != "government" && owner != "state"
}

func firstOfBody(d *pipeline.Doc, si int) bool {
	p := d.Sentences[si].Paragraph
	if d.Paragraphs[p].Kind == pipeline.Heading || si > 0 && d.Sentences[si-1].Paragraph == p {
		return false
	}
	for _, q := range d.Paragraphs[:p] {
		if q.Kind != pipeline.Heading {
			return false
		}
	}
	return true
}

// opens reports whether the mention at tok is its sentence's subject at
// its start: past titles of address ("Lord Hale wants") and an opening
// phrase ("Speaking in Lima, Ana Ruiz denied"), not owning what follows.
func opens(rr *roleReader, tok int) bool {
	start := rr.d.Sentences[rr.d.Tokens[tok].Sentence].FirstToken
	for tok > start && rr.is(tok-1, honorificClass) {
		tok--
	}
	// ("Ana Ruiz's talks": a name that owns what follows is no subject.)
	if end := rr.persons[tok]; end > 0 && end < len(rr.lower) && isPossessive(rr.lower[end]) {
		return false
	}
	// ("Speaking to state television, Ana Ruiz denied ...": an opening
	// phrase with no verb of its own nor a name stands before the subject.)
	if tok-1 > start && rr.lower[tok-1] == "," {
		for k := start; k < tok-1; k++ {
			if finiteVerb(rr.d.Tokens[k].Tag) || rr.persons[k] > 0 || rr.lower[k] == "," || isQuote(rr.lower[k]) {
				return false
			}
		}
		return true
	}
	return tok == start
}

// sentenceSubject returns the mention among mentions (nearest first) that
// is the subject of the nearest one's sentence: a speaker ("A has failed,
// B said"; "said B"), else the last before its first finite verb ("After
// meeting A, B told C ..." is B). It is -1 when there is none.
func sentenceSubject(rr *roleReader, mentions []int) int {
	d := rr.d
	in := inSentence(rr, mentions, false)
	if tok := speakerOf(rr, in); tok >= 0 {
		return tok
	}
	if describedSubject(d, mentions[0]) {
		return -1
	}
	s := d.Sentences[d.Tokens[mentions[0]].Sentence]
	verb := s.FirstToken
	for verb < s.EndToken && !finiteVerb(d.Tokens[verb].Tag) {
		verb++
	}
	// With no finite verb tagged ("But A, for the party, attacked/JJ
	// ..."), only a name that opens the sentence is its subject.
	if verb == s.EndToken && len(in) > 0 {
		m := in[len(in)-1]
		k := m.prev // the word before the name and its titles of address
		if k >= s.FirstToken && rr.is(k, honorificClass) {
			k--
		}
		if k < s.FirstToken || k == s.FirstToken && d.Tokens[k].Tag == "CC" {
			return m.tok
		}
		return -1
	}
	for _, m := range in {
		if m.tok < verb {
			// ("A and B spoke", "Talks between A and B ended. The minister
			// said": which of the two, the text does not say.)
			if j := slices.Index(mentions, m.tok); j+1 < len(mentions) && coordinated(rr, mentions[j:j+2]) {
				return -1
			}
			return m.tok
		}
	}
	// "The star of the show is A": a name right after "is" is what the
	// subject describes (not "is A's plan").
	if copulas[rr.lower[verb]] {
		for _, m := range in {
			if m.prev == verb {
				if end := rr.persons[m.tok]; end < s.EndToken && isPossessive(d.Tokens[end].Text) {
					return -1
				}
				return m.tok
			}
		}
	}
	return -1
}

// copulas are the finite forms of "be".
var copulas = toSet(`is was are were`)

// describedSubject reports whether the clause of the mention at tok has a
// description for its subject after the mention: "Asked about A and B,
// the president denied ...".
func describedSubject(d *pipeline.Doc, tok int) bool {
	s := d.Sentences[d.Tokens[tok].Sentence]
	comma := -1
	for k := tok + 1; k < s.EndToken; k++ {
		switch t := d.Tokens[k]; {
		case finiteVerb(t.Tag):
			return comma > 0 && (strings.EqualFold(d.Tokens[comma+1].Text, "the") || strings.EqualFold(d.Tokens[comma+1].Text, "a"))
		case t.Text == ",":
			comma = k
		}
	}
	return false
}

// speaker returns the mention among mentions (nearest first) that is the
// speaker of the nearest one's sentence or of a clause in it ("A said",
// "said A", "reported that A said"), or -1.
func speaker(rr *roleReader, mentions []int) int {
	return speakerOf(rr, inSentence(rr, mentions, true))
}

// complementizers open a clause whose subject may follow them, though
// taggers mark them as prepositions: "reported that A said".
var complementizers = toSet(`that whether if because although though unless`)

// sentenceMention is a mention that may be its sentence's subject, and the
// word before it, past titles of address.
type sentenceMention struct{ tok, prev int }

// inSentence returns the mentions (nearest first) in the sentence of the
// first, leaving out objects of prepositions: "a spokesman for B said";
// with clauses, not the subjects of clauses after a complementizer
// ("reported that B said").
func inSentence(rr *roleReader, mentions []int, clauses bool) []sentenceMention {
	d := rr.d
	s := d.Sentences[d.Tokens[mentions[0]].Sentence]
	var out []sentenceMention
	for _, tok := range mentions {
		if tok < s.FirstToken {
			break
		}
		prev := tok - 1
		for prev > s.FirstToken && rr.is(prev, honorificClass) {
			prev--
		}
		if prev >= s.FirstToken && (d.Tokens[prev].Tag == "IN" && !(clauses && complementizers[rr.lower[prev]]) || d.Tokens[prev].Tag == "TO") {
			continue
		}
		out = append(out, sentenceMention{tok, prev})
	}
	return out
}

// speakerOf returns the mention that a verb of saying follows ("A said")
// or, inverted, comes after ("..., said A"; not "said A would stay"), or -1.
func speakerOf(rr *roleReader, in []sentenceMention) int {
	d := rr.d
	say := rr.p.rules.say
	for _, m := range in {
		s := d.Sentences[d.Tokens[m.tok].Sentence]
		e, _ := rr.ix.entityAt(m.tok)
		after := rr.ix.tokenEnding(e.End) + 1
		next := after
		if next < s.EndToken && (rr.lower[next] == "has" || rr.lower[next] == "had") {
			next++
		}
		if next > 0 && next < s.EndToken && rr.is(next, say) {
			return m.tok
		}
		// "..., Ana Ruiz will say as she ...": a speech to come.
		if next > 0 && next+1 < s.EndToken && (rr.lower[next] == "will" || rr.lower[next] == "would") && sayBase[rr.lower[next+1]] {
			return m.tok
		}
		// Inverted only where the mention ends its clause: "said A," and
		// "said A on Monday", not "said A would stay" or "said A's plan".
		inverted := m.prev >= s.FirstToken && rr.is(m.prev, say) && !addressVerbs[rr.lower[m.prev]]
		if inverted && (after < 0 || after >= s.EndToken || clauseEnd(d.Tokens[after])) {
			return m.tok
		}
	}
	return -1
}

// pronounSubjectsBetween reports whether every sentence after sentence a
// and before sentence b opens with "He" or "She" (at most two): "X said
// ... He added ... The minister also said" keeps speaking of X.
func pronounSubjectsBetween(d *pipeline.Doc, a, b int) bool {
	if b-a > 3 {
		return false
	}
	for s := a + 1; s < b; s++ {
		if w := d.Tokens[d.Sentences[s].FirstToken].Text; w != "He" && w != "She" {
			return false
		}
	}
	return a < b
}

// sayBase are speech verbs after a modal: "X will say", "X would tell".
var sayBase = toSet(`say tell add warn argue insist announce claim urge stress`)

// clauseEnd reports whether a token after a name closes the name's clause:
// punctuation or a preposition that opens an adverbial.
func clauseEnd(t pipeline.Token) bool {
	return t.Tag == "IN" || t.Tag == "TO" || !unicode.IsLetter([]rune(t.Text)[0]) && !isPossessive(t.Text)
}

// introducedUnnamed reports whether a sentence from from to to, the one
// that names someone before a description and those after it, introduces
// someone by the head noun of desc, with no name: "A spokesman for B said
// ... the spokesman said" is that spokesman, "A met the premier. The
// premier said" is the premier A met, and so is "A signed a deal. It came
// after the Chinese premier met traders. The premier said".
func introducedUnnamed(d *pipeline.Doc, from, to int, desc string) bool {
	f := strings.Fields(strings.ToLower(desc))
	if len(f) == 0 {
		return false
	}
	head := f[len(f)-1]
	for si := from; si < to; si++ {
		if introducesUnnamed(d, d.Sentences[si], head) {
			return true
		}
	}
	return false
}

// introducesUnnamed reports whether sentence s introduces someone by the
// post's head noun, with no name (introducedUnnamed).
func introducesUnnamed(d *pipeline.Doc, s pipeline.Sentence, head string) bool {
	for k := s.FirstToken + 1; k < s.EndToken; k++ {
		if !strings.EqualFold(d.Tokens[k].Text, head) {
			continue
		}
		for a := max(s.FirstToken, k-2); a < k; a++ {
			if w := strings.ToLower(d.Tokens[a].Text); w == "a" || w == "an" {
				return true
			}
		}
		// (Not "the premier's office", whose office, nor a word of a
		// name: "of the General Staff".) Up to two words may qualify the
		// post: "met the Croatian president", "the health minister".
		the := k - 1
		for the > s.FirstToken && the >= k-2 && !strings.EqualFold(d.Tokens[the].Text, "the") && qualifiesPost(d.Tokens[the]) {
			the--
		}
		if the-1 >= s.FirstToken && startsLower(d.Tokens[k].Text) && strings.EqualFold(d.Tokens[the].Text, "the") && !(k+1 < s.EndToken && isPossessive(d.Tokens[k+1].Text)) {
			if t := d.Tokens[the-1].Tag; strings.HasPrefix(t, "VB") || t == "IN" || t == "TO" {
				return true
			}
		}
	}
	return false
}

// qualifiesPost reports whether a token can stand between "the" and a
// post's noun: a lowercase adjective or noun, or an adjective of a
// country ("Croatian").
func qualifiesPost(t pipeline.Token) bool {
	return startsLower(t.Text) && (strings.HasPrefix(t.Tag, "JJ") || strings.HasPrefix(t.Tag, "NN")) || isCapitalized(t.Text) && (t.Tag == "JJ" || t.Tag == "NNP")
}

// addressVerbs are verbs of saying whose object is who is spoken to: "told
// B" is no inverted "said B".
var addressVerbs = toSet(`told asked urged answered`)

// afterAccordingTo reports whether the mention at token i is the source in
// "according to (Mr) X", who is not the one the sentence describes.
func afterAccordingTo(d *pipeline.Doc, i int) bool {
	k := i - 1
	for k >= 0 && lowercase.Get(honorifics, d.Tokens[k].Text) {
		k--
	}
	return k >= 1 && strings.EqualFold(d.Tokens[k].Text, "to") && strings.EqualFold(d.Tokens[k-1].Text, "according")
}

// inOpeningPhrase reports whether token i stands in a phrase that opens
// its sentence before a comma and the clause whose subject starts at token
// subj: the person in "After talks with X, the minister said" is not the
// minister.
func inOpeningPhrase(d *pipeline.Doc, i, subj int) bool {
	s := d.Sentences[d.Tokens[i].Sentence]
	if subj <= i || subj >= s.EndToken {
		return false
	}
	return slices.ContainsFunc(openingPhraseCommas(d, s.FirstToken, subj), func(c int) bool { return c > i })
}

// insideQuote reports whether token i stands between quotation marks: a
// name a speaker mentions, not the speaker. quoted says which sentences
// open inside a quotation (quotedAtStart).
func insideQuote(d *pipeline.Doc, quoted []bool, i int) bool {
	si := d.Tokens[i].Sentence
	s := d.Sentences[si]
	open := quoted[si]
	for k := s.FirstToken; k < i; k++ {
		open = quoteState(open, d.Tokens[k].Text)
	}
	return open
}

// quotedAtStart reports, for each sentence, whether it opens inside a
// quotation that an earlier sentence of its paragraph opened: the second
// sentence of "'Our members kept going. They will not accept it,' Ms Holt
// said" ends the quotation at its mark, where it opens none. A sentence
// that opens with a quotation mark opens a new one, as a quotation
// resumed after one left unclosed does.
func quotedAtStart(d *pipeline.Doc) []bool {
	out := make([]bool, len(d.Sentences))
	open := false
	for si, s := range d.Sentences {
		if si == 0 || s.Paragraph != d.Sentences[si-1].Paragraph || s.FirstToken < s.EndToken && isQuote(d.Tokens[s.FirstToken].Text) {
			open = false
		}
		out[si] = open
		for k := s.FirstToken; k < s.EndToken; k++ {
			open = quoteState(open, d.Tokens[k].Text)
		}
	}
	return out
}

// quoteState is whether a quotation is open after the token w, given
// whether one was open before it.
func quoteState(open bool, w string) bool {
	switch w {
	case "“":
		return true
	case "”":
		return false
	case "\"", "``", "''":
		return !open
	}
	return open
}

// definedBody is a body's name that a document gives in full before the
// abbreviation it then uses, with the country a possessive gives it.
type definedBody struct{ name, country string }

// definedBodies maps the abbreviations a document defines in brackets
// after a body's name, and that name, to the body: "Chile's National
// Audit Commission (NAC)".
func (p *Participants) definedBodies(d *pipeline.Doc, ix *tokenIndex) map[string]definedBody {
	var out map[string]definedBody
	for _, e := range d.Entities {
		if e.Label != pipeline.Org {
			continue
		}
		i, k := ix.token(e.Start), ix.tokenEnding(e.End)+1
		if i < 0 || k <= 0 || k+2 >= len(d.Tokens) || d.Tokens[k].Text != "(" || d.Tokens[k+2].Text != ")" || !isAllCaps(d.Tokens[k+1].Text) {
			continue
		}
		b := definedBody{name: e.Canonical}
		if i >= 2 && isPossessive(d.Tokens[i-1].Text) {
			if c, ok := ix.entityEndingAt(i - 2); ok {
				b.country = p.countryOf(c)
			}
		}
		if out == nil {
			out = map[string]definedBody{}
		}
		out[d.Tokens[k+1].Text] = b
		out[e.Canonical] = b // (the name in full, as participants give it)
	}
	return out
}

// stateBodyHeads are the head nouns of the bodies of a state.
var stateBodyHeads = toSet(`House Senate Parliament Congress Assembly Ministry Department Police Army Navy Force
Forces Court Agency Institute Institutes Service Office Commission Bureau Administration Treasury Cabinet
Government Guard Embassy Authority Command Organisation Organization System`)

// nationalBody returns the country whose name or demonym opens the name of
// a state body ("Chilean Navy", "Kenyan Wildlife Service"), or "".
func (p *Participants) nationalBody(org string) string {
	words, head, of, state := stateBodyHead(org)
	if !state {
		return p.stateBodyCountry(org)
	}
	for n := min(3, head); n >= 1; n-- {
		if c := p.countryNamed(strings.Join(words[:n], " ")); c != "" {
			return c
		}
	}
	// "the Ports Authority of Ghana"
	if of > 0 {
		rest := words[of+1:]
		if len(rest) > 0 && rest[0] == "the" {
			rest = rest[1:]
		}
		return p.countryNamed(strings.Join(rest, " "))
	}
	return ""
}

// partyCountry returns the country of a party the gazetteer knows by this
// name, or "".
func (p *Participants) partyCountry(org string) string {
	if !partyName(org) {
		return ""
	}
	e, _ := p.knownBody(org, func(e gazetteer.Entry) bool { return e.Country != "" })
	return e.Country
}

// knownBody returns the first body the gazetteer knows by this name that
// keep accepts.
func (p *Participants) knownBody(org string, keep func(gazetteer.Entry) bool) (gazetteer.Entry, bool) {
	for _, e := range p.gaz.Lookup(org) {
		if e.Kind == gazetteer.Org && keep(e) {
			return e, true
		}
	}
	return gazetteer.Entry{}, false
}

// placelessStateBody reports whether a body is one of a state's by its
// head and names no state: "Parliament", "the High Court".
func (p *Participants) placelessStateBody(org string) bool {
	_, _, _, state := stateBodyHead(org)
	return state && p.nationalBody(org) == "" && !p.gaz.InternationalBody(org)
}

// stateBodyHead reads a body's name: its words without "the", the index
// of its head ("Institute" in "Institute of Allergy"), of its first "of"
// (or -1), and whether the head is one of a state's bodies. A central bank
// is the state's ("the Reserve Bank of Malawi"); a bank named after a
// country may be a company.
func stateBodyHead(org string) (words []string, head, of int, state bool) {
	words = strings.Fields(org)
	if len(words) > 0 && words[0] == "the" {
		words = words[1:]
	}
	if len(words) > 2 && words[0] == "Royal" {
		words = words[1:] // "Royal Malaysia Police", "Royal Thai Navy"
	}
	head = len(words) - 1
	if of = slices.Index(words, "of"); of > 0 {
		head = of - 1
	}
	if head < 0 {
		return words, head, of, false
	}
	centralBank := head > 0 && words[head] == "Bank" && (words[head-1] == "Reserve" || words[head-1] == "Central")
	return words, head, of, stateBodyHeads[words[head]] || stateOnlyHeads[words[head]] || centralBank
}

// stateOnlyHeads head the names of a state's offices and nothing else's
// ("the National Audit Directorate of Chile"), unlike a council, a board or
// a chamber, which may be a firm's or a city's.
var stateOnlyHeads = toSet(`Directorate Inspectorate Prosecution Presidency Consulate Judiciary Legislature`)

// stateBodyOf returns the country of a body of a state the gazetteer
// knows by this name, or "".
func (p *Participants) stateBodyOf(org string) string {
	e, _ := p.knownBody(org, func(e gazetteer.Entry) bool { return e.State })
	return e.Country
}

// stateBodyCountry returns the country of a body of a state the gazetteer
// knows ("Bank of Japan", "BOJ") whose full name names that country, or "".
func (p *Participants) stateBodyCountry(org string) string {
	e, _ := p.knownBody(org, func(e gazetteer.Entry) bool { return e.State && p.namesItsCountry(e) })
	return e.Country
}

// namesItsCountry reports whether a body's full name names its country.
func (p *Participants) namesItsCountry(e gazetteer.Entry) bool {
	words := strings.Fields(e.Name)
	for i := range words {
		for j := i + 1; j <= len(words) && j <= i+3; j++ {
			if p.countryNamed(strings.Join(words[i:j], " ")) == e.Country {
				return true
			}
		}
	}
	return false
}

// orgForms maps each organisation's canonical name to the fullest form the
// document writes it in: the name a reader of this text knows it by
// ("Lib Dems" is "Liberal Democrats" where the text spells that out), as
// the guidelines give organisations (3.6).
func orgForms(text string, es []pipeline.Entity) map[string]string {
	out := map[string]string{}
	for _, e := range es {
		if e.Label != pipeline.Org {
			continue
		}
		name := e.Text
		if nameArticle(text, e.Start) {
			name = "The " + name
		}
		if cur, ok := out[e.Canonical]; !ok || fuller(name, cur) {
			out[e.Canonical] = name
		}
	}
	// An acronym the text spells out is known by the name in full ("LSE":
	// "London Stock Exchange", "U.N.": "United Nations"), when only one
	// name fits.
	byInitials := map[string][]string{} // the forms by their initials, each as often as out holds it
	for _, f := range slices.Sorted(maps.Values(out)) {
		a := initials(f)
		byInitials[a] = append(byInitials[a], f)
	}
	for key, name := range out {
		a := strings.ReplaceAll(name, ".", "")
		if !isAllCaps(a) || len(a) < 2 {
			continue
		}
		var full []string
		for _, f := range byInitials[a] {
			if f != name {
				full = append(full, f)
			}
		}
		if len(full) == 1 {
			out[key] = full[0]
		}
	}
	// A body is also found by any name the text gives it, as a party's
	// derived name is ("Democratic Party" for the U.S. Democratic Party).
	for _, e := range es {
		if _, ok := out[e.Text]; !ok && e.Label == pipeline.Org && e.Text != e.Canonical {
			out[e.Text] = out[e.Canonical]
		}
	}
	return out
}

// nameArticle reports whether a capitalised "The" inside a sentence stands
// right before offset start: part of the name ("columnist for The Daily Courier"),
// where a sentence's first word says nothing.
func nameArticle(text string, start int) bool {
	before, ok := strings.CutSuffix(text[:start], "The ")
	if !ok {
		return false
	}
	before = strings.TrimRight(before, " ")
	if before == "" {
		return false
	}
	switch before[len(before)-1] {
	case '.', '!', '?', '"', '\n', ':', '(':
		return false
	}
	return !strings.HasSuffix(before, "“") && !strings.HasSuffix(before, "”")
}

// fuller reports whether name a is a fuller form than b: more words, or as
// many with more of them capitalised ("MENA Department", not "MENA
// department"), or else longer words ("Liberal Democrats", not "Lib Dems").
func fuller(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) != len(fb) {
		return len(fa) > len(fb)
	}
	caps := func(ws []string) int {
		n := 0
		for _, w := range ws {
			if isCapitalized(w) {
				n++
			}
		}
		return n
	}
	if ca, cb := caps(fa), caps(fb); ca != cb {
		return ca > cb
	}
	return len(a) > len(b)
}

// unplacedByContext reports whether a role's country is not to be guessed
// from the document's subject: a profession ("lawyer", "economist"), a
// post in a company ("Chief Financial Officer"), a party, a team or a
// faith, which have no country, and a diplomat's or an international
// post, which are as often another country's.
func (p *Participants) unplacedByContext(role string) bool {
	role = strings.TrimPrefix(role, "Former ")
	if strings.HasPrefix(role, "Chief ") && strings.HasSuffix(role, " Officer") {
		return true
	}
	words := strings.Fields(strings.ToLower(role))
	for i, w := range words {
		// ("Deputy Prime Minister": a word that is a profession alone,
		// "his deputy", only modifies before another.)
		modifies := i < len(words)-1 && p.titles.IsModifier(w)
		if unplacedHeads[w] || !modifies && p.titles.MatchPlural([]string{w}, 0).Professional {
			return true
		}
		// ("Ambassador-Designate", "Co-Founder": a head joined to a word
		// about its holder.)
		if strings.Contains(w, "-") && slices.ContainsFunc(strings.Split(w, "-"), func(part string) bool { return unplacedHeads[part] }) {
			return true
		}
	}
	return false
}

var unplacedHeads = toSet(`ceo cfo coo cto manager coach captain skipper selector boss founder owner player striker
midfielder defender goalkeeper pope archbishop cardinal rabbi imam bishop priest chaplain deacon rector vicar pastor
mufti ayatollah mullah maulana prophet professor headteacher headmaster headmistress provost dean ambassador envoy diplomat
consul attache chargé nuncio secretary-general executive party`)

package extract

import (
	"slices"
	"strings"
	"unicode"

	"github.com/readout/readout/gazetteer"
	"github.com/readout/readout/internal/lowercase"
	"github.com/readout/readout/pipeline"
)

// The grammar of a role phrase in English news: what may stand around a
// title and what each part says about the post.
//
//	[the|a|his] [former|then-] [Egypt's|Russian|the Senate|Merkel's]* [portfolio words]* TITLE
//	    [of|for portfolio words] [of|for|at|with|from|to|in the ENTITY ['s ENTITY]]*
//
// "former Idaho governor", "Lib Dem transport spokesman", "England's
// transport secretary", "chief economist for the eurozone at
// Nordbank", "Deputy Prime Minister for the Economy". The constructions in
// participants.yaml say where such a phrase stands relative to a name; this
// file reads the phrase itself.

// rolePhrase is one reading of a role phrase over tokens [start, end).
type rolePhrase struct {
	start, end int
	titleStart int // first token of the title proper
	match      gazetteer.TitleMatch
	mods       []int  // modifier tokens, right to left ("press" in "press officer")
	portfolio  [2]int // "for Pacific Affairs": its first and end tokens, when there is one
	fixed      string // a title a rule gives by itself ("who heads": Head)
	former     bool
	countries  []string // ISO codes, in order ("his Ugandan and Kenyan counterparts")
	org        string
	// party is the party an adjective names before the title; it is org
	// until the complement names a body, the post's ("the Democratic
	// chair of the Finance Committee").
	party string
	owner string // a person whose office this one hangs on ("the chancellor's spokesperson")
	// ownTitle is the owner's own title when the phrase holds it
	// ("Senator Lane's spokeswoman"), and ownerAt the owner's first token.
	ownTitle *rolePhrase
	ownerAt  int
	office   string // the title of an office named before that the post hangs on ("the prime minister's spokesman")
	// servesPosted says the post serves the holder of a posted title
	// ("an aide to the ambassador"), so "in Lima" is where that holder
	// serves, not the post's country.
	servesPosted bool
	tied         bool // a body or a person is named with the title
}

func (r rolePhrase) country() string {
	if len(r.countries) == 0 {
		return ""
	}
	return r.countries[0]
}

// roleReader reads role phrases in one document. Its per-token arrays
// are reused from document to document (see scratch).
type roleReader struct {
	p       *Participants
	d       *pipeline.Doc
	ix      *tokenIndex
	persons []int // by token: the end (exclusive) of the person mention starting there, or 0
	lower   []string
	classes []uint64 // by token: its word classes (participants.yaml), one bit each
	lits    []uint16 // by token: its number among the words patterns name, or 0
	ready   []bool   // by sentence: lower, classes and lits are filled
	// By token, each read on first use: the title there (an index into
	// found, plus one; -1 for none), whether a role phrase may start
	// there (1 yes, -1 no), and the phrases that do (an index into
	// startLists, plus one).
	title1     []int32
	open       []int8
	start1     []int32
	found      []gazetteer.TitleMatch
	startLists [][]rolePhrase
	texts      map[[3]int]string     // titles as written, by title, phrase start and portfolio end
	words      map[string]cachedWord // by the word as written, across documents
}

// reset readies r for document d, growing its arrays as needed.
func (r *roleReader) reset(p *Participants, d *pipeline.Doc) {
	n := len(d.Tokens)
	r.p, r.d = p, d
	if r.ix == nil {
		r.ix = &tokenIndex{}
	}
	r.ix.reset(d)
	r.persons = grow(r.persons, n)
	for i, k := range r.ix.entStart {
		if k < 0 {
			continue
		}
		if e := &d.Entities[k]; e.Label == pipeline.Person {
			if j := r.ix.tokenEnding(e.End); j >= 0 {
				r.persons[i] = j + 1
			}
		}
	}
	r.lower = grow(r.lower, n)
	r.classes = grow(r.classes, n)
	r.lits = grow(r.lits, n)
	r.title1 = grow(r.title1, n)
	r.open = grow(r.open, n)
	r.start1 = grow(r.start1, n)
	r.ready = grow(r.ready, len(d.Sentences))
	r.found, r.startLists = r.found[:0], r.startLists[:0]
	clear(r.texts)
}

// insidePerson reports whether token i is inside a person mention, past
// its first word: the "Major" of "John Major" is no title.
func (r *roleReader) insidePerson(i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		if r.persons[k] > i {
			return true
		}
	}
	return false
}

// grow returns s with length n and zero elements, reusing its storage.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// prep fills the lower-case words and word classes of sentence si; the
// reader reads only sentences prepared.
func (r *roleReader) prep(si int) {
	if r.ready[si] {
		return
	}
	r.ready[si] = true
	s := r.d.Sentences[si]
	if r.words == nil || len(r.words) > maxWordCache {
		r.words = make(map[string]cachedWord, 1024)
	}
	for i := s.FirstToken; i < s.EndToken; i++ {
		text := r.d.Tokens[i].Text
		w, ok := r.words[text]
		if !ok {
			text = strings.Clone(text) // not to keep the document alive
			w.lower = strings.ToLower(text)
			if text == "‚" {
				w.lower = "," // a low quote some sites set for a comma
			}
			w.wordInfo = r.p.rules.words.info(w.lower)
			if bornWord(w.lower) {
				w.classes |= bornClass
			}
			r.words[text] = w
		}
		r.lower[i], r.classes[i], r.lits[i] = w.lower, uint64(w.classes), w.lit
	}
}

// cachedWord is what prep knows of a word as written.
type cachedWord struct {
	lower string
	wordInfo
}

// maxWordCache bounds the words a reader remembers across documents.
const maxWordCache = 1 << 16

// honorificClass marks titles of address ("Mr", "Lord"), titleOpenClass
// the words a title may start with, partyClass the first words of party
// names, groupClass the nouns of delegations, officeClass the head words
// of offices one person holds and bornClass the words that say where
// someone was born ("Jamaican-born"), which the rules file does not list:
// the top bits, above its own classes.
const (
	honorificClass wordClass = 1 << 63
	titleOpenClass wordClass = 1 << 62
	partyClass     wordClass = 1 << 61
	groupClass     wordClass = 1 << 60 // groupNouns
	officeClass    wordClass = 1 << 59 // officeHeads
	bornClass      wordClass = 1 << 58 // bornWord
)

// is reports whether token i is a word of class c.
func (r *roleReader) is(i int, c wordClass) bool { return r.classes[i]&uint64(c) != 0 }

// modifiesNext reports whether token i stands before a word it may
// modify, a common noun or an adjective: "a major bank", "the general
// public", not "an army general, Tom Hale".
func (r *roleReader) modifiesNext(i int) bool {
	if i+1 >= len(r.d.Tokens) {
		return false
	}
	n := r.d.Tokens[i+1]
	return (strings.HasPrefix(n.Tag, "NN") || strings.HasPrefix(n.Tag, "JJ")) && !isCapitalized(n.Text) || isCapitalized(r.d.Tokens[i].Text) && isCapitalized(n.Text)
}

// modals are the verbs before a bare infinitive: "will host".
var modals = toSet(`will would can could may might must shall should`)

// rankAdjectives are ranks in capitals and adjectives in lower case: "a
// major bank", "the general public".
var rankAdjectives = toSet(`major general private`)

func rankAdjective(w string) bool { return rankAdjectives[w] }

// titleTag reports whether a word with this part-of-speech tag can open a
// title: nouns, adjectives ("deputy", "acting"), participles ("managing").
func titleTag(tag string) bool {
	return tag == "" || strings.HasPrefix(tag, "NN") || strings.HasPrefix(tag, "JJ") || strings.HasPrefix(tag, "VB") || tag == "FW" || tag == "RB"
}

// title returns the title match at token i; past the document's last
// token there is none.
func (r *roleReader) title(i int) gazetteer.TitleMatch {
	if i < 0 || i >= len(r.title1) {
		return gazetteer.TitleMatch{}
	}
	if r.title1[i] == 0 {
		r.title1[i] = -1
		si := r.d.Tokens[i].Sentence
		r.prep(si)
		// "former" is read by the grammar, not as a title word; a title
		// inside a body's name ("House of Representatives") names the body.
		opens := r.is(i, titleOpenClass) || strings.ContainsRune(r.lower[i], '-') || r.p.titles.ProfessionalWord(r.lower[i])
		// ("Under Secretary", "the under secretary of state": a
		// preposition in capitals may open one, and "under" before a
		// word in lower case; not "under Secretary of State X".)
		tagOK := titleTag(r.d.Tokens[i].Tag) || r.d.Tokens[i].Tag == "IN" && (isCapitalized(r.d.Tokens[i].Text) ||
			r.lower[i] == "under" && i+1 < len(r.lower) && !isCapitalized(r.d.Tokens[i+1].Text))
		// ("at 5 PM": a time, not a prime minister.)
		clock := r.lower[i] == "pm" && i > 0 && r.d.Tokens[i-1].Tag == "CD"
		// ("will host the talks": a verb. After "to" a word may be either:
		// "named X to head the unit", "indebted to skipper X".)
		verb := i > 0 && !isCapitalized(r.d.Tokens[i].Text) && modals[r.lower[i-1]]
		if opens && !clock && !verb && !r.is(i, r.p.rules.former) && tagOK && !(rankAdjective(r.d.Tokens[i].Text) && r.modifiesNext(i)) && !r.insidePerson(i) {
			s := r.d.Sentences[si]
			m := r.p.titles.MatchPlural(r.lower[s.FirstToken:s.EndToken], i-s.FirstToken)
			// "governor of the Central Bank of Kenya": a title ends before
			// a name it would cut (a portfolio's name it may end in).
			if k := r.nameRunsOn(i, i+m.N); k > i && !r.p.titles.IsPortfolio(r.lower[i+m.N-1]) {
				m = r.p.titles.MatchPlural(r.lower[s.FirstToken:k], i-s.FirstToken)
			}
			// "leader of the opposition | Socialist Party": a scope word
			// before a name in capitals is the name's adjective.
			if e := i + m.N; m.N > 1 && e < s.EndToken && r.is(e-1, r.p.rules.scope) && isCapitalized(r.d.Tokens[e].Text) && r.persons[e] == 0 {
				m = r.p.titles.MatchPlural(r.lower[s.FirstToken:e-1], i-s.FirstToken)
			}
			if one, ok := r.rankHeadsPost(i); ok && m.N > 1 {
				m = one
			}
			// A modifier that is also a profession ("assistant", "deputy")
			// modifies when written in capitals or before a title:
			// "Assistant Roads Minister", "deputy party Chairman", not "his
			// assistant" or "her deputy Ann Holt".
			if m.N == 1 && m.Professional && r.p.titles.IsModifier(r.lower[i]) && (isCapitalized(r.d.Tokens[i].Text) || r.titleFollows(i)) {
				m = gazetteer.TitleMatch{}
			}
			// "a keynote speaker at a rally": one who speaks, where
			// "the Speaker" or "a former speaker of the house" holds a
			// chamber's chair.
			if m.N == 1 && r.d.Tokens[i].Text == "speaker" && r.indefinite(i) && (i+1 >= len(r.lower) || r.lower[i+1] != "of") {
				m = gazetteer.TitleMatch{}
			}
			if m.N > 0 && !r.insideName(i, i+m.N) {
				r.found = append(r.found, m)
				r.title1[i] = int32(len(r.found))
			}
		}
	}
	if r.title1[i] < 0 {
		return gazetteer.TitleMatch{}
	}
	return r.found[r.title1[i]-1]
}

// indefinite reports whether "a" or "an" opens the noun phrase that token
// i ends, over up to two words before it: "a keynote speaker".
func (r *roleReader) indefinite(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch tag := r.d.Tokens[k].Tag; {
		case r.lower[k] == "a" || r.lower[k] == "an":
			return true
		case r.is(k, r.p.rules.former):
			return false // ("a former speaker": one who held the chair)
		case !strings.HasPrefix(tag, "JJ") && !strings.HasPrefix(tag, "NN") && tag != "VBN" || isCapitalized(r.d.Tokens[k].Text):
			return false
		}
	}
	return false
}

// titleFollows reports whether a title starts within the next three words
// after token i, inside the noun phrase token i opens ("deputy party
// Chairman", not "assistant to the governor" nor "deputy Ann Holt").
func (r *roleReader) titleFollows(i int) bool {
	end := r.d.Sentences[r.d.Tokens[i].Sentence].EndToken
	for k := i + 1; k < i+4 && k < end; k++ {
		tag := r.d.Tokens[k].Tag
		if r.persons[k] != 0 || !strings.HasPrefix(tag, "NN") && !strings.HasPrefix(tag, "JJ") {
			return false
		}
		if r.title(k).N > 0 {
			return true
		}
	}
	return false
}

// mayStart reports whether a role phrase may start at token k: a title
// within a few words whose qualifiers reach back to k or further.
func (r *roleReader) mayStart(k int) bool {
	if r.open[k] == 0 {
		r.openSentence(r.d.Tokens[k].Sentence)
	}
	return r.open[k] > 0
}

// openSentence fills open for every token of sentence si in one pass over
// its titles.
func (r *roleReader) openSentence(si int) {
	s := r.d.Sentences[si]
	for k := s.FirstToken; k < s.EndToken; k++ {
		r.open[k] = -1
	}
	for t := s.FirstToken; t < s.EndToken; t++ {
		ta := r.title(t)
		if ta.N == 0 {
			continue
		}
		for k := max(r.core(t, ta, s.FirstToken).start, t-maxQualifiers+1); k <= t; k++ {
			r.open[k] = 1
		}
	}
}

// startingAt returns the role phrases that begin at token k, longest
// first. hi is the sentence end.
func (r *roleReader) startingAt(k, hi int) []rolePhrase {
	if !r.mayStart(k) {
		return nil
	}
	if hi != r.d.Sentences[r.d.Tokens[k].Sentence].EndToken {
		return r.readStarts(k, hi)
	}
	if r.start1[k] == 0 {
		r.startLists = append(r.startLists, r.readStarts(k, hi))
		r.start1[k] = int32(len(r.startLists))
	}
	return r.startLists[r.start1[k]-1]
}

// maxQualifiers bounds the words before a title that its phrase may
// open with: "The Republic of Chile's National Institute of Soil and
// Water Science's director" has 13.
const maxQualifiers = 14

// readStarts reads the role phrases that begin at token k, longest first.
func (r *roleReader) readStarts(k, hi int) []rolePhrase {
	// No phrase starts inside a title: "minister" of "prime minister".
	for t := max(r.d.Sentences[r.d.Tokens[k].Sentence].FirstToken, k-4); t < k; t++ {
		if t+r.title(t).N > k {
			return nil
		}
	}
	var out []rolePhrase
	for t := k; t < hi && t < k+maxQualifiers; t++ {
		ta := r.title(t)
		if ta.N == 0 || t+ta.N > hi {
			continue
		}
		ph := r.core(t, ta, k)
		if ph.start != k {
			continue
		}
		out = append(out, r.withComplements(ph, hi)...)
	}
	slices.SortStableFunc(out, func(a, b rolePhrase) int { return b.end - a.end })
	return out
}

// endingAt returns the role phrase that ends right before token e, reading
// no further left than lo.
func (r *roleReader) endingAt(e, lo int) (rolePhrase, bool) {
	for t := max(lo, e-12); t < e; t++ {
		ta := r.title(t)
		if ta.N == 0 || t+ta.N > e {
			continue
		}
		ph := r.core(t, ta, lo)
		for _, c := range r.withComplements(ph, e) {
			if c.end == e {
				return c, true
			}
		}
	}
	return rolePhrase{}, false
}

// nameAfter reports whether a person's name starts at token k and ends
// its name: "Attorney Rosa Mauss said", not "Dean Witter Reynolds Inc".
func (r *roleReader) nameAfter(k int) bool {
	if k >= len(r.persons) || r.persons[k] <= 0 {
		return false
	}
	end := r.persons[k]
	return end >= len(r.d.Tokens) || r.d.Tokens[end].Sentence != r.d.Tokens[k].Sentence || !isCapitalized(r.d.Tokens[end].Text)
}

// bodyPreps introduce the body someone works for or at.
var bodyPreps = toSet(`with at of for from by`)

// formalCapital reports whether token k is capitalised where running
// text would not capitalise it: not the sentence's first word, nor in a
// heading or a line in title case, nor after a quotation mark opens.
func (r *roleReader) formalCapital(k int) bool {
	tok := r.d.Tokens[k]
	s := r.d.Sentences[tok.Sentence]
	if !isCapitalized(tok.Text) || isAllCaps(tok.Text) || k == s.FirstToken || isQuote(r.d.Tokens[k-1].Text) {
		return false
	}
	if s.Paragraph < len(r.d.Paragraphs) && r.d.Paragraphs[s.Paragraph].Kind != pipeline.TextPara {
		return false
	}
	return !titleCase(tokenTexts(r.d.Tokens[s.FirstToken:s.EndToken]))
}

// courtesyTitles are the titles of address that open no post's name.
var courtesyTitles = toSet(`mr mr. mrs mrs. ms ms. miss mister madam madame`)

// core reads the title at token t and what qualifies it on the left, no
// further than lo.
func (r *roleReader) core(t int, ta gazetteer.TitleMatch, lo int) rolePhrase {
	ph := rolePhrase{start: t, titleStart: t, end: t + ta.N, match: ta}
	// "Pope Emeritus": retired from the post, a former holder.
	ph.former = ta.N > 1 && r.lower[t+ta.N-1] == "emeritus"
	// "said US Attorney Rosa Mauss": news capitalises a profession's word
	// inside a sentence only as a formal title before a name, which is a
	// post (a body's name may open with such a word: "analyst with Dean
	// Witter Reynolds").
	ph.tied = ta.Professional && !ta.Plural && r.nameAfter(t+ta.N) && (t == 0 || !bodyPreps[r.lower[t-1]]) && r.formalCapital(t+ta.N-1)
	c := r.p.rules
	var mods []int
	qualified := false
	described := false // a word about the holder stands before the title
	j := t - 1
loop:
	for j >= lo {
		// A body's abbreviation in brackets stands between it and the
		// title: "Electoral Commission of Malawi (MEC) chairperson".
		if j-3 >= lo && r.abbreviationAt(j-2) {
			if _, ok := r.ix.entityEndingAt(j - 3); ok {
				j -= 3
			}
		}
		tok := r.d.Tokens[j]
		lw := r.lower[j]
		// ("Mr Justice X", "Mr President": a title of address right
		// before the title is no part of the post.)
		if j == t-1 && courtesyTitles[lw] {
			break
		}
		if e, ok := r.ix.entityEndingAt(j); ok {
			es := r.ix.token(e.Start)
			if es < lo {
				break
			}
			joined := len(mods) > 0 && coordinator(r.lower[mods[len(mods)-1]]) // "Fuel | and Energy Minister"
			switch c := r.p.countryOf(e); {
			case es < j && compassPoints[r.d.Tokens[j].Text] && r.p.rules.memberTitle(ta.Canonical):
				// "the Leeds North MP": a seat's name, whatever the tagger
				// took it for, qualifies the post and names no body.
				ph.start = es
				qualified = true
				j = es - 1
				continue
			case c != "" && !(e.Subtype == gazetteer.City && (ta.Professional || localTitle(ta.Canonical))):
				// (A capital before a professional title is a beat: "the
				// BBC's Moscow correspondent"; before a city's office, the
				// city's: "the Lima mayor".)
				ph.countries = append([]string{c}, ph.countries...)
				// "Egypt's chief archaeologist": a country that owns the
				// post employs its holder (not "one of Italy's leading
				// economists", who is eminent).
				if j+1 < t && isPossessive(r.lower[j+1]) && !ta.Plural && !described && !slices.ContainsFunc(r.lower[j+1:t+ta.N], func(w string) bool { return eminence[w] }) {
					ph.tied = true
				}
			case portfolioPlace(e) && !qualified:
				// "Shadow Europe Minister", "Africa minister": a portfolio.
				for k := j; k >= es && len(mods) < 3; k-- {
					mods = append(mods, k)
				}
				ph.start = es
				j = es - 1
				continue
			case e.Label == pipeline.Org && !joined && !qualified && es < j && len(mods) < 4 && r.p.countryNamed(r.d.Tokens[es].Text) != "" && r.portfolioName(es+1, j, ta, mods):
				// "U.S. Treasury Secretary": the tagger's body is a
				// country and the minister's portfolio.
				for k := j; k > es; k-- {
					mods = append(mods, k)
				}
				ph.countries = append([]string{r.p.countryNamed(r.d.Tokens[es].Text)}, ph.countries...)
				qualified = true
				ph.start = es
				j = es - 1
				continue
			case (e.Label == pipeline.Org || joined && e.Label == pipeline.Place) && !qualified && (len(mods) < 4 || joined && len(mods) < 6) && r.portfolioName(es, j, ta, mods):
				// "Water Resources Minister", "Fuel and Energy Minister":
				// what the tagger took for a body or a place is the
				// minister's portfolio.
				for k := j; k >= es; k-- {
					mods = append(mods, k)
				}
				ph.start = es
				j = es - 1
				continue
			case joined:
				// "Humanitarian Affairs | and Relief Coordinator": a body
				// or place is no part of a portfolio.
				break loop
			case e.Label == pipeline.Place:
				// A state, province or city qualifies the post: read on.
			case e.Label == pipeline.Org && es == j && j+1 == t && e.Source == pipeline.SourceModel && !qualified && r.titleWordInCaps(j) &&
				isCapitalized(r.d.Tokens[t].Text):
				// "Presidential Spokesman", "Regional Governor": one word
				// the tagger took for a body is a word of the title in
				// capitals (not "City boss", a club's).
				mods = append(mods, j)
				ph.start = j
				j--
				continue
			case e.Label == pipeline.Org:
				if ph.org == "" {
					ph.org = e.Canonical
					// "Conservative MP": a party adjective names the party;
					// before a chamber it is the holder's party ("the
					// Republican Senate leader": the Senate's).
					if party, n := r.p.rules.partyAt(r.d.Tokens, j); n == j-es+1 {
						ph.org, ph.party = party, party
					} else if party, n := r.p.rules.partyFrom(r.d.Tokens, es, j+1); n > 0 && es+n <= j {
						if chamber := r.d.Text[r.d.Tokens[es+n].Start:e.End]; r.p.rules.members[chamber] != "" {
							ph.org, ph.party = chamber, party
						}
					} else if party, n := r.p.rules.partyAt(r.d.Tokens, j); n > 0 && es <= j-n {
						// "the Senate Republican leader": the chamber's, the
						// party's member.
						if chamber := r.d.Text[e.Start:r.d.Tokens[j-n].End]; r.p.rules.members[chamber] != "" {
							ph.org, ph.party = chamber, party
						}
					}
				}
				ph.tied = true
				// "Treasury Secretary", "Labour Minister": a body named by
				// its portfolio is part of a minister's title too (but
				// "Labour leader" leads a party).
				if es == j && j+1 == t && r.p.titles.IsPortfolio(r.lower[j]) && portfolioHead(ta.Canonical) && !qualified {
					mods = append(mods, j)
				}
			case e.Label == pipeline.Person && j+1 == t && es > lo && (r.is(es-1, r.p.rules.determiner) || r.d.Tokens[es-1].Tag == "JJ"):
				// "a top Mensah aide": a name inside a noun phrase is the
				// post's owner, as with "Mensah's aide".
				ph.owner = e.Canonical
				ph.tied = true
			case e.Label == pipeline.Person && j+1 < t && isPossessive(r.d.Tokens[j+1].Text):
				ph.owner = e.Canonical
				ph.tied = true
				// "then-Ohio Governor Tom Hale's deputy chief of
				// staff": the owner's own title belongs to the phrase, and
				// so does its time.
				if own, ok := r.endingAt(es, lo); ok {
					ph.former = ph.former || own.former
					ph.ownTitle, ph.ownerAt = &own, es
					es = own.start
				}
				// "Mr Berg's spokesman": the owner's title of address too.
				for es-1 >= lo && r.is(es-1, honorificClass) {
					es--
				}
			default:
				break loop
			}
			qualified = true
			ph.start = es
			j = es - 1
			// A list of countries: "his Ugandan, Tanzanian and Rwandan
			// counterparts", all named alike before a plural title.
			if j-1 >= lo && (r.lower[j] == "," || r.lower[j] == "and") && ta.Plural {
				// ("Germany's and Austria's interior ministers": each
				// country with its possessive.)
				k := j - 1
				if after := r.ix.tokenEnding(e.End) + 1; k-1 >= lo && isPossessive(r.lower[k]) && after < len(r.lower) && isPossessive(r.lower[after]) {
					k--
				}
				// (Not a capital: "In Lima, Chilean President"; nor a
				// place before a clause: "From Israel, Argentine President".)
				if e2, ok := r.ix.entityEndingAt(k); ok && r.p.countryOf(e2) != "" && e2.Subtype != gazetteer.City && e2.Label == e.Label {
					j = k
				}
			}
			continue
		}
		party, partyWords := r.p.rules.partyAt(r.d.Tokens, j)
		demonym := ""
		if isCapitalized(tok.Text) {
			demonym = r.p.demonymCountry(tok.Text)
		}
		switch {
		case demonym != "":
			// "Israeli army chief X" where a body's name holds the
			// demonym ("Israeli army"): the country, as alone.
			ph.countries = append([]string{demonym}, ph.countries...)
			qualified = true
			ph.start = j
			j--
			continue
		case compassPoints[tok.Text] && j > lo && isCapitalized(r.d.Tokens[j-1].Text) && r.title(j-1).N == 0:
			// "the Leeds North MP": a seat's name, its compass point
			// with it, qualifies the post.
			k := j - 1
			for k > lo && k > j-4 && isCapitalized(r.d.Tokens[k-1].Text) && r.title(k-1).N == 0 && !r.is(k-1, c.determiner) {
				k--
			}
			ph.start = k
			qualified = true
			j = k - 1
			continue
		case qualified && !described && (lw == "senior" || lw == "junior" || r.p.titles.IsModifier(lw) && !r.is(j, c.former)):
			// "a senior Hamas official", "Deputy NATO Commander": the rank
			// stays with the title.
			mods = append(mods, j)
			ph.start = j
			j--
			continue
		case isPossessive(tok.Text) && ministerial(ta) && !qualified && len(mods) == 0 && j-1 >= lo && pluralNoun(r.lower[j-1]) && r.p.titles.IsPortfolio(r.lower[j-1]):
			// "children's minister", "the Veterans' Minister": a
			// portfolio of people, in the possessive.
			mods = append(mods, j, j-1)
			ph.start = j - 1
			j -= 2
			continue
		case isPossessive(tok.Text):
			// After an entity the loop reads it next; after a common noun
			// the post belongs to that noun's referent: "the magazine's
			// editor".
			if _, ok := r.ix.entityEndingAt(j - 1); ok && j-1 >= lo {
				j--
				continue
			}
			// "the Norwegian prime minister's spokesman": the post hangs
			// on an office, and takes the country given for it.
			// ("as chairman from the firm's co-founder": a post taken from
			// someone owns nothing.)
			if own, ok := r.endingAt(j, lo); ok && own.start < j && (own.start == lo || r.is(own.start, c.determiner) || r.is(own.start-1, c.determiner)) && !slices.Contains(r.lower[own.start:j], "from") {
				ph.tied, ph.office = true, own.match.Canonical
				ph.start = own.start
				if own.country() != "" && ph.country() == "" {
					ph.countries = []string{own.country()}
				}
				break loop
			}
			k := j - 1
			for k >= lo && strings.HasPrefix(r.d.Tokens[k].Tag, "NN") && !isCapitalized(r.d.Tokens[k].Text) && k > j-4 {
				k--
			}
			// "the Chilean president's chief of staff": the post hangs on
			// an office whose country is given.
			var owner string
			if e, ok := r.ix.entityEndingAt(k); ok && k < j-1 && r.ix.token(e.Start) > lo {
				if owner = r.p.countryOf(e); owner != "" {
					k = r.ix.token(e.Start) - 1
				}
			}
			// "the Labour party's MP", "the Unite union's officer": the
			// body's name before the noun for it.
			if owner == "" && k == j-2 && k > lo && orgNouns[r.lower[j-1]] {
				start := k
				for start > lo && start > k-4 && isCapitalized(r.d.Tokens[start].Text) && !r.is(start, c.determiner) {
					start--
				}
				if start < k && r.is(start, c.determiner) {
					if ph.org == "" {
						ph.org = r.d.Text[r.d.Tokens[start+1].Start:r.d.Tokens[k].End]
					}
					ph.tied = true
					k = start
				}
			}
			// "Zimbabwean police arrested the country's opposition leader":
			// the country is the one just named.
			if owner == "" && k == j-2 && countryNouns[r.lower[j-1]] && r.lower[k] == "the" {
				owner = r.countryNamedBefore(k)
			}
			// "the central bank's vice president" after "the Libyan
			// central bank": a state body the text named with its country.
			if m := r.lowerNounsBefore(j, lo); owner == "" && m < j && m > lo && r.lower[m-1] == "the" && stateNounPhrase(r.lower[m:j]) {
				if owner = r.bodyCountryBefore(m, j); owner != "" {
					k = m - 1
				}
			}
			if k < j-1 && k >= lo && r.is(k, c.determiner) {
				ph.tied = true
				ph.start = k
				if owner != "" {
					ph.countries = append([]string{owner}, ph.countries...)
				}
			}
			break loop
		case partyWords > 0:
			if ph.org == "" {
				ph.org, ph.party = party, party
			}
			qualified = true
			j -= partyWords
			ph.start = j + 1
			continue
		case chamberWords[tok.Text] && ph.org == "" && !qualified && (j == lo || !isCapitalized(r.d.Tokens[j-1].Text) || r.labelAt(j-1, pipeline.Place)):
			// "House Speaker X", "U.S. House Majority Leader X": the
			// chamber is the post's body, as "Senate" is when the tagger
			// marks it ("White House spokesman" is another body's).
			ph.org, ph.tied, qualified = tok.Text, true, true
			ph.start = j
			j--
			continue
		case r.is(j, c.scope|c.bodyScope):
			if !qualified && !described && !r.is(j, c.bodyScope) {
				mods = append(mods, j)
			}
			ph.start = j
			j--
			continue
		case isAllCaps(tok.Text) && len(tok.Text) > 1 && !isPossessive(tok.Text) && !r.is(j, c.ties) && !fieldAcronyms[tok.Text]: // ("TV presenter": a medium ties the post)
			// An acronym the entity stage did not know names a body:
			// "EU department chief", "Channel 5 News correspondent".
			qualified = true
			ph.tied = true
			if ph.org == "" {
				ph.org = tok.Text // "PCS leader"
			}
			ph.start = j
			j--
			continue
		case lw == "most" && len(mods) > 0 && mods[len(mods)-1] == j+1 && r.d.Tokens[j+1].Tag == "JJ":
			// "China's most senior diplomat": the superlative's rank
			// stays with the title, as "senior" does.
			mods = append(mods, j)
			ph.start = j
			j--
			continue
		case formerAdverbs[lw] && j+1 < ph.titleStart && !r.is(j+1, c.former) && (r.d.Tokens[j+1].Tag == "VBN" || r.d.Tokens[j+1].Tag == "VBD" || r.d.Tokens[j+1].Tag == "JJ" && !r.p.titles.IsModifier(r.lower[j+1])):
			// "a formerly jailed opposition leader": the adverb is the
			// participle's, and the post is held; neither is the title's.
			// ("Previously chief adviser": the rank is the title's.)
			if n := len(mods); n > 0 && mods[n-1] == j+1 {
				mods = mods[:n-1]
			}
			ph.start = j
			j--
			continue
		case r.is(j, c.former) || formerPrefixed(lw):
			// ("the soon-to-be former minister" still holds the post, and
			// so does one a coup "briefly ousted".)
			ph.former = !soonToBe(r.lower, j) && (j == 0 || !undoneBy[r.lower[j-1]])
			ph.start = j
			qualified, described = true, true // what stands before "former" is not the post's
			j--
			continue
		case r.is(j, c.current) && strings.HasSuffix(lw, "ed") && j > lo && strings.HasPrefix(r.d.Tokens[j-1].Tag, "NN"):
			break loop // "The king appointed banker X": the verb after its subject
		case r.is(j, c.describer|c.current) || isAge(lw) || bornWord(lw) || strings.HasSuffix(lw, "-term") || strings.HasPrefix(lw, "pro-") || strings.HasPrefix(lw, "anti-") && !r.p.titles.IsPortfolio(lw) || strings.HasSuffix(lw, "-backed") || r.describingCompound(j) || isOrdinal(lw) && !(lw == "first" && r.title(j).N > 0) || described && describing(tok) && !r.is(j, c.time|c.stop|c.appoint) || superlative(tok, described):
			// "the long-serving", "the 65-year-old", "the billionaire
			// former mayor", "the 78-year-old former president", "the
			// youngest MP", "the most senior woman judge": said of the
			// holder.
			ph.start = j
			qualified, described = true, true
			j--
			continue
		case r.is(j, c.determiner):
			ph.start = j
			break loop
		case kinNouns[lw]:
			break loop // "his wife, First Lady X": a relative is no part of a post
		case r.is(j, c.possessor):
			ph.start = j
			ph.tied = true // "his lawyer", "its chief executive"
			if lw == "his" || lw == "her" {
				// "President Ana Ruiz and her foreign minister": the
				// office hangs on the person named before in the sentence.
				ph.owner = r.personBefore(j)
			}
			if lw == "its" {
				if e, ok := r.itsReferent(j); ok {
					if c := r.p.countryOf(e); c != "" && len(ph.countries) == 0 {
						ph.countries = []string{c} // "Chile recalled its ambassador"
					} else if c == "" && e.Label == pipeline.Org && ph.org == "" {
						ph.org = e.Canonical // "Lakeview Bank said its chief executive ..."
					}
				}
			}
			break loop
		case lw == "chief" && !qualified && len(mods) > 0 && !slices.ContainsFunc(mods, func(k int) bool { return !r.p.titles.IsPortfolio(r.lower[k]) }):
			// "Chief Information Officer": a rank before a portfolio's title.
			mods = append(mods, j)
			ph.start = j
			j--
			continue
		case r.titleEndsAt(j+1, lo) && !r.p.titles.IsPortfolio(lw) && !(r.p.titles.IsModifier(lw) && r.lowerCase(j) && !r.headsPost(j)) &&
			!(r.title(j).Professional && lw == tok.Text && isCapitalized(r.d.Tokens[t].Text)):
			// Stacked titles, "Foreign Minister Prince", "army chief
			// General", are two; a portfolio is not a title here
			// ("justice spokeswoman"), nor a rank in lower case ("chief
			// economic adviser"), nor a profession in lower case before a
			// title in capitals ("Egyptian host President X": said of
			// the holder).
			break loop
		case !qualified && len(mods) > 0 && len(mods) < 6 && j > lo && r.modifier(j-1) && r.coordinated(j, mods, ta):
			// "shadow work and pensions secretary", "the Trade and Industry
			// Secretary", "Culture, Media and Sport Secretary"; not "Royal
			// Household and Senior Advisers".
			mods = append(mods, j)
			ph.start = j
			j--
			continue
		case !qualified && len(mods) < 6 && r.modifier(j) && r.verbBefore(j, t) && tok.Tag != "VBN" &&
			(r.countryBefore(j) || j-1 > lo && startsLower(r.d.Tokens[j-1].Text) && r.modifier(j-1) && r.countryBefore(j-1)):
			// "Thailand's revered King", "Egyptian host President",
			// "Saudi billionaire investor Prince": words about the holder
			// between the country and the title.
			ph.start = j
			described = true
			j--
			continue
		case !qualified && !slices.ContainsFunc(mods, func(k int) bool { return !r.p.titles.IsModifier(r.d.Tokens[k].Text) }) && r.bodyNameBefore(j, t):
			// "the Gunners boss", "Magpies caretaker boss": a name in
			// capitals that the entity stage did not know, before a title
			// in lower case and its ranks, is the body's, as an acronym is.
			k := j
			for k > lo && k > j-2 && r.bodyNameBefore(k-1, t) {
				k--
			}
			qualified, ph.tied = true, true
			if ph.org == "" {
				ph.org = r.d.Text[r.d.Tokens[k].Start:r.d.Tokens[j].End]
			}
			ph.start = k
			j = k - 1
			continue
		case !qualified && len(mods) < 6 && r.modifier(j) && !r.verbBefore(j, t):
			if r.is(j, c.ties) {
				ph.tied = true
			}
			mods = append(mods, j)
			ph.start = j
			j--
			continue
		}
		break
	}
	// A title opens with no conjunction nor comma: "Humanitarian Affairs
	// | and Emergency Relief Coordinator" when the body before is not
	// read as part of it.
	for len(mods) > 0 && coordinator(r.lower[mods[len(mods)-1]]) {
		mods = mods[:len(mods)-1]
	}
	ph.mods = mods
	return ph
}

// titleWordInCaps reports whether token j, in capitals, is a word titles
// are made of: a modifier, or a word of @ties or @scope ("Presidential",
// "Regional"); not a party's ("Labour MPs").
func (r *roleReader) titleWordInCaps(j int) bool {
	if _, n := r.p.rules.partyAt(r.d.Tokens, j); n > 0 {
		return false
	}
	lw := r.lower[j]
	return r.p.titles.IsModifier(lw) || r.is(j, r.p.rules.ties|r.p.rules.scope)
}

// rankHeadsPost returns the title of the rank at token i when, in lower
// case before a title in capitals, it heads a post of its own: "army chief
// General X" holds two titles, where "deputy Prime Minister X" holds one.
func (r *roleReader) rankHeadsPost(i int) (gazetteer.TitleMatch, bool) {
	if i+1 >= len(r.d.Tokens) || isCapitalized(r.d.Tokens[i].Text) || !isCapitalized(r.d.Tokens[i+1].Text) {
		return gazetteer.TitleMatch{}, false
	}
	one := r.p.titles.MatchPlural(r.lower[i:i+1], 0)
	return one, one.N == 1 && !one.Professional
}

func (r *roleReader) headsPost(i int) bool { _, ok := r.rankHeadsPost(i); return ok }

// bodyNameBefore reports whether token j, before the title at t, is a
// plural in capitals that is no title, portfolio nor modifier word while
// the title is in lower case: a team's or a body's name ("the Spurs
// manager", "Magpies chairman"), which a portfolio in capitals ("Defence
// secretary") or a singular ("Cabinet minister") is not.
func (r *roleReader) bodyNameBefore(j, t int) bool {
	tok := r.d.Tokens[j]
	lw := r.lower[j]
	if !strings.HasPrefix(tok.Tag, "NN") || !isCapitalized(tok.Text) || isCapitalized(r.d.Tokens[t].Text) || isPossessive(tok.Text) || monthOf(tok.Text) != 0 || fieldAcronyms[tok.Text] ||
		r.p.titles.IsPortfolio(lw) || r.p.titles.IsModifier(lw) || r.title(j).N > 0 ||
		r.is(j, r.p.rules.determiner|r.p.rules.former|r.p.rules.describer|r.p.rules.scope|honorificClass) {
		return false
	}
	// A plural will do; as a sentence's first word, which has its capital
	// anyway, one news never writes in lower case ("Gunners boss X").
	first := j == r.d.Sentences[tok.Sentence].FirstToken
	if strings.HasSuffix(lw, "s") && (!first || !r.p.gaz.LowerWord(tok.Text)) {
		return true
	}
	// Before a profession or a post in a firm a singular will do
	// ("Gartvale analyst X", "Vortexa president X": the employer), but no
	// one's given name, no place, no day, no word news writes in lower
	// case ("Internet journalist", "Cabinet minister") nor one that ties a
	// post ("TV presenter"), no kind of body opening a sentence but a
	// firm's suffix ("Committee chairman X said"; "Lakeview Ltd analyst"),
	// and nothing after a possessor, whose post it is ("the firm's
	// European director").
	return (r.title(t).Professional || bodyPostHeads[r.lower[t]] && len(tok.Text) > 1) && !r.p.gaz.GivenName(tok.Text) && r.persons[j] == 0 &&
		!r.labelAt(j, pipeline.Place) && !timeWord(tok.Text) && !r.p.gaz.LowerWord(tok.Text) && !r.is(j, r.p.rules.ties) &&
		!(first && orgHeads[tok.Text] && !corpSuffixes[tok.Text+"."]) && !(j > 0 && r.possessiveAt(j-1))
}

// eminence words rank a professional among peers, not in a post.
var eminence = toSet(`top leading best famous renowned prominent noted eminent`)

// formerAdverbs say "former" of the word after them.
var formerAdverbs = toSet(`formerly previously once`)

// bodyPostHeads are titles held in a firm or a club, not a state: the
// singular name before them is the employer's, as before a profession
// ("Zelgate boss X"), where "Cabinet minister" names no body.
var bodyPostHeads = toSet(`boss chairman chairwoman manager owner president chief director coach`)

// abbreviationAt reports whether tokens k to k+2 are an abbreviation in
// brackets: "(IGP)".
func (r *roleReader) abbreviationAt(k int) bool {
	return k+2 < len(r.lower) && r.lower[k] == "(" && r.lower[k+2] == ")" && isAllCaps(r.d.Tokens[k+1].Text) && len(r.lower[k+1]) > 1
}

// coordinator reports whether w joins the parts of a portfolio.
func coordinator(w string) bool { return w == "and" || w == "," || w == "&" }

// verbBefore reports whether the word at j, before the title at t, is more
// likely a verb or a word of the clause than part of the title: a title of
// address in capitals takes, in lower case, only the lexicon's modifiers
// and portfolio words ("deputy Prime Minister", "trade Minister"), not
// "investigators have questioned Prime Minister X" nor "this time Prime Minister
// X"; and a participle after a subject or an auxiliary is a verb ("has
// killed Deputy ...").
func (r *roleReader) verbBefore(j, t int) bool {
	tok := r.d.Tokens[j]
	if tok.Tag == "VBN" && j > 0 {
		switch r.d.Tokens[j-1].Tag {
		case "DT", "PRP$", "JJ", "JJS", "CD", "POS":
		case "RB": // "a formerly jailed leader", not "have since questioned"
			if j < 2 || !articles[r.lower[j-2]] {
				return true
			}
		default:
			return true // "an accredited reporter", not "they have questioned"
		}
	}
	if isCapitalized(tok.Text) || !isCapitalized(r.d.Tokens[t].Text) {
		return false
	}
	// (After "former" or a determiner the word is the phrase's:
	// "former independent MP".)
	if j > 0 && (r.is(j-1, r.p.rules.former|r.p.rules.possessor) || articles[r.lower[j-1]] && (tok.Tag != "NN" || orgNouns[r.lower[j]])) {
		return false // (but "the way Commissioner X": a noun of the clause, no body's)
	}
	return !r.p.titles.IsModifier(r.lower[j]) && !r.p.titles.IsPortfolio(r.lower[j])
}

var articles = toSet(`the a an`)

// countryNouns stand for a country named before: "the country's".
var countryNouns = toSet(`country nation kingdom republic`)

// hostedBodies are a state's missions abroad, which stand in another's
// city.
var hostedBodies = toSet(`embassy consulate consulate-general mission legation`)

// orgNouns follow a body's proper name in lower case: "the Labour party's
// MP", "the Unite union's organiser".
var orgNouns = toSet(`party union movement alliance front league group council`)

// soonToBe reports whether "soon to be" or "soon-to-be" stands before
// token j.
func soonToBe(lower []string, j int) bool {
	return j >= 1 && lower[j-1] == "soon-to-be" ||
		j >= 3 && lower[j-3] == "soon" && lower[j-2] == "to" && lower[j-1] == "be"
}

// describedBody returns where a body's name starts after the lower-case
// words at token j that say what kind of body it is ("consulting firm
// Lakeview Partners", "investment bank Harbour", "Aids charity the
// Lakeview Trust"), or j if none do.
func (r *roleReader) describedBody(j, hi int) int {
	for k := j; k < hi && k < j+3; k++ {
		t := r.d.Tokens[k]
		// ("MMS firm Adaro", "P2P network Kestrel", "Aids charity
		// Lakeview": a line of work's acronym or name before the kind.)
		if k+1 < hi && (lineOfWorkAcronym(t.Text) && startsLower(r.d.Tokens[k+1].Text) || k == j && isCapitalized(t.Text) && bodyKind(r.lower[k+1])) {
			continue
		}
		if !startsLower(t.Text) || !strings.HasPrefix(t.Tag, "NN") && t.Tag != "JJ" && t.Tag != "VBG" {
			return j
		}
		if k+2 < hi && bodyKind(r.lower[k]) && r.lower[k+1] == "the" && r.labelAt(k+2, pipeline.Org) {
			if r.closesPhrase(k+2, hi) {
				return k + 2 // ("charity the Lakeview Trust")
			}
			return j
		}
		if bodyKind(r.lower[k]) && (r.labelAt(k+1, pipeline.Org) || r.untaggedNameAt(k+1, hi)) && !(periodicals[r.lower[k]] && r.modifiesNoun(k+1, hi)) {
			// (Not a name the entity stage cut short: "group Vote | Now".)
			if e, ok := r.ix.entityAt(k + 1); ok && r.ix.tokenEnding(e.End)+1 < hi && isCapitalized(r.d.Tokens[r.ix.tokenEnding(e.End)+1].Text) {
				return j
			}
			return k + 1
		}
	}
	return j
}

// closesPhrase reports whether the body's name at token k ends the role
// phrase: punctuation, a capital, a preposition or a verb of speech
// follows it ("charity the Lakeview Trust said"), not the rest of a
// relative clause ("the charity the Lakeview Trust funds").
func (r *roleReader) closesPhrase(k, hi int) bool {
	e, ok := r.ix.entityAt(k)
	if !ok {
		return false
	}
	after := r.ix.tokenEnding(e.End) + 1
	return after >= hi || !startsLower(r.d.Tokens[after].Text) || r.d.Tokens[after].Tag == "IN" || r.is(after, r.p.rules.say)
}

// lineOfWorkAcronym reports whether w may be the acronym of a line of
// work: two to four capitals or digits, a capital first ("IT", "MMS",
// "P2P").
func lineOfWorkAcronym(w string) bool {
	if len(w) < 2 || len(w) > 4 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	return !strings.ContainsFunc(w, func(c rune) bool { return (c < 'A' || c > 'Z') && (c < '0' || c > '9') })
}

// untaggedNameEnd returns where a capitalised name the entity stage did
// not tag ends, that starts at token j after a link ("of the | Office of
// the High Commissioner"), the noun for a kind of body ("gadget magazine
// | Spark") or a scope ("the state | Electricity Board"); j if none does.
func (r *roleReader) untaggedNameEnd(j, hi int) int {
	if !bodyKind(r.lower[j-1]) && !r.is(j-1, r.p.rules.scope) {
		return r.nameContinues(j-1, hi)
	}
	end := j
	for end < hi && end < j+4 && isCapitalized(r.d.Tokens[end].Text) && !isPossessive(r.d.Tokens[end].Text) {
		if _, tagged := r.ix.entityAt(end); tagged {
			break // "the broadcaster RTX | Ana Ruiz"
		}
		end++
	}
	return end
}

// untaggedNameAt reports whether a capitalised name the entity stage did
// not tag starts at token k: "gadget magazine | Spark".
func (r *roleReader) untaggedNameAt(k, hi int) bool {
	_, tagged := r.ix.entityAt(k)
	return k < hi && !tagged && isCapitalized(r.d.Tokens[k].Text) && !articles[r.lower[k]]
}

// bodyKind reports whether w names a kind of body: "charity", "firm",
// "union".
func bodyKind(w string) bool {
	return firmNouns[w] || orgNouns[w] || businessKinds[w] || paperNouns[w] || periodicals[w] || w == "organisation" || w == "organization"
}

// periodicals name a paper by how often it comes out, before its name:
// "the Cairo weekly Al-Hadaf", "the French daily Le Soir".
var periodicals = toSet(`daily weekly monthly fortnightly`)

// modifiesNoun reports whether the capitalised words from k go on to a
// noun in lower case, which they describe: "the weekly Cabinet | meeting".
func (r *roleReader) modifiesNoun(k, hi int) bool {
	for k < hi && isCapitalized(r.d.Tokens[k].Text) {
		k++
	}
	return k < hi && startsLower(r.d.Tokens[k].Text) && strings.HasPrefix(r.d.Tokens[k].Tag, "NN")
}

// businessKinds say what a firm does; unlike firmNouns they may name a
// person ("broadcaster X"), so they count only before a body's name.
var businessKinds = toSet(`provider maker producer developer publisher broadcaster distributor supplier giant exporter importer refiner shipper processor
exchange platform app startup start-up marketplace`)

// lowerNounsBefore returns where the lower-case nouns and adjectives
// that end before token j start, at most three and not before lo.
func (r *roleReader) lowerNounsBefore(j, lo int) int {
	m := j
	for m > lo && m > j-3 && startsLower(r.d.Tokens[m-1].Text) && (r.d.Tokens[m-1].Tag == "JJ" || strings.HasPrefix(r.d.Tokens[m-1].Tag, "NN")) {
		m--
	}
	return m
}

// stateNounPhrase reports whether lower-case nouns name a state's body:
// "the ministry", "the central bank" (not "the bank", most often a firm).
func stateNounPhrase(nouns []string) bool {
	last := nouns[len(nouns)-1]
	return stateNouns[last] || last == "bank" && len(nouns) > 1 && nouns[len(nouns)-2] == "central"
}

var stateNouns = toSet(`ministry department army navy police government commission parliament embassy regulator watchdog`)

// bodyCountryBefore returns the country the text gave, where it named it
// before, the body that the words at tokens [from, to) name again: "the
// Libyan central bank", "Egypt's foreign ministry". None where two
// countries were given.
func (r *roleReader) bodyCountryBefore(from, to int) string {
	n, country := to-from, ""
	for i := 1; i+n <= from; i++ {
		if !slices.EqualFunc(r.d.Tokens[i:i+n], r.d.Tokens[from:to], func(a, b pipeline.Token) bool { return strings.EqualFold(a.Text, b.Text) }) {
			continue
		}
		// ("Egypt's foreign ministry": words of its kind before it.)
		if c := r.countryEndingBefore(r.lowerNounsBefore(i, 0)); c != "" {
			if country != "" && c != country {
				return ""
			}
			country = c
		}
	}
	return country
}

// seatBodies are the nouns of bodies one holds a seat in: a member of one
// holds a post, as a member of a party does not.
var seatBodies = toSet(`committee board council commission panel cabinet assembly parliament senate tribunal`)

// demonymBeforeNoun reports whether token m is an adjective in capitals
// after a possessive and before a noun in lower case: "the company's
// Asian operations".
func (r *roleReader) demonymBeforeNoun(m, hi int) bool {
	return m > 0 && isPossessive(r.d.Tokens[m-1].Text) && r.d.Tokens[m].Tag == "JJ" && m+1 < hi && !isCapitalized(r.d.Tokens[m+1].Text) && strings.HasPrefix(r.d.Tokens[m+1].Tag, "NN")
}

// itsReferent returns the country or body that "its" at token k stands
// for: the one its sentence opens with as the subject of a verb, when no
// other place nor body stands between ("Chile has recalled its
// ambassador", "Lakeview Bank said its chief executive ..."); for an "Its"
// that opens a sentence, the one the sentence before opened with ("Chile
// has rejected the plan. Its foreign minister ...").
func (r *roleReader) itsReferent(k int) (*pipeline.Entity, bool) {
	si := r.d.Tokens[k].Sentence
	if k == r.d.Sentences[si].FirstToken {
		if si == 0 || r.d.Sentences[si-1].Paragraph != r.d.Sentences[si].Paragraph {
			return nil, false
		}
		e, _, ok := r.openingSubject(si - 1)
		return e, ok
	}
	e, verb, ok := r.openingSubject(si)
	if !ok || verb >= k {
		return r.onlyBodyBefore(k)
	}
	for t := verb; t < k; t++ {
		if o, ok := r.ix.entityAt(t); ok && o.Label != pipeline.Person {
			return nil, false
		}
	}
	return e, true
}

// onlyBodyBefore returns the one country or body named in the sentence
// before token k, the only thing "its" there can stand for ("worried
// about Chile after one of its scientists ..."); none where two are named.
func (r *roleReader) onlyBodyBefore(k int) (*pipeline.Entity, bool) {
	var found *pipeline.Entity
	for t := r.d.Sentences[r.d.Tokens[k].Sentence].FirstToken; t < k; t++ {
		e, ok := r.ix.entityAt(t)
		if !ok || e.Label == pipeline.Person || e.Label == pipeline.NORP {
			continue
		}
		if found != nil && found.Canonical != e.Canonical {
			return nil, false
		}
		found = e
	}
	return found, found != nil
}

// openingSubject returns the country or body that sentence si opens with
// as the subject of its verb ("Chile has ...", "The Lakeview Bank said
// ...", "Chile's government said ..."), and where that verb is.
func (r *roleReader) openingSubject(si int) (*pipeline.Entity, int, bool) {
	s := r.d.Sentences[si]
	t := s.FirstToken
	if r.lower[t] == "the" {
		t++
	}
	e, ok := r.ix.entityAt(t)
	if !ok || e.Label == pipeline.NORP || e.Label == pipeline.Person {
		return nil, 0, false
	}
	next := r.ix.tokenEnding(e.End) + 1
	if next+1 < s.EndToken && isPossessive(r.d.Tokens[next].Text) && governmentNouns[r.lower[next+1]] {
		next += 2
	}
	if next <= 0 || next >= s.EndToken || !strings.HasPrefix(r.d.Tokens[next].Tag, "VB") && r.d.Tokens[next].Tag != "MD" {
		return nil, 0, false
	}
	return e, next, true
}

// governmentNouns stand for a country's government after its name.
var governmentNouns = toSet(`government cabinet administration`)

// countryNamedBefore returns the one country that the country names
// before token k name, in its sentence or else the one before, or failing
// names the one their demonyms name ("Zimbabwean police arrested the
// country's ..."); "" when there is none or more than one ("flew from
// Zimbabwe to Tanzania"). A demonym beside a name is its people ("the
// French recognised Tunisia").
func (r *roleReader) countryNamedBefore(k int) string {
	s := r.d.Tokens[k].Sentence
	for _, from := range []int{r.d.Sentences[s].FirstToken, r.d.Sentences[max(0, s-1)].FirstToken} {
		var name, demonym string
		names, demonyms := 0, 0
		for t := k - 1; t >= from; t-- {
			e, ok := r.ix.entityEndingAt(t)
			if !ok {
				continue
			}
			c := r.p.countryOf(e)
			switch {
			case c == "":
			case e.Label == pipeline.NORP && c != demonym:
				demonym, demonyms = c, demonyms+1
			case e.Label != pipeline.NORP && c != name:
				name, names = c, names+1
			}
		}
		switch {
		case names == 1:
			return name
		case names == 0 && demonyms == 1:
			return demonym
		case names > 1 || demonyms > 1:
			return ""
		}
	}
	return ""
}

// countryBefore reports whether a country or its demonym ends right before
// token j, or a country's possessive does.
func (r *roleReader) countryBefore(j int) bool { return r.countryEndingBefore(j) != "" }

// countryEndingBefore returns the country whose name or demonym ends right
// before token j, or whose possessive does, or "".
func (r *roleReader) countryEndingBefore(j int) string {
	if r.possessiveAt(j - 1) {
		j--
	}
	if e, ok := r.ix.entityEndingAt(j - 1); ok {
		return r.p.countryOf(e)
	}
	return ""
}

// coordinated reports whether the "and" or comma at j joins the word before
// it to the modifier words in mods as portfolios of the title ta: all are
// portfolio words, or the title takes a portfolio and the words are
// capitalised nouns or adjectives, one of them a portfolio word ("Inland
// Transport and Waterways Minister", "Rural and Island Health Minister").
// A comma joins only a list that an "and" ends.
func (r *roleReader) coordinated(j int, mods []int, ta gazetteer.TitleMatch) bool {
	switch r.lower[j] {
	case "and", "&":
	case ",":
		if !slices.ContainsFunc(mods, func(k int) bool { return r.lower[k] == "and" || r.lower[k] == "&" }) {
			return false
		}
	default:
		return false
	}
	all, any, capital := true, false, true
	for _, k := range append(mods, j-1) {
		switch w := r.lower[k]; {
		case w == "and" || w == "&" || w == ",":
			continue
		case r.p.titles.IsModifier(w):
			return false // "Royal Household and Senior Advisers"
		case r.p.titles.IsPortfolio(w):
			any = true
		default:
			all = false
		}
		tag := r.d.Tokens[k].Tag
		capital = capital && isCapitalized(r.d.Tokens[k].Text) && (strings.HasPrefix(tag, "NN") || tag == "JJ")
	}
	return all || any && capital && ministerial(ta)
}

// portfolioName reports whether the name in tokens [i, j] before the title
// ta is a portfolio, not a body: capitalised nouns, one a portfolio word,
// none a body's head ("Water Resources Minister", not "Labour Party
// leader").
func (r *roleReader) portfolioName(i, j int, ta gazetteer.TitleMatch, mods []int) bool {
	if !ministerial(ta) {
		return false
	}
	// In a list, the portfolio words read after it count: "Rural and
	// Island | Health Minister" (a portfolio word before "and"),
	// "Legal, | Political and Security Affairs Minister"; not "A and EU |
	// Trade Commissioner", a body's.
	any := false
	if i > 1 && r.lower[i-1] == "and" && r.p.titles.IsPortfolio(r.lower[i-2]) || r.lower[j+1] == "," {
		any = r.p.titles.IsPortfolio(r.lower[j+1]) || slices.ContainsFunc(mods, func(k int) bool { return r.p.titles.IsPortfolio(r.lower[k]) })
	}
	for k := i; k <= j; k++ {
		t := r.d.Tokens[k]
		if k > i && k < j && coordinator(r.lower[k]) {
			continue // "Political and Security Affairs"
		}
		portfolio := r.p.titles.IsPortfolio(r.lower[k])
		// ("Human Services Secretary": a head noun that is a portfolio's
		// last word; "Political | and Security Affairs": an adjective
		// before it.)
		noun := strings.HasPrefix(t.Tag, "NN") || t.Tag == "JJ" && (k < j || any)
		if orgHeads[t.Text] && !(k == j && portfolio && !stateBodyHeads[t.Text]) || !isCapitalized(t.Text) || !noun {
			return false
		}
		any = any || portfolio
	}
	return any
}

// ministerial reports whether a title is a minister's or a secretary's,
// which a portfolio of any words may name.
func ministerial(ta gazetteer.TitleMatch) bool {
	f := strings.Fields(ta.Canonical)
	if len(f) == 0 {
		return false
	}
	switch f[len(f)-1] {
	case "Minister", "Secretary", "Under-Secretary", "Undersecretary", "Commissioner":
		return true
	case "State": // "Secretary of State", "Minister of State"
		return len(f) > 2 && f[len(f)-2] == "of" && (f[len(f)-3] == "Secretary" || f[len(f)-3] == "Minister")
	}
	return false
}

// titleEndsAt reports whether a title of its own ends right before token
// e, no further left than lo.
func (r *roleReader) titleEndsAt(e, lo int) bool {
	for t := max(lo, e-4); t < e; t++ {
		if r.title(t).N == e-t {
			return true
		}
	}
	return false
}

// portfolioHeads take a portfolio before them: "Labour Minister",
// "Treasury Secretary", "home affairs spokesman".
var portfolioHeads = toSet(`Minister Secretary Under-Secretary Undersecretary Spokesperson Spokesman Spokeswoman
Commissioner Correspondent Editor Director Chief Adviser Advisor`)

func portfolioHead(title string) bool {
	f := strings.Fields(title)
	return len(f) > 0 && portfolioHeads[f[len(f)-1]]
}

// definite reports whether a phrase starting at token i is, or follows, a
// definite article.
func (r *roleReader) definite(i int) bool {
	return r.lower[i] == "the" || i > 0 && r.lower[i-1] == "the"
}

// insideName reports whether tokens [i, j) are inside a place's or a
// body's name, after its first word. A title that runs past the end of a
// name ("Senate Majority | Leader") says the name was cut short, not that
// the title is part of it.
func (r *roleReader) insideName(i, j int) bool {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if e, ok := r.ix.entityAt(k); ok {
			if e.Label != pipeline.Org && e.Label != pipeline.Place {
				return false
			}
			// A name that ends in a body's head noun is whole ("Liberal
			// Party | leader"); one that does not was cut short.
			f := strings.Fields(e.Text)
			if e.End == r.d.Tokens[i].End && j > i+1 && r.is(i, r.p.rules.titleBody) && r.scopeWordsBefore(e, i) {
				return false // "Interior Cabinet | Secretary": the body's noun opens the title
			}
			return e.End >= r.d.Tokens[j-1].End || orgHeads[f[len(f)-1]] && e.End > r.d.Tokens[i].Start
		}
	}
	return false
}

// scopeWordsBefore reports whether the words of entity e before token i
// are portfolio words or demonyms only ("Interior", "Kenyan"): words that
// may qualify a title, not a body's name.
func (r *roleReader) scopeWordsBefore(e *pipeline.Entity, i int) bool {
	for k := min(r.ix.tokenEnding(e.End), i) - 1; k >= 0 && r.d.Tokens[k].Start >= e.Start; k-- {
		if !r.p.titles.IsPortfolio(r.lower[k]) && r.p.demonymCountry(r.d.Tokens[k].Text) == "" {
			return false
		}
	}
	return true
}

// nameRunsOn returns the start of a body's or a place's name that opens
// inside tokens (i, j) and ends after them, or 0.
func (r *roleReader) nameRunsOn(i, j int) int {
	for k := i + 1; k < j; k++ {
		if e, ok := r.ix.entityAt(k); ok && (e.Label == pipeline.Org || e.Label == pipeline.Place) && e.End > r.d.Tokens[j-1].End {
			return k
		}
	}
	return 0
}

// superlative reports whether t ranks the holder among others ("the
// youngest MP"; "most" in "the most popular mayor", after the words it
// ranks by). "The latest minister to resign" says that others went
// before, so is not one.
func superlative(t pipeline.Token, described bool) bool {
	switch t.Text {
	case "most", "least":
		return described
	case "latest":
		return false
	}
	return t.Tag == "JJS" && !isCapitalized(t.Text)
}

// describing reports whether a lowercase word before "former" can describe
// the holder: "billionaire", "78-year-old", "popular".
func describing(t pipeline.Token) bool {
	switch t.Tag {
	case "JJ", "NN", "CD", "VBN":
		return !isCapitalized(t.Text)
	}
	return false
}

// describingCompound reports whether the word at j is a hyphenated
// adjective that describes the holder ("short-lived", "high-profile"),
// not one that names a field ("foreign-policy adviser").
func (r *roleReader) describingCompound(j int) bool {
	lw := r.lower[j]
	// A compound participle describes whatever its tag ("reform-minded",
	// "left-leaning"); "co-ordinating" names a kind of minister.
	participle := strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "ing")
	if r.d.Tokens[j].Tag != "JJ" && !participle || !strings.Contains(lw, "-") || strings.HasPrefix(lw, "co-") || r.p.titles.IsModifier(lw) {
		return false
	}
	if participle {
		return true
	}
	// ("non-executive director", "stand-in captain": the kind of post.)
	if first, _, _ := strings.Cut(lw, "-"); officeKinds[first] {
		return false
	}
	for _, part := range strings.Split(lw, "-") {
		if r.p.titles.IsPortfolio(part) || r.p.titles.IsHead(part) || r.p.titles.IsModifier(part) {
			return false
		}
	}
	return true
}

// officeKinds open hyphenated words that say what kind of post it is.
var officeKinds = toSet(`non stand joint sub under co vice deputy`)

// ordinalWords say which holder of a post someone is: "the country's
// first president" (but "first deputy head" is a rank).
var ordinalWords = toSet(`first second third fourth fifth sixth seventh eighth ninth tenth`)

// isOrdinal reports whether w is an ordinal: "39th", "1st", "first".
func isOrdinal(w string) bool {
	if ordinalWords[w] {
		return true
	}
	n := len(w)
	if n < 3 || w[0] < '0' || w[0] > '9' {
		return false
	}
	switch w[n-2:] {
	case "st", "nd", "rd", "th":
		return isDigits(w[:n-2])
	}
	return false
}

// lowerCase reports whether token j is in lower case, or opens its
// sentence before a word in lower case: "Chief debt negotiator X" is
// written as "chief debt negotiator" is.
func (r *roleReader) lowerCase(j int) bool {
	tok := r.d.Tokens[j]
	if r.lower[j] == tok.Text {
		return true
	}
	return j == r.d.Sentences[tok.Sentence].FirstToken && j+1 < len(r.lower) && r.lower[j+1] == r.d.Tokens[j+1].Text
}

// pluralNoun reports whether w reads as a plural noun: "veterans",
// "children", "women".
func pluralNoun(w string) bool {
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") || w == "children" || w == "women" || w == "men"
}

// formerPrefixed reports whether a word carries its own "ex-" or "then-",
// or names a past era: "ex-minister", "then-governor", "a Soviet-era
// minister".
func formerPrefixed(w string) bool {
	return (strings.HasPrefix(w, "ex-") || strings.HasPrefix(w, "then-")) && !strings.HasSuffix(w, "-") ||
		strings.HasSuffix(w, "-era") && len(w) > len("-era")
}

// modifier reports whether token j can name a post together with the title
// after it: "transport" in "transport secretary", "Fisheries Minister",
// "chief economist", "presidential physician".
func (r *roleReader) modifier(j int) bool {
	t := r.d.Tokens[j]
	lw := r.lower[j]
	c := r.p.rules
	switch t.Tag {
	case "NN", "NNS", "NNP", "NNPS", "JJ":
	case "VBN": // "an accredited reporter"; "named General X" is in @appoint
		if j > 0 && r.d.Tokens[j-1].Tag == "PRP" {
			return false // "he appointed ambassador X"
		}
	case "VBG": // a portfolio or a title's modifier the tagger read as a verb: "Planning Minister", "acting trade minister"
		if !r.p.titles.IsPortfolio(lw) && !r.p.titles.IsModifier(lw) {
			return false
		}
	case "VBZ": // a portfolio's plural the tagger read as a verb after its adjective: "public works minister" (not "Ruiz works | Minister")
		if !r.p.titles.IsPortfolio(lw) || j == 0 || r.d.Tokens[j-1].Tag != "JJ" || !startsLower(r.d.Tokens[j-1].Text) {
			return false
		}
	case "VB", "VBP": // a rank the tagger read as a verb after "to": "to chief debt negotiator X" ("to top the list" is a verb)
		if !r.p.titles.IsModifier(lw) || lw == "top" || lw == "first" {
			return false
		}
	case "JJR": // the first word of a portfolio: "higher education minister"
		if !r.p.titles.IsPortfolio(lw) || j+1 >= len(r.d.Tokens) || !r.p.titles.IsPortfolio(r.lower[j+1]) {
			return false
		}
	default:
		return false
	}
	// "the topics President X discussed": a plural noun in lower case
	// before a title in capitals heads a phrase of its own.
	if t.Tag == "NNS" && j+1 < len(r.d.Tokens) && isCapitalized(r.d.Tokens[j+1].Text) && !isCapitalized(t.Text) && !r.p.titles.IsPortfolio(lw) && !r.p.titles.IsModifier(lw) {
		return false
	}
	// ("President sacks defence adviser X": a headline's verb; "the
	// Syrian-backed opposition leader": a participle split from its name.)
	if r.is(j, c.time|c.stop|c.appoint|c.appoints) || removalVerbs[lw] || monthOf(t.Text) != 0 || isAllCaps(t.Text) && !r.is(j, c.ties) || j > 0 && r.d.Tokens[j-1].Text == "-" && nameParticiples[lw] {
		return false
	}
	// Lower-case letters and hyphens only: a closing quote the tagger
	// read as a noun is no modifier.
	for _, c := range lw {
		if !unicode.IsLower(c) && c != '-' {
			return false
		}
	}
	return true
}

// text is a role phrase's title as written: modifier words, the title's
// own words and its portfolio in title case, with the lexicon's spelling
// conventions.
func (r *roleReader) text(ph rolePhrase) string {
	if ph.fixed != "" {
		return ph.fixed
	}
	key := [3]int{ph.titleStart, ph.start, ph.portfolio[1]}
	if s, ok := r.texts[key]; ok {
		return s
	}
	s := strings.TrimSuffix(r.titleText(ph.mods, ph.titleStart, ph.match), " Emeritus")
	if p := ph.portfolio; p[1] > 0 {
		from := p[0] + 1
		join := " " + r.lower[p[0]] + " "
		if from < p[1] && r.lower[from] == "the" {
			from++
			join += "the " // "for the Economy", as the text has it
		}
		if join == " , " {
			join = ", " // "Minister for Agriculture, Food and Forests"
		}
		// A portfolio that goes on from one the lexicon reorders keeps the
		// words as written: "Minister of Foreign Affairs and Worship", not
		// "Foreign Minister and Worship".
		if (join == " and " || join == ", ") && len(ph.mods) == 0 && !strings.HasPrefix(strings.ToLower(s), r.lower[ph.titleStart]) {
			s = titleMinorWords(titleCaseWords(strings.Join(r.lower[ph.titleStart:p[0]], " ")))
		}
		s = normalRole(s + join + r.portfolioText(from, p[1]))
	}
	r.texts[key] = s
	return s
}

// distribute splits a plural title whose modifiers are coordinated into
// one title for each of n holders, in order: "the finance and foreign
// ministers, A and B" are a Finance Minister and a Foreign Minister. It
// returns nil unless the title has exactly n such parts.
func (r *roleReader) distribute(ph rolePhrase, n int) []rolePhrase {
	if n < 2 || !ph.match.Plural || ph.fixed != "" || ph.portfolio[1] > 0 {
		return nil
	}
	var groups [][]int // modifiers left to right, split at coordinators
	var cur []int
	for i := len(ph.mods) - 1; i >= 0; i-- {
		if k := ph.mods[i]; coordinator(r.lower[k]) {
			if len(cur) > 0 {
				groups = append(groups, cur)
			}
			cur = nil
		} else {
			cur = append(cur, k)
		}
	}
	if len(cur) > 0 {
		groups = append(groups, cur)
	}
	if len(groups) != n {
		return nil
	}
	out := make([]rolePhrase, n)
	for g, mods := range groups {
		slices.Reverse(mods) // titleText reads them right to left
		out[g] = ph
		out[g].fixed = r.titleText(mods, ph.titleStart, ph.match)
	}
	return out
}

// portfolioText writes the portfolio words from token i to j in title
// case, acronyms as written and a comma kept on the word before it:
// "Environment, Food and Rural Affairs", "UK Equities".
func (r *roleReader) portfolioText(i, j int) string {
	var words []string
	for k := i; k < j; k++ {
		w := r.lower[k]
		if text := r.d.Tokens[k].Text; len(text) > 1 && isAllCaps(text) {
			w = text
		}
		if w == "," && len(words) > 0 {
			words[len(words)-1] += ","
			continue
		}
		words = append(words, w)
	}
	return titleMinorWords(titleCaseWords(strings.Join(words, " ")))
}

// titleText is the title as written: modifier words and the title's own
// words in title case, with the lexicon's spelling conventions.
func (r *roleReader) titleText(mods []int, t int, ta gazetteer.TitleMatch) string {
	var parts []string
	for i := len(mods) - 1; i >= 0; i-- {
		if w := r.lower[mods[i]]; (w == "," || isPossessive(w)) && len(parts) > 0 {
			parts[len(parts)-1] += w // "Culture, Media and Sport", "Children's"
		} else if text := r.d.Tokens[mods[i]].Text; len(text) > 1 && isAllCaps(text) {
			parts = append(parts, text) // an acronym as written: "EU"
		} else {
			parts = append(parts, titleCaseHyphen(w))
		}
	}
	surface := make([]string, 0, ta.N)
	for k := t; k < t+ta.N; k++ {
		surface = append(surface, r.d.Tokens[k].Text)
	}
	canon := strings.Fields(ta.Canonical)
	if ta.Plural {
		// The plural word, last or a head before its complement
		// ("members of parliament"), is the lexicon's in the singular.
		for i, s := range surface {
			w := strings.ToLower(s)
			if sg, ok := gazetteer.Singular(w); ok && (i == len(surface)-1 || !containsFold(canon, w) && containsFold(canon, sg)) {
				surface[i] = sg
			}
		}
	}
	if sameWords(canon, surface) {
		// "Minister for Trade", not the lexicon's "Trade Minister".
		for i, s := range surface {
			surface[i] = titleCaseHyphen(strings.ToLower(s))
		}
		parts = append(parts, surface...)
	} else if len(canon) == len(surface) {
		// The text's own words, except abbreviations ("Sec.") and case.
		for i, s := range surface {
			if strings.HasSuffix(s, ".") || strings.EqualFold(s, canon[i]) || abbreviates(s, canon[i]) {
				surface[i] = canon[i]
			} else {
				surface[i] = titleCaseHyphen(strings.ToLower(s))
			}
		}
		parts = append(parts, surface...)
	} else {
		parts = append(parts, ta.Canonical)
	}
	return normalRole(titleMinorWords(strings.Join(parts, " ")))
}

// abbreviates reports whether a short word of at most four letters is an
// abbreviation of word w written without a full stop: its letters in
// order, the first first ("Gen", "Lt", "Sgt").
func abbreviates(a, w string) bool {
	a, w = strings.ToLower(a), strings.ToLower(w)
	if len(a) > 4 || len(a) >= len(w) || a == "" || a[0] != w[0] {
		return false
	}
	k := 0
	for i := 0; i < len(w) && k < len(a); i++ {
		if w[i] == a[k] {
			k++
		}
	}
	return k == len(a)
}

// titleCaseHyphen capitalises each part of a hyphenated word except minor
// words: "commander-in-chief" -> "Commander-in-Chief".
func titleCaseHyphen(w string) string {
	parts := strings.Split(w, "-")
	for i, p := range parts {
		if i > 0 && titleMinor[p] {
			continue
		}
		parts[i] = titleWord(p)
	}
	return strings.Join(parts, "-")
}

var titleMinor = toSet(`of for and to in the on at`)

// placedBy returns how many tokens at j make a compound that says who
// backs, runs or hosts the body named or described after it ("UN-backed",
// "Western - backed", "New Mexico-based"): a modifier, no part of the
// name. It returns 0 when there is none, or when the compound opens the
// body's name ("the Kabul-based Harbour Authority" as the tagger read it).
func (r *roleReader) placedBy(j, hi int) int {
	if j >= hi {
		return 0
	}
	if e, ok := r.ix.entityAt(j); ok && r.ix.tokenEnding(e.End) > j {
		return 0
	}
	if j+3 < hi && isDash(r.lower[j+1]) && compoundParticiples[r.lower[j+2]] && isCapitalized(r.d.Tokens[j].Text) && isCapitalized(r.d.Tokens[j+3].Text) {
		return 3
	}
	// ("the New Mexico-based firm": a place of words before it.)
	for t := j; t < hi-1 && t < j+3; t++ {
		if placedByWord(r.d.Tokens[t].Text) {
			// ("the Leeds-based consulting firm": a gerund may open the noun.)
			next := r.d.Tokens[t+1]
			if _, ok := r.ix.entityAt(t + 1); ok || (strings.HasPrefix(next.Tag, "NN") || next.Tag == "VBG" || next.Tag == "JJ") && !isCapitalized(next.Text) {
				return t + 1 - j
			}
			return 0
		}
		if !isCapitalized(r.d.Tokens[t].Text) {
			return 0
		}
	}
	return 0
}

// placedByWord reports whether w is one hyphenated word that says who
// backs, runs or hosts a body: "UN-backed", "state-run".
func placedByWord(w string) bool {
	i := strings.LastIndexByte(w, '-')
	return i > 0 && compoundParticiples[w[i+1:]]
}

// compoundParticiples end a compound that says who backs, runs or hosts
// a body: "UN-backed", "state-run", "Kabul-based".
var compoundParticiples = toSet(`backed based led run owned funded sponsored controlled dominated allied linked affiliated
appointed supported listed registered`)

// titleMinorWords lower-cases the minor words inside a title.
func titleMinorWords(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		if i > 0 && lowercase.Get(titleMinor, w) {
			f[i] = strings.ToLower(w)
		}
	}
	return strings.Join(f, " ")
}

// portfolioOnHeads are the titles whose portfolio "on" gives: "spokesman
// on health", "envoy on climate", "rapporteur on torture" (an adviser on
// climate advises someone: Adviser).
var portfolioOnHeads = toSet(`Spokesperson Spokesman Spokeswoman Envoy Rapporteur Tsar Czar`)

// withComplements returns ph extended over what may follow the title, no
// further than hi: the longest reading first, the bare title last.
func (r *roleReader) withComplements(ph rolePhrase, hi int) []rolePhrase {
	out := []rolePhrase{ph}
	k := ph.end
	// "Minister of Trade | and Industry", "minister for trade | and
	// industry": a title that ends in its portfolio goes on with the
	// words joined to it, written in the same case.
	if k+1 < hi && k > 0 && (r.lower[k] == "and" || r.lower[k] == ",") && r.p.titles.IsPortfolio(r.lower[k-1]) &&
		slices.ContainsFunc(r.lower[ph.titleStart:k], func(w string) bool { return w == "of" || w == "for" }) {
		from := k
		if r.lower[k] == "," {
			from++ // (a list's items each end in a portfolio word)
		}
		end := r.portfolio(from, hi, ministerial(ph.match))
		// "Minister of Foreign Affairs and Worship X": a capitalised noun
		// the lexicon lacks ends the portfolio where a name follows.
		if end == 0 && r.lower[k] == "and" {
			end = r.unknownPortfolio(k+1, hi)
		} else if end > 0 && end < hi && r.persons[end] == 0 {
			end = max(end, r.unknownPortfolio(end, hi)) // "and Economic Corridors X"
		}
		if end > 0 && isCapitalized(r.d.Tokens[end-1].Text) == isCapitalized(r.d.Tokens[k-1].Text) {
			ph.portfolio = [2]int{k, end}
			ph.end = end
			k = end
			out = append(out, ph)
		}
	}
	// A portfolio: "Minister for Pacific Affairs", "Secretary of
	// Commerce", "Deputy Prime Minister for the Economy".
	// A profession is practised for someone, not for a portfolio: "a
	// lawyer for the family".
	// "Spokesperson on Foreign Affairs", "Special Envoy on Climate": the
	// portfolio of one who speaks or advises.
	if k+1 < hi && (r.lower[k] == "of" || r.lower[k] == "on" && portfolioOnHeads[lastWord(ph.match.Canonical)] || r.lower[k] == "for" && !ph.match.Professional && r.titledPersonEnd(k+1, hi) == 0) {
		if end := r.portfolio(k+1, hi, ministerial(ph.match)); end > 0 {
			ph.portfolio = [2]int{k, end}
			ph.end = end
			k = end
			// "Under-Secretary of State for Political Affairs": a
			// portfolio within a minister's portfolio ("director of
			// policy for Cancer Research UK" works for a body).
			if k+1 < hi && r.lower[k] == "for" && r.lower[ph.portfolio[0]] == "of" && ministerial(ph.match) {
				if end := r.portfolio(k+1, hi, true); end > 0 {
					ph.portfolio[1], ph.end, k = end, end, end
				}
			}
			out = append(out, ph)
		}
	}
	// Places and bodies: "of Egypt", "of the Harbour Board", "at
	// Nordbank", "to Germany" (where the post is accredited), "from
	// Vermont", "of Russia's MENA Department". A lowercase scope between
	// them is passed over: "for the eurozone at Nordbank".
	for n := 0; n < 3 && k+1 < hi; n++ {
		prep := r.lower[k]
		if !r.is(k, r.p.rules.complement) {
			break
		}
		// "at the Russian Embassy in Vilnius": where a mission stands is
		// its host's, no country of the post.
		if e, ok := r.ix.entityAt(k + 1); ok && prep == "in" && k > 0 && hostedBodies[r.lower[k-1]] && e.Label == pipeline.Place {
			ph.end = r.ix.tokenEnding(e.End) + 1
			out = append(out, ph)
			k = ph.end
			continue
		}
		j := k + 1
		// "a lawyer for one of the directors", "head of some of the
		// region's schools": a part of a group is held or served as the
		// group is.
		if j+2 < hi && partitives[r.lower[j]] && r.lower[j+1] == "of" {
			j += 2
		}
		if r.lower[j] == "the" {
			j++
		} else if (r.lower[j] == "a" || r.lower[j] == "an") && j+1 < hi && !durationNouns[r.lower[j+1]] && !r.is(j+1, r.p.rules.time) {
			j++ // ("head of a UN team": a body's part, as "of the"; not "for a decade")
		}
		j += r.placedBy(j, hi) // "of the UN-backed commission"
		// "of the city People's Committee", "of the federal Bureau of
		// Prisons": a lowercase scope before a body's name is its level.
		if j+1 < hi && startsLower(r.d.Tokens[j].Text) && r.is(j, r.p.rules.scope) && isCapitalized(r.d.Tokens[j+1].Text) && r.persons[j+1] == 0 {
			j++
		}
		// "an aide to the Chilean ambassador": a post held to another
		// post's holder takes the country given for that post.
		holderCountry := ""
		if e, ok := r.ix.entityAt(j); ok && prep == "to" && e.Label == pipeline.NORP {
			if t := r.ix.tokenEnding(e.End) + 1; t < hi && r.title(t).N > 0 && !isCapitalized(r.d.Tokens[t].Text) {
				holderCountry, j = r.p.countryOf(e), t
			}
		}
		next := ph
		end := r.bodies(&next, prep, j, hi)
		// "a question to the prime minister from Ealing North's Tom
		// Hale": a name the complement's possessive owns is no holder's.
		if end > j && end < hi && isPossessive(r.d.Tokens[end-1].Text) && r.persons[end] != 0 {
			break
		}
		if end > j {
			// "chairman of Chile's biggest bank": what a place's
			// possessive owns, in lower case, is the post's body.
			if isPossessive(r.d.Tokens[end-1].Text) && r.labelAt(j, pipeline.Place) {
				m := end
				for m < hi && m < end+4 && startsLower(r.d.Tokens[m].Text) && (strings.HasPrefix(r.d.Tokens[m].Tag, "JJ") || strings.HasPrefix(r.d.Tokens[m].Tag, "NN") || r.d.Tokens[m].Tag == "RBS") {
					m++
				}
				if m > end && strings.HasPrefix(r.d.Tokens[m-1].Tag, "NN") {
					end = m
				}
			}
			next.end = end
			ph = next
			k = end
			out = append(out, ph)
			continue
		}
		if end < 0 {
			break
		}
		// A lowercase body or scope: "of the rail union", "for the
		// district mayor", "for the eurozone at Nordbank". It
		// ends a reading, and a body named after it may follow.
		m := j
		for from := j; ; {
			// ("in former president X's government": "former" opens the
			// next title.)
			for m < hi && m < from+4 && (!isCapitalized(r.d.Tokens[m].Text) || r.demonymBeforeNoun(m, hi)) && !r.is(m, r.p.rules.former) && !r.verbOfName(m, from, hi) && (strings.HasPrefix(r.d.Tokens[m].Tag, "NN") || strings.HasPrefix(r.d.Tokens[m].Tag, "JJ") || r.modifierParticiple(m, hi) ||
				r.d.Tokens[m].Tag == "VBN" && m > 0 && r.lower[m-1] == "the" && m+1 < hi && strings.HasPrefix(r.d.Tokens[m+1].Tag, "NN")) {
				m++ // ("the ruling party", "the outlawed group": a participle before the noun)
			}
			// "for the capital's airport", "of the company's works
			// council": what the noun's referent owns follows.
			if m > from && m+1 < hi && isPossessive(r.d.Tokens[m].Text) && strings.HasPrefix(r.d.Tokens[m-1].Tag, "NN") {
				m++
				from = m
				continue
			}
			break
		}
		// "adviser to the President": a post in capitals after "the" with
		// no name after it is the holder it is tied to.
		if m == j && j > 0 && r.lower[j-1] == "the" {
			if t := r.title(j); t.N > 0 && (j+t.N >= hi || r.persons[j+t.N] == 0 && !isCapitalized(r.d.Tokens[j+t.N].Text)) {
				m = j + t.N
			}
		}
		// "an aide of fugitive commander General X": a title in the words
		// before a name is that person's, no complement of this one, and
		// so is a word for a person ("the spokesman of candidate X").
		if r.titleBeforeName(j, m, hi) {
			break
		}
		// "head of the region in western France": a place after
		// adjectives completes the title, unless it opens the next title
		// ("to former Chilean President").
		if m > j && !strings.HasPrefix(r.d.Tokens[m-1].Tag, "NN") && r.labelAt(m, pipeline.Place) && !r.is(j, r.p.rules.former) {
			e, _ := r.ix.entityAt(m)
			if end := r.ix.tokenEnding(e.End) + 1; end >= hi || r.title(end).N == 0 {
				if end < hi && subnationalNouns[r.lower[end]] {
					end++ // "of northern Helmand province"
				}
				ph.end = end
				out = append(out, ph)
				k = ph.end
				continue
			}
		}
		// ("the 40-nation Council of ...": adjectives before a body's name.)
		if m == j || !strings.HasPrefix(r.d.Tokens[m-1].Tag, "NN") && r.capitalRun(m, hi) == m && !r.labelAt(m, pipeline.Org) {
			break
		}
		lower := ph
		lower.end = m
		// "counsel for the petitioners", "an economist at the central
		// bank", "assistant to the president": a post held for someone,
		// at a body or to a post's holder.
		lower.tied = lower.tied || prep == "for" || prep == "at" || prep == "with" || prep == "representing" || prep == "to" && r.title(j).N > 0 ||
			prep == "of" && seatBodies[r.lower[m-1]] // "a member of the audit committee": a seat in a body
		if t := r.title(j); prep == "to" && t.N > 0 {
			lower.servesPosted = postedTitle(t.Canonical)
			if holderCountry != "" && len(lower.countries) == 0 {
				lower.countries = []string{holderCountry}
			}
		}
		// "director of anti-constitution group Vote No", "of the sport's
		// ruling body the IAAF": the body's name after its description.
		if m+1 < hi && r.lower[m] == "the" && r.labelAt(m+1, pipeline.Org) && strings.HasPrefix(r.d.Tokens[m-1].Tag, "NN") {
			m++
		}
		if end := r.capitalRun(m, hi); end > m {
			if lower.org == "" {
				lower.org = r.d.Text[r.d.Tokens[m].Start:r.d.Tokens[end-1].End]
			}
			lower.end = end
			lower.tied = lower.tied || prep == "of" && seatBodies[r.lower[end-1]] // "of the bank's Policy Board"
		} else if e, ok := r.ix.entityAt(m); ok && e.Label == pipeline.Org {
			if lower.org == "" {
				lower.org = e.Canonical
			}
			lower.end = r.ix.tokenEnding(e.End) + 1
		}
		// ("of the opposition Unity party": the noun after the name.)
		if lower.end > m && lower.end < hi && orgNouns[r.lower[lower.end]] {
			lower.end++
		}
		out = append(out, lower)
		ph = lower
		k = lower.end
	}
	// Coordinated titles: "the chairman and chief executive of Lowe
	// Systems" holds the first, and the body of the last.
	for i := len(out) - 1; i >= 0; i-- {
		c := out[i]
		if c.end+1 >= hi || (r.lower[c.end] != "and" && r.lower[c.end] != "&") {
			continue
		}
		for _, second := range r.startingAt(c.end+1, hi) {
			// "the foreign minister and Finance Minister Sara Holm" are two
			// people: a definite description, then a title of address (but
			// "the manager of X and Director of Y, Sara Holm" is one).
			if second.match.Plural != c.match.Plural || r.definite(c.start) && !isCapitalized(r.d.Tokens[c.titleStart].Text) && isCapitalized(r.d.Tokens[second.titleStart].Text) &&
				second.end < hi && r.persons[second.end] > 0 {
				continue
			}
			// "the director and his deputy security officer X": a post
			// that hangs on someone is another person's.
			if r.is(second.start, r.p.rules.possessor) {
				continue
			}
			// "the Prime Minister and EU Commission President X": a body
			// or a country before a title of address opens another post
			// ("the former UN envoy and Irish president said" is one), as
			// it does after a post that "as" gives someone ("serving as
			// premier and Green leader X as ...").
			if (r.definite(c.start) || c.start > 0 && r.lower[c.start-1] == "as") && r.qualifiedBefore(second) && second.end < hi && r.persons[second.end] > 0 {
				continue
			}
			co := c
			co.end = second.end
			// "a solicitor and treasurer of the club", "a lawyer and
			// former presidential physician": a profession of no one's
			// gives way to the post or the tied profession beside it.
			if c.match.Professional && !c.tied && (!second.match.Professional || second.tied) {
				co = second
				co.start = c.start
			}
			// (A title with its own complement keeps it: "manager of
			// Marketing and director of the Board" is no post of the Board.)
			if co.org == "" && c.portfolio == [2]int{} {
				co.org, co.tied = second.org, co.tied || second.tied
			}
			if co.country() == "" {
				co.countries = second.countries
			}
			out = append(out, co)
			break
		}
	}
	slices.Reverse(out) // longest reading first
	return out
}

// unknownPortfolio returns the end of up to three capitalised words from
// k that the lexicon lacks, a noun last, where a name follows them, or a
// comma and a name ("and Worship X", "and Economic Corridors X"); 0 when
// there are none. A title of address is no portfolio ("... Affairs and
// Lord X").
func (r *roleReader) unknownPortfolio(k, hi int) int {
	for e := k; e < hi && e < k+3; e++ {
		t := r.d.Tokens[e]
		if !isCapitalized(t.Text) || r.persons[e] > 0 || r.is(e, honorificClass) || r.title(e).N > 0 ||
			!strings.HasPrefix(t.Tag, "NN") && !strings.HasPrefix(t.Tag, "JJ") {
			return 0
		}
		// (or a name in apposition: "Minister of Information and
		// National Orientation, X,")
		if strings.HasPrefix(t.Tag, "NN") && (e+1 < hi && r.persons[e+1] > 0 || e+2 < hi && r.lower[e+1] == "," && r.persons[e+2] > 0) {
			return e + 1
		}
	}
	return 0
}

// titledPersonEnd returns where the role phrase that starts at token j
// and runs up to a person's name ends ("EU trade commissioner | X",
// "Foreign Minister | X"), or 0.
func (r *roleReader) titledPersonEnd(j, hi int) int {
	for _, ph := range r.startingAt(j, hi) {
		if ph.end < hi && r.persons[ph.end] > 0 {
			return ph.end
		}
	}
	return 0
}

// titleBeforeName reports whether a title opens within [j, m) and a
// person's name follows m, directly, after another title or, after a
// possessive, in apposition; or whether a word for a person ends [j, m)
// right before a name ("the spokesman of candidate X").
func (r *roleReader) titleBeforeName(j, m, hi int) bool {
	if m >= hi {
		return false
	}
	named := r.persons[m] > 0
	if n := r.title(m).N; n > 0 && m+n < hi && r.persons[m+n] > 0 {
		named = true
	}
	// "from the firm's founder, X": a post someone owns, then its holder
	// in apposition (not "a spokesman for the prime minister, X").
	if r.lower[m] == "," && m+1 < hi && r.persons[m+1] > 0 && slices.ContainsFunc(r.d.Tokens[j:m], func(t pipeline.Token) bool { return isPossessive(t.Text) }) {
		named = true
	}
	if !named {
		return false
	}
	for t := j; t < m; t++ {
		if r.title(t).N > 0 {
			return true
		}
	}
	return m > j && r.persons[m] > 0 && r.p.titles.IsDescriptor(r.lower[m-1])
}

// bodies reads the places and bodies that complete a title after a
// preposition, from token j: "Egypt", "the Harbour Board", "Russia's MENA
// Department", "the Chicago police", "the United States' National Institute
// of Standards and Technology". It fills ph and returns their end; j
// when there is no entity at j, and -1 when the entity there cannot
// complete a title.
func (r *roleReader) bodies(ph *rolePhrase, prep string, j, hi int) int {
	if prep == "," {
		// ", Labour MP Ann Lee": a body before a title opens the next
		// person's title.
		if e, ok := r.ix.entityAt(j); !ok || e.Label != pipeline.Org || r.title(r.ix.tokenEnding(e.End)+1).N > 0 {
			return -1
		}
	}
	// "MP for Leeds Central", "Senator for Victoria": a member's seat, not
	// a body.
	if prep == "for" && r.p.rules.memberTitle(ph.match.Canonical) && j < hi && isCapitalized(r.d.Tokens[j].Text) {
		if e, ok := r.ix.entityAt(j); ok {
			end := r.ix.tokenEnding(e.End) + 1
			for end < hi && compassPoints[r.d.Tokens[end].Text] {
				end++ // "Edinburgh | South West", however the tagger split it
			}
			return r.seatOf(r.nameContinues(end, hi), hi) // "Leeds and Wetherby"
		}
		return r.nameContinues(j-1, hi)
	}
	countries := ph.countries
	found := false
	for j < hi && honorifics[r.lower[j]] {
		j++ // "for Mr Begg"
	}
	// "a spokesman for President Ana Ruiz": the title of the person the
	// post serves ("the envoy of UN Secretary-General X" too).
	servesTitled := false
	if (prep == "for" || prep == "to" || prep == "of") && j < hi {
		from := j
		// ("for EU trade commissioner X": the title's body and portfolio;
		// not after "of", where a country may end the post before another
		// person's: "secretary of Mexico and Energy Minister X".)
		if t := r.titledPersonEnd(j, hi); t > 0 && prep != "of" {
			j = t
		}
		// ("for UN Secretary-General X": the title's body before it.)
		q := j
		if e, ok := r.ix.entityAt(q); ok && e.Label != pipeline.Person {
			q = r.ix.tokenEnding(e.End) + 1
		}
		if q < hi {
			if t := r.title(q); t.N > 0 {
				if e, ok := r.ix.entityAt(q + t.N); ok && e.Label == pipeline.Person {
					j = q + t.N
				}
			}
		}
		servesTitled = j > from
	}
	for j < hi {
		// "at consulting firm Lakeview Partners": what the body is, in
		// lower case, then its name.
		if k := r.describedBody(j, hi); !found && k > j {
			j = k
			continue
		}
		e, ok := r.ix.entityAt(j)
		if !ok {
			// A capitalised name the entity stage did not tag: "the
			// Office of the High Commissioner".
			if end := r.untaggedNameEnd(j, hi); !found && end > j && prep != "to" && j+r.title(j).N < end && !r.is(j, r.p.rules.time) && monthOf(r.d.Tokens[j].Text) == 0 {
				switch {
				case end < hi && countryNouns[r.lower[end]]:
					// "president of the Andean nation": a country, no body.
					found, j, ph.tied = true, end+1, true
				case end+2 < hi && bodyKind(r.lower[end]) && r.lower[end+1] == "the" && r.labelAt(end+2, pipeline.Org) && r.closesPhrase(end+2, hi):
					// "at Aids charity the Lakeview Trust": what the body
					// is, then its name.
					j = end + 2
					continue
				case r.lower[j-1] == "the" || r.is(j-1, r.p.rules.complement|r.p.rules.scope) || bodyKind(r.lower[j-1]):
					// ("Humanists UK", "Age Concern Wales": a country's
					// name or code ends the name.)
					if e, ok := r.ix.entityAt(end); ok && e.Label == pipeline.Place && r.p.countryOf(e) != "" {
						end = r.ix.tokenEnding(e.End) + 1
					}
					ph.org = r.d.Text[r.d.Tokens[j].Start:r.d.Tokens[end-1].End]
					ph.tied = true
					found = true
					j = end
				}
			}
			break
		}
		// "of US firm Lakeview Labs", "at French bank Credit Lyonnais":
		// where the body is from and what it is, then its name.
		if after := r.ix.tokenEnding(e.End) + 1; !found && (e.Label == pipeline.NORP || e.Label == pipeline.Place) {
			if k := r.describedBody(after, hi); k > after {
				j = k
				continue
			}
		}
		// "strategist of UK Equities": a place that a capitalised noun
		// follows opens a longer name, and gives the post no country.
		if after := r.ix.tokenEnding(e.End) + 1; e.Label == pipeline.Place && !found && r.placeOpensName(after, hi) {
			for j = after; j < hi && r.placeOpensName(j, hi); j++ {
			}
			found = true
			break
		}
		switch c := r.p.countryOf(e); {
		case c != "" && prep != "to" && !(prep == "in" && (postedTitle(ph.match.Canonical) || ph.servesPosted)) && !(prep == "for" && e.Label == pipeline.Place && !r.possessiveAfter(e)) &&
			!(e.Subtype == gazetteer.City && localTitle(ph.match.Canonical)):
			// (A country after "to" is where the post is accredited, and
			// after "in" where a posted one serves: "the WHO representative
			// in Vietnam", not "a new prime minister in Sri Lanka". Alone
			// after "for" it is a mandate, "the envoy for Syria", or a
			// portfolio, "Secretary of State for Wales"; "for Chile's
			// foreign ministry" names the body's. The mayor of a capital
			// holds the city's office, not the country's.)
			if ph.country() == "" {
				ph.countries = []string{c}
			}
		case c != "":
		case e.Label == pipeline.Org:
			if (ph.org == "" || ph.org == ph.party && prep == "of") && prep != "to" {
				ph.org = e.Canonical
				ph.tied = true
			}
		case e.Label == pipeline.Place && prep == "at" && ph.match.Professional && e.ID == "" && ph.org == "":
			// "an analyst at Gartvale": after a profession, a name the
			// tagger took for a place the gazetteer does not know is the
			// employer.
			ph.org = e.Canonical
			ph.tied = true
		case e.Label == pipeline.Place:
			// A state, province or city completes the title.
		case e.Label == pipeline.Person && (prep == "for" || prep == "to" || prep == "representing" || prep == "of" && servesTitled):
			ph.tied = true // "a lawyer for Mr Begg", "representing Ann Kerr", "the spokeswoman of President X"
		case e.Label == pipeline.Person && r.possessiveAfter(e):
			// "the chairman of Mr. Ruiz's Council of Advisers", "the head
			// of Ana Ruiz's tribe": what the person owns follows.
			j = r.ix.tokenEnding(e.End) + 2
			found = true
			continue
		case e.Label == pipeline.NORP && found:
			// "of Spain's Basque region": an adjective before the head
			// noun read below.
			j = r.ix.tokenEnding(e.End) + 1
			continue
		default:
			if !found {
				return -1
			}
			return j
		}
		found = true
		j = r.ix.tokenEnding(e.End) + 1
		if ph.match.Plural && len(ph.countries) > 0 {
			j = r.countryList(ph, j, hi) // "the foreign ministers of Chile and Peru"
		}
		if prep == "to" && e.Label == pipeline.Place {
			j = r.placeList(j, hi) // "the envoy to Chile and Peru"
		}
		if e.Label == pipeline.Org {
			// An organisation's name the entity stage cut short: "National
			// Institute of Standards and Technology", "Office of the UN |
			// High Representative for Bosnia" (a title that no name
			// follows names the office).
			office := false
			if t := r.title(j); t.N > 0 && j+t.N < hi && isCapitalized(r.d.Tokens[j].Text) && r.persons[j+t.N] == 0 && strings.HasSuffix(e.Text, " of the "+r.d.Tokens[j-1].Text) {
				j += t.N
				office = ph.org == e.Canonical
			}
			j = r.nameContinues(j, hi)
			if office {
				ph.org = r.d.Text[e.Start:r.d.Tokens[j-1].End]
			}
			// "leader of the London Assembly Conservatives": a party's
			// members in the body; the post is in the party.
			if party, n := r.p.rules.partyFrom(r.d.Tokens, j, hi); n > 0 && ph.org == e.Canonical && strings.HasSuffix(r.lower[j+n-1], "s") {
				ph.org = party
				j += n
			}
			// "partner at BDO | Stoy Hayward": capitalised words that end
			// the apposition are the rest of the body's name, whatever the
			// entity stage made of them.
			if k := r.nameTail(j, hi); k > j && ph.org == e.Canonical {
				ph.org = r.d.Text[e.Start:r.d.Tokens[k-1].End]
				j = k
			}
		}
		if j < hi && isPossessive(r.d.Tokens[j].Text) {
			j++
			// "of Acme's global Research Unit": words in lower case that
			// say what the owner's unit is, then its name.
			k := j
			for k < hi && k < j+3 && startsLower(r.d.Tokens[k].Text) && (r.d.Tokens[k].Tag == "JJ" || strings.HasPrefix(r.d.Tokens[k].Tag, "NN")) {
				k++
			}
			if k > j && k < hi && isCapitalized(r.d.Tokens[k].Text) && r.persons[k] == 0 {
				if _, ok := r.ix.entityAt(k); ok {
					j = k
					continue
				}
				if end := r.capitalRun(k, hi); end > k {
					j = end
					break
				}
			}
			continue
		}
		if e.Label == pipeline.NORP && r.labelAt(j, pipeline.Org) {
			continue // "the Chilean Red Cross"
		}
		break
	}
	if !found {
		return j
	}
	// "the Chicago police", "the Green Party group", "the Senate select
	// committee": a lowercase head after the name.
	k := j
	// ("Spain's Basque region": an adjective in capitals too; "the UN's
	// peacekeeping mission": a participle before the noun; "Ohio's 9th
	// district": an ordinal.)
	// (A quotation mark prose tags as a noun is none.)
	for n := 0; n < 3 && k < hi && hasLetter(r.d.Tokens[k].Text) && (!isCapitalized(r.d.Tokens[k].Text) || r.d.Tokens[k].Tag == "JJ") && (strings.HasPrefix(r.d.Tokens[k].Tag, "NN") || r.d.Tokens[k].Tag == "JJ" || isOrdinal(r.lower[k]) || r.modifierParticiple(k, hi)); n++ {
		k++
		if strings.HasPrefix(r.d.Tokens[k-1].Tag, "NN") {
			j = k
			// "the Pakistani army's media wing": what the body owns.
			if k+1 < hi && isPossessive(r.d.Tokens[k].Text) && !isCapitalized(r.d.Tokens[k+1].Text) {
				k++
				n = -1
			}
		}
	}
	// "the host of Lakeview TV's programme Zorbala": a name after what
	// the body owns names the thing, and holds no post (but "the head of
	// the central bank Ben Hale" is the head).
	if head := j; head > 1 && strings.HasPrefix(r.d.Tokens[head-1].Tag, "NN") && !isCapitalized(r.d.Tokens[head-1].Text) && isPossessive(r.d.Tokens[head-2].Text) {
		if head+1 < hi && isQuote(r.d.Tokens[head].Text) {
			head++
		}
		if end := r.persons[head]; head < hi && end > 0 && end <= hi {
			j = end
			if j < hi && isQuote(r.d.Tokens[j].Text) {
				j++
			}
		}
	}
	// "the president of Spain's Basque region": a post of a part of the
	// country has none (the guidelines' sub-national posts).
	if j > 0 && subnationalNouns[r.lower[j-1]] {
		ph.countries = countries
	}
	return j
}

// seatOf returns the end of the seat a place's possessive owns from token
// j ("for Maine's 2nd congressional district", "for Harwick's eastern
// seat"), or j when there is none.
func (r *roleReader) seatOf(j, hi int) int {
	if j+1 >= hi || !isPossessive(r.d.Tokens[j].Text) {
		return j
	}
	for k := j + 1; k < hi && k < j+5 && r.persons[k] == 0; k++ {
		tag := r.d.Tokens[k].Tag
		if !strings.HasPrefix(tag, "NN") && tag != "JJ" && tag != "CD" && !isOrdinal(r.lower[k]) {
			break
		}
		if seatNouns[r.lower[k]] {
			return k + 1
		}
	}
	return j
}

// seatNouns are what a member of a chamber sits for.
var seatNouns = toSet(`district constituency seat riding ward division electorate`)

// placeOpensName reports whether token k, after a place, goes on with its
// name: a noun in capitals that is no person, title nor possessive.
func (r *roleReader) placeOpensName(k, hi int) bool {
	if k >= hi {
		return false
	}
	t := r.d.Tokens[k]
	return isCapitalized(t.Text) && strings.HasPrefix(t.Tag, "NN") && !isPossessive(t.Text) && r.persons[k] == 0 && r.title(k).N == 0
}

// verbOfName reports whether the "-ing" word at token k, after a noun of
// the phrase that starts at from, is a verb whose object is the name
// after it, though tagged as a noun: "the clinic treating | Ms Ana Ruiz"
// (not "head of marketing Ana Ruiz", where it follows the preposition).
func (r *roleReader) verbOfName(k, from, hi int) bool {
	return k > from && k+1 < hi && strings.HasSuffix(r.lower[k], "ing") && (r.persons[k+1] > 0 || r.is(k+1, honorificClass))
}

// modifierParticiple reports whether a lowercase participle at token k
// modifies the noun after it: "peacekeeping mission", "governing council".
func (r *roleReader) modifierParticiple(k, hi int) bool {
	return gerund(r.d.Tokens[k]) && k+1 < hi && strings.HasPrefix(r.d.Tokens[k+1].Tag, "NN")
}

// postedTitle reports whether a title is of one posted abroad or for a
// body, who serves in a country not their post's: "ambassador in Beijing".
func postedTitle(canonical string) bool {
	for _, w := range strings.Fields(canonical) {
		if postedHeads[w] {
			return true
		}
	}
	return false
}

var postedHeads = toSet(`Ambassador Envoy Representative Consul Correspondent Coordinator Attaché Nuncio`)

// labelAt reports whether an entity with the label starts at token k.
func (r *roleReader) labelAt(k int, label string) bool {
	e, ok := r.ix.entityAt(k)
	return ok && e.Label == label
}

// chamberWords name a legislature's chamber on their own, before its
// officers' titles.
var chamberWords = toSet(`House Senate`)

// partitives name a part of a group before "of".
var partitives = toSet(`one two three four five some several many most all each both`)

// subnationalNouns name the parts of a country.
var subnationalNouns = toSet(`region province state city district county municipality territory prefecture governorate`)

// qualifiedBefore reports whether a body, a place or a demonym stands
// between where ph starts and its title: "EU Commission President".
func (r *roleReader) qualifiedBefore(ph rolePhrase) bool {
	for k := ph.start; k < ph.titleStart; k++ {
		if e, ok := r.ix.entityAt(k); ok && e.Label != pipeline.Person {
			return true
		}
	}
	return false
}

// placeList reads on over more places joined to the one ending before
// token j ("to Chile, Peru and Bolivia") and returns where they end.
func (r *roleReader) placeList(j, hi int) int {
	for j+1 < hi && (r.lower[j] == "and" || r.lower[j] == ",") && r.labelAt(j+1, pipeline.Place) {
		e, _ := r.ix.entityAt(j + 1)
		j = r.ix.tokenEnding(e.End) + 1
	}
	return j
}

// countryList reads more countries of a plural title from token j: ", Peru
// and Bolivia". It returns where they end.
func (r *roleReader) countryList(ph *rolePhrase, j, hi int) int {
	cs, end := r.countriesAfter(j, hi)
	ph.countries = append(slices.Clip(ph.countries), cs...)
	return end
}

// ofCountryAt reports whether "of" and a country's name stand at token
// j: "Ambassador B of Norway".
func (r *roleReader) ofCountryAt(j int) bool {
	if j+1 >= len(r.lower) || r.lower[j] != "of" {
		return false
	}
	e, ok := r.ix.entityAt(j + 1)
	return ok && r.p.countryOf(e) != ""
}

// countriesAfter reads a list that goes on from token j ("and Peru", ",
// Peru and Bolivia"): the countries of its items and the token after the
// last; none when no country follows.
func (r *roleReader) countriesAfter(j, hi int) ([]string, int) {
	var cs []string
	for j+1 < hi && (r.lower[j] == "and" || r.lower[j] == ",") {
		k := j + 1
		if r.lower[j] == "," && r.lower[k] == "and" && k+1 < hi {
			k++
		}
		e, ok := r.ix.entityAt(k)
		if !ok {
			break
		}
		c := r.p.countryOf(e)
		if c == "" {
			break
		}
		cs = append(cs, c)
		j = r.ix.tokenEnding(e.End) + 1
	}
	return cs, j
}

// fieldAcronyms name a line of work, not a body: "PR executive", "IT
// consultant".
var fieldAcronyms = toSet(`PR IT HR`)

// tailTitle reports whether the title at k ends a name run, no name after
// it: "Caledonian | Investment Managers," (not "Chairman Ana Ruiz").
func (r *roleReader) tailTitle(k, hi int) bool {
	e := k + r.title(k).N
	return e >= hi || !isCapitalized(r.d.Tokens[e].Text)
}

// nameTail returns the end of capitalised words from m that end a
// clause (a comma, a bracket, a full stop or the sentence's end after
// them), none a person's, a day or a month, nor a title but one that
// ends them after another word; m when there are none.
func (r *roleReader) nameTail(m, hi int) int {
	k := m
	for k < hi && isCapitalized(r.d.Tokens[k].Text) && !isPossessive(r.d.Tokens[k].Text) && r.persons[k] == 0 && (r.title(k).N == 0 || k > m && r.tailTitle(k, hi)) && !r.is(k, r.p.rules.time) && monthOf(r.d.Tokens[k].Text) == 0 {
		k++
	}
	if k > m && (k == hi || r.lower[k] == "," || r.lower[k] == "." || r.lower[k] == ")") {
		return k
	}
	return m
}

// capitalRun returns the end of the capitalised name that starts at token
// m ("Vote No", "Office of the High Commissioner"), or m when none does.
func (r *roleReader) capitalRun(m, hi int) int {
	if m >= hi || !isCapitalized(r.d.Tokens[m].Text) || isPossessive(r.d.Tokens[m].Text) {
		return m
	}
	if e, ok := r.ix.entityAt(m); ok && e.Label != pipeline.Org {
		return m
	}
	k := m
	for k < hi && isCapitalized(r.d.Tokens[k].Text) && !isPossessive(r.d.Tokens[k].Text) {
		if n := r.title(k).N; k == m && n > 0 && k+n < hi && r.persons[k+n] > 0 {
			return m // "an aide to President Lahoud": a title and its holder, no body
		}
		// "the broadcaster TVX | Ana Ruiz": the body ends at a person, unless
		// a title comes before the person ("U.N. Secretary-General X").
		if k > m && r.persons[k] > 0 && !r.titleEndsAt(k, m) {
			return k
		}
		k++
	}
	return r.nameContinues(k, hi)
}

// nameContinues returns the end of a name that goes on past token j with
// "for", "of", "and", "on" or "the" and capitalised words.
func (r *roleReader) nameContinues(j, hi int) int {
	for j+1 < hi {
		switch r.lower[j] {
		case "for", "of", "and", "on", "&", "the":
		default:
			return j
		}
		k := j + 1
		if k+1 < hi && r.lower[k] == "the" && r.lower[j] != "the" {
			k++
		}
		if k < hi && r.persons[k] > k+1 {
			return j // "of the Port Council and Ana Ruiz as ...": a person's full name is no part of a body's
		}
		for k < hi && isCapitalized(r.d.Tokens[k].Text) && !isPossessive(r.d.Tokens[k].Text) {
			if _, ok := r.ix.entityAt(k); ok && k > j+1 {
				break
			}
			k++
		}
		if !isCapitalized(r.d.Tokens[k-1].Text) {
			return j
		}
		j = k
	}
	return j
}

// portfolio reads the words of a portfolio from token j: lowercase or
// capitalised nouns, joined by "and" or commas, ending in a portfolio word
// ("affairs", "transport", "the economy"). A minister's list may have
// capitalised items the lexicon lacks beside one it knows ("Productivity,
// Energy and Industry"). It returns their end, or 0.
func (r *roleReader) portfolio(j, hi int, ministerial bool) int {
	if j < hi && r.lower[j] == "the" {
		j++
	}
	end, known := 0, false
	for k := j; k < hi && k < j+6; k++ {
		lw := r.lower[k]
		if lw == "and" || lw == "&" || lw == "," {
			if lw == "," && end != k {
				break // each item of a list ends in a portfolio word
			}
			continue
		}
		// A minister's portfolio may be a word that also names a party or
		// a body: "Minister of Labour", "Secretary of Energy".
		if _, n := r.p.rules.partyFrom(r.d.Tokens, k, hi); n > 0 && !ministerial {
			break // "leader of Labour" leads a party
		}
		listItem := k+1 < hi && (r.lower[k+1] == "," || r.lower[k+1] == "and") // "Productivity, | Energy and Industry"
		if e, ok := r.ix.entityAt(k); ok && e.Label != pipeline.NORP && !portfolioPlace(e) && !r.placeOfPortfolio(e, hi) && r.complementEntity(e, ministerial) {
			// (One word the tagger took for a body may be a portfolio, or
			// an item of a minister's list.)
			oneWord := e.Start == r.d.Tokens[k].Start && e.End == r.d.Tokens[k].End
			if !(ministerial && oneWord && (r.p.titles.IsPortfolio(lw) || e.Label == pipeline.Org && listItem)) {
				break // a country or a body is a complement, not a portfolio
			}
		}
		tag := r.d.Tokens[k].Tag
		if !strings.HasPrefix(tag, "NN") && tag != "JJ" && !(tag == "VBG" && r.p.titles.IsPortfolio(lw)) || r.persons[k] > 0 {
			break // (a gerund may name a field: "head of equities trading")
		}
		// "governor of Kano State", "of Lagos state": a part of a country
		// the post is of, no portfolio ("Minister of State" is one).
		if k > j && subnationalNouns[lw] && r.labelAt(k-1, pipeline.Place) {
			break
		}
		// A minister's portfolio may be a level of government: "Minister
		// of Local Government" (not "of the government").
		if r.p.titles.IsPortfolio(lw) || ministerial && lw == "government" && k > j && r.d.Tokens[k-1].Tag == "JJ" {
			end, known = k+1, true
		} else if ministerial && listItem && isCapitalized(r.d.Tokens[k].Text) && strings.HasPrefix(tag, "NN") && !orgHeads[r.d.Tokens[k].Text] {
			end = k + 1 // an item of a list the lexicon lacks
		}
	}
	if !known {
		end = 0
	}
	// "director of the State Office of Mine Safety": words that
	// begin a longer name are that body's, not a portfolio (but
	// "Undersecretary of State | for Political Affairs").
	for k := j; k < end && end < hi && isCapitalized(r.d.Tokens[end].Text); k++ {
		if e, ok := r.ix.entityAt(k); ok && r.ix.tokenEnding(e.End) >= end {
			return 0
		}
	}
	// Nor when no one's name, nor a title before a name, follows them:
	// "of Hibernian Investment | Managers" is a body the tagger missed.
	if end > j && end < hi && isCapitalized(r.d.Tokens[end-1].Text) && isCapitalized(r.d.Tokens[end].Text) && strings.HasPrefix(r.d.Tokens[end].Tag, "NN") &&
		r.persons[end] == 0 && !r.labelAt(end, pipeline.Person) {
		if t := r.title(end); t.N == 0 || end+t.N >= hi || !isCapitalized(r.d.Tokens[end+t.N].Text) {
			return 0
		}
	}
	// "head of the research team": a portfolio word that a noun follows
	// only describes that noun.
	if end > 0 && end < hi && (!isCapitalized(r.d.Tokens[end].Text) && strings.HasPrefix(r.d.Tokens[end].Tag, "NN") || isPossessive(r.d.Tokens[end].Text)) {
		return 0 // ("spokesman for the sport's ruling body": an owner)
	}
	return end
}

// placeOfPortfolio reports whether a place comes before a portfolio word
// in lower case, which makes it the portfolio's: "head of UK equities".
// Not before a word for a part of a country: "governor of Sao Paulo state".
func (r *roleReader) placeOfPortfolio(e *pipeline.Entity, hi int) bool {
	end := r.ix.tokenEnding(e.End) + 1
	if e.Label != pipeline.Place || end <= 0 || end >= hi {
		return false
	}
	w := r.d.Tokens[end].Text
	return w == r.lower[end] && r.p.titles.IsPortfolio(w) && !subnationalNouns[w] && w != "commonwealth"
}

// complementEntity reports whether an entity after "Minister for" is what
// the post is of (a country, a body with a head noun, a place the
// gazetteer knows) rather than words of a portfolio the tagger read as a
// name ("East | African Affairs").
func (r *roleReader) complementEntity(e *pipeline.Entity, ministerial bool) bool {
	if r.p.countryOf(e) != "" || e.Source == pipeline.SourceGazetteer {
		return true
	}
	f := strings.Fields(e.Text)
	// A manager or a spokesman is of a body, not a portfolio, when a
	// word of its name is none: "spokesman for Union Investment".
	if !ministerial && e.Label == pipeline.Org && len(f) > 1 && slices.ContainsFunc(f, func(w string) bool {
		return !r.p.titles.IsPortfolio(strings.ToLower(w)) && !lowercase.Get(titleMinor, w)
	}) {
		return true
	}
	// "the US Treasury": a state's body, whose head may be a portfolio's
	// word.
	if len(f) > 1 && r.p.nationalBody(e.Text) != "" {
		return true
	}
	switch e.Label {
	case pipeline.Org:
		return orgHeads[f[len(f)-1]] || !r.p.titles.IsPortfolio(f[len(f)-1])
	case pipeline.Place:
		return !r.p.titles.IsPortfolio(f[len(f)-1]) && len(f) > 1
	}
	return true
}

// sameWords reports whether two titles have the same content words in any
// order: "Minister for Trade" and "Trade Minister".
func sameWords(a, b []string) bool {
	content := func(ws []string) int {
		n := 0
		for _, w := range ws {
			if !lowercase.Get(titleMinor, w) {
				n++
			}
		}
		return n
	}
	if content(a) != content(b) {
		return false
	}
	for _, w := range a {
		if !lowercase.Get(titleMinor, w) && !slices.ContainsFunc(b, func(v string) bool { return strings.EqualFold(v, w) }) {
			return false
		}
	}
	return len(a) != len(b) || !slices.EqualFunc(a, b, strings.EqualFold)
}

// portfolioPlace reports whether a place names a portfolio rather than a
// post's seat: a continent, a region or a sea ("Europe Minister",
// "Minister for Pacific Affairs").
func portfolioPlace(e *pipeline.Entity) bool {
	if e.Label != pipeline.Place {
		return false
	}
	switch e.Subtype {
	case gazetteer.Continent, gazetteer.Region, gazetteer.Feature:
		return true
	}
	return false
}

// possessiveAfter reports whether a possessive "'s" follows entity e.
func (r *roleReader) possessiveAfter(e *pipeline.Entity) bool {
	return r.possessiveAt(r.ix.tokenEnding(e.End) + 1)
}

// possessiveAt reports whether token k is a possessive "'s".
func (r *roleReader) possessiveAt(k int) bool {
	return k > 0 && k < len(r.d.Tokens) && isPossessive(r.d.Tokens[k].Text)
}

// personBefore returns the person mention nearest before token j in its
// sentence, as written, or "".
func (r *roleReader) personBefore(j int) string {
	si := r.d.Tokens[j].Sentence
	lo := r.d.Sentences[si].FirstToken
	if start, end, ok := r.lastPerson(j, lo); ok {
		return r.d.Text[r.d.Tokens[start].Start:r.d.Tokens[end-1].End]
	}
	// "Ana Ruiz will retire. Her chief of staff said ...": a sentence
	// that opens with the possessive refers back to the one person the
	// sentence before it names.
	if j != lo || si == 0 || r.d.Sentences[si-1].Paragraph != r.d.Sentences[si].Paragraph && r.d.Sentences[si-1].Paragraph+1 != r.d.Sentences[si].Paragraph {
		return ""
	}
	owner := ""
	for k := r.d.Sentences[si-1].FirstToken; k < lo; k++ {
		if e := r.persons[k]; e > 0 {
			name := r.d.Text[r.d.Tokens[k].Start:r.d.Tokens[e-1].End]
			if owner != "" && owner != name {
				return "" // ("A met B. His aide said": whose?)
			}
			owner, k = name, e-1
		}
	}
	return owner
}

// lastPerson returns the person mention that starts last in [lo, j) and
// ends by j, as tokens [start, end).
func (r *roleReader) lastPerson(j, lo int) (start, end int, ok bool) {
	for k := j - 1; k >= lo; k-- {
		if e := r.persons[k]; e > 0 && e <= j {
			return k, e, true
		}
	}
	return 0, 0, false
}

// localHeads head the titles of a city's or a region's offices.
var localHeads = toSet(`Mayor Governor Councillor Councilor Alderman Alderwoman Sheriff`)

// localTitle reports whether a title is a city's or a region's office
// ("Deputy Mayor"): a capital's mayor does not hold a post of the country.
func localTitle(title string) bool {
	words := strings.Fields(title)
	return len(words) > 0 && localHeads[words[len(words)-1]]
}

// containsFold reports whether words holds w, in any case.
func containsFold(words []string, w string) bool {
	return slices.ContainsFunc(words, func(s string) bool { return strings.EqualFold(s, w) })
}

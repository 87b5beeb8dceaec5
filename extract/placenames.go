package extract

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/readout/readout/gazetteer"
	"github.com/readout/readout/internal/lowercase"
	"github.com/readout/readout/pipeline"
)

// Evidence that a capitalised name the tagger calls a person is a place or
// a thing: a generic place word opening it, a longer place or organisation
// name it opens, or an apposition saying what it is.

// toponymPrefixes are generic place words that open Arabic, Hebrew, Turkish
// and Persian place names, as transliterated in English news: "Ain Issa"
// (spring), "Tell Tamer" (mound), "Masjid Al-Aqsa" (mosque), "Wadi Rum"
// (valley), "Deir ez-Zor" (monastery), "Khan Younis" (caravanserai).
var toponymPrefixes = toSet(`Masjid Ain Ein Tell Tel Tal Wadi Jebel Jabal Jbel Ras Bir Deir Dayr Kafr Kfar
Beit Bayt Bab Khan Qasr Jisr Nahr Qalat Qalaat Shatt`)

// divisionHeads end the names of administrative divisions: "Tomsk
// Oblast", "Altai Krai", "Kandahar Province", "Orange County".
var divisionHeads = toSet(`Oblast Krai Kray Okrug Raion Rayon Governorate Prefecture Province Voivodeship
Canton County Parish Municipality Emirate Sultanate`)

// toponymSpan reads a tagger span that opens with a generic place word
// ("Ain Issa"), or directly follows one ("Tell" before "Tamer"), or ends
// in a division's head ("Altai Krai") as a place;
// a lone place word takes the name after it ("Ras" before "al-Ain"). An
// organisation's name ending in its head noun stays one.
func (sc *sentenceScan) toponymSpan(i, j int, label string) (int, int, string) {
	if label == pipeline.Place || (label == pipeline.Org && isOrgHead(sc.words[j-1])) {
		return i, j, label
	}
	if label == pipeline.Person && j-i >= 2 && divisionHeads[sc.words[j-1]] {
		return i, j, pipeline.Place
	}
	// "his Lakeby South seat": a seat's name (not "the Kennedy seat").
	if j < len(sc.words) && sc.words[j] == "seat" && compassPoints[sc.words[j-1]] {
		return i, j, pipeline.Place
	}
	// "off Kamchatka peninsula", "France's Aigle Azur airline": a common
	// noun after the name says what it names.
	if label == pipeline.Person && j < len(sc.words) && !isCapitalized(sc.words[j]) {
		k := j // ("the Louis Hale international airport": past its kind)
		if k+1 < len(sc.words) && placeNounModifiers[sc.words[k]] {
			k++
		}
		switch {
		// ("the Lakeview crossing", not "Ana Ruiz crossing the road".)
		case placeNouns[sc.words[k]] && (k > j || sc.toks[j].Tag != "VBG" || i > 0 && strings.EqualFold(sc.words[i-1], "the")):
			return i, j, pipeline.Place
		case bodyNouns[sc.words[j]]:
			return i, j, pipeline.Org
		}
	}
	if toponymPrefixes[sc.words[i]] {
		if j-i == 1 && j < len(sc.words) && (isNameWord(sc.words[j], false) || particlePrefixed(sc.words[j])) {
			j++
		}
		if j-i >= 2 {
			return i, j, pipeline.Place
		}
	}
	// Not at a sentence's start, where the word may be a verb ("Tell").
	if i > 1 && toponymPrefixes[sc.words[i-1]] {
		return i - 1, j, pipeline.Place
	}
	return i, j, label
}

// placeNouns and bodyNouns are the common nouns that follow the name of a
// place or a body as its head: "Sughd province", "the Kevin Lee band" (not
// "party": "the Nixon party" travelled with him).
var placeNouns = toSet(`peninsula province region district village town city island islands valley river county
port airport hill hills mountain mountains lake bay beach coast forest desert creek strait ridge glacier gorge canyon
ward borough constituency parish municipality township neighbourhood neighborhood suburb crossing checkpoint`)
var bodyNouns = toSet(`airline airlines company firm group band militia movement newspaper agency bank broadcaster
network channel club congregation`)

// placeNounModifiers may stand between a name and its place noun.
var placeNounModifiers = toSet(`international national regional domestic municipal`)

// docFacts holds what the whole document says about its words, built once
// on demand and shared by its sentences.
type docFacts struct {
	d       *pipeline.Doc
	gaz     *gazetteer.Gazetteer // given names and titles; nil reads none
	lower   map[string]bool      // words the document writes in lower case
	things  map[string]string    // names an apposition calls a thing -> their label
	groups  map[string]bool      // names the document uses in the plural: "the Hales", "120 Kestrels"
	spelled map[string]bool      // whether the text holds a name, for expansionKnown
	words   map[string]int       // how often each word is written, for repeats
	persons map[string]bool      // capitalised words written as someone's: "X, who"
	aged    map[string]bool      // capitalised words given an age: "X, 45,"
	// names of up to three words written as something's: "bought
	// Lakeview, which"
	impersonal map[string]bool
	owned      map[string]bool // words whose "'s" is part of a name: "Moody's said"
}

// notPerson reports whether the document writes a name of up to three
// words before ", which" where no other noun may be what "which" refers
// to, as a clause's first words or a verb's object: "bought Lakeview
// Tarn, which makes engines", not "a letter from Ana Ruiz, which was
// leaked" nor "comments by bank president Tom Berg, which".
func (f *docFacts) notPerson(name string) bool {
	f.readAppositions()
	return f.impersonal[name]
}

// personal reports whether the document writes the capitalised word w as
// a person's name somewhere: before a relative "who" ("Brandow, who
// said") or an age ("Brandow, 45, was"), though not as the last of a
// list ("Orla Group and Castell Leisure, who ..." are the list's) or
// after "of" ("X, chairman of Lakeview Brothers, who ..." is X).
func (f *docFacts) personal(w string) bool {
	f.readPersonal()
	return f.persons[w] || f.aged[w]
}

// yearsOfAge reports whether w is a number a person's age may be: 1 to
// 120.
func yearsOfAge(w string) bool {
	n, err := strconv.Atoi(w)
	return err == nil && isDigits(w) && n >= 1 && n <= 120
}

// hasAge reports whether the document gives the capitalised word w an age,
// as only a person's name takes one: "Wang, 45, was".
func (f *docFacts) hasAge(w string) bool {
	f.readPersonal()
	return f.aged[w]
}

// readPersonal fills persons and aged, once.
func (f *docFacts) readPersonal() {
	if f.persons == nil {
		f.persons, f.aged = map[string]bool{}, map[string]bool{}
		t := f.d.Tokens
		for k := range t {
			n := k + 1
			if n < len(t) && t[n].Text == "," {
				n++
			}
			if n >= len(t) || t[n].Sentence != t[k].Sentence || !isCapitalized(t[k].Text) {
				continue
			}
			if n == k+2 && n+1 < len(t) && yearsOfAge(t[n].Text) && t[n+1].Text == "," && (k == 0 || !isDigits(t[k-1].Text)) {
				f.aged[t[k].Text] = true // (not in a list of numbers: "the 147, 156 Sportwagon, 166, GTV")
			}
			// "Masai's fellow Kenyan", "Hale's wife": only people have
			// fellows and kin (a firm has partners).
			if n == k+1 && isPossessive(t[n].Text) && n+1 < len(t) && (t[n+1].Text == "fellow" || t[n+1].Text != "partner" && lowercase.Get(kinNouns, t[n+1].Text)) {
				f.persons[t[k].Text] = true
			}
			if t[n].Text != "who" {
				continue
			}
			r := k
			for r > 0 && t[r-1].Sentence == t[k].Sentence && isCapitalized(t[r-1].Text) {
				r--
			}
			if r == 0 || !whoElsewhere[t[r-1].Text] {
				f.persons[t[k].Text] = true
			}
		}
	}
}

// namesWithS reports whether the document writes the capitalised word w
// before an "'s" that cannot be a possessive, since no noun phrase follows
// it: a verb that is no noun, a preposition or a full stop comes next
// ("Moody's said", "a meal at McDonald's.", "Standard & Poor's of New
// York"). The "'s" is then part of a name, there and wherever the name
// comes back.
func (f *docFacts) namesWithS(w string) bool {
	if f.owned == nil {
		f.owned = map[string]bool{}
		t := f.d.Tokens
		for k := 1; k < len(t); k++ {
			if !isPossessive(t[k].Text) || t[k].Text == "'" || t[k].Text == "’" || !isCapitalized(t[k-1].Text) || t[k-1].Sentence != t[k].Sentence {
				continue
			}
			// (A sentence that ends at the "'s" is a line cut short, and
			// a comma may follow an elliptic possessive: "Sony's, Canon's
			// and ours", as may anything after a comparison: "worth more
			// than Sony's.")
			r := k - 1
			for r > 0 && t[r-1].Sentence == t[k].Sentence && (isCapitalized(t[r-1].Text) || t[r-1].Text == "&") {
				r--
			}
			if r > 0 && lowercase.Get(comparisons, t[r-1].Text) {
				continue
			}
			if n := k + 1; n < len(t) && t[n].Sentence == t[k].Sentence && nameEndingWords[t[n].Text] {
				f.owned[t[k-1].Text] = true
			}
		}
	}
	return f.owned[w]
}

// comparisons before a name may leave the possessive's noun unsaid.
var comparisons = toSet(`than as like unlike`)

// nameEndingWords after a name leave no room for a possessive's noun:
// prepositions, verbs that cannot be nouns, closing punctuation ("and"
// and "or" can: "Blair's and Brown's plans").
var nameEndingWords = toSet(`of in at for on to with from by said says is was has had will would could can may might should did does . ; : ? ! )`)

// whoElsewhere before a name send a "who" after it to another noun.
var whoElsewhere = toSet(`and or , of`)

// spells reports whether the document's text holds name, searching the
// text once per name, not once per mention.
func (f *docFacts) spells(name string) bool {
	ok, seen := f.spelled[name]
	if !seen {
		if f.spelled == nil {
			f.spelled = map[string]bool{}
		}
		ok = strings.Contains(f.d.Text, name)
		f.spelled[name] = ok
	}
	return ok
}

// repeats reports whether the document writes the word w at least twice,
// counting its tokens once for the document.
func (f *docFacts) repeats(w string) bool {
	if f.words == nil {
		f.words = make(map[string]int, len(f.d.Tokens)/4)
		for _, t := range f.d.Tokens {
			f.words[t.Text]++
		}
	}
	return f.words[w] >= 2
}

// thingNouns head appositions that describe a thing, never a person, and
// give the label of what they describe: "" for a substance or a kind of
// something ("Novichok, a range of nerve agents"), a place ("a town") or an
// organisation ("Hamas, the militant group").
var thingNouns = func() map[string]string {
	m := map[string]string{}
	for label, words := range map[string]string{
		"": `range kind type sort form class family variety series mixture strain brand substance
chemical compound drug poison toxin neurotoxin virus disease vaccine medicine weapon`,
		pipeline.Place: `town village city province region district river mountain island
neighbourhood neighborhood suburb ranch farm estate plantation hotel resort mine factory refinery`,
		pipeline.Org: `company firm group organisation organization party newspaper website`,
	} {
		for _, w := range strings.Fields(words) {
			m[w] = label
		}
	}
	return m
}()

// namedKinds name kinds of work and of vessel, in lower case, whose name
// follows them: "the comedy Vera Hale", "the tanker Grace Lindow".
var namedKinds = toSet(`film movie comedy drama thriller documentary musical opera play novel book album single song sitcom show
series serial soap miniseries
ship vessel tanker freighter ferry yacht trawler liner frigate destroyer submarine carrier cruiser corvette warship
icebreaker tug tugboat barge schooner steamer catamaran spacecraft rover lander satellite telescope asteroid comet`)

// vesselTitles open ships' names after titles of people: "the carrier
// Admiral Kuznetsov", "the liner Queen Mary".
var vesselTitles = toSet(`Princess Prince Queen King Admiral General President Emperor Empress Sultan`)

// wordingKinds name kinds of wording and of book; no other part of speech
// is written the same, so they count whatever the tagger says ("the Hindi
// slogan Jai Kisan", slogan read as an adjective).
var wordingKinds = toSet(`slogan motto chant catchphrase hashtag phrase memoir memoirs autobiography poem anthem`)

// contestVerbs take a seat as their object.
var contestVerbs = toSet(`contest contests contested contesting`)

// seatHolders are members of a chamber who sit "for" a seat: "the MP for
// Harwick Green".
var seatHolders = toSet(`MP MSP MEP MLA MNA MPP TD member`)

// bodyTails are the nouns after a body's name: "the Yesh Atid party";
// partTails those after the name of a part of a firm, which no one's name
// comes before ("its Clearvale unit").
var (
	partTails = toSet(partTailWords)
	bodyTails = toSet(`party movement bloc militia ` + partTailWords)
)

const partTailWords = `unit subsidiary division`

// group reports whether the document uses the one-word name w in the
// plural, after "the" or a number, as the name of a group or a band ("the
// Kestrels played", "120 Kestrels will go"): no one's name anywhere in it.
// Not an eponym before its noun ("the Marcos regime"), nor a family named
// after someone in the text ("Mrs Hale ... the Hales").
func (f *docFacts) group(w string, namesBefore func(string) bool) bool {
	if f.groups == nil {
		f.groups = map[string]bool{}
		t := f.d.Tokens
		var surnames map[string]bool // words after a given name or a title, read when a plural needs them
		surname := func(w string) bool {
			if surnames == nil {
				surnames = map[string]bool{}
				for k := 1; k < len(t); k++ {
					if isCapitalized(t[k].Text) && namesBefore(t[k-1].Text) {
						surnames[t[k].Text] = true
					}
				}
			}
			return surnames[w]
		}
		for k := 1; k < len(t); k++ {
			w, before := t[k].Text, t[k-1]
			if len(w) < 4 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || !isCapitalized(w) || isAllCaps(w) || before.Sentence != t[k].Sentence {
				continue
			}
			if !strings.EqualFold(before.Text, "the") && (before.Tag != "CD" || isYear(before.Text)) { // (not "In 1998 Jones said")
				continue
			}
			next := func(n int) string {
				if k+n < len(t) && t[k+n].Sentence == t[k].Sentence {
					return t[k+n].Text
				}
				return ""
			}
			if n := next(1); n != "" && (strings.HasPrefix(t[k+1].Tag, "NN") || isPossessive(n) || isCapitalized(n)) ||
				(n == "and" || n == "&") && isCapitalized(next(2)) {
				continue // "the Marcos regime", "the Hales' house", "the Elvis After Dark museum", "the Rogers and Hammerstein show"
			}
			// (A family is named after someone in the text, "Mrs Hale",
			// "President Hale", and corpora count "the Clintons" as people.)
			if !surname(strings.TrimSuffix(w, "s")) && !surname(strings.TrimSuffix(w, "es")) {
				f.groups[w] = true
			}
		}
	}
	return f.groups[w]
}

// thing returns the label of what the document says the name w is
// ("Novichok, a range of nerve agents": none; "the Yesh Atid party": a
// body), and whether it says.
func (f *docFacts) thing(w string) (string, bool) {
	f.readAppositions()
	label, ok := f.things[w]
	return label, ok
}

// readAppositions fills things and impersonal, once.
func (f *docFacts) readAppositions() {
	if f.things != nil {
		return
	}
	f.things, f.impersonal = map[string]string{}, map[string]bool{}
	for _, s := range f.d.Sentences {
		f.appositions(f.d.Tokens[s.FirstToken:s.EndToken])
	}
	f.collectives()
}

// collectives records the names that a plural verb follows: "Rotor are
// top of the league", "Harwick have signed a striker". A singular name
// with a plural verb is a team's, a band's or a firm's, as British news
// writes them, in the whole document. Not the last of a coordination
// ("Tom and Ana Ruiz are", "as well as Ana Ruiz have"), an object's
// ("the people Ana Ruiz have met"), a full name opening with a given
// name ("The Streets, aka rapper Mike Hale, have"), a plural after "the"
// ("the Hales are") nor a country ("England are": a place, as corpora
// count national sides). A clause's subject opens the sentence, or
// follows a comma or a subordinator ("Despite the defeat, Rotor are",
// "said that Rotor have"); a sentence that does not follow a full stop
// is a line cut short ("he and finance minister | Ana Ruiz have").
func (f *docFacts) collectives() {
	t := f.d.Tokens
	for k := 1; k < len(t); k++ {
		if t[k].Text != "are" && t[k].Text != "have" {
			continue
		}
		start := k
		for start > 0 && k-start < 3 && t[start-1].Sentence == t[k].Sentence && isCapitalized(t[start-1].Text) && !isAllCaps(t[start-1].Text) && !isPossessive(t[start-1].Text) {
			start--
		}
		if start == k {
			continue
		}
		if start > 0 {
			before := t[start-1]
			opens := before.Sentence == t[k].Sentence && subjectOpeners[strings.ToLower(before.Text)] ||
				before.Sentence != t[k].Sentence && (sentenceEnds[before.Text] || strings.Contains(f.d.Text[before.End:t[start].Start], "\n\n"))
			if !opens {
				continue
			}
		}
		if k-start > 1 && f.gaz != nil && f.gaz.CommonGivenName(t[start].Text) {
			continue // (one word may be both: "Chelsea have")
		}
		name := strings.Join(tokenTexts(t[start:k]), " ")
		if f.gaz != nil && slices.ContainsFunc(f.gaz.Lookup(name), func(e gazetteer.Entry) bool { return e.Kind != gazetteer.City && e.Kind != gazetteer.Org }) {
			continue
		}
		if _, ok := f.things[name]; !ok {
			f.things[name] = pipeline.Org
		}
	}
}

// prepositionedNoun reports whether the noun at k heads the object of a
// preposition: the words before it back to one tagged IN are a
// determiner, adjectives, names or possessives ("on BBC Radio's | show").
func prepositionedNoun(t []pipeline.Token, k int) bool {
	for j := k - 1; j >= 0; j-- {
		switch tag := t[j].Tag; {
		case tag == "IN" || tag == "TO":
			return true
		case tag == "DT" || tag == "PRP$" || tag == "POS" || tag == "CD" || strings.HasPrefix(tag, "JJ") || strings.HasPrefix(tag, "NN"):
		default:
			return false
		}
	}
	return false
}

// appositions records the one-word names of a sentence described by a
// noun phrase after a comma, and the names of storms. An opening phrase
// with no verb yet is not described by what follows it: in "In Baghdad, a
// bomb exploded" the phrase is the clause's subject.
func (f *docFacts) appositions(t []pipeline.Token) {
	// "Hurricane Danielle": the storm's name is no one's in the whole
	// document ("Danielle weakened").
	for k := 0; k+1 < len(t); k++ {
		if stormWords[t[k].Text] && isCapitalized(t[k+1].Text) {
			f.things[t[k+1].Text] = ""
		}
	}
	// "the comedy Vera Hale", "his album Harwick Street": a work's or a
	// vessel's name after the noun for its kind is no one's name in the
	// whole document.
	// So is one set off by commas after it, where the noun is no
	// preposition's ("her novel, Harbour Lights, won"; not "on the show,
	// Ana Ruiz said").
	for k := 0; k+1 < len(t); k++ {
		if !wordingKinds[t[k].Text] && (!namedKinds[t[k].Text] || !strings.HasPrefix(t[k].Tag, "NN")) {
			continue
		}
		start := k + 1
		apposed := t[start].Text == "," && start+1 < len(t) && !lowercase.Get(honorifics, t[start+1].Text) && !prepositionedNoun(t, k)
		if apposed {
			start++
		}
		end := start
		for end < len(t) && end < start+4 && isCapitalized(t[end].Text) && !isPossessive(t[end].Text) {
			end++
		}
		if apposed && (end == start || end < len(t) && t[end].Text != "," && t[end].Text != ".") {
			continue
		}
		// (An acronym is a body's, after a comma the writer left out: "a
		// downloaded movie NEC is showing".)
		if end > start && (end == len(t) || !isPossessive(t[end].Text)) && !(end == start+1 && isAllCaps(t[start].Text)) {
			f.things[strings.Join(tokenTexts(t[start:end]), " ")] = ""
			// ("the tanker Princess Halima", "the frigate HMS Ana
			// Ruiz": nor is the name after the title or the navy's
			// prefix in it anyone's.)
			if end > start+1 && (lowercase.Get(honorifics, t[start].Text) || vesselTitles[t[start].Text] || isAllCaps(t[start].Text) && len(t[start].Text) <= 4) {
				f.things[strings.Join(tokenTexts(t[start+1:end]), " ")] = ""
			}
		}
	}
	// "Vera Hale star Ana Ruiz", "Rotor star Tom Berg": a name before
	// "star" and someone's name is a work's or a team's, no one's.
	for k := 1; k+1 < len(t); k++ {
		if t[k].Text != "star" || !strings.HasPrefix(t[k].Tag, "NN") || !isCapitalized(t[k+1].Text) || !isCapitalized(t[k-1].Text) {
			continue
		}
		start := k - 1
		for start > 0 && k-start < 4 && isCapitalized(t[start-1].Text) && !isPossessive(t[start-1].Text) && !lowercase.Get(articles, t[start-1].Text) {
			start--
		}
		f.impersonal[strings.Join(tokenTexts(t[start:k]), " ")] = true
	}
	// "engineering group Halvard", "storage firm Ostel", "gadget magazine
	// Spark", "the militia Red Dawn", "the news site Kroniko": a name
	// after the noun for a kind of firm, paper or other body is a
	// body's in the whole document ("a boost to Halvard, which"), unless a given name or a title opens it ("the
	// firm Tom Berg founded", "company Chairman Ana Ruiz"). A compound's
	// kind ("transport group") may name a body by a given name alone
	// ("Carter").
	for k := 0; k+1 < len(t); k++ {
		if !firmNouns[t[k].Text] && !paperNouns[t[k].Text] && !orgNouns[t[k].Text] && !otherBodyKinds[t[k].Text] || t[k].Tag != "NN" || !isCapitalized(t[k+1].Text) {
			continue
		}
		end := k + 2
		for end < len(t) && end < k+5 && isCapitalized(t[end].Text) && !isPossessive(t[end].Text) {
			end++
		}
		compound := k > 0 && t[k-1].Tag == "NN" && !isCapitalized(t[k-1].Text) && end == k+2
		if f.bodyName(t[k+1].Text, compound) {
			f.things[strings.Join(tokenTexts(t[k+1:end]), " ")] = pipeline.Org
		}
	}
	// "the centrist Yesh Atid (Future) party": a name before a noun of a
	// body names that body in the whole document ("a lawmaker with Yesh
	// Atid").
	for k := 1; k+1 < len(t); k++ {
		if !lowercase.Get(bodyTails, t[k].Text) || isCapitalized(t[k].Text) {
			continue
		}
		end := k
		if t[k-1].Text == ")" {
			for end = k - 1; end > 0 && end > k-5 && t[end].Text != "("; end-- {
			}
		}
		start := end
		for start > 0 && start > end-3 && isCapitalized(t[start-1].Text) && !isAllCaps(t[start-1].Text) && !placedByWord(t[start-1].Text) {
			start--
		}
		// (One word may be a person's: "the Nixon party" travelling; not
		// before a firm's part: "its Clearvale unit".)
		if (end-start >= 2 || end-start == 1 && lowercase.Get(partTails, t[k].Text)) && start > 0 && (!isCapitalized(t[start-1].Text) || placedByWord(t[start-1].Text)) {
			f.things[strings.Join(tokenTexts(t[start:end]), " ")] = pipeline.Org
		}
	}
	// "he will contest Harwick Green", "the MP for Harwick Green": what
	// a candidate contests and a member sits for is a seat, in the whole
	// document (not "contest Ana Ruiz's claim").
	for k := 0; k+1 < len(t); k++ {
		if seatHolders[t[k].Text] && t[k+1].Text == "for" {
			k++
		} else if !lowercase.Get(contestVerbs, t[k].Text) {
			continue
		}
		end := k + 1
		for end < len(t) && end < k+4 && isCapitalized(t[end].Text) && !isPossessive(t[end].Text) {
			end++
		}
		if end > k+1 && (end == len(t) || !isPossessive(t[end].Text)) {
			f.things[strings.Join(tokenTexts(t[k+1:end]), " ")] = pipeline.Place
		}
	}
	opener := len(t) > 0 && t[0].Tag == "IN"
	for k := 0; k+3 < len(t); k++ {
		if strings.HasPrefix(t[k].Tag, "VB") || t[k].Tag == "MD" {
			opener = false
		}
		if opener || t[k+1].Text != "," || !isCapitalized(t[k].Text) {
			continue
		}
		// (A name of up to three words: "Hato Los Pinos, a cattle ranch".)
		start := k
		for start > 0 && k-start < 2 && isNameWord(t[start-1].Text, true) {
			start--
		}
		if start > 0 && isNameWord(t[start-1].Text, true) {
			continue
		}
		name := strings.Join(tokenTexts(t[start:k+1]), " ")
		switch t[k+2].Text {
		case "a", "an", "the":
			if label, ok := thingNouns[appositionHead(t[k+3:])]; ok {
				f.things[name] = label
			}
		case "which":
			if start == 0 || strings.HasPrefix(t[start-1].Tag, "VB") {
				f.impersonal[name] = true
			}
		}
	}
}

// subjectOpeners may stand before a clause's subject: a comma, a
// quotation mark, a subordinator ("Despite the defeat, Rotor are", "said
// that Rotor have").
var subjectOpeners = toSet(`, " “ that because although though while when whereas if since after before so but yet`)

// sentenceEnds end a sentence's last word or quotation.
var sentenceEnds = toSet(`. ! ? " ” ' ’`)

// bodyName reports whether a word may open a body's name after the noun
// for its kind: no title, weekday or month, and no given name unless
// given is true.
func (f *docFacts) bodyName(w string, given bool) bool {
	if isWeekdayName(w) || monthOf(w) != 0 {
		return false
	}
	lw := strings.ToLower(w)
	return f.gaz == nil || (given || !f.gaz.CommonGivenName(w)) && !f.gaz.Titles().IsHead(lw) && !f.gaz.Titles().IsModifier(lw)
}

// appositionHead returns the head of the noun phrase opening toks, after
// up to three modifiers: "range" in "range of neurotoxins", "group" in
// "militant group,". It is "" when no lower-case noun comes, when a kind
// noun lacks its "of", and when the phrase goes on as a clause ("X, the
// newspaper said") or a longer name ("the type F railing").
func appositionHead(toks []pipeline.Token) string {
	k := 0
	for k < len(toks) && k < 3 && isModifier(toks[k]) {
		k++
	}
	head := ""
	for ; k < len(toks) && strings.HasPrefix(toks[k].Tag, "NN") && !isCapitalized(toks[k].Text); k++ {
		head = strings.ToLower(toks[k].Text)
	}
	next := ""
	if k < len(toks) {
		next = toks[k].Text
		if t := toks[k].Tag; !(separators[next] || next == "." || t == "IN" || t == "VBN" || t == "VBG" || t == "WDT") {
			return ""
		}
	}
	if kindNouns[head] && next != "of" {
		return ""
	}
	return head
}

// kindNouns name a kind of something only with "of" after them.
var kindNouns = toSet(`range kind type sort form class family variety series mixture strain brand`)

func isModifier(t pipeline.Token) bool {
	for _, p := range []string{"JJ", "RB", "VBN", "VBG", "CD"} {
		if strings.HasPrefix(t.Tag, p) {
			return true
		}
	}
	return false
}

// longName is a place or organisation name of three words or more.
type longName struct {
	text, label string
}

// relabelNameParts gives a tagger's person that is the leading part of a
// longer place or organisation name in the document that name's label and
// canonical name: "Hagia Sophia" beside "Hagia Sophia Museum", and its
// spellings one letter apart ("Haghia Sophia"). A name that a rule found
// (a title, a speech verb), a surname of another person and a name opening
// with a known given name stay people: "George Washington" beside "George
// Washington University".
func relabelNameParts(d *pipeline.Doc, ents []pipeline.Entity, gaz *gazetteer.Gazetteer) {
	cands := false
	for _, e := range ents {
		if modelPersonForm(e, gaz) != "" {
			cands = true
			break
		}
	}
	if !cands {
		return
	}
	parts := leadingParts(d, ents)
	if len(parts) == 0 {
		return
	}
	keep := map[string]bool{}
	for _, e := range ents {
		if e.Label != pipeline.Person {
			continue
		}
		forms := nameForms(strings.Join(strings.Fields(e.Text), " "))
		if e.Source == pipeline.SourceModel {
			forms = forms[1:]
		}
		for _, f := range forms {
			keep[f] = true
		}
	}
	found := map[string]longName{}
	for _, e := range ents {
		if f := modelPersonForm(e, gaz); f != "" && !keep[f] {
			if n, ok := parts[f]; ok {
				found[f] = n
			}
		}
	}
	if len(found) == 0 {
		return
	}
	for i, e := range ents {
		f := modelPersonForm(e, gaz)
		if f == "" || keep[f] {
			continue
		}
		n, ok := found[f]
		if !ok {
			n, ok = spellingOf(f, found)
		}
		if ok {
			ents[i].Label, ents[i].Canonical, ents[i].Subtype, ents[i].ID = n.label, n.text, "", ""
		}
	}
}

// modelPersonForm returns the words of a tagger's person of two words or
// more that does not open with a known given name, or "".
func modelPersonForm(e pipeline.Entity, gaz *gazetteer.Gazetteer) string {
	if e.Label != pipeline.Person || e.Source != pipeline.SourceModel {
		return ""
	}
	f := strings.Fields(e.Text)
	if len(f) < 2 || gaz.GivenName(f[0]) {
		return ""
	}
	return strings.Join(f, " ")
}

// leadingParts maps the leading words of each long place or organisation
// name to that name. The names are the document's places and organisations
// of three words or more, and capitalised runs ending in a building's or a
// body's head noun anywhere, headings included ("Hagia Sophia Museum").
func leadingParts(d *pipeline.Doc, ents []pipeline.Entity) map[string]longName {
	parts := map[string]longName{}
	addName := func(words []string, label string) {
		n := longName{strings.Join(words, " "), label}
		for k := 2; k < len(words); k++ {
			if p := strings.Join(words[:k], " "); parts[p].text == "" {
				parts[p] = n
			}
		}
	}
	for _, e := range ents {
		if f := strings.Fields(e.Text); len(f) >= 3 && (e.Label == pipeline.Place || e.Label == pipeline.Org) {
			addName(f, e.Label)
		}
	}
	for _, s := range d.Sentences {
		toks := d.Tokens[s.FirstToken:s.EndToken]
		for h, t := range toks {
			label := pipeline.Place
			if !facilityHeads[t.Text] {
				if !orgHeads[t.Text] {
					continue
				}
				label = pipeline.Org
			}
			start := h
			for start > 0 && h-start < 4 && isNameWord(toks[start-1].Text, true) && !orgHeads[toks[start-1].Text] && !facilityHeads[toks[start-1].Text] {
				start--
			}
			// A heading capitalises every word: any word of the run may
			// open the name ("Converting Hagia Sophia Museum").
			for o := start; h-o >= 2; o++ {
				words := make([]string, 0, h-o+1)
				for _, w := range toks[o : h+1] {
					words = append(words, w.Text)
				}
				addName(words, label)
			}
		}
	}
	return parts
}

// spellingOf finds the relabelled name that f spells one letter apart,
// with the same number of words and the same last word.
func spellingOf(f string, found map[string]longName) (longName, bool) {
	if len(f) < 8 {
		return longName{}, false
	}
	fw := strings.Fields(f)
	var names []string
	for g := range found {
		names = append(names, g)
	}
	sort.Strings(names) // the same answer every run
	for _, g := range names {
		gw := strings.Fields(g)
		if len(gw) == len(fw) && gw[len(gw)-1] == fw[len(fw)-1] && oneEdit(foldName(f), foldName(g)) {
			return found[g], true
		}
	}
	return longName{}, false
}

// listedPlaces relabels as places the names that only the tagger calls
// people in a list made mostly of places, three at least: "Harlech,
// Barmouth, Tywyn, Bala and Llanegryn" is a list of towns whatever the
// tagger makes of "Bala". A name that a place follows in the list is a
// person and their home ("Ann Lee, Hermitage, Ohio, and Tom Berg, Dayton,
// Ohio"); one that a rule found to be a person's anywhere in the
// document, that opens with a known given name ("Kenya, Uganda and Eric
// Habimana") or that owns something ("Chile, Peru and Ana Ruiz's office")
// stays a person too.
func listedPlaces(text string, ents []pipeline.Entity, gaz *gazetteer.Gazetteer) {
	var ruled map[string]bool // built when a list needs it
	for i := 0; i < len(ents); {
		j := i + 1 // the list is ents[i:j]
		for j < len(ents) && listSeparator(text[ents[j-1].End:ents[j].Start]) {
			j++
		}
		places := 0
		for _, e := range ents[i:j] {
			if e.Label == pipeline.Place {
				places++
			}
		}
		if places >= 3 && 2*places > j-i {
			if ruled == nil {
				ruled = map[string]bool{}
				for _, e := range ents {
					if e.Label == pipeline.Person && e.Source != pipeline.SourceModel {
						ruled[e.Canonical] = true
					}
				}
			}
			for k := i; k < j; k++ {
				e := &ents[k]
				if e.Label != pipeline.Person || e.Source != pipeline.SourceModel || ruled[e.Canonical] ||
					k+1 < j && ents[k+1].Label == pipeline.Place || possessiveFollows(text, e.End) || gaz.GivenName(strings.Fields(e.Text)[0]) {
					continue
				}
				e.Label, e.Subtype, e.ID = pipeline.Place, "", ""
			}
		}
		i = j
	}
}

// listSeparator reports whether s only separates the items of a list:
// a comma, "and", "or", or a comma and either.
func listSeparator(s string) bool {
	if len(s) > 8 {
		return false // the common case: prose between two names
	}
	switch strings.Join(strings.Fields(strings.ReplaceAll(s, ",", " , ")), " ") {
	case ",", "and", "or", ", and", ", or":
		return true
	}
	return false
}

// possessiveFollows reports whether a possessive ending starts text at
// offset end.
func possessiveFollows(text string, end int) bool {
	for _, p := range []string{"'s", "’s", "'", "’"} {
		if strings.HasPrefix(text[end:], p) {
			return true
		}
	}
	return false
}

// otherBodyKinds are nouns for bodies that name one after them, besides
// firms, papers and political bodies: "the militia Red Dawn", "the news
// site Kroniko".
var otherBodyKinds = toSet(`militia faction outlet site portal`)

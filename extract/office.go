package extract

import (
	"slices"
	"strings"
	"unicode"

	"github.com/readout/readout/internal/lowercase"
	"github.com/readout/readout/pipeline"
)

// What the text says about an office beyond its title: whether the person
// still holds it, and what a bare title leaves unsaid.

// weakTitles describe rather than name an office ("a government
// official", "the longtime leader of Zimbabwe"); any other title the text
// gives the person wins over them. addressTitles are religious and
// academic titles of address, as weak, but a title of address wins over a
// description of the holder alone ("religious leader Grand Ayatollah X"),
// and a post wins over it ("Professor X, director of the institute").
var (
	weakTitles    = toSet(`Official Leader Figure`)
	addressTitles = toSet(`Sheikh Ayatollah Mullah Maulana Professor`)
	// describing words before a weak title that name no office
	describingWords = toSet(`Religious Spiritual Tribal Community Clan Political Government Senior Local
	Shiite Shia Sunni Muslim Christian Catholic Jewish Hindu Buddhist Islamic`)
)

// weakness ranks a role fact: 0 for a post, and for a leader's title with
// its office ("Supreme Leader", "junta leader"), 1 for a title of address
// or another weak title with a word before it ("top military official"),
// 2 for a description of its holder ("Tribal Leader"). A leader of a named
// body ("Conservative leader") holds a post.
func (f roleFact) weakness() int {
	words := strings.Fields(f.role)
	if len(words) == 0 || f.org != "" {
		return 0
	}
	last := words[len(words)-1]
	switch {
	case addressTitles[last]:
		return 1
	case !weakTitles[last]:
		return 0
	}
	for _, w := range words[:len(words)-1] {
		if !describingWords[w] {
			if last == "Leader" {
				return 0
			}
			return 1
		}
	}
	return 2
}

// removedFromPost reports whether the words from token k name a post,
// power or employer one is removed from: "office", "power", "her post",
// "the board".
func removedFromPost(d *pipeline.Doc, k, hi int) bool {
	if k < hi && lowercase.Get(postDeterminers, d.Tokens[k].Text) {
		k++
	}
	return k < hi && (lowercase.Get(leftPosts, d.Tokens[k].Text) || lowercase.Get(leftEmployers, d.Tokens[k].Text) || strings.EqualFold(d.Tokens[k].Text, "power"))
}

// removalVerbs end someone's tenure when the person is their object:
// "President sacks defence adviser Kerr", "after overthrowing his
// uncle, Emir Hamad bin Khalid", "the ousted president". Base forms are
// left out: "plans to fire" has not happened.
var removalVerbs = toSet(`ousts ousted ousting fires fired firing sacks sacked sacking dismisses dismissed
dismissing overthrew overthrown overthrowing deposes deposed deposing topples toppled toppling axes axed axing dumps dumped dumping
removes removed removing
replaces replaced replacing`)

// departureNouns name a post's loss: "the resignation of X".
var departureNouns = toSet(`resignation sacking dismissal ousting ouster removal departure`)

// departureTookPlace reports whether the departure noun at token j is
// what a word before it says happened: "prompted", "led to", "after",
// "accepted" the resignation.
func departureTookPlace(d *pipeline.Doc, j, lo int) bool {
	k := j - 1
	if k >= lo && (lowercase.Get(articles, d.Tokens[k].Text) || lowercase.Get(possessors, d.Tokens[k].Text)) {
		k--
	}
	if k < lo {
		return false
	}
	w := strings.ToLower(d.Tokens[k].Text)
	if w == "to" && k > lo {
		return lowercase.Get(ledTo, d.Tokens[k-1].Text)
	}
	return departureTriggers[w]
}

var (
	// (One protests, condemns or mourns what has happened: "marched
	// against the removal of X", "a row over the sacking of X".)
	departureTriggers = toSet(`prompted prompting sparked sparking forced forcing triggered triggering caused
following after since follows followed accepted accepts announced announces confirmed confirms endorsed in
against over condemned condemns condemning protested protests protesting denounced denounces criticised criticized mourned mourns`)
	ledTo = toSet(`led leading leads lead`)
)

// removalBases are the base forms, which remove only after votedVerbs.
var (
	removalBases = toSet(`oust fire sack dismiss remove depose`)
	votedVerbs   = toSet(`voted votes`)
)

// leftVerbs after a name say its holder left: "Bolton resigned"; an
// adverb of time or addition may come between ("also resigned").
var (
	leftVerbs   = toSet(`resigned resigns quit quits retired`)
	leftAdverbs = toSet(`also just recently subsequently later then since abruptly suddenly promptly`)
	presentLeft = toSet(`resigns quits steps`)
	reflexives  = toSet(`himself herself themselves itself myself ourselves`)
)

// leftPosts after "resigned from" (and postDeterminers) are the post
// itself: "resigned from the government", "from his post".
// leftEmployers after "left the" are where the post was held: "left the
// firm".
var (
	leftPosts       = toSet(`government cabinet post office position job role presidency premiership ministry`)
	leftEmployers   = toSet(`company firm bank board club group business`)
	postDeterminers = toSet(`the his her their`)
)

// scopeBreaks end the stretch of text a removal verb can reach across;
// subordinators open a clause that states no fact.
var (
	scopeBreaks   = toSet(`and or but who which that ; : . " “ ”`)
	subordinators = toSet(`until unless if before whether`)
)

// assertVerbs before "that" state what follows as done: "announced that
// X had been sacked" (not "denied that", "a report that").
var assertVerbs = toSet(`announced announces confirmed confirms said says revealed reveals disclosed discloses stated states`)

// reportVerbs after a relative "that" report what follows.
var reportVerbs = toSet(`says said claims claimed alleges alleged suggests suggested reports reported states stated`)

// reported reports whether the clause before token j in the sentence
// that starts at lo is one that states no fact: "denied a report that
// the head and chief negotiator X has resigned". A relative "that",
// which a verb follows, opens no such clause ("the inquiry that began
// in May ended as X resigned"), unless the verb reports ("a report that
// says X has resigned").
func reported(d *pipeline.Doc, lo, j int) bool {
	for k := j - 1; k >= lo && k >= j-20; k-- {
		w := strings.ToLower(d.Tokens[k].Text)
		if w == "that" && k+1 < j && (strings.HasPrefix(d.Tokens[k+1].Tag, "VB") || d.Tokens[k+1].Tag == "MD") && !lowercase.Get(reportVerbs, d.Tokens[k+1].Text) {
			continue
		}
		if w == "that" && k > lo && (assertVerbs[lowerAt(d, k-1, j)] || k-1 > lo && lowerAt(d, k-2, j) == "told") {
			return false // "announced that X had been sacked" states it
		}
		if w == "that" || subordinators[w] {
			return true
		} else if w == ";" || w == "." {
			return false
		}
	}
	return false
}

// removedBefore reads the words before the person mentioned at tokens
// [first, last] of the sentence [lo, hi) for a removal or a departure
// whose object the person is; decided is false when they say neither.
func removedBefore(d *pipeline.Doc, ix *tokenIndex, first, last, lo, hi int) (left, decided bool) {
	for j, n := first-1, 0; j >= lo && n < 8; j, n = j-1, n+1 {
		t := d.Tokens[j]
		w := strings.ToLower(t.Text)
		// "prompted the resignation of X": a departure that took place,
		// not one called for ("demanded the resignation of X").
		if departureNouns[w] && j+1 < first && strings.EqualFold(d.Tokens[j+1].Text, "of") {
			return departureTookPlace(d, j, lo), true
		}
		if removalVerbs[w] {
			// A headline leaves out "was": in "Football chief ousted after
			// Y deal" the chief was ousted, not Y.
			if j > lo && strings.HasPrefix(d.Tokens[j-1].Tag, "NN") && strings.HasSuffix(w, "ed") && inHeading(d, t.Start) {
				return false, true
			}
			// ("X dismissed, Y appointed", "fired at the car, Major Y
			// said": the verb's object is not Y; nor in "sacked 200
			// workers, chairman Y said", where Y speaks.)
			after := d.Tokens[j+1]
			if last+1 < hi && lowercase.Get(speechVerbs, d.Tokens[last+1].Text) && slices.ContainsFunc(d.Tokens[j+1:first], func(t pipeline.Token) bool { return t.Text == "," }) {
				return false, true
			}
			if after.Text == "," && j > lo {
				if e, ok := ix.entityEndingAt(j - 1); ok && e.Label == pipeline.Person {
					return false, true
				}
			}
			// ("replaced Minister X's plan": the object is what X owns.)
			if last+1 < hi && isPossessive(d.Tokens[last+1].Text) {
				return false, true
			}
			// ("removed Senator X from its list": removed from something
			// other than a post.)
			if strings.HasPrefix(w, "remov") && last+2 < hi && strings.EqualFold(d.Tokens[last+1].Text, "from") && !removedFromPost(d, last+2, hi) {
				return false, true
			}
			// ("a coup briefly ousted President X": a removal undone.)
			return after.Tag != "IN" && (j == lo || !modalBefore(strings.ToLower(d.Tokens[j-1].Text)) && !lowercase.Get(undoneBy, d.Tokens[j-1].Text)), true
		}
		// A vote to remove someone is the removal: "parliament voted to
		// dismiss Deputy Prime Minister X".
		if removalBases[w] && j-2 >= lo && strings.EqualFold(d.Tokens[j-1].Text, "to") && lowercase.Get(votedVerbs, d.Tokens[j-2].Text) {
			return true, true
		}
		// A subordinate clause says what someone expects ("until X
		// resigns"); a verb, a pronoun or another name between is the
		// removal's object, not this one ("fired him, Major X said").
		if subordinators[w] {
			return false, true
		}
		// "forced the departure of its president, X, and finance chief Y": a
		// second object of the same removal, not a clause's subject.
		if w == "and" {
			if p := conjunctBefore(d, ix, j, first, lo); p >= 0 && !(last+1 < hi && (finiteVerb(d.Tokens[last+1].Tag) || isPossessive(d.Tokens[last+1].Text))) {
				if e, _ := ix.entityAt(p); e != nil {
					if left, _ := removedBefore(d, ix, p, ix.tokenEnding(e.End), lo, hi); left {
						return true, true
					}
				}
			}
		}
		// "prompted branch chairman X to resign": a verb that made its
		// object leave, in the past ("urged X to resign" has not happened,
		// nor "could have forced").
		if leave := lowerAt(d, last+2, hi); forcingVerbs[w] && lowerAt(d, last+1, hi) == "to" && leftBases[leave] && (leave != "step" || lowerAt(d, last+3, hi) == "down") {
			return j == lo || !modalBefore(lowerAt(d, j-1, hi)) && lowerAt(d, j-1, hi) != "have", true
		}
		if scopeBreaks[w] || strings.HasPrefix(t.Tag, "VB") || t.Tag == "PRP" {
			break
		}
		// ("replaced later by X", "fired, with the knowledge of X": a
		// preposition's object is no object of the verb; "of" completes
		// a title.)
		if t.Tag == "IN" && w != "of" {
			break
		}
		if e, ok := ix.entityEndingAt(j); ok && e.Label == pipeline.Person {
			break // the verb's object is someone else
		} else if ok && e.Label != pipeline.NORP {
			// ("sacked the chief executive of Lakeview Bank, X": a body's
			// name in the title counts as one word.)
			j = max(ix.token(e.Start), j-3)
		}
	}
	return false, false
}

// conjunctBefore returns the first token of the person mention that the
// "and" at token j joins to the one at token first, with only title
// words between ("X, and finance chief Y"); -1 if there is none.
func conjunctBefore(d *pipeline.Doc, ix *tokenIndex, j, first, lo int) int {
	if first-j > 5 {
		return -1
	}
	for k := j + 1; k < first; k++ {
		if t := d.Tokens[k]; !strings.HasPrefix(t.Tag, "NN") && t.Tag != "JJ" && t.Tag != "PRP$" {
			return -1
		}
	}
	k := j - 1
	if k > lo && d.Tokens[k].Text == "," {
		k--
	}
	if e, ok := ix.entityEndingAt(k); ok && e.Label == pipeline.Person {
		return ix.token(e.Start)
	}
	return -1
}

// heldNow reports whether "now" stands before a role phrase, over its
// article or its body's name: "is now the UN human rights chief", "now
// Chile's president".
func heldNow(d *pipeline.Doc, ix *tokenIndex, phrase pipeline.Span) bool {
	k := ix.token(phrase.Start) - 1
	for n := 0; k >= 0 && n < 3; k, n = k-1, n+1 {
		switch w := d.Tokens[k].Text; {
		case strings.EqualFold(w, "now"):
			return true
		case strings.EqualFold(w, "the") || strings.EqualFold(w, "a") || strings.EqualFold(w, "an") || isPossessive(w) || isCapitalized(w):
		default:
			return false
		}
	}
	return false
}

// leftOffice reports whether the text says the person mentioned at tokens
// [first, last] has left their post: removed by someone ("sacks adviser
// Bolton", "overthrowing his uncle, Emir Hamad") or gone of their own
// accord ("Bolton resigned", "has stepped down", "was fired").
func leftOffice(d *pipeline.Doc, ix *tokenIndex, first, last int) bool {
	lo, hi := ix.sentenceBounds(first)
	if left, decided := removedBefore(d, ix, first, last, lo, hi); decided {
		return left
	}
	// "since President X's ouster": a departure the name owns, that a
	// word before it says took place.
	if k := last + 1; k+1 < hi && isPossessive(d.Tokens[k].Text) && lowercase.Get(departureNouns, d.Tokens[k+1].Text) && departureTookPlace(d, titleStart(d, first, lo), lo) {
		return true
	}
	// What follows the name may say the person left, wherever the clause
	// stands ("talks stalled when X resigned"), unless a clause before
	// reports or expects it ("denied that X has resigned").
	return leftAfter(d, ix, first, last, lo, hi) && !reported(d, lo, first)
}

// leftAfter reports whether the words after the person mentioned at
// tokens [first, last] of the sentence [lo, hi) say the person left.
func leftAfter(d *pipeline.Doc, ix *tokenIndex, first, last, lo, hi int) bool {
	k := last + 1
	// "X, who became prime minister in 2015, resigned", "X, beset by
	// losses, resigned": past a relative or participle clause between
	// commas (an apposition, "X, a manager, resigned", is left to the
	// rules).
	if lowerAt(d, k, hi) == "," && k+1 < hi && (strings.EqualFold(d.Tokens[k+1].Text, "who") || participle(d.Tokens[k+1])) {
		// The clause itself may say it: "X, who resigned last week".
		if strings.EqualFold(d.Tokens[k+1].Text, "who") && departs(d, k+2, hi) {
			return true
		}
		for j := k + 1; j < hi && j < k+25; j++ {
			if d.Tokens[j].Text == "," {
				k = j + 1
				break
			}
			if _, ok := ix.entityAt(j); ok && j > k+1 && d.Tokens[j-1].Text == "and" {
				break // "X, Y and Z resigned": a list, not a clause
			}
		}
	}
	// "The minister, X, resigned": the apposition's closing comma.
	if lowerAt(d, k, hi) == "," && first > lo && d.Tokens[first-1].Text == "," && k+1 < hi && !strings.EqualFold(d.Tokens[k+1].Text, "who") {
		k++
	}
	k, conjoined := subjectEnd(d, ix, k, hi)
	// "The two directors - X and Y - have left": the closing dash of a
	// list of names set off by dashes.
	if k < hi && isDash(d.Tokens[k].Text) && dashOpened(d, ix, first, lo) {
		k++
	}
	if conjoined {
		// "A and B were fired" shares the verb; "praised A and B was
		// fired" does not, nor does a singular verb.
		if before := titleStart(d, first, lo) - 1; before >= lo && strings.HasPrefix(d.Tokens[before].Tag, "VB") {
			return false
		}
		if w := lowerAt(d, k, hi); w == "was" || w == "has" || w == "is" {
			return false
		}
	}
	// A headline leaves out "was": "Army chief X dismissed" (not "X
	// ousts Y").
	if w := lowerAt(d, k, hi); removalVerbs[w] && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "own")) && inHeading(d, d.Tokens[first].Start) {
		return true
	}
	return departs(d, k, hi) || !conjoined && departsSecond(d, ix, k, hi)
}

// dashOpened reports whether a dash opens the list of names that the
// person mention at token first is in, with only capitalised words,
// commas and "and" between.
func dashOpened(d *pipeline.Doc, ix *tokenIndex, first, lo int) bool {
	for j := first - 1; j >= lo && j > first-16; j-- {
		switch w := d.Tokens[j].Text; {
		case isDash(w):
			return true
		case w != "," && w != "and" && !isCapitalized(w):
			return false
		}
	}
	return false
}

// departsSecond reports whether the subject whose verb is at token k has a
// second verb, after "and", that says it left: "X rejected a new post and
// then resigned". The first verb's clause must hold no other
// clause: no comma, pronoun, relative, other finite verb or other person
// (but a possessive one, "Y's offer").
func departsSecond(d *pipeline.Doc, ix *tokenIndex, k, hi int) bool {
	if k >= hi || !finiteVerb(d.Tokens[k].Tag) {
		return false
	}
	for j := k + 1; j < hi && j < k+25; j++ {
		t := d.Tokens[j]
		switch w := strings.ToLower(t.Text); {
		case w == "and" && departs(d, j+1, hi):
			return true
		case secondClauseBreaks[w] || t.Tag == "PRP" || finiteVerb(t.Tag) || isPunctuation(t.Text) && !isPossessive(t.Text) && !isDash(t.Text):
			return false // ("said the coach had failed and was sacked": another's verbs)
		}
		if e, ok := ix.entityAt(j); ok && e.Label == pipeline.Person {
			if end := ix.tokenEnding(e.End); end+1 >= hi || !isPossessive(d.Tokens[end+1].Text) {
				return false
			}
		}
	}
	return false
}

// secondClauseBreaks open another clause, whose verbs are another subject's.
var secondClauseBreaks = toSet(`who whom which that but or while when after before because as if until since said says`)

// titleStart returns the first of the capitalised words before the
// person mention at token first, up to five, which may be their title
// ("Interior Minister X"); a weekday or a month is a time phrase's
// ("by Friday X had resigned").
func titleStart(d *pipeline.Doc, first, lo int) int {
	j := first
	for j > lo && j > first-5 {
		w := d.Tokens[j-1].Text
		if !isCapitalized(w) || isWeekdayName(w) || monthOf(w) != 0 {
			break
		}
		j--
	}
	return j
}

// subjectEnd returns the token after the subject that a person mention
// ending before token k heads or shares: past an apposition between
// commas ("X, a city official, was fired") and past the people conjoined
// with it ("X and Trade Minister Y were fired", "X, Y and Z resigned").
// conjoined reports whether other people share the subject.
func subjectEnd(d *pipeline.Doc, ix *tokenIndex, k, hi int) (end int, conjoined bool) {
	for n := 0; n < 8; n++ {
		k = appositionEnd(d, ix, k, hi)
		j := k
		switch {
		case lowerAt(d, j, hi) == "," && lowerAt(d, j+1, hi) == "and":
			j += 2
		case lowerAt(d, j, hi) == "," || lowerAt(d, j, hi) == "and":
			j++
		default:
			return k, conjoined
		}
		// The next conjunct: a person mention after title words, with no
		// verb or other punctuation between.
		next := -1
		for i := j; i < hi && i < j+8; i++ {
			if e, ok := ix.entityAt(i); ok && e.Label == pipeline.Person {
				next = ix.tokenEnding(e.End) + 1
				// "and the trade minister, Y, were fired"
				if d.Tokens[i-1].Text == "," && lowerAt(d, next, hi) == "," && next+1 < hi && finiteVerb(d.Tokens[next+1].Tag) {
					next++
				}
				break
			}
			if t := d.Tokens[i]; finiteVerb(t.Tag) || isPunctuation(t.Text) && t.Text != "," {
				break
			}
		}
		if next <= 0 {
			return k, conjoined
		}
		k, conjoined = next, true
	}
	return k, conjoined
}

// isPunctuation reports whether a token is punctuation only.
func isPunctuation(w string) bool {
	return w != "" && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsPunct(r) && !unicode.IsSymbol(r) }) < 0
}

// appositionEnd returns the token after an apposition that opens at token
// k (", a city official,"), or k when none does: words with no verb,
// quotation, person or other punctuation in them, up to a comma.
func appositionEnd(d *pipeline.Doc, ix *tokenIndex, k, hi int) int {
	if lowerAt(d, k, hi) != "," {
		return k
	}
	for j := k + 1; j < hi && j < k+14; j++ {
		t := d.Tokens[j]
		if t.Text == "," {
			if j > k+1 {
				return j + 1
			}
			return k
		}
		// (A possessive's apostrophe is no punctuation here: "X, Lakeview
		// Mines' engineering chief, was fired".)
		if e, ok := ix.entityAt(j); ok && e.Label == pipeline.Person || finiteVerb(t.Tag) || isPunctuation(t.Text) && !isPossessive(t.Text) || strings.EqualFold(t.Text, "who") || strings.EqualFold(t.Text, "and") {
			return k
		}
	}
	return k
}

// departs reports whether the verb at token k says its subject left a
// post: "resigned", "has stepped down", "was fired", "had been replaced
// by"; not "resigned to become ...", "quit the party" or a post named by
// "as", which the rules read.
func departs(d *pipeline.Doc, k, hi int) bool {
	if w := lowerAt(d, k, hi); w == "has" || w == "have" || w == "had" {
		k++
		if w := lowerAt(d, k, hi); w == "all" || w == "both" { // "have both since left"
			k++
		}
		if lowerAt(d, k, hi) == "been" {
			k++
			return removalVerbs[lowerAt(d, k, hi)] || replacedBy(d, k, hi) || forcedOut(d, k, hi)
		}
	} else if w == "was" || w == "were" {
		k++
		return removalVerbs[lowerAt(d, k, hi)] || replacedBy(d, k, hi) || forcedOut(d, k, hi)
	}
	if leftAdverbs[lowerAt(d, k, hi)] {
		k++
	}
	// Outside headlines the present schedules a departure: "X steps down
	// in May" still holds the post.
	if w := lowerAt(d, k, hi); presentLeft[w] && !inHeading(d, d.Tokens[k].Start) {
		return false
	}
	switch w := lowerAt(d, k, hi); {
	case leftVerbs[w]:
		// "resigned to become secretary of state": the new post is held;
		// "resigned from his post as a partner" and "from the board"
		// leave that post or body, not others ("from the cabinet" is one);
		// so does an object ("quit the party", "quit his post").
		j := k + 1
		if reflexives[lowerAt(d, j, hi)] {
			return false // "resigned herself to defeat"
		}
		if lowerAt(d, j, hi) == "from" {
			j++
		}
		// "quits party", "quit Labour": a body left is no post left (but
		// "quits cabinet" is, and "resigned Monday" says when).
		if j == k+1 && bodyLeft(d, j, hi) {
			return false
		}
		if j > k+1 || postDeterminers[lowerAt(d, j, hi)] {
			j, ok := postAt(d, j, hi)
			if !ok {
				return false
			}
			for ; j < hi && j < k+6; j++ {
				if strings.EqualFold(d.Tokens[j].Text, "as") {
					return false
				}
			}
		}
		return !(k+2 < hi && strings.ToLower(d.Tokens[k+1].Text) == "to") && !leftAs(d, k+1, hi)
	case w == "left":
		// "left office", "has left the company": a post or an employer
		// left, not a place or a thing ("left for Lima", "left a note").
		j, ok := postAt(d, k+1, hi)
		if !ok && !(j > k+1 && leftEmployers[lowerAt(d, j, hi)]) || j+1 < hi && isPossessive(d.Tokens[j+1].Text) {
			return false // (and not "left the firm's plans unchanged")
		}
		return !leftAs(d, j+1, hi)
	case w == "stepped" || w == "steps":
		k++
		return lowerAt(d, k, hi) == "down" && !leftAs(d, k+1, hi)
	}
	return false
}

// bodyLeft reports whether the object of a verb of leaving at token j is
// a body one quits as a member: a party, a union, a name ("quit Labour",
// past what describes it: "quits 'shameful' UKIP").
func bodyLeft(d *pipeline.Doc, j, hi int) bool {
	quoted := false // (inside the quotation any word describes: 'shameful' read as a noun)
	for start := j; j < hi && j < start+5 && (quoted || d.Tokens[j].Tag == "JJ" || opensWithQuote(d.Tokens[j].Text)); j++ {
		if w := d.Tokens[j].Text; len(w) <= 3 && opensWithQuote(w) {
			quoted = !quoted
		}
	}
	if j >= hi {
		return false
	}
	w := d.Tokens[j].Text
	return lowercase.Get(leftBodies, w) || (strings.HasPrefix(d.Tokens[j].Tag, "NNP") || isAllCaps(w)) && !timeWord(w)
}

// leftBodies are the bodies one quits as a member: "quits party".
var leftBodies = toSet(`party union coalition alliance bloc movement group club team company firm board`)

// timeWord reports whether w names a day or a month: "resigned Monday".
func timeWord(w string) bool {
	if w == "" {
		return false
	}
	w = strings.ToUpper(w[:1]) + strings.ToLower(w[1:])
	return isWeekdayName(w) || monthOf(w) != 0
}

// forcedOut reports whether tokens from k read "forced out", "forced to
// resign" (or quit, retire, step down) or "forced from" a post, or "voted
// out" or "voted off" it.
func forcedOut(d *pipeline.Doc, k, hi int) bool {
	if k+1 >= hi {
		return false
	}
	if strings.EqualFold(d.Tokens[k].Text, "voted") {
		w := strings.ToLower(d.Tokens[k+1].Text)
		return w == "out" || w == "off"
	}
	if !strings.EqualFold(d.Tokens[k].Text, "forced") {
		return false
	}
	switch w := strings.ToLower(d.Tokens[k+1].Text); w {
	case "out":
		return true
	case "to":
		return leftBases[lowerAt(d, k+2, hi)]
	case "from":
		_, ok := postAt(d, k+2, hi)
		return ok
	}
	return false
}

// postAt reports whether the words from j name a post one leaves, after
// their determiners ("his post", "the government"), and where the post
// word is.
func postAt(d *pipeline.Doc, j, hi int) (int, bool) {
	for postDeterminers[lowerAt(d, j, hi)] {
		j++
	}
	return j, leftPosts[lowerAt(d, j, hi)]
}

// forcingVerbs made their object do what follows: "forced X to resign".
var forcingVerbs = toSet(`forced prompted pressured pressed persuaded pushed compelled led`)

// leftBases are the base forms of leaving a post, after "forced to".
var leftBases = toSet(`resign quit retire step leave`)

// lowerAt returns token k in lower case, or "" past the sentence end hi.
func lowerAt(d *pipeline.Doc, k, hi int) string {
	if k < hi {
		return strings.ToLower(d.Tokens[k].Text)
	}
	return ""
}

// participle reports whether a token is a lowercase participle that opens
// a clause: "beset", "facing".
func participle(t pipeline.Token) bool {
	return gerund(t) || t.Tag == "VBN" && !isCapitalized(t.Text)
}

// adjectival reports whether a token is a lowercase word that describes
// what follows it: an adjective, an adverb or a past participle ("the
// highly experienced").
func adjectival(t pipeline.Token) bool {
	switch t.Tag {
	case "JJ", "JJR", "JJS", "RB", "RBR", "RBS", "VBN":
		return !isCapitalized(t.Text)
	}
	return false
}

// gerund reports whether a token is a lowercase -ing participle: "holding",
// "peacekeeping".
func gerund(t pipeline.Token) bool { return t.Tag == "VBG" && !isCapitalized(t.Text) }

// replacedBy reports whether tokens from k read "replaced by" or
// "succeeded by": the person was replaced in a post (with "as" the rules
// read which one).
func replacedBy(d *pipeline.Doc, k, hi int) bool {
	w := strings.ToLower(d.Tokens[k].Text)
	return k+1 < hi && (w == "replaced" || w == "succeeded") && strings.EqualFold(d.Tokens[k+1].Text, "by")
}

// leftAs reports whether "as" names the post left within a few words of
// token k ("stepped down on Thursday as chairman of ..."): the rules read
// that post, and the person keeps any other.
func leftAs(d *pipeline.Doc, k, hi int) bool {
	for j := k; j < hi && j < k+4; j++ {
		switch strings.ToLower(d.Tokens[j].Text) {
		case "as":
			return true
		case ",", ".", ";", "and":
			return false
		}
	}
	return false
}

// undoneBy are adverbs that say a removal did not last.
var undoneBy = toSet(`briefly temporarily`)

// modalBefore reports whether w makes the following verb a plan or a
// wish rather than a fact: "threatened to ... fire", "would fire".
func modalBefore(w string) bool {
	switch w {
	case "to", "will", "would", "could", "may", "might", "should", "not", "never":
		return true
	}
	return false
}

// presentOrFuture reports whether a verb in tokens [i, j) is in the
// present tense or the future: a post held "until March" is then held
// now ("will stay as coach until June", "who is envoy until March").
func presentOrFuture(d *pipeline.Doc, i, j int) bool {
	for k := i; k < j && k < len(d.Tokens); k++ {
		t := d.Tokens[k]
		if t.Tag == "VBZ" || t.Tag == "VBP" {
			return true
		}
		switch strings.ToLower(t.Text) {
		case "will", "shall", "'ll":
			return true
		}
	}
	return false
}

// heldUntil reports whether the clause after token i says the post ended
// at a month or a year, or was held in a past decade: "who was the
// president's special envoy ... until March", "who served as mayor from
// 1990 to 1998", "a commander during the war of the 1990s".
func heldUntil(d *pipeline.Doc, i, hi int) bool {
	for k := i; k+1 < hi; k++ {
		w := strings.ToLower(d.Tokens[k].Text)
		if w == "," || w == ";" {
			return false
		}
		next := d.Tokens[k+1].Text
		switch {
		case w == "until" || w == "till":
			// "until March", "until 2019", "until last year", "until
			// recently", "until her resignation" (not "until his death":
			// who dies in office keeps the post)
			if k+2 < hi && (next == "his" || next == "her" || next == "their" || next == "the") && lowercase.Get(postEndings, d.Tokens[k+2].Text) {
				return true
			}
			return monthOf(next) != 0 || isYear(next) || strings.EqualFold(next, "last") || strings.EqualFold(next, "recently") || strings.EqualFold(next, "earlier")
		case w == "in" && strings.EqualFold(next, "the") && k+2 < hi && isDecade(d.Tokens[k+2].Text):
			return true // "prime minister in the 1990s"
		case w == "during":
			// "during the war of the 1990s", "during the 1980s"
			for j := k + 1; j < hi && j < k+7 && d.Tokens[j].Text != ","; j++ {
				if isDecade(d.Tokens[j].Text) {
					return true
				}
			}
		case (w == "to" || isDash(w)) && k > i && isYear(d.Tokens[k-1].Text) &&
			(isYear(next) || monthOf(next) != 0 && k+2 < hi && isYear(d.Tokens[k+2].Text)):
			return true // "from 1990 to 1998", "1990-1998", "from May 1990 to June 1998"
		case w == "and" && isYear(next) && k > i+1 && isYear(d.Tokens[k-1].Text) && strings.EqualFold(d.Tokens[k-2].Text, "between"):
			return true // "between 1990 and 1998"
		}
	}
	return false
}

// heldThePost returns the token after "held the post" (or "job",
// "office", "position", "role") when the words from k, past an
// apposition's closing comma, are the predicate that refers back to the
// post: "X, the regional director, held the post until 2013"; else 0.
func heldThePost(lower []string, k, hi int) int {
	if k < hi && lower[k] == "," {
		k++
	}
	if k+2 < hi && (lower[k] == "held" || lower[k] == "occupied") && (lower[k+1] == "the" || lower[k+1] == "that") && postNouns[lower[k+2]] {
		return k + 3
	}
	return 0
}

// postNouns refer back to a post: "held the post".
var postNouns = toSet(`post job office position role`)

// postEndings are the nouns of leaving a post, which "until" may reach.
var postEndings = toSet(`resignation removal ouster dismissal sacking retirement departure defeat`)

// namedCountries lists the countries the document names (names,
// demonyms, capitals standing for governments) in text order, and by
// sentence. A nation's offices are its own, never guessed, so nations are
// left out.
func (p *Participants) namedCountries(d *pipeline.Doc, ix *tokenIndex) (all []string, bySentence map[int][]string) {
	bySentence = map[int][]string{}
	codes := make([]string, len(d.Entities))
	for i := range d.Entities {
		codes[i] = p.countryOf(&d.Entities[i])
	}
	listed := countryLists(d, codes)
	for i := range d.Entities {
		e := &d.Entities[i]
		c := codes[i]
		if c == "" || listed[i] || p.isNation(c) || counterpartsOf(d, ix, e) || likenessOf(d, ix, e) || originOf(d, ix, e) || postedTo(d, ix, e) {
			continue
		}
		all = append(all, c)
		if t := ix.token(e.Start); t >= 0 {
			s := d.Tokens[t].Sentence
			bySentence[s] = append(bySentence[s], c)
		}
	}
	return all, bySentence
}

// countryLists marks, by entity index, the countries (codes, by entity:
// "" for none) that are items of a list of three or more ("in Canada, New
// Zealand and Australia"): a set of examples or of parties, not the
// country of anyone the sentence names.
func countryLists(d *pipeline.Doc, codes []string) map[int]bool {
	var listed map[int]bool
	var run []int
	flush := func() {
		if len(run) >= 3 {
			if listed == nil {
				listed = map[int]bool{}
			}
			for _, i := range run {
				listed[i] = true
			}
		}
		run = run[:0]
	}
	for i := range d.Entities {
		if codes[i] == "" {
			continue
		}
		if len(run) > 0 && !listSeparator(d.Text[d.Entities[run[len(run)-1]].End:d.Entities[i].Start]) {
			flush()
		}
		run = append(run, i)
	}
	flush()
	return listed
}

// likenessOf reports whether a place only says what something is like ("a
// Lima-style attack") or who backs it ("the Moscow-backed candidate"): not
// where anyone the sentence names is from.
func likenessOf(d *pipeline.Doc, ix *tokenIndex, e *pipeline.Entity) bool {
	k := ix.tokenEnding(e.End) + 1
	if k <= 0 || k+1 >= len(d.Tokens) || d.Tokens[k].Text != "-" || d.Tokens[k].Start != e.End {
		return false
	}
	return lowercase.Get(likeness, d.Tokens[k+1].Text) || lowercase.Get(patronage, d.Tokens[k+1].Text)
}

// originOf reports whether a place is where people on the move come from
// ("migrants from Syria and Iraq", "troops from Chile"): not the
// country of anyone the sentence names.
func originOf(d *pipeline.Doc, ix *tokenIndex, e *pipeline.Entity) bool {
	k := ix.token(e.Start) - 1
	for k > 1 && (d.Tokens[k].Text == "and" || d.Tokens[k].Text == ",") && isCapitalized(d.Tokens[k-1].Text) {
		for k--; k > 0 && isCapitalized(d.Tokens[k].Text); k-- { // the place before: "Syria and"
		}
	}
	return k > 0 && d.Tokens[k].Text == "from" && lowercase.Get(movers, d.Tokens[k-1].Text)
}

// postedTo reports whether a place is where a diplomat is posted
// ("Britain's envoy to Kenya", "the ambassador to Peru"): not the
// country of anyone the sentence names.
func postedTo(d *pipeline.Doc, ix *tokenIndex, e *pipeline.Entity) bool {
	k := ix.token(e.Start) - 1
	if k > 0 && strings.EqualFold(d.Tokens[k].Text, "the") {
		k--
	}
	return k > 0 && d.Tokens[k].Text == "to" && lowercase.Get(diplomats, d.Tokens[k-1].Text)
}

// diplomats are the titles of those posted to another country.
var diplomats = toSet(`ambassador ambassadors commissioner commissioners envoy envoys consul consuls emissary emissaries
ambassador-designate`)

// movers are people who come from a country to another.
var movers = toSet(`refugees migrants immigrants emigrants seekers asylum-seekers visitors tourists workers troops soldiers
students pilgrims exiles nationals fighters arrivals`)

// counterpartsOf reports whether a country names the side of someone's
// counterparts whom the text leaves unnamed ("met his Indian
// counterpart"): the country of others, not of the people the sentence
// names.
func counterpartsOf(d *pipeline.Doc, ix *tokenIndex, e *pipeline.Entity) bool {
	k := ix.tokenEnding(e.End) + 1
	if k <= 0 {
		return false
	}
	if k < len(d.Tokens) && isPossessive(d.Tokens[k].Text) {
		k++
	}
	if k >= len(d.Tokens) || !strings.HasPrefix(strings.ToLower(d.Tokens[k].Text), "counterpart") {
		return false
	}
	// ("his Chinese counterpart, Liang X": the country of the one named.)
	for j := k + 1; j < len(d.Tokens) && j <= k+4; j++ {
		if e, ok := ix.entityAt(j); ok && e.Label == pipeline.Person {
			return false
		}
	}
	return true
}

// mostNamed is the country named most often in cs among those fits
// accepts (all for a nil fits), the first named on ties; "" when none is
// named min times.
func mostNamed(cs []string, min int, fits func(string) bool) string {
	counts := map[string]int{}
	var order []string
	for _, c := range cs {
		if fits != nil && !fits(c) {
			continue
		}
		if counts[c] == 0 {
			order = append(order, c)
		}
		counts[c]++
	}
	best := ""
	for _, c := range order {
		if counts[c] > counts[best] {
			best = c
		}
	}
	if counts[best] < min {
		return ""
	}
	return best
}

// stateOffices are the heads of titles of state offices.
var stateOffices = toSet(`President Minister Premier Chancellor King Queen Sultan Emir Prince Princess
Emperor Monarch Ambassador Envoy Diplomat Consul Representative Delegate Secretary Adviser Advisor Speaker Senator Lawmaker
Legislator Congressman Congresswoman General Commander Commander-in-Chief`)

// stateWords name a state's bodies and offices anywhere in a body's name,
// besides the heads of its bodies (stateBodyHeads). Not "Bank": central
// banks are the gazetteer's, other banks no state's.
var stateWords = toSet(`Institut Council Corps Services Tribunal Directorate Centers Centre Center Presidency
Military Consulate Secretariat Board Inspectorate Prosecution Prosecutor Judiciary Legislature Chamber
Minister Premier President`)

// stateBody reports whether a body's name reads as one of a state's: a
// word of it names a ministry, a force, a court, a chamber or an office
// ("Prime Minister's Office").
func stateBody(org string) bool {
	return slices.ContainsFunc(strings.Fields(org), func(w string) bool { return stateBodyHeads[w] || stateWords[w] })
}

// isStateOffice reports whether a role names an office of a state.
func isStateOffice(role string) bool {
	words := strings.Fields(role)
	if len(words) == 0 {
		return false
	}
	head := words[len(words)-1]
	if _, after, ok := strings.Cut(head, "-"); ok && (strings.HasPrefix(head, "Under-") || strings.HasPrefix(head, "Vice-")) {
		head = after // "Under-Secretary", "Vice-Minister"
	}
	return stateOffices[head]
}

// namedNear is the country named most in the sentences that mention a
// person ("Ruiz said Chile would wait"): a better guess at their post's
// country than the one the document names most, which in foreign news is
// as often the country visited or discussed.
func namedNear(d *pipeline.Doc, ix *tokenIndex, bySentence map[int][]string, mentions []pipeline.Span, fits func(string) bool) string {
	var cs []string
	seen := map[int]bool{}
	for _, m := range mentions {
		t := ix.token(m.Start)
		if t < 0 || seen[d.Tokens[t].Sentence] {
			continue
		}
		seen[d.Tokens[t].Sentence] = true
		cs = append(cs, bySentence[d.Tokens[t].Sentence]...)
	}
	return mostNamed(cs, 1, fits)
}

// succeedVerbs take as their object the one whose post their subject took:
// "Kerr succeeded Tom Berg", "replacing Ana Ruiz". Base forms are left
// out: "will replace X" has not happened.
var (
	succeedVerbs = toSet(`succeeds succeeded succeeding replaces replaced replacing`)
	takeForms    = toSet(`took takes taking taken`)
	// Before the object, words saying the object has gone: "succeeded the
	// late Tom Berg", "replaces the outgoing Ana Ruiz".
	goneWords = toSet(`the late outgoing retired resigned ousted departing`)
	// Between a subject and its verb: "Kerr, who officially replaced".
	subjectLinks = toSet(`who officially formally also later then eventually subsequently effectively`)
	// Before the verb, what makes the change one still to come or going
	// on: "is to replace", "could succeed", "is replacing".
	unfinished = toSet(`to will would could may might shall should can must is are am be being`)
)

// predecessors gives a person the text names only as the one a post's
// holder succeeded that post, as a past one: "Bernanke succeeds Alan
// Greenspan", "He replaced John Hale" (he: the first person named in the
// sentences before), "Ana Ruiz was sworn in as mayor, succeeding Tom
// Berg". A post named after the object ("succeeded X as governor") is the
// rules' to read. The holder must have one post only (onePost), for
// which of several was passed on the text does not say.
func predecessors(d *pipeline.Doc, ix *tokenIndex, ps []pipeline.Participant, onePost []bool) {
	var first, last map[int]int // a mention's first and last tokens: its participant (built when first needed)
	index := func() {
		first, last = map[int]int{}, map[int]int{}
		for i, p := range ps {
			for _, m := range p.Mentions {
				if k := ix.token(m.Start); k >= 0 {
					first[k] = i
				}
				if k := ix.tokenEnding(m.End); k >= 0 {
					last[k] = i
				}
			}
		}
	}
	for i := range ps {
		if ps[i].Role != "" {
			continue
		}
		for _, m := range ps[i].Mentions {
			k, end := ix.token(m.Start), ix.tokenEnding(m.End)
			if k < 0 || end < 0 {
				continue
			}
			lo, hi := ix.sentenceBounds(k)
			v := k - 1
			for v > lo && v >= k-2 && goneWords[lowerAt(d, v, hi)] {
				v--
			}
			// "took over from X" succeeds X as "succeeded X" does.
			tookOver := v-2 > lo && lowerAt(d, v, hi) == "from" && lowerAt(d, v-1, hi) == "over" && takeForms[lowerAt(d, v-2, hi)]
			if tookOver {
				v -= 2
			}
			if v <= lo || !tookOver && !succeedVerbs[lowerAt(d, v, hi)] || unfinished[lowerAt(d, v-1, hi)] || lowerAt(d, end+1, hi) == "as" {
				continue
			}
			if first == nil {
				index()
			}
			s := successor(d, ix, first, last, v, lo)
			if s < 0 || s == i || ps[s].Role == "" || !onePost[s] || strings.HasPrefix(ps[s].Role, "Former ") {
				continue
			}
			p := &ps[i]
			p.Role, p.Organization = formerRole(ps[s].Role), ps[s].Organization
			p.Country, p.CountryCode, p.CountrySource = ps[s].Country, ps[s].CountryCode, ps[s].CountrySource
			ev := d.SpanOf(d.Tokens[v].Start, m.End)
			p.Evidence = &ev
			break
		}
	}
}

// successor returns the participant who is the subject of the succeeding
// verb at token v in the sentence that starts at lo, or -1: the first name
// of the sentence before a participle ("Kerr was sworn in, replacing"),
// the name just before a finite verb ("Kerr, who replaced"), or, for "he"
// or "she", the first name of the nearest sentence before that has one.
func successor(d *pipeline.Doc, ix *tokenIndex, first, last map[int]int, v, lo int) int {
	k := v - 1
	if strings.HasSuffix(d.Tokens[v].Text, "ing") {
		for k = lo; k < v && !pronounSubject(d.Tokens[k].Text); k++ {
			if s, ok := first[k]; ok {
				return s
			}
		}
	} else {
		for k > lo && (lowercase.Get(subjectLinks, d.Tokens[k].Text) || d.Tokens[k].Text == "," && strings.EqualFold(d.Tokens[k+1].Text, "who")) {
			k--
		}
		if s, ok := last[k]; ok {
			return s
		}
	}
	if k >= v || !pronounSubject(d.Tokens[k].Text) {
		return -1
	}
	for back, end := 0, lo; back < 2 && end > 0; back++ {
		start, _ := ix.sentenceBounds(end - 1)
		for j := start; j < end; j++ {
			if s, ok := first[j]; ok {
				return s
			}
		}
		end = start
	}
	return -1
}

// pronounSubject reports whether w is a personal pronoun that can be a
// verb's subject and refer to one person.
func pronounSubject(w string) bool {
	return strings.EqualFold(w, "he") || strings.EqualFold(w, "she")
}

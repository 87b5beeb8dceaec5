package extract

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/readout/readout/internal/lowercase"
	"github.com/readout/readout/pipeline"
)

// The subjects of an article are what its parties argue about ("farm
// subsidies", "the visa regime", "debt relief"): noun phrases headed by a
// common noun that the headline names, that stance predicates take as
// their object ("called for debt relief", "a deal on fishing quotas"), or
// that come back paragraph after paragraph. Phrases are grouped by the stem
// of their head noun; a group's score is 3 for the headline, 1 for each
// body paragraph it is in and 1 for each time a stance predicate takes it.

// subjectGroup is one subject: its label and the paragraphs that name it.
type subjectGroup struct {
	head    string // stem of the head noun
	label   string
	score   int
	paras   []int
	first   int               // token of the first mention
	counts  map[string]int    // lower-cased phrase -> mentions
	surface map[string]string // lower-cased phrase -> as the body writes it
	inHead  string            // the headline's phrase, if any
}

// subjectMinScore is the score a subject needs, besides a body paragraph:
// the headline, or three body paragraphs, or stances in two.
const subjectMinScore = 3

// maxSubjects caps an article's subjects: a report on relations argues
// over a few files, and a longer tail of subjects is mostly noise.
const maxSubjects = 3

// findSubjects returns the article's best subjects, no more than most of
// them, in order of first mention. blocked marks the tokens no phrase may
// contain (subjectBlocked: people).
func findSubjects(d *pipeline.Doc, blocked []bool, stems *stemMemo, most int) []*subjectGroup {
	return selectSubjects(subjectGroups(d, blocked, stems), most)
}

// subjectGroups scores every candidate phrase of d, grouped by head stem.
func subjectGroups(d *pipeline.Doc, blocked []bool, stems *stemMemo) map[string]*subjectGroup {
	groups := map[string]*subjectGroup{}
	stem := stems.of
	headline := len(d.Paragraphs) > 0 && d.Paragraphs[0].Kind == pipeline.Heading
	for pi, para := range d.Paragraphs {
		if para.Kind == pipeline.TableRow {
			continue
		}
		for _, rng := range issueSentences(d, pi) {
			for _, np := range subjectPhrases(d, rng[0], rng[1], blocked) {
				head := stem(d.Tokens[np[1]-1].Text)
				if head == "" {
					continue
				}
				g := groups[head]
				if g == nil {
					g = &subjectGroup{head: head, first: np[0], counts: map[string]int{}, surface: map[string]string{}}
					groups[head] = g
				}
				written := d.Text[d.Tokens[np[0]].Start:d.Tokens[np[1]-1].End]
				phrase := strings.ToLower(written)
				g.counts[phrase]++
				if _, ok := g.surface[phrase]; !ok || pi > 0 {
					g.surface[phrase] = written // the body's case over the headline's
				}
				if pi == 0 && headline {
					if g.inHead == "" {
						g.score += 3
						g.inHead = phrase
					}
				} else {
					g.inParagraph(pi)
				}
				if stanceBefore(d, rng[0], np[0]) {
					g.score++
				}
			}
		}
	}
	// A headline's word that the body uses as a modifier names the same
	// subject: "climate" in the headline, "climate change" in the body.
	for _, g := range groups {
		if g.inHead == "" || len(g.paras) > 0 {
			continue
		}
		for _, o := range groups {
			for phrase := range o.counts {
				if o == g || !slices.ContainsFunc(strings.Fields(phrase), func(w string) bool { return stem(w) == g.head }) {
					continue
				}
				g.paras = append(g.paras, o.paras...)
				g.counts[phrase] += o.counts[phrase]
				g.surface[phrase] = o.surface[phrase]
			}
		}
		slices.Sort(g.paras)
		g.paras = slices.Compact(g.paras)
		g.score += len(g.paras)
	}
	return groups
}

// inParagraph counts a mention in body paragraph pi, once a paragraph;
// paragraphs come in order.
func (g *subjectGroup) inParagraph(pi int) {
	if n := len(g.paras); n == 0 || g.paras[n-1] != pi {
		g.paras = append(g.paras, pi)
		g.score++
	}
}

// selectSubjects keeps the groups that score enough, at most most of the
// best, in order of first mention, and names them.
func selectSubjects(groups map[string]*subjectGroup, most int) []*subjectGroup {
	var out []*subjectGroup
	for _, g := range groups {
		if g.score >= subjectMinScore && len(g.paras) > 0 {
			out = append(out, g)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		if len(out[i].paras) != len(out[j].paras) {
			return len(out[i].paras) > len(out[j].paras)
		}
		return out[i].first < out[j].first
	})
	if len(out) > most {
		out = out[:most]
	}
	sort.Slice(out, func(i, j int) bool { return out[i].first < out[j].first })
	for _, g := range out {
		g.label = subjectLabel(g)
	}
	return out
}

// subjectPhrases returns noun phrases of tokens [a, b) as token ranges:
// adjectives and nouns (proper ones too, "EU budget") ending in a common
// noun that is not a vague one, at most four words.
func subjectPhrases(d *pipeline.Doc, a, b int, blocked []bool) [][2]int {
	var out [][2]int
	word := func(i int) bool {
		t := d.Tokens[i]
		return !blocked[i] && (issueNounTag(t.Tag) || issueAdjTag(t.Tag)) && strings.ContainsFunc(t.Text, unicode.IsLetter) &&
			!lowercase.Get(issuePronouns, t.Text)
	}
	tokenRuns(a, b, word, func(i, j int) {
		end := j
		for end > i && !subjectHead(d.Tokens[end-1]) {
			end--
		}
		// ("give the country full membership": an adjective after a
		// common noun opens the next phrase.)
		for k := end - 1; k > i; k-- {
			if issueAdjTag(d.Tokens[k].Tag) && (d.Tokens[k-1].Tag == "NN" || d.Tokens[k-1].Tag == "NNS") {
				i = k
				break
			}
		}
		if end > i {
			start := max(i, end-4)
			for start < end-1 && issueAdjTag(d.Tokens[start].Tag) && lowercase.Get(subjectVagueModifiers, d.Tokens[start].Text) {
				start++ // "new", "fresh", "other"
			}
			out = append(out, [2]int{start, end})
		}
	})
	return out
}

// tokenRuns calls each with every longest run [i, j) of tokens in [a, b)
// that in accepts, in order.
func tokenRuns(a, b int, in func(int) bool, each func(i, j int)) {
	for i := a; i < b; {
		if !in(i) {
			i++
			continue
		}
		j := i
		for j < b && in(j) {
			j++
		}
		each(i, j)
		i = j
	}
}

// subjectHead reports whether t can head a subject: a common noun with a
// letter that is not a vague noun, a unit or a title.
func subjectHead(t pipeline.Token) bool {
	if t.Tag != "NN" && t.Tag != "NNS" {
		return false
	}
	low := strings.ToLower(t.Text)
	return len(low) > 2 && !issueStopNouns[low] && !subjectVagueHeads[low] && strings.ContainsFunc(low, unicode.IsLetter)
}

// subjectVagueHeads are nouns that name no subject: the frame of a report
// (talks, officials, a statement), people and offices, and measures.
var subjectVagueHeads = toSet(`talks talk meeting meetings visit visits summit official officials leader leaders
minister ministers president presidents spokesman spokeswoman spokesperson secretary chancellor premier
statement statements comment comments remarks interview news report reports week weeks month months
people person man men woman women group groups member members government governments nation nations
state states world region side sides issue issues matter matters problem problems question questions
situation relations relationship role process policy policies plan plans move moves step steps
decision decisions view views position positions case cases effort efforts deal deals agreement
range proposal proposals support supporter supporters
percent cent bn billion million per end start beginning level levels rate rates amount number lot
head heads chief chiefs director directors spokesmen sources source correspondent analysts analyst
mr mrs ms dr sir`)

// subjectVagueModifiers are adjectives a subject's name drops.
var subjectVagueModifiers = toSet(`new fresh other further such same recent current latest last next first second main major key
possible potential`)

// stanceVerbs take a subject as their object, directly or after a
// preposition: "called for debt relief", "rejected the tax", "a deal on
// quotas".
var stanceVerbs = toSet(`call calls called calling urge urges urged urging demand demands demanded demanding
reject rejects rejected rejecting oppose opposes opposed opposing back backs backed backing support supports
supported supporting agree agrees agreed agreeing offer offers offered offering welcome welcomes welcomed
condemn condemns condemned seek seeks sought seeking push pushes pushed pushing press presses pressed pressing
insist insists insisted want wants wanted propose proposes proposed proposing refuse refuses refused
ban bans banned impose imposes imposed lift lifts lifted defend defends defended criticise criticised
criticize criticized warn warns warned threaten threatens threatened pledge pledges pledged promise promised
accept accepts accepted negotiate negotiated discuss discusses discussed discussing resolve resolved block blocked
blocks suspend suspended approve approved endorse endorsed boost boosts boosted cut cuts raise raised
deal dispute row bid fight battle stance`)

// stanceBefore reports whether a stance predicate stands within three
// tokens before token i, in the sentence from a, with only determiners,
// prepositions, "to" and adjectives between.
func stanceBefore(d *pipeline.Doc, a, i int) bool {
	for k := i - 1; k >= a && k >= i-4; k-- {
		t := d.Tokens[k]
		if lowercase.Get(stanceVerbs, t.Text) {
			return true
		}
		switch t.Tag {
		case "DT", "IN", "TO", "PRP$", "JJ", "RB", "CD":
			continue
		}
		return false
	}
	return false
}

// subjectLabel names a subject by the article's words: the headline's
// phrase when it has one of several words, else its most frequent phrase
// (the longer on a tie), in title case.
func subjectLabel(g *subjectGroup) string {
	best := g.inHead
	if best == "" || len(strings.Fields(best)) == 1 {
		n := 0
		for p, c := range g.counts {
			if c > n || c == n && (len(p) > len(best) || len(p) == len(best) && p < best) {
				best, n = p, c
			}
		}
	}
	words := strings.Fields(g.surface[best])
	for i, w := range words {
		if w != strings.ToLower(w) {
			continue // "EU", "McDonald"
		}
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

// subjectBlocked marks the tokens no subject may contain: people.
func subjectBlocked(d *pipeline.Doc) []bool {
	return maskTokens(d, func(e pipeline.Entity) bool { return e.Label == pipeline.Person }, false)
}

// stemMemo remembers topicStem's stems across documents: snowball costs
// more than tagging a word, and news repeats its words. A stage holds one,
// shared by its workers. Words are copied in, so that no document's text
// is kept; past stemMemoWords words it stops learning, so that its memory
// stays bounded over any input.
type stemMemo struct {
	mu    sync.RWMutex
	stems map[string]string
}

const stemMemoWords = 1 << 17

func newStemMemo() *stemMemo { return &stemMemo{stems: map[string]string{}} }

func (c *stemMemo) of(w string) string {
	c.mu.RLock()
	st, ok := c.stems[w]
	c.mu.RUnlock()
	if ok {
		return st
	}
	st = topicStem(w)
	c.mu.Lock()
	if len(c.stems) < stemMemoWords {
		c.stems[strings.Clone(w)] = strings.Clone(st)
	}
	c.mu.Unlock()
	return st
}

// mayHaveStem reports whether w may have the stem: snowball only rewrites
// the end of a word, so a word and its stem share their first letters.
func mayHaveStem(w, stem string) bool {
	n := min(3, len(stem))
	return len(w) >= n && strings.EqualFold(w[:n], stem[:n])
}

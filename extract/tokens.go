package extract

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tokenize"

	"github.com/readout/readout/extract/internal/prosetag"
	"github.com/readout/readout/extract/ner"
	"github.com/readout/readout/extract/pos"
	"github.com/readout/readout/gazetteer"
	"github.com/readout/readout/internal/lowercase"
	"github.com/readout/readout/pipeline"
)

// Tokens splits each paragraph into sentences and tokens and tags them with
// prose's part-of-speech tagger. prose's packages are used directly rather
// than through prose.NewDocument so that its entity model is not run.
type Tokens struct {
	seg    *segment.Segmenter
	tok    wordTokenizer
	tag    tokenTagger
	titles *gazetteer.Titles
	gaz    *gazetteer.Gazetteer
}

// tokenTagger tags the tokens of one sentence in place.
type tokenTagger interface {
	TagTokens([]tag.Token)
}

// TokensConfig is the "tokens" stage's options.
type TokensConfig struct {
	// Tagger is the part-of-speech tagger: "readout" (extract/pos) or
	// "prose" (prose v3's).
	Tagger string `mapstructure:"tagger"`
	// ModelFile is a model written by "readout train pos", used by the
	// readout tagger instead of the built-in one.
	ModelFile string `mapstructure:"model_file"`
}

// DefaultTokensConfig is the "tokens" stage's configuration when none is
// given.
func DefaultTokensConfig() TokensConfig { return TokensConfig{Tagger: "prose"} }

// NewTokens builds the tokens stage.
func NewTokens(opts pipeline.Options) (pipeline.Stage, error) {
	cfg := DefaultTokensConfig()
	if err := opts.Decode("tokens", &cfg); err != nil {
		return nil, err
	}
	seg, err := segment.New()
	if err != nil {
		return nil, err
	}
	var tg tokenTagger
	switch cfg.Tagger {
	case "readout":
		m, err := posModel(cfg.ModelFile)
		if err != nil {
			return nil, err
		}
		tg = posTagger{m}
	case "prose":
		pt, err := prosetag.Default() // prose's tagger and model, faster
		if err != nil {
			return nil, err
		}
		m, err := posModel(cfg.ModelFile)
		if err != nil {
			return nil, err
		}
		tg = checkedTagger{pt, posTagger{m}}
	default:
		return nil, fmt.Errorf("stages.tokens.tagger: %q is not readout or prose", cfg.Tagger)
	}
	gaz, err := gazetteer.Default()
	if err != nil {
		return nil, err
	}
	return &Tokens{seg: seg, tok: wordTokenizer{tokenize.New()}, tag: tg, titles: gaz.Titles(), gaz: gaz}, nil
}

// NewPOSTagger returns the part-of-speech tagger that the tokens stage's
// configuration names, as a function of one sentence's words: what
// "readout train ner" tags its corpora with, to train on the tags the
// entity stage will see.
func NewPOSTagger(cfg TokensConfig) (func(words, out []string), error) {
	switch cfg.Tagger {
	case "readout":
		m, err := posModel(cfg.ModelFile)
		if err != nil {
			return nil, err
		}
		return m.Tag, nil
	case "prose":
		return ner.ProseTags()
	}
	return nil, fmt.Errorf("stages.tokens.tagger: %q is not readout or prose", cfg.Tagger)
}

// posModel reads a part-of-speech model file, or returns the built-in
// model when path is empty.
func posModel(path string) (*pos.Model, error) {
	if path == "" {
		return pos.Default()
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("stages.tokens.model_file: %w", err)
	}
	return pos.ReadBytes(data)
}

// tagTokens tags row with typographic apostrophes and quotation marks read
// as the ASCII ones the taggers learnt from ("Labour’s" is a possessive).
func tagTokens(tagger interface{ TagTokens([]tag.Token) }, row []tag.Token) {
	var saved map[int]string
	for k := range row {
		if a := asciiQuotes(row[k].Text); a != row[k].Text {
			if saved == nil {
				saved = map[int]string{}
			}
			saved[k] = row[k].Text
			row[k].Text = a
		}
	}
	tagger.TagTokens(row)
	for k, w := range saved {
		row[k].Text = w
	}
}

// posTagger is readout's part-of-speech tagger seen as prose's.
type posTagger struct{ m *pos.Model }

func (p posTagger) TagTokens(toks []tag.Token) {
	words, tags := make([]string, len(toks)), make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Text
	}
	p.m.Tag(words, tags)
	for i := range toks {
		toks[i].Tag = tags[i]
	}
}

// checkedTagger is prose's tagger with its closed-class guesses checked
// by readout's: where prose puts a word no training text had in a closed
// class (a pronoun, a conjunction, a preposition) in one, as it does with
// unknown words ("Tory backbencher X" CC), the sentence's tags for those
// words are readout's.
type checkedTagger struct {
	prose interface{ TagTokens([]tag.Token) }
	check posTagger
}

func (c checkedTagger) TagTokens(toks []tag.Token) {
	c.prose.TagTokens(toks)
	var theirs []tag.Token
	for i, t := range toks {
		// (A word glued to an opening quote, "'Let", is the tokenizer's
		// slip, which neither tagger learnt.)
		if c.check.m.Allows(t.Text, t.Tag) || opensWithQuote(t.Text) {
			continue
		}
		if theirs == nil {
			theirs = slices.Clone(toks)
			c.check.TagTokens(theirs)
		}
		toks[i].Tag = theirs[i].Tag
	}
}

// opensWithQuote reports whether a token starts with a quotation mark or
// an apostrophe: a quote mark, or a word the tokenizer left glued to one.
func opensWithQuote(w string) bool { return strings.IndexAny(w, `'"‘’“”`) == 0 }

func (*Tokens) Name() string { return "tokens" }

// Process fills d.Sentences and d.Tokens. Sentences never cross paragraph
// boundaries; without paragraphs the whole text is one paragraph.
func (t *Tokens) Process(ctx context.Context, d *pipeline.Doc) error {
	if pretokenized(d) {
		for _, s := range d.Sentences {
			t.tagSpan(d.Tokens[s.FirstToken:s.EndToken])
		}
		return nil
	}
	d.Sentences, d.Tokens = d.Sentences[:0], d.Tokens[:0]
	// News has about one token per 6 bytes: room for them at once spares
	// a long document the copies of a growing slice (and the old copies
	// alive beside the new).
	if want := len(d.Text) / 5; cap(d.Tokens) < want {
		d.Tokens = make([]pipeline.Token, 0, want)
	}
	paras := d.Paragraphs
	if len(paras) == 0 && len(d.Text) > 0 {
		paras = []pipeline.Paragraph{{Start: 0, End: len(d.Text)}}
	}
	var buf []tokenize.Token
	for pi, p := range paras {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		text := d.Text[p.Start:p.End]
		sents := t.seg.Segment(text)
		if len(sents) == 0 {
			continue
		}
		// Headings and list items are one sentence: Punkt would split them
		// on abbreviations that are not sentence ends there.
		if p.Kind == pipeline.Heading || p.Kind == pipeline.ListItem || p.Kind == pipeline.TableRow {
			sents = []segment.Sentence{{Text: text, Start: 0}}
		} else {
			sents = ranksOpenRows(text, splitDatelines(t.joinAbbreviations(text, sents)))
		}
		for _, s := range sents {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			toks := joinApostropheNames(joinInitials(splitFinalStop(splitGluedStops(splitTimePrefixes(splitQuoteMarks(t.tokenize(buf[:0], s.Text)))))))
			buf = toks // reused by the next sentence: what is kept is copied into d.Tokens
			base := p.Start + s.Start
			rows := capSentences(t.fixtureRows(tableRows(toks)))
			for ri, row := range rows {
				tagTokens(t.tag, row)
				for k := range row {
					if isDash(row[k].Text) && row[k].Text != "-" {
						row[k].Tag = ":" // the taggers read "–" as a word
					}
				}
				si := len(d.Sentences)
				first := len(d.Tokens)
				for _, tk := range row {
					start := base + tk.Start
					d.Tokens = append(d.Tokens, pipeline.Token{
						Start: start, End: start + len(tk.Text), Text: tk.Text, Tag: tk.Tag, Sentence: si,
					})
				}
				start, end := base, base+len(s.Text)
				if ri > 0 {
					start = d.Tokens[first].Start
				}
				if ri < len(rows)-1 {
					end = d.Tokens[len(d.Tokens)-1].End
				}
				d.Sentences = append(d.Sentences, pipeline.Sentence{
					Start: start, End: end, Paragraph: pi,
					FirstToken: first, EndToken: len(d.Tokens),
				})
			}
		}
	}
	return nil
}

// maxRunBytes bounds the runs without spaces that prose's tokenizer reads:
// it peels such a run one character at a time, matching the rest again
// each time, at a cost quadratic in the run's length (a line of 100,000
// full stops would take minutes). No word of news is this long.
const maxRunBytes = 256

// tokenize appends to out the tokens of s: prose's tokenizer's, with runs
// without spaces longer than maxRunBytes split by splitRun instead.
func (t *Tokens) tokenize(out []tokenize.Token, s string) []tokenize.Token {
	done := 0 // s[:done] is tokenized
	for i := 0; i < len(s); {
		if isSpaceByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && !isSpaceByte(s[j]) {
			j++
		}
		if j-i > maxRunBytes {
			out = t.tok.Append(out, s[done:i], done)
			out = splitRun(out, s[i:j], i)
			done = j
		}
		i = j
	}
	return t.tok.Append(out, s[done:], done)
}

// maxSentenceTokens bounds a sentence. Text without sentence punctuation
// (a list run together, a scrape without line breaks) can make one
// "sentence" of the whole document, and the rules that read a sentence
// compare its words with each other. News sentences are far shorter.
const maxSentenceTokens = 300

// capSentences cuts sentences longer than maxSentenceTokens, after the
// last comma, semicolon or colon of its last 75 tokens before the limit when
// there is one.
func capSentences(rows [][]tokenize.Token) [][]tokenize.Token {
	var out [][]tokenize.Token
	for _, row := range rows {
		for len(row) > maxSentenceTokens {
			cut := maxSentenceTokens
			for k := maxSentenceTokens - 1; k >= maxSentenceTokens*3/4; k-- {
				if w := row[k].Text; w == "," || w == ";" || w == ":" {
					cut = k + 1
					break
				}
			}
			out = append(out, row[:cut])
			row = row[cut:]
		}
		out = append(out, row)
	}
	return out
}

// isSpaceByte is an ASCII space: a long run split at any other byte could
// cut a character, so runs are only ever cut here or by splitRun.
func isSpaceByte(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v'
}

// wordTokenizer is prose's tokenizer, skipped where it would do nothing:
// prose cuts text at Unicode spaces and then splits each run at its
// affixes (quotes, brackets, punctuation), contractions and the full stops
// of abbreviations, so a run with none of those characters is one token
// as it stands. Most words are such runs; the others go to tokenize,
// prose and the cuts it leaves. A test and a fuzz test hold the two to the
// same tokens.
type wordTokenizer struct{ prose *tokenize.Tokenizer }

// Append appends the tokens of s to out, their offsets moved by offset.
func (w wordTokenizer) Append(out []tokenize.Token, s string, offset int) []tokenize.Token {
	for i := 0; i < len(s); {
		if n := spaceAt(s, i); n > 0 {
			i += n
			continue
		}
		j, plain := i, true
		for j < len(s) && spaceAt(s, j) == 0 {
			c := s[j]
			if c < utf8.RuneSelf {
				plain = plain && !proseAffixBytes[c]
				j++
				continue
			}
			// Curly quotes are prose's affixes too; they all start 0xE2.
			plain = plain && c != 0xE2
			_, size := utf8.DecodeRuneInString(s[j:])
			j += size
		}
		if plain {
			out = append(out, tokenize.Token{Text: s[i:j], Start: offset + i})
		} else {
			out = appendTokens(out, w.tokenize(s[i:j]), offset+i)
		}
		i = j
	}
	return out
}

// tokenize is prose's tokenizer, with what it
// leaves joined cut as the Penn Treebank, and so the training corpora,
// cut it: an opening single quote ("'I am here'" is "' I am here '"; prose
// keeps it on its word for "'tis" and "'90s"), and two contractions after
// a pronoun or a modal ("I've" is "I 've", "they'd" is "they 'd"; "O'Dea"
// and "Sa'dah" are names).
func (w wordTokenizer) tokenize(s string) []tokenize.Token {
	toks := w.prose.Tokenize(s)
	for k := 0; k < len(toks); k++ {
		tk := toks[k]
		rest, ok := strings.CutPrefix(tk.Text, "'")
		opens := k == 0 || toks[k-1].Start+len(toks[k-1].Text) < tk.Start || quoteOpeners[toks[k-1].Text] // (first of its run, or after "(" or a double quote)
		if r, _ := utf8.DecodeRuneInString(rest); ok && opens && unicode.IsLetter(r) &&
			!elisions[strings.ToLower(rest)] { // (the clitics among them: "'ve", "'d")
			toks = slices.Insert(toks, k+1, tokenize.Token{Text: rest, Start: tk.Start + 1})
			toks[k].Text = "'"
			k++ // (past the word)
		}
	}
	for k := 0; k < len(toks); k++ {
		tk := toks[k]
		for _, c := range clitics {
			base, ok := strings.CutSuffix(tk.Text, c)
			if !ok || !cliticHosts[strings.ToLower(base)] {
				continue
			}
			toks = slices.Insert(toks, k+1, tokenize.Token{Text: tk.Text[len(base):], Start: tk.Start + len(base)})
			toks[k].Text = base
			break
		}
	}
	return toks
}

// elisions are the words an apostrophe opens: "'tis", "rock 'n' roll";
// quoteOpeners may stand before an opening single quote.
var (
	elisions     = toSet(`s ll re m ve d t n em tis twas cause til bout round`)
	quoteOpeners = toSet(`" “ ( [`)
)

// clitics are the contractions prose leaves joined, and cliticHosts the
// words they follow.
var (
	clitics     = []string{"'ve", "’ve", "'d", "’d", "'VE", "'D"}
	cliticHosts = toSet(`i you we they he she it who that there what where how could would should might must`)
)

// spaceAt returns the length of the space character at s[i], or 0 when
// there is none: the spaces prose cuts at (unicode.IsSpace).
func spaceAt(s string, i int) int {
	if c := s[i]; c < utf8.RuneSelf {
		if isSpaceByte(c) {
			return 1
		}
		return 0
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if unicode.IsSpace(r) {
		return size
	}
	return 0
}

// proseAffixBytes are the ASCII characters of prose's prefixes, suffixes
// and contractions, and the full stop of its abbreviations.
var proseAffixBytes = func() (b [utf8.RuneSelf]bool) {
	for _, c := range `$("[,)]!;.?:'` {
		b[c] = true
	}
	return b
}()

func appendTokens(out, toks []tokenize.Token, offset int) []tokenize.Token {
	for _, tk := range toks {
		tk.Start += offset
		out = append(out, tk)
	}
	return out
}

// splitRun tokenizes a long run without ASCII spaces in one pass: letters
// and digits together, each other character repeated ("....") together,
// other spaces (no-break) left out.
func splitRun(out []tokenize.Token, run string, offset int) []tokenize.Token {
	start := -1
	var prev rune
	for i, r := range run {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		same := word && (unicode.IsLetter(prev) || unicode.IsDigit(prev)) || !word && r == prev
		if start >= 0 && !same {
			out = append(out, tokenize.Token{Text: run[start:i], Start: offset + start})
			start = -1
		}
		if start < 0 && !unicode.IsSpace(r) {
			start = i
		}
		prev = r
	}
	if start >= 0 {
		out = append(out, tokenize.Token{Text: run[start:], Start: offset + start})
	}
	return out
}

// joinAbbreviations undoes sentence breaks after a dotted abbreviation that
// modifies the title after it: "a retired U.S. | Senator from Oregon",
// "met U.S. | Ambassador Ana Ruiz" (a sentence that ends in "U.S." before
// one that opens with a title is far rarer); after a title of address
// ("told Mr. | Brown"); after a word with no stop
// at its end; after a middle initial:
// "Michael J. | Fox replaced"; between two initials: "J. | B. Penn";
// after an initial that opens a sentence: "W. | Mark Penn said"; and
// inside an abbreviated title: "Dist. | Atty. Ana Ruiz".
func (t *Tokens) joinAbbreviations(text string, sents []segment.Sentence) []segment.Sentence {
	out := sents[:1]
	for _, s := range sents[1:] {
		prev := &out[len(out)-1]
		if endsInWord(prev.Text) ||
			dottedAbbreviation(lastWord(prev.Text)) && t.continues(s.Text) || t.middleInitial(prev.Text) && nameGoesOn(firstWord(s.Text)) ||
			(t.titleAbbreviation(lastWord(prev.Text)) || addressAbbreviation(lastWord(prev.Text))) && nameGoesOn(firstWord(s.Text)) || t.titleAcross(lastWord(prev.Text), s.Text) ||
			isInitialStop(lastWord(prev.Text)) && isInitialStop(firstWord(s.Text)) ||
			isInitialStop(strings.TrimSpace(prev.Text)) && nameGoesOn(firstWord(s.Text)) {
			prev.Text = text[prev.Start : s.Start+len(s.Text)]
			continue
		}
		out = append(out, s)
	}
	return out
}

// endsInWord reports whether a sentence ends in a letter or a figure: no
// full stop ends it, so the segmenter broke it inside a word that holds
// one ("the U.N.-backed | Harbour Board").
func endsInWord(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// tableRows splits a "sentence" that is a results table whose line breaks
// were lost ("TEXAS 75 58 .564 - CLEVELAND 80 53 .602 -") into its rows:
// in a run of words at least a third of them figures, a capitalised word
// after a figure or a dash opens a row. Other sentences are one row.
func tableRows(toks []tokenize.Token) [][]tokenize.Token {
	if len(toks) == 0 {
		return nil
	}
	figures := 0
	for _, tk := range toks {
		if isFigure(tk.Text) {
			figures++
		}
	}
	if len(toks) < 12 || figures*3 < len(toks) {
		return [][]tokenize.Token{toks}
	}
	var rows [][]tokenize.Token
	from := 0
	for k := 1; k < len(toks); k++ {
		prev := toks[k-1].Text
		if r, _ := utf8.DecodeRuneInString(toks[k].Text); unicode.IsUpper(r) && (isFigure(prev) || isDash(prev)) {
			rows = append(rows, toks[from:k])
			from = k
		}
	}
	return splitHeadings(append(rows, toks[from:]))
}

// splitHeadings sets apart the headings of a table's sections that its
// rows ran into ("CENTRAL DIVISION | CLEVELAND 80 53 .602", "Bury v
// Crewe | Division two | Bolton 2"): a section noun in capitals, with the
// words that qualify it before ("Central", "Premier") and a letter or a
// number after ("Group B", "Division two").
func splitHeadings(rows [][]tokenize.Token) [][]tokenize.Token {
	var out [][]tokenize.Token
	for _, row := range rows {
		from := 0
		for k := 0; k < len(row); k++ {
			if !lowercase.Get(sectionNouns, row[k].Text) || !isCapitalized(row[k].Text) {
				continue
			}
			start, end := k, k+1
			for start > from && lowercase.Get(sectionQualifiers, row[start-1].Text) && isCapitalized(row[start-1].Text) {
				start--
			}
			if end < len(row) && sectionDesignator(row[end].Text) {
				end++
			}
			if start > from {
				out = append(out, row[from:start])
			}
			out = append(out, row[start:end])
			from, k = end, end-1
		}
		if from < len(row) {
			out = append(out, row[from:])
		}
	}
	return out
}

// sectionNouns name the sections of a league table or a draw.
var sectionNouns = toSet(`division league conference group pool`)

// sectionQualifiers are the words that open a section's name.
var sectionQualifiers = toSet(`eastern western central northern southern north south east west premier first second third fourth
national american`)

// sectionDesignator reports whether w names one of several sections:
// "A", "two", "3".
func sectionDesignator(w string) bool {
	switch strings.ToLower(w) {
	case "one", "two", "three", "four", "five", "six":
		return true
	}
	return capitalLetter(w) || (len(w) == 1 && w[0] >= '1' && w[0] <= '9')
}

// fixtureRows splits rows that are a list of fixtures whose line breaks
// were lost ("CHICAGO AT TORONTO MINNESOTA AT MILWAUKEE"): where the words
// between two connectors ("AT", "v", "vs") are exactly two places, the
// second opens a new row. Places are the gazetteer's, so a side it does
// not know leaves its row joined rather than cut at a guess. Rows without
// two connectors, nearly all, come back as they are, without a copy.
func (t *Tokens) fixtureRows(rows [][]tokenize.Token) [][]tokenize.Token {
	var out [][]tokenize.Token
	for ri, row := range rows {
		var at []int // connector indexes
		for k, tk := range row {
			if fixtureConnectors[tk.Text] {
				at = append(at, k)
			}
		}
		if len(at) < 2 {
			if out != nil {
				out = append(out, row)
			}
			continue
		}
		if out == nil {
			out = append(out, rows[:ri]...)
		}
		from := 0
		for c := 0; c+1 < len(at); c++ {
			cut := t.placesCut(row[at[c]+1 : at[c+1]])
			if cut > 0 {
				out = append(out, row[from:at[c]+1+cut])
				from = at[c] + 1 + cut
			}
		}
		out = append(out, row[from:])
	}
	if out == nil {
		return rows
	}
	return out
}

// fixtureConnectors join the two sides of a fixture.
var fixtureConnectors = toSet(`AT v vs vs. V VS`)

// placesCut returns where the second of two places that are all of toks
// begins, or 0.
func (t *Tokens) placesCut(toks []tokenize.Token) int {
	if len(toks) < 2 {
		return 0
	}
	words := make([]string, len(toks))
	for k, tk := range toks {
		words[k] = tk.Text
	}
	m := t.gaz.Match(words)
	if len(m) != 2 || m[0].Start != 0 || m[0].End != m[1].Start || m[1].End != len(words) || !namesPlace(m[0]) || !namesPlace(m[1]) {
		return 0
	}
	return m[1].Start
}

// namesPlace reports whether a match's best entry is a city, a region, a
// state or a country: the places sides are named after.
func namesPlace(m gazetteer.Match) bool {
	switch m.Entries[0].Kind {
	case gazetteer.City, gazetteer.Region, gazetteer.Country, gazetteer.Territory:
		return true
	}
	return false
}

// isFigure reports whether w is a number as results write them: "75",
// ".564", "3-1", "15:09.00", "4.".
func isFigure(w string) bool {
	digits := 0
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '.' || r == ',' || r == ':' || r == '-' || r == '/':
		default:
			return false
		}
	}
	return digits > 0
}

// splitDatelines ends a sentence after a wire dateline that opens it, a
// place and a date in figures, when the story runs on without a break:
// "BERLIN 2031-05-14 | Mona Larsen won ...".
func splitDatelines(sents []segment.Sentence) []segment.Sentence {
	var out []segment.Sentence
	for _, s := range sents {
		words := 0
		for i := 0; i < len(s.Text) && words < 8; {
			j := strings.IndexByte(s.Text[i:], ' ')
			if j < 0 {
				break
			}
			w := s.Text[i : i+j]
			next := i + j + 1
			if isoDate(w) && next < len(s.Text) && unicode.IsUpper(rune(s.Text[next])) {
				line := s.Text[:i+j]
				if b := bylineEnd(line); b > 0 {
					out = append(out, segment.Sentence{Text: line[:b], Start: s.Start})
					line, s.Text, s.Start = line[b+1:], s.Text[b+1:], s.Start+b+1
					next -= b + 1
				}
				out = append(out, segment.Sentence{Text: line, Start: s.Start})
				s = segment.Sentence{Text: s.Text[next:], Start: s.Start + next}
				break
			}
			i, words = next, words+1
		}
		out = append(out, s)
	}
	return out
}

// bylineEnd returns where a byline ends in a dateline line that opens
// with one, "Ivo Brandt NEW YORK 2031-05-14" or "Ivo Brandt OSLO , Norway
// 2031-05-14": the byte before the place in capitals, when every word
// before it is capitalised and none is in capitals; else 0.
func bylineEnd(line string) int {
	words := strings.Split(line, " ")
	caps := -1 // index of the first word of the place in capitals
	for k, w := range words[:len(words)-1] {
		if isAllCaps(w) && utf8.RuneCountInString(w) > 1 {
			caps = k
			break
		}
		if !isCapitalized(w) || notNames[w] {
			return 0
		}
	}
	if caps < 2 {
		return 0
	}
	return len(strings.Join(words[:caps], " "))
}

// ranksOpenRows moves the rank that ends a sentence after a figure to
// the sentence after it, where a results list run together belongs it:
// "Ana Ruiz ( Kenya ) 15:05.22 2. | Lena Banda" becomes "... 15:05.22 |
// 2. Lena Banda". text is the paragraph the sentences are in.
func ranksOpenRows(text string, sents []segment.Sentence) []segment.Sentence {
	for i := 0; i+1 < len(sents); i++ {
		s, next := sents[i], sents[i+1]
		cut := strings.LastIndexByte(s.Text, ' ')
		if cut < 0 || !isRank(s.Text[cut+1:]) {
			continue
		}
		before := strings.LastIndexByte(s.Text[:cut], ' ')
		if w := s.Text[before+1 : cut]; !isFigure(w) && w != ":" || next.Text == "" || !unicode.IsUpper(rune(next.Text[0])) {
			continue
		}
		start := s.Start + cut + 1
		sents[i].Text = s.Text[:cut]
		sents[i+1] = segment.Sentence{Text: text[start : next.Start+len(next.Text)], Start: start}
	}
	return sents
}

// isRank reports whether w is a place in a results list: "2.", "12.".
func isRank(w string) bool {
	n, ok := strings.CutSuffix(w, ".")
	return ok && n != "" && strings.Trim(n, "0123456789") == ""
}

// isoDate reports whether w is a date written 1996-08-30.
func isoDate(w string) bool {
	if len(w) != 10 || w[4] != '-' || w[7] != '-' {
		return false
	}
	for i, c := range []byte(w) {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// continues reports whether a sentence reads as the rest of a noun phrase:
// it opens with a title ("Senator from Oregon", "Ambassador Ana Ruiz").
func (t *Tokens) continues(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 {
		return false
	}
	n, _ := t.titles.Match(words, 0)
	return n > 0 && n < len(words)
}

// titleAbbreviation reports whether w is a title shortened with a full
// stop, which a name follows and no sentence ends in: "Gov.", "Sen.",
// "Sens.", "Atty. Gen.".
func (t *Tokens) titleAbbreviation(w string) bool {
	return capitalAbbreviation(w) && strings.Count(w, ".") == 1 && t.titles.MatchPlural([]string{w}, 0).N == 1
}

// addressAbbreviation reports whether w is a title of address shortened
// with a full stop, which no sentence ends in: "told Mr. | Brown".
func addressAbbreviation(w string) bool {
	return strings.HasSuffix(w, ".") && isCapitalized(w) && lowercase.Get(honorifics, w)
}

// capitalAbbreviation reports whether w is a capitalised word of two
// letters or more shortened with a full stop: "Gov.", "Dist.".
func capitalAbbreviation(w string) bool {
	return len(w) >= 3 && strings.HasSuffix(w, ".") && isCapitalized(w)
}

// titleAcross reports whether a title of several words runs from the
// abbreviation w that ends one sentence into the next, s, and a name or
// nothing follows it: "Dist. | Atty. Ana Ruiz", "Dist. | Atty. | Ana Ruiz".
func (t *Tokens) titleAcross(w, s string) bool {
	if !capitalAbbreviation(w) {
		return false
	}
	words := append([]string{w}, strings.Fields(s)...)
	n, _ := t.titles.Match(words, 0)
	return n >= 2 && (n == len(words) || nameGoesOn(words[n]))
}

// middleInitial reports whether s ends in a known given name and an
// initial: "Michael J.".
func (t *Tokens) middleInitial(s string) bool {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	n := len(s)
	if n < 4 || s[n-1] != '.' || s[n-2] < 'A' || s[n-2] > 'Z' || s[n-3] != ' ' {
		return false
	}
	return t.gaz.CommonGivenName(lastWord(s[:n-3]))
}

// isInitialStop reports whether w is an initial with its full stop: "J.".
// Two in a row are a name's: "J. | B. Penn".
func isInitialStop(w string) bool {
	return len(w) == 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] == '.'
}

// nameGoesOn reports whether w can continue a name: a capitalised word
// that is no sentence opener ("Then").
func nameGoesOn(w string) bool { return isCapitalized(w) && !notNames[w] }

func firstWord(s string) string {
	w, _, _ := strings.Cut(strings.TrimSpace(s), " ")
	return w
}

func lastWord(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	return s[strings.LastIndexFunc(s, unicode.IsSpace)+1:]
}

// dottedAbbreviation reports whether w is written like "U.S." or "U.K.".
func dottedAbbreviation(w string) bool {
	if len(w) < 4 || len(w)%2 != 0 {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		if w[i] < 'A' || w[i] > 'Z' || w[i+1] != '.' {
			return false
		}
	}
	return true
}

// splitGluedStops splits a word from the next that punctuation without a
// space joins: a full stop ("Snowden.Image" in a caption), a double hyphen
// ("LUSAKA--Zambia" in a dateline), a comma ("Mr Sata,74,") or the hyphen
// of a name before a participle ("Banerjee-led").
// Abbreviations ("U.S."), domains ("Znak.com"), decimals and thousands
// ("1,000") keep theirs.
func splitGluedStops(toks []tokenize.Token) []tokenize.Token {
	n := 0
	for _, tk := range toks {
		if i, _ := gluedAt(tk.Text); i > 0 {
			n++
		}
	}
	if n == 0 {
		return toks
	}
	out := make([]tokenize.Token, 0, len(toks)+2*n)
	for _, tk := range toks {
		if i, sep := gluedAt(tk.Text); i > 0 {
			out = append(out, tokenize.Token{Text: tk.Text[:i], Start: tk.Start},
				tokenize.Token{Text: sep, Start: tk.Start + i},
				tokenize.Token{Text: tk.Text[i+len(sep):], Start: tk.Start + i + len(sep)})
			continue
		}
		out = append(out, tk)
	}
	return out
}

// quoteMarks are the marks prose's tokenizer leaves on a word that never
// belong to it: guillemets, low marks („Ja“, and ‚ where some sites set a
// comma), double quotes (single quotes can belong: "James’") and angle
// brackets, which mark up names in some wire copy ("<Teck Corp>").
const quoteMarks = "«»‹›„‚‟“”<>"

// splitQuoteMarks splits quotation marks off the start and end of words:
// "„no“" is „ no “, "<Teck" is < Teck.
func splitQuoteMarks(toks []tokenize.Token) []tokenize.Token {
	glued := func(w string) bool {
		first, _ := utf8.DecodeRuneInString(w)
		last, _ := utf8.DecodeLastRuneInString(w)
		return len(w) > utf8.RuneLen(first) && (strings.ContainsRune(quoteMarks, first) || strings.ContainsRune(quoteMarks, last))
	}
	if !slices.ContainsFunc(toks, func(tk tokenize.Token) bool { return glued(tk.Text) }) {
		return toks
	}
	out := make([]tokenize.Token, 0, len(toks)+4)
	for _, tk := range toks {
		w, start := tk.Text, tk.Start
		var tail []tokenize.Token
		for len(w) > 0 {
			r, n := utf8.DecodeRuneInString(w)
			if n == len(w) || !strings.ContainsRune(quoteMarks, r) {
				break
			}
			out = append(out, tokenize.Token{Text: w[:n], Start: start})
			w, start = w[n:], start+n
		}
		for len(w) > 0 {
			r, n := utf8.DecodeLastRuneInString(w)
			if n == len(w) || !strings.ContainsRune(quoteMarks, r) {
				break
			}
			tail = append(tail, tokenize.Token{Text: w[len(w)-n:], Start: start + len(w) - n})
			w = w[:len(w)-n]
		}
		out = append(out, tokenize.Token{Text: w, Start: start, Tag: tk.Tag})
		for k := len(tail) - 1; k >= 0; k-- {
			out = append(out, tail[k])
		}
	}
	return out
}

// nameParticiples follow a name and a hyphen, which then modifies the next
// noun: "the Banerjee-led party"; so do likenessWords, "a Hale-style
// campaign", "a Lima-style attack". ("Soviet-era" stays whole: an era's
// post is a former one, "a Soviet-era minister".)
var (
	nameParticiples = toSet(`led appointed controlled dominated owned run ` + patronWords + ` ` + likenessWords)
	likeness        = toSet(likenessWords)
	patronage       = toSet(patronWords)
)

const (
	likenessWords = `style type like esque inspired`
	patronWords   = `backed allied aligned sponsored funded brokered`
)

// gluedAt returns where punctuation joins two words in w, and the
// punctuation; -1 when none does.
func gluedAt(w string) (int, string) {
	letters := func(s string) bool {
		return s != "" && !strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	}
	if i := strings.Index(w, "--"); i > 0 && letters(w[:i]) && letters(w[i+2:]) {
		return i, "--"
	}
	// "Banerjee-led", "Putin-backed", "Hale-style": a name, then a word
	// that makes it a modifier; the name stands alone.
	if i := strings.LastIndexByte(w, '-'); i > 1 && nameParticiples[w[i+1:]] && letters(w[:i]) && isCapitalized(w) && !isAllCaps(w[:i]) {
		return i, "-"
	}
	if i := strings.IndexByte(w, ','); i > 1 && strings.Count(w, ",") == 1 && letters(w[:i]) && i+1 < len(w) && isCapitalized(w) {
		return i, "," // ("1,000", "a,b" stay)
	}
	i := strings.IndexByte(w, '.')
	if i < 2 || i+2 >= len(w) || strings.Count(w, ".") != 1 || !letters(w[:i]) {
		return -1, ""
	}
	if r := rune(w[i+1]); !unicode.IsUpper(r) || !unicode.IsLower(rune(w[i+2])) {
		return -1, ""
	}
	return i, "."
}

// joinInitials joins an initial, or an abbreviation that opens a name, to
// its full stop, which the tokenizer splits off, when a name word follows:
// "P. Larsen", "Anna F. Lowe", "ST. ALBANS".
func joinInitials(toks []tokenize.Token) []tokenize.Token {
	return joinTokens(toks, func(i int) bool {
		tk := toks[i]
		initial := capitalLetter(tk.Text) || nameAbbreviations[strings.ToLower(tk.Text)+"."]
		return i+2 < len(toks) && initial && toks[i+1].Text == "." &&
			(isNameWord(toks[i+2].Text, false) || isAllCaps(tk.Text) && isAllCaps(toks[i+2].Text))
	})
}

// joinApostropheNames joins a capital letter to the rest of its name that
// the tokenizer split off at the apostrophe: "O | 'Malley", "D | ’Alema".
func joinApostropheNames(toks []tokenize.Token) []tokenize.Token {
	return joinTokens(toks, func(i int) bool {
		if !capitalLetter(toks[i].Text) {
			return false
		}
		r, n := utf8.DecodeRuneInString(toks[i+1].Text)
		if r != '\'' && r != '’' {
			return false
		}
		r, _ = utf8.DecodeRuneInString(toks[i+1].Text[n:])
		return unicode.IsUpper(r)
	})
}

// capitalLetter reports whether w is one capital letter: "O" of "O'Malley".
func capitalLetter(w string) bool { return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' }

// joinTokens joins each token to the next, written without a space
// between them, where glued says the two are one word.
func joinTokens(toks []tokenize.Token, glued func(i int) bool) []tokenize.Token {
	var out []tokenize.Token // nil until a pair is joined
	for i := 0; i < len(toks); i++ {
		tk := toks[i]
		if i+1 < len(toks) && toks[i+1].Start == tk.Start+len(tk.Text) && glued(i) {
			if out == nil {
				out = append(make([]tokenize.Token, 0, len(toks)), toks[:i]...)
			}
			out = append(out, tokenize.Token{Text: tk.Text + toks[i+1].Text, Start: tk.Start})
			i++
			continue
		}
		if out != nil {
			out = append(out, tk)
		}
	}
	if out == nil {
		return toks
	}
	return out
}

// titleAbbreviations are titles shortened with a full stop that open
// names: "Gen. Smith", "Sens. Ann Holt and ...".
const titleAbbreviations = `gen. col. sen. sens. rep. reps. gov. govs. dist. asst. prof. rev. atty. brig. adm. maj.`

// nameAbbreviations open names: "St. Louis", "Mt. Kenya", and the titles.
var nameAbbreviations = toSet(`st. mt. ft. dr. mr. mrs. ms. lt. capt. sgt. ` + titleAbbreviations)

// abbreviations end in a full stop that is part of them.
var abbreviations = toSet(`mr. mrs. ms. dr. jr. sr. st. inc. ltd. co. corp. bros. no. vs. etc. mt. ft. jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. ` + titleAbbreviations)

// splitFinalStop splits the full stop from the last word of a sentence
// that the tokenizer left attached ("Jan Smit."), also before a closing
// quote or bracket, unless the word is an abbreviation or an initial.
func splitFinalStop(toks []tokenize.Token) []tokenize.Token {
	k := len(toks) - 1
	for k > 0 && closingMarks[toks[k].Text] {
		k--
	}
	if k < 0 {
		return toks
	}
	last := toks[k]
	w := last.Text
	if len(w) < 3 || !strings.HasSuffix(w, ".") || strings.Count(w, ".") > 1 || lowercase.Get(abbreviations, w) || !unicode.IsLetter(rune(w[len(w)-2])) {
		return toks
	}
	n := len(w) - 1
	out := make([]tokenize.Token, 0, len(toks)+1)
	out = append(out, toks[:k]...)
	out = append(out, tokenize.Token{Text: w[:n], Start: last.Start}, tokenize.Token{Text: ".", Start: last.Start + n})
	return append(out, toks[k+1:]...)
}

// closingMarks may follow a sentence's full stop.
var closingMarks = toSet("\" ” ’ ' ) ]")

// timePrefixes glue to the word they date: "ex-French Prime Minister",
// "then-governor", "then-Ohio Governor".
var timePrefixes = []string{"ex-", "then-", "Ex-", "Then-"}

// splitTimePrefixes splits a time prefix from the word it is glued to, so
// that the title or the place after it is a token of its own.
func splitTimePrefixes(toks []tokenize.Token) []tokenize.Token {
	split := 0
	for _, tk := range toks {
		if timePrefixed(tk.Text) {
			split++
		}
	}
	if split == 0 {
		return toks
	}
	out := make([]tokenize.Token, 0, len(toks)+split)
	for _, tk := range toks {
		if timePrefixed(tk.Text) {
			n := strings.IndexByte(tk.Text, '-') + 1
			out = append(out, tokenize.Token{Text: tk.Text[:n], Start: tk.Start}, tokenize.Token{Text: tk.Text[n:], Start: tk.Start + n})
			continue
		}
		out = append(out, tk)
	}
	return out
}

func timePrefixed(w string) bool {
	for _, p := range timePrefixes {
		if len(w) > len(p)+1 && strings.HasPrefix(w, p) && unicode.IsLetter(rune(w[len(p)])) {
			return true
		}
	}
	return false
}

// pretokenized reports whether d came with its tokens and sentences (from
// a corpus, see pipeline.DocFromTokens) but without tags: then the tokens are kept
// and only tagged.
func pretokenized(d *pipeline.Doc) bool {
	return len(d.Tokens) > 0 && len(d.Sentences) > 0 && d.Tokens[0].Tag == ""
}

// tagSpan tags the tokens of one sentence in place.
func (t *Tokens) tagSpan(toks []pipeline.Token) {
	pt := make([]tag.Token, len(toks))
	for i, tk := range toks {
		pt[i] = tag.Token{Text: tk.Text, Start: tk.Start}
	}
	t.tag.TagTokens(pt)
	for i := range toks {
		toks[i].Tag = pt[i].Tag
	}
}

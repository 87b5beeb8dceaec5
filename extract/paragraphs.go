package extract

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/internal/lowercase"
	"github.com/readout/readout/pipeline"
)

// Paragraphs is the "paragraphs" stage: it splits Doc.Text into headings,
// text paragraphs, list items and table rows.
type Paragraphs struct {
	maxHeadingWords int
}

type paragraphsConfig struct {
	MaxHeadingWords int `mapstructure:"max_heading_words"`
}

// NewParagraphs builds the paragraphs stage. The only option is
// max_heading_words (default 12): longer lines are never headings.
func NewParagraphs(opts pipeline.Options) (pipeline.Stage, error) {
	cfg := paragraphsConfig{MaxHeadingWords: 12}
	if err := opts.Decode("paragraphs", &cfg); err != nil {
		return nil, err
	}
	if cfg.MaxHeadingWords < 1 {
		return nil, fmt.Errorf("stages.paragraphs: max_heading_words must be positive, got %d", cfg.MaxHeadingWords)
	}
	return &Paragraphs{maxHeadingWords: cfg.MaxHeadingWords}, nil
}

// Name returns "paragraphs".
func (p *Paragraphs) Name() string { return "paragraphs" }

// Process replaces d.Paragraphs with the paragraphs of d.Text.
func (p *Paragraphs) Process(ctx context.Context, d *pipeline.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	d.Paragraphs = p.split(d.Text)
	return nil
}

// textLine is one line of text, without its terminator and with the
// space around it trimmed: text[lo:hi]; the line starts at start.
type textLine struct{ start, lo, hi int }

func (l textLine) blank() bool { return l.lo == l.hi }

// scanLines splits text on \n, \r\n and \r.
func scanLines(text string) []textLine {
	lines := make([]textLine, 0, strings.Count(text, "\n")+1)
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '\n' && c != '\r' {
			continue
		}
		lines = append(lines, newTextLine(text, start, i))
		if c == '\r' && i+1 < len(text) && text[i+1] == '\n' {
			i++
		}
		start = i + 1
	}
	if start < len(text) {
		lines = append(lines, newTextLine(text, start, len(text)))
	}
	return lines
}

func newTextLine(text string, start, end int) textLine {
	lo, hi := trimSpaces(text, start, end)
	return textLine{start: start, lo: lo, hi: hi}
}

// trimSpaces returns [lo, hi) narrowed past the spaces at both ends of
// text[lo:hi]. An all-space range collapses to an empty range at hi.
func trimSpaces(text string, lo, hi int) (int, int) {
	for lo < hi {
		r, n := utf8.DecodeRuneInString(text[lo:hi])
		if !isSpaceRune(r) {
			break
		}
		lo += n
	}
	for hi > lo {
		r, n := utf8.DecodeLastRuneInString(text[lo:hi])
		if !isSpaceRune(r) {
			break
		}
		hi -= n
	}
	return lo, hi
}

// isSpaceRune reports whether r is white space, counting the invisible
// zero-width space and byte-order mark that pasted text often carries.
// utf8.RuneError is not a space, so invalid bytes are kept as text.
func isSpaceRune(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

// lineKind is what a single line looks like on its own.
type lineKind int

const (
	plainLine lineKind = iota
	blankLine
	breakLine    // thematic break such as "---" or "* * *"
	atxLine      // markdown "## Heading"
	itemLine     // list marker followed by text
	loneItemLine // list marker alone on its line
)

// lineInfo is a classified line. For atxLine and itemLine, marker and body
// are the byte ranges of the marker and of the trimmed text after it.
type lineInfo struct {
	kind           lineKind
	markLo, markHi int
	bodyLo, bodyHi int
	tableIdx       int  // index into the pipe tables, or -1
	separator      bool // a table's separator row
}

// paraState is bookkeeping for one paragraph while splitting.
type paraState struct {
	lines int
	// prev is the paragraph whose last line directly precedes this one, with
	// no blank line between, or -1.
	prev int
	// table is the pipe table a row belongs to, or -1.
	table int
}

func (p *Paragraphs) split(text string) []pipeline.Paragraph {
	lines := scanLines(text)
	infos := classifyLines(text, lines)
	width := wrapWidth(text, lines)

	var (
		paras    []pipeline.Paragraph
		state    []paraState
		open     = -1 // paragraph that the next line may continue
		prevPara = -1 // paragraph ending on the previous non-blank line
		pending  *pipeline.Span
	)
	add := func(pp pipeline.Paragraph) int {
		pp.Section, pp.Block = -1, -1
		paras = append(paras, pp)
		state = append(state, paraState{lines: 1, prev: prevPara, table: -1})
		return len(paras) - 1
	}
	for i, l := range lines {
		info := infos[i]
		switch {
		case info.kind == blankLine:
			open, prevPara = -1, -1
			continue
		case info.tableIdx >= 0:
			open, prevPara = -1, -1
			if info.separator {
				continue
			}
			lo, hi := rowBody(text, l.lo, l.hi)
			k := add(pipeline.Paragraph{Start: lo, End: hi, Kind: pipeline.TableRow})
			state[k].table = info.tableIdx
			prevPara = k
			continue
		}
		switch info.kind {
		case breakLine:
			open, prevPara = -1, -1
		case atxLine:
			k := add(pipeline.Paragraph{Start: info.bodyLo, End: info.bodyHi, Kind: pipeline.Heading,
				Marker: spanOf(text, info.markLo, info.markHi)})
			open, prevPara = -1, k
		case itemLine:
			k := add(pipeline.Paragraph{Start: info.bodyLo, End: info.bodyHi, Kind: pipeline.ListItem,
				Marker: spanOf(text, info.markLo, info.markHi)})
			open, prevPara = k, k
		case loneItemLine:
			// The marker belongs to the next non-blank line if that is
			// plain text; otherwise the marker is noise and is dropped.
			pending = nil
			for j := i + 1; j < len(lines); j++ {
				if infos[j].kind == blankLine {
					continue
				}
				if infos[j].kind == plainLine && infos[j].tableIdx < 0 {
					pending = spanOf(text, l.lo, l.hi)
				}
				break
			}
			open, prevPara = -1, -1
		case plainLine:
			if pending != nil {
				k := add(pipeline.Paragraph{Start: l.lo, End: l.hi, Kind: pipeline.ListItem, Marker: pending})
				pending = nil
				open, prevPara = k, k
				continue
			}
			if open >= 0 && (continuesLine(text[lines[i-1].lo:lines[i-1].hi], text[l.lo:l.hi]) || p.wrapped(text, lines[i-1], l, width)) {
				paras[open].End = l.hi
				state[open].lines++
				continue
			}
			k := add(pipeline.Paragraph{Start: l.lo, End: l.hi, Kind: pipeline.TextPara})
			open, prevPara = k, k
		}
	}

	headingLike := make([]bool, len(paras))
	for k := range paras {
		pp := &paras[k]
		headingLike[k] = pp.Kind == pipeline.TextPara && state[k].lines == 1 && p.standsAlone(text, paras, state[k].prev) &&
			p.isHeading(text[pp.Start:pp.End], k == 0)
	}
	// A heading heads text: three or more short lines in a row, none
	// followed by a paragraph of its own, are a list without markers (a
	// table of results, a byline and a dateline), not a run of headings.
	// The document's first line stays its headline.
	for k := 0; k < len(paras); {
		n := 0
		for k+n < len(paras) && headingLike[k+n] {
			n++
		}
		if n >= 3 {
			for i := k; i < k+n; i++ {
				if i > 0 {
					headingLike[i] = false
					paras[i].Kind = pipeline.ListItem
				}
			}
		}
		k += max(n, 1)
	}
	section := -1
	for k := range paras {
		pp := &paras[k]
		if headingLike[k] {
			pp.Kind = pipeline.Heading
		}
		if pp.Kind == pipeline.Heading {
			section = k
		}
		pp.Section = section
	}

	// Consecutive list items form one list, even across blank lines and
	// lone markers, which leave no paragraph behind. Rows form one block
	// per table.
	block := -1
	for k := range paras {
		pp := &paras[k]
		if pp.Kind != pipeline.ListItem && pp.Kind != pipeline.TableRow {
			continue
		}
		if k == 0 || paras[k-1].Kind != pp.Kind || state[k-1].table != state[k].table {
			block++
		}
		pp.Block = block
	}
	return paras
}

// standsAlone reports whether a line directly after paragraph prev can be a
// heading. A text line that stops mid-sentence (on a lowercase word or on
// , ; : or a dash) means the line is the tail of a hard-wrapped paragraph
// or introduces what follows.
func (p *Paragraphs) standsAlone(text string, paras []pipeline.Paragraph, prev int) bool {
	if prev < 0 || paras[prev].Kind != pipeline.TextPara {
		return true
	}
	s := text[paras[prev].Start:paras[prev].End]
	if endsWith(s, ",;:-–—") {
		return false
	}
	if endsWith(s, ".!?…") {
		return true
	}
	words := strings.FieldsFunc(s, isSpaceRune)
	r, _ := firstAlnum(words[len(words)-1])
	return !unicode.IsLower(r)
}

func classifyLines(text string, lines []textLine) []lineInfo {
	infos := make([]lineInfo, len(lines))
	for i := range infos {
		infos[i].tableIdx = -1
	}
	for ti, t := range findPipeTables(text, lines) {
		for i := t.first; i < t.last; i++ {
			infos[i].tableIdx = ti
			infos[i].separator = isSeparatorRow(text[lines[i].lo:lines[i].hi])
		}
	}
	for i, l := range lines {
		info := &infos[i]
		s := text[l.lo:l.hi]
		switch {
		case l.blank():
			info.kind = blankLine
		case isBreakLine(s):
			info.kind = breakLine
		default:
			if n := atxMarker(s); n > 0 {
				lo, hi := atxBody(text, l.lo+n, l.hi)
				if lo == hi {
					info.kind = breakLine // "##" alone: nothing to keep
					break
				}
				info.kind = atxLine
				info.markLo, info.markHi = l.lo, l.lo+n
				info.bodyLo, info.bodyHi = lo, hi
				break
			}
			n := listMarker(s)
			if n == 0 {
				info.kind = plainLine
				break
			}
			info.markLo, info.markHi = l.lo, l.lo+n
			if n == len(s) {
				info.kind = loneItemLine
				break
			}
			info.kind = itemLine
			info.bodyLo, info.bodyHi = trimSpaces(text, l.lo+n, l.hi)
		}
	}
	return infos
}

// isBreakLine reports whether s is a thematic break: three or more of the
// same '-', '*', '_' or '=' and nothing else but spaces.
func isBreakLine(s string) bool {
	var mark byte
	n := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t':
		case '-', '*', '_', '=':
			if mark != 0 && c != mark {
				return false
			}
			mark = c
			n++
		default:
			return false
		}
	}
	return n >= 3
}

// atxMarker returns the length of a markdown heading marker ("#" to
// "######" followed by a space) at the start of s, or 0.
func atxMarker(s string) int {
	n := 0
	for n < len(s) && s[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n == len(s) {
		return 0
	}
	if r, _ := utf8.DecodeRuneInString(s[n:]); !isSpaceRune(r) {
		return 0
	}
	return n
}

// atxBody trims text[lo:hi] and drops an optional closing run of '#'s.
func atxBody(text string, lo, hi int) (int, int) {
	lo, hi = trimSpaces(text, lo, hi)
	end := hi
	for end > lo && text[end-1] == '#' {
		end--
	}
	if end == lo {
		return lo, lo
	}
	if end < hi {
		if r, _ := utf8.DecodeLastRuneInString(text[lo:end]); isSpaceRune(r) {
			return trimSpaces(text, lo, end)
		}
	}
	return lo, hi
}

var bullets = []string{"-", "*", "+", "•", "–", "·"}

// listMarker returns the byte length of the list marker that starts s, or
// 0. A marker must be followed by space or end the line. Markers are
// bullets, "1." and "1)" with up to three digits, "(3)", "(a)" and "a)".
func listMarker(s string) int {
	n := 0
	for _, b := range bullets {
		if strings.HasPrefix(s, b) {
			n = len(b)
			break
		}
	}
	if n == 0 {
		n = numberMarker(s)
	}
	if n == 0 || n == len(s) {
		return n
	}
	if r, _ := utf8.DecodeRuneInString(s[n:]); !isSpaceRune(r) {
		return 0
	}
	return n
}

func numberMarker(s string) int {
	i := 0
	paren := len(s) > 0 && s[0] == '('
	if paren {
		i++
	}
	digits := 0
	for i < len(s) && digits < 4 && isDigit(s[i]) {
		i++
		digits++
	}
	letter := false
	if digits == 0 && i < len(s) && isASCIILetter(s[i]) {
		i++
		letter = true
	}
	if digits == 0 && !letter || digits > 3 || i == len(s) {
		return 0
	}
	switch {
	case s[i] == ')':
		return i + 1
	case s[i] == '.' && !paren && !letter:
		// "A. Smith" is an initial, so only numbers take a dot.
		return i + 1
	}
	return 0
}

func isDigit(c byte) bool       { return '0' <= c && c <= '9' }
func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// continuesLine reports whether next continues the paragraph ending with
// prev, as in hard-wrapped text: prev stops mid-sentence and next starts
// with a lowercase letter.
func continuesLine(prev, next string) bool {
	if endsWith(prev, ".!?…") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(r)
}

// wrapWidth is the width to which text is hard-wrapped, as wire copy and
// mail are: the longest line, when it is 50 to 100 characters wide and
// most lines, at least three, come within a word of it; 0 when the text
// is not hard-wrapped.
func wrapWidth(text string, lines []textLine) int {
	width, filled := 0, 0
	for _, l := range lines {
		if l.hi-l.start > maxWrapWidth*utf8.UTFMax {
			return 0 // (a paragraph on one line: no need to count)
		}
		n := utf8.RuneCountInString(text[l.start:l.hi])
		if n > maxWrapWidth {
			return 0 // (most texts, a paragraph a line, stop at their first)
		}
		width = max(width, n)
		if !l.blank() {
			filled++
		}
	}
	if width < minWrapWidth {
		return 0
	}
	near := 0
	for _, l := range lines {
		if !l.blank() && utf8.RuneCountInString(text[l.start:l.hi]) >= width-wrapSlack {
			near++
		}
	}
	if near < 3 || 2*near < filled {
		return 0
	}
	return width
}

const (
	minWrapWidth = 50 // typewriter, wire and mail widths are 60 to 80
	maxWrapWidth = 100
	wrapSlack    = 12 // a long word that did not fit
)

// wrapped reports whether next goes on with the line prev in text
// hard-wrapped to width: next's first word would not have fitted on prev,
// next is indented no further (an indent opens a paragraph), and it is
// no heading after a sentence's end.
func (p *Paragraphs) wrapped(text string, prev, next textLine, width int) bool {
	if width == 0 || next.lo-next.start > prev.lo-prev.start {
		return false
	}
	s := text[next.lo:next.hi]
	first := s
	if i := strings.IndexFunc(first, isSpaceRune); i >= 0 {
		first = first[:i]
	}
	if utf8.RuneCountInString(text[prev.start:prev.hi])+1+utf8.RuneCountInString(first) <= width {
		return false
	}
	return !endsWith(text[prev.lo:prev.hi], ".!?…") || !p.isHeading(s, false)
}

// closers may follow final punctuation: `said."` still ends a sentence.
const closers = "\"'”’»›)]}*_"

// endsWith reports whether s ends with one of the runes in punct, looking
// through closing quotes and brackets.
func endsWith(s, punct string) bool {
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		if !strings.ContainsRune(closers, r) || r == utf8.RuneError {
			return strings.ContainsRune(punct, r) && r != utf8.RuneError
		}
		s = s[:len(s)-n]
	}
	return false
}

// minorWords may stay lowercase inside a title-case heading.
var minorWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "nor": true,
	"of": true, "in": true, "on": true, "to": true, "for": true, "with": true,
	"at": true, "by": true, "from": true, "as": true, "but": true, "vs": true,
	"vs.": true, "v.": true, "via": true, "per": true, "into": true, "onto": true,
	"upon": true,
}

// isHeading reports whether the single line s reads like a heading: short,
// without final punctuation, in title case and not a date. The first line
// of a document may be a sentence-case headline, so there it is enough for
// the first word to be capitalised.
func (p *Paragraphs) isHeading(s string, first bool) bool {
	if endsWith(s, ".!?:;,…") {
		return false
	}
	words := strings.FieldsFunc(s, isSpaceRune)
	// A byline, "By Ana Ruiz", is no section's title ("By the Numbers" may be).
	if !first && len(words) > 1 && words[0] == "By" && !strings.EqualFold(words[1], "the") {
		return false
	}
	count, content, lower := 0, 0, 0
	for i, w := range words {
		r, ok := firstAlnum(w)
		if !ok {
			continue // dashes, bullets and other stray punctuation
		}
		count++
		if unicode.IsDigit(r) {
			continue
		}
		if i > 0 && lowercase.Get(minorWords, w) {
			continue
		}
		content++
		if !unicode.IsUpper(r) && !unicode.IsTitle(r) {
			if i == 0 {
				return false
			}
			lower++
		}
	}
	if count == 0 || count > p.maxHeadingWords || content == 0 || isDateLine(words) {
		return false
	}
	// Titles do not trail off on "of" or "the"; wrapped sentence parts do.
	if last := words[len(words)-1]; len(words) > 1 && minorWords[last] {
		return false
	}
	return first || lower*5 <= content
}

// firstAlnum returns the first letter or digit of w.
func firstAlnum(w string) (rune, bool) {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r, true
		}
	}
	return 0, false
}

var dateWords = map[string]bool{
	"jan": true, "feb": true, "mar": true, "apr": true, "may": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"january": true, "february": true, "march": true, "april": true, "june": true,
	"july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true,
	"thurs": true, "fri": true, "sat": true, "sun": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true,
}

var dateFiller = map[string]bool{
	"at": true, "of": true, "the": true, "on": true, "am": true, "pm": true,
	"a.m": true, "p.m": true, "gmt": true, "utc": true, "est": true, "edt": true,
	"bst": true, "cet": true, "eet": true, "updated": true, "published": true,
	"posted": true, "-": true, "–": true, "—": true, "|": true,
}

// isDateLine reports whether words are a date such as "Thursday, September
// 12, 2019": only month and day names, numbers and filler, with at least
// one month or day name.
func isDateLine(words []string) bool {
	named := false
	for _, w := range words {
		w = strings.ToLower(strings.Trim(w, ",.;:()[]"))
		switch {
		case w == "":
		case dateWords[w]:
			named = true
		case dateFiller[w]:
		case isDigit(w[0]):
			// 12, 2019, 12th, 14:30, 12/09/2019
			for i := 0; i < len(w); i++ {
				if !isDigit(w[i]) && !strings.ContainsRune(":/.-", rune(w[i])) {
					if !dateFiller[w[i:]] && w[i:] != "st" && w[i:] != "nd" && w[i:] != "rd" && w[i:] != "th" {
						return false
					}
					break
				}
			}
		default:
			return false
		}
	}
	return named
}

func spanOf(text string, lo, hi int) *pipeline.Span {
	return &pipeline.Span{Start: lo, End: hi, Text: text[lo:hi]}
}

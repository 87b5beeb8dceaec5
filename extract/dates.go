package extract

import (
	"context"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/readout/readout/pipeline"
)

// Dates finds date expressions ("Monday, December 22", "22 December 2025",
// "yesterday", "last Tuesday") and resolves them to ISO dates. Relative
// ones are anchored on the document's date, Doc.Meta["date"], which the
// JSON Lines source fills from input.date_field; without it they stay
// unresolved (Value "").
type Dates struct{}

// NewDates builds the dates stage; it takes no options.
func NewDates(opts pipeline.Options) (pipeline.Stage, error) {
	var none struct{}
	if err := opts.Decode("dates", &none); err != nil {
		return nil, err
	}
	return &Dates{}, nil
}

func (*Dates) Name() string { return "dates" }

// Process fills d.Dates.
func (*Dates) Process(ctx context.Context, d *pipeline.Doc) error {
	anchor, ok := ParseDocDate(d.Meta["date"])
	// One answer per sentence: a sentence may hold thousands of dates.
	future := map[[2]int]bool{}
	var sentences, between [][2]int
	for _, s := range d.Sentences {
		sentences = append(sentences, [2]int{s.Start, s.End})
	}
	d.Dates = FindDates(d.Text, anchor, ok, func(pos int) bool {
		span, ok := spanAt(sentences, pos)
		if !ok {
			if between == nil {
				between = punctuationSpans(d.Text)
			}
			span, _ = spanAt(between, pos)
		}
		f, ok := future[span]
		if !ok {
			f = futureRE.MatchString(d.Text[span[0]:span[1]])
			future[span] = f
		}
		return f
	})
	return ctx.Err()
}

// ParseDocDate reads a document date given as RFC 3339 or YYYY-MM-DD. The
// calendar date is the one written (an RFC 3339 time keeps its own offset):
// that is the day the article's "yesterday" is counted from.
func ParseDocDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
		}
	}
	return time.Time{}, false
}

const (
	weekdayRE = `(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`
	monthRE   = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`
	dayRE     = `([0-9]{1,2})(?:st|nd|rd|th)?`
	yearRE    = `((?:19|20)[0-9]{2})`
)

// The patterns are immutable once compiled, so sharing them is safe.
var (
	// "Monday, December 22", "December 22, 2025", "Dec. 22"
	monthDayRE = regexp.MustCompile(`\b(?:` + weekdayRE + `,?\s+)?` + monthRE + `\s+` + dayRE + `\b(?:,?\s+` + yearRE + `\b)?`)
	// "22 December", "Monday 22 December 2025", "the 22nd of December"
	dayMonthRE = regexp.MustCompile(`\b(?:` + weekdayRE + `,?\s+)?(?:the\s+)?` + dayRE + `\s+(?:of\s+)?` + monthRE + `(?:\s+` + yearRE + `\b)?`)
	isoDateRE  = regexp.MustCompile(`\b` + yearRE + `-([0-9]{2})-([0-9]{2})\b`)
	// "last Tuesday", "on Monday", "Friday"
	relWeekdayRE = regexp.MustCompile(`\b(?:([Ll]ast|[Nn]ext|[Tt]his|[Oo]n)\s+)?` + weekdayRE + `\b`)
	relDayRE     = regexp.MustCompile(`\b([Yy]esterday|[Tt]oday|[Tt]omorrow)\b`)
	// Words that put a sentence in the future, so that a bare weekday or a
	// date without a year is looked for ahead of the document date.
	futureRE = regexp.MustCompile(`\b(?:will|shall|won't|'ll|upcoming|scheduled|planned|next week)\b`)
)

var relDays = map[string]int{"yesterday": -1, "today": 0, "tomorrow": 1}

var weekdays = map[string]time.Weekday{
	"Sunday": time.Sunday, "Monday": time.Monday, "Tuesday": time.Tuesday, "Wednesday": time.Wednesday,
	"Thursday": time.Thursday, "Friday": time.Friday, "Saturday": time.Saturday,
}

// monthOf maps a month name or abbreviation to its number.
func monthOf(s string) time.Month {
	s = strings.TrimSuffix(s, ".")
	for m := time.January; m <= time.December; m++ {
		if strings.HasPrefix(m.String(), s) && len(s) >= 3 {
			return m
		}
	}
	return 0
}

// FindDates returns the date expressions in text, in text order and not
// overlapping (the longest wins where two start together). future reports
// whether the sentence around a byte offset speaks of the future; it may be nil.
func FindDates(text string, anchor time.Time, hasAnchor bool, future func(pos int) bool) []pipeline.DateMention {
	if future == nil {
		future = func(int) bool { return false }
	}
	r := resolver{anchor: anchor, ok: hasAnchor}
	var found []pipeline.DateMention
	// The patterns run only on windows around words that can be part of a
	// date: running them over the whole text costs as much as tagging it.
	for _, w := range dateWindows(text) {
		found = findIn(text, w[0], w[1], r, future, found)
	}
	sort.SliceStable(found, func(i, j int) bool {
		if found[i].Start != found[j].Start {
			return found[i].Start < found[j].Start
		}
		return found[i].End > found[j].End
	})
	out := found[:0]
	end := -1
	for _, f := range found {
		if f.Start >= end {
			out = append(out, f)
			end = f.End
		}
	}
	return out
}

// findIn appends the date expressions in text[lo:hi] to found.
func findIn(text string, lo, hi int, r resolver, future func(int) bool, found []pipeline.DateMention) []pipeline.DateMention {
	add := func(start, end int, value string) {
		found = append(found, pipeline.DateMention{Start: start, End: end, Text: text[start:end], Value: value})
	}
	group := func(m []int, i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return text[m[2*i]:m[2*i+1]]
	}
	// A pattern runs only on a window that holds a literal it cannot match
	// without (a month's first three letters, "day", "-"): the patterns
	// backtrack, and most windows hold a month or a weekday, not both.
	win := text[lo:hi]
	day := strings.Contains(win, "day")
	if hasMonthPrefix(win) {
		for _, m := range shift(monthDayRE.FindAllStringSubmatchIndex(win, -1), lo) {
			if !plausibleDay(group(m, 3)) {
				continue
			}
			add(m[0], m[1], r.calendar(group(m, 1), monthOf(group(m, 2)), group(m, 3), group(m, 4), future(m[0])))
		}
		for _, m := range shift(dayMonthRE.FindAllStringSubmatchIndex(win, -1), lo) {
			if !plausibleDay(group(m, 2)) {
				continue
			}
			start := m[0]
			if m[2] < 0 { // no weekday: the span starts at the day, not at "the"
				start = m[4]
			}
			add(start, m[1], r.calendar(group(m, 1), monthOf(group(m, 3)), group(m, 2), group(m, 4), future(m[0])))
		}
	}
	if strings.IndexByte(win, '-') >= 0 {
		for _, m := range shift(isoDateRE.FindAllStringSubmatchIndex(win, -1), lo) {
			mo, _ := strconv.Atoi(group(m, 2))
			add(m[0], m[1], ymd(group(m, 1), time.Month(mo), group(m, 3)))
		}
	}
	if day {
		for _, m := range shift(relWeekdayRE.FindAllStringSubmatchIndex(win, -1), lo) {
			mod := strings.ToLower(group(m, 1))
			start := m[0]
			if mod == "on" || mod == "" { // "on" is the preposition, not part of the date
				start, mod = m[4], ""
			}
			add(start, m[1], r.weekday(weekdays[group(m, 2)], mod, future(m[0])))
		}
	}
	if day || strings.Contains(win, "omorrow") {
		for _, m := range shift(relDayRE.FindAllStringIndex(win, -1), lo) {
			add(m[0], m[1], r.shift(relDays[strings.ToLower(text[m[0]:m[1]])]))
		}
	}
	return found
}

// hasMonthPrefix reports whether s holds the first three letters of a
// month's name, which every month pattern needs.
func hasMonthPrefix(s string) bool {
	for _, m := range monthPrefixes {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

var monthPrefixes = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// shift moves match indexes found in text[lo:] to offsets in text.
func shift(ms [][]int, lo int) [][]int {
	for _, m := range ms {
		for i := range m {
			if m[i] >= 0 {
				m[i] += lo
			}
		}
	}
	return ms
}

// dateKeywords are the words every date expression holds one of.
var dateKeywords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
		"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
		"November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
		"yesterday", "Yesterday", "today", "Today", "tomorrow", "Tomorrow"} {
		m[w] = true
	}
	return m
}()

// dateWindows returns the stretches of text, merged and in order, around
// date words and ISO dates, wide enough to hold any date expression and
// starting and ending outside words.
func dateWindows(text string) [][2]int {
	const reach = 48 // longer than "Wednesday, the 22nd of September" before or after its month
	var wins [][2]int
	addWin := func(s, e int) {
		s, e = max(0, s-reach), min(len(text), e+reach)
		for s > 0 && isWordByte(text[s-1]) {
			s--
		}
		for e < len(text) && isWordByte(text[e]) {
			e++
		}
		if n := len(wins); n > 0 && s <= wins[n-1][1] {
			wins[n-1][1] = max(wins[n-1][1], e)
			return
		}
		wins = append(wins, [2]int{s, e})
	}
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case isLetter(c):
			j := i + 1
			for j < len(text) && isLetter(text[j]) {
				j++
			}
			if n := j - i; n >= 3 && n <= 9 && dateKeywords[text[i:j]] {
				addWin(i, j)
			}
			i = j
		case c == '-' && i >= 4 && i+3 < len(text) && isASCIIDigit(text[i-1]) && isASCIIDigit(text[i-4]) && isASCIIDigit(text[i+1]) && isASCIIDigit(text[i+2]):
			addWin(i-4, i+6)
			i++
		default:
			i++
		}
	}
	return wins
}

func isLetter(c byte) bool     { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }
func isWordByte(c byte) bool   { return isLetter(c) || isASCIIDigit(c) || c == '_' || c >= 0x80 }

// plausibleDay keeps "45 March" (a count, not a date) out.
func plausibleDay(s string) bool {
	d, err := strconv.Atoi(s)
	return err == nil && d >= 1 && d <= 31
}

// resolver turns date expressions into ISO dates relative to an anchor.
type resolver struct {
	anchor time.Time
	ok     bool // whether there is an anchor
}

const isoDay = "2006-01-02"

// ymd is year-month-day as ISO, or "" for an impossible date (February 30).
func ymd(year string, month time.Month, day string) string {
	y, err1 := strconv.Atoi(year)
	d, err2 := strconv.Atoi(day)
	if err1 != nil || err2 != nil {
		return ""
	}
	t, ok := validDate(y, month, d)
	if !ok {
		return ""
	}
	return t.Format(isoDay)
}

func validDate(y int, m time.Month, d int) (time.Time, bool) {
	if m < time.January || m > time.December || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return t, t.Month() == m && t.Day() == d // time.Date normalises Feb 30 to March
}

// calendar resolves a month and day, with an optional year and weekday.
// Without a year it takes the year that puts the date nearest the anchor
// (looking ahead only in a future sentence, back otherwise when the two are
// equally near), and a weekday that fits one candidate year decides.
func (r resolver) calendar(weekday string, month time.Month, day, year string, future bool) string {
	if year != "" {
		return ymd(year, month, day)
	}
	d, err := strconv.Atoi(day)
	if err != nil || !r.ok {
		return ""
	}
	var cands []time.Time
	for y := r.anchor.Year() - 1; y <= r.anchor.Year()+1; y++ {
		if t, ok := validDate(y, month, d); ok {
			cands = append(cands, t)
		}
	}
	if wd, ok := weekdays[weekday]; ok {
		var fit []time.Time
		for _, c := range cands {
			if c.Weekday() == wd {
				fit = append(fit, c)
			}
		}
		if len(fit) > 0 {
			cands = fit
		}
	}
	if future {
		var ahead []time.Time
		for _, c := range cands {
			if !c.Before(r.anchor) {
				ahead = append(ahead, c)
			}
		}
		if len(ahead) > 0 {
			cands = ahead
		}
	}
	best, bestDist := time.Time{}, time.Duration(-1)
	for _, c := range cands { // ascending, so ties keep the earlier date
		dist := c.Sub(r.anchor)
		if dist < 0 {
			dist = -dist
		}
		if bestDist < 0 || dist < bestDist {
			best, bestDist = c, dist
		}
	}
	if bestDist < 0 {
		return ""
	}
	return best.Format(isoDay)
}

// weekday resolves a weekday name: "last" is the latest before the anchor,
// "next" the first after it; a bare weekday is the latest on or before the
// anchor (news reports what happened), or the first on or after it in a
// future sentence.
func (r resolver) weekday(wd time.Weekday, mod string, future bool) string {
	if !r.ok {
		return ""
	}
	back := (int(r.anchor.Weekday()) - int(wd) + 7) % 7 // days back to the latest wd <= anchor
	ahead := (int(wd) - int(r.anchor.Weekday()) + 7) % 7
	var days int
	switch {
	case mod == "last":
		if back == 0 {
			back = 7
		}
		days = -back
	case mod == "next":
		if ahead == 0 {
			ahead = 7
		}
		days = ahead
	case future:
		days = ahead
	default:
		days = -back
	}
	return r.shift(days)
}

func (r resolver) shift(days int) string {
	if !r.ok {
		return ""
	}
	return r.anchor.AddDate(0, 0, days).Format(isoDay)
}

// punctuationSpans split text at sentence punctuation and line breaks:
// the sentences of a text the tokens stage did not read.
func punctuationSpans(text string) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(text); i++ {
		if c := text[i]; c == '.' || c == '!' || c == '?' || c == '\n' {
			out = append(out, [2]int{start, i})
			start = i + 1
		}
	}
	return append(out, [2]int{start, len(text)})
}

// spanAt is the span of spans (sorted, not overlapping) holding byte
// offset pos.
func spanAt(spans [][2]int, pos int) ([2]int, bool) {
	if i := sort.Search(len(spans), func(i int) bool { return spans[i][1] > pos }); i < len(spans) && spans[i][0] <= pos {
		return spans[i], true
	}
	return [2]int{}, false
}

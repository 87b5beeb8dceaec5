package extract

import (
	"context"

	"github.com/readout/readout/pipeline"
)

// Tables is the "tables" stage: it parses pipe tables in Doc.Text into
// Doc.Tables. It reads only the text, so it may run before or after
// paragraphs.
type Tables struct{}

// NewTables builds the tables stage. It takes no options.
func NewTables(opts pipeline.Options) (pipeline.Stage, error) {
	var cfg struct{}
	if err := opts.Decode("tables", &cfg); err != nil {
		return nil, err
	}
	return &Tables{}, nil
}

// Name returns "tables".
func (t *Tables) Name() string { return "tables" }

// Process replaces d.Tables with the pipe tables of d.Text. The first row
// that is not a separator row is the header, whether or not a separator
// row follows it.
func (t *Tables) Process(ctx context.Context, d *pipeline.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	text := d.Text
	lines := scanLines(text)
	d.Tables = nil
	for _, pt := range findPipeTables(text, lines) {
		tab := pipeline.Table{Start: lines[pt.first].lo, End: lines[pt.last-1].hi}
		header := false
		for _, l := range lines[pt.first:pt.last] {
			if isSeparatorRow(text[l.lo:l.hi]) {
				continue
			}
			cells := splitCells(text, l.lo, l.hi)
			if !header {
				tab.Header = cells
				header = true
				continue
			}
			tab.Rows = append(tab.Rows, cells)
		}
		if header {
			d.Tables = append(d.Tables, tab)
		}
	}
	return nil
}

// pipeTable is a run of table lines, lines[first:last].
type pipeTable struct{ first, last int }

// findPipeTables finds runs of consecutive pipe-table lines. A line belongs
// to a table if it is a separator row, starts with '|', has two or more
// unescaped pipes, or has one pipe and either continues a table or sits
// right above a separator row (a table written without outer pipes).
func findPipeTables(text string, lines []textLine) []pipeTable {
	var tables []pipeTable
	isRow := func(i int, open bool) bool {
		l := lines[i]
		if l.blank() {
			return false
		}
		s := text[l.lo:l.hi]
		n := countPipes(s)
		switch {
		case n == 0:
			return false
		case s[0] == '|' || n >= 2 || open:
			return true
		}
		return i+1 < len(lines) && isSeparatorRow(text[lines[i+1].lo:lines[i+1].hi])
	}
	for i := 0; i < len(lines); {
		if !isRow(i, false) {
			i++
			continue
		}
		j := i + 1
		for j < len(lines) && isRow(j, true) {
			j++
		}
		tables = append(tables, pipeTable{first: i, last: j})
		i = j
	}
	return tables
}

// countPipes counts the pipes in s that are not escaped by a backslash.
func countPipes(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '|':
			n++
		}
	}
	return n
}

// isSeparatorRow reports whether s is a header separator row such as
// "|---|:---:|": at least one pipe, and every cell dashes with optional
// alignment colons.
func isSeparatorRow(s string) bool {
	if countPipes(s) == 0 {
		return false
	}
	for _, c := range splitCells(s, 0, len(s)) {
		v := c.Text
		if len(v) > 0 && v[0] == ':' {
			v = v[1:]
		}
		if len(v) > 0 && v[len(v)-1] == ':' {
			v = v[:len(v)-1]
		}
		if v == "" {
			return false
		}
		for i := 0; i < len(v); i++ {
			if v[i] != '-' {
				return false
			}
		}
	}
	return true
}

// rowBounds returns text[lo:hi] without its outer pipes.
func rowBounds(text string, lo, hi int) (int, int) {
	if lo < hi && text[lo] == '|' {
		lo++
	}
	if hi > lo && text[hi-1] == '|' && !escapedAt(text, lo, hi-1) {
		hi--
	}
	return lo, hi
}

// rowBody is the span of a table row paragraph: the row without its outer
// pipes, trimmed, or the whole row if every cell is empty.
func rowBody(text string, lo, hi int) (int, int) {
	for _, c := range splitCells(text, lo, hi) {
		if c.Start < c.End {
			blo, bhi := rowBounds(text, lo, hi)
			return trimSpaces(text, blo, bhi)
		}
	}
	return lo, hi
}

// escapedAt reports whether the byte at i is escaped by a backslash,
// scanning from lo so that "\\|" is an escaped backslash and a bare pipe.
func escapedAt(text string, lo, i int) bool {
	for j := lo; j < i; j++ {
		if text[j] == '\\' {
			if j+1 == i {
				return true
			}
			j++
		}
	}
	return false
}

// splitCells splits the row text[lo:hi] on unescaped pipes into trimmed
// cells. An empty cell is an empty span just before its closing pipe.
func splitCells(text string, lo, hi int) []pipeline.Span {
	lo, hi = rowBounds(text, lo, hi)
	var cells []pipeline.Span
	cell := func(start, end int) {
		a, b := trimSpaces(text, start, end)
		cells = append(cells, pipeline.Span{Start: a, End: b, Text: text[a:b]})
	}
	start := lo
	for i := lo; i < hi; i++ {
		switch text[i] {
		case '\\':
			i++
		case '|':
			cell(start, i)
			start = i + 1
		}
	}
	cell(start, hi)
	return cells
}

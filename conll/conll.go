// Package conll reads token-per-line entity corpora (CoNLL-2003, OntoNotes
// in CoNLL form, GMB, WikiANN) and turns their tags into entity spans.
//
// A line holds a token, optional middle columns (the second is taken as the
// POS tag) and the entity tag last, separated by spaces or tabs. Blank lines
// end sentences; "-DOCSTART-" and "# document" lines start documents; other
// "#" lines are comments. WikiANN's "en:" token prefix is removed.
package conll

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// Sentence is one sentence of a corpus.
type Sentence struct {
	Words []string
	POS   []string // empty strings where the corpus has no POS column
	Tags  []string // entity tags as in the corpus: "B-PER", "I-LOC", "O"
	Doc   int      // index of the document the sentence belongs to
	Name  string   // the document's name where the corpus gives one ("nw/wsj/00/wsj_0001 part 000")
}

// ReadFile reads a corpus file.
func ReadFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// Read reads a corpus.
func Read(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	doc, name := 0, ""
	flush := func() {
		if len(cur.Words) > 0 {
			cur.Doc, cur.Name = doc, name
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	for line := 1; sc.Scan(); line++ {
		l := strings.TrimRight(sc.Text(), "\r")
		switch {
		case strings.TrimSpace(l) == "":
			flush()
			continue
		case strings.HasPrefix(l, "-DOCSTART-") || strings.HasPrefix(l, "# document"):
			flush()
			if len(out) > 0 {
				doc = out[len(out)-1].Doc + 1
			}
			name = strings.TrimSpace(strings.TrimPrefix(l, "# document"))
			if strings.HasPrefix(l, "-DOCSTART-") {
				name = ""
			}
			continue
		case strings.HasPrefix(l, "# "):
			flush()
			continue
		}
		f := strings.Fields(l)
		if len(f) < 2 {
			return nil, fmt.Errorf("line %d: want a token and a tag, got %q", line, l)
		}
		word := strings.TrimPrefix(f[0], "en:")
		pos := ""
		if len(f) >= 3 {
			pos = f[1]
		}
		cur.Words = append(cur.Words, word)
		cur.POS = append(cur.POS, pos)
		cur.Tags = append(cur.Tags, f[len(f)-1])
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flush()
	return out, nil
}

// Span is an entity over tokens [Start, End).
type Span struct {
	Start, End int
	Label      string
}

// Spans returns the entities of a tag sequence the way conlleval reads
// them: an entity starts at B-X, at I-X after another type or after O
// (IOB1 and IOB2 alike), and at S-X / U-X; E-X and L-X end one.
func Spans(tags []string) []Span {
	var out []Span
	open := -1
	label := ""
	closeAt := func(i int) {
		if open >= 0 {
			out = append(out, Span{open, i, label})
		}
		open, label = -1, ""
	}
	for i, t := range tags {
		prefix, typ := split(t)
		switch {
		case prefix == "O":
			closeAt(i)
		case prefix == "B" || prefix == "S" || prefix == "U" || typ != label:
			closeAt(i)
			open, label = i, typ
		}
		if prefix == "S" || prefix == "U" || prefix == "E" || prefix == "L" {
			closeAt(i + 1)
		}
	}
	closeAt(len(tags))
	return out
}

// split returns a tag's prefix and type: "B-PER" is ("B", "PER"), "O" is
// ("O", ""), a bare "PER" is ("I", "PER").
func split(tag string) (string, string) {
	if tag == "O" || tag == "" {
		return "O", ""
	}
	if len(tag) > 2 && tag[1] == '-' {
		return tag[:1], tag[2:]
	}
	return "I", tag
}

// Tags writes spans back as IOB2 tags over n tokens.
func Tags(spans []Span, n int) []string {
	tags := make([]string, n)
	for i := range tags {
		tags[i] = "O"
	}
	for _, s := range spans {
		for i := s.Start; i < s.End && i < n; i++ {
			if i == s.Start {
				tags[i] = "B-" + s.Label
			} else {
				tags[i] = "I-" + s.Label
			}
		}
	}
	return tags
}

// MapSpans renames span labels through m (corpus label to ours); labels
// that m maps to "" or does not hold are dropped.
func MapSpans(spans []Span, m map[string]string) []Span {
	out := spans[:0:0]
	for _, s := range spans {
		if l := m[s.Label]; l != "" {
			s.Label = l
			out = append(out, s)
		}
	}
	return out
}

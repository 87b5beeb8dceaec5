package ner

import (
	"bufio"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/readout/readout/conll"
)

// ReadCorpus reads a corpus file with conll.ReadFile and turns it into
// documents with DocsFromCoNLL, tagged by tag. With genres set, only documents whose
// "# document GENRE/..." line (OntoNotes) names one of them are kept
// (documents without such a line are always kept). A
// corpus without document boundaries (GMB) is cut into pseudo-documents of
// 20 sentences, so document-level features see a news-story-sized context.
func ReadCorpus(path string, labelMap map[string]string, genres []string, tag TagFunc) ([]Doc, error) {
	sents, err := conll.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(genres) > 0 {
		g, err := sentenceGenres(path)
		if err != nil {
			return nil, err
		}
		kept := sents[:0]
		for i, s := range sents {
			if i < len(g) && (g[i] == "" || slices.Contains(genres, g[i])) {
				kept = append(kept, s)
			}
		}
		sents = kept
	}
	if len(sents) > 200 && sents[0].Doc == sents[len(sents)-1].Doc {
		for i := range sents {
			sents[i].Doc = i / 20
		}
	}
	return DocsFromCoNLL(sents, labelMap, tag), nil
}

// sentenceGenres returns the genre of each sentence conll.Read would
// return from path, read from "# document genre/source/..." lines.
func sentenceGenres(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	genre, n := "", 0
	flush := func() {
		if n > 0 {
			out = append(out, genre)
		}
		n = 0
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	for sc.Scan() {
		l := strings.TrimRight(sc.Text(), "\r")
		switch {
		case strings.TrimSpace(l) == "":
			flush()
		case strings.HasPrefix(l, "# document"):
			flush()
			genre = ""
			if f := strings.Fields(l); len(f) >= 3 {
				genre, _, _ = strings.Cut(f[2], "/")
			}
		case strings.HasPrefix(l, "-DOCSTART-") || strings.HasPrefix(l, "# "):
			flush()
		default:
			n++
		}
	}
	flush()
	return out, sc.Err()
}

// StripDeterminers drops a leading "the"/"The" from every span longer than
// one token (OntoNotes writes "the Supreme Court"; readout never includes
// the article, and eval.NEROptions.StripDeterminers scores the same way).
func StripDeterminers(docs []Doc) []Doc {
	for _, d := range docs {
		for si, ss := range d.Spans {
			for k, sp := range ss {
				if sp.End-sp.Start > 1 && strings.EqualFold(d.Sents[si][sp.Start], "the") {
					ss[k].Start++
				}
			}
		}
	}
	return docs
}

// WithIgnored is a label map for training that keeps the types in ignore
// as spans of their own, which the trainer skips (TrainOptions.Ignore);
// mapped to nothing they would be taught as outside.
func WithIgnored(lm map[string]string, ignore []string) map[string]string {
	out := maps.Clone(lm)
	for _, l := range ignore {
		out[l] = l
	}
	return out
}

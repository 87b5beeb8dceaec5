package topicmodel

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ReadDir reads a corpus laid out as one sub-folder per label holding .txt
// files (BBC News): folders and files in name order. Files that are not
// UTF-8 are read as Latin-1.
func ReadDir(dir string) ([]Example, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []Example
	for _, e := range ents {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		files, err := filepath.Glob(filepath.Join(dir, e.Name(), "*.txt"))
		if err != nil {
			return nil, err
		}
		sort.Strings(files)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			text := string(b)
			if !utf8.Valid(b) {
				text = latin1(b)
			}
			out = append(out, Example{Text: text, Labels: []string{e.Name()}})
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("topicmodel: no <label>/*.txt files in %s", dir)
	}
	return out, nil
}

func latin1(b []byte) string {
	var s strings.Builder
	s.Grow(len(b))
	for _, c := range b {
		s.WriteRune(rune(c))
	}
	return s.String()
}

// Reuters-21578 splits.
const (
	ReutersTrain = "train"
	ReutersTest  = "test"
)

var (
	reutersDoc   = regexp.MustCompile(`(?s)<REUTERS([^>]*)>(.*?)</REUTERS>`)
	reutersAttr  = regexp.MustCompile(`(\w+)="([^"]*)"`)
	reutersD     = regexp.MustCompile(`<D>(.*?)</D>`)
	reutersTag   = regexp.MustCompile(`<[^>]*>`)
	reutersChars = regexp.MustCompile(`&#(\d+);|&(lt|gt|amp|quot|apos);`)
)

func reutersElem(body, name string) (string, bool) {
	i := strings.Index(body, "<"+name+">")
	if i < 0 {
		// <TEXT TYPE="BRIEF"> and the like
		i = strings.Index(body, "<"+name+" ")
		if i < 0 {
			return "", false
		}
	}
	rest := body[i:]
	gt := strings.IndexByte(rest, '>')
	end := strings.Index(rest, "</"+name+">")
	if gt < 0 || end < gt {
		return "", false
	}
	return rest[gt+1 : end], true
}

// reutersText decodes character references and drops control characters
// (the wire codes &#2; &#3; &#5;...).
func reutersText(s string) string {
	s = reutersChars.ReplaceAllStringFunc(s, func(m string) string {
		switch m {
		case "&lt;":
			return "<"
		case "&gt;":
			return ">"
		case "&amp;":
			return "&"
		case "&quot;":
			return `"`
		case "&apos;":
			return "'"
		}
		n, err := strconv.Atoi(m[2 : len(m)-1])
		if err != nil || n > utf8.MaxRune {
			return " "
		}
		return string(rune(n))
	})
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}

// ParseReuters reads the documents of one Reuters-21578 SGML file (bytes
// as Latin-1) in the ModApte split: "train" is LEWISSPLIT="TRAIN" and
// "test" LEWISSPLIT="TEST", both with TOPICS="YES" and at least one topic.
// The text is the TITLE, a blank line and the BODY (for the documents
// without them, the TEXT with its tags removed); labels are the TOPICS.
func ParseReuters(data []byte, split string) ([]Example, error) {
	var want string
	switch split {
	case ReutersTrain:
		want = "TRAIN"
	case ReutersTest:
		want = "TEST"
	default:
		return nil, fmt.Errorf("topicmodel: unknown Reuters split %q (train, test)", split)
	}
	s := string(data)
	if !utf8.Valid(data) {
		s = latin1(data)
	}
	var out []Example
	for _, m := range reutersDoc.FindAllStringSubmatch(s, -1) {
		attrs := map[string]string{}
		for _, a := range reutersAttr.FindAllStringSubmatch(m[1], -1) {
			attrs[a[1]] = a[2]
		}
		if attrs["LEWISSPLIT"] != want || attrs["TOPICS"] != "YES" {
			continue
		}
		body := m[2]
		topics, _ := reutersElem(body, "TOPICS")
		var labels []string
		for _, d := range reutersD.FindAllStringSubmatch(topics, -1) {
			if l := strings.TrimSpace(d[1]); l != "" && !contains(labels, l) {
				labels = append(labels, l)
			}
		}
		if len(labels) == 0 {
			continue
		}
		text, _ := reutersElem(body, "TEXT")
		title, hasTitle := reutersElem(text, "TITLE")
		main, hasBody := reutersElem(text, "BODY")
		var t string
		if hasTitle || hasBody {
			t = strings.TrimSpace(title) + "\n\n" + strings.TrimSpace(main)
		} else {
			t = reutersTag.ReplaceAllString(text, " ")
		}
		out = append(out, Example{Text: strings.TrimSpace(reutersText(t)), Labels: labels})
	}
	return out, nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// ReadReuters reads the ModApte split ("train" or "test") of the
// Reuters-21578 files reut2-*.sgm in dir, in file order.
func ReadReuters(dir, split string) ([]Example, error) {
	files, err := filepath.Glob(filepath.Join(dir, "reut2-*.sgm"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("topicmodel: no reut2-*.sgm files in %s", dir)
	}
	sort.Strings(files)
	var out []Example
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		ex, err := ParseReuters(b, split)
		if err != nil {
			return nil, err
		}
		out = append(out, ex...)
	}
	return out, nil
}

package ner

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// ReadClustersFile reads word clusters written by the cluster builder (see
// MODEL.md): a "#bits\tN" line, then "word\tpath" lines, path being the
// cluster's bit string as a number. prefixes are the path lengths whose
// prefixes become features.
func ReadClustersFile(path string, prefixes []int) (*Clusters, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	c := &Clusters{Prefixes: prefixes}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		w, v, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, line, err)
		}
		if w == "#bits" {
			c.Bits = n
			continue
		}
		c.Words = append(c.Words, w)
		c.Paths = append(c.Paths, uint32(n))
	}
	return c, sc.Err()
}

// ParsePrefixes reads a comma-separated list of prefix lengths.
func ParsePrefixes(s string) ([]int, error) {
	var out []int
	for _, p := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("bad prefix length %q", p)
		}
		out = append(out, n)
	}
	return out, nil
}

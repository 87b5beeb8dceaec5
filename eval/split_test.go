package eval

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// The committed split must be the one the rule gives, so that a reader of
// testdata/splits can see which files are check without running code.
func TestSplitCommitted(t *testing.T) {
	for _, list := range []string{"../testdata/splits/articles.tsv", "../testdata/splits/issues.tsv"} {
		f, err := os.Open(list)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := sc.Text()
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			part, name, ok := strings.Cut(line, "\t")
			if !ok {
				t.Fatalf("%s: bad line %q", list, line)
			}
			if got := SplitOf(name); got != part {
				t.Errorf("%s: %s is %s by the rule, %s in the list", list, name, got, part)
			}
			n++
		}
		f.Close()
		if n == 0 {
			t.Errorf("%s lists no files", list)
		}
	}
}

func TestSplitOf(t *testing.T) {
	// The rule reads the base name only.
	if SplitOf("a/b/x.txt") != SplitOf("x.txt") {
		t.Error("split depends on the directory")
	}
	parts := map[string]int{}
	for i := range 3000 {
		parts[SplitOf(strings.Repeat("n", i%7)+string(rune('a'+i%26))+strings.Repeat("x", i/26)+".txt")]++
	}
	if c := float64(parts[Check]) / 3000; c < 0.28 || c > 0.39 {
		t.Errorf("check share %.2f, want about a third", c)
	}
}

// Command benchbatch is scripts/bench-batch's helper: it generates a
// news-like JSON Lines corpus, times prose v3's NewDocument on it, and
// checks how the pipeline's time per word scales with document length.
//
//	go run ./scripts/benchbatch gen -docs 2000 > corpus.jsonl
//	go run ./scripts/benchbatch gen -bytes 1000000000 | readout annotate --input jsonl -
//	go run ./scripts/benchbatch prose < corpus.jsonl
//	go run ./scripts/benchbatch scale -factor 100
//	go run ./scripts/benchbatch hostile
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/jdkato/prose/v3"

	"github.com/readout/readout"
	"github.com/readout/readout/pipeline"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: benchbatch gen|prose|scale|hostile [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "gen":
		err = gen(os.Args[2:])
	case "prose":
		err = proseRate(os.Stdin)
	case "scale":
		err = scale(os.Args[2:])
	case "hostile":
		err = hostile(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchbatch:", err)
		os.Exit(1)
	}
}

// The names the source articles use are swapped for others, so that the
// corpus does not repeat the same few people.
var (
	given   = []string{"Maria", "Ahmed", "Olga", "Jean", "Li", "Fatima", "Carlos", "Anna", "Yusuf", "Hiroshi", "Amina", "Pavel", "Sofia", "Omar", "Ingrid", "Rahul"}
	surname = []string{"Petrova", "Hassan", "Dubois", "Wei", "Haddad", "Santos", "Kowalski", "Demir", "Tanaka", "Okafor", "Ivanov", "Rossi", "Nasser", "Larsen", "Mehta", "Moreau"}
	nameRE  = regexp.MustCompile(`\b(?:Sergey|Abdel|Badr|Georgy|Alexander|Mikhail|Mike|Donald|Vladimir|Emmanuel|Angela|Recep|Xi|Joe)(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2}`)
	sentRE  = regexp.MustCompile(`[^.!?\n]+[.!?]+["”’]?`)
)

// sentences is every sentence of the reference article and, when they are
// beside the checkout, the development articles.
func sentences() ([]string, error) {
	root := "."
	paths := []string{filepath.Join(root, "testdata/egypt-russia-cairo.txt")}
	more, _ := filepath.Glob(filepath.Join(root, "../shared/data/articles/*.txt"))
	paths = append(paths, more...)
	var out []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		for _, s := range sentRE.FindAllString(string(b), -1) {
			if s = strings.TrimSpace(s); len(strings.Fields(s)) >= 5 {
				out = append(out, s)
			}
		}
	}
	return out, nil
}

func gen(args []string) error {
	fs := flag.NewFlagSet("gen", flag.ExitOnError)
	docs := fs.Int("docs", 1000, "documents to write (ignored with -bytes)")
	bytes := fs.Int64("bytes", 0, "write documents until this many bytes")
	words := fs.Int("words", 600, "mean words per document")
	seed := fs.Uint64("seed", 1, "random seed")
	fs.Parse(args)
	pool, err := sentences()
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(*seed, 7))
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer w.Flush()
	var written int64
	enc := json.NewEncoder(&countWriter{w: w, n: &written})
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; ; i++ {
		if *bytes > 0 && written >= *bytes || *bytes == 0 && i >= *docs {
			return nil
		}
		var b strings.Builder
		target := *words/2 + rng.IntN(*words+1)
		for n, inPara := 0, 0; n < target; {
			s := pool[rng.IntN(len(pool))]
			s = nameRE.ReplaceAllStringFunc(s, func(string) string {
				return given[rng.IntN(len(given))] + " " + surname[rng.IntN(len(surname))]
			})
			if inPara > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s)
			n += len(strings.Fields(s))
			if inPara++; inPara >= 2+rng.IntN(4) {
				b.WriteString("\n\n")
				inPara = 0
			}
		}
		rec := map[string]string{
			"id":    fmt.Sprintf("gen-%d-%08d", *seed, i),
			"title": fmt.Sprintf("Report %d", i),
			"date":  start.AddDate(0, 0, rng.IntN(365)).Format("2006-01-02"),
			"text":  strings.TrimSpace(b.String()),
		}
		if err := enc.Encode(rec); err != nil {
			return err
		}
	}
}

type countWriter struct {
	w io.Writer
	n *int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	*c.n += int64(n)
	return n, err
}

// readTexts reads the text fields of JSON Lines.
func readTexts(r io.Reader) ([]string, int, error) {
	var texts []string
	words := 0
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var rec struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, 0, err
		}
		texts = append(texts, rec.Text)
		words += len(strings.Fields(rec.Text))
	}
	return texts, words, sc.Err()
}

// proseRate prints prose.NewDocument's words/s on one core.
func proseRate(r io.Reader) error {
	runtime.GOMAXPROCS(1)
	texts, words, err := readTexts(r)
	if err != nil {
		return err
	}
	start := time.Now()
	for _, t := range texts {
		if _, err := prose.NewDocument(t); err != nil {
			return err
		}
	}
	el := time.Since(start)
	fmt.Printf("prose NewDocument: %d docs, %d words, %s, %.0f words/s\n", len(texts), words, el.Round(time.Millisecond), float64(words)/el.Seconds())
	return nil
}

// scale times the default pipeline, on one core, on documents one by one
// and on one document made of factor of them, and prints the ratio of the
// times per word.
func scale(args []string) error {
	fs := flag.NewFlagSet("scale", flag.ExitOnError)
	factor := fs.Int("factor", 100, "documents joined into the longest one")
	rounds := fs.Int("rounds", 3, "best of this many rounds")
	profile := fs.String("cpuprofile", "", "write a CPU profile of the long document's runs to this file")
	fs.Parse(args)
	runtime.GOMAXPROCS(1)
	texts, words, err := readTexts(os.Stdin)
	if err != nil {
		return err
	}
	if len(texts) < *factor {
		return fmt.Errorf("need %d documents, got %d", *factor, len(texts))
	}
	texts = texts[:*factor]
	words = 0
	for _, t := range texts {
		words += len(strings.Fields(t))
	}
	p, err := defaultPipeline()
	if err != nil {
		return err
	}
	// The same texts as documents of 1, 10, ... of them joined: the cost
	// per word should not grow with a document's length.
	run := func(docs []string) (time.Duration, uint64) {
		best := time.Duration(1<<63 - 1)
		var peak uint64
		for range *rounds {
			runtime.GC()
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			for _, t := range docs {
				d := pipeline.NewDoc("x", t)
				if err := p.Process(context.Background(), d); err != nil {
					panic(err)
				}
				d.Output(pipeline.OutputOptions{})
			}
			best = min(best, time.Since(start))
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			peak = max(peak, after.TotalAlloc-before.TotalAlloc)
		}
		return best, peak
	}
	var base float64
	for f := 1; f <= *factor; f *= 10 {
		var docs []string
		for i := 0; i+f <= len(texts); i += f {
			docs = append(docs, strings.Join(texts[i:i+f], "\n\n"))
		}
		if f == *factor && *profile != "" {
			pf, err := os.Create(*profile)
			if err != nil {
				return err
			}
			if err := pprof.StartCPUProfile(pf); err != nil {
				return err
			}
			defer pf.Close()
			defer pprof.StopCPUProfile()
		}
		took, alloc := run(docs)
		per := float64(took.Nanoseconds()) / float64(words)
		if f == 1 {
			base = per
		}
		fmt.Printf("scaling: %3d docs of %3dx: %s, %.0f ns/word, ratio to 1x %.3f (limit 1.2); %.1f MB allocated per MB of text\n",
			len(docs), f, took.Round(time.Millisecond), per, per/base, float64(alloc)/float64(len(strings.Join(docs, ""))))
	}
	return nil
}

// hostilePatterns are texts made to hold many of what a rule compares
// with all the others (people, bodies, headings, acronyms), where a rule
// that reads every earlier name once per name turns quadratic. Each
// returns one paragraph or line; i numbers them so that names differ.
var hostilePatterns = []struct {
	name string
	text func(i int) string
}{
	{"people after quotations", func(i int) string {
		return fmt.Sprintf("\"We will not back down,\" %s %s said on Monday.\n\n", madeUp(2*i), madeUp(2*i+1))
	}},
	{"title-case headings", func(i int) string {
		return fmt.Sprintf("%s %s %s\n\n%s said so.\n\n", madeUp(4*i), madeUp(4*i+1), madeUp(4*i+2), madeUp(4*i+3))
	}},
	{"all capitals", func(i int) string {
		return strings.ToUpper(fmt.Sprintf("%s %s met %s in %s on Monday and said %s would visit. ", madeUp(5*i), madeUp(5*i+1), madeUp(5*i+2), madeUp(5*i+3), madeUp(5*i+4)))
	}},
	{"bodies and acronyms", func(i int) string {
		b := madeUp(3 * i)
		return fmt.Sprintf("The %s Trade Board (%sTB) and %s %s Group met.\n\n", b, b[:1], madeUp(3*i+1), madeUp(3*i+2))
	}},
	{"one paragraph of names", func(i int) string {
		return fmt.Sprintf("Mr %s met %s %s of %s in %s. ", madeUp(5*i), madeUp(5*i+1), madeUp(5*i+2), madeUp(5*i+3), madeUp(5*i+4))
	}},
	{"a list of officials", func(i int) string {
		return fmt.Sprintf("- %s %s, Minister of %s\n", madeUp(3*i), madeUp(3*i+1), madeUp(3*i+2))
	}},
}

// madeUp is a capitalised made-up word, a different one for each i.
func madeUp(i int) string {
	syllables := []string{"ka", "lo", "mi", "ra", "te", "su", "no", "vi", "de", "ba", "ro", "li"}
	w := ""
	for ; len(w) < 6 || i > 0; i /= len(syllables) {
		w += syllables[i%len(syllables)]
	}
	return strings.ToUpper(w[:1]) + w[1:]
}

// hostile times the default pipeline on one core on each hostile pattern
// at size and at 4 times size, and prints the ratio of the times per
// byte (1 when the cost is linear; limit 1.2, as for scale).
func hostile(args []string) error {
	fs := flag.NewFlagSet("hostile", flag.ExitOnError)
	size := fs.Int("bytes", 128<<10, "the smaller document's size; the larger is 4 times it (512 KiB, a part, by default)")
	rounds := fs.Int("rounds", 3, "best of this many rounds")
	fs.Parse(args)
	runtime.GOMAXPROCS(1)
	p, err := defaultPipeline()
	if err != nil {
		return err
	}
	best := func(text string) time.Duration {
		t := time.Duration(1<<63 - 1)
		for range *rounds {
			start := time.Now()
			d := pipeline.NewDoc("x", text)
			if err := p.Process(context.Background(), d); err != nil {
				panic(err)
			}
			t = min(t, time.Since(start))
		}
		return t
	}
	for _, pat := range hostilePatterns {
		var b strings.Builder
		for i := 0; b.Len() < 4**size; i++ {
			b.WriteString(pat.text(i))
		}
		large := b.String()
		small := large[:*size]
		ts, tl := best(small), best(large)
		ratio := (float64(tl) / float64(len(large))) / (float64(ts) / float64(len(small)))
		fmt.Printf("hostile: %-24s %4d KB %6s, %4d KB %6s: time per byte at 4x %.2f (limit 1.2)\n",
			pat.name, len(small)>>10, ts.Round(time.Millisecond), len(large)>>10, tl.Round(time.Millisecond), ratio)
	}
	return nil
}

// defaultPipeline is the pipeline of the embedded default configuration.
func defaultPipeline() (*pipeline.Pipeline, error) {
	cfg, err := readout.LoadConfig("")
	if err != nil {
		return nil, err
	}
	return cfg.NewPipeline()
}

package topicmodel

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// synthetic returns a small corpus of three well separated topics, built
// deterministically from word lists.
func synthetic(n int) []Example {
	topics := map[string][]string{
		"sport":   {"football", "match", "goal", "league", "striker", "coach", "championship", "penalty"},
		"tech":    {"software", "computer", "internet", "broadband", "processor", "mobile phones", "chips", "website"},
		"economy": {"inflation", "interest rates", "shares", "profits", "bank", "economy", "exports", "investors"},
	}
	filler := []string{"the", "people", "week", "new", "year", "time", "report", "today", "city", "plan"}
	var out []Example
	for i := 0; i < n; i++ {
		for _, label := range []string{"economy", "sport", "tech"} {
			ws := topics[label]
			var b strings.Builder
			for j := 0; j < 12; j++ {
				fmt.Fprintf(&b, "%s %s ", ws[(i*3+j*5)%len(ws)], filler[(i+j*7)%len(filler)])
			}
			out = append(out, Example{Text: b.String(), Labels: []string{label}})
		}
	}
	return out
}

func TestAnalyzer(t *testing.T) {
	a := newAnalyzer(BigramsContent)
	got := a.features("The Bank's interest rates rose; a 2% rise in rates.")
	want := []string{"bank", "interest", "bank interest", "rate", "interest rate", "rose", "rate rose", "rise", "rose rise", "rate", "rise rate"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("features = %q, want %q", got, want)
	}
	a = newAnalyzer(BigramsAll)
	got = a.features("rates of the bank")
	want = []string{"rate", "rate of", "bank", "the bank"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("all bigrams = %q, want %q", got, want)
	}
	if got := newAnalyzer(BigramsNone).features("Café au lait, ÉCOLES"); !reflect.DeepEqual(got, []string{"café", "au", "lait", "écoles"}) {
		t.Errorf("non-ASCII = %q", got)
	}
}

func TestTrainSynthetic(t *testing.T) {
	ex := synthetic(20)
	for _, alg := range []string{NaiveBayes, LogReg} {
		t.Run(alg, func(t *testing.T) {
			m, err := Train(ex, Options{Algorithm: alg, Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			if got := m.Labels(); !reflect.DeepEqual(got, []string{"economy", "sport", "tech"}) {
				t.Fatalf("labels %v", got)
			}
			if mt := Evaluate(m, ex); mt.Accuracy != 1 || mt.MacroF1 != 1 {
				t.Errorf("training accuracy %v macro-F1 %v, want 1:\n%s", mt.Accuracy, mt.MacroF1, mt.Table())
			}
			for text, want := range map[string]string{
				"The striker scored a late penalty to win the league match.":  "sport",
				"Investors sold shares as inflation and interest rates rose.": "economy",
				"A new processor makes mobile phones browse the internet.":    "tech",
			} {
				p := m.Predict(text)
				if len(p) != 3 || p[0].Label != want || p[0].Prob < 0.5 {
					t.Errorf("Predict(%q) = %v, want %s first", text, p, want)
				}
				sum := 0.0
				for _, s := range p {
					sum += s.Prob
				}
				if math.Abs(sum-1) > 1e-9 {
					t.Errorf("probabilities sum to %v", sum)
				}
				if got := m.Classify(text); !reflect.DeepEqual(got, []string{want}) {
					t.Errorf("Classify = %v", got)
				}
			}
			fs := m.Explain("The striker scored a penalty in the football match.", "sport", 3)
			if len(fs) == 0 || len(fs) > 3 {
				t.Fatalf("Explain = %v", fs)
			}
			for i, f := range fs {
				if f.Weight <= 0 || (i > 0 && f.Weight > fs[i-1].Weight) {
					t.Errorf("Explain not positive and decreasing: %v", fs)
				}
				if !strings.Contains("striker penalti footbal match striker penalti penalti footbal footbal match", f.Name) {
					t.Errorf("Explain feature %q is not sport's", f.Name)
				}
			}
			if m.Explain("x", "nope", 3) != nil {
				t.Error("Explain of unknown label")
			}
		})
	}
}

func TestTrainErrors(t *testing.T) {
	if _, err := Train(nil, Options{}); err == nil {
		t.Error("no examples: no error")
	}
	if _, err := Train(synthetic(2), Options{Algorithm: "svm"}); err == nil {
		t.Error("unknown algorithm: no error")
	}
	if _, err := Train([]Example{{Text: "a b"}}, Options{}); err == nil {
		t.Error("no label: no error")
	}
	if _, err := Train([]Example{{Text: "only one", Labels: []string{"x"}}, {Text: "only one", Labels: []string{"x"}}}, Options{}); err == nil {
		t.Error("one label: no error")
	}
}

func TestMultiLabel(t *testing.T) {
	ex := synthetic(20)
	// Documents about both economy and tech.
	for i := 0; i < 20; i++ {
		ex = append(ex, Example{Text: ex[3*i].Text + " " + ex[3*i+2].Text, Labels: []string{"economy", "tech"}})
	}
	for _, alg := range []string{NaiveBayes, LogReg} {
		t.Run(alg, func(t *testing.T) {
			m, err := Train(ex, Options{Algorithm: alg, MultiLabel: true, Seed: 3})
			if err != nil {
				t.Fatal(err)
			}
			mt := Evaluate(m, ex)
			if mt.MicroF1 != 1 || mt.MacroF1 != 1 || mt.Accuracy != 1 || mt.Confusion != nil {
				t.Errorf("training micro %v macro %v exact %v:\n%s", mt.MicroF1, mt.MacroF1, mt.Accuracy, mt.Table())
			}
			got := m.Classify("Chips and broadband lift profits; investors buy shares of the software maker.")
			if !reflect.DeepEqual(got, []string{"economy", "tech"}) {
				t.Errorf("Classify = %v, want economy and tech (%v)", got, m.Predict("Chips and broadband lift profits; investors buy shares of the software maker."))
			}
		})
	}
}

func TestWriteRead(t *testing.T) {
	for _, o := range []Options{{Algorithm: NaiveBayes}, {Algorithm: LogReg}, {Algorithm: LogReg, MultiLabel: true, Bigrams: BigramsAll}} {
		m, err := Train(synthetic(10), o)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := m.Write(&b); err != nil {
			t.Fatal(err)
		}
		m2, err := Read(bytes.NewReader(b.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(m, m2) {
			t.Errorf("%+v: model changed in a round trip", o)
		}
		text := "goal in the football match as shares fall"
		if !reflect.DeepEqual(m.Predict(text), m2.Predict(text)) {
			t.Errorf("%+v: predictions changed in a round trip", o)
		}
		var b2 bytes.Buffer
		_ = m2.Write(&b2)
		if !bytes.Equal(b.Bytes(), b2.Bytes()) {
			t.Errorf("%+v: written file changed in a round trip", o)
		}
		// Damaged files are errors.
		data := b.Bytes()
		for _, bad := range [][]byte{nil, []byte("hello\n"), []byte("readout-topicmodel 99\n"), data[:len(data)/2]} {
			if _, err := Read(bytes.NewReader(bad)); err == nil {
				t.Errorf("Read(%.20q...) did not fail", bad)
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	ex := synthetic(15)
	write := func(o Options) []byte {
		m, err := Train(ex, o)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		_ = m.Write(&b)
		return b.Bytes()
	}
	for _, alg := range []string{NaiveBayes, LogReg} {
		o := Options{Algorithm: alg, Seed: 42}
		if !bytes.Equal(write(o), write(o)) {
			t.Errorf("%s: two trainings with one seed differ", alg)
		}
	}
	a := CrossValidate(ex, Options{Seed: 7}, 3, 9)
	b := CrossValidate(ex, Options{Seed: 7}, 3, 9)
	if !reflect.DeepEqual(a, b) {
		t.Error("CrossValidate is not deterministic")
	}
}

func TestConcurrentPredict(t *testing.T) {
	m, err := Train(synthetic(10), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := m.Predict("league match penalty")
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				if got := m.Predict("league match penalty"); !reflect.DeepEqual(got, want) {
					t.Error("concurrent Predict differs")
					return
				}
				m.Explain("league match penalty", "sport", 2)
			}
		}()
	}
	wg.Wait()
}

func TestCrossValidateSynthetic(t *testing.T) {
	ex := synthetic(10)
	for _, alg := range []string{NaiveBayes, LogReg} {
		mt := CrossValidate(ex, Options{Algorithm: alg, Seed: 1}, 5, 1)
		if mt.Docs != 30 || mt.Accuracy != 1 || mt.MacroF1 != 1 {
			t.Errorf("%s: CV docs %d accuracy %v macro-F1 %v:\n%s", alg, mt.Docs, mt.Accuracy, mt.MacroF1, mt.Table())
		}
		total := 0
		for i, row := range mt.Confusion {
			for j, n := range row {
				total += n
				if i != j && n != 0 {
					t.Errorf("%s: confusion off the diagonal", alg)
				}
			}
		}
		if total != 30 || len(mt.PerLabel) != 3 || mt.PerLabel[0].Support != 10 {
			t.Errorf("%s: confusion total %d, per-label %+v", alg, total, mt.PerLabel)
		}
		if tab := mt.Table(); !strings.Contains(tab, "accuracy 1.0000") || !strings.Contains(tab, "confusion") {
			t.Errorf("table:\n%s", tab)
		}
	}
	// Stratified folds: every fold has each label.
	f := folds(ex, 5, 3)
	seen := map[[2]string]bool{}
	for i, e := range ex {
		seen[[2]string{fmt.Sprint(f[i]), e.Labels[0]}] = true
	}
	if len(seen) != 15 {
		t.Errorf("folds not stratified: %v", f)
	}
}

func TestScoreByHand(t *testing.T) {
	gold := [][]string{{"a"}, {"a"}, {"b"}, {"b"}}
	pred := [][]string{{"a"}, {"b"}, {"b"}, {"b"}}
	mt := score(gold, pred, []string{"a", "b"}, false)
	if mt.Accuracy != 0.75 || mt.Confusion[0][1] != 1 || mt.Confusion[1][1] != 2 {
		t.Errorf("%+v", mt)
	}
	// a: P 1 R .5 F .667; b: P .667 R 1 F .8
	if math.Abs(mt.MacroF1-(2.0/3+0.8)/2) > 1e-9 {
		t.Errorf("macro-F1 %v", mt.MacroF1)
	}
	// Multi-label: c is unknown to the model and not scored; d has no gold
	// document and is not scored.
	gold = [][]string{{"a", "b"}, {"a"}, {"c"}}
	pred = [][]string{{"a"}, {"a", "b"}, {"d"}}
	mt = score(gold, pred, []string{"a", "b", "d"}, true)
	if !reflect.DeepEqual(mt.Labels, []string{"a", "b"}) {
		t.Fatalf("labels %v", mt.Labels)
	}
	// a: 2/2 correct; b: 0 correct of 1 gold, 1 predicted. micro: 2 correct
	// of 3 predicted and 3 gold.
	if math.Abs(mt.MicroF1-2.0/3) > 1e-9 || math.Abs(mt.MacroF1-0.5) > 1e-9 || mt.Accuracy != 0 {
		t.Errorf("%+v", mt)
	}
}

func TestReadDir(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []struct{ path, text string }{
		{"sport/1.txt", "Goal!"}, {"sport/2.txt", "Match"}, {"tech/1.txt", "Caf\xe9 wifi"}, {"tech/notes.md", "skip"},
	} {
		p := filepath.Join(dir, f.path)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(f.text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ex, err := ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []Example{{"Goal!", []string{"sport"}}, {"Match", []string{"sport"}}, {"Café wifi", []string{"tech"}}}
	if !reflect.DeepEqual(ex, want) {
		t.Errorf("ReadDir = %q", ex)
	}
	if _, err := ReadDir(t.TempDir()); err == nil {
		t.Error("empty folder: no error")
	}
}

const reutersSnippet = `<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5544" NEWID="1">
<DATE>26-FEB-1987 15:01:01.79</DATE>
<TOPICS><D>cocoa</D><D>coffee</D></TOPICS>
<PLACES><D>el-salvador</D></PLACES>
<UNKNOWN> 
&#5;&#5;&#5;C T
&#22;&#22;&#1;f0704&#31;reute</UNKNOWN>
<TEXT>&#2;
<TITLE>BAHIA COCOA &lt;REVIEW&gt;</TITLE>
<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued in S` + "\xe3o" + ` Paulo
and Bahia &amp; the cocoa zone.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5545" NEWID="2">
<TOPICS></TOPICS>
<TEXT><TITLE>NO TOPICS</TITLE><BODY>x</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5546" NEWID="3">
<TOPICS></TOPICS>
<TEXT><TITLE>EMPTY TOPICS</TITLE><BODY>x</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="YES" LEWISSPLIT="TEST" CGISPLIT="TRAINING-SET" OLDID="5547" NEWID="4">
<TOPICS><D>earn</D></TOPICS>
<TEXT TYPE="BRIEF">&#2;
<TITLE>ACME INC &lt;ACME> 1ST QTR NET</TITLE>
&#3;</TEXT>
</REUTERS>
<REUTERS TOPICS="YES" LEWISSPLIT="TEST" CGISPLIT="TRAINING-SET" OLDID="5548" NEWID="5">
<TOPICS><D>grain</D></TOPICS>
<TEXT TYPE="UNPROC">&#2;
wheat shipments up
&#3;</TEXT>
</REUTERS>
<REUTERS TOPICS="YES" LEWISSPLIT="NOT-USED" CGISPLIT="TRAINING-SET" OLDID="5549" NEWID="6">
<TOPICS><D>grain</D></TOPICS>
<TEXT><BODY>unused</BODY></TEXT>
</REUTERS>
`

func TestParseReuters(t *testing.T) {
	tr, err := ParseReuters([]byte(reutersSnippet), ReutersTrain)
	if err != nil {
		t.Fatal(err)
	}
	want := []Example{{Text: "BAHIA COCOA <REVIEW>\n\nShowers continued in São Paulo\nand Bahia & the cocoa zone.\n Reuter", Labels: []string{"cocoa", "coffee"}}}
	if !reflect.DeepEqual(tr, want) {
		t.Errorf("train = %q\nwant %q", tr, want)
	}
	te, err := ParseReuters([]byte(reutersSnippet), ReutersTest)
	if err != nil {
		t.Fatal(err)
	}
	want = []Example{
		{Text: "ACME INC <ACME> 1ST QTR NET", Labels: []string{"earn"}},
		{Text: "wheat shipments up", Labels: []string{"grain"}},
	}
	if !reflect.DeepEqual(te, want) {
		t.Errorf("test = %q\nwant %q", te, want)
	}
	if _, err := ParseReuters(nil, "dev"); err == nil {
		t.Error("unknown split: no error")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "reut2-000.sgm"), []byte(reutersSnippet), 0o644); err != nil {
		t.Fatal(err)
	}
	if ex, err := ReadReuters(dir, ReutersTest); err != nil || len(ex) != 2 {
		t.Errorf("ReadReuters = %d docs, %v", len(ex), err)
	}
	if _, err := ReadReuters(t.TempDir(), ReutersTest); err == nil {
		t.Error("no files: no error")
	}
}

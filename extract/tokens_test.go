package extract

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/jdkato/prose/v3/tokenize"

	"github.com/readout/readout/pipeline"
)

// checkTokens fails t unless every token and sentence locates its text
// and no token is blank.
func checkTokens(t *testing.T, d *pipeline.Doc) {
	t.Helper()
	for _, tk := range d.Tokens {
		if d.Text[tk.Start:tk.End] != tk.Text || strings.TrimFunc(tk.Text, unicode.IsSpace) == "" {
			t.Fatalf("token %+v: text %q", tk, d.Text[tk.Start:tk.End])
		}
	}
	for _, s := range d.Sentences {
		if s.FirstToken >= s.EndToken || d.Tokens[s.FirstToken].Start < s.Start || d.Tokens[s.EndToken-1].End > s.End {
			t.Fatalf("sentence %+v does not hold its tokens", s)
		}
	}
}

// TestLongRuns: a run without spaces too long for prose's tokenizer is
// split in one pass (letters together, a repeated mark together, a
// no-break space left out); a run within the limit is prose's, as before.
func TestLongRuns(t *testing.T) {
	dots := strings.Repeat(".", 1000)
	word := strings.Repeat("ab", 150)
	text := "Headline\n\nHe said " + dots + " then " + word + "\u00a0" + word + ",,x9 left.\n"
	d := runStages(t, text, "paragraphs", "tokens")
	checkTokens(t, d)
	got := strings.Join(tokenTexts(d.Tokens), " ")
	want := "Headline He said " + dots + " then " + word + " " + word + " ,, x9 left ."
	if got != want {
		t.Errorf("tokens\n got %.200q\nwant %.200q", got, want)
	}

	// Near miss: a run within the limit keeps prose's reading.
	short := "Headline\n\nThe U.S.-led talks (in Geneva) ended.\n"
	d = runStages(t, short, "paragraphs", "tokens")
	if got := strings.Join(tokenTexts(d.Tokens), " "); got != "Headline The U.S.-led talks ( in Geneva ) ended ." {
		t.Errorf("short run: %q", got)
	}
}

// TestCapSentences: text without sentence punctuation is cut into
// sentences of at most maxSentenceTokens, after a comma when one is near
// the limit; a long but ordinary sentence stays whole.
func TestCapSentences(t *testing.T) {
	text := "Headline\n\n" + strings.Repeat("Ana Ruiz of Chile, Tom Berg of Norway, ", 100) + "and more\n"
	d := runStages(t, text, "paragraphs", "tokens")
	checkTokens(t, d)
	if len(d.Sentences) < 5 {
		t.Fatalf("%d sentences, want the run cut", len(d.Sentences))
	}
	for _, s := range d.Sentences[1 : len(d.Sentences)-1] {
		if n := s.EndToken - s.FirstToken; n > maxSentenceTokens || d.Tokens[s.EndToken-1].Text != "," {
			t.Errorf("sentence of %d tokens ending %q", n, d.Tokens[s.EndToken-1].Text)
		}
	}
	long := "Headline\n\n" + strings.Repeat("the talks went on, ", 35) + "and ended.\n"
	d = runStages(t, long, "paragraphs", "tokens")
	if len(d.Sentences) != 2 || d.Sentences[1].EndToken-d.Sentences[1].FirstToken != 35*5+3 {
		t.Errorf("a sentence of 178 tokens: %d sentences", len(d.Sentences))
	}
}

// TestDatesInOneSentence: every date of a sentence holding thousands is
// read, each with the tense of the sentence.
func TestDatesInOneSentence(t *testing.T) {
	got := dates(t, "It will meet on "+strings.Repeat("Monday, December 22, ", 3000)+"in Cairo.", "2025-12-01")
	if len(got) != 3000 || got[0] != "Monday, December 22=2025-12-22" || got[2999] != got[0] {
		t.Errorf("%d dates, first %q", len(got), got[:min(len(got), 1)])
	}
}

// TestStagesCancelled: every stage of the default pipeline stops with the
// context's error when it is cancelled, on a document each would
// otherwise read in full.
func TestStagesCancelled(t *testing.T) {
	stages := []string{"paragraphs", "tables", "tokens", "dates", "entities", "participants", "topics", "issues"}
	text := "Talks\n\n" + strings.Repeat("Foreign Minister Ana Ruiz of Chile met Tom Berg in Oslo on Monday. ", 50)
	for i, name := range stages {
		d := runStages(t, text, stages[:i]...)
		p, err := Registry().Build([]string{name}, nil)
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if err := p.Stages[0].Process(ctx, d); !errors.Is(err, context.Canceled) {
			t.Errorf("%s: %v, want context.Canceled", name, err)
		}
	}
}

// TestTokensTagger: stages.tokens.tagger chooses the part-of-speech
// tagger; readout's follows the Penn Treebank's "to" (TO) and tags
// quotation marks as quotes, and an unknown name is refused.
func TestTokensTagger(t *testing.T) {
	text := `Ana Ruiz said "we hope to talk" to reporters.`
	tags := map[string]string{}
	for _, name := range []string{"prose", "readout"} {
		st, err := NewTokens(pipeline.Options{"tagger": name})
		if err != nil {
			t.Fatal(err)
		}
		d := pipeline.NewDoc("t", text)
		if err := st.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, tk := range d.Tokens {
			b.WriteString(tk.Tag + " ")
		}
		tags[name] = strings.TrimSpace(b.String())
	}
	if want := "NNP NNP VBD `` PRP VBP TO VB '' TO NNS ."; tags["readout"] != want {
		t.Errorf("readout: %s, want %s", tags["readout"], want)
	}
	if tags["prose"] == tags["readout"] {
		t.Errorf("the two taggers gave the same tags (%s): is the option read?", tags["prose"])
	}
	if _, err := NewTokens(pipeline.Options{"tagger": "spacy"}); err == nil || !strings.Contains(err.Error(), `"spacy" is not readout or prose`) {
		t.Errorf("tagger spacy: got %v", err)
	}
}

// TestTokensModelFile: stages.tokens.model_file is read, and a file that
// is not a model is refused with its setting named.
func TestTokensModelFile(t *testing.T) {
	path := t.TempDir() + "/pos.bin"
	if err := os.WriteFile(path, []byte("not a model"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := NewTokens(pipeline.Options{"tagger": "readout", "model_file": path})
	if err == nil || !strings.Contains(err.Error(), "not a part-of-speech model") {
		t.Errorf("a bad model file: got %v", err)
	}
	_, err = NewTokens(pipeline.Options{"tagger": "readout", "model_file": path + ".missing"})
	if err == nil || !strings.Contains(err.Error(), "stages.tokens.model_file") {
		t.Errorf("a missing model file: got %v", err)
	}
}

// TestSentenceBreaks: no sentence ends at a known given name's middle
// initial or at a dotted abbreviation before the title it modifies, a
// name after the title or not; a sentence does end after an initial
// before a sentence opener.
func TestSentenceBreaks(t *testing.T) {
	for _, tc := range []struct {
		text string
		n    int
	}{
		{"Michael J. Fox replaced Bruce Willis in the third ad.", 1},
		{"Ana Ruiz is a retired U.S. Senator from Oregon.", 1},
		{"He met U.S. Ambassador Tom Hale on Monday.", 1},
		{"Talks with the U.K. Foreign Secretary Ana Ruiz ended.", 1},
		{"He met Anna K. Then he left.", 2},
		{"The vitamins are A, D and C. Fox News reported it.", 2},
		// a word that holds an abbreviation's stops ends no sentence
		{"Tom Berg, a member of the U.N.-appointed Electoral Review Board, said so.", 1},
		{"Aid reached the U.S.-run Electoral Board on Monday.", 1},
		// a title of address before a surname that is also a word
		{"The premier told Ms. Rice the plan was sound.", 1},
		{"Officials said Mr. Brown would speak. Dr. Green met Gen. Young.", 2},
		// near miss: a title of address that no capitalised word follows
		{"She met Mr. Ruiz. the text was lost.", 2},
		// an initial that opens a sentence opens a name
		{"The charges are serious. W. Mark Dale, chairman of Lakeview Inc., said so.", 2},
		{"W. Mark Dale, chairman of Lakeview Inc., said so.", 1},
	} {
		if got := sentenceTexts(t, tc.text); len(got) != tc.n {
			t.Errorf("%q: sentences %q, want %d", tc.text, got, tc.n)
		}
	}
}

// sentenceTexts splits text into paragraphs and sentences and returns
// each sentence's text.
func sentenceTexts(t *testing.T, text string) []string {
	t.Helper()
	d := runStages(t, text, "paragraphs", "tokens")
	var got []string
	for _, s := range d.Sentences {
		got = append(got, d.Text[s.Start:s.End])
	}
	return got
}

// checkTokenRuns tokenizes text and checks that its tokens, joined by
// spaces, hold each of wants.
func checkTokenRuns(t *testing.T, text string, wants ...string) {
	t.Helper()
	d := runStages(t, text, "paragraphs", "tokens")
	checkTokens(t, d)
	got := strings.Join(tokenTexts(d.Tokens), " ")
	for _, want := range wants {
		if !strings.Contains(got, want) {
			t.Errorf("tokens %q: no %q", got, want)
		}
	}
}

// TestGluedPunctuation: punctuation without a space between two words
// parts them (a caption's stop, a dateline's double hyphen, a comma
// before an age); abbreviations, domains, decimals and thousands keep it.
func TestGluedPunctuation(t *testing.T) {
	checkTokenRuns(t, "Headline\n\nKAMPALA--Uganda voted. Mr Okot,71, won 1,150,045 votes in Kampala.Image from Znak.com and the U.S. cost 2.5 dollars, a,b.\n", "KAMPALA -- Uganda", "Okot , 71 ,", "1,150,045", "Kampala . Image", "Znak.com", "U.S.", "2.5", "a,b")
}

// TestNameParticiples: a capitalised name is split from a participle of
// leading or backing after a hyphen, and from a word of likeness
// ("-style"); an acronym, a word in lower case and
// other compounds stay whole.
func TestNameParticiples(t *testing.T) {
	checkTokenRuns(t, "Headline\n\nThe Okot-led party and a Kampala-backed group met US-backed rebels in a well-run, Okot-era hall for an Okot-style rally.\n", "Okot - led party", "Kampala - backed group", "US-backed", "well-run", "Okot-era", "Okot - style rally")
}

// TestQuoteMarks: guillemets, low quotes, double quotes and angle brackets
// are split from the words they enclose.
func TestQuoteMarks(t *testing.T) {
	checkTokenRuns(t, "Headline\n\nHe said «no» and ‹yes› to „it“, the minister‚ Ana Ruiz‚ said.\n", "« no »", "‹ yes ›", "„ it “ ,", "minister ‚ Ana Ruiz ‚ said")
	checkTokenRuns(t, "Headline\n\n<Harwick Mining Ltd> said it sold <Tarn> to Lakeview.\n", "< Harwick Mining Ltd >", "< Tarn >")
	if got := labelled(t, "Headline\n\n<Harwick Mining Ltd> said it sold its stake.\n", pipeline.Org); !slices.Equal(got, []string{"Harwick Mining Ltd"}) {
		t.Errorf("bodies %q, want Harwick Mining Ltd", got)
	}
}

// TestFinalStopBeforeQuote: a sentence's full stop is split from its last
// word before a closing quote too; an abbreviation keeps its stop.
func TestFinalStopBeforeQuote(t *testing.T) {
	checkTokenRuns(t, "Headline\n\nShe said: \"We mourn Tom Kuan Yew.\" He said: \"Ask Ruiz Inc.\"\n", "Yew . \"", "Inc. \"")
}

// TestTypographicQuotes: a typographic apostrophe is tagged as the ASCII
// one the taggers learnt from, and the token keeps its own text.
func TestTypographicQuotes(t *testing.T) {
	d := runStages(t, "Headline\n\nLabour’s Ann Kerr was nominated as Speaker.\n", "paragraphs", "tokens")
	checkTokens(t, d)
	for _, tk := range d.Tokens {
		if tk.Text == "’s" && tk.Tag != "POS" {
			t.Errorf("’s tagged %s, want POS", tk.Tag)
		}
		if tk.Text == "'s" {
			t.Errorf("token text changed to %q", tk.Text)
		}
	}
}

// TestTitleAbbreviations: a title shortened with a full stop before a name
// ends no sentence; a full stop after another word still does.
func TestTitleAbbreviations(t *testing.T) {
	d := runStages(t, "Headline\n\nFormer Virginia Gov. Bob Ellis was charged. He met the press. Then Tom left.\n", "paragraphs", "tokens")
	if got := len(d.Sentences); got != 4 {
		var ss []string
		for _, s := range d.Sentences {
			ss = append(ss, d.Text[s.Start:s.End])
		}
		t.Errorf("%d sentences %q, want 4", got, ss)
	}
}

// TestApostropheNames: a capital letter the tokenizer split from the rest of
// its name at the apostrophe joins it again; a quotation mark stays apart.
func TestApostropheNames(t *testing.T) {
	d := runStages(t, "Headline\n\nMayor Martin O'Malley met Massimo D’Alema. Senator Tom Hale 'will win', he said.\n", "paragraphs", "tokens")
	checkTokens(t, d)
	got := strings.Join(tokenTexts(d.Tokens), "|")
	for _, want := range []string{"|O'Malley|", "|D’Alema|", "|Hale|"} {
		if !strings.Contains(got, want) {
			t.Errorf("tokens %q: no %q", got, want)
		}
	}
}

// TestRanksOpenRows: in a results list run together, the rank that ends a
// sentence after a time or a colon opens the next; a number that ends a
// sentence of prose stays.
func TestRanksOpenRows(t *testing.T) {
	for text, want := range map[string][]string{
		"Women 800 metres : 1. Ana Ruiz ( Kenya ) 2:01.22 2. Lena Banda ( Norway ) 2:01.79 3. Rosa Vega ( Spain ) 2:02.00": {
			"Women 800 metres :", "1. Ana Ruiz ( Kenya ) 2:01.22", "2. Lena Banda ( Norway ) 2:01.79", "3. Rosa Vega ( Spain ) 2:02.00"},
		"The bill passed by 52 votes to 48. Senators left at once.": {"The bill passed by 52 votes to 48.", "Senators left at once."},
	} {
		if got := sentenceTexts(t, text); !slices.Equal(got, want) {
			t.Errorf("sentences %q, want %q", got, want)
		}
	}
}

// TestFixtureRows: a list of fixtures run together is cut into its rows
// where the words between two connectors are exactly two places; a side
// that is no known place, or a connector seen once, leaves the text whole.
func TestFixtureRows(t *testing.T) {
	for text, want := range map[string][]string{
		"SATURDAY SCHEDULE HALIFAX AT DENVER PORTLAND AT BOSTON LAS VEGAS AT NASHVILLE": {
			"SATURDAY SCHEDULE HALIFAX AT DENVER", "PORTLAND AT BOSTON", "LAS VEGAS AT NASHVILLE"},
		"GAMES TODAY OREGON AT HALIFAX TEXAS AT DENVER": {"GAMES TODAY OREGON AT HALIFAX", "TEXAS AT DENVER"},
		"Cup ties : Leeds v Norwich Derby v Exeter Bristol v Oxford": {
			"Cup ties : Leeds v Norwich", "Derby v Exeter", "Bristol v Oxford"},
		// near misses: a side the gazetteer does not know, words between the
		// connectors that are not two places, one connector
		"Cup ties : Leeds v Norwich Harwick Rovers v Exeter":          {"Cup ties : Leeds v Norwich Harwick Rovers v Exeter"},
		"The court weighed Ruiz v Chile and Berg v Norway on Monday.": {"The court weighed Ruiz v Chile and Berg v Norway on Monday."},
		"Denver Portland Lakeview v Boston kicks off at noon.":        {"Denver Portland Lakeview v Boston kicks off at noon."},
	} {
		if got := sentenceTexts(t, text); !slices.Equal(got, want) {
			t.Errorf("sentences %q, want %q", got, want)
		}
	}
}

// TestSplitHeadings: in a table whose line breaks were lost, the heading
// of a section ("Western Division", "Group B") is a row of its own; the
// same words in prose, or a table without them, are left as they are.
func TestSplitHeadings(t *testing.T) {
	for text, want := range map[string][]string{
		"Standings : NORTHERN DIVISION HALIFAX 12 4 .750 - OREGON 9 7 .563 3 SOUTHERN DIVISION DENVER 10 6 .625 - TEXAS 8 8 .500 2": {
			"Standings :", "NORTHERN DIVISION", "HALIFAX 12 4 .750 -", "OREGON 9 7 .563 3", "SOUTHERN DIVISION", "DENVER 10 6 .625 -", "TEXAS 8 8 .500 2"},
		"Results : Group B Lakeview 2 Harwick 1 Tarn 0 Ostby 3 Group C Moss 1 Berg 1": {
			"Results :", "Group B", "Lakeview 2", "Harwick 1", "Tarn 0", "Ostby 3", "Group C", "Moss 1", "Berg 1"},
		// near misses: prose that names a division, a table without headings
		"The Western Division of the league was won by Lakeview on Saturday.": {"The Western Division of the league was won by Lakeview on Saturday."},
		"Lakeview 12 4 .750 - Harwick 9 7 .563 3 Tarn 8 8 .500 4":             {"Lakeview 12 4 .750 -", "Harwick 9 7 .563 3", "Tarn 8 8 .500 4"},
	} {
		if got := sentenceTexts(t, text); !slices.Equal(got, want) {
			t.Errorf("sentences %q, want %q", got, want)
		}
	}
}

// TestProseClosedClassesChecked: prose's tagger puts some unknown words
// in closed classes ("backbencher" CC, "boss" IN); the tokens stage gives
// them readout's tags, and leaves known function words as prose tags them.
func TestProseClosedClassesChecked(t *testing.T) {
	st, err := NewTokens(pipeline.Options{"tagger": "prose"})
	if err != nil {
		t.Fatal(err)
	}
	d := pipeline.NewDoc("t", "Tory backbencher Ana Ruiz said no. Chelsea boss Tom Berg and the coach said yes.")
	if err := st.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"backbencher": "NN", "boss": "NN", "and": "CC", "the": "DT", "said": "VBD"}
	for _, tk := range d.Tokens {
		if w, ok := want[tk.Text]; ok && tk.Tag != w {
			t.Errorf("%q tagged %s, want %s", tk.Text, tk.Tag, w)
		}
	}
}

// sameTokens fails unless wordTokenizer cuts text as its tokenize, prose's
// tokenizer and the contractions prose leaves, does.
func sameTokens(t *testing.T, w wordTokenizer, text string) {
	t.Helper()
	want, got := w.tokenize(text), w.Append(nil, text, 0)
	if !slices.Equal(got, want) {
		t.Fatalf("%q:\n got %v\nwant %v", text, got, want)
	}
}

// appendedTexts returns the texts of the tokens w cuts text into, and
// fails unless each stands at its offset.
func appendedTexts(t *testing.T, w wordTokenizer, text string) []string {
	t.Helper()
	var out []string
	for _, tk := range w.Append(nil, text, 0) {
		out = append(out, tk.Text)
		if text[tk.Start:tk.Start+len(tk.Text)] != tk.Text {
			t.Errorf("token %q at %d does not match the text", tk.Text, tk.Start)
		}
	}
	return out
}

// TestContractionsCut: the contractions prose leaves joined are cut after
// a pronoun or a modal, as the training corpora cut them, so that "I've"
// is no name; a name with an apostrophe stays whole.
func TestContractionsCut(t *testing.T) {
	text := "\"I've decided,\" she said; they'd agreed and we’ve gone. O'Dea and Sa'dah stay."
	got := appendedTexts(t, wordTokenizer{tokenize.New()}, text)
	want := []string{"\"", "I", "'ve", "decided", ",", "\"", "she", "said", ";", "they", "'d", "agreed", "and", "we", "’ve", "gone", ".", "O'Dea", "and", "Sa'dah", "stay", "."}
	if !slices.Equal(got, want) {
		t.Errorf("tokens\n got %q\nwant %q", got, want)
	}
	checkNoPeople(t, "Asked about the defeat, he said: \"I've never seen anything like it.\"")
}

// TestOpeningSingleQuote: an opening single quote is cut from its word,
// as the closing one is, but not from an elision; a word in single quotes
// is no one's name.
func TestOpeningSingleQuote(t *testing.T) {
	w := wordTokenizer{tokenize.New()}
	text := "He said 'I am here' in rock 'n' roll's heyday, 'tis true, in the '90s. (\"'Can do' spirit\")"
	got := appendedTexts(t, w, text)
	want := []string{"He", "said", "'", "I", "am", "here", "'", "in", "rock", "'n", "'", "roll", "'s", "heyday", ",", "'tis", "true", ",", "in", "the", "'90s", ".",
		"(", "\"", "'", "Can", "do", "'", "spirit", "\"", ")"}
	if !slices.Equal(got, want) {
		t.Errorf("tokens\n got %q\nwant %q", got, want)
	}
	checkNoPeople(t, "He said 'I am here' today.", "Fans still call the new stadium just 'Kestrel', the club said.")
	// (Every run's quote, when the text holds several: the fast path cuts
	// them run by run.)
	sameTokens(t, w, "'Ana met 'Tom' and 'A 'A0")
}

// TestWordTokenizerIsProse: runs with and without prose's affixes,
// contractions, abbreviations and emoticons, Unicode spaces, invalid
// UTF-8, and the development texts when they are present.
func TestWordTokenizerIsProse(t *testing.T) {
	w := wordTokenizer{tokenize.New()}
	texts := append(slices.Clone(fuzzSeeds),
		"The minister said: \"We won't go.\" (Reuters) U.S. Mr. Ruiz's $5bn [sic]",
		"xD XDD 8D 8-D -__- :) (: o_O ¯\\(ツ)/¯ e.g. i.e. Dr. St. Mt.",
		"‘Quoted’ “double” it’s don’t they’ll — … – 3–2 co-operation",
		"a\u00a0b\u0085c\u2003d\u3000e\u200bf\tg\vh\fi\rj",
		"don'T DON'T ISN'T Ana's Ruiz'  '", "\xe2\x80", "\xe2", "ab\xffcd. \xc3(",
	)
	for _, text := range texts {
		sameTokens(t, w, text)
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "data", "articles", "*.txt"))
	more, _ := filepath.Glob(filepath.Join("..", "..", "shared", "data", "issues", "*.txt"))
	if len(files) == 0 {
		t.Log("../../shared/data absent: invented texts only")
	}
	for _, f := range append(files, more...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sameTokens(t, w, string(b))
	}
}

func FuzzWordTokenizer(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	w := wordTokenizer{tokenize.New()}
	f.Fuzz(func(t *testing.T, text string) { sameTokens(t, w, text) })
}

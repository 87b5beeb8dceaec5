package render_test

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout"
	"github.com/readout/readout/pipeline"
	"github.com/readout/readout/render"
)

var markText = regexp.MustCompile(`<mark class="ent [^"]*" data-label="([A-Z]+)"[^>]*>([^<]*)<span`)

// marks returns "LABEL text" for every highlight in a page.
func marks(page string) []string {
	var out []string
	for _, m := range markText.FindAllStringSubmatch(page, -1) {
		out = append(out, m[1]+" "+m[2])
	}
	return out
}

// TestOffsetUnits renders one document written in each offset unit: the
// highlights must cover the same text, with accents and an emoji (two
// UTF-16 units, four bytes) before the entities.
func TestOffsetUnits(t *testing.T) {
	text := "Café 😀 talks: Lavrov met Abdel Atty in Cairo.\n\nÉgypte & <Russia> agreed."
	d := pipeline.NewDoc("t", text)
	add := func(s, label string) {
		i := strings.Index(text, s)
		d.Entities = append(d.Entities, pipeline.Entity{Start: i, End: i + len(s), Text: s, Label: label})
	}
	add("Lavrov", pipeline.Person)
	add("Abdel Atty", pipeline.Person)
	add("Cairo", pipeline.Place)
	add("Égypte", pipeline.Place)
	add("Russia", pipeline.Place)
	first := strings.Index(text, "\n\n")
	d.Paragraphs = []pipeline.Paragraph{{Start: 0, End: first, Kind: pipeline.TextPara, Block: -1, Section: -1}, {Start: first + 2, End: len(text), Kind: pipeline.TextPara, Block: -1, Section: -1}}
	want := []string{"PERSON Lavrov", "PERSON Abdel Atty", "PLACE Cairo", "PLACE Égypte", "PLACE Russia"}
	for _, unit := range []pipeline.OffsetUnit{pipeline.Bytes, pipeline.CodePoints, pipeline.UTF16} {
		var b bytes.Buffer
		if err := render.Render(&b, d.Output(pipeline.OutputOptions{Offsets: unit}), text); err != nil {
			t.Fatalf("%s: %v", unit, err)
		}
		page := b.String()
		if got := marks(page); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: highlights %q, want %q", unit, got, want)
		}
		// Text around entities is escaped, not markup.
		if !strings.Contains(page, "&lt;<mark") || !strings.Contains(page, "Café 😀 talks: ") {
			t.Errorf("%s: text around the entities is lost or unescaped", unit)
		}
	}
}

// TestCountrySourceShown: a country the text does not state is shown as
// such on the card.
func TestCountrySourceShown(t *testing.T) {
	text := "Ana Lopes spoke. Tom Reis replied."
	d := pipeline.NewDoc("t", text)
	d.Participants = []pipeline.Participant{
		{ID: "p1", Name: "Ana Lopes", Role: "Prime Minister", Country: "Portugal", CountryCode: "PT", CountrySource: pipeline.CountryFromContext, Mentions: []pipeline.Span{d.SpanOf(0, 9)}},
		{ID: "p2", Name: "Tom Reis", Role: "Minister", Country: "Portugal", CountryCode: "PT", CountrySource: pipeline.CountryFromText, Mentions: []pipeline.Span{d.SpanOf(17, 25)}},
	}
	var b bytes.Buffer
	if err := render.Render(&b, d.Output(pipeline.OutputOptions{}), text); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if n := strings.Count(page, "Portugal (PT), from context"); n != 1 {
		t.Errorf("%d cards say the country came from context, want 1", n)
	}
	if n := strings.Count(page, ">Portugal (PT)<"); n != 1 {
		t.Errorf("%d cards show the text's country plainly, want 1", n)
	}
}

func TestRenderRefusesWrongText(t *testing.T) {
	text := "Lavrov 😀 Cairo."
	d := pipeline.NewDoc("t", text)
	d.Entities = []pipeline.Entity{{Start: 11, End: 16, Text: "Cairo", Label: pipeline.Place}}
	rec := d.Output(pipeline.OutputOptions{Offsets: pipeline.UTF16})
	var b bytes.Buffer
	if err := render.Render(&b, rec, "Another text."); err == nil || !strings.Contains(err.Error(), "sha256") {
		t.Errorf("another text: %v, want a sha256 error", err)
	}
	// An offset inside the emoji's surrogate pair cannot be right.
	rec.TextSHA256 = ""
	rec.Entities[0].Start = 8
	if err := render.Render(&b, rec, text); err == nil || !strings.Contains(err.Error(), "surrogate") {
		t.Errorf("offset inside a surrogate pair: %v", err)
	}
	// A span that ends before it starts is refused, not sliced.
	rec.Entities[0].Start, rec.Entities[0].End = 14, 12
	if err := render.Render(&b, rec, text); err == nil || !strings.Contains(err.Error(), "after it ends") {
		t.Errorf("entity ending before it starts: %v", err)
	}
	rec.Entities = nil
	rec.Paragraphs = []pipeline.OutParagraph{{Start: 5, End: 2}}
	if err := render.Render(&b, rec, text); err == nil || !strings.Contains(err.Error(), "after it ends") {
		t.Errorf("paragraph ending before it starts: %v", err)
	}
}

// luminance and contrast follow WCAG 2.x.
func luminance(hex string) float64 {
	hex = strings.TrimPrefix(hex, "#")
	var c [3]float64
	for i := range c {
		v, _ := strconv.ParseUint(hex[2*i:2*i+2], 16, 8)
		s := float64(v) / 255
		if s <= 0.03928 {
			c[i] = s / 12.92
		} else {
			c[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}

func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func TestPaletteContrast(t *testing.T) {
	for _, p := range render.Palette {
		if c := contrast(render.Ink, p.Background); c < 4.5 {
			t.Errorf("%s: text on highlight %.2f:1, under WCAG AA 4.5:1", p.Label, c)
		}
		if c := contrast("#ffffff", p.Tag); c < 4.5 {
			t.Errorf("%s: tag text %.2f:1, under WCAG AA 4.5:1", p.Label, c)
		}
		if c := contrast(p.Border, "#ffffff"); c < 3 {
			t.Errorf("%s: underline %.2f:1 against the page, under 3:1 for graphics", p.Label, c)
		}
	}
	for _, muted := range []string{"#545454"} {
		for _, bg := range []string{"#ffffff", "#f7f7f9", "#eef0f3"} {
			if c := contrast(muted, bg); c < 4.5 {
				t.Errorf("muted text %s on %s: %.2f:1", muted, bg, c)
			}
		}
	}
}

// referenceRecord annotates the reference article with the default
// pipeline, the text included, as `readout annotate` with output.text does.
func referenceRecord(t *testing.T) (*pipeline.Output, string) {
	t.Helper()
	cfg, err := readout.LoadConfig("")
	if err != nil {
		t.Fatal(err)
	}
	p, err := cfg.NewPipeline()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("../testdata/egypt-russia-cairo.txt")
	if err != nil {
		t.Fatal(err)
	}
	d := pipeline.NewDoc("testdata/egypt-russia-cairo.txt", string(b))
	if err := p.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	rec := d.Output(pipeline.OutputOptions{Offsets: pipeline.CodePoints, Text: true})
	return rec, *rec.Text
}

func TestReferencePage(t *testing.T) {
	rec, text := referenceRecord(t)
	var b bytes.Buffer
	if err := render.Render(&b, rec, text); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if got := len(marks(page)); got != len(rec.Entities) {
		t.Errorf("%d highlights, %d entities in the record", got, len(rec.Entities))
	}
	for _, external := range []string{"http://", "https://", "<script", "src="} {
		if strings.Contains(page, external) {
			t.Errorf("page contains %q: it must be self-contained", external)
		}
	}
}

func chromium() string {
	if p := os.Getenv("READOUT_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless_shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// runChromium runs headless Chromium on a page with extra arguments and
// returns its standard output.
func runChromium(t *testing.T, bin, page string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	base := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(),
	}
	cmd := exec.CommandContext(ctx, bin, append(append(base, args...), "file://"+page)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", bin, err, stderr.String())
	}
	return stdout.String()
}

var (
	issueRow = regexp.MustCompile(`<tr class="issue"[^>]*>\s*<th scope="row">([^<]+)`)
	card     = regexp.MustCompile(`(?s)<li class="card participant" id="p\d+">\s*<h3>([^<]+)</h3>.*?<dd class="role">([^<]+)</dd>\s*<dt>Country</dt><dd class="country">([^<]+)</dd>`)
)

// TestChromium renders the reference article, lets headless Chromium load
// it, checks the DOM it built and saves a screenshot in
// render/testdata/artifacts (not committed) for people to look at.
func TestChromium(t *testing.T) {
	bin := chromium()
	if bin == "" {
		t.Skip("no chromium binary found (apt-get install chromium, or set READOUT_CHROMIUM): the page is not checked in a browser")
	}
	rec, text := referenceRecord(t)
	dir, err := filepath.Abs("testdata/artifacts")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	pagePath := filepath.Join(dir, "egypt-russia-cairo.html")
	var b bytes.Buffer
	if err := render.Render(&b, rec, text); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pagePath, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	dom := runChromium(t, bin, pagePath, "--dump-dom")
	if got := len(marks(dom)); got != len(rec.Entities) {
		t.Errorf("DOM has %d highlighted entities, the record %d", got, len(rec.Entities))
	}
	byLabel := map[string]int{}
	for _, e := range rec.Entities {
		byLabel[e.Label]++
	}
	for label, n := range byLabel {
		if got := strings.Count(dom, `data-label="`+label+`"`); got != n {
			t.Errorf("%s: %d highlights, %d in the record", label, got, n)
		}
	}
	var cards []string
	for _, m := range card.FindAllStringSubmatch(dom, -1) {
		cards = append(cards, fmt.Sprintf("%s: %s, %s", m[1], m[2], m[3]))
	}
	want := []string{
		"Abdel Fattah el-Sisi: President, Egypt (EG)",
		"Sergey Lavrov: Foreign Minister, Russia (RU)",
		"Badr Abdel Atty: Foreign Minister, Egypt (EG)",
		"Sergey Vershinin: Deputy Foreign Minister, Russia (RU)",
		"Georgy Borisenko: Ambassador, Russia (RU)",
		"Alexander Kinshchak: Head, Russia (RU)",
		"Mikhail Dzhirgenya: Section Director, Russia (RU)",
	}
	if strings.Join(cards, "\n") != strings.Join(want, "\n") {
		t.Errorf("participant cards:\n%s\nwant:\n%s", strings.Join(cards, "\n"), strings.Join(want, "\n"))
	}
	var rows []string
	for _, m := range issueRow.FindAllStringSubmatch(dom, -1) {
		rows = append(rows, strings.TrimSpace(m[1]))
	}
	if len(rows) < 3 || strings.Join(rows[:3], ",") != "Libya,Gaza,Sudan" {
		t.Errorf("issue rows %q, want Libya, Gaza, Sudan first", rows)
	}

	shot := filepath.Join(dir, "egypt-russia-cairo.png")
	_ = os.Remove(shot)
	runChromium(t, bin, pagePath, "--screenshot="+shot, "--window-size=1280,2400", "--hide-scrollbars")
	f, err := os.Open(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil || cfg.Width != 1280 || cfg.Height != 2400 {
		t.Errorf("screenshot %dx%d (%v), want 1280x2400", cfg.Width, cfg.Height, err)
	}
	t.Logf("screenshot: %s", shot)
}

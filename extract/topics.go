package extract

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball"
	"gopkg.in/yaml.v3"

	"github.com/readout/readout/extract/topicmodel"
	"github.com/readout/readout/pipeline"
)

// The "topics" stage gives every paragraph a primary topic (first in
// Paragraph.Topics, score 1) and lower-scored secondary topics, and fills
// Doc.Topics with the document aggregate.
//
// Two kinds of topic exist:
//
//   - thematic topics from the taxonomy (taxonomy.yaml, or a user file),
//     scored by keyword matches on snowball stems of lowercased tokens;
//   - place issues "place:<Canonical>": a country, territory or region PLACE
//     entity, or a NORP through its country, that is not one of the
//     document's parties. Parties are the countries of d.Participants; a city
//     whose Country is a party's code stands for that party. Cities of a
//     non-party country add weak evidence for that country's issue; features
//     (rivers, seas...) are weak evidence and never open an issue inside a
//     section.
//
// Primary topic per paragraph:
//
//  1. Section issue: a heading that names exactly one place issue (or one
//     that dominates the section with at least twice the mentions of the next)
//     sets the section's issue to that place; otherwise the section issue is
//     the thematic topic with the largest summed score over the section.
//  2. Inside a section: a paragraph that mentions exactly one place issue,
//     not the section's, gets that place; a paragraph that mentions the
//     section's place, no place, or several places gets the section issue.
//     Before the first heading (Section -1): several distinct places make an
//     overview, which gets its strongest thematic topic; a single place wins
//     when its mention weight is at least the strongest thematic score.
//  3. List items and table rows take the topic of their block (the block
//     judged as one paragraph), except a table row whose first cell names
//     exactly one place issue (for list items: the text before a ":" or dash
//     separator), which gets that place.

//go:embed taxonomy.yaml
var defaultTaxonomyYAML []byte

// PlaceTopicPrefix starts the id of a place-anchored topic: "place:Libya".
const PlaceTopicPrefix = "place:"

// Taxonomy is the list of thematic topics.
type Taxonomy struct {
	Topics []TaxonomyTopic `yaml:"topics"`
}

// TaxonomyTopic is one topic of a Taxonomy.
type TaxonomyTopic struct {
	ID       string   `yaml:"id"`
	Label    string   `yaml:"label"`
	Parent   string   `yaml:"parent,omitempty"`
	IPTC     string   `yaml:"iptc,omitempty"`
	Weight   float64  `yaml:"weight,omitempty"`
	Keywords []string `yaml:"keywords,omitempty"`
}

// ParseTaxonomy decodes a taxonomy strictly (unknown fields are errors) and
// validates it: ids unique and not starting with "place:", labels set,
// parents known, weights not negative.
func ParseTaxonomy(data []byte) (*Taxonomy, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var t Taxonomy
	if err := dec.Decode(&t); err != nil {
		return nil, fmt.Errorf("taxonomy: %w", err)
	}
	if len(t.Topics) == 0 {
		return nil, fmt.Errorf("taxonomy: no topics")
	}
	ids := map[string]bool{}
	for i, tp := range t.Topics {
		switch {
		case tp.ID == "":
			return nil, fmt.Errorf("taxonomy: topic %d has no id", i)
		case strings.HasPrefix(tp.ID, PlaceTopicPrefix):
			return nil, fmt.Errorf("taxonomy: topic id %q uses the reserved prefix %q", tp.ID, PlaceTopicPrefix)
		case ids[tp.ID]:
			return nil, fmt.Errorf("taxonomy: duplicate topic id %q", tp.ID)
		case tp.Label == "":
			return nil, fmt.Errorf("taxonomy: topic %q has no label", tp.ID)
		case tp.Weight < 0:
			return nil, fmt.Errorf("taxonomy: topic %q has a negative weight", tp.ID)
		}
		ids[tp.ID] = true
	}
	for _, tp := range t.Topics {
		if tp.Parent != "" && !ids[tp.Parent] {
			return nil, fmt.Errorf("taxonomy: topic %q has unknown parent %q", tp.ID, tp.Parent)
		}
	}
	return &t, nil
}

// DefaultTaxonomy returns the embedded taxonomy.
func DefaultTaxonomy() (*Taxonomy, error) { return ParseTaxonomy(defaultTaxonomyYAML) }

// TopicsConfig is the "topics" stage's options.
type TopicsConfig struct {
	// Taxonomy is the path of a YAML taxonomy replacing the embedded one.
	Taxonomy string `mapstructure:"taxonomy"`
	// Threshold is the lowest score (0..1) a secondary topic needs to be
	// listed on a paragraph.
	Threshold float64 `mapstructure:"threshold"`
	// Weights overrides the taxonomy weight of topics, by id.
	Weights map[string]float64 `mapstructure:"weights"`
	// PlaceWeight is the evidence of one mention of a country, territory or
	// region (or a NORP of it); CityWeight of a city of an issue country;
	// FeatureWeight of a feature (river, sea...).
	PlaceWeight   float64 `mapstructure:"place_weight"`
	CityWeight    float64 `mapstructure:"city_weight"`
	FeatureWeight float64 `mapstructure:"feature_weight"`
	// Model is the path of a topic model (readout train topics); its
	// predictions are added as "model:<label>" topics. Empty: none.
	Model string `mapstructure:"model"`
	// ModelThreshold is the least probability of a model topic (the
	// document keeps its best one anyway).
	ModelThreshold float64 `mapstructure:"model_threshold"`
}

// DefaultTopicsConfig returns the defaults of the "topics" options.
func DefaultTopicsConfig() TopicsConfig {
	return TopicsConfig{Threshold: 0.2, PlaceWeight: 1, CityWeight: 0.5, FeatureWeight: 0.5, ModelThreshold: 0.5}
}

type topicCompiled struct {
	id, label string
	weight    float64
	phrases   [][]string // stem sequences, longest first
	scored    bool
}

type topicsStage struct {
	cfg    TopicsConfig
	topics []topicCompiled
	// byFirst maps a first stem to (topic, phrase) pairs.
	byFirst map[string][][2]int
	prefix  map[string]bool   // first three bytes of every phrase stem, or the whole of a shorter one
	model   *topicmodel.Model // nil without the "model" option
	stems   *stemMemo
}

// NewTopics builds the "topics" stage.
func NewTopics(opts pipeline.Options) (pipeline.Stage, error) {
	cfg := DefaultTopicsConfig()
	if err := opts.Decode("topics", &cfg); err != nil {
		return nil, err
	}
	if cfg.Threshold < 0 || cfg.Threshold > 1 {
		return nil, fmt.Errorf("stages.topics: threshold must be within 0..1, got %v", cfg.Threshold)
	}
	if cfg.PlaceWeight < 0 || cfg.CityWeight < 0 || cfg.FeatureWeight < 0 {
		return nil, fmt.Errorf("stages.topics: place weights must not be negative")
	}
	var tax *Taxonomy
	var err error
	if cfg.Taxonomy == "" {
		tax, err = DefaultTaxonomy()
	} else {
		var data []byte
		if data, err = os.ReadFile(cfg.Taxonomy); err == nil {
			tax, err = ParseTaxonomy(data)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("stages.topics: %w", err)
	}
	s, err := newTopicsStage(cfg, tax)
	if err != nil || cfg.Model == "" {
		return s, err
	}
	if cfg.ModelThreshold < 0 || cfg.ModelThreshold > 1 {
		return nil, fmt.Errorf("stages.topics: model_threshold must be within 0..1, got %v", cfg.ModelThreshold)
	}
	if s.model, err = topicmodel.ReadFile(cfg.Model); err != nil {
		return nil, fmt.Errorf("stages.topics: model: %w", err)
	}
	return s, nil
}

// ModelTopicPrefix starts the id of a topic from the topic model.
const ModelTopicPrefix = "model:"

// addModelTopics appends the model's labels with probability at least
// model_threshold to d.Topics (the best one at least) and to the topics of
// each text paragraph.
func (s *topicsStage) addModelTopics(d *pipeline.Doc) {
	pick := func(text string, atLeastOne bool) []pipeline.TopicScore {
		var out []pipeline.TopicScore
		for i, sc := range s.model.Predict(text) {
			if sc.Prob >= s.cfg.ModelThreshold || (i == 0 && atLeastOne) {
				out = append(out, pipeline.TopicScore{Topic: ModelTopicPrefix + sc.Label, Label: sc.Label, Score: topicRound(sc.Prob)})
			}
		}
		return out
	}
	d.Topics = append(d.Topics, pick(d.Text, true)...)
	for i, p := range d.Paragraphs {
		if p.Kind == pipeline.TextPara {
			d.Paragraphs[i].Topics = append(d.Paragraphs[i].Topics, pick(d.Text[p.Start:p.End], false)...)
		}
	}
}

func newTopicsStage(cfg TopicsConfig, tax *Taxonomy) (*topicsStage, error) {
	s := &topicsStage{cfg: cfg, byFirst: map[string][][2]int{}, prefix: map[string]bool{}, stems: newStemMemo()}
	known := map[string]bool{}
	for _, tp := range tax.Topics {
		known[tp.ID] = true
	}
	for id, w := range cfg.Weights {
		if !known[id] {
			return nil, fmt.Errorf("stages.topics: weights: unknown topic %q", id)
		}
		if w < 0 {
			return nil, fmt.Errorf("stages.topics: weights: negative weight for %q", id)
		}
	}
	for _, tp := range tax.Topics {
		ct := topicCompiled{id: tp.ID, label: tp.Label, weight: tp.Weight}
		if ct.weight == 0 {
			ct.weight = 1
		}
		if w, ok := cfg.Weights[tp.ID]; ok {
			ct.weight = w
		}
		seen := map[string]bool{}
		for _, kw := range tp.Keywords {
			var ph []string
			for _, w := range strings.Fields(kw) {
				if st := topicStem(w); st != "" {
					ph = append(ph, st)
				}
			}
			key := strings.Join(ph, " ")
			if len(ph) == 0 || seen[key] {
				continue
			}
			seen[key] = true
			ct.phrases = append(ct.phrases, ph)
		}
		sort.SliceStable(ct.phrases, func(i, j int) bool { return len(ct.phrases[i]) > len(ct.phrases[j]) })
		ct.scored = len(ct.phrases) > 0 && ct.weight > 0
		s.topics = append(s.topics, ct)
	}
	for ti, ct := range s.topics {
		if !ct.scored {
			continue
		}
		for pi, ph := range ct.phrases {
			s.byFirst[ph[0]] = append(s.byFirst[ph[0]], [2]int{ti, pi})
			for _, st := range ph {
				s.prefix[st[:min(3, len(st))]] = true
			}
		}
	}
	return s, nil
}

func (s *topicsStage) Name() string { return "topics" }

// ---- words and stems ----

// topicWord is a token reduced to a stem; brk marks punctuation, which
// breaks phrases; empty stem and !brk is a token that is skipped ("’s").
type topicWord struct {
	start, end int
	stem       string
	brk        bool
}

// topicNorm lowercases a word, unifies apostrophes and drops a possessive.
func topicNorm(w string) string {
	w = strings.ToLower(strings.ReplaceAll(w, "’", "'"))
	w = strings.TrimSuffix(w, "'s")
	return strings.Trim(w, "'-")
}

// topicStem returns the stem of a word, stemming each part of a hyphenated
// word; "" if the word has no letter or digit.
func topicStem(w string) string {
	w = topicNorm(w)
	if !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return ""
	}
	parts := strings.Split(w, "-")
	for i, p := range parts {
		if p == "" {
			continue
		}
		if st, err := snowball.Stem(p, "english", true); err == nil {
			parts[i] = st
		}
	}
	return strings.Join(parts, "-")
}

func topicIsWordChar(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// topicWords returns the words of d.Text[start:end], from d.Tokens when the
// tokenizer ran, else from a simple split on letters, digits and inner
// hyphens or apostrophes.
func topicWords(d *pipeline.Doc, start, end int, stems topicStems) (out []topicWord) {
	if stems.words != nil {
		out = (*stems.words)[:0]
		defer func() { *stems.words = out }()
	}
	if len(d.Tokens) > 0 {
		i := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].Start >= start })
		for ; i < len(d.Tokens) && d.Tokens[i].End <= end; i++ {
			t := d.Tokens[i]
			out = append(out, stems.word(t.Start, t.End, t.Text))
		}
		return out
	}
	text := d.Text[start:end]
	i := 0
	for i < len(text) {
		r, size := topicDecode(text[i:])
		if !topicIsWordChar(r) {
			if !unicode.IsSpace(r) {
				out = append(out, topicWord{start: start + i, end: start + i + size, brk: true})
			}
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
			r2, s2 := topicDecode(text[j:])
			if topicIsWordChar(r2) {
				j += s2
				continue
			}
			if r2 == '-' || r2 == '\'' || r2 == '’' {
				if j+s2 < len(text) {
					if r3, _ := topicDecode(text[j+s2:]); topicIsWordChar(r3) {
						j += s2
						continue
					}
				}
			}
			break
		}
		out = append(out, stems.word(start+i, start+j, text[i:j]))
		i = j
	}
	return out
}

func topicDecode(s string) (rune, int) { return utf8.DecodeRuneInString(s) }

// topicStems caches stems within one document: news repeats its words,
// and stemming is the topics stage's main cost. Words that start no
// taxonomy stem are not stemmed at all: snowball rewrites word endings, so
// their stems cannot match.
type topicStems struct {
	cache  map[string]topicWord
	memo   *stemMemo
	prefix map[string]bool // first three bytes of every taxonomy stem, or the whole of a shorter one
	// words is topicWords' buffer, reused paragraph after paragraph: the
	// words of one are read before the next's are made.
	words *[]topicWord
}

func (c topicStems) word(start, end int, text string) topicWord {
	w, ok := c.cache[text]
	if !ok {
		n := topicNorm(text)
		if !c.mayMatch(n) && !topicStemExceptions[n] && n != "n't" &&
			strings.ContainsFunc(n, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			w = topicWord{stem: "\x00"} // a word, but one that matches nothing
		} else {
			w = topicWordOf(0, 0, text, c.memo)
		}
		c.cache[text] = w
	}
	w.start, w.end = start, end
	return w
}

// mayMatch reports whether a normalised word can stem to a taxonomy stem:
// its first three bytes (or, when the stem ends there, two) must start one,
// allowing for snowball's y to i ("flying" is "fli").
func (c topicStems) mayMatch(n string) bool {
	if len(n) < 4 {
		return true
	}
	p := n[:3]
	if c.prefix[p] || c.prefix[n[:2]] {
		return true
	}
	return p[2] == 'y' && c.prefix[p[:2]+"i"]
}

// topicStemExceptions are the words snowball rewrites from the front.
var topicStemExceptions = map[string]bool{"dying": true, "lying": true, "tying": true}

func topicWordOf(start, end int, text string, stems *stemMemo) topicWord {
	n := topicNorm(text)
	if n == "" || n == "s" || n == "n't" || n == "t" {
		return topicWord{start: start, end: end, brk: n == "" && !strings.ContainsAny(text, "'’")}
	}
	st := stems.of(text)
	return topicWord{start: start, end: end, stem: st, brk: st == ""}
}

// ---- thematic matching ----

// topicHits are the thematic scores and evidence of a text, one entry per
// topic of the taxonomy; both are nil while nothing matched, so that a
// document of a million short paragraphs does not hold a million rows.
type topicHits struct {
	raw []float64
	ev  [][]pipeline.Span
}

func (h *topicHits) grow(n int) {
	if h.raw == nil {
		h.raw, h.ev = make([]float64, n), make([][]pipeline.Span, n)
	}
}

// at is topic i's score, 0 when nothing matched.
func (h topicHits) at(i int) float64 {
	if h.raw == nil {
		return 0
	}
	return h.raw[i]
}

// evAt is topic i's evidence.
func (h topicHits) evAt(i int) []pipeline.Span {
	if h.ev == nil {
		return nil
	}
	return h.ev[i]
}

func (s *topicsStage) match(d *pipeline.Doc, words []topicWord) topicHits {
	var h topicHits
	var covered []int // per topic: words before this index are used
	for i, w := range words {
		refs := s.byFirst[w.stem]
		if w.stem == "" || len(refs) == 0 {
			continue
		}
		if covered == nil {
			covered = make([]int, len(s.topics))
		}
		best := map[int]int{} // topic -> end word index of the longest phrase here
		for _, ref := range refs {
			ti, pi := ref[0], ref[1]
			if i < covered[ti] {
				continue
			}
			if e, ok := topicMatchAt(words, i, s.topics[ti].phrases[pi]); ok && e > best[ti] {
				best[ti] = e
			}
		}
		tis := make([]int, 0, len(best))
		for ti := range best {
			tis = append(tis, ti)
		}
		sort.Ints(tis)
		for _, ti := range tis {
			e := best[ti]
			covered[ti] = e
			h.grow(len(s.topics))
			h.raw[ti] += s.topics[ti].weight
			h.ev[ti] = append(h.ev[ti], d.SpanOf(w.start, words[e-1].end))
		}
	}
	return h
}

// topicMatchAt matches the stem sequence ph at words[i:], skipping empty
// non-breaking tokens; it returns the index after the last matched word.
func topicMatchAt(words []topicWord, i int, ph []string) (int, bool) {
	k := 0
	for j := i; j < len(words); j++ {
		w := words[j]
		if w.brk {
			return 0, false
		}
		if w.stem == "" {
			continue
		}
		if w.stem != ph[k] {
			return 0, false
		}
		k++
		if k == len(ph) {
			return j + 1, true
		}
	}
	return 0, false
}

// ---- places and parties ----

// topicEntityCode returns the ISO code an entity belongs to: Country, else
// an alpha-2 ID.
func topicEntityCode(e pipeline.Entity) string {
	if e.Country != "" {
		return e.Country
	}
	if len(e.ID) == 2 && e.ID[0] >= 'A' && e.ID[0] <= 'Z' && e.ID[1] >= 'A' && e.ID[1] <= 'Z' {
		return e.ID
	}
	return ""
}

// topicPartyCodes returns the document's parties: the country codes of its
// participants, in order of first appearance.
func topicPartyCodes(d *pipeline.Doc) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range d.Participants {
		if p.CountryCode != "" && !seen[p.CountryCode] {
			seen[p.CountryCode] = true
			out = append(out, p.CountryCode)
		}
	}
	return out
}

func topicIsAreaSubtype(st string) bool {
	switch st {
	case "country", "territory", "region", "":
		return true
	}
	return false
}

// topicPlace is an entity seen as evidence for a place issue.
type topicPlace struct {
	key     string // canonical name
	weight  float64
	feature bool
	span    pipeline.Span
}

// placeMentions classifies the document's entities: mentions of place issues
// (parties excluded), in text order.
func (s *topicsStage) placeMentions(d *pipeline.Doc) []topicPlace {
	parties := map[string]bool{}
	for _, c := range topicPartyCodes(d) {
		parties[c] = true
	}
	// Country codes of non-party areas, to attach cities to them.
	codeKey := map[string]string{}
	for _, e := range d.Entities {
		if e.Label == pipeline.Place && topicIsAreaSubtype(e.Subtype) && e.Subtype != "region" {
			if c := topicEntityCode(e); c != "" && !parties[c] && codeKey[c] == "" {
				codeKey[c] = topicCanonical(e)
			}
		}
	}
	var out []topicPlace
	for _, e := range d.Entities {
		if e.Start < 0 || e.End > len(d.Text) || e.Start >= e.End {
			continue
		}
		code := topicEntityCode(e)
		if code != "" && parties[code] {
			continue
		}
		sp := d.SpanOf(e.Start, e.End)
		switch {
		case e.Label == pipeline.NORP:
			if e.Country != "" && e.Canonical != "" {
				out = append(out, topicPlace{key: e.Canonical, weight: s.cfg.PlaceWeight, span: sp})
			}
		case e.Label != pipeline.Place:
		case e.Subtype == "city":
			if k := codeKey[code]; code != "" && k != "" {
				out = append(out, topicPlace{key: k, weight: s.cfg.CityWeight, span: sp})
			}
		case e.Subtype == "feature":
			out = append(out, topicPlace{key: topicCanonical(e), weight: s.cfg.FeatureWeight, feature: true, span: sp})
		case topicIsAreaSubtype(e.Subtype):
			if e.Subtype == "" && code == "" {
				continue
			}
			out = append(out, topicPlace{key: topicCanonical(e), weight: s.cfg.PlaceWeight, span: sp})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].span.Start < out[j].span.Start })
	return out
}

// mentionsFrom is the tail of mentions (sorted by start) that starts at
// byte start or later: a paragraph's are found without a scan of all.
func mentionsFrom(mentions []topicPlace, start int) []topicPlace {
	return mentions[sort.Search(len(mentions), func(i int) bool { return mentions[i].span.Start >= start }):]
}

func topicCanonical(e pipeline.Entity) string {
	if e.Canonical != "" {
		return e.Canonical
	}
	return e.Text
}

// ---- per-paragraph evidence ----

// topicEvidence is what one paragraph (or a block, or a section) says.
type topicEvidence struct {
	hits     topicHits
	places   []string // distinct non-feature place keys, first mention order
	features []string
	placeW   map[string]float64
	placeEv  map[string][]pipeline.Span
}

func (s *topicsStage) evidence(d *pipeline.Doc, start, end int, mentions []topicPlace, stems topicStems) *topicEvidence {
	pe := &topicEvidence{hits: s.match(d, topicWords(d, start, end, stems))}
	for _, m := range mentionsFrom(mentions, start) {
		if m.span.Start >= end {
			break
		}
		if m.span.End > end {
			continue
		}
		if _, ok := pe.placeW[m.key]; !ok {
			if m.feature {
				pe.features = append(pe.features, m.key)
			} else {
				pe.places = append(pe.places, m.key)
			}
		} else if !m.feature && topicContains(pe.features, m.key) && !topicContains(pe.places, m.key) {
			pe.places = append(pe.places, m.key)
		}
		pe.addPlace(m.key, m.weight, m.span)
	}
	return pe
}

// addPlace adds weight and evidence to a place, making the maps on the
// first one: most short paragraphs name no place.
func (pe *topicEvidence) addPlace(key string, w float64, ev ...pipeline.Span) {
	if pe.placeW == nil {
		pe.placeW, pe.placeEv = map[string]float64{}, map[string][]pipeline.Span{}
	}
	pe.placeW[key] += w
	pe.placeEv[key] = append(pe.placeEv[key], ev...)
}

func topicContains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// merge adds o into pe (to judge a block or a section as a whole).
func (pe *topicEvidence) merge(o *topicEvidence) {
	if o.hits.raw != nil {
		pe.hits.grow(len(o.hits.raw))
	}
	for i := range o.hits.raw {
		pe.hits.raw[i] += o.hits.raw[i]
		pe.hits.ev[i] = append(pe.hits.ev[i], o.hits.ev[i]...)
	}
	for _, k := range o.places {
		if !topicContains(pe.places, k) {
			pe.places = append(pe.places, k)
		}
	}
	for _, k := range o.features {
		if !topicContains(pe.features, k) {
			pe.features = append(pe.features, k)
		}
	}
	for k, w := range o.placeW {
		pe.addPlace(k, w, o.placeEv[k]...)
	}
}

func (s *topicsStage) emptyEvidence() *topicEvidence { return &topicEvidence{} }

// strongest returns the index of the thematic topic with the highest score
// (ties: taxonomy order), or -1.
func (pe *topicEvidence) strongest() int {
	best, bw := -1, 0.0
	for i, w := range pe.hits.raw {
		if w > bw {
			best, bw = i, w
		}
	}
	return best
}

// topicChoice is a decided topic: a thematic index or a place key.
type topicChoice struct {
	thematic int // -1 when place
	place    string
}

func (c topicChoice) none() bool { return c.thematic < 0 && c.place == "" }

func topicThematic(i int) topicChoice { return topicChoice{thematic: i} }

// ---- Process ----

// Process fills d.Paragraphs[i].Topics and d.Topics.
func (s *topicsStage) Process(ctx context.Context, d *pipeline.Doc) error {
	d.Topics = nil
	for i := range d.Paragraphs {
		d.Paragraphs[i].Topics = nil
	}
	if len(d.Paragraphs) == 0 {
		return nil
	}
	mentions := s.placeMentions(d)
	stems := topicStems{cache: map[string]topicWord{}, memo: s.stems, prefix: s.prefix, words: new([]topicWord)}
	labels := placeLabels(d)
	n := len(d.Paragraphs)
	ev := make([]*topicEvidence, n)
	for i, p := range d.Paragraphs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p.Start < 0 || p.End > len(d.Text) || p.Start > p.End {
			return fmt.Errorf("paragraph %d: span %d..%d out of range", i, p.Start, p.End)
		}
		ev[i] = s.evidence(d, p.Start, p.End, mentions, stems)
	}
	docEv := s.emptyEvidence()
	for _, e := range ev {
		docEv.merge(e)
	}
	docTheme := topicThematic(docEv.strongest())

	// Section of each paragraph: the heading opening it, or -1.
	sectionOf := make([]int, n)
	for i, p := range d.Paragraphs {
		sec := p.Section
		if p.Kind == pipeline.Heading {
			sec = i
		}
		if sec < -1 || sec >= n {
			sec = -1
		}
		sectionOf[i] = sec
	}
	secEv := map[int]*topicEvidence{}
	for i := range d.Paragraphs {
		se := secEv[sectionOf[i]]
		if se == nil {
			se = s.emptyEvidence()
			secEv[sectionOf[i]] = se
		}
		se.merge(ev[i])
	}
	// Section issues.
	secIssue := map[int]topicChoice{}
	for sec, se := range secEv {
		if sec < 0 {
			c := topicThematic(se.strongest())
			if c.none() {
				c = docTheme
			}
			secIssue[sec] = c
			continue
		}
		secIssue[sec] = s.sectionIssue(ev[sec], se, docTheme)
	}

	// Blocks judged as one paragraph.
	blockEv := map[int]*topicEvidence{}
	for i, p := range d.Paragraphs {
		if p.Block < 0 || (p.Kind != pipeline.ListItem && p.Kind != pipeline.TableRow) {
			continue
		}
		be := blockEv[p.Block]
		if be == nil {
			be = s.emptyEvidence()
			blockEv[p.Block] = be
		}
		be.merge(ev[i])
	}

	for i, p := range d.Paragraphs {
		sec := sectionOf[i]
		var c topicChoice
		kind := "" // how c was decided, for evidence
		switch {
		case p.Kind == pipeline.Heading:
			c, kind = secIssue[sec], "heading"
		case (p.Kind == pipeline.ListItem || p.Kind == pipeline.TableRow) && p.Block >= 0:
			if k := s.firstCellPlace(d, p, mentions); k != "" {
				c, kind = topicChoice{thematic: -1, place: k}, "entity"
			} else {
				c, kind = s.paragraphChoice(blockEv[p.Block], sec, secIssue[sec], docTheme)
			}
		default:
			c, kind = s.paragraphChoice(ev[i], sec, secIssue[sec], docTheme)
		}
		d.Paragraphs[i].Topics = s.paragraphTopics(d, ev[i], c, kind, sec, labels)
	}

	// Document aggregate: the mean of paragraph scores, so that it stays on
	// the paragraphs' 0..1 scale whatever the document's length.
	agg := map[string]*pipeline.TopicScore{}
	for _, p := range d.Paragraphs {
		for _, ts := range p.Topics {
			a := agg[ts.Topic]
			if a == nil {
				a = &pipeline.TopicScore{Topic: ts.Topic, Label: ts.Label}
				agg[ts.Topic] = a
			}
			a.Score += ts.Score
		}
	}
	for _, a := range agg {
		a.Score = topicRound(a.Score / float64(len(d.Paragraphs)))
		d.Topics = append(d.Topics, *a)
	}
	sort.Slice(d.Topics, func(i, j int) bool {
		if d.Topics[i].Score != d.Topics[j].Score {
			return d.Topics[i].Score > d.Topics[j].Score
		}
		return d.Topics[i].Topic < d.Topics[j].Topic
	})
	if s.model != nil {
		s.addModelTopics(d)
	}
	return nil
}

func topicRound(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// sectionIssue decides a section's issue from its heading's evidence he and
// the whole section's evidence se.
func (s *topicsStage) sectionIssue(he, se *topicEvidence, docTheme topicChoice) topicChoice {
	switch len(he.places) {
	case 0:
	case 1:
		return topicChoice{thematic: -1, place: he.places[0]}
	default:
		// A dominant one: at least twice the section weight of any other.
		ks := append([]string(nil), he.places...)
		sort.SliceStable(ks, func(i, j int) bool { return se.placeW[ks[i]] > se.placeW[ks[j]] })
		if se.placeW[ks[0]] >= 2*se.placeW[ks[1]] {
			return topicChoice{thematic: -1, place: ks[0]}
		}
	}
	if t := se.strongest(); t >= 0 {
		return topicThematic(t)
	}
	return docTheme
}

// paragraphChoice applies rule 2 to a text paragraph (or a block).
func (s *topicsStage) paragraphChoice(pe *topicEvidence, sec int, secC, docTheme topicChoice) (topicChoice, string) {
	own := topicThematic(pe.strongest())
	if sec < 0 {
		switch {
		case len(pe.places) >= 2:
			if !own.none() {
				return own, "stem"
			}
			return secC, "section"
		case len(pe.places) == 1 || (len(pe.places) == 0 && len(pe.features) == 1):
			k := append(pe.places, pe.features...)[0]
			if own.none() || pe.placeW[k] >= pe.hits.at(own.thematic) {
				return topicChoice{thematic: -1, place: k}, "entity"
			}
			return own, "stem"
		default:
			if !own.none() {
				return own, "stem"
			}
			return secC, "section"
		}
	}
	if secC.place != "" && topicContains(pe.places, secC.place) {
		return secC, "section"
	}
	if len(pe.places) == 1 {
		return topicChoice{thematic: -1, place: pe.places[0]}, "entity"
	}
	if secC.none() {
		if !own.none() {
			return own, "stem"
		}
		return docTheme, "document"
	}
	return secC, "section"
}

// firstCellPlace returns the place issue named alone in the first cell of a
// table row (text before the first "|") or the lead of a list item (text
// before ":" or a dash separator), or "".
func (s *topicsStage) firstCellPlace(d *pipeline.Doc, p pipeline.Paragraph, mentions []topicPlace) string {
	text := d.Text[p.Start:p.End]
	cut := -1
	if p.Kind == pipeline.TableRow {
		cut = strings.Index(text, "|")
		if cut < 0 {
			cut = len(text)
		}
	} else {
		for _, sep := range []string{":", " – ", " — ", " - "} {
			if k := strings.Index(text, sep); k >= 0 && (cut < 0 || k < cut) {
				cut = k
			}
		}
	}
	if cut < 0 {
		return ""
	}
	var keys []string
	for _, m := range mentionsFrom(mentions, p.Start) {
		if m.span.Start >= p.Start+cut {
			break
		}
		if m.feature || m.span.End > p.Start+cut {
			continue
		}
		if !topicContains(keys, m.key) {
			keys = append(keys, m.key)
		}
	}
	if len(keys) == 1 {
		return keys[0]
	}
	return ""
}

// placeLabels maps each place's canonical name to the form the text uses
// most ("Gaza" for the Gaza Strip), so an issue reads as the article does;
// the topic id keeps the canonical name.
func placeLabels(d *pipeline.Doc) map[string]string {
	counts := map[string]map[string]int{}
	var order []string
	for _, e := range d.Entities {
		if e.Label != pipeline.Place || e.Canonical == "" {
			continue
		}
		m := counts[e.Canonical]
		if m == nil {
			m = map[string]int{}
			counts[e.Canonical] = m
		}
		text := oneLine(e.Text)
		if m[text] == 0 {
			order = append(order, e.Canonical+"\x00"+text)
		}
		m[text]++
	}
	labels := map[string]string{}
	best := map[string]int{}
	for _, k := range order { // first seen wins ties
		canon, text, _ := strings.Cut(k, "\x00")
		if n := counts[canon][text]; n > best[canon] {
			labels[canon], best[canon] = text, n
		}
	}
	return labels
}

func placeLabel(labels map[string]string, canon string) string {
	if l, ok := labels[canon]; ok {
		return l
	}
	return canon
}

// paragraphTopics builds a paragraph's topic list: the primary first with
// score 1, then the other topics with evidence, scored 0.9*raw/max raw,
// at least the threshold.
func (s *topicsStage) paragraphTopics(d *pipeline.Doc, pe *topicEvidence, c topicChoice, kind string, sec int, labels map[string]string) []pipeline.TopicScore {
	var out []pipeline.TopicScore
	maxRaw := 0.0
	for _, w := range pe.hits.raw {
		maxRaw = math.Max(maxRaw, w)
	}
	for _, w := range pe.placeW {
		maxRaw = math.Max(maxRaw, w)
	}
	var headSpan *pipeline.Span
	if sec >= 0 {
		h := d.Paragraphs[sec]
		sp := d.SpanOf(h.Start, h.End)
		headSpan = &sp
	}
	if !c.none() {
		ts := pipeline.TopicScore{Score: 1}
		if c.place != "" {
			ts.Topic, ts.Label = PlaceTopicPrefix+c.place, placeLabel(labels, c.place)
			for _, sp := range pe.placeEv[c.place] {
				ts.Evidence = append(ts.Evidence, pipeline.Evidence{Kind: "entity", Span: sp})
			}
		} else {
			t := s.topics[c.thematic]
			ts.Topic, ts.Label = t.id, t.label
			for _, sp := range pe.hits.evAt(c.thematic) {
				ts.Evidence = append(ts.Evidence, pipeline.Evidence{Kind: "stem", Span: sp})
			}
		}
		if headSpan != nil && (kind == "heading" || kind == "section") {
			ts.Evidence = append(ts.Evidence, pipeline.Evidence{Kind: kind, Span: *headSpan})
		}
		out = append(out, ts)
	}
	if maxRaw == 0 {
		return out
	}
	var rest []pipeline.TopicScore
	for ti, w := range pe.hits.raw {
		if w == 0 || (c.place == "" && c.thematic == ti) {
			continue
		}
		sc := topicRound(0.9 * w / maxRaw)
		if sc < s.cfg.Threshold {
			continue
		}
		ts := pipeline.TopicScore{Topic: s.topics[ti].id, Label: s.topics[ti].label, Score: sc}
		for _, sp := range pe.hits.ev[ti] {
			ts.Evidence = append(ts.Evidence, pipeline.Evidence{Kind: "stem", Span: sp})
		}
		rest = append(rest, ts)
	}
	for _, k := range append(append([]string(nil), pe.places...), pe.features...) {
		if k == c.place {
			continue
		}
		sc := topicRound(0.9 * pe.placeW[k] / maxRaw)
		if sc < s.cfg.Threshold {
			continue
		}
		ts := pipeline.TopicScore{Topic: PlaceTopicPrefix + k, Label: placeLabel(labels, k), Score: sc}
		for _, sp := range pe.placeEv[k] {
			ts.Evidence = append(ts.Evidence, pipeline.Evidence{Kind: "entity", Span: sp})
		}
		rest = append(rest, ts)
	}
	sort.SliceStable(rest, func(i, j int) bool { return rest[i].Score > rest[j].Score })
	return append(out, rest...)
}

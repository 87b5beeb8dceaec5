package gazetteer

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func mustDefault(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// matches returns the matched spans of text (split on spaces) as
// "span=kind:country" strings.
func matches(g *Gazetteer, text string) []string {
	words := strings.Fields(text)
	var out []string
	for _, m := range g.Match(words) {
		e := m.Entries[0]
		s := strings.Join(words[m.Start:m.End], " ") + "=" + e.Kind + ":" + e.Country
		if m.Ambiguous {
			s += "?"
		}
		out = append(out, s)
	}
	return out
}

func TestMatch(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		text string
		want string
	}{
		{"Egypt", "Egypt=country:EG"},
		{"the Egyptian army", "Egyptian=demonym:EG"},
		{"Egypt ’s foreign ministry", "Egypt=country:EG"},
		{"Egypt 's army", "Egypt=country:EG"},
		{"the United States and the U.S. and US", "United States=country:US U.S.=country:US US=country:US"},
		{"across North Africa", "North Africa=region:"},
		{"in Gaza", "Gaza=territory:PS"},
		{"the Nile", "Nile=feature:"},
		{"EGYPT AND RUSSIA", "EGYPT=country:EG RUSSIA=country:RU"},
		{"roast turkey", ""},
		{"Turkey", "Turkey=country:TR"},
		{"Jordan", "Jordan=country:JO?"},
		{"the Gaza Strip", "Gaza Strip=territory:PS"},
		{"South Sudan", "South Sudan=country:SS"},
		{"Sudan", "Sudan=country:SD"},
		{"the Islamic Republic of Iran", "Islamic Republic of Iran=country:IR"},
		{"Russian and Palestinian officials", "Russian=demonym:RU Palestinian=demonym:PS"},
		{"the United Nations", "United Nations=org:"},
		// an acronym written with full stops is the acronym; a word is not one
		{"the U.N. and the UN", "U.N.=org: UN=org:"},
		{"O.K. then", ""},
		{"chad", ""},
		// a name's inner function word in lower case; never a first or last word
		{"Médecins sans Frontières", "Médecins sans Frontières=org:CH"},
		{"the islamic republic of Iran", "Iran=country:IR"},
		// diacritics the list spells otherwise ("ş" for "ș") or leaves out
		{"in Ploiești", "Ploiești=city:RO"},
		{"in Brașov and Brasov", "Brașov=city:RO Brasov=city:RO"},
	}
	for _, tt := range tests {
		got := strings.Join(matches(g, tt.text), " ")
		if got != tt.want {
			t.Errorf("Match(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestEntries(t *testing.T) {
	g := mustDefault(t)
	es := g.Lookup("Cairo")
	if len(es) == 0 || es[0].Kind != City || !es[0].Capital || es[0].Country != "EG" || es[0].ID != "geonames:360630" {
		t.Errorf("Lookup(Cairo) = %v", es)
	}
	es = g.Lookup("Moscow")
	if len(es) == 0 || !es[0].Capital || es[0].Country != "RU" {
		t.Errorf("Lookup(Moscow) = %v", es)
	}
	// A place or a body named so comes before one that has the form as
	// another name, capital or not.
	if es := g.Lookup("Delhi"); len(es) == 0 || es[0].Name != "Delhi" || es[0].Country != "IN" {
		t.Errorf("Lookup(Delhi) = %v, want Delhi, India", es)
	}
	if es := g.Lookup("Organization of the Petroleum Exporting Countries"); len(es) == 0 || es[0].Name != "Organization of the Petroleum Exporting Countries" {
		t.Errorf("Lookup(Organization of the Petroleum Exporting Countries) = %v, want OPEC itself", es)
	}
	// A name is split as the forms are: a possessive apart, "the" off.
	for _, name := range []string{"People's Bank of China", "People’s Bank of China", "the People's Bank of China"} {
		if es := g.Lookup(name); len(es) == 0 || es[0].Country != "CN" {
			t.Errorf("Lookup(%s) = %v, want the People's Bank of China", name, es)
		}
	}
	if c, ok := g.Capital("ru"); !ok || c.Name != "Moscow" {
		t.Errorf("Capital(ru) = %v, %v", c, ok)
	}
	if c, ok := g.Country("EG"); !ok || c.Name != "Egypt" || c.Kind != Country || c.ID != "EG" {
		t.Errorf("Country(EG) = %v, %v", c, ok)
	}
	for _, name := range []string{"United States", "United Kingdom", "Russia", "Iran", "Syria", "South Korea", "North Korea", "Palestine", "Vatican City", "Czechia"} {
		es := g.Lookup(name)
		if len(es) == 0 || es[0].Kind != Country || es[0].Name != name {
			t.Errorf("Lookup(%q) = %v, want the country", name, es)
		}
	}
	for form, cc := range map[string]string{"USA": "US", "America": "US", "UK": "GB", "Britain": "GB", "Great Britain": "GB",
		"Russian Federation": "RU", "Syrian Arab Republic": "SY", "UAE": "AE", "DRC": "CD"} {
		if es := g.Lookup(form); len(es) == 0 || es[0].ID != cc {
			t.Errorf("Lookup(%q) = %v, want %s", form, es, cc)
		}
	}
	for form, cc := range map[string]string{"American": "US", "British": "GB", "Egyptian": "EG", "Libyan": "LY"} {
		if es := g.Lookup(form); len(es) == 0 || es[0].Kind != Demonym || es[0].Country != cc {
			t.Errorf("Lookup(%q) = %v, want demonym of %s", form, es, cc)
		}
	}
	if es := g.Lookup("Gaza"); len(es) == 0 || es[0].Kind != Territory || es[0].Country != "PS" {
		t.Errorf("Lookup(Gaza) = %v", es)
	}
	// Parties from the Factbook, with their country; not a one-word
	// name that is an English word, nor an abbreviation.
	for form, cc := range map[string]string{"Likud": "IL", "Fidesz": "HU", "Forza Italia": "IT", "Plaid Cymru": "GB"} {
		if es := g.Lookup(form); len(es) == 0 || es[0].Kind != Org || es[0].Country != cc {
			t.Errorf("Lookup(%q) = %v, want a party of %s", form, es, cc)
		}
	}
	for _, form := range []string{"Dignity", "Renaissance", "PCT", "CPI", "New People", "Communist Party"} {
		for _, e := range g.Lookup(form) {
			if e.Kind == Org {
				t.Errorf("Lookup(%q) = %v, want no body", form, e)
			}
		}
	}
	if es := g.Lookup("turkey"); es != nil {
		t.Errorf("Lookup(turkey) = %v, want none", es)
	}
	// A state added after the entity model was trained is marked so.
	if es := g.Lookup("Louisiana"); len(es) == 0 || es[0].Kind != Territory || es[0].Country != "US" || !es[0].Late {
		t.Errorf("Lookup(Louisiana) = %v, want a late US territory", es)
	}
	if es := g.Lookup("Texas"); len(es) == 0 || es[0].Late {
		t.Errorf("Lookup(Texas) = %v, want a territory the model knows", es)
	}
	// Armed groups are bodies, added late, with their country.
	if es := g.Lookup("Abu Sayyaf"); len(es) == 0 || es[0].Kind != Org || es[0].Country != "PH" || !es[0].Late {
		t.Errorf("Lookup(Abu Sayyaf) = %v, want a late Philippine body", es)
	}
}

// TestMatchTrained: a late entry neither matches nor hides, in
// MatchTrained, a shorter name the model was trained with inside it;
// Match finds the longest.
func TestMatchTrained(t *testing.T) {
	g := mustDefault(t)
	words := strings.Fields("Talks with the Bank of England ended")
	span := func(ms []Match) []string {
		var out []string
		for _, m := range ms {
			out = append(out, strings.Join(words[m.Start:m.End], " "))
		}
		return out
	}
	if got := span(g.Match(words)); !slices.Equal(got, []string{"Bank of England"}) {
		t.Errorf("Match = %q, want the central bank", got)
	}
	if got := span(g.MatchTrained(words)); !slices.Equal(got, []string{"England"}) {
		t.Errorf("MatchTrained = %q, want the country inside the late name", got)
	}
}

func TestOfficials(t *testing.T) {
	g := mustDefault(t)
	for _, name := range []string{"Sergey Lavrov", "SERGEY LAVROV"} {
		os := g.Officials(name)
		found := false
		for _, o := range os {
			if o.Country == "RU" && o.Role == "Foreign Minister" && o.QID == "Q58217" && o.AsOf == "2023-01" {
				found = true
			}
		}
		if !found {
			t.Errorf("Officials(%q) = %v", name, os)
		}
	}
	// CIA style upper-cased surnames are title-cased.
	if os := g.Officials("Abdel Fattah el-Sisi"); len(os) == 0 || os[0].Country != "EG" {
		t.Errorf("Officials(el-Sisi) = %v", os)
	}
	if os := g.Officials("António Guterres"); len(os) == 0 || g.Officials("antonio guterres") == nil {
		t.Errorf("Officials(Guterres) = %v, diacritics-insensitive lookup failed", os)
	}
	// Every member of a government in the CIA's list, not only heads and
	// foreign ministers.
	if os := g.Officials("Hamdullah Mohib"); len(os) != 1 || os[0].Country != "AF" || os[0].Role != "Official" {
		t.Errorf("Officials(Hamdullah Mohib) = %v, want Afghanistan's ambassador to the US", os)
	}
	// A head of state named in three words is known by the first and the
	// last as well; another member of a government is not, whose last
	// word may be a mother's surname ("Raul Perez Reyes").
	if os := g.Officials("John Magufuli"); len(os) != 1 || os[0].Country != "TZ" {
		t.Errorf("Officials(John Magufuli) = %v, want Tanzania's president", os)
	}
	if os := g.Officials("Raul Reyes"); len(os) != 0 {
		t.Errorf("Officials(Raul Reyes) = %v, want none", os)
	}
}

// TestDescriptors: words for a person that open a sentence before a name
// and are never part of it, nor a post; a title is none.
func TestDescriptors(t *testing.T) {
	tl := mustDefault(t).Titles()
	for _, w := range []string{"Welshman", "Scotswoman", "Conductor", "guitarist", "referee", "actor"} {
		if !tl.IsDescriptor(w) {
			t.Errorf("IsDescriptor(%q) = false", w)
		}
	}
	for _, w := range []string{"Minister", "Dean", "Welsh"} {
		if tl.IsDescriptor(w) {
			t.Errorf("IsDescriptor(%q) = true", w)
		}
	}
}

func TestTitles(t *testing.T) {
	tl := mustDefault(t).Titles()
	tests := []struct {
		text  string
		n     int
		canon string
	}{
		{"Deputy Foreign Minister Ali", 3, "Deputy Foreign Minister"},
		{"foreign minister", 2, "Foreign Minister"},
		{"Secretary of State Blinken", 3, "Secretary of State"},
		{"Secretary-General", 1, "Secretary-General"},
		{"section director", 2, "Section Director"},
		{"department chief", 2, "Chief"},
		{"Head", 1, "Head"},
		{"Minister of Foreign Affairs Sameh Shoukry", 4, "Foreign Minister"},
		{"acting deputy foreign minister", 4, "Acting Deputy Foreign Minister"},
		{"President Putin", 1, "President"},
		{"Vice-President", 1, "Vice President"},
		{"Executive Vice-President Ana Lee", 2, "Executive Vice President"},
		{"Lieutenant-General Ray Cole", 1, "Lieutenant-General"},
		{"Gen Ray Cole", 1, "General"},
		{"Lt Col Ann Holt", 2, "Lieutenant Colonel"},
		{"First Deputy Prime Minister", 4, "First Deputy Prime Minister"},
		{"first prime minister", 0, ""},
		{"First Lady", 2, "First Lady"},
		{"well-known", 0, ""},
		{"the minister", 0, ""},
		{"former", 0, ""},
	}
	for _, tt := range tests {
		n, c := tl.Match(strings.Fields(tt.text), 0)
		if n != tt.n || c != tt.canon {
			t.Errorf("Titles.Match(%q) = %d, %q; want %d, %q", tt.text, n, c, tt.n, tt.canon)
		}
	}
	// A post that a modifier opens wins over a professional head: an
	// interim chief executive holds a post, a senior analyst has a trade;
	// "first" composes with no "chief".
	for _, tt := range []struct {
		text         string
		canon        string
		professional bool
	}{
		{"interim chief executive", "Interim Chief Executive", false},
		{"acting chief executive", "Acting Chief Executive", false},
		{"senior analyst", "Senior Analyst", true},
		{"first chief executive", "", false},
	} {
		if m := tl.MatchPlural(strings.Fields(tt.text), 0); m.Canonical != tt.canon || m.Professional != tt.professional {
			t.Errorf("Titles.MatchPlural(%q) = %+v; want %q, professional %v", tt.text, m, tt.canon, tt.professional)
		}
	}
	// Past the last word there is no title (a caller may step over a
	// final honorific: "They met President Mr").
	if n, _ := tl.Match([]string{"President", "Mr"}, 2); n != 0 {
		t.Errorf("Titles.Match past the end = %d, want 0", n)
	}
	for _, w := range []string{"president", "minister", "ambassador", "chief", "head", "director", "spokesperson", "secretary", "envoy"} {
		if !tl.IsHead(w) {
			t.Errorf("IsHead(%q) = false", w)
		}
	}
	if tl.IsHead("deputy") || !tl.IsModifier("deputy") {
		t.Error("deputy should be a modifier, not a head")
	}
}

func TestSingular(t *testing.T) {
	for plural, want := range map[string]string{"presidents": "president", "deputies": "deputy", "spokesmen": "spokesman",
		"coaches": "coach", "witnesses": "witness", "mps": "mp", "boss": "", "sens.": "sen.", "govs.": "gov.", "mrs.": ""} {
		if got, _ := Singular(plural); got != want {
			t.Errorf("Singular(%q) = %q, want %q", plural, got, want)
		}
	}
}

func TestWithFile(t *testing.T) {
	g := mustDefault(t)
	dir := t.TempDir()
	tsv := filepath.Join(dir, "extra.tsv")
	os.WriteFile(tsv, []byte("name\tkind\tid\tcountry\taliases\nAcme Widgets\torg\tQ1\tEG\tAcme|AW Group\n"), 0o644)
	yml := filepath.Join(dir, "extra.yaml")
	os.WriteFile(yml, []byte("- name: Zembla\n  kind: territory\n  country: RU\n  aliases: [Nova Zembla]\n"), 0o644)

	g2, err := g.WithFile(tsv)
	if err != nil {
		t.Fatal(err)
	}
	g3, err := g2.WithFile(yml)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(matches(g3, "Acme and AW Group in Nova Zembla near Egypt"), " "); got != "Acme=org:EG AW Group=org:EG Nova Zembla=territory:RU Egypt=country:EG" {
		t.Errorf("matches = %q", got)
	}
	if g.Lookup("Acme") != nil || g2.Lookup("Zembla") != nil {
		t.Error("WithFile changed its receiver")
	}
	// The reference data beside the index comes along.
	if !g3.KnownAcronym("EU", "European Union") || g3.OfficeFits("US", "Prime Minister") || g3.OfficeFits("GB", "Senator") ||
		len(g3.Officials("Sergey Lavrov")) == 0 || !g3.GivenName("Sergey") || !g3.Titles().IsHead("minister") {
		t.Error("WithFile lost reference data other than names")
	}
	if _, err := g.WithFile(filepath.Join(dir, "missing.tsv")); err == nil {
		t.Error("WithFile(missing) succeeded")
	}
}

// TestGenerate checks that the generator is deterministic and that the
// committed data files are its current output.
func TestGenerate(t *testing.T) {
	src := filepath.Join("..", "..", "shared", "data", "gazetteer")
	if _, err := os.Stat(src); err != nil {
		t.Skipf("source data %s not available: %v", src, err)
	}
	if testing.Short() {
		t.Skip("skipping generator run in short mode")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found")
	}
	var outs [2]string
	for i := range outs {
		outs[i] = t.TempDir()
		cmd := exec.Command(goBin, "run", "./internal/gen", "-src", src, "-out", outs[i])
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("gen: %v\n%s", err, b)
		}
	}
	for _, name := range []string{"countries.tsv", "cities.tsv", "orgs.tsv", "officials.tsv", "titles.tsv", "parties.tsv", "known_acronyms.txt", "heads.tsv", "senates.tsv"} {
		a, _ := os.ReadFile(filepath.Join(outs[0], name))
		b, _ := os.ReadFile(filepath.Join(outs[1], name))
		c, _ := os.ReadFile(filepath.Join("data", name))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s: generator output is not deterministic", name)
		}
		if !bytes.Equal(a, c) {
			t.Errorf("data/%s is stale; run go generate", name)
		}
	}
}

func BenchmarkMatch(b *testing.B) {
	g := mustDefault(b)
	words := strings.Fields(`Egyptian Foreign Minister Sameh Shoukry met his Russian counterpart Sergey Lavrov in Cairo on Monday ,
		the Foreign Ministry said in a statement , as talks on the war in Gaza and the Red Sea continued . The two discussed
		the situation in Sudan , Libya and the Gaza Strip , as well as cooperation between Egypt and Russia in North Africa
		and the Middle East , according to the statement carried by the state news agency MENA and Reuters .`)
	b.ResetTimer()
	for b.Loop() {
		g.Match(words)
	}
	b.ReportMetric(float64(b.N)*float64(len(words))/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := load(); err != nil {
			b.Fatal(err)
		}
	}
}

func TestLowerWord(t *testing.T) {
	g := mustDefault(t)
	for w, want := range map[string]bool{"technology": true, "Operations": true, "money": true, "the": true,
		"Bush": false, "Paris": false, "Tuesday": false, "Obama": false} {
		if got := g.LowerWord(w); got != want {
			t.Errorf("LowerWord(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestOfficeFits: a head's title fits the countries the Factbook gives it
// to, a senator the countries with a Senate, a title only one country
// gives that country, and any title fits a country it gives none for.
func TestOfficeFits(t *testing.T) {
	g := mustDefault(t)
	for _, c := range []struct {
		iso, title string
		want       bool
	}{
		{"US", "President", true}, {"US", "Prime Minister", false}, {"US", "Premier", false},
		{"GB", "Prime Minister", true}, {"GB", "President", false},
		{"ES", "Prime Minister", true}, {"CN", "Premier", true}, {"FR", "Prime Minister", true},
		{"FR", "President", true}, {"US", "King", true}, {"US", "Foreign Minister", true}, {"PE", "Prime Minister", true},
		{"XX", "President", true},
		{"US", "Senator", true}, {"IT", "Senator", true}, {"PH", "Senator", true}, {"AU", "Senator", true},
		{"IR", "Senator", false}, {"GB", "Senator", false}, {"IQ", "Senator", false}, {"XX", "Senator", true},
		{"IR", "Independent Senator", false}, {"US", "Junior Senator", true},
		// a title only one country gives; near misses: one more give, or
		// one spelt one way for two
		{"GB", "Foreign Secretary", true}, {"IN", "Foreign Secretary", false}, {"US", "Secretary of State", true},
		{"IR", "Secretary of State", false}, {"GB", "Chancellor of the Exchequer", true}, {"JP", "Chancellor of the Exchequer", false},
		{"AR", "Treasury Secretary", true}, {"US", "Defence Secretary", true},
	} {
		if got := g.OfficeFits(c.iso, c.title); got != c.want {
			t.Errorf("OfficeFits(%s, %s) = %v, want %v", c.iso, c.title, got, c.want)
		}
	}
}

// TestCounterpartTitle: a counterpart holds the office under the title
// of its own country; a title of one country's becomes the common one
// elsewhere, or where the country is unknown; an office no country names
// otherwise keeps its title.
func TestCounterpartTitle(t *testing.T) {
	g := mustDefault(t)
	for _, c := range []struct{ title, iso, want string }{
		{"Foreign Minister", "GB", "Foreign Secretary"}, {"Foreign Minister", "US", "Secretary of State"},
		{"Foreign Secretary", "CN", "Foreign Minister"}, {"Secretary of State", "IR", "Foreign Minister"},
		{"Foreign Secretary", "US", "Secretary of State"}, {"Foreign Secretary", "", "Foreign Minister"},
		{"Home Secretary", "FR", "Interior Minister"}, {"Interior Minister", "GB", "Home Secretary"},
		{"Foreign Minister", "FR", "Foreign Minister"},
		{"Prime Minister", "IL", "Prime Minister"}, {"Chancellor", "DE", "Chancellor"}, {"Trade Minister", "GB", "Trade Minister"},
	} {
		if got := g.CounterpartTitle(c.title, c.iso); got != c.want {
			t.Errorf("CounterpartTitle(%s, %s) = %q, want %q", c.title, c.iso, got, c.want)
		}
	}
}

// TestInternationalBody: a known organisation of no one country is an
// international body; a state's, a broadcaster's or an unknown one is not.
func TestInternationalBody(t *testing.T) {
	g := mustDefault(t)
	for name, want := range map[string]bool{
		"United Nations": true, "World Trade Organization": true,
		"BBC": false, "White House": false, "Harbour Board of Lakeview": false,
	} {
		if got := g.InternationalBody(name); got != want {
			t.Errorf("InternationalBody(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestKnownAcronymDotted(t *testing.T) {
	g := mustDefault(t)
	if !g.KnownAcronym("U.N.", "United Nations") || !g.KnownAcronym("UN", "United Nations") || g.KnownAcronym("U.N.", "European Union") {
		t.Error(`"U.N." and "UN" name the United Nations alone`)
	}
}

func TestUpperOf(t *testing.T) {
	for _, c := range []struct {
		t, w string
		want bool
	}{
		{"CAIRO", "Cairo", true}, {"GÖTEBORG", "Göteborg", true}, {"ÉCOLE", "École", true}, {"U.N.", "U.N.", true},
		{"CAIRo", "Cairo", false}, {"cairo", "Cairo", false}, {"CAIROS", "Cairo", false}, {"CAIR", "Cairo", false},
		{"", "Cairo", false}, {"GOTEBORG", "Göteborg", false}, {"\xffAIRO", "\xffairo", false},
	} {
		if got := upperOf(c.t, c.w); got != c.want {
			t.Errorf("upperOf(%q, %q) = %v, want %v", c.t, c.w, got, c.want)
		}
		if c.want != (c.t == strings.ToUpper(c.w)) {
			t.Errorf("case %q, %q disagrees with strings.ToUpper", c.t, c.w)
		}
	}
}

// TestGivenNameUnaccented: a given name the list holds without its
// accents is known with them ("Tomás", "José"); case is kept, and a word
// the list lacks stays unknown however it is written.
func TestGivenNameUnaccented(t *testing.T) {
	g := mustDefault(t)
	for w, want := range map[string]bool{"Tomas": true, "Tomás": true, "TOMÁS": false, "Lamóngan": false} {
		if got := g.GivenName(w); got != want {
			t.Errorf("GivenName(%q) = %v, want %v", w, got, want)
		}
	}
}

package readout_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/readout/readout"
	"github.com/readout/readout/pipeline"
)

const schemaURL = "https://readout.dev/schema/readout.v1.schema.json"

// schemaArticles is the shared development set; the test that reads it is
// skipped when it is absent.
const schemaArticles = "../shared/data/articles"

var schemaUnits = []pipeline.OffsetUnit{pipeline.Bytes, pipeline.CodePoints, pipeline.UTF16}

// compileSchema compiles readout.Schema, the embedded output schema.
func compileSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(readout.Schema))
	if err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource(schemaURL, doc); err != nil {
		t.Fatalf("add schema: %v", err)
	}
	sch, err := c.Compile(schemaURL)
	if err != nil {
		t.Fatalf("compile schema: %v", err)
	}
	return sch
}

var schemaPipe struct {
	once sync.Once
	p    *pipeline.Pipeline
	err  error
}

// schemaPipeline is the default pipeline, built once: models load slowly.
func schemaPipeline(t testing.TB) *pipeline.Pipeline {
	t.Helper()
	schemaPipe.once.Do(func() {
		cfg, err := readout.LoadConfig("")
		if err != nil {
			schemaPipe.err = err
			return
		}
		schemaPipe.p, schemaPipe.err = cfg.NewPipeline()
	})
	if schemaPipe.err != nil {
		t.Fatalf("default pipeline: %v", schemaPipe.err)
	}
	return schemaPipe.p
}

// schemaRun sends texts through a runner on the default pipeline, as the
// CLI does, and returns the records in order.
func schemaRun(t *testing.T, o pipeline.OutputOptions, recs []pipeline.Record) []*pipeline.Output {
	t.Helper()
	cfg, err := readout.LoadConfig("")
	if err != nil {
		t.Fatal(err)
	}
	r := &pipeline.Runner{Pipeline: schemaPipeline(t), Workers: 2, Output: o, MaxDocBytes: cfg.MaxDocBytes, Timeout: cfg.Timeout}
	in := make(chan pipeline.Record)
	go func() {
		defer close(in)
		for _, rec := range recs {
			in <- rec
		}
	}()
	var outs []*pipeline.Output
	if err := r.Run(t.Context(), in, func(o *pipeline.Output) error { outs = append(outs, o); return nil }); err != nil {
		t.Fatalf("run: %v", err)
	}
	if len(outs) != len(recs) {
		t.Fatalf("runner wrote %d records for %d inputs", len(outs), len(recs))
	}
	return outs
}

// schemaOptions lists the output options every document is checked with:
// the default configuration's, then everything on, in each offset unit.
func schemaOptions(t *testing.T) []pipeline.OutputOptions {
	cfg, err := readout.LoadConfig("")
	if err != nil {
		t.Fatal(err)
	}
	opts := []pipeline.OutputOptions{cfg.OutputOptions()}
	for _, u := range schemaUnits {
		opts = append(opts,
			pipeline.OutputOptions{Offsets: u},
			pipeline.OutputOptions{Offsets: u, Text: true, Sentences: true, Tokens: true})
	}
	return opts
}

func schemaOptName(o pipeline.OutputOptions) string {
	s := string(o.Offsets)
	if s == "" {
		s = "default"
	}
	if o.Text || o.Sentences || o.Tokens {
		s += "+text+sentences+tokens"
	}
	return s
}

// checkRecord validates out against the schema and checks every span in
// its JSON against text. It returns the generic JSON of the record and the
// number of spans checked.
func checkRecord(t *testing.T, sch *jsonschema.Schema, out *pipeline.Output, text string) (map[string]any, int) {
	t.Helper()
	b, err := json.Marshal(out)
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("unmarshal: %v", err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("record %q does not match the schema:\n%v", out.ID, err)
	}
	var rec map[string]any
	if err := json.Unmarshal(b, &rec); err != nil {
		t.Fatal(err)
	}
	return rec, checkSpans(t, rec, text)
}

// checkSpans walks the record's JSON and checks that every object with
// start and end lies inside the text, and that every one that also has text
// is text sliced by its offsets in the record's unit. It returns the number
// of objects with offsets.
func checkSpans(t *testing.T, rec map[string]any, text string) int {
	t.Helper()
	if rec["status"] == "error" && rec["text_sha256"] == nil {
		return 0 // the input was never read: no spans, no text
	}
	unit, _ := rec["offsets"].(string)
	var (
		slice  func(s, e int) (string, bool)
		length int
	)
	switch pipeline.OffsetUnit(unit) {
	case pipeline.Bytes:
		length = len(text)
		slice = func(s, e int) (string, bool) {
			if s > e || e > len(text) || !utf8.ValidString(text[s:e]) {
				return "", false
			}
			return text[s:e], true
		}
	case pipeline.CodePoints:
		rs := []rune(text)
		length = len(rs)
		slice = func(s, e int) (string, bool) {
			if s > e || e > len(rs) {
				return "", false
			}
			return string(rs[s:e]), true
		}
	case pipeline.UTF16:
		us := utf16.Encode([]rune(text))
		length = len(us)
		slice = func(s, e int) (string, bool) {
			if s > e || e > len(us) {
				return "", false
			}
			return string(utf16.Decode(us[s:e])), true
		}
	default:
		t.Fatalf("record %v: unknown offsets %q", rec["id"], unit)
	}
	if got := schemaInt(rec["length"]); got != length {
		t.Errorf("record %v: length %d, want %d %s", rec["id"], got, length, unit)
	}
	sum := sha256.Sum256([]byte(text))
	if got := rec["text_sha256"]; got != hex.EncodeToString(sum[:]) {
		t.Errorf("record %v: text_sha256 %v does not match the text", rec["id"], got)
	}
	if got, ok := rec["text"]; ok && got != text {
		t.Errorf("record %v: text is not the document text", rec["id"])
	}
	n := 0
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case []any:
			for i, e := range v {
				walk(fmt.Sprintf("%s[%d]", path, i), e)
			}
		case map[string]any:
			for _, k := range slices.Sorted(maps.Keys(v)) {
				walk(path+"."+k, v[k])
			}
			s, okS := v["start"].(float64)
			e, okE := v["end"].(float64)
			if !okS || !okE || path == "" {
				return
			}
			n++
			if s < 0 || s > e || int(e) > length {
				t.Errorf("record %v: %s: offsets [%v,%v) outside the text (length %d)", rec["id"], path, s, e, length)
				return
			}
			want, ok := v["text"].(string)
			if !ok {
				return
			}
			got, ok := slice(int(s), int(e))
			if !ok {
				t.Errorf("record %v: %s: [%v,%v) is not a whole-character %s slice", rec["id"], path, s, e, unit)
			} else if got != want {
				t.Errorf("record %v: %s: text %q, but the text at [%v,%v) in %s is %q", rec["id"], path, want, s, e, unit, got)
			}
		}
	}
	walk("", rec)
	return n
}

func schemaInt(v any) int {
	f, _ := v.(float64)
	return int(f)
}

func TestSchemaReference(t *testing.T) {
	sch := compileSchema(t)
	path := reference + ".txt"
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	for _, o := range schemaOptions(t) {
		t.Run(schemaOptName(o), func(t *testing.T) {
			// Through the runner, as the CLI writes it (with a source).
			outs := schemaRun(t, o, []pipeline.Record{{ID: path, Text: text, Source: pipeline.Source{Path: path}}})
			rec, n := checkRecord(t, sch, outs[0], text)
			if n < 100 {
				t.Errorf("only %d spans checked", n)
			}
			if rec["status"] != "ok" {
				t.Errorf("status %v, errors %v", rec["status"], rec["errors"])
			}
			for _, k := range []string{"paragraphs", "entities", "participants", "topics", "issues", "tables"} {
				if l, _ := rec[k].([]any); len(l) == 0 {
					t.Errorf("%s is empty: the reference article should exercise it", k)
				}
			}
			if o.Sentences && rec["sentences"] == nil || o.Tokens && rec["tokens"] == nil {
				t.Errorf("sentences or tokens missing though switched on")
			}
			// Straight from a Doc, as a library user writes it.
			d := pipeline.NewDoc("reference", text)
			if err := schemaPipeline(t).Process(t.Context(), d); err != nil {
				t.Fatal(err)
			}
			checkRecord(t, sch, d.Output(o), text)
		})
	}
}

// TestSchemaParts: a text annotated in parts (a paragraph with characters
// outside the BMP, then the reference article twice) is one valid
// record whose spans all hold in every unit, and whose people, repeated
// in the second part, are the first part's participants.
func TestSchemaParts(t *testing.T) {
	sch := compileSchema(t)
	b, err := os.ReadFile(reference + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	one := strings.TrimSpace(string(b))
	text := "The délégation 🇪🇬 left Zürich on Monday 𝔄.\n\n" + one + "\n\n" + one + "\n"
	single := schemaRun(t, pipeline.OutputOptions{}, []pipeline.Record{{ID: "one", Text: one}})[0]
	for _, o := range schemaOptions(t) {
		t.Run(schemaOptName(o), func(t *testing.T) {
			r := &pipeline.Runner{Pipeline: schemaPipeline(t), Output: o, PartBytes: len(one) + 100}
			out := r.Annotate(t.Context(), pipeline.Record{ID: "twice", Text: text})
			rec, n := checkRecord(t, sch, out, text)
			if n < 200 {
				t.Errorf("only %d spans checked", n)
			}
			if rec["status"] != "ok" {
				t.Errorf("status %v, errors %v", rec["status"], rec["errors"])
			}
			var got, want []string
			for i, p := range out.Participants {
				got = append(got, p.Name)
				if p.ID != fmt.Sprintf("p%d", i+1) || p.MentionCount != len(p.Mentions) {
					t.Errorf("participant %d: id %s, %d mentions counted %d", i, p.ID, len(p.Mentions), p.MentionCount)
				}
			}
			for _, p := range single.Participants {
				want = append(want, p.Name)
			}
			if !slices.Equal(got, want) {
				t.Errorf("participants %q, want the article's %q", got, want)
			}
			if len(out.Tables) != 2*len(single.Tables) {
				t.Errorf("%d tables, want %d", len(out.Tables), 2*len(single.Tables))
			}
			for _, is := range out.Issues {
				if is.Table != nil && *is.Table >= len(out.Tables) {
					t.Errorf("issue %s: table %d of %d", is.Topic, *is.Table, len(out.Tables))
				}
				for _, p := range is.Paragraphs {
					if p >= len(out.Paragraphs) {
						t.Errorf("issue %s: paragraph %d of %d", is.Topic, p, len(out.Paragraphs))
					}
				}
			}
		})
	}
}

func TestSchemaArticles(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(schemaArticles, "*.txt"))
	if len(paths) == 0 {
		t.Skipf("no development articles in %s (the shared data set is not checked out); skipping", schemaArticles)
	}
	sch := compileSchema(t)
	recs := make([]pipeline.Record, 0, len(paths))
	texts := make([]string, 0, len(paths))
	for i, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, pipeline.Record{ID: filepath.Base(p), Text: string(b), Source: pipeline.Source{Path: p, Record: i}})
		texts = append(texts, string(b))
	}
	for _, o := range schemaOptions(t) {
		t.Run(schemaOptName(o), func(t *testing.T) {
			for i, out := range schemaRun(t, o, recs) {
				checkRecord(t, sch, out, texts[i])
			}
		})
	}
}

func TestSchemaEdgeRecords(t *testing.T) {
	sch := compileSchema(t)
	t.Run("ErrorOutput", func(t *testing.T) {
		for _, u := range append([]pipeline.OffsetUnit{""}, schemaUnits...) {
			checkRecord(t, sch, pipeline.ErrorOutput("x", nil, u, "input", "cannot read"), "")
			src := &pipeline.Source{Path: "in.jsonl", Line: 3, Record: 2}
			checkRecord(t, sch, pipeline.ErrorOutput("in.jsonl:3", src, u, "pipeline", "timed out"), "")
		}
	})
	t.Run("RunnerErrors", func(t *testing.T) {
		recs := []pipeline.Record{
			{ID: "empty", Text: "", Source: pipeline.Source{Path: "empty.txt"}},
			{ID: "blank", Text: " \n\t", Source: pipeline.Source{Path: "blank.txt", Record: 1}},
			{ID: "bad-utf8", Text: "caf\xe9", Source: pipeline.Source{Path: "x.jsonl", Line: 1, Record: 2}},
			{ID: "unreadable", Err: os.ErrPermission, Source: pipeline.Source{Path: "y.txt", Record: 3}},
		}
		for _, out := range schemaRun(t, pipeline.OutputOptions{Offsets: pipeline.UTF16, Text: true}, recs) {
			rec, _ := checkRecord(t, sch, out, "")
			if rec["status"] != "error" {
				t.Errorf("%s: status %v, want error", out.ID, rec["status"])
			}
		}
	})
	t.Run("EmptyDoc", func(t *testing.T) {
		for _, text := range []string{"", "   \n\n"} {
			d := pipeline.NewDoc("empty", text)
			if err := schemaPipeline(t).Process(t.Context(), d); err != nil {
				t.Fatal(err)
			}
			for _, u := range schemaUnits {
				checkRecord(t, sch, d.Output(pipeline.OutputOptions{Offsets: u}), text)
				checkRecord(t, sch, d.Output(pipeline.OutputOptions{Offsets: u, Text: true, Sentences: true, Tokens: true}), text)
			}
		}
	})
	t.Run("Astral", func(t *testing.T) {
		// Characters outside the BMP take 4 bytes, 1 code point, 2 UTF-16
		// units: offsets after them differ in every unit.
		text := "🇪🇬 Cairo 𝒳 — Egyptian President Abdel Fattah el-Sisi met Russian Foreign Minister Sergey Lavrov in Cairo on Monday."
		d := pipeline.NewDoc("astral", text)
		if err := schemaPipeline(t).Process(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		for _, u := range schemaUnits {
			if _, n := checkRecord(t, sch, d.Output(pipeline.OutputOptions{Offsets: u, Text: true, Sentences: true, Tokens: true}), text); n == 0 {
				t.Errorf("%s: no spans checked", u)
			}
		}
	})
}

// TestSchemaRejects makes sure the schema is strict: each mutation of a
// valid record must fail validation.
func TestSchemaRejects(t *testing.T) {
	sch := compileSchema(t)
	b, err := os.ReadFile(reference + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	d := pipeline.NewDoc("reference", string(b))
	if err := schemaPipeline(t).Process(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	valid, err := json.Marshal(d.Output(pipeline.OutputOptions{Offsets: pipeline.CodePoints, Text: true, Sentences: true, Tokens: true}))
	if err != nil {
		t.Fatal(err)
	}
	errRec, err := json.Marshal(pipeline.ErrorOutput("x", &pipeline.Source{Path: "p", Record: 0}, pipeline.Bytes, "input", "bad"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		base   []byte
		mutate func(r map[string]any)
	}{
		{"unknown top-level field", valid, func(r map[string]any) { r["language"] = "en" }},
		{"unknown entity field", valid, func(r map[string]any) { schemaAt(r, "entities", 0)["qid"] = "Q79" }},
		{"unknown span field", valid, func(r map[string]any) {
			schemaAt(r, "participants", 0)["first_mention"].(map[string]any)["sentence"] = 0.0
		}},
		{"unknown table cell field", valid, func(r map[string]any) {
			schemaAt(r, "tables", 0)["rows"].([]any)[0].([]any)[0].(map[string]any)["col"] = 1.0
		}},
		{"unknown source field", errRec, func(r map[string]any) { r["source"].(map[string]any)["offset"] = 0.0 }},
		{"unknown error field", errRec, func(r map[string]any) { r["errors"].([]any)[0].(map[string]any)["code"] = "E1" }},
		{"bad status", valid, func(r map[string]any) { r["status"] = "partial" }},
		{"bad offsets", valid, func(r map[string]any) { r["offsets"] = "runes" }},
		{"bad schema", valid, func(r map[string]any) { r["schema"] = "readout/v2" }},
		{"bad paragraph kind", valid, func(r map[string]any) { schemaAt(r, "paragraphs", 0)["kind"] = "quote" }},
		{"bad entity label", valid, func(r map[string]any) { schemaAt(r, "entities", 0)["label"] = "LOC" }},
		{"bad entity source", valid, func(r map[string]any) { schemaAt(r, "entities", 0)["source"] = "llm" }},
		{"bad party kind", valid, func(r map[string]any) {
			schemaAt(r, "issues", 0)["parties"].([]any)[0].(map[string]any)["kind"] = "company"
		}},
		{"missing required role", valid, func(r map[string]any) { delete(schemaAt(r, "participants", 0), "role") }},
		{"missing paragraphs", valid, func(r map[string]any) { delete(r, "paragraphs") }},
		{"null entities", valid, func(r map[string]any) { r["entities"] = nil }},
		{"negative start", valid, func(r map[string]any) { schemaAt(r, "entities", 0)["start"] = -1.0 }},
		{"fractional end", valid, func(r map[string]any) { schemaAt(r, "entities", 0)["end"] = 1.5 }},
		{"section below -1", valid, func(r map[string]any) { schemaAt(r, "paragraphs", 0)["section"] = -2.0 }},
		{"string score", valid, func(r map[string]any) { schemaAt(r, "topics", 0)["score"] = "high" }},
		{"ok with errors", valid, func(r map[string]any) {
			r["errors"] = []any{map[string]any{"stage": "x", "message": "y"}}
		}},
		{"error without errors", errRec, func(r map[string]any) { r["errors"] = []any{} }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var r map[string]any
			if err := json.Unmarshal(c.base, &r); err != nil {
				t.Fatal(err)
			}
			c.mutate(r)
			mb, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(mb))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(inst); err == nil {
				t.Errorf("schema accepted a record with %s", c.name)
			}
		})
	}
}

// schemaAt returns r[key][i] as an object, failing loudly if absent.
func schemaAt(r map[string]any, key string, i int) map[string]any {
	l, _ := r[key].([]any)
	if i >= len(l) {
		panic(fmt.Sprintf("reference record has no %s[%d]", key, i))
	}
	return l[i].(map[string]any)
}

// TestSchemaMatchesOutput compares the schema with the Go types it
// describes: every json field of pipeline.Output and the types under it must
// be a schema property (and no more), required exactly when it has no
// omitempty, nullable exactly when it is a pointer without omitempty. It also
// checks that every property is described and every object closed.
func TestSchemaMatchesOutput(t *testing.T) {
	compileSchema(t)
	var root map[string]any
	if err := json.Unmarshal(readout.Schema, &root); err != nil {
		t.Fatal(err)
	}
	resolve := func(n map[string]any) map[string]any {
		n = resolveRef(t, root, n)
		// A nullable object is anyOf [object, null]: take the object.
		alts, _ := n["anyOf"].([]any)
		for _, a := range alts {
			if a := a.(map[string]any); a["type"] != "null" {
				return resolveRef(t, root, a)
			}
		}
		return n
	}
	seen := map[reflect.Type]bool{}
	var walk func(path string, typ reflect.Type, node map[string]any)
	walk = func(path string, typ reflect.Type, node map[string]any) {
		node = resolve(node)
		switch typ.Kind() {
		case reflect.Pointer:
			walk(path, typ.Elem(), node)
		case reflect.Slice:
			items, ok := node["items"].(map[string]any)
			if node["type"] != "array" || !ok {
				t.Errorf("%s: Go %s, but the schema is not an array with items", path, typ)
				return
			}
			walk(path+"[]", typ.Elem(), items)
		case reflect.Map:
			ap, ok := node["additionalProperties"].(map[string]any)
			if node["type"] != "object" || !ok {
				t.Errorf("%s: Go %s, but the schema is not an object with typed additionalProperties", path, typ)
				return
			}
			walk(path+"{}", typ.Elem(), ap)
		case reflect.Struct:
			seen[typ] = true
			if node["type"] != "object" || node["additionalProperties"] != false {
				t.Errorf("%s: Go %s, but the schema is not a closed object", path, typ)
			}
			props, _ := node["properties"].(map[string]any)
			var required []string
			for _, r := range node["required"].([]any) {
				required = append(required, r.(string))
			}
			goFields := map[string]bool{}
			for i := range typ.NumField() {
				f := typ.Field(i)
				tag := f.Tag.Get("json")
				name, opts, _ := strings.Cut(tag, ",")
				if !f.IsExported() || name == "-" {
					continue
				}
				if name == "" {
					name = f.Name
				}
				goFields[name] = true
				fp := path + "." + name
				p, ok := props[name].(map[string]any)
				if !ok {
					t.Errorf("%s: Go field %s.%s is not in the schema", fp, typ.Name(), f.Name)
					continue
				}
				omit := slices.Contains(strings.Split(opts, ","), "omitempty")
				if req := slices.Contains(required, name); req == omit {
					t.Errorf("%s: required in the schema is %v, but omitempty in Go is %v", fp, req, omit)
				}
				nullable := f.Type.Kind() == reflect.Pointer && !omit
				if got := schemaAllowsNull(p); got != nullable {
					t.Errorf("%s: schema nullable is %v, want %v (Go %s, omitempty %v)", fp, got, nullable, f.Type, omit)
				}
				walk(fp, f.Type, p)
			}
			for name := range props {
				if !goFields[name] {
					t.Errorf("%s.%s: in the schema but not a field of Go %s", path, name, typ)
				}
			}
			for _, r := range required {
				if !goFields[r] {
					t.Errorf("%s: required %q is not a field of Go %s", path, r, typ)
				}
			}
		case reflect.String:
			if !schemaHasType(node, "string") {
				t.Errorf("%s: Go %s, but the schema does not allow a string", path, typ)
			}
		case reflect.Int:
			if !schemaHasType(node, "integer") {
				t.Errorf("%s: Go %s, but the schema does not allow an integer", path, typ)
			}
		case reflect.Float64:
			if !schemaHasType(node, "number") {
				t.Errorf("%s: Go %s, but the schema does not allow a number", path, typ)
			}
		default:
			t.Errorf("%s: Go kind %s not handled by this test", path, typ.Kind())
		}
	}
	walk("", reflect.TypeFor[pipeline.Output](), root)
	if len(seen) < 10 {
		t.Errorf("walked only %d struct types", len(seen))
	}

	// Every property has a description; every object is closed.
	var check func(path string, v any)
	check = func(path string, v any) {
		switch v := v.(type) {
		case []any:
			for i, e := range v {
				check(fmt.Sprintf("%s/%d", path, i), e)
			}
		case map[string]any:
			if v["type"] == "object" || v["properties"] != nil {
				if _, ok := v["additionalProperties"]; !ok {
					t.Errorf("%s: object without additionalProperties", path)
				}
			}
			if props, ok := v["properties"].(map[string]any); ok {
				for name, p := range props {
					if d, _ := p.(map[string]any)["description"].(string); strings.TrimSpace(d) == "" {
						t.Errorf("%s/properties/%s: no description", path, name)
					}
				}
			}
			for k, e := range v {
				if path == "#" && (k == "if" || k == "then" || k == "else") {
					continue // conditions on the record's own properties
				}
				check(path+"/"+k, e)
			}
		}
	}
	check("#", root)
	for name, d := range root["$defs"].(map[string]any) {
		if s, _ := d.(map[string]any)["description"].(string); s == "" {
			t.Errorf("$defs/%s: no description", name)
		}
	}
	for _, k := range []string{"$schema", "$id", "title", "description"} {
		if root[k] == nil {
			t.Errorf("schema has no %s", k)
		}
	}
	if root["$id"] != schemaURL {
		t.Errorf("$id is %v, want %s", root["$id"], schemaURL)
	}
}

func resolveRef(t *testing.T, root, n map[string]any) map[string]any {
	for {
		ref, ok := n["$ref"].(string)
		if !ok {
			return n
		}
		name, ok := strings.CutPrefix(ref, "#/$defs/")
		if !ok {
			t.Fatalf("unexpected $ref %q", ref)
		}
		n = root["$defs"].(map[string]any)[name].(map[string]any)
	}
}

func schemaTypes(n map[string]any) []string {
	switch ty := n["type"].(type) {
	case string:
		return []string{ty}
	case []any:
		var out []string
		for _, x := range ty {
			out = append(out, x.(string))
		}
		return out
	}
	var out []string
	vals, _ := n["enum"].([]any)
	if c, ok := n["const"]; ok {
		vals = append(vals, c)
	}
	for _, v := range vals {
		switch v.(type) {
		case string:
			out = append(out, "string")
		case nil:
			out = append(out, "null")
		case float64:
			out = append(out, "number")
		}
	}
	return out
}

func schemaHasType(n map[string]any, want string) bool {
	ts := schemaTypes(n)
	return slices.Contains(ts, want)
}

func schemaAllowsNull(n map[string]any) bool {
	if slices.Contains(schemaTypes(n), "null") {
		return true
	}
	alts, _ := n["anyOf"].([]any)
	for _, a := range alts {
		if slices.Contains(schemaTypes(a.(map[string]any)), "null") {
			return true
		}
	}
	return false
}

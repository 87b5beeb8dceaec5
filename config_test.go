package readout_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout"
	"github.com/readout/readout/pipeline"
	"github.com/readout/readout/pipeline/source"
)

func userFile(t *testing.T, yaml string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "user.yaml")
	if err := os.WriteFile(p, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDefaultConfig(t *testing.T) {
	cfg, err := readout.LoadConfig("")
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	want := readout.Config{
		Workers:     0,
		MaxDocBytes: 50 << 20,
		PartBytes:   512 << 10,
		Timeout:     time.Minute,
		Input: readout.InputConfig{
			Format: source.Text, IDField: "id", TextField: "text", TitleField: "title", DateField: "date",
			Include: []string{"*.txt", "*.text", "*.md", "*.jsonl", "*.ndjson", "*.gz"},
		},
		Output:   readout.OutputConfig{Format: "auto", Offsets: "codepoints", Evidence: true},
		Pipeline: []string{"paragraphs", "tables", "tokens", "dates", "entities", "participants", "topics", "issues"},
	}
	got := cfg
	got.Stages = nil
	got.Eval = readout.EvalConfig{}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("defaults:\n got %+v\nwant %+v", got, want)
	}
	if m, err := cfg.LabelMap("ontonotes"); err != nil || m["GPE"] != "PLACE" || m["PERSON"] != "PERSON" {
		t.Errorf("ontonotes label map %v, %v", m, err)
	}
	if _, err := cfg.LabelMap("nope"); err == nil {
		t.Error("unknown scheme accepted")
	}
	// Sections with options survive decoding (viper drops empty ones such
	// as "tables: {}", which Build treats as no options).
	for _, s := range []string{"paragraphs", "entities", "participants", "topics", "issues"} {
		if _, ok := cfg.Stages[s]; !ok {
			t.Errorf("stages.%s missing from the defaults", s)
		}
	}
	if m := cfg.Stages["entities"]["model"]; m != "readout" {
		t.Errorf("stages.entities.model = %v", m)
	}
	p, err := cfg.NewPipeline()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range p.Stages {
		names = append(names, s.Name())
	}
	if !reflect.DeepEqual(names, cfg.Pipeline) {
		t.Errorf("stages %v, want %v", names, cfg.Pipeline)
	}
	if o := cfg.OutputOptions(); o.Offsets != pipeline.CodePoints {
		t.Errorf("OutputOptions().Offsets = %q", o.Offsets)
	}
	if so := cfg.SourceOptions(); so.MaxBytes != cfg.MaxDocBytes || so.Format != source.Text {
		t.Errorf("SourceOptions() = %+v", so)
	}
	r, err := cfg.NewRunner()
	if err != nil {
		t.Fatal(err)
	}
	if r.Timeout != time.Minute || r.MaxDocBytes != cfg.MaxDocBytes || r.PartBytes != cfg.PartBytes {
		t.Errorf("runner: timeout %s, max %d, parts %d", r.Timeout, r.MaxDocBytes, r.PartBytes)
	}
}

// TestBadConfig: every bad user file is an error naming the offending key.
// Errors in stage options show up when the pipeline is built.
func TestBadConfig(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string // substrings of the error
	}{
		{"unknown top-level key", "wrokers: 2\n", []string{"wrokers"}},
		{"unknown nested key", "output:\n  offset: bytes\n", []string{"output", "offset"}},
		{"unknown stage option", "stages:\n  entities:\n    modle: none\n", []string{"stages.entities", "modle"}},
		{"unknown stage", "stages:\n  sentiment:\n    threshold: 1\n", []string{"stages.sentiment", "unknown stage"}},
		{"bad offsets", "output:\n  offsets: chars\n", []string{"output.offsets", "chars"}},
		{"negative workers", "workers: -1\n", []string{"workers", "-1"}},
		{"negative max_doc_bytes", "max_doc_bytes: -5\n", []string{"max_doc_bytes"}},
		{"negative part_bytes", "part_bytes: -1\n", []string{"part_bytes"}},
		{"negative timeout", "timeout: -1s\n", []string{"timeout"}},
		{"bad timeout", "timeout: soon\n", []string{"timeout"}},
		{"workers not a number", "workers: many\n", []string{"workers"}},
		{"bad input format", "input:\n  format: xml\n", []string{"input.format", "xml"}},
		{"jsonl without text field", "input:\n  format: jsonl\n  text_field: \"\"\n", []string{"input.text_field"}},
		{"bad output format", "output:\n  format: yaml\n", []string{"output.format", "yaml"}},
		{"bad include glob", "input:\n  include: [\"[a-\"]\n", []string{"input.include"}},
		{"empty pipeline", "pipeline: []\n", []string{"pipeline"}},
		{"unknown stage in pipeline", "pipeline: [paragraphs, sentiment]\n", []string{"pipeline", "sentiment"}},
		{"stage twice", "pipeline: [paragraphs, paragraphs]\n", []string{"pipeline", "paragraphs", "twice"}},
		{"heading words not a number", "stages:\n  paragraphs:\n    max_heading_words: \"x\"\n", []string{"stages.paragraphs", "max_heading_words"}},
		{"max_focus not a number", "stages:\n  issues:\n    max_focus: [1]\n", []string{"stages.issues", "max_focus"}},
		{"bad entities model", "stages:\n  entities:\n    model: gpt\n", []string{"stages.entities", "gpt"}},
		{"missing taxonomy file", "stages:\n  topics:\n    taxonomy: /nonexistent/tax.yaml\n", []string{"stages.topics", "/nonexistent/tax.yaml"}},
		{"not YAML", "workers: [\n", []string{"user.yaml"}},
		{"empty unknown stage section", "stages:\n  nosuchstage: {}\n", []string{"stages.nosuchstage", "unknown stage"}},
		{"timeout without a unit", "timeout: 60\n", []string{"timeout", "unit"}},
		{"fractional workers", "workers: 1.5\n", []string{"workers", "1.5"}},
		{"workers too large", "workers: 99999999999999999999\n", []string{"workers", "whole number"}},
		{"fractional max_focus", "stages:\n  issues:\n    max_focus: 2.5\n", []string{"stages.issues", "max_focus"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := readout.LoadConfig(userFile(t, tt.yaml))
			if err == nil {
				_, err = cfg.NewPipeline()
			}
			if err == nil {
				t.Fatalf("no error, want one naming %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not name %q", err, w)
				}
			}
		})
	}
}

func TestMissingConfigFile(t *testing.T) {
	_, err := readout.LoadConfig(filepath.Join(t.TempDir(), "nope.yaml"))
	if err == nil || !os.IsNotExist(err) {
		t.Errorf("LoadConfig(missing) = %v, want a not-exist error", err)
	}
}

func TestConfigLayers(t *testing.T) {
	tests := []struct {
		name  string
		yaml  string // "" means no user file
		env   map[string]string
		check func(t *testing.T, c readout.Config)
	}{
		{
			name: "env offsets and workers",
			env:  map[string]string{"READOUT_OUTPUT_OFFSETS": "bytes", "READOUT_WORKERS": "3"},
			check: func(t *testing.T, c readout.Config) {
				if c.Output.Offsets != "bytes" || c.Workers != 3 {
					t.Errorf("offsets %q workers %d, want bytes 3", c.Output.Offsets, c.Workers)
				}
				if c.OutputOptions().Offsets != pipeline.Bytes {
					t.Errorf("OutputOptions().Offsets = %q", c.OutputOptions().Offsets)
				}
			},
		},
		{
			name: "env over user file",
			yaml: "workers: 5\noutput:\n  offsets: utf16\n  text: true\n",
			env:  map[string]string{"READOUT_WORKERS": "2"},
			check: func(t *testing.T, c readout.Config) {
				if c.Workers != 2 || c.Output.Offsets != "utf16" || !c.Output.Text {
					t.Errorf("workers %d offsets %q text %v, want 2 utf16 true", c.Workers, c.Output.Offsets, c.Output.Text)
				}
				if c.Output.Format != "auto" {
					t.Errorf("output.format %q: a partial output section lost the default", c.Output.Format)
				}
			},
		},
		{
			name: "env timeout",
			env:  map[string]string{"READOUT_TIMEOUT": "2s", "READOUT_INPUT_FORMAT": "jsonl"},
			check: func(t *testing.T, c readout.Config) {
				if c.Timeout != 2*time.Second || c.Input.Format != source.JSONL {
					t.Errorf("timeout %s input.format %q", c.Timeout, c.Input.Format)
				}
			},
		},
		{
			name: "user file sets entities model none",
			yaml: "stages:\n  entities:\n    model: none\n",
			check: func(t *testing.T, c readout.Config) {
				if m := c.Stages["entities"]["model"]; m != "none" {
					t.Errorf("stages.entities.model = %v", m)
				}
				// The other keys of the section and the other sections stay.
				if _, ok := c.Stages["entities"]["gazetteer_file"]; !ok {
					t.Errorf("stages.entities.gazetteer_file lost: %v", c.Stages["entities"])
				}
				if c.Stages["issues"]["max_focus"] == nil {
					t.Errorf("stages.issues lost: %v", c.Stages)
				}
				if _, err := c.NewPipeline(); err != nil {
					t.Error(err)
				}
			},
		},
		{
			name: "user file shortens the pipeline",
			yaml: "pipeline: [paragraphs, tables]\nstages:\n  paragraphs:\n    max_heading_words: 3\n",
			check: func(t *testing.T, c readout.Config) {
				if !reflect.DeepEqual(c.Pipeline, []string{"paragraphs", "tables"}) {
					t.Errorf("pipeline %v", c.Pipeline)
				}
				p, err := c.NewPipeline()
				if err != nil {
					t.Fatal(err)
				}
				if len(p.Stages) != 2 {
					t.Errorf("%d stages", len(p.Stages))
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			path := ""
			if tt.yaml != "" {
				path = userFile(t, tt.yaml)
			}
			c, err := readout.LoadConfig(path)
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, c)
		})
	}
}

// TestEnvBadValue: a bad value from the environment names its key too.
// TestEnvTyped: a setting from the environment is read as the type of
// the setting, as the same value in YAML would be.
func TestEnvTyped(t *testing.T) {
	for name, value := range map[string]string{
		"READOUT_STAGES_ISSUES_MAX_FOCUS":       "3",
		"READOUT_STAGES_TOPICS_MODEL_THRESHOLD": "0.7",
		"READOUT_TIMEOUT":                       "5s",
		"READOUT_WORKERS":                       "2",
		"READOUT_OUTPUT_TEXT":                   "true",
		"READOUT_PIPELINE":                      "paragraphs, tokens",
	} {
		t.Setenv(name, value)
	}
	cfg, err := readout.LoadConfig("")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cfg.NewPipeline(); err != nil {
		t.Fatal(err)
	}
	if cfg.Timeout != 5*time.Second || cfg.Workers != 2 || !cfg.Output.Text || strings.Join(cfg.Pipeline, " ") != "paragraphs tokens" {
		t.Errorf("config %+v", cfg)
	}
}

// TestEnvRefused: a variable that names no setting is refused rather than
// ignored, and so is a value the setting's type cannot hold.
func TestEnvRefused(t *testing.T) {
	for name, value := range map[string]string{
		"READOUT_STAGES_TOPICS_THRESHOLD": "0.7",  // no such setting
		"READOUT_STAGES_ISSUES_MAX_FOCUS": "many", // not a number
		"READOUT_TIMEOUT":                 "60",   // no unit
		"READOUT_WORKERS":                 "1.5",
	} {
		t.Run(name+"="+value, func(t *testing.T) {
			t.Setenv(name, value)
			cfg, err := readout.LoadConfig("")
			if err == nil {
				_, err = cfg.NewPipeline()
			}
			if err == nil {
				t.Errorf("accepted")
			}
		})
	}
}

func TestEnvBadValue(t *testing.T) {
	t.Setenv("READOUT_OUTPUT_OFFSETS", "chars")
	_, err := readout.LoadConfig("")
	if err == nil || !strings.Contains(err.Error(), "output.offsets") {
		t.Errorf("err = %v, want one naming output.offsets", err)
	}
}

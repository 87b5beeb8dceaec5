// Package readout turns news text into structured annotations. This root
// package is the library's front door: it holds the default configuration
// and the JSON Schema of the output, and assembles a pipeline from config.
// The stages live in extract, the document model and runner in pipeline.
package readout

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/go-viper/mapstructure/v2"
	"github.com/spf13/viper"
	"gopkg.in/yaml.v3"

	"github.com/readout/readout/extract"
	"github.com/readout/readout/pipeline"
	"github.com/readout/readout/pipeline/source"
)

// Version is readout's release.
const Version = "0.1.0"

// DefaultConfig is config.yaml, the configuration used when no file is given.
//
//go:embed config.yaml
var DefaultConfig []byte

// Schema is the JSON Schema of readout's output records (readout/v1).
//
//go:embed schema/readout.v1.schema.json
var Schema []byte

// Config is readout's whole configuration; see config.yaml.
type Config struct {
	Workers     int                         `mapstructure:"workers"`
	MaxDocBytes int                         `mapstructure:"max_doc_bytes"`
	PartBytes   int                         `mapstructure:"part_bytes"`
	Timeout     time.Duration               `mapstructure:"timeout"`
	Input       InputConfig                 `mapstructure:"input"`
	Output      OutputConfig                `mapstructure:"output"`
	Pipeline    []string                    `mapstructure:"pipeline"`
	Stages      map[string]pipeline.Options `mapstructure:"stages"`
	Eval        EvalConfig                  `mapstructure:"eval"`
}

type EvalConfig struct {
	NER struct {
		// Schemes maps a corpus scheme to its label mapping, "CORPUS=OURS".
		Schemes map[string][]string `mapstructure:"schemes"`
		// StripDeterminers drops a leading "the" from gold spans.
		StripDeterminers bool `mapstructure:"strip_determiners"`
		// StripPossessives drops a trailing possessive "'s" from gold spans.
		StripPossessives bool `mapstructure:"strip_possessives"`
	} `mapstructure:"ner"`
}

// LabelMap returns the label mapping of an entity corpus scheme.
func (c Config) LabelMap(scheme string) (map[string]string, error) {
	pairs, ok := c.Eval.NER.Schemes[scheme]
	if !ok {
		var known []string
		for k := range c.Eval.NER.Schemes {
			known = append(known, k)
		}
		sort.Strings(known)
		return nil, fmt.Errorf("eval.ner.schemes: unknown scheme %q (known: %s)", scheme, strings.Join(known, ", "))
	}
	m := map[string]string{}
	for _, p := range pairs {
		from, to, ok := strings.Cut(p, "=")
		if !ok || from == "" {
			return nil, fmt.Errorf("eval.ner.schemes.%s: %q is not CORPUS=OURS", scheme, p)
		}
		m[from] = to
	}
	return m, nil
}

type InputConfig struct {
	Format     string   `mapstructure:"format"`
	IDField    string   `mapstructure:"id_field"`
	TextField  string   `mapstructure:"text_field"`
	TitleField string   `mapstructure:"title_field"`
	DateField  string   `mapstructure:"date_field"`
	Include    []string `mapstructure:"include"`
}

type OutputConfig struct {
	Format    string `mapstructure:"format"`
	Offsets   string `mapstructure:"offsets"`
	Text      bool   `mapstructure:"text"`
	Sentences bool   `mapstructure:"sentences"`
	Tokens    bool   `mapstructure:"tokens"`
	Evidence  bool   `mapstructure:"evidence"`
}

// NewViper returns a viper holding the default configuration, with
// READOUT_* environment variables layered on top ("output.offsets" is
// READOUT_OUTPUT_OFFSETS).
func NewViper() *viper.Viper {
	v := viper.New()
	v.SetConfigType("yaml")
	if err := v.ReadConfig(bytes.NewReader(DefaultConfig)); err != nil {
		panic("readout: embedded config.yaml is invalid: " + err.Error())
	}
	v.SetEnvPrefix("READOUT")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()
	return v
}

// MergeConfigFile layers a user's YAML file over v.
func MergeConfigFile(v *viper.Viper, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := v.MergeConfig(f); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	// viper drops an empty section ("nosuchstage: {}"), which would then
	// never be checked: look at the file's own stage names.
	if _, err := f.Seek(0, 0); err != nil {
		return err
	}
	var raw struct {
		Stages map[string]any `yaml:"stages"`
	}
	if err := yaml.NewDecoder(f).Decode(&raw); err != nil && err != io.EOF {
		return fmt.Errorf("%s: %w", path, err)
	}
	known := extract.Registry()
	for name := range raw.Stages {
		if _, ok := known[name]; !ok {
			return fmt.Errorf("%s: stages.%s: unknown stage (known: %v)", path, name, known.Names())
		}
	}
	return nil
}

// DecodeConfig reads v into a Config, rejecting unknown keys and bad values.
func DecodeConfig(v *viper.Viper) (Config, error) {
	var c Config
	strict := func(dc *mapstructure.DecoderConfig) {
		dc.WeaklyTypedInput = false
		dc.DecodeHook = pipeline.DecodeValue
	}
	if err := v.UnmarshalExact(&c, strict); err != nil {
		return c, fmt.Errorf("config: %w", err)
	}
	if err := checkEnv(v); err != nil {
		return c, err
	}
	return c, c.Validate()
}

// checkEnv refuses READOUT_* variables of the configuration's sections
// that name no setting: viper reads the environment only for the keys it
// knows, so a misspelt one would be ignored without a word.
func checkEnv(v *viper.Viper) error {
	known := map[string]bool{}
	for _, k := range v.AllKeys() {
		known["READOUT_"+strings.ToUpper(strings.ReplaceAll(k, ".", "_"))] = true
	}
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		for _, section := range []string{"READOUT_STAGES_", "READOUT_INPUT_", "READOUT_OUTPUT_", "READOUT_EVAL_"} {
			if strings.HasPrefix(name, section) && !known[name] {
				return fmt.Errorf("config: %s names no setting (see readout config)", name)
			}
		}
	}
	return nil
}

// LoadConfig is DefaultConfig with an optional user file over it (path may
// be empty) and the environment over both.
func LoadConfig(path string) (Config, error) {
	v := NewViper()
	if path != "" {
		if err := MergeConfigFile(v, path); err != nil {
			return Config{}, err
		}
	}
	return DecodeConfig(v)
}

// Validate checks values; each error names its key.
func (c Config) Validate() error {
	switch {
	case c.Workers < 0:
		return fmt.Errorf("config: workers: must be >= 0, got %d", c.Workers)
	case c.MaxDocBytes < 0:
		return fmt.Errorf("config: max_doc_bytes: must be >= 0, got %d", c.MaxDocBytes)
	case c.PartBytes < 0:
		return fmt.Errorf("config: part_bytes: must be >= 0, got %d", c.PartBytes)
	case c.Timeout < 0:
		return fmt.Errorf("config: timeout: must be >= 0, got %s", c.Timeout)
	case c.Input.Format != source.Text && c.Input.Format != source.JSONL:
		return fmt.Errorf("config: input.format: want text or jsonl, got %q", c.Input.Format)
	case c.Input.Format == source.JSONL && (c.Input.IDField == "" || c.Input.TextField == ""):
		return fmt.Errorf("config: input.id_field and input.text_field must be set for jsonl")
	case c.Output.Format != "auto" && c.Output.Format != "json" && c.Output.Format != "jsonl" && c.Output.Format != "markdown":
		return fmt.Errorf("config: output.format: want auto, json, jsonl or markdown, got %q", c.Output.Format)
	case len(c.Pipeline) == 0:
		return fmt.Errorf("config: pipeline: no stages listed")
	}
	if _, err := pipeline.ParseOffsetUnit(c.Output.Offsets); err != nil {
		return fmt.Errorf("config: output.offsets: %w", err)
	}
	for scheme := range c.Eval.NER.Schemes {
		if _, err := c.LabelMap(scheme); err != nil {
			return fmt.Errorf("config: %w", err)
		}
	}
	for _, g := range c.Input.Include {
		if _, err := pathMatch(g); err != nil {
			return fmt.Errorf("config: input.include: bad glob %q: %w", g, err)
		}
	}
	return nil
}

// OutputOptions is how records are written under c.
func (c Config) OutputOptions() pipeline.OutputOptions {
	return pipeline.OutputOptions{
		Offsets:      pipeline.OffsetUnit(c.Output.Offsets),
		Text:         c.Output.Text,
		Sentences:    c.Output.Sentences,
		Tokens:       c.Output.Tokens,
		OmitEvidence: !c.Output.Evidence,
	}
}

// SourceOptions is how input is read under c.
func (c Config) SourceOptions() source.Options {
	return source.Options{
		Format: c.Input.Format, IDField: c.Input.IDField, TextField: c.Input.TextField,
		TitleField: c.Input.TitleField, DateField: c.Input.DateField,
		Include: c.Input.Include, MaxBytes: c.MaxDocBytes,
	}
}

// NewPipeline assembles the stages c lists. Models and gazetteers load here,
// once; the pipeline is safe to share across goroutines.
func (c Config) NewPipeline() (*pipeline.Pipeline, error) {
	return extract.Registry().Build(c.Pipeline, c.Stages)
}

// NewRunner returns a runner for c's pipeline.
func (c Config) NewRunner() (*pipeline.Runner, error) {
	p, err := c.NewPipeline()
	if err != nil {
		return nil, err
	}
	return &pipeline.Runner{
		Pipeline: p, Workers: c.Workers, Output: c.OutputOptions(),
		MaxDocBytes: c.MaxDocBytes, PartBytes: c.PartBytes, Timeout: c.Timeout,
	}, nil
}

func pathMatch(glob string) (bool, error) { return filepath.Match(glob, "x") }

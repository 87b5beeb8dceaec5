package pipeline

import (
	"context"
	"fmt"
	"sort"
	"sync"

	"github.com/go-viper/mapstructure/v2"
)

// Stage reads a Doc and adds to it. A Stage is built once and shared by all
// workers, so Process must be safe for concurrent use on different Docs.
type Stage interface {
	Name() string
	Process(ctx context.Context, d *Doc) error
}

// Options is a stage's section of the configuration.
type Options map[string]any

// Decode copies opts into the struct pointed to by into, rejecting unknown
// keys. The error names the key as it appears in config.
func (o Options) Decode(stage string, into any) error {
	dec, err := mapstructure.NewDecoder(&mapstructure.DecoderConfig{
		ErrorUnused:      true,
		WeaklyTypedInput: false,
		Result:           into,
		TagName:          "mapstructure",
		DecodeHook:       DecodeValue,
	})
	if err != nil {
		return err
	}
	if err := dec.Decode(map[string]any(o)); err != nil {
		return fmt.Errorf("stages.%s: %w", stage, err)
	}
	return nil
}

// Constructor builds a stage from its options. Heavy data (models,
// gazetteers) is loaded here, once.
type Constructor func(opts Options) (Stage, error)

// Registry maps stage names to constructors.
type Registry map[string]Constructor

// Names returns the registered stage names, sorted.
func (r Registry) Names() []string {
	names := make([]string, 0, len(r))
	for n := range r {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Build assembles a pipeline from stage names in order and their options.
// Options for a stage that is not in order are an error, as is an unknown name.
// The stages are built concurrently, as their models load independently
// (a constructor must be safe to call beside another); the pipeline runs
// them in order.
func (r Registry) Build(order []string, opts map[string]Options) (*Pipeline, error) {
	seen := map[string]bool{}
	for _, name := range order {
		if _, ok := r[name]; !ok {
			return nil, fmt.Errorf("pipeline: unknown stage %q (known: %v)", name, r.Names())
		}
		if seen[name] {
			return nil, fmt.Errorf("pipeline: stage %q listed twice", name)
		}
		seen[name] = true
	}
	for name := range opts {
		if _, ok := r[name]; !ok {
			return nil, fmt.Errorf("stages.%s: unknown stage (known: %v)", name, r.Names())
		}
	}
	stages := make([]Stage, len(order))
	errs := make([]error, len(order))
	var wg sync.WaitGroup
	for i, name := range order {
		wg.Go(func() { stages[i], errs[i] = r[name](opts[name]) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("stages.%s: %w", order[i], err)
		}
	}
	return &Pipeline{Stages: stages}, nil
}

// Pipeline runs stages in order over one Doc.
type Pipeline struct {
	Stages []Stage
}

// Process runs every stage on d. A stage that fails records a StageError on
// d and the later stages still run; only a cancelled ctx stops the run.
func (p *Pipeline) Process(ctx context.Context, d *Doc) error {
	for _, s := range p.Stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := safeProcess(ctx, s, d); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			d.Errors = append(d.Errors, StageError{Stage: s.Name(), Message: err.Error()})
		}
	}
	return nil
}

// safeProcess turns a panic inside a stage into an error, so one bad
// document never takes down a batch.
func safeProcess(ctx context.Context, s Stage, d *Doc) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return s.Process(ctx, d)
}

// Package readoutbeam runs readout's pipeline as an Apache Beam job, so that
// dumps too big for one machine run on Flink, Spark, Dataflow or Prism with
// the same annotation code as `readout annotate`.
//
// The job only adapts the core: it lists and reads input files with the
// core's source reader, annotates each record with readout.Annotate in a
// DoFn that builds the pipeline once per worker process, and writes the
// records as JSON Lines shards, error records to a second set of shards.
// The union of both is the set of records `readout annotate` writes for the
// same files in the same order, byte for byte.
package readoutbeam

import (
	"errors"
	"fmt"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	// Input and output may live on any of these filesystems.
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"

	"github.com/readout/readout/pipeline/source"
)

// Options is what a job reads, how, and where it writes.
type Options struct {
	// Inputs are file names or glob patterns on any Beam filesystem
	// (/local/*.txt, gs://bucket/dump-*.jsonl.gz, s3://...). Files are
	// numbered in pattern order, sorted within a pattern, as
	// `readout annotate` numbers the files it is given.
	Inputs []string
	// Output and Errors are the prefixes of the JSON Lines shards:
	// PREFIX-00000-of-00004.jsonl. Annotated records (status "ok" or
	// "partial") go to Output, error records to Errors.
	Output, Errors string
	// Shards is how many files Output is split into (Errors always one);
	// 0 means DefaultShards.
	Shards int
	// ConfigPath is a readout config file layered over the defaults, as
	// with `readout --config`; empty for the defaults.
	ConfigPath string
	// InputFormat, when set, overrides input.format: text or jsonl.
	InputFormat string
}

// DefaultShards is the number of output shards when Options.Shards is 0.
const DefaultShards = 4

func init() {
	// Plain structs travel between stages; registering them lets every
	// runner encode them with Beam's schema coder.
	beam.RegisterType(reflect.TypeOf((*fileRef)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*doc)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*fileCount)(nil)).Elem())
}

// Build adds the job to s. The configuration is loaded and checked here, on
// the machine that submits the job, and travels to the workers inside the
// annotating DoFn, so workers need no config file.
func Build(s beam.Scope, o Options) error {
	switch {
	case len(o.Inputs) == 0:
		return errors.New("no input: give --input")
	case o.Output == "":
		return errors.New("no output: give --output")
	case o.Errors == "":
		return errors.New("no error output: give --errors")
	case o.Shards < 0:
		return fmt.Errorf("shards: must be >= 0, got %d", o.Shards)
	}
	if o.Shards == 0 {
		o.Shards = DefaultShards
	}
	for _, p := range append(append([]string{}, o.Inputs...), o.Output, o.Errors) {
		if err := checkScheme(p); err != nil {
			return err
		}
	}
	overrides := map[string]any{}
	if o.InputFormat != "" {
		overrides["input.format"] = o.InputFormat
	}
	cfg, settings, err := LoadSettings(o.ConfigPath, overrides)
	if err != nil {
		return err
	}

	s = s.Scope("readout")
	files := beam.ParDo(s, &listFn{Patterns: o.Inputs}, beam.Impulse(s))
	// Each file is read whole by one worker (line numbers and record
	// positions need it); spread the files first.
	files = beam.Reshuffle(s, files)
	docs, counts := beam.ParDo2(s, &readFn{Input: inputOf(cfg.SourceOptions())}, files)
	if cfg.Input.Format == source.JSONL {
		// A record's position in the whole input is its position in its
		// file plus the records of the files before it.
		docs = beam.ParDo(s, &numberFn{}, docs, beam.SideInput{Input: counts})
	}
	// One big JSON Lines file is read by one worker: spread its records
	// before the expensive step.
	docs = beam.Reshuffle(s, docs)
	ok, failed, counted := beam.ParDo3(s, &annotateFn{Settings: settings}, docs)
	writeShards(s.Scope("output"), o.Output, o.Shards, ok)
	writeShards(s.Scope("errors"), o.Errors, 1, failed)
	writeSummary(s.Scope("summary"), o.Output, counted)
	return nil
}

// checkScheme fails for a path whose filesystem is not linked in, before the
// job is submitted rather than on a worker.
func checkScheme(path string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: %v", path, r)
		}
	}()
	filesystem.ValidateScheme(path)
	return nil
}

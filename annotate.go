package readout

import (
	"context"

	"github.com/readout/readout/pipeline"
)

// Annotate turns one record into its output record, as `readout annotate`
// writes it: it checks the record, runs r's pipeline under r's per-document
// timeout and returns the annotated record or an error record
// (status "error"); it never panics. It returns nil only when ctx is
// cancelled under the record, which is no fault of the record.
//
// It is the engine-independent entry point for callers that schedule
// records themselves (the Beam module's DoFn). Only r's Pipeline, Output,
// MaxDocBytes and Timeout are used.
func Annotate(ctx context.Context, r *pipeline.Runner, rec pipeline.Record) *pipeline.Output {
	// Going through Runner.Run keeps a single implementation of the
	// checks, the timeout and the error records; for one record its cost
	// is a few goroutines, nothing next to the stages.
	one := pipeline.Runner{
		Pipeline: r.Pipeline, Workers: 1, Output: r.Output,
		MaxDocBytes: r.MaxDocBytes, Timeout: r.Timeout,
	}
	in := make(chan pipeline.Record, 1)
	in <- rec
	close(in)
	var out *pipeline.Output
	_ = one.Run(ctx, in, func(o *pipeline.Output) error {
		out = o
		return nil
	})
	return out
}

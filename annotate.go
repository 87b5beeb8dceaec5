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
	return r.Annotate(ctx, rec)
}

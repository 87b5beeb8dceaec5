package readoutbeam

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/options/jobopts"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
)

// Main is the readout-beam command; it returns the exit status: 0, 1 when
// the job ran but some records failed (as `readout annotate`), 2 for a
// usage or configuration error, 3 when the job failed.
//
// Our flags say what to read and where to write; every other flag is
// Beam's own (--runner, --endpoint, --environment_type, --worker_binary,
// --parallelism, --project, --region, ...), registered by the SDK in the
// same flag set. The same binary is the worker: runners start it with
// --worker and beam.Init takes over.
func Main() int {
	var o Options
	flag.Var((*patterns)(&o.Inputs), "input", "input file or glob on any Beam filesystem (local, gs://, s3://); repeatable")
	flag.StringVar(&o.InputFormat, "input-format", "", "text or jsonl (default: input.format of the config, text)")
	flag.StringVar(&o.Output, "output", "", "prefix of the JSON Lines shards of annotated records: PREFIX-00000-of-00004.jsonl")
	flag.StringVar(&o.Errors, "errors", "", "prefix of the JSON Lines shard of error records: PREFIX-00000-of-00001.jsonl")
	flag.StringVar(&o.ConfigPath, "config", "", "readout config file over the defaults; read here and shipped to the workers")
	flag.IntVar(&o.Shards, "shards", DefaultShards, "number of output shards")
	flag.Parse()
	beam.Init() // on a worker this runs the harness and never returns

	p, s := beam.NewPipelineWithRoot()
	if err := Build(s, o); err != nil {
		fmt.Fprintln(os.Stderr, "readout-beam:", err)
		return 2
	}
	if err := beamx.Run(context.Background(), p); err != nil {
		fmt.Fprintln(os.Stderr, "readout-beam:", err)
		return 3
	}
	if *jobopts.Async {
		return 0 // submitted; the summary is written when the job ends
	}
	// The summary, not the runner's metrics: a runner may return none, or
	// some of them.
	c, err := ReadSummary(context.Background(), SummaryName(o.Output))
	if err != nil {
		fmt.Fprintln(os.Stderr, "readout-beam: the job ended without its summary:", err)
		return 3
	}
	fmt.Fprintf(os.Stderr, "readout-beam: %d documents, %d words, %d errors, %d partial\n",
		c.Documents, c.Words, c.Errors, c.Partial)
	if c.Errors > 0 {
		fmt.Fprintf(os.Stderr, "readout-beam: %d records failed; see %s\n", c.Errors, ShardName(o.Errors, 0, 1))
		return 1
	}
	return 0
}

// patterns is the repeatable --input flag. String matters: the SDK copies
// flags into the job's options by it.
type patterns []string

func (p *patterns) String() string     { return strings.Join(*p, ",") }
func (p *patterns) Set(s string) error { *p = append(*p, s); return nil }

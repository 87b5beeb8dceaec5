package readoutbeam

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	beam.RegisterType(reflect.TypeOf((*Summary)(nil)).Elem())
	register.Function2x1[Summary, Summary, Summary](addSummaries)
	register.DoFn2x0[[]byte, func(Summary)](&noSummaryFn{})
	register.DoFn2x1[context.Context, Summary, error](&writeSummaryFn{})
	register.Emitter1[Summary]()
}

// Summary is what a job did, counted from the records it wrote: the job
// writes it to SummaryName(output prefix) when it ends. The exit status
// and the summary line come from it, not from the runner's metrics, which
// some runners drop or report in part (Prism loses the counts of bundles
// that finish before it knows a metric's id).
type Summary struct {
	Documents int64 `json:"documents"` // records annotated or failed
	Words     int64 `json:"words"`     // words in the texts annotated
	Errors    int64 `json:"errors"`    // error records
	Partial   int64 `json:"partial"`   // records where a stage failed
}

// SummaryName names the summary that a job with the output prefix writes.
func SummaryName(prefix string) string { return prefix + "-summary.json" }

func addSummaries(a, b Summary) Summary {
	return Summary{a.Documents + b.Documents, a.Words + b.Words, a.Errors + b.Errors, a.Partial + b.Partial}
}

// writeSummary sums the records' summaries and writes the total to
// SummaryName(prefix); an input with no records writes zeros.
func writeSummary(s beam.Scope, prefix string, summaries beam.PCollection) {
	zero := beam.ParDo(s, &noSummaryFn{}, beam.Impulse(s))
	total := beam.Combine(s, addSummaries, beam.Flatten(s, summaries, zero))
	beam.ParDo0(s, &writeSummaryFn{Name: SummaryName(prefix)}, total)
}

type noSummaryFn struct{}

func (*noSummaryFn) ProcessElement(_ []byte, emit func(Summary)) { emit(Summary{}) }

type writeSummaryFn struct{ Name string }

func (f *writeSummaryFn) ProcessElement(ctx context.Context, sum Summary) error {
	b, err := json.Marshal(sum)
	if err != nil {
		return err
	}
	fs, err := filesystem.New(ctx, f.Name)
	if err != nil {
		return err
	}
	defer fs.Close()
	w, err := fs.OpenWrite(ctx, f.Name)
	if err != nil {
		return err
	}
	if _, err := w.Write(append(b, '\n')); err != nil {
		w.Close()
		return fmt.Errorf("%s: %w", f.Name, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("%s: %w", f.Name, err)
	}
	return nil
}

// ReadSummary reads the summary a finished job wrote to name.
func ReadSummary(ctx context.Context, name string) (Summary, error) {
	var sum Summary
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return sum, err
	}
	defer fs.Close()
	r, err := fs.OpenRead(ctx, name)
	if err != nil {
		return sum, err
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		return sum, fmt.Errorf("%s: %w", name, err)
	}
	if err := json.Unmarshal(b, &sum); err != nil {
		return sum, fmt.Errorf("%s: %w", name, err)
	}
	return sum, nil
}

package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"
)

// Record is one input document as a source read it. A source that could not
// read a record still sends it, with Err set, so that it keeps its place in
// the output.
type Record struct {
	ID     string
	Text   string
	Meta   map[string]string
	Source Source
	Err    error
}

// Runner streams records through a pipeline on a pool of workers and hands
// the results on in input order.
type Runner struct {
	Pipeline    *Pipeline
	Workers     int           // <= 0 means all cores
	Output      OutputOptions // how each Doc is written
	MaxDocBytes int           // larger texts become error records; 0 = no limit
	Timeout     time.Duration // per document; 0 = none
	// PartBytes, when > 0, is the size of the parts a longer text is
	// annotated in, one after the other (see partBounds), so that its
	// memory stays within a small multiple of its size.
	PartBytes int
	// Skip, when set, is asked on a worker before a record is annotated;
	// a record it accepts gets no output (--resume: already written). An
	// error from it stops the run.
	Skip func(ctx context.Context, rec Record) (bool, error)
	// Stats, when set, is kept up to date as records pass.
	Stats *Stats
}

// Stats counts what a run did. It is safe to read while the run goes on.
type Stats struct {
	Records atomic.Int64 // records emitted
	Failed  atomic.Int64 // of those, with status other than "ok"
	Skipped atomic.Int64 // records Skip accepted
	Words   atomic.Int64 // words in the texts annotated
}

type job struct {
	seq int
	rec Record
}

// result is a worker's answer for one record: its output, or nothing when
// the record was skipped or abandoned (the run was cancelled under it).
type result struct {
	seq     int
	out     *Output
	skipped bool
	err     error
}

// Run reads records from in until it is closed and calls emit once for each
// record, in input order. Memory stays bounded: at most a few records per
// worker are in flight. Run stops early if ctx is cancelled or emit fails.
func (r *Runner) Run(ctx context.Context, in <-chan Record, emit func(*Output) error) error {
	workers := r.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	window := 4 * workers // records read but not yet emitted
	slots := make(chan struct{}, window)
	jobs := make(chan job)
	results := make(chan result, window)

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- r.work(ctx, j)
			}
		}()
	}

	// Feed: take a slot per record so that a slow record cannot let the
	// reorder buffer grow without bound.
	go func() {
		defer close(jobs)
		seq := 0
		for {
			// Wait on ctx too: a source blocked on its input (stdin) must
			// not keep a cancelled run alive.
			var rec Record
			select {
			case got, ok := <-in:
				if !ok {
					return
				}
				rec = got
			case <-ctx.Done():
				return
			}
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{seq, rec}:
			case <-ctx.Done():
				return
			}
			seq++
		}
	}()
	go func() { wg.Wait(); close(results) }()

	pending := make(map[int]result, window)
	next := 0
	var runErr error
	for res := range results {
		if runErr != nil {
			continue // drain so workers can exit
		}
		pending[res.seq] = res
		for {
			res, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			switch {
			case res.err != nil:
				runErr = res.err
			case res.skipped:
				continue
			case res.out == nil:
				// Abandoned: emitting later records would leave a gap in
				// the output, so stop here; ctx says why.
				runErr = ctx.Err()
			default:
				runErr = emit(res.out)
				if runErr == nil && r.Stats != nil {
					r.Stats.Records.Add(1)
					if res.out.Status != "ok" {
						r.Stats.Failed.Add(1)
					}
				}
			}
			if runErr != nil {
				cancel()
				break
			}
		}
	}
	if runErr != nil {
		return runErr
	}
	return ctx.Err()
}

// work handles one job on a worker.
func (r *Runner) work(ctx context.Context, j job) result {
	if r.Skip != nil {
		skip, err := r.Skip(ctx, j.rec)
		if err != nil {
			return result{seq: j.seq, err: err}
		}
		if skip {
			if r.Stats != nil {
				r.Stats.Skipped.Add(1)
			}
			return result{seq: j.seq, skipped: true}
		}
	}
	out := r.Annotate(ctx, j.rec)
	if out == nil {
		return result{seq: j.seq}
	}
	if r.Stats != nil && out.Status != "error" {
		r.Stats.Words.Add(int64(CountWords(j.rec.Text)))
	}
	return result{seq: j.seq, out: out}
}

// CountWords counts runs of non-space characters, as strings.Fields would,
// without allocating.
func CountWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		var space bool
		if c < utf8.RuneSelf {
			space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// Annotate turns one record into its output, never panicking: every failure
// becomes an error record with the record's id and position. It returns nil
// when ctx was cancelled under the record: that is no fault of the record,
// and a resumed run will annotate it.
func (r *Runner) Annotate(ctx context.Context, rec Record) *Output {
	parent := ctx
	src := rec.Source
	fail := func(stage, msg string) *Output {
		return ErrorOutput(rec.ID, &src, r.Output.Offsets, stage, msg)
	}
	if rec.Err != nil {
		return fail("input", rec.Err.Error())
	}
	if msg := CheckText(rec.Text, r.MaxDocBytes); msg != "" {
		return fail("input", msg)
	}
	if r.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, r.Timeout)
		defer cancel()
	}
	d := &Doc{ID: rec.ID, Text: rec.Text, Meta: rec.Meta}
	out, err := r.process(ctx, d)
	if err != nil {
		if parent.Err() != nil {
			return nil
		}
		if errors.Is(err, context.DeadlineExceeded) {
			return fail("pipeline", fmt.Sprintf("timed out after %s", r.Timeout))
		}
		return fail("pipeline", err.Error())
	}
	out.Source = &src
	return out
}

// process annotates d whole, or in parts when it is longer than PartBytes.
func (r *Runner) process(ctx context.Context, d *Doc) (*Output, error) {
	if r.PartBytes > 0 && len(d.Text) > r.PartBytes {
		return r.processInParts(ctx, d)
	}
	if err := r.Pipeline.Process(ctx, d); err != nil {
		return nil, err
	}
	return d.Output(r.Output), nil
}

// CheckText says what is wrong with a text that cannot be annotated, or "".
func CheckText(text string, maxBytes int) string {
	switch {
	case maxBytes > 0 && len(text) > maxBytes:
		return fmt.Sprintf("text is %d bytes, over the limit of %d (max_doc_bytes)", len(text), maxBytes)
	case !utf8.ValidString(text):
		return fmt.Sprintf("invalid UTF-8 at byte %d", invalidAt(text))
	case strings.TrimSpace(text) == "":
		return "empty text"
	}
	for _, c := range text {
		if c == 0 {
			return "text contains NUL bytes (binary data?)"
		}
	}
	return ""
}

func invalidAt(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i
			}
		}
	}
	return -1
}

package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"
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
}

type job struct {
	seq int
	rec Record
}

type result struct {
	seq int
	out *Output
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
				results <- result{j.seq, r.annotate(ctx, j.rec)}
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

	pending := make(map[int]*Output, window)
	next := 0
	var emitErr error
	for res := range results {
		if emitErr != nil {
			continue // drain so workers can exit
		}
		pending[res.seq] = res.out
		for {
			out, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			if err := emit(out); err != nil {
				emitErr = err
				cancel()
				break
			}
		}
	}
	if emitErr != nil {
		return emitErr
	}
	return ctx.Err()
}

// annotate turns one record into its output, never panicking: every failure
// becomes an error record with the record's id and position.
func (r *Runner) annotate(ctx context.Context, rec Record) *Output {
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
	if err := r.Pipeline.Process(ctx, d); err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return fail("pipeline", fmt.Sprintf("timed out after %s", r.Timeout))
		}
		return fail("pipeline", err.Error())
	}
	out := d.Output(r.Output)
	out.Source = &src
	return out
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

package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/readout/readout/pipeline"
)

// jitter sleeps a short time derived from the text, so that workers finish
// out of input order.
type jitter struct{}

func (jitter) Name() string { return "jitter" }
func (jitter) Process(ctx context.Context, d *pipeline.Doc) error {
	h := fnv.New32a()
	h.Write([]byte(d.Text))
	time.Sleep(time.Duration(h.Sum32()%3000) * time.Microsecond)
	return nil
}

// marker records that it ran, as a paragraph spanning the whole text.
type marker struct{}

func (marker) Name() string { return "marker" }
func (marker) Process(ctx context.Context, d *pipeline.Doc) error {
	d.Paragraphs = append(d.Paragraphs, pipeline.Paragraph{Start: 0, End: len(d.Text), Kind: pipeline.TextPara, Section: -1, Block: -1})
	return nil
}

// trap panics on one text and fails on another.
type trap struct{ panicOn, failOn string }

func (trap) Name() string { return "trap" }
func (s trap) Process(ctx context.Context, d *pipeline.Doc) error {
	switch d.Text {
	case s.panicOn:
		var m map[string]int
		m["boom"]++ // a real runtime panic, not a string
	case s.failOn:
		return errors.New("trap refused " + d.Text)
	}
	return nil
}

// waiter blocks until ctx is done, for texts starting with "wait".
type waiter struct{}

func (waiter) Name() string { return "waiter" }
func (waiter) Process(ctx context.Context, d *pipeline.Doc) error {
	if !strings.HasPrefix(d.Text, "wait") {
		return nil
	}
	<-ctx.Done()
	return ctx.Err()
}

func newPipeline(stages ...pipeline.Stage) *pipeline.Pipeline {
	return &pipeline.Pipeline{Stages: stages}
}

func feed(recs []pipeline.Record) <-chan pipeline.Record {
	in := make(chan pipeline.Record)
	go func() {
		defer close(in)
		for i, r := range recs {
			r.Source.Record = i
			in <- r
		}
	}()
	return in
}

func collect(t *testing.T, r *pipeline.Runner, recs []pipeline.Record) []*pipeline.Output {
	t.Helper()
	var outs []*pipeline.Output
	if err := r.Run(context.Background(), feed(recs), func(o *pipeline.Output) error {
		outs = append(outs, o)
		return nil
	}); err != nil {
		t.Fatalf("Run: %v", err)
	}
	return outs
}

func TestRunOrderErrorsPanics(t *testing.T) {
	const n = 300
	recs := make([]pipeline.Record, n)
	for i := range recs {
		recs[i] = pipeline.Record{ID: fmt.Sprintf("r%03d", i), Text: fmt.Sprintf("text %d", i)}
	}
	recs[17].Text = "panic here"
	recs[18].Text = "fail here"
	recs[250].Text = "panic here"
	for _, workers := range []int{0, 1, 2, 7, 32} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			r := &pipeline.Runner{
				Pipeline: newPipeline(jitter{}, trap{panicOn: "panic here", failOn: "fail here"}, marker{}),
				Workers:  workers,
			}
			outs := collect(t, r, recs)
			if len(outs) != n {
				t.Fatalf("%d outputs for %d inputs", len(outs), n)
			}
			for i, o := range outs {
				if o.ID != recs[i].ID || o.Source == nil || o.Source.Record != i {
					t.Fatalf("output %d is %q (source %+v): out of order", i, o.ID, o.Source)
				}
				if o.Schema != pipeline.SchemaVersion {
					t.Errorf("%s: schema %q", o.ID, o.Schema)
				}
				// The later stage still ran after a failing one.
				if len(o.Paragraphs) != 1 {
					t.Errorf("%s: %d paragraphs, want 1 from the marker stage", o.ID, len(o.Paragraphs))
				}
				var want string
				switch recs[i].Text {
				case "panic here":
					want = "trap: panic: assignment to entry in nil map"
				case "fail here":
					want = "trap: trap refused fail here"
				}
				got := ""
				for _, e := range o.Errors {
					got += e.Stage + ": " + e.Message
				}
				if got != want {
					t.Errorf("%s: errors %q, want %q", o.ID, got, want)
				}
				// A record whose stage failed is flagged; the status word
				// for it ("error", or "partial" since later stages ran) is
				// output.go's business.
				if ok := o.Status == "ok"; ok != (want == "") {
					t.Errorf("%s: status %q with errors %q", o.ID, o.Status, got)
				}
			}
		})
	}
}

func TestRunInputErrors(t *testing.T) {
	tests := []struct {
		name string
		rec  pipeline.Record
		want string // error message substring; "" means ok
	}{
		{"ok", pipeline.Record{Text: "Cairo"}, ""},
		{"at the limit", pipeline.Record{Text: strings.Repeat("é", 8)}, ""}, // 16 bytes
		{"over the limit", pipeline.Record{Text: strings.Repeat("é", 8) + "x"}, "text is 17 bytes, over the limit of 16 (max_doc_bytes)"},
		{"empty", pipeline.Record{Text: ""}, "empty text"},
		{"blank", pipeline.Record{Text: " \t\r\n\u00a0\u2003"}, "empty text"},
		{"invalid UTF-8", pipeline.Record{Text: "ab\xffcd"}, "invalid UTF-8 at byte 2"},
		{"truncated rune", pipeline.Record{Text: "abc\xe2\x80"}, "invalid UTF-8 at byte 3"},
		{"encoded U+FFFD is fine", pipeline.Record{Text: "a\uFFFDb"}, ""},
		{"NUL", pipeline.Record{Text: "ab\x00cd"}, "NUL"},
		{"source error", pipeline.Record{Text: "fine", Err: errors.New("line 3: malformed JSON")}, "line 3: malformed JSON"},
	}
	recs := make([]pipeline.Record, len(tests))
	for i, tt := range tests {
		recs[i] = tt.rec
		recs[i].ID = tt.name
		recs[i].Source = pipeline.Source{Path: "in.jsonl", Line: i + 1}
	}
	var ran atomic.Int32
	counting := stageFunc{"count", func(ctx context.Context, d *pipeline.Doc) error { ran.Add(1); return nil }}
	r := &pipeline.Runner{Pipeline: newPipeline(counting), Workers: 3, MaxDocBytes: 16, Output: pipeline.OutputOptions{Offsets: pipeline.UTF16}}
	outs := collect(t, r, recs)
	if len(outs) != len(tests) {
		t.Fatalf("%d outputs for %d inputs", len(outs), len(tests))
	}
	oks := 0
	for i, tt := range tests {
		o := outs[i]
		if o.ID != tt.name || o.Source == nil || o.Source.Line != i+1 || o.Source.Path != "in.jsonl" {
			t.Errorf("output %d: id %q source %+v", i, o.ID, o.Source)
		}
		if o.Offsets != pipeline.UTF16 {
			t.Errorf("%s: offsets %q", tt.name, o.Offsets)
		}
		if tt.want == "" {
			oks++
			if o.Status != "ok" || len(o.Errors) != 0 {
				t.Errorf("%s: status %q errors %v, want ok", tt.name, o.Status, o.Errors)
			}
			continue
		}
		if o.Status != "error" || len(o.Errors) != 1 || o.Errors[0].Stage != "input" || !strings.Contains(o.Errors[0].Message, tt.want) {
			t.Errorf("%s: status %q errors %+v, want one input error containing %q", tt.name, o.Status, o.Errors, tt.want)
		}
		// Error records keep the schema's arrays non-nil.
		if o.Paragraphs == nil || o.Entities == nil || o.Participants == nil || o.Topics == nil || o.Issues == nil || o.Tables == nil {
			t.Errorf("%s: error record has nil arrays", tt.name)
		}
	}
	if int(ran.Load()) != oks {
		t.Errorf("pipeline ran on %d records, want only the %d good ones", ran.Load(), oks)
	}
}

type stageFunc struct {
	name string
	f    func(context.Context, *pipeline.Doc) error
}

func (s stageFunc) Name() string                                       { return s.name }
func (s stageFunc) Process(ctx context.Context, d *pipeline.Doc) error { return s.f(ctx, d) }

func TestRunTimeout(t *testing.T) {
	recs := []pipeline.Record{{ID: "a", Text: "quick"}, {ID: "b", Text: "wait for ever"}, {ID: "c", Text: "quick too"}}
	r := &pipeline.Runner{Pipeline: newPipeline(waiter{}, marker{}), Workers: 2, Timeout: 50 * time.Millisecond}
	start := time.Now()
	outs := collect(t, r, recs)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Run took %s with a 50ms timeout", d)
	}
	if len(outs) != 3 {
		t.Fatalf("%d outputs", len(outs))
	}
	for i, o := range outs {
		if o.ID != recs[i].ID {
			t.Errorf("output %d is %q", i, o.ID)
		}
	}
	if outs[0].Status != "ok" || outs[2].Status != "ok" {
		t.Errorf("quick records: %q %q", outs[0].Status, outs[2].Status)
	}
	b := outs[1]
	if b.Status != "error" || len(b.Errors) != 1 || b.Errors[0].Message != "timed out after 50ms" {
		t.Errorf("waiting record: status %q errors %+v, want a single timeout error", b.Status, b.Errors)
	}
}

func TestRunEmitError(t *testing.T) {
	recs := make([]pipeline.Record, 200)
	for i := range recs {
		recs[i] = pipeline.Record{ID: fmt.Sprint(i), Text: fmt.Sprint("text ", i)}
	}
	boom := errors.New("disk full")
	for _, workers := range []int{1, 4} {
		r := &pipeline.Runner{Pipeline: newPipeline(jitter{}), Workers: workers}
		emitted := 0
		err := r.Run(context.Background(), feed(recs), func(o *pipeline.Output) error {
			emitted++
			if emitted == 5 {
				return boom
			}
			return nil
		})
		if err != boom {
			t.Errorf("workers=%d: Run = %v, want the emit error", workers, err)
		}
		if emitted != 5 {
			t.Errorf("workers=%d: emit called %d times after failing on the 5th", workers, emitted)
		}
	}
}

func TestRunCancel(t *testing.T) {
	t.Run("while records flow", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		in := make(chan pipeline.Record)
		go func() { // an endless source that stops when ctx is done
			defer close(in)
			for i := 0; ; i++ {
				select {
				case in <- pipeline.Record{ID: fmt.Sprint(i), Text: fmt.Sprint("text ", i)}:
				case <-ctx.Done():
					return
				}
			}
		}()
		n := 0
		done := make(chan error, 1)
		go func() {
			done <- (&pipeline.Runner{Pipeline: newPipeline(jitter{}), Workers: 4}).Run(ctx, in, func(o *pipeline.Output) error {
				if n++; n == 20 {
					cancel()
				}
				return nil
			})
		}()
		waitCanceled(t, done, "Run did not stop after cancel")
	})
	t.Run("while waiting for input", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		in := make(chan pipeline.Record) // never sends, never closes: a blocked stdin
		done := make(chan error, 1)
		go func() {
			done <- (&pipeline.Runner{Pipeline: newPipeline(), Workers: 2}).Run(ctx, in, func(*pipeline.Output) error { return nil })
		}()
		time.Sleep(20 * time.Millisecond)
		cancel()
		waitCanceled(t, done, "Run did not stop after cancel while its input was idle")
	})
	t.Run("while a stage works", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		in := feed([]pipeline.Record{{ID: "a", Text: "wait"}})
		done := make(chan error, 1)
		go func() {
			done <- (&pipeline.Runner{Pipeline: newPipeline(waiter{}), Workers: 1}).Run(ctx, in, func(*pipeline.Output) error { return nil })
		}()
		time.Sleep(20 * time.Millisecond)
		cancel()
		waitCanceled(t, done, "Run did not stop after cancel")
	})
}

// waitCanceled waits for a cancelled Run to return context.Canceled,
// failing with msg if it does not within 10 s.
func waitCanceled(t *testing.T, done <-chan error, msg string) {
	t.Helper()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Run = %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal(msg)
	}
}

func TestRunSkipAndStats(t *testing.T) {
	var recs []pipeline.Record
	for i := range 50 {
		recs = append(recs, pipeline.Record{ID: fmt.Sprint(i), Text: fmt.Sprintf("word %d here", i)})
	}
	recs[7].Text = "" // an error record: no words counted
	for _, workers := range []int{1, 4} {
		stats := &pipeline.Stats{}
		r := &pipeline.Runner{
			Pipeline: newPipeline(jitter{}), Workers: workers, Stats: stats,
			Skip: func(ctx context.Context, rec pipeline.Record) (bool, error) {
				var n int
				fmt.Sscan(rec.ID, &n)
				return n%3 == 0, nil
			},
		}
		outs := collect(t, r, recs)
		var ids []string
		for _, o := range outs {
			ids = append(ids, o.ID)
		}
		var want []string
		for i := range 50 {
			if i%3 != 0 {
				want = append(want, fmt.Sprint(i))
			}
		}
		if strings.Join(ids, ",") != strings.Join(want, ",") {
			t.Errorf("workers=%d: emitted %v, want %v", workers, ids, want)
		}
		if got := [4]int64{stats.Records.Load(), stats.Failed.Load(), stats.Skipped.Load(), stats.Words.Load()}; got != [4]int64{33, 1, 17, 32 * 3} {
			t.Errorf("workers=%d: stats records/failed/skipped/words %v, want [33 1 17 96]", workers, got)
		}
	}

	boom := errors.New("database gone")
	r := &pipeline.Runner{Pipeline: newPipeline(), Workers: 2, Skip: func(context.Context, pipeline.Record) (bool, error) { return false, boom }}
	if err := r.Run(context.Background(), feed(recs), func(*pipeline.Output) error { return nil }); err != boom {
		t.Errorf("Run with a failing Skip = %v, want its error", err)
	}
}

// TestRunAbandon: records a cancel catches mid-stage are not written as
// errors (a resumed run redoes them), and nothing after them is emitted.
func TestRunAbandon(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	recs := []pipeline.Record{{ID: "a", Text: "quick"}, {ID: "b", Text: "wait here"}, {ID: "c", Text: "quick too"}}
	var emitted []string
	started := make(chan struct{})
	stage := stageFunc{"gate", func(ctx context.Context, d *pipeline.Doc) error {
		if d.ID == "b" {
			close(started)
		}
		return nil
	}}
	// One worker: "a" is done before "b" starts, so only "b" meets the cancel.
	r := &pipeline.Runner{Pipeline: newPipeline(stage, waiter{}), Workers: 1}
	go func() { <-started; cancel() }()
	err := r.Run(ctx, feed(recs), func(o *pipeline.Output) error {
		emitted = append(emitted, o.ID+":"+o.Status)
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Run = %v, want context.Canceled", err)
	}
	if strings.Join(emitted, " ") != "a:ok" {
		t.Errorf("emitted %q, want only a:ok", emitted)
	}
}

func TestCountWords(t *testing.T) {
	for _, s := range []string{"", "  ", "one", " two  words ", "tab\tand\nnew\r\nline", "non\u00a0breaking\u2003em space", "é ü 中文 x"} {
		if got, want := pipeline.CountWords(s), len(strings.Fields(s)); got != want {
			t.Errorf("CountWords(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestOmitEvidence: the compact output drops the evidence of topics and
// nothing else.
func TestOmitEvidence(t *testing.T) {
	d := pipeline.NewDoc("x", "Talks on trade.")
	d.Paragraphs = []pipeline.Paragraph{{Start: 0, End: 15, Kind: pipeline.TextPara, Section: -1, Block: -1,
		Topics: []pipeline.TopicScore{{Topic: "trade", Label: "Trade", Score: 1, Evidence: []pipeline.Evidence{{Kind: "stem", Span: d.SpanOf(9, 14)}}}}}}
	d.Topics = d.Paragraphs[0].Topics
	full, compact := d.Output(pipeline.OutputOptions{}), d.Output(pipeline.OutputOptions{OmitEvidence: true})
	if len(full.Topics[0].Evidence) != 1 || len(full.Paragraphs[0].Topics[0].Evidence) != 1 {
		t.Fatalf("default output lost the evidence: %+v", full.Topics)
	}
	if compact.Topics[0].Evidence != nil || compact.Paragraphs[0].Topics[0].Evidence != nil {
		t.Errorf("compact output kept evidence: %+v", compact.Topics)
	}
	compact.Topics[0].Evidence, compact.Paragraphs[0].Topics[0].Evidence = full.Topics[0].Evidence, full.Paragraphs[0].Topics[0].Evidence
	if !reflect.DeepEqual(full, compact) {
		t.Error("compact output differs in more than the evidence")
	}
}

package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/readout/readout/pipeline"
)

// reporter writes what annotate has to say besides records: warnings, the
// progress bar and the final summary, on stderr, as text or JSON lines.
type reporter struct {
	mu    sync.Mutex // warnings come from the sink's goroutine too
	w     io.Writer
	log   *slog.Logger // set for --log-format json
	quiet bool
	bar   *progressbar.ProgressBar
	// secret is the database password of --out, never printed.
	secret string
}

// hide masks the database password in a message.
func hide(msg, secret string) string {
	if secret == "" {
		return msg
	}
	return strings.ReplaceAll(msg, secret, "xxxxx")
}

func newReporter(w io.Writer, format string, quiet bool) (*reporter, error) {
	r := &reporter{w: w, quiet: quiet}
	switch format {
	case "", "text":
	case "json":
		r.log = slog.New(slog.NewJSONHandler(w, nil))
	default:
		return nil, fmt.Errorf("--log-format: want text or json, got %q", format)
	}
	return r, nil
}

func (r *reporter) warn(msg string) {
	msg = hide(msg, r.secret)
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.log != nil {
		r.log.Warn(msg)
		return
	}
	if r.bar != nil {
		_ = r.bar.Clear()
	}
	fmt.Fprintln(r.w, "readout: warning:", msg)
}

// info is a message for the user that --quiet does not silence (how to
// resume an interrupted run).
func (r *reporter) info(msg string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = hide(s, r.secret)
		}
	}
	if r.log != nil {
		r.log.Info(msg, args...)
		return
	}
	var b strings.Builder
	b.WriteString("readout: " + msg)
	for i := 0; i+1 < len(args); i += 2 {
		fmt.Fprintf(&b, " %v", args[i+1])
	}
	fmt.Fprintln(r.w, b.String())
}

// summary is the last line: documents, errors, words, words/s (over the
// annotating time, run, which leaves out loading the models) and the whole
// time, elapsed.
func (r *reporter) summary(s *pipeline.Stats, elapsed, run time.Duration) {
	if r.quiet {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	words := s.Words.Load()
	rate := float64(words) / max(run.Seconds(), 1e-9)
	if r.log != nil {
		r.log.Info("summary",
			"documents", s.Records.Load(), "errors", s.Failed.Load(), "skipped", s.Skipped.Load(),
			"words", words, "words_per_sec", int64(rate), "elapsed_sec", elapsed.Seconds())
		return
	}
	skipped := ""
	if n := s.Skipped.Load(); n > 0 {
		skipped = fmt.Sprintf(", %d skipped (already written)", n)
	}
	fmt.Fprintf(r.w, "readout: %d documents, %d errors%s, %d words, %.0f words/s, %s\n",
		s.Records.Load(), s.Failed.Load(), skipped, words, rate, elapsed.Round(time.Millisecond))
}

// progress draws a bar on stderr while the run goes on, when stderr is a
// terminal. Against a known input size (files) it shows bytes read and an
// ETA; on stdin it counts documents. stop removes it.
func (r *reporter) progress(s *pipeline.Stats, read *atomic.Int64, total int64, known bool) (stop func()) {
	f, ok := r.w.(*os.File)
	if !ok || r.quiet || r.log != nil || !term.IsTerminal(int(f.Fd())) {
		return func() {}
	}
	opts := []progressbar.Option{
		progressbar.OptionSetWriter(f),
		progressbar.OptionThrottle(200 * time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetWidth(30),
	}
	if known {
		opts = append(opts, progressbar.OptionShowBytes(true), progressbar.OptionSetPredictTime(true))
	} else {
		total = -1
		opts = append(opts, progressbar.OptionSpinnerType(14))
	}
	r.mu.Lock()
	r.bar = progressbar.NewOptions64(total, opts...)
	r.mu.Unlock()
	start := time.Now()
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(250 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
			words := s.Words.Load()
			r.mu.Lock()
			r.bar.Describe(fmt.Sprintf("%d docs, %d errors, %.0f words/s",
				s.Records.Load(), s.Failed.Load(), float64(words)/time.Since(start).Seconds()))
			if known {
				_ = r.bar.Set64(read.Load())
			} else {
				_ = r.bar.Set64(s.Records.Load())
			}
			r.mu.Unlock()
		}
	}()
	return func() {
		close(done)
		wg.Wait()
		r.mu.Lock()
		_ = r.bar.Clear()
		r.bar = nil
		r.mu.Unlock()
	}
}

package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/readout/readout"
	"github.com/readout/readout/pipeline"
	"github.com/readout/readout/pipeline/sink"
	"github.com/readout/readout/pipeline/source"
	"github.com/readout/readout/render"
)

func newAnnotateCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "annotate [PATH ...]",
		Short: "Annotate text files, folders, stdin (-) or JSON Lines",
		Long: `annotate runs the pipeline over its inputs and writes one JSON record per
input record, in input order. PATH is a file, a folder (read recursively,
files matching input.include / --include) or - for stdin; any of them may be
gzip-compressed. With no PATH it reads stdin.

A single text document is written as indented JSON; anything else as JSON
Lines. A record that cannot be annotated is written as an error record
(status "error", or "partial" when only some stages failed) and the exit
status is 1; --fail-fast stops at the first such record.

--out writes to a JSON Lines file (through a journal, PATH.journal, that a
killed run leaves for --resume), to SQLite (sqlite:PATH) or to PostgreSQL
(postgres://...). Each keeps one record per id, keyed by the id and the
text's SHA-256, and --resume skips documents already written before
annotating them. On SIGINT or
SIGTERM annotate finishes the documents in flight (a second signal abandons
them), keeps what it wrote and prints the command that resumes the run.`,
		Example: `  readout annotate testdata/egypt-russia-cairo.txt
  cat article.txt | readout annotate -
  readout annotate --input jsonl --workers 2 dump.jsonl > out.jsonl
  readout annotate --input jsonl --out sqlite:news.db dump.jsonl.gz
  readout annotate --input jsonl --out sqlite:news.db --resume dump.jsonl.gz
  readout annotate --input jsonl --out postgres://user@localhost/news dump.jsonl
  READOUT_OUTPUT_OFFSETS=utf16 readout annotate --output jsonl articles/`,
		RunE: runAnnotate,
	}
	f := cmd.Flags()
	f.String("input", "", "input format: text or jsonl (input.format)")
	f.String("output", "", "output format: auto, json, jsonl or markdown, a summary to read (output.format)")
	f.String("offsets", "", "offset unit: bytes, codepoints or utf16 (output.offsets)")
	f.String("topic-model", "", "a model from \"readout train topics\": its labels join the topics of the document and of each paragraph (stages.topics.model)")
	f.Int("workers", 0, "worker goroutines, 0 = all cores (workers)")
	f.StringSlice("include", nil, "file name globs taken from folders, e.g. '*.jsonl.gz' (input.include)")
	f.Int("max-doc-bytes", 0, "larger documents become error records (max_doc_bytes)")
	f.StringP("out", "o", "", "write to a JSON Lines file (one record per id, through PATH.journal), sqlite:PATH or postgres://...")
	f.Int("batch-size", 0, "documents per database transaction; 0 = 500")
	f.Bool("resume", false, "skip documents already in --out (same id and text hash), checked before annotating")
	f.Bool("fail-fast", false, "stop at the first record that fails (exit 1; everything before it is written)")
	f.BoolP("quiet", "q", false, "no progress bar and no summary line")
	f.String("log-format", "text", "stderr messages (summary, warnings): text or json (one JSON object a line)")
	return cmd
}

// flagKeys maps flags to the config keys they override.
var flagKeys = map[string]string{
	"input":         "input.format",
	"output":        "output.format",
	"offsets":       "output.offsets",
	"workers":       "workers",
	"include":       "input.include",
	"max-doc-bytes": "max_doc_bytes",
	"topic-model":   "stages.topics.model",
}

// loadConfig layers defaults, the --config file, the environment and the
// flags that were set.
func loadConfig(cmd *cobra.Command) (readout.Config, error) {
	v := readout.NewViper()
	if path, _ := cmd.Flags().GetString("config"); path != "" {
		if err := readout.MergeConfigFile(v, path); err != nil {
			return readout.Config{}, err
		}
	}
	if err := bindFlags(v, cmd.Flags()); err != nil {
		return readout.Config{}, err
	}
	return readout.DecodeConfig(v)
}

func bindFlags(v *viper.Viper, fs *pflag.FlagSet) error {
	for name, key := range flagKeys {
		if f := fs.Lookup(name); f != nil && f.Changed {
			if err := v.BindPFlag(key, f); err != nil {
				return err
			}
		}
	}
	return nil
}

// errFailFast stops a --fail-fast run at its first failed record.
var errFailFast = errors.New("stopped at the first failed record (--fail-fast)")

func runAnnotate(cmd *cobra.Command, args []string) (err error) {
	started := time.Now()
	cfg, err := loadConfig(cmd)
	if err != nil {
		return err
	}
	if len(args) == 0 {
		args = []string{"-"}
	}
	fl := cmd.Flags()
	target, _ := fl.GetString("out")
	resume, _ := fl.GetBool("resume")
	failFast, _ := fl.GetBool("fail-fast")
	quiet, _ := fl.GetBool("quiet")
	logFormat, _ := fl.GetString("log-format")
	batchSize, _ := fl.GetInt("batch-size")
	rep, err := newReporter(cmd.ErrOrStderr(), logFormat, quiet)
	if err != nil {
		return err
	}
	if rep.secret = passwordOf(target); rep.secret != "" {
		defer func() {
			if err != nil {
				code := 2
				var ee *exitError
				if errors.As(err, &ee) {
					code = ee.code
				}
				err = &exitError{code, errors.New(hide(err.Error(), rep.secret))}
			}
		}()
	}
	if resume && (target == "" || target == "-") {
		return sink.ErrNoResume
	}
	runner, err := cfg.NewRunner()
	if err != nil {
		return err
	}
	indent := !sink.IsDatabase(target) &&
		(cfg.Output.Format == "json" || (cfg.Output.Format == "auto" && singleTextDoc(cfg, args)))

	// The sink works under its own context: an interrupted run still
	// flushes what it finished.
	sinkCtx := context.WithoutCancel(cmd.Context())
	sopts := sink.Options{
		Stdout: cmd.OutOrStdout(), Indent: indent, Resume: resume, Warn: rep.warn, BatchSize: batchSize,
	}
	if cfg.Output.Format == "markdown" {
		sopts.Encode = render.Markdown
	}
	snk, err := sink.Open(sinkCtx, target, sopts)
	if err != nil {
		return err
	}

	// The first SIGINT or SIGTERM stops reading and lets the documents in
	// flight finish; a second abandons them.
	runCtx, abandon := context.WithCancel(cmd.Context())
	defer abandon()
	readCtx, stopReading := context.WithCancel(runCtx)
	defer stopReading()
	var interrupted atomic.Int32
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	go func() {
		for range sigs {
			switch interrupted.Add(1) {
			case 1:
				rep.warn("interrupted: finishing the documents in flight (signal again to abandon them)")
				stopReading()
			default:
				abandon()
			}
		}
	}()

	// words/s counts from here: loading models is a fixed cost, not throughput.
	runStart := time.Now()
	var stats pipeline.Stats
	var bytesRead atomic.Int64
	runner.Stats = &stats
	if resume {
		runner.Skip = func(ctx context.Context, rec pipeline.Record) (bool, error) {
			return snk.Seen(ctx, rec.ID, sink.KeyOf(rec, runner.MaxDocBytes))
		}
	}
	opts := cfg.SourceOptions()
	opts.Stdin = cmd.InOrStdin()
	opts.OnRead = func(n int) { bytesRead.Add(int64(n)) }
	total, known := source.TotalBytes(args, opts)
	stopProgress := rep.progress(&stats, &bytesRead, total, known)

	records := make(chan pipeline.Record, 16)
	readErr := make(chan error, 1)
	go func() { readErr <- source.Read(readCtx, args, opts, records) }()

	var failedID string
	runErr := runner.Run(runCtx, records, func(o *pipeline.Output) error {
		if err := snk.Write(sinkCtx, o); err != nil {
			return err
		}
		if failFast && o.Status != "ok" {
			failedID = o.ID
			return errFailFast
		}
		return nil
	})
	stopReading() // the reader may be blocked sending records nobody takes
	rerr := <-readErr
	stopProgress()
	if interrupted.Load() > 0 {
		if errors.Is(rerr, context.Canceled) {
			rerr = nil
		}
		if errors.Is(runErr, context.Canceled) {
			runErr = nil
		}
	}
	if runErr == nil && rerr != nil {
		runErr = rerr
	}
	stopped := runErr != nil && !errors.Is(runErr, errFailFast)
	var closeErr error
	if d, ok := snk.(sink.Discarder); ok && stopped {
		closeErr = d.Discard()
	} else {
		closeErr = snk.Close()
	}
	if runErr == nil && closeErr != nil {
		runErr, stopped = closeErr, true
	}
	rep.summary(&stats, time.Since(started), time.Since(runStart))

	// A database keeps what it committed and a JSON Lines file its
	// journal: both resume. Text output does not.
	resumable := target != "" && target != "-" && sopts.Encode == nil
	switch {
	case interrupted.Load() > 0 && runErr == nil:
		if resumable {
			rep.info("interrupted; to resume"+passwordNote(rep.secret)+":", "command", resumeCommand(cmd, args))
		} else {
			rep.info("interrupted; the records written so far went to stdout (use --out FILE, sqlite:PATH or postgres://... to make a run resumable)")
		}
		return &exitError{130, errors.New("interrupted")}
	case errors.Is(runErr, errFailFast):
		return &exitError{1, fmt.Errorf("%w: %s", errFailFast, failedID)}
	case runErr != nil:
		if resumable {
			rep.info("the documents written so far are kept; to resume"+passwordNote(rep.secret)+":", "command", resumeCommand(cmd, args))
		}
		return runErr
	}
	if n := stats.Failed.Load(); n > 0 {
		return &exitError{1, fmt.Errorf("%d of %d records failed (see their errors field)", n, stats.Records.Load())}
	}
	return nil
}

// resumeCommand is the command line that resumes this run: the same flags
// and paths, with --resume.
func resumeCommand(cmd *cobra.Command, args []string) string {
	prog := "readout"
	if len(os.Args) > 0 && filepath.Base(os.Args[0]) == "readout" {
		prog = os.Args[0]
	}
	parts := []string{prog, cmd.Name()}
	visit := func(f *pflag.Flag) {
		if f.Name == "resume" {
			return
		}
		if sv, ok := f.Value.(pflag.SliceValue); ok {
			for _, v := range sv.GetSlice() {
				parts = append(parts, "--"+f.Name+"="+shellQuote(v))
			}
			return
		}
		parts = append(parts, "--"+f.Name+"="+shellQuote(f.Value.String()))
	}
	cmd.Flags().Visit(visit) // the flags set, the inherited --config among them
	parts = append(parts, "--resume")
	for _, a := range args {
		parts = append(parts, shellQuote(a))
	}
	return strings.Join(parts, " ")
}

// passwordOf is the password in a database URL given to --out, in its
// user part or as ?password=.
func passwordOf(target string) string {
	if !sink.IsDatabase(target) {
		return ""
	}
	u, err := url.Parse(target)
	if err != nil {
		return ""
	}
	if p, ok := u.User.Password(); ok && p != "" {
		return p
	}
	return u.Query().Get("password")
}

func passwordNote(secret string) string {
	if secret == "" {
		return ""
	}
	return " (with the password where it says xxxxx, or in PGPASSWORD)"
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=@%+,") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// singleTextDoc reports whether the input is one text document.
func singleTextDoc(cfg readout.Config, args []string) bool {
	if cfg.Input.Format != source.Text || len(args) != 1 {
		return false
	}
	if args[0] == "-" {
		return true
	}
	info, err := os.Stat(args[0])
	return err == nil && !info.IsDir()
}

package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/readout/readout"
	"github.com/readout/readout/pipeline"
	"github.com/readout/readout/pipeline/source"
)

func newAnnotateCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "annotate [PATH ...]",
		Short: "Annotate text files, folders, stdin (-) or JSON Lines",
		Long: `annotate runs the pipeline over its inputs and writes one JSON record per
input record, in input order. PATH is a file, a folder (read recursively,
files matching input.include) or - for stdin. With no PATH it reads stdin.

A single text document is written as indented JSON; anything else as JSON
Lines. A record that cannot be annotated is written as an error record
(status "error", or "partial" when only some stages failed) and the exit
status is 1.`,
		Example: `  readout annotate testdata/egypt-russia-cairo.txt
  cat article.txt | readout annotate -
  readout annotate --input jsonl --workers 2 dump.jsonl > out.jsonl
  READOUT_OUTPUT_OFFSETS=utf16 readout annotate --output jsonl articles/`,
		RunE: runAnnotate,
	}
	f := cmd.Flags()
	f.String("input", "", "input format: text or jsonl (input.format)")
	f.String("output", "", "output format: auto, json or jsonl (output.format)")
	f.String("offsets", "", "offset unit: bytes, codepoints or utf16 (output.offsets)")
	f.Int("workers", 0, "worker goroutines, 0 = all cores (workers)")
	f.StringP("out", "o", "", "write to this file (via a temporary file renamed on success) instead of stdout")
	return cmd
}

// flagKeys maps flags to the config keys they override.
var flagKeys = map[string]string{
	"input":   "input.format",
	"output":  "output.format",
	"offsets": "output.offsets",
	"workers": "workers",
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

func runAnnotate(cmd *cobra.Command, args []string) error {
	cfg, err := loadConfig(cmd)
	if err != nil {
		return err
	}
	if len(args) == 0 {
		args = []string{"-"}
	}
	runner, err := cfg.NewRunner()
	if err != nil {
		return err
	}
	indent := cfg.Output.Format == "json" || (cfg.Output.Format == "auto" && singleTextDoc(cfg, args))

	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	w, commit, err := openOutput(cmd, cmd.OutOrStdout())
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}

	records := make(chan pipeline.Record, 16)
	opts := cfg.SourceOptions()
	opts.Stdin = cmd.InOrStdin()
	readErr := make(chan error, 1)
	go func() { readErr <- source.Read(ctx, args, opts, records) }()

	failed, total := 0, 0
	runErr := runner.Run(ctx, records, func(o *pipeline.Output) error {
		total++
		if o.Status != "ok" {
			failed++
		}
		return enc.Encode(o)
	})
	if runErr != nil {
		cancel() // the reader may be blocked sending records nobody takes
	}
	if err := <-readErr; err != nil && runErr == nil {
		runErr = err
	}
	if err := bw.Flush(); err != nil && runErr == nil {
		runErr = err
	}
	if err := commit(runErr == nil); err != nil && runErr == nil {
		runErr = err
	}
	if runErr != nil {
		return runErr
	}
	if failed > 0 {
		return &exitError{1, fmt.Errorf("%d of %d records failed (see their errors field)", failed, total)}
	}
	return nil
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

// openOutput returns where records go and a commit function: with --out the
// records go to a temporary file that is renamed over the target only when
// the run succeeded, so a failed run never leaves a half-written file.
func openOutput(cmd *cobra.Command, stdout io.Writer) (io.Writer, func(ok bool) error, error) {
	path, _ := cmd.Flags().GetString("out")
	if path == "" {
		return stdout, func(bool) error { return nil }, nil
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return nil, nil, err
	}
	return f, func(ok bool) error {
		if err := f.Close(); err != nil || !ok {
			os.Remove(f.Name())
			return err
		}
		return os.Rename(f.Name(), path)
	}, nil
}

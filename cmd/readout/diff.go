package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/readout/readout/eval"
	"github.com/readout/readout/pipeline"
)

func newDiffCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "diff A.json B.json",
		Short: "Show what changed between two annotations of the same text",
		Long: `diff compares two readout records of the same text (say, a golden file and
a new output) and lists entities added, removed, relabelled and re-spanned,
participants and their fields, paragraph kinds and topics, and issues,
parties and focus phrases. Scores are not compared. Like diff(1), the exit
status is 0 when nothing differs, 1 when something does, and 2 when the
records cannot be compared (different text_sha256 or offset units).`,
		Example: `  readout annotate testdata/egypt-russia-cairo.txt > new.json
  readout diff testdata/egypt-russia-cairo.golden.json new.json`,
		Args: cobra.ExactArgs(2),
		RunE: runDiff,
	}
	cmd.Flags().String("format", "text", "text or json (a list of changes)")
	cmd.Flags().String("id", "", "the record to compare, when the files hold several (JSON Lines)")
	return cmd
}

func runDiff(cmd *cobra.Command, args []string) error {
	format, _ := cmd.Flags().GetString("format")
	if format != "text" && format != "json" {
		return fmt.Errorf("--format: want text or json, got %q", format)
	}
	id, _ := cmd.Flags().GetString("id")
	a, err := readRecord(args[0], id)
	if err != nil {
		return err
	}
	b, err := readRecord(args[1], id)
	if err != nil {
		return err
	}
	changes, err := eval.Diff(a, b)
	var diffText eval.ErrDifferentText
	if errors.As(err, &diffText) {
		return fmt.Errorf("%s and %s: %w", args[0], args[1], err)
	}
	if err != nil {
		return err
	}
	out := cmd.OutOrStdout()
	if format == "json" {
		if changes == nil {
			changes = []eval.Change{}
		}
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		err = enc.Encode(changes)
	} else if len(changes) > 0 {
		_, err = fmt.Fprintf(out, "--- %s\n+++ %s\n%s", args[0], args[1], eval.FormatDiff(changes))
	}
	if err != nil {
		return err
	}
	if len(changes) > 0 {
		return &exitError{1, fmt.Errorf("%d changes", len(changes))}
	}
	return nil
}

// readRecord reads one readout record from a JSON file, or from a JSON Lines
// file the record whose id is id (the first when id is empty and the file
// holds one record).
func readRecord(path, id string) (*pipeline.Output, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	dec := json.NewDecoder(f)
	var recs []*pipeline.Output
	for {
		var o pipeline.Output
		err := dec.Decode(&o)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: record %d: %w", path, len(recs)+1, err)
		}
		if o.Schema != pipeline.SchemaVersion {
			return nil, fmt.Errorf("%s: record %d: schema %q, want %q", path, len(recs)+1, o.Schema, pipeline.SchemaVersion)
		}
		if id != "" && o.ID == id {
			return &o, nil
		}
		recs = append(recs, &o)
	}
	switch {
	case id != "":
		return nil, fmt.Errorf("%s: no record with id %q", path, id)
	case len(recs) == 0:
		return nil, fmt.Errorf("%s: no record", path)
	case len(recs) > 1:
		return nil, fmt.Errorf("%s holds %d records; choose one with --id", path, len(recs))
	}
	return recs[0], nil
}

// Command readout turns news text into structured annotations. It only wires
// flags and config to the packages that do the work.
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

// exitError carries an exit status out of a command.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

func main() {
	root := newRootCmd()
	if err := root.Execute(); err != nil {
		code := 2 // usage, config or I/O
		var ee *exitError
		if errors.As(err, &ee) {
			code = ee.code
		}
		fmt.Fprintln(os.Stderr, "readout:", err)
		os.Exit(code)
	}
}

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "readout",
		Short: "Turn news text into people, places, organisations, topics and issues",
		Long: `readout reads news articles and writes JSON: entities with offsets,
participants with role, country and organisation, the topic of every
paragraph, and an issue table of who focuses on what.`,
		Example: `  readout annotate testdata/egypt-russia-cairo.txt
  readout annotate --input jsonl dump.jsonl > out.jsonl
  readout annotate --workers 8 articles/ > out.jsonl`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().String("config", "", "YAML config file layered over the built-in defaults")
	root.AddCommand(newAnnotateCmd(), newEvalCmd(), newTrainCmd(), newVersionCmd(), newConfigCmd())
	root.AddCommand(newFixturesCmd(), newDiffCmd(), newRenderCmd())
	return root
}

package main

import (
	"fmt"

	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"

	"github.com/readout/readout"
	"github.com/readout/readout/pipeline"
)

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print readout's version and output schema",
		Example: "  readout version",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(cmd.OutOrStdout(), "readout %s (schema %s)\n", readout.Version, pipeline.SchemaVersion)
			return err
		},
	}
}

func newConfigCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "config",
		Short: "Print the effective configuration (defaults, --config file, environment)",
		Long: `config prints the configuration readout would run with, after layering the
built-in defaults, the --config file and READOUT_* environment variables, and
checks it: unknown keys and bad values are reported with their key.`,
		Example: `  readout config
  readout config --config my.yaml
  READOUT_WORKERS=4 readout config`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := loadConfig(cmd)
			if err != nil {
				return err
			}
			if _, err := cfg.NewPipeline(); err != nil {
				return err
			}
			return yaml.NewEncoder(cmd.OutOrStdout()).Encode(cfg)
		},
	}
}

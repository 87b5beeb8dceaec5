// Command readout-beam runs readout's annotation as an Apache Beam job on
// Prism (the default, in process), Flink, Spark or Dataflow. See the Beam
// section of readout's README and readoutbeam.Main.
//
//	readout-beam --input 'corpus/*.txt' --output out/annotated --errors out/errors
package main

import (
	"os"

	readoutbeam "github.com/readout/readout/beam"
)

func main() { os.Exit(readoutbeam.Main()) }
